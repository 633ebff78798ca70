/**
 * Teardown, beyond tests/release/teardown.spec.ts: what the two passes keep when a provider
 * itself needs a resource, which environment decides production's advice, every line teardown
 * prints (the plan, the refusal for protected resources, the leftover report with the command
 * that shows the interfaces, the end of a run), and the Automation API effects.
 */
import { expect } from "chai";
import type { Stack } from "@pulumi/pulumi/automation";
import { automationTeardownOps } from "../../src/release/automationOps";
import {
    planTeardown,
    renderLeftover,
    renderProtected,
    renderTeardownPlan,
    runTeardown,
    StateResource,
    TeardownOps,
} from "../../src/release/teardown";

const U = "urn:pulumi:dev::agentcore-private::";
const STACK: StateResource = { urn: `${U}pulumi:pulumi:Stack::agentcore-private-dev`, type: "pulumi:pulumi:Stack" };
const PROVIDER: StateResource = {
    urn: `${U}pulumi:providers:aws::deploy`,
    type: "pulumi:providers:aws",
    id: "0f1e",
    parent: STACK.urn,
};
const SUBNET: StateResource = {
    urn: `${U}aws:ec2/subnet:Subnet::agent-a`,
    type: "aws:ec2/subnet:Subnet",
    id: "subnet-0aaa",
    parent: STACK.urn,
};
const SUBNET_B: StateResource = {
    urn: `${U}aws:ec2/subnet:Subnet::agent-b`,
    type: "aws:ec2/subnet:Subnet",
    id: "subnet-0bbb",
};
const SG: StateResource = {
    urn: `${U}aws:ec2/securityGroup:SecurityGroup::runtime-sg`,
    type: "aws:ec2/securityGroup:SecurityGroup",
    id: "sg-0ccc",
};
const RUNTIME: StateResource = {
    urn: `${U}aws-native:bedrockagentcore:Runtime::rt`,
    type: "aws-native:bedrockagentcore:Runtime",
    id: "rt-1",
    dependencies: [SUBNET.urn, SG.urn],
};
const ROLE: StateResource = { urn: `${U}aws:iam/role:Role::deploy-role`, type: "aws:iam/role:Role", id: "deploy-role" };
const LOGS: StateResource = {
    urn: `${U}aws:cloudwatch/logGroup:LogGroup::app-logs`,
    type: "aws:cloudwatch/logGroup:LogGroup",
    id: "/aws/app",
    retainOnDelete: true,
};
const ENI_ERROR =
    "deleting EC2 Subnet (subnet-0aaa): api error DependencyViolation: The subnet 'subnet-0aaa' has dependencies and cannot be deleted.";

function fake(
    resources: StateResource[],
    failures: (string | undefined)[],
    environment?: string,
): { ops: TeardownOps; calls: (readonly string[] | undefined)[]; lines: string[] } {
    const calls: (readonly string[] | undefined)[] = [];
    const lines: string[] = [];
    return {
        calls,
        lines,
        ops: {
            resources: async () => resources,
            destroy: async (target) => {
                calls.push(target);
                const failure = failures.shift();
                if (failure) {
                    throw new Error(failure);
                }
            },
            sleep: async () => undefined,
            log: (l) => lines.push(l),
            ...(environment === undefined ? {} : { environment: async () => environment }),
        },
    };
}

const names = (rs: readonly StateResource[]) => rs.map((r) => r.urn.split("::").pop());

describe("teardown: what the second pass keeps", () => {
    it("keeps what the holders' provider needs (its role), found through `<provider urn>::<id>`", () => {
        const provider = { ...PROVIDER, dependencies: [ROLE.urn] };
        const subnet = { ...SUBNET, provider: `${PROVIDER.urn}::0f1e` };
        const plan = planTeardown("dev", [STACK, provider, ROLE, subnet, RUNTIME]);
        expect(plan.firstPass).to.deep.equal([RUNTIME.urn]);
        expect(names(plan.secondPass)).to.deep.equal(["deploy-role", "agent-a"]);
    });

    it("near miss: a provider only first-pass resources use is no target, and its role goes first", () => {
        const provider = { ...PROVIDER, dependencies: [ROLE.urn] };
        const runtime = { ...RUNTIME, provider: `${PROVIDER.urn}::0f1e` };
        const plan = planTeardown("dev", [STACK, provider, ROLE, SUBNET, SG, runtime]);
        expect(plan.firstPass).to.deep.equal([ROLE.urn, RUNTIME.urn]);
        expect(names(plan.secondPass)).to.deep.equal(["agent-a", "runtime-sg"]);
    });

    it("a need the state does not list (already gone) is skipped", () => {
        const subnet = { ...SUBNET, dependencies: [`${U}aws:ec2/vpc:Vpc::gone`] };
        const plan = planTeardown("dev", [STACK, subnet, RUNTIME]);
        expect(plan.firstPass).to.deep.equal([RUNTIME.urn]);
        expect(names(plan.secondPass)).to.deep.equal(["agent-a"]);
    });
});

describe("teardown: the environment that decides production's advice", () => {
    const advice = async (stack: string, environment: string) => {
        const f = fake([{ ...RUNTIME, protect: true }], [], environment);
        expect(await runTeardown(stack, f.ops, { maxWaitMinutes: 60, dryRun: false })).to.equal("protected");
        return f.lines.join("\n").includes("production-unprotected.json");
    };

    it("a configured environment with spaces around it is that environment", async () => {
        expect(await advice("prod-eu", " production ")).to.equal(true);
        expect(await advice("production", " staging ")).to.equal(false);
    });

    it("an environment of spaces only means the stack's name", async () => {
        expect(await advice("production", "   ")).to.equal(true);
        expect(await advice("prod-eu", "   ")).to.equal(false);
    });
});

describe("teardown: the plan it prints", () => {
    it("an agent stack: nothing holds network interfaces, so no wait", () => {
        const plan = planTeardown("agents", [STACK, { ...RUNTIME, dependencies: [] }, { ...ROLE, parent: STACK.urn }]);
        expect(renderTeardownPlan(plan, 60)).to.equal(
            [
                "Teardown of stack agents:",
                "  1. destroy 2 resources first (everything but the subnets, security groups and what they need)",
                "  2. destroy the remaining 0",
                "     nothing holds AgentCore's network interfaces (no subnet or security group: an agent stack), so no wait",
            ].join("\n"),
        );
    });

    it("--max-wait-minutes 0: one attempt; a resource without an ID is named by its type and name; retained resources listed", () => {
        const plan = planTeardown("dev", [STACK, SUBNET, { ...SG, id: undefined }, RUNTIME, LOGS]);
        expect(renderTeardownPlan(plan, 0)).to.equal(
            [
                "Teardown of stack dev:",
                "  1. destroy 2 resources first (everything but the subnets, security groups and what they need)",
                "  2. destroy the remaining 2:",
                "       - aws:ec2/subnet:Subnet agent-a (subnet-0aaa)",
                "       - aws:ec2/securityGroup:SecurityGroup runtime-sg",
                "     one attempt, no retries (--max-wait-minutes 0)",
                "  Retained (stay in the account after destroy, by retainOnDelete): aws:cloudwatch/logGroup:LogGroup app-logs (/aws/app)",
            ].join("\n"),
        );
    });

    it("a schedule in seconds where a wait is not whole minutes", () => {
        const plan = planTeardown("dev", [SUBNET, RUNTIME]);
        expect(renderTeardownPlan(plan, 1.5)).to.contain("after 1 min, 30 s (at most 1.5 min)");
    });
});

describe("teardown: the refusal for protected resources", () => {
    it("counts and names them, then the three steps (plain advice outside production)", () => {
        const plan = planTeardown("dev", [STACK, { ...SUBNET, protect: true }, { ...RUNTIME, protect: true }]);
        expect(renderProtected(plan)).to.equal(
            [
                "Stack dev has 2 protected resources; nothing was destroyed:",
                "  - aws:ec2/subnet:Subnet agent-a (subnet-0aaa)",
                "  - aws-native:bedrockagentcore:Runtime rt (rt-1)",
                "Unprotect them through the program, not around it:",
                "  1. set agentcore-private:protect: false in Pulumi.dev.yaml",
                "  2. pulumi up --stack dev --policy-pack policy",
                "  3. npm run teardown -- dev",
            ].join("\n"),
        );
    });
});

describe("teardown: the leftover report", () => {
    it("lists what remains but the stack and its providers, the last lingering-ENI line, and one describe command per kind", () => {
        const text = renderLeftover(
            "dev",
            [
                STACK,
                PROVIDER,
                SUBNET,
                SUBNET_B,
                SG,
                { ...SUBNET, urn: `${U}aws:ec2/subnet:Subnet::agent-c`, id: undefined },
            ],
            300,
            `error: update failed\n    ${ENI_ERROR}  \n  more detail`,
        );
        expect(text).to.equal(
            [
                "Stack dev is not fully destroyed after 5 min of retries. Still in the stack:",
                "  - aws:ec2/subnet:Subnet agent-a (subnet-0aaa)",
                "  - aws:ec2/subnet:Subnet agent-b (subnet-0bbb)",
                "  - aws:ec2/securityGroup:SecurityGroup runtime-sg (sg-0ccc)",
                "  - aws:ec2/subnet:Subnet agent-c",
                "Why: AgentCore keeps a deleted runtime's network interfaces for up to 8 hours, and EC2 refuses to delete a subnet or security group that still has one.",
                `Last error: ${ENI_ERROR}`,
                'See the interfaces: aws ec2 describe-network-interfaces --filters Name=subnet-id,Values=subnet-0aaa,subnet-0bbb --query "NetworkInterfaces[].[NetworkInterfaceId,Description,Status]" ; ' +
                    'aws ec2 describe-network-interfaces --filters Name=group-id,Values=sg-0ccc --query "NetworkInterfaces[].[NetworkInterfaceId,Description,Status]"',
                "Finish later (nothing else needs doing first): npm run teardown -- dev",
            ].join("\n"),
        );
    });

    it("only security groups: one command; a default security group or subnet that is no holder is not looked up", () => {
        const text = renderLeftover(
            "dev",
            [
                SG,
                {
                    urn: `${U}aws:ec2/defaultSubnet:DefaultSubnet::d`,
                    type: "aws:ec2/defaultSubnet:DefaultSubnet",
                    id: "subnet-0def",
                },
                {
                    urn: `${U}aws:ec2/defaultSecurityGroup:DefaultSecurityGroup::d`,
                    type: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
                    id: "sg-0def",
                },
            ],
            60,
            ENI_ERROR,
        );
        expect(text.split("\n").filter((l) => l.startsWith("See the interfaces"))).to.deep.equal([
            'See the interfaces: aws ec2 describe-network-interfaces --filters Name=group-id,Values=sg-0ccc --query "NetworkInterfaces[].[NetworkInterfaceId,Description,Status]"',
        ]);
    });

    it("holders without IDs: no describe command (nothing to filter by)", () => {
        const text = renderLeftover(
            "dev",
            [
                { ...SUBNET, id: undefined },
                { ...SG, id: undefined },
            ],
            60,
            ENI_ERROR,
        );
        expect(text).to.equal(
            [
                "Stack dev is not fully destroyed after 1 min of retries. Still in the stack:",
                "  - aws:ec2/subnet:Subnet agent-a",
                "  - aws:ec2/securityGroup:SecurityGroup runtime-sg",
                "Why: AgentCore keeps a deleted runtime's network interfaces for up to 8 hours, and EC2 refuses to delete a subnet or security group that still has one.",
                `Last error: ${ENI_ERROR}`,
                "Finish later (nothing else needs doing first): npm run teardown -- dev",
            ].join("\n"),
        );
    });
});

describe("teardown: the run's own lines", () => {
    it("an empty stack says it has nothing to destroy", async () => {
        const f = fake([STACK, PROVIDER], []);
        expect(await runTeardown("dev", f.ops, { maxWaitMinutes: 60, dryRun: false })).to.equal("nothing-to-do");
        expect(f.lines).to.deep.equal(["Stack dev has no resources; nothing to destroy."]);
    });

    it("a stack of holders only skips the first pass: one destroy, without targets", async () => {
        const f = fake([STACK, SUBNET, SG], []);
        expect(await runTeardown("dev", f.ops, { maxWaitMinutes: 60, dryRun: false })).to.equal("destroyed");
        expect(f.calls).to.deep.equal([undefined]);
    });

    it("a failed first pass prints the engine's message after saying the holders were not touched", async () => {
        const f = fake([SUBNET, RUNTIME], ["deleting runtime rt: AccessDeniedException"]);
        expect(await runTeardown("dev", f.ops, { maxWaitMinutes: 60, dryRun: false })).to.equal("failed");
        expect(f.lines.at(-1)).to.equal(
            "The first pass failed; the subnets and security groups were not touched:\ndeleting runtime rt: AccessDeniedException",
        );
    });

    it("the end of a run names what was retained and how to remove the stack's record", async () => {
        const f = fake([SUBNET, RUNTIME, LOGS], []);
        expect(await runTeardown("dev", f.ops, { maxWaitMinutes: 60, dryRun: false })).to.equal("destroyed");
        expect(f.lines.at(-1)).to.equal(
            "Stack dev is destroyed; retained in the account: aws:cloudwatch/logGroup:LogGroup app-logs (/aws/app). Remove its record with `pulumi stack rm dev` when you no longer need the history.",
        );
        const plain = fake([SUBNET, RUNTIME], []);
        await runTeardown("dev", plain.ops, { maxWaitMinutes: 60, dryRun: false });
        expect(plain.lines.at(-1)).to.equal(
            "Stack dev is destroyed. Remove its record with `pulumi stack rm dev` when you no longer need the history.",
        );
    });
});

describe("automationTeardownOps: teardown's effects through the Automation API", () => {
    function fakeStack(exported: unknown, config: Record<string, { value: string }>) {
        const destroys: { target?: string[]; onOutput?: (t: string) => void }[] = [];
        const stack = {
            exportStack: async () => exported,
            destroy: async (opts: { target?: string[]; onOutput?: (t: string) => void }) => {
                destroys.push(opts);
                opts.onOutput?.("Destroying (dev)\n");
                return {};
            },
            getAllConfig: async () => config,
        } as unknown as Stack;
        return { stack, destroys };
    }

    it("reads the resources from the exported state, none without a deployment", async () => {
        const { stack } = fakeStack({ version: 3, deployment: { resources: [SUBNET] } }, {});
        expect(await automationTeardownOps(stack, () => undefined).resources()).to.deep.equal([SUBNET]);
        const empty = fakeStack({ version: 3 }, {});
        expect(await automationTeardownOps(empty.stack, () => undefined).resources()).to.deep.equal([]);
    });

    it("destroys the targets given, or the whole stack, sending the engine's output on", async () => {
        const { stack, destroys } = fakeStack({}, {});
        const out: string[] = [];
        const ops = automationTeardownOps(
            stack,
            () => undefined,
            (t) => out.push(t),
        );
        await ops.destroy([RUNTIME.urn]);
        await ops.destroy();
        expect(destroys.map((d) => d.target)).to.deep.equal([[RUNTIME.urn], undefined]);
        expect(out).to.deep.equal(["Destroying (dev)\n", "Destroying (dev)\n"]);
    });

    it("by default the engine's output goes to stdout", async () => {
        const { stack } = fakeStack({}, {});
        const written: string[] = [];
        const write = process.stdout.write;
        process.stdout.write = ((t: string) => written.push(t) > 0) as typeof process.stdout.write;
        try {
            await automationTeardownOps(stack, () => undefined).destroy();
        } finally {
            process.stdout.write = write;
        }
        expect(written).to.deep.equal(["Destroying (dev)\n"]);
    });

    it("reads agentcore-private:environment, undefined when unset; logs through the given log", async () => {
        const lines: string[] = [];
        const set = fakeStack(
            {},
            { "agentcore-private:environment": { value: "production" }, "aws:region": { value: "x" } },
        );
        const ops = automationTeardownOps(set.stack, (l) => lines.push(l));
        expect(await ops.environment!()).to.equal("production");
        ops.log("hello");
        expect(lines).to.deep.equal(["hello"]);
        const unset = fakeStack({}, { "aws:region": { value: "us-east-1" } });
        expect(await automationTeardownOps(unset.stack, () => undefined).environment!()).to.equal(undefined);
    });

    it("sleeps the seconds given", async () => {
        const { stack } = fakeStack({}, {});
        const started = Date.now();
        await automationTeardownOps(stack, () => undefined).sleep(0.05);
        expect(Date.now() - started).to.be.at.least(45);
    });
});
