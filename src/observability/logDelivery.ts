/**
 * One runtime's own logs and traces through CloudWatch vended log delivery: a delivery source
 * on the runtime ARN per log type, stack-owned KMS-encrypted log groups with retention as the
 * destinations of APPLICATION_LOGS and USAGE_LOGS, X-Ray as the destination of TRACES when
 * tracing is on, and the deliveries joining them. Over the usage log group: the Contributor
 * Insights rules that measure each session, and the saved Logs Insights queries.
 *
 * Classic `aws.cloudwatch.LogDelivery*` rather than aws-native `logs.Delivery*`: the rest of
 * the monitoring component is classic, and the classic provider is configured in every stack,
 * while aws-native is only required when it creates the runtimes (`runtimeProvider`).
 */
import * as aws from "../providers/aws";
import * as pulumi from "@pulumi/pulumi";
import { SizingBudget } from "../config/types";
import { APPLICATION_LOGS, TRACES, USAGE_LOGS } from "./facts";
import { LogGroupLogType, deliveryLogGroupName, deliveryName, logTypeSlug } from "./logDeliveryDocuments";
import { savedQueries } from "./logQueries";
import { usageRuleDefinition, usageRules } from "./usage";
import { COMPONENTS } from "../aws/tokens";

export interface RuntimeLogDeliveryArgs {
    /** The monitoring component's name: the prefix of every group, source, destination and rule name. Required. */
    readonly componentName: string;
    /** The configured runtime name (`runtimes[i].name`). Required. */
    readonly runtimeName: string;
    /** The runtime ARN every delivery source points at. Required. */
    readonly runtimeArn: pulumi.Input<string>;
    /** The stack's KMS key: encrypts both log groups. Required. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** Retention of both log groups, a CloudWatch Logs value. Required. */
    readonly logRetentionDays: number;
    /** Deliver TRACES to X-Ray. Default: false. */
    readonly tracing?: boolean;
    /** The per-session budget the saved usage query compares against. Required. */
    readonly sizing: SizingBudget;
    /** Protect and retain the log groups (they hold the runtime's history). Default: false. */
    readonly protect?: boolean;
    /** Resource policies that must exist before a destination can receive (log group and X-Ray). Default: none. */
    readonly dependsOn?: readonly pulumi.Resource[];
    /** Tags for every taggable child. Default: none. */
    readonly tags?: Readonly<Record<string, string>>;
    /** The 4 usage rules and 4 saved queries (scarce account quotas, docs/topology.md#quotas). Default: true. */
    readonly sessionInsights?: boolean;
}

export class RuntimeLogDelivery extends pulumi.ComponentResource {
    public readonly applicationLogGroupName: string;
    public readonly usageLogGroupName: string;
    public readonly applicationLogGroupArn: pulumi.Output<string>;
    public readonly usageLogGroupArn: pulumi.Output<string>;
    /** The Contributor Insights rules over the usage logs, by measure (one per record reading). */
    public readonly usageRuleNames: { readonly vcpu: readonly string[]; readonly memory: readonly string[] };
    /** Every delivery, in creation order: what alarms and rules wait for. */
    public readonly deliveries: aws.cloudwatch.LogDelivery[] = [];
    public readonly usageRules: aws.cloudwatch.ContributorInsightRule[] = [];

    constructor(name: string, args: RuntimeLogDeliveryArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENTS.logDelivery, name, {}, opts);
        const tags = { ...(args.tags ?? {}) };
        const protect = args.protect ?? false;
        const after = [...(args.dependsOn ?? [])];
        const part = (suffix: string) => deliveryName(args.componentName, args.runtimeName, suffix);

        // Deliveries of one source are created one after another, as the CDK does: the
        // Logs API rejects concurrent changes to one source's deliveries.
        const deliver = (logType: string, destination: aws.cloudwatch.LogDeliveryDestination) => {
            const slug = logTypeSlug(logType);
            const source = new aws.cloudwatch.LogDeliverySource(
                `${name}-${slug}-source`,
                { name: part(slug), logType, resourceArn: args.runtimeArn, tags },
                { parent: this },
            );
            const previous = this.deliveries.slice(-1);
            this.deliveries.push(
                new aws.cloudwatch.LogDelivery(
                    `${name}-${slug}-delivery`,
                    { deliverySourceName: source.name, deliveryDestinationArn: destination.arn, tags },
                    { parent: this, dependsOn: [source, destination, ...previous] },
                ),
            );
        };

        const groups = {} as Record<LogGroupLogType, aws.cloudwatch.LogGroup>;
        for (const logType of [APPLICATION_LOGS, USAGE_LOGS] as const) {
            const slug = logTypeSlug(logType);
            groups[logType] = new aws.cloudwatch.LogGroup(
                `${name}-${slug}`,
                {
                    name: deliveryLogGroupName(args.componentName, args.runtimeName, logType),
                    kmsKeyId: args.kmsKeyArn,
                    retentionInDays: args.logRetentionDays,
                    tags,
                },
                { parent: this, protect, retainOnDelete: protect },
            );
            const destination = new aws.cloudwatch.LogDeliveryDestination(
                `${name}-${slug}-destination`,
                {
                    name: part(`${slug}-cwl`),
                    // No outputFormat: each log type has its own default and allowed set, and
                    // the CDK leaves it unset too.
                    deliveryDestinationType: "CWL",
                    deliveryDestinationConfiguration: { destinationResourceArn: groups[logType].arn },
                    tags,
                },
                { parent: this, dependsOn: after },
            );
            deliver(logType, destination);
        }

        if (args.tracing) {
            const xray = new aws.cloudwatch.LogDeliveryDestination(
                `${name}-traces-destination`,
                { name: part("traces-xray"), deliveryDestinationType: "XRAY", tags },
                { parent: this, dependsOn: after },
            );
            deliver(TRACES, xray);
        }

        // ---- Per-session usage: one rule per measure and record reading over the usage group. ----
        const usageGroup = groups[USAGE_LOGS];
        const insights = args.sessionInsights ?? true;
        const rules = insights ? usageRules(args.componentName, args.runtimeName) : [];
        for (const rule of rules) {
            this.usageRules.push(
                new aws.cloudwatch.ContributorInsightRule(
                    `${name}-${rule.measure}-${rule.reading.label}-rule`,
                    {
                        ruleName: rule.name,
                        ruleState: "ENABLED",
                        ruleDefinition: usageGroup.name.apply((group) =>
                            JSON.stringify(usageRuleDefinition(group, rule.measure, rule.reading)),
                        ),
                        tags,
                    },
                    { parent: this },
                ),
            );
        }
        this.usageRuleNames = {
            vcpu: rules.filter((r) => r.measure === "vcpu").map((r) => r.name),
            memory: rules.filter((r) => r.measure === "memory").map((r) => r.name),
        };

        // ---- Saved Logs Insights queries for the common investigations. ----
        for (const saved of insights ? savedQueries(args.sizing) : []) {
            const group = saved.logGroup === "usage" ? usageGroup : groups[APPLICATION_LOGS];
            new aws.cloudwatch.QueryDefinition(
                `${name}-query-${saved.name}`,
                {
                    name: `${args.componentName}/${args.runtimeName}/${saved.name}`,
                    logGroupNames: [group.name],
                    queryString: saved.query,
                },
                { parent: this },
            );
        }

        this.applicationLogGroupName = deliveryLogGroupName(args.componentName, args.runtimeName, APPLICATION_LOGS);
        this.usageLogGroupName = deliveryLogGroupName(args.componentName, args.runtimeName, USAGE_LOGS);
        this.applicationLogGroupArn = groups[APPLICATION_LOGS].arn;
        this.usageLogGroupArn = usageGroup.arn;
        this.registerOutputs({
            applicationLogGroupName: this.applicationLogGroupName,
            usageLogGroupName: this.usageLogGroupName,
            usageRuleNames: this.usageRuleNames,
        });
    }
}
