/**
 * How a failed model call is answered. The caller did nothing wrong, so every case is a 5xx:
 * - capacity (ThrottlingException, ServiceQuotaExceededException, ServiceUnavailableException,
 *   ModelNotReadyException) -> 503 with Retry-After. The quota that ran out is the account's
 *   Bedrock quota, shared by every caller of this agent, not this caller's own rate: 429 would
 *   blame the caller and count as a client error, while 503 says "temporarily unable, retry
 *   later" (RFC 9110 15.6.4). The SDK has already retried with backoff before we see it.
 * - ModelTimeoutException -> 504, the upstream did not answer in time.
 * - anything else (AccessDenied, ResourceNotFound, Validation, ModelError, InternalServer,
 *   network) -> 502, the upstream call failed.
 * The upstream message is logged, not returned: it can name the account, role or model ARN.
 */

export interface ModelFailure {
    readonly status: 502 | 503 | 504;
    readonly code: string;
    readonly message: string;
    readonly retryAfterSeconds?: number;
}

const CAPACITY = new Set([
    "ThrottlingException",
    "ServiceQuotaExceededException",
    "ServiceUnavailableException",
    "ModelNotReadyException",
]);

/** A hint only; the caller's own backoff should grow from it. */
export const RETRY_AFTER_SECONDS = 2;

function nameOf(error: unknown): string {
    return error instanceof Error && error.name && error.name !== "Error" ? error.name : "ModelCallFailed";
}

export function modelFailure(error: unknown): ModelFailure {
    const code = nameOf(error);
    if (CAPACITY.has(code)) {
        return {
            status: 503,
            code,
            message: "The model is over capacity; retry later.",
            retryAfterSeconds: RETRY_AFTER_SECONDS,
        };
    }
    if (code === "ModelTimeoutException") {
        return { status: 504, code, message: "The model did not answer in time." };
    }
    return { status: 502, code, message: "The model call failed." };
}
