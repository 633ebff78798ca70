/**
 * The config of the ephemeral integration stack: a development-sized copy of the real
 * program's settings in a VPC of its own (10.99.0.0/16), one runtime of the sample agent,
 * nothing protected, logs kept one day. The agent is deployed as direct code from
 * agents/support-agent/dist (no pre-pushed image) unless the environment names another artifact. Values are strings as the CLI hands them over
 * (structured ones as JSON), ready for `stack.setAllConfig`.
 */
import { SUPPORTED_AZ_IDS } from "../../src/aws/agentcore";
import { artifactOverridden, Env, IT_ENV } from "./prerequisites";

export const IT_PROJECT = "agentcore-private";
export const IT_RUNTIME = "support_agent";
/** The default artifact: the bundle `npm run agent:build` writes, zipped and uploaded by the stack. */
export const IT_DEFAULT_CODE = {
    path: "agents/support-agent/dist",
    runtime: "NODE_22",
    entryPoint: ["main.js"],
} as const;

/** A stack name that cannot collide and yields a valid AgentCore runtime name. */
export function ephemeralStackName(now: Date, random: string): string {
    const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\..*$/, "").toLowerCase();
    return `it-${stamp}-${random
        .toLowerCase()
        .replace(/[^a-z0-9]/g, "")
        .slice(0, 6)}`;
}

function list(value: string | undefined): string[] {
    return (value ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
}

export function integrationStackConfig(env: Env): Record<string, string> {
    const region = env[IT_ENV.region] as string;
    const azIds = list(env[IT_ENV.azIds]);
    const modelArns = list(env[IT_ENV.modelArns]);
    const extra = env[IT_ENV.runtimeJson]
        ? (JSON.parse(env[IT_ENV.runtimeJson] as string) as Record<string, unknown>)
        : {};
    const extraEnvironment = (extra.environment ?? {}) as Record<string, unknown>;
    const runtime = {
        name: IT_RUNTIME,
        description: "Integration test of agentcore-private (ephemeral)",
        ...(env[IT_ENV.containerUri] ? { containerUri: env[IT_ENV.containerUri] } : {}),
        ...(artifactOverridden(env) ? {} : { code: IT_DEFAULT_CODE }),
        // The test invokes from where it runs, outside the stack's VPC: with the default
        // `access: vpc` the runtime's resource policy denies that call. `iam` (allowed outside
        // production) leaves the runtime to IAM; AGENTCORE_IT_RUNTIME_JSON may set it back to
        // `vpc` for a runner inside the VPC.
        access: "iam",
        protocol: "HTTP",
        idleTimeoutSeconds: 300,
        maxLifetimeSeconds: 900,
        ...extra,
        // The sample agent reads its model from MODEL_ID; without it /invocations answers 500.
        environment: { MODEL_ID: env[IT_ENV.modelId] as string, ...extraEnvironment },
    };
    const p = (key: string) => `${IT_PROJECT}:${key}`;
    return {
        "aws:region": region,
        "aws-native:region": region,
        [p("environment")]: "development",
        [p("cpu")]: "512",
        [p("memory")]: "1024",
        [p("vpcCidr")]: "10.99.0.0/16",
        [p("agentSubnetCidrs")]: JSON.stringify(["10.99.4.0/24", "10.99.5.0/24"]),
        [p("availabilityZoneIds")]: JSON.stringify(
            azIds.length > 0 ? azIds : (SUPPORTED_AZ_IDS[region] ?? []).slice(0, 2),
        ),
        [p("createEndpoints")]: "true",
        // The agent calls the model from inside the VPC, through the bedrock-runtime endpoint.
        [p("endpointServices")]: JSON.stringify(["bedrock-runtime"]),
        [p("runtimes")]: JSON.stringify([runtime]),
        [p("modelArns")]: JSON.stringify(modelArns),
        [p("logRetentionDays")]: "1",
        [p("alarmEmails")]: JSON.stringify([]),
        [p("protect")]: "false",
        [p("runtimeProvider")]: "aws-native",
        [p("tags")]: JSON.stringify({ Purpose: "integration-test" }),
    };
}

/** The Instances runtime's one persistent volume: the smallest gp3 size, mounted at /mnt/scratch. */
export const IT_INSTANCE_VOLUME = { name: "scratch", sizeGiB: 1 } as const;

/**
 * The ephemeral Instances stack: the same stack on `computeType: instances` (the development
 * size, 0.5 vCPU / 1 GiB, chooses the types), one persistent volume, the shortest idle time
 * so the session's instance stops soon after the test.
 */
export function instancesStackConfig(env: Env): Record<string, string> {
    const p = (key: string) => `${IT_PROJECT}:${key}`;
    return {
        ...integrationStackConfig(env),
        // Another VPC than the microVM test's, so both can exist at once in one account.
        [p("vpcCidr")]: "10.98.0.0/16",
        [p("agentSubnetCidrs")]: JSON.stringify(["10.98.4.0/24", "10.98.5.0/24"]),
        [p("computeType")]: "instances",
        [p("instanceVolumes")]: JSON.stringify([IT_INSTANCE_VOLUME]),
        [p("instanceIdleTimeoutSeconds")]: "300",
        [p("instanceMaxLifetimeSeconds")]: "3600",
    };
}
