/**
 * The three observability invariants (docs/monitoring.md, "Three settled risks"):
 * - no stack creates a log group under `/aws/bedrock-agentcore/`: AgentCore creates those
 *   itself (at runtime creation or first invocation, reports differ), so a stack that creates
 *   one races the service and fails with "already exists";
 * - no alarm reads AgentCore's session count: its metric name is in doubt (`SessionCount` in
 *   AWS's prose, `Sessions` in code checked against live accounts), and an alarm on a name
 *   that does not exist sits silently in OK (or divides by a missing series);
 * - only a production stack owns the account's Transaction Search (X-Ray segment destination):
 *   one setting per account and region, so a second owner would fight over it.
 */
import { ResourceValidationPolicy } from "@pulumi/policy";
import { isProduction } from "./productionProtected";
import { problemRule } from "./rule";
import { LOG_GROUP_TYPES } from "./logGroupEncryptedRetained";
import { ALARM_TYPES } from "./alarmActions";
import { TYPES } from "./types";
import { describe, isUnknown, list, plainProps, record } from "./values";

/** Where AgentCore creates its own log groups (runtimes, and vended logs of other resources). */
export const SERVICE_LOG_GROUP_PREFIXES = ["/aws/bedrock-agentcore/", "/aws/vendedlogs/bedrock-agentcore/"] as const;

/** The AgentCore metric namespace and the session-count names public sources disagree on. */
export const AGENTCORE_NAMESPACE = "AWS/Bedrock-AgentCore";
export const UNCERTAIN_SESSION_METRICS = ["SessionCount", "Sessions"] as const;

/** Log group name: `name` (aws) or `logGroupName` (aws-native). */
export function serviceLogGroupProblems(props: Record<string, unknown>): string[] {
    const name = props.name ?? props.logGroupName;
    if (isUnknown(name) || typeof name !== "string") {
        return [];
    }
    const prefix = SERVICE_LOG_GROUP_PREFIXES.find((p) => name.startsWith(p));
    return prefix
        ? [
              `is named "${name}", under ${prefix}, where AgentCore creates its own groups: creating it races the service ("already exists"). ` +
                  `Deliver the runtime's logs with CloudWatch vended log delivery into a stack-owned group outside /aws/ instead`,
          ]
        : [];
}

/** Every (namespace, metric name) an alarm reads, over both providers' shapes. */
function alarmMetrics(props: Record<string, unknown>): { namespace: unknown; metricName: unknown }[] {
    const found = [{ namespace: props.namespace, metricName: props.metricName }];
    for (const query of list(props.metricQueries)) {
        // aws: metricQueries[].metric { namespace, metricName }
        const metric = record(record(query)?.metric);
        if (metric) {
            found.push({ namespace: metric.namespace, metricName: metric.metricName });
        }
    }
    for (const query of list(props.metrics)) {
        // aws-native: metrics[].metricStat.metric { namespace, metricName }
        const metric = record(record(record(query)?.metricStat)?.metric);
        if (metric) {
            found.push({ namespace: metric.namespace, metricName: metric.metricName });
        }
    }
    return found;
}

export function sessionCountAlarmProblems(props: Record<string, unknown>): string[] {
    const names = alarmMetrics(props)
        .filter(
            (m) =>
                m.namespace === AGENTCORE_NAMESPACE &&
                (UNCERTAIN_SESSION_METRICS as readonly unknown[]).includes(m.metricName),
        )
        .map((m) => String(m.metricName));
    return names.length === 0
        ? []
        : [
              `reads ${[...new Set(names)].map((n) => `"${n}"`).join(", ")} in ${AGENTCORE_NAMESPACE}, a session-count metric whose name AWS's sources disagree on, ` +
                  `so the alarm may watch a series that does not exist: count and measure sessions from the runtime's USAGE_LOGS instead`,
          ];
}

export const noServiceLogGroups = problemRule({
    name: "agentcore-no-service-log-groups",
    description:
        "No stack creates a log group under /aws/bedrock-agentcore/ (or AgentCore's vended-logs prefix): the service creates those itself.",
    severity: "high",
    types: LOG_GROUP_TYPES,
    problems: (_type, props) => serviceLogGroupProblems(props),
});

export const noSessionCountAlarms = problemRule({
    name: "agentcore-alarm-no-uncertain-session-metric",
    description:
        "No CloudWatch alarm reads AgentCore's session count (SessionCount or Sessions): its metric name is not settled.",
    severity: "high",
    types: ALARM_TYPES,
    problems: (_type, props) => sessionCountAlarmProblems(props),
});

/** Both ways to own Transaction Search: the classic segment destination and the aws-native config. */
export const TRANSACTION_SEARCH_TYPES: readonly string[] = [
    TYPES.traceSegmentDestination,
    TYPES.nativeTransactionSearchConfig,
];

/**
 * A network stack's AccountSingletons component is the account's one owner by design
 * (docs/topology.md): its children carry the component's type in their URN.
 */
export const ACCOUNT_SINGLETONS_TYPE = "agentcore:monitoring:AccountSingletons";
export function ownedByAccountSingletons(urn: string): boolean {
    return urn.split("::")[2]?.split("$").includes(ACCOUNT_SINGLETONS_TYPE) ?? false;
}

export const transactionSearchProductionOnly: ResourceValidationPolicy = {
    name: "transaction-search-owned-by-production",
    description:
        "Only a production stack sets the account's X-Ray trace segment destination (Transaction Search): one owner per account and region.",
    enforcementLevel: "mandatory",
    severity: "medium",
    validateResource: (args, reportViolation) => {
        if (
            !TRANSACTION_SEARCH_TYPES.includes(args.type) ||
            isProduction(args.urn, plainProps(args.props)) ||
            ownedByAccountSingletons(args.urn)
        ) {
            return;
        }
        reportViolation(
            `${describe(args.type, args.name)} sets the account's Transaction Search outside a production stack; it is one setting per account and region, ` +
                `owned by exactly one stack: set transactionSearch: false here and let the production stack own it.`,
        );
    },
};
