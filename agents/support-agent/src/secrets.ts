/**
 * Secrets, read the way the stack hands them over: the runtime's environment carries a
 * secret's ARN (a variable named in `runtimes[i].secrets`, e.g. CRM_API_KEY_SECRET_ARN), never
 * its value, because AgentCore keeps environment variables in plain text. The value is read
 * with the execution role, which may read exactly this runtime's secrets, through the VPC's
 * secretsmanager endpoint, and kept in memory only. Never log a value.
 */
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";

/** The part of the SDK client used here, so tests can pass a fake. */
export interface SecretsApi {
    send(command: GetSecretValueCommand): Promise<{ SecretString?: string }>;
}

/** The variables that carry secret ARNs: by the stack's convention their names end in _SECRET_ARN. */
export function secretArnVariables(env: Record<string, string | undefined>): string[] {
    return Object.keys(env)
        .filter((name) => name.endsWith("_SECRET_ARN") && (env[name] ?? "").startsWith("arn:"))
        .sort();
}

/**
 * Reads secrets by the variables that name them, each once, then from memory. A variable that
 * is unset is an error naming it, so a missing `secrets` entry shows at the first read.
 */
export function secretReader(
    env: Record<string, string | undefined>,
    api: SecretsApi = new SecretsManagerClient({}),
): (variable: string) => Promise<string> {
    const cache = new Map<string, Promise<string>>();
    return (variable) => {
        const arn = env[variable];
        if (!arn) {
            return Promise.reject(
                new Error(`${variable} is not set: list it under runtimes[i].secrets in the stack config`),
            );
        }
        let value = cache.get(arn);
        if (!value) {
            value = api.send(new GetSecretValueCommand({ SecretId: arn })).then((out) => {
                if (out.SecretString === undefined) {
                    throw new Error(`${variable}: the secret has no string value`);
                }
                return out.SecretString;
            });
            // A failed read is retried on the next call, not cached.
            value.catch(() => cache.delete(arn));
            cache.set(arn, value);
        }
        return value;
    };
}
