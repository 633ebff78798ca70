/**
 * Resolves the IDs and ARNs found in a resource's inputs back to the resources that own
 * them, so the plan can say "runtime-sg" instead of "sg-0a1b…" and the diagram can draw
 * the connections the program actually wired. Pure.
 */
import { RecordedResource } from "./offline/mocks";
import { TYPES } from "../aws/tokens";

/** State attributes that identify a resource when another one references it. */
const IDENTIFYING_ATTRIBUTES = ["arn", "agentRuntimeArn", "agentRuntimeId", "keyId", "agentRuntimeEndpointArn"];

export class References {
    /** Every resource a value identifies, in registration order: attachments share IDs. */
    private readonly byValue = new Map<string, RecordedResource[]>();

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
                if (typeof v === "string" && v !== "") {
                    const owners = this.byValue.get(v) ?? [];
                    if (!owners.includes(r)) {
                        this.byValue.set(v, [...owners, r]);
                    }
                }
            }
        }
    }

    /**
     * The resource a value identifies, if any; never `except` (the resource being described,
     * whose own ID may equal the value it references). Several resources can share an ID: an
     * attachment takes the ID of the resource it attaches to (an ECR lifecycle policy's ID is
     * its repository's name, an SNS topic policy's is the topic ARN). The attachment depends
     * on that resource, so the owner is the candidate that depends on no other candidate.
     */
    resolve(value: unknown, except?: RecordedResource): RecordedResource | undefined {
        if (typeof value !== "string") {
            return undefined;
        }
        const owners = (this.byValue.get(value) ?? []).filter((o) => o !== except);
        return (
            owners.find((o) => !owners.some((other) => other !== o && o.dependencies.includes(other.urn))) ?? owners[0]
        );
    }

    /** A value as text: the owning resource's logical name (never `except`'s), or the value itself. */
    label(value: unknown, except?: RecordedResource): string {
        const owner = this.resolve(value, except);
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
                const owner = this.resolve(v, resource);
                if (owner && !found.includes(owner)) {
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
