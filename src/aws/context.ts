/**
 * Where the stack deploys, as the AWS provider reports it: account, region, partition and
 * the partition's DNS suffix. One lookup shape for every component, so no ARN is built
 * from a hard-coded account or partition.
 */
import * as aws from "../providers/aws";
import * as pulumi from "@pulumi/pulumi";
import { AwsContext } from "./iamDocument";

export interface DeploymentContext extends AwsContext {
    /** `amazonaws.com`, or `amazonaws.com.cn` in China. */
    readonly dnsSuffix: string;
}

/** The provider's account, region and partition, looked up as children of `parent`. */
export function awsContextOutput(parent: pulumi.Resource): pulumi.Output<DeploymentContext> {
    const opts = { parent };
    return pulumi
        .all([aws.getCallerIdentityOutput({}, opts), aws.getRegionOutput({}, opts), aws.getPartitionOutput({}, opts)])
        .apply(([identity, region, partition]) => ({
            accountId: identity.accountId,
            region: region.region,
            partition: partition.partition,
            dnsSuffix: partition.dnsSuffix,
        }));
}
