import { REQUIRED_INTERFACE_ENDPOINT_SERVICES, S3_GATEWAY_SERVICE, SUPPORTED_AZ_IDS } from "../aws/agentcore";
import { KNOWN_INTERFACE_ENDPOINT_SERVICES, UNLISTED_SERVICE_PREFIX } from "./privateLinkServices";
import {
    Cidr,
    PRIVATE_IPV4_RANGE_LIST,
    cidrContains,
    cidrsOverlap,
    hostBitsNetwork,
    isPrivateCidr,
    parseIpv4Cidr,
} from "./cidrConfig";
import { KEYS } from "../config/keys";
import { ParsedKeys } from "../config/parse";
import { Problems } from "../config/problems";
import { nearest } from "../config/suggest";

/** An existing VPC adopted instead of creating one. */
export interface ExistingVpcConfig {
    readonly vpcId: string;
    readonly subnetIds: readonly string[];
    readonly routeTableIds: readonly string[];
}

/** The network keys as the stack uses them: `StackConfig.network`, which AgentNetwork takes whole. */
export interface NetworkConfig {
    /** `create`: a new VPC; `existing`: adopt `existingVpc`. */
    readonly mode: "create" | "existing";
    readonly vpcCidr: string;
    readonly agentSubnetCidrs: readonly string[];
    /** AZ IDs for the agent subnets, one per subnet (create mode). */
    readonly availabilityZoneIds: readonly string[];
    readonly existingVpc?: ExistingVpcConfig;
    /** Whether this stack owns the VPC endpoints. */
    readonly createEndpoints: boolean;
    /** Interface endpoint services beyond the required ones, e.g. `bedrock-runtime`. */
    readonly endpointServices: readonly string[];
    /** Client CIDRs inside the VPC allowed to reach the endpoints on 443. */
    readonly endpointClientCidrs: readonly string[];
    /**
     * Keys the stack file sets to a value other than their default that this mode ignores
     * (an adopted VPC has its own CIDR and subnets); the network component warns naming them.
     */
    readonly ignoredKeys: readonly { readonly key: string; readonly value: unknown }[];
}

const SERVICE_SUFFIX = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/**
 * The rules between the network keys (each value is already checked by its schema in
 * src/config/keys.ts); `region` is already known to be supported or undefined.
 */
export function readNetwork(keys: ParsedKeys, p: Problems, region: string | undefined): NetworkConfig {
    const v = keys.values;
    const vpcId = v.vpcId;
    const subnetIds = v.subnetIds;
    const routeTableIds = v.routeTableIds;
    const existingGiven = [keys.given("vpcId"), subnetIds.length > 0, routeTableIds.length > 0];
    const mode = existingGiven.some(Boolean) ? "existing" : "create";

    const vpcCidrText = v.vpcCidr;
    const subnetCidrTexts = v.agentSubnetCidrs;
    const azIdsGiven = v.availabilityZoneIds;
    const supported = region ? SUPPORTED_AZ_IDS[region] : undefined;

    let vpcCidr: Cidr | undefined;
    let availabilityZoneIds: string[] = [];
    /** What an adopted VPC ignores, when the stack file sets it to other than the default. */
    const ignoredKeys: { key: string; value: unknown }[] = [];

    if (mode === "existing") {
        if (!existingGiven.every(Boolean)) {
            const missing = ["vpcId", "subnetIds", "routeTableIds"].filter((_, i) => !existingGiven[i]);
            for (const key of missing) {
                p.missing(
                    key,
                    "an existing VPC is adopted only when vpcId, subnetIds and routeTableIds are all set",
                    key === "vpcId"
                        ? `"vpc-0a1b2c3d4e5f60718"`
                        : key === "subnetIds"
                          ? `["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]`
                          : `["rtb-0a1b2c3d4e5f60718"]`,
                );
            }
        }
        // The adopted VPC has its own CIDR and subnets: these keys are ignored, not checked
        // (no error about a value that changes nothing), and a warning names them.
        if (vpcCidrText !== KEYS.vpcCidr.default) {
            ignoredKeys.push({ key: "vpcCidr", value: vpcCidrText });
        }
        if (JSON.stringify(subnetCidrTexts) !== JSON.stringify(KEYS.agentSubnetCidrs.default)) {
            ignoredKeys.push({ key: "agentSubnetCidrs", value: subnetCidrTexts });
        }
        reportDuplicates(p, "subnetIds", subnetIds);
        reportDuplicates(p, "routeTableIds", routeTableIds);
        if (azIdsGiven.length > 0) {
            p.invalid(
                "availabilityZoneIds",
                azIdsGiven,
                "leave it empty when adopting an existing VPC: the zones are those of subnetIds",
                "[]",
            );
        }
    } else {
        vpcCidr = parseIpv4Cidr(vpcCidrText);
        const vpcNetwork = hostBitsNetwork(vpcCidrText);
        if (vpcNetwork) {
            p.invalid(
                "vpcCidr",
                vpcCidrText,
                `a network address: host bits are set (the network is ${vpcNetwork})`,
                `"${vpcNetwork}"`,
            );
        } else if (!vpcCidr || vpcCidr.prefix < 16 || vpcCidr.prefix > 28) {
            p.invalid("vpcCidr", vpcCidrText, "an IPv4 network CIDR from /16 to /28", `"10.0.0.0/16"`);
            vpcCidr = undefined;
        } else if (!isPrivateCidr(vpcCidr)) {
            // A public range in a private VPC shadows real internet addresses for every client.
            p.invalid("vpcCidr", vpcCidrText, `a private range (inside ${PRIVATE_IPV4_RANGE_LIST})`, `"10.0.0.0/16"`);
            vpcCidr = undefined;
        }
        const subnets: Cidr[] = [];
        subnetCidrTexts.forEach((text, i) => {
            const c = parseIpv4Cidr(text);
            const network = hostBitsNetwork(text);
            if (network) {
                p.invalid(
                    `agentSubnetCidrs[${i}]`,
                    text,
                    `a network address: host bits are set (the network is ${network})`,
                    `"${network}"`,
                );
                return;
            }
            if (!c || c.prefix > 28) {
                p.invalid(`agentSubnetCidrs[${i}]`, text, "an IPv4 network CIDR no smaller than /28", `"10.0.4.0/24"`);
                return;
            }
            if (vpcCidr && !cidrContains(vpcCidr, c)) {
                p.invalid(`agentSubnetCidrs[${i}]`, text, `a CIDR inside vpcCidr ${vpcCidr.text}`, `"10.0.4.0/24"`);
            }
            const clash = subnets.find((other) => cidrsOverlap(other, c));
            if (clash) {
                p.invalid(
                    `agentSubnetCidrs[${i}]`,
                    text,
                    `a CIDR that does not overlap ${clash.text}`,
                    `"10.0.5.0/24"`,
                );
            }
            subnets.push(c);
        });
        const maxSubnets = supported?.length ?? 3;
        if (subnetCidrTexts.length < 2 || subnetCidrTexts.length > maxSubnets) {
            p.invalid(
                "agentSubnetCidrs",
                subnetCidrTexts,
                `2 to ${maxSubnets} subnets, one per AgentCore-supported AZ${region ? ` of ${region}` : ""}`,
                `["10.0.4.0/24", "10.0.5.0/24"]`,
            );
        }
        if (azIdsGiven.length > 0) {
            availabilityZoneIds = azIdsGiven;
            azIdsGiven.forEach((id, i) => {
                if (supported && !supported.includes(id)) {
                    p.invalid(
                        `availabilityZoneIds[${i}]`,
                        id,
                        `an AgentCore-supported AZ ID of ${region}: ${supported.join(", ")}`,
                        `"${supported[0]}"`,
                    );
                }
            });
            reportDuplicates(p, "availabilityZoneIds", azIdsGiven, "one subnet per AZ");
            if (azIdsGiven.length !== subnetCidrTexts.length) {
                p.invalid(
                    "availabilityZoneIds",
                    azIdsGiven,
                    `one AZ ID per agent subnet (${subnetCidrTexts.length} in agentSubnetCidrs)`,
                    JSON.stringify(
                        (supported ?? ["use1-az1", "use1-az2", "use1-az4"]).slice(0, subnetCidrTexts.length),
                    ),
                );
            }
        } else if (supported) {
            availabilityZoneIds = supported.slice(0, subnetCidrTexts.length);
        }
    }

    const createEndpoints = v.createEndpoints;
    const endpointServicesGiven = v.endpointServices;
    // `unlisted:<suffix>` is the escape hatch for a service the known list lacks.
    const endpointServices = endpointServicesGiven.map((s) =>
        s.startsWith(UNLISTED_SERVICE_PREFIX) ? s.slice(UNLISTED_SERVICE_PREFIX.length) : s,
    );
    endpointServices.forEach((service, i) => {
        const key = `endpointServices[${i}]`;
        const listed = (KNOWN_INTERFACE_ENDPOINT_SERVICES as readonly string[]).includes(service);
        if (!SERVICE_SUFFIX.test(service)) {
            p.invalid(
                key,
                service,
                "a service name suffix such as bedrock-runtime (the part after com.amazonaws.<region>.)",
                `"bedrock-runtime"`,
            );
        } else if ((REQUIRED_INTERFACE_ENDPOINT_SERVICES as readonly string[]).includes(service)) {
            p.invalid(
                key,
                service,
                `a service not already created by default (${REQUIRED_INTERFACE_ENDPOINT_SERVICES.join(", ")})`,
                `"bedrock-runtime"`,
            );
        } else if (service === S3_GATEWAY_SERVICE) {
            p.invalid(
                key,
                service,
                "an interface endpoint service; S3 is always served by a gateway endpoint",
                `"bedrock-runtime"`,
            );
        } else if (!listed && service === endpointServicesGiven[i]) {
            const near = nearest(service, KNOWN_INTERFACE_ENDPOINT_SERVICES);
            p.invalid(
                key,
                service,
                `a PrivateLink service of the region${near ? ` (did you mean ${near}?)` : ""}: one of src/network/privateLinkServices.ts, or ${UNLISTED_SERVICE_PREFIX}<suffix> for one that list lacks`,
                `"${near ?? "bedrock-runtime"}"`,
            );
        }
    });
    reportDuplicates(p, "endpointServices", endpointServices, "each service once");
    if (!createEndpoints && mode === "create") {
        p.invalid(
            "createEndpoints",
            false,
            "true when this stack creates the VPC: a new VPC has no other owner of its endpoints, and without them the runtime cannot pull its image (set false only with vpcId, subnetIds and routeTableIds of a shared VPC)",
            "true",
        );
    }
    if (!createEndpoints && endpointServices.length > 0) {
        p.invalid(
            "endpointServices",
            endpointServices,
            "empty when createEndpoints is false: the stack that owns the VPC endpoints creates them",
            "[]",
        );
    }

    const endpointClientCidrs = v.endpointClientCidrs;
    endpointClientCidrs.forEach((text, i) => {
        const c = parseIpv4Cidr(text);
        const key = `endpointClientCidrs[${i}]`;
        if (!c) {
            p.invalid(key, text, "an IPv4 network CIDR", `"10.0.8.0/22"`);
        } else if (!isPrivateCidr(c)) {
            p.invalid(
                key,
                text,
                `a private client range inside ${PRIVATE_IPV4_RANGE_LIST}; a public range would open the endpoints beyond the VPC`,
                `"10.0.8.0/22"`,
            );
        } else if (vpcCidr && !cidrContains(vpcCidr, c)) {
            p.invalid(key, text, `a CIDR inside vpcCidr ${vpcCidr.text}`, `"10.0.8.0/22"`);
        }
    });

    return {
        mode,
        vpcCidr: vpcCidrText,
        agentSubnetCidrs: mode === "create" ? subnetCidrTexts : [],
        availabilityZoneIds,
        existingVpc: mode === "existing" ? { vpcId: vpcId ?? "", subnetIds, routeTableIds } : undefined,
        createEndpoints,
        endpointServices,
        endpointClientCidrs,
        ignoredKeys,
    };
}

function reportDuplicates(p: Problems, key: string, values: readonly string[], rule = "each value once"): void {
    const seen = new Set<string>();
    values.forEach((v, i) => {
        if (seen.has(v)) {
            p.invalid(
                `${key}[${i}]`,
                v,
                `a value not already listed (${rule})`,
                `a different value than ${JSON.stringify(v)}`,
            );
        }
        seen.add(v);
    });
}
