/**
 * iam-no-wildcard-permissions at the edges of its action and resource readings: values with
 * spaces around them, a doubled wildcard, a wildcard in the middle of an S3 key, a name that
 * is no ARN at all. Reasons are the user-facing text in parentheses.
 */
import { expect } from "chai";
import { iamLeastPrivilege } from "../../policy/rules/iamLeastPrivilege";
import { reported } from "./reported";

const POLICY = "aws:iam/policy:Policy";
const allow = (Action: unknown, Resource: unknown) =>
    reported(iamLeastPrivilege, POLICY, {
        policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "S", Effect: "Allow", Action, Resource }] }),
    });
const BUCKET_OBJECTS = "arn:aws:s3:::agentcore-code-production/*";

describe("policy iam-no-wildcard-permissions: wildcard edges", () => {
    it('reads actions trimmed: " * " and " s3:* " are wildcards', () => {
        const star = allow(" * ", BUCKET_OBJECTS);
        expect(star).to.have.length(1);
        expect(star[0]).to.include('allows the wildcard action " * " (every action of every service)');
        const s3 = allow(" s3:* ", BUCKET_OBJECTS);
        expect(s3).to.have.length(1);
        expect(s3[0]).to.include('allows the wildcard action " s3:* " (every s3 action)');
    });

    it('a doubled wildcard "s3:**" is every s3 action; "s3:Get*" is not', () => {
        const doubled = allow("s3:**", BUCKET_OBJECTS);
        expect(doubled).to.have.length(1);
        expect(doubled[0]).to.include('"s3:**" (every s3 action)');
        expect(allow("s3:Get*", BUCKET_OBJECTS)).to.deep.equal([]);
    });

    it('reads resources trimmed: " * " is every resource', () => {
        const found = allow("s3:GetObject", " * ");
        expect(found).to.have.length(1);
        expect(found[0]).to.include('grants "s3:GetObject" on Resource " * " (every resource)');
    });

    it("a wildcard inside an ARN's resource part is scoped; one that is the whole part is not", () => {
        expect(allow("s3:GetObject", "arn:aws:s3:::*-code/objects")).to.deep.equal([]);
        expect(allow("s3:GetObject", "arn:aws:s3:::agentcore-*/*")).to.deep.equal([]);
        const whole = allow("s3:GetObject", "arn:aws:s3:::*/*");
        expect(whole).to.have.length(1);
        expect(whole[0]).to.include('"arn:aws:s3:::*/*" (every s3 resource)');
    });

    it("a name without a wildcard passes whatever it is; a wildcard outside an ARN does not", () => {
        expect(allow("s3:GetObject", "agentcore-code-production")).to.deep.equal([]);
        const partial = allow("s3:GetObject", "agentcore-*");
        expect(partial).to.have.length(1);
        expect(partial[0]).to.include('"agentcore-*" (a wildcard that is not a complete ARN)');
        const prefixed = allow("s3:GetObject", "x-arn:aws:s3:::agentcore-*/*");
        expect(prefixed).to.have.length(1);
        expect(prefixed[0]).to.include("(a wildcard that is not a complete ARN)");
    });
});
