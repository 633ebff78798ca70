/**
 * The provider facades (src/providers): the program imports only the services it uses, and
 * gets the packages' own classes and functions, so no resource type token changes.
 */
import { expect } from "chai";
import * as aws from "../../src/providers/aws";
import * as awsNative from "../../src/providers/awsNative";
import * as awsx from "../../src/providers/awsx";

// The root packages, untyped on purpose: a typed import would make the type-check read every
// service's declarations, which the facades exist to avoid.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const rootAws = require("@pulumi/aws") as Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const rootAwsNative = require("@pulumi/aws-native") as Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const rootAwsxEcr = require("@pulumi/awsx/ecr") as Record<string, unknown>;

type Namespace = Record<string, unknown>;

/** The type token a resource class registers (a static the SDK keeps internal). */
function tokenOf(resourceClass: unknown): unknown {
    return (resourceClass as { __pulumiType?: unknown } | undefined)?.__pulumiType;
}

/** The resource classes of a service module: the exports that carry a type token. */
function tokens(namespace: Namespace): Record<string, string> {
    const found: Record<string, string> = {};
    for (const name of Object.keys(namespace)) {
        const token = tokenOf(namespace[name]);
        if (typeof token === "string") {
            found[name] = token;
        }
    }
    return found;
}

for (const [label, facade, root] of [
    ["aws", aws, rootAws],
    ["aws-native", awsNative, rootAwsNative],
] as const) {
    describe(`provider facade: ${label}`, () => {
        const facadeModules = Object.entries(facade as unknown as Namespace).filter(([, v]) => typeof v === "object");

        it("re-exports service modules of the package, each member the package's own", () => {
            expect(facadeModules.length).to.be.greaterThan(0);
            for (const [name, module] of facadeModules) {
                // The same members, the very same objects (a transpiler may wrap the module namespace itself).
                const members = Object.keys(module as object).filter((k) => k !== "default" && k !== "__esModule");
                expect(members, name).to.deep.equal(
                    Object.keys(root[name] as object).filter((k) => k !== "default" && k !== "__esModule"),
                );
                for (const member of members) {
                    expect((module as Namespace)[member], `${name}.${member}`).to.equal(
                        (root[name] as Namespace)[member],
                    );
                }
            }
        });

        it("gives every resource class the type token the root package gives it", () => {
            for (const [name, module] of facadeModules) {
                const mine = tokens(module as Namespace);
                expect(Object.keys(mine).length, `${name} has resource classes`).to.be.greaterThan(0);
                expect(mine, name).to.deep.equal(tokens(root[name] as Namespace));
            }
        });

        it("exports types only for `types` (no enum module is loaded)", () => {
            expect(Object.keys(facade)).to.not.include("types");
        });
    });
}

describe("provider facade: awsx", () => {
    it("hands out awsx's own image component, with its type token", () => {
        expect(awsx.ecr.Image).to.equal(rootAwsxEcr.Image);
        expect(tokenOf(awsx.ecr.Image)).to.equal("awsx:ecr:Image");
    });

    it("names nothing else of awsx (its ecr module's declarations would load the whole aws root)", () => {
        expect(Object.keys(awsx.ecr).sort()).to.deep.equal(["Image"]);
    });
});

describe("provider facade: the program's resources", () => {
    it("keeps the tokens the program registers", () => {
        // Literal tokens, as the engine and the policy pack know them.
        expect(tokenOf(aws.ec2.Vpc)).to.equal("aws:ec2/vpc:Vpc");
        expect(tokenOf(aws.ec2.VpcEndpoint)).to.equal("aws:ec2/vpcEndpoint:VpcEndpoint");
        expect(tokenOf(aws.vpc.SecurityGroupIngressRule)).to.equal(
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        );
        expect(tokenOf(aws.iam.Role)).to.equal("aws:iam/role:Role");
        expect(tokenOf(aws.kms.Key)).to.equal("aws:kms/key:Key");
        expect(tokenOf(aws.cloudwatch.MetricAlarm)).to.equal("aws:cloudwatch/metricAlarm:MetricAlarm");
        expect(tokenOf(aws.sns.Topic)).to.equal("aws:sns/topic:Topic");
        expect(tokenOf(aws.bedrock.AgentcoreAgentRuntime)).to.equal(
            "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime",
        );
        expect(tokenOf(awsNative.bedrockagentcore.Runtime)).to.equal("aws-native:bedrockagentcore:Runtime");
        expect(tokenOf(awsNative.bedrockagentcore.RuntimeEndpoint)).to.equal(
            "aws-native:bedrockagentcore:RuntimeEndpoint",
        );
    });

    it("hands out the package's own data-source functions", () => {
        expect(aws.getCallerIdentityOutput).to.equal(rootAws.getCallerIdentityOutput);
        expect(aws.getRegionOutput).to.equal(rootAws.getRegionOutput);
        expect(aws.getPartition).to.equal(rootAws.getPartition);
        expect(aws.getPartitionOutput).to.equal(rootAws.getPartitionOutput);
    });

    it("types input shapes through the facade (checked by the type-check of npm test)", () => {
        const dns: aws.types.input.ec2.VpcEndpointDnsOptions = { dnsRecordIpType: "ipv4" };
        const network: awsNative.types.input.bedrockagentcore.RuntimeNetworkConfigurationArgs = { networkMode: "VPC" };
        expect([dns.dnsRecordIpType, network.networkMode]).to.deep.equal(["ipv4", "VPC"]);
    });
});
