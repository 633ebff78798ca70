/**
 * The capacity provider rules (policy/rules/capacityProvider.ts) run the way the engine runs
 * them. agentcore-capacity-provider-private: an Instances capacity provider
 * (AWS::BedrockAgentCore::CapacityProvider, ../shared/AGENTCORE.md "Instances compute type")
 * launches in vpcConfiguration.subnets (1-16) with securityGroups (1-16), and no EBS volume,
 * root or one of volumes (at most 5), sets encrypted: false (EBS encrypts by default).
 * agentcore-capacity-provider-in-agent-subnets: the stack-level near misses of the subnets it
 * may use.
 */
import { expect } from "chai";
import { StackValidationPolicy } from "@pulumi/policy";
import { capacityProviderInAgentSubnets, capacityProviderPrivate } from "../../policy/rules/capacityProvider";
import { stackArgs } from "../../src/plan/offline/evaluate";
import { RecordedResource } from "../../src/plan/offline/mocks";
import { recordedResource } from "../recordedResource";
import { reported } from "./reported";
import { UNKNOWN_ARRAY, UNKNOWN_BOOLEAN, UNKNOWN_OBJECT, UNKNOWN_STRING } from "./unknowns";

const PROVIDER = "aws-native:bedrockagentcore:CapacityProvider";
const SUBNET = "aws:ec2/subnet:Subnet";
const KEY = "arn:aws:kms:us-east-1:123456789012:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

const NO_EC2 =
    'CapacityProvider "subject" has no computeConfiguration.ec2Configuration: set its vpcConfiguration to the agent subnets and the runtime security group.';
const NO_SUBNET =
    'CapacityProvider "subject" launches instances in no subnet: set vpcConfiguration.subnets to the private agent subnets.';
const NO_SG =
    'CapacityProvider "subject" has no security group: set vpcConfiguration.securityGroups to the runtime security group.';
const ROOT_UNENCRYPTED =
    'CapacityProvider "subject" has an unencrypted root volume: remove rootVolume.encrypted: false (or set it true with the stack key).';
const volumeUnencrypted = (i: number, name: string) =>
    `CapacityProvider "subject" has an unencrypted volume volumes[${i}] (${name}): set encrypted true with kmsKeyId the stack key.`;

const vpcConfiguration = { subnets: ["subnet-0a", "subnet-0b"], securityGroups: ["sg-0runtime"] };
const ec2 = (overrides: Record<string, unknown> = {}) => ({
    name: "agents_staging",
    computeConfiguration: {
        ec2Configuration: {
            vpcConfiguration,
            rootVolume: { sizeInGiB: 30, encrypted: true, kmsKeyId: KEY },
            volumes: [{ ebsConfiguration: { name: "workspace", sizeInGiB: 100, encrypted: true, kmsKeyId: KEY } }],
            ...overrides,
        },
    },
});
const check = (props: object) => reported(capacityProviderPrivate, PROVIDER, props);

describe("pack: agentcore-capacity-provider-private", () => {
    it("is a mandatory, critical rule that reads only capacity providers", () => {
        expect(capacityProviderPrivate).to.include({
            name: "agentcore-capacity-provider-private",
            enforcementLevel: "mandatory",
            severity: "critical",
        });
        expect(reported(capacityProviderPrivate, "aws-native:bedrockagentcore:Runtime", {})).to.deep.equal([]);
    });

    it("passes a provider in subnets with a security group and encrypted volumes, and the defaults (no volumes)", () => {
        expect(check(ec2())).to.deep.equal([]);
        expect(check(ec2({ rootVolume: undefined, volumes: undefined }))).to.deep.equal([]);
        expect(
            check(ec2({ rootVolume: { sizeInGiB: 30 }, volumes: [{ ebsConfiguration: { name: "a" } }] })),
        ).to.deep.equal([]);
    });

    it("passes a compute configuration, a vpcConfiguration, subnets, security groups or volumes unknown during preview", () => {
        expect(check({ computeConfiguration: UNKNOWN_OBJECT })).to.deep.equal([]);
        expect(check(ec2({ vpcConfiguration: UNKNOWN_OBJECT }))).to.deep.equal([]);
        expect(
            check(ec2({ vpcConfiguration: { subnets: UNKNOWN_ARRAY, securityGroups: UNKNOWN_ARRAY } })),
        ).to.deep.equal([]);
        expect(
            check(ec2({ vpcConfiguration: { subnets: [UNKNOWN_STRING], securityGroups: [UNKNOWN_STRING] } })),
        ).to.deep.equal([]);
        expect(check(ec2({ volumes: UNKNOWN_ARRAY }))).to.deep.equal([]);
    });

    it("fails a provider without an EC2 configuration, with only that finding", () => {
        expect(check({ name: "agents_staging" })).to.deep.equal([NO_EC2]);
        expect(check({ computeConfiguration: {} })).to.deep.equal([NO_EC2]);
    });

    it("fails no subnet and no security group, each on its own and both when vpcConfiguration is missing", () => {
        expect(check(ec2({ vpcConfiguration: { ...vpcConfiguration, subnets: [] } }))).to.deep.equal([NO_SUBNET]);
        expect(check(ec2({ vpcConfiguration: { ...vpcConfiguration, securityGroups: [] } }))).to.deep.equal([NO_SG]);
        expect(check(ec2({ vpcConfiguration: { securityGroups: ["sg-0runtime"] } }))).to.deep.equal([NO_SUBNET]);
        expect(check(ec2({ vpcConfiguration: undefined }))).to.deep.equal([NO_SUBNET, NO_SG]);
    });

    it("near miss: one subnet and one security group (the lower bound, 1) pass", () => {
        expect(
            check(ec2({ vpcConfiguration: { subnets: ["subnet-0a"], securityGroups: ["sg-0runtime"] } })),
        ).to.deep.equal([]);
    });

    it("fails an unencrypted root volume, and each unencrypted volume by index and name", () => {
        expect(check(ec2({ rootVolume: { sizeInGiB: 30, encrypted: false } }))).to.deep.equal([ROOT_UNENCRYPTED]);
        expect(
            check(
                ec2({
                    volumes: [
                        { ebsConfiguration: { name: "workspace", encrypted: true, kmsKeyId: KEY } },
                        { ebsConfiguration: { name: "cache", encrypted: false } },
                        { ebsConfiguration: { name: "scratch", encrypted: false } },
                    ],
                }),
            ),
        ).to.deep.equal([volumeUnencrypted(1, "cache"), volumeUnencrypted(2, "scratch")]);
    });

    it("reports every problem of one provider together, in order", () => {
        expect(
            check(
                ec2({
                    vpcConfiguration: { subnets: [], securityGroups: [] },
                    rootVolume: { encrypted: false },
                    volumes: [{ ebsConfiguration: { name: "cache", encrypted: false } }],
                }),
            ),
        ).to.deep.equal([NO_SUBNET, NO_SG, ROOT_UNENCRYPTED, volumeUnencrypted(0, "cache")]);
    });

    it("near misses: encrypted unknown during preview, a volume without an EBS configuration", () => {
        expect(check(ec2({ rootVolume: { encrypted: UNKNOWN_BOOLEAN } }))).to.deep.equal([]);
        expect(check(ec2({ volumes: [{}, { ebsConfiguration: { name: "a", encrypted: true } }] }))).to.deep.equal([]);
    });

    it("reads past a volume that is no map (null, text), judging the volumes beside it by their own index", () => {
        expect(
            check(ec2({ volumes: [null, "gp3", { ebsConfiguration: { name: "cache", encrypted: false } }] })),
        ).to.deep.equal([volumeUnencrypted(2, "cache")]);
    });
});

describe("pack: agentcore-capacity-provider-in-agent-subnets, near misses", () => {
    const subnet = (name: string, mapPublicIpOnLaunch = false) =>
        recordedResource(SUBNET, name, { vpcId: "vpc-0a", cidrBlock: "10.0.1.0/24", mapPublicIpOnLaunch });
    const provider = (subnets: unknown, dependencies: string[], compute?: unknown) =>
        recordedResource(
            PROVIDER,
            "agents",
            {
                computeConfiguration: compute ?? {
                    ec2Configuration: { vpcConfiguration: { subnets, securityGroups: ["sg-0a"] } },
                },
            },
            { dependencies },
        );
    const validate = (resources: readonly RecordedResource[]) => {
        const found: string[] = [];
        (capacityProviderInAgentSubnets as StackValidationPolicy).validateStack(stackArgs([...resources]), (message) =>
            found.push(message),
        );
        return found;
    };
    const a = subnet("agent-a");
    const b = subnet("agent-b");

    it("passes a provider in the stack's own subnets, and subnets unknown during preview", () => {
        expect(validate([a, b, provider(["agent-a", "agent-b"], [a.urn, b.urn])])).to.deep.equal([]);
        expect(validate([a, b, provider([UNKNOWN_STRING, UNKNOWN_STRING], [a.urn, b.urn])])).to.deep.equal([]);
        expect(validate([a, b, provider(UNKNOWN_ARRAY, [])])).to.deep.equal([]);
    });

    it("does not count an unknown subnet ID as a foreign subnet", () => {
        expect(validate([a, provider(["agent-a", UNKNOWN_STRING], [a.urn])])).to.deep.equal([]);
    });

    it("counts the subnets beyond the stack's own", () => {
        expect(validate([a, provider(["agent-a", "subnet-0other1", "subnet-0other2"], [a.urn])])).to.deep.equal([
            `CapacityProvider "agents" launches in 2 subnet(s) that are not this stack's agent subnets: set vpcConfiguration.subnets to the agent subnets the stack creates.`,
        ]);
    });

    it("leaves a provider without a vpcConfiguration (or compute) to agentcore-capacity-provider-private", () => {
        expect(validate([a, provider(undefined, [], {})])).to.deep.equal([]);
        expect(validate([a, provider(undefined, [], { ec2Configuration: {} })])).to.deep.equal([]);
        expect(validate([a, recordedResource(PROVIDER, "agents", {})])).to.deep.equal([]);
    });

    it("judges only capacity providers: a runtime listing a foreign subnet is another rule's", () => {
        const runtime = recordedResource("aws-native:bedrockagentcore:Runtime", "rt", {
            computeConfiguration: { ec2Configuration: { vpcConfiguration: { subnets: ["subnet-0other1"] } } },
        });
        expect(validate([a, runtime])).to.deep.equal([]);
    });
});
