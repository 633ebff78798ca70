/**
 * The stack output contract for artifacts, which promotion between stacks reads:
 * `runtimes.<name>.artifact` = `{ kind, imageUri?, repositoryUrl?, code?: { bucket, key,
 * versionId }, codeRuntime?, entryPoint? }`, per stack file, with exactly the keys of its kind.
 */
import { expect } from "chai";
import { STACKS, one, providerOverrides, runStackOnce } from "../helpers";

type Artifact = Record<string, unknown> & { kind: string };

async function artifactOf(stack: string, overrides: Record<string, string> = {}): Promise<Artifact> {
    const run = await runStackOnce(stack, overrides);
    expect(run.error, run.error?.message).to.equal(undefined);
    const runtimes = run.outputs?.runtimes as Record<string, { artifact: Artifact }>;
    expect(Object.keys(runtimes)).to.deep.equal(["support_agent"]);
    return runtimes.support_agent.artifact;
}

describe("stack contract: runtimes.<name>.artifact", () => {
    it("development: code, with the bucket, key and object version the runtime runs, and no image anywhere", async () => {
        const artifact = await artifactOf("development");
        const run = await runStackOnce("development");
        expect(Object.keys(artifact).sort()).to.deep.equal(["code", "codeRuntime", "entryPoint", "kind"]);
        expect(artifact).to.deep.equal({
            kind: "code",
            code: {
                bucket: one(run, "aws:s3/bucket:Bucket").state.bucket,
                key: "runtimes/support_agent_development/code.zip",
                versionId: one(run, "aws:s3/bucketObjectv2:BucketObjectv2").state.versionId,
            },
            codeRuntime: "NODE_22",
            entryPoint: ["main.js"],
        });
        expect((artifact.code as { bucket: string }).bucket).to.match(/^agentcore-development-code-[0-9a-f]{7}$/);
        expect(run.resources.filter((r) => /ecr|awsx/.test(r.type))).to.deep.equal([]);
        expect(JSON.stringify(run.outputs)).to.not.match(/dkr\.ecr|containerUri|imageUri/);
    });

    it("staging: image, by digest, with the stack's repository URL", async () => {
        const artifact = await artifactOf("staging");
        expect(Object.keys(artifact).sort()).to.deep.equal(["imageUri", "kind", "repositoryUrl"]);
        expect(artifact.kind).to.equal("image");
        expect(artifact.repositoryUrl).to.equal(
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/agentcore-staging/support_agent",
        );
        expect(artifact.imageUri).to.match(
            /^123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/agentcore-staging\/support_agent@sha256:[0-9a-f]{64}$/,
        );
    });

    it("production: the configured image, pinned by digest", async () => {
        expect(await artifactOf("production")).to.deep.equal({
            kind: "container",
            imageUri:
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            repositoryUrl: "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent",
        });
    });

    for (const stack of STACKS) {
        it(`${stack}: the same artifact contract with the classic provider`, async () => {
            const artifact = await artifactOf(stack, providerOverrides(stack, "aws"));
            expect(["container", "image", "code"]).to.include(artifact.kind);
            if (artifact.kind !== "code") {
                expect(artifact.imageUri).to.match(/@sha256:[0-9a-f]{64}$/);
            }
        });
    }
});
