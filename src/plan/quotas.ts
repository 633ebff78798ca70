/**
 * The quota footprint of a plan: what each stack spends of every account- or Region-level
 * quota it touches, against AWS's published default, and how many agent stacks fit beside a
 * network stack before one of them binds. Pure: recorded resources in, numbers out.
 * The defaults are AWS's, each with its source (docs/topology.md#quotas).
 */
import { RecordedResource } from "./offline/mocks";
import { RUNTIME_ENDPOINT_TYPES, RUNTIME_TYPES, TYPES } from "../aws/tokens";

export interface QuotaDefinition {
    readonly id: string;
    readonly name: string;
    /** `account and Region` unless said otherwise. */
    readonly scope: string;
    /** AWS's default value. */
    readonly awsDefault: number;
    readonly adjustable: boolean;
    /** Where AWS publishes the default. */
    readonly source: string;
    readonly types: readonly string[];
    /** Counts the resources that spend it; default: one each of `types`. */
    readonly filter?: (r: RecordedResource) => boolean;
}

const CLOUDWATCH = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html";
const LOGS = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html";
const XRAY = "https://docs.aws.amazon.com/general/latest/gr/xray.html";
const VPC = "https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html";
const PRIVATELINK = "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-limits-endpoints.html";
const IAM = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html";
const KMS = "https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html";
const AGENTCORE = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/bedrock-agentcore-limits.html";

/** The quota AgentCore itself sets on runtimes: the one that should bind first. */
export const AGENTCORE_RUNTIMES_QUOTA_ID = "agentcore-runtimes";

/** Every account- or Region-level quota a stack of this program spends. */
export const QUOTAS: readonly QuotaDefinition[] = [
    {
        id: AGENTCORE_RUNTIMES_QUOTA_ID,
        name: "AgentCore runtimes",
        scope: "account and Region",
        awsDefault: 1000,
        adjustable: true,
        source: AGENTCORE,
        types: RUNTIME_TYPES,
    },
    {
        id: "logs-resource-policies",
        name: "CloudWatch Logs resource policies",
        scope: "account and Region",
        awsDefault: 10,
        adjustable: false,
        source: LOGS,
        types: [TYPES.logResourcePolicy],
    },
    {
        id: "xray-resource-policies",
        name: "X-Ray resource policies",
        scope: "account",
        awsDefault: 5,
        adjustable: false,
        source: XRAY,
        types: [TYPES.xrayResourcePolicy],
    },
    {
        id: "contributor-insights-rules",
        name: "Contributor Insights rules",
        scope: "account and Region",
        awsDefault: 100,
        adjustable: true,
        source: CLOUDWATCH,
        types: [TYPES.contributorInsightRule],
    },
    {
        id: "saved-queries",
        name: "Saved Logs Insights queries",
        scope: "account and Region",
        awsDefault: 1000,
        adjustable: false,
        source: LOGS,
        types: [TYPES.queryDefinition],
    },
    {
        id: "log-groups",
        name: "CloudWatch Logs log groups",
        scope: "account and Region",
        awsDefault: 1000000,
        adjustable: true,
        source: LOGS,
        types: [TYPES.logGroup],
    },
    {
        id: "vpcs",
        name: "VPCs",
        scope: "Region",
        awsDefault: 5,
        adjustable: true,
        source: VPC,
        types: [TYPES.vpc],
    },
    {
        id: "security-groups",
        name: "VPC security groups",
        scope: "Region",
        awsDefault: 2500,
        adjustable: true,
        source: VPC,
        types: [TYPES.securityGroup],
    },
    {
        id: "interface-endpoints",
        name: "Interface VPC endpoints",
        scope: "VPC",
        awsDefault: 50,
        adjustable: true,
        source: PRIVATELINK,
        types: [TYPES.vpcEndpoint],
        filter: (r) => r.inputs.vpcEndpointType === "Interface",
    },
    {
        id: "iam-roles",
        name: "IAM roles",
        scope: "account",
        awsDefault: 1000,
        adjustable: true,
        source: IAM,
        types: [TYPES.role, TYPES.nativeRole],
    },
    {
        id: "kms-keys",
        name: "KMS customer managed keys",
        scope: "account and Region",
        awsDefault: 100000,
        adjustable: true,
        source: KMS,
        types: [TYPES.kmsKey],
    },
];

/** Per runtime, AgentCore allows 10 endpoints (AGENTCORE source above). */
export const AGENTCORE_ENDPOINTS_PER_RUNTIME = 10;
/** Alarms: "No limit on the total number of alarms per account" (CloudWatch service quotas). */
export const ALARMS_HAVE_NO_QUOTA = true;

/** What one stack spends of each quota, by quota id. */
export function quotaFootprint(resources: readonly RecordedResource[]): Record<string, number> {
    return Object.fromEntries(
        QUOTAS.map((q) => [
            q.id,
            resources.filter((r) => q.types.includes(r.type) && (q.filter ? q.filter(r) : true)).length,
        ]),
    );
}

/** The most endpoints any runtime of the stack has (the per-runtime quota). */
export function maxEndpointsPerRuntime(resources: readonly RecordedResource[]): number {
    const counts = new Map<string, number>();
    for (const r of resources.filter((x) => RUNTIME_ENDPOINT_TYPES.includes(x.type))) {
        const runtime = String(r.inputs.agentRuntimeId ?? r.inputs.agentRuntimeArn ?? r.parent ?? "");
        counts.set(runtime, (counts.get(runtime) ?? 0) + 1);
    }
    return Math.max(0, ...counts.values());
}

export interface QuotaFit {
    readonly quota: QuotaDefinition;
    /** Spent by the network stack (fixed, once per account). */
    readonly network: number;
    /** Spent by each agent stack. */
    readonly perAgentStack: number;
    /** Agent stacks that fit beside the network stack; Infinity when an agent stack spends none. */
    readonly agentStacksThatFit: number;
}

export interface FleetFit {
    readonly fits: readonly QuotaFit[];
    /** The quota that stops the fleet first (ties: AgentCore's own runtime quota wins). */
    readonly binding: QuotaFit;
    readonly runtimesPerAgentStack: number;
}

/**
 * How many agent stacks like `agent` fit in one account and Region beside one `network`
 * stack, per quota. VPC-scoped quotas count against the network stack's VPC only (agent
 * stacks add no endpoint to it).
 */
export function fleetFit(network: Record<string, number>, agent: Record<string, number>): FleetFit {
    const fits = QUOTAS.map((quota): QuotaFit => {
        const fixed = network[quota.id] ?? 0;
        const each = agent[quota.id] ?? 0;
        const left = quota.awsDefault - fixed;
        return {
            quota,
            network: fixed,
            perAgentStack: each,
            agentStacksThatFit: each === 0 ? (left >= 0 ? Infinity : 0) : Math.max(0, Math.floor(left / each)),
        };
    });
    const binding = fits.reduce((best, f) =>
        f.agentStacksThatFit < best.agentStacksThatFit ||
        (f.agentStacksThatFit === best.agentStacksThatFit && f.quota.id === AGENTCORE_RUNTIMES_QUOTA_ID)
            ? f
            : best,
    );
    return { fits, binding, runtimesPerAgentStack: agent[AGENTCORE_RUNTIMES_QUOTA_ID] ?? 0 };
}

function n(value: number): string {
    return value === Infinity ? "no limit" : value.toLocaleString("en-US");
}

/** The quota section of one stack's plan. */
export function renderQuotaFootprint(resources: readonly RecordedResource[]): string[] {
    const spent = quotaFootprint(resources);
    const lines = QUOTAS.filter((q) => spent[q.id] > 0).map(
        (q) =>
            `  ${q.name} (per ${q.scope}): ${n(spent[q.id])} of ${n(q.awsDefault)}${q.adjustable ? "" : " (not adjustable)"}`,
    );
    const endpoints = maxEndpointsPerRuntime(resources);
    if (endpoints > 0) {
        lines.push(`  AgentCore endpoints per runtime: at most ${endpoints} of ${AGENTCORE_ENDPOINTS_PER_RUNTIME}`);
    }
    lines.push("  Alarms: no quota (CloudWatch service quotas); defaults and sources: docs/topology.md#quotas");
    return lines.length > 1 ? lines : ["  no account-level quota spent", ...lines];
}

/** The fleet section of `--all`: how many agent stacks like `agentStack` fit beside `networkStack`. */
export function renderFleetFit(networkStack: string, agentStack: string, fit: FleetFit): string[] {
    const out = [
        `  one ${networkStack} stack + N stacks like ${agentStack} (${fit.runtimesPerAgentStack} runtime${fit.runtimesPerAgentStack === 1 ? "" : "s"} each), AWS defaults:`,
    ];
    for (const f of fit.fits) {
        out.push(
            `    ${f.quota.name}: ${n(f.quota.awsDefault)} − ${n(f.network)} (network) = ${n(f.quota.awsDefault - f.network)} left; ${n(f.perAgentStack)} per agent stack → N ≤ ${n(f.agentStacksThatFit)}`,
        );
    }
    const b = fit.binding;
    out.push(
        b.quota.id === AGENTCORE_RUNTIMES_QUOTA_ID
            ? `  binds first: ${b.quota.name} (${n(b.quota.awsDefault)}), at ${n(b.agentStacksThatFit)} agent stacks: no quota this program spends binds before it`
            : `  binds first: ${b.quota.name} (AWS default ${n(b.quota.awsDefault)}${b.quota.adjustable ? "; request an increase in Service Quotas" : ", not adjustable"}) at ${n(b.agentStacksThatFit)} agent stacks`,
    );
    return out;
}
