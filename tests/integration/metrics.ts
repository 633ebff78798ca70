/**
 * The metric series the alarms of one runtime watch, taken from the alarm definitions
 * themselves (src/observability), so the integration test checks exactly what the alarms
 * query: namespace, metric name and the full dimension set.
 */
import { runtimeAlarmDefinitions } from "../../src/observability/alarms";
import { endpointsOf } from "../../src/observability/dimensions";
import { Environment } from "../../src/aws/agentcore";

export interface Series {
    readonly namespace: string;
    readonly metricName: string;
    readonly dimensions: Readonly<Record<string, string>>;
}

export function seriesKey(s: Series): string {
    const dims = Object.entries(s.dimensions)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => `${k}=${v}`);
    return `${s.namespace}/${s.metricName}{${dims.join(",")}}`;
}

export function alarmSeries(args: {
    environment: Environment;
    sizing: { cpu: number; memory: number };
    runtimeArn: string;
    runtimeName: string;
    endpointNames: readonly string[];
}): Series[] {
    const endpoints = endpointsOf(args.endpointNames);
    // The usage alarms read Contributor Insights rules (metric math, no metric series), so
    // their rule names do not matter here: only queries with a metric are series to check.
    const target = {
        runtimeArn: args.runtimeArn,
        runtimeName: args.runtimeName,
        endpoints,
        usageRules: { vcpu: [], memory: [] },
    };
    const all = runtimeAlarmDefinitions(args.environment, args.sizing, endpoints)
        .flatMap((d) => d.queries(target))
        .flatMap((q) =>
            q.metric
                ? [{ namespace: q.metric.namespace, metricName: q.metric.metricName, dimensions: q.metric.dimensions }]
                : [],
        );
    const unique = new Map(all.map((s) => [seriesKey(s), s]));
    return [...unique.values()].sort((a, b) => seriesKey(a).localeCompare(seriesKey(b)));
}

/** True when a ListMetrics result has exactly this dimension set (ListMetrics filters match supersets). */
export function exactDimensions(
    found: readonly { Name?: string; Value?: string }[] | undefined,
    expected: Readonly<Record<string, string>>,
): boolean {
    const got = found ?? [];
    return (
        got.length === Object.keys(expected).length &&
        got.every((d) => d.Name !== undefined && expected[d.Name] === d.Value)
    );
}
