/**
 * What the execution role may read to start one runtime's artifact, as a pure document:
 * exactly its image repository, or exactly its code object, and the stack key only where
 * S3 uses it on the role's behalf. One document per runtime, created beside the artifact
 * (src/artifact/artifacts.ts), so the grant follows the artifact and nothing else.
 */
import { parseEcrImageUri } from "./config";
import { AwsContext, PolicyDocument, policyDocument, PolicyStatement, regionalArn } from "../aws/iamDocument";
import { ECR_AUTH_ACTIONS, ECR_PULL_ACTIONS } from "../security/executionRole";

/** Read the code zip; GetObjectVersion because the runtime names the object version. */
export const S3_CODE_READ_ACTIONS = ["s3:GetObject", "s3:GetObjectVersion"] as const;
/** Decrypt the SSE-KMS data key of the code object (S3 calls KMS on the role's behalf). */
export const KMS_CODE_DECRYPT_ACTIONS = ["kms:Decrypt"] as const;

/** One runtime's artifact as the role sees it; exactly one of repositoryArn or codeObject. */
export interface ArtifactAccessInput extends AwsContext {
    /** The ECR repository the runtime pulls from (the stack's own or the configured one). */
    readonly repositoryArn?: string;
    /** The code object the runtime reads. */
    readonly codeObject?: {
        readonly bucketArn: string;
        readonly key: string;
        /**
         * The key the bucket encrypts with: the stack key for the stack's own bucket. Undefined
         * for a bucket another stack owns (promotion): any key of this account, still only
         * through S3 and only for that bucket's objects.
         */
        readonly kmsKeyArn?: string;
    };
    /** `amazonaws.com`, or `amazonaws.com.cn` in China; from aws.getPartition. Default: amazonaws.com. */
    readonly dnsSuffix?: string;
}

/** The repository ARN of a private ECR image URI (its own account and region). */
export function ecrRepositoryArn(partition: string, containerUri: string): string {
    const image = parseEcrImageUri(containerUri);
    if (!image) {
        throw new Error(`containerUri "${containerUri}" is not a private ECR image URI`);
    }
    return `arn:${partition}:ecr:${image.region}:${image.account}:repository/${image.repository}`;
}

/** The object ARN of an S3 key (S3 ARNs have no region or account). */
export function s3ObjectArn(bucketArn: string, key: string): string {
    return `${bucketArn}/${key}`;
}

/**
 * The artifact policy. ECR needs no KMS statement: a KMS-encrypted repository decrypts
 * through the grant ECR creates on the key when the repository is created (ECR user guide,
 * "Encryption at rest"), not with the puller's permissions.
 */
export function artifactAccessPolicy(input: ArtifactAccessInput): PolicyDocument {
    if ((input.repositoryArn === undefined) === (input.codeObject === undefined)) {
        throw new Error("artifactAccessPolicy needs exactly one of repositoryArn or codeObject");
    }
    const inRegion = { "aws:RequestedRegion": input.region };
    const statements: PolicyStatement[] = [];
    if (input.repositoryArn !== undefined) {
        statements.push(
            {
                Sid: "EcrPullRuntimeImage",
                Effect: "Allow",
                Action: [...ECR_PULL_ACTIONS],
                Resource: [input.repositoryArn],
                Condition: { StringEquals: inRegion },
            },
            {
                Sid: "EcrAuthorizationToken",
                Effect: "Allow",
                Action: [...ECR_AUTH_ACTIONS],
                // GetAuthorizationToken has no resource type: "*" is the only valid resource.
                Resource: "*",
                Condition: { StringEquals: inRegion },
            },
        );
    }
    if (input.codeObject !== undefined) {
        const { bucketArn, key, kmsKeyArn } = input.codeObject;
        const objectArn = s3ObjectArn(bucketArn, key);
        statements.push(
            {
                Sid: "S3ReadRuntimeCode",
                Effect: "Allow",
                Action: [...S3_CODE_READ_ACTIONS],
                Resource: [objectArn],
                Condition: { StringEquals: { ...inRegion, "s3:ResourceAccount": input.accountId } },
            },
            {
                Sid: "KmsDecryptRuntimeCode",
                Effect: "Allow",
                Action: [...KMS_CODE_DECRYPT_ACTIONS],
                Resource: [kmsKeyArn ?? regionalArn(input, "kms", "key/*")],
                Condition: {
                    StringEquals: {
                        // Only when S3 decrypts for the role, and only for this bucket: with an
                        // S3 Bucket Key the encryption context is the bucket ARN, without one
                        // the object ARN (S3 user guide, "Encryption context").
                        "kms:ViaService": `s3.${input.region}.${input.dnsSuffix ?? "amazonaws.com"}`,
                        "kms:EncryptionContext:aws:s3:arn": [bucketArn, objectArn],
                    },
                },
            },
        );
    }
    return policyDocument(...statements);
}
