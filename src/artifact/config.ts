/**
 * What a runtime runs: exactly one artifact per runtime, read from `runtimes[i]`.
 * - `containerUri`: an existing private ECR image in the stack's region, pinned by digest in production.
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
import { z } from "zod";
import { Environment, RuntimeProvider } from "../aws/agentcore";
import { fieldsOf, ifPassed, refuse, saidMissing, says, whenFieldsPassed } from "../config/declare";

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

/** Private ECR image URI: account, region, repository, then a tag or a digest. */
export const ECR_IMAGE_URI =
    /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com\/([a-z0-9]+(?:[._/-][a-z0-9]+)*)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})|@(sha256:[a-f0-9]{64}))$/;

export interface EcrImage {
    readonly account: string;
    readonly region: string;
    readonly repository: string;
    readonly tag?: string;
    readonly digest?: string;
}

/** Splits a private ECR image URI into its parts; undefined if it is not one. */
export function parseEcrImageUri(uri: string): EcrImage | undefined {
    const m = ECR_IMAGE_URI.exec(uri);
    return m ? { account: m[1], region: m[2], repository: m[3], tag: m[4], digest: m[5] } : undefined;
}

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

const nonBlank = (text: string) => text.trim() !== "";

/** A refinement: the path, relative to `root`, is a directory there (the problem names where it looked). */
function directoryUnder(root: string, allowed: (absolute: string) => string, example: string) {
    return (dir: string, ctx: z.core.$RefinementCtx<string>) => {
        const absolute = path.resolve(root, normalizePath(dir));
        if (!isDirectory(absolute)) {
            refuse(ctx, dir, allowed(absolute), example);
        }
    };
}

const IMAGE_EXAMPLE = `{ context: "agents/support-agent" }`;
const CODE_EXAMPLE = `{ path: "agents/support-agent/dist", runtime: "NODE_22", entryPoint: ["main.js"] }`;

/**
 * `containerUri`: a private ECR URI in the stack's region. Production runs exactly what was
 * tested, so there it must be pinned by digest: a tag (even on an IMMUTABLE repository this
 * stack does not own) can be moved or re-created under the same name.
 */
function containerUriSchema(ctx: ArtifactContext) {
    const region = ctx.region ?? "us-east-1";
    const digestExample = `"123456789012.dkr.ecr.${region}.amazonaws.com/agents/support-agent@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"`;
    const uriExample =
        ctx.environment === "production"
            ? digestExample
            : `"123456789012.dkr.ecr.${region}.amazonaws.com/support-agent:1.4.2"`;
    // One problem per value: each rule is read only when the ones before it hold.
    return z
        .string(says("a private ECR image URI with a tag or digest", uriExample))
        .superRefine((uri, c) => {
            const digest = /@(sha256:)?([^@]*)$/.exec(uri);
            if (digest && !ECR_IMAGE_URI.test(uri)) {
                refuse(
                    c,
                    uri,
                    `a digest is sha256: and 64 hex characters, lowercase (this one has ${digest[1] ? `${digest[2].length} characters after sha256:` : "no sha256: prefix"})`,
                    uriExample,
                );
            }
        })
        .refine((uri) => ECR_IMAGE_URI.test(uri), {
            ...says(
                "a private ECR image URI <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag> or @sha256:<digest>",
                uriExample,
            ),
            ...ifPassed,
        })
        .refine((uri) => ctx.region === undefined || parseEcrImageUri(uri)?.region === ctx.region, {
            ...says(
                `an image in the stack's region ${ctx.region} (AgentCore pulls from the same region only)`,
                uriExample,
            ),
            ...ifPassed,
        })
        .refine((uri) => ctx.environment !== "production" || parseEcrImageUri(uri)?.digest !== undefined, {
            ...says(
                "an image pinned by digest (@sha256:<64 hex>) in production, never a tag such as latest: a tag can be moved",
                digestExample,
            ),
            ...ifPassed,
        })
        .transform((containerUri): ContainerArtifact => ({ kind: "container", containerUri }));
}

/** `image.buildArgs`: build-arg names to text values (numbers and booleans as text). */
const buildArgsSchema = z
    .record(
        z
            .string()
            .regex(
                BUILD_ARG_NAME,
                says("a build-arg name of letters, digits and _, not starting with a digit", "NODE_VERSION"),
            ),
        z.union(
            [z.string(), z.number(), z.boolean()],
            says("a text value (build args are visible in the image history: never a secret)", `"22"`),
        ),
        says("a map of build-arg names to text values", `{ NODE_VERSION: "22" }`),
    )
    .transform((args) => Object.fromEntries(Object.entries(args).map(([name, value]) => [name, String(value)])));

/** `image`: a build context directory under the project root, with its Dockerfile. */
function imageSchema(root: string) {
    const contextRule = says("the build context directory, relative to the project root", `"agents/support-agent"`);
    const dockerfileRule = says("a Dockerfile path relative to the context (default Dockerfile)", `"Dockerfile.arm64"`);
    return fieldsOf(
        {
            context: z
                .string(contextRule)
                .refine(nonBlank, contextRule)
                .superRefine(
                    directoryUnder(
                        root,
                        (absolute) =>
                            `an existing directory relative to the project root (${absolute} does not exist or is not a directory)`,
                        `"agents/support-agent"`,
                    ),
                    ifPassed,
                ),
            dockerfile: z
                .string(dockerfileRule)
                .refine((file) => nonBlank(file) && !path.isAbsolute(file), dockerfileRule)
                .optional(),
            buildArgs: buildArgsSchema.default({}),
        },
        "a map with context (the build directory) and optional dockerfile and buildArgs",
        IMAGE_EXAMPLE,
    )
        .superRefine(
            (image, ctx) => {
                const context = normalizePath(image.context);
                const dockerfilePath = path.join(
                    path.resolve(root, context),
                    normalizePath(image.dockerfile ?? "Dockerfile"),
                );
                if (!isFile(dockerfilePath)) {
                    refuse(
                        ctx,
                        image.dockerfile ?? { context: image.context },
                        `a context with a Dockerfile: ${dockerfilePath} does not exist (set dockerfile to its path relative to the context)`,
                        `{ context: "${context}", dockerfile: "Dockerfile" }`,
                        image.dockerfile === undefined ? [] : ["dockerfile"],
                    );
                }
            },
            whenFieldsPassed("context", "dockerfile"),
        )
        .transform((image): ImageArtifact => {
            const context = normalizePath(image.context);
            const dockerfile = normalizePath(image.dockerfile ?? "Dockerfile");
            const contextPath = path.resolve(root, context);
            return {
                kind: "image",
                context,
                dockerfile: path.posix.join(context, dockerfile),
                buildArgs: image.buildArgs,
                contextPath,
                dockerfilePath: path.join(contextPath, dockerfile),
            };
        });
}

/** `code.s3`: an object version that already exists, pinned by its version ID. */
function s3Schema(region: string) {
    const bucketRule = says(
        "an S3 bucket name (3-63 lowercase letters, digits, dots and hyphens)",
        `"agentcore-code-123456789012-${region}"`,
    );
    const keyRule = says(
        "the object key of the zip, 1 to 1024 characters, no wildcards",
        `"support_agent_development/code.zip"`,
    );
    // A version pins exactly what runs: without one the runtime would follow whatever is uploaded
    // next. S3 reports "null" as the version of an object in an unversioned bucket.
    const versionRule = says(
        "the object's version ID (the bucket must be versioned), so the runtime runs exactly that upload",
        `"3sL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY"`,
    );
    return fieldsOf(
        {
            bucket: z.string(bucketRule).regex(BUCKET_NAME, bucketRule),
            key: z.string(keyRule).refine((key) => key.length >= 1 && key.length <= 1024 && !/[*?]/.test(key), keyRule),
            versionId: z
                .string(versionRule)
                .refine((id) => nonBlank(id) && id.length <= 1024 && id !== "null", versionRule),
        },
        "a map with bucket, key and versionId of an existing object version",
        `{ bucket: "agentcore-code-123456789012-${region}", key: "support_agent_development/code.zip", versionId: "3sL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY" }`,
    ).transform((s3): CodeS3Source => ({ kind: "s3", ...s3 }));
}

/** `code`: a language runtime of the provider, an entry point, and exactly one source (path or s3). */
function codeSchema(ctx: ArtifactContext) {
    const runtimes = CODE_RUNTIMES[ctx.provider];
    const runtimeRule = says(`one of ${runtimes.join(", ")}`, `"${runtimes[0]}"`);
    const pathRule = says(
        "a directory relative to the project root, zipped and uploaded by the stack",
        `"agents/support-agent/dist"`,
    );
    const entryPointRule = says(
        `a list of 1 to ${ENTRY_POINT_MAX} non-empty strings: the file to run, optionally after a launcher`,
        `["main.js"]`,
    );
    const sourceAllowed =
        "exactly one of path (a directory the stack zips and uploads) or s3 (an existing object version)";
    return fieldsOf(
        {
            path: z
                .string(pathRule)
                .refine(nonBlank, pathRule)
                .superRefine(
                    directoryUnder(
                        ctx.root,
                        (absolute) =>
                            `an existing directory relative to the project root (${absolute} does not exist or is not a directory; build it first, e.g. npm run agent:build)`,
                        `"agents/support-agent/dist"`,
                    ),
                    ifPassed,
                )
                .optional(),
            s3: s3Schema(ctx.region ?? "us-east-1").optional(),
            runtime: z.string(runtimeRule).superRefine((runtime, c) => {
                if (!runtimes.includes(runtime)) {
                    const other =
                        ctx.provider === "aws" && CODE_RUNTIMES["aws-native"].includes(runtime)
                            ? ` (runtimeProvider aws, the classic provider, lists only these; ${runtime} needs runtimeProvider aws-native)`
                            : "";
                    refuse(c, runtime, `one of ${runtimes.join(", ")}${other}`, `"${runtimes[0]}"`);
                }
            }),
            // Refused as a whole: the list is the command line, not a set of independent items.
            entryPoint: z
                .unknown()
                .refine(
                    (v) =>
                        Array.isArray(v) &&
                        v.length >= 1 &&
                        v.length <= ENTRY_POINT_MAX &&
                        v.every((x) => typeof x === "string" && nonBlank(x)),
                    entryPointRule,
                )
                .transform((v) => v as string[]),
        },
        "a map with path (or s3), runtime and entryPoint",
        CODE_EXAMPLE,
    )
        .superRefine((code, c) => {
            if (code.path === undefined && code.s3 === undefined) {
                c.addIssue({
                    code: "custom",
                    path: ["path"],
                    ...saidMissing(sourceAllowed, `path: "agents/support-agent/dist"`),
                });
            } else if (code.path !== undefined && code.s3 !== undefined) {
                refuse(c, "path, s3", `${sourceAllowed}; remove one`, `path: "agents/support-agent/dist"`, ["path+s3"]);
            }
        }, whenFieldsPassed())
        .superRefine(
            (code, c) => {
                // The last element is the file AgentCore runs; a missing one would only fail at the first invocation.
                if (code.path === undefined) {
                    return;
                }
                const relative = normalizePath(code.path);
                const file = path.join(path.resolve(ctx.root, relative), code.entryPoint[code.entryPoint.length - 1]);
                if (!isFile(file)) {
                    refuse(c, code.entryPoint, `a file inside ${relative} (${file} does not exist)`, `["main.js"]`, [
                        "entryPoint",
                    ]);
                }
            },
            whenFieldsPassed("path", "entryPoint"),
        )
        .transform((code): CodeArtifact => ({
            kind: "code",
            source: code.path !== undefined ? { kind: "path", path: normalizePath(code.path) } : code.s3!,
            runtime: code.runtime as CodeRuntime,
            entryPoint: [...code.entryPoint],
        }));
}

const ARTIFACT_ALLOWED = `exactly one of containerUri (an existing image), image (built from source) or code (direct code deployment)`;

/**
 * The artifact fields of one runtime entry (`entry`, as written): the one given is read by its
 * schema; when none or several are, none is read, and `artifactRule` reports the choice.
 */
export function artifactFields(
    ctx: ArtifactContext,
    entry: Readonly<Record<string, unknown>>,
): Record<(typeof ARTIFACT_KEYS)[number], z.ZodType<RuntimeArtifact | undefined>> {
    const present = ARTIFACT_KEYS.filter((k) => entry[k] !== undefined);
    const only = present.length === 1 ? present[0] : undefined;
    const unread = z
        .unknown()
        .transform((): RuntimeArtifact | undefined => undefined)
        .optional();
    return {
        containerUri: only === "containerUri" ? containerUriSchema(ctx).optional() : unread,
        image: only === "image" ? imageSchema(ctx.root).optional() : unread,
        code: only === "code" ? codeSchema(ctx).optional() : unread,
    };
}

/**
 * A refinement of the runtime entry `entry` (as written): exactly one artifact. The problem's
 * key names the fields and the runtime: `runtimes[0].containerUri|image|code (runtime "agent")`.
 */
export function artifactRule(entry: Readonly<Record<string, unknown>>) {
    return (_: unknown, ctx: z.core.$RefinementCtx) => {
        const present = ARTIFACT_KEYS.filter((k) => entry[k] !== undefined);
        if (present.length === 1) {
            return;
        }
        const example = `code: ${CODE_EXAMPLE} or image: ${IMAGE_EXAMPLE}`;
        const runtimeName = typeof entry.name === "string" ? ` (runtime "${entry.name}")` : "";
        if (present.length === 0) {
            ctx.addIssue({
                code: "custom",
                path: [`containerUri|image|code${runtimeName}`],
                ...saidMissing(ARTIFACT_ALLOWED, example),
            });
        } else {
            refuse(ctx, present.join(", "), `${ARTIFACT_ALLOWED}; remove all but one`, example, [
                `${present.join("+")}${runtimeName}`,
            ]);
        }
    };
}
