/**
 * The deployer guardrail: a deploy role may create or update an AgentCore runtime only in
 * the given subnets with the given security groups. AgentCore exposes the request's
 * network as the IAM condition keys `bedrock-agentcore:subnets` and
 * `bedrock-agentcore:securityGroups` on CreateAgentRuntime and UpdateAgentRuntime
 * (/work/shared/AGENTCORE.md, "Artifacts, access and endpoints"). Explicit denies win over
 * any allow, so a later, broader grant cannot lift them.
 *
 * Same semantics as the private-inbound work's `src/iam/deployerGuardrail.ts`; when both
 * are merged, bootstrap/index.ts should call that builder instead (docs/delivery.md).
 */
import { PolicyDocument } from "../src/iam/document";

/** The runtime writes the guardrail covers. */
export const GUARDED_ACTIONS = ["bedrock-agentcore:CreateAgentRuntime", "bedrock-agentcore:UpdateAgentRuntime"];

export interface GuardrailArgs {
    readonly subnetIds: readonly string[];
    readonly securityGroupIds: readonly string[];
}

export function deployerGuardrailPolicy(args: GuardrailArgs): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                // Any subnet outside the list denies the request.
                Sid: "DenyRuntimeOutsideSubnets",
                Effect: "Deny",
                Action: [...GUARDED_ACTIONS],
                Resource: "*",
                Condition: { "ForAnyValue:StringNotEquals": { "bedrock-agentcore:subnets": [...args.subnetIds] } },
            },
            {
                Sid: "DenyRuntimeOutsideSecurityGroups",
                Effect: "Deny",
                Action: [...GUARDED_ACTIONS],
                Resource: "*",
                Condition: { "ForAnyValue:StringNotEquals": { "bedrock-agentcore:securityGroups": [...args.securityGroupIds] } },
            },
            {
                // No subnets in the request means PUBLIC network mode: denied too.
                Sid: "DenyRuntimeWithoutVpc",
                Effect: "Deny",
                Action: [...GUARDED_ACTIONS],
                Resource: "*",
                Condition: { Null: { "bedrock-agentcore:subnets": "true" } },
            },
            {
                Sid: "DenyRuntimeWithoutSecurityGroups",
                Effect: "Deny",
                Action: [...GUARDED_ACTIONS],
                Resource: "*",
                Condition: { Null: { "bedrock-agentcore:securityGroups": "true" } },
            },
        ],
    };
}
