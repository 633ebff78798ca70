/**
 * `npm run diagram:sync`: redraws the development stack's architecture diagram from the real
 * program in both places that show it, docs/diagram-development.md and the README's mermaid
 * block. tests/stack/stackFiles.spec.ts fails when either differs from what the program builds
 * and names this command, so a valid edit of the development stack file is one command away
 * from green.
 */
import * as fs from "fs";
import * as path from "path";
import { diagramMarkdown, mermaidDiagram } from "../src/plan/diagram";
import { PROJECT_ROOT } from "../src/plan/offline/stackFiles";
import { planStack } from "../src/plan/run";

/** The command that regenerates both copies; the failing test names it. */
export const DIAGRAM_SYNC_COMMAND = "npm run diagram:sync";

/** README.md with its first mermaid block replaced by `diagram`. */
export function withReadmeDiagram(readme: string, diagram: string): string {
    const block = /```mermaid\n[\s\S]*?```/;
    if (!block.test(readme)) {
        throw new Error("README.md has no ```mermaid block to replace");
    }
    const body = diagram.endsWith("\n") ? diagram : `${diagram}\n`;
    return readme.replace(block, () => "```mermaid\n" + body + "```");
}

/**
 * Redraws both copies under `root` from its development stack file (artifact paths resolved in
 * `sourceRoot`); throws when development does not plan.
 */
export async function syncDiagrams(root: string = PROJECT_ROOT, sourceRoot: string = root): Promise<void> {
    const result = await planStack("development", { root, sourceRoot });
    if (result.error || !result.plan) {
        throw new Error(`development cannot be planned: ${result.error?.message}`);
    }
    const docs = path.join(root, "docs", "diagram-development.md");
    fs.writeFileSync(docs, diagramMarkdown(result.plan, DIAGRAM_SYNC_COMMAND));
    const readme = path.join(root, "README.md");
    fs.writeFileSync(readme, withReadmeDiagram(fs.readFileSync(readme, "utf8"), mermaidDiagram(result.plan)));
}

async function main(): Promise<number> {
    await syncDiagrams();
    console.log("Wrote docs/diagram-development.md and the README's diagram from the development stack.");
    return 0;
}

if (require.main === module) {
    main().then(
        (code) => process.exit(code),
        (e: Error) => {
            console.error(e.message);
            process.exit(1);
        },
    );
}
