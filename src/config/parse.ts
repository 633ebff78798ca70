/**
 * Turns the raw strings Pulumi hands the program into typed values, by the declarations in
 * ./keys.ts: unknown keys refused with the nearest known one, each value decoded by its
 * Pulumi type and checked by its zod schema. Every failure becomes one problem naming the key
 * (with the list index or map field), the value, what is allowed and an example; a key that
 * fails takes its default so that the feature readers go on and report their rules too.
 */
import { z } from "zod";
import { KeyContext, KeyDeclaration, ValuesOf } from "./declare";
import { isRecord } from "./fields";
import { KEYS } from "./keys";
import { Problems } from "./problems";
import { nearest } from "./suggest";

type Declarations = Record<string, KeyDeclaration<unknown>>;

export interface ParsedKeys<K extends Declarations = typeof KEYS> {
    readonly values: ValuesOf<K>;
    /** Whether the stack file sets the key to a non-empty value. */
    given(key: keyof K & string): boolean;
    /** Whether the key's value passed its schema (an absent key passes unless required). */
    valid(key: keyof K & string): boolean;
    /**
     * The value as the stack file writes it (`[secret]` for a Pulumi secret), for a rule between
     * keys that must name a value its schema refused. Undefined when the key is not set.
     */
    written(key: keyof K & string): string | undefined;
}

/** How a value is shown when the key is a Pulumi secret: never echoed. */
export const SECRET_SHOWN = "[secret]";

/** The main program's keys (./keys.ts). */
export function parseKeys(raw: Parameters<typeof parseDeclared>[1], p: Problems, ctx: KeyContext): ParsedKeys {
    return parseDeclared(KEYS, raw, p, ctx);
}

/** Any program's declared keys: the main program's, the bootstrap program's. */
export function parseDeclared<K extends Declarations>(
    declarations: K,
    raw: {
        readonly project: string;
        readonly values: Readonly<Record<string, string>>;
        readonly secretKeys?: readonly string[];
    },
    p: Problems,
    ctx: KeyContext,
): ParsedKeys<K> {
    const names = Object.keys(declarations);
    for (const name of Object.keys(raw.values)) {
        if (!names.includes(name)) {
            const near = nearest(name, names);
            p.invalid(
                `${raw.project}:${name}`,
                raw.values[name],
                `not a setting of this program${near ? ` (did you mean ${near}?)` : ""}; known keys: ${names.join(", ")}`,
                near ?? names[0],
            );
        }
    }
    const given = (name: string) => raw.values[name] !== undefined && raw.values[name] !== "";
    const values: Record<string, unknown> = {};
    const invalid = new Set<string>();
    for (const name of names) {
        const declaration = declarations[name];
        const secret = raw.secretKeys?.includes(name) ?? false;
        const before = p.all.length;
        values[name] = given(name)
            ? parseOne(p, name, declaration, raw.values[name], secret, ctx)
            : absent(p, name, declaration, ctx);
        if (p.all.length > before) {
            invalid.add(name);
        }
    }
    const written = (name: string) =>
        !given(name) ? undefined : raw.secretKeys?.includes(name) ? SECRET_SHOWN : raw.values[name];
    return { values: values as ValuesOf<K>, given, valid: (name) => !invalid.has(name), written };
}

function absent(p: Problems, name: string, declaration: KeyDeclaration<unknown>, ctx: KeyContext): unknown {
    if (declaration.required) {
        p.missing(name, declaration.required(ctx), declaration.example(ctx));
        return undefined;
    }
    return declaration.default;
}

function parseOne(
    p: Problems,
    name: string,
    declaration: KeyDeclaration<unknown>,
    text: string,
    secret: boolean,
    ctx: KeyContext,
): unknown {
    const shown = (value: unknown) => (secret ? SECRET_SHOWN : value);
    const failed = () => (declaration.required ? undefined : declaration.default);
    const decoded = decode(declaration, text);
    if (!decoded.ok) {
        p.invalid(name, shown(text), decoded.allowed, decoded.example ?? declaration.example(ctx));
        return failed();
    }
    const result = parseValue(p, name, declaration.schema(ctx), decoded.value, declaration.example(ctx), shown);
    return result.ok ? result.value : failed();
}

/**
 * Checks one value (a key's, or a part of a structured key such as `runtimes[0]`) against its
 * schema and records a problem per issue, under `key` plus the issue's path.
 */
export function parseValue<T>(
    p: Problems,
    key: string,
    schema: z.ZodType<T>,
    value: unknown,
    fallbackExample: string,
    shown: (value: unknown) => unknown = (v) => v,
): { ok: true; value: T } | { ok: false } {
    const result = schema.safeParse(value, { reportInput: true });
    if (result.success) {
        return { ok: true, value: result.data };
    }
    for (const issue of result.error.issues) {
        if (issue.code === "unrecognized_keys") {
            unknownFields(p, key + pathText(issue.path), issue, at(value, issue.path), shown);
            continue;
        }
        if (issue.code === "invalid_key") {
            // A map key is the name the problem's key ends in, never a value: shown as written.
            const { allowed, example } = explain(issue.issues[0] ?? issue, fallbackExample);
            p.invalid(key + pathText(issue.path), issue.input, allowed, example);
            continue;
        }
        const { allowed, example, missing } = explain(issue, fallbackExample);
        if (missing) {
            p.missing(key + pathText(issue.path), allowed, example);
            continue;
        }
        const input = "input" in issue && issue.input !== undefined ? issue.input : at(value, issue.path);
        // A missing field is shown as null, the way YAML writes an empty value.
        p.invalid(key + pathText(issue.path), shown(input === undefined ? null : input), allowed, example);
    }
    return { ok: false };
}

/**
 * The entries of a map that pass its schema alone: what the checks across keys read of a
 * refused map, so that one refused entry makes no problems about the others.
 */
export function passingEntries<T>(schema: z.ZodType<Record<string, T>>, value: unknown): Record<string, T> {
    return Object.fromEntries(
        Object.entries(isRecord(value) ? value : {}).flatMap(([name, entry]) => {
            const one = schema.safeParse({ [name]: entry });
            return one.success ? Object.entries(one.data) : [];
        }),
    );
}

/** The items of a list that pass their schema alone: what the checks across keys read of a refused list. */
export function passingItems<T>(item: z.ZodType<T>, value: unknown): T[] {
    return (Array.isArray(value) ? value : []).flatMap((one) => {
        const result = item.safeParse(one);
        return result.success ? [result.data] : [];
    });
}

/** A problem per unknown field of a map, with the nearest known field (./declare.ts `fieldsOf`). */
function unknownFields(
    p: Problems,
    key: string,
    issue: z.core.$ZodIssueUnrecognizedKeys,
    map: unknown,
    shown: (value: unknown) => unknown,
): void {
    let known: string[] = [];
    try {
        known = (JSON.parse(issue.message) as { knownFields?: string[] }).knownFields ?? [];
    } catch {
        // A map declared without fieldsOf: no list to suggest from.
    }
    for (const field of issue.keys) {
        const near = nearest(field, known);
        p.invalid(
            `${key}.${field}`,
            shown((map as Record<string, unknown> | undefined)?.[field]),
            `not a known field${near ? ` (did you mean ${near}?)` : ""}; use ${known.join(", ")}`,
            `${key}.${near ?? known[0]}`,
        );
    }
}

/** A failure names what the type allows and, where the type alone decides it, its example. */
type Decoded = { ok: true; value: unknown } | { ok: false; allowed: string; example?: string };

/** Pulumi hands every value as a string; lists and maps arrive JSON-encoded. */
function decode(declaration: KeyDeclaration<unknown>, text: string): Decoded {
    switch (declaration.type) {
        case "string":
            return { ok: true, value: text };
        case "integer":
            return /^-?\d+$/.test(text.trim())
                ? { ok: true, value: Number(text) }
                : { ok: false, allowed: "a whole number" };
        case "boolean":
            return text === "true" || text === "false"
                ? { ok: true, value: text === "true" }
                : { ok: false, allowed: "true or false", example: "true" };
        case "array": {
            const value = json(text);
            return value.ok && Array.isArray(value.value) && value.value.every((item) => typeof item === "string")
                ? value
                : { ok: false, allowed: "a list of strings" };
        }
        default: {
            const value = json(text);
            return value.ok ? value : { ok: false, allowed: "a YAML list or map" };
        }
    }
}

function json(text: string): Decoded {
    try {
        return { ok: true, value: JSON.parse(text) as unknown };
    } catch {
        return { ok: false, allowed: "" };
    }
}

/**
 * The allowed text and example a schema put in its message (./declare.ts `says`, `said`,
 * `saidMissing`), or zod's own.
 */
function explain(
    issue: z.core.$ZodIssueBase,
    fallbackExample: string,
): { allowed: string; example: string; missing?: boolean } {
    try {
        const said = JSON.parse(issue.message) as { allowed?: unknown; example?: unknown; missing?: unknown };
        if (typeof said.allowed === "string" && typeof said.example === "string") {
            return { allowed: said.allowed, example: said.example, missing: said.missing === true };
        }
    } catch {
        // zod's own message: a shape the key's schema did not explain.
    }
    return { allowed: issue.message, example: fallbackExample };
}

function pathText(path: readonly PropertyKey[]): string {
    return path.map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`)).join("");
}

function at(value: unknown, path: readonly PropertyKey[]): unknown {
    return path.reduce<unknown>(
        (v, part) => (typeof v === "object" && v !== null ? (v as Record<PropertyKey, unknown>)[part] : undefined),
        value,
    );
}
