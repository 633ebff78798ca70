/**
 * The pack's findings in the plan (src/plan/packFindings.ts): sorted by rule, resource and
 * message whatever order the rules reported them in (so that a plan is byte-identical between
 * runs), each `[level] rule on <type> <name>: message`, and only mandatory ones counted as
 * blocking `pulumi preview`.
 */
import { expect } from "chai";
import { PolicyReport, blockingCount, evaluatePolicyPack, renderPolicy } from "../../src/plan/packFindings";
import { runFixtureStack } from "../helpers";

describe("plan: the pack's findings", function () {
    this.timeout(60000);

    it("production unprotected: one finding per stateful resource, sorted by resource, all blocking", async () => {
        const run = await runFixtureStack("production", { protect: "false" });
        const report = evaluatePolicyPack(run.resources, "production");
        expect(report.pack).to.equal("agentcore-private-guardrails");
        // The rule reports the key first and the runtime last; the plan lists them sorted.
        expect(report.findings.map((f) => `${f.policy} ${f.resource}`)).to.deep.equal([
            "production-stateful-resources-protected aws-native:bedrockagentcore:Runtime agentcore-production-support_agent-runtime",
            "production-stateful-resources-protected aws-native:bedrockagentcore:RuntimeEndpoint agentcore-production-support_agent-endpoint-live",
            "production-stateful-resources-protected aws:cloudwatch/logGroup:LogGroup agentcore-production-flow-logs",
            "production-stateful-resources-protected aws:cloudwatch/logGroup:LogGroup agentcore-production-support_agent-application-logs",
            "production-stateful-resources-protected aws:cloudwatch/logGroup:LogGroup agentcore-production-support_agent-usage-logs",
            "production-stateful-resources-protected aws:kms/key:Key agentcore-production-key",
        ]);
        expect(blockingCount(report)).to.equal(6);
    });

    it("counts only mandatory findings as blocking, and renders each as one line in the order given", () => {
        const finding = (policy: string, resource: string, message: string, blocking = true) => ({
            policy,
            level: blocking ? "mandatory" : "advisory",
            blocking,
            resource,
            message,
        });
        const report: PolicyReport = {
            pack: "p",
            findings: [
                finding("b-rule", "a-type a", "m"),
                finding("a-rule", "z-type z", "n", false),
                finding("a-rule", "z-type z", "m"),
            ],
        };
        expect(blockingCount(report)).to.equal(2);
        expect(renderPolicy(report)).to.deep.equal([
            "  [mandatory] b-rule on a-type a: m",
            "  [advisory] a-rule on z-type z: n",
            "  [mandatory] a-rule on z-type z: m",
        ]);
        expect(renderPolicy({ pack: "p", findings: [] })).to.deep.equal(["  none: every policy passes"]);
    });
});
