/**
 * RuntimeSecrets on its own and the read policy as a literal document: what each stored secret
 * is created with per environment, which runtimes get a policy, which keys it may decrypt with,
 * and the refusal of a stored name with no value.
 */
import { expect } from "chai";
import { secretReadPolicy } from "../../src/secrets/grants";
import { RuntimeSecrets } from "../../src/secrets/secrets";
import { RuntimeConfig } from "../../src/config";
import { configOf, one, ofType, runComponent } from "../helpers";

const STACK_KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const LEDGER_KEY = "arn:aws:kms:us-east-1:123456789012:key/9999abcd-12ab-34cd-56ef-1234567890ab";
const LEDGER = "arn:aws:secretsmanager:us-east-1:123456789012:secret:ledger/api-key-AbC123";
const CRM = "arn:aws:secretsmanager:us-east-1:123456789012:secret:agentcore-staging/crm_api_key-XyZ789";

/** The statement that reads exactly these secrets' values, and nothing else of Secrets Manager. */
const readOwn = (Resource: string[]) => ({
    Sid: "ReadOwnSecrets",
    Effect: "Allow",
    Action: ["secretsmanager:GetSecretValue"],
    Resource,
});

describe("secret read policy, as AWS receives it", () => {
    it("reads exactly its secrets and decrypts with their keys only through Secrets Manager, for those secrets", () => {
        expect(
            secretReadPolicy({
                region: "us-east-1",
                dnsSuffix: "amazonaws.com",
                secretArns: [LEDGER, CRM, LEDGER],
                keyArns: [STACK_KEY, LEDGER_KEY, STACK_KEY],
            }),
        ).to.deep.equal({
            Version: "2012-10-17",
            Statement: [
                readOwn([CRM, LEDGER]),
                {
                    Sid: "DecryptOwnSecretsViaSecretsManager",
                    Effect: "Allow",
                    Action: ["kms:Decrypt"],
                    Resource: [STACK_KEY, LEDGER_KEY],
                    Condition: {
                        StringEquals: {
                            "kms:ViaService": "secretsmanager.us-east-1.amazonaws.com",
                            "kms:EncryptionContext:SecretARN": [CRM, LEDGER],
                        },
                    },
                },
            ],
        });
    });

    it("has no decrypt statement when every secret uses the AWS-managed key", () => {
        expect(
            secretReadPolicy({ region: "eu-west-1", dnsSuffix: "amazonaws.com", secretArns: [LEDGER], keyArns: [] }),
        ).to.deep.equal({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "ReadOwnSecrets",
                    Effect: "Allow",
                    Action: ["secretsmanager:GetSecretValue"],
                    Resource: [LEDGER],
                },
            ],
        });
    });
});

describe("RuntimeSecrets", () => {
    const base = configOf("staging").runtimes[0];
    const crm: RuntimeConfig = {
        ...base,
        secrets: { CRM_API_KEY_SECRET_ARN: { kind: "stored", name: "crm_api_key" } },
    };
    const ledger: RuntimeConfig = {
        ...base,
        name: "billing_agent",
        runtimeName: "billing_agent_staging",
        secrets: { LEDGER_SECRET_ARN: { kind: "existing", arn: LEDGER } },
    };
    const none: RuntimeConfig = { ...base, name: "faq_agent", runtimeName: "faq_agent_staging", secrets: {} };

    async function build(
        environment: "staging" | "production",
        runtimes: RuntimeConfig[],
        secretValues: Record<string, string> = { crm_api_key: "crm-live-9f2c61d7e4b8a035" },
        protect?: boolean,
    ) {
        const r = await runComponent(
            () => {
                const secrets = new RuntimeSecrets(`agentcore-${environment}`, {
                    runtimes,
                    secretValues,
                    kmsKeyArn: STACK_KEY,
                    roleName: "agentcore-execution-role",
                    environment,
                    protect,
                    tags: { Environment: environment },
                });
                return { policies: secrets.policies.length };
            },
            { stack: environment },
        );
        return r;
    }

    it("staging: a stored secret under the stack key, recoverable for 7 days, unprotected, named and tagged by its name", async () => {
        const r = await build("staging", [crm]);
        expect(r.error, String(r.error)).to.equal(undefined);
        const secret = one(r, "aws:secretsmanager/secret:Secret");
        expect(secret.name).to.equal("agentcore-staging-secret-crm_api_key");
        expect(secret.inputs).to.deep.include({
            namePrefix: "agentcore-staging/crm_api_key-",
            description:
                "crm_api_key for the AgentCore runtimes of agentcore-staging (value from the Pulumi stack's secret config)",
            kmsKeyId: STACK_KEY,
            recoveryWindowInDays: 7,
        });
        expect(secret.inputs.tags).to.deep.equal({ Environment: "staging", SecretName: "crm_api_key" });
        expect(secret.protect).to.equal(false);
        const component = one(r, "agentcore:secrets:RuntimeSecrets");
        expect(secret.parent).to.equal(component.urn);
        expect(one(r, "aws:secretsmanager/secretVersion:SecretVersion").parent).to.equal(component.urn);
    });

    it("production: recoverable for 30 days, and protected when asked", async () => {
        const r = await build("production", [crm], undefined, true);
        const secret = one(r, "aws:secretsmanager/secret:Secret");
        expect(secret.inputs.recoveryWindowInDays).to.equal(30);
        expect(secret.protect).to.equal(true);
    });

    it("one policy per runtime with secrets, none for a runtime without; an existing secret without a key decrypts nothing", async () => {
        const r = await build("staging", [none, ledger]);
        expect(r.error, String(r.error)).to.equal(undefined);
        expect(ofType(r, "aws:secretsmanager/secret:Secret")).to.have.length(0);
        const policies = ofType(r, "aws:iam/rolePolicy:RolePolicy");
        expect(policies.map((p) => [p.name, p.inputs.name, p.inputs.role])).to.deep.equal([
            ["agentcore-staging-billing_agent-secrets", "billing_agent-secrets", "agentcore-execution-role"],
        ]);
        expect(
            JSON.parse(String(policies[0].inputs.policy)).Statement.map((s: { Sid: string }) => s.Sid),
        ).to.deep.equal(["ReadOwnSecrets"]);
        expect(r.outputs).to.deep.equal({ policies: 1 });
    });

    it("an existing secret with a customer key may be decrypted with that key", async () => {
        const withKey: RuntimeConfig = {
            ...ledger,
            secrets: { LEDGER_SECRET_ARN: { kind: "existing", arn: LEDGER, kmsKeyArn: LEDGER_KEY } },
        };
        const r = await build("staging", [withKey]);
        const policy = JSON.parse(String(one(r, "aws:iam/rolePolicy:RolePolicy").inputs.policy));
        expect(policy.Statement[1].Resource).to.deep.equal([LEDGER_KEY]);
    });

    it("stores each name once, in name order, however many runtimes use it", async () => {
        const alsoCrm: RuntimeConfig = {
            ...crm,
            name: "billing_agent",
            runtimeName: "billing_agent_staging",
            secrets: {
                ZED_SECRET_ARN: { kind: "stored", name: "zed_token" },
                CRM_API_KEY_SECRET_ARN: { kind: "stored", name: "crm_api_key" },
            },
        };
        const r = await build("staging", [alsoCrm, crm], { zed_token: "z", crm_api_key: "c" });
        expect(ofType(r, "aws:secretsmanager/secret:Secret").map((s) => s.name)).to.deep.equal([
            "agentcore-staging-secret-crm_api_key",
            "agentcore-staging-secret-zed_token",
        ]);
    });

    it("refuses a stored name with no value, naming the component and the key", async () => {
        const r = await build("staging", [crm], {});
        expect(String(r.error)).to.contain("agentcore-staging: secretValues.crm_api_key is used but not set");
    });
});
