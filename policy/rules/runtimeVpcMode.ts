/**
 * AgentCore runtimes run in VPC mode, inside our subnets and security groups. A PUBLIC
 * runtime gets a service-managed internet path that no security group or endpoint policy
 * of ours controls. Both providers name the fields the same way:
 * `networkConfiguration.networkMode` and `networkConfiguration.networkModeConfig.{subnets,securityGroups}`.
 */
import { RUNTIME_TYPES } from "./types";
import { problemRule } from "./rule";
import { isUnknown, list, record } from "./values";

const FIX =
    'set networkConfiguration to { networkMode: "VPC", networkModeConfig: { subnets: [<private subnet ids>], securityGroups: [<runtime security group id>] } }';

/** What is wrong with a runtime's network configuration; empty when it is private. */
export function runtimeNetworkProblems(props: Record<string, unknown>): string[] {
    const network = props.networkConfiguration;
    if (isUnknown(network)) {
        return [];
    }
    const config = record(network);
    // Instances: the runtime inherits the capacity provider's subnets and security groups,
    // and AWS rejects a networkConfiguration beside it.
    const capacity = record(props.capacityProviderConfiguration);
    if (capacity && (isUnknown(capacity.capacityProviderArn) || typeof capacity.capacityProviderArn === "string")) {
        return config
            ? [
                  "sets networkConfiguration beside capacityProviderConfiguration, which AWS rejects: remove networkConfiguration (the runtime inherits the capacity provider's subnets and security groups)",
              ]
            : [];
    }
    if (!config) {
        return [`has no networkConfiguration, so it would run in PUBLIC mode: ${FIX}`];
    }
    const problems: string[] = [];
    const mode = config.networkMode;
    if (!isUnknown(mode) && mode !== "VPC") {
        problems.push(`runs in networkMode ${JSON.stringify(mode ?? null)}, reachable outside the VPC: ${FIX}`);
        return problems;
    }
    const vpc = config.networkModeConfig;
    if (isUnknown(vpc)) {
        return problems;
    }
    const vpcConfig = record(vpc);
    if (!vpcConfig) {
        return [`is in VPC mode without networkModeConfig: ${FIX}`];
    }
    if (!isUnknown(vpcConfig.subnets) && list(vpcConfig.subnets).length === 0) {
        problems.push(
            "has no subnets in networkModeConfig.subnets: list the private agent subnets (at least one, one per availability zone)",
        );
    }
    if (!isUnknown(vpcConfig.securityGroups) && list(vpcConfig.securityGroups).length === 0) {
        problems.push(
            "has no security groups in networkModeConfig.securityGroups: attach the runtime security group that allows only TCP 443 to the VPC endpoints",
        );
    }
    return problems;
}

export const runtimeVpcMode = problemRule({
    name: "agentcore-runtime-vpc-mode",
    description:
        "AgentCore runtimes (aws-native and classic providers) run in VPC mode with subnets and security groups.",
    severity: "critical",
    types: RUNTIME_TYPES,
    problems: (_type, props) => runtimeNetworkProblems(props),
});
