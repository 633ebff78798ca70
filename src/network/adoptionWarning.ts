/**
 * What a network stack changes for the workloads already in a VPC it adopts with
 * `createEndpoints: true` (docs/network.md#adopting-a-vpc). Pure.
 */
import type { NetworkConfig } from "./config";
import { endpointPlans } from "./vpcEndpoints";

/** The warning text, or undefined when nothing existing changes (a created VPC, or no endpoints). */
export function adoptedEndpointsWarning(network: NetworkConfig, region = "us-east-1"): string | undefined {
    if (network.mode !== "existing" || !network.createEndpoints || !network.existingVpc) {
        return undefined;
    }
    const services = endpointPlans(region, network).interfaces.map((p) => p.service);
    return (
        `Adopting ${network.existingVpc.vpcId} with createEndpoints: true changes it for every workload already in it: ` +
        `private DNS of ${services.join(", ")} then resolves to this stack's endpoints (a second private-DNS endpoint for one of them in this VPC fails to create), ` +
        `so their calls pass these endpoint policies (principals and resources of this account or organization only); ` +
        `and the S3 gateway endpoint adds an S3 prefix-list route to ${network.existingVpc.routeTableIds.join(", ")}, so S3 traffic from those subnets passes its policy too. ` +
        `See docs/network.md#adopting-a-vpc.`
    );
}

/**
 * The warning for keys an adopted VPC ignores (`vpcCidr`, `agentSubnetCidrs` set to other than
 * their defaults), naming each with its value; undefined when there is none.
 */
export function ignoredNetworkKeysWarning(network: NetworkConfig): string | undefined {
    if (network.mode !== "existing" || network.ignoredKeys.length === 0) {
        return undefined;
    }
    const named = network.ignoredKeys.map(({ key, value }) => `${key} ${JSON.stringify(value)}`).join(" and ");
    const one = network.ignoredKeys.length === 1;
    return (
        `${named} ${one ? "is" : "are"} ignored: this stack adopts ${network.existingVpc?.vpcId}, ` +
        `whose CIDR and subnets are its own (subnetIds). Remove ${one ? "it" : "them"} from the stack file, ` +
        `or unset vpcId, subnetIds and routeTableIds to create a VPC with ${one ? "it" : "them"}.`
    );
}
