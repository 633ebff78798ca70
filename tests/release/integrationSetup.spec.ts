/**
 * The integration test's offline parts: the prerequisite check and its one-line skip, the
 * ephemeral stack's config (it must pass the program's own validation), the stack name,
 * and the metric series the alarms watch. The real deployment never runs here.
 */
import { expect } from "chai";
import { spawnSync } from "child_process";
import * as path from "path";
import { validateConfig } from "../../src/config";
import { awsRuntimeName } from "../../src/runtime/config";
import { alarmSeries, exactDimensions, seriesKey } from "../integration/metrics";
import { missingPrerequisites, skipLine } from "../integration/prerequisites";
import { ephemeralStackName, instancesStackConfig, integrationStackConfig } from "../integration/stackConfig";
import * as fs from "fs";
import { REPO_ROOT } from "../helpers";

const READY = {
    AWS_PROFILE: "sandbox",
    AGENTCORE_IT_REGION: "us-east-1",
    AGENTCORE_IT_MODEL_ID: "us.anthropic.claude-3-5-haiku-20241022-v1:0",
    AGENTCORE_IT_MODEL_ARNS:
        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0,arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0",
    PULUMI_BACKEND_URL: "file:///tmp/pulumi-it",
    PULUMI_CONFIG_PASSPHRASE: "it",
};
const IMAGE_URI = "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent@sha256:" + "a".repeat(64);
const MODEL_LINE =
    " (the model the sample agent calls and the ARNs its role may invoke, e.g. AGENTCORE_IT_MODEL_ID=us.anthropic.claude-3-5-haiku-20241022-v1:0 with the inference profile's and its foundation models' ARNs)";
/** A tree with agents/support-agent/dist/main.js, so validation does not depend on a local build. */
const SOURCE_ROOT = path.join(REPO_ROOT, "tests", "fixtures", "source-root");

describe("integration test: prerequisites", () => {
    it("needs nothing more when everything is set", () => {
        expect(missingPrerequisites(READY, true, true)).to.deep.equal([]);
        expect(
            missingPrerequisites(
                {
                    ...READY,
                    PULUMI_BACKEND_URL: undefined,
                    PULUMI_CONFIG_PASSPHRASE: undefined,
                    PULUMI_ACCESS_TOKEN: "pul-x",
                },
                true,
                true,
            ),
        ).to.deep.equal([]);
        expect(
            missingPrerequisites(
                { ...READY, AWS_PROFILE: undefined, AWS_ACCESS_KEY_ID: "AKIA", AWS_SECRET_ACCESS_KEY: "s" },
                true,
                true,
            ),
        ).to.deep.equal([]);
        // Another artifact makes the local bundle unnecessary.
        expect(missingPrerequisites({ ...READY, AGENTCORE_IT_CONTAINER_URI: IMAGE_URI }, true, false)).to.deep.equal(
            [],
        );
        expect(missingPrerequisites({ ...READY, AGENTCORE_IT_RUNTIME_JSON: '{"code":{}}' }, true, false)).to.deep.equal(
            [],
        );
    });

    it("names each missing piece; near misses count as missing", () => {
        expect(missingPrerequisites(READY, false, true)).to.deep.equal(["the Pulumi CLI on PATH"]);
        expect(
            missingPrerequisites({ ...READY, AWS_PROFILE: undefined, AWS_ACCESS_KEY_ID: "AKIA" }, true, true)[0],
        ).to.match(/^AWS credentials for a sandbox account/);
        expect(missingPrerequisites({ ...READY, AGENTCORE_IT_REGION: "" }, true, true)).to.deep.equal([
            "AGENTCORE_IT_REGION (a region where AgentCore runs in a VPC, e.g. us-east-1)",
        ]);
        expect(missingPrerequisites({ ...READY, PULUMI_CONFIG_PASSPHRASE: undefined }, true, true)).to.deep.equal([
            "PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE) for the self-managed backend",
        ]);
        expect(missingPrerequisites({ ...READY, PULUMI_BACKEND_URL: undefined }, true, true)[0]).to.match(
            /^a Pulumi backend \(PULUMI_ACCESS_TOKEN/,
        );
        expect(missingPrerequisites({}, false, false)).to.have.length(6);
    });

    it("needs the model id and the model ARNs together, each named when missing", () => {
        expect(missingPrerequisites({ ...READY, AGENTCORE_IT_MODEL_ID: "" }, true, true)).to.deep.equal([
            "AGENTCORE_IT_MODEL_ID" + MODEL_LINE,
        ]);
        expect(missingPrerequisites({ ...READY, AGENTCORE_IT_MODEL_ARNS: undefined }, true, true)).to.deep.equal([
            "AGENTCORE_IT_MODEL_ARNS" + MODEL_LINE,
        ]);
        expect(
            missingPrerequisites(
                { ...READY, AGENTCORE_IT_MODEL_ID: undefined, AGENTCORE_IT_MODEL_ARNS: undefined },
                true,
                true,
            ),
        ).to.deep.equal(["AGENTCORE_IT_MODEL_ID and AGENTCORE_IT_MODEL_ARNS" + MODEL_LINE]);
    });

    it("needs the built bundle for the default code artifact; a runtime override without an artifact does not replace it", () => {
        const bundle =
            "agents/support-agent/dist/main.js (run npm run agent:build), or AGENTCORE_IT_CONTAINER_URI / AGENTCORE_IT_RUNTIME_JSON with another artifact";
        expect(missingPrerequisites(READY, true, false)).to.deep.equal([bundle]);
        expect(
            missingPrerequisites({ ...READY, AGENTCORE_IT_RUNTIME_JSON: '{"access":"vpc"}' }, true, false),
        ).to.deep.equal([bundle]);
    });

    it("skips with one line and exit 0 where nothing is configured", function () {
        this.timeout(60000);
        const r = spawnSync("npm", ["run", "--silent", "test:integration"], {
            cwd: REPO_ROOT,
            encoding: "utf8",
            env: { PATH: process.env.PATH, HOME: process.env.HOME },
        });
        expect(r.status).to.equal(0);
        const lines = r.stdout.trim().split("\n");
        expect(lines).to.have.length(1);
        expect(lines[0]).to.match(
            /^test:integration skipped \(exit 0\): it deploys a real stack and needs .*AGENTCORE_IT_REGION.*AGENTCORE_IT_MODEL_ID and AGENTCORE_IT_MODEL_ARNS/,
        );
        expect(skipLine(["x", "y"])).to.equal(
            "test:integration skipped (exit 0): it deploys a real stack and needs x; y.",
        );
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
        const valid = validateConfig({
            project: "agentcore-private",
            stack: "it-20261202t040506-ab12cd",
            values,
            region: config["aws:region"],
            nativeRegion: config["aws-native:region"],
            root: SOURCE_ROOT,
        });
        expect(valid.protect).to.equal(false);
        expect(valid.environment).to.equal("development");
        expect(config["agentcore-private:vpcCidr"]).to.equal("10.99.0.0/16");
        expect(JSON.parse(config["agentcore-private:availabilityZoneIds"])).to.deep.equal(["use1-az1", "use1-az2"]);
        const runtime = JSON.parse(config["agentcore-private:runtimes"])[0];
        // Direct code from the local bundle: no image has to be pushed first.
        expect(runtime.code).to.deep.equal({
            path: "agents/support-agent/dist",
            runtime: "NODE_22",
            entryPoint: ["main.js"],
        });
        expect(runtime.containerUri).to.equal(undefined);
        expect(valid.runtimes[0].environment).to.deep.equal({
            MODEL_ID: "us.anthropic.claude-3-5-haiku-20241022-v1:0",
        });
        expect(JSON.parse(config["agentcore-private:endpointServices"])).to.deep.equal(["bedrock-runtime"]);
        expect(JSON.parse(config["agentcore-private:modelArns"])).to.deep.equal([
            "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0",
            "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0",
        ]);
        // Invoked from outside the VPC: no VPC fence, or the invoke step is always denied.
        expect(valid.runtimes[0].access).to.equal("iam");
    });

    it("the Instances stack (tests/integration/instances.integration.ts) validates: instances, one volume, its own VPC", () => {
        const config = instancesStackConfig(READY);
        const values: Record<string, string> = {};
        for (const [k, v] of Object.entries(config)) {
            if (k.startsWith("agentcore-private:")) {
                values[k.slice("agentcore-private:".length)] = v;
            }
        }
        const stack = `${ephemeralStackName(new Date("2026-12-02T04:05:06.789Z"), "AB12-cd34-ef")}-ins`;
        expect(stack).to.equal("it-20261202t040506-ab12cd-ins");
        const valid = validateConfig({
            project: "agentcore-private",
            stack,
            values,
            region: config["aws:region"],
            nativeRegion: config["aws-native:region"],
            root: SOURCE_ROOT,
        });
        expect(valid.compute).to.deep.equal({
            type: "instances",
            architecture: "arm64",
            instanceTypes: ["c7g.medium", "m7g.medium", "r7g.medium"],
            explicit: false,
            idleTimeoutSeconds: 300,
            maxLifetimeSeconds: 3600,
            volumes: [{ name: "scratch", sizeGiB: 1, mountPath: "/mnt/scratch" }],
        });
        expect(config["agentcore-private:vpcCidr"]).to.equal("10.98.0.0/16");
        expect(awsRuntimeName("support_agent", stack)).to.match(/^[a-zA-Z][a-zA-Z0-9_]{0,47}$/);
        // run.ts runs every *.integration.ts: the Instances test is wired in by its name.
        expect(fs.existsSync(path.join(REPO_ROOT, "tests", "integration", "instances.integration.ts"))).to.equal(true);
    });

    it("lets AGENTCORE_IT_RUNTIME_JSON put the VPC fence back for a runner inside the VPC", () => {
        const config = integrationStackConfig({ ...READY, AGENTCORE_IT_RUNTIME_JSON: '{"access":"vpc"}' });
        expect(JSON.parse(config["agentcore-private:runtimes"])[0].access).to.equal("vpc");
    });

    it("an image URI or a runtime artifact replaces the default code; extra environment keeps MODEL_ID", () => {
        const image = JSON.parse(
            integrationStackConfig({ ...READY, AGENTCORE_IT_CONTAINER_URI: IMAGE_URI })["agentcore-private:runtimes"],
        )[0];
        expect([image.containerUri, image.code]).to.deep.equal([IMAGE_URI, undefined]);
        const s3 = {
            s3: { bucket: "agent-code", key: "support-agent.zip", versionId: "v1" },
            runtime: "NODE_22",
            entryPoint: ["main.js"],
        };
        const fromJson = JSON.parse(
            integrationStackConfig({
                ...READY,
                AGENTCORE_IT_RUNTIME_JSON: JSON.stringify({ code: s3, environment: { LOG_LEVEL: "debug" } }),
            })["agentcore-private:runtimes"],
        )[0];
        expect(fromJson.code).to.deep.equal(s3);
        expect(fromJson.environment).to.deep.equal({
            MODEL_ID: "us.anthropic.claude-3-5-haiku-20241022-v1:0",
            LOG_LEVEL: "debug",
        });
    });

    it("takes AZ IDs, model ARNs and runtime fields from the environment", () => {
        const config = integrationStackConfig({
            ...READY,
            AGENTCORE_IT_AZ_IDS: "use1-az2, use1-az4",
            AGENTCORE_IT_MODEL_ARNS:
                "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0",
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
        const keys = alarmSeries({
            environment: "development",
            sizing: { cpu: 512, memory: 1024 },
            runtimeArn: arn,
            runtimeName: "support_agent_it",
            endpointNames: [],
        }).map(seriesKey);
        const inv = (m: string) =>
            `AWS/Bedrock-AgentCore/${m}{Name=support_agent_it::DEFAULT,Operation=InvokeAgentRuntime,Resource=${arn}}`;
        expect(keys).to.deep.equal([
            inv("Invocations"),
            inv("Latency"),
            inv("SystemErrors"),
            inv("Throttles"),
            inv("UserErrors"),
        ]);
    });

    it("cover every endpoint when the runtime has pinned ones", () => {
        const series = alarmSeries({
            environment: "production",
            sizing: { cpu: 2048, memory: 4096 },
            runtimeArn: arn,
            runtimeName: "r",
            endpointNames: ["live"],
        });
        expect(new Set(series.map((s) => s.dimensions.Name))).to.deep.equal(new Set(["r::DEFAULT", "r::live"]));
        expect(series).to.have.length(10);
    });

    it("match a ListMetrics result only with exactly that dimension set", () => {
        const want = { Operation: "InvokeAgentRuntime", Name: "r::DEFAULT", Resource: arn };
        const exact = [
            { Name: "Operation", Value: "InvokeAgentRuntime" },
            { Name: "Name", Value: "r::DEFAULT" },
            { Name: "Resource", Value: arn },
        ];
        expect(exactDimensions(exact, want)).to.equal(true);
        expect(exactDimensions([...exact, { Name: "Extra", Value: "x" }], want)).to.equal(false);
        expect(exactDimensions(exact.slice(1), want)).to.equal(false);
        expect(
            exactDimensions([{ Name: "Resource", Value: arn }, exact[1], { Name: "Operation", Value: "Other" }], want),
        ).to.equal(false);
        expect(exactDimensions(undefined, want)).to.equal(false);
    });
});
