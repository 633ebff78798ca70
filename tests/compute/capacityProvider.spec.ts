/**
 * The capacity provider as AWS receives it (AWS::BedrockAgentCore::CapacityProvider, aws-native
 * 1.79): name `agents_<stack>` (`^[a-zA-Z][a-zA-Z0-9_]{0,47}$`), the operator role in
 * permissionsConfiguration, the launch parameters, the VPC placement, an encrypted root volume,
 * gp3 persistent volumes on the stack key, the lifecycle and the tags as a key/value list. The
 * operator role gets the AWS managed policy BedrockAgentCoreRuntimeInstancesOperatorRolePolicy
 * and is trusted by bedrock-agentcore.amazonaws.com for this account only.
 */
import { expect } from "chai";
import {
    AgentCapacity,
    AgentCapacityArgs,
    InstancesCompute,
    capacityProviderArgs,
} from "../../src/compute/capacityProvider";
import { operatorManagedPolicyArn, operatorRoleTrustPolicy } from "../../src/compute/documents";
import { one, ofType, runComponent } from "../helpers";
import { shared } from "../mutationCoverage";

const OPERATOR_ROLE_ARN = "arn:aws:iam::123456789012:role/agentcore-staging-operator-role";
const KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";
const COMPUTE: InstancesCompute = {
    type: "instances",
    architecture: "arm64",
    instanceTypes: ["c7g.medium", "m7g.medium"],
    explicit: true,
    idleTimeoutSeconds: 900,
    maxLifetimeSeconds: 28800,
    volumes: [{ name: "workspace", sizeGiB: 20, mountPath: "/mnt/workspace" }],
};
const ARGS: AgentCapacityArgs = {
    stack: "staging",
    compute: COMPUTE,
    subnetIds: ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
    securityGroupIds: ["sg-0123456789abcdef0"],
    operatorRole: { arn: OPERATOR_ROLE_ARN, name: "agentcore-staging-operator-role" },
    kmsKeyArn: KEY_ARN,
    tags: { Environment: "staging", Owner: "agents-team" },
};

describe("the capacity provider's inputs, as AWS receives them", () => {
    it("a provider with a volume and tags: the whole record", () => {
        expect(capacityProviderArgs(ARGS, OPERATOR_ROLE_ARN)).to.deep.equal({
            name: "agents_staging",
            description: "AgentCore Instances for stack staging: c7g.medium, m7g.medium",
            permissionsConfiguration: { capacityProviderOperatorRoleArn: OPERATOR_ROLE_ARN },
            computeConfiguration: {
                ec2Configuration: {
                    launchTemplateSource: {
                        launchParameters: {
                            operatingSystem: "LINUX_ARM64",
                            instanceRequirements: { allowedInstanceTypes: ["c7g.medium", "m7g.medium"] },
                        },
                    },
                    vpcConfiguration: {
                        subnets: ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
                        securityGroups: ["sg-0123456789abcdef0"],
                    },
                    rootVolume: { encrypted: true },
                    volumes: [
                        {
                            ebsConfiguration: {
                                name: "workspace",
                                sizeGiB: 20,
                                volumeType: "gp3",
                                encrypted: true,
                                kmsKeyId: KEY_ARN,
                            },
                        },
                    ],
                    lifecycleConfiguration: { idleInstanceTimeout: 900, maxLifetime: 28800 },
                },
            },
            tags: [
                { key: "Environment", value: "staging" },
                { key: "Owner", value: "agents-team" },
            ],
        });
    });

    it("near miss: x86_64 without volumes nor tags, a longer lifecycle", () => {
        const args: AgentCapacityArgs = {
            ...ARGS,
            stack: "prod-eu",
            compute: {
                ...COMPUTE,
                architecture: "x86_64",
                instanceTypes: ["c7i.large"],
                idleTimeoutSeconds: 60,
                maxLifetimeSeconds: 1209600,
                volumes: [],
            },
            kmsKeyArn: undefined,
            tags: undefined,
        };
        expect(capacityProviderArgs(args, OPERATOR_ROLE_ARN)).to.deep.equal({
            name: "agents_prod_eu",
            description: "AgentCore Instances for stack prod-eu: c7i.large",
            permissionsConfiguration: { capacityProviderOperatorRoleArn: OPERATOR_ROLE_ARN },
            computeConfiguration: {
                ec2Configuration: {
                    launchTemplateSource: {
                        launchParameters: {
                            operatingSystem: "LINUX_X86_64",
                            instanceRequirements: { allowedInstanceTypes: ["c7i.large"] },
                        },
                    },
                    vpcConfiguration: {
                        subnets: ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
                        securityGroups: ["sg-0123456789abcdef0"],
                    },
                    rootVolume: { encrypted: true },
                    lifecycleConfiguration: { idleInstanceTimeout: 60, maxLifetime: 1209600 },
                },
            },
            tags: [],
        });
    });
});

describe("the operator role's documents", () => {
    it("the managed policy's ARN in each partition", () => {
        expect(operatorManagedPolicyArn("aws")).to.equal(
            "arn:aws:iam::aws:policy/BedrockAgentCoreRuntimeInstancesOperatorRolePolicy",
        );
        expect(operatorManagedPolicyArn("aws-cn")).to.equal(
            "arn:aws-cn:iam::aws:policy/BedrockAgentCoreRuntimeInstancesOperatorRolePolicy",
        );
    });
    it("the trust policy: AgentCore only, for this account only (the whole document)", () => {
        expect(operatorRoleTrustPolicy("210987654321")).to.deep.equal({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "AgentCoreInstancesOperator",
                    Effect: "Allow",
                    Principal: { Service: "bedrock-agentcore.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    Condition: { StringEquals: { "aws:SourceAccount": "210987654321" } },
                },
            ],
        });
    });
});

describe("AgentCapacity, the component", function () {
    this.timeout(30_000);

    /** Two providers in one render shared by the tests: one protected, one with protect left out. */
    async function render() {
        const run = await shared("AgentCapacity component", () =>
            runComponent(
                () => {
                    const guarded = new AgentCapacity("agentcore-staging", { ...ARGS, protect: true });
                    const plain = new AgentCapacity("agentcore-other", { ...ARGS, stack: "other" });
                    return { guarded: guarded.arnPattern, plain: plain.arnPattern };
                },
                { stack: "staging" },
            ),
        );
        expect(run.error, String(run.error)).to.equal(undefined);
        return run;
    }

    it("attaches the managed policy to the operator role before the provider, protected only when asked", async () => {
        const run = await render();
        const providers = ofType(run, "aws-native:bedrockagentcore:CapacityProvider");
        expect(providers.map((p) => [p.name, p.protect])).to.deep.equal([
            ["agentcore-staging-capacity-provider", true],
            ["agentcore-other-capacity-provider", false],
        ]);
        const attachment = one(
            run,
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
            "agentcore-staging-operator-policy",
        );
        expect(attachment.inputs).to.deep.equal({
            role: "agentcore-staging-operator-role",
            policyArn: "arn:aws:iam::aws:policy/BedrockAgentCoreRuntimeInstancesOperatorRolePolicy",
        });
        expect(providers[0].dependencies).to.include(attachment.urn);
    });

    it("knows the provider's ARN pattern before it exists: agents_<stack>-* in the account and Region", async () => {
        const run = await render();
        expect(run.outputs).to.deep.equal({
            guarded: "arn:aws:bedrock-agentcore:us-east-1:123456789012:capacity-provider/agents_staging-*",
            plain: "arn:aws:bedrock-agentcore:us-east-1:123456789012:capacity-provider/agents_other-*",
        });
    });
});
