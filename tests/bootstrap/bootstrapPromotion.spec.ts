/**
 * The CI rights of a stack that promotes from another (deploy.yml: production from staging):
 * its deploy role tags the source's promoted images (`npm run promote --tag-script`, run before
 * `pulumi up`) and reads the source's code objects and key for the target's own copy
 * (aws.s3.ObjectCopy). Evaluated by a real IAM policy evaluator with the CI permissions
 * boundary. Facts: ECR API reference (PutImage, BatchGetImage, DescribeImages on the
 * repository), S3 API reference CopyObject (s3:GetObject on the source, s3:GetObjectVersion for
 * a version), KMS (kms:Decrypt with kms:ViaService). Expected values are literals.
 */
import * as fs from "fs";
import * as path from "path";
import { expect } from "chai";
import * as yaml from "js-yaml";
import { validateBootstrapConfig } from "../../bootstrap/config";
import { ciBoundaryPolicy, deployPolicy } from "../../bootstrap/iam";
import { roleDecider } from "../iamSimulation";
import { REPO_ROOT } from "../helpers";

const ACCOUNT = "123456789012";
const ctx = { partition: "aws", region: "us-east-1", accountId: ACCOUNT };
const ROLE = `arn:aws:sts::${ACCOUNT}:assumed-role/agentcore-ci-deploy-production/run`;
const PROMOTING = deployPolicy(ctx, "production", { promoteFrom: { stack: "staging", environment: "staging" } });
const PLAIN = deployPolicy(ctx, "production");

const STAGING_REPO = `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/agentcore-staging/support_agent`;
const DEVELOPMENT_REPO = `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/agentcore-development/support_agent`;
const STAGING_OBJECT = "arn:aws:s3:::agentcore-staging-code-84ff3e1/runtimes/support_agent_staging/code.zip";
const DEVELOPMENT_OBJECT =
    "arn:aws:s3:::agentcore-development-code-6850cb5/runtimes/support_agent_development/code.zip";
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`;

const decide = roleDecider(ROLE, ciBoundaryPolicy(ctx));

describe("bootstrap: the rights of a stack that promotes from another", () => {
    it("adds exactly the source's repositories, code objects and key (through S3)", () => {
        const added = PROMOTING.Statement.filter((s) => !PLAIN.Statement.some((p) => p.Sid === s.Sid));
        expect(added).to.deep.equal([
            {
                Sid: "PromotionSourceEcrTag",
                Effect: "Allow",
                Action: ["ecr:BatchGetImage", "ecr:DescribeImages", "ecr:PutImage"],
                Resource: "arn:aws:ecr:us-east-1:123456789012:repository/agentcore-staging/*",
            },
            {
                Sid: "PromotionSourceCodeRead",
                Effect: "Allow",
                Action: ["s3:GetObject", "s3:GetObjectVersion"],
                Resource: "arn:aws:s3:::agentcore-staging-code-*/*",
            },
            {
                Sid: "PromotionSourceKeyDecrypt",
                Effect: "Allow",
                Action: ["kms:Decrypt"],
                Resource: "arn:aws:kms:us-east-1:123456789012:key/*",
                Condition: {
                    StringEquals: {
                        "aws:ResourceTag/Environment": "staging",
                        "kms:ViaService": "s3.us-east-1.amazonaws.com",
                    },
                },
            },
        ]);
    });

    it("tags staging's images and reads staging's code and key: allowed", async () => {
        for (const action of ["ecr:PutImage", "ecr:BatchGetImage", "ecr:DescribeImages"]) {
            expect(await decide(PROMOTING, action, STAGING_REPO), action).to.equal("Allowed");
        }
        expect(await decide(PROMOTING, "s3:GetObjectVersion", STAGING_OBJECT)).to.equal("Allowed");
        expect(await decide(PROMOTING, "s3:GetObject", STAGING_OBJECT)).to.equal("Allowed");
        const viaS3 = { "aws:ResourceTag/Environment": "staging", "kms:ViaService": "s3.us-east-1.amazonaws.com" };
        expect(await decide(PROMOTING, "kms:Decrypt", KEY, viaS3)).to.equal("Allowed");
    });

    it("near misses: development's repository, bucket and key, the key outside S3, and no promoteFrom are denied", async () => {
        expect(await decide(PROMOTING, "ecr:PutImage", DEVELOPMENT_REPO)).to.equal("ImplicitlyDenied");
        expect(await decide(PROMOTING, "ecr:BatchDeleteImage", STAGING_REPO)).to.equal("ImplicitlyDenied");
        expect(await decide(PROMOTING, "s3:GetObjectVersion", DEVELOPMENT_OBJECT)).to.equal("ImplicitlyDenied");
        expect(await decide(PROMOTING, "s3:DeleteObjectVersion", STAGING_OBJECT)).to.equal("ImplicitlyDenied");
        expect(
            await decide(PROMOTING, "kms:Decrypt", KEY, {
                "aws:ResourceTag/Environment": "development",
                "kms:ViaService": "s3.us-east-1.amazonaws.com",
            }),
        ).to.equal("ImplicitlyDenied");
        expect(
            await decide(PROMOTING, "kms:Decrypt", KEY, {
                "aws:ResourceTag/Environment": "staging",
                "kms:ViaService": "secretsmanager.us-east-1.amazonaws.com",
            }),
        ).to.equal("ImplicitlyDenied");
        expect(await decide(PLAIN, "ecr:PutImage", STAGING_REPO)).to.equal("ImplicitlyDenied");
        expect(await decide(PLAIN, "s3:GetObjectVersion", STAGING_OBJECT)).to.equal("ImplicitlyDenied");
    });
});

describe("bootstrap: promoteFrom in the config", () => {
    const raw = (environments: unknown[]) => ({
        stack: "ci",
        values: { githubRepository: "acme/agentcore-private", environments: JSON.stringify(environments) },
    });
    const net = { subnetIds: ["subnet-0a1b2c3d4e5f60011"], securityGroupIds: ["sg-0a1b2c3d4e5f60013"] };

    it("resolves the source's stack and environment", () => {
        const config = validateBootstrapConfig(
            raw([
                { name: "staging", ...net },
                { name: "production", promoteFrom: "staging", ...net },
            ]),
        );
        expect(config.environments.map((e) => e.promoteFrom)).to.deep.equal([
            undefined,
            { stack: "staging", environment: "staging" },
        ]);
    });

    it("refuses itself, a stack not listed, and a network stack as the source; and promoteFrom on a network stack", () => {
        expect(() =>
            validateBootstrapConfig(
                raw([
                    { name: "staging", promoteFrom: "staging", ...net },
                    { name: "production", promoteFrom: "qa", ...net },
                    { name: "production", stack: "network", kind: "network", promoteFrom: "staging" },
                    { name: "production", stack: "agents", kind: "agent", promoteFrom: "network", ...net },
                ]),
            ),
        ).to.throw(
            [
                `Stack "ci" has 4 configuration problems; nothing was created:`,
                `  - environments[2].promoteFrom "staging" is invalid: unset for a network stack: it runs no artifacts to promote (e.g. remove it)`,
                `  - environments[0].promoteFrom "staging" is invalid: the stack of another listed environment that runs artifacts (production, agents) (e.g. "staging")`,
                `  - environments[1].promoteFrom "qa" is invalid: the stack of another listed environment that runs artifacts (staging, agents) (e.g. "staging")`,
                `  - environments[3].promoteFrom "network" is invalid: the stack of another listed environment that runs artifacts (staging, production) (e.g. "staging")`,
            ].join("\n"),
        );
    });

    it("the shipped Pulumi.ci.yaml gives production's role staging's promotion rights, and no other role any", () => {
        const file = yaml.load(fs.readFileSync(path.join(REPO_ROOT, "bootstrap", "Pulumi.ci.yaml"), "utf8")) as {
            config: Record<string, unknown>;
        };
        const values = Object.fromEntries(
            Object.entries(file.config)
                .filter(([k]) => k.startsWith("agentcore-bootstrap:"))
                .map(([k, v]) => [
                    k.slice("agentcore-bootstrap:".length),
                    typeof v === "string" ? v : JSON.stringify(v),
                ]),
        );
        const config = validateBootstrapConfig({ stack: "ci", values });
        expect(config.environments.filter((e) => e.promoteFrom).map((e) => [e.stack, e.promoteFrom])).to.deep.equal([
            ["production", { stack: "staging", environment: "staging" }],
        ]);
    });
});
