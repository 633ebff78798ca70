/**
 * What the execution role needs to mount a runtime's own file systems, as a pure document:
 * NFS client rights on exactly the file system behind each access point, and only through
 * that access point (AgentCore developer guide, file system configurations for Runtime,
 * Browser and Code Interpreter: `ClientMount`/`ClientWrite` with the `AccessPointArn`
 * condition; Service Authorization Reference for Amazon EFS and Amazon S3 Files).
 * Session storage is the service's own and needs no grant.
 */
import { EFS_ACCESS_POINT_ARN, S3_FILES_ACCESS_POINT_ARN } from "../aws/agentcore";
import { FilesystemConfig } from "../config/types";
import { PolicyDocument, policyDocument, PolicyStatement } from "../aws/iamDocument";

/** Mount and write over NFS; no ClientRootAccess: the access point's POSIX identity applies. */
export const EFS_CLIENT_ACTIONS = ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"] as const;
/** The same for S3 Files, whose mount also reads the access point (s3files:GetAccessPoint). */
export const S3_FILES_CLIENT_ACTIONS = ["s3files:ClientMount", "s3files:ClientWrite"] as const;
export const S3_FILES_ACCESS_POINT_ACTIONS = ["s3files:GetAccessPoint"] as const;

/** The file system ARN an EFS access point belongs to (same partition, region and account). */
export function efsFileSystemArn(accessPointArn: string, fileSystemId: string): string {
    const m = EFS_ACCESS_POINT_ARN.exec(accessPointArn);
    if (!m) {
        throw new Error(`not an EFS access point ARN: ${accessPointArn}`);
    }
    return `arn:${m[1]}:elasticfilesystem:${m[2]}:${m[3]}:file-system/${fileSystemId}`;
}

/** The S3 Files file system ARN inside an access point ARN. */
export function s3FilesFileSystemArn(accessPointArn: string): string {
    const m = S3_FILES_ACCESS_POINT_ARN.exec(accessPointArn);
    if (!m) {
        throw new Error(`not an S3 Files access point ARN: ${accessPointArn}`);
    }
    return `arn:${m[1]}:s3files:${m[2]}:${m[3]}:file-system/${m[4]}`;
}

/** The role policy for one runtime's mounts; undefined when it mounts nothing that needs a grant. */
export function filesystemGrantPolicy(filesystems: readonly FilesystemConfig[]): PolicyDocument | undefined {
    const statements: PolicyStatement[] = [];
    filesystems.forEach((fs, i) => {
        if (fs.kind === "efs") {
            statements.push({
                Sid: `EfsMount${i}`,
                Effect: "Allow",
                Action: [...EFS_CLIENT_ACTIONS],
                Resource: efsFileSystemArn(fs.accessPointArn, fs.fileSystemId),
                Condition: { StringEquals: { "elasticfilesystem:AccessPointArn": fs.accessPointArn } },
            });
        } else if (fs.kind === "s3Files") {
            statements.push(
                {
                    Sid: `S3FilesMount${i}`,
                    Effect: "Allow",
                    Action: [...S3_FILES_CLIENT_ACTIONS],
                    Resource: s3FilesFileSystemArn(fs.accessPointArn),
                    Condition: { StringEquals: { "s3files:AccessPointArn": fs.accessPointArn } },
                },
                {
                    Sid: `S3FilesAccessPoint${i}`,
                    Effect: "Allow",
                    Action: [...S3_FILES_ACCESS_POINT_ACTIONS],
                    Resource: fs.accessPointArn,
                },
            );
        }
    });
    return statements.length > 0 ? policyDocument(...statements) : undefined;
}
