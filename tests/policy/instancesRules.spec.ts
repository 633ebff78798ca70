/**
 * The pack's Instances rules, each with a catching case and a near miss:
 * - kms-key-policy-roles-via-service: a key policy admitting an IAM role keeps it behind
 *   kms:ViaService (the operator role: EC2, for EBS);
 * - agentcore-capacity-provider-in-agent-subnets: in a stack that creates its subnets, the
 *   provider launches only in those, none public;
 * - agentcore-capacity-provider-private (unencrypted volumes) and agentcore-execution-role-trust
 *   (an operator role without confused-deputy conditions) are specified in
 *   tests/compute/instances.spec.ts.
 */
import { expect } from "chai";
import { StackValidationPolicy } from "@pulumi/policy";
import { capacityProviderInAgentSubnets } from "../../policy/rules/capacityProvider";
import { kmsKeyPolicyRoleProblems } from "../../policy/rules/kmsKeyPolicyRoles";
import { stackArgs } from "../../src/plan/offline/evaluate";
import { RecordedResource } from "../../src/plan/offline/mocks";
import { kmsKeyPolicy } from "../../src/security/kmsKey";
import { runStackOnce } from "../helpers";

const ACCOUNT = "123456789012";
const OPERATOR = `arn:aws:iam::${ACCOUNT}:role/agentcore-staging-operator-role-1a2b3c4`;
const ctx = { partition: "aws", region: "us-east-1", accountId: ACCOUNT, dnsSuffix: "amazonaws.com" };

describe("policy kms-key-policy-roles-via-service", () => {
    const keyWith = (statement: Record<string, unknown>) =>
        JSON.stringify({ Version: "2012-10-17", Statement: [statement] });

    it("passes the stack key's policy with the operator role admitted for EBS", () => {
        const policy = JSON.stringify(kmsKeyPolicy({ ...ctx, ebsOperatorRoleArn: OPERATOR }));
        expect(kmsKeyPolicyRoleProblems("aws:kms/key:Key", { policy })).to.deep.equal([]);
    });

    it("catches a role admitted without kms:ViaService (aws and aws-native)", () => {
        const statement = {
            Sid: "OperatorUsesKey",
            Effect: "Allow",
            Principal: { AWS: OPERATOR },
            Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
            Resource: "*",
            Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT } },
        };
        const expected = [
            `key policy statement "OperatorUsesKey" admits ${OPERATOR} without kms:ViaService: add Condition StringEquals "kms:ViaService" naming the one service the role uses the key through (EBS: "ec2.<region>.amazonaws.com") and "kms:CallerAccount"`,
        ];
        expect(kmsKeyPolicyRoleProblems("aws:kms/key:Key", { policy: keyWith(statement) })).to.deep.equal(expected);
        expect(
            kmsKeyPolicyRoleProblems("aws-native:kms:Key", {
                keyPolicy: { Version: "2012-10-17", Statement: [statement] },
            }),
        ).to.deep.equal(expected);
    });

    it("near misses: the account root, a service principal, a Deny, and the same role with kms:ViaService pass", () => {
        const root = {
            Effect: "Allow",
            Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
            Action: "kms:*",
            Resource: "*",
        };
        const service = {
            Effect: "Allow",
            Principal: { Service: "sns.amazonaws.com" },
            Action: "kms:Decrypt",
            Resource: "*",
        };
        const deny = { Effect: "Deny", Principal: { AWS: OPERATOR }, Action: "kms:*", Resource: "*" };
        const via = {
            Effect: "Allow",
            Principal: { AWS: [OPERATOR] },
            Action: "kms:Decrypt",
            Resource: "*",
            Condition: { StringEquals: { "kms:ViaService": "ec2.us-east-1.amazonaws.com" } },
        };
        for (const s of [root, service, deny, via]) {
            expect(
                kmsKeyPolicyRoleProblems("aws:kms/key:Key", { policy: keyWith(s) }),
                JSON.stringify(s),
            ).to.deep.equal([]);
        }
    });
});

describe("policy agentcore-capacity-provider-in-agent-subnets (stack)", function () {
    this.timeout(60_000);
    const validate = (resources: readonly RecordedResource[]) => {
        const found: string[] = [];
        (capacityProviderInAgentSubnets as StackValidationPolicy).validateStack(stackArgs([...resources]), (message) =>
            found.push(message),
        );
        return found;
    };
    const instancesRun = () => runStackOnce("staging", { computeType: "instances" });
    const PROVIDER = "aws-native:bedrockagentcore:CapacityProvider";

    it("passes the Instances stack: the provider in the stack's two private agent subnets", async () => {
        const run = await instancesRun();
        expect(validate(run.resources)).to.deep.equal([]);
    });

    it("catches a provider given a subnet the stack does not create", async () => {
        const run = await instancesRun();
        const resources = run.resources.map((r) => {
            if (r.type !== PROVIDER) return r;
            const compute = r.state.computeConfiguration as { ec2Configuration: Record<string, unknown> };
            const vpc = compute.ec2Configuration.vpcConfiguration as { subnets: string[] };
            const state = {
                ...r.state,
                computeConfiguration: {
                    ec2Configuration: {
                        ...compute.ec2Configuration,
                        vpcConfiguration: { ...vpc, subnets: [...vpc.subnets, "subnet-0bad0bad0bad0bad0"] },
                    },
                },
            };
            return { ...r, state, inputs: state };
        });
        expect(validate(resources)).to.deep.equal([
            `CapacityProvider "agentcore-staging-capacity-provider" launches in 1 subnet(s) that are not this stack's agent subnets: set vpcConfiguration.subnets to the agent subnets the stack creates.`,
        ]);
    });

    it("catches a stack subnet that maps public IPs on launch", async () => {
        const run = await instancesRun();
        const first = run.resources.find((r) => r.type === "aws:ec2/subnet:Subnet")!;
        const resources = run.resources.map((r) =>
            r === first ? { ...r, state: { ...r.state, mapPublicIpOnLaunch: true } } : r,
        );
        expect(validate(resources)).to.deep.equal([
            `CapacityProvider "agentcore-staging-capacity-provider" launches in Subnet "${first.name}", which maps public IPs on launch: use the private agent subnets.`,
        ]);
    });

    it("near miss: a stack that creates no subnet (an agent stack) is not judged here", async () => {
        const run = await instancesRun();
        expect(validate(run.resources.filter((r) => r.type !== "aws:ec2/subnet:Subnet"))).to.deep.equal([]);
    });
});
