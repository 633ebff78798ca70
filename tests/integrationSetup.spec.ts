/**
 * The integration test's offline parts: the prerequisite check and its one-line skip, the
 * ephemeral stack's config (it must pass the program's own validation), the stack name,
 * and the metric series the alarms watch. The real deployment never runs here.
 */
import { expect } from "chai";
import { spawnSync } from "child_process";
import * as path from "path";
import { validateConfig } from "../src/config";
import { awsRuntimeName } from "../src/config/runtimes";
import { alarmSeries, exactDimensions, seriesKey } from "./integration/metrics";
import { missingPrerequisites, skipLine } from "./integration/prerequisites";
import { ephemeralStackName, integrationStackConfig } from "./integration/stackConfig";

const READY = {
    AWS_PROFILE: "sandbox",
    AGENTCORE_IT_REGION: "us-east-1",
    AGENTCORE_IT_CONTAINER_URI: "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent@sha256:" + "a".repeat(64),
    PULUMI_BACKEND_URL: "file:///tmp/pulumi-it",
    PULUMI_CONFIG_PASSPHRASE: "it",
};

describe("integration test: prerequisites", () => {
    it("needs nothing more when everything is set", () => {
        expect(missingPrerequisites(READY, true)).to.deep.equal([]);
        expect(missingPrerequisites({ ...READY, PULUMI_BACKEND_URL: undefined, PULUMI_CONFIG_PASSPHRASE: undefined, PULUMI_ACCESS_TOKEN: "pul-x" }, true)).to.deep.equal([]);
        expect(missingPrerequisites({ ...READY, AWS_PROFILE: undefined, AWS_ACCESS_KEY_ID: "AKIA", AWS_SECRET_ACCESS_KEY: "s" }, true)).to.deep.equal([]);
        expect(missingPrerequisites({ ...READY, AGENTCORE_IT_CONTAINER_URI: undefined, AGENTCORE_IT_RUNTIME_JSON: '{"code":{}}' }, true)).to.deep.equal([]);
    });

    it("names each missing piece; near misses count as missing", () => {
        expect(missingPrerequisites(READY, false)).to.deep.equal(["the Pulumi CLI on PATH"]);
        expect(missingPrerequisites({ ...READY, AWS_PROFILE: undefined, AWS_ACCESS_KEY_ID: "AKIA" }, true)[0]).to.match(/^AWS credentials for a sandbox account/);
        expect(missingPrerequisites({ ...READY, AGENTCORE_IT_REGION: "" }, true)).to.deep.equal(["AGENTCORE_IT_REGION (a region where AgentCore runs in a VPC, e.g. us-east-1)"]);
        expect(missingPrerequisites({ ...READY, PULUMI_CONFIG_PASSPHRASE: undefined }, true)).to.deep.equal(["PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE) for the self-managed backend"]);
        expect(missingPrerequisites({ ...READY, PULUMI_BACKEND_URL: undefined }, true)[0]).to.match(/^a Pulumi backend \(PULUMI_ACCESS_TOKEN/);
        expect(missingPrerequisites({}, false)).to.have.length(5);
    });

    it("skips with one line and exit 0 where nothing is configured", function () {
        this.timeout(60000);
        const r = spawnSync("npm", ["run", "--silent", "test:integration"], {
            cwd: path.join(__dirname, ".."),
            encoding: "utf8",
            env: { PATH: process.env.PATH, HOME: process.env.HOME },
        });
        expect(r.status).to.equal(0);
        const lines = r.stdout.trim().split("\n");
        expect(lines).to.have.length(1);
        expect(lines[0]).to.match(/^test:integration skipped \(exit 0\): it deploys a real stack and needs .*AGENTCORE_IT_REGION/);
        expect(skipLine(["x", "y"])).to.equal("test:integration skipped (exit 0): it deploys a real stack and needs x; y.");
    });
});

describe("integration test: the ephemeral stack", () => {
    it("names the stack so that the AWS runtime name stays valid", () => {
        const name = ephemeralStackName(new Date("2026-12-02T04:05:06.789Z"), "AB12-cd34-ef");
        expect(name).to.equal("it-20261202t040506-ab12cd");
        const runtimeName = awsRuntimeName("support_agent", name);
        expect(runtimeName).to.equal("support_agent_it_20261202t040506_ab12cd");
        expect(runtimeName).to.match(/^[a-zA-Z][a-zA-Z0-9_]{0,47}$/);
    });

    it("passes the program's own config validation, unprotected, in its own VPC", () => {
        const config = integrationStackConfig(READY);
        const values: Record<string, string> = {};
        for (const [k, v] of Object.entries(config)) {
            if (k.startsWith("agentcore-private:")) {
                values[k.slice("agentcore-private:".length)] = v;
            }
        }
        const valid = validateConfig({ project: "agentcore-private", stack: "it-20261202t040506-ab12cd", values, region: config["aws:region"], nativeRegion: config["aws-native:region"] });
        expect(valid.protect).to.equal(false);
        expect(valid.environment).to.equal("development");
        expect(config["agentcore-private:vpcCidr"]).to.equal("10.99.0.0/16");
        expect(JSON.parse(config["agentcore-private:availabilityZoneIds"])).to.deep.equal(["use1-az1", "use1-az2"]);
        expect(JSON.parse(config["agentcore-private:runtimes"])[0].containerUri).to.equal(READY.AGENTCORE_IT_CONTAINER_URI);
        // Invoked from outside the VPC: no VPC fence, or the invoke step is always denied.
        expect(valid.runtimes[0].access).to.equal("iam");
    });

    it("lets AGENTCORE_IT_RUNTIME_JSON put the VPC fence back for a runner inside the VPC", () => {
        const config = integrationStackConfig({ ...READY, AGENTCORE_IT_RUNTIME_JSON: '{"access":"vpc"}' });
        expect(JSON.parse(config["agentcore-private:runtimes"])[0].access).to.equal("vpc");
    });

    it("takes AZ IDs, model ARNs and runtime fields from the environment", () => {
        const config = integrationStackConfig({
            ...READY,
            AGENTCORE_IT_AZ_IDS: "use1-az2, use1-az4",
            AGENTCORE_IT_MODEL_ARNS: "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0",
            AGENTCORE_IT_RUNTIME_JSON: '{"idleTimeoutSeconds":120}',
        });
        expect(JSON.parse(config["agentcore-private:availabilityZoneIds"])).to.deep.equal(["use1-az2", "use1-az4"]);
        expect(JSON.parse(config["agentcore-private:endpointServices"])).to.deep.equal(["bedrock-runtime"]);
        expect(JSON.parse(config["agentcore-private:runtimes"])[0].idleTimeoutSeconds).to.equal(120);
    });
});

describe("integration test: the series the alarms watch", () => {
    const arn = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/support_agent_it-AbCdEfGhIj";

    it("are the invocation metrics with {Operation, Name, Resource}; the usage alarms read Contributor Insights rules, not series", () => {
        const keys = alarmSeries({ environment: "development", sizing: { cpu: 512, memory: 1024 }, runtimeArn: arn, runtimeName: "support_agent_it", endpointNames: [] }).map(seriesKey);
        const inv = (m: string) => `AWS/Bedrock-AgentCore/${m}{Name=support_agent_it::DEFAULT,Operation=InvokeAgentRuntime,Resource=${arn}}`;
        expect(keys).to.deep.equal([inv("Invocations"), inv("Latency"), inv("SystemErrors"), inv("Throttles"), inv("UserErrors")]);
    });

    it("cover every endpoint when the runtime has pinned ones", () => {
        const series = alarmSeries({ environment: "production", sizing: { cpu: 2048, memory: 4096 }, runtimeArn: arn, runtimeName: "r", endpointNames: ["live"] });
        expect(new Set(series.map((s) => s.dimensions.Name))).to.deep.equal(new Set(["r::DEFAULT", "r::live"]));
        expect(series).to.have.length(10);
    });

    it("match a ListMetrics result only with exactly that dimension set", () => {
        const want = { Operation: "InvokeAgentRuntime", Name: "r::DEFAULT", Resource: arn };
        const exact = [{ Name: "Operation", Value: "InvokeAgentRuntime" }, { Name: "Name", Value: "r::DEFAULT" }, { Name: "Resource", Value: arn }];
        expect(exactDimensions(exact, want)).to.equal(true);
        expect(exactDimensions([...exact, { Name: "Extra", Value: "x" }], want)).to.equal(false);
        expect(exactDimensions(exact.slice(1), want)).to.equal(false);
        expect(exactDimensions([{ Name: "Resource", Value: arn }, exact[1], { Name: "Operation", Value: "Other" }], want)).to.equal(false);
        expect(exactDimensions(undefined, want)).to.equal(false);
    });
});
