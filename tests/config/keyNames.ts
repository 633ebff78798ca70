/**
 * The program's config keys in declaration order, as README's configuration table lists them:
 * written once for the specs that pin the list (configKeys.spec.ts) and the message that names
 * them all (an unknown key's "known keys: …"). Never read from src/config: a key added, removed
 * or moved in the code fails the specs that import this.
 */
export const CONFIG_KEY_NAMES = [
    "environment",
    "cpu",
    "memory",
    "vpcCidr",
    "agentSubnetCidrs",
    "availabilityZoneIds",
    "vpcId",
    "subnetIds",
    "routeTableIds",
    "createEndpoints",
    "endpointServices",
    "endpointClientCidrs",
    "runtimes",
    "modelArns",
    "logRetentionDays",
    "alarmEmails",
    "protect",
    "organizationId",
    "computeType",
    "instanceTypes",
    "instanceArchitecture",
    "instanceIdleTimeoutSeconds",
    "instanceMaxLifetimeSeconds",
    "instanceVolumes",
    "runtimeProvider",
    "secretValues",
    "tags",
    "tracing",
    "transactionSearch",
    "stackKind",
    "networkStack",
    "sessionInsights",
] as const;

/** The refusal of a misspelt project key: `<project>:<key> "<value>" is invalid: …; known keys: …`. */
export function unknownKeyMessage(key: string, value: string, suggestion: string): string {
    return `agentcore-private:${key} "${value}" is invalid: not a setting of this program (did you mean ${suggestion}?); known keys: ${CONFIG_KEY_NAMES.join(", ")} (e.g. ${suggestion})`;
}
