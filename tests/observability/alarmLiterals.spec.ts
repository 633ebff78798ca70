/**
 * The alarms of each fixture stack with their thresholds, windows and periods written as
 * literals from the monitoring requirement (docs/monitoring.md, written once in ./requirements.ts),
 * not read from src/observability/thresholds.ts: a threshold or period changed in the code fails here.
 */
import { expect } from "chai";
import { STACKS, ofType, runStackOnce } from "../helpers";
import { ALARMS_BY_ENVIRONMENT, ALARM_KINDS, windowOf } from "./requirements";

type Row = [
    name: string,
    threshold: number,
    evaluationPeriods: number,
    datapointsToAlarm: number,
    periodSeconds: number,
];

/** The rows the requirement gives each stack, sorted by alarm kind. */
function expectedRows(stack: (typeof STACKS)[number]): Row[] {
    return ALARM_KINDS.map((kind): Row => {
        const w = windowOf(stack, kind);
        return [
            kind,
            ALARMS_BY_ENVIRONMENT[stack].threshold[kind],
            w.evaluationPeriods,
            w.datapointsToAlarm,
            w.periodSeconds,
        ];
    }).sort((a, b) => a[0].localeCompare(b[0]));
}

describe("alarms: thresholds, windows and periods as the requirement states them", function () {
    this.timeout(60000);
    for (const stack of STACKS) {
        it(stack, async () => {
            const run = await runStackOnce(stack);
            const rows = ofType(run, "aws:cloudwatch/metricAlarm:MetricAlarm")
                .filter((r) => r.name.includes("support_agent-"))
                .map((r): Row => {
                    const i = r.inputs as {
                        threshold: number;
                        evaluationPeriods: number;
                        datapointsToAlarm: number;
                        period?: number;
                        metricQueries?: { period?: number; metric?: { period: number } }[];
                    };
                    // A metric query carries its period in `metric`; a Contributor Insights expression on the query itself.
                    const periods = [
                        ...new Set(
                            (i.metricQueries ?? []).flatMap((q) =>
                                q.metric ? [q.metric.period] : q.period !== undefined ? [q.period] : [],
                            ),
                        ),
                    ];
                    expect(periods.length, r.name).to.be.at.most(1);
                    return [
                        r.name.split("support_agent-")[1],
                        i.threshold,
                        i.evaluationPeriods,
                        i.datapointsToAlarm,
                        i.period ?? periods[0],
                    ];
                });
            expect(rows.sort((a, b) => a[0].localeCompare(b[0]))).to.deep.equal(expectedRows(stack));
            for (const alarm of ofType(run, "aws:cloudwatch/metricAlarm:MetricAlarm")) {
                expect(alarm.inputs).to.deep.include({
                    comparisonOperator: "GreaterThanThreshold",
                    treatMissingData: "notBreaching",
                });
            }
        });
    }
});
