/**
 * The observability rules (policy/rules/observability.ts) run the way the engine runs them,
 * with the whole message a user reads pinned: no stack log group under AgentCore's own
 * prefixes (/aws/bedrock-agentcore/, /aws/vendedlogs/bedrock-agentcore/), no alarm on the
 * session-count metric whose name is not settled (SessionCount / Sessions in
 * AWS/Bedrock-AgentCore), and Transaction Search owned by production (or the network stack's
 * AccountSingletons) only.
 */
import { expect } from "chai";
import {
    noServiceLogGroups,
    noSessionCountAlarms,
    transactionSearchProductionOnly,
} from "../../policy/rules/observability";
import { reported } from "./reported";
import { UNKNOWN_STRING } from "./unknowns";

const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const NATIVE_LOG_GROUP = "aws-native:logs:LogGroup";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const NATIVE_ALARM = "aws-native:cloudwatch:Alarm";
const NAMESPACE = "AWS/Bedrock-AgentCore";

const serviceGroup = (name: string, prefix: string) =>
    `LogGroup "subject" is named "${name}", under ${prefix}, where AgentCore creates its own groups: creating it races the service ("already exists"). ` +
    "Deliver the runtime's logs with CloudWatch vended log delivery into a stack-owned group outside /aws/ instead.";
const sessionAlarm = (type: string, names: string) =>
    `${type} "subject" reads ${names} in AWS/Bedrock-AgentCore, a session-count metric whose name AWS's sources disagree on, ` +
    "so the alarm may watch a series that does not exist: count and measure sessions from the runtime's USAGE_LOGS instead.";

describe("pack: agentcore-no-service-log-groups, messages and names", () => {
    it("fails the runtime prefix (aws, name) and the vended-logs prefix (aws-native, logGroupName), naming the prefix", () => {
        const runtime = "/aws/bedrock-agentcore/runtimes/support_agent_production-AbCdEf1234-DEFAULT";
        expect(reported(noServiceLogGroups, LOG_GROUP, { name: runtime })).to.deep.equal([
            serviceGroup(runtime, "/aws/bedrock-agentcore/"),
        ]);
        const vended = "/aws/vendedlogs/bedrock-agentcore/runtime/support_agent";
        expect(reported(noServiceLogGroups, NATIVE_LOG_GROUP, { logGroupName: vended })).to.deep.equal([
            serviceGroup(vended, "/aws/vendedlogs/bedrock-agentcore/"),
        ]);
    });

    it("reads name before logGroupName", () => {
        expect(
            reported(noServiceLogGroups, LOG_GROUP, {
                name: "/agentcore-production/usage",
                logGroupName: "/aws/bedrock-agentcore/x",
            }),
        ).to.deep.equal([]);
        expect(
            reported(noServiceLogGroups, LOG_GROUP, { name: "/aws/bedrock-agentcore/x", logGroupName: "/agentcore/y" }),
        ).to.deep.equal([serviceGroup("/aws/bedrock-agentcore/x", "/aws/bedrock-agentcore/")]);
    });

    it("near misses: the prefix inside or at the end of a name, a name unknown during preview, no name", () => {
        for (const name of ["/agentcore/aws/bedrock-agentcore/x", "/stack/aws/bedrock-agentcore/"]) {
            expect(reported(noServiceLogGroups, LOG_GROUP, { name }), name).to.deep.equal([]);
        }
        expect(reported(noServiceLogGroups, LOG_GROUP, { name: UNKNOWN_STRING })).to.deep.equal([]);
        expect(reported(noServiceLogGroups, NATIVE_LOG_GROUP, {})).to.deep.equal([]);
    });

    it("ignores resources that are not log groups", () => {
        expect(
            reported(noServiceLogGroups, "aws:cloudwatch/logStream:LogStream", { name: "/aws/bedrock-agentcore/x" }),
        ).to.deep.equal([]);
    });
});

describe("pack: agentcore-alarm-no-uncertain-session-metric, messages and shapes", () => {
    const query = (metricName: string, namespace = NAMESPACE) => ({
        id: metricName.toLowerCase(),
        metric: { namespace, metricName, period: 300, stat: "Sum" },
    });
    const nativeQuery = (metricName: string, namespace = NAMESPACE) => ({
        id: metricName.toLowerCase(),
        metricStat: { metric: { namespace, metricName }, period: 300, stat: "Sum" },
    });

    it("fails a single-metric alarm on either name", () => {
        for (const name of ["SessionCount", "Sessions"]) {
            expect(reported(noSessionCountAlarms, ALARM, { namespace: NAMESPACE, metricName: name })).to.deep.equal([
                sessionAlarm("MetricAlarm", `"${name}"`),
            ]);
        }
    });

    it("fails metric math (aws metricQueries), listing each name once", () => {
        expect(
            reported(noSessionCountAlarms, ALARM, {
                metricQueries: [
                    query("Invocations"),
                    query("SessionCount"),
                    query("Sessions"),
                    query("SessionCount"),
                    { id: "e", expression: "m0 / m1", returnData: true },
                ],
            }),
        ).to.deep.equal([sessionAlarm("MetricAlarm", '"SessionCount", "Sessions"')]);
    });

    it("fails aws-native metrics[].metricStat.metric", () => {
        expect(
            reported(noSessionCountAlarms, NATIVE_ALARM, {
                metrics: [nativeQuery("Invocations"), nativeQuery("Sessions"), { id: "e", expression: "m0 * 2" }],
            }),
        ).to.deep.equal([sessionAlarm("Alarm", '"Sessions"')]);
    });

    it("reads past a metric query that is no map (null, text), judging the queries beside it", () => {
        expect(reported(noSessionCountAlarms, ALARM, { metricQueries: [null, "m0", query("Sessions")] })).to.deep.equal(
            [sessionAlarm("MetricAlarm", '"Sessions"')],
        );
        expect(
            reported(noSessionCountAlarms, NATIVE_ALARM, { metrics: [null, "m0", nativeQuery("SessionCount")] }),
        ).to.deep.equal([sessionAlarm("Alarm", '"SessionCount"')]);
    });

    it("near misses: the names in another namespace, the settled metrics, and an alarm of neither shape", () => {
        expect(reported(noSessionCountAlarms, ALARM, { namespace: "MyApp", metricName: "Sessions" })).to.deep.equal([]);
        expect(
            reported(noSessionCountAlarms, ALARM, { metricQueries: [query("SessionCount", "AWS/Bedrock")] }),
        ).to.deep.equal([]);
        expect(
            reported(noSessionCountAlarms, NATIVE_ALARM, { metrics: [nativeQuery("Sessions", "AWS/Lambda")] }),
        ).to.deep.equal([]);
        expect(
            reported(noSessionCountAlarms, ALARM, { namespace: NAMESPACE, metricName: "SystemErrors" }),
        ).to.deep.equal([]);
        expect(reported(noSessionCountAlarms, ALARM, { namespace: NAMESPACE, metricName: "sessions" })).to.deep.equal(
            [],
        );
        expect(
            reported(noSessionCountAlarms, NATIVE_ALARM, { metrics: [{ id: "m" }, { metricStat: {} }] }),
        ).to.deep.equal([]);
    });
});

describe("pack: transaction-search-owned-by-production, message and owners", () => {
    const CLASSIC = "aws:xray/traceSegmentDestination:TraceSegmentDestination";
    const NATIVE = "aws-native:xray:TransactionSearchConfig";
    const outside = (type: string) =>
        `${type.split(":").pop()} "subject" sets the account's Transaction Search outside a production stack; it is one setting per account and region, ` +
        "owned by exactly one stack: set transactionSearch: false here and let the production stack own it.";

    it("fails both types outside production with the whole message", () => {
        for (const type of [CLASSIC, NATIVE]) {
            expect(
                reported(
                    transactionSearchProductionOnly,
                    type,
                    { destination: "CloudWatchLogs" },
                    { stack: "staging" },
                ),
            ).to.deep.equal([outside(type)]);
        }
    });

    it("passes a production stack, and a resource tagged Environment production", () => {
        expect(reported(transactionSearchProductionOnly, CLASSIC, {}, { stack: "production" })).to.deep.equal([]);
        expect(
            reported(
                transactionSearchProductionOnly,
                NATIVE,
                { tags: { Environment: "production" } },
                { stack: "ops" },
            ),
        ).to.deep.equal([]);
    });

    it("passes the network stack's AccountSingletons child, by the component type in its URN", () => {
        const args = {
            type: CLASSIC,
            name: "account-transaction-search",
            urn: `urn:pulumi:network::agentcore-private::agentcore:monitoring:AccountSingletons$${CLASSIC}::account-transaction-search`,
        };
        const found: string[] = [];
        const validate = transactionSearchProductionOnly.validateResource as (
            a: object,
            report: (m: string) => void,
        ) => void;
        validate({ ...args, props: {}, opts: {} }, (m) => found.push(m));
        expect(found).to.deep.equal([]);
        const elsewhere: string[] = [];
        validate(
            {
                ...args,
                urn: `urn:pulumi:network::agentcore-private::agentcore:monitoring:Other$${CLASSIC}::account-transaction-search`,
                props: {},
                opts: {},
            },
            (m) => elsewhere.push(m),
        );
        expect(elsewhere).to.have.length(1);
    });

    it("ignores other X-Ray resources outside production", () => {
        expect(
            reported(transactionSearchProductionOnly, "aws:xray/group:Group", {}, { stack: "development" }),
        ).to.deep.equal([]);
    });
});
