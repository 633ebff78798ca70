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
        // A copy is an S3 object too.
        const copy = "aws:s3/objectCopy:ObjectCopy";
        expect(limitBreaches([resource(copy, { key: "k", tags: tags(10) })])).to.deep.equal([]);
        expect(limitBreaches([resource(copy, { key: "k", tags: tags(11) })])).to.deep.equal([
            "aws:s3/objectCopy:ObjectCopy r: 11 tags, at most 10",
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

    it("capacity provider names: 48 characters of [a-zA-Z0-9_] fit; 49, a hyphen or a leading digit do not", () => {
        const provider = (name: string) =>
            limitBreaches([resource("aws-native:bedrockagentcore:CapacityProvider", { name })]);
        expect(provider("a" + "b".repeat(47))).to.deep.equal([]);
        expect(provider("a" + "b".repeat(48))).to.have.length(1);
        expect(provider("agentcore-dev")).to.have.length(1);
        expect(provider("1agent")).to.have.length(1);
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

    it("rules per security group: 60 inbound fit, 61 do not; outbound and IPv6 are counted apart", () => {
        const rules = (type: string, n: number, extra: Record<string, unknown> = {}) =>
            Array.from({ length: n }, (_, i) => ({
                ...resource(type, { securityGroupId: "sg-1", cidrIpv4: `10.0.${i}.0/24`, ...extra }),
                name: `r${i}`,
            }));
        const ingress = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
        const egress = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
        expect(limitBreaches(rules(ingress, 60))).to.deep.equal([]);
        expect(limitBreaches(rules(ingress, 61))).to.deep.equal([
            "security group sg-1: 61 inbound IPv4 rules, at most 60",
        ]);
        expect(limitBreaches(rules(egress, 60))).to.deep.equal([]);
        expect(limitBreaches(rules(egress, 61))).to.deep.equal([
            "security group sg-1: 61 outbound IPv4 rules, at most 60",
        ]);
        // 60 in and 60 out on one group, 60 IPv4 and 60 IPv6 inbound: each quota on its own.
        expect(limitBreaches([...rules(ingress, 60), ...rules(egress, 60)])).to.deep.equal([]);
        const ipv6 = rules(ingress, 60, { cidrIpv4: undefined, cidrIpv6: "fd00::/64" });
        expect(limitBreaches([...rules(ingress, 60), ...ipv6])).to.deep.equal([]);
        // Two groups with 60 each: the count is per group.
        const other = rules(ingress, 60).map((r) => ({ ...r, inputs: { ...r.inputs, securityGroupId: "sg-2" } }));
        expect(limitBreaches([...rules(ingress, 60), ...other])).to.deep.equal([]);
    });

    it("inline security-group rules count one per CIDR: 60 CIDRs fit, 61 do not", () => {
        const cidrs = (n: number) => Array.from({ length: n }, (_, i) => `10.1.${i}.0/24`);
        const group = (ingress: unknown[]) => resource("aws:ec2/securityGroup:SecurityGroup", { ingress });
        expect(limitBreaches([group([{ cidrBlocks: cidrs(30) }, { cidrBlocks: cidrs(30) }])])).to.deep.equal([]);
        expect(limitBreaches([group([{ cidrBlocks: cidrs(30) }, { cidrBlocks: cidrs(31) }])])).to.deep.equal([
            "security group aws:ec2/securityGroup:SecurityGroup r: 61 inbound IPv4 rules, at most 60",
        ]);
    });

    it("a metric-math alarm may fetch 10 metrics, not 11; expressions do not count", () => {
        const alarm = (metrics: number, expressions: number) =>
            limitBreaches([
                resource("aws:cloudwatch/metricAlarm:MetricAlarm", {
                    metricQueries: [
                        ...Array.from({ length: metrics }, (_, i) => ({
                            id: `m${i}`,
                            metric: { metricName: "Errors", namespace: "AWS/X", period: 60, stat: "Sum" },
                        })),
                        ...Array.from({ length: expressions }, (_, i) => ({
                            id: `e${i}`,
                            expression: "SUM(METRICS())",
                        })),
                    ],
                }),
            ]);
        expect(alarm(10, 3)).to.deep.equal([]);
        expect(alarm(11, 1)).to.deep.equal([
            "aws:cloudwatch/metricAlarm:MetricAlarm r: 11 metrics in one alarm, at most 10",
        ]);
        // A single-metric alarm (no metricQueries) has nothing to count.
        expect(
            limitBreaches([resource("aws:cloudwatch/metricAlarm:MetricAlarm", { metricName: "Errors" })]),
        ).to.deep.equal([]);
    });

    it("a Contributor Insights rule may have 4 keys, not 5", () => {
        const rule = (keys: number) =>
            limitBreaches([
                resource("aws:cloudwatch/contributorInsightRule:ContributorInsightRule", {
                    ruleName: "r",
                    ruleDefinition: JSON.stringify({
                        Schema: { Name: "CloudWatchLogRule", Version: 1 },
                        LogGroupNames: ["/g"],
                        LogFormat: "JSON",
                        Contribution: { Keys: Array.from({ length: keys }, (_, i) => `$.k${i}`) },
                        AggregateOn: "Count",
                    }),
                }),
            ]);
        expect(rule(4)).to.deep.equal([]);
        expect(rule(5)).to.deep.equal([
            "aws:cloudwatch/contributorInsightRule:ContributorInsightRule r: 5 keys, at most 4",
        ]);
    });

    it("counts the shapes the program records: a real rule, alarm and Contributor Insights rule grown past the limit", async () => {
        const run = await runStackOnce("development");
        const real = (type: string) => run.resources.find((r) => r.type === type)!;
        const rule = real("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        const copies = Array.from({ length: 61 }, (_, i) => ({ ...rule, name: `${rule.name}-${i}` }));
        expect(limitBreaches(copies)).to.deep.equal([
            `security group ${String(rule.inputs.securityGroupId)}: 61 inbound IPv4 rules, at most 60`,
        ]);
        const alarm = real("aws:cloudwatch/metricAlarm:MetricAlarm");
        const queries = alarm.inputs.metricQueries as Record<string, unknown>[];
        const withMetric = queries.find((q) => q.metric !== undefined) ?? {
            id: "m",
            metric: { metricName: "Errors", namespace: "AWS/X", period: 60, stat: "Sum" },
        };
        const grown = [...queries, ...Array.from({ length: 11 }, (_, i) => ({ ...withMetric, id: `x${i}` }))];
        expect(limitBreaches([{ ...alarm, inputs: { ...alarm.inputs, metricQueries: grown } }])).to.have.length(1);
        const insight = real("aws:cloudwatch/contributorInsightRule:ContributorInsightRule");
        const definition = JSON.parse(String(insight.inputs.ruleDefinition));
        definition.Contribution.Keys = ["$.a", "$.b", "$.c", "$.d", "$.e"];
        const five = { ...insight, inputs: { ...insight.inputs, ruleDefinition: JSON.stringify(definition) } };
        expect(limitBreaches([five])).to.deep.equal([`${insight.type} ${insight.name}: 5 keys, at most 4`]);
    });
});
