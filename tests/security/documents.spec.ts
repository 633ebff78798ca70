/**
 * The security documents as literals: the execution role's trust and permissions in the shape
 * AWS documents for AgentCore Runtime (../shared/AGENTCORE.md, "Execution role"), the stack
 * key's policy, the deploy role's guardrail and the file-system grants, each for one worked
 * input; then the AgentSecurity and StackKey components' decisions that the per-stack spec
 * (security.spec.ts) does not reach: Instances with and without persistent volumes, a runtime
 * with file systems, the network stack's key on its own.
 */
import { expect } from "chai";
import { deployerGuardrailDocument } from "../../src/security/deployerGuardrail";
import { executionRolePolicy, executionRoleTrustPolicy } from "../../src/security/executionRole";
import { efsFileSystemArn, filesystemGrantPolicy, s3FilesFileSystemArn } from "../../src/security/filesystemGrants";
import { kmsAliasName, kmsKeyDescription, kmsKeyPolicy } from "../../src/security/kmsKey";
import { AgentSecurity } from "../../src/security/security";
import { StackKey } from "../../src/security/stackKey";
import { FilesystemConfig } from "../../src/config";
import { PolicyDocument } from "../../src/aws/iamDocument";
import { configOf, one, ofType, runComponent } from "../helpers";
import { otherProvidersDeny, runtimeWriteDeny } from "./requirements";
import { XRAY_WRITES } from "../aws/unscopableActions";

const TARGET = { accountId: "123456789012", region: "us-east-1", partition: "aws" };
const HAIKU = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0";
const EFS_ACCESS_POINT = "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0";
const S3_FILES_ACCESS_POINT =
    "arn:aws:s3files:us-east-1:123456789012:file-system/fs-0fedcba9876543210/access-point/fsap-0fedcba9876543210";
const MOUNTS: FilesystemConfig[] = [
    { kind: "sessionStorage", mountPath: "/mnt/session" },
    { kind: "efs", accessPointArn: EFS_ACCESS_POINT, fileSystemId: "fs-0123456789abcdef0", mountPath: "/mnt/efs" },
    { kind: "s3Files", accessPointArn: S3_FILES_ACCESS_POINT, mountPath: "/mnt/s3" },
];

function document(value: unknown): PolicyDocument {
    expect(value).to.be.a("string");
    return JSON.parse(value as string) as PolicyDocument;
}

describe("security documents, as AWS receives them", () => {
    it("the execution role's permissions for one runtime and one model", () => {
        expect(
            executionRolePolicy({
                ...TARGET,
                runtimes: [{ runtimeName: "support_agent_staging" }],
                modelArns: [HAIKU],
            }),
        ).to.deep.equal({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "LogsRuntimeLogGroups",
                    Effect: "Allow",
                    Action: ["logs:CreateLogGroup", "logs:DescribeLogStreams"],
                    Resource: [
                        "arn:aws:logs:us-east-1:123456789012:log-group:/aws/bedrock-agentcore/runtimes/support_agent_staging-*",
                    ],
                    Condition: {
                        StringEquals: {
                            "aws:RequestedRegion": "us-east-1",
                        },
                    },
                },
                {
                    Sid: "LogsRuntimeLogStreams",
                    Effect: "Allow",
                    Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                    Resource: [
                        "arn:aws:logs:us-east-1:123456789012:log-group:/aws/bedrock-agentcore/runtimes/support_agent_staging-*:log-stream:*",
                    ],
                    Condition: {
                        StringEquals: {
                            "aws:RequestedRegion": "us-east-1",
                        },
                    },
                },
                {
                    Sid: "LogsDescribeLogGroups",
                    Effect: "Allow",
                    Action: ["logs:DescribeLogGroups"],
                    Resource: "arn:aws:logs:us-east-1:123456789012:log-group:*",
                    Condition: {
                        StringEquals: {
                            "aws:RequestedRegion": "us-east-1",
                        },
                    },
                },
                {
                    Sid: "XRayTraces",
                    Effect: "Allow",
                    Action: XRAY_WRITES,
                    Resource: "*",
                    Condition: {
                        StringEquals: {
                            "aws:RequestedRegion": "us-east-1",
                        },
                    },
                },
                {
                    Sid: "CloudWatchAgentCoreMetrics",
                    Effect: "Allow",
                    Action: ["cloudwatch:PutMetricData"],
                    Resource: "*",
                    Condition: {
                        StringEquals: {
                            "cloudwatch:namespace": "bedrock-agentcore",
                            "aws:RequestedRegion": "us-east-1",
                        },
                    },
                },
                {
                    Sid: "WorkloadIdentityTokens",
                    Effect: "Allow",
                    Action: [
                        "bedrock-agentcore:GetWorkloadAccessToken",
                        "bedrock-agentcore:GetWorkloadAccessTokenForJWT",
                        "bedrock-agentcore:GetWorkloadAccessTokenForUserId",
                    ],
                    Resource: [
                        "arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default",
                        "arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default/workload-identity/support_agent_staging-*",
                    ],
                    Condition: {
                        StringEquals: {
                            "aws:RequestedRegion": "us-east-1",
                        },
                    },
                },
                {
                    Sid: "InvokeConfiguredModels",
                    Effect: "Allow",
                    Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
                    Resource: ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0"],
                },
            ],
        });
    });

    it("the execution role's trust: AgentCore, for this account, on AgentCore resources of this region", () => {
        expect(
            executionRoleTrustPolicy({
                ...TARGET,
                runtimes: [{ runtimeName: "support_agent_staging" }],
                modelArns: [],
            }),
        ).to.deep.equal({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "AgentCoreRuntimesAssumeRole",
                    Effect: "Allow",
                    Principal: {
                        Service: "bedrock-agentcore.amazonaws.com",
                    },
                    Action: ["sts:AssumeRole"],
                    Condition: {
                        StringEquals: {
                            "aws:SourceAccount": "123456789012",
                        },
                        ArnLike: {
                            "aws:SourceArn": ["arn:aws:bedrock-agentcore:us-east-1:123456789012:*"],
                        },
                    },
                },
            ],
        });
    });

    it("the stack key's policy: the account administers it; Logs, SNS and CloudWatch alarms use it", () => {
        expect(kmsKeyPolicy({ ...TARGET, dnsSuffix: "amazonaws.com" })).to.deep.equal({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "EnableRootAccountAdministration",
                    Effect: "Allow",
                    Principal: {
                        AWS: "arn:aws:iam::123456789012:root",
                    },
                    Action: ["kms:*"],
                    Resource: "*",
                },
                {
                    Sid: "AllowCloudWatchLogsEncryption",
                    Effect: "Allow",
                    Principal: {
                        Service: "logs.us-east-1.amazonaws.com",
                    },
                    Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                    Resource: "*",
                    Condition: {
                        ArnLike: {
                            "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:123456789012:log-group:*",
                        },
                    },
                },
                {
                    Sid: "AllowSnsUseOfKey",
                    Effect: "Allow",
                    Principal: {
                        Service: "sns.amazonaws.com",
                    },
                    Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
                    Resource: "*",
                    Condition: {
                        StringEquals: {
                            "aws:SourceAccount": "123456789012",
                        },
                    },
                },
                {
                    Sid: "AllowCloudWatchAlarmsUseOfKey",
                    Effect: "Allow",
                    Principal: {
                        Service: "cloudwatch.amazonaws.com",
                    },
                    Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
                    Resource: "*",
                },
            ],
        });
    });

    it("the stack key's policy admits an Instances operator role for EBS only, through EC2 in this region", () => {
        const policy = kmsKeyPolicy({
            ...TARGET,
            dnsSuffix: "amazonaws.com.cn",
            ebsOperatorRoleArn: "arn:aws:iam::123456789012:role/agentcore-staging-operator-role",
        });
        const viaEc2 = { "kms:ViaService": "ec2.us-east-1.amazonaws.com.cn", "kms:CallerAccount": "123456789012" };
        expect(policy.Statement.slice(4)).to.deep.equal([
            {
                Sid: "AllowInstancesOperatorEbsUse",
                Effect: "Allow",
                Principal: { AWS: "arn:aws:iam::123456789012:role/agentcore-staging-operator-role" },
                Action: ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"],
                Resource: "*",
                Condition: { StringEquals: viaEc2 },
            },
            {
                Sid: "AllowInstancesOperatorEbsGrants",
                Effect: "Allow",
                Principal: { AWS: "arn:aws:iam::123456789012:role/agentcore-staging-operator-role" },
                Action: ["kms:CreateGrant"],
                Resource: "*",
                Condition: { StringEquals: viaEc2, Bool: { "kms:GrantIsForAWSResource": "true" } },
            },
        ]);
        expect(policy.Statement.map((s) => s.Sid).slice(0, 4)).to.deep.equal([
            "EnableRootAccountAdministration",
            "AllowCloudWatchLogsEncryption",
            "AllowSnsUseOfKey",
            "AllowCloudWatchAlarmsUseOfKey",
        ]);
    });

    it("the key's description names what it encrypts, the persistent volumes only when there are some", () => {
        const base =
            "AgentCore staging: VPC flow logs, runtime log groups (application, usage), alarm SNS topic, ECR image repositories, S3 code bucket, Secrets Manager secrets";
        expect(kmsKeyDescription("staging")).to.equal(base);
        expect(kmsKeyDescription("staging", true)).to.equal(`${base}, Instances persistent EBS volumes`);
    });

    it("the key's alias is agentcore-<name>, keeps letters, digits, /, _ and - and turns anything else into -", () => {
        expect(kmsAliasName("agentcore-staging")).to.equal("alias/agentcore-staging");
        expect(kmsAliasName("team/Agent_core-9")).to.equal("alias/agentcore-team/Agent_core-9");
        expect(kmsAliasName("agentcore staging.v2")).to.equal("alias/agentcore-staging-v2");
    });

    it("the microVM deploy guardrail: only the stack's subnets and security groups, and no capacity provider", () => {
        expect(
            deployerGuardrailDocument({
                subnetIds: ["subnet-0b2", "subnet-0a1", "subnet-0b2"],
                securityGroupIds: ["sg-0runtime"],
            }),
        ).to.deep.equal({
            Version: "2012-10-17",
            Statement: [
                runtimeWriteDeny("DenyRuntimeOutsideStackSubnets", {
                    "ForAnyValue:StringNotEquals": { "bedrock-agentcore:subnets": ["subnet-0a1", "subnet-0b2"] },
                }),
                runtimeWriteDeny("DenyRuntimeWithoutSubnets", { Null: { "bedrock-agentcore:subnets": "true" } }),
                runtimeWriteDeny("DenyRuntimeOutsideStackSecurityGroups", {
                    "ForAnyValue:StringNotEquals": { "bedrock-agentcore:securityGroups": ["sg-0runtime"] },
                }),
                runtimeWriteDeny("DenyRuntimeWithoutSecurityGroups", {
                    Null: { "bedrock-agentcore:securityGroups": "true" },
                }),
                {
                    Sid: "DenyAnyCapacityProvider",
                    Effect: "Deny",
                    Action: ["bedrock-agentcore:PassCapacityProvider"],
                    Resource: "*",
                },
            ],
        });
    });

    it("the Instances deploy guardrail: the network fence, and no capacity provider but the stack's own", () => {
        const doc = deployerGuardrailDocument({
            subnetIds: ["subnet-0a1"],
            securityGroupIds: ["sg-0runtime", "sg-0admin"],
            capacityProviderArn:
                "arn:aws:bedrock-agentcore:us-east-1:123456789012:capacity-provider/agentcore_staging-*",
        });
        expect(doc).to.deep.equal({
            Version: "2012-10-17",
            Statement: [
                runtimeWriteDeny("DenyRuntimeOutsideStackSubnets", {
                    "ForAnyValue:StringNotEquals": { "bedrock-agentcore:subnets": ["subnet-0a1"] },
                }),
                runtimeWriteDeny("DenyRuntimeOutsideStackSecurityGroups", {
                    "ForAnyValue:StringNotEquals": { "bedrock-agentcore:securityGroups": ["sg-0admin", "sg-0runtime"] },
                }),
                otherProvidersDeny(
                    "arn:aws:bedrock-agentcore:us-east-1:123456789012:capacity-provider/agentcore_staging-*",
                ),
            ],
        });
    });

    it("the guardrail refuses an empty subnet list and an empty security group list, each on its own", () => {
        const message = "deployerGuardrailDocument needs at least one subnet ID and one security group ID";
        expect(() => deployerGuardrailDocument({ subnetIds: [], securityGroupIds: ["sg-0runtime"] })).to.throw(message);
        expect(() => deployerGuardrailDocument({ subnetIds: ["subnet-0a1"], securityGroupIds: [] })).to.throw(message);
        expect(() =>
            deployerGuardrailDocument({ subnetIds: ["subnet-0a1"], securityGroupIds: ["sg-0runtime"] }),
        ).to.not.throw();
    });

    it("the file-system grants: each mount through its own access point; session storage needs none", () => {
        expect(filesystemGrantPolicy(MOUNTS)).to.deep.equal({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "EfsMount1",
                    Effect: "Allow",
                    Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
                    Resource: "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0123456789abcdef0",
                    Condition: {
                        StringEquals: {
                            "elasticfilesystem:AccessPointArn":
                                "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0",
                        },
                    },
                },
                {
                    Sid: "S3FilesMount2",
                    Effect: "Allow",
                    Action: ["s3files:ClientMount", "s3files:ClientWrite"],
                    Resource: "arn:aws:s3files:us-east-1:123456789012:file-system/fs-0fedcba9876543210",
                    Condition: {
                        StringEquals: {
                            "s3files:AccessPointArn":
                                "arn:aws:s3files:us-east-1:123456789012:file-system/fs-0fedcba9876543210/access-point/fsap-0fedcba9876543210",
                        },
                    },
                },
                {
                    Sid: "S3FilesAccessPoint2",
                    Effect: "Allow",
                    Action: ["s3files:GetAccessPoint"],
                    Resource:
                        "arn:aws:s3files:us-east-1:123456789012:file-system/fs-0fedcba9876543210/access-point/fsap-0fedcba9876543210",
                },
            ],
        });
        expect(filesystemGrantPolicy([MOUNTS[0]])).to.equal(undefined);
        expect(filesystemGrantPolicy([])).to.equal(undefined);
    });

    it("a file system's ARN comes from its access point's, and a malformed access point ARN is refused", () => {
        expect(efsFileSystemArn(EFS_ACCESS_POINT, "fs-0123456789abcdef0")).to.equal(
            "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0123456789abcdef0",
        );
        expect(s3FilesFileSystemArn(S3_FILES_ACCESS_POINT)).to.equal(
            "arn:aws:s3files:us-east-1:123456789012:file-system/fs-0fedcba9876543210",
        );
        expect(() => efsFileSystemArn("arn:aws:s3:::bucket", "fs-1")).to.throw(
            "not an EFS access point ARN: arn:aws:s3:::bucket",
        );
        expect(() => s3FilesFileSystemArn(EFS_ACCESS_POINT)).to.throw(
            `not an S3 Files access point ARN: ${EFS_ACCESS_POINT}`,
        );
    });
});

describe("AgentSecurity and StackKey: Instances, file systems, the network stack's key", () => {
    const staging = configOf("staging");
    const withMounts = { ...staging.runtimes[0], filesystems: MOUNTS };

    async function security(instances?: { providerName: string; volumes: boolean }, runtimes = staging.runtimes) {
        const r = await runComponent(
            () => {
                new AgentSecurity("agentcore-staging", {
                    environment: "staging",
                    runtimes,
                    modelArns: [HAIKU],
                    protect: false,
                    tags: { Environment: "staging" },
                    instances,
                });
            },
            { stack: "staging" },
        );
        expect(r.error, String(r.error)).to.equal(undefined);
        return r;
    }

    it("names its runtimes in the execution role's description", async () => {
        const r = await security();
        expect(one(r, "aws:iam/role:Role", "-execution-role").inputs.description).to.equal(
            "AgentCore runtime execution role (support_agent_staging)",
        );
        expect(one(r, "aws:iam/rolePolicy:RolePolicy", "-execution-policy").inputs.name).to.equal(
            "agentcore-runtime-access",
        );
        expect(ofType(r, "aws:iam/role:Role")).to.have.length(1);
    });

    it("Instances with persistent volumes: an operator role AgentCore assumes, admitted to the key for EBS", async () => {
        const r = await security({ providerName: "agentcore_staging", volumes: true });
        const operator = one(r, "aws:iam/role:Role", "-operator-role");
        expect(operator.inputs.description).to.equal("AgentCore Instances operator role (agentcore_staging)");
        expect(operator.inputs.tags).to.deep.equal({ Environment: "staging" });
        expect(operator.parent).to.equal(one(r, "agentcore:security:AgentSecurity").urn);
        const trust = document(operator.inputs.assumeRolePolicy);
        expect(trust.Statement.map((s) => s.Principal)).to.deep.equal([{ Service: "bedrock-agentcore.amazonaws.com" }]);
        const key = one(r, "aws:kms/key:Key");
        expect(key.inputs.description).to.match(/, Instances persistent EBS volumes$/);
        const ebs = document(key.inputs.policy).Statement.filter((s) => s.Sid?.startsWith("AllowInstancesOperator"));
        expect(ebs.map((s) => s.Principal)).to.deep.equal([{ AWS: operator.state.arn }, { AWS: operator.state.arn }]);
    });

    it("Instances without persistent volumes: the operator role, and a key that does not name it", async () => {
        const r = await security({ providerName: "agentcore_staging", volumes: false });
        expect(ofType(r, "aws:iam/role:Role").map((x) => x.name)).to.have.members([
            "agentcore-staging-execution-role",
            "agentcore-staging-operator-role",
        ]);
        const key = one(r, "aws:kms/key:Key");
        expect(key.inputs.description).to.not.include("EBS");
        expect(document(key.inputs.policy).Statement.map((s) => s.Sid)).to.deep.equal([
            "EnableRootAccountAdministration",
            "AllowCloudWatchLogsEncryption",
            "AllowSnsUseOfKey",
            "AllowCloudWatchAlarmsUseOfKey",
        ]);
    });

    it("a runtime with file systems gets one more role policy, its mounts' grants, which runtimes depend on", async () => {
        const r = await security(undefined, [withMounts]);
        const mounts = one(r, "aws:iam/rolePolicy:RolePolicy", "-support_agent-filesystems");
        expect(mounts.name).to.equal("agentcore-staging-support_agent-filesystems");
        expect(mounts.inputs.name).to.equal("support_agent-filesystems");
        expect(mounts.inputs.role).to.equal(one(r, "aws:iam/role:Role").state.name);
        expect(document(mounts.inputs.policy)).to.deep.equal(filesystemGrantPolicy(MOUNTS));
        expect(document(mounts.inputs.policy).Statement.map((s) => s.Sid)).to.deep.equal([
            "EfsMount1",
            "S3FilesMount2",
            "S3FilesAccessPoint2",
        ]);
        expect(ofType(r, "aws:iam/rolePolicy:RolePolicy")).to.have.length(2);
    });

    it("StackKey: the network stack's key and alias under a component of their own, with its ARN as output", async () => {
        const r = await runComponent(
            () => {
                const key = new StackKey("agentcore-network", { environment: "production", protect: true, tags: {} });
                return { kmsKeyArn: key.kmsKeyArn };
            },
            { stack: "network" },
        );
        expect(r.error, String(r.error)).to.equal(undefined);
        const component = one(r, "agentcore:security:StackKey");
        const key = one(r, "aws:kms/key:Key");
        expect([key.parent, one(r, "aws:kms/alias:Alias").parent]).to.deep.equal([component.urn, component.urn]);
        expect(key.inputs.deletionWindowInDays).to.equal(30);
        expect(key.protect).to.equal(true);
        expect(key.inputs.description).to.not.include("EBS");
        expect(r.outputs?.kmsKeyArn).to.equal(key.state.arn);
    });
});
