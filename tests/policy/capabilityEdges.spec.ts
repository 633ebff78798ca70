/**
 * Edges of the capability rules (policy/rules/capabilities.ts) beyond
 * tests/policy/capabilityRules.spec.ts: which protocols and ports carry NFS (TCP 2049), which
 * actions are file-system client grants, and the documents and statements not judged.
 */
import { expect } from "chai";
import { filesystemGrantsScoped, nfsEgressInVpc } from "../../policy/rules/capabilities";
import { reported } from "./reported";

const EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const NATIVE_EGRESS = "aws-native:ec2:SecurityGroupEgress";
const egress = (props: object, type = EGRESS) => reported(nfsEgressInVpc, type, props);
const nfsTo = (cidr: string, where: string) =>
    `SecurityGroupEgressRule "subject" allows NFS (TCP 2049) egress to ${cidr} in ${where}, which is not a private range: a file system's mount targets are inside the VPC, so send NFS to their security group or the VPC CIDR only.`;

describe("pack: nfs-egress-stays-in-vpc, protocols and ports", () => {
    it("fails all protocols (-1) to a public CIDR whatever the ports, with the whole message", () => {
        expect(egress({ ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" })).to.deep.equal([nfsTo("0.0.0.0/0", "the rule")]);
    });

    it("fails TCP by name in any case or by number 6, and a TCP rule without ports (every port)", () => {
        expect(egress({ ipProtocol: "TCP", fromPort: 2049, toPort: 2049, cidrIpv4: "8.8.8.0/24" })).to.have.length(1);
        expect(egress({ ipProtocol: "6", fromPort: 2049, toPort: 2049, cidrIpv4: "8.8.8.0/24" })).to.have.length(1);
        expect(egress({ ipProtocol: "tcp", cidrIpv4: "8.8.8.0/24" })).to.have.length(1);
        expect(egress({ ipProtocol: "tcp", fromPort: 2049, cidrIpv4: "8.8.8.0/24" })).to.have.length(1);
        expect(egress({ ipProtocol: "tcp", toPort: 2049, cidrIpv4: "8.8.8.0/24" })).to.have.length(1);
    });

    it("near misses: UDP (17), ICMP, ports ending at 2048 or starting at 2050, ingress, a private CIDR", () => {
        expect(egress({ ipProtocol: "17", fromPort: 2049, toPort: 2049, cidrIpv4: "8.8.8.0/24" })).to.deep.equal([]);
        expect(egress({ ipProtocol: "icmp", fromPort: -1, toPort: -1, cidrIpv4: "8.8.8.0/24" })).to.deep.equal([]);
        expect(egress({ ipProtocol: "tcp", toPort: 2048, cidrIpv4: "8.8.8.0/24" })).to.deep.equal([]);
        expect(egress({ ipProtocol: "tcp", fromPort: 2050, cidrIpv4: "8.8.8.0/24" })).to.deep.equal([]);
        expect(
            reported(nfsEgressInVpc, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", {
                ipProtocol: "tcp",
                fromPort: 2049,
                toPort: 2049,
                cidrIpv4: "0.0.0.0/0",
            }),
        ).to.deep.equal([]);
        expect(
            egress({ ipProtocol: "tcp", fromPort: 2049, toPort: 2049, cidrIp: "10.0.0.0/16" }, NATIVE_EGRESS),
        ).to.deep.equal([]);
    });
});

describe("pack: filesystem-grants-scoped, actions and documents", () => {
    const FS = "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0123456789abcdef0";
    const grant = (statement: object) =>
        reported(filesystemGrantsScoped, "aws:iam/rolePolicy:RolePolicy", {
            policy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Sid: "Mount", Effect: "Allow", ...statement }],
            }),
        });

    it("treats * as an EFS client grant and s3files:* as an S3 Files one", () => {
        expect(grant({ Action: "*", Resource: FS })).to.deep.equal([
            'RolePolicy "subject" grants NFS client access (statement "Mount") without a elasticfilesystem:AccessPointArn condition: mounts must go through the runtime\'s access point.',
        ]);
        expect(grant({ Action: "s3files:*", Resource: FS })[0]).to.include(
            "without a s3files:AccessPointArn condition",
        );
    });

    it("names NotResource and a trailing :* wildcard", () => {
        const cond = { StringEquals: { "elasticfilesystem:AccessPointArn": `${FS}/ap` } };
        expect(grant({ Action: "elasticfilesystem:ClientMount", NotResource: FS, Condition: cond })).to.deep.equal([
            'RolePolicy "subject" grants NFS client access (statement "Mount") on NotResource: name the file system\'s ARN.',
        ]);
        expect(
            grant({
                Action: "elasticfilesystem:ClientMount",
                Resource: "arn:aws:elasticfilesystem:us-east-1:123456789012:*",
                Condition: cond,
            }),
        ).to.have.length(1);
        expect(grant({ Action: "elasticfilesystem:ClientMount", Resource: `${FS}:*x`, Condition: cond })).to.deep.equal(
            [],
        );
    });

    it("near misses: a Deny, an action that only contains a client action's name, an unparseable document", () => {
        expect(grant({ Effect: "Deny", Action: "elasticfilesystem:ClientMount", Resource: "*" })).to.deep.equal([]);
        expect(grant({ Action: "xelasticfilesystem:clientmount", Resource: "*" })).to.deep.equal([]);
        expect(grant({ Action: "elasticfilesystem:DescribeFileSystems", Resource: "*" })).to.deep.equal([]);
        expect(
            reported(filesystemGrantsScoped, "aws:iam/rolePolicy:RolePolicy", { policy: "{ not json" }),
        ).to.deep.equal([]);
    });

    it("ignores a runtime whose role ARN is not known", () => {
        expect(
            reported(filesystemGrantsScoped, "aws-native:bedrockagentcore:Runtime", {
                filesystemConfigurations: [
                    {
                        efsAccessPoint: {
                            accessPointArn: "arn:aws:elasticfilesystem:us-east-1:210987654321:access-point/fsap-1",
                        },
                    },
                ],
            }),
        ).to.deep.equal([]);
    });
});
