/**
 * The alarms' metric math over a runtime's endpoints (src/observability/metricQueries.ts) written
 * out query by query, and the names built from parts: the runtime name inside its ID
 * (`<name>-<10 characters>`), an e-mail subscription's logical name (the address with every run
 * of other characters one hyphen, and the first 6 hex digits of its SHA-256), a delivery's name
 * (anything but word characters and hyphens a hyphen).
 */
import { expect } from "chai";
import { latencyQueries, sumQueries, userErrorRateQueries } from "../../src/observability/metricQueries";
import { runtimeNameFromId } from "../../src/observability/dimensions";
import { subscriptionResourceName } from "../../src/observability/topicPolicy";
import { deliveryName } from "../../src/observability/logDeliveryDocuments";

const target = {
    runtimeArn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/rt_dev-AbCdEf1234",
    runtimeName: "rt_dev",
    endpoints: ["DEFAULT", "live"],
    usageRules: { vcpu: [], memory: [] },
};

const fetch = (id: string, metricName: string, endpoint: string, stat: string) => ({
    id,
    label: `${metricName} ${endpoint}`,
    metric: {
        namespace: "AWS/Bedrock-AgentCore",
        metricName,
        dimensions: { Operation: "InvokeAgentRuntime", Name: `rt_dev::${endpoint}`, Resource: target.runtimeArn },
        period: 300,
        stat,
    },
});

describe("alarm metric math, query by query", () => {
    it("a count: each endpoint's Sum, and their SUM returning the data", () => {
        expect(sumQueries(target, "SystemErrors", 300, "systemErrors")).to.deep.equal([
            fetch("systemErrorsE0", "SystemErrors", "DEFAULT", "Sum"),
            fetch("systemErrorsE1", "SystemErrors", "live", "Sum"),
            {
                id: "systemErrors",
                expression: "SUM([systemErrorsE0, systemErrorsE1])",
                label: "SystemErrors (all endpoints)",
                returnData: true,
            },
        ]);
    });

    it("latency: each endpoint's percentile, and the slowest (MAX) returning the data", () => {
        expect(latencyQueries(target, "p99", 300, "latencyP99")).to.deep.equal([
            fetch("latencyP99E0", "Latency", "DEFAULT", "p99"),
            fetch("latencyP99E1", "Latency", "live", "p99"),
            {
                id: "latencyP99",
                expression: "MAX([latencyP99E0, latencyP99E1])",
                label: "Latency p99 (slowest endpoint)",
                returnData: true,
            },
        ]);
    });

    it("the user-error rate: 0 below the minimum invocations, missing errors counted as 0", () => {
        expect(userErrorRateQueries(target, 300, 20)).to.deep.equal([
            fetch("inv0", "Invocations", "DEFAULT", "Sum"),
            fetch("inv1", "Invocations", "live", "Sum"),
            fetch("ue0", "UserErrors", "DEFAULT", "Sum"),
            fetch("ue1", "UserErrors", "live", "Sum"),
            { id: "invocations", expression: "SUM([inv0, inv1])", label: "Invocations (all endpoints)" },
            { id: "userErrors", expression: "FILL(SUM([ue0, ue1]), 0)", label: "UserErrors (all endpoints)" },
            {
                id: "userErrorRate",
                expression: "IF(invocations >= 20, 100 * userErrors / invocations, 0)",
                label: "UserErrors % of invocations",
                returnData: true,
            },
        ]);
    });
});

describe("names built from parts (observability)", () => {
    it("the runtime name is everything before the ID's last hyphen; an ID without one (or only a leading one) is kept", () => {
        expect(runtimeNameFromId("rt_dev-AbCdEf1234")).to.equal("rt_dev");
        expect(runtimeNameFromId("a-AbCdEf1234")).to.equal("a");
        expect(runtimeNameFromId("-AbCdEf1234")).to.equal("-AbCdEf1234");
        expect(runtimeNameFromId("rt_dev")).to.equal("rt_dev");
    });

    it("an e-mail subscription: a run of punctuation is one hyphen, then 6 hex digits of the address's SHA-256", () => {
        expect(subscriptionResourceName("agentcore-dev", "Ops..Team@Example.com")).to.equal(
            "agentcore-dev-alarm-email-ops-team-example-com-7700cd",
        );
    });

    it("a delivery name: characters other than word characters and hyphens become hyphens", () => {
        expect(deliveryName("agentcore-dev", "rt.x", "usage logs")).to.equal("agentcore-dev-rt-x-usage-logs");
        expect(deliveryName("agentcore-dev", "rt_x", "traces-xray")).to.equal("agentcore-dev-rt_x-traces-xray");
    });
});
