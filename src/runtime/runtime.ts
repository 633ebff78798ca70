import * as aws from "../providers/aws";
import * as awsNative from "../providers/awsNative";
import * as pulumi from "@pulumi/pulumi";
import { RuntimeProvider } from "../aws/agentcore";
import { RuntimeConfig, SizingBudget } from "../config/types";
import {
    DeployedArtifact,
    RuntimeObservability,
    RuntimeWiring,
    classicRuntimeArgs,
    nativeRuntimeArgs,
    runtimeTags,
} from "./args";
import { COMPONENTS } from "../aws/tokens";

export interface AgentRuntimeArgs {
    /** The validated runtime config (name, protocol, lifecycle, authorizer, endpoints). */
    readonly runtime: RuntimeConfig;
    /** What the runtime runs, from the AgentArtifact component: an image URI or a code object version. */
    readonly artifact: DeployedArtifact;
    /** Which provider creates the resources. Default: "aws-native". */
    readonly provider?: RuntimeProvider;
    /** The execution role the runtime assumes. */
    readonly roleArn: pulumi.Input<string>;
    /** Private agent subnets the runtime's ENIs go into (VPC mode). */
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** Security groups of the runtime's ENIs. */
    readonly securityGroupIds: pulumi.Input<pulumi.Input<string>[]>;
    /** VPC, agent subnets and identity-provider SG for a managed private endpoint. Required with one. */
    readonly identityProviderPath?: RuntimeWiring["identityProviderPath"];
    /** Env var name → secret ARN (runtimes[i].secrets). Default: none. */
    readonly secretArns?: RuntimeWiring["secretArns"];
    /** Instances: the capacity provider's ARN (then no networkConfiguration). Default: microVMs. */
    readonly capacityProviderArn?: pulumi.Input<string>;
    /** Instances: the capacity provider's persistent volumes, each mounted at its path. Default: none. */
    readonly capacityProviderVolumes?: readonly { readonly name: string; readonly mountPath: string }[];
    /** The stack's per-session budget, recorded as tags (AgentCore has no CPU/memory setting). */
    readonly sizing: SizingBudget;
    /** Tracing on adds AWS's documented ADOT variables to the environment. Default: off. */
    readonly observability?: RuntimeObservability;
    /** Protect the runtime and its endpoints from deletion. Default: false. */
    readonly protect?: boolean;
    /** Tags for the runtime and its endpoints. Default: none. */
    readonly tags?: Readonly<Record<string, string>>;
    /**
     * Resources that must exist before the runtime: the role's policies (AgentCore checks ECR
     * access with the role at create time) and the VPC endpoints the image is pulled through.
     * Default: none.
     */
    readonly dependsOn?: readonly pulumi.Resource[];
}

/**
 * One AgentCore runtime in VPC mode and its version-pinned endpoints, through aws-native
 * (the CloudFormation resource) or the classic provider, with the same outputs either way.
 */
export class AgentRuntime extends pulumi.ComponentResource {
    /** The runtime's ARN. */
    public readonly arn: pulumi.Output<string>;
    /** The runtime's ID, `<runtimeName>-<10 characters>`. */
    public readonly id: pulumi.Output<string>;
    /** The latest version; each update creates a new immutable version. */
    public readonly version: pulumi.Output<string>;
    /** Endpoint name → endpoint ARN for the configured endpoints. */
    public readonly endpointArns: pulumi.Output<Record<string, string>>;
    /** The same, one Output per name, known when the component is built (for RuntimeInboundAccess). */
    public readonly endpointArnsByName: Readonly<Record<string, pulumi.Output<string>>>;

    constructor(name: string, args: AgentRuntimeArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENTS.runtime, name, {}, opts);
        const { runtime } = args;
        const tags = runtimeTags(runtime, args.sizing, args.tags ?? {});
        const usesManagedPath = [
            runtime.authorizer?.privateEndpoint,
            ...(runtime.authorizer?.privateEndpointOverrides ?? []).map((o) => o.privateEndpoint),
        ].some((e) => e?.kind === "managed");
        if (usesManagedPath && !args.identityProviderPath) {
            throw new pulumi.ResourceError(
                `${name}: authorizer.privateEndpoint.managed needs identityProviderPath (the VPC, agent subnets and identity-provider security group)`,
                this,
            );
        }
        const wiring: RuntimeWiring = {
            artifact: args.artifact,
            roleArn: args.roleArn,
            subnetIds: args.subnetIds,
            securityGroupIds: args.securityGroupIds,
            identityProviderPath: args.identityProviderPath,
            secretArns: args.secretArns,
            capacityProviderArn: args.capacityProviderArn,
            capacityProviderVolumes: args.capacityProviderVolumes,
        };
        const childOpts: pulumi.CustomResourceOptions = { parent: this, protect: args.protect ?? false };
        const runtimeOpts = { ...childOpts, dependsOn: [...(args.dependsOn ?? [])] };

        const native = (args.provider ?? "aws-native") === "aws-native";
        if (!native && args.capacityProviderArn !== undefined) {
            throw new pulumi.ResourceError(
                "Instances need the aws-native provider: the classic provider has no capacity provider",
                this,
            );
        }
        const resource = native
            ? new awsNative.bedrockagentcore.Runtime(
                  `${name}-runtime`,
                  nativeRuntimeArgs(runtime, wiring, tags, args.observability),
                  runtimeOpts,
              )
            : new aws.bedrock.AgentcoreAgentRuntime(
                  `${name}-runtime`,
                  classicRuntimeArgs(runtime, wiring, tags, args.observability),
                  runtimeOpts,
              );
        this.arn = resource.agentRuntimeArn;
        this.id = resource.agentRuntimeId;
        this.version = resource.agentRuntimeVersion;

        const endpointArns: Record<string, pulumi.Output<string>> = {};
        for (const endpoint of runtime.endpoints) {
            // Both providers' endpoint resources take the same inputs. The version is pinned on
            // purpose: the endpoint moves only when someone changes it in the stack file.
            const endpointArgs = {
                agentRuntimeId: resource.agentRuntimeId,
                name: endpoint.name,
                agentRuntimeVersion: endpoint.version,
                description: endpoint.description,
                tags,
            };
            const endpointName = `${name}-endpoint-${endpoint.name}`;
            const created = native
                ? new awsNative.bedrockagentcore.RuntimeEndpoint(endpointName, endpointArgs, childOpts)
                : new aws.bedrock.AgentcoreAgentRuntimeEndpoint(endpointName, endpointArgs, childOpts);
            endpointArns[endpoint.name] = created.agentRuntimeEndpointArn;
        }
        this.endpointArnsByName = endpointArns;
        this.endpointArns = pulumi.output(endpointArns);
        this.registerOutputs({ arn: this.arn, id: this.id, version: this.version, endpointArns: this.endpointArns });
    }
}
