/**
 * The deployer guardrail: an identity policy for the role that deploys this stack, denying
 * CreateAgentRuntime / UpdateAgentRuntime unless the runtime's network is exactly the stack's
 * agent subnets and runtime security group. It is an explicit Deny, so it bounds whatever the
 * role is otherwise allowed. AWS documents the condition keys `bedrock-agentcore:subnets` and
 * `bedrock-agentcore:securityGroups` for these two actions (AgentCore devguide "Use IAM
 * condition keys with AgentCore Runtime and built-in tools VPC settings").
 *
 * Each key gets two Deny statements, because one statement ANDs its conditions while the
 * guardrail must deny when ANY of these holds:
 * - `ForAnyValue:StringNotEquals`: a requested subnet (or group) is not one of the stack's;
 * - `Null: true`: the key is absent (a PUBLIC runtime sends no subnets). A set operator alone
 *   would let an absent key through: with no values, ForAnyValue matches nothing.
 * Exported as the `deployerGuardrailPolicy` stack output; the delivery setup attaches it.
 */
import { PolicyDocument, PolicyStatement, uniqueSorted } from "../aws/iamDocument";

/** The runtime control-plane actions that carry the VPC condition keys. */
export const GUARDED_RUNTIME_ACTIONS = [
    "bedrock-agentcore:CreateAgentRuntime",
    "bedrock-agentcore:UpdateAgentRuntime",
] as const;

export const SUBNETS_KEY = "bedrock-agentcore:subnets";
export const SECURITY_GROUPS_KEY = "bedrock-agentcore:securityGroups";

export interface DeployerGuardrailInput {
    /** The stack's agent subnet IDs. */
    readonly subnetIds: readonly string[];
    /** The stack's runtime security group IDs. */
    readonly securityGroupIds: readonly string[];
}

function deny(sid: string, condition: PolicyStatement["Condition"]): PolicyStatement {
    return { Sid: sid, Effect: "Deny", Action: [...GUARDED_RUNTIME_ACTIONS], Resource: "*", Condition: condition };
}

/** The guardrail document; throws when either list is empty (it would deny every runtime). */
export function deployerGuardrailDocument(input: DeployerGuardrailInput): PolicyDocument {
    if (input.subnetIds.length === 0 || input.securityGroupIds.length === 0) {
        throw new Error("deployerGuardrailDocument needs at least one subnet ID and one security group ID");
    }
    const subnets = uniqueSorted(input.subnetIds);
    const groups = uniqueSorted(input.securityGroupIds);
    return {
        Version: "2012-10-17",
        Statement: [
            deny("DenyRuntimeOutsideStackSubnets", { "ForAnyValue:StringNotEquals": { [SUBNETS_KEY]: subnets } }),
            deny("DenyRuntimeWithoutSubnets", { Null: { [SUBNETS_KEY]: "true" } }),
            deny("DenyRuntimeOutsideStackSecurityGroups", {
                "ForAnyValue:StringNotEquals": { [SECURITY_GROUPS_KEY]: groups },
            }),
            deny("DenyRuntimeWithoutSecurityGroups", { Null: { [SECURITY_GROUPS_KEY]: "true" } }),
        ],
    };
}
