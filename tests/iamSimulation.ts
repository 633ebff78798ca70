/**
 * One request through the IAM policy evaluator (`@cloud-copilot/iam-simulate`), the way the
 * simulation specs ask it: a principal (or an anonymous caller) calling one action on one
 * resource, through the given VPC endpoint policies, against an optional resource policy.
 * `aws:PrincipalAccount` (for a named principal) and `aws:ResourceAccount` are set from the
 * ARNs, as AWS sets them; `context` adds or overrides keys.
 */
import { anonymousPrincipal, runSimulation, Simulation } from "@cloud-copilot/iam-simulate";

export interface SimulatedRequest {
    readonly principal: string | typeof anonymousPrincipal;
    readonly action: string;
    readonly resource: string;
    readonly resourceAccount: string;
    /** The caller's identity policies. Default: none. */
    readonly identity?: readonly unknown[];
    /** Policies of the VPC endpoints the request passes through. Default: none. */
    readonly endpointPolicies?: readonly unknown[];
    readonly resourcePolicy?: unknown;
    /** The principal's permissions boundary. Default: none. */
    readonly boundary?: unknown;
    readonly context?: Record<string, string | string[]>;
}

/** `Allowed`, `ExplicitlyDenied` or `ImplicitlyDenied`; throws when the evaluator refuses the request. */
export async function simulate(r: SimulatedRequest): Promise<string> {
    const principalAccount = typeof r.principal === "string" ? r.principal.split(":")[4] : undefined;
    const simulation: Simulation = {
        request: {
            principal: r.principal,
            action: r.action,
            resource: { resource: r.resource, accountId: r.resourceAccount },
            contextVariables: {
                ...(principalAccount ? { "aws:PrincipalAccount": principalAccount } : {}),
                "aws:ResourceAccount": r.resourceAccount,
                ...(r.context ?? {}),
            },
        },
        identityPolicies: (r.identity ?? []).map((policy, i) => ({ name: `identity${i}`, policy })),
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        resourcePolicy: r.resourcePolicy,
        ...(r.boundary ? { permissionBoundaryPolicies: [{ name: "boundary", policy: r.boundary }] } : {}),
        vpcEndpointPolicies: (r.endpointPolicies ?? []).map((policy, i) => ({ name: `endpoint${i}`, policy })),
    } as Simulation;
    const response = await runSimulation(simulation, {});
    if (response.resultType === "error") {
        throw new Error(`simulation refused: ${JSON.stringify(response.errors)}`);
    }
    return response.overallResult;
}

/**
 * A stack key's policy that delegates to IAM (the account root statement, src/security/kmsKey.ts):
 * KMS authorizes only what the key policy allows, so a simulation of kms: actions needs it.
 */
export function accountRootKeyPolicy(account: string) {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "EnableIamPolicies",
                Effect: "Allow",
                Principal: { AWS: `arn:aws:iam::${account}:root` },
                Action: "kms:*",
                Resource: "*",
            },
        ],
    };
}

/**
 * How a role with a permissions boundary is decided on one action of its own account: its
 * identity policy, its boundary, and for kms: actions the account-root key policy.
 */
export function roleDecider(role: string, boundary: unknown) {
    const account = role.split(":")[4];
    return (
        policy: unknown,
        action: string,
        resource: string,
        context: Record<string, string | string[]> = {},
    ): Promise<string> =>
        simulate({
            principal: role,
            action,
            resource,
            resourceAccount: account,
            identity: [policy],
            boundary,
            resourcePolicy: action.startsWith("kms:") ? accountRootKeyPolicy(account) : undefined,
            context,
        });
}
