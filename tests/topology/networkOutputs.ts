/**
 * The network stack's outputs as the requirement states them (docs/topology.md, "Network stack
 * outputs"), written once for every spec that mocks the StackReference of an agent stack.
 */
export const NETWORK_STACK = "acme/agentcore-private/network";

export const NETWORK_OUTPUTS = {
    stackKind: "network",
    region: "us-east-1",
    accountId: "123456789012",
    vpcId: "vpc-0a1b2c3d4e5f60718",
    vpcCidr: "10.40.0.0/16",
    agentSubnetIds: ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
    runtimeSecurityGroupId: "sg-0a1b2c3d4e5f60718",
    endpointSecurityGroupId: "sg-0f1e2d3c4b5a69788",
    vpcEndpointIds: { "bedrock-agentcore": "vpce-0a1b2c3d4e5f60718", s3: "vpce-0f1e2d3c4b5a69788" },
};
