/**
 * Which IAM role is an AgentCore runtime execution role: the one whose trust policy lets
 * the AgentCore service principal assume it. Identifying the role by its trust (not by its
 * name) means a renamed or hand-written role is still checked.
 */
import { ParsedDocument, parseDocument, servicePrincipals } from "./iamDocument";
import { AGENTCORE_SERVICE_PRINCIPAL } from "./types";

/** True when an Allow statement of the trust policy names the AgentCore service principal. */
export function trustsAgentCore(trust: ParsedDocument): boolean {
    return (
        trust.kind === "ok" &&
        trust.statements.some((s) => s.effect === "Allow" && servicePrincipals(s.principal).includes(AGENTCORE_SERVICE_PRINCIPAL))
    );
}

/** True when a role's `assumeRolePolicy` (string or object) makes it an execution role. */
export function isExecutionRole(props: Record<string, unknown>): boolean {
    return trustsAgentCore(parseDocument(props.assumeRolePolicy));
}
