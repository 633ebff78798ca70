/**
 * Identity policies grant named actions on named resources. Checked documents, per type in
 * IDENTITY_DOCUMENTS: aws.iam.RolePolicy and aws.iam.Policy `policy`, aws.iam.Role
 * `inlinePolicies[].policy`, aws-native iam.RolePolicy and iam.ManagedPolicy
 * `policyDocument`, aws-native iam.Role `policies[].policyDocument`; as JSON strings or
 * objects. Resource-based policies (trust, KMS key, SNS topic) are not identity policies
 * and are not checked here: a key policy's `kms:*` for the account root is how KMS
 * delegates to IAM.
 */
import { ResourceValidationPolicy } from "@pulumi/policy";
import { Statement, normalizeAction, parseDocument, unscopedResourceReason, wildcardActionReason } from "./iamDocument";
import { UNSCOPABLE_ACTIONS } from "../../src/aws/unscopableActions";
import { TYPES } from "./types";
import { describe, isUnknown, list, plainProps, record } from "./values";

/**
 * The only actions that may be granted on Resource "*" (no ARN can scope them): the
 * program's own list, which its execution role grants on "*".
 */
export { UNSCOPABLE_ACTIONS };
const UNSCOPABLE = new Set(UNSCOPABLE_ACTIONS.map(normalizeAction));

function statementProblems(s: Statement): string[] {
    if (s.effect !== "Allow") {
        // A Deny with wildcards only takes away; an unknown effect cannot be judged yet.
        return [];
    }
    const problems: string[] = [];
    if (s.notAction) {
        // The NotAction values are exclusions: whatever they are, everything else is granted.
        problems.push(
            `${s.label} allows NotAction, which grants every other action of every service: list the needed actions in Action instead`,
        );
    } else {
        for (const action of s.actions) {
            const reason = wildcardActionReason(action);
            if (reason) {
                problems.push(
                    `${s.label} allows the wildcard action "${action as string}" (${reason}): list the specific actions the workload calls (e.g. "ecr:BatchGetImage")`,
                );
            }
        }
    }
    if (s.notResource) {
        problems.push(
            `${s.label} uses NotResource, which grants on every other resource: list the resource ARNs in Resource instead`,
        );
        return problems;
    }
    // Unknown resources and actions (preview) are judged at the update, when they are known.
    const unscoped = s.resources.flatMap((r) => {
        const reason = unscopedResourceReason(r);
        return reason ? [{ resource: r as string, reason }] : [];
    });
    const scopable = s.notAction
        ? []
        : s.actions.filter(
              (a) =>
                  typeof a === "string" && wildcardActionReason(a) === undefined && !UNSCOPABLE.has(normalizeAction(a)),
          );
    if (unscoped.length > 0 && scopable.length > 0) {
        const where = unscoped.map((u) => (u.resource === "*" ? `"*"` : `"${u.resource}" (${u.reason})`)).join(", ");
        problems.push(
            `${s.label} grants ${scopable.map((a) => `"${a as string}"`).join(", ")} on Resource ${where}: scope Resource to the ARNs used, with partition, service, region and account spelled out (only ${UNSCOPABLE_ACTIONS.join(", ")} may use "*" or such an ARN, and belong in their own statement)`,
        );
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
            return [
                `${where} ${parsed.reason}: pass a JSON policy document (JSON.stringify or pulumi.jsonStringify of { Version, Statement })`,
            ];
        case "ok":
            return parsed.statements.flatMap(statementProblems).map((p) => `${where} ${p}`);
    }
}

type Located = { where: string; document: unknown };

/** One document property. */
const single =
    (field: string) =>
    (props: Record<string, unknown>): Located[] => [{ where: field, document: props[field] }];

/** A list of named inline policies (`inlinePolicies[i] ("name")`); an unknown list is judged at the update. */
const inline =
    (field: string, nameField: string, documentField: string) =>
    (props: Record<string, unknown>): Located[] => {
        const policies = props[field];
        if (isUnknown(policies)) {
            return [];
        }
        return list(policies).map((p, i) => {
            const entry = record(p);
            const name = typeof entry?.[nameField] === "string" ? ` ("${entry[nameField] as string}")` : "";
            return { where: `${field}[${i}]${name}`, document: entry?.[documentField] };
        });
    };

/** Where each resource type keeps its identity policy documents. */
const IDENTITY_DOCUMENTS: Readonly<Record<string, (props: Record<string, unknown>) => Located[]>> = {
    [TYPES.rolePolicy]: single("policy"),
    [TYPES.policy]: single("policy"),
    [TYPES.role]: inline("inlinePolicies", "name", "policy"),
    [TYPES.nativeRolePolicy]: single("policyDocument"),
    [TYPES.nativeManagedPolicy]: single("policyDocument"),
    [TYPES.nativeRole]: inline("policies", "policyName", "policyDocument"),
};

export const IDENTITY_POLICY_TYPES: readonly string[] = Object.keys(IDENTITY_DOCUMENTS);

/** Every identity policy document a resource carries, with where it sits. */
export function identityDocuments(type: string, props: Record<string, unknown>): Located[] {
    return IDENTITY_DOCUMENTS[type]?.(props) ?? [];
}

export const iamLeastPrivilege: ResourceValidationPolicy = {
    name: "iam-no-wildcard-permissions",
    description:
        'IAM identity policies (aws and aws-native) grant no "*", "service:*" or iam/sts/kms wildcard actions, and "*" or wildcard-account/region/service ARNs only to actions that cannot be scoped.',
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
