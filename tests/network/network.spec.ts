import { expect } from "chai";
import { AgentNetwork } from "../../src/network/network";
import { StackConfig } from "../../src/config";
import { endpointPlans, endpointRole, interfaceEndpointServices } from "../../src/network/vpcEndpoints";
import { flowLogDeliveryPolicy, flowLogTrustPolicy } from "../../src/network/flowLogPolicies";
import { SECURITY_GROUP_DESCRIPTIONS, cidrSlug, securityGroupRules } from "../../src/network/securityGroupRules";
import * as pulumi from "@pulumi/pulumi";
import { ProgramRun, RecordedResource, STACKS, configOf, ofType, one, promiseOf, runComponent } from "../helpers";
import { REQUIRED_ENDPOINT_SERVICES } from "./requirements";

const T = {
    vpc: "aws:ec2/vpc:Vpc",
    subnet: "aws:ec2/subnet:Subnet",
    routeTable: "aws:ec2/routeTable:RouteTable",
    association: "aws:ec2/routeTableAssociation:RouteTableAssociation",
    sg: "aws:ec2/securityGroup:SecurityGroup",
    defaultSg: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    egress: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    endpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    flowLog: "aws:ec2/flowLog:FlowLog",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    component: "agentcore:network:AgentNetwork",
};
/** Types that would give the agents an internet path; none may ever appear. */
const INTERNET_TYPES = [
    "aws:ec2/internetGateway:InternetGateway",
    "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway",
    "aws:ec2/natGateway:NatGateway",
    "aws:ec2/eip:Eip",
    "aws:ec2/route:Route",
    "aws:ec2/internetGatewayAttachment:InternetGatewayAttachment",
];
/** Resources that take no tags. */
const UNTAGGABLE = [T.association, T.rolePolicy];
/** Characters EC2 accepts in security group and rule descriptions. */
const EC2_DESCRIPTION = /^[a-zA-Z0-9 ._\-:/()#,@[\]+=;{}!$*]{1,255}$/;
const KMS_KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9";

const EXISTING = {
    vpcId: "vpc-0a1b2c3d4e5f60718",
    subnetIds: ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
    routeTableIds: ["rtb-0a1b2c3d4e5f60718", "rtb-0f1e2d3c4b5a69788"],
    availabilityZoneIds: undefined,
};

interface Built {
    readonly run: ProgramRun;
    readonly net: AgentNetwork;
    readonly name: string;
    readonly config: StackConfig;
    /** A stand-in consumer of the outputs, as a runtime would be. */
    readonly probe: RecordedResource;
}

/** Stands in for a runtime: a resource that takes the subnet and SG IDs as inputs. */
class Consumer extends pulumi.CustomResource {
    constructor(name: string, props: pulumi.Inputs) {
        super("test:index:Consumer", name, props);
    }
}

async function build(config: StackConfig): Promise<Built> {
    const name = `agentcore-${config.stack}`;
    let net: AgentNetwork | undefined;
    const run = await runComponent(
        () => {
            net = new AgentNetwork(name, {
                network: config.network,
                region: config.region,
                logRetentionDays: config.logRetentionDays,
                kmsKeyArn: KMS_KEY_ARN,
                protect: config.protect,
                tags: config.tags,
            });
            new Consumer("probe", {
                subnetIds: net.agentSubnetIds,
                securityGroupIds: [net.runtimeSecurityGroupId],
            });
        },
        { stack: config.stack, region: config.region },
    );
    if (run.error || !net) {
        throw run.error ?? new Error("component not built");
    }
    return { run, net, name, config, probe: one(run, "test:index:Consumer") };
}

const ids = (rs: RecordedResource[]) => rs.map((r) => r.id);
const interfaceEndpoints = (run: ProgramRun) =>
    ofType(run, T.endpoint).filter((e) => e.inputs.vpcEndpointType === "Interface");
const gatewayEndpoints = (run: ProgramRun) =>
    ofType(run, T.endpoint).filter((e) => e.inputs.vpcEndpointType === "Gateway");
/** The S3 prefix list the program looked up (checking it asked for the region's S3 list). */
const s3PrefixListId = (run: ProgramRun, region: string): string => {
    const lookups = run.invokes.filter((i) => i.token === "aws:ec2/getPrefixList:getPrefixList");
    expect(lookups.map((i) => i.inputs.name)).to.deep.equal([`com.amazonaws.${region}.s3`]);
    const id = String(one(run, T.egress, "-runtime-egress-s3").inputs.prefixListId);
    expect(id).to.match(/^pl-[0-9a-f]{8}$/);
    return id;
};

/** Invariants every configuration must satisfy, whatever the mode. */
function assertNoInternetPath(run: ProgramRun): void {
    for (const type of INTERNET_TYPES) {
        expect(ofType(run, type), type).to.have.length(0);
    }
    for (const r of run.resources) {
        const text = JSON.stringify(r.inputs);
        expect(text, `${r.name} mentions 0.0.0.0/0`).not.to.include("0.0.0.0/0");
        expect(text, `${r.name} mentions ::/0`).not.to.include("::/0");
    }
    for (const table of ofType(run, T.routeTable)) {
        // Absent, not []: an empty list would make Pulumi delete the S3 gateway's route.
        expect(table.inputs, table.name).not.to.have.property("routes");
    }
}

function assertRulesTight(run: ProgramRun): void {
    const rules = [...ofType(run, T.ingress), ...ofType(run, T.egress)];
    expect(rules.length).to.be.greaterThan(0);
    for (const rule of rules) {
        expect(rule.inputs.ipProtocol, rule.name).to.equal("tcp");
        expect(rule.inputs.fromPort, rule.name).to.equal(443);
        expect(rule.inputs.toPort, rule.name).to.equal(443);
        expect(rule.inputs.cidrIpv6, rule.name).to.equal(undefined);
        expect(String(rule.inputs.description), rule.name).to.match(EC2_DESCRIPTION);
        const peers = ["cidrIpv4", "referencedSecurityGroupId", "prefixListId"].filter(
            (k) => rule.inputs[k] !== undefined,
        );
        expect(peers, `${rule.name} has exactly one peer`).to.have.length(1);
    }
    for (const sg of ofType(run, T.sg)) {
        expect(String(sg.inputs.description), sg.name).to.match(EC2_DESCRIPTION);
        // Rules live only in the standalone rule resources.
        expect(sg.inputs.ingress ?? [], sg.name).to.deep.equal([]);
        expect(sg.inputs.egress ?? [], sg.name).to.deep.equal([]);
    }
}

function assertTagsAndParents(b: Built): void {
    const component = one(b.run, T.component);
    for (const r of b.run.resources.filter((x) => x.custom && x.type !== "test:index:Consumer")) {
        expect(r.parent, `${r.name} parent`).to.equal(component.urn);
        expect(r.name.startsWith(`${b.name}-`), r.name).to.equal(true);
        if (UNTAGGABLE.includes(r.type)) {
            continue;
        }
        const tags = r.inputs.tags as Record<string, string> | undefined;
        expect(tags, `${r.name} tags`).to.include(b.config.tags);
        expect(tags?.Name, `${r.name} Name tag`).to.equal(r.name);
    }
}

describe("network: pure helpers", () => {
    describe("interfaceEndpointServices", () => {
        it("lists the required services first, then the extras, each once", () => {
            const services = interfaceEndpointServices({
                createEndpoints: true,
                endpointServices: ["bedrock-runtime", "logs", "sts", "bedrock-runtime"],
            });
            expect(services).to.deep.equal([...REQUIRED_ENDPOINT_SERVICES, "bedrock-runtime", "sts"]);
        });
        it("never makes S3 an interface endpoint (it is the gateway endpoint)", () => {
            expect(interfaceEndpointServices({ createEndpoints: true, endpointServices: ["s3"] })).not.to.include("s3");
        });
        it("is empty when another stack owns the endpoints", () => {
            expect(interfaceEndpointServices({ createEndpoints: false, endpointServices: ["sts"] })).to.deep.equal([]);
        });
    });

    describe("endpointPlans", () => {
        it("names services for the region and gives readable, stable roles", () => {
            const plans = endpointPlans("eu-west-1", { createEndpoints: true, endpointServices: ["bedrock-runtime"] });
            expect(plans.interfaces.map((p) => p.serviceName)).to.deep.equal([
                "com.amazonaws.eu-west-1.bedrock-agentcore",
                "com.amazonaws.eu-west-1.bedrock-agentcore.gateway",
                "com.amazonaws.eu-west-1.ecr.api",
                "com.amazonaws.eu-west-1.ecr.dkr",
                "com.amazonaws.eu-west-1.logs",
                "com.amazonaws.eu-west-1.bedrock-runtime",
            ]);
            expect(plans.interfaces.map((p) => p.role)).to.deep.equal([
                "vpce-bedrock-agentcore",
                "vpce-bedrock-agentcore-gateway",
                "vpce-ecr-api",
                "vpce-ecr-dkr",
                "vpce-logs",
                "vpce-bedrock-runtime",
            ]);
            expect(plans.gateway).to.deep.equal({
                service: "s3",
                serviceName: "com.amazonaws.eu-west-1.s3",
                role: "vpce-s3",
            });
        });
        it("plans nothing, not even S3, when createEndpoints is false", () => {
            const plans = endpointPlans("us-east-1", { createEndpoints: false, endpointServices: [] });
            expect(plans.interfaces).to.deep.equal([]);
            expect(plans.gateway).to.equal(undefined);
        });
        it("refuses two services that would share a logical name", () => {
            expect(endpointRole("ecr.api")).to.equal(endpointRole("ecr-api"));
            expect(() => endpointPlans("us-east-1", { createEndpoints: true, endpointServices: ["ecr-api"] })).to.throw(
                /"ecr.api" and "ecr-api" would both be named vpce-ecr-api/,
            );
        });
    });

    describe("securityGroupRules", () => {
        it("with endpoints: runtime egress to the endpoint SG and S3, endpoint ingress from the runtime SG and each client CIDR", () => {
            const rules = securityGroupRules({
                createEndpoints: true,
                endpointClientCidrs: ["10.30.8.0/22", "10.30.12.0/22"],
            });
            expect(rules.map((r) => [r.role, r.group, r.direction, r.peer])).to.deep.equal([
                ["runtime-egress-endpoints", "runtime", "egress", { kind: "securityGroup", group: "endpoint" }],
                ["runtime-egress-s3", "runtime", "egress", { kind: "s3PrefixList" }],
                ["endpoint-ingress-runtime", "endpoint", "ingress", { kind: "securityGroup", group: "runtime" }],
                ["endpoint-ingress-client-10-30-8-0-22", "endpoint", "ingress", { kind: "cidr", cidr: "10.30.8.0/22" }],
                [
                    "endpoint-ingress-client-10-30-12-0-22",
                    "endpoint",
                    "ingress",
                    { kind: "cidr", cidr: "10.30.12.0/22" },
                ],
            ]);
        });
        it("gives the endpoint SG no egress and the runtime SG no ingress", () => {
            const rules = securityGroupRules({ createEndpoints: true, endpointClientCidrs: ["10.0.8.0/22"] });
            expect(rules.filter((r) => r.group === "endpoint").every((r) => r.direction === "ingress")).to.equal(true);
            expect(rules.filter((r) => r.group === "runtime").every((r) => r.direction === "egress")).to.equal(true);
        });
        it("without endpoints: no endpoint SG rules, runtime egress to the VPC CIDR and S3 only", () => {
            const rules = securityGroupRules({ createEndpoints: false, endpointClientCidrs: ["10.0.8.0/22"] });
            expect(rules.map((r) => [r.role, r.group, r.direction, r.peer])).to.deep.equal([
                ["runtime-egress-vpc", "runtime", "egress", { kind: "vpcCidr" }],
                ["runtime-egress-s3", "runtime", "egress", { kind: "s3PrefixList" }],
            ]);
        });
        it("keeps one rule per client CIDR even if one is repeated", () => {
            const rules = securityGroupRules({
                createEndpoints: true,
                endpointClientCidrs: ["10.0.8.0/22", "10.0.8.0/22"],
            });
            expect(rules.filter((r) => r.peer.kind === "cidr")).to.have.length(1);
        });
        it("uses only TCP 443 and descriptions EC2 accepts", () => {
            for (const createEndpoints of [true, false]) {
                for (const rule of securityGroupRules({ createEndpoints, endpointClientCidrs: ["10.0.8.0/22"] })) {
                    expect([rule.protocol, rule.port]).to.deep.equal(["tcp", 443]);
                    expect(rule.description, rule.role).to.match(EC2_DESCRIPTION);
                }
            }
            for (const description of Object.values(SECURITY_GROUP_DESCRIPTIONS)) {
                expect(description).to.match(EC2_DESCRIPTION);
            }
            expect(cidrSlug("10.30.8.0/22")).to.equal("10-30-8-0-22");
        });
    });

    describe("flow-log policies", () => {
        it("trusts only vpc-flow-logs, for this account's flow logs in this region", () => {
            const doc = flowLogTrustPolicy({ partition: "aws-cn", region: "cn-north-1", accountId: "210987654321" });
            expect(doc).to.deep.equal({
                Version: "2012-10-17",
                Statement: [
                    {
                        Sid: "AllowVpcFlowLogsFromThisAccount",
                        Effect: "Allow",
                        Principal: { Service: "vpc-flow-logs.amazonaws.com" },
                        Action: ["sts:AssumeRole"],
                        Condition: {
                            StringEquals: { "aws:SourceAccount": "210987654321" },
                            ArnLike: { "aws:SourceArn": "arn:aws-cn:ec2:cn-north-1:210987654321:vpc-flow-log/*" },
                        },
                    },
                ],
            });
        });
        it("allows only the delivery actions on the log group and its streams, and DescribeLogGroups where AWS authorizes it", () => {
            const arn = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/vpc/flow-logs/x";
            const expected = {
                Version: "2012-10-17",
                Statement: [
                    {
                        Sid: "DeliverVpcFlowLogs",
                        Effect: "Allow",
                        Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                        Resource: [arn, `${arn}:*`],
                    },
                    {
                        Sid: "FindFlowLogGroup",
                        Effect: "Allow",
                        Action: ["logs:DescribeLogGroups"],
                        Resource: "arn:aws:logs:us-east-1:123456789012:log-group:*",
                    },
                ],
            };
            expect(flowLogDeliveryPolicy(arn)).to.deep.equal(expected);
            // An ARN already ending in ":*" is not doubled.
            expect(flowLogDeliveryPolicy(`${arn}:*`)).to.deep.equal(expected);
        });
    });
});

describe("network: AgentNetwork, create mode, every stack file", () => {
    for (const stack of STACKS) {
        describe(stack, () => {
            let b: Built;
            before(async () => {
                b = await build(configOf(stack));
            });

            it("creates one DNS-enabled VPC with the configured CIDR and closes its default SG", () => {
                const vpc = one(b.run, T.vpc);
                expect(vpc.inputs).to.include({
                    cidrBlock: b.config.network.vpcCidr,
                    enableDnsSupport: true,
                    enableDnsHostnames: true,
                });
                const defaultSg = one(b.run, T.defaultSg);
                expect(defaultSg.inputs.vpcId).to.equal(vpc.id);
                expect(defaultSg.inputs.ingress ?? []).to.deep.equal([]);
                expect(defaultSg.inputs.egress ?? []).to.deep.equal([]);
            });

            it("pins one private subnet per CIDR to its AZ ID, each with its own route table", () => {
                const { agentSubnetCidrs, availabilityZoneIds } = b.config.network;
                const vpc = one(b.run, T.vpc);
                const subnets = ofType(b.run, T.subnet);
                expect(subnets).to.have.length(agentSubnetCidrs.length);
                agentSubnetCidrs.forEach((cidr, i) => {
                    const subnet = one(b.run, T.subnet, `-agent-${availabilityZoneIds[i]}`);
                    expect(subnet.inputs).to.include({
                        vpcId: vpc.id,
                        cidrBlock: cidr,
                        availabilityZoneId: availabilityZoneIds[i],
                        mapPublicIpOnLaunch: false,
                    });
                    expect(subnet.inputs.availabilityZone, "never pinned by AZ name").to.equal(undefined);
                    expect((subnet.inputs.tags as Record<string, string>).Name).to.equal(
                        `${b.name}-agent-${availabilityZoneIds[i]}`,
                    );
                });
                const tables = ofType(b.run, T.routeTable);
                const associations = ofType(b.run, T.association);
                expect(tables).to.have.length(subnets.length);
                expect(associations).to.have.length(subnets.length);
                expect(new Set(associations.map((a) => a.inputs.subnetId))).to.deep.equal(new Set(ids(subnets)));
                expect(new Set(associations.map((a) => a.inputs.routeTableId))).to.deep.equal(new Set(ids(tables)));
                tables.forEach((t) => expect(t.inputs.vpcId).to.equal(vpc.id));
            });

            it("has no internet gateway, NAT or route to 0.0.0.0/0 or ::/0", () => {
                assertNoInternetPath(b.run);
            });

            it("creates each required and configured interface endpoint once, in every agent subnet, with private DNS and the endpoint SG", () => {
                const expected = [...REQUIRED_ENDPOINT_SERVICES, ...b.config.network.endpointServices].map(
                    (s) => `com.amazonaws.${b.config.region}.${s}`,
                );
                const endpoints = interfaceEndpoints(b.run);
                expect(endpoints.map((e) => e.inputs.serviceName)).to.have.members(expected);
                expect(endpoints).to.have.length(expected.length);
                const subnetIds = ids(ofType(b.run, T.subnet));
                const endpointSg = one(b.run, T.sg, "-endpoint-sg");
                const ingressUrns = ofType(b.run, T.ingress).map((r) => r.urn);
                for (const e of endpoints) {
                    expect(e.inputs.privateDnsEnabled, e.name).to.equal(true);
                    expect(e.inputs.vpcId, e.name).to.equal(one(b.run, T.vpc).id);
                    expect(e.inputs.subnetIds, e.name).to.have.members(subnetIds).and.have.length(subnetIds.length);
                    expect(e.inputs.securityGroupIds, e.name).to.deep.equal([endpointSg.id]);
                    expect(e.inputs.routeTableIds, e.name).to.equal(undefined);
                    expect(e.dependencies, `${e.name} waits for its SG ingress rules`).to.include.members(ingressUrns);
                }
                expect(one(b.run, T.endpoint, "-vpce-ecr-api").inputs.serviceName).to.equal(
                    `com.amazonaws.${b.config.region}.ecr.api`,
                );
                expect(one(b.run, T.endpoint, "-vpce-bedrock-agentcore-gateway").inputs.serviceName).to.equal(
                    `com.amazonaws.${b.config.region}.bedrock-agentcore.gateway`,
                );
            });

            it("puts the S3 gateway endpoint on every agent route table", () => {
                const [gateway, ...others] = gatewayEndpoints(b.run);
                expect(others).to.have.length(0);
                expect(gateway.name).to.equal(`${b.name}-vpce-s3`);
                expect(gateway.inputs.serviceName).to.equal(`com.amazonaws.${b.config.region}.s3`);
                expect(gateway.inputs.routeTableIds).to.have.members(ids(ofType(b.run, T.routeTable)));
                expect(gateway.inputs.subnetIds).to.equal(undefined);
                expect(gateway.inputs.privateDnsEnabled).to.equal(undefined);
            });

            it("limits the runtime SG to 443 egress to the endpoint SG and the S3 prefix list", () => {
                assertRulesTight(b.run);
                const runtimeSg = one(b.run, T.sg, "-runtime-sg");
                const endpointSg = one(b.run, T.sg, "-endpoint-sg");
                expect(ofType(b.run, T.sg)).to.have.length(2);
                const egress = ofType(b.run, T.egress);
                expect(egress.every((r) => r.inputs.securityGroupId === runtimeSg.id)).to.equal(true);
                expect(egress.map((r) => r.inputs.referencedSecurityGroupId ?? r.inputs.prefixListId)).to.have.members([
                    endpointSg.id,
                    s3PrefixListId(b.run, b.config.region),
                ]);
            });

            it("limits the endpoint SG to 443 ingress from the runtime SG and the client CIDRs, with no egress", () => {
                const runtimeSg = one(b.run, T.sg, "-runtime-sg");
                const endpointSg = one(b.run, T.sg, "-endpoint-sg");
                const ingress = ofType(b.run, T.ingress);
                expect(ingress.every((r) => r.inputs.securityGroupId === endpointSg.id)).to.equal(true);
                expect(ingress.map((r) => r.inputs.referencedSecurityGroupId ?? r.inputs.cidrIpv4)).to.have.members([
                    runtimeSg.id,
                    ...b.config.network.endpointClientCidrs,
                ]);
                expect(
                    ofType(b.run, T.egress).filter((r) => r.inputs.securityGroupId === endpointSg.id),
                ).to.have.length(0);
            });

            it("sends all VPC traffic to a KMS-encrypted flow-log group through a least-privilege role", () => {
                const vpc = one(b.run, T.vpc);
                const group = one(b.run, T.logGroup);
                const role = one(b.run, T.role);
                const flowLog = one(b.run, T.flowLog);
                expect(group.inputs).to.include({
                    name: `/aws/vpc/flow-logs/${b.name}`,
                    kmsKeyId: KMS_KEY_ARN,
                    retentionInDays: b.config.logRetentionDays,
                });
                expect(flowLog.inputs).to.include({
                    vpcId: vpc.id,
                    trafficType: "ALL",
                    logDestinationType: "cloud-watch-logs",
                    logDestination: group.state.arn,
                    iamRoleArn: role.state.arn,
                });
                const trust = JSON.parse(String(role.inputs.assumeRolePolicy));
                expect(trust.Statement).to.have.length(1);
                expect(trust.Statement[0].Principal).to.deep.equal({ Service: "vpc-flow-logs.amazonaws.com" });
                expect(trust.Statement[0].Condition).to.deep.equal({
                    StringEquals: { "aws:SourceAccount": "123456789012" },
                    ArnLike: { "aws:SourceArn": `arn:aws:ec2:${b.config.region}:123456789012:vpc-flow-log/*` },
                });
                const policy = one(b.run, T.rolePolicy);
                expect(policy.inputs.role).to.equal(role.state.name);
                const doc = JSON.parse(String(policy.inputs.policy));
                expect(doc.Statement).to.have.length(2);
                expect(doc.Statement[0].Sid).to.be.a("string");
                // What the flow-log service writes with (AWS: "IAM role for publishing flow logs to CloudWatch Logs"), minus the group creation it does not need.
                expect(doc.Statement[0].Action).to.have.members([
                    "logs:CreateLogStream",
                    "logs:PutLogEvents",
                    "logs:DescribeLogStreams",
                ]);
                expect(doc.Statement[0].Resource).to.deep.equal([group.state.arn, `${group.state.arn}:*`]);
                expect(doc.Statement[1]).to.deep.include({
                    Action: ["logs:DescribeLogGroups"],
                    Resource: "arn:aws:logs:us-east-1:123456789012:log-group:*",
                });
                expect(flowLog.dependencies, "the flow log waits for its delivery policy").to.include(policy.urn);
            });

            it("protects and retains the flow-log group exactly when protect is set, and nothing else", () => {
                const group = one(b.run, T.logGroup);
                expect(group.protect).to.equal(b.config.protect);
                expect(group.retainOnDelete).to.equal(b.config.protect);
                const others = b.run.resources.filter((r) => r !== group && (r.protect || r.retainOnDelete));
                expect(others.map((r) => r.name)).to.deep.equal([]);
            });

            it("tags every taggable resource with the stack tags and a Name, all children of the component", () => {
                assertTagsAndParents(b);
            });

            it("resolves its outputs to the created resources", async () => {
                const endpointIds = Object.fromEntries(
                    ofType(b.run, T.endpoint).map((e) => [
                        String(e.inputs.serviceName).split(".").slice(3).join("."),
                        e.id,
                    ]),
                );
                expect(await promiseOf(b.net.vpcId)).to.equal(one(b.run, T.vpc).id);
                expect(await promiseOf(b.net.agentSubnetIds)).to.deep.equal(
                    b.config.network.availabilityZoneIds.map((az) => one(b.run, T.subnet, `-agent-${az}`).id),
                );
                expect(await promiseOf(b.net.runtimeSecurityGroupId)).to.equal(one(b.run, T.sg, "-runtime-sg").id);
                expect(await promiseOf(b.net.endpointSecurityGroupId)).to.equal(one(b.run, T.sg, "-endpoint-sg").id);
                const vpcEndpointIds = await promiseOf(b.net.vpcEndpointIds);
                expect(vpcEndpointIds).to.deep.equal(endpointIds);
                expect(Object.keys(vpcEndpointIds)).to.include.members([
                    "bedrock-agentcore",
                    "ecr.api",
                    "ecr.dkr",
                    "logs",
                    "s3",
                ]);
                expect(b.net.endpoints).to.have.length(ofType(b.run, T.endpoint).length);
            });

            it("makes consumers of the subnet and SG IDs wait for the route-table associations and egress rules", () => {
                const needed = [
                    ...ofType(b.run, T.association),
                    ...ofType(b.run, T.egress),
                    ...ofType(b.run, T.subnet),
                ].map((r) => r.urn);
                expect(b.probe.dependencies).to.include.members(needed);
                expect(b.probe.inputs.subnetIds).to.deep.equal(
                    b.config.network.availabilityZoneIds.map((az) => one(b.run, T.subnet, `-agent-${az}`).id),
                );
            });
        });
    }
});

describe("network: AgentNetwork, existing VPC", () => {
    let b: Built;
    before(async () => {
        b = await build(configOf("staging", EXISTING));
    });

    it("creates no VPC, subnet, route table, default SG or flow log", () => {
        for (const type of [
            T.vpc,
            T.subnet,
            T.routeTable,
            T.association,
            T.defaultSg,
            T.flowLog,
            T.logGroup,
            T.role,
            T.rolePolicy,
        ]) {
            expect(ofType(b.run, type), type).to.have.length(0);
        }
        assertNoInternetPath(b.run);
        expect(b.run.invokes.map((i) => i.token)).not.to.include("aws:ec2/getVpc:getVpc");
    });

    it("builds its SGs and endpoints in the adopted VPC, subnets and route tables", () => {
        for (const sg of ofType(b.run, T.sg)) {
            expect(sg.inputs.vpcId).to.equal(EXISTING.vpcId);
        }
        const endpoints = interfaceEndpoints(b.run);
        expect(endpoints).to.have.length(REQUIRED_ENDPOINT_SERVICES.length + b.config.network.endpointServices.length);
        for (const e of endpoints) {
            expect(e.inputs).to.include({ vpcId: EXISTING.vpcId, privateDnsEnabled: true });
            expect(e.inputs.subnetIds).to.deep.equal(EXISTING.subnetIds);
            expect(e.inputs.securityGroupIds).to.deep.equal([one(b.run, T.sg, "-endpoint-sg").id]);
        }
        const [gateway] = gatewayEndpoints(b.run);
        expect(gateway.inputs.routeTableIds).to.deep.equal(EXISTING.routeTableIds);
        assertRulesTight(b.run);
        assertTagsAndParents(b);
    });

    it("resolves its outputs to the adopted IDs", async () => {
        expect(await promiseOf(b.net.vpcId)).to.equal(EXISTING.vpcId);
        expect(await promiseOf(b.net.agentSubnetIds)).to.deep.equal(EXISTING.subnetIds);
        expect(Object.keys(await promiseOf(b.net.vpcEndpointIds))).to.have.length(ofType(b.run, T.endpoint).length);
    });
});

describe("network: AgentNetwork, createEndpoints false (endpoints shared from another stack)", () => {
    const sharedOverrides = { createEndpoints: false, endpointServices: undefined };

    it("in an adopted VPC: no endpoints, no endpoint SG, runtime egress 443 to the looked-up VPC CIDR and S3 only", async () => {
        const b = await build(configOf("staging", { ...EXISTING, ...sharedOverrides }));
        expect(ofType(b.run, T.endpoint)).to.have.length(0);
        expect(ofType(b.run, T.ingress)).to.have.length(0);
        const [runtimeSg, ...others] = ofType(b.run, T.sg);
        expect(others).to.have.length(0);
        expect(runtimeSg.name).to.equal(`${b.name}-runtime-sg`);
        assertRulesTight(b.run);
        const getVpc = b.run.invokes.filter((i) => i.token === "aws:ec2/getVpc:getVpc");
        expect(getVpc.map((i) => i.inputs.id)).to.deep.equal([EXISTING.vpcId]);
        const egress = ofType(b.run, T.egress);
        expect(egress.map((r) => r.inputs.cidrIpv4 ?? r.inputs.prefixListId)).to.have.members([
            "10.0.0.0/16",
            s3PrefixListId(b.run, "us-east-1"),
        ]);
        expect(await promiseOf(b.net.endpointSecurityGroupId)).to.equal("");
        expect(await promiseOf(b.net.vpcEndpointIds)).to.deep.equal({});
        expect(b.net.endpoints).to.deep.equal([]);
        expect(await promiseOf(b.net.runtimeSecurityGroupId)).to.equal(runtimeSg.id);
    });

    it("in a created VPC (a direct use; config rejects it): egress to the configured vpcCidr without any lookup", async () => {
        const base = configOf("development");
        const b = await build({ ...base, network: { ...base.network, createEndpoints: false, endpointServices: [] } });
        expect(ofType(b.run, T.endpoint)).to.have.length(0);
        expect(ofType(b.run, T.sg)).to.have.length(1);
        expect(b.run.invokes.map((i) => i.token)).not.to.include("aws:ec2/getVpc:getVpc");
        const egress = ofType(b.run, T.egress);
        expect(egress.map((r) => r.inputs.cidrIpv4).filter(Boolean)).to.deep.equal([b.config.network.vpcCidr]);
        assertNoInternetPath(b.run);
        assertRulesTight(b.run);
    });
});

describe("network: AgentNetwork in another region (eu-west-1)", () => {
    let b: Built;
    before(async () => {
        b = await build(
            configOf("development", {
                "aws:region": "eu-west-1",
                "aws-native:region": "eu-west-1",
                availabilityZoneIds: ["euw1-az1", "euw1-az3"],
                // Models in the stack's region: config refuses ARNs left in another one.
                modelArns: ["arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0"],
                runtimes: [
                    {
                        name: "support_agent",
                        containerUri: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/agents/support-agent:1.5.0",
                    },
                ],
            }),
        );
    });

    it("names every endpoint service com.amazonaws.eu-west-1.* and looks up the eu-west-1 S3 prefix list", () => {
        const names = ofType(b.run, T.endpoint).map((e) => String(e.inputs.serviceName));
        expect(names).to.have.length(REQUIRED_ENDPOINT_SERVICES.length + 1 + 1);
        for (const n of names) {
            expect(n).to.match(/^com\.amazonaws\.eu-west-1\./);
        }
        s3PrefixListId(b.run, "eu-west-1");
    });

    it("pins the subnets to the configured euw1 AZ IDs", () => {
        expect(ofType(b.run, T.subnet).map((s) => s.inputs.availabilityZoneId)).to.have.members([
            "euw1-az1",
            "euw1-az3",
        ]);
        expect(ofType(b.run, T.subnet).map((s) => s.state.availabilityZone)).to.have.members([
            "eu-west-1a",
            "eu-west-1c",
        ]);
    });

    it("scopes the flow-log trust to eu-west-1", () => {
        const trust = JSON.parse(String(one(b.run, T.role).inputs.assumeRolePolicy));
        expect(trust.Statement[0].Condition.ArnLike["aws:SourceArn"]).to.equal(
            "arn:aws:ec2:eu-west-1:123456789012:vpc-flow-log/*",
        );
    });
});
