/**
 * The stack's CloudWatch dashboard body, built by a pure function over plain strings: one
 * band per runtime (a header; invocations, errors, throttles, latency; sessions with usage,
 * the busiest session's vCPU and GB against the budget; the top sessions by vCPU; and the
 * errors by session from the application logs). The per-session graphs plot the very metric
 * math the budget alarms watch, so the line crossing the budget is the alarm.
 */
import { Environment } from "../aws/agentcore";
import { SizingBudget } from "../config/types";
import { MetricTarget, RuntimeMetric } from "./dimensions";
import { MetricQuery, perEndpoint } from "./metricQueries";
import { FAST_PERIOD_SECONDS, THRESHOLDS, cpuBudgetVcpu, memoryBudgetGb } from "./thresholds";
import { USAGE_RULE_PERIOD_SECONDS, UsageMeasure, activeSessionQueries, busiestSessionQueries } from "./usage";
import { errorsBySessionQuery } from "./logQueries";

/** One runtime on the dashboard: its configured name plus the resolved metric target. */
export interface DashboardRuntime extends MetricTarget {
    readonly name: string;
    /** The stack-owned group the runtime's APPLICATION_LOGS are delivered to. */
    readonly applicationLogGroupName: string;
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
    readonly type: "metric" | "text" | "log";
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

/** Height of one runtime's band: a 2-row header and three 6-row lines of widgets. */
export const BAND_HEIGHT = 20;

/**
 * Widget lines from metric queries. Queries not in `show` are fetched but hidden (inputs
 * of an expression).
 */
function lines(queries: readonly MetricQuery[], show?: ReadonlySet<string>): WidgetMetric[] {
    return queries.map((q) => {
        const options: Record<string, unknown> = { id: q.id, label: q.label };
        if (show && !show.has(q.id)) {
            options.visible = false;
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
        properties: {
            title,
            region,
            view: "timeSeries",
            stacked: false,
            metrics,
            yAxis: { left: { min: 0 } },
            ...extra,
        },
    };
}

function runtimeBand(input: DashboardInput, runtime: DashboardRuntime, y: number): Widget[] {
    const { region, sizing } = input;
    const t = THRESHOLDS[input.environment];
    const vcpu = cpuBudgetVcpu(sizing);
    const gb = memoryBudgetGb(sizing);
    const fast = { period: FAST_PERIOD_SECONDS };
    const usage = { period: USAGE_RULE_PERIOD_SECONDS };
    const header =
        `## ${runtime.name} (${runtime.runtimeName})\n` +
        `Runtime ARN \`${runtime.runtimeArn}\` · endpoints ${runtime.endpoints.join(", ")} · ` +
        `per-session budget ${vcpu} vCPU (${sizing.cpu} CPU units) and ${gb} GB (${sizing.memory} MiB), ` +
        `measured per session from USAGE_LOGS in 5-minute averages · usage arrives up to 60 minutes late`;
    const row2 = y + 8;
    const row3 = y + 14;
    /** A budget or alarm line across a graph. */
    const mark = (label: string, value: number) => ({ annotations: { horizontal: [{ label, value }] } });
    /** A graph of the first line: the endpoints' series of `metrics` (name, statistic, id prefix). */
    const perEndpointGraph = (title: string, x: number, metrics: [RuntimeMetric, string, string][], extra = {}) =>
        graph(
            region,
            title,
            lines(metrics.flatMap(([name, stat, id]) => perEndpoint(runtime, name, stat, FAST_PERIOD_SECONDS, id))),
            { x, y: y + 2, width: 6 },
            { ...fast, ...extra },
        );
    /** A graph of the second line: the busiest session's use of one budget, against the budget. */
    const busiestGraph = (title: string, x: number, measure: UsageMeasure, id: string, budget: [string, number]) =>
        graph(
            region,
            title,
            lines(
                busiestSessionQueries(runtime.usageRules[measure], measure, USAGE_RULE_PERIOD_SECONDS, id),
                new Set([id]),
            ),
            { x, y: row2, width: 8 },
            { ...usage, ...mark(...budget) },
        );
    return [
        { type: "text", x: 0, y, width: 24, height: 2, properties: { markdown: header } },
        perEndpointGraph("Invocations", 0, [["Invocations", "Sum", "inv"]]),
        perEndpointGraph("Errors (system / user)", 6, [
            ["SystemErrors", "Sum", "se"],
            ["UserErrors", "Sum", "ue"],
        ]),
        perEndpointGraph("Throttles", 12, [["Throttles", "Sum", "thr"]]),
        perEndpointGraph(
            "Latency p50 / p99 (ms)",
            18,
            [
                ["Latency", "p50", "p50E"],
                ["Latency", "p99", "p99E"],
            ],
            mark(`p99 alarm ${t.latencyP99Ms} ms`, t.latencyP99Ms),
        ),
        // Without sessionInsights there are no usage rules, so no per-session graphs.
        ...(runtime.usageRules.vcpu.length === 0
            ? []
            : [
                  graph(
                      region,
                      "Sessions with usage (5 min)",
                      lines(
                          activeSessionQueries(runtime.usageRules.vcpu, USAGE_RULE_PERIOD_SECONDS, "sessions"),
                          new Set(["sessions"]),
                      ),
                      { x: 0, y: row2, width: 8 },
                      usage,
                  ),
                  busiestGraph("Busiest session: vCPU vs budget", 8, "vcpu", "busiestSessionVcpu", [
                      `budget ${vcpu} vCPU per session`,
                      vcpu,
                  ]),
                  busiestGraph("Busiest session: GB vs budget", 16, "memory", "busiestSessionGb", [
                      `budget ${gb} GB per session`,
                      gb,
                  ]),
              ]),
        ...runtime.usageRules.vcpu.map((ruleName, i): Widget => ({
            type: "metric",
            x: i * 6,
            y: row3,
            width: 6,
            height: 6,
            properties: {
                title: `Top sessions by vCPU-hours (${ruleName.slice(ruleName.lastIndexOf("-") + 1)} record reading)`,
                region,
                view: "timeSeries",
                stacked: false,
                period: USAGE_RULE_PERIOD_SECONDS,
                insightRule: { maxContributorCount: 10, orderBy: "Sum", ruleName },
                legend: { position: "bottom" },
            },
        })),
        {
            type: "log",
            x: 12,
            y: row3,
            width: 12,
            height: 6,
            properties: {
                title: "Errors by session (application logs)",
                region,
                view: "table",
                query: `SOURCE '${runtime.applicationLogGroupName}' | ${errorsBySessionQuery()}`,
            },
        },
    ];
}

/** The whole dashboard: one band per runtime, in config order. */
export function dashboardBody(input: DashboardInput): DashboardBody {
    return { widgets: input.runtimes.flatMap((runtime, i) => runtimeBand(input, runtime, i * BAND_HEIGHT)) };
}
