/**
 * Rules for the 2026 runtime capabilities (docs/runtime-capabilities.md):
 * - a JWT runtime in production restricts tokens to an audience or a client, or any token
 *   the issuer signs (for any application) would be accepted;
 * - NFS (TCP 2049) egress, the file-system path, never goes to a public range;
 * - a file-system grant names its file system and access point: no wildcard resource, and
 *   the access-point condition on every mount.
 */
import { isPublicCidr } from "./cidr";
import { parseDocument } from "./iamDocument";
import { isProduction } from "./productionProtected";
import { problemRule } from "./rule";
import { isAllProtocols, normalizedSecurityGroupRules } from "./securityGroupRules";
import { TYPES } from "./types";
import { isUnknown, list, record } from "./values";
import { ResourceValidationPolicy } from "@pulumi/policy";

const NFS_PORT = 2049;

/** The authorizer's audiences and clients, under either provider's names. */
function jwtRestrictions(props: Record<string, unknown>): { jwt: boolean; restricted: boolean } {
    const jwt = record(record(props.authorizerConfiguration)?.customJwtAuthorizer);
    if (!jwt) {
        return { jwt: false, restricted: true };
    }
    const values = [jwt.allowedAudience, jwt.allowedAudiences, jwt.allowedClients];
    // An unknown list is judged when it is known.
    const restricted = values.some((v) => isUnknown(v) || list(v).length > 0);
    return { jwt: true, restricted };
}

export const productionJwtRestricted: ResourceValidationPolicy = {
    name: "production-jwt-runtime-restricted",
    description:
        "In production, an AgentCore runtime (aws and aws-native) with a custom JWT authorizer accepts only tokens for listed audiences or clients.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: (args, reportViolation) => {
        if (![TYPES.nativeRuntime, TYPES.classicRuntime].includes(args.type as never)) {
            return;
        }
        const props = args.props as Record<string, unknown>;
        if (!isProduction(args.urn, props)) {
            return;
        }
        const { jwt, restricted } = jwtRestrictions(props);
        if (jwt && !restricted) {
            reportViolation(
                `${args.type} "${args.name}" has a JWT authorizer with neither allowed audiences nor allowed clients, so any token its issuer signs is accepted: set runtimes[i].authorizer.allowedAudience or allowedClients.`,
            );
        }
    },
};

/** True when the rule's protocol and ports can carry NFS. */
function carriesNfs(protocol: unknown, fromPort: unknown, toPort: unknown): boolean {
    if (isAllProtocols(protocol)) {
        return true;
    }
    const p = typeof protocol === "string" ? protocol.toLowerCase() : String(protocol);
    if (p !== "tcp" && p !== "6") {
        return false;
    }
    const from = typeof fromPort === "number" ? fromPort : 0;
    const to = typeof toPort === "number" ? toPort : 65535;
    return from <= NFS_PORT && NFS_PORT <= to;
}

export function nfsEgressProblems(type: string, props: Record<string, unknown>): string[] {
    return normalizedSecurityGroupRules(type, props)
        .filter((rule) => rule.direction === "egress" && carriesNfs(rule.protocol, rule.fromPort, rule.toPort))
        .flatMap((rule) =>
            rule.cidrs
                .filter(isPublicCidr)
                .map(
                    (cidr) =>
                        `allows NFS (TCP ${NFS_PORT}) egress to ${cidr} in ${rule.where}, which is not a private range: a file system's mount targets are inside the VPC, so send NFS to their security group or the VPC CIDR only`,
                ),
        );
}

export const nfsEgressInVpc = problemRule({
    name: "nfs-egress-stays-in-vpc",
    description:
        "Security group egress that can carry NFS (TCP 2049, or all protocols) never goes to a public CIDR: mount targets are in the VPC.",
    severity: "high",
    problems: nfsEgressProblems,
});

const MOUNT_CONDITIONS: Readonly<Record<string, string>> = {
    elasticfilesystem: "elasticfilesystem:accesspointarn",
    s3files: "s3files:accesspointarn",
};

/** The problems of one policy document's file-system mount statements. */
export function filesystemGrantProblems(document: unknown): string[] {
    const parsed = parseDocument(document);
    if (parsed.kind !== "ok") {
        return [];
    }
    return parsed.statements.flatMap((s) => {
        if (s.effect !== "Allow") {
            return [];
        }
        const services = s.actions
            .filter((a): a is string => typeof a === "string")
            .map((a) => a.toLowerCase())
            .filter(
                (a) =>
                    /^(elasticfilesystem|s3files):client/.test(a) ||
                    a === "elasticfilesystem:*" ||
                    a === "s3files:*" ||
                    a === "*",
            )
            .map((a) => (a === "*" ? "elasticfilesystem" : a.split(":")[0]));
        if (services.length === 0) {
            return [];
        }
        const problems: string[] = [];
        const wildcard = s.resources.find(
            (r) => typeof r === "string" && (r === "*" || /file-system\/\*|:\*$/.test(r)),
        );
        if (s.notResource || wildcard !== undefined) {
            problems.push(
                `grants NFS client access (${s.label}) on ${s.notResource ? "NotResource" : String(wildcard)}: name the file system's ARN`,
            );
        }
        const condition = isUnknown(s.condition) ? undefined : (s.condition as Record<string, unknown> | undefined);
        const keys = Object.values(condition ?? {}).flatMap((block) =>
            Object.keys(record(block) ?? {}).map((k) => k.toLowerCase()),
        );
        for (const service of new Set(services)) {
            if (!isUnknown(s.condition) && !keys.includes(MOUNT_CONDITIONS[service])) {
                problems.push(
                    `grants NFS client access (${s.label}) without a ${MOUNT_CONDITIONS[service].replace("accesspointarn", "AccessPointArn")} condition: mounts must go through the runtime's access point`,
                );
            }
        }
        return problems;
    });
}

/** A runtime mounts only its own account's access points: the account of its execution role. */
export function runtimeMountAccountProblems(props: Record<string, unknown>): string[] {
    const role = props.roleArn;
    if (typeof role !== "string") {
        return [];
    }
    const account = role.split(":")[4];
    return list(props.filesystemConfigurations).flatMap((entry, i) => {
        const arns = Object.values(record(entry) ?? {}).map((v) => record(v)?.accessPointArn);
        return arns
            .filter((arn): arn is string => typeof arn === "string" && arn.split(":")[4] !== account)
            .map(
                (arn) =>
                    `mounts ${arn} (filesystemConfigurations[${i}]), which is not in the execution role's account ${account}: mount this account's access points only`,
            );
    });
}

const GRANT_TYPES: readonly string[] = [
    TYPES.rolePolicy,
    TYPES.policy,
    TYPES.nativeRolePolicy,
    TYPES.nativeManagedPolicy,
];
const RUNTIMES: readonly string[] = [TYPES.nativeRuntime, TYPES.classicRuntime];

export const filesystemGrantsScoped = problemRule({
    name: "filesystem-grants-scoped",
    description:
        "IAM policies that grant EFS or S3 Files client (mount) access name the file system and require the access point (AccessPointArn condition); runtimes mount only access points of their role's account.",
    severity: "high",
    problems: (type, props) =>
        GRANT_TYPES.includes(type)
            ? filesystemGrantProblems(props.policy ?? props.policyDocument)
            : RUNTIMES.includes(type)
              ? runtimeMountAccountProblems(props)
              : [],
});
