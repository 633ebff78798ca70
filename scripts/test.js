#!/usr/bin/env node
/**
 * `npm test`: the one proof command.
 *
 * 1. Started at once, as children that read only the sources: `npm run lint` (oxlint, then
 *    oxfmt --check: native tools that check the whole tree in well under a second) and
 *    `npm run typecheck` (`tsgo -b tsconfig.check.json`: the native TypeScript compiler,
 *    the strictness of tsconfig.json, no output). In build mode the type-check is up to date at
 *    once when no input (source, declaration, config) is newer than its build info and the last
 *    check had no errors; errors are reported on every run until fixed.
 * 2. Meanwhile, in this process, what is missing or stale in .build/ is transpiled file by file
 *    (scripts/transpile.js, shared with `npm run plan`: esbuild): under a second for the whole tree, a
 *    few milliseconds when one file changed. So the specs need not wait for the type-check: on
 *    a cold run it and the specs share the two cores instead of taking turns.
 * 3. The mocha specs then run from that JavaScript, exactly the specs that exist under tests/
 *    (a stale .build file of a deleted spec never runs), in two worker processes
 *    (`--parallel --jobs 2`), each taking the next file when it finishes one, the slowest files
 *    first (SLOWEST_FIRST) so that no long file starts last and leaves one core idle at the end.
 *    Without `--enable-source-maps`: Node would map every stack trace the process formats, and
 *    the Pulumi SDK formats one per internal promise (a quarter of the specs' CPU time); a
 *    failed test's stack is mapped to the TypeScript lines by scripts/mocha-source-maps.js
 *    instead. The workers run with a larger young generation (`--max-semi-space-size`): program
 *    renders allocate short-lived objects by the million, and with Node's default the garbage
 *    collector was a fifth of their CPU time.
 *
 * The specs stream; the output of a failed type-check, lint or format check follows them.
 * Exits non-zero when any step fails. `npm run unit` runs the same specs through ts-node without a build, for
 * one spec at a time. Plain JavaScript on purpose: it starts before anything is compiled.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawn } = require("child_process");
const { ensureCompiled } = require("./transpile");

const ROOT = path.resolve(__dirname, "..");

/**
 * The spec files that keep a worker busy longest (a second or more each, measured with the
 * whole suite), slowest first; every other spec follows in path order. Only the order changes:
 * a file missing here still runs, a name here that no longer exists is ignored.
 */
const SLOWEST_FIRST = [
    "tests/aws/limitsProperties.spec.ts",
    "tests/artifact/artifact.spec.ts",
    "tests/agents/agentStop.spec.ts",
    "tests/aws/limitsPlatformProperties.spec.ts",
    "tests/aws/tokens.spec.ts",
    "tests/plan/golden.spec.ts",
    "tests/release/integrationSetup.spec.ts",
    "tests/stack/stackEdits.spec.ts",
    "tests/config/configProperties.spec.ts",
    "tests/plan/launchPlan.spec.ts",
    "tests/plan/plan.spec.ts",
    "tests/agents/agentBundle.spec.ts",
    "tests/runtime/capabilitiesConfig.spec.ts",
    "tests/inbound/inbound.spec.ts",
    "tests/stack/stackFiles.spec.ts",
    "tests/config/newcomer.spec.ts",
    "tests/secrets/secrets.spec.ts",
    "tests/bootstrap/bootstrap.spec.ts",
    "tests/artifact/artifactConfig.spec.ts",
    "tests/network/capabilityPaths.spec.ts",
    "tests/artifact/artifactPolicy.spec.ts",
];

/** tests/**\/*.spec.ts, as the compiled .build/tests/**\/*.spec.js files mocha runs. */
function compiledSpecs() {
    const specs = [];
    const walk = (dir) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                if (entry.name !== "fixtures") walk(full);
            } else if (entry.name.endsWith(".spec.ts")) {
                specs.push(path.join(".build", path.relative(ROOT, full)).replace(/\.ts$/, ".js"));
            }
        }
    };
    walk(path.join(ROOT, "tests"));
    const rank = (spec) => {
        const i = SLOWEST_FIRST.indexOf(
            path.relative(".build", spec).replace(/\.js$/, ".ts").split(path.sep).join("/"),
        );
        return i === -1 ? SLOWEST_FIRST.length : i;
    };
    return specs.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

function run(command, args, streamed, name) {
    return new Promise((resolve) => {
        const child = spawn(command, args, { cwd: ROOT, stdio: streamed ? "inherit" : "pipe" });
        let output = "";
        if (!streamed) {
            child.stdout.on("data", (chunk) => (output += chunk));
            child.stderr.on("data", (chunk) => (output += chunk));
        }
        child.on("close", (code) => resolve({ name, code: code ?? 1, output }));
    });
}

const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

// The lint and format check (`npm run lint`) and the type-check (`npm run typecheck`; its
// --pretty keeps its colours in the captured output) read only the sources; they run while the specs do.
const lint = run(NPM, ["run", "--silent", "lint"], false, "npm run lint");
const typeCheck = run(NPM, ["run", "--silent", "typecheck", "--", "--pretty"], false, "npm run typecheck");

if (ensureCompiled("npm test") === undefined) {
    process.exit(1);
}
const mocha = require.resolve("mocha/bin/mocha.js");
Promise.all([
    run(
        process.execPath,
        [
            // Workers inherit the main process's Node options (mocha's worker pool forks with its execArgv).
            "--max-semi-space-size=64",
            mocha,
            "--no-config",
            "--timeout",
            "20000",
            "--parallel",
            "--jobs",
            "2",
            "--require",
            path.join("scripts", "mocha-source-maps.js"),
            ...compiledSpecs(),
        ],
        true,
        "mocha",
    ),
    typeCheck,
    lint,
]).then((results) => {
    for (const { name, code, output } of results) {
        if (code !== 0 && output) process.stdout.write(output);
        if (code !== 0) console.error(`${name} failed (exit ${code})`);
    }
    process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
});
