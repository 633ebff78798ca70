/**
 * The settings of the stack-owned artifact stores as pure values: repository and bucket
 * names, object keys, the lifecycle and bucket policies, and the content hash that tags a
 * built image. src/artifact/artifacts.ts only wires them to resources.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import dockerignore from "@balena/dockerignore";
import { Environment } from "../aws/agentcore";
import { PolicyDocument, denyWithoutTls, policyDocument } from "../aws/iamDocument";

/**
 * Images a repository keeps. An endpoint pins a runtime version, and each version runs the
 * image it was created with: expiring that image would break the pinned endpoint, so the
 * window is generous (AgentCore keeps up to 1,000 versions; a stack rarely pins older ones).
 */
export const KEEP_LAST_IMAGES = 25;

/**
 * One segment of an ECR repository name as ECR accepts it: `[a-z0-9]+(?:[._-][a-z0-9]+)*`
 * (ECR API reference, CreateRepository `repositoryName`). A name that is one once
 * lowercased, other characters made `-`, is kept so (existing repositories keep their names;
 * config refuses runtime names that differ only in letter case). Any other
 * (`agent_`, `a__b`, a stack name with `..`) has its separators collapsed and trimmed and
 * gets `-` and 8 hex characters of its SHA-256: runtime names have no `-`, so a hashed
 * segment never equals a kept one, and two different names never share a segment.
 */
export function repositorySegment(text: string): string {
    const lower = text.toLowerCase().replace(/[^a-z0-9._-]/g, "-");
    if (ECR_SEGMENT.test(lower)) {
        return lower;
    }
    const cleaned = lower.replace(/[._-]+/g, (run) => run[0]).replace(/^[._-]+|[._-]+$/g, "");
    const digest = createHash("sha256").update(text).digest("hex").slice(0, 8);
    return cleaned === "" ? digest : `${cleaned}-${digest}`;
}

/** ECR's pattern for one `/`-separated part of a repository name. */
const ECR_SEGMENT = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

/** The repository of one runtime: `<component>/<runtime name>`, each part a valid ECR segment. */
export function repositoryName(componentName: string, runtimeName: string): string {
    return `${repositorySegment(componentName)}/${repositorySegment(runtimeName)}`;
}

/**
 * The tags of a code object. S3 allows 10 tags per object (S3 User Guide, "Categorizing your
 * storage using tags"), far fewer than the 50 a bucket takes, so the object does not carry
 * the stack's tags (the bucket does): only the four standard ones and the runtime's name.
 */
export function codeObjectTags(
    stackTags: Readonly<Record<string, string>>,
    runtimeName: string,
): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of CODE_OBJECT_TAG_KEYS) {
        if (stackTags[key] !== undefined) {
            out[key] = stackTags[key];
        }
    }
    return { ...out, AgentRuntime: runtimeName };
}

/** The standard tags a code object keeps: 4 of S3's 10, plus AgentRuntime. */
const CODE_OBJECT_TAG_KEYS = ["Project", "Stack", "Environment", "ManagedBy"] as const;

/** The zip of one runtime, under a prefix of its own: `runtimes/<runtime name>/code.zip`. */
export function codeObjectKey(runtimeName: string): string {
    return `runtimes/${runtimeName}/code.zip`;
}

/**
 * Where a target stack keeps its copy of a promoted code object: under the runtime's prefix,
 * named after the source bucket and key (8 hex of their SHA-256), so a promotion from another
 * source writes a new key (the old copy is deleted only after the runtime has moved) and a
 * new version of the same source rewrites this key as a new object version.
 */
export function promotedObjectKey(runtimeName: string, source: { bucket: string; key: string }): string {
    const digest = createHash("sha256").update(`${source.bucket}/${source.key}`).digest("hex").slice(0, 8);
    return `runtimes/${runtimeName}/promoted-${digest}.zip`;
}

/**
 * Development's images and code go with the stack. Staging's are kept like production's:
 * staging is what production is promoted from, so the digest production runs may live in
 * staging's repository (docs/delivery.md, "Where a promoted artifact lives").
 */
export function forceDeleteStores(environment: Environment): boolean {
    return environment === "development";
}

/** The tag prefix of an image another stack runs (docs/delivery.md, "Where a promoted artifact lives"). */
export const PROMOTED_TAG_PREFIX = "promoted-";

/**
 * Promoted images a repository keeps: as many as AgentCore keeps versions of a runtime
 * (1,000), so in practice never expired by count.
 */
export const KEEP_PROMOTED_IMAGES = 1000;

/**
 * The tag promotion adds to the digest a target stack runs: `promoted-<target>-<12 hex>`.
 * Unique per target and digest, so an IMMUTABLE repository accepts it as a new tag.
 */
export function promotionTag(targetStack: string, digest: string): string {
    const hex = digest.replace(/^sha256:/, "").slice(0, 12);
    const target = targetStack.replace(/[^A-Za-z0-9._-]/g, "-").slice(0, 80);
    return `${PROMOTED_TAG_PREFIX}${target}-${hex}`;
}

/**
 * ECR lifecycle policy: images tagged `promoted-*` are matched first by a rule that keeps
 * 1,000 of them, and ECR never lets a lower-priority rule expire an image a higher-priority
 * rule's tag selection matched (ECR User Guide, "Lifecycle policy evaluation rules"); every
 * other image: all but the newest KEEP_LAST_IMAGES expire. So the source's 26th build cannot
 * expire the digest production runs once promotion has tagged it.
 */
export function keepLastImagesPolicy(count: number = KEEP_LAST_IMAGES): string {
    return JSON.stringify({
        rules: [
            {
                rulePriority: 1,
                description: `Keep promoted images (${PROMOTED_TAG_PREFIX}*)`,
                selection: {
                    tagStatus: "tagged",
                    tagPrefixList: [PROMOTED_TAG_PREFIX],
                    countType: "imageCountMoreThan",
                    countNumber: KEEP_PROMOTED_IMAGES,
                },
                action: { type: "expire" },
            },
            {
                rulePriority: 2,
                description: `Keep the last ${count} images`,
                selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: count },
                action: { type: "expire" },
            },
        ],
    });
}

/** The code bucket accepts only TLS requests (aws:SecureTransport), from anyone. */
export function tlsOnlyBucketPolicy(bucketArn: string): PolicyDocument {
    return policyDocument(denyWithoutTls("DenyInsecureTransport", ["s3:*"], [bucketArn, `${bucketArn}/*`]));
}

/** Names never hashed: version control state, not build input (Docker sends it, but it never changes an image). */
const HASH_SKIP = new Set([".git"]);

/**
 * The context's `.dockerignore` as Docker reads it (patterns, `!` exceptions, `**`), through
 * @balena/dockerignore, a library made to match Docker's own rules: what Docker does not send
 * to the build (node_modules/, dist/ ...) must not change the tag either. No file: nothing ignored.
 */
function dockerIgnored(contextPath: string): (relative: string) => boolean {
    const file = path.join(contextPath, ".dockerignore");
    if (!fs.existsSync(file)) {
        return () => false;
    }
    const rules = dockerignore().add(fs.readFileSync(file, "utf8").split(/\r?\n/));
    return (relative) => rules.ignores(relative);
}

/**
 * A content hash of a build context (every file Docker sends, by relative path and bytes, plus
 * the Dockerfile and build args), used as the image tag. The repository's tags are IMMUTABLE,
 * so a changed image must get a new tag; files `.dockerignore` excludes are not hashed, so an
 * edit to them (a reinstalled node_modules/, a rebuilt dist/) keeps the tag and the image.
 */
export function buildContextHash(
    contextPath: string,
    dockerfilePath: string,
    buildArgs: Readonly<Record<string, string>>,
): string {
    const hash = createHash("sha256");
    const ignored = dockerIgnored(contextPath);
    const walk = (dir: string): void => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
            if (HASH_SKIP.has(entry.name)) {
                continue;
            }
            const full = path.join(dir, entry.name);
            const relative = path.relative(contextPath, full).split(path.sep).join("/");
            // A directory is still walked when ignored: a `!` exception may bring a file back.
            if (entry.isDirectory()) {
                walk(full);
            } else if (entry.isFile() && !ignored(relative)) {
                hash.update(relative);
                hash.update("\0");
                hash.update(fs.readFileSync(full));
                hash.update("\0");
            }
        }
    };
    walk(contextPath);
    // The Dockerfile may live outside the context.
    hash.update("dockerfile\0");
    hash.update(fs.readFileSync(dockerfilePath));
    for (const name of Object.keys(buildArgs).sort()) {
        hash.update(`arg:${name}=${buildArgs[name]}\0`);
    }
    return hash.digest("hex");
}

/** The image tag: `src-` and 16 hex characters of the context hash. */
export function imageTag(contentHash: string): string {
    return `src-${contentHash.slice(0, 16)}`;
}
