/**
 * The CrossGuard policy pack (policy/). Each rule's validation is called directly, the way
 * the engine calls it (args built by src/plan/offline/evaluate.ts, props behind the engine's
 * unknown-checking proxy), against a compliant fixture and then with one property changed.
 * Fixtures are typed with the providers' own Args interfaces, so a rule that reads a
 * property name the provider does not have could not be tested green here.
 */
import { CAPACITY_PROVIDER_TYPES } from "../../policy/rules/capacityProvider";
import { expect } from "chai";
import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";
import type * as aws from "../../src/providers/aws";
import type * as awsNative from "./packProviders";
import type { Unwrap } from "@pulumi/pulumi";
import * as awsRuntime from "../../src/providers/aws";
import * as awsNativeRuntime from "./packProviders";
import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { ECR_REPOSITORY_TYPES } from "../../policy/rules/ecrRepository";
import {
    PolicyPackConfig,
    enforcementLevelOf,
    evaluatePolicies,
    formatViolations,
    isBlocking,
    stackArgs,
} from "../../src/plan/offline/evaluate";
import { PACK_ENFORCEMENT_LEVEL, PACK_NAME, policies } from "../../policy/policies";
import { ALARM_TYPES, alarmActions } from "../../policy/rules/alarmActions";
import { ROLE_TYPES } from "../../policy/rules/executionRole";
import {
    executionRoleNoAttachedPolicies,
    executionRoleNoManagedPolicies,
} from "../../policy/rules/executionRoleManagedPolicies";
import { executionRoleTrust } from "../../policy/rules/executionRoleTrust";
import { IDENTITY_POLICY_TYPES, UNSCOPABLE_ACTIONS, iamLeastPrivilege } from "../../policy/rules/iamLeastPrivilege";
import { VPC_ENDPOINT_TYPES, interfaceEndpoints } from "../../policy/rules/interfaceEndpoints";
import { KMS_KEY_TYPES, kmsKeyRotation } from "../../policy/rules/kmsKeyRotation";
import { LOG_GROUP_TYPES, logGroupEncryptedRetained } from "../../policy/rules/logGroupEncryptedRetained";
import { noOpenEgress } from "../../policy/rules/noOpenEgress";
import { noPublicIngress } from "../../policy/rules/noPublicIngress";
import { TRANSACTION_SEARCH_TYPES } from "../../policy/rules/observability";
import { STATEFUL_TYPES, productionProtected } from "../../policy/rules/productionProtected";
import { runtimeVpcMode } from "../../policy/rules/runtimeVpcMode";
import { SECURITY_GROUP_RULE_TYPES } from "../../policy/rules/securityGroupRules";
import { SNS_TOPIC_TYPES, snsTopicEncrypted } from "../../policy/rules/snsTopicEncrypted";
import {
    AGENTCORE_SERVICE_PRINCIPAL as PACK_PRINCIPAL,
    RESOURCE_POLICY_TYPES,
    RUNTIME_ENDPOINT_TYPES,
    RUNTIME_TYPES,
    TYPES,
} from "../../policy/rules/types";
import { AGENTCORE_SERVICE_PRINCIPAL } from "../../src/aws/agentcore";
import { UNSCOPABLE_ACTIONS as PROGRAM_UNSCOPABLE_ACTIONS } from "../../src/security/executionRole";
import { PRIVATE_RANGES as PACK_PRIVATE_RANGES } from "../../policy/rules/cidr";
import { PRIVATE_IPV4_RANGE_LIST } from "../../src/network/cidrConfig";
import { RecordedResource, STACKS, runComponent, runStackOnce, REPO_ROOT } from "../helpers";
import { ACTIONS_ONLY_ON_STAR as REQUIRED_UNSCOPABLE_ACTIONS } from "../aws/unscopableActions";
import { recordedResource } from "../recordedResource";
import { reported } from "./reported";
import { UNKNOWN_ARRAY, UNKNOWN_BOOLEAN, UNKNOWN_NUMBER, UNKNOWN_OBJECT, UNKNOWN_STRING } from "./unknowns";

/** A list of known length whose elements are all unknown (IDs of resources not created yet). */
const unknownIds = (n: number): string[] => Array<string>(n).fill(UNKNOWN_STRING);
/** How a rule renders an unknown value in a message. */
const SHOWN_UNKNOWN = "<unknown until created>";

/** A provider Args interface as plain values (what a policy receives). */
type Props<T> = Unwrap<NonNullable<T>>;

const ACCOUNT = "123456789012";

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

/**
 * What `policy` reports for `fixture` (a resource of `type`) as written, or with properties
 * (dotted paths) replaced in turn, as withProp does: `subject({ "a.b": value })`.
 */
function subjectOf(policy: ResourceValidationPolicy, type: string, fixture: object) {
    return (changes: Record<string, unknown> = {}) =>
        reported(
            policy,
            type,
            Object.entries(changes).reduce((props, [dotted, value]) => withProp(props, dotted, value), fixture),
        );
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
    agentRuntimeArtifact: {
        containerConfiguration: {
            containerUri: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent:1.4.2`,
        },
    },
    roleArn: `arn:aws:iam::${ACCOUNT}:role/agentcore-exec`,
    networkConfiguration: {
        networkMode: "VPC",
        networkModeConfig: { subnets: ["subnet-0a", "subnet-0b"], securityGroups: ["sg-0runtime"] },
    },
    tags: { Environment: "development" },
};
const classicRuntime: Props<aws.bedrock.AgentcoreAgentRuntimeArgs> = {
    agentRuntimeName: "support_agent_development",
    agentRuntimeArtifact: {
        containerConfiguration: {
            containerUri: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent:1.4.2`,
        },
    },
    roleArn: `arn:aws:iam::${ACCOUNT}:role/agentcore-exec`,
    networkConfiguration: {
        networkMode: "VPC",
        networkModeConfig: { subnets: ["subnet-0a", "subnet-0b"], securityGroups: ["sg-0runtime"] },
    },
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
    // Every endpoint carries a policy (tests/inbound/inboundPolicy.spec.ts covers those rules).
    policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: "*",
                Action: "*",
                Resource: "*",
                Condition: { StringEquals: { "aws:PrincipalAccount": "123456789012" } },
            },
        ],
    }),
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
                ArnLike: { "aws:SourceArn": [`arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:*`] },
            },
        },
    ],
};
const executionRole: Props<aws.iam.RoleArgs> = {
    name: "agentcore-exec",
    assumeRolePolicy: JSON.stringify(trustPolicy),
};
const lambdaRole: Props<aws.iam.RoleArgs> = {
    name: "other",
    assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
    }),
};

const permissionPolicy = {
    Version: "2012-10-17",
    Statement: [
        {
            Sid: "EcrPull",
            Effect: "Allow",
            Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
            Resource: [`arn:aws:ecr:us-east-1:${ACCOUNT}:repository/agents/support-agent`],
        },
        { Sid: "EcrAuth", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
        {
            Sid: "Describe",
            Effect: "Allow",
            Action: ["logs:DescribeLogGroups"],
            Resource: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:*`,
        },
        {
            Sid: "XRay",
            Effect: "Allow",
            Action: [
                "xray:PutTraceSegments",
                "xray:PutTelemetryRecords",
                "xray:GetSamplingRules",
                "xray:GetSamplingTargets",
            ],
            Resource: "*",
        },
        {
            Sid: "Metrics",
            Effect: "Allow",
            Action: ["cloudwatch:PutMetricData"],
            Resource: "*",
            Condition: { StringEquals: { "cloudwatch:namespace": "bedrock-agentcore" } },
        },
        {
            Sid: "DenyAll",
            Effect: "Deny",
            Action: "*",
            Resource: "*",
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
    ],
};
const rolePolicy: Props<aws.iam.RolePolicyArgs> = { role: "agentcore-exec", policy: JSON.stringify(permissionPolicy) };

const kmsKey: Props<aws.kms.KeyArgs> = { description: "agentcore", enableKeyRotation: true, deletionWindowInDays: 30 };
const logGroup: Props<aws.cloudwatch.LogGroupArgs> = {
    name: "/agentcore/flow-logs",
    kmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k`,
    retentionInDays: 30,
};
const topic: Props<aws.sns.TopicArgs> = {
    name: "agentcore-alarms",
    kmsMasterKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k`,
};
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

// ---- aws-native (Cloud Control) fixtures, typed with @pulumi/aws-native's Args. ----

const nativeRole: Props<awsNative.iam.RoleArgs> = {
    roleName: "agentcore-exec",
    assumeRolePolicyDocument: trustPolicy,
    policies: [{ policyName: "runtime", policyDocument: permissionPolicy }],
};
const nativeRolePolicy: Props<awsNative.iam.RolePolicyArgs> = {
    roleName: "agentcore-exec",
    policyName: "runtime",
    policyDocument: permissionPolicy,
};
const nativeManagedPolicy: Props<awsNative.iam.ManagedPolicyArgs> = { policyDocument: permissionPolicy };
const nativeSecurityGroup: Props<awsNative.ec2.SecurityGroupArgs> = {
    groupDescription: "endpoints",
    vpcId: "vpc-0a",
    securityGroupIngress: [{ ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIp: "10.30.0.0/16" }],
    securityGroupEgress: [{ ipProtocol: "-1", cidrIp: "10.30.0.0/16" }],
};
const nativeIngressRule: Props<awsNative.ec2.SecurityGroupIngressArgs> = {
    groupId: "sg-0endpoints",
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
    cidrIp: "10.30.0.0/16",
};
const nativeEgressRule: Props<awsNative.ec2.SecurityGroupEgressArgs> = {
    groupId: "sg-0runtime",
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
    destinationSecurityGroupId: "sg-0endpoints",
};
const nativeEndpoint: Props<awsNative.ec2.VpcEndpointArgs> = {
    vpcId: "vpc-0a",
    serviceName: "com.amazonaws.us-east-1.logs",
    vpcEndpointType: "Interface",
    privateDnsEnabled: true,
    subnetIds: ["subnet-0a", "subnet-0b"],
    securityGroupIds: ["sg-0endpoints"],
};
const nativeKey: Props<awsNative.kms.KeyArgs> = {
    description: "agentcore",
    enableKeyRotation: true,
    pendingWindowInDays: 30,
};
const nativeLogGroup: Props<awsNative.logs.LogGroupArgs> = {
    logGroupName: "/agentcore/flow-logs",
    kmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k`,
    retentionInDays: 30,
};
const nativeTopic: Props<awsNative.sns.TopicArgs> = {
    topicName: "agentcore-alarms",
    kmsMasterKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k`,
};
const nativeAlarm: Props<awsNative.cloudwatch.AlarmArgs> = {
    comparisonOperator: "GreaterThanThreshold",
    evaluationPeriods: 1,
    metricName: "SystemErrors",
    namespace: "AWS/Bedrock-AgentCore",
    period: 60,
    statistic: "Sum",
    threshold: 0,
    alarmActions: [`arn:aws:sns:us-east-1:${ACCOUNT}:agentcore-alarms`],
};

/** A statement list as a document object (aws-native takes documents as objects); a statement may be an unknown sentinel. */
const documentOf = (...statements: (object | string)[]) => ({ Version: "2012-10-17", Statement: statements });

/** The pack's rules by name, sorted (docs/policy.md's rule table): a rule added, renamed or dropped fails here. */
const PACK_RULE_NAMES = [
    "agentcore-alarm-no-uncertain-session-metric",
    "agentcore-capacity-provider-in-agent-subnets",
    "agentcore-capacity-provider-private",
    "agentcore-execution-role-no-managed-policies",
    "agentcore-execution-role-no-policy-attachments",
    "agentcore-execution-role-trust",
    "agentcore-no-service-log-groups",
    "agentcore-runtime-vpc-mode",
    "ecr-repository-encrypted-immutable-scanned",
    "filesystem-grants-scoped",
    "iam-no-wildcard-permissions",
    "kms-key-policy-roles-via-service",
    "kms-key-rotation-enabled",
    "log-group-encrypted-with-retention",
    "metric-alarm-has-actions",
    "nfs-egress-stays-in-vpc",
    "production-jwt-runtime-restricted",
    "production-runtime-vpc-only-resource-policy",
    "production-stateful-resources-protected",
    "s3-bucket-encrypted-versioned-private-tls",
    "s3-object-copy-kms-encrypted-private",
    "security-group-no-all-protocol-internet-egress",
    "security-group-no-public-ingress",
    "sns-topic-encrypted",
    "transaction-search-owned-by-production",
    "vpc-endpoint-has-policy",
    "vpc-endpoint-policy-no-unconditioned-any-principal",
    "vpc-interface-endpoint-private-multi-az",
];

describe("policy pack: structure", () => {
    it("is mandatory, its rules pinned by name, each described", () => {
        expect(PACK_ENFORCEMENT_LEVEL).to.equal("mandatory");
        const names = policies.map((p) => p.name);
        expect(new Set(names).size).to.equal(names.length);
        expect([...names].sort()).to.deep.equal(PACK_RULE_NAMES);
        for (const p of policies) {
            expect(p.enforcementLevel, p.name).to.equal("mandatory");
            expect(p.description.length, p.name).to.be.greaterThan(30);
        }
    });

    it("has the files `pulumi preview --policy-pack policy` needs", () => {
        const dir = path.join(REPO_ROOT, "policy");
        expect(
            (yaml.load(fs.readFileSync(path.join(dir, "PulumiPolicy.yaml"), "utf8")) as { runtime: string }).runtime,
        ).to.equal("nodejs");
        // PolicyPack reads its version from <cwd>/package.json and refuses to start without one.
        const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
        expect(pkg.version).to.match(/^\d+\.\d+\.\d+$/);
        expect(pkg.main).to.equal("index.ts");
        expect(pkg.dependencies, "dependencies resolve from the root node_modules").to.equal(undefined);
        expect(fs.existsSync(path.join(dir, "package-lock.json"))).to.equal(false);
        expect(fs.readFileSync(path.join(dir, "index.ts"), "utf8")).to.match(/new PolicyPack\(PACK_NAME/);
        expect(PACK_NAME).to.match(/^[a-zA-Z0-9-_.]{1,100}$/);
    });

    it("matches each aws-native type by the token its class registers", () => {
        const classes: Record<string, unknown> = {
            [TYPES.nativeRole]: awsNativeRuntime.iam.Role,
            [TYPES.nativeRolePolicy]: awsNativeRuntime.iam.RolePolicy,
            [TYPES.nativeManagedPolicy]: awsNativeRuntime.iam.ManagedPolicy,
            [TYPES.nativeSecurityGroup]: awsNativeRuntime.ec2.SecurityGroup,
            [TYPES.nativeIngressRule]: awsNativeRuntime.ec2.SecurityGroupIngress,
            [TYPES.nativeEgressRule]: awsNativeRuntime.ec2.SecurityGroupEgress,
            [TYPES.nativeVpcEndpoint]: awsNativeRuntime.ec2.VpcEndpoint,
            [TYPES.nativeKmsKey]: awsNativeRuntime.kms.Key,
            [TYPES.nativeLogGroup]: awsNativeRuntime.logs.LogGroup,
            [TYPES.nativeSnsTopic]: awsNativeRuntime.sns.Topic,
            [TYPES.nativeAlarm]: awsNativeRuntime.cloudwatch.Alarm,
            [TYPES.nativeRuntime]: awsNativeRuntime.bedrockagentcore.Runtime,
            [TYPES.nativeRuntimeEndpoint]: awsNativeRuntime.bedrockagentcore.RuntimeEndpoint,
            [TYPES.nativeCapacityProvider]: awsNativeRuntime.bedrockagentcore.CapacityProvider,
            [TYPES.nativeTransactionSearchConfig]: awsNativeRuntime.xray.TransactionSearchConfig,
            [TYPES.nativeResourcePolicy]: awsNativeRuntime.bedrockagentcore.ResourcePolicy,
            [TYPES.nativeEcrRepository]: awsNativeRuntime.ecr.Repository,
        };
        const nativeTokens = Object.values(TYPES).filter((t) => t.startsWith("aws-native:"));
        expect(nativeTokens.sort()).to.deep.equal(Object.keys(classes).sort());
        for (const [token, cls] of Object.entries(classes)) {
            expect((cls as { __pulumiType: string }).__pulumiType).to.equal(token);
        }
    });

    it("reads every aws-native type it names in at least one rule's field table", () => {
        const covered = new Set([
            ...RUNTIME_TYPES,
            ...RUNTIME_ENDPOINT_TYPES,
            ...SECURITY_GROUP_RULE_TYPES,
            ...VPC_ENDPOINT_TYPES,
            ...ROLE_TYPES,
            ...IDENTITY_POLICY_TYPES,
            ...KMS_KEY_TYPES,
            ...LOG_GROUP_TYPES,
            ...SNS_TOPIC_TYPES,
            ...ALARM_TYPES,
            ...STATEFUL_TYPES,
            ...TRANSACTION_SEARCH_TYPES,
            ...RESOURCE_POLICY_TYPES,
            ...ECR_REPOSITORY_TYPES,
            ...CAPACITY_PROVIDER_TYPES,
        ]);
        const unread = Object.values(TYPES).filter((t) => t.startsWith("aws-native:") && !covered.has(t));
        expect(unread).to.deep.equal([]);
    });

    it("names the AgentCore service principal the program trusts", () => {
        expect(PACK_PRINCIPAL).to.equal("bedrock-agentcore.amazonaws.com");
        expect(AGENTCORE_SERVICE_PRINCIPAL).to.equal("bedrock-agentcore.amazonaws.com");
    });
});

describe("policy agentcore-runtime-vpc-mode", () => {
    for (const { provider, type, fixture } of RUNTIMES) {
        describe(`${provider} runtime`, () => {
            const runtime = subjectOf(runtimeVpcMode, type, fixture);
            it("passes in VPC mode with subnets and security groups", () => {
                expect(runtime()).to.deep.equal([]);
            });
            it("fails in PUBLIC mode", () => {
                expectOne(
                    runtime({ "networkConfiguration.networkMode": "PUBLIC" }),
                    `"subject" runs in networkMode "PUBLIC"`,
                    'set networkConfiguration to { networkMode: "VPC"',
                );
            });
            it("fails without a network configuration", () => {
                expectOne(runtime({ networkConfiguration: undefined }), "has no networkConfiguration", "PUBLIC mode");
            });
            it("fails in VPC mode without networkModeConfig", () => {
                expectOne(
                    runtime({ "networkConfiguration.networkModeConfig": undefined }),
                    "without networkModeConfig",
                    "subnets: [",
                );
            });
            it("fails without subnets", () => {
                expectOne(
                    runtime({ "networkConfiguration.networkModeConfig.subnets": [] }),
                    "has no subnets",
                    "private agent subnets",
                );
            });
            it("fails without security groups", () => {
                expectOne(
                    runtime({ "networkConfiguration.networkModeConfig.securityGroups": [] }),
                    "has no security groups",
                    "runtime security group",
                );
            });
            it("passes while subnets and security groups are unknown (preview)", () => {
                const preview = withProp(
                    withProp(fixture, "networkConfiguration.networkModeConfig.subnets", UNKNOWN_ARRAY),
                    "networkConfiguration.networkModeConfig.securityGroups",
                    [UNKNOWN_STRING],
                );
                expect(reported(runtimeVpcMode, type, preview)).to.deep.equal([]);
                expect(runtime({ networkConfiguration: UNKNOWN_OBJECT })).to.deep.equal([]);
                // Per-element unknowns: subnets and security groups created in the same preview.
                const perElement = withProp(
                    withProp(fixture, "networkConfiguration.networkModeConfig.subnets", unknownIds(2)),
                    "networkConfiguration.networkModeConfig.securityGroups",
                    unknownIds(1),
                );
                expect(reported(runtimeVpcMode, type, perElement)).to.deep.equal([]);
                expect(runtime({ "networkConfiguration.networkMode": UNKNOWN_STRING })).to.deep.equal([]);
            });
        });
    }

    it("ignores other resource types", () => {
        expect(reported(runtimeVpcMode, TYPES.nativeRuntimeEndpoint, { agentRuntimeId: "x" })).to.deep.equal([]);
    });
});

describe("policy security-group-no-public-ingress", () => {
    const ingress = subjectOf(noPublicIngress, TYPES.ingressRule, ingressRule);
    const ec2Ingress = subjectOf(noPublicIngress, TYPES.securityGroupRule, ec2Rule);
    const group = subjectOf(noPublicIngress, TYPES.securityGroup, securityGroup);
    const nativeIngress = subjectOf(noPublicIngress, TYPES.nativeIngressRule, nativeIngressRule);
    const nativeGroup = subjectOf(noPublicIngress, TYPES.nativeSecurityGroup, nativeSecurityGroup);
    const PRIVATE =
        "which is not inside a private range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10, fc00::/7)";

    it("passes VPC-internal and security-group sources", () => {
        expect(ingress()).to.deep.equal([]);
        expect(ingress({ cidrIpv4: undefined })).to.deep.equal([]);
        expect(ec2Ingress()).to.deep.equal([]);
        expect(group()).to.deep.equal([]);
        expect(reported(noPublicIngress, TYPES.defaultSecurityGroup, defaultSecurityGroup)).to.deep.equal([]);
    });
    it("passes every CIDR inside a private range: RFC 1918, 100.64.0.0/10 and fc00::/7", () => {
        for (const cidr of [
            "10.0.0.0/8",
            "10.30.8.0/22",
            "172.16.0.0/12",
            "172.31.255.0/24",
            "192.168.1.10/32",
            "100.64.0.0/10",
            "100.127.0.0/16",
        ]) {
            expect(ingress({ cidrIpv4: cidr }), cidr).to.deep.equal([]);
        }
        for (const cidr of ["fc00::/7", "fd12:3456:789a::/48", "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"]) {
            expect(ingress({ cidrIpv4: undefined, cidrIpv6: cidr }), cidr).to.deep.equal([]);
        }
    });
    it("fails an aws.vpc ingress rule from 0.0.0.0/0 or ::/0", () => {
        expectOne(
            ingress({ cidrIpv4: "0.0.0.0/0" }),
            "allows ingress from 0.0.0.0/0 in the rule",
            PRIVATE,
            "restrict cidrIpv4 / cidrIpv6 to the VPC or client CIDRs",
        );
        expectOne(ingress({ cidrIpv4: undefined, cidrIpv6: "::/0" }), "allows ingress from ::/0", PRIVATE);
    });
    it("fails the internet split into pieces (0.0.0.0/1 + 128.0.0.0/1), one message per public CIDR", () => {
        const messages = ec2Ingress({ cidrBlocks: ["10.0.0.0/8", "0.0.0.0/1", "128.0.0.0/1"] });
        expect(messages).to.deep.equal([
            `SecurityGroupRule "subject" allows ingress from 0.0.0.0/1 in the ingress rule, ${PRIVATE}: restrict cidrBlocks / ipv6CidrBlocks to the VPC or client CIDRs that need access, or reference the caller's security group instead.`,
            `SecurityGroupRule "subject" allows ingress from 128.0.0.0/1 in the ingress rule, ${PRIVATE}: restrict cidrBlocks / ipv6CidrBlocks to the VPC or client CIDRs that need access, or reference the caller's security group instead.`,
        ]);
    });
    it("fails public hosts, ranges that only overlap a private one, and values that are not CIDRs", () => {
        // 172.32.0.0/16 is just past 172.16.0.0/12; 10.0.0.0/7 and fc00::/6 are wider than the private range they start in.
        for (const cidr of [
            "8.8.8.8/32",
            "172.32.0.0/16",
            "10.0.0.0/7",
            "192.169.0.0/16",
            "100.128.0.0/10",
            "not-a-cidr",
            "10.0.0.1",
        ]) {
            expectOne(ingress({ cidrIpv4: cidr }), `allows ingress from ${cidr} in the rule`, PRIVATE);
        }
        for (const cidr of ["2001:db8::/32", "fc00::/6", "fe80::/10"]) {
            expectOne(ingress({ cidrIpv4: undefined, cidrIpv6: cidr }), `allows ingress from ${cidr}`, PRIVATE);
        }
    });
    it("fails an aws.ec2.SecurityGroupRule of type ingress, not one of type egress", () => {
        expectOne(
            ec2Ingress({ cidrBlocks: ["10.0.0.0/8", "0.0.0.0/0"] }),
            "allows ingress from 0.0.0.0/0 in the ingress rule",
            "cidrBlocks / ipv6CidrBlocks",
        );
        expect(ec2Ingress({ type: "egress", cidrBlocks: ["0.0.0.0/0"] })).to.deep.equal([]);
    });
    it("fails inline ingress of a SecurityGroup and a DefaultSecurityGroup", () => {
        const open = withProp(securityGroup, "ingress", [
            securityGroup.ingress![0],
            { protocol: "tcp", fromPort: 22, toPort: 22, ipv6CidrBlocks: ["::/0"] },
        ]);
        expectOne(
            reported(noPublicIngress, TYPES.securityGroup, open),
            'SecurityGroup "subject" allows ingress from ::/0 in ingress[1]',
        );
        const openDefault = withProp(defaultSecurityGroup, "ingress", [
            { protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] },
        ]);
        expectOne(
            reported(noPublicIngress, TYPES.defaultSecurityGroup, openDefault),
            'DefaultSecurityGroup "subject" allows ingress from 0.0.0.0/0 in ingress[0]',
        );
    });
    it("aws-native SecurityGroupIngress: passes a private cidrIp, fails a public cidrIp or cidrIpv6", () => {
        expect(nativeIngress()).to.deep.equal([]);
        expectOne(
            nativeIngress({ cidrIp: "0.0.0.0/0" }),
            'SecurityGroupIngress "subject" allows ingress from 0.0.0.0/0 in the rule',
            PRIVATE,
            "restrict cidrIp / cidrIpv6",
        );
        expectOne(
            nativeIngress({ cidrIp: undefined, cidrIpv6: "2600::/16" }),
            "allows ingress from 2600::/16 in the rule",
        );
    });
    it("aws-native SecurityGroup: passes private inline ingress, fails public securityGroupIngress", () => {
        expect(nativeGroup()).to.deep.equal([]);
        const open = withProp(nativeSecurityGroup, "securityGroupIngress", [
            nativeSecurityGroup.securityGroupIngress![0],
            { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIp: "128.0.0.0/1" },
        ]);
        expectOne(
            reported(noPublicIngress, TYPES.nativeSecurityGroup, open),
            'SecurityGroup "subject" allows ingress from 128.0.0.0/1 in securityGroupIngress[1]',
            "restrict cidrIp / cidrIpv6",
        );
    });
    it("passes while the source is unknown (preview), whole or per element, and still judges the known elements", () => {
        expect(ingress({ cidrIpv4: UNKNOWN_STRING })).to.deep.equal([]);
        expect(group({ ingress: UNKNOWN_ARRAY })).to.deep.equal([]);
        expect(group({ ingress: [UNKNOWN_OBJECT, UNKNOWN_OBJECT] })).to.deep.equal([]);
        expect(ec2Ingress({ cidrBlocks: unknownIds(2) })).to.deep.equal([]);
        expect(ec2Ingress({ type: UNKNOWN_STRING, cidrBlocks: ["0.0.0.0/0"] })).to.deep.equal([]);
        expect(nativeGroup({ securityGroupIngress: [{ ipProtocol: "tcp", cidrIp: UNKNOWN_STRING }] })).to.deep.equal(
            [],
        );
        expectOne(
            ec2Ingress({ cidrBlocks: [UNKNOWN_STRING, "0.0.0.0/0"] }),
            "allows ingress from 0.0.0.0/0 in the ingress rule",
        );
    });
});

describe("policy security-group-no-all-protocol-internet-egress", () => {
    const egress = subjectOf(noOpenEgress, TYPES.egressRule, egressRule);
    const group = subjectOf(noOpenEgress, TYPES.securityGroup, securityGroup);
    it("passes TCP 443 to a security group, all-protocol inside the VPC and TCP 443 to the internet", () => {
        expect(egress()).to.deep.equal([]);
        expect(group()).to.deep.equal([]);
        expect(egress({ referencedSecurityGroupId: undefined, cidrIpv4: "0.0.0.0/0" })).to.deep.equal([]);
    });
    it("fails an aws.vpc egress rule with ipProtocol -1 to 0.0.0.0/0", () => {
        const open = withProp(
            withProp(withProp(egressRule, "referencedSecurityGroupId", undefined), "cidrIpv4", "0.0.0.0/0"),
            "ipProtocol",
            "-1",
        );
        expectOne(
            reported(noOpenEgress, TYPES.egressRule, open),
            'allows all-protocol egress (ipProtocol "-1") to 0.0.0.0/0',
            "allow only TCP 443",
        );
    });
    it("fails an aws.ec2.SecurityGroupRule egress with protocol all to ::/0", () => {
        const open = withProp(withProp(withProp(ec2Rule, "type", "egress"), "protocol", "all"), "ipv6CidrBlocks", [
            "::/0",
        ]);
        expectOne(
            reported(noOpenEgress, TYPES.securityGroupRule, open),
            'allows all-protocol egress (protocol "all") to ::/0 in the egress rule',
        );
    });
    it("fails inline all-protocol egress of a SecurityGroup", () => {
        const open = withProp(securityGroup, "egress", [
            { protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] },
        ]);
        expectOne(
            reported(noOpenEgress, TYPES.securityGroup, open),
            'SecurityGroup "subject" allows all-protocol egress (protocol "-1") to 0.0.0.0/0 in egress[0]',
        );
    });
    it("fails all-protocol egress to the internet split into pieces, or to any other public range", () => {
        const split = withProp(withProp(ec2Rule, "type", "egress"), "protocol", "-1");
        const messages = reported(
            noOpenEgress,
            TYPES.securityGroupRule,
            withProp(split, "cidrBlocks", ["0.0.0.0/1", "128.0.0.0/1", "10.30.0.0/16"]),
        );
        expect(messages).to.have.length(2);
        expect(messages[0]).to.equal(
            'SecurityGroupRule "subject" allows all-protocol egress (protocol "-1") to 0.0.0.0/1 in the egress rule, which is not a private range: allow only TCP 443 to the VPC endpoint security group and the S3 prefix list, or narrow cidrBlocks / ipv6CidrBlocks to the destinations that are needed.',
        );
        expect(messages[1]).to.include("to 128.0.0.0/1 in the egress rule");
    });
    it("aws-native SecurityGroupEgress and SecurityGroup: pass TCP 443 and private all-protocol, fail ipProtocol -1 to a public CIDR", () => {
        expect(reported(noOpenEgress, TYPES.nativeEgressRule, nativeEgressRule)).to.deep.equal([]);
        expect(reported(noOpenEgress, TYPES.nativeSecurityGroup, nativeSecurityGroup)).to.deep.equal([]);
        const open = withProp(
            withProp(withProp(nativeEgressRule, "destinationSecurityGroupId", undefined), "cidrIp", "0.0.0.0/0"),
            "ipProtocol",
            "-1",
        );
        expectOne(
            reported(noOpenEgress, TYPES.nativeEgressRule, open),
            'SecurityGroupEgress "subject" allows all-protocol egress (ipProtocol "-1") to 0.0.0.0/0 in the rule',
            "narrow cidrIp / cidrIpv6",
        );
        const openInline = withProp(nativeSecurityGroup, "securityGroupEgress", [
            { ipProtocol: "-1", cidrIpv6: "::/0" },
        ]);
        expectOne(
            reported(noOpenEgress, TYPES.nativeSecurityGroup, openInline),
            'SecurityGroup "subject" allows all-protocol egress (ipProtocol "-1") to ::/0 in securityGroupEgress[0]',
        );
    });
    it("passes while the protocol or the destinations are unknown (preview)", () => {
        const egress = withProp(withProp(ec2Rule, "type", "egress"), "protocol", "-1");
        expect(
            reported(noOpenEgress, TYPES.securityGroupRule, withProp(egress, "cidrBlocks", unknownIds(2))),
        ).to.deep.equal([]);
        expect(
            reported(
                noOpenEgress,
                TYPES.securityGroupRule,
                withProp(withProp(egress, "protocol", UNKNOWN_STRING), "cidrBlocks", ["0.0.0.0/0"]),
            ),
        ).to.deep.equal([]);
        expect(group({ egress: [UNKNOWN_OBJECT] })).to.deep.equal([]);
    });
});

describe("policy vpc-interface-endpoint-private-multi-az", () => {
    const endpoint = subjectOf(interfaceEndpoints, TYPES.vpcEndpoint, interfaceEndpoint);
    const nativeInterfaceEndpoint = subjectOf(interfaceEndpoints, TYPES.nativeVpcEndpoint, nativeEndpoint);
    it("passes an interface endpoint with private DNS in two subnets, and a gateway endpoint", () => {
        expect(endpoint()).to.deep.equal([]);
        expect(reported(interfaceEndpoints, TYPES.vpcEndpoint, gatewayEndpoint)).to.deep.equal([]);
    });
    it("fails without private DNS (false or unset)", () => {
        for (const value of [false, undefined]) {
            expectOne(
                endpoint({ privateDnsEnabled: value }),
                'VpcEndpoint "subject" (com.amazonaws.us-east-1.ecr.dkr) does not enable private DNS',
                "set privateDnsEnabled: true",
            );
        }
    });
    it("fails in a single subnet", () => {
        expectOne(
            endpoint({ subnetIds: ["subnet-0a"] }),
            "is in 1 subnet(s)",
            "at least 2 subnets in different availability zones",
        );
    });
    it("counts subnetConfigurations and passes unknown subnets (preview)", () => {
        const configured = withProp(interfaceEndpoint, "subnetIds", undefined) as Props<aws.ec2.VpcEndpointArgs>;
        configured.subnetConfigurations = [
            { subnetId: "subnet-0a", ipv4: "10.30.4.10" },
            { subnetId: "subnet-0b", ipv4: "10.30.5.10" },
        ];
        expect(reported(interfaceEndpoints, TYPES.vpcEndpoint, configured)).to.deep.equal([]);
        expect(endpoint({ subnetIds: UNKNOWN_ARRAY })).to.deep.equal([]);
    });
    it("counts duplicate subnet IDs once", () => {
        expectOne(endpoint({ subnetIds: ["subnet-0a", "subnet-0a"] }), "is in 1 subnet(s)");
    });

    // The blocker: a new stack's first preview sends the subnets not created yet as one
    // unknown per element. Unknown IDs cannot be compared, so they must not collapse into one.
    describe("per-element unknown subnet IDs (first preview of a new stack)", () => {
        const ENDPOINTS = [
            { provider: "classic aws", type: TYPES.vpcEndpoint, fixture: interfaceEndpoint as object },
            { provider: "aws-native", type: TYPES.nativeVpcEndpoint, fixture: nativeEndpoint as object },
        ];
        for (const { provider, type, fixture } of ENDPOINTS) {
            it(`${provider}: passes [<unknown>, <unknown>] and [<unknown>, "subnet-0a"]`, () => {
                expect(reported(interfaceEndpoints, type, withProp(fixture, "subnetIds", unknownIds(2)))).to.deep.equal(
                    [],
                );
                expect(
                    reported(interfaceEndpoints, type, withProp(fixture, "subnetIds", [UNKNOWN_STRING, "subnet-0a"])),
                ).to.deep.equal([]);
                expect(
                    reported(interfaceEndpoints, type, withProp(fixture, "subnetIds", [...unknownIds(3), "subnet-0a"])),
                ).to.deep.equal([]);
            });
            it(`${provider}: still fails a single subnet, known or not (too few whatever the IDs turn out to be)`, () => {
                expectOne(
                    reported(interfaceEndpoints, type, withProp(fixture, "subnetIds", unknownIds(1))),
                    "is in at most 1 subnet(s)",
                    "at least 2 subnets in different availability zones",
                );
                expectOne(
                    reported(interfaceEndpoints, type, withProp(fixture, "subnetIds", ["subnet-0a"])),
                    "is in 1 subnet(s)",
                );
            });
            it(`${provider}: passes unknown privateDnsEnabled and vpcEndpointType`, () => {
                expect(
                    reported(interfaceEndpoints, type, withProp(fixture, "privateDnsEnabled", UNKNOWN_BOOLEAN)),
                ).to.deep.equal([]);
                expect(
                    reported(
                        interfaceEndpoints,
                        type,
                        withProp(withProp(fixture, "vpcEndpointType", UNKNOWN_STRING), "privateDnsEnabled", false),
                    ),
                ).to.deep.equal([]);
            });
        }
        it("classic aws: passes subnetConfigurations with unknown subnet IDs or unknown entries", () => {
            const configured = withProp(interfaceEndpoint, "subnetIds", undefined) as Props<aws.ec2.VpcEndpointArgs>;
            configured.subnetConfigurations = [{ subnetId: UNKNOWN_STRING }, { subnetId: UNKNOWN_STRING }];
            expect(reported(interfaceEndpoints, TYPES.vpcEndpoint, configured)).to.deep.equal([]);
            expect(
                reported(interfaceEndpoints, TYPES.vpcEndpoint, {
                    ...configured,
                    subnetConfigurations: [UNKNOWN_OBJECT, UNKNOWN_OBJECT],
                }),
            ).to.deep.equal([]);
            expect(
                reported(interfaceEndpoints, TYPES.vpcEndpoint, { ...configured, subnetConfigurations: UNKNOWN_ARRAY }),
            ).to.deep.equal([]);
        });
        it("through the evaluator, as the engine sends it: no violation, not even an advisory one", () => {
            const endpoint = recordedResource(
                TYPES.vpcEndpoint,
                "ecr-dkr",
                {
                    ...interfaceEndpoint,
                    subnetIds: unknownIds(2),
                    securityGroupIds: unknownIds(1),
                    vpcId: UNKNOWN_STRING,
                },
                { id: "vpce-0", state: {} },
            );
            expect(evaluatePolicies([endpoint], "development")).to.deep.equal([]);
            const single = { ...endpoint, inputs: { ...endpoint.inputs, subnetIds: unknownIds(1) } };
            expect(
                evaluatePolicies([single], "development").map((v) => [v.policyName, v.enforcementLevel]),
            ).to.deep.equal([["vpc-interface-endpoint-private-multi-az", "mandatory"]]);
        });
    });

    it("aws-native VpcEndpoint: passes the compliant endpoint, fails without private DNS", () => {
        expect(nativeInterfaceEndpoint()).to.deep.equal([]);
        expect(
            reported(interfaceEndpoints, TYPES.nativeVpcEndpoint, {
                ...nativeEndpoint,
                vpcEndpointType: "Gateway",
                privateDnsEnabled: false,
                subnetIds: undefined,
            }),
        ).to.deep.equal([]);
        expectOne(
            nativeInterfaceEndpoint({ privateDnsEnabled: undefined }),
            'VpcEndpoint "subject" (com.amazonaws.us-east-1.logs) does not enable private DNS',
            "set privateDnsEnabled: true",
        );
    });
});

describe("policy agentcore-execution-role-trust", () => {
    it("passes the documented trust, as a JSON string or an object", () => {
        expect(reported(executionRoleTrust, TYPES.role, executionRole)).to.deep.equal([]);
        expect(
            reported(executionRoleTrust, TYPES.role, { ...executionRole, assumeRolePolicy: trustPolicy }),
        ).to.deep.equal([]);
    });
    it("fails without aws:SourceAccount", () => {
        const doc = withProp(trustPolicy, "Statement", [
            withProp(trustPolicy.Statement[0], "Condition.StringEquals", undefined),
        ]);
        expectOne(
            reported(executionRoleTrust, TYPES.role, { ...executionRole, assumeRolePolicy: doc }),
            'Role "subject" is an AgentCore execution role whose trust statement "AgentCoreRuntimesAssumeRole" has no StringEquals "aws:SourceAccount"',
            'add Condition.StringEquals["aws:SourceAccount"]',
        );
    });
    it("fails without aws:SourceArn, or with a wildcard one, or with any account or region", () => {
        for (const arnLike of [
            undefined,
            { "aws:SourceArn": "*" },
            { "aws:SourceArn": "arn:aws:bedrock-agentcore:us-east-1:*:*" },
            { "aws:SourceArn": "arn:aws:bedrock-agentcore:*:123456789012:*" },
        ]) {
            const doc = withProp(trustPolicy, "Statement", [
                withProp(trustPolicy.Statement[0], "Condition.ArnLike", arnLike),
            ]);
            expectOne(
                reported(executionRoleTrust, TYPES.role, { ...executionRole, assumeRolePolicy: JSON.stringify(doc) }),
                'has no ArnLike "aws:SourceArn"',
                "arn:aws:bedrock-agentcore:<region>:<account>:*",
            );
        }
    });
    it("fails a second principal or a broader action", () => {
        const twoPrincipals = withProp(trustPolicy, "Statement", [
            withProp(trustPolicy.Statement[0], "Principal", {
                Service: PACK_PRINCIPAL,
                AWS: `arn:aws:iam::${ACCOUNT}:root`,
            }),
        ]);
        expectOne(
            reported(executionRoleTrust, TYPES.role, { ...executionRole, assumeRolePolicy: twoPrincipals }),
            'also trusts AWS "arn:aws:iam::123456789012:root"',
            "the only principal",
        );
        const broader = withProp(trustPolicy, "Statement", [
            withProp(trustPolicy.Statement[0], "Action", ["sts:AssumeRole", "sts:*"]),
        ]);
        expectOne(
            reported(executionRoleTrust, TYPES.role, { ...executionRole, assumeRolePolicy: broader }),
            'allows "sts:*"',
            'allow only "sts:AssumeRole"',
        );
    });
    it("leaves roles that do not trust AgentCore alone, and passes unknown condition values", () => {
        expect(reported(executionRoleTrust, TYPES.role, lambdaRole)).to.deep.equal([]);
        const preview = withProp(trustPolicy, "Statement", [
            withProp(trustPolicy.Statement[0], "Condition.StringEquals", { "aws:SourceAccount": UNKNOWN_STRING }),
        ]);
        expect(reported(executionRoleTrust, TYPES.role, { ...executionRole, assumeRolePolicy: preview })).to.deep.equal(
            [],
        );
        expect(
            reported(executionRoleTrust, TYPES.role, { ...executionRole, assumeRolePolicy: UNKNOWN_STRING }),
        ).to.deep.equal([]);
    });
    it("passes per-element unknowns in a trust document object (runtime ARNs, account, action, statement)", () => {
        const statement = trustPolicy.Statement[0];
        const unknownArns = withProp(statement, "Condition.ArnLike", { "aws:SourceArn": unknownIds(2) });
        const unknownAction = withProp(statement, "Action", [UNKNOWN_STRING]);
        for (const doc of [documentOf(unknownArns), documentOf(unknownAction), documentOf(statement, UNKNOWN_OBJECT)]) {
            expect(
                reported(executionRoleTrust, TYPES.role, { ...executionRole, assumeRolePolicy: doc }),
                JSON.stringify(doc),
            ).to.deep.equal([]);
        }
    });
    it("fails a second principal kind even when its value is unknown, and says so", () => {
        const doc = documentOf(
            withProp(trustPolicy.Statement[0], "Principal", { Service: PACK_PRINCIPAL, AWS: UNKNOWN_STRING }),
        );
        expectOne(
            reported(executionRoleTrust, TYPES.role, { ...executionRole, assumeRolePolicy: doc }),
            `also trusts AWS ${SHOWN_UNKNOWN}`,
            "the only principal",
        );
    });
    it("aws-native iam.Role: passes the documented assumeRolePolicyDocument, fails one without aws:SourceAccount", () => {
        expect(reported(executionRoleTrust, TYPES.nativeRole, nativeRole)).to.deep.equal([]);
        const doc = documentOf(withProp(trustPolicy.Statement[0], "Condition.StringEquals", undefined));
        expectOne(
            reported(executionRoleTrust, TYPES.nativeRole, { ...nativeRole, assumeRolePolicyDocument: doc }),
            'Role "subject" is an AgentCore execution role whose trust statement "AgentCoreRuntimesAssumeRole" has no StringEquals "aws:SourceAccount"',
        );
        // The classic property name on a native role is not the trust: the rule reads each provider's own field.
        expect(
            reported(executionRoleTrust, TYPES.nativeRole, {
                assumeRolePolicy: JSON.stringify(doc),
                assumeRolePolicyDocument: lambdaRole.assumeRolePolicy,
            }),
        ).to.deep.equal([]);
    });
});

describe("policy iam-no-wildcard-permissions", () => {
    const statement = (st: object) => JSON.stringify(documentOf(st));
    const allow = (Action: unknown, Resource: unknown) => ({
        ...rolePolicy,
        policy: statement({ Effect: "Allow", Action, Resource }),
    });
    const scope = "scope Resource to the ARNs used, with partition, service, region and account spelled out";

    it("passes scoped statements, the unscopable allowlist on * and a Deny *, as a string or an object", () => {
        expect(reported(iamLeastPrivilege, TYPES.rolePolicy, rolePolicy)).to.deep.equal([]);
        expect(
            reported(iamLeastPrivilege, TYPES.rolePolicy, { ...rolePolicy, policy: permissionPolicy }),
        ).to.deep.equal([]);
        expect(reported(iamLeastPrivilege, TYPES.policy, { policy: rolePolicy.policy })).to.deep.equal([]);
        expect(UNSCOPABLE_ACTIONS).to.include.members([
            "ecr:GetAuthorizationToken",
            "cloudwatch:PutMetricData",
            "xray:PutTraceSegments",
        ]);
    });
    it("shares the program's facts: the unscopable actions and the private ranges", () => {
        expect([...UNSCOPABLE_ACTIONS]).to.deep.equal(REQUIRED_UNSCOPABLE_ACTIONS);
        expect([...PROGRAM_UNSCOPABLE_ACTIONS]).to.deep.equal(REQUIRED_UNSCOPABLE_ACTIONS);
        expect(PACK_PRIVATE_RANGES.map((r) => r.cidr)).to.deep.equal([
            "10.0.0.0/8",
            "172.16.0.0/12",
            "192.168.0.0/16",
            "100.64.0.0/10",
            "fc00::/7",
        ]);
        expect(PRIVATE_IPV4_RANGE_LIST).to.equal("10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10");
    });
    it('fails the action "*" and "service:*"', () => {
        expectOne(
            reported(iamLeastPrivilege, TYPES.rolePolicy, allow("*", "arn:aws:s3:::b")),
            'policy Statement[0] allows the wildcard action "*" (every action of every service)',
            "list the specific actions",
        );
        expectOne(
            reported(iamLeastPrivilege, TYPES.policy, {
                policy: statement({ Sid: "S3", Effect: "Allow", Action: ["s3:*"], Resource: "arn:aws:s3:::b/*" }),
            }),
            'Policy "subject" policy statement "S3" allows the wildcard action "s3:*" (every s3 action)',
        );
    });
    it("fails any wildcard in an iam, sts or kms action, and a wildcard service", () => {
        for (const action of ["iam:Pass*", "IAM:*Role", "sts:Assume*", "kms:Decrypt*", "kms:?ncrypt"]) {
            const service = action.split(":")[0];
            expectOne(
                reported(iamLeastPrivilege, TYPES.rolePolicy, allow(action, `arn:aws:iam::${ACCOUNT}:role/x`)),
                `allows the wildcard action "${action}" (several ${service} actions; partial wildcards are not allowed in iam, sts, kms`,
                "list the specific actions the workload calls",
            );
        }
        expectOne(
            reported(iamLeastPrivilege, TYPES.rolePolicy, allow("*:Get*", "arn:aws:s3:::b/*")),
            'allows the wildcard action "*:Get*" (actions of every service the pattern matches)',
        );
    });
    it("passes a partial wildcard outside iam, sts and kms on a scoped resource", () => {
        expect(
            reported(
                iamLeastPrivilege,
                TYPES.rolePolicy,
                allow(
                    ["s3:Get*", "logs:Describe*"],
                    ["arn:aws:s3:::b/*", `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/agentcore/*`],
                ),
            ),
        ).to.deep.equal([]);
    });
    it('fails Resource "*" for an action that can be scoped', () => {
        expectOne(
            reported(iamLeastPrivilege, TYPES.rolePolicy, allow(["logs:PutLogEvents", "xray:PutTraceSegments"], "*")),
            'grants "logs:PutLogEvents" on Resource "*"',
            "scope Resource to the ARNs used",
        );
    });
    it("fails ARNs with a wildcard partition, service, region or account, and whole-service ARNs", () => {
        const cases: [string, string][] = [
            ["arn:*:*:*:*:*", "a wildcard partition, service, region, account"],
            [`arn:aws:logs:*:${ACCOUNT}:log-group:*`, "a wildcard region"],
            ["arn:aws:logs:us-east-1:*:log-group:*", "a wildcard account"],
            ["arn:aws*:s3:::b", "a wildcard partition"],
            ["arn:aws:s3:::*", "every s3 resource"],
            ["arn:aws:s3:::*/*", "every s3 resource"],
            [`arn:aws:logs:us-east-1:${ACCOUNT}:*`, "every logs resource"],
            ["arn:*", "a wildcard that is not a complete ARN"],
        ];
        for (const [arn, reason] of cases) {
            expectOne(
                reported(iamLeastPrivilege, TYPES.rolePolicy, allow("logs:DescribeLogGroups", arn)),
                `grants "logs:DescribeLogGroups" on Resource "${arn}" (${reason})`,
                scope,
            );
        }
    });
    it("passes the documented log-group:* ARN for logs:DescribeLogGroups, and unscopable actions on wildcard ARNs", () => {
        expect(
            reported(
                iamLeastPrivilege,
                TYPES.rolePolicy,
                allow("logs:DescribeLogGroups", `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:*`),
            ),
        ).to.deep.equal([]);
        expect(
            reported(
                iamLeastPrivilege,
                TYPES.rolePolicy,
                allow(
                    ["ecr:GetAuthorizationToken", "xray:PutTraceSegments"],
                    ["arn:*:*:*:*:*", "arn:aws:ecr:us-east-1:*:*"],
                ),
            ),
        ).to.deep.equal([]);
    });
    it("fails NotAction and NotResource on Allow", () => {
        expectOne(
            reported(iamLeastPrivilege, TYPES.rolePolicy, {
                ...rolePolicy,
                policy: statement({ Effect: "Allow", NotAction: "iam:*", Resource: "arn:aws:s3:::b" }),
            }),
            "allows NotAction",
            "list the needed actions",
        );
        expectOne(
            reported(iamLeastPrivilege, TYPES.rolePolicy, {
                ...rolePolicy,
                policy: statement({ Effect: "Allow", Action: "s3:GetObject", NotResource: "arn:aws:s3:::b" }),
            }),
            "uses NotResource",
        );
    });
    it("checks a Role's inlinePolicies and rejects a document that is not JSON", () => {
        const role: Props<aws.iam.RoleArgs> = {
            ...lambdaRole,
            inlinePolicies: [
                { name: "inline", policy: statement({ Effect: "Allow", Action: "dynamodb:*", Resource: "*" }) },
            ],
        };
        expectOne(
            reported(iamLeastPrivilege, TYPES.role, role),
            'Role "subject" inlinePolicies[0] ("inline") Statement[0] allows the wildcard action "dynamodb:*"',
        );
        expectOne(
            reported(iamLeastPrivilege, TYPES.rolePolicy, { ...rolePolicy, policy: "{not json" }),
            "policy is not valid JSON",
            "pass a JSON policy document",
        );
    });
    it("aws-native iam.RolePolicy and iam.ManagedPolicy: pass the compliant policyDocument, fail a wildcard one", () => {
        const wild = documentOf({
            Sid: "Wild",
            Effect: "Allow",
            Action: "iam:PassRole",
            Resource: "arn:aws:iam::*:role/*",
        });
        for (const [type, fixture] of [
            [TYPES.nativeRolePolicy, nativeRolePolicy],
            [TYPES.nativeManagedPolicy, nativeManagedPolicy],
        ] as const) {
            expect(reported(iamLeastPrivilege, type, fixture)).to.deep.equal([]);
            expectOne(
                reported(iamLeastPrivilege, type, { ...fixture, policyDocument: wild }),
                'policyDocument statement "Wild" grants "iam:PassRole" on Resource "arn:aws:iam::*:role/*" (a wildcard account)',
            );
        }
        expectOne(
            reported(iamLeastPrivilege, TYPES.nativeRolePolicy, {
                ...nativeRolePolicy,
                policyDocument: JSON.stringify(documentOf({ Effect: "Allow", Action: "*", Resource: "*" })),
            }),
            'policyDocument Statement[0] allows the wildcard action "*"',
        );
    });
    it("aws-native iam.Role: passes compliant policies[].policyDocument, fails a wildcard one", () => {
        expect(reported(iamLeastPrivilege, TYPES.nativeRole, nativeRole)).to.deep.equal([]);
        const role = {
            ...nativeRole,
            policies: [
                ...nativeRole.policies!,
                {
                    policyName: "extra",
                    policyDocument: documentOf({ Effect: "Allow", Action: "sts:*", Resource: "*" }),
                },
            ],
        };
        expectOne(
            reported(iamLeastPrivilege, TYPES.nativeRole, role),
            'Role "subject" policies[1] ("extra") Statement[0] allows the wildcard action "sts:*" (every sts action)',
        );
    });
    it("passes documents that are unknown during preview, whole or per element", () => {
        expect(reported(iamLeastPrivilege, TYPES.rolePolicy, { ...rolePolicy, policy: UNKNOWN_STRING })).to.deep.equal(
            [],
        );
        expect(
            reported(iamLeastPrivilege, TYPES.rolePolicy, {
                ...rolePolicy,
                policy: {
                    Version: "2012-10-17",
                    Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: UNKNOWN_ARRAY }],
                },
            }),
        ).to.deep.equal([]);
        // A document object built from ARNs of resources not created yet (aws-native takes objects).
        const fromUnknownArns = documentOf(
            { Effect: "Allow", Action: ["logs:PutLogEvents"], Resource: unknownIds(2) },
            { Effect: "Allow", Action: [UNKNOWN_STRING], Resource: "*" },
            { Effect: UNKNOWN_STRING, Action: "s3:*", Resource: "*" },
            UNKNOWN_OBJECT,
        );
        expect(
            reported(iamLeastPrivilege, TYPES.nativeRolePolicy, {
                ...nativeRolePolicy,
                policyDocument: fromUnknownArns,
            }),
        ).to.deep.equal([]);
        expect(
            reported(iamLeastPrivilege, TYPES.nativeRole, {
                ...nativeRole,
                policies: [UNKNOWN_OBJECT, { policyName: "p", policyDocument: UNKNOWN_OBJECT }],
            }),
        ).to.deep.equal([]);
        expect(
            reported(iamLeastPrivilege, TYPES.role, {
                ...lambdaRole,
                inlinePolicies: [{ name: "p", policy: UNKNOWN_STRING }],
            }),
        ).to.deep.equal([]);
    });
    it("still judges the known elements next to unknown ones", () => {
        expectOne(
            reported(iamLeastPrivilege, TYPES.nativeRolePolicy, {
                ...nativeRolePolicy,
                policyDocument: documentOf({
                    Effect: "Allow",
                    Action: "logs:PutLogEvents",
                    Resource: [UNKNOWN_STRING, "*"],
                }),
            }),
            'grants "logs:PutLogEvents" on Resource "*"',
        );
    });
});

describe("policy agentcore-execution-role-no-managed-policies", () => {
    it("passes an execution role without managed policies and ignores other roles", () => {
        expect(reported(executionRoleNoManagedPolicies, TYPES.role, executionRole)).to.deep.equal([]);
        expect(
            reported(executionRoleNoManagedPolicies, TYPES.role, {
                ...lambdaRole,
                managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
            }),
        ).to.deep.equal([]);
    });
    it("fails managedPolicyArns on the execution role", () => {
        expectOne(
            reported(executionRoleNoManagedPolicies, TYPES.role, {
                ...executionRole,
                managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"],
            }),
            'is an AgentCore execution role with managedPolicyArns ["arn:aws:iam::aws:policy/AdministratorAccess"]',
            "remove managedPolicyArns",
        );
    });
    it("fails managedPolicyArns whose ARNs are unknown: the list's length is known, and any entry is one too many", () => {
        expectOne(
            reported(executionRoleNoManagedPolicies, TYPES.role, {
                ...executionRole,
                managedPolicyArns: unknownIds(1),
            }),
            `with managedPolicyArns [${SHOWN_UNKNOWN}]`,
            "remove managedPolicyArns",
        );
        expect(
            reported(executionRoleNoManagedPolicies, TYPES.role, {
                ...executionRole,
                managedPolicyArns: UNKNOWN_ARRAY,
            }),
        ).to.deep.equal([]);
        expect(
            reported(executionRoleNoManagedPolicies, TYPES.role, {
                ...executionRole,
                assumeRolePolicy: UNKNOWN_STRING,
                managedPolicyArns: unknownIds(1),
            }),
        ).to.deep.equal([]);
    });
    it("aws-native iam.Role: passes without managedPolicyArns, fails with one", () => {
        expect(reported(executionRoleNoManagedPolicies, TYPES.nativeRole, nativeRole)).to.deep.equal([]);
        expectOne(
            reported(executionRoleNoManagedPolicies, TYPES.nativeRole, {
                ...nativeRole,
                managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
            }),
            'Role "subject" is an AgentCore execution role with managedPolicyArns ["arn:aws:iam::aws:policy/ReadOnlyAccess"]',
        );
    });
});

describe("policy agentcore-execution-role-no-policy-attachments (stack)", () => {
    const recorded = (type: string, name: string, state: Record<string, unknown>) =>
        recordedResource(type, name, state);
    const validateStack = (resources: RecordedResource[]) => {
        const found: { message: string; urn?: string }[] = [];
        (executionRoleNoAttachedPolicies as StackValidationPolicy).validateStack(stackArgs(resources), (message, urn) =>
            found.push({ message, urn }),
        );
        return found;
    };
    const roles = [
        recorded(TYPES.role, "exec", executionRole as Record<string, unknown>),
        recorded(TYPES.role, "other", lambdaRole as Record<string, unknown>),
    ];

    it("passes attachments to other roles", () => {
        expect(
            validateStack([
                ...roles,
                recorded(TYPES.rolePolicyAttachment, "ok", {
                    role: "other",
                    policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
                }),
            ]),
        ).to.deep.equal([]);
    });
    it("fails a RolePolicyAttachment, RolePolicyAttachmentsExclusive or PolicyAttachment naming the execution role", () => {
        const attachments = [
            recorded(TYPES.rolePolicyAttachment, "a1", {
                role: "agentcore-exec",
                policyArn: "arn:aws:iam::aws:policy/AmazonS3FullAccess",
            }),
            recorded(TYPES.rolePolicyAttachmentsExclusive, "a2", {
                roleName: "agentcore-exec",
                policyArns: ["arn:aws:iam::aws:policy/X"],
            }),
            recorded(TYPES.policyAttachment, "a3", {
                roles: ["other", "agentcore-exec"],
                policyArn: "arn:aws:iam::aws:policy/Y",
            }),
        ];
        const found = validateStack([...roles, ...attachments]);
        expect(found.map((f) => f.urn)).to.deep.equal(attachments.map((a) => a.urn));
        expect(found[0].message).to.equal(
            'RolePolicyAttachment "a1" attaches "arn:aws:iam::aws:policy/AmazonS3FullAccess" to the AgentCore execution role Role "exec": delete the attachment and grant what the runtime needs in the role\'s inline policy (aws.iam.RolePolicy) instead.',
        );
    });
    it("aws-native: fails an iam.ManagedPolicy listing the aws-native execution role in roles, passes one for another role", () => {
        const native = recorded(TYPES.nativeRole, "native-exec", nativeRole as Record<string, unknown>);
        const attached = recorded(TYPES.nativeManagedPolicy, "extra", {
            ...nativeManagedPolicy,
            roles: ["agentcore-exec"],
        });
        const other = recorded(TYPES.nativeManagedPolicy, "other", { ...nativeManagedPolicy, roles: ["other"] });
        const found = validateStack([native, attached, other]);
        expect(found).to.deep.equal([
            {
                message:
                    'ManagedPolicy "extra" attaches itself (a customer managed policy) to the AgentCore execution role Role "native-exec": delete the attachment and grant what the runtime needs in the role\'s inline policy (aws.iam.RolePolicy) instead.',
                urn: attached.urn,
            },
        ]);
    });
    it("passes attachments whose role or policy is unknown (preview) without failing", () => {
        const unknownRole = recorded(TYPES.policyAttachment, "u1", {
            roles: unknownIds(2),
            policyArn: "arn:aws:iam::aws:policy/X",
        });
        const unknownPolicy = recorded(TYPES.rolePolicyAttachment, "u2", { role: "other", policyArn: UNKNOWN_STRING });
        expect(validateStack([...roles, unknownRole, unknownPolicy])).to.deep.equal([]);
        const unknownArn = recorded(TYPES.rolePolicyAttachment, "u3", {
            role: "agentcore-exec",
            policyArn: UNKNOWN_STRING,
        });
        expect(validateStack([...roles, unknownArn]).map((f) => f.message)).to.deep.equal([
            `RolePolicyAttachment "u3" attaches ${SHOWN_UNKNOWN} to the AgentCore execution role Role "exec": delete the attachment and grant what the runtime needs in the role's inline policy (aws.iam.RolePolicy) instead.`,
        ]);
    });
});

describe("policy kms-key-rotation-enabled", () => {
    const classic = subjectOf(kmsKeyRotation, TYPES.kmsKey, kmsKey);
    it("passes a rotating key and an asymmetric key", () => {
        expect(classic()).to.deep.equal([]);
        expect(
            reported(kmsKeyRotation, TYPES.kmsKey, {
                ...withProp(kmsKey, "enableKeyRotation", undefined),
                customerMasterKeySpec: "RSA_2048",
                keyUsage: "SIGN_VERIFY",
            }),
        ).to.deep.equal([]);
    });
    it("fails a key without rotation (false or unset)", () => {
        for (const value of [false, undefined]) {
            expectOne(
                classic({ enableKeyRotation: value }),
                'Key "subject" does not rotate its key material',
                "set enableKeyRotation: true",
            );
        }
    });
    it("passes while rotation or the key spec is unknown (preview)", () => {
        expect(classic({ enableKeyRotation: UNKNOWN_BOOLEAN })).to.deep.equal([]);
        expect(
            reported(kmsKeyRotation, TYPES.kmsKey, {
                ...kmsKey,
                enableKeyRotation: false,
                customerMasterKeySpec: UNKNOWN_STRING,
            }),
        ).to.deep.equal([]);
    });
    it("aws-native kms.Key: passes a rotating or asymmetric (keySpec) key, fails a symmetric key without rotation", () => {
        expect(reported(kmsKeyRotation, TYPES.nativeKmsKey, nativeKey)).to.deep.equal([]);
        expect(
            reported(kmsKeyRotation, TYPES.nativeKmsKey, {
                ...nativeKey,
                enableKeyRotation: false,
                keySpec: "RSA_2048",
                keyUsage: "SIGN_VERIFY",
            }),
        ).to.deep.equal([]);
        expectOne(
            reported(kmsKeyRotation, TYPES.nativeKmsKey, {
                ...nativeKey,
                enableKeyRotation: false,
                keySpec: "SYMMETRIC_DEFAULT",
            }),
            'Key "subject" does not rotate its key material',
            "set enableKeyRotation: true",
        );
        // customerMasterKeySpec is the classic name; on a native key it means nothing.
        expectOne(
            reported(kmsKeyRotation, TYPES.nativeKmsKey, {
                ...withProp(nativeKey, "enableKeyRotation", undefined),
                customerMasterKeySpec: "RSA_2048",
            }),
            "does not rotate its key material",
        );
    });
});

describe("policy log-group-encrypted-with-retention", () => {
    const classic = subjectOf(logGroupEncryptedRetained, TYPES.logGroup, logGroup);
    const native = subjectOf(logGroupEncryptedRetained, TYPES.nativeLogGroup, nativeLogGroup);
    it("passes an encrypted log group with retention, also with an unknown key ARN", () => {
        expect(classic()).to.deep.equal([]);
        expect(classic({ kmsKeyId: UNKNOWN_STRING })).to.deep.equal([]);
    });
    it("fails without kmsKeyId", () => {
        expectOne(
            classic({ kmsKeyId: undefined }),
            'LogGroup "subject" is not encrypted with a customer managed key',
            "set kmsKeyId",
        );
    });
    it("fails without retention (unset or 0, which means never expire)", () => {
        for (const value of [undefined, 0]) {
            expectOne(classic({ retentionInDays: value }), "keeps its logs forever", "set retentionInDays");
        }
    });
    it("passes an unknown retention (preview)", () => {
        expect(classic({ retentionInDays: UNKNOWN_NUMBER })).to.deep.equal([]);
    });
    it("aws-native logs.LogGroup: passes with kmsKeyId and retentionInDays, fails without either", () => {
        expect(native()).to.deep.equal([]);
        expectOne(
            native({ kmsKeyId: undefined }),
            'LogGroup "subject" is not encrypted with a customer managed key',
            "set kmsKeyId",
        );
        expectOne(native({ retentionInDays: undefined }), 'LogGroup "subject" keeps its logs forever');
    });
});

describe("policy sns-topic-encrypted", () => {
    const classic = subjectOf(snsTopicEncrypted, TYPES.snsTopic, topic);
    const native = subjectOf(snsTopicEncrypted, TYPES.nativeSnsTopic, nativeTopic);
    it("passes a topic encrypted with a customer managed key", () => {
        expect(classic()).to.deep.equal([]);
    });
    it("fails an unencrypted topic", () => {
        expectOne(
            classic({ kmsMasterKeyId: undefined }),
            'Topic "subject" is not encrypted at rest',
            "set kmsMasterKeyId",
        );
    });
    it("fails the AWS managed key, which alarms cannot publish with", () => {
        expectOne(
            classic({ kmsMasterKeyId: "alias/aws/sns" }),
            "AWS managed key alias/aws/sns",
            "allows cloudwatch.amazonaws.com",
        );
    });
    it("passes a key ARN that is unknown (preview)", () => {
        expect(classic({ kmsMasterKeyId: UNKNOWN_STRING })).to.deep.equal([]);
    });
    it("aws-native sns.Topic: passes a customer managed key, fails none or alias/aws/sns", () => {
        expect(native()).to.deep.equal([]);
        expectOne(
            native({ kmsMasterKeyId: undefined }),
            'Topic "subject" is not encrypted at rest',
            "set kmsMasterKeyId",
        );
        expectOne(native({ kmsMasterKeyId: "alias/aws/sns" }), "AWS managed key alias/aws/sns");
    });
});

describe("policy metric-alarm-has-actions", () => {
    const classic = subjectOf(alarmActions, TYPES.metricAlarm, alarm);
    const native = subjectOf(alarmActions, TYPES.nativeAlarm, nativeAlarm);
    it("passes an alarm that notifies the topic", () => {
        expect(classic()).to.deep.equal([]);
        expect(classic({ alarmActions: [UNKNOWN_STRING] })).to.deep.equal([]);
        expect(classic({ alarmActions: unknownIds(2) })).to.deep.equal([]);
        expect(classic({ alarmActions: UNKNOWN_ARRAY })).to.deep.equal([]);
        expect(reported(alarmActions, TYPES.metricAlarm, { ...alarm, actionsEnabled: UNKNOWN_BOOLEAN })).to.deep.equal(
            [],
        );
    });
    it("aws-native cloudwatch.Alarm: passes with alarmActions, fails without them or with actions disabled", () => {
        expect(native()).to.deep.equal([]);
        expectOne(native({ alarmActions: [] }), 'Alarm "subject" has no alarmActions', "set alarmActions");
        expectOne(
            reported(alarmActions, TYPES.nativeAlarm, { ...nativeAlarm, actionsEnabled: false }),
            'Alarm "subject" has actionsEnabled: false',
        );
    });
    it("fails without alarmActions (unset or empty)", () => {
        for (const value of [undefined, []]) {
            expectOne(
                classic({ alarmActions: value }),
                'MetricAlarm "subject" has no alarmActions',
                "set alarmActions to the stack's alarm SNS topic ARN",
            );
        }
    });
    it("fails with actions disabled", () => {
        expectOne(classic({ actionsEnabled: false }), "has actionsEnabled: false", "set it to true");
    });
});

describe("policy production-stateful-resources-protected", () => {
    const fixtures: Record<string, object> = {
        [TYPES.kmsKey]: kmsKey,
        [TYPES.nativeKmsKey]: nativeKey,
        [TYPES.logGroup]: logGroup,
        [TYPES.nativeLogGroup]: nativeLogGroup,
        [TYPES.nativeRuntime]: nativeRuntime,
        [TYPES.classicRuntime]: classicRuntime,
        [TYPES.nativeRuntimeEndpoint]: {
            agentRuntimeId: "support_agent_production-AbCdEfGhIj",
            name: "live",
            agentRuntimeVersion: "1",
        } satisfies Props<awsNative.bedrockagentcore.RuntimeEndpointArgs>,
        [TYPES.classicRuntimeEndpoint]: {
            agentRuntimeId: "support_agent_production-AbCdEfGhIj",
            name: "live",
        } satisfies Props<aws.bedrock.AgentcoreAgentRuntimeEndpointArgs>,
    };

    it("covers KMS keys, log groups, runtimes and endpoints of both providers (aws and aws-native)", () => {
        expect([...STATEFUL_TYPES].sort()).to.deep.equal(Object.keys(fixtures).sort());
    });
    for (const [type, fixture] of Object.entries(fixtures)) {
        it(`${type}: passes protected in production, fails unprotected`, () => {
            expect(reported(productionProtected, type, fixture, { stack: "production", protect: true })).to.deep.equal(
                [],
            );
            expectOne(
                reported(productionProtected, type, fixture, { stack: "production", protect: false }),
                "is a production resource that is not protected",
                "pass { protect: true }",
            );
        });
    }
    it("recognizes production by the Environment tag in any stack, and leaves development alone", () => {
        expectOne(
            reported(
                productionProtected,
                TYPES.kmsKey,
                { ...kmsKey, tags: { Environment: "production" } },
                { stack: "prod-eu" },
            ),
            'Key "subject" is a production resource',
        );
        expect(reported(productionProtected, TYPES.kmsKey, kmsKey, { stack: "development" })).to.deep.equal([]);
        expect(
            reported(productionProtected, TYPES.securityGroup, securityGroup, { stack: "production" }),
        ).to.deep.equal([]);
    });
    it("reads aws-native's [{ key, value }] tags", () => {
        const tagged = {
            ...nativeKey,
            tags: [
                { key: "Team", value: "agents" },
                { key: "Environment", value: "production" },
            ],
        };
        expectOne(
            reported(productionProtected, TYPES.nativeKmsKey, tagged, { stack: "prod-eu" }),
            'Key "subject" is a production resource',
            "pass { protect: true }",
        );
        expect(
            reported(
                productionProtected,
                TYPES.nativeKmsKey,
                { ...tagged, tags: [{ key: "Environment", value: "staging" }] },
                { stack: "prod-eu" },
            ),
        ).to.deep.equal([]);
    });
    it("falls back to the stack name while the Environment tag is unknown (preview)", () => {
        for (const tags of [{ Environment: UNKNOWN_STRING }, UNKNOWN_OBJECT]) {
            expect(
                reported(productionProtected, TYPES.kmsKey, { ...kmsKey, tags }, { stack: "development" }),
            ).to.deep.equal([]);
            expectOne(
                reported(productionProtected, TYPES.kmsKey, { ...kmsKey, tags }, { stack: "production" }),
                "is a production resource that is not protected",
            );
        }
        for (const tags of [
            [UNKNOWN_OBJECT],
            [{ key: "Environment", value: UNKNOWN_STRING }],
            [{ key: UNKNOWN_STRING, value: "production" }],
        ]) {
            expect(
                reported(
                    productionProtected,
                    TYPES.nativeLogGroup,
                    { ...nativeLogGroup, tags },
                    { stack: "development" },
                ),
            ).to.deep.equal([]);
        }
    });
});

describe("src/plan/offline/evaluate.ts: evaluatePolicies over recorded resources", () => {
    it("reduces resource references to IDs, blames the resource and formats the findings", async () => {
        const run = await runComponent(() => {
            const role = new awsRuntime.iam.Role("exec", { assumeRolePolicy: JSON.stringify(trustPolicy) });
            new awsRuntime.iam.RolePolicyAttachment("admin", {
                role,
                policyArn: "arn:aws:iam::aws:policy/AdministratorAccess",
            });
            const alarmTopic = new awsRuntime.sns.Topic("alarms", { kmsMasterKeyId: "alias/agentcore" });
            new awsRuntime.cloudwatch.MetricAlarm("errors", { ...alarm, alarmActions: [alarmTopic] });
            new awsRuntime.kms.Key("key", { enableKeyRotation: false }, { protect: true });
        });
        const violations = evaluatePolicies(run.resources, "development");
        expect(violations.map((v) => [v.policyName, v.resourceName])).to.deep.equal([
            ["agentcore-execution-role-no-policy-attachments", "admin"],
            ["kms-key-rotation-enabled", "key"],
        ]);
        expect(violations[0].message).to.match(
            /^RolePolicyAttachment "admin" attaches "arn:aws:iam::aws:policy\/AdministratorAccess" to the AgentCore execution role Role "exec"/,
        );
        expect(violations.every((v) => v.enforcementLevel === "mandatory" && v.stack === "development")).to.equal(true);
        const text = formatViolations("development", violations);
        expect(text).to.include("stack development has 2 violation(s), 2 blocking");
        expect(text).to.include("[mandatory] kms-key-rotation-enabled\n    aws:kms/key:Key key\n");
        expect(formatViolations("staging", [])).to.equal(
            `Policy pack ${PACK_NAME}: stack staging passes all ${PACK_RULE_NAMES.length} policies.`,
        );
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
        expect(violations.map((v) => `${v.policyName}:${v.resourceName}`)).to.deep.equal([
            "production-stateful-resources-protected:unprotected",
        ]);
    });

    it("like the engine, downgrades a policy that reads an unknown value to an advisory finding, and skips disabled policies", () => {
        const key = recordedResource(TYPES.kmsKey, "key", { description: UNKNOWN_STRING }, { id: "k" });
        const naive: ResourceValidationPolicy = {
            name: "naive",
            description: "reads props without plain()",
            validateResource: (args, report) => {
                if (args.props.description.length === 0) {
                    report("empty");
                }
            },
        };
        const violations = evaluatePolicies([key], "development", [
            naive,
            { ...naive, name: "off", enforcementLevel: "disabled" },
        ]);
        expect(violations).to.have.length(1);
        expect(violations[0]).to.include({ policyName: "naive", enforcementLevel: "advisory", resourceName: "key" });
        expect(violations[0].message).to.match(
            /^can't run policy naive during preview: string value at \.description can't be known during preview/,
        );
    });
});

describe("src/plan/offline/evaluate.ts: policy pack config (--policy-pack-config)", () => {
    const rule = { name: "production-stateful-resources-protected", enforcementLevel: "mandatory" as const };

    it("takes the level from the policy's own entry, else `all`, else the policy, else the pack, as the CLI does", () => {
        expect(enforcementLevelOf(rule)).to.equal("mandatory");
        expect(enforcementLevelOf({ name: "unset" })).to.equal(PACK_ENFORCEMENT_LEVEL);
        expect(enforcementLevelOf(rule, { [rule.name]: "advisory" })).to.equal("advisory");
        expect(enforcementLevelOf(rule, { [rule.name]: { enforcementLevel: "disabled" } })).to.equal("disabled");
        expect(enforcementLevelOf(rule, { all: "advisory" })).to.equal("advisory");
        expect(enforcementLevelOf(rule, { all: { enforcementLevel: "advisory" }, [rule.name]: "mandatory" })).to.equal(
            "mandatory",
        );
        expect(enforcementLevelOf(rule, { "other-policy": "disabled" })).to.equal("mandatory");
        expect(enforcementLevelOf(rule, { [rule.name]: { note: "settings only" } })).to.equal("mandatory");
    });
    it("rejects an invalid level with the CLI's message", () => {
        expect(() => enforcementLevelOf(rule, { [rule.name]: "optional" as never })).to.throw(
            'parsing enforcement level for "production-stateful-resources-protected": "optional" is not a valid enforcement level',
        );
    });
    it("hands a policy its entry's other properties through getConfig(), as the engine does", () => {
        const seen: object[] = [];
        const reader: ResourceValidationPolicy = {
            name: "reader",
            description: "reads its config",
            validateResource: (args) => void seen.push(args.getConfig()),
        };
        const key = recordedResource(TYPES.kmsKey, "k", {});
        evaluatePolicies([key], "development", [reader], { reader: { enforcementLevel: "advisory", maxDays: 30 } });
        expect(seen).to.deep.equal([{ maxDays: 30 }]);
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
        expect(violations.map((v) => v.policyName)).to.deep.equal(
            stateful.map(() => "production-stateful-resources-protected"),
        );
        expect(violations.map((v) => v.urn).sort()).to.deep.equal(stateful.map((r) => r.urn).sort());
        expect(violations.every(isBlocking)).to.equal(true);
    });

    it("production with protect: false goes ahead only with the documented policy pack config (the second explicit act)", async () => {
        const run = await runStackOnce("production", { protect: "false" });
        if (run.error) {
            throw run.error;
        }
        // The JSON block in docs/policy.md that names the rule is the config the docs tell people to use.
        const docs = fs.readFileSync(path.join(REPO_ROOT, "docs", "policy.md"), "utf8");
        const block = [...docs.matchAll(/```json\n([\s\S]*?)```/g)]
            .map((m) => m[1])
            .find((b) => b.includes("production-stateful-resources-protected"));
        expect(block, "docs/policy.md has the policy pack config").to.not.equal(undefined);
        const documented = JSON.parse(block!) as PolicyPackConfig;

        const advisory = evaluatePolicies(run.resources, "production", policies, documented);
        const stateful = run.resources.filter((r) => STATEFUL_TYPES.includes(r.type));
        expect(advisory.map((v) => `${v.policyName}:${v.enforcementLevel}`)).to.deep.equal(
            stateful.map(() => "production-stateful-resources-protected:advisory"),
        );
        expect(advisory.some(isBlocking)).to.equal(false);
        expect(advisory[0].message).to.include("is a production resource that is not protected");

        expect(
            evaluatePolicies(run.resources, "production", policies, {
                "production-stateful-resources-protected": "disabled",
            }),
        ).to.deep.equal([]);
        // The config lowers only that rule: the others stay mandatory.
        const others = policies.filter((p) => p.name !== "production-stateful-resources-protected");
        expect(others.map((p) => enforcementLevelOf(p, documented))).to.deep.equal(others.map(() => "mandatory"));
    });
});
