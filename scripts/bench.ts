/**
 * `npm run bench [-- --runs N]`: how long the plan takes, against a baseline measured in the
 * same run. A benchmark, not a test: it asserts no time, it prints the figures docs/plan.md
 * quotes.
 *
 * - new: `node scripts/launch-plan.js ARGS`, what `npm run plan -- ARGS` runs (the compiled
 *   plan; the launcher first compiles whatever is stale, so this run starts with one
 *   untimed warm-up of each command).
 * - baseline: `ts-node --transpile-only scripts/plan.ts ARGS`, what `npm run plan` ran before,
 *   with scripts/bench-baseline.js preloaded so the providers load as the root packages and
 *   the plan's work modules load before the arguments are read, as they did then.
 *
 * The two run alternately, baseline first in even rounds and new first in odd ones, so load
 * from other processes on the machine falls on both alike; each command's median is
 * reported with its range. Both must print the same bytes, or the bench stops.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");

interface Case {
    readonly label: string;
    readonly args: string[];
}

const CASES: readonly Case[] = [
    { label: "plan development", args: ["development"] },
    { label: "plan --all (3 stacks)", args: ["--all"] },
    { label: "plan --help", args: ["--help"] },
];

const VARIANTS = {
    baseline: (args: string[]) => [
        require.resolve("ts-node/dist/bin"),
        "--transpile-only",
        "--require",
        "./scripts/bench-baseline.js",
        "scripts/plan.ts",
        ...args,
    ],
    new: (args: string[]) => ["scripts/launch-plan.js", ...args],
} as const;
type Variant = keyof typeof VARIANTS;

/**
 * CPU seconds (user + system) of this process's finished children, from /proc (Linux; its
 * clock ticks are 1/100 s). Other processes on the machine stretch wall time, hardly CPU time.
 */
function childrenCpuSeconds(): number | undefined {
    try {
        const fields = fs.readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
        // After "pid (comm) ": state is field 0, cutime field 13, cstime field 14.
        return (Number(fields[13]) + Number(fields[14])) / 100;
    } catch {
        return undefined;
    }
}

interface Measurement {
    readonly wall: number;
    readonly cpu?: number;
    readonly stdout: string;
}

/** Runs one command; returns its wall and CPU time in seconds and what it printed. */
function run(variant: Variant, args: string[]): Measurement {
    const cpuBefore = childrenCpuSeconds();
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, VARIANTS[variant](args), {
        cwd: ROOT,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
    });
    const wall = Number(process.hrtime.bigint() - start) / 1e9;
    const cpuAfter = childrenCpuSeconds();
    if (result.status !== 0) {
        throw new Error(`${variant} plan ${args.join(" ")} exited ${result.status}:\n${result.stderr}`);
    }
    return {
        wall,
        cpu: cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined,
        stdout: result.stdout,
    };
}

function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function parseRuns(argv: readonly string[]): number {
    const i = argv.indexOf("--runs");
    if (i === -1) return 5;
    const runs = Number(argv[i + 1]);
    if (!Number.isInteger(runs) || runs < 1) {
        throw new Error(`--runs ${argv[i + 1]} is invalid: a whole number of rounds, at least 1 (e.g. --runs 5)`);
    }
    return runs;
}

function main(): void {
    const runs = parseRuns(process.argv.slice(2));
    const cpus = os.cpus();
    const load = () =>
        os
            .loadavg()
            .map((l) => l.toFixed(1))
            .join(" ");
    console.log(
        `Machine: ${cpus.length} CPUs (nproc ${cpus.length}), ${cpus[0]?.model ?? "unknown CPU"}, Node ${process.version}, ${os.platform()} ${os.release()}`,
    );
    console.log(`Load average at start: ${load()}`);
    console.log(`${runs} interleaved rounds per command, after one untimed warm-up of each.\n`);

    const times: Record<string, Record<Variant, Measurement[]>> = {};
    for (const c of CASES) {
        const baseline = run("baseline", c.args);
        const fresh = run("new", c.args);
        if (baseline.stdout !== fresh.stdout) {
            throw new Error(`plan ${c.args.join(" ")}: the new plan prints something else than the baseline`);
        }
        times[c.label] = { baseline: [], new: [] };
    }
    for (let round = 0; round < runs; round++) {
        for (const c of CASES) {
            const order: Variant[] = round % 2 === 0 ? ["baseline", "new"] : ["new", "baseline"];
            for (const variant of order) {
                times[c.label][variant].push(run(variant, c.args));
            }
        }
        process.stderr.write(`round ${round + 1}/${runs} done\n`);
    }

    const table = (title: string, pick: (m: Measurement) => number | undefined) => {
        console.log(`${title}\n`);
        console.log("| Command | Baseline median (range) | New median (range) | New / baseline | Speed-up |");
        console.log("|---|---|---|---|---|");
        for (const c of CASES) {
            const [b, n] = (["baseline", "new"] as const).map((v) =>
                times[c.label][v].map(pick).filter((x): x is number => x !== undefined),
            );
            if (b.length === 0 || n.length === 0) return;
            const [mb, mn] = [median(b), median(n)];
            const range = (v: number[]) => `${Math.min(...v).toFixed(2)}–${Math.max(...v).toFixed(2)}`;
            console.log(
                `| ${c.label} | ${mb.toFixed(2)} s (${range(b)}) | ${mn.toFixed(2)} s (${range(n)}) | ${(mn / mb).toFixed(2)} | ${(mb / mn).toFixed(1)}× |`,
            );
        }
        console.log("");
    };
    table("Wall clock (what you wait for):", (m) => m.wall);
    table("CPU time, user + system (what the work costs; less sensitive to other load):", (m) => m.cpu);
    console.log(`\nLoad average at end: ${load()}`);
}

main();
