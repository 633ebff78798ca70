/**
 * The plan's "who can reach what" section, read from the planned resources. Expected lines
 * are literals (IDs come from the recording mocks and are checked by pattern).
 */
import { expect } from "chai";
import { renderPlan } from "../../src/plan/report";
import { renderReachability } from "../../src/plan/reachability";
import { Plan } from "../../src/plan/model";
import { planFromRun } from "../../src/plan/run";
import { runStackOnce } from "../helpers";

async function planOf(stack: string, overrides: Record<string, string | undefined> = {}): Promise<Plan> {
    const result = await planFromRun(await runStackOnce(stack, overrides));
    if (!result.plan) {
        throw result.error;
    }
    return result.plan;
}

async function sectionOf(stack: string, overrides: Record<string, string | undefined> = {}): Promise<string[]> {
    return renderReachability(await planOf(stack, overrides));
}

describe("plan: who can reach what", () => {
    it("production (JWT): the endpoint and its clients, the public path denied, token holders from the VPC, both endpoints fenced", async () => {
        const lines = await sectionOf("production");
        expect(lines[0]).to.equal("  Runtime support_agent_production (JWT bearer tokens)");
        expect(lines[2]).to.match(
            /^ {6}- the stack's bedrock-agentcore endpoint vpce-[0-9a-f]{17} \(private DNS on\), reachable on TCP 443 from 10\.30\.8\.0\/22, security group agentcore-production-runtime-sg$/,
        );
        expect(lines[3]).to.match(
            /^ {6}- the public AgentCore endpoint, or any other VPC: denied to every caller by the runtime's resource policy \(it denies unless aws:SourceVpc = vpc-[0-9a-f]{17} or aws:SourceVpce = vpce-[0-9a-f]{17}\)$/,
        );
        expect(lines[5]).to.match(
            /^ {6}- any caller holding a token the runtime's JWT authorizer accepts when aws:SourceVpc = vpc-[0-9a-f]{17}$/,
        );
        expect(lines.slice(-2)).to.deep.equal([
            "      - DEFAULT (latest version): covered by the runtime's policy",
            "      - live (version 1): its own resource policy repeats the fence",
        ]);
    });

    it("reads the classic provider's runtime, endpoint and policy resources the same way", async () => {
        const lines = await sectionOf("production", { runtimeProvider: "aws" });
        expect(lines[0]).to.equal("  Runtime support_agent_production (JWT bearer tokens)");
        expect(lines[3]).to.match(/denied to every caller by the runtime's resource policy/);
        expect(lines.slice(-1)).to.deep.equal(["      - live (version 1): its own resource policy repeats the fence"]);
    });

    it("development (SigV4) names this account's principals and any listed ones", async () => {
        const lines = await sectionOf("development", {
            runtimes: JSON.stringify([
                {
                    name: "support_agent",
                    containerUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent:1.4.2",
                    allowedPrincipals: ["arn:aws:iam::210987654321:role/support-portal"],
                },
            ]),
        });
        expect(lines[0]).to.equal("  Runtime support_agent_development (IAM SigV4)");
        expect(lines.slice(4, 7)).to.deep.equal([
            "    who may invoke:",
            "      - IAM principals of account 123456789012 whose own IAM policy allows the invocation",
            "      - IAM principal arn:aws:iam::210987654321:role/support-portal",
        ]);
    });

    it("access iam says plainly that the public endpoint is open", async () => {
        const lines = await sectionOf("development", {
            runtimes: JSON.stringify([
                {
                    name: "support_agent",
                    containerUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent:1.4.2",
                    access: "iam",
                },
            ]),
        });
        expect(lines).to.include(
            "      - the public AgentCore endpoint, from anywhere: OPEN to any caller the principals below admit (no resource policy: access iam)",
        );
        expect(lines).to.include(
            "      - any IAM principal of this account whose own IAM policy allows bedrock-agentcore:InvokeAgentRuntime",
        );
        expect(lines).to.include("      - DEFAULT (latest version): no resource policy");
    });

    it("sits between the summary and the policy findings of the text plan", async () => {
        const text = renderPlan(await planOf("staging"));
        const order = ["Summary", "Who can reach what", "Policy findings"].map((h) => text.indexOf(`\n${h}`));
        expect(order.every((i) => i > 0)).to.equal(true);
        expect([...order].sort((a, b) => a - b)).to.deep.equal(order);
    });
});
