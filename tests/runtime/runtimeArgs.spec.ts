/**
 * The provider mappings (src/runtime/args.ts) with the cases the stack fixtures skip: a
 * single environment variable, an authorizer with an audience only, no request headers,
 * and each field under the name each provider gives it.
 */
import { expect } from "chai";
import { RuntimeConfig } from "../../src/config/types";
import { classicRuntimeArgs, nativeRuntimeArgs, runtimeTags } from "../../src/runtime/args";
import { EFS_AP } from "./capabilityFacts";

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

    it("maps scopes, claims, a private endpoint, an override, file systems and secret ARNs under each provider's names", () => {
        const rich: RuntimeConfig = {
            ...base,
            authorizer: {
                ...base.authorizer!,
                allowedScopes: ["agents/invoke"],
                customClaims: [
                    { claim: "tier", valueType: "STRING", operator: "EQUALS", value: "internal" },
                    { claim: "roles", valueType: "STRING_ARRAY", operator: "CONTAINS_ANY", value: ["a", "b"] },
                ],
                privateEndpoint: { kind: "managed", endpointIpAddressType: "IPV4", idpCidrs: [] },
                privateEndpointOverrides: [
                    {
                        domain: "keys.example.com",
                        privateEndpoint: { kind: "selfManaged", resourceConfiguration: "rcfg-0123456789abcdef0" },
                    },
                ],
            },
            filesystems: [
                { kind: "sessionStorage", mountPath: "/mnt/workspace" },
                {
                    kind: "efs",
                    accessPointArn: EFS_AP,
                    fileSystemId: "fs-0123456789abcdef0",
                    mountPath: "/mnt/shared",
                },
            ],
        };
        const richWiring = {
            ...wiring,
            identityProviderPath: { vpcId: "vpc-1", subnetIds: ["subnet-1"], securityGroupIds: ["sg-idp"] },
            secretArns: { CRM_SECRET_ARN: "arn:aws:secretsmanager:us-east-1:123456789012:secret:crm-AbC123" },
        };
        const managed = {
            managedVpcResource: {
                vpcIdentifier: "vpc-1",
                subnetIds: ["subnet-1"],
                securityGroupIds: ["sg-idp"],
                endpointIpAddressType: "IPV4",
                tags: { Project: "p" },
            },
        };
        const override = [
            {
                domain: "keys.example.com",
                privateEndpoint: {
                    selfManagedLatticeResource: { resourceConfigurationIdentifier: "rcfg-0123456789abcdef0" },
                },
            },
        ];
        const claims = (listField: string) => [
            {
                inboundTokenClaimName: "tier",
                inboundTokenClaimValueType: "STRING",
                authorizingClaimMatchValue: {
                    claimMatchOperator: "EQUALS",
                    claimMatchValue: { matchValueString: "internal" },
                },
            },
            {
                inboundTokenClaimName: "roles",
                inboundTokenClaimValueType: "STRING_ARRAY",
                authorizingClaimMatchValue: {
                    claimMatchOperator: "CONTAINS_ANY",
                    claimMatchValue: { [listField]: ["a", "b"] },
                },
            },
        ];
        const filesystemConfigurations = [
            { sessionStorage: { mountPath: "/mnt/workspace" } },
            {
                efsAccessPoint: {
                    accessPointArn: EFS_AP,
                    mountPath: "/mnt/shared",
                },
            },
        ];
        const native = nativeRuntimeArgs(rich, richWiring, { Project: "p" }) as unknown as Record<string, unknown>;
        expect(native.authorizerConfiguration).to.deep.equal({
            customJwtAuthorizer: {
                discoveryUrl: "https://issuer.example.com/.well-known/openid-configuration",
                allowedAudience: ["api://support"],
                allowedClients: undefined,
                allowedScopes: ["agents/invoke"],
                privateEndpoint: managed,
                privateEndpointOverrides: override,
                customClaims: claims("matchValueStringList"),
            },
        });
        expect(native.filesystemConfigurations).to.deep.equal(filesystemConfigurations);
        expect(native.environmentVariables).to.deep.equal({
            LOG_LEVEL: "info",
            CRM_SECRET_ARN: "arn:aws:secretsmanager:us-east-1:123456789012:secret:crm-AbC123",
        });
        const classic = classicRuntimeArgs(rich, richWiring, { Project: "p" }) as unknown as Record<string, unknown>;
        expect(classic.authorizerConfiguration).to.deep.equal({
            customJwtAuthorizer: {
                discoveryUrl: "https://issuer.example.com/.well-known/openid-configuration",
                allowedAudiences: ["api://support"],
                allowedClients: undefined,
                allowedScopes: ["agents/invoke"],
                privateEndpoint: managed,
                privateEndpointOverrides: override,
                customClaims: claims("matchValueStringLists"),
            },
        });
        expect(classic.filesystemConfigurations).to.deep.equal(filesystemConfigurations);
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
