/**
 * The deploy role's guardrail as literals, for the specs that check it: denies on
 * Create/UpdateAgentRuntime outside the stack's subnets and security groups (the
 * `bedrock-agentcore:subnets` / `:securityGroups` condition keys, ../shared/AGENTCORE.md), and on
 * passing, updating or deleting any capacity provider but the stack's own. Imports nothing from src/.
 */
export const RUNTIME_WRITE_ACTIONS = ["bedrock-agentcore:CreateAgentRuntime", "bedrock-agentcore:UpdateAgentRuntime"];

export const PROVIDER_WRITE_ACTIONS = [
    "bedrock-agentcore:PassCapacityProvider",
    "bedrock-agentcore:UpdateCapacityProvider",
    "bedrock-agentcore:DeleteCapacityProvider",
];

/** A statement denying runtime writes when `Condition` holds. */
export function runtimeWriteDeny(Sid: string, Condition: Record<string, Record<string, unknown>>) {
    return { Sid, Effect: "Deny", Action: RUNTIME_WRITE_ACTIONS, Resource: "*", Condition };
}

/** The statement denying every capacity provider write but on the stack's own (`NotResource`). */
export function otherProvidersDeny(NotResource: string) {
    return { Sid: "DenyCapacityProviderOutsideStack", Effect: "Deny", Action: PROVIDER_WRITE_ACTIONS, NotResource };
}
