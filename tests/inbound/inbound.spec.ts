/**
 * Private inbound, as the program builds it: the access config and its errors, the resource
 * policies on every runtime and endpoint (both providers), the policies on every VPC
 * endpoint, and the deployer guardrail output. Expected values are literals.
 */
import { expect } from "chai";
import { ConfigValidationError, validateConfig } from "../../src/config";
import { ProgramRun, ofType, rawStack, runComponent, runStackOnce } from "../helpers";
import { RuntimeInboundAccess } from "../../src/inbound/inboundAccess";
import { XRAY_WRITES } from "../aws/unscopableActions";
import { INVOKE_ACTIONS } from "./requirements";
import { pinnedRuntime, problemsOf } from "../config/overrides";

const jwt = {
    discoveryUrl: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123/.well-known/openid-configuration",
    allowedClients: ["c"],
};
const NATIVE_POLICY = "aws-native:bedrockagentcore:ResourcePolicy";
const CLASSIC_POLICY = "aws:bedrock/agentcoreResourcePolicy:AgentcoreResourcePolicy";

describe("inbound config: runtimes[i].access and allowedPrincipals", () => {
    it("defaults to vpc with no extra principals, in every stack file", () => {
        for (const stack of ["development", "staging", "production"]) {
            const config = validateConfig(rawStack(stack));
            expect(config.runtimes.map((r) => [r.access, r.allowedPrincipals])).to.deep.equal([["vpc", []]]);
        }
    });

    it("accepts iam outside production, and principals on a SigV4 vpc runtime", () => {
        expect(
            validateConfig(rawStack("development", { runtimes: pinnedRuntime({ access: "iam" }) })).runtimes[0].access,
        ).to.equal("iam");
        const principals = [
            "arn:aws:iam::210987654321:role/support-portal",
            "arn:aws:iam::210987654321:user/ops",
            "arn:aws:iam::210987654321:root",
            "arn:aws-us-gov:iam::210987654321:role/path/to/app",
        ];
        expect(
            validateConfig(rawStack("development", { runtimes: pinnedRuntime({ allowedPrincipals: principals }) }))
                .runtimes[0].allowedPrincipals,
        ).to.deep.equal(principals);
    });

    const cases: [string, string, Record<string, unknown>, string][] = [
        [
            "development",
            "unknown access mode",
            { runtimes: pinnedRuntime({ access: "public" }) },
            `runtimes[0].access "public" is invalid: one of vpc, iam: vpc allows invocation only from the stack's VPC (a resource-based policy on the runtime), iam leaves the runtime reachable from anywhere by IAM alone (e.g. "vpc")`,
        ],
        [
            "development",
            "access in capitals (near miss)",
            { runtimes: pinnedRuntime({ access: "VPC" }) },
            `runtimes[0].access "VPC" is invalid: one of vpc, iam: vpc allows invocation only from the stack's VPC (a resource-based policy on the runtime), iam leaves the runtime reachable from anywhere by IAM alone (e.g. "vpc")`,
        ],
        [
            "production",
            "iam in production",
            { runtimes: pinnedRuntime({ access: "iam" }) },
            `runtimes[0].access "iam" is invalid: vpc in production: without the runtime's resource-based policy any principal with InvokeAgentRuntime rights (or any valid JWT) reaches it from outside the VPC (e.g. "vpc")`,
        ],
        [
            "development",
            "principal ARN with a wildcard",
            { runtimes: pinnedRuntime({ allowedPrincipals: ["arn:aws:iam::210987654321:role/*"] }) },
            `runtimes[0].allowedPrincipals[0] "arn:aws:iam::210987654321:role/*" is invalid: an IAM role, user or account ARN without wildcards (arn:aws:iam::<12 digits>:role/<name>, :user/<name> or :root) (e.g. "arn:aws:iam::210987654321:role/support-portal")`,
        ],
        [
            "development",
            "principal with an 11-digit account (near miss)",
            { runtimes: pinnedRuntime({ allowedPrincipals: ["arn:aws:iam::21098765432:root"] }) },
            `runtimes[0].allowedPrincipals[0] "arn:aws:iam::21098765432:root" is invalid: an IAM role, user or account ARN without wildcards (arn:aws:iam::<12 digits>:role/<name>, :user/<name> or :root) (e.g. "arn:aws:iam::210987654321:role/support-portal")`,
        ],
        [
            "development",
            "a bare account ID",
            { runtimes: pinnedRuntime({ allowedPrincipals: ["210987654321"] }) },
            `runtimes[0].allowedPrincipals[0] "210987654321" is invalid: an IAM role, user or account ARN without wildcards (arn:aws:iam::<12 digits>:role/<name>, :user/<name> or :root) (e.g. "arn:aws:iam::210987654321:role/support-portal")`,
        ],
        [
            "development",
            "an STS session ARN",
            { runtimes: pinnedRuntime({ allowedPrincipals: ["arn:aws:sts::210987654321:assumed-role/app/session"] }) },
            `runtimes[0].allowedPrincipals[0] "arn:aws:sts::210987654321:assumed-role/app/session" is invalid: an IAM role, user or account ARN without wildcards (arn:aws:iam::<12 digits>:role/<name>, :user/<name> or :root) (e.g. "arn:aws:iam::210987654321:role/support-portal")`,
        ],
        [
            "development",
            "the same principal twice",
            {
                runtimes: pinnedRuntime({
                    allowedPrincipals: ["arn:aws:iam::210987654321:root", "arn:aws:iam::210987654321:root"],
                }),
            },
            `runtimes[0].allowedPrincipals[1] "arn:aws:iam::210987654321:root" is invalid: a principal not already listed (e.g. "arn:aws:iam::210987654321:role/support-portal")`,
        ],
        [
            "development",
            "principals not a list",
            { runtimes: pinnedRuntime({ allowedPrincipals: "arn:aws:iam::210987654321:root" }) },
            `runtimes[0].allowedPrincipals "arn:aws:iam::210987654321:root" is invalid: a list of IAM role, user or account (root) ARNs (e.g. ["arn:aws:iam::210987654321:role/support-portal"])`,
        ],
        [
            "development",
            "principals on a JWT runtime",
            { runtimes: pinnedRuntime({ authorizer: jwt, allowedPrincipals: ["arn:aws:iam::210987654321:root"] }) },
            `runtimes[0].allowedPrincipals ["arn:aws:iam::210987654321:root"] is invalid: no principals on a runtime with an authorizer: its callers present JWTs, not IAM identities, so the resource policy admits them by network origin only (e.g. omit allowedPrincipals, or remove authorizer)`,
        ],
        [
            "development",
            "principals with access iam",
            { runtimes: pinnedRuntime({ access: "iam", allowedPrincipals: ["arn:aws:iam::210987654321:root"] }) },
            `runtimes[0].allowedPrincipals ["arn:aws:iam::210987654321:root"] is invalid: no principals with access iam: there is no resource policy to name them in (use access vpc) (e.g. access: "vpc", allowedPrincipals: ["arn:aws:iam::210987654321:role/support-portal"])`,
        ],
    ];
    for (const [stack, title, overrides, message] of cases) {
        it(title, () => {
            expect(problemsOf(stack, overrides)).to.deep.equal([message]);
        });
    }

    it("near misses: iam in staging passes, an empty list passes, a role name of 512 characters passes and 513 fails", () => {
        expect(
            validateConfig(rawStack("staging", { runtimes: pinnedRuntime({ access: "iam" }) })).runtimes[0].access,
        ).to.equal("iam");
        expect(problemsOf("development", { runtimes: pinnedRuntime({ allowedPrincipals: [] }) })).to.deep.equal([]);
        const role = (name: string) => `arn:aws:iam::210987654321:role/${name}`;
        expect(
            problemsOf("development", { runtimes: pinnedRuntime({ allowedPrincipals: [role("r".repeat(512))] }) }),
        ).to.deep.equal([]);
        expect(
            problemsOf("development", { runtimes: pinnedRuntime({ allowedPrincipals: [role("r".repeat(513))] }) }),
        ).to.deep.equal([
            `runtimes[0].allowedPrincipals[0] "${role("r".repeat(513))}" is invalid: an IAM role, user or account ARN without wildcards (arn:aws:iam::<12 digits>:role/<name>, :user/<name> or :root) (e.g. "arn:aws:iam::210987654321:role/support-portal")`,
        ]);
    });

    it("access that is no text, and an empty list on a JWT runtime, are refused", () => {
        expect(problemsOf("development", { runtimes: pinnedRuntime({ access: null }) })).to.deep.equal([
            `runtimes[0].access null is invalid: one of vpc, iam: vpc allows invocation only from the stack's VPC (a resource-based policy on the runtime), iam leaves the runtime reachable from anywhere by IAM alone (e.g. "vpc")`,
        ]);
        expect(
            problemsOf("development", { runtimes: pinnedRuntime({ authorizer: jwt, allowedPrincipals: [] }) }),
        ).to.deep.equal([
            `runtimes[0].allowedPrincipals [] is invalid: no principals on a runtime with an authorizer: its callers present JWTs, not IAM identities, so the resource policy admits them by network origin only (e.g. omit allowedPrincipals, or remove authorizer)`,
        ]);
    });

    it("with an authorizer the list is refused as a whole, its items unread; with access iam its items are read too", () => {
        expect(
            problemsOf("development", { runtimes: pinnedRuntime({ authorizer: jwt, allowedPrincipals: ["nope"] }) }),
        ).to.deep.equal([
            `runtimes[0].allowedPrincipals ["nope"] is invalid: no principals on a runtime with an authorizer: its callers present JWTs, not IAM identities, so the resource policy admits them by network origin only (e.g. omit allowedPrincipals, or remove authorizer)`,
        ]);
        expect(
            problemsOf("development", { runtimes: pinnedRuntime({ access: "iam", allowedPrincipals: ["nope"] }) }),
        ).to.deep.equal([
            `runtimes[0].allowedPrincipals[0] "nope" is invalid: an IAM role, user or account ARN without wildcards (arn:aws:iam::<12 digits>:role/<name>, :user/<name> or :root) (e.g. "arn:aws:iam::210987654321:role/support-portal")`,
            `runtimes[0].allowedPrincipals ["nope"] is invalid: no principals with access iam: there is no resource policy to name them in (use access vpc) (e.g. access: "vpc", allowedPrincipals: ["arn:aws:iam::210987654321:role/support-portal"])`,
        ]);
    });

    it("organizationId: an Organizations ID or nothing", () => {
        expect(validateConfig(rawStack("production", { organizationId: "o-a1b2c3d4e5" })).organizationId).to.equal(
            "o-a1b2c3d4e5",
        );
        expect(validateConfig(rawStack("production")).organizationId).to.equal(undefined);
        for (const bad of ["o-a1b2c3d4e", "r-a1b2c3d4e5", "o-A1B2C3D4E5"]) {
            expect(problemsOf("development", { organizationId: bad })).to.deep.equal([
                `organizationId "${bad}" is invalid: an AWS Organizations ID: o- and 10 to 32 lowercase letters or digits, or empty for this account only (e.g. "o-a1b2c3d4e5")`,
            ]);
        }
    });

    it("reports every problem at once and registers nothing", async () => {
        const run = await runStackOnce("production", {
            runtimes: JSON.stringify(pinnedRuntime({ access: "iam", allowedPrincipals: ["nope"] })),
        });
        expect(run.error).to.be.instanceOf(Error);
        expect((run.error as ConfigValidationError).problems).to.have.length(2);
        expect(run.resources.filter((r) => r.custom)).to.deep.equal([]);
    });
});

/** The parsed policy documents of the resource-policy resources of a run, by logical name. */
function resourcePolicies(
    run: ProgramRun,
    type = NATIVE_POLICY,
): Record<string, { resourceArn: string; policy: { Statement: Record<string, unknown>[] } }> {
    return Object.fromEntries(
        ofType(run, type).map((r) => [
            r.name,
            { resourceArn: r.inputs.resourceArn as string, policy: JSON.parse(r.inputs.policy as string) },
        ]),
    );
}

describe("inbound: runtime resource policies", () => {
    it("development (SigV4): a fence on the runtime, naming its VPC and the stack's bedrock-agentcore endpoint", async () => {
        const run = await runStackOnce("development");
        const out = run.outputs as {
            vpcId: string;
            vpcEndpointIds: Record<string, string>;
            runtimes: Record<string, { arn: string }>;
        };
        const policies = resourcePolicies(run);
        expect(Object.keys(policies)).to.deep.equal(["agentcore-development-support_agent-resource-policy"]);
        const { resourceArn, policy } = policies["agentcore-development-support_agent-resource-policy"];
        expect(resourceArn).to.equal(out.runtimes.support_agent.arn);
        expect(policy).to.deep.equal({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "DenyInvokeFromOutsideStackVpc",
                    Effect: "Deny",
                    Principal: "*",
                    Action: INVOKE_ACTIONS,
                    Resource: out.runtimes.support_agent.arn,
                    Condition: {
                        StringNotEqualsIfExists: {
                            "aws:SourceVpc": out.vpcId,
                            "aws:SourceVpce": out.vpcEndpointIds["bedrock-agentcore"],
                        },
                    },
                },
                {
                    Sid: "AllowAccountAndListedPrincipals",
                    Effect: "Allow",
                    Principal: { AWS: ["arn:aws:iam::123456789012:root"] },
                    Action: INVOKE_ACTIONS,
                    Resource: out.runtimes.support_agent.arn,
                },
            ],
        });
        expect(out.vpcId).to.match(/^vpc-/);
        expect(out.vpcEndpointIds["bedrock-agentcore"]).to.match(/^vpce-/);
    });

    it('staging (JWT, endpoint qa): the runtime and its endpoint each get the fence and a Principal "*" allow from the VPC', async () => {
        const run = await runStackOnce("staging");
        const out = run.outputs as {
            vpcId: string;
            vpcEndpointIds: Record<string, string>;
            runtimes: Record<string, { arn: string; endpoints: Record<string, string> }>;
        };
        const policies = resourcePolicies(run);
        expect(Object.keys(policies).sort()).to.deep.equal([
            "agentcore-staging-support_agent-endpoint-qa-resource-policy",
            "agentcore-staging-support_agent-resource-policy",
        ]);
        expect(policies["agentcore-staging-support_agent-resource-policy"].resourceArn).to.equal(
            out.runtimes.support_agent.arn,
        );
        expect(policies["agentcore-staging-support_agent-endpoint-qa-resource-policy"].resourceArn).to.equal(
            out.runtimes.support_agent.endpoints.qa,
        );
        for (const { resourceArn, policy } of Object.values(policies)) {
            expect(policy.Statement[0].Effect).to.equal("Deny");
            // Each policy names the exact runtime or endpoint it is attached to.
            expect(policy.Statement.map((st) => st.Resource)).to.deep.equal([resourceArn, resourceArn, resourceArn]);
            expect(policy.Statement.slice(1)).to.deep.equal([
                {
                    Sid: "AllowJwtCallersFromStackVpc",
                    Effect: "Allow",
                    Principal: "*",
                    Action: INVOKE_ACTIONS,
                    Resource: resourceArn,
                    Condition: { StringEquals: { "aws:SourceVpc": out.vpcId } },
                },
                {
                    Sid: "AllowJwtCallersThroughStackEndpoint",
                    Effect: "Allow",
                    Principal: "*",
                    Action: INVOKE_ACTIONS,
                    Resource: resourceArn,
                    Condition: { StringEquals: { "aws:SourceVpce": out.vpcEndpointIds["bedrock-agentcore"] } },
                },
            ]);
        }
    });

    it("classic provider: the same policies through aws.bedrock.AgentcoreResourcePolicy", async () => {
        const run = await runStackOnce("production", { runtimeProvider: "aws" });
        expect(ofType(run, NATIVE_POLICY)).to.deep.equal([]);
        expect(Object.keys(resourcePolicies(run, CLASSIC_POLICY)).sort()).to.deep.equal([
            "agentcore-production-support_agent-endpoint-live-resource-policy",
            "agentcore-production-support_agent-resource-policy",
        ]);
    });

    it("allowedPrincipals join this account in the Allow", async () => {
        const run = await runStackOnce("development", {
            runtimes: JSON.stringify(
                pinnedRuntime({ allowedPrincipals: ["arn:aws:iam::210987654321:role/support-portal"] }),
            ),
        });
        const { policy } = resourcePolicies(run)["agentcore-development-support_agent-resource-policy"];
        expect(policy.Statement[1].Principal).to.deep.equal({
            AWS: ["arn:aws:iam::123456789012:root", "arn:aws:iam::210987654321:role/support-portal"],
        });
    });

    it("access iam creates no resource policy (documented as weaker)", async () => {
        const run = await runStackOnce("development", { runtimes: JSON.stringify(pinnedRuntime({ access: "iam" })) });
        expect(run.error).to.equal(undefined);
        expect(ofType(run, NATIVE_POLICY)).to.deep.equal([]);
        expect(ofType(run, "agentcore:access:RuntimeInboundAccess")).to.have.length(1);
    });

    it("an adopted VPC whose endpoints another stack owns: the fence is the VPC alone", async () => {
        const run = await runStackOnce("staging", {
            vpcId: "vpc-0a1b2c3d4e5f60718",
            subnetIds: JSON.stringify(["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]),
            routeTableIds: JSON.stringify(["rtb-0a1b2c3d4e5f60718"]),
            availabilityZoneIds: undefined,
            createEndpoints: "false",
            endpointServices: undefined,
            endpointClientCidrs: undefined,
        });
        expect(run.error, run.error?.message).to.equal(undefined);
        expect(ofType(run, "aws:ec2/vpcEndpoint:VpcEndpoint")).to.deep.equal([]);
        for (const { policy } of Object.values(resourcePolicies(run))) {
            expect(policy.Statement[0].Condition).to.deep.equal({
                StringNotEqualsIfExists: { "aws:SourceVpc": "vpc-0a1b2c3d4e5f60718" },
            });
        }
    });
});

describe("inbound: VPC endpoint policies", () => {
    const policyOf = (run: ProgramRun, service: string) => {
        const endpoint = ofType(run, "aws:ec2/vpcEndpoint:VpcEndpoint").find((e) =>
            String(e.inputs.serviceName).endsWith(`.${service}`),
        );
        if (!endpoint) {
            throw new Error(`no ${service} endpoint`);
        }
        return JSON.parse(endpoint.inputs.policy as string) as { Statement: Record<string, unknown>[] };
    };

    it("every endpoint of every stack has a policy", async () => {
        for (const stack of ["development", "staging", "production"]) {
            const run = await runStackOnce(stack);
            for (const endpoint of ofType(run, "aws:ec2/vpcEndpoint:VpcEndpoint")) {
                expect(
                    JSON.parse(endpoint.inputs.policy as string).Statement.length,
                    `${stack} ${endpoint.name}`,
                ).to.be.greaterThan(0);
            }
        }
    });

    it("S3 gateway: ECR's layer bucket of the region, nothing else", async () => {
        const run = await runStackOnce("production");
        expect(policyOf(run, "s3").Statement).to.deep.equal([
            {
                Sid: "EcrImageLayers",
                Effect: "Allow",
                Principal: "*",
                Action: ["s3:GetObject"],
                Resource: "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*",
            },
        ]);
    });

    it("bedrock-runtime: exactly the configured models, for this account's callers", async () => {
        const run = await runStackOnce("production");
        expect(policyOf(run, "bedrock-runtime").Statement).to.deep.equal([
            {
                Sid: "AccountCallersInvokeConfiguredModels",
                Effect: "Allow",
                Principal: "*",
                Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
                Resource: [
                    "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0",
                    "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0",
                    "arn:aws:bedrock:us-east-2::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0",
                    "arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0",
                ],
                Condition: { StringEquals: { "aws:PrincipalAccount": "123456789012" } },
            },
        ]);
    });

    it("bedrock-runtime without models lets nothing through", async () => {
        // Without models the agent's MODEL_ID would be refused too: the runtime sets none here.
        const runtimes = (JSON.parse(rawStack("development").values.runtimes) as Record<string, unknown>[]).map(
            ({ environment: _environment, ...rest }) => rest,
        );
        const run = await runStackOnce("development", { modelArns: "[]", runtimes: JSON.stringify(runtimes) });
        expect(run.error, String(run.error)).to.equal(undefined);
        expect(policyOf(run, "bedrock-runtime").Statement).to.deep.equal([
            { Sid: "NoModelsConfigured", Effect: "Deny", Principal: "*", Action: ["*"], Resource: "*" },
        ]);
    });

    it("ecr, logs, bedrock-agentcore, the gateway and extra services are scoped to this account", async () => {
        const run = await runStackOnce("production");
        expect(policyOf(run, "ecr.dkr").Statement[0].Resource).to.deep.equal([
            "arn:aws:ecr:us-east-1:123456789012:repository/*",
        ]);
        expect(policyOf(run, "ecr.api").Statement[1]).to.deep.include({
            Action: ["ecr:GetAuthorizationToken"],
            Resource: "*",
            Condition: { StringEquals: { "aws:PrincipalAccount": "123456789012" } },
        });
        expect(policyOf(run, "logs").Statement[0].Resource).to.equal("arn:aws:logs:us-east-1:123456789012:log-group:*");
        expect(policyOf(run, "bedrock-agentcore").Statement.map((s) => s.Resource)).to.deep.equal([
            "arn:aws:bedrock-agentcore:us-east-1:123456789012:*",
            "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/*",
        ]);
        expect(policyOf(run, "bedrock-agentcore.gateway").Statement[0]).to.deep.include({
            Resource: "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/*",
            Condition: { StringEqualsIfExists: { "aws:ResourceAccount": "123456789012" } },
        });
        // sts also admits the anonymous federation calls (web identity, SAML) into this account's roles.
        expect(policyOf(run, "sts").Statement[1]).to.deep.equal({
            Sid: "FederationIntoAccountRoles",
            Effect: "Allow",
            Principal: "*",
            Action: ["sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"],
            Resource: "arn:aws:iam::123456789012:role/*",
            Condition: { StringEquals: { "aws:ResourceAccount": "123456789012" } },
        });
        expect(policyOf(run, "sts").Statement).to.have.length(2);
        for (const service of ["monitoring"]) {
            expect(policyOf(run, service).Statement, service).to.deep.equal([
                {
                    Sid: "AccountCallersOnly",
                    Effect: "Allow",
                    Principal: "*",
                    Action: ["*"],
                    Resource: "*",
                    Condition: { StringEquals: { "aws:PrincipalAccount": "123456789012" } },
                },
            ]);
        }
    });

    it("xray: the runtimes' trace export and sampling reads (incl. the OTLP endpoint's PutSpans), for this account's callers only", async () => {
        const run = await runStackOnce("production");
        expect(policyOf(run, "xray").Statement).to.deep.equal([
            {
                Sid: "AccountCallersSendTraces",
                Effect: "Allow",
                Principal: "*",
                Action: XRAY_WRITES,
                Resource: "*",
                Condition: { StringEquals: { "aws:PrincipalAccount": "123456789012" } },
            },
        ]);
    });

    it("with organizationId, the AgentCore data and control plane endpoints admit the organization's callers", async () => {
        const run = await runStackOnce("production", {
            organizationId: "o-a1b2c3d4e5",
            endpointServices: JSON.stringify(["bedrock-runtime", "bedrock-agentcore-control"]),
        });
        expect(policyOf(run, "bedrock-agentcore").Statement[0].Condition).to.deep.equal({
            StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" },
        });
        expect(policyOf(run, "bedrock-agentcore-control").Statement).to.deep.equal([
            {
                Sid: "AccountCallersOnly",
                Effect: "Allow",
                Principal: "*",
                Action: ["bedrock-agentcore:*"],
                Resource: "*",
                Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } },
            },
        ]);
        // Everything else stays with this account.
        expect(policyOf(run, "ecr.api").Statement[0].Condition).to.deep.equal({
            StringEquals: { "aws:PrincipalAccount": "123456789012" },
        });
    });

    it("an image in a shared registry account is admitted by its repository name only", async () => {
        const run = await runStackOnce("development", {
            runtimes: JSON.stringify([
                {
                    name: "support_agent",
                    containerUri: "210987654321.dkr.ecr.us-east-1.amazonaws.com/shared/support-agent:1.4.2",
                },
            ]),
        });
        expect(policyOf(run, "ecr.dkr").Statement[0].Resource).to.deep.equal([
            "arn:aws:ecr:us-east-1:123456789012:repository/*",
            "arn:aws:ecr:us-east-1:210987654321:repository/shared/support-agent",
        ]);
    });
});

describe("inbound: deployerGuardrailPolicy output", () => {
    it("denies Create/UpdateAgentRuntime outside the stack's subnets and runtime security group, or without them, and any capacity provider", async () => {
        const run = await runStackOnce("production");
        const out = run.outputs as {
            agentSubnetIds: string[];
            runtimeSecurityGroupId: string;
            deployerGuardrailPolicy: string;
        };
        expect(out.agentSubnetIds).to.have.length(3);
        const actions = ["bedrock-agentcore:CreateAgentRuntime", "bedrock-agentcore:UpdateAgentRuntime"];
        expect(JSON.parse(out.deployerGuardrailPolicy)).to.deep.equal({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "DenyRuntimeOutsideStackSubnets",
                    Effect: "Deny",
                    Action: actions,
                    Resource: "*",
                    Condition: {
                        "ForAnyValue:StringNotEquals": { "bedrock-agentcore:subnets": [...out.agentSubnetIds].sort() },
                    },
                },
                {
                    Sid: "DenyRuntimeWithoutSubnets",
                    Effect: "Deny",
                    Action: actions,
                    Resource: "*",
                    Condition: { Null: { "bedrock-agentcore:subnets": "true" } },
                },
                {
                    Sid: "DenyRuntimeOutsideStackSecurityGroups",
                    Effect: "Deny",
                    Action: actions,
                    Resource: "*",
                    Condition: {
                        "ForAnyValue:StringNotEquals": {
                            "bedrock-agentcore:securityGroups": [out.runtimeSecurityGroupId],
                        },
                    },
                },
                {
                    Sid: "DenyRuntimeWithoutSecurityGroups",
                    Effect: "Deny",
                    Action: actions,
                    Resource: "*",
                    Condition: { Null: { "bedrock-agentcore:securityGroups": "true" } },
                },
                {
                    Sid: "DenyAnyCapacityProvider",
                    Effect: "Deny",
                    Action: ["bedrock-agentcore:PassCapacityProvider"],
                    Resource: "*",
                },
            ],
        });
    });
});

describe("inbound: deployerGuardrailDocument", () => {
    it("refuses empty subnet or security group lists (the guardrail would deny every runtime)", async () => {
        const { deployerGuardrailDocument } = await import("../../src/security/deployerGuardrail");
        expect(() => deployerGuardrailDocument({ subnetIds: [], securityGroupIds: ["sg-0123456789abcdef0"] })).to.throw(
            "at least one subnet ID and one security group ID",
        );
        expect(() =>
            deployerGuardrailDocument({ subnetIds: ["subnet-0a1b2c3d4e5f60718"], securityGroupIds: [] }),
        ).to.throw("at least one subnet ID and one security group ID");
        expect(
            deployerGuardrailDocument({
                subnetIds: ["subnet-0a1b2c3d4e5f60718"],
                securityGroupIds: ["sg-0123456789abcdef0"],
            }).Statement,
        ).to.have.length(5);
    });
});

describe("RuntimeInboundAccess: a missing endpoint ARN is refused when built, not inside an apply", () => {
    it("throws a ResourceError naming the runtime and endpoint before registering any policy", async () => {
        const config = validateConfig(
            rawStack("development", {
                runtimes: JSON.stringify(pinnedRuntime({ endpoints: [{ name: "live", version: 1 }] })),
            }),
        );
        const [rt] = config.runtimes;
        let thrown: unknown;
        const run = await runComponent(() => {
            try {
                new RuntimeInboundAccess("agentcore-development-support_agent", {
                    runtime: rt,
                    runtimeArn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/support_agent-abcdefghij",
                    endpointArns: {},
                    vpcId: "vpc-0a1b2c3d4e5f60718",
                });
            } catch (e) {
                thrown = e;
            }
        });
        expect(String(thrown)).to.contain("runtime support_agent: no ARN for endpoint live");
        expect(ofType(run, NATIVE_POLICY)).to.deep.equal([]);
    });

    it("near miss: with the endpoint's ARN it builds the runtime's and the endpoint's policies", async () => {
        const config = validateConfig(
            rawStack("development", {
                runtimes: JSON.stringify(pinnedRuntime({ endpoints: [{ name: "live", version: 1 }] })),
            }),
        );
        const run = await runComponent(() => {
            new RuntimeInboundAccess("agentcore-development-support_agent", {
                runtime: config.runtimes[0],
                runtimeArn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/support_agent-abcdefghij",
                endpointArns: {
                    live: "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/support_agent-abcdefghij/runtime-endpoint/live",
                },
                vpcId: "vpc-0a1b2c3d4e5f60718",
            });
        });
        expect(run.error, String(run.error)).to.equal(undefined);
        expect(ofType(run, NATIVE_POLICY).map((r) => r.inputs.resourceArn)).to.deep.equal([
            "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/support_agent-abcdefghij",
            "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/support_agent-abcdefghij/runtime-endpoint/live",
        ]);
    });
});
