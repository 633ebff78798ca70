/**
 * No security group accepts traffic from outside the private address space. The agents and
 * their endpoints are private: callers reach them from inside the VPC (or over PrivateLink).
 * Any source CIDR not entirely inside a private range is rejected, not only `/0`: the
 * internet split into pieces (`0.0.0.0/1` + `128.0.0.0/1`) is still the internet.
 */
import { PRIVATE_RANGE_LIST, isPublicCidr } from "./cidr";
import { problemRule } from "./rule";
import { normalizedSecurityGroupRules } from "./securityGroupRules";
import {} from "./values";

/** One message per public source CIDR of an ingress rule. */
export function publicIngressProblems(type: string, props: Record<string, unknown>): string[] {
    return normalizedSecurityGroupRules(type, props)
        .filter((rule) => rule.direction === "ingress")
        .flatMap((rule) =>
            rule.cidrs
                .filter(isPublicCidr)
                .map(
                    (cidr) =>
                        `allows ingress from ${cidr} in ${rule.where}, which is not inside a private range (${PRIVATE_RANGE_LIST}): restrict ${rule.cidrFields} to the VPC or client CIDRs that need access, or reference the caller's security group instead`,
                ),
        );
}

export const noPublicIngress = problemRule({
    name: "security-group-no-public-ingress",
    description: `Security groups and their rules (aws and aws-native) allow ingress only from private CIDRs (${PRIVATE_RANGE_LIST}) or security groups.`,
    severity: "critical",
    problems: publicIngressProblems,
});
