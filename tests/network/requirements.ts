/**
 * The network requirement (docs/network.md) as literals, written once for the specs. Never
 * read from src/aws/agentcore.ts: a service dropped from the code fails the specs that import
 * these.
 */

/** The five interface endpoints AgentCore needs in a private VPC. */
export const REQUIRED_ENDPOINT_SERVICES = [
    "bedrock-agentcore",
    "bedrock-agentcore.gateway",
    "ecr.api",
    "ecr.dkr",
    "logs",
];
