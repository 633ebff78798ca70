/**
 * `promote()` itself, on stack file texts written here: what it refuses (every problem, in
 * order, naming the runtime, stack and value), which change lines it reports (the summary
 * `npm run promote` prints), what it keeps of the target's writing (key quoting, the way a
 * version was written), and the tag script it writes for the promoted digests.
 */
import { expect } from "chai";
import { PinnedArtifact, SourceArtifacts } from "../../src/release/artifacts";
import {
    keepPromotedImageCommand,
    keepPromotedImagesScript,
    promote,
    PromotionError,
    PromotionRequest,
    stackFileRuntimes,
} from "../../src/release/promote";

const PROJECT = "agentcore-private";
const HEX_1 = "1".repeat(64);
const HEX_2 = "2".repeat(64);
const IMAGE_1 = `123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent@sha256:${HEX_1}`;
const IMAGE_2 = `123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent@sha256:${HEX_2}`;
const IMAGE_WEST = `123456789012.dkr.ecr.us-west-2.amazonaws.com/agents/support-agent@sha256:${HEX_1}`;
const KEEP_1 =
    "aws ecr put-image --registry-id 123456789012 --region us-east-1 --repository-name agents/support-agent --image-tag promoted-production-111111111111 --image-manifest " +
    `"$(aws ecr batch-get-image --registry-id 123456789012 --region us-east-1 --repository-name agents/support-agent --image-ids imageDigest=sha256:${HEX_1} --query 'images[0].imageManifest' --output text)"`;

const CODE_V2 = {
    kind: "code" as const,
    s3: { bucket: "agent-code-staging", key: "triage_agent/code.zip", versionId: "v2" },
    runtime: "NODE_22",
    entryPoint: ["main.js"],
};
const CODE_V2_TEXT = "s3://agent-code-staging/triage_agent/code.zip?versionId=v2 (NODE_22)";
const CODE_V2_YAML = [
    "      code:",
    "        s3:",
    "          bucket: agent-code-staging",
    "          key: triage_agent/code.zip",
    "          versionId: v2",
    "        runtime: NODE_22",
    "        entryPoint:",
    "          - main.js",
];

/** A target stack file: `config:` with the region (unless null) and the runtime lines given. */
function target(runtimeLines: string[], region: string | null = "us-east-1"): string {
    return [
        "config:",
        ...(region ? [`  aws:region: ${region}`] : []),
        `  ${PROJECT}:runtimes:`,
        ...runtimeLines,
        "",
    ].join("\n");
}

const SUPPORT = ["    - name: support_agent", `      containerUri: ${IMAGE_2}`, "      protocol: HTTP"];
const TRIAGE = ["    - name: triage_agent", "      image:", "        context: agents/triage-agent"];

function request(over: Partial<PromotionRequest>): PromotionRequest {
    return {
        project: PROJECT,
        from: "staging",
        to: "production",
        source: new Map([["support_agent", { kind: "container", imageUri: IMAGE_1 }]]),
        targetText: target(SUPPORT),
        runtimes: [],
        ...over,
    };
}

/** The problems promote refuses the request with (fails when it does not refuse). */
function problemsOf(req: PromotionRequest): readonly string[] {
    try {
        promote(req);
    } catch (e) {
        expect(e).to.be.instanceOf(PromotionError);
        return (e as PromotionError).problems;
    }
    throw new Error("promote did not refuse");
}

describe("promote(): refusals of the target file", () => {
    it("refuses a target that is not valid YAML, naming the file", () => {
        const problems = problemsOf(request({ targetText: "config:\n  a: [1, 2\n" }));
        expect(problems).to.have.length(1);
        expect(problems[0]).to.match(/^Pulumi\.production\.yaml is not valid YAML: \S/);
    });

    it("refuses a network stack (stackKind: network) and points at the agent stacks", () => {
        const text = target(SUPPORT).replace("config:\n", `config:\n  ${PROJECT}:stackKind: network\n`);
        expect(problemsOf(request({ targetText: text }))).to.deep.equal([
            "Pulumi.production.yaml is a network stack (stackKind: network): it runs no runtimes; promote into the agent stacks that read it (docs/topology.md)",
        ]);
        // Near miss: an agent stack with the same runtimes is promoted into.
        const agent = target(SUPPORT).replace("config:\n", `config:\n  ${PROJECT}:stackKind: agent\n`);
        expect(promote(request({ targetText: agent })).text).to.contain(`containerUri: ${IMAGE_1}`);
    });

    it("refuses a target without a runtimes list: no config, config not a map, runtimes not a list", () => {
        const message = "Pulumi.production.yaml has no agentcore-private:runtimes list to promote into";
        for (const text of [
            "# nothing yet\n",
            "config: 3\n",
            "config:\n  aws:region: us-east-1\n",
            `config:\n  ${PROJECT}:runtimes: support_agent\n`,
        ]) {
            expect(problemsOf(request({ targetText: text })), text).to.deep.equal([message]);
        }
    });

    it("reads a runtimes list written without the project prefix (Pulumi's default namespace)", () => {
        const text = target(SUPPORT).replace(`  ${PROJECT}:runtimes:`, "  runtimes:");
        const r = promote(request({ targetText: text }));
        expect(r.text).to.equal(text.replace(IMAGE_2, IMAGE_1));
    });
});

describe("promote(): refusals of the request, every problem at once", () => {
    it("with 1 problem the message says 'problem', with 2 'problems', one line each", () => {
        const one = new PromotionError(["a is wrong"]);
        expect(one.message).to.equal("Nothing was written; 1 problem:\n  - a is wrong");
        expect(one.name).to.equal("PromotionError");
        expect(new PromotionError(["a is wrong", "b is wrong"]).message).to.equal(
            "Nothing was written; 2 problems:\n  - a is wrong\n  - b is wrong",
        );
    });

    it("a source that runs no runtimes has nothing to promote", () => {
        expect(problemsOf(request({ source: new Map() }))).to.deep.equal([
            "stack staging runs no runtimes: there is nothing to promote",
        ]);
    });

    it("a runtime the source does not run, though the target has it; the source's list may be 'none'", () => {
        expect(
            problemsOf(request({ runtimes: ["triage_agent"], targetText: target([...SUPPORT, ...TRIAGE]) })),
        ).to.deep.equal([
            'runtime "triage_agent" is not run by stack staging (it runs: support_agent): promote only what the source runs',
        ]);
        expect(problemsOf(request({ runtimes: ["support_agent"], source: new Map() }))).to.deep.equal([
            'runtime "support_agent" is not run by stack staging (it runs: none): promote only what the source runs',
        ]);
    });

    it("a runtime the target lacks names what the target has, or 'none' for an empty list; entries that are no map are left out", () => {
        const billing: SourceArtifacts = new Map([["billing_agent", { kind: "container", imageUri: IMAGE_1 }]]);
        expect(
            problemsOf(
                request({
                    source: billing,
                    targetText: `config:\n  aws:region: us-east-1\n  ${PROJECT}:runtimes: []\n`,
                }),
            ),
        ).to.deep.equal([
            'runtime "billing_agent" is not in Pulumi.production.yaml (it has: none): add the runtime to production first, with its own settings',
        ]);
        expect(
            problemsOf(request({ source: billing, targetText: target([...SUPPORT, "    - a stray line", ...TRIAGE]) })),
        ).to.deep.equal([
            'runtime "billing_agent" is not in Pulumi.production.yaml (it has: support_agent, triage_agent): add the runtime to production first, with its own settings',
        ]);
    });

    it("a refused source artifact is reported as the source reader worded it", () => {
        const source: SourceArtifacts = new Map([["support_agent", { refused: "support_agent is pinned by a tag" }]]);
        expect(problemsOf(request({ source }))).to.deep.equal(["support_agent is pinned by a tag"]);
    });

    it("an image from another region than the target's, naming both regions and the fix", () => {
        const source: SourceArtifacts = new Map([["support_agent", { kind: "container", imageUri: IMAGE_WEST }]]);
        expect(problemsOf(request({ source }))).to.deep.equal([
            `runtime "support_agent": image ${IMAGE_WEST} is in us-west-2, but stack production runs in us-east-1 ` +
                "and AgentCore pulls only from ECR in its own region: replicate the image to us-east-1 and promote that digest",
        ]);
        // Near miss: a target that names no region is not compared.
        const r = promote(request({ source, targetText: target(SUPPORT, null) }));
        expect(r.text).to.contain(`containerUri: ${IMAGE_WEST}`);
    });

    it("collects the problems of every runtime, in the order the runtimes were named", () => {
        const source: SourceArtifacts = new Map<string, PinnedArtifact | { refused: string }>([
            ["support_agent", { refused: "first refusal" }],
            ["triage_agent", { refused: "second refusal" }],
        ]);
        expect(
            problemsOf(
                request({
                    source,
                    targetText: target([...SUPPORT, ...TRIAGE]),
                    runtimes: ["triage_agent", "support_agent"],
                }),
            ),
        ).to.deep.equal(["second refusal", "first refusal"]);
    });
});

describe("promote(): what is written and the change lines", () => {
    it("a new digest: the artifact line and the command that keeps the image from the source's lifecycle", () => {
        const r = promote(request({}));
        expect(r.text).to.equal(target(SUPPORT).replace(IMAGE_2, IMAGE_1));
        expect(r.changes).to.deep.equal([
            `runtime support_agent: artifact -> ${IMAGE_1}`,
            `runtime support_agent: keep the image from staging's lifecycle: ${KEEP_1}`,
        ]);
        expect(r.keepCommands).to.deep.equal([{ runtime: "support_agent", imageUri: IMAGE_1, command: KEEP_1 }]);
    });

    it("the digest already there: 'already runs', the text unchanged, the tag command still given (the tag may be missing)", () => {
        const text = target(SUPPORT).replace(IMAGE_2, IMAGE_1);
        const r = promote(request({ targetText: text }));
        expect(r.text).to.equal(text);
        expect(r.changes).to.deep.equal([`runtime support_agent: already runs ${IMAGE_1}`]);
        expect(r.keepCommands).to.deep.equal([{ runtime: "support_agent", imageUri: IMAGE_1, command: KEEP_1 }]);
    });

    it("near miss: the same digest beside a stray image: or code: is not 'already runs'; the stray key goes", () => {
        for (const stray of [
            ["      image:", "        context: agents/support-agent"],
            ["      code:", "        path: dist"],
        ]) {
            const lines = [
                "    - name: support_agent",
                `      containerUri: ${IMAGE_1}`,
                ...stray,
                "      protocol: HTTP",
            ];
            const r = promote(request({ targetText: target(lines) }));
            expect(r.changes[0], stray[0]).to.equal(`runtime support_agent: artifact -> ${IMAGE_1}`);
            expect(r.text).to.equal(
                target(["    - name: support_agent", `      containerUri: ${IMAGE_1}`, "      protocol: HTTP"]),
            );
        }
    });

    it("a code version replaces an image build in place; no tag command for code", () => {
        const source: SourceArtifacts = new Map([["triage_agent", CODE_V2]]);
        const r = promote(request({ source, targetText: target([...TRIAGE, "      protocol: HTTP"]) }));
        expect(r.text).to.equal(target(["    - name: triage_agent", ...CODE_V2_YAML, "      protocol: HTTP"]));
        expect(r.changes).to.deep.equal([`runtime triage_agent: artifact -> ${CODE_V2_TEXT}`]);
        expect(r.keepCommands).to.deep.equal([]);
    });

    it("the same code version: 'already runs'; another versionId is written", () => {
        const source: SourceArtifacts = new Map([["triage_agent", CODE_V2]]);
        const same = target(["    - name: triage_agent", ...CODE_V2_YAML]);
        const r = promote(request({ source, targetText: same }));
        expect(r.changes).to.deep.equal([`runtime triage_agent: already runs ${CODE_V2_TEXT}`]);
        expect(r.text).to.equal(same);
        const older = same.replace("versionId: v2", "versionId: v1");
        const w = promote(request({ source, targetText: older }));
        expect(w.changes).to.deep.equal([`runtime triage_agent: artifact -> ${CODE_V2_TEXT}`]);
        expect(w.text).to.equal(same);
    });

    it("near miss: the same code version beside a stray containerUri: or image: is rewritten, the stray key dropped", () => {
        const source: SourceArtifacts = new Map([["triage_agent", CODE_V2]]);
        for (const stray of [
            [`      containerUri: ${IMAGE_1}`],
            ["      image:", "        context: agents/triage-agent"],
        ]) {
            const r = promote(
                request({ source, targetText: target(["    - name: triage_agent", ...stray, ...CODE_V2_YAML]) }),
            );
            expect(r.changes, stray[0]).to.deep.equal([`runtime triage_agent: artifact -> ${CODE_V2_TEXT}`]);
            expect(r.text).to.equal(target(["    - name: triage_agent", ...CODE_V2_YAML]));
        }
    });

    it("an artifact key before the name is replaced where it stood, and the old key of another kind goes", () => {
        const lines = [
            "    - image:",
            "        context: agents/support-agent",
            "      name: support_agent",
            "      protocol: HTTP",
        ];
        const r = promote(request({ targetText: target(lines) }));
        expect(r.text).to.equal(
            target([`    - containerUri: ${IMAGE_1}`, "      name: support_agent", "      protocol: HTTP"]),
        );
    });

    it("an entry without any artifact key gets one at its end", () => {
        const r = promote(request({ targetText: target(["    - name: support_agent", "      protocol: HTTP"]) }));
        expect(r.text).to.equal(
            target(["    - name: support_agent", "      protocol: HTTP", `      containerUri: ${IMAGE_1}`]),
        );
    });

    it("the same key keeps the way it was written (a quoted key stays quoted)", () => {
        const lines = ["    - name: support_agent", `      "containerUri": ${IMAGE_2}`];
        expect(promote(request({ targetText: target(lines) })).text).to.equal(
            target(["    - name: support_agent", `      "containerUri": ${IMAGE_1}`]),
        );
    });
});

describe("promote(): moving an endpoint", () => {
    const withEndpoint = (version: string | undefined) =>
        target([
            ...SUPPORT,
            "      endpoints:",
            "        - name: live",
            ...(version === undefined ? [] : [`          version: ${version}`]),
        ]);
    /** A request that only moves `endpoint` of `runtime` to `version`, with nothing to promote. */
    const moveRequest = (text: string, version: string, endpoint = "live", runtime = "support_agent") =>
        request({
            source: new Map(),
            targetText: text,
            runtimes: [runtime],
            promoteArtifact: false,
            moveEndpoint: { endpoint, version },
        });
    const moveOnly = (...args: Parameters<typeof moveRequest>) => promote(moveRequest(...args));

    it("moves the version and says from what to what; the artifact is left alone without promoteArtifact", () => {
        const r = promote(
            request({
                targetText: withEndpoint('"1"'),
                runtimes: ["support_agent"],
                promoteArtifact: false,
                moveEndpoint: { endpoint: "live", version: "7" },
            }),
        );
        expect(r.text).to.equal(withEndpoint('"7"'));
        expect(r.changes).to.deep.equal(["runtime support_agent: endpoint live version 1 -> 7"]);
        expect(r.keepCommands).to.deep.equal([]);
    });

    it("keeps the way the version was written: single quotes stay single quotes", () => {
        expect(moveOnly(withEndpoint("'1'"), "7").text).to.equal(withEndpoint("'7'"));
    });

    it("keeps the way the version was written: a number stays an unquoted number", () => {
        const r = moveOnly(withEndpoint("1"), "7");
        expect(r.text).to.equal(withEndpoint("7"));
        expect(r.changes).to.deep.equal(["runtime support_agent: endpoint live version 1 -> 7"]);
    });

    it("an endpoint without a version gets one: '(none) -> 3'", () => {
        const r = moveOnly(withEndpoint(undefined), "3");
        expect(r.changes).to.deep.equal(["runtime support_agent: endpoint live version (none) -> 3"]);
        expect(r.text).to.equal(withEndpoint('"3"'));
    });

    it("the version already pinned: says so and changes nothing", () => {
        const text = withEndpoint("2");
        const r = moveOnly(text, "2");
        expect(r.changes).to.deep.equal(["runtime support_agent: endpoint live already pins version 2"]);
        expect(r.text).to.equal(text);
    });

    it("refuses an endpoint the runtime has not got, naming what it has or 'none'", () => {
        expect(problemsOf(moveRequest(withEndpoint("1"), "2", "canary"))).to.deep.equal([
            '--move-endpoint "canary": runtime "support_agent" of Pulumi.production.yaml has no such endpoint (it has: live)',
        ]);
        expect(problemsOf(moveRequest(target(SUPPORT), "2"))).to.deep.equal([
            '--move-endpoint "live": runtime "support_agent" of Pulumi.production.yaml has no such endpoint (it has: none)',
        ]);
        const stray = target([...SUPPORT, "      endpoints:", "        - a stray line", "        - name: live"]);
        expect(problemsOf(moveRequest(stray, "2", "canary"))).to.deep.equal([
            '--move-endpoint "canary": runtime "support_agent" of Pulumi.production.yaml has no such endpoint (it has: live)',
        ]);
    });

    it("refuses a version that is not a whole number from 1; bounds 1 and 9999999999 pass", () => {
        for (const bad of ["0", "01", "-1", "1.5", "10000000000", ""]) {
            expect(problemsOf(moveRequest(withEndpoint("1"), bad)), bad).to.deep.equal([
                `--to-version "${bad}" is invalid: a runtime version is a whole number from 1 (e.g. 3)`,
            ]);
        }
        expect(moveOnly(withEndpoint("2"), "1").changes).to.deep.equal([
            "runtime support_agent: endpoint live version 2 -> 1",
        ]);
        expect(moveOnly(withEndpoint("2"), "9999999999").changes).to.deep.equal([
            "runtime support_agent: endpoint live version 2 -> 9999999999",
        ]);
    });

    it("refuses a move with more than one runtime, naming them", () => {
        const source: SourceArtifacts = new Map<string, PinnedArtifact>([
            ["support_agent", { kind: "container", imageUri: IMAGE_1 }],
            ["triage_agent", CODE_V2],
        ]);
        expect(
            problemsOf(
                request({
                    source,
                    targetText: target([...SUPPORT, ...TRIAGE]),
                    moveEndpoint: { endpoint: "live", version: "2" },
                }),
            ),
        ).to.deep.equal([
            "--move-endpoint needs exactly one runtime (got 2: support_agent, triage_agent): name it, e.g. `support_agent`",
        ]);
    });
});

describe("stackFileRuntimes", () => {
    it("is the parsed runtimes list, or undefined without one", () => {
        expect(stackFileRuntimes(target(["    - name: a", "      protocol: HTTP"]), PROJECT)).to.deep.equal([
            { name: "a", protocol: "HTTP" },
        ]);
        expect(stackFileRuntimes("config:\n  aws:region: us-east-1\n", PROJECT)).to.equal(undefined);
    });
});

describe("keepPromotedImageCommand: only a whole private ECR digest URI", () => {
    it("near misses: anything before the account, or after the digest", () => {
        expect(keepPromotedImageCommand(IMAGE_1, "production")).to.equal(KEEP_1);
        expect(keepPromotedImageCommand(`x${IMAGE_1}`, "production")).to.equal(undefined);
        expect(keepPromotedImageCommand(`${IMAGE_1}0`, "production")).to.equal(undefined);
    });
});

describe("keepPromotedImagesScript: the whole script", () => {
    it("one digest: the header, a check for the tag, the put when it is missing", () => {
        expect(
            keepPromotedImagesScript("staging", "production", [
                { runtime: "support_agent", imageUri: IMAGE_1, command: KEEP_1 },
            ]),
        ).to.equal(
            [
                "#!/usr/bin/env bash",
                "# Written by `npm run promote -- staging production --tag-script <file>`: tags each digest production now runs",
                "# from staging's ECR repositories promoted-production-<12 hex>, which their lifecycle policy keeps.",
                "set -euo pipefail",
                `# runtime support_agent: ${IMAGE_1}`,
                "if aws ecr describe-images --registry-id 123456789012 --region us-east-1 --repository-name agents/support-agent --image-ids imageTag=promoted-production-111111111111 >/dev/null 2>&1; then",
                '  echo "runtime support_agent: promoted-production-111111111111 is already there"',
                "else",
                `  ${KEEP_1}`,
                '  echo "runtime support_agent: tagged promoted-production-111111111111"',
                "fi",
                "",
            ].join("\n"),
        );
    });

    it("no digest: the header and a line that says so", () => {
        expect(keepPromotedImagesScript("staging", "production", [])).to.equal(
            [
                "#!/usr/bin/env bash",
                "# Written by `npm run promote -- staging production --tag-script <file>`: tags each digest production now runs",
                "# from staging's ECR repositories promoted-production-<12 hex>, which their lifecycle policy keeps.",
                "set -euo pipefail",
                'echo "no image promoted from staging to tag"',
                "",
            ].join("\n"),
        );
    });
});
