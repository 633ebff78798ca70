/**
 * Collects config problems so that every one of them is reported at once. Each message
 * names the key, the value received, what is allowed, and an example.
 */
export class ConfigValidationError extends Error {
    constructor(
        readonly stack: string,
        readonly problems: readonly string[],
    ) {
        super(
            `Stack "${stack}" has ${problems.length} configuration problem${problems.length === 1 ? "" : "s"}; ` +
                `nothing was created:\n` +
                problems.map((p) => `  - ${p}`).join("\n"),
        );
        this.name = "ConfigValidationError";
    }
}

/** Renders a received value the way the user wrote it. */
export function show(value: unknown): string {
    return typeof value === "string" ? `"${value}"` : JSON.stringify(value);
}

export class Problems {
    private readonly list: string[] = [];

    /** `<key> <value> is invalid: <allowed> (e.g. <example>)` */
    invalid(key: string, value: unknown, allowed: string, example: string): void {
        this.list.push(`${key} ${show(value)} is invalid: ${allowed} (e.g. ${example})`);
    }

    /** `<key> is missing: <allowed> (e.g. <example>)` */
    missing(key: string, allowed: string, example: string): void {
        this.list.push(`${key} is missing: ${allowed} (e.g. ${example})`);
    }

    get all(): readonly string[] {
        return this.list;
    }

    throwIfAny(stack: string): void {
        if (this.list.length > 0) {
            throw new ConfigValidationError(stack, this.list);
        }
    }
}
