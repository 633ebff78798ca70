/**
 * The `--all` quota section: for each network stack and each agent stack that reads it, how
 * many such agent stacks fit in the account and Region (src/plan/quotas.ts). Pure.
 */
import { Plan } from "./model";
import { QUOTAS, fleetFit, quotaFootprint, renderFleetFit } from "./quotas";

export function renderFleets(plans: readonly Plan[]): string[] {
    const out: string[] = [];
    for (const network of plans.filter((p) => p.outputs.stackKind === "network")) {
        for (const agent of plans.filter(
            (p) => p.outputs.stackKind === "agent" && String(p.outputs.networkStack).endsWith(`/${network.stack}`),
        )) {
            out.push(
                ...renderFleetFit(
                    network.stack,
                    agent.stack,
                    fleetFit(quotaFootprint(network.resources), quotaFootprint(agent.resources)),
                ),
            );
        }
    }
    return [
        ...renderAccountTotals(plans),
        ...(out.length > 0 ? ["", "Quotas: how many agent stacks fit", "─".repeat(32), ...out] : []),
    ];
}

/**
 * What all the planned stacks spend together, as if deployed in one account and Region (the
 * shipped stack files are), for every account- or Region-scoped quota any of them touches.
 */
export function accountTotals(
    plans: readonly Plan[],
): { id: string; name: string; total: number; awsDefault: number; byStack: Record<string, number> }[] {
    const spent = plans.map((p) => [p.stack, quotaFootprint(p.resources)] as const);
    return QUOTAS.filter((q) => q.scope !== "VPC")
        .map((q) => ({
            id: q.id,
            name: q.name,
            awsDefault: q.awsDefault,
            byStack: Object.fromEntries(spent.map(([stack, f]) => [stack, f[q.id]])),
            total: spent.reduce((sum, [, f]) => sum + f[q.id], 0),
        }))
        .filter((t) => t.total > 0);
}

function renderAccountTotals(plans: readonly Plan[]): string[] {
    const totals = accountTotals(plans);
    if (totals.length === 0) {
        return [];
    }
    return [
        "",
        "Quotas: all these stacks in one account and Region (AWS defaults)",
        "─".repeat(66),
        ...totals.map(
            (t) =>
                `  ${t.name}: ${t.total.toLocaleString("en-US")} of ${t.awsDefault.toLocaleString("en-US")} (${Object.entries(
                    t.byStack,
                )
                    .filter(([, n]) => n > 0)
                    .map(([stack, n]) => `${stack} ${n}`)
                    .join(", ")})`,
        ),
    ];
}
