/**
 * The offline plan's text, as a reviewer reads it in a pull request, pinned byte for byte:
 * each stack's report (`npm run plan -- <stack>`), its Mermaid diagram (`--diagram`) and the
 * side-by-side comparison with the quota fit (`--all`), for the fixture stacks and the
 * platform topology's network and agent stacks.
 *
 * Beside them, for the same stacks and for variants that reach the rest of the recording mocks
 * (an adopted VPC, Instances, stored secrets, a promoted image, the classic provider), what the
 * mocks answered: each resource's ID, protection, aliases, dependencies and the attributes the
 * mock computed, the values every whole-program spec builds on.
 *
 * The expected texts are the files under tests/plan/golden/, reviewed as part of the change
 * that alters them: a change to the plan's rendering, to the mocks' recorded values or to what
 * the program creates shows here as a line diff. After a deliberate change, rewrite them with
 * `GOLDEN_UPDATE=1 npx mocha tests/plan/golden.spec.ts` and review `git diff tests/plan/golden`.
 * The other plan specs state single facts from the requirement; these files hold the whole
 * output the Done-when of the release asks to stay unchanged.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { renderComparison } from "../../src/plan/compare";
import { mermaidDiagram } from "../../src/plan/diagram";
import { renderFleets } from "../../src/plan/fleet";
import { Plan } from "../../src/plan/model";
import { renderPlan } from "../../src/plan/report";
import { planFromRun, planStack } from "../../src/plan/run";
import { stableStringify } from "../../src/plan/stableJson";
import { runStack } from "../../src/plan/offline/runProgram";
import { unifiedDiff } from "../../src/release/diff";
import {
    FIXTURES_ROOT,
    FIXTURE_SOURCE_ROOT,
    ProgramRun,
    REPO_ROOT,
    STACKS,
    rawStack,
    runFixtureStack,
    runStackOnce,
} from "../helpers";
import { shared } from "../mutationCoverage";

const GOLDEN = path.join(REPO_ROOT, "tests", "plan", "golden");
const UPDATE = process.env.GOLDEN_UPDATE === "1";
const TOPOLOGY_ROOT = path.join(FIXTURES_ROOT, "topology");
/** The topology fixture's stacks, in the order `--all` lists them (file names, sorted). */
const TOPOLOGY_STACKS = ["agents-code", "agents-images", "network"] as const;

function planned(result: Awaited<ReturnType<typeof planStack>>): Plan {
    expect(result.error, result.error?.message).to.equal(undefined);
    return result.plan as Plan;
}

/** A topology stack's run (its network stack's outputs read from the network stack file), once per process. */
function topologyRun(stack: string): Promise<ProgramRun> {
    return shared(JSON.stringify(["golden", "topology", stack]), () =>
        runStack(stack, {}, TOPOLOGY_ROOT, FIXTURE_SOURCE_ROOT),
    );
}

const DIGEST = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
const SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:ledger/api-key-AbC123";

/** The staging fixture's runtimes, each with `extra` fields. */
function stagingRuntimes(extra: Record<string, unknown>): string {
    const runtimes = JSON.parse(rawStack("staging").values.runtimes) as Record<string, unknown>[];
    return JSON.stringify(runtimes.map((r) => ({ ...r, ...extra })));
}

/** Stacks that reach the mocks' other answers: lookups, Instances, secrets, promotion, the classic provider. */
const VARIANTS: Record<string, () => Promise<ProgramRun>> = {
    "adopted-vpc": () =>
        runFixtureStack("development", {
            vpcId: "vpc-0a1b2c3d4e5f60718",
            subnetIds: JSON.stringify(["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]),
            routeTableIds: JSON.stringify(["rtb-0a1b2c3d4e5f60718"]),
            availabilityZoneIds: undefined,
        }),
    instances: () => runStack("agents-code", { computeType: "instances" }, TOPOLOGY_ROOT, FIXTURE_SOURCE_ROOT),
    "stored-secrets": () =>
        runFixtureStack(
            "staging",
            {
                runtimes: stagingRuntimes({
                    secrets: { CRM_API_KEY_SECRET_ARN: { stored: "crm_api_key" }, LEDGER_SECRET_ARN: { arn: SECRET } },
                }),
                secretValues: JSON.stringify({ crm_api_key: "golden-plaintext" }),
            },
            undefined,
            undefined,
            ["secretValues"],
        ),
    "promoted-image": () =>
        runFixtureStack("production", {
            runtimes: JSON.stringify([
                {
                    name: "support_agent",
                    containerUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/agentcore-staging/support_agent@${DIGEST}`,
                },
            ]),
        }),
    "classic-provider": () => runFixtureStack("staging", { runtimeProvider: "aws" }),
};

function variantRun(name: string): Promise<ProgramRun> {
    return shared(JSON.stringify(["golden", "variant", name]), VARIANTS[name]);
}

/**
 * What the recording mocks answered for a run: per resource (by URN) its ID, protect and
 * retainOnDelete, aliases, dependencies (by name), and each attribute the mock computed (in state, not
 * among the inputs, or changed from the input).
 */
function mockAnswers(run: ProgramRun): string {
    const lines: string[] = [];
    for (const r of [...run.resources].sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0))) {
        lines.push(r.urn);
        lines.push(
            `  id: ${r.id ?? "(none)"}; custom: ${r.custom}; protect: ${r.protect}; retainOnDelete: ${r.retainOnDelete}`,
        );
        if (r.aliases !== undefined && r.aliases.length > 0) {
            lines.push(`  aliases: ${stableStringify(r.aliases)}`);
        }
        if (r.dependencies.length > 0) {
            // By name (the URN's last part): the names are unique in these stacks.
            lines.push(
                `  depends on: ${r.dependencies
                    .map((urn) => urn.slice(urn.lastIndexOf("::") + 2))
                    .sort()
                    .join(", ")}`,
            );
        }
        for (const key of Object.keys(r.state).sort()) {
            if (!(key in r.inputs) || stableStringify(r.inputs[key]) !== stableStringify(r.state[key])) {
                lines.push(`  computed ${key}: ${stableStringify(r.state[key])}`);
            }
        }
    }
    lines.push(`invokes: ${run.invokes.map((i) => i.token).join(", ")}`);
    return `${lines.join("\n")}\n`;
}

/** What `--all` prints on stdout for these plans. */
function allText(plans: readonly Plan[]): string {
    const fleets = renderFleets(plans);
    return `${renderComparison(plans)}${fleets.length > 0 ? `${fleets.join("\n")}\n` : ""}`;
}

/** Compares a text with its golden file (or rewrites the file under GOLDEN_UPDATE=1). */
function expectGolden(file: string, actual: string): void {
    const at = path.join(GOLDEN, file);
    if (UPDATE) {
        fs.mkdirSync(path.dirname(at), { recursive: true });
        fs.writeFileSync(at, actual);
        return;
    }
    const expected = fs.existsSync(at) ? fs.readFileSync(at, "utf8") : "";
    if (actual !== expected) {
        expect.fail(
            `${file} differs from the plan's output (- golden, + now); after a deliberate change run ` +
                `GOLDEN_UPDATE=1 npx mocha tests/plan/golden.spec.ts and review the diff:\n` +
                unifiedDiff(expected, actual, `tests/plan/golden/${file}`, 1),
        );
    }
}

/** The stacks planned together, each family in a golden folder of its own. */
const FAMILIES = [
    // The fixture stacks' runs are the ones every spec of this process shares.
    { title: "the fixture stacks", folder: "fixtures", stacks: STACKS, run: (stack: string) => runStackOnce(stack) },
    { title: "a network stack and its agent stacks", folder: "topology", stacks: TOPOLOGY_STACKS, run: topologyRun },
];

for (const { title, folder, stacks, run } of FAMILIES) {
    const plan = async (stack: string) => planned(await planFromRun(await run(stack)));

    describe(`plan: the golden texts of ${title}`, function () {
        this.timeout(120000);

        for (const stack of stacks) {
            it(`${stack}: the report, line for line`, async () => {
                expectGolden(`${folder}/${stack}.txt`, renderPlan(await plan(stack)));
            });

            it(`${stack}: the diagram, line for line`, async () => {
                expectGolden(`${folder}/${stack}.mmd`, mermaidDiagram(await plan(stack)));
            });

            it(`${stack}: what the mocks answered, line for line`, async () => {
                expectGolden(`${folder}/${stack}.mocks.txt`, mockAnswers(await run(stack)));
            });
        }

        it("--all: the comparison and, where agent stacks read a network stack, how many fit, line for line", async () => {
            const plans: Plan[] = [];
            for (const stack of stacks) {
                plans.push(await plan(stack));
            }
            expectGolden(`${folder}/all.txt`, allText(plans));
        });
    });
}

describe("plan: the golden texts of the variants that reach the rest of the mocks", function () {
    this.timeout(120000);

    for (const name of Object.keys(VARIANTS)) {
        it(`${name}: the report and what the mocks answered, line for line`, async () => {
            const run = await variantRun(name);
            expect(run.error, run.error?.message).to.equal(undefined);
            expectGolden(`variants/${name}.txt`, renderPlan(planned(await planFromRun(run))));
            expectGolden(`variants/${name}.mocks.txt`, mockAnswers(run));
        });
    }
});
