/**
 * Runs the real program (index.ts) for a stack file under the recording mocks (runStack)
 * and turns the run into a plan, with the policy pack's findings.
 */
import { ProgramRun, runStack } from "./offline/runProgram";
import { PlanResult, buildPlan } from "./model";
import { evaluatePolicyPack } from "./packFindings";

export interface PlanOptions {
    /** Where Pulumi.yaml and the Pulumi.<stack>.yaml files are. Default: the repository root. */
    readonly root?: string;
    /** Where relative artifact paths (image.context, code.path) resolve. Default: root. */
    readonly sourceRoot?: string;
    /** Config values to replace (keys without a namespace get the project's); undefined removes one. */
    readonly overrides?: Readonly<Record<string, string | undefined>>;
}

/** The plan of a stack, or the error that prevents one (nothing is written in that case). */
export async function planStack(stack: string, options: PlanOptions = {}): Promise<PlanResult> {
    let run: ProgramRun;
    try {
        run = await runStack(stack, options.overrides, options.root, options.sourceRoot ?? options.root);
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
    return { stack: run.stack, plan: buildPlan(run, evaluatePolicyPack(run.resources, run.stack)) };
}
