/**
 * The alarms of one runtime, as pure definitions: what each watches, its threshold for the
 * environment and budget, how long it must breach, and what missing data means. The
 * component turns each into an `aws.cloudwatch.MetricAlarm` once the runtime's ARN resolves.
 */
import { Environment } from "../aws/agentcore";
import { SizingBudget } from "../config/types";
import { MetricTarget } from "./dimensions";
import { MetricQuery, latencyQueries, perEndpoint, sumQueries, userErrorRateQueries } from "./metricQueries";
import {
    FAST_PERIOD_SECONDS,
    THRESHOLDS,
    USAGE_SILENCE_PERIOD_SECONDS,
    USAGE_SILENCE_WINDOW,
    USAGE_WINDOW,
    cpuBudgetVcpu,
    memoryBudgetGb,
} from "./thresholds";
import { USAGE_RULE_PERIOD_SECONDS, activeSessionQueries, busiestSessionQueries } from "./usage";

/** The alarm kinds, in the order each runtime gets them; the last part of every alarm name. */
export const ALARM_METRICS = [
    "SystemErrors",
    "Throttles",
    "UserErrorRate",
    "LatencyP99",
    "CpuPerSession",
    "MemoryPerSession",
    "UsageLogsSilent",
] as const;
export type AlarmMetric = (typeof ALARM_METRICS)[number];

export type TreatMissingData = "missing" | "ignore" | "breaching" | "notBreaching";

export interface AlarmDefinition {
    readonly metric: AlarmMetric;
    readonly description: string;
    readonly comparisonOperator: "GreaterThanThreshold";
    readonly threshold: number;
    readonly evaluationPeriods: number;
    readonly datapointsToAlarm: number;
    /**
     * Always `notBreaching`: no datapoint means no traffic (no errors, no latency) or no
     * session (no usage), which is healthy; liveness is not these alarms' job.
     */
    readonly treatMissingData: TreatMissingData;
    /** The metric math the alarm watches, for one runtime's ARN, name and endpoints. */
    readonly queries: (target: MetricTarget) => MetricQuery[];
}

/** `<component name>-<runtime name>-<metric>`: deterministic, readable, unique per stack. */
export function alarmName(componentName: string, runtimeName: string, metric: AlarmMetric): string {
    return `${componentName}-${runtimeName}-${metric}`;
}

function round(value: number): number {
    return Math.round(value * 1000) / 1000;
}

/**
 * The usage-logs check: invocations in the hour (summed over endpoints) but no session in the
 * usage rules. 1 when the per-session alarms would be blind (delivery broken, or a record shape
 * neither reading matches), else 0.
 */
export function usageSilenceQueries(target: MetricTarget): MetricQuery[] {
    const invocations = perEndpoint(target, "Invocations", "Sum", USAGE_SILENCE_PERIOD_SECONDS, "inv");
    const sessions = activeSessionQueries(target.usageRules.vcpu, USAGE_SILENCE_PERIOD_SECONDS, "sessions").map(
        (q) => ({ ...q, returnData: undefined }),
    );
    return [
        ...invocations,
        ...sessions,
        {
            id: "invocations",
            expression: `SUM([${invocations.map((q) => q.id).join(", ")}])`,
            label: "Invocations (all endpoints)",
        },
        {
            id: "usageSilent",
            expression: "IF(invocations > 0 AND FILL(sessions, 0) == 0, 1, 0)",
            label: "Invocations without any session in USAGE_LOGS",
            returnData: true,
        },
    ];
}

/** The alarms that read the usage rules: created only with sessionInsights (docs/topology.md#quotas). */
export const SESSION_INSIGHT_ALARMS: readonly AlarmMetric[] = ["CpuPerSession", "MemoryPerSession", "UsageLogsSilent"];

/** Every alarm of a runtime with these endpoints (one per ALARM_METRICS kind), for an environment and sizing budget. */
export function runtimeAlarmDefinitions(
    environment: Environment,
    sizing: SizingBudget,
    endpoints: readonly string[],
): AlarmDefinition[] {
    const t = THRESHOLDS[environment];
    const fast = t.window;
    const where = `over endpoints ${endpoints.join(", ")}`;
    const inFast = `in ${fast.datapointsToAlarm} of ${fast.evaluationPeriods} 5-minute periods`;
    const inUsage = `in ${USAGE_WINDOW.datapointsToAlarm} of the last ${USAGE_WINDOW.evaluationPeriods} 5-minute periods (usage arrives up to 60 minutes late)`;
    const vcpu = round(cpuBudgetVcpu(sizing));
    const gb = round(memoryBudgetGb(sizing));
    const common = { comparisonOperator: "GreaterThanThreshold", treatMissingData: "notBreaching" } as const;
    const see = "See docs/monitoring.md.";
    return [
        {
            ...common,
            metric: "SystemErrors",
            description: `Failures: more than ${t.systemErrors} server-side errors per 5 minutes ${where}, ${inFast}. ${see}`,
            threshold: t.systemErrors,
            ...fast,
            queries: (target) => sumQueries(target, "SystemErrors", FAST_PERIOD_SECONDS, "systemErrors"),
        },
        {
            ...common,
            metric: "Throttles",
            description: `Throttling: more than ${t.throttles} throttled requests per 5 minutes ${where}, ${inFast}; check the TPS and session quotas. ${see}`,
            threshold: t.throttles,
            ...fast,
            queries: (target) => sumQueries(target, "Throttles", FAST_PERIOD_SECONDS, "throttles"),
        },
        {
            ...common,
            metric: "UserErrorRate",
            description: `Client errors: UserErrors above ${t.userErrorRatePercent}% of invocations (from ${t.userErrorMinInvocations} invocations per 5 minutes) ${where}, ${inFast}. ${see}`,
            threshold: t.userErrorRatePercent,
            ...fast,
            queries: (target) => userErrorRateQueries(target, FAST_PERIOD_SECONDS, t.userErrorMinInvocations),
        },
        {
            ...common,
            metric: "LatencyP99",
            description: `Performance: p99 latency above ${t.latencyP99Ms} ms on the slowest of endpoints ${endpoints.join(", ")}, ${inFast}. ${see}`,
            threshold: t.latencyP99Ms,
            ...fast,
            queries: (target) => latencyQueries(target, "p99", FAST_PERIOD_SECONDS, "latencyP99"),
        },
        {
            ...common,
            metric: "CpuPerSession",
            description: `Budget: a session held more than the ${vcpu} vCPU per-session budget (${sizing.cpu} CPU units), averaged over 5 minutes, ${inUsage}; measured per session from USAGE_LOGS. ${see}`,
            threshold: vcpu,
            ...USAGE_WINDOW,
            queries: (target) =>
                busiestSessionQueries(target.usageRules.vcpu, "vcpu", USAGE_RULE_PERIOD_SECONDS, "busiestSessionVcpu"),
        },
        {
            ...common,
            metric: "MemoryPerSession",
            description: `Budget: a session held more than the ${gb} GB per-session budget (${sizing.memory} MiB), averaged over 5 minutes, ${inUsage}; measured per session from USAGE_LOGS. ${see}`,
            threshold: gb,
            ...USAGE_WINDOW,
            queries: (target) =>
                busiestSessionQueries(
                    target.usageRules.memory,
                    "memory",
                    USAGE_RULE_PERIOD_SECONDS,
                    "busiestSessionGb",
                ),
        },
        {
            ...common,
            metric: "UsageLogsSilent",
            description: `Blind budget alarms: invocations ${where} but no session in USAGE_LOGS in ${USAGE_SILENCE_WINDOW.datapointsToAlarm} of the last ${USAGE_SILENCE_WINDOW.evaluationPeriods} hours; check the usage log delivery and the record shape. ${see}`,
            threshold: 0,
            ...USAGE_SILENCE_WINDOW,
            queries: (target) => usageSilenceQueries(target),
        },
    ];
}
