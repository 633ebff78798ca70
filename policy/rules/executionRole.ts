/**
 * Which IAM role is an AgentCore runtime execution role: the one whose trust policy lets
 * the AgentCore service principal assume it. Identifying the role by its trust (not by its
 * name) means a renamed or hand-written role is still checked, in either provider.
 */
import { ParsedDocument, parseDocument, servicePrincipals } from "./iamDocument";
import { AGENTCORE_SERVICE_PRINCIPAL, TYPES } from "./types";

/** Where each provider's role keeps its trust policy and its name. */
const ROLE_FIELDS: Readonly<Record<string, { readonly trust: string; readonly name: string }>> = {
    [TYPES.role]: { trust: "assumeRolePolicy", name: "name" },
    [TYPES.nativeRole]: { trust: "assumeRolePolicyDocument", name: "roleName" },
};

export const ROLE_TYPES: readonly string[] = Object.keys(ROLE_FIELDS);

/** A role's trust policy document (string or object), or undefined for other types. */
export function trustPolicyOf(type: string, props: Record<string, unknown>): unknown {
    const fields = ROLE_FIELDS[type];
    return fields ? props[fields.trust] : undefined;
}

/** A role's name as given in its inputs (absent when auto-named, unknown during preview). */
export function roleNameOf(type: string, props: Record<string, unknown>): unknown {
    const fields = ROLE_FIELDS[type];
    return fields ? props[fields.name] : undefined;
}

/** True when an Allow statement of the trust policy names the AgentCore service principal. */
export function trustsAgentCore(trust: ParsedDocument): boolean {
    return (
        trust.kind === "ok" &&
        trust.statements.some(
            (s) => s.effect === "Allow" && servicePrincipals(s.principal).includes(AGENTCORE_SERVICE_PRINCIPAL),
        )
    );
}

/**
 * The Sid of the Instances operator role's one trust statement (src/compute/documents.ts).
 * That role is trusted by AgentCore too, but it operates EC2 capacity, not the agent: it
 * carries the AWS managed operator policy and only aws:SourceAccount (which SourceArn the
 * service presents is unconfirmed). Only a role whose every Allow statement has this Sid is
 * an operator role, so an execution role cannot opt out by adding one statement.
 */
export const OPERATOR_TRUST_SID = "AgentCoreInstancesOperator";

export function isOperatorRole(type: string, props: Record<string, unknown>): boolean {
    const trust = parseDocument(trustPolicyOf(type, props));
    if (ROLE_FIELDS[type] === undefined || trust.kind !== "ok") {
        return false;
    }
    const allows = trust.statements.filter((s) => s.effect === "Allow");
    return allows.length > 0 && allows.every((s) => s.label === `statement "${OPERATOR_TRUST_SID}"`);
}

/** True when a role (either provider) trusts AgentCore, which makes it an execution role. */
export function isExecutionRole(type: string, props: Record<string, unknown>): boolean {
    return (
        ROLE_FIELDS[type] !== undefined &&
        trustsAgentCore(parseDocument(trustPolicyOf(type, props))) &&
        !isOperatorRole(type, props)
    );
}
