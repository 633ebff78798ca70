/**
 * Which published reading of a USAGE_LOGS record (./facts.ts, USAGE_RECORD_READINGS) a real
 * record matches. The per-session alarms, Contributor Insights rules and saved queries rest on
 * one of them holding; no AWS page shows a whole record, so the integration test reads one
 * from a deployed stack and fails, naming the field, when neither reading matches. Pure.
 *
 * A path `$.a.b.c` resolves through nested objects, and at each step also through a key that
 * itself contains dots (`"session.id"` at the top level), since Logs flattens either form to
 * the same field name.
 */
import { USAGE_RECORD_READINGS, UsageRecordReading } from "./facts";

/** The value at a `$.`-path, or undefined when the record has none. */
export function valueAt(record: unknown, jsonPath: string): unknown {
    const parts = jsonPath.replace(/^\$\./, "").split(".");
    const walk = (value: unknown, rest: readonly string[]): unknown => {
        if (rest.length === 0) {
            return value;
        }
        if (typeof value !== "object" || value === null || Array.isArray(value)) {
            return undefined;
        }
        const object = value as Record<string, unknown>;
        // The longest dotted key first: `{"session.id": …}` as well as `{"session": {"id": …}}`.
        for (let take = rest.length; take >= 1; take--) {
            const key = rest.slice(0, take).join(".");
            if (key in object) {
                const found = walk(object[key], rest.slice(take));
                if (found !== undefined) {
                    return found;
                }
            }
        }
        return undefined;
    };
    return walk(record, parts);
}

/** What a reading lacks in a record: each missing or mistyped field, by path. */
export function readingGaps(record: unknown, reading: UsageRecordReading): string[] {
    const gaps: string[] = [];
    const session = valueAt(record, reading.sessionId);
    if (typeof session !== "string" || session === "") {
        gaps.push(`${reading.sessionId} (a session ID string) is ${JSON.stringify(session) ?? "absent"}`);
    }
    for (const field of [reading.vcpuHours, reading.memoryGbHours]) {
        const value = valueAt(record, field);
        if (typeof value !== "number" || !Number.isFinite(value)) {
            gaps.push(`${field} (a number) is ${JSON.stringify(value) ?? "absent"}`);
        }
    }
    return gaps;
}

/**
 * The label of the first reading the record matches, or the problem: every reading's gaps,
 * so the message names exactly which field differs from what the alarms read.
 */
export function matchUsageRecord(record: unknown): { readonly label: string } | { readonly problem: string } {
    const gaps = USAGE_RECORD_READINGS.map((reading) => ({ reading, gaps: readingGaps(record, reading) }));
    const match = gaps.find((g) => g.gaps.length === 0);
    if (match) {
        return { label: match.reading.label };
    }
    return {
        problem:
            "the USAGE_LOGS record matches no reading the per-session alarms use (docs/monitoring.md, " +
            `"Per-session usage"): ${gaps.map((g) => `${g.reading.label}: ${g.gaps.join("; ")}`).join(" | ")}`,
    };
}
