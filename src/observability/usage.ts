/**
 * Per-session usage against the stack's budget, from the runtime's USAGE_LOGS, as pure
 * values: the Contributor Insights rules that sum each session's vCPU-hours and GB-hours,
 * and the metric math that turns the biggest session's sum into the vCPU and GB it held.
 *
 * What is measured (docs/monitoring.md, "Per-session usage"): every USAGE_LOGS record is one
 * session-second, so a rule keyed by session ID that sums a record's vCPU-hours gives, per
 * period P, each session's vCPU-hours in P; its top contributor (`MaxContributorValue`)
 * × 3600 / P is the average vCPU of the busiest session over P (GB likewise). No session
 * count is read and nothing is divided by one.
 */
import { SECONDS_PER_HOUR, USAGE_RECORD_READINGS, UsageRecordReading } from "./facts";
import type { MetricQuery } from "./metricQueries";

/** What a rule sums per session. */
export const USAGE_MEASURES = ["vcpu", "memory"] as const;
export type UsageMeasure = (typeof USAGE_MEASURES)[number];

/** Period of the usage rules' datapoints that the alarms and graphs read. */
export const USAGE_RULE_PERIOD_SECONDS = 300;

/** `<component>-<runtime>-<vcpu|memory>-<flat|nested>`: unique per account and region. */
export function usageRuleName(
    componentName: string,
    runtimeName: string,
    measure: UsageMeasure,
    reading: UsageRecordReading,
): string {
    return `${componentName}-${runtimeName}-session-${measure}-${reading.label}`;
}

/** Every usage rule of one runtime: each measure under each reading of the record. */
export function usageRules(
    componentName: string,
    runtimeName: string,
): { name: string; measure: UsageMeasure; reading: UsageRecordReading }[] {
    return USAGE_MEASURES.flatMap((measure) =>
        USAGE_RECORD_READINGS.map((reading) => ({
            name: usageRuleName(componentName, runtimeName, measure, reading),
            measure,
            reading,
        })),
    );
}

/**
 * The Contributor Insights rule body: over the runtime's usage log group, contributors keyed
 * by session ID, each contributing the sum of its records' vCPU-hours (or GB-hours). A record
 * that lacks the key or the value under this reading is not counted.
 */
export function usageRuleDefinition(
    logGroupName: string,
    measure: UsageMeasure,
    reading: UsageRecordReading,
): Record<string, unknown> {
    return {
        Schema: { Name: "CloudWatchLogRule", Version: 1 },
        LogGroupNames: [logGroupName],
        LogFormat: "JSON",
        Contribution: {
            Keys: [reading.sessionId],
            ValueOf: measure === "vcpu" ? reading.vcpuHours : reading.memoryGbHours,
            Filters: [],
        },
        AggregateOn: "Sum",
    };
}

/** Period hours → the factor that turns a session's hours of use in the period into its average. */
export function averagingFactor(periodSeconds: number): number {
    return SECONDS_PER_HOUR / periodSeconds;
}

/**
 * One hidden query per usage rule (one per record reading) of a Contributor Insights
 * statistic, `<resultId>R<i>`, for an expression over them to combine.
 */
function perRuleQueries(
    ruleNames: readonly string[],
    statistic: "MaxContributorValue" | "UniqueContributors",
    label: string,
    periodSeconds: number,
    resultId: string,
): MetricQuery[] {
    return ruleNames.map((rule, i) => ({
        id: `${resultId}R${i}`,
        expression: `INSIGHT_RULE_METRIC("${rule}", "${statistic}")`,
        label: `${rule} ${label}`,
        period: periodSeconds,
    }));
}

/**
 * The metric math an alarm or graph reads for one measure: the busiest session's average
 * vCPU (or GB) over each period, the larger of the readings (a reading that matches no
 * record contributes 0). `resultId` returns the data.
 */
export function busiestSessionQueries(
    ruleNames: readonly string[],
    measure: UsageMeasure,
    periodSeconds: number,
    resultId: string,
): MetricQuery[] {
    const parts = perRuleQueries(ruleNames, "MaxContributorValue", "top session", periodSeconds, resultId);
    const unit = measure === "vcpu" ? "vCPU" : "GB";
    return [
        ...parts,
        {
            id: resultId,
            expression: `MAX([${parts.map((p) => `FILL(${p.id}, 0)`).join(", ")}]) * ${averagingFactor(periodSeconds)}`,
            label: `${unit} of the busiest session (average over ${periodSeconds / 60} minutes)`,
            period: periodSeconds,
            returnData: true,
        },
    ];
}

/** Distinct sessions with usage in each period: the larger count over the readings. */
export function activeSessionQueries(
    ruleNames: readonly string[],
    periodSeconds: number,
    resultId: string,
): MetricQuery[] {
    const parts = perRuleQueries(ruleNames, "UniqueContributors", "sessions", periodSeconds, resultId);
    return [
        ...parts,
        {
            id: resultId,
            expression: `MAX([${parts.map((p) => `FILL(${p.id}, 0)`).join(", ")}])`,
            label: "Sessions with usage (distinct session IDs in USAGE_LOGS)",
            period: periodSeconds,
            returnData: true,
        },
    ];
}
