/**
 * fast-check generators of valid config values shared by the limits property specs
 * (tests/aws/limitsProperties.spec.ts, tests/aws/limitsPlatformProperties.spec.ts). Each draws
 * from the key's documented range, edges included; a value config refuses is a generator bug.
 */
import fc from "fast-check";

/** AgentCore's runtime name rule: [a-zA-Z][a-zA-Z0-9_]{0,47}, with `_<stack>` appended (48 in all). */
export const RUNTIME_NAME_MAX = 48;

/** A runtime name that stays within 48 characters once `suffix` ("_<stack>") is appended. */
export function runtimeName(suffix: string): fc.Arbitrary<string> {
    const max = RUNTIME_NAME_MAX - suffix.length;
    return fc
        .tuple(
            fc.constantFrom("a", "A", "z", "Agent"),
            fc.string({ unit: fc.constantFrom("a", "b", "_", "9", "Z"), maxLength: max }),
            fc.constantFrom("", "_", "__"),
        )
        .map(([head, body, tail]) => `${head}${body}${tail}`.slice(0, max));
}

/** 0..42 user tags (50 per resource less the program's 8), keys and values at their length edges. */
export function userTags(): fc.Arbitrary<Record<string, string>> {
    return fc
        .tuple(fc.integer({ min: 0, max: 42 }), fc.constantFrom(1, 64, 120), fc.constantFrom(0, 1, 256))
        .map(([count, keyLength, valueLength]) =>
            Object.fromEntries(
                Array.from({ length: count }, (_, i) => [
                    `T${i}_${"k".repeat(keyLength)}`.slice(0, 128),
                    "v".repeat(valueLength),
                ]),
            ),
        );
}

/** Runtime endpoint names at their edges (48 characters is AgentCore's maximum). */
export function endpointName(): fc.Arbitrary<string> {
    return fc.constantFrom("live", "a", "L_", "e".repeat(48));
}
