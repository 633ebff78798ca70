/**
 * What AgentNetwork decides beyond the rule table and the policy builders: the warnings a user
 * sees (tracing without an xray endpoint, an adopted VPC, ignored keys, secrets behind another
 * stack's endpoints) with their exact text and a near miss each; the secretsmanager endpoint a
 * runtime's secrets add; the policy input each endpoint's document is built from (the documents
 * themselves, literal, are tests/network/endpointPolicies.spec.ts's); the outputs a stack without
 * an identity-provider path gets; the refusal of an adopted mode with no adopted VPC.
 */
import { expect } from "chai";
import { AgentNetwork, AgentNetworkArgs } from "../../src/network/network";
import { endpointPolicy } from "../../src/network/vpcEndpointPolicies";
import { RuntimeConfig } from "../../src/config/types";
import type { NetworkConfig } from "../../src/network/config";
import { ProgramRun, configOf, ofType, one, promiseOf, runComponent } from "../helpers";

const ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
const KMS_KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9";
const SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:agents/crm-api-key-AbC123";
const ADOPTED = {
    vpcId: "vpc-0a1b2c3d4e5f60718",
    subnetIds: ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
    routeTableIds: ["rtb-0a1b2c3d4e5f60718"],
};

interface Built {
    readonly run: ProgramRun;
    readonly net?: AgentNetwork;
    /** Every pulumi.log.warn of the run, as the CLI-less SDK prints it. */
    readonly warnings: string[];
}

const development = configOf("development");
const [agent] = development.runtimes;
const withSecret: RuntimeConfig = {
    ...agent,
    name: "crm_agent",
    secrets: { CRM_API_KEY: { kind: "existing", arn: SECRET_ARN } },
};
const withoutSecret: RuntimeConfig = { ...agent, secrets: {} };

async function build(network: NetworkConfig, extra: Partial<AgentNetworkArgs> = {}): Promise<Built> {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...parts: unknown[]) => void warnings.push(parts.map(String).join(" "));
    let net: AgentNetwork | undefined;
    try {
        const run = await runComponent(() => {
            net = new AgentNetwork("agentcore-development", {
                network,
                region: "us-east-1",
                logRetentionDays: 30,
                kmsKeyArn: KMS_KEY_ARN,
                protect: false,
                tags: { project: "agentcore-private" },
                ...extra,
            });
        });
        return { run, net, warnings };
    } finally {
        console.warn = original;
    }
}

const adopted = (overrides: Partial<NetworkConfig> = {}): NetworkConfig => ({
    ...development.network,
    mode: "existing",
    availabilityZoneIds: [],
    existingVpc: ADOPTED,
    ...overrides,
});
const services = (b: Built) =>
    ofType(b.run, ENDPOINT).map((e) => String(e.inputs.serviceName).split(".").slice(3).join("."));
const policyOf = (b: Built, service: string) =>
    JSON.parse(String(one(b.run, ENDPOINT, `-vpce-${service.replace(/\./g, "-")}`).inputs.policy)) as unknown;

const TRACING_WARNING =
    'warning: [runtime] tracing is true and this stack creates the VPC endpoints, but endpointServices ["bedrock-runtime"] lacks "xray": ' +
    "the agents' OpenTelemetry spans go to https://xray.<region>.amazonaws.com/v1/traces, which a VPC without internet egress reaches only through the xray interface endpoint, " +
    'so they are dropped. Add it (endpointServices: ["bedrock-runtime","xray"]), or set tracing: false; ignore this only if the VPC has its own route to X-Ray.';
const SECRETS_WARNING =
    "warning: [runtime] runtimes read secrets, and another stack owns this VPC's endpoints (createEndpoints false): " +
    "that stack must have a secretsmanager interface endpoint, or the agents cannot read them";

describe("network: AgentNetwork, a created VPC with tracing and a runtime with secrets", () => {
    let b: Built;
    before(async () => {
        b = await build(development.network, { tracing: true, runtimes: [withoutSecret, withSecret] });
        if (b.run.error) {
            throw b.run.error;
        }
    });

    it("warns once, that tracing has no xray endpoint; nothing about secrets (this stack owns the endpoints)", () => {
        expect(b.warnings).to.deep.equal([TRACING_WARNING]);
    });

    it("adds the secretsmanager interface endpoint to the required and configured ones", () => {
        expect(services(b)).to.have.members([
            "bedrock-agentcore",
            "bedrock-agentcore.gateway",
            "ecr.api",
            "ecr.dkr",
            "logs",
            "bedrock-runtime",
            "secretsmanager",
            "s3",
        ]);
    });

    it("builds each endpoint's policy for this account, with no model, image or code bucket, outside the data perimeter", () => {
        // What AWS receives when nothing is configured: no model passes bedrock-runtime, and the
        // S3 gateway admits ECR's layer bucket only.
        expect(policyOf(b, "bedrock-runtime")).to.deep.equal({
            Version: "2012-10-17",
            Statement: [{ Sid: "NoModelsConfigured", Effect: "Deny", Principal: "*", Action: ["*"], Resource: "*" }],
        });
        expect(policyOf(b, "s3")).to.deep.equal({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "EcrImageLayers",
                    Effect: "Allow",
                    Principal: "*",
                    Action: ["s3:GetObject"],
                    Resource: "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*",
                },
            ],
        });
        const given = {
            partition: "aws",
            region: "us-east-1",
            accountId: "123456789012",
            modelArns: [],
            imageUris: [],
            codeBucketArns: [],
            organizationId: undefined,
            dataPerimeter: false,
        };
        for (const service of services(b)) {
            expect(policyOf(b, service), service).to.deep.equal(
                JSON.parse(JSON.stringify(endpointPolicy(service, given))),
            );
        }
    });

    it("outputs no identity-provider security group when no runtime has a managed private endpoint", async () => {
        expect(await promiseOf(b.net!.identityProviderSecurityGroupId)).to.equal("");
        expect(ofType(b.run, "aws:ec2/securityGroup:SecurityGroup").map((g) => g.name)).to.deep.equal([
            "agentcore-development-runtime-sg",
            "agentcore-development-endpoint-sg",
        ]);
    });

    it("describes the flow-log role by the component it serves", () => {
        expect(one(b.run, "aws:iam/role:Role", "-flow-logs-role").inputs.description).to.equal(
            "Delivers the VPC flow logs of agentcore-development to its log group",
        );
    });
});

describe("network: AgentNetwork warnings, near misses", () => {
    it("no warning without tracing, nor for a runtime without secrets; no secretsmanager endpoint then", async () => {
        const b = await build(development.network, { runtimes: [withoutSecret] });
        expect(b.run.error).to.equal(undefined);
        expect(b.warnings).to.deep.equal([]);
        expect(services(b)).not.to.include("secretsmanager");
        expect(services(b)).to.have.length(7);
    });

    it("an adopted VPC whose endpoints this stack creates: the adoption and ignored-keys warnings, in that order", async () => {
        const b = await build(adopted({ ignoredKeys: [{ key: "vpcCidr", value: "10.10.0.0/16" }] }));
        expect(b.run.error).to.equal(undefined);
        expect(b.warnings).to.deep.equal([
            "warning: [runtime] Adopting vpc-0a1b2c3d4e5f60718 with createEndpoints: true changes it for every workload already in it: " +
                "private DNS of bedrock-agentcore, bedrock-agentcore.gateway, ecr.api, ecr.dkr, logs, bedrock-runtime then resolves to this stack's endpoints " +
                "(a second private-DNS endpoint for one of them in this VPC fails to create), so their calls pass these endpoint policies " +
                "(principals and resources of this account or organization only); and the S3 gateway endpoint adds an S3 prefix-list route to " +
                "rtb-0a1b2c3d4e5f60718, so S3 traffic from those subnets passes its policy too. See docs/network.md#adopting-a-vpc.",
            'warning: [runtime] vpcCidr "10.10.0.0/16" is ignored: this stack adopts vpc-0a1b2c3d4e5f60718, whose CIDR and subnets are its own ' +
                "(subnetIds). Remove it from the stack file, or unset vpcId, subnetIds and routeTableIds to create a VPC with it.",
        ]);
    });

    it("secrets behind another stack's endpoints: warns that it needs a secretsmanager endpoint, when any runtime has secrets", async () => {
        const shared = adopted({ createEndpoints: false, endpointServices: [] });
        const b = await build(shared, { runtimes: [withoutSecret, withSecret] });
        expect(b.run.error).to.equal(undefined);
        expect(b.warnings).to.deep.equal([SECRETS_WARNING]);
        expect(ofType(b.run, ENDPOINT)).to.deep.equal([]);
        const none = await build(shared, { runtimes: [withoutSecret] });
        expect(none.warnings).to.deep.equal([]);
    });
});

describe("network: AgentNetwork refuses an adopted mode without the adopted VPC", () => {
    it("names the inconsistency rather than failing on a missing field", async () => {
        const b = await build(adopted({ existingVpc: undefined }));
        expect(b.run.error?.message).to.equal(
            "network.mode is existing but network.existingVpc is missing (config validation should have caught this)",
        );
    });
});
