import {
    Environment,
    JwtClaimOperator,
    JwtClaimValueType,
    PrivateEndpointIpAddressType,
    Protocol,
    RuntimeProvider,
} from "../aws/agentcore";
import { AccessMode } from "../inbound/config";
import { RuntimeArtifact } from "../artifact/config";
import type { ComputeConfig } from "../compute/config";
import type { NetworkConfig } from "../network/config";
import type { ObservabilityConfig } from "../observability/config";
import type { TopologyConfig } from "../topology/config";

/** A custom JWT authorizer; without one, callers sign requests with IAM SigV4. */
export interface JwtAuthorizerConfig {
    /** OIDC discovery URL, ending in /.well-known/openid-configuration. */
    readonly discoveryUrl: string;
    /** Accepted `aud` claims. */
    readonly allowedAudience: readonly string[];
    /** Accepted `client_id` claims. */
    readonly allowedClients: readonly string[];
    /** Scopes a token must carry (`scope` claim); empty: none required. */
    readonly allowedScopes: readonly string[];
    /** Further claims a token must match; empty: none. */
    readonly customClaims: readonly JwtCustomClaimConfig[];
    /** How AgentCore reaches a discovery URL served only inside a VPC; undefined: over the internet. */
    readonly privateEndpoint?: PrivateEndpointConfig;
    /** Other IdP domains (JWKS, token endpoint) and the private endpoint each is reached through. */
    readonly privateEndpointOverrides: readonly PrivateEndpointOverrideConfig[];
}

/** One custom claim rule: the claim, its type, the operator and the value(s) it matches. */
export interface JwtCustomClaimConfig {
    readonly claim: string;
    readonly valueType: JwtClaimValueType;
    readonly operator: JwtClaimOperator;
    /** One string (EQUALS, CONTAINS) or a list (CONTAINS_ANY). */
    readonly value: string | readonly string[];
}

/**
 * A VPC Lattice path to a private identity provider: `managed`, a resource gateway AgentCore
 * creates in the stack's agent subnets behind the stack's identity-provider security group
 * (egress HTTPS to `idpCidrs` only), or `selfManaged`, a resource configuration the user owns.
 */
export type PrivateEndpointConfig =
    | {
          readonly kind: "managed";
          readonly endpointIpAddressType: PrivateEndpointIpAddressType;
          /** CIDRs the IdP answers in, inside the VPC; empty: the VPC CIDR. */
          readonly idpCidrs: readonly string[];
          readonly routingDomain?: string;
      }
    | { readonly kind: "selfManaged"; readonly resourceConfiguration: string };

export interface PrivateEndpointOverrideConfig {
    readonly domain: string;
    readonly privateEndpoint: PrivateEndpointConfig;
}

/**
 * One file system mounted into a microVM runtime, by kind. New kinds (Instances'
 * `capacityProviderVolume`) add a member here and a reader in src/runtime/filesystems.ts.
 */
export type FilesystemConfig =
    | { readonly kind: "sessionStorage"; readonly mountPath: string }
    | {
          readonly kind: "efs";
          readonly accessPointArn: string;
          /** The file system the access point belongs to: the role's grant names it. */
          readonly fileSystemId: string;
          readonly mountPath: string;
          /** The mount targets' security group: NFS egress goes there; undefined: to the VPC CIDR. */
          readonly mountTargetSecurityGroupId?: string;
      }
    | {
          readonly kind: "s3Files";
          readonly accessPointArn: string;
          readonly mountPath: string;
          readonly mountTargetSecurityGroupId?: string;
      };

/** Where one runtime secret comes from: a value the stack stores, or a secret that exists. */
export type RuntimeSecretSource =
    /** `secretValues.<name>`, a Pulumi secret the stack writes into Secrets Manager under its KMS key. */
    | { readonly kind: "stored"; readonly name: string }
    /** An existing secret, by full ARN; `kmsKeyArn` when a customer key encrypts it. */
    | { readonly kind: "existing"; readonly arn: string; readonly kmsKeyArn?: string };

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
    /** File systems mounted into the runtime (at most 5, distinct mount paths). */
    readonly filesystems: readonly FilesystemConfig[];
    /** Env var name → the secret whose ARN it carries; the role may read exactly these. */
    readonly secrets: Readonly<Record<string, RuntimeSecretSource>>;
}

/** The per-session sizing budget: CPU units (1024 = 1 vCPU) and MiB. */
export interface SizingBudget {
    readonly cpu: number;
    readonly memory: number;
}

/**
 * The whole validated configuration of one stack; every component reads only this. The
 * observability keys (`tracing`, `transactionSearch`) and the topology keys (`kind`,
 * `networkStack`, `sessionInsights`) are the fields of their readers' types, so a key added to
 * one of those readers needs no field here.
 */
export interface StackConfig extends ObservabilityConfig, TopologyConfig {
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
    /** AWS Organizations ID whose callers the bedrock-agentcore endpoints admit; undefined: this account only. */
    readonly organizationId?: string;
    /** User tags merged with the standard ones (Project, Stack, Environment, ManagedBy). */
    readonly tags: Readonly<Record<string, string>>;
    /**
     * `secretValues`: plaintext of the values the stack stores in Secrets Manager, by name.
     * Handle only through `pulumi.secret`; never log, tag or export.
     */
    readonly secretValues: Readonly<Record<string, string>>;
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
    /**
     * Keys (without the project namespace) Pulumi marks secret: set with `--secret`, even on
     * one `--path` inside a structured key, which marks the whole key. Default: none.
     */
    readonly secretKeys?: readonly string[];
}
