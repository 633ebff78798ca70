/**
 * The plan's cost lines for an Instances session: instance-hours at the EC2 On-Demand rate of
 * the cheapest allowed type, AgentCore's management fee (12 %, 7.8 % for G-series) and EBS gp3
 * per GiB-month, each an estimate. Literals: Amazon EC2 On-Demand pricing, Linux, us-east-1
 * (c7g.medium $0.0363/h, m7g.large $0.0816/h, c7g.large $0.0725/h); EBS pricing (gp3
 * $0.08/GiB-month); the AgentCore pricing page (fee 12 %, 7.8 % G-series).
 */
import { expect } from "chai";
import { CostInputs, costInputsFromResources, estimateCost, managementFee } from "../../src/plan/cost";
import { runStackOnce } from "../helpers";

const BASE: CostInputs = {
    region: "us-east-1",
    interfaceEndpoints: [],
    gatewayEndpoints: 0,
    kmsKeys: 0,
    alarms: [],
    compositeAlarms: 0,
    dashboards: 0,
    logGroups: [],
};

const instanceLines = (inputs: CostInputs) =>
    estimateCost(inputs)
        .lines.filter((l) => l.item.startsWith("Instances:"))
        .map((l) => [l.unit, l.quantity, l.unitPrice, l.monthly, l.basis]);

describe("Instances: cost lines", function () {
    this.timeout(60_000);

    it("staging on Instances: 243.2 instance-hours of c7g.medium, the 12 % fee, each an estimate", async () => {
        const run = await runStackOnce("staging", { computeType: "instances" });
        const inputs = costInputsFromResources(run.resources, "us-east-1");
        expect(inputs.instanceRuntimes).to.equal(1);
        // 1 runtime × 8 session-hours/day × 30.4 days = 243.2 h; × $0.0363 = $8.83; 12 % of it = $1.06.
        expect(instanceLines(inputs)).to.deep.equal([
            ["instance-hour", 243.2, 0.0363, 8.83, "assumption"],
            ["USD of instance-hours", 8.83, 0.12, 1.06, "assumption"],
        ]);
        const items = estimateCost(inputs).lines.map((l) => l.item);
        expect(items.filter((i) => i.startsWith("Instances:")).every((i) => /estimate\)$/.test(i))).to.equal(true);
        expect(items).to.include(
            "Instances: 1 runtime × assumed 8 session-hours/day on c7g.medium (EC2 On-Demand, estimate)",
        );
    });

    it("prices the cheapest allowed type, and gp3 volumes per GiB-month per runtime", () => {
        const lines = instanceLines({
            ...BASE,
            instanceTypes: ["m7g.large", "c7g.large"],
            instanceRuntimes: 2,
            instanceVolumeGiB: 20,
        });
        // 2 × 8 × 30.4 = 486.4 h × $0.0725 = $35.26; 12 % = $4.23; 2 × 20 GiB × $0.08 = $3.20.
        expect(lines).to.deep.equal([
            ["instance-hour", 486.4, 0.0725, 35.26, "assumption"],
            ["USD of instance-hours", 35.26, 0.12, 4.23, "assumption"],
            ["GiB-month", 40, 0.08, 3.2, "assumption"],
        ]);
    });

    it("the fee is 7.8 % for G-series, 12 % otherwise", () => {
        expect(managementFee("g5.xlarge")).to.equal(0.078);
        expect(managementFee("m7g.large")).to.equal(0.12);
    });

    it("near misses: no Instances lines on microVMs, or without a runtime on the provider", async () => {
        const microvm = costInputsFromResources((await runStackOnce("staging")).resources, "us-east-1");
        expect(instanceLines(microvm)).to.deep.equal([]);
        expect(instanceLines({ ...BASE, instanceTypes: ["c7g.medium"], instanceRuntimes: 0 })).to.deep.equal([]);
    });
});
