/**
 * How the program names what it creates, in one place: the stack's component name, which
 * prefixes every resource, and the flow-log group. The CI bootstrap scopes its deploy grants
 * by the same names, so it imports them from here. Pure: imports nothing.
 */

/** The component name of a stack, `agentcore-<stack>`: the prefix of every resource name. */
export function stackComponentName(stack: string): string {
    return `agentcore-${stack}`;
}

/** The prefix of the VPC flow-log group; the group is `<prefix><component name>`. */
export const FLOW_LOG_GROUP_PREFIX = "/aws/vpc/flow-logs/";
