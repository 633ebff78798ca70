/**
 * A Mermaid flowchart of a plan: one subgraph per component with its main resources, and
 * the connections the program actually wired (found by resolving the IDs and ARNs in each
 * resource's inputs), e.g. runtime → subnets, SG and role; alarms → topic; log groups →
 * KMS key; log delivery source → destination → log group. Repetitive resources (interface endpoints, alarms) collapse into one node. Pure.
 */
import { RecordedResource } from "./offline/mocks";
import { Plan, isProjectComponent } from "./model";
import { serviceSuffix } from "./properties";
import { References } from "./references";
import { TYPES } from "../aws/tokens";

const T = {
    vpc: TYPES.vpc,
    subnet: TYPES.subnet,
    sg: TYPES.securityGroup,
    endpoint: TYPES.vpcEndpoint,
    association: TYPES.routeTableAssociation,
    flowLog: TYPES.flowLog,
    logGroup: TYPES.logGroup,
    role: TYPES.role,
    key: TYPES.kmsKey,
    runtime: TYPES.nativeRuntime,
    classicRuntime: TYPES.classicRuntime,
    runtimeEndpoint: TYPES.nativeRuntimeEndpoint,
    classicRuntimeEndpoint: TYPES.classicRuntimeEndpoint,
    resourcePolicy: TYPES.nativeResourcePolicy,
    classicResourcePolicy: TYPES.classicResourcePolicy,
    topic: TYPES.snsTopic,
    alarm: TYPES.metricAlarm,
    dashboard: TYPES.dashboard,
    deliverySource: TYPES.logDeliverySource,
    deliveryDestination: TYPES.logDeliveryDestination,
    delivery: TYPES.logDelivery,
    repository: TYPES.ecrRepository,
    bucket: TYPES.s3Bucket,
    codeObject: TYPES.s3BucketObject,
    codeCopy: TYPES.s3ObjectCopy,
} as const;

/** Which references become edges: source type → target type → edge label. */
const EDGES: Record<string, Record<string, string>> = {
    [T.runtime]: { [T.subnet]: "ENIs in", [T.sg]: "uses SG", [T.role]: "assumes", [T.bucket]: "runs code from" },
    [T.classicRuntime]: { [T.subnet]: "ENIs in", [T.sg]: "uses SG", [T.role]: "assumes", [T.bucket]: "runs code from" },
    [T.repository]: { [T.key]: "encrypted by" },
    [T.codeObject]: { [T.bucket]: "stored in", [T.key]: "encrypted by" },
    [T.codeCopy]: { [T.bucket]: "stored in", [T.key]: "encrypted by" },
    [T.runtimeEndpoint]: { [T.runtime]: "pins a version of" },
    [T.classicRuntimeEndpoint]: { [T.classicRuntime]: "pins a version of" },
    [T.endpoint]: { [T.subnet]: "ENI in", [T.sg]: "uses SG" },
    [T.resourcePolicy]: { [T.runtime]: "fences", [T.runtimeEndpoint]: "fences" },
    [T.classicResourcePolicy]: { [T.classicRuntime]: "fences", [T.classicRuntimeEndpoint]: "fences" },
    [T.subnet]: { [T.vpc]: "in" },
    [T.flowLog]: { [T.vpc]: "captures", [T.logGroup]: "delivers to", [T.role]: "writes as" },
    [T.logGroup]: { [T.key]: "encrypted by" },
    [T.topic]: { [T.key]: "encrypted by" },
    [T.alarm]: { [T.topic]: "notifies", [T.runtime]: "watches", [T.classicRuntime]: "watches" },
    [T.deliverySource]: { [T.runtime]: "collects from", [T.classicRuntime]: "collects from" },
    [T.deliveryDestination]: { [T.logGroup]: "into" },
};

/**
 * True when a runtime names the security group only in its authorizer's private endpoint:
 * the VPC Lattice resource gateway AgentCore creates sits behind it, not the runtime's ENIs.
 */
function isIdentityProviderGroup(runtime: RecordedResource, group: RecordedResource): boolean {
    const network = JSON.stringify(runtime.inputs.networkConfiguration ?? {});
    const authorizer = JSON.stringify(runtime.inputs.authorizerConfiguration ?? {});
    const id = JSON.stringify(String(group.id));
    return authorizer.includes(id) && !network.includes(id);
}

interface Node {
    readonly id: string;
    /** A single resource, or a group drawn as one node. */
    readonly kind: "resource" | "interfaceEndpoints" | "alarms";
    readonly label: string[];
    readonly component?: RecordedResource;
    readonly members: RecordedResource[];
}

function nodeId(text: string): string {
    return text.replace(/[^A-Za-z0-9]+/g, "_");
}

/** Components of different types share the stack's name: the type keeps their subgraphs apart. */
function subgraphId(component: RecordedResource): string {
    return nodeId(`${component.type.split(":").pop()}_${component.name}`);
}

/** Lists in node labels, a few items per line so boxes stay narrow. */
function rows(items: readonly string[], perRow = 3): string[] {
    return Array.from({ length: Math.ceil(items.length / perRow) }, (_, i) =>
        items.slice(i * perRow, (i + 1) * perRow).join(", "),
    );
}

function escape(text: string): string {
    return text.replace(/"/g, "#quot;");
}

/** The logical name without its component's prefix: `agentcore-development-runtime-sg` → `runtime-sg`. */
function shortName(r: RecordedResource, component?: RecordedResource): string {
    return component && r.name.startsWith(`${component.name}-`) ? r.name.slice(component.name.length + 1) : r.name;
}

function label(r: RecordedResource, component?: RecordedResource): string[] {
    const i = r.inputs;
    switch (r.type) {
        case T.vpc:
            return ["VPC", String(i.cidrBlock)];
        case T.subnet:
            return [`Subnet ${i.availabilityZoneId ?? i.availabilityZone ?? ""}`.trim(), String(i.cidrBlock)];
        case T.sg:
            return ["Security group", shortName(r, component)];
        case T.endpoint:
            return ["S3 gateway endpoint", "on the agent route tables"];
        case T.flowLog:
            return [`Flow log (${i.trafficType})`];
        case T.logGroup:
            return [
                "Log group",
                String(i.name ?? r.name),
                i.retentionInDays ? `${i.retentionInDays} days` : "never expires",
            ];
        case T.role:
            return ["IAM role", shortName(r, component)];
        case T.key:
            return ["KMS key", `rotation ${i.enableKeyRotation === true ? "on" : "off"}`];
        case T.runtime:
        case T.classicRuntime:
            return [
                "AgentCore runtime",
                String(i.agentRuntimeName),
                `${(i.networkConfiguration as Record<string, unknown> | undefined)?.networkMode} mode`,
            ];
        case T.runtimeEndpoint:
        case T.classicRuntimeEndpoint:
            return ["Runtime endpoint", `${i.name} → v${i.agentRuntimeVersion}`];
        case T.resourcePolicy:
        case T.classicResourcePolicy:
            return ["Resource policy", "invoke only from the VPC"];
        case T.topic:
            return ["SNS alarm topic"];
        case T.dashboard:
            return ["Dashboard", String(i.dashboardName ?? r.name)];
        case T.deliverySource:
            return ["Log delivery source", String(i.logType)];
        case T.deliveryDestination:
            return ["Delivery destination", i.deliveryDestinationType === "XRAY" ? "X-Ray" : "CloudWatch Logs"];
        case T.repository:
            return ["ECR repository", String(i.name ?? r.name), `${i.imageTagMutability}, scan on push`];
        case T.bucket:
            return ["S3 code bucket", "versioned, SSE-KMS, TLS only"];
        case T.codeObject:
            return ["Code zip", String(i.key)];
        case T.codeCopy:
            return ["Promoted code zip (copy)", String(i.key), `from ${String(i.source)}`];
        default:
            return [r.type, r.name];
    }
}

/** The nearest project component above a resource. */
function componentOf(r: RecordedResource, byUrn: Map<string, RecordedResource>): RecordedResource | undefined {
    let parent = r.parent ? byUrn.get(r.parent) : undefined;
    while (parent && !isProjectComponent(parent)) {
        parent = parent.parent ? byUrn.get(parent.parent) : undefined;
    }
    return parent;
}

/** The Mermaid source (a `flowchart LR`) of a plan. */
export function mermaidDiagram(plan: Plan): string {
    const references = new References(plan.resources);
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    const nodes = new Map<string, Node>();
    const nodeOf = new Map<string, string>();
    const addTo = (id: string, r: RecordedResource, make: () => Omit<Node, "members">) => {
        const node = nodes.get(id) ?? { ...make(), members: [] };
        node.members.push(r);
        nodes.set(id, node);
        nodeOf.set(r.urn, id);
    };
    const main = new Set<string>([
        ...Object.keys(EDGES),
        ...Object.values(EDGES).flatMap((t) => Object.keys(t)),
        T.dashboard,
    ]);
    for (const r of plan.resources) {
        if (!r.custom || !main.has(r.type)) {
            continue;
        }
        const component = componentOf(r, byUrn);
        const scope = component ? `${subgraphId(component)}_` : "";
        if (r.type === T.endpoint && r.inputs.vpcEndpointType === "Interface") {
            addTo(`${scope}interface_endpoints`, r, () => ({
                id: `${scope}interface_endpoints`,
                kind: "interfaceEndpoints",
                label: [],
                component,
            }));
        } else if (r.type === T.alarm) {
            addTo(`${scope}alarms`, r, () => ({ id: `${scope}alarms`, kind: "alarms", label: [], component }));
        } else {
            // Type and name: two resources of different types may share a logical name.
            const id = nodeId(`${r.type.split(":").pop()}_${r.name}`);
            addTo(id, r, () => ({ id, kind: "resource", label: label(r, component), component }));
        }
    }

    const edges = new Set<string>();
    // A delivery joins a source and a destination: drawn as an arrow between them.
    for (const delivery of plan.resources.filter((r) => r.type === T.delivery)) {
        const joined = [...references.referencedBy(delivery)];
        const from = joined.find((t) => t.type === T.deliverySource);
        const to = joined.find((t) => t.type === T.deliveryDestination);
        if (from && to && nodeOf.has(from.urn) && nodeOf.has(to.urn)) {
            edges.add(`    ${nodeOf.get(from.urn)} -->|delivers to| ${nodeOf.get(to.urn)}`);
        }
    }
    for (const node of nodes.values()) {
        for (const member of node.members) {
            const targets = [...references.referencedBy(member)];
            // The S3 gateway sits on route tables; draw it to the subnets those tables serve.
            if (member.type === T.endpoint && member.inputs.vpcEndpointType === "Gateway") {
                const tables = new Set(((member.inputs.routeTableIds as unknown[] | undefined) ?? []).map(String));
                plan.resources
                    .filter((a) => a.type === T.association && tables.has(String(a.inputs.routeTableId)))
                    .forEach((a) => targets.push(...references.referencedBy(a).filter((t) => t.type === T.subnet)));
            }
            for (const target of targets) {
                const edgeLabel =
                    member.type === T.endpoint &&
                    target.type === T.subnet &&
                    member.inputs.vpcEndpointType === "Gateway"
                        ? "routes for"
                        : target.type === T.sg && isIdentityProviderGroup(member, target)
                          ? "reaches its IdP over VPC Lattice behind"
                          : EDGES[member.type]?.[target.type];
                const to = nodeOf.get(target.urn);
                if (edgeLabel && to && to !== node.id) {
                    edges.add(`    ${node.id} -->|${edgeLabel}| ${to}`);
                }
            }
        }
    }

    const render = (node: Node, indent: string): string => {
        let text = node.label;
        if (node.kind === "interfaceEndpoints") {
            const services = node.members.map((m) => serviceSuffix(m.inputs.serviceName)).sort();
            const azs = Math.max(
                ...node.members.map((m) => ((m.inputs.subnetIds as unknown[] | undefined) ?? []).length),
            );
            text = [
                `Interface endpoints ×${services.length}`,
                `private DNS, one ENI in each of ${azs} AZs`,
                ...rows(services),
            ];
        } else if (node.kind === "alarms") {
            text = [
                `Alarms ×${node.members.length}`,
                ...rows(node.members.map((m) => shortName(m, node.component)).sort(), 2),
            ];
        }
        return `${indent}${node.id}["${escape(text.join("<br/>"))}"]`;
    };

    const lines = ["flowchart LR"];
    const components = plan.resources.filter(isProjectComponent);
    for (const component of components) {
        const inside = [...nodes.values()]
            .filter((n) => n.component === component)
            .sort((a, b) => (a.id < b.id ? -1 : 1));
        lines.push(
            `    subgraph ${subgraphId(component)}["${escape(`${component.type.split(":").pop()}: ${component.name}`)}"]`,
        );
        lines.push(...inside.map((n) => render(n, "        ")));
        lines.push("    end");
    }
    lines.push(...[...nodes.values()].filter((n) => !n.component).map((n) => render(n, "    ")));
    lines.push(...[...edges].sort());
    return `${lines.join("\n")}\n`;
}

/** The diagram as a commit-ready Markdown page, with the command that regenerates it. */
export function diagramMarkdown(plan: Plan, command: string): string {
    return [
        `# Architecture of the ${plan.stack} stack`,
        "",
        `Generated from the real program (index.ts) under the offline mocks, so it shows what the code`,
        `builds, not what someone remembered to draw. Regenerate it after changing a component:`,
        "",
        "```sh",
        command,
        "```",
        "",
        "Boxes are the components; arrows are references the program wires (an ID or ARN of one",
        "resource in the inputs of another). Interface endpoints and alarms are drawn as one node each.",
        "",
        "```mermaid",
        mermaidDiagram(plan).trimEnd(),
        "```",
        "",
    ].join("\n");
}
