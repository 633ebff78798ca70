/**
 * CloudWatch Transaction Search for the account and region: X-Ray sends every trace segment
 * to the `aws/spans` log group, which a CloudWatch Logs resource policy lets X-Ray write to
 * ("Enable Transaction Search", CloudWatch user guide; AgentCore needs it to show spans).
 *
 * Idempotent: `aws.xray.TraceSegmentDestination` sets the destination whether or not it was
 * already set (the classic provider updates it in place; the aws-native
 * `TransactionSearchConfig` would instead fail where someone enabled it by hand), and the
 * resource policy is a named put. Both are retained on delete: spans of every workload in the
 * account depend on them, not only this stack's. One stack per account and region owns them:
 * config allows `transactionSearch` only in production (src/observability/config.ts).
 */
import * as aws from "../providers/aws";
import * as pulumi from "@pulumi/pulumi";
import { AwsContext, PolicyDocument, policyDocument, regionalArn } from "../aws/iamDocument";
import { awsContextOutput } from "../aws/context";
import { COMPONENTS } from "../aws/tokens";

/** Where X-Ray writes spans once the destination is CloudWatch Logs. */
export const SPANS_LOG_GROUP = "aws/spans";
/** Application Signals data, written by X-Ray alongside the spans. */
export const APPLICATION_SIGNALS_LOG_GROUP = "/aws/application-signals/data";

/** The resource policy AWS documents for Transaction Search, scoped to this account's X-Ray. */
export function transactionSearchLogPolicy(ctx: AwsContext): PolicyDocument {
    return policyDocument({
        Sid: "TransactionSearchXRayAccess",
        Effect: "Allow",
        Principal: { Service: "xray.amazonaws.com" },
        Action: ["logs:PutLogEvents"],
        Resource: [
            regionalArn(ctx, "logs", `log-group:${SPANS_LOG_GROUP}:*`),
            regionalArn(ctx, "logs", `log-group:${APPLICATION_SIGNALS_LOG_GROUP}:*`),
        ],
        // The guard of serviceStatement, in the order the deployed policy has it (a reorder is an update).
        Condition: {
            ArnLike: { "aws:SourceArn": regionalArn(ctx, "xray", "*") },
            StringEquals: { "aws:SourceAccount": ctx.accountId },
        },
    });
}

export interface TransactionSearchArgs {
    /** Protect the two settings from deletion (they are always retained on delete). Default: false. */
    readonly protect?: boolean;
}

export class TransactionSearch extends pulumi.ComponentResource {
    /** `CloudWatchLogs` once applied. */
    public readonly destination: pulumi.Output<string>;

    constructor(name: string, args: TransactionSearchArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENTS.transactionSearch, name, {}, opts);
        const destination = createTransactionSearch(name, args.protect ?? false, this);
        this.destination = destination.destination;
        this.registerOutputs({ destination: this.destination });
    }
}

/**
 * The spans policy and the segment destination under `parent`: a TransactionSearch component
 * in an all-in-one production stack, AccountSingletons in a network stack (the policy pack
 * recognises that owner by its type in the URN).
 */
export function createTransactionSearch(
    name: string,
    protect: boolean,
    parent: pulumi.Resource,
): aws.xray.TraceSegmentDestination {
    const keep = { parent, protect, retainOnDelete: true };
    const context = awsContextOutput(parent);
    const policy = new aws.cloudwatch.LogResourcePolicy(
        `${name}-spans-policy`,
        {
            policyName: "TransactionSearchXRayAccess",
            policyDocument: context.apply((ctx) => JSON.stringify(transactionSearchLogPolicy(ctx))),
        },
        keep,
    );
    return new aws.xray.TraceSegmentDestination(
        `${name}-segment-destination`,
        { destination: "CloudWatchLogs" },
        { ...keep, dependsOn: [policy] },
    );
}
