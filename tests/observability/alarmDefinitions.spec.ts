/**
 * What each alarm of a runtime says and watches (src/observability/alarms.ts), written out for
 * staging (docs/monitoring.md: 5 system errors, 10 throttles, 10 % user errors from 10
 * invocations, p99 60000 ms, 2 of 3 five-minute periods; the budget 1024 CPU units / 2048 MiB,
 * 2 of the last 15 periods; usage logs silent 2 of the last 3 hours), and the usage-logs check's
 * metric math query by query.
 */
import { expect } from "chai";
import { runtimeAlarmDefinitions, usageSilenceQueries } from "../../src/observability/alarms";
import { ALARMS_BY_ENVIRONMENT, ALARM_KINDS, windowOf } from "./requirements";

const target = {
    runtimeArn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/rt_staging-AbCdEf1234",
    runtimeName: "rt_staging",
    endpoints: ["DEFAULT", "live"],
    usageRules: { vcpu: ["c-vcpu-flat", "c-vcpu-nested"], memory: ["c-memory-flat", "c-memory-nested"] },
};

const invocations = (endpoint: string, i: number, period: number) => ({
    id: `inv${i}`,
    label: `Invocations ${endpoint}`,
    metric: {
        namespace: "AWS/Bedrock-AgentCore",
        metricName: "Invocations",
        dimensions: { Operation: "InvokeAgentRuntime", Name: `rt_staging::${endpoint}`, Resource: target.runtimeArn },
        period,
        stat: "Sum",
    },
});

describe("alarm definitions, written out", () => {
    it("describes each alarm with its threshold, endpoints and window", () => {
        const definitions = runtimeAlarmDefinitions("staging", { cpu: 1024, memory: 2048 }, ["DEFAULT", "live"]);
        const see = "See docs/monitoring.md.";
        expect(definitions.map((d) => [d.metric, d.description])).to.deep.equal([
            [
                "SystemErrors",
                `Failures: more than 5 server-side errors per 5 minutes over endpoints DEFAULT, live, in 2 of 3 5-minute periods. ${see}`,
            ],
            [
                "Throttles",
                `Throttling: more than 10 throttled requests per 5 minutes over endpoints DEFAULT, live, in 2 of 3 5-minute periods; check the TPS and session quotas. ${see}`,
            ],
            [
                "UserErrorRate",
                `Client errors: UserErrors above 10% of invocations (from 10 invocations per 5 minutes) over endpoints DEFAULT, live, in 2 of 3 5-minute periods. ${see}`,
            ],
            [
                "LatencyP99",
                `Performance: p99 latency above 60000 ms on the slowest of endpoints DEFAULT, live, in 2 of 3 5-minute periods. ${see}`,
            ],
            [
                "CpuPerSession",
                `Budget: a session held more than the 1 vCPU per-session budget (1024 CPU units), averaged over 5 minutes, in 2 of the last 15 5-minute periods (usage arrives up to 60 minutes late); measured per session from USAGE_LOGS. ${see}`,
            ],
            [
                "MemoryPerSession",
                `Budget: a session held more than the 2 GB per-session budget (2048 MiB), averaged over 5 minutes, in 2 of the last 15 5-minute periods (usage arrives up to 60 minutes late); measured per session from USAGE_LOGS. ${see}`,
            ],
            [
                "UsageLogsSilent",
                `Blind budget alarms: invocations over endpoints DEFAULT, live but no session in USAGE_LOGS in 2 of the last 3 hours; check the usage log delivery and the record shape. ${see}`,
            ],
        ]);
        expect(definitions.map((d) => d.metric)).to.deep.equal([...ALARM_KINDS]);
        for (const d of definitions) {
            const window = windowOf("staging", d.metric);
            expect([d.threshold, d.evaluationPeriods, d.datapointsToAlarm], d.metric).to.deep.equal([
                ALARMS_BY_ENVIRONMENT.staging.threshold[d.metric],
                window.evaluationPeriods,
                window.datapointsToAlarm,
            ]);
            expect([d.comparisonOperator, d.treatMissingData], d.metric).to.deep.equal([
                "GreaterThanThreshold",
                "notBreaching",
            ]);
        }
    });

    it("a budget that is no whole vCPU or GB is rounded to 3 decimals in the threshold and the text", () => {
        const definitions = runtimeAlarmDefinitions("production", { cpu: 1000, memory: 3000 }, ["DEFAULT"]);
        const cpu = definitions.find((d) => d.metric === "CpuPerSession")!;
        const memory = definitions.find((d) => d.metric === "MemoryPerSession")!;
        // 1000 / 1024 = 0.9765625; 3000 / 1024 = 2.9296875.
        expect(cpu.threshold).to.equal(0.977);
        expect(cpu.description).to.include("more than the 0.977 vCPU per-session budget (1000 CPU units)");
        expect(memory.threshold).to.equal(2.93);
        expect(memory.description).to.include("more than the 2.93 GB per-session budget (3000 MiB)");
        expect(definitions[0].description).to.include("over endpoints DEFAULT, in 2 of 3 5-minute periods");
    });

    it("the per-session alarms read the busiest session of their own measure's rules", () => {
        const definitions = runtimeAlarmDefinitions("staging", { cpu: 1024, memory: 2048 }, ["DEFAULT", "live"]);
        const queries = (metric: string) =>
            definitions
                .find((d) => d.metric === metric)!
                .queries(target)
                .map((q) => [q.id, q.expression, q.label, q.returnData ?? false, q.period]);
        expect(queries("CpuPerSession")).to.deep.equal([
            [
                "busiestSessionVcpuR0",
                'INSIGHT_RULE_METRIC("c-vcpu-flat", "MaxContributorValue")',
                "c-vcpu-flat top session",
                false,
                300,
            ],
            [
                "busiestSessionVcpuR1",
                'INSIGHT_RULE_METRIC("c-vcpu-nested", "MaxContributorValue")',
                "c-vcpu-nested top session",
                false,
                300,
            ],
            [
                "busiestSessionVcpu",
                "MAX([FILL(busiestSessionVcpuR0, 0), FILL(busiestSessionVcpuR1, 0)]) * 12",
                "vCPU of the busiest session (average over 5 minutes)",
                true,
                300,
            ],
        ]);
        expect(queries("MemoryPerSession")).to.deep.equal([
            [
                "busiestSessionGbR0",
                'INSIGHT_RULE_METRIC("c-memory-flat", "MaxContributorValue")',
                "c-memory-flat top session",
                false,
                300,
            ],
            [
                "busiestSessionGbR1",
                'INSIGHT_RULE_METRIC("c-memory-nested", "MaxContributorValue")',
                "c-memory-nested top session",
                false,
                300,
            ],
            [
                "busiestSessionGb",
                "MAX([FILL(busiestSessionGbR0, 0), FILL(busiestSessionGbR1, 0)]) * 12",
                "GB of the busiest session (average over 5 minutes)",
                true,
                300,
            ],
        ]);
    });

    it("the usage-logs check: hourly invocations of every endpoint, hourly sessions, 1 when there are invocations and no session", () => {
        expect(usageSilenceQueries(target)).to.deep.equal([
            invocations("DEFAULT", 0, 3600),
            invocations("live", 1, 3600),
            {
                id: "sessionsR0",
                expression: 'INSIGHT_RULE_METRIC("c-vcpu-flat", "UniqueContributors")',
                label: "c-vcpu-flat sessions",
                period: 3600,
                returnData: undefined,
            },
            {
                id: "sessionsR1",
                expression: 'INSIGHT_RULE_METRIC("c-vcpu-nested", "UniqueContributors")',
                label: "c-vcpu-nested sessions",
                period: 3600,
                returnData: undefined,
            },
            {
                id: "sessions",
                expression: "MAX([FILL(sessionsR0, 0), FILL(sessionsR1, 0)])",
                label: "Sessions with usage (distinct session IDs in USAGE_LOGS)",
                period: 3600,
                // Only the check's own result returns data.
                returnData: undefined,
            },
            { id: "invocations", expression: "SUM([inv0, inv1])", label: "Invocations (all endpoints)" },
            {
                id: "usageSilent",
                expression: "IF(invocations > 0 AND FILL(sessions, 0) == 0, 1, 0)",
                label: "Invocations without any session in USAGE_LOGS",
                returnData: true,
            },
        ]);
    });
});
