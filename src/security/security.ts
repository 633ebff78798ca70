/**
 * Identity and encryption for the stack: the execution role AgentCore runtimes assume, its
 * inline permissions, and the customer-managed KMS key the log groups and alarm topic use.
 * Every document is built by a pure function in src/security; this file only wires them to
 * the account, region and partition the provider reports.
 */
import * as aws from "../providers/aws";
import * as pulumi from "@pulumi/pulumi";
import { createStackKey } from "./stackKey";
import { Environment } from "../aws/agentcore";
import { RuntimeConfig } from "../config";
import { executionRolePolicy, executionRoleTrustPolicy } from "./executionRole";
import { filesystemGrantPolicy } from "./filesystemGrants";
import { KeyPolicyInput } from "./kmsKey";
import { awsContextOutput } from "../aws/context";
import { COMPONENTS } from "../aws/tokens";
import { operatorRoleTrustPolicy } from "../compute/documents";

export interface AgentSecurityArgs {
    /** Selects the key deletion window (30 days in production). Required; no default. */
    readonly environment: Environment;
    /** The runtimes the role is trusted by and scoped to. Required, at least one; no default. */
    readonly runtimes: readonly RuntimeConfig[];
    /** Model and inference-profile ARNs the runtimes may invoke. Default: none (no model statement). */
    readonly modelArns: readonly string[];
    /** Protect (and retain on delete) the KMS key and its alias. Required; true in production. */
    readonly protect: boolean;
    /** Tags for the role and the key. Default: none beyond the provider's. */
    readonly tags: Readonly<Record<string, string>>;
    /**
     * Instances: the capacity provider's operator role is made here, before the key, so that
     * the key policy can admit it for EBS when the provider has persistent volumes. Default:
     * none (microVMs: no operator role).
     */
    readonly instances?: {
        /** The capacity provider's AWS name (in the role's description). */
        readonly providerName: string;
        /** Whether the provider has persistent volumes encrypted with the stack key. */
        readonly volumes: boolean;
    };
}

export class AgentSecurity extends pulumi.ComponentResource {
    public readonly executionRoleArn: pulumi.Output<string>;
    public readonly executionRoleName: pulumi.Output<string>;
    public readonly kmsKeyArn: pulumi.Output<string>;
    /** Every policy resource attached to the role: runtimes depend on these, since CreateAgentRuntime checks ECR access with the role. */
    public readonly rolePolicies: pulumi.Resource[];
    /** Instances: the operator role AgentCore assumes to manage the instances. Undefined on microVMs. */
    public readonly operatorRole?: aws.iam.Role;

    constructor(name: string, args: AgentSecurityArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENTS.security, name, {}, opts);

        // The validated StackConfig (src/config) holds the rules the documents rely on: at least
        // one runtime, model ARNs without wildcards.

        // Account, region and partition as the provider sees them: ARNs are never hard-coded.
        const target: pulumi.Output<KeyPolicyInput> = awsContextOutput(this);
        const roleInput = target.apply((t) => ({ ...t, runtimes: args.runtimes, modelArns: args.modelArns }));

        const role = new aws.iam.Role(
            `${name}-execution-role`,
            {
                description: `AgentCore runtime execution role (${args.runtimes.map((r) => r.runtimeName).join(", ")})`,
                assumeRolePolicy: roleInput.apply((i) => JSON.stringify(executionRoleTrustPolicy(i))),
                tags: { ...args.tags },
            },
            { parent: this },
        );

        // Inline only: the permissions live and die with the role, and no managed policy
        // can widen them behind this program's back.
        const permissions = new aws.iam.RolePolicy(
            `${name}-execution-policy`,
            {
                role: role.name,
                name: "agentcore-runtime-access",
                policy: roleInput.apply((i) => JSON.stringify(executionRolePolicy(i))),
            },
            { parent: this },
        );

        // Instances: the operator role exists before the key whose policy may name it. It was
        // AgentCapacity's child before the key policy needed it; the alias keeps it in place.
        if (args.instances) {
            this.operatorRole = new aws.iam.Role(
                `${name}-operator-role`,
                {
                    description: `AgentCore Instances operator role (${args.instances.providerName})`,
                    assumeRolePolicy: target.apply((c) => JSON.stringify(operatorRoleTrustPolicy(c.accountId))),
                    tags: { ...args.tags },
                },
                { parent: this, aliases: [{ parent: pulumi.createUrn(name, COMPONENTS.capacity) }] },
            );
        }

        const key = createStackKey(
            name,
            {
                environment: args.environment,
                protect: args.protect,
                tags: args.tags,
                ebsOperatorRoleArn: args.instances?.volumes ? this.operatorRole?.arn : undefined,
            },
            this,
        );

        this.executionRoleArn = role.arn;
        this.executionRoleName = role.name;
        this.kmsKeyArn = key.arn;
        // One policy per runtime that mounts its own file systems: exactly those, through
        // exactly those access points (src/security/filesystemGrants.ts).
        const mounts = args.runtimes.flatMap((runtime) => {
            const document = filesystemGrantPolicy(runtime.filesystems);
            return document
                ? [
                      new aws.iam.RolePolicy(
                          `${name}-${runtime.name}-filesystems`,
                          { role: role.name, name: `${runtime.name}-filesystems`, policy: JSON.stringify(document) },
                          { parent: this },
                      ),
                  ]
                : [];
        });
        this.rolePolicies = [permissions, ...mounts];

        this.registerOutputs({
            executionRoleArn: this.executionRoleArn,
            executionRoleName: this.executionRoleName,
            kmsKeyArn: this.kmsKeyArn,
        });
    }
}
