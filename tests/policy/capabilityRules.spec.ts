/**
 * The capability rules of the pack, each with the violation it catches and the near miss it
 * must pass; then the whole pack over stacks that use the capabilities: zero findings.
 */
import { expect } from "chai";
import { ResourceValidationPolicy } from "@pulumi/policy";
import { filesystemGrantsScoped, nfsEgressInVpc, productionJwtRestricted } from "../../policy/rules/capabilities";
import { evaluatePolicyPack } from "../../src/plan/packFindings";
import { rawStack, runFixtureStack } from "../helpers";
import { EFS_AP, EFS_FS, PRIVATE_IDP_URL, S3_FILES_AP } from "../runtime/capabilityFacts";
import { reported } from "./reported";

/** The rules judged here are production rules: a resource in stack production unless `stack` says otherwise. */
const check = (policy: ResourceValidationPolicy, type: string, props: object, stack = "production") =>
    reported(policy, type, props, { stack });

const NATIVE_RUNTIME = "aws-native:bedrockagentcore:Runtime";
const CLASSIC_RUNTIME = "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime";
const jwt = (extra: object) => ({
    authorizerConfiguration: { customJwtAuthorizer: { discoveryUrl: PRIVATE_IDP_URL, ...extra } },
    tags: { Environment: "production" },
});

describe("pack: production-jwt-runtime-restricted", () => {
    it("fails a production JWT runtime with scopes but no audience or client (both providers)", () => {
        for (const type of [NATIVE_RUNTIME, CLASSIC_RUNTIME]) {
            const found = check(productionJwtRestricted, type, jwt({ allowedScopes: ["agents/invoke"] }));
            expect(found, type).to.have.length(1);
            expect(found[0]).to.contain("neither allowed audiences nor allowed clients");
        }
    });

    it("passes the near misses: one audience (native), one audience (classic), one client, a non-production stack", () => {
        expect(check(productionJwtRestricted, NATIVE_RUNTIME, jwt({ allowedAudience: ["a"] }))).to.deep.equal([]);
        expect(check(productionJwtRestricted, CLASSIC_RUNTIME, jwt({ allowedAudiences: ["a"] }))).to.deep.equal([]);
        expect(check(productionJwtRestricted, NATIVE_RUNTIME, jwt({ allowedClients: ["c"] }))).to.deep.equal([]);
        expect(
            check(productionJwtRestricted, NATIVE_RUNTIME, { ...jwt({}), tags: { Environment: "staging" } }, "staging"),
        ).to.deep.equal([]);
        expect(check(productionJwtRestricted, NATIVE_RUNTIME, { tags: { Environment: "production" } })).to.deep.equal(
            [],
        );
    });
});

describe("pack: nfs-egress-stays-in-vpc", () => {
    const egress = (props: object) =>
        check(nfsEgressInVpc, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", props);

    it("fails NFS, a port range around 2049, or all protocols to a public CIDR", () => {
        expect(egress({ ipProtocol: "tcp", fromPort: 2049, toPort: 2049, cidrIpv4: "0.0.0.0/0" })).to.have.length(1);
        expect(egress({ ipProtocol: "tcp", fromPort: 2000, toPort: 2100, cidrIpv4: "52.0.0.0/8" })).to.have.length(1);
        expect(
            check(nfsEgressInVpc, "aws:ec2/securityGroup:SecurityGroup", {
                egress: [{ protocol: "tcp", fromPort: 2049, toPort: 2049, cidrBlocks: ["0.0.0.0/1"] }],
            }),
        ).to.have.length(1);
    });

    it("passes the near misses: NFS to the VPC CIDR, HTTPS to a public CIDR (another rule's concern), ports next to 2049", () => {
        expect(egress({ ipProtocol: "tcp", fromPort: 2049, toPort: 2049, cidrIpv4: "10.10.0.0/16" })).to.deep.equal([]);
        expect(egress({ ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" })).to.deep.equal([]);
        expect(egress({ ipProtocol: "tcp", fromPort: 2050, toPort: 2060, cidrIpv4: "0.0.0.0/0" })).to.deep.equal([]);
        expect(egress({ ipProtocol: "tcp", fromPort: 2000, toPort: 2048, cidrIpv4: "0.0.0.0/0" })).to.deep.equal([]);
        expect(egress({ ipProtocol: "udp", fromPort: 2049, toPort: 2049, cidrIpv4: "0.0.0.0/0" })).to.deep.equal([]);
    });
});

describe("pack: filesystem-grants-scoped", () => {
    const policy = (statement: object) =>
        check(filesystemGrantsScoped, "aws:iam/rolePolicy:RolePolicy", {
            policy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Sid: "Mount", Effect: "Allow", ...statement }],
            }),
        });
    const scoped = {
        Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
        Resource: EFS_FS,
        Condition: { StringEquals: { "elasticfilesystem:AccessPointArn": EFS_AP } },
    };

    it("passes a grant on the file system through its access point (the near miss of both failures)", () => {
        expect(policy(scoped)).to.deep.equal([]);
        expect(
            policy({
                Action: ["s3files:ClientMount"],
                Resource: "arn:aws:s3files:us-east-1:123456789012:file-system/fs-0123456789abcdef01",
                Condition: { StringEquals: { "s3files:AccessPointArn": S3_FILES_AP } },
            }),
        ).to.deep.equal([]);
    });

    it("fails a wildcard resource, a missing access-point condition, and elasticfilesystem:*", () => {
        expect(policy({ ...scoped, Resource: "*" })[0]).to.contain("on *: name the file system's ARN");
        expect(
            policy({ ...scoped, Resource: "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/*" })[0],
        ).to.contain("name the file system's ARN");
        expect(policy({ ...scoped, Condition: undefined })[0]).to.contain(
            "without a elasticfilesystem:AccessPointArn condition",
        );
        expect(policy({ Action: "elasticfilesystem:*", Resource: EFS_FS })).to.have.length(1);
        expect(policy({ Action: "s3files:ClientWrite", Resource: "*" })).to.have.length(2);
    });
});

describe("pack: filesystem-grants-scoped on runtimes", () => {
    const runtime = (accessPointArn: string) => ({
        roleArn: "arn:aws:iam::123456789012:role/agentcore-production-execution-role",
        filesystemConfigurations: [{ efsAccessPoint: { accessPointArn, mountPath: "/mnt/shared" } }],
    });
    it("fails a mount of another account's access point, passes the role's own account (both providers)", () => {
        for (const type of [NATIVE_RUNTIME, CLASSIC_RUNTIME]) {
            const other = check(filesystemGrantsScoped, type, runtime(EFS_AP.replace("123456789012", "210987654321")));
            expect(other, type).to.have.length(1);
            expect(other[0]).to.contain("not in the execution role's account 123456789012");
            expect(check(filesystemGrantsScoped, type, runtime(EFS_AP)), type).to.deep.equal([]);
        }
    });
});

describe("pack: stacks that use the capabilities have zero findings, on both providers", () => {
    const [runtime] = JSON.parse(rawStack("production").values.runtimes) as Record<string, unknown>[];
    const withAll = {
        ...runtime,
        authorizer: {
            discoveryUrl: PRIVATE_IDP_URL,
            allowedAudience: ["support-agent"],
            allowedScopes: ["agents/invoke"],
            customClaims: [{ claim: "groups", operator: "CONTAINS", value: "support" }],
            privateEndpoint: { managed: { idpCidrs: ["10.30.12.0/24"] } },
        },
        filesystems: [
            { kind: "sessionStorage", mountPath: "/mnt/workspace" },
            { kind: "efs", accessPointArn: EFS_AP, fileSystemId: "fs-0123456789abcdef0", mountPath: "/mnt/shared" },
            { kind: "s3Files", accessPointArn: S3_FILES_AP, mountPath: "/mnt/data" },
        ],
    };
    for (const provider of ["aws-native", "aws"]) {
        it(`production, ${provider}: JWT with scopes and a claim, a private IdP path, EFS and S3 Files`, async () => {
            const run = await runFixtureStack("production", {
                runtimes: JSON.stringify([withAll]),
                runtimeProvider: provider,
            });
            expect(run.error?.message).to.equal(undefined);
            const report = evaluatePolicyPack(run.resources, "production");
            expect(report.findings).to.deep.equal([]);
        });
    }
});
