/**
 * Runs the project's policy rules (policy/evaluate.ts) over a plan's resources, when that
 * module exists, and normalises what it returns into findings the plan can print and
 * serialise. The pack's own server (`new PolicyPack`) is never started here.
 */
import * as fs from "fs";
import * as path from "path";
import { RecordedResource } from "../offline/mocks";

/** The evaluator module, relative to the repository root. */
export const POLICY_MODULE = "policy/evaluate.ts";
const POLICY_PATH = path.resolve(__dirname, "..", "..", "policy", "evaluate");

export interface PolicyFinding {
    readonly policy: string;
    /** advisory, mandatory, … as the rule states it. */
    readonly level: string;
    /** The resource (URN or name) the finding is about; empty for stack-wide findings. */
    readonly resource: string;
    readonly message: string;
}

export interface PolicyReport {
    /** False when the module does not exist or failed; `note` says why. */
    readonly evaluated: boolean;
    readonly source: string;
    readonly note?: string;
    readonly findings: readonly PolicyFinding[];
}

type Evaluate = (resources: RecordedResource[], stack: string) => unknown;

function text(v: unknown): string {
    return v === undefined || v === null ? "" : typeof v === "string" ? v : JSON.stringify(v);
}

/** One violation, whatever shape the evaluator gives it, as a finding. */
export function toFinding(violation: unknown): PolicyFinding {
    if (typeof violation !== "object" || violation === null) {
        return { policy: "", level: "", resource: "", message: text(violation) };
    }
    const v = violation as Record<string, unknown>;
    return {
        policy: text(v.policyName ?? v.policy ?? v.name ?? v.rule ?? v.id),
        level: text(v.enforcementLevel ?? v.level ?? v.severity),
        resource: text(v.urn ?? v.resourceUrn ?? v.resource ?? v.resourceName),
        message: text(v.message ?? v.description ?? v.reason),
    };
}

/** Sorted so that plans are byte-identical between runs. */
function sortFindings(findings: PolicyFinding[]): PolicyFinding[] {
    const key = (f: PolicyFinding) => `${f.policy}\u0000${f.resource}\u0000${f.message}`;
    return findings.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Loads policy/evaluate once; undefined when it is not there (yet). */
function loadEvaluator(): Evaluate | string {
    if (![".ts", ".js"].some((ext) => fs.existsSync(POLICY_PATH + ext))) {
        return `${POLICY_MODULE} does not exist; policies were not evaluated`;
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(POLICY_PATH) as { evaluatePolicies?: Evaluate };
    return typeof mod.evaluatePolicies === "function" ? mod.evaluatePolicies : `${POLICY_MODULE} does not export evaluatePolicies`;
}

export async function evaluatePolicyPack(resources: readonly RecordedResource[], stack: string): Promise<PolicyReport> {
    try {
        const evaluate = loadEvaluator();
        if (typeof evaluate === "string") {
            return { evaluated: false, source: POLICY_MODULE, note: evaluate, findings: [] };
        }
        const result = await evaluate([...resources], stack);
        const violations = Array.isArray(result) ? result : [];
        return { evaluated: true, source: POLICY_MODULE, findings: sortFindings(violations.map(toFinding)) };
    } catch (e) {
        return { evaluated: false, source: POLICY_MODULE, note: `policy evaluation failed: ${e instanceof Error ? e.message : String(e)}`, findings: [] };
    }
}

export function renderPolicy(report: PolicyReport): string[] {
    const out = [`Policy findings (${report.source})`];
    if (!report.evaluated) {
        out.push(`  not evaluated: ${report.note}`);
    } else if (report.findings.length === 0) {
        out.push("  none: every policy passes");
    } else {
        for (const f of report.findings) {
            out.push(`  [${f.level || "?"}] ${f.policy}${f.resource ? ` on ${f.resource.split("::").pop()}` : ""}: ${f.message}`);
        }
    }
    return out;
}
