/**
 * Instances beside the other capabilities: an Instances runtime takes no session storage, EFS or
 * S3 Files mount (AWS accepts only capacity-provider volumes there), and an agent stack on
 * Instances puts its capacity provider in the network stack's agent subnets and runtime
 * security group, with the runtime wired to it and no network configuration of its own.
 */
import { expect } from "chai";
import { agentStackOnInstances } from "./agentStackOnInstances";
import * as path from "path";
import { runStack } from "../../src/plan/offline/runProgram";
import { NETWORK_OUTPUTS as NETWORK } from "../topology/networkOutputs";
import { configProblems, FIXTURE_SOURCE_ROOT, FIXTURES_ROOT, rawStack } from "../helpers";

const CAPACITY_PROVIDER = "aws-native:bedrockagentcore:CapacityProvider";
const RUNTIME = "aws-native:bedrockagentcore:Runtime";

describe("Instances: file systems", () => {
    const runtimes = (filesystems: unknown[]) =>
        JSON.stringify([
            {
                name: "support_agent",
                code: { path: "agents/support-agent/dist", runtime: "NODE_22", entryPoint: ["main.js"] },
                ...(filesystems.length ? { filesystems } : {}),
            },
        ]);

    it("refuses session storage on Instances, naming the entry", () => {
        const problems = configProblems(
            rawStack("staging", {
                computeType: "instances",
                runtimes: runtimes([{ kind: "sessionStorage", mountPath: "/mnt/workspace" }]),
            }),
        );
        expect(problems).to.deep.equal([
            `runtimes[0].filesystems[0].kind "sessionStorage" is invalid: no file system with computeType instances: AWS takes only capacity-provider volumes there; list them in instanceVolumes (every runtime mounts them), or use computeType microvm for session storage, EFS or S3 Files (e.g. instanceVolumes: [{ name: workspace, sizeGiB: 20 }])`,
        ]);
    });

    it("near misses: the same mount on microVMs, and Instances without mounts, are accepted", () => {
        expect(
            configProblems(
                rawStack("staging", {
                    computeType: "microvm",
                    runtimes: runtimes([{ kind: "sessionStorage", mountPath: "/mnt/workspace" }]),
                }),
            ),
        ).to.deep.equal([]);
        expect(configProblems(rawStack("staging", { computeType: "instances", runtimes: runtimes([]) }))).to.deep.equal(
            [],
        );
    });
});

describe("Instances and the network stack", () => {
    it("a network stack refuses computeType instances; near miss: microvm is accepted", () => {
        const network = (computeType: string) =>
            configProblems(
                rawStack("staging", {
                    stackKind: "network",
                    computeType,
                    runtimes: undefined,
                    alarmEmails: undefined,
                    transactionSearch: undefined,
                }),
            );
        expect(network("instances")).to.deep.equal([
            `computeType "instances" is invalid: unset in a network stack: the compute type is the agent stacks' choice (their capacity providers use this stack's subnets and runtime security group) (e.g. set computeType: instances in the agent stack)`,
        ]);
        expect(network("microvm")).to.deep.equal([]);
    });
});

describe("Instances in an agent stack", function () {
    this.timeout(60000);

    it("places the provider in the network stack's subnets and security group; the runtime has no network of its own", async () => {
        const run = await agentStackOnInstances();
        expect(run.error).to.equal(undefined);
        const providers = run.resources.filter((r) => r.type === CAPACITY_PROVIDER);
        expect(providers).to.have.length(1);
        const vpc = (
            providers[0].inputs.computeConfiguration as {
                ec2Configuration: { vpcConfiguration: { subnets: string[]; securityGroups: string[] } };
            }
        ).ec2Configuration.vpcConfiguration;
        expect(vpc.subnets).to.deep.equal(["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]);
        expect(vpc.securityGroups).to.deep.equal(["sg-0a1b2c3d4e5f60718"]);
        const runtime = run.resources.find((r) => r.type === RUNTIME);
        expect(runtime?.inputs.networkConfiguration).to.equal(undefined);
        expect(runtime?.inputs.capacityProviderConfiguration).to.have.property("capacityProviderArn");
        expect(run.resources.filter((r) => r.type.startsWith("aws:ec2/"))).to.deep.equal([]);
        expect((run.outputs?.compute as { type: string } | undefined)?.type).to.equal("instances");
    });

    it("near miss: the same agent stack on microVMs has no capacity provider", async () => {
        const run = await runStack("agents-code", {}, path.join(FIXTURES_ROOT, "topology"), FIXTURE_SOURCE_ROOT, {
            "acme/agentcore-private/network": NETWORK,
        });
        expect(run.error).to.equal(undefined);
        expect(run.resources.filter((r) => r.type === CAPACITY_PROVIDER)).to.deep.equal([]);
        expect((run.outputs?.compute as { type: string } | undefined)?.type).to.equal("microvm");
    });
});
