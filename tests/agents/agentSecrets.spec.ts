/**
 * The sample agent's secret reader: it reads a secret by the ARN in the variable the stack
 * sets, once, never from the environment's value itself.
 */
import { expect } from "chai";
import { GetSecretValueCommand } from "@aws-sdk/client-secrets-manager";
import { secretArnVariables, secretReader } from "../../agents/support-agent/src/secrets";

const ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:agents/crm-api-key-AbC123";

describe("support agent: secrets by ARN", () => {
    it("finds the variables that carry secret ARNs, and only those", () => {
        expect(
            secretArnVariables({ CRM_API_KEY_SECRET_ARN: ARN, LOG_LEVEL: "info", OTHER_SECRET_ARN: "", X_ARN: ARN }),
        ).to.deep.equal(["CRM_API_KEY_SECRET_ARN"]);
    });

    it("reads the secret named by the ARN once, and retries a failed read", async () => {
        const ids: string[] = [];
        let fail = true;
        const read = secretReader(
            { CRM_API_KEY_SECRET_ARN: ARN },
            {
                send: async (command: GetSecretValueCommand) => {
                    ids.push(String(command.input.SecretId));
                    if (fail) {
                        fail = false;
                        throw new Error("AccessDeniedException");
                    }
                    return { SecretString: "s3cr3t" };
                },
            },
        );
        await read("CRM_API_KEY_SECRET_ARN").then(
            () => expect.fail("the first read fails"),
            (e: Error) => expect(e.message).to.equal("AccessDeniedException"),
        );
        expect(await read("CRM_API_KEY_SECRET_ARN")).to.equal("s3cr3t");
        expect(await read("CRM_API_KEY_SECRET_ARN")).to.equal("s3cr3t");
        expect(ids).to.deep.equal([ARN, ARN]);
    });

    it("names a variable the stack did not set", async () => {
        await secretReader(
            {},
            { send: async () => ({}) },
        )("MISSING_SECRET_ARN").then(
            () => expect.fail("must reject"),
            (e: Error) =>
                expect(e.message).to.equal(
                    "MISSING_SECRET_ARN is not set: list it under runtimes[i].secrets in the stack config",
                ),
        );
    });
});
