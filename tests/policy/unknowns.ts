/**
 * The engine's markers for values unknown during preview (internal to `@pulumi/policy`, hence
 * the untyped require). The CLI marshals each unknown as the sentinel of its type, element by
 * element: `[a.id, b.id]` of two subnets not created yet arrives as [UNKNOWN_STRING,
 * UNKNOWN_STRING], a whole unknown list as UNKNOWN_ARRAY, and a policy reads both through
 * unknownCheckingProxy.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sentinels = require("@pulumi/policy/proxy") as Record<
    "unknownStringValue" | "unknownArrayValue" | "unknownObjectValue" | "unknownBooleanValue" | "unknownNumberValue",
    string
>;

export const UNKNOWN_STRING = sentinels.unknownStringValue;
export const UNKNOWN_ARRAY = sentinels.unknownArrayValue;
export const UNKNOWN_OBJECT = sentinels.unknownObjectValue;
export const UNKNOWN_BOOLEAN = sentinels.unknownBooleanValue;
export const UNKNOWN_NUMBER = sentinels.unknownNumberValue;
