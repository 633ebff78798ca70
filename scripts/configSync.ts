/**
 * `npm run config:sync`: rewrites the `config:` section of Pulumi.yaml and the README's
 * configuration table from src/config/keys.ts, and bootstrap/Pulumi.yaml's from
 * bootstrap/config.ts: the one declaration of every key.
 * tests/config/configKeys.spec.ts fails when either file differs from what this generates.
 */
import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";
import { BOOTSTRAP_KEYS } from "../bootstrap/config";
import { KeyDeclaration } from "../src/config/declare";
import { CONFIG_KEYS, KEYS, PROVIDER_KEYS, plainText } from "../src/config/keys";
import { PROJECT_ROOT } from "../src/plan/offline/stackFiles";

/** Where the generated README table starts and ends. */
export const TABLE_START = "<!-- config-keys: generated from src/config/keys.ts by npm run config:sync -->";
export const TABLE_END = "<!-- /config-keys -->";

/**
 * One key's Pulumi.yaml schema entry. A key without a default declares "" (unset); a required
 * key whose default is "" declares none, so that Pulumi itself refuses a stack without it.
 */
function schemaEntry(key: KeyDeclaration<unknown>): Record<string, unknown> {
    const omitDefault = key.required !== undefined && key.default === "";
    return {
        type: key.type,
        ...(key.type === "array" ? { items: { type: "string" } } : {}),
        description: plainText(key.text),
        ...(omitDefault ? {} : { default: key.default ?? "" }),
    };
}

/** A Pulumi.yaml with its `config:` section (everything from that line to the next top-level key or comment) generated. */
export function renderProjectFile(current: string, keys: Record<string, KeyDeclaration<unknown>> = KEYS): string {
    const start = current.search(/^config:$/m);
    const rest = current.slice(start + "config:".length);
    const next = rest.search(/^[^\s]/m);
    const tail = next < 0 ? "" : rest.slice(next);
    const config = Object.fromEntries(
        Object.entries(keys)
            .filter(([, key]) => key.type !== undefined)
            .map(([name, key]) => [name, schemaEntry(key)]),
    );
    return current.slice(0, start) + yaml.dump({ config }, { lineWidth: -1, noRefs: true }) + tail;
}

/** The bootstrap program's Pulumi.yaml, from bootstrap/config.ts. */
export function renderBootstrapProjectFile(current: string): string {
    return renderProjectFile(current, BOOTSTRAP_KEYS);
}

/** The README's configuration table, between its markers. */
export function renderReadmeTable(): string {
    const rows = [...PROVIDER_KEYS, ...CONFIG_KEYS.map((name) => ({ name, ...KEYS[name] }))].map(
        (k) => `| \`${k.name}\` | ${k.text} | ${k.defaultText} |`,
    );
    return [TABLE_START, "| key | meaning | default |", "|---|---|---|", ...rows, TABLE_END].join("\n");
}

/** README.md with the generated table in place of the one between the markers. */
export function renderReadme(current: string): string {
    const start = current.indexOf(TABLE_START);
    const end = current.indexOf(TABLE_END);
    if (start < 0 || end < start) {
        throw new Error(`README.md has no ${TABLE_START} … ${TABLE_END} block`);
    }
    return current.slice(0, start) + renderReadmeTable() + current.slice(end + TABLE_END.length);
}

if (require.main === module) {
    for (const [file, render] of [
        ["Pulumi.yaml", (current: string) => renderProjectFile(current)],
        ["bootstrap/Pulumi.yaml", renderBootstrapProjectFile],
        ["README.md", renderReadme],
    ] as const) {
        const full = path.join(PROJECT_ROOT, file);
        const current = fs.readFileSync(full, "utf8");
        const next = render(current);
        if (next !== current) {
            fs.writeFileSync(full, next);
            process.stdout.write(`updated ${file}\n`);
        } else {
            process.stdout.write(`${file} is up to date\n`);
        }
    }
}
