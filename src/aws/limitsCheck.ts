/**
 * Checks recorded resources (src/plan/offline/mocks.ts) against the limits table
 * (src/aws/limits.ts): tags, names, document sizes, a role's inline policies together, rules
 * per security group (per direction and address family), metrics per metric-math alarm, keys
 * per Contributor Insights rule. Returns one line per breach, naming the resource, the limit
 * and the value; [] when all fit.
 */
import { RecordedResource } from "../plan/offline/mocks";
import {
    CAPACITY_PROVIDER_VOLUME_NAME,
    COUNT_LIMITS,
    NAME_LIMITS,
    POLICY_INPUTS,
    POLICY_SIZE_LIMITS,
    TAG_LIMITS,
} from "./limits";
import { TYPES } from "./tokens";

/** S3 objects (an upload and a copy): 10 tags each, not 50. */
const S3_OBJECTS: readonly string[] = [TYPES.s3BucketObject, TYPES.s3ObjectCopy];
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";

/** Tags as key/value pairs, from a map (aws) or a list of {key, value} (aws-native). */
function tagPairs(tags: unknown): [string, string][] {
    if (Array.isArray(tags)) {
        return tags.map((t: Record<string, unknown>) => [String(t.key ?? t.Key), String(t.value ?? t.Value ?? "")]);
    }
    if (tags && typeof tags === "object") {
        return Object.entries(tags as Record<string, unknown>).map(([k, v]) => [k, String(v)]);
    }
    return [];
}

function text(value: unknown): string | undefined {
    if (typeof value === "string") {
        return value;
    }
    return value === undefined || value === null ? undefined : JSON.stringify(value);
}

function list(value: unknown): unknown[] {
    return Array.isArray(value) ? value : [];
}

function parsed(value: unknown): unknown {
    if (typeof value !== "string") {
        return value;
    }
    try {
        return JSON.parse(value);
    } catch {
        return undefined;
    }
}

/**
 * The rules an inline `ingress`/`egress` entry of a security group stands for: AWS counts one
 * per CIDR, referenced group and prefix list (weight 1 for the S3 list this program names),
 * and the IPv6 ones apart from the IPv4 ones.
 */
function inlineRuleCounts(entry: Record<string, unknown>): { ipv4: number; ipv6: number } {
    const ipv4 =
        list(entry.cidrBlocks).length +
        list(entry.securityGroups).length +
        list(entry.prefixListIds).length +
        (entry.self === true ? 1 : 0);
    return { ipv4, ipv6: list(entry.ipv6CidrBlocks).length };
}

/** Counts rules per security group, direction and address family, and reports the groups over the quota. */
function securityGroupRuleBreaches(resources: readonly RecordedResource[]): string[] {
    const counts = new Map<string, number>();
    const add = (group: string, direction: string, family: string, n: number) => {
        const key = `${group}\u0000${direction}\u0000${family}`;
        counts.set(key, (counts.get(key) ?? 0) + n);
    };
    for (const r of resources) {
        if (r.type === TYPES.ingressRule || r.type === TYPES.egressRule) {
            const direction = r.type === TYPES.ingressRule ? "inbound" : "outbound";
            const family = r.inputs.cidrIpv6 !== undefined ? "IPv6" : "IPv4";
            add(String(r.inputs.securityGroupId), direction, family, 1);
        } else if (r.type === TYPES.securityGroupRule) {
            const direction = r.inputs.type === "ingress" ? "inbound" : "outbound";
            const ipv6 = list(r.inputs.ipv6CidrBlocks).length;
            const ipv4 =
                list(r.inputs.cidrBlocks).length +
                list(r.inputs.prefixListIds).length +
                (r.inputs.sourceSecurityGroupId !== undefined || r.inputs.self === true ? 1 : 0);
            add(String(r.inputs.securityGroupId), direction, "IPv4", ipv4);
            add(String(r.inputs.securityGroupId), direction, "IPv6", ipv6);
        } else if (r.type === TYPES.securityGroup || r.type === TYPES.defaultSecurityGroup) {
            for (const [input, direction] of [
                ["ingress", "inbound"],
                ["egress", "outbound"],
            ] as const) {
                for (const entry of list(r.inputs[input])) {
                    const { ipv4, ipv6 } = inlineRuleCounts(entry as Record<string, unknown>);
                    add(`${r.type} ${r.name}`, direction, "IPv4", ipv4);
                    add(`${r.type} ${r.name}`, direction, "IPv6", ipv6);
                }
            }
        }
    }
    const out: string[] = [];
    for (const [key, n] of counts) {
        if (n > COUNT_LIMITS.rulesPerSecurityGroup) {
            const [group, direction, family] = key.split("\u0000");
            out.push(
                `security group ${group}: ${n} ${direction} ${family} rules, at most ${COUNT_LIMITS.rulesPerSecurityGroup}`,
            );
        }
    }
    return out;
}

/** Metric-math alarms: the queries that fetch a metric (`metric`), at most 10 per alarm. */
function alarmMetricBreach(r: RecordedResource): string | undefined {
    const metrics = list(r.inputs.metricQueries).filter(
        (q) => typeof q === "object" && q !== null && (q as Record<string, unknown>).metric !== undefined,
    ).length;
    return metrics > COUNT_LIMITS.metricsPerAlarm
        ? `${r.type} ${r.name}: ${metrics} metrics in one alarm, at most ${COUNT_LIMITS.metricsPerAlarm}`
        : undefined;
}

/** Contributor Insights rules: `Contribution.Keys` of the rule definition, at most 4. */
function insightRuleKeyBreach(r: RecordedResource): string | undefined {
    const definition = parsed(r.inputs.ruleDefinition) as { Contribution?: { Keys?: unknown } } | undefined;
    const keys = list(definition?.Contribution?.Keys).length;
    return keys > COUNT_LIMITS.keysPerContributorInsightsRule
        ? `${r.type} ${r.name}: ${keys} keys, at most ${COUNT_LIMITS.keysPerContributorInsightsRule}`
        : undefined;
}

/** Capacity provider volumes: at most 5, each 1-65,536 GiB with a name a runtime can mount. */
function capacityProviderVolumeBreaches(r: RecordedResource): string[] {
    const compute = r.inputs.computeConfiguration as { ec2Configuration?: { volumes?: unknown } } | undefined;
    const volumes = list(compute?.ec2Configuration?.volumes);
    const out: string[] = [];
    if (volumes.length > COUNT_LIMITS.volumesPerCapacityProvider) {
        out.push(`${r.type} ${r.name}: ${volumes.length} volumes, at most ${COUNT_LIMITS.volumesPerCapacityProvider}`);
    }
    volumes.forEach((v, i) => {
        const ebs = (v as { ebsConfiguration?: { name?: unknown; sizeGiB?: unknown } }).ebsConfiguration ?? {};
        const size = Number(ebs.sizeGiB);
        if (!Number.isInteger(size) || size < COUNT_LIMITS.volumeMinGiB || size > COUNT_LIMITS.volumeMaxGiB) {
            out.push(
                `${r.type} ${r.name}: volumes[${i}] sizeGiB ${String(ebs.sizeGiB)}, from ${COUNT_LIMITS.volumeMinGiB} to ${COUNT_LIMITS.volumeMaxGiB}`,
            );
        }
        if (typeof ebs.name !== "string" || !CAPACITY_PROVIDER_VOLUME_NAME.test(ebs.name)) {
            out.push(
                `${r.type} ${r.name}: volumes[${i}] name ${JSON.stringify(ebs.name)} breaks ${CAPACITY_PROVIDER_VOLUME_NAME.source}`,
            );
        }
    });
    return out;
}

export function limitBreaches(resources: readonly RecordedResource[]): string[] {
    const out: string[] = [];
    const inlineByRole = new Map<string, number>();
    for (const r of resources) {
        if (!r.custom) {
            continue;
        }
        const countBreach =
            r.type === TYPES.metricAlarm
                ? alarmMetricBreach(r)
                : r.type === TYPES.contributorInsightRule
                  ? insightRuleKeyBreach(r)
                  : undefined;
        if (countBreach) {
            out.push(countBreach);
        }
        if (r.type === TYPES.nativeCapacityProvider) {
            out.push(...capacityProviderVolumeBreaches(r));
        }
        const where = `${r.type} ${r.name}`;
        const pairs = tagPairs(r.inputs.tags);
        const maxTags = S3_OBJECTS.includes(r.type) ? TAG_LIMITS.perS3Object : TAG_LIMITS.perResource;
        if (pairs.length > maxTags) {
            out.push(`${where}: ${pairs.length} tags, at most ${maxTags}`);
        }
        for (const [key, value] of pairs) {
            if (key.length < 1 || key.length > TAG_LIMITS.keyLength || !TAG_LIMITS.text.test(key)) {
                out.push(`${where}: tag key "${key}" breaks 1-${TAG_LIMITS.keyLength} allowed characters`);
            }
            if (key.toLowerCase().startsWith(TAG_LIMITS.reservedKeyPrefix)) {
                out.push(`${where}: tag key "${key}" uses the reserved prefix aws:`);
            }
            if (value.length > TAG_LIMITS.valueLength || !TAG_LIMITS.text.test(value)) {
                out.push(`${where}: tag ${key} value breaks 0-${TAG_LIMITS.valueLength} allowed characters`);
            }
        }
        const nameLimit = NAME_LIMITS[r.type];
        const name = nameLimit ? r.inputs[nameLimit.input] : undefined;
        if (nameLimit && typeof name === "string") {
            if (name.length < nameLimit.min || name.length > nameLimit.max || !nameLimit.pattern.test(name)) {
                out.push(`${where}: ${nameLimit.input} "${name}" breaks ${nameLimit.source}`);
            }
        }
        const policy = POLICY_INPUTS[r.type];
        const document = policy ? text(r.inputs[policy[0]]) : undefined;
        if (policy && document !== undefined && document.length > policy[1]) {
            out.push(`${where}: ${policy[0]} is ${document.length} characters, at most ${policy[1]}`);
        }
        if (r.type === ROLE_POLICY) {
            const role = String(r.inputs.role);
            const size = (text(r.inputs.policy) ?? "").replace(/\s/g, "").length;
            inlineByRole.set(role, (inlineByRole.get(role) ?? 0) + size);
        }
    }
    out.push(...securityGroupRuleBreaches(resources.filter((r) => r.custom)));
    for (const [role, size] of inlineByRole) {
        if (size > POLICY_SIZE_LIMITS.roleInlinePolicies) {
            out.push(
                `role ${role}: inline policies are ${size} characters together, at most ${POLICY_SIZE_LIMITS.roleInlinePolicies}`,
            );
        }
    }
    return out;
}
