/**
 * The `--all` comparison: the settings that matter, per stack, side by side, keeping the
 * rows that differ (what makes production production) and listing the ones that agree.
 * Resources are matched across stacks by their logical name with the stack name removed. Pure.
 */
import { ENVIRONMENTS } from "../agentcoreFacts";
import { RecordedResource } from "../offline/mocks";
import { usd } from "./cost";
import { Plan, countsByType } from "./model";
import { alarmCondition, serviceSuffix } from "./properties";
import { TYPES } from "../tokens";

export type ComparisonRows = Map<string, string>;

const ALARM = TYPES.metricAlarm;
const RUNTIMES = [TYPES.nativeRuntime, TYPES.classicRuntime];
const RUNTIME_ENDPOINTS = [TYPES.nativeRuntimeEndpoint, TYPES.classicRuntimeEndpoint];

/** A logical name with the stack removed, so the same resource lines up across stacks. */
export function sharedName(name: string, stack: string): string {
    return name.split(stack).join("<stack>").replace(/^agentcore-<stack>-/, "");
}

/** Stacks in promotion order (development, staging, production), then any others by name. */
export function orderStacks(stacks: readonly string[]): string[] {
    const rank = (s: string) => {
        const i = (ENVIRONMENTS as readonly string[]).indexOf(s);
        return i >= 0 ? i : ENVIRONMENTS.length;
    };
    return [...stacks].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** `aws:ec2/vpcEndpoint:VpcEndpoint` → `ec2.VpcEndpoint`: short, and still unambiguous here. */
export function shortType(type: string): string {
    const [, module = "", name = type] = type.split(":");
    return `${module.split("/")[0]}.${name}`;
}

/** An image URI without the registry, with a digest cut to 12 hex digits: `agents/x@sha256:9f86d081884c`. */
export function shortImage(uri: unknown): string {
    const path = String(uri).split("/").slice(1).join("/");
    return path.replace(/@sha256:([0-9a-f]{12})[0-9a-f]+$/, "@sha256:$1…");
}

function get(value: unknown, path: string): unknown {
    return path.split(".").reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), value);
}

/** The evaluation period of an alarm: its own, or its metric queries'. */
function alarmPeriod(inputs: Record<string, unknown>): unknown {
    const queries = (inputs.metricQueries as Record<string, unknown>[] | undefined) ?? [];
    return inputs.period ?? queries.map((q) => get(q, "metric.period") ?? q.period).find((p) => p !== undefined);
}

/** The comparable facts of one plan, as ordered label → value rows. */
export function comparisonRows(plan: Plan): ComparisonRows {
    const rows: ComparisonRows = new Map();
    const of = (...types: string[]) => plan.resources.filter((r) => types.includes(r.type));
    const name = (r: RecordedResource) => sharedName(r.name, plan.stack);
    const set = (label: string, value: unknown) => rows.set(label, value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value));

    set("region", plan.region);
    set("environment", plan.outputs.environment);
    set("cpu budget (CPU units)", get(plan.outputs, "sizing.cpu"));
    set("memory budget (MiB)", get(plan.outputs, "sizing.memory"));

    const vpc = of(TYPES.vpc)[0];
    set("VPC CIDR", vpc ? vpc.inputs.cidrBlock : "adopted");
    const subnets = of(TYPES.subnet);
    set("AZ count", subnets.length);
    set("AZ IDs", subnets.map((s) => s.inputs.availabilityZoneId).sort().join(", "));
    const endpoints = of(TYPES.vpcEndpoint);
    const interfaces = endpoints.filter((e) => e.inputs.vpcEndpointType === "Interface");
    set("interface endpoint services", interfaces.map((e) => serviceSuffix(e.inputs.serviceName)).sort().join(", ") || "none");
    set("endpoint-AZs billed", interfaces.reduce((n, e) => n + ((e.inputs.subnetIds as unknown[] | undefined) ?? []).length, 0));
    set("S3 gateway endpoint", endpoints.some((e) => e.inputs.vpcEndpointType === "Gateway") ? "yes" : "no");

    for (const g of of(TYPES.logGroup)) {
        set(`retention: ${name(g)}`, g.inputs.retentionInDays ?? "never expires");
    }
    set("protected resources", plan.resources.filter((r) => r.protect).length);
    set("retained on delete", plan.resources.filter((r) => r.retainOnDelete).length);
    for (const key of of(TYPES.kmsKey)) {
        set(`kms deletion window: ${name(key)}`, key.inputs.deletionWindowInDays);
    }
    for (const rt of of(...RUNTIMES)) {
        const lifecycle = get(rt.inputs, "lifecycleConfiguration") ?? (rt.inputs.lifecycleConfigurations as unknown[] | undefined)?.[0];
        set(`image: ${name(rt)}`, shortImage(get(rt.inputs, "agentRuntimeArtifact.containerConfiguration.containerUri")));
        const code = get(rt.inputs, "agentRuntimeArtifact.codeConfiguration");
        set(`code: ${name(rt)}`, code ? `${get(code, "runtime")} ${get(code, "code.s3.prefix")}` : undefined);
        set(`lifecycle: ${name(rt)}`, `idle ${get(lifecycle, "idleRuntimeSessionTimeout")}s, max ${get(lifecycle, "maxLifetime")}s`);
        set(`auth: ${name(rt)}`, get(rt.inputs, "authorizerConfiguration.customJwtAuthorizer") ? "JWT" : "IAM SigV4");
    }
    set("runtime endpoints", of(...RUNTIME_ENDPOINTS).map((e) => `${e.inputs.name}@v${e.inputs.agentRuntimeVersion}`).sort().join(", ") || "DEFAULT only");
    for (const alarm of of(ALARM)) {
        set(`alarm: ${name(alarm)}`, `${alarmCondition(alarm.inputs)} of ${alarmPeriod(alarm.inputs)}s`);
    }
    set("alarm subscriptions", of(TYPES.snsTopicSubscription).map((s) => String(s.inputs.endpoint)).sort().join(", ") || "none");
    set("resources (total)", plan.resources.length);
    for (const [type, count] of countsByType(plan.resources)) {
        set(`count: ${shortType(type)}`, count);
    }
    set("policy findings", plan.policy.findings.length);
    set("monthly fixed cost", usd(plan.cost.fixedMonthly));
    set("monthly cost with assumed logs", usd(plan.cost.totalMonthly));
    return rows;
}

/** Splits a long cell at ", " so the table stays readable in a terminal. */
function wrap(text: string, width: number): string[] {
    const lines: string[] = [];
    let current = "";
    for (const part of text.split(", ")) {
        const next = current === "" ? part : `${current}, ${part}`;
        if (next.length + 1 > width && current !== "") {
            lines.push(`${current},`);
            current = part;
        } else {
            current = next;
        }
    }
    lines.push(current);
    return lines;
}

/** The side-by-side table of what differs between the plans, then what they share. */
export function renderComparison(plans: readonly Plan[], cellWidth = 44): string {
    plans = orderStacks(plans.map((p) => p.stack)).map((stack) => plans.find((p) => p.stack === stack) as Plan);
    const perStack = plans.map(comparisonRows);
    // Every stack's labels, merged in order: a row only one stack has (an extra endpoint's
    // log group) goes right after the row that precedes it in that stack.
    const labels: string[] = [];
    for (const rows of perStack) {
        let previous = -1;
        for (const label of rows.keys()) {
            const at = labels.indexOf(label);
            if (at >= 0) {
                previous = at;
            } else {
                labels.splice(++previous, 0, label);
            }
        }
    }
    // A row absent from a stack (e.g. an alarm only production has) reads "—" there.
    const value = (i: number, label: string) => perStack[i].get(label) ?? "—";
    const differing = labels.filter((l) => new Set(plans.map((_, i) => value(i, l))).size > 1);
    const same = labels.filter((l) => !differing.includes(l));

    const labelWidth = Math.max(...differing.map((l) => l.length), 8);
    const widths = plans.map((p, i) => Math.min(cellWidth, Math.max(p.stack.length, ...differing.map((l) => value(i, l).length))));
    const row = (cells: string[][]) => {
        const height = Math.max(...cells.map((c) => c.length));
        return Array.from({ length: height }, (_, line) =>
            cells.map((c, i) => (c[line] ?? "").padEnd(i === 0 ? labelWidth : widths[i - 1])).join("  │ ").trimEnd(),
        );
    };
    const out = [`Comparison of ${plans.length} stacks: ${plans.map((p) => p.stack).join(", ")}`, ""];
    out.push(...row([["setting"], ...plans.map((p) => [p.stack])]));
    out.push([labelWidth, ...widths].map((w) => "─".repeat(w)).join("──┼─"));
    for (const label of differing) {
        out.push(...row([[label], ...plans.map((_, i) => wrap(value(i, label), widths[i]))]));
    }
    if (differing.length === 0) {
        out.push("(no differences)");
    }
    out.push("", `Same in every stack (${same.length}):`);
    const counts = same.filter((l) => l.startsWith("count: "));
    out.push(...same.filter((l) => !counts.includes(l)).map((l) => `  ${l}: ${value(0, l)}`));
    if (counts.length > 0) {
        out.push(`  counts: ${counts.map((l) => `${l.slice("count: ".length)} ${value(0, l)}`).join(", ")}`);
    }
    return `${out.join("\n")}\n`;
}
