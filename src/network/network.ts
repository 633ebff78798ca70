/**
 * The private network the agents run in: a VPC with private subnets pinned by AZ ID (or an
 * adopted VPC), the runtime and endpoint security groups, the PrivateLink endpoints the
 * runtimes need with no internet path, and flow logs. See docs/network.md.
 */
import * as aws from "../providers/aws";
import * as pulumi from "@pulumi/pulumi";
import { S3_GATEWAY_SERVICE, endpointServiceName } from "../aws/agentcore";
import { RuntimeConfig } from "../config/types";
import type { NetworkConfig } from "./config";
import { SECRETS_MANAGER_SERVICE } from "../aws/agentcore";
import { awsContextOutput } from "../aws/context";
import { endpointPlans } from "./vpcEndpoints";
import { endpointPolicy } from "./vpcEndpointPolicies";
import { flowLogDeliveryPolicy, flowLogTrustPolicy } from "./flowLogPolicies";
import { tracingEgressWarning } from "../observability/tracingEgress";
import { adoptedEndpointsWarning, ignoredNetworkKeysWarning } from "./adoptionWarning";
import {
    RulePeer,
    SECURITY_GROUP_DESCRIPTIONS,
    SECURITY_GROUP_NAMES,
    SecurityGroupRole,
    capabilityPaths,
    securityGroupRules,
} from "./securityGroupRules";
import { COMPONENTS } from "../aws/tokens";
import { FLOW_LOG_GROUP_PREFIX } from "../aws/naming";

export interface AgentNetworkArgs {
    /** Validated network config: mode, CIDRs, AZ IDs or the adopted VPC, endpoint settings. Required. */
    readonly network: NetworkConfig;
    /** AWS region of the stack, one of SUPPORTED_AZ_IDS; names endpoint services. Required. */
    readonly region: string;
    /** Retention of the flow-log group, in days (a CloudWatch-accepted value). Required. */
    readonly logRetentionDays: number;
    /** The stack KMS key that encrypts the flow-log group. Required. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** Protect and retain the flow-log group on delete. Required (false in development). */
    readonly protect: boolean;
    /** Tags for every taggable resource; a Name tag is added per resource. Default: none. */
    readonly tags: Readonly<Record<string, string>>;
    /** Model and inference-profile ARNs the bedrock-runtime endpoint policy admits. Default: none. */
    readonly modelArns?: readonly string[];
    /** Configured container images; ECR endpoint policies admit their repositories. Default: none. */
    readonly imageUris?: readonly string[];
    /** The stack's code buckets the S3 gateway endpoint policy admits (direct code deployment). Default: none. */
    readonly codeBucketArns?: pulumi.Input<string>[];
    /** AWS Organizations ID whose callers the bedrock-agentcore endpoints admit. Default: this account only. */
    readonly organizationId?: string;
    /** Config `tracing`: with it on, a missing xray endpoint is warned about. Default: false. */
    readonly tracing?: boolean;
    /** Data-perimeter endpoint policies for every agent stack of the account (network stacks). Default: false. */
    readonly dataPerimeter?: boolean;
    /**
     * The runtimes, for the paths their capabilities need: NFS egress for file systems, the
     * identity-provider security group for a managed private endpoint, a secretsmanager
     * endpoint for secrets. Default: none.
     */
    readonly runtimes?: readonly RuntimeConfig[];
}

export class AgentNetwork extends pulumi.ComponentResource {
    public readonly vpcId: pulumi.Output<string>;
    /** Agent subnet IDs; consumers also wait for the subnets' route-table associations. */
    public readonly agentSubnetIds: pulumi.Output<string[]>;
    /** Runtime SG ID; consumers also wait for its egress rules. */
    public readonly runtimeSecurityGroupId: pulumi.Output<string>;
    /** The identity-provider path's SG (managed private endpoints); "" when no runtime has one. */
    public readonly identityProviderSecurityGroupId: pulumi.Output<string>;
    /** "" when createEndpoints is false: no endpoint SG is created then. */
    public readonly endpointSecurityGroupId: pulumi.Output<string>;
    /** Service suffix (`ecr.api`, `s3`, ...) → VPC endpoint ID; {} when createEndpoints is false. */
    public readonly vpcEndpointIds: pulumi.Output<Record<string, string>>;
    /** The VPC endpoint resources, so runtimes can dependsOn them. */
    public readonly endpoints: pulumi.Resource[];

    constructor(name: string, args: AgentNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENTS.network, name, {}, opts);
        const { network, region } = args;
        const child = { parent: this };
        const tagged = (role: string) => ({ ...args.tags, Name: `${name}-${role}` });
        const egressWarning = tracingEgressWarning({
            tracing: args.tracing ?? false,
            createEndpoints: network.createEndpoints,
            endpointServices: network.endpointServices,
        });
        if (egressWarning) {
            void pulumi.log.warn(egressWarning, this);
        }
        for (const warning of [adoptedEndpointsWarning(network, region), ignoredNetworkKeysWarning(network)]) {
            if (warning) {
                void pulumi.log.warn(warning, this);
            }
        }
        // Decided from plain config up front, so preview sees every resource.
        const runtimes = args.runtimes ?? [];
        const rules = securityGroupRules(network, capabilityPaths(runtimes));
        // Secrets are read through Secrets Manager's endpoint: no path leaves the VPC.
        if (!network.createEndpoints && runtimes.some((r) => Object.keys(r.secrets).length > 0)) {
            void pulumi.log.warn(
                "runtimes read secrets, and another stack owns this VPC's endpoints (createEndpoints false): that stack must have a secretsmanager interface endpoint, or the agents cannot read them",
                this,
            );
        }
        const endpointNetwork = runtimes.some((r) => Object.keys(r.secrets).length > 0)
            ? { ...network, endpointServices: [...network.endpointServices, SECRETS_MANAGER_SERVICE] }
            : network;
        const needsVpcCidr = rules.some((r) => r.peer.kind === "vpcCidr");

        // ---- VPC, subnets and route tables (create mode), or the adopted VPC's IDs. ----
        let vpcId: pulumi.Output<string>;
        /** Only set when a rule targets the VPC CIDR (createEndpoints false). */
        let vpcCidr: pulumi.Input<string> | undefined;
        let subnetIds: pulumi.Input<string>[];
        let routeTableIds: pulumi.Input<string>[];
        /** Resources the subnets are not usable without (their route-table associations). */
        let subnetReadiness: pulumi.CustomResource[] = [];

        if (network.mode === "create") {
            const vpc = new aws.ec2.Vpc(
                `${name}-vpc`,
                {
                    cidrBlock: network.vpcCidr,
                    // Private DNS of interface endpoints, required by AgentCore VPC mode.
                    enableDnsSupport: true,
                    enableDnsHostnames: true,
                    tags: tagged("vpc"),
                },
                child,
            );
            vpcId = vpc.id;
            vpcCidr = network.vpcCidr;

            // AWS gives a new VPC a default SG that admits its own members and allows all
            // egress; owning it with no rules strips them, so nothing can fall back on it.
            new aws.ec2.DefaultSecurityGroup(
                `${name}-default-sg`,
                { vpcId: vpc.id, tags: tagged("default-sg") },
                child,
            );

            const subnets: aws.ec2.Subnet[] = [];
            const routeTables: aws.ec2.RouteTable[] = [];
            const associations: aws.ec2.RouteTableAssociation[] = [];
            network.agentSubnetCidrs.forEach((cidr, i) => {
                // Pinned by zone ID: AgentCore supports only some zone IDs, and zone names
                // map to different IDs in each account.
                const azId = network.availabilityZoneIds[i];
                const role = `agent-${azId}`;
                const subnet = new aws.ec2.Subnet(
                    `${name}-${role}`,
                    {
                        vpcId: vpc.id,
                        cidrBlock: cidr,
                        availabilityZoneId: azId,
                        mapPublicIpOnLaunch: false,
                        tags: tagged(role),
                    },
                    child,
                );
                // No `routes` argument on purpose: an empty list would make Pulumi delete
                // the S3 route that the gateway endpoint adds. The table has only the local
                // route: no internet or NAT gateway exists to route to.
                const table = new aws.ec2.RouteTable(
                    `${name}-${role}-routes`,
                    { vpcId: vpc.id, tags: tagged(`${role}-routes`) },
                    child,
                );
                associations.push(
                    new aws.ec2.RouteTableAssociation(
                        `${name}-${role}-routes`,
                        { subnetId: subnet.id, routeTableId: table.id },
                        child,
                    ),
                );
                subnets.push(subnet);
                routeTables.push(table);
            });
            subnetIds = subnets.map((s) => s.id);
            routeTableIds = routeTables.map((t) => t.id);
            subnetReadiness = associations;

            this.createFlowLogs(name, vpc, args, tagged);
        } else {
            // Adopt: nothing that exists is created or managed here; flow logs, if any,
            // belong to the VPC's owner.
            const existing = network.existingVpc;
            if (!existing) {
                throw new pulumi.ResourceError(
                    "network.mode is existing but network.existingVpc is missing (config validation should have caught this)",
                    this,
                );
            }
            vpcId = pulumi.output(existing.vpcId);
            // The primary CIDR of the adopted VPC, where the owning stack's endpoints live.
            vpcCidr = needsVpcCidr ? aws.ec2.getVpcOutput({ id: existing.vpcId }, child).cidrBlock : undefined;
            subnetIds = [...existing.subnetIds];
            routeTableIds = [...existing.routeTableIds];
        }

        // ---- Security groups and their rules (standalone rule resources only). ----
        // One SG per role the rule table uses: no endpoint SG when there are no endpoints.
        const groups = new Map<SecurityGroupRole, aws.ec2.SecurityGroup>();
        for (const role of new Set(rules.map((r) => r.group))) {
            groups.set(
                role,
                new aws.ec2.SecurityGroup(
                    `${name}-${SECURITY_GROUP_NAMES[role]}`,
                    { vpcId, description: SECURITY_GROUP_DESCRIPTIONS[role], tags: tagged(SECURITY_GROUP_NAMES[role]) },
                    child,
                ),
            );
        }
        const groupId = (role: SecurityGroupRole): pulumi.Output<string> => {
            const group = groups.get(role);
            if (!group) {
                throw new pulumi.ResourceError(
                    `AgentNetwork ${name}: no ${role} security group in this configuration`,
                    this,
                );
            }
            return group.id;
        };
        const s3PrefixListId = aws.ec2.getPrefixListOutput(
            { name: endpointServiceName(region, S3_GATEWAY_SERVICE) },
            child,
        ).id;
        const peerArgs = (peer: RulePeer) => {
            switch (peer.kind) {
                case "securityGroup":
                    return { referencedSecurityGroupId: groupId(peer.group) };
                case "cidr":
                    return { cidrIpv4: peer.cidr };
                case "externalSecurityGroup":
                    return { referencedSecurityGroupId: peer.id };
                case "vpcCidr":
                    return { cidrIpv4: vpcCidr };
                case "s3PrefixList":
                    return { prefixListId: s3PrefixListId };
            }
        };
        const ruleResources: Record<SecurityGroupRole, pulumi.CustomResource[]> = {
            runtime: [],
            endpoint: [],
            identityProvider: [],
        };
        for (const rule of rules) {
            const ruleArgs = {
                securityGroupId: groupId(rule.group),
                ipProtocol: rule.protocol,
                fromPort: rule.port,
                toPort: rule.port,
                description: rule.description,
                ...peerArgs(rule.peer),
                tags: tagged(rule.role),
            };
            ruleResources[rule.group].push(
                rule.direction === "ingress"
                    ? new aws.vpc.SecurityGroupIngressRule(`${name}-${rule.role}`, ruleArgs, child)
                    : new aws.vpc.SecurityGroupEgressRule(`${name}-${rule.role}`, ruleArgs, child),
            );
        }

        // ---- VPC endpoints (only when this stack owns them). ----
        const plans = endpointPlans(region, endpointNetwork);
        // Every endpoint gets a policy: without one it allows full access to its service, from
        // this VPC to any account's resources (src/network/vpcEndpointPolicies.ts).
        const policyInput = pulumi
            .all([awsContextOutput(this), pulumi.all(args.codeBucketArns ?? [])])
            .apply(([ctx, codeBucketArns]) => ({
                ...ctx,
                modelArns: args.modelArns ?? [],
                imageUris: args.imageUris ?? [],
                codeBucketArns,
                organizationId: args.organizationId,
                dataPerimeter: args.dataPerimeter ?? false,
            }));
        const policyFor = (service: string) =>
            policyInput.apply((input) => JSON.stringify(endpointPolicy(service, input)));
        const endpointIds: Record<string, pulumi.Output<string>> = {};
        const endpoints: aws.ec2.VpcEndpoint[] = [];
        for (const plan of plans.interfaces) {
            const endpoint = new aws.ec2.VpcEndpoint(
                `${name}-${plan.role}`,
                {
                    vpcId,
                    serviceName: plan.serviceName,
                    vpcEndpointType: "Interface",
                    privateDnsEnabled: true,
                    // One ENI per agent subnet, so every zone resolves the service locally.
                    subnetIds,
                    securityGroupIds: [groupId("endpoint")],
                    policy: policyFor(plan.service),
                    tags: tagged(plan.role),
                },
                // An endpoint is not usable until its SG admits the runtimes.
                { ...child, dependsOn: ruleResources.endpoint },
            );
            endpointIds[plan.service] = endpoint.id;
            endpoints.push(endpoint);
        }
        if (plans.gateway) {
            const gateway = new aws.ec2.VpcEndpoint(
                `${name}-${plans.gateway.role}`,
                {
                    vpcId,
                    serviceName: plans.gateway.serviceName,
                    vpcEndpointType: "Gateway",
                    routeTableIds,
                    policy: policyFor(plans.gateway.service),
                    tags: tagged(plans.gateway.role),
                },
                child,
            );
            endpointIds[plans.gateway.service] = gateway.id;
            endpoints.push(gateway);
        }

        // ---- Outputs. ----
        this.vpcId = vpcId;
        // The IDs carry the associations / egress rules as dependencies, so a runtime that
        // takes them is created only once its subnets route to S3 and its SG allows 443.
        this.agentSubnetIds = withDependencies(pulumi.all(subnetIds), subnetReadiness);
        this.runtimeSecurityGroupId = withDependencies(groupId("runtime"), ruleResources.runtime);
        this.endpointSecurityGroupId = groups.has("endpoint") ? groupId("endpoint") : pulumi.output("");
        this.identityProviderSecurityGroupId = groups.has("identityProvider")
            ? withDependencies(groupId("identityProvider"), ruleResources.identityProvider)
            : pulumi.output("");
        this.vpcEndpointIds = pulumi.output(endpointIds);
        this.endpoints = endpoints;

        this.registerOutputs({
            vpcId: this.vpcId,
            agentSubnetIds: this.agentSubnetIds,
            runtimeSecurityGroupId: this.runtimeSecurityGroupId,
            endpointSecurityGroupId: this.endpointSecurityGroupId,
            identityProviderSecurityGroupId: this.identityProviderSecurityGroupId,
            vpcEndpointIds: this.vpcEndpointIds,
        });
    }

    /** VPC flow logs (all traffic) into a KMS-encrypted log group, via a least-privilege role. */
    private createFlowLogs(
        name: string,
        vpc: aws.ec2.Vpc,
        args: AgentNetworkArgs,
        tagged: (role: string) => Record<string, string>,
    ): void {
        const child = { parent: this };
        const logGroup = new aws.cloudwatch.LogGroup(
            `${name}-flow-logs`,
            {
                name: `${FLOW_LOG_GROUP_PREFIX}${name}`,
                kmsKeyId: args.kmsKeyArn,
                retentionInDays: args.logRetentionDays,
                tags: tagged("flow-logs"),
            },
            // Network evidence outlives a stack teardown when the stack is protected.
            args.protect ? { ...child, protect: true, retainOnDelete: true } : child,
        );
        const role = new aws.iam.Role(
            `${name}-flow-logs-role`,
            {
                description: `Delivers the VPC flow logs of ${name} to its log group`,
                assumeRolePolicy: awsContextOutput(this).apply((ctx) => JSON.stringify(flowLogTrustPolicy(ctx))),
                tags: tagged("flow-logs-role"),
            },
            child,
        );
        const delivery = new aws.iam.RolePolicy(
            `${name}-flow-logs-delivery`,
            { role: role.name, policy: logGroup.arn.apply((arn) => JSON.stringify(flowLogDeliveryPolicy(arn))) },
            child,
        );
        new aws.ec2.FlowLog(
            `${name}-flow-log`,
            {
                vpcId: vpc.id,
                trafficType: "ALL",
                logDestinationType: "cloud-watch-logs",
                logDestination: logGroup.arn,
                iamRoleArn: role.arn,
                tags: tagged("flow-log"),
            },
            // Delivery starts at once: the role must already be allowed to write.
            { ...child, dependsOn: [delivery] },
        );
    }
}

/** The value of `output`, carrying `resources` as dependencies for whoever consumes it. */
function withDependencies<T>(output: pulumi.Output<T>, resources: pulumi.CustomResource[]): pulumi.Output<T> {
    if (resources.length === 0) {
        return output;
    }
    return pulumi.all([output, pulumi.all(resources.map((r) => r.id))]).apply(([value]) => value as T);
}
