/**
 * No security group accepts traffic from the whole internet. The agents and their
 * endpoints are private: callers reach them from inside the VPC (or over PrivateLink), so a
 * /0 source is always a mistake.
 */
import { ResourceValidationPolicy } from "@pulumi/policy";
import { securityGroupRules } from "./securityGroupRules";
import { describe, isWorldCidr, plainProps } from "./values";

/** One message per ingress rule that admits 0.0.0.0/0 or ::/0. */
export function publicIngressProblems(type: string, props: Record<string, unknown>): string[] {
    return securityGroupRules(type, props)
        .filter((rule) => rule.direction === "ingress")
        .flatMap((rule) =>
            rule.cidrs
                .filter(isWorldCidr)
                .map(
                    (cidr) =>
                        `allows ingress from ${cidr} in ${rule.where}: restrict ${rule.cidrFields} to the VPC or client CIDRs that need access, or reference the caller's security group instead`,
                ),
        );
}

export const noPublicIngress: ResourceValidationPolicy = {
    name: "security-group-no-public-ingress",
    description: "Security groups and their rules never allow ingress from 0.0.0.0/0 or ::/0.",
    enforcementLevel: "mandatory",
    severity: "critical",
    validateResource: (args, reportViolation) => {
        for (const problem of publicIngressProblems(args.type, plainProps(args.props))) {
            reportViolation(`${describe(args.type, args.name)} ${problem}.`);
        }
    },
};
