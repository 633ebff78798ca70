/**
 * Reading resource properties safely. During `pulumi preview` the engine hands a policy a
 * proxy whose unknown values (outputs of resources not created yet) throw an
 * `UnknownValueError` when read. The rules read properties through `plain()`, which copies
 * the value and replaces every unknown with the `UNKNOWN` marker, so a rule decides
 * explicitly what an unknown means (always: "cannot judge yet, the update re-checks it")
 * and a preview never fails on a value nobody can know. `undefined` keeps its meaning:
 * the property is not set.
 */
import { UnknownValueError } from "@pulumi/policy";

/** A value the engine cannot know until the resource it comes from is created. */
export const UNKNOWN: unique symbol = Symbol("unknown during preview");
export type Unknown = typeof UNKNOWN;

export function isUnknown(value: unknown): value is Unknown {
    return value === UNKNOWN;
}

function isUnknownError(e: unknown): boolean {
    // `instanceof` fails if two copies of @pulumi/policy were ever loaded; the sentinel
    // field is what identifies the error then.
    return e instanceof UnknownValueError || (typeof e === "object" && e !== null && "unknownTypeSentinel" in e);
}

/** Reads one value, turning an unknown into `UNKNOWN` instead of throwing. */
function read(container: object, key: string | number): unknown {
    try {
        return (container as Record<string | number, unknown>)[key];
    } catch (e) {
        if (isUnknownError(e)) {
            return UNKNOWN;
        }
        throw e;
    }
}

/**
 * A plain deep copy of resource properties (the engine's proxy or a plain object) where
 * each unknown value is `UNKNOWN`. Safe to walk with ordinary property access.
 */
export function plain(value: unknown): unknown {
    if (value === null || typeof value !== "object") {
        return value;
    }
    if (Array.isArray(value)) {
        const out: unknown[] = [];
        for (let i = 0; i < value.length; i++) {
            out.push(plain(read(value, i)));
        }
        return out;
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
        out[key] = plain(read(value, key));
    }
    return out;
}

/** The properties of a resource as a plain record (see `plain`). */
export function plainProps(props: unknown): Record<string, unknown> {
    const copied = plain(props);
    return copied !== null && typeof copied === "object" && !Array.isArray(copied)
        ? (copied as Record<string, unknown>)
        : {};
}

/** An object-valued property, or undefined when it is missing or not an object. */
export function record(value: unknown): Record<string, unknown> | undefined {
    return value !== null && typeof value === "object" && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : undefined;
}

/** IAM and some provider fields accept one value or a list: always a list here. */
export function list(value: unknown): unknown[] {
    if (value === undefined || value === null) {
        return [];
    }
    return Array.isArray(value) ? value : [value];
}

/** True for a non-empty string or an unknown (an unknown will be set by the engine). */
export function isSet(value: unknown): boolean {
    return isUnknown(value) || (typeof value === "string" && value.trim() !== "");
}

/**
 * A value for a message: JSON, except that an unknown reads as what it is. A list of known
 * length with unknown elements (`[subnetA.id, subnetB.id]` before either subnet exists) is
 * how the engine sends most references during a preview.
 */
export function showValue(value: unknown): string {
    if (isUnknown(value)) {
        return "<unknown until created>";
    }
    if (Array.isArray(value)) {
        return `[${value.map(showValue).join(", ")}]`;
    }
    return JSON.stringify(value) ?? String(value);
}

/**
 * One tag's value. The classic provider takes tags as a map (`{ Environment: "production" }`),
 * aws-native as a list of `{ key, value }`; undefined when absent, `UNKNOWN` when unknown.
 */
export function tagValue(tags: unknown, key: string): unknown {
    if (isUnknown(tags)) {
        return UNKNOWN;
    }
    if (Array.isArray(tags)) {
        const match = tags.map(record).find((t) => t?.key === key);
        if (match) {
            return match.value;
        }
        // An entry (or key) that is unknown could be the tag asked for.
        return tags.some((t) => isUnknown(t) || isUnknown(record(t)?.key)) ? UNKNOWN : undefined;
    }
    return record(tags)?.[key];
}

/** The stack name inside a URN: `urn:pulumi:<stack>::<project>::<type>::<name>`. */
export function stackOfUrn(urn: string): string | undefined {
    const match = /^urn:pulumi:([^:]+)::/.exec(urn);
    return match ? match[1] : undefined;
}

/** `name` (type) as a violation prefix, so a message names the resource it is about. */
export function describe(type: string, name: string): string {
    return `${type.split(":").pop()} "${name}"`;
}
