/**
 * How a config key is declared, for the main program (./keys.ts) and the bootstrap program
 * (bootstrap/config.ts) alike: its Pulumi.yaml type, its zod schema, its default and its text.
 * ./parse.ts applies the declarations.
 */
import { z } from "zod";
import { Environment } from "../aws/agentcore";
import { isRecord } from "./fields";

/** The types Pulumi.yaml's config schema knows; `array` is a list of strings. */
export type PulumiConfigType = "string" | "integer" | "boolean" | "array";

/** What a key's schema and example may depend on: the environment, read first. */
export interface KeyContext {
    readonly environment?: Environment;
}

/**
 * A schema failure's message: what is allowed and an example, carried through zod's message
 * field as JSON so that ./parse.ts renders `<key> <value> is invalid: <allowed> (e.g. <example>)`.
 */
export function says(allowed: string, example: string): { error: string } {
    return { error: JSON.stringify({ allowed, example }) };
}

/** `says` as an issue's message, for the rules a schema adds in superRefine. */
export function said(allowed: string, example: string): { message: string } {
    return { message: says(allowed, example).error };
}

/**
 * From a refinement, one problem: `input` is the value shown, `path` where it sits under the
 * refined value (a map field, a list index).
 */
export function refuse(
    ctx: z.core.$RefinementCtx,
    input: unknown,
    allowed: string,
    example: string,
    path: PropertyKey[] = [],
): void {
    ctx.addIssue({ code: "custom", input, path, ...said(allowed, example) });
}

/**
 * `said` for a field that must be given, where its absence is the problem (one of two fields,
 * say): ./parse.ts renders `<key> is missing: <allowed> (e.g. <example>)`.
 */
export function saidMissing(allowed: string, example: string): { message: string } {
    return { message: JSON.stringify({ allowed, example, missing: true }) };
}

/**
 * The `when` of a rule read only when the value kept the rules before it, so that a value has
 * one problem; unlike zod's `abort`, the rules of the map or list around the value still run.
 */
export const ifPassed = { when: (payload: z.core.ParsePayload) => payload.issues.length === 0 };

/**
 * The `when` of a rule between fields of a map: it runs when the value is a map whose named
 * fields passed, whatever the other fields' problems (zod's default skips a map's rules on any
 * problem), so that every problem is reported at once.
 */
export function whenFieldsPassed(...fields: readonly string[]): { when: (payload: z.core.ParsePayload) => boolean } {
    return {
        when: (payload) =>
            isRecord(payload.value) && !payload.issues.some((issue) => fields.includes(String(issue.path?.[0]))),
    };
}

/**
 * A value whose form decides its schema (a secret source's `stored` or `arn`, say): the chosen
 * schema's problems are the value's, under the same paths.
 */
export function chosenBy<T>(choose: (value: unknown) => z.ZodType<T>) {
    return z.unknown().transform((value, ctx) => {
        const result = choose(value).safeParse(value, { reportInput: true });
        if (result.success) {
            return result.data;
        }
        for (const issue of result.error.issues) {
            ctx.addIssue(issue as z.core.$ZodRawIssue);
        }
        return z.NEVER;
    });
}

/**
 * How many entries a record was given, from a refinement of the record: its value leaves out
 * the entries whose key its key schema refused, which count all the same.
 */
export function entriesGiven(record: object, payload: z.core.ParsePayload): number {
    return Object.keys(record).length + payload.issues.filter((issue) => issue.code === "invalid_key").length;
}

let caching = true;

/**
 * Whether `builtOnce` keeps what it built (it does unless told otherwise); returns the setting
 * it replaces. The mutation run turns it off (tests/mutationCoverage.ts): there every test
 * must build, and so cover, the schemas it parses with, and a mutant switched on in a factory
 * must reach the schema.
 */
export function keepBuiltSchemas(keep: boolean): boolean {
    const before = caching;
    caching = keep;
    return before;
}

/**
 * A schema factory that builds once per argument list: its arguments must be plain data (the
 * cache key is their JSON) and the only thing its schema depends on. A zod schema is immutable,
 * and building one costs more than parsing with it; validation asks for the same ones for
 * every key, runtime and stack.
 */
export function builtOnce<A extends readonly unknown[], S>(build: (...args: A) => S): (...args: A) => S {
    const built = new Map<string, S>();
    return (...args: A): S => {
        if (!caching) {
            return build(...args);
        }
        const key = JSON.stringify(args);
        let schema = built.get(key);
        if (schema === undefined) {
            schema = build(...args);
            built.set(key, schema);
        }
        return schema;
    };
}

/** A list of non-empty strings, refused as a whole (the list is the problem, not one item). */
export function stringList(example: string) {
    return z
        .unknown()
        .refine(
            (v) => Array.isArray(v) && v.every((x) => typeof x === "string" && x !== ""),
            says("a list of non-empty strings", example),
        )
        .transform((v) => v as string[]);
}

/**
 * A map with only the given fields; an unknown field is reported with the nearest of `known`
 * (./parse.ts reads the field list from the message), a value that is no map with `allowed`.
 * `known` leaves out a field the shape holds only to refuse it where it is.
 */
export function fieldsOf<S extends z.core.$ZodLooseShape>(
    shape: S,
    allowed = "a map",
    example = "{}",
    known: readonly string[] = Object.keys(shape),
) {
    return z.strictObject(shape, {
        error: (issue) =>
            issue.code === "unrecognized_keys"
                ? JSON.stringify({ knownFields: known })
                : JSON.stringify({ allowed, example }),
    });
}

export interface KeyDeclaration<T, MayBeUnset extends boolean = boolean> {
    /** The Pulumi.yaml type; undefined for structured keys (runtimes, secretValues, tags), not in Pulumi.yaml. */
    readonly type?: PulumiConfigType;
    /** The value's shape and per-value rules. */
    readonly schema: (ctx: KeyContext) => z.ZodType<T>;
    /** The value when the key is absent or empty; also Pulumi.yaml's default ("" when undefined). */
    readonly default: MayBeUnset extends false ? T : T | undefined;
    /** Whether the parsed value may be undefined: no default, or a required key that is missing or invalid. */
    readonly mayBeUnset: MayBeUnset;
    /** Set when the key must be given: what to give, for the "is missing" message. */
    readonly required?: (ctx: KeyContext) => string;
    /** An example value, for messages about the key as a whole. */
    readonly example: (ctx: KeyContext) => string;
    /** The one prose text (Markdown): the README cell, and (as plain text) Pulumi.yaml's description. */
    readonly text: string;
    /** The README's default cell (Markdown). */
    readonly defaultText: string;
}

type Declared<T> = Omit<KeyDeclaration<T>, "mayBeUnset" | "default" | "required">;

// Each constructor builds the key's schema once per context (`builtOnce`).

/** A key with a default: its value is always set. */
export function key<T>(declaration: Declared<T> & { readonly default: NoInfer<T> }): KeyDeclaration<T, false> {
    return { ...declaration, schema: builtOnce(declaration.schema), mayBeUnset: false };
}

/** A key without a default: unset when absent. */
export function unsetKey<T>(declaration: Declared<T>): KeyDeclaration<T, true> {
    return { ...declaration, schema: builtOnce(declaration.schema), default: undefined, mayBeUnset: true };
}

/** A key the stack file must give (Pulumi.yaml still declares a default on the safe side). */
export function requiredKey<T>(
    declaration: Declared<T> & { readonly default: NoInfer<T>; readonly required: (ctx: KeyContext) => string },
): KeyDeclaration<T, true> {
    return { ...declaration, schema: builtOnce(declaration.schema), mayBeUnset: true };
}

/** The value each declared key holds after parsing. */
export type ValuesOf<K extends Record<string, KeyDeclaration<unknown>>> = {
    readonly [N in keyof K]: K[N] extends KeyDeclaration<infer T, infer MayBeUnset>
        ? MayBeUnset extends true
            ? T | undefined
            : T
        : never;
};
