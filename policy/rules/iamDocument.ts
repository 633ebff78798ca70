/**
 * IAM policy documents as the rules see them. A document reaches a policy as a JSON string
 * (`JSON.stringify`, `pulumi.jsonStringify`, `aws.iam.getPolicyDocument().json`) or as an
 * object (`aws.iam.PolicyDocument`); both are read the same way here. IAM allows a single
 * value or a list for Statement, Action, Resource and each condition value.
 */
import { UNKNOWN, Unknown, isUnknown, list, plain, record } from "./values";

export interface Statement {
    /** `Sid` when present, else `Statement[<index>]`: what a message names. */
    readonly label: string;
    readonly effect: unknown;
    readonly principal: unknown;
    /** Action or NotAction values (see `notAction`). */
    readonly actions: readonly unknown[];
    readonly notAction: boolean;
    /** Resource or NotResource values (see `notResource`). */
    readonly resources: readonly unknown[];
    readonly notResource: boolean;
    readonly condition: Record<string, unknown> | Unknown | undefined;
}

export type ParsedDocument =
    | { readonly kind: "missing" }
    | { readonly kind: "unknown" }
    | { readonly kind: "invalid"; readonly reason: string }
    | { readonly kind: "ok"; readonly statements: readonly Statement[] };

/** Parses a policy document given as a JSON string or an object. */
export function parseDocument(value: unknown): ParsedDocument {
    if (value === undefined || value === null || value === "") {
        return { kind: "missing" };
    }
    if (isUnknown(value)) {
        return { kind: "unknown" };
    }
    let doc: unknown = value;
    if (typeof value === "string") {
        try {
            doc = JSON.parse(value);
        } catch (e) {
            return { kind: "invalid", reason: `is not valid JSON (${(e as Error).message})` };
        }
    }
    const body = record(plain(doc));
    if (!body) {
        return { kind: "invalid", reason: "is not a JSON object" };
    }
    if (isUnknown(body.Statement)) {
        return { kind: "unknown" };
    }
    const statements: Statement[] = [];
    list(body.Statement).forEach((raw, index) => {
        const s = record(raw);
        if (!s) {
            return;
        }
        const condition = isUnknown(s.Condition) ? UNKNOWN : record(s.Condition);
        statements.push({
            label: typeof s.Sid === "string" && s.Sid !== "" ? `statement "${s.Sid}"` : `Statement[${index}]`,
            effect: s.Effect,
            principal: s.Principal,
            actions: list(s.Action !== undefined ? s.Action : s.NotAction),
            notAction: s.Action === undefined && s.NotAction !== undefined,
            resources: list(s.Resource !== undefined ? s.Resource : s.NotResource),
            notResource: s.Resource === undefined && s.NotResource !== undefined,
            condition,
        });
    });
    return { kind: "ok", statements };
}

/** IAM compares actions case-insensitively. */
export function normalizeAction(action: string): string {
    return action.trim().toLowerCase();
}

/** `*` or `service:*`: every action, or every action of a service. */
export function isWildcardAction(action: unknown): action is string {
    return typeof action === "string" && (action.trim() === "*" || /^[a-z0-9-]+:\*$/i.test(action.trim()));
}

/** The values of one condition key under one operator, or undefined when absent. Keys compare case-insensitively, as IAM does. */
export function conditionValues(condition: Record<string, unknown> | undefined, operators: readonly string[], key: string): unknown[] | undefined {
    if (!condition) {
        return undefined;
    }
    for (const [operator, block] of Object.entries(condition)) {
        if (!operators.some((o) => o.toLowerCase() === operator.toLowerCase())) {
            continue;
        }
        if (isUnknown(block)) {
            return [UNKNOWN];
        }
        const entries = record(block);
        for (const [k, v] of Object.entries(entries ?? {})) {
            if (k.toLowerCase() === key.toLowerCase()) {
                return list(v);
            }
        }
    }
    return undefined;
}

/** Service principals of a statement (`Principal.Service`), lower-cased. */
export function servicePrincipals(principal: unknown): string[] {
    const p = record(principal);
    return list(p?.Service)
        .filter((s): s is string => typeof s === "string")
        .map((s) => s.toLowerCase());
}
