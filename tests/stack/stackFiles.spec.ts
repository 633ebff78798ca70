/**
 * The contract of the real stack files (Pulumi.<stack>.yaml at the repository root): every one
 * holds what every valid stack must (tests/stack/stackInvariants.ts: it plans, passes every
 * policy of the pack, fits AWS's limits, and keeps the invariants of its kind and environment),
 * and the generated diagrams are current. Not today's values: a legitimate edit keeps this spec
 * green (tests/stack/stackEdits.spec.ts applies the README's). This is the only spec that reads
 * the real files; every other spec uses tests/fixtures/.
 */
import { expect } from "chai";
import { listStacks, PROJECT_ROOT, stackConfig } from "../../src/plan/offline/stackFiles";
import { Plan } from "../../src/plan/model";
import { planStack } from "../../src/plan/run";
import { PlannedStack, diagramProblems, stackInvariantProblems } from "./stackInvariants";

describe("the real stack files", function () {
    this.timeout(120000);
    const planned = new Map<string, PlannedStack>();

    before(async () => {
        for (const stack of listStacks(PROJECT_ROOT)) {
            const result = await planStack(stack);
            planned.set(stack, { stack, root: PROJECT_ROOT, plan: result.plan, error: result.error });
        }
    });

    it("are the three all-in-one environments, the Instances example, a network stack and two agent stacks that read it (one on Instances)", () => {
        // The shipped examples; a stack file a user adds beside them is checked like them below.
        expect(listStacks(PROJECT_ROOT)).to.include.members([
            "agents-instances",
            "agents-support",
            "development",
            "instances",
            "network",
            "production",
            "staging",
        ]);
        expect(stackConfig("network").config["agentcore-private:stackKind"]).to.equal("network");
        expect(stackConfig("agents-support").config["agentcore-private:stackKind"]).to.equal("agent");
        expect(stackConfig("agents-support").config["agentcore-private:networkStack"]).to.equal(
            "acme/agentcore-private/network",
        );
        // Both topologies ship an Instances example: all-in-one and an agent stack.
        expect(stackConfig("instances").config["agentcore-private:computeType"]).to.equal("instances");
        expect(stackConfig("agents-instances").config["agentcore-private:stackKind"]).to.equal("agent");
        expect(stackConfig("agents-instances").config["agentcore-private:computeType"]).to.equal("instances");
    });

    it("every stack file holds every invariant of a valid stack (plans, no finding, inside the limits, its kind's and environment's rules)", () => {
        for (const stack of listStacks(PROJECT_ROOT)) {
            expect(stackInvariantProblems(planned.get(stack)!, planned), stack).to.deep.equal([]);
        }
    });

    it("keeps the diagrams in docs/ and the README equal to what the program builds for development", () => {
        expect(diagramProblems(PROJECT_ROOT, planned.get("development")!.plan as Plan)).to.deep.equal([]);
    });
});
