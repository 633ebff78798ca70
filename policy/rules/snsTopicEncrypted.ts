/**
 * SNS topics are encrypted at rest with a customer managed key. Alarm notifications name
 * the runtimes and their failures. The AWS managed key `alias/aws/sns` is not enough here:
 * its key policy cannot be changed to let CloudWatch alarms publish, so alarms on such a
 * topic silently fail to notify.
 */
import { TYPES } from "./types";
import { problemRule } from "./rule";
import { isSet } from "./values";

export const AWS_MANAGED_SNS_KEY = "alias/aws/sns";

/** Both providers name the property kmsMasterKeyId. */
export const SNS_TOPIC_TYPES: readonly string[] = [TYPES.snsTopic, TYPES.nativeSnsTopic];

/** What is wrong with a topic's encryption. */
export function snsTopicProblems(props: Record<string, unknown>): string[] {
    const key = props.kmsMasterKeyId;
    if (!isSet(key)) {
        return [
            "is not encrypted at rest: set kmsMasterKeyId to the stack's customer managed KMS key (its key policy must allow cloudwatch.amazonaws.com to use it)",
        ];
    }
    if (typeof key === "string" && key.trim() === AWS_MANAGED_SNS_KEY) {
        return [
            `is encrypted with the AWS managed key ${AWS_MANAGED_SNS_KEY}, whose key policy does not let CloudWatch alarms publish: set kmsMasterKeyId to a customer managed key that allows cloudwatch.amazonaws.com`,
        ];
    }
    return [];
}

export const snsTopicEncrypted = problemRule({
    name: "sns-topic-encrypted",
    description: "SNS topics (aws and aws-native) set kmsMasterKeyId to a customer managed KMS key.",
    severity: "medium",
    types: SNS_TOPIC_TYPES,
    problems: (_type, props) => snsTopicProblems(props),
});
