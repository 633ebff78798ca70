import { instancesFilesystemProblems, readCompute } from "../compute/config";
import {
    CPU_BUDGET_CHOICES,
    ENVIRONMENTS,
    Environment,
    LOG_RETENTION_DAYS,
    MEMORY_BUDGET_MIN_MIB,
    MEMORY_BUDGET_STEP_MIB,
    PRODUCTION_MIN_LOG_RETENTION_DAYS,
    RUNTIME_PROVIDERS,
    RuntimeProvider,
    SESSION_MAX_MEMORY_MIB,
    SUPPORTED_AZ_IDS,
} from "../aws/agentcore";
import { TAG_LIMITS } from "../aws/limits";
import { readOrganizationId } from "../inbound/config";
import { CONFIG_KEYS } from "./keys";
import { checkNamespaces } from "./namespaces";
import { readNetwork } from "../network/config";
import { observabilityEnvironmentProblems, readObservability } from "../observability/config";
import { Problems } from "./problems";
import { RawReader } from "./read";
import { readRuntimes } from "../runtime/config";
import { agentStackRuntimeProblems, readTopology } from "../topology/config";
import { readSecretValues, runtimesSecretProblems, securePaths } from "../secrets/config";
import { cidrContains, parseCidr } from "../aws/cidr";
import { nearest } from "./suggest";
import { RawStackConfig, RuntimeConfig, StackConfig } from "./types";

/** Every key this program reads from the project namespace, declared in ./keys.ts. */
export { CONFIG_KEYS };

/** Per-environment sizing shown as examples in error messages and used in the stack files. */
export const RECOMMENDED_SIZING: Readonly<Record<Environment, { cpu: number; memory: number }>> = {
    development: { cpu: 512, memory: 1024 },
    staging: { cpu: 1024, memory: 2048 },
    production: { cpu: 2048, memory: 4096 },
};

/** A Bedrock model or inference-profile ARN, without wildcards. */
export const MODEL_ARN =
    /^arn:aws(-[a-z]+)*:bedrock:[a-z0-9-]+:(\d{12})?:(foundation-model|inference-profile|application-inference-profile|provisioned-model|custom-model)\/[A-Za-z0-9._:/-]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Tag keys and values: ASCII letters, digits, spaces and _.:/=+-@ (the AWS tag pattern as the services enforce it). */
const TAG_TEXT = /^[A-Za-z0-9 _.:/=+\-@]*$/;
/** Tag keys the program sets itself on some resource (standard, runtime budget, Name). */
export const PROGRAM_TAG_KEYS = [
    "Project",
    "Stack",
    "Environment",
    "ManagedBy",
    "AgentRuntime",
    "CpuBudget",
    "MemoryBudgetMiB",
    "Name",
] as const;
/** AWS allows 50 tags per resource; a runtime carries the user's plus the program's own. */
const MAX_USER_TAGS = TAG_LIMITS.perResource - PROGRAM_TAG_KEYS.length;

/**
 * Checks every key of one stack's raw config and returns the typed, frozen config. On any
 * problem it throws one ConfigValidationError listing all of them. Pure: no Pulumi calls.
 */
export function validateConfig(raw: RawStackConfig): StackConfig {
    const p = new Problems();
    const r = new RawReader(raw.values, p);

    for (const key of Object.keys(raw.values)) {
        if (!CONFIG_KEYS.includes(key)) {
            const near = nearest(key, CONFIG_KEYS);
            p.invalid(
                `${raw.project}:${key}`,
                raw.values[key],
                `not a setting of this program${near ? ` (did you mean ${near}?)` : ""}; known keys: ${CONFIG_KEYS.join(", ")}`,
                near ?? "cpu",
            );
        }
    }
    checkNamespaces(p, raw.project, raw.otherValues ?? {}, CONFIG_KEYS);

    const topology = readTopology(r);
    const environment = readEnvironmentKey(r, raw.stack);
    const region = readRegion(p, raw.region);
    const sizing = readSizing(r, environment);
    const network = readNetwork(r, region);
    let runtimeProvider: RuntimeProvider = "aws-native";
    const providerText = r.string("runtimeProvider");
    if (providerText !== undefined) {
        if (!(RUNTIME_PROVIDERS as readonly string[]).includes(providerText)) {
            p.invalid("runtimeProvider", providerText, `one of ${RUNTIME_PROVIDERS.join(", ")}`, `"aws-native"`);
        } else {
            runtimeProvider = providerText as RuntimeProvider;
        }
    }

    // A Pulumi secret in runtimes would land in the runtime's plain-text configuration; it is
    // refused before anything else reads (and might echo) the key's values.
    const secretKeys = raw.secretKeys ?? [];
    // A secret key's text is never echoed, not even when it does not parse.
    const runtimesRaw = secretKeys.includes("runtimes")
        ? parseQuietly(raw.values.runtimes)
        : r.json("runtimes", "a list of runtimes");
    // A network stack has no runtimes: its agents live in the agent stacks that read it.
    if (topology.kind === "network" && runtimesRaw !== undefined) {
        p.invalid(
            "runtimes",
            secretKeys.includes("runtimes") ? "[secret]" : runtimesRaw,
            "unset in a network stack: runtimes belong to agent stacks (stackKind: agent, networkStack: <this stack>)",
            "remove runtimes",
        );
    }
    const runtimesSecret = securePaths(runtimesRaw);
    let runtimes: RuntimeConfig[] = [];
    if (topology.kind === "network") {
        runtimes = [];
    } else if (secretKeys.includes("runtimes") || runtimesSecret.length > 0) {
        runtimesSecretProblems(p, runtimesSecret);
    } else {
        runtimes = readRuntimes(p, runtimesRaw, {
            stack: raw.stack,
            region,
            environment,
            provider: runtimeProvider,
            root: raw.root ?? process.cwd(),
        });
    }
    const secretValues = readSecretValues(
        p,
        r.json("secretValues", `pulumi config set --secret --path 'secretValues.crm_api_key' <value>`),
        secretKeys.includes("secretValues"),
    );
    // An agent stack creates no network: its own vpcCidr default says nothing about the VPC.
    crossChecks(p, runtimes, secretValues, topology.kind === "agent" ? undefined : network);
    if (topology.kind === "agent") {
        agentStackRuntimeProblems(p, runtimes);
    }

    const compute = readCompute(r, p, { region, sizing, runtimeProvider, runtimes });
    instancesFilesystemProblems(p, compute, runtimes);
    if (topology.kind === "network" && compute.type === "instances") {
        p.invalid(
            "computeType",
            compute.type,
            "unset in a network stack: the compute type is the agent stacks' choice (their capacity providers use this stack's subnets and runtime security group)",
            "set computeType: instances in the agent stack",
        );
    }

    const modelArns =
        r.stringList(
            "modelArns",
            `["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0"]`,
        ) ?? [];
    const hasProfile = modelArns.some((arn) => MODEL_ARN.exec(arn)?.[3]?.includes("inference-profile"));
    modelArns.forEach((arn, i) => {
        const m = MODEL_ARN.exec(arn);
        if (!m) {
            p.invalid(
                `modelArns[${i}]`,
                arn,
                "a Bedrock foundation-model or inference-profile ARN without wildcards",
                `"arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0"`,
            );
            return;
        }
        const [, , account, kind] = m;
        const arnRegion = arn.split(":")[3];
        const resource = arn.slice(arn.indexOf(`${kind}/`));
        // Foundation models are AWS-owned: their ARN has no account. Everything else is owned
        // by an account, which its ARN names (Bedrock User Guide, "Resource types defined by Amazon Bedrock").
        if (kind === "foundation-model" && account) {
            p.invalid(
                `modelArns[${i}]`,
                arn,
                "a foundation-model ARN has no account ID (AWS owns the model): arn:<partition>:bedrock:<region>::foundation-model/<id>",
                `"arn:aws:bedrock:${arnRegion}::${resource}"`,
            );
        } else if (kind !== "foundation-model" && !account) {
            p.invalid(
                `modelArns[${i}]`,
                arn,
                `a ${kind} ARN names the account that owns it: arn:<partition>:bedrock:<region>:<12-digit account>:${kind}/<id>`,
                `"arn:aws:bedrock:${arnRegion}:123456789012:${resource}"`,
            );
        } else if (region !== undefined && arnRegion !== region && (kind !== "foundation-model" || !hasProfile)) {
            // A cross-region inference profile routes to foundation models in other regions, so
            // those may be elsewhere when a profile is listed; the profile itself is invoked here.
            p.invalid(
                `modelArns[${i}]`,
                arn,
                `an ARN in the stack's region ${region} (aws:region), or a foundation model another region serves through a listed inference profile`,
                `"${arn.replace(`:${arnRegion}:`, `:${region}:`)}"`,
            );
        }
    });

    // The agent's MODEL_ID must be a model the role may invoke: a modelArns entry whose resource
    // ends in /<MODEL_ID> (a foundation model or an inference profile), or the ARN itself.
    // Otherwise every session fails with AccessDenied at its first model call.
    runtimes.forEach((runtime, i) => {
        const modelId = runtime.environment.MODEL_ID;
        // An invalid modelArns entry is already reported: no knock-on error about MODEL_ID.
        if (modelId === undefined || modelArns.some((arn) => !MODEL_ARN.test(arn))) {
            return;
        }
        const allowed = modelArns.some((arn) => arn === modelId || arn.endsWith(`/${modelId}`));
        if (!allowed) {
            p.invalid(
                `runtimes[${i}].environment.MODEL_ID`,
                modelId,
                modelArns.length === 0
                    ? "a model the execution role may invoke, but modelArns is empty: add the model's ARN to modelArns"
                    : `a model that modelArns allows (it lists ${modelArns.length}: ${modelArns.map((a) => a.slice(a.indexOf("/") + 1)).join(", ")})`,
                `modelArns: ["arn:aws:bedrock:${region ?? "us-east-1"}:123456789012:inference-profile/${modelId}"]`,
            );
        }
    });

    const logRetentionDays = readRetention(r, environment);

    const alarmEmails = r.stringList("alarmEmails", `["oncall@example.com"]`) ?? [];
    alarmEmails.forEach((email, i) => {
        if (!EMAIL.test(email)) {
            p.invalid(`alarmEmails[${i}]`, email, "an e-mail address", `"oncall@example.com"`);
        }
    });
    const lowered = alarmEmails.map((e) => e.toLowerCase());
    lowered.forEach((email, i) => {
        if (lowered.indexOf(email) !== i) {
            p.invalid(
                `alarmEmails[${i}]`,
                alarmEmails[i],
                "an address not already listed (SNS keeps one subscription per address)",
                `"oncall@example.com"`,
            );
        }
    });
    if (environment === "production" && alarmEmails.length === 0 && topology.kind !== "network") {
        p.missing(
            "alarmEmails",
            "at least one address in production, so that an alarm pages someone",
            `["oncall@example.com"]`,
        );
    }

    const protect = r.boolean("protect");
    if (protect === undefined && !r.has("protect")) {
        p.missing(
            "protect",
            "true or false: whether stateful resources are protected from deletion (true in production)",
            environment === "production" ? "true" : "false",
        );
    }

    if (runtimeProvider === "aws-native" && region !== undefined && raw.nativeRegion !== region) {
        const allowed = `the aws-native provider's region, the same as aws:region (${region})`;
        if (raw.nativeRegion === undefined || raw.nativeRegion === "") {
            p.missing("aws-native:region", allowed, `pulumi config set aws-native:region ${region}`);
        } else {
            p.invalid("aws-native:region", raw.nativeRegion, allowed, `"${region}"`);
        }
    }

    const userTags = readTags(r);
    const organizationId = readOrganizationId(r);

    const observability = readObservability(r, environment, topology.kind);
    observabilityEnvironmentProblems(r, runtimes, observability.tracing);

    p.throwIfAny(raw.stack);

    const env = environment as Environment;
    return deepFreeze({
        project: raw.project,
        stack: raw.stack,
        environment: env,
        region: region as string,
        sizing: sizing as { cpu: number; memory: number },
        network,
        runtimes,
        modelArns,
        logRetentionDays: logRetentionDays as number,
        alarmEmails,
        protect: protect as boolean,
        runtimeProvider,
        compute,
        ...observability,
        ...topology,
        organizationId,
        tags: { ...userTags, Project: raw.project, Stack: raw.stack, Environment: env, ManagedBy: "pulumi" },
        secretValues,
    });
}

/** Checks across keys: stored secrets exist and are used; a managed IdP path stays inside the VPC. */
function crossChecks(
    p: Problems,
    runtimes: readonly RuntimeConfig[],
    secretValues: Readonly<Record<string, string>>,
    /** The network the stack creates or adopts; undefined in an agent stack (the network stack's). */
    network: StackConfig["network"] | undefined,
): void {
    // One account for every ARN the runtimes name: the stack deploys into one account, and its
    // role mounts and reads only that account's file systems and secrets (the policy pack
    // compares them with the role's account, which config cannot know).
    let account: { id: string; key: string } | undefined;
    const sameAccount = (key: string, arn: string) => {
        const id = arn.split(":")[4];
        if (!account) {
            account = { id, key };
        } else if (id !== account.id) {
            p.invalid(
                key,
                arn,
                `an ARN in the account ${account.id} that ${account.key} names: the stack's role reaches its own account's file systems and secrets only`,
                `"${arn.split(":").slice(0, 4).join(":")}:${account.id}:${arn.split(":").slice(5).join(":")}"`,
            );
        }
    };
    runtimes.forEach((runtime, i) => {
        runtime.filesystems.forEach((fs, j) => {
            if (fs.kind === "efs" || fs.kind === "s3Files") {
                sameAccount(`runtimes[${i}].filesystems[${j}].accessPointArn`, fs.accessPointArn);
            }
        });
        for (const [variable, source] of Object.entries(runtime.secrets)) {
            if (source.kind === "existing") {
                sameAccount(`runtimes[${i}].secrets.${variable}.arn`, source.arn);
            }
        }
    });
    const used = new Set<string>();
    runtimes.forEach((runtime, i) => {
        for (const [variable, source] of Object.entries(runtime.secrets)) {
            if (source.kind !== "stored") {
                continue;
            }
            used.add(source.name);
            if (!(source.name in secretValues)) {
                p.invalid(
                    `runtimes[${i}].secrets.${variable}.stored`,
                    source.name,
                    `a name under secretValues (${Object.keys(secretValues).join(", ") || "none set"})`,
                    `pulumi config set --secret --path 'secretValues.${source.name}' <value>`,
                );
            }
        }
        const authorizer = runtime.authorizer;
        const paths = authorizer
            ? [
                  { key: "authorizer.privateEndpoint", endpoint: authorizer.privateEndpoint },
                  ...authorizer.privateEndpointOverrides.map((o, j) => ({
                      key: `authorizer.privateEndpointOverrides[${j}].privateEndpoint`,
                      endpoint: o.privateEndpoint,
                  })),
              ]
            : [];
        const vpc = network?.mode === "create" ? parseCidr(network.vpcCidr) : undefined;
        for (const { key, endpoint } of paths) {
            if (endpoint?.kind !== "managed" || !vpc) {
                continue;
            }
            endpoint.idpCidrs.forEach((cidr, j) => {
                const parsed = parseCidr(cidr);
                if (parsed && !cidrContains(vpc, parsed)) {
                    p.invalid(
                        `runtimes[${i}].${key}.managed.idpCidrs[${j}]`,
                        cidr,
                        `a CIDR inside vpcCidr ${network?.vpcCidr}: the identity-provider path never leaves the VPC`,
                        `"${network?.vpcCidr}"`,
                    );
                }
            });
        }
    });
    for (const name of Object.keys(secretValues)) {
        if (!used.has(name)) {
            p.invalid(
                `secretValues.${name}`,
                "[secret]",
                "a value some runtimes[i].secrets entry uses ({ stored: <name> }); remove unused secrets",
                `runtimes[0].secrets.CRM_API_KEY_SECRET_ARN: { stored: ${name} }`,
            );
        }
    }
}

function parseQuietly(text: string | undefined): unknown {
    try {
        return text === undefined || text === "" ? undefined : JSON.parse(text);
    } catch {
        return undefined;
    }
}

function readEnvironmentKey(r: RawReader, stack: string): Environment | undefined {
    const explicit = r.string("environment");
    const allowed = `one of ${ENVIRONMENTS.join(", ")}`;
    if (explicit !== undefined) {
        if (!(ENVIRONMENTS as readonly string[]).includes(explicit)) {
            r.problems.invalid("environment", explicit, allowed, `"staging"`);
            return undefined;
        }
        return explicit as Environment;
    }
    if ((ENVIRONMENTS as readonly string[]).includes(stack)) {
        return stack as Environment;
    }
    r.problems.missing(
        "environment",
        `stack "${stack}" is not named after an environment, so set environment to ${allowed}`,
        `pulumi config set environment development`,
    );
    return undefined;
}

function readRegion(p: Problems, region: string | undefined): string | undefined {
    const supported = Object.keys(SUPPORTED_AZ_IDS);
    if (region === undefined || region === "") {
        p.missing(
            "aws:region",
            `a region where AgentCore Runtime runs in a VPC: ${supported.join(", ")}`,
            `pulumi config set aws:region us-east-1`,
        );
        return undefined;
    }
    if (!supported.includes(region)) {
        p.invalid(
            "aws:region",
            region,
            `a region where AgentCore Runtime runs in a VPC: ${supported.join(", ")}`,
            `"us-east-1"`,
        );
        return undefined;
    }
    return region;
}

function readSizing(r: RawReader, environment: Environment | undefined): { cpu: number; memory: number } | undefined {
    const rec = RECOMMENDED_SIZING[environment ?? "development"];
    const cpu = r.integer("cpu", `${rec.cpu}`);
    const memory = r.integer("memory", `${rec.memory}`);
    if (cpu === undefined && !r.has("cpu")) {
        r.problems.missing(
            "cpu",
            `the per-session CPU budget in CPU units, one of ${CPU_BUDGET_CHOICES.join(", ")} (1024 = 1 vCPU)`,
            `${rec.cpu}`,
        );
    } else if (cpu !== undefined && !(CPU_BUDGET_CHOICES as readonly number[]).includes(cpu)) {
        r.problems.invalid(
            "cpu",
            cpu,
            `one of ${CPU_BUDGET_CHOICES.join(", ")} CPU units (an AgentCore session has at most 2 vCPU = 2048)`,
            `${rec.cpu}`,
        );
    }
    if (memory === undefined && !r.has("memory")) {
        r.problems.missing(
            "memory",
            `the per-session memory budget in MiB, ${MEMORY_BUDGET_MIN_MIB} to ${SESSION_MAX_MEMORY_MIB} in steps of ${MEMORY_BUDGET_STEP_MIB}`,
            `${rec.memory}`,
        );
    } else if (memory !== undefined) {
        if (
            memory < MEMORY_BUDGET_MIN_MIB ||
            memory > SESSION_MAX_MEMORY_MIB ||
            memory % MEMORY_BUDGET_STEP_MIB !== 0
        ) {
            r.problems.invalid(
                "memory",
                memory,
                `${MEMORY_BUDGET_MIN_MIB} to ${SESSION_MAX_MEMORY_MIB} MiB in steps of ${MEMORY_BUDGET_STEP_MIB} (an AgentCore session has at most 8 GiB)`,
                `${rec.memory}`,
            );
        } else if (cpu !== undefined && (CPU_BUDGET_CHOICES as readonly number[]).includes(cpu) && memory < cpu) {
            // 1 GiB per vCPU: 1024 CPU units need at least 1024 MiB.
            r.problems.invalid(
                "memory",
                memory,
                `at least 1 GiB per vCPU, so at least ${Math.max(cpu, MEMORY_BUDGET_MIN_MIB)} MiB for cpu ${cpu}`,
                `${Math.max(cpu * 2, MEMORY_BUDGET_MIN_MIB)}`,
            );
        }
    }
    return cpu !== undefined && memory !== undefined ? { cpu, memory } : undefined;
}

function readRetention(r: RawReader, environment: Environment | undefined): number | undefined {
    const example = environment === "production" ? "365" : "30";
    const days = r.integer("logRetentionDays", example);
    if (days === undefined) {
        if (!r.has("logRetentionDays")) {
            r.problems.missing(
                "logRetentionDays",
                `days to keep logs, one of ${LOG_RETENTION_DAYS.join(", ")}`,
                example,
            );
        }
        return undefined;
    }
    if (!(LOG_RETENTION_DAYS as readonly number[]).includes(days)) {
        r.problems.invalid(
            "logRetentionDays",
            days,
            `a value CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(", ")}`,
            example,
        );
    } else if (environment === "production" && days < PRODUCTION_MIN_LOG_RETENTION_DAYS) {
        r.problems.invalid(
            "logRetentionDays",
            days,
            `at least ${PRODUCTION_MIN_LOG_RETENTION_DAYS} days in production`,
            "365",
        );
    }
    return days;
}

function readTags(r: RawReader): Record<string, string> {
    const raw = r.json("tags", `{ CostCenter: "ai-platform" }`);
    if (raw === undefined) {
        return {};
    }
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
        r.problems.invalid("tags", raw, "a map of tag keys to values", `{ CostCenter: "ai-platform" }`);
        return {};
    }
    const entries = Object.entries(raw as Record<string, unknown>);
    if (entries.length > MAX_USER_TAGS) {
        r.problems.invalid(
            "tags",
            `${entries.length} tags`,
            `at most ${MAX_USER_TAGS} tags (AWS allows 50 and the program adds its own)`,
            `{ CostCenter: "ai-platform" }`,
        );
    }
    const reserved: readonly string[] = PROGRAM_TAG_KEYS;
    const out: Record<string, string> = {};
    for (const [key, value] of entries) {
        if (
            key.length < 1 ||
            key.length > TAG_LIMITS.keyLength ||
            !TAG_TEXT.test(key) ||
            key.toLowerCase().startsWith("aws:")
        ) {
            r.problems.invalid(
                `tags.${key}`,
                key,
                "a tag key of 1-128 ASCII letters, digits, spaces and _.:/=+-@, not starting with aws:",
                "CostCenter",
            );
        } else if (reserved.includes(key)) {
            r.problems.invalid(
                `tags.${key}`,
                key,
                `a key the program does not set itself (${reserved.join(", ")})`,
                "CostCenter",
            );
        }
        if (typeof value !== "string" || value.length > TAG_LIMITS.valueLength || !TAG_TEXT.test(value)) {
            r.problems.invalid(
                `tags.${key}`,
                value,
                "a tag value of at most 256 ASCII letters, digits, spaces and _.:/=+-@",
                `"ai-platform"`,
            );
            continue;
        }
        out[key] = value;
    }
    return out;
}

function deepFreeze<T>(value: T): T {
    if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const child of Object.values(value as object)) {
            deepFreeze(child);
        }
    }
    return value;
}
