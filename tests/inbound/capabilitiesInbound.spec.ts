/**
 * The inbound fence still holds for a runtime that uses the new capabilities (JWT scopes and a
 * claim, a private identity provider over VPC Lattice, an EFS mount): the planned resource
 * policy, evaluated by a real IAM evaluator, admits JWT callers through the stack's VPC and
 * endpoint only; the plan's who-can-reach-what names the scopes, the claim and the IdP path.
 */
import { expect } from "chai";
import { anonymousPrincipal, runSimulation } from "@cloud-copilot/iam-simulate";
import { renderReachability, tokenRequirements } from "../../src/plan/reachability";
import { planFromRun } from "../../src/plan/run";
import { ProgramRun, one, rawStack, runFixtureStack } from "../helpers";
import { EFS_AP, PRIVATE_IDP_URL } from "../runtime/capabilityFacts";

const [base] = JSON.parse(rawStack("staging").values.runtimes) as Record<string, unknown>[];
const runtime = {
    ...base,
    authorizer: {
        discoveryUrl: PRIVATE_IDP_URL,
        allowedClients: ["3stagingclient0example"],
        allowedScopes: ["agents/invoke"],
        customClaims: [{ claim: "custom:tier", operator: "EQUALS", value: "internal" }],
        privateEndpoint: { managed: { idpCidrs: ["10.20.12.0/24"] } },
    },
    filesystems: [
        { kind: "efs", accessPointArn: EFS_AP, fileSystemId: "fs-0123456789abcdef0", mountPath: "/mnt/shared" },
    ],
};

for (const provider of ["aws-native", "aws"] as const) {
    describe(`inbound with the capabilities (${provider})`, () => {
        let run: ProgramRun;
        before(async () => {
            run = await runFixtureStack("staging", { runtimes: JSON.stringify([runtime]), runtimeProvider: provider });
        });
        const policyType =
            provider === "aws"
                ? "aws:bedrock/agentcoreResourcePolicy:AgentcoreResourcePolicy"
                : "aws-native:bedrockagentcore:ResourcePolicy";

        async function decide(context: Record<string, string>): Promise<string> {
            const r = run;
            const fence = one(r, policyType, "support_agent-resource-policy");
            const vpce = r.resources.find((x) => String(x.inputs.serviceName).endsWith(".bedrock-agentcore"))!;
            const vpc = r.resources.find((x) => x.type === "aws:ec2/vpc:Vpc")!;
            const resource = String(fence.inputs.resourceArn);
            const response = await runSimulation(
                {
                    request: {
                        principal: anonymousPrincipal,
                        action: "bedrock-agentcore:InvokeAgentRuntime",
                        resource: { resource, accountId: "123456789012" },
                        contextVariables: {
                            "aws:ResourceAccount": "123456789012",
                            "aws:SourceVpc": context.vpc === "stack" ? String(vpc.id) : "vpc-0fedcba9876543210",
                            "aws:SourceVpce": context.vpce === "stack" ? String(vpce.id) : "vpce-0eeeeffff00001111",
                        },
                    },
                    identityPolicies: [],
                    serviceControlPolicies: [],
                    resourceControlPolicies: [],
                    resourcePolicy: JSON.parse(String(fence.inputs.policy)),
                    vpcEndpointPolicies: [],
                },
                {},
            );
            if (response.resultType === "error") {
                throw new Error(JSON.stringify(response.errors));
            }
            return response.overallResult;
        }

        it("admits a JWT caller through the stack's VPC endpoint", async () => {
            expect(await decide({ vpc: "stack", vpce: "stack" })).to.equal("Allowed");
        });

        it("denies a JWT caller from another VPC", async () => {
            expect(await decide({ vpc: "other", vpce: "other" })).to.not.equal("Allowed");
        });

        it("names the scope, the claim and the VPC Lattice path in who-can-reach-what", async () => {
            const result = await planFromRun(run);
            const text = renderReachability(result.plan!).join("\n");
            expect(text).to.contain("its scope includes one of agents/invoke");
            expect(text).to.contain("its claim custom:tier (STRING) EQUALS internal");
            expect(text).to.contain("fetched over VPC Lattice through a resource gateway AgentCore creates in subnets");
        });
    });
}

describe("tokenRequirements: both providers' field names", () => {
    it("reads classic allowedAudiences and matchValueStringLists", () => {
        expect(
            tokenRequirements({
                authorizerConfiguration: {
                    customJwtAuthorizer: {
                        discoveryUrl: PRIVATE_IDP_URL,
                        allowedAudiences: ["a"],
                        customClaims: [
                            {
                                inboundTokenClaimName: "roles",
                                inboundTokenClaimValueType: "STRING_ARRAY",
                                authorizingClaimMatchValue: {
                                    claimMatchOperator: "CONTAINS_ANY",
                                    claimMatchValue: { matchValueStringLists: ["x", "y"] },
                                },
                            },
                        ],
                        privateEndpoint: {
                            selfManagedLatticeResource: { resourceConfigurationIdentifier: "rcfg-0123456789abcdef0" },
                        },
                    },
                },
            }),
        ).to.deep.equal([
            `it is signed by the issuer of ${PRIVATE_IDP_URL} (fetched over VPC Lattice through resource configuration rcfg-0123456789abcdef0)`,
            "its aud is one of a",
            "its claim roles (STRING_ARRAY) CONTAINS_ANY x, y",
        ]);
    });
});
