/**
 * The AgentCore runtime execution role as pure documents: who may assume it (trust
 * policy) and what it may do (one inline permission policy). Shapes follow the
 * AWS-documented execution role (../shared/AGENTCORE.md "Execution role"), tightened to the
 * runtimes, repositories and models this stack configures.
 */
import { AGENTCORE_SERVICE_PRINCIPAL, RUNTIME_LOG_GROUP_PREFIX } from "../aws/agentcore";
import { RuntimeConfig } from "../config";
import {
    AwsContext,
    PolicyDocument,
    PolicyStatement,
    policyDocument,
    regionalArn,
    serviceTrustPolicy,
    uniqueSorted,
} from "../aws/iamDocument";
import { METRIC_ACTIONS, XRAY_ACTIONS } from "../aws/unscopableActions";

// ---- Action lists: each one exists for one reason. ----

// The artifact statements (ECR pull, code object read) are in artifactAccess.ts: they
// follow each runtime's artifact and are created beside it.

/** Pull the runtime image; BatchCheckLayerAvailability is push-side and not needed. */
export const ECR_PULL_ACTIONS = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"] as const;
/** Create and inspect the runtime's own log groups: the service creates them itself (at creation or first invocation), never the stack. */
export const LOG_GROUP_ACTIONS = ["logs:CreateLogGroup", "logs:DescribeLogStreams"] as const;
/** Write application logs into streams of those groups. */
export const LOG_STREAM_ACTIONS = ["logs:CreateLogStream", "logs:PutLogEvents"] as const;
/** Find existing groups before creating one; DescribeLogGroups only accepts `log-group:*`. */
export const LOG_DESCRIBE_ACTIONS = ["logs:DescribeLogGroups"] as const;
/** Exchange the runtime's workload identity for access tokens (outbound auth to tools). */
export const WORKLOAD_IDENTITY_ACTIONS = [
    "bedrock-agentcore:GetWorkloadAccessToken",
    "bedrock-agentcore:GetWorkloadAccessTokenForJWT",
    "bedrock-agentcore:GetWorkloadAccessTokenForUserId",
] as const;
/** Call the configured models, streaming or not. */
export const MODEL_INVOKE_ACTIONS = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"] as const;

// The actions granted on "*" (ECR login, X-Ray, PutMetricData) live with the pack's rule
// that allows exactly them: one list, ./unscopableActions.ts.
export { ECR_AUTH_ACTIONS, METRIC_ACTIONS, UNSCOPABLE_ACTIONS, XRAY_ACTIONS } from "../aws/unscopableActions";

/** The namespace AgentCore publishes runtime metrics under (the PutMetricData condition). */
export const AGENTCORE_METRIC_NAMESPACE_CONDITION = "bedrock-agentcore";

/** What the execution role builders need: the deploy target plus the stack's runtimes and models. */
export interface ExecutionRoleInput extends AwsContext {
    readonly runtimes: readonly Pick<RuntimeConfig, "runtimeName">[];
    readonly modelArns: readonly string[];
}

/**
 * The `aws:SourceArn` the trust accepts: every AgentCore resource of this account and
 * region, `arn:<partition>:bedrock-agentcore:<region>:<account>:*`. This is the form AWS
 * documents for the execution role (AgentCore developer guide, "IAM Permissions for AgentCore
 * Runtime", trust policy example; the AWS CDK `aws-bedrockagentcore` Runtime builds the same).
 * No AWS source says which ARN the service presents when it validates ECR access at create
 * time, before the runtime exists, so a narrower pattern (`runtime/<name>-*`) is a guess that
 * can fail the deploy; `aws:SourceAccount` and this ARN together still shut out every other
 * account (docs/security.md, "Trust").
 */
export function agentCoreSourceArn(ctx: AwsContext): string {
    return regionalArn(ctx, "bedrock-agentcore", "*");
}

/**
 * Trust policy: only the AgentCore service, only on behalf of this account and region
 * (confused-deputy protection in the form AWS documents).
 */
export function executionRoleTrustPolicy(input: ExecutionRoleInput): PolicyDocument {
    return serviceTrustPolicy({
        sid: "AgentCoreRuntimesAssumeRole",
        service: AGENTCORE_SERVICE_PRINCIPAL,
        accountId: input.accountId,
        sourceArns: [agentCoreSourceArn(input)],
    });
}

/**
 * The one inline permission policy of the execution role. Every statement but the model
 * statement is limited to the stack's region with `aws:RequestedRegion`.
 */
export function executionRolePolicy(input: ExecutionRoleInput): PolicyDocument {
    const names = uniqueSorted(input.runtimes.map((r) => r.runtimeName));
    const logGroups = names.map((n) => regionalArn(input, "logs", `log-group:${RUNTIME_LOG_GROUP_PREFIX}${n}-*`));
    const inRegion = { "aws:RequestedRegion": input.region };
    const statements: PolicyStatement[] = [
        {
            Sid: "LogsRuntimeLogGroups",
            Effect: "Allow",
            Action: [...LOG_GROUP_ACTIONS],
            Resource: logGroups,
            Condition: { StringEquals: inRegion },
        },
        {
            Sid: "LogsRuntimeLogStreams",
            Effect: "Allow",
            Action: [...LOG_STREAM_ACTIONS],
            Resource: logGroups.map((arn) => `${arn}:log-stream:*`),
            Condition: { StringEquals: inRegion },
        },
        {
            Sid: "LogsDescribeLogGroups",
            Effect: "Allow",
            Action: [...LOG_DESCRIBE_ACTIONS],
            // DescribeLogGroups authorizes against every group of the account and region.
            Resource: regionalArn(input, "logs", "log-group:*"),
            Condition: { StringEquals: inRegion },
        },
        {
            Sid: "XRayTraces",
            Effect: "Allow",
            Action: [...XRAY_ACTIONS],
            // These X-Ray actions have no resource type: "*" is the only valid resource.
            Resource: "*",
            Condition: { StringEquals: inRegion },
        },
        {
            Sid: "CloudWatchAgentCoreMetrics",
            Effect: "Allow",
            Action: [...METRIC_ACTIONS],
            // PutMetricData has no resource type; the namespace condition is its only scope.
            Resource: "*",
            Condition: { StringEquals: { "cloudwatch:namespace": AGENTCORE_METRIC_NAMESPACE_CONDITION, ...inRegion } },
        },
        {
            Sid: "WorkloadIdentityTokens",
            Effect: "Allow",
            Action: [...WORKLOAD_IDENTITY_ACTIONS],
            Resource: [
                regionalArn(input, "bedrock-agentcore", "workload-identity-directory/default"),
                ...names.map((n) =>
                    regionalArn(
                        input,
                        "bedrock-agentcore",
                        `workload-identity-directory/default/workload-identity/${n}-*`,
                    ),
                ),
            ],
            Condition: { StringEquals: inRegion },
        },
    ];
    if (input.modelArns.length > 0) {
        statements.push({
            Sid: "InvokeConfiguredModels",
            Effect: "Allow",
            Action: [...MODEL_INVOKE_ACTIONS],
            Resource: uniqueSorted(input.modelArns),
            // No aws:RequestedRegion here: a cross-Region inference profile invokes the
            // foundation model in its destination Region, and IAM evaluates that call with
            // the destination as the requested Region, so a stack-region condition would
            // deny it. The ARNs already name every Region a model may run in.
        });
    }
    return policyDocument(...statements);
}
