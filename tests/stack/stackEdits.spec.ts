/**
 * The stack-file contract survives the edits the README invites, and only those: copies of the
 * real stack files with a legitimate edit applied (staging on an existing VPC, a second runtime)
 * still hold every invariant (tests/stack/stackInvariants.ts); an edit that makes a stack unsafe
 * breaks one (near misses); and an edit of development that changes its diagram fails the
 * diagram check with the command that regenerates it, which really does.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseDocument } from "yaml";
import { syncDiagrams } from "../../scripts/diagramSync";
import { PROJECT_ROOT } from "../../src/plan/offline/stackFiles";
import { Plan } from "../../src/plan/model";
import { planStack } from "../../src/plan/run";
import { FIXTURE_SOURCE_ROOT } from "../helpers";
import { diagramProblems, stackInvariantProblems } from "./stackInvariants";

/** A temp copy of the project's stack files, README and diagram page. */
function workspace(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stack-edits-"));
    for (const file of fs.readdirSync(PROJECT_ROOT).filter((f) => /^Pulumi(\..+)?\.yaml$/.test(f))) {
        fs.copyFileSync(path.join(PROJECT_ROOT, file), path.join(dir, file));
    }
    fs.copyFileSync(path.join(PROJECT_ROOT, "README.md"), path.join(dir, "README.md"));
    fs.mkdirSync(path.join(dir, "docs"));
    fs.copyFileSync(
        path.join(PROJECT_ROOT, "docs", "diagram-development.md"),
        path.join(dir, "docs", "diagram-development.md"),
    );
    return dir;
}

/** Edits one stack file's config the way a user would (comments and order kept). */
function edit(root: string, stack: string, change: (config: Record<string, unknown>) => void): void {
    const file = path.join(root, `Pulumi.${stack}.yaml`);
    const doc = parseDocument(fs.readFileSync(file, "utf8"));
    const config = (doc.toJSON() as { config: Record<string, unknown> }).config;
    change(config);
    doc.set("config", doc.createNode(config));
    fs.writeFileSync(file, doc.toString({ lineWidth: 0 }));
}

/** The invariants an edited all-in-one stack breaks (it reads no other stack). */
async function problemsOf(root: string, stack: string): Promise<string[]> {
    const result = await planStack(stack, { root, sourceRoot: FIXTURE_SOURCE_ROOT });
    return stackInvariantProblems({ stack, root, plan: result.plan, error: result.error });
}

const K = "agentcore-private:";

describe("stack files: the README's legitimate edits keep the contract green", function () {
    this.timeout(180000);

    it("staging on an existing VPC (vpcId, subnetIds, routeTableIds; its CIDR keys left behind)", async () => {
        const root = workspace();
        edit(root, "staging", (c) => {
            c[`${K}vpcId`] = "vpc-0a1b2c3d4e5f60718";
            c[`${K}subnetIds`] = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"];
            c[`${K}routeTableIds`] = ["rtb-0a1b2c3d4e5f60718"];
            // The zones are those of the subnets: config asks to leave this empty.
            delete c[`${K}availabilityZoneIds`];
            // Client ranges must lie inside the adopted VPC (the mock account's is 10.0.0.0/16).
            c[`${K}endpointClientCidrs`] = ["10.0.8.0/22"];
        });
        expect(await problemsOf(root, "staging")).to.deep.equal([]);
    });

    it("a second runtime in staging and in production", async () => {
        const root = workspace();
        edit(root, "staging", (c) => {
            const runtimes = c[`${K}runtimes`] as Record<string, unknown>[];
            runtimes.push({ name: "triage_agent", image: { context: "agents/support-agent" } });
        });
        edit(root, "production", (c) => {
            const runtimes = c[`${K}runtimes`] as Record<string, unknown>[];
            runtimes.push({
                name: "triage_agent",
                containerUri:
                    "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/triage-agent@sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
            });
        });
        expect(await problemsOf(root, "staging")).to.deep.equal([]);
        expect(await problemsOf(root, "production")).to.deep.equal([]);
    });

    it("near misses: production unprotected, or running a tag, breaks the contract", async () => {
        const unprotected = workspace();
        edit(unprotected, "production", (c) => {
            c[`${K}protect`] = false;
        });
        const found = await problemsOf(unprotected, "production");
        expect(found).to.include("production: production is not protected (protect: true)");
        expect(found.join("\n")).to.contain("policy findings: production-stateful-resources-protected");
        const tagged = workspace();
        edit(tagged, "production", (c) => {
            const runtimes = c[`${K}runtimes`] as Record<string, unknown>[];
            runtimes[0].containerUri = "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent:1.4.2";
        });
        const [problem] = await problemsOf(tagged, "production");
        expect(problem).to.match(/^production: does not plan: .*containerUri/s);
    });

    it("an edit of development that changes its diagram names npm run diagram:sync, and that command makes it current", async () => {
        const root = workspace();
        edit(root, "development", (c) => {
            c[`${K}logRetentionDays`] = 14;
        });
        const development = async () =>
            (await planStack("development", { root, sourceRoot: FIXTURE_SOURCE_ROOT })).plan as Plan;
        expect(stackInvariantProblems({ stack: "development", root, plan: await development() })).to.deep.equal([]);
        expect(diagramProblems(root, await development())).to.deep.equal([
            "README.md: its diagram is not what the program builds for development; regenerate with npm run diagram:sync",
            "docs/diagram-development.md: its diagram is not what the program builds for development; regenerate with npm run diagram:sync",
        ]);
        await syncDiagrams(root, FIXTURE_SOURCE_ROOT);
        expect(diagramProblems(root, await development())).to.deep.equal([]);
        expect(fs.readFileSync(path.join(root, "README.md"), "utf8")).to.contain("14 days");
    });
});
