/**
 * Checks recorded resources (src/plan/offline/mocks.ts) against the limits table
 * (src/aws/limits.ts): tags, names, document sizes, a role's inline policies together.
 * Returns one line per breach, naming the resource, the limit and the value; [] when all fit.
 */
import { RecordedResource } from "../plan/offline/mocks";
import { NAME_LIMITS, POLICY_INPUTS, POLICY_SIZE_LIMITS, TAG_LIMITS } from "./limits";

const S3_OBJECT = "aws:s3/bucketObjectv2:BucketObjectv2";
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

export function limitBreaches(resources: readonly RecordedResource[]): string[] {
    const out: string[] = [];
    const inlineByRole = new Map<string, number>();
    for (const r of resources) {
        if (!r.custom) {
            continue;
        }
        const where = `${r.type} ${r.name}`;
        const pairs = tagPairs(r.inputs.tags);
        const maxTags = r.type === S3_OBJECT ? TAG_LIMITS.perS3Object : TAG_LIMITS.perResource;
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
    for (const [role, size] of inlineByRole) {
        if (size > POLICY_SIZE_LIMITS.roleInlinePolicies) {
            out.push(
                `role ${role}: inline policies are ${size} characters together, at most ${POLICY_SIZE_LIMITS.roleInlinePolicies}`,
            );
        }
    }
    return out;
}
