/**
 * The limits checker (src/aws/limitsCheck.ts) at the edges tests/aws/limits.spec.ts leaves
 * open: the input shapes it reads (tag lists in both spellings, documents given as objects,
 * rule definitions given as objects or unreadable), the classic `SecurityGroupRule` and the
 * inline-rule kinds, capacity provider volumes, names below their minimum, and what it skips
 * (component resources, other types). Limits written as literals: 50 tags, tag key 1-128 and
 * value 0-256 characters, 60 rules per group, direction and family, 10 metrics per alarm, 4 keys
 * per Contributor Insights rule, 5 volumes of 1-65,536 GiB named [a-zA-Z][a-zA-Z0-9_-]{0,47}.
 */
import { expect } from "chai";
import { limitBreaches } from "../../src/aws/limitsCheck";
import { RecordedResource } from "../../src/plan/offline/mocks";
import { recordedResource } from "../recordedResource";

const BUCKET = "aws:s3/bucket:Bucket";
const ROLE = "aws:iam/role:Role";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const DEFAULT_SG = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
const SG_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const INSIGHT = "aws:cloudwatch/contributorInsightRule:ContributorInsightRule";
const CAPACITY = "aws-native:bedrockagentcore:CapacityProvider";

const one = (type: string, inputs: Record<string, unknown>, name = "r") =>
    limitBreaches([recordedResource(type, name, inputs)]);
const many = (n: number, make: (i: number) => RecordedResource) => Array.from({ length: n }, (_, i) => make(i));
const cidrs = (n: number, third = 0) => Array.from({ length: n }, (_, i) => `10.${third}.${i}.0/24`);
const tagMap = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));

describe("AWS limits checker: tags in every shape", () => {
    it("reads aws-native's list with Key/Value spelled either way, a missing value as empty", () => {
        const list = (tags: unknown[]) => one(BUCKET, { tags });
        expect(list([{ key: "k", value: "v" }])).to.deep.equal([]);
        expect(list([{ Key: "k", Value: "v" }])).to.deep.equal([]);
        // No value at all is the empty value, which fits (0 characters).
        expect(list([{ key: "k" }])).to.deep.equal([]);
        expect(list([{ key: "k", value: "v".repeat(256) }])).to.deep.equal([]);
        expect(list([{ key: "k", value: "v".repeat(257) }])).to.deep.equal([
            "aws:s3/bucket:Bucket r: tag k value breaks 0-256 allowed characters",
        ]);
        expect(list([{ Key: "K", Value: "v".repeat(257) }])).to.deep.equal([
            "aws:s3/bucket:Bucket r: tag K value breaks 0-256 allowed characters",
        ]);
        expect(list([{ Key: "aws:x", Value: "v" }])).to.deep.equal([
            'aws:s3/bucket:Bucket r: tag key "aws:x" uses the reserved prefix aws:',
        ]);
        // 50 in a list fit, 51 do not.
        const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: "v" }));
        expect(list(entries(50))).to.deep.equal([]);
        expect(list(entries(51))).to.deep.equal(["aws:s3/bucket:Bucket r: 51 tags, at most 50"]);
    });

    it("tags that are neither a map nor a list (an unknown, text) count as none", () => {
        expect(one(BUCKET, { tags: "x".repeat(51) })).to.deep.equal([]);
        expect(one(BUCKET, { tags: 51 })).to.deep.equal([]);
        expect(one(BUCKET, { tags: null })).to.deep.equal([]);
        expect(one(BUCKET, {})).to.deep.equal([]);
        // The map form is read: 51 entries are one over.
        expect(one(BUCKET, { tags: tagMap(51) })).to.deep.equal(["aws:s3/bucket:Bucket r: 51 tags, at most 50"]);
    });

    it("names each tag breach: empty and 129-character keys, characters, the aws: prefix in any case", () => {
        expect(one(BUCKET, { tags: { "": "v" } })).to.deep.equal([
            'aws:s3/bucket:Bucket r: tag key "" breaks 1-128 allowed characters',
        ]);
        expect(one(BUCKET, { tags: { k: "v" } })).to.deep.equal([]);
        expect(one(BUCKET, { tags: { ["k".repeat(129)]: "v" } })).to.deep.equal([
            `aws:s3/bucket:Bucket r: tag key "${"k".repeat(129)}" breaks 1-128 allowed characters`,
        ]);
        expect(one(BUCKET, { tags: { "a#b": "v" } })).to.deep.equal([
            'aws:s3/bucket:Bucket r: tag key "a#b" breaks 1-128 allowed characters',
        ]);
        expect(one(BUCKET, { tags: { "a _.:/=+-@": "v" } })).to.deep.equal([]);
        expect(one(BUCKET, { tags: { "AWS:x": "v" } })).to.deep.equal([
            'aws:s3/bucket:Bucket r: tag key "AWS:x" uses the reserved prefix aws:',
        ]);
        expect(one(BUCKET, { tags: { "awsx:y": "v" } })).to.deep.equal([]);
        expect(one(BUCKET, { tags: { k: "a#b" } })).to.deep.equal([
            "aws:s3/bucket:Bucket r: tag k value breaks 0-256 allowed characters",
        ]);
    });
});

describe("AWS limits checker: names and documents", () => {
    it("a name below its minimum breaks it even when the pattern fits; above the maximum too", () => {
        const ecr = "aws:ecr/repository:Repository";
        const source = "ECR API reference, CreateRepository repositoryName";
        expect(one(ecr, { name: "a" })).to.deep.equal([`${ecr} r: name "a" breaks ${source}`]);
        expect(one(ecr, { name: "ab" })).to.deep.equal([]);
        expect(one(ecr, { name: "a".repeat(256) })).to.deep.equal([]);
        expect(one(ecr, { name: "a".repeat(257) })).to.have.length(1);
        const policySource = "IAM API reference, PutRolePolicy PolicyName";
        expect(one(ROLE_POLICY, { role: "x", name: "p".repeat(128), policy: "{}" })).to.deep.equal([]);
        expect(one(ROLE_POLICY, { role: "x", name: "p".repeat(129), policy: "{}" })).to.deep.equal([
            `${ROLE_POLICY} r: name "${"p".repeat(129)}" breaks ${policySource}`,
        ]);
        // A name that is not text (an unknown) is not judged.
        expect(one(ecr, { name: undefined })).to.deep.equal([]);
        expect(one(ecr, { name: 7 })).to.deep.equal([]);
    });

    it("a document given as an object is measured as its JSON", () => {
        // {"p":"xxx…"}: 8 characters around the value.
        const trust = (n: number) => one(ROLE, { assumeRolePolicy: { p: "x".repeat(n) } });
        expect(trust(2040)).to.deep.equal([]);
        expect(trust(2041)).to.deep.equal([`${ROLE} r: assumeRolePolicy is 2049 characters, at most 2048`]);
        expect(one(ROLE, { assumeRolePolicy: "x".repeat(2049) })).to.deep.equal([
            `${ROLE} r: assumeRolePolicy is 2049 characters, at most 2048`,
        ]);
        expect(one(ROLE, { assumeRolePolicy: null })).to.deep.equal([]);
        expect(one(ROLE, {})).to.deep.equal([]);
    });

    it("a role's inline policies: an absent or null policy adds nothing, an object adds its JSON", () => {
        const policy = (name: string, value: unknown) =>
            recordedResource(ROLE_POLICY, name, { role: "x", name, policy: value });
        const full = policy("full", "p".repeat(10240));
        expect(limitBreaches([full, policy("none", undefined)])).to.deep.equal([]);
        expect(limitBreaches([full, policy("null", null)])).to.deep.equal([]);
        // {"p":1} is 7 characters.
        expect(limitBreaches([policy("a", "p".repeat(10233)), policy("b", { p: 1 })])).to.deep.equal([]);
        expect(limitBreaches([policy("a", "p".repeat(10234)), policy("b", { p: 1 })])).to.deep.equal([
            "role x: inline policies are 10241 characters together, at most 10240",
        ]);
        // Per role: two roles at the limit each.
        const other = recordedResource(ROLE_POLICY, "other", { role: "y", name: "other", policy: "p".repeat(10240) });
        expect(limitBreaches([full, other])).to.deep.equal([]);
    });
});

describe("AWS limits checker: security group rules", () => {
    const rule = (i: number, inputs: Record<string, unknown>) =>
        recordedResource(SG_RULE, `r${i}`, { securityGroupId: "sg-1", type: "ingress", ...inputs });

    it("a classic SecurityGroupRule counts one per CIDR and prefix list, one for a group or self", () => {
        const rules = (n: number, inputs: Record<string, unknown>) => limitBreaches(many(n, (i) => rule(i, inputs)));
        expect(rules(60, { cidrBlocks: ["10.0.0.0/24"] })).to.deep.equal([]);
        expect(rules(61, { cidrBlocks: ["10.0.0.0/24"] })).to.deep.equal([
            "security group sg-1: 61 inbound IPv4 rules, at most 60",
        ]);
        expect(rules(60, { sourceSecurityGroupId: "sg-2" })).to.deep.equal([]);
        expect(rules(61, { sourceSecurityGroupId: "sg-2" })).to.deep.equal([
            "security group sg-1: 61 inbound IPv4 rules, at most 60",
        ]);
        expect(rules(60, { self: true })).to.deep.equal([]);
        expect(rules(61, { self: true })).to.deep.equal(["security group sg-1: 61 inbound IPv4 rules, at most 60"]);
        expect(rules(61, { self: false, cidrBlocks: [] })).to.deep.equal([]);
        expect(rules(60, { prefixListIds: ["pl-1"] })).to.deep.equal([]);
        expect(rules(61, { prefixListIds: ["pl-1"] })).to.deep.equal([
            "security group sg-1: 61 inbound IPv4 rules, at most 60",
        ]);
        // A group and a self on one rule are one source.
        expect(rules(60, { sourceSecurityGroupId: "sg-2", self: true })).to.deep.equal([]);
    });

    it("a classic SecurityGroupRule: the kinds add up, egress is outbound, IPv6 apart", () => {
        // 30 CIDRs + 30 prefix lists + a group: 61.
        const mixed = (prefixLists: number) =>
            limitBreaches([
                rule(0, {
                    cidrBlocks: cidrs(30),
                    prefixListIds: Array.from({ length: prefixLists }, (_, i) => `pl-${i}`),
                }),
                rule(1, { sourceSecurityGroupId: "sg-2" }),
            ]);
        expect(mixed(29)).to.deep.equal([]);
        expect(mixed(30)).to.deep.equal(["security group sg-1: 61 inbound IPv4 rules, at most 60"]);
        expect(
            limitBreaches([rule(0, { cidrBlocks: cidrs(59) }), rule(1, { prefixListIds: ["pl-1", "pl-2"] })]),
        ).to.deep.equal(["security group sg-1: 61 inbound IPv4 rules, at most 60"]);
        expect(limitBreaches([rule(0, { type: "egress", cidrBlocks: cidrs(61) })])).to.deep.equal([
            "security group sg-1: 61 outbound IPv4 rules, at most 60",
        ]);
        expect(
            limitBreaches([rule(0, { cidrBlocks: cidrs(60) }), rule(1, { type: "egress", cidrBlocks: cidrs(60) })]),
        ).to.deep.equal([]);
        const v6 = (n: number) => Array.from({ length: n }, (_, i) => `fd00:${i.toString(16)}::/64`);
        expect(limitBreaches([rule(0, { ipv6CidrBlocks: v6(61) })])).to.deep.equal([
            "security group sg-1: 61 inbound IPv6 rules, at most 60",
        ]);
        expect(limitBreaches([rule(0, { cidrBlocks: cidrs(60), ipv6CidrBlocks: v6(60) })])).to.deep.equal([]);
        // With the classic and the vpc rule resources on one group, they add up.
        const vpc = many(30, (i) =>
            recordedResource(INGRESS, `v${i}`, { securityGroupId: "sg-1", cidrIpv4: "10.9.0.0/24" }),
        );
        expect(limitBreaches([...vpc, rule(0, { cidrBlocks: cidrs(30) })])).to.deep.equal([]);
        expect(limitBreaches([...vpc, rule(0, { cidrBlocks: cidrs(31) })])).to.deep.equal([
            "security group sg-1: 61 inbound IPv4 rules, at most 60",
        ]);
    });

    it("a vpc ingress rule for IPv6 is named as such", () => {
        const rules = many(61, (i) =>
            recordedResource(INGRESS, `v${i}`, { securityGroupId: "sg-1", cidrIpv6: "fd00::/64" }),
        );
        expect(limitBreaches(rules)).to.deep.equal(["security group sg-1: 61 inbound IPv6 rules, at most 60"]);
    });

    it("inline rules count each CIDR, group, prefix list and self; IPv6 apart", () => {
        const group = (type: string, inputs: Record<string, unknown>) =>
            limitBreaches([recordedResource(type, "g", inputs)]);
        const groups = (n: number) => Array.from({ length: n }, (_, i) => `sg-${i}`);
        expect(group(SG, { ingress: [{ securityGroups: groups(60) }] })).to.deep.equal([]);
        expect(group(SG, { ingress: [{ securityGroups: groups(61) }] })).to.deep.equal([
            `security group ${SG} g: 61 inbound IPv4 rules, at most 60`,
        ]);
        expect(group(SG, { ingress: [{ prefixListIds: groups(61) }] })).to.have.length(1);
        expect(
            group(SG, { ingress: [{ cidrBlocks: cidrs(30), securityGroups: groups(29), prefixListIds: ["pl-1"] }] }),
        ).to.deep.equal([]);
        expect(
            group(SG, { ingress: [{ cidrBlocks: cidrs(30), securityGroups: groups(30), prefixListIds: ["pl-1"] }] }),
        ).to.have.length(1);
        expect(
            group(SG, {
                ingress: [{ cidrBlocks: cidrs(30), securityGroups: groups(29), prefixListIds: ["pl-1", "pl-2"] }],
            }),
        ).to.have.length(1);
        expect(group(SG, { ingress: [{ cidrBlocks: cidrs(59), securityGroups: groups(1) }] })).to.deep.equal([]);
        expect(group(SG, { ingress: [{ cidrBlocks: cidrs(60), self: true }] })).to.deep.equal([
            `security group ${SG} g: 61 inbound IPv4 rules, at most 60`,
        ]);
        expect(group(SG, { ingress: [{ cidrBlocks: cidrs(60), self: false }] })).to.deep.equal([]);
        const v6 = Array.from({ length: 61 }, (_, i) => `fd00:${i.toString(16)}::/64`);
        expect(group(SG, { egress: [{ ipv6CidrBlocks: v6 }] })).to.deep.equal([
            `security group ${SG} g: 61 outbound IPv6 rules, at most 60`,
        ]);
        expect(group(SG, { egress: [{ ipv6CidrBlocks: v6.slice(1), cidrBlocks: cidrs(60) }] })).to.deep.equal([]);
        // The default security group is read the same way.
        expect(group(DEFAULT_SG, { ingress: [{ cidrBlocks: cidrs(60) }] })).to.deep.equal([]);
        expect(group(DEFAULT_SG, { ingress: [{ cidrBlocks: cidrs(61) }] })).to.deep.equal([
            `security group ${DEFAULT_SG} g: 61 inbound IPv4 rules, at most 60`,
        ]);
        // Another type with an `ingress` input holds no rules.
        expect(group(BUCKET, { ingress: [{ cidrBlocks: cidrs(61) }] })).to.deep.equal([]);
    });
});

describe("AWS limits checker: alarms and Contributor Insights rules in odd shapes", () => {
    it("metric queries that are no object are no metric", () => {
        const metric = (i: number) => ({
            id: `m${i}`,
            metric: { metricName: "Errors", namespace: "AWS/X", period: 60, stat: "Sum" },
        });
        const queries = (n: number) => Array.from({ length: n }, (_, i) => metric(i));
        expect(one(ALARM, { metricQueries: [...queries(10), null, undefined, "m", 3] })).to.deep.equal([]);
        expect(one(ALARM, { metricQueries: [...queries(11), null] })).to.deep.equal([
            `${ALARM} r: 11 metrics in one alarm, at most 10`,
        ]);
        // Only alarms are counted.
        expect(one(BUCKET, { metricQueries: queries(11) })).to.deep.equal([]);
    });

    it("a rule definition given as an object is read; unreadable or keyless ones have no keys", () => {
        const definition = (keys: number) => ({
            Contribution: { Keys: Array.from({ length: keys }, (_, i) => `$.k${i}`) },
        });
        expect(one(INSIGHT, { ruleDefinition: definition(4) })).to.deep.equal([]);
        expect(one(INSIGHT, { ruleDefinition: definition(5) })).to.deep.equal([`${INSIGHT} r: 5 keys, at most 4`]);
        expect(one(INSIGHT, { ruleDefinition: "{not json" })).to.deep.equal([]);
        expect(one(INSIGHT, { ruleDefinition: "{}" })).to.deep.equal([]);
        expect(one(INSIGHT, { ruleDefinition: JSON.stringify({ Contribution: {} }) })).to.deep.equal([]);
        expect(one(INSIGHT, {})).to.deep.equal([]);
        // Only Contributor Insights rules are counted.
        expect(one(BUCKET, { ruleDefinition: JSON.stringify(definition(5)) })).to.deep.equal([]);
    });
});

describe("AWS limits checker: capacity provider volumes", () => {
    const volume = (name: unknown, sizeGiB: unknown) => ({ ebsConfiguration: { name, sizeGiB } });
    const provider = (volumes: unknown, type = CAPACITY) =>
        one(type, { name: "cap", computeConfiguration: { ec2Configuration: { volumes } } }, "cp");

    it("5 volumes fit, 6 do not", () => {
        const volumes = (n: number) => Array.from({ length: n }, (_, i) => volume(`v${i}`, 8));
        expect(provider(volumes(5))).to.deep.equal([]);
        expect(provider(volumes(6))).to.deep.equal([`${CAPACITY} cp: 6 volumes, at most 5`]);
    });

    it("each 1 to 65536 GiB, whole", () => {
        for (const size of [1, 65536, 100]) {
            expect(provider([volume("data", size)]), String(size)).to.deep.equal([]);
        }
        for (const size of [0, 65537, 1.5, -1, "x", undefined]) {
            expect(provider([volume("data", size)]), String(size)).to.deep.equal([
                `${CAPACITY} cp: volumes[0] sizeGiB ${String(size)}, from 1 to 65536`,
            ]);
        }
        expect(provider([volume("a", 8), volume("b", 0)])).to.deep.equal([
            `${CAPACITY} cp: volumes[1] sizeGiB 0, from 1 to 65536`,
        ]);
    });

    it("named [a-zA-Z][a-zA-Z0-9_-]{0,47}", () => {
        for (const name of ["a", "Data_1-x", "a" + "b".repeat(47)]) {
            expect(provider([volume(name, 8)]), name).to.deep.equal([]);
        }
        const source = "^[a-zA-Z][a-zA-Z0-9_-]{0,47}$";
        for (const name of ["a" + "b".repeat(48), "1data", "_data", "", "da ta"]) {
            expect(provider([volume(name, 8)]), name).to.deep.equal([
                `${CAPACITY} cp: volumes[0] name ${JSON.stringify(name)} breaks ${source}`,
            ]);
        }
        expect(provider([volume(7, 8)])).to.deep.equal([`${CAPACITY} cp: volumes[0] name 7 breaks ${source}`]);
        // No ebsConfiguration: neither a size nor a name.
        expect(provider([{}])).to.deep.equal([
            `${CAPACITY} cp: volumes[0] sizeGiB undefined, from 1 to 65536`,
            `${CAPACITY} cp: volumes[0] name undefined breaks ${source}`,
        ]);
    });

    it("no volumes, no EC2 configuration, or another type: nothing to check", () => {
        expect(provider(undefined)).to.deep.equal([]);
        expect(one(CAPACITY, { name: "cap", computeConfiguration: {} })).to.deep.equal([]);
        expect(one(CAPACITY, { name: "cap" })).to.deep.equal([]);
        expect(provider([volume("1bad", 0)], BUCKET)).to.deep.equal([]);
    });
});

describe("AWS limits checker: component resources are not AWS resources", () => {
    it("skips a resource that is not custom, and its rules", () => {
        const component = (type: string, inputs: Record<string, unknown>) => ({
            ...recordedResource(type, "c", inputs),
            custom: false,
        });
        expect(limitBreaches([component(BUCKET, { tags: tagMap(51) })])).to.deep.equal([]);
        expect(limitBreaches([recordedResource(BUCKET, "c", { tags: tagMap(51) })])).to.have.length(1);
        const rules = many(61, (i) => ({
            ...recordedResource(INGRESS, `v${i}`, { securityGroupId: "sg-1", cidrIpv4: "10.9.0.0/24" }),
            custom: false,
        }));
        expect(limitBreaches(rules)).to.deep.equal([]);
    });
});
