/**
 * `npm run mutate [-- <folder>... ] [--concurrency N]`: the mutation score of each feature folder.
 * `npm run mutate -- --table` prints the table of the reports present without running anything.
 *
 * One StrykerJS run per folder (docs/testing.md, "Mutation testing"): the folder's sources
 * (`src/<folder>/`, or `policy/rules/` for `policy`) mutated, its mirrored specs
 * (`tests/<folder>/**\/*.spec.ts`, the whole-program ones included) plus the config specs
 * (`tests/config/`, which check every feature's config reader) as the tests. Per folder
 * rather than all of `src/` against every spec: a mutant is then run only against the specs
 * written for its folder, which keeps a run of the whole tree within a few hours on two cores,
 * and a folder can be measured again alone after its tests change. The settings are
 * stryker.config.json's; this script only narrows `mutate`, `mochaOptions.spec` and the report
 * file. Reports: reports/mutation/<folder>.json; the table printed at the end (markdown) reads
 * every folder's report present, so runs on different days add up.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const REPORTS = path.join(ROOT, "reports", "mutation");
/** Folders of src/ with no logic of their own to mutate: typed facades over the provider SDKs. */
const NOT_MUTATED = new Set(["providers"]);

function folders(): string[] {
    const src = fs
        .readdirSync(path.join(ROOT, "src"), { withFileTypes: true })
        .filter((e) => e.isDirectory() && !NOT_MUTATED.has(e.name))
        .map((e) => e.name);
    return [...src, "policy"].sort();
}

/**
 * Specs a folder's code serves beyond its own: src/plan/offline/evaluate.ts is the policy
 * engine every pack spec (tests/policy/) evaluates the rules with.
 */
const ALSO_TESTED_BY: Readonly<Record<string, readonly string[]>> = { plan: ["tests/policy/**/*.spec.ts"] };

/** The specs of a folder: its mirrored ones, the config specs that test each feature's `config.ts`, and ALSO_TESTED_BY's. */
function specsOf(folder: string): string[] {
    const own = folder === "config" ? [] : [`tests/${folder}/**/*.spec.ts`];
    return [...own, "tests/config/**/*.spec.ts", ...(ALSO_TESTED_BY[folder] ?? [])];
}

function sourcesOf(folder: string): string {
    return folder === "policy" ? "policy/rules/**/*.ts" : `src/${folder}/**/*.ts`;
}

interface Counts {
    killed: number;
    timeout: number;
    survived: number;
    noCoverage: number;
    ignored: number;
    errors: number;
}

/** Tallies a mutation-testing-report-schema JSON report. */
function countsOf(report: string): Counts {
    const json = JSON.parse(fs.readFileSync(report, "utf8")) as {
        files: Record<string, { mutants: { status: string }[] }>;
    };
    const counts: Counts = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 };
    for (const file of Object.values(json.files)) {
        for (const { status } of file.mutants) {
            if (status === "Killed") counts.killed++;
            else if (status === "Timeout") counts.timeout++;
            else if (status === "Survived") counts.survived++;
            else if (status === "NoCoverage") counts.noCoverage++;
            else if (status === "Ignored") counts.ignored++;
            else counts.errors++;
        }
    }
    return counts;
}

function percent(part: number, whole: number): string {
    return whole === 0 ? "n/a" : `${((100 * part) / whole).toFixed(2)} %`;
}

function row(folder: string, c: Counts): string {
    const detected = c.killed + c.timeout;
    const total = detected + c.survived + c.noCoverage;
    return `| ${sourcesOf(folder).replace("/**/*.ts", "")} | ${total} | ${detected} | ${c.survived} | ${c.noCoverage} | ${c.ignored} | **${percent(detected, total)}** | ${percent(detected, detected + c.survived)} |`;
}

function main(argv: string[]): number {
    const concurrencyAt = argv.indexOf("--concurrency");
    const concurrency = concurrencyAt >= 0 ? argv[concurrencyAt + 1] : undefined;
    const asked = argv.filter((a, i) => !a.startsWith("--") && argv[i - 1] !== "--concurrency");
    const tableOnly = argv.includes("--table");
    const known = folders();
    const unknown = asked.filter((f) => !known.includes(f));
    if (unknown.length > 0) {
        console.error(
            `unknown folder(s) ${unknown.join(", ")}: one of ${known.join(", ")} (e.g. npm run mutate -- network)`,
        );
        return 2;
    }
    const base = JSON.parse(fs.readFileSync(path.join(ROOT, "stryker.config.json"), "utf8")) as Record<string, unknown>;
    fs.mkdirSync(REPORTS, { recursive: true });
    let failed = false;
    for (const folder of tableOnly ? [] : asked.length > 0 ? asked : known) {
        const report = path.join(REPORTS, `${folder}.json`);
        const config = path.join(REPORTS, `${folder}.stryker.json`);
        const mochaOptions = base.mochaOptions as Record<string, unknown>;
        fs.writeFileSync(
            config,
            JSON.stringify(
                {
                    ...base,
                    $schema: undefined,
                    mutate: [sourcesOf(folder)],
                    mochaOptions: { ...mochaOptions, spec: specsOf(folder) },
                    // A mutant that loops is caught in seconds, not the default 20: the folder's
                    // specs run in a few seconds, and a timeout counts as detected either way.
                    timeoutMS: 5000,
                    jsonReporter: { fileName: path.relative(ROOT, report) },
                    ...(concurrency !== undefined ? { concurrency: Number(concurrency) } : {}),
                },
                null,
                2,
            ),
        );
        console.log(`\n== ${sourcesOf(folder)} against ${specsOf(folder).join(" and ")}`);
        const run = spawnSync("npx", ["stryker", "run", path.relative(ROOT, config)], { cwd: ROOT, stdio: "inherit" });
        if (run.status !== 0) {
            console.error(`stryker failed on ${folder} (exit ${run.status})`);
            failed = true;
        }
    }
    console.log(
        "\n| folder | mutants | killed + timeout | survived | no coverage | ignored (static) | score (total) | score (covered) |",
    );
    console.log("|---|---|---|---|---|---|---|---|");
    for (const folder of known) {
        const report = path.join(REPORTS, `${folder}.json`);
        if (fs.existsSync(report)) console.log(row(folder, countsOf(report)));
    }
    return failed ? 1 : 0;
}

process.exit(main(process.argv.slice(2)));
