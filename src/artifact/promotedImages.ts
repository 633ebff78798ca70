/**
 * A promoted image must outlive the source stack's lifecycle policy. Images in a repository
 * this project creates (`agentcore-<stack>/<runtime>`, src/artifact/settings.ts) expire beyond
 * the newest KEEP_LAST_IMAGES, unless tagged `promoted-*` (the policy's first rule keeps those;
 * ECR never lets a lower-priority rule expire an image a higher-priority rule matched). So a
 * stack that runs a digest of another stack's repository must find such a tag on it: at
 * preview, `aws.ecr.getImage` reads the digest's tags and the stack refuses, before anything is
 * created, a digest that has none. `npm run promote -- <from> <to> --tag-script <file>` writes
 * the `aws ecr put-image` commands that add the tag; the deploy workflow runs them before
 * `pulumi up` (docs/delivery.md).
 */
import * as aws from "../providers/aws";
import { ConfigValidationError, RuntimeConfig, parseEcrImageUri } from "../config";
import { PROMOTED_TAG_PREFIX } from "./settings";

/** A digest of another stack's repository that a runtime of this stack runs. */
export interface PromotedImage {
    /** The config key that names it, `runtimes[<i>].containerUri`. */
    readonly key: string;
    readonly uri: string;
    readonly registryId: string;
    readonly region: string;
    readonly repositoryName: string;
    readonly imageDigest: string;
}

/** A repository this project creates: `agentcore-<stack>/<runtime>` (repositoryName in settings.ts). */
const PROJECT_REPOSITORY = /^agentcore-[a-z0-9._-]+\/[a-z0-9._-]+$/;

/** The runtimes' digest-pinned images that live in a repository of this project (another stack's). Pure. */
export function promotedImages(runtimes: readonly Pick<RuntimeConfig, "artifact">[]): PromotedImage[] {
    return runtimes.flatMap((runtime, i): PromotedImage[] => {
        if (runtime.artifact.kind !== "container") {
            return [];
        }
        const image = parseEcrImageUri(runtime.artifact.containerUri);
        if (!image?.digest || !PROJECT_REPOSITORY.test(image.repository)) {
            return [];
        }
        return [
            {
                key: `runtimes[${i}].containerUri`,
                uri: runtime.artifact.containerUri,
                registryId: image.account,
                region: image.region,
                repositoryName: image.repository,
                imageDigest: image.digest,
            },
        ];
    });
}

/** The problem of a promoted digest whose tags include none the lifecycle keeps; undefined when one does. Pure. */
export function unprotectedImageProblem(
    image: PromotedImage,
    tags: readonly string[],
    stack: string,
): string | undefined {
    if (tags.some((t) => t.startsWith(PROMOTED_TAG_PREFIX))) {
        return undefined;
    }
    return (
        `${image.key} ${JSON.stringify(image.uri)} is invalid: a digest of ${image.repositoryName} tagged ${PROMOTED_TAG_PREFIX}* ` +
        `(its tags are ${tags.length > 0 ? tags.join(", ") : "none"}; the repository's lifecycle policy expires all but the newest images, ` +
        `and only ${PROMOTED_TAG_PREFIX}* tags are kept) (e.g. run the commands of \`npm run promote -- <from> ${stack} --tag-script tags.sh\`, then \`bash tags.sh\`)`
    );
}

/**
 * Reads the tags of every promoted digest with `aws.ecr.getImage` and throws one
 * ConfigValidationError listing each digest without a `promoted-*` tag. Call before
 * registering anything, so preview fails and nothing is created.
 */
export async function refuseUnprotectedPromotedImages(
    stack: string,
    runtimes: readonly Pick<RuntimeConfig, "artifact">[],
): Promise<void> {
    const problems: string[] = [];
    for (const image of promotedImages(runtimes)) {
        const found = await aws.ecr.getImage({
            registryId: image.registryId,
            repositoryName: image.repositoryName,
            imageDigest: image.imageDigest,
        });
        const problem = unprotectedImageProblem(image, found.imageTags ?? [], stack);
        if (problem) {
            problems.push(problem);
        }
    }
    if (problems.length > 0) {
        throw new ConfigValidationError(stack, problems);
    }
}
