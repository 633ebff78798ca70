/**
 * The saved CloudWatch Logs Insights queries for the common investigations, as pure strings.
 * Logs Insights flattens JSON, so a usage record's session ID is `session.id` when AWS's flat
 * field list holds and `attributes.session.id` when the fields are nested: every query reads
 * both with `coalesce` (docs/monitoring.md, "Per-session usage").
 */
import { SizingBudget } from "../config/types";
import { SECONDS_PER_HOUR } from "./facts";

const USAGE_FIELDS =
    "fields coalesce(`session.id`, `attributes.session.id`) as session, " +
    "coalesce(`agent.runtime.vcpu.hours.used`, `metrics.agent.runtime.vcpu.hours.used`) as vcpuHours, " +
    "coalesce(`agent.runtime.memory.gb_hours.used`, `metrics.agent.runtime.memory.gb_hours.used`) as gbHours";

/** Per session: seconds with usage (one record each), vCPU-hours, GB-hours, first and last seen. */
const PER_SESSION =
    `${USAGE_FIELDS}\n| filter ispresent(session)\n` +
    "| stats count(*) as seconds, sum(vcpuHours) as vcpuHoursUsed, sum(gbHours) as gbHoursUsed, min(@timestamp) as firstSeen, max(@timestamp) as lastSeen by session";

/** Sessions, most recent first (usage log group). */
export function sessionsQuery(): string {
    return `${PER_SESSION}\n| sort lastSeen desc\n| limit 100`;
}

/** Sessions by vCPU-hours used, largest first (usage log group). */
export function topSessionsQuery(): string {
    return `${PER_SESSION}\n| sort vcpuHoursUsed desc\n| limit 20`;
}

/**
 * Each session's average vCPU and GB over the seconds it had usage, against the budget
 * (usage log group): the sessions the CpuPerSession / MemoryPerSession alarms are about.
 */
export function usageAgainstBudgetQuery(sizing: SizingBudget): string {
    const vcpu = sizing.cpu / 1024;
    const gb = sizing.memory / 1024;
    return (
        `${PER_SESSION}\n` +
        `| fields session, seconds, vcpuHoursUsed * ${SECONDS_PER_HOUR} / seconds as avgVcpu, gbHoursUsed * ${SECONDS_PER_HOUR} / seconds as avgGb, ` +
        `${vcpu} as budgetVcpu, ${gb} as budgetGb\n` +
        `| sort avgVcpu desc\n| limit 50`
    );
}

/** Error lines per session, most errors first (application log group). */
export function errorsBySessionQuery(): string {
    return (
        "fields @timestamp, @message, coalesce(session_id, `attributes.session.id`, `session.id`) as session\n" +
        "| filter @message like /(?i)(error|exception|traceback|fault)/\n" +
        "| stats count(*) as errors, latest(@message) as lastError by session\n" +
        "| sort errors desc\n| limit 50"
    );
}

/** The saved queries of one runtime: name suffix, which log group, the query. */
export function savedQueries(
    sizing: SizingBudget,
): { readonly name: string; readonly logGroup: "application" | "usage"; readonly query: string }[] {
    return [
        { name: "sessions", logGroup: "usage", query: sessionsQuery() },
        { name: "top-sessions", logGroup: "usage", query: topSessionsQuery() },
        { name: "usage-against-budget", logGroup: "usage", query: usageAgainstBudgetQuery(sizing) },
        { name: "errors-by-session", logGroup: "application", query: errorsBySessionQuery() },
    ];
}
