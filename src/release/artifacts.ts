/**
 * What "the artifact a stack runs" means for promotion, and where it is read from: the
 * source stack's outputs (what was deployed) or, without a Pulumi CLI, its stack file.
 * Only immutable references qualify: an ECR image pinned by `@sha256:` digest, or an S3
 * object pinned by `versionId`. A tag or a build recipe (`image:`, `code.path`) names
 * something that can change between staging and production, so it is refused.
 */
import { parseEcrImageUri } from "../artifact/config";
import { isRecord } from "../config/fields";

/** An artifact that can be copied to another stack as it is. */
export type PinnedArtifact =
    | { readonly kind: "container"; readonly imageUri: string }
    | {
          readonly kind: "code";
          readonly s3: { readonly bucket: string; readonly key: string; readonly versionId: string };
          readonly runtime: string;
          readonly entryPoint: unknown;
      };

/** Per runtime name: the pinned artifact, or why there is none. */
export type SourceArtifacts = ReadonlyMap<string, PinnedArtifact | { readonly refused: string }>;

const DIGEST_EXAMPLE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent@sha256:<64 hex digits>";

function nonEmpty(v: unknown): v is string {
    return typeof v === "string" && v !== "";
}

/** A digest-pinned private ECR URI, or the reason it is not one. */
export function checkImageUri(where: string, uri: unknown): PinnedArtifact | { refused: string } {
    const image = typeof uri === "string" ? parseEcrImageUri(uri) : undefined;
    if (!image) {
        return { refused: `${where} ${JSON.stringify(uri)} is not a private ECR image URI (e.g. ${DIGEST_EXAMPLE})` };
    }
    if (!image.digest) {
        return {
            refused:
                `${where} "${uri}" is pinned by the tag ":${image.tag}", which can be moved to another image: ` +
                `promotion copies only an image pinned by digest (e.g. ${DIGEST_EXAMPLE})`,
        };
    }
    return { kind: "container", imageUri: uri as string };
}

function checkS3(
    where: string,
    s3: unknown,
    runtime: unknown,
    entryPoint: unknown,
): PinnedArtifact | { refused: string } {
    const example = `{ bucket: "agent-code", key: "support_agent/code.zip", versionId: "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY" }`;
    if (!isRecord(s3) || !nonEmpty(s3.bucket) || !nonEmpty(s3.key)) {
        return { refused: `${where}.s3 ${JSON.stringify(s3 ?? null)} needs bucket and key (e.g. ${example})` };
    }
    if (!nonEmpty(s3.versionId)) {
        return {
            refused:
                `${where}.s3 s3://${s3.bucket}/${s3.key} has no versionId, so it names whatever object is uploaded there next: ` +
                `promotion copies only a code object pinned by version (e.g. ${example})`,
        };
    }
    if (!nonEmpty(runtime) || entryPoint === undefined) {
        return {
            refused: `${where} needs runtime and entryPoint beside s3 (e.g. runtime: NODE_22, entryPoint: [main.js])`,
        };
    }
    return { kind: "code", s3: { bucket: s3.bucket, key: s3.key, versionId: s3.versionId }, runtime, entryPoint };
}

/**
 * Reads `runtimes.<name>.artifact` from `pulumi stack output --json`:
 * `{ kind: "container" | "image" | "code", imageUri?, code?: { bucket, key, versionId }, codeRuntime?, entryPoint? }`.
 * A built image (`kind: image`) was pushed and deployed by digest, so it promotes like a container.
 */
export function artifactsFromOutputs(outputs: unknown, stack: string): SourceArtifacts {
    const result = new Map<string, PinnedArtifact | { refused: string }>();
    const runtimes = isRecord(outputs) ? outputs.runtimes : undefined;
    if (!isRecord(runtimes)) {
        return result;
    }
    for (const [name, runtime] of Object.entries(runtimes)) {
        const where = `runtime "${name}": stack ${stack} output runtimes.${name}.artifact`;
        const artifact = isRecord(runtime) ? runtime.artifact : undefined;
        if (!isRecord(artifact)) {
            result.set(name, {
                refused: `${where} is missing: the stack was deployed before artifacts were exported; run \`pulumi up\` on ${stack} first`,
            });
        } else if (artifact.kind === "container" || artifact.kind === "image") {
            result.set(name, checkImageUri(`${where}.imageUri`, artifact.imageUri));
        } else if (artifact.kind === "code") {
            result.set(name, checkS3(where, artifact.code, artifact.codeRuntime, artifact.entryPoint));
        } else {
            result.set(name, {
                refused: `${where}.kind ${JSON.stringify(artifact.kind ?? null)} is not container, image or code`,
            });
        }
    }
    return result;
}

/**
 * Reads each runtime's artifact from a stack file's parsed `runtimes` list. Without outputs
 * the file is the only record of what was deployed, so only pinned values are trusted:
 * `containerUri` by digest, `code.s3` with a versionId. `image:` and `code.path` are build
 * inputs; what they produced is known only from the stack's outputs.
 */
export function artifactsFromStackFile(runtimes: unknown, stack: string): SourceArtifacts {
    const result = new Map<string, PinnedArtifact | { refused: string }>();
    if (!Array.isArray(runtimes)) {
        return result;
    }
    runtimes.forEach((runtime, i) => {
        if (!isRecord(runtime) || !nonEmpty(runtime.name)) {
            return;
        }
        const where = `runtime "${runtime.name}": Pulumi.${stack}.yaml runtimes[${i}]`;
        if (runtime.containerUri !== undefined) {
            result.set(runtime.name, checkImageUri(`${where}.containerUri`, runtime.containerUri));
        } else if (runtime.image !== undefined) {
            result.set(runtime.name, {
                refused:
                    `${where}.image is a build (context ${JSON.stringify(isRecord(runtime.image) ? runtime.image.context : runtime.image)}), not a deployed digest: ` +
                    `promote from the stack's outputs (install the Pulumi CLI and log in), or pin containerUri by digest in Pulumi.${stack}.yaml`,
            });
        } else if (isRecord(runtime.code) && runtime.code.path !== undefined) {
            result.set(runtime.name, {
                refused:
                    `${where}.code.path ${JSON.stringify(runtime.code.path)} is a local build, not a deployed object version: ` +
                    `promote from the stack's outputs (install the Pulumi CLI and log in), or use code.s3 with a versionId`,
            });
        } else if (isRecord(runtime.code)) {
            result.set(
                runtime.name,
                checkS3(`${where}.code`, runtime.code.s3, runtime.code.runtime, runtime.code.entryPoint),
            );
        } else {
            result.set(runtime.name, { refused: `${where} has no artifact (containerUri, image or code)` });
        }
    });
    return result;
}

/** The region part of a digest-pinned URI (AgentCore pulls only from its own region). */
export function imageRegion(uri: string): string | undefined {
    return parseEcrImageUri(uri)?.region;
}
