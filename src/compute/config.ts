/**
 * The stack's compute type and, on Instances, the capacity provider's settings: checked here,
 * every problem reported at once with the key, the value, what is allowed and an example.
 */
import { RuntimeProvider } from "../aws/agentcore";
import { IMAGE_PLATFORM } from "../artifact/config";
import { ComputeType, KEYS } from "../config/keys";
import { ParsedKeys } from "../config/parse";
import { Problems } from "../config/problems";
import { RuntimeConfig, SizingBudget } from "../config/types";
import {
    ALLOWED_INSTANCE_TYPES_MAX,
    InstanceArchitecture,
    chooseInstanceTypes,
    fits,
    lookupInstanceType,
} from "./catalogue";

export { COMPUTE_TYPES, type ComputeType } from "../config/keys";

/** Regions where AgentCore offers Instances (AgentCore dev guide, runtime-instances-how-it-works). */
export const INSTANCES_REGIONS: readonly string[] = [
    "us-east-1",
    "us-east-2",
    "us-west-2",
    "eu-central-1",
    "eu-west-1",
    "ap-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-northeast-1",
];

export type ComputeConfig =
    | { readonly type: "microvm" }
    | {
          readonly type: "instances";
          readonly architecture: InstanceArchitecture;
          /** The allowed instance types: configured, or chosen for the size. */
          readonly instanceTypes: readonly string[];
          /** Whether instanceTypes came from the config (true) or the choice (false). */
          readonly explicit: boolean;
          readonly idleTimeoutSeconds: number;
          readonly maxLifetimeSeconds: number;
          /** The provider's persistent volumes, each mounted by every runtime. */
          readonly volumes: readonly InstanceVolume[];
      };

/** One persistent volume (`instanceVolumes[i]`), its mount path defaulted to `/mnt/<name>`. */
export interface InstanceVolume {
    readonly name: string;
    readonly sizeGiB: number;
    readonly mountPath: string;
}

export interface ComputeContext {
    readonly region?: string;
    readonly sizing?: SizingBudget;
    readonly runtimeProvider: RuntimeProvider;
    readonly runtimes: readonly RuntimeConfig[];
}

/** The rules between the compute keys and the rest of the stack (each value already checked by its schema). */
export function readCompute(keys: ParsedKeys, p: Problems, ctx: ComputeContext): ComputeConfig {
    const v = keys.values;
    const type: ComputeType = v.computeType;
    if (type === "microvm") {
        if (v.instanceTypes.length > 0) {
            p.invalid(
                "instanceTypes",
                v.instanceTypes,
                "only with computeType instances (a microVM session has no instance type)",
                `computeType: instances`,
            );
        }
        if (v.instanceVolumes.length > 0) {
            p.invalid(
                "instanceVolumes",
                v.instanceVolumes,
                "only with computeType instances (persistent volumes belong to a capacity provider; a microVM runtime mounts sessionStorage, EFS or S3 Files through runtimes[i].filesystems)",
                `computeType: instances`,
            );
        }
        return { type };
    }

    if (ctx.runtimeProvider !== "aws-native") {
        p.invalid(
            "runtimeProvider",
            ctx.runtimeProvider,
            "aws-native with computeType instances (the classic provider has no capacity provider)",
            `"aws-native"`,
        );
    }
    if (ctx.region !== undefined && !INSTANCES_REGIONS.includes(ctx.region)) {
        p.invalid(
            "aws:region",
            ctx.region,
            `a Region where AgentCore offers Instances: ${INSTANCES_REGIONS.join(", ")}`,
            `"us-east-1"`,
        );
    }

    // Per-session usage rules and alarms read microVM USAGE_LOGS records; on Instances the
    // instance type is the size and the bill is per instance-hour (docs/instances.md).
    if (v.sessionInsights === "true") {
        p.invalid(
            "sessionInsights",
            v.sessionInsights,
            "false or unset with computeType instances: a session is a whole instance of its type (billed per instance-hour), so there are no per-session usage rules, alarms or queries",
            "remove the key",
        );
    }

    const architecture: InstanceArchitecture = v.instanceArchitecture;
    // Images this stack builds, and code runtimes, are linux/arm64: only an existing image
    // (containerUri) can have been built for x86_64.
    if (architecture !== "arm64") {
        ctx.runtimes.forEach((runtime, i) => {
            if (runtime.artifact.kind !== "container") {
                p.invalid(
                    "instanceArchitecture",
                    architecture,
                    `arm64: runtimes[${i}] (${runtime.name}) runs ${runtime.artifact.kind === "image" ? "an image built for" : "code on"} ${IMAGE_PLATFORM}`,
                    `"arm64"`,
                );
            }
        });
    }

    const configured = v.instanceTypes;
    let instanceTypes: string[] = [];
    // An empty list (the default) means: choose from cpu and memory.
    const explicit = configured.length > 0;
    if (explicit) {
        if (configured.length > ALLOWED_INSTANCE_TYPES_MAX) {
            p.invalid(
                "instanceTypes",
                configured,
                `1 to ${ALLOWED_INSTANCE_TYPES_MAX} instance types (omit the key to choose them from cpu and memory)`,
                `["c7g.large", "m7g.large"]`,
            );
        }
        configured.forEach((name, i) => {
            const key = `instanceTypes[${i}]`;
            const spec = lookupInstanceType(name);
            if (!spec) {
                p.invalid(key, name, "an instance type of the catalogue (src/compute/catalogue.ts)", `"c7g.large"`);
            } else if (spec.architecture !== architecture) {
                p.invalid(
                    key,
                    name,
                    `an ${architecture} instance type (instanceArchitecture)`,
                    `"${chooseInstanceTypes({ cpu: 1, memory: 1 }, architecture)[0]}"`,
                );
            } else if (ctx.sizing && !fits(spec, ctx.sizing)) {
                p.invalid(
                    key,
                    name,
                    `a type with at least the environment's size, ${ctx.sizing.cpu / 1024} vCPU and ${ctx.sizing.memory / 1024} GiB (${name} has ${spec.vcpus} vCPU, ${spec.memoryMiB / 1024} GiB)`,
                    `"${chooseInstanceTypes(ctx.sizing, architecture)[0]}"`,
                );
            } else if (configured.indexOf(name) !== i) {
                p.invalid(key, name, "a type not already listed", "remove the repeat");
            }
        });
        instanceTypes = configured;
    } else if (ctx.sizing) {
        instanceTypes = chooseInstanceTypes(ctx.sizing, architecture);
    }

    // A value its schema refused is not compared again (no knock-on problem).
    const idle = keys.valid("instanceIdleTimeoutSeconds") ? v.instanceIdleTimeoutSeconds : undefined;
    const max = keys.valid("instanceMaxLifetimeSeconds") ? v.instanceMaxLifetimeSeconds : undefined;
    if (idle !== undefined && max !== undefined && max < idle) {
        p.invalid(
            "instanceMaxLifetimeSeconds",
            max,
            `at least instanceIdleTimeoutSeconds (${idle})`,
            `${Math.max(idle, KEYS.instanceMaxLifetimeSeconds.default)}`,
        );
    }
    if (max !== undefined) {
        ctx.runtimes.forEach((runtime, i) => {
            if (runtime.maxLifetimeSeconds > max) {
                p.invalid(
                    `runtimes[${i}].maxLifetimeSeconds`,
                    runtime.maxLifetimeSeconds,
                    `at most the capacity provider's instanceMaxLifetimeSeconds (${max})`,
                    `${max}`,
                );
            }
        });
    }
    return {
        type,
        architecture,
        instanceTypes,
        explicit,
        volumes: readVolumes(p, v.instanceVolumes),
        idleTimeoutSeconds: v.instanceIdleTimeoutSeconds,
        maxLifetimeSeconds: v.instanceMaxLifetimeSeconds,
    };
}

/** Volumes with their mount paths; names and mount paths must be distinct (each is mounted by name). */
function readVolumes(
    p: Problems,
    configured: readonly { readonly name: string; readonly sizeGiB: number; readonly mountPath?: string }[],
): InstanceVolume[] {
    const volumes = configured.map((v) => ({
        name: v.name,
        sizeGiB: v.sizeGiB,
        mountPath: (v.mountPath ?? `/mnt/${v.name}`).replace(/\/$/, ""),
    }));
    volumes.forEach((volume, i) => {
        if (volumes.findIndex((o) => o.name === volume.name) !== i) {
            p.invalid(`instanceVolumes[${i}].name`, volume.name, "a name not already used", `"${volume.name}_2"`);
        } else if (volumes.findIndex((o) => o.mountPath === volume.mountPath) !== i) {
            p.invalid(
                `instanceVolumes[${i}].mountPath`,
                volume.mountPath,
                "a mount path no other volume uses",
                `"/mnt/${volume.name}"`,
            );
        }
    });
    return volumes;
}

/**
 * On Instances AWS accepts only capacity-provider volumes as a runtime's file systems; session
 * storage, EFS and S3 Files are rejected (AgentCore "runtime-filesystem-configurations"): an
 * Instances runtime takes no `filesystems` entry, and mounts the stack's `instanceVolumes`.
 */
export function instancesFilesystemProblems(
    p: Problems,
    compute: ComputeConfig,
    runtimes: readonly { readonly filesystems: readonly { readonly kind: string }[] }[],
): void {
    if (compute.type !== "instances") {
        return;
    }
    runtimes.forEach((runtime, i) =>
        runtime.filesystems.forEach((filesystem, j) =>
            p.invalid(
                `runtimes[${i}].filesystems[${j}].kind`,
                filesystem.kind,
                "no file system with computeType instances: AWS takes only capacity-provider volumes there; list them in instanceVolumes (every runtime mounts them), or use computeType microvm for session storage, EFS or S3 Files",
                `instanceVolumes: [{ name: workspace, sizeGiB: 20 }]`,
            ),
        ),
    );
}
