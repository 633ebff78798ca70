/**
 * A network stack (`stackKind: network`): the VPC (or the adopted one), the agent subnets, the
 * runtime and endpoint security groups, every VPC endpoint with data-perimeter policies, flow
 * logs, and the account-level singletons (AccountSingletons). No runtimes. Its outputs are
 * the contract agent stacks read (./networkContract.ts, docs/topology.md).
 */
import * as aws from "../providers/aws";
import * as pulumi from "@pulumi/pulumi";
import { AgentNetwork } from "../network/network";
import { StackKey } from "../security/stackKey";
import { AccountSingletons } from "../observability/accountSingletons";
import { StackConfig } from "../config";
import { stackComponentName } from "../aws/naming";
import { awsContextOutput } from "../aws/context";
import { NETWORK_OUTPUT_NAMES } from "./networkContract";

export function networkStack(
    config: StackConfig,
): Record<(typeof NETWORK_OUTPUT_NAMES)[number] | "kmsKeyArn", unknown> {
    const name = stackComponentName(config.stack);
    const key = new StackKey(name, { environment: config.environment, protect: config.protect, tags: config.tags });
    const network = new AgentNetwork(name, {
        network: config.network,
        region: config.region,
        logRetentionDays: config.logRetentionDays,
        kmsKeyArn: key.kmsKeyArn,
        protect: config.protect,
        tags: config.tags,
        organizationId: config.organizationId,
        tracing: config.tracing,
        dataPerimeter: true,
    });
    new AccountSingletons(name, { transactionSearch: config.transactionSearch, protect: config.protect });
    const context = awsContextOutput(network);
    const vpcCidr =
        config.network.mode === "create"
            ? pulumi.output(config.network.vpcCidr)
            : aws.ec2.getVpcOutput({ id: config.network.existingVpc!.vpcId }, { parent: network }).cidrBlock;
    return {
        stackKind: "network",
        region: config.region,
        accountId: context.apply((c) => c.accountId),
        vpcId: network.vpcId,
        vpcCidr,
        agentSubnetIds: network.agentSubnetIds,
        runtimeSecurityGroupId: network.runtimeSecurityGroupId,
        endpointSecurityGroupId: network.endpointSecurityGroupId,
        vpcEndpointIds: network.vpcEndpointIds,
        kmsKeyArn: key.kmsKeyArn,
    };
}
