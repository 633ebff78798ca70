/**
 * In production, the resources whose loss cannot be undone by re-running the program are
 * protected: the KMS key (deleting it makes everything it encrypted unreadable), log groups
 * (evidence), runtimes and runtime endpoints (callers hold their ARNs; a replacement gets a
 * new ID). A resource is production when its `tags.Environment` is "production" or the
 * stack itself is named production (read from the URN). The policy args expose `protect`
 * but not `retainOnDelete`, so protect is what is checked.
 */
import { ResourceValidationPolicy } from "@pulumi/policy";
import { RUNTIME_ENDPOINT_TYPES, RUNTIME_TYPES, TYPES } from "./types";
import { describe, plainProps, stackOfUrn, tagValue } from "./values";
import { PRODUCTION } from "../../src/aws/agentcore";

export { PRODUCTION };

/** The resource types whose deletion loses state. */
export const STATEFUL_TYPES: readonly string[] = [
    TYPES.kmsKey,
    TYPES.nativeKmsKey,
    TYPES.logGroup,
    TYPES.nativeLogGroup,
    ...RUNTIME_TYPES,
    ...RUNTIME_ENDPOINT_TYPES,
];

/**
 * True when the resource is tagged Environment=production (a tag map, or aws-native's
 * `[{ key, value }]` list) or lives in the production stack. An unknown tag falls back to
 * the stack name.
 */
export function isProduction(urn: string, props: Record<string, unknown>): boolean {
    const environment = tagValue(props.tags, "Environment");
    return (
        (typeof environment === "string" && environment.toLowerCase() === PRODUCTION) || stackOfUrn(urn) === PRODUCTION
    );
}

export const productionProtected: ResourceValidationPolicy = {
    name: "production-stateful-resources-protected",
    description:
        "In production, KMS keys, log groups, AgentCore runtimes and runtime endpoints (aws and aws-native) are created with protect: true.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: (args, reportViolation) => {
        if (!STATEFUL_TYPES.includes(args.type) || args.opts.protect === true) {
            return;
        }
        if (isProduction(args.urn, plainProps(args.props))) {
            reportViolation(
                `${describe(args.type, args.name)} is a production resource that is not protected, so a mistaken delete or replacement destroys it: pass { protect: true } (and retainOnDelete: true) in its resource options (the stack config key protect: true does this).`,
            );
        }
    },
};
