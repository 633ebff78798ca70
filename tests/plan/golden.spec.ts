/**
 * The offline plan's text, as a reviewer reads it in a pull request, pinned byte for byte:
 * each stack's report (`npm run plan -- <stack>`), its Mermaid diagram (`--diagram`) and the
 * side-by-side comparison with the quota fit (`--all`), for the fixture stacks and the
 * platform topology's network and agent stacks.
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
import { unifiedDiff } from "../../src/release/diff";
import { FIXTURES_ROOT, FIXTURE_SOURCE_ROOT, REPO_ROOT, STACKS, runStackOnce } from "../helpers";
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

/** A fixture stack's plan, from the run every spec of this process shares. */
async function fixturePlan(stack: string): Promise<Plan> {
    return planned(await planFromRun(await runStackOnce(stack)));
}

/** A topology stack's plan, planned once per process. */
function topologyPlan(stack: string): Promise<Plan> {
    return shared(JSON.stringify(["golden", "topology", stack]), async () =>
        planned(await planStack(stack, { root: TOPOLOGY_ROOT, sourceRoot: FIXTURE_SOURCE_ROOT })),
    );
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

describe("plan: the golden texts of the fixture stacks", function () {
    this.timeout(120000);

    for (const stack of STACKS) {
        it(`${stack}: the report, line for line`, async () => {
            expectGolden(`fixtures/${stack}.txt`, renderPlan(await fixturePlan(stack)));
        });

        it(`${stack}: the diagram, line for line`, async () => {
            expectGolden(`fixtures/${stack}.mmd`, mermaidDiagram(await fixturePlan(stack)));
        });
    }

    it("--all: the comparison, line for line", async () => {
        const plans: Plan[] = [];
        for (const stack of STACKS) {
            plans.push(await fixturePlan(stack));
        }
        expectGolden("fixtures/all.txt", allText(plans));
    });
});

describe("plan: the golden texts of a network stack and its agent stacks", function () {
    this.timeout(120000);

    for (const stack of TOPOLOGY_STACKS) {
        it(`${stack}: the report, line for line`, async () => {
            expectGolden(`topology/${stack}.txt`, renderPlan(await topologyPlan(stack)));
        });

        it(`${stack}: the diagram, line for line`, async () => {
            expectGolden(`topology/${stack}.mmd`, mermaidDiagram(await topologyPlan(stack)));
        });
    }

    it("--all: the comparison and how many agent stacks fit, line for line", async () => {
        const plans: Plan[] = [];
        for (const stack of TOPOLOGY_STACKS) {
            plans.push(await topologyPlan(stack));
        }
        expectGolden("topology/all.txt", allText(plans));
    });
});
