/**
 * Config validation over random inputs (fast-check): each rule accepts exactly the values
 * its requirement allows, written out here independently of the code.
 *
 * Each property first runs its edges as fast-check `examples` (every bound just inside and
 * just outside, each accepted value's neighbours), then random inputs up to its `numRuns`.
 * Random draws alone seldom land on an edge (a memory that is a multiple of 512 in range
 * came up about once in 200 runs), so the edges are listed and the random runs are fewer:
 * each run is a whole validateConfig.
 */
import { expect } from "chai";
import fc from "fast-check";
import { ConfigValidationError, validateConfig } from "../../src/config";
import { rawStack } from "../helpers";

function problems(overrides: Record<string, unknown>): readonly string[] {
    try {
        validateConfig(rawStack("development", overrides));
        return [];
    } catch (e) {
        expect(e).to.be.instanceOf(ConfigValidationError);
        return (e as ConfigValidationError).problems;
    }
}

const RETENTION = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

describe("config: properties", () => {
    it("memory: accepted exactly from 512 to 8192 MiB in steps of 512 and at least the CPU units", () => {
        fc.assert(
            fc.property(
                fc.constantFrom(256, 512, 1024, 2048),
                fc.integer({ min: -1024, max: 10000 }),
                (cpu, memory) => {
                    const ok = memory >= 512 && memory <= 8192 && memory % 512 === 0 && memory >= cpu;
                    return (problems({ cpu: String(cpu), memory: String(memory) }).length === 0) === ok;
                },
            ),
            {
                numRuns: 60,
                examples: [
                    [256, 511],
                    [256, 512],
                    [256, 513],
                    [256, 8191],
                    [256, 8192],
                    [256, 8193],
                    [256, 8704],
                    [256, 0],
                    [256, -512],
                    [512, 512],
                    [1024, 512],
                    [1024, 1024],
                    [2048, 1536],
                    [2048, 2048],
                    [2048, 2560],
                ],
            },
        );
    });

    it("logRetentionDays: accepted exactly for CloudWatch's periods", () => {
        fc.assert(
            fc.property(fc.oneof(fc.integer({ min: 0, max: 4000 }), fc.constantFrom(...RETENTION)), (days) => {
                return (problems({ logRetentionDays: String(days) }).length === 0) === RETENTION.includes(days);
            }),
            {
                numRuns: 90,
                // Every period and its neighbours, and the range's ends.
                examples: [...new Set([0, ...RETENTION.flatMap((d) => [d - 1, d, d + 1]), 4000])].map((d) => [d]),
            },
        );
    });

    it("tag values: accepted exactly for ASCII letters, digits, spaces and _.:/=+-@ up to 256", () => {
        const allowed = /^[A-Za-z0-9 _.:/=+\-@]{0,256}$/;
        fc.assert(
            fc.property(
                fc.oneof(fc.string({ maxLength: 300 }), fc.stringMatching(/^[A-Za-z0-9 _.:/=+\-@]{250,260}$/)),
                (value) => {
                    return (problems({ tags: { Owner: value } }).length === 0) === allowed.test(value);
                },
            ),
            {
                numRuns: 60,
                examples: [
                    [""],
                    ["a".repeat(255)],
                    ["a".repeat(256)],
                    ["a".repeat(257)],
                    ["A-z 0_9.:/=+-@"],
                    ["team#1"],
                    ["caf\u00e9"],
                    ["line\nbreak"],
                    ["tab\there"],
                    ["<owner>"],
                    ["a".repeat(255) + "!"],
                ],
            },
        );
    });

    it("idle timeout: accepted exactly for whole seconds from 60 to 28800", () => {
        fc.assert(
            fc.property(
                fc.oneof(fc.integer({ min: 0, max: 30000 }), fc.double({ min: 60, max: 28800, noNaN: true })),
                (seconds) => {
                    const runtimes = [
                        {
                            name: "a",
                            containerUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/a:1",
                            idleTimeoutSeconds: seconds,
                            maxLifetimeSeconds: 28800,
                        },
                    ];
                    const ok = Number.isInteger(seconds) && seconds >= 60 && seconds <= 28800;
                    return (problems({ runtimes }).length === 0) === ok;
                },
            ),
            {
                numRuns: 60,
                examples: [[0], [59], [60], [61], [60.5], [28799], [28799.5], [28800], [28801], [30000]],
            },
        );
    });

    it("reports every bad key at once: n bad keys give n problems", () => {
        const bad: [string, string][] = [
            ["cpu", "300"],
            ["logRetentionDays", "31"],
            ["protect", "yes"],
            ["runtimeProvider", "gcp"],
            ["vpcCidr", "10.0.0.0/8"],
        ];
        // All 31 non-empty choices, each once (random draws of 100 repeated some and could miss one).
        const choices = Array.from({ length: 2 ** bad.length - 1 }, (_, i) => [
            bad.filter((_entry, bit) => ((i + 1) >> bit) & 1),
        ]);
        fc.assert(
            fc.property(
                fc.subarray(bad, { minLength: 1 }),
                (chosen) => problems(Object.fromEntries(chosen)).length === chosen.length,
            ),
            { numRuns: choices.length, examples: choices },
        );
    });
});
