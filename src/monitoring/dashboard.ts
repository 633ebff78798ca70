/**
 * The stack's CloudWatch dashboard body, built by a pure function over plain strings: one
 * band per runtime (a header, then invocations, errors, throttles, latency, sessions and the
 * per-session vCPU and GB usage with the budget drawn across). The usage graphs plot the
 * very metric math the budget alarms watch, so the line crossing the budget is the alarm.
 */
import { Environment } from "../agentcoreFacts";
import { SizingBudget } from "../config/types";
import { MetricTarget } from "./dimensions";
import { MetricQuery, perEndpoint, perSessionQueries } from "./queries";
import { FAST_PERIOD_SECONDS, THRESHOLDS, USAGE_PERIOD_SECONDS, cpuBudgetVcpu, memoryBudgetGb } from "./thresholds";

/** One runtime on the dashboard: its configured name plus the resolved metric target. */
export interface DashboardRuntime extends MetricTarget {
    readonly name: string;
}

export interface DashboardInput {
    readonly region: string;
    readonly environment: Environment;
    readonly sizing: SizingBudget;
    readonly runtimes: readonly DashboardRuntime[];
}

/** A line of a metric widget: `[namespace, name, dim, value, …, options]` or `[{ expression … }]`. */
export type WidgetMetric = (string | Record<string, unknown>)[];

export interface Widget {
    readonly type: "metric" | "text";
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
    readonly properties: Record<string, unknown>;
}

export interface DashboardBody {
    readonly widgets: Widget[];
}

/** Dashboard names allow letters, digits, `-` and `_`, up to 255 characters. */
export function dashboardNameFor(componentName: string): string {
    return componentName.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 255);
}

/** Height of one runtime's band: a 2-row header and two 6-row lines of graphs. */
export const BAND_HEIGHT = 14;

/**
 * Widget lines from metric queries. Queries not in `show` are fetched but hidden (inputs
 * of an expression); those in `right` go on the right axis.
 */
function lines(queries: readonly MetricQuery[], show?: ReadonlySet<string>, right: ReadonlySet<string> = new Set()): WidgetMetric[] {
    return queries.map((q) => {
        const options: Record<string, unknown> = { id: q.id, label: q.label };
        if (show && !show.has(q.id)) {
            options.visible = false;
        }
        if (right.has(q.id)) {
            options.yAxis = "right";
        }
        if (q.expression !== undefined) {
            return [{ expression: q.expression, ...options }];
        }
        const m = q.metric!;
        const dims = Object.entries(m.dimensions).flat();
        return [m.namespace, m.metricName, ...dims, { ...options, stat: m.stat, period: m.period }];
    });
}

function graph(
    region: string,
    title: string,
    metrics: WidgetMetric[],
    at: { x: number; y: number; width: number },
    extra: Record<string, unknown> = {},
): Widget {
    return {
        type: "metric",
        ...at,
        height: 6,
        properties: { title, region, view: "timeSeries", stacked: false, metrics, yAxis: { left: { min: 0 } }, ...extra },
    };
}

function runtimeBand(input: DashboardInput, runtime: DashboardRuntime, y: number): Widget[] {
    const { region, sizing } = input;
    const t = THRESHOLDS[input.environment];
    const vcpu = cpuBudgetVcpu(sizing);
    const gb = memoryBudgetGb(sizing);
    const fast = { period: FAST_PERIOD_SECONDS };
    const usage = (resultId: string) => new Set([resultId, `${resultId}Used`]);
    const cpuQueries = perSessionQueries(runtime, "CPUUsed-vCPUHours", USAGE_PERIOD_SECONDS, "vcpuPerSession");
    const memQueries = perSessionQueries(runtime, "MemoryUsed-GBHours", USAGE_PERIOD_SECONDS, "gbPerSession");
    const header =
        `## ${runtime.name} (${runtime.runtimeName})\n` +
        `Runtime ARN \`${runtime.runtimeArn}\` · endpoints ${runtime.endpoints.join(", ")} · ` +
        `per-session budget ${vcpu} vCPU (${sizing.cpu} CPU units) and ${gb} GB (${sizing.memory} MiB) · ` +
        `usage arrives up to 60 minutes late`;
    const row2 = y + 8;
    return [
        { type: "text", x: 0, y, width: 24, height: 2, properties: { markdown: header } },
        graph(region, "Invocations", lines(perEndpoint(runtime, "Invocations", "Sum", FAST_PERIOD_SECONDS, "inv")), { x: 0, y: y + 2, width: 6 }, fast),
        graph(
            region,
            "Errors (system / user)",
            lines([
                ...perEndpoint(runtime, "SystemErrors", "Sum", FAST_PERIOD_SECONDS, "se"),
                ...perEndpoint(runtime, "UserErrors", "Sum", FAST_PERIOD_SECONDS, "ue"),
            ]),
            { x: 6, y: y + 2, width: 6 },
            fast,
        ),
        graph(region, "Throttles", lines(perEndpoint(runtime, "Throttles", "Sum", FAST_PERIOD_SECONDS, "thr")), { x: 12, y: y + 2, width: 6 }, fast),
        graph(
            region,
            "Latency p50 / p99 (ms)",
            lines([
                ...perEndpoint(runtime, "Latency", "p50", FAST_PERIOD_SECONDS, "p50E"),
                ...perEndpoint(runtime, "Latency", "p99", FAST_PERIOD_SECONDS, "p99E"),
            ]),
            { x: 18, y: y + 2, width: 6 },
            { ...fast, annotations: { horizontal: [{ label: `p99 alarm ${t.latencyP99Ms} ms`, value: t.latencyP99Ms }] } },
        ),
        graph(region, "Sessions started", lines(perEndpoint(runtime, "SessionCount", "Sum", FAST_PERIOD_SECONDS, "ses")), { x: 0, y: row2, width: 8 }, fast),
        graph(
            region,
            "vCPU per session (left) · vCPU-hours (right)",
            lines(cpuQueries, usage("vcpuPerSession"), new Set(["vcpuPerSessionUsed"])),
            { x: 8, y: row2, width: 8 },
            { period: USAGE_PERIOD_SECONDS, annotations: { horizontal: [{ label: `budget ${vcpu} vCPU per session`, value: vcpu }] } },
        ),
        graph(
            region,
            "GB per session (left) · GB-hours (right)",
            lines(memQueries, usage("gbPerSession"), new Set(["gbPerSessionUsed"])),
            { x: 16, y: row2, width: 8 },
            { period: USAGE_PERIOD_SECONDS, annotations: { horizontal: [{ label: `budget ${gb} GB per session`, value: gb }] } },
        ),
    ];
}

/** The whole dashboard: one band per runtime, in config order. */
export function dashboardBody(input: DashboardInput): DashboardBody {
    return { widgets: input.runtimes.flatMap((runtime, i) => runtimeBand(input, runtime, i * BAND_HEIGHT)) };
}
