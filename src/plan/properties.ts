/**
 * The few properties of each resource type that a reviewer needs to see in a plan: CIDRs,
 * AZ IDs, services, rule ports and peers, images, network mode, versions, alarm
 * conditions, retention. Everything else is in the JSON plan. Pure.
 */
import { RecordedResource } from "./offline/mocks";
import { References } from "./references";
import { TYPES } from "../aws/tokens";

type Inputs = Record<string, unknown>;
type Describe = (inputs: Inputs, refs: References, resource: RecordedResource) => (string | undefined)[];

function at(value: unknown, path: string): unknown {
    return path
        .split(".")
        .reduce<unknown>((v, key) => (v && typeof v === "object" ? (v as Inputs)[key] : undefined), value);
}

function list(value: unknown): unknown[] {
    return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** `label: value` when the value is set, else nothing. */
function prop(label: string, value: unknown): string | undefined {
    if (value === undefined || value === null || value === "") {
        return undefined;
    }
    return `${label}: ${typeof value === "string" ? value : JSON.stringify(value)}`;
}

function refs(values: unknown, references: References): string | undefined {
    const items = list(values);
    return items.length > 0 ? items.map((v) => references.label(v)).join(", ") : undefined;
}

/** The AWS service suffix of an endpoint service name: com.amazonaws.us-east-1.ecr.api → ecr.api. */
export function serviceSuffix(serviceName: unknown): string {
    return String(serviceName ?? "")
        .split(".")
        .slice(3)
        .join(".");
}

/** Principals and condition keys of a trust policy given as a JSON string. */
function trust(policy: unknown): string | undefined {
    try {
        const doc = JSON.parse(String(policy)) as { Statement?: Inputs[] };
        const principals = new Set<string>();
        const conditions = new Set<string>();
        for (const s of list(doc.Statement) as Inputs[]) {
            for (const p of Object.values((s.Principal as Inputs | undefined) ?? {})) {
                list(p).forEach((x) => principals.add(String(x)));
            }
            for (const operator of Object.values((s.Condition as Inputs | undefined) ?? {})) {
                Object.keys(operator as Inputs).forEach((k) => conditions.add(k));
            }
        }
        return `trusts: ${[...principals].join(", ")}${conditions.size > 0 ? ` (conditions: ${[...conditions].join(", ")})` : ""}`;
    } catch {
        return undefined;
    }
}

/** The rules of an ECR lifecycle policy given as a JSON string. */
function lifecycleRules(policy: unknown): string | undefined {
    try {
        const doc = JSON.parse(String(policy)) as { rules?: { description?: string }[] };
        return `rules: ${list(doc.rules)
            .map((rule) => (rule as { description?: string }).description ?? "unnamed")
            .join("; ")}`;
    } catch {
        return undefined;
    }
}

/** Statement Sids (or counts) of a policy document given as a JSON string. */
function statements(policy: unknown): string | undefined {
    try {
        const doc = JSON.parse(String(policy)) as { Statement?: Inputs[] };
        const all = list(doc.Statement) as Inputs[];
        const sids = all.map((s, i) => String(s.Sid ?? `#${i + 1}`));
        const actions = all.reduce((n, s) => n + list(s.Action).length, 0);
        return `statements: ${sids.join(", ")} (${actions} actions)`;
    } catch {
        return undefined;
    }
}

/** An endpoint policy's statement Sids, or a warning when there is none (full access). */
function endpointPolicy(policy: unknown): string {
    return policy === undefined
        ? "policy: NONE (full access to the service)"
        : `policy ${statements(policy) ?? "(unreadable)"}`;
}

const COMPARISON: Record<string, string> = {
    GreaterThanThreshold: ">",
    GreaterThanOrEqualToThreshold: "≥",
    LessThanThreshold: "<",
    LessThanOrEqualToThreshold: "≤",
    LessThanLowerOrGreaterThanUpperThreshold: "outside band",
    GreaterThanUpperThreshold: "> band",
    LessThanLowerThreshold: "< band",
};

/** `AWS/Bedrock-AgentCore SystemErrors Sum/60s` or `expr (m1/m2) over Invocations, SystemErrors`. */
export function alarmMetric(inputs: Inputs): string {
    const queries = list(inputs.metricQueries) as Inputs[];
    if (queries.length === 0) {
        const stat = inputs.statistic ?? inputs.extendedStatistic;
        return `${inputs.namespace} ${inputs.metricName} ${stat}/${inputs.period}s`;
    }
    // Only the expression that returns data is the alarm's; the others are intermediate.
    const metrics = new Map<string, number>();
    for (const q of queries.filter((q) => q.metric)) {
        const key = `${at(q, "metric.metricName")} ${at(q, "metric.stat")}/${at(q, "metric.period")}s`;
        metrics.set(key, (metrics.get(key) ?? 0) + 1);
    }
    // Contributor Insights reads are expressions that fetch their own data: name their rules.
    for (const q of queries) {
        const insight = /INSIGHT_RULE_METRIC\("([^"]+)", "([^"]+)"\)/.exec(String(q.expression ?? ""));
        if (insight) {
            metrics.set(`rule ${insight[1]} ${insight[2]}/${q.period}s`, 1);
        }
    }
    const result = queries.find((q) => q.returnData === true) ?? queries[queries.length - 1];
    const over = [...metrics].map(([key, n]) => (n > 1 ? `${key} ×${n}` : key)).join(", ");
    return `${result.expression ?? result.id} over ${over}`;
}

/** `> 5 for 3 of 3 periods` */
export function alarmCondition(inputs: Inputs): string {
    const op = COMPARISON[String(inputs.comparisonOperator)] ?? String(inputs.comparisonOperator);
    const periods = inputs.evaluationPeriods;
    const points = inputs.datapointsToAlarm ?? periods;
    return `${op} ${inputs.threshold ?? inputs.thresholdMetricId} for ${points} of ${periods} periods`;
}

function runtime(inputs: Inputs, references: References, classic: boolean): (string | undefined)[] {
    const network = inputs.networkConfiguration as Inputs | undefined;
    const lifecycle = classic ? list(inputs.lifecycleConfigurations)[0] : inputs.lifecycleConfiguration;
    const protocol = classic ? at(inputs, "protocolConfiguration.serverProtocol") : inputs.protocolConfiguration;
    const jwt = at(inputs, "authorizerConfiguration.customJwtAuthorizer.discoveryUrl");
    const env = Object.keys((inputs.environmentVariables as Inputs | undefined) ?? {});
    const tags = (inputs.tags as Record<string, string> | undefined) ?? {};
    return [
        prop("name", inputs.agentRuntimeName),
        prop("image", at(inputs, "agentRuntimeArtifact.containerConfiguration.containerUri")),
        ...codeArtifact(inputs, references, classic),
        prop("network mode", network?.networkMode),
        prop("subnets", refs(at(network, "networkModeConfig.subnets"), references)),
        prop("security groups", refs(at(network, "networkModeConfig.securityGroups"), references)),
        prop("role", refs(inputs.roleArn, references)),
        prop("protocol", protocol),
        lifecycle
            ? `lifecycle: idle ${at(lifecycle, "idleRuntimeSessionTimeout")}s, max ${at(lifecycle, "maxLifetime")}s`
            : undefined,
        prop("auth", jwt ? `JWT (${jwt})` : "IAM SigV4"),
        ...jwtDetails(inputs, references),
        ...list(inputs.filesystemConfigurations).map((f) => `mount: ${mountLine(f as Inputs)}`),
        prop("env", env.length > 0 ? env.join(", ") : undefined),
        tags.CpuBudget ? `budget: ${tags.CpuBudget} CPU units, ${tags.MemoryBudgetMiB} MiB (tags only)` : undefined,
    ];
}

/** Scopes, claims and the private identity-provider path of a JWT authorizer. */
function jwtDetails(inputs: Inputs, references: References): (string | undefined)[] {
    const jwt = at(inputs, "authorizerConfiguration.customJwtAuthorizer") as Inputs | undefined;
    if (!jwt) {
        return [];
    }
    const claims = list(jwt.customClaims).map((c) => {
        const claim = c as Inputs;
        return `${claim.inboundTokenClaimName} ${at(claim, "authorizingClaimMatchValue.claimMatchOperator")}`;
    });
    const managed = at(jwt, "privateEndpoint.managedVpcResource") as Inputs | undefined;
    const self = at(jwt, "privateEndpoint.selfManagedLatticeResource.resourceConfigurationIdentifier");
    return [
        prop("jwt scopes", list(jwt.allowedScopes).length > 0 ? list(jwt.allowedScopes).join(", ") : undefined),
        prop("jwt claims", claims.length > 0 ? claims.join("; ") : undefined),
        managed
            ? `identity provider via VPC Lattice: managed resource gateway in ${refs(managed.subnetIds, references)}, security group ${refs(managed.securityGroupIds, references)}`
            : self
              ? `identity provider via VPC Lattice: resource configuration ${self}`
              : undefined,
    ];
}

/** One filesystemConfigurations entry: its kind, mount path and access point. */
function mountLine(f: Inputs): string {
    const [kind, value] = Object.entries(f)[0] ?? ["?", {}];
    const v = value as Inputs;
    return `${v.mountPath} (${kind}${v.accessPointArn ? ` ${v.accessPointArn}` : ""})`;
}

/** A direct-code artifact: the object version, language runtime and entry point. */
function codeArtifact(inputs: Inputs, references: References, classic: boolean): (string | undefined)[] {
    const code = at(inputs, "agentRuntimeArtifact.codeConfiguration") as Inputs | undefined;
    if (!code) {
        return [];
    }
    const s3 = at(code, "code.s3") as Inputs | undefined;
    const entry = list(classic ? code.entryPoints : code.entryPoint).join(" ");
    return [
        `code: s3://${references.label(s3?.bucket)}/${s3?.prefix} version ${s3?.versionId}`,
        `code runtime: ${code.runtime}, entry point: ${entry}`,
    ];
}

function rule(direction: string): Describe {
    return (i, r) => {
        const ports = i.fromPort === i.toPort ? `${i.fromPort}` : `${i.fromPort}-${i.toPort}`;
        const peer = i.referencedSecurityGroupId
            ? `sg ${r.label(i.referencedSecurityGroupId)}`
            : i.prefixListId
              ? `prefix list ${i.prefixListId}`
              : (i.cidrIpv4 ?? i.cidrIpv6);
        return [
            `${direction} ${i.ipProtocol} ${ports} ${direction === "ingress" ? "from" : "to"} ${peer}`,
            prop("group", r.label(i.securityGroupId)),
        ];
    };
}

const DESCRIBE: Record<string, Describe> = {
    [TYPES.vpc]: (i) => [
        prop("cidr", i.cidrBlock),
        `dns support/hostnames: ${i.enableDnsSupport}/${i.enableDnsHostnames}`,
    ],
    [TYPES.subnet]: (i) => [
        prop("cidr", i.cidrBlock),
        prop("az id", i.availabilityZoneId ?? i.availabilityZone),
        prop("public ip on launch", i.mapPublicIpOnLaunch),
    ],
    [TYPES.defaultSecurityGroup]: (i) => [
        `rules: ${list(i.ingress).length} ingress, ${list(i.egress).length} egress (AWS defaults stripped)`,
    ],
    [TYPES.routeTable]: (i) => [`routes: local only${list(i.routes).length > 0 ? ` + ${list(i.routes).length}` : ""}`],
    [TYPES.routeTableAssociation]: (i, r) => [`${r.label(i.subnetId)} → ${r.label(i.routeTableId)}`],
    [TYPES.securityGroup]: (i) => [
        prop("description", i.description),
        `inline rules: ${list(i.ingress).length + list(i.egress).length}`,
    ],
    [TYPES.ingressRule]: rule("ingress"),
    [TYPES.egressRule]: rule("egress"),
    [TYPES.vpcEndpoint]: (i, r) =>
        i.vpcEndpointType === "Gateway"
            ? [
                  `gateway ${serviceSuffix(i.serviceName)}`,
                  prop("route tables", refs(i.routeTableIds, r)),
                  endpointPolicy(i.policy),
              ]
            : [
                  `interface ${serviceSuffix(i.serviceName)}, private DNS ${i.privateDnsEnabled === true ? "on" : "off"}`,
                  prop(`subnets (${list(i.subnetIds).length} AZ)`, refs(i.subnetIds, r)),
                  prop("security groups", refs(i.securityGroupIds, r)),
                  endpointPolicy(i.policy),
              ],
    [TYPES.flowLog]: (i, r) => [
        `${i.trafficType} traffic of ${r.label(i.vpcId)} → ${r.label(i.logDestination)}`,
        prop("role", refs(i.iamRoleArn, r)),
    ],
    [TYPES.logGroup]: (i, r) => [
        prop("name", i.name),
        prop("retention days", i.retentionInDays ?? "never expires"),
        prop("kms key", refs(i.kmsKeyId, r)),
    ],
    [TYPES.role]: (i) => [trust(i.assumeRolePolicy)],
    [TYPES.rolePolicy]: (i, r) => [prop("role", r.label(i.role)), statements(i.policy)],
    [TYPES.policy]: (i) => [statements(i.policy)],
    [TYPES.kmsKey]: (i) => [
        `rotation ${i.enableKeyRotation === true ? "on" : "off"}, deletion window ${i.deletionWindowInDays} days`,
    ],
    [TYPES.kmsAlias]: (i, r) => [`${i.name} → ${r.label(i.targetKeyId)}`],
    [TYPES.nativeRuntime]: (i, r) => runtime(i, r, false),
    [TYPES.classicRuntime]: (i, r) => runtime(i, r, true),
    [TYPES.nativeRuntimeEndpoint]: (i, r) => [
        prop("name", i.name),
        prop("version", i.agentRuntimeVersion),
        prop("runtime", r.label(i.agentRuntimeId)),
    ],
    [TYPES.classicRuntimeEndpoint]: (i, r) => [
        prop("name", i.name),
        prop("version", i.agentRuntimeVersion),
        prop("runtime", r.label(i.agentRuntimeId)),
    ],
    [TYPES.nativeResourcePolicy]: (i, r) => [prop("on", r.label(i.resourceArn)), statements(i.policy)],
    [TYPES.classicResourcePolicy]: (i, r) => [prop("on", r.label(i.resourceArn)), statements(i.policy)],
    [TYPES.ecrRepository]: (i, r) => [
        prop("name", i.name),
        `tags ${i.imageTagMutability}, scan on push ${at(i, "imageScanningConfiguration.scanOnPush") === true ? "on" : "off"}, force delete ${i.forceDelete === true ? "on" : "off"}`,
        prop(
            "kms key",
            refs(
                list(i.encryptionConfigurations).map((c) => at(c, "kmsKey")),
                r,
            ),
        ),
    ],
    // The policy's own ID is the repository name it references: label it without itself.
    [TYPES.ecrLifecyclePolicy]: (i, r, self) => [
        prop("repository", r.label(i.repository, self)),
        lifecycleRules(i.policy),
    ],
    [TYPES.awsxImage]: (i, r) => [
        `build ${i.context} (${i.dockerfile}) for ${i.platform}`,
        prop("tag", i.imageTag),
        prop("build args", i.args ? Object.keys(i.args as Inputs).join(", ") : undefined),
        prop("repository", r.label(i.repositoryUrl)),
    ],
    [TYPES.s3Bucket]: (i) => [`force destroy ${i.forceDestroy === true ? "on" : "off"}`],
    [TYPES.s3BucketOwnershipControls]: (i) => [prop("object ownership", at(i, "rule.objectOwnership"))],
    [TYPES.s3PublicAccessBlock]: (i) => [
        `block public ACLs/policy ${i.blockPublicAcls}/${i.blockPublicPolicy}, ignore ACLs ${i.ignorePublicAcls}, restrict ${i.restrictPublicBuckets}`,
    ],
    [TYPES.s3BucketEncryption]: (i, r) =>
        list(i.rules).map(
            (rule) =>
                `${at(rule, "applyServerSideEncryptionByDefault.sseAlgorithm")} with ${r.label(at(rule, "applyServerSideEncryptionByDefault.kmsMasterKeyId"))}, bucket key ${at(rule, "bucketKeyEnabled") === true ? "on" : "off"}`,
        ),
    [TYPES.s3BucketVersioning]: (i) => [prop("versioning", at(i, "versioningConfiguration.status"))],
    [TYPES.s3BucketPolicy]: (i, r) => [prop("bucket", r.label(i.bucket)), statements(i.policy)],
    [TYPES.s3ObjectCopy]: (i, r) => [
        prop("key", i.key),
        prop("copied from", i.source),
        prop("only if the source ETag is", i.copyIfMatch),
        prop(
            "encryption",
            i.serverSideEncryption ? `${i.serverSideEncryption} with ${r.label(i.kmsKeyId)}` : undefined,
        ),
    ],
    [TYPES.s3BucketObject]: (i, r) => [
        prop("key", i.key),
        prop(
            "source",
            at(i, "source.path") !== undefined
                ? `${at(i, "source.kind")} ${at(i, "source.path")} (zipped by Pulumi)`
                : undefined,
        ),
        prop(
            "encryption",
            i.serverSideEncryption ? `${i.serverSideEncryption} with ${r.label(i.kmsKeyId)}` : undefined,
        ),
    ],
    [TYPES.snsTopic]: (i, r) => [prop("name", i.name), prop("kms key", refs(i.kmsMasterKeyId, r))],
    [TYPES.snsTopicPolicy]: (i, r) => [prop("topic", r.label(i.arn)), statements(i.policy)],
    [TYPES.snsTopicSubscription]: (i, r) => [`${i.protocol} ${i.endpoint}`, prop("topic", r.label(i.topic))],
    [TYPES.metricAlarm]: (i, r, resource) => [
        prop("name", i.name === resource.name ? undefined : i.name),
        `metric: ${alarmMetric(i)}`,
        `alarm when: ${alarmCondition(i)}`,
        prop("missing data", i.treatMissingData),
        prop("actions", refs(i.alarmActions, r)),
    ],
    [TYPES.logDeliverySource]: (i, r) => [`${i.logType} of ${r.label(i.resourceArn)}`, prop("name", i.name)],
    [TYPES.logDeliveryDestination]: (i, r) => [
        i.deliveryDestinationType === "XRAY"
            ? "to X-Ray"
            : `to ${r.label(at(i, "deliveryDestinationConfiguration.destinationResourceArn"))}`,
        prop("format", i.outputFormat),
    ],
    [TYPES.logDelivery]: (i, r) => [`${r.label(i.deliverySourceName)} → ${r.label(i.deliveryDestinationArn)}`],
    [TYPES.contributorInsightRule]: (i) => {
        try {
            const rule = JSON.parse(String(i.ruleDefinition)) as Inputs;
            return [
                prop("name", i.ruleName),
                `${rule.AggregateOn} of ${at(rule, "Contribution.ValueOf")} by ${list(at(rule, "Contribution.Keys")).join(", ")}`,
                prop("log groups", list(rule.LogGroupNames).join(", ")),
            ];
        } catch {
            return [prop("name", i.ruleName)];
        }
    },
    [TYPES.queryDefinition]: (i) => [prop("name", i.name), prop("log groups", list(i.logGroupNames).join(", "))],
    [TYPES.logResourcePolicy]: (i) => [prop("name", i.policyName), statements(i.policyDocument)],
    [TYPES.xrayResourcePolicy]: (i) => [prop("name", i.policyName), statements(i.policyDocument)],
    [TYPES.traceSegmentDestination]: (i) => [`X-Ray segments → ${i.destination}`],
    [TYPES.dashboard]: (i) => {
        let widgets: number | undefined;
        try {
            widgets = list((JSON.parse(String(i.dashboardBody)) as Inputs).widgets).length;
        } catch {
            widgets = undefined;
        }
        return [prop("name", i.dashboardName), prop("widgets", widgets)];
    },
};

/** The key properties of a resource, one line each; empty for types without a description. */
export function keyProperties(resource: RecordedResource, references: References): string[] {
    const describe = DESCRIBE[resource.type];
    return describe ? describe(resource.inputs, references, resource).filter((l): l is string => l !== undefined) : [];
}
