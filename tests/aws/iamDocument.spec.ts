/**
 * The plain IAM document builders (src/aws/iamDocument.ts), written out in full: IAM's policy
 * language version 2012-10-17, a service statement with the confused-deputy guard AWS documents
 * (aws:SourceAccount, and aws:SourceArn under ArnLike where given), the TLS-only Deny
 * (aws:SecureTransport "false" for every principal), a service trust policy (sts:AssumeRole, no
 * Resource), and the sorted de-duplicated lists documents are built from.
 */
import { expect } from "chai";
import {
    denyWithoutTls,
    policyDocument,
    regionalArn,
    serviceStatement,
    serviceTrustPolicy,
    uniqueSorted,
} from "../../src/aws/iamDocument";

const ACCOUNT = "123456789012";

describe("IAM documents (src/aws/iamDocument.ts)", () => {
    it("a policy document is version 2012-10-17 with the statements in order", () => {
        const a = denyWithoutTls("A", ["s3:GetObject"], "arn:aws:s3:::b/*");
        const b = denyWithoutTls("B", ["s3:PutObject"], "arn:aws:s3:::b/*");
        expect(policyDocument(a, b)).to.deep.equal({ Version: "2012-10-17", Statement: [a, b] });
        expect(policyDocument()).to.deep.equal({ Version: "2012-10-17", Statement: [] });
    });

    it("a regional ARN is arn:<partition>:<service>:<region>:<account>:<resource>", () => {
        const ctx = { partition: "aws-cn", region: "cn-north-1", accountId: ACCOUNT };
        expect(regionalArn(ctx, "logs", "log-group:/g")).to.equal(
            "arn:aws-cn:logs:cn-north-1:123456789012:log-group:/g",
        );
    });

    it("a service statement: the service principal, the actions, a Resource only when given, the account guard", () => {
        const actions = ["logs:CreateLogStream", "logs:PutLogEvents"];
        const statement = serviceStatement({
            sid: "Delivery",
            service: "delivery.logs.amazonaws.com",
            actions,
            resource: "arn:aws:logs:us-east-1:123456789012:log-group:/g:*",
            accountId: ACCOUNT,
        });
        expect(statement).to.deep.equal({
            Sid: "Delivery",
            Effect: "Allow",
            Principal: { Service: "delivery.logs.amazonaws.com" },
            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resource: "arn:aws:logs:us-east-1:123456789012:log-group:/g:*",
            Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
        });
        // A copy: changing the caller's list later changes nothing.
        actions.push("logs:DeleteLogGroup");
        expect(statement.Action).to.deep.equal(["logs:CreateLogStream", "logs:PutLogEvents"]);
        // Without a resource there is no Resource key at all (a trust or key policy).
        const bare = serviceStatement({ sid: "S", service: "s.amazonaws.com", actions: ["a:B"], accountId: ACCOUNT });
        expect(Object.keys(bare)).to.deep.equal(["Sid", "Effect", "Principal", "Action", "Condition"]);
        expect(bare.Condition).to.deep.equal({ StringEquals: { "aws:SourceAccount": ACCOUNT } });
        // A list of resources is kept as a list.
        const listed = serviceStatement({
            sid: "S",
            service: "s.amazonaws.com",
            actions: ["a:B"],
            resource: ["r1", "r2"],
            accountId: ACCOUNT,
        });
        expect(listed.Resource).to.deep.equal(["r1", "r2"]);
    });

    it("a service statement: source ARNs under ArnLike (one as text, several as a list), the service's own keys first", () => {
        const one = serviceStatement({
            sid: "S",
            service: "s.amazonaws.com",
            actions: ["a:B"],
            accountId: ACCOUNT,
            sourceArns: "arn:aws:x:::1",
        });
        expect(one.Condition).to.deep.equal({
            StringEquals: { "aws:SourceAccount": ACCOUNT },
            ArnLike: { "aws:SourceArn": "arn:aws:x:::1" },
        });
        const arns = ["arn:aws:x:::1", "arn:aws:x:::2"];
        const several = serviceStatement({
            sid: "S",
            service: "s.amazonaws.com",
            actions: ["a:B"],
            accountId: ACCOUNT,
            sourceArns: arns,
        });
        expect(several.Condition).to.deep.equal({
            StringEquals: { "aws:SourceAccount": ACCOUNT },
            ArnLike: { "aws:SourceArn": ["arn:aws:x:::1", "arn:aws:x:::2"] },
        });
        expect((several.Condition!.ArnLike as Record<string, unknown>)["aws:SourceArn"]).not.to.equal(arns);
        const own = serviceStatement({
            sid: "S",
            service: "s.amazonaws.com",
            actions: ["a:B"],
            accountId: ACCOUNT,
            conditions: { StringLike: { "kms:EncryptionContext:k": "v*" } },
        });
        expect(Object.keys(own.Condition!)).to.deep.equal(["StringLike", "StringEquals"]);
        expect(own.Condition).to.deep.equal({
            StringLike: { "kms:EncryptionContext:k": "v*" },
            StringEquals: { "aws:SourceAccount": ACCOUNT },
        });
        // The guard wins over a service key of the same operator.
        const clash = serviceStatement({
            sid: "S",
            service: "s.amazonaws.com",
            actions: ["a:B"],
            accountId: ACCOUNT,
            conditions: { StringEquals: { "aws:SourceAccount": "999999999999" } },
        });
        expect(clash.Condition).to.deep.equal({ StringEquals: { "aws:SourceAccount": ACCOUNT } });
    });

    it("denies without TLS to every principal", () => {
        const actions = ["s3:*"];
        const statement = denyWithoutTls("TlsOnly", actions, ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]);
        expect(statement).to.deep.equal({
            Sid: "TlsOnly",
            Effect: "Deny",
            Principal: { AWS: "*" },
            Action: ["s3:*"],
            Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        });
        expect(statement.Action).not.to.equal(actions);
    });

    it("a service trust policy: sts:AssumeRole for the service, no Resource, guarded by account and source", () => {
        expect(
            serviceTrustPolicy({
                sid: "AgentCoreAssume",
                service: "bedrock-agentcore.amazonaws.com",
                accountId: ACCOUNT,
                sourceArns: "arn:aws:bedrock-agentcore:us-east-1:123456789012:*",
            }),
        ).to.deep.equal({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "AgentCoreAssume",
                    Effect: "Allow",
                    Principal: { Service: "bedrock-agentcore.amazonaws.com" },
                    Action: ["sts:AssumeRole"],
                    Condition: {
                        StringEquals: { "aws:SourceAccount": ACCOUNT },
                        ArnLike: { "aws:SourceArn": "arn:aws:bedrock-agentcore:us-east-1:123456789012:*" },
                    },
                },
            ],
        });
    });

    it("sorts and de-duplicates", () => {
        expect(uniqueSorted(["s3:PutObject", "kms:Decrypt", "s3:PutObject", "kms:Decrypt", "a:B"])).to.deep.equal([
            "a:B",
            "kms:Decrypt",
            "s3:PutObject",
        ]);
        expect(uniqueSorted(new Set(["b", "a"]))).to.deep.equal(["a", "b"]);
        expect(uniqueSorted([])).to.deep.equal([]);
    });
});
