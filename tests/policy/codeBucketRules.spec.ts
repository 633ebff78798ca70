/**
 * The stack rule s3-bucket-encrypted-versioned-private-tls (policy/rules/codeBucket.ts), run the
 * way the engine runs it (stackArgs: props behind the unknown-checking proxy): a code bucket is
 * SSE-KMS with a key, versioned, all four public access switches on and behind a bucket policy
 * that denies every request without TLS. Each companion resource is judged on its own: the
 * violation, the near miss one step inside the rule, the unknowns of a preview, and the exact
 * message a user reads (S3 User Guide: "Setting default server-side encryption", "Using
 * versioning", "Blocking public access", "Enforce encryption in transit: aws:SecureTransport").
 */
import { expect } from "chai";
import { StackValidationPolicy } from "@pulumi/policy";
import { codeBucketProtected } from "../../policy/rules/codeBucket";
import { stackArgs } from "../../src/plan/offline/evaluate";
import { RecordedResource } from "../../src/plan/offline/mocks";
import { recordedResource } from "../recordedResource";
import { UNKNOWN_OBJECT, UNKNOWN_STRING } from "./unknowns";

const KEY = "arn:aws:kms:us-east-1:123456789012:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
const NAME = "agentcore-code-development-1a2b3c";
const BUCKET = "aws:s3/bucket:Bucket";
const SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const VERSIONING = "aws:s3/bucketVersioning:BucketVersioning";
const BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const POLICY = "aws:s3/bucketPolicy:BucketPolicy";

// The four findings, as the user reads them after `Bucket "<name>" `.
const NO_SSE =
    "has no BucketServerSideEncryptionConfiguration with sseAlgorithm aws:kms and a kmsMasterKeyId: encrypt it with the stack's customer managed KMS key.";
const NO_VERSIONING =
    "is not versioned: add a BucketVersioning with versioningConfiguration.status Enabled (runtimes pin object versions).";
const NO_BLOCK =
    "does not block all public access: add a BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets all true.";
const NO_TLS =
    'accepts requests without TLS: add a BucketPolicy that denies s3:* when "aws:SecureTransport" is "false".';

const bucket = recordedResource(BUCKET, "code", { bucket: NAME, arn: `arn:aws:s3:::${NAME}` });

const sseRule = (algorithm: unknown, key?: unknown) => ({
    applyServerSideEncryptionByDefault: {
        sseAlgorithm: algorithm,
        ...(key === undefined ? {} : { kmsMasterKeyId: key }),
    },
    bucketKeyEnabled: true,
});
const encryption = (rules: unknown, bucketName: unknown = NAME) =>
    recordedResource(SSE, "code-encryption", { bucket: bucketName, rules });
const versioning = (status: unknown, bucketName: unknown = NAME) =>
    recordedResource(VERSIONING, "code-versioning", {
        bucket: bucketName,
        versioningConfiguration: { status },
    });
const SWITCHES = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];
const block = (overrides: Record<string, unknown> = {}) =>
    recordedResource(BLOCK, "code-public-access", {
        bucket: NAME,
        ...Object.fromEntries(SWITCHES.map((s) => [s, true])),
        ...overrides,
    });
const OBJECTS = [`arn:aws:s3:::${NAME}`, `arn:aws:s3:::${NAME}/*`];
const tlsStatement = (overrides: Record<string, unknown> = {}) => ({
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: OBJECTS,
    Condition: { Bool: { "aws:SecureTransport": "false" } },
    ...overrides,
});
const bucketPolicy = (policy: unknown) => recordedResource(POLICY, "code-tls-only", { bucket: NAME, policy });
const withStatements = (...statements: object[]) =>
    bucketPolicy(JSON.stringify({ Version: "2012-10-17", Statement: statements }));

const compliant = () => [
    bucket,
    encryption([sseRule("aws:kms", KEY)]),
    versioning("Enabled"),
    block(),
    withStatements(tlsStatement()),
];

/** The stack with the companion of `type` replaced by `replacement` (or removed). */
function replacing(type: string, ...replacement: RecordedResource[]): RecordedResource[] {
    return [...compliant().filter((r) => r.type !== type), ...replacement];
}

/** What the rule reports for the stack, as `{ message, urn }`. */
function validate(resources: readonly RecordedResource[]): { message: string; urn?: string }[] {
    const found: { message: string; urn?: string }[] = [];
    (codeBucketProtected as StackValidationPolicy).validateStack(stackArgs([...resources]), (message, urn) =>
        found.push({ message, urn }),
    );
    return found;
}
const messages = (resources: readonly RecordedResource[]) => validate(resources).map((f) => f.message);
const only = (finding: string) => [`Bucket "code" ${finding}`];

describe("pack: s3-bucket-encrypted-versioned-private-tls, every companion", () => {
    it("is a mandatory, high-severity stack rule", () => {
        expect(codeBucketProtected).to.include({
            name: "s3-bucket-encrypted-versioned-private-tls",
            enforcementLevel: "mandatory",
            severity: "high",
        });
    });

    it("passes a bucket with all four companions, and a stack with no bucket", () => {
        expect(messages(compliant())).to.deep.equal([]);
        expect(messages(compliant().filter((r) => r.type !== BUCKET))).to.deep.equal([]);
    });

    it("reports a bare bucket four times, in the order encryption, versioning, public access, TLS, blaming the bucket's URN", () => {
        const found = validate([bucket]);
        expect(found.map((f) => f.message)).to.deep.equal([
            `Bucket "code" ${NO_SSE}`,
            `Bucket "code" ${NO_VERSIONING}`,
            `Bucket "code" ${NO_BLOCK}`,
            `Bucket "code" ${NO_TLS}`,
        ]);
        expect(found.map((f) => f.urn)).to.deep.equal(Array(4).fill(bucket.urn));
    });

    it("judges each bucket by its own companions: a second bucket without any is reported, the first is not", () => {
        const other = recordedResource(BUCKET, "logs", { bucket: "agentcore-logs-development-4d5e6f" });
        expect(messages([...compliant(), other])).to.deep.equal([
            `Bucket "logs" ${NO_SSE}`,
            `Bucket "logs" ${NO_VERSIONING}`,
            `Bucket "logs" ${NO_BLOCK}`,
            `Bucket "logs" ${NO_TLS}`,
        ]);
    });

    it("finds companions by the bucket's id output when its bucket property is not set", () => {
        const byId = recordedResource(BUCKET, "code", { id: NAME });
        expect(messages([byId, ...compliant().filter((r) => r.type !== BUCKET)])).to.deep.equal([]);
    });

    it("near miss: a companion of the right shape but another type is not the bucket's companion", () => {
        const v2 = recordedResource("aws:s3/bucketVersioningV2:BucketVersioningV2", "code-versioning-v2", {
            bucket: NAME,
            versioningConfiguration: { status: "Enabled" },
        });
        expect(messages(replacing(VERSIONING, v2))).to.deep.equal(only(NO_VERSIONING));
    });

    describe("while the bucket's name is unknown (preview)", () => {
        it("counts a companion whose bucket is unknown when it depends on the bucket", () => {
            const dependent = recordedResource(
                VERSIONING,
                "code-versioning",
                { bucket: UNKNOWN_STRING, versioningConfiguration: { status: "Enabled" } },
                { dependencies: [bucket.urn] },
            );
            expect(messages(replacing(VERSIONING, dependent))).to.deep.equal([]);
        });

        it("near misses: an unknown bucket without the dependency, and a known other name with it", () => {
            const unrelated = recordedResource(VERSIONING, "code-versioning", {
                bucket: UNKNOWN_STRING,
                versioningConfiguration: { status: "Enabled" },
            });
            expect(messages(replacing(VERSIONING, unrelated))).to.deep.equal(only(NO_VERSIONING));
            const otherName = recordedResource(
                VERSIONING,
                "code-versioning",
                { bucket: "another-bucket", versioningConfiguration: { status: "Enabled" } },
                { dependencies: [bucket.urn] },
            );
            expect(messages(replacing(VERSIONING, otherName))).to.deep.equal(only(NO_VERSIONING));
        });
    });

    describe("encryption", () => {
        it("passes SSE-KMS and dual-layer SSE-KMS (aws:kms:dsse) with a key", () => {
            expect(messages(replacing(SSE, encryption([sseRule("aws:kms", KEY)])))).to.deep.equal([]);
            expect(messages(replacing(SSE, encryption([sseRule("aws:kms:dsse", KEY)])))).to.deep.equal([]);
        });

        it("passes an algorithm or a key unknown during preview", () => {
            expect(messages(replacing(SSE, encryption([sseRule(UNKNOWN_STRING, KEY)])))).to.deep.equal([]);
            expect(messages(replacing(SSE, encryption([sseRule("aws:kms", UNKNOWN_STRING)])))).to.deep.equal([]);
        });

        it("fails SSE-S3 (AES256) even with a key named, and SSE-KMS with no key or an empty one", () => {
            for (const rule of [
                sseRule("AES256", KEY),
                sseRule("AES256"),
                sseRule("aws:kms"),
                sseRule("aws:kms", ""),
            ]) {
                expect(messages(replacing(SSE, encryption([rule]))), JSON.stringify(rule)).to.deep.equal(only(NO_SSE));
            }
        });

        it("reads past a rule that is no map (null, text), judging the rules beside it", () => {
            expect(messages(replacing(SSE, encryption([null, "AES256", sseRule("aws:kms", KEY)])))).to.deep.equal([]);
            expect(messages(replacing(SSE, encryption([null, "aws:kms"])))).to.deep.equal(only(NO_SSE));
        });

        it("fails a rule with no default encryption block, and a configuration of another bucket", () => {
            expect(messages(replacing(SSE, encryption([{ bucketKeyEnabled: true }])))).to.deep.equal(only(NO_SSE));
            expect(messages(replacing(SSE, encryption([sseRule("aws:kms", KEY)], "another-bucket")))).to.deep.equal(
                only(NO_SSE),
            );
        });

        it("passes when any rule of the configuration, or any configuration of the bucket, is SSE-KMS with a key", () => {
            expect(messages(replacing(SSE, encryption([sseRule("AES256"), sseRule("aws:kms", KEY)])))).to.deep.equal(
                [],
            );
            expect(
                messages(replacing(SSE, encryption([sseRule("AES256")]), encryption([sseRule("aws:kms", KEY)]))),
            ).to.deep.equal([]);
        });
    });

    describe("versioning", () => {
        it("passes Enabled, and a status unknown during preview", () => {
            expect(messages(replacing(VERSIONING, versioning("Enabled")))).to.deep.equal([]);
            expect(messages(replacing(VERSIONING, versioning(UNKNOWN_STRING)))).to.deep.equal([]);
        });

        it("fails Suspended, Disabled, and a BucketVersioning without versioningConfiguration", () => {
            expect(messages(replacing(VERSIONING, versioning("Suspended")))).to.deep.equal(only(NO_VERSIONING));
            expect(messages(replacing(VERSIONING, versioning("Disabled")))).to.deep.equal(only(NO_VERSIONING));
            const bare = recordedResource(VERSIONING, "code-versioning", { bucket: NAME });
            expect(messages(replacing(VERSIONING, bare))).to.deep.equal(only(NO_VERSIONING));
        });

        it("passes when any one of the bucket's versioning resources is Enabled", () => {
            expect(messages(replacing(VERSIONING, versioning("Suspended"), versioning("Enabled")))).to.deep.equal([]);
        });
    });

    describe("public access block", () => {
        it("fails each switch off or unset on its own", () => {
            for (const s of SWITCHES) {
                expect(messages(replacing(BLOCK, block({ [s]: false }))), s).to.deep.equal(only(NO_BLOCK));
                expect(messages(replacing(BLOCK, block({ [s]: undefined }))), s).to.deep.equal(only(NO_BLOCK));
            }
        });

        it("passes switches unknown during preview", () => {
            expect(
                messages(replacing(BLOCK, block(Object.fromEntries(SWITCHES.map((s) => [s, UNKNOWN_STRING]))))),
            ).to.deep.equal([]);
        });

        it("passes when one of two blocks has all four switches on", () => {
            expect(messages(replacing(BLOCK, block({ restrictPublicBuckets: false }), block()))).to.deep.equal([]);
        });
    });

    describe("TLS-only bucket policy", () => {
        it("passes the deny as a string, a boolean or a list, and with the actions as * or a list holding s3:*", () => {
            for (const statement of [
                tlsStatement(),
                tlsStatement({ Condition: { Bool: { "aws:SecureTransport": false } } }),
                tlsStatement({ Condition: { Bool: { "aws:SecureTransport": ["false"] } } }),
                tlsStatement({ Action: "*" }),
                tlsStatement({ Action: ["s3:GetObject", "s3:*"] }),
            ]) {
                expect(messages(replacing(POLICY, withStatements(statement))), JSON.stringify(statement)).to.deep.equal(
                    [],
                );
            }
        });

        it("passes a policy unknown during preview, whole or its statements", () => {
            expect(messages(replacing(POLICY, bucketPolicy(UNKNOWN_STRING)))).to.deep.equal([]);
            expect(
                messages(replacing(POLICY, bucketPolicy({ Version: "2012-10-17", Statement: UNKNOWN_OBJECT }))),
            ).to.deep.equal([]);
        });

        it("passes the TLS deny beside other statements, before or after it", () => {
            const readForRole = {
                Sid: "RuntimeReads",
                Effect: "Allow",
                Principal: { AWS: "arn:aws:iam::123456789012:role/agentcore-exec" },
                Action: "s3:GetObject",
                Resource: OBJECTS[1],
            };
            const denyOtherRole = {
                Sid: "DenyOperator",
                Effect: "Deny",
                Principal: { AWS: "arn:aws:iam::123456789012:role/operator" },
                Action: "s3:*",
                Resource: OBJECTS,
            };
            const denyOutsideVpce = tlsStatement({
                Sid: "DenyOutsideEndpoint",
                Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-0a1b2c3d" } },
            });
            expect(messages(replacing(POLICY, withStatements(readForRole, tlsStatement())))).to.deep.equal([]);
            expect(messages(replacing(POLICY, withStatements(denyOtherRole, tlsStatement())))).to.deep.equal([]);
            expect(messages(replacing(POLICY, withStatements(denyOutsideVpce, tlsStatement())))).to.deep.equal([]);
        });

        it("near misses: an Allow, a deny of only some actions, SecureTransport true, another Bool key, no condition", () => {
            for (const statement of [
                tlsStatement({ Effect: "Allow" }),
                tlsStatement({ Action: ["s3:GetObject", "s3:PutObject"] }),
                tlsStatement({ Condition: { Bool: { "aws:SecureTransport": "true" } } }),
                tlsStatement({ Condition: { Bool: { "aws:SecureTransport": true } } }),
                tlsStatement({ Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } }),
                tlsStatement({ Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-0a1b2c3d" } } }),
                tlsStatement({ Condition: undefined }),
            ]) {
                expect(messages(replacing(POLICY, withStatements(statement))), JSON.stringify(statement)).to.deep.equal(
                    only(NO_TLS),
                );
            }
        });

        it("fails a policy that is not valid JSON, is not set, or belongs to another bucket", () => {
            expect(messages(replacing(POLICY, bucketPolicy("{ not json")))).to.deep.equal(only(NO_TLS));
            expect(
                messages(replacing(POLICY, recordedResource(POLICY, "code-tls-only", { bucket: NAME }))),
            ).to.deep.equal(only(NO_TLS));
            const elsewhere = recordedResource(POLICY, "code-tls-only", {
                bucket: "another-bucket",
                policy: JSON.stringify({ Version: "2012-10-17", Statement: [tlsStatement()] }),
            });
            expect(messages(replacing(POLICY, elsewhere))).to.deep.equal(only(NO_TLS));
        });

        it("passes when one of two bucket policies denies insecure transport", () => {
            expect(
                messages(
                    replacing(
                        POLICY,
                        withStatements(tlsStatement({ Effect: "Allow" })),
                        withStatements(tlsStatement()),
                    ),
                ),
            ).to.deep.equal([]);
        });
    });
});
