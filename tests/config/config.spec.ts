import { expect } from "chai";
import { CONFIG_KEYS, ConfigValidationError, validateConfig } from "../../src/config";
import { parseIpv4Cidr } from "../../src/network/cidrConfig";
import { parseEcrImageUri } from "../../src/artifact/config";
import { readProjectFile } from "../../src/plan/offline/stackFiles";
import { STACKS, rawStack } from "../helpers";
import { pinnedRuntime, problemsOf } from "./overrides";
import { unknownKeyMessage } from "./keyNames";

describe("config: the stack files", () => {
    for (const stack of STACKS) {
        it(`${stack} loads, validated and frozen`, () => {
            const config = validateConfig(rawStack(stack));
            expect(config.environment).to.equal(stack);
            expect(config.region).to.equal("us-east-1");
            expect(config.runtimes).to.have.length(1);
            expect(Object.isFrozen(config)).to.equal(true);
            expect(Object.isFrozen(config.runtimes[0])).to.equal(true);
            expect(config.tags).to.include({
                Environment: stack,
                Stack: stack,
                Project: "agentcore-private",
                ManagedBy: "pulumi",
            });
        });
    }

    it("carries the per-environment budgets, retention and protection", () => {
        const [dev, stg, prod] = STACKS.map((s) => validateConfig(rawStack(s)));
        expect([dev.sizing, stg.sizing, prod.sizing]).to.deep.equal([
            { cpu: 512, memory: 1024 },
            { cpu: 1024, memory: 2048 },
            { cpu: 2048, memory: 4096 },
        ]);
        expect(prod.logRetentionDays).to.be.at.least(365);
        expect([dev.protect, stg.protect, prod.protect]).to.deep.equal([false, false, true]);
        expect(prod.alarmEmails).to.have.length.greaterThan(0);
        const artifact = prod.runtimes[0].artifact;
        expect(artifact.kind === "container" && artifact.containerUri).to.match(/@sha256:[a-f0-9]{64}$/);
    });

    it("derives runtime names from the stack, within AgentCore's pattern", () => {
        const config = validateConfig(rawStack("production"));
        expect(config.runtimes[0].runtimeName).to.equal("support_agent_production");
        expect(config.runtimes[0].runtimeName).to.match(/^[a-zA-Z][a-zA-Z0-9_]{0,47}$/);
    });

    it("defaults the AZ IDs to the region's first supported ones, one per subnet", () => {
        const config = validateConfig(rawStack("development", { availabilityZoneIds: undefined }));
        expect(config.network.availabilityZoneIds).to.deep.equal(["use1-az1", "use1-az2"]);
    });

    it("accepts Authorization with an authorizer, custom and legacy-prefixed headers", () => {
        const config = validateConfig(
            rawStack("development", {
                runtimes: pinnedRuntime({
                    authorizer: {
                        discoveryUrl: "https://issuer.example.com/.well-known/openid-configuration",
                        allowedClients: ["c"],
                    },
                    requestHeaders: ["Authorization", "X-Tenant-Id", "X-Amzn-Bedrock-AgentCore-Runtime-Custom-User"],
                }),
            }),
        );
        expect(config.runtimes[0].requestHeaders).to.have.length(3);
    });

    it("applies the runtime defaults: HTTP, 900 s idle, 28800 s lifetime, no endpoints", () => {
        const config = validateConfig(rawStack("development", { runtimes: pinnedRuntime({}) }));
        const r = config.runtimes[0];
        expect([r.protocol, r.idleTimeoutSeconds, r.maxLifetimeSeconds]).to.deep.equal(["HTTP", 900, 28800]);
        expect(r.endpoints).to.deep.equal([]);
        expect(r.environment).to.deep.equal({});
    });

    it("adopts an existing VPC when vpcId, subnetIds and routeTableIds are all set", () => {
        const config = validateConfig(
            rawStack("staging", {
                vpcId: "vpc-0a1b2c3d4e5f60718",
                subnetIds: ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
                routeTableIds: ["rtb-0a1b2c3d4e5f60718"],
                availabilityZoneIds: [],
                endpointClientCidrs: [],
            }),
        );
        expect(config.network.mode).to.equal("existing");
        expect(config.network.existingVpc?.subnetIds).to.have.length(2);
    });

    it("lets a stack not named after an environment set `environment`", () => {
        const raw = { ...rawStack("development"), stack: "dev-alice" };
        const config = validateConfig({ ...raw, values: { ...raw.values, environment: "development" } });
        expect(config.environment).to.equal("development");
        expect(config.runtimes[0].runtimeName).to.equal("support_agent_dev_alice");
    });
});

describe("config: each bad value gives its exact message", () => {
    const cases: Array<[string, string, Record<string, unknown>, string | string[]]> = [
        [
            "development",
            "cpu not a budget choice",
            { cpu: "3000" },
            `cpu 3000 is invalid: one of 256, 512, 1024, 2048 CPU units (an AgentCore session has at most 2 vCPU = 2048) (e.g. 512)`,
        ],
        ["development", "cpu not a number", { cpu: "lots" }, `cpu "lots" is invalid: a whole number (e.g. 512)`],
        [
            "development",
            "cpu missing",
            { cpu: undefined },
            `cpu is missing: the per-session CPU budget in CPU units, one of 256, 512, 1024, 2048 (1024 = 1 vCPU) (e.g. 512)`,
        ],
        [
            "development",
            "memory off-step",
            { memory: "1000" },
            `memory 1000 is invalid: 512 to 8192 MiB in steps of 512 (an AgentCore session has at most 8 GiB) (e.g. 1024)`,
        ],
        [
            "production",
            "memory under 1 GiB per vCPU",
            { memory: "1024" },
            `memory 1024 is invalid: at least 1 GiB per vCPU, so at least 2048 MiB for cpu 2048 (e.g. 4096)`,
        ],
        [
            "development",
            "environment unknown",
            { environment: "prod" },
            `environment "prod" is invalid: one of development, staging, production (e.g. "staging")`,
        ],
        [
            "development",
            "region unsupported",
            { "aws:region": "sa-east-1", "aws-native:region": "sa-east-1" },
            `aws:region "sa-east-1" is invalid: a region where AgentCore Runtime runs in a VPC: us-east-1, us-east-2, us-west-2, eu-west-1, eu-central-1, ap-southeast-1, ap-southeast-2, ap-south-1, ap-northeast-1 (e.g. "us-east-1")`,
        ],
        [
            "development",
            "aws-native region missing",
            { "aws-native:region": undefined },
            `aws-native:region is missing: the aws-native provider's region, the same as aws:region (us-east-1) (e.g. pulumi config set aws-native:region us-east-1)`,
        ],
        [
            "development",
            "aws-native region differs",
            { "aws-native:region": "us-west-2" },
            `aws-native:region "us-west-2" is invalid: the aws-native provider's region, the same as aws:region (us-east-1) (e.g. "us-east-1")`,
        ],
        [
            "development",
            "vpc CIDR malformed",
            { vpcCidr: "10.0.0.0/33" },
            `vpcCidr "10.0.0.0/33" is invalid: an IPv4 network CIDR from /16 to /28 (e.g. "10.0.0.0/16")`,
        ],
        [
            "development",
            "subnet outside the VPC",
            { agentSubnetCidrs: ["10.10.4.0/24", "10.99.5.0/24"] },
            `agentSubnetCidrs[1] "10.99.5.0/24" is invalid: a CIDR inside vpcCidr 10.10.0.0/16 (e.g. "10.0.4.0/24")`,
        ],
        [
            "development",
            "overlapping subnets",
            { agentSubnetCidrs: ["10.10.4.0/24", "10.10.4.128/25"] },
            `agentSubnetCidrs[1] "10.10.4.128/25" is invalid: a CIDR that does not overlap 10.10.4.0/24 (e.g. "10.0.5.0/24")`,
        ],
        [
            "development",
            "a single subnet",
            { agentSubnetCidrs: ["10.10.4.0/24"], availabilityZoneIds: ["use1-az1"] },
            `agentSubnetCidrs ["10.10.4.0/24"] is invalid: 2 to 3 subnets, one per AgentCore-supported AZ of us-east-1 (e.g. ["10.0.4.0/24", "10.0.5.0/24"])`,
        ],
        [
            "development",
            "unsupported AZ ID",
            { availabilityZoneIds: ["use1-az1", "use1-az3"] },
            `availabilityZoneIds[1] "use1-az3" is invalid: an AgentCore-supported AZ ID of us-east-1: use1-az1, use1-az2, use1-az4 (e.g. "use1-az1")`,
        ],
        [
            "development",
            "the same AZ twice",
            { availabilityZoneIds: ["use1-az1", "use1-az1"] },
            `availabilityZoneIds[1] "use1-az1" is invalid: a value not already listed (one subnet per AZ) (e.g. a different value than "use1-az1")`,
        ],
        [
            "development",
            "AZ count differs from subnet count",
            { availabilityZoneIds: ["use1-az1", "use1-az2", "use1-az4"] },
            `availabilityZoneIds ["use1-az1","use1-az2","use1-az4"] is invalid: one AZ ID per agent subnet (2 in agentSubnetCidrs) (e.g. ["use1-az1","use1-az2"])`,
        ],
        [
            "development",
            "existing VPC given in part",
            { vpcId: "vpc-0a1b2c3d4e5f60718", availabilityZoneIds: [] },
            [
                `subnetIds is missing: an existing VPC is adopted only when vpcId, subnetIds and routeTableIds are all set (e.g. ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"])`,
                `routeTableIds is missing: an existing VPC is adopted only when vpcId, subnetIds and routeTableIds are all set (e.g. ["rtb-0a1b2c3d4e5f60718"])`,
            ],
        ],
        [
            "development",
            "endpoint service already required",
            { endpointServices: ["logs"] },
            `endpointServices[0] "logs" is invalid: a service not already created by default (bedrock-agentcore, bedrock-agentcore.gateway, ecr.api, ecr.dkr, logs) (e.g. "bedrock-runtime")`,
        ],
        [
            "development",
            "s3 as an interface endpoint",
            { endpointServices: ["s3"] },
            `endpointServices[0] "s3" is invalid: an interface endpoint service; S3 is always served by a gateway endpoint (e.g. "bedrock-runtime")`,
        ],
        [
            "development",
            "a new VPC without endpoints",
            { createEndpoints: "false", endpointServices: [] },
            `createEndpoints false is invalid: true when this stack creates the VPC: a new VPC has no other owner of its endpoints, and without them the runtime cannot pull its image (set false only with vpcId, subnetIds and routeTableIds of a shared VPC) (e.g. true)`,
        ],
        [
            "development",
            "extra endpoints without owning them",
            {
                createEndpoints: "false",
                vpcId: "vpc-0a1b2c3d4e5f60718",
                subnetIds: ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
                routeTableIds: ["rtb-0a1b2c3d4e5f60718"],
                availabilityZoneIds: [],
            },
            `endpointServices ["bedrock-runtime"] is invalid: empty when createEndpoints is false: the stack that owns the VPC endpoints creates them (e.g. [])`,
        ],
        [
            "staging",
            "client CIDR open to the world",
            { endpointClientCidrs: ["0.0.0.0/0"] },
            `endpointClientCidrs[0] "0.0.0.0/0" is invalid: a private client range inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10; a public range would open the endpoints beyond the VPC (e.g. "10.0.8.0/22")`,
        ],
        [
            "staging",
            "public client CIDRs in an adopted VPC",
            {
                vpcId: "vpc-0a1b2c3d4e5f60718",
                subnetIds: ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
                routeTableIds: ["rtb-0a1b2c3d4e5f60718"],
                availabilityZoneIds: [],
                endpointClientCidrs: ["0.0.0.0/1", "128.0.0.0/1"],
            },
            [
                `endpointClientCidrs[0] "0.0.0.0/1" is invalid: a private client range inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10; a public range would open the endpoints beyond the VPC (e.g. "10.0.8.0/22")`,
                `endpointClientCidrs[1] "128.0.0.0/1" is invalid: a private client range inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10; a public range would open the endpoints beyond the VPC (e.g. "10.0.8.0/22")`,
            ],
        ],
        [
            "development",
            "hyphenated runtime name",
            { runtimes: pinnedRuntime({ name: "support-agent" }) },
            `runtimes[0].name "support-agent" is invalid: letters, digits and _ only, starting with a letter (e.g. "support_agent")`,
        ],
        [
            "production",
            "runtime name too long for the suffix",
            { runtimes: pinnedRuntime({ name: "a".repeat(40) }) },
            `runtimes[0].name "${"a".repeat(40)}" is invalid: at most 37 characters, so that the AWS name "<name>_production" stays within 48 (e.g. "${"a".repeat(37)}")`,
        ],
        [
            "development",
            "duplicate runtime names",
            { runtimes: [...pinnedRuntime({}), ...pinnedRuntime({})] },
            `runtimes[1].name "support_agent" is invalid: a name not used by another runtime in this stack, letter case aside (e.g. "support_agent_2")`,
        ],
        [
            "development",
            "three runtimes",
            { runtimes: [...pinnedRuntime({}), ...pinnedRuntime({ name: "b" }), ...pinnedRuntime({ name: "c" })] },
            `runtimes "3 runtimes" is invalid: a list of 1 to 2 runtimes (the design caps a stack at 2) (e.g. [{ name: "support_agent", code: { path: "agents/support-agent/dist", runtime: "NODE_22", entryPoint: ["main.js"] } }])`,
        ],
        [
            "development",
            "public image",
            { runtimes: pinnedRuntime({ containerUri: "docker.io/library/python:3.12" }) },
            `runtimes[0].containerUri "docker.io/library/python:3.12" is invalid: a private ECR image URI <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag> or @sha256:<digest> (e.g. "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.4.2")`,
        ],
        [
            "development",
            "untagged image",
            {
                runtimes: pinnedRuntime({
                    containerUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent",
                }),
            },
            `runtimes[0].containerUri "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent" is invalid: a private ECR image URI <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag> or @sha256:<digest> (e.g. "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.4.2")`,
        ],
        [
            "development",
            "image in another region",
            {
                runtimes: pinnedRuntime({
                    containerUri: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/agents/support-agent:1.4.2",
                }),
            },
            `runtimes[0].containerUri "123456789012.dkr.ecr.eu-west-1.amazonaws.com/agents/support-agent:1.4.2" is invalid: an image in the stack's region us-east-1 (AgentCore pulls from the same region only) (e.g. "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.4.2")`,
        ],
        [
            "production",
            "latest in production",
            {
                runtimes: pinnedRuntime({
                    containerUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent:latest",
                }),
            },
            `runtimes[0].containerUri "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent:latest" is invalid: an image pinned by digest (@sha256:<64 hex>) in production, never a tag such as latest: a tag can be moved (e.g. "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")`,
        ],
        [
            "development",
            "unknown protocol",
            { runtimes: pinnedRuntime({ protocol: "GRPC" }) },
            `runtimes[0].protocol "GRPC" is invalid: one of HTTP, MCP, A2A, AGUI (e.g. "HTTP")`,
        ],
        [
            "development",
            "idle timeout too short",
            { runtimes: pinnedRuntime({ idleTimeoutSeconds: 30 }) },
            `runtimes[0].idleTimeoutSeconds 30 is invalid: a whole number of seconds from 60 to 28800 (e.g. 900)`,
        ],
        [
            "development",
            "lifetime below idle",
            { runtimes: pinnedRuntime({ idleTimeoutSeconds: 3600, maxLifetimeSeconds: 600 }) },
            `runtimes[0].maxLifetimeSeconds 600 is invalid: at least idleTimeoutSeconds (3600) (e.g. 28800)`,
        ],
        [
            "development",
            "env var name",
            { runtimes: pinnedRuntime({ environment: { "1BAD": "x" } }) },
            `runtimes[0].environment.1BAD "1BAD" is invalid: a name of letters, digits and _ (1-128), not starting with a digit (e.g. LOG_LEVEL)`,
        ],
        [
            "development",
            "too many env vars",
            {
                runtimes: pinnedRuntime({
                    environment: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`V${i}`, "x"])),
                }),
            },
            `runtimes[0].environment "51 variables" is invalid: at most 50 variables (e.g. { LOG_LEVEL: "info" })`,
        ],
        [
            "development",
            "discovery URL shape",
            {
                runtimes: pinnedRuntime({
                    authorizer: { discoveryUrl: "https://issuer.example.com", allowedClients: ["c"] },
                }),
            },
            `runtimes[0].authorizer.discoveryUrl "https://issuer.example.com" is invalid: an https URL ending in /.well-known/openid-configuration (e.g. "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123/.well-known/openid-configuration")`,
        ],
        [
            "development",
            "SigV4 request header",
            { runtimes: pinnedRuntime({ requestHeaders: ["x-amz-date"] }) },
            `runtimes[0].requestHeaders[0] "x-amz-date" is invalid: a header not starting with x-amz- (reserved for SigV4 signing) (e.g. "X-Tenant-Id")`,
        ],
        [
            "development",
            "x-amzn- header outside the custom prefix",
            { runtimes: pinnedRuntime({ requestHeaders: ["X-Amzn-Trace-Id"] }) },
            `runtimes[0].requestHeaders[0] "X-Amzn-Trace-Id" is invalid: a header not starting with x-amzn-, except X-Amzn-Bedrock-AgentCore-Runtime-Custom-* (e.g. "X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant")`,
        ],
        [
            "development",
            "restricted request header",
            { runtimes: pinnedRuntime({ requestHeaders: ["host"] }) },
            `runtimes[0].requestHeaders[0] "host" is invalid: a header AgentCore passes on; it refuses its restricted headers (content negotiation, caching, connection, request context, range and transfer headers) (e.g. "X-Tenant-Id")`,
        ],
        [
            "development",
            "Authorization without an authorizer",
            { runtimes: pinnedRuntime({ requestHeaders: ["Authorization"] }) },
            `runtimes[0].requestHeaders[0] "Authorization" is invalid: Authorization only on a runtime with an authorizer (a custom JWT authorizer receives the token) (e.g. "X-Tenant-Id")`,
        ],
        [
            "development",
            "header listed twice in another case",
            { runtimes: pinnedRuntime({ requestHeaders: ["X-Tenant-Id", "x-tenant-id"] }) },
            `runtimes[0].requestHeaders[1] "x-tenant-id" is invalid: a header not already listed (names are compared without regard to case) (e.g. "X-Tenant-Id")`,
        ],
        [
            "development",
            "header name with a dot",
            { runtimes: pinnedRuntime({ requestHeaders: ["X.Tenant"] }) },
            `runtimes[0].requestHeaders[0] "X.Tenant" is invalid: a header name of letters, digits, - and _, starting with a letter (e.g. "X-Tenant-Id")`,
        ],
        [
            "development",
            "endpoint named DEFAULT",
            { runtimes: pinnedRuntime({ endpoints: [{ name: "DEFAULT", version: "1" }] }) },
            `runtimes[0].endpoints[0].name "DEFAULT" is invalid: any name but DEFAULT, which the service keeps on the latest version (e.g. "live")`,
        ],
        [
            "development",
            "endpoint without a pinned version",
            { runtimes: pinnedRuntime({ endpoints: [{ name: "live" }] }) },
            `runtimes[0].endpoints[0].version null is invalid: the runtime version the endpoint pins, a whole number from 1 (the first deployment is version 1) (e.g. "1")`,
        ],
        [
            "development",
            "more endpoints than the alarms can watch",
            {
                runtimes: pinnedRuntime({
                    endpoints: ["a", "b", "c", "d", "e"].map((name) => ({ name, version: "1" })),
                }),
            },
            `runtimes[0].endpoints "5 endpoints" is invalid: a list of at most 4 endpoints (each alarm reads 2 metrics per endpoint, DEFAULT included, and CloudWatch allows 10 per alarm) (e.g. [{ name: "live", version: "3" }])`,
        ],
        [
            "development",
            "the same alarm address twice",
            { alarmEmails: ["oncall@example.com", "OnCall@example.com"] },
            `alarmEmails[1] "OnCall@example.com" is invalid: an address not already listed (SNS keeps one subscription per address) (e.g. "oncall@example.com")`,
        ],
        [
            "development",
            "unknown runtime field",
            { runtimes: pinnedRuntime({ cpu: 1024 }) },
            `runtimes[0].cpu 1024 is invalid: not a known field; use name, containerUri, image, code, description, protocol, environment, idleTimeoutSeconds, maxLifetimeSeconds, authorizer, requestHeaders, endpoints, filesystems, secrets, access, allowedPrincipals (e.g. runtimes[0].name)`,
        ],
        [
            "development",
            "wildcard model ARN",
            { modelArns: ["arn:aws:bedrock:us-east-1::foundation-model/*"] },
            `modelArns[0] "arn:aws:bedrock:us-east-1::foundation-model/*" is invalid: a Bedrock foundation-model or inference-profile ARN without wildcards (e.g. "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0")`,
        ],
        [
            "development",
            "retention CloudWatch rejects",
            { logRetentionDays: "45" },
            `logRetentionDays 45 is invalid: a value CloudWatch Logs accepts: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (e.g. 30)`,
        ],
        [
            "production",
            "short retention in production",
            { logRetentionDays: "90" },
            `logRetentionDays 90 is invalid: at least 365 days in production (e.g. 365)`,
        ],
        [
            "production",
            "nobody paged in production",
            { alarmEmails: [] },
            `alarmEmails is missing: at least one address in production, so that an alarm pages someone (e.g. ["oncall@example.com"])`,
        ],
        [
            "development",
            "bad e-mail",
            { alarmEmails: ["oncall"] },
            `alarmEmails[0] "oncall" is invalid: an e-mail address (e.g. "oncall@example.com")`,
        ],
        [
            "development",
            "protect not a boolean",
            { protect: "yes" },
            `protect "yes" is invalid: true or false (e.g. true)`,
        ],
        [
            "development",
            "unknown provider",
            { runtimeProvider: "cdk" },
            `runtimeProvider "cdk" is invalid: one of aws-native, aws (e.g. "aws-native")`,
        ],
        [
            "development",
            "reserved tag key",
            { tags: { Environment: "x" } },
            `tags.Environment "Environment" is invalid: a key the program does not set itself (Project, Stack, Environment, ManagedBy, AgentRuntime, CpuBudget, MemoryBudgetMiB, Name) (e.g. CostCenter)`,
        ],
        [
            "development",
            "more tags than AWS allows beside the program's",
            { tags: Object.fromEntries(Array.from({ length: 43 }, (_, i) => [`T${i}`, "x"])) },
            `tags "43 tags" is invalid: at most 42 tags (AWS allows 50 and the program adds its own) (e.g. { CostCenter: "ai-platform" })`,
        ],
        ["development", "a typo in a key", { cpus: "512" }, unknownKeyMessage("cpus", "512", "cpu")],
    ];
    for (const [stack, title, overrides, message] of cases) {
        it(title, () => {
            expect(problemsOf(stack, overrides)).to.deep.equal(Array.isArray(message) ? message : [message]);
        });
    }

    it("an unknown stack name without `environment` is an error", () => {
        const raw = { ...rawStack("development"), stack: "sandbox" };
        expect(() => validateConfig(raw)).to.throw(
            ConfigValidationError,
            `environment is missing: stack "sandbox" is not named after an environment, so set environment to one of development, staging, production (e.g. pulumi config set environment development)`,
        );
    });
});

describe("config: several bad values are reported at once", () => {
    it("lists every problem in one error that says nothing was created", () => {
        let error: ConfigValidationError | undefined;
        try {
            validateConfig(
                rawStack("production", {
                    cpu: "3000",
                    logRetentionDays: "30",
                    runtimes: pinnedRuntime({ name: "bad-name", protocol: "SOAP" }),
                    alarmEmails: [],
                }),
            );
        } catch (e) {
            error = e as ConfigValidationError;
        }
        expect(error).to.be.instanceOf(ConfigValidationError);
        expect(error!.problems).to.have.length(5);
        expect(error!.message).to.match(/^Stack "production" has 5 configuration problems; nothing was created:\n/);
        for (const key of [
            "cpu 3000",
            "runtimes[0].name",
            "runtimes[0].protocol",
            "logRetentionDays 30",
            "alarmEmails is missing",
        ]) {
            expect(error!.message).to.include(key);
        }
    });
});

describe("config: Pulumi.yaml declares the schema", () => {
    const project = readProjectFile();
    const declared = project.config ?? {};
    const flatKeys = CONFIG_KEYS.filter(
        (k) => k !== "runtimes" && k !== "tags" && k !== "secretValues" && k !== "instanceVolumes",
    );

    it("declares every flat key with a type and a description", () => {
        for (const key of flatKeys) {
            expect(declared[key], key).to.be.an("object");
            expect(declared[key].type, key).to.be.oneOf(["string", "integer", "boolean", "array"]);
            expect(declared[key].description, key).to.be.a("string").and.have.length.greaterThan(0);
        }
        expect(Object.keys(declared).sort()).to.deep.equal([...flatKeys].sort());
    });

    it("keeps the documented defaults (README's config table), in the declaration and in the code", () => {
        expect(declared.vpcCidr.default).to.equal("10.0.0.0/16");
        expect(declared.agentSubnetCidrs.default).to.deep.equal(["10.0.4.0/24", "10.0.5.0/24"]);
        expect(declared.createEndpoints.default).to.equal(true);
        // The code takes the same defaults when a stack file leaves the keys out.
        const network = validateConfig(
            rawStack("development", { vpcCidr: undefined, agentSubnetCidrs: undefined, createEndpoints: undefined }),
        ).network;
        expect([network.vpcCidr, network.agentSubnetCidrs, network.createEndpoints]).to.deep.equal([
            "10.0.0.0/16",
            ["10.0.4.0/24", "10.0.5.0/24"],
            true,
        ]);
        expect(declared.runtimeProvider.default).to.equal("aws-native");
    });

    it("declares a default for every flat key, on the safe side", () => {
        for (const key of flatKeys) {
            expect(declared[key], key).to.have.property("default");
        }
        expect(declared.protect.default).to.equal(true);
        expect(declared.logRetentionDays.default).to.be.at.least(365);
        expect(declared.createEndpoints.default).to.equal(true);
    });

    it("a production stack file that sets nothing optional gets protection and a year of logs", () => {
        const raw = rawStack("production", {
            protect: undefined,
            logRetentionDays: undefined,
            cpu: undefined,
            memory: undefined,
        });
        const defaults = Object.fromEntries(flatKeys.map((k) => [k, declared[k].default]));
        const values = { ...raw.values };
        for (const key of ["protect", "logRetentionDays", "cpu", "memory"]) {
            values[key] = String(defaults[key]);
        }
        const config = validateConfig({ ...raw, values });
        expect(config.protect).to.equal(true);
        expect(config.logRetentionDays).to.equal(365);
        expect(config.sizing).to.deep.equal({ cpu: 1024, memory: 2048 });
    });
});

describe("config: pure helpers", () => {
    it("parses CIDRs and rejects host bits", () => {
        expect(parseIpv4Cidr("10.0.4.0/24")).to.include({ prefix: 24 });
        expect(parseIpv4Cidr("10.0.4.1/24")).to.equal(undefined);
        expect(parseIpv4Cidr("300.0.0.0/8")).to.equal(undefined);
    });

    it("splits ECR URIs with tags and digests", () => {
        expect(
            parseEcrImageUri("123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent:1.4.2"),
        ).to.deep.include({
            account: "123456789012",
            region: "us-east-1",
            repository: "agents/support-agent",
            tag: "1.4.2",
        });
        expect(
            parseEcrImageUri(`123456789012.dkr.ecr.us-east-1.amazonaws.com/a@sha256:${"0".repeat(64)}`)?.digest,
        ).to.equal(`sha256:${"0".repeat(64)}`);
        expect(parseEcrImageUri("public.ecr.aws/a/b:1")).to.equal(undefined);
    });
});
