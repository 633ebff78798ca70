/**
 * Interface VPC endpoints resolve the public service names privately and survive the loss
 * of one availability zone. Without private DNS the SDKs inside the VPC keep resolving the
 * public endpoints (and with no internet path, fail); in a single subnet an AZ outage cuts
 * the agents off from ECR, logs and AgentCore itself.
 */
import { ResourceValidationPolicy } from "@pulumi/policy";
import { TYPES } from "./types";
import { describe, isUnknown, list, plainProps, record } from "./values";

/** Fewest subnets (one per AZ) an interface endpoint must have an ENI in. */
export const MIN_ENDPOINT_SUBNETS = 2;

/** How many subnets an endpoint is placed in, or undefined when that is not known yet. */
function subnetCount(props: Record<string, unknown>): number | undefined {
    if (isUnknown(props.subnetIds) || isUnknown(props.subnetConfigurations)) {
        return undefined;
    }
    const ids = new Set<unknown>(list(props.subnetIds));
    for (const config of list(props.subnetConfigurations)) {
        const subnetId = record(config)?.subnetId;
        if (subnetId !== undefined) {
            ids.add(subnetId);
        }
    }
    return ids.size;
}

/** What is wrong with an interface endpoint; gateway (and other) endpoints are not checked. */
export function interfaceEndpointProblems(props: Record<string, unknown>): string[] {
    if (props.vpcEndpointType !== "Interface") {
        return [];
    }
    const service = typeof props.serviceName === "string" ? ` (${props.serviceName})` : "";
    const problems: string[] = [];
    if (!isUnknown(props.privateDnsEnabled) && props.privateDnsEnabled !== true) {
        problems.push(
            `${service} does not enable private DNS, so clients in the VPC resolve the public service endpoint: set privateDnsEnabled: true (and let only one stack per VPC own each endpoint)`,
        );
    }
    const count = subnetCount(props);
    if (count !== undefined && count < MIN_ENDPOINT_SUBNETS) {
        problems.push(
            `${service} is in ${count} subnet(s), so one availability zone outage takes it down: set subnetIds to at least ${MIN_ENDPOINT_SUBNETS} subnets in different availability zones`,
        );
    }
    return problems;
}

export const interfaceEndpoints: ResourceValidationPolicy = {
    name: "vpc-interface-endpoint-private-multi-az",
    description: "Interface VPC endpoints enable private DNS and sit in at least two subnets (availability zones).",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: (args, reportViolation) => {
        if (args.type !== TYPES.vpcEndpoint) {
            return;
        }
        for (const problem of interfaceEndpointProblems(plainProps(args.props))) {
            reportViolation(`${describe(args.type, args.name)}${problem}.`);
        }
    },
};
