/** Small readers shared by the structured keys (`runtimes[i]` and its nested maps). */
import { Problems } from "./problems";
import { nearest } from "./suggest";

export function isRecord(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A problem for every field of `obj` not in `known`, with the nearest known one suggested. */
export function unknownFields(p: Problems, key: string, obj: Record<string, unknown>, known: readonly string[]): void {
    for (const field of Object.keys(obj)) {
        if (!known.includes(field)) {
            const near = nearest(field, known);
            p.invalid(
                `${key}.${field}`,
                obj[field],
                `not a known field${near ? ` (did you mean ${near}?)` : ""}; use ${known.join(", ")}`,
                `${key}.${near ?? known[0]}`,
            );
        }
    }
}
