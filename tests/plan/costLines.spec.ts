/**
 * Every cost line checked by value, against figures worked out by hand from the AWS list
 * prices (us-east-1): $0.01 per interface endpoint per AZ-hour over 730 hours, $1 per KMS
 * key, $0.10 per standard and $0.30 per high-resolution alarm metric, $0.50 per composite
 * alarm, $3 per dashboard, $0.03 per GB-month of logs, $0.50 per GB of vended flow logs.
 */
import { expect } from "chai";
import { CostInputs, estimateCost } from "../../src/plan/cost";

const inputs: CostInputs = {
    region: "us-east-1",
    interfaceEndpoints: ["bedrock-agentcore", "ecr.api", "ecr.dkr", "logs"].map((service) => ({ service, azCount: 2 })),
    gatewayEndpoints: 1,
    kmsKeys: 1,
    alarms: [
        { name: "a", metrics: 4, highResolution: false },
        { name: "b", metrics: 1, highResolution: true },
    ],
    compositeAlarms: 1,
    dashboards: 1,
    logGroups: [
        { name: "flow", retentionDays: 30, flowLogs: true },
        { name: "app", flowLogs: false },
    ],
};

describe("plan: every cost line by value", () => {
    it("prices each line from the list prices", () => {
        const estimate = estimateCost(inputs);
        expect(estimate.lines.map((l) => [l.item, l.quantity, l.unit, l.unitPrice, l.monthly, l.basis])).to.deep.equal([
            ["Interface endpoints (4 services × AZs = 8 endpoint-AZs × 730 h)", 5840, "AZ-hour", 0.01, 58.4, "list"],
            ["S3 gateway endpoint (free)", 1, "endpoint-month", 0, 0, "list"],
            ["KMS customer-managed key", 1, "key-month", 1, 1, "list"],
            [
                "CloudWatch standard alarms (2 alarms, billed per metric evaluated)",
                4,
                "alarm metric-month",
                0.1,
                0.4,
                "list",
            ],
            ["CloudWatch high-resolution alarm metrics", 1, "alarm metric-month", 0.3, 0.3, "list"],
            ["CloudWatch composite alarms", 1, "alarm-month", 0.5, 0.5, "list"],
            ["CloudWatch dashboards", 1, "dashboard-month", 3, 3, "list"],
            // 0.1 GB/day × 30 days + 0.1 GB/day × 365 days (never expires is priced as a year).
            ["Log storage, assumed 0.1 GB/day × retention in 2 log groups", 39.5, "GB-month", 0.03, 1.19, "assumption"],
            // 0.1 GB/day × 30.4 days.
            ["Flow-log ingestion, assumed 0.1 GB/day", 3.04, "GB", 0.5, 1.52, "assumption"],
        ]);
        expect([estimate.fixedMonthly, estimate.assumedMonthly, estimate.totalMonthly]).to.deep.equal([
            63.6, 2.71, 66.31,
        ]);
        expect([estimate.priceRegion, estimate.priceDate, estimate.regionMatches]).to.deep.equal([
            "us-east-1",
            "2025-06-01",
            true,
        ]);
    });

    it("leaves out lines with nothing to bill, and says singular when there is one", () => {
        const estimate = estimateCost({
            ...inputs,
            interfaceEndpoints: [{ service: "logs", azCount: 3 }],
            alarms: [{ name: "a", metrics: 1, highResolution: false }],
            compositeAlarms: 0,
            gatewayEndpoints: 0,
            logGroups: [],
        });
        expect(estimate.lines.map((l) => [l.item, l.monthly])).to.deep.equal([
            ["Interface endpoints (1 service × AZs = 3 endpoint-AZs × 730 h)", 21.9],
            ["KMS customer-managed key", 1],
            ["CloudWatch standard alarms (1 alarm, billed per metric evaluated)", 0.1],
            ["CloudWatch dashboards", 3],
        ]);
        expect([estimate.fixedMonthly, estimate.assumedMonthly, estimate.totalMonthly]).to.deep.equal([26, 0, 26]);
    });

    it("prices a log group with retention 0 like one that never expires", () => {
        const estimate = estimateCost({ ...inputs, logGroups: [{ name: "x", retentionDays: 0, flowLogs: false }] });
        expect(estimate.lines.find((l) => l.item.startsWith("Log storage"))).to.deep.include({
            quantity: 36.5,
            monthly: 1.1,
        });
    });
});
