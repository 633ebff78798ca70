/**
 * Secrets, the way a user meets them: `pulumi config set --secret --path
 * 'runtimes[0].environment.CRM_API_KEY' …` is refused with why and what instead; the
 * `secretValues` + `runtimes[i].secrets` route stores the value in Secrets Manager under the
 * stack key, passes the agent only the ARN, lets exactly that runtime's role read it, adds the
 * secretsmanager endpoint, and the plaintext appears nowhere in the plan, its JSON or the outputs.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { planFromRun } from "../../src/plan/run";
import { renderPlan } from "../../src/plan/report";
import { planJson } from "../../src/plan/stableJson";
import { FIXTURES_ROOT, configProblems, ofType, one, rawStack, runFixtureStack } from "../helpers";
import { SECRET } from "../runtime/capabilityFacts";

const PLAINTEXT = "crm-live-9f2c61d7e4b8a035";

function stagingRuntimes(patch: Record<string, unknown>): string {
    const [runtime] = JSON.parse(rawStack("staging").values.runtimes) as Record<string, unknown>[];
    return JSON.stringify([{ ...runtime, ...patch }]);
}

describe("secrets: a Pulumi secret in environment", () => {
    it("is refused under pulumi up (value decrypted, runtimes marked secret), without echoing the value", async () => {
        const [runtime] = JSON.parse(rawStack("staging").values.runtimes) as Record<string, unknown>[];
        const runtimes = JSON.stringify([
            { ...runtime, environment: { ...(runtime.environment as object), CRM_API_KEY: PLAINTEXT } },
        ]);
        // `pulumi config set --secret --path 'runtimes[0].environment.CRM_API_KEY'` marks the whole key.
        const run = await runFixtureStack("staging", { runtimes }, undefined, undefined, ["runtimes"]);
        expect(run.error?.message).to.contain(
            "runtimes \"[secret]\" is invalid: no Pulumi secrets (pulumi config set --secret --path 'runtimes[0].environment.X' marks all of runtimes secret): AgentCore keeps environment variables in plain text in the runtime's configuration",
        );
        expect(run.error?.message).to.contain("secretValues");
        expect(run.error?.message).to.not.contain(PLAINTEXT);
        expect(run.resources.filter((r) => r.type !== "pulumi:pulumi:Stack")).to.deep.equal([]);
    });

    it("is refused by the offline plan naming the exact key, as the stack file stores it", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "secret-env-"));
        const file = fs
            .readFileSync(path.join(FIXTURES_ROOT, "Pulumi.staging.yaml"), "utf8")
            .replace(
                "        LOG_LEVEL: info\n",
                "        LOG_LEVEL: info\n        CRM_API_KEY:\n          secure: v1:AAAABBBBccccDDDD:eW91IHNoYWxsIG5vdCBwYXNz\n",
            );
        expect(file).to.contain("secure: v1:");
        fs.writeFileSync(path.join(dir, "Pulumi.staging.yaml"), file);
        const run = await runFixtureStack("staging", {}, dir);
        expect(run.error?.message).to.contain(
            'runtimes[0].environment.CRM_API_KEY "[secret]" is invalid: a plain value: a Pulumi secret is refused in environment because AgentCore keeps environment variables in plain text in the runtime\'s configuration',
        );
        expect(run.error?.message).to.contain(
            "pulumi config set --secret --path 'secretValues.crm_api_key' <value> and reference it as runtimes[0].secrets.CRM_API_KEY_SECRET_ARN: { stored: crm_api_key }",
        );
        expect(run.error?.message).to.not.contain("eW91IHNoYWxsIG5vdCBwYXNz");
    });
});

describe("secrets: secretValues and runtimes[i].secrets", () => {
    const stored = {
        runtimes: stagingRuntimes({
            secrets: { CRM_API_KEY_SECRET_ARN: { stored: "crm_api_key" }, LEDGER_SECRET_ARN: { arn: SECRET } },
        }),
        secretValues: JSON.stringify({ crm_api_key: PLAINTEXT }),
    };

    for (const provider of ["aws-native", "aws"] as const) {
        it(`${provider}: stores the value under the stack key and gives the agent only ARNs`, async () => {
            const run = await runFixtureStack(
                "staging",
                { ...stored, runtimeProvider: provider },
                undefined,
                undefined,
                ["secretValues"],
            );
            expect(run.error).to.equal(undefined);
            const secret = one(run, "aws:secretsmanager/secret:Secret");
            const key = one(run, "aws:kms/key:Key");
            expect(secret.inputs.kmsKeyId).to.equal(key.state.arn);
            const runtime = run.resources.find((r) => /AgentcoreAgentRuntime$|bedrockagentcore:Runtime$/.test(r.type))!;
            const env = runtime.inputs.environmentVariables as Record<string, string>;
            expect(env.CRM_API_KEY_SECRET_ARN).to.equal(secret.state.arn);
            expect(env.LEDGER_SECRET_ARN).to.equal(SECRET);
            expect(ofType(run, "aws:ec2/vpcEndpoint:VpcEndpoint").map((e) => e.inputs.serviceName)).to.include(
                "com.amazonaws.us-east-1.secretsmanager",
            );
            const policy = JSON.parse(
                String(one(run, "aws:iam/rolePolicy:RolePolicy", "support_agent-secrets").inputs.policy),
            );
            expect(policy.Statement[0]).to.deep.equal({
                Sid: "ReadOwnSecrets",
                Effect: "Allow",
                Action: ["secretsmanager:GetSecretValue"],
                Resource: [SECRET, secret.state.arn].sort(),
            });
            expect(policy.Statement[1].Resource).to.deep.equal([key.state.arn]);
        });
    }

    it("never shows the plaintext in the plan, its JSON or the stack outputs", async () => {
        const run = await runFixtureStack("staging", stored, undefined, undefined, ["secretValues"]);
        const result = await planFromRun(run);
        expect(result.error).to.equal(undefined);
        expect(renderPlan(result.plan!)).to.not.contain(PLAINTEXT);
        expect(planJson(result.plan!)).to.not.contain(PLAINTEXT);
        expect(JSON.stringify(run.outputs)).to.not.contain(PLAINTEXT);
        expect(renderPlan(result.plan!)).to.contain("secretsmanager");
        // AWS's list price: $0.40 per secret per month; the existing secret is not the stack's.
        expect(renderPlan(result.plan!)).to.match(/Secrets Manager secret\s+\$0\.40\s+1 secret-month × \$0\.40/);
    });

    it("refuses a plain (not --secret) value, an unknown stored name, an unused value and a bad ARN", () => {
        const raw = (overrides: Record<string, unknown>) => configProblems(rawStack("staging", overrides));
        expect(
            raw({ ...stored, runtimes: JSON.parse(stored.runtimes), secretValues: { crm_api_key: PLAINTEXT } }),
        ).to.deep.equal([
            "secretValues.crm_api_key \"[secret]\" is invalid: a Pulumi secret, set with --secret (a plain value would sit unencrypted in the stack file) (e.g. pulumi config set --secret --path 'secretValues.crm_api_key' <value>)",
            "runtimes[0].secrets.CRM_API_KEY_SECRET_ARN.stored \"crm_api_key\" is invalid: a name under secretValues (none set) (e.g. pulumi config set --secret --path 'secretValues.crm_api_key' <value>)",
        ]);
        const secretRaw = (overrides: Record<string, unknown>) =>
            configProblems({ ...rawStack("staging", overrides), secretKeys: ["secretValues"] });
        expect(
            secretRaw({ runtimes: JSON.parse(stagingRuntimes({})), secretValues: { unused: PLAINTEXT } }),
        ).to.deep.equal([
            'secretValues.unused "[secret]" is invalid: a value some runtimes[i].secrets entry uses ({ stored: <name> }); remove unused secrets (e.g. runtimes[0].secrets.CRM_API_KEY_SECRET_ARN: { stored: unused })',
        ]);
        const partial = secretRaw({
            runtimes: JSON.parse(
                stagingRuntimes({ secrets: { X_SECRET_ARN: { arn: SECRET.replace(/-AbC123$/, "") } } }),
            ),
        });
        expect(partial[0]).to.contain("runtimes[0].secrets.X_SECRET_ARN.arn");
        expect(partial[0]).to.contain("with the 6-character suffix");
        const otherRegion = secretRaw({
            runtimes: JSON.parse(
                stagingRuntimes({ secrets: { X_SECRET_ARN: { arn: SECRET.replace("us-east-1", "eu-west-1") } } }),
            ),
        });
        expect(otherRegion[0]).to.contain("a secret in the stack's region us-east-1");
        const clash = secretRaw({
            runtimes: JSON.parse(stagingRuntimes({ secrets: { LOG_LEVEL: { arn: SECRET } } })),
        });
        expect(clash[0]).to.contain("a name not also set in environment");
    });

    it("names a misspelt source field with the nearest one; near miss: spelt right", () => {
        const secretRaw = (secrets: Record<string, unknown>) =>
            configProblems({
                ...rawStack("staging", { runtimes: JSON.parse(stagingRuntimes({ secrets })) }),
                secretKeys: ["secretValues"],
            });
        expect(secretRaw({ X_SECRET_ARN: { arnn: SECRET } })[0]).to.equal(
            `runtimes[0].secrets.X_SECRET_ARN.arnn "${SECRET}" is invalid: not a known field (did you mean arn?); use stored, arn, kmsKeyArn (e.g. runtimes[0].secrets.X_SECRET_ARN.arn)`,
        );
        expect(secretRaw({ X_SECRET_ARN: { arn: SECRET, kmsKeyAr: "k" } })[0]).to.contain(
            'runtimes[0].secrets.X_SECRET_ARN.kmsKeyAr "k" is invalid: not a known field (did you mean kmsKeyArn?)',
        );
        expect(secretRaw({ X_SECRET_ARN: { arn: SECRET } })).to.deep.equal([]);
    });
});

describe("secrets: the rules of secretValues, near misses on both sides, no value echoed", () => {
    const EXAMPLE = "(e.g. pulumi config set --secret --path 'secretValues.crm_api_key' <value>)";
    /** The problems of a staging stack whose runtime stores `crm_api_key`, with these secret values. */
    const problemsWith = (secretValues: unknown, secretKeys = ["secretValues"]) =>
        configProblems({
            ...rawStack("staging", {
                runtimes: JSON.parse(
                    stagingRuntimes({ secrets: { CRM_API_KEY_SECRET_ARN: { stored: "crm_api_key" } } }),
                ),
                secretValues,
            }),
            secretKeys,
        });
    const sizeError = (name: string) =>
        `secretValues.${name} "[secret]" is invalid: text of 1 to 65536 bytes (the Secrets Manager limit) ${EXAMPLE}`;
    /** A refused value is not stored, so the runtime's reference to it is refused too. */
    const refused = () => [
        sizeError("crm_api_key"),
        `runtimes[0].secrets.CRM_API_KEY_SECRET_ARN.stored "crm_api_key" is invalid: a name under secretValues (none set) ${EXAMPLE}`,
    ];

    it("a value of 1 and of 65,536 bytes passes; empty, 65,537 bytes and no text fail", () => {
        expect(problemsWith({ crm_api_key: "x" })).to.deep.equal([]);
        expect(problemsWith({ crm_api_key: "x".repeat(65536) })).to.deep.equal([]);
        expect(problemsWith({ crm_api_key: "" })).to.deep.equal(refused());
        expect(problemsWith({ crm_api_key: "x".repeat(65537) })).to.deep.equal(refused());
        expect(problemsWith({ crm_api_key: 42 })).to.deep.equal(refused());
    });

    it("counts bytes, not characters: 32,768 two-byte characters pass, 32,769 fail", () => {
        expect(problemsWith({ crm_api_key: "é".repeat(32768) })).to.deep.equal([]);
        expect(problemsWith({ crm_api_key: "é".repeat(32769) })).to.deep.equal(refused());
    });

    it("a name of 64 characters starting with a letter passes; 65, or a leading digit, fails and shows the name", () => {
        const name64 = "a".repeat(64);
        const nameError = (name: string) =>
            `secretValues.${name} "${name}" is invalid: a name of letters, digits and _ (1-64), starting with a letter (e.g. crm_api_key)`;
        const unused = (name: string) =>
            `secretValues.${name} "[secret]" is invalid: a value some runtimes[i].secrets entry uses ({ stored: <name> }); remove unused secrets (e.g. runtimes[0].secrets.CRM_API_KEY_SECRET_ARN: { stored: ${name} })`;
        expect(problemsWith({ crm_api_key: PLAINTEXT, [name64]: PLAINTEXT })).to.deep.equal([unused(name64)]);
        expect(problemsWith({ crm_api_key: PLAINTEXT, ["a".repeat(65)]: PLAINTEXT })).to.deep.equal([
            nameError("a".repeat(65)),
        ]);
        expect(problemsWith({ crm_api_key: PLAINTEXT, "1crm": PLAINTEXT })).to.deep.equal([nameError("1crm")]);
    });

    it("a refused entry leaves the others standing: no knock-on problem about a stored name that is set", () => {
        expect(problemsWith({ crm_api_key: PLAINTEXT, other_key: "" })).to.deep.equal([sizeError("other_key")]);
    });

    it("refuses a list as the map, without echoing it", () => {
        const problems = problemsWith([PLAINTEXT]);
        expect(problems[0]).to.equal(`secretValues "[secret]" is invalid: a map of names to secret values ${EXAMPLE}`);
        expect(problems.join("\n")).to.not.contain(PLAINTEXT);
    });

    it("takes the offline plan's { secure } node as a value, with the key marked secret or not", () => {
        const node = { secure: "v1:AAAABBBBccccDDDD:eW91IHNoYWxsIG5vdCBwYXNz" };
        expect(problemsWith({ crm_api_key: node })).to.deep.equal([]);
        expect(problemsWith({ crm_api_key: node }, [])).to.deep.equal([]);
        expect(problemsWith({ crm_api_key: { ...node, extra: "x" } })).to.deep.equal(refused());
    });
});

describe("secrets: the rules of runtimes[i].secrets, each with its exact message", () => {
    const KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const STORED = { CRM_API_KEY_SECRET_ARN: { stored: "crm_api_key" } };
    /** The problems of a staging stack whose runtime has these secrets, with crm_api_key stored. */
    const problemsWith = (secrets: unknown) =>
        configProblems({
            ...rawStack("staging", {
                runtimes: JSON.parse(stagingRuntimes({ secrets })),
                secretValues: { crm_api_key: PLAINTEXT },
            }),
            secretKeys: ["secretValues"],
        });
    const UNUSED =
        'secretValues.crm_api_key "[secret]" is invalid: a value some runtimes[i].secrets entry uses ({ stored: <name> }); remove unused secrets (e.g. runtimes[0].secrets.CRM_API_KEY_SECRET_ARN: { stored: crm_api_key })';
    const MAP =
        "a map of environment variable names to { stored: <name> } or { arn: <secret ARN> } (e.g. { CRM_API_KEY_SECRET_ARN: { stored: crm_api_key } })";

    it("the secrets of a runtime are a map of at least one variable", () => {
        expect(problemsWith(["crm_api_key"])).to.deep.equal([
            `runtimes[0].secrets ["crm_api_key"] is invalid: ${MAP}`,
            UNUSED,
        ]);
        expect(problemsWith({})).to.deep.equal([`runtimes[0].secrets {} is invalid: ${MAP}`, UNUSED]);
        expect(problemsWith(STORED)).to.deep.equal([]);
    });

    it("a refused entry leaves the others: the stored one still counts as used", () => {
        expect(problemsWith({ ...STORED, "1X_SECRET_ARN": { arn: SECRET } })).to.deep.equal([
            'runtimes[0].secrets.1X_SECRET_ARN "1X_SECRET_ARN" is invalid: an environment variable name of letters, digits and _ (1-128), not starting with a digit (e.g. CRM_API_KEY_SECRET_ARN)',
        ]);
        expect(problemsWith({ ...STORED, X_SECRET_ARN: "crm_api_key" })).to.deep.equal([
            'runtimes[0].secrets.X_SECRET_ARN "crm_api_key" is invalid: { stored: <secretValues name> } or { arn: <secret ARN> } (e.g. { stored: crm_api_key })',
        ]);
    });

    it("a source is stored or arn, exactly one; stored takes no key of its own and a valid name", () => {
        expect(problemsWith({ ...STORED, X_SECRET_ARN: { stored: "crm_api_key", arn: SECRET } })).to.deep.equal([
            `runtimes[0].secrets.X_SECRET_ARN {"stored":"crm_api_key","arn":"${SECRET}"} is invalid: exactly one of stored (a secretValues name) or arn (an existing secret) (e.g. { stored: crm_api_key })`,
        ]);
        expect(problemsWith({ ...STORED, X_SECRET_ARN: { stored: "crm_api_key", kmsKeyArn: KMS_KEY } })).to.deep.equal([
            `runtimes[0].secrets.X_SECRET_ARN.kmsKeyArn "${KMS_KEY}" is invalid: nothing: a stored value is encrypted with the stack's key (e.g. (omit it))`,
        ]);
        expect(problemsWith({ ...STORED, X_SECRET_ARN: { stored: "1crm" } })).to.deep.equal([
            'runtimes[0].secrets.X_SECRET_ARN.stored "1crm" is invalid: the name of a value under secretValues (e.g. crm_api_key)',
        ]);
    });

    it("an existing secret's KMS key is in the stack's region; near miss: the same key in us-east-1", () => {
        const other = KMS_KEY.replace("us-east-1", "eu-west-1");
        expect(problemsWith({ ...STORED, X_SECRET_ARN: { arn: SECRET, kmsKeyArn: KMS_KEY } })).to.deep.equal([]);
        expect(problemsWith({ ...STORED, X_SECRET_ARN: { arn: SECRET, kmsKeyArn: other } })).to.deep.equal([
            `runtimes[0].secrets.X_SECRET_ARN.kmsKeyArn "${other}" is invalid: the ARN of the customer-managed KMS key that encrypts this secret, in us-east-1 (omit it for the aws/secretsmanager key) (e.g. "${KMS_KEY}")`,
        ]);
    });
});

describe("secrets: the environment variable limit covers secrets too", () => {
    it("accepts 50 variables with secrets and refuses 51 (46 and 47 with tracing's 4)", () => {
        const env = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`V${i}`, "x"]));
        const [runtime] = JSON.parse(rawStack("staging").values.runtimes) as Record<string, unknown>[];
        const problemsWith = (n: number, tracing = "false") =>
            configProblems(
                rawStack("staging", {
                    tracing,
                    runtimes: [{ ...runtime, environment: env(n), secrets: { LEDGER_SECRET_ARN: { arn: SECRET } } }],
                }),
            );
        expect(problemsWith(45, "true")).to.deep.equal([]);
        expect(problemsWith(46, "true")).to.deep.equal([
            'runtimes[0].environment "47 variables" is invalid: at most 46 with tracing on: AgentCore allows 50 and tracing adds 4 (each secret is a variable holding its ARN) (e.g. { LOG_LEVEL: "info" })',
        ]);
        expect(problemsWith(49)).to.deep.equal([]);
        expect(problemsWith(50)).to.deep.equal([
            'runtimes[0].secrets "51 variables with environment" is invalid: at most 50 environment variables and secrets together (each secret is a variable holding its ARN) (e.g. { CRM_API_KEY_SECRET_ARN: { stored: crm_api_key } })',
        ]);
    });
});
