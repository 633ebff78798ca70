/**
 * The pack's artifact rules: ECR repositories (encrypted with a customer managed key,
 * IMMUTABLE, scan on push) and S3 code buckets (SSE-KMS, versioned, all public access
 * blocked, TLS only). Each with a pass, a fail and a near miss; zero findings on the
 * three stacks.
 */
import { expect } from "chai";
import { StackValidationPolicy } from "@pulumi/policy";
import { codeBucketProblems, codeBucketProtected } from "../../policy/rules/codeBucket";
import { ecrRepositoryProblems, ecrRepositorySecure } from "../../policy/rules/ecrRepository";
import { TYPES } from "../../policy/rules/types";
import { UNKNOWN } from "../../policy/rules/values";
import { evaluatePolicies, stackArgs } from "../../src/plan/offline/evaluate";
import { RecordedResource, STACKS, ofType, runStackOnce } from "../helpers";
import { recordedResource } from "../recordedResource";

const KEY = "arn:aws:kms:us-east-1:123456789012:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
const CLASSIC = TYPES.ecrRepository;
const NATIVE = TYPES.nativeEcrRepository;
const goodClassic = {
    name: "agentcore-development/support_agent",
    imageTagMutability: "IMMUTABLE",
    imageScanningConfiguration: { scanOnPush: true },
    encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: KEY }],
};
const goodNative = {
    repositoryName: "agentcore-development/support_agent",
    imageTagMutability: "IMMUTABLE",
    imageScanningConfiguration: { scanOnPush: true },
    encryptionConfiguration: { encryptionType: "KMS", kmsKey: KEY },
};
const NOT_KMS =
    "is not encrypted with KMS (AES256 by default): set encryptionType KMS and kmsKey to the stack's customer managed KMS key";
const AWS_MANAGED =
    "is encrypted with the AWS managed key aws/ecr: set the encryption kmsKey to the stack's customer managed KMS key";
const NO_SCAN = "does not scan images on push: set imageScanningConfiguration.scanOnPush true";

describe("policy ecr-repository-encrypted-immutable-scanned", () => {
    it("passes a compliant repository in either provider, and unknown values (preview)", () => {
        expect(ecrRepositoryProblems(CLASSIC, goodClassic)).to.deep.equal([]);
        expect(ecrRepositoryProblems(NATIVE, goodNative)).to.deep.equal([]);
        expect(
            ecrRepositoryProblems(CLASSIC, {
                ...goodClassic,
                encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: UNKNOWN }],
            }),
        ).to.deep.equal([]);
        expect(
            ecrRepositoryProblems(CLASSIC, {
                ...goodClassic,
                encryptionConfigurations: UNKNOWN,
                imageScanningConfiguration: UNKNOWN,
                imageTagMutability: UNKNOWN,
            }),
        ).to.deep.equal([]);
    });

    it("fails a repository with the defaults: AES256, MUTABLE, no scanning", () => {
        expect(ecrRepositoryProblems(CLASSIC, { name: "r" })).to.deep.equal([
            NOT_KMS,
            "has mutable tags (the default MUTABLE): set imageTagMutability IMMUTABLE so a tag can never be moved to another image",
            NO_SCAN,
        ]);
        expect(
            ecrRepositoryProblems(NATIVE, { ...goodNative, encryptionConfiguration: { encryptionType: "AES256" } }),
        ).to.deep.equal([NOT_KMS]);
    });

    it("near misses: KMS with the AWS managed key, IMMUTABLE_WITH_EXCLUSION, scanning configured but off", () => {
        expect(
            ecrRepositoryProblems(CLASSIC, { ...goodClassic, encryptionConfigurations: [{ encryptionType: "KMS" }] }),
        ).to.deep.equal([AWS_MANAGED]);
        expect(
            ecrRepositoryProblems(NATIVE, {
                ...goodNative,
                encryptionConfiguration: { encryptionType: "KMS", kmsKey: "" },
            }),
        ).to.deep.equal([AWS_MANAGED]);
        expect(
            ecrRepositoryProblems(CLASSIC, { ...goodClassic, imageTagMutability: "IMMUTABLE_WITH_EXCLUSION" }),
        ).to.deep.equal([
            'has imageTagMutability "IMMUTABLE_WITH_EXCLUSION": set imageTagMutability IMMUTABLE so a tag can never be moved to another image',
        ]);
        expect(
            ecrRepositoryProblems(CLASSIC, { ...goodClassic, imageScanningConfiguration: { scanOnPush: false } }),
        ).to.deep.equal([NO_SCAN]);
        expect(ecrRepositoryProblems(CLASSIC, { ...goodClassic, imageScanningConfiguration: {} })).to.deep.equal([
            NO_SCAN,
        ]);
    });

    it("ignores other types and is a mandatory, high-severity rule", () => {
        expect(ecrRepositoryProblems(TYPES.s3Bucket, { name: "r" })).to.deep.equal([]);
        expect(ecrRepositorySecure).to.include({ enforcementLevel: "mandatory", severity: "high" });
    });
});

describe("policy s3-bucket-encrypted-versioned-private-tls (stack)", () => {
    const recorded = (type: string, name: string, state: Record<string, unknown>, dependencies: string[] = []) =>
        recordedResource(type, name, state, { dependencies });
    const bucket = recorded(TYPES.s3Bucket, "code", {
        bucket: "code-1a2b3c",
        arn: "arn:aws:s3:::code-1a2b3c",
        forceDestroy: false,
    });
    const sse = recorded(TYPES.s3BucketEncryption, "code-encryption", {
        bucket: "code-1a2b3c",
        rules: [
            {
                applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY },
                bucketKeyEnabled: true,
            },
        ],
    });
    const versioning = recorded(TYPES.s3BucketVersioning, "code-versioning", {
        bucket: "code-1a2b3c",
        versioningConfiguration: { status: "Enabled" },
    });
    const block = recorded(TYPES.s3PublicAccessBlock, "code-public-access", {
        bucket: "code-1a2b3c",
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
    });
    const tlsPolicy = (condition: unknown, effect = "Deny") =>
        JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: effect,
                    Principal: { AWS: "*" },
                    Action: ["s3:*"],
                    Resource: ["arn:aws:s3:::code-1a2b3c", "arn:aws:s3:::code-1a2b3c/*"],
                    Condition: condition,
                },
            ],
        });
    const policy = recorded(TYPES.s3BucketPolicy, "code-tls-only", {
        bucket: "code-1a2b3c",
        policy: tlsPolicy({ Bool: { "aws:SecureTransport": "false" } }),
    });
    const all = [bucket, sse, versioning, block, policy];
    const problems = (resources: RecordedResource[]) =>
        codeBucketProblems(stackArgs(resources).resources).map((f) => f.problem);
    const SSE =
        "has no BucketServerSideEncryptionConfiguration with sseAlgorithm aws:kms and a kmsMasterKeyId: encrypt it with the stack's customer managed KMS key";
    const VERSIONING =
        "is not versioned: add a BucketVersioning with versioningConfiguration.status Enabled (runtimes pin object versions)";
    const PUBLIC =
        "does not block all public access: add a BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets all true";
    const TLS =
        'accepts requests without TLS: add a BucketPolicy that denies s3:* when "aws:SecureTransport" is "false"';
    const without = (r: RecordedResource) => all.filter((x) => x !== r);
    const replacing = (r: RecordedResource, state: Record<string, unknown>) =>
        all.map((x) => (x === r ? recorded(r.type, r.name, state) : x));

    it("passes a bucket with all four companions", () => {
        expect(problems(all)).to.deep.equal([]);
    });

    it("fails a bare bucket with all four problems, blaming the bucket", () => {
        const found: { message: string; urn?: string }[] = [];
        (codeBucketProtected as StackValidationPolicy).validateStack(stackArgs([bucket]), (message, u) =>
            found.push({ message, urn: u }),
        );
        expect(found.map((f) => f.message)).to.deep.equal([
            `Bucket "code" ${SSE}.`,
            `Bucket "code" ${VERSIONING}.`,
            `Bucket "code" ${PUBLIC}.`,
            `Bucket "code" ${TLS}.`,
        ]);
        found.forEach((f) => expect(f.urn).to.equal(bucket.urn));
    });

    it("fails each missing companion on its own", () => {
        expect(problems(without(sse))).to.deep.equal([SSE]);
        expect(problems(without(versioning))).to.deep.equal([VERSIONING]);
        expect(problems(without(block))).to.deep.equal([PUBLIC]);
        expect(problems(without(policy))).to.deep.equal([TLS]);
    });

    it("near misses: AES256, versioning suspended, one switch off, a TLS statement that allows or checks true, a companion of another bucket", () => {
        expect(
            problems(
                replacing(sse, {
                    bucket: "code-1a2b3c",
                    rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
                }),
            ),
        ).to.deep.equal([SSE]);
        expect(
            problems(
                replacing(sse, {
                    bucket: "code-1a2b3c",
                    rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }],
                }),
            ),
        ).to.deep.equal([SSE]);
        expect(
            problems(
                replacing(versioning, { bucket: "code-1a2b3c", versioningConfiguration: { status: "Suspended" } }),
            ),
        ).to.deep.equal([VERSIONING]);
        expect(
            problems(
                replacing(block, {
                    bucket: "code-1a2b3c",
                    blockPublicAcls: true,
                    blockPublicPolicy: true,
                    ignorePublicAcls: true,
                    restrictPublicBuckets: false,
                }),
            ),
        ).to.deep.equal([PUBLIC]);
        expect(
            problems(
                replacing(policy, {
                    bucket: "code-1a2b3c",
                    policy: tlsPolicy({ Bool: { "aws:SecureTransport": "false" } }, "Allow"),
                }),
            ),
        ).to.deep.equal([TLS]);
        expect(
            problems(
                replacing(policy, {
                    bucket: "code-1a2b3c",
                    policy: tlsPolicy({ Bool: { "aws:SecureTransport": "true" } }),
                }),
            ),
        ).to.deep.equal([TLS]);
        expect(
            problems(replacing(versioning, { bucket: "other-bucket", versioningConfiguration: { status: "Enabled" } })),
        ).to.deep.equal([VERSIONING]);
    });

    it("matches companions by dependency while the bucket name is unknown (preview)", () => {
        const unknownBucket = recorded(
            TYPES.s3BucketVersioning,
            "code-versioning",
            { bucket: UNKNOWN, versioningConfiguration: { status: "Enabled" } },
            [bucket.urn],
        );
        expect(problems(all.map((x) => (x === versioning ? unknownBucket : x)))).to.deep.equal([]);
        const unrelated = recorded(TYPES.s3BucketVersioning, "code-versioning", {
            bucket: UNKNOWN,
            versioningConfiguration: { status: "Enabled" },
        });
        expect(problems(all.map((x) => (x === versioning ? unrelated : x)))).to.deep.equal([VERSIONING]);
    });
});

describe("artifact rules over the three stacks", () => {
    const names = ["ecr-repository-encrypted-immutable-scanned", "s3-bucket-encrypted-versioned-private-tls"];
    for (const stack of STACKS) {
        it(`${stack}: zero findings`, async () => {
            const run = await runStackOnce(stack);
            expect(evaluatePolicies(run.resources, stack).filter((v) => names.includes(v.policyName))).to.deep.equal(
                [],
            );
        });
    }

    it("staging has a repository and development a bucket for the rules to judge", async () => {
        expect(ofType(await runStackOnce("staging"), TYPES.ecrRepository)).to.have.length(1);
        expect(ofType(await runStackOnce("development"), TYPES.s3Bucket)).to.have.length(1);
    });

    it("a mutable repository in the program is a finding", async () => {
        const run = await runStackOnce("staging");
        const resources = run.resources.map((r) =>
            r.type === TYPES.ecrRepository ? { ...r, inputs: { ...r.inputs, imageTagMutability: "MUTABLE" } } : r,
        );
        expect(
            evaluatePolicies(resources, "staging")
                .filter((v) => v.policyName === names[0])
                .map((v) => v.resourceName),
        ).to.deep.equal(["agentcore-staging-support_agent-repository"]);
    });
});
