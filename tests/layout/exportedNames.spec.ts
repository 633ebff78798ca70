/**
 * One name, one meaning (issue 19): no exported name is declared in two files of the
 * repository's TypeScript, the specs' requirement modules included (a spec that names its
 * literal after the source constant it checks would read as if it imported it). A re-export
 * (`export { X } from`) is not a declaration and is allowed.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../helpers";

const SCANNED = ["index.ts", "src", "policy", "bootstrap", "scripts", "tests", "agents/support-agent/src"];
const DECLARATION =
    /^export\s+(?:declare\s+)?(?:abstract\s+)?(?:const|let|function\*?|async function|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm;

function typescriptFiles(at: string): string[] {
    const full = path.join(REPO_ROOT, at);
    if (!fs.existsSync(full)) return [];
    if (fs.statSync(full).isFile()) return [at];
    return fs
        .readdirSync(full, { withFileTypes: true })
        .filter((e) => !["node_modules", "dist", "fixtures"].includes(e.name))
        .flatMap((e) =>
            e.isDirectory()
                ? typescriptFiles(path.join(at, e.name))
                : e.name.endsWith(".ts") && !e.name.endsWith(".d.ts")
                  ? [path.join(at, e.name)]
                  : [],
        );
}

/** Exported name → the files that declare it. */
export function declaredNames(files: readonly { file: string; text: string }[]): Map<string, string[]> {
    const names = new Map<string, string[]>();
    for (const { file, text } of files) {
        for (const m of text.matchAll(DECLARATION)) {
            const where = names.get(m[1]) ?? [];
            if (!where.includes(file)) where.push(file);
            names.set(m[1], where);
        }
    }
    return names;
}

describe("exported names", () => {
    it("finds a name declared in two files, and not a re-export or a name used twice in one file", () => {
        const names = declaredNames([
            { file: "a.ts", text: "export const SAME = 1;\nexport function once() {}\nexport type Once = 1;" },
            { file: "b.ts", text: "export interface SAME {}\nexport { once } from './a';\nconst Once = 2;" },
        ]);
        expect(names.get("SAME")).to.deep.equal(["a.ts", "b.ts"]);
        expect(names.get("once")).to.deep.equal(["a.ts"]);
        expect(names.get("Once")).to.deep.equal(["a.ts"]);
    });

    it("no exported name is declared in two files", () => {
        const files = SCANNED.flatMap(typescriptFiles).map((file) => ({
            file,
            text: fs.readFileSync(path.join(REPO_ROOT, file), "utf8"),
        }));
        expect(files.length).to.be.greaterThan(200);
        const twice = [...declaredNames(files)]
            .filter(([, where]) => where.length > 1)
            .map(([n, w]) => `${n}: ${w.join(", ")}`);
        expect(twice).to.deep.equal([]);
    });
});
