/**
 * The pack's observability rules (policy/rules/observability.ts), each with a compliant
 * fixture, a violation and a near miss, and over the three stack files.
 */
import { expect } from "chai";
import { ResourceValidationPolicy } from "@pulumi/policy";
import { evaluatePolicies } from "../../src/plan/offline/evaluate";
import {
    noServiceLogGroups,
    noSessionCountAlarms,
    transactionSearchProductionOnly,
} from "../../policy/rules/observability";
import { STACKS, runStackOnce } from "../helpers";
import { reported } from "../policy/reported";

/** What `policy` reports for one resource of `type` in `stack`. */
const check = (policy: ResourceValidationPolicy, type: string, props: Record<string, unknown>, stack = "development") =>
    reported(policy, type, props, { stack });

const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const NATIVE_LOG_GROUP = "aws-native:logs:LogGroup";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const NATIVE_ALARM = "aws-native:cloudwatch:Alarm";

describe("policy agentcore-no-service-log-groups", () => {
    it("fails a group under /aws/bedrock-agentcore/ or AgentCore's vended-logs prefix, on both providers", () => {
        const runtimeGroup = check(noServiceLogGroups, LOG_GROUP, {
            name: "/aws/bedrock-agentcore/runtimes/support_agent_production-AbCdEf1234-DEFAULT",
        });
        expect(runtimeGroup).to.have.length(1);
        expect(runtimeGroup[0])
            .to.include('LogGroup "subject" is named "/aws/bedrock-agentcore/runtimes/')
            .and.include("races the service")
            .and.include("vended log delivery");
        expect(
            check(noServiceLogGroups, NATIVE_LOG_GROUP, {
                logGroupName: "/aws/vendedlogs/bedrock-agentcore/runtime/x",
            }),
        ).to.have.length(1);
    });

    it("passes the stack's delivery groups, a near miss, and a name unknown during preview", () => {
        expect(
            check(noServiceLogGroups, LOG_GROUP, { name: "/agentcore-production/runtimes/support_agent/usage-logs" }),
        ).to.deep.equal([]);
        expect(check(noServiceLogGroups, LOG_GROUP, { name: "/aws/bedrock-agentcorex/runtimes/a" })).to.deep.equal([]);
        expect(check(noServiceLogGroups, LOG_GROUP, { name: "/aws/bedrock/agentcore/runtimes/a" })).to.deep.equal([]);
        expect(check(noServiceLogGroups, LOG_GROUP, {})).to.deep.equal([]);
    });
});

describe("policy agentcore-alarm-no-uncertain-session-metric", () => {
    const metric = (metricName: string, namespace = "AWS/Bedrock-AgentCore") => ({
        id: "m0",
        metric: { namespace, metricName, dimensions: {}, period: 3600, stat: "Sum" },
    });

    it("fails an alarm that reads SessionCount or Sessions in AgentCore's namespace, as a metric or in math", () => {
        const math = check(noSessionCountAlarms, ALARM, {
            metricQueries: [
                metric("CPUUsed-vCPUHours"),
                metric("SessionCount"),
                { id: "e", expression: "m0 / m1", returnData: true },
            ],
        });
        expect(math).to.have.length(1);
        expect(math[0]).to.include('reads "SessionCount" in AWS/Bedrock-AgentCore').and.include("USAGE_LOGS");
        expect(
            check(noSessionCountAlarms, ALARM, { namespace: "AWS/Bedrock-AgentCore", metricName: "Sessions" }),
        ).to.have.length(1);
        expect(
            check(noSessionCountAlarms, NATIVE_ALARM, {
                metrics: [
                    {
                        id: "m",
                        metricStat: {
                            metric: { namespace: "AWS/Bedrock-AgentCore", metricName: "Sessions" },
                            period: 60,
                            stat: "Sum",
                        },
                    },
                ],
            }),
        ).to.have.length(1);
    });

    it("passes the settled metrics, the same name in another namespace, and Contributor Insights reads", () => {
        expect(
            check(noSessionCountAlarms, ALARM, { metricQueries: [metric("Invocations"), metric("SystemErrors")] }),
        ).to.deep.equal([]);
        expect(check(noSessionCountAlarms, ALARM, { metricQueries: [metric("Sessions", "MyApp")] })).to.deep.equal([]);
        expect(
            check(noSessionCountAlarms, ALARM, {
                metricQueries: [
                    {
                        id: "r",
                        expression: 'INSIGHT_RULE_METRIC("x", "UniqueContributors")',
                        period: 300,
                        returnData: true,
                    },
                ],
            }),
        ).to.deep.equal([]);
    });
});

describe("policy transaction-search-owned-by-production", () => {
    it("passes the production stack and fails every other stack, for both resource types", () => {
        for (const type of [
            "aws:xray/traceSegmentDestination:TraceSegmentDestination",
            "aws-native:xray:TransactionSearchConfig",
        ]) {
            expect(
                check(transactionSearchProductionOnly, type, { destination: "CloudWatchLogs" }, "production"),
                type,
            ).to.deep.equal([]);
            for (const stack of ["development", "staging"]) {
                const messages = check(transactionSearchProductionOnly, type, { destination: "CloudWatchLogs" }, stack);
                expect(messages, `${type} ${stack}`).to.have.length(1);
                expect(messages[0]).to.include("outside a production stack").and.include("transactionSearch: false");
            }
        }
        // Near miss: another X-Ray resource in development is not an owner.
        expect(
            check(transactionSearchProductionOnly, "aws:xray/resourcePolicy:ResourcePolicy", {}, "development"),
        ).to.deep.equal([]);
    });
});

describe("observability rules over the stack files", () => {
    for (const stack of STACKS) {
        it(`${stack}: no finding`, async () => {
            const run = await runStackOnce(stack);
            const findings = evaluatePolicies(run.resources, stack, [
                noServiceLogGroups,
                noSessionCountAlarms,
                transactionSearchProductionOnly,
            ]);
            expect(findings).to.deep.equal([]);
        });
    }
});
