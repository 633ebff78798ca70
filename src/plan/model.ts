/**
 * The plan of one stack: what the real program registers under the recording mocks,
 * ordered stably, with its outputs, invokes, policy findings and cost estimate. Pure.
 */
import { RecordedInvoke, RecordedResource } from "./offline/mocks";
import { ProgramRun } from "./offline/runProgram";
import { CostEstimate, costInputsFromResources, estimateCost } from "./cost";
import { PolicyReport } from "./packFindings";
import { stableStringify } from "./stableJson";

export interface Plan {
    readonly project: string;
    readonly stack: string;
    readonly region: string;
    /** Sorted by URN, so the order never depends on registration timing. */
    readonly resources: readonly RecordedResource[];
    readonly outputs: Record<string, unknown>;
    /** Sorted by token, then inputs. */
    readonly invokes: readonly RecordedInvoke[];
    readonly policy: PolicyReport;
    readonly cost: CostEstimate;
}

/** A plan, or why there is none (config errors, a missing stack file, a program error). */
export type PlanResult =
    | { readonly stack: string; readonly plan: Plan; readonly error?: undefined }
    | { readonly stack: string; readonly plan?: undefined; readonly error: Error };

function byKey<T>(key: (item: T) => string): (a: T, b: T) => number {
    return (a, b) => {
        const ka = key(a);
        const kb = key(b);
        return ka < kb ? -1 : ka > kb ? 1 : 0;
    };
}

/** Builds the plan of a successful run. */
export function buildPlan(run: ProgramRun, policy: PolicyReport): Plan {
    const resources = [...run.resources].sort(byKey((r) => r.urn));
    return {
        project: run.project,
        stack: run.stack,
        region: run.region,
        resources,
        outputs: run.outputs ?? {},
        invokes: [...run.invokes].sort(byKey((i) => `${i.token}\u0000${stableStringify(i.inputs)}`)),
        policy,
        cost: estimateCost(costInputsFromResources(resources, run.region)),
    };
}

/** The component type tokens this project defines (`agentcore:<module>:<Type>`). */
export function isProjectComponent(resource: RecordedResource): boolean {
    return !resource.custom && resource.type.startsWith("agentcore:");
}

/** Resource counts by type, most frequent first. */
export function countsByType(resources: readonly RecordedResource[]): [string, number][] {
    const counts = new Map<string, number>();
    for (const r of resources) {
        counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}
