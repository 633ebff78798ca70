/** Reading a request body without ever holding more than the limit in memory. */
import { IncomingMessage } from "node:http";

/**
 * 1 MiB. AgentCore accepts payloads up to 100 MB (InvokeAgentRuntime), but this agent sends the
 * prompt to a model whose context is far smaller, so anything larger is refused before it is read.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

export type BodyResult =
    | { readonly ok: true; readonly body: Buffer }
    | { readonly ok: false; readonly reason: "too-large" };

export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) {
        return Promise.resolve({ ok: false, reason: "too-large" });
    }
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let done = false;
        req.on("data", (chunk: Buffer) => {
            if (done) {
                return; // keep draining what the client still sends, without storing it
            }
            size += chunk.length;
            if (size > limit) {
                done = true;
                chunks.length = 0;
                resolve({ ok: false, reason: "too-large" });
                return;
            }
            chunks.push(chunk);
        });
        req.on("end", () => {
            if (!done) {
                done = true;
                resolve({ ok: true, body: Buffer.concat(chunks) });
            }
        });
        req.on("error", (error) => {
            if (!done) {
                done = true;
                reject(error);
            }
        });
    });
}
