/**
 * Teardown: which resources go in the first pass (from the resources the real program
 * records under the mocks), the backoff schedule, the messages, and the two-pass run
 * against fake effects (lingering ENIs, other failures, protection, dry run).
 */
import { expect } from "chai";
import { parseTeardownArgs } from "../../scripts/teardown";
import {
    backoffSchedule,
    EXIT_CODES,
    isLingeringEniError,
    planTeardown,
    renderLeftover,
    runTeardown,
    StateResource,
    TeardownOps,
} from "../../src/release/teardown";
import { runStackOnce } from "../helpers";

const nameOf = (urn: string) => urn.split("::").pop();

describe("teardown: target selection from the recorded development stack", () => {
    it("keeps the subnets, security groups, the VPC, their component and the stack for the second pass", async () => {
        const run = await runStackOnce("development");
        const plan = planTeardown("development", run.resources);
        expect(plan.secondPass.map((r) => nameOf(r.urn)).sort()).to.deep.equal([
            "agentcore-development",
            "agentcore-development-agent-use1-az1",
            "agentcore-development-agent-use1-az2",
            "agentcore-development-endpoint-sg",
            "agentcore-development-runtime-sg",
            "agentcore-development-vpc",
        ]);
        expect(plan.secondPass.map((r) => r.type)).to.include("agentcore:network:AgentNetwork");
        expect(plan.eniHolders).to.have.length(4);
    });

    it("destroys the runtime, the endpoints, the rules and everything else first, but never the stack itself", async () => {
        const run = await runStackOnce("development");
        const plan = planTeardown("development", run.resources);
        const first = plan.firstPass.map(nameOf);
        for (const name of [
            "agentcore-development-support_agent-runtime",
            "agentcore-development-vpce-bedrock-agentcore",
            "agentcore-development-vpce-s3",
            "agentcore-development-runtime-egress-endpoints",
            "agentcore-development-endpoint-ingress-runtime",
            "agentcore-development-agent-use1-az1-routes",
            "agentcore-development-flow-log",
            "agentcore-development-key",
            "agentcore-development-execution-role",
        ]) {
            expect(first, name).to.include(name);
        }
        expect(plan.firstPass.filter((urn) => urn.endsWith("::agentcore-private-development"))).to.deep.equal([]);
        expect(plan.firstPass.length + plan.secondPass.length + 1).to.equal(run.resources.length);
    });

    it("is a valid target set: no resource left for the second pass needs one destroyed in the first", async () => {
        for (const stack of ["development", "staging", "production"]) {
            const run = await runStackOnce(stack);
            const plan = planTeardown(stack, run.resources);
            const first = new Set(plan.firstPass);
            for (const kept of run.resources.filter((r) => !first.has(r.urn))) {
                const needed = [...kept.dependencies, ...(kept.parent ? [kept.parent] : [])];
                expect(
                    needed.filter((u) => first.has(u)),
                    `${stack}: ${kept.name}`,
                ).to.deep.equal([]);
            }
        }
    });

    it("keeps a provider and what the holders' property dependencies name, and drops the provider from the targets", () => {
        const stack = "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev";
        const provider = "urn:pulumi:dev::p::pulumi:providers:aws::default_7_0_0";
        const resources: StateResource[] = [
            { urn: stack, type: "pulumi:pulumi:Stack" },
            { urn: provider, type: "pulumi:providers:aws", id: "04da6b54" },
            {
                urn: "urn:pulumi:dev::p::aws:ec2/vpc:Vpc::v",
                type: "aws:ec2/vpc:Vpc",
                parent: stack,
                provider: `${provider}::04da6b54`,
            },
            {
                urn: "urn:pulumi:dev::p::aws:ec2/vpcIpv4CidrBlockAssociation:VpcIpv4CidrBlockAssociation::c",
                type: "aws:ec2/vpcIpv4CidrBlockAssociation:VpcIpv4CidrBlockAssociation",
                parent: stack,
            },
            {
                urn: "urn:pulumi:dev::p::aws:ec2/subnet:Subnet::s",
                type: "aws:ec2/subnet:Subnet",
                parent: stack,
                propertyDependencies: {
                    vpcId: ["urn:pulumi:dev::p::aws:ec2/vpc:Vpc::v"],
                    cidrBlock: [
                        "urn:pulumi:dev::p::aws:ec2/vpcIpv4CidrBlockAssociation:VpcIpv4CidrBlockAssociation::c",
                    ],
                },
                provider: `${provider}::04da6b54`,
            },
            {
                urn: "urn:pulumi:dev::p::aws:ec2/routeTable:RouteTable::r",
                type: "aws:ec2/routeTable:RouteTable",
                parent: stack,
                dependencies: ["urn:pulumi:dev::p::aws:ec2/vpc:Vpc::v"],
            },
        ];
        const plan = planTeardown("dev", resources);
        expect(plan.firstPass.map(nameOf)).to.deep.equal(["r"]);
        expect(plan.secondPass.map((r) => nameOf(r.urn))).to.deep.equal(["v", "c", "s"]);
    });

    it("lists protected and retained resources of production", async () => {
        const plan = planTeardown("production", (await runStackOnce("production")).resources);
        expect(plan.protectedResources.map((r) => nameOf(r.urn)).sort()).to.deep.equal([
            "agentcore-production-flow-logs",
            "agentcore-production-key",
            "agentcore-production-key-alias",
            "agentcore-production-support_agent-application-logs",
            "agentcore-production-support_agent-endpoint-live",
            "agentcore-production-support_agent-runtime",
            "agentcore-production-support_agent-usage-logs",
            "agentcore-production-transaction-search-segment-destination",
            "agentcore-production-transaction-search-spans-policy",
        ]);
        expect(plan.retained.map((r) => nameOf(r.urn)).sort()).to.deep.equal([
            "agentcore-production-flow-logs",
            "agentcore-production-key",
            "agentcore-production-support_agent-application-logs",
            "agentcore-production-support_agent-usage-logs",
            "agentcore-production-transaction-search-segment-destination",
            "agentcore-production-transaction-search-spans-policy",
        ]);
    });
});

describe("teardown: backoff schedule", () => {
    it("doubles from 1 minute, caps at 15 minutes, and adds up to exactly the limit", () => {
        expect(backoffSchedule(60)).to.deep.equal([60, 120, 240, 480, 900, 900, 900]);
        expect(backoffSchedule(10)).to.deep.equal([60, 120, 240, 180]);
        expect(backoffSchedule(480).reduce((a, b) => a + b, 0)).to.equal(28800);
        // 60 + 120 + 240 + 480 = 900 s, then (28800 - 900) / 900 = 31 waits of 15 minutes.
        expect(backoffSchedule(480).filter((w) => w === 900)).to.have.length(31);
    });

    it("bounds: 0 minutes is no retry, 1 minute one wait of 60 s, 2 minutes 60 + 60", () => {
        expect(backoffSchedule(0)).to.deep.equal([]);
        expect(backoffSchedule(1)).to.deep.equal([60]);
        expect(backoffSchedule(2)).to.deep.equal([60, 60]);
        expect(backoffSchedule(3)).to.deep.equal([60, 120]);
    });

    it("takes other parameters", () => {
        expect(backoffSchedule(5, { initialSeconds: 30, factor: 3, maxDelaySeconds: 120 })).to.deep.equal([
            30, 90, 120, 60,
        ]);
    });
});

describe("teardown: error classification and arguments", () => {
    it("recognises the EC2 errors of a subnet or security group with network interfaces, and nothing else", () => {
        expect(
            isLingeringEniError(
                "deleting EC2 Subnet (subnet-0abc): operation error EC2: DeleteSubnet, api error DependencyViolation: The subnet 'subnet-0abc' has dependencies and cannot be deleted.",
            ),
        ).to.equal(true);
        expect(isLingeringEniError("api error DependencyViolation: resource sg-0abc has a dependent object")).to.equal(
            true,
        );
        expect(
            isLingeringEniError("api error UnauthorizedOperation: You are not authorized to perform: ec2:DeleteSubnet"),
        ).to.equal(false);
        expect(isLingeringEniError("deleting EC2 VPC (vpc-1): api error InvalidVpcID.NotFound")).to.equal(false);
    });

    it("parses --max-wait-minutes and --dry-run; rejects bad values", () => {
        expect(parseTeardownArgs(["development"])).to.deep.equal({
            stack: "development",
            maxWaitMinutes: 60,
            dryRun: false,
        });
        expect(parseTeardownArgs(["acme/staging", "--max-wait-minutes", "480", "--dry-run"])).to.deep.equal({
            stack: "acme/staging",
            maxWaitMinutes: 480,
            dryRun: true,
        });
        expect(parseTeardownArgs(["d", "--max-wait-minutes", "0"]).maxWaitMinutes).to.equal(0);
        expect(parseTeardownArgs(["d", "--max-wait-minutes", "1440"]).maxWaitMinutes).to.equal(1440);
        expect(() => parseTeardownArgs(["d", "--max-wait-minutes", "1441"])).to.throw(
            '--max-wait-minutes "1441" is invalid',
        );
        expect(() => parseTeardownArgs(["d", "--max-wait-minutes", "-1"])).to.throw("is invalid");
        expect(() => parseTeardownArgs(["d", "--max-wait-minutes", "1.5"])).to.throw("is invalid");
        expect(() => parseTeardownArgs([])).to.throw("expected one stack, got 0");
        expect(() => parseTeardownArgs(["a", "b"])).to.throw("expected one stack, got 2");
        expect(() => parseTeardownArgs(["a", "--force"])).to.throw("unknown option --force");
    });

    it("exit codes: 0 done or planned, 1 refused or failed, 3 left for a later run", () => {
        expect(EXIT_CODES).to.deep.equal({
            destroyed: 0,
            planned: 0,
            "nothing-to-do": 0,
            protected: 1,
            failed: 1,
            "left-for-later": 3,
        });
    });
});

const SUBNET: StateResource = {
    urn: "urn:pulumi:development::agentcore-private::aws:ec2/subnet:Subnet::agent-a",
    type: "aws:ec2/subnet:Subnet",
    id: "subnet-0aaa",
};
const SG: StateResource = {
    urn: "urn:pulumi:development::agentcore-private::aws:ec2/securityGroup:SecurityGroup::runtime-sg",
    type: "aws:ec2/securityGroup:SecurityGroup",
    id: "sg-0bbb",
};
const RUNTIME: StateResource = {
    urn: "urn:pulumi:development::agentcore-private::aws-native:bedrockagentcore:Runtime::rt",
    type: "aws-native:bedrockagentcore:Runtime",
    id: "rt-1",
    dependencies: [SUBNET.urn, SG.urn],
};
const ENI_ERROR =
    "deleting EC2 Subnet (subnet-0aaa): api error DependencyViolation: The subnet 'subnet-0aaa' has dependencies and cannot be deleted.";

/** Fake effects: `failures` are the errors of successive destroy calls (undefined = success). */
function fake(
    resources: StateResource[],
    failures: (string | undefined)[],
): {
    ops: TeardownOps;
    calls: (readonly string[] | undefined)[];
    sleeps: number[];
    log: () => string;
} {
    const calls: (readonly string[] | undefined)[] = [];
    const sleeps: number[] = [];
    const log: string[] = [];
    const ops: TeardownOps = {
        resources: async () => resources,
        destroy: async (target) => {
            calls.push(target);
            const failure = failures.shift();
            if (failure) {
                throw new Error(failure);
            }
        },
        sleep: async (s) => void sleeps.push(s),
        log: (l) => log.push(l),
    };
    return { ops, calls, sleeps, log: () => log.join("\n") };
}

describe("teardown: the two passes", () => {
    it("destroys the runtime first, then the rest, retrying with backoff while ENIs linger", async () => {
        const f = fake([SUBNET, SG, RUNTIME], [undefined, ENI_ERROR, ENI_ERROR, undefined]);
        expect(await runTeardown("development", f.ops, { maxWaitMinutes: 60, dryRun: false })).to.equal("destroyed");
        expect(f.calls).to.deep.equal([[RUNTIME.urn], undefined, undefined, undefined]);
        expect(f.sleeps).to.deep.equal([60, 120]);
        expect(f.log()).to.contain("Network interfaces still in use (attempt 1); retrying in 1 min.");
        expect(f.log()).to.contain("Stack development is destroyed.");
    });

    it("past the limit, says exactly what remains, why, and how to finish (exit 3)", async () => {
        const f = fake([SUBNET, SG, RUNTIME], [undefined, ENI_ERROR, ENI_ERROR, ENI_ERROR]);
        const outcome = await runTeardown("development", f.ops, { maxWaitMinutes: 3, dryRun: false });
        expect(outcome).to.equal("left-for-later");
        expect(EXIT_CODES[outcome]).to.equal(3);
        expect(f.sleeps).to.deep.equal([60, 120]);
        const text = f.log();
        expect(text).to.contain("Stack development is not fully destroyed after 3 min of retries. Still in the stack:");
        expect(text).to.contain("  - aws:ec2/subnet:Subnet agent-a (subnet-0aaa)");
        expect(text).to.contain("  - aws:ec2/securityGroup:SecurityGroup runtime-sg (sg-0bbb)");
        expect(text).to.contain("AgentCore keeps a deleted runtime's network interfaces for up to 8 hours");
        expect(text).to.contain(`Last error: ${ENI_ERROR}`);
        expect(text).to.contain("aws ec2 describe-network-interfaces --filters Name=subnet-id,Values=subnet-0aaa");
        expect(text).to.contain("Name=group-id,Values=sg-0bbb");
        expect(text).to.contain("Finish later (nothing else needs doing first): npm run teardown -- development");
    });

    it("--max-wait-minutes 0 tries the second pass once", async () => {
        const f = fake([SUBNET, RUNTIME], [undefined, ENI_ERROR]);
        expect(await runTeardown("development", f.ops, { maxWaitMinutes: 0, dryRun: false })).to.equal(
            "left-for-later",
        );
        expect(f.calls).to.have.length(2);
        expect(f.sleeps).to.deep.equal([]);
    });

    it("does not retry another failure", async () => {
        const f = fake(
            [SUBNET, RUNTIME],
            [undefined, "api error UnauthorizedOperation: not authorized to perform ec2:DeleteSubnet"],
        );
        expect(await runTeardown("development", f.ops, { maxWaitMinutes: 60, dryRun: false })).to.equal("failed");
        expect(f.sleeps).to.deep.equal([]);
        expect(f.log()).to.contain("for a reason other than lingering network interfaces; not retrying");
    });

    it("stops when the first pass fails, before touching the subnets", async () => {
        const f = fake([SUBNET, RUNTIME], ["deleting runtime: AccessDeniedException"]);
        expect(await runTeardown("development", f.ops, { maxWaitMinutes: 60, dryRun: false })).to.equal("failed");
        expect(f.calls).to.deep.equal([[RUNTIME.urn]]);
    });

    it("refuses a stack with protected resources and destroys nothing; production names the policy override", async () => {
        const f = fake([SUBNET, { ...RUNTIME, protect: true }], []);
        expect(await runTeardown("production", f.ops, { maxWaitMinutes: 60, dryRun: false })).to.equal("protected");
        expect(f.calls).to.deep.equal([]);
        expect(f.log()).to.contain(
            "Stack production has 1 protected resource; nothing was destroyed:\n  - aws-native:bedrockagentcore:Runtime rt (rt-1)",
        );
        expect(f.log()).to.contain("1. set agentcore-private:protect: false in Pulumi.production.yaml");
        expect(f.log()).to.contain("--policy-pack-config production-unprotected.json");
        const dev = fake([{ ...SUBNET, protect: true }], []);
        await runTeardown("development", dev.ops, { maxWaitMinutes: 60, dryRun: false });
        expect(dev.log()).to.contain("2. pulumi up --stack development --policy-pack policy\n");
    });

    it("chooses production's advice by the stack's environment, not its name", async () => {
        const prodEu = fake([{ ...RUNTIME, protect: true }], []);
        prodEu.ops = { ...prodEu.ops, environment: async () => "production" };
        expect(await runTeardown("prod-eu", prodEu.ops, { maxWaitMinutes: 60, dryRun: false })).to.equal("protected");
        expect(prodEu.log()).to.contain(
            "2. pulumi up --stack prod-eu --policy-pack policy --policy-pack-config production-unprotected.json",
        );
        // Near miss: a stack named production whose environment is staging gets the plain advice.
        const named = fake([{ ...RUNTIME, protect: true }], []);
        named.ops = { ...named.ops, environment: async () => "staging" };
        await runTeardown("production", named.ops, { maxWaitMinutes: 60, dryRun: false });
        expect(named.log()).to.contain("2. pulumi up --stack production --policy-pack policy\n");
        expect(named.log()).not.to.contain("production-unprotected.json");
        // An empty environment means the stack name, as in config.
        const empty = fake([{ ...RUNTIME, protect: true }], []);
        empty.ops = { ...empty.ops, environment: async () => "" };
        await runTeardown("production", empty.ops, { maxWaitMinutes: 60, dryRun: false });
        expect(empty.log()).to.contain("production-unprotected.json");
    });

    it("--dry-run prints both passes and the schedule and destroys nothing", async () => {
        const f = fake([SUBNET, SG, RUNTIME], []);
        expect(await runTeardown("development", f.ops, { maxWaitMinutes: 10, dryRun: true })).to.equal("planned");
        expect(f.calls).to.deep.equal([]);
        expect(f.log()).to.equal(
            [
                "Teardown of stack development:",
                "  1. destroy 1 resource first (everything but the subnets, security groups and what they need)",
                "  2. destroy the remaining 2:",
                "       - aws:ec2/subnet:Subnet agent-a (subnet-0aaa)",
                "       - aws:ec2/securityGroup:SecurityGroup runtime-sg (sg-0bbb)",
                "     retrying while AgentCore still holds network interfaces in them, after 1 min, 2 min, 4 min, 3 min (at most 10 min)",
                "--dry-run: nothing was destroyed.",
            ].join("\n"),
        );
    });

    it("an empty stack has nothing to do", async () => {
        const f = fake([{ urn: "urn:pulumi:d::p::pulumi:pulumi:Stack::p-d", type: "pulumi:pulumi:Stack" }], []);
        expect(await runTeardown("d", f.ops, { maxWaitMinutes: 60, dryRun: false })).to.equal("nothing-to-do");
        expect(f.calls).to.deep.equal([]);
    });

    it("leftover message without IDs still names the resources", () => {
        expect(
            renderLeftover(
                "x",
                [{ urn: "urn:pulumi:x::p::aws:ec2/subnet:Subnet::s", type: "aws:ec2/subnet:Subnet" }],
                90,
                "DependencyViolation",
            ),
        ).to.contain("after 90 s of retries");
    });
});
