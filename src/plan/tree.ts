/**
 * The readable part of the plan: the resource tree (the stack, its components, their
 * children by parent) with each resource's key properties, and the stack outputs. Pure.
 */
import { RecordedResource } from "../offline/mocks";
import { Plan } from "./model";
import { keyProperties } from "./properties";
import { References } from "./references";

/** Components in the order the data flows: network and identity first, then what uses them. */
const COMPONENT_ORDER = ["agentcore:network:", "agentcore:security:", "agentcore:artifact:", "agentcore:runtime:", "agentcore:monitoring:"];

/** Within a component: the order a reader builds the picture in. Unlisted types come last, by name. */
const TYPE_ORDER = [
    "aws:ec2/vpc:Vpc",
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    "aws:ec2/subnet:Subnet",
    "aws:ec2/routeTable:RouteTable",
    "aws:ec2/routeTableAssociation:RouteTableAssociation",
    "aws:ec2/securityGroup:SecurityGroup",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    "aws:ec2/vpcEndpoint:VpcEndpoint",
    "aws:cloudwatch/logGroup:LogGroup",
    "aws:iam/role:Role",
    "aws:iam/rolePolicy:RolePolicy",
    "aws:iam/policy:Policy",
    "aws:ec2/flowLog:FlowLog",
    "aws:kms/key:Key",
    "aws:kms/alias:Alias",
    "aws:ecr/repository:Repository",
    "aws:ecr/lifecyclePolicy:LifecyclePolicy",
    "awsx:ecr:Image",
    "aws:s3/bucket:Bucket",
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketVersioning:BucketVersioning",
    "aws:s3/bucketPolicy:BucketPolicy",
    "aws:s3/bucketObjectv2:BucketObjectv2",
    "aws-native:bedrockagentcore:Runtime",
    "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime",
    "aws-native:bedrockagentcore:RuntimeEndpoint",
    "aws:bedrock/agentcoreAgentRuntimeEndpoint:AgentcoreAgentRuntimeEndpoint",
    "aws:sns/topic:Topic",
    "aws:sns/topicPolicy:TopicPolicy",
    "aws:sns/topicSubscription:TopicSubscription",
    "aws:cloudwatch/metricAlarm:MetricAlarm",
    "aws:cloudwatch/dashboard:Dashboard",
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
    return rank(a) - rank(b) || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
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
