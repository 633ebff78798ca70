/**
 * `npm run plan` (scripts/launch-plan.js): arguments first. `--help` and usage errors answer
 * before the SDKs, the providers or the pack load (the load itself is what took seconds).
 */
import { expect } from "chai";
import { spawnSync } from "child_process";
import * as path from "path";
import { PROJECT_ROOT } from "../../src/plan/offline/stackFiles";

/** Runs the launcher with these arguments; reports whether any @pulumi module was loaded. */
function launch(args: string[]): { status: number | null; stdout: string; stderr: string; pulumiLoaded: boolean } {
    const probe = [
        `process.argv = [process.argv[0], "launch-plan.js", ...${JSON.stringify(args)}];`,
        `process.on("exit", () => process.stderr.write("\\n@pulumi loaded: " + Object.keys(require.cache).some((f) => f.includes("node_modules/@pulumi/"))));`,
        `require(${JSON.stringify(path.join(PROJECT_ROOT, "scripts", "launch-plan.js"))});`,
    ].join("\n");
    const result = spawnSync(process.execPath, ["-e", probe], { cwd: PROJECT_ROOT, encoding: "utf8" });
    const marker = /\n@pulumi loaded: (true|false)$/.exec(result.stderr);
    return {
        status: result.status,
        stdout: result.stdout,
        stderr: result.stderr.replace(/\n@pulumi loaded: (true|false)$/, ""),
        pulumiLoaded: marker?.[1] !== "false",
    };
}

describe("npm run plan: arguments first", () => {
    it("answers --help without loading any @pulumi package", () => {
        const run = launch(["--help"]);
        expect(run.status).to.equal(0);
        expect(run.stdout).to.match(/^Usage: npm run plan -- \[stack\] \[options\]\n/);
        expect(run.pulumiLoaded).to.equal(false);
    });

    it("answers a usage error with exit code 2 without loading any @pulumi package", () => {
        const run = launch(["--bogus"]);
        expect(run.status).to.equal(2);
        expect(run.stderr).to.match(/^unknown option --bogus\n\nUsage: npm run plan/);
        expect(run.pulumiLoaded).to.equal(false);
    });

    it("near miss: a stack to plan does load the SDK (the probe sees a load when there is one)", () => {
        const run = launch(["nosuchstack"]);
        expect(run.status).to.equal(1);
        expect(run.stderr).to.include('Cannot plan stack "nosuchstack": No stack file Pulumi.nosuchstack.yaml');
        expect(run.pulumiLoaded).to.equal(true);
    });
});
