/**
 * Every config key of the program, declared once: its Pulumi.yaml type, its zod schema (shape,
 * bounds and per-value rules, each failure naming what is allowed and an example), its
 * default, and one prose text. `npm run config:sync` writes Pulumi.yaml's `config:` section and
 * the README's configuration table from this object; tests/config/configKeys.spec.ts fails when
 * either differs. ./parse.ts applies the schemas (all problems at once, did-you-mean for
 * unknown keys); rules between keys (a network mode, production rules, runtime agreement) stay
 * in the feature readers: src/network/config.ts, src/compute/config.ts, src/topology/config.ts,
 * src/observability/config.ts and ./validate.ts.
 *
 * Adding a key: one entry here, its use in the feature's reader, `npm run config:sync`, a test.
 */
import { z } from "zod";
import {
    CPU_BUDGET_CHOICES,
    ENVIRONMENTS,
    Environment,
    LOG_RETENTION_DAYS,
    MAX_INSTANCE_VOLUMES,
    MEMORY_BUDGET_MIN_MIB,
    MOUNT_PATH_MAX_LENGTH,
    MOUNT_PATH_MIN_LENGTH,
    MOUNT_PATH_PATTERN,
    VOLUME_MAX_GIB,
    VOLUME_MIN_GIB,
    VOLUME_NAME_PATTERN,
    MEMORY_BUDGET_STEP_MIB,
    RUNTIME_PROVIDERS,
    SESSION_MAX_MEMORY_MIB,
} from "../aws/agentcore";
import { TAG_LIMITS } from "../aws/limits";
import { INSTANCE_ARCHITECTURES } from "../compute/catalogue";
import { entriesGiven, fieldsOf, key, KeyContext, refuse, requiredKey, says, unsetKey, ValuesOf } from "./declare";
import { isRecord } from "./fields";

export { says, type KeyContext, type KeyDeclaration } from "./declare";

/** Per-environment sizing: the stack files' values and the examples in error messages. */
export const RECOMMENDED_SIZING: Readonly<Record<Environment, { cpu: number; memory: number }>> = {
    development: { cpu: 512, memory: 1024 },
    staging: { cpu: 1024, memory: 2048 },
    production: { cpu: 2048, memory: 4096 },
};

/** The kinds of stack one program makes (docs/topology.md). */
export const STACK_KINDS = ["all-in-one", "network", "agent"] as const;
export type StackKind = (typeof STACK_KINDS)[number];

/** microVMs (AgentCore's default) or Instances (a capacity provider of EC2 managed instances). */
export const COMPUTE_TYPES = ["microvm", "instances"] as const;
export type ComputeType = (typeof COMPUTE_TYPES)[number];

/** The capacity provider's lifecycle bounds (InstanceLifecycleConfiguration): 60 s to 14 days. */
export const INSTANCE_LIFECYCLE_MIN_SECONDS = 60;
export const INSTANCE_LIFECYCLE_MAX_SECONDS = 1_209_600;

/** A Bedrock model or inference-profile ARN, without wildcards; group 2 the account, 3 the kind. */
export const MODEL_ARN =
    /^arn:aws(-[a-z]+)*:bedrock:[a-z0-9-]+:(\d{12})?:(foundation-model|inference-profile|application-inference-profile|provisioned-model|custom-model)\/[A-Za-z0-9._:/-]+$/;
/** An AWS Organizations ID, as `aws:PrincipalOrgID` compares it. */
export const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;
/** A fully qualified Pulumi stack name, `<organization>/<project>/<stack>`, as StackReference takes it. */
export const QUALIFIED_STACK_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const VPC_ID = /^vpc-[0-9a-f]{8,17}$/;
const SUBNET_ID = /^subnet-[0-9a-f]{8,17}$/;
const ROUTE_TABLE_ID = /^rtb-[0-9a-f]{8,17}$/;
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

const TAGS_EXAMPLE = `{ CostCenter: "ai-platform" }`;

/** `tags`: extra tags on every resource, within AWS's tag rules and not the program's own keys. */
const tagKey = says(
    "a tag key of 1-128 ASCII letters, digits, spaces and _.:/=+-@, not starting with aws:",
    "CostCenter",
);
const tagValue = says("a tag value of at most 256 ASCII letters, digits, spaces and _.:/=+-@", `"ai-platform"`);
const tagsSchema = z
    .record(
        z
            .string()
            .refine(
                (name) =>
                    name.length >= 1 &&
                    name.length <= TAG_LIMITS.keyLength &&
                    TAG_TEXT.test(name) &&
                    !name.toLowerCase().startsWith("aws:"),
                tagKey,
            )
            .refine(
                (name) => !(PROGRAM_TAG_KEYS as readonly string[]).includes(name),
                says(`a key the program does not set itself (${PROGRAM_TAG_KEYS.join(", ")})`, "CostCenter"),
            ),
        z.string(tagValue).refine((value) => value.length <= TAG_LIMITS.valueLength && TAG_TEXT.test(value), tagValue),
        says("a map of tag keys to values", TAGS_EXAMPLE),
    )
    .superRefine(
        (tags, ctx) => {
            const count = entriesGiven(tags, ctx);
            if (count > MAX_USER_TAGS) {
                refuse(
                    ctx,
                    `${count} tags`,
                    `at most ${MAX_USER_TAGS} tags (AWS allows 50 and the program adds its own)`,
                    TAGS_EXAMPLE,
                );
            }
        },
        // The count is reported beside the tags' own problems.
        { when: (payload) => isRecord(payload.value) },
    );

const oneOf = <T extends string>(choices: readonly [T, ...T[]], example: string) =>
    z.enum(choices, says(`one of ${choices.join(", ")}`, example));

const ids = (pattern: RegExp, what: string, example: string) =>
    z.array(z.string().regex(pattern, says(what, `"${example}"`)));

const lifecycleSeconds = (fallback: number) =>
    z
        .number()
        .min(INSTANCE_LIFECYCLE_MIN_SECONDS, lifecycleBounds(fallback))
        .max(INSTANCE_LIFECYCLE_MAX_SECONDS, lifecycleBounds(fallback));
const lifecycleBounds = (fallback: number) =>
    says(
        `a whole number of seconds from ${INSTANCE_LIFECYCLE_MIN_SECONDS} to ${INSTANCE_LIFECYCLE_MAX_SECONDS} (14 days)`,
        `${fallback}`,
    );

const fixed = (example: string) => () => example;

const VOLUME_EXAMPLE = `[{ name: workspace, sizeGiB: 20 }]`;
const mountPath = says(
    `/mnt/<one directory> of ${MOUNT_PATH_MIN_LENGTH} to ${MOUNT_PATH_MAX_LENGTH} characters (letters, digits, . _ -)`,
    `"/mnt/workspace"`,
);
const instanceVolume = fieldsOf({
    name: z
        .string(says("a volume name", `"workspace"`))
        .regex(VOLUME_NAME_PATTERN, says("a letter, then up to 47 letters, digits, _ or -", `"workspace"`)),
    sizeGiB: z
        .number(says(`whole GiB from ${VOLUME_MIN_GIB} to ${VOLUME_MAX_GIB}`, "20"))
        .int(says(`whole GiB from ${VOLUME_MIN_GIB} to ${VOLUME_MAX_GIB}`, "20"))
        .min(VOLUME_MIN_GIB, says(`whole GiB from ${VOLUME_MIN_GIB} to ${VOLUME_MAX_GIB}`, "20"))
        .max(VOLUME_MAX_GIB, says(`whole GiB from ${VOLUME_MIN_GIB} to ${VOLUME_MAX_GIB}`, "20")),
    mountPath: z
        .string(mountPath)
        .min(MOUNT_PATH_MIN_LENGTH, mountPath)
        .max(MOUNT_PATH_MAX_LENGTH, mountPath)
        .regex(MOUNT_PATH_PATTERN, mountPath)
        .optional(),
});
const sizingExample = (field: "cpu" | "memory") => (ctx: KeyContext) =>
    `${RECOMMENDED_SIZING[ctx.environment ?? "development"][field]}`;
const retentionExample = (ctx: KeyContext) => (ctx.environment === "production" ? "365" : "30");

export const KEYS = {
    environment: unsetKey({
        type: "string",
        schema: () => oneOf(ENVIRONMENTS, `"staging"`),
        example: fixed(`"staging"`),
        text: "`development`, `staging` or `production`; empty means the stack name, which must then be one of those",
        defaultText: "the stack name",
    }),
    cpu: requiredKey({
        type: "integer",
        schema: (ctx) =>
            z
                .number()
                .refine(
                    (v) => (CPU_BUDGET_CHOICES as readonly number[]).includes(v),
                    says(
                        `one of ${CPU_BUDGET_CHOICES.join(", ")} CPU units (an AgentCore session has at most 2 vCPU = 2048)`,
                        sizingExample("cpu")(ctx),
                    ),
                ),
        default: 1024,
        required: () =>
            `the per-session CPU budget in CPU units, one of ${CPU_BUDGET_CHOICES.join(", ")} (1024 = 1 vCPU)`,
        example: sizingExample("cpu"),
        text: "the environment's CPU size in CPU units (1024 = 1 vCPU): 256, 512, 1024 or 2048 (stack files: dev 512, staging 1024, prod 2048). On microVMs a per-session budget that tags and the per-session vCPU alarm use (a session is capped at 2 vCPU); on Instances it chooses the instance types",
        defaultText: "`1024`",
    }),
    memory: requiredKey({
        type: "integer",
        schema: (ctx) =>
            z
                .number()
                .refine(
                    (v) =>
                        v >= MEMORY_BUDGET_MIN_MIB && v <= SESSION_MAX_MEMORY_MIB && v % MEMORY_BUDGET_STEP_MIB === 0,
                    says(
                        `${MEMORY_BUDGET_MIN_MIB} to ${SESSION_MAX_MEMORY_MIB} MiB in steps of ${MEMORY_BUDGET_STEP_MIB} (an AgentCore session has at most 8 GiB)`,
                        sizingExample("memory")(ctx),
                    ),
                ),
        default: 2048,
        required: () =>
            `the per-session memory budget in MiB, ${MEMORY_BUDGET_MIN_MIB} to ${SESSION_MAX_MEMORY_MIB} in steps of ${MEMORY_BUDGET_STEP_MIB}`,
        example: sizingExample("memory"),
        text: "the environment's memory size in MiB: 512–8192 in steps of 512, at least 1 GiB per vCPU (stack files: dev 1024, staging 2048, prod 4096). On microVMs a per-session budget (a session is capped at 8 GiB); on Instances it chooses the instance types",
        defaultText: "`2048`",
    }),
    vpcCidr: key({
        type: "string",
        schema: () => z.string(),
        default: "10.0.0.0/16",
        example: fixed(`"10.0.0.0/16"`),
        text: "CIDR of the VPC this stack creates: a private range, /16 to /28 (ignored when `vpcId` adopts an existing VPC)",
        defaultText: "`10.0.0.0/16`",
    }),
    agentSubnetCidrs: key({
        type: "array",
        schema: () => z.array(z.string()),
        default: ["10.0.4.0/24", "10.0.5.0/24"],
        example: fixed(`["10.0.4.0/24", "10.0.5.0/24"]`),
        text: "private agent subnets inside `vpcCidr`, one per AZ, 2 to 3, not overlapping",
        defaultText: "`[10.0.4.0/24, 10.0.5.0/24]`",
    }),
    availabilityZoneIds: key({
        type: "array",
        schema: () => z.array(z.string()),
        default: [],
        example: fixed(`["use1-az1", "use1-az2"]`),
        text: "AgentCore-supported AZ **IDs** (not names) for the agent subnets, one per subnet, distinct, e.g. `[use1-az1, use1-az2]`; empty means the region's first supported IDs",
        defaultText: "the region's first supported IDs",
    }),
    vpcId: unsetKey({
        type: "string",
        schema: () => z.string().regex(VPC_ID, says("a VPC ID", `"vpc-0a1b2c3d4e5f60718"`)),
        example: fixed(`"vpc-0a1b2c3d4e5f60718"`),
        text: "an existing VPC to adopt instead of creating one; set `vpcId`, `subnetIds` and `routeTableIds` together, or none of them",
        defaultText: "none (create a VPC)",
    }),
    subnetIds: key({
        type: "array",
        schema: () =>
            ids(SUBNET_ID, "a subnet ID", "subnet-0a1b2c3d4e5f60718").refine(
                (list) => list.length === 0 || (list.length >= 2 && list.length <= 16),
                says(
                    "2 to 16 private subnets in different AgentCore-supported AZs",
                    `["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]`,
                ),
            ),
        default: [],
        example: fixed(`["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]`),
        text: "private subnets of the adopted VPC for the agents (2 to 16, in AgentCore-supported AZs)",
        defaultText: "none (create a VPC)",
    }),
    routeTableIds: key({
        type: "array",
        schema: () => ids(ROUTE_TABLE_ID, "a route table ID", "rtb-0a1b2c3d4e5f60718"),
        default: [],
        example: fixed(`["rtb-0a1b2c3d4e5f60718"]`),
        text: "route tables of those subnets; the S3 gateway endpoint is attached to them",
        defaultText: "none (create a VPC)",
    }),
    createEndpoints: key({
        type: "boolean",
        schema: () => z.boolean(),
        default: true,
        example: fixed("true"),
        text: "whether this stack owns the VPC endpoints (false when another stack in the same VPC owns them: two private-DNS endpoints for one service in one VPC conflict)",
        defaultText: "`true`",
    }),
    endpointServices: key({
        type: "array",
        schema: () => z.array(z.string()),
        default: [],
        example: fixed(`["bedrock-runtime", "sts"]`),
        text: "interface endpoints beyond the required `bedrock-agentcore`, `bedrock-agentcore.gateway`, `ecr.api`, `ecr.dkr` and `logs` (S3 is always a gateway endpoint), from the PrivateLink list in `src/network/privateLinkServices.ts`, e.g. `bedrock-runtime`, `sts`, `xray`, `monitoring`, `bedrock-agentcore-control`; `unlisted:<suffix>` for a service that list lacks; with `tracing` on, list `xray` (the agents' spans leave the VPC through it; a warning says so otherwise)",
        defaultText: "`[]`",
    }),
    endpointClientCidrs: key({
        type: "array",
        schema: () => z.array(z.string()),
        default: [],
        example: fixed(`["10.0.8.0/22"]`),
        text: "CIDRs inside the VPC, besides the agents, that may reach the endpoints on TCP 443 (e.g. the callers of your agents); at most 59 distinct, one inbound rule each of the endpoint security group (60 per group)",
        defaultText: "`[]`",
    }),
    runtimes: unsetKey({
        schema: () => z.unknown(),
        example: fixed("a list of runtimes"),
        text: "1 or 2 runtimes (see below)",
        defaultText: "required",
    }),
    modelArns: key({
        type: "array",
        schema: () =>
            z.array(
                z
                    .string()
                    .regex(
                        MODEL_ARN,
                        says(
                            "a Bedrock foundation-model or inference-profile ARN without wildcards",
                            `"arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0"`,
                        ),
                    ),
            ),
        default: [],
        example: fixed(`["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0"]`),
        text: "Bedrock foundation-model / inference-profile ARNs the agents may invoke (no wildcards); empty means no model access",
        defaultText: "`[]` (no model access)",
    }),
    logRetentionDays: requiredKey({
        type: "integer",
        schema: (ctx) =>
            z
                .number()
                .refine(
                    (v) => (LOG_RETENTION_DAYS as readonly number[]).includes(v),
                    says(`a value CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(", ")}`, retentionExample(ctx)),
                ),
        default: 365,
        required: () => `days to keep logs, one of ${LOG_RETENTION_DAYS.join(", ")}`,
        example: retentionExample,
        text: "days to keep the logs the stack owns; a value CloudWatch Logs accepts, at least 365 in production",
        defaultText: "`365`",
    }),
    alarmEmails: key({
        type: "array",
        schema: () => z.array(z.string().regex(EMAIL, says("an e-mail address", `"oncall@example.com"`))),
        default: [],
        example: fixed(`["oncall@example.com"]`),
        text: "addresses subscribed to the alarm topic; at least one in production",
        defaultText: "`[]`",
    }),
    protect: requiredKey({
        type: "boolean",
        schema: () => z.boolean(),
        default: true,
        required: () => "true or false: whether stateful resources are protected from deletion (true in production)",
        example: (ctx) => (ctx.environment === "production" ? "true" : "false"),
        text: "protect stateful resources (runtimes, endpoints, KMS key, log groups) from deletion and retain them on delete; development and staging turn it off explicitly, and turning it off in production also needs the policy pack's rule relaxed",
        defaultText: "`true`",
    }),
    organizationId: unsetKey({
        type: "string",
        schema: () =>
            z
                .string()
                .regex(
                    ORGANIZATION_ID,
                    says(
                        "an AWS Organizations ID: o- and 10 to 32 lowercase letters or digits, or empty for this account only",
                        `"o-a1b2c3d4e5"`,
                    ),
                ),
        example: fixed(`"o-a1b2c3d4e5"`),
        text: "AWS Organizations ID (`o-…`): the `bedrock-agentcore` (and `-control`) endpoints then admit callers of the whole organization (`aws:PrincipalOrgID`), not only this account's; who may invoke a runtime is still its resource policy's decision",
        defaultText: '`""` (this account)',
    }),
    computeType: key({
        type: "string",
        schema: () => oneOf(COMPUTE_TYPES, `"instances"`),
        default: "microvm",
        example: fixed(`"instances"`),
        text: "`microvm` (default; `cpu`/`memory` are a budget) or `instances` (EC2 managed instances via a capacity provider; `cpu`/`memory` choose the instance types, see docs/instances.md); changing it replaces the runtimes",
        defaultText: "`microvm`",
    }),
    instanceTypes: key({
        type: "array",
        schema: () => z.array(z.string()),
        default: [],
        example: fixed(`["c7g.large", "m7g.large"]`),
        text: "Instances only: allowed instance types (1–30), each with at least `cpu`/`memory` and of `instanceArchitecture`; empty: the three smallest that fit (src/compute/catalogue.ts)",
        defaultText: "`[]` (chosen)",
    }),
    instanceArchitecture: key({
        type: "string",
        schema: () => oneOf(INSTANCE_ARCHITECTURES as ["arm64", "x86_64"], `"arm64"`),
        default: "arm64",
        example: fixed(`"arm64"`),
        text: "Instances only: `arm64` or `x86_64` (only with `containerUri` runtimes: built images and code are linux/arm64)",
        defaultText: "`arm64`",
    }),
    instanceIdleTimeoutSeconds: key({
        type: "integer",
        schema: () => lifecycleSeconds(900),
        default: 900,
        example: fixed("900"),
        text: "Instances only: seconds an idle instance is kept (the capacity provider's idleInstanceTimeout), 60–1,209,600",
        defaultText: "`900`",
    }),
    instanceMaxLifetimeSeconds: key({
        type: "integer",
        schema: () => lifecycleSeconds(28_800),
        default: 28_800,
        example: fixed("28800"),
        text: "Instances only: an instance's maximum lifetime (the capacity provider's maxLifetime), 60–1,209,600 s (14 days); each runtime's `maxLifetimeSeconds` ≤ this",
        defaultText: "`28800`",
    }),
    instanceVolumes: key({
        schema: () =>
            z
                .array(instanceVolume, says(`a list of volumes`, VOLUME_EXAMPLE))
                .max(
                    MAX_INSTANCE_VOLUMES,
                    says(`at most ${MAX_INSTANCE_VOLUMES} volumes (the capacity provider's limit)`, VOLUME_EXAMPLE),
                ),
        default: [],
        example: fixed(VOLUME_EXAMPLE),
        text: `Instances only: up to ${MAX_INSTANCE_VOLUMES} persistent EBS volumes (gp3, encrypted with the stack KMS key) each session gets and keeps across stop and resume, \`{ name, sizeGiB, mountPath? }\`: \`name\` a letter then letters, digits, \`_\`, \`-\` (≤ 48), \`sizeGiB\` ${VOLUME_MIN_GIB}–${VOLUME_MAX_GIB.toLocaleString("en-US")}, \`mountPath\` \`/mnt/<one directory>\` (default \`/mnt/<name>\`); every runtime mounts every volume ([docs/instances.md](docs/instances.md#persistent-volumes))`,
        defaultText: "`[]`",
    }),
    runtimeProvider: key({
        type: "string",
        schema: () => oneOf(RUNTIME_PROVIDERS, `"aws-native"`),
        default: "aws-native",
        example: fixed(`"aws-native"`),
        text: "the provider that creates runtimes: `aws-native` (Cloud Control) or `aws` (classic, where the Cloud Control resource is unavailable)",
        defaultText: "`aws-native`",
    }),
    secretValues: unsetKey({
        schema: () => z.unknown(),
        example: fixed(`pulumi config set --secret --path 'secretValues.crm_api_key' <value>`),
        text: "values the stack stores in Secrets Manager (stack KMS key) for `runtimes[i].secrets` to reference; set each with `pulumi config set --secret --path 'secretValues.<name>' <value>` (a value set without `--secret` is refused)",
        defaultText: "`{}`",
    }),
    tags: key({
        schema: () => tagsSchema,
        default: {},
        example: fixed(`{ CostCenter: "ai-platform" }`),
        text: "extra tags on every resource (the program adds `Project`, `Stack`, `Environment`, `ManagedBy`)",
        defaultText: "`{}`",
    }),
    tracing: key({
        type: "boolean",
        schema: () => z.boolean(),
        default: true,
        example: fixed("true"),
        text: "deliver each runtime's `TRACES` to X-Ray (vended delivery) and set the ADOT variables AWS documents (`AGENT_OBSERVABILITY_ENABLED`, `OTEL_*`) on every runtime; a runtime `environment` variable of the same name is then a config error (stack files: off in development, on in staging and production)",
        defaultText: "`true`",
    }),
    transactionSearch: key({
        type: "boolean",
        schema: () => z.boolean(),
        default: false,
        example: fixed("false"),
        text: "this stack owns the account's CloudWatch Transaction Search (X-Ray spans to `aws/spans`): one owner per account and region, so only a production stack may set it; idempotent and retained on destroy ([docs/monitoring.md](docs/monitoring.md#transaction-search))",
        defaultText: "`false`",
    }),
    stackKind: key({
        type: "string",
        schema: () => oneOf(STACK_KINDS, `"agent"`),
        default: "all-in-one",
        example: fixed(`"agent"`),
        text: "`all-in-one`, `network` (VPC, endpoints, the account's singletons; no runtimes) or `agent` (runtimes in `networkStack`'s network; creates no network resource) ([docs/topology.md](docs/topology.md))",
        defaultText: "`all-in-one`",
    }),
    networkStack: unsetKey({
        type: "string",
        schema: () =>
            z
                .string()
                .regex(
                    QUALIFIED_STACK_NAME,
                    says(
                        "a fully qualified stack name <organization>/<project>/<stack> (Pulumi StackReference)",
                        `"acme/agentcore-private/network"`,
                    ),
                ),
        example: fixed(`"acme/agentcore-private/network"`),
        text: "agent stacks only: the network stack they deploy into, `<organization>/<project>/<stack>` (read with a StackReference)",
        defaultText: "none (required with `stackKind: agent`)",
    }),
    sessionInsights: unsetKey({
        type: "string",
        schema: () =>
            z.enum(
                ["true", "false"],
                says("true, false, or empty (the kind's default: on in all-in-one, off in agent stacks)", "false"),
            ),
        example: fixed("false"),
        text: "`true` or `false`: per runtime, 4 Contributor Insights rules (100 per Region), the per-session vCPU, memory and usage-silence alarms that read them, and 4 saved Logs Insights queries (1,000 per Region); empty means on in all-in-one stacks, off in agent stacks, so that AgentCore's 1,000-runtime quota binds first ([docs/topology.md](docs/topology.md#quotas)); none on Instances, where `true` is refused ([docs/instances.md](docs/instances.md#observability-and-cost))",
        defaultText: "on in `all-in-one`, off in `agent`",
    }),
} as const;

export type KeyName = keyof typeof KEYS;

/** The value each key holds after parsing: its default when absent, undefined when it has none or failed. */
export type ConfigValues = ValuesOf<typeof KEYS>;

/** Keys of the providers' namespaces the program reads; README rows only (the providers declare them). */
export const PROVIDER_KEYS: readonly { readonly name: string; readonly text: string; readonly defaultText: string }[] =
    [
        {
            name: "aws:region",
            text: "the region; one where AgentCore runs in a VPC (us-east-1, us-east-2, us-west-2, eu-west-1, eu-central-1, ap-southeast-1, ap-southeast-2, ap-south-1, ap-northeast-1)",
            defaultText: "required",
        },
        {
            name: "aws-native:region",
            text: "the aws-native provider's own region setting; must equal `aws:region` (when `runtimeProvider` is `aws-native`)",
            defaultText: "required",
        },
    ];

/** Every key this program reads from the project namespace. */
export const CONFIG_KEYS: readonly KeyName[] = Object.keys(KEYS) as KeyName[];

/** A key's text as plain text for Pulumi.yaml: no code ticks, emphasis or link targets. */
export function plainText(markdown: string): string {
    return markdown
        .replace(/\[([^\]]+)\]\([^)]+\)/g, "$1")
        .replace(/\*\*/g, "")
        .replace(/`/g, "");
}
