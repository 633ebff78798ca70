/**
 * The secretsmanager endpoint policy, proven with the IAM evaluator: a principal of this account
 * reads and writes this account's secrets through it; another account's secret is refused even
 * to an administrator (no exfiltration into a foreign secret); a foreign principal is refused.
 */
import { expect } from "chai";
import { simulate } from "../iamSimulation";
import { endpointPolicy } from "../../src/network/vpcEndpointPolicies";

const ACCOUNT = "123456789012";
const OTHER = "210987654321";
const ADMIN = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
const policy = endpointPolicy("secretsmanager", {
    partition: "aws",
    region: "us-east-1",
    accountId: ACCOUNT,
    modelArns: [],
    imageUris: [],
    codeBucketArns: [],
});
const secret = (account: string) => `arn:aws:secretsmanager:us-east-1:${account}:secret:agents/crm-api-key-AbC123`;

function decide(principalAccount: string, action: string, resourceAccount: string): Promise<string> {
    return simulate({
        principal: `arn:aws:iam::${principalAccount}:role/agentcore-staging-execution-role-0a1b2c`,
        action,
        resource: secret(resourceAccount),
        resourceAccount,
        context: { "aws:RequestedRegion": "us-east-1" },
        identity: [ADMIN],
        // Another account's secret open to everyone: only the endpoint policy stands in the way.
        resourcePolicy:
            resourceAccount === principalAccount
                ? undefined
                : {
                      Version: "2012-10-17",
                      Statement: [{ Effect: "Allow", Principal: "*", Action: "secretsmanager:*", Resource: "*" }],
                  },
        endpointPolicies: [policy],
    });
}

describe("network: the secretsmanager endpoint policy (data perimeter)", () => {
    it("admits this account's principals to this account's secrets", async () => {
        expect(await decide(ACCOUNT, "secretsmanager:GetSecretValue", ACCOUNT)).to.equal("Allowed");
        expect(await decide(ACCOUNT, "secretsmanager:PutSecretValue", ACCOUNT)).to.equal("Allowed");
    });

    it("refuses another account's secret, even one open to everyone, and another account's principal", async () => {
        expect(await decide(ACCOUNT, "secretsmanager:PutSecretValue", OTHER)).to.not.equal("Allowed");
        expect(await decide(ACCOUNT, "secretsmanager:GetSecretValue", OTHER)).to.not.equal("Allowed");
        expect(await decide(OTHER, "secretsmanager:GetSecretValue", ACCOUNT)).to.not.equal("Allowed");
    });

    it("is the perimeter statement, not the account-only wildcard", () => {
        expect(policy.Statement).to.deep.equal([
            {
                Sid: "OwnPrincipalsOwnSecrets",
                Effect: "Allow",
                Principal: "*",
                Action: ["secretsmanager:*"],
                Resource: "*",
                Condition: { StringEquals: { "aws:PrincipalAccount": ACCOUNT, "aws:ResourceAccount": ACCOUNT } },
            },
        ]);
    });
});
