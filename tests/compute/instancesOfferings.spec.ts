/**
 * Deploy-time truth for the instance catalogue: at preview and up the capacity provider asks
 * EC2 (DescribeInstanceTypeOfferings, location type availability-zone-id) whether every
 * allowed type is offered in every one of the stack's AZ IDs, and stops with an error naming
 * the type and the zone when one is not. Offline, the mocks answer; a run can say which
 * (type, zone) the mock account lacks. Literals: the fixture staging stack chooses
 * c7g.medium, m7g.medium, r7g.medium (1 vCPU / 2 GiB) in use1-az1 and use1-az2.
 */
import { expect } from "chai";
import { agentStackOnInstances } from "./agentStackOnInstances";
import { offeringProblem, unofferedInstanceTypes } from "../../src/compute/offerings";
import { runStack } from "../../src/plan/offline/runProgram";
import { FIXTURES_ROOT, FIXTURE_SOURCE_ROOT } from "../helpers";

const OFFERINGS_TOKEN = "aws:ec2/getInstanceTypeOfferings:getInstanceTypeOfferings";

function stagingOnInstances(unoffered?: Record<string, string[]>) {
    return runStack(
        "staging",
        { computeType: "instances" },
        FIXTURES_ROOT,
        FIXTURE_SOURCE_ROOT,
        undefined,
        [],
        unoffered,
    );
}

describe("Instances: instance type offerings per AZ ID", function () {
    this.timeout(60_000);

    it("names each missing (type, AZ ID) and the types offered everywhere", () => {
        const offerings = {
            instanceTypes: ["c7g.large", "c7g.large", "m7g.large"],
            locations: ["use1-az1", "use1-az2", "use1-az1"],
        };
        expect(unofferedInstanceTypes(["c7g.large", "m7g.large"], ["use1-az1", "use1-az2"], offerings)).to.deep.equal([
            { instanceType: "m7g.large", availabilityZoneId: "use1-az2" },
        ]);
        expect(offeringProblem(["c7g.large", "m7g.large"], ["use1-az1", "use1-az2"], offerings)).to.equal(
            "instanceTypes: m7g.large is not offered in use1-az2 (EC2 DescribeInstanceTypeOfferings by availability-zone-id); " +
                "the capacity provider launches in every one of the stack's AZ IDs (use1-az1, use1-az2), so each allowed type must be offered in all of them: " +
                "list only types offered everywhere (e.g. instanceTypes: [c7g.large]) or choose other availabilityZoneIds",
        );
        // Near miss: every type in every zone.
        expect(offeringProblem(["c7g.large"], ["use1-az1", "use1-az2"], offerings)).to.equal(undefined);
    });

    it("lists each missing type with all its zones; with none offered everywhere, asks for other types", () => {
        const onlyR7g = { instanceTypes: ["r7g.large", "r7g.large"], locations: ["use1-az1", "use1-az2"] };
        expect(offeringProblem(["c7g.large", "m7g.large", "r7g.large"], ["use1-az1", "use1-az2"], onlyR7g)).to.equal(
            "instanceTypes: c7g.large is not offered in use1-az1, use1-az2; m7g.large is not offered in use1-az1, use1-az2 " +
                "(EC2 DescribeInstanceTypeOfferings by availability-zone-id); " +
                "the capacity provider launches in every one of the stack's AZ IDs (use1-az1, use1-az2), so each allowed type must be offered in all of them: " +
                "list only types offered everywhere (e.g. instanceTypes: [r7g.large]) or choose other availabilityZoneIds",
        );
        expect(offeringProblem(["c7g.large"], ["use1-az1", "use1-az2"], onlyR7g)).to.equal(
            "instanceTypes: c7g.large is not offered in use1-az1, use1-az2 (EC2 DescribeInstanceTypeOfferings by availability-zone-id); " +
                "the capacity provider launches in every one of the stack's AZ IDs (use1-az1, use1-az2), so each allowed type must be offered in all of them: " +
                "list other instanceTypes or choose other availabilityZoneIds",
        );
    });

    it("asks EC2 by zone ID for exactly the chosen types and the stack's AZ IDs; all offered, the stack plans", async () => {
        const run = await stagingOnInstances();
        expect(run.error).to.equal(undefined);
        const asked = run.invokes.filter((i) => i.token === OFFERINGS_TOKEN);
        expect(asked.map((i) => i.inputs)).to.deep.equal([
            {
                locationType: "availability-zone-id",
                filters: [
                    { name: "instance-type", values: ["c7g.medium", "m7g.medium", "r7g.medium"] },
                    { name: "location", values: ["use1-az1", "use1-az2"] },
                ],
            },
        ]);
    });

    it("stops with the type and the AZ ID when one type is missing from one zone", async () => {
        const run = await stagingOnInstances({ "m7g.medium": ["use1-az2"] });
        expect(run.error?.message).to.contain(
            "instanceTypes: m7g.medium is not offered in use1-az2 (EC2 DescribeInstanceTypeOfferings by availability-zone-id)",
        );
        expect(run.error?.message).to.contain("e.g. instanceTypes: [c7g.medium, r7g.medium]");
        // Near miss: the same type missing from a zone the stack does not use.
        const elsewhere = await stagingOnInstances({ "m7g.medium": ["use1-az4"] });
        expect(elsewhere.error).to.equal(undefined);
    });

    it("an agent stack looks its zones up from the network stack's subnets", async () => {
        const run = await agentStackOnInstances();
        expect(run.error).to.equal(undefined);
        const subnets = run.invokes.filter((i) => i.token === "aws:ec2/getSubnet:getSubnet").map((i) => i.inputs.id);
        expect(subnets).to.deep.equal(["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]);
        const asked = run.invokes.filter((i) => i.token === OFFERINGS_TOKEN);
        expect(asked).to.have.length(1);
    });

    it("near miss: a microVM stack asks nothing", async () => {
        const run = await runStack("staging", {}, FIXTURES_ROOT, FIXTURE_SOURCE_ROOT);
        expect(run.invokes.filter((i) => i.token === OFFERINGS_TOKEN)).to.deep.equal([]);
    });
});
