/**
 * A KMS key policy that admits an IAM role (not the account root, which delegates to IAM
 * policies, and not a service principal) keeps that role behind `kms:ViaService`: the role may
 * use the key only through the named AWS service (the Instances operator role through EC2
 * for EBS volumes, `ec2.<region>.amazonaws.com`), never call Decrypt or GenerateDataKey on it
 * directly (AWS KMS developer guide, "kms:ViaService"). An Allow without it would let the role
 * decrypt everything the key protects: logs, secrets, code, images.
 */
import { TYPES } from "./types";
import { problemRule } from "./rule";
import { conditionValues, parseDocument } from "./iamDocument";
import { isUnknown, list, record } from "./values";

/** Where each provider keeps the key policy. */
const POLICY_FIELD: Readonly<Record<string, string>> = {
    [TYPES.kmsKey]: "policy",
    [TYPES.nativeKmsKey]: "keyPolicy",
};

export const KMS_KEY_POLICY_TYPES: readonly string[] = Object.keys(POLICY_FIELD);

/** An IAM role ARN (`arn:<partition>:iam::<account>:role/...`), as a key policy principal names one. */
const ROLE_ARN = /^arn:[a-z-]+:iam::\d{12}:role\//;

/** The roles (and unknowns) a statement's `Principal.AWS` names. */
function rolePrincipals(principal: unknown): unknown[] {
    if (isUnknown(principal)) {
        return [];
    }
    const aws = record(principal)?.AWS;
    if (isUnknown(aws)) {
        // A principal not known during preview: the update re-checks it.
        return [];
    }
    return list(aws).filter((p) => isUnknown(p) || (typeof p === "string" && ROLE_ARN.test(p)));
}

/** Every Allow statement admitting a role without kms:ViaService; empty for other types. */
export function kmsKeyPolicyRoleProblems(type: string, props: Record<string, unknown>): string[] {
    const field = POLICY_FIELD[type];
    if (field === undefined) {
        return [];
    }
    const doc = parseDocument(props[field]);
    if (doc.kind !== "ok") {
        return [];
    }
    return doc.statements.flatMap((s) => {
        if (s.effect !== "Allow" || isUnknown(s.condition)) {
            return [];
        }
        const roles = rolePrincipals(s.principal).filter((r) => !isUnknown(r));
        if (roles.length === 0) {
            return [];
        }
        const via = conditionValues(s.condition, ["StringEquals", "StringLike"], "kms:ViaService");
        if (via !== undefined && via.length > 0) {
            return [];
        }
        return [
            `key policy ${s.label} admits ${roles.join(", ")} without kms:ViaService: add Condition StringEquals "kms:ViaService" naming the one service the role uses the key through (EBS: "ec2.<region>.amazonaws.com") and "kms:CallerAccount"`,
        ];
    });
}

export const kmsKeyPolicyRolesViaService = problemRule({
    name: "kms-key-policy-roles-via-service",
    description:
        "A KMS key policy (aws and aws-native) that admits an IAM role limits it with kms:ViaService to the service it uses the key through (the Instances operator role: EC2, for EBS).",
    severity: "high",
    types: KMS_KEY_POLICY_TYPES,
    problems: kmsKeyPolicyRoleProblems,
});
