/**
 * Every config key of the program, declared once: its name, its Pulumi.yaml schema (type,
 * default, description) and its README text. CONFIG_KEYS (the keys validation accepts), the
 * `config:` section of Pulumi.yaml and the README's configuration table derive from this
 * list: `npm run config:sync` rewrites both files, and tests/config/configKeys.spec.ts fails when
 * either differs from what the list generates. The checks of each value stay in
 * ./validate.ts, ./network.ts and ./runtimes.ts (all problems reported at once).
 *
 * Adding a key: one entry here, its check in validate.ts, `npm run config:sync`, a test.
 */

/** The types Pulumi.yaml's config schema knows. */
export type PulumiConfigType = "string" | "integer" | "boolean" | "array";

export interface ConfigKeyDeclaration {
    /** The key in the project namespace: `agentcore-private:<name>`. */
    readonly name: string;
    /**
     * The Pulumi.yaml type; `array` means a list of strings. Undefined for structured keys
     * (`runtimes`, `tags`) that the schema cannot type: those are not declared in Pulumi.yaml.
     */
    readonly type?: PulumiConfigType;
    /** The Pulumi.yaml default (with a type only); on the safe side. */
    readonly default?: string | number | boolean | readonly string[];
    /** The Pulumi.yaml description (with a type only). */
    readonly description?: string;
    /** The README table's "meaning" cell (Markdown). */
    readonly meaning: string;
    /** The README table's "default" cell (Markdown). */
    readonly defaultText: string;
}

export const CONFIG_KEY_DECLARATIONS: readonly ConfigKeyDeclaration[] = [
    {
        name: "environment",
        type: "string",
        default: "",
        description:
            "development, staging or production. Empty means: the stack name, which must then be one of those.",
        meaning: "`development`, `staging` or `production`",
        defaultText: "the stack name",
    },
    {
        name: "cpu",
        type: "integer",
        default: 1024,
        description:
            "Per-session CPU budget in CPU units (1024 = 1 vCPU): 256, 512, 1024 or 2048. AgentCore has no CPU setting (a session is capped at 2 vCPU); this budget drives tags and the vCPU-hours alarm. Recommended: development 512, staging 1024, production 2048.",
        meaning:
            "per-session CPU budget in CPU units (1024 = 1 vCPU): 256, 512, 1024 or 2048 (stack files: dev 512, staging 1024, prod 2048)",
        defaultText: "`1024`",
    },
    {
        name: "memory",
        type: "integer",
        default: 2048,
        description:
            "Per-session memory budget in MiB, 512 to 8192 in steps of 512, at least 1 GiB per vCPU. AgentCore has no memory setting (a session is capped at 8 GiB); this budget drives tags and the GB-hours alarm. Recommended: development 1024, staging 2048, production 4096.",
        meaning:
            "per-session memory budget in MiB: 512–8192 in steps of 512, at least 1 GiB per vCPU (stack files: dev 1024, staging 2048, prod 4096)",
        defaultText: "`2048`",
    },
    {
        name: "vpcCidr",
        type: "string",
        default: "10.0.0.0/16",
        description: "CIDR of the VPC this stack creates (ignored when vpcId adopts an existing VPC).",
        meaning: "CIDR of the VPC this stack creates (/16–/28)",
        defaultText: "`10.0.0.0/16`",
    },
    {
        name: "agentSubnetCidrs",
        type: "array",
        default: ["10.0.4.0/24", "10.0.5.0/24"],
        description: "CIDRs of the private agent subnets, one per availability zone, inside vpcCidr.",
        meaning: "private agent subnets inside `vpcCidr`, one per AZ, 2 to 3, not overlapping",
        defaultText: "`[10.0.4.0/24, 10.0.5.0/24]`",
    },
    {
        name: "availabilityZoneIds",
        type: "array",
        default: [],
        description:
            "AgentCore-supported AZ IDs (not names) for the agent subnets, one per subnet, e.g. [use1-az1, use1-az2]. Empty means: the region's first supported IDs.",
        meaning: "AgentCore-supported AZ **IDs**, one per subnet, distinct",
        defaultText: "the region's first supported IDs",
    },
    {
        name: "vpcId",
        type: "string",
        default: "",
        description:
            "An existing VPC to adopt instead of creating one. Set with subnetIds and routeTableIds, or not at all.",
        meaning:
            "an existing VPC to adopt instead of creating one; set `vpcId`, `subnetIds` and `routeTableIds` together, or none of them",
        defaultText: "none (create a VPC)",
    },
    {
        name: "subnetIds",
        type: "array",
        default: [],
        description: "Private subnets of the adopted VPC for the agents (2 to 16, in AgentCore-supported AZs).",
        meaning: "private subnets of the adopted VPC for the agents (2 to 16, in AgentCore-supported AZs)",
        defaultText: "none (create a VPC)",
    },
    {
        name: "routeTableIds",
        type: "array",
        default: [],
        description: "Route tables of those subnets; the S3 gateway endpoint is attached to them.",
        meaning: "route tables of those subnets; the S3 gateway endpoint is attached to them",
        defaultText: "none (create a VPC)",
    },
    {
        name: "createEndpoints",
        type: "boolean",
        default: true,
        description:
            "Whether this stack creates the VPC endpoints. Set false when another stack sharing the VPC owns them (two private-DNS endpoints for one service in one VPC conflict).",
        meaning:
            "whether this stack owns the VPC endpoints (false when another stack in the same VPC owns them: two private-DNS endpoints for one service in one VPC conflict)",
        defaultText: "`true`",
    },
    {
        name: "endpointServices",
        type: "array",
        default: [],
        description:
            "Interface endpoints beyond the required bedrock-agentcore, bedrock-agentcore.gateway, ecr.api, ecr.dkr and logs (S3 is always a gateway endpoint), e.g. [bedrock-runtime, sts, xray, monitoring, bedrock-agentcore-control]. Names outside src/network/privateLinkServices.ts are rejected; write unlisted:<suffix> for one that list lacks.",
        meaning:
            "extra interface endpoints from the PrivateLink list in `src/network/privateLinkServices.ts`, e.g. `bedrock-runtime`, `sts`, `xray`, `monitoring`, `bedrock-agentcore-control`; `unlisted:<suffix>` for a service that list lacks; with `tracing` on, list `xray` (the agents' spans leave the VPC through it; a warning says so otherwise)",
        defaultText: "`[]`",
    },
    {
        name: "endpointClientCidrs",
        type: "array",
        default: [],
        description:
            "CIDRs inside the VPC, besides the agents, allowed to reach the endpoints on TCP 443 (e.g. the callers of your agents).",
        meaning: "CIDRs inside the VPC, besides the agents, that may reach the endpoints on 443",
        defaultText: "`[]`",
    },
    {
        name: "runtimes",
        meaning: "1 or 2 runtimes (see below)",
        defaultText: "required",
    },
    {
        name: "modelArns",
        type: "array",
        default: [],
        description:
            "Bedrock foundation-model and inference-profile ARNs the agents may invoke. Empty means no model access.",
        meaning: "Bedrock foundation-model / inference-profile ARNs the agents may invoke (no wildcards)",
        defaultText: "`[]` (no model access)",
    },
    {
        name: "logRetentionDays",
        type: "integer",
        default: 365,
        description:
            "Days to keep the logs this stack owns; a value CloudWatch Logs accepts, at least 365 in production.",
        meaning: "retention of the logs the stack owns; a value CloudWatch accepts, ≥ 365 in production",
        defaultText: "`365`",
    },
    {
        name: "alarmEmails",
        type: "array",
        default: [],
        description: "E-mail addresses subscribed to the alarm topic (at least one in production).",
        meaning: "addresses subscribed to the alarm topic; at least one in production",
        defaultText: "`[]`",
    },
    {
        name: "protect",
        type: "boolean",
        default: true,
        description:
            "Protect stateful resources (runtimes, endpoints, KMS key, log groups) from deletion and retain them on delete. On by default; development and staging turn it off explicitly, and turning it off in production also needs the policy pack's rule relaxed.",
        meaning: "protect stateful resources from deletion and retain them on delete",
        defaultText: "`true`",
    },
    {
        name: "organizationId",
        type: "string",
        default: "",
        description:
            "AWS Organizations ID (o-...) whose principals may call AgentCore through the stack's bedrock-agentcore endpoints (aws:PrincipalOrgID). Empty means: principals of this account only. Who may invoke a runtime is still decided by its resource policy (runtimes[i].allowedPrincipals).",
        meaning:
            "AWS Organizations ID (`o-…`): the `bedrock-agentcore` (and `-control`) endpoints then admit callers of the whole organization (`aws:PrincipalOrgID`), not only this account's; who may invoke a runtime is still its resource policy's decision",
        defaultText: '`""` (this account)',
    },
    {
        name: "computeType",
        type: "string",
        default: "microvm",
        description:
            "microvm (AgentCore's default: cpu/memory are a budget) or instances (a capacity provider of EC2 managed instances in this account: cpu/memory choose the instance types). Changing it replaces the runtimes.",
        meaning:
            "`microvm` (default; `cpu`/`memory` are a budget) or `instances` (EC2 managed instances via a capacity provider; `cpu`/`memory` choose the instance types, see docs/instances.md); changing it replaces the runtimes",
        defaultText: "`microvm`",
    },
    {
        name: "instanceTypes",
        type: "array",
        default: [],
        description:
            "Instances only: the allowed instance types (1-30), each at least cpu/memory and of instanceArchitecture. Empty means: the smallest fitting types of the catalogue.",
        meaning:
            "Instances only: allowed instance types (1–30), each with at least `cpu`/`memory` and of `instanceArchitecture`; empty: the three smallest that fit (src/compute/catalogue.ts)",
        defaultText: "`[]` (chosen)",
    },
    {
        name: "instanceArchitecture",
        type: "string",
        default: "arm64",
        description:
            "Instances only: arm64 or x86_64. x86_64 only when every runtime runs an existing image (containerUri): built images and code run on linux/arm64.",
        meaning:
            "Instances only: `arm64` or `x86_64` (only with `containerUri` runtimes: built images and code are linux/arm64)",
        defaultText: "`arm64`",
    },
    {
        name: "instanceIdleTimeoutSeconds",
        type: "integer",
        default: 900,
        description: "Instances only: the capacity provider's idleInstanceTimeout, 60 to 1209600 seconds.",
        meaning: "Instances only: seconds an idle instance is kept, 60–1,209,600",
        defaultText: "`900`",
    },
    {
        name: "instanceMaxLifetimeSeconds",
        type: "integer",
        default: 28800,
        description:
            "Instances only: the capacity provider's maxLifetime, 60 to 1209600 seconds (14 days); every runtime's maxLifetimeSeconds must be at most this.",
        meaning:
            "Instances only: an instance's maximum lifetime, 60–1,209,600 s (14 days); each runtime's `maxLifetimeSeconds` ≤ this",
        defaultText: "`28800`",
    },
    {
        name: "runtimeProvider",
        type: "string",
        default: "aws-native",
        description:
            "Provider that creates runtimes: aws-native (Cloud Control, default) or aws (the classic provider, for regions or accounts without the Cloud Control resource).",
        meaning: "`aws-native` (Cloud Control) or `aws` (classic, where the Cloud Control resource is unavailable)",
        defaultText: "`aws-native`",
    },
    {
        name: "secretValues",
        meaning:
            "values the stack stores in Secrets Manager (stack KMS key) for `runtimes[i].secrets` to reference; set each with `pulumi config set --secret --path 'secretValues.<name>' <value>` (a value set without `--secret` is refused)",
        defaultText: "`{}`",
    },
    {
        name: "tags",
        meaning: "extra tags on every resource (the program adds `Project`, `Stack`, `Environment`, `ManagedBy`)",
        defaultText: "`{}`",
    },
    {
        name: "tracing",
        type: "boolean",
        default: true,
        description:
            "Deliver each runtime's TRACES to X-Ray through CloudWatch vended log delivery and set the ADOT environment AWS documents (AGENT_OBSERVABILITY_ENABLED, OTEL_*) on every runtime. On by default; the development stack turns it off. A runtime environment variable of the same name is a config error while this is on.",
        meaning:
            "deliver each runtime's `TRACES` to X-Ray (vended delivery) and set the ADOT variables AWS documents (`AGENT_OBSERVABILITY_ENABLED`, `OTEL_*`) on every runtime; a runtime `environment` variable of the same name is then a config error (stack files: off in development, on in staging and production)",
        defaultText: "`true`",
    },
    {
        name: "transactionSearch",
        type: "boolean",
        default: false,
        description:
            "This stack owns the account's CloudWatch Transaction Search (X-Ray segments to the aws/spans log group, and that group's resource policy). One owner per account and region: only a production stack may set it; leave it false elsewhere. Idempotent, and retained when the stack is destroyed.",
        meaning:
            "this stack owns the account's CloudWatch Transaction Search (X-Ray spans to `aws/spans`): one owner per account and region, so only a production stack may set it; idempotent and retained on destroy ([docs/monitoring.md](docs/monitoring.md#transaction-search))",
        defaultText: "`false`",
    },
    {
        name: "stackKind",
        type: "string",
        default: "all-in-one",
        description:
            "all-in-one (network, runtimes and monitoring in one stack), network (the VPC, subnets, security groups, endpoints and the account-level singletons; no runtimes) or agent (runtimes in the network stack named by networkStack; no network resources). See docs/topology.md.",
        meaning:
            "`all-in-one`, `network` (VPC, endpoints, the account's singletons; no runtimes) or `agent` (runtimes in `networkStack`'s network; creates no network resource) ([docs/topology.md](docs/topology.md))",
        defaultText: "`all-in-one`",
    },
    {
        name: "networkStack",
        type: "string",
        default: "",
        description:
            "Agent stacks only: the network stack they deploy into, fully qualified as <organization>/<project>/<stack> (read with a StackReference).",
        meaning: "agent stacks only: the network stack, `<organization>/<project>/<stack>`",
        defaultText: "none (required with `stackKind: agent`)",
    },
    {
        name: "sessionInsights",
        type: "string",
        default: "",
        description:
            "true or false: per runtime, 4 Contributor Insights rules (100 per Region), the per-session vCPU, memory and usage-silence alarms that read them, and 4 saved Logs Insights queries (1,000 per Region). Empty means: on in all-in-one stacks, off in agent stacks, so that AgentCore's 1,000-runtime quota binds first (docs/topology.md#quotas).",
        meaning:
            "per-runtime Contributor Insights rules, per-session vCPU/memory alarms and saved queries; each runtime costs 4 of 100 rules per Region ([docs/topology.md](docs/topology.md#quotas))",
        defaultText: "on in `all-in-one`, off in `agent`",
    },
];

/** Keys of the providers' namespaces the program reads; README rows only. */
export const PROVIDER_KEY_DECLARATIONS: readonly ConfigKeyDeclaration[] = [
    {
        name: "aws:region",
        meaning:
            "the region; one where AgentCore runs in a VPC (us-east-1, us-east-2, us-west-2, eu-west-1, eu-central-1, ap-southeast-1, ap-southeast-2, ap-south-1, ap-northeast-1)",
        defaultText: "required",
    },
    {
        name: "aws-native:region",
        meaning:
            "the aws-native provider's own region setting; must equal `aws:region` (when `runtimeProvider` is `aws-native`)",
        defaultText: "required",
    },
];

/** Every key this program reads from the project namespace. */
export const CONFIG_KEYS: readonly string[] = CONFIG_KEY_DECLARATIONS.map((k) => k.name);
