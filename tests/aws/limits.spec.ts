/**
 * The limits table and its checker: the shipped fixture stacks on both providers render only
 * resources inside AWS's limits, and the checker catches each breach it claims to (near misses
 * on both sides of each bound, values written out here as literals).
 */
import { expect } from "chai";
import { limitBreaches } from "../../src/aws/limitsCheck";
import { RecordedResource } from "../../src/plan/offline/mocks";
import { STACKS, providerOverrides, runStackOnce } from "../helpers";

function resource(type: string, inputs: Record<string, unknown>): RecordedResource {
    return {
        urn: `urn:pulumi:dev::p::${type}::r`,
        type,
        name: "r",
        custom: true,
        inputs,
        state: inputs,
        dependencies: [],
        protect: false,
        retainOnDelete: false,
    } as unknown as RecordedResource;
}

const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));

describe("AWS limits: every fixture stack renders inside the table", () => {
    for (const stack of STACKS) {
        for (const provider of ["aws-native", "aws"] as const) {
            it(`${stack} on ${provider}`, async () => {
                const run = await runStackOnce(stack, providerOverrides(stack, provider));
                expect(run.error, String(run.error)).to.equal(undefined);
                expect(limitBreaches(run.resources)).to.deep.equal([]);
            });
        }
    }
});

describe("AWS limits: the checker", () => {
    it("50 tags on a resource fit, 51 do not; 10 on an S3 object fit, 11 do not", () => {
        expect(limitBreaches([resource("aws:s3/bucket:Bucket", { tags: tags(50) })])).to.deep.equal([]);
        expect(limitBreaches([resource("aws:s3/bucket:Bucket", { tags: tags(51) })])).to.have.length(1);
        const object = "aws:s3/bucketObjectv2:BucketObjectv2";
        expect(limitBreaches([resource(object, { key: "k", tags: tags(10) })])).to.deep.equal([]);
        expect(limitBreaches([resource(object, { key: "k", tags: tags(11) })])).to.deep.equal([
            "aws:s3/bucketObjectv2:BucketObjectv2 r: 11 tags, at most 10",
        ]);
    });

    it("tag key 128 characters fits, 129 does not; value 256 fits, 257 does not; aws: is reserved", () => {
        const ok = resource("aws:s3/bucket:Bucket", { tags: { ["k".repeat(128)]: "v".repeat(256) } });
        expect(limitBreaches([ok])).to.deep.equal([]);
        expect(limitBreaches([resource("aws:s3/bucket:Bucket", { tags: { ["k".repeat(129)]: "v" } })])).to.have.length(
            1,
        );
        expect(limitBreaches([resource("aws:s3/bucket:Bucket", { tags: { k: "v".repeat(257) } })])).to.have.length(1);
        expect(limitBreaches([resource("aws:s3/bucket:Bucket", { tags: { "aws:x": "v" } })])).to.have.length(1);
        // aws-native's list form is read too.
        expect(
            limitBreaches([
                resource("aws-native:bedrockagentcore:ResourcePolicy", { tags: [{ key: "aws:x", value: "v" }] }),
            ]),
        ).to.have.length(1);
    });

    it("ECR names: agentcore-dev/agent fits; agent_ and a__b do not", () => {
        const repo = (name: string) => limitBreaches([resource("aws:ecr/repository:Repository", { name })]);
        expect(repo("agentcore-dev/agent")).to.deep.equal([]);
        expect(repo("agentcore-dev/agent_")).to.have.length(1);
        expect(repo("agentcore-dev/a__b")).to.have.length(1);
    });

    it("a trust policy of 2048 characters fits, 2049 does not", () => {
        const role = (n: number) => limitBreaches([resource("aws:iam/role:Role", { assumeRolePolicy: "x".repeat(n) })]);
        expect(role(2048)).to.deep.equal([]);
        expect(role(2049)).to.have.length(1);
    });

    it("a role's inline policies: 10240 non-space characters together fit, 10241 do not", () => {
        const inline = (a: number, b: number) =>
            limitBreaches([
                resource("aws:iam/rolePolicy:RolePolicy", { role: "x", name: "a", policy: "p".repeat(a) + "    " }),
                resource("aws:iam/rolePolicy:RolePolicy", { role: "x", name: "b", policy: "p".repeat(b) }),
            ]);
        expect(inline(5120, 5120)).to.deep.equal([]);
        expect(inline(5120, 5121)).to.deep.equal([
            "role x: inline policies are 10241 characters together, at most 10240",
        ]);
    });

    it("endpoint 20480, bucket 20480, Logs resource policy 5120: each fits at the limit, not one over", () => {
        for (const [type, input, limit] of [
            ["aws:ec2/vpcEndpoint:VpcEndpoint", "policy", 20480],
            ["aws:s3/bucketPolicy:BucketPolicy", "policy", 20480],
            ["aws:cloudwatch/logResourcePolicy:LogResourcePolicy", "policyDocument", 5120],
            ["aws-native:bedrockagentcore:ResourcePolicy", "policy", 20480],
        ] as const) {
            expect(limitBreaches([resource(type, { [input]: "x".repeat(limit) })]), type).to.deep.equal([]);
            expect(limitBreaches([resource(type, { [input]: "x".repeat(limit + 1) })]), type).to.have.length(1);
        }
    });
});
