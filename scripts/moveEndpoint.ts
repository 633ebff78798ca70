/**
 * `npm run move-endpoint -- <stack> <runtime> <endpoint> <version> [--dry-run] [--root DIR]`
 *
 * The separate, explicit step after a promotion: points a pinned endpoint (e.g. `live`) of
 * `Pulumi.<stack>.yaml` at another runtime version, once that version has been deployed
 * and checked. Nothing else in the file changes. Exit code 0, 1 when refused, 2 on a usage error.
 */
import * as fs from "fs";
import * as path from "path";
import { unifiedDiff } from "../src/release/diff";
import { promote, PromotionError } from "../src/release/promote";
import { PROJECT_ROOT, readProjectFile } from "../src/plan/offline/stackFiles";

const USAGE = `Usage: npm run move-endpoint -- <stack> <runtime> <endpoint> <version> [--dry-run] [--root DIR]`;

export function runMoveEndpoint(argv: readonly string[], log: (line: string) => void = console.log): number {
    if (argv.includes("--help") || argv.includes("-h")) {
        log(USAGE);
        return 0;
    }
    const positional = argv.filter((a, i) => !a.startsWith("--") && argv[i - 1] !== "--root");
    const rootAt = argv.indexOf("--root");
    const unknown = argv.filter((a) => a.startsWith("--") && a !== "--dry-run" && a !== "--root");
    if (positional.length !== 4 || unknown.length > 0 || (rootAt >= 0 && argv[rootAt + 1] === undefined)) {
        log(
            `move-endpoint: expected <stack> <runtime> <endpoint> <version>${unknown.length ? `; unknown option ${unknown[0]}` : ""}\n${USAGE}`,
        );
        return 2;
    }
    const [stack, runtime, endpoint, version] = positional;
    const root = rootAt >= 0 ? path.resolve(argv[rootAt + 1]) : PROJECT_ROOT;
    const file = path.join(root, `Pulumi.${stack}.yaml`);
    try {
        if (!fs.existsSync(file)) {
            throw new PromotionError([`no stack file ${path.basename(file)} in ${root}`]);
        }
        const before = fs.readFileSync(file, "utf8");
        const result = promote({
            project: readProjectFile(root).name,
            from: stack,
            to: stack,
            source: new Map(),
            targetText: before,
            runtimes: [runtime],
            moveEndpoint: { endpoint, version },
            promoteArtifact: false,
        });
        result.changes.forEach((c) => log(c));
        const diff = unifiedDiff(before, result.text, path.basename(file));
        if (diff !== "") {
            log(diff.trimEnd());
            if (argv.includes("--dry-run")) {
                log(`--dry-run: ${path.basename(file)} was not written.`);
            } else {
                fs.writeFileSync(file, result.text);
                log(`Wrote ${path.basename(file)}; the endpoint moves with \`pulumi up --stack ${stack}\`.`);
            }
        }
        return 0;
    } catch (e) {
        log(`move-endpoint: ${(e as Error).message}`);
        return 1;
    }
}

if (require.main === module) {
    process.exitCode = runMoveEndpoint(process.argv.slice(2));
}
