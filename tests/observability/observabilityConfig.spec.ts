/**
 * The observability keys' rules (src/observability/config.ts), called directly: Transaction
 * Search only in a production all-in-one stack (a network stack owns it by design), and with
 * tracing on, no user variable or secret named like one of the 4 ADOT variables the program sets
 * (AGENT_OBSERVABILITY_ENABLED, OTEL_EXPORTER_OTLP_PROTOCOL, OTEL_TRACES_EXPORTER,
 * OTEL_RESOURCE_ATTRIBUTES) or DISABLE_ADOT_OBSERVABILITY, and at most 50 - 4 = 46 variables of the
 * user's (AgentCore CreateAgentRuntime environmentVariables: 50; each secret is one variable).
 */
import { expect } from "chai";
import { observabilityEnvironmentProblems, readObservability } from "../../src/observability/config";
import { ParsedKeys } from "../../src/config/parse";
import { Problems } from "../../src/config/problems";

const SETS =
    "AGENT_OBSERVABILITY_ENABLED, OTEL_EXPORTER_OTLP_PROTOCOL, OTEL_TRACES_EXPORTER, OTEL_RESOURCE_ATTRIBUTES, DISABLE_ADOT_OBSERVABILITY";

const vars = (n: number, prefix = "V") =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, "x"]));

function environmentProblems(
    runtimes: { environment: Record<string, string>; secrets?: Record<string, unknown> }[],
    tracing = true,
): readonly string[] {
    const p = new Problems();
    observabilityEnvironmentProblems(p, runtimes, tracing);
    return p.all;
}

function observability(values: { tracing: boolean; transactionSearch: boolean }, ...rest: unknown[]) {
    const p = new Problems();
    const keys = { values } as unknown as ParsedKeys;
    const read = (readObservability as (...a: unknown[]) => unknown)(keys, p, ...rest);
    return { read, problems: p.all };
}

describe("observability config: Transaction Search's owner", () => {
    const refusal = (environment: string) =>
        `transactionSearch true is invalid: false in a ${environment} stack: Transaction Search is one setting per account and region, owned by exactly one stack, ` +
        "and only a production stack may own it (enable it there, or once by hand in an account without one) (e.g. false)";

    it("a development or staging all-in-one stack may not own it; production may", () => {
        const on = { tracing: false, transactionSearch: true };
        expect(observability(on, "staging").problems).to.deep.equal([refusal("staging")]);
        expect(observability(on, "development", "all-in-one").problems).to.deep.equal([refusal("development")]);
        expect(observability(on, "production").problems).to.deep.equal([]);
        expect(observability(on, "production").read).to.deep.equal({ tracing: false, transactionSearch: true });
        expect(observability({ tracing: true, transactionSearch: false }, "staging")).to.deep.equal({
            read: { tracing: true, transactionSearch: false },
            problems: [],
        });
    });

    it("a network stack owns it in any environment; an unknown environment is not judged here", () => {
        const on = { tracing: false, transactionSearch: true };
        expect(observability(on, "staging", "network").problems).to.deep.equal([]);
        expect(observability(on, "development", "agent").problems).to.deep.equal([]);
        expect(observability(on, undefined).problems).to.deep.equal([]);
    });
});

describe("observability config: the runtime environment with tracing on", () => {
    it("46 user variables fit, 47 do not; each secret counts as one", () => {
        expect(environmentProblems([{ environment: vars(46) }])).to.deep.equal([]);
        expect(environmentProblems([{ environment: vars(47) }])).to.deep.equal([
            'runtimes[0].environment "47 variables" is invalid: at most 46 with tracing on: AgentCore allows 50 and tracing adds 4 (e.g. { LOG_LEVEL: "info" })',
        ]);
        expect(environmentProblems([{ environment: vars(45), secrets: vars(1, "S") }])).to.deep.equal([]);
        expect(environmentProblems([{ environment: vars(45), secrets: vars(2, "S") }])).to.deep.equal([
            'runtimes[0].environment "47 variables" is invalid: at most 46 with tracing on: AgentCore allows 50 and tracing adds 4 (each secret is a variable holding its ARN) (e.g. { LOG_LEVEL: "info" })',
        ]);
        expect(environmentProblems([{ environment: {}, secrets: vars(47, "S") }])).to.have.length(1);
        // Per runtime, each by its index.
        expect(environmentProblems([{ environment: vars(46) }, { environment: vars(48) }])).to.deep.equal([
            'runtimes[1].environment "48 variables" is invalid: at most 46 with tracing on: AgentCore allows 50 and tracing adds 4 (e.g. { LOG_LEVEL: "info" })',
        ]);
    });

    it("a variable or secret named like one the program sets is refused, each by its field", () => {
        expect(
            environmentProblems([{ environment: { LOG_LEVEL: "info", OTEL_TRACES_EXPORTER: "none" } }]),
        ).to.deep.equal([
            `runtimes[0].environment.OTEL_TRACES_EXPORTER "OTEL_TRACES_EXPORTER" is invalid: a name the program does not set itself: with tracing on it sets ${SETS} (remove OTEL_TRACES_EXPORTER, or set tracing: false to manage OpenTelemetry yourself) (e.g. LOG_LEVEL)`,
        ]);
        expect(
            environmentProblems([
                { environment: {} },
                { environment: {}, secrets: { DISABLE_ADOT_OBSERVABILITY: "arn" } },
            ]),
        ).to.deep.equal([
            `runtimes[1].secrets.DISABLE_ADOT_OBSERVABILITY "DISABLE_ADOT_OBSERVABILITY" is invalid: a name the program does not set itself: with tracing on it sets ${SETS} (remove DISABLE_ADOT_OBSERVABILITY, or set tracing: false to manage OpenTelemetry yourself) (e.g. LOG_LEVEL)`,
        ]);
        // Near misses: other case, other names.
        expect(
            environmentProblems([
                { environment: { otel_traces_exporter: "x", OTEL_SERVICE_NAME: "x" }, secrets: { API_KEY: "arn" } },
            ]),
        ).to.deep.equal([]);
    });

    it("with tracing off the user's variables pass untouched", () => {
        expect(
            environmentProblems(
                [{ environment: { ...vars(60), OTEL_TRACES_EXPORTER: "none" }, secrets: vars(3, "S") }],
                false,
            ),
        ).to.deep.equal([]);
    });
});
