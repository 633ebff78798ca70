/**
 * Copies of S3 objects (a target stack's copy of a promoted code object) are encrypted with
 * a customer managed KMS key and never public. A copy does not inherit the source's
 * encryption when it names its own (CopyObject re-encrypts with the request's settings, and
 * without them with the target bucket's default), and it takes the ACL and grants of the
 * request: the copy must say both itself, so no bucket setting elsewhere has to be trusted.
 */
import { TYPES } from "./types";
import { problemRule } from "./rule";
import { isSet, isUnknown, list } from "./values";

/** The object types this rule reads. */
export const OBJECT_COPY_TYPES: readonly string[] = [TYPES.s3ObjectCopy];

/** Server-side encryption with KMS keys, single or dual layer (S3 API reference, CopyObject x-amz-server-side-encryption). */
const KMS_ALGORITHMS = ["aws:kms", "aws:kms:dsse"];

/** Canned ACLs that grant no one but the owner (S3 User Guide, "Canned ACL"). */
const PRIVATE_ACLS = ["private", "bucket-owner-full-control", "bucket-owner-read"];

export function objectCopyProblems(props: Record<string, unknown>): string[] {
    const problems: string[] = [];
    const algorithm = props.serverSideEncryption;
    if (!isUnknown(algorithm) && !(typeof algorithm === "string" && KMS_ALGORITHMS.includes(algorithm))) {
        problems.push(
            `is not encrypted with KMS (serverSideEncryption ${JSON.stringify(algorithm ?? null)}): set serverSideEncryption "aws:kms" and kmsKeyId to the stack's customer managed key`,
        );
    } else if (!isSet(props.kmsKeyId)) {
        problems.push(
            "names no KMS key (kmsKeyId unset, so S3 would use the AWS managed aws/s3 key): set kmsKeyId to the stack's customer managed key",
        );
    }
    const acl = props.acl;
    if (acl !== undefined && !isUnknown(acl) && !(typeof acl === "string" && PRIVATE_ACLS.includes(acl))) {
        problems.push(
            `has the ACL ${JSON.stringify(acl)}: leave acl unset or "private" (the object must not be public)`,
        );
    }
    if (list(props.grants).length > 0) {
        problems.push("has grants: remove them (access is the bucket policy's and the role's, never object ACLs)");
    }
    return problems;
}

export const objectCopyPrivateEncrypted = problemRule({
    name: "s3-object-copy-kms-encrypted-private",
    description:
        "S3 object copies (a stack's copy of a promoted code object) set serverSideEncryption aws:kms with a kmsKeyId, and no public ACL or grants.",
    severity: "high",
    types: OBJECT_COPY_TYPES,
    problems: (_type, props) => objectCopyProblems(props),
});
