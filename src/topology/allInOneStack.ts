/**
 * The all-in-one stack (`stackKind: all-in-one`, the default): network, security, artifacts,
 * runtimes, inbound access and monitoring in one stack, exactly as before the network and
 * agent kinds existed. Its outputs are a contract (README "Stack outputs").
 */
import { AgentNetwork } from "../network/network";
import { StackConfig } from "../config";
import { stackComponentName } from "../aws/naming";
import { runtimesOfStack, securityAndArtifacts } from "./runtimesOfStack";
import { checkInstanceOfferings } from "../compute/offerings";

export async function allInOneStack(config: StackConfig): Promise<Record<string, unknown>> {
    const name = stackComponentName(config.stack);
    if (config.compute.type === "instances") {
        // Before anything is registered: EC2 offers every allowed type in every zone.
        await checkInstanceOfferings(
            config.stack,
            config.compute.instanceTypes,
            config.network.mode === "create"
                ? { availabilityZoneIds: config.network.availabilityZoneIds }
                : { subnetIds: config.network.existingVpc?.subnetIds ?? [] },
        );
    }

    const { security, artifacts } = securityAndArtifacts(name, config);

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

    const workload = runtimesOfStack(name, config, security, artifacts, {
        vpcId: network.vpcId,
        subnetIds: network.agentSubnetIds,
        securityGroupIds: [network.runtimeSecurityGroupId],
        agentcoreEndpointId: network.vpcEndpointIds.apply((ids) => ids["bedrock-agentcore"]),
        // A managed private endpoint's resource gateway: the runtime's own VPC and subnets.
        identityProviderPath: {
            vpcId: network.vpcId,
            subnetIds: network.agentSubnetIds,
            securityGroupIds: [network.identityProviderSecurityGroupId],
        },
        endpoints: network.endpoints,
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
        ...workload,
    };
}
