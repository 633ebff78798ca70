/**
 * RuntimeMonitoring's options (src/observability/monitoring.ts) built alone under the recording
 * mocks: who owns the delivery policies (`stack` by default, `account` for agent stacks, whose
 * network stack's AccountSingletons cover them), tracing off unless asked, sessionInsights on
 * unless turned off (the usage rules and the 3 alarms that read them), Transaction Search under
 * the component, and the log group names it hands out per runtime.
 */
import { expect } from "chai";
import { RuntimeMonitoring, RuntimeMonitoringArgs } from "../../src/observability/monitoring";
import { ProgramRun, ofType, one, runComponent } from "../helpers";
import { RUNTIME_METRIC_ALARM_KINDS, ALARM_KINDS } from "./requirements";

const LOGS_POLICY = "aws:cloudwatch/logResourcePolicy:LogResourcePolicy";
const XRAY_POLICY = "aws:xray/resourcePolicy:ResourcePolicy";
const SOURCE = "aws:cloudwatch/logDeliverySource:LogDeliverySource";
const RULE = "aws:cloudwatch/contributorInsightRule:ContributorInsightRule";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

async function build(
    extra: Partial<RuntimeMonitoringArgs> = {},
): Promise<{ run: ProgramRun; monitoring: RuntimeMonitoring }> {
    let monitoring: RuntimeMonitoring | undefined;
    const run = await runComponent(() => {
        monitoring = new RuntimeMonitoring("agentcore-development", {
            environment: "development",
            runtimes: [
                {
                    name: "support_agent",
                    runtimeArn:
                        "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/support_agent_development-AbCdEf1234",
                    runtimeId: "support_agent_development-AbCdEf1234",
                    endpointNames: [],
                },
            ],
            sizing: { cpu: 512, memory: 1024 },
            kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k",
            alarmEmails: [],
            logRetentionDays: 30,
            protect: false,
            tags: {},
            ...extra,
        });
    });
    expect(run.error, String(run.error)).to.equal(undefined);
    return { run, monitoring: monitoring! };
}

const alarmKinds = (run: ProgramRun) =>
    ofType(run, ALARM).map((a) => String(a.inputs.name).replace("agentcore-development-support_agent-", ""));

describe("runtime monitoring options", () => {
    it("by default: the stack's own Logs delivery policy, no tracing, session insights and all 7 alarms", async () => {
        const { run, monitoring } = await build();
        expect(ofType(run, LOGS_POLICY).map((p) => p.inputs.policyName)).to.deep.equal([
            "agentcore-development-log-delivery",
        ]);
        expect(ofType(run, XRAY_POLICY)).to.deep.equal([]);
        expect(ofType(run, SOURCE).map((s) => s.inputs.logType)).to.have.members(["APPLICATION_LOGS", "USAGE_LOGS"]);
        expect(ofType(run, RULE)).to.have.length(4);
        expect(alarmKinds(run)).to.have.members([...ALARM_KINDS]);
        expect(monitoring.logGroupNames).to.deep.equal({
            support_agent: {
                application: "/agentcore-development/runtimes/support_agent/application-logs",
                usage: "/agentcore-development/runtimes/support_agent/usage-logs",
            },
        });
    });

    it("tracing with the stack's policies: the X-Ray delivery policy for the stack's runtimes, and TRACES", async () => {
        const { run } = await build({ tracing: true, deliveryPolicies: "stack" });
        const xray = one(run, XRAY_POLICY);
        expect(xray.inputs.policyName).to.equal("agentcore-development-trace-delivery");
        const document = JSON.parse(String(xray.inputs.policyDocument));
        expect(document.Statement[0].Condition["ForAllValues:ArnLike"]).to.deep.equal({
            "logs:LogGeneratingResourceArns": [
                "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/support_agent_development-AbCdEf1234",
            ],
        });
        expect(ofType(run, SOURCE).map((s) => s.inputs.logType)).to.include("TRACES");
    });

    it("policies owned by the account (agent stacks): neither delivery policy here, tracing or not", async () => {
        for (const tracing of [false, true]) {
            const { run } = await build({ tracing, deliveryPolicies: "account" });
            expect(ofType(run, LOGS_POLICY), String(tracing)).to.deep.equal([]);
            expect(ofType(run, XRAY_POLICY), String(tracing)).to.deep.equal([]);
        }
    });

    it("sessionInsights false: no usage rules and only the 4 runtime-metric alarms", async () => {
        const { run } = await build({ sessionInsights: false });
        expect(ofType(run, RULE)).to.deep.equal([]);
        expect(alarmKinds(run)).to.have.members([...RUNTIME_METRIC_ALARM_KINDS]);
    });

    it("Transaction Search, when owned, is a child of the monitoring component", async () => {
        const { run } = await build({ transactionSearch: true, protect: true });
        const component = one(run, "agentcore:monitoring:RuntimeMonitoring");
        const search = one(run, "agentcore:monitoring:TransactionSearch");
        expect(search.parent).to.equal(component.urn);
        expect(one(run, "aws:xray/traceSegmentDestination:TraceSegmentDestination").protect).to.equal(true);
        const { run: without } = await build();
        expect(ofType(without, "agentcore:monitoring:TransactionSearch")).to.deep.equal([]);
    });
});
