/**
 * What the integration test needs from its environment, checked before anything runs.
 * Without all of it the test prints ONE line naming what is missing and exits 0, so it
 * never fails where no sandbox account is configured (here, or in `npm test`).
 */

export type Env = Readonly<Record<string, string | undefined>>;

/** The environment variables the test reads (docs/delivery.md, "Integration test"). */
export const IT_ENV = {
    region: "AGENTCORE_IT_REGION",
    containerUri: "AGENTCORE_IT_CONTAINER_URI",
    azIds: "AGENTCORE_IT_AZ_IDS",
    modelArns: "AGENTCORE_IT_MODEL_ARNS",
    payload: "AGENTCORE_IT_PAYLOAD",
    runtimeJson: "AGENTCORE_IT_RUNTIME_JSON",
    metricWaitMinutes: "AGENTCORE_IT_METRIC_WAIT_MINUTES",
    teardownWaitMinutes: "AGENTCORE_IT_TEARDOWN_MAX_WAIT_MINUTES",
} as const;

const set = (env: Env, name: string) => (env[name] ?? "") !== "";

/** AWS credentials the SDKs and the providers find in the environment. */
export function hasAwsCredentials(env: Env): boolean {
    return (
        (set(env, "AWS_ACCESS_KEY_ID") && set(env, "AWS_SECRET_ACCESS_KEY")) ||
        set(env, "AWS_PROFILE") ||
        (set(env, "AWS_WEB_IDENTITY_TOKEN_FILE") && set(env, "AWS_ROLE_ARN")) ||
        set(env, "AWS_CONTAINER_CREDENTIALS_FULL_URI") ||
        set(env, "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")
    );
}

/** Where the ephemeral stack's state goes, and how its secrets are encrypted. */
function backendProblem(env: Env): string | undefined {
    if (set(env, "PULUMI_ACCESS_TOKEN")) {
        return undefined;
    }
    if (!set(env, "PULUMI_BACKEND_URL")) {
        return "a Pulumi backend (PULUMI_ACCESS_TOKEN for Pulumi Cloud, or PULUMI_BACKEND_URL, e.g. file://~/.pulumi-it)";
    }
    if (!set(env, "PULUMI_CONFIG_PASSPHRASE") && !set(env, "PULUMI_CONFIG_PASSPHRASE_FILE")) {
        return "PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE) for the self-managed backend";
    }
    return undefined;
}

/** Everything missing, in the order a person would set it up. */
export function missingPrerequisites(env: Env, pulumiCli: boolean): string[] {
    const missing: string[] = [];
    if (!pulumiCli) {
        missing.push("the Pulumi CLI on PATH");
    }
    if (!hasAwsCredentials(env)) {
        missing.push("AWS credentials for a sandbox account (AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or AWS_WEB_IDENTITY_TOKEN_FILE/AWS_ROLE_ARN)");
    }
    if (!set(env, IT_ENV.region)) {
        missing.push(`${IT_ENV.region} (a region where AgentCore runs in a VPC, e.g. us-east-1)`);
    }
    if (!set(env, IT_ENV.containerUri) && !set(env, IT_ENV.runtimeJson)) {
        missing.push(`${IT_ENV.containerUri} (the sample agent's image in that region's ECR) or ${IT_ENV.runtimeJson}`);
    }
    const backend = backendProblem(env);
    if (backend) {
        missing.push(backend);
    }
    return missing;
}

/** The one line printed when the test cannot run. */
export function skipLine(missing: readonly string[]): string {
    return `test:integration skipped (exit 0): it deploys a real stack and needs ${missing.join("; ")}.`;
}
