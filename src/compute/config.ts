/**
 * The stack's compute type and, on Instances, the capacity provider's settings: checked here,
 * every problem reported at once with the key, the value, what is allowed and an example.
 */
import { RuntimeProvider } from "../aws/agentcore";
import { IMAGE_PLATFORM } from "../artifact/config";
import { Problems } from "../config/problems";
import { RawReader } from "../config/read";
import { RuntimeConfig, SizingBudget } from "../config/types";
import {
    ALLOWED_INSTANCE_TYPES_MAX,
    INSTANCE_ARCHITECTURES,
    InstanceArchitecture,
    chooseInstanceTypes,
    fits,
    lookupInstanceType,
} from "./catalogue";

export const COMPUTE_TYPES = ["microvm", "instances"] as const;
export type ComputeType = (typeof COMPUTE_TYPES)[number];

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

/** The provider's lifecycle bounds and defaults (InstanceLifecycleConfiguration): 60 s to 14 days. */
export const INSTANCE_LIFECYCLE_MIN_SECONDS = 60;
export const INSTANCE_LIFECYCLE_MAX_SECONDS = 1_209_600;
export const DEFAULT_INSTANCE_IDLE_SECONDS = 900;
export const DEFAULT_INSTANCE_MAX_LIFETIME_SECONDS = 28_800;

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
      };

export interface ComputeContext {
    readonly region?: string;
    readonly sizing?: SizingBudget;
    readonly runtimeProvider: RuntimeProvider;
    readonly runtimes: readonly RuntimeConfig[];
}

export function readCompute(r: RawReader, p: Problems, ctx: ComputeContext): ComputeConfig {
    const text = r.string("computeType");
    let type: ComputeType = "microvm";
    if (text !== undefined && text !== "") {
        if (!(COMPUTE_TYPES as readonly string[]).includes(text)) {
            p.invalid("computeType", text, `one of ${COMPUTE_TYPES.join(", ")}`, `"instances"`);
        } else {
            type = text as ComputeType;
        }
    }
    if (type === "microvm") {
        const listed = r.stringList("instanceTypes", `[]`);
        if (listed !== undefined && listed.length > 0) {
            p.invalid(
                "instanceTypes",
                listed,
                "only with computeType instances (a microVM session has no instance type)",
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

    let architecture: InstanceArchitecture = "arm64";
    const archText = r.string("instanceArchitecture");
    if (archText !== undefined) {
        if (!(INSTANCE_ARCHITECTURES as readonly string[]).includes(archText)) {
            p.invalid("instanceArchitecture", archText, `one of ${INSTANCE_ARCHITECTURES.join(", ")}`, `"arm64"`);
        } else {
            architecture = archText as InstanceArchitecture;
        }
    }
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

    const configured = r.stringList("instanceTypes", `["c7g.large", "m7g.large"]`);
    let instanceTypes: string[] = [];
    // An empty list (the Pulumi.yaml default) means: choose from cpu and memory.
    const explicit = configured !== undefined && configured.length > 0;
    if (configured !== undefined && explicit) {
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
                p.invalid(key, name, "a type not already listed", `"${name}"`);
            }
        });
        instanceTypes = configured;
    } else if (ctx.sizing) {
        instanceTypes = chooseInstanceTypes(ctx.sizing, architecture);
    }

    const idle = readLifecycle(r, p, "instanceIdleTimeoutSeconds", DEFAULT_INSTANCE_IDLE_SECONDS);
    const max = readLifecycle(r, p, "instanceMaxLifetimeSeconds", DEFAULT_INSTANCE_MAX_LIFETIME_SECONDS);
    if (idle !== undefined && max !== undefined && max < idle) {
        p.invalid(
            "instanceMaxLifetimeSeconds",
            max,
            `at least instanceIdleTimeoutSeconds (${idle})`,
            `${Math.max(idle, DEFAULT_INSTANCE_MAX_LIFETIME_SECONDS)}`,
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
        idleTimeoutSeconds: idle ?? DEFAULT_INSTANCE_IDLE_SECONDS,
        maxLifetimeSeconds: max ?? DEFAULT_INSTANCE_MAX_LIFETIME_SECONDS,
    };
}

function readLifecycle(r: RawReader, p: Problems, key: string, fallback: number): number | undefined {
    if (!r.has(key)) {
        return fallback;
    }
    const v = r.integer(key, `${fallback}`);
    if (v === undefined) {
        return undefined;
    }
    if (v < INSTANCE_LIFECYCLE_MIN_SECONDS || v > INSTANCE_LIFECYCLE_MAX_SECONDS) {
        p.invalid(
            key,
            v,
            `a whole number of seconds from ${INSTANCE_LIFECYCLE_MIN_SECONDS} to ${INSTANCE_LIFECYCLE_MAX_SECONDS} (14 days)`,
            `${fallback}`,
        );
        return undefined;
    }
    return v;
}

/**
 * On Instances AWS accepts only capacity-provider volumes as a runtime's file systems; session
 * storage, EFS and S3 Files are rejected (AgentCore "runtime-filesystem-configurations"). This
 * program does not create capacity-provider volumes yet (docs/instances.md), so an Instances
 * runtime takes no `filesystems` entry.
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
                "no file system with computeType instances: AWS takes only capacity-provider volumes there, which this program does not create yet; use computeType microvm for session storage, EFS or S3 Files",
                `computeType: microvm`,
            ),
        ),
    );
}
