/**
 * A monthly fixed-cost estimate of one stack from a small, documented price table. In a
 * private setup the interface endpoints dominate the bill: each one is billed per AZ-hour
 * whether or not an agent ever runs. Usage (AgentCore vCPU-hours and GB-hours, endpoint
 * data processing, KMS requests, SNS deliveries) is not included. Pure.
 */
import { KEEP_LAST_IMAGES } from "../artifact/settings";
import { RecordedResource } from "./offline/mocks";
import { TYPES } from "../aws/tokens";

/** The region the table's prices are for, and the day they were read from the AWS price pages. */
export const PRICE_REGION = "us-east-1";
export const PRICE_DATE = "2025-06-01";

/** AWS bills hourly resources per month as 730 hours (365 × 24 / 12). */
export const HOURS_PER_MONTH = 730;
/** Average days in a month, for per-day volume assumptions. */
export const DAYS_PER_MONTH = 30.4;

/** On-demand list prices in USD, us-east-1, as of PRICE_DATE. Free tiers are not applied. */
export const PRICES = {
    /** PrivateLink interface endpoint, per endpoint per AZ per hour. */
    interfaceEndpointAzHour: 0.01,
    /** S3 gateway endpoint: no hourly or data charge. */
    gatewayEndpointMonth: 0,
    /** Customer-managed KMS key, per month (each of the first two automatic rotations adds $1 later). */
    kmsKeyMonth: 1.0,
    /** Secrets Manager secret, per month (API calls, $0.05 per 10,000, not counted). */
    secretMonth: 0.4,
    /** Standard-resolution alarm, per metric it evaluates, per month. */
    standardAlarmMetricMonth: 0.1,
    /** High-resolution alarm (period under 60 s), per metric, per month. */
    highResolutionAlarmMetricMonth: 0.3,
    /** Composite alarm, per month. */
    compositeAlarmMonth: 0.5,
    /** Custom dashboard, per month. */
    dashboardMonth: 3.0,
    /** CloudWatch Logs storage, per GB-month. */
    logStorageGbMonth: 0.03,
    /** Vended-log delivery (VPC flow logs, AgentCore APPLICATION_LOGS and USAGE_LOGS) to CloudWatch Logs, per GB, first 10 TB tier. */
    vendedLogIngestionGb: 0.5,
    /** Contributor Insights rule on CloudWatch Logs, per rule per month. */
    contributorInsightsRuleMonth: 0.5,
    /** Contributor Insights, per million log events matched by a rule. */
    contributorInsightsMillionEvents: 0.02,
    /** X-Ray traces recorded, per million (free tier of 100,000 a month not applied). */
    xrayMillionTraces: 5.0,
    /** ECR private repository storage, per GB-month (aws.amazon.com/ecr/pricing). */
    ecrStorageGbMonth: 0.1,
    /** S3 Standard storage, per GB-month, first 50 TB (aws.amazon.com/s3/pricing). */
    s3StandardGbMonth: 0.023,
} as const;

/**
 * Volumes that are not in the program and so must be assumed. Stated in the report beside
 * every line that uses them.
 */
export const ASSUMPTIONS = {
    /** GB a log group this stack owns receives per day (an idle-to-light private stack). */
    logGbPerDay: 0.1,
    /** Days of logs kept when a log group never expires (retention unset): priced as a year. */
    neverExpireDays: 365,
    /** Session-hours per runtime per day: USAGE_LOGS hold one record per session-second. */
    sessionHoursPerRuntimeDay: 8,
    /** Bytes of one USAGE_LOGS record (JSON with ARNs, IDs and two metrics). */
    usageRecordBytes: 500,
    /** Traces (invocations) per runtime per day delivered to X-Ray. */
    tracesPerRuntimeDay: 1000,
    /** Compressed size of one agent image (a Node or Python base plus the agent), GB. */
    imageGb: 0.25,
    /** Images a stack-owned repository holds: its keep-last-N lifecycle (src/artifact/settings.ts). */
    imagesKept: KEEP_LAST_IMAGES,
    /** Size of one code zip, GB (a bundled agent is a few MB). */
    codeZipGb: 0.02,
    /** Object versions kept per code object (noncurrent versions are kept: pinned endpoints may run them). */
    codeVersionsKept: 50,
} as const;

/** What the estimate is computed from; extracted from the recorded resources. */
export interface CostInputs {
    readonly region: string;
    /** One entry per interface endpoint: its service and the AZs (subnets) it has an ENI in. */
    readonly interfaceEndpoints: readonly { readonly service: string; readonly azCount: number }[];
    readonly gatewayEndpoints: number;
    readonly kmsKeys: number;
    /** Secrets the stack stores in Secrets Manager (runtimes[i].secrets with stored). Default: 0. */
    readonly secrets?: number;
    /** One entry per metric alarm: the metrics it is billed for, and whether it is high-resolution. */
    readonly alarms: readonly { readonly name: string; readonly metrics: number; readonly highResolution: boolean }[];
    readonly compositeAlarms: number;
    readonly dashboards: number;
    /** Log groups this stack owns: retention (undefined = never expires) and whether flow logs feed it. */
    readonly logGroups: readonly {
        readonly name: string;
        readonly retentionDays?: number;
        readonly flowLogs: boolean;
    }[];
    /** Vended deliveries of runtime logs, by log type (APPLICATION_LOGS, USAGE_LOGS, TRACES). */
    readonly runtimeDeliveries?: Readonly<Record<string, number>>;
    /** Contributor Insights rules, and how many of them read a usage log group. */
    readonly insightRules?: number;
    /** ECR repositories this stack owns (images built from source). Default: 0. */
    readonly ecrRepositories?: number;
    /** Code objects this stack stores: its uploads and its copies of promoted objects. Default: 0. */
    readonly codeObjects?: number;
    /** Instances: the capacity provider's allowed instance types. Default: none (microVMs). */
    readonly instanceTypes?: readonly string[];
    /** Instances: runtimes on the capacity provider (each session of each is one instance). Default: 0. */
    readonly instanceRuntimes?: number;
    /** Instances: GiB of the provider's persistent volumes, which each session gets. Default: 0. */
    readonly instanceVolumeGiB?: number;
}

/**
 * Instances, as estimates (AgentCore pricing page, "Instances"; ../shared/AGENTCORE.md): the
 * EC2 On-Demand rate of the type per instance-hour, Linux, us-east-1, from the Amazon EC2
 * On-Demand pricing page (https://aws.amazon.com/ec2/pricing/on-demand/) as of
 * INSTANCE_PRICE_DATE, one row per type of src/compute/catalogue.ts; AgentCore adds its
 * management fee on top; persistent volumes are EBS gp3 at the EBS rate per GiB-month
 * (https://aws.amazon.com/ebs/pricing/). Savings Plans would lower the EC2 part.
 */
export const INSTANCE_PRICE_DATE = "2026-06-17";
export const INSTANCE_HOUR_PRICES: Readonly<Record<string, number>> = {
    "c7g.medium": 0.0363,
    "m7g.medium": 0.0408,
    "r7g.medium": 0.0536,
    "c7g.large": 0.0725,
    "m7g.large": 0.0816,
    "r7g.large": 0.1071,
    "c7g.xlarge": 0.145,
    "m7g.xlarge": 0.1632,
    "c7i.large": 0.08925,
    "m7i.large": 0.1008,
    "r7i.large": 0.1323,
    "c7i.xlarge": 0.1785,
    "m7i.xlarge": 0.2016,
};
/** EBS gp3 storage, per GiB-month (us-east-1). */
export const EBS_GP3_GIB_MONTH = 0.08;

/**
 * How an Instances session is billed (AgentCore pricing page, "Instances"): one instance-hour
 * of its type at the EC2 On-Demand rate (about a 1-minute minimum), plus AgentCore's management
 * fee of 12 % (7.8 % for G-series), and EBS volumes at EBS rates per GiB-month. Usage-based, so
 * a note, not a fixed line; the per-type EC2 rate is not tabulated here (see the EC2 pricing page).
 */
export const INSTANCES_MANAGEMENT_FEE = 0.12;
export const INSTANCES_MANAGEMENT_FEE_GPU = 0.078;

export function instancesCostNote(instanceTypes: readonly string[]): string {
    return (
        `Instances: each session is one instance of ${instanceTypes.join(", ")}, billed per instance-hour at the EC2 On-Demand rate ` +
        `(about a 1-minute minimum) plus AgentCore's ${INSTANCES_MANAGEMENT_FEE * 100} % management fee ` +
        `(${INSTANCES_MANAGEMENT_FEE_GPU * 100} % for G-series), and EBS at EBS rates per GiB-month; Savings Plans apply. ` +
        `The Instances lines are estimates: the cheapest allowed type's us-east-1 Linux On-Demand rate of ${INSTANCE_PRICE_DATE} (aws.amazon.com/ec2/pricing/on-demand), ` +
        `gp3 at $${EBS_GP3_GIB_MONTH}/GiB-month (aws.amazon.com/ebs/pricing), AWS may launch any allowed type.`
    );
}

/** The management fee's share for a type: 7.8 % for G-series (GPU), 12 % otherwise. */
export function managementFee(instanceType: string): number {
    return /^g/.test(instanceType) ? INSTANCES_MANAGEMENT_FEE_GPU : INSTANCES_MANAGEMENT_FEE;
}

export interface CostLine {
    readonly item: string;
    readonly quantity: number;
    readonly unit: string;
    readonly unitPrice: number;
    /** USD per month, rounded to the cent. */
    readonly monthly: number;
    /** `list`: a list price times a count from the program; `assumption`: uses ASSUMPTIONS. */
    readonly basis: "list" | "assumption";
}

export interface CostEstimate {
    readonly region: string;
    readonly priceRegion: string;
    readonly priceDate: string;
    /** False when the stack's region is not the table's: the figures are then us-east-1 prices. */
    readonly regionMatches: boolean;
    readonly lines: readonly CostLine[];
    /** Sum of the `list` lines. */
    readonly fixedMonthly: number;
    /** Sum of the `assumption` lines. */
    readonly assumedMonthly: number;
    readonly totalMonthly: number;
    readonly notes: readonly string[];
}

const cents = (usd: number): number => Math.round(usd * 100) / 100;

/** What the estimate leaves out, stated with every estimate. */
export const EXCLUDED = [
    "AgentCore Runtime usage (vCPU-hours and GB-hours per session) is usage-based and not included.",
    "APPLICATION_LOGS ingestion depends on what the agent logs and is covered only by the assumed log volume per group; Transaction Search span ingestion (aws/spans) is billed to the account that owns it and not included.",
    "Interface endpoint data processing ($0.01/GB), KMS requests, SNS deliveries, CloudWatch API calls and the runtimes' own application logs are usage-based and not included.",
    "Free tiers (10 alarm metrics, 3 dashboards, 5 GB of logs) are not applied.",
    "VPC, subnets, route tables, security groups, IAM roles and the alarm topic have no fixed charge.",
];

/** The monthly estimate for one stack. */
export function estimateCost(inputs: CostInputs): CostEstimate {
    const lines: CostLine[] = [];
    const add = (
        item: string,
        quantity: number,
        unit: string,
        unitPrice: number,
        basis: CostLine["basis"],
        perMonth = 1,
    ) => {
        if (quantity > 0) {
            lines.push({
                item,
                quantity: cents(quantity),
                unit,
                unitPrice,
                monthly: cents(quantity * unitPrice * perMonth),
                basis,
            });
        }
    };

    // Endpoint-hours: one ENI per subnet (AZ) per service, billed every hour of the month.
    const azEndpoints = inputs.interfaceEndpoints.reduce((sum, e) => sum + e.azCount, 0);
    const services = inputs.interfaceEndpoints.length;
    add(
        `Interface endpoints (${services} service${services === 1 ? "" : "s"} × AZs = ${azEndpoints} endpoint-AZs × ${HOURS_PER_MONTH} h)`,
        azEndpoints * HOURS_PER_MONTH,
        "AZ-hour",
        PRICES.interfaceEndpointAzHour,
        "list",
    );
    add("S3 gateway endpoint (free)", inputs.gatewayEndpoints, "endpoint-month", PRICES.gatewayEndpointMonth, "list");
    add("KMS customer-managed key", inputs.kmsKeys, "key-month", PRICES.kmsKeyMonth, "list");
    add("Secrets Manager secret", inputs.secrets ?? 0, "secret-month", PRICES.secretMonth, "list");

    const standardMetrics = inputs.alarms.filter((a) => !a.highResolution).reduce((sum, a) => sum + a.metrics, 0);
    const highResMetrics = inputs.alarms.filter((a) => a.highResolution).reduce((sum, a) => sum + a.metrics, 0);
    const alarmCount = inputs.alarms.length;
    add(
        `CloudWatch standard alarms (${alarmCount} alarm${alarmCount === 1 ? "" : "s"}, billed per metric evaluated)`,
        standardMetrics,
        "alarm metric-month",
        PRICES.standardAlarmMetricMonth,
        "list",
    );
    add(
        "CloudWatch high-resolution alarm metrics",
        highResMetrics,
        "alarm metric-month",
        PRICES.highResolutionAlarmMetricMonth,
        "list",
    );
    add("CloudWatch composite alarms", inputs.compositeAlarms, "alarm-month", PRICES.compositeAlarmMonth, "list");
    add("CloudWatch dashboards", inputs.dashboards, "dashboard-month", PRICES.dashboardMonth, "list");

    // Steady state: a group holds `retention` days of logs once it has been running that long.
    const storedGb = inputs.logGroups.reduce(
        (sum, g) =>
            sum +
            ASSUMPTIONS.logGbPerDay *
                (g.retentionDays && g.retentionDays > 0 ? g.retentionDays : ASSUMPTIONS.neverExpireDays),
        0,
    );
    const groups = inputs.logGroups.length;
    add(
        `Log storage, assumed ${ASSUMPTIONS.logGbPerDay} GB/day × retention in ${groups} log group${groups === 1 ? "" : "s"}`,
        storedGb,
        "GB-month",
        PRICES.logStorageGbMonth,
        "assumption",
    );
    const flowGroups = inputs.logGroups.filter((g) => g.flowLogs).length;
    add(
        `Flow-log ingestion, assumed ${ASSUMPTIONS.logGbPerDay} GB/day`,
        flowGroups * ASSUMPTIONS.logGbPerDay * DAYS_PER_MONTH,
        "GB",
        PRICES.vendedLogIngestionGb,
        "assumption",
    );

    // Observability: rules are fixed; what they match, usage logs and traces are assumed volumes.
    const deliveries = inputs.runtimeDeliveries ?? {};
    const rules = inputs.insightRules ?? 0;
    add(
        `Contributor Insights rules (${rules}, per-session usage)`,
        rules,
        "rule-month",
        PRICES.contributorInsightsRuleMonth,
        "list",
    );
    const usageRuntimes = deliveries.USAGE_LOGS ?? 0;
    const usageRecordsMonth = usageRuntimes * ASSUMPTIONS.sessionHoursPerRuntimeDay * 3600 * DAYS_PER_MONTH;
    add(
        `USAGE_LOGS ingestion, assumed ${ASSUMPTIONS.sessionHoursPerRuntimeDay} session-hours/day × 1 record/s × ${ASSUMPTIONS.usageRecordBytes} B`,
        (usageRecordsMonth * ASSUMPTIONS.usageRecordBytes) / 1e9,
        "GB",
        PRICES.vendedLogIngestionGb,
        "assumption",
    );
    add(
        `Contributor Insights events matched (each usage record by ${usageRuntimes > 0 ? rules / usageRuntimes : 0} rules)`,
        usageRuntimes > 0 ? (usageRecordsMonth * (rules / usageRuntimes)) / 1e6 : 0,
        "million events",
        PRICES.contributorInsightsMillionEvents,
        "assumption",
    );
    add(
        `X-Ray traces, assumed ${ASSUMPTIONS.tracesPerRuntimeDay}/day per traced runtime`,
        ((deliveries.TRACES ?? 0) * ASSUMPTIONS.tracesPerRuntimeDay * DAYS_PER_MONTH) / 1e6,
        "million traces",
        PRICES.xrayMillionTraces,
        "assumption",
    );
    const repositories = inputs.ecrRepositories ?? 0;
    add(
        `ECR image storage, assumed ${ASSUMPTIONS.imagesKept} images × ${ASSUMPTIONS.imageGb} GB in ${repositories} repositor${repositories === 1 ? "y" : "ies"}`,
        repositories * ASSUMPTIONS.imagesKept * ASSUMPTIONS.imageGb,
        "GB-month",
        PRICES.ecrStorageGbMonth,
        "assumption",
    );
    const codeObjects = inputs.codeObjects ?? 0;
    add(
        `S3 code storage, assumed ${ASSUMPTIONS.codeVersionsKept} versions × ${ASSUMPTIONS.codeZipGb} GB of ${codeObjects} code object${codeObjects === 1 ? "" : "s"}`,
        codeObjects * ASSUMPTIONS.codeVersionsKept * ASSUMPTIONS.codeZipGb,
        "GB-month",
        PRICES.s3StandardGbMonth,
        "assumption",
    );

    // Instances: each session is one whole instance for as long as it runs (assumed like the
    // USAGE_LOGS volume: session-hours per runtime per day), at the cheapest allowed type's rate.
    const priced = (inputs.instanceTypes ?? [])
        .filter((t) => INSTANCE_HOUR_PRICES[t] !== undefined)
        .sort((a, b) => INSTANCE_HOUR_PRICES[a] - INSTANCE_HOUR_PRICES[b]);
    const instanceRuntimes = inputs.instanceRuntimes ?? 0;
    if (priced.length > 0 && instanceRuntimes > 0) {
        const type = priced[0];
        const instanceHours = instanceRuntimes * ASSUMPTIONS.sessionHoursPerRuntimeDay * DAYS_PER_MONTH;
        add(
            `Instances: ${instanceRuntimes} runtime${instanceRuntimes === 1 ? "" : "s"} × assumed ${ASSUMPTIONS.sessionHoursPerRuntimeDay} session-hours/day on ${type} (EC2 On-Demand, estimate)`,
            instanceHours,
            "instance-hour",
            INSTANCE_HOUR_PRICES[type],
            "assumption",
        );
        const fee = managementFee(type);
        add(
            `Instances: AgentCore management fee, ${cents(fee * 100)} % of those instance-hours (estimate)`,
            instanceHours * INSTANCE_HOUR_PRICES[type],
            "USD of instance-hours",
            fee,
            "assumption",
        );
        add(
            `Instances: EBS gp3 persistent volumes, ${inputs.instanceVolumeGiB ?? 0} GiB per session, one kept session per runtime (estimate)`,
            (inputs.instanceVolumeGiB ?? 0) * instanceRuntimes,
            "GiB-month",
            EBS_GP3_GIB_MONTH,
            "assumption",
        );
    }

    const sum = (basis: CostLine["basis"]) =>
        cents(lines.filter((l) => l.basis === basis).reduce((s, l) => s + l.monthly, 0));
    const fixedMonthly = sum("list");
    const assumedMonthly = sum("assumption");
    const regionMatches = inputs.region === PRICE_REGION;
    const notes = [
        ...(inputs.instanceTypes && inputs.instanceTypes.length > 0 ? [instancesCostNote(inputs.instanceTypes)] : []),
        ...EXCLUDED,
    ];
    if (!regionMatches) {
        notes.unshift(
            `The price table is ${PRICE_REGION}'s; ${inputs.region} list prices differ, so this is a ${PRICE_REGION}-priced estimate.`,
        );
    }
    return {
        region: inputs.region,
        priceRegion: PRICE_REGION,
        priceDate: PRICE_DATE,
        regionMatches,
        lines,
        fixedMonthly,
        assumedMonthly,
        totalMonthly: cents(fixedMonthly + assumedMonthly),
        notes,
    };
}

const ALARM_TYPE = TYPES.metricAlarm;

/** Metrics an alarm is billed for: one, or each metric of a metric-math expression (×3 with an anomaly band). */
export function billedAlarmMetrics(inputs: Record<string, unknown>): { metrics: number; highResolution: boolean } {
    const queries = (inputs.metricQueries as Record<string, unknown>[] | undefined) ?? [];
    if (queries.length === 0) {
        return { metrics: 1, highResolution: Number(inputs.period ?? 60) < 60 };
    }
    // Queries with a `metric` are the metrics CloudWatch bills; the rest are expressions over them.
    const stats = queries.map((q) => q.metric as Record<string, unknown> | undefined).filter((s) => s !== undefined);
    const anomaly = queries.some((q) => String(q.expression ?? "").includes("ANOMALY_DETECTION_BAND"));
    return {
        metrics: Math.max(1, stats.length) * (anomaly ? 3 : 1),
        highResolution: stats.some((s) => Number(s?.period ?? 60) < 60),
    };
}

/** The estimate's inputs, counted from what the program registered. */
export function costInputsFromResources(resources: readonly RecordedResource[], region: string): CostInputs {
    const ofType = (type: string) => resources.filter((r) => r.type === type);
    const endpoints = ofType(TYPES.vpcEndpoint);
    const flowLogDestinations = new Set(ofType(TYPES.flowLog).map((f) => String(f.inputs.logDestination)));
    const servicePrefix = `com.amazonaws.${region}.`;
    return {
        region,
        interfaceEndpoints: endpoints
            .filter((e) => e.inputs.vpcEndpointType === "Interface")
            .map((e) => ({
                service: String(e.inputs.serviceName ?? "").replace(servicePrefix, ""),
                azCount: ((e.inputs.subnetIds as unknown[] | undefined) ?? []).length,
            })),
        gatewayEndpoints: endpoints.filter((e) => e.inputs.vpcEndpointType === "Gateway").length,
        kmsKeys: ofType(TYPES.kmsKey).length,
        secrets: ofType(TYPES.secret).length,
        alarms: ofType(ALARM_TYPE).map((a) => ({ name: a.name, ...billedAlarmMetrics(a.inputs) })),
        compositeAlarms: ofType(TYPES.compositeAlarm).length,
        dashboards: ofType(TYPES.dashboard).length,
        runtimeDeliveries: ofType(TYPES.logDeliverySource).reduce<Record<string, number>>((counts, source) => {
            const logType = String(source.inputs.logType);
            return { ...counts, [logType]: (counts[logType] ?? 0) + 1 };
        }, {}),
        insightRules: ofType(TYPES.contributorInsightRule).length,
        logGroups: ofType(TYPES.logGroup).map((g) => ({
            name: g.name,
            retentionDays: g.inputs.retentionInDays as number | undefined,
            flowLogs: flowLogDestinations.has(String(g.state.arn)),
        })),
        ecrRepositories: ofType(TYPES.ecrRepository).length,
        codeObjects: ofType(TYPES.s3BucketObject).length + ofType(TYPES.s3ObjectCopy).length,
        instanceTypes: ofType(TYPES.nativeCapacityProvider).flatMap(
            (p) =>
                (
                    p.inputs.computeConfiguration as
                        | Record<string, Record<string, Record<string, Record<string, Record<string, string[]>>>>>
                        | undefined
                )?.ec2Configuration?.launchTemplateSource?.launchParameters?.instanceRequirements
                    ?.allowedInstanceTypes ?? [],
        ),
        instanceRuntimes: ofType(TYPES.nativeRuntime).filter(
            (r) => r.inputs.capacityProviderConfiguration !== undefined,
        ).length,
        instanceVolumeGiB: ofType(TYPES.nativeCapacityProvider)
            .flatMap(
                (p) =>
                    (
                        p.inputs.computeConfiguration as
                            | { ec2Configuration?: { volumes?: { ebsConfiguration?: { sizeGiB?: number } }[] } }
                            | undefined
                    )?.ec2Configuration?.volumes ?? [],
            )
            .reduce((sum, v) => sum + Number(v.ebsConfiguration?.sizeGiB ?? 0), 0),
    };
}

/** `$1,234.56` */
export function usd(amount: number): string {
    return `$${amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** The estimate as text lines for the plan report. */
export function renderCost(estimate: CostEstimate): string[] {
    const label = estimate.regionMatches
        ? `${estimate.region}, list prices of ${estimate.priceDate}`
        : `${estimate.region}, priced with ${estimate.priceRegion} list prices of ${estimate.priceDate}`;
    const out = [`Monthly fixed-cost estimate (${label}; USD)`];
    const width = Math.max(...estimate.lines.map((l) => l.item.length), 20);
    for (const line of estimate.lines) {
        const qty = `${line.quantity} ${line.unit} × ${usd(line.unitPrice)}`;
        const mark = line.basis === "assumption" ? " (assumption)" : "";
        out.push(`  ${line.item.padEnd(width)}  ${usd(line.monthly).padStart(9)}   ${qty}${mark}`);
    }
    out.push(`  ${"Fixed (list prices × counts)".padEnd(width)}  ${usd(estimate.fixedMonthly).padStart(9)}`);
    out.push(`  ${"With assumed log volumes".padEnd(width)}  ${usd(estimate.totalMonthly).padStart(9)}`);
    out.push(...estimate.notes.map((n) => `  Note: ${n}`));
    return out;
}
