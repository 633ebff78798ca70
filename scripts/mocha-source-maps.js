/**
 * Source positions for failures only, for the compiled specs `npm test` runs.
 *
 * Node's `--enable-source-maps` maps every stack trace the process formats, and the Pulumi SDK
 * formats one for each of its internal promises: under the mocks that mapping was about a
 * quarter of the specs' CPU time, spent on stacks nobody reads. Instead this root hook maps
 * the stack of a failed test once, when it failed: each `.build/**.js:line:column` frame to
 * its TypeScript source through the `.js.map` scripts/transpile.js wrote beside it (other frames are left as
 * they are). Plain JavaScript: mocha loads it with `--require` before anything is compiled.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { fileURLToPath } = require("url");
const { SourceMap } = require("module");

/** The compiled tree; mocha has already shortened its frames to paths relative to the working directory. */
const BUILD = path.join(path.resolve(__dirname, ".."), ".build") + path.sep;
const maps = new Map();

/** The source map of a compiled file, or undefined when it has none. */
function mapOf(file) {
    if (!maps.has(file)) {
        let map;
        try {
            map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, "utf8")));
        } catch {
            map = undefined;
        }
        maps.set(file, map);
    }
    return maps.get(file);
}

/** A stack with its compiled frames mapped to the TypeScript lines they came from. */
function remap(stack) {
    return stack.replace(/((?:[A-Za-z]:)?[^\s():]+\.js):(\d+):(\d+)/g, (frame, found, line, column) => {
        const file = path.resolve(found);
        if (!file.startsWith(BUILD)) return frame;
        const map = mapOf(file);
        const entry = map && map.findEntry(Number(line) - 1, Number(column) - 1);
        if (!entry || entry.originalSource === undefined || entry.originalLine === undefined) return frame;
        const source = entry.originalSource.startsWith("file:")
            ? fileURLToPath(entry.originalSource)
            : path.resolve(path.dirname(file), entry.originalSource);
        return `${path.relative(process.cwd(), source)}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
    });
}

exports.remap = remap;
exports.mochaHooks = {
    afterEach() {
        const test = this.currentTest;
        if (test && test.state === "failed" && test.err && typeof test.err.stack === "string") {
            test.err.stack = remap(test.err.stack);
        }
    },
};
