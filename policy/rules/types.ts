/**
 * What the rules match on: the type tokens (src/tokens.ts) and the AgentCore service
 * principal (src/agentcoreFacts.ts). Both are pure modules of the program that import
 * nothing, so the pack shares the program's facts and still loads no provider SDK.
 */
export { RESOURCE_POLICY_TYPES, RUNTIME_ENDPOINT_TYPES, RUNTIME_TYPES, TYPES } from "../../src/tokens";
export { AGENTCORE_SERVICE_PRINCIPAL } from "../../src/agentcoreFacts";
/** The runtime actions a VPC fence must deny: one list, in src/iam/runtimeAccessPolicy.ts. */
export { RUNTIME_INVOKE_ACTIONS } from "../../src/iam/runtimeAccessPolicy";
