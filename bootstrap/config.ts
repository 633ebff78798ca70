/**
 * The bootstrap program's config: read once, every problem reported at once, before any
 * resource is registered. Messages name the key, the value, what is allowed, an example.
 */
import * as pulumi from "@pulumi/pulumi";
import { ENVIRONMENTS, Environment } from "../src/aws/agentcore";
import { z } from "zod";
import { fieldsOf, key, requiredKey, said, says, unsetKey } from "../src/config/declare";
import { parseDeclared } from "../src/config/parse";
import { Problems } from "../src/config/problems";
import { STACK_KINDS, StackKind } from "../src/topology/config";
import { COMPUTE_TYPES, ComputeType } from "../src/config/keys";

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
    /**
     * The listed stack whose artifacts this one promotes (deploy.yml: production from staging):
     * its role may then tag the source's promoted images and read its code objects and key. Default: none.
     */
    readonly promoteFrom?: { readonly stack: string; readonly environment: Environment };
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
    /** The bootstrap project's name, the namespace of its keys. */
    readonly project?: string;
    readonly values: Readonly<Record<string, string | undefined>>;
}

/** The bootstrap project's name (bootstrap/Pulumi.yaml). */
export const BOOTSTRAP_PROJECT = "agentcore-bootstrap";

// GitHub: owner 1-39 letters, digits or hyphens; repository letters, digits, `.`, `_`, `-`.
const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const OIDC_PROVIDER_ARN = /^arn:aws(?:-cn|-us-gov)?:iam::\d{12}:oidc-provider\/token\.actions\.githubusercontent\.com$/;
const SUBNET_ID = /^subnet-[0-9a-f]{8,17}$/;
const SECURITY_GROUP_ID = /^sg-[0-9a-f]{8,17}$/;
const PROJECT_NAME = /^[A-Za-z0-9_.-]{1,100}$/;
/** AgentCore accepts 1 to 16 subnets and 1 to 16 security groups per runtime. */
const MAX_NETWORK_IDS = 16;

const ENVIRONMENTS_EXAMPLE = `[{ name: development, subnetIds: [subnet-0a1b2c3d4e5f60001], securityGroupIds: [sg-0a1b2c3d4e5f60003] }]`;

const idList = (pattern: RegExp, what: string, example: string) =>
    z
        .array(
            z.string().regex(pattern, says(`a ${what} ID`, `"${example}"`)),
            says(`a list of ${what} IDs`, `[${example}]`),
        )
        .min(1, says(`a list of 1 to ${MAX_NETWORK_IDS} ${what} IDs`, `[${example}]`))
        .max(MAX_NETWORK_IDS, says(`a list of 1 to ${MAX_NETWORK_IDS} ${what} IDs`, `[${example}]`))
        .refine((ids) => new Set(ids).size === ids.length, says(`distinct ${what} IDs`, `[${example}]`));

const deployEnvironment = fieldsOf({
    name: z.enum(ENVIRONMENTS, says(`one of ${ENVIRONMENTS.join(", ")}`, `"staging"`)),
    stack: z.string().regex(STACK_NAME, says("a main stack name (default: name)", `"agents-support"`)).optional(),
    kind: z.enum(STACK_KINDS, says(`one of ${STACK_KINDS.join(", ")}`, `"agent"`)).default("all-in-one"),
    compute: z.enum(COMPUTE_TYPES, says(`one of ${COMPUTE_TYPES.join(", ")}`, `"instances"`)).optional(),
    subnetIds: idList(SUBNET_ID, "subnet", "subnet-0a1b2c3d4e5f60001").optional(),
    securityGroupIds: idList(SECURITY_GROUP_ID, "security group", "sg-0a1b2c3d4e5f60003").optional(),
    promoteFrom: z
        .string()
        .regex(STACK_NAME, says("the stack name of another listed environment", `"staging"`))
        .optional(),
}).superRefine(
    (entry, ctx) => {
        // Runs even when a field failed, so that every problem of the entry is reported at once.
        if (typeof entry !== "object" || entry === null) {
            return;
        }
        if (entry.kind === "network" && entry.promoteFrom !== undefined) {
            ctx.addIssue({
                code: "custom",
                path: ["promoteFrom"],
                input: entry.promoteFrom,
                ...said("unset for a network stack: it runs no artifacts to promote", "remove it"),
            });
        }
        if (entry.kind === "network" && entry.compute !== undefined) {
            ctx.addIssue({
                code: "custom",
                path: ["compute"],
                input: entry.compute,
                ...said("unset for a network stack: it runs no runtimes", "remove it"),
            });
        }
        for (const field of ["subnetIds", "securityGroupIds"] as const) {
            if (entry.kind === "network" && entry[field] !== undefined) {
                // A network stack runs no runtime: no guardrail, so no subnets or security groups to list.
                ctx.addIssue({
                    code: "custom",
                    path: [field],
                    input: entry[field],
                    ...said("unset for a network stack: it runs no runtimes", "remove it"),
                });
            } else if (entry.kind !== "network" && entry[field] === undefined) {
                const what = field === "subnetIds" ? "subnet" : "security group";
                ctx.addIssue({
                    code: "custom",
                    path: [field],
                    input: null,
                    ...said(
                        `a list of 1 to ${MAX_NETWORK_IDS} ${what} IDs`,
                        field === "subnetIds" ? "[subnet-0a1b2c3d4e5f60001]" : "[sg-0a1b2c3d4e5f60003]",
                    ),
                });
            }
        }
    },
    { when: () => true },
);

/** The bootstrap program's keys, declared like the main program's (src/config/keys.ts). */
export const BOOTSTRAP_KEYS = {
    githubRepository: requiredKey({
        type: "string",
        schema: () =>
            z
                .string()
                .regex(REPOSITORY, says("owner/name as GitHub spells it, no wildcards", `"acme/agentcore-private"`)),
        default: "",
        required: () => "the repository whose workflows assume the roles, as owner/name",
        example: () => `"acme/agentcore-private"`,
        text: "The repository whose workflows may assume the roles, as owner/name (e.g. acme/agentcore-private).",
        defaultText: "required",
    }),
    oidcProviderArn: unsetKey({
        type: "string",
        schema: () =>
            z
                .string()
                .regex(
                    OIDC_PROVIDER_ARN,
                    says(
                        "the ARN of this account's token.actions.githubusercontent.com provider, or empty to create one",
                        `"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"`,
                    ),
                ),
        example: () => `"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"`,
        text: "An existing token.actions.githubusercontent.com provider of this account to use instead of creating one (an account has at most one per URL). Empty: create it.",
        defaultText: '`""` (create it)',
    }),
    mainProject: key({
        type: "string",
        schema: () => z.string().regex(PROJECT_NAME, says("a Pulumi project name", `"agentcore-private"`)),
        default: "agentcore-private",
        example: () => `"agentcore-private"`,
        text: "Name of the main Pulumi project whose stacks the roles deploy; its resources are named agentcore-<stack>-*.",
        defaultText: "`agentcore-private`",
    }),
    environments: requiredKey({
        schema: () =>
            z
                .array(deployEnvironment, says("a non-empty list of environments", ENVIRONMENTS_EXAMPLE))
                .min(1, says("a non-empty list of environments", ENVIRONMENTS_EXAMPLE))
                .superRefine(
                    (entries, ctx) => {
                        const seen = new Set<string>();
                        entries.forEach((entry, i) => {
                            if (typeof entry !== "object" || entry === null) {
                                return;
                            }
                            const stack = entry.stack ?? entry.name;
                            if (seen.has(stack)) {
                                ctx.addIssue({
                                    code: "custom",
                                    path: [i, entry.stack === undefined ? "name" : "stack"],
                                    input: stack,
                                    ...said(
                                        entry.stack === undefined
                                            ? "each environment once (one deploy role per environment)"
                                            : "each stack once (one deploy role per stack)",
                                        `"production"`,
                                    ),
                                });
                            }
                            seen.add(stack);
                        });
                        // promoteFrom names another listed stack that runs artifacts.
                        const byStack = new Map(
                            entries
                                .filter((e) => typeof e === "object" && e !== null)
                                .map((e) => [e.stack ?? e.name, e] as const),
                        );
                        entries.forEach((entry, i) => {
                            if (typeof entry !== "object" || entry === null || entry.promoteFrom === undefined) {
                                return;
                            }
                            const source = byStack.get(entry.promoteFrom);
                            const self = entry.stack ?? entry.name;
                            const others = [...byStack.keys()].filter((s) => s !== self);
                            if (entry.promoteFrom === self || !source || source.kind === "network") {
                                ctx.addIssue({
                                    code: "custom",
                                    path: [i, "promoteFrom"],
                                    input: entry.promoteFrom,
                                    ...said(
                                        `the stack of another listed environment that runs artifacts (${others.filter((s) => byStack.get(s)?.kind !== "network").join(", ") || "none"})`,
                                        `"staging"`,
                                    ),
                                });
                            }
                        });
                    },
                    // Each stack once is checked even when an entry has other problems.
                    { when: () => true },
                ),
        default: [],
        required: () =>
            "a list of the environments to create a deploy role for, each with its subnets and security groups",
        example: () => ENVIRONMENTS_EXAMPLE,
        text: "The environments to create a deploy role for, each with its main stack, kind, subnets and security groups, and the stack it promotes from (promoteFrom) (bootstrap/README.md).",
        defaultText: "required",
    }),
} as const;

/** Validates raw config; throws ConfigValidationError listing every problem. */
export function validateBootstrapConfig(raw: RawBootstrapConfig): BootstrapConfig {
    const p = new Problems();
    const values = Object.fromEntries(
        Object.entries(raw.values).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    const v = parseDeclared(BOOTSTRAP_KEYS, { project: raw.project ?? BOOTSTRAP_PROJECT, values }, p, {}).values;
    p.throwIfAny(raw.stack);
    return {
        stack: raw.stack,
        githubRepository: v.githubRepository as string,
        oidcProviderArn: v.oidcProviderArn,
        mainProject: v.mainProject,
        environments: (v.environments ?? []).map((e, _i, all) => {
            const source = all.find((o) => (o.stack ?? o.name) === e.promoteFrom);
            return {
                name: e.name,
                stack: e.stack ?? e.name,
                kind: e.kind,
                compute: e.compute ?? "microvm",
                subnetIds: e.subnetIds ?? [],
                securityGroupIds: e.securityGroupIds ?? [],
                ...(source ? { promoteFrom: { stack: source.stack ?? source.name, environment: source.name } } : {}),
            };
        }),
    };
}

/** Reads the stack's config through the Pulumi runtime: every key of the project's namespace. */
export function loadBootstrapConfig(): BootstrapConfig {
    const project = pulumi.getProject();
    const values: Record<string, string> = {};
    for (const [fullKey, value] of Object.entries(pulumi.runtime.allConfig())) {
        if (fullKey.startsWith(`${project}:`)) {
            values[fullKey.slice(project.length + 1)] = value;
        }
    }
    return validateBootstrapConfig({ stack: pulumi.getStack(), project, values });
}
