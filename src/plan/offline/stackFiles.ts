import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";
import { nearest } from "../../config/suggest";

/**
 * The repository root: where Pulumi.yaml and the stack files live. Found by walking up from
 * this file, which runs from src/plan/offline under ts-node and from .build/src/plan/offline compiled.
 */
export const PROJECT_ROOT = findProjectRoot(__dirname);

function findProjectRoot(from: string): string {
    for (let dir = from; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "Pulumi.yaml"))) {
            return dir;
        }
        if (path.dirname(dir) === dir) {
            throw new Error(`No Pulumi.yaml in ${from} or any folder above it`);
        }
    }
}

/**
 * YAML texts already parsed, by file name and text. A process that plans or tests many stacks
 * reads the same Pulumi.yaml and stack files hundreds of times (the specs: about 2,000 reads),
 * and parsing was most of each read. Keyed by the text, so an edited file is parsed again;
 * each read gets its own copy, so no caller's change to its config reaches another. Only
 * js-yaml's result is kept: everything done with it, and the parse options, run on every read,
 * so the mutation run's per-test coverage still credits every reader with them; and since
 * js-yaml is not mutated, no mutant can make a kept result stale.
 */
const parsedYaml = new Map<string, unknown>();

function parseYaml(text: string, filename?: string): unknown {
    const key = `${filename ?? ""}\n${text}`;
    const options = filename === undefined ? undefined : { filename };
    if (!parsedYaml.has(key)) {
        parsedYaml.set(key, yaml.load(text, options));
    }
    return structuredClone(parsedYaml.get(key));
}

interface ProjectFile {
    name: string;
    config?: Record<string, { type?: string; default?: unknown; description?: string; items?: unknown }>;
}

/**
 * The project file of `root`. A folder of stack files without one of its own (the test
 * fixtures in tests/fixtures/) takes the repository's, so its stacks get the real defaults.
 */
export function readProjectFile(root = PROJECT_ROOT): ProjectFile {
    const own = path.join(root, "Pulumi.yaml");
    const file = fs.existsSync(own) ? own : path.join(PROJECT_ROOT, "Pulumi.yaml");
    return parseYaml(fs.readFileSync(file, "utf8")) as ProjectFile;
}

/** Stack names that have a `Pulumi.<stack>.yaml` beside Pulumi.yaml, sorted. */
export function listStacks(root = PROJECT_ROOT): string[] {
    return fs
        .readdirSync(root)
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}

/** True when a stack-file value is, or contains, a `{ secure: ... }` node. */
function holdsSecure(value: unknown): boolean {
    if (typeof value !== "object" || value === null) {
        return false;
    }
    if (!Array.isArray(value) && typeof (value as { secure?: unknown }).secure === "string") {
        return true;
    }
    return Object.values(value).some(holdsSecure);
}

/** Renders a config value the way the Pulumi CLI hands it to a program: lists and maps as JSON. */
function toConfigString(value: unknown): string {
    return typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
}

/**
 * The full config map of a stack, as `pulumi up` would pass it to the program: the stack
 * file's values over the project defaults from Pulumi.yaml, keys namespaced
 * (`<project>:<key>`, `aws:region`). Keys without a default and without a value are left
 * out, so the program's own validation reports them.
 */
export function stackConfig(
    stack: string,
    root = PROJECT_ROOT,
): { project: string; config: Record<string, string>; secretKeys: string[] } {
    const project = readProjectFile(root);
    const file = path.join(root, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(file)) {
        throw new Error(`No stack file ${path.basename(file)}; stacks here: ${listStacks(root).join(", ")}`);
    }
    const stackFile = readStackFile(file);
    const config: Record<string, string> = {};
    for (const [key, declared] of Object.entries(project.config ?? {})) {
        if (declared && typeof declared === "object" && "default" in declared) {
            config[`${project.name}:${key}`] = toConfigString(declared.default);
        }
    }
    // A value set with --secret stays `{ secure: <ciphertext> }` here (nothing can decrypt it
    // offline) and marks its key secret, as Pulumi marks the whole key of a --path secret.
    const secretKeys: string[] = [];
    for (const [key, value] of Object.entries(stackFile.config ?? {})) {
        const fullKey = key.includes(":") ? key : `${project.name}:${key}`;
        config[fullKey] = toConfigString(value);
        if (holdsSecure(value)) {
            secretKeys.push(fullKey);
        }
    }
    return { project: project.name, config, secretKeys };
}

/**
 * The top-level keys of a stack settings file, per Pulumi's reference
 * (https://www.pulumi.com/docs/iac/concepts/projects/stack-settings-file/). Anything else
 * (`confg:`, a config key pasted at the top level) would be ignored by the CLI.
 */
export const STACK_FILE_KEYS = ["secretsprovider", "encryptedkey", "encryptionsalt", "config", "environment"] as const;

/** A stack file that cannot be read: YAML syntax (with file:line:col) or unknown top-level keys. */
export class StackFileError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "StackFileError";
    }
}

/** Parses a stack file; throws a StackFileError that says where and what, never a library trace. */
export function readStackFile(file: string): { config?: Record<string, unknown> } {
    const name = path.basename(file);
    const text = fs.readFileSync(file, "utf8");
    // A stack file with nothing but blank lines and comments has no settings, as the Pulumi CLI
    // reads it; js-yaml 5 refuses such a text ("expected a document").
    if (text.replace(/#.*$/gm, "").trim() === "") {
        return {};
    }
    let parsed: unknown;
    try {
        parsed = parseYaml(text, name);
    } catch (e) {
        if (e instanceof yaml.YAMLException) {
            const where = e.mark ? `${name}:${e.mark.line + 1}:${e.mark.column + 1}` : name;
            throw new StackFileError(`${where}: ${e.reason}\n${e.mark?.snippet ?? ""}`.trimEnd());
        }
        throw e;
    }
    if (parsed === undefined || parsed === null) {
        return {};
    }
    if (typeof parsed !== "object" || Array.isArray(parsed)) {
        throw new StackFileError(
            `${name}: a map with a config key is expected at the top level (e.g. config: { aws:region: us-east-1 })`,
        );
    }
    const problems = Object.keys(parsed)
        .filter((key) => !(STACK_FILE_KEYS as readonly string[]).includes(key))
        .map((key) => {
            const near = nearest(key, STACK_FILE_KEYS);
            return `  - top-level key "${key}" is not a stack file setting${near ? ` (did you mean ${near}?)` : ""}; allowed: ${STACK_FILE_KEYS.join(", ")}`;
        });
    if (problems.length > 0) {
        throw new StackFileError(
            `${name} has ${problems.length} unknown top-level key${problems.length === 1 ? "" : "s"}:\n${problems.join("\n")}`,
        );
    }
    return parsed as { config?: Record<string, unknown> };
}
