/**
 * Property: every valid config of the platform topology and of the Instances compute type
 * renders only resources inside AWS's limits (src/aws/limits.ts, checked by limitBreaches).
 * fast-check generates, each within its key's documented range:
 * - network stacks: private VPC CIDRs of the three RFC 1918 ranges, 2 or 3 supported AZ IDs with
 *   agent subnets from /20 to /28, optional endpoint services, 0..59 endpoint client CIDRs
 *   (one inbound rule each beside the runtimes' rule: 60 is the security group's quota), tags;
 * - agent stacks reading that network (their own code, promoted code, images): 1..2 runtimes with names at their edges and endpoints,
 *   on microVMs and on Instances (chosen or explicit instance types, lifecycle seconds at the edges,
 *   both architectures where the artifacts allow), tags;
 * - the all-in-one stacks on Instances.
 * Each config is rendered through the whole program under the mocks. Few runs (a render costs
 * 0.2-1 s): 17 programs in all, seed fixed so a failure reproduces.
 */
import { expect } from "chai";
import fc from "fast-check";
import * as path from "path";
import { limitBreaches } from "../../src/aws/limitsCheck";
import { runStack as runStackIn } from "../../src/plan/offline/runProgram";
import { stackConfig } from "../../src/plan/offline/stackFiles";
import { FIXTURE_SOURCE_ROOT, FIXTURES_ROOT, runFixtureStack } from "../helpers";
import { endpointName, runtimeName, userTags } from "./limitsArbitraries";

const TOPOLOGY = path.join(FIXTURES_ROOT, "topology");
const SEED = 23;
const CAPACITY_PROVIDER = "aws-native:bedrockagentcore:CapacityProvider";

/** AgentCore's supported zone IDs in us-east-1 (AgentCore VPC docs), the fixtures' region. */
const US_EAST_1_AZ_IDS = ["use1-az1", "use1-az2", "use1-az4"];

/** Graviton and Intel types of the instance catalogue, each with at least 1 vCPU and 2 GiB. */
const ARM64_TYPES = ["c7g.medium", "m7g.medium", "r7g.medium", "c7g.large", "m7g.large", "r7g.large", "c7g.xlarge"];
/** The Graviton types with production's size, 2 vCPU and 4 GiB, or more (EC2 instance type specifications). */
const FITS_2_VCPU_4_GIB = ["c7g.large", "m7g.large", "r7g.large", "c7g.xlarge"];
const X86_TYPES = ["c7i.large", "m7i.large", "r7i.large", "c7i.xlarge", "m7i.xlarge"];

function expectInsideLimits(run: { error?: unknown; resources: Parameters<typeof limitBreaches>[0] }, what: string) {
    // A generated config is valid by construction; if it is not, the generator is wrong.
    expect(run.error, `${what}: ${String(run.error)}`).to.equal(undefined);
    expect(limitBreaches(run.resources), what).to.deep.equal([]);
}

// ---- Network stacks ----

interface NetworkDraw {
    readonly base: string;
    readonly subnetPrefix: number;
    readonly zones: readonly string[];
    readonly services: readonly string[];
    readonly clients: number;
    readonly tags: Record<string, string>;
}

const networkDraw: fc.Arbitrary<NetworkDraw> = fc.record({
    base: fc.oneof(
        fc.integer({ min: 0, max: 255 }).map((a) => `10.${a}`),
        fc.integer({ min: 16, max: 31 }).map((b) => `172.${b}`),
        fc.constant("192.168"),
    ),
    subnetPrefix: fc.constantFrom(20, 22, 24, 28),
    zones: fc.subarray(US_EAST_1_AZ_IDS, { minLength: 2 }),
    services: fc.subarray(["bedrock-runtime", "sts", "xray", "secretsmanager", "kms", "monitoring"]),
    clients: fc.oneof(fc.constantFrom(0, 1, 59), fc.integer({ min: 0, max: 59 })),
    tags: userTags(),
});

function networkOverrides(d: NetworkDraw): Record<string, string> {
    return {
        vpcCidr: `${d.base}.0.0/16`,
        // Subnet i starts at the i-th /20 boundary: aligned for every prefix from /20 to /28.
        agentSubnetCidrs: JSON.stringify(d.zones.map((_, i) => `${d.base}.${i * 16}.0/${d.subnetPrefix}`)),
        availabilityZoneIds: JSON.stringify(d.zones),
        endpointServices: JSON.stringify(d.services),
        // Client ranges inside the VPC, clear of the subnets (third octets 100..158).
        endpointClientCidrs: JSON.stringify(Array.from({ length: d.clients }, (_, j) => `${d.base}.${100 + j}.0/24`)),
        tags: JSON.stringify(d.tags),
    };
}

// ---- Agent stacks and Instances ----

interface ComputeDraw {
    readonly explicitTypes: readonly string[];
    readonly idle: number;
    readonly maxLifetime: number;
}

/** Instances settings: chosen or explicit types, lifecycle seconds at the bounds (60 s .. 14 days). */
function computeDraw(types: readonly string[]): fc.Arbitrary<ComputeDraw> {
    return fc.record({
        // Empty: the program chooses from cpu and memory.
        explicitTypes: fc.oneof(fc.constant([] as string[]), fc.subarray([...types], { minLength: 1 })),
        idle: fc.constantFrom(60, 61, 900, 28800),
        // At least every runtime's default maxLifetimeSeconds (28,800), at most 1,209,600.
        maxLifetime: fc.constantFrom(28800, 604800, 1209599, 1209600),
    });
}

/** The config of a draw: microVMs when there is none, else Instances with its settings. */
function computeOverrides(d: ComputeDraw | undefined, architecture?: string): Record<string, string> {
    if (!d) {
        return { computeType: "microvm" };
    }
    return {
        computeType: "instances",
        ...(architecture ? { instanceArchitecture: architecture } : {}),
        instanceTypes: JSON.stringify(d.explicitTypes),
        instanceIdleTimeoutSeconds: String(d.idle),
        instanceMaxLifetimeSeconds: String(d.maxLifetime),
    };
}

/** 1..2 runtimes (the design caps a stack at 2) with distinct names at their edges, each with 1..3 distinct endpoints. */
function runtimesDraw(suffix: string): fc.Arbitrary<{ name: string; endpoints: string[] }[]> {
    return fc
        .uniqueArray(
            fc.record({
                name: runtimeName(suffix),
                endpoints: fc.uniqueArray(endpointName(), { minLength: 1, maxLength: 3 }),
            }),
            { minLength: 1, maxLength: 2, selector: (r) => r.name },
        )
        .map((list) => list.map((r) => ({ name: r.name, endpoints: r.endpoints })));
}

/** The runtimes of a topology fixture with generated names and endpoints, each running the fixture's first artifact. */
function agentRuntimes(
    stack: string,
    drawn: readonly { name: string; endpoints: string[] }[],
    promoted = false,
): string {
    const { config } = stackConfig(stack, TOPOLOGY);
    const first = (JSON.parse(config["agentcore-private:runtimes"]) as Record<string, unknown>[])[0];
    // A promoted code object: another stack's version, which this stack copies into its own bucket.
    const template = promoted
        ? { ...first, code: { ...(first.code as object), path: undefined, s3: PROMOTED_OBJECT } }
        : first;
    return JSON.stringify(
        drawn.map((r) => ({ ...template, name: r.name, endpoints: r.endpoints.map((name) => ({ name, version: 1 })) })),
    );
}

/** A code object version of another stack's bucket, as `npm run promote` writes it. */
const PROMOTED_OBJECT = {
    bucket: "agentcore-staging-code-84ff3e1",
    key: "runtimes/code_agent_staging/code.zip",
    versionId: "3sL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY",
};

const agentProperty = (
    stack: "agents-code" | "agents-images",
    architecture: "arm64" | "x86_64",
    instances: boolean,
    promoted = false,
) =>
    fc.asyncProperty(
        runtimesDraw(`_${stack.replace(/-/g, "_")}`),
        instances ? computeDraw(architecture === "arm64" ? ARM64_TYPES : X86_TYPES) : fc.constant(undefined),
        userTags(),
        async (runtimes, compute, tags) => {
            const overrides = {
                runtimes: agentRuntimes(stack, runtimes, promoted),
                ...computeOverrides(compute, architecture === "arm64" ? undefined : architecture),
                tags: JSON.stringify(tags),
            };
            const run = await runStackIn(stack, overrides, TOPOLOGY, FIXTURE_SOURCE_ROOT);
            const what = JSON.stringify({ runtimes, compute, tags: Object.keys(tags).length });
            expectInsideLimits(run, what);
            // The draw took effect: one capacity provider on Instances, none on microVMs.
            const providers = run.resources.filter((r) => r.type === CAPACITY_PROVIDER);
            expect(providers, what).to.have.length(compute ? 1 : 0);
            // And the promoted objects were copied, one per runtime; none otherwise.
            const copies = run.resources.filter((r) => r.type === "aws:s3/objectCopy:ObjectCopy");
            expect(copies, what).to.have.length(promoted ? runtimes.length : 0);
        },
    );

describe("AWS limits over the platform topology and Instances (fast-check)", function () {
    this.timeout(180_000);

    it("network stacks: 4 generated configs render inside the limits", async () => {
        await fc.assert(
            fc.asyncProperty(networkDraw, async (d) => {
                const run = await runStackIn("network", networkOverrides(d), TOPOLOGY, FIXTURE_SOURCE_ROOT);
                expectInsideLimits(run, JSON.stringify({ ...d, tags: Object.keys(d.tags).length }));
            }),
            { numRuns: 4, seed: SEED },
        );
    });

    it("agent stacks running code: 2 on microVMs and 2 on arm64 Instances render inside the limits", async () => {
        await fc.assert(agentProperty("agents-code", "arm64", false), { numRuns: 2, seed: SEED });
        await fc.assert(agentProperty("agents-code", "arm64", true), { numRuns: 2, seed: SEED });
    });

    it("agent stacks running promoted code (the stack's own copy): 2 configs render inside the limits", async () => {
        await fc.assert(agentProperty("agents-code", "arm64", false, true), { numRuns: 2, seed: SEED });
    });

    it("agent stacks running images on Instances: 2 on arm64 and 2 on x86_64 render inside the limits", async () => {
        await fc.assert(agentProperty("agents-images", "arm64", true), { numRuns: 2, seed: SEED });
        await fc.assert(agentProperty("agents-images", "x86_64", true), { numRuns: 2, seed: SEED });
    });

    for (const stack of ["development", "staging", "production"] as const) {
        it(`${stack} on Instances: 1 generated config renders inside the limits`, async () => {
            await fc.assert(
                fc.asyncProperty(computeDraw(ARM64_TYPES), userTags(), async (compute, tags) => {
                    const fitting = compute.explicitTypes.filter(
                        (t) => stack !== "production" || FITS_2_VCPU_4_GIB.includes(t),
                    );
                    const overrides = {
                        ...computeOverrides({ ...compute, explicitTypes: fitting }),
                        tags: JSON.stringify(tags),
                    };
                    const run = await runFixtureStack(stack, overrides);
                    expectInsideLimits(run, JSON.stringify({ stack, compute }));
                    expect(run.resources.filter((r) => r.type === CAPACITY_PROVIDER)).to.have.length(1);
                }),
                { numRuns: 1, seed: SEED },
            );
        });
    }
});
