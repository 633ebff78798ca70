import {
    DEFAULT_IDLE_TIMEOUT_SECONDS,
    DEFAULT_MAX_LIFETIME_SECONDS,
    ENDPOINT_DESCRIPTION_MAX_LENGTH,
    ENV_VAR_MAX_COUNT,
    ENV_VAR_NAME_PATTERN,
    ENV_VAR_VALUE_MAX_LENGTH,
    LIFECYCLE_MAX_SECONDS,
    LIFECYCLE_MIN_SECONDS,
    MAX_CONFIGURED_ENDPOINTS,
    PROTOCOLS,
    CUSTOM_HEADER_PREFIX,
    REQUEST_HEADERS_MAX,
    REQUEST_HEADER_NAME_PATTERN,
    RESTRICTED_REQUEST_HEADERS,
    RUNTIME_NAME_MAX_LENGTH,
    RUNTIME_DESCRIPTION_MAX_LENGTH,
    RUNTIME_NAME_PATTERN,
} from "../aws/agentcore";
import { readRuntimeAccess } from "../inbound/config";
import { ArtifactContext, readArtifact } from "../artifact/config";
import { z } from "zod";
import { entriesGiven, fieldsOf, ifPassed, refuse, said, says, stringList } from "../config/declare";
import { parseValue } from "../config/parse";
import { Problems } from "../config/problems";
import { isRecord } from "../config/fields";
import { RuntimeConfig } from "../config/types";
import { readAuthorizer } from "./authorizer";
import { readFilesystems } from "./filesystems";
import { readRuntimeSecrets } from "../secrets/config";

/** The design caps a stack at two runtimes. */
export const MAX_RUNTIMES_PER_STACK = 2;

const VERSION = /^[1-9][0-9]{0,9}$/;

/** The AWS runtime name: `<name>_<stack>` with characters AWS rejects replaced by `_`. */
export function awsRuntimeName(name: string, stack: string): string {
    return `${name}_${stack.replace(/[^a-zA-Z0-9_]/g, "_")}`;
}

/** What reading the runtimes needs from the rest of the config. */
export type RuntimesContext = { stack: string } & ArtifactContext;

const RUNTIMES_EXAMPLE = `[{ name: "support_agent", code: { path: "agents/support-agent/dist", runtime: "NODE_22", entryPoint: ["main.js"] } }]`;
const ENDPOINT_EXAMPLE = `{ name: "live", version: "3" }`;

const seconds = (fallback: number) => {
    const bounds = says(
        `a whole number of seconds from ${LIFECYCLE_MIN_SECONDS} to ${LIFECYCLE_MAX_SECONDS}`,
        `${fallback}`,
    );
    return z
        .number(bounds)
        .int(bounds)
        .min(LIFECYCLE_MIN_SECONDS, bounds)
        .max(LIFECYCLE_MAX_SECONDS, bounds)
        .default(fallback);
};

const text = (max: number, example: string) => {
    const length = says(`text of 1 to ${max} characters`, example);
    return z.string(length).min(1, length).max(max, length);
};

/** `environment`: names AgentCore accepts, at most its count, values as text. */
const environmentSchema = z
    .record(
        z
            .string()
            .regex(
                ENV_VAR_NAME_PATTERN,
                says("a name of letters, digits and _ (1-128), not starting with a digit", "LOG_LEVEL"),
            ),
        z
            .union([z.string(), z.number(), z.boolean()], says("a text value", `"info"`))
            .transform((value) => String(value))
            .superRefine((value, ctx) => {
                if (value.length > ENV_VAR_VALUE_MAX_LENGTH) {
                    ctx.addIssue({
                        code: "custom",
                        // The length, not the value: the value may be long, and the length is the problem.
                        input: `${value.slice(0, 20)}… (${value.length} characters)`,
                        ...said(`at most ${ENV_VAR_VALUE_MAX_LENGTH} characters`, `"info"`),
                    });
                }
            }),
        says("a map of variable names to values", `{ LOG_LEVEL: "info" }`),
    )
    .superRefine(
        (variables, ctx) => {
            const count = entriesGiven(variables, ctx);
            if (count > ENV_VAR_MAX_COUNT) {
                refuse(ctx, `${count} variables`, `at most ${ENV_VAR_MAX_COUNT} variables`, `{ LOG_LEVEL: "info" }`);
            }
        },
        // The count is reported beside the variables' own problems.
        { when: (payload) => isRecord(payload.value) },
    );

const endpointSchema = fieldsOf(
    {
        name: z
            .string(says("letters, digits and _ only, starting with a letter, at most 48 characters", `"live"`))
            .regex(
                RUNTIME_NAME_PATTERN,
                says("letters, digits and _ only, starting with a letter, at most 48 characters", `"live"`),
            )
            .refine(
                (name) => name.toUpperCase() !== "DEFAULT",
                says("any name but DEFAULT, which the service keeps on the latest version", `"live"`),
            ),
        version: z
            .union([z.string(), z.number()], versionRule())
            .transform((v) => String(v))
            .refine((v) => VERSION.test(v), versionRule()),
        description: text(ENDPOINT_DESCRIPTION_MAX_LENGTH, `"Production traffic"`).optional(),
    },
    "a map with name and version",
    ENDPOINT_EXAMPLE,
);

function versionRule() {
    return says(
        "the runtime version the endpoint pins, a whole number from 1 (the first deployment is version 1)",
        `"1"`,
    );
}

const endpointsSchema = z
    .unknown()
    .superRefine((list, ctx) => {
        if (!Array.isArray(list) || list.length > MAX_CONFIGURED_ENDPOINTS) {
            refuse(
                ctx,
                Array.isArray(list) ? `${list.length} endpoints` : list,
                `a list of at most ${MAX_CONFIGURED_ENDPOINTS} endpoints (each alarm reads 2 metrics per endpoint, DEFAULT included, and CloudWatch allows 10 per alarm)`,
                `[${ENDPOINT_EXAMPLE}]`,
            );
        }
    })
    .pipe(
        z.array(endpointSchema).superRefine(
            (endpoints, ctx) => {
                const seen = new Set<unknown>();
                endpoints.forEach((endpoint, i) => {
                    const name = (endpoint as { name?: unknown } | undefined)?.name;
                    if (typeof name === "string" && seen.has(name)) {
                        refuse(ctx, name, "a name not used by another endpoint of this runtime", `"${name}_2"`, [
                            i,
                            "name",
                        ]);
                    }
                    seen.add(name);
                });
            },
            { when: () => true },
        ),
    );

/**
 * `requestHeaders`: the allowlist rules AgentCore applies to request header names, the list as a
 * whole first, then each name by the first rule it breaks. `hasAuthorizer`: a custom JWT
 * authorizer receives the Authorization header.
 */
function requestHeadersSchema(hasAuthorizer: boolean) {
    const example = `"X-Tenant-Id"`;
    const restricted = new Set(RESTRICTED_REQUEST_HEADERS.map((h) => h.toLowerCase()));
    const first = (allowed: string, ex = example) => ({ ...says(allowed, ex), ...ifPassed });
    const lower = (header: string) => header.toLowerCase();
    const name = z
        .string()
        .regex(REQUEST_HEADER_NAME_PATTERN, first("a header name of letters, digits, - and _, starting with a letter"))
        .refine(
            (h) => !lower(h).startsWith("x-amz-"),
            first("a header not starting with x-amz- (reserved for SigV4 signing)"),
        )
        .refine(
            (h) => !lower(h).startsWith("x-amzn-") || lower(h).startsWith(lower(CUSTOM_HEADER_PREFIX)),
            first(
                `a header not starting with x-amzn-, except ${CUSTOM_HEADER_PREFIX}*`,
                `"${CUSTOM_HEADER_PREFIX}Tenant"`,
            ),
        )
        .refine(
            (h) => !restricted.has(lower(h)),
            first(
                "a header AgentCore passes on; it refuses its restricted headers (content negotiation, caching, connection, request context, range and transfer headers)",
            ),
        )
        .refine(
            (h) => hasAuthorizer || lower(h) !== "authorization",
            first("Authorization only on a runtime with an authorizer (a custom JWT authorizer receives the token)"),
        );
    return stringList(`["X-Tenant-Id"]`)
        .refine(
            (headers) => headers.length >= 1 && headers.length <= REQUEST_HEADERS_MAX,
            says(`1 to ${REQUEST_HEADERS_MAX} header names (omit the key for none)`, `["X-Tenant-Id"]`),
        )
        .pipe(
            z.array(name).superRefine(
                (headers, c) => {
                    // A name with a problem of its own is not also reported as a repeat.
                    const refused = new Set(c.issues.map((issue) => issue.path?.[0]));
                    headers.forEach((h, i) => {
                        if (!refused.has(i) && headers.findIndex((other) => lower(other) === lower(h)) !== i) {
                            refuse(
                                c,
                                h,
                                "a header not already listed (names are compared without regard to case)",
                                example,
                                [i],
                            );
                        }
                    });
                },
                // Repeats are reported beside the other names' problems.
                { when: (payload) => Array.isArray(payload.value) },
            ),
        );
}

/**
 * One runtime entry's own fields; the artifact, authorizer, file systems, secrets and access
 * fields are read by their features' readers (src/artifact, ./authorizer.ts, ./filesystems.ts,
 * src/secrets, src/inbound).
 */
function runtimeEntrySchema(stack: string, hasAuthorizer: boolean) {
    const suffix = awsRuntimeName("", stack); // "_<stack>"
    const maxNameLength = RUNTIME_NAME_MAX_LENGTH - suffix.length;
    const pattern = says("letters, digits and _ only, starting with a letter", `"support_agent"`);
    return fieldsOf(
        {
            name: z
                .string(pattern)
                .regex(RUNTIME_NAME_PATTERN, pattern)
                .superRefine((name, ctx) => {
                    if (name.length > maxNameLength) {
                        refuse(
                            ctx,
                            name,
                            `at most ${maxNameLength} characters, so that the AWS name "<name>${suffix}" stays within ${RUNTIME_NAME_MAX_LENGTH}`,
                            `"${name.slice(0, Math.max(1, maxNameLength))}"`,
                        );
                    }
                }),
            containerUri: z.unknown().optional(),
            image: z.unknown().optional(),
            code: z.unknown().optional(),
            description: text(RUNTIME_DESCRIPTION_MAX_LENGTH, `"Answers customer support questions"`).optional(),
            protocol: z.enum(PROTOCOLS, says(`one of ${PROTOCOLS.join(", ")}`, `"HTTP"`)).default("HTTP"),
            environment: environmentSchema.default({}),
            idleTimeoutSeconds: seconds(DEFAULT_IDLE_TIMEOUT_SECONDS),
            maxLifetimeSeconds: seconds(DEFAULT_MAX_LIFETIME_SECONDS),
            authorizer: z.unknown().optional(),
            requestHeaders: requestHeadersSchema(hasAuthorizer).default([]),
            endpoints: endpointsSchema.optional(),
            filesystems: z.unknown().optional(),
            secrets: z.unknown().optional(),
            access: z.unknown().optional(),
            allowedPrincipals: z.unknown().optional(),
        },
        "a map with at least name and one of containerUri, image or code",
        RUNTIMES_EXAMPLE.slice(1, -1),
    );
}

/** Reads `runtimes` (already JSON-parsed) and checks every field of every entry. */
export function readRuntimes(p: Problems, raw: unknown, ctx: RuntimesContext): RuntimeConfig[] {
    if (raw === undefined) {
        p.missing("runtimes", `a list of 1 to ${MAX_RUNTIMES_PER_STACK} runtimes`, RUNTIMES_EXAMPLE);
        return [];
    }
    if (!Array.isArray(raw) || raw.length < 1 || raw.length > MAX_RUNTIMES_PER_STACK) {
        p.invalid(
            "runtimes",
            // The count, not the whole list: the list may be long, and the count is the problem.
            Array.isArray(raw) ? `${raw.length} runtimes` : raw,
            `a list of 1 to ${MAX_RUNTIMES_PER_STACK} runtimes (the design caps a stack at ${MAX_RUNTIMES_PER_STACK})`,
            RUNTIMES_EXAMPLE,
        );
        if (!Array.isArray(raw)) {
            return [];
        }
    }
    const runtimes: RuntimeConfig[] = [];
    const names = new Set<string>();
    raw.forEach((entry: unknown, i: number) => {
        const key = `runtimes[${i}]`;
        if (!isRecord(entry)) {
            p.invalid(
                key,
                entry,
                "a map with at least name and one of containerUri, image or code",
                RUNTIMES_EXAMPLE.slice(1, -1),
            );
            return;
        }
        // A private endpoint is the authorizer's path to its discovery URL: it has no meaning without one.
        if (entry.privateEndpoint !== undefined) {
            p.invalid(
                `${key}.privateEndpoint`,
                entry.privateEndpoint,
                "authorizer.privateEndpoint: a private endpoint is how AgentCore reaches the JWT authorizer's discovery URL, so it needs an authorizer",
                `${key}.authorizer: { discoveryUrl: "https://idp.internal.example.com/realms/agents/.well-known/openid-configuration", allowedAudience: ["support-agent"], privateEndpoint: { managed: {} } }`,
            );
        }
        const runtime = readRuntime(
            p,
            key,
            Object.fromEntries(Object.entries(entry).filter(([f]) => f !== "privateEndpoint")),
            ctx,
        );
        if (runtime) {
            // Case-insensitively: ECR repository names are lowercase (src/artifact/settings.ts),
            // so `Agent` and `agent` would share one.
            if (names.has(runtime.name.toLowerCase())) {
                p.invalid(
                    `${key}.name`,
                    runtime.name,
                    "a name not used by another runtime in this stack, letter case aside",
                    `"${runtime.name}_2"`,
                );
            }
            names.add(runtime.name.toLowerCase());
            runtimes.push(runtime);
        }
    });
    return runtimes;
}

function readRuntime(
    p: Problems,
    key: string,
    e: Record<string, unknown>,
    ctx: RuntimesContext,
): RuntimeConfig | undefined {
    const parsed = parseValue(
        p,
        key,
        runtimeEntrySchema(ctx.stack, e.authorizer !== undefined),
        e,
        RUNTIMES_EXAMPLE.slice(1, -1),
    );
    const own = parsed.ok ? parsed.value : undefined;

    const artifact = readArtifact(p, key, e, ctx);

    const environment = own?.environment ?? (isRecord(e.environment) ? stringValues(e.environment) : {});
    const idle = own?.idleTimeoutSeconds;
    const max = own?.maxLifetimeSeconds;
    if (idle !== undefined && max !== undefined && max < idle) {
        p.invalid(
            `${key}.maxLifetimeSeconds`,
            max,
            `at least idleTimeoutSeconds (${idle})`,
            `${Math.max(idle, DEFAULT_MAX_LIFETIME_SECONDS)}`,
        );
    }

    const authorizer = e.authorizer === undefined ? undefined : readAuthorizer(p, `${key}.authorizer`, e.authorizer);
    const filesystems = readFilesystems(p, `${key}.filesystems`, e.filesystems, { region: ctx.region });
    const secrets = readRuntimeSecrets(p, `${key}.secrets`, e.secrets, {
        region: ctx.region,
        environmentNames: Object.keys(environment),
    });
    // Each secret is one more environment variable (its ARN): the runtime's limit covers both.
    const variables = Object.keys(environment).length + Object.keys(secrets).length;
    if (Object.keys(secrets).length > 0 && variables > ENV_VAR_MAX_COUNT) {
        p.invalid(
            `${key}.secrets`,
            `${variables} variables with environment`,
            `at most ${ENV_VAR_MAX_COUNT} environment variables and secrets together (each secret is a variable holding its ARN)`,
            `{ CRM_API_KEY_SECRET_ARN: { stored: crm_api_key } }`,
        );
    }
    const access = readRuntimeAccess(p, key, e, {
        environment: ctx.environment,
        hasAuthorizer: e.authorizer !== undefined,
    });

    if (!own || !artifact) {
        return undefined;
    }
    return {
        name: own.name,
        runtimeName: awsRuntimeName(own.name, ctx.stack),
        artifact,
        description: own.description,
        protocol: own.protocol,
        environment,
        idleTimeoutSeconds: own.idleTimeoutSeconds,
        maxLifetimeSeconds: own.maxLifetimeSeconds,
        authorizer,
        requestHeaders: own.requestHeaders,
        endpoints: (own.endpoints ?? []).map((endpoint) => ({
            name: endpoint.name,
            version: endpoint.version,
            description: endpoint.description,
        })),
        ...access,
        filesystems,
        secrets,
    };
}

/** The environment's values as text, for the readers that need its names when the entry has other problems. */
function stringValues(map: Record<string, unknown>): Record<string, string> {
    return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, String(v)]));
}
