/**
 * Teardown of a stack whose subnets and security groups outlive its runtimes. AgentCore
 * keeps a deleted runtime's network interfaces (ENIs) for up to 8 hours, and EC2 refuses to
 * delete a subnet or security group that still has one (DependencyViolation), so a plain
 * `pulumi destroy` fails after deleting only part of the stack. Instead:
 *
 * 1. First pass: destroy every resource except the ENI holders (subnets, security groups)
 *    and what they themselves depend on (the VPC, their parent component, providers, the
 *    stack). That set is closed under dependents, so `destroy --target <urns>` is valid.
 * 2. Second pass: plain `destroy` of what is left, retried with exponential backoff while
 *    it fails with DependencyViolation, up to a time limit; past it, report exactly what
 *    remains and why, so a later run finishes the job.
 *
 * Everything here is pure or takes its effects as parameters (`TeardownOps`), so the
 * schedule, the selection and the messages are tested without an account.
 */
import { PRODUCTION } from "../aws/agentcore";

/** The fields of a resource in a stack's state (`pulumi stack export`) that teardown reads. */
export interface StateResource {
    readonly urn: string;
    readonly type: string;
    readonly id?: string;
    readonly parent?: string;
    readonly dependencies?: readonly string[];
    readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
    /** `<provider urn>::<provider id>` */
    readonly provider?: string;
    readonly protect?: boolean;
    readonly retainOnDelete?: boolean;
}

/** Resources that AgentCore's lingering ENIs keep from being deleted. */
export const ENI_HOLDER_TYPES: readonly string[] = [
    "aws:ec2/subnet:Subnet",
    "aws:ec2/securityGroup:SecurityGroup",
    "aws-native:ec2:Subnet",
    "aws-native:ec2:SecurityGroup",
];

/** How long AgentCore may keep a deleted runtime's ENIs (AWS documentation). */
export const ENI_LINGER_HOURS = 8;

const STACK_TYPE = "pulumi:pulumi:Stack";
const PROVIDER_TYPE_PREFIX = "pulumi:providers:";

export interface TeardownPlan {
    readonly stack: string;
    /**
     * The stack's environment (`agentcore-private:environment`, or the stack name when that is
     * empty): it, not the stack's name, decides whether production's advice applies. A stack
     * named `prod-eu` with `environment: production` is production; one named `production`
     * with `environment: staging` is not.
     */
    readonly environment: string;
    /** Protected resources: `destroy` would fail on them, so nothing is done until they are unprotected. */
    readonly protectedResources: readonly StateResource[];
    /** Resources Pulumi forgets but leaves in the account (`retainOnDelete`). */
    readonly retained: readonly StateResource[];
    /** URNs for the first `destroy --target`, in state order. */
    readonly firstPass: readonly string[];
    /** The subnets and security groups, destroyed in the second pass. */
    readonly eniHolders: readonly StateResource[];
    /** Everything the second pass destroys (the holders and what they depend on). */
    readonly secondPass: readonly StateResource[];
}

function providerUrn(ref: string): string {
    const cut = ref.lastIndexOf("::");
    return cut > 0 ? ref.slice(0, cut) : ref;
}

/** Every URN a resource needs to exist while it exists: dependencies, parent, provider. */
export function needs(resource: StateResource): string[] {
    return [
        ...(resource.dependencies ?? []),
        ...Object.values(resource.propertyDependencies ?? {}).flat(),
        ...(resource.parent ? [resource.parent] : []),
        ...(resource.provider ? [providerUrn(resource.provider)] : []),
    ];
}

/** The stack's environment: its configured `environment`, or its name when that is unset or empty. */
export function teardownEnvironment(stack: string, configured: string | undefined): string {
    return configured && configured.trim() !== "" ? configured.trim() : stack;
}

/** Splits a stack's resources into the two passes. */
export function planTeardown(
    stack: string,
    resources: readonly StateResource[],
    environment: string = teardownEnvironment(stack, undefined),
): TeardownPlan {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const eniHolders = resources.filter((r) => ENI_HOLDER_TYPES.includes(r.type));
    // The holders and, transitively, everything they need stay for the second pass.
    const keep = new Set<string>();
    const queue = eniHolders.map((r) => r.urn);
    while (queue.length > 0) {
        const urn = queue.pop()!;
        if (keep.has(urn)) {
            continue;
        }
        keep.add(urn);
        const resource = byUrn.get(urn);
        if (resource) {
            queue.push(...needs(resource));
        }
    }
    const firstPass = resources
        .filter((r) => !keep.has(r.urn) && r.type !== STACK_TYPE && !r.type.startsWith(PROVIDER_TYPE_PREFIX))
        .map((r) => r.urn);
    return {
        stack,
        environment,
        protectedResources: resources.filter((r) => r.protect === true),
        retained: resources.filter((r) => r.retainOnDelete === true),
        firstPass,
        eniHolders,
        secondPass: resources.filter(
            (r) => keep.has(r.urn) && r.type !== STACK_TYPE && !r.type.startsWith(PROVIDER_TYPE_PREFIX),
        ),
    };
}

export interface BackoffOptions {
    /** First wait; default 60 s. */
    readonly initialSeconds?: number;
    /** Growth per retry; default 2. */
    readonly factor?: number;
    /** Longest single wait; default 900 s (15 min). */
    readonly maxDelaySeconds?: number;
}

/**
 * The waits (seconds) between second-pass attempts: exponential from `initialSeconds`,
 * capped at `maxDelaySeconds`, and the last one shortened so that they add up to exactly
 * the limit. An attempt follows each wait, and one comes before the first.
 */
export function backoffSchedule(maxWaitMinutes: number, opts: BackoffOptions = {}): number[] {
    const initial = opts.initialSeconds ?? 60;
    const factor = opts.factor ?? 2;
    const cap = opts.maxDelaySeconds ?? 900;
    const budget = Math.floor(maxWaitMinutes * 60);
    const waits: number[] = [];
    let total = 0;
    let next = initial;
    while (total < budget) {
        const wait = Math.min(next, cap, budget - total);
        waits.push(wait);
        total += wait;
        next = Math.min(next * factor, cap);
    }
    return waits;
}

/** True when a destroy failed because a subnet or security group still has network interfaces. */
export function isLingeringEniError(message: string): boolean {
    return /DependencyViolation|has dependencies and cannot be deleted|has a dependent object|is currently in use/i.test(
        message,
    );
}

function label(r: StateResource): string {
    const name = r.urn.split("::").pop();
    return `${r.type} ${name}${r.id ? ` (${r.id})` : ""}`;
}

function minutes(seconds: number): string {
    return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

/** What teardown will do, for the dry run and the start of a real run. */
export function renderTeardownPlan(plan: TeardownPlan, maxWaitMinutes: number): string {
    const waits = backoffSchedule(maxWaitMinutes);
    const lines = [
        `Teardown of stack ${plan.stack}:`,
        `  1. destroy ${plan.firstPass.length} resource${plan.firstPass.length === 1 ? "" : "s"} first (everything but the subnets, security groups and what they need)`,
        `  2. destroy the remaining ${plan.secondPass.length}${plan.secondPass.length ? ":" : ""}`,
        ...plan.secondPass.map((r) => `       - ${label(r)}`),
        plan.secondPass.length === 0
            ? `     nothing holds AgentCore's network interfaces (no subnet or security group: an agent stack), so no wait`
            : waits.length === 0
              ? `     one attempt, no retries (--max-wait-minutes 0)`
              : `     retrying while AgentCore still holds network interfaces in them, after ${waits.map(minutes).join(", ")} (at most ${maxWaitMinutes} min)`,
    ];
    if (plan.retained.length > 0) {
        lines.push(
            `  Retained (stay in the account after destroy, by retainOnDelete): ${plan.retained.map(label).join(", ")}`,
        );
    }
    return lines.join("\n");
}

/** Why nothing was destroyed: protected resources, and how to unprotect them deliberately. */
export function renderProtected(plan: TeardownPlan): string {
    const production = plan.environment === PRODUCTION;
    return [
        `Stack ${plan.stack} has ${plan.protectedResources.length} protected resource${plan.protectedResources.length === 1 ? "" : "s"}; nothing was destroyed:`,
        ...plan.protectedResources.map((r) => `  - ${label(r)}`),
        `Unprotect them through the program, not around it:`,
        `  1. set agentcore-private:protect: false in Pulumi.${plan.stack}.yaml`,
        production
            ? `  2. pulumi up --stack ${plan.stack} --policy-pack policy --policy-pack-config production-unprotected.json (production's protection rule must be relaxed on purpose: docs/policy.md, "Running production unprotected")`
            : `  2. pulumi up --stack ${plan.stack} --policy-pack policy`,
        `  3. npm run teardown -- ${plan.stack}`,
    ].join("\n");
}

/** What is left after the time limit, why, and how to finish. */
export function renderLeftover(
    stack: string,
    remaining: readonly StateResource[],
    waitedSeconds: number,
    lastError: string,
): string {
    const holders = remaining.filter((r) => ENI_HOLDER_TYPES.includes(r.type));
    const subnetIds = holders.filter((r) => r.type.endsWith("ubnet") && r.id).map((r) => r.id);
    const sgIds = holders.filter((r) => r.type.endsWith("ecurityGroup") && r.id).map((r) => r.id);
    const lines = [
        `Stack ${stack} is not fully destroyed after ${minutes(waitedSeconds)} of retries. Still in the stack:`,
        ...remaining
            .filter((r) => r.type !== STACK_TYPE && !r.type.startsWith(PROVIDER_TYPE_PREFIX))
            .map((r) => `  - ${label(r)}`),
        `Why: AgentCore keeps a deleted runtime's network interfaces for up to ${ENI_LINGER_HOURS} hours, and EC2 refuses to delete a subnet or security group that still has one.`,
        `Last error: ${
            lastError
                .split("\n")
                .find((l) => isLingeringEniError(l))
                ?.trim() ?? lastError.trim().split("\n")[0]
        }`,
    ];
    if (subnetIds.length + sgIds.length > 0) {
        const filters = [
            subnetIds.length ? `Name=subnet-id,Values=${subnetIds.join(",")}` : "",
            sgIds.length ? `Name=group-id,Values=${sgIds.join(",")}` : "",
        ].filter(Boolean);
        lines.push(
            `See the interfaces: ${filters.map((f) => `aws ec2 describe-network-interfaces --filters ${f} --query "NetworkInterfaces[].[NetworkInterfaceId,Description,Status]"`).join(" ; ")}`,
        );
    }
    lines.push(`Finish later (nothing else needs doing first): npm run teardown -- ${stack}`);
    return lines.join("\n");
}

/** The effects teardown needs; the script implements them with the Automation API. */
export interface TeardownOps {
    readonly resources: () => Promise<StateResource[]>;
    /** Destroys the given URNs, or the whole stack without targets; rejects with the engine's message. */
    readonly destroy: (target?: readonly string[]) => Promise<void>;
    readonly sleep: (seconds: number) => Promise<void>;
    readonly log: (line: string) => void;
    /** The stack's configured `agentcore-private:environment`, undefined when unset. Default: unset. */
    readonly environment?: () => Promise<string | undefined>;
}

export type TeardownOutcome = "destroyed" | "planned" | "nothing-to-do" | "protected" | "left-for-later" | "failed";

/** Exit codes of `npm run teardown`: 3 means "run again later", not "broken". */
export const EXIT_CODES: Readonly<Record<TeardownOutcome, number>> = {
    destroyed: 0,
    planned: 0,
    "nothing-to-do": 0,
    protected: 1,
    failed: 1,
    "left-for-later": 3,
};

function message(e: unknown): string {
    return e instanceof Error ? e.message : String(e);
}

/** Runs the two passes. */
export async function runTeardown(
    stack: string,
    ops: TeardownOps,
    opts: { maxWaitMinutes: number; dryRun: boolean },
): Promise<TeardownOutcome> {
    const environment = teardownEnvironment(stack, ops.environment ? await ops.environment() : undefined);
    const plan = planTeardown(stack, await ops.resources(), environment);
    if (plan.firstPass.length === 0 && plan.secondPass.length === 0) {
        ops.log(`Stack ${stack} has no resources; nothing to destroy.`);
        return "nothing-to-do";
    }
    if (plan.protectedResources.length > 0) {
        ops.log(renderProtected(plan));
        return "protected";
    }
    ops.log(renderTeardownPlan(plan, opts.maxWaitMinutes));
    if (opts.dryRun) {
        ops.log("--dry-run: nothing was destroyed.");
        return "planned";
    }
    if (plan.firstPass.length > 0) {
        try {
            await ops.destroy(plan.firstPass);
        } catch (e) {
            ops.log(`The first pass failed; the subnets and security groups were not touched:\n${message(e)}`);
            return "failed";
        }
    }
    const waits = backoffSchedule(opts.maxWaitMinutes);
    let waited = 0;
    for (let attempt = 0; ; attempt++) {
        try {
            await ops.destroy();
            ops.log(
                `Stack ${stack} is destroyed${plan.retained.length ? `; retained in the account: ${plan.retained.map(label).join(", ")}` : ""}. Remove its record with \`pulumi stack rm ${stack}\` when you no longer need the history.`,
            );
            return "destroyed";
        } catch (e) {
            const text = message(e);
            if (!isLingeringEniError(text)) {
                ops.log(
                    `The second pass failed for a reason other than lingering network interfaces; not retrying:\n${text}`,
                );
                return "failed";
            }
            if (attempt >= waits.length) {
                ops.log(renderLeftover(stack, await ops.resources(), waited, text));
                return "left-for-later";
            }
            ops.log(
                `Network interfaces still in use (attempt ${attempt + 1}); retrying in ${minutes(waits[attempt])}.`,
            );
            await ops.sleep(waits[attempt]);
            waited += waits[attempt];
        }
    }
}
