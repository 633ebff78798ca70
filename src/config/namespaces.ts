/**
 * Keys in a namespace the program does not read. Pulumi hands every stack key to the
 * program, but it reads only `<project>:<key>`, `aws:region` and `aws-native:region`, so
 * `agentcore:cpu` in a project named agentcore-private would be silently ignored.
 */
import { Problems } from "./problems";
import { nearest } from "./suggest";

/** Namespaces besides the project's whose keys belong to someone else: the providers and the engine. */
export const KNOWN_NAMESPACES = ["aws", "aws-native", "pulumi"] as const;

/** Records a problem for each key whose namespace is neither the project's nor a known one. */
export function checkNamespaces(
    p: Problems,
    project: string,
    values: Readonly<Record<string, string>>,
    knownKeys: readonly string[],
): void {
    const namespaces = [project, ...KNOWN_NAMESPACES];
    for (const [fullKey, value] of Object.entries(values)) {
        const colon = fullKey.indexOf(":");
        const namespace = fullKey.slice(0, Math.max(colon, 0));
        if (namespaces.includes(namespace)) {
            continue;
        }
        const key = fullKey.slice(colon + 1);
        const near = knownKeys.includes(key) ? key : nearest(key, knownKeys);
        p.invalid(
            fullKey,
            value,
            `a key in a namespace this program reads (${namespaces.join(", ")}); "${namespace}" is not the project name, so the value would be ignored` +
                (near === undefined ? "" : ` (did you mean ${project}:${near}?)`),
            `${project}:${near ?? "cpu"}`,
        );
    }
}
