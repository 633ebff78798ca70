/**
 * The security-group rule table of the agent network, as data. The component turns each
 * spec into one standalone `aws.vpc.SecurityGroup{Ingress,Egress}Rule`; the tests and
 * docs/network.md read the same table. Pure.
 */
import { NetworkConfig } from "../config/types";

/** Everything the agents talk to (endpoints, S3) is HTTPS. */
export const HTTPS_PORT = 443;
export const TCP = "tcp";

export type SecurityGroupRole = "runtime" | "endpoint";

/** Who a rule admits or reaches. */
export type RulePeer =
    /** Another of this component's security groups. */
    | { readonly kind: "securityGroup"; readonly group: SecurityGroupRole }
    /** A CIDR known from config. */
    | { readonly kind: "cidr"; readonly cidr: string }
    /** The VPC's primary CIDR: vpcCidr when created, looked up when adopted. */
    | { readonly kind: "vpcCidr" }
    /** The region's AWS-managed S3 prefix list (where the S3 gateway endpoint routes). */
    | { readonly kind: "s3PrefixList" };

export interface SecurityGroupRuleSpec {
    /** Logical-name role, appended to the component name, e.g. `runtime-egress-endpoints`. */
    readonly role: string;
    readonly group: SecurityGroupRole;
    readonly direction: "ingress" | "egress";
    readonly peer: RulePeer;
    readonly protocol: typeof TCP;
    readonly port: typeof HTTPS_PORT;
    /** EC2 allows only a-zA-Z0-9, spaces and ._-:/()#,@[]+=;{}!$* here. */
    readonly description: string;
}

/** Security group descriptions; changing one replaces the group, so they are fixed text. */
export const SECURITY_GROUP_DESCRIPTIONS: Readonly<Record<SecurityGroupRole, string>> = {
    runtime: "AgentCore runtime ENIs: egress HTTPS to the VPC endpoints and the S3 prefix list only",
    endpoint: "VPC interface endpoints: ingress HTTPS from the AgentCore runtimes and listed client CIDRs only",
};

/** A CIDR as a logical-name fragment: 10.30.8.0/22 → 10-30-8-0-22. */
export function cidrSlug(cidr: string): string {
    return cidr.replace(/[./]/g, "-");
}

/**
 * The rules, decided from plain config only. With endpoints: runtime → endpoint SG and S3
 * on 443; endpoint SG ← runtime SG and each client CIDR on 443; the endpoint SG has no
 * egress at all (interface endpoints answer on the connection, they never initiate).
 * Without endpoints (another stack owns them in a shared VPC, behind its own SG): runtime
 * → VPC CIDR and S3 on 443, and no endpoint SG.
 */
export function securityGroupRules(
    network: Pick<NetworkConfig, "createEndpoints" | "endpointClientCidrs">,
): SecurityGroupRuleSpec[] {
    const https = { protocol: TCP, port: HTTPS_PORT } as const;
    const s3: SecurityGroupRuleSpec = {
        role: "runtime-egress-s3",
        group: "runtime",
        direction: "egress",
        peer: { kind: "s3PrefixList" },
        ...https,
        description: "HTTPS to S3 through the gateway endpoint (ECR image layers)",
    };
    if (!network.createEndpoints) {
        return [
            {
                role: "runtime-egress-vpc",
                group: "runtime",
                direction: "egress",
                peer: { kind: "vpcCidr" },
                ...https,
                description: "HTTPS to the shared VPC endpoints owned by another stack in this VPC",
            },
            s3,
        ];
    }
    // A Set keeps one rule per CIDR even if the list repeats one (same logical name otherwise).
    const clients = [...new Set(network.endpointClientCidrs)];
    return [
        {
            role: "runtime-egress-endpoints",
            group: "runtime",
            direction: "egress",
            peer: { kind: "securityGroup", group: "endpoint" },
            ...https,
            description: "HTTPS to the VPC interface endpoints (ECR, logs, AgentCore and configured services)",
        },
        s3,
        {
            role: "endpoint-ingress-runtime",
            group: "endpoint",
            direction: "ingress",
            peer: { kind: "securityGroup", group: "runtime" },
            ...https,
            description: "HTTPS from the AgentCore runtime ENIs",
        },
        ...clients.map((cidr): SecurityGroupRuleSpec => ({
            role: `endpoint-ingress-client-${cidrSlug(cidr)}`,
            group: "endpoint",
            direction: "ingress",
            peer: { kind: "cidr", cidr },
            ...https,
            description: `HTTPS from endpoint clients in ${cidr}`,
        })),
    ];
}
