/**
 * What lets the mutation run (StrykerJS, docs/testing.md) measure the specs that render whole
 * programs, and a no-op everywhere else.
 *
 * Stryker learns which tests reach a mutant from the coverage its instrumented code records
 * under `__stryker__.currentTestId`, which its mocha runner sets in a root `beforeEach`. Two
 * things the specs do on purpose, because a program render costs about a second, defeat that:
 * - a `before()` hook renders once for all the tests of its `describe`: it runs before any
 *   `beforeEach`, so what it reaches is recorded under the previous test's id (or as static);
 * - a shared render (`shared` below: `runStackOnce`, the Instances agent stack) is computed by
 *   the first test that asks and reused by the rest, which then cover nothing, and in a mutant
 *   run would reuse a render made without the mutant.
 * So, under Stryker only: each `before()` hook and each shared computation records its coverage
 * under an id of its own; every test of the hook's suite, and every test (or hook) that asks for
 * the shared value, is credited with that coverage after it runs (`mochaHooks.afterEach`); and a
 * shared value is kept per active mutant, so a mutant run renders again with the mutant in place.
 * Crediting more tests than needed only costs time; crediting fewer would let a mutant survive
 * that a test kills.
 *
 * Stryker loads this file through `mochaOptions.require` (stryker.config.json), which is what
 * registers `mochaHooks`; `npm test` only imports it through tests/helpers.ts, where `shared` is a
 * plain per-process memo.
 */
import { keepBuiltSchemas } from "../src/config/declare";

/** The instrumenter's context, present only inside a Stryker sandbox (its `globalNamespace`). */
export interface StrykerContext {
    activeMutant?: string;
    currentTestId?: string;
    mutantCoverage?: { static: Record<string, number>; perTest: Record<string, Record<string, number>> };
}

/** The parts of mocha's hooks, suites and tests this module reads. */
export interface HookLike {
    fn?: (this: unknown, done?: (error?: unknown) => void) => unknown;
}
export interface SuiteLike {
    fullTitle(): string;
    parent?: SuiteLike;
    suites: SuiteLike[];
    _beforeAll: HookLike[];
}
export interface TestLike {
    fullTitle(): string;
    parent?: SuiteLike;
}

/** Ids of coverage that is not a test's: Stryker must never see them as test ids. */
const SYNTHETIC = /^(before|shared):/;

/**
 * The memo and the hooks, over the context `context()` returns (the instrumenter's, in a
 * sandbox). A factory so that its specs run it over a context of their own.
 */
export function coverageAttribution(context: () => StrykerContext | undefined) {
    /** Coverage recorded under each synthetic id (a hook or a shared computation). */
    const recorded = new Map<string, Record<string, number>>();
    /** For each test or synthetic id, the synthetic ids whose coverage it is credited with. */
    const consumed = new Map<string, Set<string>>();
    const sharedValues = new Map<string, Promise<unknown>>();
    let sharedFor: string | undefined;
    const wrappedHooks = new WeakSet<HookLike>();

    const dryRunContext = (): StrykerContext | undefined => {
        const ctx = context();
        return ctx !== undefined && ctx.activeMutant === undefined ? ctx : undefined;
    };

    const creditTo = (consumer: string | undefined, synthetic: string): void => {
        if (consumer === undefined || consumer === synthetic) return;
        const set = consumed.get(consumer) ?? new Set<string>();
        set.add(synthetic);
        consumed.set(consumer, set);
    };

    /** Moves whatever was recorded under synthetic ids out of the per-test map. */
    const sweep = (ctx: StrykerContext): void => {
        const perTest = ctx.mutantCoverage?.perTest ?? {};
        for (const id of Object.keys(perTest).filter((k) => SYNTHETIC.test(k))) {
            const into = recorded.get(id) ?? {};
            for (const [mutant, hits] of Object.entries(perTest[id])) into[mutant] = (into[mutant] ?? 0) + hits;
            recorded.set(id, into);
            delete perTest[id];
        }
    };

    /** Runs `work` with the coverage it reaches recorded under `synthetic`. */
    const recordUnder = <T>(ctx: StrykerContext, synthetic: string, work: () => Promise<T>): Promise<T> => {
        const previous = ctx.currentTestId;
        ctx.currentTestId = synthetic;
        const finish = (): void => {
            // Overlapping computations can end out of order: give back only what is ours.
            if (ctx.currentTestId === synthetic) ctx.currentTestId = previous;
            sweep(ctx);
        };
        return work().then(
            (value) => (finish(), value),
            (error: unknown) => {
                finish();
                throw error;
            },
        );
    };

    /**
     * `compute()` once per key (per key and active mutant under Stryker), shared by every caller
     * in the process. Callers must treat the value as read-only.
     */
    const shared = <T>(key: string, compute: () => Promise<T>): Promise<T> => {
        const active = context()?.activeMutant;
        if (active !== sharedFor) {
            // A new mutant: the values computed without it (or with the previous one) are stale.
            sharedValues.clear();
            sharedFor = active;
        }
        const synthetic = `shared:${key}`;
        const ctx = dryRunContext();
        if (ctx !== undefined) creditTo(ctx.currentTestId, synthetic);
        if (!sharedValues.has(key)) {
            sharedValues.set(key, ctx !== undefined ? recordUnder(ctx, synthetic, compute) : compute());
        }
        return sharedValues.get(key) as Promise<T>;
    };

    const hookId = (suite: SuiteLike, index: number): string => `before:${suite.fullTitle()}#${index}`;

    /** Makes each `before()` hook of the tree record its coverage under its own id (once). */
    const wrapBeforeAllHooks = (suite: SuiteLike): void => {
        suite._beforeAll.forEach((hook, index) => {
            const original = hook.fn;
            // Only promise-style hooks (the specs' own): mocha fixed a hook's style from its arity.
            if (original === undefined || original.length > 0 || wrappedHooks.has(hook)) return;
            wrappedHooks.add(hook);
            const id = hookId(suite, index);
            hook.fn = function (this: unknown) {
                const ctx = dryRunContext();
                if (ctx === undefined) return original.call(this);
                return recordUnder(ctx, id, () => Promise.resolve(original.call(this)));
            };
        });
        suite.suites.forEach(wrapBeforeAllHooks);
    };

    /** Every synthetic id a test is credited with: its suites' hooks and what it shared. */
    const creditsOf = (test: TestLike): Set<string> => {
        const credits = new Set<string>();
        for (let suite = test.parent; suite !== undefined; suite = suite.parent) {
            for (let index = 0; index < suite._beforeAll.length; index++) credits.add(hookId(suite, index));
        }
        const pending = [test.fullTitle(), ...credits];
        while (pending.length > 0) {
            for (const next of consumed.get(pending.pop()!) ?? []) {
                if (!credits.has(next)) {
                    credits.add(next);
                    pending.push(next);
                }
            }
        }
        return credits;
    };

    /** The root hooks Stryker registers (`mochaHooks` of a `mochaOptions.require` file). */
    const mochaHooks = {
        beforeAll(this: { test?: TestLike }): void {
            let root = this.test?.parent;
            while (root?.parent !== undefined) root = root.parent;
            if (root !== undefined) wrapBeforeAllHooks(root);
        },
        afterEach(this: { currentTest?: TestLike }): void {
            const ctx = dryRunContext();
            const test = this.currentTest;
            if (ctx?.mutantCoverage === undefined || test === undefined) return;
            sweep(ctx);
            const perTest = (ctx.mutantCoverage.perTest[test.fullTitle()] ??= {});
            for (const synthetic of creditsOf(test)) {
                for (const [mutant, hits] of Object.entries(recorded.get(synthetic) ?? {})) {
                    perTest[mutant] = (perTest[mutant] ?? 0) + hits;
                }
            }
        },
    };

    return { shared, mochaHooks };
}

const attribution = coverageAttribution(() => (globalThis as { __stryker__?: StrykerContext }).__stryker__);

export const shared = attribution.shared;
/**
 * Registered only by Stryker. Besides the attribution: schemas are built afresh in every test
 * (src/config/declare.ts `builtOnce` keeps none), so that each test covers the schema factories
 * it reaches and a mutant in one takes effect.
 */
export const mochaHooks = {
    ...attribution.mochaHooks,
    beforeAll(this: { test?: TestLike }): void {
        keepBuiltSchemas(false);
        attribution.mochaHooks.beforeAll.call(this);
    },
};
