/**
 * The CI deploy roles of the two new kinds: names scoped by stack, tags by environment; an
 * agent stack's role creates no network resource and no Transaction Search, a network stack's
 * role runs no runtime and owns Transaction Search. Proven with the IAM evaluator.
 */
import { expect } from "chai";
import { runSimulation } from "@cloud-copilot/iam-simulate";
import { deployPolicy } from "../../bootstrap/iam";
import { validateBootstrapConfig } from "../../bootstrap/config";

const ctx = { partition: "aws", region: "us-east-1", accountId: "123456789012" };

async function decide(policy: unknown, action: string, resource: string, context: Record<string, string> = {}) {
    const response = await runSimulation(
        {
            request: {
                principal: "arn:aws:iam::123456789012:role/agentcore-ci-deploy",
                action,
                resource: { resource, accountId: "123456789012" },
                contextVariables: { "aws:PrincipalAccount": "123456789012", ...context },
            },
            identityPolicies: [{ name: "deploy", policy }],
            serviceControlPolicies: [],
            resourceControlPolicies: [],
        },
        {},
    );
    if (response.resultType === "error") {
        throw new Error(JSON.stringify(response.errors));
    }
    return response.overallResult;
}

describe("topology: CI deploy roles per kind", () => {
    const agent = deployPolicy(ctx as never, "production", { stack: "agents-support", kind: "agent" });
    const network = deployPolicy(ctx as never, "production", { stack: "network", kind: "network" });

    it("the agent stack's role manages runtimes named for its stack, and no VPC", async () => {
        const runtime =
            "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/support_agent_agents_support-AbCdEfGhIj";
        expect(await decide(agent, "bedrock-agentcore:DeleteAgentRuntime", runtime)).to.equal("Allowed");
        // Near miss: another stack's runtime.
        expect(
            await decide(
                agent,
                "bedrock-agentcore:DeleteAgentRuntime",
                "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/support_agent_production-AbCdEfGhIj",
            ),
        ).to.equal("ImplicitlyDenied");
        expect(
            await decide(agent, "ec2:CreateVpc", "arn:aws:ec2:us-east-1:123456789012:vpc/vpc-0abc", {
                "aws:RequestTag/Environment": "production",
            }),
        ).to.equal("ImplicitlyDenied");
        expect(await decide(agent, "xray:UpdateTraceSegmentDestination", "*")).to.equal("ImplicitlyDenied");
    });

    it("the network stack's role creates the VPC and owns Transaction Search, and no runtime", async () => {
        expect(
            await decide(network, "ec2:CreateVpc", "arn:aws:ec2:us-east-1:123456789012:vpc/vpc-0abc", {
                "aws:RequestTag/Environment": "production",
            }),
        ).to.equal("Allowed");
        expect(await decide(network, "xray:UpdateTraceSegmentDestination", "*")).to.equal("Allowed");
        expect(
            await decide(
                network,
                "bedrock-agentcore:DeleteAgentRuntime",
                "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/x_network-AbCdEfGhIj",
            ),
        ).to.equal("ImplicitlyDenied");
    });

    it("config: a stack once, a known kind, no subnets for a network stack", () => {
        const values = (environments: unknown) => ({
            stack: "ci",
            values: { githubRepository: "acme/agentcore-private", environments: JSON.stringify(environments) },
        });
        expect(() =>
            validateBootstrapConfig(
                values([
                    { name: "production", stack: "network", kind: "hub", subnetIds: ["subnet-0a1b2c3d4e5f60001"] },
                    { name: "production", stack: "network", kind: "network", subnetIds: ["subnet-0a1b2c3d4e5f60001"] },
                ]),
            ),
        ).to.throw(
            `Stack "ci" has 4 configuration problems; nothing was created:\n` +
                `  - environments[0].kind "hub" is invalid: one of all-in-one, network, agent (e.g. "agent")\n` +
                `  - environments[0].securityGroupIds null is invalid: a list of 1 to 16 security group IDs (e.g. [sg-0a1b2c3d4e5f60003])\n` +
                `  - environments[1].subnetIds ["subnet-0a1b2c3d4e5f60001"] is invalid: unset for a network stack: it runs no runtimes (e.g. remove it)\n` +
                `  - environments[1].stack "network" is invalid: each stack once (one deploy role per stack) (e.g. "production")`,
        );
    });
});
