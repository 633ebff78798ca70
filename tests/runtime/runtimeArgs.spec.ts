/**
 * The provider mappings (src/runtime/args.ts) with the cases the stack fixtures skip: a
 * single environment variable, an authorizer with an audience only, no request headers,
 * and each field under the name each provider gives it.
 */
import { expect } from "chai";
import { RuntimeConfig } from "../../src/config/types";
import { classicRuntimeArgs, nativeRuntimeArgs, runtimeTags } from "../../src/runtime/args";

const base: RuntimeConfig = {
    name: "support_agent",
    runtimeName: "support_agent_development",
    artifact: {
        kind: "container",
        containerUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent:1.4.2",
    },
    protocol: "MCP",
    environment: { LOG_LEVEL: "info" },
    idleTimeoutSeconds: 600,
    maxLifetimeSeconds: 3600,
    authorizer: {
        discoveryUrl: "https://issuer.example.com/.well-known/openid-configuration",
        allowedAudience: ["api://support"],
        allowedClients: [],
        allowedScopes: [],
        customClaims: [],
        privateEndpointOverrides: [],
    },
    requestHeaders: [],
    endpoints: [],
    access: "vpc",
    allowedPrincipals: [],
    filesystems: [],
    secrets: {},
};
const wiring = {
    artifact: {
        kind: "container" as const,
        containerUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent:1.4.2",
    },
    roleArn: "arn:aws:iam::123456789012:role/r",
    subnetIds: ["subnet-1"],
    securityGroupIds: ["sg-1"],
};

describe("runtime args: provider mappings", () => {
    it("aws-native: one variable, an audience-only JWT authorizer, no header allowlist", () => {
        const args = nativeRuntimeArgs(base, wiring, { Project: "p" }) as unknown as Record<string, unknown>;
        expect(args).to.deep.equal({
            agentRuntimeName: "support_agent_development",
            description: undefined,
            agentRuntimeArtifact: {
                containerConfiguration: {
                    containerUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent:1.4.2",
                },
            },
            roleArn: "arn:aws:iam::123456789012:role/r",
            networkConfiguration: {
                networkMode: "VPC",
                networkModeConfig: { subnets: ["subnet-1"], securityGroups: ["sg-1"] },
            },
            environmentVariables: { LOG_LEVEL: "info" },
            tags: { Project: "p" },
            protocolConfiguration: "MCP",
            lifecycleConfiguration: { idleRuntimeSessionTimeout: 600, maxLifetime: 3600 },
            authorizerConfiguration: {
                customJwtAuthorizer: {
                    discoveryUrl: "https://issuer.example.com/.well-known/openid-configuration",
                    allowedAudience: ["api://support"],
                    allowedClients: undefined,
                },
            },
            requestHeaderConfiguration: undefined,
        });
    });

    it("classic: the same runtime under the classic provider's names and shapes", () => {
        const args = classicRuntimeArgs(
            { ...base, requestHeaders: ["X-Tenant-Id"], description: "d" },
            wiring,
            {},
        ) as unknown as Record<string, unknown>;
        expect(args.protocolConfiguration).to.deep.equal({ serverProtocol: "MCP" });
        expect(args.lifecycleConfigurations).to.deep.equal([{ idleRuntimeSessionTimeout: 600, maxLifetime: 3600 }]);
        expect(args.authorizerConfiguration).to.deep.equal({
            customJwtAuthorizer: {
                discoveryUrl: "https://issuer.example.com/.well-known/openid-configuration",
                allowedAudiences: ["api://support"],
                allowedClients: undefined,
            },
        });
        expect(args.requestHeaderConfiguration).to.deep.equal({ requestHeaderAllowlists: ["X-Tenant-Id"] });
        expect(args.environmentVariables).to.deep.equal({ LOG_LEVEL: "info" });
        expect(args.description).to.equal("d");
    });

    it("omits an empty environment and a missing authorizer; maps clients-only authorizers", () => {
        const none = nativeRuntimeArgs(
            { ...base, environment: {}, authorizer: undefined },
            wiring,
            {},
        ) as unknown as Record<string, unknown>;
        expect(none.environmentVariables).to.equal(undefined);
        expect(none.authorizerConfiguration).to.equal(undefined);
        const clients = nativeRuntimeArgs(
            { ...base, authorizer: { ...base.authorizer!, allowedAudience: [], allowedClients: ["c1"] } },
            wiring,
            {},
        ) as unknown as Record<string, unknown>;
        expect(clients.authorizerConfiguration).to.deep.equal({
            customJwtAuthorizer: {
                discoveryUrl: "https://issuer.example.com/.well-known/openid-configuration",
                allowedAudience: undefined,
                allowedClients: ["c1"],
            },
        });
    });

    it("tags a runtime with its name and budget", () => {
        expect(runtimeTags(base, { cpu: 512, memory: 1024 }, { Project: "p" })).to.deep.equal({
            Project: "p",
            AgentRuntime: "support_agent",
            CpuBudget: "512",
            MemoryBudgetMiB: "1024",
        });
    });
});
