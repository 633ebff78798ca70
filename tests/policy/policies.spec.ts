/**
 * The pure IAM and KMS document builders, without mocks: every statement's actions,
 * resources and conditions, and the invariants (no wildcard actions, "*" only where AWS
 * offers no resource scoping).
 */
import { expect } from "chai";
import { AwsContext, PolicyDocument, PolicyStatement } from "../../src/aws/iamDocument";
import { ExecutionRoleInput, executionRolePolicy, executionRoleTrustPolicy } from "../../src/security/executionRole";
import { keyDeletionWindowDays, kmsAliasName, kmsKeyPolicy } from "../../src/security/kmsKey";
import { METRIC_WRITES, ACTIONS_ONLY_ON_STAR, XRAY_WRITES } from "../aws/unscopableActions";

const ctx: AwsContext = { partition: "aws", region: "eu-west-1", accountId: "111122223333" };
const support = { runtimeName: "support_agent_staging" };
const billing = { runtimeName: "billing_agent_staging" };
const models = [
    "arn:aws:bedrock:eu-west-1:111122223333:inference-profile/eu.anthropic.claude-sonnet-4-20250514-v1:0",
    "arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0",
    "arn:aws:bedrock:eu-central-1::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0",
];
const input: ExecutionRoleInput = { ...ctx, runtimes: [support], modelArns: models };

function statement(doc: PolicyDocument, sid: string): PolicyStatement {
    const found = doc.Statement.filter((s) => s.Sid === sid);
    expect(found, `statement ${sid}`).to.have.length(1);
    return found[0];
}

function resourcesOf(s: PolicyStatement): string[] {
    return s.Resource === undefined ? [] : ([] as string[]).concat(s.Resource);
}

const region = { StringEquals: { "aws:RequestedRegion": "eu-west-1" } };

describe("execution role trust policy", () => {
    it("trusts only AgentCore, for this account and region, in the one form AWS documents", () => {
        const doc = executionRoleTrustPolicy({ ...input, runtimes: [support, billing] });
        expect(doc.Version).to.equal("2012-10-17");
        expect(doc.Statement).to.deep.equal([
            {
                Sid: "AgentCoreRuntimesAssumeRole",
                Effect: "Allow",
                Principal: { Service: "bedrock-agentcore.amazonaws.com" },
                Action: ["sts:AssumeRole"],
                Condition: {
                    StringEquals: { "aws:SourceAccount": "111122223333" },
                    ArnLike: {
                        "aws:SourceArn": ["arn:aws:bedrock-agentcore:eu-west-1:111122223333:*"],
                    },
                },
            },
        ]);
    });

    it("builds ARNs in the given partition", () => {
        const doc = executionRoleTrustPolicy({ ...input, partition: "aws-cn", region: "cn-north-1" });
        expect(doc.Statement[0].Condition?.ArnLike["aws:SourceArn"]).to.deep.equal([
            "arn:aws-cn:bedrock-agentcore:cn-north-1:111122223333:*",
        ]);
    });
});

describe("execution role permission policy", () => {
    const doc = executionRolePolicy(input);

    it("has the expected statements in order, each with a unique alphanumeric Sid", () => {
        expect(doc.Version).to.equal("2012-10-17");
        const sids = doc.Statement.map((s) => s.Sid);
        // The ECR and code statements follow each runtime's artifact: tests/artifactAccess.spec.ts.
        expect(sids).to.deep.equal([
            "LogsRuntimeLogGroups",
            "LogsRuntimeLogStreams",
            "LogsDescribeLogGroups",
            "XRayTraces",
            "CloudWatchAgentCoreMetrics",
            "WorkloadIdentityTokens",
            "InvokeConfiguredModels",
        ]);
        sids.forEach((sid) => expect(sid).to.match(/^[A-Za-z0-9]+$/));
        doc.Statement.forEach((s) => {
            expect(s.Effect).to.equal("Allow");
            expect(s.Principal).to.equal(undefined);
        });
    });

    it("scopes logs to the runtime's own log groups and streams", () => {
        const groups = statement(doc, "LogsRuntimeLogGroups");
        expect(groups.Action).to.deep.equal(["logs:CreateLogGroup", "logs:DescribeLogStreams"]);
        expect(groups.Resource).to.deep.equal([
            "arn:aws:logs:eu-west-1:111122223333:log-group:/aws/bedrock-agentcore/runtimes/support_agent_staging-*",
        ]);
        expect(groups.Condition).to.deep.equal(region);

        const streams = statement(doc, "LogsRuntimeLogStreams");
        expect(streams.Action).to.deep.equal(["logs:CreateLogStream", "logs:PutLogEvents"]);
        expect(streams.Resource).to.deep.equal([
            "arn:aws:logs:eu-west-1:111122223333:log-group:/aws/bedrock-agentcore/runtimes/support_agent_staging-*:log-stream:*",
        ]);
        expect(streams.Condition).to.deep.equal(region);

        const describe = statement(doc, "LogsDescribeLogGroups");
        expect(describe.Action).to.deep.equal(["logs:DescribeLogGroups"]);
        expect(describe.Resource).to.equal("arn:aws:logs:eu-west-1:111122223333:log-group:*");
        expect(describe.Condition).to.deep.equal(region);
    });

    it("allows X-Ray on * and metrics on * only in the bedrock-agentcore namespace", () => {
        const xray = statement(doc, "XRayTraces");
        expect(xray.Action).to.deep.equal(XRAY_WRITES);
        expect(xray.Resource).to.equal("*");
        expect(xray.Condition).to.deep.equal(region);

        const metrics = statement(doc, "CloudWatchAgentCoreMetrics");
        expect(metrics.Action).to.deep.equal(METRIC_WRITES);
        expect(metrics.Resource).to.equal("*");
        expect(metrics.Condition).to.deep.equal({
            StringEquals: { "cloudwatch:namespace": "bedrock-agentcore", "aws:RequestedRegion": "eu-west-1" },
        });
    });

    it("gets workload access tokens only for the default directory and this runtime's identities", () => {
        const s = statement(executionRolePolicy({ ...input, runtimes: [support, billing] }), "WorkloadIdentityTokens");
        expect(s.Action).to.deep.equal([
            "bedrock-agentcore:GetWorkloadAccessToken",
            "bedrock-agentcore:GetWorkloadAccessTokenForJWT",
            "bedrock-agentcore:GetWorkloadAccessTokenForUserId",
        ]);
        expect(s.Resource).to.deep.equal([
            "arn:aws:bedrock-agentcore:eu-west-1:111122223333:workload-identity-directory/default",
            "arn:aws:bedrock-agentcore:eu-west-1:111122223333:workload-identity-directory/default/workload-identity/billing_agent_staging-*",
            "arn:aws:bedrock-agentcore:eu-west-1:111122223333:workload-identity-directory/default/workload-identity/support_agent_staging-*",
        ]);
        expect(s.Condition).to.deep.equal(region);
    });

    it("invokes exactly the configured models, with no region condition (cross-Region inference)", () => {
        const s = statement(doc, "InvokeConfiguredModels");
        expect(s.Action).to.deep.equal(["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]);
        expect(s.Resource).to.deep.equal([...models].sort());
        expect(s.Condition).to.equal(undefined);
    });

    it("has no model statement when modelArns is empty", () => {
        const noModels = executionRolePolicy({ ...input, modelArns: [] });
        expect(noModels.Statement.map((s) => s.Sid)).to.not.include("InvokeConfiguredModels");
        expect(noModels.Statement.flatMap((s) => s.Action).some((a) => a.startsWith("bedrock:"))).to.equal(false);
    });

    it("limits every statement but the model one to the stack's region", () => {
        for (const s of doc.Statement.filter((x) => x.Sid !== "InvokeConfiguredModels")) {
            expect(s.Condition?.StringEquals?.["aws:RequestedRegion"], s.Sid).to.equal("eu-west-1");
        }
    });

    it("has no wildcard action anywhere (no *, no service:*, no iam:)", () => {
        const docs = [
            doc,
            executionRolePolicy({ ...input, runtimes: [support, billing] }),
            executionRoleTrustPolicy(input),
        ];
        for (const action of docs.flatMap((d) => d.Statement.flatMap((s) => s.Action))) {
            expect(action, action).to.match(/^[a-z0-9-]+:[A-Za-z]+$/);
            expect(action.startsWith("iam:"), action).to.equal(false);
        }
    });

    it("uses * resources only for the documented unscopable actions", () => {
        for (const s of executionRolePolicy({ ...input, runtimes: [support, billing] }).Statement) {
            const resources = resourcesOf(s);
            expect(resources.length, s.Sid).to.be.greaterThan(0);
            if (resources.includes("*")) {
                expect(resources, s.Sid).to.deep.equal(["*"]);
                s.Action.forEach((a) => expect(ACTIONS_ONLY_ON_STAR, `${s.Sid} ${a}`).to.include(a));
            } else {
                // Scoped ARNs: the only wildcards are the documented name suffixes.
                resources.forEach((arn) => expect(arn, s.Sid).to.match(/^arn:aws:[a-z-]+:[a-z0-9-]*:\d{0,12}:/));
            }
        }
    });

    it("stays far below the 10,240-character inline policy quota with two runtimes", () => {
        const size = JSON.stringify(executionRolePolicy({ ...input, runtimes: [support, billing] })).length;
        expect(size).to.be.below(10240 / 2);
    });
});

describe("KMS key policy and settings", () => {
    const doc = kmsKeyPolicy({ ...ctx, dnsSuffix: "amazonaws.com" });

    it("lets the account root administer the key (the AWS default statement)", () => {
        const s = statement(doc, "EnableRootAccountAdministration");
        expect(s.Principal).to.deep.equal({ AWS: "arn:aws:iam::111122223333:root" });
        expect(s.Action).to.deep.equal(["kms:*"]);
        expect(s.Resource).to.equal("*");
        expect(s.Condition).to.equal(undefined);
    });

    it("lets CloudWatch Logs use the key only for this account's log groups in this region", () => {
        const s = statement(doc, "AllowCloudWatchLogsEncryption");
        expect(s.Principal).to.deep.equal({ Service: "logs.eu-west-1.amazonaws.com" });
        expect(s.Action).to.deep.equal([
            "kms:Encrypt*",
            "kms:Decrypt*",
            "kms:ReEncrypt*",
            "kms:GenerateDataKey*",
            "kms:Describe*",
        ]);
        expect(s.Condition).to.deep.equal({
            ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:eu-west-1:111122223333:log-group:*" },
        });
    });

    it("lets SNS (for this account) and CloudWatch alarms (as AWS documents it) use the key", () => {
        for (const [sid, service] of [
            ["AllowSnsUseOfKey", "sns.amazonaws.com"],
            ["AllowCloudWatchAlarmsUseOfKey", "cloudwatch.amazonaws.com"],
        ]) {
            const s = statement(doc, sid);
            expect(s.Principal).to.deep.equal({ Service: service });
            expect(s.Action).to.deep.equal(["kms:Decrypt", "kms:GenerateDataKey*"]);
        }
        expect(statement(doc, "AllowSnsUseOfKey").Condition).to.deep.equal({
            StringEquals: { "aws:SourceAccount": "111122223333" },
        });
        // A condition CloudWatch does not send would drop every alarm notification.
        expect(statement(doc, "AllowCloudWatchAlarmsUseOfKey").Condition).to.equal(undefined);
    });

    it("has exactly these four principals, and kms:* only for the account root", () => {
        expect(doc.Statement.map((s) => s.Principal)).to.deep.equal([
            { AWS: "arn:aws:iam::111122223333:root" },
            { Service: "logs.eu-west-1.amazonaws.com" },
            { Service: "sns.amazonaws.com" },
            { Service: "cloudwatch.amazonaws.com" },
        ]);
        const withStar = doc.Statement.filter((s) => s.Action.some((a) => a === "*" || a === "kms:*"));
        expect(withStar.map((s) => s.Sid)).to.deep.equal(["EnableRootAccountAdministration"]);
    });

    it("follows the partition and its DNS suffix", () => {
        const cn = kmsKeyPolicy({
            partition: "aws-cn",
            region: "cn-north-1",
            accountId: "111122223333",
            dnsSuffix: "amazonaws.com.cn",
        });
        expect(cn.Statement[0].Principal).to.deep.equal({ AWS: "arn:aws-cn:iam::111122223333:root" });
        expect(cn.Statement[1].Principal).to.deep.equal({ Service: "logs.cn-north-1.amazonaws.com.cn" });
        expect(cn.Statement[1].Condition?.ArnLike["kms:EncryptionContext:aws:logs:arn"]).to.equal(
            "arn:aws-cn:logs:cn-north-1:111122223333:log-group:*",
        );
    });

    it("keeps a 30-day deletion window in production and 7 days elsewhere", () => {
        expect(keyDeletionWindowDays("production")).to.equal(30);
        expect(keyDeletionWindowDays("staging")).to.equal(7);
        expect(keyDeletionWindowDays("development")).to.equal(7);
    });

    it("derives the alias from the component name", () => {
        expect(kmsAliasName("agentcore-production")).to.equal("alias/agentcore-production");
        expect(kmsAliasName("team.stack")).to.equal("alias/agentcore-team-stack");
    });
});
