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

/** An optional list of non-empty strings; [] when absent or wrong (with a problem). */
export function stringArray(p: Problems, key: string, v: unknown, example: string): string[] {
    if (v === undefined) {
        return [];
    }
    if (!Array.isArray(v) || v.some((x) => typeof x !== "string" || x === "")) {
        p.invalid(key, v, "a list of non-empty strings", example);
        return [];
    }
    return v as string[];
}
