import * as pulumi from "@pulumi/pulumi";
import { createHash } from "crypto";
import { SUPPORTED_AZ_IDS } from "../../aws/agentcore";
import { INVOKES, TYPES } from "../../aws/tokens";
import { promotionTag } from "../../artifact/settings";

/** The account every offline plan and unit test pretends to deploy into. */
export const MOCK_ACCOUNT_ID = "123456789012";

/** Facts of the mock account a test sets (the defaults below stand for a well-kept account). */
export interface MockFacts {
    /**
     * The tags of ECR images, by `<repository name>@<digest>`. An image not listed has the tag
     * promotion adds for this stack (`promoted-<stack>-<12 hex>`): offline, the deploy's tag step
     * is taken to have run (docs/delivery.md).
     */
    readonly ecrImageTags?: Readonly<Record<string, readonly string[]>>;
}

/** One resource the program registered, with the options the engine would see. */
export interface RecordedResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    /** True for provider resources, false for components. */
    readonly custom: boolean;
    readonly id?: string;
    readonly inputs: Record<string, unknown>;
    /** Inputs plus the computed attributes the mock returned. */
    readonly state: Record<string, unknown>;
    readonly parent?: string;
    /** URNs of every resource it depends on (explicit dependsOn and input dependencies). */
    readonly dependencies: readonly string[];
    readonly protect: boolean;
    readonly retainOnDelete: boolean;
    /** The `aliases` option: each an old URN, or the old name/type/parent it stands for. Default: none. */
    readonly aliases?: readonly RecordedAlias[];
}

/** One alias as the engine receives it. */
export type RecordedAlias = string | { readonly name?: string; readonly type?: string; readonly parentUrn?: string };

export interface RecordedInvoke {
    readonly token: string;
    readonly inputs: Record<string, unknown>;
}

/**
 * Inputs with each top-level asset or archive as a plain `{ kind, path | text }` record: the
 * SDK hands mocks asset objects whose fields are promises, which would record as `{}`.
 */
function isAssetOrArchive(value: unknown): boolean {
    return pulumi.asset.Archive.isInstance(value) || pulumi.asset.Asset.isInstance(value);
}

async function plainAssets(inputs: Record<string, unknown>): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(inputs)) {
        if (isAssetOrArchive(value)) {
            const fields = value as unknown as {
                path?: Promise<string>;
                text?: Promise<string>;
                uri?: Promise<string>;
            };
            const kind = (value as object).constructor.name;
            const resolved = { kind, path: await fields.path, text: await fields.text, uri: await fields.uri };
            out[key] = Object.fromEntries(Object.entries(resolved).filter(([, v]) => v !== undefined));
        } else {
            out[key] = value;
        }
    }
    return out;
}

/** The type token of `pulumi.StackReference` (a read of another stack's outputs). */
export const STACK_REFERENCE_TYPE = "pulumi:pulumi:StackReference";

/** Remote components whose outputs the mocks compute (their children never exist under mocks). */
export const REMOTE_COMPONENT_TYPES: readonly string[] = [TYPES.awsxImage];

/** A stable pseudo-random hex string derived from a seed, so plans are identical between runs. */
function stableHex(seed: string, length: number): string {
    return createHash("sha256").update(seed).digest("hex").slice(0, length);
}

function stableAlnum(seed: string, length: number): string {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    const bytes = createHash("sha256").update(seed).digest();
    return Array.from(bytes.subarray(0, length), (b) => alphabet[b % alphabet.length]).join("");
}

/**
 * The AZ names the mock account maps each zone ID to. Real accounts shuffle the mapping;
 * here the n-th ID of the region (in ID order) is zone letter n, and the region also has
 * zones AgentCore does not support, so the program must translate IDs, not guess names.
 */
export function mockAvailabilityZones(region: string): { names: string[]; zoneIds: string[] } {
    const prefix = (SUPPORTED_AZ_IDS[region]?.[0] ?? `${region.replace(/-/g, "")}-az1`).replace(/-az\d+$/, "");
    const zoneIds = [1, 2, 3, 4, 5, 6].map((n) => `${prefix}-az${n}`);
    const names = zoneIds.map((_, i) => `${region}${"abcdef"[i]}`);
    return { names, zoneIds };
}

/** A registration's aliases: URNs, or specs (name, type, parent URN) when the monitor takes them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function aliasesOf(req: any): RecordedAlias[] {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const specs = (req.getAliasesList?.() ?? []).map((a: any): RecordedAlias => {
        if (a.getUrn()) {
            return a.getUrn();
        }
        const spec = a.getSpec();
        return {
            ...(spec.getName() ? { name: spec.getName() } : {}),
            ...(spec.getType() ? { type: spec.getType() } : {}),
            ...(spec.getParenturn() ? { parentUrn: spec.getParenturn() } : {}),
        };
    });
    return [...(req.getAliasurnsList?.() ?? []), ...specs];
}

/** What the record shows for a secret input. */
export const SECRET_PLACEHOLDER = "[secret]";

/** The signature Pulumi's wire format marks a secret value with (@pulumi/pulumi runtime/rpc.ts). */
const SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";

/** Top-level properties of a serialized input object that are, or contain, a secret. */
function secretProperties(serialized: Record<string, unknown>): string[] {
    const holds = (v: unknown): boolean =>
        typeof v === "object" && v !== null && Object.values(v).some((x) => x === SECRET_SIGNATURE || holds(x));
    return Object.keys(serialized).filter((k) => holds(serialized[k]));
}

/**
 * Mocks for `pulumi.runtime.setMocks` that behave like the AWS providers closely enough
 * that the program's wiring is real: IDs carry the real prefixes, ARNs have the account
 * and region of the stack, and every registration is recorded with its parent,
 * dependencies and protection. The offline plan and the unit tests share this class.
 */
export class RecordingMocks implements pulumi.runtime.Mocks {
    readonly resources: RecordedResource[] = [];
    readonly invokes: RecordedInvoke[] = [];
    /** Registrations the real engine would refuse (the run reports the first one). */
    readonly failures: Error[] = [];
    private readonly pending = new Map<
        string,
        {
            parent?: string;
            dependencies: string[];
            protect: boolean;
            retainOnDelete: boolean;
            secretInputs?: string[];
            aliases?: RecordedAlias[];
        }
    >();

    constructor(
        readonly region: string,
        readonly accountId: string = MOCK_ACCOUNT_ID,
        readonly project = "agentcore-private",
        readonly stack = "development",
        /**
         * Outputs of the stacks a program reads with `pulumi.StackReference`, by the fully
         * qualified name it passes (an agent stack's network stack). A reference to a stack
         * not listed here resolves with no outputs, as a stack that exports nothing would.
         */
        readonly stackReferences: Readonly<Record<string, Record<string, unknown>>> = {},
        /**
         * EC2 instance type offerings the mock account lacks: type → AZ IDs where it is not
         * offered. Default: none (every type in every zone), the offline plan's answer.
         */
        readonly unofferedInstanceTypes: Readonly<Record<string, readonly string[]>> = {},
        readonly facts: MockFacts = {},
    ) {}

    /**
     * Installs the mocks and wraps the mock monitor so that each registration's options
     * (parent, dependencies, protect, retainOnDelete) are recorded too; plain mocks drop them.
     */
    async install(): Promise<void> {
        await pulumi.runtime.setMocks(this, this.project, this.stack, false);
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const monitor = pulumi.runtime.getMonitor() as any;
        const register = monitor.registerResource.bind(monitor);
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        monitor.registerResource = (req: any, callback: any) => {
            const key = `${req.getType()}::${req.getName()}`;
            const propertyDeps: string[] = [];
            // eslint-disable-next-line @typescript-eslint/no-explicit-any
            req.getPropertydependenciesMap().forEach((deps: any) => propertyDeps.push(...deps.getUrnsList()));
            this.pending.set(key, {
                parent: req.getParent() || undefined,
                dependencies: [...new Set([...req.getDependenciesList(), ...propertyDeps])].sort(),
                protect: req.getProtect() === true,
                retainOnDelete: req.getRetainondelete() === true,
                secretInputs: secretProperties(req.getObject().toJavaScript()),
                aliases: aliasesOf(req),
            });
            return register(req, callback);
        };
    }

    /** The URN exactly as the mock monitor builds it, so dependency URNs match records. */
    private urn(type: string, name: string, parent?: string): string {
        const qualified = parent ? `${parent.split("::")[2].split("$").pop()}$${type}` : type;
        return `urn:pulumi:${this.stack}::${this.project}::${qualified}::${name}`;
    }

    async newResource(
        rawArgs: pulumi.runtime.MockResourceArgs,
    ): Promise<{ id: string | undefined; state: Record<string, unknown> }> {
        // Only resources with assets wait: the duplicate-URN check below must stay synchronous.
        const args = Object.values(rawArgs.inputs).some(isAssetOrArchive)
            ? { ...rawArgs, inputs: await plainAssets(rawArgs.inputs) }
            : rawArgs;
        const meta = this.pending.get(`${args.type}::${args.name}`) ?? {
            dependencies: [],
            protect: false,
            retainOnDelete: false,
        };
        this.pending.delete(`${args.type}::${args.name}`);
        const urn = this.urn(args.type, args.name, meta.parent);
        if (this.resources.some((r) => r.urn === urn)) {
            // The engine refuses two resources with one URN; the mock monitor would not.
            const failure = new Error(
                `Duplicate resource URN ${urn}: logical names must be unique per type and parent`,
            );
            this.failures.push(failure);
            throw failure;
        }
        // Remote (multi-language) components such as awsx's run their own children in their
        // provider; under mocks only their outputs exist, so those are computed like a resource's.
        const remote = REMOTE_COMPONENT_TYPES.includes(args.type);
        const referenced = String(args.inputs.name ?? "");
        const { id, computed } =
            args.type === STACK_REFERENCE_TYPE
                ? {
                      id: referenced,
                      computed: { outputs: this.stackReferences[referenced] ?? {}, secretOutputNames: [] },
                  }
                : args.custom === false && !remote
                  ? { id: undefined, computed: {} }
                  : this.computed(args.type, args.name, args.inputs);
        const state = { ...args.inputs, ...computed };
        // A secret input (pulumi.secret, a secret config value) is recorded as "[secret]": the
        // mock monitor hands the mocks plain values, and the plan, its JSON and the tests read
        // the record. The program still gets the real value back, as from the engine.
        const hide = (values: Record<string, unknown>) =>
            Object.fromEntries(
                Object.entries(values).map(([k, v]) => [k, meta.secretInputs?.includes(k) ? SECRET_PLACEHOLDER : v]),
            );
        this.resources.push({
            urn,
            type: args.type,
            name: args.name,
            custom: args.custom !== false,
            id,
            inputs: hide(args.inputs),
            state: hide(state),
            parent: meta.parent,
            dependencies: meta.dependencies,
            protect: meta.protect,
            retainOnDelete: meta.retainOnDelete,
            ...(meta.aliases && meta.aliases.length > 0 ? { aliases: meta.aliases } : {}),
        });
        return { id, state };
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
        this.invokes.push({ token: args.token, inputs: args.inputs });
        const region = this.region;
        switch (args.token) {
            case INVOKES.callerIdentity:
                return {
                    accountId: this.accountId,
                    arn: `arn:aws:sts::${this.accountId}:assumed-role/deployer/pulumi`,
                    userId: "AROAEXAMPLEDEPLOYER:pulumi",
                    id: this.accountId,
                };
            case INVOKES.region:
                return {
                    id: region,
                    name: region,
                    region,
                    endpoint: `ec2.${region}.amazonaws.com`,
                    description: region,
                };
            case INVOKES.partition:
                return { id: "aws", partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
            case INVOKES.prefixList: {
                const name = String(args.inputs.name ?? `com.amazonaws.${region}.s3`);
                return { id: `pl-${stableHex(name, 8)}`, name, cidrBlocks: ["3.5.0.0/19", "52.216.0.0/15"] };
            }
            case INVOKES.vpc: {
                // An adopted VPC: a private /16 with DNS on, as AgentCore VPC mode requires.
                const id = String(args.inputs.id ?? `vpc-${stableHex(region, 17)}`);
                const cidrBlock = "10.0.0.0/16";
                return {
                    id,
                    arn: `arn:aws:ec2:${region}:${this.accountId}:vpc/${id}`,
                    cidrBlock,
                    cidrBlockAssociations: [
                        { associationId: `vpc-cidr-assoc-${stableHex(id, 17)}`, cidrBlock, state: "associated" },
                    ],
                    default: false,
                    enableDnsHostnames: true,
                    enableDnsSupport: true,
                    instanceTenancy: "default",
                    mainRouteTableId: `rtb-${stableHex(id + "/main", 17)}`,
                    ownerId: this.accountId,
                    region,
                    state: "available",
                    tags: {},
                };
            }
            case INVOKES.ecrImage: {
                const repositoryName = String(args.inputs.repositoryName);
                const imageDigest = String(args.inputs.imageDigest);
                const tags = this.facts.ecrImageTags?.[`${repositoryName}@${imageDigest}`] ?? [
                    promotionTag(this.stack, imageDigest),
                ];
                return {
                    id: imageDigest,
                    registryId: String(args.inputs.registryId ?? this.accountId),
                    repositoryName,
                    imageDigest,
                    imageTags: [...tags],
                    imageUri: `${args.inputs.registryId ?? this.accountId}.dkr.ecr.${region}.amazonaws.com/${repositoryName}@${imageDigest}`,
                    imagePushedAt: 1764547200,
                    imageSizeInBytes: 52428800,
                };
            }
            case INVOKES.s3Object: {
                // Another stack's code object version (a promotion source): what HeadObject returns.
                const bucket = String(args.inputs.bucket);
                const key = String(args.inputs.key);
                const versionId = String(args.inputs.versionId ?? "");
                return {
                    id: `${bucket}/${key}`,
                    bucket,
                    key,
                    versionId,
                    arn: `arn:aws:s3:::${bucket}/${key}`,
                    etag: stableHex(`${bucket}/${key}?versionId=${versionId}`, 32),
                    contentType: "application/zip",
                    contentLength: 1024,
                    serverSideEncryption: "aws:kms",
                    bucketKeyEnabled: true,
                    tags: {},
                };
            }
            case INVOKES.subnet: {
                // An existing subnet: its zone is one of the region's AgentCore zones, stable per ID.
                const id = String(args.inputs.id ?? "");
                const zones = SUPPORTED_AZ_IDS[region] ?? mockAvailabilityZones(region).zoneIds;
                const availabilityZoneId = zones[parseInt(stableHex(id, 6), 16) % zones.length];
                const { names, zoneIds } = mockAvailabilityZones(region);
                return {
                    id,
                    arn: `arn:aws:ec2:${region}:${this.accountId}:subnet/${id}`,
                    availabilityZoneId,
                    availabilityZone: names[zoneIds.indexOf(availabilityZoneId)] ?? `${region}a`,
                    ownerId: this.accountId,
                    state: "available",
                    tags: {},
                };
            }
            case INVOKES.instanceTypeOfferings: {
                // DescribeInstanceTypeOfferings by zone ID: one row per offered (type, zone) the
                // filters ask for; every combination unless the run lists it as not offered.
                const filters = (args.inputs.filters as { name: string; values: string[] }[] | undefined) ?? [];
                const values = (name: string) => filters.find((f) => f.name === name)?.values ?? [];
                const rows = values("instance-type").flatMap((type) =>
                    values("location")
                        .filter((zone) => !(this.unofferedInstanceTypes[type] ?? []).includes(zone))
                        .map((zone) => ({ type, zone })),
                );
                return {
                    id: region,
                    region,
                    locationType: args.inputs.locationType,
                    instanceTypes: rows.map((r) => r.type),
                    locations: rows.map((r) => r.zone),
                    locationTypes: rows.map(() => String(args.inputs.locationType ?? "region")),
                };
            }
            default:
                throw new Error(
                    `RecordingMocks: no mock for invoke ${args.token}; add one in src/plan/offline/mocks.ts`,
                );
        }
    }

    /** The id and computed attributes the real provider would return for a resource. */
    private computed(
        type: string,
        name: string,
        inputs: Record<string, unknown>,
    ): { id: string; computed: Record<string, unknown> } {
        const seed = `${this.stack}/${type}/${name}`;
        const hex17 = stableHex(seed, 17);
        const a = this.accountId;
        const r = this.region;
        const autoName = (inputs.name as string | undefined) ?? `${name}-${stableHex(seed, 7)}`;
        const ec2 = (prefix: string, kind: string) => {
            const id = `${prefix}-${hex17}`;
            return { id, computed: { arn: `arn:aws:ec2:${r}:${a}:${kind}/${id}`, ownerId: a } };
        };
        switch (type) {
            case TYPES.vpc: {
                const v = ec2("vpc", "vpc");
                return {
                    id: v.id,
                    computed: {
                        ...v.computed,
                        defaultSecurityGroupId: `sg-${stableHex(seed + "/sg", 17)}`,
                        mainRouteTableId: `rtb-${stableHex(seed + "/rtb", 17)}`,
                        defaultNetworkAclId: `acl-${stableHex(seed + "/acl", 17)}`,
                    },
                };
            }
            case TYPES.subnet: {
                const s = ec2("subnet", "subnet");
                const zones = mockAvailabilityZones(r);
                const azId = inputs.availabilityZoneId as string | undefined;
                const az = azId
                    ? zones.names[zones.zoneIds.indexOf(azId)]
                    : (inputs.availabilityZone as string | undefined);
                return { id: s.id, computed: { ...s.computed, availabilityZone: az, availabilityZoneId: azId } };
            }
            case TYPES.routeTable:
                return ec2("rtb", "route-table");
            case TYPES.routeTableAssociation:
                return { id: `rtbassoc-${hex17}`, computed: {} };
            case TYPES.securityGroup:
                return ec2("sg", "security-group");
            case TYPES.defaultSecurityGroup:
                return ec2("sg", "security-group");
            case TYPES.ingressRule:
            case TYPES.egressRule: {
                const id = `sgr-${hex17}`;
                return {
                    id,
                    computed: { arn: `arn:aws:ec2:${r}:${a}:security-group-rule/${id}`, securityGroupRuleId: id },
                };
            }
            case TYPES.vpcEndpoint: {
                const e = ec2("vpce", "vpc-endpoint");
                const gateway = inputs.vpcEndpointType === "Gateway";
                const service = String(inputs.serviceName ?? "");
                return {
                    id: e.id,
                    computed: {
                        ...e.computed,
                        state: "available",
                        prefixListId: gateway ? `pl-${stableHex(service, 8)}` : undefined,
                        dnsEntries: gateway
                            ? []
                            : [
                                  {
                                      dnsName: `${e.id}.${service.split(".").slice(3).join(".")}.${r}.vpce.amazonaws.com`,
                                      hostedZoneId: "Z7HUB22UULQXV",
                                  },
                              ],
                        networkInterfaceIds: gateway
                            ? []
                            : ((inputs.subnetIds as string[] | undefined) ?? []).map(
                                  (_, i) => `eni-${stableHex(seed + i, 17)}`,
                              ),
                    },
                };
            }
            case TYPES.flowLog:
                return ec2("fl", "vpc-flow-log");
            case TYPES.logGroup:
                return {
                    id: autoName,
                    computed: { name: autoName, arn: `arn:aws:logs:${r}:${a}:log-group:${autoName}` },
                };
            case TYPES.kmsKey: {
                const keyId = `${stableHex(seed, 8)}-${stableHex(seed + 1, 4)}-${stableHex(seed + 2, 4)}-${stableHex(seed + 3, 4)}-${stableHex(seed + 4, 12)}`;
                return { id: keyId, computed: { keyId, arn: `arn:aws:kms:${r}:${a}:key/${keyId}` } };
            }
            case TYPES.secret: {
                // Secrets Manager appends "-" and 6 random characters to the name.
                const secretName = `${inputs.namePrefix ?? `${autoName}-`}${stableHex(seed, 6)}`;
                const arn = `arn:aws:secretsmanager:${r}:${a}:secret:${secretName}-${stableHex(seed + "/s", 6)}`;
                return { id: arn, computed: { arn, name: secretName } };
            }
            case TYPES.secretVersion:
                return {
                    id: `${inputs.secretId}|${stableHex(seed, 32)}`,
                    computed: { arn: inputs.secretId, versionId: stableHex(seed, 32) },
                };
            case TYPES.kmsAlias:
                return {
                    id: autoName,
                    computed: {
                        arn: `arn:aws:kms:${r}:${a}:${autoName}`,
                        targetKeyArn: `arn:aws:kms:${r}:${a}:key/${inputs.targetKeyId}`,
                    },
                };
            case TYPES.role:
                return {
                    id: autoName,
                    computed: {
                        name: autoName,
                        arn: `arn:aws:iam::${a}:role/${autoName}`,
                        uniqueId: `AROA${stableHex(seed, 17).toUpperCase()}`,
                    },
                };
            case TYPES.policy:
                return {
                    id: `arn:aws:iam::${a}:policy/${autoName}`,
                    computed: {
                        name: autoName,
                        arn: `arn:aws:iam::${a}:policy/${autoName}`,
                        policyId: `ANPA${stableHex(seed, 17).toUpperCase()}`,
                    },
                };
            case TYPES.openIdConnectProvider: {
                const arn = `arn:aws:iam::${a}:oidc-provider/${String(inputs.url).replace(/^https:\/\//, "")}`;
                return { id: arn, computed: { arn } };
            }
            case TYPES.rolePolicy:
                return { id: `${inputs.role}:${autoName}`, computed: { name: autoName } };
            case TYPES.snsTopic: {
                const arn = `arn:aws:sns:${r}:${a}:${autoName}`;
                return { id: arn, computed: { name: autoName, arn } };
            }
            case TYPES.snsTopicPolicy:
                return { id: String(inputs.arn), computed: { owner: a } };
            case TYPES.snsTopicSubscription: {
                const arn = `${inputs.topic}:${stableHex(seed, 8)}-${stableHex(seed + 1, 4)}-${stableHex(seed + 2, 4)}-${stableHex(seed + 3, 4)}-${stableHex(seed + 4, 12)}`;
                return { id: arn, computed: { arn, pendingConfirmation: true } };
            }
            case TYPES.metricAlarm:
                return {
                    id: autoName,
                    computed: { name: autoName, arn: `arn:aws:cloudwatch:${r}:${a}:alarm:${autoName}` },
                };
            case TYPES.logDeliverySource:
            case TYPES.logDeliveryDestination: {
                const kind = type.endsWith("Source") ? "delivery-source" : "delivery-destination";
                const destinationType = inputs.deliveryDestinationType as string | undefined;
                return {
                    id: autoName,
                    computed: {
                        name: autoName,
                        arn: `arn:aws:logs:${r}:${a}:${kind}:${autoName}`,
                        ...(kind === "delivery-source"
                            ? { service: "bedrock-agentcore" }
                            : { deliveryDestinationType: destinationType }),
                    },
                };
            }
            case TYPES.logDelivery: {
                const id = stableAlnum(seed, 16);
                return { id, computed: { arn: `arn:aws:logs:${r}:${a}:delivery:${id}` } };
            }
            case TYPES.contributorInsightRule:
                return {
                    id: String(inputs.ruleName),
                    computed: { resourceArn: `arn:aws:cloudwatch:${r}:${a}:insight-rule/${inputs.ruleName}` },
                };
            case TYPES.queryDefinition: {
                const id = `${stableHex(seed, 8)}-${stableHex(seed + 1, 4)}-${stableHex(seed + 2, 4)}-${stableHex(seed + 3, 4)}-${stableHex(seed + 4, 12)}`;
                return { id, computed: { queryDefinitionId: id } };
            }
            case TYPES.logResourcePolicy:
                return { id: String(inputs.policyName), computed: {} };
            case TYPES.xrayResourcePolicy:
                return { id: String(inputs.policyName), computed: { policyRevisionId: "1" } };
            case TYPES.traceSegmentDestination:
                return { id: r, computed: { region: r } };
            case TYPES.dashboard:
                return {
                    id: String(inputs.dashboardName),
                    computed: { dashboardArn: `arn:aws:cloudwatch::${a}:dashboard/${inputs.dashboardName}` },
                };
            case TYPES.ecrRepository: {
                const repoName = String(inputs.name ?? autoName);
                return {
                    id: repoName,
                    computed: {
                        name: repoName,
                        arn: `arn:aws:ecr:${r}:${a}:repository/${repoName}`,
                        registryId: a,
                        repositoryUrl: `${a}.dkr.ecr.${r}.amazonaws.com/${repoName}`,
                    },
                };
            }
            case TYPES.ecrLifecyclePolicy:
                return { id: String(inputs.repository), computed: { registryId: a } };
            case TYPES.awsxImage:
                // What awsx returns after the push: the repository URL and the pushed digest.
                return {
                    id: "",
                    computed: {
                        imageUri: `${inputs.repositoryUrl}@sha256:${stableHex(`${seed}/${JSON.stringify(inputs)}`, 64)}`,
                    },
                };
            case TYPES.s3Bucket: {
                const bucketName = String(inputs.bucket ?? `${name}-${stableHex(seed, 7)}`).toLowerCase();
                return {
                    id: bucketName,
                    computed: {
                        bucket: bucketName,
                        arn: `arn:aws:s3:::${bucketName}`,
                        bucketDomainName: `${bucketName}.s3.amazonaws.com`,
                        bucketRegionalDomainName: `${bucketName}.s3.${r}.amazonaws.com`,
                        hostedZoneId: "Z3AQBSTGFYJSTF",
                        region: r,
                    },
                };
            }
            case TYPES.s3BucketObject: {
                const version = objectVersionId(seed, inputs);
                return {
                    id: `${inputs.bucket}/${inputs.key}`,
                    computed: {
                        versionId: version,
                        etag: stableHex(`${seed}/etag`, 32),
                        arn: `arn:aws:s3:::${inputs.bucket}/${inputs.key}`,
                    },
                };
            }
            case TYPES.s3ObjectCopy: {
                // Each copy is a new version of the target key.
                const version = objectVersionId(seed, inputs);
                return {
                    id: String(inputs.key),
                    computed: {
                        versionId: version,
                        sourceVersionId: stableHex(`${seed}/source`, 32),
                        etag: stableHex(`${seed}/etag`, 32),
                        arn: `arn:aws:s3:::${inputs.bucket}/${inputs.key}`,
                    },
                };
            }
            case TYPES.nativeCapacityProvider: {
                const capacityProviderId = `${String(inputs.name)}-${stableAlnum(seed, 10)}`;
                return {
                    id: capacityProviderId,
                    computed: {
                        capacityProviderId,
                        arn: `arn:aws:bedrock-agentcore:${r}:${a}:capacity-provider/${capacityProviderId}`,
                        status: "READY",
                        createdAt: "2026-12-01T00:00:00Z",
                        lastUpdatedAt: "2026-12-01T00:00:00Z",
                    },
                };
            }
            case TYPES.nativeRuntime:
            case TYPES.classicRuntime: {
                const runtimeName = String(inputs.agentRuntimeName);
                const runtimeId = `${runtimeName}-${stableAlnum(seed, 10)}`;
                const arn = `arn:aws:bedrock-agentcore:${r}:${a}:runtime/${runtimeId}`;
                const workloadIdentityArn = `arn:aws:bedrock-agentcore:${r}:${a}:workload-identity-directory/default/workload-identity/${runtimeName}-${stableAlnum(seed + "/wi", 4)}`;
                const native = type.startsWith("aws-native");
                return {
                    id: native ? runtimeId : arn,
                    computed: {
                        agentRuntimeArn: arn,
                        agentRuntimeId: runtimeId,
                        agentRuntimeVersion: "1",
                        status: "READY",
                        workloadIdentityDetails: native ? { workloadIdentityArn } : [{ workloadIdentityArn }],
                    },
                };
            }
            case TYPES.nativeRuntimeEndpoint:
            case TYPES.classicRuntimeEndpoint: {
                const runtimeId = String(inputs.agentRuntimeId);
                const runtimeArn = `arn:aws:bedrock-agentcore:${r}:${a}:runtime/${runtimeId}`;
                const arn = `${runtimeArn}/runtime-endpoint/${inputs.name}`;
                return {
                    id: arn,
                    computed: {
                        agentRuntimeArn: runtimeArn,
                        agentRuntimeEndpointArn: arn,
                        liveVersion: inputs.agentRuntimeVersion,
                        targetVersion: inputs.agentRuntimeVersion,
                        status: "READY",
                    },
                };
            }
            default:
                return { id: `${name}-${stableHex(seed, 8)}`, computed: {} };
        }
    }
}

/**
 * S3 gives every write to a versioned bucket (an upload, a copy) a new version ID; the mock
 * derives it from the inputs, so the same write keeps its version.
 */
function objectVersionId(seed: string, inputs: unknown): string {
    return Buffer.from(
        createHash("sha256")
            .update(`${seed}/${JSON.stringify(inputs)}`)
            .digest(),
    )
        .toString("base64url")
        .slice(0, 32);
}
