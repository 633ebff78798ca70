/**
 * The stack rule production-runtime-vpc-only-resource-policy, branch by branch: what counts
 * as the fence (a Deny for Principal "*" on every invocation action, Resource "*" or the
 * runtime's ARN, under StringNotEquals(IfExists) on aws:SourceVpc / aws:SourceVpce and nothing
 * else: AgentCore devguide, "Resource-based policies"), each property one step off, which
 * policies target a runtime (by ARN, or by dependency while an ARN is unknown), and the literal
 * message a user reads. tests/inbound/inboundPolicy.spec.ts has the program-level cases.
 */
import { expect } from "chai";
import { StackValidationPolicy } from "@pulumi/policy";
import { productionRuntimeVpcOnly } from "../../policy/rules/runtimeResourcePolicy";
import { stackArgs } from "../../src/plan/offline/evaluate";
import { RecordedResource } from "../helpers";
import { recordedResource } from "../recordedResource";
import { INVOKE_ACTIONS } from "../inbound/requirements";
import { UNKNOWN_OBJECT, UNKNOWN_STRING } from "./unknowns";

/** A copy of a statement without one key. */
const without = (statement: Record<string, unknown>, key: string): Record<string, unknown> =>
    Object.fromEntries(Object.entries(statement).filter(([k]) => k !== key));

const NATIVE_RUNTIME = "aws-native:bedrockagentcore:Runtime";
const CLASSIC_RUNTIME = "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime";
const NATIVE_POLICY = "aws-native:bedrockagentcore:ResourcePolicy";
const CLASSIC_POLICY = "aws:bedrock/agentcoreResourcePolicy:AgentcoreResourcePolicy";
const RUNTIME_ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/support_agent_production-AbCdEfGhIj";
const OTHER_ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/billing_agent_production-KlMnOpQrSt";
const VPC = "vpc-0a1b2c3d4e5f60718";
const VPCE = "vpce-0aaaabbbbccccdddd";

const fence = {
    Sid: "DenyOutsideVpc",
    Effect: "Deny",
    Principal: "*",
    Action: INVOKE_ACTIONS,
    Resource: "*",
    Condition: { StringNotEqualsIfExists: { "aws:SourceVpc": VPC, "aws:SourceVpce": VPCE } },
};
const allowAccount = {
    Sid: "AllowAccount",
    Effect: "Allow",
    Principal: { AWS: "arn:aws:iam::123456789012:root" },
    Action: INVOKE_ACTIONS,
    Resource: "*",
};

const runtime = (
    opts: { stack?: string; arn?: unknown; type?: string; name?: string; tags?: Record<string, string> } = {},
) =>
    recordedResource(
        opts.type ?? NATIVE_RUNTIME,
        opts.name ?? "rt",
        {
            agentRuntimeName: "support_agent_production",
            agentRuntimeArn: opts.arn ?? RUNTIME_ARN,
            tags: opts.tags ?? {},
        },
        { stack: opts.stack ?? "production", protect: true },
    );
/** A resource policy with these statements (or this whole `policy` value) on `resourceArn`. */
const policyOf = (
    statements: unknown[] | { policy: unknown },
    opts: { name?: string; type?: string; resourceArn?: unknown; dependencies?: string[] } = {},
) =>
    recordedResource(
        opts.type ?? NATIVE_POLICY,
        opts.name ?? "rp",
        {
            resourceArn: "resourceArn" in opts ? opts.resourceArn : RUNTIME_ARN,
            policy: Array.isArray(statements)
                ? JSON.stringify({ Version: "2012-10-17", Statement: statements })
                : statements.policy,
        },
        { stack: "production", dependencies: opts.dependencies ?? [] },
    );
const validate = (resources: RecordedResource[]) => {
    const found: { message: string; urn?: string }[] = [];
    (productionRuntimeVpcOnly as StackValidationPolicy).validateStack(stackArgs(resources), (message, urn) =>
        found.push({ message, urn }),
    );
    return found;
};
const messages = (resources: RecordedResource[]) => validate(resources).map((f) => f.message);
const failure = (found: string, subject = 'Runtime "rt"') =>
    `${subject} is a production runtime that ${found}, so any principal allowed by its own IAM policy (or any valid JWT) invokes it from anywhere: attach a resource policy with a Deny for Principal "*" on bedrock-agentcore:InvokeAgentRuntime, bedrock-agentcore:InvokeAgentRuntimeForUser, bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStream, bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStreamForUser, bedrock-agentcore:StopRuntimeSession, bedrock-agentcore:GetAgentCard under StringNotEqualsIfExists { aws:SourceVpc: <vpc>, aws:SourceVpce: <bedrock-agentcore endpoint> } (runtimes[i].access: vpc does this).`;
const NONE = "has no resource-based policy";
const noFence = (names: string) =>
    `has resource-based policies (${names}) none of which denies invocation from outside the VPC`;
/** The findings for the production runtime with one policy made of these statements. */
const judged = (...statements: unknown[]) => messages([runtime(), policyOf(statements)]);
const unfenced = [failure(noFence("rp"))];

describe("policy production-runtime-vpc-only-resource-policy: the fence statement", () => {
    it("passes the fence, blamed on nothing, whichever provider's policy resource carries it", () => {
        expect(judged(fence)).to.deep.equal([]);
        expect(judged(allowAccount, fence)).to.deep.equal([]);
        expect(messages([runtime(), policyOf([fence], { type: CLASSIC_POLICY })])).to.deep.equal([]);
        expect(messages([runtime({ type: CLASSIC_RUNTIME }), policyOf([fence])])).to.deep.equal([]);
    });

    it("fails a production runtime without a policy, blaming the runtime, in the words a user reads", () => {
        const rt = runtime();
        expect(validate([rt])).to.deep.equal([{ message: failure(NONE), urn: rt.urn }]);
        expect(messages([runtime({ type: CLASSIC_RUNTIME, name: "classic" })])).to.deep.equal([
            failure(NONE, 'AgentcoreAgentRuntime "classic"'),
        ]);
    });

    it("near miss on the effect: the same statement as an Allow is no fence", () => {
        expect(judged({ ...fence, Effect: "Allow" })).to.deep.equal(unfenced);
        expect(judged(allowAccount)).to.deep.equal(unfenced);
    });

    it('near misses on the principal: one role, or a service, is no fence; { AWS: "*" } is one', () => {
        expect(judged({ ...fence, Principal: { AWS: "arn:aws:iam::123456789012:role/caller" } })).to.deep.equal(
            unfenced,
        );
        expect(judged({ ...fence, Principal: { Service: "bedrock-agentcore.amazonaws.com" } })).to.deep.equal(unfenced);
        expect(judged({ ...fence, Principal: { AWS: "*" } })).to.deep.equal([]);
        expect(judged({ ...fence, Principal: { AWS: ["*"] } })).to.deep.equal([]);
    });

    it("near misses on the actions: NotAction, one action short, an unrelated action", () => {
        const rest = without(fence, "Action");
        expect(judged({ ...rest, NotAction: INVOKE_ACTIONS })).to.deep.equal(unfenced);
        expect(judged({ ...fence, Action: ["bedrock-agentcore:InvokeAgentRuntime"] })).to.deep.equal(unfenced);
        expect(judged({ ...fence, Action: INVOKE_ACTIONS.slice(1) })).to.deep.equal(unfenced);
        expect(judged({ ...fence, Action: ["s3:GetObject"] })).to.deep.equal(unfenced);
        expect(judged({ ...fence, Action: [] })).to.deep.equal(unfenced);
    });

    it("matches action patterns as IAM does: * and ? are wildcards, every other character (a dot) is literal, case is ignored", () => {
        expect(judged({ ...fence, Action: "bedrock-agentcore:*" })).to.deep.equal([]);
        expect(judged({ ...fence, Action: "*" })).to.deep.equal([]);
        expect(
            judged({
                ...fence,
                Action: [
                    "bedrock-agentcore:Invoke*",
                    "bedrock-agentcore:StopRuntimeSession",
                    "bedrock-agentcore:GetAgentCard",
                ],
            }),
        ).to.deep.equal([]);
        expect(judged({ ...fence, Action: INVOKE_ACTIONS.map((a) => `${a.slice(0, -1)}?`) })).to.deep.equal([]);
        expect(judged({ ...fence, Action: INVOKE_ACTIONS.map((a) => a.toUpperCase()) })).to.deep.equal([]);
        // Near misses: a dot is no wildcard, and a pattern matches the whole action, not a part.
        expect(
            judged({
                ...fence,
                Action: INVOKE_ACTIONS.map((a) => a.replace("bedrock-agentcore:", "bedrock-agentcore:.")),
            }),
        ).to.deep.equal(unfenced);
        expect(judged({ ...fence, Action: INVOKE_ACTIONS.map((a) => `${a.slice(0, -1)}.`) })).to.deep.equal(unfenced);
        expect(judged({ ...fence, Action: INVOKE_ACTIONS.map((a) => a.slice(0, -1)) })).to.deep.equal(unfenced);
        expect(judged({ ...fence, Action: INVOKE_ACTIONS.map((a) => `x${a}`) })).to.deep.equal(unfenced);
        expect(judged({ ...fence, Action: INVOKE_ACTIONS.map((a) => `${a}x`) })).to.deep.equal(unfenced);
        // A value that is not a string matches nothing and breaks nothing.
        expect(judged({ ...fence, Action: [...INVOKE_ACTIONS, 42] })).to.deep.equal([]);
    });

    it("resources: \"*\" or the runtime's exact ARN, anywhere in the list; another runtime's ARN, NotResource or none is no fence", () => {
        expect(judged({ ...fence, Resource: RUNTIME_ARN })).to.deep.equal([]);
        expect(judged({ ...fence, Resource: [OTHER_ARN, RUNTIME_ARN] })).to.deep.equal([]);
        expect(judged({ ...fence, Resource: [OTHER_ARN, "*"] })).to.deep.equal([]);
        expect(judged({ ...fence, Resource: OTHER_ARN })).to.deep.equal(unfenced);
        expect(judged({ ...fence, Resource: `${RUNTIME_ARN}*` })).to.deep.equal(unfenced);
        const rest = without(fence, "Resource");
        expect(judged(rest)).to.deep.equal(unfenced);
        expect(judged({ ...rest, NotResource: OTHER_ARN })).to.deep.equal(unfenced);
    });

    it("the condition: StringNotEquals(IfExists) on aws:SourceVpc and/or aws:SourceVpce, in any case", () => {
        expect(judged({ ...fence, Condition: { StringNotEquals: { "aws:SourceVpc": VPC } } })).to.deep.equal([]);
        expect(judged({ ...fence, Condition: { StringNotEqualsIfExists: { "aws:SourceVpce": VPCE } } })).to.deep.equal(
            [],
        );
        expect(
            judged({
                ...fence,
                Condition: {
                    StringNotEquals: { "aws:SourceVpc": VPC },
                    StringNotEqualsIfExists: { "aws:SourceVpce": VPCE },
                },
            }),
        ).to.deep.equal([]);
        expect(judged({ ...fence, Condition: { stringnotequalsifexists: { "AWS:SOURCEVPC": VPC } } })).to.deep.equal(
            [],
        );
    });

    it("near misses on the condition: none, empty, an empty block, StringEquals, another key beside or instead, another operator beside", () => {
        const rest = without(fence, "Condition");
        expect(judged(rest)).to.deep.equal(unfenced);
        expect(judged({ ...fence, Condition: {} })).to.deep.equal(unfenced);
        expect(judged({ ...fence, Condition: { StringNotEqualsIfExists: {} } })).to.deep.equal(unfenced);
        // A Deny under StringEquals on the VPC denies the VPC's own callers, not the others.
        expect(judged({ ...fence, Condition: { StringEquals: { "aws:SourceVpc": VPC } } })).to.deep.equal(unfenced);
        expect(
            judged({
                ...fence,
                Condition: { StringNotEqualsIfExists: { "aws:SourceVpc": VPC, "aws:SourceIp": "10.0.0.0/8" } },
            }),
        ).to.deep.equal(unfenced);
        expect(
            judged({ ...fence, Condition: { StringNotEqualsIfExists: { "aws:SourceIp": "10.0.0.0/8" } } }),
        ).to.deep.equal(unfenced);
        expect(
            judged({
                ...fence,
                Condition: { ...fence.Condition, Bool: { "aws:ViaAWSService": "false" } },
            }),
        ).to.deep.equal(unfenced);
        expect(
            judged({
                ...fence,
                Condition: { Bool: { "aws:ViaAWSService": "false" }, ...fence.Condition },
            }),
        ).to.deep.equal(unfenced);
    });
});

describe("policy production-runtime-vpc-only-resource-policy: which runtimes and which policies", () => {
    it("judges production by the stack or by the Environment tag, and leaves development alone", () => {
        expect(messages([runtime({ stack: "development" })])).to.deep.equal([]);
        expect(messages([runtime({ stack: "staging" })])).to.deep.equal([]);
        expect(messages([runtime({ stack: "development", tags: { Environment: "production" } })])).to.deep.equal([
            failure(NONE),
        ]);
    });

    it("judges every production runtime on its own, each blamed by its URN", () => {
        const fenced = runtime({ name: "fenced" });
        const bare = runtime({ name: "bare", arn: OTHER_ARN });
        expect(validate([fenced, bare, policyOf([fence])])).to.deep.equal([
            { message: failure(NONE, 'Runtime "bare"'), urn: bare.urn },
        ]);
    });

    it("counts only a policy on the runtime's ARN: a fence on another runtime, or on no runtime, is not its fence", () => {
        expect(messages([runtime(), policyOf([fence], { resourceArn: OTHER_ARN })])).to.deep.equal([failure(NONE)]);
        expect(messages([runtime(), policyOf([fence], { resourceArn: undefined })])).to.deep.equal([failure(NONE)]);
    });

    it("counts a policy by ARN without any dependency, and by dependency only while an ARN is unknown", () => {
        const rt = runtime({ arn: UNKNOWN_STRING });
        expect(
            messages([rt, policyOf([fence], { resourceArn: UNKNOWN_STRING, dependencies: [rt.urn] })]),
        ).to.deep.equal([]);
        expect(messages([rt, policyOf([fence], { resourceArn: RUNTIME_ARN, dependencies: [rt.urn] })])).to.deep.equal(
            [],
        );
        const known = runtime();
        expect(
            messages([known, policyOf([fence], { resourceArn: UNKNOWN_STRING, dependencies: [known.urn] })]),
        ).to.deep.equal([]);
        // Near misses: an unknown ARN without the dependency, or depending on something else, targets nothing.
        expect(messages([rt, policyOf([fence], { resourceArn: UNKNOWN_STRING })])).to.deep.equal([failure(NONE)]);
        const other = runtime({ name: "other", stack: "development", arn: OTHER_ARN });
        expect(
            messages([rt, other, policyOf([fence], { resourceArn: UNKNOWN_STRING, dependencies: [other.urn] })]),
        ).to.deep.equal([failure(NONE)]);
        // A policy depending on the runtime and on something else still targets it.
        expect(
            messages([
                rt,
                other,
                policyOf([fence], { resourceArn: UNKNOWN_STRING, dependencies: [other.urn, rt.urn] }),
            ]),
        ).to.deep.equal([]);
        // A known ARN is compared, whatever the dependencies say.
        expect(
            messages([known, policyOf([fence], { resourceArn: OTHER_ARN, dependencies: [known.urn] })]),
        ).to.deep.equal([failure(NONE)]);
    });

    it("reads only resource-policy types: another resource with a resourceArn and a fence is no policy", () => {
        const lookalike = recordedResource(
            "aws:xray/resourcePolicy:ResourcePolicy",
            "xray",
            { resourceArn: RUNTIME_ARN, policy: JSON.stringify({ Statement: [fence] }) },
            { stack: "production" },
        );
        expect(messages([runtime(), lookalike])).to.deep.equal([failure(NONE)]);
    });

    it("one fenced policy among several suffices; several without one are all named", () => {
        expect(
            messages([runtime(), policyOf([allowAccount], { name: "allow" }), policyOf([fence], { name: "deny" })]),
        ).to.deep.equal([]);
        expect(
            messages([runtime(), policyOf([fence], { name: "deny" }), policyOf([allowAccount], { name: "allow" })]),
        ).to.deep.equal([]);
        expect(
            messages([runtime(), policyOf([allowAccount], { name: "first" }), policyOf([], { name: "second" })]),
        ).to.deep.equal([failure(noFence("first, second"))]);
    });

    it("a document not known yet is judged at the update, even beside a known one without a fence", () => {
        expect(messages([runtime(), policyOf({ policy: UNKNOWN_STRING })])).to.deep.equal([]);
        expect(
            messages([runtime(), policyOf([allowAccount], { name: "allow" }), policyOf({ policy: UNKNOWN_STRING })]),
        ).to.deep.equal([]);
        expect(
            messages([runtime(), policyOf({ policy: { Version: "2012-10-17", Statement: UNKNOWN_OBJECT } })]),
        ).to.deep.equal([]);
    });

    it("a document that is not JSON, or none, fences nothing", () => {
        expect(messages([runtime(), policyOf({ policy: "{not json" })])).to.deep.equal(unfenced);
        expect(messages([runtime(), policyOf({ policy: undefined })])).to.deep.equal(unfenced);
        expect(
            messages([runtime(), policyOf({ policy: { Version: "2012-10-17", Statement: [fence] } })]),
        ).to.deep.equal([]);
    });
});
