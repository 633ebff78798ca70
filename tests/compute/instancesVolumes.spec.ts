/**
 * Persistent volumes on Instances (`instanceVolumes`). Facts, as literals: the capacity
 * provider takes up to 5 EBS volumes of 1 to 65,536 GiB (aws-native 1.79
 * CapacityProviderEbsVolumeConfigurationArgs: name, sizeGiB, volumeType, encrypted, kmsKeyId);
 * a runtime mounts one with `filesystemConfigurations[].capacityProviderVolume { volumeName,
 * mountPath }` (API reference CapacityProviderVolumeConfiguration: volumeName
 * `[a-zA-Z][a-zA-Z0-9_-]{0,47}`, mountPath `/mnt/<one directory>`, 6–200 characters). The stack
 * key encrypts them and its policy admits the operator role for EBS only.
 */
import { expect } from "chai";
import { simulate } from "../iamSimulation";
import { limitBreaches } from "../../src/aws/limitsCheck";
import { configOf, configProblems, one, ofType, rawStack, runStackOnce } from "../helpers";

const INSTANCES = { computeType: "instances" };
const WORKSPACE = [{ name: "workspace", sizeGiB: 20 }];
const problems = (volumes: unknown, overrides: Record<string, unknown> = INSTANCES) =>
    configProblems(rawStack("staging", { ...overrides, instanceVolumes: volumes }));
const volumesOf = (volumes: unknown) => {
    const compute = configOf("staging", { ...INSTANCES, instanceVolumes: volumes }).compute;
    return compute.type === "instances" ? compute.volumes : undefined;
};

describe("Instances: persistent volumes, config", () => {
    it("takes a volume and mounts it at /mnt/<name> by default, or at its mountPath", () => {
        expect(volumesOf(WORKSPACE)).to.deep.equal([{ name: "workspace", sizeGiB: 20, mountPath: "/mnt/workspace" }]);
        expect(volumesOf([{ name: "cache-1_x", sizeGiB: 1, mountPath: "/mnt/cache/" }])).to.deep.equal([
            { name: "cache-1_x", sizeGiB: 1, mountPath: "/mnt/cache" },
        ]);
    });

    it("bounds sizeGiB at 1 and 65,536, both sides", () => {
        expect(problems([{ name: "a", sizeGiB: 1 }])).to.deep.equal([]);
        expect(problems([{ name: "a", sizeGiB: 65536 }])).to.deep.equal([]);
        expect(problems([{ name: "a", sizeGiB: 0 }])).to.deep.equal([
            `instanceVolumes[0].sizeGiB 0 is invalid: whole GiB from 1 to 65536 (e.g. 20)`,
        ]);
        expect(problems([{ name: "a", sizeGiB: 65537 }])).to.deep.equal([
            `instanceVolumes[0].sizeGiB 65537 is invalid: whole GiB from 1 to 65536 (e.g. 20)`,
        ]);
    });

    it("takes at most 5 volumes", () => {
        const five = [1, 2, 3, 4, 5].map((n) => ({ name: `v${n}`, sizeGiB: 1 }));
        expect(problems(five)).to.deep.equal([]);
        const six = [...five, { name: "v6", sizeGiB: 1 }];
        expect(problems(six)).to.have.length(1);
        expect(problems(six)[0]).to.match(
            /^instanceVolumes .* is invalid: at most 5 volumes \(the capacity provider's limit\) \(e\.g\. \[\{ name: workspace, sizeGiB: 20 \}\]\)$/,
        );
    });

    it("refuses a name AWS refuses, a nested mount path, a repeated name or mount path", () => {
        expect(problems([{ name: "1data", sizeGiB: 1 }])).to.deep.equal([
            `instanceVolumes[0].name "1data" is invalid: a letter, then up to 47 letters, digits, _ or - (e.g. "workspace")`,
        ]);
        expect(problems([{ name: "a".repeat(48), sizeGiB: 1 }])).to.deep.equal([]);
        expect(problems([{ name: "a".repeat(49), sizeGiB: 1 }])).to.have.length(1);
        expect(problems([{ name: "data", sizeGiB: 1, mountPath: "/mnt/a/b" }])).to.deep.equal([
            `instanceVolumes[0].mountPath "/mnt/a/b" is invalid: /mnt/<one directory> of 6 to 200 characters (letters, digits, . _ -) (e.g. "/mnt/workspace")`,
        ]);
        expect(
            problems([
                { name: "data", sizeGiB: 1 },
                { name: "data", sizeGiB: 2 },
            ]),
        ).to.deep.equal([`instanceVolumes[1].name "data" is invalid: a name not already used (e.g. "data_2")`]);
        expect(
            problems([
                { name: "data", sizeGiB: 1 },
                { name: "more", sizeGiB: 2, mountPath: "/mnt/data" },
            ]),
        ).to.deep.equal([
            `instanceVolumes[1].mountPath "/mnt/data" is invalid: a mount path no other volume uses (e.g. "/mnt/more")`,
        ]);
    });

    it("refuses volumes on microVMs, with the way to mount there instead", () => {
        expect(problems(WORKSPACE, {})).to.deep.equal([
            `instanceVolumes [{"name":"workspace","sizeGiB":20}] is invalid: only with computeType instances (persistent volumes belong to a capacity provider; a microVM runtime mounts sessionStorage, EFS or S3 Files through runtimes[i].filesystems) (e.g. computeType: instances)`,
        ]);
    });
});

describe("Instances: persistent volumes, the stack", function () {
    this.timeout(60_000);
    const run = () => runStackOnce("staging", { ...INSTANCES, instanceVolumes: JSON.stringify(WORKSPACE) });

    it("the provider has the volume, gp3 and encrypted with the stack key; the runtime mounts it", async () => {
        const r = await run();
        expect(r.error).to.equal(undefined);
        const key = one(r, "aws:kms/key:Key");
        const provider = one(r, "aws-native:bedrockagentcore:CapacityProvider");
        const ec2 = (provider.inputs.computeConfiguration as { ec2Configuration: Record<string, unknown> })
            .ec2Configuration;
        expect(ec2.volumes).to.deep.equal([
            {
                ebsConfiguration: {
                    name: "workspace",
                    sizeGiB: 20,
                    volumeType: "gp3",
                    encrypted: true,
                    kmsKeyId: key.state.arn,
                },
            },
        ]);
        expect(one(r, "aws-native:bedrockagentcore:Runtime").inputs.filesystemConfigurations).to.deep.equal([
            { capacityProviderVolume: { volumeName: "workspace", mountPath: "/mnt/workspace" } },
        ]);
        expect(String(key.inputs.description)).to.match(/, Instances persistent EBS volumes$/);
    });

    it("the key policy admits the operator role for EBS only, through EC2 in the region, for this account", async () => {
        const r = await run();
        const role = one(r, "aws:iam/role:Role", "operator-role");
        const policy = JSON.parse(String(one(r, "aws:kms/key:Key").inputs.policy));
        const ebs = policy.Statement.filter((s: { Sid: string }) => s.Sid.startsWith("AllowInstancesOperator"));
        const viaEbs = { "kms:ViaService": "ec2.us-east-1.amazonaws.com", "kms:CallerAccount": "123456789012" };
        expect(ebs).to.deep.equal([
            {
                Sid: "AllowInstancesOperatorEbsUse",
                Effect: "Allow",
                Principal: { AWS: role.state.arn },
                Action: ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"],
                Resource: "*",
                Condition: { StringEquals: viaEbs },
            },
            {
                Sid: "AllowInstancesOperatorEbsGrants",
                Effect: "Allow",
                Principal: { AWS: role.state.arn },
                Action: ["kms:CreateGrant"],
                Resource: "*",
                Condition: { StringEquals: viaEbs, Bool: { "kms:GrantIsForAWSResource": "true" } },
            },
        ]);

        // Evaluated: the role decrypts through EC2 only; another role, or another service, not.
        const keyArn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        const ask = (principal: string, context: Record<string, string>) =>
            simulate({
                principal,
                action: "kms:Decrypt",
                resource: keyArn,
                resourceAccount: "123456789012",
                resourcePolicy: { Version: "2012-10-17", Statement: ebs },
                context,
            });
        const operator = String(role.state.arn);
        const viaEc2 = { "kms:ViaService": "ec2.us-east-1.amazonaws.com", "kms:CallerAccount": "123456789012" };
        expect(await ask(operator, viaEc2)).to.equal("Allowed");
        expect(await ask(operator, { "kms:CallerAccount": "123456789012" })).to.equal("ImplicitlyDenied");
        expect(
            await ask(operator, {
                "kms:ViaService": "s3.us-east-1.amazonaws.com",
                "kms:CallerAccount": "123456789012",
            }),
        ).to.equal("ImplicitlyDenied");
        expect(await ask("arn:aws:iam::123456789012:role/someone-else", viaEc2)).to.equal("ImplicitlyDenied");
    });

    it("the operator role is AgentSecurity's, made before the key, aliased to its old place under AgentCapacity", async () => {
        const r = await run();
        const role = one(r, "aws:iam/role:Role", "operator-role");
        const security = one(r, "agentcore:security:AgentSecurity");
        expect(role.parent).to.equal(security.urn);
        expect(one(r, "aws:kms/key:Key").dependencies).to.include(role.urn);
        expect(role.aliases).to.deep.equal([
            { parentUrn: "urn:pulumi:staging::agentcore-private::agentcore:compute:AgentCapacity::agentcore-staging" },
        ]);
        // The attachment stays with the provider, which waits on it.
        const attachment = one(r, "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "operator-policy");
        expect(attachment.parent).to.equal(one(r, "agentcore:compute:AgentCapacity").urn);
        expect(one(r, "aws-native:bedrockagentcore:CapacityProvider").dependencies).to.include(attachment.urn);
    });

    it("near misses: Instances without volumes has no EBS statement; a microVM stack no operator role", async () => {
        const bare = await runStackOnce("staging", INSTANCES);
        const statements = JSON.parse(String(one(bare, "aws:kms/key:Key").inputs.policy)).Statement.map(
            (s: { Sid: string }) => s.Sid,
        );
        expect(statements.filter((sid: string) => sid.startsWith("AllowInstancesOperator"))).to.deep.equal([]);
        expect(
            (
                one(bare, "aws-native:bedrockagentcore:CapacityProvider").inputs.computeConfiguration as {
                    ec2Configuration: Record<string, unknown>;
                }
            ).ec2Configuration.volumes,
        ).to.equal(undefined);
        const microvm = await runStackOnce("staging");
        expect(ofType(microvm, "aws:iam/role:Role").map((x) => x.name)).to.not.include(
            "agentcore-staging-operator-role",
        );
    });
});

describe("Instances: persistent volumes inside AWS's limits (src/aws/limitsCheck.ts)", function () {
    this.timeout(60_000);
    const FIVE = [1, 2, 3, 4, 5].map((n) => ({ name: `v${n}`, sizeGiB: n === 5 ? 65536 : 1 }));

    it("five volumes at the size bounds render inside the limits", async () => {
        const r = await runStackOnce("staging", { ...INSTANCES, instanceVolumes: JSON.stringify(FIVE) });
        expect(r.error).to.equal(undefined);
        expect(limitBreaches(r.resources).filter((b) => b.includes("CapacityProvider"))).to.deep.equal([]);
    });

    it("catches a sixth volume, a size outside 1-65,536 GiB and a name AWS refuses", async () => {
        const r = await runStackOnce("staging", { ...INSTANCES, instanceVolumes: JSON.stringify(FIVE) });
        const broken = r.resources.map((res) => {
            if (res.type !== "aws-native:bedrockagentcore:CapacityProvider") return res;
            const compute = res.inputs.computeConfiguration as { ec2Configuration: Record<string, unknown> };
            const volumes = compute.ec2Configuration.volumes as { ebsConfiguration: Record<string, unknown> }[];
            const six = [
                { ebsConfiguration: { ...volumes[0].ebsConfiguration, sizeGiB: 0 } },
                ...volumes.slice(1),
                { ebsConfiguration: { ...volumes[0].ebsConfiguration, name: "6th", sizeGiB: 65537 } },
            ];
            return {
                ...res,
                inputs: {
                    ...res.inputs,
                    computeConfiguration: { ec2Configuration: { ...compute.ec2Configuration, volumes: six } },
                },
            };
        });
        const where = "aws-native:bedrockagentcore:CapacityProvider agentcore-staging-capacity-provider";
        expect(limitBreaches(broken).filter((b) => b.includes("CapacityProvider"))).to.deep.equal([
            `${where}: 6 volumes, at most 5`,
            `${where}: volumes[0] sizeGiB 0, from 1 to 65536`,
            `${where}: volumes[5] sizeGiB 65537, from 1 to 65536`,
            `${where}: volumes[5] name "6th" breaks ^[a-zA-Z][a-zA-Z0-9_-]{0,47}$`,
        ]);
    });
});
