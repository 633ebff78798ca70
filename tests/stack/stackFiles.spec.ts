/**
 * The contract of the real stack files (Pulumi.<stack>.yaml at the repository root): each
 * plans, passes every policy of the pack, and keeps the invariants of its environment. This
 * is the only spec that reads them; every other spec uses tests/fixtures/, so editing a real
 * stack file breaks this spec alone.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { listStacks, PROJECT_ROOT, stackConfig } from "../../src/plan/offline/stackFiles";
import { mermaidDiagram } from "../../src/plan/diagram";
import { Plan } from "../../src/plan/model";
import { planStack } from "../../src/plan/run";
import { limitBreaches } from "../../src/aws/limitsCheck";

describe("the real stack files", function () {
    this.timeout(120000);
    const plans = new Map<string, Plan>();

    before(async () => {
        for (const stack of listStacks(PROJECT_ROOT)) {
            const result = await planStack(stack);
            expect(result.error, `${stack}: ${result.error?.message}`).to.equal(undefined);
            plans.set(stack, result.plan as Plan);
        }
    });

    it("every stack file renders only resources inside AWS's limits (src/aws/limits.ts)", () => {
        for (const [stack, plan] of plans) {
            expect(limitBreaches(plan.resources), stack).to.deep.equal([]);
        }
    });

    it("are the three all-in-one environments, the Instances example, a network stack and an agent stack that reads it", () => {
        // The shipped examples; a stack file a user adds beside them is checked like them below.
        expect(listStacks(PROJECT_ROOT)).to.include.members([
            "agents-support",
            "development",
            "instances",
            "network",
            "production",
            "staging",
        ]);
        expect(stackConfig("network").config["agentcore-private:stackKind"]).to.equal("network");
        expect(stackConfig("agents-support").config["agentcore-private:stackKind"]).to.equal("agent");
        expect(stackConfig("agents-support").config["agentcore-private:networkStack"]).to.equal(
            "acme/agentcore-private/network",
        );
    });

    for (const stack of ["network", "agents-support"]) {
        it(`${stack}: plans with zero policy findings`, () => {
            expect((plans.get(stack) as Plan).policy.findings).to.deep.equal([]);
        });
    }

    it("agents-support: no network resource, runtimes in the network stack's subnets and security group", () => {
        const network = plans.get("network") as Plan;
        const agent = plans.get("agents-support") as Plan;
        const networkTypes =
            /^aws:ec2\/(vpc|subnet|securityGroup|routeTable|routeTableAssociation|vpcEndpoint|defaultSecurityGroup|flowLog):|^aws:vpc\//;
        expect(agent.resources.filter((r) => networkTypes.test(r.type)).map((r) => r.type)).to.deep.equal([]);
        const out = network.outputs as { agentSubnetIds: string[]; runtimeSecurityGroupId: string };
        const runtime = agent.resources.find((r) => r.type === "aws-native:bedrockagentcore:Runtime");
        const config = (
            runtime?.inputs.networkConfiguration as {
                networkModeConfig: { subnets: string[]; securityGroups: string[] };
            }
        ).networkModeConfig;
        expect(config.subnets).to.deep.equal(out.agentSubnetIds);
        expect(config.securityGroups).to.deep.equal([out.runtimeSecurityGroupId]);
    });

    for (const stack of ["development", "staging", "production"]) {
        it(`${stack}: plans with zero policy findings`, () => {
            const plan = plans.get(stack) as Plan;
            expect(plan.policy.findings).to.deep.equal([]);
        });

        it(`${stack}: one region for both providers, VPC-mode runtimes, the required endpoints`, () => {
            const { config } = stackConfig(stack);
            expect(config["aws:region"]).to.equal("us-east-1");
            expect(config["aws-native:region"]).to.equal("us-east-1");
            const plan = plans.get(stack) as Plan;
            const runtimes = plan.resources.filter((r) => r.type === "aws-native:bedrockagentcore:Runtime");
            expect(runtimes.length).to.be.greaterThan(0);
            for (const runtime of runtimes) {
                expect((runtime.inputs.networkConfiguration as { networkMode: string }).networkMode).to.equal("VPC");
            }
            const services = plan.resources
                .filter((r) => r.type === "aws:ec2/vpcEndpoint:VpcEndpoint")
                .map((r) => String(r.inputs.serviceName).replace("com.amazonaws.us-east-1.", ""));
            expect(services).to.include.members([
                "bedrock-agentcore",
                "bedrock-agentcore.gateway",
                "ecr.api",
                "ecr.dkr",
                "logs",
                "s3",
            ]);
            expect((plan.outputs as { environment: string }).environment).to.equal(stack);
        });
    }

    it("production: protected, a year of logs, someone paged, images pinned by digest", () => {
        const { config } = stackConfig("production");
        expect(config["agentcore-private:protect"]).to.equal("true");
        expect(Number(config["agentcore-private:logRetentionDays"])).to.be.at.least(365);
        expect(JSON.parse(config["agentcore-private:alarmEmails"])).to.have.length.greaterThan(0);
        for (const runtime of JSON.parse(config["agentcore-private:runtimes"]) as { containerUri?: string }[]) {
            expect(runtime.containerUri).to.match(/@sha256:[0-9a-f]{64}$/);
        }
        const plan = plans.get("production") as Plan;
        const stateful = plan.resources.filter((r) =>
            ["aws:kms/key:Key", "aws-native:bedrockagentcore:Runtime"].includes(r.type),
        );
        expect(stateful.length).to.be.greaterThan(0);
        expect(stateful.every((r) => r.protect)).to.equal(true);
    });

    it("development and staging: not protected, so they can be torn down", () => {
        for (const stack of ["development", "staging"]) {
            expect(stackConfig(stack).config["agentcore-private:protect"], stack).to.equal("false");
        }
    });

    it("staging requires a scope and a custom claim of its JWT callers", () => {
        const runtime = (plans.get("staging") as Plan).resources.find(
            (r) => r.type === "aws-native:bedrockagentcore:Runtime",
        )!;
        const jwt = (runtime.inputs.authorizerConfiguration as { customJwtAuthorizer: Record<string, unknown> })
            .customJwtAuthorizer;
        expect(jwt.allowedScopes).to.deep.equal(["support-agent/invoke"]);
        expect(jwt.customClaims).to.deep.equal([
            {
                inboundTokenClaimName: "custom:tenant_tier",
                inboundTokenClaimValueType: "STRING",
                authorizingClaimMatchValue: {
                    claimMatchOperator: "EQUALS",
                    claimMatchValue: { matchValueString: "internal" },
                },
            },
        ]);
    });

    it("development's workspace_agent: a private IdP over VPC Lattice, session storage, an EFS mount, a secret by ARN", () => {
        const plan = plans.get("development") as Plan;
        const runtime = plan.resources.find(
            (r) =>
                r.type === "aws-native:bedrockagentcore:Runtime" &&
                r.inputs.agentRuntimeName === "workspace_agent_development",
        )!;
        const jwt = (runtime.inputs.authorizerConfiguration as { customJwtAuthorizer: Record<string, unknown> })
            .customJwtAuthorizer;
        expect(Object.keys(jwt.privateEndpoint as object)).to.deep.equal(["managedVpcResource"]);
        expect((runtime.inputs.filesystemConfigurations as object[]).map((f) => Object.keys(f)[0])).to.deep.equal([
            "sessionStorage",
            "efsAccessPoint",
        ]);
        expect(Object.keys(runtime.inputs.environmentVariables as object)).to.include("CRM_API_KEY_SECRET_ARN");
        const services = plan.resources
            .filter((r) => r.type === "aws:ec2/vpcEndpoint:VpcEndpoint")
            .map((r) => String(r.inputs.serviceName));
        expect(services).to.include("com.amazonaws.us-east-1.secretsmanager");
        const nfs = plan.resources.filter(
            (r) => r.type === "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule" && r.inputs.fromPort === 2049,
        );
        expect(nfs.map((r) => r.inputs.cidrIpv4)).to.deep.equal(["10.10.0.0/16"]);
    });

    it("keeps the diagrams in docs/ and the README equal to what the program builds for development", () => {
        const drawn = mermaidDiagram(plans.get("development") as Plan);
        for (const file of ["README.md", "docs/diagram-development.md"]) {
            const text = fs.readFileSync(path.join(PROJECT_ROOT, file), "utf8");
            const block = /```mermaid\n([\s\S]*?)```/.exec(text)?.[1];
            expect(block, `${file}: regenerate with npm run diagram:sync`).to.equal(
                drawn.endsWith("\n") ? drawn : `${drawn}\n`,
            );
        }
    });
});
