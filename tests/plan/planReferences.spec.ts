/**
 * The plan names the resource a value identifies. Attachments share the ID of the resource
 * they attach to (an ECR lifecycle policy's ID is its repository's name), so a reference must
 * resolve to the owner, never to the attachment, and never to the resource being described.
 */
import { expect } from "chai";
import { CliIo, main } from "../../scripts/plan";
import { RecordedResource } from "../../src/plan/offline/mocks";
import { keyProperties } from "../../src/plan/properties";
import { References } from "../../src/plan/references";
import { FIXTURE_SOURCE_ROOT } from "../helpers";
import { recordedResource } from "../recordedResource";

function resource(
    type: string,
    name: string,
    id: string,
    inputs: Record<string, unknown>,
    dependencies: string[] = [],
): RecordedResource {
    return recordedResource(type, name, inputs, { stack: "staging", id, dependencies });
}

const REPOSITORY = resource("aws:ecr/repository:Repository", "app-repository", "agents/app", { name: "agents/app" });
const LIFECYCLE = resource(
    "aws:ecr/lifecyclePolicy:LifecyclePolicy",
    "app-lifecycle",
    "agents/app",
    { repository: "agents/app", policy: '{"rules":[{"description":"Keep the last 25 images"}]}' },
    ["urn:pulumi:staging::agentcore-private::aws:ecr/repository:Repository::app-repository"],
);

describe("plan references: shared IDs", () => {
    for (const [order, resources] of [
        ["repository first", [REPOSITORY, LIFECYCLE]],
        ["lifecycle policy first", [LIFECYCLE, REPOSITORY]],
    ] as const) {
        it(`the repository owns its name, not the lifecycle policy that repeats it (${order})`, () => {
            const references = new References(resources);
            expect(references.label("agents/app")).to.equal("app-repository");
            expect(keyProperties(LIFECYCLE, references)).to.deep.equal([
                "repository: app-repository",
                "rules: Keep the last 25 images",
            ]);
            expect(references.referencedBy(LIFECYCLE).map((r) => r.name)).to.deep.equal(["app-repository"]);
        });
    }

    it("never labels a value with the resource being described (near miss: alone, the policy's ID stays text)", () => {
        const references = new References([LIFECYCLE]);
        expect(references.label("agents/app", LIFECYCLE)).to.equal("agents/app");
        expect(references.label("agents/app")).to.equal("app-lifecycle");
    });

    it("npm run plan -- staging shows the lifecycle policy's repository as the repository", async function () {
        this.timeout(60000);
        let out = "";
        const io: CliIo = { out: (t) => (out += t), err: () => undefined };
        expect(await main(["staging", "--source-root", FIXTURE_SOURCE_ROOT], io)).to.equal(0);
        const lines = out.split("\n");
        const at = lines.findIndex((l) =>
            l.includes("aws:ecr/lifecyclePolicy:LifecyclePolicy  agentcore-staging-support_agent-lifecycle"),
        );
        expect(at).to.be.greaterThan(-1);
        expect(lines[at + 1].trim().replace(/^[│ ]+/, "")).to.equal(
            "repository: agentcore-staging-support_agent-repository",
        );
    });
});
