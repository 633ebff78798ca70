/**
 * tracing: true needs a way out of the VPC for the agents' OTLP spans: the xray interface
 * endpoint when the stack creates the endpoints. Missing, it is a warning (not an error: the
 * runtimes work, and an adopted VPC may route to X-Ray some other way).
 */
import { expect } from "chai";
import { tracingEgressWarning } from "../../src/observability/tracingEgress";
import { runFixtureStack } from "../helpers";

const MESSAGE =
    'tracing is true and this stack creates the VPC endpoints, but endpointServices ["bedrock-runtime","sts"] lacks "xray": ' +
    "the agents' OpenTelemetry spans go to https://xray.<region>.amazonaws.com/v1/traces, which a VPC without internet egress reaches only through the xray interface endpoint, " +
    'so they are dropped. Add it (endpointServices: ["bedrock-runtime","sts","xray"]), or set tracing: false; ignore this only if the VPC has its own route to X-Ray.';

describe("tracing egress: the xray endpoint", () => {
    it("warns when tracing is on, the stack creates endpoints, and xray is not among them", () => {
        expect(
            tracingEgressWarning({
                tracing: true,
                createEndpoints: true,
                endpointServices: ["bedrock-runtime", "sts"],
            }),
        ).to.equal(MESSAGE);
    });

    it("near misses: no warning with xray listed, with tracing off, or when another stack owns the endpoints", () => {
        expect(
            tracingEgressWarning({
                tracing: true,
                createEndpoints: true,
                endpointServices: ["bedrock-runtime", "sts", "xray"],
            }),
        ).to.equal(undefined);
        expect(
            tracingEgressWarning({
                tracing: false,
                createEndpoints: true,
                endpointServices: ["bedrock-runtime", "sts"],
            }),
        ).to.equal(undefined);
        expect(tracingEgressWarning({ tracing: true, createEndpoints: false, endpointServices: [] })).to.equal(
            undefined,
        );
    });

    it("a look-alike service name does not count as xray", () => {
        expect(
            tracingEgressWarning({ tracing: true, createEndpoints: true, endpointServices: ["xray-fips"] }),
        ).to.contain('lacks "xray"');
    });

    describe("from the network component", function () {
        this.timeout(60000);
        const warnings: string[] = [];
        const original = console.warn;
        const capture = async (overrides: Record<string, string>) => {
            warnings.length = 0;
            console.warn = (...parts: unknown[]) => void warnings.push(parts.map(String).join(" "));
            try {
                await runFixtureStack("staging", overrides);
            } finally {
                console.warn = original;
            }
            return warnings.filter((w) => w.includes("endpointServices"));
        };

        it("staging without xray in endpointServices logs the warning once", async () => {
            expect(await capture({ endpointServices: JSON.stringify(["bedrock-runtime", "sts"]) })).to.deep.equal([
                `warning: [runtime] ${MESSAGE}`,
            ]);
        });

        it("staging as shipped (xray listed) logs none", async () => {
            expect(await capture({})).to.deep.equal([]);
        });
    });
});
