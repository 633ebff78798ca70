/**
 * Every way the AWS provider can express a security group rule, reduced to one shape:
 * the standalone rules (aws.vpc.SecurityGroupIngressRule / EgressRule with `ipProtocol`,
 * `cidrIpv4`, `cidrIpv6`; aws.ec2.SecurityGroupRule with `type`, `protocol`, `cidrBlocks`,
 * `ipv6CidrBlocks`) and the inline `ingress` / `egress` blocks of aws.ec2.SecurityGroup and
 * aws.ec2.DefaultSecurityGroup (`protocol`, `cidrBlocks`, `ipv6CidrBlocks`).
 */
import { TYPES } from "./types";
import { isUnknown, list, record } from "./values";

export interface NormalizedRule {
    readonly direction: "ingress" | "egress";
    /** Where in the resource the rule is, for the message (e.g. `ingress[1]`). */
    readonly where: string;
    /** The property names to change, for the fix. */
    readonly cidrFields: string;
    readonly protocolField: string;
    readonly protocol: unknown;
    readonly cidrs: readonly unknown[];
}

/** `-1` and `all` both mean every protocol (and every port). */
export function isAllProtocols(protocol: unknown): boolean {
    return typeof protocol === "string" && ["-1", "all"].includes(protocol.trim().toLowerCase());
}

function inlineRules(props: Record<string, unknown>, direction: "ingress" | "egress"): NormalizedRule[] {
    const blocks = props[direction];
    if (isUnknown(blocks)) {
        return [];
    }
    return list(blocks).flatMap((block, i) => {
        const b = record(block);
        if (!b) {
            return [];
        }
        return [
            {
                direction,
                where: `${direction}[${i}]`,
                cidrFields: "cidrBlocks / ipv6CidrBlocks",
                protocolField: "protocol",
                protocol: b.protocol,
                cidrs: [...list(b.cidrBlocks), ...list(b.ipv6CidrBlocks)],
            },
        ];
    });
}

/** The rules a resource declares; empty for any other resource type. */
export function securityGroupRules(type: string, props: Record<string, unknown>): NormalizedRule[] {
    switch (type) {
        case TYPES.ingressRule:
        case TYPES.egressRule:
            return [
                {
                    direction: type === TYPES.ingressRule ? "ingress" : "egress",
                    where: "the rule",
                    cidrFields: "cidrIpv4 / cidrIpv6",
                    protocolField: "ipProtocol",
                    protocol: props.ipProtocol,
                    cidrs: [props.cidrIpv4, props.cidrIpv6].filter((c) => c !== undefined),
                },
            ];
        case TYPES.securityGroupRule: {
            const direction = props.type;
            if (direction !== "ingress" && direction !== "egress") {
                return [];
            }
            return [
                {
                    direction,
                    where: `the ${direction} rule`,
                    cidrFields: "cidrBlocks / ipv6CidrBlocks",
                    protocolField: "protocol",
                    protocol: props.protocol,
                    cidrs: [...list(props.cidrBlocks), ...list(props.ipv6CidrBlocks)],
                },
            ];
        }
        case TYPES.securityGroup:
        case TYPES.defaultSecurityGroup:
            return [...inlineRules(props, "ingress"), ...inlineRules(props, "egress")];
        default:
            return [];
    }
}
