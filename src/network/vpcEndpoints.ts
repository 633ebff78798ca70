/**
 * Which VPC endpoints a stack creates and what they are called. Pure: the component and
 * the tests both read the plan from here.
 */
import { REQUIRED_INTERFACE_ENDPOINT_SERVICES, S3_GATEWAY_SERVICE, endpointServiceName } from "../aws/agentcore";
import type { NetworkConfig } from "./config";

/** One endpoint to create: its service suffix, full service name and logical-name role. */
export interface EndpointPlan {
    /** The suffix after `com.amazonaws.<region>.`, e.g. `ecr.api`; the key in `vpcEndpointIds`. */
    readonly service: string;
    /** The full service name, e.g. `com.amazonaws.us-east-1.ecr.api`. */
    readonly serviceName: string;
    /** `vpce-<service with dots as hyphens>`, appended to the component name, e.g. `vpce-ecr-api`. */
    readonly role: string;
}

/** The logical-name role of an endpoint: `ecr.api` → `vpce-ecr-api`. */
export function endpointRole(service: string): string {
    return `vpce-${service.replace(/\./g, "-")}`;
}

/**
 * The interface endpoint services this stack creates, in order: the required ones, then
 * the configured extras. None when another stack owns the endpoints. Built from a Set, so
 * a service can never be created twice (two private-DNS endpoints for one service in a VPC
 * fail with "conflicting DNS domain").
 */
export function interfaceEndpointServices(
    network: Pick<NetworkConfig, "createEndpoints" | "endpointServices">,
): string[] {
    if (!network.createEndpoints) {
        return [];
    }
    const services = new Set<string>([...REQUIRED_INTERFACE_ENDPOINT_SERVICES, ...network.endpointServices]);
    // S3 is always a gateway endpoint (free, and on the route tables); never an interface one too.
    services.delete(S3_GATEWAY_SERVICE);
    return [...services];
}

/**
 * Interface and gateway endpoint plans for a region. Throws if two services would share a
 * logical name (e.g. `ecr.api` and a hypothetical `ecr-api`), because Pulumi would then
 * see one resource where two were meant.
 */
export function endpointPlans(
    region: string,
    network: Pick<NetworkConfig, "createEndpoints" | "endpointServices">,
): { interfaces: EndpointPlan[]; gateway?: EndpointPlan } {
    const plan = (service: string): EndpointPlan => ({
        service,
        serviceName: endpointServiceName(region, service),
        role: endpointRole(service),
    });
    const interfaces = interfaceEndpointServices(network).map(plan);
    const gateway = network.createEndpoints ? plan(S3_GATEWAY_SERVICE) : undefined;
    const seen = new Map<string, string>();
    for (const p of [...interfaces, ...(gateway ? [gateway] : [])]) {
        const other = seen.get(p.role);
        if (other !== undefined) {
            throw new Error(
                `endpointServices "${other}" and "${p.service}" would both be named ${p.role}; list only one of them`,
            );
        }
        seen.set(p.role, p.service);
    }
    return { interfaces, gateway };
}
