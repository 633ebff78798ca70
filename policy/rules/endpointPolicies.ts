/**
 * VPC endpoint policies. An endpoint without a policy allows full access to its service: code
 * in the VPC could reach any account's resources through it, with any account's credentials
 * (the classic data-exfiltration path). Two rules, for the aws and aws-native endpoint types:
 * - every VPC endpoint (interface or gateway) has a policy;
 * - no policy statement allows any principal (`*`) without a condition. The one exception is
 *   the statement AWS documents for ECR image layers (s3:GetObject on the region's
 *   `prod-<region>-starport-layer-bucket/*`, nothing else): the layers are fetched by an
 *   AWS-managed principal that no account condition can name (AgentCore devguide, VPC,
 *   "Minimum S3 bucket permissions for container agents").
 * A policy unknown during a preview is judged at the update.
 */
import { Statement, normalizeAction, parseDocument } from "./iamDocument";
import { problemRule } from "./rule";
import { TYPES } from "./types";
import { isUnknown, list, record, showValue } from "./values";

interface EndpointView {
    readonly endpointType: unknown;
    readonly serviceName: unknown;
    /** A JSON string (aws) or an object (aws-native `policyDocument`). */
    readonly policy: unknown;
}

const ENDPOINTS: Readonly<Record<string, (props: Record<string, unknown>) => EndpointView>> = {
    [TYPES.vpcEndpoint]: (p) => ({ endpointType: p.vpcEndpointType, serviceName: p.serviceName, policy: p.policy }),
    [TYPES.nativeVpcEndpoint]: (p) => ({
        endpointType: p.vpcEndpointType,
        serviceName: p.serviceName,
        policy: p.policyDocument,
    }),
};

export const POLICY_ENDPOINT_TYPES: readonly string[] = Object.keys(ENDPOINTS);

const ECR_LAYER_OBJECTS = /^arn:aws(-[a-z]+)*:s3:::prod-[a-z0-9-]+-starport-layer-bucket\/\*$/;

/** True for `"*"`, `{ AWS: "*" }` or `{ AWS: ["*"] }`: every caller, JWT callers included. */
export function isAnyPrincipal(principal: unknown): boolean {
    if (principal === "*") {
        return true;
    }
    return list(record(principal)?.AWS).some((p) => p === "*");
}

/** The statement AWS documents for ECR layers: GetObject on the layer bucket's objects only. */
export function isEcrLayerStatement(s: Statement): boolean {
    return (
        !s.notAction &&
        !s.notResource &&
        s.actions.length > 0 &&
        s.actions.every((a) => typeof a === "string" && normalizeAction(a) === "s3:getobject") &&
        s.resources.length > 0 &&
        s.resources.every((r) => typeof r === "string" && ECR_LAYER_OBJECTS.test(r))
    );
}

/** No Condition, or an empty one; an unknown condition is judged at the update. */
function isUnconditioned(s: Statement): boolean {
    return s.condition === undefined || (!isUnknown(s.condition) && Object.keys(s.condition).length === 0);
}

function serviceOf(view: EndpointView): string {
    return typeof view.serviceName === "string" ? `(${view.serviceName}) ` : "";
}

/** An endpoint with no policy at all. */
export function missingEndpointPolicyProblems(type: string, props: Record<string, unknown>): string[] {
    const view = ENDPOINTS[type]?.(props);
    if (!view || isUnknown(view.policy) || isUnknown(view.endpointType)) {
        return [];
    }
    const missing =
        view.policy === undefined ||
        view.policy === null ||
        view.policy === "" ||
        (record(view.policy) !== undefined && Object.keys(record(view.policy) ?? {}).length === 0);
    return missing
        ? [
              `${serviceOf(view)}has no endpoint policy, so it allows full access to its service from this VPC, to any account's resources: set ${type === TYPES.vpcEndpoint ? "policy" : "policyDocument"} to a document that allows only this account's resources (src/network/vpcEndpointPolicies.ts)`,
          ]
        : [];
}

/** Statements that admit every caller with no condition to narrow them. */
export function unconditionedAnyPrincipalProblems(type: string, props: Record<string, unknown>): string[] {
    const view = ENDPOINTS[type]?.(props);
    if (!view) {
        return [];
    }
    const parsed = parseDocument(view.policy);
    if (parsed.kind === "invalid") {
        return [`${serviceOf(view)}has an endpoint policy that ${parsed.reason}: pass a JSON policy document`];
    }
    if (parsed.kind !== "ok") {
        return [];
    }
    return parsed.statements
        .filter((s) => s.effect === "Allow" && !isUnknown(s.principal) && isAnyPrincipal(s.principal))
        .filter(isUnconditioned)
        .filter((s) => !isEcrLayerStatement(s))
        .map(
            (s) =>
                `${serviceOf(view)}endpoint policy ${s.label} allows any principal ("*") on ${showValue(s.resources)} with no Condition, so anyone's credentials (or none) pass: add a condition such as StringEquals aws:PrincipalAccount or aws:ResourceAccount = this account`,
        );
}

export const endpointHasPolicy = problemRule({
    name: "vpc-endpoint-has-policy",
    description:
        "Every VPC endpoint (interface and gateway, aws and aws-native) has an endpoint policy; without one it allows full access to its service.",
    severity: "high",
    types: POLICY_ENDPOINT_TYPES,
    problems: missingEndpointPolicyProblems,
});

export const endpointPolicyAnyPrincipalConditioned = problemRule({
    name: "vpc-endpoint-policy-no-unconditioned-any-principal",
    description:
        'No VPC endpoint policy allows any principal ("*") without a condition, except AWS\'s documented s3:GetObject on the regional ECR layer bucket.',
    severity: "high",
    types: POLICY_ENDPOINT_TYPES,
    problems: unconditionedAnyPrincipalProblems,
});
