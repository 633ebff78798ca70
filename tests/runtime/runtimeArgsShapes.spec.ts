/**
 * The runtime inputs the provider mappings spec (runtimeArgs.spec.ts) does not reach, as the
 * providers receive them: direct code deployment (aws-native `entryPoint`, classic
 * `entryPoints`), Instances (a capacity provider instead of a network configuration, and the
 * provider's volumes as the only mounts), each file-system kind, and the managed private
 * endpoint to an identity provider (with and without a routing domain).
 */
import { expect } from "chai";
import { RuntimeConfig } from "../../src/config/types";
import { classicRuntimeArgs, filesystemConfiguration, nativeRuntimeArgs } from "../../src/runtime/args";

const runtime: RuntimeConfig = {
    name: "support_agent",
    runtimeName: "support_agent_staging",
    artifact: { kind: "code", runtime: "NODE_22", entryPoint: ["main.js"], path: "agents/support-agent/dist" },
    protocol: "HTTP",
    environment: {},
    idleTimeoutSeconds: 900,
    maxLifetimeSeconds: 28800,
    requestHeaders: [],
    endpoints: [],
    access: "vpc",
    allowedPrincipals: [],
    filesystems: [],
    secrets: {},
} as unknown as RuntimeConfig;
const code = {
    kind: "code" as const,
    bucket: "agentcore-staging-code-123456789012",
    key: "support_agent/9f2c61d7e4b8a035.zip",
    versionId: "3HL4kqtJlcpXroDTDmJ-rmSpXd3dIbrHY",
    runtime: "NODE_22" as const,
    entryPoint: ["main.js"],
};
const wiring = {
    artifact: code,
    roleArn: "arn:aws:iam::123456789012:role/agentcore-staging-execution-role",
    subnetIds: ["subnet-0a1"],
    securityGroupIds: ["sg-0runtime"],
};
const S3_CODE = {
    code: {
        s3: {
            bucket: "agentcore-staging-code-123456789012",
            prefix: "support_agent/9f2c61d7e4b8a035.zip",
            versionId: "3HL4kqtJlcpXroDTDmJ-rmSpXd3dIbrHY",
        },
    },
    runtime: "NODE_22",
};

describe("runtime args: code, Instances, file systems, private identity provider", () => {
    it("code: the zip's bucket, key and version and the entry point, named as each provider names them", () => {
        expect(nativeRuntimeArgs(runtime, wiring, {}).agentRuntimeArtifact).to.deep.equal({
            codeConfiguration: { ...S3_CODE, entryPoint: ["main.js"] },
        });
        expect(classicRuntimeArgs(runtime, wiring, {}).agentRuntimeArtifact).to.deep.equal({
            codeConfiguration: { ...S3_CODE, entryPoints: ["main.js"] },
        });
        // Near miss: a container artifact is passed by URI alone, in both.
        const container = {
            ...wiring,
            artifact: { kind: "container" as const, containerUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/a:1" },
        };
        for (const args of [nativeRuntimeArgs(runtime, container, {}), classicRuntimeArgs(runtime, container, {})]) {
            expect(args.agentRuntimeArtifact).to.deep.equal({
                containerConfiguration: { containerUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/a:1" },
            });
        }
    });

    it("Instances: the capacity provider instead of a network configuration, its volumes as the only mounts", () => {
        const provider = "arn:aws:bedrock-agentcore:us-east-1:123456789012:capacity-provider/agents_staging-AbC123";
        const args = nativeRuntimeArgs(
            runtime,
            {
                ...wiring,
                capacityProviderArn: provider,
                capacityProviderVolumes: [
                    { name: "workspace", mountPath: "/mnt/workspace" },
                    { name: "cache", mountPath: "/mnt/cache" },
                ],
            },
            {},
        ) as unknown as Record<string, unknown>;
        expect(args.networkConfiguration).to.equal(undefined);
        expect(args.capacityProviderConfiguration).to.deep.equal({ capacityProviderArn: provider });
        expect(args.filesystemConfigurations).to.deep.equal([
            { capacityProviderVolume: { volumeName: "workspace", mountPath: "/mnt/workspace" } },
            { capacityProviderVolume: { volumeName: "cache", mountPath: "/mnt/cache" } },
        ]);
        // Near miss: without volumes no file-system list at all; without a provider, the VPC.
        const bare = nativeRuntimeArgs(
            runtime,
            {
                ...wiring,
                capacityProviderArn: provider,
                capacityProviderVolumes: [],
            },
            {},
        );
        expect(bare).to.not.have.property("filesystemConfigurations");
        const microvm = nativeRuntimeArgs(runtime, wiring, {}) as unknown as Record<string, unknown>;
        expect(microvm).to.not.have.property("capacityProviderConfiguration");
        expect(microvm.networkConfiguration).to.deep.equal({
            networkMode: "VPC",
            networkModeConfig: { subnets: ["subnet-0a1"], securityGroups: ["sg-0runtime"] },
        });
    });

    it("each file-system kind sets exactly its own member", () => {
        expect(filesystemConfiguration({ kind: "sessionStorage", mountPath: "/mnt/session" })).to.deep.equal({
            sessionStorage: { mountPath: "/mnt/session" },
        });
        const efs = "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0";
        expect(
            filesystemConfiguration({
                kind: "efs",
                accessPointArn: efs,
                fileSystemId: "fs-0123456789abcdef0",
                mountPath: "/mnt/efs",
            }),
        ).to.deep.equal({ efsAccessPoint: { accessPointArn: efs, mountPath: "/mnt/efs" } });
        const s3 =
            "arn:aws:s3files:us-east-1:123456789012:file-system/fs-0fedcba9876543210/access-point/fsap-0fedcba9876543210";
        expect(filesystemConfiguration({ kind: "s3Files", accessPointArn: s3, mountPath: "/mnt/s3" })).to.deep.equal({
            s3FilesAccessPoint: { accessPointArn: s3, mountPath: "/mnt/s3" },
        });
    });

    it("a managed private endpoint puts the identity provider's resource gateway in the runtime's VPC", () => {
        const withIdp = {
            ...runtime,
            authorizer: {
                discoveryUrl: "https://idp.corp.internal/.well-known/openid-configuration",
                allowedAudience: ["support"],
                allowedClients: [],
                allowedScopes: [],
                customClaims: [],
                privateEndpoint: {
                    kind: "managed",
                    endpointIpAddressType: "IPV4",
                    idpCidrs: [],
                    routingDomain: "idp.corp.internal",
                },
                privateEndpointOverrides: [],
            },
        } as unknown as RuntimeConfig;
        const path = { vpcId: "vpc-0abc", subnetIds: ["subnet-0a1", "subnet-0b2"], securityGroupIds: ["sg-0idp"] };
        const jwt = (args: { authorizerConfiguration?: unknown }) =>
            (args.authorizerConfiguration as { customJwtAuthorizer: { privateEndpoint: unknown } }).customJwtAuthorizer
                .privateEndpoint;
        const managed = {
            managedVpcResource: {
                vpcIdentifier: "vpc-0abc",
                subnetIds: ["subnet-0a1", "subnet-0b2"],
                securityGroupIds: ["sg-0idp"],
                endpointIpAddressType: "IPV4",
                routingDomain: "idp.corp.internal",
                tags: { Environment: "staging" },
            },
        };
        expect(
            jwt(nativeRuntimeArgs(withIdp, { ...wiring, identityProviderPath: path }, { Environment: "staging" })),
        ).to.deep.equal(managed);
        expect(
            jwt(classicRuntimeArgs(withIdp, { ...wiring, identityProviderPath: path }, { Environment: "staging" })),
        ).to.deep.equal(managed);
        // Near miss: no routing domain, no routingDomain field; no path, a clear error.
        const noDomain = JSON.parse(JSON.stringify(withIdp)) as {
            authorizer: { privateEndpoint: Record<string, unknown> };
        };
        delete noDomain.authorizer.privateEndpoint.routingDomain;
        expect(
            (
                jwt(
                    nativeRuntimeArgs(
                        noDomain as unknown as RuntimeConfig,
                        { ...wiring, identityProviderPath: path },
                        {},
                    ),
                ) as {
                    managedVpcResource: object;
                }
            ).managedVpcResource,
        ).to.not.have.property("routingDomain");
        expect(() => nativeRuntimeArgs(withIdp, wiring, {})).to.throw(
            "a managed private endpoint needs wiring.identityProviderPath (the VPC, agent subnets and identity-provider security group)",
        );
    });
});
