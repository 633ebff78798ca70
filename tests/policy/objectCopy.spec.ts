/**
 * Policy s3-object-copy-kms-encrypted-private: a stack's copy of a promoted code object is
 * encrypted with a customer managed KMS key and never public. The compliant fixture is the copy
 * the program records; each failing case is one property away from it (a near miss per clause).
 */
import { expect } from "chai";
import { objectCopyPrivateEncrypted } from "../../policy/rules/objectCopy";
import { one, runStackOnce } from "../helpers";
import { reported } from "./reported";
import { UNKNOWN_STRING } from "./unknowns";

const OBJECT_COPY = "aws:s3/objectCopy:ObjectCopy";

// The engine's marker for a value unknown during preview (internal to @pulumi/policy).

/** What the rule reports for an object copy in the staging stack. */
const copyReported = (props: Record<string, unknown>) =>
    reported(objectCopyPrivateEncrypted, OBJECT_COPY, props, { stack: "staging" });

/** A copy as a user might write it, compliant: SSE-KMS with a key, no ACL, no grants. */
const COPY = {
    bucket: "agentcore-staging-code-84ff3e1",
    key: "runtimes/support_agent_staging/promoted-bc032b14.zip",
    source: "agentcore-development-code-6850cb5/runtimes/support_agent_development/code.zip",
    serverSideEncryption: "aws:kms",
    kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
    bucketKeyEnabled: true,
};

describe("policy s3-object-copy-kms-encrypted-private", function () {
    this.timeout(60000);

    it("passes the copy the program makes of a promoted code object", async () => {
        const runtimes = JSON.stringify([
            {
                name: "support_agent",
                code: {
                    s3: {
                        bucket: "agentcore-development-code-6850cb5",
                        key: "runtimes/support_agent_development/code.zip",
                        versionId: "3sL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY",
                    },
                    runtime: "NODE_22",
                    entryPoint: ["main.js"],
                },
            },
        ]);
        const run = await runStackOnce("staging", { runtimes });
        const copy = one(run, OBJECT_COPY);
        expect(copyReported(copy.inputs)).to.deep.equal([]);
    });

    it("passes a compliant copy, one with dual-layer KMS, and one whose key is unknown at preview", () => {
        expect(copyReported(COPY)).to.deep.equal([]);
        expect(copyReported({ ...COPY, serverSideEncryption: "aws:kms:dsse" })).to.deep.equal([]);
        expect(copyReported({ ...COPY, kmsKeyId: UNKNOWN_STRING })).to.deep.equal([]);
        // Owner-only canned ACLs are not public.
        for (const acl of ["private", "bucket-owner-full-control"]) {
            expect(copyReported({ ...COPY, acl }), acl).to.deep.equal([]);
        }
    });

    it("fails a copy without encryption, with SSE-S3, and with KMS but no key", () => {
        const { serverSideEncryption: _sse, ...plain } = COPY;
        void _sse;
        expect(copyReported(plain)).to.deep.equal([
            'ObjectCopy "subject" is not encrypted with KMS (serverSideEncryption null): set serverSideEncryption "aws:kms" and kmsKeyId to the stack\'s customer managed key.',
        ]);
        expect(copyReported({ ...COPY, serverSideEncryption: "AES256" })).to.deep.equal([
            'ObjectCopy "subject" is not encrypted with KMS (serverSideEncryption "AES256"): set serverSideEncryption "aws:kms" and kmsKeyId to the stack\'s customer managed key.',
        ]);
        const { kmsKeyId: _key, ...keyless } = COPY;
        void _key;
        expect(copyReported(keyless)).to.deep.equal([
            'ObjectCopy "subject" names no KMS key (kmsKeyId unset, so S3 would use the AWS managed aws/s3 key): set kmsKeyId to the stack\'s customer managed key.',
        ]);
        expect(copyReported({ ...COPY, kmsKeyId: "" })).to.have.length(1);
    });

    it("fails a public canned ACL and any grant", () => {
        expect(copyReported({ ...COPY, acl: "public-read" })).to.deep.equal([
            'ObjectCopy "subject" has the ACL "public-read": leave acl unset or "private" (the object must not be public).',
        ]);
        expect(copyReported({ ...COPY, acl: "authenticated-read" })).to.have.length(1);
        const grants = [
            { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers", permissions: ["READ"] },
        ];
        expect(copyReported({ ...COPY, grants })).to.deep.equal([
            "ObjectCopy \"subject\" has grants: remove them (access is the bucket policy's and the role's, never object ACLs).",
        ]);
    });

    it("reads only object copies: an unencrypted code upload (BucketObjectv2) is not its business", () => {
        const { serverSideEncryption: _sse, ...plain } = COPY;
        void _sse;
        expect(reported(objectCopyPrivateEncrypted, "aws:s3/bucketObjectv2:BucketObjectv2", plain)).to.deep.equal([]);
    });
});
