/**
 * Config cases the specs build by replacing keys of a fixture stack file: the problems
 * validation reports for one, and a `runtimes` list of one runtime whose image config accepts
 * everywhere, so that only the fields a spec adds are judged.
 */
import { configProblems, rawStack } from "../helpers";

/** The problems validation reports for a stack file with some keys replaced; [] when valid. */
export function problemsOf(stack: string, overrides: Record<string, unknown>): readonly string[] {
    return configProblems(rawStack(stack, overrides));
}

/**
 * `runtimes`: one runtime `support_agent` with `fields` added or replaced. Its image is pinned
 * by digest, so that production accepts it too.
 */
export const pinnedRuntime = (fields: Record<string, unknown>) => [
    {
        name: "support_agent",
        containerUri:
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        ...fields,
    },
];
