import * as aws from "../providers/aws";
import * as awsNative from "../providers/awsNative";
import * as pulumi from "@pulumi/pulumi";
import { COMPONENTS } from "../aws/tokens";
import { awsContextOutput } from "../aws/context";
import { OPERATING_SYSTEM } from "./catalogue";
import { ComputeConfig } from "./config";
import { OPERATOR_MANAGED_POLICY_ARN, capacityProviderName } from "./documents";
import { capacityProviderArnPattern } from "../security/deployerGuardrail";

export type InstancesCompute = Extract<ComputeConfig, { type: "instances" }>;

export interface AgentCapacityArgs {
    /** The stack name: the provider's AWS name is `agents_<stack>`. */
    readonly stack: string;
    readonly compute: InstancesCompute;
    /** The agent subnets: the same inputs a microVM runtime's networkConfiguration takes. */
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** The runtime security group. */
    readonly securityGroupIds: pulumi.Input<pulumi.Input<string>[]>;
    /** The operator role AgentCore assumes (AgentSecurity makes it, before the key that may admit it). */
    readonly operatorRole: { readonly arn: pulumi.Input<string>; readonly name: pulumi.Input<string> };
    /** The stack key: encrypts the persistent volumes. Required with `compute.volumes`. */
    readonly kmsKeyArn?: pulumi.Input<string>;
    readonly protect?: boolean;
    readonly tags?: Readonly<Record<string, string>>;
}

/** The provider's inputs (pure), typed by aws-native so a property the resource lacks fails to compile. */
export function capacityProviderArgs(
    args: AgentCapacityArgs,
    operatorRoleArn: pulumi.Input<string>,
): awsNative.bedrockagentcore.CapacityProviderArgs {
    const { compute } = args;
    return {
        // Set explicitly: aws-native's auto-name adds a hyphen, which AWS rejects.
        name: capacityProviderName(args.stack),
        description: `AgentCore Instances for stack ${args.stack}: ${compute.instanceTypes.join(", ")}`,
        permissionsConfiguration: { capacityProviderOperatorRoleArn: operatorRoleArn },
        computeConfiguration: {
            ec2Configuration: {
                launchTemplateSource: {
                    launchParameters: {
                        operatingSystem: OPERATING_SYSTEM[compute.architecture],
                        instanceRequirements: { allowedInstanceTypes: [...compute.instanceTypes] },
                    },
                },
                vpcConfiguration: { subnets: args.subnetIds, securityGroups: args.securityGroupIds },
                rootVolume: { encrypted: true },
                ...(compute.volumes.length > 0 && {
                    // Each session gets these, kept across stop and resume: gp3, the stack key.
                    volumes: compute.volumes.map((v) => ({
                        ebsConfiguration: {
                            name: v.name,
                            sizeGiB: v.sizeGiB,
                            volumeType: "gp3" as const,
                            encrypted: true,
                            kmsKeyId: args.kmsKeyArn,
                        },
                    })),
                }),
                lifecycleConfiguration: {
                    idleInstanceTimeout: compute.idleTimeoutSeconds,
                    maxLifetime: compute.maxLifetimeSeconds,
                },
            },
        },
        tags: Object.entries(args.tags ?? {}).map(([key, value]) => ({ key, value })),
    };
}

/**
 * The Instances compute of a stack: the AWS-documented managed policy on the operator role
 * AgentCore assumes (AgentSecurity makes the role) and the capacity provider in the agent
 * subnets with the runtime security group, its persistent volumes on the stack key. No
 * instance profile: AgentCore uses one only for system logs and documents it as optional.
 * Name, permissions and compute are create-only: a change replaces the provider, and the
 * runtimes with it (they depend on its ARN).
 */
export class AgentCapacity extends pulumi.ComponentResource {
    public readonly arn: pulumi.Output<string>;
    public readonly operatorRoleArn: pulumi.Output<string>;
    /** The provider's ARN as a pattern known before it exists (`…:capacity-provider/agents_<stack>-*`): what the guardrail admits. */
    public readonly arnPattern: pulumi.Output<string>;
    public readonly instanceTypes: readonly string[];
    public readonly provider: pulumi.Resource;

    constructor(name: string, args: AgentCapacityArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENTS.capacity, name, {}, opts);
        const context = awsContextOutput(this);
        const attachment = new aws.iam.RolePolicyAttachment(
            `${name}-operator-policy`,
            { role: args.operatorRole.name, policyArn: OPERATOR_MANAGED_POLICY_ARN },
            { parent: this },
        );
        const provider = new awsNative.bedrockagentcore.CapacityProvider(
            `${name}-capacity-provider`,
            capacityProviderArgs(args, args.operatorRole.arn),
            // AgentCore checks the operator role's rights when it creates the provider.
            { parent: this, protect: args.protect ?? false, dependsOn: [attachment] },
        );
        this.provider = provider;
        this.arn = provider.arn;
        this.operatorRoleArn = pulumi.output(args.operatorRole.arn);
        this.arnPattern = context.apply((c) => capacityProviderArnPattern(c, capacityProviderName(args.stack)));
        this.instanceTypes = args.compute.instanceTypes;
        this.registerOutputs({ arn: this.arn, operatorRoleArn: this.operatorRoleArn });
    }
}
