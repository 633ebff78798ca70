/**
 * The observability keys: `tracing` (vended TRACES to X-Ray plus the ADOT environment on
 * every runtime) and `transactionSearch` (the account-level X-Ray → CloudWatch Logs span
 * destination, which one stack per account and region owns). Pure: raw values in, problems
 * recorded, typed values out.
 */
import { Environment } from "../aws/agentcore";
import { ENV_VAR_MAX_COUNT } from "../aws/agentcore";
import { OBSERVABILITY_ENV_NAMES, RESERVED_ENV_NAMES } from "./facts";
import { StackKind } from "../config/keys";
import { ParsedKeys } from "../config/parse";
import { Problems } from "../config/problems";

/**
 * The one environment whose stacks may own Transaction Search. The setting is per account
 * and region, so two owners would fight over (and on destroy remove) one another's setup;
 * allowing it in production stacks only means development and staging, which commonly share
 * an account, can never become a second owner (docs/monitoring.md, "Transaction Search").
 */
export const TRANSACTION_SEARCH_OWNER_ENVIRONMENT: Environment = "production";

/** The observability keys as the stack uses them; fields of StackConfig too. */
export interface ObservabilityConfig {
    /** Vended TRACES to X-Ray and the ADOT environment on every runtime. */
    readonly tracing: boolean;
    /** This stack owns the account's Transaction Search (production stacks only). */
    readonly transactionSearch: boolean;
}

/**
 * Exactly the observability settings of a stack's config: what RuntimeMonitoring takes from it
 * (src/topology/runtimesOfStack.ts), so that a key added to ObservabilityConfig reaches the
 * component without a line of its own there.
 */
export function observabilitySettings(config: ObservabilityConfig): ObservabilityConfig {
    return { tracing: config.tracing, transactionSearch: config.transactionSearch };
}

/** Reads `tracing` and `transactionSearch`; a production-only rule for the latter. */
export function readObservability(
    keys: ParsedKeys,
    p: Problems,
    environment: Environment | undefined,
    kind: StackKind = "all-in-one",
): ObservabilityConfig {
    const { tracing, transactionSearch } = keys.values;
    // A network stack is the account's one owner by design (docs/topology.md); agent stacks
    // are refused it in src/topology/config.ts.
    if (
        transactionSearch &&
        kind === "all-in-one" &&
        environment !== undefined &&
        environment !== TRANSACTION_SEARCH_OWNER_ENVIRONMENT
    ) {
        p.invalid(
            "transactionSearch",
            true,
            `false in a ${environment} stack: Transaction Search is one setting per account and region, owned by exactly one stack, ` +
                `and only a ${TRANSACTION_SEARCH_OWNER_ENVIRONMENT} stack may own it (enable it there, or once by hand in an account without one)`,
            "false",
        );
    }
    return { tracing, transactionSearch };
}

/**
 * With tracing on, the program sets the ADOT variables on every runtime: a user variable of
 * the same name (or DISABLE_ADOT_OBSERVABILITY) is a conflict, and the total must stay within
 * AgentCore's 50 variables. With tracing off the user's variables pass untouched.
 */
export function observabilityEnvironmentProblems(
    p: Problems,
    runtimes: readonly {
        readonly environment: Readonly<Record<string, string>>;
        readonly secrets?: Readonly<Record<string, unknown>>;
    }[],
    tracing: boolean,
): void {
    if (!tracing) {
        return;
    }
    runtimes.forEach((runtime, i) => {
        const secretNames = Object.keys(runtime.secrets ?? {});
        for (const [field, key] of [
            ...Object.keys(runtime.environment).map((k) => ["environment", k]),
            ...secretNames.map((k) => ["secrets", k]),
        ]) {
            if (RESERVED_ENV_NAMES.includes(key)) {
                p.invalid(
                    `runtimes[${i}].${field}.${key}`,
                    key,
                    `a name the program does not set itself: with tracing on it sets ${RESERVED_ENV_NAMES.join(", ")} (remove ${key}, or set tracing: false to manage OpenTelemetry yourself)`,
                    "LOG_LEVEL",
                );
            }
        }
        const total = Object.keys(runtime.environment).length + secretNames.length + OBSERVABILITY_ENV_NAMES.length;
        if (total > ENV_VAR_MAX_COUNT) {
            p.invalid(
                `runtimes[${i}].environment`,
                `${Object.keys(runtime.environment).length + secretNames.length} variables`,
                `at most ${ENV_VAR_MAX_COUNT - OBSERVABILITY_ENV_NAMES.length} with tracing on: AgentCore allows ${ENV_VAR_MAX_COUNT} and tracing adds ${OBSERVABILITY_ENV_NAMES.length}${secretNames.length > 0 ? " (each secret is a variable holding its ARN)" : ""}`,
                `{ LOG_LEVEL: "info" }`,
            );
        }
    });
}
