/**
 * Promotion as a pure text transformation: given what the source stack runs and the
 * target stack file's text, produce the new text. Edits go through the `yaml` package's
 * Document API, which keeps comments, key order, quoting and blank lines, so the diff
 * shows only the lines that changed. Every problem is collected; on any problem nothing
 * is returned to write.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq } from "yaml";
import { ARTIFACT_KEYS } from "../artifact/config";
import { promotionTag } from "../artifact/settings";
import { imageRegion, PinnedArtifact, SourceArtifacts } from "./artifacts";

export class PromotionError extends Error {
    constructor(readonly problems: readonly string[]) {
        super(
            `Nothing was written; ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n` +
                problems.map((p) => `  - ${p}`).join("\n"),
        );
        this.name = "PromotionError";
    }
}

/** Moves one pinned endpoint to another runtime version: the explicit, separate step. */
export interface EndpointMove {
    readonly endpoint: string;
    readonly version: string;
}

export interface PromotionRequest {
    readonly project: string;
    readonly from: string;
    readonly to: string;
    /** The source's artifacts, from its outputs or its stack file. */
    readonly source: SourceArtifacts;
    /** The target stack file's text. */
    readonly targetText: string;
    /** Runtimes to promote; empty means every runtime the source runs. */
    readonly runtimes: readonly string[];
    /** Only with exactly one runtime. */
    readonly moveEndpoint?: EndpointMove;
    /** False for the separate endpoint-only step: the artifact is left as it is. */
    readonly promoteArtifact?: boolean;
}

/**
 * The command that tags a promoted digest `promoted-<target>-<12 hex>` in its ECR repository,
 * which the source's lifecycle policy never expires by count (src/artifact/settings.ts). ECR
 * retags by putting the same manifest under a new tag (ECR User Guide, "Retagging an image"),
 * which an IMMUTABLE repository allows for a new tag. Undefined for an image not in ECR.
 */
export function keepPromotedImageCommand(imageUri: string, targetStack: string): string | undefined {
    const m = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^@:]+)@(sha256:[0-9a-f]{64})$/.exec(
        imageUri,
    );
    if (!m) {
        return undefined;
    }
    const [, account, region, repository, digest] = m;
    const where = `--registry-id ${account} --region ${region} --repository-name ${repository}`;
    return (
        `aws ecr put-image ${where} --image-tag ${promotionTag(targetStack, digest)} --image-manifest ` +
        `"$(aws ecr batch-get-image ${where} --image-ids imageDigest=${digest} --query 'images[0].imageManifest' --output text)"`
    );
}

export interface PromotionResult {
    readonly text: string;
    /** One line per change, for the summary. */
    readonly changes: readonly string[];
    /** Per promoted ECR digest, the command that tags it `promoted-<target>-<12 hex>`. */
    readonly keepCommands: readonly { readonly runtime: string; readonly imageUri: string; readonly command: string }[];
}

/**
 * A bash script that tags every promoted digest so its source's lifecycle policy keeps it
 * (`--tag-script`); run with the deploy role's credentials before `pulumi up`, whose preview
 * refuses a promoted digest without the tag (src/artifact/promotedImages.ts). Idempotent: a
 * tag already there is left alone (ECR refuses a second put of the same tag). With nothing to
 * tag, a script that says so and succeeds.
 */
export function keepPromotedImagesScript(from: string, to: string, commands: PromotionResult["keepCommands"]): string {
    const lines = [
        "#!/usr/bin/env bash",
        `# Written by \`npm run promote -- ${from} ${to} --tag-script <file>\`: tags each digest ${to} now runs`,
        `# from ${from}'s ECR repositories promoted-${to}-<12 hex>, which their lifecycle policy keeps.`,
        "set -euo pipefail",
    ];
    if (commands.length === 0) {
        lines.push(`echo "no image promoted from ${from} to tag"`);
    }
    for (const { runtime, imageUri, command } of commands) {
        const tag = /--image-tag (\S+)/.exec(command)?.[1] ?? "";
        const where = /^aws ecr put-image (.*?) --image-tag/.exec(command)?.[1] ?? "";
        lines.push(
            `# runtime ${runtime}: ${imageUri}`,
            `if aws ecr describe-images ${where} --image-ids imageTag=${tag} >/dev/null 2>&1; then`,
            `  echo "runtime ${runtime}: ${tag} is already there"`,
            "else",
            `  ${command}`,
            `  echo "runtime ${runtime}: tagged ${tag}"`,
            "fi",
        );
    }
    return lines.join("\n") + "\n";
}

/** Text written back with the formatting the stack files use: no folding of long values. */
const TO_STRING = { lineWidth: 0 } as const;

const VERSION = /^[1-9][0-9]{0,9}$/;

function runtimesNode(doc: Document, project: string): YAMLSeq | undefined {
    const config = doc.get("config");
    if (!isMap(config)) {
        return undefined;
    }
    const runtimes = config.get(`${project}:runtimes`, true) ?? config.get("runtimes", true);
    return isSeq(runtimes) ? runtimes : undefined;
}

function runtimeEntry(runtimes: YAMLSeq, name: string): YAMLMap | undefined {
    return runtimes.items.find((item): item is YAMLMap => isMap(item) && item.get("name") === name);
}

/** Replaces the entry's artifact with `artifact`, where the old one stood. */
function writeArtifact(doc: Document, entry: YAMLMap, artifact: PinnedArtifact): void {
    const newKey = artifact.kind === "container" ? "containerUri" : "code";
    const newValue =
        artifact.kind === "container"
            ? doc.createNode(artifact.imageUri)
            : doc.createNode({
                  s3: { bucket: artifact.s3.bucket, key: artifact.s3.key, versionId: artifact.s3.versionId },
                  runtime: artifact.runtime,
                  entryPoint: artifact.entryPoint,
              });
    const index = entry.items.findIndex(
        (pair) => isScalar(pair.key) && (ARTIFACT_KEYS as readonly unknown[]).includes(pair.key.value),
    );
    if (index < 0) {
        entry.set(newKey, newValue);
        return;
    }
    const old = entry.items[index];
    const oldKey = old.key as Scalar;
    // Same key: change the value only, so the key's comments and the line stay as they were.
    if (oldKey.value === newKey) {
        old.value = newValue;
    } else {
        const key = new Scalar(newKey);
        key.commentBefore = oldKey.commentBefore;
        key.spaceBefore = oldKey.spaceBefore;
        entry.items[index] = doc.createPair(key, newValue);
    }
    // Exactly one artifact per runtime: drop any other artifact key.
    entry.items = entry.items.filter(
        (pair, i) =>
            i === index || !(isScalar(pair.key) && (ARTIFACT_KEYS as readonly unknown[]).includes(pair.key.value)),
    );
}

function describe(artifact: PinnedArtifact): string {
    return artifact.kind === "container"
        ? artifact.imageUri
        : `s3://${artifact.s3.bucket}/${artifact.s3.key}?versionId=${artifact.s3.versionId} (${artifact.runtime})`;
}

function sameArtifact(entry: YAMLMap, artifact: PinnedArtifact): boolean {
    const current = entry.toJSON() as Record<string, unknown>;
    if (artifact.kind === "container") {
        return current.containerUri === artifact.imageUri && current.image === undefined && current.code === undefined;
    }
    return (
        current.containerUri === undefined &&
        current.image === undefined &&
        JSON.stringify(current.code) ===
            JSON.stringify({ s3: artifact.s3, runtime: artifact.runtime, entryPoint: artifact.entryPoint })
    );
}

/**
 * Applies a promotion to the target file's text. Refuses (throws PromotionError with every
 * problem) a runtime the source does not run, a runtime the target lacks, an unpinned
 * source artifact, an image from another region than the target's, and an endpoint move
 * that names no existing endpoint or no valid version.
 */
export function promote(req: PromotionRequest): PromotionResult {
    const problems: string[] = [];
    const doc = parseDocument(req.targetText);
    if (doc.errors.length > 0) {
        throw new PromotionError([`Pulumi.${req.to}.yaml is not valid YAML: ${doc.errors[0].message}`]);
    }
    if (doc.getIn(["config", `${req.project}:stackKind`]) === "network") {
        throw new PromotionError([
            `Pulumi.${req.to}.yaml is a network stack (stackKind: network): it runs no runtimes; promote into the agent stacks that read it (docs/topology.md)`,
        ]);
    }
    const runtimes = runtimesNode(doc, req.project);
    if (!runtimes) {
        throw new PromotionError([`Pulumi.${req.to}.yaml has no ${req.project}:runtimes list to promote into`]);
    }
    const promoteArtifact = req.promoteArtifact !== false;
    const names = req.runtimes.length > 0 ? [...req.runtimes] : [...req.source.keys()];
    if (names.length === 0) {
        problems.push(`stack ${req.from} runs no runtimes: there is nothing to promote`);
    }
    const targetRegion = (doc.getIn(["config", "aws:region"]) as string | undefined) ?? undefined;
    const changes: string[] = [];
    const keepCommands: { runtime: string; imageUri: string; command: string }[] = [];
    for (const name of names) {
        const entry = runtimeEntry(runtimes, name);
        const source = req.source.get(name);
        if (promoteArtifact && source === undefined) {
            problems.push(
                `runtime "${name}" is not run by stack ${req.from} (it runs: ${[...req.source.keys()].join(", ") || "none"}): promote only what the source runs`,
            );
        }
        if (!entry) {
            const there = runtimes.items.filter(isMap).map((m) => m.get("name"));
            problems.push(
                `runtime "${name}" is not in Pulumi.${req.to}.yaml (it has: ${there.join(", ") || "none"}): add the runtime to ${req.to} first, with its own settings`,
            );
            continue;
        }
        if (!promoteArtifact || source === undefined) {
            continue;
        }
        if ("refused" in source) {
            problems.push(source.refused);
            continue;
        }
        if (
            source.kind === "container" &&
            targetRegion !== undefined &&
            imageRegion(source.imageUri) !== targetRegion
        ) {
            problems.push(
                `runtime "${name}": image ${source.imageUri} is in ${imageRegion(source.imageUri)}, but stack ${req.to} runs in ${targetRegion} ` +
                    `and AgentCore pulls only from ECR in its own region: replicate the image to ${targetRegion} and promote that digest`,
            );
            continue;
        }
        // An image already promoted is tagged again (idempotently): the tag may never have been added.
        const keep = source.kind === "container" ? keepPromotedImageCommand(source.imageUri, req.to) : undefined;
        if (keep && source.kind === "container") {
            keepCommands.push({ runtime: name, imageUri: source.imageUri, command: keep });
        }
        if (sameArtifact(entry, source)) {
            changes.push(`runtime ${name}: already runs ${describe(source)}`);
            continue;
        }
        writeArtifact(doc, entry, source);
        changes.push(`runtime ${name}: artifact -> ${describe(source)}`);
        if (keep) {
            changes.push(`runtime ${name}: keep the image from ${req.from}'s lifecycle: ${keep}`);
        }
    }
    if (req.moveEndpoint) {
        if (names.length !== 1) {
            problems.push(
                `--move-endpoint needs exactly one runtime (got ${names.length}: ${names.join(", ")}): name it, e.g. \`support_agent\``,
            );
        } else {
            const entry = runtimeEntry(runtimes, names[0]);
            const move = moveEndpoint(entry, names[0], req.to, req.moveEndpoint, problems);
            if (move) {
                changes.push(move);
            }
        }
    }
    if (problems.length > 0) {
        throw new PromotionError(problems);
    }
    return { text: doc.toString(TO_STRING), changes, keepCommands };
}

function moveEndpoint(
    entry: YAMLMap | undefined,
    runtime: string,
    to: string,
    move: EndpointMove,
    problems: string[],
): string | undefined {
    if (!VERSION.test(move.version)) {
        problems.push(`--to-version "${move.version}" is invalid: a runtime version is a whole number from 1 (e.g. 3)`);
        return undefined;
    }
    if (!entry) {
        return undefined;
    }
    const endpoints = entry.get("endpoints", true);
    const endpoint = isSeq(endpoints)
        ? endpoints.items.find((e): e is YAMLMap => isMap(e) && e.get("name") === move.endpoint)
        : undefined;
    if (!endpoint) {
        const names = isSeq(endpoints) ? endpoints.items.filter(isMap).map((e) => e.get("name")) : [];
        problems.push(
            `--move-endpoint "${move.endpoint}": runtime "${runtime}" of Pulumi.${to}.yaml has no such endpoint (it has: ${names.join(", ") || "none"})`,
        );
        return undefined;
    }
    const current = endpoint.get("version", true);
    const previous = isScalar(current) ? String(current.value) : undefined;
    if (previous === move.version) {
        return `runtime ${runtime}: endpoint ${move.endpoint} already pins version ${move.version}`;
    }
    // Keep the way the version was written: "1" quoted stays quoted, 1 stays a number (a string
    // value would be written quoted, since plain it would read back as a number).
    const value = new Scalar(
        isScalar(current) && typeof current.value === "number" ? Number(move.version) : move.version,
    );
    if (isScalar(current)) {
        value.type = current.type;
    }
    endpoint.set("version", value);
    return `runtime ${runtime}: endpoint ${move.endpoint} version ${previous ?? "(none)"} -> ${move.version}`;
}

/** The parsed `runtimes` list of a stack file (for reading a source without outputs). */
export function stackFileRuntimes(text: string, project: string): unknown {
    const doc = parseDocument(text);
    const runtimes = runtimesNode(doc, project);
    return runtimes?.toJSON();
}
