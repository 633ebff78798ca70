/**
 * The CI deploy role of one environment cannot change another environment's network or keys:
 * its grants evaluated by a real IAM policy evaluator (@cloud-copilot/iam-simulate), with the
 * resource tags AWS would present. Expected decisions are the requirement's, written out.
 */
import { expect } from "chai";
import { runSimulation, Simulation } from "@cloud-copilot/iam-simulate";
import { deployPolicy } from "../../bootstrap/iam";
import { accountRootKeyPolicy } from "../iamSimulation";

const ACCOUNT = "123456789012";
const ctx = { accountId: ACCOUNT, region: "us-east-1", partition: "aws", dnsSuffix: "amazonaws.com" };
const ACCOUNT_KEY_POLICY = accountRootKeyPolicy(ACCOUNT);
const ROLE = `arn:aws:sts::${ACCOUNT}:assumed-role/agentcore-ci-deploy-development/run`;

async function decide(action: string, resource: string, tags: Record<string, string> | undefined): Promise<string> {
    const simulation: Simulation = {
        request: {
            principal: ROLE,
            action,
            resource: { resource, accountId: ACCOUNT },
            contextVariables: Object.fromEntries(
                Object.entries(tags ?? {}).map(([k, v]) => [`aws:ResourceTag/${k}`, v]),
            ),
        },
        identityPolicies: [{ name: "deploy", policy: deployPolicy(ctx as never, "development") }],
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        // A KMS key is reached only when its key policy lets IAM decide: the stack key's does
        // (src/security/kmsKey.ts, "EnableIamPolicies"), so the evaluator gets that statement.
        ...(resource.startsWith("arn:aws:kms:") ? { resourcePolicy: ACCOUNT_KEY_POLICY } : {}),
    };
    const response = await runSimulation(simulation, {});
    if (response.resultType === "error") {
        throw new Error(`simulation refused: ${JSON.stringify(response.errors)}`);
    }
    return response.overallResult;
}

const SG = "arn:aws:ec2:us-east-1:123456789012:security-group/sg-0abc";
const VPC = "arn:aws:ec2:us-east-1:123456789012:vpc/vpc-0abc";
const KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

describe("bootstrap: a deploy role stays inside its environment (IAM evaluation)", () => {
    it("opens its own environment's security group, and one with no Environment tag (an adopted VPC's)", async () => {
        expect(await decide("ec2:AuthorizeSecurityGroupIngress", SG, { Environment: "development" })).to.equal(
            "Allowed",
        );
        expect(await decide("ec2:AuthorizeSecurityGroupIngress", SG, undefined)).to.equal("Allowed");
    });

    it("cannot open, retag or re-route production's resources", async () => {
        expect(await decide("ec2:AuthorizeSecurityGroupIngress", SG, { Environment: "production" })).to.equal(
            "ImplicitlyDenied",
        );
        expect(await decide("ec2:CreateTags", SG, { Environment: "production" })).to.equal("ImplicitlyDenied");
        expect(
            await decide("ec2:ModifyVpcEndpoint", "arn:aws:ec2:us-east-1:123456789012:vpc-endpoint/vpce-0abc", {
                Environment: "production",
            }),
        ).to.equal("ImplicitlyDenied");
    });

    it("cannot create a subnet inside production's VPC, but can inside its own", async () => {
        expect(await decide("ec2:CreateSubnet", VPC, { Environment: "production" })).to.equal("ImplicitlyDenied");
        expect(await decide("ec2:CreateSubnet", VPC, { Environment: "development" })).to.equal("Allowed");
    });

    it("points its alias only at its own environment's key (the key-side check of CreateAlias)", async () => {
        expect(
            await decide(
                "kms:CreateAlias",
                "arn:aws:kms:us-east-1:123456789012:alias/agentcore-development",
                undefined,
            ),
        ).to.equal("Allowed");
        expect(
            await decide("kms:CreateAlias", "arn:aws:kms:us-east-1:123456789012:alias/agentcore-production", undefined),
        ).to.equal("ImplicitlyDenied");
        expect(await decide("kms:CreateAlias", KEY, { Environment: "development" })).to.equal("Allowed");
        expect(await decide("kms:CreateAlias", KEY, { Environment: "production" })).to.equal("ImplicitlyDenied");
        expect(await decide("kms:CreateAlias", KEY, undefined)).to.equal("ImplicitlyDenied");
    });
});
