/**
 * The CI deploy rights of a `compute: instances` main stack (bootstrap/), evaluated by a real
 * IAM policy evaluator (@cloud-copilot/iam-simulate) together with the CI permissions boundary.
 * Facts: AgentCore's Service Authorization Reference (CreateCapacityProvider has no resource
 * type, PassCapacityProvider takes the `capacity-provider` resource); AgentCore dev guide
 * `runtime-instances-security` (the operator role, its AWS managed policy, the service-linked
 * role `AWSServiceRoleForBedrockAgentCoreRuntimeInstances`). Expected values are literals.
 */
import { expect } from "chai";
import { validateBootstrapConfig } from "../../bootstrap/config";
import { ciBoundaryPolicy, deployPolicy } from "../../bootstrap/iam";
import { runProgram, runStack } from "../../src/plan/offline/runProgram";
import { roleDecider } from "../iamSimulation";

const ACCOUNT = "123456789012";
const ctx = { partition: "aws", region: "us-east-1", accountId: ACCOUNT };
const ROLE = `arn:aws:sts::${ACCOUNT}:assumed-role/agentcore-ci-deploy-staging/run`;
const OPERATOR_POLICY = "arn:aws:iam::aws:policy/BedrockAgentCoreRuntimeInstancesOperatorRolePolicy";
const OWN_OPERATOR = `arn:aws:iam::${ACCOUNT}:role/agentcore-staging-operator-role-1a2b3c4`;
const OTHER_OPERATOR = `arn:aws:iam::${ACCOUNT}:role/agentcore-production-operator-role-1a2b3c4`;
const OWN_PROVIDER = `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:capacity-provider/agents_staging-AbCdEfGhIj`;
const OTHER_PROVIDER = `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:capacity-provider/agents_production-AbCdEfGhIj`;
const SLR = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/runtime-instances.bedrock-agentcore.amazonaws.com/AWSServiceRoleForBedrockAgentCoreRuntimeInstances`;

const instances = deployPolicy(ctx, "staging", { compute: "instances" });
const microvm = deployPolicy(ctx, "staging");

// The staging deploy role with the CI boundary, as AWS decides its requests.
const decide = roleDecider(ROLE, ciBoundaryPolicy(ctx));

describe("bootstrap: deploy rights of an Instances stack", () => {
    it("adds exactly the capacity provider, operator role, service-linked role and instance profile grants", () => {
        const added = instances.Statement.filter((s) => !microvm.Statement.some((m) => m.Sid === s.Sid));
        expect(added).to.deep.equal([
            {
                Sid: "AgentCoreCreateCapacityProvider",
                Effect: "Allow",
                Action: ["bedrock-agentcore:CreateCapacityProvider"],
                Resource: "*",
            },
            {
                Sid: "AgentCoreCapacityProvider",
                Effect: "Allow",
                Action: [
                    "bedrock-agentcore:DeleteCapacityProvider",
                    "bedrock-agentcore:GetCapacityProvider",
                    "bedrock-agentcore:ListTagsForResource",
                    "bedrock-agentcore:PassCapacityProvider",
                    "bedrock-agentcore:TagResource",
                    "bedrock-agentcore:UntagResource",
                    "bedrock-agentcore:UpdateCapacityProvider",
                ],
                Resource: "arn:aws:bedrock-agentcore:us-east-1:123456789012:capacity-provider/agents_staging-*",
            },
            {
                Sid: "PassOperatorRoleToAgentCore",
                Effect: "Allow",
                Action: ["iam:PassRole"],
                Resource: "arn:aws:iam::123456789012:role/agentcore-staging-operator-role-*",
                Condition: { StringEquals: { "iam:PassedToService": "bedrock-agentcore.amazonaws.com" } },
            },
            {
                Sid: "AttachOperatorManagedPolicy",
                Effect: "Allow",
                Action: ["iam:AttachRolePolicy", "iam:DetachRolePolicy"],
                Resource: "arn:aws:iam::123456789012:role/agentcore-staging-operator-role-*",
                Condition: { ArnEquals: { "iam:PolicyARN": OPERATOR_POLICY } },
            },
            {
                Sid: "AgentCoreInstancesServiceLinkedRole",
                Effect: "Allow",
                Action: ["iam:CreateServiceLinkedRole"],
                Resource: SLR,
                Condition: {
                    StringEquals: { "iam:AWSServiceName": "runtime-instances.bedrock-agentcore.amazonaws.com" },
                },
            },
            {
                Sid: "InstanceProfileRead",
                Effect: "Allow",
                Action: ["iam:GetInstanceProfile"],
                Resource: "arn:aws:iam::123456789012:instance-profile/agentcore-staging-*",
            },
        ]);
        // The stack key's DescribeKey (volumes encrypted with it) is the tag-fenced KmsOwnKeys grant.
        const ownKeys = instances.Statement.find((s) => s.Sid === "KmsOwnKeys");
        expect(ownKeys?.Action).to.include("kms:DescribeKey");
    });

    it("passes only the stack's operator role, and only to AgentCore", async () => {
        const to = (service: string) => ({ "iam:PassedToService": service });
        expect(await decide(instances, "iam:PassRole", OWN_OPERATOR, to("bedrock-agentcore.amazonaws.com"))).to.equal(
            "Allowed",
        );
        expect(await decide(instances, "iam:PassRole", OWN_OPERATOR, to("ec2.amazonaws.com"))).to.equal(
            "ImplicitlyDenied",
        );
        expect(await decide(instances, "iam:PassRole", OTHER_OPERATOR, to("bedrock-agentcore.amazonaws.com"))).to.equal(
            "ImplicitlyDenied",
        );
        // Near miss: a microVM stack's role passes no operator role.
        expect(await decide(microvm, "iam:PassRole", OWN_OPERATOR, to("bedrock-agentcore.amazonaws.com"))).to.equal(
            "ImplicitlyDenied",
        );
    });

    it("attaches only AWS's operator policy, to its own operator role; the boundary refuses any other", async () => {
        const policy = (arn: string) => ({ "iam:PolicyARN": arn });
        expect(await decide(instances, "iam:AttachRolePolicy", OWN_OPERATOR, policy(OPERATOR_POLICY))).to.equal(
            "Allowed",
        );
        expect(await decide(instances, "iam:AttachRolePolicy", OTHER_OPERATOR, policy(OPERATOR_POLICY))).to.equal(
            "ImplicitlyDenied",
        );
        const admin = "arn:aws:iam::aws:policy/AdministratorAccess";
        expect(await decide(instances, "iam:AttachRolePolicy", OWN_OPERATOR, policy(admin))).to.equal(
            "ExplicitlyDenied",
        );
        // The boundary alone: whatever a role's grants grow into, only the operator policy attaches.
        const everything = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
        expect(await decide(everything, "iam:AttachRolePolicy", OWN_OPERATOR, policy(admin))).to.equal(
            "ExplicitlyDenied",
        );
        expect(await decide(everything, "iam:AttachRolePolicy", OWN_OPERATOR, policy(OPERATOR_POLICY))).to.equal(
            "Allowed",
        );
        expect(
            await decide(
                everything,
                "iam:AttachRolePolicy",
                `arn:aws:iam::${ACCOUNT}:role/agentcore-ci-deploy-staging`,
                policy(OPERATOR_POLICY),
            ),
        ).to.equal("ExplicitlyDenied");
    });

    it("creates only AgentCore Instances' service-linked role", async () => {
        const service = (name: string) => ({ "iam:AWSServiceName": name });
        expect(
            await decide(
                instances,
                "iam:CreateServiceLinkedRole",
                SLR,
                service("runtime-instances.bedrock-agentcore.amazonaws.com"),
            ),
        ).to.equal("Allowed");
        expect(
            await decide(
                instances,
                "iam:CreateServiceLinkedRole",
                `arn:aws:iam::${ACCOUNT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
                service("autoscaling.amazonaws.com"),
            ),
        ).to.equal("ImplicitlyDenied");
    });

    it("uses only its own capacity provider; creating one is authorized on * (it has no resource yet)", async () => {
        expect(await decide(instances, "bedrock-agentcore:PassCapacityProvider", OWN_PROVIDER)).to.equal("Allowed");
        expect(await decide(instances, "bedrock-agentcore:PassCapacityProvider", OTHER_PROVIDER)).to.equal(
            "ImplicitlyDenied",
        );
        expect(await decide(instances, "bedrock-agentcore:DeleteCapacityProvider", OTHER_PROVIDER)).to.equal(
            "ImplicitlyDenied",
        );
        expect(await decide(instances, "bedrock-agentcore:CreateCapacityProvider", "*")).to.equal("Allowed");
        expect(await decide(microvm, "bedrock-agentcore:CreateCapacityProvider", "*")).to.equal("ImplicitlyDenied");
    });

    it("lists runtimes, versions, endpoints and providers on * (no resource type for List)", async () => {
        for (const action of [
            "bedrock-agentcore:ListAgentRuntimes",
            "bedrock-agentcore:ListAgentRuntimeVersions",
            "bedrock-agentcore:ListAgentRuntimeEndpoints",
        ]) {
            expect(await decide(microvm, action, "*"), action).to.equal("Allowed");
        }
        expect(await decide(microvm, "bedrock-agentcore:CreateAgentRuntime", "*")).to.equal("Allowed");
    });
});

describe("bootstrap: config of an Instances stack", () => {
    const base = (entry: Record<string, unknown>) => ({
        stack: "ci",
        values: {
            githubRepository: "acme/agentcore-private",
            environments: JSON.stringify([
                {
                    name: "staging",
                    subnetIds: ["subnet-0a1b2c3d4e5f60011"],
                    securityGroupIds: ["sg-0a1b2c3d4e5f60013"],
                    ...entry,
                },
            ]),
        },
    });
    it("reads compute (default microvm), refuses an unknown one and compute on a network stack", () => {
        expect(validateBootstrapConfig(base({})).environments[0].compute).to.equal("microvm");
        expect(validateBootstrapConfig(base({ compute: "instances" })).environments[0].compute).to.equal("instances");
        expect(() => validateBootstrapConfig(base({ compute: "ec2" }))).to.throw(
            `environments[0].compute "ec2" is invalid: one of microvm, instances (e.g. "instances")`,
        );
        expect(() =>
            validateBootstrapConfig(
                base({
                    kind: "network",
                    stack: "network",
                    subnetIds: undefined,
                    securityGroupIds: undefined,
                    compute: "instances",
                }),
            ),
        ).to.throw(`environments[0].compute "instances" is invalid: unset for a network stack: it runs no runtimes`);
    });
});

describe("bootstrap: an Instances stack's role and guardrail", function () {
    this.timeout(60_000);
    it("fences the guardrail to the stack's own provider and grants the provider's rights", async () => {
        const PROGRAM = require.resolve("../../bootstrap/index");
        const run = await runProgram({
            project: "agentcore-bootstrap",
            stack: "ci",
            config: {
                "aws:region": "us-east-1",
                "agentcore-bootstrap:githubRepository": "acme/agentcore-private",
                "agentcore-bootstrap:environments": JSON.stringify([
                    {
                        name: "staging",
                        compute: "instances",
                        subnetIds: ["subnet-0a1b2c3d4e5f60011"],
                        securityGroupIds: ["sg-0a1b2c3d4e5f60013"],
                    },
                ]),
            },
            program: () => {
                delete require.cache[PROGRAM];
                // eslint-disable-next-line @typescript-eslint/no-require-imports
                return { ...require(PROGRAM) };
            },
        });
        expect(run.error).to.equal(undefined);
        const guardrail = run.resources.find(
            (r) => r.name === "agentcore-ci-deploy-staging-guardrail" && r.type === "aws:iam/policy:Policy",
        );
        const statements = JSON.parse(String(guardrail?.inputs.policy)).Statement as {
            Sid: string;
            NotResource?: string;
        }[];
        expect(statements.map((s) => s.Sid)).to.deep.equal([
            "DenyRuntimeOutsideStackSubnets",
            "DenyRuntimeOutsideStackSecurityGroups",
            "DenyCapacityProviderOutsideStack",
        ]);
        expect(statements[2].NotResource).to.equal(
            "arn:aws:bedrock-agentcore:us-east-1:123456789012:capacity-provider/agents_staging-*",
        );
        const granted = run.resources
            .filter(
                (r) => r.type === "aws:iam/policy:Policy" && r.name.startsWith("agentcore-ci-deploy-staging-grants-"),
            )
            .flatMap((r) => JSON.parse(String(r.inputs.policy)).Statement as { Sid: string }[])
            .map((s) => s.Sid);
        expect(granted).to.include.members(["AgentCoreCapacityProvider", "PassOperatorRoleToAgentCore"]);
    });

    it("covers what the Instances stack creates: the capacity provider and the operator policy attachment", async () => {
        const run = await runStack("staging", { computeType: "instances" });
        expect(run.error).to.equal(undefined);
        const types = new Set(run.resources.map((r) => r.type));
        expect(types.has("aws-native:bedrockagentcore:CapacityProvider")).to.equal(true);
        expect(types.has("aws:iam/rolePolicyAttachment:RolePolicyAttachment")).to.equal(true);
        const granted = new Set(instances.Statement.flatMap((s) => s.Action));
        const required = [
            "cloudformation:CreateResource",
            "bedrock-agentcore:CreateCapacityProvider",
            "bedrock-agentcore:GetCapacityProvider",
            "bedrock-agentcore:UpdateCapacityProvider",
            "bedrock-agentcore:DeleteCapacityProvider",
            "bedrock-agentcore:PassCapacityProvider",
            "iam:PassRole",
            "iam:AttachRolePolicy",
            "iam:DetachRolePolicy",
            "iam:ListAttachedRolePolicies",
        ];
        expect(required.filter((a) => !granted.has(a))).to.deep.equal([]);
    });
});
