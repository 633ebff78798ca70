/**
 * Requirement literals for the 2026 runtime capabilities, written once from AWS's API
 * reference (CustomJWTAuthorizerConfiguration, CustomClaimValidationType,
 * EfsAccessPointConfiguration, S3FilesAccessPointConfiguration) and the developer guide
 * ("File system configurations for AgentCore Runtime"), never from the code under test.
 */
/** allowedScopes[]: 1–255 characters of [\x21\x23-\x5B\x5D-\x7E]. */
export const SCOPE_MAX = 255;
/** inboundTokenClaimName: 1–255 characters. */
export const CLAIM_NAME_MAX = 255;
/** mountPath: 6–200 characters, /mnt/<one directory>. */
export const MOUNT_PATH_MIN = 6;
export const MOUNT_PATH_MAX = 200;
/** Up to 5 file system configurations per runtime. */
export const MOUNTS_PER_RUNTIME = 5;
/** NFS: the port EFS and S3 Files mount targets serve. */
export const NFS = 2049;
export const EFS_AP = "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0";
export const EFS_FS = "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0123456789abcdef0";
export const S3_FILES_AP =
    "arn:aws:s3files:us-east-1:123456789012:file-system/fs-0123456789abcdef01/access-point/fsap-0123456789abcdef01";
export const S3_FILES_FS = "arn:aws:s3files:us-east-1:123456789012:file-system/fs-0123456789abcdef01";
export const SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:agents/crm-api-key-AbC123";
export const PRIVATE_IDP_URL = "https://idp.internal.example.com/realms/agents/.well-known/openid-configuration";
