/**
 * The VPC endpoint policies as AWS receives them, one whole document per endpoint service and
 * per mode: an all-in-one stack (this account), with `organizationId`, and a network stack's
 * data perimeter (with and without the organization). Every expected value is a literal written
 * from docs/inbound.md "2. VPC endpoint policies", docs/topology.md "Data-perimeter endpoint
 * policies" and the AgentCore devguide's VPC page (the ECR layer bucket, AgentCore's code
 * buckets), never a constant of the code. Each branch has its near miss beside it.
 */
import { expect } from "chai";
import { INVOKE_ACTIONS } from "../inbound/requirements";
import {
    EndpointPolicyInput,
    endpointPolicy,
    endpointRepositoryArns,
    s3GatewayPolicy,
} from "../../src/network/vpcEndpointPolicies";

const ACCOUNT = "111122223333";
const OTHER = "444455556666";
const ORG = "o-a1b2c3d4e5";

/** A stack in eu-west-1 with nothing configured: each test adds what it is about. */
function input(overrides: Partial<EndpointPolicyInput> = {}): EndpointPolicyInput {
    return {
        partition: "aws",
        region: "eu-west-1",
        accountId: ACCOUNT,
        modelArns: [],
        imageUris: [],
        codeBucketArns: [],
        ...overrides,
    };
}

/** The four ways a stack asks for its policies. */
const MODES = {
    account: input(),
    organization: input({ organizationId: ORG }),
    dataPerimeter: input({ dataPerimeter: true }),
    organizationDataPerimeter: input({ dataPerimeter: true, organizationId: ORG }),
};

const doc = (...Statement: unknown[]) => ({ Version: "2012-10-17", Statement });
const PRINCIPAL_ACCOUNT = { StringEquals: { "aws:PrincipalAccount": ACCOUNT } };
const PRINCIPAL_ORG = { StringEquals: { "aws:PrincipalOrgID": ORG } };
const BOTH_ACCOUNT = { StringEquals: { "aws:PrincipalAccount": ACCOUNT, "aws:ResourceAccount": ACCOUNT } };
const BOTH_ORG = { StringEquals: { "aws:PrincipalOrgID": ORG, "aws:ResourceOrgID": ORG } };
const RESOURCE_ACCOUNT_IF_EXISTS = { StringEqualsIfExists: { "aws:ResourceAccount": ACCOUNT } };

const ECR_READ = [
    "ecr:BatchGetImage",
    "ecr:GetDownloadUrlForLayer",
    "ecr:DescribeImages",
    "ecr:DescribeRepositories",
    "ecr:ListImages",
];
const MODEL_INVOKE = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];
const LAYER_STATEMENT = {
    Sid: "EcrImageLayers",
    Effect: "Allow",
    Principal: "*",
    Action: ["s3:GetObject"],
    Resource: "arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*",
};
const AGENTCORE_CODE_STATEMENT = {
    Sid: "AgentCoreCodeArtifacts",
    Effect: "Allow",
    Principal: "*",
    Action: ["s3:GetObject"],
    Resource: ["arn:aws:s3:::acr-code-*-eu-west-1-an", "arn:aws:s3:::acr-code-*-eu-west-1-an/*"],
    Condition: { StringEquals: { "aws:PrincipalServiceName": "bedrock-agentcore.amazonaws.com" } },
};

describe("network: endpoint policies, whole documents", () => {
    describe("bedrock-agentcore (data plane)", () => {
        const agentcore = (callers: unknown) =>
            doc(
                {
                    Sid: "AccountCallersToAccountResources",
                    Effect: "Allow",
                    Principal: "*",
                    Action: ["bedrock-agentcore:*"],
                    Resource: `arn:aws:bedrock-agentcore:eu-west-1:${ACCOUNT}:*`,
                    Condition: callers,
                },
                {
                    Sid: "AnyCallerToAccountRuntimes",
                    Effect: "Allow",
                    Principal: "*",
                    Action: INVOKE_ACTIONS,
                    Resource: `arn:aws:bedrock-agentcore:eu-west-1:${ACCOUNT}:runtime/*`,
                    Condition: RESOURCE_ACCOUNT_IF_EXISTS,
                },
            );

        it("admits this account's callers to its resources, and any caller (JWT) to its runtimes only", () => {
            expect(endpointPolicy("bedrock-agentcore", MODES.account)).to.deep.equal(agentcore(PRINCIPAL_ACCOUNT));
            expect(endpointPolicy("bedrock-agentcore", MODES.dataPerimeter)).to.deep.equal(
                agentcore(PRINCIPAL_ACCOUNT),
            );
        });

        it("with organizationId: the organization's callers instead of the account's; the runtimes statement unchanged", () => {
            expect(endpointPolicy("bedrock-agentcore", MODES.organization)).to.deep.equal(agentcore(PRINCIPAL_ORG));
            expect(endpointPolicy("bedrock-agentcore", MODES.organizationDataPerimeter)).to.deep.equal(
                agentcore(PRINCIPAL_ORG),
            );
        });

        it("builds its ARNs from the partition, region and account it is given", () => {
            const gov = endpointPolicy(
                "bedrock-agentcore",
                input({ partition: "aws-us-gov", region: "us-gov-west-1", accountId: OTHER }),
            );
            expect(gov.Statement.map((s) => s.Resource)).to.deep.equal([
                `arn:aws-us-gov:bedrock-agentcore:us-gov-west-1:${OTHER}:*`,
                `arn:aws-us-gov:bedrock-agentcore:us-gov-west-1:${OTHER}:runtime/*`,
            ]);
            expect(gov.Statement.map((s) => s.Condition)).to.deep.equal([
                { StringEquals: { "aws:PrincipalAccount": OTHER } },
                { StringEqualsIfExists: { "aws:ResourceAccount": OTHER } },
            ]);
        });
    });

    describe("bedrock-agentcore.gateway", () => {
        it("lets any caller (OAuth) invoke this account's gateways, and nothing else, in every mode", () => {
            const expected = doc({
                Sid: "AnyCallerToAccountGateways",
                Effect: "Allow",
                Principal: "*",
                Action: ["bedrock-agentcore:InvokeGateway"],
                Resource: `arn:aws:bedrock-agentcore:eu-west-1:${ACCOUNT}:gateway/*`,
                Condition: RESOURCE_ACCOUNT_IF_EXISTS,
            });
            for (const [mode, given] of Object.entries(MODES)) {
                expect(endpointPolicy("bedrock-agentcore.gateway", given), mode).to.deep.equal(expected);
            }
        });
    });

    describe("bedrock-agentcore-control", () => {
        const control = (callers: unknown) =>
            doc({
                Sid: "AccountCallersOnly",
                Effect: "Allow",
                Principal: "*",
                Action: ["bedrock-agentcore:*"],
                Resource: "*",
                Condition: callers,
            });

        it("is the control plane for this account's callers", () => {
            expect(endpointPolicy("bedrock-agentcore-control", MODES.account)).to.deep.equal(
                control(PRINCIPAL_ACCOUNT),
            );
            expect(endpointPolicy("bedrock-agentcore-control", MODES.dataPerimeter)).to.deep.equal(
                control(PRINCIPAL_ACCOUNT),
            );
        });

        it("with organizationId: for the organization's callers", () => {
            expect(endpointPolicy("bedrock-agentcore-control", MODES.organization)).to.deep.equal(
                control(PRINCIPAL_ORG),
            );
        });
    });

    describe("ecr.api and ecr.dkr", () => {
        const ecr = (repositories: string[]) =>
            doc(
                {
                    Sid: "AccountCallersReadRepositories",
                    Effect: "Allow",
                    Principal: "*",
                    Action: ECR_READ,
                    Resource: repositories,
                    Condition: PRINCIPAL_ACCOUNT,
                },
                {
                    Sid: "AccountCallersRegistryLogin",
                    Effect: "Allow",
                    Principal: "*",
                    Action: ["ecr:GetAuthorizationToken"],
                    Resource: "*",
                    Condition: PRINCIPAL_ACCOUNT,
                },
            );
        const perimeterEcr = (both: unknown, identity: unknown) =>
            doc(
                {
                    Sid: "PerimeterReadRepositories",
                    Effect: "Allow",
                    Principal: "*",
                    Action: ECR_READ,
                    Resource: "arn:aws:ecr:eu-west-1:*:repository/*",
                    Condition: both,
                },
                {
                    Sid: "PerimeterRegistryLogin",
                    Effect: "Allow",
                    Principal: "*",
                    Action: ["ecr:GetAuthorizationToken"],
                    Resource: "*",
                    Condition: identity,
                },
            );

        it("pulls (never pushes) from this account's repositories for this account's callers, on both endpoints", () => {
            for (const service of ["ecr.api", "ecr.dkr"]) {
                expect(endpointPolicy(service, MODES.account), service).to.deep.equal(
                    ecr([`arn:aws:ecr:eu-west-1:${ACCOUNT}:repository/*`]),
                );
                // organizationId widens only the AgentCore endpoints: ECR stays this account's.
                expect(endpointPolicy(service, MODES.organization), service).to.deep.equal(
                    ecr([`arn:aws:ecr:eu-west-1:${ACCOUNT}:repository/*`]),
                );
            }
        });

        it("adds the repository of each configured image held in another account, once and sorted", () => {
            const given = input({
                imageUris: [
                    `${OTHER}.dkr.ecr.us-west-2.amazonaws.com/team/zeta:1.0`,
                    `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/agents/own:2.0`,
                    `${OTHER}.dkr.ecr.us-west-2.amazonaws.com/team/alpha@sha256:${"a".repeat(64)}`,
                    `${OTHER}.dkr.ecr.us-west-2.amazonaws.com/team/zeta:1.1`,
                    "public.ecr.aws/docker/library/python:3.12",
                ],
            });
            const repositories = [
                `arn:aws:ecr:eu-west-1:${ACCOUNT}:repository/*`,
                `arn:aws:ecr:us-west-2:${OTHER}:repository/team/alpha`,
                `arn:aws:ecr:us-west-2:${OTHER}:repository/team/zeta`,
            ];
            expect(endpointRepositoryArns(given)).to.deep.equal(repositories);
            expect(endpointPolicy("ecr.dkr", given)).to.deep.equal(ecr(repositories));
        });

        it("near misses: an image of this account, or no ECR image at all, adds no repository", () => {
            const own = [`arn:aws:ecr:eu-west-1:${ACCOUNT}:repository/*`];
            expect(
                endpointRepositoryArns(input({ imageUris: [`${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/agents/a:1`] })),
            ).to.deep.equal(own);
            expect(endpointRepositoryArns(input({ imageUris: ["docker.io/library/python:3.12"] }))).to.deep.equal(own);
            expect(endpointRepositoryArns(input())).to.deep.equal(own);
        });

        it("data perimeter: any repository of the region whose account is ours, for principals of ours; login for ours", () => {
            for (const service of ["ecr.api", "ecr.dkr"]) {
                expect(endpointPolicy(service, MODES.dataPerimeter), service).to.deep.equal(
                    perimeterEcr(BOTH_ACCOUNT, PRINCIPAL_ACCOUNT),
                );
                expect(endpointPolicy(service, MODES.organizationDataPerimeter), service).to.deep.equal(
                    perimeterEcr(BOTH_ORG, PRINCIPAL_ORG),
                );
            }
            // The perimeter lists no image: a configured foreign image changes nothing.
            expect(
                endpointPolicy(
                    "ecr.api",
                    input({ dataPerimeter: true, imageUris: [`${OTHER}.dkr.ecr.eu-west-1.amazonaws.com/team/x:1`] }),
                ),
            ).to.deep.equal(perimeterEcr(BOTH_ACCOUNT, PRINCIPAL_ACCOUNT));
        });
    });

    describe("logs", () => {
        it("writes into this account's log groups in the region, for this account's callers, in every mode", () => {
            const expected = doc({
                Sid: "AccountCallersWriteAccountLogGroups",
                Effect: "Allow",
                Principal: "*",
                Action: [
                    "logs:CreateLogGroup",
                    "logs:DescribeLogStreams",
                    "logs:CreateLogStream",
                    "logs:PutLogEvents",
                    "logs:DescribeLogGroups",
                ],
                Resource: `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:*`,
                Condition: PRINCIPAL_ACCOUNT,
            });
            for (const [mode, given] of Object.entries(MODES)) {
                expect(endpointPolicy("logs", given), mode).to.deep.equal(expected);
            }
        });
    });

    describe("bedrock-runtime", () => {
        const HAIKU = "arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0";
        const PROFILE = `arn:aws:bedrock:eu-west-1:${ACCOUNT}:inference-profile/eu.anthropic.claude-3-7-sonnet-20250219-v1:0`;
        const models = (arns: string[]) =>
            doc({
                Sid: "AccountCallersInvokeConfiguredModels",
                Effect: "Allow",
                Principal: "*",
                Action: MODEL_INVOKE,
                Resource: arns,
                Condition: PRINCIPAL_ACCOUNT,
            });
        const perimeterModels = (identity: unknown, both: unknown) =>
            doc(
                {
                    Sid: "PerimeterPrincipalsToFoundationModels",
                    Effect: "Allow",
                    Principal: "*",
                    Action: MODEL_INVOKE,
                    Resource: "arn:aws:bedrock:*::foundation-model/*",
                    Condition: identity,
                },
                {
                    Sid: "PerimeterPrincipalsToPerimeterModels",
                    Effect: "Allow",
                    Principal: "*",
                    Action: MODEL_INVOKE,
                    Resource: "arn:aws:bedrock:*:*:*",
                    Condition: both,
                },
            );

        it("invokes exactly the configured models, each once, sorted, for this account's callers", () => {
            expect(endpointPolicy("bedrock-runtime", input({ modelArns: [HAIKU, PROFILE, HAIKU] }))).to.deep.equal(
                // Sorted as strings: ":111122223333:" sorts before "::" ("1" < ":").
                models([PROFILE, HAIKU]),
            );
        });

        it("bound: one model is allowed; none configured denies everything (an endpoint policy needs a statement)", () => {
            expect(endpointPolicy("bedrock-runtime", input({ modelArns: [HAIKU] }))).to.deep.equal(models([HAIKU]));
            expect(endpointPolicy("bedrock-runtime", input())).to.deep.equal(
                doc({ Sid: "NoModelsConfigured", Effect: "Deny", Principal: "*", Action: ["*"], Resource: "*" }),
            );
        });

        it("data perimeter: foundation models (AWS-owned, no account) for principals of ours; other models of ours", () => {
            expect(endpointPolicy("bedrock-runtime", MODES.dataPerimeter)).to.deep.equal(
                perimeterModels(PRINCIPAL_ACCOUNT, BOTH_ACCOUNT),
            );
            expect(endpointPolicy("bedrock-runtime", MODES.organizationDataPerimeter)).to.deep.equal(
                perimeterModels(PRINCIPAL_ORG, BOTH_ORG),
            );
            // The perimeter lists no model: configured ones change nothing.
            expect(endpointPolicy("bedrock-runtime", input({ dataPerimeter: true, modelArns: [HAIKU] }))).to.deep.equal(
                perimeterModels(PRINCIPAL_ACCOUNT, BOTH_ACCOUNT),
            );
        });
    });

    describe("s3 (gateway)", () => {
        const BUCKET_B = "arn:aws:s3:::agentcore-staging-code-b";
        const BUCKET_A = "arn:aws:s3:::agentcore-staging-code-a";

        it("without code buckets: ECR's layer bucket only, unconditioned as AWS documents it", () => {
            const expected = doc(LAYER_STATEMENT);
            expect(s3GatewayPolicy(MODES.account)).to.deep.equal(expected);
            expect(endpointPolicy("s3", MODES.account)).to.deep.equal(expected);
            expect(endpointPolicy("s3", MODES.organization)).to.deep.equal(expected);
            expect(s3GatewayPolicy(MODES.account).Statement[0]).not.to.have.property("Condition");
        });

        it("with code buckets (bound: one is enough): their objects for this account, and AgentCore's code buckets", () => {
            expect(s3GatewayPolicy(input({ codeBucketArns: [BUCKET_A] }))).to.deep.equal(
                doc(
                    LAYER_STATEMENT,
                    {
                        Sid: "StackCodeArtifacts",
                        Effect: "Allow",
                        Principal: "*",
                        Action: ["s3:GetObject", "s3:GetObjectVersion"],
                        Resource: [`${BUCKET_A}/*`],
                        Condition: BOTH_ACCOUNT,
                    },
                    AGENTCORE_CODE_STATEMENT,
                ),
            );
            expect(
                endpointPolicy("s3", input({ codeBucketArns: [BUCKET_B, BUCKET_A, BUCKET_B] })).Statement[1].Resource,
            ).to.deep.equal([`${BUCKET_A}/*`, `${BUCKET_B}/*`]);
        });

        it("names the region's buckets in another partition", () => {
            const gov = s3GatewayPolicy(
                input({
                    partition: "aws-us-gov",
                    region: "us-gov-west-1",
                    codeBucketArns: ["arn:aws-us-gov:s3:::code"],
                }),
            );
            expect(gov.Statement.map((s) => s.Resource)).to.deep.equal([
                "arn:aws-us-gov:s3:::prod-us-gov-west-1-starport-layer-bucket/*",
                ["arn:aws-us-gov:s3:::code/*"],
                [
                    "arn:aws-us-gov:s3:::acr-code-*-us-gov-west-1-an",
                    "arn:aws-us-gov:s3:::acr-code-*-us-gov-west-1-an/*",
                ],
            ]);
        });

        it("data perimeter: layers, any S3 request of ours to a bucket of ours, and AgentCore's code buckets", () => {
            const perimeter = (both: unknown) =>
                doc(
                    LAYER_STATEMENT,
                    {
                        Sid: "PerimeterPrincipalsToPerimeterBuckets",
                        Effect: "Allow",
                        Principal: "*",
                        Action: ["s3:*"],
                        Resource: "*",
                        Condition: both,
                    },
                    AGENTCORE_CODE_STATEMENT,
                );
            expect(endpointPolicy("s3", MODES.dataPerimeter)).to.deep.equal(
                perimeter({ StringEquals: { "aws:PrincipalAccount": ACCOUNT, "s3:ResourceAccount": ACCOUNT } }),
            );
            expect(endpointPolicy("s3", MODES.organizationDataPerimeter)).to.deep.equal(perimeter(BOTH_ORG));
            // The perimeter lists no bucket: configured code buckets change nothing.
            expect(s3GatewayPolicy(input({ dataPerimeter: true, codeBucketArns: [BUCKET_A] }))).to.deep.equal(
                perimeter({ StringEquals: { "aws:PrincipalAccount": ACCOUNT, "s3:ResourceAccount": ACCOUNT } }),
            );
        });
    });

    describe("sts", () => {
        it("this account's callers, and web-identity or SAML federation into this account's roles only", () => {
            const expected = doc(
                {
                    Sid: "AccountCallersOnly",
                    Effect: "Allow",
                    Principal: "*",
                    Action: ["*"],
                    Resource: "*",
                    Condition: PRINCIPAL_ACCOUNT,
                },
                {
                    Sid: "FederationIntoAccountRoles",
                    Effect: "Allow",
                    Principal: "*",
                    Action: ["sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"],
                    Resource: `arn:aws:iam::${ACCOUNT}:role/*`,
                    Condition: { StringEquals: { "aws:ResourceAccount": ACCOUNT } },
                },
            );
            for (const [mode, given] of Object.entries(MODES)) {
                expect(endpointPolicy("sts", given), mode).to.deep.equal(expected);
            }
        });
    });

    describe("xray", () => {
        it("sends traces and spans and reads sampling rules, for this account's callers, in every mode", () => {
            const expected = doc({
                Sid: "AccountCallersSendTraces",
                Effect: "Allow",
                Principal: "*",
                Action: [
                    "xray:PutTraceSegments",
                    "xray:PutTelemetryRecords",
                    "xray:GetSamplingRules",
                    "xray:GetSamplingTargets",
                    "xray:PutSpans",
                    "xray:PutSpansForIndexing",
                ],
                Resource: "*",
                Condition: PRINCIPAL_ACCOUNT,
            });
            for (const [mode, given] of Object.entries(MODES)) {
                expect(endpointPolicy("xray", given), mode).to.deep.equal(expected);
            }
        });
    });

    describe("secretsmanager", () => {
        const secrets = (both: unknown) =>
            doc({
                Sid: "OwnPrincipalsOwnSecrets",
                Effect: "Allow",
                Principal: "*",
                Action: ["secretsmanager:*"],
                Resource: "*",
                Condition: both,
            });

        it("principals of ours to secrets of ours: the account, or the organization when configured", () => {
            expect(endpointPolicy("secretsmanager", MODES.account)).to.deep.equal(secrets(BOTH_ACCOUNT));
            expect(endpointPolicy("secretsmanager", MODES.dataPerimeter)).to.deep.equal(secrets(BOTH_ACCOUNT));
            expect(endpointPolicy("secretsmanager", MODES.organization)).to.deep.equal(secrets(BOTH_ORG));
        });
    });

    describe("any other service", () => {
        it("everything, for this account's callers only (monitoring, kms, an unlisted suffix), in every mode", () => {
            const expected = doc({
                Sid: "AccountCallersOnly",
                Effect: "Allow",
                Principal: "*",
                Action: ["*"],
                Resource: "*",
                Condition: PRINCIPAL_ACCOUNT,
            });
            for (const service of ["monitoring", "kms", "bedrock-data-automation-runtime"]) {
                for (const [mode, given] of Object.entries(MODES)) {
                    expect(endpointPolicy(service, given), `${service} ${mode}`).to.deep.equal(expected);
                }
            }
        });
    });
});
