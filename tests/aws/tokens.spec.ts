import { expect } from "chai";
import { execFileSync } from "child_process";
import * as aws from "../../src/providers/aws";
import * as awsx from "../../src/providers/awsx";
import * as awsNative from "../policy/packProviders";
import { COMPONENTS, INVOKES, RUNTIME_ENDPOINT_TYPES, RUNTIME_TYPES, TYPES } from "../../src/aws/tokens";
import { REPO_ROOT } from "../helpers";

describe("type tokens (src/aws/tokens.ts)", () => {
    it("names each classic resource by the token its class registers", () => {
        const classes: Record<string, unknown> = {
            "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime": aws.bedrock.AgentcoreAgentRuntime,
            "aws:bedrock/agentcoreAgentRuntimeEndpoint:AgentcoreAgentRuntimeEndpoint":
                aws.bedrock.AgentcoreAgentRuntimeEndpoint,
            "aws:ec2/vpc:Vpc": aws.ec2.Vpc,
            "aws:ec2/subnet:Subnet": aws.ec2.Subnet,
            "aws:ec2/routeTable:RouteTable": aws.ec2.RouteTable,
            "aws:ec2/routeTableAssociation:RouteTableAssociation": aws.ec2.RouteTableAssociation,
            "aws:ec2/flowLog:FlowLog": aws.ec2.FlowLog,
            "aws:ec2/securityGroup:SecurityGroup": aws.ec2.SecurityGroup,
            "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": aws.ec2.DefaultSecurityGroup,
            "aws:ec2/securityGroupRule:SecurityGroupRule": aws.ec2.SecurityGroupRule,
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": aws.vpc.SecurityGroupIngressRule,
            "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": aws.vpc.SecurityGroupEgressRule,
            "aws:ec2/vpcEndpoint:VpcEndpoint": aws.ec2.VpcEndpoint,
            "aws:iam/role:Role": aws.iam.Role,
            "aws:iam/rolePolicy:RolePolicy": aws.iam.RolePolicy,
            "aws:iam/policy:Policy": aws.iam.Policy,
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment": aws.iam.RolePolicyAttachment,
            "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive":
                aws.iam.RolePolicyAttachmentsExclusive,
            "aws:iam/policyAttachment:PolicyAttachment": aws.iam.PolicyAttachment,
            "aws:kms/key:Key": aws.kms.Key,
            "aws:kms/alias:Alias": aws.kms.Alias,
            "aws:cloudwatch/logGroup:LogGroup": aws.cloudwatch.LogGroup,
            "aws:sns/topic:Topic": aws.sns.Topic,
            "aws:sns/topicPolicy:TopicPolicy": aws.sns.TopicPolicy,
            "aws:sns/topicSubscription:TopicSubscription": aws.sns.TopicSubscription,
            "aws:cloudwatch/metricAlarm:MetricAlarm": aws.cloudwatch.MetricAlarm,
            "aws:cloudwatch/compositeAlarm:CompositeAlarm": aws.cloudwatch.CompositeAlarm,
            "aws:cloudwatch/dashboard:Dashboard": aws.cloudwatch.Dashboard,
            "aws:bedrock/agentcoreResourcePolicy:AgentcoreResourcePolicy": aws.bedrock.AgentcoreResourcePolicy,
            "aws:xray/traceSegmentDestination:TraceSegmentDestination": aws.xray.TraceSegmentDestination,
            "aws:xray/resourcePolicy:ResourcePolicy": aws.xray.ResourcePolicy,
            "aws:ecr/repository:Repository": aws.ecr.Repository,
            "aws:ecr/lifecyclePolicy:LifecyclePolicy": aws.ecr.LifecyclePolicy,
            "aws:s3/bucket:Bucket": aws.s3.Bucket,
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration":
                aws.s3.BucketServerSideEncryptionConfiguration,
            "aws:s3/bucketVersioning:BucketVersioning": aws.s3.BucketVersioning,
            "aws:secretsmanager/secret:Secret": aws.secretsmanager.Secret,
            "aws:secretsmanager/secretVersion:SecretVersion": aws.secretsmanager.SecretVersion,
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": aws.s3.BucketPublicAccessBlock,
            "aws:s3/bucketPolicy:BucketPolicy": aws.s3.BucketPolicy,
            "aws:s3/bucketObjectv2:BucketObjectv2": aws.s3.BucketObjectv2,
            "aws:s3/objectCopy:ObjectCopy": aws.s3.ObjectCopy,
            "aws:s3/bucketOwnershipControls:BucketOwnershipControls": aws.s3.BucketOwnershipControls,
            "aws:cloudwatch/contributorInsightRule:ContributorInsightRule": aws.cloudwatch.ContributorInsightRule,
            "aws:cloudwatch/logDelivery:LogDelivery": aws.cloudwatch.LogDelivery,
            "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination": aws.cloudwatch.LogDeliveryDestination,
            "aws:cloudwatch/logDeliverySource:LogDeliverySource": aws.cloudwatch.LogDeliverySource,
            "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": aws.cloudwatch.LogResourcePolicy,
            "aws:cloudwatch/queryDefinition:QueryDefinition": aws.cloudwatch.QueryDefinition,
            "aws:iam/openIdConnectProvider:OpenIdConnectProvider": aws.iam.OpenIdConnectProvider,
            "awsx:ecr:Image": awsx.ecr.Image,
            "aws-native:bedrockagentcore:ResourcePolicy": awsNative.bedrockagentcore.ResourcePolicy,
            "aws-native:xray:TransactionSearchConfig": awsNative.xray.TransactionSearchConfig,
            "aws-native:ecr:Repository": awsNative.ecr.Repository,
            "aws-native:bedrockagentcore:Runtime": awsNative.bedrockagentcore.Runtime,
            "aws-native:bedrockagentcore:RuntimeEndpoint": awsNative.bedrockagentcore.RuntimeEndpoint,
            "aws-native:bedrockagentcore:CapacityProvider": awsNative.bedrockagentcore.CapacityProvider,
            "aws-native:iam:Role": awsNative.iam.Role,
            "aws-native:iam:RolePolicy": awsNative.iam.RolePolicy,
            "aws-native:iam:ManagedPolicy": awsNative.iam.ManagedPolicy,
            "aws-native:ec2:SecurityGroup": awsNative.ec2.SecurityGroup,
            "aws-native:ec2:SecurityGroupIngress": awsNative.ec2.SecurityGroupIngress,
            "aws-native:ec2:SecurityGroupEgress": awsNative.ec2.SecurityGroupEgress,
            "aws-native:ec2:VpcEndpoint": awsNative.ec2.VpcEndpoint,
            "aws-native:kms:Key": awsNative.kms.Key,
            "aws-native:logs:LogGroup": awsNative.logs.LogGroup,
            "aws-native:sns:Topic": awsNative.sns.Topic,
            "aws-native:cloudwatch:Alarm": awsNative.cloudwatch.Alarm,
        };
        expect(Object.values(TYPES).sort()).to.deep.equal(Object.keys(classes).sort());
        for (const [token, cls] of Object.entries(classes)) {
            expect((cls as { __pulumiType: string }).__pulumiType, token).to.equal(token);
        }
    });

    it("names the invokes and components as written", () => {
        expect(Object.values(INVOKES)).to.deep.equal([
            "aws:index/getCallerIdentity:getCallerIdentity",
            "aws:index/getRegion:getRegion",
            "aws:index/getPartition:getPartition",
            "aws:ec2/getPrefixList:getPrefixList",
            "aws:ec2/getVpc:getVpc",
            "aws:s3/getObject:getObject",
            "aws:ec2/getSubnet:getSubnet",
            "aws:ec2/getInstanceTypeOfferings:getInstanceTypeOfferings",
            "aws:ecr/getImage:getImage",
        ]);
        expect(Object.values(COMPONENTS)).to.deep.equal([
            "agentcore:network:AgentNetwork",
            "agentcore:security:AgentSecurity",
            "agentcore:runtime:AgentRuntime",
            "agentcore:compute:AgentCapacity",
            "agentcore:monitoring:RuntimeMonitoring",
            "agentcore:artifact:AgentArtifacts",
            "agentcore:access:RuntimeInboundAccess",
            "agentcore:monitoring:RuntimeLogDelivery",
            "agentcore:monitoring:TransactionSearch",
            "agentcore:monitoring:AccountSingletons",
            "agentcore:security:StackKey",
            "agentcore:secrets:RuntimeSecrets",
        ]);
        expect(RUNTIME_TYPES).to.deep.equal([
            "aws-native:bedrockagentcore:Runtime",
            "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime",
        ]);
        expect(RUNTIME_ENDPOINT_TYPES).to.deep.equal([
            "aws-native:bedrockagentcore:RuntimeEndpoint",
            "aws:bedrock/agentcoreAgentRuntimeEndpoint:AgentcoreAgentRuntimeEndpoint",
        ]);
    });
});

describe("the policy pack stands alone", () => {
    it("loads its policies without any provider SDK", function () {
        this.timeout(30000);
        // A fresh process: which modules does policy/policies.ts pull in? The pack as this
        // spec runs it: the TypeScript through ts-node, or the compiled JavaScript under npm
        // test (the same imports, without compiling the pack and its imports again).
        const policies = require.resolve("../../policy/policies");
        const script = [
            ...(policies.endsWith(".ts") ? ["require('ts-node/register/transpile-only');"] : []),
            `require(${JSON.stringify(policies)});`,
            "const loaded = Object.keys(require.cache).filter((f) => /node_modules[\\\\/]@pulumi[\\\\/](aws|aws-native)[\\\\/]/.test(f));",
            "process.stdout.write(JSON.stringify(loaded.length));",
        ].join("\n");
        const out = execFileSync(process.execPath, ["-e", script], {
            cwd: REPO_ROOT,
            encoding: "utf8",
        });
        expect(out).to.equal("0");
    });
});
