/**
 * The metric math every alarm (and the dashboard's usage graphs) watches, as pure values.
 * Each query reads one metric per endpoint of a runtime, with the dimensions from
 * ./dimensions, and one expression combines them into the single series an alarm needs.
 * The shapes are those of `aws.cloudwatch.MetricAlarm.metricQueries`.
 */
import { CLOUDWATCH_MAX_METRICS_PER_ALARM, METRIC_NAMESPACE } from "../aws/agentcore";
import { InvocationMetric, MetricTarget, RuntimeMetric, metricDimensions } from "./dimensions";

/** One entry of an alarm's `metricQueries`: a metric to fetch, or an expression over others. */
export interface MetricQuery {
    /** Starts with a lower-case letter; expressions refer to queries by it. */
    readonly id: string;
    readonly expression?: string;
    readonly label?: string;
    /** Exactly one query of an alarm returns data: the series the alarm compares. */
    readonly returnData?: boolean;
    /** Period of an expression that fetches its own data (INSIGHT_RULE_METRIC); metrics carry theirs. */
    readonly period?: number;
    readonly metric?: {
        readonly namespace: string;
        readonly metricName: string;
        readonly dimensions: Record<string, string>;
        readonly period: number;
        readonly stat: string;
    };
}

/**
 * CloudWatch lets a math alarm fetch at most 10 metrics, so a two-metric formula (the
 * user-error rate, and the usage-logs check's invocations beside its rule reads) can cover at
 * most 5 endpoints of a runtime.
 */
export const MAX_METRICS_PER_ALARM = CLOUDWATCH_MAX_METRICS_PER_ALARM;
export { MAX_ENDPOINTS_PER_RUNTIME_ALARM } from "../aws/agentcore";

/** One query per endpoint: `<prefix>0` is DEFAULT, then the configured endpoints. */
export function perEndpoint(
    target: MetricTarget,
    metricName: RuntimeMetric,
    stat: string,
    period: number,
    prefix: string,
): MetricQuery[] {
    return target.endpoints.map((endpoint, i) => ({
        id: `${prefix}${i}`,
        label: `${metricName} ${endpoint}`,
        metric: {
            namespace: METRIC_NAMESPACE,
            metricName,
            dimensions: metricDimensions(metricName, target.runtimeArn, target.runtimeName, endpoint),
            period,
            stat,
        },
    }));
}

function ids(queries: readonly MetricQuery[]): string {
    return `[${queries.map((q) => q.id).join(", ")}]`;
}

/** The sum over endpoints of a count (SystemErrors, Throttles, Invocations…). */
export function sumQueries(
    target: MetricTarget,
    metricName: InvocationMetric,
    period: number,
    resultId: string,
): MetricQuery[] {
    const parts = perEndpoint(target, metricName, "Sum", period, `${resultId}E`);
    return [
        ...parts,
        { id: resultId, expression: `SUM(${ids(parts)})`, label: `${metricName} (all endpoints)`, returnData: true },
    ];
}

/**
 * The worst endpoint's percentile latency. Percentiles of different endpoints cannot be
 * added or averaged, so the alarm takes the highest: any endpoint that is slow breaches.
 */
export function latencyQueries(target: MetricTarget, stat: string, period: number, resultId: string): MetricQuery[] {
    const parts = perEndpoint(target, "Latency", stat, period, `${resultId}E`);
    return [
        ...parts,
        {
            id: resultId,
            expression: `MAX(${ids(parts)})`,
            label: `Latency ${stat} (slowest endpoint)`,
            returnData: true,
        },
    ];
}

/**
 * UserErrors as a percentage of Invocations over all endpoints. Below `minInvocations`
 * the rate is 0 (one failed call of two is not a trend), and a period with invocations
 * but no UserErrors datapoint counts as 0 errors.
 */
export function userErrorRateQueries(target: MetricTarget, period: number, minInvocations: number): MetricQuery[] {
    const invocations = perEndpoint(target, "Invocations", "Sum", period, "inv");
    const errors = perEndpoint(target, "UserErrors", "Sum", period, "ue");
    return [
        ...invocations,
        ...errors,
        { id: "invocations", expression: `SUM(${ids(invocations)})`, label: "Invocations (all endpoints)" },
        { id: "userErrors", expression: `FILL(SUM(${ids(errors)}), 0)`, label: "UserErrors (all endpoints)" },
        {
            id: "userErrorRate",
            expression: `IF(invocations >= ${minInvocations}, 100 * userErrors / invocations, 0)`,
            label: "UserErrors % of invocations",
            returnData: true,
        },
    ];
}
