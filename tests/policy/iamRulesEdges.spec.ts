/**
 * Edges of the IAM document rules the policy-folder specs did not reach: the trust policy's
 * NotAction, a string principal and a second service, the Instances operator role (only
 * aws:SourceAccount required), and a KMS key policy whose principal is unknown or whose type
 * is not a key. Messages are literals (AgentCore devguide, execution role trust; AWS KMS
 * developer guide, kms:ViaService).
 */
import { expect } from "chai";
import { executionRoleTrust } from "../../policy/rules/executionRoleTrust";
import { kmsKeyPolicyRoleProblems } from "../../policy/rules/kmsKeyPolicyRoles";
import { reported } from "./reported";
import { UNKNOWN_OBJECT, UNKNOWN_STRING } from "./unknowns";

const ROLE = "aws:iam/role:Role";
const ACCOUNT = "123456789012";
const trusted = {
    Sid: "AgentCoreRuntimesAssumeRole",
    Effect: "Allow",
    Principal: { Service: "bedrock-agentcore.amazonaws.com" },
    Action: ["sts:AssumeRole"],
    Condition: {
        StringEquals: { "aws:SourceAccount": ACCOUNT },
        ArnLike: { "aws:SourceArn": `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:*` },
    },
};
const trustOf = (...statements: Record<string, unknown>[]) =>
    reported(executionRoleTrust, ROLE, { assumeRolePolicy: { Version: "2012-10-17", Statement: statements } });
const PREFIX = 'Role "subject" is an AgentCore execution role whose trust statement "AgentCoreRuntimesAssumeRole"';

describe("policy agentcore-execution-role-trust: edges", () => {
    it("fails NotAction with its own message", () => {
        const rest = Object.fromEntries(Object.entries(trusted).filter(([k]) => k !== "Action"));
        expect(trustOf({ ...rest, NotAction: "sts:TagSession" })).to.deep.equal([
            `${PREFIX} uses NotAction, which allows every other action: use Action "sts:AssumeRole".`,
        ]);
    });

    it("fails a second service principal, naming it lower-cased", () => {
        expect(
            trustOf({
                ...trusted,
                Principal: { Service: ["bedrock-agentcore.amazonaws.com", "Lambda.amazonaws.com"] },
            }),
        ).to.deep.equal([
            `${PREFIX} also trusts Service "lambda.amazonaws.com": make Principal { Service: "bedrock-agentcore.amazonaws.com" } the only principal and give other callers their own role.`,
        ]);
    });

    it("an unknown principal or condition in a trusting role's second statement is judged at the update", () => {
        expect(trustOf(trusted, { ...trusted, Sid: "Later", Principal: UNKNOWN_OBJECT })).to.deep.equal([]);
        expect(trustOf(trusted, { ...trusted, Sid: "Later", Condition: UNKNOWN_OBJECT })).to.deep.equal([]);
    });

    it("the Instances operator role needs aws:SourceAccount only, and is named as such", () => {
        const operator = {
            ...trusted,
            Sid: "AgentCoreInstancesOperator",
            Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
        };
        expect(trustOf(operator)).to.deep.equal([]);
        expect(trustOf({ ...operator, Condition: {} })).to.deep.equal([
            'Role "subject" is an AgentCore Instances operator role whose trust statement "AgentCoreInstancesOperator" has no StringEquals "aws:SourceAccount" condition with the 12-digit account ID: add Condition.StringEquals["aws:SourceAccount"] = <this account ID>.',
        ]);
        // Near miss: an execution statement beside the operator's makes it an execution role, which needs aws:SourceArn.
        expect(trustOf(operator, { ...operator, Sid: "Other" })).to.have.length(2);
    });
});

describe("policy agentcore-execution-role-trust: which role is an execution or operator role", () => {
    const deny = { Sid: "NoTagging", Effect: "Deny", Principal: "*", Action: "sts:TagSession" };

    it("a Deny beside the AgentCore Allow does not hide the role from the rule", () => {
        expect(
            trustOf(deny, { ...trusted, Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } } }),
        ).to.deep.equal([
            `${PREFIX} has no ArnLike "aws:SourceArn" condition on bedrock-agentcore ARNs of one account: add Condition.ArnLike["aws:SourceArn"] = "arn:aws:bedrock-agentcore:<region>:<account>:*" (the form AWS documents).`,
        ]);
    });

    it("a Deny with another Sid leaves the operator role an operator role", () => {
        const operator = { ...trusted, Sid: "AgentCoreInstancesOperator", Condition: {} };
        const found = trustOf(deny, operator);
        expect(found).to.have.length(1);
        expect(found[0]).to.match(/^Role "subject" is an AgentCore Instances operator role whose trust /);
    });
});

describe("policy kms-key-policy-roles-via-service: edges", () => {
    const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/agentcore-operator`;
    const statement = { Sid: "Use", Effect: "Allow", Action: "kms:Decrypt", Resource: "*" };
    const key = (s: Record<string, unknown>) => ({ keyPolicy: { Version: "2012-10-17", Statement: [s] } });

    it("passes unknown principals, and any other resource type", () => {
        expect(
            kmsKeyPolicyRoleProblems("aws-native:kms:Key", key({ ...statement, Principal: UNKNOWN_STRING })),
        ).to.deep.equal([]);
        expect(
            kmsKeyPolicyRoleProblems("aws-native:kms:Key", key({ ...statement, Principal: { AWS: UNKNOWN_STRING } })),
        ).to.deep.equal([]);
        expect(
            kmsKeyPolicyRoleProblems("aws:iam/role:Role", key({ ...statement, Principal: { AWS: ROLE_ARN } })),
        ).to.deep.equal([]);
        expect(kmsKeyPolicyRoleProblems("aws-native:kms:Key", key({ ...statement, Principal: "*" }))).to.deep.equal([]);
    });

    it("an empty kms:ViaService list is no condition", () => {
        expect(
            kmsKeyPolicyRoleProblems(
                "aws-native:kms:Key",
                key({
                    ...statement,
                    Principal: { AWS: ROLE_ARN },
                    Condition: { StringEquals: { "kms:ViaService": [] } },
                }),
            ),
        ).to.have.length(1);
    });
});
