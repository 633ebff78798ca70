/**
 * The execution role trusts only the AgentCore service, and only on behalf of our own
 * account and runtimes (the AWS-documented confused-deputy protection): every Allow
 * statement has principal `bedrock-agentcore.amazonaws.com` alone, action `sts:AssumeRole`,
 * `StringEquals aws:SourceAccount` and `ArnLike aws:SourceArn` on bedrock-agentcore ARNs of
 * one region and one 12-digit account (AWS documents `arn:aws:bedrock-agentcore:<region>:<account>:*`).
 */
import { Statement, conditionValues, normalizeAction, parseDocument, servicePrincipals } from "./iamDocument";
import { problemRule } from "./rule";
import { ROLE_TYPES, isOperatorRole, trustPolicyOf, trustsAgentCore } from "./executionRole";
import { AGENTCORE_SERVICE_PRINCIPAL } from "./types";
import { isUnknown, record, showValue } from "./values";

const SOURCE_ACCOUNT_OPERATORS = ["StringEquals"];
const SOURCE_ARN_OPERATORS = ["ArnLike", "ArnEquals", "StringLike", "StringEquals"];

function principalProblems(s: Statement): string[] {
    if (isUnknown(s.principal)) {
        return [];
    }
    const principal = record(s.principal);
    const others: string[] = [];
    if (!principal) {
        others.push(showValue(s.principal));
    } else {
        for (const [kind, value] of Object.entries(principal)) {
            if (kind !== "Service") {
                // Any other principal kind is a second principal, whatever its (maybe unknown) value.
                others.push(`${kind} ${showValue(value)}`);
            }
        }
        others.push(
            ...servicePrincipals(principal)
                .filter((svc) => svc !== AGENTCORE_SERVICE_PRINCIPAL)
                .map((svc) => `Service "${svc}"`),
        );
    }
    return others.length === 0
        ? []
        : [
              `${s.label} also trusts ${others.join(", ")}: make Principal { Service: "${AGENTCORE_SERVICE_PRINCIPAL}" } the only principal and give other callers their own role`,
          ];
}

function actionProblems(s: Statement): string[] {
    if (s.notAction) {
        return [`${s.label} uses NotAction, which allows every other action: use Action "sts:AssumeRole"`];
    }
    const extra = s.actions.filter(
        (a) => !isUnknown(a) && (typeof a !== "string" || normalizeAction(a) !== "sts:assumerole"),
    );
    return extra.length === 0
        ? []
        : [`${s.label} allows ${extra.map((a) => JSON.stringify(a)).join(", ")}: allow only "sts:AssumeRole"`];
}

function conditionProblems(s: Statement, operator = false): string[] {
    if (isUnknown(s.condition)) {
        return [];
    }
    const problems: string[] = [];
    const account = conditionValues(s.condition, SOURCE_ACCOUNT_OPERATORS, "aws:SourceAccount");
    const accountOk =
        account !== undefined &&
        account.length > 0 &&
        account.every((v) => isUnknown(v) || (typeof v === "string" && /^\d{12}$/.test(v)));
    if (!accountOk) {
        problems.push(
            `${s.label} has no StringEquals "aws:SourceAccount" condition with the 12-digit account ID: add Condition.StringEquals["aws:SourceAccount"] = <this account ID>`,
        );
    }
    if (operator) {
        // The Instances operator role: which aws:SourceArn AgentCore presents is unconfirmed,
        // so aws:SourceAccount is its confused-deputy condition (docs/instances.md).
        return problems;
    }
    const arns = conditionValues(s.condition, SOURCE_ARN_OPERATORS, "aws:SourceArn");
    const arnsOk =
        arns !== undefined &&
        arns.length > 0 &&
        arns.every(
            (v) =>
                isUnknown(v) || (typeof v === "string" && /^arn:[^:]+:bedrock-agentcore:[a-z0-9-]+:\d{12}:.+$/.test(v)),
        );
    if (!arnsOk) {
        problems.push(
            `${s.label} has no ArnLike "aws:SourceArn" condition on bedrock-agentcore ARNs of one account: add Condition.ArnLike["aws:SourceArn"] = "arn:aws:bedrock-agentcore:<region>:<account>:*" (the form AWS documents)`,
        );
    }
    return problems;
}

/** What is wrong with an execution role's trust policy; empty for any other role or type. */
export function executionRoleTrustProblems(type: string, props: Record<string, unknown>): string[] {
    const trust = parseDocument(trustPolicyOf(type, props));
    if (trust.kind !== "ok" || !trustsAgentCore(trust)) {
        return [];
    }
    return trust.statements
        .filter((s) => s.effect === "Allow")
        .flatMap((s) => [
            ...principalProblems(s),
            ...actionProblems(s),
            ...conditionProblems(s, isOperatorRole(type, props)),
        ]);
}

export const executionRoleTrust = problemRule({
    name: "agentcore-execution-role-trust",
    description:
        "The AgentCore execution role (the aws or aws-native role trusting bedrock-agentcore.amazonaws.com) trusts only that service, with aws:SourceAccount and aws:SourceArn conditions; the Instances operator role (also trusting it) with aws:SourceAccount at least.",
    severity: "critical",
    types: ROLE_TYPES,
    problems: (type, props) =>
        executionRoleTrustProblems(type, props).map(
            (p) =>
                `is an AgentCore ${isOperatorRole(type, props) ? "Instances operator" : "execution"} role whose trust ${p}`,
        ),
});
