/**
 * What each runtime runs, made available the way AgentCore reads it:
 * - `containerUri`: nothing to build; the role may pull from that image's repository.
 * - `image`: a stack-owned ECR repository (stack KMS key, IMMUTABLE tags, scan on push,
 *   keep-last-N lifecycle) and an image built for linux/arm64 by `awsx.ecr.Image`, consumed
 *   by digest.
 * - `code`: one stack-owned S3 bucket (SSE-KMS with the stack key and a bucket key,
 *   versioning, every public access block, TLS only, no ACLs) holding one zip per runtime,
 *   consumed by object version. A promoted object version (`code.s3`, another stack's) is
 *   copied into this bucket (`aws.s3.ObjectCopy`, re-encrypted with this stack's key) and the
 *   runtime runs the copy, so the source stack cannot expire or delete what this one runs.
 * Each runtime also gets one inline role policy that reads exactly its artifact
 * (src/artifact/readGrants.ts); the runtime must depend on `accessPolicies`.
 *
 * The repository is a plain `aws.ecr.Repository` with an `aws.ecr.LifecyclePolicy`, not
 * `awsx.ecr.Repository`: awsx components are remote, so their children are invisible to the
 * offline plan, the mock tests and the offline policy evaluation, and awsx's default
 * lifecycle policy only expires untagged images. awsx does what it is for: the build and push.
 */
import * as aws from "../providers/aws";
import * as awsx from "../providers/awsx";
import * as pulumi from "@pulumi/pulumi";
import { Environment } from "../aws/agentcore";
import { IMAGE_PLATFORM, RuntimeConfig } from "../config";
import { artifactAccessPolicy, ecrRepositoryArn } from "./readGrants";
import { DeployedArtifact } from "../runtime/args";
import {
    buildContextHash,
    codeObjectKey,
    codeObjectTags,
    promotedObjectKey,
    forceDeleteStores,
    imageTag,
    keepLastImagesPolicy,
    repositoryName,
    tlsOnlyBucketPolicy,
} from "./settings";
import { awsContextOutput } from "../aws/context";
import { COMPONENTS } from "../aws/tokens";

export interface AgentArtifactsArgs {
    /** The runtimes whose artifacts to provide. Required, at least one; no default. */
    readonly runtimes: readonly Pick<RuntimeConfig, "name" | "runtimeName" | "artifact">[];
    /** The execution role that gets one read policy per runtime. Required; no default. */
    readonly roleName: pulumi.Input<string>;
    /** The stack's KMS key: encrypts the repositories and the code bucket. Required; no default. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** In production repositories and the bucket are never force-deleted. Required; no default. */
    readonly environment: Environment;
    /** Protect (and retain on delete) the repositories and the bucket. Default: false. */
    readonly protect?: boolean;
    /** Tags for the repositories and the bucket. Default: none. */
    readonly tags?: Readonly<Record<string, string>>;
}

/** What the stack exports per runtime: the contract promotion between stacks reads. */
export interface ArtifactOutput {
    readonly kind: "container" | "image" | "code";
    /** The image the runtime runs (digest-pinned when the stack built it). */
    readonly imageUri?: string;
    readonly repositoryUrl?: string;
    /** The code object version the runtime runs. */
    readonly code?: { readonly bucket: string; readonly key: string; readonly versionId: string };
    /** For a promoted code object: the source object version the stack's copy was made from. */
    readonly copiedFrom?: { readonly bucket: string; readonly key: string; readonly versionId: string };
    readonly codeRuntime?: string;
    readonly entryPoint?: string[];
}

export class AgentArtifacts extends pulumi.ComponentResource {
    /** Runtime name → the artifact as the runtime consumes it. */
    public readonly runtimeArtifacts: Readonly<Record<string, DeployedArtifact>>;
    /** Runtime name → the exported artifact description. */
    public readonly outputs: pulumi.Output<Record<string, ArtifactOutput>>;
    /** The stack's code bucket ARN, when a runtime deploys code from a path (for the S3 gateway endpoint policy). */
    public readonly codeBucketArn?: pulumi.Output<string>;
    /**
     * Every bucket a runtime's code is read from: the stack's own, and those of promoted
     * `code.s3` objects. The S3 gateway endpoint policy admits exactly these (none for images).
     */
    public readonly codeBucketArns: pulumi.Output<string>[] = [];
    /** Runtime name → the stack's ECR repository ARN, for runtimes built from `image`. */
    public readonly repositoryArns: Readonly<Record<string, pulumi.Output<string>>>;
    /** The role policies that let the runtimes read their artifacts; runtimes depend on them. */
    public readonly accessPolicies: pulumi.Resource[];

    constructor(name: string, args: AgentArtifactsArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENTS.artifacts, name, {}, opts);
        const protect = args.protect ?? false;
        const forceDelete = forceDeleteStores(args.environment);
        const tags = { ...(args.tags ?? {}) };
        const stateful = { parent: this, protect, retainOnDelete: protect };
        const target = awsContextOutput(this);

        // Decided from plain config before anything is created.
        const repoNames = args.runtimes
            .filter((r) => r.artifact.kind === "image")
            .map((r) => repositoryName(name, r.name));
        const clash = repoNames.find((n, i) => repoNames.indexOf(n) !== i);
        if (clash !== undefined) {
            throw new pulumi.ResourceError(
                `two runtimes would share the ECR repository "${clash}": give them names that differ in more than letter case`,
                this,
            );
        }

        // Every code runtime reads this stack's bucket: its own upload, or its copy of a promoted object.
        const needsBucket = args.runtimes.some((r) => r.artifact.kind === "code");
        let bucket: aws.s3.Bucket | undefined;
        let bucketSettings: pulumi.Resource[] = [];
        if (needsBucket) {
            bucket = new aws.s3.Bucket(`${name}-code`, { forceDestroy: forceDelete, tags }, stateful);
            const child = { parent: this };
            const ownership = new aws.s3.BucketOwnershipControls(
                `${name}-code-ownership`,
                // BucketOwnerEnforced disables ACLs: the bucket policy alone decides access.
                { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } },
                child,
            );
            const publicAccess = new aws.s3.BucketPublicAccessBlock(
                `${name}-code-public-access`,
                {
                    bucket: bucket.id,
                    blockPublicAcls: true,
                    blockPublicPolicy: true,
                    ignorePublicAcls: true,
                    restrictPublicBuckets: true,
                },
                child,
            );
            const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(
                `${name}-code-encryption`,
                {
                    bucket: bucket.id,
                    rules: [
                        {
                            applyServerSideEncryptionByDefault: {
                                sseAlgorithm: "aws:kms",
                                kmsMasterKeyId: args.kmsKeyArn,
                            },
                            // A bucket key cuts KMS calls (and cost) per object to one per bucket and hour.
                            bucketKeyEnabled: true,
                        },
                    ],
                },
                child,
            );
            const versioning = new aws.s3.BucketVersioning(
                `${name}-code-versioning`,
                { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } },
                child,
            );
            const policy = new aws.s3.BucketPolicy(
                `${name}-code-tls-only`,
                { bucket: bucket.id, policy: bucket.arn.apply((arn) => JSON.stringify(tlsOnlyBucketPolicy(arn))) },
                // The public access block first, so a policy is never briefly judged without it.
                { parent: this, dependsOn: [publicAccess] },
            );
            bucketSettings = [ownership, publicAccess, encryption, versioning, policy];
            this.codeBucketArn = bucket.arn;
            this.codeBucketArns.push(bucket.arn);
        }

        const runtimeArtifacts: Record<string, DeployedArtifact> = {};
        const outputs: Record<string, pulumi.Output<ArtifactOutput>> = {};
        const repositoryArns: Record<string, pulumi.Output<string>> = {};
        this.accessPolicies = [];
        for (const runtime of args.runtimes) {
            const a = runtime.artifact;
            const prefix = `${name}-${runtime.name}`;
            let access: pulumi.Output<Parameters<typeof artifactAccessPolicy>[0]>;
            /**
             * A code runtime runs one object version in this stack's bucket (its upload, or its
             * copy of `copiedFrom`); returns what the runtime's read grant needs.
             */
            const codeObject = (
                code: Extract<typeof a, { kind: "code" }>,
                key: string,
                versionId: pulumi.Output<string>,
                copiedFrom?: ArtifactOutput["copiedFrom"],
            ) => {
                runtimeArtifacts[runtime.name] = {
                    kind: "code",
                    bucket: bucket!.id,
                    key,
                    versionId,
                    runtime: code.runtime,
                    entryPoint: code.entryPoint,
                };
                outputs[runtime.name] = pulumi.output({
                    kind: "code" as const,
                    code: { bucket: bucket!.id, key, versionId },
                    ...(copiedFrom && { copiedFrom }),
                    codeRuntime: code.runtime,
                    entryPoint: [...code.entryPoint],
                });
                return pulumi.all([target, bucket!.arn, args.kmsKeyArn]).apply(([t, bucketArn, kmsKeyArn]) => ({
                    ...t,
                    codeObject: { bucketArn, key, kmsKeyArn },
                }));
            };
            if (a.kind === "container") {
                runtimeArtifacts[runtime.name] = { kind: "container", containerUri: a.containerUri };
                outputs[runtime.name] = pulumi.output({
                    kind: "container" as const,
                    imageUri: a.containerUri,
                    repositoryUrl: a.containerUri.replace(/[:@][^/]*$/, ""),
                });
                access = target.apply((t) => ({ ...t, repositoryArn: ecrRepositoryArn(t.partition, a.containerUri) }));
            } else if (a.kind === "image") {
                const repository = new aws.ecr.Repository(
                    `${prefix}-repository`,
                    {
                        name: repositoryName(name, runtime.name),
                        imageTagMutability: "IMMUTABLE",
                        imageScanningConfiguration: { scanOnPush: true },
                        encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: args.kmsKeyArn }],
                        forceDelete,
                        tags,
                    },
                    stateful,
                );
                new aws.ecr.LifecyclePolicy(
                    `${prefix}-lifecycle`,
                    { repository: repository.name, policy: keepLastImagesPolicy() },
                    { parent: this },
                );
                const built = new awsx.ecr.Image(
                    `${prefix}-image`,
                    {
                        repositoryUrl: repository.repositoryUrl,
                        context: a.context,
                        dockerfile: a.dockerfile,
                        args: Object.keys(a.buildArgs).length > 0 ? { ...a.buildArgs } : undefined,
                        platform: IMAGE_PLATFORM,
                        // IMMUTABLE tags: a new build must push a new tag, so the tag is the content hash.
                        imageTag: imageTag(buildContextHash(a.contextPath, a.dockerfilePath, a.buildArgs)),
                    },
                    { parent: this },
                );
                // awsx returns `<repositoryUrl>@sha256:<digest>` once pushed: the runtime never follows a tag.
                runtimeArtifacts[runtime.name] = { kind: "container", containerUri: built.imageUri };
                outputs[runtime.name] = pulumi.output({
                    kind: "image" as const,
                    imageUri: built.imageUri,
                    repositoryUrl: repository.repositoryUrl,
                });
                repositoryArns[runtime.name] = repository.arn;
                access = pulumi.all([target, repository.arn]).apply(([t, repositoryArn]) => ({ ...t, repositoryArn }));
            } else if (a.source.kind === "path") {
                const key = codeObjectKey(runtime.runtimeName);
                const object = new aws.s3.BucketObjectv2(
                    `${prefix}-code`,
                    {
                        bucket: bucket!.id,
                        key,
                        // Pulumi zips the directory; the engine diffs the archive's hash, so an
                        // unchanged directory uploads nothing and keeps its version ID.
                        source: new pulumi.asset.FileArchive(a.source.path),
                        contentType: "application/zip",
                        serverSideEncryption: "aws:kms",
                        kmsKeyId: args.kmsKeyArn,
                        bucketKeyEnabled: true,
                        tags: codeObjectTags(tags, runtime.name),
                    },
                    // Versioned and encrypted before the first upload, so every upload has a version.
                    { parent: this, dependsOn: bucketSettings },
                );
                access = codeObject(a, key, object.versionId);
            } else {
                const s3 = a.source;
                const key = promotedObjectKey(runtime.runtimeName, s3);
                // The provider sends `source` URL-escaped, so a `?versionId=` suffix would name
                // another key: the copy reads the source key's current version, and only if its
                // ETag is the promoted version's (CopySourceIfMatch; S3 API reference, CopyObject),
                // else S3 refuses with 412 and nothing else is copied.
                const promoted = aws.s3.getObjectOutput(
                    { bucket: s3.bucket, key: s3.key, versionId: s3.versionId },
                    { parent: this },
                );
                const copy = new aws.s3.ObjectCopy(
                    `${prefix}-code-copy`,
                    {
                        bucket: bucket!.id,
                        key,
                        source: `${s3.bucket}/${s3.key}`,
                        copyIfMatch: promoted.etag,
                        // Re-encrypted with this stack's key: the source's key may go with its stack.
                        serverSideEncryption: "aws:kms",
                        kmsKeyId: args.kmsKeyArn,
                        bucketKeyEnabled: true,
                        // The object's own tag set (at most 10), not the source's.
                        taggingDirective: "REPLACE",
                        tags: codeObjectTags(tags, runtime.name),
                    },
                    // Retained in a protected stack: deleting a copy deletes every version of its key.
                    { parent: this, dependsOn: bucketSettings, retainOnDelete: protect },
                );
                access = codeObject(a, key, copy.versionId, {
                    bucket: s3.bucket,
                    key: s3.key,
                    versionId: s3.versionId,
                });
            }
            this.accessPolicies.push(
                new aws.iam.RolePolicy(
                    `${prefix}-access`,
                    {
                        role: args.roleName,
                        name: `agentcore-artifact-${runtime.name}`,
                        policy: access.apply((input) => JSON.stringify(artifactAccessPolicy(input))),
                    },
                    { parent: this },
                ),
            );
        }
        this.runtimeArtifacts = runtimeArtifacts;
        this.repositoryArns = repositoryArns;
        this.outputs = pulumi.output(outputs);
        this.registerOutputs({ outputs: this.outputs, codeBucketArn: this.codeBucketArn });
    }
}
