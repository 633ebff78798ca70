/**
 * The USAGE_LOGS record shape check the integration test applies to a real record: both
 * published readings match, a record missing a field fails naming that field, and a wrong
 * type is refused.
 */
import { expect } from "chai";
import { matchUsageRecord, valueAt } from "../../src/observability/usageRecordShape";

describe("USAGE_LOGS record shape", () => {
    it("reads dotted top-level keys and nested objects alike", () => {
        expect(valueAt({ "session.id": "s1" }, "$.session.id")).to.equal("s1");
        expect(valueAt({ session: { id: "s2" } }, "$.session.id")).to.equal("s2");
        expect(valueAt({ agent: { "runtime.vcpu.hours.used": 0.5 } }, "$.agent.runtime.vcpu.hours.used")).to.equal(0.5);
        expect(valueAt({ session: "s" }, "$.session.id")).to.equal(undefined);
    });

    it("matches AWS's flat field list", () => {
        const record = {
            "session.id": "0f8b1c2d-session",
            "agent.runtime.vcpu.hours.used": 0.000138,
            "agent.runtime.memory.gb_hours.used": 0.000277,
        };
        expect(matchUsageRecord(record)).to.deep.equal({ label: "flat" });
    });

    it("matches the nested records users have published", () => {
        const record = {
            attributes: { "session.id": "0f8b1c2d-session" },
            metrics: { "agent.runtime.vcpu.hours.used": 0.000138, "agent.runtime.memory.gb_hours.used": 0.000277 },
        };
        expect(matchUsageRecord(record)).to.deep.equal({ label: "nested" });
    });

    it("near miss: a record without the memory field fails, naming it in both readings", () => {
        const result = matchUsageRecord({ "session.id": "s", "agent.runtime.vcpu.hours.used": 0.1 });
        expect(result).to.have.property("problem");
        const problem = (result as { problem: string }).problem;
        expect(problem).to.contain("flat: $.agent.runtime.memory.gb_hours.used (a number) is absent");
        expect(problem).to.contain("nested: $.attributes.session.id (a session ID string) is absent");
    });

    it("a vCPU figure written as a string is refused", () => {
        const result = matchUsageRecord({
            "session.id": "s",
            "agent.runtime.vcpu.hours.used": "0.1",
            "agent.runtime.memory.gb_hours.used": 0.2,
        });
        expect((result as { problem: string }).problem).to.contain(
            'flat: $.agent.runtime.vcpu.hours.used (a number) is "0.1"',
        );
    });
});

describe("USAGE_LOGS record shape: edges", () => {
    it("falls back to a shorter key when the longer one leads nowhere", () => {
        // "a.b" holds no c; "a" holds "b.c".
        expect(valueAt({ "a.b": { x: 1 }, a: { "b.c": 5 } }, "$.a.b.c")).to.equal(5);
        expect(valueAt({ "a.b": { c: 4 }, a: { "b.c": 5 } }, "$.a.b.c")).to.equal(4);
        expect(valueAt({ "a.b": { x: 1 } }, "$.a.b.c")).to.equal(undefined);
    });

    it("reads no field of null, an array or text", () => {
        expect(valueAt({ session: null }, "$.session.id")).to.equal(undefined);
        expect(valueAt({ session: ["x"] }, "$.session.0")).to.equal(undefined);
        expect(valueAt({ session: "s" }, "$.session.length")).to.equal(undefined);
        expect(valueAt(null, "$.session")).to.equal(undefined);
    });

    it("strips only a leading $.", () => {
        expect(valueAt({ a$: { b: 1 } }, "a$.b")).to.equal(1);
        expect(valueAt({ a: { b: 2 } }, "$.a.b")).to.equal(2);
    });

    it("an empty session ID, or a figure that is NaN or infinite, is a gap", () => {
        const flat = (session: unknown, vcpu: unknown) =>
            matchUsageRecord({
                "session.id": session,
                "agent.runtime.vcpu.hours.used": vcpu,
                "agent.runtime.memory.gb_hours.used": 0.2,
            });
        expect(flat("s", 0.1)).to.deep.equal({ label: "flat" });
        expect(flat("s", 0)).to.deep.equal({ label: "flat" });
        const nested =
            "nested: $.attributes.session.id (a session ID string) is absent; " +
            "$.metrics.agent.runtime.vcpu.hours.used (a number) is absent; " +
            "$.metrics.agent.runtime.memory.gb_hours.used (a number) is absent";
        const problem = (flatGaps: string) => ({
            problem:
                'the USAGE_LOGS record matches no reading the per-session alarms use (docs/monitoring.md, "Per-session usage"): ' +
                `flat: ${flatGaps} | ${nested}`,
        });
        expect(flat("", 0.1)).to.deep.equal(problem('$.session.id (a session ID string) is ""'));
        expect(flat(7, 0.1)).to.deep.equal(problem("$.session.id (a session ID string) is 7"));
        // JSON writes NaN and Infinity as null.
        expect(flat("s", NaN)).to.deep.equal(problem("$.agent.runtime.vcpu.hours.used (a number) is null"));
        expect(flat("s", Infinity)).to.deep.equal(problem("$.agent.runtime.vcpu.hours.used (a number) is null"));
    });
});
