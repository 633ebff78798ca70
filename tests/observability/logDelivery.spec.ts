/**
 * One runtime's vended log delivery (src/observability/logDelivery.ts) built alone under the
 * recording mocks: per log type a source on the runtime ARN, a destination (the stack's own
 * group, or X-Ray for TRACES) and the delivery joining them, the deliveries of a source one after
 * another (the Logs API refuses concurrent changes); the usage rules and saved queries by default
 * and none with sessionInsights false; the groups unprotected unless asked.
 */
import { expect } from "chai";
import { RuntimeLogDelivery, RuntimeLogDeliveryArgs } from "../../src/observability/logDelivery";
import { ProgramRun, ofType, one, runComponent } from "../helpers";

const SOURCE = "aws:cloudwatch/logDeliverySource:LogDeliverySource";
const DESTINATION = "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination";
const DELIVERY = "aws:cloudwatch/logDelivery:LogDelivery";
const GROUP = "aws:cloudwatch/logGroup:LogGroup";
const RULE = "aws:cloudwatch/contributorInsightRule:ContributorInsightRule";
const QUERY = "aws:cloudwatch/queryDefinition:QueryDefinition";

async function build(extra: Partial<RuntimeLogDeliveryArgs> = {}): Promise<ProgramRun> {
    const run = await runComponent(() => {
        new RuntimeLogDelivery("agentcore-dev-rt-logs", {
            componentName: "agentcore-dev",
            runtimeName: "rt",
            runtimeArn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/rt_dev-AbCdEf1234",
            kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k",
            logRetentionDays: 30,
            sizing: { cpu: 1024, memory: 2048 },
            ...extra,
        });
    });
    expect(run.error, String(run.error)).to.equal(undefined);
    return run;
}

const short = (urns: readonly string[]) => urns.map((u) => u.split("::").pop()).sort();

describe("runtime log delivery", () => {
    it("names sources, destinations and deliveries after the component, runtime and log type", async () => {
        const run = await build({ tracing: true });
        expect(ofType(run, SOURCE).map((s) => [s.inputs.name, s.inputs.logType])).to.have.deep.members([
            ["agentcore-dev-rt-application-logs", "APPLICATION_LOGS"],
            ["agentcore-dev-rt-usage-logs", "USAGE_LOGS"],
            ["agentcore-dev-rt-traces", "TRACES"],
        ]);
        expect(
            ofType(run, DESTINATION).map((d) => [d.inputs.name, d.inputs.deliveryDestinationType]),
        ).to.have.deep.members([
            ["agentcore-dev-rt-application-logs-cwl", "CWL"],
            ["agentcore-dev-rt-usage-logs-cwl", "CWL"],
            ["agentcore-dev-rt-traces-xray", "XRAY"],
        ]);
        expect(ofType(run, DELIVERY).map((d) => d.inputs.deliverySourceName)).to.have.members([
            "agentcore-dev-rt-application-logs",
            "agentcore-dev-rt-usage-logs",
            "agentcore-dev-rt-traces",
        ]);
    });

    it("each delivery waits for its source, its destination and only the delivery before it", async () => {
        const run = await build({ tracing: true });
        expect(short(one(run, DELIVERY, "-application-logs-delivery").dependencies)).to.deep.equal([
            "agentcore-dev-rt-logs-application-logs-destination",
            "agentcore-dev-rt-logs-application-logs-source",
        ]);
        expect(short(one(run, DELIVERY, "-usage-logs-delivery").dependencies)).to.deep.equal([
            "agentcore-dev-rt-logs-application-logs-delivery",
            "agentcore-dev-rt-logs-usage-logs-destination",
            "agentcore-dev-rt-logs-usage-logs-source",
        ]);
        expect(short(one(run, DELIVERY, "-traces-delivery").dependencies)).to.deep.equal([
            "agentcore-dev-rt-logs-traces-destination",
            "agentcore-dev-rt-logs-traces-source",
            "agentcore-dev-rt-logs-usage-logs-delivery",
        ]);
        // Without dependsOn, a destination waits for nothing but its group.
        expect(short(one(run, DESTINATION, "-traces-destination").dependencies)).to.deep.equal([]);
        expect(short(one(run, DESTINATION, "-usage-logs-destination").dependencies)).to.deep.equal([
            "agentcore-dev-rt-logs-usage-logs",
        ]);
    });

    it("no TRACES without tracing", async () => {
        const run = await build();
        expect(ofType(run, SOURCE).map((s) => s.inputs.logType)).to.have.members(["APPLICATION_LOGS", "USAGE_LOGS"]);
        expect(ofType(run, DELIVERY)).to.have.length(2);
    });

    it("the groups are neither protected nor retained unless asked", async () => {
        for (const [protect, expected] of [
            [undefined, false],
            [false, false],
            [true, true],
        ] as const) {
            const run = await build(protect === undefined ? {} : { protect });
            for (const group of ofType(run, GROUP)) {
                expect([group.protect, group.retainOnDelete], `${protect} ${group.name}`).to.deep.equal([
                    expected,
                    expected,
                ]);
            }
        }
    });

    it("sessionInsights by default: 4 usage rules and 4 saved queries; none with sessionInsights false", async () => {
        for (const args of [{}, { sessionInsights: true }]) {
            const run = await build(args);
            expect(ofType(run, RULE).map((r) => r.inputs.ruleName)).to.have.members([
                "agentcore-dev-rt-session-vcpu-flat",
                "agentcore-dev-rt-session-vcpu-nested",
                "agentcore-dev-rt-session-memory-flat",
                "agentcore-dev-rt-session-memory-nested",
            ]);
            expect(ofType(run, QUERY).map((q) => [q.inputs.name, q.inputs.logGroupNames])).to.have.deep.members([
                ["agentcore-dev/rt/sessions", ["/agentcore-dev/runtimes/rt/usage-logs"]],
                ["agentcore-dev/rt/top-sessions", ["/agentcore-dev/runtimes/rt/usage-logs"]],
                ["agentcore-dev/rt/usage-against-budget", ["/agentcore-dev/runtimes/rt/usage-logs"]],
                ["agentcore-dev/rt/errors-by-session", ["/agentcore-dev/runtimes/rt/application-logs"]],
            ]);
        }
        const off = await build({ sessionInsights: false });
        expect(ofType(off, RULE)).to.deep.equal([]);
        expect(ofType(off, QUERY)).to.deep.equal([]);
        expect(ofType(off, GROUP)).to.have.length(2);
    });
});
