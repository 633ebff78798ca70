/**
 * The runtimes' secrets: each `secretValues` entry a runtime uses becomes a Secrets Manager
 * secret encrypted with the stack's KMS key (its value a Pulumi secret, so it is encrypted in
 * the state and never shown), and each runtime with secrets gets one role policy that reads
 * exactly its own (src/secrets/grants.ts). The agent gets each secret's ARN in the variable
 * named in `runtimes[i].secrets`.
 */
import * as aws from "../providers/aws";
import * as pulumi from "@pulumi/pulumi";
import { Environment, PRODUCTION } from "../aws/agentcore";
import { awsContextOutput } from "../aws/context";
import { COMPONENTS } from "../aws/tokens";
import { RuntimeConfig } from "../config/types";
import { secretReadPolicy } from "./grants";

export interface RuntimeSecretsArgs {
    /** The runtimes; only those with `secrets` get a policy. Required. */
    readonly runtimes: readonly RuntimeConfig[];
    /** `secretValues`, plaintext from config; wrapped in pulumi.secret here. Required (may be empty). */
    readonly secretValues: Readonly<Record<string, string>>;
    /** The stack's KMS key: encrypts the stored secrets. Required. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** The execution role the read policies attach to. Required. */
    readonly roleName: pulumi.Input<string>;
    /** Production keeps a deleted secret recoverable for 30 days, other stacks for 7. Required. */
    readonly environment: Environment;
    /** Protect the stored secrets from deletion. Default: false. */
    readonly protect?: boolean;
    /** Tags for the secrets (never a value). Default: none. */
    readonly tags?: Readonly<Record<string, string>>;
}

export class RuntimeSecrets extends pulumi.ComponentResource {
    /** Runtime name → env var name → secret ARN. */
    public readonly secretArns: Readonly<Record<string, Readonly<Record<string, pulumi.Output<string>>>>>;
    /** The read policies: a runtime depends on them, so its first session can read its secrets. */
    public readonly policies: pulumi.Resource[];

    constructor(name: string, args: RuntimeSecretsArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENTS.secrets, name, {}, opts);
        const child = { parent: this };
        const stored = new Map<string, aws.secretsmanager.Secret>();
        const storedNames = new Set(
            args.runtimes.flatMap((r) =>
                Object.values(r.secrets).flatMap((s) => (s.kind === "stored" ? [s.name] : [])),
            ),
        );
        for (const secretName of [...storedNames].sort()) {
            const value = args.secretValues[secretName];
            if (value === undefined) {
                throw new pulumi.ResourceError(`${name}: secretValues.${secretName} is used but not set`, this);
            }
            const secret = new aws.secretsmanager.Secret(
                `${name}-secret-${secretName}`,
                {
                    namePrefix: `${name}/${secretName}-`,
                    description: `${secretName} for the AgentCore runtimes of ${name} (value from the Pulumi stack's secret config)`,
                    kmsKeyId: args.kmsKeyArn,
                    recoveryWindowInDays: args.environment === PRODUCTION ? 30 : 7,
                    tags: { ...args.tags, SecretName: secretName },
                },
                { ...child, protect: args.protect ?? false },
            );
            new aws.secretsmanager.SecretVersion(
                `${name}-secret-${secretName}-value`,
                { secretId: secret.id, secretString: pulumi.secret(value) },
                child,
            );
            stored.set(secretName, secret);
        }

        const ctx = awsContextOutput(this);
        const secretArns: Record<string, Record<string, pulumi.Output<string>>> = {};
        const policies: pulumi.Resource[] = [];
        for (const runtime of args.runtimes) {
            const entries = Object.entries(runtime.secrets);
            if (entries.length === 0) {
                continue;
            }
            const arns: Record<string, pulumi.Output<string>> = {};
            const keyArns: pulumi.Input<string>[] = [];
            for (const [variable, source] of entries) {
                if (source.kind === "stored") {
                    arns[variable] = stored.get(source.name)!.arn;
                    keyArns.push(args.kmsKeyArn);
                } else {
                    arns[variable] = pulumi.output(source.arn);
                    if (source.kmsKeyArn) {
                        keyArns.push(source.kmsKeyArn);
                    }
                }
            }
            secretArns[runtime.name] = arns;
            policies.push(
                new aws.iam.RolePolicy(
                    `${name}-${runtime.name}-secrets`,
                    {
                        role: args.roleName,
                        name: `${runtime.name}-secrets`,
                        policy: pulumi
                            .all([ctx, pulumi.all(Object.values(arns)), pulumi.all(keyArns)])
                            .apply(([c, secrets, keys]) =>
                                JSON.stringify(
                                    secretReadPolicy({
                                        region: c.region,
                                        dnsSuffix: c.dnsSuffix,
                                        secretArns: secrets,
                                        keyArns: [...new Set(keys)],
                                    }),
                                ),
                            ),
                    },
                    child,
                ),
            );
        }
        this.secretArns = secretArns;
        this.policies = policies;
        this.registerOutputs({ secretArns: pulumi.output(secretArns) });
    }
}
