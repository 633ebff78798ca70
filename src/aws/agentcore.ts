/**
 * Facts about AWS Bedrock AgentCore Runtime and the AWS services around it that the
 * program must respect. Every component reads them from here so a fact changes in one
 * place. Sources: ../shared/AGENTCORE.md and the provider schemas.
 */

/** The environments a stack can be; the stack name selects one unless `environment` is set. */
export const ENVIRONMENTS = ["development", "staging", "production"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];
/** The environment whose resources are protected and whose rules are strictest. */
export const PRODUCTION: Environment = "production";

/** Server protocols a runtime can speak (aws-native enum `RuntimeProtocolConfiguration`). */
export const PROTOCOLS = ["HTTP", "MCP", "A2A", "AGUI"] as const;
export type Protocol = (typeof PROTOCOLS)[number];

/** Which Pulumi provider creates the runtime resource. */
export const RUNTIME_PROVIDERS = ["aws-native", "aws"] as const;
export type RuntimeProvider = (typeof RUNTIME_PROVIDERS)[number];

/**
 * AgentCore-supported availability zone IDs per region. A VPC-mode runtime whose subnet
 * sits in any other zone fails at create time (NotStabilized), so subnets are pinned by
 * zone ID, never by zone name (names map to different IDs in each account).
 */
export const SUPPORTED_AZ_IDS: Readonly<Record<string, readonly string[]>> = {
    "us-east-1": ["use1-az1", "use1-az2", "use1-az4"],
    "us-east-2": ["use2-az1", "use2-az2", "use2-az3"],
    "us-west-2": ["usw2-az1", "usw2-az2", "usw2-az3"],
    "eu-west-1": ["euw1-az1", "euw1-az2", "euw1-az3"],
    "eu-central-1": ["euc1-az1", "euc1-az2", "euc1-az3"],
    "ap-southeast-1": ["apse1-az1", "apse1-az2", "apse1-az3"],
    "ap-southeast-2": ["apse2-az1", "apse2-az2", "apse2-az3"],
    "ap-south-1": ["aps1-az1", "aps1-az2", "aps1-az3"],
    "ap-northeast-1": ["apne1-az1", "apne1-az2", "apne1-az4"],
};

/** Runtime and endpoint names: letters, digits and _ only, starting with a letter, ≤ 48. */
export const RUNTIME_NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]{0,47}$/;
export const RUNTIME_NAME_MAX_LENGTH = 48;

/** Lifecycle bounds (seconds) and the service defaults. */
export const LIFECYCLE_MIN_SECONDS = 60;
export const LIFECYCLE_MAX_SECONDS = 28800;
export const DEFAULT_IDLE_TIMEOUT_SECONDS = 900;
export const DEFAULT_MAX_LIFETIME_SECONDS = 28800;

/** Environment variable limits on a runtime. */
export const ENV_VAR_NAME_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]{0,127}$/;
export const ENV_VAR_MAX_COUNT = 50;
export const ENV_VAR_VALUE_MAX_LENGTH = 2048;

/** Request header allowlist limits. */
export const REQUEST_HEADERS_MAX = 20;
/** Header names: a letter, then letters, digits, hyphens and underscores (1-256). */
export const REQUEST_HEADER_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,255}$/;

/** Runtime `description`: 1 to 1200 characters (CloudFormation schema of AWS::BedrockAgentCore::Runtime). */
export const RUNTIME_DESCRIPTION_MAX_LENGTH = 1200;
/** Runtime endpoint `description`: 1 to 256 characters (AWS::BedrockAgentCore::RuntimeEndpoint). */
export const ENDPOINT_DESCRIPTION_MAX_LENGTH = 256;
/** The only x-amzn- headers the allowlist accepts. */
export const CUSTOM_HEADER_PREFIX = "X-Amzn-Bedrock-AgentCore-Runtime-Custom-";
/**
 * Headers AgentCore refuses to pass to the agent (its documented restricted list:
 * authentication, content negotiation, caching, connection management, request context,
 * range and transfer headers), compared without regard to case.
 */
export const RESTRICTED_REQUEST_HEADERS = [
    "Proxy-Authorization",
    "WWW-Authenticate",
    "Accept",
    "Accept-Charset",
    "Accept-Encoding",
    "Accept-Language",
    "Content-Type",
    "Content-Length",
    "Content-Encoding",
    "Content-Language",
    "Content-Location",
    "Content-Range",
    "Cache-Control",
    "ETag",
    "Expires",
    "If-Match",
    "If-Modified-Since",
    "If-None-Match",
    "If-Range",
    "If-Unmodified-Since",
    "Last-Modified",
    "Pragma",
    "Vary",
    "Connection",
    "Keep-Alive",
    "Proxy-Connection",
    "Upgrade",
    "Host",
    "Referer",
    "User-Agent",
    "From",
    "Range",
    "Accept-Ranges",
    "Transfer-Encoding",
    "TE",
    "Trailer",
] as const;

/** CloudWatch lets one metric-math alarm read at most 10 metrics. */
export const CLOUDWATCH_MAX_METRICS_PER_ALARM = 10;

/**
 * Endpoints one runtime alarm can watch, DEFAULT included: the user-error rate alarm reads
 * 2 metrics per endpoint within the 10 a metric-math alarm may read, so 5 (the per-session
 * alarms read a Contributor Insights rule instead, docs/monitoring.md).
 */
export const MAX_ENDPOINTS_PER_RUNTIME_ALARM = CLOUDWATCH_MAX_METRICS_PER_ALARM / 2;

/**
 * Endpoints a runtime may have besides DEFAULT: AWS allows 10 in all, the alarms watch 5
 * with DEFAULT, which leaves room for 4 configured endpoints.
 */
export const MAX_CONFIGURED_ENDPOINTS = MAX_ENDPOINTS_PER_RUNTIME_ALARM - 1;

/** Every AgentCore microVM session is capped at 2 vCPU / 8 GiB by the service. */
export const SESSION_MAX_MEMORY_MIB = 8192;
/** CPU budgets a stack may declare, in CPU units (1024 = 1 vCPU). */
export const CPU_BUDGET_CHOICES = [256, 512, 1024, 2048] as const;
export const MEMORY_BUDGET_STEP_MIB = 512;
export const MEMORY_BUDGET_MIN_MIB = 512;

/** The only retention periods CloudWatch Logs accepts (days). */
export const LOG_RETENTION_DAYS = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;
export const PRODUCTION_MIN_LOG_RETENTION_DAYS = 365;

/**
 * Interface endpoints every stack that owns its endpoints creates. The first two are the
 * private inbound path to agents (data plane and Gateway); the next three are what a
 * VPC-mode runtime needs to pull its image and ship logs with no internet path.
 */
export const REQUIRED_INTERFACE_ENDPOINT_SERVICES = [
    "bedrock-agentcore",
    "bedrock-agentcore.gateway",
    "ecr.api",
    "ecr.dkr",
    "logs",
] as const;

/** Image layers live in S3: a gateway endpoint on the agent route tables serves them. */
export const S3_GATEWAY_SERVICE = "s3";

/** CloudWatch metric namespace of AgentCore Runtime. */
export const METRIC_NAMESPACE = "AWS/Bedrock-AgentCore";

/** The service principal that assumes the execution role. */
export const AGENTCORE_SERVICE_PRINCIPAL = "bedrock-agentcore.amazonaws.com";

/**
 * Log groups the runtime writes its stdout to: /aws/bedrock-agentcore/runtimes/<id>-<endpoint>.
 * AgentCore creates them itself (the execution role may), so the stack never does: its own
 * copies of the runtime's logs arrive by vended delivery elsewhere (src/observability/logDeliveryDocuments.ts).
 */
export const RUNTIME_LOG_GROUP_PREFIX = "/aws/bedrock-agentcore/runtimes/";

/** The full service name of an endpoint service in a region, e.g. com.amazonaws.us-east-1.logs. */
export function endpointServiceName(region: string, service: string): string {
    return `com.amazonaws.${region}.${service}`;
}

// ---- Runtime options added in 2026 (AgentCore Control API reference; aws-native 1.79). ----

/** `allowedScopes[]`: 1–255 printable ASCII characters except space, `"` and `\` (CustomJWTAuthorizerConfiguration). */
export const JWT_SCOPE_PATTERN = /^[\x21\x23-\x5B\x5D-\x7E]{1,255}$/;
export const JWT_SCOPE_MAX_LENGTH = 255;
/**
 * `customClaims[].inboundTokenClaimName`, 1–255 characters. AWS prints the class as
 * `[A-Za-z0-9_.-:]` (a range `.`–`:`, so `./0-9:`, no hyphen) on the runtime and gateway pages
 * and as `[A-Za-z0-9_.:/-]` (with a hyphen) on the payment manager page: only the characters
 * both readings accept pass here.
 */
export const JWT_CLAIM_NAME_PATTERN = /^[A-Za-z0-9_.:/]{1,255}$/;
export const JWT_CLAIM_NAME_MAX_LENGTH = 255;
/** `inboundTokenClaimValueType`. */
export const JWT_CLAIM_VALUE_TYPES = ["STRING", "STRING_ARRAY"] as const;
export type JwtClaimValueType = (typeof JWT_CLAIM_VALUE_TYPES)[number];
/**
 * `claimMatchOperator` and the claim type and match value each takes: EQUALS compares a STRING
 * claim with one string; CONTAINS finds one string in a STRING_ARRAY claim; CONTAINS_ANY finds
 * any of a list in a STRING_ARRAY claim (API reference AuthorizingClaimMatchValueType; the
 * Terraform provider documents the same pairing).
 */
export const JWT_CLAIM_OPERATORS = {
    EQUALS: { valueType: "STRING", value: "string" },
    CONTAINS: { valueType: "STRING_ARRAY", value: "string" },
    CONTAINS_ANY: { valueType: "STRING_ARRAY", value: "list" },
} as const;
export type JwtClaimOperator = keyof typeof JWT_CLAIM_OPERATORS;
/** A claim match value: the 255-character bound AWS documents for audiences, clients and scopes. */
export const JWT_CLAIM_VALUE_MAX_LENGTH = 255;
/** `managedVpcResource.endpointIpAddressType`. */
export const PRIVATE_ENDPOINT_IP_ADDRESS_TYPES = ["IPV4", "IPV6"] as const;
export type PrivateEndpointIpAddressType = (typeof PRIVATE_ENDPOINT_IP_ADDRESS_TYPES)[number];
/** A VPC Lattice resource configuration, by ID (`rcfg-` + 17 hex) or ARN. */
export const LATTICE_RESOURCE_CONFIGURATION =
    /^(rcfg-[0-9a-z]{17}|arn:aws[-a-z]*:vpc-lattice:[a-z0-9-]+:\d{12}:resourceconfiguration\/rcfg-[0-9a-z]{17})$/;

/** `filesystemConfigurations[].*.mountPath`: `/mnt/<one directory>`, 6–200 characters. */
export const MOUNT_PATH_PATTERN = /^\/mnt\/[a-zA-Z0-9._-]+\/?$/;
export const MOUNT_PATH_MIN_LENGTH = 6;
export const MOUNT_PATH_MAX_LENGTH = 200;

/**
 * Instances persistent volumes (AgentCore API reference: CapacityProviderVolumeConfiguration
 * `volumeName` `[a-zA-Z][a-zA-Z0-9_-]{0,47}`; EbsVolumeConfiguration `sizeGiB`; the capacity
 * provider takes up to 5 volumes, EBS gp3 sizes 1 to 65,536 GiB).
 */
export const VOLUME_NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_-]{0,47}$/;
export const MAX_INSTANCE_VOLUMES = 5;
export const VOLUME_MIN_GIB = 1;
export const VOLUME_MAX_GIB = 65_536;
/** At most 5 file system configurations per runtime (runtime-filesystem-configurations). */
export const FILESYSTEMS_MAX = 5;
/** EfsAccessPointConfiguration.accessPointArn (≤ 128); region and account captured. */
export const EFS_ACCESS_POINT_ARN =
    /^arn:(aws[-a-z]*):elasticfilesystem:([a-z0-9-]+):(\d{12}):access-point\/(fsap-[0-9a-f]{8,40})$/;
export const EFS_ACCESS_POINT_ARN_MAX_LENGTH = 128;
/** The file system that owns an EFS access point (its ID; the ARN is built from the access point's). */
export const EFS_FILE_SYSTEM_ID = /^fs-[0-9a-f]{8,40}$/;
/** S3FilesAccessPointConfiguration.accessPointArn (≤ 256); region, account, file system captured. */
export const S3_FILES_ACCESS_POINT_ARN =
    /^arn:(aws[-a-z]*):s3files:([a-z0-9-]+):(\d{12}):file-system\/(fs-[0-9a-f]{17,40})\/access-point\/(fsap-[0-9a-f]{17,40})$/;
export const S3_FILES_ACCESS_POINT_ARN_MAX_LENGTH = 256;
/** NFS, the protocol EFS and S3 Files mount targets serve. */
export const NFS_PORT = 2049;

/** A Secrets Manager secret ARN with its 6-character suffix (a partial ARN needs a wildcard to grant). */
export const SECRET_ARN =
    /^arn:(aws[-a-z]*):secretsmanager:([a-z0-9-]+):(\d{12}):secret:[A-Za-z0-9/_+=.@-]{1,512}-[A-Za-z0-9]{6}$/;
/** The interface endpoint the runtimes read their secrets through. */
export const SECRETS_MANAGER_SERVICE = "secretsmanager";
