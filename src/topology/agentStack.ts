/**
 * An agent stack (`stackKind: agent`): the runtimes, their execution role, artifacts, inbound
 * fence and monitoring, placed in the network stack named by `networkStack`, read through a
 * StackReference. It creates no VPC, subnet, security group, route or endpoint, and no
 * account-level singleton: destroying it never waits on network interfaces (docs/topology.md).
 *
 * The network stack's outputs are checked (./networkContract.ts) before anything but the
 * reference is registered: a missing output or a wrong shape is one clear error.
 */
import * as pulumi from "@pulumi/pulumi";
import { AgentArtifacts } from "../artifact/artifacts";
import { AgentRuntime } from "../runtime/runtime";
import { AgentSecurity } from "../security/security";
import { RuntimeMonitoring } from "../observability/monitoring";
import { RuntimeInboundAccess } from "../inbound/inboundAccess";
import { RuntimeSecrets } from "../secrets/secrets";
import { deployerGuardrailDocument } from "../security/deployerGuardrail";
import { ConfigValidationError, StackConfig } from "../config";
import { AgentCapacity } from "../compute/capacityProvider";
import { stackComponentName } from "../aws/naming";
import {
    NETWORK_OUTPUT_NAMES,
    NetworkFacts,
    agentNeedsProblems,
    checkNetworkOutputs,
    runtimePlacement,
} from "./networkContract";

/** Reads and checks the network stack's outputs; throws one ConfigValidationError listing every problem. */
export async function readNetworkStack(config: StackConfig, name: string): Promise<NetworkFacts> {
    const networkStack = config.networkStack as string;
    const reference = new pulumi.StackReference(`${name}-network`, { name: networkStack });
    const values: Record<string, unknown> = {};
    for (const output of NETWORK_OUTPUT_NAMES) {
        const details = await reference.getOutputDetails(output);
        values[output] = details.value ?? details.secretValue;
    }
    const checked = checkNetworkOutputs(networkStack, values, config.region);
    if (!checked.facts) {
        throw new ConfigValidationError(config.stack, checked.problems);
    }
    const needs = agentNeedsProblems(networkStack, checked.facts, config.runtimes);
    if (needs.length > 0) {
        throw new ConfigValidationError(config.stack, needs);
    }
    return checked.facts;
}

export async function agentStack(config: StackConfig): Promise<Record<string, unknown>> {
    const name = stackComponentName(config.stack);
    const network = await readNetworkStack(config, name);
    const placement = runtimePlacement(network);

    const security = new AgentSecurity(name, {
        environment: config.environment,
        runtimes: config.runtimes,
        modelArns: config.modelArns,
        protect: config.protect,
        tags: config.tags,
    });
    const artifacts = new AgentArtifacts(name, {
        runtimes: config.runtimes,
        roleName: security.executionRoleName,
        kmsKeyArn: security.kmsKeyArn,
        environment: config.environment,
        protect: config.protect,
        tags: config.tags,
    });
    // Secrets the runtimes read by ARN, through the network stack's secretsmanager endpoint.
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
    // Instances: the capacity provider in the network stack's agent subnets and runtime
    // security group (the same placement a microVM runtime gets).
    const capacity =
        config.compute.type === "instances"
            ? new AgentCapacity(name, {
                  stack: config.stack,
                  compute: config.compute,
                  subnetIds: [...placement.subnetIds],
                  securityGroupIds: [...placement.securityGroupIds],
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
                subnetIds: [...placement.subnetIds],
                securityGroupIds: [...placement.securityGroupIds],
                secretArns: secrets?.secretArns[runtime.name],
                capacityProviderArn: capacity?.arn,
                sizing: config.sizing,
                observability: { tracing: config.tracing, environment: config.environment },
                protect: config.protect,
                tags: config.tags,
                // The endpoints already exist (network stack); the role's grants must.
                dependsOn: [
                    ...security.rolePolicies,
                    ...artifacts.accessPolicies,
                    ...(secrets?.policies ?? []),
                    ...(capacity ? [capacity.provider] : []),
                ],
            }),
    );
    config.runtimes.forEach(
        (runtime, i) =>
            new RuntimeInboundAccess(`${name}-${runtime.name}`, {
                runtime,
                provider: config.runtimeProvider,
                runtimeArn: agentRuntimes[i].arn,
                endpointArns: agentRuntimes[i].endpointArnsByName,
                vpcId: network.vpcId,
                agentcoreEndpointId: network.vpcEndpointIds["bedrock-agentcore"],
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
        sessionInsights: config.sessionInsights,
        // The network stack's AccountSingletons own the delivery policies and Transaction Search.
        deliveryPolicies: "account",
        protect: config.protect,
        tags: config.tags,
    });

    return {
        stackKind: "agent",
        networkStack: config.networkStack,
        environment: config.environment,
        sizing: { cpu: config.sizing.cpu, memory: config.sizing.memory },
        vpcId: network.vpcId,
        executionRoleArn: security.executionRoleArn,
        executionRoleName: security.executionRoleName,
        kmsKeyArn: security.kmsKeyArn,
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
        logGroupNames: monitoring.logGroupNames,
        deployerGuardrailPolicy: JSON.stringify(
            deployerGuardrailDocument({
                subnetIds: [...placement.subnetIds],
                securityGroupIds: [...placement.securityGroupIds],
            }),
        ),
    };
}
