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
import { ConfigValidationError, StackConfig } from "../config";
import { stackComponentName } from "../aws/naming";
import { runtimesOfStack, securityAndArtifacts } from "./runtimesOfStack";
import { checkInstanceOfferings } from "../compute/offerings";
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
    if (config.compute.type === "instances") {
        // The network stack's subnets exist: their zones are looked up by ID.
        await checkInstanceOfferings(config.stack, config.compute.instanceTypes, { subnetIds: placement.subnetIds });
    }

    const { security, artifacts } = securityAndArtifacts(name, config);
    const workload = runtimesOfStack(name, config, security, artifacts, {
        vpcId: network.vpcId,
        subnetIds: [...placement.subnetIds],
        securityGroupIds: [...placement.securityGroupIds],
        agentcoreEndpointId: network.vpcEndpointIds["bedrock-agentcore"],
        // The endpoints already exist (network stack); the network stack's AccountSingletons
        // own the delivery policies and Transaction Search.
        deliveryPolicies: "account",
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
        ...workload,
    };
}
