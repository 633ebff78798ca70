#!/usr/bin/env node
/**
 * `npm test`: the one proof command.
 *
 * 1. `npm run build`: the type-check (the native TypeScript compiler, same options and
 *    strictness as tsconfig.json), which also writes the JavaScript into .build/.
 * 2. Side by side, since neither reads the other's output and the machine has two cores:
 *    the lint and format check (`npm run lint`, whose ESLint and prettier caches in
 *    .build/cache/ re-check only files whose content changed), and the mocha specs run from
 *    the compiled JavaScript of exactly the specs that exist under tests/ (a stale .build file
 *    of a deleted spec never runs). Compiled specs skip ts-node's per-run transpiling of every
 *    module. Mocha runs the spec files in two worker processes (`--parallel --jobs 2`): once
 *    the lint is done (seconds, when its caches are warm) both cores run specs. Without
 *    `--enable-source-maps`: Node would map every stack trace the process formats, and the
 *    Pulumi SDK formats one per internal promise (a quarter of the specs' CPU time); a failed
 *    test's stack is mapped to the TypeScript lines by scripts/mocha-source-maps.js instead.
 *
 * The specs stream; the lint's output follows them. Exits non-zero when any step fails.
 * `npm run unit` runs the same specs through ts-node without a build, for one spec at a time.
 * Plain JavaScript on purpose: it starts before anything is compiled.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawn, spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

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
    return specs.sort();
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

const build = spawnSync(NPM, ["run", "--silent", "build"], { cwd: ROOT, stdio: "inherit" });
if (build.status !== 0) {
    console.error("npm run build failed: fix the type errors above first");
    process.exit(build.status ?? 1);
}

const mocha = require.resolve("mocha/bin/mocha.js");
Promise.all([
    run(
        process.execPath,
        [
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
    run(NPM, ["run", "--silent", "lint"], false, "npm run lint"),
]).then((results) => {
    for (const { name, code, output } of results) {
        if (output) process.stdout.write(output);
        if (code !== 0) console.error(`${name} failed (exit ${code})`);
    }
    process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
});
