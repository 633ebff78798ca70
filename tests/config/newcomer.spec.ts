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
import { CliIo, main } from "../../scripts/plan";
import { Plan } from "../../src/plan/model";
import { renderPlan } from "../../src/plan/report";
import { planStack } from "../../src/plan/run";
import { wrapLine } from "../../src/plan/wrap";
import {
    FIXTURES_ROOT,
    FIXTURE_SOURCE_ROOT,
    STACKS,
    configProblems,
    rawStack,
    runFixtureStack,
    REPO_ROOT,
} from "../helpers";

function capture(): CliIo & { stdout: () => string; stderr: () => string } {
    let out = "";
    let err = "";
    return { out: (t) => (out += t), err: (t) => (err += t), stdout: () => out, stderr: () => err };
}

describe("newcomer: a key in a foreign namespace stops the program", function () {
    this.timeout(60000);
    it("fails the program run for a stack that sets one", async () => {
        const run = await runFixtureStack("development", { "agentcore:cpu": "512" });
        expect(run.error?.message).to.include("agentcore:cpu");
        expect(run.resources.filter((r) => r.custom)).to.deep.equal([]);
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
        fs.writeFileSync(
            path.join(dir, "Pulumi.development.yaml"),
            "config:\n  aws:region: us-east-1\n   agentcore-private:cpu: 512\n",
        );
        const io = capture();
        expect(await main(["development", "--root", dir], io)).to.equal(1);
        expect(io.stderr()).to.match(/^Cannot plan stack "development": Pulumi\.development\.yaml:3:\d+: /);
        expect(io.stderr()).to.not.match(/\n\s+at /);
        expect(io.stdout()).to.equal("");
    });

    it("flags unknown top-level keys, suggesting the setting meant", async () => {
        fs.writeFileSync(
            path.join(dir, "Pulumi.development.yaml"),
            good().replace(/^config:/m, "confg:") + "secretprovider: passphrase\n",
        );
        const io = capture();
        expect(await main(["development", "--root", dir], io)).to.equal(1);
        expect(io.stderr()).to.include("Pulumi.development.yaml has 2 unknown top-level keys:");
        expect(io.stderr()).to.include(
            'top-level key "confg" is not a stack file setting (did you mean config?); allowed: secretsprovider, encryptedkey, encryptionsalt, config, environment',
        );
        expect(io.stderr()).to.include(
            'top-level key "secretprovider" is not a stack file setting (did you mean secretsprovider?)',
        );
    });

    it("accepts every top-level key of Pulumi's stack file reference", async () => {
        const settings =
            "secretsprovider: passphrase\nencryptionsalt: v1:abc\nencryptedkey: ''\nenvironment:\n  - dev-env\n";
        fs.writeFileSync(path.join(dir, "Pulumi.development.yaml"), `${settings}${good()}`);
        expect(await main(["development", "--root", dir, "--source-root", FIXTURE_SOURCE_ROOT], capture())).to.equal(0);
    });
});

describe("newcomer: plan output width", function () {
    this.timeout(120000);

    it("wraps a long line under its tree guides, at a space or else at 120", () => {
        const long = `│  │       subnets: ${"a".repeat(60)}, ${"b".repeat(60)}`;
        expect(wrapLine(long)).to.deep.equal([
            `│  │       subnets: ${"a".repeat(60)},`,
            `│  │         ${"b".repeat(60)}`,
        ]);
        const resource = `│  ├─ aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule  ${"n".repeat(60)}`;
        expect(wrapLine(resource)).to.deep.equal([
            "│  ├─ aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
            `│  │    ${"n".repeat(60)}`,
        ]);
        const token = `  arn: ${"x".repeat(130)}`;
        // The break falls at the last space; the token that follows is cut at 120.
        expect(wrapLine(token)).to.deep.equal(["  arn:", `    ${"x".repeat(116)}`, `    ${"x".repeat(14)}`]);
        expect(wrapLine("y".repeat(120))).to.deep.equal(["y".repeat(120)]);
        expect(wrapLine("y".repeat(121))).to.deep.equal(["y".repeat(120), "  y"]);
    });

    for (const stack of STACKS) {
        it(`${stack}: every line of the plan fits 120 columns`, async () => {
            const result = await planStack(stack, { root: FIXTURES_ROOT, sourceRoot: FIXTURE_SOURCE_ROOT });
            const text = renderPlan(result.plan as Plan);
            const wide = text.split("\n").filter((line) => [...line].length > 120);
            expect(wide).to.deep.equal([]);
        });
    }

    it("keeps plan-output/ out of git", () => {
        const ignored = fs.readFileSync(path.join(REPO_ROOT, ".gitignore"), "utf8").split("\n");
        expect(ignored).to.include("plan-output/");
    });
});

describe("newcomer: model ARNs of the wrong shape or region", () => {
    // Only the modelArns problems: a region change also moves availabilityZoneIds, judged elsewhere.
    const problems = (modelArns: string[], region = "us-east-1") =>
        configProblems(
            rawStack("development", {
                modelArns,
                "aws:region": region,
                "aws-native:region": region,
                availabilityZoneIds: undefined,
            }),
        ).filter((p) => p.startsWith("modelArns"));

    it("refuses a foundation-model ARN with an account ID, and suggests it without", () => {
        expect(
            problems([
                "arn:aws:bedrock:us-east-1:123456789012:foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0",
            ]),
        ).to.deep.equal([
            `modelArns[0] "arn:aws:bedrock:us-east-1:123456789012:foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0" is invalid: a foundation-model ARN has no account ID (AWS owns the model): arn:<partition>:bedrock:<region>::foundation-model/<id> (e.g. "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0")`,
        ]);
    });

    it("refuses an inference-profile ARN without an account ID", () => {
        const [only] = problems([
            "arn:aws:bedrock:us-east-1::inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0",
        ]);
        expect(only).to.contain("a inference-profile ARN names the account that owns it");
        expect(only).to.contain(`e.g. "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic`);
    });

    it("refuses model ARNs left in another region after a region change, naming aws:region", () => {
        const [only] = problems(
            ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0"],
            "eu-west-1",
        );
        expect(only).to.contain("an ARN in the stack's region eu-west-1 (aws:region)");
        expect(only).to.contain(`e.g. "arn:aws:bedrock:eu-west-1::foundation-model/`);
    });

    it("near misses: the right shapes in the stack's region, and cross-region models behind a listed profile, pass", () => {
        expect(
            problems([
                "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0",
                "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0",
                "arn:aws:bedrock:us-east-2::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0",
            ]),
        ).to.deep.equal([]);
    });
});

describe("newcomer: messages that name the real problem", () => {
    const uri = (digest: string) => `123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent@${digest}`;
    const problemsFor = (containerUri: string) =>
        configProblems(rawStack("development", { runtimes: [{ name: "support_agent", containerUri }] })).filter((p) =>
            p.startsWith("runtimes[0].containerUri"),
        );

    it("a short digest says 64 hex characters and how many it has", () => {
        const [only] = problemsFor(uri("sha256:9f86d081884c"));
        expect(only).to.contain(
            "a digest is sha256: and 64 hex characters, lowercase (this one has 12 characters after sha256:)",
        );
    });

    it("near miss: a full digest passes", () => {
        expect(
            problemsFor(uri("sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")),
        ).to.deep.equal([]);
    });

    it("an over-long runtime list is reported by its count, not dumped", () => {
        const entry = { name: "a", containerUri: uri("sha256:" + "a".repeat(64)) };
        const [only] = configProblems(
            rawStack("development", { runtimes: [entry, { ...entry, name: "b" }, { ...entry, name: "c" }] }),
        ).filter((p) => p.startsWith("runtimes "));
        expect(only).to.match(/^runtimes "3 runtimes" is invalid: a list of 1 to 2 runtimes/);
        expect(only).to.not.contain("containerUri");
    });
});

describe("newcomer: VPC ranges", () => {
    const net = (overrides: Record<string, unknown>) =>
        configProblems(rawStack("development", overrides)).filter((p) => /^(vpcCidr|agentSubnetCidrs)/.test(p));

    it("a CIDR with host bits is reported as host bits, naming the network", () => {
        expect(net({ vpcCidr: "10.0.0.1/16" })).to.deep.equal([
            `vpcCidr "10.0.0.1/16" is invalid: a network address: host bits are set (the network is 10.0.0.0/16) (e.g. "10.0.0.0/16")`,
        ]);
        const [subnet] = net({ agentSubnetCidrs: ["10.0.4.7/24", "10.0.5.0/24"] });
        expect(subnet).to.equal(
            `agentSubnetCidrs[0] "10.0.4.7/24" is invalid: a network address: host bits are set (the network is 10.0.4.0/24) (e.g. "10.0.4.0/24")`,
        );
    });

    it("refuses a public VPC CIDR, and takes 10.0.0.0/16, 172.16.0.0/16, 192.168.0.0/16 (near misses)", () => {
        const [only] = net({ vpcCidr: "8.8.0.0/16", agentSubnetCidrs: ["8.8.4.0/24", "8.8.5.0/24"] });
        expect(only).to.contain(`vpcCidr "8.8.0.0/16" is invalid: a private range (inside 10.0.0.0/8`);
        expect(net({ vpcCidr: "172.16.0.0/16", agentSubnetCidrs: ["172.16.4.0/24", "172.16.5.0/24"] })).to.deep.equal(
            [],
        );
        expect(
            net({ vpcCidr: "192.168.0.0/16", agentSubnetCidrs: ["192.168.4.0/24", "192.168.5.0/24"] }),
        ).to.deep.equal([]);
    });
});

describe("newcomer: the agent's MODEL_ID and modelArns agree", () => {
    const withModel = (modelId: string, modelArns: string[]) =>
        configProblems(
            rawStack("development", {
                modelArns,
                runtimes: [
                    {
                        name: "support_agent",
                        containerUri:
                            "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        environment: { MODEL_ID: modelId },
                    },
                ],
            }),
        ).filter((p) => p.includes("MODEL_ID"));

    it("refuses a MODEL_ID no modelArns entry allows, listing what is allowed", () => {
        const [only] = withModel("us.anthropic.claude-sonnet-4-20250514-v1:0", [
            "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0",
        ]);
        expect(only).to.contain(
            `runtimes[0].environment.MODEL_ID "us.anthropic.claude-sonnet-4-20250514-v1:0" is invalid`,
        );
        expect(only).to.contain("a model that modelArns allows (it lists 1: anthropic.claude-3-5-haiku-20241022-v1:0)");
    });

    it("refuses a MODEL_ID with an empty modelArns", () => {
        const [only] = withModel("anthropic.claude-3-5-haiku-20241022-v1:0", []);
        expect(only).to.contain("modelArns is empty: add the model's ARN to modelArns");
    });

    it("near misses: a profile or foundation model listed in modelArns passes", () => {
        expect(
            withModel("us.anthropic.claude-3-5-haiku-20241022-v1:0", [
                "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0",
            ]),
        ).to.deep.equal([]);
        expect(
            withModel("anthropic.claude-3-5-haiku-20241022-v1:0", [
                "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0",
            ]),
        ).to.deep.equal([]);
    });
});
