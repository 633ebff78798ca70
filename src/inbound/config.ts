/**
 * How callers may reach one runtime (`runtimes[i].access`, `runtimes[i].allowedPrincipals`).
 * `vpc` (the default) puts a resource-based policy on the runtime and its endpoints that
 * denies invocation from outside the stack's VPC; `iam` leaves the runtime without one, so any
 * principal whose own IAM policy allows InvokeAgentRuntime (or any valid JWT) reaches it from
 * anywhere: weaker, and refused in production. See docs/security.md "Private inbound".
 */
import { z } from "zod";
import { Environment } from "../aws/agentcore";
import { builtOnce, refuse, says } from "../config/declare";

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

const PRINCIPAL_EXAMPLE = `"arn:aws:iam::210987654321:role/support-portal"`;

/**
 * The `access` and `allowedPrincipals` fields of one runtime entry. `hasAuthorizer`: the
 * runtime takes JWTs, whose callers are not IAM principals.
 */
export const accessFields = builtOnce(
    (ctx: { readonly environment?: Environment; readonly hasAuthorizer: boolean }) => {
        const principal = says(
            "an IAM role, user or account ARN without wildcards (arn:aws:iam::<12 digits>:role/<name>, :user/<name> or :root)",
            PRINCIPAL_EXAMPLE,
        );
        return {
            access: z
                .enum(
                    ACCESS_MODES,
                    says(
                        `one of ${ACCESS_MODES.join(", ")}: vpc allows invocation only from the stack's VPC (a resource-based policy on the runtime), iam leaves the runtime reachable from anywhere by IAM alone`,
                        `"vpc"`,
                    ),
                )
                .refine(
                    (mode) => mode !== "iam" || ctx.environment !== "production",
                    says(
                        "vpc in production: without the runtime's resource-based policy any principal with InvokeAgentRuntime rights (or any valid JWT) reaches it from outside the VPC",
                        `"vpc"`,
                    ),
                )
                .default(DEFAULT_ACCESS_MODE),
            allowedPrincipals: z
                .array(z.unknown(), says("a list of IAM role, user or account (root) ARNs", `[${PRINCIPAL_EXAMPLE}]`))
                // The list as a whole is refused first: with an authorizer no principal belongs in it.
                .refine(
                    () => !ctx.hasAuthorizer,
                    says(
                        "no principals on a runtime with an authorizer: its callers present JWTs, not IAM identities, so the resource policy admits them by network origin only",
                        "omit allowedPrincipals, or remove authorizer",
                    ),
                )
                .pipe(
                    z.array(z.string(principal).regex(IAM_PRINCIPAL_ARN, principal)).superRefine((arns, c) =>
                        arns.forEach((arn, i) => {
                            if (arns.indexOf(arn) !== i) {
                                refuse(c, arn, "a principal not already listed", PRINCIPAL_EXAMPLE, [i]);
                            }
                        }),
                    ),
                )
                .optional(),
        };
    },
);

/**
 * A refinement of the runtime entry between its access fields, read when `access` passed: no
 * principals without a resource policy.
 */
export function accessRule(
    entry: { readonly access?: unknown; readonly allowedPrincipals?: unknown },
    c: z.core.$RefinementCtx,
): void {
    if (entry.access === "iam" && Array.isArray(entry.allowedPrincipals)) {
        refuse(
            c,
            entry.allowedPrincipals,
            "no principals with access iam: there is no resource policy to name them in (use access vpc)",
            `access: "vpc", allowedPrincipals: [${PRINCIPAL_EXAMPLE}]`,
            ["allowedPrincipals"],
        );
    }
}
