/**
 * Schemas built once per argument list (src/config/declare.ts `builtOnce`): the same arguments
 * give the same schema, other arguments another, and with keeping turned off (as the mutation
 * run does) every call builds afresh. Validation gives the same answer from a kept schema.
 */
import { expect } from "chai";
import { z } from "zod";
import { builtOnce, keepBuiltSchemas } from "../../src/config/declare";
import { configProblems, rawStack } from "../helpers";

describe("config: schemas built once per argument list", () => {
    // Each test sets what it needs; the setting around it (off in the mutation run) comes back after.
    let around: boolean;
    beforeEach(() => (around = keepBuiltSchemas(true)));
    afterEach(() => keepBuiltSchemas(around));

    it("builds once for equal arguments and again for others", () => {
        let builds = 0;
        const schema = builtOnce((max: number, ctx: { region?: string }) => {
            builds++;
            return z.string().max(max, ctx.region ?? "none");
        });
        const first = schema(3, { region: "us-east-1" });
        expect(schema(3, { region: "us-east-1" })).to.equal(first);
        expect(builds).to.equal(1);
        expect(schema(4, { region: "us-east-1" })).to.not.equal(first);
        expect(schema(3, { region: "us-west-2" })).to.not.equal(first);
        expect(schema(3, {})).to.not.equal(first);
        expect(builds).to.equal(4);
        expect(first.safeParse("abcd").success).to.equal(false);
        expect(schema(4, { region: "us-east-1" }).safeParse("abcd").success).to.equal(true);
    });

    it("builds on every call while keeping is off", () => {
        let builds = 0;
        const schema = builtOnce((max: number) => {
            builds++;
            return z.string().max(max);
        });
        keepBuiltSchemas(false);
        expect(schema(3)).to.not.equal(schema(3));
        expect(builds).to.equal(2);
        expect(keepBuiltSchemas(true)).to.equal(false);
        expect(schema(3)).to.equal(schema(3));
        expect(builds).to.equal(3);
    });

    it("reports the same problems from kept schemas as from fresh ones", () => {
        const raw = rawStack("production", {
            runtimes: [
                {
                    name: "support_agent",
                    code: { path: "missing/dist", runtime: "NODE_22", entryPoint: ["main.js"] },
                    idleTimeoutSeconds: 59,
                },
            ],
            logRetentionDays: "30",
        });
        keepBuiltSchemas(false);
        const fresh = configProblems(raw);
        keepBuiltSchemas(true);
        const kept = [configProblems(raw), configProblems(raw)];
        expect(fresh.length).to.be.greaterThan(1);
        expect(kept[0]).to.deep.equal(fresh);
        expect(kept[1]).to.deep.equal(fresh);
    });
});
