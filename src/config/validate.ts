import { securityGroupQuotaProblems } from "../network/securityGroupRules";
import { instancesFilesystemProblems, readCompute } from "../compute/config";
import {
    ENVIRONMENTS,
    Environment,
    MEMORY_BUDGET_MIN_MIB,
    PRODUCTION_MIN_LOG_RETENTION_DAYS,
    SUPPORTED_AZ_IDS,
} from "../aws/agentcore";
import { COUNT_LIMITS } from "../aws/limits";
import { CONFIG_KEYS, MODEL_ARN } from "./keys";
import { checkNamespaces } from "./namespaces";
import { readNetwork } from "../network/config";
import { observabilityEnvironmentProblems, readObservability } from "../observability/config";
import { parseKeys, ParsedKeys, SECRET_SHOWN } from "./parse";
import { isRecord } from "./fields";
import { Problems } from "./problems";
import { readRuntimes } from "../runtime/config";
import { agentStackRuntimeProblems, readTopology } from "../topology/config";
import { readSecretValues, runtimesSecretProblems, securePaths } from "../secrets/config";
import { RawStackConfig, RuntimeConfig, StackConfig } from "./types";

/** Every key this program reads from the project namespace, declared in ./keys.ts. */
export { CONFIG_KEYS, MODEL_ARN };

/**
 * Checks every key of one stack's raw config and returns the typed, frozen config. On any
 * problem it throws one ConfigValidationError listing all of them. Pure: no Pulumi calls.
 */
export function validateConfig(raw: RawStackConfig): StackConfig {
    const p = new Problems();
    const isEnvironment = (v: string | undefined): v is Environment =>
        (ENVIRONMENTS as readonly (string | undefined)[]).includes(v);
    // The environment is read first: other keys' examples and production rules depend on it.
    const environmentGuess = isEnvironment(raw.values.environment)
        ? raw.values.environment
        : isEnvironment(raw.stack)
          ? raw.stack
          : undefined;
    const keys = parseKeys(raw, p, { environment: environmentGuess });
    const v = keys.values;
    checkNamespaces(p, raw.project, raw.otherValues ?? {}, CONFIG_KEYS);

    const topology = readTopology(keys, p);
    const environment = readEnvironmentKey(p, keys, raw.stack);
    const region = readRegion(p, raw.region);
    const sizing = readSizing(p, v.cpu, v.memory);
    const network = readNetwork(keys, p, region);
    const runtimeProvider = v.runtimeProvider;

    // A Pulumi secret in runtimes would land in the runtime's plain-text configuration; it is
    // refused before anything else reads (and might echo) the key's values.
    const secretKeys = raw.secretKeys ?? [];
    // A secret key's text is never echoed, not even when it does not parse.
    const runtimesRaw = v.runtimes;
    // A network stack has no runtimes: its agents live in the agent stacks that read it.
    if (topology.kind === "network" && runtimesRaw !== undefined) {
        p.invalid(
            "runtimes",
            secretKeys.includes("runtimes") ? SECRET_SHOWN : runtimesRaw,
            "unset in a network stack: runtimes belong to agent stacks (stackKind: agent, networkStack: <this stack>)",
            "remove runtimes",
        );
    }
    // Read before the runtimes, whose stored secret sources name its values.
    const secretValues = readSecretValues(p, v.secretValues, secretKeys.includes("secretValues"));
    const runtimesSecret = securePaths(runtimesRaw);
    let runtimes: RuntimeConfig[] = [];
    // The checks below read the usable runtimes; each names an entry by its index in the stack file.
    let rp = p;
    if (topology.kind === "network") {
        runtimes = [];
    } else if (secretKeys.includes("runtimes") || runtimesSecret.length > 0) {
        runtimesSecretProblems(p, runtimesSecret);
    } else {
        const read = readRuntimes(p, runtimesRaw, {
            stack: raw.stack,
            region,
            environment,
            provider: runtimeProvider,
            root: raw.root ?? process.cwd(),
            modelArns: keys.valid("modelArns") ? v.modelArns : undefined,
            // An agent stack creates no network: its own vpcCidr default says nothing about the VPC.
            vpcCidr: topology.kind !== "agent" && network.mode === "create" ? network.vpcCidr : undefined,
            secretValueNames: Object.keys(secretValues),
        });
        runtimes = read.runtimes;
        rp = p.renumbering("runtimes", read.positions);
    }
    unusedSecretValues(p, runtimesRaw, secretValues);
    // The security groups a stack with a network makes stay inside AWS's rules-per-group quota.
    if (topology.kind !== "agent") {
        for (const q of securityGroupQuotaProblems(network, runtimes, COUNT_LIMITS.rulesPerSecurityGroup)) {
            rp.invalid(q.key, q.value, q.allowed, q.example);
        }
    }
    if (topology.kind === "agent") {
        agentStackRuntimeProblems(rp, runtimes);
    }

    const compute = readCompute(keys, rp, { region, sizing, runtimeProvider, runtimes });
    instancesFilesystemProblems(rp, compute, runtimes);
    if (topology.kind === "network" && compute.type === "instances") {
        p.invalid(
            "computeType",
            compute.type,
            "unset in a network stack: the compute type is the agent stacks' choice (their capacity providers use this stack's subnets and runtime security group)",
            "set computeType: instances in the agent stack",
        );
    }

    // The schema refused a malformed ARN (and left the list empty): these are the rules
    // between an ARN's parts and the stack's region.
    const modelArns = v.modelArns;
    const hasProfile = modelArns.some((arn) => MODEL_ARN.exec(arn)?.[3]?.includes("inference-profile"));
    modelArns.forEach((arn, i) => {
        const m = MODEL_ARN.exec(arn);
        if (!m) {
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

    const logRetentionDays = v.logRetentionDays;
    if (
        environment === "production" &&
        logRetentionDays !== undefined &&
        logRetentionDays < PRODUCTION_MIN_LOG_RETENTION_DAYS
    ) {
        p.invalid(
            "logRetentionDays",
            logRetentionDays,
            `at least ${PRODUCTION_MIN_LOG_RETENTION_DAYS} days in production`,
            "365",
        );
    }

    const alarmEmails = v.alarmEmails;
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

    const protect = v.protect;

    if (runtimeProvider === "aws-native" && region !== undefined && raw.nativeRegion !== region) {
        const allowed = `the aws-native provider's region, the same as aws:region (${region})`;
        if (raw.nativeRegion === undefined || raw.nativeRegion === "") {
            p.missing("aws-native:region", allowed, `pulumi config set aws-native:region ${region}`);
        } else {
            p.invalid("aws-native:region", raw.nativeRegion, allowed, `"${region}"`);
        }
    }

    const userTags = v.tags;
    const organizationId = v.organizationId;

    const observability = readObservability(keys, p, environment, topology.kind);
    observabilityEnvironmentProblems(rp, runtimes, observability.tracing);

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

/**
 * A secretValues entry no runtime uses. Read from the list as written: a value that a refused
 * runtime entry names is in use, and only that entry is the problem.
 */
function unusedSecretValues(p: Problems, runtimesRaw: unknown, secretValues: Readonly<Record<string, string>>): void {
    const used = new Set(
        (Array.isArray(runtimesRaw) ? runtimesRaw : []).flatMap((entry) =>
            isRecord(entry) && isRecord(entry.secrets)
                ? Object.values(entry.secrets).flatMap((source) =>
                      isRecord(source) && typeof source.stored === "string" ? [source.stored] : [],
                  )
                : [],
        ),
    );
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

function readEnvironmentKey(p: Problems, keys: ParsedKeys, stack: string): Environment | undefined {
    if (keys.given("environment")) {
        return keys.values.environment;
    }
    if ((ENVIRONMENTS as readonly string[]).includes(stack)) {
        return stack as Environment;
    }
    p.missing(
        "environment",
        `stack "${stack}" is not named after an environment, so set environment to one of ${ENVIRONMENTS.join(", ")}`,
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

/** The one sizing rule between cpu and memory (each alone is checked by its schema): 1 GiB per vCPU. */
function readSizing(
    p: Problems,
    cpu: number | undefined,
    memory: number | undefined,
): { cpu: number; memory: number } | undefined {
    if (cpu === undefined || memory === undefined) {
        return undefined;
    }
    if (memory < cpu) {
        // 1024 CPU units need at least 1024 MiB.
        p.invalid(
            "memory",
            memory,
            `at least 1 GiB per vCPU, so at least ${Math.max(cpu, MEMORY_BUDGET_MIN_MIB)} MiB for cpu ${cpu}`,
            `${Math.max(cpu * 2, MEMORY_BUDGET_MIN_MIB)}`,
        );
    }
    return { cpu, memory };
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
