/**
 * What both integration tests do around their checks: create an ephemeral stack of the real
 * program with its config, always tear it down afterwards (the two passes of
 * `npm run teardown`: AgentCore's ENIs linger), and wait for a runtime to be READY.
 */
import { BedrockAgentCoreControlClient, GetAgentRuntimeCommand } from "@aws-sdk/client-bedrock-agentcore-control";
import { LocalWorkspace, OutputMap, Stack } from "@pulumi/pulumi/automation";
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { automationTeardownOps } from "../../src/release/automationOps";
import { runTeardown } from "../../src/release/teardown";
import { PROJECT_ROOT } from "../../src/plan/offline/stackFiles";
import { IT_ENV } from "./prerequisites";

export const log = (line: string) => console.log(`    ${line}`);
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A new stack of the real program named `stackName`, with every key of `config` set. */
export async function createSandboxStack(stackName: string, config: Record<string, string>): Promise<Stack> {
    const stack = await LocalWorkspace.createStack({ stackName, workDir: PROJECT_ROOT });
    await stack.setAllConfig(Object.fromEntries(Object.entries(config).map(([k, value]) => [k, { value }])));
    return stack;
}

/**
 * The two passes of `npm run teardown`, then forgets the stack if it is gone (else says how to
 * finish), and removes the stack settings file the workspace wrote beside the real ones.
 */
export async function tearDownSandboxStack(stack: Stack, stackName: string, env: NodeJS.ProcessEnv): Promise<void> {
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
    fs.rmSync(path.join(PROJECT_ROOT, `Pulumi.${stackName}.yaml`), { force: true });
}

/**
 * Registers the suite's hooks: before, the stack `stackName` with `config` (logged as
 * `creating stack <name> <what>`); after, always, its teardown. Returns the stack's `up`, which
 * must succeed, for the first test to call.
 */
export function sandboxStackHooks(
    stackName: string,
    config: () => Record<string, string>,
    what: string,
    env: NodeJS.ProcessEnv,
): () => Promise<OutputMap> {
    let stack: Stack | undefined;
    before(async () => {
        log(`creating stack ${stackName} ${what}`);
        stack = await createSandboxStack(stackName, config());
    });
    after(async () => {
        if (stack) {
            await tearDownSandboxStack(stack, stackName, env);
        }
    });
    return async () => {
        const result = await stack!.up({ onOutput: () => undefined });
        expect(result.summary.result).to.equal("succeeded");
        return result.outputs;
    };
}

/** Polls the runtime every 15 s until READY; fails on a FAILED status or after `minutes`. */
export async function waitForRuntimeReady(region: string, runtimeId: string, minutes: number): Promise<void> {
    const control = new BedrockAgentCoreControlClient({ region });
    const deadline = Date.now() + minutes * 60 * 1000;
    for (;;) {
        const { status, failureReason } = await control.send(new GetAgentRuntimeCommand({ agentRuntimeId: runtimeId }));
        if (status === "READY") {
            return;
        }
        expect(status, failureReason).not.to.match(/FAILED$/);
        expect(Date.now(), `runtime ${runtimeId} still ${status} after ${minutes} minutes`).to.be.below(deadline);
        await sleep(15_000);
    }
}
