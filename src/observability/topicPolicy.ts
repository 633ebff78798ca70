/**
 * The resource policy of the alarm topic: only CloudWatch alarms of this account and
 * region may publish, and nobody may publish without TLS. Pure: plain values in, JSON out.
 */
import { createHash } from "crypto";
import {
    AwsContext,
    PolicyDocument,
    denyWithoutTls,
    policyDocument,
    regionalArn,
    serviceStatement,
} from "../aws/iamDocument";

/** Publishing is all an alarm does with the topic. */
export const TOPIC_PUBLISH_ACTIONS = ["sns:Publish"] as const;

/** The CloudWatch service principal that runs alarm actions. */
export const CLOUDWATCH_PRINCIPAL = "cloudwatch.amazonaws.com";

export interface AlarmTopicPolicyInput extends AwsContext {
    readonly topicArn: string;
}

export function alarmTopicPolicy(input: AlarmTopicPolicyInput): PolicyDocument {
    return policyDocument(
        // Plain-HTTP publishing would expose alarm contents (runtime ARNs, states) in transit.
        denyWithoutTls("DenyPublishWithoutTls", TOPIC_PUBLISH_ACTIONS, input.topicArn),
        // Only alarms of this account and region: no other account's alarm can page us.
        serviceStatement({
            sid: "AllowCloudWatchAlarmsToPublish",
            service: CLOUDWATCH_PRINCIPAL,
            actions: TOPIC_PUBLISH_ACTIONS,
            resource: input.topicArn,
            accountId: input.accountId,
            sourceArns: regionalArn(input, "cloudwatch", "alarm:*"),
        }),
    );
}

/**
 * The logical name of an e-mail subscription: named after the address, so reordering the
 * list replaces nothing, with a short hash of it, so that addresses that read alike once
 * punctuation is dropped (a.b@ and a-b@) still get distinct names.
 */
export function subscriptionResourceName(componentName: string, email: string): string {
    const address = email.toLowerCase();
    const hash = createHash("sha256").update(address).digest("hex").slice(0, 6);
    return `${componentName}-alarm-email-${address.replace(/[^a-z0-9]+/g, "-")}-${hash}`;
}
