/**
 * Secrets, from config to the agent: `secretValues` (Pulumi secrets the stack writes into
 * Secrets Manager under its KMS key) and `runtimes[i].secrets` (env var name → a stored value
 * or an existing secret's ARN). AgentCore keeps environment variables in plain text in the
 * runtime's configuration, so a secret never goes there: the agent gets the secret's ARN and
 * reads the value with its execution role. See docs/runtime-capabilities.md#secrets.
 */
import { ENV_VAR_NAME_PATTERN, SECRET_ARN } from "../aws/agentcore";
import { z } from "zod";
import { builtOnce, chosenBy, fieldsOf, ifPassed, refuse, said, says } from "../config/declare";
import { isRecord } from "../config/fields";
import { parseValue, passingEntries } from "../config/parse";
import { Problems } from "../config/problems";
import { RuntimeSecretSource } from "../config/types";

/** Names under `secretValues`: they become part of the Secrets Manager secret's name. */
export const SECRET_VALUE_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
/** Secrets Manager holds at most 65,536 bytes per secret value. */
export const SECRET_VALUE_MAX_BYTES = 65536;
const KMS_KEY_ARN = /^arn:aws[-a-z]*:kms:([a-z0-9-]+):\d{12}:key\/[0-9a-f-]{36}$/;
/** What an error message shows instead of a secret's value. */
export const HIDDEN = "[secret]";

/**
 * How the offline plan hands over a value it cannot decrypt: the stack file's own
 * `{ secure: <ciphertext> }` node. Under `pulumi up` values arrive decrypted.
 */
export function isSecureNode(v: unknown): v is { secure: string } {
    return isRecord(v) && Object.keys(v).length === 1 && typeof v.secure === "string";
}

/** Paths (`[0].environment.X`) of every `{ secure }` node inside a parsed value. */
export function securePaths(v: unknown, at = ""): string[] {
    if (isSecureNode(v)) {
        return [at];
    }
    if (Array.isArray(v)) {
        return v.flatMap((x, i) => securePaths(x, `${at}[${i}]`));
    }
    if (isRecord(v)) {
        return Object.entries(v).flatMap(([k, x]) => securePaths(x, `${at}.${k}`));
    }
    return [];
}

const WHY =
    "AgentCore keeps environment variables in plain text in the runtime's configuration (anyone who may read the runtime sees them)";
const INSTEAD = (runtime: string, variable: string) =>
    `store the value with pulumi config set --secret --path 'secretValues.${variable.toLowerCase()}' <value> and reference it as ${runtime}.secrets.${variable}_SECRET_ARN: { stored: ${variable.toLowerCase()} } (or name an existing secret: { arn: "arn:aws:secretsmanager:..." }); the agent gets the secret's ARN in that variable and reads the value with its role`;

/**
 * The problem for a Pulumi secret inside `runtimes`. `paths` are the secret's places when
 * known (the offline plan sees the stack file's markers); under `pulumi up` Pulumi only
 * says that the whole `runtimes` key holds a secret.
 */
export function runtimesSecretProblems(p: Problems, paths: readonly string[]): void {
    if (paths.length === 0) {
        p.invalid(
            "runtimes",
            HIDDEN,
            `no Pulumi secrets (pulumi config set --secret --path 'runtimes[0].environment.X' marks all of runtimes secret): ${WHY}; ${INSTEAD("runtimes[0]", "X")}`,
            `pulumi config set --secret --path 'secretValues.crm_api_key' <value>`,
        );
        return;
    }
    for (const path of paths) {
        const m = /^\[(\d+)\]\.environment\.([^.[]+)$/.exec(path);
        const runtime = m ? `runtimes[${m[1]}]` : "runtimes[0]";
        const variable = m ? m[2] : "X";
        p.invalid(
            `runtimes${path}`,
            HIDDEN,
            m
                ? `a plain value: a Pulumi secret is refused in environment because ${WHY}; ${INSTEAD(runtime, variable)}`
                : `a plain value: Pulumi secrets belong in secretValues, referenced from ${runtime}.secrets (${WHY})`,
            `pulumi config set --secret --path 'secretValues.${variable.toLowerCase()}' <value>`,
        );
    }
}

const SECRET_VALUES_EXAMPLE = `pulumi config set --secret --path 'secretValues.crm_api_key' <value>`;

/** The offline plan's `{ secure: <ciphertext> }`: the value `pulumi up` decrypts, stood in for by HIDDEN. */
const secureNode = z.custom<{ secure: string }>(isSecureNode).transform(() => HIDDEN);

/**
 * `secretValues`: a map of names to Pulumi secrets. A value set without `--secret` is refused
 * (it would sit in plain text in the stack file).
 */
function secretValuesSchema(isSecret: boolean) {
    const size = says(
        `text of 1 to ${SECRET_VALUE_MAX_BYTES} bytes (the Secrets Manager limit)`,
        SECRET_VALUES_EXAMPLE,
    );
    const plain = says(
        "a Pulumi secret, set with --secret (a plain value would sit unencrypted in the stack file)",
        SECRET_VALUES_EXAMPLE,
    );
    const text = z
        .string(size)
        .refine((v) => v.length > 0 && Buffer.byteLength(v, "utf8") <= SECRET_VALUE_MAX_BYTES, size);
    return z.record(
        z
            .string()
            .regex(
                SECRET_VALUE_NAME,
                says("a name of letters, digits and _ (1-64), starting with a letter", "crm_api_key"),
            ),
        isSecret ? z.union([secureNode, text], size) : z.union([secureNode, z.never(plain)], plain),
        says("a map of names to secret values", SECRET_VALUES_EXAMPLE),
    );
}

/** Reads `secretValues`; values never appear in messages (a refused name does: it is part of the key). */
export function readSecretValues(p: Problems, raw: unknown, isSecret: boolean): Record<string, string> {
    if (raw === undefined) {
        return {};
    }
    const schema = secretValuesSchema(isSecret);
    const parsed = parseValue(p, "secretValues", schema, raw, SECRET_VALUES_EXAMPLE, () => HIDDEN);
    return parsed.ok ? parsed.value : passingEntries(schema, raw);
}

/** `{ stored: <secretValues name> }`: encrypted with the stack's key, so no key of its own. */
const storedSource = fieldsOf({
    stored: z
        .string(says("the name of a value under secretValues", "crm_api_key"))
        .regex(SECRET_VALUE_NAME, says("the name of a value under secretValues", "crm_api_key")),
    kmsKeyArn: z.undefined(says("nothing: a stored value is encrypted with the stack's key", "(omit it)")).optional(),
}).transform((source): RuntimeSecretSource => ({ kind: "stored", name: source.stored }));

/** `{ arn, kmsKeyArn? }`: an existing secret of the stack's region, by its complete ARN. */
const existingSource = builtOnce((ctx: { readonly region?: string }) => {
    const region = ctx.region ?? "us-east-1";
    const arnExample = `"arn:aws:secretsmanager:${region}:123456789012:secret:crm/api-key-AbC123"`;
    const arnShape = says(
        "a complete Secrets Manager secret ARN, with the 6-character suffix AWS adds (a partial ARN can only be granted with a wildcard)",
        arnExample,
    );
    const keyRule = says(
        `the ARN of the customer-managed KMS key that encrypts this secret, in ${region} (omit it for the aws/secretsmanager key)`,
        `"arn:aws:kms:${region}:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"`,
    );
    const inRegion = (pattern: RegExp, group: number) => (arn: string) =>
        ctx.region === undefined || pattern.exec(arn)?.[group] === ctx.region;
    return fieldsOf({
        arn: z
            .string(arnShape)
            // One problem per value: the region is compared only on an ARN of the right shape.
            .refine((arn) => SECRET_ARN.test(arn), arnShape)
            .refine(inRegion(SECRET_ARN, 2), {
                ...says(
                    `a secret in the stack's region ${ctx.region} (read through the stack's secretsmanager endpoint)`,
                    arnExample,
                ),
                ...ifPassed,
            }),
        kmsKeyArn: z
            .string(keyRule)
            .refine((arn) => KMS_KEY_ARN.test(arn) && inRegion(KMS_KEY_ARN, 1)(arn), keyRule)
            .optional(),
    }).transform((source): RuntimeSecretSource => ({ kind: "existing", arn: source.arn, kmsKeyArn: source.kmsKeyArn }));
});

const SOURCE_EXAMPLE = "{ stored: crm_api_key }";

/** `runtimes[i].secrets`: env var name → `{ stored: <secretValues name> }` or `{ arn, kmsKeyArn? }`. */
export const runtimeSecretsSchema = builtOnce(
    (ctx: { readonly region?: string; readonly environmentNames: readonly string[] }) => {
        const existing = existingSource(ctx);
        const map = says(
            "a map of environment variable names to { stored: <name> } or { arn: <secret ARN> }",
            `{ CRM_API_KEY_SECRET_ARN: ${SOURCE_EXAMPLE} }`,
        );
        // Neither or both of stored and arn: a misspelt one is the likely reason, named with the nearest field.
        const form = fieldsOf(
            { stored: z.unknown().optional(), arn: z.unknown().optional(), kmsKeyArn: z.unknown().optional() },
            "{ stored: <secretValues name> } or { arn: <secret ARN> }",
            SOURCE_EXAMPLE,
        )
            .superRefine((source, c) =>
                refuse(
                    c,
                    source,
                    "exactly one of stored (a secretValues name) or arn (an existing secret)",
                    SOURCE_EXAMPLE,
                ),
            )
            // Always refused above: this form has no value to give.
            .pipe(z.never());
        const name = z
            .string()
            .regex(
                ENV_VAR_NAME_PATTERN,
                says(
                    "an environment variable name of letters, digits and _ (1-128), not starting with a digit",
                    "CRM_API_KEY_SECRET_ARN",
                ),
            )
            .superRefine((variable, c) => {
                if (ctx.environmentNames.includes(variable)) {
                    c.addIssue({
                        code: "custom",
                        ...said(
                            "a name not also set in environment (the variable carries the secret's ARN)",
                            `${variable}_SECRET_ARN`,
                        ),
                    });
                }
            }, ifPassed);
        return z
            .record(
                name,
                // The form decides the fields: stored or arn, exactly one.
                chosenBy<RuntimeSecretSource>((source) =>
                    !isRecord(source) || (source.stored === undefined) === (source.arn === undefined)
                        ? form
                        : source.stored !== undefined
                          ? storedSource
                          : existing,
                ),
                map,
            )
            .refine((secrets) => Object.keys(secrets).length > 0, map);
    },
);

/**
 * A refinement of the runtime entry: each stored source of `sources` (the entry's secrets that
 * pass) names a value under secretValues (`names`), which the stack writes into Secrets Manager.
 */
export function storedValuesGiven(
    sources: Readonly<Record<string, RuntimeSecretSource>>,
    names: readonly string[],
    ctx: z.core.$RefinementCtx,
): void {
    for (const [variable, source] of Object.entries(sources)) {
        if (source.kind === "stored" && !names.includes(source.name)) {
            refuse(
                ctx,
                source.name,
                `a name under secretValues (${names.join(", ") || "none set"})`,
                `pulumi config set --secret --path 'secretValues.${source.name}' <value>`,
                ["secrets", variable, "stored"],
            );
        }
    }
}
