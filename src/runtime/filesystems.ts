/**
 * `runtimes[i].filesystems`: what a microVM runtime mounts, one entry per mount, by `kind`
 * (AgentCore developer guide "File system configurations for AgentCore Runtime"; API reference
 * EfsAccessPointConfiguration, S3FilesAccessPointConfiguration, SessionStorageConfiguration).
 * A new kind is one entry in FILESYSTEM_KINDS and its reader below.
 */
import {
    EFS_ACCESS_POINT_ARN,
    EFS_ACCESS_POINT_ARN_MAX_LENGTH,
    EFS_FILE_SYSTEM_ID,
    FILESYSTEMS_MAX,
    MOUNT_PATH_MAX_LENGTH,
    MOUNT_PATH_MIN_LENGTH,
    MOUNT_PATH_PATTERN,
    S3_FILES_ACCESS_POINT_ARN,
    S3_FILES_ACCESS_POINT_ARN_MAX_LENGTH,
} from "../aws/agentcore";
import { isRecord, unknownFields } from "../config/fields";
import { Problems } from "../config/problems";
import { FilesystemConfig } from "../config/types";

/** What the readers need to know about the stack: its region (mounts are same-region). */
export interface FilesystemContext {
    readonly region?: string;
}

type Reader = (
    p: Problems,
    key: string,
    e: Record<string, unknown>,
    ctx: FilesystemContext,
) => FilesystemConfig | undefined;

const EFS_AP_EXAMPLE = (region: string) =>
    `"arn:aws:elasticfilesystem:${region}:123456789012:access-point/fsap-0123456789abcdef0"`;
const S3_FILES_AP_EXAMPLE = (region: string) =>
    `"arn:aws:s3files:${region}:123456789012:file-system/fs-0123456789abcdef0/access-point/fsap-0123456789abcdef0"`;

/** The kinds a microVM runtime mounts, with their fields and readers. */
export const FILESYSTEM_KINDS: Readonly<Record<string, { readonly fields: readonly string[]; readonly read: Reader }>> =
    {
        sessionStorage: {
            fields: ["kind", "mountPath"],
            read: (p, key, e) => {
                const mountPath = readMountPath(p, `${key}.mountPath`, e.mountPath);
                return mountPath ? { kind: "sessionStorage", mountPath } : undefined;
            },
        },
        efs: {
            fields: ["kind", "accessPointArn", "fileSystemId", "mountPath", "mountTargetSecurityGroupId"],
            read: (p, key, e, ctx) => {
                const mountPath = readMountPath(p, `${key}.mountPath`, e.mountPath);
                const arn = e.accessPointArn;
                const region = ctx.region ?? "us-east-1";
                const m =
                    typeof arn === "string" && arn.length <= EFS_ACCESS_POINT_ARN_MAX_LENGTH
                        ? EFS_ACCESS_POINT_ARN.exec(arn)
                        : null;
                let ok = m !== null;
                if (!m) {
                    p.invalid(
                        `${key}.accessPointArn`,
                        arn ?? null,
                        `an EFS access point ARN arn:aws:elasticfilesystem:<region>:<account>:access-point/fsap-<8 to 40 hex> (at most ${EFS_ACCESS_POINT_ARN_MAX_LENGTH} characters)`,
                        EFS_AP_EXAMPLE(region),
                    );
                } else if (ctx.region && m[2] !== ctx.region) {
                    p.invalid(
                        `${key}.accessPointArn`,
                        arn,
                        `an access point in the stack's region ${ctx.region} (a runtime mounts over NFS inside its VPC)`,
                        EFS_AP_EXAMPLE(region),
                    );
                    ok = false;
                }
                const fileSystemId = e.fileSystemId;
                if (typeof fileSystemId !== "string" || !EFS_FILE_SYSTEM_ID.test(fileSystemId)) {
                    p.invalid(
                        `${key}.fileSystemId`,
                        fileSystemId ?? null,
                        "the ID of the EFS file system the access point belongs to (fs-<8 to 40 hex>): the execution role's mount grant names it",
                        `"fs-0123456789abcdef0"`,
                    );
                    ok = false;
                }
                const sg = readMountTargetSecurityGroup(p, key, e.mountTargetSecurityGroupId);
                return ok && mountPath && sg.ok
                    ? {
                          kind: "efs",
                          accessPointArn: arn as string,
                          fileSystemId: fileSystemId as string,
                          mountPath,
                          mountTargetSecurityGroupId: sg.id,
                      }
                    : undefined;
            },
        },
        s3Files: {
            fields: ["kind", "accessPointArn", "mountPath", "mountTargetSecurityGroupId"],
            read: (p, key, e, ctx) => {
                const mountPath = readMountPath(p, `${key}.mountPath`, e.mountPath);
                const arn = e.accessPointArn;
                const region = ctx.region ?? "us-east-1";
                const m =
                    typeof arn === "string" && arn.length <= S3_FILES_ACCESS_POINT_ARN_MAX_LENGTH
                        ? S3_FILES_ACCESS_POINT_ARN.exec(arn)
                        : null;
                if (!m) {
                    p.invalid(
                        `${key}.accessPointArn`,
                        arn ?? null,
                        "an S3 Files access point ARN arn:aws:s3files:<region>:<account>:file-system/fs-<17 to 40 hex>/access-point/fsap-<17 to 40 hex>",
                        S3_FILES_AP_EXAMPLE(region),
                    );
                    return undefined;
                }
                if (ctx.region && m[2] !== ctx.region) {
                    p.invalid(
                        `${key}.accessPointArn`,
                        arn,
                        `an access point in the stack's region ${ctx.region} (a runtime mounts over NFS inside its VPC)`,
                        S3_FILES_AP_EXAMPLE(region),
                    );
                    return undefined;
                }
                const sg = readMountTargetSecurityGroup(p, key, e.mountTargetSecurityGroupId);
                return mountPath && sg.ok
                    ? { kind: "s3Files", accessPointArn: arn as string, mountPath, mountTargetSecurityGroupId: sg.id }
                    : undefined;
            },
        },
    };

/**
 * The security group of the file system's mount targets: with it, the runtime's NFS egress
 * goes to that group only (what AWS's file-system guides prescribe); without it, to the VPC CIDR.
 */
function readMountTargetSecurityGroup(p: Problems, key: string, v: unknown): { ok: boolean; id?: string } {
    if (v === undefined) {
        return { ok: true };
    }
    if (typeof v !== "string" || !/^sg-[0-9a-f]{8,17}$/.test(v)) {
        p.invalid(
            `${key}.mountTargetSecurityGroupId`,
            v,
            "a security group ID (sg- and 8 to 17 hex) of the mount targets",
            `"sg-0123456789abcdef0"`,
        );
        return { ok: false };
    }
    return { ok: true, id: v };
}

function readMountPath(p: Problems, key: string, v: unknown): string | undefined {
    if (
        typeof v !== "string" ||
        v.length < MOUNT_PATH_MIN_LENGTH ||
        v.length > MOUNT_PATH_MAX_LENGTH ||
        !MOUNT_PATH_PATTERN.test(v)
    ) {
        p.invalid(
            key,
            v ?? null,
            `a path /mnt/<one directory> of letters, digits and . _ - (${MOUNT_PATH_MIN_LENGTH} to ${MOUNT_PATH_MAX_LENGTH} characters)`,
            `"/mnt/workspace"`,
        );
        return undefined;
    }
    return v;
}

/** The mount path without a trailing slash: `/mnt/data/` and `/mnt/data` are one mount. */
export function mountPoint(path: string): string {
    return path.replace(/\/$/, "");
}

export function readFilesystems(p: Problems, key: string, v: unknown, ctx: FilesystemContext): FilesystemConfig[] {
    const kinds = Object.keys(FILESYSTEM_KINDS);
    const example = `[{ kind: "sessionStorage", mountPath: "/mnt/workspace" }]`;
    if (v === undefined) {
        return [];
    }
    if (!Array.isArray(v) || v.length === 0 || v.length > FILESYSTEMS_MAX) {
        p.invalid(
            key,
            v,
            `a list of 1 to ${FILESYSTEMS_MAX} file systems (AgentCore mounts at most ${FILESYSTEMS_MAX} per runtime)`,
            example,
        );
        if (!Array.isArray(v)) {
            return [];
        }
    }
    const out: FilesystemConfig[] = [];
    const paths = new Map<string, number>();
    v.forEach((entry: unknown, i: number) => {
        const k = `${key}[${i}]`;
        if (!isRecord(entry)) {
            p.invalid(k, entry, `a map with kind (${kinds.join(", ")}) and mountPath`, example.slice(1, -1));
            return;
        }
        const kind = entry.kind;
        const spec = typeof kind === "string" ? FILESYSTEM_KINDS[kind] : undefined;
        if (!spec) {
            p.invalid(`${k}.kind`, kind ?? null, `one of ${kinds.join(", ")}`, `"sessionStorage"`);
            return;
        }
        unknownFields(p, k, entry, spec.fields);
        const fs = spec.read(p, k, entry, ctx);
        if (!fs) {
            return;
        }
        const point = mountPoint(fs.mountPath);
        const first = paths.get(point);
        if (first !== undefined) {
            p.invalid(
                `${k}.mountPath`,
                fs.mountPath,
                `a mount path not used by ${key}[${first}] (each mount path must be unique)`,
                `"${point}_2"`,
            );
            return;
        }
        paths.set(point, i);
        out.push(fs);
    });
    return out;
}
