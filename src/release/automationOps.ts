/**
 * Teardown's effects through the Automation API: the stack's state from `exportStack`,
 * `destroy` with or without `target`. Used by `npm run teardown` and by the integration
 * test's cleanup. (The installed Automation API also offers `exclude`/`excludeDependents`
 * on destroy; an explicit target list is used because it is accepted by older CLIs too and
 * is exactly what the plan computed.)
 */
import { Stack } from "@pulumi/pulumi/automation";
import { StateResource, TeardownOps } from "./teardown";

export function automationTeardownOps(
    stack: Stack,
    log: (line: string) => void,
    output: (text: string) => void = (t) => process.stdout.write(t),
): TeardownOps {
    return {
        resources: async () => ((await stack.exportStack()).deployment?.resources ?? []) as StateResource[],
        destroy: async (target) => {
            await stack.destroy({ target: target ? [...target] : undefined, onOutput: output });
        },
        sleep: (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000)),
        log,
        environment: async () => (await stack.getAllConfig())["agentcore-private:environment"]?.value,
    };
}
