/**
 * How callers may reach one runtime (`runtimes[i].access`, `runtimes[i].allowedPrincipals`).
 * `vpc` (the default) puts a resource-based policy on the runtime and its endpoints that
 * denies invocation from outside the stack's VPC; `iam` leaves the runtime without one, so any
 * principal whose own IAM policy allows InvokeAgentRuntime (or any valid JWT) reaches it from
 * anywhere: weaker, and refused in production. See docs/security.md "Private inbound".
 */
import { Environment } from "../aws/agentcore";
import { Problems } from "../config/problems";

export const ACCESS_MODES = ["vpc", "iam"] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];

/** The default and the only mode accepted in production. */
export const DEFAULT_ACCESS_MODE: AccessMode = "vpc";

/**
 * An IAM principal a resource-based policy can name: an account (`…:root`), a role or a user,
 * with a 12-digit account and no wildcard (a wildcard principal would be every caller).
 */
export const IAM_PRINCIPAL_ARN =
    /^arn:aws(-[a-z]+)*:iam::\d{12}:(root|role\/[\w+=,.@/-]{1,512}|user\/[\w+=,.@/-]{1,512})$/;

export interface RuntimeAccess {
    readonly access: AccessMode;
    /** Extra IAM principals (outside this account) allowed to invoke; empty for none. */
    readonly allowedPrincipals: readonly string[];
}

/**
 * Reads `access` and `allowedPrincipals` of one runtime entry, recording every problem.
 * `hasAuthorizer`: the runtime takes JWTs, whose callers are not IAM principals.
 */
export function readRuntimeAccess(
    p: Problems,
    key: string,
    entry: Readonly<Record<string, unknown>>,
    ctx: { readonly environment?: Environment; readonly hasAuthorizer: boolean },
): RuntimeAccess {
    let access: AccessMode = DEFAULT_ACCESS_MODE;
    const raw = entry.access;
    if (raw !== undefined) {
        if (typeof raw !== "string" || !(ACCESS_MODES as readonly string[]).includes(raw)) {
            p.invalid(
                `${key}.access`,
                raw,
                `one of ${ACCESS_MODES.join(", ")}: vpc allows invocation only from the stack's VPC (a resource-based policy on the runtime), iam leaves the runtime reachable from anywhere by IAM alone`,
                `"vpc"`,
            );
        } else if (raw === "iam" && ctx.environment === "production") {
            p.invalid(
                `${key}.access`,
                raw,
                "vpc in production: without the runtime's resource-based policy any principal with InvokeAgentRuntime rights (or any valid JWT) reaches it from outside the VPC",
                `"vpc"`,
            );
        } else {
            access = raw as AccessMode;
        }
    }

    const allowedPrincipals: string[] = [];
    const list = entry.allowedPrincipals;
    const example = `["arn:aws:iam::210987654321:role/support-portal"]`;
    if (list !== undefined) {
        if (!Array.isArray(list)) {
            p.invalid(`${key}.allowedPrincipals`, list, "a list of IAM role, user or account (root) ARNs", example);
        } else if (ctx.hasAuthorizer) {
            p.invalid(
                `${key}.allowedPrincipals`,
                list,
                "no principals on a runtime with an authorizer: its callers present JWTs, not IAM identities, so the resource policy admits them by network origin only",
                "omit allowedPrincipals, or remove authorizer",
            );
        } else if (access === "iam") {
            p.invalid(
                `${key}.allowedPrincipals`,
                list,
                "no principals with access iam: there is no resource policy to name them in (use access vpc)",
                `access: "vpc", allowedPrincipals: ${example}`,
            );
        } else {
            const seen = new Set<string>();
            list.forEach((arn: unknown, i: number) => {
                const k = `${key}.allowedPrincipals[${i}]`;
                if (typeof arn !== "string" || !IAM_PRINCIPAL_ARN.test(arn)) {
                    p.invalid(
                        k,
                        arn,
                        "an IAM role, user or account ARN without wildcards (arn:aws:iam::<12 digits>:role/<name>, :user/<name> or :root)",
                        `"arn:aws:iam::210987654321:role/support-portal"`,
                    );
                } else if (seen.has(arn)) {
                    p.invalid(
                        k,
                        arn,
                        "a principal not already listed",
                        `"arn:aws:iam::210987654321:role/support-portal"`,
                    );
                } else {
                    seen.add(arn);
                    allowedPrincipals.push(arn);
                }
            });
        }
    }
    return { access, allowedPrincipals };
}
