/**
 * Runs the real program (index.ts) for a stack file under the recording mocks and turns
 * the run into a plan. Like `runStack`, but the stack files may live in another directory
 * (tests plan a broken copy without touching the repository's files).
 */
import { ProgramRun, PROGRAM_PATH, runProgram } from "../offline/runProgram";
import { PROJECT_ROOT, stackConfig } from "../offline/stackFiles";
import { PlanResult, buildPlan } from "./model";
import { evaluatePolicyPack } from "./policy";

export interface PlanOptions {
    /** Where Pulumi.yaml and the Pulumi.<stack>.yaml files are. Default: the repository root. */
    readonly root?: string;
    /** Config values to replace (keys without a namespace get the project's); undefined removes one. */
    readonly overrides?: Readonly<Record<string, string | undefined>>;
}

/** Runs index.ts with the config of `<root>/Pulumi.<stack>.yaml`; throws if there is no such file. */
export async function runStackAt(stack: string, options: PlanOptions = {}): Promise<ProgramRun> {
    const { project, config } = stackConfig(stack, options.root ?? PROJECT_ROOT);
    for (const [key, value] of Object.entries(options.overrides ?? {})) {
        const fullKey = key.includes(":") ? key : `${project}:${key}`;
        if (value === undefined) {
            delete config[fullKey];
        } else {
            config[fullKey] = value;
        }
    }
    return runProgram({
        project,
        stack,
        config,
        program: () => {
            // Fresh for each run, so one process can plan several stacks; the SDKs stay loaded.
            delete require.cache[PROGRAM_PATH];
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            return { ...require(PROGRAM_PATH) };
        },
    });
}

/** The plan of a stack, or the error that prevents one (nothing is written in that case). */
export async function planStack(stack: string, options: PlanOptions = {}): Promise<PlanResult> {
    let run: ProgramRun;
    try {
        run = await runStackAt(stack, options);
    } catch (e) {
        return { stack, error: e instanceof Error ? e : new Error(String(e)) };
    }
    return planFromRun(run);
}

/** A run's plan, with the policy rules evaluated over its resources. */
export async function planFromRun(run: ProgramRun): Promise<PlanResult> {
    if (run.error) {
        return { stack: run.stack, error: run.error };
    }
    return { stack: run.stack, plan: buildPlan(run, await evaluatePolicyPack(run.resources, run.stack)) };
}
