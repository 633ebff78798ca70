/**
 * Every metric alarm notifies someone. An alarm without alarmActions (or with actions
 * disabled) changes state on a dashboard nobody watches.
 */
import { TYPES } from "./types";
import { problemRule } from "./rule";
import { isUnknown, list } from "./values";

/** Both providers name the properties alarmActions and actionsEnabled. */
export const ALARM_TYPES: readonly string[] = [TYPES.metricAlarm, TYPES.nativeAlarm];

/**
 * What is wrong with an alarm's actions. A list of known length counts even when its ARNs
 * are unknown (the topic is created in the same preview): only emptiness is wrong.
 */
export function alarmActionProblems(props: Record<string, unknown>): string[] {
    const problems: string[] = [];
    if (!isUnknown(props.alarmActions) && list(props.alarmActions).length === 0) {
        problems.push(
            "has no alarmActions, so nobody is notified when it fires: set alarmActions to the stack's alarm SNS topic ARN",
        );
    }
    if (props.actionsEnabled === false) {
        problems.push("has actionsEnabled: false, so its actions never run: remove actionsEnabled or set it to true");
    }
    return problems;
}

export const alarmActions = problemRule({
    name: "metric-alarm-has-actions",
    description:
        "CloudWatch metric alarms (aws MetricAlarm, aws-native Alarm) have alarmActions and do not disable them.",
    severity: "medium",
    types: ALARM_TYPES,
    problems: (_type, props) => alarmActionProblems(props),
});
