/**
 * The execution role carries only its own inline policy: no AWS managed or customer managed
 * policies. Managed policies are shared, change outside this stack (AWS edits its own), and
 * are broader than the runtime needs. Several places can attach one:
 * - the role itself (`managedPolicyArns`, in both providers): checked per resource;
 * - another resource naming the role (aws.iam.RolePolicyAttachment / RolePolicyAttachmentsExclusive
 *   / PolicyAttachment, aws-native iam.ManagedPolicy `roles`): checked over the whole stack,
 *   linking it to the execution role by role name (or by a property dependency on the role).
 */
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { problemRule } from "./rule";
import { isExecutionRole, roleNameOf } from "./executionRole";
import { TYPES } from "./types";
import { describe, isUnknown, list, plainProps, showValue } from "./values";

const FIX = "grant what the runtime needs in the role's inline policy (aws.iam.RolePolicy) instead";

/**
 * Managed policies listed on an execution role's own `managedPolicyArns`. A list of known
 * length is judged even when its ARNs are unknown (a policy created in the same preview):
 * whichever policy it is, the role must not have one.
 */
export function roleManagedPolicyProblems(type: string, props: Record<string, unknown>): string[] {
    if (!isExecutionRole(type, props) || isUnknown(props.managedPolicyArns)) {
        return [];
    }
    const arns = list(props.managedPolicyArns);
    return arns.length === 0
        ? []
        : [
              `is an AgentCore execution role with managedPolicyArns ${showValue(arns)}: remove managedPolicyArns and ${FIX}`,
          ];
}

export const executionRoleNoManagedPolicies = problemRule({
    name: "agentcore-execution-role-no-managed-policies",
    description: "The AgentCore execution role (aws or aws-native) lists no managedPolicyArns.",
    severity: "high",
    problems: roleManagedPolicyProblems,
});

interface Attachment {
    /** The properties that name roles (for property dependencies too). */
    readonly roleFields: readonly string[];
    /** What is attached, as the message shows it. */
    readonly attaches: (props: Record<string, unknown>) => string;
}

const arnsOf = (field: string) => (props: Record<string, unknown>) => list(props[field]).map(showValue).join(", ");

/** Each resource type that attaches managed policies to roles. */
const ATTACHMENTS: Readonly<Record<string, Attachment>> = {
    [TYPES.rolePolicyAttachment]: { roleFields: ["role"], attaches: arnsOf("policyArn") },
    [TYPES.rolePolicyAttachmentsExclusive]: { roleFields: ["roleName"], attaches: arnsOf("policyArns") },
    [TYPES.policyAttachment]: { roleFields: ["roles"], attaches: arnsOf("policyArn") },
    // A CloudFormation managed policy attaches itself to the roles it lists.
    [TYPES.nativeManagedPolicy]: { roleFields: ["roles"], attaches: () => "itself (a customer managed policy)" },
};

export const executionRoleNoAttachedPolicies: StackValidationPolicy = {
    name: "agentcore-execution-role-no-policy-attachments",
    description:
        "No RolePolicyAttachment, RolePolicyAttachmentsExclusive, PolicyAttachment or aws-native ManagedPolicy attaches a managed policy to the AgentCore execution role.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateStack: (args, reportViolation) => {
        const executionRoles = args.resources.filter((r) => isExecutionRole(r.type, plainProps(r.props)));
        const byName = new Map<string, PolicyResource>();
        for (const role of executionRoles) {
            const name = roleNameOf(role.type, plainProps(role.props));
            if (typeof name === "string") {
                byName.set(name, role);
            }
        }
        for (const resource of args.resources) {
            const attachment = ATTACHMENTS[resource.type];
            if (!attachment) {
                continue;
            }
            const props = plainProps(resource.props);
            const roles = attachment.roleFields.flatMap((field) => list(props[field]));
            const dependencies = attachment.roleFields.flatMap((field) => resource.propertyDependencies[field] ?? []);
            const named = roles
                .map((r) => (typeof r === "string" ? byName.get(r) : undefined))
                .find((r) => r !== undefined);
            const role = named ?? executionRoles.find((r) => dependencies.includes(r));
            const attaches = attachment.attaches(props);
            if (!role || attaches === "") {
                continue;
            }
            reportViolation(
                `${describe(resource.type, resource.name)} attaches ${attaches} to the AgentCore execution role ${describe(role.type, role.name)}: delete the attachment and ${FIX}.`,
                resource.urn,
            );
        }
    },
};
