/**
 * Contract tests: the real program (index.ts) for every stack file, as `pulumi up` would
 * run it, under the recording mocks. Outputs are a contract other stacks depend on.
 */
import { expect } from "chai";
import { ConfigValidationError } from "../../src/config";
import {
    ProgramRun,
    RecordedResource,
    STACKS,
    ofType,
    providerOverrides,
    rawStack,
    runFixtureStack,
    runStackOnce,
} from "../helpers";
import { ALARM_KINDS, RUNTIME_METRIC_ALARM_KINDS } from "../observability/requirements";
import { REQUIRED_ENDPOINT_SERVICES } from "../network/requirements";

const OUTPUT_NAMES = [
    "agentSubnetIds",
    "alarmNames",
    "alarmTopicArn",
    "compute",
    "dashboardName",
    "deployerGuardrailPolicy",
    "endpointSecurityGroupId",
    "environment",
    "executionRoleArn",
    "executionRoleName",
    "identityProviderSecurityGroupId",
    "kmsKeyArn",
    "logGroupNames",
    "runtimeSecurityGroupId",
    "runtimes",
    "sizing",
    "vpcEndpointIds",
    "vpcId",
];
const RUNTIME_TYPES = {
    "aws-native": {
        runtime: "aws-native:bedrockagentcore:Runtime",
        endpoint: "aws-native:bedrockagentcore:RuntimeEndpoint",
    },
    aws: {
        runtime: "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime",
        endpoint: "aws:bedrock/agentcoreAgentRuntimeEndpoint:AgentcoreAgentRuntimeEndpoint",
    },
} as const;

interface RuntimeOutput {
    arn: string;
    id: string;
    version: string;
    endpoints: Record<string, string>;
}

/**
 * What the program decides for each fixture stack, as literals: its budget, deletion
 * protection, the AZ IDs of its agent subnets, the VPC endpoints it creates (the five required, the stack's endpointServices, the S3
 * gateway), and each runtime's AWS name and endpoint names.
 */
const DECIDED: Record<
    (typeof STACKS)[number],
    {
        sizing: { cpu: number; memory: number };
        protect: boolean;
        agentSubnetAzIds: string[];
        vpcEndpoints: string[];
        runtimes: Record<string, { awsName: string; endpoints: string[] }>;
    }
> = {
    development: {
        sizing: { cpu: 512, memory: 1024 },
        protect: false,
        agentSubnetAzIds: ["use1-az1", "use1-az2"],
        vpcEndpoints: [...REQUIRED_ENDPOINT_SERVICES, "bedrock-runtime", "s3"],
        runtimes: { support_agent: { awsName: "support_agent_development", endpoints: [] } },
    },
    staging: {
        sizing: { cpu: 1024, memory: 2048 },
        protect: false,
        agentSubnetAzIds: ["use1-az1", "use1-az2"],
        vpcEndpoints: [...REQUIRED_ENDPOINT_SERVICES, "bedrock-runtime", "sts", "xray", "s3"],
        runtimes: { support_agent: { awsName: "support_agent_staging", endpoints: ["qa"] } },
    },
    production: {
        sizing: { cpu: 2048, memory: 4096 },
        protect: true,
        agentSubnetAzIds: ["use1-az1", "use1-az2", "use1-az4"],
        vpcEndpoints: [...REQUIRED_ENDPOINT_SERVICES, "bedrock-runtime", "sts", "xray", "monitoring", "s3"],
        runtimes: { support_agent: { awsName: "support_agent_production", endpoints: ["live"] } },
    },
};

/** The one recorded resource of a type with this logical name. */
function named(run: ProgramRun, type: string, name: string): RecordedResource {
    const found = ofType(run, type).filter((r) => r.name === name);
    expect(
        found.map((r) => r.name),
        `${type} ${name}`,
    ).to.deep.equal([name]);
    return found[0];
}

/**
 * The outputs contract. Names, ARNs and lists the program decides are literals; IDs and ARNs
 * the provider assigns (here, the mocks) are opaque: each output must be exactly the value
 * the resource it names was given, whatever its format.
 */
function expectContract(run: ProgramRun, stack: (typeof STACKS)[number], provider: "aws-native" | "aws"): void {
    expect(run.error, run.error?.message).to.equal(undefined);
    const decided = DECIDED[stack];
    const prefix = `agentcore-${stack}`;
    const out = run.outputs as Record<string, unknown>;
    expect(Object.keys(out).sort()).to.deep.equal(OUTPUT_NAMES);
    expect(out.environment).to.equal(stack);
    expect(out.sizing).to.deep.equal(decided.sizing);
    expect(out.compute).to.deep.equal({ type: "microvm" });

    expect(out.vpcId).to.equal(named(run, "aws:ec2/vpc:Vpc", `${prefix}-vpc`).id);
    expect(out.agentSubnetIds).to.deep.equal(
        decided.agentSubnetAzIds.map((az) => named(run, "aws:ec2/subnet:Subnet", `${prefix}-agent-${az}`).id),
    );
    const sg = "aws:ec2/securityGroup:SecurityGroup";
    expect(out.runtimeSecurityGroupId).to.equal(named(run, sg, `${prefix}-runtime-sg`).id);
    expect(out.endpointSecurityGroupId).to.equal(named(run, sg, `${prefix}-endpoint-sg`).id);
    // No fixture stack has a managed private identity provider: no group, an empty ID.
    expect(out.identityProviderSecurityGroupId).to.equal("");
    const endpoints = ofType(run, "aws:ec2/vpcEndpoint:VpcEndpoint");
    expect(out.vpcEndpointIds).to.deep.equal(
        Object.fromEntries(
            decided.vpcEndpoints.map((service) => {
                const [endpoint] = endpoints.filter(
                    (e) => e.inputs.serviceName === `com.amazonaws.us-east-1.${service}`,
                );
                return [service, endpoint?.id];
            }),
        ),
    );

    const role = named(run, "aws:iam/role:Role", `${prefix}-execution-role`);
    expect(out.executionRoleArn).to.equal(role.state.arn);
    expect(out.executionRoleName).to.equal(role.id);
    expect(out.kmsKeyArn).to.equal(named(run, "aws:kms/key:Key", `${prefix}-key`).state.arn);
    expect(out.alarmTopicArn).to.equal(named(run, "aws:sns/topic:Topic", `${prefix}-alarms`).state.arn);

    const types = RUNTIME_TYPES[provider];
    const runtimes = out.runtimes as Record<string, RuntimeOutput>;
    expect(Object.keys(runtimes)).to.deep.equal(Object.keys(decided.runtimes));
    for (const [name, { awsName, endpoints: endpointNames }] of Object.entries(decided.runtimes)) {
        const runtime = named(run, types.runtime, `${prefix}-${name}-runtime`);
        expect(runtime.inputs.agentRuntimeName).to.equal(awsName);
        const { id, arn, version, endpoints: endpointArns } = runtimes[name];
        expect({ id, arn, version, endpoints: endpointArns }).to.deep.equal({
            id: runtime.state.agentRuntimeId,
            arn: runtime.state.agentRuntimeArn,
            version: runtime.state.agentRuntimeVersion,
            endpoints: Object.fromEntries(
                endpointNames.map((e) => {
                    const endpoint = named(run, types.endpoint, `${prefix}-${name}-endpoint-${e}`);
                    expect(endpoint.inputs.name).to.equal(e);
                    expect(endpoint.inputs.agentRuntimeId).to.equal(runtime.state.agentRuntimeId);
                    return [e, endpoint.state.agentRuntimeEndpointArn];
                }),
            ),
        });
    }

    expect(out.dashboardName).to.equal(prefix);
    // The guardrail names exactly the stack's subnets and runtime security group (tests/inbound/inbound.spec.ts has the rest).
    const guardrail = JSON.parse(out.deployerGuardrailPolicy as string) as {
        Statement: { Condition: Record<string, Record<string, string[]>> }[];
    };
    expect(guardrail.Statement[0].Condition["ForAnyValue:StringNotEquals"]["bedrock-agentcore:subnets"]).to.deep.equal(
        [...(out.agentSubnetIds as string[])].sort(),
    );
    expect(
        guardrail.Statement[2].Condition["ForAnyValue:StringNotEquals"]["bedrock-agentcore:securityGroups"],
    ).to.deep.equal([out.runtimeSecurityGroupId]);
    const names = Object.keys(decided.runtimes);
    expect(out.alarmNames).to.deep.equal(names.flatMap((r) => ALARM_KINDS.map((m) => `${prefix}-${r}-${m}`)));
    expect(out.logGroupNames).to.deep.equal(
        Object.fromEntries(
            names.map((r) => [
                r,
                {
                    application: `/${prefix}/runtimes/${r}/application-logs`,
                    usage: `/${prefix}/runtimes/${r}/usage-logs`,
                },
            ]),
        ),
    );
}

describe("stack contract", () => {
    for (const stack of STACKS) {
        describe(stack, () => {
            const decided = DECIDED[stack];
            for (const provider of ["aws-native", "aws"] as const) {
                describe(`with runtimeProvider ${provider}`, () => {
                    let run: ProgramRun;
                    before(async () => {
                        run = await runStackOnce(stack, providerOverrides(stack, provider));
                    });

                    it("exports every output with the right shape and value", () => {
                        expectContract(run, stack, provider);
                    });

                    it("creates the runtime from the stack file, with its budget as tags", () => {
                        const [runtime] = ofType(run, RUNTIME_TYPES[provider].runtime);
                        expect(runtime.inputs.agentRuntimeName).to.equal(decided.runtimes.support_agent.awsName);
                        // The artifact itself is pinned per stack in tests/artifact/artifactStack.spec.ts.
                        expect(runtime.inputs.agentRuntimeArtifact).to.be.an("object");
                        expect(runtime.inputs.tags).to.include({
                            CpuBudget: String(decided.sizing.cpu),
                            MemoryBudgetMiB: String(decided.sizing.memory),
                            Environment: stack,
                        });
                        const other = provider === "aws" ? RUNTIME_TYPES["aws-native"] : RUNTIME_TYPES.aws;
                        expect(ofType(run, other.runtime)).to.have.length(0);
                    });

                    it("puts the runtime in VPC mode on the agent subnets and runtime security group", () => {
                        const [runtime] = ofType(run, RUNTIME_TYPES[provider].runtime);
                        const out = run.outputs as Record<string, unknown>;
                        expect(runtime.inputs.networkConfiguration).to.deep.equal({
                            networkMode: "VPC",
                            networkModeConfig: {
                                subnets: out.agentSubnetIds,
                                securityGroups: [out.runtimeSecurityGroupId],
                            },
                        });
                        expect(runtime.inputs.roleArn).to.equal(out.executionRoleArn);
                    });

                    it("orders the runtime after every role policy and VPC endpoint", () => {
                        const [runtime] = ofType(run, RUNTIME_TYPES[provider].runtime);
                        const mustPrecede = [
                            ...ofType(run, "aws:iam/rolePolicy:RolePolicy"),
                            ...ofType(run, "aws:ec2/vpcEndpoint:VpcEndpoint"),
                        ].filter((r) => !r.name.includes("flow-log"));
                        expect(mustPrecede.length).to.be.greaterThan(REQUIRED_ENDPOINT_SERVICES.length);
                        for (const dep of mustPrecede) {
                            expect(runtime.dependencies, dep.name).to.include(dep.urn);
                        }
                    });

                    it(`protects runtimes, endpoints, the key and its alias, and the log groups ${decided.protect ? "" : "not "}in ${stack}`, () => {
                        const stateful = [
                            ...ofType(run, RUNTIME_TYPES[provider].runtime),
                            ...ofType(run, RUNTIME_TYPES[provider].endpoint),
                            ...ofType(run, "aws:kms/key:Key"),
                            ...ofType(run, "aws:kms/alias:Alias"),
                            ...ofType(run, "aws:cloudwatch/logGroup:LogGroup"),
                        ];
                        expect(stateful.length).to.be.at.least(5);
                        for (const r of stateful) {
                            expect(r.protect, r.name).to.equal(decided.protect);
                        }
                        // Data outlives the stack when protected: the key and every log group are retained.
                        for (const r of [
                            ...ofType(run, "aws:kms/key:Key"),
                            ...ofType(run, "aws:cloudwatch/logGroup:LogGroup"),
                        ]) {
                            expect(r.retainOnDelete, r.name).to.equal(decided.protect);
                        }
                    });
                });
            }
        });
    }

    it("on Instances: the same outputs; compute names the provider and the types; the guardrail fences the provider", async () => {
        const run = await runStackOnce("staging", { computeType: "instances" });
        expect(run.error, run.error?.message).to.equal(undefined);
        const out = run.outputs as Record<string, unknown>;
        expect(Object.keys(out).sort()).to.deep.equal(OUTPUT_NAMES);
        const compute = out.compute as { type: string; capacityProviderArn: string; instanceTypes: string[] };
        expect(compute.type).to.equal("instances");
        expect(compute.capacityProviderArn).to.match(
            /^arn:aws:bedrock-agentcore:us-east-1:123456789012:capacity-provider\/agents_staging-[A-Za-z0-9]{10}$/,
        );
        expect(compute.instanceTypes).to.deep.equal(["c7g.medium", "m7g.medium", "r7g.medium"]);
        const guardrail = JSON.parse(out.deployerGuardrailPolicy as string) as {
            Statement: { Sid: string; NotResource?: string }[];
        };
        expect(guardrail.Statement.map((s) => s.Sid)).to.deep.equal([
            "DenyRuntimeOutsideStackSubnets",
            "DenyRuntimeOutsideStackSecurityGroups",
            "DenyCapacityProviderOutsideStack",
        ]);
        // The provider the stack made matches the pattern the guardrail admits.
        const pattern = guardrail.Statement[2].NotResource as string;
        expect(compute.capacityProviderArn.startsWith(pattern.slice(0, -1))).to.equal(true);
        expect(out.alarmNames).to.deep.equal(
            RUNTIME_METRIC_ALARM_KINDS.map((kind) => `agentcore-staging-support_agent-${kind}`),
        );
    });

    it("budgets differ per stack as the stack files say", async () => {
        const budgets = [];
        for (const stack of STACKS) {
            budgets.push((await runStackOnce(stack)).outputs?.sizing);
        }
        expect(budgets).to.deep.equal([
            { cpu: 512, memory: 1024 },
            { cpu: 1024, memory: 2048 },
            { cpu: 2048, memory: 4096 },
        ]);
    });

    it("runs two runtimes in one stack, each with its outputs and alarms", async () => {
        const second = {
            name: "research_agent",
            containerUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/research-agent:2.0.1",
            protocol: "MCP",
            endpoints: [{ name: "live", version: "1" }],
        };
        const [first] = JSON.parse(rawStack("staging").values.runtimes);
        const run = await runFixtureStack("staging", { runtimes: JSON.stringify([first, second]) });
        expect(run.error, run.error?.message).to.equal(undefined);
        const runtimes = run.outputs?.runtimes as Record<string, RuntimeOutput>;
        expect(Object.keys(runtimes)).to.deep.equal(["support_agent", "research_agent"]);
        expect(runtimes.research_agent.endpoints).to.have.keys("live");
        const protocols = Object.fromEntries(
            ofType(run, RUNTIME_TYPES["aws-native"].runtime).map((r) => [
                r.inputs.agentRuntimeName,
                r.inputs.protocolConfiguration,
            ]),
        );
        expect(protocols).to.deep.equal({ support_agent_staging: "HTTP", research_agent_staging: "MCP" });
        const alarmDimensions = JSON.stringify(
            ofType(run, "aws:cloudwatch/metricAlarm:MetricAlarm").map((a) => a.inputs),
        );
        expect(alarmDimensions).to.include(runtimes.support_agent.arn).and.include(runtimes.research_agent.arn);
    });

    it("registers nothing when the config is bad, and reports every problem", async () => {
        const run = await runFixtureStack("production", { cpu: "3000", logRetentionDays: "30" });
        expect(run.error).to.be.instanceOf(ConfigValidationError);
        expect((run.error as ConfigValidationError).problems).to.have.length(2);
        expect(run.resources.map((r) => r.type)).to.deep.equal(["pulumi:pulumi:Stack"]);
    });
});
