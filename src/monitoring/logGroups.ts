/**
 * Names of the runtime application log groups this stack owns. AgentCore writes each
 * endpoint's logs to `/aws/bedrock-agentcore/runtimes/<runtime id>-<endpoint>` and creates
 * the group on first invocation, unencrypted and kept forever, unless it already exists:
 * so the stack creates them first, with its KMS key and retention.
 */
import { RUNTIME_LOG_GROUP_PREFIX } from "../agentcoreFacts";

/** The application log group of one endpoint (DEFAULT or configured) of a runtime. */
export function runtimeLogGroupName(runtimeId: string, endpoint: string): string {
    return `${RUNTIME_LOG_GROUP_PREFIX}${runtimeId}-${endpoint}`;
}
