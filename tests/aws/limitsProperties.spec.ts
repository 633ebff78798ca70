/**
 * Property: any config that validates renders only resources inside AWS's limits
 * (src/aws/limits.ts, checked by src/aws/limitsCheck.ts). fast-check generates configs
 * across the keys' ranges — user tag counts 0..42 with keys and values at their length edges,
 * runtime names at their edges (trailing _, __ runs, the longest the stack allows), endpoint
 * names, both runtime providers, the three artifact kinds (development: code, staging: image,
 * production: container) — and each is rendered through the whole program under the mocks.
 * Few runs (a whole-program render costs ~0.2-1 s): 24 programs in all.
 */
import { expect } from "chai";
import fc from "fast-check";
import { limitBreaches } from "../../src/aws/limitsCheck";
import { providerOverrides, rawStack, runFixtureStack } from "../helpers";
import { endpointName, runtimeName, userTags } from "./limitsArbitraries";

const SUFFIX = { development: "_development", staging: "_staging", production: "_production" } as const;
type Stack = keyof typeof SUFFIX;

const property = (stack: Stack, provider: "aws-native" | "aws") =>
    fc.asyncProperty(runtimeName(SUFFIX[stack]), userTags(), endpointName(), async (name, tags, endpoint) => {
        const base = providerOverrides(stack, provider);
        const runtimes = JSON.parse(base.runtimes ?? rawStack(stack).values.runtimes) as Record<string, unknown>[];
        const first = { ...runtimes[0], name, endpoints: [{ name: endpoint, version: 1 }] };
        const run = await runFixtureStack(stack, {
            ...base,
            runtimes: JSON.stringify([first]),
            tags: JSON.stringify(tags),
        });
        // A generated config is valid by construction; if it is not, the generator is wrong.
        expect(run.error, `${name} ${JSON.stringify(tags).slice(0, 200)}: ${String(run.error)}`).to.equal(undefined);
        expect(limitBreaches(run.resources), name).to.deep.equal([]);
    });

describe("AWS limits over the config space (fast-check)", function () {
    this.timeout(120_000);
    for (const stack of ["development", "staging", "production"] as const) {
        for (const provider of ["aws-native", "aws"] as const) {
            it(`${stack} on ${provider}: 4 generated configs render inside the limits`, async () => {
                await fc.assert(property(stack, provider), { numRuns: 4, seed: 23 });
            });
        }
    }
});
