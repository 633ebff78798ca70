/**
 * ECR repositories hold the agents' images: encrypted with a customer managed KMS key (the
 * stack's, which its owners control and audit), IMMUTABLE tags (a tag, once pushed, always
 * names the same image, so nothing can be swapped under a runtime), and scanned on push
 * (known vulnerabilities showValue up before a runtime is created from the image).
 */
import { TYPES } from "./types";
import { problemRule } from "./rule";
import { isSet, isUnknown, list, record } from "./values";

/** Where each provider keeps the three settings. */
const FIELDS: Readonly<Record<string, { readonly encryption: (props: Record<string, unknown>) => unknown }>> = {
    // Classic: a list of one encryption configuration.
    [TYPES.ecrRepository]: {
        encryption: (props) =>
            isUnknown(props.encryptionConfigurations)
                ? props.encryptionConfigurations
                : list(props.encryptionConfigurations)[0],
    },
    // aws-native: one object.
    [TYPES.nativeEcrRepository]: { encryption: (props) => props.encryptionConfiguration },
};

export const ECR_REPOSITORY_TYPES: readonly string[] = Object.keys(FIELDS);

/** What is wrong with a repository's encryption, tag mutability and scanning; empty for other types. */
export function ecrRepositoryProblems(type: string, props: Record<string, unknown>): string[] {
    const fields = FIELDS[type];
    if (!fields) {
        return [];
    }
    const problems: string[] = [];
    const encryption = fields.encryption(props);
    if (!isUnknown(encryption)) {
        const config = record(encryption);
        const kind = config?.encryptionType;
        if (!isUnknown(kind) && (kind !== "KMS" || !isSet(config?.kmsKey))) {
            problems.push(
                kind === "KMS"
                    ? "is encrypted with the AWS managed key aws/ecr: set the encryption kmsKey to the stack's customer managed KMS key"
                    : "is not encrypted with KMS (AES256 by default): set encryptionType KMS and kmsKey to the stack's customer managed KMS key",
            );
        }
    }
    const mutability = props.imageTagMutability;
    if (!isUnknown(mutability) && mutability !== "IMMUTABLE") {
        problems.push(
            `has ${mutability === undefined ? "mutable tags (the default MUTABLE)" : `imageTagMutability ${JSON.stringify(mutability)}`}: set imageTagMutability IMMUTABLE so a tag can never be moved to another image`,
        );
    }
    const scanning = props.imageScanningConfiguration;
    const scanOnPush = isUnknown(scanning) ? scanning : record(scanning)?.scanOnPush;
    if (!isUnknown(scanOnPush) && scanOnPush !== true) {
        problems.push("does not scan images on push: set imageScanningConfiguration.scanOnPush true");
    }
    return problems;
}

export const ecrRepositorySecure = problemRule({
    name: "ecr-repository-encrypted-immutable-scanned",
    description:
        "ECR repositories (aws and aws-native) are encrypted with a customer managed KMS key, have IMMUTABLE tags and scan on push.",
    severity: "high",
    types: ECR_REPOSITORY_TYPES,
    problems: ecrRepositoryProblems,
});
