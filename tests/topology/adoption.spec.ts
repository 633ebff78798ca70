/**
 * Adopting a VPC whose endpoints the stack would take over: the warning names what changes for
 * the workloads already there, and the all-in-one stack then uses the data perimeter.
 */
import { expect } from "chai";
import { adoptedEndpointsWarning } from "../../src/network/adoptionWarning";
import { validateConfig } from "../../src/config";
import { rawStack, runStackOnce } from "../helpers";

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
