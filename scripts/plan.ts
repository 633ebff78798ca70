/**
 * `npm run plan -- [stack] [--json FILE] [--diagram FILE] [--all] [--root DIR] [--source-root DIR]`
 *
 * The offline plan: runs the real program for a stack file under the recording mocks and
 * prints what it would create. Argument parsing and I/O only; the work is in src/plan.
 * Exit code 0 when every requested stack planned, 1 when one has config errors, fails, or
 * breaks a mandatory policy (as `pulumi preview --policy-pack policy` would), 2 on a usage error. Nothing is written when a stack cannot be planned.
 */
import * as fs from "fs";
import * as path from "path";
import { listStacks, PROJECT_ROOT } from "../src/plan/offline/stackFiles";
import { deferSdkModules } from "../src/plan/deferredSdkModules";
import type { Plan } from "../src/plan/model";

const USAGE = `Usage: npm run plan -- [stack] [options]

  stack            a stack file Pulumi.<stack>.yaml (default: development)
  --all            plan every stack file and compare them side by side
  --json FILE      write the full plan as stable JSON (with --all: every stack, keyed by name)
  --diagram FILE   write a Mermaid diagram (.md: a Markdown page; else the bare flowchart)
  --root DIR       read Pulumi.yaml and the stack files from DIR (default: the repository)
  --source-root DIR  resolve image.context and code.path from DIR (default: --root)
  --help           this text
`;

export interface CliArgs {
    readonly stacks: string[];
    readonly all: boolean;
    readonly json?: string;
    readonly diagram?: string;
    readonly root: string;
    /** Where relative artifact paths resolve; undefined means root. */
    readonly sourceRoot?: string;
    readonly help: boolean;
}

/** Parses the arguments after `npm run plan --`; throws a usage error. */
export function parsePlanArgs(argv: readonly string[]): CliArgs {
    const stacks: string[] = [];
    let all = false;
    let help = false;
    let json: string | undefined;
    let diagram: string | undefined;
    let root = PROJECT_ROOT;
    let sourceRoot: string | undefined;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const value = () => {
            const v = argv[++i];
            if (v === undefined || v.startsWith("--")) {
                throw new Error(`${arg} needs a value`);
            }
            return v;
        };
        if (arg === "--all") all = true;
        else if (arg === "--help" || arg === "-h") help = true;
        else if (arg === "--json") json = value();
        else if (arg === "--diagram") diagram = value();
        else if (arg === "--root") root = path.resolve(value());
        else if (arg === "--source-root") sourceRoot = path.resolve(value());
        else if (arg.startsWith("-")) throw new Error(`unknown option ${arg}`);
        else stacks.push(arg);
    }
    if (all && stacks.length > 0) {
        throw new Error("give either a stack or --all, not both");
    }
    if (stacks.length > 1) {
        throw new Error(`one stack at a time (got ${stacks.join(", ")}); use --all for every stack`);
    }
    if (all && diagram) {
        throw new Error("--diagram draws one stack; give the stack instead of --all");
    }
    return { stacks: stacks.length > 0 ? stacks : ["development"], all, json, diagram, root, sourceRoot, help };
}

export interface CliIo {
    readonly out: (text: string) => void;
    readonly err: (text: string) => void;
}

const consoleIo: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

function write(file: string, text: string, io: CliIo): void {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, text);
    io.err(`wrote ${file}\n`);
}

/** The whole command; returns the exit code. */
export async function main(argv: readonly string[], io: CliIo = consoleIo): Promise<number> {
    let args: CliArgs;
    try {
        args = parsePlanArgs(argv);
    } catch (e) {
        io.err(`${(e as Error).message}\n\n${USAGE}`);
        return 2;
    }
    if (args.help) {
        io.out(USAGE);
        return 0;
    }
    // Loaded only once the arguments are good, so `--help` and usage errors answer at once
    // instead of after the SDKs, the providers and the pack have loaded (seconds); the SDK's
    // closure serializer, which the plan never calls, only if something calls it.
    deferSdkModules();
    const [
        { renderComparison },
        { diagramMarkdown, mermaidDiagram },
        { renderFailure, renderPlan },
        { blockingCount },
        { planStack },
        { planJson },
        { renderFleets },
    ] = await Promise.all([
        import("../src/plan/compare"),
        import("../src/plan/diagram"),
        import("../src/plan/report"),
        import("../src/plan/packFindings"),
        import("../src/plan/run"),
        import("../src/plan/stableJson"),
        import("../src/plan/fleet"),
    ]);
    const stacks = args.all ? listStacks(args.root) : args.stacks;
    if (stacks.length === 0) {
        io.err(`No stack files (Pulumi.<stack>.yaml) in ${args.root}\n`);
        return 1;
    }

    const plans: Plan[] = [];
    const errors: Error[] = [];
    // When the program throws (a config error), the Pulumi runtime also rejects the root
    // stack's output promises, which nobody awaits. Those rejections repeat the error the run
    // already returned; left alone, Node would end the process before the next stack.
    const stray: unknown[] = [];
    const onRejection = (reason: unknown) => stray.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
        // One after the other in one process: the SDKs load once, only index.ts is reloaded.
        for (const stack of stacks) {
            const result = await planStack(stack, { root: args.root, sourceRoot: args.sourceRoot });
            if (result.error) {
                io.err(renderFailure(stack, result.error));
                errors.push(result.error);
            } else {
                plans.push(result.plan);
            }
        }
    } finally {
        // Rejections are reported after the microtask queue drains: give them one turn.
        await new Promise((resolve) => setImmediate(resolve));
        process.off("unhandledRejection", onRejection);
    }
    const unexpected = stray.filter((reason) => !errors.includes(reason as Error));
    if (unexpected.length > 0) {
        io.err(
            `Unexpected error while planning:\n${unexpected.map((e) => (e instanceof Error ? (e.stack ?? e.message) : String(e))).join("\n")}\n`,
        );
        return 1;
    }
    if (errors.length > 0) {
        io.err(
            `Nothing was written: ${errors.length} of ${stacks.length} stack${stacks.length === 1 ? "" : "s"} cannot be planned.\n`,
        );
        return 1;
    }

    const blocked = plans.filter((p) => blockingCount(p.policy) > 0);
    if (args.all) {
        // The comparison is the point of --all; each stack's full tree is one command away.
        io.out(renderComparison(plans));
        const fleets = renderFleets(plans);
        if (fleets.length > 0) {
            io.out(`${fleets.join("\n")}\n`);
        }
        io.out(`\nFull plan of one stack: npm run plan -- <stack> (or --json FILE for all of them).\n`);
    } else {
        io.out(renderPlan(plans[0]));
    }
    if (args.json) {
        write(args.json, planJson(args.all ? plans : plans[0]), io);
    }
    if (args.diagram) {
        const command = `npm run plan -- ${plans[0].stack} --diagram ${path.relative(PROJECT_ROOT, path.resolve(args.diagram))}`;
        write(
            args.diagram,
            args.diagram.endsWith(".md") ? diagramMarkdown(plans[0], command) : mermaidDiagram(plans[0]),
            io,
        );
    }
    if (blocked.length > 0) {
        // A mandatory policy finding fails `pulumi preview --policy-pack policy`; so does the plan.
        io.err(
            `Blocked by mandatory policies: ${blocked.map((p) => `${p.stack} (${blockingCount(p.policy)})`).join(", ")}. See "Policy findings".\n`,
        );
        return 1;
    }
    return 0;
}

/** Runs the command and sets the exit code; scripts/launch-plan.js calls it on the compiled file. */
export function runCli(argv: readonly string[]): void {
    main(argv).then(
        (code) => {
            process.exitCode = code;
        },
        (e: unknown) => {
            process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
            process.exitCode = 1;
        },
    );
}

if (require.main === module) {
    runCli(process.argv.slice(2));
}
