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

/**
 * Services where one unintended match of a partial wildcard escalates privileges
 * (`iam:Pass*` includes iam:PassRole, `sts:*Role*` AssumeRole, `kms:*crypt*` ReEncrypt…):
 * in these, any wildcard in the action is refused, not only `service:*`.
 */
export const SENSITIVE_SERVICES: readonly string[] = ["iam", "sts", "kms"];

const hasWildcard = (text: string) => /[*?]/.test(text);

/**
 * Why an action is a wildcard grant, or undefined when it names specific actions: `*`
 * (every action), a wildcard service, `service:*` (every action of a service), or any
 * wildcard in an iam, sts or kms action. `s3:Get*` is not one: a family of reads in a
 * service whose resources the statement must still scope.
 */
export function wildcardActionReason(action: unknown): string | undefined {
    if (typeof action !== "string") {
        return undefined;
    }
    const text = action.trim();
    if (text === "*") {
        return "every action of every service";
    }
    const colon = text.indexOf(":");
    const service = colon < 0 ? text : text.slice(0, colon);
    const name = colon < 0 ? "" : text.slice(colon + 1);
    if (hasWildcard(service)) {
        return "actions of every service the pattern matches";
    }
    if (/^[*?]+$/.test(name)) {
        return `every ${service} action`;
    }
    if (hasWildcard(name) && SENSITIVE_SERVICES.includes(service.toLowerCase())) {
        return `several ${service} actions; partial wildcards are not allowed in ${SENSITIVE_SERVICES.join(", ")}, where one unintended match escalates privileges`;
    }
    return undefined;
}

/**
 * Why a Resource is unscoped, or undefined when it names resources: `*`; an ARN with a
 * wildcard in its partition, service, region or account field (`arn:*:*:*:*:*`, any
 * region, any account); an ARN whose resource part is only wildcards (`arn:aws:s3:::*`,
 * every resource of the service); or a wildcard that is not a whole ARN. An ARN that keeps
 * a resource type and only wildcards the names after it (`…:log-group:*`) is scoped.
 */
export function unscopedResourceReason(resource: unknown): string | undefined {
    if (typeof resource !== "string") {
        return undefined;
    }
    const text = resource.trim();
    if (text === "*") {
        return "every resource";
    }
    if (!hasWildcard(text)) {
        return undefined;
    }
    const arn = /^arn:([^:]*):([^:]*):([^:]*):([^:]*):(.*)$/.exec(text);
    if (!arn) {
        return "a wildcard that is not a complete ARN";
    }
    const wildFields = ["partition", "service", "region", "account"].filter((_, i) => hasWildcard(arn[i + 1]));
    if (wildFields.length > 0) {
        return `a wildcard ${wildFields.join(", ")}`;
    }
    if (/^[*?/:]+$/.test(arn[5])) {
        return `every ${arn[2]} resource`;
    }
    return undefined;
}

/** The values of one condition key under one operator, or undefined when absent. Keys compare case-insensitively, as IAM does. */
export function conditionValues(
    condition: Record<string, unknown> | undefined,
    operators: readonly string[],
    key: string,
): unknown[] | undefined {
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
