/**
 * The rules validateConfig applies between keys (src/config/validate.ts), each with the exact
 * message a user sees and a near miss that passes: the stack kind's rules (network, agent,
 * all-in-one), the regions, the sizing budget, the model ARNs' regions, the alarm addresses,
 * the secret values and the environment read first for the other keys' examples.
 */
import { expect } from "chai";
import * as path from "path";
import { RawStackConfig } from "../../src/config";
import { configProblems, FIXTURE_SOURCE_ROOT, rawStack } from "../helpers";
import { pinnedRuntime, problemsOf } from "./overrides";

/** The development fixture with the given secret keys and, optionally, another stack name. */
function problemsWith(
    overrides: Record<string, unknown>,
    extra: Partial<Pick<RawStackConfig, "secretKeys" | "stack">>,
    stack = "development",
): readonly string[] {
    return configProblems({ ...rawStack(stack, overrides), ...extra });
}

const NETWORK_STACK = { stackKind: "network", runtimes: undefined, modelArns: undefined };
const AGENT_STACK = {
    stackKind: "agent",
    networkStack: "acme/agentcore-private/network",
    availabilityZoneIds: undefined,
    endpointServices: undefined,
    endpointClientCidrs: undefined,
};
const DISCOVERY = "https://idp.internal.example.com/realms/agents/.well-known/openid-configuration";
const EFS = {
    kind: "efs",
    accessPointArn: "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0",
    fileSystemId: "fs-0123456789abcdef0",
    mountPath: "/mnt/shared",
};

/** One code runtime with `extra` fields. */
const codeRuntime = (extra: Record<string, unknown>) => [
    {
        name: "code_agent",
        code: { path: "agents/support-agent/dist", runtime: "NODE_22", entryPoint: ["main.js"] },
        ...extra,
    },
];

/** A JWT authorizer reached over the managed identity-provider path through `idpCidrs`. */
const managedPath = (idpCidrs: string[]) => ({
    authorizer: { discoveryUrl: DISCOVERY, allowedAudience: ["agents"], privateEndpoint: { managed: { idpCidrs } } },
});

/** `count` distinct /24s: 10.<second>.<first + i>.0/24. */
const cidrs = (count: number, second: number, first = 0) =>
    Array.from({ length: count }, (_, i) => `10.${second}.${first + i}.0/24`);

const ADOPTED_VPC = {
    vpcId: "vpc-0a1b2c3d4e5f60718",
    subnetIds: ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
    routeTableIds: ["rtb-0a1b2c3d4e5f60718"],
    availabilityZoneIds: [],
    endpointClientCidrs: [],
};

const AGENT_STACK_MANAGED = `runtimes[0].authorizer.privateEndpoint "managed" is invalid: a resourceConfiguration in an agent stack: the managed path needs an identity-provider security group, which only a stack that owns the network creates (e.g. { resourceConfiguration: "rcfg-0123456789abcdef0" })`;

describe("config rules: a network stack", () => {
    it("validates without runtimes, models or alarm addresses, even in production", () => {
        expect(
            problemsOf("development", {
                ...NETWORK_STACK,
                environment: "production",
                logRetentionDays: 365,
                alarmEmails: [],
            }),
        ).to.deep.equal([]);
    });

    it("refuses runtimes: they belong to agent stacks", () => {
        expect(problemsOf("development", { ...NETWORK_STACK, runtimes: [{ name: "a" }] })).to.deep.equal([
            `runtimes [{"name":"a"}] is invalid: unset in a network stack: runtimes belong to agent stacks (stackKind: agent, networkStack: <this stack>) (e.g. remove runtimes)`,
        ]);
    });

    it("never echoes secret runtimes it refuses", () => {
        expect(
            problemsWith({ ...NETWORK_STACK, runtimes: [{ name: "a" }] }, { secretKeys: ["runtimes"] }),
        ).to.deep.equal([
            `runtimes "[secret]" is invalid: unset in a network stack: runtimes belong to agent stacks (stackKind: agent, networkStack: <this stack>) (e.g. remove runtimes)`,
        ]);
    });

    it("refuses computeType instances, the agent stacks' choice; microvm passes", () => {
        expect(problemsOf("development", { ...NETWORK_STACK, computeType: "instances" })).to.deep.equal([
            `computeType "instances" is invalid: unset in a network stack: the compute type is the agent stacks' choice (their capacity providers use this stack's subnets and runtime security group) (e.g. set computeType: instances in the agent stack)`,
        ]);
        expect(problemsOf("development", { ...NETWORK_STACK, computeType: "microvm" })).to.deep.equal([]);
    });
});

describe("config rules: an agent stack", () => {
    it("refuses a managed identity-provider path, with no knock-on from its own unused vpcCidr", () => {
        expect(
            problemsOf("development", { ...AGENT_STACK, runtimes: codeRuntime(managedPath(["10.99.12.0/24"])) }),
        ).to.deep.equal([AGENT_STACK_MANAGED]);
    });

    it("does not count the refused managed path's 61 idpCidrs against the security-group quota", () => {
        expect(
            problemsOf("development", { ...AGENT_STACK, runtimes: codeRuntime(managedPath(cidrs(61, 99))) }),
        ).to.deep.equal([AGENT_STACK_MANAGED]);
    });

    it("refuses an EFS mount, which an all-in-one stack accepts", () => {
        expect(
            problemsOf("development", { ...AGENT_STACK, runtimes: codeRuntime({ filesystems: [EFS] }) }),
        ).to.deep.equal([
            `runtimes[0].filesystems[0].kind "efs" is invalid: sessionStorage in an agent stack: EFS and S3 Files need NFS egress on the runtime security group, which the network stack owns; mount them from an all-in-one stack (e.g. { kind: "sessionStorage", mountPath: "/mnt/workspace" })`,
        ]);
        expect(problemsOf("development", { runtimes: codeRuntime({ filesystems: [EFS] }) })).to.deep.equal([]);
    });

    it("still refuses the EFS mount when another file system of the runtime is refused", () => {
        expect(
            problemsOf("development", {
                ...AGENT_STACK,
                runtimes: codeRuntime({ filesystems: [EFS, { kind: "sessionStorage", mountPath: 5 }] }),
            }),
        ).to.deep.equal([
            `runtimes[0].filesystems[1].mountPath 5 is invalid: a path /mnt/<one directory> of letters, digits and . _ - (6 to 200 characters) (e.g. "/mnt/workspace")`,
            `runtimes[0].filesystems[0].kind "efs" is invalid: sessionStorage in an agent stack: EFS and S3 Files need NFS egress on the runtime security group, which the network stack owns; mount them from an all-in-one stack (e.g. { kind: "sessionStorage", mountPath: "/mnt/workspace" })`,
        ]);
    });

    it("accepts session storage", () => {
        expect(
            problemsOf("development", {
                ...AGENT_STACK,
                runtimes: codeRuntime({ filesystems: [{ kind: "sessionStorage", mountPath: "/mnt/workspace" }] }),
            }),
        ).to.deep.equal([]);
    });
});

describe("config rules: an all-in-one stack's managed identity-provider path", () => {
    it("keeps its idpCidrs inside the VPC it creates", () => {
        expect(problemsOf("development", { runtimes: codeRuntime(managedPath(["10.99.12.0/24"])) })).to.deep.equal([
            `runtimes[0].authorizer.privateEndpoint.managed.idpCidrs[0] "10.99.12.0/24" is invalid: a CIDR inside vpcCidr 10.10.0.0/16: the identity-provider path never leaves the VPC (e.g. "10.10.0.0/16")`,
        ]);
        expect(problemsOf("development", { runtimes: codeRuntime(managedPath(["10.10.12.0/24"])) })).to.deep.equal([]);
    });

    it("is not compared with vpcCidr when the VPC is adopted (its CIDR is not that key's)", () => {
        expect(
            problemsOf("development", { ...ADOPTED_VPC, runtimes: codeRuntime(managedPath(["10.99.12.0/24"])) }),
        ).to.deep.equal([]);
    });

    it("fits AWS's 60 rules per security group: 61 idpCidrs are refused, 60 pass", () => {
        const vpc = { vpcCidr: "10.10.0.0/16", agentSubnetCidrs: ["10.10.200.0/24", "10.10.201.0/24"] };
        expect(problemsOf("development", { ...vpc, runtimes: codeRuntime(managedPath(cidrs(60, 10))) })).to.deep.equal(
            [],
        );
        expect(problemsOf("development", { ...vpc, runtimes: codeRuntime(managedPath(cidrs(61, 10))) })).to.deep.equal([
            `runtimes[].authorizer idpCidrs "61 egress rules" is invalid: at most 60 distinct idpCidrs (with the VPC CIDR when one managed endpoint lists none) across the runtimes: each is one outbound rule of the identity-provider security group, and AWS allows 60 per security group (Amazon VPC quotas) (e.g. ["10.0.12.0/22"])`,
        ]);
    });
});

describe("config rules: regions", () => {
    const REGIONS =
        "us-east-1, us-east-2, us-west-2, eu-west-1, eu-central-1, ap-southeast-1, ap-southeast-2, ap-south-1, ap-northeast-1";

    it("aws:region unset or empty is missing", () => {
        const missing = `aws:region is missing: a region where AgentCore Runtime runs in a VPC: ${REGIONS} (e.g. pulumi config set aws:region us-east-1)`;
        expect(problemsOf("development", { "aws:region": undefined })).to.deep.equal([missing]);
        expect(problemsOf("development", { "aws:region": "" })).to.deep.equal([missing]);
    });

    it("an empty aws-native:region is missing, like an unset one", () => {
        expect(problemsOf("development", { "aws-native:region": "" })).to.deep.equal([
            `aws-native:region is missing: the aws-native provider's region, the same as aws:region (us-east-1) (e.g. pulumi config set aws-native:region us-east-1)`,
        ]);
    });

    it("the classic provider needs no aws-native:region", () => {
        expect(
            problemsOf("development", {
                runtimeProvider: "aws",
                "aws-native:region": undefined,
                runtimes: pinnedRuntime({}),
            }),
        ).to.deep.equal([]);
    });
});

describe("config rules: sizing", () => {
    const INSTANCES = { computeType: "instances", instanceTypes: ["c7g.large"] };

    it("a refused cpu or memory makes no knock-on instance-size problem", () => {
        expect(problemsOf("development", { ...INSTANCES, cpu: "lots", memory: "8192" })).to.deep.equal([
            `cpu "lots" is invalid: a whole number (e.g. 512)`,
        ]);
        expect(problemsOf("development", { ...INSTANCES, cpu: "2048", memory: "lots" })).to.deep.equal([
            `memory "lots" is invalid: a whole number (e.g. 1024)`,
        ]);
    });

    it("a valid budget is compared with the instance types (c7g.large: 2 vCPU, 4 GiB)", () => {
        expect(problemsOf("development", { ...INSTANCES, cpu: "2048", memory: "4096" })).to.deep.equal([]);
        expect(problemsOf("development", { ...INSTANCES, cpu: "2048", memory: "8192" })).to.deep.equal([
            `instanceTypes[0] "c7g.large" is invalid: a type with at least the environment's size, 2 vCPU and 8 GiB (c7g.large has 2 vCPU, 4 GiB) (e.g. "m7g.large")`,
        ]);
    });

    it("an instances stack on aws-native in a supported region validates", () => {
        expect(problemsOf("development", { computeType: "instances" })).to.deep.equal([]);
    });
});

describe("config rules: model ARNs and the stack's region", () => {
    it("refuses an inference profile of another region", () => {
        expect(
            problemsOf("development", {
                modelArns: [
                    "arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0",
                ],
            }),
        ).to.deep.equal([
            `modelArns[0] "arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0" is invalid: an ARN in the stack's region us-east-1 (aws:region), or a foundation model another region serves through a listed inference profile (e.g. "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0")`,
        ]);
    });
});

describe("config rules: alarm addresses", () => {
    it("distinct addresses pass; the same address in another case is a repeat", () => {
        expect(problemsOf("production", { alarmEmails: ["a@example.com", "b@example.com"] })).to.deep.equal([]);
        expect(problemsOf("production", { alarmEmails: ["a@example.com", "A@example.com"] })).to.deep.equal([
            `alarmEmails[1] "A@example.com" is invalid: an address not already listed (SNS keeps one subscription per address) (e.g. "oncall@example.com")`,
        ]);
    });

    it("production needs one; development does not", () => {
        expect(problemsOf("production", { alarmEmails: [] })).to.deep.equal([
            `alarmEmails is missing: at least one address in production, so that an alarm pages someone (e.g. ["oncall@example.com"])`,
        ]);
        expect(problemsOf("development", { alarmEmails: [] })).to.deep.equal([]);
    });
});

describe("config rules: secret values", () => {
    const UNUSED = (name: string) =>
        `secretValues.${name} "[secret]" is invalid: a value some runtimes[i].secrets entry uses ({ stored: <name> }); remove unused secrets (e.g. runtimes[0].secrets.CRM_API_KEY_SECRET_ARN: { stored: ${name} })`;

    it("refuses a value no runtime stores", () => {
        expect(problemsOf("development", { secretValues: { unused_one: { secure: "v1" } } })).to.deep.equal([
            UNUSED("unused_one"),
        ]);
    });

    it("accepts a value a runtime's stored source names, and reports only the unused one", () => {
        const runtimes = pinnedRuntime({ secrets: { CRM_API_KEY_SECRET_ARN: { stored: "crm_api_key" } } });
        expect(
            problemsWith({ runtimes, secretValues: { crm_api_key: "v" } }, { secretKeys: ["secretValues"] }),
        ).to.deep.equal([]);
        expect(
            problemsWith(
                { runtimes, secretValues: { crm_api_key: "v", other_one: "w" } },
                { secretKeys: ["secretValues"] },
            ),
        ).to.deep.equal([UNUSED("other_one")]);
    });

    it("read from the runtimes as written: a list that is no list, or entries that are no maps, name none", () => {
        const secretValues = { crm_api_key: { secure: "v1" } };
        const stored = { CRM_API_KEY_SECRET_ARN: { stored: "crm_api_key" } };
        expect(problemsOf("development", { secretValues, runtimes: { name: "x" } })).to.deep.equal([
            `runtimes {"name":"x"} is invalid: a list of 1 to 2 runtimes (the design caps a stack at 2) (e.g. [{ name: "support_agent", code: { path: "agents/support-agent/dist", runtime: "NODE_22", entryPoint: ["main.js"] } }])`,
            UNUSED("crm_api_key"),
        ]);
        expect(
            problemsOf("development", { secretValues, runtimes: [null, ...pinnedRuntime({ secrets: stored })] }),
        ).to.deep.equal([
            `runtimes[0] null is invalid: a map with at least name and one of containerUri, image or code (e.g. { name: "support_agent", code: { path: "agents/support-agent/dist", runtime: "NODE_22", entryPoint: ["main.js"] } })`,
        ]);
        expect(
            problemsOf("development", {
                secretValues,
                runtimes: pinnedRuntime({ secrets: { OTHER_SECRET_ARN: null, ...stored } }),
            }),
        ).to.deep.equal([
            `runtimes[0].secrets.OTHER_SECRET_ARN null is invalid: { stored: <secretValues name> } or { arn: <secret ARN> } (e.g. { stored: crm_api_key })`,
        ]);
        expect(problemsOf("development", { secretValues, runtimes: pinnedRuntime({ secrets: null }) })).to.deep.equal([
            `runtimes[0].secrets null is invalid: a map of environment variable names to { stored: <name> } or { arn: <secret ARN> } (e.g. { CRM_API_KEY_SECRET_ARN: { stored: crm_api_key } })`,
            UNUSED("crm_api_key"),
        ]);
    });

    it("a plain value is refused unless the whole key is a Pulumi secret", () => {
        expect(problemsOf("development", { secretValues: { crm: "plain" } })).to.deep.equal([
            `secretValues.crm "[secret]" is invalid: a Pulumi secret, set with --secret (a plain value would sit unencrypted in the stack file) (e.g. pulumi config set --secret --path 'secretValues.crm_api_key' <value>)`,
        ]);
        expect(problemsWith({ secretValues: { crm: "plain" } }, { secretKeys: ["secretValues"] })).to.deep.equal([
            UNUSED("crm"),
        ]);
    });

    it("runtimes as a whole secret is refused once, without reading the runtimes", () => {
        const found = problemsWith({}, { secretKeys: ["runtimes"] });
        expect(found).to.have.length(1);
        expect(found[0]).to.match(
            /^runtimes "\[secret\]" is invalid: no Pulumi secrets \(pulumi config set --secret --path 'runtimes\[0\]\.environment\.X' marks all of runtimes secret\): /,
        );
    });

    it("a secret inside runtimes is refused at its path", () => {
        const found = problemsOf("development", { runtimes: pinnedRuntime({ environment: { A: { secure: "zz" } } }) });
        expect(found).to.have.length(1);
        expect(found[0]).to.match(
            /^runtimes\[0\]\.environment\.A "\[secret\]" is invalid: a plain value: a Pulumi secret is refused in environment because /,
        );
    });
});

describe("config rules: the environment, read first for the other keys' examples", () => {
    const RETENTION =
        "logRetentionDays 8 is invalid: a value CloudWatch Logs accepts: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653";

    it("a production stack's example retention is 365 days, a development one's 30", () => {
        expect(problemsOf("production", { logRetentionDays: "8" })).to.deep.equal([`${RETENTION} (e.g. 365)`]);
        expect(problemsOf("development", { logRetentionDays: "8" })).to.deep.equal([`${RETENTION} (e.g. 30)`]);
    });

    it("the environment key counts over a stack name that is no environment", () => {
        expect(
            problemsWith({ logRetentionDays: "8", environment: "production" }, { stack: "dev-alice" }),
        ).to.deep.equal([`${RETENTION} (e.g. 365)`]);
        expect(problemsWith({ logRetentionDays: "8" }, { stack: "dev-alice" })).to.deep.equal([
            `${RETENTION} (e.g. 30)`,
            `environment is missing: stack "dev-alice" is not named after an environment, so set environment to one of development, staging, production (e.g. pulumi config set environment development)`,
        ]);
    });

    it("a missing retention's example follows the environment too", () => {
        const missing =
            "logRetentionDays is missing: days to keep logs, one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653";
        expect(problemsOf("production", { logRetentionDays: undefined })).to.deep.equal([`${missing} (e.g. 365)`]);
        expect(problemsOf("development", { logRetentionDays: undefined })).to.deep.equal([`${missing} (e.g. 30)`]);
    });
});

describe("config rules: the project root", () => {
    it("code paths are read under the stack's root, not the working directory", () => {
        const under = "tests/fixtures/source-root/agents/support-agent/dist";
        expect(
            problemsOf("development", {
                runtimes: codeRuntime({ code: { path: under, runtime: "NODE_22", entryPoint: ["main.js"] } }),
            }),
        ).to.deep.equal([
            `runtimes[0].code.path "${under}" is invalid: an existing directory relative to the project root (${path.join(FIXTURE_SOURCE_ROOT, under)} does not exist or is not a directory; build it first, e.g. npm run agent:build) (e.g. "agents/support-agent/dist")`,
        ]);
        expect(problemsOf("development", { runtimes: codeRuntime({}) })).to.deep.equal([]);
    });
});
