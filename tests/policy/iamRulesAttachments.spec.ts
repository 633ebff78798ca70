/**
 * agentcore-execution-role-no-policy-attachments while the role's name is unknown: the
 * attachment is linked to the execution role by its property dependency on the role
 * (the engine's propertyDependencies), and only through the property that names roles.
 */
import { expect } from "chai";
import { StackValidationPolicy } from "@pulumi/policy";
import { executionRoleNoAttachedPolicies } from "../../policy/rules/executionRoleManagedPolicies";
import { stackArgs } from "../../src/plan/offline/evaluate";
import { recordedResource } from "../recordedResource";
import { UNKNOWN_STRING } from "./unknowns";

const trust = JSON.stringify({
    Version: "2012-10-17",
    Statement: [
        {
            Effect: "Allow",
            Principal: { Service: "bedrock-agentcore.amazonaws.com" },
            Action: "sts:AssumeRole",
        },
    ],
});
const role = recordedResource("aws:iam/role:Role", "exec", { assumeRolePolicy: trust });
const attachment = recordedResource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "att", {
    role: UNKNOWN_STRING,
    policyArn: "arn:aws:iam::aws:policy/AmazonS3FullAccess",
});

/** The messages for role + attachment, the attachment's property dependencies set as the engine sets them. */
function found(field: string | undefined): string[] {
    const args = stackArgs([role, attachment]);
    const [execRole, att] = args.resources;
    if (field) {
        att.propertyDependencies = { [field]: [execRole] };
    }
    const messages: string[] = [];
    (executionRoleNoAttachedPolicies as StackValidationPolicy).validateStack(args, (m) => messages.push(m));
    return messages;
}

describe("policy agentcore-execution-role-no-policy-attachments: by property dependency", () => {
    it("links an attachment whose role is unknown to the execution role it depends on through `role`", () => {
        expect(found("role")).to.deep.equal([
            'RolePolicyAttachment "att" attaches "arn:aws:iam::aws:policy/AmazonS3FullAccess" to the AgentCore execution role Role "exec": delete the attachment and grant what the runtime needs in the role\'s inline policy (aws.iam.RolePolicy) instead.',
        ]);
    });

    it("near misses: no dependency, or one through another property, links nothing", () => {
        expect(found(undefined)).to.deep.equal([]);
        expect(found("policyArn")).to.deep.equal([]);
    });
});
