/**
 * Proof of the platform topology (issue 21, point 5): a network stack and two agent stacks
 * rendered by the real program, the agents' StackReference mocked with the network stack's real
 * outputs, and the generated policies evaluated by a real IAM policy evaluator
 * (@cloud-copilot/iam-simulate). IDs, ARNs and quota numbers are literals. The request context
 * AWS fills in (aws:PrincipalAccount, aws:ResourceAccount, s3:ResourceAccount, aws:SourceVpc…)
 * is given per request, as in tests/inbound/inboundSimulation.spec.ts.
 */
import { expect } from "chai";
import { anonymousPrincipal } from "@cloud-copilot/iam-simulate";
import { SimulatedRequest, simulate } from "../iamSimulation";
import * as path from "path";
import { ProgramRun, runStack } from "../../src/plan/offline/runProgram";
import { fleetFit, quotaFootprint } from "../../src/plan/quotas";
import { accountTotals } from "../../src/plan/fleet";
import { Plan } from "../../src/plan/model";
import { FIXTURE_SOURCE_ROOT, FIXTURES_ROOT } from "../helpers";

const ROOT = path.join(FIXTURES_ROOT, "topology");
const NETWORK_STACK = "acme/agentcore-private/network";
const ACCOUNT = "123456789012";
const OTHER = "210987654321";
const OTHER_VPC = "vpc-0fedcba9876543210";

interface Policy {
    Statement: unknown[];
}

async function decide(r: SimulatedRequest): Promise<string> {
    return simulate({ ...r, context: { "aws:RequestedRegion": "us-east-1", ...(r.context ?? {}) } });
}

const ADMIN: Policy = { Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] } as Policy;

describe("topology proof: one network stack, two agent stacks, shared endpoints", function () {
    this.timeout(120000);
    let network: ProgramRun;
    let images: ProgramRun;
    let code: ProgramRun;

    const endpointPolicyOf = (service: string) => {
        const endpoint = network.resources.find(
            (r) =>
                r.type === "aws:ec2/vpcEndpoint:VpcEndpoint" &&
                r.inputs.serviceName === `com.amazonaws.us-east-1.${service}`,
        );
        return JSON.parse(String(endpoint?.inputs.policy));
    };
    const roleOf = (run: ProgramRun) => String(run.resources.find((r) => r.type === "aws:iam/role:Role")?.state.arn);
    const identityOf = (run: ProgramRun): Policy[] =>
        run.resources
            .filter((r) => r.type === "aws:iam/rolePolicy:RolePolicy")
            .map((r) => JSON.parse(String(r.inputs.policy)) as Policy);

    before(async () => {
        network = await runStack("network", {}, ROOT, FIXTURE_SOURCE_ROOT, {});
        expect(network.error?.message).to.equal(undefined);
        const references = { [NETWORK_STACK]: network.outputs as Record<string, unknown> };
        images = await runStack("agents-images", {}, ROOT, FIXTURE_SOURCE_ROOT, references);
        code = await runStack("agents-code", {}, ROOT, FIXTURE_SOURCE_ROOT, references);
        expect(images.error?.message).to.equal(undefined);
        expect(code.error?.message).to.equal(undefined);
    });

    it("each agent's runtime role reaches its own model through the shared bedrock-runtime endpoint", async () => {
        const endpoint = endpointPolicyOf("bedrock-runtime");
        expect(
            await decide({
                principal: roleOf(images),
                action: "bedrock:InvokeModel",
                resource: "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0",
                // The evaluator knows no AWS-owned resources: it would want a resource policy for
                // a foreign account. Bedrock authorizes foundation models by identity alone, so
                // the model is evaluated as same-account; the endpoint statement names no account.
                resourceAccount: ACCOUNT,
                identity: identityOf(images),
                endpointPolicies: [endpoint],
            }),
        ).to.equal("Allowed");
        const profile = `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0`;
        expect(
            await decide({
                principal: roleOf(code),
                action: "bedrock:InvokeModel",
                resource: profile,
                resourceAccount: ACCOUNT,
                identity: identityOf(code),
                endpointPolicies: [endpoint],
            }),
        ).to.equal("Allowed");
        // Near miss: the image stack's role does not hold the code stack's inference profile.
        expect(
            await decide({
                principal: roleOf(images),
                action: "bedrock:InvokeModel",
                resource: profile,
                resourceAccount: ACCOUNT,
                identity: identityOf(images),
                endpointPolicies: [endpoint],
            }),
        ).to.equal("ImplicitlyDenied");
    });

    it("each runtime fetches its own image or code object through the shared ECR and S3 endpoints", async () => {
        expect(
            await decide({
                principal: roleOf(images),
                action: "ecr:BatchGetImage",
                resource: `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/agents/image-agent`,
                resourceAccount: ACCOUNT,
                identity: identityOf(images),
                endpointPolicies: [endpointPolicyOf("ecr.dkr")],
            }),
        ).to.equal("Allowed");
        const object = code.resources.find((r) => r.type === "aws:s3/bucketObjectv2:BucketObjectv2");
        expect(
            await decide({
                principal: roleOf(code),
                action: "s3:GetObject",
                resource: `arn:aws:s3:::${object?.inputs.bucket}/${object?.inputs.key}`,
                resourceAccount: ACCOUNT,
                identity: identityOf(code),
                endpointPolicies: [endpointPolicyOf("s3")],
                context: { "s3:ResourceAccount": ACCOUNT },
            }),
        ).to.equal("Allowed");
    });

    it("another account's resources are refused by the endpoints, even to an administrator", async () => {
        const admin = `arn:aws:iam::${ACCOUNT}:role/admin`;
        expect(
            await decide({
                principal: admin,
                action: "s3:PutObject",
                resource: "arn:aws:s3:::exfil-bucket/dump.zip",
                resourceAccount: OTHER,
                identity: [ADMIN],
                endpointPolicies: [endpointPolicyOf("s3")],
                context: { "s3:ResourceAccount": OTHER },
            }),
        ).to.equal("ImplicitlyDenied");
        expect(
            await decide({
                principal: admin,
                action: "ecr:BatchGetImage",
                resource: `arn:aws:ecr:us-east-1:${OTHER}:repository/agents/image-agent`,
                resourceAccount: OTHER,
                identity: [ADMIN],
                endpointPolicies: [endpointPolicyOf("ecr.dkr")],
            }),
        ).to.equal("ImplicitlyDenied");
        expect(
            await decide({
                principal: admin,
                action: "bedrock:InvokeModel",
                resource: `arn:aws:bedrock:us-east-1:${OTHER}:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0`,
                resourceAccount: OTHER,
                identity: [ADMIN],
                endpointPolicies: [endpointPolicyOf("bedrock-runtime")],
            }),
        ).to.equal("ImplicitlyDenied");
        // Near miss: a caller of another account to a bucket of ours is refused too (identity perimeter).
        expect(
            await decide({
                principal: `arn:aws:iam::${OTHER}:role/stranger`,
                action: "s3:GetObject",
                resource: "arn:aws:s3:::our-bucket/object",
                resourceAccount: ACCOUNT,
                identity: [ADMIN],
                endpointPolicies: [endpointPolicyOf("s3")],
                context: { "s3:ResourceAccount": ACCOUNT },
            }),
        ).to.equal("ImplicitlyDenied");
    });

    it("an anonymous web-identity call passes the STS endpoint into this account's roles, not another's", async () => {
        const sts = endpointPolicyOf("sts");
        expect(
            await decide({
                principal: anonymousPrincipal,
                action: "sts:AssumeRoleWithWebIdentity",
                resource: `arn:aws:iam::${ACCOUNT}:role/github-deploy`,
                resourceAccount: ACCOUNT,
                endpointPolicies: [sts],
                resourcePolicy: {
                    Version: "2012-10-17",
                    // The evaluator's anonymous principal matches only "*" (a real trust policy names
                    // the OIDC provider as Federated); the endpoint policy is what is under test.
                    Statement: [{ Effect: "Allow", Principal: "*", Action: "sts:AssumeRoleWithWebIdentity" }],
                },
            }),
        ).to.equal("Allowed");
        expect(
            await decide({
                principal: anonymousPrincipal,
                action: "sts:AssumeRoleWithWebIdentity",
                resource: `arn:aws:iam::${OTHER}:role/exfil`,
                resourceAccount: OTHER,
                endpointPolicies: [sts],
                resourcePolicy: {
                    Version: "2012-10-17",
                    Statement: [{ Effect: "Allow", Principal: "*", Action: "sts:AssumeRoleWithWebIdentity" }],
                },
            }),
        ).to.equal("ImplicitlyDenied");
    });

    it("callers outside the network stack's VPC are fenced out of every runtime of both agent stacks", async () => {
        const vpcId = String((network.outputs as { vpcId: string }).vpcId);
        const vpce = String(
            (network.outputs as { vpcEndpointIds: Record<string, string> }).vpcEndpointIds["bedrock-agentcore"],
        );
        const caller = `arn:aws:iam::${ACCOUNT}:role/support-portal`;
        const policies = [...images.resources, ...code.resources].filter(
            (r) => r.type === "aws-native:bedrockagentcore:ResourcePolicy",
        );
        expect(policies).to.have.length(3);
        for (const resource of policies) {
            const runtime = `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:runtime/some_agent-AbCdEfGhIj`;
            const policy = JSON.parse(
                String(resource.inputs.policy).split(String(resource.inputs.resourceArn)).join(runtime),
            );
            const ask = (context: Record<string, string>) =>
                decide({
                    principal: caller,
                    action: "bedrock-agentcore:InvokeAgentRuntime",
                    resource: runtime,
                    resourceAccount: ACCOUNT,
                    identity: [ADMIN],
                    resourcePolicy: policy,
                    context,
                });
            expect(
                await ask({ "aws:SourceVpc": OTHER_VPC, "aws:SourceVpce": "vpce-0eeeeffff00001111" }),
                resource.name,
            ).to.equal("ExplicitlyDenied");
            expect(await ask({ "aws:SourceVpc": vpcId, "aws:SourceVpce": vpce }), resource.name).to.equal("Allowed");
        }
    });

    it("the agent stacks contain no network resource and no account singleton", () => {
        const forbidden =
            /^aws:ec2\/(vpc|subnet|securityGroup|defaultSecurityGroup|routeTable|routeTableAssociation|vpcEndpoint|flowLog):|^aws:vpc\/|^aws:cloudwatch\/logResourcePolicy:|^aws:xray\/(resourcePolicy|traceSegmentDestination):/;
        for (const run of [images, code]) {
            expect(run.resources.filter((r) => forbidden.test(r.type)).map((r) => r.type)).to.deep.equal([]);
        }
        expect(network.resources.filter((r) => forbidden.test(r.type)).length).to.be.greaterThan(0);
    });

    it("quota footprint: agent stacks of 2 runtimes, AgentCore's 1,000 runtimes bind first at 500 stacks", () => {
        const net = quotaFootprint(network.resources);
        const agent = quotaFootprint(images.resources);
        // AWS defaults: 10 Logs resource policies, 5 X-Ray policies, 100 Contributor Insights rules,
        // 1,000 saved queries, 1,000 IAM roles, 1,000 AgentCore runtimes, 5 VPCs, 50 interface endpoints per VPC.
        expect(net["logs-resource-policies"]).to.equal(2); // vended delivery + Transaction Search
        expect(net["xray-resource-policies"]).to.equal(1);
        expect(net.vpcs).to.equal(1);
        expect(net["interface-endpoints"]).to.equal(7);
        expect(agent["agentcore-runtimes"]).to.equal(2);
        expect(agent["logs-resource-policies"]).to.equal(0);
        expect(agent["xray-resource-policies"]).to.equal(0);
        expect(agent["contributor-insights-rules"]).to.equal(0);
        expect(agent["saved-queries"]).to.equal(0);
        expect(agent["iam-roles"]).to.equal(1);
        const fit = fleetFit(net, agent);
        const by = Object.fromEntries(fit.fits.map((f) => [f.quota.id, f]));
        expect(by["agentcore-runtimes"].quota.awsDefault).to.equal(1000);
        expect(by["agentcore-runtimes"].agentStacksThatFit).to.equal(500);
        expect(by["iam-roles"].quota.awsDefault).to.equal(1000);
        expect(by["iam-roles"].agentStacksThatFit).to.equal(999); // 1,000 − the flow-log role
        expect(by["logs-resource-policies"].quota.awsDefault).to.equal(10);
        expect(by["xray-resource-policies"].quota.awsDefault).to.equal(5);
        expect(by["contributor-insights-rules"].quota.awsDefault).to.equal(100);
        expect(by["saved-queries"].quota.awsDefault).to.equal(1000);
        expect(fit.binding.quota.id).to.equal("agentcore-runtimes");
    });

    it("quota totals of the three stacks in one account: singletons only in the network stack", () => {
        const plans = [network, images, code].map(
            (run) => ({ stack: run.stack, resources: run.resources }) as unknown as Plan,
        );
        const totals = Object.fromEntries(accountTotals(plans).map((t) => [t.id, t]));
        expect(totals["logs-resource-policies"].total).to.equal(2);
        expect(totals["logs-resource-policies"].byStack).to.deep.equal({
            network: 2,
            "agents-images": 0,
            "agents-code": 0,
        });
        expect(totals["xray-resource-policies"].total).to.equal(1);
        expect(totals["agentcore-runtimes"].total).to.equal(3);
        expect(totals["iam-roles"].byStack).to.deep.equal({ network: 1, "agents-images": 1, "agents-code": 1 });
    });

    it("quota footprint near miss: with sessionInsights on, Contributor Insights rules bind at 12 stacks", async () => {
        const insights = await runStack("agents-images", { sessionInsights: "true" }, ROOT, FIXTURE_SOURCE_ROOT, {
            [NETWORK_STACK]: network.outputs as Record<string, unknown>,
        });
        const agent = quotaFootprint(insights.resources);
        expect(agent["contributor-insights-rules"]).to.equal(8); // 4 per runtime
        expect(agent["saved-queries"]).to.equal(8);
        const fit = fleetFit(quotaFootprint(network.resources), agent);
        expect(fit.binding.quota.id).to.equal("contributor-insights-rules");
        expect(fit.binding.agentStacksThatFit).to.equal(12); // floor(100 / 8)
    });
});
