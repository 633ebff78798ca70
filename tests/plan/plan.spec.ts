/**
 * The offline plan (`npm run plan`): it shows exactly what the unit tests' mocks record, its
 * JSON is byte-stable, its diagram and comparison cover every component and stack, its cost
 * estimate follows the endpoint count, and a bad stack file fails with every problem.
 * Each stack is run once per path (runStack, the plan's own runner) and shared by the tests.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CliIo, main, parsePlanArgs } from "../../scripts/plan";
import { renderComparison } from "../../src/plan/compare";
import { CostInputs, billedAlarmMetrics, costInputsFromResources, estimateCost } from "../../src/plan/cost";
import { mermaidDiagram } from "../../src/plan/diagram";
import { Plan, countsByType } from "../../src/plan/model";
import { blockingCount, toFinding } from "../../src/plan/packFindings";
import { renderPlan } from "../../src/plan/report";
import { planFromRun, planStack } from "../../src/plan/run";
import { planJson } from "../../src/plan/stableJson";
import { FIXTURES_ROOT, FIXTURE_SOURCE_ROOT, ProgramRun, STACKS, ofType, runStackOnce } from "../helpers";

function capture(): CliIo & { stdout: () => string; stderr: () => string } {
    let out = "";
    let err = "";
    return { out: (t) => (out += t), err: (t) => (err += t), stdout: () => out, stderr: () => err };
}

function planOf(result: Awaited<ReturnType<typeof planStack>>): Plan {
    expect(result.error, result.error?.message).to.equal(undefined);
    return result.plan as Plan;
}

describe("plan: every stack, as the unit tests' mocks record it", function () {
    // The first run loads the AWS SDKs; later runs only reload index.ts.
    this.timeout(120000);
    const runs = new Map<string, ProgramRun>();
    const plans = new Map<string, Plan>();

    before(async () => {
        for (const stack of STACKS) {
            runs.set(stack, await runStackOnce(stack));
            plans.set(stack, planOf(await planStack(stack, { root: FIXTURES_ROOT, sourceRoot: FIXTURE_SOURCE_ROOT })));
        }
    });

    for (const stack of STACKS) {
        it(`${stack}: same resources, types, parents and counts as runStack`, () => {
            const run = runs.get(stack) as ProgramRun;
            const plan = plans.get(stack) as Plan;
            const shape = (r: ProgramRun["resources"][number]) => `${r.urn} parent=${r.parent} protect=${r.protect}`;
            expect(plan.resources.map(shape)).to.deep.equal([...run.resources].map(shape).sort());
            expect(countsByType(plan.resources)).to.deep.equal(countsByType(run.resources));
            expect(plan.outputs).to.deep.equal(run.outputs);
            expect(
                plan.resources
                    .filter((r) => r.type.startsWith("agentcore:"))
                    .map((r) => r.type)
                    .sort(),
            ).to.deep.equal([
                "agentcore:access:RuntimeInboundAccess",
                "agentcore:artifact:AgentArtifacts",
                "agentcore:monitoring:RuntimeLogDelivery",
                "agentcore:monitoring:RuntimeMonitoring",
                ...(stack === "production" ? ["agentcore:monitoring:TransactionSearch"] : []),
                "agentcore:network:AgentNetwork",
                "agentcore:runtime:AgentRuntime",
                "agentcore:security:AgentSecurity",
            ]);
        });

        it(`${stack}: the JSON of two separate runs is byte-identical, sorted and complete`, async () => {
            const plan = plans.get(stack) as Plan;
            const again = planOf(await planFromRun(runs.get(stack) as ProgramRun));
            const json = planJson(plan);
            expect(planJson(again)).to.equal(json);
            const doc = JSON.parse(json);
            expect(Object.keys(doc)).to.deep.equal([...Object.keys(doc)].sort());
            const urns = doc.resources.map((r: { urn: string }) => r.urn);
            expect(urns)
                .to.deep.equal([...urns].sort())
                .and.have.length(plan.resources.length);
            for (const r of doc.resources) {
                expect(r).to.include.keys("type", "name", "inputs", "dependencies", "protect", "retainOnDelete");
            }
            expect(doc.outputs.vpcId).to.match(/^vpc-/);
            expect(doc.invokes.map((i: { token: string }) => i.token)).to.include(
                "aws:index/getCallerIdentity:getCallerIdentity",
            );
            expect(doc.cost.fixedMonthly).to.equal(plan.cost.fixedMonthly);
        });
    }

    it("prints the sections in order, with the properties that matter", () => {
        const text = renderPlan(plans.get("production") as Plan);
        const order = ["Resources (", "Outputs", "Summary", "Policy findings", "Cost"].map((h) =>
            text.indexOf(`\n${h}`),
        );
        expect(order.every((at) => at > 0)).to.equal(true);
        expect([...order].sort((a, b) => a - b)).to.deep.equal(order);
        for (const fact of [
            "AgentNetwork agentcore-production",
            "az id: use1-az4",
            "cidr: 10.30.6.0/24",
            "interface bedrock-agentcore.gateway, private DNS on",
            "ingress tcp 443 from sg agentcore-production-runtime-sg",
            "egress tcp 443 to prefix list pl-",
            "network mode: VPC",
            "image:",
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent@sha256:",
            "version: 1",
            "retention days: 365",
            "alarm when: > 0 for 2 of 3 periods",
            "[protect, retainOnDelete]",
            "usage-based and not included",
        ]) {
            expect(text).to.include(fact);
        }
    });

    it("evaluates the policy pack: no finding on any stack file", () => {
        for (const plan of plans.values()) {
            expect(plan.policy.pack).to.equal("agentcore-private-guardrails");
            expect(plan.policy.findings).to.deep.equal([]);
        }
    });

    it("reports blocking findings and fails the command when a mandatory rule is broken", async () => {
        const result = await planStack("production", { root: FIXTURES_ROOT, overrides: { protect: "false" } });
        const plan = planOf(result);
        expect(blockingCount(plan.policy)).to.be.greaterThan(0);
        expect(plan.policy.findings.every((f) => f.level === "mandatory" && f.blocking)).to.equal(true);
        expect(renderPlan(plan)).to.match(/\[mandatory\] .+ on aws:kms\/key:Key /);
        expect(
            toFinding({
                policyPack: "p",
                policyName: "n",
                description: "d",
                enforcementLevel: "advisory",
                stack: "s",
                message: "m",
            }),
        ).to.deep.equal({
            policy: "n",
            level: "advisory",
            blocking: false,
            resource: "(stack)",
            message: "m",
        });
    });

    it("draws every component and the wiring between their resources", () => {
        for (const plan of plans.values()) {
            const diagram = mermaidDiagram(plan);
            expect(diagram.startsWith("flowchart LR\n")).to.equal(true);
            for (const component of plan.resources.filter((r) => r.type.startsWith("agentcore:"))) {
                expect(diagram).to.include(`${component.type.split(":").pop()}: ${component.name}`);
            }
            for (const edge of [
                "-->|ENIs in| Subnet_",
                "-->|assumes| Role_",
                "-->|uses SG| SecurityGroup_",
                "_interface_endpoints -->|ENI in| Subnet_",
                "_alarms -->|notifies| Topic_",
                "-->|encrypted by| Key_",
            ]) {
                expect(diagram).to.include(edge);
            }
        }
        expect(mermaidDiagram(plans.get("production") as Plan)).to.include("-->|pins a version of| Runtime_");
        // Vended delivery: runtime → source → destination → stack-owned log group (X-Ray with tracing).
        const production = mermaidDiagram(plans.get("production") as Plan);
        for (const edge of [
            "LogDeliverySource_agentcore_production_support_agent_usage_logs_source -->|collects from| Runtime_agentcore_production_support_agent_runtime",
            "LogDeliverySource_agentcore_production_support_agent_usage_logs_source -->|delivers to| LogDeliveryDestination_agentcore_production_support_agent_usage_logs_destination",
            "LogDeliveryDestination_agentcore_production_support_agent_usage_logs_destination -->|into| LogGroup_agentcore_production_support_agent_usage_logs",
            "LogDeliverySource_agentcore_production_support_agent_traces_source -->|delivers to| LogDeliveryDestination_agentcore_production_support_agent_traces_destination",
        ]) {
            expect(production).to.include(edge);
        }
        expect(production).to.include('["Delivery destination<br/>X-Ray"]');
        expect(mermaidDiagram(plans.get("development") as Plan)).to.not.include("traces_source");
    });

    it("costs more with more endpoint services configured (runStack with overrides)", async () => {
        // AWS list price (us-east-1): $0.01 per interface endpoint per AZ-hour, 730 hours a month.
        const endpointAzMonth = 7.3;
        const services = ["bedrock-runtime", "sts", "xray", "monitoring"];
        const run = await runStackOnce("development", { endpointServices: JSON.stringify(services) });
        expect(run.error, run.error?.message).to.equal(undefined);
        const inputs = costInputsFromResources(run.resources, run.region);
        // The five required services plus four extras, each with an ENI in both subnets.
        expect(inputs.interfaceEndpoints).to.have.length(9);
        expect(inputs.interfaceEndpoints.every((e) => e.azCount === 2)).to.equal(true);
        const baseline = (plans.get("development") as Plan).cost;
        expect(estimateCost(inputs).fixedMonthly - baseline.fixedMonthly).to.be.closeTo(3 * 2 * endpointAzMonth, 0.001);
        expect(ofType(run, "aws:ec2/vpcEndpoint:VpcEndpoint")).to.have.length(10);
    });
    it("--all compares what differs: budgets, AZs, endpoints, retention, protection, alarms, cost", () => {
        const text = renderComparison(STACKS.map((s) => plans.get(s) as Plan));
        const lines = text.split("\n");
        // The first `height` lines of a row (a long label or value wraps inside its column).
        const row = (label: string, height = 1) => {
            const at = lines.findIndex((l) => l.startsWith(`${label} `));
            return at < 0 ? [] : lines.slice(at, at + height);
        };
        expect(row("cpu budget (CPU units)")).to.deep.equal([
            "cpu budget (CPU units)          │ 512                         │ 1024                        │ 2048",
        ]);
        expect(row("AZ count")).to.deep.equal([
            "AZ count                        │ 2                           │ 2                           │ 3",
        ]);
        expect(row("endpoint-AZs billed")).to.deep.equal([
            "endpoint-AZs billed             │ 12                          │ 16                          │ 27",
        ]);
        expect(row("retention: flow-logs")).to.deep.equal([
            "retention: flow-logs            │ 30                          │ 90                          │ 365",
        ]);
        expect(row("protected resources")[0]).to.match(/^protected resources +│ 0 +│ 0 +│ [1-9]/);
        expect(row("alarm:", 2)).to.deep.equal([
            "alarm:                          │ > 0.5 for 2 of 15 periods   │ > 1 for 2 of 15 periods of  │ > 2 for 2 of 15 periods of",
            "support_agent-CpuPerSession     │ of 300s                     │ 300s                        │ 300s",
        ]);
        expect(row("image: support_agent-runtime", 2)[1]).to.match(
            /^ +│ +│ agent@sha256:[0-9a-f]{8}… +│ @sha256:9f86d081…$/,
        );
        expect(lines[lines.findIndex((l) => l.startsWith("monthly fixed cost")) + 1]).to.match(
            /^monthly cost with assumed logs /,
        );
        expect(row("monthly fixed cost")[0]).to.match(
            /^monthly fixed cost +│ \$\d+\.\d\d +│ \$\d+\.\d\d +│ \$\d+\.\d\d$/,
        );
        expect(text).to.match(/Same in every stack[^\n]*\n {2}region: us-east-1/);
    });

    it("--all fits 120 characters a line, counted as characters (the table is drawn with box-drawing characters)", () => {
        const text = renderComparison(STACKS.map((s) => plans.get(s) as Plan));
        const tooWide = text.split("\n").filter((l) => [...l].length > 120);
        expect(tooWide).to.deep.equal([]);
        // Every value a reviewer compares is still there, only wrapped.
        expect(text)
            .to.include("agents-staging@example.com")
            .and.include("bedrock-agentcore.gateway,")
            .and.include("@sha256:9f86d081…");
    });

    it("--all prints more stacks than fit side by side in parts, still within 120 characters", () => {
        // Seven stacks: five fit beside a 30-character label at the narrowest column (12), so two
        // parts; each part shares out its own room (14 characters a stack in the first).
        const extra = ["qa", "perf", "demo", "sandbox"].map((stack) => ({ ...(plans.get("staging") as Plan), stack }));
        const text = renderComparison([...STACKS.map((s) => plans.get(s) as Plan), ...extra]);
        const lines = text.split("\n");
        expect(lines.filter((l) => [...l].length > 120)).to.deep.equal([]);
        expect(lines.filter((l) => l.startsWith("setting "))).to.deep.equal([
            "setting                         │ development     │ staging         │ production      │ demo            │ perf",
            "setting                         │ qa                                         │ sandbox",
        ]);
    });

    it("--json keeps the full image URI that the table shortens", () => {
        const json = planJson(STACKS.map((s) => plans.get(s) as Plan));
        expect(json).to.include(
            "agents/support-agent@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        );
    });
});

describe("plan: cost estimate", () => {
    const base: CostInputs = {
        region: "us-east-1",
        interfaceEndpoints: ["bedrock-agentcore", "ecr.api", "ecr.dkr", "logs"].map((service) => ({
            service,
            azCount: 2,
        })),
        gatewayEndpoints: 1,
        kmsKeys: 1,
        alarms: [{ name: "a", metrics: 1, highResolution: false }],
        compositeAlarms: 0,
        dashboards: 1,
        logGroups: [{ name: "flow", retentionDays: 30, flowLogs: true }],
    };
    // AWS list prices (us-east-1), written out so a changed price table fails here: $0.01 per
    // interface endpoint per AZ-hour over 730 hours, $1 per KMS key-month, $0.10 per standard
    // and $0.30 per high-resolution alarm metric-month, $3 per dashboard-month.
    const endpointAzMonth = 7.3;

    it("prices endpoint-hours as services × AZs × 730 h, the S3 gateway as free", () => {
        const estimate = estimateCost(base);
        const endpoints = estimate.lines.find((l) => l.item.startsWith("Interface endpoints"));
        expect(endpoints?.quantity).to.equal(5840);
        expect(endpoints?.monthly).to.be.closeTo(58.4, 0.001);
        expect(estimate.lines.find((l) => l.item.startsWith("S3 gateway"))?.monthly).to.equal(0);
        expect(estimate.fixedMonthly).to.be.closeTo(58.4 + 1 + 0.1 + 3, 0.001);
        expect(estimate.notes.join(" ")).to.include("AgentCore Runtime usage (vCPU-hours and GB-hours");
    });

    it("rises with every endpoint service and every AZ", () => {
        const twoMore = estimateCost({
            ...base,
            interfaceEndpoints: [
                ...base.interfaceEndpoints,
                { service: "sts", azCount: 2 },
                { service: "xray", azCount: 2 },
            ],
        });
        const threeAzs = estimateCost({
            ...base,
            interfaceEndpoints: base.interfaceEndpoints.map((e) => ({ ...e, azCount: 3 })),
        });
        const before = estimateCost(base).fixedMonthly;
        expect(twoMore.fixedMonthly - before).to.be.closeTo(4 * endpointAzMonth, 0.001);
        expect(threeAzs.fixedMonthly - before).to.be.closeTo(4 * endpointAzMonth, 0.001);
    });

    it("bills metric-math alarms per metric, high-resolution ones at the higher rate", () => {
        const metric = (period: number) => ({ id: "m", metric: { metricName: "Errors", period, stat: "Sum" } });
        expect(billedAlarmMetrics({ metricName: "Errors", period: 60 })).to.deep.equal({
            metrics: 1,
            highResolution: false,
        });
        expect(
            billedAlarmMetrics({
                metricQueries: [metric(300), metric(300), { id: "e", expression: "m1+m2", returnData: true }],
            }),
        ).to.deep.equal({ metrics: 2, highResolution: false });
        expect(
            billedAlarmMetrics({
                metricQueries: [metric(10), { id: "e", expression: "ANOMALY_DETECTION_BAND(m, 2)" }],
            }),
        ).to.deep.equal({ metrics: 3, highResolution: true });
        const estimate = estimateCost({
            ...base,
            alarms: [
                { name: "math", metrics: 4, highResolution: false },
                { name: "fast", metrics: 1, highResolution: true },
            ],
        });
        expect(estimate.lines.find((l) => l.item.startsWith("CloudWatch standard"))?.monthly).to.be.closeTo(0.4, 0.001);
        expect(estimate.lines.find((l) => l.item.startsWith("CloudWatch high-resolution"))?.monthly).to.be.closeTo(
            0.3,
            0.001,
        );
    });

    it("labels an estimate for another region as priced with us-east-1's table", () => {
        const estimate = estimateCost({ ...base, region: "eu-west-1" });
        expect(estimate.regionMatches).to.equal(false);
        expect(estimate.notes[0]).to.include("us-east-1").and.include("eu-west-1");
    });
});

describe("plan: the command", function () {
    this.timeout(120000);
    let dir: string;

    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-spec-"));
        // A development stack file with two bad values (Pulumi.yaml is the repository's).
        const good = fs.readFileSync(path.join(FIXTURES_ROOT, "Pulumi.development.yaml"), "utf8");
        const bad = good.replace(/cpu: 512/, "cpu: 300").replace(/logRetentionDays: 30/, "logRetentionDays: 31");
        expect(bad).to.not.equal(good);
        fs.writeFileSync(path.join(dir, "Pulumi.development.yaml"), bad);
    });

    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("parses its arguments, defaulting to development", () => {
        expect(parsePlanArgs([]))
            .to.include({ all: false, help: false })
            .and.deep.include({ stacks: ["development"] });
        expect(parsePlanArgs(["production", "--json", "p.json", "--diagram", "d.md"])).to.deep.include({
            stacks: ["production"],
            json: "p.json",
            diagram: "d.md",
        });
        expect(() => parsePlanArgs(["--json"])).to.throw("--json needs a value");
        expect(() => parsePlanArgs(["staging", "--all"])).to.throw("not both");
        expect(() => parsePlanArgs(["--all", "--diagram", "d.md"])).to.throw("one stack");
    });

    it("exits 1 with every config problem and writes nothing for a bad stack file", async () => {
        const io = capture();
        const json = path.join(dir, "out.json");
        const code = await main(
            ["development", "--root", dir, "--source-root", FIXTURE_SOURCE_ROOT, "--json", json],
            io,
        );
        expect(code).to.equal(1);
        expect(io.stderr()).to.include('Stack "development" has 2 configuration problems; nothing was created');
        expect(io.stderr()).to.include("cpu 300 is invalid").and.include("logRetentionDays 31 is invalid");
        expect(io.stdout()).to.equal("");
        expect(fs.existsSync(json)).to.equal(false);
    });

    it("exits 1 when a mandatory policy is broken, after printing the plan and its findings", async () => {
        const production = fs.readFileSync(path.join(FIXTURES_ROOT, "Pulumi.production.yaml"), "utf8");
        const unprotected = production.replace(/protect: true/, "protect: false");
        expect(unprotected).to.not.equal(production);
        fs.writeFileSync(path.join(dir, "Pulumi.production.yaml"), unprotected);
        const io = capture();
        expect(await main(["production", "--root", dir, "--source-root", FIXTURE_SOURCE_ROOT], io)).to.equal(1);
        expect(io.stdout()).to.include("[mandatory]");
        expect(io.stderr()).to.match(/Blocked by mandatory policies: production \(\d+\)/);
    });

    it("exits 1 for a stack without a file, listing the stacks there are; 2 for a usage error", async () => {
        const io = capture();
        expect(await main(["nosuchstack", "--root", FIXTURES_ROOT], io)).to.equal(1);
        expect(io.stderr()).to.include(
            "No stack file Pulumi.nosuchstack.yaml; stacks here: development, production, staging",
        );
        expect(await main(["--frobnicate"], capture())).to.equal(2);
    });

    it("writes the JSON and the diagram of a good stack", async () => {
        const io = capture();
        const json = path.join(dir, "staging.json");
        const diagram = path.join(dir, "staging.md");
        expect(
            await main(
                [
                    "staging",
                    "--root",
                    FIXTURES_ROOT,
                    "--source-root",
                    FIXTURE_SOURCE_ROOT,
                    "--json",
                    json,
                    "--diagram",
                    diagram,
                ],
                io,
            ),
        ).to.equal(0);
        expect(io.stdout()).to.include("Plan of agentcore-private/staging (us-east-1)");
        const doc = JSON.parse(fs.readFileSync(json, "utf8"));
        expect(doc.stack).to.equal("staging");
        expect(fs.readFileSync(diagram, "utf8")).to.include("```mermaid\nflowchart LR\n");
    });
});

describe("plan: a promoted code object (the target's own copy)", function () {
    this.timeout(60000);
    const PROMOTED = {
        bucket: "agentcore-development-code-6850cb5",
        key: "runtimes/support_agent_development/code.zip",
        versionId: "3sL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY",
    };

    it("shows the copy with its source and encryption, draws it in the bucket, prices it, and finds nothing", async () => {
        const runtimes = JSON.stringify([
            { name: "support_agent", code: { s3: PROMOTED, runtime: "NODE_22", entryPoint: ["main.js"] } },
        ]);
        const plan = planOf(await planFromRun(await runStackOnce("staging", { runtimes })));
        const text = renderPlan(plan);
        expect(text).to.include(
            "copied from: agentcore-development-code-6850cb5/runtimes/support_agent_development/code.zip",
        );
        expect(text).to.match(/only if the source ETag is: [0-9a-f]{32}/);
        expect(text).to.include("encryption: aws:kms with [secret]");
        expect(blockingCount(plan.policy)).to.equal(0);
        const diagram = mermaidDiagram(plan);
        expect(diagram).to.include("Promoted code zip (copy)");
        expect(diagram).to.match(/ObjectCopy_[A-Za-z0-9_]+ -->\|stored in\|/);
        const cost = estimateCost(costInputsFromResources(plan.resources, "staging"));
        expect(cost.lines.map((l) => l.item).join("\n")).to.include("of 1 code object");
    });
});
