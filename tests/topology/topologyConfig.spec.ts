/**
 * The topology keys and the network stack's output contract: every refusal with its exact
 * message, a near miss beside each rule, and the whole program registering nothing beyond the
 * StackReference when the network stack's outputs are wrong.
 */
import { expect } from "chai";
import * as path from "path";
import { validateConfig } from "../../src/config";
import { checkNetworkOutputs } from "../../src/topology/networkContract";
import { runStack } from "../../src/plan/offline/runProgram";
import { NETWORK_OUTPUTS as GOOD } from "./networkOutputs";
import { configProblems, FIXTURE_SOURCE_ROOT, FIXTURES_ROOT, rawStack, runFixtureStack } from "../helpers";

const ROOT = path.join(FIXTURES_ROOT, "topology");
/** The staging fixture as an agent stack: its network keys removed (an agent stack creates no network). */
const agent = {
    stackKind: "agent",
    networkStack: "acme/agentcore-private/network",
    availabilityZoneIds: undefined,
    endpointServices: undefined,
    endpointClientCidrs: undefined,
};

describe("topology: stackKind, networkStack, sessionInsights", () => {
    it("defaults to all-in-one with session insights on, as before", () => {
        const config = validateConfig(rawStack("staging"));
        expect(config.kind).to.equal("all-in-one");
        expect(config.sessionInsights).to.equal(true);
        expect(config.networkStack).to.equal(undefined);
    });

    it("refuses an unknown kind", () => {
        expect(configProblems(rawStack("staging", { stackKind: "shared" }))).to.deep.equal([
            `stackKind "shared" is invalid: one of all-in-one, network, agent (e.g. "agent")`,
        ]);
    });

    it("an agent stack must name its network stack, fully qualified", () => {
        expect(configProblems(rawStack("staging", { ...agent, networkStack: undefined }))).to.deep.equal([
            `networkStack is missing: the network stack this agent stack deploys into, as <organization>/<project>/<stack> (e.g. "acme/agentcore-private/network")`,
        ]);
        expect(configProblems(rawStack("staging", { ...agent, networkStack: "network" }))).to.deep.equal([
            `networkStack "network" is invalid: a fully qualified stack name <organization>/<project>/<stack> (Pulumi StackReference) (e.g. "acme/agentcore-private/network")`,
        ]);
        // Near miss: the qualified name passes, and session insights default to off.
        const config = validateConfig(rawStack("staging", agent));
        expect(config.kind).to.equal("agent");
        expect(config.sessionInsights).to.equal(false);
        expect(validateConfig(rawStack("staging", { ...agent, sessionInsights: "true" })).sessionInsights).to.equal(
            true,
        );
    });

    it("an agent stack refuses network keys and Transaction Search", () => {
        expect(
            configProblems(rawStack("staging", { ...agent, endpointServices: ["sts"], transactionSearch: "true" })),
        ).to.deep.equal([
            `endpointServices ["sts"] is invalid: unset in an agent stack: it creates no VPC, subnet, security group or endpoint; set endpointServices in the network stack (acme/agentcore-private/network) (e.g. remove the key)`,
            `transactionSearch true is invalid: false in an agent stack: Transaction Search is one setting per account and region, owned by the network stack (e.g. false)`,
        ]);
    });

    it("without networkStack, a network key's refusal says where it belongs in general terms", () => {
        expect(
            configProblems(rawStack("staging", { ...agent, networkStack: undefined, endpointServices: ["sts"] })),
        ).to.deep.equal([
            `networkStack is missing: the network stack this agent stack deploys into, as <organization>/<project>/<stack> (e.g. "acme/agentcore-private/network")`,
            `endpointServices ["sts"] is invalid: unset in an agent stack: it creates no VPC, subnet, security group or endpoint; set endpointServices in the network stack (networkStack) (e.g. remove the key)`,
        ]);
    });

    it("a network stack refuses runtimes and networkStack; networkStack needs stackKind agent", () => {
        const problems = configProblems(rawStack("staging", { stackKind: "network", sessionInsights: "false" }));
        expect(problems).to.have.length(2);
        expect(problems[0]).to.equal(
            `sessionInsights "false" is invalid: unset in a network stack: it has no runtimes (e.g. remove the key)`,
        );
        expect(problems[1]).to.match(
            /^runtimes \[\{"name":"support_agent".* is invalid: unset in a network stack: runtimes belong to agent stacks \(stackKind: agent, networkStack: <this stack>\) \(e\.g\. remove runtimes\)$/,
        );
        expect(configProblems(rawStack("staging", { networkStack: "acme/agentcore-private/network" }))).to.deep.equal([
            `networkStack "acme/agentcore-private/network" is invalid: unset unless stackKind is agent (this stack is all-in-one) (e.g. stackKind: agent, or remove networkStack)`,
        ]);
        // A malformed networkStack in a stack that must not set it: both problems name the value as written.
        const malformed = configProblems(rawStack("staging", { networkStack: "network" }));
        expect(malformed).to.have.length(2);
        expect(malformed[0]).to.match(/^networkStack "network" is invalid: /);
        expect(malformed[1]).to.equal(
            `networkStack "network" is invalid: unset unless stackKind is agent (this stack is all-in-one) (e.g. stackKind: agent, or remove networkStack)`,
        );
        // Set as a Pulumi secret, it is never echoed, in the rule between keys either.
        const hidden = configProblems({
            ...rawStack("staging", { networkStack: "network" }),
            secretKeys: ["networkStack"],
        });
        expect(hidden[1]).to.equal(
            `networkStack "[secret]" is invalid: unset unless stackKind is agent (this stack is all-in-one) (e.g. stackKind: agent, or remove networkStack)`,
        );
        expect(hidden.join("\n")).to.not.contain('"network"');
        // Near miss: without runtimes a network stack validates, and may own Transaction Search outside production.
        const config = validateConfig(
            rawStack("staging", { stackKind: "network", runtimes: undefined, transactionSearch: "true" }),
        );
        expect(config.runtimes).to.deep.equal([]);
        expect(config.transactionSearch).to.equal(true);
    });
});

describe("topology: the network stack's output contract (checkNetworkOutputs)", () => {
    it("accepts the documented outputs", () => {
        const checked = checkNetworkOutputs("acme/p/network", GOOD, "us-east-1");
        expect(checked.problems).to.deep.equal([]);
        expect(checked.facts?.agentSubnetIds).to.deep.equal(["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]);
    });

    it("reports a missing output, a wrong shape and another region, all at once", () => {
        const { vpcId: _vpcId, ...withoutVpc } = GOOD;
        void _vpcId;
        const checked = checkNetworkOutputs(
            "acme/p/network",
            {
                ...withoutVpc,
                region: "eu-west-1",
                agentSubnetIds: ["subnet-0a1b2c3d4e5f60718"],
                vpcEndpointIds: { s3: "vpce-0f1e2d3c4b5a69788" },
            },
            "us-east-1",
        );
        expect(checked.facts).to.equal(undefined);
        expect(checked.problems).to.deep.equal([
            `networkStack acme/p/network output region "eu-west-1" is invalid: the agent stack's own region us-east-1 (runtimes use the network stack's subnets and endpoints, which are regional) (e.g. "us-east-1")`,
            `networkStack acme/p/network output vpcId is missing: a VPC ID (e.g. "vpc-0a1b2c3d4e5f60718"); is acme/p/network a network stack (stackKind: network), deployed with this program's version?`,
            `networkStack acme/p/network output agentSubnetIds ["subnet-0a1b2c3d4e5f60718"] is invalid: a list of at least 2 subnet IDs (e.g. ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"])`,
            `networkStack acme/p/network output vpcEndpointIds {"s3":"vpce-0f1e2d3c4b5a69788"} is invalid: a map of service suffix to VPC endpoint ID that includes bedrock-agentcore (the inbound fence names it) (e.g. { "bedrock-agentcore": "vpce-0a1b2c3d4e5f60718" })`,
        ]);
    });

    it("refuses an all-in-one stack named as the network stack", () => {
        const { stackKind: _kind, ...allInOne } = GOOD;
        void _kind;
        expect(checkNetworkOutputs("acme/p/production", allInOne, "us-east-1").problems).to.deep.equal([
            `networkStack acme/p/production output stackKind is missing: "network": networkStack must name a network stack (e.g. "network"); is acme/p/production a network stack (stackKind: network), deployed with this program's version?`,
        ]);
    });
});

describe("topology: an agent stack whose network stack is wrong registers nothing but the reference", function () {
    this.timeout(60000);
    it("fails with the contract's problems", async () => {
        const run = await runStack("agents-images", {}, ROOT, FIXTURE_SOURCE_ROOT, {
            "acme/agentcore-private/network": { ...GOOD, vpcId: "vpc-nope" },
        });
        expect(run.error?.message).to.contain(
            `networkStack acme/agentcore-private/network output vpcId "vpc-nope" is invalid: a VPC ID (e.g. "vpc-0a1b2c3d4e5f60718")`,
        );
        expect(run.error?.message).to.contain("nothing was created");
        expect(run.resources.map((r) => r.type)).to.deep.equal(["pulumi:pulumi:Stack", "pulumi:pulumi:StackReference"]);
    });

    it("near miss: the same outputs with a real VPC ID plan the runtimes", async () => {
        const run = await runStack("agents-images", {}, ROOT, FIXTURE_SOURCE_ROOT, {
            "acme/agentcore-private/network": GOOD,
        });
        expect(run.error).to.equal(undefined);
        expect(run.resources.filter((r) => r.type === "aws-native:bedrockagentcore:Runtime")).to.have.length(2);
    });
});

describe("topology: sessionInsights in an all-in-one stack", function () {
    this.timeout(60000);
    const RULE = "aws:cloudwatch/contributorInsightRule:ContributorInsightRule";

    it("sessionInsights false leaves out the usage rules and the per-session alarms", async () => {
        const run = await runFixtureStack("staging", { sessionInsights: "false" });
        expect(run.error).to.equal(undefined);
        expect(run.resources.filter((r) => r.type === RULE)).to.deep.equal([]);
        const alarms = run.resources.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm");
        expect(alarms.map((a) => a.name).filter((n) => /PerSession|UsageLogsSilent/.test(n))).to.deep.equal([]);
    });

    it("near miss: by default the staging runtime has its 4 usage rules", async () => {
        const run = await runFixtureStack("staging", {});
        expect(run.resources.filter((r) => r.type === RULE)).to.have.length(4);
    });
});
