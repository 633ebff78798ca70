/**
 * The artifact of each runtime in config (src/artifact/config.ts): exactly one of
 * containerUri, image or code; every bad input gives one exact message naming the key, and
 * a bad artifact registers nothing. Paths resolve against the project root: here the
 * fixture tree tests/fixtures/source-root.
 */
import { expect } from "chai";
import * as path from "path";
import { RuntimeConfig, validateConfig } from "../../src/config";
import { FIXTURE_SOURCE_ROOT, configProblems, rawStack, runFixtureStack } from "../helpers";

const DIGEST_URI =
    "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
const CODE = { path: "agents/support-agent/dist", runtime: "NODE_22", entryPoint: ["main.js"] };
const ONE_OF =
    "exactly one of containerUri (an existing image), image (built from source) or code (direct code deployment)";
const ONE_OF_EXAMPLE = `code: { path: "agents/support-agent/dist", runtime: "NODE_22", entryPoint: ["main.js"] } or image: { context: "agents/support-agent" }`;
const RUNTIMES_ALLOWED = "one of NODE_22, PYTHON_3_10, PYTHON_3_11, PYTHON_3_12, PYTHON_3_13, PYTHON_3_14";

/** The problems of a stack file whose first runtime is `support_agent` with these fields. */
function problemsOf(
    stack: string,
    fields: Record<string, unknown>,
    extra: Record<string, unknown> = {},
): readonly string[] {
    return configProblems(rawStack(stack, { runtimes: [{ name: "support_agent", ...fields }], ...extra }));
}

function runtimeOf(stack: string, fields: Record<string, unknown>, extra: Record<string, unknown> = {}): RuntimeConfig {
    return validateConfig(rawStack(stack, { runtimes: [{ name: "support_agent", ...fields }], ...extra })).runtimes[0];
}

describe("artifact config: the three kinds", () => {
    it("reads the stack files: development deploys code, staging builds an image, production pins a digest", () => {
        expect(validateConfig(rawStack("development")).runtimes[0].artifact).to.deep.equal({
            kind: "code",
            source: { kind: "path", path: "agents/support-agent/dist" },
            runtime: "NODE_22",
            entryPoint: ["main.js"],
        });
        expect(validateConfig(rawStack("staging")).runtimes[0].artifact).to.deep.equal({
            kind: "image",
            context: "agents/support-agent",
            dockerfile: "agents/support-agent/Dockerfile",
            buildArgs: {},
            contextPath: path.join(FIXTURE_SOURCE_ROOT, "agents", "support-agent"),
            dockerfilePath: path.join(FIXTURE_SOURCE_ROOT, "agents", "support-agent", "Dockerfile"),
        });
        expect(validateConfig(rawStack("production")).runtimes[0].artifact).to.deep.equal({
            kind: "container",
            containerUri: DIGEST_URI,
        });
    });

    it("normalizes paths and reads a Dockerfile relative to the context and text build args", () => {
        const a = runtimeOf("staging", {
            image: {
                context: "./agents//support-agent/",
                dockerfile: "./Dockerfile",
                buildArgs: { NODE_VERSION: 22, DEBUG: false, TAG: "x" },
            },
        }).artifact;
        expect(a).to.deep.include({
            kind: "image",
            context: "agents/support-agent",
            dockerfile: "agents/support-agent/Dockerfile",
            buildArgs: { NODE_VERSION: "22", DEBUG: "false", TAG: "x" },
        });
    });

    it("accepts a launcher before the entry file (2 elements) and an existing object version (promotion)", () => {
        expect(
            runtimeOf("development", { code: { ...CODE, entryPoint: ["node", "main.js"] } }).artifact,
        ).to.deep.include({ entryPoint: ["node", "main.js"] });
        const promoted = runtimeOf("staging", {
            code: {
                s3: {
                    bucket: "agentcore-development-code-6850cb5",
                    key: "runtimes/support_agent_development/code.zip",
                    versionId: "3sL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY",
                },
                runtime: "NODE_22",
                entryPoint: ["main.js"],
            },
        }).artifact;
        expect(promoted).to.deep.equal({
            kind: "code",
            source: {
                kind: "s3",
                bucket: "agentcore-development-code-6850cb5",
                key: "runtimes/support_agent_development/code.zip",
                versionId: "3sL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY",
            },
            runtime: "NODE_22",
            entryPoint: ["main.js"],
        });
    });

    it("accepts a Python code runtime with the classic provider, and a tag outside production", () => {
        expect(
            problemsOf("development", { code: { ...CODE, runtime: "PYTHON_3_13" } }, { runtimeProvider: "aws" }),
        ).to.deep.equal([]);
        expect(
            problemsOf("staging", {
                containerUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent:1.4.2",
            }),
        ).to.deep.equal([]);
        expect(problemsOf("production", { containerUri: DIGEST_URI })).to.deep.equal([]);
    });

    it("resolves relative paths against the project root it is given, not the working directory", () => {
        // The repository root has no agents/support-agent/dist on this branch; the fixture root does.
        expect(problemsOf("development", { code: CODE })).to.deep.equal([]);
        const elsewhere = path.join(FIXTURE_SOURCE_ROOT, "agents");
        expect(() => validateConfig({ ...rawStack("development"), root: elsewhere })).to.throw(
            `runtimes[0].code.path "agents/support-agent/dist" is invalid: an existing directory relative to the project root (${path.join(elsewhere, "agents/support-agent/dist")} does not exist or is not a directory; build it first, e.g. npm run agent:build) (e.g. "agents/support-agent/dist")`,
        );
    });
});

describe("artifact config: each bad input gives its exact message", () => {
    const cases: [string, string, Record<string, unknown>, string[], Record<string, unknown>?][] = [
        [
            "development",
            "neither artifact",
            {},
            [
                `runtimes[0].containerUri|image|code (runtime "support_agent") is missing: ${ONE_OF} (e.g. ${ONE_OF_EXAMPLE})`,
            ],
        ],
        [
            "development",
            "containerUri and code",
            { containerUri: DIGEST_URI, code: CODE },
            [
                `runtimes[0].containerUri+code (runtime "support_agent") "containerUri, code" is invalid: ${ONE_OF}; remove all but one (e.g. ${ONE_OF_EXAMPLE})`,
            ],
        ],
        [
            "development",
            "all three",
            { containerUri: DIGEST_URI, image: { context: "agents/support-agent" }, code: CODE },
            [
                `runtimes[0].containerUri+image+code (runtime "support_agent") "containerUri, image, code" is invalid: ${ONE_OF}; remove all but one (e.g. ${ONE_OF_EXAMPLE})`,
            ],
        ],
        [
            "development",
            "code path that does not exist",
            { code: { ...CODE, path: "agents/nope" } },
            [
                `runtimes[0].code.path "agents/nope" is invalid: an existing directory relative to the project root (${path.join(FIXTURE_SOURCE_ROOT, "agents/nope")} does not exist or is not a directory; build it first, e.g. npm run agent:build) (e.g. "agents/support-agent/dist")`,
            ],
        ],
        [
            "development",
            "code path that is a file",
            { code: { ...CODE, path: "agents/support-agent/Dockerfile" } },
            [
                `runtimes[0].code.path "agents/support-agent/Dockerfile" is invalid: an existing directory relative to the project root (${path.join(FIXTURE_SOURCE_ROOT, "agents/support-agent/Dockerfile")} does not exist or is not a directory; build it first, e.g. npm run agent:build) (e.g. "agents/support-agent/dist")`,
            ],
        ],
        [
            "development",
            "entry file missing from the directory",
            { code: { ...CODE, entryPoint: ["server.js"] } },
            [
                `runtimes[0].code.entryPoint ["server.js"] is invalid: a file inside agents/support-agent/dist (${path.join(FIXTURE_SOURCE_ROOT, "agents/support-agent/dist/server.js")} does not exist) (e.g. ["main.js"])`,
            ],
        ],
        [
            "development",
            "unsupported code runtime",
            { code: { ...CODE, runtime: "NODE_20" } },
            [`runtimes[0].code.runtime "NODE_20" is invalid: ${RUNTIMES_ALLOWED} (e.g. "NODE_22")`],
        ],
        [
            "development",
            "lowercase code runtime",
            { code: { ...CODE, runtime: "node_22" } },
            [`runtimes[0].code.runtime "node_22" is invalid: ${RUNTIMES_ALLOWED} (e.g. "NODE_22")`],
        ],
        [
            "development",
            "NODE_22 with the classic provider",
            { code: CODE },
            [
                `runtimes[0].code.runtime "NODE_22" is invalid: one of PYTHON_3_10, PYTHON_3_11, PYTHON_3_12, PYTHON_3_13 (runtimeProvider aws, the classic provider, lists only these; NODE_22 needs runtimeProvider aws-native) (e.g. "PYTHON_3_10")`,
            ],
            { runtimeProvider: "aws" },
        ],
        [
            "development",
            "PYTHON_3_14 with the classic provider",
            { code: { ...CODE, runtime: "PYTHON_3_14" } },
            [
                `runtimes[0].code.runtime "PYTHON_3_14" is invalid: one of PYTHON_3_10, PYTHON_3_11, PYTHON_3_12, PYTHON_3_13 (runtimeProvider aws, the classic provider, lists only these; PYTHON_3_14 needs runtimeProvider aws-native) (e.g. "PYTHON_3_10")`,
            ],
            { runtimeProvider: "aws" },
        ],
        [
            "development",
            "empty entryPoint",
            { code: { ...CODE, entryPoint: [] } },
            [
                `runtimes[0].code.entryPoint [] is invalid: a list of 1 to 2 non-empty strings: the file to run, optionally after a launcher (e.g. ["main.js"])`,
            ],
        ],
        [
            "development",
            "blank entryPoint element",
            { code: { ...CODE, entryPoint: [" "] } },
            [
                `runtimes[0].code.entryPoint [" "] is invalid: a list of 1 to 2 non-empty strings: the file to run, optionally after a launcher (e.g. ["main.js"])`,
            ],
        ],
        [
            "development",
            "three entryPoint elements",
            { code: { ...CODE, entryPoint: ["opentelemetry-instrument", "node", "main.js"] } },
            [
                `runtimes[0].code.entryPoint ["opentelemetry-instrument","node","main.js"] is invalid: a list of 1 to 2 non-empty strings: the file to run, optionally after a launcher (e.g. ["main.js"])`,
            ],
        ],
        [
            "development",
            "entryPoint as text",
            { code: { ...CODE, entryPoint: "main.js" } },
            [
                `runtimes[0].code.entryPoint "main.js" is invalid: a list of 1 to 2 non-empty strings: the file to run, optionally after a launcher (e.g. ["main.js"])`,
            ],
        ],
        [
            "development",
            "code without path or s3",
            { code: { runtime: "NODE_22", entryPoint: ["main.js"] } },
            [
                `runtimes[0].code.path is missing: exactly one of path (a directory the stack zips and uploads) or s3 (an existing object version) (e.g. path: "agents/support-agent/dist")`,
            ],
        ],
        [
            "development",
            "code with path and s3",
            { code: { ...CODE, s3: { bucket: "agentcore-code", key: "a/code.zip", versionId: "v1" } } },
            [
                `runtimes[0].code.path+s3 "path, s3" is invalid: exactly one of path (a directory the stack zips and uploads) or s3 (an existing object version); remove one (e.g. path: "agents/support-agent/dist")`,
            ],
        ],
        [
            "staging",
            "s3 object without a version",
            {
                code: {
                    s3: { bucket: "agentcore-code", key: "a/code.zip" },
                    runtime: "NODE_22",
                    entryPoint: ["main.js"],
                },
            },
            [
                `runtimes[0].code.s3.versionId null is invalid: the object's version ID (the bucket must be versioned), so the runtime runs exactly that upload (e.g. "3sL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY")`,
            ],
        ],
        [
            "staging",
            "s3 bucket name with capitals and a wildcard key",
            {
                code: {
                    s3: { bucket: "Agentcore_Code", key: "a/*.zip", versionId: "v1" },
                    runtime: "NODE_22",
                    entryPoint: ["main.js"],
                },
            },
            [
                `runtimes[0].code.s3.bucket "Agentcore_Code" is invalid: an S3 bucket name (3-63 lowercase letters, digits, dots and hyphens) (e.g. "agentcore-code-123456789012-us-east-1")`,
                `runtimes[0].code.s3.key "a/*.zip" is invalid: the object key of the zip, 1 to 1024 characters, no wildcards (e.g. "support_agent_development/code.zip")`,
            ],
        ],
        [
            "development",
            "unknown code field",
            { code: { ...CODE, handler: "main" } },
            [
                `runtimes[0].code.handler "main" is invalid: not a known field; use path, s3, runtime, entryPoint (e.g. runtimes[0].code.path)`,
            ],
        ],
        [
            "staging",
            "image context without a Dockerfile",
            { image: { context: "agents/no-dockerfile" } },
            [
                `runtimes[0].image {"context":"agents/no-dockerfile"} is invalid: a context with a Dockerfile: ${path.join(FIXTURE_SOURCE_ROOT, "agents/no-dockerfile/Dockerfile")} does not exist (set dockerfile to its path relative to the context) (e.g. { context: "agents/no-dockerfile", dockerfile: "Dockerfile" })`,
            ],
        ],
        [
            "staging",
            "image dockerfile that does not exist",
            { image: { context: "agents/support-agent", dockerfile: "Dockerfile.arm64" } },
            [
                `runtimes[0].image.dockerfile "Dockerfile.arm64" is invalid: a context with a Dockerfile: ${path.join(FIXTURE_SOURCE_ROOT, "agents/support-agent/Dockerfile.arm64")} does not exist (set dockerfile to its path relative to the context) (e.g. { context: "agents/support-agent", dockerfile: "Dockerfile" })`,
            ],
        ],
        [
            "staging",
            "image context that does not exist",
            { image: { context: "agents/missing" } },
            [
                `runtimes[0].image.context "agents/missing" is invalid: an existing directory relative to the project root (${path.join(FIXTURE_SOURCE_ROOT, "agents/missing")} does not exist or is not a directory) (e.g. "agents/support-agent")`,
            ],
        ],
        [
            "staging",
            "image without context",
            { image: { dockerfile: "Dockerfile" } },
            [
                `runtimes[0].image.context null is invalid: the build context directory, relative to the project root (e.g. "agents/support-agent")`,
            ],
        ],
        [
            "staging",
            "bad build-arg name and a nested value",
            { image: { context: "agents/support-agent", buildArgs: { "1BAD": "x", OPTS: { a: 1 } } } },
            [
                `runtimes[0].image.buildArgs.1BAD "1BAD" is invalid: a build-arg name of letters, digits and _, not starting with a digit (e.g. NODE_VERSION)`,
                `runtimes[0].image.buildArgs.OPTS {"a":1} is invalid: a text value (build args are visible in the image history: never a secret) (e.g. "22")`,
            ],
        ],
        [
            "staging",
            "build args as a list",
            { image: { context: "agents/support-agent", buildArgs: ["A=1"] } },
            [
                `runtimes[0].image.buildArgs ["A=1"] is invalid: a map of build-arg names to text values (e.g. { NODE_VERSION: "22" })`,
            ],
        ],
        [
            "staging",
            "image as text, not a map",
            { image: "agents/support-agent" },
            [
                `runtimes[0].image "agents/support-agent" is invalid: a map with context (the build directory) and optional dockerfile and buildArgs (e.g. { context: "agents/support-agent" })`,
            ],
        ],
        [
            "staging",
            "blank image context",
            { image: { context: " " } },
            [
                `runtimes[0].image.context " " is invalid: the build context directory, relative to the project root (e.g. "agents/support-agent")`,
            ],
        ],
        [
            "staging",
            "absolute dockerfile",
            { image: { context: "agents/support-agent", dockerfile: "/Dockerfile" } },
            [
                `runtimes[0].image.dockerfile "/Dockerfile" is invalid: a Dockerfile path relative to the context (default Dockerfile) (e.g. "Dockerfile.arm64")`,
            ],
        ],
        [
            "staging",
            "blank dockerfile",
            { image: { context: "agents/support-agent", dockerfile: " " } },
            [
                `runtimes[0].image.dockerfile " " is invalid: a Dockerfile path relative to the context (default Dockerfile) (e.g. "Dockerfile.arm64")`,
            ],
        ],
        [
            "staging",
            "misspelt image field, and the context's Dockerfile is still checked",
            { image: { context: "agents/no-dockerfile", dockerfle: "Dockerfile" } },
            [
                `runtimes[0].image.dockerfle "Dockerfile" is invalid: not a known field (did you mean dockerfile?); use context, dockerfile, buildArgs (e.g. runtimes[0].image.dockerfile)`,
                `runtimes[0].image {"context":"agents/no-dockerfile"} is invalid: a context with a Dockerfile: ${path.join(FIXTURE_SOURCE_ROOT, "agents/no-dockerfile/Dockerfile")} does not exist (set dockerfile to its path relative to the context) (e.g. { context: "agents/no-dockerfile", dockerfile: "Dockerfile" })`,
            ],
        ],
        [
            "staging",
            "a build-arg value of null",
            { image: { context: "agents/support-agent", buildArgs: { NODE_VERSION: null } } },
            [
                `runtimes[0].image.buildArgs.NODE_VERSION null is invalid: a text value (build args are visible in the image history: never a secret) (e.g. "22")`,
            ],
        ],
        [
            "development",
            "code as a list, not a map",
            { code: ["agents/support-agent/dist"] },
            [
                `runtimes[0].code ["agents/support-agent/dist"] is invalid: a map with path (or s3), runtime and entryPoint (e.g. { path: "agents/support-agent/dist", runtime: "NODE_22", entryPoint: ["main.js"] })`,
            ],
        ],
        [
            "development",
            "blank code path",
            { code: { ...CODE, path: "" } },
            [
                `runtimes[0].code.path "" is invalid: a directory relative to the project root, zipped and uploaded by the stack (e.g. "agents/support-agent/dist")`,
            ],
        ],
        [
            "development",
            "code without runtime or entryPoint, and a misspelt field: every problem at once",
            { code: { path: "agents/support-agent/dist", entrypoint: ["main.js"] } },
            [
                `runtimes[0].code.runtime null is invalid: ${RUNTIMES_ALLOWED} (e.g. "NODE_22")`,
                `runtimes[0].code.entryPoint null is invalid: a list of 1 to 2 non-empty strings: the file to run, optionally after a launcher (e.g. ["main.js"])`,
                `runtimes[0].code.entrypoint ["main.js"] is invalid: not a known field (did you mean entryPoint?); use path, s3, runtime, entryPoint (e.g. runtimes[0].code.entryPoint)`,
            ],
        ],
        [
            "staging",
            "s3 as text, not a map",
            { code: { s3: "s3://agentcore-code/a/code.zip", runtime: "NODE_22", entryPoint: ["main.js"] } },
            [
                `runtimes[0].code.s3 "s3://agentcore-code/a/code.zip" is invalid: a map with bucket, key and versionId of an existing object version (e.g. { bucket: "agentcore-code-123456789012-us-east-1", key: "support_agent_development/code.zip", versionId: "3sL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY" })`,
            ],
        ],
        [
            "staging",
            "misspelt s3 field",
            {
                code: {
                    s3: { bucket: "agentcore-code", key: "a/code.zip", versionid: "v1" },
                    runtime: "NODE_22",
                    entryPoint: ["main.js"],
                },
            },
            [
                `runtimes[0].code.s3.versionId null is invalid: the object's version ID (the bucket must be versioned), so the runtime runs exactly that upload (e.g. "3sL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY")`,
                `runtimes[0].code.s3.versionid "v1" is invalid: not a known field (did you mean versionId?); use bucket, key, versionId (e.g. runtimes[0].code.s3.versionId)`,
            ],
        ],
        [
            "development",
            "containerUri that is no text",
            { containerUri: 42 },
            [
                `runtimes[0].containerUri 42 is invalid: a private ECR image URI with a tag or digest (e.g. "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.4.2")`,
            ],
        ],
        [
            "development",
            "a digest without its sha256: prefix",
            { containerUri: DIGEST_URI.replace("sha256:", "") },
            [
                `runtimes[0].containerUri "${DIGEST_URI.replace("sha256:", "")}" is invalid: a digest is sha256: and 64 hex characters, lowercase (this one has no sha256: prefix) (e.g. "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.4.2")`,
            ],
        ],
        [
            "production",
            "a digest of 65 hex characters, in production's example",
            { containerUri: `${DIGEST_URI}0` },
            [
                `runtimes[0].containerUri "${DIGEST_URI}0" is invalid: a digest is sha256: and 64 hex characters, lowercase (this one has 65 characters after sha256:) (e.g. "${DIGEST_URI}")`,
            ],
        ],
        [
            "production",
            "a tag in production",
            { containerUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent:1.4.2" },
            [
                `runtimes[0].containerUri "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent:1.4.2" is invalid: an image pinned by digest (@sha256:<64 hex>) in production, never a tag such as latest: a tag can be moved (e.g. "${DIGEST_URI}")`,
            ],
        ],
    ];
    for (const [stack, title, fields, expected, extra] of cases) {
        it(title, () => {
            expect(problemsOf(stack, fields, extra)).to.deep.equal(expected);
        });
    }
});

describe("artifact config: nothing is registered when an artifact is bad", () => {
    for (const [title, runtime] of [
        ["a missing code directory", { name: "support_agent", code: { ...CODE, path: "agents/nope" } }],
        ["a context without a Dockerfile", { name: "support_agent", image: { context: "agents/no-dockerfile" } }],
        [
            "two artifacts",
            { name: "support_agent", containerUri: DIGEST_URI, image: { context: "agents/support-agent" } },
        ],
    ] as const) {
        it(title, async () => {
            const run = await runFixtureStack("development", { runtimes: JSON.stringify([runtime]) });
            expect(run.error?.message).to.match(
                /^Stack "development" has 1 configuration problem; nothing was created:/,
            );
            expect(run.resources.filter((r) => r.custom)).to.deep.equal([]);
        });
    }
});

describe("artifact config: bounds on both sides", () => {
    const s3 = (bucket: string, key = "a/code.zip") => ({
        code: { s3: { bucket, key, versionId: "v1" }, runtime: "NODE_22", entryPoint: ["main.js"] },
    });
    const bucketError = (bucket: string) =>
        `runtimes[0].code.s3.bucket "${bucket}" is invalid: an S3 bucket name (3-63 lowercase letters, digits, dots and hyphens) (e.g. "agentcore-code-123456789012-us-east-1")`;

    it("bucket names of 3 and 63 characters pass; 2 and 64 fail", () => {
        expect(problemsOf("staging", s3("abc"))).to.deep.equal([]);
        expect(problemsOf("staging", s3("a".repeat(63)))).to.deep.equal([]);
        expect(problemsOf("staging", s3("ab"))).to.deep.equal([bucketError("ab")]);
        expect(problemsOf("staging", s3("a".repeat(64)))).to.deep.equal([bucketError("a".repeat(64))]);
    });

    it("object keys of 1 and 1024 characters pass; empty and 1025 fail", () => {
        const keyError = (key: string) =>
            `runtimes[0].code.s3.key "${key}" is invalid: the object key of the zip, 1 to 1024 characters, no wildcards (e.g. "support_agent_development/code.zip")`;
        expect(problemsOf("staging", s3("abc", "k"))).to.deep.equal([]);
        expect(problemsOf("staging", s3("abc", "k".repeat(1024)))).to.deep.equal([]);
        expect(problemsOf("staging", s3("abc", ""))).to.deep.equal([keyError("")]);
        expect(problemsOf("staging", s3("abc", "k".repeat(1025)))).to.deep.equal([keyError("k".repeat(1025))]);
    });

    it("entryPoint of 1 and 2 elements pass; 0 and 3 fail (above)", () => {
        expect(problemsOf("development", { code: CODE })).to.deep.equal([]);
        expect(problemsOf("development", { code: { ...CODE, entryPoint: ["node", "main.js"] } })).to.deep.equal([]);
    });

    it("a build-arg name may start with _ but not with a digit", () => {
        expect(
            problemsOf("staging", { image: { context: "agents/support-agent", buildArgs: { _A1: "x" } } }),
        ).to.deep.equal([]);
        expect(
            problemsOf("staging", { image: { context: "agents/support-agent", buildArgs: { "9A": "x" } } }),
        ).to.deep.equal([
            `runtimes[0].image.buildArgs.9A "9A" is invalid: a build-arg name of letters, digits and _, not starting with a digit (e.g. NODE_VERSION)`,
        ]);
    });

    it("versionIds of 1 and 1024 characters pass; blank and 1025 fail", () => {
        const version = (versionId: string) =>
            problemsOf("staging", {
                code: { s3: { bucket: "abc", key: "k", versionId }, runtime: "NODE_22", entryPoint: ["main.js"] },
            });
        const versionError = (versionId: string) =>
            `runtimes[0].code.s3.versionId "${versionId}" is invalid: the object's version ID (the bucket must be versioned), so the runtime runs exactly that upload (e.g. "3sL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY")`;
        expect(version("v")).to.deep.equal([]);
        expect(version("v".repeat(1024))).to.deep.equal([]);
        expect(version(" ")).to.deep.equal([versionError(" ")]);
        expect(version("v".repeat(1025))).to.deep.equal([versionError("v".repeat(1025))]);
    });

    it("a versionId of the literal null (S3's ID for an unversioned object) fails", () => {
        expect(
            problemsOf("staging", {
                code: {
                    s3: { bucket: "abc", key: "k", versionId: "null" },
                    runtime: "NODE_22",
                    entryPoint: ["main.js"],
                },
            }),
        ).to.deep.equal([
            `runtimes[0].code.s3.versionId "null" is invalid: the object's version ID (the bucket must be versioned), so the runtime runs exactly that upload (e.g. "3sL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY")`,
        ]);
    });
});
