/**
 * Per-session usage as metric math and as saved Logs Insights queries (src/observability/usage.ts,
 * src/observability/logQueries.ts), written out. A USAGE_LOGS record is one session-second; a
 * session's vCPU-hours in a period of P seconds times 3600 / P is its average vCPU over P
 * (docs/monitoring.md, "Per-session usage"). The session ID and the usage fields are read flat
 * and nested (`session.id` or `attributes.session.id`, `agent.runtime.vcpu.hours.used` or
 * `metrics.agent.runtime.vcpu.hours.used`), with `coalesce`.
 */
import { expect } from "chai";
import { activeSessionQueries, busiestSessionQueries } from "../../src/observability/usage";
import {
    errorsBySessionQuery,
    savedQueries,
    sessionsQuery,
    topSessionsQuery,
    usageAgainstBudgetQuery,
} from "../../src/observability/logQueries";

const FIELDS =
    "fields coalesce(`session.id`, `attributes.session.id`) as session, " +
    "coalesce(`agent.runtime.vcpu.hours.used`, `metrics.agent.runtime.vcpu.hours.used`) as vcpuHours, " +
    "coalesce(`agent.runtime.memory.gb_hours.used`, `metrics.agent.runtime.memory.gb_hours.used`) as gbHours";
const PER_SESSION =
    `${FIELDS}\n| filter ispresent(session)\n` +
    "| stats count(*) as seconds, sum(vcpuHours) as vcpuHoursUsed, sum(gbHours) as gbHoursUsed, min(@timestamp) as firstSeen, max(@timestamp) as lastSeen by session";

describe("per-session usage metric math", () => {
    it("the busiest session's vCPU over 10 minutes: the top contributor of each rule, the larger, times 6", () => {
        expect(busiestSessionQueries(["a-flat", "a-nested"], "vcpu", 600, "cpu")).to.deep.equal([
            {
                id: "cpuR0",
                expression: 'INSIGHT_RULE_METRIC("a-flat", "MaxContributorValue")',
                label: "a-flat top session",
                period: 600,
            },
            {
                id: "cpuR1",
                expression: 'INSIGHT_RULE_METRIC("a-nested", "MaxContributorValue")',
                label: "a-nested top session",
                period: 600,
            },
            {
                id: "cpu",
                expression: "MAX([FILL(cpuR0, 0), FILL(cpuR1, 0)]) * 6",
                label: "vCPU of the busiest session (average over 10 minutes)",
                period: 600,
                returnData: true,
            },
        ]);
    });

    it("the busiest session's GB over an hour: times 1", () => {
        expect(busiestSessionQueries(["m-flat"], "memory", 3600, "gb")).to.deep.equal([
            {
                id: "gbR0",
                expression: 'INSIGHT_RULE_METRIC("m-flat", "MaxContributorValue")',
                label: "m-flat top session",
                period: 3600,
            },
            {
                id: "gb",
                expression: "MAX([FILL(gbR0, 0)]) * 1",
                label: "GB of the busiest session (average over 60 minutes)",
                period: 3600,
                returnData: true,
            },
        ]);
    });

    it("sessions with usage: the distinct contributors of each rule, the larger count", () => {
        expect(activeSessionQueries(["a-flat", "a-nested"], 600, "s")).to.deep.equal([
            {
                id: "sR0",
                expression: 'INSIGHT_RULE_METRIC("a-flat", "UniqueContributors")',
                label: "a-flat sessions",
                period: 600,
            },
            {
                id: "sR1",
                expression: 'INSIGHT_RULE_METRIC("a-nested", "UniqueContributors")',
                label: "a-nested sessions",
                period: 600,
            },
            {
                id: "s",
                expression: "MAX([FILL(sR0, 0), FILL(sR1, 0)])",
                label: "Sessions with usage (distinct session IDs in USAGE_LOGS)",
                period: 600,
                returnData: true,
            },
        ]);
    });
});

describe("saved Logs Insights queries", () => {
    it("sessions, most recent first, 100 of them; top sessions by vCPU-hours, 20 of them", () => {
        expect(sessionsQuery()).to.equal(`${PER_SESSION}\n| sort lastSeen desc\n| limit 100`);
        expect(topSessionsQuery()).to.equal(`${PER_SESSION}\n| sort vcpuHoursUsed desc\n| limit 20`);
    });

    it("usage against the budget: each session's average vCPU and GB beside cpu/1024 and memory/1024", () => {
        expect(usageAgainstBudgetQuery({ cpu: 2048, memory: 1024 })).to.equal(
            `${PER_SESSION}\n` +
                "| fields session, seconds, vcpuHoursUsed * 3600 / seconds as avgVcpu, gbHoursUsed * 3600 / seconds as avgGb, " +
                "2 as budgetVcpu, 1 as budgetGb\n" +
                "| sort avgVcpu desc\n| limit 50",
        );
        expect(usageAgainstBudgetQuery({ cpu: 512, memory: 3072 })).to.include("0.5 as budgetVcpu, 3 as budgetGb\n");
    });

    it("errors by session from the application logs, the session ID read three ways", () => {
        expect(errorsBySessionQuery()).to.equal(
            "fields @timestamp, @message, coalesce(session_id, `attributes.session.id`, `session.id`) as session\n" +
                "| filter @message like /(?i)(error|exception|traceback|fault)/\n" +
                "| stats count(*) as errors, latest(@message) as lastError by session\n" +
                "| sort errors desc\n| limit 50",
        );
    });

    it("the saved queries of a runtime: three on the usage logs, one on the application logs", () => {
        const sizing = { cpu: 1024, memory: 2048 };
        expect(savedQueries(sizing)).to.deep.equal([
            { name: "sessions", logGroup: "usage", query: sessionsQuery() },
            { name: "top-sessions", logGroup: "usage", query: topSessionsQuery() },
            { name: "usage-against-budget", logGroup: "usage", query: usageAgainstBudgetQuery(sizing) },
            { name: "errors-by-session", logGroup: "application", query: errorsBySessionQuery() },
        ]);
    });
});
