/**
 * POST /invocations: a JSON object `{"prompt": "...", "stream"?: boolean}` in; a JSON answer out,
 * or Server-Sent Events (text/event-stream) when `stream` is true or, without `stream`, when the
 * Accept header asks for text/event-stream. AgentCore's HTTP contract: JSON in, JSON or SSE out
 * (developer guide, runtime-http-protocol-contract.html).
 */
import { IncomingMessage, ServerResponse } from "node:http";
import { readBody } from "./body";
import { ConverseApi } from "./bedrock";
import { HealthState } from "./health";
import { Logger } from "./log";
import { ReplyEvent, reply, replyStream } from "./model";
import { modelFailure } from "./modelErrors";
import { sendError, sendJson } from "./respond";

export interface InvocationRequest {
    readonly prompt: string;
    readonly stream: boolean;
}

export type Parsed =
    | { readonly ok: true; readonly request: InvocationRequest }
    | { readonly ok: false; readonly code: "InvalidJson" | "InvalidRequest"; readonly message: string };

export interface InvocationDeps {
    readonly api: ConverseApi;
    readonly modelId?: string;
    readonly health: HealthState;
    readonly maxBodyBytes: number;
}

const EXAMPLE = '{"prompt":"Where is my order?"}';

/**
 * JSON, or no Content-Type at all: InvokeAgentRuntime's contentType is optional and its payload
 * is a blob, so a client may send none or application/octet-stream for a JSON payload.
 */
export function isAcceptedContentType(header: string | undefined): boolean {
    if (header === undefined || header.trim() === "") {
        return true;
    }
    const type = header.split(";")[0].trim().toLowerCase();
    return type === "application/json" || type.endsWith("+json") || type === "application/octet-stream";
}

function wantsEventStream(accept: string | undefined): boolean {
    return (accept ?? "").toLowerCase().includes("text/event-stream");
}

function typeName(value: unknown): string {
    return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}

export function parseInvocation(body: Buffer, accept?: string): Parsed {
    const text = body.toString("utf8");
    if (text.trim() === "") {
        return { ok: false, code: "InvalidJson", message: `the body is empty: send a JSON object such as ${EXAMPLE}` };
    }
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return {
            ok: false,
            code: "InvalidJson",
            message: `the body is not valid JSON (${reason}): send e.g. ${EXAMPLE}`,
        };
    }
    if (typeName(value) !== "object") {
        return {
            ok: false,
            code: "InvalidRequest",
            message: `the body must be a JSON object, got ${typeName(value)}: send e.g. ${EXAMPLE}`,
        };
    }
    const { prompt, stream } = value as Record<string, unknown>;
    if (prompt === undefined) {
        return { ok: false, code: "InvalidRequest", message: `prompt is missing: send e.g. ${EXAMPLE}` };
    }
    if (typeof prompt !== "string") {
        return { ok: false, code: "InvalidRequest", message: `prompt must be a string, got ${typeName(prompt)}` };
    }
    if (prompt.trim() === "") {
        return { ok: false, code: "InvalidRequest", message: "prompt is empty: send at least one non-space character" };
    }
    if (stream !== undefined && typeof stream !== "boolean") {
        return { ok: false, code: "InvalidRequest", message: `stream must be true or false, got ${typeName(stream)}` };
    }
    return { ok: true, request: { prompt, stream: stream ?? wantsEventStream(accept) } };
}

/** Resolves when the response can take more data, or is gone. */
function drained(res: ServerResponse): Promise<void> {
    return new Promise((resolve) => {
        const done = () => {
            res.off("drain", done);
            res.off("close", done);
            resolve();
        };
        res.on("drain", done);
        res.on("close", done);
    });
}

async function writeEvent(res: ServerResponse, event: unknown): Promise<void> {
    if (!res.write(`data: ${JSON.stringify(event)}\n\n`)) {
        await drained(res);
    }
}

function answerModelFailure(res: ServerResponse, error: unknown, log: Logger): void {
    const failure = modelFailure(error);
    log.warn("model call failed", { status: failure.status, code: failure.code, error });
    const headers: Record<string, string> =
        failure.retryAfterSeconds === undefined ? {} : { "retry-after": String(failure.retryAfterSeconds) };
    sendError(res, failure.status, failure.code, failure.message, headers);
}

async function answerJson(
    res: ServerResponse,
    deps: InvocationDeps,
    modelId: string,
    prompt: string,
    signal: AbortSignal,
    log: Logger,
) {
    try {
        const answer = await reply(deps.api, modelId, prompt, signal);
        log.debug("model answered", { stopReason: answer.stopReason, usage: answer.usage });
        sendJson(res, 200, answer);
    } catch (error) {
        if (signal.aborted) {
            log.info("caller went away before the model answered");
            return;
        }
        answerModelFailure(res, error, log);
    }
}

async function answerStream(
    res: ServerResponse,
    deps: InvocationDeps,
    modelId: string,
    prompt: string,
    signal: AbortSignal,
    log: Logger,
) {
    let events: AsyncGenerator<ReplyEvent>;
    let next: IteratorResult<ReplyEvent>;
    try {
        // Wait for the first event before committing to 200, so an early refusal keeps its status.
        events = await replyStream(deps.api, modelId, prompt, signal);
        next = await events.next();
    } catch (error) {
        if (signal.aborted) {
            log.info("caller went away before the model answered");
            return;
        }
        answerModelFailure(res, error, log);
        return;
    }
    res.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache",
        connection: "keep-alive",
    });
    try {
        while (!next.done && !res.destroyed) {
            await writeEvent(res, next.value);
            next = await events.next();
        }
    } catch (error) {
        if (signal.aborted) {
            log.info("caller went away during the stream");
            return;
        }
        const failure = modelFailure(error);
        log.warn("model stream failed", { code: failure.code, error });
        await writeEvent(res, { type: "error", error: { code: failure.code, message: failure.message } });
    }
    res.end();
}

export async function handleInvocation(
    req: IncomingMessage,
    res: ServerResponse,
    deps: InvocationDeps,
    log: Logger,
): Promise<void> {
    if (!isAcceptedContentType(req.headers["content-type"])) {
        sendError(
            res,
            415,
            "UnsupportedMediaType",
            `Content-Type "${req.headers["content-type"]}" is not accepted: send application/json`,
        );
        return;
    }
    const body = await readBody(req, deps.maxBodyBytes);
    if (!body.ok) {
        // Connection: close, so the rest of an oversized upload is not read.
        sendError(res, 413, "PayloadTooLarge", `the body is larger than ${deps.maxBodyBytes} bytes`, {
            connection: "close",
        });
        return;
    }
    const parsed = parseInvocation(body.body, req.headers.accept);
    if (!parsed.ok) {
        sendError(res, 400, parsed.code, parsed.message);
        return;
    }
    if (!deps.modelId) {
        log.error("MODEL_ID is not set");
        sendError(
            res,
            500,
            "ModelNotConfigured",
            "the agent has no model: set MODEL_ID (e.g. MODEL_ID=us.anthropic.claude-3-5-haiku-20241022-v1:0)",
        );
        return;
    }

    const abort = new AbortController();
    res.on("close", () => {
        if (!res.writableFinished) {
            abort.abort();
        }
    });
    const end = deps.health.begin();
    try {
        const answer = parsed.request.stream ? answerStream : answerJson;
        await answer(res, deps, deps.modelId, parsed.request.prompt, abort.signal, log);
    } finally {
        end();
    }
}
