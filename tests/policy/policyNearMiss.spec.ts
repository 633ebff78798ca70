/**
 * Near misses: resources one detail away from compliant, which the rules must still fail
 * (and the compliant twin they must pass), at the edges a rule is easiest to get wrong at: a
 * 12-digit account, whitespace and case in protocols, the production tag's case.
 */
import { expect } from "chai";
import { executionRoleTrust } from "../../policy/rules/executionRoleTrust";
import { noOpenEgress } from "../../policy/rules/noOpenEgress";
import { productionProtected } from "../../policy/rules/productionProtected";
import { reported } from "./reported";

const trust = (
    account: string,
    sourceArn = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/support_agent_development-*",
) => ({
    name: "agentcore-exec",
    assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AgentCoreRuntimesAssumeRole",
                Effect: "Allow",
                Principal: { Service: "bedrock-agentcore.amazonaws.com" },
                Action: ["sts:AssumeRole"],
                Condition: { StringEquals: { "aws:SourceAccount": account }, ArnLike: { "aws:SourceArn": sourceArn } },
            },
        ],
    }),
});

describe("policy near misses", () => {
    it("execution role trust: a 12-digit account passes, 11 or 13 digits or a prefix fail", () => {
        expect(reported(executionRoleTrust, "aws:iam/role:Role", trust("123456789012"))).to.deep.equal([]);
        for (const account of ["12345678901", "1234567890123", "x123456789012", "123456789012x"]) {
            expect(reported(executionRoleTrust, "aws:iam/role:Role", trust(account)), account).to.have.length(1);
        }
    });

    it("execution role trust: a SourceArn of another service fails", () => {
        expect(
            reported(
                executionRoleTrust,
                "aws:iam/role:Role",
                trust("123456789012", "arn:aws:bedrock:us-east-1:123456789012:agent/*"),
            ),
        ).to.have.length(1);
    });

    it("egress: all-protocol written with spaces or capitals is still all-protocol", () => {
        const rule = (ipProtocol: string) => ({ securityGroupId: "sg-0runtime", ipProtocol, cidrIpv4: "0.0.0.0/0" });
        expect(
            reported(noOpenEgress, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", rule("tcp")),
        ).to.deep.equal([]);
        for (const protocol of ["-1", " -1 ", "ALL", " all"]) {
            expect(
                reported(noOpenEgress, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", rule(protocol)),
                protocol,
            ).to.have.length(1);
        }
    });

    it("production protection: the Environment tag in any case marks production; staging does not", () => {
        const key = (environment: string) => ({ enableKeyRotation: true, tags: { Environment: environment } });
        expect(reported(productionProtected, "aws:kms/key:Key", key("staging"), { protect: false })).to.deep.equal([]);
        expect(reported(productionProtected, "aws:kms/key:Key", key("production"), { protect: true })).to.deep.equal(
            [],
        );
        for (const environment of ["production", "Production", "PRODUCTION"]) {
            expect(
                reported(productionProtected, "aws:kms/key:Key", key(environment), { protect: false }),
                environment,
            ).to.have.length(1);
        }
    });
});
