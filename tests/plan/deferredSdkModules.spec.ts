/**
 * The plan's stand-ins for the SDK's closure serializer (src/plan/deferredSdkModules.ts):
 * they cover every function the real modules export, and load the real module on first call.
 */
import { expect } from "chai";
import { DEFERRED_SDK_MODULES, deferSdkModules, sdkModulePath } from "../../src/plan/deferredSdkModules";
import { PROJECT_ROOT } from "../../src/plan/offline/stackFiles";

type Exports = Record<string, unknown>;

describe("deferred SDK modules", () => {
    it("defers the closure serializer and its code-path finder", () => {
        expect(Object.keys(DEFERRED_SDK_MODULES).sort()).to.deep.equal([
            "runtime/closure/codePaths.js",
            "runtime/closure/serializeClosure.js",
        ]);
    });

    for (const [relative, names] of Object.entries(DEFERRED_SDK_MODULES)) {
        it(`covers every export of @pulumi/pulumi/${relative} (fails when an SDK upgrade changes them)`, () => {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const real = require(sdkModulePath(relative)) as Exports;
            expect(
                Object.keys(real)
                    .filter((k) => k !== "__esModule")
                    .sort(),
            ).to.deep.equal([...names].sort());
            for (const name of names) {
                expect(typeof real[name], name).to.equal("function");
            }
        });
    }

    it("leaves a module that is already loaded alone", () => {
        for (const relative of Object.keys(DEFERRED_SDK_MODULES)) {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            require(sdkModulePath(relative));
        }
        expect(deferSdkModules()).to.deep.equal([]);
    });

    it("loads the real module on the first call and forwards to it", async () => {
        const file = sdkModulePath("runtime/closure/codePaths.js");
        const loaded = require.cache[file];
        delete require.cache[file];
        try {
            expect(deferSdkModules()).to.deep.equal([file]);
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const standIn = require(file) as { findWorkspaceRoot: (dir: string) => Promise<string | null> };
            expect(require.cache[file]?.exports).to.equal(standIn);
            // Not a workspace: the real function answers null (a stand-in that did nothing would too, so the cache is checked).
            expect(await standIn.findWorkspaceRoot(PROJECT_ROOT)).to.equal(null);
            const real = require.cache[file]?.exports as Exports;
            expect(real).to.not.equal(standIn);
            expect(Object.keys(real)).to.include("computeCodePaths");
        } finally {
            require.cache[file] = loaded;
        }
    });
});
