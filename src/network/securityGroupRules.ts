/**
 * The security-group rule table of the agent network, as data. The component turns each
 * spec into one standalone `aws.vpc.SecurityGroup{Ingress,Egress}Rule`; the tests and
 * docs/network.md read the same table. Pure.
 */
import { NFS_PORT } from "../aws/agentcore";
import { PrivateEndpointConfig, RuntimeConfig } from "../config/types";
import type { NetworkConfig } from "./config";

/** Everything the agents talk to (endpoints, S3) is HTTPS. */
export const HTTPS_PORT = 443;
export const TCP = "tcp";
export { NFS_PORT };

/**
 * `identityProvider`: the security group of the VPC Lattice resource gateway AgentCore creates
 * for a managed private endpoint (authorizer.privateEndpoint.managed); only with one.
 */
export type SecurityGroupRole = "runtime" | "endpoint" | "identityProvider";

/** Who a rule admits or reaches. */
export type RulePeer =
    /** Another of this component's security groups. */
    | { readonly kind: "securityGroup"; readonly group: SecurityGroupRole }
    /** A CIDR known from config. */
    | { readonly kind: "cidr"; readonly cidr: string }
    /** A security group this stack does not own, by ID (a file system's mount targets). */
    | { readonly kind: "externalSecurityGroup"; readonly id: string }
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
    readonly port: typeof HTTPS_PORT | typeof NFS_PORT;
    /** EC2 allows only a-zA-Z0-9, spaces and ._-:/()#,@[]+=;{}!$* here. */
    readonly description: string;
}

/** Logical-name roles of the groups, appended to the component name (never changed once shipped). */
export const SECURITY_GROUP_NAMES: Readonly<Record<SecurityGroupRole, string>> = {
    runtime: "runtime-sg",
    endpoint: "endpoint-sg",
    identityProvider: "identity-provider-sg",
};

/** Security group descriptions; changing one replaces the group, so they are fixed text. */
export const SECURITY_GROUP_DESCRIPTIONS: Readonly<Record<SecurityGroupRole, string>> = {
    runtime: "AgentCore runtime ENIs: egress HTTPS to the VPC endpoints and the S3 prefix list only",
    endpoint: "VPC interface endpoints: ingress HTTPS from the AgentCore runtimes and listed client CIDRs only",
    identityProvider:
        "AgentCore VPC Lattice resource gateway to the private identity provider: egress HTTPS to its CIDRs only",
};

/** What the runtimes' capabilities add to the network: NFS mounts and a private identity-provider path. */
export interface CapabilityPaths {
    /** Mount-target security groups the runtimes reach on NFS. */
    readonly nfsSecurityGroupIds: readonly string[];
    /** Some file system names no mount-target group: NFS goes to the VPC CIDR. */
    readonly nfsToVpc: boolean;
    /** Some runtime has a managed private endpoint: the identityProvider group exists. */
    readonly identityProvider: boolean;
    /** CIDRs the identity provider answers in; with `identityProviderToVpc`, the VPC CIDR too. */
    readonly identityProviderCidrs: readonly string[];
    readonly identityProviderToVpc: boolean;
}

/** The network paths the configured runtimes need, decided from plain config. */
export function capabilityPaths(
    runtimes: readonly Pick<RuntimeConfig, "filesystems" | "authorizer">[],
): CapabilityPaths {
    const mounts = runtimes.flatMap((r) => r.filesystems).filter((f) => f.kind === "efs" || f.kind === "s3Files");
    const managed = runtimes
        .flatMap((r): (PrivateEndpointConfig | undefined)[] => [
            r.authorizer?.privateEndpoint,
            ...(r.authorizer?.privateEndpointOverrides ?? []).map((o) => o.privateEndpoint),
        ])
        .filter((e): e is Extract<PrivateEndpointConfig, { kind: "managed" }> => e?.kind === "managed");
    return {
        nfsSecurityGroupIds: [
            ...new Set(
                mounts.flatMap((f) =>
                    "mountTargetSecurityGroupId" in f && f.mountTargetSecurityGroupId
                        ? [f.mountTargetSecurityGroupId]
                        : [],
                ),
            ),
        ],
        nfsToVpc: mounts.some((f) => !("mountTargetSecurityGroupId" in f) || !f.mountTargetSecurityGroupId),
        identityProvider: managed.length > 0,
        identityProviderCidrs: [...new Set(managed.flatMap((e) => e.idpCidrs))],
        identityProviderToVpc: managed.some((e) => e.idpCidrs.length === 0),
    };
}

const NO_PATHS: CapabilityPaths = {
    nfsSecurityGroupIds: [],
    nfsToVpc: false,
    identityProvider: false,
    identityProviderCidrs: [],
    identityProviderToVpc: false,
};

/**
 * The rules the capabilities add: runtime NFS (TCP 2049) egress to each mount-target group, or
 * to the VPC CIDR; the identity-provider group's HTTPS egress to the IdP's CIDRs (or the VPC
 * CIDR). Nothing ingress: NFS and the IdP answer on the connection the runtime or the
 * resource gateway opens. Never a public CIDR (config keeps idpCidrs private and in the VPC).
 */
export function capabilityRules(paths: CapabilityPaths): SecurityGroupRuleSpec[] {
    const runtimeNfs = tcpRules("runtime", "egress", NFS_PORT);
    const identityProviderHttps = tcpRules("identityProvider", "egress", HTTPS_PORT);
    const rules: SecurityGroupRuleSpec[] = [];
    if (paths.nfsToVpc) {
        rules.push(
            runtimeNfs(
                "runtime-egress-nfs-vpc",
                { kind: "vpcCidr" },
                "NFS to EFS or S3 Files mount targets inside the VPC",
            ),
        );
    }
    for (const id of paths.nfsSecurityGroupIds) {
        rules.push(
            runtimeNfs(
                `runtime-egress-nfs-${id}`,
                { kind: "externalSecurityGroup", id },
                `NFS to the file system mount targets in ${id}`,
            ),
        );
    }
    if (paths.identityProvider) {
        if (paths.identityProviderToVpc) {
            rules.push(
                identityProviderHttps(
                    "identity-provider-egress-vpc",
                    { kind: "vpcCidr" },
                    "HTTPS to the private identity provider inside the VPC",
                ),
            );
        }
        for (const cidr of paths.identityProviderCidrs) {
            rules.push(
                identityProviderHttps(
                    `identity-provider-egress-${cidrSlug(cidr)}`,
                    { kind: "cidr", cidr },
                    `HTTPS to the private identity provider in ${cidr}`,
                ),
            );
        }
    }
    return rules;
}

/** The rules of one group in one direction on one TCP port: each names its role, peer and description. */
function tcpRules(group: SecurityGroupRole, direction: "ingress" | "egress", port: SecurityGroupRuleSpec["port"]) {
    return (role: string, peer: RulePeer, description: string): SecurityGroupRuleSpec => ({
        role,
        group,
        direction,
        peer,
        protocol: TCP,
        port,
        description,
    });
}

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
    paths: CapabilityPaths = NO_PATHS,
): SecurityGroupRuleSpec[] {
    return [...baseRules(network), ...capabilityRules(paths)];
}

function baseRules(network: Pick<NetworkConfig, "createEndpoints" | "endpointClientCidrs">): SecurityGroupRuleSpec[] {
    const runtimeHttps = tcpRules("runtime", "egress", HTTPS_PORT);
    const endpointHttps = tcpRules("endpoint", "ingress", HTTPS_PORT);
    const s3 = runtimeHttps(
        "runtime-egress-s3",
        { kind: "s3PrefixList" },
        "HTTPS to S3 through the gateway endpoint (ECR image layers)",
    );
    if (!network.createEndpoints) {
        return [
            runtimeHttps(
                "runtime-egress-vpc",
                { kind: "vpcCidr" },
                "HTTPS to the shared VPC endpoints owned by another stack in this VPC",
            ),
            s3,
        ];
    }
    // A Set keeps one rule per CIDR even if the list repeats one (same logical name otherwise).
    const clients = [...new Set(network.endpointClientCidrs)];
    return [
        runtimeHttps(
            "runtime-egress-endpoints",
            { kind: "securityGroup", group: "endpoint" },
            "HTTPS to the VPC interface endpoints (ECR, logs, AgentCore and configured services)",
        ),
        s3,
        endpointHttps(
            "endpoint-ingress-runtime",
            { kind: "securityGroup", group: "runtime" },
            "HTTPS from the AgentCore runtime ENIs",
        ),
        ...clients.map((cidr) =>
            endpointHttps(
                `endpoint-ingress-client-${cidrSlug(cidr)}`,
                { kind: "cidr", cidr },
                `HTTPS from endpoint clients in ${cidr}`,
            ),
        ),
    ];
}

/**
 * What config must refuse so that no security group the rules above make exceeds AWS's quota
 * of rules per group and direction (src/aws/limits.ts, COUNT_LIMITS.rulesPerSecurityGroup;
 * every rule here is IPv4, each peer counts 1, the S3 prefix list weighs 1). One problem per
 * group and direction over the quota, naming the key whose list fills it. The runtime group
 * needs no check: its HTTPS rules, the VPC's NFS rule and one per mount-target group of at most
 * 2 runtimes x 5 file systems stay far below the quota by construction. Pure.
 */
export function securityGroupQuotaProblems(
    network: Pick<NetworkConfig, "createEndpoints" | "endpointClientCidrs">,
    runtimes: readonly Pick<RuntimeConfig, "filesystems" | "authorizer">[],
    quota: number,
): { key: string; value: unknown; allowed: string; example: string }[] {
    const counts = new Map<string, number>();
    for (const rule of securityGroupRules(network, capabilityPaths(runtimes))) {
        const key = `${rule.group}/${rule.direction}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const over = (group: SecurityGroupRole, direction: "ingress" | "egress") => {
        const n = counts.get(`${group}/${direction}`) ?? 0;
        return n > quota ? n : undefined;
    };
    const problems: { key: string; value: unknown; allowed: string; example: string }[] = [];
    const clients = over("endpoint", "ingress");
    if (clients !== undefined) {
        const others = clients - new Set(network.endpointClientCidrs).size;
        problems.push({
            key: "endpointClientCidrs",
            value: `${network.endpointClientCidrs.length} CIDRs`,
            allowed: `at most ${quota - others} distinct CIDRs: each is one inbound rule of the endpoint security group beside the runtimes' rule, and AWS allows ${quota} inbound rules per security group (Amazon VPC quotas); list wider ranges instead`,
            example: `["10.0.8.0/21"]`,
        });
    }
    const idp = over("identityProvider", "egress");
    if (idp !== undefined) {
        problems.push({
            key: "runtimes[].authorizer idpCidrs",
            value: `${idp} egress rules`,
            allowed: `at most ${quota} distinct idpCidrs (with the VPC CIDR when one managed endpoint lists none) across the runtimes: each is one outbound rule of the identity-provider security group, and AWS allows ${quota} per security group (Amazon VPC quotas)`,
            example: `["10.0.12.0/22"]`,
        });
    }
    return problems;
}
