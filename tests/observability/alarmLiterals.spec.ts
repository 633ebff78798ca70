/**
 * The alarms of each fixture stack with their thresholds, windows and periods written as
 * literals from the monitoring requirement (docs/monitoring.md), not read from
 * src/observability/thresholds.ts: a threshold or period changed in the code fails here.
 */
import { expect } from "chai";
import { STACKS, ofType, runStackOnce } from "../helpers";

type Row = [
    name: string,
    threshold: number,
    evaluationPeriods: number,
    datapointsToAlarm: number,
    periodSeconds: number,
];

const EXPECTED: Record<(typeof STACKS)[number], Row[]> = {
    // Development: 15 sustained minutes (3 of 3 five-minute periods); budget 512 units / 1024 MiB,
    // i.e. 0.5 vCPU and 1 GB for the busiest session, 2 of the last 15 five-minute periods
    // (usage data may lag up to 60 minutes); usage logs silent in 2 of 3 hours with invocations.
    development: [
        ["CpuPerSession", 0.5, 15, 2, 300],
        ["LatencyP99", 120000, 3, 3, 300],
        ["MemoryPerSession", 1, 15, 2, 300],
        ["SystemErrors", 10, 3, 3, 300],
        ["Throttles", 20, 3, 3, 300],
        ["UsageLogsSilent", 0, 3, 2, 3600],
        ["UserErrorRate", 25, 3, 3, 300],
    ],
    // Staging: 2 of 3 periods; budget 1024 units / 2048 MiB.
    staging: [
        ["CpuPerSession", 1, 15, 2, 300],
        ["LatencyP99", 60000, 3, 2, 300],
        ["MemoryPerSession", 2, 15, 2, 300],
        ["SystemErrors", 5, 3, 2, 300],
        ["Throttles", 10, 3, 2, 300],
        ["UsageLogsSilent", 0, 3, 2, 3600],
        ["UserErrorRate", 10, 3, 2, 300],
    ],
    // Production: any error or throttle in 2 of 3 periods pages; budget 2048 units / 4096 MiB.
    production: [
        ["CpuPerSession", 2, 15, 2, 300],
        ["LatencyP99", 30000, 3, 2, 300],
        ["MemoryPerSession", 4, 15, 2, 300],
        ["SystemErrors", 0, 3, 2, 300],
        ["Throttles", 0, 3, 2, 300],
        ["UsageLogsSilent", 0, 3, 2, 3600],
        ["UserErrorRate", 5, 3, 2, 300],
    ],
};

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
            expect(rows.sort((a, b) => a[0].localeCompare(b[0]))).to.deep.equal(EXPECTED[stack]);
            for (const alarm of ofType(run, "aws:cloudwatch/metricAlarm:MetricAlarm")) {
                expect(alarm.inputs).to.deep.include({
                    comparisonOperator: "GreaterThanThreshold",
                    treatMissingData: "notBreaching",
                });
            }
        });
    }
});
