/**
 * Teardown per kind: an agent stack owns no subnet or security group, so its teardown has no
 * second pass and no wait on AgentCore's network interfaces; a network stack keeps today's
 * retries over its subnets and security groups. The PR workflow previews both kinds.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";
import { planTeardown, renderTeardownPlan } from "../../src/release/teardown";
import { promote } from "../../src/release/promote";
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
        expect(renderTeardownPlan(plan, 480)).to.contain("no subnet or security group: an agent stack), so no wait");
        // Near miss: the network stack keeps the second pass over its subnets and security groups.
        const networkPlan = planTeardown("network", network.resources);
        expect(networkPlan.secondPass.map((r) => r.type).sort()).to.include.members([
            "aws:ec2/securityGroup:SecurityGroup",
            "aws:ec2/subnet:Subnet",
        ]);
        expect(renderTeardownPlan(networkPlan, 480)).to.contain(
            "retrying while AgentCore still holds network interfaces",
        );
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

describe("topology: promotion per kind", () => {
    const image =
        "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent@sha256:fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9";
    const source = new Map([["support_agent", { kind: "container" as const, imageUri: image }]]);

    it("refuses a network stack as the target: it runs no runtimes", () => {
        const targetText = fs.readFileSync(path.join(REPO_ROOT, "Pulumi.network.yaml"), "utf8");
        expect(() =>
            promote({
                project: "agentcore-private",
                from: "production",
                to: "network",
                source,
                targetText,
                runtimes: [],
            }),
        ).to.throw(
            "Pulumi.network.yaml is a network stack (stackKind: network): it runs no runtimes; promote into the agent stacks that read it (docs/topology.md)",
        );
    });

    it("promotes an image into an agent stack's runtime (near miss)", () => {
        const targetText = fs.readFileSync(path.join(REPO_ROOT, "Pulumi.agents-support.yaml"), "utf8");
        const result = promote({
            project: "agentcore-private",
            from: "production",
            to: "agents-support",
            source,
            targetText,
            runtimes: ["support_agent"],
        });
        expect(targetText).not.to.contain(image);
        expect(result.text).to.contain(image);
        // The artifact, and the tag that keeps the image out of the source's lifecycle expiry.
        expect(result.changes).to.have.length(2);
        expect(result.changes[0]).to.contain("runtime support_agent: artifact -> ");
        expect(result.changes[1]).to.contain("runtime support_agent: keep the image from production's lifecycle: ");
        expect(result.text).to.contain("stackKind: agent");
    });
});
