/**
 * No all-protocol egress to the internet. A rule with protocol `-1` (or `all`) to a /0
 * destination lets anything inside talk to anything outside on any port; the runtimes need
 * only TCP 443 to the VPC endpoints and the S3 prefix list.
 */
import { ResourceValidationPolicy } from "@pulumi/policy";
import { isAllProtocols, securityGroupRules } from "./securityGroupRules";
import { describe, isWorldCidr, plainProps } from "./values";

/** One message per egress rule that sends every protocol to 0.0.0.0/0 or ::/0. */
export function openEgressProblems(type: string, props: Record<string, unknown>): string[] {
    return securityGroupRules(type, props)
        .filter((rule) => rule.direction === "egress" && isAllProtocols(rule.protocol))
        .flatMap((rule) =>
            rule.cidrs
                .filter(isWorldCidr)
                .map(
                    (cidr) =>
                        `allows all-protocol egress (${rule.protocolField} ${JSON.stringify(rule.protocol)}) to ${cidr} in ${rule.where}: allow only TCP 443 to the VPC endpoint security group and the S3 prefix list, or narrow ${rule.cidrFields} to the destinations that are needed`,
                ),
        );
}

export const noOpenEgress: ResourceValidationPolicy = {
    name: "security-group-no-all-protocol-internet-egress",
    description: "Security groups and their rules never allow all-protocol (-1) egress to 0.0.0.0/0 or ::/0.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: (args, reportViolation) => {
        for (const problem of openEgressProblems(args.type, plainProps(args.props))) {
            reportViolation(`${describe(args.type, args.name)} ${problem}.`);
        }
    },
};
