/**
 * What the program reads from Pulumi before validating (src/config/index.ts `readRawConfig`):
 * the project's keys apart from other namespaces, the keys Pulumi marks secret, both
 * providers' regions and the project root the language host reports. Run under the recording
 * mocks with a program that only reads the config (no resource is registered).
 */
import { expect } from "chai";
import * as path from "path";
import { RawStackConfig, readRawConfig } from "../../src/config";
import { runProgram } from "../../src/plan/offline/runProgram";
import { FIXTURE_SOURCE_ROOT } from "../helpers";

/** readRawConfig() inside a program run with the given config, secret keys and root. */
async function rawConfigOf(
    config: Record<string, string>,
    secretKeys: string[],
    rootDirectory: string,
): Promise<RawStackConfig> {
    let raw: RawStackConfig | undefined;
    const run = await runProgram({
        project: "agentcore-private",
        stack: "development",
        config,
        secretKeys,
        rootDirectory,
        program: () => {
            raw = readRawConfig();
            return {};
        },
    });
    if (run.error) {
        throw run.error;
    }
    if (!raw) {
        throw new Error("the program did not run");
    }
    return raw;
}

const CONFIG = {
    "aws:region": "us-east-1",
    "aws-native:region": "us-east-2",
    "agentcore-private:cpu": "512",
    "agentcore-private:organizationId": "o-a1b2c3d4e5",
    "other:key": "x",
};

describe("config: the raw config read from Pulumi", () => {
    it("splits the project's keys from the others, and lists the project keys Pulumi marks secret", async () => {
        const raw = await rawConfigOf(CONFIG, ["agentcore-private:organizationId", "other:key"], FIXTURE_SOURCE_ROOT);
        expect(raw.project).to.equal("agentcore-private");
        expect(raw.stack).to.equal("development");
        expect(raw.values).to.deep.equal({ cpu: "512", organizationId: "o-a1b2c3d4e5" });
        expect(raw.secretKeys).to.deep.equal(["organizationId"]);
        expect(raw.region).to.equal("us-east-1");
        expect(raw.nativeRegion).to.equal("us-east-2");
        expect(raw.otherValues).to.include({ "other:key": "x" });
    });

    it("no secret key when Pulumi marks none", async () => {
        const raw = await rawConfigOf(CONFIG, [], FIXTURE_SOURCE_ROOT);
        expect(raw.secretKeys).to.deep.equal([]);
    });

    it("the root is the language host's absolute project directory", async () => {
        const raw = await rawConfigOf(CONFIG, [], FIXTURE_SOURCE_ROOT);
        expect(raw.root).to.equal(FIXTURE_SOURCE_ROOT);
    });

    it("a relative or empty project directory falls back to the working directory", async () => {
        expect((await rawConfigOf(CONFIG, [], path.join("tests", "fixtures"))).root).to.equal(process.cwd());
        expect((await rawConfigOf(CONFIG, [], "")).root).to.equal(process.cwd());
    });
});
