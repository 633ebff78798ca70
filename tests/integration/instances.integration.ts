/**
 * The real Instances test, run only by `npm run test:integration` (tests/integration/run.ts
 * checks the prerequisites first and prints one line naming what is missing, AWS credentials
 * among them, instead of running). It deploys an ephemeral stack on `computeType: instances`,
 * waits for the capacity provider's runtime to be READY, invokes the sample agent (the session
 * is one EC2 managed instance in this account), then checks that instance's reachability: it
 * runs in one of the stack's agent subnets with only the runtime security group and has no
 * public IP address. It always tears the stack down (the two passes of `npm run teardown`).
 */
import { DescribeInstancesCommand, EC2Client, Instance } from "@aws-sdk/client-ec2";
import { expect } from "chai";
import { randomUUID } from "crypto";
import { invokeSampleAgent } from "./invoke";
import { IT_ENV } from "./prerequisites";
import { log, sandboxStackHooks, sleep, waitForRuntimeReady } from "./sandboxStack";
import { ephemeralStackName, instancesStackConfig, IT_RUNTIME } from "./stackConfig";

const env = process.env;
const region = env[IT_ENV.region] as string;

interface Outputs {
    runtime: { arn: string; id: string };
    agentSubnetIds: string[];
    runtimeSecurityGroupId: string;
    vpcId: string;
    compute: { type: string; capacityProviderArn: string; instanceTypes: string[] };
}

/** The instances in the stack's VPC that are pending or running (the sessions' instances). */
async function sessionInstances(ec2: EC2Client, vpcId: string): Promise<Instance[]> {
    const { Reservations } = await ec2.send(
        new DescribeInstancesCommand({
            Filters: [
                { Name: "vpc-id", Values: [vpcId] },
                { Name: "instance-state-name", Values: ["pending", "running"] },
            ],
        }),
    );
    return (Reservations ?? []).flatMap((r) => r.Instances ?? []);
}

describe("integration: an Instances runtime in a sandbox account", function () {
    const stackName = `${ephemeralStackName(new Date(), randomUUID())}-ins`;
    let out: Outputs;
    const up = sandboxStackHooks(
        stackName,
        () => instancesStackConfig(env),
        `(computeType instances) in ${region}`,
        env,
    );

    it("deploys with `up`: a capacity provider, and the runtime on it", async () => {
        const outputs = await up();
        const value = (name: string) => outputs[name]?.value;
        out = {
            runtime: (value("runtimes") as Record<string, { arn: string; id: string }>)[IT_RUNTIME],
            agentSubnetIds: value("agentSubnetIds") as string[],
            runtimeSecurityGroupId: value("runtimeSecurityGroupId") as string,
            vpcId: value("vpcId") as string,
            compute: value("compute") as Outputs["compute"],
        };
        expect(out.compute.type).to.equal("instances");
        expect(out.compute.capacityProviderArn).to.match(/^arn:aws[a-z-]*:bedrock-agentcore:.*:capacity-provider\//);
        log(`allowed instance types: ${out.compute.instanceTypes.join(", ")}`);
    });

    it("the runtime reaches READY", async () => {
        await waitForRuntimeReady(region, out.runtime.id, 30);
    });

    it("invokes the sample agent on an instance", async () => {
        await invokeSampleAgent(region, out.runtime.arn, env, log);
    });

    it("the session's instance is private: in an agent subnet, only the runtime security group, no public IP", async () => {
        const ec2 = new EC2Client({ region });
        // The session's instance stays until the idle timeout (300 s); it may take a moment to list.
        const deadline = Date.now() + 5 * 60 * 1000;
        let instances = await sessionInstances(ec2, out.vpcId);
        while (instances.length === 0 && Date.now() < deadline) {
            await sleep(15_000);
            instances = await sessionInstances(ec2, out.vpcId);
        }
        expect(instances, `no instance in ${out.vpcId} after the invocation`).to.not.have.length(0);
        for (const instance of instances) {
            const id = instance.InstanceId;
            log(
                `instance ${id} (${instance.InstanceType}) in ${instance.SubnetId}, private IP ${instance.PrivateIpAddress}`,
            );
            expect(out.agentSubnetIds, `${id} subnet`).to.include(instance.SubnetId);
            expect(out.compute.instanceTypes, `${id} type`).to.include(instance.InstanceType);
            expect(instance.PublicIpAddress, `${id} public IP`).to.equal(undefined);
            expect(instance.PublicDnsName ?? "", `${id} public DNS name`).to.equal("");
            for (const eni of instance.NetworkInterfaces ?? []) {
                expect(eni.Association?.PublicIp, `${id} ENI ${eni.NetworkInterfaceId} public IP`).to.equal(undefined);
            }
            expect(
                (instance.SecurityGroups ?? []).map((g) => g.GroupId),
                `${id} security groups`,
            ).to.deep.equal([out.runtimeSecurityGroupId]);
        }
    });
});
