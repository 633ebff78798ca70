/**
 * Alarm thresholds per environment, as one typed table (documented in docs/monitoring.md).
 * Development tolerates noise and pages no one at night; production alarms on the first
 * sustained sign of harm to callers. The usage budget is not here: it comes from the
 * stack's `sizing`, so changing `cpu` or `memory` moves the per-session alarms with it.
 */
import { Environment } from "../aws/agentcore";
import { SizingBudget } from "../config/types";

/** How many of the last `evaluationPeriods` periods must breach before the alarm fires. */
export interface EvaluationWindow {
    readonly evaluationPeriods: number;
    readonly datapointsToAlarm: number;
}

export interface EnvironmentThresholds {
    /** Server-side errors per 5 minutes, summed over endpoints, that the alarm tolerates. */
    readonly systemErrors: number;
    /** Throttled requests per 5 minutes that the alarm tolerates. */
    readonly throttles: number;
    /** UserErrors as a percentage of Invocations above which the alarm breaches. */
    readonly userErrorRatePercent: number;
    /** Below this many invocations in 5 minutes the rate counts as 0: one bad call of two is not a trend. */
    readonly userErrorMinInvocations: number;
    /** p99 end-to-end latency (ms, to the final response token) above which the alarm breaches. */
    readonly latencyP99Ms: number;
    /** Window of the 5-minute alarms (errors, throttles, user-error rate, latency). */
    readonly window: EvaluationWindow;
}

/** Period of the error, throttle and latency alarms: five 1-minute datapoints each. */
export const FAST_PERIOD_SECONDS = 300;

/**
 * Window of the per-session budget alarms over 5-minute Contributor Insights datapoints.
 * AWS says usage telemetry can arrive up to 60 minutes late; an alarm re-reads its whole
 * window every minute, so 15 periods (75 minutes) still judge a period whose records came an
 * hour late. Two periods over budget in that window page: at least 10 minutes of a session
 * held above its budget, not one burst.
 */
export const USAGE_WINDOW: EvaluationWindow = { evaluationPeriods: 15, datapointsToAlarm: 2 };

/**
 * The usage-logs check: hourly, because usage may lag an hour; two hours with invocations
 * but no usage record of any session mean the per-session alarms are blind.
 */
export const USAGE_SILENCE_PERIOD_SECONDS = 3600;
export const USAGE_SILENCE_WINDOW: EvaluationWindow = { evaluationPeriods: 3, datapointsToAlarm: 2 };

export const THRESHOLDS: Readonly<Record<Environment, EnvironmentThresholds>> = {
    // Developers break things on purpose; only a sustained 15-minute failure is worth a mail.
    development: {
        systemErrors: 10,
        throttles: 20,
        userErrorRatePercent: 25,
        userErrorMinInvocations: 20,
        latencyP99Ms: 120_000,
        window: { evaluationPeriods: 3, datapointsToAlarm: 3 },
    },
    // Release candidates: tighter than development so regressions show before production.
    staging: {
        systemErrors: 5,
        throttles: 10,
        userErrorRatePercent: 10,
        userErrorMinInvocations: 10,
        latencyP99Ms: 60_000,
        window: { evaluationPeriods: 3, datapointsToAlarm: 2 },
    },
    // Every server-side error or throttle is a caller turned away: any, in 2 of 3 periods, pages.
    production: {
        systemErrors: 0,
        throttles: 0,
        userErrorRatePercent: 5,
        userErrorMinInvocations: 10,
        latencyP99Ms: 30_000,
        window: { evaluationPeriods: 3, datapointsToAlarm: 2 },
    },
};

/** The per-session CPU budget in vCPU (1024 CPU units = 1 vCPU). */
export function cpuBudgetVcpu(sizing: SizingBudget): number {
    return sizing.cpu / 1024;
}

/** The per-session memory budget in GB, as USAGE_LOGS count it (MiB / 1024). */
export function memoryBudgetGb(sizing: SizingBudget): number {
    return sizing.memory / 1024;
}
