import { Environment, Protocol, RuntimeProvider } from "../aws/agentcore";
import { AccessMode } from "../inbound/config";
import { RuntimeArtifact } from "../artifact/config";
import type { ComputeConfig } from "../compute/config";

/** A custom JWT authorizer; without one, callers sign requests with IAM SigV4. */
export interface JwtAuthorizerConfig {
    /** OIDC discovery URL, ending in /.well-known/openid-configuration. */
    readonly discoveryUrl: string;
    /** Accepted `aud` claims. */
    readonly allowedAudience: readonly string[];
    /** Accepted `client_id` claims. */
    readonly allowedClients: readonly string[];
}

/** An extra runtime endpoint that pins an explicit runtime version. */
export interface RuntimeEndpointConfig {
    readonly name: string;
    /** The runtime version the endpoint serves; it moves only when this changes. */
    readonly version: string;
    readonly description?: string;
}

/** One AgentCore runtime, as configured in `runtimes[i]`. */
export interface RuntimeConfig {
    /** The configured name, the key of this runtime in the stack outputs. */
    readonly name: string;
    /** The AWS runtime name: `<name>_<stack>`, unique per account and region. */
    readonly runtimeName: string;
    /** What the runtime runs: an existing image, an image built from source, or code (src/artifact/config.ts). */
    readonly artifact: RuntimeArtifact;
    readonly description?: string;
    readonly protocol: Protocol;
    readonly environment: Readonly<Record<string, string>>;
    readonly idleTimeoutSeconds: number;
    readonly maxLifetimeSeconds: number;
    readonly authorizer?: JwtAuthorizerConfig;
    readonly requestHeaders: readonly string[];
    readonly endpoints: readonly RuntimeEndpointConfig[];
    /** How the runtime may be reached: `vpc` (resource policy fencing it to the VPC) or `iam`. */
    readonly access: AccessMode;
    /** IAM principals beyond this account allowed to invoke (access vpc, no authorizer). */
    readonly allowedPrincipals: readonly string[];
}

/** An existing VPC adopted instead of creating one. */
export interface ExistingVpcConfig {
    readonly vpcId: string;
    readonly subnetIds: readonly string[];
    readonly routeTableIds: readonly string[];
}

export interface NetworkConfig {
    /** `create`: a new VPC; `existing`: adopt `existingVpc`. */
    readonly mode: "create" | "existing";
    readonly vpcCidr: string;
    readonly agentSubnetCidrs: readonly string[];
    /** AZ IDs for the agent subnets, one per subnet (create mode). */
    readonly availabilityZoneIds: readonly string[];
    readonly existingVpc?: ExistingVpcConfig;
    /** Whether this stack owns the VPC endpoints. */
    readonly createEndpoints: boolean;
    /** Interface endpoint services beyond the required ones, e.g. `bedrock-runtime`. */
    readonly endpointServices: readonly string[];
    /** Client CIDRs inside the VPC allowed to reach the endpoints on 443. */
    readonly endpointClientCidrs: readonly string[];
}

/** The per-session sizing budget: CPU units (1024 = 1 vCPU) and MiB. */
export interface SizingBudget {
    readonly cpu: number;
    readonly memory: number;
}

/** The whole validated configuration of one stack; every component reads only this. */
export interface StackConfig {
    readonly project: string;
    readonly stack: string;
    readonly environment: Environment;
    readonly region: string;
    readonly sizing: SizingBudget;
    readonly network: NetworkConfig;
    readonly runtimes: readonly RuntimeConfig[];
    readonly modelArns: readonly string[];
    readonly logRetentionDays: number;
    readonly alarmEmails: readonly string[];
    readonly protect: boolean;
    readonly runtimeProvider: RuntimeProvider;
    /** microVMs (default) or Instances with the capacity provider's settings (src/compute/config.ts). */
    readonly compute: ComputeConfig;
    /** Vended TRACES to X-Ray and the ADOT environment on every runtime. */
    readonly tracing: boolean;
    /** This stack owns the account's Transaction Search (production stacks only). */
    readonly transactionSearch: boolean;
    /** AWS Organizations ID whose callers the bedrock-agentcore endpoints admit; undefined: this account only. */
    readonly organizationId?: string;
    /** User tags merged with the standard ones (Project, Stack, Environment, ManagedBy). */
    readonly tags: Readonly<Record<string, string>>;
}

/** Config as Pulumi hands it to the program: flat keys, string values (JSON for lists and objects). */
export interface RawStackConfig {
    readonly project: string;
    readonly stack: string;
    /** Keys without the project namespace, e.g. `cpu`, `runtimes`. */
    readonly values: Readonly<Record<string, string>>;
    /** `aws:region`. */
    readonly region?: string;
    /** `aws-native:region`: the aws-native provider has its own, required region setting. */
    readonly nativeRegion?: string;
    /**
     * The project root (the directory of Pulumi.yaml), against which relative artifact paths
     * (`image.context`, `code.path`) resolve. Default: the working directory, which is the
     * project root when Pulumi runs the program.
     */
    readonly root?: string;
    /** Every value outside the project namespace, by namespaced key (`aws:region`, `agentcore:cpu`). */
    readonly otherValues?: Readonly<Record<string, string>>;
}
