/**
 * The pack's VPC endpoint policy rules, branch by branch, against literal messages:
 * - vpc-endpoint-has-policy: no policy (unset, null, "", {}) fails in both providers, each
 *   message naming the provider's own property; a policy or an unknown one passes;
 * - vpc-endpoint-policy-no-unconditioned-any-principal: every principal form ("*", { AWS: "*" },
 *   { AWS: [.., "*"] }, named, service, none, unknown), Allow and Deny, with and without a
 *   Condition, and AWS's documented ECR layer statement (s3:GetObject on
 *   arn:aws:s3:::prod-<region>-starport-layer-bucket/*, AgentCore devguide, VPC, "Minimum S3
 *   bucket permissions for container agents") with each near miss one step wider.
 * tests/inbound/inboundPolicy.spec.ts has the program-level cases; these are the edges.
 */
import { expect } from "chai";
import {
    endpointHasPolicy,
    endpointPolicyAnyPrincipalConditioned,
    missingEndpointPolicyProblems,
    unconditionedAnyPrincipalProblems,
} from "../../policy/rules/endpointPolicies";
import { reported } from "./reported";
import { UNKNOWN_OBJECT, UNKNOWN_STRING } from "./unknowns";

/** A copy of a statement without one key. */
const without = (statement: Record<string, unknown>, key: string): Record<string, unknown> =>
    Object.fromEntries(Object.entries(statement).filter(([k]) => k !== key));

const CLASSIC = "aws:ec2/vpcEndpoint:VpcEndpoint";
const NATIVE = "aws-native:ec2:VpcEndpoint";
const ACCOUNT = "123456789012";

const MISSING_TAIL =
    "has no endpoint policy, so it allows full access to its service from this VPC, to any account's resources: set";
const missing = (prefix: string, field: "policy" | "policyDocument") =>
    `${prefix} ${MISSING_TAIL} ${field} to a document that allows only this account's resources (src/network/vpcEndpointPolicies.ts).`;

const endpoint = (extra: Record<string, unknown> = {}) => ({
    vpcId: "vpc-0a1b2c3d4e5f60718",
    serviceName: "com.amazonaws.us-east-1.ecr.api",
    vpcEndpointType: "Interface",
    ...extra,
});
const ownAccount = {
    Version: "2012-10-17",
    Statement: [
        {
            Effect: "Allow",
            Principal: "*",
            Action: "*",
            Resource: "*",
            Condition: { StringEquals: { "aws:PrincipalAccount": ACCOUNT } },
        },
    ],
};

describe("policy vpc-endpoint-has-policy: every form of no policy, in both providers", () => {
    const has = (type: string, props: Record<string, unknown>) => reported(endpointHasPolicy, type, props);

    it("classic VpcEndpoint: unset, null and an empty string are no policy; the message names `policy` and the service", () => {
        const expected = [missing('VpcEndpoint "subject" (com.amazonaws.us-east-1.ecr.api)', "policy")];
        expect(has(CLASSIC, endpoint())).to.deep.equal(expected);
        expect(has(CLASSIC, endpoint({ policy: null }))).to.deep.equal(expected);
        expect(has(CLASSIC, endpoint({ policy: "" }))).to.deep.equal(expected);
        expect(has(CLASSIC, endpoint({ policy: JSON.stringify(ownAccount) }))).to.deep.equal([]);
    });

    it("aws-native VpcEndpoint: reads policyDocument (not the classic `policy`), an empty object is no policy", () => {
        const expected = [missing('VpcEndpoint "subject" (com.amazonaws.us-east-1.ecr.api)', "policyDocument")];
        expect(has(NATIVE, endpoint())).to.deep.equal(expected);
        expect(has(NATIVE, endpoint({ policyDocument: {} }))).to.deep.equal(expected);
        expect(has(NATIVE, endpoint({ policy: JSON.stringify(ownAccount) }))).to.deep.equal(expected);
        // Near miss: a non-empty document object is a policy.
        expect(has(NATIVE, endpoint({ policyDocument: ownAccount }))).to.deep.equal([]);
        expect(has(NATIVE, endpoint({ policyDocument: JSON.stringify(ownAccount) }))).to.deep.equal([]);
    });

    it("leaves the service out of the message when the endpoint names none", () => {
        expect(has(CLASSIC, { vpcId: "vpc-0a1b2c3d4e5f60718", vpcEndpointType: "Gateway" })).to.deep.equal([
            missing('VpcEndpoint "subject"', "policy"),
        ]);
        expect(
            has(CLASSIC, { vpcId: "vpc-0a1b2c3d4e5f60718", serviceName: UNKNOWN_STRING, vpcEndpointType: "Gateway" }),
        ).to.deep.equal([missing('VpcEndpoint "subject"', "policy")]);
    });

    it("judges an unknown policy or an unknown endpoint type at the update", () => {
        expect(has(CLASSIC, endpoint({ policy: UNKNOWN_STRING }))).to.deep.equal([]);
        expect(has(NATIVE, endpoint({ policyDocument: UNKNOWN_OBJECT }))).to.deep.equal([]);
        expect(has(CLASSIC, endpoint({ vpcEndpointType: UNKNOWN_STRING }))).to.deep.equal([]);
        expect(has(NATIVE, endpoint({ vpcEndpointType: UNKNOWN_STRING }))).to.deep.equal([]);
    });

    it("finds nothing on a type that is not a VPC endpoint, called directly", () => {
        expect(missingEndpointPolicyProblems("aws:ec2/subnet:Subnet", endpoint())).to.deep.equal([]);
        expect(unconditionedAnyPrincipalProblems("aws:ec2/subnet:Subnet", endpoint())).to.deep.equal([]);
        expect(has("aws:ec2/subnet:Subnet", endpoint())).to.deep.equal([]);
    });
});

describe("policy vpc-endpoint-policy-no-unconditioned-any-principal: principal, effect, condition and the ECR layer exception", () => {
    const anyOf = (type: string, props: Record<string, unknown>) =>
        reported(endpointPolicyAnyPrincipalConditioned, type, props);
    /** The findings for a classic endpoint whose policy (a JSON string) has these statements. */
    const classic = (...statements: Record<string, unknown>[]) =>
        anyOf(CLASSIC, endpoint({ policy: JSON.stringify({ Version: "2012-10-17", Statement: statements }) }));
    /** The same, as an aws-native endpoint's policyDocument object (where unknowns can sit per element). */
    const native = (...statements: Record<string, unknown>[]) =>
        anyOf(NATIVE, endpoint({ policyDocument: { Version: "2012-10-17", Statement: statements } }));
    const finding = (label: string, resources: string, service = "(com.amazonaws.us-east-1.ecr.api) ") =>
        `VpcEndpoint "subject" ${service}endpoint policy ${label} allows any principal ("*") on ${resources} with no Condition, so anyone's credentials (or none) pass: add a condition such as StringEquals aws:PrincipalAccount or aws:ResourceAccount = this account.`;
    const open = { Effect: "Allow", Action: "ecr:BatchGetImage", Resource: "*" };

    it('fails every "any principal" form: "*", { AWS: "*" }, { AWS: ["*"] } and "*" among named accounts', () => {
        expect(classic({ ...open, Principal: "*" })).to.deep.equal([finding("Statement[0]", '["*"]')]);
        expect(classic({ ...open, Principal: { AWS: "*" } })).to.deep.equal([finding("Statement[0]", '["*"]')]);
        expect(classic({ ...open, Principal: { AWS: ["*"] } })).to.deep.equal([finding("Statement[0]", '["*"]')]);
        expect(classic({ ...open, Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:root`, "*"] } })).to.deep.equal([
            finding("Statement[0]", '["*"]'),
        ]);
    });

    it("near misses: a named account, a service principal, no principal and an unknown one are not any principal", () => {
        expect(classic({ ...open, Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } })).to.deep.equal([]);
        expect(classic({ ...open, Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:root`] } })).to.deep.equal([]);
        expect(classic({ ...open, Principal: { Service: "ecs-tasks.amazonaws.com" } })).to.deep.equal([]);
        expect(classic({ ...open, Principal: `arn:aws:iam::${ACCOUNT}:root` })).to.deep.equal([]);
        expect(classic(open)).to.deep.equal([]);
        expect(native({ ...open, Principal: UNKNOWN_STRING })).to.deep.equal([]);
        expect(native({ ...open, Principal: { AWS: UNKNOWN_STRING } })).to.deep.equal([]);
    });

    it("a Deny for any principal only takes away; an Allow next to it is still judged", () => {
        const deny = { Sid: "NoOtherAccounts", Effect: "Deny", Principal: "*", Action: "*", Resource: "*" };
        expect(classic(deny)).to.deep.equal([]);
        expect(classic({ ...deny, Principal: { AWS: "*" } })).to.deep.equal([]);
        expect(classic(deny, { ...open, Sid: "Pull", Principal: "*" })).to.deep.equal([
            finding('statement "Pull"', '["*"]'),
        ]);
    });

    it("a Condition narrows the Allow; an empty one does not; an unknown one is judged at the update", () => {
        const condition = { StringEquals: { "aws:PrincipalAccount": ACCOUNT } };
        expect(classic({ ...open, Principal: "*", Condition: condition })).to.deep.equal([]);
        expect(classic({ ...open, Principal: "*", Condition: {} })).to.deep.equal([finding("Statement[0]", '["*"]')]);
        expect(native({ ...open, Principal: "*", Condition: {} })).to.deep.equal([finding("Statement[0]", '["*"]')]);
        expect(native({ ...open, Principal: "*", Condition: UNKNOWN_OBJECT })).to.deep.equal([]);
    });

    it("reports one finding per offending statement, each by its Sid or its index, with its resources", () => {
        expect(
            classic(
                {
                    ...open,
                    Sid: "Scoped",
                    Principal: "*",
                    Condition: { StringEquals: { "aws:ResourceAccount": ACCOUNT } },
                },
                {
                    ...open,
                    Sid: "",
                    Principal: "*",
                    Resource: [
                        `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/agents/a`,
                        "arn:aws:ecr:us-east-1:210987654321:repository/b",
                    ],
                },
                { ...open, Sid: "Second", Principal: { AWS: "*" } },
            ),
        ).to.deep.equal([
            finding(
                "Statement[1]",
                `["arn:aws:ecr:us-east-1:${ACCOUNT}:repository/agents/a", "arn:aws:ecr:us-east-1:210987654321:repository/b"]`,
            ),
            finding('statement "Second"', '["*"]'),
        ]);
    });

    it("names no service when the endpoint has none", () => {
        expect(
            anyOf(CLASSIC, {
                vpcEndpointType: "Gateway",
                policy: JSON.stringify({ Statement: [{ ...open, Principal: "*" }] }),
            }),
        ).to.deep.equal([finding("Statement[0]", '["*"]', "")]);
    });

    describe("the ECR layer statement AWS documents", () => {
        const layerBucket = "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*";
        const layer = {
            Sid: "Layers",
            Effect: "Allow",
            Principal: "*",
            Action: ["s3:GetObject"],
            Resource: [layerBucket],
        };
        const layerFinding = (resources = `["${layerBucket}"]`) => [finding('statement "Layers"', resources)];

        it("passes: as AWS writes it, as single values, in any case, with spaces, in another partition", () => {
            expect(classic(layer)).to.deep.equal([]);
            expect(classic({ ...layer, Action: "s3:GetObject", Resource: layerBucket })).to.deep.equal([]);
            expect(classic({ ...layer, Action: ["S3:GETOBJECT", " s3:getobject "] })).to.deep.equal([]);
            expect(
                classic({ ...layer, Resource: ["arn:aws-cn:s3:::prod-cn-north-1-starport-layer-bucket/*"] }),
            ).to.deep.equal([]);
            expect(
                classic({
                    ...layer,
                    Resource: [layerBucket, "arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*"],
                }),
            ).to.deep.equal([]);
        });

        it("near misses on the action: another action, one more action, a non-string, none, NotAction", () => {
            expect(classic({ ...layer, Action: ["s3:PutObject"] })).to.deep.equal(layerFinding());
            expect(classic({ ...layer, Action: ["s3:GetObject", "s3:PutObject"] })).to.deep.equal(layerFinding());
            expect(classic({ ...layer, Action: ["s3:PutObject", "s3:GetObject"] })).to.deep.equal(layerFinding());
            expect(classic({ ...layer, Action: [42] })).to.deep.equal(layerFinding());
            expect(classic({ ...layer, Action: [] })).to.deep.equal(layerFinding());
            const noAction = without(layer, "Action");
            expect(classic(noAction)).to.deep.equal(layerFinding());
            expect(classic({ ...noAction, NotAction: ["s3:GetObject"] })).to.deep.equal(layerFinding());
        });

        it("near misses on the resource: another bucket, one more bucket, the bucket itself, a non-string, none, NotResource", () => {
            expect(classic({ ...layer, Resource: ["arn:aws:s3:::exfil-bucket/*"] })).to.deep.equal(
                layerFinding('["arn:aws:s3:::exfil-bucket/*"]'),
            );
            expect(classic({ ...layer, Resource: ["arn:aws:s3:::exfil-bucket/*", layerBucket] })).to.deep.equal(
                layerFinding(`["arn:aws:s3:::exfil-bucket/*", "${layerBucket}"]`),
            );
            expect(classic({ ...layer, Resource: [layerBucket, "arn:aws:s3:::exfil-bucket/*"] })).to.deep.equal(
                layerFinding(`["${layerBucket}", "arn:aws:s3:::exfil-bucket/*"]`),
            );
            expect(
                classic({ ...layer, Resource: ["arn:aws:s3:::prod-us-east-1-starport-layer-bucket"] }),
            ).to.deep.equal(layerFinding('["arn:aws:s3:::prod-us-east-1-starport-layer-bucket"]'));
            expect(classic({ ...layer, Resource: [42] })).to.deep.equal(layerFinding("[42]"));
            expect(classic({ ...layer, Resource: [] })).to.deep.equal(layerFinding("[]"));
            const noResource = without(layer, "Resource");
            expect(classic(noResource)).to.deep.equal(layerFinding("[]"));
            expect(classic({ ...noResource, NotResource: [layerBucket] })).to.deep.equal(layerFinding());
        });
    });

    it("reports a policy that is not JSON or not a JSON object; an absent or unknown policy is the other rule's case", () => {
        expect(anyOf(CLASSIC, endpoint({ policy: "[]" }))).to.deep.equal([
            'VpcEndpoint "subject" (com.amazonaws.us-east-1.ecr.api) has an endpoint policy that is not a JSON object: pass a JSON policy document.',
        ]);
        expect(anyOf(CLASSIC, endpoint({ policy: "42" }))).to.deep.equal([
            'VpcEndpoint "subject" (com.amazonaws.us-east-1.ecr.api) has an endpoint policy that is not a JSON object: pass a JSON policy document.',
        ]);
        const notJson = anyOf(CLASSIC, endpoint({ policy: "{not json" }));
        expect(notJson).to.have.length(1);
        expect(notJson[0]).to.match(
            /^VpcEndpoint "subject" \(com\.amazonaws\.us-east-1\.ecr\.api\) has an endpoint policy that is not valid JSON \(.+\): pass a JSON policy document\.$/,
        );
        expect(anyOf(CLASSIC, endpoint())).to.deep.equal([]);
        expect(anyOf(CLASSIC, endpoint({ policy: "" }))).to.deep.equal([]);
        expect(anyOf(CLASSIC, endpoint({ policy: UNKNOWN_STRING }))).to.deep.equal([]);
        expect(anyOf(NATIVE, endpoint({ policyDocument: { Statement: UNKNOWN_OBJECT } }))).to.deep.equal([]);
    });
});
