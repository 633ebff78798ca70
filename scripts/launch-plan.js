#!/usr/bin/env node
/**
 * `npm run plan` starts here: it runs the compiled plan (.build/scripts/plan.js) with plain
 * node, so no TypeScript is transpiled on an everyday run (ts-node spent about a third of a
 * plan's time on it). What is missing or stale in .build/ is transpiled first
 * (scripts/transpile.js); the type-check stays `npm test`'s.
 *
 * Plain JavaScript on purpose: it must run before anything is compiled.
 */
"use strict";
const path = require("path");
const { ensureCompiled } = require("./transpile");

/** The compiled entry, relative to the output folder; its runCli reads the arguments. */
const ENTRY = path.join("scripts", "plan.js");

const outDir = ensureCompiled("The plan");
if (outDir === undefined) {
    process.exitCode = 1;
} else {
    require(path.join(outDir, ENTRY)).runCli(process.argv.slice(2));
}
