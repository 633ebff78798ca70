/**
 * Runs the project's CrossGuard rules (src/plan/offline/evaluate.ts) over a plan's resources, the
 * same rules `pulumi preview --policy-pack policy` enforces. The pack's own server
 * (`new PolicyPack`) is never started here.
 */
import { PACK_NAME } from "../../policy/policies";
import { Violation, evaluatePolicies, isBlocking } from "./offline/evaluate";
import { RecordedResource } from "./offline/mocks";

export interface PolicyFinding {
    readonly policy: string;
    /** advisory, mandatory, … as the rule states it. */
    readonly level: string;
    /** True when the finding would fail `pulumi preview` (a mandatory rule). */
    readonly blocking: boolean;
    /** The resource the finding is about: `<type> <name>`, or `(stack)` for stack-wide findings. */
    readonly resource: string;
    readonly message: string;
}

export interface PolicyReport {
    readonly pack: string;
    readonly findings: readonly PolicyFinding[];
}

export function toFinding(v: Violation): PolicyFinding {
    return {
        policy: v.policyName,
        level: v.enforcementLevel,
        blocking: isBlocking(v),
        resource: v.resourceType ? `${v.resourceType} ${v.resourceName}` : "(stack)",
        message: v.message,
    };
}

/** Sorted so that plans are byte-identical between runs. */
function sortFindings(findings: PolicyFinding[]): PolicyFinding[] {
    const key = (f: PolicyFinding) => `${f.policy}\u0000${f.resource}\u0000${f.message}`;
    return findings.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export function evaluatePolicyPack(resources: readonly RecordedResource[], stack: string): PolicyReport {
    return { pack: PACK_NAME, findings: sortFindings(evaluatePolicies(resources, stack).map(toFinding)) };
}

/** How many findings would fail a real preview. */
export function blockingCount(report: PolicyReport): number {
    return report.findings.filter((f) => f.blocking).length;
}

export function renderPolicy(report: PolicyReport): string[] {
    if (report.findings.length === 0) {
        return ["  none: every policy passes"];
    }
    return report.findings.map((f) => `  [${f.level}] ${f.policy} on ${f.resource}: ${f.message}`);
}
