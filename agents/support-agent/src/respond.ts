/** Writing JSON answers and JSON errors, the one error shape every route uses. */
import { ServerResponse } from "node:http";

export function sendJson(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
): void {
    const text = JSON.stringify(body);
    res.writeHead(status, {
        "content-type": "application/json; charset=utf-8",
        "content-length": Buffer.byteLength(text),
        ...headers,
    });
    res.end(text);
}

/** `{"error":{"code","message"},"requestId"}`: a stable code for programs, a sentence for people. */
export function sendError(
    res: ServerResponse,
    status: number,
    code: string,
    message: string,
    headers: Record<string, string> = {},
): void {
    const requestId = res.getHeader("x-request-id");
    sendJson(res, status, { error: { code, message }, requestId }, headers);
}
