/**
 * The instance sizes the Instances compute type can choose from, and the pure choice of the
 * types that fit an environment's size.
 *
 * How the table stays truthful: each row is the vCPU count and memory AWS publishes for the
 * type ("Amazon EC2 instance types" specifications: general purpose, compute optimized and
 * memory optimized tables, https://docs.aws.amazon.com/ec2/latest/instancetypes/). It is the
 * answer the offline plan and config validation use. At deploy time the same facts come from
 * EC2 itself (`ec2:DescribeInstanceTypes`, `aws.ec2.getInstanceType`, and per AZ
 * `ec2:DescribeInstanceTypeOfferings`, `aws.ec2.getInstanceTypeOfferings` with
 * `location-type = availability-zone-id`): ./offerings.ts asks the latter at preview and up;
 * tests/compute/instances.spec.ts pins each row to the published literals so an edit that
 * drifts from AWS fails.
 */

export type InstanceArchitecture = "arm64" | "x86_64";
export const INSTANCE_ARCHITECTURES: readonly InstanceArchitecture[] = ["arm64", "x86_64"];

/** The capacity provider's `operatingSystem` for each architecture. */
export const OPERATING_SYSTEM: Readonly<Record<InstanceArchitecture, "LINUX_ARM64" | "LINUX_X86_64">> = {
    arm64: "LINUX_ARM64",
    x86_64: "LINUX_X86_64",
};

export interface InstanceTypeSpec {
    readonly name: string;
    readonly architecture: InstanceArchitecture;
    readonly vcpus: number;
    readonly memoryMiB: number;
}

const spec = (
    name: string,
    architecture: InstanceArchitecture,
    vcpus: number,
    memoryGiB: number,
): InstanceTypeSpec => ({
    name,
    architecture,
    vcpus,
    memoryMiB: memoryGiB * 1024,
});

/** Graviton (arm64) and Intel (x86_64) current-generation types, smallest sizes first. */
export const INSTANCE_CATALOGUE: readonly InstanceTypeSpec[] = [
    spec("c7g.medium", "arm64", 1, 2),
    spec("m7g.medium", "arm64", 1, 4),
    spec("r7g.medium", "arm64", 1, 8),
    spec("c7g.large", "arm64", 2, 4),
    spec("m7g.large", "arm64", 2, 8),
    spec("r7g.large", "arm64", 2, 16),
    spec("c7g.xlarge", "arm64", 4, 8),
    spec("m7g.xlarge", "arm64", 4, 16),
    spec("c7i.large", "x86_64", 2, 4),
    spec("m7i.large", "x86_64", 2, 8),
    spec("r7i.large", "x86_64", 2, 16),
    spec("c7i.xlarge", "x86_64", 4, 8),
    spec("m7i.xlarge", "x86_64", 4, 16),
];

/** AWS accepts 1 to 30 allowed instance types; the choice offers a few for availability. */
export const ALLOWED_INSTANCE_TYPES_MAX = 30;
export const CHOSEN_INSTANCE_TYPES = 3;

/** An environment's size: CPU units (1024 = 1 vCPU) and MiB. */
export interface Size {
    readonly cpu: number;
    readonly memory: number;
}

export function lookupInstanceType(name: string): InstanceTypeSpec | undefined {
    return INSTANCE_CATALOGUE.find((t) => t.name === name);
}

/** Whether a type has at least the size's vCPUs and memory. */
export function fits(type: InstanceTypeSpec, size: Size): boolean {
    return type.vcpus * 1024 >= size.cpu && type.memoryMiB >= size.memory;
}

/**
 * The types of the architecture that fit the size, smallest first (vCPUs, then memory, then
 * name), at most `count`. The per-AZ offering is checked at deploy time (./offerings.ts); the
 * table lists types offered in every Region where Instances run.
 */
export function chooseInstanceTypes(
    size: Size,
    architecture: InstanceArchitecture,
    count: number = CHOSEN_INSTANCE_TYPES,
    catalogue: readonly InstanceTypeSpec[] = INSTANCE_CATALOGUE,
): string[] {
    return catalogue
        .filter((t) => t.architecture === architecture && fits(t, size))
        .sort((a, b) => a.vcpus - b.vcpus || a.memoryMiB - b.memoryMiB || a.name.localeCompare(b.name))
        .slice(0, count)
        .map((t) => t.name);
}
