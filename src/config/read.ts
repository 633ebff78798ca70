import { Problems } from "./problems";

/**
 * Typed readers over the raw config strings Pulumi hands the program. Each returns
 * undefined (and records a problem) when the value has the wrong type, so validation
 * goes on and reports everything at once.
 */
export class RawReader {
    constructor(
        private readonly values: Readonly<Record<string, string>>,
        readonly problems: Problems,
    ) {}

    has(key: string): boolean {
        const v = this.values[key];
        return v !== undefined && v !== "";
    }

    string(key: string): string | undefined {
        const v = this.values[key];
        return v === undefined || v === "" ? undefined : v;
    }

    integer(key: string, example: string): number | undefined {
        const v = this.string(key);
        if (v === undefined) {
            return undefined;
        }
        if (!/^-?\d+$/.test(v.trim())) {
            this.problems.invalid(key, v, "a whole number", example);
            return undefined;
        }
        return Number(v);
    }

    boolean(key: string): boolean | undefined {
        const v = this.string(key);
        if (v === undefined) {
            return undefined;
        }
        if (v !== "true" && v !== "false") {
            this.problems.invalid(key, v, "true or false", "true");
            return undefined;
        }
        return v === "true";
    }

    /** A JSON list of strings; an empty list reads as []. */
    stringList(key: string, example: string): string[] | undefined {
        const parsed = this.json(key, example);
        if (parsed === undefined) {
            return undefined;
        }
        if (!Array.isArray(parsed) || parsed.some((item) => typeof item !== "string")) {
            this.problems.invalid(key, parsed, "a list of strings", example);
            return undefined;
        }
        return parsed as string[];
    }

    /** Any JSON value (lists and objects arrive JSON-encoded). */
    json(key: string, example: string): unknown {
        const v = this.string(key);
        if (v === undefined) {
            return undefined;
        }
        try {
            return JSON.parse(v);
        } catch {
            this.problems.invalid(key, v, "a YAML list or map", example);
            return undefined;
        }
    }
}
