/**
 * Shared test helpers. The mocks are the offline plan's own (src/plan/offline/mocks.ts), so
 * what the tests prove is what `npm run plan` shows. Stacks come from tests/fixtures/:
 * stack files made for the tests (with the real Pulumi.yaml defaults), so editing a real
 * stack file breaks only tests/stack/stackFiles.spec.ts, the contract spec of the real ones.
 */
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { ConfigValidationError, RawStackConfig, StackConfig, validateConfig } from "../src/config";
import { RecordedResource } from "../src/plan/offline/mocks";
import { ProgramRun, runProgram, runStack as runStackIn } from "../src/plan/offline/runProgram";
import { PROJECT_ROOT, stackConfig } from "../src/plan/offline/stackFiles";
import { shared } from "./mutationCoverage";

export { runProgram };

/**
 * The Pulumi SDK passes each of its internal promises through `debuggablePromise`: it tracks the
 * promise as a leak candidate until it settles (the leak check at exit), chains two reactions
 * on it, and stamps it with an id, a context and a stack trace (read only to describe a leaked
 * promise when PULUMI_DEBUG_PROMISE_LEAKS is set). A spec process runs the program a few hundred
 * times: the traces were a fifth of its CPU time, the other stamps a tenth of a program run. In
 * the specs each promise is tracked and chained exactly as the SDK does, without the stamps:
 * the same reactions settle in the same order, so resources register in the order `npm run
 * plan` records them. The first call is the SDK's own, which schedules the leak check at exit.
 * Every other stack trace (a failed assertion, an error the program throws) is unchanged.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const debuggable = require("@pulumi/pulumi/runtime/debuggable") as {
    debuggablePromise: <T>(p: Promise<T>, ctx: unknown) => Promise<T>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtimeState = require("@pulumi/pulumi/runtime/state") as {
    getStore: () => { leakCandidates: Set<Promise<unknown>> };
};
const stampedPromise = debuggable.debuggablePromise;
let leakCheckScheduled = false;
debuggable.debuggablePromise = <T>(p: Promise<T>, ctx: unknown): Promise<T> => {
    if (!leakCheckScheduled) {
        leakCheckScheduled = true;
        return stampedPromise(p, ctx);
    }
    const candidates = runtimeState.getStore().leakCandidates;
    candidates.add(p);
    return p
        .then((value) => {
            candidates.delete(p);
            return value;
        })
        .catch((err: unknown) => {
            candidates.delete(p);
            (err as { promise?: unknown }).promise = p;
            throw err;
        });
};

/**
 * Each resource the program creates asks the SDK for its source position: a full stack trace
 * (no depth limit), parsed frame by frame and each file turned into a URL, which the SDK hands
 * to the engine with the registration. The mocks never read it (src/plan/offline/mocks.ts
 * records type, name, inputs, options and the computed state), so the specs take none: a
 * twentieth of a program run's CPU, and every recorded resource stays byte-identical.
 */
(pulumi.Resource as unknown as { stackTrace: (skip: number) => unknown[] }).stackTrace = () => [];

/**
 * The tree the tests resolve the stack files' artifact paths against: it holds what
 * `agents/support-agent/dist` (a build output, not in git) and the agent's Dockerfile stand
 * for, so the suite runs from a clean clone without building the agent.
 */
export const FIXTURE_SOURCE_ROOT = path.join(PROJECT_ROOT, "tests", "fixtures", "source-root");
export type { ProgramRun, RecordedResource };

/** The folder of the test stack files (tests/fixtures/Pulumi.<stack>.yaml). */
export const FIXTURES_ROOT = path.join(PROJECT_ROOT, "tests", "fixtures");

/**
 * The repository root, found from Pulumi.yaml, so a spec reads the same files whether it
 * runs from tests/ (ts-node) or compiled from .build/tests/ (npm test).
 */
export const REPO_ROOT = PROJECT_ROOT;

/** The fixture stacks; every spec that is about "all stacks" loops over these. */
export const STACKS = ["development", "staging", "production"] as const;

/**
 * Runs the real program for a stack file (a fixture one unless `root` says otherwise) with
 * some config values replaced, artifact paths resolved in the fixture source tree.
 */
export function runFixtureStack(
    stack: string,
    overrides: Readonly<Record<string, string | undefined>> = {},
    root: string = FIXTURES_ROOT,
    sourceRoot: string = FIXTURE_SOURCE_ROOT,
    secretKeys: readonly string[] = [],
): Promise<ProgramRun> {
    return runStackIn(stack, overrides, root, sourceRoot, undefined, secretKeys);
}

/**
 * The run of a fixture stack file (with overrides), computed once per test process and shared by
 * every spec that only reads it: a full program run takes about a second.
 */
export function runStackOnce(stack: string, overrides: Record<string, string | undefined> = {}): Promise<ProgramRun> {
    return shared(JSON.stringify(["runStack", stack, overrides]), () => runFixtureStack(stack, overrides));
}

/** Resolves an Output in a test (mocks resolve every value). */
export function promiseOf<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => output.apply((v) => resolve(v)));
}

/** Every recorded resource of a type. */
export function ofType(run: ProgramRun, type: string): RecordedResource[] {
    return run.resources.filter((r) => r.type === type);
}

/** The one resource of a type (and name suffix, if given); fails loudly otherwise. */
export function one(run: ProgramRun, type: string, nameEndsWith = ""): RecordedResource {
    const found = ofType(run, type).filter((r) => r.name.endsWith(nameEndsWith));
    if (found.length !== 1) {
        throw new Error(
            `expected one ${type} named *${nameEndsWith}, found ${found.length}: ${found.map((r) => r.name).join(", ")}`,
        );
    }
    return found[0];
}

/** The raw config map of a fixture stack file with some keys replaced (undefined removes a key). */
export function rawStack(stack: string, overrides: Record<string, unknown> = {}): RawStackConfig {
    const { project, config } = stackConfig(stack, FIXTURES_ROOT);
    const values: Record<string, string> = {};
    let region: string | undefined = config["aws:region"];
    let nativeRegion: string | undefined = config["aws-native:region"];
    for (const [key, value] of Object.entries(config)) {
        if (key.startsWith(`${project}:`)) {
            values[key.slice(project.length + 1)] = value;
        }
    }
    for (const [key, value] of Object.entries(overrides)) {
        if (key === "aws:region") {
            region = value as string | undefined;
        } else if (key === "aws-native:region") {
            nativeRegion = value as string | undefined;
        } else if (value === undefined) {
            delete values[key];
        } else {
            values[key] = typeof value === "string" ? value : JSON.stringify(value);
        }
    }
    return { project, stack, values, region, nativeRegion, root: FIXTURE_SOURCE_ROOT };
}

/**
 * The problems validation reports for a raw config, [] when it is valid. An error that is not
 * a config error is thrown on: it is a bug, not a finding.
 */
export function configProblems(raw: RawStackConfig): readonly string[] {
    try {
        validateConfig(raw);
        return [];
    } catch (e) {
        if (e instanceof ConfigValidationError) {
            return e.problems;
        }
        throw e;
    }
}

/** The validated config of a stack file with overrides, for component specs. */
export function configOf(stack: string, overrides: Record<string, unknown> = {}): StackConfig {
    return validateConfig(rawStack(stack, overrides));
}

/** Runs a program that builds one component on its own, under the recording mocks. */
export function runComponent(
    build: () => Record<string, unknown> | void,
    opts: { stack?: string; region?: string } = {},
): Promise<ProgramRun> {
    return runProgram({
        project: "agentcore-private",
        stack: opts.stack ?? "development",
        config: { "aws:region": opts.region ?? "us-east-1" },
        rootDirectory: FIXTURE_SOURCE_ROOT,
        program: () => build() ?? {},
    });
}

/**
 * Overrides that run a stack file with the given runtime provider. The classic provider
 * lists no NODE_22 for direct code (src/artifact/config.ts), so a runtime deployed as Node
 * code there is built as an image from the same agent instead.
 */
export function providerOverrides(stack: string, provider: "aws-native" | "aws"): Record<string, string> {
    if (provider === "aws-native") {
        return {};
    }
    const runtimes = JSON.parse(rawStack(stack).values.runtimes) as Record<string, unknown>[];
    const swapped = runtimes.map((r) => {
        const code = r.code as { runtime?: string } | undefined;
        if (code?.runtime !== "NODE_22") {
            return r;
        }
        const { code: _code, ...rest } = r;
        void _code;
        return { ...rest, image: { context: "agents/support-agent" } };
    });
    return { runtimeProvider: provider, runtimes: JSON.stringify(swapped) };
}
