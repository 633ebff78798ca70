/**
 * The inbound requirement (docs/inbound.md) as literals, written once for the specs: the
 * AgentCore data-plane actions a caller invokes a runtime with (HTTP, WebSocket, with or
 * without a user id header, stop a session, read the agent card), which the fence denies from
 * outside the VPC. Never read from src/inbound: an action dropped from the code's list fails
 * the specs that import this.
 */
export const INVOKE_ACTIONS = [
    "bedrock-agentcore:InvokeAgentRuntime",
    "bedrock-agentcore:InvokeAgentRuntimeForUser",
    "bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStream",
    "bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStreamForUser",
    "bedrock-agentcore:StopRuntimeSession",
    "bedrock-agentcore:GetAgentCard",
];
