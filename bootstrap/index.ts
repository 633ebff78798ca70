/**
 * Bootstrap for CI, wiring only: validated config in, the CI identities out, and the
 * exact GitHub variables the workflows read (bootstrap/README.md).
 */
import * as pulumi from "@pulumi/pulumi";
import { CiIdentities } from "./ciIdentities";
import { loadBootstrapConfig } from "./config";

// Throws one error listing every config problem before any resource is registered.
const config = loadBootstrapConfig();
const ci = new CiIdentities("agentcore-ci", { config });

export const oidcProviderArn = ci.oidcProviderArn;
export const previewRoleArn = ci.previewRoleArn;
export const deployRoleArns = ci.deployRoleArns;
export const boundaryPolicyArn = ci.boundaryPolicyArn;
/** Where each ARN goes in GitHub: the repository variable and each environment's variable. */
export const githubVariables = pulumi.all([ci.previewRoleArn, ci.deployRoleArns]).apply(([preview, deploy]) => ({
    repository: { AWS_ROLE_ARN: preview },
    environments: Object.fromEntries(Object.entries(deploy).map(([env, arn]) => [env, { AWS_ROLE_ARN: arn }])),
}));
