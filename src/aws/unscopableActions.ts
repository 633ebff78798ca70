/**
 * The actions that have no resource type in the AWS Service Authorization Reference, so no
 * ARN can scope them and they are granted on `"*"`. One list for the execution role
 * (src/security/executionRole.ts) and the pack's least-privilege rule (policy/rules/
 * iamLeastPrivilege.ts), which allows exactly these on `"*"`. Pure: imports nothing.
 */

/** Log in to the registry; GetAuthorizationToken cannot be scoped to a resource (the token is account-wide). */
export const ECR_AUTH_ACTIONS = ["ecr:GetAuthorizationToken"] as const;
/**
 * Send traces and read sampling rules; these X-Ray actions have no resource types.
 * PutSpans / PutSpansForIndexing authorize the X-Ray OTLP endpoint
 * (`https://xray.<region>.amazonaws.com/v1/traces`) that ADOT exports the agent's spans to
 * with `tracing: true`; PutTraceSegments alone does not admit OTLP spans.
 */
export const XRAY_ACTIONS = [
    "xray:PutTraceSegments",
    "xray:PutTelemetryRecords",
    "xray:GetSamplingRules",
    "xray:GetSamplingTargets",
    "xray:PutSpans",
    "xray:PutSpansForIndexing",
] as const;
/** Publish runtime metrics; PutMetricData has no resource types, so a namespace condition scopes it. */
export const METRIC_ACTIONS = ["cloudwatch:PutMetricData"] as const;

/** The only actions granted on `"*"`. */
export const UNSCOPABLE_ACTIONS: readonly string[] = [...ECR_AUTH_ACTIONS, ...XRAY_ACTIONS, ...METRIC_ACTIONS];
