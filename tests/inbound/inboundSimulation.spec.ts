/**
 * Proof by simulation: the generated runtime resource policies, VPC endpoint policies and the
 * deployer guardrail, evaluated by a real IAM policy evaluator (@cloud-copilot/iam-simulate),
 * the way AWS combines identity, resource and VPC endpoint policies. IDs and ARNs are literals.
 *
 * What the evaluator cannot model, and what stands in for it:
 * - AgentCore's hierarchical check (runtime AND endpoint policy) is two simulations, one per
 *   resource, both of which must allow;
 * - a JWT caller is not an IAM principal; the evaluator's anonymous principal stands for it
 *   (it matches only `Principal: "*"` statements, exactly like a JWT caller);
 * - the request context AWS would fill in (aws:SourceVpc, aws:SourceVpce, aws:PrincipalAccount,
 *   aws:ResourceAccount, aws:PrincipalServiceName) is given explicitly per request.
 */
import { expect } from "chai";
import { anonymousPrincipal, runSimulation, Simulation } from "@cloud-copilot/iam-simulate";
import { simulate } from "../iamSimulation";
import { deployerGuardrailDocument } from "../../src/security/deployerGuardrail";
import { endpointPolicy } from "../../src/network/vpcEndpointPolicies";
import { runtimeAccessPolicy } from "../../src/inbound/resourcePolicy";
import { INVOKE_ACTIONS } from "./requirements";

const ACCOUNT = "123456789012";
const OTHER = "210987654321";
const VPC = "vpc-0a1b2c3d4e5f60718";
const VPCE = "vpce-0aaaabbbbccccdddd";
const OTHER_VPC = "vpc-0fedcba9876543210";
const OTHER_VPCE = "vpce-0eeeeffff00001111";
const RUNTIME = `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:runtime/support_agent_production-AbCdEfGhIj`;
const ENDPOINT = `${RUNTIME}/runtime-endpoint/live`;
const OTHER_RUNTIME = `arn:aws:bedrock-agentcore:us-east-1:${OTHER}:runtime/exfil_agent-KlMnOpQrSt`;
const CALLER = `arn:aws:iam::${ACCOUNT}:role/support-portal`;
const PARTNER = `arn:aws:iam::${OTHER}:role/partner-portal`;
const STRANGER = `arn:aws:iam::${OTHER}:role/someone-else`;
const MODEL = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0";

const ctx = { partition: "aws", region: "us-east-1", accountId: ACCOUNT };
const endpointInput = {
    ...ctx,
    modelArns: [MODEL],
    imageUris: [`${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent:1.4.2`],
    codeBucketArns: [],
};
const sigv4Policy = runtimeAccessPolicy({
    ...ctx,
    resourceArn: RUNTIME,
    vpcId: VPC,
    agentcoreEndpointId: VPCE,
    authentication: "sigv4",
    allowedPrincipals: [PARTNER],
});
const sigv4EndpointPolicy = runtimeAccessPolicy({
    ...ctx,
    resourceArn: ENDPOINT,
    vpcId: VPC,
    agentcoreEndpointId: VPCE,
    authentication: "sigv4",
    allowedPrincipals: [PARTNER],
});
const jwtPolicy = runtimeAccessPolicy({
    ...ctx,
    resourceArn: RUNTIME,
    vpcId: VPC,
    agentcoreEndpointId: VPCE,
    authentication: "jwt",
    allowedPrincipals: [],
});

/** An identity policy that allows everything: the fence must hold against the broadest caller. */
const adminIdentity = [
    { name: "admin", policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] } },
];

/** The request context AWS fills in for a call from the stack's VPC through its bedrock-agentcore endpoint. */
const fromStackEndpoint = { "aws:SourceVpc": VPC, "aws:SourceVpce": VPCE };
/** From the stack's VPC, without the endpoint's ID (the owning stack's endpoint, another endpoint in the VPC). */
const fromStackVpc = { "aws:SourceVpc": VPC };
/** A call over the public endpoint carries neither key. */
const fromPublicEndpoint = {};
const fromOtherVpc = { "aws:SourceVpc": OTHER_VPC, "aws:SourceVpce": OTHER_VPCE };

type Principal = string | typeof anonymousPrincipal;
type Context = Record<string, string | string[]>;

interface Request {
    readonly principal: Principal;
    readonly action: string;
    readonly resource: string;
    readonly resourceAccount?: string;
    readonly context?: Context;
    readonly resourcePolicy?: unknown;
    /** Policies of the endpoints the request passes through; none for the public endpoint. */
    readonly endpointPolicies?: unknown[];
    readonly identity?: Simulation["identityPolicies"];
}

async function decide(r: Request): Promise<string> {
    const anonymous = typeof r.principal !== "string";
    return simulate({
        ...r,
        resourceAccount: r.resourceAccount ?? ACCOUNT,
        identity: anonymous ? [] : (r.identity ?? adminIdentity).map((p) => p.policy),
    });
}

const agentcoreEndpoint = endpointPolicy("bedrock-agentcore", endpointInput);
const invoke = "bedrock-agentcore:InvokeAgentRuntime";
/** The request passes through the stack's bedrock-agentcore endpoint, under its policy. */
const viaAgentcoreEndpoint = { endpointPolicies: [agentcoreEndpoint] };

/**
 * Decides a caller's request, from an origin, to `resource` under its resource policy: an
 * InvokeAgentRuntime unless `more` names another action. `rest` is what every request sets.
 */
function requestsTo(resource: string, resourcePolicy: unknown, rest: Partial<Request> = {}) {
    return (principal: Principal, context: Context, more: Partial<Request> = {}) =>
        decide({ principal, action: invoke, resource, context, resourcePolicy, ...rest, ...more });
}

/** Decides a request through one of the stack's endpoints, under that endpoint's policy. */
function through(policy: unknown, context: Context = fromStackEndpoint) {
    return (principal: Principal, action: string, resource: string, more: Partial<Request> = {}) =>
        decide({ principal, action, resource, context, endpointPolicies: [policy], ...more });
}

describe("inbound simulation: runtime resource policy (SigV4 runtime)", () => {
    const sigv4 = requestsTo(RUNTIME, sigv4Policy);

    it("allows this account's caller invoking through the stack's bedrock-agentcore endpoint", async () => {
        expect(await sigv4(CALLER, fromStackEndpoint, viaAgentcoreEndpoint)).to.equal("Allowed");
    });

    it("allows the same call on the version-pinned endpoint resource too, under the endpoint's own policy (hierarchical check)", async () => {
        const pinned = requestsTo(ENDPOINT, sigv4EndpointPolicy);
        expect(await pinned(CALLER, fromStackEndpoint, viaAgentcoreEndpoint)).to.equal("Allowed");
        expect(await pinned(CALLER, fromPublicEndpoint)).to.equal("ExplicitlyDenied");
    });

    it('names the exact ARN it is attached to in every statement, as AWS\'s examples do (no Resource "*")', () => {
        expect(sigv4Policy.Statement.map((st) => st.Resource)).to.deep.equal([
            "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/support_agent_production-AbCdEfGhIj",
            "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/support_agent_production-AbCdEfGhIj",
        ]);
        expect(sigv4EndpointPolicy.Statement.map((st) => st.Resource)).to.deep.equal([
            "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/support_agent_production-AbCdEfGhIj/runtime-endpoint/live",
            "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/support_agent_production-AbCdEfGhIj/runtime-endpoint/live",
        ]);
    });

    it("explicitly denies the same caller over the public endpoint, even with an admin identity policy", async () => {
        expect(await sigv4(CALLER, fromPublicEndpoint)).to.equal("ExplicitlyDenied");
    });

    it("explicitly denies the same caller from another VPC through that VPC's endpoint", async () => {
        expect(await sigv4(CALLER, fromOtherVpc)).to.equal("ExplicitlyDenied");
    });

    it("admits a request that carries only the stack's VPC, or only the stack's endpoint (either origin suffices)", async () => {
        expect(await sigv4(CALLER, fromStackVpc)).to.equal("Allowed");
        expect(await sigv4(CALLER, { "aws:SourceVpce": VPCE })).to.equal("Allowed");
    });

    it("plain StringNotEquals (which the pack also accepts as a fence) denies an absent key just like …IfExists", async () => {
        const plain = requestsTo(RUNTIME, {
            ...sigv4Policy,
            Statement: sigv4Policy.Statement.map((s) =>
                s.Effect === "Deny"
                    ? { ...s, Condition: { StringNotEquals: s.Condition?.StringNotEqualsIfExists ?? {} } }
                    : s,
            ),
        });
        expect(await plain(CALLER, fromPublicEndpoint)).to.equal("ExplicitlyDenied");
        expect(await plain(CALLER, { "aws:SourceVpce": VPCE })).to.equal("Allowed");
    });

    it("near miss: a look-alike VPC ID one character off is denied", async () => {
        expect(await sigv4(CALLER, { "aws:SourceVpc": "vpc-0a1b2c3d4e5f60719" })).to.equal("ExplicitlyDenied");
    });

    it("denies every documented invocation action from outside, not only InvokeAgentRuntime", async () => {
        for (const action of INVOKE_ACTIONS) {
            expect(await sigv4(CALLER, fromPublicEndpoint, { action }), action).to.equal("ExplicitlyDenied");
        }
    });

    it("leaves management to IAM: the deployer outside the VPC may still update the runtime", async () => {
        const update = { action: "bedrock-agentcore:UpdateAgentRuntime" };
        expect(await sigv4(CALLER, fromPublicEndpoint, update)).to.equal("Allowed");
    });

    it("allows a configured principal of another account from the VPC, and no other principal of that account", async () => {
        const identity = [
            {
                name: "invoke",
                policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: invoke, Resource: "*" }] },
            },
        ];
        expect(await sigv4(PARTNER, fromStackVpc, { identity })).to.equal("Allowed");
        expect(await sigv4(STRANGER, fromStackVpc, { identity })).to.equal("ImplicitlyDenied");
        expect(await sigv4(PARTNER, fromPublicEndpoint, { identity })).to.equal("ExplicitlyDenied");
    });
});

describe("inbound simulation: runtime resource policy (JWT runtime)", () => {
    const jwt = requestsTo(RUNTIME, jwtPolicy);

    it("allows a JWT caller (no IAM principal) through the stack's endpoint", async () => {
        expect(await jwt(anonymousPrincipal, fromStackEndpoint, viaAgentcoreEndpoint)).to.equal("Allowed");
    });

    it("explicitly denies a JWT caller from outside the VPC", async () => {
        expect(await jwt(anonymousPrincipal, fromPublicEndpoint)).to.equal("ExplicitlyDenied");
        expect(await jwt(anonymousPrincipal, fromOtherVpc)).to.equal("ExplicitlyDenied");
    });

    it("explicitly denies an IAM caller of this account from outside the VPC too", async () => {
        expect(await jwt(CALLER, fromPublicEndpoint)).to.equal("ExplicitlyDenied");
    });

    it("admits the same origins the Deny admits: the stack's VPC alone, or the stack's endpoint alone", async () => {
        expect(await jwt(anonymousPrincipal, fromStackVpc)).to.equal("Allowed");
        expect(await jwt(anonymousPrincipal, { "aws:SourceVpce": VPCE })).to.equal("Allowed");
        // Near miss: another endpoint in another VPC matches neither origin.
        expect(await jwt(anonymousPrincipal, { "aws:SourceVpce": OTHER_VPCE })).to.equal("ExplicitlyDenied");
    });

    it("has one Allow per origin, keyed exactly like the Deny", () => {
        expect(jwtPolicy.Statement.map((st) => [st.Sid, st.Effect, st.Condition])).to.deep.equal([
            [
                "DenyInvokeFromOutsideStackVpc",
                "Deny",
                {
                    StringNotEqualsIfExists: {
                        "aws:SourceVpc": "vpc-0a1b2c3d4e5f60718",
                        "aws:SourceVpce": "vpce-0aaaabbbbccccdddd",
                    },
                },
            ],
            ["AllowJwtCallersFromStackVpc", "Allow", { StringEquals: { "aws:SourceVpc": "vpc-0a1b2c3d4e5f60718" } }],
            [
                "AllowJwtCallersThroughStackEndpoint",
                "Allow",
                { StringEquals: { "aws:SourceVpce": "vpce-0aaaabbbbccccdddd" } },
            ],
        ]);
        const vpcOnlyJwt = runtimeAccessPolicy({
            ...ctx,
            resourceArn: RUNTIME,
            vpcId: VPC,
            authentication: "jwt",
            allowedPrincipals: [],
        });
        expect(vpcOnlyJwt.Statement.map((st) => st.Sid)).to.deep.equal([
            "DenyInvokeFromOutsideStackVpc",
            "AllowJwtCallersFromStackVpc",
        ]);
    });
});

describe("inbound simulation: a fence without the stack's endpoint (createEndpoints false)", () => {
    const vpcOnly = runtimeAccessPolicy({
        ...ctx,
        resourceArn: RUNTIME,
        vpcId: VPC,
        authentication: "sigv4",
        allowedPrincipals: [],
    });

    it("admits the VPC (the owning stack's endpoint carries it) and denies everything else", async () => {
        const fence = requestsTo(RUNTIME, vpcOnly);
        expect(await fence(CALLER, { "aws:SourceVpc": VPC, "aws:SourceVpce": OTHER_VPCE })).to.equal("Allowed");
        expect(await fence(CALLER, fromOtherVpc)).to.equal("ExplicitlyDenied");
        expect(await fence(CALLER, fromPublicEndpoint)).to.equal("ExplicitlyDenied");
    });
});

describe("inbound simulation: the stack's endpoints cannot reach other accounts", () => {
    const openRuntimePolicy = {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: "*", Action: "bedrock-agentcore:*", Resource: "*" }],
    };
    const otherRuntime = requestsTo(OTHER_RUNTIME, openRuntimePolicy, {
        resourceAccount: OTHER,
        ...viaAgentcoreEndpoint,
    });
    const agentcore = through(agentcoreEndpoint);

    it("denies invoking another account's runtime through the bedrock-agentcore endpoint, with this account's or that account's credentials", async () => {
        for (const principal of [CALLER, STRANGER]) {
            expect(await otherRuntime(principal, fromStackEndpoint), principal).to.equal("ImplicitlyDenied");
        }
    });

    it("denies a JWT caller reaching another account's runtime through the endpoint", async () => {
        expect(await otherRuntime(anonymousPrincipal, fromStackEndpoint)).to.equal("ImplicitlyDenied");
    });

    it("the endpoint's any-caller statement rests on the Resource ARN: with or without aws:ResourceAccount in the request, only this account's runtimes pass", async () => {
        const jwtCall = (resource: string, context: Record<string, string>) =>
            runSimulation(
                {
                    request: {
                        principal: anonymousPrincipal,
                        action: invoke,
                        resource: { resource, accountId: resource.split(":")[4] },
                        contextVariables: { ...fromStackEndpoint, ...context },
                    },
                    identityPolicies: [],
                    serviceControlPolicies: [],
                    resourceControlPolicies: [],
                    resourcePolicy: {
                        Version: "2012-10-17",
                        Statement: [{ Effect: "Allow", Principal: "*", Action: invoke, Resource: "*" }],
                    },
                    vpcEndpointPolicies: [{ name: "agentcore", policy: agentcoreEndpoint }],
                },
                {},
            ).then((r) => (r.resultType === "error" ? JSON.stringify(r.errors) : r.overallResult));
        expect(await jwtCall(RUNTIME, {})).to.equal("Allowed");
        expect(await jwtCall(RUNTIME, { "aws:ResourceAccount": ACCOUNT })).to.equal("Allowed");
        expect(await jwtCall(OTHER_RUNTIME, {})).to.equal("ImplicitlyDenied");
        expect(await jwtCall(OTHER_RUNTIME, { "aws:ResourceAccount": OTHER })).to.equal("ImplicitlyDenied");
    });

    it("lets this account's callers use its other AgentCore resources (memory) but not another account's", async () => {
        const memory = (account: string) =>
            `arn:aws:bedrock-agentcore:us-east-1:${account}:memory/support_memory-AbCdEfGhIj`;
        const open = { resourceAccount: OTHER, resourcePolicy: openRuntimePolicy };
        expect(await agentcore(CALLER, "bedrock-agentcore:CreateEvent", memory(ACCOUNT))).to.equal("Allowed");
        expect(await agentcore(CALLER, "bedrock-agentcore:CreateEvent", memory(OTHER), open)).to.equal(
            "ImplicitlyDenied",
        );
    });

    it("with organizationId, a caller of another account in the organization uses the endpoint; one outside it does not", async () => {
        const orgPolicy = endpointPolicy("bedrock-agentcore", { ...endpointInput, organizationId: "o-a1b2c3d4e5" });
        const memory = `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:memory/support_memory-AbCdEfGhIj`;
        const memoryPolicy = {
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { AWS: `arn:aws:iam::${OTHER}:root` },
                    Action: "bedrock-agentcore:*",
                    Resource: "*",
                },
            ],
        };
        const request = (orgId: string) => ({
            principal: STRANGER,
            action: "bedrock-agentcore:CreateEvent",
            resource: memory,
            context: { ...fromStackEndpoint, "aws:PrincipalOrgID": orgId },
            resourcePolicy: memoryPolicy,
        });
        expect(await decide({ ...request("o-a1b2c3d4e5"), endpointPolicies: [orgPolicy] })).to.equal("Allowed");
        expect(await decide({ ...request("o-zzzzzzzzzz"), endpointPolicies: [orgPolicy] })).to.equal(
            "ImplicitlyDenied",
        );
        expect(await decide({ ...request("o-a1b2c3d4e5"), endpointPolicies: [agentcoreEndpoint] })).to.equal(
            "ImplicitlyDenied",
        );
    });

    it("pulls this account's image through ecr.dkr, and nothing from another account's repository", async () => {
        const ecr = through(endpointPolicy("ecr.dkr", endpointInput));
        const repo = (account: string, name: string) => `arn:aws:ecr:us-east-1:${account}:repository/${name}`;
        const openRepo = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "ecr:*" }] };
        const open = { resourceAccount: OTHER, resourcePolicy: openRepo };
        expect(await ecr(CALLER, "ecr:BatchGetImage", repo(ACCOUNT, "agents/support-agent"))).to.equal("Allowed");
        expect(await ecr(CALLER, "ecr:BatchGetImage", repo(OTHER, "public-tools"), open)).to.equal("ImplicitlyDenied");
        expect(await ecr(STRANGER, "ecr:PutImage", repo(OTHER, "drop-box"), open)).to.equal("ImplicitlyDenied");
    });

    it("near miss: pushing into this account's own repository through the endpoint is denied (read only)", async () => {
        const ecrApi = through(endpointPolicy("ecr.api", endpointInput));
        const repository = `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/agents/support-agent`;
        expect(await ecrApi(CALLER, "ecr:PutImage", repository)).to.equal("ImplicitlyDenied");
    });

    it("reads ECR's layer bucket through the S3 gateway endpoint, and no other bucket", async () => {
        const s3 = through(endpointPolicy("s3", endpointInput), {
            "aws:SourceVpc": VPC,
            "aws:SourceVpce": "vpce-0s3gateway000000",
        });
        const exfil = {
            resourceAccount: OTHER,
            resourcePolicy: {
                Version: "2012-10-17",
                Statement: [
                    {
                        Effect: "Allow",
                        Principal: "*",
                        Action: "s3:*",
                        Resource: ["arn:aws:s3:::exfil-bucket", "arn:aws:s3:::exfil-bucket/*"],
                    },
                ],
            },
        };
        const layer = "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/sha256/layer";
        expect(await s3(CALLER, "s3:GetObject", layer)).to.equal("Allowed");
        expect(await s3(CALLER, "s3:GetObject", "arn:aws:s3:::exfil-bucket/loot", exfil)).to.equal("ImplicitlyDenied");
        expect(await s3(CALLER, "s3:PutObject", "arn:aws:s3:::exfil-bucket/loot", exfil)).to.equal("ImplicitlyDenied");
        // Near miss: the layer bucket of another region is not ECR's bucket for this stack.
        const otherRegionLayer = "arn:aws:s3:::prod-us-west-2-starport-layer-bucket/sha256/layer";
        expect(await s3(CALLER, "s3:GetObject", otherRegionLayer)).to.equal("ImplicitlyDenied");
        // Near miss: nothing can be written to the layer bucket.
        expect(await s3(CALLER, "s3:PutObject", layer)).to.equal("ImplicitlyDenied");
    });

    it("reads the stack's code bucket only when given, and only for this account", async () => {
        const withCode = endpointPolicy("s3", {
            ...endpointInput,
            codeBucketArns: ["arn:aws:s3:::agentcore-code-production-123456789012"],
        });
        const object = "arn:aws:s3:::agentcore-code-production-123456789012/support_agent/bundle.zip";
        const read = (policy: unknown) =>
            decide({ principal: CALLER, action: "s3:GetObject", resource: object, endpointPolicies: [policy] });
        expect(await read(withCode)).to.equal("Allowed");
        expect(await read(endpointPolicy("s3", endpointInput))).to.equal("ImplicitlyDenied");
    });

    it("writes logs of this account only", async () => {
        const logs = through(endpointPolicy("logs", endpointInput));
        const group = (account: string) =>
            `arn:aws:logs:us-east-1:${account}:log-group:/aws/bedrock-agentcore/runtimes/support_agent_production-AbCdEfGhIj-DEFAULT:log-stream:s1`;
        expect(await logs(CALLER, "logs:PutLogEvents", group(ACCOUNT))).to.equal("Allowed");
        expect(await logs(STRANGER, "logs:PutLogEvents", group(OTHER), { resourceAccount: OTHER })).to.equal(
            "ImplicitlyDenied",
        );
    });

    it("invokes the configured model through bedrock-runtime, and no other", async () => {
        const bedrock = through(endpointPolicy("bedrock-runtime", endpointInput));
        const otherModel = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1";
        expect(await bedrock(CALLER, "bedrock:InvokeModel", MODEL)).to.equal("Allowed");
        expect(await bedrock(CALLER, "bedrock:InvokeModel", otherModel)).to.equal("ImplicitlyDenied");
    });

    it("lets only this account's callers use any other endpoint (sts)", async () => {
        const sts = through(endpointPolicy("sts", endpointInput));
        const role = (account: string) => `arn:aws:iam::${account}:role/worker`;
        const trust = (account: string) => ({
            Version: "2012-10-17",
            Statement: [
                { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "sts:AssumeRole" },
            ],
        });
        expect(await sts(CALLER, "sts:AssumeRole", role(ACCOUNT), { resourcePolicy: trust(ACCOUNT) })).to.equal(
            "Allowed",
        );
        const otherAccount = { resourceAccount: OTHER, resourcePolicy: trust(OTHER) };
        expect(await sts(STRANGER, "sts:AssumeRole", role(OTHER), otherAccount)).to.equal("ImplicitlyDenied");
    });
});

describe("inbound simulation: deployer guardrail", () => {
    const guardrail = deployerGuardrailDocument({
        subnetIds: ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
        securityGroupIds: ["sg-0123456789abcdef0"],
    });
    const deployer = `arn:aws:iam::${ACCOUNT}:role/deployer`;
    const identity = [...adminIdentity, { name: "guardrail", policy: guardrail }];
    /** CreateAgentRuntime with these subnets and security groups in the request; an omitted list is absent. */
    const create = (subnets?: string[], securityGroups?: string[]) =>
        decide({
            principal: deployer,
            action: "bedrock-agentcore:CreateAgentRuntime",
            resource: "*",
            context: {
                ...(subnets ? { "bedrock-agentcore:subnets": subnets } : {}),
                ...(securityGroups ? { "bedrock-agentcore:securityGroups": securityGroups } : {}),
            },
            identity,
        });

    it("allows a runtime in the stack's subnets and security group", async () => {
        expect(
            await create(["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"], ["sg-0123456789abcdef0"]),
        ).to.equal("Allowed");
        expect(await create(["subnet-0a1b2c3d4e5f60718"], ["sg-0123456789abcdef0"])).to.equal("Allowed");
    });

    it("denies one foreign subnet or security group among the stack's", async () => {
        expect(
            await create(["subnet-0a1b2c3d4e5f60718", "subnet-0bad0bad0bad0bad0"], ["sg-0123456789abcdef0"]),
        ).to.equal("ExplicitlyDenied");
        expect(await create(["subnet-0a1b2c3d4e5f60718"], ["sg-0123456789abcdef0", "sg-0bad0bad0bad0bad0"])).to.equal(
            "ExplicitlyDenied",
        );
    });

    it("denies a runtime without subnets or without security groups (a PUBLIC runtime sends neither)", async () => {
        expect(await create(undefined, ["sg-0123456789abcdef0"])).to.equal("ExplicitlyDenied");
        expect(await create(["subnet-0a1b2c3d4e5f60718"])).to.equal("ExplicitlyDenied");
        expect(await create()).to.equal("ExplicitlyDenied");
    });
});
