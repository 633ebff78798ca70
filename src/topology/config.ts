/**
 * The topology keys: `stackKind` (all-in-one, network or agent), `networkStack` (the network
 * stack an agent stack reads) and `sessionInsights` (the per-runtime Contributor Insights
 * rules, per-session alarms and saved queries). Pure: raw values in, problems recorded,
 * typed values out. What each kind owns: docs/topology.md.
 */
import { Problems } from "../config/problems";
import { RawReader } from "../config/read";
import { RuntimeConfig } from "../config/types";

/** The kinds of stack one program makes (docs/topology.md). */
export const STACK_KINDS = ["all-in-one", "network", "agent"] as const;
export type StackKind = (typeof STACK_KINDS)[number];

/** A fully qualified Pulumi stack name, `<organization>/<project>/<stack>`, as StackReference takes it. */
export const QUALIFIED_STACK_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

/**
 * Keys that configure the network a stack creates or adopts, with an empty Pulumi.yaml default:
 * an agent stack creates no network, so a value there is a mistake, not an option.
 */
export const NETWORK_ONLY_KEYS = [
    "vpcId",
    "subnetIds",
    "routeTableIds",
    "availabilityZoneIds",
    "endpointServices",
    "endpointClientCidrs",
] as const;

export interface TopologyConfig {
    readonly kind: StackKind;
    /** The network stack an agent stack reads (agent stacks only). */
    readonly networkStack?: string;
    /**
     * Per runtime: 4 Contributor Insights rules over its usage logs, the per-session vCPU and
     * memory alarms and usage-silence alarm that read them, and 4 saved Logs Insights queries.
     * Default: on in all-in-one stacks, off in agent stacks (100 rules per Region would stop
     * an account at 25 runtimes; docs/topology.md#quotas).
     */
    readonly sessionInsights: boolean;
}

/** Reads the topology keys; `runtimesGiven` says whether `runtimes` holds a value. */
export function readTopology(r: RawReader): TopologyConfig {
    const p = r.problems;
    const kindText = r.string("stackKind") ?? "all-in-one";
    let kind: StackKind = "all-in-one";
    if (!(STACK_KINDS as readonly string[]).includes(kindText)) {
        p.invalid("stackKind", kindText, `one of ${STACK_KINDS.join(", ")}`, `"agent"`);
    } else {
        kind = kindText as StackKind;
    }

    const networkStack = r.string("networkStack");
    if (kind === "agent") {
        if (networkStack === undefined) {
            p.missing(
                "networkStack",
                "the network stack this agent stack deploys into, as <organization>/<project>/<stack>",
                `"acme/agentcore-private/network"`,
            );
        } else if (!QUALIFIED_STACK_NAME.test(networkStack)) {
            p.invalid(
                "networkStack",
                networkStack,
                "a fully qualified stack name <organization>/<project>/<stack> (Pulumi StackReference)",
                `"acme/agentcore-private/network"`,
            );
        }
        for (const key of NETWORK_ONLY_KEYS) {
            if (r.has(key) && r.string(key) !== "[]") {
                p.invalid(
                    key,
                    r.string(key),
                    `unset in an agent stack: it creates no VPC, subnet, security group or endpoint; set ${key} in the network stack (${networkStack ?? "networkStack"})`,
                    "remove the key",
                );
            }
        }
        if (r.boolean("transactionSearch") === true) {
            p.invalid(
                "transactionSearch",
                true,
                "false in an agent stack: Transaction Search is one setting per account and region, owned by the network stack",
                "false",
            );
        }
    } else if (networkStack !== undefined) {
        p.invalid(
            "networkStack",
            networkStack,
            `unset unless stackKind is agent (this stack is ${kind})`,
            `stackKind: agent, or remove networkStack`,
        );
    }

    const insightsText = r.string("sessionInsights");
    let sessionInsights = kind === "all-in-one";
    if (insightsText !== undefined) {
        if (insightsText !== "true" && insightsText !== "false") {
            p.invalid(
                "sessionInsights",
                insightsText,
                `true, false, or empty (the kind's default: on in all-in-one, off in agent stacks)`,
                "false",
            );
        } else if (kind === "network") {
            p.invalid(
                "sessionInsights",
                insightsText,
                "unset in a network stack: it has no runtimes",
                "remove the key",
            );
        } else {
            sessionInsights = insightsText === "true";
        }
    }
    return { kind, networkStack, sessionInsights };
}

/**
 * Runtime capabilities an agent stack cannot provide, because the network stack owns every
 * security group and endpoint (docs/topology.md, "Capabilities in agent stacks"):
 * - a managed private identity-provider endpoint needs the identity-provider security group
 *   beside the runtime's, which only the stack that owns the network creates;
 * - EFS and S3 Files mounts need NFS egress (TCP 2049) on the runtime security group, which
 *   the network stack's group does not carry for one agent stack's file system.
 * A self-managed Lattice resource configuration and session storage need neither.
 */
export function agentStackRuntimeProblems(p: Problems, runtimes: readonly RuntimeConfig[]): void {
    runtimes.forEach((runtime, i) => {
        const authorizer = runtime.authorizer;
        const paths = [
            ...(authorizer?.privateEndpoint
                ? [["authorizer.privateEndpoint", authorizer.privateEndpoint] as const]
                : []),
            ...(authorizer?.privateEndpointOverrides ?? []).map(
                (o, j) => [`authorizer.privateEndpointOverrides[${j}].privateEndpoint`, o.privateEndpoint] as const,
            ),
        ];
        for (const [key, endpoint] of paths) {
            if (endpoint.kind === "managed") {
                p.invalid(
                    `runtimes[${i}].${key}`,
                    "managed",
                    "a resourceConfiguration in an agent stack: the managed path needs an identity-provider security group, which only a stack that owns the network creates",
                    `{ resourceConfiguration: "rcfg-0123456789abcdef0" }`,
                );
            }
        }
        runtime.filesystems.forEach((filesystem, j) => {
            if (filesystem.kind === "efs" || filesystem.kind === "s3Files") {
                p.invalid(
                    `runtimes[${i}].filesystems[${j}].kind`,
                    filesystem.kind,
                    "sessionStorage in an agent stack: EFS and S3 Files need NFS egress on the runtime security group, which the network stack owns; mount them from an all-in-one stack",
                    `{ kind: "sessionStorage", mountPath: "/mnt/workspace" }`,
                );
            }
        });
    });
}
