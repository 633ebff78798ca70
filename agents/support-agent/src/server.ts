/**
 * The HTTP server and its routes: GET /ping, POST /invocations, JSON 404 and 405 for the rest.
 * Nothing a caller sends can end the process: every handler error becomes a JSON 500.
 */
import { randomUUID } from "node:crypto";
import { IncomingMessage, Server, ServerResponse, createServer } from "node:http";
import { ConverseApi } from "./bedrock";
import { MAX_BODY_BYTES } from "./body";
import { HealthState } from "./health";
import { handleInvocation } from "./invocation";
import { Logger } from "./log";
import { sendError, sendJson } from "./respond";

/** Headers AgentCore sets on each invocation (bedrock-agentcore-sdk-python runtime/models.py). */
export const SESSION_HEADER = "x-amzn-bedrock-agentcore-runtime-session-id";
export const REQUEST_ID_HEADER = "x-amzn-bedrock-agentcore-runtime-request-id";

/** Session ids are 33-256 characters; anything longer is cut before it reaches a log line. */
const MAX_ID_LENGTH = 256;

export interface AgentServerOptions {
    /** The Converse API; in production bedrockConverseApi(), in tests a stub. */
    readonly api: ConverseApi;
    /** The Bedrock model id; without it /invocations answers 500. */
    readonly modelId?: string;
    readonly logger: Logger;
    /** Default: a new HealthState. */
    readonly health?: HealthState;
    /** Default: MAX_BODY_BYTES (1 MiB). */
    readonly maxBodyBytes?: number;
}

function header(req: IncomingMessage, name: string): string | undefined {
    const value = req.headers[name];
    const text = Array.isArray(value) ? value[0] : value;
    return text ? text.slice(0, MAX_ID_LENGTH) : undefined;
}

const ROUTES: Record<string, string> = { "/ping": "GET", "/invocations": "POST" };

export function createAgentServer(options: AgentServerOptions): Server {
    const health = options.health ?? new HealthState();
    const deps = {
        api: options.api,
        modelId: options.modelId,
        health,
        maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES,
    };

    const handle = async (req: IncomingMessage, res: ServerResponse, log: Logger) => {
        const path = new URL(req.url ?? "/", "http://agent").pathname;
        const method = ROUTES[path];
        if (method === undefined) {
            sendError(res, 404, "NotFound", `no route ${path}: use GET /ping or POST /invocations`);
        } else if (req.method !== method) {
            sendError(res, 405, "MethodNotAllowed", `${path} accepts ${method} only`, { allow: method });
        } else if (path === "/ping") {
            sendJson(res, 200, health.ping());
        } else {
            await handleInvocation(req, res, deps, log);
        }
    };

    const server = createServer((req, res) => {
        const started = process.hrtime.bigint();
        const requestId = header(req, REQUEST_ID_HEADER) ?? randomUUID();
        const log = options.logger.child({ requestId, sessionId: header(req, SESSION_HEADER) });
        res.setHeader("x-request-id", requestId);
        res.on("close", () => {
            const fields = {
                method: req.method,
                path: req.url,
                status: res.statusCode,
                completed: res.writableFinished,
                latencyMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
            };
            // Health checks come every few seconds: keep them out of the default log.
            if (req.url === "/ping" && res.statusCode === 200) {
                log.debug("request finished", fields);
            } else {
                log.info("request finished", fields);
            }
        });
        handle(req, res, log).catch((error: unknown) => {
            log.error("request failed", { error });
            if (!res.headersSent) {
                sendError(res, 500, "InternalError", "the agent failed to handle the request");
            } else {
                res.destroy();
            }
        });
    });

    // Unparseable HTTP (bad request line, oversized headers): answer 400 and close that socket only.
    server.on("clientError", (error, socket) => {
        options.logger.warn("malformed HTTP request", { error });
        if (socket.writable) {
            const body = JSON.stringify({ error: { code: "BadRequest", message: "malformed HTTP request" } });
            socket.end(
                `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
            );
        } else {
            socket.destroy();
        }
    });
    return server;
}
