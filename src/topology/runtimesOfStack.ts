/**
 * What every stack with runtimes builds on top of its execution role and artifacts, the same
 * way in an all-in-one stack and an agent stack: the runtimes' secrets, the Instances capacity
 * provider, the runtimes, their inbound fence and their monitoring, and the outputs that
 * describe them. Only where the runtimes are placed differs (the stack's own network, or the
 * network stack's), so that comes in as `placement`.
 */
import * as pulumi from "@pulumi/pulumi";
import { AgentArtifacts } from "../artifact/artifacts";
import { AgentCapacity } from "../compute/capacityProvider";
import { capacityProviderName } from "../compute/documents";
import { StackConfig } from "../config";
import { RuntimeInboundAccess } from "../inbound/inboundAccess";
import { observabilitySettings } from "../observability/config";
import { RuntimeMonitoring } from "../observability/monitoring";
import { AgentRuntime, AgentRuntimeArgs } from "../runtime/runtime";
import { RuntimeSecrets } from "../secrets/secrets";
import { AgentSecurity } from "../security/security";
import { deployerGuardrailDocument } from "../security/deployerGuardrail";

/** Where the runtimes (and an Instances capacity provider) go, and what they wait for. */
export interface RuntimePlacementArgs {
    readonly vpcId: pulumi.Input<string>;
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    readonly securityGroupIds: pulumi.Input<pulumi.Input<string>[]>;
    /** The VPC endpoint of `bedrock-agentcore`, which the inbound fence admits. */
    readonly agentcoreEndpointId: pulumi.Input<string | undefined>;
    /** A managed private endpoint's resource gateway (all-in-one stacks only). Default: none. */
    readonly identityProviderPath?: AgentRuntimeArgs["identityProviderPath"];
    /**
     * What must exist before a runtime besides the role's grants: the stack's own VPC
     * endpoints, through which the image or code is fetched. Default: none (they exist already).
     */
    readonly endpoints?: readonly pulumi.Resource[];
    /** Who owns the account-level delivery policies. Default: the stack. */
    readonly deliveryPolicies?: "stack" | "account";
}

/** The operator role AgentSecurity made for an Instances stack. */
function operatorRoleOf(security: AgentSecurity): { arn: pulumi.Output<string>; name: pulumi.Output<string> } {
    if (!security.operatorRole) {
        throw new pulumi.ResourceError(
            "an Instances stack needs AgentSecurity's operator role (args.instances)",
            security,
        );
    }
    return { arn: security.operatorRole.arn, name: security.operatorRole.name };
}

/**
 * The stack's security (execution role, KMS key; on Instances the operator role) and what each
 * runtime runs with the role policies that read exactly that: the same in every stack kind.
 */
export function securityAndArtifacts(name: string, config: StackConfig) {
    const security = new AgentSecurity(name, {
        environment: config.environment,
        runtimes: config.runtimes,
        modelArns: config.modelArns,
        protect: config.protect,
        tags: config.tags,
        instances:
            config.compute.type === "instances"
                ? { providerName: capacityProviderName(config.stack), volumes: config.compute.volumes.length > 0 }
                : undefined,
    });
    const artifacts = new AgentArtifacts(name, {
        runtimes: config.runtimes,
        roleName: security.executionRoleName,
        kmsKeyArn: security.kmsKeyArn,
        environment: config.environment,
        protect: config.protect,
        tags: config.tags,
    });
    return { security, artifacts };
}

export function runtimesOfStack(
    name: string,
    config: StackConfig,
    security: AgentSecurity,
    artifacts: AgentArtifacts,
    placement: RuntimePlacementArgs,
) {
    // Instances: the capacity provider where a microVM runtime would be placed.
    const capacity =
        config.compute.type === "instances"
            ? new AgentCapacity(name, {
                  stack: config.stack,
                  compute: config.compute,
                  subnetIds: placement.subnetIds,
                  securityGroupIds: placement.securityGroupIds,
                  operatorRole: operatorRoleOf(security),
                  kmsKeyArn: security.kmsKeyArn,
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
                subnetIds: placement.subnetIds,
                securityGroupIds: placement.securityGroupIds,
                identityProviderPath: placement.identityProviderPath,
                secretArns: secrets?.secretArns[runtime.name],
                capacityProviderArn: capacity?.arn,
                capacityProviderVolumes: config.compute.type === "instances" ? config.compute.volumes : undefined,
                sizing: config.sizing,
                observability: { tracing: config.tracing, environment: config.environment },
                protect: config.protect,
                tags: config.tags,
                // AgentCore checks artifact access with the role at create time, and the image or
                // code is fetched through the endpoints: all must exist before the runtime. On
                // Instances the provider (after its operator role policy) comes first.
                dependsOn: [
                    ...security.rolePolicies,
                    ...artifacts.accessPolicies,
                    ...(secrets?.policies ?? []),
                    ...(placement.endpoints ?? []),
                    ...(capacity ? [capacity.provider] : []),
                ],
            }),
    );

    // Each runtime (and its endpoints) answers only to callers in the VPC.
    config.runtimes.forEach(
        (runtime, i) =>
            new RuntimeInboundAccess(`${name}-${runtime.name}`, {
                runtime,
                provider: config.runtimeProvider,
                runtimeArn: agentRuntimes[i].arn,
                endpointArns: agentRuntimes[i].endpointArnsByName,
                vpcId: placement.vpcId,
                agentcoreEndpointId: placement.agentcoreEndpointId,
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
        ...observabilitySettings(config),
        // Per-session vCPU/memory readings come from USAGE_LOGS, microVM-billed records AWS does
        // not confirm for Instances (billed per instance-hour, the instance type is the size):
        // on Instances no usage rules, per-session or usage-silence alarms (docs/instances.md).
        sessionInsights: config.sessionInsights && config.compute.type === "microvm",
        deliveryPolicies: placement.deliveryPolicies,
        protect: config.protect,
        tags: config.tags,
    });

    // ---- The outputs every stack with runtimes exports (README "Stack outputs"). ----
    return {
        /** Keyed by configured runtime name: arn, id, version, endpoint name → ARN, and the artifact it runs. */
        runtimes: pulumi.output(
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
        ),
        /** `microvm`, or `instances` with the capacity provider's ARN and the allowed instance types. */
        compute:
            config.compute.type === "instances"
                ? {
                      type: "instances",
                      capacityProviderArn: capacity?.arn,
                      instanceTypes: [...config.compute.instanceTypes],
                  }
                : { type: "microvm" },
        alarmTopicArn: monitoring.alarmTopicArn,
        dashboardName: monitoring.dashboardName,
        alarmNames: monitoring.alarmNames,
        /** Keyed by configured runtime name: the stack-owned application and usage log groups. */
        logGroupNames: monitoring.logGroupNames,
        /**
         * JSON IAM policy for the deploy role: runtimes only in this stack's subnets and
         * security group, and no capacity provider but the stack's own (none on microVMs).
         */
        deployerGuardrailPolicy: pulumi
            .all([placement.subnetIds, placement.securityGroupIds, capacity?.arnPattern])
            .apply(([subnetIds, securityGroupIds, capacityProviderArn]) =>
                JSON.stringify(deployerGuardrailDocument({ subnetIds, securityGroupIds, capacityProviderArn })),
            ),
    };
}
