/**
 * The IAM actions that have no resource type in the AWS Service Authorization Reference, so no
 * ARN can scope them and they are granted on `"*"` (docs/security.md), written once for the
 * specs as literals from that reference. Never read from src/aws/unscopableActions.ts: an action
 * added to or dropped from the code's list fails the specs that import these.
 */

/** ECR: the registry login token is account-wide. */
export const ECR_AUTHORIZATION = ["ecr:GetAuthorizationToken"];

/** X-Ray: trace export (PutSpans / PutSpansForIndexing admit the OTLP endpoint's spans) and sampling reads. */
export const XRAY_WRITES = [
    "xray:PutTraceSegments",
    "xray:PutTelemetryRecords",
    "xray:GetSamplingRules",
    "xray:GetSamplingTargets",
    "xray:PutSpans",
    "xray:PutSpansForIndexing",
];

/** CloudWatch: PutMetricData, scoped by a namespace condition instead. */
export const METRIC_WRITES = ["cloudwatch:PutMetricData"];

/** All of them, in the order the execution role grants them. */
export const ACTIONS_ONLY_ON_STAR = [...ECR_AUTHORIZATION, ...XRAY_WRITES, ...METRIC_WRITES];
