/**
 * `npm run promote` and `npm run move-endpoint` against temp copies of the fixture stack
 * files in tests/fixtures/promote: every refusal leaves the target byte-identical, every
 * success changes exactly the expected lines and keeps comments, quoting and order.
 */
import { expect } from "chai";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parsePromoteArgs, runPromote, SourceReader } from "../../scripts/promote";
import { runMoveEndpoint } from "../../scripts/moveEndpoint";
import { unifiedDiff } from "../../src/release/diff";
import { keepPromotedImageCommand } from "../../src/release/promote";
import { REPO_ROOT } from "../helpers";

const FIXTURES = path.join(REPO_ROOT, "tests", "fixtures", "promote");
const PRODUCTION = fs.readFileSync(path.join(FIXTURES, "Pulumi.production.yaml"), "utf8");

const DIGEST_1 =
    "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent@sha256:1111111111111111111111111111111111111111111111111111111111111111";
const DIGEST_3 =
    "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent@sha256:3333333333333333333333333333333333333333333333333333333333333333";

/** A temp copy of the fixtures, so each test starts from the same bytes. */
function workspace(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "promote-"));
    for (const f of fs.readdirSync(FIXTURES)) {
        fs.copyFileSync(path.join(FIXTURES, f), path.join(dir, f));
    }
    return dir;
}

const NO_CLI: SourceReader = {
    pulumiAvailable: () => false,
    stackOutputs: () => {
        throw new Error("no CLI");
    },
};

function withOutputs(outputs: unknown, seen: string[] = []): SourceReader {
    return {
        pulumiAvailable: () => true,
        stackOutputs: (ref) => {
            seen.push(ref);
            return outputs;
        },
    };
}

function run(
    argv: string[],
    reader: SourceReader = NO_CLI,
): { code: number; out: string; dir: string; production: string } {
    const dir = workspace();
    const lines: string[] = [];
    const code = runPromote([...argv, "--root", dir], reader, (l) => lines.push(l));
    return {
        code,
        out: lines.join("\n"),
        dir,
        production: fs.readFileSync(path.join(dir, "Pulumi.production.yaml"), "utf8"),
    };
}

/** The production fixture with one line replaced (the line must occur once). */
function productionWith(from: string, to: string): string {
    expect(PRODUCTION.split(from).length, `fixture has "${from}" once`).to.equal(2);
    return PRODUCTION.replace(from, to);
}

describe("promote: happy paths", () => {
    it("copies staging's digest into production's containerUri and nothing else (from the stack file)", () => {
        const r = run(["staging", "production", "support_agent"]);
        expect(r.code).to.equal(0);
        expect(r.production).to.equal(
            productionWith(
                "support-agent@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "support-agent@sha256:1111111111111111111111111111111111111111111111111111111111111111",
            ),
        );
        expect(r.out).to.contain("read from Pulumi.staging.yaml (no Pulumi CLI");
        expect(r.out).to.contain(
            [
                "--- a/Pulumi.production.yaml",
                "+++ b/Pulumi.production.yaml",
                "@@ -7,5 +7,5 @@",
                "       description: Customer support agent",
                "       # The image production runs; only `npm run promote` changes it.",
                "-      containerUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                `+      containerUri: ${DIGEST_1}`,
                "       protocol: HTTP # the only protocol this agent speaks",
                "       endpoints:",
            ].join("\n"),
        );
        expect(r.out).to.contain("Pinned endpoints were left as they were");
    });

    it("promotes every runtime the source runs when none is named; a code version replaces an image build in place", () => {
        const r = run(["staging", "production"]);
        expect(r.code).to.equal(0);
        const expected = productionWith(
            `support-agent@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08`,
            `support-agent@sha256:${"1".repeat(64)}`,
        ).replace(
            "    - name: triage_agent\n      image:\n        context: agents/triage-agent\n",
            [
                "    - name: triage_agent",
                "      code:",
                "        s3:",
                "          bucket: agent-code-staging",
                "          key: triage_agent/code.zip",
                "          versionId: 3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY",
                "        runtime: NODE_22",
                "        entryPoint:",
                "          - main.js",
                "",
            ].join("\n"),
        );
        expect(r.production).to.equal(expected);
        expect(r.out).to.contain(
            "runtime triage_agent: artifact -> s3://agent-code-staging/triage_agent/code.zip?versionId=3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY (NODE_22)",
        );
    });

    it("reads the deployed digest from the source stack's outputs when a Pulumi CLI is present (a built image promotes by its digest)", () => {
        const seen: string[] = [];
        const outputs = {
            runtimes: {
                support_agent: {
                    arn: "arn",
                    artifact: {
                        kind: "image",
                        imageUri: DIGEST_3,
                        repositoryUrl: "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent",
                    },
                },
            },
        };
        const r = run(["staging", "production", "--source-stack", "acme/staging"], withOutputs(outputs, seen));
        expect(r.code).to.equal(0);
        expect(seen).to.deep.equal(["acme/staging"]);
        expect(r.out).to.contain("read from the outputs of stack acme/staging");
        expect(r.production).to.equal(
            productionWith(
                "support-agent@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                `support-agent@sha256:${"3".repeat(64)}`,
            ),
        );
    });

    it("reads a code object version from the outputs (bucket, key, versionId, codeRuntime, entryPoint)", () => {
        const outputs = {
            runtimes: {
                triage_agent: {
                    artifact: {
                        kind: "code",
                        code: { bucket: "b1", key: "k/code.zip", versionId: "v7" },
                        codeRuntime: "PYTHON_3_13",
                        entryPoint: ["main.py"],
                    },
                },
            },
        };
        const r = run(["staging", "production", "triage_agent"], withOutputs(outputs));
        expect(r.code).to.equal(0);
        expect(r.production).to.contain(
            "      code:\n        s3:\n          bucket: b1\n          key: k/code.zip\n          versionId: v7\n        runtime: PYTHON_3_13\n        entryPoint:\n          - main.py\n",
        );
        expect(r.production).not.to.contain("image:");
    });

    it("--from-file ignores the CLI", () => {
        const r = run(["staging", "production", "support_agent", "--from-file"], withOutputs({}));
        expect(r.code).to.equal(0);
        expect(r.production).to.contain(DIGEST_1);
    });

    it("--dry-run prints the diff and writes nothing", () => {
        const r = run(["staging", "production", "support_agent", "--dry-run"]);
        expect(r.code).to.equal(0);
        expect(r.out).to.contain(`+      containerUri: ${DIGEST_1}`);
        expect(r.out).to.contain("--dry-run: Pulumi.production.yaml was not written.");
        expect(r.production).to.equal(PRODUCTION);
    });

    it("leaves the pinned endpoint alone, and moves it only with --move-endpoint and --to-version (quoting kept)", () => {
        expect(run(["staging", "production", "support_agent"]).production).to.contain('          version: "1"\n');
        const r = run(["staging", "production", "support_agent", "--move-endpoint", "live", "--to-version", "7"]);
        expect(r.code).to.equal(0);
        expect(r.production).to.equal(
            productionWith(
                "support-agent@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                `support-agent@sha256:${"1".repeat(64)}`,
            ).replace('version: "1"', 'version: "7"'),
        );
        expect(r.out).to.contain("runtime support_agent: endpoint live version 1 -> 7");
    });

    it("a second run changes nothing and says so", () => {
        const dir = workspace();
        const log: string[] = [];
        expect(runPromote(["staging", "production", "support_agent", "--root", dir], NO_CLI, () => undefined)).to.equal(
            0,
        );
        const once = fs.readFileSync(path.join(dir, "Pulumi.production.yaml"), "utf8");
        expect(
            runPromote(["staging", "production", "support_agent", "--root", dir], NO_CLI, (l) => log.push(l)),
        ).to.equal(0);
        expect(fs.readFileSync(path.join(dir, "Pulumi.production.yaml"), "utf8")).to.equal(once);
        expect(log.join("\n")).to.contain("Pulumi.production.yaml is unchanged.");
    });
});

describe("promote: refusals write nothing", () => {
    const refused = (argv: string[], reader: SourceReader = NO_CLI) => {
        const r = run(argv, reader);
        expect(r.code, r.out).to.equal(1);
        expect(r.production).to.equal(PRODUCTION);
        expect(r.out).to.contain("Nothing was written");
        return r.out;
    };

    it("refuses an image pinned by tag in the source stack file", () => {
        expect(refused(["tagged", "production"])).to.contain('is pinned by the tag ":1.4.2"');
    });

    it("refuses an image pinned by tag in the source's outputs", () => {
        const outputs = {
            runtimes: {
                support_agent: {
                    artifact: {
                        kind: "container",
                        imageUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent:latest",
                    },
                },
            },
        };
        expect(refused(["staging", "production"], withOutputs(outputs))).to.contain('is pinned by the tag ":latest"');
    });

    it("refuses image: and code.path read from a stack file: builds, not deployed versions", () => {
        const out = refused(["built", "production"]);
        expect(out).to.contain(
            'runtime "support_agent": Pulumi.built.yaml runtimes[0].image is a build (context "agents/support-agent"), not a deployed digest',
        );
        expect(out).to.contain(
            'runtime "triage_agent": Pulumi.built.yaml runtimes[1].code.path "agents/triage-agent/dist" is a local build',
        );
        expect(out).to.contain("2 problems");
    });

    it("refuses a code object without versionId", () => {
        expect(refused(["unversioned", "production"])).to.contain(
            "s3://agent-code-staging/triage_agent/code.zip has no versionId",
        );
    });

    it("refuses a runtime the source does not run", () => {
        expect(refused(["staging", "production", "billing_agent"])).to.contain(
            'runtime "billing_agent" is not run by stack staging (it runs: support_agent, triage_agent)',
        );
    });

    it("refuses a runtime the target has not got", () => {
        const outputs = { runtimes: { billing_agent: { artifact: { kind: "container", imageUri: DIGEST_3 } } } };
        expect(refused(["staging", "production"], withOutputs(outputs))).to.contain(
            'runtime "billing_agent" is not in Pulumi.production.yaml (it has: support_agent, triage_agent)',
        );
    });

    it("refuses an image from another region than the target's", () => {
        expect(refused(["westcoast", "production"])).to.contain(
            "is in us-west-2, but stack production runs in us-east-1",
        );
    });

    it("refuses outputs without an artifact (deployed before artifacts were exported)", () => {
        expect(
            refused(
                ["staging", "production"],
                withOutputs({ runtimes: { support_agent: { arn: "a", id: "i", version: "1" } } }),
            ),
        ).to.contain("stack staging output runtimes.support_agent.artifact is missing");
    });

    it("refuses an endpoint the target runtime does not have, and a version that is not a whole number from 1", () => {
        expect(
            refused(["staging", "production", "support_agent", "--move-endpoint", "canary", "--to-version", "2"]),
        ).to.contain(
            '--move-endpoint "canary": runtime "support_agent" of Pulumi.production.yaml has no such endpoint (it has: live)',
        );
        expect(
            refused(["staging", "production", "support_agent", "--move-endpoint", "live", "--to-version", "0"]),
        ).to.contain('--to-version "0" is invalid');
        expect(refused(["staging", "production", "--move-endpoint", "live", "--to-version", "2"])).to.contain(
            "--move-endpoint needs exactly one runtime (got 2",
        );
    });

    it("refuses when the CLI cannot read the source's outputs", () => {
        const failing: SourceReader = {
            pulumiAvailable: () => true,
            stackOutputs: () => {
                throw new Error("pulumi stack output --json --stack staging failed: no stack named 'staging' found");
            },
        };
        expect(refused(["staging", "production"], failing)).to.contain("no stack named 'staging' found");
    });

    it("refuses a missing target stack file", () => {
        const r = run(["staging", "qa"]);
        expect(r.code).to.equal(1);
        expect(r.out).to.contain("no stack file Pulumi.qa.yaml");
    });
});

describe("promote: arguments", () => {
    it("parses stacks, runtime and flags", () => {
        const a = parsePromoteArgs([
            "staging",
            "production",
            "support_agent",
            "--move-endpoint",
            "live",
            "--to-version",
            "4",
            "--dry-run",
        ]);
        expect([a.from, a.to, a.runtimes, a.moveEndpoint, a.dryRun]).to.deep.equal([
            "staging",
            "production",
            ["support_agent"],
            { endpoint: "live", version: "4" },
            true,
        ]);
    });

    it("usage errors exit 2 and write nothing", () => {
        for (const argv of [
            ["staging"],
            ["staging", "production", "a", "b"],
            ["staging", "staging"],
            ["staging", "production", "--move-endpoint", "live"],
            ["staging", "production", "--to-version", "3"],
            ["staging", "production", "--bogus"],
        ]) {
            const r = run(argv);
            expect(r.code, argv.join(" ")).to.equal(2);
            expect(r.production).to.equal(PRODUCTION);
        }
    });
});

describe("move-endpoint: the separate step", () => {
    function move(argv: string[]): { code: number; out: string; production: string } {
        const dir = workspace();
        const lines: string[] = [];
        const code = runMoveEndpoint([...argv, "--root", dir], (l) => lines.push(l));
        return {
            code,
            out: lines.join("\n"),
            production: fs.readFileSync(path.join(dir, "Pulumi.production.yaml"), "utf8"),
        };
    }

    it("changes only the endpoint's version line", () => {
        const r = move(["production", "support_agent", "live", "12"]);
        expect(r.code).to.equal(0);
        expect(r.production).to.equal(productionWith('version: "1"', 'version: "12"'));
    });

    it("refuses an unknown endpoint or runtime and writes nothing", () => {
        const a = move(["production", "support_agent", "canary", "2"]);
        expect(a.code).to.equal(1);
        expect(a.production).to.equal(PRODUCTION);
        const b = move(["production", "billing_agent", "live", "2"]);
        expect(b.code).to.equal(1);
        expect(b.out).to.contain('runtime "billing_agent" is not in Pulumi.production.yaml');
        expect(move(["production", "support_agent", "live"]).code).to.equal(2);
    });

    it("--dry-run writes nothing", () => {
        const r = move(["production", "support_agent", "live", "2", "--dry-run"]);
        expect(r.code).to.equal(0);
        expect(r.production).to.equal(PRODUCTION);
        expect(r.out).to.contain('+          version: "2"');
    });
});

describe("unifiedDiff", () => {
    it("is empty for equal texts and marks removals before additions", () => {
        expect(unifiedDiff("a\nb\n", "a\nb\n", "f")).to.equal("");
        expect(unifiedDiff("a\nb\nc\n", "a\nx\nc\n", "f")).to.equal(
            "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n-b\n+x\n c\n",
        );
    });
});

describe("promote and move-endpoint: --help", () => {
    it("prints the usage and exits 0, reading no stack file", () => {
        const promoteLines: string[] = [];
        expect(
            runPromote(
                ["--help"],
                {
                    read: () => {
                        throw new Error("no read expected");
                    },
                } as unknown as SourceReader,
                (l) => promoteLines.push(l),
            ),
        ).to.equal(0);
        expect(promoteLines.join("\n")).to.match(/^Usage: npm run promote -- <from> <to> \[runtime\] \[options\]/);
        const moveLines: string[] = [];
        expect(runMoveEndpoint(["-h"], (l) => moveLines.push(l))).to.equal(0);
        expect(moveLines).to.deep.equal([
            "Usage: npm run move-endpoint -- <stack> <runtime> <endpoint> <version> [--dry-run] [--root DIR]",
        ]);
    });

    it("a near miss, an unknown option, is still a usage error (exit 2)", () => {
        expect(
            runPromote(
                ["staging", "production", "--helpme"],
                { read: () => undefined } as unknown as SourceReader,
                () => undefined,
            ),
        ).to.equal(2);
    });
});

describe("promotion: keeping a promoted image from the source's lifecycle", () => {
    it("prints the command that tags the digest promoted-<target>-<12 hex> in its repository", () => {
        expect(
            keepPromotedImageCommand(
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/agentcore-staging/support_agent@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "production",
            ),
        ).to.equal(
            "aws ecr put-image --registry-id 123456789012 --region us-east-1 --repository-name agentcore-staging/support_agent --image-tag promoted-production-9f86d081884c --image-manifest " +
                `"$(aws ecr batch-get-image --registry-id 123456789012 --region us-east-1 --repository-name agentcore-staging/support_agent --image-ids imageDigest=sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 --query 'images[0].imageManifest' --output text)"`,
        );
    });

    it("near miss: an image outside ECR, or pinned by tag, gets no command", () => {
        expect(keepPromotedImageCommand("ghcr.io/acme/agent@sha256:" + "a".repeat(64), "production")).to.equal(
            undefined,
        );
        expect(
            keepPromotedImageCommand("123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/a:v1", "production"),
        ).to.equal(undefined);
    });
});

describe("promote --tag-script: the script that keeps promoted images", () => {
    /** A fake `aws` on PATH that logs each call and answers describe-images as `tagged` says. */
    function fakeAws(dir: string, tagged: boolean): { env: NodeJS.ProcessEnv; calls: () => string[] } {
        const bin = path.join(dir, "bin");
        fs.mkdirSync(bin, { recursive: true });
        const log = path.join(dir, "aws.log");
        fs.writeFileSync(
            path.join(bin, "aws"),
            [
                "#!/usr/bin/env bash",
                `echo "$*" >> ${JSON.stringify(log)}`,
                `if [ "$2" = "describe-images" ]; then exit ${tagged ? 0 : 254}; fi`,
                `if [ "$2" = "batch-get-image" ]; then echo '{"schemaVersion":2}'; fi`,
            ].join("\n") + "\n",
            { mode: 0o755 },
        );
        return {
            env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
            calls: () => (fs.existsSync(log) ? fs.readFileSync(log, "utf8").trim().split("\n") : []),
        };
    }

    it("writes, beside the promotion, a script that tags the promoted digest promoted-<to>-<12 hex> once", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tag-script-"));
        const script = path.join(dir, "tags.sh");
        const r = run(["staging", "production", "support_agent", "--tag-script", script]);
        expect(r.code).to.equal(0);
        expect(r.out).to.contain(`Wrote ${script}: 1 image to tag; run it before \`pulumi up --stack production\`.`);
        const text = fs.readFileSync(script, "utf8");
        expect(text).to.contain("set -euo pipefail");
        expect(text).to.contain(`# runtime support_agent: ${DIGEST_1}`);
        const where = "--registry-id 123456789012 --region us-east-1 --repository-name agents/support-agent";
        expect(text).to.contain(
            `if aws ecr describe-images ${where} --image-ids imageTag=promoted-production-111111111111 >/dev/null 2>&1; then`,
        );
        // Run it against a fake aws: untagged, it reads the manifest and puts it under the tag.
        const untagged = fakeAws(dir, false);
        execFileSync("bash", [script], { env: untagged.env });
        expect(untagged.calls()).to.deep.equal([
            `ecr describe-images ${where} --image-ids imageTag=promoted-production-111111111111`,
            `ecr batch-get-image ${where} --image-ids imageDigest=sha256:${"1".repeat(64)} --query images[0].imageManifest --output text`,
            `ecr put-image ${where} --image-tag promoted-production-111111111111 --image-manifest {"schemaVersion":2}`,
        ]);
    });

    it("near miss: a digest already tagged is left alone (the script is safe to run twice)", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tag-script-"));
        const script = path.join(dir, "tags.sh");
        expect(run(["staging", "production", "support_agent", "--tag-script", script]).code).to.equal(0);
        const tagged = fakeAws(dir, true);
        const out = execFileSync("bash", [script], { env: tagged.env, encoding: "utf8" });
        expect(out).to.contain("runtime support_agent: promoted-production-111111111111 is already there");
        expect(tagged.calls().filter((c) => c.includes("put-image"))).to.deep.equal([]);
    });

    it("with no image promoted (code only), a script that says so and succeeds", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tag-script-"));
        const script = path.join(dir, "tags.sh");
        expect(run(["staging", "production", "triage_agent", "--tag-script", script]).code).to.equal(0);
        expect(execFileSync("bash", [script], { encoding: "utf8" })).to.equal(
            "no image promoted from staging to tag\n",
        );
    });

    it("parses --tag-script FILE; without a value it is a usage error", () => {
        expect(parsePromoteArgs(["staging", "production", "--tag-script", "t.sh"]).tagScript).to.equal(
            path.resolve("t.sh"),
        );
        expect(parsePromoteArgs(["staging", "production"]).tagScript).to.equal(undefined);
        expect(() => parsePromoteArgs(["staging", "production", "--tag-script"])).to.throw(
            "--tag-script needs a value",
        );
    });
});
