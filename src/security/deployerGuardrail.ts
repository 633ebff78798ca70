/**
 * The deployer guardrail: an identity policy for the role that deploys this stack, denying
 * CreateAgentRuntime / UpdateAgentRuntime unless the runtime's network is exactly the stack's
 * agent subnets and runtime security group, and denying the use of any capacity provider
 * but the stack's own. It is an explicit Deny, so it bounds whatever the role is otherwise
 * allowed. AWS documents the condition keys `bedrock-agentcore:subnets` and
 * `bedrock-agentcore:securityGroups` for these two actions (AgentCore devguide "Use IAM
 * condition keys with AgentCore Runtime and built-in tools VPC settings").
 *
 * Each key gets two Deny statements, because one statement ANDs its conditions while the
 * guardrail must deny when ANY of these holds:
 * - `ForAnyValue:StringNotEquals`: a requested subnet (or group) is not one of the stack's;
 * - `Null: true`: the key is absent (a PUBLIC runtime sends no subnets). A set operator alone
 *   would let an absent key through: with no values, ForAnyValue matches nothing.
 *
 * Capacity providers (the Instances compute type). The Service Authorization Reference for
 * AgentCore lists `bedrock-agentcore:PassCapacityProvider` (permission-only, resource
 * `capacity-provider`) as an action CreateAgentRuntime also authorizes when the runtime names
 * a provider; Update/DeleteCapacityProvider take the provider as their resource. So:
 * - a microVM stack passes no provider: PassCapacityProvider is denied on every one;
 * - an Instances stack passes only its own (`capacity-provider/agents_<stack>-*`: provider
 *   names have no hyphen, so the pattern matches that one name and AWS's suffix), and an
 *   Instances runtime sends no network configuration, so the deny-when-absent statements
 *   would refuse it: they are left out, and the provider's subnets are fenced by the policy
 *   pack instead (no condition key for a provider's subnets is documented; docs/instances.md).
 * Exported as the `deployerGuardrailPolicy` stack output; the bootstrap attaches it.
 */
import { PolicyDocument, policyDocument, PolicyStatement, uniqueSorted } from "../aws/iamDocument";

/** The runtime control-plane actions that carry the VPC condition keys. */
export const GUARDED_RUNTIME_ACTIONS = [
    "bedrock-agentcore:CreateAgentRuntime",
    "bedrock-agentcore:UpdateAgentRuntime",
] as const;

/** Using a capacity provider for a runtime (CreateAgentRuntime/UpdateAgentRuntime authorize it). */
export const PASS_CAPACITY_PROVIDER_ACTION = "bedrock-agentcore:PassCapacityProvider";
/** What the guardrail keeps to the stack's own capacity provider (each takes the provider as resource). */
export const GUARDED_CAPACITY_PROVIDER_ACTIONS = [
    PASS_CAPACITY_PROVIDER_ACTION,
    "bedrock-agentcore:UpdateCapacityProvider",
    "bedrock-agentcore:DeleteCapacityProvider",
] as const;

export const SUBNETS_KEY = "bedrock-agentcore:subnets";
export const SECURITY_GROUPS_KEY = "bedrock-agentcore:securityGroups";

export interface DeployerGuardrailInput {
    /** The stack's agent subnet IDs. */
    readonly subnetIds: readonly string[];
    /** The stack's runtime security group IDs. */
    readonly securityGroupIds: readonly string[];
    /**
     * Instances only: the ARN (pattern) of the stack's own capacity provider. Default: none, a
     * microVM stack, which may pass no capacity provider at all.
     */
    readonly capacityProviderArn?: string;
}

function deny(sid: string, condition: PolicyStatement["Condition"]): PolicyStatement {
    return { Sid: sid, Effect: "Deny", Action: [...GUARDED_RUNTIME_ACTIONS], Resource: "*", Condition: condition };
}

/** `arn:<partition>:bedrock-agentcore:<region>:<account>:capacity-provider/<name>-*`: the provider AWS names `<name>-<suffix>`. */
export function capacityProviderArnPattern(
    ctx: { readonly partition: string; readonly region: string; readonly accountId: string },
    providerName: string,
): string {
    return `arn:${ctx.partition}:bedrock-agentcore:${ctx.region}:${ctx.accountId}:capacity-provider/${providerName}-*`;
}

/** The guardrail document; throws when either list is empty (it would deny every runtime). */
export function deployerGuardrailDocument(input: DeployerGuardrailInput): PolicyDocument {
    if (input.subnetIds.length === 0 || input.securityGroupIds.length === 0) {
        throw new Error("deployerGuardrailDocument needs at least one subnet ID and one security group ID");
    }
    const subnets = uniqueSorted(input.subnetIds);
    const groups = uniqueSorted(input.securityGroupIds);
    const outsideSubnets = deny("DenyRuntimeOutsideStackSubnets", {
        "ForAnyValue:StringNotEquals": { [SUBNETS_KEY]: subnets },
    });
    const outsideGroups = deny("DenyRuntimeOutsideStackSecurityGroups", {
        "ForAnyValue:StringNotEquals": { [SECURITY_GROUPS_KEY]: groups },
    });
    if (input.capacityProviderArn !== undefined) {
        return policyDocument(outsideSubnets, outsideGroups, {
            Sid: "DenyCapacityProviderOutsideStack",
            Effect: "Deny",
            Action: [...GUARDED_CAPACITY_PROVIDER_ACTIONS],
            NotResource: input.capacityProviderArn,
        });
    }
    return policyDocument(
        outsideSubnets,
        deny("DenyRuntimeWithoutSubnets", { Null: { [SUBNETS_KEY]: "true" } }),
        outsideGroups,
        deny("DenyRuntimeWithoutSecurityGroups", { Null: { [SECURITY_GROUPS_KEY]: "true" } }),
        {
            Sid: "DenyAnyCapacityProvider",
            Effect: "Deny",
            Action: [PASS_CAPACITY_PROVIDER_ACTION],
            Resource: "*",
        },
    );
}
