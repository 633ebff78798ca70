/**
 * A production runtime answers only to its VPC. Its IAM callers' own policies suffice to
 * invoke it from anywhere, and JWT callers are seen by no IAM or endpoint policy, so the
 * fence is a resource-based policy on the runtime (AgentCore devguide, "Resource-based
 * policies") with a Deny for every principal (`*`) and every runtime invocation action,
 * whose only condition is that the request comes neither from the VPC (aws:SourceVpc) nor
 * through the VPC endpoint (aws:SourceVpce). Any other condition in that Deny (such as
 * aws:ViaAWSService) would narrow it, so it is not accepted.
 *
 * A stack rule: the policy is a resource of its own (aws-native ResourcePolicy, classic
 * AgentcoreResourcePolicy) that names the runtime by ARN. When an ARN is not known yet
 * (first preview), a policy the runtime's ARN flows into (a dependency) counts as targeting
 * it; a policy document not known yet is judged at the update.
 */
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { Statement, normalizeAction, parseDocument } from "./iamDocument";
import { isAnyPrincipal } from "./endpointPolicies";
import { isProduction } from "./productionProtected";
import { RESOURCE_POLICY_TYPES, RUNTIME_INVOKE_ACTIONS, RUNTIME_TYPES } from "./types";
import { describe, isUnknown, plainProps } from "./values";

const FENCE_KEYS = ["aws:sourcevpc", "aws:sourcevpce"];
const FENCE_OPERATORS = ["stringnotequals", "stringnotequalsifexists"];

/** True when `pattern` (an IAM action, possibly with * and ?) matches `action`. */
function actionMatches(pattern: string, action: string): boolean {
    const regex = new RegExp(
        `^${normalizeAction(pattern)
            .replace(/[.+^${}()|[\]\\]/g, "\\$&")
            .replace(/\*/g, ".*")
            .replace(/\?/g, ".")}$`,
    );
    return regex.test(normalizeAction(action));
}

/**
 * True when the statement denies every invocation action to every caller from outside the
 * VPC: Deny, principal `*`, all RUNTIME_INVOKE_ACTIONS, Resource `*` or the runtime's exact ARN
 * (which src/inbound/resourcePolicy.ts writes, as AWS's examples do),
 * and a condition made only of StringNotEquals(IfExists) on aws:SourceVpc / aws:SourceVpce.
 */
export function isVpcFence(s: Statement, runtimeArn: unknown): boolean {
    if (s.effect !== "Deny" || s.notAction || s.notResource || isUnknown(s.principal) || !isAnyPrincipal(s.principal)) {
        return false;
    }
    const patterns = s.actions.filter((a): a is string => typeof a === "string");
    if (!RUNTIME_INVOKE_ACTIONS.every((action) => patterns.some((p) => actionMatches(p, action)))) {
        return false;
    }
    if (!s.resources.some((r) => r === "*" || (typeof runtimeArn === "string" && r === runtimeArn))) {
        return false;
    }
    if (s.condition === undefined || isUnknown(s.condition)) {
        return false;
    }
    const blocks = Object.entries(s.condition);
    return (
        blocks.length > 0 &&
        blocks.every(([operator, block]) => {
            const keys = Object.keys((block as Record<string, unknown>) ?? {}).map((k) => k.toLowerCase());
            return (
                FENCE_OPERATORS.includes(operator.toLowerCase()) &&
                keys.length > 0 &&
                keys.every((k) => FENCE_KEYS.includes(k))
            );
        })
    );
}

/** The policy resources that target a runtime: by ARN, or by dependency while an ARN is unknown. */
function policiesOf(
    runtime: PolicyResource,
    runtimeArn: unknown,
    policies: readonly PolicyResource[],
): PolicyResource[] {
    return policies.filter((policy) => {
        const target = plainProps(policy.props).resourceArn;
        if (typeof target === "string" && typeof runtimeArn === "string") {
            return target === runtimeArn;
        }
        return policy.dependencies.some((d) => d.urn === runtime.urn);
    });
}

export const productionRuntimeVpcOnly: StackValidationPolicy = {
    name: "production-runtime-vpc-only-resource-policy",
    description:
        "In production, every AgentCore runtime (aws and aws-native) has a resource-based policy that denies every invocation from outside the stack's VPC (aws:SourceVpc / aws:SourceVpce).",
    enforcementLevel: "mandatory",
    severity: "critical",
    validateStack: (args, reportViolation) => {
        const policies = args.resources.filter((r) => RESOURCE_POLICY_TYPES.includes(r.type));
        for (const runtime of args.resources.filter((r) => RUNTIME_TYPES.includes(r.type))) {
            const props = plainProps(runtime.props);
            if (!isProduction(runtime.urn, props)) {
                continue;
            }
            const arn = props.agentRuntimeArn;
            const targeting = policiesOf(runtime, arn, policies);
            const documents = targeting.map((p) => parseDocument(plainProps(p.props).policy));
            if (documents.some((d) => d.kind === "unknown")) {
                continue;
            }
            const fenced = documents.some((d) => d.kind === "ok" && d.statements.some((s) => isVpcFence(s, arn)));
            if (!fenced) {
                const found =
                    targeting.length === 0
                        ? "has no resource-based policy"
                        : `has resource-based policies (${targeting.map((p) => p.name).join(", ")}) none of which denies invocation from outside the VPC`;
                reportViolation(
                    `${describe(runtime.type, runtime.name)} is a production runtime that ${found}, so any principal allowed by its own IAM policy (or any valid JWT) invokes it from anywhere: attach a resource policy with a Deny for Principal "*" on ${RUNTIME_INVOKE_ACTIONS.join(", ")} under StringNotEqualsIfExists { aws:SourceVpc: <vpc>, aws:SourceVpce: <bedrock-agentcore endpoint> } (runtimes[i].access: vpc does this).`,
                    runtime.urn,
                );
            }
        }
    },
};
