/**
 * The Pulumi type tokens the rules match on, as the providers register them (the
 * `__pulumiType` of each class in node_modules/@pulumi/aws and @pulumi/aws-native). The
 * rules compare tokens instead of loading the provider SDKs, so the pack starts in a
 * fraction of a second and does not type-check megabytes of provider declarations.
 */
export const TYPES = {
    nativeRuntime: "aws-native:bedrockagentcore:Runtime",
    nativeRuntimeEndpoint: "aws-native:bedrockagentcore:RuntimeEndpoint",
    classicRuntime: "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime",
    classicRuntimeEndpoint: "aws:bedrock/agentcoreAgentRuntimeEndpoint:AgentcoreAgentRuntimeEndpoint",
    nativeResourcePolicy: "aws-native:bedrockagentcore:ResourcePolicy",
    classicResourcePolicy: "aws:bedrock/agentcoreResourcePolicy:AgentcoreResourcePolicy",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    defaultSecurityGroup: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    egressRule: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    vpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    policy: "aws:iam/policy:Policy",
    rolePolicyAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    rolePolicyAttachmentsExclusive: "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive",
    policyAttachment: "aws:iam/policyAttachment:PolicyAttachment",
    kmsKey: "aws:kms/key:Key",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    snsTopic: "aws:sns/topic:Topic",
    metricAlarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
    traceSegmentDestination: "aws:xray/traceSegmentDestination:TraceSegmentDestination",
    ecrRepository: "aws:ecr/repository:Repository",
    s3Bucket: "aws:s3/bucket:Bucket",
    s3BucketEncryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    s3BucketVersioning: "aws:s3/bucketVersioning:BucketVersioning",
    s3PublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    s3BucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    // Cloud Control (aws-native) equivalents: the same resources under CloudFormation's
    // property names, so each rule reads them through its own per-type field table.
    nativeRole: "aws-native:iam:Role",
    nativeRolePolicy: "aws-native:iam:RolePolicy",
    nativeManagedPolicy: "aws-native:iam:ManagedPolicy",
    nativeSecurityGroup: "aws-native:ec2:SecurityGroup",
    nativeIngressRule: "aws-native:ec2:SecurityGroupIngress",
    nativeEgressRule: "aws-native:ec2:SecurityGroupEgress",
    nativeVpcEndpoint: "aws-native:ec2:VpcEndpoint",
    nativeKmsKey: "aws-native:kms:Key",
    nativeLogGroup: "aws-native:logs:LogGroup",
    nativeSnsTopic: "aws-native:sns:Topic",
    nativeAlarm: "aws-native:cloudwatch:Alarm",
    nativeTransactionSearchConfig: "aws-native:xray:TransactionSearchConfig",
    nativeEcrRepository: "aws-native:ecr:Repository",
} as const;

/** Both AgentCore runtime resources: Cloud Control (aws-native) and the classic provider. */
export const RUNTIME_TYPES: readonly string[] = [TYPES.nativeRuntime, TYPES.classicRuntime];
/** Both AgentCore resource-based policy resources (runtimes, endpoints, gateways). */
export const RESOURCE_POLICY_TYPES: readonly string[] = [TYPES.nativeResourcePolicy, TYPES.classicResourcePolicy];
/** Both runtime endpoint resources. */
export const RUNTIME_ENDPOINT_TYPES: readonly string[] = [TYPES.nativeRuntimeEndpoint, TYPES.classicRuntimeEndpoint];

/**
 * The service principal that assumes the AgentCore runtime execution role. Kept here, not
 * imported from src/agentcoreFacts.ts, so the pack stays self-contained when published;
 * tests/policy.spec.ts asserts both constants agree.
 */
export const AGENTCORE_SERVICE_PRINCIPAL = "bedrock-agentcore.amazonaws.com";

/**
 * The runtime actions AgentCore lists for resource-based policies; a VPC fence must deny
 * every one of them. Kept here for the same reason as the principal above;
 * tests/inboundPolicy.spec.ts asserts it equals src/iam/runtimeAccessPolicy.ts.
 */
export const RUNTIME_INVOKE_ACTIONS: readonly string[] = [
    "bedrock-agentcore:InvokeAgentRuntime",
    "bedrock-agentcore:InvokeAgentRuntimeForUser",
    "bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStream",
    "bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStreamForUser",
    "bedrock-agentcore:StopRuntimeSession",
    "bedrock-agentcore:GetAgentCard",
];
