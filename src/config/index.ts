import * as pulumi from "@pulumi/pulumi";
import * as path from "path";
import { RawStackConfig, StackConfig } from "./types";
import { validateConfig } from "./validate";

export * from "./types";
export { ConfigValidationError } from "./problems";
export { CONFIG_KEYS, MODEL_ARN, validateConfig } from "./validate";
export { parseEcrImageUri } from "../artifact/config";
export * from "../artifact/config";

/** Collects the raw config of the running stack, as Pulumi hands it over. */
export function readRawConfig(): RawStackConfig {
    const project = pulumi.getProject();
    const prefix = `${project}:`;
    const values: Record<string, string> = {};
    const otherValues: Record<string, string> = {};
    for (const [key, value] of Object.entries(pulumi.runtime.allConfig())) {
        if (key.startsWith(prefix)) {
            values[key.slice(prefix.length)] = value;
        } else {
            otherValues[key] = value;
        }
    }
    return {
        project,
        stack: pulumi.getStack(),
        secretKeys: Object.keys(values).filter((key) => isConfigSecret(`${prefix}${key}`)),
        values,
        region: new pulumi.Config("aws").get("region"),
        nativeRegion: new pulumi.Config("aws-native").get("region"),
        root: projectRoot(),
        otherValues,
    };
}

/**
 * Whether Pulumi marks a config key secret. The engine hands the program decrypted values and
 * the list of secret keys (PULUMI_CONFIG_SECRET_KEYS); the SDK reads it in `isConfigSecret`,
 * which it does not re-export, so it is reached through require.
 */
function isConfigSecret(key: string): boolean {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require("@pulumi/pulumi/runtime/config") as { isConfigSecret: (k: string) => boolean };
    return config.isConfigSecret(key);
}

/**
 * The directory of Pulumi.yaml, as the Pulumi language host reports it; the working
 * directory when it reports none (Pulumi runs programs there).
 */
export function projectRoot(): string {
    const root = pulumi.runtime.getRootDirectory();
    return root && path.isAbsolute(root) ? root : process.cwd();
}

/**
 * The one place config is read: all keys of the stack, typed, validated and frozen.
 * Call it before registering any resource; it throws one error listing every problem.
 */
export function loadConfig(): StackConfig {
    return validateConfig(readRawConfig());
}
