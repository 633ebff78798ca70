/**
 * The execution role carries only its own inline policy: no AWS managed or customer managed
 * policies. Managed policies are shared, change outside this stack (AWS edits its own), and
 * are broader than the runtime needs. Two places can attach one:
 * - the role itself (`managedPolicyArns`): checked per resource;
 * - a separate aws.iam.RolePolicyAttachment / RolePolicyAttachmentsExclusive / PolicyAttachment
 *   naming the role: checked over the whole stack, linking the attachment to the execution
 *   role by role name (or by the attachment's property dependency on the role).
 */
import { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { isExecutionRole } from "./executionRole";
import { TYPES } from "./types";
import { describe, isUnknown, list, plainProps } from "./values";

const FIX = "grant what the runtime needs in the role's inline policy (aws.iam.RolePolicy) instead";

/** Managed policies listed on an execution role's own `managedPolicyArns`. */
export function roleManagedPolicyProblems(props: Record<string, unknown>): string[] {
    if (!isExecutionRole(props) || isUnknown(props.managedPolicyArns)) {
        return [];
    }
    const arns = list(props.managedPolicyArns);
    return arns.length === 0 ? [] : [`is an AgentCore execution role with managedPolicyArns ${JSON.stringify(arns)}: remove managedPolicyArns and ${FIX}`];
}

export const executionRoleNoManagedPolicies: ResourceValidationPolicy = {
    name: "agentcore-execution-role-no-managed-policies",
    description: "The AgentCore execution role lists no managedPolicyArns.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: (args, reportViolation) => {
        if (args.type !== TYPES.role) {
            return;
        }
        for (const problem of roleManagedPolicyProblems(plainProps(args.props))) {
            reportViolation(`${describe(args.type, args.name)} ${problem}.`);
        }
    },
};

/** The role names an attachment resource attaches managed policies to, with the policies. */
function attachmentTargets(resource: PolicyResource, props: Record<string, unknown>): { roles: unknown[]; policies: unknown[] } {
    switch (resource.type) {
        case TYPES.rolePolicyAttachment:
            return { roles: [props.role], policies: [props.policyArn] };
        case TYPES.rolePolicyAttachmentsExclusive:
            return { roles: [props.roleName], policies: list(props.policyArns) };
        case TYPES.policyAttachment:
            return { roles: list(props.roles), policies: [props.policyArn] };
        default:
            return { roles: [], policies: [] };
    }
}

export const executionRoleNoAttachedPolicies: StackValidationPolicy = {
    name: "agentcore-execution-role-no-policy-attachments",
    description: "No RolePolicyAttachment, RolePolicyAttachmentsExclusive or PolicyAttachment attaches a managed policy to the AgentCore execution role.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateStack: (args, reportViolation) => {
        const executionRoles = args.resources.filter((r) => r.type === TYPES.role && isExecutionRole(plainProps(r.props)));
        const byName = new Map<string, PolicyResource>();
        for (const role of executionRoles) {
            const name = plainProps(role.props).name;
            if (typeof name === "string") {
                byName.set(name, role);
            }
        }
        for (const resource of args.resources) {
            const props = plainProps(resource.props);
            const { roles, policies } = attachmentTargets(resource, props);
            const dependsOnRole = executionRoles.find((role) => [...(resource.propertyDependencies.role ?? []), ...(resource.propertyDependencies.roleName ?? [])].includes(role));
            const named = roles.map((r) => (typeof r === "string" ? byName.get(r) : undefined)).find((r) => r !== undefined);
            const role = named ?? (roles.length > 0 ? dependsOnRole : undefined);
            if (!role || policies.length === 0) {
                continue;
            }
            reportViolation(
                `${describe(resource.type, resource.name)} attaches ${policies.map((p) => JSON.stringify(p)).join(", ")} to the AgentCore execution role ${describe(role.type, role.name)}: delete the attachment and ${FIX}.`,
                resource.urn,
            );
        }
    },
};
