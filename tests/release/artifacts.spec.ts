/**
 * The source artifacts promotion trusts, read from outputs and from a stack file: each
 * refusal with its exact message (where, the value, the example), and what is skipped.
 */
import { expect } from "chai";
import { artifactsFromOutputs, artifactsFromStackFile, checkImageUri, imageRegion } from "../../src/release/artifacts";

const DIGEST = `123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/a@sha256:${"1".repeat(64)}`;
const EXAMPLE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent@sha256:<64 hex digits>";
const S3_EXAMPLE = `{ bucket: "agent-code", key: "support_agent/code.zip", versionId: "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY" }`;
const W = 'runtime "a": stack staging output runtimes.a.artifact';

describe("artifacts: what promotion trusts", () => {
    it("an image URI: a digest passes; not ECR, not a string, or a tag is refused with the example", () => {
        expect(checkImageUri("w", DIGEST)).to.deep.equal({ kind: "container", imageUri: DIGEST });
        expect(checkImageUri("w", "ghcr.io/a/b@sha256:" + "1".repeat(64))).to.deep.equal({
            refused: `w "ghcr.io/a/b@sha256:${"1".repeat(64)}" is not a private ECR image URI (e.g. ${EXAMPLE})`,
        });
        expect(checkImageUri("w", 7)).to.deep.equal({
            refused: `w 7 is not a private ECR image URI (e.g. ${EXAMPLE})`,
        });
        expect(checkImageUri("w", "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/a:v1")).to.deep.equal({
            refused:
                'w "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/a:v1" is pinned by the tag ":v1", which can be moved to another image: ' +
                `promotion copies only an image pinned by digest (e.g. ${EXAMPLE})`,
        });
        expect(imageRegion(DIGEST)).to.equal("us-east-1");
        expect(imageRegion("not-an-image")).to.equal(undefined);
    });

    it("outputs: each artifact kind, and each refusal naming the output", () => {
        const code = (c: unknown, rt: unknown = "NODE_22", ep: unknown = ["main.js"]) => ({
            runtimes: { a: { artifact: { kind: "code", code: c, codeRuntime: rt, entryPoint: ep } } },
        });
        const one = (o: unknown) => artifactsFromOutputs(o, "staging").get("a");
        expect(one({ runtimes: { a: { artifact: { kind: "image", imageUri: DIGEST } } } })).to.deep.equal({
            kind: "container",
            imageUri: DIGEST,
        });
        expect(one({ runtimes: { a: { artifact: { kind: "container", imageUri: "x" } } } })).to.deep.equal({
            refused: `${W}.imageUri "x" is not a private ECR image URI (e.g. ${EXAMPLE})`,
        });
        expect(one(code({ bucket: "b", key: "k", versionId: "v" }))).to.deep.equal({
            kind: "code",
            s3: { bucket: "b", key: "k", versionId: "v" },
            runtime: "NODE_22",
            entryPoint: ["main.js"],
        });
        for (const bad of [
            undefined,
            { key: "k" },
            { bucket: "", key: "k" },
            { bucket: "b" },
            { bucket: "b", key: "" },
        ]) {
            expect(one(code(bad)), JSON.stringify(bad)).to.deep.equal({
                refused: `${W}.s3 ${JSON.stringify(bad ?? null)} needs bucket and key (e.g. ${S3_EXAMPLE})`,
            });
        }
        expect(one(code({ bucket: "b", key: "k", versionId: "" }))).to.deep.equal({
            refused:
                `${W}.s3 s3://b/k has no versionId, so it names whatever object is uploaded there next: ` +
                `promotion copies only a code object pinned by version (e.g. ${S3_EXAMPLE})`,
        });
        const pinned = { kind: "code", code: { bucket: "b", key: "k", versionId: "v" } };
        for (const artifact of [
            { ...pinned, codeRuntime: "", entryPoint: ["main.js"] },
            { ...pinned, codeRuntime: "NODE_22" },
        ]) {
            expect(one({ runtimes: { a: { artifact } } })).to.deep.equal({
                refused: `${W} needs runtime and entryPoint beside s3 (e.g. runtime: NODE_22, entryPoint: [main.js])`,
            });
        }
        expect(one({ runtimes: { a: { artifact: { kind: "zip" } } } })).to.deep.equal({
            refused: `${W}.kind "zip" is not container, image or code`,
        });
        expect(one({ runtimes: { a: { artifact: {} } } })).to.deep.equal({
            refused: `${W}.kind null is not container, image or code`,
        });
        expect([...artifactsFromOutputs({ runtimes: "none" }, "staging")]).to.deep.equal([]);
        expect([...artifactsFromOutputs(undefined, "staging")]).to.deep.equal([]);
    });

    it("a stack file: entries without a name are skipped; each refusal names the entry's index and the fix", () => {
        const read = artifactsFromStackFile(
            [
                "stray",
                { description: "no name" },
                { name: "" },
                { name: "a", containerUri: DIGEST },
                { name: "b", image: { context: "agents/b" } },
                { name: "c", code: { path: "dist" } },
                {
                    name: "d",
                    code: { s3: { bucket: "b", key: "k", versionId: "v" }, runtime: "NODE_22", entryPoint: ["m.js"] },
                },
                { name: "e", protocol: "HTTP" },
                { name: "f", containerUri: "x" },
            ],
            "staging",
        );
        expect([...read.keys()]).to.deep.equal(["a", "b", "c", "d", "e", "f"]);
        expect(read.get("a")).to.deep.equal({ kind: "container", imageUri: DIGEST });
        expect(read.get("b")).to.deep.equal({
            refused:
                'runtime "b": Pulumi.staging.yaml runtimes[4].image is a build (context "agents/b"), not a deployed digest: ' +
                "promote from the stack's outputs (install the Pulumi CLI and log in), or pin containerUri by digest in Pulumi.staging.yaml",
        });
        expect(read.get("c")).to.deep.equal({
            refused:
                'runtime "c": Pulumi.staging.yaml runtimes[5].code.path "dist" is a local build, not a deployed object version: ' +
                "promote from the stack's outputs (install the Pulumi CLI and log in), or use code.s3 with a versionId",
        });
        expect(read.get("d")).to.deep.equal({
            kind: "code",
            s3: { bucket: "b", key: "k", versionId: "v" },
            runtime: "NODE_22",
            entryPoint: ["m.js"],
        });
        expect(read.get("e")).to.deep.equal({
            refused: 'runtime "e": Pulumi.staging.yaml runtimes[7] has no artifact (containerUri, image or code)',
        });
        expect(read.get("f")).to.deep.equal({
            refused: `runtime "f": Pulumi.staging.yaml runtimes[8].containerUri "x" is not a private ECR image URI (e.g. ${EXAMPLE})`,
        });
        expect([...artifactsFromStackFile({ name: "a" }, "staging")]).to.deep.equal([]);
    });

    it("a stack file's code without s3 is refused by where it is (code.s3)", () => {
        expect(artifactsFromStackFile([{ name: "a", code: { runtime: "NODE_22" } }], "staging").get("a")).to.deep.equal(
            {
                refused: `runtime "a": Pulumi.staging.yaml runtimes[0].code.s3 null needs bucket and key (e.g. ${S3_EXAMPLE})`,
            },
        );
    });
});
