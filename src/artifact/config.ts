/**
 * What a runtime runs: exactly one artifact per runtime, read from `runtimes[i]`.
 * - `containerUri`: an existing private ECR image in the stack's region.
 * - `image: { context, dockerfile?, buildArgs? }`: built for linux/arm64 from source into a
 *   stack-owned ECR repository; the runtime uses the pushed image by digest.
 * - `code: { path, runtime, entryPoint }`: AgentCore direct code deployment; the directory is
 *   zipped by Pulumi into a stack-owned S3 bucket and the runtime pins the object version.
 * - `code: { s3: { bucket, key, versionId }, runtime, entryPoint }`: an object version that
 *   already exists (what promotion between stacks writes).
 * Relative paths resolve against the project root (the directory of Pulumi.yaml), which is
 * where Pulumi runs the program; the offline runner resolves them the same way.
 */
import * as fs from "fs";
import * as path from "path";
import { Environment, RuntimeProvider } from "../aws/agentcore";
import { isRecord, unknownFields } from "../config/fields";
import { Problems } from "../config/problems";

/**
 * Direct-code language runtimes per provider, as the installed provider types list them:
 * aws-native `RuntimeAgentManagedRuntimeType` (types/enums/bedrockagentcore) and the classic
 * `AgentcoreAgentRuntimeAgentRuntimeArtifactCodeConfiguration.runtime` documentation
 * (types/input.d.ts), which lists Python only.
 */
export const CODE_RUNTIMES: Readonly<Record<RuntimeProvider, readonly string[]>> = {
    "aws-native": ["NODE_22", "PYTHON_3_10", "PYTHON_3_11", "PYTHON_3_12", "PYTHON_3_13", "PYTHON_3_14"],
    aws: ["PYTHON_3_10", "PYTHON_3_11", "PYTHON_3_12", "PYTHON_3_13"],
};
export type CodeRuntime = "NODE_22" | "PYTHON_3_10" | "PYTHON_3_11" | "PYTHON_3_12" | "PYTHON_3_13" | "PYTHON_3_14";

/** `entryPoint` holds 1 or 2 elements, e.g. ["main.py"] or ["opentelemetry-instrument", "main.py"] (classic provider docs). */
export const ENTRY_POINT_MAX = 2;
/** The platform AgentCore runs images on. */
export const IMAGE_PLATFORM = "linux/arm64";
/** Docker's build-arg names follow shell variable names. */
const BUILD_ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** S3 bucket names: 3-63 lowercase letters, digits, dots and hyphens. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** The three artifact keys of a runtime; exactly one is set. */
export const ARTIFACT_KEYS = ["containerUri", "image", "code"] as const;
const IMAGE_FIELDS = ["context", "dockerfile", "buildArgs"];
const CODE_FIELDS = ["path", "s3", "runtime", "entryPoint"];
const S3_FIELDS = ["bucket", "key", "versionId"];

/** An existing image, used as configured. */
export interface ContainerArtifact {
    readonly kind: "container";
    readonly containerUri: string;
}

/** An image the stack builds for linux/arm64 and pushes to its own repository. */
export interface ImageArtifact {
    readonly kind: "image";
    /** The build context, relative to the project root as configured (e.g. `agents/support-agent`). */
    readonly context: string;
    /** The Dockerfile relative to the project root: `<context>/<dockerfile>`. */
    readonly dockerfile: string;
    readonly buildArgs: Readonly<Record<string, string>>;
    /** The context's absolute path on this machine (to hash its content for the image tag). */
    readonly contextPath: string;
    /** The Dockerfile's absolute path on this machine. */
    readonly dockerfilePath: string;
}

/** A directory the stack zips and uploads to its own bucket. */
export interface CodePathSource {
    readonly kind: "path";
    /** As configured, relative to the project root. */
    readonly path: string;
}

/** An object version that already exists (what promotion writes). */
export interface CodeS3Source {
    readonly kind: "s3";
    readonly bucket: string;
    readonly key: string;
    readonly versionId: string;
}

/** AgentCore direct code deployment. */
export interface CodeArtifact {
    readonly kind: "code";
    readonly source: CodePathSource | CodeS3Source;
    readonly runtime: CodeRuntime;
    readonly entryPoint: readonly string[];
}

export type RuntimeArtifact = ContainerArtifact | ImageArtifact | CodeArtifact;

/** What artifact checks need from the rest of the config. */
export interface ArtifactContext {
    readonly region?: string;
    readonly environment?: Environment;
    readonly provider: RuntimeProvider;
    /** Where relative paths resolve: the project root. */
    readonly root: string;
    /** Checks a containerUri (format, region, pinning); returns whether it is usable. */
    readonly checkContainerUri: (p: Problems, key: string, uri: unknown) => boolean;
}

/** A relative path as the user wrote it, with `/` separators and no trailing slash. */
function normalizePath(text: string): string {
    const forward = text.replace(/\\/g, "/");
    const normalized = path.posix.normalize(forward);
    return normalized.length > 1 ? normalized.replace(/\/+$/, "") : normalized;
}

function isDirectory(p: string): boolean {
    return fs.existsSync(p) && fs.statSync(p).isDirectory();
}

function isFile(p: string): boolean {
    return fs.existsSync(p) && fs.statSync(p).isFile();
}

const EXAMPLES = {
    image: `image: { context: "agents/support-agent" }`,
    code: `code: { path: "agents/support-agent/dist", runtime: "NODE_22", entryPoint: ["main.js"] }`,
};

/**
 * Reads the one artifact of `runtimes[i]` (key `runtimes[i]`), recording every problem.
 * Undefined when the artifact is unusable.
 */
export function readArtifact(
    p: Problems,
    key: string,
    e: Record<string, unknown>,
    ctx: ArtifactContext,
): RuntimeArtifact | undefined {
    const region = ctx.region ?? "us-east-1";
    const present = ARTIFACT_KEYS.filter((k) => e[k] !== undefined);
    if (present.length !== 1) {
        const allowed = `exactly one of containerUri (an existing image), image (built from source) or code (direct code deployment)`;
        const example = `${EXAMPLES.code} or ${EXAMPLES.image}`;
        const runtimeName = typeof e.name === "string" ? ` (runtime "${e.name}")` : "";
        if (present.length === 0) {
            p.missing(`${key}.containerUri|image|code${runtimeName}`, allowed, example);
        } else {
            p.invalid(
                `${key}.${present.join("+")}${runtimeName}`,
                present.join(", "),
                `${allowed}; remove all but one`,
                example,
            );
        }
        return undefined;
    }
    switch (present[0]) {
        case "containerUri":
            return ctx.checkContainerUri(p, `${key}.containerUri`, e.containerUri)
                ? { kind: "container", containerUri: e.containerUri as string }
                : undefined;
        case "image":
            return readImage(p, `${key}.image`, e.image, ctx);
        default:
            return readCode(p, `${key}.code`, e.code, ctx, region);
    }
}

function readImage(p: Problems, key: string, v: unknown, ctx: ArtifactContext): ImageArtifact | undefined {
    if (!isRecord(v)) {
        p.invalid(
            key,
            v,
            "a map with context (the build directory) and optional dockerfile and buildArgs",
            `{ context: "agents/support-agent" }`,
        );
        return undefined;
    }
    unknownFields(p, key, v, IMAGE_FIELDS);
    let ok = true;
    let context: string | undefined;
    let contextPath: string | undefined;
    if (typeof v.context !== "string" || v.context.trim() === "") {
        p.invalid(
            `${key}.context`,
            v.context ?? null,
            "the build context directory, relative to the project root",
            `"agents/support-agent"`,
        );
        ok = false;
    } else {
        context = normalizePath(v.context);
        contextPath = path.resolve(ctx.root, context);
        if (!isDirectory(contextPath)) {
            p.invalid(
                `${key}.context`,
                v.context,
                `an existing directory relative to the project root (${contextPath} does not exist or is not a directory)`,
                `"agents/support-agent"`,
            );
            ok = false;
        }
    }

    let dockerfile = "Dockerfile";
    if (v.dockerfile !== undefined) {
        if (typeof v.dockerfile !== "string" || v.dockerfile.trim() === "" || path.isAbsolute(v.dockerfile)) {
            p.invalid(
                `${key}.dockerfile`,
                v.dockerfile,
                "a Dockerfile path relative to the context (default Dockerfile)",
                `"Dockerfile.arm64"`,
            );
            ok = false;
        } else {
            dockerfile = normalizePath(v.dockerfile);
        }
    }
    if (ok && contextPath !== undefined && !isFile(path.join(contextPath, dockerfile))) {
        const field = v.dockerfile === undefined ? key : `${key}.dockerfile`;
        p.invalid(
            field,
            v.dockerfile === undefined ? { context: v.context } : v.dockerfile,
            `a context with a Dockerfile: ${path.join(contextPath, dockerfile)} does not exist (set dockerfile to its path relative to the context)`,
            `{ context: "${context}", dockerfile: "Dockerfile" }`,
        );
        ok = false;
    }

    const buildArgs = readBuildArgs(p, `${key}.buildArgs`, v.buildArgs);
    if (!ok || buildArgs === undefined || context === undefined || contextPath === undefined) {
        return undefined;
    }
    return {
        kind: "image",
        context,
        dockerfile: path.posix.join(context, dockerfile),
        buildArgs,
        contextPath,
        dockerfilePath: path.join(contextPath, dockerfile),
    };
}

function readBuildArgs(p: Problems, key: string, v: unknown): Record<string, string> | undefined {
    if (v === undefined) {
        return {};
    }
    const example = `{ NODE_VERSION: "22" }`;
    if (!isRecord(v)) {
        p.invalid(key, v, "a map of build-arg names to text values", example);
        return undefined;
    }
    const out: Record<string, string> = {};
    let ok = true;
    for (const [name, value] of Object.entries(v)) {
        if (!BUILD_ARG_NAME.test(name)) {
            p.invalid(
                `${key}.${name}`,
                name,
                "a build-arg name of letters, digits and _, not starting with a digit",
                "NODE_VERSION",
            );
            ok = false;
        }
        if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
            p.invalid(
                `${key}.${name}`,
                value,
                "a text value (build args are visible in the image history: never a secret)",
                `"22"`,
            );
            ok = false;
            continue;
        }
        out[name] = String(value);
    }
    return ok ? out : undefined;
}

function readCode(
    p: Problems,
    key: string,
    v: unknown,
    ctx: ArtifactContext,
    region: string,
): CodeArtifact | undefined {
    if (!isRecord(v)) {
        p.invalid(
            key,
            v,
            "a map with path (or s3), runtime and entryPoint",
            `{ path: "agents/support-agent/dist", runtime: "NODE_22", entryPoint: ["main.js"] }`,
        );
        return undefined;
    }
    unknownFields(p, key, v, CODE_FIELDS);
    let ok = true;

    const runtimes = CODE_RUNTIMES[ctx.provider];
    let runtime: CodeRuntime | undefined;
    if (typeof v.runtime !== "string" || !runtimes.includes(v.runtime)) {
        const other =
            ctx.provider === "aws" && typeof v.runtime === "string" && CODE_RUNTIMES["aws-native"].includes(v.runtime)
                ? ` (runtimeProvider aws, the classic provider, lists only these; ${v.runtime} needs runtimeProvider aws-native)`
                : "";
        p.invalid(`${key}.runtime`, v.runtime ?? null, `one of ${runtimes.join(", ")}${other}`, `"${runtimes[0]}"`);
        ok = false;
    } else {
        runtime = v.runtime as CodeRuntime;
    }

    const entryPoint = v.entryPoint;
    const entryOk =
        Array.isArray(entryPoint) &&
        entryPoint.length >= 1 &&
        entryPoint.length <= ENTRY_POINT_MAX &&
        entryPoint.every((x) => typeof x === "string" && x.trim() !== "");
    if (!entryOk) {
        p.invalid(
            `${key}.entryPoint`,
            entryPoint ?? null,
            `a list of 1 to ${ENTRY_POINT_MAX} non-empty strings: the file to run, optionally after a launcher`,
            `["main.js"]`,
        );
        ok = false;
    }

    const hasPath = v.path !== undefined;
    const hasS3 = v.s3 !== undefined;
    let source: CodePathSource | CodeS3Source | undefined;
    if (hasPath === hasS3) {
        const allowed =
            "exactly one of path (a directory the stack zips and uploads) or s3 (an existing object version)";
        if (hasPath) {
            p.invalid(`${key}.path+s3`, "path, s3", `${allowed}; remove one`, `path: "agents/support-agent/dist"`);
        } else {
            p.missing(`${key}.path`, allowed, `path: "agents/support-agent/dist"`);
        }
        ok = false;
    } else if (hasPath) {
        source = readCodePath(p, `${key}.path`, v.path, ctx, entryOk ? (entryPoint as string[]) : undefined);
    } else {
        source = readCodeS3(p, `${key}.s3`, v.s3, region);
    }
    if (!ok || !source || !runtime) {
        return undefined;
    }
    return { kind: "code", source, runtime, entryPoint: [...(entryPoint as string[])] };
}

function readCodePath(
    p: Problems,
    key: string,
    v: unknown,
    ctx: ArtifactContext,
    entryPoint: string[] | undefined,
): CodePathSource | undefined {
    if (typeof v !== "string" || v.trim() === "") {
        p.invalid(
            key,
            v ?? null,
            "a directory relative to the project root, zipped and uploaded by the stack",
            `"agents/support-agent/dist"`,
        );
        return undefined;
    }
    const relative = normalizePath(v);
    const absolute = path.resolve(ctx.root, relative);
    if (!isDirectory(absolute)) {
        p.invalid(
            key,
            v,
            `an existing directory relative to the project root (${absolute} does not exist or is not a directory; build it first, e.g. npm run agent:build)`,
            `"agents/support-agent/dist"`,
        );
        return undefined;
    }
    // The last element is the file AgentCore runs; a missing one would only fail at the first invocation.
    const file = entryPoint?.[entryPoint.length - 1];
    if (file !== undefined && !isFile(path.join(absolute, file))) {
        p.invalid(
            key.replace(/\.path$/, ".entryPoint"),
            entryPoint,
            `a file inside ${relative} (${path.join(absolute, file)} does not exist)`,
            `["main.js"]`,
        );
        return undefined;
    }
    return { kind: "path", path: relative };
}

function readCodeS3(p: Problems, key: string, v: unknown, region: string): CodeS3Source | undefined {
    const example = `{ bucket: "agentcore-code-123456789012-${region}", key: "support_agent_development/code.zip", versionId: "3sL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY" }`;
    if (!isRecord(v)) {
        p.invalid(key, v, "a map with bucket, key and versionId of an existing object version", example);
        return undefined;
    }
    unknownFields(p, key, v, S3_FIELDS);
    let ok = true;
    if (typeof v.bucket !== "string" || !BUCKET_NAME.test(v.bucket)) {
        p.invalid(
            `${key}.bucket`,
            v.bucket ?? null,
            "an S3 bucket name (3-63 lowercase letters, digits, dots and hyphens)",
            `"agentcore-code-123456789012-${region}"`,
        );
        ok = false;
    }
    if (typeof v.key !== "string" || v.key === "" || v.key.length > 1024 || /[*?]/.test(v.key)) {
        p.invalid(
            `${key}.key`,
            v.key ?? null,
            "the object key of the zip, 1 to 1024 characters, no wildcards",
            `"support_agent_development/code.zip"`,
        );
        ok = false;
    }
    // A version pins exactly what runs: without one the runtime would follow whatever is uploaded
    // next. S3 reports "null" as the version of an object in an unversioned bucket.
    if (
        typeof v.versionId !== "string" ||
        v.versionId.trim() === "" ||
        v.versionId.length > 1024 ||
        v.versionId === "null"
    ) {
        p.invalid(
            `${key}.versionId`,
            v.versionId ?? null,
            "the object's version ID (the bucket must be versioned), so the runtime runs exactly that upload",
            `"3sL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY"`,
        );
        ok = false;
    }
    return ok
        ? { kind: "s3", bucket: v.bucket as string, key: v.key as string, versionId: v.versionId as string }
        : undefined;
}
