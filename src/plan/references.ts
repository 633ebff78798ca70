/**
 * Resolves the IDs and ARNs found in a resource's inputs back to the resources that own
 * them, so the plan can say "runtime-sg" instead of "sg-0a1b…" and the diagram can draw
 * the connections the program actually wired. Pure.
 */
import { RecordedResource } from "../offline/mocks";
import { TYPES } from "../tokens";

/** State attributes that identify a resource when another one references it. */
const IDENTIFYING_ATTRIBUTES = ["arn", "agentRuntimeArn", "agentRuntimeId", "keyId", "agentRuntimeEndpointArn"];

export class References {
    private readonly byValue = new Map<string, RecordedResource>();

    constructor(resources: readonly RecordedResource[]) {
        for (const r of resources) {
            if (!r.custom) {
                continue;
            }
            const values = [r.id, ...IDENTIFYING_ATTRIBUTES.map((k) => r.state[k])];
            // A role is referenced by name from its inline policies.
            if (r.type === TYPES.role) {
                values.push(r.state.name);
            }
            for (const v of values) {
                if (typeof v === "string" && v !== "" && !this.byValue.has(v)) {
                    this.byValue.set(v, r);
                }
            }
        }
    }

    /** The resource a value identifies, if any. */
    resolve(value: unknown): RecordedResource | undefined {
        return typeof value === "string" ? this.byValue.get(value) : undefined;
    }

    /** A value as text: the owning resource's logical name, or the value itself. */
    label(value: unknown): string {
        const owner = this.resolve(value);
        if (owner) {
            return owner.name;
        }
        return typeof value === "string" ? value : JSON.stringify(value);
    }

    /** Every resource referenced anywhere in a resource's inputs (deep), in first-seen order. */
    referencedBy(resource: RecordedResource): RecordedResource[] {
        const found: RecordedResource[] = [];
        const visit = (v: unknown): void => {
            if (typeof v === "string") {
                const owner = this.byValue.get(v);
                if (owner && owner !== resource && !found.includes(owner)) {
                    found.push(owner);
                }
            } else if (Array.isArray(v)) {
                v.forEach(visit);
            } else if (v && typeof v === "object") {
                Object.values(v).forEach(visit);
            }
        };
        visit(resource.inputs);
        return found;
    }
}
