/**
 * The Pulumi type tokens of every resource and invoke the program creates or calls, as the
 * providers register them (the `__pulumiType` of each class in node_modules/@pulumi/aws and
 * @pulumi/aws-native), and the program's own component tokens. One home: the policy pack,
 * the offline mocks and the plan compare tokens instead of loading the provider SDKs, so
 * this module imports nothing and the pack starts in a fraction of a second.
 * Tests keep writing the tokens as literals, so a typo here fails them.
 */
export const TYPES = {
    nativeRuntime: "aws-native:bedrockagentcore:Runtime",
    nativeRuntimeEndpoint: "aws-native:bedrockagentcore:RuntimeEndpoint",
    nativeCapacityProvider: "aws-native:bedrockagentcore:CapacityProvider",
    classicRuntime: "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime",
    classicRuntimeEndpoint: "aws:bedrock/agentcoreAgentRuntimeEndpoint:AgentcoreAgentRuntimeEndpoint",
    nativeResourcePolicy: "aws-native:bedrockagentcore:ResourcePolicy",
    classicResourcePolicy: "aws:bedrock/agentcoreResourcePolicy:AgentcoreResourcePolicy",
    vpc: "aws:ec2/vpc:Vpc",
    subnet: "aws:ec2/subnet:Subnet",
    routeTable: "aws:ec2/routeTable:RouteTable",
    routeTableAssociation: "aws:ec2/routeTableAssociation:RouteTableAssociation",
    flowLog: "aws:ec2/flowLog:FlowLog",
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
    kmsAlias: "aws:kms/alias:Alias",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    snsTopic: "aws:sns/topic:Topic",
    snsTopicPolicy: "aws:sns/topicPolicy:TopicPolicy",
    snsTopicSubscription: "aws:sns/topicSubscription:TopicSubscription",
    metricAlarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
    compositeAlarm: "aws:cloudwatch/compositeAlarm:CompositeAlarm",
    dashboard: "aws:cloudwatch/dashboard:Dashboard",
    traceSegmentDestination: "aws:xray/traceSegmentDestination:TraceSegmentDestination",
    ecrRepository: "aws:ecr/repository:Repository",
    s3Bucket: "aws:s3/bucket:Bucket",
    s3BucketEncryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    s3BucketVersioning: "aws:s3/bucketVersioning:BucketVersioning",
    s3PublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    s3BucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    contributorInsightRule: "aws:cloudwatch/contributorInsightRule:ContributorInsightRule",
    logDelivery: "aws:cloudwatch/logDelivery:LogDelivery",
    logDeliveryDestination: "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination",
    logDeliverySource: "aws:cloudwatch/logDeliverySource:LogDeliverySource",
    logResourcePolicy: "aws:cloudwatch/logResourcePolicy:LogResourcePolicy",
    queryDefinition: "aws:cloudwatch/queryDefinition:QueryDefinition",
    ecrLifecyclePolicy: "aws:ecr/lifecyclePolicy:LifecyclePolicy",
    openIdConnectProvider: "aws:iam/openIdConnectProvider:OpenIdConnectProvider",
    s3BucketObject: "aws:s3/bucketObjectv2:BucketObjectv2",
    s3ObjectCopy: "aws:s3/objectCopy:ObjectCopy",
    s3BucketOwnershipControls: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    xrayResourcePolicy: "aws:xray/resourcePolicy:ResourcePolicy",
    secret: "aws:secretsmanager/secret:Secret",
    secretVersion: "aws:secretsmanager/secretVersion:SecretVersion",
    // awsx's remote component: under mocks only its inputs and the mock's outputs exist.
    awsxImage: "awsx:ecr:Image",
    // Cloud Control (aws-native) equivalents: the same resources under CloudFormation's
    // property names, so each pack rule reads them through its own per-type field table.
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

/** The data-source (invoke) tokens the program calls. */
export const INVOKES = {
    callerIdentity: "aws:index/getCallerIdentity:getCallerIdentity",
    region: "aws:index/getRegion:getRegion",
    partition: "aws:index/getPartition:getPartition",
    prefixList: "aws:ec2/getPrefixList:getPrefixList",
    vpc: "aws:ec2/getVpc:getVpc",
    s3Object: "aws:s3/getObject:getObject",
    subnet: "aws:ec2/getSubnet:getSubnet",
    instanceTypeOfferings: "aws:ec2/getInstanceTypeOfferings:getInstanceTypeOfferings",
    ecrImage: "aws:ecr/getImage:getImage",
} as const;

/** The program's own ComponentResource tokens, `agentcore:<module>:<Type>`. */
export const COMPONENTS = {
    network: "agentcore:network:AgentNetwork",
    security: "agentcore:security:AgentSecurity",
    runtime: "agentcore:runtime:AgentRuntime",
    capacity: "agentcore:compute:AgentCapacity",
    monitoring: "agentcore:monitoring:RuntimeMonitoring",
    artifacts: "agentcore:artifact:AgentArtifacts",
    inboundAccess: "agentcore:access:RuntimeInboundAccess",
    logDelivery: "agentcore:monitoring:RuntimeLogDelivery",
    transactionSearch: "agentcore:monitoring:TransactionSearch",
    accountSingletons: "agentcore:monitoring:AccountSingletons",
    stackKey: "agentcore:security:StackKey",
    secrets: "agentcore:secrets:RuntimeSecrets",
} as const;

/** Both AgentCore runtime resources: Cloud Control (aws-native) and the classic provider. */
export const RUNTIME_TYPES: readonly string[] = [TYPES.nativeRuntime, TYPES.classicRuntime];
/** Both AgentCore resource-based policy resources (runtimes, endpoints, gateways). */
export const RESOURCE_POLICY_TYPES: readonly string[] = [TYPES.nativeResourcePolicy, TYPES.classicResourcePolicy];
/** Both runtime endpoint resources. */
export const RUNTIME_ENDPOINT_TYPES: readonly string[] = [TYPES.nativeRuntimeEndpoint, TYPES.classicRuntimeEndpoint];
