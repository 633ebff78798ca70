/**
 * The network stack's account singletons (src/observability/accountSingletons.ts), built alone
 * under the recording mocks: one CloudWatch Logs resource policy for vended delivery into every
 * stack's `/agentcore-*` groups, one X-Ray resource policy for every AgentCore runtime's trace
 * delivery ("Logs sent to CloudWatch Logs" and "Logs sent to X-Ray", CloudWatch Logs User Guide:
 * service delivery.logs.amazonaws.com, the account and delivery-source guards), and Transaction
 * Search only when asked, retained on delete and protected only when asked. Mock account
 * 123456789012, region us-east-1.
 */
import { expect } from "chai";
import { AccountSingletons } from "../../src/observability/accountSingletons";
import { TransactionSearch } from "../../src/observability/transactionSearch";
import { ProgramRun, RecordedResource, one, promiseOf, runComponent } from "../helpers";

const COMPONENT = "agentcore:monitoring:AccountSingletons";
const LOGS_POLICY = "aws:cloudwatch/logResourcePolicy:LogResourcePolicy";
const XRAY_POLICY = "aws:xray/resourcePolicy:ResourcePolicy";
const DESTINATION = "aws:xray/traceSegmentDestination:TraceSegmentDestination";

async function build(args: ConstructorParameters<typeof AccountSingletons>[1]) {
    let singletons: AccountSingletons | undefined;
    const run = await runComponent(
        () => {
            singletons = new AccountSingletons("agentcore-network", args);
            return {
                logDeliveryPolicyName: singletons.logDeliveryPolicyName,
                traceDeliveryPolicyName: singletons.traceDeliveryPolicyName,
            };
        },
        { stack: "network" },
    );
    expect(run.error, String(run.error)).to.equal(undefined);
    return { run, singletons: singletons! };
}

const documentOf = (r: RecordedResource) => JSON.parse(String(r.inputs.policyDocument)) as unknown;

describe("account singletons (network stack)", () => {
    it("one Logs resource policy: vended delivery writes streams and events into /agentcore-* groups of this account", async () => {
        const { run, singletons } = await build({});
        const component = one(run, COMPONENT);
        expect(component.name).to.equal("agentcore-network");
        const policy = one(run, LOGS_POLICY);
        expect(policy.name).to.equal("agentcore-network-log-delivery-policy");
        expect(policy.parent).to.equal(component.urn);
        expect(policy.inputs.policyName).to.equal("agentcore-network-log-delivery");
        expect(documentOf(policy)).to.deep.equal({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "VendedLogDeliveryToStackLogGroups",
                    Effect: "Allow",
                    Principal: { Service: "delivery.logs.amazonaws.com" },
                    Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                    Resource: "arn:aws:logs:us-east-1:123456789012:log-group:/agentcore-*:log-stream:*",
                    Condition: {
                        StringEquals: { "aws:SourceAccount": "123456789012" },
                        ArnLike: { "aws:SourceArn": "arn:aws:logs:us-east-1:123456789012:*" },
                    },
                },
            ],
        });
        expect(await promiseOf(singletons.logDeliveryPolicyName)).to.equal("agentcore-network-log-delivery");
    });

    it("one X-Ray resource policy: trace segments from deliveries of any AgentCore runtime of the account", async () => {
        const { run, singletons } = await build({});
        const policy = one(run, XRAY_POLICY);
        expect(policy.name).to.equal("agentcore-network-trace-delivery-policy");
        expect(policy.parent).to.equal(one(run, COMPONENT).urn);
        expect(policy.inputs.policyName).to.equal("agentcore-network-trace-delivery");
        expect(documentOf(policy)).to.deep.equal({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "VendedTraceDeliveryForStackRuntimes",
                    Effect: "Allow",
                    Principal: { Service: "delivery.logs.amazonaws.com" },
                    Action: ["xray:PutTraceSegments"],
                    Resource: "*",
                    Condition: {
                        "ForAllValues:ArnLike": {
                            "logs:LogGeneratingResourceArns": [
                                "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/*",
                            ],
                        },
                        StringEquals: { "aws:SourceAccount": "123456789012" },
                        ArnLike: { "aws:SourceArn": "arn:aws:logs:us-east-1:123456789012:delivery-source:*" },
                    },
                },
            ],
        });
        expect(await promiseOf(singletons.traceDeliveryPolicyName)).to.equal("agentcore-network-trace-delivery");
    });

    it("no Transaction Search unless asked: just the two policies", async () => {
        for (const args of [{}, { transactionSearch: false, protect: true }]) {
            const { run } = await build(args);
            expect(run.resources.filter((r) => r.custom).map((r) => r.type)).to.have.members([
                LOGS_POLICY,
                XRAY_POLICY,
            ]);
        }
    });

    it("Transaction Search when asked: retained on delete, protected only when asked", async () => {
        const check = (run: ProgramRun, protect: boolean) => {
            const component = one(run, COMPONENT);
            const destination = one(run, DESTINATION);
            expect(destination.name).to.equal("agentcore-network-transaction-search-segment-destination");
            expect(destination.inputs.destination).to.equal("CloudWatchLogs");
            const spans = one(run, LOGS_POLICY, "-spans-policy");
            expect(spans.name).to.equal("agentcore-network-transaction-search-spans-policy");
            expect(spans.inputs.policyName).to.equal("TransactionSearchXRayAccess");
            expect(documentOf(spans)).to.deep.equal({
                Version: "2012-10-17",
                Statement: [
                    {
                        Sid: "TransactionSearchXRayAccess",
                        Effect: "Allow",
                        Principal: { Service: "xray.amazonaws.com" },
                        Action: ["logs:PutLogEvents"],
                        Resource: [
                            "arn:aws:logs:us-east-1:123456789012:log-group:aws/spans:*",
                            "arn:aws:logs:us-east-1:123456789012:log-group:/aws/application-signals/data:*",
                        ],
                        Condition: {
                            ArnLike: { "aws:SourceArn": "arn:aws:xray:us-east-1:123456789012:*" },
                            StringEquals: { "aws:SourceAccount": "123456789012" },
                        },
                    },
                ],
            });
            for (const r of [destination, spans]) {
                expect(r.parent, r.name).to.equal(component.urn);
                expect(r.retainOnDelete, r.name).to.equal(true);
                expect(r.protect, r.name).to.equal(protect);
            }
            expect(destination.dependencies).to.include(spans.urn);
            // The account's delivery policies are never protected or retained here.
            expect(one(run, LOGS_POLICY, "-log-delivery-policy").protect).to.equal(false);
        };
        check((await build({ transactionSearch: true })).run, false);
        check((await build({ transactionSearch: true, protect: false })).run, false);
        check((await build({ transactionSearch: true, protect: true })).run, true);
    });
});

describe("Transaction Search of an all-in-one production stack", () => {
    it("its own component: the spans policy and the destination, retained, protected only when asked", async () => {
        for (const [args, protect] of [
            [{}, false],
            [{ protect: false }, false],
            [{ protect: true }, true],
        ] as const) {
            let search: TransactionSearch | undefined;
            const run = await runComponent(() => {
                search = new TransactionSearch("agentcore-production-transaction-search", args);
            });
            expect(run.error, String(run.error)).to.equal(undefined);
            const component = one(run, "agentcore:monitoring:TransactionSearch");
            const spans = one(run, LOGS_POLICY, "-spans-policy");
            const destination = one(run, DESTINATION);
            for (const r of [spans, destination]) {
                expect(r.parent, r.name).to.equal(component.urn);
                expect([r.retainOnDelete, r.protect], r.name).to.deep.equal([true, protect]);
            }
            expect(await promiseOf(search!.destination)).to.equal("CloudWatchLogs");
        }
    });
});
