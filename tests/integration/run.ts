/**
 * `npm run test:integration`: runs tests/integration/*.integration.ts with mocha when the
 * environment has what a real deployment needs; otherwise prints one line saying what is
 * missing and exits 0. Never part of `npm test` (which only type-checks these files).
 */
import { spawnSync } from "child_process";
import Mocha from "mocha";
import * as fs from "fs";
import * as path from "path";
import { PROJECT_ROOT } from "../../src/plan/offline/stackFiles";
import { AGENT_BUNDLE_ENTRY, missingPrerequisites, skipLine } from "./prerequisites";

/** A deployment, READY wait, metric wait (usage metrics lag up to an hour) and teardown. */
const TIMEOUT_MS = 3 * 60 * 60 * 1000;

function main(): void {
    const pulumiCli = spawnSync("pulumi", ["version"], { encoding: "utf8" }).status === 0;
    const agentBundle = fs.existsSync(path.join(PROJECT_ROOT, AGENT_BUNDLE_ENTRY));
    const missing = missingPrerequisites(process.env, pulumiCli, agentBundle);
    if (missing.length > 0) {
        console.log(skipLine(missing));
        process.exitCode = 0;
        return;
    }
    const mocha = new Mocha({ timeout: TIMEOUT_MS, bail: true });
    for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith(".integration.ts"))) {
        mocha.addFile(path.join(__dirname, file));
    }
    mocha.run((failures) => {
        process.exitCode = failures > 0 ? 1 : 0;
    });
}

main();
