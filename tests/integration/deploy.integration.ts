/**
 * The real-deploy test, run only by `npm run test:integration` (tests/integration/run.ts
 * checks the prerequisites first). It creates an ephemeral stack of the real program with
 * the Automation API, deploys it, waits for the runtime to be READY, invokes the sample
 * agent, checks that every metric series the alarms watch exists with its exact dimension
 * set and that a real USAGE_LOGS record matches a reading the per-session alarms use (a
 * mismatch names the field: src/observability/usageRecordShape.ts), and always tears the stack down (two-pass teardown: AgentCore's ENIs linger).
 */
import { CloudWatchClient, ListMetricsCommand } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient, FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { expect } from "chai";
import { randomUUID } from "crypto";
import { matchUsageRecord } from "../../src/observability/usageRecordShape";
import { alarmSeries, exactDimensions, seriesKey } from "./metrics";
import { invokeSampleAgent } from "./invoke";
import { IT_ENV } from "./prerequisites";
import { log, sandboxStackHooks, sleep, waitForRuntimeReady } from "./sandboxStack";
import { ephemeralStackName, integrationStackConfig, IT_RUNTIME } from "./stackConfig";

const env = process.env;
const region = env[IT_ENV.region] as string;
const minutes = (name: string, fallback: number) => Number(env[name] ?? fallback) * 60 * 1000;

interface RuntimeOutput {
    arn: string;
    id: string;
    version: string;
    endpoints: Record<string, string>;
}

describe("integration: deploy the real program to a sandbox account", function () {
    const stackName = ephemeralStackName(new Date(), randomUUID());
    let runtime: RuntimeOutput;
    let usageLogGroup: string;
    const up = sandboxStackHooks(stackName, () => integrationStackConfig(env), `in ${region}`, env);

    it("deploys with `up`", async () => {
        const outputs = await up();
        runtime = (outputs.runtimes.value as Record<string, RuntimeOutput>)[IT_RUNTIME];
        expect(runtime.arn).to.match(/^arn:aws[a-z-]*:bedrock-agentcore:/);
        usageLogGroup = (outputs.logGroupNames.value as Record<string, { usage: string }>)[IT_RUNTIME].usage;
    });

    it("the runtime reaches READY", async () => {
        await waitForRuntimeReady(region, runtime.id, 20);
    });

    it("invokes the sample agent", async () => {
        await invokeSampleAgent(region, runtime.arn, env, log);
    });

    it("every metric series the alarms watch exists, with its exact dimension set", async () => {
        const runtimeName = `${IT_RUNTIME}_${stackName.replace(/[^a-zA-Z0-9_]/g, "_")}`;
        const expected = alarmSeries({
            environment: "development",
            sizing: { cpu: 512, memory: 1024 },
            runtimeArn: runtime.arn,
            runtimeName,
            endpointNames: [],
        });
        const cloudwatch = new CloudWatchClient({ region });
        // Invocation metrics appear within minutes; usage metrics may lag up to 60 minutes.
        const deadline = Date.now() + minutes(IT_ENV.metricWaitMinutes, 75);
        let missing = expected;
        for (;;) {
            const found = await Promise.all(
                missing.map(async (s) => {
                    const { Metrics } = await cloudwatch.send(
                        new ListMetricsCommand({
                            Namespace: s.namespace,
                            MetricName: s.metricName,
                            Dimensions: Object.entries(s.dimensions).map(([Name, Value]) => ({ Name, Value })),
                        }),
                    );
                    return (Metrics ?? []).some((m) => exactDimensions(m.Dimensions, s.dimensions));
                }),
            );
            missing = missing.filter((_, i) => !found[i]);
            if (missing.length === 0 || Date.now() > deadline) {
                break;
            }
            log(`waiting for ${missing.length} series: ${missing.map((s) => s.metricName).join(", ")}`);
            await sleep(60_000);
        }
        expect(
            missing.map(seriesKey),
            "series the alarms watch that CloudWatch does not have (the alarm would sit on missing data)",
        ).to.deep.equal([]);
    });

    it("a USAGE_LOGS record has the shape the per-session alarms read", async () => {
        const logs = new CloudWatchLogsClient({ region });
        // Usage records are delivered with a lag (up to about an hour for usage metrics).
        const deadline = Date.now() + minutes(IT_ENV.metricWaitMinutes, 75);
        for (;;) {
            const { events } = await logs.send(new FilterLogEventsCommand({ logGroupName: usageLogGroup, limit: 1 }));
            const message = events?.[0]?.message;
            if (message !== undefined) {
                const result = matchUsageRecord(JSON.parse(message));
                expect(result, `${"problem" in result ? result.problem : ""}\nrecord: ${message}`).to.have.property(
                    "label",
                );
                log(`USAGE_LOGS record reads as ${"label" in result ? result.label : "?"}`);
                return;
            }
            expect(Date.now(), `no USAGE_LOGS record in ${usageLogGroup}`).to.be.below(deadline);
            await sleep(60_000);
        }
    });
});
