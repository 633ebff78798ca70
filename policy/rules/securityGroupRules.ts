/**
 * Every way the providers can express a security group rule, reduced to one shape. The
 * table below says, per resource type, where the rules are and which properties hold the
 * protocol and the CIDRs:
 * - standalone rules: aws.vpc.SecurityGroupIngressRule / EgressRule (`ipProtocol`,
 *   `cidrIpv4`, `cidrIpv6`), aws.ec2.SecurityGroupRule (`type`, `protocol`, `cidrBlocks`,
 *   `ipv6CidrBlocks`), aws-native ec2.SecurityGroupIngress / Egress (`ipProtocol`, `cidrIp`,
 *   `cidrIpv6`);
 * - inline blocks: `ingress` / `egress` of aws.ec2.SecurityGroup and DefaultSecurityGroup
 *   (`protocol`, `cidrBlocks`, `ipv6CidrBlocks`), `securityGroupIngress` /
 *   `securityGroupEgress` of aws-native ec2.SecurityGroup (`ipProtocol`, `cidrIp`, `cidrIpv6`).
 */
import { TYPES } from "./types";
import { isUnknown, list, record } from "./values";

export type Direction = "ingress" | "egress";

export interface NormalizedRule {
    readonly direction: Direction;
    /** Where in the resource the rule is, for the message (e.g. `ingress[1]`). */
    readonly where: string;
    /** The property names to change, for the fix. */
    readonly cidrFields: string;
    readonly protocolField: string;
    readonly protocol: unknown;
    /** Every CIDR the rule names; an element may be `UNKNOWN` during a preview. */
    readonly cidrs: readonly unknown[];
    /** The port range (every shape names it fromPort / toPort); unknown or absent as given. */
    readonly fromPort: unknown;
    readonly toPort: unknown;
}

/** The property names of one rule shape. */
interface RuleFields {
    readonly protocol: string;
    readonly cidrs: readonly string[];
}

const CLASSIC_BLOCK: RuleFields = { protocol: "protocol", cidrs: ["cidrBlocks", "ipv6CidrBlocks"] };
const VPC_RULE: RuleFields = { protocol: "ipProtocol", cidrs: ["cidrIpv4", "cidrIpv6"] };
const NATIVE_RULE: RuleFields = { protocol: "ipProtocol", cidrs: ["cidrIp", "cidrIpv6"] };

type Source =
    /** The resource is one rule; its direction is fixed or read from a property. */
    | { readonly kind: "rule"; readonly direction: Direction | { readonly field: string }; readonly fields: RuleFields }
    /** The resource holds lists of rules, one property per direction. */
    | { readonly kind: "inline"; readonly lists: Readonly<Record<Direction, string>>; readonly fields: RuleFields };

const SOURCES: Readonly<Record<string, Source>> = {
    [TYPES.ingressRule]: { kind: "rule", direction: "ingress", fields: VPC_RULE },
    [TYPES.egressRule]: { kind: "rule", direction: "egress", fields: VPC_RULE },
    [TYPES.securityGroupRule]: { kind: "rule", direction: { field: "type" }, fields: CLASSIC_BLOCK },
    [TYPES.securityGroup]: { kind: "inline", lists: { ingress: "ingress", egress: "egress" }, fields: CLASSIC_BLOCK },
    [TYPES.defaultSecurityGroup]: {
        kind: "inline",
        lists: { ingress: "ingress", egress: "egress" },
        fields: CLASSIC_BLOCK,
    },
    [TYPES.nativeIngressRule]: { kind: "rule", direction: "ingress", fields: NATIVE_RULE },
    [TYPES.nativeEgressRule]: { kind: "rule", direction: "egress", fields: NATIVE_RULE },
    [TYPES.nativeSecurityGroup]: {
        kind: "inline",
        lists: { ingress: "securityGroupIngress", egress: "securityGroupEgress" },
        fields: NATIVE_RULE,
    },
};

/** The resource types that carry security group rules. */
export const SECURITY_GROUP_RULE_TYPES: readonly string[] = Object.keys(SOURCES);

/** `-1` and `all` both mean every protocol (and every port). */
export function isAllProtocols(protocol: unknown): boolean {
    return typeof protocol === "string" && ["-1", "all"].includes(protocol.trim().toLowerCase());
}

function normalize(
    direction: Direction,
    where: string,
    fields: RuleFields,
    rule: Record<string, unknown>,
): NormalizedRule {
    return {
        direction,
        where,
        cidrFields: fields.cidrs.join(" / "),
        protocolField: fields.protocol,
        protocol: rule[fields.protocol],
        // list() keeps an unknown list as one UNKNOWN element: nothing known to judge.
        cidrs: fields.cidrs.flatMap((field) => list(rule[field])),
        fromPort: rule.fromPort,
        toPort: rule.toPort,
    };
}

/** The rules a resource declares; empty for any other resource type. */
export function normalizedSecurityGroupRules(type: string, props: Record<string, unknown>): NormalizedRule[] {
    const source = SOURCES[type];
    if (!source) {
        return [];
    }
    if (source.kind === "rule") {
        const direction = typeof source.direction === "string" ? source.direction : props[source.direction.field];
        if (direction !== "ingress" && direction !== "egress") {
            // Unknown during preview, or invalid: nothing to judge.
            return [];
        }
        const where = typeof source.direction === "string" ? "the rule" : `the ${direction} rule`;
        return [normalize(direction, where, source.fields, props)];
    }
    return (["ingress", "egress"] as const).flatMap((direction) => {
        const field = source.lists[direction];
        const blocks = props[field];
        if (isUnknown(blocks)) {
            return [];
        }
        return list(blocks).flatMap((block, i) => {
            const b = record(block);
            // An unknown block is judged when it is known, at the update.
            return b ? [normalize(direction, `${field}[${i}]`, source.fields, b)] : [];
        });
    });
}
