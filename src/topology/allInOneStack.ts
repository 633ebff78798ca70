/**
 * The all-in-one stack (`stackKind: all-in-one`, the default): network, security, artifacts,
 * runtimes, inbound access and monitoring in one stack, exactly as before the network and
 * agent kinds existed. Its outputs are a contract (README "Stack outputs").
 */
import * as pulumi from "@pulumi/pulumi";
import { AgentArtifacts } from "../artifact/artifacts";
import { AgentNetwork } from "../network/network";
import { AgentRuntime } from "../runtime/runtime";
import { AgentSecurity } from "../security/security";
import { RuntimeMonitoring } from "../observability/monitoring";
import { RuntimeInboundAccess } from "../inbound/inboundAccess";
import { RuntimeSecrets } from "../secrets/secrets";
import { deployerGuardrailDocument } from "../security/deployerGuardrail";
import { StackConfig } from "../config";
import { AgentCapacity } from "../compute/capacityProvider";
import { stackComponentName } from "../aws/naming";

export function allInOneStack(config: StackConfig): Record<string, unknown> {
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
        // An adopted VPC's endpoints serve the workloads already in it, which this stack's own
        // models and buckets do not describe: the data perimeter then (docs/network.md#adopting-a-vpc).
        dataPerimeter: config.network.mode === "existing",
        // NFS egress for file systems, the identity-provider path, the secretsmanager endpoint.
        runtimes: config.runtimes,
    });

    // Instances: the capacity provider in the same agent subnets and runtime security group a
    // microVM runtime would use.
    const capacity =
        config.compute.type === "instances"
            ? new AgentCapacity(name, {
                  stack: config.stack,
                  compute: config.compute,
                  subnetIds: network.agentSubnetIds,
                  securityGroupIds: [network.runtimeSecurityGroupId],
                  protect: config.protect,
                  tags: config.tags,
              })
            : undefined;

    // Secrets the runtimes read by ARN: never their values in the runtime's environment. Only
    // when some runtime has secrets, so a stack without them plans exactly as before.
    const secrets = config.runtimes.some((r) => Object.keys(r.secrets).length > 0)
        ? new RuntimeSecrets(name, {
              runtimes: config.runtimes,
              secretValues: config.secretValues,
              kmsKeyArn: security.kmsKeyArn,
              roleName: security.executionRoleName,
              environment: config.environment,
              protect: config.protect,
              tags: config.tags,
          })
        : undefined;

    const agentRuntimes = config.runtimes.map(
        (runtime) =>
            new AgentRuntime(`${name}-${runtime.name}`, {
                runtime,
                artifact: artifacts.runtimeArtifacts[runtime.name],
                provider: config.runtimeProvider,
                roleArn: security.executionRoleArn,
                subnetIds: network.agentSubnetIds,
                securityGroupIds: [network.runtimeSecurityGroupId],
                // A managed private endpoint's resource gateway: the runtime's own VPC and subnets.
                identityProviderPath: {
                    vpcId: network.vpcId,
                    subnetIds: network.agentSubnetIds,
                    securityGroupIds: [network.identityProviderSecurityGroupId],
                },
                secretArns: secrets?.secretArns[runtime.name],
                capacityProviderArn: capacity?.arn,
                sizing: config.sizing,
                observability: { tracing: config.tracing, environment: config.environment },
                protect: config.protect,
                tags: config.tags,
                // AgentCore checks artifact access with the role at create time, and the image or
                // code is fetched through the endpoints: all must exist before the runtime.
                dependsOn: [
                    ...security.rolePolicies,
                    ...artifacts.accessPolicies,
                    ...(secrets?.policies ?? []),
                    ...network.endpoints,
                    // On Instances the provider (after its operator role policy) comes first.
                    ...(capacity ? [capacity.provider] : []),
                ],
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
    const environment = config.environment;
    const sizing = { cpu: config.sizing.cpu, memory: config.sizing.memory };
    const vpcId = network.vpcId;
    const agentSubnetIds = network.agentSubnetIds;
    const runtimeSecurityGroupId = network.runtimeSecurityGroupId;
    const endpointSecurityGroupId = network.endpointSecurityGroupId;
    /** The private identity-provider path's security group ("" without a managed private endpoint): the IdP admits TCP 443 from it. */
    const identityProviderSecurityGroupId = network.identityProviderSecurityGroupId;
    const vpcEndpointIds = network.vpcEndpointIds;
    const executionRoleArn = security.executionRoleArn;
    const executionRoleName = security.executionRoleName;
    const kmsKeyArn = security.kmsKeyArn;
    /** Keyed by configured runtime name: arn, id, version, endpoint name → ARN, and the artifact it runs. */
    const runtimes = pulumi.output(
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
    /** `microvm`, or `instances` with the capacity provider's ARN and the allowed instance types. */
    const compute =
        config.compute.type === "instances"
            ? {
                  type: "instances",
                  capacityProviderArn: capacity?.arn,
                  instanceTypes: [...config.compute.instanceTypes],
              }
            : { type: "microvm" };
    const alarmTopicArn = monitoring.alarmTopicArn;
    const dashboardName = monitoring.dashboardName;
    const alarmNames = monitoring.alarmNames;
    /** Keyed by configured runtime name: the stack-owned application and usage log groups. */
    const logGroupNames = monitoring.logGroupNames;
    /** JSON IAM policy for the deploy role: runtimes only in this stack's subnets and security group. */
    const deployerGuardrailPolicy = pulumi
        .all([network.agentSubnetIds, network.runtimeSecurityGroupId])
        .apply(([subnetIds, securityGroupId]) =>
            JSON.stringify(deployerGuardrailDocument({ subnetIds, securityGroupIds: [securityGroupId] })),
        );
    return {
        environment,
        sizing,
        vpcId,
        agentSubnetIds,
        runtimeSecurityGroupId,
        endpointSecurityGroupId,
        identityProviderSecurityGroupId,
        vpcEndpointIds,
        executionRoleArn,
        executionRoleName,
        kmsKeyArn,
        runtimes,
        compute,
        alarmTopicArn,
        dashboardName,
        alarmNames,
        logGroupNames,
        deployerGuardrailPolicy,
    };
}
