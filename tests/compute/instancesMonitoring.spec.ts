/**
 * Alarms on each compute type, pinned by name. On microVMs AgentCore bills vCPU-hours and
 * GB-hours per session and writes one USAGE_LOGS record per session-second, which the
 * per-session and usage-silence alarms read. On Instances a session is one whole instance,
 * billed per instance-hour (../shared/AGENTCORE.md "Instances": whether USAGE_LOGS exist there
 * is unconfirmed), so those three alarms and their Contributor Insights rules are not created;
 * errors, throttles, client errors and latency are runtime metrics of both and stay.
 */
import { expect } from "chai";
import { configProblems, ofType, rawStack, runStackOnce } from "../helpers";
import { ALARM_KINDS, RUNTIME_METRIC_ALARM_KINDS } from "../observability/requirements";

const nameOf = (kind: string) => `agentcore-staging-support_agent-${kind}`;
/** Errors, throttles, client errors and latency: the alarms on AgentCore's runtime metrics. */
const ERRORS_THROTTLES_LATENCY = RUNTIME_METRIC_ALARM_KINDS.map(nameOf);

describe("Instances: alarms that stay meaningful", function () {
    this.timeout(60_000);

    it("microVM staging: every alarm, per-session budget and usage silence included", async () => {
        const run = await runStackOnce("staging");
        expect(run.outputs?.alarmNames).to.deep.equal(ALARM_KINDS.map(nameOf));
        expect(ofType(run, "aws:cloudwatch/contributorInsightRule:ContributorInsightRule")).to.not.have.length(0);
    });

    it("Instances staging: errors, throttles, client errors and latency only; no usage rules", async () => {
        const run = await runStackOnce("staging", { computeType: "instances" });
        expect(run.error).to.equal(undefined);
        expect(run.outputs?.alarmNames).to.deep.equal(ERRORS_THROTTLES_LATENCY);
        expect(ofType(run, "aws:cloudwatch/metricAlarm:MetricAlarm").map((a) => a.inputs.name)).to.have.members(
            ERRORS_THROTTLES_LATENCY,
        );
        expect(ofType(run, "aws:cloudwatch/contributorInsightRule:ContributorInsightRule")).to.deep.equal([]);
        // The kept alarms watch the runtime's own AgentCore metrics.
        for (const alarm of ofType(run, "aws:cloudwatch/metricAlarm:MetricAlarm")) {
            expect(JSON.stringify(alarm.inputs.metricQueries), String(alarm.inputs.name)).to.contain(
                "AWS/Bedrock-AgentCore",
            );
        }
    });
});

describe("Instances: sessionInsights", () => {
    it("refuses sessionInsights true on Instances; false, unset and true on microVMs are accepted", () => {
        expect(
            configProblems(rawStack("staging", { computeType: "instances", sessionInsights: "true" })),
        ).to.deep.equal([
            `sessionInsights "true" is invalid: false or unset with computeType instances: a session is a whole instance of its type (billed per instance-hour), so there are no per-session usage rules, alarms or queries (e.g. remove the key)`,
        ]);
        expect(
            configProblems(rawStack("staging", { computeType: "instances", sessionInsights: "false" })),
        ).to.deep.equal([]);
        expect(configProblems(rawStack("staging", { computeType: "instances" }))).to.deep.equal([]);
        expect(configProblems(rawStack("staging", { sessionInsights: "true" }))).to.deep.equal([]);
    });
});
