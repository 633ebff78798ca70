/**
 * The rough edges a newcomer hits first: misspelt keys and fields get a suggestion, keys in
 * a foreign namespace and unknown top-level keys are flagged, endpoint services are checked
 * against the known PrivateLink names, YAML errors say file:line:col without a stack trace,
 * and the plan fits 120 columns.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CliIo, main } from "../scripts/plan";
import { ConfigValidationError, validateConfig } from "../src/config";
import { levenshtein, nearest } from "../src/config/suggest";
import { Plan } from "../src/plan/model";
import { renderPlan } from "../src/plan/report";
import { planStack } from "../src/plan/run";
import { wrapLine } from "../src/plan/wrap";
import { FIXTURES_ROOT, STACKS, rawStack, runStack } from "./helpers";

function problemsOf(overrides: Record<string, unknown>, otherValues: Record<string, string> = {}): readonly string[] {
    try {
        validateConfig({ ...rawStack("development", overrides), otherValues });
    } catch (e) {
        expect(e).to.be.instanceOf(ConfigValidationError);
        return (e as ConfigValidationError).problems;
    }
    return [];
}

function capture(): CliIo & { stdout: () => string; stderr: () => string } {
    let out = "";
    let err = "";
    return { out: (t) => (out += t), err: (t) => (err += t), stdout: () => out, stderr: () => err };
}

describe("newcomer: did you mean", () => {
    it("measures edit distance", () => {
        expect(levenshtein("", "")).to.equal(0);
        expect(levenshtein("cpu", "cpu")).to.equal(0);
        expect(levenshtein("", "abc")).to.equal(3);
        expect(levenshtein("abc", "")).to.equal(3);
        expect(levenshtein("kitten", "sitting")).to.equal(3);
        expect(levenshtein("cpuu", "cpu")).to.equal(1);
        expect(levenshtein("bedrock-runtme", "bedrock-runtime")).to.equal(1);
        expect(levenshtein("ab", "ba")).to.equal(2);
    });

    it("suggests within 2 edits and less than half the word, case ignored, first of a tie", () => {
        expect(nearest("memroy", ["cpu", "memory"])).to.equal("memory");
        expect(nearest("VPCCIDR", ["vpcCidr", "vpcId"])).to.equal("vpcCidr");
        expect(nearest("tagz", ["tags"])).to.equal("tags");
        // 3 edits: too far.
        expect(nearest("memxxx", ["memory"])).to.equal(undefined);
        // 2 edits in a 4-letter word is half of it: not a typo.
        expect(nearest("abcd", ["abxy"])).to.equal(undefined);
        // 2 edits in a 5-letter word: a typo.
        expect(nearest("abcde", ["abxye"])).to.equal("abxye");
        expect(nearest("ab", ["aa", "bb"])).to.equal(undefined);
        expect(nearest("abc", ["abd", "abe"])).to.equal("abd");
        expect(nearest("x", [])).to.equal(undefined);
    });

    it("suggests the key for a misspelt project key", () => {
        expect(problemsOf({ cpuu: "512" })).to.deep.equal([
            'agentcore-private:cpuu "512" is invalid: not a setting of this program (did you mean cpu?); known keys: environment, cpu, memory, vpcCidr, agentSubnetCidrs, availabilityZoneIds, vpcId, subnetIds, routeTableIds, createEndpoints, endpointServices, endpointClientCidrs, runtimes, modelArns, logRetentionDays, alarmEmails, protect, runtimeProvider, tags (e.g. cpu)',
        ]);
        expect(problemsOf({ frobnicate: "1" })[0]).to.match(/^agentcore-private:frobnicate "1" is invalid: not a setting of this program; known keys: /);
    });

    it("suggests the field for a misspelt runtime field", () => {
        const runtimes = [{ name: "support_agent", containerUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/a:1", protocl: "HTTP" }];
        expect(problemsOf({ runtimes })).to.deep.equal([
            'runtimes[0].protocl "HTTP" is invalid: not a known field (did you mean protocol?); use name, containerUri, description, protocol, environment, idleTimeoutSeconds, maxLifetimeSeconds, authorizer, requestHeaders, endpoints (e.g. runtimes[0].protocol)',
        ]);
    });
});

describe("newcomer: keys in a foreign namespace", () => {
    it("flags agentcore:cpu in project agentcore-private, naming the key it meant", () => {
        expect(problemsOf({}, { "agentcore:cpu": "512" })).to.deep.equal([
            'agentcore:cpu "512" is invalid: a key in a namespace this program reads (agentcore-private, aws, aws-native, pulumi); "agentcore" is not the project name, so the value would be ignored (did you mean agentcore-private:cpu?) (e.g. agentcore-private:cpu)',
        ]);
    });

    it("flags any other namespace, with a suggestion when the key is near one", () => {
        expect(problemsOf({}, { "agentcore-privat:memroy": "1024" })[0]).to.include('"agentcore-privat" is not the project name').and.include("(did you mean agentcore-private:memory?)");
        expect(problemsOf({}, { "mycompany:owner": "me" })[0]).to.match(/^mycompany:owner "me" is invalid: .*so the value would be ignored \(e\.g\. agentcore-private:cpu\)$/);
    });

    it("leaves the project, aws, aws-native and pulumi namespaces alone", () => {
        expect(problemsOf({}, { "aws:region": "us-east-1", "aws-native:region": "us-east-1", "aws:profile": "dev", "pulumi:tags": "{}" })).to.deep.equal([]);
    });

    it("fails the program run for a stack that sets one", async () => {
        const run = await runStack("development", { "agentcore:cpu": "512" });
        expect(run.error?.message).to.include("agentcore:cpu");
        expect(run.resources.filter((r) => r.custom)).to.deep.equal([]);
    });
});

describe("newcomer: endpoint services", () => {
    it("rejects a misspelt service, suggesting the known one", () => {
        expect(problemsOf({ endpointServices: ["bedrock-runtme"] })).to.deep.equal([
            'endpointServices[0] "bedrock-runtme" is invalid: a PrivateLink service of the region (did you mean bedrock-runtime?): one of src/network/privateLinkServices.ts, or unlisted:<suffix> for one that list lacks (e.g. "bedrock-runtime")',
        ]);
        expect(problemsOf({ endpointServices: ["quantum-ledger"] })[0]).to.include('(e.g. "bedrock-runtime")').and.not.include("did you mean");
    });

    it("accepts the known ones and unlisted:<suffix>, which it strips", () => {
        const config = validateConfig(rawStack("development", { endpointServices: ["bedrock-runtime", "sts", "unlisted:bedrock-data-automation-runtime"] }));
        expect(config.network.endpointServices).to.deep.equal(["bedrock-runtime", "sts", "bedrock-data-automation-runtime"]);
    });

    it("still checks an unlisted name's shape and duplicates", () => {
        expect(problemsOf({ endpointServices: ["unlisted:Not A Name"] })[0]).to.match(/^endpointServices\[0\] "Not A Name" is invalid: a service name suffix/);
        expect(problemsOf({ endpointServices: ["sts", "unlisted:sts"] })[0]).to.match(/^endpointServices\[1\] "sts" is invalid: a value not already listed/);
    });
});

describe("newcomer: the stack file itself", function () {
    this.timeout(60000);
    let dir: string;
    const good = () => fs.readFileSync(path.join(FIXTURES_ROOT, "Pulumi.development.yaml"), "utf8");

    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "newcomer-spec-"));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("reports a YAML error as file:line:col and the message, without a stack trace, and exits 1", async () => {
        fs.writeFileSync(path.join(dir, "Pulumi.development.yaml"), "config:\n  aws:region: us-east-1\n   agentcore-private:cpu: 512\n");
        const io = capture();
        expect(await main(["development", "--root", dir], io)).to.equal(1);
        expect(io.stderr()).to.match(/^Cannot plan stack "development": Pulumi\.development\.yaml:3:\d+: /);
        expect(io.stderr()).to.not.match(/\n\s+at /);
        expect(io.stdout()).to.equal("");
    });

    it("flags unknown top-level keys, suggesting the setting meant", async () => {
        fs.writeFileSync(path.join(dir, "Pulumi.development.yaml"), good().replace(/^config:/m, "confg:") + "secretprovider: passphrase\n");
        const io = capture();
        expect(await main(["development", "--root", dir], io)).to.equal(1);
        expect(io.stderr()).to.include("Pulumi.development.yaml has 2 unknown top-level keys:");
        expect(io.stderr()).to.include('top-level key "confg" is not a stack file setting (did you mean config?); allowed: secretsprovider, encryptedkey, encryptionsalt, config, environment');
        expect(io.stderr()).to.include('top-level key "secretprovider" is not a stack file setting (did you mean secretsprovider?)');
    });

    it("accepts every top-level key of Pulumi's stack file reference", async () => {
        const settings = "secretsprovider: passphrase\nencryptionsalt: v1:abc\nencryptedkey: ''\nenvironment:\n  - dev-env\n";
        fs.writeFileSync(path.join(dir, "Pulumi.development.yaml"), `${settings}${good()}`);
        expect(await main(["development", "--root", dir], capture())).to.equal(0);
    });
});

describe("newcomer: plan output width", function () {
    this.timeout(120000);

    it("wraps a long line under its tree guides, at a space or else at 120", () => {
        const long = `│  │       subnets: ${"a".repeat(60)}, ${"b".repeat(60)}`;
        expect(wrapLine(long)).to.deep.equal([`│  │       subnets: ${"a".repeat(60)},`, `│  │         ${"b".repeat(60)}`]);
        const resource = `│  ├─ aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule  ${"n".repeat(60)}`;
        expect(wrapLine(resource)).to.deep.equal(["│  ├─ aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", `│  │    ${"n".repeat(60)}`]);
        const token = `  arn: ${"x".repeat(130)}`;
        // The break falls at the last space; the token that follows is cut at 120.
        expect(wrapLine(token)).to.deep.equal(["  arn:", `    ${"x".repeat(116)}`, `    ${"x".repeat(14)}`]);
        expect(wrapLine("y".repeat(120))).to.deep.equal(["y".repeat(120)]);
        expect(wrapLine("y".repeat(121))).to.deep.equal(["y".repeat(120), "  y"]);
    });

    for (const stack of STACKS) {
        it(`${stack}: every line of the plan fits 120 columns`, async () => {
            const result = await planStack(stack, { root: FIXTURES_ROOT });
            const text = renderPlan(result.plan as Plan);
            const wide = text.split("\n").filter((line) => [...line].length > 120);
            expect(wide).to.deep.equal([]);
        });
    }

    it("keeps plan-output/ out of git", () => {
        const ignored = fs.readFileSync(path.join(__dirname, "..", ".gitignore"), "utf8").split("\n");
        expect(ignored).to.include("plan-output/");
    });
});
