/**
 * The text report of one stack's plan, section by section: resources (tree), outputs,
 * summary, policy findings, cost. And the report of a stack that cannot be planned. Pure.
 */
import { ConfigValidationError } from "../config/problems";
import { renderCost } from "./cost";
import { renderQuotaFootprint } from "./quotas";
import { Plan, countsByType, isProjectComponent } from "./model";
import { renderPolicy } from "./packFindings";
import { renderReachability } from "./reachability";
import { renderOutputs, renderTree } from "./tree";
import { wrapText } from "./wrap";

/** A section title, underlined so sections stand out in a terminal and in CI logs. */
function heading(title: string): string[] {
    return ["", title, "─".repeat(title.length)];
}

export function renderSummary(plan: Plan): string[] {
    const custom = plan.resources.filter((r) => r.custom);
    const components = plan.resources.filter(isProjectComponent);
    const protectedCount = plan.resources.filter((r) => r.protect).length;
    const out = [
        `  ${plan.resources.length} resources: ${components.length} components, ${custom.length} cloud resources, ` +
            `${plan.resources.length - custom.length - components.length} other (the stack root); ${protectedCount} protected`,
    ];
    const counts = countsByType(plan.resources);
    const width = Math.max(...counts.map(([, n]) => String(n).length));
    out.push(...counts.map(([type, n]) => `  ${String(n).padStart(width)}  ${type}`));
    out.push(
        `  invokes: ${plan.invokes.length} (${[...new Set(plan.invokes.map((i) => i.token.split(":").pop()))].join(", ")})`,
    );
    return out;
}

/** The full text plan of one stack. */
export function renderPlan(plan: Plan): string {
    return wrapText(
        [
            `Plan of ${plan.project}/${plan.stack} (${plan.region}): the real program, offline under the recording mocks; nothing is deployed.`,
            ...heading(`Resources (${plan.resources.length})`),
            ...renderTree(plan),
            ...heading("Outputs"),
            ...renderOutputs(plan.outputs),
            ...heading("Summary"),
            ...renderSummary(plan),
            ...heading("Who can reach what"),
            ...renderReachability(plan),
            ...heading(`Policy findings (pack ${plan.policy.pack})`),
            ...renderPolicy(plan.policy),
            ...heading("Quotas (account and Region, AWS defaults)"),
            ...renderQuotaFootprint(plan.resources),
            ...heading("Cost"),
            ...renderCost(plan.cost),
            "",
        ].join("\n"),
    );
}

/** Why a stack has no plan: every config problem, or the program's error. */
export function renderFailure(stack: string, error: Error): string {
    if (error instanceof ConfigValidationError || error.name === "ConfigValidationError") {
        return `Cannot plan stack "${stack}": fix its stack file.\n${error.message}\n`;
    }
    const detail =
        /^No stack file/.test(error.message) || error.name === "StackFileError"
            ? error.message
            : (error.stack ?? error.message);
    return `Cannot plan stack "${stack}": ${detail}\n`;
}
