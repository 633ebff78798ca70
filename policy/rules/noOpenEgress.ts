/**
 * No all-protocol egress to the internet. A rule with protocol `-1` (or `all`) to a public
 * destination lets anything inside talk to anything outside on any port; the runtimes need
 * only TCP 443 to the VPC endpoints and the S3 prefix list. "Public" is any CIDR not
 * entirely inside a private range, so `0.0.0.0/1` + `128.0.0.0/1` is caught like `0.0.0.0/0`.
 */
import { isPublicCidr } from "./cidr";
import { problemRule } from "./rule";
import { isAllProtocols, normalizedSecurityGroupRules } from "./securityGroupRules";
import {} from "./values";

/** One message per public destination of an all-protocol egress rule. */
export function openEgressProblems(type: string, props: Record<string, unknown>): string[] {
    return normalizedSecurityGroupRules(type, props)
        .filter((rule) => rule.direction === "egress" && isAllProtocols(rule.protocol))
        .flatMap((rule) =>
            rule.cidrs
                .filter(isPublicCidr)
                .map(
                    (cidr) =>
                        `allows all-protocol egress (${rule.protocolField} ${JSON.stringify(rule.protocol)}) to ${cidr} in ${rule.where}, which is not a private range: allow only TCP 443 to the VPC endpoint security group and the S3 prefix list, or narrow ${rule.cidrFields} to the destinations that are needed`,
                ),
        );
}

export const noOpenEgress = problemRule({
    name: "security-group-no-all-protocol-internet-egress",
    description:
        "Security groups and their rules (aws and aws-native) never allow all-protocol (-1) egress to a public CIDR (0.0.0.0/0, ::/0 or any other non-private range).",
    severity: "high",
    problems: openEgressProblems,
});
