/**
 * The `--all` quota section: for each network stack and each agent stack that reads it, how
 * many such agent stacks fit in the account and Region (src/plan/quotas.ts). Pure.
 */
import { Plan } from "./model";
import { fleetFit, quotaFootprint, renderFleetFit } from "./quotas";

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
    return out.length > 0 ? ["", "Quotas: how many agent stacks fit", "─".repeat(32), ...out] : [];
}
