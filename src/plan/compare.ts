/**
 * The `--all` comparison: the settings that matter, per stack, side by side, keeping the
 * rows that differ (what makes production production) and listing the ones that agree.
 * Resources are matched across stacks by their logical name with the stack name removed. Pure.
 */
import { chooseInstanceTypes } from "../compute/catalogue";
import { ENVIRONMENTS } from "../aws/agentcore";
import { RecordedResource } from "./offline/mocks";
import { usd } from "./cost";
import { Plan, countsByType } from "./model";
import { alarmCondition, serviceSuffix } from "./properties";
import { TYPES } from "../aws/tokens";
import { columns, fitWidths, padCell, wrapCell, wrapList } from "./cells";
import { PLAN_WIDTH } from "./wrap";

export type ComparisonRows = Map<string, string>;

const ALARM = TYPES.metricAlarm;
const RUNTIMES = [TYPES.nativeRuntime, TYPES.classicRuntime];
const RUNTIME_ENDPOINTS = [TYPES.nativeRuntimeEndpoint, TYPES.classicRuntimeEndpoint];

/** A logical name with the stack removed, so the same resource lines up across stacks. */
export function sharedName(name: string, stack: string): string {
    return name
        .split(stack)
        .join("<stack>")
        .replace(/^agentcore-<stack>-/, "");
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

/**
 * An image URI without the registry, with a digest cut to its first 8 hex digits (enough to
 * tell two builds apart at a glance; the JSON keeps the full URI): `agents/x@sha256:9f86d081…`.
 */
export function shortImage(uri: unknown): string {
    const path = String(uri).split("/").slice(1).join("/");
    return path.replace(/@sha256:([0-9a-f]{8})[0-9a-f]+$/, "@sha256:$1…");
}

function get(value: unknown, path: string): unknown {
    return path
        .split(".")
        .reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), value);
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
    const set = (label: string, value: unknown) =>
        rows.set(label, value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value));

    set("region", plan.region);
    set("environment", plan.outputs.environment);
    set("cpu budget (CPU units)", get(plan.outputs, "sizing.cpu"));
    set("memory budget (MiB)", get(plan.outputs, "sizing.memory"));
    // The size as Instances read it: the types of the capacity provider, or, on a microVM
    // stack, the arm64 types Instances would choose for its size (docs/instances.md).
    const provider = of(TYPES.nativeCapacityProvider)[0];
    set("compute type", provider ? "instances" : "microvm");
    const cpu = Number(get(plan.outputs, "sizing.cpu"));
    const memory = Number(get(plan.outputs, "sizing.memory"));
    set(
        "instance types",
        provider
            ? (
                  get(
                      provider.inputs,
                      "computeConfiguration.ec2Configuration.launchTemplateSource.launchParameters.instanceRequirements.allowedInstanceTypes",
                  ) as string[]
              ).join(", ")
            : `on Instances: ${chooseInstanceTypes({ cpu, memory }, "arm64").join(", ")}`,
    );

    const vpc = of(TYPES.vpc)[0];
    set("VPC CIDR", vpc ? vpc.inputs.cidrBlock : "adopted");
    const subnets = of(TYPES.subnet);
    set("AZ count", subnets.length);
    set(
        "AZ IDs",
        subnets
            .map((s) => s.inputs.availabilityZoneId)
            .sort()
            .join(", "),
    );
    const endpoints = of(TYPES.vpcEndpoint);
    const interfaces = endpoints.filter((e) => e.inputs.vpcEndpointType === "Interface");
    set(
        "interface endpoint services",
        interfaces
            .map((e) => serviceSuffix(e.inputs.serviceName))
            .sort()
            .join(", ") || "none",
    );
    set(
        "endpoint-AZs billed",
        interfaces.reduce((n, e) => n + ((e.inputs.subnetIds as unknown[] | undefined) ?? []).length, 0),
    );
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
        const lifecycle =
            get(rt.inputs, "lifecycleConfiguration") ??
            (rt.inputs.lifecycleConfigurations as unknown[] | undefined)?.[0];
        set(
            `image: ${name(rt)}`,
            shortImage(get(rt.inputs, "agentRuntimeArtifact.containerConfiguration.containerUri")),
        );
        const code = get(rt.inputs, "agentRuntimeArtifact.codeConfiguration");
        set(`code: ${name(rt)}`, code ? `${get(code, "runtime")} ${get(code, "code.s3.prefix")}` : undefined);
        set(
            `lifecycle: ${name(rt)}`,
            `idle ${get(lifecycle, "idleRuntimeSessionTimeout")}s, max ${get(lifecycle, "maxLifetime")}s`,
        );
        set(`auth: ${name(rt)}`, get(rt.inputs, "authorizerConfiguration.customJwtAuthorizer") ? "JWT" : "IAM SigV4");
    }
    set(
        "runtime endpoints",
        of(...RUNTIME_ENDPOINTS)
            .map((e) => `${e.inputs.name}@v${e.inputs.agentRuntimeVersion}`)
            .sort()
            .join(", ") || "DEFAULT only",
    );
    for (const alarm of of(ALARM)) {
        set(`alarm: ${name(alarm)}`, `${alarmCondition(alarm.inputs)} of ${alarmPeriod(alarm.inputs)}s`);
    }
    set(
        "alarm subscriptions",
        of(TYPES.snsTopicSubscription)
            .map((s) => String(s.inputs.endpoint))
            .sort()
            .join(", ") || "none",
    );
    set("resources (total)", plan.resources.length);
    for (const [type, count] of countsByType(plan.resources)) {
        set(`count: ${shortType(type)}`, count);
    }
    set("policy findings", plan.policy.findings.length);
    set("monthly fixed cost", usd(plan.cost.fixedMonthly));
    set("monthly cost with assumed logs", usd(plan.cost.totalMonthly));
    return rows;
}

/** The widest label column: longer labels wrap, so the stacks keep the room. */
const LABEL_WIDTH = 30;
/** The narrowest stack column; with more stacks than fit beside it, the table is printed in parts. */
const MIN_CELL_WIDTH = 12;
/** What separates two columns, and its width. */
const SEPARATOR = "  │ ";
const RULE_SEPARATOR = "──┼─";

/** Rows of label → one value per stack, laid out as a table within PLAN_WIDTH characters. */
function renderTable(stacks: readonly string[], rows: readonly [string, string[]][]): string[] {
    const labelWidth = Math.min(LABEL_WIDTH, Math.max(8, ...rows.map(([label]) => columns(label))));
    const natural = stacks.map((stack, i) => Math.max(columns(stack), ...rows.map(([, values]) => columns(values[i]))));
    const widths = fitWidths(natural, PLAN_WIDTH - labelWidth - columns(SEPARATOR) * stacks.length, MIN_CELL_WIDTH);
    const line = (cells: string[][]) => {
        const height = Math.max(...cells.map((c) => c.length));
        return Array.from({ length: height }, (_, n) =>
            cells
                .map((c, i) => padCell(c[n] ?? "", i === 0 ? labelWidth : widths[i - 1]))
                .join(SEPARATOR)
                .trimEnd(),
        );
    };
    const wrapped = (texts: readonly string[]) => [labelWidth, ...widths].map((w, i) => wrapCell(texts[i], w));
    return [
        ...line(wrapped(["setting", ...stacks])),
        [labelWidth, ...widths].map((w) => "─".repeat(w)).join(RULE_SEPARATOR),
        ...rows.flatMap(([label, values]) => line(wrapped([label, ...values]))),
    ];
}

/** A list within PLAN_WIDTH, after a heading, its continuation lines indented two more columns. */
function wrapProse(heading: string, items: readonly string[], indent: number): string[] {
    return wrapList(items, PLAN_WIDTH - indent - 2 - columns(heading)).map((l, i) =>
        i === 0 ? `${" ".repeat(indent)}${heading}${l}` : `${" ".repeat(indent + 2)}${l}`,
    );
}

/**
 * The side-by-side table of what differs between the plans, then what they share; every
 * line within PLAN_WIDTH characters (long values wrap inside their column).
 */
export function renderComparison(plans: readonly Plan[]): string {
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

    const out = [
        ...wrapProse(
            `Comparison of ${plans.length} stacks: `,
            plans.map((p) => p.stack),
            0,
        ),
        "",
    ];
    if (differing.length === 0) {
        out.push("(no differences)");
    } else {
        // As many stacks side by side as fit at the narrowest column; the rest in further parts.
        const perTable = Math.max(1, Math.floor((PLAN_WIDTH - LABEL_WIDTH) / (columns(SEPARATOR) + MIN_CELL_WIDTH)));
        for (let first = 0; first < plans.length; first += perTable) {
            const part = plans.slice(first, first + perTable).map((p, j) => ({ stack: p.stack, i: first + j }));
            if (first > 0) {
                out.push("");
            }
            out.push(
                ...renderTable(
                    part.map((p) => p.stack),
                    differing.map((l) => [l, part.map((p) => value(p.i, l))]),
                ),
            );
        }
    }
    out.push("", `Same in every stack (${same.length}):`);
    const counts = same.filter((l) => l.startsWith("count: "));
    out.push(
        ...same.filter((l) => !counts.includes(l)).flatMap((l) => wrapProse(`${l}: `, value(0, l).split(", "), 2)),
    );
    if (counts.length > 0) {
        out.push(
            ...wrapProse(
                "counts: ",
                counts.map((l) => `${l.slice("count: ".length)} ${value(0, l)}`),
                2,
            ),
        );
    }
    return `${out.join("\n")}\n`;
}
