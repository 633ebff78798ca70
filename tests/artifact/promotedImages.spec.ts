/**
 * A digest promoted from another stack's repository is refused at preview unless it carries a
 * tag the source's lifecycle policy keeps (`promoted-*`, ECR lifecycle rule 1 of
 * src/artifact/settings.ts): otherwise the source's 26th build would expire what this stack runs.
 */
import { expect } from "chai";
import { promotedImages, unprotectedImageProblem } from "../../src/artifact/promotedImages";
import { runStack as runStackIn } from "../../src/plan/offline/runProgram";
import { FIXTURE_SOURCE_ROOT, FIXTURES_ROOT, configOf, rawStack } from "../helpers";

const DIGEST = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
const STAGING_IMAGE = `123456789012.dkr.ecr.us-east-1.amazonaws.com/agentcore-staging/support_agent@${DIGEST}`;

const production = (containerUri: string) => ({
    runtimes: JSON.stringify([{ name: "support_agent", containerUri }]),
});

describe("promoted images: which digests must carry a promoted-* tag", () => {
    it("a digest of a project repository (agentcore-<stack>/<runtime>) is checked", () => {
        const config = configOf("production", { runtimes: [{ name: "support_agent", containerUri: STAGING_IMAGE }] });
        expect(promotedImages(config.runtimes)).to.deep.equal([
            {
                key: "runtimes[0].containerUri",
                uri: STAGING_IMAGE,
                registryId: "123456789012",
                region: "us-east-1",
                repositoryName: "agentcore-staging/support_agent",
                imageDigest: DIGEST,
            },
        ]);
    });

    it("near misses: a repository the project does not create, and a tag in development, are not checked", () => {
        const own = `123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent@${DIGEST}`;
        expect(
            promotedImages(configOf("production", { runtimes: [{ name: "a", containerUri: own }] }).runtimes),
        ).to.deep.equal([]);
        const tagged = "123456789012.dkr.ecr.us-east-1.amazonaws.com/agentcore-staging/support_agent:1.4.2";
        expect(
            promotedImages(configOf("development", { runtimes: [{ name: "a", containerUri: tagged }] }).runtimes),
        ).to.deep.equal([]);
        // Code and built images are the stack's own.
        expect(promotedImages(configOf("development").runtimes)).to.deep.equal([]);
        expect(rawStack("staging").values.runtimes).to.include("image");
        expect(promotedImages(configOf("staging").runtimes)).to.deep.equal([]);
    });

    it("a promoted-* tag protects it; none, another tag, or a look-alike (case, no hyphen) does not", () => {
        const [image] = promotedImages(
            configOf("production", { runtimes: [{ name: "support_agent", containerUri: STAGING_IMAGE }] }).runtimes,
        );
        expect(unprotectedImageProblem(image, ["promoted-production-9f86d081884c"], "production")).to.equal(undefined);
        expect(
            unprotectedImageProblem(image, ["1.4.2", "promoted-agents-support-9f86d081884c"], "production"),
        ).to.equal(undefined);
        expect(unprotectedImageProblem(image, ["1.4.2"], "production")).to.equal(
            `runtimes[0].containerUri "${STAGING_IMAGE}" is invalid: a digest of agentcore-staging/support_agent tagged promoted-* ` +
                "(its tags are 1.4.2; the repository's lifecycle policy expires all but the newest images, and only promoted-* tags are kept) " +
                "(e.g. run the commands of `npm run promote -- <from> production --tag-script tags.sh`, then `bash tags.sh`)",
        );
        expect(unprotectedImageProblem(image, [], "production")).to.contain("(its tags are none;");
        for (const lookAlike of ["PROMOTED-production-9f86d081884c", "promoted", "promotedproduction"]) {
            expect(unprotectedImageProblem(image, [lookAlike], "production"), lookAlike).to.be.a("string");
        }
    });
});

describe("promoted images: the preview refuses an unprotected digest before creating anything", function () {
    this.timeout(60000);
    const run = (tags?: readonly string[]) =>
        runStackIn(
            "production",
            production(STAGING_IMAGE),
            FIXTURES_ROOT,
            FIXTURE_SOURCE_ROOT,
            undefined,
            [],
            undefined,
            tags ? { ecrImageTags: { [`agentcore-staging/support_agent@${DIGEST}`]: tags } } : {},
        );

    it("a digest staging's lifecycle may expire: one config error naming the key, and no resource", async () => {
        const result = await run(["build-42"]);
        expect(result.error?.name).to.equal("ConfigValidationError");
        expect(result.error?.message).to.contain(
            `runtimes[0].containerUri "${STAGING_IMAGE}" is invalid: a digest of agentcore-staging/support_agent tagged promoted-* (its tags are build-42;`,
        );
        expect(result.resources.filter((r) => r.custom)).to.deep.equal([]);
        expect(
            result.invokes.filter((i) => i.token === "aws:ecr/getImage:getImage").map((i) => i.inputs),
        ).to.deep.equal([
            { registryId: "123456789012", repositoryName: "agentcore-staging/support_agent", imageDigest: DIGEST },
        ]);
    });

    it("near miss: the same digest tagged promoted-production-… deploys, the runtime running it", async () => {
        const result = await run(["build-42", "promoted-production-9f86d081884c"]);
        expect(result.error, result.error?.message).to.equal(undefined);
        const runtime = result.resources.find((r) => r.type === "aws-native:bedrockagentcore:Runtime");
        expect(JSON.stringify(runtime?.inputs.agentRuntimeArtifact)).to.include(STAGING_IMAGE);
    });
});
