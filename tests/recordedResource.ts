/**
 * Resources as the offline mocks record them, built by hand for the specs that hand them to the
 * policy evaluator or the plan: a custom resource of project agentcore-private.
 */
import { RecordedResource } from "../src/plan/offline/mocks";

/** The URN the engine gives a resource of `type` named `name` in `stack`. */
export const urnOf = (stack: string, type: string, name: string) =>
    `urn:pulumi:${stack}::agentcore-private::${type}::${name}`;

/**
 * A recorded custom resource of `type` named `name` with these inputs. Defaults: stack
 * development, ID the name, state the inputs, no dependencies, not protected.
 */
export function recordedResource(
    type: string,
    name: string,
    inputs: Record<string, unknown>,
    opts: {
        readonly stack?: string;
        readonly id?: string;
        readonly state?: Record<string, unknown>;
        readonly dependencies?: readonly string[];
        readonly protect?: boolean;
    } = {},
): RecordedResource {
    return {
        urn: urnOf(opts.stack ?? "development", type, name),
        type,
        name,
        custom: true,
        id: opts.id ?? name,
        inputs,
        state: opts.state ?? inputs,
        dependencies: opts.dependencies ?? [],
        protect: opts.protect ?? false,
        retainOnDelete: false,
    };
}
