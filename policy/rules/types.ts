/**
 * What the rules match on: the type tokens (src/aws/tokens.ts) and the AgentCore service
 * principal (src/aws/agentcore.ts). Both are pure modules of the program that import
 * nothing, so the pack shares the program's facts and still loads no provider SDK.
 */
export { RESOURCE_POLICY_TYPES, RUNTIME_ENDPOINT_TYPES, RUNTIME_TYPES, TYPES } from "../../src/aws/tokens";
export { AGENTCORE_SERVICE_PRINCIPAL } from "../../src/aws/agentcore";
/** The runtime actions a VPC fence must deny: one list, in src/inbound/resourcePolicy.ts. */
export { RUNTIME_INVOKE_ACTIONS } from "../../src/inbound/resourcePolicy";
