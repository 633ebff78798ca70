/**
 * The deployer guardrail on both compute types, evaluated by a real IAM policy evaluator
 * (@cloud-copilot/iam-simulate) against an allow-everything identity, and the
 * `deployerGuardrailPolicy` output of an Instances stack. Facts (Service Authorization
 * Reference, AgentCore): CreateAgentRuntime also authorizes the permission-only action
 * bedrock-agentcore:PassCapacityProvider on the `capacity-provider` resource when the runtime
 * names a provider; the provider's ARN is `…:capacity-provider/<name>-<10 characters>`.
 */
import { expect } from "chai";
import { simulate } from "../iamSimulation";
import { deployerGuardrailDocument } from "../../src/security/deployerGuardrail";
import { runStackOnce } from "../helpers";
import { otherProvidersDeny } from "./requirements";

const ACCOUNT = "123456789012";
const DEPLOYER = `arn:aws:iam::${ACCOUNT}:role/deployer`;
const SUBNETS = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"];
const GROUP = "sg-0123456789abcdef0";
const OWN_PROVIDER = `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:capacity-provider/agents_staging-AbCdEfGhIj`;
const OTHER_PROVIDER = `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:capacity-provider/agents_production-KlMnOpQrSt`;
// A name that starts like the stack's: provider names have no hyphen, so `agents_staging-*` cannot match it.
const LOOKALIKE_PROVIDER = `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:capacity-provider/agents_staging2-KlMnOpQrSt`;
const admin = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

const microvm = deployerGuardrailDocument({ subnetIds: SUBNETS, securityGroupIds: [GROUP] });
const instances = deployerGuardrailDocument({
    subnetIds: SUBNETS,
    securityGroupIds: [GROUP],
    capacityProviderArn: `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:capacity-provider/agents_staging-*`,
});

function decide(
    guardrail: unknown,
    action: string,
    resource: string,
    context: Record<string, string | string[]> = {},
): Promise<string> {
    return simulate({
        principal: DEPLOYER,
        action,
        resource,
        resourceAccount: ACCOUNT,
        identity: [admin, guardrail],
        context,
    });
}

const PASS = "bedrock-agentcore:PassCapacityProvider";
const CREATE = "bedrock-agentcore:CreateAgentRuntime";

describe("deployer guardrail: capacity providers", () => {
    it("microVM: passing any capacity provider is denied; creating a runtime in the stack's network is not", async () => {
        expect(await decide(microvm, PASS, OWN_PROVIDER)).to.equal("ExplicitlyDenied");
        expect(await decide(microvm, PASS, OTHER_PROVIDER)).to.equal("ExplicitlyDenied");
        expect(
            await decide(microvm, CREATE, "*", {
                "bedrock-agentcore:subnets": SUBNETS,
                "bedrock-agentcore:securityGroups": [GROUP],
            }),
        ).to.equal("Allowed");
    });

    it("Instances: only the stack's own provider may be passed, updated or deleted", async () => {
        expect(await decide(instances, PASS, OWN_PROVIDER)).to.equal("Allowed");
        expect(await decide(instances, PASS, OTHER_PROVIDER)).to.equal("ExplicitlyDenied");
        expect(await decide(instances, PASS, LOOKALIKE_PROVIDER)).to.equal("ExplicitlyDenied");
        for (const action of ["bedrock-agentcore:UpdateCapacityProvider", "bedrock-agentcore:DeleteCapacityProvider"]) {
            expect(await decide(instances, action, OWN_PROVIDER), action).to.equal("Allowed");
            expect(await decide(instances, action, OTHER_PROVIDER), action).to.equal("ExplicitlyDenied");
        }
    });

    it("Instances: a runtime without network configuration (it inherits the provider's) is allowed", async () => {
        expect(await decide(instances, CREATE, "*")).to.equal("Allowed");
        // Near miss: the microVM guardrail refuses the same request (a PUBLIC runtime sends no subnets either).
        expect(await decide(microvm, CREATE, "*")).to.equal("ExplicitlyDenied");
    });

    it("Instances: a VPC runtime outside the stack's subnets or security group is still denied", async () => {
        expect(
            await decide(instances, CREATE, "*", {
                "bedrock-agentcore:subnets": [SUBNETS[0], "subnet-0bad0bad0bad0bad0"],
                "bedrock-agentcore:securityGroups": [GROUP],
            }),
        ).to.equal("ExplicitlyDenied");
        expect(
            await decide(instances, CREATE, "*", {
                "bedrock-agentcore:subnets": [SUBNETS[0]],
                "bedrock-agentcore:securityGroups": ["sg-0bad0bad0bad0bad0"],
            }),
        ).to.equal("ExplicitlyDenied");
        expect(
            await decide(instances, CREATE, "*", {
                "bedrock-agentcore:subnets": [SUBNETS[0]],
                "bedrock-agentcore:securityGroups": [GROUP],
            }),
        ).to.equal("Allowed");
    });
});

describe("deployer guardrail: the output of an Instances stack", () => {
    it("staging on Instances exports the guardrail with its own provider's ARN pattern", async () => {
        const run = await runStackOnce("staging", { computeType: "instances" });
        expect(run.error).to.equal(undefined);
        const out = run.outputs as {
            agentSubnetIds: string[];
            runtimeSecurityGroupId: string;
            deployerGuardrailPolicy: string;
        };
        const guardrail = JSON.parse(out.deployerGuardrailPolicy) as {
            Statement: { Sid: string; Action: string[]; NotResource?: string }[];
        };
        expect(guardrail.Statement.map((s) => s.Sid)).to.deep.equal([
            "DenyRuntimeOutsideStackSubnets",
            "DenyRuntimeOutsideStackSecurityGroups",
            "DenyCapacityProviderOutsideStack",
        ]);
        expect(guardrail.Statement[2]).to.deep.equal(
            otherProvidersDeny("arn:aws:bedrock-agentcore:us-east-1:123456789012:capacity-provider/agents_staging-*"),
        );
    });
});
