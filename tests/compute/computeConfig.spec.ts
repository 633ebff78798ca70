/**
 * The compute rules (src/compute/config.ts) as the user reads them: each refusal's exact
 * message, and a near miss beside each rule. Facts, as literals (the AgentCore Instances facts, docs/instances.md,
 * the instanceTypes key's text): 1 to 30 allowed instance types; lifecycle defaults 900 s idle,
 * 28,800 s lifetime; images this stack builds and code runtimes are linux/arm64; Instances
 * Regions us-east-1, us-east-2, us-west-2, eu-central-1, eu-west-1, ap-south-1, ap-southeast-1,
 * ap-southeast-2, ap-northeast-1. The fixture sizes: development 0.5 vCPU / 1 GiB (a code
 * runtime), staging 1 vCPU / 2 GiB (an image built from source, maxLifetimeSeconds 14400),
 * production 2 vCPU / 4 GiB (an existing containerUri).
 */
import { expect } from "chai";
import { Problems } from "../../src/config/problems";
import { parseKeys } from "../../src/config/parse";
import { ComputeContext, readCompute } from "../../src/compute/config";
import { configProblems, rawStack } from "../helpers";

const INSTANCES = { computeType: "instances" };
const staging = (overrides: Record<string, unknown>) => configProblems(rawStack("staging", overrides));

/** readCompute alone, for the contexts validation never hands it (no Region, no size). */
function readComputeAlone(ctx: Omit<ComputeContext, "runtimeProvider" | "runtimes">) {
    const p = new Problems();
    const keys = parseKeys(
        {
            project: "p",
            values: { computeType: "instances", cpu: "1024", memory: "2048", logRetentionDays: "30", protect: "false" },
        },
        p,
        {},
    );
    const compute = readCompute(keys, p, { runtimeProvider: "aws-native", runtimes: [], ...ctx });
    return { compute, problems: p.all };
}

describe("compute config: the exact refusals", () => {
    it("instanceTypes on a microVM stack names computeType instances as the way", () => {
        expect(configProblems(rawStack("staging", { instanceTypes: ["c7g.large"] }))).to.deep.equal([
            `instanceTypes ["c7g.large"] is invalid: only with computeType instances (a microVM session has no instance type) (e.g. computeType: instances)`,
        ]);
    });

    it("the classic provider is refused with aws-native as the example; aws-native passes", () => {
        expect(staging({ ...INSTANCES, runtimeProvider: "aws" })).to.deep.equal([
            `runtimeProvider "aws" is invalid: aws-native with computeType instances (the classic provider has no capacity provider) (e.g. "aws-native")`,
        ]);
        expect(staging({ ...INSTANCES, runtimeProvider: "aws-native" })).to.deep.equal([]);
    });

    it("a Region without Instances is refused with the nine Regions; an unknown Region is not compared", () => {
        expect(readComputeAlone({ region: "eu-west-3" }).problems).to.deep.equal([
            `aws:region "eu-west-3" is invalid: a Region where AgentCore offers Instances: us-east-1, us-east-2, us-west-2, eu-central-1, eu-west-1, ap-south-1, ap-southeast-1, ap-southeast-2, ap-northeast-1 (e.g. "us-east-1")`,
        ]);
        // Validation leaves the Region out when it refused it already: no second problem.
        expect(readComputeAlone({}).problems).to.deep.equal([]);
        expect(readComputeAlone({ region: "us-east-1" }).problems).to.deep.equal([]);
    });

    it("without a size and without a list there is nothing to choose from", () => {
        const { compute, problems } = readComputeAlone({ region: "us-east-1" });
        expect(problems).to.deep.equal([]);
        expect(compute).to.deep.include({ type: "instances", instanceTypes: [], explicit: false });
    });

    describe("x86_64 and the runtimes' platform (linux/arm64)", () => {
        it("refuses a built image, naming the runtime", () => {
            expect(staging({ ...INSTANCES, instanceArchitecture: "x86_64" })).to.deep.equal([
                `instanceArchitecture "x86_64" is invalid: arm64: runtimes[0] (support_agent) runs an image built for linux/arm64 (e.g. "arm64")`,
            ]);
        });
        it("refuses code, naming the runtime", () => {
            expect(
                configProblems(rawStack("development", { ...INSTANCES, instanceArchitecture: "x86_64" })),
            ).to.deep.equal([
                `instanceArchitecture "x86_64" is invalid: arm64: runtimes[0] (support_agent) runs code on linux/arm64 (e.g. "arm64")`,
            ]);
        });
        it("near miss: an existing image (containerUri) may be x86_64", () => {
            expect(
                configProblems(rawStack("production", { ...INSTANCES, instanceArchitecture: "x86_64" })),
            ).to.deep.equal([]);
        });
    });

    describe("instanceTypes", () => {
        /** The problem about the list as a whole (key `instanceTypes`, not `instanceTypes[i]`). */
        const countProblems = (types: string[]) =>
            staging({ ...INSTANCES, instanceTypes: types }).filter((p) => p.startsWith("instanceTypes "));
        // Six arm64 types that fit staging's size, repeated to reach the bound.
        const ARM64 = ["c7g.medium", "m7g.medium", "r7g.medium", "c7g.large", "m7g.large", "r7g.large"];
        const listOf = (n: number) => Array.from({ length: n }, (_, i) => ARM64[i % ARM64.length]);

        it("takes 30 types and refuses 31 with the bound and an example", () => {
            expect(countProblems(listOf(30))).to.deep.equal([]);
            expect(countProblems(listOf(31))).to.deep.equal([
                `instanceTypes ${JSON.stringify(listOf(31))} is invalid: 1 to 30 instance types (omit the key to choose them from cpu and memory) (e.g. ["c7g.large", "m7g.large"])`,
            ]);
        });

        it("refuses an unknown type with a catalogue example", () => {
            expect(staging({ ...INSTANCES, instanceTypes: ["c7g.huge"] })).to.deep.equal([
                `instanceTypes[0] "c7g.huge" is invalid: an instance type of the catalogue (src/compute/catalogue.ts) (e.g. "c7g.large")`,
            ]);
        });

        it("refuses the other architecture with the smallest type of this one", () => {
            expect(staging({ ...INSTANCES, instanceTypes: ["c7i.large"] })).to.deep.equal([
                `instanceTypes[0] "c7i.large" is invalid: an arm64 instance type (instanceArchitecture) (e.g. "c7g.medium")`,
            ]);
            expect(
                configProblems(
                    rawStack("production", {
                        ...INSTANCES,
                        instanceArchitecture: "x86_64",
                        instanceTypes: ["m7g.large"],
                    }),
                ),
            ).to.deep.equal([
                `instanceTypes[0] "m7g.large" is invalid: an x86_64 instance type (instanceArchitecture) (e.g. "c7i.large")`,
            ]);
        });

        it("refuses an undersized type with both sizes in vCPU and GiB and the smallest that fits", () => {
            expect(
                configProblems(rawStack("production", { ...INSTANCES, instanceTypes: ["m7g.medium"] })),
            ).to.deep.equal([
                `instanceTypes[0] "m7g.medium" is invalid: a type with at least the environment's size, 2 vCPU and 4 GiB (m7g.medium has 1 vCPU, 4 GiB) (e.g. "c7g.large")`,
            ]);
        });

        it("refuses a repeated type at its second place only; distinct types pass", () => {
            expect(staging({ ...INSTANCES, instanceTypes: ["c7g.medium", "m7g.medium", "c7g.medium"] })).to.deep.equal([
                `instanceTypes[2] "c7g.medium" is invalid: a type not already listed (e.g. remove the repeat)`,
            ]);
            expect(staging({ ...INSTANCES, instanceTypes: ["c7g.medium", "m7g.medium"] })).to.deep.equal([]);
        });
    });

    describe("the lifecycle: instanceMaxLifetimeSeconds at least instanceIdleTimeoutSeconds", () => {
        it("refuses a lifetime one second below the idle timeout, suggesting the default 28800", () => {
            expect(
                staging({ ...INSTANCES, instanceIdleTimeoutSeconds: 20000, instanceMaxLifetimeSeconds: 19999 }),
            ).to.deep.equal([
                `instanceMaxLifetimeSeconds 19999 is invalid: at least instanceIdleTimeoutSeconds (20000) (e.g. 28800)`,
            ]);
        });
        it("suggests the idle timeout itself when it is above the default", () => {
            expect(
                staging({ ...INSTANCES, instanceIdleTimeoutSeconds: 30000, instanceMaxLifetimeSeconds: 29999 }),
            ).to.deep.equal([
                `instanceMaxLifetimeSeconds 29999 is invalid: at least instanceIdleTimeoutSeconds (30000) (e.g. 30000)`,
            ]);
        });
        it("near miss: a lifetime equal to the idle timeout passes", () => {
            expect(
                staging({ ...INSTANCES, instanceIdleTimeoutSeconds: 20000, instanceMaxLifetimeSeconds: 20000 }),
            ).to.deep.equal([]);
        });
        // A refused value stands at its default (900 idle, 28800 lifetime) for the rest of validation.
        it("a refused idle timeout is not compared again, not even as its default 900 (lifetime 600)", () => {
            expect(
                staging({ ...INSTANCES, instanceIdleTimeoutSeconds: 1209601, instanceMaxLifetimeSeconds: 600 }),
            ).to.deep.equal([
                `instanceIdleTimeoutSeconds 1209601 is invalid: a whole number of seconds from 60 to 1209600 (14 days) (e.g. 900)`,
                `runtimes[0].maxLifetimeSeconds 14400 is invalid: at most the capacity provider's instanceMaxLifetimeSeconds (600) (e.g. 600)`,
            ]);
        });
        it("a refused lifetime is compared neither with the idle timeout (30000) nor the runtime's, not even as its default 28800", () => {
            expect(
                staging({ ...INSTANCES, instanceIdleTimeoutSeconds: 30000, instanceMaxLifetimeSeconds: 59 }),
            ).to.deep.equal([
                `instanceMaxLifetimeSeconds 59 is invalid: a whole number of seconds from 60 to 1209600 (14 days) (e.g. 28800)`,
            ]);
        });
        it("a runtime living longer than the provider is refused with the provider's lifetime as the example", () => {
            // staging's runtime: maxLifetimeSeconds 14400.
            expect(staging({ ...INSTANCES, instanceMaxLifetimeSeconds: 14399 })).to.deep.equal([
                `runtimes[0].maxLifetimeSeconds 14400 is invalid: at most the capacity provider's instanceMaxLifetimeSeconds (14399) (e.g. 14399)`,
            ]);
            expect(staging({ ...INSTANCES, instanceMaxLifetimeSeconds: 14400 })).to.deep.equal([]);
        });
    });
});
