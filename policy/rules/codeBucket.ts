/**
 * S3 buckets (the agents' code) are encrypted with a customer managed KMS key, versioned,
 * closed to the public and reachable only over TLS. In the classic provider each of these
 * is a resource of its own that names the bucket, so this is a stack policy: it finds, for
 * every bucket, the encryption configuration, versioning, public access block and bucket
 * policy that point at it (by bucket name, or by dependency while the name is unknown).
 */
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { parseDocument } from "./iamDocument";
import { TYPES } from "./types";
import { describe, isUnknown, list, plainProps, record } from "./values";

/** The four switches of a public access block; all must be on. */
export const PUBLIC_ACCESS_SWITCHES = [
    "blockPublicAcls",
    "blockPublicPolicy",
    "ignorePublicAcls",
    "restrictPublicBuckets",
] as const;

/** The resources that configure one bucket: each names it in its `bucket` property. */
function companions(bucket: PolicyResource, all: readonly PolicyResource[], type: string): PolicyResource[] {
    const props = plainProps(bucket.props);
    const names = [props.bucket, props.id].filter((n) => typeof n === "string");
    return all.filter((r) => {
        if (r.type !== type) {
            return false;
        }
        const target = plainProps(r.props).bucket;
        return (
            (typeof target === "string" && names.includes(target)) ||
            (isUnknown(target) && r.dependencies.includes(bucket))
        );
    });
}

/** True when a rule of the encryption configuration is SSE-KMS with a key set (or unknown). */
function encryptedWithKms(config: PolicyResource): boolean {
    return list(plainProps(config.props).rules).some((rule) => {
        const sse = record(record(rule)?.applyServerSideEncryptionByDefault);
        const algorithm = sse?.sseAlgorithm;
        const key = sse?.kmsMasterKeyId;
        return (
            (isUnknown(algorithm) || algorithm === "aws:kms" || algorithm === "aws:kms:dsse") &&
            (isUnknown(key) || (typeof key === "string" && key !== ""))
        );
    });
}

/** True when the bucket policy denies every request without TLS (aws:SecureTransport false). */
function deniesInsecureTransport(policy: PolicyResource): boolean {
    const doc = parseDocument(plainProps(policy.props).policy);
    if (doc.kind === "unknown") {
        return true;
    }
    if (doc.kind !== "ok") {
        return false;
    }
    return doc.statements.some((s) => {
        if (s.effect !== "Deny" || !s.actions.some((a) => a === "s3:*" || a === "*")) {
            return false;
        }
        const bool = record(record(s.condition)?.Bool);
        const value = bool?.["aws:SecureTransport"];
        return list(value).some((v) => v === "false" || v === false);
    });
}

/** Every problem of every bucket in the stack, with the bucket it is about. */
export function codeBucketProblems(
    resources: readonly PolicyResource[],
): { bucket: PolicyResource; problem: string }[] {
    const found: { bucket: PolicyResource; problem: string }[] = [];
    for (const bucket of resources.filter((r) => r.type === TYPES.s3Bucket)) {
        const add = (problem: string) => found.push({ bucket, problem });
        const encryption = companions(bucket, resources, TYPES.s3BucketEncryption);
        if (!encryption.some(encryptedWithKms)) {
            add(
                "has no BucketServerSideEncryptionConfiguration with sseAlgorithm aws:kms and a kmsMasterKeyId: encrypt it with the stack's customer managed KMS key",
            );
        }
        const versioning = companions(bucket, resources, TYPES.s3BucketVersioning);
        if (
            !versioning.some((v) => {
                const status = record(plainProps(v.props).versioningConfiguration)?.status;
                return isUnknown(status) || status === "Enabled";
            })
        ) {
            add(
                "is not versioned: add a BucketVersioning with versioningConfiguration.status Enabled (runtimes pin object versions)",
            );
        }
        const blocks = companions(bucket, resources, TYPES.s3PublicAccessBlock);
        if (
            !blocks.some((b) =>
                PUBLIC_ACCESS_SWITCHES.every((k) => {
                    const v = plainProps(b.props)[k];
                    return isUnknown(v) || v === true;
                }),
            )
        ) {
            add(
                `does not block all public access: add a BucketPublicAccessBlock with ${PUBLIC_ACCESS_SWITCHES.join(", ")} all true`,
            );
        }
        const policies = companions(bucket, resources, TYPES.s3BucketPolicy);
        if (!policies.some(deniesInsecureTransport)) {
            add(
                'accepts requests without TLS: add a BucketPolicy that denies s3:* when "aws:SecureTransport" is "false"',
            );
        }
    }
    return found;
}

export const codeBucketProtected: StackValidationPolicy = {
    name: "s3-bucket-encrypted-versioned-private-tls",
    description:
        "S3 buckets (the agents' code) have SSE-KMS with a customer managed key, versioning, all four public access blocks and a bucket policy denying requests without TLS.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateStack: (args, reportViolation) => {
        for (const { bucket, problem } of codeBucketProblems(args.resources)) {
            reportViolation(`${describe(bucket.type, bucket.name)} ${problem}.`, bucket.urn);
        }
    },
};
