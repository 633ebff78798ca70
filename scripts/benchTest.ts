/**
 * `npm run bench:test [-- --base REV] [--runs N]`: how long `npm test` takes in this checkout
 * against a base commit checked out beside it, measured in one run. A benchmark, not a test:
 * it asserts no time, it prints the figures docs/testing.md quotes.
 *
 * The base is checked out as a detached git worktree in a temporary folder, sharing this
 * checkout's node_modules (a superset of any recent base's) and the sample agent's built
 * bundle. Each round runs two scenarios on both sides, alternating which side goes first:
 *
 * - cold: `.build/` removed first (a fresh clone, or CI): the type-check emits everything and
 *   the lint has no cache;
 * - repeat: `npm test` again with nothing changed (the edit-and-rerun loop): whatever the
 *   side keeps in `.build/` between runs, it may reuse.
 *
 * Wall clock is what you wait for; CPU time (user + system of all the processes `npm test`
 * starts) is the work it does, which other processes on the machine stretch much less. Both
 * sides must pass, or the bench stops.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");

type Side = "base" | "new";
type Scenario = "cold" | "repeat";

interface Measurement {
    readonly wall: number;
    readonly cpu: number;
    readonly specs: string;
}

/** CPU seconds (user + system) of this process's finished children (Linux /proc, 1/100 s ticks). */
function childrenCpuSeconds(): number {
    const fields = fs.readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    // After "pid (comm) ": state is field 0, cutime field 13, cstime field 14.
    return (Number(fields[13]) + Number(fields[14])) / 100;
}

function git(args: string[], cwd = ROOT): string {
    const result = spawnSync("git", args, { cwd, encoding: "utf8" });
    if (result.status !== 0) {
        throw new Error(`git ${args.join(" ")} exited ${result.status}:\n${result.stderr}`);
    }
    return result.stdout.trim();
}

/** One `npm test` (what it runs: node scripts/test.js) in a checkout. */
function npmTest(dir: string, scenario: Scenario): Measurement {
    if (scenario === "cold") {
        fs.rmSync(path.join(dir, ".build"), { recursive: true, force: true });
    }
    const cpuBefore = childrenCpuSeconds();
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ["scripts/test.js"], {
        cwd: dir,
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
    });
    const wall = Number(process.hrtime.bigint() - start) / 1e9;
    const cpu = childrenCpuSeconds() - cpuBefore;
    const output = `${result.stdout}\n${result.stderr}`;
    if (result.status !== 0) {
        throw new Error(`npm test in ${dir} exited ${result.status}:\n${output.slice(-4000)}`);
    }
    return { wall, cpu, specs: /(\d+) passing/.exec(output)?.[1] ?? "?" };
}

function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function option(argv: readonly string[], name: string, fallback: string): string {
    const i = argv.indexOf(name);
    return i === -1 ? fallback : argv[i + 1];
}

function main(): void {
    const argv = process.argv.slice(2);
    const base = option(argv, "--base", "9ef0f1f");
    const runs = Number(option(argv, "--runs", "3"));
    if (!Number.isInteger(runs) || runs < 1) {
        throw new Error(
            `--runs ${option(argv, "--runs", "")} is invalid: a whole number of rounds, at least 1 (e.g. --runs 3)`,
        );
    }
    const baseCommit = git(["rev-parse", "--short", `${base}^{commit}`]);
    const head = git(["rev-parse", "--short", "HEAD"]);
    const dirty = git(["status", "--porcelain", "--untracked-files=no"]) !== "" ? " + uncommitted changes" : "";

    const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-test-"));
    git(["worktree", "add", "--detach", baseDir, baseCommit]);
    try {
        fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(baseDir, "node_modules"), "dir");
        const dist = path.join("agents", "support-agent", "dist");
        if (fs.existsSync(path.join(ROOT, dist))) {
            fs.cpSync(path.join(ROOT, dist), path.join(baseDir, dist), { recursive: true });
        }
        const dirs: Record<Side, string> = { base: baseDir, new: ROOT };
        const cpus = os.cpus();
        const load = () =>
            os
                .loadavg()
                .map((l) => l.toFixed(1))
                .join(" ");
        console.log(`Machine: ${cpus.length} CPUs, ${cpus[0]?.model ?? "unknown CPU"}, Node ${process.version}`);
        console.log(`base ${baseCommit} vs new ${head}${dirty}; ${runs} rounds; load average at start: ${load()}\n`);

        const times: Record<Scenario, Record<Side, Measurement[]>> = {
            cold: { base: [], new: [] },
            repeat: { base: [], new: [] },
        };
        for (let round = 0; round < runs; round++) {
            const order: Side[] = round % 2 === 0 ? ["base", "new"] : ["new", "base"];
            for (const side of order) {
                for (const scenario of ["cold", "repeat"] as const) {
                    const m = npmTest(dirs[side], scenario);
                    times[scenario][side].push(m);
                    process.stderr.write(
                        `round ${round + 1}/${runs} ${side} ${scenario}: ${m.wall.toFixed(1)} s wall, ${m.cpu.toFixed(1)} s CPU, ${m.specs} specs\n`,
                    );
                }
            }
        }

        console.log("| scenario | measure | base median (range) | new median (range) | new / base |");
        console.log("|---|---|---|---|---|");
        for (const scenario of ["cold", "repeat"] as const) {
            for (const [measure, pick] of [
                ["wall clock", (m: Measurement) => m.wall],
                ["CPU time", (m: Measurement) => m.cpu],
            ] as const) {
                const [b, n] = (["base", "new"] as const).map((side) => times[scenario][side].map(pick));
                const range = (v: number[]) => `${Math.min(...v).toFixed(1)}–${Math.max(...v).toFixed(1)}`;
                console.log(
                    `| ${scenario} | ${measure} | ${median(b).toFixed(1)} s (${range(b)}) | ${median(n).toFixed(1)} s (${range(n)}) | ${(median(n) / median(b)).toFixed(2)} |`,
                );
            }
        }
        const specs = (side: Side) => [...new Set(times.cold[side].map((m) => m.specs))].join("/");
        console.log(`\nSpecs passing: base ${specs("base")}, new ${specs("new")}. Load average at end: ${load()}`);
    } finally {
        git(["worktree", "remove", "--force", baseDir]);
    }
}

main();
