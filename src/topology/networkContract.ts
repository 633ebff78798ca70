/**
 * The output contract of a network stack: what every agent stack reads from it through
 * `pulumi.StackReference`, and the one check of that shape. Pure: the outputs come in as
 * plain values, the problems go out as messages naming the output, the value, what is
 * allowed and an example (docs/topology.md#network-stack-outputs).
 */
import { show } from "../config/problems";

/** Where an agent stack's runtimes are placed: the one input a network configuration or a capacity provider reads. */
export interface RuntimePlacement {
    /** The agent subnets, 2 or more, in AgentCore-supported zones. */
    readonly subnetIds: readonly string[];
    /** The runtime security group(s) the network stack owns. */
    readonly securityGroupIds: readonly string[];
}

/** A network stack's outputs, checked. */
export interface NetworkFacts {
    readonly stackKind: "network";
    readonly region: string;
    readonly accountId: string;
    readonly vpcId: string;
    readonly vpcCidr: string;
    readonly agentSubnetIds: readonly string[];
    readonly runtimeSecurityGroupId: string;
    readonly endpointSecurityGroupId: string;
    /** Service suffix → endpoint ID; `bedrock-agentcore` is always present. */
    readonly vpcEndpointIds: Readonly<Record<string, string>>;
}

/** The outputs a network stack exports, in the order docs/topology.md lists them. */
export const NETWORK_OUTPUT_NAMES = [
    "stackKind",
    "region",
    "accountId",
    "vpcId",
    "vpcCidr",
    "agentSubnetIds",
    "runtimeSecurityGroupId",
    "endpointSecurityGroupId",
    "vpcEndpointIds",
] as const;

const VPC_ID = /^vpc-[0-9a-f]{8,17}$/;
const SUBNET_ID = /^subnet-[0-9a-f]{8,17}$/;
const SECURITY_GROUP_ID = /^sg-[0-9a-f]{8,17}$/;
const VPC_ENDPOINT_ID = /^vpce-[0-9a-f]{8,17}$/;
const ACCOUNT_ID = /^\d{12}$/;
const IPV4_CIDR = /^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/;
/** AgentCore VPC mode needs subnets in at least two zones (docs/network.md). */
export const MIN_AGENT_SUBNETS = 2;

export interface NetworkOutputsCheck {
    readonly facts?: NetworkFacts;
    readonly problems: readonly string[];
}

/**
 * Checks the outputs read from `networkStack` against the contract, and that the network
 * stack is in the agent stack's region. Returns the facts, or every problem at once.
 */
export function checkNetworkOutputs(
    networkStack: string,
    outputs: Readonly<Record<string, unknown>>,
    expectedRegion: string,
): NetworkOutputsCheck {
    const problems: string[] = [];
    const where = (name: string) => `networkStack ${networkStack} output ${name}`;
    const bad = (name: string, allowed: string, example: string) => {
        const value = outputs[name];
        problems.push(
            value === undefined
                ? `${where(name)} is missing: ${allowed} (e.g. ${example}); is ${networkStack} a network stack (stackKind: network), deployed with this program's version?`
                : `${where(name)} ${show(value)} is invalid: ${allowed} (e.g. ${example})`,
        );
    };
    const text = (name: string, pattern: RegExp, allowed: string, example: string): string => {
        const value = outputs[name];
        if (typeof value !== "string" || !pattern.test(value)) {
            bad(name, allowed, example);
            return "";
        }
        return value;
    };

    if (outputs.stackKind !== "network") {
        bad("stackKind", `"network": networkStack must name a network stack`, `"network"`);
    }
    const region = text("region", /^[a-z]{2}(-[a-z]+)+-\d$/, "an AWS region", `"us-east-1"`);
    if (region !== "" && region !== expectedRegion) {
        problems.push(
            `${where("region")} "${region}" is invalid: the agent stack's own region ${expectedRegion} (runtimes use the network stack's subnets and endpoints, which are regional) (e.g. "${expectedRegion}")`,
        );
    }
    const accountId = text("accountId", ACCOUNT_ID, "a 12-digit AWS account ID", `"123456789012"`);
    const vpcId = text("vpcId", VPC_ID, "a VPC ID", `"vpc-0a1b2c3d4e5f60718"`);
    const vpcCidr = text("vpcCidr", IPV4_CIDR, "the VPC's IPv4 CIDR", `"10.40.0.0/16"`);
    const runtimeSecurityGroupId = text(
        "runtimeSecurityGroupId",
        SECURITY_GROUP_ID,
        "a security group ID",
        `"sg-0a1b2c3d4e5f60718"`,
    );
    const endpointSecurityGroupId = text(
        "endpointSecurityGroupId",
        SECURITY_GROUP_ID,
        "a security group ID (a network stack owns its endpoints)",
        `"sg-0f1e2d3c4b5a69788"`,
    );

    const subnets = outputs.agentSubnetIds;
    let agentSubnetIds: string[] = [];
    if (
        !Array.isArray(subnets) ||
        subnets.length < MIN_AGENT_SUBNETS ||
        subnets.some((s) => typeof s !== "string" || !SUBNET_ID.test(s))
    ) {
        bad(
            "agentSubnetIds",
            `a list of at least ${MIN_AGENT_SUBNETS} subnet IDs`,
            `["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]`,
        );
    } else {
        agentSubnetIds = subnets as string[];
    }

    const endpoints = outputs.vpcEndpointIds;
    let vpcEndpointIds: Record<string, string> = {};
    if (
        typeof endpoints !== "object" ||
        endpoints === null ||
        Array.isArray(endpoints) ||
        Object.values(endpoints).some((id) => typeof id !== "string" || !VPC_ENDPOINT_ID.test(id)) ||
        !("bedrock-agentcore" in endpoints)
    ) {
        bad(
            "vpcEndpointIds",
            "a map of service suffix to VPC endpoint ID that includes bedrock-agentcore (the inbound fence names it)",
            `{ "bedrock-agentcore": "vpce-0a1b2c3d4e5f60718" }`,
        );
    } else {
        vpcEndpointIds = endpoints as Record<string, string>;
    }

    if (problems.length > 0) {
        return { problems };
    }
    return {
        problems,
        facts: {
            stackKind: "network",
            region,
            accountId,
            vpcId,
            vpcCidr,
            agentSubnetIds,
            runtimeSecurityGroupId,
            endpointSecurityGroupId,
            vpcEndpointIds,
        },
    };
}

/** Where the runtimes of an agent stack go, from the network stack's facts. */
export function runtimePlacement(facts: NetworkFacts): RuntimePlacement {
    return { subnetIds: facts.agentSubnetIds, securityGroupIds: [facts.runtimeSecurityGroupId] };
}

/**
 * What an agent stack's runtimes need from the network stack beyond the contract: runtimes
 * that read secrets reach Secrets Manager only through its interface endpoint, so the network
 * stack must list `secretsmanager` in `endpointServices`. Empty when the network serves them.
 */
export function agentNeedsProblems(
    networkStack: string,
    network: NetworkFacts,
    runtimes: readonly { readonly name: string; readonly secrets: Readonly<Record<string, unknown>> }[],
): string[] {
    const readers = runtimes.filter((r) => Object.keys(r.secrets).length > 0).map((r) => r.name);
    if (readers.length === 0 || network.vpcEndpointIds.secretsmanager) {
        return [];
    }
    return [
        `networkStack "${networkStack}" has no secretsmanager endpoint, which runtimes ${readers.join(", ")} read their secrets through: add it to the network stack's endpointServices (e.g. endpointServices: ["bedrock-runtime", "secretsmanager"]) and update that stack first`,
    ];
}
