/**
 * Interface VPC endpoints resolve the public service names privately and survive the loss
 * of one availability zone. Without private DNS the SDKs inside the VPC keep resolving the
 * public endpoints (and with no internet path, fail); in a single subnet an AZ outage cuts
 * the agents off from ECR, logs and AgentCore itself.
 *
 * During the preview of a new stack the subnets do not exist yet, so the engine sends
 * `subnetIds` as one unknown per element (`[<unknown>, <unknown>]`). Unknown IDs cannot be
 * compared: they are counted as "possibly distinct", never collapsed into one.
 */
import { TYPES } from "./types";
import { problemRule } from "./rule";
import { UNKNOWN, Unknown, isUnknown, list, record } from "./values";

/** Fewest subnets (one per AZ) an interface endpoint must have an ENI in. */
export const MIN_ENDPOINT_SUBNETS = 2;

interface EndpointView {
    readonly endpointType: unknown;
    readonly serviceName: unknown;
    readonly privateDnsEnabled: unknown;
    /** Subnet IDs (an element may be `UNKNOWN`), or `UNKNOWN` when the whole list is. */
    readonly subnets: unknown[] | Unknown;
}

/** Subnet IDs from `subnetIds` plus, for the classic provider, `subnetConfigurations[].subnetId`. */
function subnetsOf(subnetIds: unknown, subnetConfigurations?: unknown): unknown[] | Unknown {
    if (isUnknown(subnetIds) || isUnknown(subnetConfigurations)) {
        return UNKNOWN;
    }
    const configured = list(subnetConfigurations).flatMap((config) => {
        // A whole unknown entry still names one subnet, which one is not known yet.
        const subnetId = isUnknown(config) ? config : record(config)?.subnetId;
        return subnetId === undefined ? [] : [subnetId];
    });
    return [...list(subnetIds), ...configured];
}

/** Both providers use the same names, except that only the classic one has subnetConfigurations. */
const ENDPOINTS: Readonly<Record<string, (props: Record<string, unknown>) => EndpointView>> = {
    [TYPES.vpcEndpoint]: (p) => ({
        endpointType: p.vpcEndpointType,
        serviceName: p.serviceName,
        privateDnsEnabled: p.privateDnsEnabled,
        subnets: subnetsOf(p.subnetIds, p.subnetConfigurations),
    }),
    [TYPES.nativeVpcEndpoint]: (p) => ({
        endpointType: p.vpcEndpointType,
        serviceName: p.serviceName,
        privateDnsEnabled: p.privateDnsEnabled,
        subnets: subnetsOf(p.subnetIds),
    }),
};

export const VPC_ENDPOINT_TYPES: readonly string[] = Object.keys(ENDPOINTS);

/**
 * The most subnets the endpoint can be in: distinct known IDs plus each unknown one. Exact
 * when nothing is unknown; undefined when the list itself is unknown.
 */
export function subnetBound(
    subnets: unknown[] | Unknown,
): { readonly atMost: number; readonly exact: boolean } | undefined {
    if (isUnknown(subnets)) {
        return undefined;
    }
    const unknowns = subnets.filter(isUnknown).length;
    const known = new Set(subnets.filter((s) => !isUnknown(s)));
    return { atMost: known.size + unknowns, exact: unknowns === 0 };
}

/** What is wrong with an interface endpoint; gateway (and other) endpoints are not checked. */
export function interfaceEndpointProblems(type: string, props: Record<string, unknown>): string[] {
    const view = ENDPOINTS[type]?.(props);
    // The type defaults to Gateway in both providers; an unknown type is judged at the update.
    if (!view || view.endpointType !== "Interface") {
        return [];
    }
    const service = typeof view.serviceName === "string" ? `(${view.serviceName}) ` : "";
    const problems: string[] = [];
    if (!isUnknown(view.privateDnsEnabled) && view.privateDnsEnabled !== true) {
        problems.push(
            `${service}does not enable private DNS, so clients in the VPC resolve the public service endpoint: set privateDnsEnabled: true (and let only one stack per VPC own each endpoint)`,
        );
    }
    // Report only what is certain: too few subnets even if every unknown ID is a different one.
    const bound = subnetBound(view.subnets);
    if (bound !== undefined && bound.atMost < MIN_ENDPOINT_SUBNETS) {
        problems.push(
            `${service}is in ${bound.exact ? "" : "at most "}${bound.atMost} subnet(s), so one availability zone outage takes it down: set subnetIds to at least ${MIN_ENDPOINT_SUBNETS} subnets in different availability zones`,
        );
    }
    return problems;
}

export const interfaceEndpoints = problemRule({
    name: "vpc-interface-endpoint-private-multi-az",
    description:
        "Interface VPC endpoints (aws and aws-native) enable private DNS and sit in at least two subnets (availability zones).",
    severity: "high",
    problems: interfaceEndpointProblems,
});
