/**
 * The warnings a user sees when a stack adopts a VPC (docs/network.md "Adopting a VPC"): the
 * exact text, naming what changes for the workloads already there, and the keys an adopted VPC
 * ignores; and, for every condition, the near miss that gives no warning.
 */
import { expect } from "chai";
import type { NetworkConfig } from "../../src/network/config";
import { adoptedEndpointsWarning, ignoredNetworkKeysWarning } from "../../src/network/adoptionWarning";

const ADOPTED: NetworkConfig = {
    mode: "existing",
    vpcCidr: "10.0.0.0/16",
    agentSubnetCidrs: ["10.0.4.0/24", "10.0.5.0/24"],
    availabilityZoneIds: [],
    existingVpc: {
        vpcId: "vpc-0a1b2c3d4e5f60718",
        subnetIds: ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
        routeTableIds: ["rtb-0a1b2c3d4e5f60718", "rtb-0f1e2d3c4b5a69788"],
    },
    createEndpoints: true,
    endpointServices: ["bedrock-runtime", "sts"],
    endpointClientCidrs: [],
    ignoredKeys: [],
};

describe("network: the adopted-endpoints warning", () => {
    it("names the VPC, every private-DNS service this stack's endpoints take over, and every route table", () => {
        const expected =
            "Adopting vpc-0a1b2c3d4e5f60718 with createEndpoints: true changes it for every workload already in it: " +
            "private DNS of bedrock-agentcore, bedrock-agentcore.gateway, ecr.api, ecr.dkr, logs, bedrock-runtime, sts then resolves to this stack's endpoints " +
            "(a second private-DNS endpoint for one of them in this VPC fails to create), so their calls pass these endpoint policies " +
            "(principals and resources of this account or organization only); and the S3 gateway endpoint adds an S3 prefix-list route to " +
            "rtb-0a1b2c3d4e5f60718, rtb-0f1e2d3c4b5a69788, so S3 traffic from those subnets passes its policy too. " +
            "See docs/network.md#adopting-a-vpc.";
        expect(adoptedEndpointsWarning(ADOPTED, "eu-west-1")).to.equal(expected);
        // The region names no service in the text: the default region gives the same words.
        expect(adoptedEndpointsWarning(ADOPTED)).to.equal(expected);
    });

    it("near misses: a created VPC, endpoints owned by another stack, or no adopted VPC give no warning", () => {
        expect(adoptedEndpointsWarning({ ...ADOPTED, mode: "create" })).to.equal(undefined);
        expect(adoptedEndpointsWarning({ ...ADOPTED, createEndpoints: false, endpointServices: [] })).to.equal(
            undefined,
        );
        expect(adoptedEndpointsWarning({ ...ADOPTED, existingVpc: undefined })).to.equal(undefined);
    });
});

describe("network: the ignored-keys warning", () => {
    it("one key: names it with its value, in the singular", () => {
        expect(
            ignoredNetworkKeysWarning({ ...ADOPTED, ignoredKeys: [{ key: "vpcCidr", value: "10.10.0.0/16" }] }),
        ).to.equal(
            'vpcCidr "10.10.0.0/16" is ignored: this stack adopts vpc-0a1b2c3d4e5f60718, whose CIDR and subnets are its own ' +
                "(subnetIds). Remove it from the stack file, or unset vpcId, subnetIds and routeTableIds to create a VPC with it.",
        );
    });

    it("two keys: names both with their values, in the plural", () => {
        expect(
            ignoredNetworkKeysWarning({
                ...ADOPTED,
                ignoredKeys: [
                    { key: "vpcCidr", value: "10.10.0.0/16" },
                    { key: "agentSubnetCidrs", value: ["10.10.4.0/24", "10.10.5.0/24"] },
                ],
            }),
        ).to.equal(
            'vpcCidr "10.10.0.0/16" and agentSubnetCidrs ["10.10.4.0/24","10.10.5.0/24"] are ignored: this stack adopts ' +
                "vpc-0a1b2c3d4e5f60718, whose CIDR and subnets are its own (subnetIds). Remove them from the stack file, " +
                "or unset vpcId, subnetIds and routeTableIds to create a VPC with them.",
        );
    });

    it("near misses: nothing ignored, or a created VPC (whose CIDR keys are used), give no warning", () => {
        expect(ignoredNetworkKeysWarning(ADOPTED)).to.equal(undefined);
        expect(
            ignoredNetworkKeysWarning({
                ...ADOPTED,
                mode: "create",
                ignoredKeys: [{ key: "vpcCidr", value: "10.10.0.0/16" }],
            }),
        ).to.equal(undefined);
    });
});
