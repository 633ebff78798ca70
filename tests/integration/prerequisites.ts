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
    modelId: "AGENTCORE_IT_MODEL_ID",
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

/** The sample agent's direct-code bundle, the ephemeral runtime's default artifact (`npm run agent:build`). */
export const AGENT_BUNDLE_ENTRY = "agents/support-agent/dist/main.js";

/** Whether AGENTCORE_IT_CONTAINER_URI or AGENTCORE_IT_RUNTIME_JSON replaces the default code artifact. */
export function artifactOverridden(env: Env): boolean {
    if (set(env, IT_ENV.containerUri)) {
        return true;
    }
    if (!set(env, IT_ENV.runtimeJson)) {
        return false;
    }
    try {
        const extra = JSON.parse(env[IT_ENV.runtimeJson] as string) as Record<string, unknown>;
        return ["containerUri", "image", "code"].some((k) => k in extra);
    } catch {
        return false;
    }
}

/**
 * Everything missing, in the order a person would set it up. `agentBundle`: whether
 * AGENT_BUNDLE_ENTRY exists (only needed when no override replaces the code artifact).
 */
export function missingPrerequisites(env: Env, pulumiCli: boolean, agentBundle: boolean): string[] {
    const missing: string[] = [];
    if (!pulumiCli) {
        missing.push("the Pulumi CLI on PATH");
    }
    if (!hasAwsCredentials(env)) {
        missing.push(
            "AWS credentials for a sandbox account (AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or AWS_WEB_IDENTITY_TOKEN_FILE/AWS_ROLE_ARN)",
        );
    }
    if (!set(env, IT_ENV.region)) {
        missing.push(`${IT_ENV.region} (a region where AgentCore runs in a VPC, e.g. us-east-1)`);
    }
    // The sample agent answers /invocations only with a model (MODEL_ID), and the runtime
    // may call only the models its execution role is granted (modelArns).
    const model = [IT_ENV.modelId, IT_ENV.modelArns].filter((name) => !set(env, name));
    if (model.length > 0) {
        missing.push(
            `${model.join(" and ")} (the model the sample agent calls and the ARNs its role may invoke, e.g. ` +
                `${IT_ENV.modelId}=us.anthropic.claude-3-5-haiku-20241022-v1:0 with the inference profile's and its foundation models' ARNs)`,
        );
    }
    if (!artifactOverridden(env) && !agentBundle) {
        missing.push(
            `${AGENT_BUNDLE_ENTRY} (run npm run agent:build), or ${IT_ENV.containerUri} / ${IT_ENV.runtimeJson} with another artifact`,
        );
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
