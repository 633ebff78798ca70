/**
 * The account-level settings every agent stack of an account and region shares, owned once,
 * by the network stack (docs/topology.md#who-owns-the-account-singletons):
 * - one CloudWatch Logs resource policy that lets vended delivery write into the delivery log
 *   groups of every stack of this program (`/agentcore-*`). AWS would otherwise add a policy
 *   itself for each same-account delivery when the deployer may call logs:PutResourcePolicy
 *   ("Logs sent to CloudWatch Logs", CloudWatch Logs user guide); one explicit, scoped policy
 *   spends 1 of the 10 per Region however many agent stacks there are;
 * - one X-Ray resource policy for the trace deliveries of every AgentCore runtime of the account
 *   (AWS allows 5 per account; "Logs sent to X-Ray");
 * - Transaction Search, when `transactionSearch` is set (one setting per account and region).
 * Agent stacks create none of them.
 */
import * as aws from "../providers/aws";
import * as pulumi from "@pulumi/pulumi";
import { awsContextOutput } from "../aws/context";
import { regionalArn } from "../aws/iamDocument";
import { COMPONENTS } from "../aws/tokens";
import { stackComponentName } from "../aws/naming";
import { logDeliveryResourcePolicy, xrayDeliveryResourcePolicy } from "./logDeliveryDocuments";
import { createTransactionSearch } from "./transactionSearch";

/** The prefix every stack's delivery log groups share: `/<component name>/runtimes/…`, component `agentcore-<stack>`. */
export const ACCOUNT_DELIVERY_LOG_GROUP_PREFIX = `/${stackComponentName("")}`;

export interface AccountSingletonsArgs {
    /** Also own the account's Transaction Search. Default: false. */
    readonly transactionSearch?: boolean;
    /** Protect Transaction Search (it is retained on delete either way). Default: false. */
    readonly protect?: boolean;
}

export class AccountSingletons extends pulumi.ComponentResource {
    /** The Logs resource policy's name and the X-Ray resource policy's name. */
    public readonly logDeliveryPolicyName: pulumi.Output<string | undefined>;
    public readonly traceDeliveryPolicyName: pulumi.Output<string | undefined>;

    constructor(name: string, args: AccountSingletonsArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENTS.accountSingletons, name, {}, opts);
        const context = awsContextOutput(this);
        const logs = new aws.cloudwatch.LogResourcePolicy(
            `${name}-log-delivery-policy`,
            {
                policyName: `${name}-log-delivery`,
                policyDocument: context.apply((ctx) =>
                    JSON.stringify(logDeliveryResourcePolicy(ctx, ACCOUNT_DELIVERY_LOG_GROUP_PREFIX)),
                ),
            },
            { parent: this },
        );
        const xray = new aws.xray.ResourcePolicy(
            `${name}-trace-delivery-policy`,
            {
                policyName: `${name}-trace-delivery`,
                policyDocument: context.apply((ctx) =>
                    JSON.stringify(
                        xrayDeliveryResourcePolicy(ctx, [regionalArn(ctx, "bedrock-agentcore", "runtime/*")]),
                    ),
                ),
            },
            { parent: this },
        );
        if (args.transactionSearch) {
            createTransactionSearch(`${name}-transaction-search`, args.protect ?? false, this);
        }
        this.logDeliveryPolicyName = logs.policyName;
        this.traceDeliveryPolicyName = xray.policyName;
        this.registerOutputs({
            logDeliveryPolicyName: this.logDeliveryPolicyName,
            traceDeliveryPolicyName: this.traceDeliveryPolicyName,
        });
    }
}
