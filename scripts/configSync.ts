/**
 * `npm run config:sync`: rewrites the `config:` section of Pulumi.yaml and the README's
 * configuration table from src/config/keys.ts, the one declaration of every key.
 * tests/config/configKeys.spec.ts fails when either file differs from what this generates.
 */
import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";
import { CONFIG_KEYS, KEYS, KeyName, PROVIDER_KEYS, plainText } from "../src/config/keys";
import { PROJECT_ROOT } from "../src/plan/offline/stackFiles";

/** Where the generated README table starts and ends. */
export const TABLE_START = "<!-- config-keys: generated from src/config/keys.ts by npm run config:sync -->";
export const TABLE_END = "<!-- /config-keys -->";

/** One key's Pulumi.yaml schema entry; a key without a default declares "" (unset). */
function schemaEntry(name: KeyName): Record<string, unknown> {
    const key = KEYS[name];
    return {
        type: key.type,
        ...(key.type === "array" ? { items: { type: "string" } } : {}),
        description: plainText(key.text),
        default: key.default ?? "",
    };
}

/** Pulumi.yaml with its `config:` section (everything from that line on) generated. */
export function renderProjectFile(current: string): string {
    const head = current.slice(0, current.search(/^config:$/m));
    const config = Object.fromEntries(
        CONFIG_KEYS.filter((name) => KEYS[name].type !== undefined).map((name) => [name, schemaEntry(name)]),
    );
    return head + yaml.dump({ config }, { lineWidth: -1, noRefs: true });
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
        ["Pulumi.yaml", renderProjectFile],
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
