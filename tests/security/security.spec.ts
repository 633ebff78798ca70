/**
 * AgentSecurity under the recording mocks, for each stack file: the documents as the
 * provider would receive them, the key settings and protection, and the outputs.
 */
import { expect } from "chai";
import { AgentSecurity } from "../../src/security/security";
import { StackConfig } from "../../src/config";
import { PolicyDocument } from "../../src/aws/iamDocument";
import { ProgramRun, STACKS, configOf, one, ofType, promiseOf, runComponent } from "../helpers";

const ACCOUNT = "123456789012";

function build(config: StackConfig): AgentSecurity {
    return new AgentSecurity(`agentcore-${config.stack}`, {
        environment: config.environment,
        runtimes: config.runtimes,
        modelArns: config.modelArns,
        protect: config.protect,
        tags: config.tags,
    });
}

async function run(
    stack: string,
    region = "us-east-1",
): Promise<{ run: ProgramRun; security: AgentSecurity; config: StackConfig }> {
    const config = configOf(stack);
    let security: AgentSecurity | undefined;
    const result = await runComponent(
        () => {
            security = build(config);
            return {
                executionRoleArn: security.executionRoleArn,
                executionRoleName: security.executionRoleName,
                kmsKeyArn: security.kmsKeyArn,
            };
        },
        { stack, region },
    );
    expect(result.error, String(result.error)).to.equal(undefined);
    return { run: result, security: security as AgentSecurity, config };
}

function document(value: unknown): PolicyDocument {
    expect(value).to.be.a("string");
    return JSON.parse(value as string) as PolicyDocument;
}

for (const stack of STACKS) {
    describe(`AgentSecurity (${stack})`, () => {
        let r: ProgramRun;
        let security: AgentSecurity;
        let config: StackConfig;
        before(async () => {
            ({ run: r, security, config } = await run(stack));
        });

        it("is a component with every child parented to it", () => {
            const component = one(r, "agentcore:security:AgentSecurity");
            expect(component.name).to.equal(`agentcore-${stack}`);
            const children = r.resources.filter((x) => x.custom);
            expect(children.map((x) => `${x.type} ${x.name}`).sort()).to.deep.equal([
                `aws:iam/role:Role agentcore-${stack}-execution-role`,
                `aws:iam/rolePolicy:RolePolicy agentcore-${stack}-execution-policy`,
                `aws:kms/alias:Alias agentcore-${stack}-key-alias`,
                `aws:kms/key:Key agentcore-${stack}-key`,
            ]);
            children.forEach((x) => expect(x.parent, x.name).to.equal(component.urn));
        });

        it("reads account, region and partition from the provider invokes", () => {
            const tokens = r.invokes.map((i) => i.token);
            expect(tokens).to.include.members([
                "aws:index/getCallerIdentity:getCallerIdentity",
                "aws:index/getRegion:getRegion",
                "aws:index/getPartition:getPartition",
            ]);
        });

        it("trusts only AgentCore, for this account and region, in the form AWS documents", () => {
            const role = one(r, "aws:iam/role:Role");
            const trust = document(role.inputs.assumeRolePolicy);
            expect(trust.Statement).to.have.length(1);
            expect(trust.Statement[0].Principal).to.deep.equal({ Service: "bedrock-agentcore.amazonaws.com" });
            expect(trust.Statement[0].Action).to.deep.equal(["sts:AssumeRole"]);
            expect(trust.Statement[0].Condition).to.deep.equal({
                StringEquals: { "aws:SourceAccount": ACCOUNT },
                ArnLike: { "aws:SourceArn": [`arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:*`] },
            });
            expect(role.inputs.tags).to.deep.equal(config.tags);
            expect(role.inputs.tags).to.include({ Environment: stack, ManagedBy: "pulumi" });
            expect(role.inputs).to.not.have.property("managedPolicyArns");
            expect(role.inputs).to.not.have.property("inlinePolicies");
        });

        it("attaches one inline policy scoped to the stack's logs, identity and models (artifact access: tests/artifactAccess.spec.ts)", () => {
            const policy = one(r, "aws:iam/rolePolicy:RolePolicy");
            const role = one(r, "aws:iam/role:Role");
            expect(policy.inputs.role).to.equal(role.state.name);
            expect(policy.dependencies).to.include(role.urn);
            const doc = document(policy.inputs.policy);
            const bySid = Object.fromEntries(doc.Statement.map((s) => [s.Sid, s]));
            expect(bySid.EcrPullRuntimeImages).to.equal(undefined);
            expect(bySid.LogsRuntimeLogGroups.Resource).to.deep.equal([
                `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/bedrock-agentcore/runtimes/support_agent_${stack}-*`,
            ]);
            expect(bySid.LogsDescribeLogGroups.Resource).to.equal(`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:*`);
            expect(bySid.WorkloadIdentityTokens.Resource).to.deep.equal([
                `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:workload-identity-directory/default`,
                `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:workload-identity-directory/default/workload-identity/support_agent_${stack}-*`,
            ]);
            expect(bySid.InvokeConfiguredModels.Resource).to.deep.equal([...config.modelArns].sort());
            expect(bySid.CloudWatchAgentCoreMetrics.Condition?.StringEquals["cloudwatch:namespace"]).to.equal(
                "bedrock-agentcore",
            );
            for (const s of doc.Statement.filter((x) => x.Sid !== "InvokeConfiguredModels")) {
                expect(s.Condition?.StringEquals["aws:RequestedRegion"], s.Sid).to.equal("us-east-1");
            }
            // Every scoped ARN is in the mock partition, region and account.
            const arns = doc.Statement.flatMap((s) => ([] as string[]).concat(s.Resource ?? [])).filter(
                (x) => x !== "*" && !x.includes(":bedrock:"),
            );
            arns.forEach((arn) => expect(arn).to.match(new RegExp(`^arn:aws:[a-z-]+:us-east-1:${ACCOUNT}:`)));
        });

        it("uses no managed policy and no policy attachment", () => {
            expect(ofType(r, "aws:iam/rolePolicyAttachment:RolePolicyAttachment")).to.have.length(0);
            expect(ofType(r, "aws:iam/policyAttachment:PolicyAttachment")).to.have.length(0);
            expect(ofType(r, "aws:iam/policy:Policy")).to.have.length(0);
        });

        it("exposes the role policy resources for runtimes to depend on", () => {
            expect(security.rolePolicies).to.have.length(1);
            const recorded = one(r, "aws:iam/rolePolicy:RolePolicy");
            return promiseOf(security.rolePolicies[0].urn).then((urn) => expect(urn).to.equal(recorded.urn));
        });

        it("creates a rotating key with an explicit policy, the right deletion window and an alias", () => {
            const key = one(r, "aws:kms/key:Key");
            expect(key.inputs.enableKeyRotation).to.equal(true);
            expect(key.inputs.deletionWindowInDays).to.equal(stack === "production" ? 30 : 7);
            expect(key.inputs.tags).to.deep.equal(config.tags);
            const policy = document(key.inputs.policy);
            expect(policy.Statement.map((s) => s.Principal)).to.deep.equal([
                { AWS: `arn:aws:iam::${ACCOUNT}:root` },
                { Service: "logs.us-east-1.amazonaws.com" },
                { Service: "sns.amazonaws.com" },
                { Service: "cloudwatch.amazonaws.com" },
            ]);
            expect(policy.Statement[1].Condition).to.deep.equal({
                ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:*` },
            });
            const alias = one(r, "aws:kms/alias:Alias");
            expect(alias.inputs.name).to.equal(`alias/agentcore-${stack}`);
            expect(alias.inputs.targetKeyId).to.equal(key.state.keyId);
        });

        it(`${stack === "production" ? "protects (and retains) the key and protects its alias" : "does not protect the key or its alias"}`, () => {
            const key = one(r, "aws:kms/key:Key");
            const alias = one(r, "aws:kms/alias:Alias");
            const protect = stack === "production";
            expect(config.protect).to.equal(protect);
            expect(key.protect).to.equal(protect);
            expect(key.retainOnDelete).to.equal(protect);
            expect(alias.protect).to.equal(protect);
            // An alias holds no data: retaining it without its key would only leave a dangling name.
            expect(alias.retainOnDelete).to.equal(false);
            expect(one(r, "aws:iam/role:Role").protect).to.equal(false);
        });

        it("describes everything the key encrypts: flow logs, runtime log groups, alarm topic, ECR, S3", () => {
            expect(one(r, "aws:kms/key:Key").inputs.description).to.equal(
                `AgentCore ${stack}: VPC flow logs, runtime log groups (application, usage), alarm SNS topic, ECR image repositories, S3 code bucket, Secrets Manager secrets`,
            );
        });

        it("resolves its outputs", async () => {
            const role = one(r, "aws:iam/role:Role");
            const key = one(r, "aws:kms/key:Key");
            expect(await promiseOf(security.executionRoleArn))
                .to.equal(role.state.arn)
                .and.match(new RegExp(`^arn:aws:iam::${ACCOUNT}:role/agentcore-${stack}-execution-role`));
            expect(await promiseOf(security.executionRoleName)).to.equal(role.state.name);
            expect(await promiseOf(security.kmsKeyArn))
                .to.equal(key.state.arn)
                .and.match(new RegExp(`^arn:aws:kms:us-east-1:${ACCOUNT}:key/`));
            expect(r.outputs).to.deep.equal({
                executionRoleArn: role.state.arn,
                executionRoleName: role.state.name,
                kmsKeyArn: key.state.arn,
            });
        });
    });
}

describe("AgentSecurity wiring", () => {
    it("takes the region from the provider, and the repository's account from the image URI", async () => {
        // An eu-west-1 stack whose image lives in a shared registry account of the same region.
        const config = configOf("development", {
            "aws:region": "eu-west-1",
            "aws-native:region": "eu-west-1",
            availabilityZoneIds: ["euw1-az1", "euw1-az2"],
            // Models in the stack's region: config refuses ARNs left in another one.
            modelArns: ["arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0"],
            runtimes: [
                {
                    name: "support_agent",
                    containerUri: "210987654321.dkr.ecr.eu-west-1.amazonaws.com/agents/support-agent:1.5.0",
                },
            ],
        });
        const r = await runComponent(
            () => {
                build(config);
            },
            { stack: "development", region: "eu-west-1" },
        );
        expect(r.error, String(r.error)).to.equal(undefined);
        const trust = document(one(r, "aws:iam/role:Role").inputs.assumeRolePolicy);
        expect(trust.Statement[0].Condition?.ArnLike["aws:SourceArn"]).to.deep.equal([
            `arn:aws:bedrock-agentcore:eu-west-1:${ACCOUNT}:*`,
        ]);
        const doc = document(one(r, "aws:iam/rolePolicy:RolePolicy").inputs.policy);
        expect(
            doc.Statement.find((s) => s.Sid === "LogsRuntimeLogGroups")?.Condition?.StringEquals["aws:RequestedRegion"],
        ).to.equal("eu-west-1");
        expect(document(one(r, "aws:kms/key:Key").inputs.policy).Statement[1].Principal).to.deep.equal({
            Service: "logs.eu-west-1.amazonaws.com",
        });
    });

    it("keeps one documented trust ARN for two runtimes, adds the second to the log statements, and omits models when none are configured", async () => {
        const base = configOf("staging");
        const second = { ...base.runtimes[0], name: "billing_agent", runtimeName: "billing_agent_staging" };
        const r = await runComponent(
            () => {
                build({ ...base, runtimes: [base.runtimes[0], second], modelArns: [] });
            },
            { stack: "staging" },
        );
        expect(r.error).to.equal(undefined);
        const trust = document(one(r, "aws:iam/role:Role").inputs.assumeRolePolicy);
        expect(trust.Statement[0].Condition?.ArnLike["aws:SourceArn"]).to.deep.equal([
            `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:*`,
        ]);
        const doc = document(one(r, "aws:iam/rolePolicy:RolePolicy").inputs.policy);
        expect(doc.Statement.find((s) => s.Sid === "LogsRuntimeLogGroups")?.Resource).to.deep.equal([
            `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/bedrock-agentcore/runtimes/billing_agent_staging-*`,
            `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/bedrock-agentcore/runtimes/support_agent_staging-*`,
        ]);
        expect(doc.Statement.map((s) => s.Sid)).to.not.include("InvokeConfiguredModels");
    });
});
