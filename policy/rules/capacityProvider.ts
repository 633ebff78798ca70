/**
 * An Instances capacity provider (aws-native only: the classic provider has none) launches
 * EC2 instances in the customer's account. Its instances stay private like a VPC-mode
 * runtime: in private subnets with a security group, and every EBS volume (root and
 * persistent) encrypted. AWS encrypts by default, but `encrypted: false` is accepted.
 */
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { TYPES } from "./types";
import { problemRule } from "./rule";
import { describe, isUnknown, list, plainProps, record } from "./values";

export const CAPACITY_PROVIDER_TYPES: readonly string[] = [TYPES.nativeCapacityProvider];

/** What is wrong with a capacity provider's compute configuration; empty when private and encrypted. */
export function capacityProviderProblems(props: Record<string, unknown>): string[] {
    const compute = props.computeConfiguration;
    if (isUnknown(compute)) {
        return [];
    }
    const ec2 = record(record(compute)?.ec2Configuration);
    if (!ec2) {
        return [
            "has no computeConfiguration.ec2Configuration: set its vpcConfiguration to the agent subnets and the runtime security group",
        ];
    }
    const problems: string[] = [];
    const vpc = ec2.vpcConfiguration;
    if (!isUnknown(vpc)) {
        const v = record(vpc);
        if (!v || (!isUnknown(v.subnets) && list(v.subnets).length === 0)) {
            problems.push("launches instances in no subnet: set vpcConfiguration.subnets to the private agent subnets");
        }
        if (!v || (!isUnknown(v.securityGroups) && list(v.securityGroups).length === 0)) {
            problems.push("has no security group: set vpcConfiguration.securityGroups to the runtime security group");
        }
    }
    const root = record(ec2.rootVolume);
    if (root && root.encrypted === false) {
        problems.push(
            "has an unencrypted root volume: remove rootVolume.encrypted: false (or set it true with the stack key)",
        );
    }
    if (!isUnknown(ec2.volumes)) {
        list(ec2.volumes).forEach((volume, i) => {
            const ebs = record(record(volume)?.ebsConfiguration);
            if (ebs && ebs.encrypted === false) {
                problems.push(
                    `has an unencrypted volume volumes[${i}] (${String(ebs.name)}): set encrypted true with kmsKeyId the stack key`,
                );
            }
        });
    }
    return problems;
}

export const capacityProviderPrivate = problemRule({
    name: "agentcore-capacity-provider-private",
    description:
        "AgentCore Instances capacity providers launch instances only in subnets with a security group, with every EBS volume encrypted.",
    severity: "critical",
    types: CAPACITY_PROVIDER_TYPES,
    problems: (_type, props) => capacityProviderProblems(props),
});

/**
 * Where a stack creates its own subnets (the all-in-one stack's agent subnets), a capacity
 * provider launches only in those, none of them public: each subnet it lists is one it
 * depends on (its ID came from the stack's subnet), and no such subnet maps public IPs on
 * launch. A stack that creates no subnet (an adopted VPC, an agent stack in a network stack's
 * VPC) gets its subnets from config or the network contract, checked there.
 */
export function capacityProviderSubnetProblems(
    resources: readonly PolicyResource[],
): { provider: PolicyResource; problem: string }[] {
    const stackSubnets = resources.filter((r) => r.type === TYPES.subnet);
    if (stackSubnets.length === 0) {
        return [];
    }
    return resources
        .filter((r) => CAPACITY_PROVIDER_TYPES.includes(r.type))
        .flatMap((provider) => {
            const vpc = record(
                record(record(plainProps(provider.props).computeConfiguration)?.ec2Configuration)?.vpcConfiguration,
            );
            if (!vpc || isUnknown(vpc.subnets)) {
                return [];
            }
            const listed = list(vpc.subnets).filter((s) => !isUnknown(s));
            const fromStack = provider.dependencies.filter((d) => d.type === TYPES.subnet);
            const problems: string[] = [];
            if (listed.length > fromStack.length) {
                problems.push(
                    `launches in ${listed.length - fromStack.length} subnet(s) that are not this stack's agent subnets: set vpcConfiguration.subnets to the agent subnets the stack creates`,
                );
            }
            for (const subnet of fromStack) {
                if (plainProps(subnet.props).mapPublicIpOnLaunch === true) {
                    problems.push(
                        `launches in ${describe(subnet.type, subnet.name)}, which maps public IPs on launch: use the private agent subnets`,
                    );
                }
            }
            return problems.map((problem) => ({ provider, problem }));
        });
}

export const capacityProviderInAgentSubnets: StackValidationPolicy = {
    name: "agentcore-capacity-provider-in-agent-subnets",
    description:
        "In a stack that creates its subnets, AgentCore Instances capacity providers launch only in the stack's own agent subnets, none of them public.",
    enforcementLevel: "mandatory",
    severity: "critical",
    validateStack: (args, reportViolation) => {
        for (const { provider, problem } of capacityProviderSubnetProblems(args.resources)) {
            reportViolation(`${describe(provider.type, provider.name)} ${problem}.`, provider.urn);
        }
    },
};
