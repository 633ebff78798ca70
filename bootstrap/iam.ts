/**
 * The CI roles' documents, as pure functions: the GitHub OIDC trust policies, the
 * read-only preview policy, the per-environment deploy policy and the permissions
 * boundary. Grants are named action lists with a reason each, on ARNs of this account and
 * region and, where the main program names its resources, of one environment only
 * (`agentcore-<env>-*`). EC2 IDs are random, so EC2 writes are scoped by account and
 * region, and deletes also by the `Environment` tag the main program puts on everything.
 */
import { AGENTCORE_SERVICE_PRINCIPAL } from "../src/aws/agentcore";
import { TRANSACTION_SEARCH_OWNER_ENVIRONMENT } from "../src/observability/config";
import {
    AwsContext,
    PolicyCondition,
    PolicyDocument,
    PolicyStatement,
    policyDocument,
    regionalArn,
} from "../src/aws/iamDocument";
import { FLOW_LOGS_SERVICE_PRINCIPAL } from "../src/network/flowLogPolicies";
import { FLOW_LOG_GROUP_PREFIX, stackComponentName } from "../src/aws/naming";
import { StackKind } from "../src/topology/config";
import { ComputeType } from "../src/compute/config";
import { capacityProviderName, operatorManagedPolicyArn } from "../src/compute/documents";

export const GITHUB_OIDC_URL = "https://token.actions.githubusercontent.com";
export const GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";
/** The audience aws-actions/configure-aws-credentials requests. */
export const STS_AUDIENCE = "sts.amazonaws.com";

/** Names of the bootstrap's own IAM objects; the deploy roles can touch none of them. */
export const CI_NAME_PREFIX = "agentcore-ci";

export interface TrustStatement {
    Sid: string;
    Effect: "Allow";
    Principal: { Federated: string };
    Action: string[];
    Condition: PolicyCondition;
}

export interface TrustPolicy {
    Version: "2012-10-17";
    Statement: TrustStatement[];
}

/** Trust for GitHub Actions tokens of one repository whose `sub` is exactly one of `subjects`. */
export function githubTrustPolicy(providerArn: string, subjects: readonly string[]): TrustPolicy {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "GitHubActionsOidc",
                Effect: "Allow",
                Principal: { Federated: providerArn },
                Action: ["sts:AssumeRoleWithWebIdentity"],
                Condition: {
                    StringEquals: {
                        [`${GITHUB_OIDC_HOST}:aud`]: STS_AUDIENCE,
                        [`${GITHUB_OIDC_HOST}:sub`]: subjects.length === 1 ? subjects[0] : [...subjects],
                    },
                },
            },
        ],
    };
}

/** `sub` of a pull-request job: the only jobs that run the preview. */
export function pullRequestSubject(repository: string): string {
    return `repo:${repository}:pull_request`;
}

/** `sub` of a job that runs in a GitHub environment (its protection rules apply first). */
export function environmentSubject(repository: string, environment: string): string {
    return `repo:${repository}:environment:${environment}`;
}

// ---- read-only (preview) ----

/** EC2 reads cannot be scoped to resources; the provider reads these during preview and refresh. */
export const EC2_READ_ACTIONS = [
    "ec2:DescribeAvailabilityZones",
    "ec2:DescribeFlowLogs",
    // Instances: the preview asks which allowed types each AZ ID offers (src/compute/offerings.ts).
    "ec2:DescribeInstanceTypeOfferings",
    "ec2:DescribeNetworkInterfaces",
    "ec2:DescribePrefixLists",
    "ec2:DescribeRouteTables",
    "ec2:DescribeSecurityGroupRules",
    "ec2:DescribeSecurityGroups",
    "ec2:DescribeSubnets",
    "ec2:DescribeTags",
    "ec2:DescribeVpcAttribute",
    "ec2:DescribeVpcEndpointServices",
    "ec2:DescribeVpcEndpoints",
    "ec2:DescribeVpcs",
];
/** Reading the roles and their inline policies. */
export const IAM_READ_ACTIONS = [
    "iam:GetRole",
    "iam:GetRolePolicy",
    "iam:ListAttachedRolePolicies",
    "iam:ListRolePolicies",
];
/** Reading the stack's key (aliases cannot be listed per resource). */
export const KMS_READ_ACTIONS = [
    "kms:DescribeKey",
    "kms:GetKeyPolicy",
    "kms:GetKeyRotationStatus",
    "kms:ListResourceTags",
];
export const LOGS_READ_ACTIONS = ["logs:DescribeLogGroups", "logs:ListTagsForResource"];
export const SNS_READ_ACTIONS = ["sns:GetSubscriptionAttributes", "sns:GetTopicAttributes", "sns:ListTagsForResource"];
export const CLOUDWATCH_READ_ACTIONS = [
    "cloudwatch:DescribeAlarms",
    "cloudwatch:GetDashboard",
    "cloudwatch:ListTagsForResource",
];
export const AGENTCORE_READ_ACTIONS = [
    "bedrock-agentcore:GetAgentRuntime",
    "bedrock-agentcore:GetAgentRuntimeEndpoint",
    "bedrock-agentcore:ListTagsForResource",
];
/**
 * The AgentCore List actions the provider calls. The Service Authorization Reference lists no
 * resource type for any of them, so IAM authorizes them on `*` only: scoped to runtime ARNs
 * they would never match.
 */
export const AGENTCORE_LIST_ACTIONS = [
    "bedrock-agentcore:ListAgentRuntimeEndpoints",
    "bedrock-agentcore:ListAgentRuntimeVersions",
    "bedrock-agentcore:ListAgentRuntimes",
    "bedrock-agentcore:ListCapacityProviders",
];
/** Reading a capacity provider (Instances). */
export const AGENTCORE_CAPACITY_PROVIDER_READ_ACTIONS = [
    "bedrock-agentcore:GetCapacityProvider",
    "bedrock-agentcore:ListTagsForResource",
];
/** Cloud Control (the aws-native provider's API) has no resource-level permissions; the service actions behind it are checked as well. */
export const CLOUD_CONTROL_READ_ACTIONS = [
    "cloudformation:GetResource",
    "cloudformation:GetResourceRequestStatus",
    "cloudformation:ListResources",
];

/** The code bucket's configuration and objects, as the AWS provider reads them on refresh. */
export const S3_READ_ACTIONS = [
    "s3:GetAccelerateConfiguration",
    "s3:GetBucketAcl",
    "s3:GetBucketCORS",
    "s3:GetBucketLocation",
    "s3:GetBucketLogging",
    "s3:GetBucketObjectLockConfiguration",
    "s3:GetBucketOwnershipControls",
    "s3:GetBucketPolicy",
    "s3:GetBucketPublicAccessBlock",
    "s3:GetBucketRequestPayment",
    "s3:GetBucketTagging",
    "s3:GetBucketVersioning",
    "s3:GetBucketWebsite",
    "s3:GetEncryptionConfiguration",
    "s3:GetLifecycleConfiguration",
    "s3:GetObject",
    "s3:GetObjectTagging",
    "s3:GetObjectVersion",
    "s3:GetReplicationConfiguration",
    "s3:ListBucket",
    "s3:ListBucketVersions",
];
export const ECR_DESCRIBE_ACTIONS = [
    "ecr:DescribeImageScanFindings",
    "ecr:DescribeImages",
    "ecr:DescribeRepositories",
    "ecr:GetLifecyclePolicy",
    "ecr:GetRepositoryPolicy",
    "ecr:ListImages",
    "ecr:ListTagsForResource",
];
export const LOG_DELIVERY_READ_ACTIONS = [
    "logs:GetDelivery",
    "logs:GetDeliveryDestination",
    "logs:GetDeliveryDestinationPolicy",
    "logs:GetDeliverySource",
    "logs:ListTagsForResource",
];
export const OBSERVABILITY_READ_UNSCOPED_ACTIONS = [
    "cloudwatch:DescribeInsightRules",
    "logs:DescribeDeliveries",
    "logs:DescribeDeliveryDestinations",
    "logs:DescribeDeliverySources",
    "logs:DescribeQueryDefinitions",
    "logs:DescribeResourcePolicies",
    "xray:GetTraceSegmentDestination",
    "xray:ListResourcePolicies",
];

/** The stack part of an AgentCore runtime name, as the main program writes it (awsRuntimeName: `-` becomes `_`). */
function runtimeSuffix(stack: string): string {
    return stack === "*" ? stack : stack.replace(/[^a-zA-Z0-9_]/g, "_");
}

/**
 * Statements a kind of main stack never needs (src/topology/config.ts): an agent stack creates
 * no network resource, flow log or account singleton; a network stack creates no runtime.
 */
export const STATEMENTS_NOT_FOR_KIND: Readonly<Record<StackKind, readonly string[]>> = {
    "all-in-one": [],
    agent: [
        "Ec2CreateTagged",
        "Ec2CreateInVpc",
        "Ec2Modify",
        "Ec2DeleteOwnEnvironment",
        "PassFlowLogRoleToVpcFlowLogs",
        "XRayTransactionSearch",
    ],
    network: [
        "PassExecutionRoleToAgentCore",
        "AgentCoreVendedLogs",
        "CloudWatchInsightRules",
        "S3CodeBucket",
        "EcrRepositories",
        "EcrAuthorizationToken",
        "AgentCoreResourcePolicies",
        "SnsAlarmTopic",
        "CloudWatchAlarms",
        "CloudWatchDashboard",
        "AgentCoreCreateRuntime",
        "AgentCoreRuntimes",
        "AgentCoreWorkloadIdentity",
    ],
};

/** The ARNs of one environment's resources (`*` as the environment: every environment). */
export function environmentArns(ctx: AwsContext, env: string) {
    // The main program names a stack's resources after it; the bootstrap names environments
    // after stacks (stack `staging` has environment staging), so the prefixes are the same.
    const prefix = stackComponentName(env);
    const iam = (resource: string) => `arn:${ctx.partition}:iam::${ctx.accountId}:${resource}`;
    return {
        roles: iam(`role/${prefix}-*`),
        executionRoles: iam(`role/${prefix}-execution-role-*`),
        flowLogRoles: iam(`role/${prefix}-flow-logs-role-*`),
        keys: regionalArn(ctx, "kms", "key/*"),
        alias: regionalArn(ctx, "kms", `alias/${prefix}`),
        flowLogGroups: [
            regionalArn(ctx, "logs", `log-group:${FLOW_LOG_GROUP_PREFIX}${prefix}`),
            regionalArn(ctx, "logs", `log-group:${FLOW_LOG_GROUP_PREFIX}${prefix}:*`),
        ],
        allLogGroups: regionalArn(ctx, "logs", "log-group:*"),
        topics: regionalArn(ctx, "sns", `${prefix}-*`),
        alarms: regionalArn(ctx, "cloudwatch", `alarm:${prefix}-*`),
        dashboard: `arn:${ctx.partition}:cloudwatch::${ctx.accountId}:dashboard/${prefix}`,
        stackLogGroups: [
            regionalArn(ctx, "logs", `log-group:/${prefix}/runtimes/*`),
            regionalArn(ctx, "logs", `log-group:/${prefix}/runtimes/*:*`),
        ],
        deliveries: [
            regionalArn(ctx, "logs", `delivery-source:${prefix}-*`),
            regionalArn(ctx, "logs", `delivery-destination:${prefix}-*`),
            // Delivery IDs are random; a delivery also names its (scoped) source and destination.
            regionalArn(ctx, "logs", "delivery:*"),
        ],
        codeBuckets: `arn:${ctx.partition}:s3:::${prefix}-code-*`,
        codeObjects: `arn:${ctx.partition}:s3:::${prefix}-code-*/*`,
        repositories: regionalArn(ctx, "ecr", `repository/${prefix}/*`),
        insightRules: regionalArn(ctx, "cloudwatch", `insight-rule/${prefix}-*`),
        // RuntimeSecrets names every stored secret `<component name>/<name>-` (src/secrets/secrets.ts).
        secrets: regionalArn(ctx, "secretsmanager", `secret:${prefix}/*`),
        runtimes: regionalArn(ctx, "bedrock-agentcore", `runtime/*_${runtimeSuffix(env)}-*`),
        // The provider is `agents_<stack>` (no hyphen in a provider name), AWS adds `-<suffix>`.
        capacityProviders: regionalArn(
            ctx,
            "bedrock-agentcore",
            `capacity-provider/${env === "*" ? "agents_*" : `${capacityProviderName(env)}-*`}`,
        ),
        operatorRoles: iam(`role/${prefix}-operator-role-*`),
        instanceProfiles: iam(`instance-profile/${prefix}-*`),
        workloadIdentities: [
            regionalArn(ctx, "bedrock-agentcore", "workload-identity-directory/default"),
            regionalArn(
                ctx,
                "bedrock-agentcore",
                `workload-identity-directory/default/workload-identity/*_${runtimeSuffix(env)}-*`,
            ),
        ],
    };
}

const statement = (
    Sid: string,
    Action: readonly string[],
    Resource: string | readonly string[],
    Condition?: PolicyCondition,
): PolicyStatement => ({
    Sid,
    Effect: "Allow",
    Action: [...Action],
    Resource: typeof Resource === "string" ? Resource : [...Resource],
    ...(Condition ? { Condition } : {}),
});

/** What `pulumi preview` needs, for every environment of the account, and nothing that writes. */
export function previewPolicy(ctx: AwsContext): PolicyDocument {
    const arns = environmentArns(ctx, "*");
    return policyDocument(
        statement("Ec2Read", EC2_READ_ACTIONS, "*"),
        statement("IamReadStackRoles", IAM_READ_ACTIONS, arns.roles),
        statement("KmsReadKeys", KMS_READ_ACTIONS, arns.keys),
        statement("KmsListAliases", ["kms:ListAliases"], "*"),
        statement("LogsRead", LOGS_READ_ACTIONS, arns.allLogGroups),
        statement("SnsRead", SNS_READ_ACTIONS, arns.topics),
        statement("CloudWatchRead", CLOUDWATCH_READ_ACTIONS, [
            arns.alarms,
            `arn:${ctx.partition}:cloudwatch::${ctx.accountId}:dashboard/agentcore-*`,
        ]),
        statement("AgentCoreRead", AGENTCORE_READ_ACTIONS, [arns.runtimes, `${arns.runtimes}/runtime-endpoint/*`]),
        statement("AgentCoreCapacityProviderRead", AGENTCORE_CAPACITY_PROVIDER_READ_ACTIONS, arns.capacityProviders),
        statement("AgentCoreList", AGENTCORE_LIST_ACTIONS, "*"),
        statement("CloudControlRead", CLOUD_CONTROL_READ_ACTIONS, "*"),
        statement("S3ReadCodeBuckets", S3_READ_ACTIONS, [arns.codeBuckets, arns.codeObjects]),
        statement("EcrReadRepositories", ECR_DESCRIBE_ACTIONS, arns.repositories),
        // awsx's Image resolves a registry login (an invoke) during preview as well.
        statement("EcrAuthorizationToken", ["ecr:GetAuthorizationToken"], "*"),
        statement("LogDeliveryRead", LOG_DELIVERY_READ_ACTIONS, arns.deliveries),
        statement(
            "AgentCoreResourcePolicyRead",
            ["bedrock-agentcore:GetResourcePolicy"],
            [arns.runtimes, `${arns.runtimes}/runtime-endpoint/*`],
        ),
        // No resource-level permissions exist for these reads (Service Authorization Reference).
        statement("ObservabilityReadUnscoped", OBSERVABILITY_READ_UNSCOPED_ACTIONS, "*"),
    );
}

// ---- deploy (one environment) ----

/** Creating network resources; the created resource must carry the environment's tag. */
export const EC2_CREATE_ACTIONS = [
    "ec2:CreateFlowLogs",
    "ec2:CreateRouteTable",
    "ec2:CreateSecurityGroup",
    "ec2:CreateSubnet",
    "ec2:CreateVpc",
    "ec2:CreateVpcEndpoint",
];
/** The creates whose request also names the (existing) VPC. */
export const EC2_CREATE_IN_VPC_ACTIONS = [
    "ec2:CreateFlowLogs",
    "ec2:CreateRouteTable",
    "ec2:CreateSecurityGroup",
    "ec2:CreateSubnet",
    "ec2:CreateVpcEndpoint",
];
/** Changing network resources of this account and region (IDs are random, so no name scoping). */
export const EC2_MODIFY_ACTIONS = [
    "ec2:AssociateRouteTable",
    "ec2:AuthorizeSecurityGroupEgress",
    "ec2:AuthorizeSecurityGroupIngress",
    "ec2:CreateTags",
    "ec2:DisassociateRouteTable",
    "ec2:ModifySecurityGroupRules",
    "ec2:ModifySubnetAttribute",
    "ec2:ModifyVpcAttribute",
    "ec2:ModifyVpcEndpoint",
    "ec2:RevokeSecurityGroupEgress",
    "ec2:RevokeSecurityGroupIngress",
    "ec2:UpdateSecurityGroupRuleDescriptionsEgress",
    "ec2:UpdateSecurityGroupRuleDescriptionsIngress",
];
/** Deleting: only what carries this environment's `Environment` tag. */
export const EC2_DELETE_ACTIONS = [
    "ec2:DeleteFlowLogs",
    "ec2:DeleteRouteTable",
    "ec2:DeleteSecurityGroup",
    "ec2:DeleteSubnet",
    "ec2:DeleteTags",
    "ec2:DeleteVpc",
    "ec2:DeleteVpcEndpoints",
];
/** The execution and flow-log roles and their inline policies. */
export const IAM_ROLE_ACTIONS = [
    "iam:CreateRole",
    "iam:DeleteRole",
    "iam:DeleteRolePolicy",
    "iam:GetRole",
    "iam:GetRolePolicy",
    "iam:ListAttachedRolePolicies",
    "iam:ListInstanceProfilesForRole",
    "iam:ListRolePolicies",
    "iam:PutRolePolicy",
    "iam:TagRole",
    "iam:UntagRole",
    "iam:UpdateAssumeRolePolicy",
    "iam:UpdateRole",
];
/** The key's lifecycle; CreateKey cannot be scoped to a resource (it has none yet). */
export const KMS_KEY_ACTIONS = [
    "kms:DescribeKey",
    "kms:EnableKeyRotation",
    "kms:GetKeyPolicy",
    "kms:GetKeyRotationStatus",
    "kms:ListResourceTags",
    "kms:PutKeyPolicy",
    "kms:ScheduleKeyDeletion",
    "kms:TagResource",
    "kms:UntagResource",
    "kms:UpdateKeyDescription",
];
export const KMS_ALIAS_ACTIONS = ["kms:CreateAlias", "kms:DeleteAlias", "kms:UpdateAlias"];
export const LOGS_WRITE_ACTIONS = [
    "logs:AssociateKmsKey",
    "logs:CreateLogGroup",
    "logs:DeleteLogGroup",
    "logs:DeleteRetentionPolicy",
    "logs:DisassociateKmsKey",
    "logs:ListTagsForResource",
    "logs:PutRetentionPolicy",
    "logs:TagResource",
    "logs:UntagResource",
];
export const SNS_WRITE_ACTIONS = [
    "sns:CreateTopic",
    "sns:DeleteTopic",
    "sns:GetSubscriptionAttributes",
    "sns:GetTopicAttributes",
    "sns:ListTagsForResource",
    "sns:SetSubscriptionAttributes",
    "sns:SetTopicAttributes",
    "sns:Subscribe",
    "sns:TagResource",
    "sns:Unsubscribe",
    "sns:UntagResource",
];
export const CLOUDWATCH_ALARM_ACTIONS = [
    "cloudwatch:DeleteAlarms",
    "cloudwatch:DescribeAlarms",
    "cloudwatch:ListTagsForResource",
    "cloudwatch:PutMetricAlarm",
    "cloudwatch:TagResource",
    "cloudwatch:UntagResource",
];
export const CLOUDWATCH_DASHBOARD_ACTIONS = [
    "cloudwatch:DeleteDashboards",
    "cloudwatch:GetDashboard",
    "cloudwatch:PutDashboard",
];
/**
 * CreateAgentRuntime has no resource type in the Service Authorization Reference (the runtime
 * does not exist yet): IAM authorizes it on `*` only, so it has a statement of its own; the
 * deployer guardrail fences its network and capacity provider.
 */
export const AGENTCORE_CREATE_RUNTIME_ACTIONS = ["bedrock-agentcore:CreateAgentRuntime"];
export const AGENTCORE_RUNTIME_ACTIONS = [
    "bedrock-agentcore:CreateAgentRuntimeEndpoint",
    "bedrock-agentcore:DeleteAgentRuntime",
    "bedrock-agentcore:DeleteAgentRuntimeEndpoint",
    "bedrock-agentcore:GetAgentRuntime",
    "bedrock-agentcore:GetAgentRuntimeEndpoint",
    "bedrock-agentcore:ListTagsForResource",
    "bedrock-agentcore:TagResource",
    "bedrock-agentcore:UntagResource",
    "bedrock-agentcore:UpdateAgentRuntime",
    "bedrock-agentcore:UpdateAgentRuntimeEndpoint",
];
/**
 * Instances: the stack's capacity provider. CreateCapacityProvider has no resource type
 * (authorized on `*`); the others take the provider, and PassCapacityProvider is what
 * CreateAgentRuntime also authorizes for a runtime that names it.
 */
export const AGENTCORE_CREATE_CAPACITY_PROVIDER_ACTIONS = ["bedrock-agentcore:CreateCapacityProvider"];
export const AGENTCORE_CAPACITY_PROVIDER_ACTIONS = [
    "bedrock-agentcore:DeleteCapacityProvider",
    "bedrock-agentcore:GetCapacityProvider",
    "bedrock-agentcore:ListTagsForResource",
    "bedrock-agentcore:PassCapacityProvider",
    "bedrock-agentcore:TagResource",
    "bedrock-agentcore:UntagResource",
    "bedrock-agentcore:UpdateCapacityProvider",
];
/** Attaching the AWS managed operator policy to the stack's operator role (iam:PolicyARN names it). */
export const IAM_MANAGED_POLICY_ATTACHMENT_ACTIONS = ["iam:AttachRolePolicy", "iam:DetachRolePolicy"];
/** AgentCore Instances launch instances with this service-linked role (AgentCore dev guide, runtime-instances-security). */
export const AGENTCORE_INSTANCES_SERVICE = "runtime-instances.bedrock-agentcore.amazonaws.com";
export const AGENTCORE_INSTANCES_SERVICE_LINKED_ROLE = "AWSServiceRoleForBedrockAgentCoreRuntimeInstances";

/** A runtime gets a workload identity named after it. */
export const AGENTCORE_IDENTITY_ACTIONS = [
    "bedrock-agentcore:CreateWorkloadIdentity",
    "bedrock-agentcore:DeleteWorkloadIdentity",
    "bedrock-agentcore:GetWorkloadIdentity",
];
export const CLOUD_CONTROL_WRITE_ACTIONS = [
    "cloudformation:CreateResource",
    "cloudformation:DeleteResource",
    "cloudformation:UpdateResource",
];

/** The code bucket (direct-code artifacts): its lifecycle, configuration and objects; forceDestroy empties versions. */
export const S3_BUCKET_ACTIONS = [
    ...S3_READ_ACTIONS,
    "s3:CreateBucket",
    "s3:DeleteBucket",
    "s3:DeleteBucketPolicy",
    "s3:DeleteObject",
    "s3:DeleteObjectVersion",
    "s3:PutBucketOwnershipControls",
    "s3:PutBucketPolicy",
    "s3:PutBucketPublicAccessBlock",
    "s3:PutBucketTagging",
    "s3:PutBucketVersioning",
    "s3:PutEncryptionConfiguration",
    "s3:PutObject",
    "s3:PutObjectTagging",
].sort();
/** The image repositories (image artifacts), their lifecycle policy and the image push. */
export const ECR_REPOSITORY_ACTIONS = [
    ...ECR_DESCRIBE_ACTIONS,
    "ecr:BatchCheckLayerAvailability",
    "ecr:BatchDeleteImage",
    "ecr:BatchGetImage",
    "ecr:CompleteLayerUpload",
    "ecr:CreateRepository",
    "ecr:DeleteLifecyclePolicy",
    "ecr:DeleteRepository",
    "ecr:GetDownloadUrlForLayer",
    "ecr:InitiateLayerUpload",
    "ecr:PutImage",
    "ecr:PutImageScanningConfiguration",
    "ecr:PutImageTagMutability",
    "ecr:PutLifecyclePolicy",
    "ecr:TagResource",
    "ecr:UntagResource",
    "ecr:UploadLayerPart",
].sort();
/** Using the stack key for SSE-KMS uploads and KMS-encrypted repositories (the grant is ECR's own). */
export const KMS_USE_ACTIONS = ["kms:Decrypt", "kms:GenerateDataKey"];
/**
 * The stack's stored secrets (`secretValues`): create, read back on refresh, put a new value,
 * tag, delete. Scoped to the stack's name prefix; the values are encrypted with the stack key
 * (KmsUseOwnKeys).
 */
export const SECRETS_MANAGER_ACTIONS = [
    "secretsmanager:CreateSecret",
    "secretsmanager:DeleteSecret",
    "secretsmanager:DescribeSecret",
    "secretsmanager:GetResourcePolicy",
    "secretsmanager:GetSecretValue",
    "secretsmanager:ListSecretVersionIds",
    "secretsmanager:PutSecretValue",
    "secretsmanager:TagResource",
    "secretsmanager:UntagResource",
    "secretsmanager:UpdateSecret",
];
export const KMS_GRANT_ACTIONS = ["kms:CreateGrant", "kms:RetireGrant"];
/** The runtimes' and endpoints' resource-based policies (PutResourcePolicy etc. of the AgentCore control plane). */
export const AGENTCORE_RESOURCE_POLICY_ACTIONS = [
    "bedrock-agentcore:DeleteResourcePolicy",
    "bedrock-agentcore:GetResourcePolicy",
    "bedrock-agentcore:PutResourcePolicy",
];
/** Vended log and trace delivery: sources, destinations and the deliveries between them. */
export const LOG_DELIVERY_MANAGE_ACTIONS = [
    ...LOG_DELIVERY_READ_ACTIONS,
    "logs:CreateDelivery",
    "logs:DeleteDelivery",
    "logs:DeleteDeliveryDestination",
    "logs:DeleteDeliveryDestinationPolicy",
    "logs:DeleteDeliverySource",
    "logs:PutDeliveryDestination",
    "logs:PutDeliveryDestinationPolicy",
    "logs:PutDeliverySource",
    "logs:TagResource",
    "logs:UntagResource",
    "logs:UpdateDeliveryConfiguration",
].sort();
/** The permission AgentCore checks before it lets a caller deliver a runtime's logs and traces. */
export const AGENTCORE_VENDED_LOGS_ACTIONS = ["bedrock-agentcore:AllowVendedLogDeliveryForResource"];
export const CLOUDWATCH_INSIGHT_RULE_ACTIONS = [
    "cloudwatch:DeleteInsightRules",
    "cloudwatch:DisableInsightRules",
    "cloudwatch:EnableInsightRules",
    "cloudwatch:ListTagsForResource",
    "cloudwatch:PutInsightRule",
    "cloudwatch:TagResource",
    "cloudwatch:UntagResource",
];
/**
 * Writes that AWS authorizes on `*` only: the account's log resource policies (delivery to
 * log groups), saved Logs Insights queries, X-Ray resource policies (delivery to X-Ray).
 */
export const OBSERVABILITY_UNSCOPED_ACTIONS = [
    ...OBSERVABILITY_READ_UNSCOPED_ACTIONS,
    "logs:DeleteQueryDefinition",
    "logs:DeleteResourcePolicy",
    "logs:PutQueryDefinition",
    "logs:PutResourcePolicy",
    "xray:DeleteResourcePolicy",
    "xray:PutResourcePolicy",
].sort();
/** Transaction Search: the account's segment destination (config allows it in production only). */
export const XRAY_SEGMENT_DESTINATION_ACTIONS = [
    "xray:GetTraceSegmentDestination",
    "xray:UpdateTraceSegmentDestination",
];
/** The environment that may own Transaction Search: the one src/observability/config.ts enforces. */
export const TRANSACTION_SEARCH_ENVIRONMENT = TRANSACTION_SEARCH_OWNER_ENVIRONMENT;

/** The service that assumes the execution role, and the one that assumes the flow-log role. */
export const AGENTCORE_SERVICE = AGENTCORE_SERVICE_PRINCIPAL;
export const FLOW_LOGS_SERVICE = FLOW_LOGS_SERVICE_PRINCIPAL;
/** AgentCore creates runtime ENIs with this service-linked role, on first use in an account. */
export const AGENTCORE_NETWORK_SERVICE = "network.bedrock-agentcore.amazonaws.com";

/**
 * Everything `pulumi up` and `pulumi destroy` of the environment's main stack do. `target`
 * names the stack (default: the environment's name) and its kind (default: all-in-one): names
 * are scoped by the stack, tags by the environment, and a kind loses what it never needs.
 */
/** What a stack promotes from: the source's main stack and its environment (its resources' Environment tag). */
export interface PromotionSource {
    readonly stack: string;
    readonly environment: string;
}

/** Tagging a promoted digest in the source's repository (`npm run promote --tag-script`): read it, put its manifest under a new tag. */
export const PROMOTION_ECR_TAG_ACTIONS = ["ecr:BatchGetImage", "ecr:DescribeImages", "ecr:PutImage"];
/**
 * Reading the promoted code object for the target's copy: HeadObject/GetObject of the version
 * at preview (aws.s3.getObject), CopyObject's read of the source (S3 API reference, CopyObject:
 * s3:GetObject on the source, s3:GetObjectVersion for a version).
 */
export const PROMOTION_S3_READ_ACTIONS = ["s3:GetObject", "s3:GetObjectVersion"];

/**
 * What a stack that promotes from another needs of the source (docs/delivery.md): its ECR
 * repositories to tag the promoted digest, its code objects to copy, and its stack key to
 * decrypt them through S3 only. Each scoped to the source's names (`agentcore-<source>-*`) and
 * its key by the source's Environment tag.
 */
export function promotionSourceStatements(ctx: AwsContext, source: PromotionSource): PolicyStatement[] {
    const arns = environmentArns(ctx, source.stack);
    return [
        statement("PromotionSourceEcrTag", PROMOTION_ECR_TAG_ACTIONS, arns.repositories),
        statement("PromotionSourceCodeRead", PROMOTION_S3_READ_ACTIONS, arns.codeObjects),
        statement("PromotionSourceKeyDecrypt", ["kms:Decrypt"], arns.keys, {
            StringEquals: {
                "aws:ResourceTag/Environment": source.environment,
                "kms:ViaService": `s3.${ctx.region}.${ctx.partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com"}`,
            },
        }),
    ];
}

export function deployPolicy(
    ctx: AwsContext,
    env: string,
    target: {
        readonly stack?: string;
        readonly kind?: StackKind;
        readonly compute?: ComputeType;
        /** The stack this one promotes from (its artifacts are tagged and copied from there). Default: none. */
        readonly promoteFrom?: PromotionSource;
    } = {},
): PolicyDocument {
    const kind = target.kind ?? "all-in-one";
    const stack = target.stack ?? env;
    const document = allInOneDeployPolicy(ctx, env, stack, kind === "network");
    const dropped = STATEMENTS_NOT_FOR_KIND[kind];
    const statements = document.Statement.filter((st) => !dropped.includes(String(st.Sid)));
    return {
        ...document,
        Statement: [
            ...statements,
            ...(target.compute === "instances" ? instancesStatements(ctx, stack) : []),
            ...(target.promoteFrom ? promotionSourceStatements(ctx, target.promoteFrom) : []),
        ],
    };
}

/**
 * What an Instances stack adds (docs/instances.md): the capacity provider, the operator role
 * passed to AgentCore and its AWS managed policy attached, the service-linked role AgentCore
 * launches instances with, instance profile reads. The stack key's kms:DescribeKey (needed for
 * volumes encrypted with it) is KmsOwnKeys'.
 */
function instancesStatements(ctx: AwsContext, stack: string): PolicyStatement[] {
    const arns = environmentArns(ctx, stack);
    return [
        statement("AgentCoreCreateCapacityProvider", AGENTCORE_CREATE_CAPACITY_PROVIDER_ACTIONS, "*"),
        statement("AgentCoreCapacityProvider", AGENTCORE_CAPACITY_PROVIDER_ACTIONS, arns.capacityProviders),
        statement("PassOperatorRoleToAgentCore", ["iam:PassRole"], arns.operatorRoles, {
            StringEquals: { "iam:PassedToService": AGENTCORE_SERVICE },
        }),
        statement("AttachOperatorManagedPolicy", IAM_MANAGED_POLICY_ATTACHMENT_ACTIONS, arns.operatorRoles, {
            ArnEquals: { "iam:PolicyARN": operatorManagedPolicyArn(ctx.partition) },
        }),
        statement(
            "AgentCoreInstancesServiceLinkedRole",
            ["iam:CreateServiceLinkedRole"],
            `arn:${ctx.partition}:iam::${ctx.accountId}:role/aws-service-role/${AGENTCORE_INSTANCES_SERVICE}/${AGENTCORE_INSTANCES_SERVICE_LINKED_ROLE}`,
            { StringEquals: { "iam:AWSServiceName": AGENTCORE_INSTANCES_SERVICE } },
        ),
        statement("InstanceProfileRead", ["iam:GetInstanceProfile"], arns.instanceProfiles),
    ];
}

function allInOneDeployPolicy(
    ctx: AwsContext,
    env: string,
    stack: string,
    ownsTransactionSearch: boolean,
): PolicyDocument {
    const arns = environmentArns(ctx, stack);
    const ec2 = (kind: string) => regionalArn(ctx, "ec2", `${kind}/*`);
    const ec2Created = [
        "vpc",
        "subnet",
        "route-table",
        "security-group",
        "security-group-rule",
        "vpc-endpoint",
        "vpc-flow-log",
    ].map(ec2);
    const tagged = { StringEquals: { "aws:ResourceTag/Environment": env } };
    // Modify rights reach every network resource of the account (IDs are random), so they are
    // fenced by tag: a resource tagged for another environment is refused. IfExists keeps what
    // has no tag yet reachable: a rule or tag being created, and an adopted VPC's own resources.
    const notOtherEnvironment = { StringEqualsIfExists: { "aws:ResourceTag/Environment": env } };
    return policyDocument(
        statement("Ec2Read", EC2_READ_ACTIONS, "*"),
        statement("Ec2CreateTagged", EC2_CREATE_ACTIONS, ec2Created, {
            StringEquals: { "aws:RequestTag/Environment": env },
        }),
        // A create is also authorized against the existing resources it attaches to. Those
        // grants name only parent types, never the type being created, so the tag
        // condition above cannot be bypassed (IAM checks each resource on its own).
        statement("Ec2CreateInVpc", EC2_CREATE_IN_VPC_ACTIONS, ec2("vpc"), notOtherEnvironment),
        statement(
            "Ec2EndpointAttachments",
            ["ec2:CreateVpcEndpoint"],
            [
                ec2("subnet"),
                ec2("security-group"),
                ec2("route-table"),
                regionalArn(ctx, "ec2", "vpc-endpoint-service/*"),
            ],
        ),
        statement("Ec2Modify", EC2_MODIFY_ACTIONS, ec2Created, notOtherEnvironment),
        statement("Ec2DeleteOwnEnvironment", EC2_DELETE_ACTIONS, ec2Created, tagged),
        statement("IamStackRoles", IAM_ROLE_ACTIONS, arns.roles),
        statement("PassExecutionRoleToAgentCore", ["iam:PassRole"], arns.executionRoles, {
            StringEquals: { "iam:PassedToService": AGENTCORE_SERVICE },
        }),
        statement("PassFlowLogRoleToVpcFlowLogs", ["iam:PassRole"], arns.flowLogRoles, {
            StringEquals: { "iam:PassedToService": FLOW_LOGS_SERVICE },
        }),
        statement(
            "AgentCoreNetworkServiceLinkedRole",
            ["iam:CreateServiceLinkedRole"],
            `arn:${ctx.partition}:iam::${ctx.accountId}:role/aws-service-role/${AGENTCORE_NETWORK_SERVICE}/AWSServiceRoleForBedrockAgentCoreNetwork`,
            { StringEquals: { "iam:AWSServiceName": AGENTCORE_NETWORK_SERVICE } },
        ),
        statement("KmsCreateTaggedKey", ["kms:CreateKey"], "*", {
            StringEquals: { "aws:RequestTag/Environment": env },
        }),
        statement("KmsOwnKeys", KMS_KEY_ACTIONS, arns.keys, tagged),
        // An alias operation is authorized on the alias and on the key: the key must be this environment's.
        statement("KmsAlias", KMS_ALIAS_ACTIONS, arns.alias),
        statement("KmsAliasTargetOwnKeys", KMS_ALIAS_ACTIONS, arns.keys, tagged),
        statement("KmsListAliases", ["kms:ListAliases"], "*"),
        statement("KmsUseOwnKeys", KMS_USE_ACTIONS, arns.keys, tagged),
        statement("KmsGrantsForAwsServices", KMS_GRANT_ACTIONS, arns.keys, {
            ...tagged,
            Bool: { "kms:GrantIsForAWSResource": "true" },
        }),
        // Not AgentCore's own /aws/bedrock-agentcore/runtimes/* groups: the service creates them and
        // the stack never touches them (policy rule agentcore-no-service-log-groups).
        statement("LogsStackGroups", LOGS_WRITE_ACTIONS, [...arns.stackLogGroups, ...arns.flowLogGroups]),
        statement("LogDelivery", LOG_DELIVERY_MANAGE_ACTIONS, arns.deliveries),
        statement("AgentCoreVendedLogs", AGENTCORE_VENDED_LOGS_ACTIONS, arns.runtimes),
        statement("ObservabilityUnscoped", OBSERVABILITY_UNSCOPED_ACTIONS, "*"),
        ...(env === TRANSACTION_SEARCH_ENVIRONMENT || ownsTransactionSearch
            ? [statement("XRayTransactionSearch", XRAY_SEGMENT_DESTINATION_ACTIONS, "*")]
            : []),
        statement("CloudWatchInsightRules", CLOUDWATCH_INSIGHT_RULE_ACTIONS, arns.insightRules),
        statement("SecretsManagerStackSecrets", SECRETS_MANAGER_ACTIONS, arns.secrets),
        statement("S3CodeBucket", S3_BUCKET_ACTIONS, [arns.codeBuckets, arns.codeObjects]),
        statement("EcrRepositories", ECR_REPOSITORY_ACTIONS, arns.repositories),
        statement("EcrAuthorizationToken", ["ecr:GetAuthorizationToken"], "*"),
        statement("AgentCoreResourcePolicies", AGENTCORE_RESOURCE_POLICY_ACTIONS, [
            arns.runtimes,
            `${arns.runtimes}/runtime-endpoint/*`,
        ]),
        statement("LogsDescribe", ["logs:DescribeLogGroups"], arns.allLogGroups),
        statement("SnsAlarmTopic", SNS_WRITE_ACTIONS, arns.topics),
        statement("CloudWatchAlarms", CLOUDWATCH_ALARM_ACTIONS, arns.alarms),
        statement("CloudWatchDashboard", CLOUDWATCH_DASHBOARD_ACTIONS, arns.dashboard),
        statement("AgentCoreCreateRuntime", AGENTCORE_CREATE_RUNTIME_ACTIONS, "*"),
        statement("AgentCoreRuntimes", AGENTCORE_RUNTIME_ACTIONS, [
            arns.runtimes,
            `${arns.runtimes}/runtime-endpoint/*`,
        ]),
        statement("AgentCoreWorkloadIdentity", AGENTCORE_IDENTITY_ACTIONS, arns.workloadIdentities),
        statement("AgentCoreList", AGENTCORE_LIST_ACTIONS, "*"),
        statement("CloudControl", [...CLOUD_CONTROL_READ_ACTIONS, ...CLOUD_CONTROL_WRITE_ACTIONS], "*"),
    );
}

/**
 * The permissions boundary of every CI role: grants come from the roles' own policies, and
 * the boundary keeps, whatever those grow into, the escalation paths shut: no changes to
 * the CI identities themselves (roles, policies, the OIDC provider), no users or access
 * keys, no managed-policy attachments or boundary changes on any role.
 */
export function ciBoundaryPolicy(ctx: AwsContext): PolicyDocument {
    const iam = (resource: string) => `arn:${ctx.partition}:iam::${ctx.accountId}:${resource}`;
    return policyDocument(
        { Sid: "AllowWhatTheRolePolicyAllows", Effect: "Allow", Action: ["*"], Resource: "*" },
        {
            Sid: "DenyChangingCiIdentities",
            Effect: "Deny",
            Action: [
                "iam:AttachRolePolicy",
                "iam:CreatePolicyVersion",
                "iam:DeletePolicy",
                "iam:DeletePolicyVersion",
                "iam:DeleteRole",
                "iam:DeleteRolePolicy",
                "iam:DetachRolePolicy",
                "iam:PutRolePolicy",
                "iam:SetDefaultPolicyVersion",
                "iam:UpdateAssumeRolePolicy",
                "iam:UpdateRole",
            ],
            Resource: [iam(`role/${CI_NAME_PREFIX}-*`), iam(`policy/${CI_NAME_PREFIX}-*`)],
        },
        {
            Sid: "DenyChangingOidcProviders",
            Effect: "Deny",
            Action: [
                "iam:AddClientIDToOpenIDConnectProvider",
                "iam:CreateOpenIDConnectProvider",
                "iam:DeleteOpenIDConnectProvider",
                "iam:RemoveClientIDFromOpenIDConnectProvider",
                "iam:UpdateOpenIDConnectProviderThumbprint",
            ],
            Resource: iam("oidc-provider/*"),
        },
        {
            Sid: "DenyLongLivedCredentialsAndEscalation",
            Effect: "Deny",
            Action: [
                "iam:CreateAccessKey",
                "iam:CreateLoginProfile",
                "iam:CreateUser",
                "iam:DeleteRolePermissionsBoundary",
                "iam:PutRolePermissionsBoundary",
            ],
            Resource: "*",
        },
        {
            // The one managed policy a main stack attaches: AWS's for the Instances operator role.
            Sid: "DenyAttachingOtherManagedPolicies",
            Effect: "Deny",
            Action: ["iam:AttachRolePolicy"],
            Resource: "*",
            Condition: { ArnNotEquals: { "iam:PolicyARN": operatorManagedPolicyArn(ctx.partition) } },
        },
    );
}

/** IAM's size limit of one managed policy: characters, not counting whitespace. */
export const MANAGED_POLICY_MAX_CHARS = 6144;

/** Characters IAM counts for a document. */
export function policySize(doc: PolicyDocument): number {
    return JSON.stringify(doc).replace(/\s/g, "").length;
}

/**
 * Groups a document's statements, in order, into as few documents as fit the
 * managed-policy limit (as statement indices); throws if one statement alone is too large.
 */
export function planSplit(doc: PolicyDocument, maxChars = MANAGED_POLICY_MAX_CHARS): number[][] {
    const groups: number[][] = [];
    let current: number[] = [];
    const size = (indices: number[]) => policySize(policyDocument(...indices.map((i) => doc.Statement[i])));
    doc.Statement.forEach((s, i) => {
        if (size([i]) > maxChars) {
            throw new Error(
                `statement ${s.Sid} alone is ${size([i])} characters, over the ${maxChars} of a managed policy`,
            );
        }
        if (size([...current, i]) > maxChars) {
            groups.push(current);
            current = [];
        }
        current.push(i);
    });
    if (current.length > 0) {
        groups.push(current);
    }
    return groups;
}

/** The documents of a split: the statements of each group. */
export function applySplit(doc: PolicyDocument, groups: readonly number[][]): PolicyDocument[] {
    return groups.map((g) => policyDocument(...g.map((i) => doc.Statement[i])));
}

/**
 * The longest ARN parts an account can have: a split planned with them fits every real
 * account, so the number of managed policies is known before the account ID resolves.
 */
export const LONGEST_CONTEXT: AwsContext = {
    partition: "aws-us-gov",
    region: "ap-southeast-7",
    accountId: "000000000000",
};
