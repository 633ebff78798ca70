/**
 * The stack's KMS key (rotation on, a deletion window by environment) and its alias, created
 * as children of the component that owns them: AgentSecurity in all-in-one and agent stacks,
 * the network stack's NetworkKey in a network stack (it encrypts the flow-log group).
 */
import * as aws from "../providers/aws";
import * as pulumi from "@pulumi/pulumi";
import { Environment } from "../aws/agentcore";
import { awsContextOutput } from "../aws/context";
import { COMPONENTS } from "../aws/tokens";
import { keyDeletionWindowDays, kmsAliasName, kmsKeyDescription, kmsKeyPolicy } from "./kmsKey";

export interface StackKeyArgs {
    readonly environment: Environment;
    /** Protect the key and retain it on delete. */
    readonly protect: boolean;
    readonly tags: Readonly<Record<string, string>>;
    /**
     * Instances with persistent volumes: the capacity provider's operator role, which the key
     * policy admits for EBS only. Default: none.
     */
    readonly ebsOperatorRoleArn?: pulumi.Input<string>;
}

/** Creates the key and alias under `parent`, named `<name>-key` and `<name>-key-alias`. */
export function createStackKey(name: string, args: StackKeyArgs, parent: pulumi.Resource): aws.kms.Key {
    // Stateful: losing the key loses every log and message encrypted with it.
    const keyOpts = { parent, protect: args.protect };
    const key = new aws.kms.Key(
        `${name}-key`,
        {
            description: kmsKeyDescription(args.environment, args.ebsOperatorRoleArn !== undefined),
            enableKeyRotation: true,
            deletionWindowInDays: keyDeletionWindowDays(args.environment),
            policy: pulumi
                .all([awsContextOutput(parent), args.ebsOperatorRoleArn])
                .apply(([t, ebsOperatorRoleArn]) => JSON.stringify(kmsKeyPolicy({ ...t, ebsOperatorRoleArn }))),
            tags: { ...args.tags },
        },
        { ...keyOpts, retainOnDelete: args.protect },
    );
    new aws.kms.Alias(`${name}-key-alias`, { name: kmsAliasName(name), targetKeyId: key.keyId }, keyOpts);
    return key;
}

/** A network stack's key, on its own: a network stack has no execution role. */
export class StackKey extends pulumi.ComponentResource {
    public readonly kmsKeyArn: pulumi.Output<string>;

    constructor(name: string, args: StackKeyArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENTS.stackKey, name, {}, opts);
        this.kmsKeyArn = createStackKey(name, args, this).arn;
        this.registerOutputs({ kmsKeyArn: this.kmsKeyArn });
    }
}
