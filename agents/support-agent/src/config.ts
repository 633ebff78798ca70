/**
 * The agent's settings, read once from the environment. Every problem is reported at once,
 * naming the variable, the value, what is allowed and an example.
 */
import { LOG_LEVELS, LogLevel } from "./log";

/** AgentCore's HTTP protocol contract: the container listens on port 8080. */
export const DEFAULT_PORT = 8080;

export interface AgentConfig {
    /** PORT: the TCP port to listen on; default 8080. */
    readonly port: number;
    /** MODEL_ID: the Bedrock model or inference profile id; without it /invocations answers 500. */
    readonly modelId?: string;
    /** LOG_LEVEL: debug | info | warn | error; default info. */
    readonly logLevel: LogLevel;
}

export class ConfigError extends Error {
    constructor(readonly problems: readonly string[]) {
        super(`invalid agent settings: ${problems.join("; ")}`);
        this.name = "ConfigError";
    }
}

function readPort(raw: string | undefined, problems: string[]): number {
    if (raw === undefined || raw.trim() === "") {
        return DEFAULT_PORT;
    }
    const port = /^\d{1,5}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (!(port >= 0 && port <= 65535)) {
        problems.push(`PORT "${raw}" is invalid: use an integer from 0 to 65535 (e.g. PORT=${DEFAULT_PORT})`);
        return DEFAULT_PORT;
    }
    return port;
}

function readLogLevel(raw: string | undefined, problems: string[]): LogLevel {
    if (raw === undefined || raw.trim() === "") {
        return "info";
    }
    const level = raw.trim().toLowerCase();
    if (!(LOG_LEVELS as readonly string[]).includes(level)) {
        problems.push(`LOG_LEVEL "${raw}" is invalid: use one of ${LOG_LEVELS.join(", ")} (e.g. LOG_LEVEL=info)`);
        return "info";
    }
    return level as LogLevel;
}

export function readConfig(env: Record<string, string | undefined>): AgentConfig {
    const problems: string[] = [];
    const port = readPort(env.PORT, problems);
    const logLevel = readLogLevel(env.LOG_LEVEL, problems);
    if (problems.length > 0) {
        throw new ConfigError(problems);
    }
    const modelId = env.MODEL_ID?.trim();
    return { port, logLevel, modelId: modelId ? modelId : undefined };
}
