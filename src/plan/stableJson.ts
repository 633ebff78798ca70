/**
 * Deterministic JSON: object keys sorted at every level, undefined dropped, two-space
 * indent and a final newline, so two plans of the same stack are byte-identical. Pure.
 */
import type { Plan } from "./model";

function sortKeys(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(sortKeys);
    }
    if (value && typeof value === "object") {
        return Object.fromEntries(
            Object.keys(value)
                .sort()
                .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
                .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
        );
    }
    return value;
}

export function stableStringify(value: unknown, indent = 0): string {
    return JSON.stringify(sortKeys(value), null, indent);
}

/** The plan as the JSON document `--json` writes: every resource, the outputs, the invokes. */
export function planDocument(plan: Plan): Record<string, unknown> {
    return {
        project: plan.project,
        stack: plan.stack,
        region: plan.region,
        resources: plan.resources.map((r) => ({
            urn: r.urn,
            type: r.type,
            name: r.name,
            custom: r.custom,
            id: r.id,
            parent: r.parent,
            inputs: r.inputs,
            dependencies: r.dependencies,
            protect: r.protect,
            retainOnDelete: r.retainOnDelete,
        })),
        outputs: plan.outputs,
        invokes: plan.invokes,
        policyFindings: plan.policy,
        cost: plan.cost,
    };
}

/** The stable JSON text of one plan, or of several keyed by stack (`--all`). */
export function planJson(plans: Plan | readonly Plan[]): string {
    const doc = Array.isArray(plans)
        ? { stacks: Object.fromEntries((plans as readonly Plan[]).map((p) => [p.stack, planDocument(p)])) }
        : planDocument(plans as Plan);
    return `${stableStringify(doc, 2)}\n`;
}
