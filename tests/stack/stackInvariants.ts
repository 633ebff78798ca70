/**
 * What every valid stack file must hold, whatever its values: the requirement the stack-file
 * specs check (tests/stack/stackFiles.spec.ts over the real files, tests/stack/stackEdits.spec.ts
 * over copies with the README's legitimate edits applied). Not today's values: a user may adopt
 * a VPC, add a runtime, change sizes or tags, and these still hold; an edit that breaks one is a
 * stack AWS or the guardrails would refuse. The literals are the requirement's (365 days of
 * production logs, the five interface endpoints and the S3 gateway, digest-pinned production
 * images), written here once.
 */
import * as fs from "fs";
import * as path from "path";
import { limitBreaches } from "../../src/aws/limitsCheck";
import { mermaidDiagram } from "../../src/plan/diagram";
import { Plan } from "../../src/plan/model";
import { stackConfig } from "../../src/plan/offline/stackFiles";
import { DIAGRAM_SYNC_COMMAND } from "../../scripts/diagramSync";

const NS = "agentcore-private:";
/** The interface endpoints a private AgentCore VPC needs, and the S3 gateway (docs/network.md). */
export const REQUIRED_VPC_ENDPOINT_SERVICES = [
    "bedrock-agentcore",
    "bedrock-agentcore.gateway",
    "ecr.api",
    "ecr.dkr",
    "logs",
    "s3",
];
/** Production keeps a year of logs (the requirement; config refuses less). */
export const PRODUCTION_MIN_RETENTION_DAYS = 365;

const RUNTIME_TYPES = [
    "aws-native:bedrockagentcore:Runtime",
    "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime",
];
const STATEFUL_TYPES = ["aws:kms/key:Key", ...RUNTIME_TYPES];
const NETWORK_TYPES =
    /^aws:ec2\/(vpc|subnet|securityGroup|routeTable|routeTableAssociation|vpcEndpoint|defaultSecurityGroup|flowLog):|^aws:vpc\//;

/** A stack file and its plan (or why it has none). */
export interface PlannedStack {
    readonly stack: string;
    readonly root: string;
    readonly plan?: Plan;
    readonly error?: Error;
}

function json<T>(text: string | undefined, fallback: T): T {
    return text === undefined ? fallback : (JSON.parse(text) as T);
}

/**
 * Every invariant the stack breaks, one line each naming the stack and the invariant; [] when
 * it holds them all. `others` are the plans of the stack files beside it (an agent stack's
 * network stack).
 */
export function stackInvariantProblems(
    planned: PlannedStack,
    others: ReadonlyMap<string, PlannedStack> = new Map(),
): string[] {
    const { stack } = planned;
    if (!planned.plan) {
        return [`${stack}: does not plan: ${planned.error?.message ?? "no plan"}`];
    }
    const plan = planned.plan;
    const config = stackConfig(stack, planned.root).config;
    const kind = config[`${NS}stackKind`] || "all-in-one";
    const environment = config[`${NS}environment`] || stack;
    const out: string[] = [];
    const fail = (text: string) => out.push(`${stack}: ${text}`);

    if (plan.policy.findings.length > 0) {
        fail(`policy findings: ${plan.policy.findings.map((f) => f.policy).join(", ")}`);
    }
    const breaches = limitBreaches(plan.resources);
    if (breaches.length > 0) {
        fail(`outside AWS's limits: ${breaches.join("; ")}`);
    }
    if (config["aws-native:region"] !== undefined && config["aws-native:region"] !== config["aws:region"]) {
        fail(`aws:region ${config["aws:region"]} and aws-native:region ${config["aws-native:region"]} differ`);
    }

    const runtimes = plan.resources.filter((r) => RUNTIME_TYPES.includes(r.type));
    if (kind !== "network") {
        if (runtimes.length === 0) {
            fail("runs no runtime");
        }
        for (const runtime of runtimes) {
            const mode = (runtime.inputs.networkConfiguration as { networkMode?: string } | undefined)?.networkMode;
            const onInstances = runtime.inputs.capacityProviderConfiguration !== undefined;
            if (mode !== "VPC" && !onInstances) {
                fail(`runtime ${runtime.name} is not in VPC mode (networkMode ${mode}) nor on a capacity provider`);
            }
        }
        if ((plan.outputs as { environment?: string }).environment !== environment) {
            fail(`output environment is ${(plan.outputs as { environment?: string }).environment}, not ${environment}`);
        }
    }
    if (kind !== "agent" && config[`${NS}createEndpoints`] !== "false") {
        const services = plan.resources
            .filter((r) => r.type === "aws:ec2/vpcEndpoint:VpcEndpoint")
            .map((r) => String(r.inputs.serviceName).split(".").slice(3).join("."));
        const missing = REQUIRED_VPC_ENDPOINT_SERVICES.filter((s) => !services.includes(s));
        if (missing.length > 0) {
            fail(`lacks the VPC endpoints ${missing.join(", ")}`);
        }
    }
    if (kind === "agent") {
        const network = plan.resources.filter((r) => NETWORK_TYPES.test(r.type)).map((r) => r.type);
        if (network.length > 0) {
            fail(`an agent stack creates network resources: ${[...new Set(network)].join(", ")}`);
        }
        const networkStack = (config[`${NS}networkStack`] ?? "").split("/").pop() ?? "";
        const outputs = others.get(networkStack)?.plan?.outputs as
            | { agentSubnetIds: string[]; runtimeSecurityGroupId: string }
            | undefined;
        for (const runtime of runtimes) {
            const placed = (
                runtime.inputs.networkConfiguration as
                    | { networkModeConfig?: { subnets: string[]; securityGroups: string[] } }
                    | undefined
            )?.networkModeConfig;
            if (
                outputs &&
                placed &&
                (JSON.stringify(placed.subnets) !== JSON.stringify(outputs.agentSubnetIds) ||
                    JSON.stringify(placed.securityGroups) !== JSON.stringify([outputs.runtimeSecurityGroupId]))
            ) {
                fail(
                    `runtime ${runtime.name} is not in the network stack ${networkStack}'s subnets and security group`,
                );
            }
        }
    }
    if (environment === "production" && kind !== "network") {
        if (config[`${NS}protect`] !== "true") {
            fail("production is not protected (protect: true)");
        }
        if (Number(config[`${NS}logRetentionDays`]) < PRODUCTION_MIN_RETENTION_DAYS) {
            fail(
                `production keeps logs ${config[`${NS}logRetentionDays`]} days, less than ${PRODUCTION_MIN_RETENTION_DAYS}`,
            );
        }
        if (json<string[]>(config[`${NS}alarmEmails`], []).length === 0) {
            fail("production pages no one (alarmEmails is empty)");
        }
        for (const runtime of json<{ name: string; containerUri?: string; image?: unknown }[]>(
            config[`${NS}runtimes`],
            [],
        )) {
            if (
                runtime.image !== undefined ||
                (runtime.containerUri && !/@sha256:[0-9a-f]{64}$/.test(runtime.containerUri))
            ) {
                fail(`production runtime ${runtime.name} does not run an image pinned by digest`);
            }
        }
        const unprotected = plan.resources.filter((r) => STATEFUL_TYPES.includes(r.type) && !r.protect);
        if (unprotected.length > 0) {
            fail(`unprotected in production: ${unprotected.map((r) => r.name).join(", ")}`);
        }
    }
    return out;
}

/**
 * The generated diagram copies (README.md, docs/diagram-development.md under `root`) that differ
 * from what the program builds for the development stack, each naming the command that
 * regenerates them; [] when both are current.
 */
export function diagramProblems(root: string, development: Plan): string[] {
    const drawn = mermaidDiagram(development);
    const expected = drawn.endsWith("\n") ? drawn : `${drawn}\n`;
    return ["README.md", path.join("docs", "diagram-development.md")].flatMap((file) => {
        const text = fs.readFileSync(path.join(root, file), "utf8");
        const block = /```mermaid\n([\s\S]*?)```/.exec(text)?.[1];
        return block === expected
            ? []
            : [
                  `${file}: its diagram is not what the program builds for development; regenerate with ${DIAGRAM_SYNC_COMMAND}`,
              ];
    });
}
