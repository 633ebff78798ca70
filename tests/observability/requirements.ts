/**
 * The monitoring requirement (docs/monitoring.md) as literals, written once for every spec that
 * checks the alarms. Never read from src/observability: a kind, threshold, window or period
 * changed in the code fails the specs that import these.
 */

/** The alarm kinds docs/monitoring.md lists, in the order each runtime gets them (the last part of each alarm's name). */
export const ALARM_KINDS = [
    "SystemErrors",
    "Throttles",
    "UserErrorRate",
    "LatencyP99",
    "CpuPerSession",
    "MemoryPerSession",
    "UsageLogsSilent",
] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];

/** The kinds that read the usage rules: created only with sessionInsights, never on Instances (README "Stack outputs"). */
export const SESSION_INSIGHT_ALARM_KINDS: readonly AlarmKind[] = [
    "CpuPerSession",
    "MemoryPerSession",
    "UsageLogsSilent",
];

/** The kinds every runtime gets, sessionInsights or not, on microVMs and on Instances, in ALARM_KINDS' order. */
export const RUNTIME_METRIC_ALARM_KINDS: readonly AlarmKind[] = ALARM_KINDS.filter(
    (kind) => !SESSION_INSIGHT_ALARM_KINDS.includes(kind),
);

/** CloudWatch lets a metric-math alarm fetch at most 10 metrics ("Limit" in docs/monitoring.md). */
export const METRICS_PER_ALARM_LIMIT = 10;

/** An alarm's evaluation: `datapointsToAlarm` of the last `evaluationPeriods` periods of `periodSeconds`. */
export interface AlarmWindow {
    readonly evaluationPeriods: number;
    readonly datapointsToAlarm: number;
    readonly periodSeconds: number;
}

/** The per-session alarms: 2 of the last 15 five-minute periods (usage data may lag up to 60 minutes). */
export const PER_SESSION_WINDOW: AlarmWindow = { evaluationPeriods: 15, datapointsToAlarm: 2, periodSeconds: 300 };
/** UsageLogsSilent: usage logs silent in 2 of the last 3 hours with invocations. */
export const USAGE_LOGS_SILENT_WINDOW: AlarmWindow = {
    evaluationPeriods: 3,
    datapointsToAlarm: 2,
    periodSeconds: 3600,
};

export interface EnvironmentAlarms {
    /**
     * Each alarm's threshold. The per-session ones are the fixture stack's sizing budget
     * (tests/fixtures/Pulumi.<stack>.yaml `cpu`/`memory`): cpu/1024 vCPU and memory/1024 GB.
     */
    readonly threshold: Readonly<Record<AlarmKind, number>>;
    /** The 5-minute alarms' window (errors, throttles, user-error rate, latency). */
    readonly window: AlarmWindow;
    /** Below this many invocations in 5 minutes the user-error rate counts as 0. */
    readonly userErrorMinInvocations: number;
}

/** The table "Alarm | … | development | staging | production" and the evaluation windows of docs/monitoring.md. */
export const ALARMS_BY_ENVIRONMENT: Readonly<Record<"development" | "staging" | "production", EnvironmentAlarms>> = {
    // Development: 15 sustained minutes (3 of 3 five-minute periods); budget 512 units / 1024 MiB.
    development: {
        threshold: {
            SystemErrors: 10,
            Throttles: 20,
            UserErrorRate: 25,
            LatencyP99: 120000,
            CpuPerSession: 0.5,
            MemoryPerSession: 1,
            UsageLogsSilent: 0,
        },
        window: { evaluationPeriods: 3, datapointsToAlarm: 3, periodSeconds: 300 },
        userErrorMinInvocations: 20,
    },
    // Staging: 2 of 3 periods; budget 1024 units / 2048 MiB.
    staging: {
        threshold: {
            SystemErrors: 5,
            Throttles: 10,
            UserErrorRate: 10,
            LatencyP99: 60000,
            CpuPerSession: 1,
            MemoryPerSession: 2,
            UsageLogsSilent: 0,
        },
        window: { evaluationPeriods: 3, datapointsToAlarm: 2, periodSeconds: 300 },
        userErrorMinInvocations: 10,
    },
    // Production: any error or throttle in 2 of 3 periods pages; budget 2048 units / 4096 MiB.
    production: {
        threshold: {
            SystemErrors: 0,
            Throttles: 0,
            UserErrorRate: 5,
            LatencyP99: 30000,
            CpuPerSession: 2,
            MemoryPerSession: 4,
            UsageLogsSilent: 0,
        },
        window: { evaluationPeriods: 3, datapointsToAlarm: 2, periodSeconds: 300 },
        userErrorMinInvocations: 10,
    },
};

/** The window an alarm kind is evaluated over in an environment. */
export function windowOf(environment: keyof typeof ALARMS_BY_ENVIRONMENT, kind: AlarmKind): AlarmWindow {
    if (kind === "CpuPerSession" || kind === "MemoryPerSession") return PER_SESSION_WINDOW;
    if (kind === "UsageLogsSilent") return USAGE_LOGS_SILENT_WINDOW;
    return ALARMS_BY_ENVIRONMENT[environment].window;
}
