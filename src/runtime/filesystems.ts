/**
 * `runtimes[i].filesystems`: what a microVM runtime mounts, one entry per mount, by `kind`
 * (AgentCore developer guide "File system configurations for AgentCore Runtime"; API reference
 * EfsAccessPointConfiguration, S3FilesAccessPointConfiguration, SessionStorageConfiguration).
 * A new kind is one schema in `kinds` below.
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
import { z } from "zod";
import { builtOnce, chosenBy, fieldsOf, ifPassed, refuse, says } from "../config/declare";
import { FilesystemConfig } from "../config/types";

/** What the readers need to know about the stack: its region (mounts are same-region). */
export interface FilesystemContext {
    readonly region?: string;
}

const EFS_AP_EXAMPLE = (region: string) =>
    `"arn:aws:elasticfilesystem:${region}:123456789012:access-point/fsap-0123456789abcdef0"`;
const S3_FILES_AP_EXAMPLE = (region: string) =>
    `"arn:aws:s3files:${region}:123456789012:file-system/fs-0123456789abcdef0/access-point/fsap-0123456789abcdef0"`;
const FILESYSTEMS_EXAMPLE = `[{ kind: "sessionStorage", mountPath: "/mnt/workspace" }]`;

const mountPathRule = says(
    `a path /mnt/<one directory> of letters, digits and . _ - (${MOUNT_PATH_MIN_LENGTH} to ${MOUNT_PATH_MAX_LENGTH} characters)`,
    `"/mnt/workspace"`,
);
const mountPath = z
    .string(mountPathRule)
    .refine(
        (v) => v.length >= MOUNT_PATH_MIN_LENGTH && v.length <= MOUNT_PATH_MAX_LENGTH && MOUNT_PATH_PATTERN.test(v),
        mountPathRule,
    );

/**
 * The security group of the file system's mount targets: with it, the runtime's NFS egress
 * goes to that group only (what AWS's file-system guides prescribe); without it, to the VPC CIDR.
 */
const mountTargetRule = says(
    "a security group ID (sg- and 8 to 17 hex) of the mount targets",
    `"sg-0123456789abcdef0"`,
);
const mountTargetSecurityGroupId = z
    .string(mountTargetRule)
    .regex(/^sg-[0-9a-f]{8,17}$/, mountTargetRule)
    .optional();

/** An access point ARN of the pattern, in the stack's region (a runtime mounts over NFS inside its VPC). */
function accessPointArn(pattern: RegExp, maxLength: number, allowed: string, example: string, region?: string) {
    const shape = says(allowed, example);
    return (
        z
            .string(shape)
            // One problem per value: the region is compared only on an ARN of the right shape.
            .refine((arn) => arn.length <= maxLength && pattern.test(arn), shape)
            .refine((arn) => region === undefined || pattern.exec(arn)?.[2] === region, {
                ...says(
                    `an access point in the stack's region ${region} (a runtime mounts over NFS inside its VPC)`,
                    example,
                ),
                ...ifPassed,
            })
    );
}

/** The kinds a microVM runtime mounts, one strict schema each. */
function kinds(ctx: FilesystemContext) {
    const region = ctx.region ?? "us-east-1";
    return {
        sessionStorage: fieldsOf({ kind: z.literal("sessionStorage"), mountPath }),
        efs: fieldsOf({
            kind: z.literal("efs"),
            accessPointArn: accessPointArn(
                EFS_ACCESS_POINT_ARN,
                EFS_ACCESS_POINT_ARN_MAX_LENGTH,
                `an EFS access point ARN arn:aws:elasticfilesystem:<region>:<account>:access-point/fsap-<8 to 40 hex> (at most ${EFS_ACCESS_POINT_ARN_MAX_LENGTH} characters)`,
                EFS_AP_EXAMPLE(region),
                ctx.region,
            ),
            fileSystemId: z.string(fileSystemIdRule()).regex(EFS_FILE_SYSTEM_ID, fileSystemIdRule()),
            mountPath,
            mountTargetSecurityGroupId,
        }),
        s3Files: fieldsOf({
            kind: z.literal("s3Files"),
            accessPointArn: accessPointArn(
                S3_FILES_ACCESS_POINT_ARN,
                S3_FILES_ACCESS_POINT_ARN_MAX_LENGTH,
                "an S3 Files access point ARN arn:aws:s3files:<region>:<account>:file-system/fs-<17 to 40 hex>/access-point/fsap-<17 to 40 hex>",
                S3_FILES_AP_EXAMPLE(region),
                ctx.region,
            ),
            mountPath,
            mountTargetSecurityGroupId,
        }),
    } as const;
}

function fileSystemIdRule() {
    return says(
        "the ID of the EFS file system the access point belongs to (fs-<8 to 40 hex>): the execution role's mount grant names it",
        `"fs-0123456789abcdef0"`,
    );
}

/** The names of the kinds, for messages and docs. */
export const FILESYSTEM_KIND_NAMES = Object.keys(kinds({}));

/** The mount path without a trailing slash: `/mnt/data/` and `/mnt/data` are one mount. */
export function mountPoint(path: string): string {
    return path.replace(/\/$/, "");
}

/** One mount, read by its kind's schema: the kind first, since it decides the entry's fields. */
export const filesystemSchema = builtOnce((ctx: FilesystemContext) => {
    const names = FILESYSTEM_KIND_NAMES;
    const byKind = kinds(ctx) as Record<string, z.ZodType<FilesystemConfig>>;
    const entry = z
        .object(
            { kind: z.enum(names as [string, ...string[]], says(`one of ${names.join(", ")}`, `"sessionStorage"`)) },
            says(`a map with kind (${names.join(", ")}) and mountPath`, FILESYSTEMS_EXAMPLE.slice(1, -1)),
        )
        .loose();
    return chosenBy<FilesystemConfig>((item) => {
        const kind = entry.safeParse(item);
        // Without a known kind the entry has no value to give: only its refusal.
        return kind.success ? byKind[kind.data.kind] : entry.pipe(z.never());
    });
});

/** `filesystems` (key `runtimes[i].filesystems`): 1 to 5 mounts at distinct mount paths. */
export const filesystemsSchema = builtOnce((key: string, ctx: FilesystemContext) => {
    const list = says(
        `a list of 1 to ${FILESYSTEMS_MAX} file systems (AgentCore mounts at most ${FILESYSTEMS_MAX} per runtime)`,
        FILESYSTEMS_EXAMPLE,
    );
    return z.array(filesystemSchema(ctx), list).superRefine(
        (filesystems, c) => {
            if (filesystems.length === 0 || filesystems.length > FILESYSTEMS_MAX) {
                // The count, not the entries: they are shown where refused, and the count is the problem.
                const count = filesystems.length === 0 ? [] : `${filesystems.length} file systems`;
                c.addIssue({ code: "custom", input: count, message: list.error });
            }
            // Among the entries read: one refused on its own is not also a repeat.
            const refused = new Set(c.issues.map((issue) => issue.path?.[0]));
            const points = new Map<string, number>();
            filesystems.forEach((fs, i) => {
                if (refused.has(i)) {
                    return;
                }
                const point = mountPoint(fs.mountPath);
                const first = points.get(point);
                if (first === undefined) {
                    points.set(point, i);
                } else {
                    refuse(
                        c,
                        fs.mountPath,
                        `a mount path not used by ${key}[${first}] (each mount path must be unique)`,
                        `"${point}_2"`,
                        [i, "mountPath"],
                    );
                }
            });
        },
        // The count and the repeats are reported beside the entries' own problems.
        { when: (payload) => Array.isArray(payload.value) },
    );
});
