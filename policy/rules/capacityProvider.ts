/**
 * An Instances capacity provider (aws-native only: the classic provider has none) launches
 * EC2 instances in the customer's account. Its instances stay private like a VPC-mode
 * runtime: in private subnets with a security group, and every EBS volume (root and
 * persistent) encrypted. AWS encrypts by default, but `encrypted: false` is accepted.
 */
import { TYPES } from "./types";
import { problemRule } from "./rule";
import { isUnknown, list, record } from "./values";

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
