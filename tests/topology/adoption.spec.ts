/**
 * Adopting a VPC whose endpoints the stack would take over: the warning names what changes for
 * the workloads already there, and the all-in-one stack then uses the data perimeter.
 */
import { expect } from "chai";
import { adoptedEndpointsWarning, ignoredNetworkKeysWarning } from "../../src/network/adoptionWarning";
import { validateConfig } from "../../src/config";
import { configProblems, rawStack, runFixtureStack, runStackOnce } from "../helpers";

const EXISTING = {
    vpcId: "vpc-0a1b2c3d4e5f60718",
    subnetIds: ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
    routeTableIds: ["rtb-0a1b2c3d4e5f60718"],
    availabilityZoneIds: undefined,
};

describe("topology: adopting a VPC", function () {
    this.timeout(60000);

    it("warns, naming the private-DNS services and the route tables that change", () => {
        const config = validateConfig(rawStack("development", EXISTING));
        expect(adoptedEndpointsWarning(config.network, "us-east-1")).to.equal(
            "Adopting vpc-0a1b2c3d4e5f60718 with createEndpoints: true changes it for every workload already in it: " +
                "private DNS of bedrock-agentcore, bedrock-agentcore.gateway, ecr.api, ecr.dkr, logs, bedrock-runtime then resolves to this stack's endpoints " +
                "(a second private-DNS endpoint for one of them in this VPC fails to create), so their calls pass these endpoint policies " +
                "(principals and resources of this account or organization only); and the S3 gateway endpoint adds an S3 prefix-list route to " +
                "rtb-0a1b2c3d4e5f60718, so S3 traffic from those subnets passes its policy too. See docs/network.md#adopting-a-vpc.",
        );
    });

    it("near misses: no warning for a created VPC, nor for an adopted one whose endpoints another stack owns", () => {
        expect(adoptedEndpointsWarning(validateConfig(rawStack("development")).network)).to.equal(undefined);
        const shared = validateConfig(
            rawStack("development", { ...EXISTING, createEndpoints: "false", endpointServices: [] }),
        );
        expect(adoptedEndpointsWarning(shared.network)).to.equal(undefined);
    });

    it("an all-in-one stack adopting a VPC fences bedrock-runtime by perimeter, not by its own models", async () => {
        const run = await runStackOnce("development", {
            vpcId: EXISTING.vpcId,
            subnetIds: JSON.stringify(EXISTING.subnetIds),
            routeTableIds: JSON.stringify(EXISTING.routeTableIds),
            availabilityZoneIds: "[]",
        });
        expect(run.error?.message).to.equal(undefined);
        const endpoint = run.resources.find(
            (r) =>
                r.type === "aws:ec2/vpcEndpoint:VpcEndpoint" &&
                String(r.inputs.serviceName).endsWith(".bedrock-runtime"),
        );
        const sids = JSON.parse(String(endpoint?.inputs.policy)).Statement.map((s: { Sid: string }) => s.Sid);
        expect(sids).to.deep.equal(["PerimeterPrincipalsToFoundationModels", "PerimeterPrincipalsToPerimeterModels"]);
        // Near miss: the created-VPC development stack keeps its own model list.
        const own = (await runStackOnce("development")).resources.find(
            (r) =>
                r.type === "aws:ec2/vpcEndpoint:VpcEndpoint" &&
                String(r.inputs.serviceName).endsWith(".bedrock-runtime"),
        );
        expect(JSON.parse(String(own?.inputs.policy)).Statement.map((s: { Sid: string }) => s.Sid)).to.deep.equal([
            "AccountCallersInvokeConfiguredModels",
        ]);
    });
});

describe("topology: keys an adopted VPC ignores", function () {
    this.timeout(60000);
    // The declared defaults (Pulumi.yaml): vpcCidr 10.0.0.0/16, agentSubnetCidrs 10.0.4.0/24, 10.0.5.0/24.
    const DEFAULTS = { vpcCidr: "10.0.0.0/16", agentSubnetCidrs: ["10.0.4.0/24", "10.0.5.0/24"] };
    const adopted = (overrides: Record<string, unknown>) => rawStack("development", { ...EXISTING, ...overrides });

    it("warns naming vpcCidr and agentSubnetCidrs with their values, and reports no problem", () => {
        const raw = adopted({ vpcCidr: "10.10.0.0/16", agentSubnetCidrs: ["10.10.4.0/24", "10.10.5.0/24"] });
        expect(configProblems(raw)).to.deep.equal([]);
        expect(ignoredNetworkKeysWarning(validateConfig(raw).network)).to.equal(
            'vpcCidr "10.10.0.0/16" and agentSubnetCidrs ["10.10.4.0/24","10.10.5.0/24"] are ignored: this stack adopts ' +
                "vpc-0a1b2c3d4e5f60718, whose CIDR and subnets are its own (subnetIds). Remove them from the stack file, " +
                "or unset vpcId, subnetIds and routeTableIds to create a VPC with them.",
        );
    });

    it("names only the key that differs from its default", () => {
        const cidrOnly = validateConfig(adopted({ ...DEFAULTS, vpcCidr: "172.16.0.0/16" })).network;
        expect(ignoredNetworkKeysWarning(cidrOnly)).to.match(/^vpcCidr "172\.16\.0\.0\/16" is ignored: .* Remove it /);
        const subnetsOnly = validateConfig(
            adopted({ ...DEFAULTS, agentSubnetCidrs: ["10.0.8.0/24", "10.0.9.0/24"] }),
        ).network;
        expect(ignoredNetworkKeysWarning(subnetsOnly)).to.match(
            /^agentSubnetCidrs \["10\.0\.8\.0\/24","10\.0\.9\.0\/24"\] is ignored/,
        );
    });

    it("no knock-on errors: values create mode would refuse (public, host bits, outside the VPC) are only ignored", () => {
        const raw = adopted({ vpcCidr: "8.8.0.0/16", agentSubnetCidrs: ["10.99.4.1/24"] });
        expect(configProblems(raw)).to.deep.equal([]);
        expect(ignoredNetworkKeysWarning(validateConfig(raw).network)).to.contain(
            'vpcCidr "8.8.0.0/16" and agentSubnetCidrs',
        );
        // Near miss: the same values in create mode are refused.
        expect(
            configProblems(rawStack("development", { vpcCidr: "8.8.0.0/16", agentSubnetCidrs: ["10.99.4.1/24"] })),
        ).to.have.length.greaterThan(0);
    });

    it("near misses: no warning with the defaults, nor for a created VPC with its own CIDR", () => {
        expect(ignoredNetworkKeysWarning(validateConfig(adopted(DEFAULTS)).network)).to.equal(undefined);
        expect(ignoredNetworkKeysWarning(validateConfig(rawStack("development")).network)).to.equal(undefined);
    });

    it("the network component logs the warning once, and the stack plans", async () => {
        const warnings: string[] = [];
        const original = console.warn;
        console.warn = (...parts: unknown[]) => void warnings.push(parts.map(String).join(" "));
        let run;
        try {
            run = await runFixtureStack("development", {
                vpcId: EXISTING.vpcId,
                subnetIds: JSON.stringify(EXISTING.subnetIds),
                routeTableIds: JSON.stringify(EXISTING.routeTableIds),
                availabilityZoneIds: "[]",
            });
        } finally {
            console.warn = original;
        }
        expect(run.error?.message).to.equal(undefined);
        expect(warnings.filter((w) => w.includes("ignored: this stack adopts"))).to.deep.equal([
            'warning: [runtime] vpcCidr "10.10.0.0/16" and agentSubnetCidrs ["10.10.4.0/24","10.10.5.0/24"] are ignored: ' +
                "this stack adopts vpc-0a1b2c3d4e5f60718, whose CIDR and subnets are its own (subnetIds). Remove them from " +
                "the stack file, or unset vpcId, subnetIds and routeTableIds to create a VPC with them.",
        ]);
    });
});
