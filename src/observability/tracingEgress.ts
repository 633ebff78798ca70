/**
 * With `tracing: true` the agents' ADOT exports OpenTelemetry spans to the X-Ray OTLP endpoint
 * `https://xray.<region>.amazonaws.com/v1/traces` (CloudWatch "OTLP Endpoints"). A VPC the
 * stack fences with its own interface endpoints has no other way out to that host than the
 * `xray` interface endpoint (its private DNS answers for `xray.<region>.amazonaws.com`). Pure.
 *
 * A warning, not a config error: the runtimes still work without it, AgentCore's own vended
 * traces (TRACES delivery) do not pass through the VPC, and an adopted VPC may reach X-Ray
 * through a NAT gateway or a proxy the stack cannot see. Only the agents' own spans are lost,
 * silently, which is what the warning is for.
 */

/** The interface endpoint service suffix of X-Ray (com.amazonaws.<region>.xray). */
export const XRAY_ENDPOINT_SERVICE = "xray";

export interface TracingEgressInput {
    readonly tracing: boolean;
    readonly createEndpoints: boolean;
    /** The extra interface endpoint services the stack creates (config `endpointServices`). */
    readonly endpointServices: readonly string[];
}

/** The warning to log, or undefined when spans have a way out (or nothing needs one). */
export function tracingEgressWarning(input: TracingEgressInput): string | undefined {
    if (!input.tracing || !input.createEndpoints || input.endpointServices.includes(XRAY_ENDPOINT_SERVICE)) {
        return undefined;
    }
    const suggested = JSON.stringify([...input.endpointServices, XRAY_ENDPOINT_SERVICE]);
    return (
        `tracing is true and this stack creates the VPC endpoints, but endpointServices ${JSON.stringify(input.endpointServices)} lacks "${XRAY_ENDPOINT_SERVICE}": ` +
        `the agents' OpenTelemetry spans go to https://xray.<region>.amazonaws.com/v1/traces, which a VPC without internet egress reaches only through the xray interface endpoint, ` +
        `so they are dropped. Add it (endpointServices: ${suggested}), or set tracing: false; ignore this only if the VPC has its own route to X-Ray.`
    );
}
