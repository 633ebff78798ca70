/**
 * The dashboard body (src/observability/dashboard.ts) written out widget by widget, in the shape
 * CloudWatch documents for a dashboard body (Dashboard Body Structure and Syntax): text widgets
 * with `markdown`; metric widgets with `view: "timeSeries"`, `stacked`, `region`, `period`,
 * `yAxis.left.min`, `annotations.horizontal`, and `metrics` lines of
 * `[namespace, metricName, dimension name, value, …, { rendering options }]` or
 * `[{ expression, … }]`; Contributor Insights graphs with `insightRule`; log widgets with a
 * `SOURCE '<group>' | <query>` query in a table. AgentCore's namespace AWS/Bedrock-AgentCore and
 * the dimension sets are those of docs/monitoring.md ("Dimensions").
 */
import { expect } from "chai";
import { dashboardBody, dashboardNameFor } from "../../src/observability/dashboard";
import { ALARMS_BY_ENVIRONMENT } from "./requirements";

const ARN = "arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/support_agent_staging-AbCdEf1234";
const ARN2 = "arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/other_staging-ZyXwVu9876";

/** A line of one AgentCore invocation metric of one endpoint, every 5 minutes. */
const invocationLine = (
    runtimeName: string,
    arn: string,
    metric: string,
    endpoint: string,
    id: string,
    stat: string,
) => [
    "AWS/Bedrock-AgentCore",
    metric,
    "Operation",
    "InvokeAgentRuntime",
    "Name",
    `${runtimeName}::${endpoint}`,
    "Resource",
    arn,
    { id, label: `${metric} ${endpoint}`, stat, period: 300 },
];

const graph = (x: number, y: number, title: string, metrics: unknown[], extra: Record<string, unknown> = {}) => ({
    type: "metric",
    x,
    y,
    width: 6,
    height: 6,
    properties: {
        title,
        region: "eu-west-1",
        view: "timeSeries",
        stacked: false,
        metrics,
        yAxis: { left: { min: 0 } },
        period: 300,
        ...extra,
    },
});

const ERRORS_QUERY =
    "fields @timestamp, @message, coalesce(session_id, `attributes.session.id`, `session.id`) as session\n" +
    "| filter @message like /(?i)(error|exception|traceback|fault)/\n" +
    "| stats count(*) as errors, latest(@message) as lastError by session\n" +
    "| sort errors desc\n| limit 50";

const body = () =>
    dashboardBody({
        region: "eu-west-1",
        environment: "staging",
        sizing: { cpu: 1024, memory: 2048 },
        runtimes: [
            {
                name: "support_agent",
                runtimeName: "support_agent_staging",
                runtimeArn: ARN,
                endpoints: ["DEFAULT"],
                usageRules: { vcpu: ["c-vcpu-flat", "c-vcpu-nested"], memory: ["c-memory-flat", "c-memory-nested"] },
                applicationLogGroupName: "/agentcore-staging/runtimes/support_agent/application-logs",
            },
            {
                // On Instances: no sessionInsights, so no usage rules.
                name: "other",
                runtimeName: "other_staging",
                runtimeArn: ARN2,
                endpoints: ["DEFAULT", "live"],
                usageRules: { vcpu: [], memory: [] },
                applicationLogGroupName: "/agentcore-staging/runtimes/other/application-logs",
            },
        ],
    });

describe("dashboard body, widget by widget", () => {
    // Built inside each test, never at load time: the mutation run credits a test only with what it runs.
    const latencyP99 = ALARMS_BY_ENVIRONMENT.staging.threshold.LatencyP99;

    it("a runtime with usage rules: 11 widgets, the second runtime's band 6 widgets from row 20", () => {
        const widgets = body().widgets;
        expect(widgets.map((w) => [w.type, w.x, w.y, w.width, w.height])).to.deep.equal([
            ["text", 0, 0, 24, 2],
            ["metric", 0, 2, 6, 6],
            ["metric", 6, 2, 6, 6],
            ["metric", 12, 2, 6, 6],
            ["metric", 18, 2, 6, 6],
            ["metric", 0, 8, 8, 6],
            ["metric", 8, 8, 8, 6],
            ["metric", 16, 8, 8, 6],
            ["metric", 0, 14, 6, 6],
            ["metric", 6, 14, 6, 6],
            ["log", 12, 14, 12, 6],
            ["text", 0, 20, 24, 2],
            ["metric", 0, 22, 6, 6],
            ["metric", 6, 22, 6, 6],
            ["metric", 12, 22, 6, 6],
            ["metric", 18, 22, 6, 6],
            ["log", 12, 34, 12, 6],
        ]);
    });

    it("the header names the runtime, its ARN, endpoints and the per-session budget", () => {
        const widgets = body().widgets;
        expect(widgets[0].properties).to.deep.equal({
            markdown:
                "## support_agent (support_agent_staging)\n" +
                `Runtime ARN \`${ARN}\` · endpoints DEFAULT · ` +
                "per-session budget 1 vCPU (1024 CPU units) and 2 GB (2048 MiB), " +
                "measured per session from USAGE_LOGS in 5-minute averages · usage arrives up to 60 minutes late",
        });
        expect(widgets[11].properties.markdown).to.equal(
            "## other (other_staging)\n" +
                `Runtime ARN \`${ARN2}\` · endpoints DEFAULT, live · ` +
                "per-session budget 1 vCPU (1024 CPU units) and 2 GB (2048 MiB), " +
                "measured per session from USAGE_LOGS in 5-minute averages · usage arrives up to 60 minutes late",
        );
    });

    it("the first line: invocations, errors, throttles, latency p50/p99 against the p99 alarm", () => {
        const widgets = body().widgets;
        const line = (metric: string, endpoint: string, id: string, stat = "Sum") =>
            invocationLine("support_agent_staging", ARN, metric, endpoint, id, stat);
        expect(widgets.slice(1, 5)).to.deep.equal([
            graph(0, 2, "Invocations", [line("Invocations", "DEFAULT", "inv0")]),
            graph(6, 2, "Errors (system / user)", [
                line("SystemErrors", "DEFAULT", "se0"),
                line("UserErrors", "DEFAULT", "ue0"),
            ]),
            graph(12, 2, "Throttles", [line("Throttles", "DEFAULT", "thr0")]),
            graph(
                18,
                2,
                "Latency p50 / p99 (ms)",
                [line("Latency", "DEFAULT", "p50E0", "p50"), line("Latency", "DEFAULT", "p99E0", "p99")],
                { annotations: { horizontal: [{ label: `p99 alarm ${latencyP99} ms`, value: latencyP99 }] } },
            ),
        ]);
    });

    it("every endpoint has its line (DEFAULT first, then the configured ones)", () => {
        const widgets = body().widgets;
        const line = (metric: string, endpoint: string, id: string, stat = "Sum") =>
            invocationLine("other_staging", ARN2, metric, endpoint, id, stat);
        expect(widgets[12]).to.deep.equal(
            graph(0, 22, "Invocations", [line("Invocations", "DEFAULT", "inv0"), line("Invocations", "live", "inv1")]),
        );
        expect(widgets[13].properties.metrics).to.deep.equal([
            line("SystemErrors", "DEFAULT", "se0"),
            line("SystemErrors", "live", "se1"),
            line("UserErrors", "DEFAULT", "ue0"),
            line("UserErrors", "live", "ue1"),
        ]);
    });

    it("the second line: sessions with usage, the busiest session's vCPU and GB against the budget", () => {
        const widgets = body().widgets;
        const hidden = (expression: string, id: string, label: string) => [{ expression, id, label, visible: false }];
        const usageGraph = (x: number, title: string, metrics: unknown[], extra: Record<string, unknown> = {}) => ({
            ...graph(x, 8, title, metrics, extra),
            width: 8,
        });
        expect(widgets.slice(5, 8)).to.deep.equal([
            usageGraph(0, "Sessions with usage (5 min)", [
                hidden(
                    'INSIGHT_RULE_METRIC("c-vcpu-flat", "UniqueContributors")',
                    "sessionsR0",
                    "c-vcpu-flat sessions",
                ),
                hidden(
                    'INSIGHT_RULE_METRIC("c-vcpu-nested", "UniqueContributors")',
                    "sessionsR1",
                    "c-vcpu-nested sessions",
                ),
                [
                    {
                        expression: "MAX([FILL(sessionsR0, 0), FILL(sessionsR1, 0)])",
                        id: "sessions",
                        label: "Sessions with usage (distinct session IDs in USAGE_LOGS)",
                    },
                ],
            ]),
            usageGraph(
                8,
                "Busiest session: vCPU vs budget",
                [
                    hidden(
                        'INSIGHT_RULE_METRIC("c-vcpu-flat", "MaxContributorValue")',
                        "busiestSessionVcpuR0",
                        "c-vcpu-flat top session",
                    ),
                    hidden(
                        'INSIGHT_RULE_METRIC("c-vcpu-nested", "MaxContributorValue")',
                        "busiestSessionVcpuR1",
                        "c-vcpu-nested top session",
                    ),
                    [
                        {
                            // 3600 s / 300 s: a session's vCPU-hours in 5 minutes times 12 is its average vCPU.
                            expression: "MAX([FILL(busiestSessionVcpuR0, 0), FILL(busiestSessionVcpuR1, 0)]) * 12",
                            id: "busiestSessionVcpu",
                            label: "vCPU of the busiest session (average over 5 minutes)",
                        },
                    ],
                ],
                { annotations: { horizontal: [{ label: "budget 1 vCPU per session", value: 1 }] } },
            ),
            usageGraph(
                16,
                "Busiest session: GB vs budget",
                [
                    hidden(
                        'INSIGHT_RULE_METRIC("c-memory-flat", "MaxContributorValue")',
                        "busiestSessionGbR0",
                        "c-memory-flat top session",
                    ),
                    hidden(
                        'INSIGHT_RULE_METRIC("c-memory-nested", "MaxContributorValue")',
                        "busiestSessionGbR1",
                        "c-memory-nested top session",
                    ),
                    [
                        {
                            expression: "MAX([FILL(busiestSessionGbR0, 0), FILL(busiestSessionGbR1, 0)]) * 12",
                            id: "busiestSessionGb",
                            label: "GB of the busiest session (average over 5 minutes)",
                        },
                    ],
                ],
                { annotations: { horizontal: [{ label: "budget 2 GB per session", value: 2 }] } },
            ),
        ]);
    });

    it("the third line: the top sessions of each vCPU rule, and the errors by session from the application logs", () => {
        const widgets = body().widgets;
        const top = (x: number, reading: string) => ({
            type: "metric",
            x,
            y: 14,
            width: 6,
            height: 6,
            properties: {
                title: `Top sessions by vCPU-hours (${reading} record reading)`,
                region: "eu-west-1",
                view: "timeSeries",
                stacked: false,
                period: 300,
                insightRule: { maxContributorCount: 10, orderBy: "Sum", ruleName: `c-vcpu-${reading}` },
                legend: { position: "bottom" },
            },
        });
        expect(widgets.slice(8, 11)).to.deep.equal([
            top(0, "flat"),
            top(6, "nested"),
            {
                type: "log",
                x: 12,
                y: 14,
                width: 12,
                height: 6,
                properties: {
                    title: "Errors by session (application logs)",
                    region: "eu-west-1",
                    view: "table",
                    query: `SOURCE '/agentcore-staging/runtimes/support_agent/application-logs' | ${ERRORS_QUERY}`,
                },
            },
        ]);
        expect(widgets[16].properties.query).to.equal(
            `SOURCE '/agentcore-staging/runtimes/other/application-logs' | ${ERRORS_QUERY}`,
        );
    });

    it("the p99 line follows the environment", () => {
        for (const environment of ["development", "staging", "production"] as const) {
            const p99 = ALARMS_BY_ENVIRONMENT[environment].threshold.LatencyP99;
            const latency = dashboardBody({
                region: "eu-west-1",
                environment,
                sizing: { cpu: 1024, memory: 2048 },
                runtimes: [
                    {
                        name: "a",
                        runtimeName: "a_x",
                        runtimeArn: ARN,
                        endpoints: ["DEFAULT"],
                        usageRules: { vcpu: [], memory: [] },
                        applicationLogGroupName: "/g",
                    },
                ],
            }).widgets[4];
            expect(latency.properties.annotations, environment).to.deep.equal({
                horizontal: [{ label: `p99 alarm ${p99} ms`, value: p99 }],
            });
        }
    });

    it("dashboard names: letters, digits, - and _ kept, anything else a hyphen, at most 255 characters", () => {
        expect(dashboardNameFor("agentcore-dev_1")).to.equal("agentcore-dev_1");
        expect(dashboardNameFor("a.b c/d")).to.equal("a-b-c-d");
        expect(dashboardNameFor("a".repeat(255))).to.equal("a".repeat(255));
        expect(dashboardNameFor("a".repeat(256))).to.equal("a".repeat(255));
        expect(dashboardNameFor("b".repeat(300))).to.have.length(255);
    });
});
