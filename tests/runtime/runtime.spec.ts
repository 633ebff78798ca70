import { expect } from "chai";
import * as aws from "../../src/providers/aws";
import { AgentRuntime } from "../../src/runtime/runtime";
import { RuntimeConfig } from "../../src/config";
import { classicRuntimeArgs, nativeRuntimeArgs, runtimeTags } from "../../src/runtime/args";
import { configOf, ofType, one, promiseOf, runComponent } from "../helpers";

const NATIVE = "aws-native:bedrockagentcore:Runtime";
const CLASSIC = "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime";
const NATIVE_ENDPOINT = "aws-native:bedrockagentcore:RuntimeEndpoint";
const CLASSIC_ENDPOINT = "aws:bedrock/agentcoreAgentRuntimeEndpoint:AgentcoreAgentRuntimeEndpoint";

const wiring = {
    artifact: {
        kind: "container" as const,
        containerUri:
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    },
    roleArn: "arn:aws:iam::123456789012:role/agent-exec",
    subnetIds: ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
    securityGroupIds: ["sg-0a1b2c3d4e5f60718"],
};

describe("runtime: provider argument mapping (pure)", () => {
    const production = configOf("production").runtimes[0];
    const development = configOf("development").runtimes[0];

    it("maps the production runtime onto aws-native's shapes", () => {
        const args = nativeRuntimeArgs(production, wiring, { A: "b" });
        expect(args).to.deep.equal({
            agentRuntimeName: "support_agent_production",
            description: "Customer support agent",
            agentRuntimeArtifact: {
                containerConfiguration: {
                    containerUri:
                        "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                },
            },
            roleArn: wiring.roleArn,
            networkConfiguration: {
                networkMode: "VPC",
                networkModeConfig: { subnets: wiring.subnetIds, securityGroups: wiring.securityGroupIds },
            },
            protocolConfiguration: "HTTP",
            environmentVariables: { LOG_LEVEL: "warn", MODEL_ID: "us.anthropic.claude-sonnet-4-20250514-v1:0" },
            lifecycleConfiguration: { idleRuntimeSessionTimeout: 900, maxLifetime: 28800 },
            authorizerConfiguration: {
                customJwtAuthorizer: {
                    discoveryUrl:
                        "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_PrdPool01/.well-known/openid-configuration",
                    allowedAudience: undefined,
                    allowedClients: ["7productionclient0example"],
                },
            },
            requestHeaderConfiguration: { requestHeaderAllowlist: ["X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant"] },
            tags: { A: "b" },
        });
    });

    it("maps the same runtime onto the classic provider's shapes", () => {
        const args = classicRuntimeArgs(production, wiring, {});
        expect(args.protocolConfiguration).to.deep.equal({ serverProtocol: "HTTP" });
        expect(args.lifecycleConfigurations).to.deep.equal([{ idleRuntimeSessionTimeout: 900, maxLifetime: 28800 }]);
        expect(args.authorizerConfiguration).to.deep.equal({
            customJwtAuthorizer: {
                discoveryUrl:
                    "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_PrdPool01/.well-known/openid-configuration",
                allowedAudiences: undefined,
                allowedClients: ["7productionclient0example"],
            },
        });
        expect(args.requestHeaderConfiguration).to.deep.equal({
            requestHeaderAllowlists: ["X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant"],
        });
        expect(args.networkConfiguration).to.deep.equal({
            networkMode: "VPC",
            networkModeConfig: { subnets: wiring.subnetIds, securityGroups: wiring.securityGroupIds },
        });
    });

    it("omits what is not configured: authorizer, header allowlist, empty environment", () => {
        const bare: RuntimeConfig = { ...development, environment: {}, authorizer: undefined, requestHeaders: [] };
        for (const args of [nativeRuntimeArgs(bare, wiring, {}), classicRuntimeArgs(bare, wiring, {})]) {
            expect(args.environmentVariables).to.equal(undefined);
            expect(args.authorizerConfiguration).to.equal(undefined);
            expect(args.requestHeaderConfiguration).to.equal(undefined);
        }
    });

    it("never passes a CPU or memory property: the budget is only tags", () => {
        const tags = runtimeTags(development, { cpu: 512, memory: 1024 }, { Environment: "development" });
        expect(tags).to.deep.equal({
            Environment: "development",
            AgentRuntime: "support_agent",
            CpuBudget: "512",
            MemoryBudgetMiB: "1024",
        });
        for (const args of [
            nativeRuntimeArgs(development, wiring, tags),
            classicRuntimeArgs(development, wiring, tags),
        ]) {
            expect(JSON.stringify(args)).to.not.match(/"(cpu|memory|vcpu|memoryMib)"/i);
        }
    });
});

describe("runtime: the component under mocks", () => {
    async function build(
        stack: "development" | "staging" | "production",
        provider: "aws-native" | "aws",
        protect = false,
    ) {
        const runtime = configOf(stack).runtimes[0];
        let component: AgentRuntime | undefined;
        const run = await runComponent(
            () => {
                component = new AgentRuntime("agentcore-test-support_agent", {
                    runtime,
                    provider,
                    ...wiring,
                    sizing: configOf(stack).sizing,
                    protect,
                    tags: configOf(stack).tags,
                });
            },
            { stack },
        );
        return { run, component: component!, runtime };
    }

    for (const provider of ["aws-native", "aws"] as const) {
        const runtimeType = provider === "aws-native" ? NATIVE : CLASSIC;
        const endpointType = provider === "aws-native" ? NATIVE_ENDPOINT : CLASSIC_ENDPOINT;

        it(`${provider}: creates one runtime in VPC mode and no resource of the other provider`, async () => {
            const { run } = await build("staging", provider);
            const r = one(run, runtimeType);
            expect(r.inputs.agentRuntimeName).to.equal("support_agent_staging");
            expect((r.inputs.networkConfiguration as { networkMode: string }).networkMode).to.equal("VPC");
            expect(r.inputs.roleArn).to.equal(wiring.roleArn);
            expect(r.inputs.tags).to.include({ CpuBudget: "1024", MemoryBudgetMiB: "2048", Environment: "staging" });
            expect(ofType(run, provider === "aws-native" ? CLASSIC : NATIVE)).to.have.length(0);
            expect(one(run, "agentcore:runtime:AgentRuntime").custom).to.equal(false);
            expect(r.parent).to.match(/agentcore:runtime:AgentRuntime::agentcore-test-support_agent$/);
        });

        it(`${provider}: pins every configured endpoint to its version and exposes its ARN`, async () => {
            const { run, component } = await build("staging", provider);
            const endpoint = one(run, endpointType);
            expect(endpoint.inputs).to.include({ name: "qa", agentRuntimeVersion: "1" });
            expect(endpoint.inputs.agentRuntimeId).to.match(/^support_agent_staging-[A-Za-z0-9]{10}$/);
            const arns = await promiseOf(component.endpointArns);
            expect(arns).to.deep.equal({
                qa: `arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/${endpoint.inputs.agentRuntimeId}/runtime-endpoint/qa`,
            });
            expect(await promiseOf(component.arn)).to.match(
                /^arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime\/support_agent_staging-[A-Za-z0-9]{10}$/,
            );
            expect(await promiseOf(component.version)).to.equal("1");
        });

        it(`${provider}: protects the runtime and its endpoints when asked`, async () => {
            const { run } = await build("production", provider, true);
            expect(one(run, runtimeType).protect).to.equal(true);
            expect(one(run, endpointType).protect).to.equal(true);
            const unprotected = await build("development", provider, false);
            expect(one(unprotected.run, runtimeType).protect).to.equal(false);
        });
    }

    it("creates no endpoint when none is configured (the service keeps DEFAULT)", async () => {
        const { run } = await build("development", "aws-native");
        expect(ofType(run, NATIVE_ENDPOINT)).to.have.length(0);
    });

    it("depends on what it is given to wait for", async () => {
        let dep: aws.iam.RolePolicy | undefined;
        const runtime = configOf("development").runtimes[0];
        const run = await runComponent(() => {
            dep = new aws.iam.RolePolicy("waited-for", { role: "agent-exec", policy: "{}" });
            new AgentRuntime("agentcore-test-x", {
                runtime,
                ...wiring,
                sizing: { cpu: 512, memory: 1024 },
                dependsOn: [dep],
            });
        });
        expect(dep).to.not.equal(undefined);
        expect(one(run, NATIVE).dependencies).to.include(one(run, "aws:iam/rolePolicy:RolePolicy").urn);
    });
});

describe("offline mocks: like the engine", () => {
    it("refuse two resources with one URN", async () => {
        const run = await runComponent(() => {
            new aws.iam.RolePolicy("twice", { role: "agent-exec", policy: "{}" });
            new aws.iam.RolePolicy("twice", { role: "agent-exec", policy: "{}" });
        });
        expect(ofType(run, "aws:iam/rolePolicy:RolePolicy")).to.have.length(1);
        expect(run.error?.message ?? "").to.match(/Duplicate resource URN .*::twice/);
    });
});
