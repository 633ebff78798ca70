/**
 * Maps one configured runtime onto each provider's resource inputs. Pure functions typed
 * with the providers' own Args, so the compiler rejects any property a resource lacks
 * (there is no CPU or memory property: the budget only appears as tags).
 */
import * as aws from "../providers/aws";
import * as awsNative from "../providers/awsNative";
import * as pulumi from "@pulumi/pulumi";
import { RuntimeConfig, SizingBudget } from "../config/types";

/** Resources the runtime attaches to, coming from the network and security components. */
export interface RuntimeWiring {
    readonly roleArn: pulumi.Input<string>;
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    readonly securityGroupIds: pulumi.Input<pulumi.Input<string>[]>;
}

/** Tags for a runtime: the stack's, plus the sizing budget it is held to and its name. */
export function runtimeTags(
    runtime: RuntimeConfig,
    sizing: SizingBudget,
    tags: Readonly<Record<string, string>>,
): Record<string, string> {
    return { ...tags, AgentRuntime: runtime.name, CpuBudget: String(sizing.cpu), MemoryBudgetMiB: String(sizing.memory) };
}

/** An empty map round-trips as null in AgentCore, so an empty environment is omitted. */
function environmentVariables(runtime: RuntimeConfig): Record<string, string> | undefined {
    return Object.keys(runtime.environment).length > 0 ? { ...runtime.environment } : undefined;
}

/** The inputs both providers name and shape alike: identity, image, role, VPC mode, environment, tags. */
function sharedRuntimeArgs(runtime: RuntimeConfig, wiring: RuntimeWiring, tags: Record<string, string>) {
    return {
        agentRuntimeName: runtime.runtimeName,
        description: runtime.description,
        agentRuntimeArtifact: { containerConfiguration: { containerUri: runtime.containerUri } },
        roleArn: wiring.roleArn,
        networkConfiguration: {
            networkMode: "VPC" as const,
            networkModeConfig: { subnets: wiring.subnetIds, securityGroups: wiring.securityGroupIds },
        },
        environmentVariables: environmentVariables(runtime),
        tags,
    };
}

/** Inputs of `aws-native:bedrockagentcore:Runtime` (the CloudFormation resource). */
export function nativeRuntimeArgs(
    runtime: RuntimeConfig,
    wiring: RuntimeWiring,
    tags: Record<string, string>,
): awsNative.bedrockagentcore.RuntimeArgs {
    return {
        ...sharedRuntimeArgs(runtime, wiring, tags),
        protocolConfiguration: runtime.protocol,
        lifecycleConfiguration: {
            idleRuntimeSessionTimeout: runtime.idleTimeoutSeconds,
            maxLifetime: runtime.maxLifetimeSeconds,
        },
        authorizerConfiguration: runtime.authorizer && {
            customJwtAuthorizer: {
                discoveryUrl: runtime.authorizer.discoveryUrl,
                allowedAudience: nonEmpty(runtime.authorizer.allowedAudience),
                allowedClients: nonEmpty(runtime.authorizer.allowedClients),
            },
        },
        requestHeaderConfiguration: nonEmpty(runtime.requestHeaders) && { requestHeaderAllowlist: [...runtime.requestHeaders] },
    };
}

/** Inputs of the classic `aws.bedrock.AgentcoreAgentRuntime` (Terraform-bridged) resource. */
export function classicRuntimeArgs(
    runtime: RuntimeConfig,
    wiring: RuntimeWiring,
    tags: Record<string, string>,
): aws.bedrock.AgentcoreAgentRuntimeArgs {
    return {
        ...sharedRuntimeArgs(runtime, wiring, tags),
        // Classic wraps the protocol in an object and the lifecycle in a one-element list.
        protocolConfiguration: { serverProtocol: runtime.protocol },
        lifecycleConfigurations: [
            { idleRuntimeSessionTimeout: runtime.idleTimeoutSeconds, maxLifetime: runtime.maxLifetimeSeconds },
        ],
        authorizerConfiguration: runtime.authorizer && {
            customJwtAuthorizer: {
                discoveryUrl: runtime.authorizer.discoveryUrl,
                allowedAudiences: nonEmpty(runtime.authorizer.allowedAudience),
                allowedClients: nonEmpty(runtime.authorizer.allowedClients),
            },
        },
        requestHeaderConfiguration: nonEmpty(runtime.requestHeaders) && { requestHeaderAllowlists: [...runtime.requestHeaders] },
    };
}

function nonEmpty(list: readonly string[]): string[] | undefined {
    return list.length > 0 ? [...list] : undefined;
}
