/**
 * Runtime capabilities in an agent stack: what needs a security group of its own (a managed
 * identity-provider path, EFS and S3 Files mounts) is refused, since the network stack owns
 * every group; a self-managed Lattice resource configuration and session storage plan; secrets
 * plan only when the network stack has a secretsmanager endpoint.
 */
import { expect } from "chai";
import * as path from "path";
import { runStack } from "../../src/plan/offline/runProgram";
import { NETWORK_OUTPUTS as OUTPUTS, NETWORK_STACK as NETWORK } from "./networkOutputs";
import { configProblems, FIXTURE_SOURCE_ROOT, FIXTURES_ROOT, rawStack } from "../helpers";
import { EFS_AP, S3_FILES_AP } from "../runtime/capabilityFacts";

const ROOT = path.join(FIXTURES_ROOT, "topology");
const DISCOVERY = "https://idp.internal.example.com/realms/agents/.well-known/openid-configuration";

/** The code fixture's one runtime with `extra` fields. */
function runtimes(extra: Record<string, unknown>): string {
    return JSON.stringify([
        {
            name: "code_agent",
            code: { path: "agents/support-agent/dist", runtime: "NODE_22", entryPoint: ["main.js"] },
            ...extra,
        },
    ]);
}

function agentProblems(extra: Record<string, unknown>): readonly string[] {
    return configProblems(
        rawStack("development", {
            stackKind: "agent",
            networkStack: NETWORK,
            availabilityZoneIds: undefined,
            endpointServices: undefined,
            endpointClientCidrs: undefined,
            runtimes: runtimes(extra),
        }),
    );
}

describe("topology: runtime capabilities in an agent stack", function () {
    this.timeout(60000);

    it("refuses a managed identity-provider path, naming the key", () => {
        const problems = agentProblems({
            authorizer: {
                discoveryUrl: DISCOVERY,
                allowedAudience: ["agents"],
                privateEndpoint: { managed: { idpCidrs: ["10.10.12.0/24"] } },
            },
        });
        expect(problems).to.deep.equal([
            `runtimes[0].authorizer.privateEndpoint "managed" is invalid: a resourceConfiguration in an agent stack: the managed path needs an identity-provider security group, which only a stack that owns the network creates (e.g. { resourceConfiguration: "rcfg-0123456789abcdef0" })`,
        ]);
    });

    it("a managed path's idpCidrs outside this stack's own (unused) vpcCidr: only the agent-stack refusal, no knock-on", () => {
        const problems = agentProblems({
            authorizer: {
                discoveryUrl: DISCOVERY,
                allowedAudience: ["agents"],
                privateEndpoint: { managed: { idpCidrs: ["10.40.12.0/24"] } },
            },
        });
        expect(problems).to.have.length(1);
        expect(problems[0]).to.match(/^runtimes\[0\]\.authorizer\.privateEndpoint "managed" is invalid/);
    });

    it("refuses a managed path in an override for another IdP domain, naming the override", () => {
        const problems = agentProblems({
            authorizer: {
                discoveryUrl: DISCOVERY,
                allowedAudience: ["agents"],
                privateEndpoint: { resourceConfiguration: "rcfg-0123456789abcdef0" },
                privateEndpointOverrides: [
                    {
                        domain: "keys.idp.internal.example.com",
                        privateEndpoint: { resourceConfiguration: "rcfg-0123456789abcdef0" },
                    },
                    { domain: "login.idp.internal.example.com", privateEndpoint: { managed: {} } },
                ],
            },
        });
        expect(problems).to.deep.equal([
            `runtimes[0].authorizer.privateEndpointOverrides[1].privateEndpoint "managed" is invalid: a resourceConfiguration in an agent stack: the managed path needs an identity-provider security group, which only a stack that owns the network creates (e.g. { resourceConfiguration: "rcfg-0123456789abcdef0" })`,
        ]);
    });

    it("near miss: a self-managed resource configuration is accepted", () => {
        const problems = agentProblems({
            authorizer: {
                discoveryUrl: DISCOVERY,
                allowedAudience: ["agents"],
                privateEndpoint: { resourceConfiguration: "rcfg-0123456789abcdef0" },
            },
        });
        expect(problems).to.deep.equal([]);
    });

    it("refuses EFS and S3 Files mounts, and accepts session storage beside them", () => {
        const problems = agentProblems({
            filesystems: [
                { kind: "sessionStorage", mountPath: "/mnt/workspace" },
                {
                    kind: "efs",
                    accessPointArn: EFS_AP,
                    fileSystemId: "fs-0123456789abcdef0",
                    mountPath: "/mnt/shared",
                },
            ],
        });
        expect(problems).to.deep.equal([
            `runtimes[0].filesystems[1].kind "efs" is invalid: sessionStorage in an agent stack: EFS and S3 Files need NFS egress on the runtime security group, which the network stack owns; mount them from an all-in-one stack (e.g. { kind: "sessionStorage", mountPath: "/mnt/workspace" })`,
        ]);
    });

    it("refuses an S3 Files mount alone", () => {
        expect(
            agentProblems({ filesystems: [{ kind: "s3Files", accessPointArn: S3_FILES_AP, mountPath: "/mnt/s3" }] }),
        ).to.deep.equal([
            `runtimes[0].filesystems[0].kind "s3Files" is invalid: sessionStorage in an agent stack: EFS and S3 Files need NFS egress on the runtime security group, which the network stack owns; mount them from an all-in-one stack (e.g. { kind: "sessionStorage", mountPath: "/mnt/workspace" })`,
        ]);
    });

    const secretRuntime = runtimes({
        secrets: {
            CRM_API_KEY_SECRET_ARN: {
                arn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:agents/development/crm-api-key-AbC123",
            },
        },
    });

    it("secrets without the network stack's secretsmanager endpoint: one clear error, nothing but the reference", async () => {
        const run = await runStack("agents-code", { runtimes: secretRuntime }, ROOT, FIXTURE_SOURCE_ROOT, {
            [NETWORK]: OUTPUTS,
        });
        expect(run.error?.message).to.contain(
            `networkStack "acme/agentcore-private/network" has no secretsmanager endpoint, which runtimes code_agent read their secrets through`,
        );
        expect(run.resources.map((r) => r.type)).to.deep.equal(["pulumi:pulumi:Stack", "pulumi:pulumi:StackReference"]);
    });

    it("near miss: with the endpoint, the role reads exactly that secret and the runtime gets its ARN", async () => {
        const run = await runStack("agents-code", { runtimes: secretRuntime }, ROOT, FIXTURE_SOURCE_ROOT, {
            [NETWORK]: {
                ...OUTPUTS,
                vpcEndpointIds: { ...OUTPUTS.vpcEndpointIds, secretsmanager: "vpce-0123456789abcdef0" },
            },
        });
        expect(run.error).to.equal(undefined);
        const runtime = run.resources.find((r) => r.type === "aws-native:bedrockagentcore:Runtime");
        expect(
            (runtime?.inputs.environmentVariables as Record<string, string> | undefined)?.CRM_API_KEY_SECRET_ARN,
        ).to.equal("arn:aws:secretsmanager:us-east-1:123456789012:secret:agents/development/crm-api-key-AbC123");
        const grants = run.resources
            .filter((r) => r.type === "aws:iam/rolePolicy:RolePolicy")
            .map((r) => String(r.inputs.policy))
            .filter((p) => p.includes("secretsmanager:GetSecretValue"));
        expect(grants).to.have.length(1);
        expect(grants[0]).to.contain(
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:agents/development/crm-api-key-AbC123",
        );
        expect(run.resources.filter((r) => r.type.startsWith("aws:ec2/"))).to.deep.equal([]);
    });
});
