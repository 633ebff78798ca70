/**
 * Defers the part of @pulumi/pulumi the plan never uses: the closure serializer.
 *
 * `@pulumi/pulumi/runtime/index.js` loads `runtime/closure/serializeClosure` and
 * `runtime/closure/codePaths` at start-up, and with them the whole TypeScript compiler
 * (~9 MB, through `typescript-shim`) and npm's `@npmcli/arborist` with ~300 modules of its
 * own: measured, about 40% of the compiled plan's CPU time. They serialize JavaScript
 * functions (function callbacks, dynamic providers), which the program does not do; the SDK's
 * own dynamic/index.js loads the serializer on demand "as its dependencies are slow to load".
 *
 * Installed before the SDK loads, each module is a stand-in in the module cache whose
 * functions load the real module on their first call and forward to it, so a program that
 * does serialize a function still gets the real serializer. tests/plan/deferredSdkModules.spec.ts
 * fails when an SDK upgrade changes what these modules export.
 */
import { Module } from "module";
import * as path from "path";

/** Each deferred module (relative to the SDK's folder) and the functions it exports. */
export const DEFERRED_SDK_MODULES: Readonly<Record<string, readonly string[]>> = {
    "runtime/closure/serializeClosure.js": ["serializeFunction", "serializeFunctionAsync"],
    "runtime/closure/codePaths.js": ["computeCodePaths", "findWorkspaceRoot"],
};

type Functions = Record<string, (...args: unknown[]) => unknown>;

/** The absolute path of a deferred module. */
export function sdkModulePath(relative: string): string {
    return path.join(path.dirname(require.resolve("@pulumi/pulumi/package.json")), relative);
}

/** Puts the stand-ins in place; does nothing for a module already loaded. Returns those deferred. */
export function deferSdkModules(): string[] {
    const deferred: string[] = [];
    for (const [relative, names] of Object.entries(DEFERRED_SDK_MODULES)) {
        const file = sdkModulePath(relative);
        if (require.cache[file]) {
            continue;
        }
        let real: Functions | undefined;
        const load = (): Functions => {
            if (real === undefined) {
                delete require.cache[file];
                // eslint-disable-next-line @typescript-eslint/no-require-imports
                real = require(file) as Functions;
            }
            return real;
        };
        const standIn = new Module(file, module);
        standIn.filename = file;
        standIn.loaded = true;
        standIn.exports = Object.fromEntries(
            names.map((name) => [name, (...args: unknown[]) => load()[name](...args)]),
        );
        require.cache[file] = standIn;
        deferred.push(file);
    }
    return deferred;
}
