/**
 * Wiring only: read the validated config, build the components (security, artifacts,
 * network, runtimes, inbound access, monitoring), export the outputs contract. Every
 * decision lives in src/ (config, components, iam).
 */
import * as pulumi from "@pulumi/pulumi";
import { AgentArtifacts } from "./src/artifact/artifacts";
import { AgentNetwork } from "./src/network/network";
import { AgentRuntime } from "./src/runtime/runtime";
import { AgentSecurity } from "./src/security/security";
import { RuntimeMonitoring } from "./src/observability/monitoring";
import { RuntimeInboundAccess } from "./src/inbound/inboundAccess";
import { deployerGuardrailDocument } from "./src/security/deployerGuardrail";
import { loadConfig } from "./src/config";
import { stackComponentName } from "./src/aws/naming";

// Throws one error listing every config problem before any resource is registered.
const config = loadConfig();
const name = stackComponentName(config.stack);

const security = new AgentSecurity(name, {
    environment: config.environment,
    runtimes: config.runtimes,
    modelArns: config.modelArns,
    protect: config.protect,
    tags: config.tags,
});

// What each runtime runs (existing image, image built from source, or code) and the role
// policies that read exactly that.
const artifacts = new AgentArtifacts(name, {
    runtimes: config.runtimes,
    roleName: security.executionRoleName,
    kmsKeyArn: security.kmsKeyArn,
    environment: config.environment,
    protect: config.protect,
    tags: config.tags,
});

const network = new AgentNetwork(name, {
    network: config.network,
    region: config.region,
    logRetentionDays: config.logRetentionDays,
    kmsKeyArn: security.kmsKeyArn,
    protect: config.protect,
    tags: config.tags,
    // What the endpoint policies admit (src/network/vpcEndpointPolicies.ts).
    modelArns: config.modelArns,
    imageUris: config.runtimes.flatMap((r) => (r.artifact.kind === "container" ? [r.artifact.containerUri] : [])),
    codeBucketArns: artifacts.codeBucketArns,
    organizationId: config.organizationId,
    tracing: config.tracing,
});

const agentRuntimes = config.runtimes.map(
    (runtime) =>
        new AgentRuntime(`${name}-${runtime.name}`, {
            runtime,
            artifact: artifacts.runtimeArtifacts[runtime.name],
            provider: config.runtimeProvider,
            roleArn: security.executionRoleArn,
            subnetIds: network.agentSubnetIds,
            securityGroupIds: [network.runtimeSecurityGroupId],
            sizing: config.sizing,
            observability: { tracing: config.tracing, environment: config.environment },
            protect: config.protect,
            tags: config.tags,
            // AgentCore checks artifact access with the role at create time, and the image or
            // code is fetched through the endpoints: all must exist before the runtime.
            dependsOn: [...security.rolePolicies, ...artifacts.accessPolicies, ...network.endpoints],
        }),
);

// Each runtime (and its endpoints) answers only to callers in the stack's VPC.
config.runtimes.forEach(
    (runtime, i) =>
        new RuntimeInboundAccess(`${name}-${runtime.name}`, {
            runtime,
            provider: config.runtimeProvider,
            runtimeArn: agentRuntimes[i].arn,
            endpointArns: agentRuntimes[i].endpointArnsByName,
            vpcId: network.vpcId,
            agentcoreEndpointId: network.vpcEndpointIds.apply((ids) => ids["bedrock-agentcore"]),
        }),
);

const monitoring = new RuntimeMonitoring(name, {
    environment: config.environment,
    runtimes: config.runtimes.map((runtime, i) => ({
        name: runtime.name,
        runtimeArn: agentRuntimes[i].arn,
        runtimeId: agentRuntimes[i].id,
        endpointNames: runtime.endpoints.map((e) => e.name),
    })),
    sizing: config.sizing,
    kmsKeyArn: security.kmsKeyArn,
    alarmEmails: config.alarmEmails,
    logRetentionDays: config.logRetentionDays,
    tracing: config.tracing,
    transactionSearch: config.transactionSearch,
    protect: config.protect,
    tags: config.tags,
});

// ---- Stack outputs: a contract other stacks depend on (documented in the README). ----
export const environment = config.environment;
export const sizing = { cpu: config.sizing.cpu, memory: config.sizing.memory };
export const vpcId = network.vpcId;
export const agentSubnetIds = network.agentSubnetIds;
export const runtimeSecurityGroupId = network.runtimeSecurityGroupId;
export const endpointSecurityGroupId = network.endpointSecurityGroupId;
export const vpcEndpointIds = network.vpcEndpointIds;
export const executionRoleArn = security.executionRoleArn;
export const executionRoleName = security.executionRoleName;
export const kmsKeyArn = security.kmsKeyArn;
/** Keyed by configured runtime name: arn, id, version, endpoint name → ARN, and the artifact it runs. */
export const runtimes = pulumi.output(
    Object.fromEntries(
        agentRuntimes.map((runtime, i) => [
            config.runtimes[i].name,
            {
                arn: runtime.arn,
                id: runtime.id,
                version: runtime.version,
                endpoints: runtime.endpointArns,
                artifact: artifacts.outputs.apply((o) => o[config.runtimes[i].name]),
            },
        ]),
    ),
);
export const alarmTopicArn = monitoring.alarmTopicArn;
export const dashboardName = monitoring.dashboardName;
export const alarmNames = monitoring.alarmNames;
/** Keyed by configured runtime name: the stack-owned application and usage log groups. */
export const logGroupNames = monitoring.logGroupNames;
/** JSON IAM policy for the deploy role: runtimes only in this stack's subnets and security group. */
export const deployerGuardrailPolicy = pulumi
    .all([network.agentSubnetIds, network.runtimeSecurityGroupId])
    .apply(([subnetIds, securityGroupId]) =>
        JSON.stringify(deployerGuardrailDocument({ subnetIds, securityGroupIds: [securityGroupId] })),
    );
