/**
 * RuntimeMonitoring under the recording mocks, for each stack file with one and with two
 * runtimes: every alarm's metric math, dimensions, thresholds and actions; the topic, its
 * policy and subscriptions; the dashboard body; the delivery log groups; and the outputs. The pure
 * helpers (dimensions, thresholds, problems, policy, dashboard) are tested without mocks.
 */
import { expect } from "chai";
import { MonitoredRuntime, RuntimeMonitoring } from "../../src/observability/monitoring";
import { SizingBudget, StackConfig } from "../../src/config";
import { alarmName, runtimeAlarmDefinitions } from "../../src/observability/alarms";
import { DashboardBody, dashboardBody, dashboardNameFor } from "../../src/observability/dashboard";
import { endpointsOf, metricDimensions, runtimeNameFromId } from "../../src/observability/dimensions";
import { MetricQuery } from "../../src/observability/metricQueries";
import { alarmTopicPolicy, subscriptionResourceName } from "../../src/observability/topicPolicy";
import { PolicyDocument } from "../../src/aws/iamDocument";
import { ProgramRun, RecordedResource, STACKS, configOf, one, ofType, promiseOf, runComponent } from "../helpers";
import { shared } from "../mutationCoverage";
import { ALARMS_BY_ENVIRONMENT, ALARM_KINDS, AlarmKind, METRICS_PER_ALARM_LIMIT, windowOf } from "./requirements";

const ACCOUNT = "123456789012";
const KMS_KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

/** A fake runtime as the runtime component would hand it over, with plain-string ARN and ID. */
interface FakeRuntime extends MonitoredRuntime {
    readonly runtimeArn: string;
    readonly runtimeId: string;
    readonly runtimeName: string;
}

function fakeRuntime(name: string, stack: string, suffix: string, endpointNames: readonly string[]): FakeRuntime {
    const runtimeName = `${name}_${stack}`;
    const runtimeId = `${runtimeName}-${suffix}`;
    return {
        name,
        runtimeName,
        runtimeId,
        runtimeArn: `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:runtime/${runtimeId}`,
        endpointNames,
    };
}

/** The stack's configured runtime, plus (for `count` 2) a second one with no extra endpoint. */
function fakeRuntimes(config: StackConfig, count: 1 | 2): FakeRuntime[] {
    const first = config.runtimes[0];
    const runtimes = [
        fakeRuntime(
            first.name,
            config.stack,
            "AbCdEf1234",
            first.endpoints.map((e) => e.name),
        ),
    ];
    if (count === 2) {
        runtimes.push(fakeRuntime("billing_agent", config.stack, "ZyXwVu9876", []));
    }
    return runtimes;
}

interface Built {
    readonly run: ProgramRun;
    readonly monitoring: RuntimeMonitoring;
    readonly config: StackConfig;
    readonly runtimes: FakeRuntime[];
    readonly name: string;
}

function build(stack: string, count: 1 | 2, sizing?: SizingBudget): Promise<Built> {
    if (sizing) {
        return buildNow(stack, count, sizing);
    }
    // Runs of the stack files as they are, shared between suites: each costs a few hundred ms.
    return shared(`monitoring/${stack}/${count}`, () => buildNow(stack, count));
}

async function buildNow(stack: string, count: 1 | 2, sizing?: SizingBudget): Promise<Built> {
    const config = configOf(stack);
    const runtimes = fakeRuntimes(config, count);
    const name = `agentcore-${stack}`;
    let monitoring: RuntimeMonitoring | undefined;
    const run = await runComponent(
        () => {
            monitoring = new RuntimeMonitoring(name, {
                environment: config.environment,
                runtimes,
                sizing: sizing ?? config.sizing,
                kmsKeyArn: KMS_KEY_ARN,
                alarmEmails: config.alarmEmails,
                logRetentionDays: config.logRetentionDays,
                tracing: config.tracing,
                transactionSearch: config.transactionSearch,
                protect: config.protect,
                tags: config.tags,
            });
            return {
                alarmTopicArn: monitoring.alarmTopicArn,
                dashboardName: monitoring.dashboardName,
                alarmNames: monitoring.alarmNames,
            };
        },
        { stack },
    );
    expect(run.error, String(run.error)).to.equal(undefined);
    return { run, monitoring: monitoring as RuntimeMonitoring, config, runtimes, name };
}

function queriesOf(alarm: RecordedResource): MetricQuery[] {
    return alarm.inputs.metricQueries as MetricQuery[];
}

function fetched(alarm: RecordedResource): MetricQuery[] {
    return queriesOf(alarm).filter((q) => q.metric !== undefined);
}

function returned(alarm: RecordedResource): MetricQuery {
    const results = queriesOf(alarm).filter((q) => q.returnData === true);
    expect(results, alarm.name).to.have.length(1);
    return results[0];
}

/** What each alarm kind fetches: metric name → statistic, and the period (5 min, 1 h for UsageLogsSilent). */
const EXPECTED_METRICS: Record<AlarmKind, { metrics: Record<string, string>; period: number }> = {
    SystemErrors: { metrics: { SystemErrors: "Sum" }, period: 300 },
    Throttles: { metrics: { Throttles: "Sum" }, period: 300 },
    UserErrorRate: { metrics: { Invocations: "Sum", UserErrors: "Sum" }, period: 300 },
    LatencyP99: { metrics: { Latency: "p99" }, period: 300 },
    // The per-session alarms fetch no metric: they read Contributor Insights rules (tests/observability/observability.spec.ts).
    CpuPerSession: { metrics: {}, period: 300 },
    MemoryPerSession: { metrics: {}, period: 300 },
    UsageLogsSilent: { metrics: { Invocations: "Sum" }, period: 3600 },
};

for (const stack of STACKS) {
    for (const count of [1, 2] as const) {
        describe(`RuntimeMonitoring (${stack}, ${count} runtime${count === 2 ? "s" : ""})`, () => {
            let b: Built;
            let topicArn: string;
            before(async () => {
                b = await build(stack, count);
                topicArn = one(b.run, "aws:sns/topic:Topic").state.arn as string;
            });

            it("is a component whose every child is parented to it", () => {
                const component = one(b.run, "agentcore:monitoring:RuntimeMonitoring");
                expect(component.name).to.equal(b.name);
                const children = b.run.resources.filter((x) => x.custom);
                const subcomponents = b.run.resources
                    .filter((x) => !x.custom && x.parent === component.urn)
                    .map((x) => x.urn);
                children.forEach((x) => expect([component.urn, ...subcomponents], x.name).to.include(x.parent));
                expect(ofType(b.run, ALARM)).to.have.length(ALARM_KINDS.length * count);
                expect(ofType(b.run, LOG_GROUP)).to.have.length(2 * count);
                expect(ofType(b.run, "aws:cloudwatch/dashboard:Dashboard")).to.have.length(1);
                expect(ofType(b.run, "aws:sns/topicPolicy:TopicPolicy")).to.have.length(1);
            });

            it("names alarms <component>-<runtime>-<metric>", () => {
                const expected = b.runtimes.flatMap((r) => ALARM_KINDS.map((m) => `${b.name}-${r.name}-${m}`));
                // The record is in resolution order, not registration order: compare as sets.
                expect(ofType(b.run, ALARM).map((a) => a.inputs.name))
                    .to.have.members(expected)
                    .and.to.have.length(expected.length);
                ofType(b.run, ALARM).forEach((a) => expect(a.name).to.equal(a.inputs.name));
            });

            it("sends every alarm and its recovery to the topic, treats missing data explicitly and is tagged", () => {
                for (const alarm of ofType(b.run, ALARM)) {
                    expect(alarm.inputs.alarmActions, alarm.name).to.deep.equal([topicArn]);
                    expect(alarm.inputs.okActions, alarm.name).to.deep.equal([topicArn]);
                    expect(alarm.inputs.treatMissingData, alarm.name).to.equal("notBreaching");
                    expect(alarm.inputs.comparisonOperator, alarm.name).to.equal("GreaterThanThreshold");
                    expect(alarm.inputs.tags, alarm.name).to.deep.equal(b.config.tags);
                    expect(alarm.inputs.alarmDescription, alarm.name)
                        .to.be.a("string")
                        .and.include("docs/monitoring.md");
                    // Math alarms carry no top-level metric: CloudWatch rejects both at once.
                    for (const key of [
                        "metricName",
                        "namespace",
                        "dimensions",
                        "period",
                        "statistic",
                        "extendedStatistic",
                    ]) {
                        expect(alarm.inputs[key], `${alarm.name} ${key}`).to.equal(undefined);
                    }
                }
            });

            it("reads each metric of every endpoint of its own runtime, with the exact published dimensions", () => {
                for (const runtime of b.runtimes) {
                    const endpoints = ["DEFAULT", ...runtime.endpointNames];
                    for (const metric of ALARM_KINDS) {
                        const alarm = one(b.run, ALARM, `-${runtime.name}-${metric}`);
                        const expected = EXPECTED_METRICS[metric];
                        const queries = fetched(alarm);
                        expect(queries.length, alarm.name).to.be.at.most(METRICS_PER_ALARM_LIMIT);
                        expect(queries, alarm.name).to.have.length(
                            Object.keys(expected.metrics).length * endpoints.length,
                        );
                        for (const q of queries) {
                            const m = q.metric!;
                            expect(m.namespace).to.equal("AWS/Bedrock-AgentCore");
                            expect(m.stat, `${alarm.name} ${m.metricName}`).to.equal(expected.metrics[m.metricName]);
                            expect(m.period, alarm.name).to.equal(expected.period);
                            expect(m.dimensions.Resource, alarm.name).to.equal(runtime.runtimeArn);
                            const usage = m.metricName.includes("Hours");
                            expect(Object.keys(m.dimensions).sort()).to.deep.equal(
                                usage ? ["Name", "Resource", "Service"] : ["Name", "Operation", "Resource"],
                            );
                            expect(usage ? m.dimensions.Service : m.dimensions.Operation).to.equal(
                                usage ? "AgentCore.Runtime" : "InvokeAgentRuntime",
                            );
                        }
                        for (const metricName of Object.keys(expected.metrics)) {
                            const names = queries
                                .filter((q) => q.metric!.metricName === metricName)
                                .map((q) => q.metric!.dimensions.Name);
                            expect(names, `${alarm.name} ${metricName}`).to.deep.equal(
                                endpoints.map((e) => `${runtime.runtimeName}::${e}`),
                            );
                        }
                        // Ids are unique and every expression only refers to queries of the alarm.
                        const ids = queriesOf(alarm).map((q) => q.id);
                        expect(new Set(ids).size).to.equal(ids.length);
                        ids.forEach((id) => expect(id).to.match(/^[a-z][a-zA-Z0-9_]*$/));
                        expect(returned(alarm).expression, alarm.name).to.be.a("string");
                    }
                }
            });

            it("combines endpoints with the documented metric math", () => {
                const runtime = b.runtimes[0];
                const n = runtime.endpointNames.length + 1;
                const list = (prefix: string) => `[${Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(", ")}]`;
                expect(returned(one(b.run, ALARM, `-${runtime.name}-SystemErrors`)).expression).to.equal(
                    `SUM(${list("systemErrorsE")})`,
                );
                expect(returned(one(b.run, ALARM, `-${runtime.name}-Throttles`)).expression).to.equal(
                    `SUM(${list("throttlesE")})`,
                );
                expect(returned(one(b.run, ALARM, `-${runtime.name}-LatencyP99`)).expression).to.equal(
                    `MAX(${list("latencyP99E")})`,
                );
                const rate = queriesOf(one(b.run, ALARM, `-${runtime.name}-UserErrorRate`));
                const min = ALARMS_BY_ENVIRONMENT[b.config.environment].userErrorMinInvocations;
                expect(rate.find((q) => q.id === "invocations")!.expression).to.equal(`SUM(${list("inv")})`);
                expect(rate.find((q) => q.id === "userErrors")!.expression).to.equal(`FILL(SUM(${list("ue")}), 0)`);
                expect(rate.find((q) => q.returnData)!.expression).to.equal(
                    `IF(invocations >= ${min}, 100 * userErrors / invocations, 0)`,
                );
                const cpu = queriesOf(one(b.run, ALARM, `-${runtime.name}-CpuPerSession`));
                expect(cpu.find((q) => q.returnData)!.expression).to.equal(
                    "MAX([FILL(busiestSessionVcpuR0, 0), FILL(busiestSessionVcpuR1, 0)]) * 12",
                );
                for (const q of cpu) {
                    expect(q.expression, q.id).to.not.match(/SessionCount|Sessions"/);
                }
            });

            it("uses the environment's thresholds and windows, and the sizing budget for usage", () => {
                const required = ALARMS_BY_ENVIRONMENT[b.config.environment];
                for (const alarm of ofType(b.run, ALARM)) {
                    const metric = ALARM_KINDS.find((m) => alarm.name.endsWith(`-${m}`))!;
                    expect(alarm.inputs.threshold, alarm.name).to.equal(required.threshold[metric]);
                    const window = windowOf(b.config.environment, metric);
                    expect(alarm.inputs.evaluationPeriods, alarm.name).to.equal(window.evaluationPeriods);
                    expect(alarm.inputs.datapointsToAlarm, alarm.name).to.equal(window.datapointsToAlarm);
                }
            });

            it("encrypts the alarm topic with the stack key and tags it", () => {
                const topic = one(b.run, "aws:sns/topic:Topic");
                expect(topic.inputs.kmsMasterKeyId).to.equal(KMS_KEY_ARN);
                expect(topic.inputs.tags).to.deep.equal(b.config.tags);
            });

            it("lets only this account's CloudWatch alarms publish, and only over TLS", () => {
                const policy = one(b.run, "aws:sns/topicPolicy:TopicPolicy");
                expect(policy.inputs.arn).to.equal(topicArn);
                const doc = JSON.parse(policy.inputs.policy as string) as PolicyDocument;
                expect(doc.Statement.map((s) => s.Sid)).to.deep.equal([
                    "DenyPublishWithoutTls",
                    "AllowCloudWatchAlarmsToPublish",
                ]);
                const [deny, allow] = doc.Statement;
                expect(deny).to.deep.include({
                    Effect: "Deny",
                    Principal: { AWS: "*" },
                    Action: ["sns:Publish"],
                    Resource: topicArn,
                });
                expect(deny.Condition).to.deep.equal({ Bool: { "aws:SecureTransport": "false" } });
                expect(allow).to.deep.include({
                    Effect: "Allow",
                    Principal: { Service: "cloudwatch.amazonaws.com" },
                    Action: ["sns:Publish"],
                    Resource: topicArn,
                });
                expect(allow.Condition).to.deep.equal({
                    StringEquals: { "aws:SourceAccount": ACCOUNT },
                    ArnLike: { "aws:SourceArn": `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:*` },
                });
                expect(b.run.invokes.map((i) => i.token)).to.include("aws:index/getCallerIdentity:getCallerIdentity");
            });

            it("names subscriptions after their address, distinct even when addresses read alike", () => {
                expect(subscriptionResourceName("agentcore-x", "a.b@example.com")).to.match(
                    /^agentcore-x-alarm-email-a-b-example-com-[0-9a-f]{6}$/,
                );
                expect(subscriptionResourceName("agentcore-x", "a.b@example.com")).to.not.equal(
                    subscriptionResourceName("agentcore-x", "a-b@example.com"),
                );
                expect(subscriptionResourceName("agentcore-x", "A.B@example.com")).to.equal(
                    subscriptionResourceName("agentcore-x", "a.b@example.com"),
                );
            });

            it("subscribes every configured address by e-mail", () => {
                const subscriptions = ofType(b.run, "aws:sns/topicSubscription:TopicSubscription");
                expect(subscriptions).to.have.length(b.config.alarmEmails.length).and.to.have.length.above(0);
                expect(subscriptions.map((s) => s.inputs.endpoint)).to.have.members([...b.config.alarmEmails]);
                subscriptions.forEach((s) => expect(s.inputs).to.deep.include({ protocol: "email", topic: topicArn }));
            });

            it("builds a valid dashboard that shows every runtime ARN and the budget", () => {
                const dashboard = one(b.run, "aws:cloudwatch/dashboard:Dashboard");
                expect(dashboard.inputs.dashboardName).to.equal(b.name);
                const raw = dashboard.inputs.dashboardBody as string;
                const body = JSON.parse(raw) as DashboardBody;
                expect(body.widgets).to.have.length(11 * count);
                b.runtimes.forEach((r) => expect(raw).to.include(r.runtimeArn));
                const budgets = body.widgets.flatMap((w) =>
                    ((w.properties.annotations as { horizontal?: { value: number }[] })?.horizontal ?? []).map(
                        (a) => a.value,
                    ),
                );
                expect(budgets)
                    .to.include(b.config.sizing.cpu / 1024)
                    .and.to.include(b.config.sizing.memory / 1024);
                body.widgets
                    .filter((w) => w.type === "metric")
                    .forEach((w) => expect(w.properties.region).to.equal("us-east-1"));
            });

            it("creates no group the service may create; owns the delivery groups, encrypted, with the retention, protected only in production", () => {
                const expected = b.runtimes.flatMap((r) => [
                    `/${b.name}/runtimes/${r.name}/application-logs`,
                    `/${b.name}/runtimes/${r.name}/usage-logs`,
                ]);
                const groups = ofType(b.run, LOG_GROUP);
                expect(groups.map((g) => g.inputs.name))
                    .to.have.members(expected)
                    .and.to.have.length(expected.length);
                groups.forEach((g) => expect(String(g.inputs.name)).to.not.match(/^\/aws\//));
                for (const g of groups) {
                    expect(g.inputs.kmsKeyId).to.equal(KMS_KEY_ARN);
                    expect(g.inputs.retentionInDays).to.equal(b.config.logRetentionDays);
                    expect(g.inputs.tags).to.deep.equal(b.config.tags);
                    expect(g.protect, g.name).to.equal(stack === "production");
                    expect(g.retainOnDelete, g.name).to.equal(stack === "production");
                }
                // Nothing else is protected but the account-level Transaction Search settings: alarms,
                // topic, rules and dashboard are cheap to recreate.
                const accountLevel = [
                    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy",
                    "aws:xray/traceSegmentDestination:TraceSegmentDestination",
                ];
                b.run.resources
                    .filter(
                        (x) =>
                            x.type !== LOG_GROUP &&
                            !(accountLevel.includes(x.type) && x.name.includes("transaction-search")),
                    )
                    .forEach((x) => expect(x.protect, x.name).to.equal(false));
            });

            it("resolves its outputs", async () => {
                expect(await promiseOf(b.monitoring.alarmTopicArn))
                    .to.equal(topicArn)
                    .and.to.match(new RegExp(`^arn:aws:sns:us-east-1:${ACCOUNT}:`));
                expect(await promiseOf(b.monitoring.dashboardName)).to.equal(b.name);
                expect(await promiseOf(b.monitoring.alarmNames)).to.deep.equal(
                    b.runtimes.flatMap((r) => ALARM_KINDS.map((m) => alarmName(b.name, r.name, m))),
                );
                expect(b.run.outputs?.alarmNames).to.have.length(ALARM_KINDS.length * count);
            });
        });
    }
}

describe("RuntimeMonitoring thresholds across environments", () => {
    it("are stricter in production than in development on every 5-minute alarm, as the alarms are built", async () => {
        const dev = await build("development", 1);
        const prod = await build("production", 1);
        for (const metric of ["SystemErrors", "Throttles", "UserErrorRate", "LatencyP99"] as const) {
            const d = one(dev.run, ALARM, `-${metric}`).inputs;
            const p = one(prod.run, ALARM, `-${metric}`).inputs;
            expect(p.threshold as number, metric).to.be.below(d.threshold as number);
            expect(p.datapointsToAlarm as number, metric).to.be.below(d.datapointsToAlarm as number);
        }
    });

    it("reach the alarms: development and production differ on the same metric", async () => {
        const dev = await build("development", 1);
        const prod = await build("production", 1);
        for (const metric of ["SystemErrors", "Throttles", "UserErrorRate", "LatencyP99"] as const) {
            const d = one(dev.run, ALARM, `-${metric}`).inputs.threshold;
            const p = one(prod.run, ALARM, `-${metric}`).inputs.threshold;
            expect(d, metric).to.not.equal(p);
        }
        expect(one(prod.run, ALARM, "-SystemErrors").inputs.threshold).to.equal(0);
    });

    it("follow the sizing budget: a bigger budget raises the usage thresholds", async () => {
        const small = await build("development", 1);
        const big = await build("development", 1, { cpu: 2048, memory: 6144 });
        expect(one(small.run, ALARM, "-CpuPerSession").inputs.threshold).to.equal(0.5);
        expect(one(small.run, ALARM, "-MemoryPerSession").inputs.threshold).to.equal(1);
        expect(one(big.run, ALARM, "-CpuPerSession").inputs.threshold).to.equal(2);
        expect(one(big.run, ALARM, "-MemoryPerSession").inputs.threshold).to.equal(6);
        const body = one(big.run, "aws:cloudwatch/dashboard:Dashboard").inputs.dashboardBody as string;
        expect(body).to.include("budget 2 vCPU per session").and.to.include("budget 6 GB per session");
    });

    it("follow the stack config's cpu and memory keys", async () => {
        const config = configOf("staging", { cpu: 2048, memory: 4096 });
        const b = await build("staging", 1, config.sizing);
        expect(one(b.run, ALARM, "-CpuPerSession").inputs.threshold).to.equal(2);
        expect(one(b.run, ALARM, "-MemoryPerSession").inputs.threshold).to.equal(4);
    });
});

describe("monitoring helpers (pure)", () => {
    const arn = `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:runtime/support_agent_development-AbCdEf1234`;
    const target = {
        runtimeArn: arn,
        runtimeName: "support_agent_development",
        endpoints: ["DEFAULT", "live"],
        usageRules: { vcpu: ["r-vcpu-flat", "r-vcpu-nested"], memory: ["r-memory-flat", "r-memory-nested"] },
    };

    it("derives the runtime name from its ID", () => {
        expect(runtimeNameFromId("support_agent_development-AbCdEf1234")).to.equal("support_agent_development");
        expect(runtimeNameFromId("noid")).to.equal("noid");
        expect(endpointsOf(["live"])).to.deep.equal(["DEFAULT", "live"]);
    });

    it("keeps the one dimension choice: invocation and usage sets, both on the runtime ARN", () => {
        expect(metricDimensions("SystemErrors", arn, "support_agent_development", "live")).to.deep.equal({
            Operation: "InvokeAgentRuntime",
            Name: "support_agent_development::live",
            Resource: arn,
        });
        expect(metricDimensions("CPUUsed-vCPUHours", arn, "support_agent_development", "DEFAULT")).to.deep.equal({
            Service: "AgentCore.Runtime",
            Name: "support_agent_development::DEFAULT",
            Resource: arn,
        });
    });

    it("stays within CloudWatch's 10 metrics per alarm at the endpoint limit", () => {
        const five = { ...target, endpoints: ["DEFAULT", "a", "b", "c", "d"] };
        for (const definition of runtimeAlarmDefinitions("production", { cpu: 1024, memory: 2048 }, five.endpoints)) {
            const queries = definition.queries(five);
            expect(queries.filter((q) => q.metric).length, definition.metric).to.be.at.most(10);
            expect(queries.filter((q) => q.expression).length, definition.metric).to.be.at.most(10);
        }
    });

    it("names dashboards from their owners", () => {
        expect(dashboardNameFor("agentcore-production")).to.equal("agentcore-production");
        expect(dashboardNameFor("agent core/x")).to.equal("agent-core-x");
    });

    it("lays out one band per runtime and describes the budget in its header", () => {
        const body = dashboardBody({
            region: "eu-west-1",
            environment: "staging",
            sizing: { cpu: 1024, memory: 2048 },
            runtimes: [
                { ...target, name: "support_agent", applicationLogGroupName: "/a/support_agent/application-logs" },
                {
                    ...target,
                    name: "other",
                    runtimeArn: `${arn}X`,
                    applicationLogGroupName: "/a/other/application-logs",
                },
            ],
        });
        // A band is 20 rows: a 2-row header and three 6-row lines of widgets, so the second starts at row 20.
        expect(body.widgets.filter((w) => w.type === "text").map((w) => w.y)).to.deep.equal([0, 20]);
        const header = body.widgets[0].properties.markdown as string;
        expect(header).to.include(arn).and.include("1 vCPU").and.include("2 GB");
        body.widgets.forEach((w) => expect(w.x + w.width).to.be.at.most(24));
    });

    it("builds the topic policy from the partition, region and account", () => {
        const doc = alarmTopicPolicy({
            partition: "aws-cn",
            region: "cn-north-1",
            accountId: "111122223333",
            topicArn: "arn:aws-cn:sns:cn-north-1:111122223333:t",
        });
        expect(doc.Statement[1].Condition?.ArnLike).to.deep.equal({
            "aws:SourceArn": "arn:aws-cn:cloudwatch:cn-north-1:111122223333:alarm:*",
        });
    });
});
