/**
 * Maps one configured runtime onto each provider's resource inputs. Pure functions typed
 * with the providers' own Args, so the compiler rejects any property a resource lacks
 * (there is no CPU or memory property: the budget only appears as tags).
 */
import * as aws from "../providers/aws";
import * as awsNative from "../providers/awsNative";
import * as pulumi from "@pulumi/pulumi";
import { CodeRuntime } from "../artifact/config";
import {
    FilesystemConfig,
    JwtAuthorizerConfig,
    PrivateEndpointConfig,
    RuntimeConfig,
    SizingBudget,
} from "../config/types";
import { observabilityEnvironment } from "../observability/facts";

/**
 * The artifact as the runtime consumes it, made by the AgentArtifact component: an image
 * URI (configured, or the built image by digest) or a code object version. The kind is
 * decided from plain config; only the values may come from other resources.
 */
export type DeployedArtifact =
    | { readonly kind: "container"; readonly containerUri: pulumi.Input<string> }
    | {
          readonly kind: "code";
          readonly bucket: pulumi.Input<string>;
          /** The object key of the zip (both providers call it `prefix`). */
          readonly key: pulumi.Input<string>;
          /** The object version: a new upload makes a new runtime version, an unchanged one none. */
          readonly versionId: pulumi.Input<string>;
          readonly runtime: CodeRuntime;
          readonly entryPoint: readonly string[];
      };

/** Resources the runtime attaches to, coming from the network, security and artifact components. */
export interface RuntimeWiring {
    readonly artifact: DeployedArtifact;
    readonly roleArn: pulumi.Input<string>;
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    readonly securityGroupIds: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Where a managed private endpoint (authorizer.privateEndpoint.managed) puts its VPC Lattice
     * resource gateway: the VPC and agent subnets the runtime uses, behind the identity-provider
     * security group. Required when the runtime has one; unused otherwise.
     */
    readonly identityProviderPath?: {
        readonly vpcId: pulumi.Input<string>;
        readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
        readonly securityGroupIds: pulumi.Input<pulumi.Input<string>[]>;
    };
    /** Env var name → ARN of the secret it names (runtimes[i].secrets). Default: none. */
    readonly secretArns?: Readonly<Record<string, pulumi.Input<string>>>;
    /**
     * Instances: the capacity provider the runtime runs on. The runtime then has no
     * networkConfiguration (AWS rejects it): it inherits the provider's subnets and security
     * group. Only aws-native has it (config refuses the classic provider with Instances).
     */
    readonly capacityProviderArn?: pulumi.Input<string>;
    /**
     * Instances: the provider's persistent volumes the runtime mounts by name
     * (`filesystemConfigurations[].capacityProviderVolume`). Default: none.
     */
    readonly capacityProviderVolumes?: readonly { readonly name: string; readonly mountPath: string }[];
}

/** Tags for a runtime: the stack's, plus the sizing budget it is held to and its name. */
export function runtimeTags(
    runtime: RuntimeConfig,
    sizing: SizingBudget,
    tags: Readonly<Record<string, string>>,
): Record<string, string> {
    return {
        ...tags,
        AgentRuntime: runtime.name,
        CpuBudget: String(sizing.cpu),
        MemoryBudgetMiB: String(sizing.memory),
    };
}

/** How the runtime is observed: decides the ADOT variables added to its environment. */
export interface RuntimeObservability {
    /** Tracing on: AWS's documented ADOT variables are set (src/observability/facts.ts). Default: false. */
    readonly tracing: boolean;
    /** The stack's environment, recorded as `deployment.environment` on every span. */
    readonly environment: string;
}

/**
 * The user's variables plus, with tracing on, the ADOT ones. Config rejects a user variable
 * that shares a name with them, so neither silently wins. An empty map round-trips as null
 * in AgentCore, so an empty environment is omitted.
 */
export function environmentVariables(
    runtime: RuntimeConfig,
    observability?: RuntimeObservability,
    secretArns: Readonly<Record<string, pulumi.Input<string>>> = {},
): Record<string, pulumi.Input<string>> | undefined {
    const merged = {
        ...runtime.environment,
        // The secret's ARN, never its value: the agent reads the value with its role.
        ...secretArns,
        ...(observability
            ? observabilityEnvironment(runtime.runtimeName, observability.environment, observability.tracing)
            : {}),
    };
    return Object.keys(merged).length > 0 ? merged : undefined;
}

/** The inputs both providers name and shape alike: identity, role, VPC mode, environment, tags. */
function sharedRuntimeArgs(
    runtime: RuntimeConfig,
    wiring: RuntimeWiring,
    tags: Record<string, string>,
    observability?: RuntimeObservability,
) {
    return {
        agentRuntimeName: runtime.runtimeName,
        description: runtime.description,
        roleArn: wiring.roleArn,
        networkConfiguration: {
            networkMode: "VPC" as const,
            networkModeConfig: { subnets: wiring.subnetIds, securityGroups: wiring.securityGroupIds },
        },
        environmentVariables: environmentVariables(runtime, observability, wiring.secretArns),
        tags,
        // Both providers name and shape the file system entries alike.
        ...(runtime.filesystems.length > 0 && {
            filesystemConfigurations: runtime.filesystems.map(filesystemConfiguration),
        }),
    };
}

/** One `filesystemConfigurations` entry: exactly one member set, as both providers require. */
export function filesystemConfiguration(fs: FilesystemConfig) {
    switch (fs.kind) {
        case "sessionStorage":
            return { sessionStorage: { mountPath: fs.mountPath } };
        case "efs":
            return { efsAccessPoint: { accessPointArn: fs.accessPointArn, mountPath: fs.mountPath } };
        case "s3Files":
            return { s3FilesAccessPoint: { accessPointArn: fs.accessPointArn, mountPath: fs.mountPath } };
    }
}

/** The authorizer's path to a private IdP; both providers share this shape. */
function privateEndpoint(endpoint: PrivateEndpointConfig, wiring: RuntimeWiring, tags: Record<string, string>) {
    if (endpoint.kind === "selfManaged") {
        return { selfManagedLatticeResource: { resourceConfigurationIdentifier: endpoint.resourceConfiguration } };
    }
    const path = wiring.identityProviderPath;
    if (!path) {
        throw new Error(
            "a managed private endpoint needs wiring.identityProviderPath (the VPC, agent subnets and identity-provider security group)",
        );
    }
    return {
        managedVpcResource: {
            vpcIdentifier: path.vpcId,
            subnetIds: path.subnetIds,
            securityGroupIds: path.securityGroupIds,
            endpointIpAddressType: endpoint.endpointIpAddressType,
            ...(endpoint.routingDomain !== undefined && { routingDomain: endpoint.routingDomain }),
            tags,
        },
    };
}

/** The 2026 authorizer fields, named alike by both providers (only the audience list differs). */
function jwtExtras(auth: JwtAuthorizerConfig, wiring: RuntimeWiring, tags: Record<string, string>) {
    return {
        ...(auth.allowedScopes.length > 0 && { allowedScopes: [...auth.allowedScopes] }),
        ...(auth.privateEndpoint && { privateEndpoint: privateEndpoint(auth.privateEndpoint, wiring, tags) }),
        ...(auth.privateEndpointOverrides.length > 0 && {
            privateEndpointOverrides: auth.privateEndpointOverrides.map((o) => ({
                domain: o.domain,
                privateEndpoint: privateEndpoint(o.privateEndpoint, wiring, tags),
            })),
        }),
    };
}

/** The authorizer's list names: aws-native's are singular, classic's plural. */
const NATIVE_LIST_NAMES = { audience: "allowedAudience", claimValues: "matchValueStringList" } as const;
const CLASSIC_LIST_NAMES = { audience: "allowedAudiences", claimValues: "matchValueStringLists" } as const;

/** `customJwtAuthorizer`, which both providers shape alike but for the names of two lists. */
function customJwtAuthorizer<Audience extends string>(
    auth: JwtAuthorizerConfig,
    wiring: RuntimeWiring,
    tags: Record<string, string>,
    names: { readonly audience: Audience; readonly claimValues: string },
) {
    return {
        discoveryUrl: auth.discoveryUrl,
        ...({ [names.audience]: nonEmpty(auth.allowedAudience) } as Record<Audience, string[] | undefined>),
        allowedClients: nonEmpty(auth.allowedClients),
        ...jwtExtras(auth, wiring, tags),
        ...customClaimsArgs(auth, names.claimValues),
    };
}

/** `customClaims`: aws-native calls the list `matchValueStringList`, classic `matchValueStringLists`. */
function claimMatchValue(value: string | readonly string[], listField: string) {
    return typeof value === "string" ? { matchValueString: value } : { [listField]: [...value] };
}

/** The custom claim rules in both providers' shape; only the list field's name differs. */
function customClaimsArgs(authorizer: NonNullable<RuntimeConfig["authorizer"]>, listField: string) {
    return (
        authorizer.customClaims.length > 0 && {
            customClaims: authorizer.customClaims.map((c) => ({
                inboundTokenClaimName: c.claim,
                inboundTokenClaimValueType: c.valueType,
                authorizingClaimMatchValue: {
                    claimMatchOperator: c.operator,
                    claimMatchValue: claimMatchValue(c.value, listField),
                },
            })),
        }
    );
}

/** Inputs of `aws-native:bedrockagentcore:Runtime` (the CloudFormation resource). */
export function nativeRuntimeArgs(
    runtime: RuntimeConfig,
    wiring: RuntimeWiring,
    tags: Record<string, string>,
    observability?: RuntimeObservability,
): awsNative.bedrockagentcore.RuntimeArgs {
    const a = wiring.artifact;
    const shared = sharedRuntimeArgs(runtime, wiring, tags, observability);
    return {
        ...shared,
        ...(wiring.capacityProviderArn !== undefined
            ? {
                  networkConfiguration: undefined,
                  capacityProviderConfiguration: { capacityProviderArn: wiring.capacityProviderArn },
                  // Config refuses other file systems on Instances: only the provider's volumes.
                  ...((wiring.capacityProviderVolumes ?? []).length > 0 && {
                      filesystemConfigurations: (wiring.capacityProviderVolumes ?? []).map((v) => ({
                          capacityProviderVolume: { volumeName: v.name, mountPath: v.mountPath },
                      })),
                  }),
              }
            : {}),
        agentRuntimeArtifact:
            a.kind === "container"
                ? { containerConfiguration: { containerUri: a.containerUri } }
                : { codeConfiguration: { ...codeSource(a), entryPoint: [...a.entryPoint] } },
        protocolConfiguration: runtime.protocol,
        lifecycleConfiguration: {
            idleRuntimeSessionTimeout: runtime.idleTimeoutSeconds,
            maxLifetime: runtime.maxLifetimeSeconds,
        },
        authorizerConfiguration: runtime.authorizer && {
            customJwtAuthorizer: customJwtAuthorizer(runtime.authorizer, wiring, tags, NATIVE_LIST_NAMES),
        },
        requestHeaderConfiguration: nonEmpty(runtime.requestHeaders) && {
            requestHeaderAllowlist: [...runtime.requestHeaders],
        },
    };
}

/** Inputs of the classic `aws.bedrock.AgentcoreAgentRuntime` (Terraform-bridged) resource. */
export function classicRuntimeArgs(
    runtime: RuntimeConfig,
    wiring: RuntimeWiring,
    tags: Record<string, string>,
    observability?: RuntimeObservability,
): aws.bedrock.AgentcoreAgentRuntimeArgs {
    const a = wiring.artifact;
    return {
        ...sharedRuntimeArgs(runtime, wiring, tags, observability),
        // Classic calls the entry point list entryPoints.
        agentRuntimeArtifact:
            a.kind === "container"
                ? { containerConfiguration: { containerUri: a.containerUri } }
                : { codeConfiguration: { ...codeSource(a), entryPoints: [...a.entryPoint] } },
        // Classic wraps the protocol in an object and the lifecycle in a one-element list.
        protocolConfiguration: { serverProtocol: runtime.protocol },
        lifecycleConfigurations: [
            { idleRuntimeSessionTimeout: runtime.idleTimeoutSeconds, maxLifetime: runtime.maxLifetimeSeconds },
        ],
        authorizerConfiguration: runtime.authorizer && {
            customJwtAuthorizer: customJwtAuthorizer(runtime.authorizer, wiring, tags, CLASSIC_LIST_NAMES),
        },
        requestHeaderConfiguration: nonEmpty(runtime.requestHeaders) && {
            requestHeaderAllowlists: [...runtime.requestHeaders],
        },
    };
}

/** Where the code zip is and what runs it: named alike by both providers (only the entry point list differs). */
function codeSource(a: Extract<DeployedArtifact, { kind: "code" }>) {
    return { code: { s3: { bucket: a.bucket, prefix: a.key, versionId: a.versionId } }, runtime: a.runtime };
}

function nonEmpty(list: readonly string[]): string[] | undefined {
    return list.length > 0 ? [...list] : undefined;
}
