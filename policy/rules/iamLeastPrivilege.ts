/**
 * Identity policies grant named actions on named resources. Checked documents:
 * aws.iam.RolePolicy `policy`, aws.iam.Policy `policy` and aws.iam.Role `inlinePolicies[].policy`,
 * as JSON strings or objects. Resource-based policies (trust, KMS key, SNS topic) are not
 * identity policies and are not checked here: a key policy's `kms:*` for the account root is
 * how KMS delegates to IAM.
 */
import { ResourceValidationPolicy } from "@pulumi/policy";
import { Statement, isWildcardAction, normalizeAction, parseDocument } from "./iamDocument";
import { TYPES } from "./types";
import { describe, isUnknown, list, plainProps, record } from "./values";

/**
 * The only actions that may be granted on Resource "*": the AWS Service Authorization
 * Reference lists no resource type for any of them, so no ARN could scope them.
 */
export const UNSCOPABLE_ACTIONS: readonly string[] = [
    // Registry login token for image pulls; the token is account-wide.
    "ecr:GetAuthorizationToken",
    // X-Ray trace and sampling calls have no resource types.
    "xray:PutTraceSegments",
    "xray:PutTelemetryRecords",
    "xray:GetSamplingRules",
    "xray:GetSamplingTargets",
    // Metrics have no ARN; scope it with a cloudwatch:namespace condition instead.
    "cloudwatch:PutMetricData",
];
const UNSCOPABLE = new Set(UNSCOPABLE_ACTIONS.map(normalizeAction));

function statementProblems(s: Statement): string[] {
    if (s.effect !== "Allow") {
        // A Deny with wildcards only takes away; an unknown effect cannot be judged yet.
        return [];
    }
    const problems: string[] = [];
    if (s.notAction) {
        // The NotAction values are exclusions: whatever they are, everything else is granted.
        problems.push(`${s.label} allows NotAction, which grants every other action of every service: list the needed actions in Action instead`);
    } else {
        for (const action of s.actions.filter(isWildcardAction)) {
            problems.push(`${s.label} allows the wildcard action "${action}": list the specific actions the workload calls (e.g. "ecr:BatchGetImage")`);
        }
    }
    if (s.notResource) {
        problems.push(`${s.label} uses NotResource, which grants on every other resource: list the resource ARNs in Resource instead`);
    } else if (s.resources.some((r) => typeof r === "string" && r.trim() === "*")) {
        const scopable = s.notAction
            ? []
            : s.actions.filter((a) => typeof a === "string" && !isWildcardAction(a) && !UNSCOPABLE.has(normalizeAction(a)));
        if (scopable.length > 0) {
            problems.push(
                `${s.label} grants ${scopable.map((a) => `"${a}"`).join(", ")} on Resource "*": scope Resource to the ARNs used (only ${UNSCOPABLE_ACTIONS.join(", ")} may use "*", and belong in their own statement)`,
            );
        }
    }
    return problems;
}

/** What is wrong with one policy document; `where` names the property it came from. */
export function documentProblems(where: string, document: unknown): string[] {
    const parsed = parseDocument(document);
    switch (parsed.kind) {
        case "missing":
        case "unknown":
            return [];
        case "invalid":
            return [`${where} ${parsed.reason}: pass a JSON policy document (JSON.stringify or pulumi.jsonStringify of { Version, Statement })`];
        case "ok":
            return parsed.statements.flatMap(statementProblems).map((p) => `${where} ${p}`);
    }
}

/** Every identity policy document a resource carries, with where it sits. */
export function identityDocuments(type: string, props: Record<string, unknown>): { where: string; document: unknown }[] {
    switch (type) {
        case TYPES.rolePolicy:
        case TYPES.policy:
            return [{ where: "policy", document: props.policy }];
        case TYPES.role:
            if (isUnknown(props.inlinePolicies)) {
                return [];
            }
            return list(props.inlinePolicies).map((p, i) => {
                const inline = record(p);
                const name = typeof inline?.name === "string" ? ` ("${inline.name}")` : "";
                return { where: `inlinePolicies[${i}]${name}`, document: inline?.policy };
            });
        default:
            return [];
    }
}

export const iamLeastPrivilege: ResourceValidationPolicy = {
    name: "iam-no-wildcard-permissions",
    description:
        'IAM identity policies (RolePolicy, Policy, Role inlinePolicies) grant no "*" or "service:*" actions, and Resource "*" only to actions that cannot be scoped.',
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: (args, reportViolation) => {
        const props = plainProps(args.props);
        for (const { where, document } of identityDocuments(args.type, props)) {
            for (const problem of documentProblems(where, document)) {
                reportViolation(`${describe(args.type, args.name)} ${problem}.`);
            }
        }
    },
};
