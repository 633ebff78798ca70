/**
 * Monitoring for the stack's runtimes: an encrypted SNS topic the alarms publish to; per
 * runtime, its own logs and traces through vended log delivery into stack-owned KMS log
 * groups (./logDelivery.ts) and the alarms of ./alarms.ts (on AgentCore's runtime metrics,
 * and the busiest session's vCPU and memory against the sizing budget, measured from
 * USAGE_LOGS: where the budget is enforced, with a check that those usage logs arrive); one
 * dashboard; and, in the one stack that owns it, Transaction Search. Every threshold,
 * dimension, name and document comes from a pure function in src/observability.
 */
import * as aws from "../providers/aws";
import * as pulumi from "@pulumi/pulumi";
import { Environment } from "../aws/agentcore";
import { SizingBudget } from "../config/types";
import { AwsContext } from "../aws/iamDocument";
import { awsContextOutput } from "../aws/context";
import { SESSION_INSIGHT_ALARMS, alarmName, runtimeAlarmDefinitions } from "./alarms";
import { dashboardBody, dashboardNameFor } from "./dashboard";
import { MetricTarget, endpointsOf, runtimeNameFromId } from "./dimensions";
import { alarmTopicPolicy, subscriptionResourceName } from "./topicPolicy";
import { deliveryLogGroupPrefix, logDeliveryResourcePolicy, xrayDeliveryResourcePolicy } from "./logDeliveryDocuments";
import { RuntimeLogDelivery } from "./logDelivery";
import { TransactionSearch } from "./transactionSearch";
import type { ObservabilityConfig } from "./config";
import { COMPONENTS } from "../aws/tokens";

/** One runtime to watch, as index.ts hands it over. */
export interface MonitoredRuntime {
    /** The configured runtime name (`runtimes[i].name`), used in alarm and resource names. Required. */
    readonly name: string;
    /** The runtime ARN: the `Resource` dimension of every alarm. Required. */
    readonly runtimeArn: pulumi.Input<string>;
    /** The runtime ID (`<runtime name>-<10 characters>`): the `Name` dimension. Required. */
    readonly runtimeId: pulumi.Input<string>;
    /** The configured endpoints; DEFAULT is always watched too. Default: none beyond DEFAULT. */
    readonly endpointNames: readonly string[];
}

/**
 * Beside its own fields, the stack's observability settings (ObservabilityConfig,
 * ./config.ts), each off when absent: `tracing` delivers each runtime's TRACES to X-Ray,
 * `transactionSearch` makes this stack the owner of the account's Transaction Search (one
 * stack per account and region).
 */
export interface RuntimeMonitoringArgs extends Partial<ObservabilityConfig> {
    /** Selects the threshold table (src/observability/thresholds.ts). Required; no default. */
    readonly environment: Environment;
    /** The runtimes to alarm on, graph and own log groups for. Required, at least one. */
    readonly runtimes: readonly MonitoredRuntime[];
    /** The per-session budget the usage alarms enforce: CPU units (1024 = 1 vCPU) and MiB. Required. */
    readonly sizing: SizingBudget;
    /** The stack's KMS key: encrypts the alarm topic and the log groups. Required. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** Addresses subscribed to the alarm topic (each must confirm by mail). Default: none. */
    readonly alarmEmails: readonly string[];
    /** Retention of the delivery log groups, a CloudWatch Logs value. Required. */
    readonly logRetentionDays: number;
    /** Protect and retain the log groups on delete (they hold the runtimes' history). Required; true in production. */
    readonly protect: boolean;
    /** Tags for the topic, the alarms and the log groups. Default: none beyond the provider's. */
    readonly tags: Readonly<Record<string, string>>;
    /** Per runtime: usage rules, the per-session and usage-silence alarms, saved queries. Default: true. */
    readonly sessionInsights?: boolean;
    /**
     * Who owns the account-level delivery policies (vended-delivery Logs policy, X-Ray policy):
     * `stack` (all-in-one: this stack creates its own) or `account` (agent stacks: the network
     * stack's AccountSingletons cover every stack's log groups and runtimes). Default: stack.
     */
    readonly deliveryPolicies?: "stack" | "account";
}

export class RuntimeMonitoring extends pulumi.ComponentResource {
    public readonly alarmTopicArn: pulumi.Output<string>;
    public readonly dashboardName: pulumi.Output<string>;
    /** Per configured runtime name: the stack-owned application and usage log groups. */
    public readonly logGroupNames: Record<string, { readonly application: string; readonly usage: string }>;
    /** Every alarm name, `<component name>-<runtime name>-<metric>`, runtime by runtime. */
    public readonly alarmNames: pulumi.Output<string[]>;

    constructor(name: string, args: RuntimeMonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENTS.monitoring, name, {}, opts);

        // The validated StackConfig (src/config) holds every rule the alarms rely on: at least
        // one runtime, unique names, at most 4 configured endpoints, CloudWatch retentions.
        const tags = { ...args.tags };

        const context: pulumi.Output<AwsContext> = awsContextOutput(this);

        // ---- Where alarms go: a topic only this account's alarms may publish to, over TLS. ----
        const topic = new aws.sns.Topic(`${name}-alarms`, { kmsMasterKeyId: args.kmsKeyArn, tags }, { parent: this });
        new aws.sns.TopicPolicy(
            `${name}-alarms-policy`,
            {
                arn: topic.arn,
                policy: pulumi
                    .all([topic.arn, context])
                    .apply(([topicArn, ctx]) => JSON.stringify(alarmTopicPolicy({ ...ctx, topicArn }))),
            },
            { parent: this },
        );
        for (const email of args.alarmEmails) {
            new aws.sns.TopicSubscription(
                subscriptionResourceName(name, email),
                { topic: topic.arn, protocol: "email", endpoint: email },
                { parent: this },
            );
        }

        // ---- Who may deliver into the stack's log groups and to X-Ray (before any destination). ----
        const deliveryPolicies: pulumi.Resource[] = [];
        if ((args.deliveryPolicies ?? "stack") === "stack") {
            deliveryPolicies.push(
                new aws.cloudwatch.LogResourcePolicy(
                    `${name}-log-delivery-policy`,
                    {
                        policyName: `${name}-log-delivery`,
                        policyDocument: context.apply((ctx) =>
                            JSON.stringify(logDeliveryResourcePolicy(ctx, deliveryLogGroupPrefix(name))),
                        ),
                    },
                    { parent: this },
                ),
            );
        }
        if (args.tracing && (args.deliveryPolicies ?? "stack") === "stack") {
            deliveryPolicies.push(
                new aws.xray.ResourcePolicy(
                    `${name}-trace-delivery-policy`,
                    {
                        policyName: `${name}-trace-delivery`,
                        policyDocument: pulumi
                            .all([context, pulumi.all(args.runtimes.map((r) => r.runtimeArn))])
                            .apply(([ctx, arns]) => JSON.stringify(xrayDeliveryResourcePolicy(ctx, arns))),
                    },
                    { parent: this },
                ),
            );
        }

        // ---- Per runtime: its logs and traces, the metric target (plain strings once resolved), alarms. ----
        const deliveries = args.runtimes.map(
            (runtime) =>
                new RuntimeLogDelivery(
                    `${name}-${runtime.name}`,
                    {
                        componentName: name,
                        runtimeName: runtime.name,
                        runtimeArn: runtime.runtimeArn,
                        kmsKeyArn: args.kmsKeyArn,
                        logRetentionDays: args.logRetentionDays,
                        tracing: args.tracing ?? false,
                        sizing: args.sizing,
                        protect: args.protect,
                        dependsOn: deliveryPolicies,
                        sessionInsights: args.sessionInsights ?? true,
                        tags,
                    },
                    { parent: this },
                ),
        );
        const targets = args.runtimes.map((runtime, i): pulumi.Output<MetricTarget> =>
            pulumi.all([runtime.runtimeArn, runtime.runtimeId]).apply(([runtimeArn, runtimeId]) => ({
                runtimeArn,
                runtimeName: runtimeNameFromId(runtimeId),
                endpoints: endpointsOf(runtime.endpointNames),
                usageRules: deliveries[i].usageRuleNames,
            })),
        );

        const alarms: aws.cloudwatch.MetricAlarm[] = [];
        args.runtimes.forEach((runtime, i) => {
            const endpoints = endpointsOf(runtime.endpointNames);
            for (const definition of runtimeAlarmDefinitions(args.environment, args.sizing, endpoints).filter(
                (d) => (args.sessionInsights ?? true) || !SESSION_INSIGHT_ALARMS.includes(d.metric),
            )) {
                const alarm = alarmName(name, runtime.name, definition.metric);
                alarms.push(
                    new aws.cloudwatch.MetricAlarm(
                        alarm,
                        {
                            name: alarm,
                            alarmDescription: definition.description,
                            comparisonOperator: definition.comparisonOperator,
                            threshold: definition.threshold,
                            evaluationPeriods: definition.evaluationPeriods,
                            datapointsToAlarm: definition.datapointsToAlarm,
                            treatMissingData: definition.treatMissingData,
                            metricQueries: targets[i].apply(definition.queries),
                            // OK actions too: whoever was paged learns when it is over.
                            alarmActions: [topic.arn],
                            okActions: [topic.arn],
                            tags,
                        },
                        // The per-session alarms read the usage rules by name.
                        { parent: this, dependsOn: deliveries[i].usageRules },
                    ),
                );
            }
        });

        if (args.transactionSearch) {
            new TransactionSearch(`${name}-transaction-search`, { protect: args.protect }, { parent: this });
        }

        // ---- One dashboard per stack, built once every runtime ARN is known. ----
        const dashboard = new aws.cloudwatch.Dashboard(
            `${name}-dashboard`,
            {
                dashboardName: dashboardNameFor(name),
                dashboardBody: pulumi.all([context, pulumi.all(targets)]).apply(([ctx, resolved]) =>
                    JSON.stringify(
                        dashboardBody({
                            region: ctx.region,
                            environment: args.environment,
                            sizing: args.sizing,
                            runtimes: resolved.map((target, i) => ({
                                ...target,
                                name: args.runtimes[i].name,
                                applicationLogGroupName: deliveries[i].applicationLogGroupName,
                            })),
                        }),
                    ),
                ),
            },
            { parent: this },
        );

        this.alarmTopicArn = topic.arn;
        this.dashboardName = dashboard.dashboardName;
        this.alarmNames = pulumi.all(alarms.map((alarm) => alarm.name));
        this.logGroupNames = Object.fromEntries(
            args.runtimes.map((runtime, i) => [
                runtime.name,
                { application: deliveries[i].applicationLogGroupName, usage: deliveries[i].usageLogGroupName },
            ]),
        );
        this.registerOutputs({
            alarmTopicArn: this.alarmTopicArn,
            dashboardName: this.dashboardName,
            alarmNames: this.alarmNames,
            logGroupNames: this.logGroupNames,
        });
    }
}
