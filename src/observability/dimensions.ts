/**
 * The ONE place that decides which CloudWatch dimensions the alarms and the dashboard use
 * for AgentCore Runtime metrics. CloudWatch matches a dimension set exactly: a query with
 * one dimension too few or too many finds no data, and an alarm that treats missing data
 * as "not breaching" then sits in OK forever. If the series AgentCore publishes ever
 * change, this file is the only one to edit (docs/monitoring.md, "Dimensions").
 *
 * The choice, and why:
 * - Invocation metrics (Invocations, Throttles, SystemErrors, UserErrors, Latency) use `{ Operation: InvokeAgentRuntime, Name: <runtime name>::<endpoint>,
 *   Resource: <runtime ARN> }`. `{ Resource }` alone is what the first CDK helpers used;
 *   alarms built on it never left INSUFFICIENT_DATA, and the CDK fixed its helpers to this
 *   full set (aws/aws-cdk#38486).
 * - Usage metrics (CPUUsed-vCPUHours, MemoryUsed-GBHours) use `{ Service: AgentCore.Runtime,
 *   Name: <runtime name>::<endpoint>, Resource: <runtime ARN> }`, the endpoint-level set
 *   AgentCore documents and that matches the bill.
 * - Both sets carry the endpoint in `Name`, so each alarm reads every endpoint of its
 *   runtime (DEFAULT and the configured ones) and adds them up with metric math; watching
 *   DEFAULT alone would miss the traffic of a pinned `live` endpoint. Every query points at
 *   the runtime's ARN through `Resource`.
 */

/** The endpoint AgentCore keeps on the latest runtime version; every runtime has it. */
export const DEFAULT_ENDPOINT = "DEFAULT";

/** `Operation` of the invocation metrics: the data-plane call the runtime serves. */
export const INVOKE_OPERATION = "InvokeAgentRuntime";

/** `Service` of the usage metrics. */
export const USAGE_SERVICE = "AgentCore.Runtime";

/** Metrics published per invocation, with the `Operation` dimension. */
/**
 * The session count is left out on purpose: AWS's prose calls it `SessionCount`, code checked
 * against live accounts reads `Sessions`, and nothing here may depend on a name in doubt.
 * Sessions are counted from USAGE_LOGS instead (src/observability/usage.ts).
 */
export const INVOCATION_METRICS = ["Invocations", "Throttles", "SystemErrors", "UserErrors", "Latency"] as const;
export type InvocationMetric = (typeof INVOCATION_METRICS)[number];

/** Metered usage, with the `Service` dimension; it may arrive up to 60 minutes late. */
export const USAGE_METRICS = ["CPUUsed-vCPUHours", "MemoryUsed-GBHours"] as const;
export type UsageMetric = (typeof USAGE_METRICS)[number];

export type RuntimeMetric = InvocationMetric | UsageMetric;

/** What a query needs to address one runtime's metrics: plain strings, resolved ARNs. */
export interface MetricTarget {
    readonly runtimeArn: string;
    /** The AWS runtime name (`agentRuntimeName`), the first half of the `Name` dimension. */
    readonly runtimeName: string;
    /** DEFAULT first, then the configured endpoints, in config order. */
    readonly endpoints: readonly string[];
    /** The runtime's Contributor Insights usage rules, by measure (src/observability/usage.ts). */
    readonly usageRules: { readonly vcpu: readonly string[]; readonly memory: readonly string[] };
}

/** The endpoints a runtime serves: the service-managed DEFAULT, then the configured ones. */
export function endpointsOf(endpointNames: readonly string[]): string[] {
    return [DEFAULT_ENDPOINT, ...endpointNames];
}

/**
 * The runtime name inside a runtime ID: IDs are `<name>-<10 letters or digits>` and names
 * cannot hold a hyphen, so the name is everything before the last hyphen.
 */
export function runtimeNameFromId(runtimeId: string): string {
    const cut = runtimeId.lastIndexOf("-");
    return cut > 0 ? runtimeId.slice(0, cut) : runtimeId;
}

/** The `Name` dimension of one endpoint: `<runtime name>::<endpoint>`. */
export function endpointDimensionValue(runtimeName: string, endpoint: string): string {
    return `${runtimeName}::${endpoint}`;
}

function isUsageMetric(metric: RuntimeMetric): metric is UsageMetric {
    return (USAGE_METRICS as readonly string[]).includes(metric);
}

/** The exact dimension set AgentCore publishes `metric` under, for one endpoint of a runtime. */
export function metricDimensions(
    metric: RuntimeMetric,
    runtimeArn: string,
    runtimeName: string,
    endpoint: string,
): Record<string, string> {
    const name = endpointDimensionValue(runtimeName, endpoint);
    return isUsageMetric(metric)
        ? { Service: USAGE_SERVICE, Name: name, Resource: runtimeArn }
        : { Operation: INVOKE_OPERATION, Name: name, Resource: runtimeArn };
}
