/**
 * Config for the 2026 runtime capabilities: JWT scopes and custom claims, a private identity
 * provider, file systems. Every bound probed on both sides; wrong combinations refused naming
 * the key, with nothing created.
 */
import { expect } from "chai";
import { configOf, configProblems, rawStack, runFixtureStack } from "../helpers";
import {
    CLAIM_NAME_MAX,
    EFS_AP,
    MOUNTS_PER_RUNTIME,
    MOUNT_PATH_MAX,
    MOUNT_PATH_MIN,
    PRIVATE_IDP_URL,
    S3_FILES_AP,
    SCOPE_MAX,
} from "./capabilityFacts";

/** The staging fixture's runtime with fields replaced (undefined removes one). */
function stagingRuntime(patch: Record<string, unknown>): Record<string, unknown> {
    const [runtime] = JSON.parse(rawStack("staging").values.runtimes) as Record<string, unknown>[];
    const merged: Record<string, unknown> = { ...runtime, ...patch };
    for (const [k, v] of Object.entries(patch)) {
        if (v === undefined) {
            delete merged[k];
        }
    }
    return merged;
}

function problems(patch: Record<string, unknown>, overrides: Record<string, unknown> = {}): readonly string[] {
    return configProblems(rawStack("staging", { runtimes: [stagingRuntime(patch)], ...overrides }));
}

const authorizer = (extra: Record<string, unknown>) => ({
    authorizer: {
        discoveryUrl:
            "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_StgPool01/.well-known/openid-configuration",
        allowedClients: ["3stagingclient0example"],
        ...extra,
    },
});

describe("config: JWT scopes and custom claims", () => {
    it("a claim rule without a value has one problem: what its operator needs", () => {
        expect(problems(authorizer({ customClaims: [{ claim: "tier", operator: "EQUALS" }] }))).to.deep.equal([
            `runtimes[0].authorizer.customClaims[0].value null is invalid: one string of 1 to 255 characters with operator EQUALS (e.g. "support")`,
        ]);
        expect(problems(authorizer({ customClaims: [{ claim: "tier", operator: "CONTAINS_ANY" }] }))).to.deep.equal([
            `runtimes[0].authorizer.customClaims[0].value null is invalid: a list of 1 or more strings of 1 to 255 characters with operator CONTAINS_ANY (e.g. ["support", "billing"])`,
        ]);
    });

    it("an authorizer or a claim rule that is no map has one problem: that (null too)", () => {
        const notAuthorizer = (shown: string) =>
            `runtimes[0].authorizer ${shown} is invalid: a map with discoveryUrl and allowedAudience and/or allowedClients (e.g. { discoveryUrl: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123/.well-known/openid-configuration", allowedClients: ["4f1k2example"] })`;
        expect(problems({ authorizer: null })).to.deep.equal([notAuthorizer("null")]);
        expect(problems({ authorizer: 1 })).to.deep.equal([notAuthorizer("1")]);
        expect(problems(authorizer({ customClaims: [null] }))).to.deep.equal([
            `runtimes[0].authorizer.customClaims[0] null is invalid: a map with claim, operator and value (e.g. { claim: "department", operator: "EQUALS", value: "support" })`,
        ]);
    });

    it("refuses a misspelt field of a claim rule with the nearest known one; near miss: spelt right", () => {
        const found = problems(authorizer({ customClaims: [{ claim: "tier", operater: "EQUALS", value: "gold" }] }));
        expect(found).to.include(
            `runtimes[0].authorizer.customClaims[0].operater "EQUALS" is invalid: not a known field (did you mean operator?); use claim, operator, valueType, value (e.g. runtimes[0].authorizer.customClaims[0].operator)`,
        );
        expect(
            problems(authorizer({ customClaims: [{ claim: "tier", operator: "EQUALS", value: "gold" }] })),
        ).to.deep.equal([]);
    });

    it("names the override whose private endpoint is missing", () => {
        const found = problems(authorizer({ privateEndpointOverrides: [{ domain: "keys.idp.internal.example.com" }] }));
        expect(found).to.have.length(1);
        expect(found[0]).to.match(
            /^runtimes\[0\]\.authorizer\.privateEndpointOverrides\[0\]\.privateEndpoint null is invalid: exactly one of managed/,
        );
    });

    it("accepts a scope of exactly 255 allowed characters and refuses 256", () => {
        expect(problems(authorizer({ allowedScopes: ["s".repeat(SCOPE_MAX)] }))).to.deep.equal([]);
        const [p] = problems(authorizer({ allowedScopes: ["s".repeat(SCOPE_MAX + 1)] }));
        expect(p).to.match(/^runtimes\[0\]\.authorizer\.allowedScopes\[0\] "s{256}" is invalid: a scope of 1 to 255/);
    });

    it("accepts every printable character AWS's pattern admits and refuses space, quote and backslash", () => {
        expect(problems(authorizer({ allowedScopes: ["!#[]~agents/invoke:read"] }))).to.deep.equal([]);
        for (const bad of ["agents invoke", 'say"hi', "back\\slash", ""]) {
            const found = problems(authorizer({ allowedScopes: [bad] }));
            expect(found, bad).to.have.length(1);
            expect(found[0], bad).to.contain("runtimes[0].authorizer.allowedScopes[0]");
        }
    });

    it("refuses an empty scope list and a repeated scope", () => {
        expect(problems(authorizer({ allowedScopes: [] }))[0]).to.contain("a list of 1 or more scopes");
        expect(problems(authorizer({ allowedScopes: ["a", "a"] }))[0]).to.contain(
            'runtimes[0].authorizer.allowedScopes[1] "a" is invalid: a scope not already listed',
        );
    });

    it("maps each operator to the claim type and value kind AWS pairs it with", () => {
        const config = configOf("staging", {
            runtimes: [
                stagingRuntime(
                    authorizer({
                        customClaims: [
                            { claim: "custom:tier", operator: "EQUALS", value: "internal" },
                            { claim: "groups", operator: "CONTAINS", value: "support" },
                            {
                                claim: "roles",
                                operator: "CONTAINS_ANY",
                                value: ["agent", "admin"],
                                valueType: "STRING_ARRAY",
                            },
                        ],
                    }),
                ),
            ],
        });
        expect(config.runtimes[0].authorizer?.customClaims).to.deep.equal([
            { claim: "custom:tier", valueType: "STRING", operator: "EQUALS", value: "internal" },
            { claim: "groups", valueType: "STRING_ARRAY", operator: "CONTAINS", value: "support" },
            { claim: "roles", valueType: "STRING_ARRAY", operator: "CONTAINS_ANY", value: ["agent", "admin"] },
        ]);
    });

    it("refuses a value type, value kind or operator the operator does not take", () => {
        const claims = (claim: Record<string, unknown>) => problems(authorizer({ customClaims: [claim] }));
        expect(claims({ claim: "tier", operator: "EQUALS", value: "x", valueType: "STRING_ARRAY" })[0]).to.equal(
            'runtimes[0].authorizer.customClaims[0].valueType "STRING_ARRAY" is invalid: STRING with operator EQUALS (EQUALS compares a STRING claim; CONTAINS and CONTAINS_ANY search a STRING_ARRAY claim) (e.g. "STRING")',
        );
        expect(claims({ claim: "tier", operator: "EQUALS", value: ["a", "b"] })[0]).to.contain(
            "(a list needs CONTAINS_ANY)",
        );
        expect(claims({ claim: "roles", operator: "CONTAINS_ANY", value: "agent" })[0]).to.contain(
            "runtimes[0].authorizer.customClaims[0].value",
        );
        expect(claims({ claim: "roles", operator: "STARTS_WITH", value: "a" })[0]).to.equal(
            'runtimes[0].authorizer.customClaims[0].operator "STARTS_WITH" is invalid: one of EQUALS, CONTAINS, CONTAINS_ANY (e.g. "EQUALS")',
        );
        expect(claims({ claim: "roles", operator: "CONTAINS_ANY", value: [] })).to.have.length(1);
    });

    it("bounds the claim name at 255 and to the characters every AWS reading of its pattern admits", () => {
        const claim = (name: string) =>
            problems(authorizer({ customClaims: [{ claim: name, operator: "EQUALS", value: "x" }] }));
        expect(claim("c".repeat(CLAIM_NAME_MAX))).to.deep.equal([]);
        expect(claim("c".repeat(CLAIM_NAME_MAX + 1))).to.have.length(1);
        expect(claim("https://example.com/claims:tier_1.x")).to.deep.equal([]);
        // "-" is inside the class on one AWS page and a range operator on the others.
        expect(claim("tenant-tier")[0]).to.contain("runtimes[0].authorizer.customClaims[0].claim");
        expect(claim("")).to.have.length(1);
    });

    it("refuses two rules for one claim", () => {
        const found = problems(
            authorizer({
                customClaims: [
                    { claim: "tier", operator: "EQUALS", value: "a" },
                    { claim: "tier", operator: "EQUALS", value: "b" },
                ],
            }),
        );
        expect(found).to.deep.equal([
            'runtimes[0].authorizer.customClaims "tier" is invalid: one rule per claim (claim "tier" appears twice) (e.g. [{ claim: "department", operator: "EQUALS", value: "support" }])',
        ]);
    });
});

describe("config: a private identity provider", () => {
    const privateIdp = (privateEndpoint: unknown, extra: Record<string, unknown> = {}) =>
        authorizer({ discoveryUrl: PRIVATE_IDP_URL, privateEndpoint, ...extra });

    it("idpCidrs: 60 distinct CIDRs (60 outbound rules of the identity-provider group) pass, 61 do not (Amazon VPC quotas)", () => {
        const cidrs = (n: number) => Array.from({ length: n }, (_, i) => `10.20.${100 + i}.0/24`);
        expect(problems(privateIdp({ managed: { idpCidrs: cidrs(60) } }))).to.deep.equal([]);
        expect(problems(privateIdp({ managed: { idpCidrs: cidrs(61) } }))).to.deep.equal([
            'runtimes[].authorizer idpCidrs "61 egress rules" is invalid: at most 60 distinct idpCidrs (with the VPC CIDR when one managed endpoint lists none) across the runtimes: each is one outbound rule of the identity-provider security group, and AWS allows 60 per security group (Amazon VPC quotas) (e.g. ["10.0.12.0/22"])',
        ]);
    });

    it("accepts a managed path with IdP CIDRs inside the VPC, and a self-managed resource configuration", () => {
        expect(problems(privateIdp({ managed: { idpCidrs: ["10.20.12.0/24"] } }))).to.deep.equal([]);
        expect(problems(privateIdp({ managed: {} }))).to.deep.equal([]);
        expect(problems(privateIdp({ resourceConfiguration: "rcfg-0123456789abcdef0" }))).to.deep.equal([]);
        expect(
            problems(
                privateIdp({
                    resourceConfiguration:
                        "arn:aws:vpc-lattice:us-east-1:123456789012:resourceconfiguration/rcfg-0123456789abcdef0",
                }),
            ),
        ).to.deep.equal([]);
    });

    it("holds an override's managed path inside the VPC, under the entry's own index and beside its other problems", () => {
        const override = (idpCidrs: string[]) =>
            stagingRuntime({
                name: "second_agent",
                description: "",
                ...privateIdp(
                    { managed: {} },
                    {
                        privateEndpointOverrides: [
                            { domain: "keys.idp.internal.example.com", privateEndpoint: { managed: { idpCidrs } } },
                        ],
                    },
                ),
            });
        const refused = stagingRuntime({ protocol: "GRPC" });
        const own = [
            `runtimes[0].protocol "GRPC" is invalid: one of HTTP, MCP, A2A, AGUI (e.g. "HTTP")`,
            `runtimes[1].description "" is invalid: text of 1 to 1200 characters (e.g. "Answers customer support questions")`,
        ];
        expect(configProblems(rawStack("staging", { runtimes: [refused, override(["10.99.0.0/24"])] }))).to.deep.equal([
            ...own,
            'runtimes[1].authorizer.privateEndpointOverrides[0].privateEndpoint.managed.idpCidrs[0] "10.99.0.0/24" is invalid: a CIDR inside vpcCidr 10.20.0.0/16: the identity-provider path never leaves the VPC (e.g. "10.20.0.0/16")',
        ]);
        // Near miss: inside the VPC.
        expect(configProblems(rawStack("staging", { runtimes: [refused, override(["10.20.12.0/24"])] }))).to.deep.equal(
            own,
        );
    });

    it("refuses a private endpoint without an authorizer, naming where it belongs", () => {
        const found = problems({ authorizer: undefined, privateEndpoint: { managed: {} } });
        expect(found[0]).to.match(
            /^runtimes\[0\]\.privateEndpoint \{"managed":\{\}\} is invalid: authorizer\.privateEndpoint: a private endpoint is how AgentCore reaches the JWT authorizer's discovery URL, so it needs an authorizer/,
        );
    });

    it("refuses both kinds at once, neither, an IdP CIDR outside the VPC or public, and IPV6", () => {
        const both = problems(privateIdp({ managed: {}, resourceConfiguration: "rcfg-0123456789abcdef0" }));
        expect(both[0]).to.contain("runtimes[0].authorizer.privateEndpoint");
        expect(both[0]).to.contain("exactly one of managed");
        expect(problems(privateIdp({}))[0]).to.contain("exactly one of managed");
        expect(problems(privateIdp({ managed: { idpCidrs: ["10.99.0.0/24"] } }))).to.deep.equal([
            'runtimes[0].authorizer.privateEndpoint.managed.idpCidrs[0] "10.99.0.0/24" is invalid: a CIDR inside vpcCidr 10.20.0.0/16: the identity-provider path never leaves the VPC (e.g. "10.20.0.0/16")',
        ]);
        expect(problems(privateIdp({ managed: { idpCidrs: ["0.0.0.0/0"] } }))[0]).to.contain(
            "a private IPv4 network CIDR",
        );
        expect(problems(privateIdp({ managed: { endpointIpAddressType: "IPV6" } }))[0]).to.contain("IPV4");
        expect(problems(privateIdp({ resourceConfiguration: "rcfg-123" }))[0]).to.contain(
            "runtimes[0].authorizer.privateEndpoint.resourceConfiguration",
        );
    });

    it("takes a routing domain that is a DNS name, and nothing else", () => {
        expect(problems(privateIdp({ managed: { routingDomain: "idp.internal.example.com" } }))).to.deep.equal([]);
        expect(problems(privateIdp({ managed: { routingDomain: "localhost" } }))[0]).to.contain(
            "runtimes[0].authorizer.privateEndpoint.managed.routingDomain",
        );
        expect(problems(privateIdp({ managed: { routingDomain: `${"a".repeat(64)}.example.com` } }))).to.have.length(1);
    });

    it("takes overrides for other IdP domains, not the discovery URL's own and not twice", () => {
        const override = (domain: string) => ({ domain, privateEndpoint: { managed: {} } });
        expect(
            problems(
                privateIdp({ managed: {} }, { privateEndpointOverrides: [override("keys.idp.internal.example.com")] }),
            ),
        ).to.deep.equal([]);
        expect(
            problems(
                privateIdp({ managed: {} }, { privateEndpointOverrides: [override("idp.internal.example.com")] }),
            )[0],
        ).to.contain("a domain other than the discovery URL's");
        expect(
            problems(
                privateIdp(
                    { managed: {} },
                    { privateEndpointOverrides: [override("a.example.com"), override("A.example.com")] },
                ),
            )[0],
        ).to.contain("runtimes[0].authorizer.privateEndpointOverrides[1].domain");
    });

    it("creates nothing when the config is refused", async () => {
        const run = await runFixtureStack("staging", {
            runtimes: JSON.stringify([stagingRuntime({ privateEndpoint: { managed: {} } })]),
        });
        expect(run.error?.message).to.contain("runtimes[0].privateEndpoint");
        expect(run.resources.filter((r) => r.type !== "pulumi:pulumi:Stack")).to.deep.equal([]);
    });
});

describe("config: file systems", () => {
    const fs = (...filesystems: unknown[]) => problems({ filesystems });

    it("accepts each kind, and 5 entries but not 6", () => {
        expect(
            fs(
                { kind: "sessionStorage", mountPath: "/mnt/workspace" },
                { kind: "efs", accessPointArn: EFS_AP, fileSystemId: "fs-0123456789abcdef0", mountPath: "/mnt/shared" },
                { kind: "s3Files", accessPointArn: S3_FILES_AP, mountPath: "/mnt/data" },
            ),
        ).to.deep.equal([]);
        const many = (n: number) =>
            Array.from({ length: n }, (_, i) => ({ kind: "sessionStorage", mountPath: `/mnt/d${i}` }));
        expect(fs(...many(MOUNTS_PER_RUNTIME))).to.deep.equal([]);
        expect(fs(...many(MOUNTS_PER_RUNTIME + 1))[0]).to.contain("runtimes[0].filesystems");
        expect(fs()[0]).to.contain("a list of 1 to 5 file systems");
    });

    it("bounds mount paths: /mnt/<one directory>, 6 to 200 characters, distinct", () => {
        const at = (mountPath: string) => fs({ kind: "sessionStorage", mountPath });
        expect(at("/mnt/a")).to.have.length(0); // 6 characters
        expect("/mnt/a").to.have.length(MOUNT_PATH_MIN);
        expect(at("/mnt/")).to.have.length(1);
        expect(at(`/mnt/${"a".repeat(MOUNT_PATH_MAX - 5)}`)).to.have.length(0);
        expect(at(`/mnt/${"a".repeat(MOUNT_PATH_MAX - 4)}`)).to.have.length(1);
        expect(at("/mnt/a/b")[0]).to.equal(
            'runtimes[0].filesystems[0].mountPath "/mnt/a/b" is invalid: a path /mnt/<one directory> of letters, digits and . _ - (6 to 200 characters) (e.g. "/mnt/workspace")',
        );
        expect(at("/data/x")).to.have.length(1);
        expect(at("/mnt/data/")).to.have.length(0);
        expect(
            fs({ kind: "sessionStorage", mountPath: "/mnt/data" }, { kind: "sessionStorage", mountPath: "/mnt/data/" }),
        ).to.deep.equal([
            'runtimes[0].filesystems[1].mountPath "/mnt/data/" is invalid: a mount path not used by runtimes[0].filesystems[0] (each mount path must be unique) (e.g. "/mnt/data_2")',
        ]);
    });

    it("refuses an EFS access point of another region, a malformed one, and a missing file system ID", () => {
        const efs = (accessPointArn: string, fileSystemId: unknown = "fs-0123456789abcdef0") =>
            fs({ kind: "efs", accessPointArn, fileSystemId, mountPath: "/mnt/shared" });
        expect(efs(EFS_AP.replace("us-east-1", "eu-west-1"))[0]).to.contain(
            "is invalid: an access point in the stack's region us-east-1",
        );
        expect(efs(EFS_AP.replace("fsap-", "ap-"))).to.have.length(1);
        expect(efs(EFS_AP, null)[0]).to.contain("runtimes[0].filesystems[0].fileSystemId");
        expect(
            fs({
                kind: "s3Files",
                accessPointArn: S3_FILES_AP.replace("us-east-1", "us-west-2"),
                mountPath: "/mnt/d",
            })[0],
        ).to.contain("the stack's region us-east-1");
    });

    it("takes a mount-target security group ID of 8 to 17 hex characters", () => {
        const sg = (id: string) =>
            fs({
                kind: "s3Files",
                accessPointArn: S3_FILES_AP,
                mountPath: "/mnt/data",
                mountTargetSecurityGroupId: id,
            });
        expect(sg("sg-01234567")).to.deep.equal([]);
        expect(sg("sg-0123456789abcdef0")).to.deep.equal([]);
        expect(sg("sg-0123456")).to.have.length(1);
        expect(sg("sg-0123456789abcdef01")[0]).to.equal(
            'runtimes[0].filesystems[0].mountTargetSecurityGroupId "sg-0123456789abcdef01" is invalid: a security group ID (sg- and 8 to 17 hex) of the mount targets (e.g. "sg-0123456789abcdef0")',
        );
    });

    it("refuses an unknown kind (with the kinds listed) and a misspelt field", () => {
        expect(fs({ kind: "ebs", mountPath: "/mnt/x" })[0]).to.equal(
            'runtimes[0].filesystems[0].kind "ebs" is invalid: one of sessionStorage, efs, s3Files (e.g. "sessionStorage")',
        );
        expect(fs({ kind: "sessionStorage", mountPath: "/mnt/x", mountpath: "/mnt/y" })[0]).to.contain(
            "did you mean mountPath?",
        );
    });

    it("reports the count and the repeats beside the entries' own problems; a refused entry is no repeat", () => {
        const LIST =
            'is invalid: a list of 1 to 5 file systems (AgentCore mounts at most 5 per runtime) (e.g. [{ kind: "sessionStorage", mountPath: "/mnt/workspace" }])';
        const KIND =
            'is invalid: a map with kind (sessionStorage, efs, s3Files) and mountPath (e.g. { kind: "sessionStorage", mountPath: "/mnt/workspace" })';
        const six = [
            "storage",
            ...Array.from({ length: 5 }, (_, i) => ({ kind: "sessionStorage", mountPath: `/mnt/d${i}` })),
        ];
        expect(fs(...six)).to.deep.equal([
            `runtimes[0].filesystems[0] "storage" ${KIND}`,
            `runtimes[0].filesystems "6 file systems" ${LIST}`,
        ]);
        expect(
            fs(
                { kind: "sessionStorage", mountPath: "/mnt/data" },
                { kind: "sessionStorage", mountPath: "/mnt/data", x: 1 },
            ),
        ).to.deep.equal([
            "runtimes[0].filesystems[1].x 1 is invalid: not a known field; use kind, mountPath (e.g. runtimes[0].filesystems[1].kind)",
        ]);
        expect(fs()).to.deep.equal([`runtimes[0].filesystems [] ${LIST}`]);
        expect(fs("/mnt/data")).to.deep.equal([`runtimes[0].filesystems[0] "/mnt/data" ${KIND}`]);
        expect(problems({ filesystems: { kind: "sessionStorage" } })).to.deep.equal([
            `runtimes[0].filesystems {"kind":"sessionStorage"} ${LIST}`,
        ]);
    });

    it("refuses access points in different accounts within one stack", () => {
        const other = EFS_AP.replace("123456789012", "210987654321");
        const found = fs(
            { kind: "efs", accessPointArn: EFS_AP, fileSystemId: "fs-0123456789abcdef0", mountPath: "/mnt/a" },
            { kind: "efs", accessPointArn: other, fileSystemId: "fs-0123456789abcdef0", mountPath: "/mnt/b" },
        );
        expect(found[0]).to.contain("runtimes[0].filesystems[1].accessPointArn");
        expect(found[0]).to.contain("the account 123456789012");
    });
});
