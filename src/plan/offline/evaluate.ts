/**
 * Runs the policy pack over resources recorded under the offline mocks, the way the Pulumi
 * engine runs it during `pulumi preview --policy-pack policy`:
 * - each resource policy sees every registered resource once, with its inputs as `props`
 *   (behind the same unknown-checking proxy the engine uses), its URN, name and options;
 * - each stack policy sees all resources at once, with their outputs as `props` and their
 *   parents and dependencies linked.
 * Like the engine, resource references in properties are reduced to the referenced
 * resource's ID (a component's URN), and a policy's enforcement level comes from the
 * policy pack config (`--policy-pack-config FILE`: per policy, then `all`), else the
 * policy, else the pack. `stack` labels the findings; the rules read the stack name from each URN, as the
 * engine gives them no other way to learn it.
 */
import {
    EnforcementLevel,
    Policies,
    PolicyResource,
    PolicyResourceOptions,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    Severity,
    StackValidationArgs,
    StackValidationPolicy,
    UnknownValueError,
    unknownCheckingProxy,
} from "@pulumi/policy";
import type { RecordedResource } from "./mocks";
import { PACK_ENFORCEMENT_LEVEL, PACK_NAME, policies as packPolicies } from "../../../policy/policies";

/** One finding: a policy that a resource (or the stack as a whole) violates. */
export interface Violation {
    readonly policyPack: string;
    readonly policyName: string;
    readonly description: string;
    readonly enforcementLevel: EnforcementLevel;
    readonly severity?: Severity;
    readonly stack: string;
    /** The offending resource; absent when a stack policy blames the stack as a whole. */
    readonly urn?: string;
    readonly resourceType?: string;
    readonly resourceName?: string;
    /** What is wrong and how to fix it. */
    readonly message: string;
}

/**
 * The JSON of `pulumi preview|up --policy-pack-config FILE`, as the CLI parses it: keys are
 * policy names or `all`; a value is an enforcement level, or an object with an optional
 * `enforcementLevel` and the policy's own config properties. `all` sets the level of every
 * policy; a policy's own entry overrides `all`.
 */
export type PolicyPackConfig = Readonly<
    Record<
        string,
        EnforcementLevel | ({ readonly enforcementLevel?: EnforcementLevel } & Readonly<Record<string, unknown>>)
    >
>;

const LEVELS: readonly string[] = ["advisory", "mandatory", "remediate", "disabled"];

interface PolicyConfig {
    readonly enforcementLevel?: EnforcementLevel;
    readonly properties: Record<string, unknown>;
}

/** One entry of the config, validated like the CLI does (it refuses to start on a bad level). */
function policyConfig(config: PolicyPackConfig, name: string): PolicyConfig {
    const entry = config[name];
    if (entry === undefined) {
        return { properties: {} };
    }
    const { enforcementLevel, ...properties } = typeof entry === "string" ? { enforcementLevel: entry } : entry;
    if (enforcementLevel !== undefined && !LEVELS.includes(enforcementLevel)) {
        throw new Error(
            `parsing enforcement level for "${name}": "${String(enforcementLevel)}" is not a valid enforcement level`,
        );
    }
    return { enforcementLevel, properties };
}

/** The level a policy runs at under a pack config, as the CLI reconciles it. */
export function enforcementLevelOf(
    policy: { readonly name: string; readonly enforcementLevel?: EnforcementLevel },
    config: PolicyPackConfig = {},
): EnforcementLevel {
    return (
        policyConfig(config, policy.name).enforcementLevel ??
        policyConfig(config, "all").enforcementLevel ??
        policy.enforcementLevel ??
        PACK_ENFORCEMENT_LEVEL
    );
}

/** Thrown by `args.notApplicable()`, as in the engine's policy server. */
class NotApplicable extends Error {}

const noTimeouts = { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 };

function isResourceReference(value: unknown): value is { __pulumiType: string; __name: string } {
    return (
        typeof value === "object" &&
        value !== null &&
        (value as { __pulumiResource?: unknown }).__pulumiResource === true
    );
}

/**
 * Property values as the engine sends them to an analyzer: plain JSON, with each resource
 * reference replaced by that resource's ID (custom) or URN (component).
 */
export function toEngineValue(value: unknown, resources: readonly RecordedResource[]): unknown {
    if (isResourceReference(value)) {
        const target = resources.find((r) => r.type === value.__pulumiType && r.name === value.__name);
        return target ? (target.custom ? target.id : target.urn) : undefined;
    }
    if (Array.isArray(value)) {
        return value.map((v) => toEngineValue(v, resources));
    }
    if (value !== null && typeof value === "object") {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) {
            if (v !== undefined) {
                out[k] = toEngineValue(v, resources);
            }
        }
        return out;
    }
    return value;
}

function typeMatcher(type: string) {
    // The engine compares the class's registered token, exactly like this.
    return (resourceClass: unknown) => (resourceClass as { __pulumiType?: string } | undefined)?.__pulumiType === type;
}

/** What a resource validation receives for one resource; exported so tests build args the same way. */
export function resourceArgs(
    resource: {
        type: string;
        name: string;
        urn: string;
        props: Record<string, unknown>;
        protect?: boolean;
        parent?: string;
    },
    config: Record<string, unknown> = {},
): ResourceValidationArgs {
    const props = unknownCheckingProxy(resource.props) as Record<string, unknown>;
    const opts: PolicyResourceOptions = {
        protect: resource.protect ?? false,
        ignoreChanges: [],
        aliases: [],
        customTimeouts: noTimeouts,
        additionalSecretOutputs: [],
        ...(resource.parent ? { parent: resource.parent } : {}),
    };
    const isType = typeMatcher(resource.type);
    return {
        type: resource.type,
        props,
        urn: resource.urn,
        name: resource.name,
        opts,
        stackTags: new Map<string, string>(),
        isType: (resourceClass) => isType(resourceClass),
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        asType: ((resourceClass: unknown) => (isType(resourceClass) ? props : undefined)) as any,
        getConfig: <T extends object>() => ({ ...config }) as T,
        notApplicable: (reason?: string): never => {
            throw new NotApplicable(reason);
        },
    };
}

/** What a stack validation receives; exported so tests build args the same way. */
export function stackArgs(
    resources: readonly RecordedResource[],
    config: Record<string, unknown> = {},
): StackValidationArgs {
    const byUrn = new Map<string, PolicyResource>();
    const policyResources = resources.map((r) => {
        const props = unknownCheckingProxy(toEngineValue(r.state, resources) as Record<string, unknown>) as Record<
            string,
            unknown
        >;
        const isType = typeMatcher(r.type);
        const resource: PolicyResource = {
            type: r.type,
            props,
            urn: r.urn,
            name: r.name,
            opts: {
                protect: r.protect,
                ignoreChanges: [],
                aliases: [],
                customTimeouts: noTimeouts,
                additionalSecretOutputs: [],
                ...(r.parent ? { parent: r.parent } : {}),
            },
            dependencies: [],
            // The mocks record the union of dependencies, not which property each came from.
            propertyDependencies: {},
            isType: (resourceClass) => isType(resourceClass),
            // eslint-disable-next-line @typescript-eslint/no-explicit-any
            asType: ((resourceClass: unknown) => (isType(resourceClass) ? props : undefined)) as any,
        };
        byUrn.set(r.urn, resource);
        return resource;
    });
    resources.forEach((r, i) => {
        const resource = policyResources[i];
        resource.parent = r.parent ? byUrn.get(r.parent) : undefined;
        resource.dependencies = r.dependencies
            .map((urn) => byUrn.get(urn))
            .filter((d): d is PolicyResource => d !== undefined);
    });
    return {
        resources: policyResources,
        stackTags: new Map<string, string>(),
        getConfig: <T extends object>() => ({ ...config }) as T,
        notApplicable: (reason?: string): never => {
            throw new NotApplicable(reason);
        },
    };
}

function isStackPolicy(p: ResourceValidationPolicy | StackValidationPolicy): p is StackValidationPolicy {
    return typeof (p as StackValidationPolicy).validateStack === "function";
}

/** Runs one validation synchronously, turning the engine's special errors into outcomes. */
function run(policyName: string, validate: () => unknown, onUnknown: (e: Error) => void): void {
    try {
        const result = validate();
        if (result !== undefined && typeof (result as Promise<void>).then === "function") {
            throw new Error(`policy ${policyName} returned a promise; evaluatePolicies runs synchronous policies only`);
        }
    } catch (e) {
        if (e instanceof NotApplicable) {
            return;
        }
        if (e instanceof UnknownValueError) {
            onUnknown(e as Error);
            return;
        }
        // A policy that throws fails the whole preview in the engine too; name it.
        if (e instanceof Error) {
            e.message = `policy ${policyName} failed: ${e.message}`;
        }
        throw e;
    }
}

/**
 * Runs every resource and stack policy of the pack over one stack's recorded resources and
 * returns the violations, in policy order. An empty list means the stack passes. `config`
 * is what `--policy-pack-config FILE` would pass (see PolicyPackConfig).
 */
export function evaluatePolicies(
    resources: readonly RecordedResource[],
    stack: string,
    policies: Policies = packPolicies,
    config: PolicyPackConfig = {},
): Violation[] {
    const violations: Violation[] = [];
    for (const policy of policies) {
        const configured = enforcementLevelOf(policy, config);
        if (configured === "disabled") {
            continue;
        }
        // The engine's analyze call runs a remediate policy as a mandatory one.
        const level: EnforcementLevel = configured === "remediate" ? "mandatory" : configured;
        const properties = policyConfig(config, policy.name).properties;
        const base = {
            policyPack: PACK_NAME,
            policyName: policy.name,
            description: policy.description,
            enforcementLevel: level,
            severity: policy.severity,
            stack,
        };
        const blame = (urn: string | undefined) => {
            const r = urn ? resources.find((x) => x.urn === urn) : undefined;
            return r ? { urn: r.urn, resourceType: r.type, resourceName: r.name } : urn ? { urn } : {};
        };
        // Like the engine: a value unknown during preview downgrades the finding to advisory.
        const unknown = (urn?: string) => (e: Error) =>
            violations.push({
                ...base,
                ...blame(urn),
                enforcementLevel: "advisory",
                message: `can't run policy ${policy.name} during preview: ${e.message}`,
            });
        if (isStackPolicy(policy)) {
            const report: ReportViolation = (message, urn) => violations.push({ ...base, ...blame(urn), message });
            run(policy.name, () => policy.validateStack(stackArgs(resources, properties), report), unknown());
            continue;
        }
        const validations =
            policy.validateResource === undefined
                ? []
                : Array.isArray(policy.validateResource)
                  ? policy.validateResource
                  : [policy.validateResource];
        for (const r of resources) {
            // A resource policy cannot blame another resource: the engine ignores the urn argument.
            const report: ReportViolation = (message) => violations.push({ ...base, ...blame(r.urn), message });
            for (const validate of validations) {
                const args = resourceArgs(
                    {
                        type: r.type,
                        name: r.name,
                        urn: r.urn,
                        props: toEngineValue(r.inputs, resources) as Record<string, unknown>,
                        protect: r.protect,
                        parent: r.parent,
                    },
                    properties,
                );
                run(policy.name, () => validate(args, report), unknown(r.urn));
            }
        }
    }
    return violations;
}

/** True when a violation blocks `pulumi preview` / `up` (a mandatory policy failed). */
export function isBlocking(violation: Violation): boolean {
    return violation.enforcementLevel === "mandatory" || violation.enforcementLevel === "remediate";
}

/** The findings as text for the offline plan: one block per violation, then a summary line. */
export function formatViolations(stack: string, violations: readonly Violation[]): string {
    if (violations.length === 0) {
        return `Policy pack ${PACK_NAME}: stack ${stack} passes all ${packPolicies.length} policies.`;
    }
    const lines = violations.map((v) => {
        const where = v.resourceType ? `${v.resourceType} ${v.resourceName}` : (v.urn ?? "(stack)");
        return `  [${v.enforcementLevel}] ${v.policyName}\n    ${where}\n    ${v.message}`;
    });
    const blocking = violations.filter(isBlocking).length;
    return [
        `Policy pack ${PACK_NAME}: stack ${stack} has ${violations.length} violation(s), ${blocking} blocking:`,
        ...lines,
    ].join("\n");
}
