/**
 * IAM documents of the VPC flow-log delivery role. Pure: ARNs are built from the
 * partition, region and account passed in.
 */
import { AwsContext, PolicyDocument, policyDocument, regionalArn, serviceTrustPolicy } from "../aws/iamDocument";

/** The service that assumes the delivery role. */
export const FLOW_LOGS_SERVICE_PRINCIPAL = "vpc-flow-logs.amazonaws.com";

/**
 * What the flow-log service does with the role on this one log group:
 * - CreateLogStream, PutLogEvents: write one stream per ENI into the group.
 * - DescribeLogStreams: find the group's streams before writing.
 */
export const FLOW_LOG_DELIVERY_ACTIONS = [
    "logs:CreateLogStream",
    "logs:PutLogEvents",
    "logs:DescribeLogStreams",
] as const;

/** Find the group before writing: DescribeLogGroups is authorized only on `log-group:*`. */
export const FLOW_LOG_DESCRIBE_ACTIONS = ["logs:DescribeLogGroups"] as const;

/**
 * Trust: only the flow-log service, and only on behalf of flow logs of this account in
 * this region (the confused-deputy guard AWS documents for vpc-flow-logs).
 */
export function flowLogTrustPolicy(ctx: AwsContext): PolicyDocument {
    return serviceTrustPolicy({
        sid: "AllowVpcFlowLogsFromThisAccount",
        service: FLOW_LOGS_SERVICE_PRINCIPAL,
        accountId: ctx.accountId,
        sourceArns: regionalArn(ctx, "ec2", "vpc-flow-log/*"),
    });
}

/**
 * Delivery: write actions on the flow-log group and its streams only, plus the one
 * describe action that AWS authorizes against every group of the account and region.
 */
export function flowLogDeliveryPolicy(logGroupArn: string): PolicyDocument {
    // Some provider versions report the group ARN with a trailing ":*"; normalise it.
    const group = logGroupArn.replace(/:\*$/, "");
    const allGroups = group.replace(/:log-group:.*$/, ":log-group:*");
    return policyDocument(
        {
            Sid: "DeliverVpcFlowLogs",
            Effect: "Allow",
            Action: [...FLOW_LOG_DELIVERY_ACTIONS],
            Resource: [group, `${group}:*`],
        },
        { Sid: "FindFlowLogGroup", Effect: "Allow", Action: [...FLOW_LOG_DESCRIBE_ACTIONS], Resource: allGroups },
    );
}
