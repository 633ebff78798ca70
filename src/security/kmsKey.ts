/**
 * The stack's customer-managed KMS key as pure values: its key policy, deletion window and
 * alias. The key encrypts the log groups and the alarm topic other components create, so
 * the policy lets exactly those services use it, on behalf of this account only.
 */
import { Environment } from "../aws/agentcore";
import { AwsContext, PolicyDocument, policyDocument } from "../aws/iamDocument";
import { stackComponentName } from "../aws/naming";

/**
 * The AWS default key-policy statement: the account (through IAM policies) administers
 * the key. Without it no IAM principal could ever manage or delete the key again.
 */
export const KMS_ADMIN_ACTIONS = ["kms:*"] as const;
/** What CloudWatch Logs needs to encrypt and read log events (AWS-documented list). */
export const KMS_LOGS_ACTIONS = [
    "kms:Encrypt*",
    "kms:Decrypt*",
    "kms:ReEncrypt*",
    "kms:GenerateDataKey*",
    "kms:Describe*",
] as const;
/** What a publisher (CloudWatch alarms) and SNS need to put messages on an encrypted topic. */
export const KMS_KEY_USER_ACTIONS = ["kms:Decrypt", "kms:GenerateDataKey*"] as const;

/** A scheduled deletion can be cancelled for this long: the maximum in production. */
export const PRODUCTION_KEY_DELETION_WINDOW_DAYS = 30;
/** Short elsewhere, so a torn-down development stack frees its key within a week. */
export const DEFAULT_KEY_DELETION_WINDOW_DAYS = 7;

/**
 * What EBS needs of a customer-managed key to create, attach and read an encrypted volume for
 * a principal (EC2 user guide, "Amazon EBS encryption", key policy for EBS): data keys,
 * decryption, and grants for the attached volume.
 */
export const KMS_EBS_ACTIONS = [
    "kms:Decrypt",
    "kms:DescribeKey",
    "kms:Encrypt",
    "kms:GenerateDataKey*",
    "kms:ReEncrypt*",
] as const;
export const KMS_EBS_GRANT_ACTIONS = ["kms:CreateGrant"] as const;

/** What the key policy needs: the deploy target and the partition's DNS suffix. */
export interface KeyPolicyInput extends AwsContext {
    /** `amazonaws.com`, or `amazonaws.com.cn` in China; from aws.getPartition. */
    readonly dnsSuffix: string;
    /**
     * Instances with persistent volumes: the capacity provider's operator role, admitted for
     * EBS only (kms:ViaService ec2.<region>.<dnsSuffix>, this account as caller). Default: none.
     */
    readonly ebsOperatorRoleArn?: string;
}

/**
 * The key's description: everything the stack encrypts with it, so an operator who finds the
 * key in the console knows what scheduling its deletion would make unreadable. Keep it in
 * step with the components that pass `kmsKeyArn` (network flow logs, log delivery, monitoring,
 * artifacts).
 */
export function kmsKeyDescription(environment: Environment, instanceVolumes = false): string {
    return `AgentCore ${environment}: VPC flow logs, runtime log groups (application, usage), alarm SNS topic, ECR image repositories, S3 code bucket, Secrets Manager secrets${instanceVolumes ? ", Instances persistent EBS volumes" : ""}`;
}

/** Days a deleted key waits before it is gone: 30 in production, 7 elsewhere. */
export function keyDeletionWindowDays(environment: Environment): number {
    return environment === "production" ? PRODUCTION_KEY_DELETION_WINDOW_DAYS : DEFAULT_KEY_DELETION_WINDOW_DAYS;
}

/**
 * The alias of the stack's key: `alias/agentcore-<...>` from the component name, with the
 * characters KMS rejects replaced by `-`. Component names are unique per stack, and so is the alias.
 */
export function kmsAliasName(componentName: string): string {
    const cleaned = componentName.replace(/[^a-zA-Z0-9/_-]/g, "-");
    return `alias/${cleaned.startsWith(stackComponentName("")) ? cleaned : stackComponentName(cleaned)}`;
}

/** The explicit key policy. In a key policy `Resource: "*"` means "this key", nothing more. */
export function kmsKeyPolicy(input: KeyPolicyInput): PolicyDocument {
    const sameAccount = { StringEquals: { "aws:SourceAccount": input.accountId } };
    return policyDocument(
        {
            Sid: "EnableRootAccountAdministration",
            Effect: "Allow",
            Principal: { AWS: `arn:${input.partition}:iam::${input.accountId}:root` },
            Action: [...KMS_ADMIN_ACTIONS],
            Resource: "*",
        },
        {
            Sid: "AllowCloudWatchLogsEncryption",
            Effect: "Allow",
            // Logs uses a regional principal; it ends in the partition's DNS suffix.
            Principal: { Service: `logs.${input.region}.${input.dnsSuffix}` },
            Action: [...KMS_LOGS_ACTIONS],
            Resource: "*",
            // Only for log groups of this account and region (Logs sends this context).
            Condition: {
                ArnLike: {
                    "kms:EncryptionContext:aws:logs:arn": `arn:${input.partition}:logs:${input.region}:${input.accountId}:log-group:*`,
                },
            },
        },
        {
            Sid: "AllowSnsUseOfKey",
            Effect: "Allow",
            Principal: { Service: "sns.amazonaws.com" },
            Action: [...KMS_KEY_USER_ACTIONS],
            Resource: "*",
            Condition: sameAccount,
        },
        {
            // AWS's documented statement for alarms that publish to an encrypted topic has
            // no condition, and CloudWatch is not documented to send aws:SourceAccount to
            // KMS: a condition it does not send would silently drop every page. Who may
            // publish is already limited by the topic policy (this account's alarms only).
            Sid: "AllowCloudWatchAlarmsUseOfKey",
            Effect: "Allow",
            Principal: { Service: "cloudwatch.amazonaws.com" },
            Action: [...KMS_KEY_USER_ACTIONS],
            Resource: "*",
        },
        ...(input.ebsOperatorRoleArn ? ebsOperatorStatements(input, input.ebsOperatorRoleArn) : []),
    );
}

/**
 * The capacity provider's operator role may use the key for EBS only: every request must come
 * through EC2 in this region (`kms:ViaService`) on behalf of this account (`kms:CallerAccount`),
 * and a grant only for an AWS resource (the attached volume). Without the role AgentCore
 * could not create or attach a volume encrypted with the key (AgentCore dev guide
 * `runtime-instances-encryption`); with ViaService the role cannot decrypt anything directly.
 */
function ebsOperatorStatements(input: KeyPolicyInput, roleArn: string) {
    const viaEbs = {
        StringEquals: {
            "kms:ViaService": `ec2.${input.region}.${input.dnsSuffix}`,
            "kms:CallerAccount": input.accountId,
        },
    };
    return [
        {
            Sid: "AllowInstancesOperatorEbsUse",
            Effect: "Allow" as const,
            Principal: { AWS: roleArn },
            Action: [...KMS_EBS_ACTIONS],
            Resource: "*",
            Condition: viaEbs,
        },
        {
            Sid: "AllowInstancesOperatorEbsGrants",
            Effect: "Allow" as const,
            Principal: { AWS: roleArn },
            Action: [...KMS_EBS_GRANT_ACTIONS],
            Resource: "*",
            Condition: { ...viaEbs, Bool: { "kms:GrantIsForAWSResource": "true" } },
        },
    ];
}
