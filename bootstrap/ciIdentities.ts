/**
 * The CI identities of one AWS account: GitHub's OIDC provider (created, or an existing
 * one trusted), a read-only preview role for pull requests, and per environment a deploy
 * role that only jobs in that GitHub environment can assume, with its scoped policy and
 * the deployer guardrail. Every role carries the CI permissions boundary.
 */
import * as aws from "../src/providers/aws";
import * as pulumi from "@pulumi/pulumi";
import { awsContextOutput } from "../src/aws/context";
import { capacityProviderArnPattern, deployerGuardrailDocument } from "../src/security/deployerGuardrail";
import { capacityProviderName } from "../src/compute/documents";
import { BootstrapConfig } from "./config";
import {
    applySplit,
    CI_NAME_PREFIX,
    ciBoundaryPolicy,
    deployPolicy,
    environmentSubject,
    GITHUB_OIDC_URL,
    githubTrustPolicy,
    LONGEST_CONTEXT,
    planSplit,
    previewPolicy,
    pullRequestSubject,
    STS_AUDIENCE,
} from "./iam";

export interface CiIdentitiesArgs {
    readonly config: BootstrapConfig;
}

/** One hour: a deployment that needs longer re-authenticates through the action. */
const SESSION_SECONDS = 3600;

export class CiIdentities extends pulumi.ComponentResource {
    public readonly oidcProviderArn: pulumi.Output<string>;
    public readonly previewRoleArn: pulumi.Output<string>;
    /** Environment name → deploy role ARN. */
    public readonly deployRoleArns: pulumi.Output<Record<string, string>>;
    public readonly boundaryPolicyArn: pulumi.Output<string>;

    constructor(name: string, args: CiIdentitiesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("agentcore:bootstrap:CiIdentities", name, {}, opts);
        const { config } = args;
        const ctx = awsContextOutput(this);
        const tags = {
            Project: "agentcore-bootstrap",
            Stack: config.stack,
            ManagedBy: "pulumi",
            Repository: config.githubRepository,
        };

        this.oidcProviderArn = config.oidcProviderArn
            ? pulumi.output(config.oidcProviderArn)
            : new aws.iam.OpenIdConnectProvider(
                  `${name}-github-oidc`,
                  {
                      url: GITHUB_OIDC_URL,
                      clientIdLists: [STS_AUDIENCE],
                      tags,
                  },
                  // An account has one provider per URL and every repository's roles trust it.
                  { parent: this, protect: true },
              ).arn;

        const boundary = new aws.iam.Policy(
            `${name}-boundary`,
            {
                name: `${CI_NAME_PREFIX}-boundary`,
                description:
                    "Permissions boundary of the agentcore CI roles: no changes to CI identities, no users or keys, no policy attachments.",
                policy: ctx.apply((c) => JSON.stringify(ciBoundaryPolicy(c))),
                tags,
            },
            { parent: this },
        );
        this.boundaryPolicyArn = boundary.arn;

        const preview = new aws.iam.Role(
            `${name}-preview`,
            {
                name: `${CI_NAME_PREFIX}-preview`,
                description: `Read-only: pulumi preview of ${config.mainProject} from pull requests of ${config.githubRepository}.`,
                assumeRolePolicy: this.oidcProviderArn.apply((arn) =>
                    JSON.stringify(githubTrustPolicy(arn, [pullRequestSubject(config.githubRepository)])),
                ),
                permissionsBoundary: boundary.arn,
                maxSessionDuration: SESSION_SECONDS,
                tags,
            },
            { parent: this },
        );
        new aws.iam.RolePolicy(
            `${name}-preview-read`,
            { role: preview.id, name: "preview-read-only", policy: ctx.apply((c) => JSON.stringify(previewPolicy(c))) },
            { parent: this },
        );
        this.previewRoleArn = preview.arn;

        const deployArns: Record<string, pulumi.Output<string>> = {};
        for (const env of config.environments) {
            // Names and the GitHub environment follow the main stack; for the three all-in-one
            // stacks it is the environment's name, as before.
            const stack = env.stack;
            const target = { stack, kind: env.kind, compute: env.compute, promoteFrom: env.promoteFrom };
            const role = new aws.iam.Role(
                `${name}-deploy-${stack}`,
                {
                    name: `${CI_NAME_PREFIX}-deploy-${stack}`,
                    description: `pulumi up/destroy of ${config.mainProject} stack ${stack}, from jobs in the GitHub environment ${stack} of ${config.githubRepository}.`,
                    assumeRolePolicy: this.oidcProviderArn.apply((arn) =>
                        JSON.stringify(githubTrustPolicy(arn, [environmentSubject(config.githubRepository, stack)])),
                    ),
                    permissionsBoundary: boundary.arn,
                    maxSessionDuration: SESSION_SECONDS,
                    tags: { ...tags, Environment: env.name },
                },
                { parent: this },
            );
            // Managed policies (inline ones are capped at 10,240 characters per role), split
            // where the 6,144-character limit of one managed policy requires. The split is
            // planned with the longest partition and region, so it is decided from plain
            // values (never inside apply) and fits the real, resolved ARNs.
            const groups = planSplit(deployPolicy(LONGEST_CONTEXT, env.name, target));
            const parts = groups.length;
            for (let part = 0; part < parts; part++) {
                const grants = new aws.iam.Policy(
                    `${name}-deploy-${stack}-grants-${part + 1}`,
                    {
                        name: `${CI_NAME_PREFIX}-deploy-${stack}-${part + 1}`,
                        description: `What pulumi up and destroy of the ${stack} stack need, scoped to its resources (part ${part + 1} of ${parts}).`,
                        policy: ctx.apply((c) =>
                            JSON.stringify(applySplit(deployPolicy(c, env.name, target), groups)[part]),
                        ),
                        tags,
                    },
                    { parent: this },
                );
                new aws.iam.RolePolicyAttachment(
                    `${name}-deploy-${stack}-grants-${part + 1}`,
                    { role: role.name, policyArn: grants.arn },
                    { parent: this },
                );
            }
            if (env.kind === "network") {
                // A network stack runs no runtime: nothing for the guardrail to fence.
                deployArns[stack] = role.arn;
                continue;
            }
            const guardrail = new aws.iam.Policy(
                `${name}-deploy-${stack}-guardrail`,
                {
                    name: `${CI_NAME_PREFIX}-guardrail-${stack}`,
                    description: `AgentCore runtimes of ${stack} only in its own subnets and security groups, and only its own capacity provider.`,
                    policy: ctx.apply((c) =>
                        JSON.stringify(
                            deployerGuardrailDocument({
                                subnetIds: env.subnetIds,
                                securityGroupIds: env.securityGroupIds,
                                capacityProviderArn:
                                    env.compute === "instances"
                                        ? capacityProviderArnPattern(c, capacityProviderName(stack))
                                        : undefined,
                            }),
                        ),
                    ),
                    tags,
                },
                { parent: this },
            );
            new aws.iam.RolePolicyAttachment(
                `${name}-deploy-${stack}-guardrail`,
                { role: role.name, policyArn: guardrail.arn },
                { parent: this },
            );
            deployArns[stack] = role.arn;
        }
        this.deployRoleArns = pulumi.output(deployArns);

        this.registerOutputs({
            oidcProviderArn: this.oidcProviderArn,
            previewRoleArn: this.previewRoleArn,
            deployRoleArns: this.deployRoleArns,
            boundaryPolicyArn: this.boundaryPolicyArn,
        });
    }
}
