/**
 * The AgentCore runtime execution role as pure documents: who may assume it (trust
 * policy) and what it may do (one inline permission policy). Shapes follow the
 * AWS-documented execution role (../shared/AGENTCORE.md "Execution role"), tightened to the
 * runtimes, repositories and models this stack configures.
 */
import { AGENTCORE_SERVICE_PRINCIPAL, RUNTIME_LOG_GROUP_PREFIX } from "../agentcoreFacts";
import { MODEL_ARN, RuntimeConfig, parseEcrImageUri } from "../config";
import { AwsContext, PolicyDocument, PolicyStatement, regionalArn, serviceTrustPolicy, uniqueSorted } from "./document";
import { ECR_AUTH_ACTIONS, METRIC_ACTIONS, XRAY_ACTIONS } from "./unscopableActions";

// ---- Action lists: each one exists for one reason. ----

/** Pull the runtime image; BatchCheckLayerAvailability is push-side and not needed. */
export const ECR_PULL_ACTIONS = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"] as const;
/** Create and inspect the runtime's own log groups (the service creates them on first invocation). */
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
export { ECR_AUTH_ACTIONS, METRIC_ACTIONS, UNSCOPABLE_ACTIONS, XRAY_ACTIONS } from "./unscopableActions";

/** The namespace AgentCore publishes runtime metrics under (the PutMetricData condition). */
export const AGENTCORE_METRIC_NAMESPACE_CONDITION = "bedrock-agentcore";

/** What the execution role builders need: the deploy target plus the stack's runtimes and models. */
export interface ExecutionRoleInput extends AwsContext {
    readonly runtimes: readonly Pick<RuntimeConfig, "runtimeName" | "containerUri">[];
    readonly modelArns: readonly string[];
}

/**
 * Runtime ARNs of one configured runtime. AgentCore runtime IDs are `<runtimeName>-<10
 * alnum>` and names cannot contain `-`, so `<runtimeName>-*` matches this runtime (and its
 * endpoints) and no other.
 */
export function runtimeArnPattern(ctx: AwsContext, runtimeName: string): string {
    return regionalArn(ctx, "bedrock-agentcore", `runtime/${runtimeName}-*`);
}

/**
 * The ECR repository ARNs of the configured images, de-duplicated. Each ARN takes the
 * account of its own URI (the image may live in a shared registry account) and its region,
 * which is the stack's: AgentCore pulls only from its own region, as config checks.
 * Throws on a URI that is not a private ECR image (config validation rejects those first).
 */
export function ecrRepositoryArns(partition: string, runtimes: readonly Pick<RuntimeConfig, "runtimeName" | "containerUri">[]): string[] {
    return uniqueSorted(
        runtimes.map((runtime) => {
            const image = parseEcrImageUri(runtime.containerUri);
            if (!image) {
                throw new Error(`runtime ${runtime.runtimeName}: containerUri "${runtime.containerUri}" is not a private ECR image URI`);
            }
            return `arn:${partition}:ecr:${image.region}:${image.account}:repository/${image.repository}`;
        }),
    );
}

/**
 * Trust policy: only the AgentCore service, only on behalf of this account, and only for
 * the runtimes this stack configures (confused-deputy protection).
 */
export function executionRoleTrustPolicy(input: ExecutionRoleInput): PolicyDocument {
    return serviceTrustPolicy({
        sid: "AgentCoreRuntimesAssumeRole",
        service: AGENTCORE_SERVICE_PRINCIPAL,
        accountId: input.accountId,
        sourceArns: uniqueSorted(input.runtimes.map((r) => runtimeArnPattern(input, r.runtimeName))),
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
            Sid: "EcrPullRuntimeImages",
            Effect: "Allow",
            Action: [...ECR_PULL_ACTIONS],
            Resource: ecrRepositoryArns(input.partition, input.runtimes),
            Condition: { StringEquals: inRegion },
        },
        {
            Sid: "EcrAuthorizationToken",
            Effect: "Allow",
            Action: [...ECR_AUTH_ACTIONS],
            // GetAuthorizationToken has no resource type: "*" is the only valid resource.
            Resource: "*",
            Condition: { StringEquals: inRegion },
        },
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
                ...names.map((n) => regionalArn(input, "bedrock-agentcore", `workload-identity-directory/default/workload-identity/${n}-*`)),
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
    return { Version: "2012-10-17", Statement: statements };
}

/**
 * Problems that would make the documents wrong, found from plain config before anything is
 * created (config validation normally catches them first; the component may be reused).
 */
export function executionRoleProblems(input: Pick<ExecutionRoleInput, "runtimes" | "modelArns">): string[] {
    const problems: string[] = [];
    if (input.runtimes.length === 0) {
        problems.push("runtimes is empty: the execution role trusts only configured runtimes, so at least one is needed");
    }
    input.runtimes.forEach((r, i) => {
        if (!parseEcrImageUri(r.containerUri)) {
            problems.push(`runtimes[${i}].containerUri "${r.containerUri}" is not a private ECR image URI (e.g. "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent:1.4.2")`);
        }
    });
    input.modelArns.forEach((arn, i) => {
        if (!MODEL_ARN.test(arn)) {
            problems.push(`modelArns[${i}] "${arn}" must be a model or inference-profile ARN without wildcards`);
        }
    });
    return problems;
}
