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

    it("are the three environments and the Instances example", () => {
        expect(listStacks(PROJECT_ROOT)).to.deep.equal(["development", "instances", "production", "staging"]);
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

    it("keeps the diagrams in docs/ and the README equal to what the program builds for development", () => {
        const drawn = mermaidDiagram(plans.get("development") as Plan);
        for (const file of ["README.md", "docs/diagram-development.md"]) {
            const text = fs.readFileSync(path.join(PROJECT_ROOT, file), "utf8");
            const block = /```mermaid\n([\s\S]*?)```/.exec(text)?.[1];
            expect(
                block,
                `${file}: regenerate with npm run plan -- development --diagram docs/diagram-development.md`,
            ).to.equal(drawn.endsWith("\n") ? drawn : `${drawn}\n`);
        }
    });
});
