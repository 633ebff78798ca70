/**
 * The shape every resource rule of this pack shares: a pure `problems` function over the
 * resource's plain properties, reported one violation per problem as
 * `<Type> "<name>" <problem>.` Each rule module keeps only what is its own: the types it
 * reads and the problems it finds.
 */
import { ResourceValidationPolicy } from "@pulumi/policy";
import { describe, plainProps } from "./values";

export interface ProblemRuleSpec {
    readonly name: string;
    readonly description: string;
    readonly severity: "low" | "medium" | "high" | "critical";
    /** The resource types the rule reads; undefined when `problems` selects them itself. */
    readonly types?: readonly string[];
    /** Every problem of one resource, each phrased to follow `<Type> "<name>" `. */
    readonly problems: (type: string, props: Record<string, unknown>) => string[];
}

export function problemRule(spec: ProblemRuleSpec): ResourceValidationPolicy {
    return {
        name: spec.name,
        description: spec.description,
        enforcementLevel: "mandatory",
        severity: spec.severity,
        validateResource: (args, reportViolation) => {
            if (spec.types && !spec.types.includes(args.type)) {
                return;
            }
            for (const problem of spec.problems(args.type, plainProps(args.props))) {
                reportViolation(`${describe(args.type, args.name)} ${problem}.`);
            }
        },
    };
}
