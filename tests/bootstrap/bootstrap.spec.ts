/**
 * The CI bootstrap program (bootstrap/) under the recording mocks: config errors, the OIDC
 * provider, the trust of each role, least privilege of the preview and deploy grants, the
 * guardrail and the boundary. Expected values are literals from the requirement.
 */
import { expect } from "chai";
import * as path from "path";
import { validateBootstrapConfig } from "../../bootstrap/config";
import { applySplit, deployPolicy, planSplit, policySize } from "../../bootstrap/iam";
import { runProgram, runStack } from "../../src/plan/offline/runProgram";
import { stackConfig } from "../../src/plan/offline/stackFiles";
import { deployerGuardrailDocument } from "../../src/security/deployerGuardrail";
import { ProgramRun, RecordedResource, REPO_ROOT } from "../helpers";

const BOOTSTRAP = path.join(REPO_ROOT, "bootstrap");
const PROGRAM = require.resolve("../../bootstrap/index");

const STAGING = {
    name: "staging",
    subnetIds: ["subnet-0a1b2c3d4e5f60011", "subnet-0a1b2c3d4e5f60012"],
    securityGroupIds: ["sg-0a1b2c3d4e5f60013"],
};
const PRODUCTION = {
    name: "production",
    subnetIds: ["subnet-0a1b2c3d4e5f60021"],
    securityGroupIds: ["sg-0a1b2c3d4e5f60024"],
};

function runBootstrap(values: Record<string, unknown>): Promise<ProgramRun> {
    const config: Record<string, string> = { "aws:region": "us-east-1" };
    for (const [k, v] of Object.entries(values)) {
        config[`agentcore-bootstrap:${k}`] = typeof v === "string" ? v : JSON.stringify(v);
    }
    return runProgram({
        project: "agentcore-bootstrap",
        stack: "ci",
        config,
        program: () => {
            delete require.cache[PROGRAM];
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            return { ...require(PROGRAM) };
        },
    });
}

const BASE = { githubRepository: "acme/agentcore-private", environments: [STAGING, PRODUCTION] };

function named(run: ProgramRun, type: string, name: string): RecordedResource {
    const found = run.resources.filter((r) => r.type === type && r.name === name);
    expect(found, `${type} ${name}`).to.have.length(1);
    return found[0];
}

function doc(
    r: RecordedResource,
    key: string,
): {
    Statement: {
        Sid: string;
        Effect: string;
        Action: string[];
        Resource: string | string[];
        Condition?: Record<string, Record<string, unknown>>;
        Principal?: unknown;
    }[];
} {
    return JSON.parse(String(r.inputs[key]));
}

describe("bootstrap: config", () => {
    const raw = (values: Record<string, unknown>) => ({
        stack: "ci",
        values: Object.fromEntries(
            Object.entries(values).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
        ),
    });

    it("reports every problem at once, each with key, value, what is allowed and an example", () => {
        const bad = {
            githubRepository: "acme/*",
            oidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/gitlab.com",
            environments: [
                { name: "qa", subnetIds: ["subnet-0a1b2c3d4e5f60011"], securityGroupIds: ["sg-0a1b2c3d4e5f60013"] },
                { name: "staging", subnetIds: ["subnet-XYZ"], securityGroupIds: [], extra: 1 },
            ],
        };
        expect(() => validateBootstrapConfig(raw(bad))).to.throw(
            [
                `Stack "ci" has 6 configuration problems; nothing was created:`,
                `  - githubRepository "acme/*" is invalid: owner/name as GitHub spells it, no wildcards (e.g. "acme/agentcore-private")`,
                `  - oidcProviderArn "arn:aws:iam::123456789012:oidc-provider/gitlab.com" is invalid: the ARN of this account's token.actions.githubusercontent.com provider, or empty to create one (e.g. "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com")`,
                `  - environments[0].name "qa" is invalid: one of development, staging, production (e.g. "staging")`,
                `  - environments[1].subnetIds[0] "subnet-XYZ" is invalid: a subnet ID (e.g. "subnet-0a1b2c3d4e5f60001")`,
                `  - environments[1].securityGroupIds [] is invalid: a list of 1 to 16 security group IDs (e.g. [sg-0a1b2c3d4e5f60003])`,
                `  - environments[1].extra 1 is invalid: not a known field; use name, stack, kind, compute, subnetIds, securityGroupIds, promoteFrom (e.g. environments[1].name)`,
            ].join("\n"),
        );
    });

    it("refuses a misspelt key with the nearest known one, and keys of the main program", () => {
        expect(() =>
            validateBootstrapConfig(raw({ githubRepository: "a/b", environments: [STAGING], mainProjekt: "x" })),
        ).to.throw(
            `agentcore-bootstrap:mainProjekt "x" is invalid: not a setting of this program (did you mean mainProject?)`,
        );
        expect(() =>
            validateBootstrapConfig(raw({ githubRepository: "a/b", environments: [STAGING], cpu: "512" })),
        ).to.throw(
            `agentcore-bootstrap:cpu "512" is invalid: not a setting of this program; known keys: githubRepository, oidcProviderArn, mainProject, environments`,
        );
        // Near miss: the same config without the stray key is valid.
        expect(
            validateBootstrapConfig(raw({ githubRepository: "a/b", environments: [STAGING] })).environments,
        ).to.have.length(1);
    });

    it("requires the subnets and security groups of a stack that runs runtimes, and none of a network stack", () => {
        expect(() =>
            validateBootstrapConfig(raw({ githubRepository: "a/b", environments: [{ name: "staging" }] })),
        ).to.throw(`environments[0].subnetIds null is invalid: a list of 1 to 16 subnet IDs`);
        expect(() =>
            validateBootstrapConfig(
                raw({
                    githubRepository: "a/b",
                    environments: [{ name: "staging", kind: "network", subnetIds: ["subnet-12345678"] }],
                }),
            ),
        ).to.throw(`environments[0].subnetIds ["subnet-12345678"] is invalid: unset for a network stack`);
        expect(
            validateBootstrapConfig(
                raw({ githubRepository: "a/b", environments: [{ name: "staging", kind: "network" }] }),
            ).environments[0],
        ).to.deep.equal({
            name: "staging",
            stack: "staging",
            kind: "network",
            compute: "microvm",
            subnetIds: [],
            securityGroupIds: [],
        });
    });

    it("requires the repository and the environments", () => {
        expect(() => validateBootstrapConfig(raw({}))).to.throw(
            /githubRepository is missing: .*\n.*environments is missing/,
        );
    });

    it("probes the bounds: 8 and 17 hex digits, 16 IDs, each environment once", () => {
        const env = (subnetIds: string[], name = "development") => ({
            githubRepository: "a/b",
            environments: [{ name, subnetIds, securityGroupIds: ["sg-12345678"] }],
        });
        expect(validateBootstrapConfig(raw(env(["subnet-12345678"]))).environments[0].subnetIds).to.deep.equal([
            "subnet-12345678",
        ]);
        expect(() => validateBootstrapConfig(raw(env(["subnet-1234567"])))).to.throw(
            'subnetIds[0] "subnet-1234567" is invalid: a subnet ID',
        );
        expect(validateBootstrapConfig(raw(env(["subnet-0123456789abcdef0"]))).environments).to.have.length(1);
        expect(() => validateBootstrapConfig(raw(env(["subnet-0123456789abcdef01"])))).to.throw(
            'subnetIds[0] "subnet-0123456789abcdef01" is invalid: a subnet ID',
        );
        const sixteen = Array.from({ length: 16 }, (_, i) => `subnet-${(0x10000000 + i).toString(16)}`);
        expect(validateBootstrapConfig(raw(env(sixteen))).environments[0].subnetIds).to.have.length(16);
        expect(() => validateBootstrapConfig(raw(env([...sixteen, "subnet-20000000"])))).to.throw(
            "a list of 1 to 16 subnet IDs",
        );
        expect(() => validateBootstrapConfig(raw(env(["subnet-12345678", "subnet-12345678"])))).to.throw(
            "distinct subnet IDs",
        );
        const twice = { githubRepository: "a/b", environments: [STAGING, STAGING] };
        expect(() => validateBootstrapConfig(raw(twice))).to.throw(
            `environments[1].name "staging" is invalid: each environment once`,
        );
    });

    it("a failing config registers nothing", async () => {
        const run = await runBootstrap({ githubRepository: "acme" });
        expect(run.error?.message).to.contain(`githubRepository "acme" is invalid`);
        expect(run.resources.filter((r) => r.type.startsWith("aws:"))).to.deep.equal([]);
    });
});

describe("bootstrap: identities", () => {
    let run: ProgramRun;
    before(async () => {
        run = await runBootstrap(BASE);
        expect(run.error).to.equal(undefined);
    });

    it("creates GitHub's OIDC provider for the STS audience, protected", () => {
        const provider = named(run, "aws:iam/openIdConnectProvider:OpenIdConnectProvider", "agentcore-ci-github-oidc");
        expect(provider.inputs.url).to.equal("https://token.actions.githubusercontent.com");
        expect(provider.inputs.clientIdLists).to.deep.equal(["sts.amazonaws.com"]);
        expect(provider.protect).to.equal(true);
        expect(provider.parent).to.match(/agentcore:bootstrap:CiIdentities::agentcore-ci$/);
    });

    it("the preview role trusts only pull-request jobs of the repository", () => {
        const trust = doc(named(run, "aws:iam/role:Role", "agentcore-ci-preview"), "assumeRolePolicy");
        expect(trust.Statement).to.deep.equal([
            {
                Sid: "GitHubActionsOidc",
                Effect: "Allow",
                Principal: { Federated: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" },
                Action: ["sts:AssumeRoleWithWebIdentity"],
                Condition: {
                    StringEquals: {
                        "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                        "token.actions.githubusercontent.com:sub": "repo:acme/agentcore-private:pull_request",
                    },
                },
            },
        ]);
    });

    it("each deploy role trusts only jobs in its GitHub environment", () => {
        for (const env of ["staging", "production"]) {
            const role = named(run, "aws:iam/role:Role", `agentcore-ci-deploy-${env}`);
            expect(role.inputs.name).to.equal(`agentcore-ci-deploy-${env}`);
            const trust = doc(role, "assumeRolePolicy");
            expect(trust.Statement[0].Condition).to.deep.equal({
                StringEquals: {
                    "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                    "token.actions.githubusercontent.com:sub": `repo:acme/agentcore-private:environment:${env}`,
                },
            });
        }
        expect(run.resources.filter((r) => r.name === "agentcore-ci-deploy-development")).to.deep.equal([]);
    });

    it("every role carries the boundary, which shuts the escalation paths", () => {
        const boundary = named(run, "aws:iam/policy:Policy", "agentcore-ci-boundary");
        for (const role of run.resources.filter((r) => r.type === "aws:iam/role:Role")) {
            expect(role.inputs.permissionsBoundary, role.name).to.equal(
                "arn:aws:iam::123456789012:policy/agentcore-ci-boundary",
            );
            expect(role.inputs.maxSessionDuration).to.equal(3600);
        }
        const denies = doc(boundary, "policy").Statement.filter((s) => s.Effect === "Deny");
        expect(denies.map((s) => s.Sid)).to.deep.equal([
            "DenyChangingCiIdentities",
            "DenyChangingOidcProviders",
            "DenyLongLivedCredentialsAndEscalation",
            "DenyAttachingOtherManagedPolicies",
        ]);
        expect(denies[0].Resource).to.deep.equal([
            "arn:aws:iam::123456789012:role/agentcore-ci-*",
            "arn:aws:iam::123456789012:policy/agentcore-ci-*",
        ]);
        expect(denies[2].Action).to.include.members([
            "iam:CreateAccessKey",
            "iam:CreateUser",
            "iam:PutRolePermissionsBoundary",
            "iam:DeleteRolePermissionsBoundary",
        ]);
    });

    it("the preview grants read only: no action that creates, changes or deletes", () => {
        const policy = doc(named(run, "aws:iam/rolePolicy:RolePolicy", "agentcore-ci-preview-read"), "policy");
        const actions = policy.Statement.flatMap((s) => s.Action);
        expect(actions.filter((a) => !/^[a-z0-9-]+:(Describe|Get|List)[A-Za-z]*$/.test(a))).to.deep.equal([]);
        expect(actions).to.include.members([
            "ec2:DescribeVpcs",
            "ec2:DescribePrefixLists",
            "bedrock-agentcore:GetAgentRuntime",
            "ecr:GetAuthorizationToken",
        ]);
        // An inline policy: IAM allows 10,240 characters of inline policy per role.
        expect(
            String(named(run, "aws:iam/rolePolicy:RolePolicy", "agentcore-ci-preview-read").inputs.policy).replace(
                /\s/g,
                "",
            ).length,
        ).to.be.at.most(10240);
    });

    function deployStatements(env: string) {
        const parts = run.resources.filter(
            (r) => r.type === "aws:iam/policy:Policy" && r.name.startsWith(`agentcore-ci-deploy-${env}-grants-`),
        );
        expect(parts.length).to.be.greaterThan(0);
        for (const part of parts) {
            expect(String(part.inputs.policy).replace(/\s/g, "").length, part.name).to.be.at.most(6144);
            const attached = run.resources.filter(
                (r) =>
                    r.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment" &&
                    r.inputs.policyArn === `arn:aws:iam::123456789012:policy/${part.inputs.name}`,
            );
            expect(
                attached.map((a) => a.inputs.role),
                part.name,
            ).to.deep.equal([`agentcore-ci-deploy-${env}`]);
        }
        return parts.flatMap((p) => doc(p, "policy").Statement);
    }

    it("the deploy grants pass only the environment's execution role to AgentCore and its flow-log role to VPC flow logs", () => {
        const passes = deployStatements("staging").filter((s) => s.Action.includes("iam:PassRole"));
        expect(passes).to.deep.equal([
            {
                Sid: "PassExecutionRoleToAgentCore",
                Effect: "Allow",
                Action: ["iam:PassRole"],
                Resource: "arn:aws:iam::123456789012:role/agentcore-staging-execution-role-*",
                Condition: { StringEquals: { "iam:PassedToService": "bedrock-agentcore.amazonaws.com" } },
            },
            {
                Sid: "PassFlowLogRoleToVpcFlowLogs",
                Effect: "Allow",
                Action: ["iam:PassRole"],
                Resource: "arn:aws:iam::123456789012:role/agentcore-staging-flow-logs-role-*",
                Condition: { StringEquals: { "iam:PassedToService": "vpc-flow-logs.amazonaws.com" } },
            },
        ]);
    });

    it("the deploy grants name every action, and use * only where AWS has no resource to name", () => {
        const statements = deployStatements("production");
        for (const s of statements) {
            expect(s.Effect).to.equal("Allow");
            expect(
                s.Action.filter((a) => a.includes("*")),
                s.Sid,
            ).to.deep.equal([]);
        }
        const unscoped = statements.filter((s) => s.Resource === "*").map((s) => s.Sid);
        expect(unscoped).to.deep.equal([
            "Ec2Read",
            "KmsCreateTaggedKey",
            "KmsListAliases",
            "ObservabilityUnscoped",
            "XRayTransactionSearch",
            "EcrAuthorizationToken",
            "AgentCoreCreateRuntime",
            "AgentCoreList",
            "CloudControl",
        ]);
        const byId = Object.fromEntries(statements.map((s) => [s.Sid, s]));
        // CreateAgentRuntime and the List actions have no resource type (Service Authorization Reference).
        expect(byId.AgentCoreCreateRuntime.Action).to.deep.equal(["bedrock-agentcore:CreateAgentRuntime"]);
        expect(byId.AgentCoreList.Action).to.deep.equal([
            "bedrock-agentcore:ListAgentRuntimeEndpoints",
            "bedrock-agentcore:ListAgentRuntimeVersions",
            "bedrock-agentcore:ListAgentRuntimes",
            "bedrock-agentcore:ListCapacityProviders",
        ]);
        expect(byId.AgentCoreRuntimes.Action.filter((a) => /:(Create|List)Agent/.test(a))).to.deep.equal([
            "bedrock-agentcore:CreateAgentRuntimeEndpoint",
        ]);
        expect(byId.KmsCreateTaggedKey.Condition).to.deep.equal({
            StringEquals: { "aws:RequestTag/Environment": "production" },
        });
        expect(byId.Ec2DeleteOwnEnvironment.Condition).to.deep.equal({
            StringEquals: { "aws:ResourceTag/Environment": "production" },
        });
        expect(byId.IamStackRoles.Resource).to.equal("arn:aws:iam::123456789012:role/agentcore-production-*");
        expect(byId.AgentCoreRuntimes.Resource).to.deep.equal([
            "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/*_production-*",
            "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/*_production-*/runtime-endpoint/*",
        ]);
        expect(byId.AgentCoreNetworkServiceLinkedRole).to.deep.equal({
            Sid: "AgentCoreNetworkServiceLinkedRole",
            Effect: "Allow",
            Action: ["iam:CreateServiceLinkedRole"],
            Resource:
                "arn:aws:iam::123456789012:role/aws-service-role/network.bedrock-agentcore.amazonaws.com/AWSServiceRoleForBedrockAgentCoreNetwork",
            Condition: { StringEquals: { "iam:AWSServiceName": "network.bedrock-agentcore.amazonaws.com" } },
        });
        expect(byId.CloudWatchDashboard.Resource).to.equal(
            "arn:aws:cloudwatch::123456789012:dashboard/agentcore-production",
        );
        // Nothing of the CI identities themselves.
        expect(JSON.stringify(statements)).not.to.contain("agentcore-ci");
    });

    it("attaches the guardrail with the environment's subnets and security groups to its deploy role only", () => {
        const guardrail = named(run, "aws:iam/policy:Policy", "agentcore-ci-deploy-staging-guardrail");
        const statements = doc(guardrail, "policy").Statement;
        expect(statements.map((s) => [s.Sid, s.Effect, s.Action, s.Resource, s.Condition])).to.deep.equal([
            [
                "DenyRuntimeOutsideStackSubnets",
                "Deny",
                ["bedrock-agentcore:CreateAgentRuntime", "bedrock-agentcore:UpdateAgentRuntime"],
                "*",
                {
                    "ForAnyValue:StringNotEquals": {
                        "bedrock-agentcore:subnets": ["subnet-0a1b2c3d4e5f60011", "subnet-0a1b2c3d4e5f60012"],
                    },
                },
            ],
            [
                "DenyRuntimeWithoutSubnets",
                "Deny",
                ["bedrock-agentcore:CreateAgentRuntime", "bedrock-agentcore:UpdateAgentRuntime"],
                "*",
                { Null: { "bedrock-agentcore:subnets": "true" } },
            ],
            [
                "DenyRuntimeOutsideStackSecurityGroups",
                "Deny",
                ["bedrock-agentcore:CreateAgentRuntime", "bedrock-agentcore:UpdateAgentRuntime"],
                "*",
                { "ForAnyValue:StringNotEquals": { "bedrock-agentcore:securityGroups": ["sg-0a1b2c3d4e5f60013"] } },
            ],
            [
                "DenyRuntimeWithoutSecurityGroups",
                "Deny",
                ["bedrock-agentcore:CreateAgentRuntime", "bedrock-agentcore:UpdateAgentRuntime"],
                "*",
                { Null: { "bedrock-agentcore:securityGroups": "true" } },
            ],
            ["DenyAnyCapacityProvider", "Deny", ["bedrock-agentcore:PassCapacityProvider"], "*", undefined],
        ]);
        const attachment = named(
            run,
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
            "agentcore-ci-deploy-staging-guardrail",
        );
        expect(attachment.inputs).to.deep.equal({
            role: "agentcore-ci-deploy-staging",
            policyArn: "arn:aws:iam::123456789012:policy/agentcore-ci-guardrail-staging",
        });
    });

    it("exports the ARNs and the GitHub variables they go into", () => {
        expect(run.outputs).to.deep.equal({
            oidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com",
            previewRoleArn: "arn:aws:iam::123456789012:role/agentcore-ci-preview",
            deployRoleArns: {
                staging: "arn:aws:iam::123456789012:role/agentcore-ci-deploy-staging",
                production: "arn:aws:iam::123456789012:role/agentcore-ci-deploy-production",
            },
            boundaryPolicyArn: "arn:aws:iam::123456789012:policy/agentcore-ci-boundary",
            githubVariables: {
                repository: { AWS_ROLE_ARN: "arn:aws:iam::123456789012:role/agentcore-ci-preview" },
                environments: {
                    staging: { AWS_ROLE_ARN: "arn:aws:iam::123456789012:role/agentcore-ci-deploy-staging" },
                    production: { AWS_ROLE_ARN: "arn:aws:iam::123456789012:role/agentcore-ci-deploy-production" },
                },
            },
        });
    });

    it("trusts an existing provider instead of creating a second one", async () => {
        const existing = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
        const adopted = await runBootstrap({ ...BASE, oidcProviderArn: existing });
        expect(
            adopted.resources.filter((r) => r.type === "aws:iam/openIdConnectProvider:OpenIdConnectProvider"),
        ).to.deep.equal([]);
        expect(
            doc(named(adopted, "aws:iam/role:Role", "agentcore-ci-preview"), "assumeRolePolicy").Statement[0].Principal,
        ).to.deep.equal({ Federated: existing });
    });

    it("the committed stack file bootstrap/Pulumi.ci.yaml is valid and makes a deploy role per main stack", async () => {
        const { project, config } = stackConfig("ci", BOOTSTRAP);
        expect(project).to.equal("agentcore-bootstrap");
        const fromFile = await runProgram({
            project,
            stack: "ci",
            config,
            program: () => {
                delete require.cache[PROGRAM];
                // eslint-disable-next-line @typescript-eslint/no-require-imports
                return { ...require(PROGRAM) };
            },
        });
        expect(fromFile.error).to.equal(undefined);
        expect(Object.keys((fromFile.outputs?.deployRoleArns ?? {}) as object)).to.deep.equal([
            "development",
            "staging",
            "production",
            "network",
            "agents-support",
            "agents-instances",
        ]);
        // The agent stack on Instances: its guardrail admits its own capacity provider only.
        const instancesGuardrail = fromFile.resources.find(
            (r) => r.type === "aws:iam/policy:Policy" && r.inputs.name === "agentcore-ci-guardrail-agents-instances",
        );
        expect(JSON.parse(String(instancesGuardrail?.inputs.policy)).Statement[2].NotResource).to.equal(
            "arn:aws:bedrock-agentcore:us-east-1:123456789012:capacity-provider/agents_agents_instances-*",
        );
        // The network stack runs no runtime: no guardrail policy for its role.
        const guardrails = fromFile.resources
            .filter((r) => r.type === "aws:iam/policy:Policy" && String(r.inputs.name).includes("-guardrail-"))
            .map((r) => r.inputs.name);
        expect(guardrails).to.not.include("agentcore-ci-guardrail-network");
        expect(guardrails).to.include("agentcore-ci-guardrail-agents-support");
    });
});

describe("bootstrap: policy size", () => {
    it("splits statements in order into documents of at most the limit", () => {
        const big = {
            Version: "2012-10-17" as const,
            Statement: [0, 1, 2].map((i) => ({
                Sid: `S${i}`,
                Effect: "Allow" as const,
                Action: ["s3:GetObject"],
                Resource: `arn:aws:s3:::${"b".repeat(40)}/${i}`,
            })),
        };
        const one = policySize({ Version: "2012-10-17", Statement: [big.Statement[0]] });
        const two = policySize({ Version: "2012-10-17", Statement: big.Statement.slice(0, 2) });
        expect(planSplit(big, two)).to.deep.equal([[0, 1], [2]]);
        expect(planSplit(big, two - 1)).to.deep.equal([[0], [1], [2]]);
        expect(applySplit(big, [[0, 1], [2]]).map((d) => d.Statement.map((s) => s.Sid))).to.deep.equal([
            ["S0", "S1"],
            ["S2"],
        ]);
        expect(() => planSplit(big, one - 1)).to.throw("statement S0 alone is");
    });

    it("the guardrail is the main program's builder, which refuses empty lists", () => {
        expect(
            deployerGuardrailDocument({ subnetIds: ["subnet-1"], securityGroupIds: ["sg-1"] }).Statement,
        ).to.have.length(5);
        expect(() => deployerGuardrailDocument({ subnetIds: [], securityGroupIds: ["sg-1"] })).to.throw(
            "at least one subnet ID",
        );
    });
});

describe("bootstrap: EC2 creates carry the environment's tag", () => {
    it("no grant without the tag condition names a resource type that is being created", async () => {
        const run = await runBootstrap(BASE);
        const statements = run.resources
            .filter(
                (r) => r.type === "aws:iam/policy:Policy" && r.name.startsWith("agentcore-ci-deploy-staging-grants-"),
            )
            .flatMap((p) => doc(p, "policy").Statement);
        const created: Record<string, string> = {
            "ec2:CreateVpc": "vpc/*",
            "ec2:CreateSubnet": "subnet/*",
            "ec2:CreateRouteTable": "route-table/*",
            "ec2:CreateSecurityGroup": "security-group/*",
            "ec2:CreateVpcEndpoint": "vpc-endpoint/*",
            "ec2:CreateFlowLogs": "vpc-flow-log/*",
        };
        for (const [action, type] of Object.entries(created)) {
            const arn = `arn:aws:ec2:us-east-1:123456789012:${type}`;
            const grants = statements.filter(
                (s) => s.Action.includes(action) && ([] as string[]).concat(s.Resource).includes(arn),
            );
            expect(
                grants.map((s) => [s.Sid, s.Condition]),
                action,
            ).to.deep.equal([["Ec2CreateTagged", { StringEquals: { "aws:RequestTag/Environment": "staging" } }]]);
        }
    });
});

/**
 * Coverage: every resource type the real stacks create needs these actions of the deploy
 * role (create, read, update or delete, and what the create implies: a passed role, the
 * stack key, a vended-log permission). A new resource type fails here until it is listed
 * and granted, so the deploy grants cannot fall behind the program again.
 */
const REQUIRED_ACTIONS: Record<string, string[]> = {
    "aws:ec2/vpc:Vpc": ["ec2:CreateVpc", "ec2:ModifyVpcAttribute", "ec2:DescribeVpcs", "ec2:DeleteVpc"],
    "aws:ec2/subnet:Subnet": ["ec2:CreateSubnet", "ec2:DescribeSubnets", "ec2:DeleteSubnet"],
    "aws:ec2/routeTable:RouteTable": ["ec2:CreateRouteTable", "ec2:DescribeRouteTables", "ec2:DeleteRouteTable"],
    "aws:ec2/routeTableAssociation:RouteTableAssociation": ["ec2:AssociateRouteTable", "ec2:DisassociateRouteTable"],
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": [
        "ec2:DescribeSecurityGroups",
        "ec2:RevokeSecurityGroupIngress",
        "ec2:RevokeSecurityGroupEgress",
    ],
    "aws:ec2/securityGroup:SecurityGroup": [
        "ec2:CreateSecurityGroup",
        "ec2:DescribeSecurityGroups",
        "ec2:DeleteSecurityGroup",
    ],
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": [
        "ec2:AuthorizeSecurityGroupEgress",
        "ec2:DescribeSecurityGroupRules",
        "ec2:RevokeSecurityGroupEgress",
    ],
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": [
        "ec2:AuthorizeSecurityGroupIngress",
        "ec2:DescribeSecurityGroupRules",
        "ec2:RevokeSecurityGroupIngress",
    ],
    "aws:ec2/vpcEndpoint:VpcEndpoint": [
        "ec2:CreateVpcEndpoint",
        "ec2:DescribeVpcEndpoints",
        "ec2:ModifyVpcEndpoint",
        "ec2:DeleteVpcEndpoints",
    ],
    "aws:ec2/flowLog:FlowLog": ["ec2:CreateFlowLogs", "ec2:DescribeFlowLogs", "ec2:DeleteFlowLogs", "iam:PassRole"],
    "aws:iam/role:Role": ["iam:CreateRole", "iam:GetRole", "iam:TagRole", "iam:DeleteRole"],
    "aws:iam/rolePolicy:RolePolicy": ["iam:PutRolePolicy", "iam:GetRolePolicy", "iam:DeleteRolePolicy"],
    "aws:kms/key:Key": [
        "kms:CreateKey",
        "kms:PutKeyPolicy",
        "kms:EnableKeyRotation",
        "kms:DescribeKey",
        "kms:ScheduleKeyDeletion",
    ],
    "aws:kms/alias:Alias": ["kms:CreateAlias", "kms:ListAliases", "kms:DeleteAlias"],
    "aws:cloudwatch/logGroup:LogGroup": [
        "logs:CreateLogGroup",
        "logs:PutRetentionPolicy",
        "logs:AssociateKmsKey",
        "logs:DescribeLogGroups",
        "logs:DeleteLogGroup",
    ],
    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": [
        "logs:PutResourcePolicy",
        "logs:DescribeResourcePolicies",
        "logs:DeleteResourcePolicy",
    ],
    "aws:cloudwatch/logDeliverySource:LogDeliverySource": [
        "logs:PutDeliverySource",
        "logs:GetDeliverySource",
        "logs:DeleteDeliverySource",
        "bedrock-agentcore:AllowVendedLogDeliveryForResource",
    ],
    "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination": [
        "logs:PutDeliveryDestination",
        "logs:GetDeliveryDestination",
        "logs:DeleteDeliveryDestination",
    ],
    "aws:cloudwatch/logDelivery:LogDelivery": ["logs:CreateDelivery", "logs:GetDelivery", "logs:DeleteDelivery"],
    "aws:cloudwatch/queryDefinition:QueryDefinition": [
        "logs:PutQueryDefinition",
        "logs:DescribeQueryDefinitions",
        "logs:DeleteQueryDefinition",
    ],
    "aws:cloudwatch/contributorInsightRule:ContributorInsightRule": [
        "cloudwatch:PutInsightRule",
        "cloudwatch:DescribeInsightRules",
        "cloudwatch:DeleteInsightRules",
    ],
    "aws:cloudwatch/metricAlarm:MetricAlarm": [
        "cloudwatch:PutMetricAlarm",
        "cloudwatch:DescribeAlarms",
        "cloudwatch:DeleteAlarms",
    ],
    "aws:cloudwatch/dashboard:Dashboard": [
        "cloudwatch:PutDashboard",
        "cloudwatch:GetDashboard",
        "cloudwatch:DeleteDashboards",
    ],
    "aws:sns/topic:Topic": ["sns:CreateTopic", "sns:GetTopicAttributes", "sns:DeleteTopic"],
    "aws:sns/topicPolicy:TopicPolicy": ["sns:SetTopicAttributes", "sns:GetTopicAttributes"],
    "aws:sns/topicSubscription:TopicSubscription": [
        "sns:Subscribe",
        "sns:GetSubscriptionAttributes",
        "sns:Unsubscribe",
    ],
    "aws:s3/bucket:Bucket": [
        "s3:CreateBucket",
        "s3:PutBucketTagging",
        "s3:GetBucketAcl",
        "s3:ListBucketVersions",
        "s3:DeleteObjectVersion",
        "s3:DeleteBucket",
    ],
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": [
        "s3:PutBucketOwnershipControls",
        "s3:GetBucketOwnershipControls",
    ],
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": [
        "s3:PutBucketPublicAccessBlock",
        "s3:GetBucketPublicAccessBlock",
    ],
    "aws:s3/bucketVersioning:BucketVersioning": ["s3:PutBucketVersioning", "s3:GetBucketVersioning"],
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": [
        "s3:PutEncryptionConfiguration",
        "s3:GetEncryptionConfiguration",
    ],
    "aws:s3/bucketPolicy:BucketPolicy": ["s3:PutBucketPolicy", "s3:GetBucketPolicy", "s3:DeleteBucketPolicy"],
    "aws:s3/bucketObjectv2:BucketObjectv2": [
        "s3:PutObject",
        "s3:GetObject",
        "s3:GetObjectTagging",
        "s3:DeleteObject",
        "kms:GenerateDataKey",
        "kms:Decrypt",
    ],
    "aws:ecr/repository:Repository": [
        "ecr:CreateRepository",
        "ecr:PutImageScanningConfiguration",
        "ecr:TagResource",
        "ecr:DescribeRepositories",
        "ecr:DeleteRepository",
        "kms:CreateGrant",
    ],
    "aws:ecr/lifecyclePolicy:LifecyclePolicy": [
        "ecr:PutLifecyclePolicy",
        "ecr:GetLifecyclePolicy",
        "ecr:DeleteLifecyclePolicy",
    ],
    "awsx:ecr:Image": [
        "ecr:GetAuthorizationToken",
        "ecr:BatchCheckLayerAvailability",
        "ecr:InitiateLayerUpload",
        "ecr:UploadLayerPart",
        "ecr:CompleteLayerUpload",
        "ecr:PutImage",
        "kms:GenerateDataKey",
    ],
    "aws:xray/resourcePolicy:ResourcePolicy": [
        "xray:PutResourcePolicy",
        "xray:ListResourcePolicies",
        "xray:DeleteResourcePolicy",
    ],
    "aws:xray/traceSegmentDestination:TraceSegmentDestination": [
        "xray:UpdateTraceSegmentDestination",
        "xray:GetTraceSegmentDestination",
    ],
    "aws:secretsmanager/secret:Secret": [
        "secretsmanager:CreateSecret",
        "secretsmanager:DescribeSecret",
        "secretsmanager:TagResource",
        "secretsmanager:DeleteSecret",
        "kms:GenerateDataKey",
    ],
    "aws:secretsmanager/secretVersion:SecretVersion": [
        "secretsmanager:PutSecretValue",
        "secretsmanager:GetSecretValue",
        "kms:Decrypt",
    ],
    "aws-native:bedrockagentcore:Runtime": [
        "cloudformation:CreateResource",
        "cloudformation:GetResourceRequestStatus",
        "bedrock-agentcore:CreateAgentRuntime",
        "bedrock-agentcore:GetAgentRuntime",
        "bedrock-agentcore:UpdateAgentRuntime",
        "bedrock-agentcore:DeleteAgentRuntime",
        "bedrock-agentcore:CreateWorkloadIdentity",
        "iam:PassRole",
    ],
    "aws-native:bedrockagentcore:RuntimeEndpoint": [
        "cloudformation:CreateResource",
        "bedrock-agentcore:CreateAgentRuntimeEndpoint",
        "bedrock-agentcore:GetAgentRuntimeEndpoint",
        "bedrock-agentcore:UpdateAgentRuntimeEndpoint",
        "bedrock-agentcore:DeleteAgentRuntimeEndpoint",
    ],
    "aws-native:bedrockagentcore:ResourcePolicy": [
        "cloudformation:CreateResource",
        "bedrock-agentcore:PutResourcePolicy",
        "bedrock-agentcore:GetResourcePolicy",
        "bedrock-agentcore:DeleteResourcePolicy",
    ],
};

describe("bootstrap: the deploy grants cover every resource the program creates", function () {
    this.timeout(120_000);
    const createdTypes: Record<string, Set<string>> = {};
    const granted: Record<string, Set<string>> = {};

    before(async () => {
        for (const env of ["development", "staging", "production"]) {
            const run = await runStack(env);
            expect(run.error, env).to.equal(undefined);
            createdTypes[env] = new Set(
                run.resources.map((r) => r.type).filter((t) => !t.startsWith("pulumi:") && !t.startsWith("agentcore:")),
            );
            const policy = deployPolicy({ partition: "aws", region: "us-east-1", accountId: "123456789012" }, env);
            granted[env] = new Set(policy.Statement.filter((s) => s.Effect === "Allow").flatMap((s) => s.Action));
        }
        // No shipped stack stores a secret: staging with one stored value, so the secrets'
        // resource types are covered too.
        const staging = JSON.parse(stackConfig("staging").config["agentcore-private:runtimes"]);
        staging[0].secrets = { CRM_API_KEY_SECRET_ARN: { stored: "crm_api_key" } };
        const withSecret = await runStack(
            "staging",
            { runtimes: JSON.stringify(staging), secretValues: JSON.stringify({ crm_api_key: "value-of-the-secret" }) },
            undefined,
            undefined,
            undefined,
            ["secretValues"],
        );
        expect(withSecret.error, "staging with a stored secret").to.equal(undefined);
        for (const r of withSecret.resources) {
            if (!r.type.startsWith("pulumi:") && !r.type.startsWith("agentcore:")) createdTypes.staging.add(r.type);
        }
    });

    for (const env of ["development", "staging", "production"]) {
        it(`${env}: each created type is in the table and its actions are granted`, () => {
            const unlisted = [...createdTypes[env]].filter((t) => REQUIRED_ACTIONS[t] === undefined);
            expect(unlisted, "resource types missing from REQUIRED_ACTIONS").to.deep.equal([]);
            const missing = [...createdTypes[env]].flatMap((t) =>
                REQUIRED_ACTIONS[t].filter((a) => !granted[env].has(a)).map((a) => `${t}: ${a}`),
            );
            expect(missing).to.deep.equal([]);
        });
    }

    it("stored secrets: only the stack's own name prefix", () => {
        const secrets = deployPolicy(
            { partition: "aws", region: "us-east-1", accountId: "123456789012" },
            "staging",
        ).Statement.find((s) => s.Sid === "SecretsManagerStackSecrets");
        expect(secrets?.Resource).to.equal("arn:aws:secretsmanager:us-east-1:123456789012:secret:agentcore-staging/*");
        // Near miss: production's role names production's prefix, never staging's.
        const production = deployPolicy(
            { partition: "aws", region: "us-east-1", accountId: "123456789012" },
            "production",
        ).Statement.find((s) => s.Sid === "SecretsManagerStackSecrets");
        expect(production?.Resource).to.equal(
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:agentcore-production/*",
        );
    });

    it("the table has no stale rows: every listed type is created by some stack", () => {
        const all = new Set(Object.values(createdTypes).flatMap((s) => [...s]));
        expect(Object.keys(REQUIRED_ACTIONS).filter((t) => !all.has(t))).to.deep.equal([]);
    });

    it("near misses: only production may change the account's trace segment destination; the code bucket, not any bucket", () => {
        expect(createdTypes.staging.has("aws:xray/traceSegmentDestination:TraceSegmentDestination")).to.equal(false);
        expect(granted.staging.has("xray:UpdateTraceSegmentDestination")).to.equal(false);
        expect(granted.production.has("xray:UpdateTraceSegmentDestination")).to.equal(true);
        const bucket = deployPolicy(
            { partition: "aws", region: "us-east-1", accountId: "123456789012" },
            "staging",
        ).Statement.find((s) => s.Sid === "S3CodeBucket");
        expect(bucket?.Resource).to.deep.equal([
            "arn:aws:s3:::agentcore-staging-code-*",
            "arn:aws:s3:::agentcore-staging-code-*/*",
        ]);
        const logs = deployPolicy(
            { partition: "aws", region: "us-east-1", accountId: "123456789012" },
            "staging",
        ).Statement.find((s) => s.Sid === "LogsStackGroups");
        expect(logs?.Resource).to.include.members([
            "arn:aws:logs:us-east-1:123456789012:log-group:/agentcore-staging/runtimes/*",
            "arn:aws:logs:us-east-1:123456789012:log-group:/agentcore-staging/runtimes/*:*",
        ]);
        expect(logs?.Resource).not.to.include(
            "arn:aws:logs:us-east-1:123456789012:log-group:/agentcore-production/runtimes/*",
        );
        // AgentCore's own groups are the service's: the deploy role may neither create nor delete them.
        for (const arn of logs?.Resource ?? []) expect(arn).not.to.include("/aws/bedrock-agentcore/");
    });
});
