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
