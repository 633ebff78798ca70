/**
 * Log groups are encrypted with our KMS key and expire. Agent logs can carry prompts and
 * tool output; the default CloudWatch encryption is not under our key policy, and a group
 * without retention keeps (and bills) everything forever.
 */
import { TYPES } from "./types";
import { problemRule } from "./rule";
import { isSet, isUnknown } from "./values";

/** Both providers name the properties kmsKeyId and retentionInDays. */
export const LOG_GROUP_TYPES: readonly string[] = [TYPES.logGroup, TYPES.nativeLogGroup];

/** What is wrong with a log group's encryption and retention. */
export function logGroupProblems(props: Record<string, unknown>): string[] {
    const problems: string[] = [];
    if (!isSet(props.kmsKeyId)) {
        problems.push(
            "is not encrypted with a customer managed key: set kmsKeyId to the stack's KMS key ARN (its key policy must allow logs.<region>.amazonaws.com)",
        );
    }
    const retention = props.retentionInDays;
    if (!isUnknown(retention) && !(typeof retention === "number" && retention > 0)) {
        problems.push(
            "keeps its logs forever: set retentionInDays to one of the periods CloudWatch Logs accepts (e.g. 30 in development, at least 365 in production)",
        );
    }
    return problems;
}

export const logGroupEncryptedRetained = problemRule({
    name: "log-group-encrypted-with-retention",
    description: "CloudWatch log groups (aws and aws-native) set kmsKeyId and retentionInDays.",
    severity: "medium",
    types: LOG_GROUP_TYPES,
    problems: (_type, props) => logGroupProblems(props),
});
