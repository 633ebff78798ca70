/**
 * Deploy-time truth for the instance catalogue: whether EC2 offers each allowed instance type
 * in every one of the stack's AZ IDs. The catalogue (./catalogue.ts) lists current-generation
 * types of every Region where Instances run, but a type need not be offered in every zone;
 * EC2 answers per zone ID with DescribeInstanceTypeOfferings (`aws.ec2.getInstanceTypeOfferings`,
 * location type `availability-zone-id`: one row per offered type and zone, filters
 * `instance-type` and `location`; EC2 API reference DescribeInstanceTypeOfferings). The check
 * runs at preview and up, before anything is registered (invokes run during preview, and the
 * program awaits the answer like an agent stack's network check), so a missing offering stops
 * the preview with one error; the offline plan's mocks answer that every type is offered
 * everywhere unless a test says otherwise. Everything but `checkInstanceOfferings` is pure.
 */
import * as aws from "../providers/aws";
import { ConfigValidationError } from "../config/problems";

/** The `location-type` that makes EC2 name zones by ID, as the stack places subnets. */
export const OFFERING_LOCATION_TYPE = "availability-zone-id";

/** The offering rows EC2 returns: parallel lists, one entry per offered (type, location). */
export interface InstanceTypeOfferings {
    readonly instanceTypes: readonly string[];
    readonly locations: readonly string[];
}

/** The lookup's arguments: exactly the types and zones the stack uses. */
export function offeringsQuery(instanceTypes: readonly string[], availabilityZoneIds: readonly string[]) {
    return {
        locationType: OFFERING_LOCATION_TYPE,
        filters: [
            { name: "instance-type", values: [...instanceTypes] },
            { name: "location", values: [...availabilityZoneIds] },
        ],
    };
}

/** Every (type, AZ ID) the stack needs that EC2 does not offer, type by type, in zone order. */
export function unofferedInstanceTypes(
    instanceTypes: readonly string[],
    availabilityZoneIds: readonly string[],
    offerings: InstanceTypeOfferings,
): { readonly instanceType: string; readonly availabilityZoneId: string }[] {
    const offered = new Set(offerings.instanceTypes.map((t, i) => `${t}@${offerings.locations[i]}`));
    return instanceTypes.flatMap((instanceType) =>
        availabilityZoneIds
            .filter((zone) => !offered.has(`${instanceType}@${zone}`))
            .map((availabilityZoneId) => ({ instanceType, availabilityZoneId })),
    );
}

/** One message naming each type and the AZ IDs it is missing from; undefined when all are offered. */
export function offeringProblem(
    instanceTypes: readonly string[],
    availabilityZoneIds: readonly string[],
    offerings: InstanceTypeOfferings,
): string | undefined {
    const missing = unofferedInstanceTypes(instanceTypes, availabilityZoneIds, offerings);
    if (missing.length === 0) {
        return undefined;
    }
    const byType = new Map<string, string[]>();
    for (const m of missing) {
        byType.set(m.instanceType, [...(byType.get(m.instanceType) ?? []), m.availabilityZoneId]);
    }
    const listed = [...byType].map(([type, zones]) => `${type} is not offered in ${zones.join(", ")}`).join("; ");
    const fitting = instanceTypes.filter((t) => !byType.has(t));
    return (
        `instanceTypes: ${listed} (EC2 DescribeInstanceTypeOfferings by availability-zone-id); the capacity provider ` +
        `launches in every one of the stack's AZ IDs (${availabilityZoneIds.join(", ")}), so each allowed type must be offered in all of them: ` +
        (fitting.length > 0
            ? `list only types offered everywhere (e.g. instanceTypes: [${fitting.join(", ")}])`
            : `list other instanceTypes`) +
        ` or choose other availabilityZoneIds`
    );
}

/**
 * Asks EC2 and throws a ConfigValidationError naming every missing (type, AZ ID). The zones
 * are the configured ones for subnets the stack creates, or looked up from the subnets'
 * IDs (`aws.ec2.getSubnet`) for subnets that exist (an adopted VPC, a network stack's).
 */
export async function checkInstanceOfferings(
    stack: string,
    instanceTypes: readonly string[],
    zones: { readonly availabilityZoneIds: readonly string[] } | { readonly subnetIds: readonly string[] },
): Promise<void> {
    const availabilityZoneIds =
        "availabilityZoneIds" in zones
            ? [...zones.availabilityZoneIds]
            : await Promise.all(
                  zones.subnetIds.map(async (id) => (await aws.ec2.getSubnet({ id })).availabilityZoneId),
              );
    const zoneIds = [...new Set(availabilityZoneIds)];
    const offerings = await aws.ec2.getInstanceTypeOfferings(offeringsQuery(instanceTypes, zoneIds));
    const problem = offeringProblem(instanceTypes, zoneIds, offerings);
    if (problem) {
        throw new ConfigValidationError(stack, [problem]);
    }
}
