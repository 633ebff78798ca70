/**
 * `npm run teardown -- <stack> [--max-wait-minutes N] [--dry-run]`
 *
 * Destroys a stack although AgentCore keeps its runtimes' network interfaces for hours:
 * everything but the subnets and security groups first, then those with backoff, up to N
 * minutes (default 60); past that it says what remains and exits 3, and a later run
 * finishes. `<stack>` may be a full reference (`acme/development`). Needs the Pulumi CLI
 * and the stack's credentials (the Automation API drives the CLI). The logic is in
 * src/release/teardown.ts.
 */
import { spawnSync } from "child_process";
import { LocalWorkspace } from "@pulumi/pulumi/automation";
import { automationTeardownOps } from "../src/release/automationOps";
import { EXIT_CODES, runTeardown } from "../src/release/teardown";
import { PROJECT_ROOT } from "../src/plan/offline/stackFiles";

const USAGE = `Usage: npm run teardown -- <stack> [--max-wait-minutes N] [--dry-run]

  stack                  the stack to destroy (a name, or org/name for Pulumi Cloud)
  --max-wait-minutes N   how long to keep retrying the subnets and security groups (default 60; AgentCore may hold them up to 480)
  --dry-run              show the two passes and the retry schedule, destroy nothing
`;

export interface TeardownArgs {
    readonly stack: string;
    readonly maxWaitMinutes: number;
    readonly dryRun: boolean;
}

export const DEFAULT_MAX_WAIT_MINUTES = 60;

/** Parses the arguments after `npm run teardown --`; throws a usage error. */
export function parseTeardownArgs(argv: readonly string[]): TeardownArgs {
    const positional: string[] = [];
    let maxWaitMinutes = DEFAULT_MAX_WAIT_MINUTES;
    let dryRun = false;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--dry-run") {
            dryRun = true;
        } else if (arg === "--max-wait-minutes") {
            const v = argv[++i];
            if (v === undefined || !/^\d+$/.test(v) || Number(v) > 1440) {
                throw new Error(
                    `--max-wait-minutes ${JSON.stringify(v ?? null)} is invalid: whole minutes from 0 to 1440 (e.g. 480 for AgentCore's 8 hours)`,
                );
            }
            maxWaitMinutes = Number(v);
        } else if (arg.startsWith("--")) {
            throw new Error(`unknown option ${arg}`);
        } else {
            positional.push(arg);
        }
    }
    if (positional.length !== 1) {
        throw new Error(`expected one stack, got ${positional.length}`);
    }
    return { stack: positional[0], maxWaitMinutes, dryRun };
}

async function main(argv: readonly string[]): Promise<number> {
    if (argv.includes("--help") || argv.includes("-h")) {
        console.log(USAGE);
        return 0;
    }
    let args: TeardownArgs;
    try {
        args = parseTeardownArgs(argv);
    } catch (e) {
        console.error(`teardown: ${(e as Error).message}\n\n${USAGE}`);
        return 2;
    }
    if (spawnSync("pulumi", ["version"], { encoding: "utf8" }).status !== 0) {
        console.error(
            "teardown: needs the Pulumi CLI on PATH (https://www.pulumi.com/docs/install/), logged in to the stack's backend, and AWS credentials for its account.",
        );
        return 2;
    }
    const stack = await LocalWorkspace.selectStack({ stackName: args.stack, workDir: PROJECT_ROOT });
    const name = args.stack.split("/").pop() ?? args.stack;
    const outcome = await runTeardown(
        name,
        automationTeardownOps(stack, (line) => console.log(line)),
        args,
    );
    return EXIT_CODES[outcome];
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        (code) => (process.exitCode = code),
        (e) => {
            console.error(`teardown: ${(e as Error).message}`);
            process.exitCode = 1;
        },
    );
}
