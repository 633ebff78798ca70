/**
 * The runtime's own logs, traces and per-session usage, over whole stack runs: vended
 * delivery wiring (sources on the runtime ARN, destinations on the stack's KMS log groups or
 * X-Ray, deliveries joining them), the resource policies, the Contributor Insights rules and
 * the alarms that read them, Transaction Search ownership, the ADOT environment on both
 * providers, and the config errors. Expected values are literals from the issue and AWS's
 * documentation, not constants of the code under test.
 */
import { expect } from "chai";
import { ConfigValidationError, validateConfig } from "../../src/config";
import { PolicyDocument } from "../../src/aws/iamDocument";
import { deliveryName } from "../../src/observability/logDeliveryDocuments";
import { busiestSessionQueries, usageRuleDefinition } from "../../src/observability/usage";
import { USAGE_RECORD_READINGS } from "../../src/observability/facts";
import { costInputsFromResources, estimateCost } from "../../src/plan/cost";
import { classicRuntimeArgs, environmentVariables, nativeRuntimeArgs } from "../../src/runtime/args";
import { ProgramRun, RecordedResource, STACKS, configOf, ofType, one, rawStack, runStackOnce } from "../helpers";
import { observabilitySettings } from "../../src/observability/config";

const ACCOUNT = "123456789012";
const SOURCE = "aws:cloudwatch/logDeliverySource:LogDeliverySource";
const DESTINATION = "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination";
const DELIVERY = "aws:cloudwatch/logDelivery:LogDelivery";
const RULE = "aws:cloudwatch/contributorInsightRule:ContributorInsightRule";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const RUNTIME = "aws-native:bedrockagentcore:Runtime";

const TRACED: Record<string, boolean> = { development: false, staging: true, production: true };

function runtimeArnOf(run: ProgramRun): string {
    return one(run, RUNTIME).state.agentRuntimeArn as string;
}

function byUrn(run: ProgramRun, urn: string): RecordedResource {
    return run.resources.find((r) => r.urn === urn)!;
}

for (const stack of STACKS) {
    describe(`observability (${stack})`, () => {
        let run: ProgramRun;
        before(async () => {
            run = await runStackOnce(stack);
            expect(run.error, String(run.error)).to.equal(undefined);
        });

        it("creates delivery sources on the runtime ARN for APPLICATION_LOGS and USAGE_LOGS, and TRACES only when tracing is on", () => {
            const sources = ofType(run, SOURCE);
            const expected = TRACED[stack]
                ? ["APPLICATION_LOGS", "TRACES", "USAGE_LOGS"]
                : ["APPLICATION_LOGS", "USAGE_LOGS"];
            expect(sources.map((s) => s.inputs.logType).sort()).to.deep.equal(expected);
            sources.forEach((s) => expect(s.inputs.resourceArn, s.name).to.equal(runtimeArnOf(run)));
            sources.forEach((s) => expect(String(s.inputs.name), s.name).to.match(/^[\w-]{1,60}$/));
        });

        it("sends application and usage logs to stack-owned KMS log groups with the retention, never to a /aws/ name", () => {
            const key = (run.outputs as Record<string, unknown>).kmsKeyArn;
            const retention = { development: 30, staging: 90, production: 365 }[stack];
            for (const [slug, logType] of [
                ["application-logs", "APPLICATION_LOGS"],
                ["usage-logs", "USAGE_LOGS"],
            ]) {
                const group = one(run, LOG_GROUP, `support_agent-${slug}`);
                expect(group.inputs.name).to.equal(`/agentcore-${stack}/runtimes/support_agent/${slug}`);
                expect(group.inputs.kmsKeyId).to.equal(key);
                expect(group.inputs.retentionInDays).to.equal(retention);
                expect(group.protect).to.equal(stack === "production");
                expect(group.retainOnDelete).to.equal(stack === "production");
                const destination = one(run, DESTINATION, `support_agent-${slug}-destination`);
                expect(destination.inputs).to.deep.include({ deliveryDestinationType: "CWL" });
                expect(destination.inputs).to.not.have.property("outputFormat");
                expect(destination.inputs.deliveryDestinationConfiguration).to.deep.equal({
                    destinationResourceArn: group.state.arn,
                });
                const source = ofType(run, SOURCE).find((s) => s.inputs.logType === logType)!;
                const delivery = one(run, DELIVERY, `support_agent-${slug}-delivery`);
                expect(delivery.inputs).to.deep.include({
                    deliverySourceName: source.state.name,
                    deliveryDestinationArn: destination.state.arn,
                });
            }
            ofType(run, LOG_GROUP).forEach((g) =>
                expect(String(g.inputs.name)).to.not.match(/^\/aws\/bedrock-agentcore\//),
            );
        });

        it(
            TRACED[stack]
                ? "delivers TRACES to X-Ray under a resource policy scoped to the runtime"
                : "creates no trace delivery and no X-Ray policy",
            () => {
                const xray = ofType(run, DESTINATION).filter((d) => d.inputs.deliveryDestinationType === "XRAY");
                const policies = ofType(run, "aws:xray/resourcePolicy:ResourcePolicy");
                if (!TRACED[stack]) {
                    expect(xray).to.have.length(0);
                    expect(policies).to.have.length(0);
                    return;
                }
                expect(xray).to.have.length(1);
                expect(xray[0].inputs).to.not.have.property("deliveryDestinationConfiguration");
                const traces = ofType(run, SOURCE).find((s) => s.inputs.logType === "TRACES")!;
                const delivery = one(run, DELIVERY, "support_agent-traces-delivery");
                expect(delivery.inputs).to.deep.include({
                    deliverySourceName: traces.state.name,
                    deliveryDestinationArn: xray[0].state.arn,
                });
                const doc = JSON.parse(policies[0].inputs.policyDocument as string) as PolicyDocument;
                expect(doc.Statement).to.deep.equal([
                    {
                        Sid: "VendedTraceDeliveryForStackRuntimes",
                        Effect: "Allow",
                        Principal: { Service: "delivery.logs.amazonaws.com" },
                        Action: ["xray:PutTraceSegments"],
                        Resource: "*",
                        Condition: {
                            "ForAllValues:ArnLike": { "logs:LogGeneratingResourceArns": [runtimeArnOf(run)] },
                            StringEquals: { "aws:SourceAccount": ACCOUNT },
                            ArnLike: { "aws:SourceArn": `arn:aws:logs:us-east-1:${ACCOUNT}:delivery-source:*` },
                        },
                    },
                ]);
                expect(xray[0].dependencies).to.include(policies[0].urn);
            },
        );

        it("lets only this account's log delivery write, and only into the stack's delivery groups, before any destination exists", () => {
            const policy = one(run, "aws:cloudwatch/logResourcePolicy:LogResourcePolicy", "log-delivery-policy");
            expect(policy.inputs.policyName).to.equal(`agentcore-${stack}-log-delivery`);
            const doc = JSON.parse(policy.inputs.policyDocument as string) as PolicyDocument;
            expect(doc.Statement).to.deep.equal([
                {
                    Sid: "VendedLogDeliveryToStackLogGroups",
                    Effect: "Allow",
                    Principal: { Service: "delivery.logs.amazonaws.com" },
                    Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                    Resource: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/agentcore-${stack}/runtimes/*:log-stream:*`,
                    Condition: {
                        StringEquals: { "aws:SourceAccount": ACCOUNT },
                        ArnLike: { "aws:SourceArn": `arn:aws:logs:us-east-1:${ACCOUNT}:*` },
                    },
                },
            ]);
            ofType(run, DESTINATION).forEach((d) => expect(d.dependencies, d.name).to.include(policy.urn));
        });

        it("creates the deliveries one after another", () => {
            const deliveries = ofType(run, DELIVERY);
            const chained = deliveries.filter((d) => d.dependencies.some((u) => byUrn(run, u)?.type === DELIVERY));
            expect(chained).to.have.length(deliveries.length - 1);
        });

        it("measures each session from the usage group with one rule per measure and record reading, keyed by session ID", () => {
            const rules = ofType(run, RULE);
            expect(rules.map((r) => r.inputs.ruleName).sort()).to.deep.equal([
                `agentcore-${stack}-support_agent-session-memory-flat`,
                `agentcore-${stack}-support_agent-session-memory-nested`,
                `agentcore-${stack}-support_agent-session-vcpu-flat`,
                `agentcore-${stack}-support_agent-session-vcpu-nested`,
            ]);
            const flat = JSON.parse(one(run, RULE, "vcpu-flat-rule").inputs.ruleDefinition as string);
            expect(flat).to.deep.equal({
                Schema: { Name: "CloudWatchLogRule", Version: 1 },
                LogGroupNames: [`/agentcore-${stack}/runtimes/support_agent/usage-logs`],
                LogFormat: "JSON",
                Contribution: { Keys: ["$.session.id"], ValueOf: "$.agent.runtime.vcpu.hours.used", Filters: [] },
                AggregateOn: "Sum",
            });
            const nested = JSON.parse(one(run, RULE, "memory-nested-rule").inputs.ruleDefinition as string);
            expect(nested.Contribution).to.deep.equal({
                Keys: ["$.attributes.session.id"],
                ValueOf: "$.metrics.agent.runtime.memory.gb_hours.used",
                Filters: [],
            });
            rules.forEach((r) => expect(r.inputs.ruleState).to.equal("ENABLED"));
        });

        it("alarms when the busiest session exceeds the stack's budget, reading the rules (never a session count)", () => {
            const budget = { development: [0.5, 1], staging: [1, 2], production: [2, 4] }[stack];
            const rules = new Map(ofType(run, RULE).map((r) => [r.inputs.ruleName as string, r.urn]));
            for (const [metric, measure, threshold] of [
                ["CpuPerSession", "vcpu", budget[0]],
                ["MemoryPerSession", "memory", budget[1]],
            ] as const) {
                const alarm = one(run, ALARM, `-${metric}`);
                expect(alarm.inputs.threshold).to.equal(threshold);
                const queries = alarm.inputs.metricQueries as {
                    id: string;
                    expression?: string;
                    period?: number;
                    metric?: unknown;
                    returnData?: boolean;
                }[];
                expect(queries.filter((q) => q.metric)).to.have.length(0);
                const reads = queries.filter((q) => q.expression?.startsWith("INSIGHT_RULE_METRIC"));
                expect(reads.map((q) => q.expression)).to.deep.equal([
                    `INSIGHT_RULE_METRIC("agentcore-${stack}-support_agent-session-${measure}-flat", "MaxContributorValue")`,
                    `INSIGHT_RULE_METRIC("agentcore-${stack}-support_agent-session-${measure}-nested", "MaxContributorValue")`,
                ]);
                reads.forEach((q) => expect(q.period).to.equal(300));
                // 5-minute sums of hours × 12 = the average held over the 5 minutes.
                expect(queries.find((q) => q.returnData)!.expression).to.match(/\* 12$/);
                expect(JSON.stringify(queries)).to.not.match(/SessionCount|"Sessions"/);
                for (const name of [
                    `agentcore-${stack}-support_agent-session-${measure}-flat`,
                    `agentcore-${stack}-support_agent-session-${measure}-nested`,
                ]) {
                    expect(alarm.dependencies, name).to.include(rules.get(name));
                }
            }
            const silent = one(run, ALARM, "-UsageLogsSilent");
            expect(silent.inputs.threshold).to.equal(0);
            expect(JSON.stringify(silent.inputs.metricQueries))
                .to.include("UniqueContributors")
                .and.include('"metricName":"Invocations"');
        });

        it("saves the Logs Insights queries for sessions, top sessions, usage against budget and errors by session", () => {
            const queries = ofType(run, "aws:cloudwatch/queryDefinition:QueryDefinition");
            expect(queries.map((q) => q.inputs.name).sort()).to.deep.equal(
                ["errors-by-session", "sessions", "top-sessions", "usage-against-budget"].map(
                    (n) => `agentcore-${stack}/support_agent/${n}`,
                ),
            );
            const usage = queries.find((q) => String(q.inputs.name).endsWith("usage-against-budget"))!;
            expect(usage.inputs.logGroupNames).to.deep.equal([`/agentcore-${stack}/runtimes/support_agent/usage-logs`]);
            expect(usage.inputs.queryString).to.include("coalesce(`session.id`, `attributes.session.id`)");
            const errors = queries.find((q) => String(q.inputs.name).endsWith("errors-by-session"))!;
            expect(errors.inputs.logGroupNames).to.deep.equal([
                `/agentcore-${stack}/runtimes/support_agent/application-logs`,
            ]);
        });

        it("shows sessions, the busiest session against the budget, top sessions and errors by session on the dashboard", () => {
            const body = JSON.parse(one(run, "aws:cloudwatch/dashboard:Dashboard").inputs.dashboardBody as string) as {
                widgets: { type: string; properties: Record<string, unknown> }[];
            };
            const titles = body.widgets.map((w) => w.properties.title);
            expect(titles).to.include.members([
                "Sessions with usage (5 min)",
                "Busiest session: vCPU vs budget",
                "Busiest session: GB vs budget",
                "Top sessions by vCPU-hours (flat record reading)",
                "Top sessions by vCPU-hours (nested record reading)",
                "Errors by session (application logs)",
            ]);
            const top = body.widgets.find(
                (w) => w.properties.title === "Top sessions by vCPU-hours (flat record reading)",
            )!;
            expect(top.properties.insightRule).to.deep.equal({
                maxContributorCount: 10,
                orderBy: "Sum",
                ruleName: `agentcore-${stack}-support_agent-session-vcpu-flat`,
            });
            const errors = body.widgets.find((w) => w.type === "log")!;
            expect(String(errors.properties.query)).to.match(
                new RegExp(`^SOURCE '/agentcore-${stack}/runtimes/support_agent/application-logs' \\| `),
            );
        });

        it(
            stack === "production"
                ? "owns Transaction Search, idempotently, retained on delete"
                : "leaves Transaction Search to the production stack",
            () => {
                const destinations = ofType(run, "aws:xray/traceSegmentDestination:TraceSegmentDestination");
                if (stack !== "production") {
                    expect(destinations).to.have.length(0);
                    return;
                }
                expect(destinations).to.have.length(1);
                expect(destinations[0].inputs.destination).to.equal("CloudWatchLogs");
                expect(destinations[0].retainOnDelete).to.equal(true);
                const policy = one(
                    run,
                    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy",
                    "transaction-search-spans-policy",
                );
                expect(policy.retainOnDelete).to.equal(true);
                expect(destinations[0].dependencies).to.include(policy.urn);
                const doc = JSON.parse(policy.inputs.policyDocument as string) as PolicyDocument;
                expect(doc.Statement[0]).to.deep.include({
                    Principal: { Service: "xray.amazonaws.com" },
                    Action: ["logs:PutLogEvents"],
                    Resource: [
                        `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:aws/spans:*`,
                        `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/application-signals/data:*`,
                    ],
                });
            },
        );

        it(
            TRACED[stack]
                ? "sets the documented ADOT environment beside the user's variables"
                : "adds no ADOT variable with tracing off",
            () => {
                const env = one(run, RUNTIME).inputs.environmentVariables as Record<string, string>;
                if (!TRACED[stack]) {
                    expect(Object.keys(env).sort()).to.deep.equal(["LOG_LEVEL", "MODEL_ID"]);
                    return;
                }
                expect(env).to.deep.include({
                    AGENT_OBSERVABILITY_ENABLED: "true",
                    OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf",
                    OTEL_TRACES_EXPORTER: "otlp",
                    OTEL_RESOURCE_ATTRIBUTES: `service.name=support_agent_${stack},deployment.environment=${stack}`,
                });
                expect(env.LOG_LEVEL).to.be.a("string");
            },
        );
    });
}

describe("observability with the classic runtime provider", () => {
    it("gives the classic runtime the same ADOT environment and points the sources at its ARN", async () => {
        const run = await runStackOnce("staging", { runtimeProvider: "aws" });
        expect(run.error, String(run.error)).to.equal(undefined);
        const runtime = one(run, "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime");
        expect(runtime.inputs.environmentVariables).to.deep.include({
            AGENT_OBSERVABILITY_ENABLED: "true",
            OTEL_TRACES_EXPORTER: "otlp",
        });
        ofType(run, SOURCE).forEach((s) => expect(s.inputs.resourceArn).to.equal(runtime.state.agentRuntimeArn));
    });
});

describe("observability config", () => {
    const problemsOf = (stack: string, overrides: Record<string, unknown>): string[] => {
        try {
            validateConfig(rawStack(stack, overrides));
            return [];
        } catch (e) {
            expect(e).to.be.instanceOf(ConfigValidationError);
            return [...(e as ConfigValidationError).problems];
        }
    };

    it("hands RuntimeMonitoring exactly the observability settings of the stack's config", () => {
        expect(observabilitySettings(validateConfig(rawStack("production")))).to.deep.equal({
            tracing: true,
            transactionSearch: true,
        });
        expect(observabilitySettings(validateConfig(rawStack("development")))).to.deep.equal({
            tracing: false,
            transactionSearch: false,
        });
    });

    it("allows Transaction Search only in a production stack, as a config error elsewhere", () => {
        expect(problemsOf("production", { transactionSearch: "true" })).to.deep.equal([]);
        expect(problemsOf("staging", { transactionSearch: "false" })).to.deep.equal([]);
        for (const stack of ["development", "staging"]) {
            const problems = problemsOf(stack, { transactionSearch: "true" });
            expect(problems).to.have.length(1);
            expect(problems[0])
                .to.include("transactionSearch true is invalid")
                .and.include(`in a ${stack} stack`)
                .and.include("only a production stack")
                .and.include("(e.g. false)");
        }
    });

    it("reads tracing and transactionSearch as booleans, defaulting to the Pulumi.yaml defaults", () => {
        expect(problemsOf("staging", { tracing: "yes" })[0]).to.equal(
            'tracing "yes" is invalid: true or false (e.g. true)',
        );
        const defaults = validateConfig(rawStack("staging", { tracing: undefined, transactionSearch: undefined }));
        expect(defaults.tracing).to.equal(true);
        expect(defaults.transactionSearch).to.equal(false);
        expect(validateConfig(rawStack("development")).tracing).to.equal(false);
    });

    it("rejects a user variable the program sets with tracing on, and accepts it with tracing off", () => {
        const runtimes = (env: Record<string, string>) => [
            {
                name: "support_agent",
                containerUri: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent:1.4.2`,
                environment: env,
            },
        ];
        for (const key of [
            "AGENT_OBSERVABILITY_ENABLED",
            "OTEL_RESOURCE_ATTRIBUTES",
            "OTEL_TRACES_EXPORTER",
            "OTEL_EXPORTER_OTLP_PROTOCOL",
            "DISABLE_ADOT_OBSERVABILITY",
        ]) {
            const problems = problemsOf("staging", { tracing: "true", runtimes: runtimes({ [key]: "x" }) });
            expect(problems, key).to.have.length(1);
            expect(problems[0])
                .to.include(`runtimes[0].environment.${key}`)
                .and.include("set tracing: false")
                .and.include("(e.g. LOG_LEVEL)");
            expect(problemsOf("staging", { tracing: "false", runtimes: runtimes({ [key]: "x" }) }), key).to.deep.equal(
                [],
            );
        }
        // Near miss: a name that only starts like one of them is the user's.
        expect(
            problemsOf("staging", { tracing: "true", runtimes: runtimes({ OTEL_SERVICE_NAME_X: "x" }) }),
        ).to.deep.equal([]);
    });

    it("keeps a traced runtime within AgentCore's 50 variables: 46 of the user's fit, 47 do not", () => {
        const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`VAR_${i}`, "x"]));
        const runtimes = (n: number) => [
            {
                name: "support_agent",
                containerUri: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent:1.4.2`,
                environment: many(n),
            },
        ];
        expect(problemsOf("staging", { tracing: "true", runtimes: runtimes(46) })).to.deep.equal([]);
        const problems = problemsOf("staging", { tracing: "true", runtimes: runtimes(47) });
        expect(problems).to.have.length(1);
        expect(problems[0]).to.include("runtimes[0].environment").and.include("at most 46 with tracing on");
        expect(problemsOf("staging", { tracing: "false", runtimes: runtimes(47) })).to.deep.equal([]);
    });
});

describe("observability helpers (pure)", () => {
    it("keeps delivery names within 60 word characters, unique when cut", () => {
        expect(deliveryName("agentcore-production", "support_agent", "usage-logs")).to.equal(
            "agentcore-production-support_agent-usage-logs",
        );
        const long = deliveryName("agentcore-production", "a".repeat(48), "application-logs-cwl");
        expect(long)
            .to.have.length(60)
            .and.to.match(/^[\w-]+-[0-9a-f]{8}$/);
        expect(long).to.not.equal(deliveryName("agentcore-production", "a".repeat(48), "usage-logs-cwl"));
        expect(deliveryName("x", "y", "z".repeat(56)))
            .to.have.length(60)
            .and.to.equal(`x-y-${"z".repeat(56)}`);
        expect(deliveryName("x", "y", "z".repeat(57)))
            .to.have.length(60)
            .and.to.not.include("z".repeat(57));
    });

    it("turns a 5-minute or hourly sum of hours into the average held (× 12, × 1)", () => {
        const five = busiestSessionQueries(["a", "b"], "vcpu", 300, "r");
        expect(five[2].expression).to.equal("MAX([FILL(rR0, 0), FILL(rR1, 0)]) * 12");
        expect(busiestSessionQueries(["a"], "memory", 3600, "m")[1].expression).to.equal("MAX([FILL(mR0, 0)]) * 1");
    });

    it("builds one rule per reading of the usage record: flat as AWS lists the fields, nested as users report them", () => {
        expect(USAGE_RECORD_READINGS.map((r) => r.label)).to.deep.equal(["flat", "nested"]);
        expect(usageRuleDefinition("/g", "memory", USAGE_RECORD_READINGS[0]).Contribution).to.deep.equal({
            Keys: ["$.session.id"],
            ValueOf: "$.agent.runtime.memory.gb_hours.used",
            Filters: [],
        });
    });
});

describe("observability in the plan's cost estimate", () => {
    const linesOf = async (stack: string) => {
        const run = await runStackOnce(stack);
        return estimateCost(costInputsFromResources(run.resources, "us-east-1")).lines;
    };

    it("prices the four usage rules at $0.50 a month each, as list prices", async () => {
        for (const stack of STACKS) {
            const rules = (await linesOf(stack)).find((l) => l.item.startsWith("Contributor Insights rules"))!;
            expect(rules, stack).to.deep.include({
                quantity: 4,
                unit: "rule-month",
                unitPrice: 0.5,
                monthly: 2,
                basis: "list",
            });
        }
    });

    it("states usage-log ingestion and matched events as assumptions: 8 session-hours a day, one 500-byte record a second", async () => {
        const lines = await linesOf("staging");
        const ingestion = lines.find((l) => l.item.startsWith("USAGE_LOGS ingestion"))!;
        // 8 h × 3600 s × 30.4 days × 500 B = 0.437760 GB → $0.22 at $0.50/GB.
        expect(ingestion).to.deep.include({
            quantity: 0.44,
            unit: "GB",
            unitPrice: 0.5,
            monthly: 0.22,
            basis: "assumption",
        });
        const events = lines.find((l) => l.item.startsWith("Contributor Insights events matched"))!;
        // 875,520 records × 4 rules = 3.50 million events → $0.07 at $0.02 per million.
        expect(events).to.deep.include({ quantity: 3.5, monthly: 0.07, basis: "assumption" });
    });

    it("prices X-Ray traces only where tracing is on", async () => {
        expect((await linesOf("development")).some((l) => l.item.startsWith("X-Ray traces"))).to.equal(false);
        const traces = (await linesOf("production")).find((l) => l.item.startsWith("X-Ray traces"))!;
        // 1,000 a day × 30.4 days = 0.0304 million traces × $5.00 = $0.15.
        expect(traces).to.deep.include({ quantity: 0.03, unitPrice: 5, monthly: 0.15, basis: "assumption" });
    });
});

describe("runtime environment with observability (pure)", () => {
    const runtime = configOf("staging").runtimes[0];

    it("adds the ADOT variables to the user's with tracing on, and nothing with it off", () => {
        const on = environmentVariables(runtime, { tracing: true, environment: "staging" })!;
        expect(Object.keys(on).sort()).to.deep.equal([
            "AGENT_OBSERVABILITY_ENABLED",
            "LOG_LEVEL",
            "MODEL_ID",
            "OTEL_EXPORTER_OTLP_PROTOCOL",
            "OTEL_RESOURCE_ATTRIBUTES",
            "OTEL_TRACES_EXPORTER",
        ]);
        expect(environmentVariables(runtime, { tracing: false, environment: "staging" })).to.deep.equal({
            ...runtime.environment,
        });
        expect(environmentVariables(runtime)).to.deep.equal({ ...runtime.environment });
    });

    it("omits an empty environment (it would round-trip as null) but not one that only tracing fills", () => {
        const bare = { ...runtime, environment: {} };
        expect(environmentVariables(bare, { tracing: false, environment: "staging" })).to.equal(undefined);
        expect(environmentVariables(bare, { tracing: true, environment: "staging" })).to.have.property(
            "AGENT_OBSERVABILITY_ENABLED",
            "true",
        );
    });

    it("gives both providers' runtime arguments the same environment", () => {
        const wiring = {
            artifact: {
                kind: "container" as const,
                containerUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.4.2",
            },
            roleArn: "arn:aws:iam::123456789012:role/r",
            subnetIds: ["subnet-1"],
            securityGroupIds: ["sg-1"],
        };
        const observability = { tracing: true, environment: "production" };
        expect(nativeRuntimeArgs(runtime, wiring, {}, observability).environmentVariables).to.deep.equal(
            classicRuntimeArgs(runtime, wiring, {}, observability).environmentVariables,
        );
    });
});
