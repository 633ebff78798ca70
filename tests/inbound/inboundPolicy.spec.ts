/**
 * The policy pack's inbound rules, each with a pass, a fail and a near miss:
 * vpc-endpoint-has-policy, vpc-endpoint-policy-no-unconditioned-any-principal and the stack
 * rule production-runtime-vpc-only-resource-policy. Expected messages are literals.
 */
import { expect } from "chai";
import { StackValidationPolicy } from "@pulumi/policy";
import { endpointHasPolicy, endpointPolicyAnyPrincipalConditioned } from "../../policy/rules/endpointPolicies";
import { productionRuntimeVpcOnly } from "../../policy/rules/runtimeResourcePolicy";
import { RUNTIME_INVOKE_ACTIONS as PACK_INVOKE_ACTIONS, TYPES } from "../../policy/rules/types";
import { INVOKE_ACTIONS } from "./requirements";
import { evaluatePolicies, stackArgs } from "../../src/plan/offline/evaluate";
import { endpointPolicy } from "../../src/network/vpcEndpointPolicies";
import { KNOWN_INTERFACE_ENDPOINT_SERVICES } from "../../src/network/privateLinkServices";
import { RecordedResource, STACKS, runStackOnce } from "../helpers";
import { recordedResource } from "../recordedResource";
import { reported } from "../policy/reported";
import { UNKNOWN_STRING } from "../policy/unknowns";

const interfaceEndpoint = (policy?: unknown) => ({
    vpcId: "vpc-0a1b2c3d4e5f60718",
    serviceName: "com.amazonaws.us-east-1.ecr.api",
    vpcEndpointType: "Interface",
    privateDnsEnabled: true,
    subnetIds: ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
    ...(policy === undefined ? {} : { policy }),
});
const gatewayEndpoint = (policy?: unknown) => ({
    vpcId: "vpc-0a1b2c3d4e5f60718",
    serviceName: "com.amazonaws.us-east-1.s3",
    vpcEndpointType: "Gateway",
    routeTableIds: ["rtb-0a1b2c3d4e5f60718"],
    ...(policy === undefined ? {} : { policy }),
});
const ownAccountOnly = JSON.stringify({
    Version: "2012-10-17",
    Statement: [
        {
            Sid: "Own",
            Effect: "Allow",
            Principal: "*",
            Action: "*",
            Resource: "*",
            Condition: { StringEquals: { "aws:PrincipalAccount": "123456789012" } },
        },
    ],
});

describe("policy vpc-endpoint-has-policy", () => {
    it("passes interface and gateway endpoints with a policy (aws and aws-native)", () => {
        expect(reported(endpointHasPolicy, TYPES.vpcEndpoint, interfaceEndpoint(ownAccountOnly))).to.deep.equal([]);
        expect(reported(endpointHasPolicy, TYPES.vpcEndpoint, gatewayEndpoint(ownAccountOnly))).to.deep.equal([]);
        expect(
            reported(endpointHasPolicy, TYPES.nativeVpcEndpoint, {
                ...interfaceEndpoint(),
                policyDocument: JSON.parse(ownAccountOnly),
            }),
        ).to.deep.equal([]);
    });

    it("fails an interface endpoint without a policy, naming the service and the fix", () => {
        expect(reported(endpointHasPolicy, TYPES.vpcEndpoint, interfaceEndpoint())).to.deep.equal([
            `VpcEndpoint "subject" (com.amazonaws.us-east-1.ecr.api) has no endpoint policy, so it allows full access to its service from this VPC, to any account's resources: set policy to a document that allows only this account's resources (src/network/vpcEndpointPolicies.ts).`,
        ]);
        expect(reported(endpointHasPolicy, TYPES.nativeVpcEndpoint, interfaceEndpoint())).to.have.length(1);
        expect(reported(endpointHasPolicy, TYPES.vpcEndpoint, gatewayEndpoint())).to.have.length(1);
    });

    it("near miss: an empty string or an empty document is no policy", () => {
        expect(reported(endpointHasPolicy, TYPES.vpcEndpoint, interfaceEndpoint(""))).to.have.length(1);
        expect(
            reported(endpointHasPolicy, TYPES.nativeVpcEndpoint, { ...interfaceEndpoint(), policyDocument: {} }),
        ).to.have.length(1);
    });

    it("judges a policy unknown during preview at the update", () => {
        expect(reported(endpointHasPolicy, TYPES.vpcEndpoint, interfaceEndpoint(UNKNOWN_STRING))).to.deep.equal([]);
    });
});

describe("policy vpc-endpoint-policy-no-unconditioned-any-principal", () => {
    /** What the rule reports for an interface endpoint of these props. */
    const endpointReported = (props: Record<string, unknown>) =>
        reported(endpointPolicyAnyPrincipalConditioned, TYPES.vpcEndpoint, props);
    /** What the rule reports for an interface endpoint whose policy is this one statement (Sid "S"). */
    const statementReported = (statement: Record<string, unknown>) =>
        endpointReported(
            interfaceEndpoint(JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "S", ...statement }] })),
        );
    const ctx = {
        partition: "aws",
        region: "us-east-1",
        accountId: "123456789012",
        modelArns: ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0"],
        imageUris: [],
        codeBucketArns: ["arn:aws:s3:::agentcore-code-production"],
    };

    it("passes every policy the program generates, for every service", () => {
        // Every service endpointServices accepts, and the S3 gateway: a service given a policy of
        // its own is checked here without being named.
        for (const service of [...KNOWN_INTERFACE_ENDPOINT_SERVICES, "s3"]) {
            expect(
                endpointReported(interfaceEndpoint(JSON.stringify(endpointPolicy(service, ctx)))),
                service,
            ).to.deep.equal([]);
        }
    });

    it("fails an Allow for any principal without a condition (the default full-access policy)", () => {
        expect(statementReported({ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" })).to.deep.equal([
            `VpcEndpoint "subject" (com.amazonaws.us-east-1.ecr.api) endpoint policy statement "S" allows any principal ("*") on ["*"] with no Condition, so anyone's credentials (or none) pass: add a condition such as StringEquals aws:PrincipalAccount or aws:ResourceAccount = this account.`,
        ]);
        expect(
            statementReported({
                Effect: "Allow",
                Principal: { AWS: ["*"] },
                Action: "ecr:BatchGetImage",
                Resource: "arn:aws:ecr:us-east-1:210987654321:repository/x",
            }),
        ).to.have.length(1);
        expect(
            reported(endpointPolicyAnyPrincipalConditioned, TYPES.nativeVpcEndpoint, {
                ...interfaceEndpoint(),
                policyDocument: {
                    Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*", Condition: {} }],
                },
            }),
        ).to.have.length(1);
    });

    it("passes AWS's documented ECR layer statement, and nothing wider (near misses)", () => {
        const layer = {
            Effect: "Allow",
            Principal: "*",
            Action: ["s3:GetObject"],
            Resource: ["arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*"],
        };
        expect(statementReported(layer)).to.deep.equal([]);
        expect(statementReported({ ...layer, Action: ["s3:GetObject", "s3:PutObject"] })).to.have.length(1);
        expect(
            statementReported({ ...layer, Resource: [...layer.Resource, "arn:aws:s3:::exfil-bucket/*"] }),
        ).to.have.length(1);
        expect(
            statementReported({ ...layer, Resource: ["arn:aws:s3:::prod-us-east-1-starport-layer-bucket"] }),
        ).to.have.length(1);
    });

    it("passes a Deny for any principal, a named principal, and a conditioned Allow", () => {
        expect(statementReported({ Effect: "Deny", Principal: "*", Action: "*", Resource: "*" })).to.deep.equal([]);
        expect(
            statementReported({
                Effect: "Allow",
                Principal: { AWS: "arn:aws:iam::123456789012:root" },
                Action: "*",
                Resource: "*",
            }),
        ).to.deep.equal([]);
        expect(endpointReported(interfaceEndpoint(ownAccountOnly))).to.deep.equal([]);
    });

    it("reports a policy that is not JSON, and judges an unknown one at the update", () => {
        expect(endpointReported(interfaceEndpoint("{not json"))[0]).to.match(
            /^VpcEndpoint "subject" \(com.amazonaws.us-east-1.ecr.api\) has an endpoint policy that is not valid JSON/,
        );
        expect(endpointReported(interfaceEndpoint(UNKNOWN_STRING))).to.deep.equal([]);
    });
});

describe("policy production-runtime-vpc-only-resource-policy (stack)", () => {
    const RUNTIME_ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/support_agent_production-AbCdEfGhIj";
    const recorded = (
        stack: string,
        type: string,
        name: string,
        state: Record<string, unknown>,
        dependencies: string[] = [],
    ) => recordedResource(type, name, state, { stack, dependencies, protect: true });
    const runtime = (stack = "production", arn: string = RUNTIME_ARN) =>
        recorded(stack, TYPES.nativeRuntime, "rt", {
            agentRuntimeName: "support_agent_production",
            agentRuntimeArn: arn,
            tags: { Environment: stack },
        });
    const fence = {
        Sid: "Fence",
        Effect: "Deny",
        Principal: "*",
        Action: INVOKE_ACTIONS,
        Resource: "*",
        Condition: {
            StringNotEqualsIfExists: {
                "aws:SourceVpc": "vpc-0a1b2c3d4e5f60718",
                "aws:SourceVpce": "vpce-0aaaabbbbccccdddd",
            },
        },
    };
    const allowAccount = {
        Sid: "Allow",
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::123456789012:root" },
        Action: INVOKE_ACTIONS,
        Resource: "*",
    };
    const policy = (
        statements: unknown[],
        type: string = TYPES.nativeResourcePolicy,
        resourceArn: unknown = RUNTIME_ARN,
        dependencies: string[] = [],
    ) =>
        recorded(
            "production",
            type,
            "rp",
            { resourceArn, policy: JSON.stringify({ Version: "2012-10-17", Statement: statements }) },
            dependencies,
        );
    const validate = (resources: RecordedResource[]) => {
        const found: string[] = [];
        (productionRuntimeVpcOnly as StackValidationPolicy).validateStack(stackArgs(resources), (message) =>
            found.push(message),
        );
        return found;
    };
    const failure = (found: string) =>
        `Runtime "rt" is a production runtime that ${found}, so any principal allowed by its own IAM policy (or any valid JWT) invokes it from anywhere: attach a resource policy with a Deny for Principal "*" on bedrock-agentcore:InvokeAgentRuntime, bedrock-agentcore:InvokeAgentRuntimeForUser, bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStream, bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStreamForUser, bedrock-agentcore:StopRuntimeSession, bedrock-agentcore:GetAgentCard under StringNotEqualsIfExists { aws:SourceVpc: <vpc>, aws:SourceVpce: <bedrock-agentcore endpoint> } (runtimes[i].access: vpc does this).`;

    it("passes a production runtime fenced by a VPC-only Deny (aws-native and classic policy resources)", () => {
        expect(validate([runtime(), policy([fence, allowAccount])])).to.deep.equal([]);
        expect(validate([runtime(), policy([fence], TYPES.classicResourcePolicy)])).to.deep.equal([]);
        expect(
            validate([
                runtime(),
                policy([
                    {
                        ...fence,
                        Action: ["bedrock-agentcore:*"],
                        Condition: { StringNotEquals: { "aws:SourceVpc": "vpc-0a1b2c3d4e5f60718" } },
                    },
                ]),
            ]),
        ).to.deep.equal([]);
    });

    it("passes the fence the program writes, naming the runtime's exact ARN; near miss: a Deny naming another runtime's ARN fails", () => {
        const exact = {
            ...fence,
            Resource: "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/support_agent_production-AbCdEfGhIj",
        };
        expect(validate([runtime(), policy([exact, { ...allowAccount, Resource: exact.Resource }])])).to.deep.equal([]);
        const other = {
            ...fence,
            Resource: "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/support_agent_production-AbCdEfGhIk",
        };
        expect(validate([runtime(), policy([other])])).to.have.length(1);
    });

    it("fails a production runtime without a resource policy", () => {
        expect(validate([runtime()])).to.deep.equal([failure("has no resource-based policy")]);
    });

    it("fails a production runtime whose policy only allows (an Allow is no fence for same-account callers)", () => {
        expect(
            validate([
                runtime(),
                policy([
                    allowAccount,
                    {
                        ...allowAccount,
                        Sid: "Jwt",
                        Principal: "*",
                        Condition: { StringEquals: { "aws:SourceVpc": "vpc-0a1b2c3d4e5f60718" } },
                    },
                ]),
            ]),
        ).to.deep.equal([
            failure("has resource-based policies (rp) none of which denies invocation from outside the VPC"),
        ]);
    });

    it("near misses: a Deny missing the WebSocket actions, narrowed by aws:ViaAWSService, for one principal, or on another runtime fails", () => {
        expect(
            validate([runtime(), policy([{ ...fence, Action: ["bedrock-agentcore:InvokeAgentRuntime"] }])]),
        ).to.have.length(1);
        expect(
            validate([
                runtime(),
                policy([{ ...fence, Condition: { ...fence.Condition, Bool: { "aws:ViaAWSService": "false" } } }]),
            ]),
        ).to.have.length(1);
        expect(
            validate([runtime(), policy([{ ...fence, Principal: { AWS: "arn:aws:iam::123456789012:role/x" } }])]),
        ).to.have.length(1);
        expect(
            validate([
                runtime(),
                policy([{ ...fence, Condition: { StringNotEqualsIfExists: { "aws:SourceIp": "10.0.0.0/8" } } }]),
            ]),
        ).to.have.length(1);
        expect(
            validate([
                runtime(),
                policy(
                    [fence],
                    TYPES.nativeResourcePolicy,
                    "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/other_agent-AbCdEfGhIj",
                ),
            ]),
        ).to.have.length(1);
    });

    it("does not require a fence outside production", () => {
        expect(validate([runtime("development")])).to.deep.equal([]);
    });

    it("first preview: a policy that depends on the runtime counts while both ARNs are unknown; an unknown document is judged at the update", () => {
        const rt = runtime("production", UNKNOWN_STRING);
        expect(validate([rt, policy([fence], TYPES.nativeResourcePolicy, UNKNOWN_STRING, [rt.urn])])).to.deep.equal([]);
        expect(
            validate([rt, policy([allowAccount], TYPES.nativeResourcePolicy, UNKNOWN_STRING, [rt.urn])]),
        ).to.have.length(1);
        expect(
            validate([
                rt,
                recorded(
                    "production",
                    TYPES.nativeResourcePolicy,
                    "rp",
                    { resourceArn: UNKNOWN_STRING, policy: UNKNOWN_STRING },
                    [rt.urn],
                ),
            ]),
        ).to.deep.equal([]);
    });

    it("requires the Deny to name every documented invocation action", () => {
        expect([...PACK_INVOKE_ACTIONS]).to.deep.equal(INVOKE_ACTIONS);
        // Near misses: a fence missing any one of them leaves that action open from outside the VPC.
        for (const missing of INVOKE_ACTIONS) {
            const partial = { ...fence, Action: INVOKE_ACTIONS.filter((a) => a !== missing) };
            expect(validate([runtime(), policy([partial])]), missing).to.have.length(1);
        }
        // A wildcard covers them all.
        expect(validate([runtime(), policy([{ ...fence, Action: "bedrock-agentcore:*" }])])).to.deep.equal([]);
    });
});

describe("inbound rules over the whole program", () => {
    const INBOUND_RULES = [
        "vpc-endpoint-has-policy",
        "vpc-endpoint-policy-no-unconditioned-any-principal",
        "production-runtime-vpc-only-resource-policy",
    ];

    for (const stack of STACKS) {
        it(`${stack}: zero findings, every endpoint carries a policy`, async () => {
            const run = await runStackOnce(stack);
            expect(
                evaluatePolicies(run.resources, stack).filter((v) => INBOUND_RULES.includes(v.policyName)),
            ).to.deep.equal([]);
            const endpoints = run.resources.filter((r) => r.type === TYPES.vpcEndpoint);
            expect(endpoints.length).to.be.greaterThan(5);
            for (const e of endpoints) {
                expect(typeof e.inputs.policy, e.name).to.equal("string");
            }
        });
    }

    it("production without its resource policies is caught", async () => {
        const run = await runStackOnce("production");
        const stripped = run.resources.filter((r) => r.type !== TYPES.nativeResourcePolicy);
        const found = evaluatePolicies(stripped, "production").filter(
            (v) => v.policyName === "production-runtime-vpc-only-resource-policy",
        );
        expect(found.map((v) => v.resourceName)).to.deep.equal(["agentcore-production-support_agent-runtime"]);
    });
});
