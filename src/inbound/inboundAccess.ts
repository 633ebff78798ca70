/**
 * The inbound fence of one runtime: a resource-based policy on the runtime and on each of
 * its configured endpoints that denies invocation from outside the stack's VPC
 * (src/inbound/resourcePolicy.ts). AgentCore checks the runtime's policy on every
 * invocation and the endpoint's as well when one exists (hierarchical authorization), so the
 * runtime's policy also covers the service-managed DEFAULT endpoint. `access: iam` creates
 * nothing: the runtime is then reachable by IAM alone (refused in production by config).
 */
import * as aws from "../providers/aws";
import * as awsNative from "../providers/awsNative";
import * as pulumi from "@pulumi/pulumi";
import { RuntimeProvider } from "../aws/agentcore";
import { RuntimeConfig } from "../config/types";
import { runtimeAccessPolicy } from "./resourcePolicy";
import { awsContextOutput } from "../aws/context";
import { COMPONENTS } from "../aws/tokens";

export interface RuntimeInboundAccessArgs {
    /** The validated runtime config (access mode, allowed principals, authorizer, endpoints). Required. */
    readonly runtime: RuntimeConfig;
    /** Which provider creates the policy resources, the runtime's own. Default: "aws-native". */
    readonly provider?: RuntimeProvider;
    /** The runtime's ARN. Required. */
    readonly runtimeArn: pulumi.Input<string>;
    /**
     * Endpoint name → endpoint ARN of the configured endpoints (AgentRuntime.endpointArnsByName).
     * A plain map, so a missing endpoint is found when the component is built, at preview,
     * not inside an `apply` at update time. Default: none.
     */
    readonly endpointArns?: Readonly<Record<string, pulumi.Input<string>>>;
    /** The VPC the fence admits (created or adopted). Required. */
    readonly vpcId: pulumi.Input<string>;
    /** The stack's bedrock-agentcore interface endpoint; undefined when another stack owns it. Default: none. */
    readonly agentcoreEndpointId?: pulumi.Input<string | undefined>;
}

export class RuntimeInboundAccess extends pulumi.ComponentResource {
    /** Role (`resource-policy`, `endpoint-<name>-resource-policy`) → policy JSON; {} with access iam. */
    public readonly policies: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: RuntimeInboundAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENTS.inboundAccess, name, {}, opts);
        const { runtime } = args;
        const child = { parent: this };
        const policies: Record<string, pulumi.Output<string>> = {};

        // Decided from plain config, so preview shows every policy resource. Config refuses
        // duplicate endpoint names (src/runtime/config.ts) and the runtime creates one endpoint
        // per configured name, so a missing ARN is a wiring mistake: refused here, synchronously,
        // before any child is registered.
        if (runtime.access === "vpc") {
            const endpointArns = args.endpointArns ?? {};
            const missing = runtime.endpoints.map((e) => e.name).filter((n) => endpointArns[n] === undefined);
            if (missing.length > 0) {
                throw new pulumi.ResourceError(
                    `runtime ${runtime.name}: no ARN for endpoint${missing.length === 1 ? "" : "s"} ${missing.join(", ")} (pass AgentRuntime.endpointArnsByName)`,
                    this,
                );
            }
            const targets: [string, pulumi.Input<string>][] = [
                ["resource-policy", args.runtimeArn],
                ...runtime.endpoints.map((e): [string, pulumi.Input<string>] => [
                    `endpoint-${e.name}-resource-policy`,
                    endpointArns[e.name],
                ]),
            ];
            const native = (args.provider ?? "aws-native") === "aws-native";
            for (const [role, resourceArn] of targets) {
                // One document per target: its statements name the exact ARN it is attached to.
                const document = pulumi
                    .all([awsContextOutput(this), args.vpcId, args.agentcoreEndpointId, resourceArn])
                    .apply(([ctx, vpcId, agentcoreEndpointId, arn]) =>
                        JSON.stringify(
                            runtimeAccessPolicy({
                                resourceArn: arn,
                                partition: ctx.partition,
                                accountId: ctx.accountId,
                                vpcId,
                                agentcoreEndpointId: agentcoreEndpointId || undefined,
                                authentication: runtime.authorizer ? "jwt" : "sigv4",
                                allowedPrincipals: runtime.allowedPrincipals,
                            }),
                        ),
                    );
                const policyArgs = { resourceArn, policy: document };
                const created = native
                    ? new awsNative.bedrockagentcore.ResourcePolicy(`${name}-${role}`, policyArgs, child)
                    : new aws.bedrock.AgentcoreResourcePolicy(`${name}-${role}`, policyArgs, child);
                policies[role] = created.policy;
            }
        }
        this.policies = pulumi.output(policies);
        this.registerOutputs({ policies: this.policies });
    }
}
