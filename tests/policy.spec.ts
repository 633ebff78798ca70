/**
 * The CrossGuard policy pack (policy/). Each rule's validation is called directly, the way
 * the engine calls it (args built by policy/evaluate.ts, props behind the engine's
 * unknown-checking proxy), against a compliant fixture and then with one property changed.
 * Fixtures are typed with the providers' own Args interfaces, so a rule that reads a
 * property name the provider does not have could not be tested green here.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";
import type * as aws from "@pulumi/aws";
import type * as awsNative from "@pulumi/aws-native";
import type { Unwrap } from "@pulumi/pulumi";
import * as awsRuntime from "@pulumi/aws";
import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { evaluatePolicies, formatViolations, resourceArgs, stackArgs } from "../policy/evaluate";
import { PACK_ENFORCEMENT_LEVEL, PACK_NAME, policies } from "../policy/policies";
import { alarmActions } from "../policy/rules/alarmActions";
import { executionRoleNoAttachedPolicies, executionRoleNoManagedPolicies } from "../policy/rules/executionRoleManagedPolicies";
import { executionRoleTrust } from "../policy/rules/executionRoleTrust";
import { UNSCOPABLE_ACTIONS, iamLeastPrivilege } from "../policy/rules/iamLeastPrivilege";
import { interfaceEndpoints } from "../policy/rules/interfaceEndpoints";
import { kmsKeyRotation } from "../policy/rules/kmsKeyRotation";
import { logGroupEncryptedRetained } from "../policy/rules/logGroupEncryptedRetained";
import { noOpenEgress } from "../policy/rules/noOpenEgress";
import { noPublicIngress } from "../policy/rules/noPublicIngress";
import { STATEFUL_TYPES, productionProtected } from "../policy/rules/productionProtected";
import { runtimeVpcMode } from "../policy/rules/runtimeVpcMode";
import { snsTopicEncrypted } from "../policy/rules/snsTopicEncrypted";
import { AGENTCORE_SERVICE_PRINCIPAL as PACK_PRINCIPAL, TYPES } from "../policy/rules/types";
import { AGENTCORE_SERVICE_PRINCIPAL } from "../src/agentcoreFacts";
import { RecordedResource, STACKS, runComponent, runStackOnce } from "./helpers";

// The engine's markers for values unknown during preview (internal to @pulumi/policy).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sentinels = require("@pulumi/policy/proxy") as { unknownStringValue: string; unknownArrayValue: string; unknownObjectValue: string };
const UNKNOWN_STRING = sentinels.unknownStringValue;
const UNKNOWN_ARRAY = sentinels.unknownArrayValue;
const UNKNOWN_OBJECT = sentinels.unknownObjectValue;

/** A provider Args interface as plain values (what a policy receives). */
type Props<T> = Unwrap<NonNullable<T>>;

const ACCOUNT = "123456789012";
const urnOf = (stack: string, type: string, name: string) => `urn:pulumi:${stack}::agentcore-private::${type}::${name}`;

/** Runs a resource policy's validation on one resource; returns the messages it reported. */
function check(
    policy: ResourceValidationPolicy,
    type: string,
    props: object,
    opts: { stack?: string; protect?: boolean; name?: string } = {},
): string[] {
    const name = opts.name ?? "subject";
    const args = resourceArgs({ type, name, urn: urnOf(opts.stack ?? "development", type, name), props: props as Record<string, unknown>, protect: opts.protect });
    const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource!];
    const messages: string[] = [];
    for (const validate of validations) {
        const result = validate(args, (message) => messages.push(message));
        expect(result).to.equal(undefined, "rules are synchronous");
    }
    return messages;
}

/** A deep copy of a fixture with one property (dotted path) replaced; undefined deletes it. */
function withProp<T extends object>(fixture: T, dotted: string, value: unknown): T {
    const copy = JSON.parse(JSON.stringify(fixture)) as Record<string, unknown>;
    const keys = dotted.split(".");
    let target: Record<string, unknown> = copy;
    for (const key of keys.slice(0, -1)) {
        target = target[key] as Record<string, unknown>;
    }
    const last = keys[keys.length - 1];
    if (value === undefined) {
        delete target[last];
    } else {
        target[last] = value;
    }
    return copy as T;
}

/** Expects exactly one message, containing every fragment. */
function expectOne(messages: string[], ...fragments: string[]): void {
    expect(messages, JSON.stringify(messages)).to.have.length(1);
    for (const fragment of fragments) {
        expect(messages[0]).to.include(fragment);
    }
}

// ---- Compliant fixtures, one per resource shape. ----

const nativeRuntime: Props<awsNative.bedrockagentcore.RuntimeArgs> = {
    agentRuntimeName: "support_agent_development",
    agentRuntimeArtifact: { containerConfiguration: { containerUri: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent:1.4.2` } },
    roleArn: `arn:aws:iam::${ACCOUNT}:role/agentcore-exec`,
    networkConfiguration: { networkMode: "VPC", networkModeConfig: { subnets: ["subnet-0a", "subnet-0b"], securityGroups: ["sg-0runtime"] } },
    tags: { Environment: "development" },
};
const classicRuntime: Props<aws.bedrock.AgentcoreAgentRuntimeArgs> = {
    agentRuntimeName: "support_agent_development",
    agentRuntimeArtifact: { containerConfiguration: { containerUri: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent:1.4.2` } },
    roleArn: `arn:aws:iam::${ACCOUNT}:role/agentcore-exec`,
    networkConfiguration: { networkMode: "VPC", networkModeConfig: { subnets: ["subnet-0a", "subnet-0b"], securityGroups: ["sg-0runtime"] } },
    tags: { Environment: "development" },
};
const RUNTIMES = [
    { provider: "aws-native", type: TYPES.nativeRuntime, fixture: nativeRuntime as object },
    { provider: "classic aws", type: TYPES.classicRuntime, fixture: classicRuntime as object },
];

const ingressRule: Props<aws.vpc.SecurityGroupIngressRuleArgs> = {
    securityGroupId: "sg-0endpoints",
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
    cidrIpv4: "10.30.0.0/16",
};
const egressRule: Props<aws.vpc.SecurityGroupEgressRuleArgs> = {
    securityGroupId: "sg-0runtime",
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
    referencedSecurityGroupId: "sg-0endpoints",
};
const ec2Rule: Props<aws.ec2.SecurityGroupRuleArgs> = {
    securityGroupId: "sg-0endpoints",
    type: "ingress",
    protocol: "tcp",
    fromPort: 443,
    toPort: 443,
    cidrBlocks: ["10.30.8.0/22"],
};
const securityGroup: Props<aws.ec2.SecurityGroupArgs> = {
    vpcId: "vpc-0a",
    description: "endpoints",
    ingress: [
        { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.30.0.0/16"] },
        { protocol: "tcp", fromPort: 443, toPort: 443, securityGroups: ["sg-0runtime"] },
    ],
    egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["10.30.0.0/16"] }],
};
const defaultSecurityGroup: Props<aws.ec2.DefaultSecurityGroupArgs> = { vpcId: "vpc-0a" };

const interfaceEndpoint: Props<aws.ec2.VpcEndpointArgs> = {
    vpcId: "vpc-0a",
    serviceName: "com.amazonaws.us-east-1.ecr.dkr",
    vpcEndpointType: "Interface",
    privateDnsEnabled: true,
    subnetIds: ["subnet-0a", "subnet-0b"],
    securityGroupIds: ["sg-0endpoints"],
};
const gatewayEndpoint: Props<aws.ec2.VpcEndpointArgs> = {
    vpcId: "vpc-0a",
    serviceName: "com.amazonaws.us-east-1.s3",
    vpcEndpointType: "Gateway",
    routeTableIds: ["rtb-0a"],
};

const trustPolicy = {
    Version: "2012-10-17",
    Statement: [
        {
            Sid: "AgentCoreRuntimesAssumeRole",
            Effect: "Allow",
            Principal: { Service: "bedrock-agentcore.amazonaws.com" },
            Action: ["sts:AssumeRole"],
            Condition: {
                StringEquals: { "aws:SourceAccount": ACCOUNT },
                ArnLike: { "aws:SourceArn": [`arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:runtime/support_agent_development-*`] },
            },
        },
    ],
};
const executionRole: Props<aws.iam.RoleArgs> = { name: "agentcore-exec", assumeRolePolicy: JSON.stringify(trustPolicy) };
const lambdaRole: Props<aws.iam.RoleArgs> = {
    name: "other",
    assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
};

const permissionPolicy = {
    Version: "2012-10-17",
    Statement: [
        { Sid: "EcrPull", Effect: "Allow", Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], Resource: [`arn:aws:ecr:us-east-1:${ACCOUNT}:repository/agents/support-agent`] },
        { Sid: "EcrAuth", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
        { Sid: "Describe", Effect: "Allow", Action: ["logs:DescribeLogGroups"], Resource: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:*` },
        { Sid: "XRay", Effect: "Allow", Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"], Resource: "*" },
        { Sid: "Metrics", Effect: "Allow", Action: ["cloudwatch:PutMetricData"], Resource: "*", Condition: { StringEquals: { "cloudwatch:namespace": "bedrock-agentcore" } } },
        { Sid: "DenyAll", Effect: "Deny", Action: "*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } },
    ],
};
const rolePolicy: Props<aws.iam.RolePolicyArgs> = { role: "agentcore-exec", policy: JSON.stringify(permissionPolicy) };

const kmsKey: Props<aws.kms.KeyArgs> = { description: "agentcore", enableKeyRotation: true, deletionWindowInDays: 30 };
const logGroup: Props<aws.cloudwatch.LogGroupArgs> = { name: "/agentcore/flow-logs", kmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k`, retentionInDays: 30 };
const topic: Props<aws.sns.TopicArgs> = { name: "agentcore-alarms", kmsMasterKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k` };
const alarm: Props<aws.cloudwatch.MetricAlarmArgs> = {
    comparisonOperator: "GreaterThanThreshold",
    evaluationPeriods: 1,
    metricName: "SystemErrors",
    namespace: "AWS/Bedrock-AgentCore",
    period: 60,
    statistic: "Sum",
    threshold: 0,
    alarmActions: [`arn:aws:sns:us-east-1:${ACCOUNT}:agentcore-alarms`],
};

describe("policy pack: structure", () => {
    it("is mandatory, with 13 uniquely named, described policies", () => {
        expect(PACK_ENFORCEMENT_LEVEL).to.equal("mandatory");
        const names = policies.map((p) => p.name);
        expect(new Set(names).size).to.equal(names.length);
        expect(names).to.have.length(13);
        for (const p of policies) {
            expect(p.enforcementLevel, p.name).to.equal("mandatory");
            expect(p.description.length, p.name).to.be.greaterThan(30);
        }
    });

    it("has the files `pulumi preview --policy-pack policy` needs", () => {
        const dir = path.join(__dirname, "..", "policy");
        expect((yaml.load(fs.readFileSync(path.join(dir, "PulumiPolicy.yaml"), "utf8")) as { runtime: string }).runtime).to.equal("nodejs");
        // PolicyPack reads its version from <cwd>/package.json and refuses to start without one.
        const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
        expect(pkg.version).to.match(/^\d+\.\d+\.\d+$/);
        expect(pkg.main).to.equal("index.ts");
        expect(pkg.dependencies, "dependencies resolve from the root node_modules").to.equal(undefined);
        expect(fs.existsSync(path.join(dir, "package-lock.json"))).to.equal(false);
        expect(fs.readFileSync(path.join(dir, "index.ts"), "utf8")).to.match(/new PolicyPack\(PACK_NAME/);
        expect(PACK_NAME).to.match(/^[a-zA-Z0-9-_.]{1,100}$/);
    });

    it("names the same AgentCore service principal as src/agentcoreFacts.ts", () => {
        expect(PACK_PRINCIPAL).to.equal(AGENTCORE_SERVICE_PRINCIPAL);
    });
});

describe("policy agentcore-runtime-vpc-mode", () => {
    for (const { provider, type, fixture } of RUNTIMES) {
        describe(`${provider} runtime`, () => {
            it("passes in VPC mode with subnets and security groups", () => {
                expect(check(runtimeVpcMode, type, fixture)).to.deep.equal([]);
            });
            it("fails in PUBLIC mode", () => {
                expectOne(
                    check(runtimeVpcMode, type, withProp(fixture, "networkConfiguration.networkMode", "PUBLIC")),
                    `"subject" runs in networkMode "PUBLIC"`,
                    'set networkConfiguration to { networkMode: "VPC"',
                );
            });
            it("fails without a network configuration", () => {
                expectOne(check(runtimeVpcMode, type, withProp(fixture, "networkConfiguration", undefined)), "has no networkConfiguration", "PUBLIC mode");
            });
            it("fails in VPC mode without networkModeConfig", () => {
                expectOne(check(runtimeVpcMode, type, withProp(fixture, "networkConfiguration.networkModeConfig", undefined)), "without networkModeConfig", "subnets: [");
            });
            it("fails without subnets", () => {
                expectOne(check(runtimeVpcMode, type, withProp(fixture, "networkConfiguration.networkModeConfig.subnets", [])), "has no subnets", "private agent subnets");
            });
            it("fails without security groups", () => {
                expectOne(
                    check(runtimeVpcMode, type, withProp(fixture, "networkConfiguration.networkModeConfig.securityGroups", [])),
                    "has no security groups",
                    "runtime security group",
                );
            });
            it("passes while subnets and security groups are unknown (preview)", () => {
                const preview = withProp(withProp(fixture, "networkConfiguration.networkModeConfig.subnets", UNKNOWN_ARRAY), "networkConfiguration.networkModeConfig.securityGroups", [UNKNOWN_STRING]);
                expect(check(runtimeVpcMode, type, preview)).to.deep.equal([]);
                expect(check(runtimeVpcMode, type, withProp(fixture, "networkConfiguration", UNKNOWN_OBJECT))).to.deep.equal([]);
            });
        });
    }

    it("ignores other resource types", () => {
        expect(check(runtimeVpcMode, TYPES.nativeRuntimeEndpoint, { agentRuntimeId: "x" })).to.deep.equal([]);
    });
});

describe("policy security-group-no-public-ingress", () => {
    it("passes VPC-internal and security-group sources", () => {
        expect(check(noPublicIngress, TYPES.ingressRule, ingressRule)).to.deep.equal([]);
        expect(check(noPublicIngress, TYPES.ingressRule, withProp(ingressRule, "cidrIpv4", undefined))).to.deep.equal([]);
        expect(check(noPublicIngress, TYPES.securityGroupRule, ec2Rule)).to.deep.equal([]);
        expect(check(noPublicIngress, TYPES.securityGroup, securityGroup)).to.deep.equal([]);
        expect(check(noPublicIngress, TYPES.defaultSecurityGroup, defaultSecurityGroup)).to.deep.equal([]);
    });
    it("fails an aws.vpc ingress rule from 0.0.0.0/0 or ::/0", () => {
        expectOne(check(noPublicIngress, TYPES.ingressRule, withProp(ingressRule, "cidrIpv4", "0.0.0.0/0")), "allows ingress from 0.0.0.0/0 in the rule", "restrict cidrIpv4 / cidrIpv6");
        expectOne(check(noPublicIngress, TYPES.ingressRule, withProp(withProp(ingressRule, "cidrIpv4", undefined), "cidrIpv6", "::/0")), "allows ingress from ::/0");
    });
    it("fails an aws.ec2.SecurityGroupRule of type ingress, not one of type egress", () => {
        expectOne(check(noPublicIngress, TYPES.securityGroupRule, withProp(ec2Rule, "cidrBlocks", ["10.0.0.0/8", "0.0.0.0/0"])), "allows ingress from 0.0.0.0/0 in the ingress rule", "cidrBlocks / ipv6CidrBlocks");
        expect(check(noPublicIngress, TYPES.securityGroupRule, withProp(withProp(ec2Rule, "type", "egress"), "cidrBlocks", ["0.0.0.0/0"]))).to.deep.equal([]);
    });
    it("fails inline ingress of a SecurityGroup and a DefaultSecurityGroup", () => {
        const open = withProp(securityGroup, "ingress", [securityGroup.ingress![0], { protocol: "tcp", fromPort: 22, toPort: 22, ipv6CidrBlocks: ["::/0"] }]);
        expectOne(check(noPublicIngress, TYPES.securityGroup, open), 'SecurityGroup "subject" allows ingress from ::/0 in ingress[1]');
        const openDefault = withProp(defaultSecurityGroup, "ingress", [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }]);
        expectOne(check(noPublicIngress, TYPES.defaultSecurityGroup, openDefault), 'DefaultSecurityGroup "subject" allows ingress from 0.0.0.0/0 in ingress[0]');
    });
    it("passes while the source is unknown (preview)", () => {
        expect(check(noPublicIngress, TYPES.ingressRule, withProp(ingressRule, "cidrIpv4", UNKNOWN_STRING))).to.deep.equal([]);
        expect(check(noPublicIngress, TYPES.securityGroup, withProp(securityGroup, "ingress", UNKNOWN_ARRAY))).to.deep.equal([]);
    });
});

describe("policy security-group-no-all-protocol-internet-egress", () => {
    it("passes TCP 443 to a security group, all-protocol inside the VPC and TCP 443 to the internet", () => {
        expect(check(noOpenEgress, TYPES.egressRule, egressRule)).to.deep.equal([]);
        expect(check(noOpenEgress, TYPES.securityGroup, securityGroup)).to.deep.equal([]);
        expect(check(noOpenEgress, TYPES.egressRule, withProp(withProp(egressRule, "referencedSecurityGroupId", undefined), "cidrIpv4", "0.0.0.0/0"))).to.deep.equal([]);
    });
    it("fails an aws.vpc egress rule with ipProtocol -1 to 0.0.0.0/0", () => {
        const open = withProp(withProp(withProp(egressRule, "referencedSecurityGroupId", undefined), "cidrIpv4", "0.0.0.0/0"), "ipProtocol", "-1");
        expectOne(check(noOpenEgress, TYPES.egressRule, open), 'allows all-protocol egress (ipProtocol "-1") to 0.0.0.0/0', "allow only TCP 443");
    });
    it("fails an aws.ec2.SecurityGroupRule egress with protocol all to ::/0", () => {
        const open = withProp(withProp(withProp(ec2Rule, "type", "egress"), "protocol", "all"), "ipv6CidrBlocks", ["::/0"]);
        expectOne(check(noOpenEgress, TYPES.securityGroupRule, open), 'allows all-protocol egress (protocol "all") to ::/0 in the egress rule');
    });
    it("fails inline all-protocol egress of a SecurityGroup", () => {
        const open = withProp(securityGroup, "egress", [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }]);
        expectOne(check(noOpenEgress, TYPES.securityGroup, open), 'SecurityGroup "subject" allows all-protocol egress (protocol "-1") to 0.0.0.0/0 in egress[0]');
    });
});

describe("policy vpc-interface-endpoint-private-multi-az", () => {
    it("passes an interface endpoint with private DNS in two subnets, and a gateway endpoint", () => {
        expect(check(interfaceEndpoints, TYPES.vpcEndpoint, interfaceEndpoint)).to.deep.equal([]);
        expect(check(interfaceEndpoints, TYPES.vpcEndpoint, gatewayEndpoint)).to.deep.equal([]);
    });
    it("fails without private DNS (false or unset)", () => {
        for (const value of [false, undefined]) {
            expectOne(
                check(interfaceEndpoints, TYPES.vpcEndpoint, withProp(interfaceEndpoint, "privateDnsEnabled", value)),
                'VpcEndpoint "subject" (com.amazonaws.us-east-1.ecr.dkr) does not enable private DNS',
                "set privateDnsEnabled: true",
            );
        }
    });
    it("fails in a single subnet", () => {
        expectOne(check(interfaceEndpoints, TYPES.vpcEndpoint, withProp(interfaceEndpoint, "subnetIds", ["subnet-0a"])), "is in 1 subnet(s)", "at least 2 subnets in different availability zones");
    });
    it("counts subnetConfigurations and passes unknown subnets (preview)", () => {
        const configured = withProp(interfaceEndpoint, "subnetIds", undefined) as Props<aws.ec2.VpcEndpointArgs>;
        configured.subnetConfigurations = [{ subnetId: "subnet-0a", ipv4: "10.30.4.10" }, { subnetId: "subnet-0b", ipv4: "10.30.5.10" }];
        expect(check(interfaceEndpoints, TYPES.vpcEndpoint, configured)).to.deep.equal([]);
        expect(check(interfaceEndpoints, TYPES.vpcEndpoint, withProp(interfaceEndpoint, "subnetIds", UNKNOWN_ARRAY))).to.deep.equal([]);
    });
});

describe("policy agentcore-execution-role-trust", () => {
    it("passes the documented trust, as a JSON string or an object", () => {
        expect(check(executionRoleTrust, TYPES.role, executionRole)).to.deep.equal([]);
        expect(check(executionRoleTrust, TYPES.role, { ...executionRole, assumeRolePolicy: trustPolicy })).to.deep.equal([]);
    });
    it("fails without aws:SourceAccount", () => {
        const doc = withProp(trustPolicy, "Statement", [withProp(trustPolicy.Statement[0], "Condition.StringEquals", undefined)]);
        expectOne(
            check(executionRoleTrust, TYPES.role, { ...executionRole, assumeRolePolicy: doc }),
            'Role "subject" is an AgentCore execution role whose trust statement "AgentCoreRuntimesAssumeRole" has no StringEquals "aws:SourceAccount"',
            'add Condition.StringEquals["aws:SourceAccount"]',
        );
    });
    it("fails without aws:SourceArn, or with a wildcard one", () => {
        for (const arnLike of [undefined, { "aws:SourceArn": "*" }]) {
            const doc = withProp(trustPolicy, "Statement", [withProp(trustPolicy.Statement[0], "Condition.ArnLike", arnLike)]);
            expectOne(check(executionRoleTrust, TYPES.role, { ...executionRole, assumeRolePolicy: JSON.stringify(doc) }), 'has no ArnLike "aws:SourceArn"', "runtime/<runtime name>-*");
        }
    });
    it("fails a second principal or a broader action", () => {
        const twoPrincipals = withProp(trustPolicy, "Statement", [withProp(trustPolicy.Statement[0], "Principal", { Service: PACK_PRINCIPAL, AWS: `arn:aws:iam::${ACCOUNT}:root` })]);
        expectOne(check(executionRoleTrust, TYPES.role, { ...executionRole, assumeRolePolicy: twoPrincipals }), 'also trusts AWS "arn:aws:iam::123456789012:root"', "the only principal");
        const broader = withProp(trustPolicy, "Statement", [withProp(trustPolicy.Statement[0], "Action", ["sts:AssumeRole", "sts:*"])]);
        expectOne(check(executionRoleTrust, TYPES.role, { ...executionRole, assumeRolePolicy: broader }), 'allows "sts:*"', 'allow only "sts:AssumeRole"');
    });
    it("leaves roles that do not trust AgentCore alone, and passes unknown condition values", () => {
        expect(check(executionRoleTrust, TYPES.role, lambdaRole)).to.deep.equal([]);
        const preview = withProp(trustPolicy, "Statement", [withProp(trustPolicy.Statement[0], "Condition.StringEquals", { "aws:SourceAccount": UNKNOWN_STRING })]);
        expect(check(executionRoleTrust, TYPES.role, { ...executionRole, assumeRolePolicy: preview })).to.deep.equal([]);
        expect(check(executionRoleTrust, TYPES.role, { ...executionRole, assumeRolePolicy: UNKNOWN_STRING })).to.deep.equal([]);
    });
});

describe("policy iam-no-wildcard-permissions", () => {
    const statement = (s: object) => JSON.stringify({ Version: "2012-10-17", Statement: [s] });

    it("passes scoped statements, the unscopable allowlist on * and a Deny *, as a string or an object", () => {
        expect(check(iamLeastPrivilege, TYPES.rolePolicy, rolePolicy)).to.deep.equal([]);
        expect(check(iamLeastPrivilege, TYPES.rolePolicy, { ...rolePolicy, policy: permissionPolicy })).to.deep.equal([]);
        expect(check(iamLeastPrivilege, TYPES.policy, { policy: rolePolicy.policy })).to.deep.equal([]);
        expect(UNSCOPABLE_ACTIONS).to.include.members(["ecr:GetAuthorizationToken", "cloudwatch:PutMetricData", "xray:PutTraceSegments"]);
    });
    it('fails the action "*" and "service:*"', () => {
        expectOne(check(iamLeastPrivilege, TYPES.rolePolicy, { ...rolePolicy, policy: statement({ Effect: "Allow", Action: "*", Resource: `arn:aws:s3:::b` }) }), 'policy Statement[0] allows the wildcard action "*"', "list the specific actions");
        expectOne(check(iamLeastPrivilege, TYPES.policy, { policy: statement({ Sid: "S3", Effect: "Allow", Action: ["s3:*"], Resource: "arn:aws:s3:::b/*" }) }), 'Policy "subject" policy statement "S3" allows the wildcard action "s3:*"');
    });
    it('fails Resource "*" for an action that can be scoped', () => {
        expectOne(
            check(iamLeastPrivilege, TYPES.rolePolicy, { ...rolePolicy, policy: statement({ Effect: "Allow", Action: ["logs:PutLogEvents", "xray:PutTraceSegments"], Resource: "*" }) }),
            'grants "logs:PutLogEvents" on Resource "*"',
            "scope Resource to the ARNs used",
        );
    });
    it("fails NotAction and NotResource on Allow", () => {
        expectOne(check(iamLeastPrivilege, TYPES.rolePolicy, { ...rolePolicy, policy: statement({ Effect: "Allow", NotAction: "iam:*", Resource: "arn:aws:s3:::b" }) }), "allows NotAction", "list the needed actions");
        expectOne(check(iamLeastPrivilege, TYPES.rolePolicy, { ...rolePolicy, policy: statement({ Effect: "Allow", Action: "s3:GetObject", NotResource: "arn:aws:s3:::b" }) }), "uses NotResource");
    });
    it("checks a Role's inlinePolicies and rejects a document that is not JSON", () => {
        const role: Props<aws.iam.RoleArgs> = { ...lambdaRole, inlinePolicies: [{ name: "inline", policy: statement({ Effect: "Allow", Action: "dynamodb:*", Resource: "*" }) }] };
        expectOne(check(iamLeastPrivilege, TYPES.role, role), 'Role "subject" inlinePolicies[0] ("inline") Statement[0] allows the wildcard action "dynamodb:*"');
        expectOne(check(iamLeastPrivilege, TYPES.rolePolicy, { ...rolePolicy, policy: "{not json" }), "policy is not valid JSON", "pass a JSON policy document");
    });
    it("passes documents that are unknown during preview", () => {
        expect(check(iamLeastPrivilege, TYPES.rolePolicy, { ...rolePolicy, policy: UNKNOWN_STRING })).to.deep.equal([]);
        expect(check(iamLeastPrivilege, TYPES.rolePolicy, { ...rolePolicy, policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: UNKNOWN_ARRAY }] } })).to.deep.equal([]);
    });
});

describe("policy agentcore-execution-role-no-managed-policies", () => {
    it("passes an execution role without managed policies and ignores other roles", () => {
        expect(check(executionRoleNoManagedPolicies, TYPES.role, executionRole)).to.deep.equal([]);
        expect(check(executionRoleNoManagedPolicies, TYPES.role, { ...lambdaRole, managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] })).to.deep.equal([]);
    });
    it("fails managedPolicyArns on the execution role", () => {
        expectOne(
            check(executionRoleNoManagedPolicies, TYPES.role, { ...executionRole, managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"] }),
            'is an AgentCore execution role with managedPolicyArns ["arn:aws:iam::aws:policy/AdministratorAccess"]',
            "remove managedPolicyArns",
        );
    });
});

describe("policy agentcore-execution-role-no-policy-attachments (stack)", () => {
    const recorded = (type: string, name: string, state: Record<string, unknown>): RecordedResource => ({
        urn: urnOf("development", type, name),
        type,
        name,
        custom: true,
        id: name,
        inputs: state,
        state,
        dependencies: [],
        protect: false,
        retainOnDelete: false,
    });
    const validateStack = (resources: RecordedResource[]) => {
        const found: { message: string; urn?: string }[] = [];
        (executionRoleNoAttachedPolicies as StackValidationPolicy).validateStack(stackArgs(resources), (message, urn) => found.push({ message, urn }));
        return found;
    };
    const roles = [recorded(TYPES.role, "exec", executionRole as Record<string, unknown>), recorded(TYPES.role, "other", lambdaRole as Record<string, unknown>)];

    it("passes attachments to other roles", () => {
        expect(validateStack([...roles, recorded(TYPES.rolePolicyAttachment, "ok", { role: "other", policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" })])).to.deep.equal([]);
    });
    it("fails a RolePolicyAttachment, RolePolicyAttachmentsExclusive or PolicyAttachment naming the execution role", () => {
        const attachments = [
            recorded(TYPES.rolePolicyAttachment, "a1", { role: "agentcore-exec", policyArn: "arn:aws:iam::aws:policy/AmazonS3FullAccess" }),
            recorded(TYPES.rolePolicyAttachmentsExclusive, "a2", { roleName: "agentcore-exec", policyArns: ["arn:aws:iam::aws:policy/X"] }),
            recorded(TYPES.policyAttachment, "a3", { roles: ["other", "agentcore-exec"], policyArn: "arn:aws:iam::aws:policy/Y" }),
        ];
        const found = validateStack([...roles, ...attachments]);
        expect(found.map((f) => f.urn)).to.deep.equal(attachments.map((a) => a.urn));
        expect(found[0].message).to.equal(
            'RolePolicyAttachment "a1" attaches "arn:aws:iam::aws:policy/AmazonS3FullAccess" to the AgentCore execution role Role "exec": delete the attachment and grant what the runtime needs in the role\'s inline policy (aws.iam.RolePolicy) instead.',
        );
    });
});

describe("policy kms-key-rotation-enabled", () => {
    it("passes a rotating key and an asymmetric key", () => {
        expect(check(kmsKeyRotation, TYPES.kmsKey, kmsKey)).to.deep.equal([]);
        expect(check(kmsKeyRotation, TYPES.kmsKey, { ...withProp(kmsKey, "enableKeyRotation", undefined), customerMasterKeySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" })).to.deep.equal([]);
    });
    it("fails a key without rotation (false or unset)", () => {
        for (const value of [false, undefined]) {
            expectOne(check(kmsKeyRotation, TYPES.kmsKey, withProp(kmsKey, "enableKeyRotation", value)), 'Key "subject" does not rotate its key material', "set enableKeyRotation: true");
        }
    });
});

describe("policy log-group-encrypted-with-retention", () => {
    it("passes an encrypted log group with retention, also with an unknown key ARN", () => {
        expect(check(logGroupEncryptedRetained, TYPES.logGroup, logGroup)).to.deep.equal([]);
        expect(check(logGroupEncryptedRetained, TYPES.logGroup, withProp(logGroup, "kmsKeyId", UNKNOWN_STRING))).to.deep.equal([]);
    });
    it("fails without kmsKeyId", () => {
        expectOne(check(logGroupEncryptedRetained, TYPES.logGroup, withProp(logGroup, "kmsKeyId", undefined)), 'LogGroup "subject" is not encrypted with a customer managed key', "set kmsKeyId");
    });
    it("fails without retention (unset or 0, which means never expire)", () => {
        for (const value of [undefined, 0]) {
            expectOne(check(logGroupEncryptedRetained, TYPES.logGroup, withProp(logGroup, "retentionInDays", value)), "keeps its logs forever", "set retentionInDays");
        }
    });
});

describe("policy sns-topic-encrypted", () => {
    it("passes a topic encrypted with a customer managed key", () => {
        expect(check(snsTopicEncrypted, TYPES.snsTopic, topic)).to.deep.equal([]);
    });
    it("fails an unencrypted topic", () => {
        expectOne(check(snsTopicEncrypted, TYPES.snsTopic, withProp(topic, "kmsMasterKeyId", undefined)), 'Topic "subject" is not encrypted at rest', "set kmsMasterKeyId");
    });
    it("fails the AWS managed key, which alarms cannot publish with", () => {
        expectOne(check(snsTopicEncrypted, TYPES.snsTopic, withProp(topic, "kmsMasterKeyId", "alias/aws/sns")), "AWS managed key alias/aws/sns", "allows cloudwatch.amazonaws.com");
    });
});

describe("policy metric-alarm-has-actions", () => {
    it("passes an alarm that notifies the topic", () => {
        expect(check(alarmActions, TYPES.metricAlarm, alarm)).to.deep.equal([]);
        expect(check(alarmActions, TYPES.metricAlarm, withProp(alarm, "alarmActions", [UNKNOWN_STRING]))).to.deep.equal([]);
    });
    it("fails without alarmActions (unset or empty)", () => {
        for (const value of [undefined, []]) {
            expectOne(check(alarmActions, TYPES.metricAlarm, withProp(alarm, "alarmActions", value)), 'MetricAlarm "subject" has no alarmActions', "set alarmActions to the stack's alarm SNS topic ARN");
        }
    });
    it("fails with actions disabled", () => {
        expectOne(check(alarmActions, TYPES.metricAlarm, withProp(alarm, "actionsEnabled", false)), "has actionsEnabled: false", "set it to true");
    });
});

describe("policy production-stateful-resources-protected", () => {
    const fixtures: Record<string, object> = {
        [TYPES.kmsKey]: kmsKey,
        [TYPES.logGroup]: logGroup,
        [TYPES.nativeRuntime]: nativeRuntime,
        [TYPES.classicRuntime]: classicRuntime,
        [TYPES.nativeRuntimeEndpoint]: { agentRuntimeId: "support_agent_production-AbCdEfGhIj", name: "live", agentRuntimeVersion: "1" } satisfies Props<awsNative.bedrockagentcore.RuntimeEndpointArgs>,
        [TYPES.classicRuntimeEndpoint]: { agentRuntimeId: "support_agent_production-AbCdEfGhIj", name: "live" } satisfies Props<aws.bedrock.AgentcoreAgentRuntimeEndpointArgs>,
    };

    it("covers KMS keys, log groups, runtimes and endpoints of both providers", () => {
        expect([...STATEFUL_TYPES].sort()).to.deep.equal(Object.keys(fixtures).sort());
    });
    for (const [type, fixture] of Object.entries(fixtures)) {
        it(`${type}: passes protected in production, fails unprotected`, () => {
            expect(check(productionProtected, type, fixture, { stack: "production", protect: true })).to.deep.equal([]);
            expectOne(check(productionProtected, type, fixture, { stack: "production", protect: false }), "is a production resource that is not protected", "pass { protect: true }");
        });
    }
    it("recognizes production by the Environment tag in any stack, and leaves development alone", () => {
        expectOne(check(productionProtected, TYPES.kmsKey, { ...kmsKey, tags: { Environment: "production" } }, { stack: "prod-eu" }), 'Key "subject" is a production resource');
        expect(check(productionProtected, TYPES.kmsKey, kmsKey, { stack: "development" })).to.deep.equal([]);
        expect(check(productionProtected, TYPES.securityGroup, securityGroup, { stack: "production" })).to.deep.equal([]);
    });
});

describe("policy/evaluate.ts: evaluatePolicies over recorded resources", () => {
    it("reduces resource references to IDs, blames the resource and formats the findings", async () => {
        const run = await runComponent(() => {
            const role = new awsRuntime.iam.Role("exec", { assumeRolePolicy: JSON.stringify(trustPolicy) });
            new awsRuntime.iam.RolePolicyAttachment("admin", { role, policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" });
            const alarmTopic = new awsRuntime.sns.Topic("alarms", { kmsMasterKeyId: "alias/agentcore" });
            new awsRuntime.cloudwatch.MetricAlarm("errors", { ...alarm, alarmActions: [alarmTopic] });
            new awsRuntime.kms.Key("key", { enableKeyRotation: false }, { protect: true });
        });
        const violations = evaluatePolicies(run.resources, "development");
        expect(violations.map((v) => [v.policyName, v.resourceName])).to.deep.equal([
            ["agentcore-execution-role-no-policy-attachments", "admin"],
            ["kms-key-rotation-enabled", "key"],
        ]);
        expect(violations[0].message).to.match(/^RolePolicyAttachment "admin" attaches "arn:aws:iam::aws:policy\/AdministratorAccess" to the AgentCore execution role Role "exec"/);
        expect(violations.every((v) => v.enforcementLevel === "mandatory" && v.stack === "development")).to.equal(true);
        const text = formatViolations("development", violations);
        expect(text).to.include("stack development has 2 violation(s), 2 blocking");
        expect(text).to.include("[mandatory] kms-key-rotation-enabled\n    aws:kms/key:Key key\n");
        expect(formatViolations("staging", [])).to.equal(`Policy pack ${PACK_NAME}: stack staging passes all 13 policies.`);
    });

    it("passes the options the engine passes (protect) and reads the stack from the URN", async () => {
        const run = await runComponent(
            () => {
                new awsRuntime.kms.Key("protected", { enableKeyRotation: true }, { protect: true });
                new awsRuntime.kms.Key("unprotected", { enableKeyRotation: true });
            },
            { stack: "production" },
        );
        const violations = evaluatePolicies(run.resources, "production");
        expect(violations.map((v) => `${v.policyName}:${v.resourceName}`)).to.deep.equal(["production-stateful-resources-protected:unprotected"]);
    });

    it("like the engine, downgrades a policy that reads an unknown value to an advisory finding, and skips disabled policies", () => {
        const key: RecordedResource = {
            urn: urnOf("development", TYPES.kmsKey, "key"),
            type: TYPES.kmsKey,
            name: "key",
            custom: true,
            id: "k",
            inputs: { description: UNKNOWN_STRING },
            state: { description: UNKNOWN_STRING },
            dependencies: [],
            protect: false,
            retainOnDelete: false,
        };
        const naive: ResourceValidationPolicy = {
            name: "naive",
            description: "reads props without plain()",
            validateResource: (args, report) => {
                if (args.props.description.length === 0) {
                    report("empty");
                }
            },
        };
        const violations = evaluatePolicies([key], "development", [naive, { ...naive, name: "off", enforcementLevel: "disabled" }]);
        expect(violations).to.have.length(1);
        expect(violations[0]).to.include({ policyName: "naive", enforcementLevel: "advisory", resourceName: "key" });
        expect(violations[0].message).to.match(/^can't run policy naive during preview: string value at \.description can't be known during preview/);
    });
});

describe("policy pack over the whole program (needs every component)", () => {
    for (const stack of STACKS) {
        it(`${stack}: no violations`, async () => {
            const run = await runStackOnce(stack);
            if (run.error) {
                throw run.error;
            }
            const violations = evaluatePolicies(run.resources, stack);
            expect(violations, formatViolations(stack, violations)).to.deep.equal([]);
        });
    }

    it("production with protect: false is blocked on every stateful resource", async () => {
        const run = await runStackOnce("production", { protect: "false" });
        if (run.error) {
            throw run.error;
        }
        const violations = evaluatePolicies(run.resources, "production");
        const stateful = run.resources.filter((r) => STATEFUL_TYPES.includes(r.type));
        expect(stateful.length).to.be.greaterThan(3);
        expect(violations.map((v) => v.policyName)).to.deep.equal(stateful.map(() => "production-stateful-resources-protected"));
        expect(violations.map((v) => v.urn).sort()).to.deep.equal(stateful.map((r) => r.urn).sort());
    });
});
