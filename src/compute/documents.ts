/**
 * Pure builders of the capacity provider: its AWS name and the operator role's documents.
 * Sources: AgentCore dev guide `runtime-instances-security`; AWS managed policy reference
 * `BedrockAgentCoreRuntimeInstancesOperatorRolePolicy`
 * (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/BedrockAgentCoreRuntimeInstancesOperatorRolePolicy.html).
 */

/** The AWS managed policy AWS documents for the operator role (EC2/ASG actions fenced by tags). */
export const OPERATOR_MANAGED_POLICY_NAME = "BedrockAgentCoreRuntimeInstancesOperatorRolePolicy";
export const OPERATOR_MANAGED_POLICY_ARN = `arn:aws:iam::aws:policy/${OPERATOR_MANAGED_POLICY_NAME}`;

/** The managed policy's ARN in a partition (`arn:<partition>:iam::aws:policy/…`). */
export function operatorManagedPolicyArn(partition: string): string {
    return `arn:${partition}:iam::aws:policy/${OPERATOR_MANAGED_POLICY_NAME}`;
}

/** Capacity provider names: `^[a-zA-Z][a-zA-Z0-9_]{0,47}$`, unique per account (no hyphen). */
export const CAPACITY_PROVIDER_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,47}$/;

/** `agents_<stack>` with characters AWS rejects replaced by `_`, at most 48 characters. */
export function capacityProviderName(stack: string): string {
    return `agents_${stack.replace(/[^a-zA-Z0-9_]/g, "_")}`.slice(0, 48);
}

/**
 * Trust of the operator role: only AgentCore, only on behalf of this account. Which
 * aws:SourceArn the service presents is unconfirmed, so the condition is aws:SourceAccount
 * (confused-deputy protection AWS's global condition keys document).
 */
export function operatorRoleTrustPolicy(accountId: string) {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AgentCoreInstancesOperator",
                Effect: "Allow",
                Principal: { Service: "bedrock-agentcore.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "aws:SourceAccount": accountId } },
            },
        ],
    };
}
