/**
 * The readable part of the plan: the resource tree (the stack, its components, their
 * children by parent) with each resource's key properties, and the stack outputs. Pure.
 */
import { RecordedResource } from "./offline/mocks";
import { Plan } from "./model";
import { keyProperties } from "./properties";
import { References } from "./references";
import { TYPES } from "../aws/tokens";

/** Components in the order the data flows: network and identity first, then what uses them. */
const COMPONENT_ORDER = [
    "agentcore:network:",
    "agentcore:security:",
    "agentcore:artifact:",
    "agentcore:runtime:",
    "agentcore:monitoring:",
];

/** Within a component: the order a reader builds the picture in. Unlisted types come last, by name. */
const TYPE_ORDER: readonly string[] = [
    TYPES.vpc,
    TYPES.defaultSecurityGroup,
    TYPES.subnet,
    TYPES.routeTable,
    TYPES.routeTableAssociation,
    TYPES.securityGroup,
    TYPES.ingressRule,
    TYPES.egressRule,
    TYPES.vpcEndpoint,
    TYPES.logGroup,
    TYPES.role,
    TYPES.rolePolicy,
    TYPES.policy,
    TYPES.flowLog,
    TYPES.kmsKey,
    TYPES.kmsAlias,
    TYPES.ecrRepository,
    TYPES.ecrLifecyclePolicy,
    TYPES.awsxImage,
    TYPES.s3Bucket,
    TYPES.s3BucketOwnershipControls,
    TYPES.s3PublicAccessBlock,
    TYPES.s3BucketEncryption,
    TYPES.s3BucketVersioning,
    TYPES.s3BucketPolicy,
    TYPES.s3BucketObject,
    TYPES.s3ObjectCopy,
    TYPES.nativeRuntime,
    TYPES.classicRuntime,
    TYPES.nativeRuntimeEndpoint,
    TYPES.classicRuntimeEndpoint,
    TYPES.snsTopic,
    TYPES.snsTopicPolicy,
    TYPES.snsTopicSubscription,
    TYPES.metricAlarm,
    TYPES.dashboard,
];

function rank(r: RecordedResource): number {
    const component = COMPONENT_ORDER.findIndex((prefix) => r.type.startsWith(prefix));
    if (component >= 0) {
        return component;
    }
    const type = TYPE_ORDER.indexOf(r.type);
    return COMPONENT_ORDER.length + (type >= 0 ? type : TYPE_ORDER.length);
}

function compare(a: RecordedResource, b: RecordedResource): number {
    return (
        rank(a) - rank(b) ||
        (a.type < b.type ? -1 : a.type > b.type ? 1 : 0) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
    );
}

/** `[protect, retainOnDelete]` when either is set. */
function flags(r: RecordedResource): string {
    const set = [r.protect && "protect", r.retainOnDelete && "retainOnDelete"].filter(Boolean);
    return set.length > 0 ? `  [${set.join(", ")}]` : "";
}

/** The resource tree, as box-drawing lines. */
export function renderTree(plan: Plan): string[] {
    const references = new References(plan.resources);
    const children = new Map<string | undefined, RecordedResource[]>();
    for (const r of plan.resources) {
        const key = r.parent && plan.resources.some((p) => p.urn === r.parent) ? r.parent : undefined;
        children.set(key, [...(children.get(key) ?? []), r]);
    }
    const out: string[] = [];
    const visit = (r: RecordedResource, prefix: string, last: boolean, root: boolean): void => {
        const branch = root ? "" : last ? "└─ " : "├─ ";
        const label = r.custom ? `${r.type}  ${r.name}` : `${r.type.split(":").pop()} ${r.name}  (${r.type})`;
        out.push(`${prefix}${branch}${label}${flags(r)}`);
        const inner = root ? prefix : `${prefix}${last ? "   " : "│  "}`;
        const kids = [...(children.get(r.urn) ?? [])].sort(compare);
        const propPrefix = `${inner}${kids.length > 0 ? "│  " : "   "}`;
        for (const line of keyProperties(r, references)) {
            out.push(`${propPrefix}  ${line}`);
        }
        kids.forEach((k, i) => visit(k, inner, i === kids.length - 1, false));
    };
    const roots = [...(children.get(undefined) ?? [])].sort(compare);
    roots.forEach((r) => visit(r, "", true, true));
    return out;
}

/** Stack outputs as indented `key: value` lines (scalar lists inline). */
export function renderOutputs(outputs: Record<string, unknown>): string[] {
    const out: string[] = [];
    const scalar = (v: unknown) => typeof v !== "object" || v === null;
    const visit = (value: unknown, indent: string): void => {
        for (const key of Object.keys(value as object).sort()) {
            const v = (value as Record<string, unknown>)[key];
            if (scalar(v)) {
                out.push(`${indent}${key}: ${typeof v === "string" ? v : JSON.stringify(v)}`);
            } else if (Array.isArray(v) && v.every(scalar)) {
                out.push(`${indent}${key}: [${v.join(", ")}]`);
            } else if (!Array.isArray(v) && Object.keys(v as object).length === 0) {
                out.push(`${indent}${key}: {}`);
            } else {
                out.push(`${indent}${key}:`);
                visit(v, `${indent}  `);
            }
        }
    };
    visit(outputs, "  ");
    return out;
}
