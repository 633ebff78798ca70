/**
 * Every config bound probed just inside and just outside, with the limits written as
 * literals from the AWS schemas and the design (never imported from the code under test):
 * a bound moved by one in the code fails one of these.
 */
import { expect } from "chai";
import { ConfigValidationError, validateConfig } from "../../src/config";
import { rawStack } from "../helpers";

/** The problems of the development fixture with some keys replaced; [] when it validates. */
function problems(overrides: Record<string, unknown>, stack = "development"): readonly string[] {
    try {
        validateConfig(rawStack(stack, overrides));
        return [];
    } catch (e) {
        expect(e).to.be.instanceOf(ConfigValidationError);
        return (e as ConfigValidationError).problems;
    }
}

const URI = "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent:1.4.2";
const runtimes = (fields: Record<string, unknown>, extra: Record<string, unknown>[] = []) => [
    { name: "support_agent", containerUri: URI, ...fields },
    ...extra,
];

/** Asserts the value passes and the next one fails with a message that starts as given. */
function boundary(
    inside: Record<string, unknown>,
    outside: Record<string, unknown>,
    message: string,
    stack = "development",
): void {
    expect(problems(inside, stack), "just inside").to.deep.equal([]);
    const found = problems(outside, stack);
    expect(found, "just outside").to.have.length(1);
    expect(found[0]).to.include(message);
}

describe("bounds: runtime fields (AWS::BedrockAgentCore::Runtime)", () => {
    it("description: 1 to 1200 characters", () => {
        boundary(
            { runtimes: runtimes({ description: "d".repeat(1200) }) },
            { runtimes: runtimes({ description: "d".repeat(1201) }) },
            "is invalid: text of 1 to 1200 characters",
        );
        boundary(
            { runtimes: runtimes({ description: "d" }) },
            { runtimes: runtimes({ description: "" }) },
            'runtimes[0].description "" is invalid: text of 1 to 1200 characters',
        );
    });

    it("idle timeout and max lifetime: 60 to 28800 seconds, max at least idle", () => {
        boundary(
            { runtimes: runtimes({ idleTimeoutSeconds: 60 }) },
            { runtimes: runtimes({ idleTimeoutSeconds: 59 }) },
            "runtimes[0].idleTimeoutSeconds 59 is invalid: a whole number of seconds from 60 to 28800",
        );
        boundary(
            { runtimes: runtimes({ maxLifetimeSeconds: 28800 }) },
            { runtimes: runtimes({ maxLifetimeSeconds: 28801 }) },
            "runtimes[0].maxLifetimeSeconds 28801 is invalid: a whole number of seconds from 60 to 28800",
        );
        boundary(
            { runtimes: runtimes({ idleTimeoutSeconds: 600, maxLifetimeSeconds: 600 }) },
            { runtimes: runtimes({ idleTimeoutSeconds: 600, maxLifetimeSeconds: 599 }) },
            "runtimes[0].maxLifetimeSeconds 599 is invalid: at least idleTimeoutSeconds (600)",
        );
        expect(problems({ runtimes: runtimes({ idleTimeoutSeconds: 60.5 }) })[0]).to.include(
            "a whole number of seconds",
        );
    });

    it("environment: at most 50 variables, values up to 2048 characters, names up to 128", () => {
        const vars = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`V${i}`, "x"]));
        boundary(
            { runtimes: runtimes({ environment: vars(50) }) },
            { runtimes: runtimes({ environment: vars(51) }) },
            'runtimes[0].environment "51 variables" is invalid: at most 50 variables',
        );
        boundary(
            { runtimes: runtimes({ environment: { A: "v".repeat(2048) } }) },
            { runtimes: runtimes({ environment: { A: "v".repeat(2049) } }) },
            '(2049 characters)" is invalid: at most 2048 characters',
        );
        boundary(
            { runtimes: runtimes({ environment: { [`A${"b".repeat(127)}`]: "v" } }) },
            { runtimes: runtimes({ environment: { [`A${"b".repeat(128)}`]: "v" } }) },
            "is invalid: a name of letters, digits and _ (1-128), not starting with a digit",
        );
        boundary(
            { runtimes: runtimes({ environment: { _A: "v" } }) },
            { runtimes: runtimes({ environment: { "1A": "v" } }) },
            'runtimes[0].environment.1A "1A" is invalid',
        );
    });

    it("environment: a refused name still counts toward the 50, and its problem stands beside the count's", () => {
        const vars = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`V${i}`, "x"]));
        expect(problems({ runtimes: runtimes({ environment: { ...vars, "1A": "v" } }) })).to.deep.equal([
            'runtimes[0].environment.1A "1A" is invalid: a name of letters, digits and _ (1-128), not starting with a digit (e.g. LOG_LEVEL)',
            'runtimes[0].environment "51 variables" is invalid: at most 50 variables (e.g. { LOG_LEVEL: "info" })',
        ]);
        expect(problems({ runtimes: runtimes({ environment: { ...vars, V0: "v".repeat(2049) } }) })).to.deep.equal([
            'runtimes[0].environment.V0 "vvvvvvvvvvvvvvvvvvvv… (2049 characters)" is invalid: at most 2048 characters (e.g. "info")',
        ]);
    });

    it("request headers: 1 to 20 names, each starting with a letter, up to 256 characters", () => {
        const headers = (n: number) => Array.from({ length: n }, (_, i) => `X-Header-${i}`);
        boundary(
            { runtimes: runtimes({ requestHeaders: headers(20) }) },
            { runtimes: runtimes({ requestHeaders: headers(21) }) },
            "is invalid: 1 to 20 header names (omit the key for none)",
        );
        boundary(
            { runtimes: runtimes({ requestHeaders: headers(1) }) },
            { runtimes: runtimes({ requestHeaders: [] }) },
            "runtimes[0].requestHeaders [] is invalid: 1 to 20 header names",
        );
        for (const bad of ["1X-Tenant", "_X-Tenant", "-X-Tenant"]) {
            expect(problems({ runtimes: runtimes({ requestHeaders: [bad] }) })).to.deep.equal([
                `runtimes[0].requestHeaders[0] "${bad}" is invalid: a header name of letters, digits, - and _, starting with a letter (e.g. "X-Tenant-Id")`,
            ]);
        }
        boundary(
            { runtimes: runtimes({ requestHeaders: [`X${"a".repeat(255)}`] }) },
            { runtimes: runtimes({ requestHeaders: [`X${"a".repeat(256)}`] }) },
            "a header name of letters, digits, - and _, starting with a letter",
        );
        expect(problems({ runtimes: runtimes({ requestHeaders: ["x"] }) })).to.deep.equal([]);
    });

    it("request headers: a list of text refused as a whole, and repeats reported beside the other names' problems", () => {
        const listError = (shown: string) =>
            `runtimes[0].requestHeaders ${shown} is invalid: a list of non-empty strings (e.g. ["X-Tenant-Id"])`;
        expect(problems({ runtimes: runtimes({ requestHeaders: "X-Tenant-Id" }) })).to.deep.equal([
            listError(`"X-Tenant-Id"`),
        ]);
        expect(problems({ runtimes: runtimes({ requestHeaders: ["X-Tenant-Id", 5] }) })).to.deep.equal([
            listError(`["X-Tenant-Id",5]`),
        ]);
        expect(
            problems({ runtimes: runtimes({ requestHeaders: ["X-Tenant-Id", "host", "x-tenant-id"] }) }),
        ).to.deep.equal([
            `runtimes[0].requestHeaders[1] "host" is invalid: a header AgentCore passes on; it refuses its restricted headers (content negotiation, caching, connection, request context, range and transfer headers) (e.g. "X-Tenant-Id")`,
            `runtimes[0].requestHeaders[2] "x-tenant-id" is invalid: a header not already listed (names are compared without regard to case) (e.g. "X-Tenant-Id")`,
        ]);
        expect(problems({ runtimes: runtimes({ requestHeaders: ["X-Tenant-Id", "X-Tenant"] }) })).to.deep.equal([]);
    });

    it("endpoints: at most 4 besides DEFAULT (the alarms watch 5 with it), descriptions of 1 to 256 characters", () => {
        const endpoints = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `e${i}`, version: "1" }));
        boundary(
            { runtimes: runtimes({ endpoints: endpoints(4) }) },
            { runtimes: runtimes({ endpoints: endpoints(5) }) },
            "is invalid: a list of at most 4 endpoints",
        );
        boundary(
            { runtimes: runtimes({ endpoints: [{ name: "live", version: "1", description: "d".repeat(256) }] }) },
            { runtimes: runtimes({ endpoints: [{ name: "live", version: "1", description: "d".repeat(257) }] }) },
            "is invalid: text of 1 to 256 characters",
        );
        boundary(
            { runtimes: runtimes({ endpoints: [{ name: "live", version: "1", description: "d" }] }) },
            { runtimes: runtimes({ endpoints: [{ name: "live", version: "1", description: "" }] }) },
            'runtimes[0].endpoints[0].description "" is invalid: text of 1 to 256 characters',
        );
        boundary(
            { runtimes: runtimes({ endpoints: [{ name: "live", version: "1" }] }) },
            { runtimes: runtimes({ endpoints: [{ name: "live", version: "0" }] }) },
            'runtimes[0].endpoints[0].version "0" is invalid',
        );
        boundary(
            { runtimes: runtimes({ endpoints: [{ name: "live", version: "9999999999" }] }) },
            { runtimes: runtimes({ endpoints: [{ name: "live", version: "10000000000" }] }) },
            'runtimes[0].endpoints[0].version "10000000000" is invalid',
        );
    });

    it("names: the AWS name <name>_<stack> stays within 48 characters", () => {
        // "_development" is 12 characters, leaving 36 for the name.
        boundary(
            { runtimes: runtimes({ name: `a${"b".repeat(35)}` }) },
            { runtimes: runtimes({ name: `a${"b".repeat(36)}` }) },
            "is invalid: at most 36 characters",
        );
    });

    it("runtimes: 1 to 2 per stack", () => {
        const second = { name: "second_agent", containerUri: URI };
        boundary(
            { runtimes: runtimes({}, [second]) },
            { runtimes: runtimes({}, [second, { name: "third_agent", containerUri: URI }]) },
            "is invalid: a list of 1 to 2 runtimes",
        );
        expect(problems({ runtimes: [] })[0]).to.include(`runtimes "0 runtimes" is invalid: a list of 1 to 2 runtimes`);
    });
});

describe("bounds: flat keys", () => {
    it("memory: 512 to 8192 MiB in steps of 512, at least the CPU units", () => {
        boundary(
            { cpu: "512", memory: "512" },
            { cpu: "512", memory: "0" },
            "memory 0 is invalid: 512 to 8192 MiB in steps of 512",
        );
        boundary(
            { cpu: "512", memory: "8192" },
            { cpu: "512", memory: "8704" },
            "memory 8704 is invalid: 512 to 8192 MiB in steps of 512",
        );
        boundary({ cpu: "512", memory: "1024" }, { cpu: "512", memory: "1023" }, "memory 1023 is invalid");
        boundary(
            { cpu: "2048", memory: "2048" },
            { cpu: "2048", memory: "1536" },
            "memory 1536 is invalid: at least 1 GiB per vCPU, so at least 2048 MiB for cpu 2048 (e.g. 4096)",
        );
    });

    it("cpu: exactly 256, 512, 1024 or 2048", () => {
        for (const cpu of ["256", "512", "1024", "2048"]) {
            expect(problems({ cpu, memory: "2048" }), cpu).to.deep.equal([]);
        }
        for (const cpu of ["255", "257", "4096", "0"]) {
            expect(problems({ cpu, memory: "2048" })[0], cpu).to.equal(
                `cpu ${cpu} is invalid: one of 256, 512, 1024, 2048 CPU units (an AgentCore session has at most 2 vCPU = 2048) (e.g. 512)`,
            );
        }
    });

    it("logRetentionDays: a CloudWatch period, at least 365 in production", () => {
        boundary(
            { logRetentionDays: "365" },
            { logRetentionDays: "364" },
            "logRetentionDays 364 is invalid: a value CloudWatch Logs accepts",
            "production",
        );
        boundary(
            { logRetentionDays: "400" },
            { logRetentionDays: "180" },
            "logRetentionDays 180 is invalid: at least 365 days in production (e.g. 365)",
            "production",
        );
        expect(problems({ logRetentionDays: "180" })).to.deep.equal([]);
    });

    it("tags: at most 42 of the user's (50 less the program's 8), keys up to 128, values up to 256, ASCII only", () => {
        const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`T${i}`, "v"]));
        boundary({ tags: tags(42) }, { tags: tags(43) }, 'tags "43 tags" is invalid: at most 42 tags');
        boundary(
            { tags: { [`K${"k".repeat(127)}`]: "v" } },
            { tags: { [`K${"k".repeat(128)}`]: "v" } },
            "is invalid: a tag key of 1-128 ASCII letters",
        );
        boundary(
            { tags: { Owner: "v".repeat(256) } },
            { tags: { Owner: "v".repeat(257) } },
            "is invalid: a tag value of at most 256 ASCII letters",
        );
        boundary(
            { tags: { CostCenter: "ai-platform 1/2 +=@:._" } },
            { tags: { CostCenter: "café" } },
            'tags.CostCenter "café" is invalid: a tag value of at most 256 ASCII letters, digits, spaces and _.:/=+-@',
        );
        boundary(
            { tags: { Cafe: "x" } },
            { tags: { Café: "x" } },
            'tags.Café "Café" is invalid: a tag key of 1-128 ASCII letters, digits, spaces and _.:/=+-@, not starting with aws:',
        );
        boundary({ tags: { awsome: "x" } }, { tags: { "aws:x": "x" } }, 'tags.aws:x "aws:x" is invalid');
    });

    it("tags: a refused key still counts toward the 42, and its problem stands beside the count's", () => {
        const tags = Object.fromEntries(Array.from({ length: 42 }, (_, i) => [`T${i}`, "v"]));
        expect(problems({ tags: { ...tags, Name: "x" } })).to.deep.equal([
            'tags.Name "Name" is invalid: a key the program does not set itself (Project, Stack, Environment, ManagedBy, AgentRuntime, CpuBudget, MemoryBudgetMiB, Name) (e.g. CostCenter)',
            'tags "43 tags" is invalid: at most 42 tags (AWS allows 50 and the program adds its own) (e.g. { CostCenter: "ai-platform" })',
        ]);
        expect(problems({ tags: { ...tags, T0: 5 } })).to.deep.equal([
            'tags.T0 5 is invalid: a tag value of at most 256 ASCII letters, digits, spaces and _.:/=+-@ (e.g. "ai-platform")',
        ]);
    });

    it("network: vpcCidr /16 to /28, subnets no smaller than /28, 2 to 3 subnets in us-east-1", () => {
        const subnets = {
            agentSubnetCidrs: ["10.10.0.0/28", "10.10.0.16/28"],
            availabilityZoneIds: ["use1-az1", "use1-az2"],
        };
        boundary(
            { vpcCidr: "10.10.0.0/16" },
            { vpcCidr: "10.10.0.0/15" },
            'vpcCidr "10.10.0.0/15" is invalid: an IPv4 network CIDR from /16 to /28',
        );
        // A /28 VPC is itself valid (its two subnets cannot both fit, which is another problem).
        expect(problems({ vpcCidr: "10.10.0.0/28", ...subnets }).filter((p) => p.startsWith("vpcCidr"))).to.deep.equal(
            [],
        );
        expect(problems({ vpcCidr: "10.10.0.0/29", ...subnets }).filter((p) => p.startsWith("vpcCidr"))).to.deep.equal([
            'vpcCidr "10.10.0.0/29" is invalid: an IPv4 network CIDR from /16 to /28 (e.g. "10.0.0.0/16")',
        ]);
        expect(problems({ vpcCidr: "10.10.0.0/24", ...subnets })).to.deep.equal([]);
        expect(
            problems({ vpcCidr: "10.10.0.0/24", ...subnets, agentSubnetCidrs: ["10.10.0.0/29", "10.10.0.16/28"] })[0],
        ).to.equal(
            'agentSubnetCidrs[0] "10.10.0.0/29" is invalid: an IPv4 network CIDR no smaller than /28 (e.g. "10.0.4.0/24")',
        );
        const three = {
            agentSubnetCidrs: ["10.10.4.0/24", "10.10.5.0/24", "10.10.6.0/24"],
            availabilityZoneIds: ["use1-az1", "use1-az2", "use1-az4"],
        };
        boundary(
            three,
            { agentSubnetCidrs: [...three.agentSubnetCidrs, "10.10.7.0/24"], availabilityZoneIds: [] },
            "is invalid: 2 to 3 subnets, one per AgentCore-supported AZ of us-east-1",
        );
        boundary({}, { agentSubnetCidrs: ["10.10.4.0/24"], availabilityZoneIds: [] }, "is invalid: 2 to 3 subnets");
    });
});

describe("bounds: rules per security group (Amazon VPC quotas: 60 inbound, 60 outbound)", () => {
    /** n distinct client ranges inside the development fixture's VPC, 10.10.0.0/16. */
    const clients = (n: number) => Array.from({ length: n }, (_, i) => `10.10.${100 + i}.0/24`);

    it("endpointClientCidrs: 59 CIDRs (60 inbound rules with the runtimes' rule) pass, 60 do not", () => {
        boundary(
            { endpointClientCidrs: clients(59) },
            { endpointClientCidrs: clients(60) },
            `endpointClientCidrs "60 CIDRs" is invalid: at most 59 distinct CIDRs: each is one inbound rule of the endpoint security group beside the runtimes' rule, and AWS allows 60 inbound rules per security group (Amazon VPC quotas); list wider ranges instead (e.g. ["10.0.8.0/21"])`,
        );
    });

    it("near miss: a repeated CIDR is one rule, so 59 distinct among 61 entries pass", () => {
        expect(problems({ endpointClientCidrs: [...clients(59), "10.10.100.0/24", "10.10.101.0/24"] })).to.deep.equal(
            [],
        );
    });

    it("near miss: a stack whose endpoints another stack owns makes no endpoint group, so the count does not apply", () => {
        const shared = {
            vpcId: "vpc-0a1b2c3d4e5f60718",
            subnetIds: ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
            routeTableIds: ["rtb-0a1b2c3d4e5f60718"],
            availabilityZoneIds: undefined,
            createEndpoints: "false",
            endpointServices: [],
            endpointClientCidrs: clients(60),
        };
        expect(problems(shared).filter((p) => p.includes("inbound rules per security group"))).to.deep.equal([]);
    });
});
