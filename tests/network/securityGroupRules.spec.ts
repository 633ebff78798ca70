/**
 * The security-group rules the runtimes' capabilities add (docs/network.md "Security-group
 * rules": NFS 2049 for EFS / S3 Files mounts, the identity-provider group's HTTPS egress for a
 * managed private endpoint) as literal rule lists, the paths decided from the runtimes, and the
 * per-group quota check config runs (AWS allows 60 rules per security group and direction,
 * Amazon VPC quotas), probed on both sides of the bound with the exact problem it reports.
 */
import { expect } from "chai";
import { JwtAuthorizerConfig, PrivateEndpointConfig, RuntimeConfig } from "../../src/config/types";
import {
    CapabilityPaths,
    capabilityPaths,
    capabilityRules,
    securityGroupQuotaProblems,
    securityGroupRules,
} from "../../src/network/securityGroupRules";

type Runtime = Pick<RuntimeConfig, "filesystems" | "authorizer">;

const EFS_AP = "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0";
const S3_FILES_AP = "arn:aws:s3files:us-east-1:123456789012:file-system/fs-0123456789abcdef0/access-point/ap-01";
const SG_A = "sg-0aaaaaaaaaaaaaaa1";
const SG_B = "sg-0bbbbbbbbbbbbbbb2";

const efs = (mountTargetSecurityGroupId?: string) => ({
    kind: "efs" as const,
    accessPointArn: EFS_AP,
    fileSystemId: "fs-0123456789abcdef0",
    mountPath: "/mnt/shared",
    ...(mountTargetSecurityGroupId ? { mountTargetSecurityGroupId } : {}),
});
const s3Files = (mountTargetSecurityGroupId?: string) => ({
    kind: "s3Files" as const,
    accessPointArn: S3_FILES_AP,
    mountPath: "/mnt/data",
    ...(mountTargetSecurityGroupId ? { mountTargetSecurityGroupId } : {}),
});
const managed = (idpCidrs: string[]): PrivateEndpointConfig => ({
    kind: "managed",
    endpointIpAddressType: "IPV4",
    idpCidrs,
});
const selfManaged: PrivateEndpointConfig = { kind: "selfManaged", resourceConfiguration: "rcfg-0123456789abcdef0" };

function authorizer(
    privateEndpoint: PrivateEndpointConfig | undefined,
    overrides: PrivateEndpointConfig[] = [],
): JwtAuthorizerConfig {
    return {
        discoveryUrl: "https://idp.corp.internal/.well-known/openid-configuration",
        allowedAudience: ["agents"],
        allowedClients: [],
        allowedScopes: [],
        customClaims: [],
        ...(privateEndpoint ? { privateEndpoint } : {}),
        privateEndpointOverrides: overrides.map((p, i) => ({ domain: `jwks${i}.corp.internal`, privateEndpoint: p })),
    };
}
const runtime = (filesystems: Runtime["filesystems"], auth?: JwtAuthorizerConfig): Runtime => ({
    filesystems,
    authorizer: auth,
});

const NONE: CapabilityPaths = {
    nfsSecurityGroupIds: [],
    nfsToVpc: false,
    identityProvider: false,
    identityProviderCidrs: [],
    identityProviderToVpc: false,
};

const NFS_VPC_RULE = {
    role: "runtime-egress-nfs-vpc",
    group: "runtime",
    direction: "egress",
    peer: { kind: "vpcCidr" },
    protocol: "tcp",
    port: 2049,
    description: "NFS to EFS or S3 Files mount targets inside the VPC",
};
const nfsGroupRule = (id: string) => ({
    role: `runtime-egress-nfs-${id}`,
    group: "runtime",
    direction: "egress",
    peer: { kind: "externalSecurityGroup", id },
    protocol: "tcp",
    port: 2049,
    description: `NFS to the file system mount targets in ${id}`,
});
const IDP_VPC_RULE = {
    role: "identity-provider-egress-vpc",
    group: "identityProvider",
    direction: "egress",
    peer: { kind: "vpcCidr" },
    protocol: "tcp",
    port: 443,
    description: "HTTPS to the private identity provider inside the VPC",
};
const idpCidrRule = (slug: string, cidr: string) => ({
    role: `identity-provider-egress-${slug}`,
    group: "identityProvider",
    direction: "egress",
    peer: { kind: "cidr", cidr },
    protocol: "tcp",
    port: 443,
    description: `HTTPS to the private identity provider in ${cidr}`,
});

describe("network: capability paths", () => {
    it("nothing configured, session storage, or a self-managed endpoint: no path at all", () => {
        expect(capabilityPaths([])).to.deep.equal(NONE);
        expect(
            capabilityPaths([
                runtime([{ kind: "sessionStorage", mountPath: "/mnt/workspace" }], authorizer(selfManaged)),
                runtime([], authorizer(undefined, [selfManaged])),
                runtime([]),
            ]),
        ).to.deep.equal(NONE);
    });

    it("mounts with a mount-target group go to that group, each group once; without one, to the VPC", () => {
        expect(capabilityPaths([runtime([efs(SG_A), s3Files(SG_B)]), runtime([efs(SG_A)])])).to.deep.equal({
            ...NONE,
            nfsSecurityGroupIds: [SG_A, SG_B],
        });
        expect(capabilityPaths([runtime([efs()])])).to.deep.equal({ ...NONE, nfsToVpc: true });
        expect(capabilityPaths([runtime([s3Files(SG_A), s3Files()])])).to.deep.equal({
            ...NONE,
            nfsSecurityGroupIds: [SG_A],
            nfsToVpc: true,
        });
    });

    it("a mount whose group key is present but unset goes to the VPC, never to an undefined group", () => {
        const unset = { ...efs(), mountTargetSecurityGroupId: undefined };
        expect(capabilityPaths([runtime([unset])])).to.deep.equal({ ...NONE, nfsToVpc: true });
        const empty = { ...s3Files(), mountTargetSecurityGroupId: "" };
        expect(capabilityPaths([runtime([empty])])).to.deep.equal({ ...NONE, nfsToVpc: true });
    });

    it("a managed endpoint, on the authorizer or on an override, opens the identity-provider path to its CIDRs once", () => {
        expect(capabilityPaths([runtime([], authorizer(managed(["10.0.12.0/22"])))])).to.deep.equal({
            ...NONE,
            identityProvider: true,
            identityProviderCidrs: ["10.0.12.0/22"],
        });
        expect(
            capabilityPaths([
                runtime([], authorizer(selfManaged, [managed(["10.0.16.0/24", "10.0.12.0/22"])])),
                runtime([], authorizer(managed(["10.0.12.0/22"]))),
            ]),
        ).to.deep.equal({
            ...NONE,
            identityProvider: true,
            identityProviderCidrs: ["10.0.16.0/24", "10.0.12.0/22"],
        });
    });

    it("one managed endpoint without CIDRs sends the path to the VPC too, beside another's CIDRs", () => {
        expect(
            capabilityPaths([
                runtime([], authorizer(managed(["10.0.12.0/22"]))),
                runtime([], authorizer(undefined, [managed([])])),
            ]),
        ).to.deep.equal({
            ...NONE,
            identityProvider: true,
            identityProviderCidrs: ["10.0.12.0/22"],
            identityProviderToVpc: true,
        });
        expect(capabilityPaths([runtime([], authorizer(managed([])))])).to.deep.equal({
            ...NONE,
            identityProvider: true,
            identityProviderToVpc: true,
        });
    });
});

describe("network: capability rules, as literal rule lists", () => {
    it("none without a path", () => {
        expect(capabilityRules(NONE)).to.deep.equal([]);
    });

    it("NFS 2049 egress from the runtime group: the VPC first, then each mount-target group", () => {
        expect(capabilityRules({ ...NONE, nfsToVpc: true, nfsSecurityGroupIds: [SG_A, SG_B] })).to.deep.equal([
            NFS_VPC_RULE,
            nfsGroupRule(SG_A),
            nfsGroupRule(SG_B),
        ]);
        expect(capabilityRules({ ...NONE, nfsSecurityGroupIds: [SG_B] })).to.deep.equal([nfsGroupRule(SG_B)]);
    });

    it("HTTPS egress from the identity-provider group: the VPC when asked, then each IdP CIDR", () => {
        expect(
            capabilityRules({
                ...NONE,
                identityProvider: true,
                identityProviderToVpc: true,
                identityProviderCidrs: ["10.0.12.0/22", "10.0.16.0/24"],
            }),
        ).to.deep.equal([
            IDP_VPC_RULE,
            idpCidrRule("10-0-12-0-22", "10.0.12.0/22"),
            idpCidrRule("10-0-16-0-24", "10.0.16.0/24"),
        ]);
        expect(
            capabilityRules({ ...NONE, identityProvider: true, identityProviderCidrs: ["10.0.12.0/22"] }),
        ).to.deep.equal([idpCidrRule("10-0-12-0-22", "10.0.12.0/22")]);
    });

    it("near miss: without the identity-provider group no rule is made for it, whatever else is set", () => {
        expect(
            capabilityRules({
                ...NONE,
                identityProvider: false,
                identityProviderToVpc: true,
                identityProviderCidrs: ["10.0.12.0/22"],
            }),
        ).to.deep.equal([]);
    });

    it("the whole table: base rules, then the capability rules", () => {
        const paths = capabilityPaths([runtime([efs(SG_A)], authorizer(managed(["10.0.12.0/22"])))]);
        expect(securityGroupRules({ createEndpoints: false, endpointClientCidrs: [] }, paths)).to.deep.equal([
            {
                role: "runtime-egress-vpc",
                group: "runtime",
                direction: "egress",
                peer: { kind: "vpcCidr" },
                protocol: "tcp",
                port: 443,
                description: "HTTPS to the shared VPC endpoints owned by another stack in this VPC",
            },
            {
                role: "runtime-egress-s3",
                group: "runtime",
                direction: "egress",
                peer: { kind: "s3PrefixList" },
                protocol: "tcp",
                port: 443,
                description: "HTTPS to S3 through the gateway endpoint (ECR image layers)",
            },
            nfsGroupRule(SG_A),
            idpCidrRule("10-0-12-0-22", "10.0.12.0/22"),
        ]);
    });
});

describe("network: security group quota", () => {
    const cidrs = (n: number) => Array.from({ length: n }, (_, i) => `10.${100 + Math.floor(i / 200)}.${i % 200}.0/24`);
    const withEndpoints = (endpointClientCidrs: string[]) => ({ createEndpoints: true, endpointClientCidrs });

    it("the endpoint group at AWS's 60 inbound rules (the runtimes' rule and 59 client CIDRs) passes; a 60th CIDR is refused", () => {
        expect(securityGroupQuotaProblems(withEndpoints(cidrs(59)), [], 60)).to.deep.equal([]);
        expect(securityGroupQuotaProblems(withEndpoints(cidrs(60)), [], 60)).to.deep.equal([
            {
                key: "endpointClientCidrs",
                value: "60 CIDRs",
                allowed:
                    "at most 59 distinct CIDRs: each is one inbound rule of the endpoint security group beside the runtimes' rule, and AWS allows 60 inbound rules per security group (Amazon VPC quotas); list wider ranges instead",
                example: '["10.0.8.0/21"]',
            },
        ]);
    });

    it("counts distinct CIDRs against the quota but reports the list's length as given", () => {
        const three = cidrs(3);
        expect(securityGroupQuotaProblems(withEndpoints([...three, three[0]]), [], 4)).to.deep.equal([]);
        const four = cidrs(4);
        expect(securityGroupQuotaProblems(withEndpoints([...four, four[1]]), [], 4)).to.deep.equal([
            {
                key: "endpointClientCidrs",
                value: "5 CIDRs",
                allowed:
                    "at most 3 distinct CIDRs: each is one inbound rule of the endpoint security group beside the runtimes' rule, and AWS allows 4 inbound rules per security group (Amazon VPC quotas); list wider ranges instead",
                example: '["10.0.8.0/21"]',
            },
        ]);
    });

    it("without endpoints there is no endpoint group, so client CIDRs count for nothing", () => {
        expect(
            securityGroupQuotaProblems({ createEndpoints: false, endpointClientCidrs: cidrs(5) }, [], 2),
        ).to.deep.equal([]);
    });

    it("the identity-provider group: 60 distinct idpCidrs pass, a 61st (or the VPC beside 60) is refused", () => {
        const sixty = cidrs(60);
        const idp = (lists: string[][]) => lists.map((l) => runtime([], authorizer(managed(l))));
        expect(
            securityGroupQuotaProblems(withEndpoints([]), idp([sixty.slice(0, 30), sixty.slice(20)]), 60),
        ).to.deep.equal([]);
        const over = {
            key: "runtimes[].authorizer idpCidrs",
            value: "61 egress rules",
            allowed:
                "at most 60 distinct idpCidrs (with the VPC CIDR when one managed endpoint lists none) across the runtimes: each is one outbound rule of the identity-provider security group, and AWS allows 60 per security group (Amazon VPC quotas)",
            example: '["10.0.12.0/22"]',
        };
        expect(securityGroupQuotaProblems(withEndpoints([]), idp([[...sixty, "10.200.0.0/24"]]), 60)).to.deep.equal([
            over,
        ]);
        expect(securityGroupQuotaProblems(withEndpoints([]), idp([sixty, []]), 60)).to.deep.equal([over]);
    });

    it("reports both groups when both are over, the endpoint group first", () => {
        const problems = securityGroupQuotaProblems(
            withEndpoints(cidrs(2)),
            [runtime([], authorizer(managed(cidrs(3))))],
            2,
        );
        expect(problems.map((p) => [p.key, p.value])).to.deep.equal([
            ["endpointClientCidrs", "2 CIDRs"],
            ["runtimes[].authorizer idpCidrs", "3 egress rules"],
        ]);
    });
});
