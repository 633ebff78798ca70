/**
 * "Who can reach what": for each runtime of a plan, in words a reviewer reads in a pull
 * request, the inbound paths (the stack's bedrock-agentcore endpoint, the public AgentCore
 * endpoint), which principals may invoke, and under which conditions. Read from the planned
 * resources themselves (the runtime, its resource policies, the endpoint and its security
 * group rules), not from config, so it shows what would be deployed. Pure.
 */
import { RecordedResource } from "./offline/mocks";
import { Plan } from "./model";

const RUNTIME_TYPES = [
    "aws-native:bedrockagentcore:Runtime",
    "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime",
];
const RUNTIME_ENDPOINT_TYPES = [
    "aws-native:bedrockagentcore:RuntimeEndpoint",
    "aws:bedrock/agentcoreAgentRuntimeEndpoint:AgentcoreAgentRuntimeEndpoint",
];
const RESOURCE_POLICY_TYPES = [
    "aws-native:bedrockagentcore:ResourcePolicy",
    "aws:bedrock/agentcoreResourcePolicy:AgentcoreResourcePolicy",
];
const VPC_ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
const INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";

interface Statement {
    readonly Sid?: string;
    readonly Effect?: string;
    readonly Principal?: unknown;
    readonly Condition?: Record<string, Record<string, unknown>>;
}

function statementsOf(policy: unknown): Statement[] {
    try {
        const doc = typeof policy === "string" ? JSON.parse(policy) : policy;
        const list = (doc as { Statement?: unknown })?.Statement;
        return Array.isArray(list) ? (list as Statement[]) : [];
    } catch {
        return [];
    }
}

const listOf = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);

/** `aws:SourceVpc = vpc-… or aws:SourceVpce = vpce-…` from a fence's condition. */
function origins(condition: Statement["Condition"]): string {
    const parts = Object.values(condition ?? {}).flatMap((block) =>
        Object.entries(block).map(([key, value]) => `${key} = ${listOf(value).join(" | ")}`),
    );
    return parts.join(" or ");
}

/** Plain-words lines for one resource policy (the runtime's or an endpoint's). */
function describePolicy(policy: unknown): { fence?: string; principals: string[] } {
    const statements = statementsOf(policy);
    const fence = statements.find((s) => s.Effect === "Deny" && s.Principal === "*");
    const principals = statements
        .filter((s) => s.Effect === "Allow")
        .flatMap((s) => {
            if (s.Principal === "*") {
                const where = s.Condition ? ` when ${origins(s.Condition)}` : "";
                return [`any caller holding a token the runtime's JWT authorizer accepts${where}`];
            }
            return listOf((s.Principal as { AWS?: unknown } | undefined)?.AWS).map((arn) => {
                const account = /^arn:[^:]+:iam::(\d{12}):root$/.exec(arn);
                return account
                    ? `IAM principals of account ${account[1]} whose own IAM policy allows the invocation`
                    : `IAM principal ${arn}`;
            });
        });
    return { fence: fence ? origins(fence.Condition) : undefined, principals };
}

/** Who may reach the stack's bedrock-agentcore endpoint on TCP 443 (its security group's ingress). */
function endpointClients(plan: Plan, endpoint: RecordedResource): string[] {
    const groups = listOf(endpoint.inputs.securityGroupIds);
    const groupName = (id: string) => plan.resources.find((r) => r.type === SECURITY_GROUP && r.id === id)?.name ?? id;
    return plan.resources
        .filter((r) => r.type === INGRESS_RULE && groups.includes(String(r.inputs.securityGroupId)))
        .map((r) =>
            r.inputs.referencedSecurityGroupId
                ? `security group ${groupName(String(r.inputs.referencedSecurityGroupId))}`
                : `${r.inputs.cidrIpv4 ?? r.inputs.prefixListId}`,
        );
}

type Json = Record<string, unknown>;

/** How AgentCore reaches the identity provider: the internet, or a VPC Lattice path. */
function idpPath(endpoint: unknown): string {
    const e = (endpoint ?? {}) as Json;
    const managed = e.managedVpcResource as Json | undefined;
    if (managed) {
        return `over VPC Lattice through a resource gateway AgentCore creates in subnets ${listOf(managed.subnetIds).join(", ")} behind security group ${listOf(managed.securityGroupIds).join(", ")}`;
    }
    const self = e.selfManagedLatticeResource as Json | undefined;
    return self
        ? `over VPC Lattice through resource configuration ${String(self.resourceConfigurationIdentifier)}`
        : "over the internet";
}

/** What a token must carry, in plain words, read from the runtime's authorizer (both providers). */
export function tokenRequirements(inputs: Json): string[] {
    const jwt = ((inputs.authorizerConfiguration as Json | undefined)?.customJwtAuthorizer ?? {}) as Json;
    const lines = [
        `it is signed by the issuer of ${String(jwt.discoveryUrl)} (fetched ${idpPath(jwt.privateEndpoint)})`,
    ];
    const audiences = listOf(jwt.allowedAudience ?? jwt.allowedAudiences);
    if (audiences.length > 0) {
        lines.push(`its aud is one of ${audiences.join(", ")}`);
    }
    const clients = listOf(jwt.allowedClients);
    if (clients.length > 0) {
        lines.push(`its client_id is one of ${clients.join(", ")}`);
    }
    const scopes = listOf(jwt.allowedScopes);
    if (scopes.length > 0) {
        lines.push(`its scope includes one of ${scopes.join(", ")}`);
    }
    for (const claim of (Array.isArray(jwt.customClaims) ? jwt.customClaims : []) as Json[]) {
        const match = (claim.authorizingClaimMatchValue ?? {}) as Json;
        const value = (match.claimMatchValue ?? {}) as Json;
        const values = value.matchValueString ?? value.matchValueStringList ?? value.matchValueStringLists;
        lines.push(
            `its claim ${String(claim.inboundTokenClaimName)} (${String(claim.inboundTokenClaimValueType)}) ${String(match.claimMatchOperator)} ${listOf(values).join(", ")}`,
        );
    }
    for (const override of (Array.isArray(jwt.privateEndpointOverrides)
        ? jwt.privateEndpointOverrides
        : []) as Json[]) {
        lines.push(
            `the identity provider's ${String(override.domain)} is fetched ${idpPath(override.privateEndpoint)}`,
        );
    }
    return lines;
}

/** The section's lines; one block per runtime. */
export function renderReachability(plan: Plan): string[] {
    const runtimes = plan.resources.filter((r) => RUNTIME_TYPES.includes(r.type));
    if (runtimes.length === 0) {
        return ["  no runtimes"];
    }
    const policies = plan.resources.filter((r) => RESOURCE_POLICY_TYPES.includes(r.type));
    const agentcoreEndpoint = plan.resources.find(
        (r) => r.type === VPC_ENDPOINT && String(r.inputs.serviceName).endsWith(".bedrock-agentcore"),
    );
    const out: string[] = [];
    for (const runtime of runtimes) {
        const arn = String(runtime.state.agentRuntimeArn);
        const jwt = runtime.inputs.authorizerConfiguration !== undefined;
        out.push(`  Runtime ${runtime.inputs.agentRuntimeName} (${jwt ? "JWT bearer tokens" : "IAM SigV4"})`);
        const own = policies.find((p) => p.inputs.resourceArn === arn);
        const described = own ? describePolicy(own.inputs.policy) : undefined;

        out.push("    inbound paths:");
        if (agentcoreEndpoint) {
            const clients = endpointClients(plan, agentcoreEndpoint);
            out.push(
                `      - the stack's bedrock-agentcore endpoint ${agentcoreEndpoint.id} (private DNS ${agentcoreEndpoint.inputs.privateDnsEnabled === true ? "on" : "off"}), reachable on TCP 443 from ${clients.length > 0 ? clients.join(", ") : "nobody (no ingress rule)"}`,
            );
        } else {
            out.push("      - the VPC's bedrock-agentcore endpoint, owned by another stack (createEndpoints false)");
        }
        out.push(
            described?.fence
                ? `      - the public AgentCore endpoint, or any other VPC: denied to every caller by the runtime's resource policy (it denies unless ${described.fence})`
                : "      - the public AgentCore endpoint, from anywhere: OPEN to any caller the principals below admit (no resource policy: access iam)",
        );

        out.push("    who may invoke:");
        if (described && described.principals.length > 0) {
            out.push(...described.principals.map((p) => `      - ${p}`));
        } else {
            out.push(
                jwt
                    ? "      - any caller holding a token the runtime's JWT authorizer accepts"
                    : "      - any IAM principal of this account whose own IAM policy allows bedrock-agentcore:InvokeAgentRuntime",
            );
        }

        if (jwt) {
            out.push("    a token is accepted only when:");
            out.push(...tokenRequirements(runtime.inputs).map((l) => `      - ${l}`));
        }

        const endpoints = plan.resources.filter(
            (r) => RUNTIME_ENDPOINT_TYPES.includes(r.type) && r.state.agentRuntimeArn === arn,
        );
        const endpointLines = endpoints.map((e) => {
            const fenced = policies.some(
                (p) =>
                    p.inputs.resourceArn === e.state.agentRuntimeEndpointArn && describePolicy(p.inputs.policy).fence,
            );
            return `${e.inputs.name} (version ${e.inputs.agentRuntimeVersion}): ${fenced ? "its own resource policy repeats the fence" : "no policy of its own"}`;
        });
        out.push("    endpoints (AgentCore checks the runtime's policy and the endpoint's):");
        out.push(
            `      - DEFAULT (latest version): ${described?.fence ? "covered by the runtime's policy" : "no resource policy"}`,
        );
        out.push(...endpointLines.map((l) => `      - ${l}`));
    }
    return out;
}
