/**
 * Proof by simulation (@cloud-copilot/iam-simulate, a real IAM evaluator): the file-system and
 * secret grants let a runtime's role mount exactly its access points and read exactly its
 * secrets, and nothing next to them. ARNs are literals.
 */
import { expect } from "chai";
import { runSimulation, Simulation } from "@cloud-copilot/iam-simulate";
import { filesystemGrantPolicy } from "../../src/security/filesystemGrants";
import { secretReadPolicy } from "../../src/secrets/grants";
import { EFS_AP, EFS_FS, S3_FILES_AP, S3_FILES_FS, SECRET } from "../runtime/capabilityFacts";

const ACCOUNT = "123456789012";
const ROLE = `arn:aws:iam::${ACCOUNT}:role/agentcore-development-execution-role`;
const OTHER_EFS_AP = "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0fffffffffffffff0";
const OTHER_EFS_FS = "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0fffffffffffffff0";
const OTHER_SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:agents/other-key-ZzZ999";
const STACK_KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

const mounts = filesystemGrantPolicy([
    { kind: "sessionStorage", mountPath: "/mnt/workspace" },
    { kind: "efs", accessPointArn: EFS_AP, fileSystemId: "fs-0123456789abcdef0", mountPath: "/mnt/shared" },
    { kind: "s3Files", accessPointArn: S3_FILES_AP, mountPath: "/mnt/data" },
]);
const secrets = secretReadPolicy({
    region: "us-east-1",
    dnsSuffix: "amazonaws.com",
    secretArns: [SECRET],
    keyArns: [STACK_KEY],
});

async function decide(
    policy: unknown,
    action: string,
    resource: string,
    context: Record<string, string> = {},
): Promise<string> {
    const simulation: Simulation = {
        request: {
            principal: ROLE,
            action,
            resource: { resource, accountId: ACCOUNT },
            contextVariables: { "aws:PrincipalAccount": ACCOUNT, "aws:ResourceAccount": ACCOUNT, ...context },
        },
        identityPolicies: [{ name: "grant", policy }],
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        vpcEndpointPolicies: [],
        // KMS authorizes only when the key policy lets IAM decide: the stack key's first
        // statement grants the account root, as AWS's default key policy does.
        ...(action.startsWith("kms:") && {
            resourcePolicy: {
                Version: "2012-10-17",
                Statement: [
                    {
                        Effect: "Allow",
                        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
                        Action: "kms:*",
                        Resource: "*",
                    },
                ],
            },
        }),
    };
    const response = await runSimulation(simulation, {});
    if (response.resultType === "error") {
        throw new Error(`simulation refused: ${JSON.stringify(response.errors)}`);
    }
    return response.overallResult;
}

describe("IAM simulation: file-system grants", () => {
    it("a session-storage-only runtime needs (and gets) no grant", () => {
        expect(filesystemGrantPolicy([{ kind: "sessionStorage", mountPath: "/mnt/workspace" }])).to.equal(undefined);
    });

    it("EFS: mounts and writes its file system through its access point", async () => {
        for (const action of ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"]) {
            expect(
                await decide(mounts, action, EFS_FS, { "elasticfilesystem:AccessPointArn": EFS_AP }),
                action,
            ).to.equal("Allowed");
        }
    });

    it("EFS: no other access point, no other file system, no mount without an access point, no root access", async () => {
        expect(
            await decide(mounts, "elasticfilesystem:ClientMount", EFS_FS, {
                "elasticfilesystem:AccessPointArn": OTHER_EFS_AP,
            }),
        ).to.equal("ImplicitlyDenied");
        expect(
            await decide(mounts, "elasticfilesystem:ClientMount", OTHER_EFS_FS, {
                "elasticfilesystem:AccessPointArn": EFS_AP,
            }),
        ).to.equal("ImplicitlyDenied");
        expect(await decide(mounts, "elasticfilesystem:ClientMount", EFS_FS)).to.equal("ImplicitlyDenied");
        expect(
            await decide(mounts, "elasticfilesystem:ClientRootAccess", EFS_FS, {
                "elasticfilesystem:AccessPointArn": EFS_AP,
            }),
        ).to.equal("ImplicitlyDenied");
        expect(await decide(mounts, "elasticfilesystem:DeleteFileSystem", EFS_FS)).to.equal("ImplicitlyDenied");
    });

    it("S3 Files: mounts its file system through its access point and reads that access point only", async () => {
        expect(
            await decide(mounts, "s3files:ClientMount", S3_FILES_FS, { "s3files:AccessPointArn": S3_FILES_AP }),
        ).to.equal("Allowed");
        expect(await decide(mounts, "s3files:GetAccessPoint", S3_FILES_AP)).to.equal("Allowed");
        expect(await decide(mounts, "s3files:ClientMount", S3_FILES_FS)).to.equal("ImplicitlyDenied");
        expect(
            await decide(mounts, "s3files:ClientRootAccess", S3_FILES_FS, { "s3files:AccessPointArn": S3_FILES_AP }),
        ).to.equal("ImplicitlyDenied");
    });
});

describe("IAM simulation: secret grants", () => {
    it("reads its own secret, not another one", async () => {
        expect(await decide(secrets, "secretsmanager:GetSecretValue", SECRET)).to.equal("Allowed");
        expect(await decide(secrets, "secretsmanager:GetSecretValue", OTHER_SECRET)).to.equal("ImplicitlyDenied");
        expect(await decide(secrets, "secretsmanager:PutSecretValue", SECRET)).to.equal("ImplicitlyDenied");
        expect(await decide(secrets, "secretsmanager:ListSecrets", "*")).to.equal("ImplicitlyDenied");
    });

    it("decrypts with the stack key only through Secrets Manager, for its own secret", async () => {
        // The evaluator ignores kms:EncryptionContext:<key> context keys, so the ViaService part is
        // simulated on the document without that key, and the key itself is checked as written.
        const statement = secrets.Statement[1];
        expect(statement.Condition).to.deep.equal({
            StringEquals: {
                "kms:ViaService": "secretsmanager.us-east-1.amazonaws.com",
                "kms:EncryptionContext:SecretARN": [SECRET],
            },
        });
        const viaOnly = {
            ...secrets,
            Statement: [
                secrets.Statement[0],
                {
                    ...statement,
                    Condition: { StringEquals: { "kms:ViaService": "secretsmanager.us-east-1.amazonaws.com" } },
                },
            ],
        };
        const via = { "kms:ViaService": "secretsmanager.us-east-1.amazonaws.com" };
        expect(await decide(viaOnly, "kms:Decrypt", STACK_KEY, via)).to.equal("Allowed");
        expect(await decide(viaOnly, "kms:Decrypt", STACK_KEY)).to.equal("ImplicitlyDenied");
        expect(
            await decide(viaOnly, "kms:Decrypt", STACK_KEY, { "kms:ViaService": "s3.us-east-1.amazonaws.com" }),
        ).to.equal("ImplicitlyDenied");
        expect(await decide(viaOnly, "kms:Decrypt", STACK_KEY.replace("1234abcd", "9999abcd"), via)).to.equal(
            "ImplicitlyDenied",
        );
    });
});
