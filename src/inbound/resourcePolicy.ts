/**
 * The resource-based policy that fences one AgentCore runtime (and each of its endpoints) to
 * the stack's VPC. Pure: plain values in, a policy document out.
 *
 * Why a Deny: a resource policy's Allow adds callers, it never removes any. A caller of this
 * account whose own IAM policy allows InvokeAgentRuntime is allowed whatever the resource
 * policy allows, so only an explicit Deny keeps such a caller out when it comes from
 * elsewhere (AWS: "Explicit Deny Always Wins"). JWT callers are not IAM principals; VPC
 * endpoint policies and SCPs cannot see them, so this policy is their only fence (AWS: OAuth
 * callers need `Principal: "*"` and condition keys such as aws:SourceVpc / aws:SourceVpce).
 * Sources: AgentCore devguide "Resource-based policies for Amazon Bedrock AgentCore"
 * (supported actions, hierarchical runtime/endpoint authorization, OAuth examples).
 */
import { PolicyDocument, policyDocument, PolicyStatement } from "../aws/iamDocument";

/**
 * Every runtime action AgentCore lists for resource-based policies (invoke over HTTP and
 * WebSocket, with or without a user id header, stop a session, read the agent card). The
 * fence denies all of them from outside the VPC; management actions (UpdateAgentRuntime…)
 * are left out on purpose, so the deployer outside the VPC can still manage the runtime.
 */
export const RUNTIME_INVOKE_ACTIONS = [
    "bedrock-agentcore:InvokeAgentRuntime",
    "bedrock-agentcore:InvokeAgentRuntimeForUser",
    "bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStream",
    "bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStreamForUser",
    "bedrock-agentcore:StopRuntimeSession",
    "bedrock-agentcore:GetAgentCard",
] as const;

/** The network origins the fence admits. */
export interface RuntimeFence {
    /** The VPC the stack's runtimes live in (created or adopted). */
    readonly vpcId: string;
    /**
     * The stack's own `bedrock-agentcore` interface endpoint; undefined when another stack in
     * the VPC owns the endpoints (createEndpoints false): the VPC alone is the fence then.
     */
    readonly agentcoreEndpointId?: string;
}

export interface RuntimeAccessPolicyInput extends RuntimeFence {
    /** The ARN of the runtime or runtime endpoint the policy is attached to. */
    readonly resourceArn: string;
    readonly partition: string;
    readonly accountId: string;
    /** `jwt` when the runtime has a custom JWT authorizer, else `sigv4`: a runtime takes one or the other. */
    readonly authentication: "sigv4" | "jwt";
    /** IAM principals outside this account allowed to invoke (SigV4 runtimes only). */
    readonly allowedPrincipals: readonly string[];
}

/** The account's root principal: in a resource policy it delegates to the account's own IAM policies. */
export function accountPrincipal(partition: string, accountId: string): string {
    return `arn:${partition}:iam::${accountId}:root`;
}

/** The origins the fence admits, as condition keys: the VPC, and the stack's endpoint when it owns one. */
function fenceOrigins(fence: RuntimeFence): Record<string, string> {
    const origins: Record<string, string> = { "aws:SourceVpc": fence.vpcId };
    if (fence.agentcoreEndpointId) {
        origins["aws:SourceVpce"] = fence.agentcoreEndpointId;
    }
    return origins;
}

/**
 * The Deny that makes the policy a fence. One condition block whose keys IAM ANDs together:
 * the statement applies only when the request is neither from the VPC (aws:SourceVpc) nor
 * through the stack's endpoint (aws:SourceVpce). `…IfExists` makes an absent key count as a
 * mismatch, so a request over the public endpoint (no VPC keys at all) is denied. The
 * Resource is the exact ARN the policy is attached to, as AWS's resource-based policy
 * examples write it (a runtime's policy names the runtime, an endpoint's the endpoint).
 */
export function denyOutsideVpcStatement(fence: RuntimeFence, resourceArn: string): PolicyStatement {
    return {
        Sid: "DenyInvokeFromOutsideStackVpc",
        Effect: "Deny",
        Principal: "*",
        Action: [...RUNTIME_INVOKE_ACTIONS],
        Resource: resourceArn,
        Condition: { StringNotEqualsIfExists: fenceOrigins(fence) },
    };
}

/**
 * The JWT Allows: the Deny's origins, one statement each. The Deny refuses a request that
 * matches neither origin; the Allow must admit one that matches either, and keys inside one
 * condition block are ANDed, so "SourceVpc OR SourceVpce" takes two statements. (A request
 * through the stack's endpoint also carries the stack's aws:SourceVpc, since the endpoint
 * lives in that VPC; the second statement states the same origin the Deny names, it admits no
 * one the first does not.)
 */
function jwtAllowStatements(fence: RuntimeFence, resourceArn: string): PolicyStatement[] {
    const sids: Record<string, string> = {
        "aws:SourceVpc": "AllowJwtCallersFromStackVpc",
        "aws:SourceVpce": "AllowJwtCallersThroughStackEndpoint",
    };
    return Object.entries(fenceOrigins(fence)).map(([key, value]) => ({
        Sid: sids[key],
        Effect: "Allow",
        Principal: "*",
        Action: [...RUNTIME_INVOKE_ACTIONS],
        Resource: resourceArn,
        Condition: { StringEquals: { [key]: value } },
    }));
}

/**
 * The runtime's (or endpoint's) resource policy. SigV4 runtimes: this account's principals
 * plus `allowedPrincipals`. JWT runtimes: any authenticated token holder (`Principal: "*"`,
 * as AgentCore requires for OAuth) from the VPC or through the stack's endpoint. Either way
 * the Deny comes first.
 */
export function runtimeAccessPolicy(input: RuntimeAccessPolicyInput): PolicyDocument {
    const allow: PolicyStatement[] =
        input.authentication === "jwt"
            ? jwtAllowStatements(input, input.resourceArn)
            : [
                  {
                      Sid: "AllowAccountAndListedPrincipals",
                      Effect: "Allow",
                      Principal: {
                          AWS: [accountPrincipal(input.partition, input.accountId), ...input.allowedPrincipals],
                      },
                      Action: [...RUNTIME_INVOKE_ACTIONS],
                      Resource: input.resourceArn,
                  },
              ];
    return policyDocument(denyOutsideVpcStatement(input, input.resourceArn), ...allow);
}
