/**
 * The topology keys: `stackKind` (all-in-one, network or agent), `networkStack` (the network
 * stack an agent stack reads) and `sessionInsights` (the per-runtime Contributor Insights
 * rules, per-session alarms and saved queries). Pure: raw values in, problems recorded,
 * typed values out. What each kind owns: docs/topology.md.
 */
import { StackKind } from "../config/keys";
import { ParsedKeys } from "../config/parse";
import { Problems } from "../config/problems";
import { RuntimeConfig } from "../config/types";

export { STACK_KINDS, type StackKind } from "../config/keys";

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

/** The topology keys as the stack uses them; fields of StackConfig too. */
export interface TopologyConfig {
    /** all-in-one (default), network or agent (docs/topology.md). */
    readonly kind: StackKind;
    /** The network stack an agent stack reads, `<organization>/<project>/<stack>` (agent stacks only). */
    readonly networkStack?: string;
    /**
     * Per runtime: 4 Contributor Insights rules over its usage logs, the per-session vCPU and
     * memory alarms and usage-silence alarm that read them, and 4 saved Logs Insights queries.
     * Default: on in all-in-one stacks, off in agent stacks (100 rules per Region would stop
     * an account at 25 runtimes; docs/topology.md#quotas).
     */
    readonly sessionInsights: boolean;
}

/** Reads the topology keys (each value already checked by its schema): the rules between them. */
export function readTopology(keys: ParsedKeys, p: Problems): TopologyConfig {
    const v = keys.values;
    const kind = v.stackKind;
    const networkStack = v.networkStack;
    if (kind === "agent") {
        if (!keys.given("networkStack")) {
            p.missing(
                "networkStack",
                "the network stack this agent stack deploys into, as <organization>/<project>/<stack>",
                `"acme/agentcore-private/network"`,
            );
        }
        for (const key of NETWORK_ONLY_KEYS) {
            const value = v[key];
            if (value !== undefined && (!Array.isArray(value) || value.length > 0)) {
                p.invalid(
                    key,
                    value,
                    `unset in an agent stack: it creates no VPC, subnet, security group or endpoint; set ${key} in the network stack (${networkStack ?? "networkStack"})`,
                    "remove the key",
                );
            }
        }
        if (v.transactionSearch) {
            p.invalid(
                "transactionSearch",
                true,
                "false in an agent stack: Transaction Search is one setting per account and region, owned by the network stack",
                "false",
            );
        }
    } else if (keys.given("networkStack")) {
        p.invalid(
            "networkStack",
            keys.written("networkStack"),
            `unset unless stackKind is agent (this stack is ${kind})`,
            `stackKind: agent, or remove networkStack`,
        );
    }

    let sessionInsights = kind === "all-in-one";
    if (v.sessionInsights !== undefined) {
        if (kind === "network") {
            p.invalid(
                "sessionInsights",
                v.sessionInsights,
                "unset in a network stack: it has no runtimes",
                "remove the key",
            );
        } else {
            sessionInsights = v.sessionInsights === "true";
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
