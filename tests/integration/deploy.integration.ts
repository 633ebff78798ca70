/**
 * The real-deploy test, run only by `npm run test:integration` (tests/integration/run.ts
 * checks the prerequisites first). It creates an ephemeral stack of the real program with
 * the Automation API, deploys it, waits for the runtime to be READY, invokes the sample
 * agent, checks that every metric series the alarms watch exists with its exact dimension
 * set and that a real USAGE_LOGS record matches a reading the per-session alarms use (a
 * mismatch names the field: src/observability/usageRecordShape.ts), and always tears the stack down (two-pass teardown: AgentCore's ENIs linger).
 */
import { BedrockAgentCoreControlClient, GetAgentRuntimeCommand } from "@aws-sdk/client-bedrock-agentcore-control";
import { CloudWatchClient, ListMetricsCommand } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient, FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { LocalWorkspace, Stack } from "@pulumi/pulumi/automation";
import { expect } from "chai";
import { randomUUID } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { automationTeardownOps } from "../../src/release/automationOps";
import { runTeardown } from "../../src/release/teardown";
import { PROJECT_ROOT } from "../../src/plan/offline/stackFiles";
import { matchUsageRecord } from "../../src/observability/usageRecordShape";
import { alarmSeries, exactDimensions, seriesKey } from "./metrics";
import { invokeSampleAgent } from "./invoke";
import { IT_ENV } from "./prerequisites";
import { ephemeralStackName, integrationStackConfig, IT_RUNTIME } from "./stackConfig";

const env = process.env;
const region = env[IT_ENV.region] as string;
const minutes = (name: string, fallback: number) => Number(env[name] ?? fallback) * 60 * 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => console.log(`    ${line}`);

interface RuntimeOutput {
    arn: string;
    id: string;
    version: string;
    endpoints: Record<string, string>;
}

describe("integration: deploy the real program to a sandbox account", function () {
    const stackName = ephemeralStackName(new Date(), randomUUID());
    let stack: Stack | undefined;
    let runtime: RuntimeOutput;
    let usageLogGroup: string;

    before(async () => {
        log(`creating stack ${stackName} in ${region}`);
        stack = await LocalWorkspace.createStack({ stackName, workDir: PROJECT_ROOT });
        const config = integrationStackConfig(env);
        await stack.setAllConfig(Object.fromEntries(Object.entries(config).map(([k, value]) => [k, { value }])));
    });

    after(async function () {
        if (!stack) {
            return;
        }
        // Always: the two passes of `npm run teardown`, then forget the stack if it is gone.
        const outcome = await runTeardown(
            stackName,
            automationTeardownOps(stack, log, () => undefined),
            {
                maxWaitMinutes: Number(env[IT_ENV.teardownWaitMinutes] ?? 60),
                dryRun: false,
            },
        );
        if (outcome === "destroyed") {
            await stack.workspace.removeStack(stackName);
        } else {
            log(`stack ${stackName} kept (${outcome}); finish with: npm run teardown -- ${stackName}`);
        }
        // The stack settings file the workspace wrote beside the real ones.
        fs.rmSync(path.join(PROJECT_ROOT, `Pulumi.${stackName}.yaml`), { force: true });
    });

    it("deploys with `up`", async () => {
        const result = await stack!.up({ onOutput: () => undefined });
        expect(result.summary.result).to.equal("succeeded");
        runtime = (result.outputs.runtimes.value as Record<string, RuntimeOutput>)[IT_RUNTIME];
        expect(runtime.arn).to.match(/^arn:aws[a-z-]*:bedrock-agentcore:/);
        usageLogGroup = (result.outputs.logGroupNames.value as Record<string, { usage: string }>)[IT_RUNTIME].usage;
    });

    it("the runtime reaches READY", async () => {
        const control = new BedrockAgentCoreControlClient({ region });
        const deadline = Date.now() + 20 * 60 * 1000;
        for (;;) {
            const { status, failureReason } = await control.send(
                new GetAgentRuntimeCommand({ agentRuntimeId: runtime.id }),
            );
            if (status === "READY") {
                return;
            }
            expect(status, failureReason).not.to.match(/FAILED$/);
            expect(Date.now(), `runtime ${runtime.id} still ${status} after 20 minutes`).to.be.below(deadline);
            await sleep(15_000);
        }
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
