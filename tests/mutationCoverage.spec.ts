/**
 * The mutation run's coverage attribution (tests/mutationCoverage.ts), over a context of the
 * spec's own in the shape of Stryker's instrumenter context: the coverage a `before()` hook or
 * a shared computation reaches is credited to the tests that use it, and a shared value is
 * never reused across mutants.
 */
import { expect } from "chai";
import { StrykerContext, SuiteLike, TestLike, coverageAttribution } from "./mutationCoverage";

/** What Stryker's instrumented code does when it reaches mutant `id`. */
function reach(ctx: StrykerContext, id: string): void {
    const cov = ctx.mutantCoverage!;
    const into = ctx.currentTestId === undefined ? cov.static : (cov.perTest[ctx.currentTestId] ??= {});
    into[id] = (into[id] ?? 0) + 1;
}

function suite(title: string, parent?: SuiteLike): SuiteLike {
    const s: SuiteLike = {
        fullTitle: () => (parent ? `${parent.fullTitle()} ${title}` : title),
        parent,
        suites: [],
        _beforeAll: [],
    };
    parent?.suites.push(s);
    return s;
}

function test(title: string, parent: SuiteLike): TestLike {
    return { fullTitle: () => `${parent.fullTitle()} ${title}`, parent };
}

function dryRun(): StrykerContext {
    return { mutantCoverage: { static: {}, perTest: {} } };
}

describe("mutation coverage attribution", () => {
    it("outside Stryker, shares one computation per key", async () => {
        const { shared } = coverageAttribution(() => undefined);
        let computed = 0;
        const compute = () => Promise.resolve(++computed);
        expect(await shared("a", compute)).to.equal(1);
        expect(await shared("a", compute)).to.equal(1);
        expect(await shared("b", compute)).to.equal(2);
        expect(computed).to.equal(2);
    });

    it("credits a shared computation's coverage to every test that asks for it, and only to those", async () => {
        const ctx = dryRun();
        const { shared, mochaHooks } = coverageAttribution(() => ctx);
        const root = suite("root");
        const [first, second, bystander] = ["first", "second", "bystander"].map((t) => test(t, root));
        const render = () => Promise.resolve(reach(ctx, "7"));

        ctx.currentTestId = first.fullTitle();
        await shared("stack", render);
        reach(ctx, "1");
        mochaHooks.afterEach.call({ currentTest: first });
        ctx.currentTestId = second.fullTitle();
        await shared("stack", render);
        mochaHooks.afterEach.call({ currentTest: second });
        ctx.currentTestId = bystander.fullTitle();
        reach(ctx, "2");
        mochaHooks.afterEach.call({ currentTest: bystander });

        expect(ctx.mutantCoverage!.perTest).to.deep.equal({
            "root first": { "1": 1, "7": 1 },
            "root second": { "7": 1 },
            "root bystander": { "2": 1 },
        });
    });

    it("credits a before() hook's coverage to every test below its suite, not to a sibling suite's", async () => {
        const ctx = dryRun();
        const { shared, mochaHooks } = coverageAttribution(() => ctx);
        const root = suite("root");
        const rendered = suite("rendered", root);
        const inner = suite("inner", rendered);
        const sibling = suite("sibling", root);
        rendered._beforeAll.push({
            fn: async () => {
                reach(ctx, "3");
                await shared("used by the hook", () => Promise.resolve(reach(ctx, "4")));
            },
        });
        mochaHooks.beforeAll.call({ test: { fullTitle: () => "root hook", parent: root } });
        // The previous test's id is still set when mocha runs the next suite's before() hook.
        ctx.currentTestId = "an earlier test";
        await rendered._beforeAll[0].fn!.call({});
        expect(ctx.currentTestId).to.equal("an earlier test");

        const deep = test("deep", inner);
        const other = test("other", sibling);
        for (const t of [deep, other]) {
            ctx.currentTestId = t.fullTitle();
            mochaHooks.afterEach.call({ currentTest: t });
        }
        expect(ctx.mutantCoverage!.perTest).to.deep.equal({
            "root rendered inner deep": { "3": 1, "4": 1 },
            "root sibling other": {},
        });
    });

    it("wraps each hook once however many runs start, and leaves callback-style hooks alone", async () => {
        const ctx = dryRun();
        const { mochaHooks } = coverageAttribution(() => ctx);
        const root = suite("root");
        const promiseStyle = async () => reach(ctx, "5");
        const callbackStyle = (done?: () => void) => done?.();
        root._beforeAll.push({ fn: promiseStyle }, { fn: callbackStyle });
        for (let run = 0; run < 3; run++)
            mochaHooks.beforeAll.call({ test: { fullTitle: () => "hook", parent: root } });
        expect(root._beforeAll[0].fn).to.not.equal(promiseStyle);
        expect(root._beforeAll[1].fn).to.equal(callbackStyle);
        await root._beforeAll[0].fn!.call({});
        const t = test("t", root);
        mochaHooks.afterEach.call({ currentTest: t });
        expect(ctx.mutantCoverage!.perTest["root t"]).to.deep.equal({ "5": 1 });
    });

    it("computes a shared value again for each active mutant, and records nothing in a mutant run", async () => {
        const ctx: StrykerContext = { ...dryRun(), activeMutant: "12" };
        const { shared, mochaHooks } = coverageAttribution(() => ctx);
        let computed = 0;
        const compute = () => Promise.resolve(++computed);
        expect(await shared("stack", compute)).to.equal(1);
        expect(await shared("stack", compute)).to.equal(1);
        ctx.activeMutant = "13";
        expect(await shared("stack", compute)).to.equal(2);
        ctx.activeMutant = undefined;
        expect(await shared("stack", compute)).to.equal(3);

        ctx.activeMutant = "14";
        ctx.currentTestId = "root t";
        mochaHooks.afterEach.call({ currentTest: test("t", suite("root")) });
        expect(ctx.mutantCoverage!.perTest).to.deep.equal({});
    });

    it("leaves no synthetic id in the per-test map when shared computations overlap", async () => {
        const ctx = dryRun();
        const { shared, mochaHooks } = coverageAttribution(() => ctx);
        const t = test("t", suite("root"));
        ctx.currentTestId = t.fullTitle();
        let release: () => void = () => undefined;
        const slow = shared("slow", () =>
            new Promise<void>((resolve) => (release = resolve)).then(() => reach(ctx, "8")),
        );
        const fast = shared("fast", () => Promise.resolve(reach(ctx, "9")));
        await fast;
        release();
        await slow;
        mochaHooks.afterEach.call({ currentTest: t });
        expect(Object.keys(ctx.mutantCoverage!.perTest)).to.deep.equal(["root t"]);
        expect(ctx.mutantCoverage!.perTest["root t"]).to.include({ "9": 1 });
    });
});
