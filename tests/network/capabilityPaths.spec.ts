/**
 * The network paths the capabilities add: NFS (TCP 2049) egress for EFS / S3 Files mounts and
 * the identity-provider group's HTTPS egress for a managed private endpoint, exactly what each
 * needs and nothing when nothing needs them.
 */
import { expect } from "chai";
import { configOf, ofType, rawStack, runFixtureStack } from "../helpers";
import { EFS_AP, NFS, PRIVATE_IDP_URL, S3_FILES_AP } from "../runtime/capabilityFacts";

const [base] = JSON.parse(rawStack("staging").values.runtimes) as Record<string, unknown>[];
const EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const SG = "aws:ec2/securityGroup:SecurityGroup";
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- nested provider inputs, read by path
type Json = Record<string, any>;

function withRuntime(patch: Record<string, unknown>) {
    return runFixtureStack("staging", { runtimes: JSON.stringify([{ ...base, ...patch }]) });
}

describe("network: NFS egress for file systems", () => {
    it("session storage alone adds no NFS rule and no grant", async () => {
        const run = await withRuntime({ filesystems: [{ kind: "sessionStorage", mountPath: "/mnt/workspace" }] });
        expect(ofType(run, EGRESS).filter((r) => r.inputs.fromPort === NFS)).to.deep.equal([]);
        expect(ofType(run, "aws:iam/rolePolicy:RolePolicy").map((r) => r.name)).to.not.include(
            "agentcore-staging-support_agent-filesystems",
        );
        const runtime = run.resources.find((r) => r.type === "aws-native:bedrockagentcore:Runtime")!;
        expect(runtime.inputs.filesystemConfigurations).to.deep.equal([
            { sessionStorage: { mountPath: "/mnt/workspace" } },
        ]);
    });

    it("EFS without a mount-target group: TCP 2049 to the VPC CIDR only; with one: to that group only", async () => {
        const run = await withRuntime({
            filesystems: [
                { kind: "efs", accessPointArn: EFS_AP, fileSystemId: "fs-0123456789abcdef0", mountPath: "/mnt/shared" },
                {
                    kind: "s3Files",
                    accessPointArn: S3_FILES_AP,
                    mountPath: "/mnt/data",
                    mountTargetSecurityGroupId: "sg-0123456789abcdef0",
                },
            ],
        });
        const nfs = ofType(run, EGRESS).filter((r) => r.inputs.fromPort === NFS || r.inputs.toPort === NFS);
        expect(
            nfs.map((r) => ({
                ipProtocol: r.inputs.ipProtocol,
                fromPort: r.inputs.fromPort,
                toPort: r.inputs.toPort,
                to: r.inputs.cidrIpv4 ?? r.inputs.referencedSecurityGroupId,
            })),
        ).to.have.deep.members([
            { ipProtocol: "tcp", fromPort: 2049, toPort: 2049, to: "10.20.0.0/16" },
            { ipProtocol: "tcp", fromPort: 2049, toPort: 2049, to: "sg-0123456789abcdef0" },
        ]);
        const runtimeSg = ofType(run, SG).find((g) => g.name.endsWith("-runtime-sg"))!;
        expect(nfs.every((r) => r.inputs.securityGroupId === runtimeSg.id)).to.equal(true);
        expect(ofType(run, INGRESS).filter((r) => r.inputs.fromPort === NFS)).to.deep.equal([]);
    });
});

describe("network: the identity-provider path", () => {
    it("a managed private endpoint gets its own group: HTTPS egress to the IdP CIDRs, no ingress", async () => {
        const run = await withRuntime({
            authorizer: {
                discoveryUrl: PRIVATE_IDP_URL,
                allowedClients: ["c"],
                privateEndpoint: { managed: { idpCidrs: ["10.20.12.0/24", "10.20.13.0/24"] } },
            },
        });
        const group = ofType(run, SG).find((g) => g.name.endsWith("-identity-provider-sg"))!;
        expect(group, "identity-provider group").to.not.equal(undefined);
        const egress = ofType(run, EGRESS).filter((r) => r.inputs.securityGroupId === group.id);
        expect(
            egress.map((r) => [r.inputs.ipProtocol, r.inputs.fromPort, r.inputs.toPort, r.inputs.cidrIpv4]),
        ).to.have.deep.members([
            ["tcp", 443, 443, "10.20.12.0/24"],
            ["tcp", 443, 443, "10.20.13.0/24"],
        ]);
        expect(ofType(run, INGRESS).filter((r) => r.inputs.securityGroupId === group.id)).to.deep.equal([]);
        const runtime = run.resources.find((r) => r.type === "aws-native:bedrockagentcore:Runtime")!;
        const managed = (runtime.inputs.authorizerConfiguration as Json).customJwtAuthorizer.privateEndpoint
            .managedVpcResource;
        const vpc = ofType(run, "aws:ec2/vpc:Vpc")[0];
        const subnets = ofType(run, "aws:ec2/subnet:Subnet").map((s) => s.id);
        expect(managed.vpcIdentifier).to.equal(vpc.id);
        expect(managed.subnetIds).to.deep.equal(subnets);
        expect(managed.securityGroupIds).to.deep.equal([group.id]);
        expect(managed.endpointIpAddressType).to.equal("IPV4");
        // The runtime's own ENIs stay behind the runtime group only.
        expect((runtime.inputs.networkConfiguration as Json).networkModeConfig.securityGroups).to.not.include(group.id);
    });

    it("a self-managed resource configuration creates no group", async () => {
        const run = await withRuntime({
            authorizer: {
                discoveryUrl: PRIVATE_IDP_URL,
                allowedClients: ["c"],
                privateEndpoint: { resourceConfiguration: "rcfg-0123456789abcdef0" },
            },
        });
        expect(ofType(run, SG).map((g) => g.name)).to.not.include("agentcore-staging-identity-provider-sg");
        const runtime = run.resources.find((r) => r.type === "aws-native:bedrockagentcore:Runtime")!;
        expect((runtime.inputs.authorizerConfiguration as Json).customJwtAuthorizer.privateEndpoint).to.deep.equal({
            selfManagedLatticeResource: { resourceConfigurationIdentifier: "rcfg-0123456789abcdef0" },
        });
    });

    it("no capability, no change: the stack file plans the groups and rules it always had", () => {
        expect(configOf("staging").runtimes[0].filesystems).to.deep.equal([]);
    });
});
