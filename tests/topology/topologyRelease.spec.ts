/**
 * Teardown per kind: an agent stack owns no subnet or security group, so its teardown has no
 * second pass and no wait on AgentCore's network interfaces; a network stack keeps today's
 * retries over its subnets and security groups. The PR workflow previews both kinds.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";
import { planTeardown, renderPlan } from "../../src/release/teardown";
import { runStack } from "../../src/plan/offline/runProgram";
import { FIXTURE_SOURCE_ROOT, FIXTURES_ROOT, REPO_ROOT } from "../helpers";

const ROOT = path.join(FIXTURES_ROOT, "topology");

describe("topology: teardown and previews per kind", function () {
    this.timeout(60000);

    it("an agent stack tears down in one pass, without waiting on network interfaces", async () => {
        const network = await runStack("network", {}, ROOT, FIXTURE_SOURCE_ROOT, {});
        const agent = await runStack("agents-code", {}, ROOT, FIXTURE_SOURCE_ROOT, {
            "acme/agentcore-private/network": network.outputs as Record<string, unknown>,
        });
        const plan = planTeardown("agents-code", agent.resources);
        expect(plan.secondPass).to.deep.equal([]);
        expect(renderPlan(plan, 480)).to.contain("no subnet or security group: an agent stack), so no wait");
        // Near miss: the network stack keeps the second pass over its subnets and security groups.
        const networkPlan = planTeardown("network", network.resources);
        expect(networkPlan.secondPass.map((r) => r.type).sort()).to.include.members([
            "aws:ec2/securityGroup:SecurityGroup",
            "aws:ec2/subnet:Subnet",
        ]);
        expect(renderPlan(networkPlan, 480)).to.contain("retrying while AgentCore still holds network interfaces");
    });

    it("the pull-request workflow previews the network stack and the agent stack", () => {
        const workflow = yaml.load(
            fs.readFileSync(path.join(REPO_ROOT, ".github", "workflows", "pull-request.yml"), "utf8"),
        ) as { jobs: { preview: { strategy: { matrix: { stack: string[] } } } } };
        expect(workflow.jobs.preview.strategy.matrix.stack).to.deep.equal([
            "development",
            "staging",
            "production",
            "network",
            "agents-support",
        ]);
    });
});
