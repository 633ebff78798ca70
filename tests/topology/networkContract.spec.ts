/**
 * The network stack's output contract (docs/topology.md, "Network stack outputs"), one output
 * at a time: what passes, each refusal with the exact message an agent stack's deploy shows, and
 * the values a StackReference can carry that only look right (a number or a one-element list
 * that prints like an ID). Pure: checkNetworkOutputs and agentNeedsProblems called directly.
 */
import { expect } from "chai";
import { agentNeedsProblems, checkNetworkOutputs } from "../../src/topology/networkContract";
import { NETWORK_OUTPUTS as GOOD } from "./networkOutputs";

const NET = "acme/p/network";
const problemsWith = (changes: Record<string, unknown>, region = "us-east-1") =>
    checkNetworkOutputs(NET, { ...GOOD, ...changes }, region).problems;
const invalid = (name: string, shown: string, allowed: string) =>
    `networkStack ${NET} output ${name} ${shown} is invalid: ${allowed}`;

describe("topology: the network output contract, output by output", () => {
    it("the documented outputs are the facts, whole: nothing dropped, renamed or converted", () => {
        const written = structuredClone(GOOD);
        expect(checkNetworkOutputs(NET, structuredClone(GOOD), "us-east-1")).to.deep.equal({
            problems: [],
            facts: written,
        });
        // Near miss: an output the contract does not name is not carried into the facts.
        expect(checkNetworkOutputs(NET, { ...structuredClone(GOOD), extra: "x" }, "us-east-1").facts).to.deep.equal(
            written,
        );
    });

    describe("region", () => {
        it("a malformed region is one problem: not compared with the agent stack's as well", () => {
            for (const region of ["US-EAST-1", "xus-east-1", "us-east-1a", "us-east"]) {
                expect(problemsWith({ region }), region).to.deep.equal([
                    `${invalid("region", `"${region}"`, "an AWS region")} (e.g. "us-east-1")`,
                ]);
            }
            expect(problemsWith({ region: "" })).to.deep.equal([
                `${invalid("region", `""`, "an AWS region")} (e.g. "us-east-1")`,
            ]);
        });
        it("near miss: a region with several parts (us-gov-west-1) passes when it is the agent stack's", () => {
            expect(problemsWith({ region: "us-gov-west-1" }, "us-gov-west-1")).to.deep.equal([]);
            expect(problemsWith({ region: "ap-southeast-2" }, "ap-southeast-2")).to.deep.equal([]);
        });
    });

    it("accountId: 12 digits as text; a number that prints like one is refused", () => {
        const allowed = `a 12-digit AWS account ID (e.g. "123456789012")`;
        expect(problemsWith({ accountId: "12345678901" })).to.deep.equal([
            `${invalid("accountId", `"12345678901"`, allowed)}`,
        ]);
        expect(problemsWith({ accountId: 123456789012 })).to.deep.equal([
            `${invalid("accountId", "123456789012", allowed)}`,
        ]);
    });

    it("vpcId, vpcCidr and the two security groups: each refused with its own example", () => {
        expect(
            problemsWith({
                vpcId: "vpc-XYZ",
                vpcCidr: "10.40.0.0",
                runtimeSecurityGroupId: "sg-1",
                endpointSecurityGroupId: ["sg-0f1e2d3c4b5a69788"],
            }),
        ).to.deep.equal([
            `${invalid("vpcId", `"vpc-XYZ"`, "a VPC ID")} (e.g. "vpc-0a1b2c3d4e5f60718")`,
            `${invalid("vpcCidr", `"10.40.0.0"`, "the VPC's IPv4 CIDR")} (e.g. "10.40.0.0/16")`,
            `${invalid("runtimeSecurityGroupId", `"sg-1"`, "a security group ID")} (e.g. "sg-0a1b2c3d4e5f60718")`,
            `${invalid("endpointSecurityGroupId", `["sg-0f1e2d3c4b5a69788"]`, "a security group ID (a network stack owns its endpoints)")} (e.g. "sg-0f1e2d3c4b5a69788")`,
        ]);
    });

    describe("agentSubnetIds", () => {
        const refused = (value: unknown) => [
            `${invalid("agentSubnetIds", JSON.stringify(value), "a list of at least 2 subnet IDs")} (e.g. ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"])`,
        ];
        it("refuses one bad ID among good ones, and an ID inside a list", () => {
            for (const value of [
                ["subnet-0a1b2c3d4e5f60718", "subnet-XYZ"],
                ["subnet-XYZ", "subnet-0a1b2c3d4e5f60718"],
                [["subnet-0a1b2c3d4e5f60718"], "subnet-0f1e2d3c4b5a69788"],
            ]) {
                expect(problemsWith({ agentSubnetIds: value }), JSON.stringify(value)).to.deep.equal(refused(value));
            }
        });
        it("near miss: three good IDs pass", () => {
            expect(
                problemsWith({
                    agentSubnetIds: [
                        "subnet-0a1b2c3d4e5f60718",
                        "subnet-0f1e2d3c4b5a69788",
                        "subnet-0123456789abcdef0",
                    ],
                }),
            ).to.deep.equal([]);
        });
    });

    describe("vpcEndpointIds", () => {
        const refused = (shown: string) => [
            `${invalid("vpcEndpointIds", shown, "a map of service suffix to VPC endpoint ID that includes bedrock-agentcore (the inbound fence names it)")} (e.g. { "bedrock-agentcore": "vpce-0a1b2c3d4e5f60718" })`,
        ];
        it("refuses what is not a map: text, a number, null, a list", () => {
            expect(problemsWith({ vpcEndpointIds: "" })).to.deep.equal(refused(`""`));
            expect(problemsWith({ vpcEndpointIds: 5 })).to.deep.equal(refused("5"));
            expect(problemsWith({ vpcEndpointIds: null })).to.deep.equal(refused("null"));
            expect(problemsWith({ vpcEndpointIds: ["vpce-0a1b2c3d4e5f60718"] })).to.deep.equal(
                refused(`["vpce-0a1b2c3d4e5f60718"]`),
            );
        });
        it("refuses one bad endpoint ID beside bedrock-agentcore's, and an ID inside a list", () => {
            const bad = { "bedrock-agentcore": "vpce-0a1b2c3d4e5f60718", s3: "vpce-XYZ" };
            expect(problemsWith({ vpcEndpointIds: bad })).to.deep.equal(refused(JSON.stringify(bad)));
            const listed = { "bedrock-agentcore": ["vpce-0a1b2c3d4e5f60718"] };
            expect(problemsWith({ vpcEndpointIds: listed })).to.deep.equal(refused(JSON.stringify(listed)));
            const first = { s3: "vpce-XYZ", "bedrock-agentcore": "vpce-0a1b2c3d4e5f60718" };
            expect(problemsWith({ vpcEndpointIds: first })).to.deep.equal(refused(JSON.stringify(first)));
        });
        it("near miss: bedrock-agentcore alone passes", () => {
            expect(problemsWith({ vpcEndpointIds: { "bedrock-agentcore": "vpce-0a1b2c3d4e5f60718" } })).to.deep.equal(
                [],
            );
        });
    });
});

describe("topology: what an agent stack's runtimes need from the network stack", () => {
    const facts = checkNetworkOutputs(NET, GOOD, "us-east-1").facts!;
    const runtimes = [
        { name: "code_agent", secrets: { API_TOKEN: {} } },
        { name: "plain_agent", secrets: {} },
        { name: "image_agent", secrets: { DB_PASSWORD: {} } },
    ];
    it("names every runtime that reads secrets when the network has no secretsmanager endpoint", () => {
        expect(agentNeedsProblems(NET, facts, runtimes)).to.deep.equal([
            `networkStack "${NET}" has no secretsmanager endpoint, which runtimes code_agent, image_agent read their secrets through: add it to the network stack's endpointServices (e.g. endpointServices: ["bedrock-runtime", "secretsmanager"]) and update that stack first`,
        ]);
    });
    it("near misses: with the endpoint, or without a runtime that reads secrets, nothing", () => {
        const withEndpoint = {
            ...facts,
            vpcEndpointIds: { ...facts.vpcEndpointIds, secretsmanager: "vpce-0123456789abcdef0" },
        };
        expect(agentNeedsProblems(NET, withEndpoint, runtimes)).to.deep.equal([]);
        expect(agentNeedsProblems(NET, facts, [runtimes[1]])).to.deep.equal([]);
    });
});
