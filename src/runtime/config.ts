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
import { accessFields, accessRule, DEFAULT_ACCESS_MODE } from "../inbound/config";
import { ArtifactContext, artifactFields, artifactRule } from "../artifact/config";
import { z } from "zod";
import {
    builtOnce,
    chosenBy,
    entriesGiven,
    fieldsOf,
    ifPassed,
    refuse,
    said,
    saidMissing,
    says,
    stringList,
    whenFieldsPassed,
} from "../config/declare";
import { parseValue, passingEntries, passingItems } from "../config/parse";
import { Problems } from "../config/problems";
import { isRecord } from "../config/fields";
import { RuntimeConfig } from "../config/types";
import { authorizerSchema, idpPathsInside } from "./authorizer";
import { filesystemSchema, filesystemsSchema } from "./filesystems";
import { runtimeSecretsSchema, storedValuesGiven } from "../secrets/config";

/** The design caps a stack at two runtimes. */
export const MAX_RUNTIMES_PER_STACK = 2;

const VERSION = /^[1-9][0-9]{0,9}$/;

/** The AWS runtime name: `<name>_<stack>` with characters AWS rejects replaced by `_`. */
export function awsRuntimeName(name: string, stack: string): string {
    return `${name}_${stack.replace(/[^a-zA-Z0-9_]/g, "_")}`;
}

/** What reading the runtimes needs from the rest of the config. */
export type RuntimesContext = {
    readonly stack: string;
    /** The models the execution role may invoke; undefined when modelArns is refused (no knock-on problem). */
    readonly modelArns?: readonly string[];
    /** The CIDR of the VPC the stack creates; undefined when it adopts one or is an agent stack. */
    readonly vpcCidr?: string;
    /** The names under secretValues (those that pass), which a stored secret source names. */
    readonly secretValueNames: readonly string[];
} & ArtifactContext;

const RUNTIMES_EXAMPLE = `[{ name: "support_agent", code: { path: "agents/support-agent/dist", runtime: "NODE_22", entryPoint: ["main.js"] } }]`;
const ENDPOINT_EXAMPLE = `{ name: "live", version: "3" }`;

const seconds = builtOnce((fallback: number) => {
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
});

const text = builtOnce((max: number, example: string) => {
    const length = says(`text of 1 to ${max} characters`, example);
    return z.string(length).min(1, length).max(max, length);
});

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
const requestHeadersSchema = builtOnce((hasAuthorizer: boolean) => {
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
});

const ENTRY_ALLOWED = "a map with at least name and one of containerUri, image or code";

/**
 * `runtimes[i]` (`entry` as written, which decides the artifact's schema and what the other
 * fields' rules know of their neighbours: an authorizer, the environment's names). Strict: every
 * field by its feature's schema (src/artifact, ./authorizer.ts, ./filesystems.ts, src/secrets,
 * src/inbound) and the rules between fields. Not strict: the entry the checks across entries and
 * keys read, usable once its own fields and artifact pass, a refused feature field taking what
 * passes of it (its entries, its items) or its default, so that one problem makes no others.
 */
function runtimeSchema(ctx: RuntimesContext, entry: Readonly<Record<string, unknown>>, i: number, strict: boolean) {
    const key = `runtimes[${i}]`;
    const suffix = awsRuntimeName("", ctx.stack); // "_<stack>"
    const maxNameLength = RUNTIME_NAME_MAX_LENGTH - suffix.length;
    const pattern = says("letters, digits and _ only, starting with a letter", `"support_agent"`);
    const hasAuthorizer = entry.authorizer !== undefined;
    const environmentNames = isRecord(entry.environment) ? Object.keys(entry.environment) : [];
    const secrets = runtimeSecretsSchema({ region: ctx.region, environmentNames });
    const filesystems = { region: ctx.region };
    const access = accessFields({ environment: ctx.environment, hasAuthorizer });
    // Strict: the schema; not strict: the schema, a refused value taking the fallback instead.
    const withFallback = <T>(schema: z.ZodType<T>, fallback: (input: unknown) => T) =>
        strict ? schema : schema.catch((refused) => fallback(refused.input));
    const shape = {
        name: z
            .string(pattern)
            .regex(RUNTIME_NAME_PATTERN, pattern)
            .superRefine((name, c) => {
                if (name.length > maxNameLength) {
                    refuse(
                        c,
                        name,
                        `at most ${maxNameLength} characters, so that the AWS name "<name>${suffix}" stays within ${RUNTIME_NAME_MAX_LENGTH}`,
                        `"${name.slice(0, Math.max(1, maxNameLength))}"`,
                    );
                }
            }),
        ...artifactFields(ctx, entry),
        description: text(RUNTIME_DESCRIPTION_MAX_LENGTH, `"Answers customer support questions"`).optional(),
        protocol: z.enum(PROTOCOLS, says(`one of ${PROTOCOLS.join(", ")}`, `"HTTP"`)).default("HTTP"),
        environment: environmentSchema.default({}),
        idleTimeoutSeconds: seconds(DEFAULT_IDLE_TIMEOUT_SECONDS),
        maxLifetimeSeconds: seconds(DEFAULT_MAX_LIFETIME_SECONDS),
        authorizer: withFallback(authorizerSchema.optional(), () => undefined),
        requestHeaders: requestHeadersSchema(hasAuthorizer).default([]),
        endpoints: endpointsSchema.default([]),
        filesystems: withFallback(filesystemsSchema(`${key}.filesystems`, filesystems).default([]), (input) =>
            passingItems(filesystemSchema(filesystems), input),
        ),
        secrets: withFallback(secrets.default({}), (input) => passingEntries(secrets, input)),
        access: withFallback(access.access, () => DEFAULT_ACCESS_MODE),
        allowedPrincipals: withFallback(access.allowedPrincipals, () => undefined),
    };
    const fields = fieldsOf(
        {
            ...shape,
            // A private endpoint is the authorizer's path to its discovery URL: it has no meaning
            // without one. Refused where it was put, and not offered as a field of the entry.
            privateEndpoint: withFallback(
                z
                    .never(
                        says(
                            "authorizer.privateEndpoint: a private endpoint is how AgentCore reaches the JWT authorizer's discovery URL, so it needs an authorizer",
                            `${key}.authorizer: { discoveryUrl: "https://idp.internal.example.com/realms/agents/.well-known/openid-configuration", allowedAudience: ["support-agent"], privateEndpoint: { managed: {} } }`,
                        ),
                    )
                    .optional(),
                () => undefined,
            ),
        },
        ENTRY_ALLOWED,
        RUNTIMES_EXAMPLE.slice(1, -1),
        Object.keys(shape),
    ).superRefine(artifactRule(entry), { when: (payload) => isRecord(payload.value) });
    const checked = strict
        ? fields
              .superRefine(
                  (e, c) => {
                      if (e.maxLifetimeSeconds < e.idleTimeoutSeconds) {
                          refuse(
                              c,
                              e.maxLifetimeSeconds,
                              `at least idleTimeoutSeconds (${e.idleTimeoutSeconds})`,
                              `${Math.max(e.idleTimeoutSeconds, DEFAULT_MAX_LIFETIME_SECONDS)}`,
                              ["maxLifetimeSeconds"],
                          );
                      }
                  },
                  whenFieldsPassed("idleTimeoutSeconds", "maxLifetimeSeconds"),
              )
              .superRefine(
                  (_, c) => {
                      const sources = passingEntries(secrets, entry.secrets);
                      // Each secret is one more environment variable (its ARN): the runtime's limit covers both.
                      const secretCount = Object.keys(sources).length;
                      const variables = environmentNames.length + secretCount;
                      if (secretCount > 0 && variables > ENV_VAR_MAX_COUNT) {
                          refuse(
                              c,
                              `${variables} variables with environment`,
                              `at most ${ENV_VAR_MAX_COUNT} environment variables and secrets together (each secret is a variable holding its ARN)`,
                              `{ CRM_API_KEY_SECRET_ARN: { stored: crm_api_key } }`,
                              ["secrets"],
                          );
                      }
                      storedValuesGiven(sources, ctx.secretValueNames, c);
                  },
                  { when: (payload) => isRecord(payload.value) },
              )
              .superRefine(accessRule, whenFieldsPassed("access"))
              .superRefine(idpPathsInside(ctx.vpcCidr), whenFieldsPassed("authorizer"))
        : fields;
    return checked.transform((e): RuntimeConfig => ({
        name: e.name,
        runtimeName: awsRuntimeName(e.name, ctx.stack),
        // artifactRule holds: exactly one is set.
        artifact: (e.containerUri ?? e.image ?? e.code)!,
        description: e.description,
        protocol: e.protocol,
        environment: e.environment,
        idleTimeoutSeconds: e.idleTimeoutSeconds,
        maxLifetimeSeconds: e.maxLifetimeSeconds,
        authorizer: e.authorizer,
        requestHeaders: e.requestHeaders,
        endpoints: e.endpoints.map((endpoint) => ({
            name: endpoint.name,
            version: endpoint.version,
            description: endpoint.description,
        })),
        access: e.access,
        allowedPrincipals: e.allowedPrincipals ?? [],
        filesystems: e.filesystems,
        secrets: e.secrets,
    }));
}

/**
 * `runtimes` (already JSON-parsed): 1 to MAX_RUNTIMES_PER_STACK entries, each by
 * `runtimeSchema`, and the rules across entries.
 */
function runtimesSchema(ctx: RuntimesContext) {
    const allowed = `a list of 1 to ${MAX_RUNTIMES_PER_STACK} runtimes`;
    const list = says(`${allowed} (the design caps a stack at ${MAX_RUNTIMES_PER_STACK})`, RUNTIMES_EXAMPLE);
    return chosenBy<RuntimeConfig[]>((raw) => {
        if (raw === undefined) {
            return z.never(saidMissing(allowed, RUNTIMES_EXAMPLE));
        }
        if (!Array.isArray(raw)) {
            return z.array(z.never(), list);
        }
        const entries = raw.map((_: unknown, i) => chosenBy((e) => runtimeSchema(ctx, isRecord(e) ? e : {}, i, true)));
        return z.tuple(entries as unknown as [z.ZodType<RuntimeConfig>]).superRefine(
            (parsed, c) => {
                // Every entry passed: the usable entries are the parsed ones (where the strict
                // schema passes, the lenient one gives the same value), not parsed once more.
                const usable =
                    c.issues.length === 0
                        ? (parsed as RuntimeConfig[]).map((runtime, i) => ({ runtime, i }))
                        : usableRuntimes(ctx, raw);
                if (raw.length < 1 || raw.length > MAX_RUNTIMES_PER_STACK) {
                    // The count, not the whole list: the list may be long, and the count is the problem.
                    c.addIssue({ code: "custom", input: `${raw.length} runtimes`, message: list.error });
                }
                distinctNames(usable, c);
                oneAccount(usable, c);
                if (ctx.modelArns !== undefined) {
                    modelsAllowed(usable, ctx.modelArns, ctx.region, c);
                }
            },
            // The rules across entries are reported beside the entries' own problems.
            { when: () => true },
        ) as unknown as z.ZodType<RuntimeConfig[]>;
    });
}

/** An entry that stands on its own fields and artifact, with its index in the list. */
type Usable = { readonly runtime: RuntimeConfig; readonly i: number };

/**
 * Names distinct among the usable entries, case-insensitively: ECR repository names are
 * lowercase (src/artifact/settings.ts), so `Agent` and `agent` would share one.
 */
function distinctNames(usable: readonly Usable[], c: z.core.$RefinementCtx): void {
    const names = new Set<string>();
    for (const { runtime, i } of usable) {
        if (names.has(runtime.name.toLowerCase())) {
            refuse(
                c,
                runtime.name,
                "a name not used by another runtime in this stack, letter case aside",
                `"${runtime.name}_2"`,
                [i, "name"],
            );
        }
        names.add(runtime.name.toLowerCase());
    }
}

/**
 * One account for every ARN the runtimes name: the stack deploys into one account, and its role
 * mounts and reads only that account's file systems and secrets (the policy pack compares them
 * with the role's account, which config cannot know). The first ARN names the account.
 */
function oneAccount(usable: readonly Usable[], c: z.core.$RefinementCtx): void {
    let account: { id: string; key: string } | undefined;
    const sameAccount = (path: PropertyKey[], arn: string) => {
        const id = arn.split(":")[4];
        const key = `runtimes${path.map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`)).join("")}`;
        if (!account) {
            account = { id, key };
        } else if (id !== account.id) {
            refuse(
                c,
                arn,
                `an ARN in the account ${account.id} that ${account.key} names: the stack's role reaches its own account's file systems and secrets only`,
                `"${arn.split(":").slice(0, 4).join(":")}:${account.id}:${arn.split(":").slice(5).join(":")}"`,
                path,
            );
        }
    };
    for (const { runtime, i } of usable) {
        runtime.filesystems.forEach((fs, j) => {
            if (fs.kind === "efs" || fs.kind === "s3Files") {
                sameAccount([i, "filesystems", j, "accessPointArn"], fs.accessPointArn);
            }
        });
        for (const [variable, source] of Object.entries(runtime.secrets)) {
            if (source.kind === "existing") {
                sameAccount([i, "secrets", variable, "arn"], source.arn);
            }
        }
    }
}

/**
 * The agent's MODEL_ID is a model the role may invoke: a modelArns entry whose resource ends in
 * /<MODEL_ID> (a foundation model or an inference profile), or the ARN itself. Otherwise every
 * session fails with AccessDenied at its first model call.
 */
function modelsAllowed(
    usable: readonly Usable[],
    modelArns: readonly string[],
    region: string | undefined,
    c: z.core.$RefinementCtx,
): void {
    for (const { runtime, i } of usable) {
        const modelId = runtime.environment.MODEL_ID;
        if (modelId === undefined || modelArns.some((arn) => arn === modelId || arn.endsWith(`/${modelId}`))) {
            continue;
        }
        refuse(
            c,
            modelId,
            modelArns.length === 0
                ? "a model the execution role may invoke, but modelArns is empty: add the model's ARN to modelArns"
                : `a model that modelArns allows (it lists ${modelArns.length}: ${modelArns.map((a) => a.slice(a.indexOf("/") + 1)).join(", ")})`,
            `modelArns: ["arn:aws:bedrock:${region ?? "us-east-1"}:123456789012:inference-profile/${modelId}"]`,
            [i, "environment", "MODEL_ID"],
        );
    }
}

/** The entries of a refused list that the checks across entries and keys read, with their index. */
function usableRuntimes(ctx: RuntimesContext, raw: readonly unknown[]): Usable[] {
    return raw.flatMap((entry, i) => {
        const usable = isRecord(entry) ? runtimeSchema(ctx, entry, i, false).safeParse(entry) : undefined;
        return usable?.success ? [{ runtime: usable.data, i }] : [];
    });
}

/**
 * Reads `runtimes` (already JSON-parsed), every problem recorded; when any, the usable entries
 * (`runtimeSchema` not strict), so that the checks across keys still report theirs. `positions`:
 * each returned runtime's index in the stack file's list.
 */
export function readRuntimes(
    p: Problems,
    raw: unknown,
    ctx: RuntimesContext,
): { runtimes: RuntimeConfig[]; positions: number[] } {
    const parsed = parseValue(p, "runtimes", runtimesSchema(ctx), raw, RUNTIMES_EXAMPLE);
    if (parsed.ok) {
        return { runtimes: parsed.value, positions: parsed.value.map((_, i) => i) };
    }
    const usable = Array.isArray(raw) ? usableRuntimes(ctx, raw) : [];
    return { runtimes: usable.map(({ runtime }) => runtime), positions: usable.map(({ i }) => i) };
}
