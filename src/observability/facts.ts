/**
 * Facts about AgentCore Runtime observability the program must respect, each with its source
 * (docs/monitoring.md, "Sources", lists them in full). Kept apart from ../agentcoreFacts so the
 * observability design reads in one place.
 */

/**
 * Log types a runtime offers to CloudWatch vended log delivery (AWS::Logs::DeliverySource
 * `logType`), as the AgentCore developer guide ("Enabling observability for AgentCore
 * runtime… resources") and the AWS CDK `aws-bedrockagentcore` runtime (`LogType`,
 * `configureTracingDelivery`) name them.
 */
export const APPLICATION_LOGS = "APPLICATION_LOGS";
export const USAGE_LOGS = "USAGE_LOGS";
export const TRACES = "TRACES";

/** The service principal CloudWatch Logs delivers vended logs and traces as. */
export const LOG_DELIVERY_PRINCIPAL = "delivery.logs.amazonaws.com";

/** Delivery source and destination names: at most 60 word characters or hyphens. */
export const DELIVERY_NAME_MAX_LENGTH = 60;

/**
 * USAGE_LOGS carry one record per session per second ("session-level usage metrics at
 * 1-second granularity"). AWS's field list names `session.id`,
 * `agent.runtime.vcpu.hours.used` and `agent.runtime.memory.gb_hours.used` at the top level;
 * records published by users of the feature show the same names nested under `attributes`
 * and `metrics`. Every rule and query is built for both readings (docs/monitoring.md,
 * "Per-session usage").
 */
export interface UsageRecordReading {
    /** A short label used in rule names: `flat` or `nested`. */
    readonly label: "flat" | "nested";
    /** JSON path of the session ID. */
    readonly sessionId: string;
    /** JSON path of the vCPU-hours this second used. */
    readonly vcpuHours: string;
    /** JSON path of the GB-hours this second used. */
    readonly memoryGbHours: string;
}

export const USAGE_RECORD_READINGS: readonly UsageRecordReading[] = [
    {
        label: "flat",
        sessionId: "$.session.id",
        vcpuHours: "$.agent.runtime.vcpu.hours.used",
        memoryGbHours: "$.agent.runtime.memory.gb_hours.used",
    },
    {
        label: "nested",
        sessionId: "$.attributes.session.id",
        vcpuHours: "$.metrics.agent.runtime.vcpu.hours.used",
        memoryGbHours: "$.metrics.agent.runtime.memory.gb_hours.used",
    },
];

/** Seconds in an hour: a usage record's vCPU-hours × 3600 is the vCPU it held for its second. */
export const SECONDS_PER_HOUR = 3600;

/**
 * The environment AWS documents for the AWS Distro for OpenTelemetry (ADOT) inside an
 * AgentCore-hosted agent ("Enabling observability in agent code for AgentCore-hosted
 * agents"; the ADOT SDKs read `AGENT_OBSERVABILITY_ENABLED`): turn AgentCore's agent
 * observability on, export OTLP over HTTP/protobuf, and name the service. The runtime sets
 * its own ADOT defaults besides these (`DISABLE_ADOT_OBSERVABILITY=true` unsets them), so
 * the program sets only what is documented and language-neutral: the Python-only
 * `OTEL_PYTHON_DISTRO`/`OTEL_PYTHON_CONFIGURATOR` are the runtime's own defaults, and
 * `aws.log.group.names` needs the runtime ID, which exists only after the runtime does.
 */
export const OBSERVABILITY_ENV_NAMES = [
    "AGENT_OBSERVABILITY_ENABLED",
    "OTEL_EXPORTER_OTLP_PROTOCOL",
    "OTEL_TRACES_EXPORTER",
    "OTEL_RESOURCE_ATTRIBUTES",
] as const;

/**
 * Names the program owns on a runtime with tracing on. A user variable of the same name would
 * be silently overridden or would silently override: either is a config error instead.
 * `DISABLE_ADOT_OBSERVABILITY` is reserved too: it would switch tracing off behind the config.
 */
export const RESERVED_ENV_NAMES: readonly string[] = [...OBSERVABILITY_ENV_NAMES, "DISABLE_ADOT_OBSERVABILITY"];

/** The runtime environment variables for ADOT when tracing is on; none when it is off. */
export function observabilityEnvironment(
    runtimeName: string,
    environment: string,
    tracing: boolean,
): Record<string, string> {
    if (!tracing) {
        return {};
    }
    return {
        AGENT_OBSERVABILITY_ENABLED: "true",
        OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf",
        OTEL_TRACES_EXPORTER: "otlp",
        OTEL_RESOURCE_ATTRIBUTES: `service.name=${runtimeName},deployment.environment=${environment}`,
    };
}
