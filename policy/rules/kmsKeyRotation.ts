/**
 * Customer managed KMS keys rotate their key material every year (or the configured
 * period). AWS supports automatic rotation only for symmetric encryption keys, so keys of
 * another spec (asymmetric, HMAC) are out of scope: asking them to rotate would fail at AWS.
 */
import { ResourceValidationPolicy } from "@pulumi/policy";
import { TYPES } from "./types";
import { describe, isUnknown, plainProps } from "./values";

/** What is wrong with a key's rotation setting. */
export function kmsRotationProblems(props: Record<string, unknown>): string[] {
    const spec = props.customerMasterKeySpec;
    if (typeof spec === "string" && spec !== "SYMMETRIC_DEFAULT") {
        return [];
    }
    if (isUnknown(props.enableKeyRotation) || props.enableKeyRotation === true) {
        return [];
    }
    return ["does not rotate its key material: set enableKeyRotation: true (optionally rotationPeriodInDays, 90 to 2560)"];
}

export const kmsKeyRotation: ResourceValidationPolicy = {
    name: "kms-key-rotation-enabled",
    description: "Symmetric KMS keys enable automatic key rotation.",
    enforcementLevel: "mandatory",
    severity: "medium",
    validateResource: (args, reportViolation) => {
        if (args.type !== TYPES.kmsKey) {
            return;
        }
        for (const problem of kmsRotationProblems(plainProps(args.props))) {
            reportViolation(`${describe(args.type, args.name)} ${problem}.`);
        }
    },
};
