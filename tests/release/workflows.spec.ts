/**
 * The GitHub workflows: every action pinned by a full commit SHA with its release in a
 * comment, Node 22 everywhere, least-privilege permissions, and production deployed from
 * staging's artifacts behind its environment.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { REPO_ROOT } from "../helpers";

const DIR = path.join(REPO_ROOT, ".github", "workflows");
const FILES = fs.readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));

interface Step {
    uses?: string;
    with?: Record<string, unknown>;
    run?: string;
    if?: string;
    shell?: string;
}
interface Job {
    permissions?: Record<string, string> | string;
    steps?: Step[];
    uses?: string;
    with?: Record<string, unknown>;
    environment?: string;
}
interface Workflow {
    permissions?: Record<string, string> | string;
    jobs: Record<string, Job>;
}

const workflow = (file: string): Workflow => parse(fs.readFileSync(path.join(DIR, file), "utf8")) as Workflow;
const text = (file: string) => fs.readFileSync(path.join(DIR, file), "utf8");

describe("workflows", () => {
    it("are the three expected files", () => {
        expect(FILES.sort()).to.deep.equal(["deploy-stack.yml", "deploy.yml", "pull-request.yml"]);
    });

    it("pin every action by a 40-hex commit SHA with the release in a comment on the same line", () => {
        for (const file of FILES) {
            const lines = text(file)
                .split("\n")
                .filter((l) => /^\s*(-\s+)?uses:/.test(l));
            expect(lines.length, file).to.be.greaterThan(0);
            for (const line of lines) {
                if (/uses:\s+\.\/\.github\/workflows\//.test(line)) {
                    continue; // a reusable workflow of this repository, pinned by the commit itself
                }
                expect(line, `${file}: ${line.trim()}`).to.match(
                    /uses:\s+[A-Za-z0-9-]+\/[A-Za-z0-9._/-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/,
                );
            }
        }
    });

    it("pin the releases verified from the actions' own repositories", () => {
        const pins = new Set(FILES.flatMap((f) => text(f).match(/[a-z-]+\/[a-z-]+@[0-9a-f]{40} # v[\d.]+/g) ?? []));
        expect([...pins].sort()).to.deep.equal([
            "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1",
            "actions/setup-node@820762786026740c76f36085b0efc47a31fe5020 # v7.0.0",
            "aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c # v6.2.3",
            "docker/setup-buildx-action@37fe631027851001ddb9b187196cc803df7f5f0e # v4.3.0",
            "docker/setup-qemu-action@96fe6ef7f33517b61c61be40b68a1882f3264fb8 # v4.2.0",
            "pulumi/actions@8e5e406f4007fca908480587cb9893c07090f58d # v7.0.0",
        ]);
    });

    it("run Node 22 in every setup-node step", () => {
        let count = 0;
        for (const file of FILES) {
            for (const job of Object.values(workflow(file).jobs)) {
                for (const step of job.steps ?? []) {
                    if (step.uses?.startsWith("actions/setup-node@")) {
                        expect(String(step.with?.["node-version"]), file).to.equal("22");
                        count++;
                    }
                }
            }
        }
        expect(count).to.equal(4);
    });

    it("default to contents: read and grant each job only what it uses", () => {
        const allowed: Record<string, string> = { contents: "read", "id-token": "write", "pull-requests": "write" };
        for (const file of FILES) {
            const wf = workflow(file);
            expect(wf.permissions, file).to.deep.equal({ contents: "read" });
            for (const [name, job] of Object.entries(wf.jobs)) {
                const perms = job.permissions ?? {};
                expect(typeof perms, `${file} ${name}`).to.equal("object");
                for (const [scope, level] of Object.entries(perms)) {
                    expect(allowed[scope], `${file} ${name}: ${scope}: ${level}`).to.equal(level);
                }
                const usesAws =
                    (job.steps ?? []).some((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@")) ||
                    job.uses !== undefined;
                expect(
                    (perms as Record<string, string>)["id-token"] === "write",
                    `${file} ${name}: id-token only with AWS credentials`,
                ).to.equal(usesAws);
                const comments = (job.steps ?? []).some((s) => s.with?.["comment-on-pr"] === true);
                expect(
                    (perms as Record<string, string>)["pull-requests"] === "write",
                    `${file} ${name}: pull-requests only to comment`,
                ).to.equal(comments);
            }
        }
    });

    it("deploy production from staging's artifacts, inside the production environment", () => {
        const production = workflow("deploy.yml").jobs.production;
        expect(production.uses).to.equal("./.github/workflows/deploy-stack.yml");
        expect(production.with).to.deep.equal({ stack: "production", "promote-from": "staging" });
        expect(workflow("deploy.yml").jobs.staging.with).to.deep.equal({ stack: "staging" });
        const up = workflow("deploy-stack.yml").jobs.up;
        expect(up.environment).to.equal("${{ inputs.stack }}");
        const steps = up.steps ?? [];
        const promote = steps.findIndex((s) =>
            s.run?.includes(
                'npm run --silent promote -- "$FROM" "$TO" --source-stack "$ORG/$FROM" --tag-script "$RUNNER_TEMP/promoted-tags.sh"',
            ),
        );
        const deploy = steps.findIndex((s) => s.with?.command === "up");
        expect(promote, "promotion step").to.be.greaterThan(-1);
        expect(promote).to.be.lessThan(deploy);
        expect(steps[promote].if).to.equal("inputs.promote-from != ''");
        expect(steps[promote].shell, "bash with pipefail, so a refusal fails the job").to.equal("bash");
        // The tags that keep promoted images: after the promotion wrote the script and the AWS
        // credentials exist, before `up` (whose preview refuses an untagged promoted digest).
        const tag = steps.findIndex((s) => s.run === 'bash "$RUNNER_TEMP/promoted-tags.sh"');
        const credentials = steps.findIndex((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@"));
        expect(tag, "tag step").to.be.greaterThan(Math.max(promote, credentials));
        expect(credentials).to.be.greaterThan(-1);
        expect(tag).to.be.lessThan(deploy);
        expect(steps[tag].if).to.equal("inputs.promote-from != ''");
        expect(steps[tag].shell).to.equal("bash");
        // The Pulumi token reaches only the steps that use it.
        const withToken = steps
            .filter((s) => (s as { env?: Record<string, string> }).env?.PULUMI_ACCESS_TOKEN !== undefined)
            .map((s) => steps.indexOf(s));
        expect(withToken).to.deep.equal([promote, deploy]);
        expect((up as { env?: unknown }).env).to.equal(undefined);
    });
});
