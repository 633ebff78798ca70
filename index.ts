/**
 * Wiring only: read the validated config, build the stack of its kind, return its outputs.
 * - all-in-one (default): network, runtimes and monitoring in one stack (src/topology/allInOneStack.ts);
 * - network: the shared VPC, endpoints and account singletons (src/topology/networkStack.ts);
 * - agent: runtimes in a network stack's VPC (src/topology/agentStack.ts).
 * The Pulumi Node.js host calls the exported function and exports what it returns: the
 * outputs contract of each kind (README "Stack outputs", docs/topology.md). An exported async
 * entrypoint is Pulumi's documented way to await before registering (pulumi.com/docs/iac/
 * languages-sdks/javascript/#entrypoint; pulumi/pulumi#3321): an agent stack checks its
 * network stack's outputs before it creates anything.
 */
import { refuseUnprotectedPromotedImages } from "./src/artifact/promotedImages";
import { loadConfig } from "./src/config";
import { agentStack } from "./src/topology/agentStack";
import { allInOneStack } from "./src/topology/allInOneStack";
import { networkStack } from "./src/topology/networkStack";

export = async (): Promise<Record<string, unknown>> => {
    // Throws one error listing every config problem before any resource is registered.
    const config = loadConfig();
    // A digest promoted from another stack's repository must carry a tag its lifecycle keeps.
    await refuseUnprotectedPromotedImages(config.stack, config.runtimes);
    switch (config.kind) {
        case "network":
            return networkStack(config);
        case "agent":
            return agentStack(config);
        case "all-in-one":
            return allInOneStack(config);
    }
};
