#!/usr/bin/env node
/**
 * Writes the JavaScript of every missing or stale output in .build/, file by file, as
 * ts-node --transpile-only does (each file alone, no types), with esbuild: CommonJS for the
 * target and the class-field and decorator options of tsconfig.json, strict mode and import()
 * as TypeScript writes them for CommonJS, source maps included. Not byte for byte what `tsc`
 * writes: a re-exported module namespace is a copy of the module's members, not the module
 * object (tests/aws/providers.spec.ts compares the members), and the whole suite and the
 * offline plan's JSON are the same either way. An output is stale when its .ts, tsconfig.json or package-lock.json is newer than its .js (a
 * fresh clone, an edit since the last run). No type-check: `npm run plan` skips it, and
 * `npm test` runs it beside the specs (scripts/test.js).
 *
 * Plain JavaScript on purpose: it must run before anything is compiled. No V8 compile cache:
 * measured, it did not help (docs/plan.md, "Speed").
 */
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const TSCONFIG = path.join(ROOT, "tsconfig.json");
/** A change to either may change what the compiler writes for every file. */
const BUILD_INPUTS = [TSCONFIG, path.join(ROOT, "package-lock.json")];

function mtime(file) {
    try {
        return fs.statSync(file).mtimeMs;
    } catch {
        return undefined;
    }
}

/** tsconfig.json as JSON; a file with comments or trailing commas is read by TypeScript. */
function readTsconfig() {
    const text = fs.readFileSync(TSCONFIG, "utf8");
    try {
        return JSON.parse(text);
    } catch {
        const ts = require("typescript");
        const read = ts.readConfigFile(TSCONFIG, ts.sys.readFile);
        if (read.error) {
            throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
        }
        return read.config;
    }
}

/** Every .ts file (not .d.ts) under the fixed part of each include pattern of tsconfig.json. */
function sourceFiles(include) {
    const files = new Set();
    const walk = (dir) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                if (entry.name !== "node_modules" && !entry.name.startsWith(".")) walk(full);
            } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) {
                files.add(full);
            }
        }
    };
    for (const pattern of include) {
        const parts = pattern.split("/");
        const firstGlob = parts.findIndex((part) => /[*?]/.test(part));
        const base = path.join(ROOT, ...(firstGlob === -1 ? parts : parts.slice(0, firstGlob)));
        if (!fs.existsSync(base)) continue;
        if (firstGlob === -1) files.add(base);
        else walk(base);
    }
    return [...files].sort();
}

/** Where tsc writes the JavaScript of a source file. */
function outputOf(file, outDir, rootDir) {
    return path.join(outDir, path.relative(rootDir, file)).replace(/\.ts$/, ".js");
}

/** Writes so that a plan running at the same moment never reads half a file. */
function writeAtomically(file, text) {
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, file);
}

/**
 * Transpiles the stale files with esbuild, one call each (its service process, started once,
 * answers in about a millisecond a file: the tree in under a second where TypeScript's
 * transpileModule took about 4 s). The options TypeScript's CommonJS output depends on are
 * tsconfig.json's; `"use strict"` is added as TypeScript adds it to every CommonJS file.
 * Returns false (after printing why, naming `what`) on a syntax error.
 */
function transpile(stale, options, outDir, rootDir, what) {
    const esbuild = require("esbuild");
    const problems = [];
    for (const file of stale) {
        const out = outputOf(file, outDir, rootDir);
        let result;
        try {
            result = esbuild.transformSync(fs.readFileSync(file, "utf8"), {
                loader: "ts",
                format: "cjs",
                platform: "node",
                target: String(options.target ?? "es2020").toLowerCase(),
                // The name relative to the output folder gives the source map the paths tsc gives it.
                sourcefile: path.relative(path.dirname(out), file),
                sourcemap: "external",
                banner: '"use strict";',
                // import() as TypeScript writes it for CommonJS: a require behind a promise.
                supported: { "dynamic-import": false },
                tsconfigRaw: {
                    compilerOptions: {
                        experimentalDecorators: options.experimentalDecorators,
                        useDefineForClassFields: options.useDefineForClassFields,
                    },
                },
            });
        } catch (e) {
            for (const m of e.errors ?? [{ text: String(e.message) }]) {
                const at = m.location ? `(${m.location.line},${m.location.column + 1})` : "";
                problems.push(`${path.relative(ROOT, file)}${at}: error: ${m.text}`);
            }
            continue;
        }
        fs.mkdirSync(path.dirname(out), { recursive: true });
        writeAtomically(`${out}.map`, result.map);
        writeAtomically(out, `${result.code}//# sourceMappingURL=${path.basename(out)}.map\n`);
    }
    if (problems.length > 0) {
        process.stderr.write(`${problems.join("\n")}\n${what} did not run: fix the syntax errors above.\n`);
        return false;
    }
    return true;
}

/**
 * Compiles what is missing or stale; returns the folder to run from, or undefined on a syntax
 * error (printed, saying that `what` did not run).
 */
function ensureCompiled(what) {
    const tsconfig = readTsconfig();
    const options = tsconfig.compilerOptions ?? {};
    const outDir = path.resolve(ROOT, options.outDir);
    const rootDir = path.resolve(ROOT, options.rootDir ?? ".");
    const inputsChanged = Math.max(...BUILD_INPUTS.map((f) => mtime(f) ?? 0));
    const stale = sourceFiles(tsconfig.include ?? []).filter((file) => {
        const built = mtime(outputOf(file, outDir, rootDir));
        return built === undefined || built < Math.max(mtime(file), inputsChanged);
    });
    if (stale.length > 0 && !transpile(stale, options, outDir, rootDir, what)) {
        return undefined;
    }
    return outDir;
}

module.exports = { ensureCompiled };
