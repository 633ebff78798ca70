/**
 * The AgentArtifacts component under mocks, per artifact kind: the repository and its
 * lifecycle, the awsx image build (a remote component: its inputs, and the digest the
 * runtime consumes), the code bucket and its settings, the code object and its version,
 * and the one read policy per runtime. Plus the pure artifact access document.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { AgentArtifacts } from "../../src/artifact/artifacts";
import { DeployedArtifact } from "../../src/runtime/args";
import { RuntimeConfig, validateConfig } from "../../src/config";
import { PolicyDocument } from "../../src/aws/iamDocument";
import { artifactAccessPolicy, ecrRepositoryArn } from "../../src/artifact/readGrants";
import {
    buildContextHash,
    codeObjectKey,
    forceDeleteStores,
    imageTag,
    promotionTag,
    repositoryName,
} from "../../src/artifact/settings";
import {
    ProgramRun,
    configOf,
    configProblems,
    one,
    ofType,
    promiseOf,
    rawStack,
    runComponent,
    runFixtureStack,
} from "../helpers";

const KEY = "arn:aws:kms:us-east-1:123456789012:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
const ROLE = "agentcore-test-execution-role";
const T = {
    repository: "aws:ecr/repository:Repository",
    lifecycle: "aws:ecr/lifecyclePolicy:LifecyclePolicy",
    image: "awsx:ecr:Image",
    bucket: "aws:s3/bucket:Bucket",
    ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    publicAccess: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    encryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    versioning: "aws:s3/bucketVersioning:BucketVersioning",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    object: "aws:s3/bucketObjectv2:BucketObjectv2",
    copy: "aws:s3/objectCopy:ObjectCopy",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    native: "aws-native:bedrockagentcore:Runtime",
    classic: "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime",
};

function document(policy: unknown): PolicyDocument {
    return JSON.parse(String(policy)) as PolicyDocument;
}

async function build(
    runtimes: readonly RuntimeConfig[],
    opts: { environment?: "development" | "staging" | "production"; protect?: boolean } = {},
): Promise<{ run: ProgramRun; component: AgentArtifacts }> {
    let component: AgentArtifacts | undefined;
    const environment = opts.environment ?? "development";
    const run = await runComponent(
        () => {
            component = new AgentArtifacts("agentcore-test", {
                runtimes,
                roleName: ROLE,
                kmsKeyArn: KEY,
                environment,
                protect: opts.protect,
                tags: { Environment: environment },
            });
        },
        { stack: environment },
    );
    expect(run.error, run.error?.message).to.equal(undefined);
    return { run, component: component! };
}

const codeRuntime = () => configOf("development").runtimes[0];
const imageRuntime = () => configOf("staging").runtimes[0];
const containerRuntime = () => configOf("production").runtimes[0];

describe("AgentArtifacts: image built from source", () => {
    it("creates a KMS-encrypted, IMMUTABLE, scan-on-push repository that is force-deleted outside production only", async () => {
        for (const [environment, forceDelete] of [
            ["development", true],
            ["staging", false],
            ["production", false],
        ] as const) {
            const { run } = await build([imageRuntime()], { environment });
            const repo = one(run, T.repository);
            expect(repo.inputs).to.deep.equal({
                name: "agentcore-test/support_agent",
                imageTagMutability: "IMMUTABLE",
                imageScanningConfiguration: { scanOnPush: true },
                encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: KEY }],
                forceDelete,
                tags: { Environment: environment },
            });
        }
    });

    it("protects and retains the repository when asked, and not otherwise", async () => {
        expect(one((await build([imageRuntime()], { protect: true })).run, T.repository)).to.include({
            protect: true,
            retainOnDelete: true,
        });
        expect(one((await build([imageRuntime()])).run, T.repository)).to.include({
            protect: false,
            retainOnDelete: false,
        });
    });

    it("keeps the last 25 images, and never expires by that count an image tagged promoted-* (promotion)", async () => {
        const { run } = await build([imageRuntime()]);
        const lifecycle = one(run, T.lifecycle);
        expect(lifecycle.inputs.repository).to.equal("agentcore-test/support_agent");
        expect(JSON.parse(String(lifecycle.inputs.policy))).to.deep.equal({
            rules: [
                {
                    rulePriority: 1,
                    description: "Keep promoted images (promoted-*)",
                    selection: {
                        tagStatus: "tagged",
                        tagPrefixList: ["promoted-"],
                        countType: "imageCountMoreThan",
                        countNumber: 1000,
                    },
                    action: { type: "expire" },
                },
                {
                    rulePriority: 2,
                    description: "Keep the last 25 images",
                    selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 25 },
                    action: { type: "expire" },
                },
            ],
        });
    });

    it("builds with awsx for linux/arm64 from the context, Dockerfile and build args, pushing to the stack's repository", async () => {
        const runtime = validateConfig(
            rawStack("staging", {
                runtimes: [
                    {
                        name: "support_agent",
                        image: { context: "agents/support-agent", buildArgs: { NODE_VERSION: "22" } },
                    },
                ],
            }),
        ).runtimes[0];
        const { run } = await build([runtime]);
        const image = one(run, T.image);
        expect(image.custom).to.equal(false);
        expect(image.inputs).to.deep.include({
            repositoryUrl: "123456789012.dkr.ecr.us-east-1.amazonaws.com/agentcore-test/support_agent",
            context: "agents/support-agent",
            dockerfile: "agents/support-agent/Dockerfile",
            platform: "linux/arm64",
            args: { NODE_VERSION: "22" },
        });
        expect(image.inputs.imageTag).to.match(/^src-[0-9a-f]{16}$/);
        expect(one((await build([imageRuntime()])).run, T.image).inputs.args).to.equal(undefined);
    });

    it("tags the image with the content hash: same content, same tag; any change (file, Dockerfile, build arg), a new tag", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "artifact-spec-"));
        try {
            fs.mkdirSync(path.join(dir, "agent"));
            fs.writeFileSync(path.join(dir, "agent", "Dockerfile"), "FROM scratch\n");
            fs.writeFileSync(path.join(dir, "agent", "main.js"), "1\n");
            const tagOf = async (buildArgs: Record<string, string> = {}) => {
                const config = validateConfig({
                    ...rawStack("staging", {
                        runtimes: [{ name: "support_agent", image: { context: "agent", buildArgs } }],
                    }),
                    root: dir,
                });
                return one((await build(config.runtimes)).run, T.image).inputs.imageTag;
            };
            const first = await tagOf();
            expect(await tagOf()).to.equal(first);
            fs.writeFileSync(path.join(dir, "agent", "main.js"), "2\n");
            const changedFile = await tagOf();
            expect(changedFile).to.not.equal(first);
            fs.writeFileSync(path.join(dir, "agent", "Dockerfile"), "FROM scratch\nUSER 1000\n");
            const changedDockerfile = await tagOf();
            expect(changedDockerfile).to.not.equal(changedFile);
            expect(await tagOf({ A: "1" })).to.not.equal(changedDockerfile);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("hands the runtime the pushed image by digest, never by tag, and exports it", async () => {
        const { run, component } = await build([imageRuntime()]);
        const image = one(run, T.image);
        const artifact = component.runtimeArtifacts.support_agent;
        expect(artifact.kind).to.equal("container");
        const uri = await promiseOf(
            artifact.kind === "container" ? (artifact.containerUri as never) : (undefined as never),
        );
        expect(uri).to.equal(image.state.imageUri);
        expect(uri).to.match(
            /^123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/agentcore-test\/support_agent@sha256:[0-9a-f]{64}$/,
        );
        expect(uri).to.not.include(String(image.inputs.imageTag));
        expect(await promiseOf(component.outputs)).to.deep.equal({
            support_agent: {
                kind: "image",
                imageUri: uri,
                repositoryUrl: "123456789012.dkr.ecr.us-east-1.amazonaws.com/agentcore-test/support_agent",
            },
        });
        expect(component.codeBucketArn).to.equal(undefined);
        expect(ofType(run, T.bucket)).to.have.length(0);
    });

    it("lets the role pull from exactly the stack's repository, with no S3 or KMS grant", async () => {
        const { run } = await build([imageRuntime()]);
        const policy = one(run, T.rolePolicy);
        expect(policy.inputs.role).to.equal(ROLE);
        expect(policy.inputs.name).to.equal("agentcore-artifact-support_agent");
        expect(document(policy.inputs.policy)).to.deep.equal({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "EcrPullRuntimeImage",
                    Effect: "Allow",
                    Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
                    Resource: ["arn:aws:ecr:us-east-1:123456789012:repository/agentcore-test/support_agent"],
                    Condition: { StringEquals: { "aws:RequestedRegion": "us-east-1" } },
                },
                {
                    Sid: "EcrAuthorizationToken",
                    Effect: "Allow",
                    Action: ["ecr:GetAuthorizationToken"],
                    Resource: "*",
                    Condition: { StringEquals: { "aws:RequestedRegion": "us-east-1" } },
                },
            ],
        });
    });

    it("refuses two runtimes whose names map to one repository, before creating anything", async () => {
        const a = imageRuntime();
        const b = { ...a, name: "Support_Agent", runtimeName: "Support_Agent_staging" };
        const run = await runComponent(() => {
            new AgentArtifacts("agentcore-test", {
                runtimes: [a, b],
                roleName: ROLE,
                kmsKeyArn: KEY,
                environment: "staging",
            });
        });
        expect(run.error?.message).to.include(
            'two runtimes would share the ECR repository "agentcore-test/support_agent"',
        );
        expect(run.resources.filter((r) => r.custom)).to.have.length(0);
    });
});

describe("AgentArtifacts: code from a directory", () => {
    it("tags the code object with at most S3's 10 object tags, however many the stack has; the bucket gets them all", async () => {
        const many: Record<string, string> = {
            Project: "agentcore-private",
            Stack: "development",
            Environment: "development",
            ManagedBy: "pulumi",
        };
        for (let i = 0; i < 42; i++) {
            many[`Tag${i}`] = `v${i}`;
        }
        let component: AgentArtifacts | undefined;
        const run = await runComponent(() => {
            component = new AgentArtifacts("agentcore-test", {
                runtimes: [codeRuntime()],
                roleName: ROLE,
                kmsKeyArn: KEY,
                environment: "development",
                tags: many,
            });
        });
        expect(run.error, run.error?.message).to.equal(undefined);
        expect(component).to.not.equal(undefined);
        const tags = one(run, T.object).inputs.tags as Record<string, string>;
        expect(Object.keys(tags).length).to.be.at.most(10);
        expect(tags).to.deep.equal({
            Project: "agentcore-private",
            Stack: "development",
            Environment: "development",
            ManagedBy: "pulumi",
            AgentRuntime: "support_agent",
        });
        expect(Object.keys(one(run, T.bucket).inputs.tags as object)).to.have.length(46);
    });

    it("creates one bucket: not force-destroyed in production, protected when asked", async () => {
        expect(one((await build([codeRuntime()])).run, T.bucket).inputs).to.deep.equal({
            forceDestroy: true,
            tags: { Environment: "development" },
        });
        const production = one(
            (await build([codeRuntime()], { environment: "production", protect: true })).run,
            T.bucket,
        );
        expect(production.inputs.forceDestroy).to.equal(false);
        expect(production).to.include({ protect: true, retainOnDelete: true });
    });

    it("encrypts with the stack key and a bucket key, versions, blocks all public access, enforces owner (no ACLs) and TLS", async () => {
        const { run } = await build([codeRuntime()]);
        const bucket = one(run, T.bucket);
        const name = String(bucket.state.bucket);
        expect(one(run, T.encryption).inputs).to.deep.equal({
            bucket: name,
            rules: [
                {
                    applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY },
                    bucketKeyEnabled: true,
                },
            ],
        });
        expect(one(run, T.versioning).inputs).to.deep.equal({
            bucket: name,
            versioningConfiguration: { status: "Enabled" },
        });
        expect(one(run, T.publicAccess).inputs).to.deep.equal({
            bucket: name,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        });
        expect(one(run, T.ownership).inputs).to.deep.equal({
            bucket: name,
            rule: { objectOwnership: "BucketOwnerEnforced" },
        });
        const policy = one(run, T.bucketPolicy);
        expect(document(policy.inputs.policy)).to.deep.equal({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "DenyInsecureTransport",
                    Effect: "Deny",
                    Principal: { AWS: "*" },
                    Action: ["s3:*"],
                    Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`],
                    Condition: { Bool: { "aws:SecureTransport": "false" } },
                },
            ],
        });
        expect(policy.dependencies).to.include(one(run, T.publicAccess).urn);
    });

    it("uploads the directory as a Pulumi FileArchive, SSE-KMS, under the runtime's own prefix, after versioning and encryption", async () => {
        const { run } = await build([codeRuntime()]);
        const object = one(run, T.object);
        expect(object.inputs).to.deep.include({
            bucket: one(run, T.bucket).state.bucket,
            key: "runtimes/support_agent_development/code.zip",
            source: { kind: "FileArchive", path: "agents/support-agent/dist" },
            contentType: "application/zip",
            serverSideEncryption: "aws:kms",
            kmsKeyId: KEY,
            bucketKeyEnabled: true,
        });
        for (const type of [T.versioning, T.encryption, T.publicAccess, T.ownership]) {
            expect(object.dependencies, type).to.include(one(run, type).urn);
        }
    });

    it("hands the runtime the bucket, key and the object's version ID output, and exports them", async () => {
        const { run, component } = await build([codeRuntime()]);
        const object = one(run, T.object);
        const artifact = component.runtimeArtifacts.support_agent;
        if (artifact.kind !== "code") {
            throw new Error("expected a code artifact");
        }
        expect(artifact.runtime).to.equal("NODE_22");
        expect(artifact.entryPoint).to.deep.equal(["main.js"]);
        expect(await promiseOf(artifact.versionId as never)).to.equal(object.state.versionId);
        const bucketName = one(run, T.bucket).state.bucket;
        expect(await promiseOf(component.outputs)).to.deep.equal({
            support_agent: {
                kind: "code",
                code: {
                    bucket: bucketName,
                    key: "runtimes/support_agent_development/code.zip",
                    versionId: object.state.versionId,
                },
                codeRuntime: "NODE_22",
                entryPoint: ["main.js"],
            },
        });
        expect(await promiseOf(component.codeBucketArn!)).to.equal(`arn:aws:s3:::${bucketName}`);
        expect(ofType(run, T.repository)).to.have.length(0);
    });

    it("lets the role read exactly the code object (any version) and decrypt it with the stack key only through S3 for that bucket", async () => {
        const { run } = await build([codeRuntime()]);
        const bucket = `arn:aws:s3:::${one(run, T.bucket).state.bucket}`;
        const object = `${bucket}/runtimes/support_agent_development/code.zip`;
        expect(document(one(run, T.rolePolicy).inputs.policy)).to.deep.equal({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "S3ReadRuntimeCode",
                    Effect: "Allow",
                    Action: ["s3:GetObject", "s3:GetObjectVersion"],
                    Resource: [object],
                    Condition: {
                        StringEquals: { "aws:RequestedRegion": "us-east-1", "s3:ResourceAccount": "123456789012" },
                    },
                },
                {
                    Sid: "KmsDecryptRuntimeCode",
                    Effect: "Allow",
                    Action: ["kms:Decrypt"],
                    Resource: [KEY],
                    Condition: {
                        StringEquals: {
                            "kms:ViaService": "s3.us-east-1.amazonaws.com",
                            "kms:EncryptionContext:aws:s3:arn": [bucket, object],
                        },
                    },
                },
            ],
        });
    });

    it("shares one bucket between two code runtimes, each under its own key", async () => {
        const a = codeRuntime();
        const b = { ...a, name: "billing_agent", runtimeName: "billing_agent_development" };
        const { run } = await build([a, b]);
        expect(ofType(run, T.bucket)).to.have.length(1);
        expect(
            ofType(run, T.object)
                .map((o) => o.inputs.key)
                .sort(),
        ).to.deep.equal(["runtimes/billing_agent_development/code.zip", "runtimes/support_agent_development/code.zip"]);
        const resources = ofType(run, T.rolePolicy).map((p) => document(p.inputs.policy).Statement[0].Resource);
        expect(resources[0]).to.not.deep.equal(resources[1]);
    });
});

describe("AgentArtifacts: an existing image or object version", () => {
    it("containerUri: nothing is built; the role pulls from that image's repository in its own account", async () => {
        const foreign = {
            ...containerRuntime(),
            artifact: {
                kind: "container" as const,
                containerUri: "210987654321.dkr.ecr.us-east-1.amazonaws.com/shared/support@sha256:" + "a".repeat(64),
            },
        };
        const { run, component } = await build([foreign], { environment: "production" });
        expect(run.resources.filter((r) => r.custom).map((r) => r.type)).to.deep.equal([T.rolePolicy]);
        const doc = document(one(run, T.rolePolicy).inputs.policy);
        expect(doc.Statement.map((s) => s.Sid)).to.deep.equal(["EcrPullRuntimeImage", "EcrAuthorizationToken"]);
        expect(doc.Statement[0].Resource).to.deep.equal([
            "arn:aws:ecr:us-east-1:210987654321:repository/shared/support",
        ]);
        expect(await promiseOf(component.outputs)).to.deep.equal({
            support_agent: {
                kind: "container",
                imageUri: `210987654321.dkr.ecr.us-east-1.amazonaws.com/shared/support@sha256:${"a".repeat(64)}`,
                repositoryUrl: "210987654321.dkr.ecr.us-east-1.amazonaws.com/shared/support",
            },
        });
    });

    const PROMOTED = {
        bucket: "agentcore-development-code-6850cb5",
        key: "runtimes/support_agent_development/code.zip",
        versionId: "3sL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY",
    };
    const promotedRuntime = () =>
        validateConfig(
            rawStack("staging", {
                runtimes: [
                    { name: "support_agent", code: { s3: PROMOTED, runtime: "NODE_22", entryPoint: ["main.js"] } },
                ],
            }),
        ).runtimes[0];

    it("code from s3 (promotion): the stack copies the object version into its own bucket and the runtime runs the copy", async () => {
        const { run, component } = await build([promotedRuntime()], { environment: "staging" });
        const bucket = one(run, T.bucket);
        expect(ofType(run, T.object)).to.have.length(0);
        const copy = one(run, T.copy);
        // The copy's key: the runtime's prefix and 8 hex of SHA-256("<source bucket>/<source key>").
        const key = "runtimes/support_agent_staging/promoted-bc032b14.zip";
        // The promoted version's ETag, read at preview from the source (aws.s3.getObject with its versionId).
        const read = run.invokes.filter((i) => i.token === "aws:s3/getObject:getObject");
        expect(read.map((i) => i.inputs)).to.deep.equal([PROMOTED]);
        expect(copy.inputs).to.deep.include({
            bucket: bucket.state.bucket,
            key,
            source: "agentcore-development-code-6850cb5/runtimes/support_agent_development/code.zip",
            serverSideEncryption: "aws:kms",
            // The provider marks kmsKeyId sensitive: set, and recorded as a secret.
            kmsKeyId: "[secret]",
            bucketKeyEnabled: true,
            taggingDirective: "REPLACE",
            tags: { Environment: "staging", AgentRuntime: "support_agent" },
        });
        expect(copy.inputs.copyIfMatch).to.be.a("string").and.have.length.greaterThan(0);
        // Written only once the bucket is versioned, encrypted and fenced.
        expect(copy.dependencies).to.include.members(
            [T.versioning, T.encryption, T.publicAccess].map((t) => one(run, t).urn),
        );
        const deployed = component.runtimeArtifacts.support_agent as Extract<DeployedArtifact, { kind: "code" }>;
        expect(deployed).to.deep.include({ kind: "code", key });
        expect(await promiseOf(pulumi.output(deployed.bucket))).to.equal(bucket.state.bucket);
        expect(await promiseOf(pulumi.output(deployed.versionId))).to.equal(copy.state.versionId);
        const output = (await promiseOf(component.outputs)).support_agent;
        expect(Object.keys(output).sort()).to.deep.equal(["code", "codeRuntime", "copiedFrom", "entryPoint", "kind"]);
        expect(output.copiedFrom).to.deep.equal(PROMOTED);
        expect(output.code).to.deep.equal({ bucket: bucket.state.bucket, key, versionId: copy.state.versionId });
        // The role reads only the copy, with this stack's key: nothing of the source stack.
        const doc = document(one(run, T.rolePolicy).inputs.policy);
        expect(doc.Statement[0].Resource).to.deep.equal([`arn:aws:s3:::${bucket.state.bucket}/${key}`]);
        expect(JSON.stringify(doc)).to.not.include("agentcore-development-code-6850cb5");
        expect(doc.Statement[1].Resource).to.deep.equal([KEY]);
    });

    it("the copy is retained on delete in a protected stack (deleting it deletes every version of its key); near miss: unprotected it is not", async () => {
        const retained = one(
            (await build([promotedRuntime()], { environment: "production", protect: true })).run,
            T.copy,
        );
        expect(retained.retainOnDelete).to.equal(true);
        const plain = one((await build([promotedRuntime()], { environment: "staging" })).run, T.copy);
        expect(plain.retainOnDelete).to.equal(false);
    });

    it("the copy carries at most 10 tags whatever the stack's tags (S3 allows 10 per object)", async () => {
        const many = Object.fromEntries(Array.from({ length: 42 }, (_, i) => [`T${i}`, "v"]));
        const raw = rawStack("staging", {
            tags: many,
            runtimes: [{ name: "support_agent", code: { s3: PROMOTED, runtime: "NODE_22", entryPoint: ["main.js"] } }],
        });
        const run = await runFixtureStack("staging", { tags: raw.values.tags, runtimes: raw.values.runtimes });
        expect(run.error, run.error?.message).to.equal(undefined);
        expect(Object.keys(one(run, T.copy).inputs.tags as object).length).to.be.at.most(10);
    });
});

describe("AgentArtifacts in the program: the runtime consumes the artifact", () => {
    it("aws-native, code: codeConfiguration with the object version, after the artifact read policy", async () => {
        const run = await runFixtureStack("development");
        const runtime = one(run, T.native);
        const object = one(run, T.object);
        expect(runtime.inputs.agentRuntimeArtifact).to.deep.equal({
            codeConfiguration: {
                code: {
                    s3: {
                        bucket: one(run, T.bucket).state.bucket,
                        prefix: "runtimes/support_agent_development/code.zip",
                        versionId: object.state.versionId,
                    },
                },
                runtime: "NODE_22",
                entryPoint: ["main.js"],
            },
        });
        expect(runtime.dependencies).to.include(one(run, T.rolePolicy, "-support_agent-access").urn);
        expect(JSON.stringify(runtime.inputs)).to.not.include("containerConfiguration");
    });

    it("classic, code: codeConfiguration with entryPoints and a Python runtime", async () => {
        const run = await runFixtureStack("development", {
            runtimeProvider: "aws",
            runtimes: JSON.stringify([
                {
                    name: "support_agent",
                    code: {
                        path: "agents/support-agent/dist",
                        runtime: "PYTHON_3_13",
                        entryPoint: ["opentelemetry-instrument", "main.js"],
                    },
                },
            ]),
        });
        expect(run.error, run.error?.message).to.equal(undefined);
        const runtime = one(run, T.classic);
        expect(runtime.inputs.agentRuntimeArtifact).to.deep.equal({
            codeConfiguration: {
                code: {
                    s3: {
                        bucket: one(run, T.bucket).state.bucket,
                        prefix: "runtimes/support_agent_development/code.zip",
                        versionId: one(run, T.object).state.versionId,
                    },
                },
                runtime: "PYTHON_3_13",
                entryPoints: ["opentelemetry-instrument", "main.js"],
            },
        });
    });

    for (const provider of ["aws-native", "aws"] as const) {
        it(`${provider}, image: containerConfiguration with the digest awsx returned`, async () => {
            const run = await runFixtureStack("staging", provider === "aws" ? { runtimeProvider: "aws" } : {});
            const runtime = one(run, provider === "aws" ? T.classic : T.native);
            const imageUri = one(run, T.image).state.imageUri as string;
            expect(runtime.inputs.agentRuntimeArtifact).to.deep.equal({
                containerConfiguration: { containerUri: imageUri },
            });
            expect(imageUri).to.match(/@sha256:[0-9a-f]{64}$/);
            expect(runtime.dependencies).to.include(one(run, T.rolePolicy, "-support_agent-access").urn);
        });
    }

    it("the same source gives the same runtime inputs (no new version); another archive a new version ID the runtime takes", async () => {
        const first = await runFixtureStack("development");
        const again = await runFixtureStack("development");
        expect(one(again, T.native).inputs.agentRuntimeArtifact).to.deep.equal(
            one(first, T.native).inputs.agentRuntimeArtifact,
        );
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "artifact-spec-"));
        try {
            fs.mkdirSync(path.join(dir, "agents", "v2"), { recursive: true });
            fs.writeFileSync(path.join(dir, "agents", "v2", "main.js"), "// v2\n");
            const next = await runFixtureStack(
                "development",
                {
                    runtimes: JSON.stringify([
                        {
                            name: "support_agent",
                            code: { path: "agents/v2", runtime: "NODE_22", entryPoint: ["main.js"] },
                        },
                    ]),
                },
                undefined,
                dir,
            );
            const object = one(next, T.object);
            expect(object.inputs.source).to.deep.equal({ kind: "FileArchive", path: "agents/v2" });
            expect(object.state.versionId).to.not.equal(one(first, T.object).state.versionId);
            const s3 = (
                one(next, T.native).inputs.agentRuntimeArtifact as {
                    codeConfiguration: { code: { s3: { versionId: string } } };
                }
            ).codeConfiguration.code.s3;
            expect(s3.versionId).to.equal(object.state.versionId);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe("artifact access document (pure)", () => {
    const ctx = { partition: "aws", region: "eu-west-1", accountId: "111122223333" };

    it("needs exactly one of a repository or a code object", () => {
        expect(() => artifactAccessPolicy(ctx)).to.throw("exactly one of repositoryArn or codeObject");
        expect(() =>
            artifactAccessPolicy({
                ...ctx,
                repositoryArn: "arn:aws:ecr:eu-west-1:111122223333:repository/a",
                codeObject: { bucketArn: "arn:aws:s3:::b", key: "k" },
            }),
        ).to.throw("exactly one of repositoryArn or codeObject");
    });

    it("takes the repository's own account and region from the image URI, and rejects a public image", () => {
        expect(ecrRepositoryArn("aws", "444455556666.dkr.ecr.eu-west-1.amazonaws.com/shared/billing:2.0.0")).to.equal(
            "arn:aws:ecr:eu-west-1:444455556666:repository/shared/billing",
        );
        expect(
            ecrRepositoryArn("aws-cn", `444455556666.dkr.ecr.cn-north-1.amazonaws.com/a@sha256:${"0".repeat(64)}`),
        ).to.equal("arn:aws-cn:ecr:cn-north-1:444455556666:repository/a");
        expect(() => ecrRepositoryArn("aws", "docker.io/library/nginx:1")).to.throw(
            'containerUri "docker.io/library/nginx:1" is not a private ECR image URI',
        );
    });

    it("uses the partition's DNS suffix in kms:ViaService", () => {
        const doc = artifactAccessPolicy({
            ...ctx,
            region: "cn-north-1",
            partition: "aws-cn",
            dnsSuffix: "amazonaws.com.cn",
            codeObject: {
                bucketArn: "arn:aws-cn:s3:::b",
                key: "k.zip",
                kmsKeyArn: "arn:aws-cn:kms:cn-north-1:111122223333:key/x",
            },
        });
        expect(doc.Statement[1].Condition?.StringEquals["kms:ViaService"]).to.equal("s3.cn-north-1.amazonaws.com.cn");
    });

    it("grants nothing on * but the ECR token, and no wildcard action", () => {
        for (const doc of [
            artifactAccessPolicy({ ...ctx, repositoryArn: "arn:aws:ecr:eu-west-1:111122223333:repository/a" }),
            artifactAccessPolicy({
                ...ctx,
                codeObject: {
                    bucketArn: "arn:aws:s3:::b",
                    key: "runtimes/a/code.zip",
                    kmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/x",
                },
            }),
        ]) {
            for (const s of doc.Statement) {
                ([] as string[]).concat(s.Action).forEach((a) => expect(a).to.not.include("*"));
                if (s.Resource === "*") {
                    expect(s.Action).to.deep.equal(["ecr:GetAuthorizationToken"]);
                }
            }
        }
    });
});

describe("artifact store settings (pure)", () => {
    it("names a repository <component>/<runtime>, lowercase, with characters ECR rejects replaced", () => {
        expect(repositoryName("agentcore-staging", "Support_Agent")).to.equal("agentcore-staging/support_agent");
        expect(repositoryName("agentcore-my stack", "a")).to.equal("agentcore-my-stack/a");
    });

    // ECR's repositoryName pattern (ECR API reference, CreateRepository), written out here.
    const ECR_NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

    it("gives every valid runtime name a repository name ECR accepts: a trailing _ or a __ run too", () => {
        for (const name of ["agent_", "a__b", "A_", "a___", "x_y__z_", "Agent_1_", "a".repeat(37) + "_"]) {
            const repo = repositoryName("agentcore-development", name);
            expect(repo, `${name} → ${repo}`).to.match(ECR_NAME);
            expect(repo.length).to.be.at.most(256);
        }
        expect(repositoryName("agentcore-development", "agent_")).to.match(
            /^agentcore-development\/agent-[0-9a-f]{8}$/,
        );
        // Near miss: a name that already fits keeps its name (no replacement of existing repositories).
        expect(repositoryName("agentcore-development", "agent")).to.equal("agentcore-development/agent");
        expect(repositoryName("agentcore-development", "a_b")).to.equal("agentcore-development/a_b");
    });

    it("gives different runtime names different repositories (a_b, a__b, a_b_, a___b)", () => {
        const names = ["a_b", "a__b", "a_b_", "a___b", "ab", "a_", "a__", "a", "A_b_"];
        const repos = names.map((n) => repositoryName("agentcore-development", n));
        expect(new Set(repos).size).to.equal(names.length);
    });

    it("refuses two runtimes whose names differ only in letter case, naming the key", () => {
        const second = { ...JSON.parse(String(rawStack("development").values.runtimes))[0], name: "Support_Agent" };
        const first = JSON.parse(String(rawStack("development").values.runtimes))[0];
        expect(configProblems(rawStack("development", { runtimes: [first, second] }))).to.include(
            `runtimes[1].name "Support_Agent" is invalid: a name not used by another runtime in this stack, letter case aside (e.g. "Support_Agent_2")`,
        );
    });

    it("tags a promoted digest promoted-<target>-<12 hex>, which the lifecycle's first rule keeps", () => {
        const tag = promotionTag(
            "production",
            "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        );
        expect(tag).to.equal("promoted-production-9f86d081884c");
        // ECR image tag: at most 128 characters of [a-zA-Z0-9._-], starting with a letter, digit or _.
        expect(tag).to.match(/^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/);
        expect(promotionTag("x".repeat(200), "sha256:" + "a".repeat(64)).length).to.be.at.most(128);
    });

    it("keys each runtime's zip under its own prefix", () => {
        expect(codeObjectKey("support_agent_development")).to.equal("runtimes/support_agent_development/code.zip");
    });

    it("force-deletes stores in development and staging, never in production", () => {
        expect([
            forceDeleteStores("development"),
            forceDeleteStores("staging"),
            forceDeleteStores("production"),
        ]).to.deep.equal([true, false, false]);
    });

    it("hashes file names and contents but not .git, and tags with 16 hex characters", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "artifact-hash-"));
        try {
            fs.writeFileSync(path.join(dir, "Dockerfile"), "FROM scratch\n");
            const hash = () => buildContextHash(dir, path.join(dir, "Dockerfile"), {});
            const first = hash();
            expect(first).to.match(/^[0-9a-f]{64}$/);
            expect(imageTag(first)).to.equal(`src-${first.slice(0, 16)}`);
            fs.mkdirSync(path.join(dir, ".git"));
            fs.writeFileSync(path.join(dir, ".git", "HEAD"), "ref: refs/heads/main\n");
            expect(hash()).to.equal(first);
            fs.writeFileSync(path.join(dir, "a.txt"), "");
            expect(hash()).to.not.equal(first);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("does not hash what .dockerignore excludes (node_modules/, dist/), and does hash a ! exception", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "artifact-hash-"));
        try {
            fs.writeFileSync(path.join(dir, "Dockerfile"), "FROM scratch\n");
            fs.writeFileSync(path.join(dir, ".dockerignore"), "node_modules\ndist/\n*.log\n!keep.log\n");
            fs.writeFileSync(path.join(dir, "main.js"), "console.log(1)\n");
            const hash = () => buildContextHash(dir, path.join(dir, "Dockerfile"), {});
            const first = hash();
            fs.mkdirSync(path.join(dir, "node_modules", "x"), { recursive: true });
            fs.writeFileSync(path.join(dir, "node_modules", "x", "index.js"), "module.exports = 1;\n");
            fs.mkdirSync(path.join(dir, "dist"));
            fs.writeFileSync(path.join(dir, "dist", "main.js"), "built\n");
            fs.writeFileSync(path.join(dir, "debug.log"), "noise\n");
            expect(hash(), "ignored files changed the tag").to.equal(first);
            // Near misses: an exception and a sent file both change it.
            fs.writeFileSync(path.join(dir, "keep.log"), "kept\n");
            const withException = hash();
            expect(withException).to.not.equal(first);
            fs.writeFileSync(path.join(dir, "main.js"), "console.log(2)\n");
            expect(hash()).to.not.equal(withException);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
