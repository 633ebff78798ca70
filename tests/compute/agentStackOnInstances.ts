/**
 * The fixture agent stack (`tests/fixtures/topology`, agents-code) on Instances, run once under
 * the mocks and shared by the specs that read it (placement, the offering lookup).
 */
import * as path from "path";
import { runStack } from "../../src/plan/offline/runProgram";
import { FIXTURES_ROOT, FIXTURE_SOURCE_ROOT } from "../helpers";
import { shared } from "../mutationCoverage";
import { NETWORK_OUTPUTS } from "../topology/networkOutputs";

export function agentStackOnInstances(): ReturnType<typeof runStack> {
    return shared("agentStackOnInstances", () =>
        runStack(
            "agents-code",
            { computeType: "instances" },
            path.join(FIXTURES_ROOT, "topology"),
            FIXTURE_SOURCE_ROOT,
            {
                "acme/agentcore-private/network": NETWORK_OUTPUTS,
            },
        ),
    );
}
