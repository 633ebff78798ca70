import { expect } from "chai";
import { INSTANCE_CATALOGUE, chooseInstanceTypes, fits, lookupInstanceType } from "../../src/compute/catalogue";
import { capacityProviderName, operatorRoleTrustPolicy } from "../../src/compute/documents";
import { executionRoleTrustProblems } from "../../policy/rules/executionRoleTrust";
import { runtimeNetworkProblems } from "../../policy/rules/runtimeVpcMode";
import { capacityProviderProblems } from "../../policy/rules/capacityProvider";
import { Problems } from "../../src/config/problems";
import { parseKeys } from "../../src/config/parse";
import { readCompute } from "../../src/compute/config";
import { costInputsFromResources, estimateCost } from "../../src/plan/cost";
import { configOf, configProblems, one, ofType, rawStack, runStackOnce } from "../helpers";

const INSTANCES = { computeType: "instances" };

describe("Instances compute type", () => {
    describe("the instance catalogue (AWS's published EC2 specifications)", () => {
        // Literals from https://docs.aws.amazon.com/ec2/latest/instancetypes/ (vCPU, GiB).
        const published: Record<string, [string, number, number]> = {
            "c7g.medium": ["arm64", 1, 2],
            "m7g.medium": ["arm64", 1, 4],
            "r7g.medium": ["arm64", 1, 8],
            "c7g.large": ["arm64", 2, 4],
            "m7g.large": ["arm64", 2, 8],
            "r7g.large": ["arm64", 2, 16],
            "c7g.xlarge": ["arm64", 4, 8],
            "m7g.xlarge": ["arm64", 4, 16],
            "c7i.large": ["x86_64", 2, 4],
            "m7i.large": ["x86_64", 2, 8],
            "r7i.large": ["x86_64", 2, 16],
            "c7i.xlarge": ["x86_64", 4, 8],
            "m7i.xlarge": ["x86_64", 4, 16],
        };
        it("lists exactly the published types with their vCPUs and memory", () => {
            expect(INSTANCE_CATALOGUE.map((t) => t.name).sort()).to.deep.equal(Object.keys(published).sort());
            for (const [name, [architecture, vcpus, gib]] of Object.entries(published)) {
                expect(lookupInstanceType(name), name).to.deep.equal({
                    name,
                    architecture,
                    vcpus,
                    memoryMiB: gib * 1024,
                });
            }
        });
        it("fits a type exactly at the size and not one unit above", () => {
            const c7gMedium = lookupInstanceType("c7g.medium")!;
            expect(fits(c7gMedium, { cpu: 1024, memory: 2048 })).to.equal(true);
            expect(fits(c7gMedium, { cpu: 1025, memory: 2048 })).to.equal(false);
            expect(fits(c7gMedium, { cpu: 1024, memory: 2049 })).to.equal(false);
        });
    });

    describe("the choice for the three environments' sizes", () => {
        it("development 0.5 vCPU / 1 GiB: the smallest arm64 types with at least that", () => {
            expect(chooseInstanceTypes({ cpu: 512, memory: 1024 }, "arm64")).to.deep.equal([
                "c7g.medium",
                "m7g.medium",
                "r7g.medium",
            ]);
        });
        it("staging 1 vCPU / 2 GiB", () => {
            expect(chooseInstanceTypes({ cpu: 1024, memory: 2048 }, "arm64")).to.deep.equal([
                "c7g.medium",
                "m7g.medium",
                "r7g.medium",
            ]);
        });
        it("production 2 vCPU / 4 GiB: no 1-vCPU type, smallest first", () => {
            expect(chooseInstanceTypes({ cpu: 2048, memory: 4096 }, "arm64")).to.deep.equal([
                "c7g.large",
                "m7g.large",
                "r7g.large",
            ]);
        });
        it("1 vCPU / 2.5 GiB skips c7g.medium (2 GiB)", () => {
            expect(chooseInstanceTypes({ cpu: 1024, memory: 2560 }, "arm64")[0]).to.equal("m7g.medium");
        });
        it("x86_64 chooses only x86_64 types", () => {
            expect(chooseInstanceTypes({ cpu: 2048, memory: 4096 }, "x86_64")).to.deep.equal([
                "c7i.large",
                "m7i.large",
                "r7i.large",
            ]);
        });
        it("orders by vCPUs, then memory, then name, whatever the catalogue's order", () => {
            // A catalogue made for the rule, listed largest first: a 1-vCPU type with the most
            // memory still comes first, two types of one size come in name order.
            const t = (name: string, architecture: "arm64" | "x86_64", vcpus: number, gib: number) => ({
                name,
                architecture,
                vcpus,
                memoryMiB: gib * 1024,
            });
            const catalogue = [
                t("m.4x16", "arm64", 4, 16),
                t("c.4x8", "arm64", 4, 8),
                t("x.2x8", "arm64", 2, 8),
                t("b.2x8", "arm64", 2, 8),
                t("c.2x4", "arm64", 2, 4),
                t("r.1x32", "arm64", 1, 32),
                t("i.1x2", "x86_64", 1, 2),
            ];
            expect(chooseInstanceTypes({ cpu: 1024, memory: 2048 }, "arm64", 10, catalogue)).to.deep.equal([
                "r.1x32",
                "c.2x4",
                "b.2x8",
                "x.2x8",
                "c.4x8",
                "m.4x16",
            ]);
            expect(chooseInstanceTypes({ cpu: 1024, memory: 2048 }, "arm64", 2, catalogue)).to.deep.equal([
                "r.1x32",
                "c.2x4",
            ]);
        });
        it("every chosen type has at least the size (for each size and architecture)", () => {
            for (const size of [
                { cpu: 512, memory: 1024 },
                { cpu: 1024, memory: 2048 },
                { cpu: 2048, memory: 4096 },
            ]) {
                for (const arch of ["arm64", "x86_64"] as const) {
                    const chosen = chooseInstanceTypes(size, arch);
                    expect(chosen.length).to.be.within(1, 30);
                    for (const name of chosen) {
                        const t = lookupInstanceType(name)!;
                        expect(t.vcpus * 1024).to.be.at.least(size.cpu);
                        expect(t.memoryMiB).to.be.at.least(size.memory);
                    }
                }
            }
        });
    });

    describe("config", () => {
        it("microvm is the default and the shipped sizes stay budgets", () => {
            expect(configOf("staging").compute).to.deep.equal({ type: "microvm" });
        });
        it("instances chooses from cpu/memory with the provider's lifecycle defaults", () => {
            expect(configOf("production", INSTANCES).compute).to.deep.equal({
                type: "instances",
                architecture: "arm64",
                instanceTypes: ["c7g.large", "m7g.large", "r7g.large"],
                explicit: false,
                idleTimeoutSeconds: 900,
                maxLifetimeSeconds: 28800,
                volumes: [],
            });
        });
        it("an explicit list overrides the choice", () => {
            const compute = configOf("production", { ...INSTANCES, instanceTypes: ["m7g.large"] }).compute;
            expect(compute).to.include({ explicit: true });
            expect(compute.type === "instances" && compute.instanceTypes).to.deep.equal(["m7g.large"]);
        });
        it("refuses an unknown type, naming the key and an example", () => {
            const problems = configProblems(rawStack("staging", { ...INSTANCES, instanceTypes: ["c7g.huge"] }));
            expect(problems.join("\n")).to.match(/instanceTypes\[0\].*c7g\.huge.*catalogue/s);
        });
        it("refuses an undersized type (production 2 vCPU / 4 GiB on c7g.medium) but accepts c7g.large", () => {
            const bad = configProblems(rawStack("production", { ...INSTANCES, instanceTypes: ["c7g.medium"] }));
            expect(bad.join("\n")).to.match(/instanceTypes\[0\].*at least the environment's size, 2 vCPU and 4 GiB/s);
            expect(
                configProblems(rawStack("production", { ...INSTANCES, instanceTypes: ["c7g.large"] })),
            ).to.deep.equal([]);
        });
        it("refuses a type of the other architecture", () => {
            const problems = configProblems(rawStack("staging", { ...INSTANCES, instanceTypes: ["c7i.large"] }));
            expect(problems.join("\n")).to.match(/instanceTypes\[0\].*arm64 instance type/s);
        });
        it("refuses x86_64 when a runtime runs code or a built image (linux/arm64)", () => {
            const problems = configProblems(rawStack("development", { ...INSTANCES, instanceArchitecture: "x86_64" }));
            expect(problems.join("\n")).to.match(/instanceArchitecture.*linux\/arm64/s);
        });
        it("refuses the classic provider with Instances", () => {
            const problems = configProblems(rawStack("staging", { ...INSTANCES, runtimeProvider: "aws" }));
            expect(problems.join("\n")).to.match(/runtimeProvider.*classic provider has no capacity provider/s);
            expect(configProblems(rawStack("staging", { runtimeProvider: "aws" })).join("\n")).to.not.match(
                /capacity provider/,
            );
        });
        it("refuses a Region without Instances (checked beside the AgentCore Region check)", () => {
            const keys = (p: Problems) =>
                parseKeys(
                    {
                        project: "p",
                        values: {
                            computeType: "instances",
                            cpu: "1024",
                            memory: "2048",
                            logRetentionDays: "30",
                            protect: "false",
                        },
                    },
                    p,
                    {},
                );
            const p = new Problems();
            readCompute(keys(p), p, { region: "eu-west-3", runtimeProvider: "aws-native", runtimes: [] });
            expect(p.all.join("\n")).to.match(/aws:region.*eu-west-3.*Instances/s);
            const q = new Problems();
            readCompute(keys(q), q, {
                region: "ap-northeast-1",
                runtimeProvider: "aws-native",
                runtimes: [],
            });
            expect(q.all).to.deep.equal([]);
        });
        it("bounds the provider's lifecycle at 60 and 1,209,600 seconds, both sides", () => {
            const ok = (v: number) =>
                configProblems(
                    rawStack("staging", {
                        ...INSTANCES,
                        instanceIdleTimeoutSeconds: 60,
                        instanceMaxLifetimeSeconds: v,
                    }),
                ).filter((p) => p.includes("instanceMaxLifetimeSeconds"));
            expect(ok(1209600)).to.deep.equal([]);
            expect(ok(1209601)).to.have.length(1);
            expect(ok(59).length).to.be.greaterThan(0);
        });
        it("keeps each runtime's maxLifetime at most the provider's", () => {
            // The staging fixture's runtime maxLifetimeSeconds; a provider below it is refused.
            const runtimeMax = configOf("staging").runtimes[0].maxLifetimeSeconds;
            const at = configProblems(rawStack("staging", { ...INSTANCES, instanceMaxLifetimeSeconds: runtimeMax }));
            const below = configProblems(
                rawStack("staging", { ...INSTANCES, instanceMaxLifetimeSeconds: runtimeMax - 1 }),
            );
            expect(at).to.deep.equal([]);
            expect(below.join("\n")).to.match(/runtimes\[0\]\.maxLifetimeSeconds.*at most the capacity provider's/s);
        });
        it("refuses instanceTypes on a microVM stack and a misspelled computeType", () => {
            expect(configProblems(rawStack("staging", { instanceTypes: ["c7g.large"] })).join("\n")).to.match(
                /instanceTypes.*only with computeType instances/s,
            );
            expect(configProblems(rawStack("staging", { computeType: "instance" })).join("\n")).to.match(
                /computeType.*one of microvm, instances/s,
            );
        });
    });

    describe("the stack on Instances", () => {
        it("has an operator role, its managed policy, a capacity provider in the agent subnets and a runtime without networkConfiguration", async () => {
            const run = await runStackOnce("staging", INSTANCES);
            const provider = one(run, "aws-native:bedrockagentcore:CapacityProvider");
            const ec2 = (
                provider.inputs.computeConfiguration as {
                    ec2Configuration: {
                        launchTemplateSource: { launchParameters: unknown };
                        vpcConfiguration: { subnets: string[]; securityGroups: string[] };
                    };
                }
            ).ec2Configuration;
            expect(provider.inputs.name).to.equal("agents_staging");
            expect(ec2.launchTemplateSource.launchParameters).to.deep.equal({
                operatingSystem: "LINUX_ARM64",
                instanceRequirements: { allowedInstanceTypes: ["c7g.medium", "m7g.medium", "r7g.medium"] },
            });
            const subnets = ofType(run, "aws:ec2/subnet:Subnet").map((s) => s.id);
            expect(ec2.vpcConfiguration.subnets).to.have.members(subnets);
            expect(ec2.vpcConfiguration.securityGroups).to.have.length(1);
            const runtime = one(run, "aws-native:bedrockagentcore:Runtime");
            expect(runtime.inputs.networkConfiguration).to.equal(undefined);
            expect(runtime.inputs.capacityProviderConfiguration).to.deep.equal({
                capacityProviderArn: provider.state.arn,
            });
            // Ordering: policy attachment → provider → runtime.
            const attachment = one(run, "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "operator-policy");
            expect(attachment.inputs.policyArn).to.equal(
                "arn:aws:iam::aws:policy/BedrockAgentCoreRuntimeInstancesOperatorRolePolicy",
            );
            expect(provider.dependencies).to.include(attachment.urn);
            expect(runtime.dependencies).to.include(provider.urn);
            const role = one(run, "aws:iam/role:Role", "operator-role");
            expect(JSON.parse(String(role.inputs.assumeRolePolicy)).Statement[0].Condition).to.deep.equal({
                StringEquals: { "aws:SourceAccount": "123456789012" },
            });
        });
        it("a microVM stack has no capacity provider and keeps its networkConfiguration", async () => {
            const run = await runStackOnce("staging");
            expect(ofType(run, "aws-native:bedrockagentcore:CapacityProvider")).to.have.length(0);
            expect(one(run, "aws-native:bedrockagentcore:Runtime").inputs.networkConfiguration).to.not.equal(undefined);
        });
    });

    describe("names and the pack", () => {
        it("names the provider without hyphens, at most 48 characters", () => {
            expect(capacityProviderName("my-stack")).to.equal("agents_my_stack");
            expect(capacityProviderName("x".repeat(60))).to.have.length(48);
        });
        it("accepts a runtime on a capacity provider without networkConfiguration, refuses both or neither", () => {
            const arn = "arn:aws:bedrock-agentcore:us-east-1:123456789012:capacity-provider/agents_staging-abc";
            expect(
                runtimeNetworkProblems({ capacityProviderConfiguration: { capacityProviderArn: arn } }),
            ).to.deep.equal([]);
            expect(
                runtimeNetworkProblems({
                    capacityProviderConfiguration: { capacityProviderArn: arn },
                    networkConfiguration: { networkMode: "VPC" },
                }),
            ).to.have.length(1);
            expect(runtimeNetworkProblems({})).to.have.length(1);
        });
        it("accepts the operator role's trust with aws:SourceAccount, refuses it without", () => {
            const good = operatorRoleTrustPolicy("123456789012");
            expect(
                executionRoleTrustProblems("aws:iam/role:Role", { assumeRolePolicy: JSON.stringify(good) }),
            ).to.deep.equal([]);
            const bad = { ...good, Statement: [{ ...good.Statement[0], Condition: undefined }] };
            expect(
                executionRoleTrustProblems("aws:iam/role:Role", { assumeRolePolicy: JSON.stringify(bad) }).join("\n"),
            ).to.match(/aws:SourceAccount/);
        });
        it("an execution role cannot escape the SourceArn rule by a second operator-named statement only if all statements are", () => {
            const good = operatorRoleTrustPolicy("123456789012");
            const mixed = { ...good, Statement: [...good.Statement, { ...good.Statement[0], Sid: "Other" }] };
            expect(
                executionRoleTrustProblems("aws:iam/role:Role", { assumeRolePolicy: JSON.stringify(mixed) }).join("\n"),
            ).to.match(/aws:SourceArn/);
        });
    });
});

describe("pack rule agentcore-capacity-provider-private", () => {
    const ec2 = (over: Record<string, unknown>) => ({
        computeConfiguration: {
            ec2Configuration: {
                vpcConfiguration: { subnets: ["subnet-1"], securityGroups: ["sg-1"] },
                rootVolume: { encrypted: true },
                ...over,
            },
        },
    });
    it("passes a provider in a subnet with a security group and encrypted volumes", () => {
        expect(
            capacityProviderProblems(
                ec2({ volumes: [{ ebsConfiguration: { name: "data", sizeGiB: 10, encrypted: true } }] }),
            ),
        ).to.deep.equal([]);
    });
    it("catches no subnet, no security group, an unencrypted root volume and volume", () => {
        expect(
            capacityProviderProblems(ec2({ vpcConfiguration: { subnets: [], securityGroups: ["sg-1"] } })),
        ).to.have.length(1);
        expect(
            capacityProviderProblems(ec2({ vpcConfiguration: { subnets: ["subnet-1"], securityGroups: [] } })),
        ).to.have.length(1);
        expect(capacityProviderProblems(ec2({ rootVolume: { encrypted: false } })).join()).to.match(
            /unencrypted root volume/,
        );
        expect(
            capacityProviderProblems(
                ec2({ volumes: [{ ebsConfiguration: { name: "data", sizeGiB: 10, encrypted: false } }] }),
            ).join(),
        ).to.match(/unencrypted volume volumes\[0\] \(data\)/);
    });
});

describe("the cost of an Instances session", () => {
    it("notes instance-hours, the 12 % management fee (7.8 % G-series) and EBS, only on Instances", async () => {
        const onInstances = estimateCost(
            costInputsFromResources((await runStackOnce("staging", INSTANCES)).resources, "us-east-1"),
        );
        const note = onInstances.notes.find((n) => n.startsWith("Instances:")) ?? "";
        expect(note).to.match(/c7g\.medium, m7g\.medium, r7g\.medium/);
        expect(note).to.match(/12 % management fee \(7\.8 % for G-series\)/);
        expect(note).to.match(/EBS/);
        const onMicroVms = estimateCost(
            costInputsFromResources((await runStackOnce("staging")).resources, "us-east-1"),
        );
        expect(onMicroVms.notes.some((n) => n.startsWith("Instances:"))).to.equal(false);
    });
});
