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
    constructor(
        private readonly list: string[] = [],
        private readonly keyOf: (key: string) => string = (key) => key,
    ) {}

    /** `<key> <value> is invalid: <allowed> (e.g. <example>)` */
    invalid(key: string, value: unknown, allowed: string, example: string): void {
        this.list.push(`${this.keyOf(key)} ${show(value)} is invalid: ${allowed} (e.g. ${example})`);
    }

    /** `<key> is missing: <allowed> (e.g. <example>)` */
    missing(key: string, allowed: string, example: string): void {
        this.list.push(`${this.keyOf(key)} is missing: ${allowed} (e.g. ${example})`);
    }

    /**
     * The same list of problems, where a key `<list>[k]…` names the entry at `positions[k]`:
     * the checks that read only the usable entries of a refused list (the k-th usable one is
     * the list's entry `positions[k]`) report under the index the stack file shows.
     */
    renumbering(list: string, positions: readonly number[]): Problems {
        return new Problems(this.list, (key) => {
            const at = /^(\w+)\[(\d+)\]/.exec(key);
            const renumbered =
                at !== null && at[1] === list ? `${list}[${positions[Number(at[2])]}]${key.slice(at[0].length)}` : key;
            return this.keyOf(renumbered);
        });
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
