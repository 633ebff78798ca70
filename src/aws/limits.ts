/**
 * AWS's published limits on what this program creates, each a literal with its source. Config
 * refuses what would break one (naming the key); what the program derives is built to fit, and
 * src/aws/limitsCheck.ts checks every recorded resource against this table (tests/aws/limits.spec.ts
 * and the property tests). Sources are listed in docs/limits.md too. To add a resource type
 * (issues 20, 21, 22), add its name rule to NAME_LIMITS and, if it takes a document, a
 * POLICY_SIZE_LIMITS entry; the checker picks both up by resource type.
 */

/** Tags (Tagging AWS Resources, "Tag naming limits and requirements"). */
export const TAG_LIMITS = {
    /** User-defined tags per resource: 50. */
    perResource: 50,
    /** Tags per S3 object: 10 (S3 User Guide, "Categorizing your storage using tags"). */
    perS3Object: 10,
    /** Key: 1-128 Unicode characters (UTF-8). */
    keyLength: 128,
    /** Value: 0-256 Unicode characters (UTF-8). */
    valueLength: 256,
    /** The characters every service accepts: letters, digits, spaces and _.:/=+-@. */
    text: /^[A-Za-z0-9 _.:/=+\-@]*$/,
    /** Reserved key prefix (case-insensitive): aws:. */
    reservedKeyPrefix: "aws:",
} as const;

/** Document sizes in characters (whitespace included unless noted). */
export const POLICY_SIZE_LIMITS = {
    /** Role trust policy: 2,048 characters by default (IAM User Guide, "IAM and AWS STS quotas"). */
    roleTrustPolicy: 2048,
    /** A role's inline policies together: 10,240 characters, whitespace excluded (same page). */
    roleInlinePolicies: 10240,
    /** VPC endpoint policy: 20,480 characters, whitespace included (PrivateLink Guide, "Control access to VPC endpoints using endpoint policies"). */
    vpcEndpointPolicy: 20480,
    /** S3 bucket policy: 20 KB (S3 User Guide, "Bucket policies"). */
    s3BucketPolicy: 20480,
    /** CloudWatch Logs resource policy: 5,120 characters (CloudWatch Logs API reference, PutResourcePolicy policyDocument). */
    logsResourcePolicy: 5120,
    /** AgentCore resource-based policy: 20,480 characters (AgentCore API reference, PutResourcePolicy policy). */
    agentcoreResourcePolicy: 20480,
    /** SNS topic policy: 30 KB (SNS Developer Guide, quotas). */
    snsTopicPolicy: 30720,
    /** KMS key policy: 32 KB (KMS Developer Guide, "Quotas", key policy document size). */
    kmsKeyPolicy: 32768,
} as const;

/** Counts. */
export const COUNT_LIMITS = {
    /**
     * Inbound or outbound rules per security group: 60 each by default, counted separately for
     * IPv4 and IPv6 (VPC User Guide, "Amazon VPC quotas", docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html).
     * A rule naming an AWS-managed prefix list counts as its weight: com.amazonaws.<region>.s3
     * weighs 1 (VPC User Guide, "AWS-managed prefix lists", working-with-aws-managed-prefix-lists.html).
     */
    rulesPerSecurityGroup: 60,
    /**
     * Metrics one metric-math alarm may reference: 10, a hard limit (CloudWatch User Guide,
     * "Limits", docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarm-limits.html; the
     * PutMetricAlarm reference: up to 10 MetricStat structures among up to 20 queries).
     */
    metricsPerAlarm: 10,
    /**
     * Keys in a Contributor Insights rule: "an array of up to four log fields" (CloudWatch User
     * Guide, "Contributor Insights rule syntax", docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/ContributorInsights-RuleSyntax.html).
     */
    keysPerContributorInsightsRule: 4,
    /** Environment variables per AgentCore runtime: 50 (AgentCore API reference, CreateAgentRuntime environmentVariables). */
    environmentVariablesPerRuntime: 50,
    /** Endpoints per AgentCore runtime: 10 (AgentCore quotas). */
    endpointsPerRuntime: 10,
    /**
     * Persistent volumes per capacity provider: 5, each 1 to 65,536 GiB, named
     * `[a-zA-Z][a-zA-Z0-9_-]{0,47}` (AgentCore API reference, CreateCapacityProvider
     * ec2Configuration volumes, EbsVolumeConfiguration, CapacityProviderVolumeConfiguration).
     */
    volumesPerCapacityProvider: 5,
    volumeMinGiB: 1,
    volumeMaxGiB: 65_536,
} as const;

/** A capacity provider volume's name, as a runtime mounts it (CapacityProviderVolumeConfiguration volumeName). */
export const CAPACITY_PROVIDER_VOLUME_NAME = /^[a-zA-Z][a-zA-Z0-9_-]{0,47}$/;

/** A name rule: length bounds and a pattern. */
export interface NameLimit {
    readonly min: number;
    readonly max: number;
    readonly pattern: RegExp;
    /** Where the name is, in the resource's inputs. */
    readonly input: string;
    readonly source: string;
}

/** Names the program sets, per resource type. */
export const NAME_LIMITS: Readonly<Record<string, NameLimit>> = {
    "aws:ecr/repository:Repository": {
        min: 2,
        max: 256,
        pattern: /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/,
        input: "name",
        source: "ECR API reference, CreateRepository repositoryName",
    },
    "aws:iam/rolePolicy:RolePolicy": {
        min: 1,
        max: 128,
        pattern: /^[\w+=,.@-]+$/,
        input: "name",
        source: "IAM API reference, PutRolePolicy PolicyName",
    },
    "aws:kms/alias:Alias": {
        min: 7,
        max: 256,
        pattern: /^alias\/(?!aws\/)[a-zA-Z0-9/_-]+$/,
        input: "name",
        source: "KMS API reference, CreateAlias AliasName (alias/aws/ is reserved)",
    },
    "aws-native:bedrockagentcore:RuntimeEndpoint": {
        min: 1,
        max: 48,
        pattern: /^[a-zA-Z][a-zA-Z0-9_]{0,47}$/,
        input: "name",
        source: "AgentCore API reference, CreateAgentRuntimeEndpoint name",
    },
    "aws:bedrock/agentcoreAgentRuntimeEndpoint:AgentcoreAgentRuntimeEndpoint": {
        min: 1,
        max: 48,
        pattern: /^[a-zA-Z][a-zA-Z0-9_]{0,47}$/,
        input: "name",
        source: "AgentCore API reference, CreateAgentRuntimeEndpoint name",
    },
    "aws-native:bedrockagentcore:Runtime": {
        min: 1,
        max: 48,
        pattern: /^[a-zA-Z][a-zA-Z0-9_]{0,47}$/,
        input: "agentRuntimeName",
        source: "AgentCore API reference, CreateAgentRuntime agentRuntimeName",
    },
    "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime": {
        min: 1,
        max: 48,
        pattern: /^[a-zA-Z][a-zA-Z0-9_]{0,47}$/,
        input: "agentRuntimeName",
        source: "AgentCore API reference, CreateAgentRuntime agentRuntimeName",
    },
    "aws-native:bedrockagentcore:CapacityProvider": {
        min: 1,
        max: 48,
        pattern: /^[a-zA-Z][a-zA-Z0-9_]{0,47}$/,
        input: "name",
        source: "AgentCore API reference, CreateCapacityProvider name (AWS::BedrockAgentCore::CapacityProvider Name)",
    },
    "aws:s3/bucketObjectv2:BucketObjectv2": {
        min: 1,
        max: 1024,
        pattern: /^[\x20-\x7e]+$/,
        input: "key",
        source: "S3 User Guide, object key names (1,024 bytes UTF-8)",
    },
    "aws:s3/objectCopy:ObjectCopy": {
        min: 1,
        max: 1024,
        pattern: /^[\x20-\x7e]+$/,
        input: "key",
        source: "S3 User Guide, object key names (1,024 bytes UTF-8)",
    },
};

/** Resource types whose policy inputs are size-limited: type → [input, limit]. */
export const POLICY_INPUTS: Readonly<Record<string, readonly [string, number]>> = {
    "aws:iam/role:Role": ["assumeRolePolicy", POLICY_SIZE_LIMITS.roleTrustPolicy],
    "aws:ec2/vpcEndpoint:VpcEndpoint": ["policy", POLICY_SIZE_LIMITS.vpcEndpointPolicy],
    "aws:s3/bucketPolicy:BucketPolicy": ["policy", POLICY_SIZE_LIMITS.s3BucketPolicy],
    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": ["policyDocument", POLICY_SIZE_LIMITS.logsResourcePolicy],
    "aws-native:bedrockagentcore:ResourcePolicy": ["policy", POLICY_SIZE_LIMITS.agentcoreResourcePolicy],
    "aws:bedrock/agentcoreResourcePolicy:AgentcoreResourcePolicy": [
        "policy",
        POLICY_SIZE_LIMITS.agentcoreResourcePolicy,
    ],
    "aws:sns/topicPolicy:TopicPolicy": ["policy", POLICY_SIZE_LIMITS.snsTopicPolicy],
    "aws:kms/key:Key": ["policy", POLICY_SIZE_LIMITS.kmsKeyPolicy],
};
