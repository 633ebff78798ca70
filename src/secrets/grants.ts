/**
 * The role policy that lets one runtime read exactly its secrets, as a pure document:
 * `secretsmanager:GetSecretValue` on those ARNs, and `kms:Decrypt` on the keys that encrypt
 * them only when Secrets Manager asks on the role's behalf (`kms:ViaService`) for one of those
 * secrets (`kms:EncryptionContext:SecretARN`, the context Secrets Manager encrypts under).
 */
import { PolicyDocument, policyDocument, PolicyStatement, uniqueSorted } from "../aws/iamDocument";

/** Read a secret's current value; nothing that lists, describes or changes secrets. */
export const SECRET_READ_ACTIONS = ["secretsmanager:GetSecretValue"] as const;
/** Decrypt the secret's data key, through Secrets Manager only. */
export const SECRET_DECRYPT_ACTIONS = ["kms:Decrypt"] as const;

export interface SecretGrantInput {
    readonly region: string;
    /** `amazonaws.com` (or the partition's suffix). */
    readonly dnsSuffix: string;
    /** Every secret the runtime reads. */
    readonly secretArns: readonly string[];
    /** Customer-managed keys that encrypt them (the stack key for stored ones). */
    readonly keyArns: readonly string[];
}

export function secretReadPolicy(input: SecretGrantInput): PolicyDocument {
    const secrets = uniqueSorted(input.secretArns);
    const statements: PolicyStatement[] = [
        { Sid: "ReadOwnSecrets", Effect: "Allow", Action: [...SECRET_READ_ACTIONS], Resource: secrets },
    ];
    if (input.keyArns.length > 0) {
        statements.push({
            Sid: "DecryptOwnSecretsViaSecretsManager",
            Effect: "Allow",
            Action: [...SECRET_DECRYPT_ACTIONS],
            Resource: uniqueSorted(input.keyArns),
            Condition: {
                StringEquals: {
                    "kms:ViaService": `secretsmanager.${input.region}.${input.dnsSuffix}`,
                    "kms:EncryptionContext:SecretARN": secrets,
                },
            },
        });
    }
    return policyDocument(...statements);
}
