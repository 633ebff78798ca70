/**
 * The bootstrap program's config: read once, every problem reported at once, before any
 * resource is registered. Messages name the key, the value, what is allowed, an example.
 */
import * as pulumi from "@pulumi/pulumi";
import { ENVIRONMENTS, Environment } from "../src/aws/agentcore";
import { Problems } from "../src/config/problems";
import { STACK_KINDS, StackKind } from "../src/topology/config";
import { COMPUTE_TYPES, ComputeType } from "../src/compute/config";

const STACK_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/** The environments the main program knows (src/aws/agentcore.ts); a deploy role is made for each listed one. */
export { ENVIRONMENTS, type Environment } from "../src/aws/agentcore";

/** The kinds of main stack a deploy role can serve (src/topology/config.ts). */
export { STACK_KINDS, type StackKind } from "../src/topology/config";

export interface DeployEnvironment {
    /** The environment of the stack: the Environment tag its resources carry. */
    readonly name: Environment;
    /** The main stack this role deploys, and the GitHub environment its jobs run in. Default: `name`. */
    readonly stack: string;
    /** What kind of main stack it is; an agent stack's role creates no network, a network stack's no runtime. Default: all-in-one. */
    readonly kind: StackKind;
    /** The main stack's compute type: `instances` adds the capacity provider's rights and fences it in the guardrail. Default: microvm. */
    readonly compute: ComputeType;
    /** The only subnets the environment's deploy role may put a runtime in (the guardrail). */
    readonly subnetIds: readonly string[];
    /** The only security groups it may give a runtime. */
    readonly securityGroupIds: readonly string[];
}

export interface BootstrapConfig {
    readonly stack: string;
    /** `owner/name` */
    readonly githubRepository: string;
    /** An existing provider to trust instead of creating one; undefined creates it. */
    readonly oidcProviderArn?: string;
    readonly mainProject: string;
    readonly environments: readonly DeployEnvironment[];
}

/** Raw values as strings (structured values as JSON), as the Pulumi CLI hands them over. */
export interface RawBootstrapConfig {
    readonly stack: string;
    readonly values: Readonly<Record<string, string | undefined>>;
}

// GitHub: owner 1-39 letters, digits or hyphens; repository letters, digits, `.`, `_`, `-`.
const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const OIDC_PROVIDER_ARN = /^arn:aws(?:-cn|-us-gov)?:iam::\d{12}:oidc-provider\/token\.actions\.githubusercontent\.com$/;
const SUBNET_ID = /^subnet-[0-9a-f]{8,17}$/;
const SECURITY_GROUP_ID = /^sg-[0-9a-f]{8,17}$/;
const PROJECT_NAME = /^[A-Za-z0-9_.-]{1,100}$/;
/** AgentCore accepts 1 to 16 subnets and 1 to 16 security groups per runtime. */
const MAX_NETWORK_IDS = 16;

function isRecord(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

function idList(p: Problems, key: string, v: unknown, pattern: RegExp, what: string, example: string): string[] {
    if (!Array.isArray(v) || v.length === 0 || v.length > MAX_NETWORK_IDS) {
        p.invalid(key, v ?? null, `a list of 1 to ${MAX_NETWORK_IDS} ${what} IDs`, `[${example}]`);
        return [];
    }
    const bad = v.filter((id) => typeof id !== "string" || !pattern.test(id));
    if (bad.length > 0) {
        p.invalid(
            key,
            v,
            `${what} IDs only (${pattern.source}); not ${bad.map((b) => JSON.stringify(b)).join(", ")}`,
            `[${example}]`,
        );
        return [];
    }
    if (new Set(v).size !== v.length) {
        p.invalid(key, v, `distinct ${what} IDs`, `[${example}]`);
        return [];
    }
    return v as string[];
}

function readEnvironments(p: Problems, raw: string | undefined): DeployEnvironment[] {
    const example = `[{ name: development, subnetIds: [subnet-0a1b2c3d4e5f60001], securityGroupIds: [sg-0a1b2c3d4e5f60003] }]`;
    if (raw === undefined) {
        p.missing(
            "environments",
            "a list of the environments to create a deploy role for, each with its subnets and security groups",
            example,
        );
        return [];
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(raw);
    } catch {
        parsed = raw;
    }
    if (!Array.isArray(parsed) || parsed.length === 0) {
        p.invalid("environments", parsed, "a non-empty list of environments", example);
        return [];
    }
    const out: DeployEnvironment[] = [];
    parsed.forEach((entry, i) => {
        const key = `environments[${i}]`;
        if (!isRecord(entry)) {
            p.invalid(key, entry, "a map with name, subnetIds and securityGroupIds", example);
            return;
        }
        for (const field of Object.keys(entry)) {
            if (!["name", "stack", "kind", "compute", "subnetIds", "securityGroupIds"].includes(field)) {
                p.invalid(
                    `${key}.${field}`,
                    entry[field],
                    "not a known field; use name, stack, kind, compute, subnetIds, securityGroupIds",
                    `${key}.name`,
                );
            }
        }
        const name = entry.name;
        const stackOf = (e: unknown) => (isRecord(e) ? (e.stack ?? e.name) : undefined);
        const stack = stackOf(entry);
        if (typeof name !== "string" || !(ENVIRONMENTS as readonly string[]).includes(name)) {
            p.invalid(`${key}.name`, name ?? null, `one of ${ENVIRONMENTS.join(", ")}`, `"staging"`);
        }
        if (typeof stack !== "string" || !STACK_NAME.test(stack)) {
            p.invalid(`${key}.stack`, stack ?? null, "a main stack name (default: name)", `"agents-support"`);
        } else if (parsed.slice(0, i).some((e: unknown) => stackOf(e) === stack)) {
            p.invalid(
                entry.stack === undefined ? `${key}.name` : `${key}.stack`,
                stack,
                entry.stack === undefined
                    ? "each environment once (one deploy role per environment)"
                    : "each stack once (one deploy role per stack)",
                `"production"`,
            );
        }
        const kind = entry.kind ?? "all-in-one";
        if (typeof kind !== "string" || !(STACK_KINDS as readonly string[]).includes(kind)) {
            p.invalid(`${key}.kind`, kind, `one of ${STACK_KINDS.join(", ")}`, `"agent"`);
        }
        const compute = entry.compute ?? "microvm";
        if (typeof compute !== "string" || !(COMPUTE_TYPES as readonly string[]).includes(compute)) {
            p.invalid(`${key}.compute`, compute, `one of ${COMPUTE_TYPES.join(", ")}`, `"instances"`);
        }
        if (kind === "network") {
            // A network stack runs no runtime: no guardrail, so no subnets or security groups to list.
            for (const field of ["subnetIds", "securityGroupIds", "compute"]) {
                if (entry[field] !== undefined) {
                    p.invalid(
                        `${key}.${field}`,
                        entry[field],
                        "unset for a network stack: it runs no runtimes",
                        "remove it",
                    );
                }
            }
            if (
                typeof name === "string" &&
                (ENVIRONMENTS as readonly string[]).includes(name) &&
                typeof stack === "string"
            ) {
                out.push({
                    name: name as Environment,
                    stack,
                    kind,
                    compute: "microvm",
                    subnetIds: [],
                    securityGroupIds: [],
                });
            }
            return;
        }
        const subnetIds = idList(
            p,
            `${key}.subnetIds`,
            entry.subnetIds,
            SUBNET_ID,
            "subnet",
            "subnet-0a1b2c3d4e5f60001",
        );
        const securityGroupIds = idList(
            p,
            `${key}.securityGroupIds`,
            entry.securityGroupIds,
            SECURITY_GROUP_ID,
            "security group",
            "sg-0a1b2c3d4e5f60003",
        );
        if (
            typeof name === "string" &&
            (ENVIRONMENTS as readonly string[]).includes(name) &&
            subnetIds.length > 0 &&
            securityGroupIds.length > 0 &&
            typeof stack === "string" &&
            (STACK_KINDS as readonly string[]).includes(kind as string) &&
            (COMPUTE_TYPES as readonly string[]).includes(compute as string)
        ) {
            out.push({
                name: name as Environment,
                stack,
                kind: kind as StackKind,
                compute: compute as ComputeType,
                subnetIds,
                securityGroupIds,
            });
        }
    });
    return out;
}

/** Validates raw config; throws ConfigValidationError listing every problem. */
export function validateBootstrapConfig(raw: RawBootstrapConfig): BootstrapConfig {
    const p = new Problems();
    const repository = raw.values.githubRepository;
    if (repository === undefined || repository === "") {
        p.missing(
            "githubRepository",
            "the repository whose workflows assume the roles, as owner/name",
            `"acme/agentcore-private"`,
        );
    } else if (!REPOSITORY.test(repository)) {
        p.invalid(
            "githubRepository",
            repository,
            "owner/name as GitHub spells it, no wildcards",
            `"acme/agentcore-private"`,
        );
    }
    const providerArn = raw.values.oidcProviderArn || undefined;
    if (providerArn !== undefined && !OIDC_PROVIDER_ARN.test(providerArn)) {
        p.invalid(
            "oidcProviderArn",
            providerArn,
            "the ARN of this account's token.actions.githubusercontent.com provider, or empty to create one",
            `"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"`,
        );
    }
    const mainProject = raw.values.mainProject || "agentcore-private";
    if (!PROJECT_NAME.test(mainProject)) {
        p.invalid("mainProject", mainProject, "a Pulumi project name", `"agentcore-private"`);
    }
    const environments = readEnvironments(p, raw.values.environments);
    p.throwIfAny(raw.stack);
    return {
        stack: raw.stack,
        githubRepository: repository as string,
        oidcProviderArn: providerArn,
        mainProject,
        environments,
    };
}

/** Reads the stack's config through the Pulumi runtime. */
export function loadBootstrapConfig(): BootstrapConfig {
    const config = new pulumi.Config();
    const values: Record<string, string | undefined> = {};
    for (const key of ["githubRepository", "oidcProviderArn", "mainProject", "environments"]) {
        values[key] = config.get(key);
    }
    return validateBootstrapConfig({ stack: pulumi.getStack(), values });
}
