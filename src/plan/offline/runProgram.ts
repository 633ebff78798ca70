import * as pulumi from "@pulumi/pulumi";
import { MockFacts, RecordedInvoke, RecordedResource, RecordingMocks } from "./mocks";
import { PROJECT_ROOT, listStacks, stackConfig } from "./stackFiles";

export interface ProgramRun {
    readonly project: string;
    readonly stack: string;
    readonly region: string;
    readonly resources: readonly RecordedResource[];
    readonly invokes: readonly RecordedInvoke[];
    /** Stack outputs with every Output resolved; undefined when the program threw. */
    readonly outputs?: Record<string, unknown>;
    readonly error?: Error;
}

/**
 * Runs a Pulumi program under the recording mocks with the given config, exactly as the
 * engine would run it for `pulumi up` (inside a root Stack resource), and waits until
 * every registration has been recorded.
 */
export async function runProgram(args: {
    project: string;
    stack: string;
    config: Record<string, string>;
    program: () => Record<string, unknown> | Promise<Record<string, unknown>>;
    /** The project root the program sees (relative artifact paths resolve there). Default: the repository root. */
    rootDirectory?: string;
    /** Outputs of the stacks the program reads with StackReference, by fully qualified name. */
    stackReferences?: Readonly<Record<string, Record<string, unknown>>>;
    /** Namespaced keys Pulumi marks secret (`pulumi config set --secret`). Default: none. */
    secretKeys?: string[];
    /** Instance types EC2 does not offer in some AZ IDs (type → AZ IDs). Default: every type everywhere. */
    unofferedInstanceTypes?: Readonly<Record<string, readonly string[]>>;
    /** What the mock account's AWS APIs answer besides the defaults (src/plan/offline/mocks.ts). */
    facts?: MockFacts;
}): Promise<ProgramRun> {
    const region = args.config["aws:region"] ?? "us-east-1";
    const mocks = new RecordingMocks(
        region,
        undefined,
        args.project,
        args.stack,
        args.stackReferences,
        args.unofferedInstanceTypes,
        args.facts,
    );
    pulumi.runtime.setAllConfig(args.config, args.secretKeys ?? []);
    await mocks.install();
    setRootDirectory(args.rootDirectory ?? PROJECT_ROOT);
    let outputs: Record<string, unknown> | undefined;
    let error: Error | undefined;
    // The SDK stamps a stack trace on each of its internal promises, and under ts-node every
    // trace is source-mapped frame by frame: that dominated a run. Two frames still locate
    // an error thrown by the program; the limit is restored when the run ends.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 2;
    try {
        outputs = (await pulumi.runtime.runInPulumiStack(async () => args.program())) as Record<string, unknown>;
    } catch (e) {
        error = e instanceof Error ? e : new Error(String(e));
    }
    try {
        // Let every in-flight registration reach the mocks before reading the record. The
        // runtime's own queue-drain helper is internal, so it is reached through require.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const settings = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs: () => Promise<void> };
        await settings.waitForRPCs();
    } finally {
        Error.stackTraceLimit = stackTraceLimit;
    }
    error = error ?? mocks.failures[0];
    return {
        project: args.project,
        stack: args.stack,
        region,
        resources: mocks.resources,
        invokes: mocks.invokes,
        outputs: error ? undefined : outputs,
        error,
    };
}

/**
 * Sets the project root `pulumi.runtime.getRootDirectory()` reports, as the Pulumi language
 * host does (from PULUMI_NODEJS_ROOT_DIRECTORY); mocks leave a placeholder there. The
 * settings store is internal, so it is reached through require.
 */
function setRootDirectory(root: string): void {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const state = require("@pulumi/pulumi/runtime/state") as {
        getStore: () => { settings: { options: { rootDirectory?: string } } };
    };
    state.getStore().settings.options.rootDirectory = root;
}

/** The path of the real program; it is loaded afresh for each run. */
export const PROGRAM_PATH = require.resolve("../../../index");

/**
 * Runs the real program (index.ts) for a stack file: the repository's, or one under
 * `root` (tests plan a broken copy without touching the real files). Relative artifact
 * paths resolve against `sourceRoot` (default: `root`), which tests point at a fixture tree. Overrides replace
 * config values (keys without a namespace get the project's); undefined removes one.
 * Throws if there is no such stack file.
 */
export async function runStack(
    stack: string,
    overrides: Readonly<Record<string, string | undefined>> = {},
    root: string = PROJECT_ROOT,
    sourceRoot: string = root,
    stackReferences?: Readonly<Record<string, Record<string, unknown>>>,
    /** Keys to mark secret besides those the stack file encrypts (namespaced or not). Default: none. */
    extraSecretKeys: readonly string[] = [],
    /** Instance types EC2 does not offer in some AZ IDs (type → AZ IDs). Default: every type everywhere. */
    unofferedInstanceTypes?: Readonly<Record<string, readonly string[]>>,
    /** What the mock account's AWS APIs answer besides the defaults. Default: none. */
    facts: MockFacts = {},
): Promise<ProgramRun> {
    const { project, config, secretKeys } = stackConfig(stack, root);
    for (const [key, value] of Object.entries(overrides)) {
        const fullKey = key.includes(":") ? key : `${project}:${key}`;
        if (value === undefined) {
            delete config[fullKey];
        } else {
            config[fullKey] = value;
        }
    }
    stackReferences ??= await referencedStackOutputs(config[`${project}:networkStack`], root, sourceRoot);
    return runProgram({
        project,
        stack,
        config,
        secretKeys: [...secretKeys, ...extraSecretKeys.map((k) => (k.includes(":") ? k : `${project}:${k}`))],
        rootDirectory: sourceRoot,
        stackReferences: stackReferences,
        unofferedInstanceTypes,
        facts,
        program: () => {
            // Fresh for each run, so one process can run several stacks; the SDKs stay loaded.
            delete require.cache[PROGRAM_PATH];
            // index.ts exports one async function, as the Pulumi Node.js host accepts: it is
            // called and its result is the stack's outputs.
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const program = require(PROGRAM_PATH) as () => Promise<Record<string, unknown>>;
            return program();
        },
    });
}

/**
 * The outputs an agent stack's StackReference reads offline: the named network stack
 * (`<organization>/<project>/<stack>`) is planned from its stack file beside this one,
 * `Pulumi.<stack>.yaml`, and its real outputs are handed to the mocks. No such file: no outputs,
 * and the agent stack's own check reports every missing one.
 */
export async function referencedStackOutputs(
    networkStack: string | undefined,
    root: string,
    sourceRoot: string,
): Promise<Record<string, Record<string, unknown>>> {
    const name = networkStack?.split("/").pop();
    if (!networkStack || !name || !listStacks(root).includes(name)) {
        return {};
    }
    const run = await runStack(name, {}, root, sourceRoot, {});
    return run.outputs ? { [networkStack]: run.outputs } : {};
}
