/**
 * `npm run promote -- <from> <to> [runtime] [--move-endpoint <name> --to-version <n>] [--dry-run]`
 *
 * Copies the digest-pinned image (or the S3 code object version) that `<from>` runs into
 * `Pulumi.<to>.yaml`, prints the change as a diff, and writes nothing on any problem.
 * Reads what `<from>` runs from `pulumi stack output --json --stack <from>` when a Pulumi
 * CLI is on PATH (`--source-stack org/name` names the stack there), else from
 * `Pulumi.<from>.yaml`. Exit code 0 on success (also when nothing changed), 1 when refused,
 * 2 on a usage error. The logic is in src/release.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { artifactsFromOutputs, artifactsFromStackFile, SourceArtifacts } from "../src/release/artifacts";
import { unifiedDiff } from "../src/release/diff";
import {
    EndpointMove,
    keepPromotedImagesScript,
    promote,
    PromotionError,
    stackFileRuntimes,
} from "../src/release/promote";
import { PROJECT_ROOT, readProjectFile } from "../src/plan/offline/stackFiles";

const USAGE = `Usage: npm run promote -- <from> <to> [runtime] [options]

  from, to                   stack names (Pulumi.<stack>.yaml); the artifact of <from> goes into <to>'s file
  runtime                    one runtime to promote (default: every runtime <from> runs)
  --move-endpoint NAME       also move the pinned endpoint NAME of <to> ...
  --to-version N             ... to runtime version N (both or neither; needs one runtime)
  --source-stack REF         the stack to read outputs from, e.g. acme/staging (default: <from>)
  --from-file                read <from>'s artifact from its stack file even when a Pulumi CLI is present
  --tag-script FILE          also write FILE, a bash script that tags each promoted ECR digest
                             promoted-<to>-<12 hex> (kept by the source's lifecycle policy); run it
                             with AWS credentials before \`pulumi up\` of <to>, whose preview refuses
                             a promoted digest without that tag
  --dry-run                  print the diff, write nothing
  --root DIR                 read and write stack files in DIR (default: the repository)
`;

export interface PromoteArgs {
    readonly from: string;
    readonly to: string;
    readonly runtimes: string[];
    readonly moveEndpoint?: EndpointMove;
    readonly sourceStack?: string;
    readonly fromFile: boolean;
    readonly dryRun: boolean;
    readonly root: string;
    /** Where to write the tagging script; undefined: none. */
    readonly tagScript?: string;
}

/** Parses the arguments after `npm run promote --`; throws an Error with a usage message. */
export function parsePromoteArgs(argv: readonly string[]): PromoteArgs {
    const positional: string[] = [];
    let endpoint: string | undefined;
    let version: string | undefined;
    let sourceStack: string | undefined;
    let fromFile = false;
    let dryRun = false;
    let root = PROJECT_ROOT;
    let tagScript: string | undefined;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const value = (): string => {
            const v = argv[++i];
            if (v === undefined || v.startsWith("--")) {
                throw new Error(`${arg} needs a value`);
            }
            return v;
        };
        if (arg === "--move-endpoint") endpoint = value();
        else if (arg === "--to-version") version = value();
        else if (arg === "--source-stack") sourceStack = value();
        else if (arg === "--root") root = path.resolve(value());
        else if (arg === "--tag-script") tagScript = path.resolve(value());
        else if (arg === "--from-file") fromFile = true;
        else if (arg === "--dry-run") dryRun = true;
        else if (arg.startsWith("--")) throw new Error(`unknown option ${arg}`);
        else positional.push(arg);
    }
    if (positional.length < 2 || positional.length > 3) {
        throw new Error(
            `expected <from> <to> [runtime], got ${positional.length} argument${positional.length === 1 ? "" : "s"}`,
        );
    }
    if ((endpoint === undefined) !== (version === undefined)) {
        throw new Error("--move-endpoint and --to-version go together: --move-endpoint live --to-version 3");
    }
    if (positional[0] === positional[1]) {
        throw new Error(`<from> and <to> are both "${positional[0]}": promotion copies between two stacks`);
    }
    return {
        from: positional[0],
        to: positional[1],
        runtimes: positional.slice(2),
        moveEndpoint: endpoint !== undefined && version !== undefined ? { endpoint, version } : undefined,
        sourceStack,
        fromFile,
        dryRun,
        root,
        tagScript,
    };
}

/** Where the source's artifacts come from, and how to reach each. */
export interface SourceReader {
    /** True when a Pulumi CLI answers `pulumi version`. */
    readonly pulumiAvailable: () => boolean;
    /** `pulumi stack output --json --stack <ref>`, parsed; throws with the CLI's message. */
    readonly stackOutputs: (stackRef: string, cwd: string) => unknown;
}

export const CLI_READER: SourceReader = {
    pulumiAvailable: () => spawnSync("pulumi", ["version"], { encoding: "utf8" }).status === 0,
    stackOutputs: (stackRef, cwd) => {
        const r = spawnSync("pulumi", ["stack", "output", "--json", "--stack", stackRef], { cwd, encoding: "utf8" });
        if (r.status !== 0) {
            throw new Error(
                `pulumi stack output --json --stack ${stackRef} failed: ${(r.stderr || r.error?.message || "").trim()}`,
            );
        }
        return JSON.parse(r.stdout) as unknown;
    },
};

/** Runs the command; returns the exit code. Output goes through `log`. */
export function runPromote(
    argv: readonly string[],
    reader: SourceReader = CLI_READER,
    log: (line: string) => void = console.log,
): number {
    if (argv.includes("--help") || argv.includes("-h")) {
        log(USAGE);
        return 0;
    }
    let args: PromoteArgs;
    try {
        args = parsePromoteArgs(argv);
    } catch (e) {
        log(`promote: ${(e as Error).message}\n\n${USAGE}`);
        return 2;
    }
    const project = readProjectFile(args.root).name;
    const fromFile = path.join(args.root, `Pulumi.${args.from}.yaml`);
    const toFile = path.join(args.root, `Pulumi.${args.to}.yaml`);
    try {
        if (!fs.existsSync(toFile)) {
            throw new PromotionError([`no stack file ${path.basename(toFile)} in ${args.root}`]);
        }
        let source: SourceArtifacts;
        let origin: string;
        if (!args.fromFile && reader.pulumiAvailable()) {
            const ref = args.sourceStack ?? args.from;
            source = artifactsFromOutputs(reader.stackOutputs(ref, args.root), args.from);
            origin = `the outputs of stack ${ref}`;
        } else {
            if (!fs.existsSync(fromFile)) {
                throw new PromotionError([
                    `no stack file ${path.basename(fromFile)} in ${args.root}, and no Pulumi CLI to read the stack's outputs`,
                ]);
            }
            source = artifactsFromStackFile(stackFileRuntimes(fs.readFileSync(fromFile, "utf8"), project), args.from);
            origin = `${path.basename(fromFile)} (no Pulumi CLI: the file is taken as what was deployed)`;
        }
        const before = fs.readFileSync(toFile, "utf8");
        const result = promote({
            project,
            from: args.from,
            to: args.to,
            source,
            targetText: before,
            runtimes: args.runtimes,
            moveEndpoint: args.moveEndpoint,
        });
        log(`Promoting ${args.from} -> ${args.to}, read from ${origin}:`);
        result.changes.forEach((c) => log(`  ${c}`));
        if (args.tagScript) {
            // Written also with --dry-run and when the file is unchanged: the tags may still be missing.
            fs.writeFileSync(args.tagScript, keepPromotedImagesScript(args.from, args.to, result.keepCommands), {
                mode: 0o755,
            });
            log(
                `Wrote ${args.tagScript}: ${result.keepCommands.length} image${result.keepCommands.length === 1 ? "" : "s"} to tag; run it before \`pulumi up --stack ${args.to}\`.`,
            );
        }
        const diff = unifiedDiff(before, result.text, path.basename(toFile));
        if (diff === "") {
            log(`${path.basename(toFile)} is unchanged.`);
            return 0;
        }
        log(diff.trimEnd());
        if (args.dryRun) {
            log(`--dry-run: ${path.basename(toFile)} was not written.`);
        } else {
            fs.writeFileSync(toFile, result.text);
            log(
                `Wrote ${path.basename(toFile)}. Pinned endpoints were ${args.moveEndpoint ? "moved only as shown" : "left as they were"}; deploy with \`pulumi up --stack ${args.to}\`.`,
            );
        }
        return 0;
    } catch (e) {
        log(
            e instanceof PromotionError
                ? `promote: ${e.message}`
                : `promote: Nothing was written: ${(e as Error).message}`,
        );
        return 1;
    }
}

if (require.main === module) {
    process.exitCode = runPromote(process.argv.slice(2));
}
