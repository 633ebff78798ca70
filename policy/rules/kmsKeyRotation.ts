/**
 * Customer managed KMS keys rotate their key material every year (or the configured
 * period). AWS supports automatic rotation only for symmetric encryption keys, so keys of
 * another spec (asymmetric, HMAC) are out of scope: asking them to rotate would fail at AWS.
 */
import { TYPES } from "./types";
import { problemRule } from "./rule";
import { isUnknown } from "./values";

/** Where each provider keeps the key spec; both call the rotation switch enableKeyRotation. */
const KEY_SPEC_FIELD: Readonly<Record<string, string>> = {
    [TYPES.kmsKey]: "customerMasterKeySpec",
    [TYPES.nativeKmsKey]: "keySpec",
};

export const KMS_KEY_TYPES: readonly string[] = Object.keys(KEY_SPEC_FIELD);

/** What is wrong with a key's rotation setting; empty for other types. */
export function kmsRotationProblems(type: string, props: Record<string, unknown>): string[] {
    const specField = KEY_SPEC_FIELD[type];
    if (specField === undefined) {
        return [];
    }
    const spec = props[specField];
    // Unset means SYMMETRIC_DEFAULT; an unknown spec may be one that cannot rotate.
    if (isUnknown(spec) || (typeof spec === "string" && spec !== "SYMMETRIC_DEFAULT")) {
        return [];
    }
    if (isUnknown(props.enableKeyRotation) || props.enableKeyRotation === true) {
        return [];
    }
    return [
        "does not rotate its key material: set enableKeyRotation: true (optionally rotationPeriodInDays, 90 to 2560)",
    ];
}

export const kmsKeyRotation = problemRule({
    name: "kms-key-rotation-enabled",
    description: "Symmetric KMS keys (aws and aws-native) enable automatic key rotation.",
    severity: "medium",
    problems: kmsRotationProblems,
});
