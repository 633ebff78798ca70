/**
 * Structured logs: one JSON object per line on stdout, which AgentCore ships to the runtime's
 * CloudWatch log group as it is (so Logs Insights can query every field).
 */

export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Record<string, unknown>;

export interface Logger {
    debug(message: string, fields?: LogFields): void;
    info(message: string, fields?: LogFields): void;
    warn(message: string, fields?: LogFields): void;
    error(message: string, fields?: LogFields): void;
    /** A logger that adds `fields` (e.g. the request and session ids) to every line. */
    child(fields: LogFields): Logger;
}

export interface LoggerOptions {
    /** Lines below this level are dropped; default "info". */
    readonly level?: LogLevel;
    /** Where a finished line goes; default stdout. */
    readonly write?: (line: string) => void;
    /** The clock; default the system clock. */
    readonly now?: () => Date;
}

/** Errors do not survive JSON.stringify (their fields are not enumerable): keep name and message. */
function plain(value: unknown): unknown {
    return value instanceof Error ? { name: value.name, message: value.message } : value;
}

export function createLogger(options: LoggerOptions = {}, base: LogFields = {}): Logger {
    const threshold = LOG_LEVELS.indexOf(options.level ?? "info");
    const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
    const now = options.now ?? (() => new Date());

    const log = (level: LogLevel, message: string, fields: LogFields = {}) => {
        if (LOG_LEVELS.indexOf(level) < threshold) {
            return;
        }
        const entry: LogFields = { time: now().toISOString(), level, message };
        for (const [key, value] of Object.entries({ ...base, ...fields })) {
            if (value !== undefined) {
                entry[key] = plain(value);
            }
        }
        write(JSON.stringify(entry));
    };

    return {
        debug: (message, fields) => log("debug", message, fields),
        info: (message, fields) => log("info", message, fields),
        warn: (message, fields) => log("warn", message, fields),
        error: (message, fields) => log("error", message, fields),
        child: (fields) => createLogger(options, { ...base, ...fields }),
    };
}
