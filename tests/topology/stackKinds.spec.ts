/**
 * What each stack kind builds and exports (README "Stack outputs", docs/topology.md,
 * docs/instances.md), read from shared renders so that no test here renders a program of its own
 * unless its case needs one: the all-in-one staging fixture on microVMs and on Instances, the
 * agent stack on Instances (tests/compute/agentStackOnInstances.ts), the Instances stack with a
 * persistent volume, one all-in-one Instances stack adopting a VPC, and the network stack.
 * Literals: the fixtures' config (staging 1 vCPU / 2 GiB in use1-az1 and use1-az2, tracing on,
 * one runtime support_agent built as an image with the endpoint qa; the agent stack
 * agents-code, environment development, its network stack's outputs in ./networkOutputs.ts).
 */
import { expect } from "chai";
import * as path from "path";
import { agentStackOnInstances } from "../compute/agentStackOnInstances";
import { ProgramRun, runStack } from "../../src/plan/offline/runProgram";
import { shared } from "../mutationCoverage";
import { FIXTURE_SOURCE_ROOT, FIXTURES_ROOT, one, ofType, runStackOnce } from "../helpers";
import { NETWORK_OUTPUTS, NETWORK_STACK } from "./networkOutputs";

const INSTANCES = { computeType: "instances" };
const OFFERINGS = "aws:ec2/getInstanceTypeOfferings:getInstanceTypeOfferings";
const SUBNET_LOOKUP = "aws:ec2/getSubnet:getSubnet";
const TYPES = {
    runtime: "aws-native:bedrockagentcore:Runtime",
    provider: "aws-native:bedrockagentcore:CapacityProvider",
    resourcePolicy: "aws-native:bedrockagentcore:ResourcePolicy",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    key: "aws:kms/key:Key",
    role: "aws:iam/role:Role",
};

function ok(run: ProgramRun): ProgramRun {
    expect(run.error?.message).to.equal(undefined);
    return run;
}
const sourceVpceOf = (run: ProgramRun, name: string) =>
    JSON.parse(String(one(run, TYPES.resourcePolicy, name).inputs.policy)).Statement[0].Condition
        .StringNotEqualsIfExists["aws:SourceVpce"];
const urnsOf = (run: ProgramRun, type: string) => ofType(run, type).map((r) => r.urn);

describe("topology: the all-in-one stack (staging fixture)", function () {
    this.timeout(60_000);

    it("exports its environment, size and, on microVMs, compute { type: microvm }", async () => {
        const run = ok(await runStackOnce("staging"));
        expect(run.outputs).to.deep.include({
            environment: "staging",
            sizing: { cpu: 1024, memory: 2048 },
            compute: { type: "microvm" },
        });
    });

    it("exports each runtime by its configured name with its ARN, ID, version, endpoints and artifact", async () => {
        const run = ok(await runStackOnce("staging"));
        const runtime = one(run, TYPES.runtime);
        const exported = (run.outputs as { runtimes: Record<string, Record<string, unknown>> }).runtimes;
        expect(Object.keys(exported)).to.deep.equal(["support_agent"]);
        const arn = String(runtime.state.agentRuntimeArn);
        expect(exported.support_agent).to.deep.include({
            arn,
            id: runtime.state.agentRuntimeId,
            version: "1",
            endpoints: { qa: `${arn}/runtime-endpoint/qa` },
        });
        expect(exported.support_agent.artifact).to.include({ kind: "image" });
    });

    it("fences each runtime to the stack's own bedrock-agentcore endpoint", async () => {
        const run = ok(await runStackOnce("staging"));
        const endpointId = (run.outputs as { vpcEndpointIds: Record<string, string> }).vpcEndpointIds[
            "bedrock-agentcore"
        ];
        expect(endpointId).to.match(/^vpce-/);
        expect(sourceVpceOf(run, "support_agent-resource-policy")).to.equal(endpointId);
    });

    it("the runtime waits for its role policy, artifact access and the stack's endpoints; tracing names the environment", async () => {
        const run = ok(await runStackOnce("staging"));
        const runtime = one(run, TYPES.runtime);
        expect(runtime.dependencies).to.include.members([
            one(run, TYPES.rolePolicy, "execution-policy").urn,
            one(run, TYPES.rolePolicy, "support_agent-access").urn,
            ...urnsOf(run, "aws:ec2/vpcEndpoint:VpcEndpoint"),
        ]);
        expect(runtime.inputs.environmentVariables).to.deep.include({
            AGENT_OBSERVABILITY_ENABLED: "true",
            OTEL_RESOURCE_ATTRIBUTES: "service.name=support_agent_staging,deployment.environment=staging",
        });
    });

    it("monitors the qa endpoint beside DEFAULT, and a stack without secrets has no secrets component", async () => {
        const run = ok(await runStackOnce("staging"));
        const alarm = one(run, "aws:cloudwatch/metricAlarm:MetricAlarm", "support_agent-SystemErrors");
        const names = (alarm.inputs.metricQueries as { metric?: { dimensions: { Name: string } } }[])
            .filter((q) => q.metric !== undefined)
            .map((q) => q.metric!.dimensions.Name);
        expect(names).to.deep.equal(["support_agent_staging::DEFAULT", "support_agent_staging::qa"]);
        expect(run.resources.filter((r) => r.type.startsWith("agentcore:secrets:"))).to.deep.equal([]);
    });

    it("the deployer guardrail names the stack's subnets and runtime security group, and denies any capacity provider", async () => {
        const run = ok(await runStackOnce("staging"));
        const outputs = run.outputs as {
            agentSubnetIds: string[];
            runtimeSecurityGroupId: string;
            deployerGuardrailPolicy: string;
        };
        const document = JSON.parse(outputs.deployerGuardrailPolicy);
        expect(document.Statement.map((s: { Sid: string }) => s.Sid)).to.deep.equal([
            "DenyRuntimeOutsideStackSubnets",
            "DenyRuntimeWithoutSubnets",
            "DenyRuntimeOutsideStackSecurityGroups",
            "DenyRuntimeWithoutSecurityGroups",
            "DenyAnyCapacityProvider",
        ]);
        expect(
            document.Statement[0].Condition["ForAnyValue:StringNotEquals"]["bedrock-agentcore:subnets"],
        ).to.have.members(outputs.agentSubnetIds);
        expect(
            document.Statement[2].Condition["ForAnyValue:StringNotEquals"]["bedrock-agentcore:securityGroups"],
        ).to.deep.equal([outputs.runtimeSecurityGroupId]);
    });
});

describe("topology: an all-in-one stack of two runtimes (development fixture)", function () {
    this.timeout(60_000);
    // One runtime runs another account's image and reads a secret; the other runs code behind a
    // private identity provider reached through the managed path.
    const SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:agents/crm-api-key-AbC123";
    const runtimes = [
        {
            name: "image_agent",
            containerUri:
                "210987654321.dkr.ecr.us-east-1.amazonaws.com/agents/shared-agent@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            secrets: { CRM_API_KEY_SECRET_ARN: { arn: SECRET } },
        },
        {
            name: "code_agent",
            code: { path: "agents/support-agent/dist", runtime: "NODE_22", entryPoint: ["main.js"] },
            authorizer: {
                discoveryUrl: "https://idp.internal.example.com/realms/agents/.well-known/openid-configuration",
                allowedAudience: ["agents"],
                privateEndpoint: { managed: {} },
            },
        },
    ];
    const render = async () => ok(await runStackOnce("development", { runtimes: JSON.stringify(runtimes) }));

    it("the ECR endpoints admit the other account's repository of the configured image, beside this account's", async () => {
        const run = await render();
        const ecr = run.resources.filter(
            (r) =>
                r.type === "aws:ec2/vpcEndpoint:VpcEndpoint" && /\.ecr\.(api|dkr)$/.test(String(r.inputs.serviceName)),
        );
        expect(ecr).to.have.length(2);
        for (const endpoint of ecr) {
            expect(JSON.parse(String(endpoint.inputs.policy)).Statement[0].Resource).to.deep.equal([
                "arn:aws:ecr:us-east-1:123456789012:repository/*",
                "arn:aws:ecr:us-east-1:210987654321:repository/agents/shared-agent",
            ]);
        }
    });

    it("only the runtime with secrets gets its secret's ARN", async () => {
        const run = await render();
        expect(one(run, TYPES.runtime, "image_agent-runtime").inputs.environmentVariables).to.deep.equal({
            CRM_API_KEY_SECRET_ARN: SECRET,
        });
        expect(one(run, TYPES.runtime, "code_agent-runtime").inputs.environmentVariables).to.equal(undefined);
    });

    it("the managed identity-provider path runs in the stack's VPC and subnets with the identity-provider security group", async () => {
        const run = await render();
        const outputs = run.outputs as {
            vpcId: string;
            agentSubnetIds: string[];
            identityProviderSecurityGroupId: string;
        };
        const authorizer = one(run, TYPES.runtime, "code_agent-runtime").inputs.authorizerConfiguration as {
            customJwtAuthorizer: { privateEndpoint: { managedVpcResource: Record<string, unknown> } };
        };
        expect(outputs.identityProviderSecurityGroupId).to.match(/^sg-/);
        expect(authorizer.customJwtAuthorizer.privateEndpoint.managedVpcResource).to.deep.include({
            vpcIdentifier: outputs.vpcId,
            subnetIds: outputs.agentSubnetIds,
            securityGroupIds: [outputs.identityProviderSecurityGroupId],
        });
    });
});

describe("topology: the all-in-one stack on Instances", function () {
    this.timeout(60_000);

    it("asks EC2 for the configured AZ IDs (no subnet lookup) and exports compute with the provider's ARN", async () => {
        const run = ok(await runStackOnce("staging", INSTANCES));
        expect(run.invokes.filter((i) => i.token === SUBNET_LOOKUP)).to.deep.equal([]);
        expect(run.invokes.filter((i) => i.token === OFFERINGS).map((i) => i.inputs)).to.deep.equal([
            {
                locationType: "availability-zone-id",
                filters: [
                    { name: "instance-type", values: ["c7g.medium", "m7g.medium", "r7g.medium"] },
                    { name: "location", values: ["use1-az1", "use1-az2"] },
                ],
            },
        ]);
        expect((run.outputs as { compute: unknown }).compute).to.deep.equal({
            type: "instances",
            capacityProviderArn: one(run, TYPES.provider).state.arn,
            instanceTypes: ["c7g.medium", "m7g.medium", "r7g.medium"],
        });
    });

    it("has no per-session insights: a session is a whole instance (no usage rules, no per-session alarms)", async () => {
        const run = ok(await runStackOnce("staging", INSTANCES));
        expect(ofType(run, "aws:cloudwatch/contributorInsightRule:ContributorInsightRule")).to.deep.equal([]);
        expect((run.outputs as { alarmNames: string[] }).alarmNames).to.deep.equal([
            "agentcore-staging-support_agent-SystemErrors",
            "agentcore-staging-support_agent-Throttles",
            "agentcore-staging-support_agent-UserErrorRate",
            "agentcore-staging-support_agent-LatencyP99",
        ]);
    });

    it("a persistent volume: the runtime mounts it, the stack key admits the operator role for EBS", async () => {
        const run = ok(
            await runStackOnce("staging", {
                ...INSTANCES,
                instanceVolumes: JSON.stringify([{ name: "workspace", sizeGiB: 20 }]),
            }),
        );
        expect(one(run, TYPES.runtime).inputs.filesystemConfigurations).to.deep.equal([
            { capacityProviderVolume: { volumeName: "workspace", mountPath: "/mnt/workspace" } },
        ]);
        expect(one(run, TYPES.key).inputs.description).to.equal(
            "AgentCore staging: VPC flow logs, runtime log groups (application, usage), alarm SNS topic, ECR image repositories, S3 code bucket, Secrets Manager secrets, Instances persistent EBS volumes",
        );
        // Near miss: without volumes the key is the microVM stack's, and the runtime mounts nothing.
        const bare = ok(await runStackOnce("staging", INSTANCES));
        expect(one(bare, TYPES.key).inputs.description).to.equal(
            "AgentCore staging: VPC flow logs, runtime log groups (application, usage), alarm SNS topic, ECR image repositories, S3 code bucket, Secrets Manager secrets",
        );
        expect(one(bare, TYPES.runtime).inputs.filesystemConfigurations).to.equal(undefined);
    });

    it("adopting a VPC, the zones are looked up from the adopted subnets", async () => {
        const run = ok(
            await shared("topology: adopted VPC on Instances", () =>
                runStack(
                    "development",
                    {
                        ...INSTANCES,
                        vpcId: "vpc-0a1b2c3d4e5f60718",
                        subnetIds: JSON.stringify(["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]),
                        routeTableIds: JSON.stringify(["rtb-0a1b2c3d4e5f60718"]),
                        availabilityZoneIds: "[]",
                    },
                    FIXTURES_ROOT,
                    FIXTURE_SOURCE_ROOT,
                ),
            ),
        );
        expect(run.invokes.filter((i) => i.token === SUBNET_LOOKUP).map((i) => i.inputs.id)).to.include.members([
            "subnet-0a1b2c3d4e5f60718",
            "subnet-0f1e2d3c4b5a69788",
        ]);
        const asked = run.invokes.filter((i) => i.token === OFFERINGS).map((i) => i.inputs);
        expect(asked).to.have.length(1);
        expect(asked[0].filters).to.deep.equal([
            { name: "instance-type", values: ["c7g.medium", "m7g.medium", "r7g.medium"] },
            // The mock account's zones of the two adopted subnets.
            { name: "location", values: ["use1-az4", "use1-az1"] },
        ]);
    });
});

describe("topology: the agent stack on Instances (agents-code)", function () {
    this.timeout(60_000);

    it("exports its kind, network stack, environment, size and the network stack's VPC", async () => {
        const run = ok(await agentStackOnInstances());
        expect(run.outputs).to.deep.include({
            stackKind: "agent",
            networkStack: NETWORK_STACK,
            environment: "development",
            sizing: { cpu: 1024, memory: 2048 },
            vpcId: NETWORK_OUTPUTS.vpcId,
        });
    });

    it("looks the zones up from the network stack's subnets and asks EC2 for exactly those", async () => {
        const run = ok(await agentStackOnInstances());
        expect(run.invokes.filter((i) => i.token === SUBNET_LOOKUP).map((i) => i.inputs)).to.deep.equal([
            { id: "subnet-0a1b2c3d4e5f60718" },
            { id: "subnet-0f1e2d3c4b5a69788" },
        ]);
        expect(run.invokes.filter((i) => i.token === OFFERINGS).map((i) => i.inputs)).to.deep.equal([
            {
                locationType: "availability-zone-id",
                filters: [
                    { name: "instance-type", values: ["c7g.medium", "m7g.medium", "r7g.medium"] },
                    // The mock account's zones of the two network-stack subnets.
                    { name: "location", values: ["use1-az4", "use1-az1"] },
                ],
            },
        ]);
    });

    it("fences the runtime to the network stack's bedrock-agentcore endpoint", async () => {
        const run = ok(await agentStackOnInstances());
        expect(sourceVpceOf(run, "code_agent-resource-policy")).to.equal("vpce-0a1b2c3d4e5f60718");
    });

    it("the operator role is named for the provider, attached before it; the runtime runs on it after its policies", async () => {
        const run = ok(await agentStackOnInstances());
        const role = one(run, TYPES.role, "operator-role");
        expect(role.inputs.description).to.equal("AgentCore Instances operator role (agents_agents_code)");
        const provider = one(run, TYPES.provider);
        expect(provider.inputs.permissionsConfiguration).to.deep.equal({
            capacityProviderOperatorRoleArn: role.state.arn,
        });
        expect(one(run, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").inputs.role).to.equal(role.state.name);
        const runtime = one(run, TYPES.runtime);
        expect(runtime.inputs.capacityProviderConfiguration).to.deep.equal({ capacityProviderArn: provider.state.arn });
        expect(runtime.dependencies).to.include.members([
            provider.urn,
            one(run, TYPES.rolePolicy, "execution-policy").urn,
            one(run, TYPES.rolePolicy, "code_agent-access").urn,
        ]);
        expect((run.outputs as { compute: unknown }).compute).to.deep.equal({
            type: "instances",
            capacityProviderArn: provider.state.arn,
            instanceTypes: ["c7g.medium", "m7g.medium", "r7g.medium"],
        });
        // No volume: the stack key does not name the operator role's EBS use.
        expect(String(one(run, TYPES.key).inputs.description)).to.not.contain("EBS");
    });

    it("the deployer guardrail admits only the stack's own capacity provider", async () => {
        const run = ok(await agentStackOnInstances());
        const document = JSON.parse(
            String((run.outputs as { deployerGuardrailPolicy: string }).deployerGuardrailPolicy),
        );
        expect(document.Statement.at(-1)).to.deep.equal({
            Sid: "DenyCapacityProviderOutsideStack",
            Effect: "Deny",
            Action: [
                "bedrock-agentcore:PassCapacityProvider",
                "bedrock-agentcore:UpdateCapacityProvider",
                "bedrock-agentcore:DeleteCapacityProvider",
            ],
            NotResource: "arn:aws:bedrock-agentcore:us-east-1:123456789012:capacity-provider/agents_agents_code-*",
        });
    });
});

describe("topology: the network stack", function () {
    this.timeout(60_000);
    const ROOT = path.join(FIXTURES_ROOT, "topology");

    it("adopting a VPC, it exports the adopted VPC's CIDR as EC2 reports it, not its own vpcCidr", async () => {
        const run = ok(
            await runStack(
                "network",
                {
                    vpcId: "vpc-0a1b2c3d4e5f60718",
                    subnetIds: JSON.stringify(["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]),
                    routeTableIds: JSON.stringify(["rtb-0a1b2c3d4e5f60718"]),
                    availabilityZoneIds: "[]",
                },
                ROOT,
                FIXTURE_SOURCE_ROOT,
                {},
            ),
        );
        expect(run.invokes.filter((i) => i.token === "aws:ec2/getVpc:getVpc").map((i) => i.inputs)).to.deep.equal([
            { id: "vpc-0a1b2c3d4e5f60718" },
        ]);
        // The mock account's adopted VPC is a 10.0.0.0/16; the fixture's own vpcCidr is 10.40.0.0/16.
        expect((run.outputs as { vpcCidr: string }).vpcCidr).to.equal("10.0.0.0/16");
    });

    it("its key is the production key of the network fixture: protected, retained, 30-day window, tagged", async () => {
        const run = ok(
            await shared("topology: network stack", () => runStack("network", {}, ROOT, FIXTURE_SOURCE_ROOT, {})),
        );
        const key = one(run, TYPES.key);
        expect(key.protect).to.equal(true);
        expect(key.retainOnDelete).to.equal(true);
        expect(key.inputs).to.deep.include({
            deletionWindowInDays: 30,
            description:
                "AgentCore production: VPC flow logs, runtime log groups (application, usage), alarm SNS topic, ECR image repositories, S3 code bucket, Secrets Manager secrets",
        });
    });
});
