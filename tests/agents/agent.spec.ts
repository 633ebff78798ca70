/**
 * The sample agent (agents/support-agent) in-process on a free port, with the Bedrock Converse
 * API stubbed through its dependency injection: no network, no AWS credentials. Each test sends
 * real HTTP and checks status, headers and body; after every test /ping must still answer.
 */
import {
    AccessDeniedException,
    ConverseCommand,
    ConverseCommandInput,
    ConverseCommandOutput,
    ConverseStreamCommandInput,
    ConverseStreamCommandOutput,
    ConverseStreamOutput,
    ModelErrorException,
    ModelNotReadyException,
    ModelTimeoutException,
    ServiceQuotaExceededException,
    ServiceUnavailableException,
    ThrottlingException,
    BedrockRuntimeClient,
} from "@aws-sdk/client-bedrock-runtime";
import { expect } from "chai";
import * as http from "node:http";
import * as net from "node:net";
import { AddressInfo } from "node:net";
import { ConverseApi, bedrockConverseApi } from "../../agents/support-agent/src/bedrock";
import { ConfigError, readConfig } from "../../agents/support-agent/src/config";
import { HealthState } from "../../agents/support-agent/src/health";
import { createLogger } from "../../agents/support-agent/src/log";
import { createAgentServer } from "../../agents/support-agent/src/server";

interface Reply {
    status: number;
    headers: http.IncomingHttpHeaders;
    text: string;
}

interface CallOptions {
    headers?: Record<string, string>;
    body?: string | Buffer;
    /** Send the body in pieces without Content-Length (chunked transfer encoding). */
    chunks?: Buffer[];
}

function call(port: number, method: string, path: string, options: CallOptions = {}): Promise<Reply> {
    return new Promise((resolve, reject) => {
        const headers: Record<string, string | number> = { ...options.headers };
        if (options.body !== undefined) {
            headers["content-length"] = Buffer.byteLength(options.body);
        }
        const req = http.request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
            const parts: Buffer[] = [];
            res.on("data", (part: Buffer) => parts.push(part));
            res.on("end", () =>
                resolve({
                    status: res.statusCode ?? 0,
                    headers: res.headers,
                    text: Buffer.concat(parts).toString("utf8"),
                }),
            );
            res.on("error", reject);
        });
        req.on("error", reject);
        for (const chunk of options.chunks ?? []) {
            req.write(chunk);
        }
        req.end(options.body);
    });
}

const JSON_TYPE = { "content-type": "application/json" };
const SESSION_ID = "support-session-0123456789abcdef0123456789";
const ANSWER: ConverseCommandOutput = {
    output: {
        message: { role: "assistant", content: [{ text: "Your order ships " }, { text: "tomorrow." }] },
    },
    stopReason: "end_turn",
    usage: { inputTokens: 12, outputTokens: 6, totalTokens: 18 },
    metrics: { latencyMs: 100 },
    $metadata: {},
};
const STREAM_EVENTS: ConverseStreamOutput[] = [
    { messageStart: { role: "assistant" } },
    { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "Your order " } } },
    { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "ships tomorrow." } } },
    { contentBlockStop: { contentBlockIndex: 0 } },
    { messageStop: { stopReason: "end_turn" } },
    { metadata: { usage: { inputTokens: 12, outputTokens: 6, totalTokens: 18 }, metrics: { latencyMs: 90 } } },
];
const STREAM_BODY =
    'data: {"type":"delta","text":"Your order "}\n\n' +
    'data: {"type":"delta","text":"ships tomorrow."}\n\n' +
    'data: {"type":"done","stopReason":"end_turn","usage":{"inputTokens":12,"outputTokens":6,"totalTokens":18}}\n\n';

async function* streamOf(events: ConverseStreamOutput[]): AsyncGenerator<ConverseStreamOutput> {
    for (const event of events) {
        yield event;
    }
}

/** A Converse API whose answers each test sets; it records what the agent asked. */
class StubBedrock implements ConverseApi {
    converseCalls: ConverseCommandInput[] = [];
    streamCalls: ConverseStreamCommandInput[] = [];
    onConverse: (signal: AbortSignal) => Promise<ConverseCommandOutput> = async () => ANSWER;
    onStream: (signal: AbortSignal) => Promise<ConverseStreamCommandOutput> = async () => ({
        stream: streamOf(STREAM_EVENTS),
        $metadata: {},
    });

    converse(input: ConverseCommandInput, signal: AbortSignal): Promise<ConverseCommandOutput> {
        this.converseCalls.push(input);
        return this.onConverse(signal);
    }

    converseStream(input: ConverseStreamCommandInput, signal: AbortSignal): Promise<ConverseStreamCommandOutput> {
        this.streamCalls.push(input);
        return this.onStream(signal);
    }
}

function start(server: http.Server): Promise<number> {
    return new Promise((resolve) =>
        server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
    );
}

function stop(server: http.Server): Promise<void> {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
}

function until(condition: () => boolean): Promise<void> {
    return new Promise((resolve) => {
        const check = () => (condition() ? resolve() : setTimeout(check, 5));
        check();
    });
}

describe("support agent: HTTP contract with a stubbed Bedrock", () => {
    const bedrock = new StubBedrock();
    const lines: string[] = [];
    let clockMs = 1_700_000_000_500;
    const health = new HealthState(() => clockMs);
    const server = createAgentServer({
        api: bedrock,
        modelId: "us.anthropic.claude-3-5-haiku-20241022-v1:0",
        logger: createLogger({ level: "debug", write: (line) => lines.push(line) }),
        health,
    });
    let port = 0;
    const invoke = (body: unknown, headers: Record<string, string> = JSON_TYPE) =>
        call(port, "POST", "/invocations", { headers, body: typeof body === "string" ? body : JSON.stringify(body) });

    before(async () => {
        port = await start(server);
    });
    after(() => stop(server));
    beforeEach(() => {
        bedrock.converseCalls = [];
        bedrock.streamCalls = [];
        bedrock.onConverse = async () => ANSWER;
        bedrock.onStream = async () => ({ stream: streamOf(STREAM_EVENTS), $metadata: {} });
    });
    afterEach(async () => {
        const ping = await call(port, "GET", "/ping");
        expect(ping.status, "/ping after the test").to.equal(200);
        expect(JSON.parse(ping.text).status).to.equal("Healthy");
    });

    describe("GET /ping", () => {
        it("answers 200 with the status and the time of the last status change in Unix seconds", async () => {
            const ping = await call(port, "GET", "/ping");
            expect(ping.status).to.equal(200);
            expect(ping.headers["content-type"]).to.equal("application/json; charset=utf-8");
            expect(JSON.parse(ping.text)).to.deep.equal({ status: "Healthy", time_of_last_update: 1700000000 });
        });

        it("ignores a query string", async () => {
            expect((await call(port, "GET", "/ping?probe=1")).status).to.equal(200);
        });

        it("is HealthyBusy while a model call runs, and the time moves only when the status changes", async () => {
            let finish: (value: ConverseCommandOutput) => void = () => undefined;
            bedrock.onConverse = () => new Promise((resolve) => (finish = resolve));
            clockMs = 1_700_000_042_900;
            const pending = invoke({ prompt: "Where is my order?" });
            await until(() => bedrock.converseCalls.length === 1);

            clockMs = 1_700_000_045_000;
            expect(JSON.parse((await call(port, "GET", "/ping")).text)).to.deep.equal({
                status: "HealthyBusy",
                time_of_last_update: 1700000042,
            });

            clockMs = 1_700_000_050_000;
            finish(ANSWER);
            expect((await pending).status).to.equal(200);
            clockMs = 1_700_000_099_000;
            expect(JSON.parse((await call(port, "GET", "/ping")).text)).to.deep.equal({
                status: "Healthy",
                time_of_last_update: 1700000050,
            });
        });
    });

    describe("POST /invocations, valid", () => {
        it("answers JSON with the model's text, stop reason and token usage", async () => {
            const reply = await invoke({ prompt: "Where is my order?" });
            expect(reply.status).to.equal(200);
            expect(reply.headers["content-type"]).to.equal("application/json; charset=utf-8");
            expect(JSON.parse(reply.text)).to.deep.equal({
                text: "Your order ships tomorrow.",
                stopReason: "end_turn",
                usage: { inputTokens: 12, outputTokens: 6, totalTokens: 18 },
            });
        });

        it("asks Converse with MODEL_ID, the support system prompt, the caller's prompt and a token cap", async () => {
            await invoke({ prompt: "Where is my order?" });
            expect(bedrock.converseCalls).to.have.length(1);
            const input = bedrock.converseCalls[0];
            expect(input.modelId).to.equal("us.anthropic.claude-3-5-haiku-20241022-v1:0");
            expect(input.messages).to.deep.equal([{ role: "user", content: [{ text: "Where is my order?" }] }]);
            expect(input.system?.[0].text).to.match(/^You are a customer support assistant\./);
            expect(input.inferenceConfig).to.deep.equal({ maxTokens: 1024 });
            expect(bedrock.streamCalls).to.have.length(0);
        });

        it("streams Server-Sent Events through ConverseStream when the body says stream: true", async () => {
            const reply = await invoke({ prompt: "Where is my order?", stream: true });
            expect(reply.status).to.equal(200);
            expect(reply.headers["content-type"]).to.equal("text/event-stream; charset=utf-8");
            expect(reply.headers["cache-control"]).to.equal("no-cache");
            expect(reply.text).to.equal(STREAM_BODY);
            expect(bedrock.streamCalls).to.have.length(1);
            expect(bedrock.streamCalls[0].modelId).to.equal("us.anthropic.claude-3-5-haiku-20241022-v1:0");
            expect(bedrock.converseCalls).to.have.length(0);
        });

        it("streams when Accept asks for text/event-stream, unless the body says stream: false", async () => {
            const accept = { ...JSON_TYPE, accept: "text/event-stream" };
            expect((await invoke({ prompt: "Where is my order?" }, accept)).text).to.equal(STREAM_BODY);
            const plain = await invoke({ prompt: "Where is my order?", stream: false }, accept);
            expect(plain.headers["content-type"]).to.equal("application/json; charset=utf-8");
        });

        it("accepts JSON with a charset, a +json type, octet-stream and no Content-Type at all", async () => {
            const accepted: Record<string, string>[] = [
                { "content-type": "application/json; charset=utf-8" },
                { "content-type": "application/vnd.support+json" },
                { "content-type": "application/octet-stream" },
                {},
            ];
            for (const headers of accepted) {
                expect((await invoke({ prompt: "Hi" }, headers)).status, JSON.stringify(headers)).to.equal(200);
            }
        });

        it("ignores fields it does not know", async () => {
            expect((await invoke({ prompt: "Hi", locale: "en-GB" })).status).to.equal(200);
        });

        it("takes a body of exactly 1 MiB (1,048,576 bytes)", async () => {
            const frame = JSON.stringify({ prompt: "" });
            const body = JSON.stringify({ prompt: "a".repeat(1_048_576 - frame.length) });
            expect(Buffer.byteLength(body)).to.equal(1_048_576);
            expect((await invoke(body)).status).to.equal(200);
        });
    });

    describe("POST /invocations, malformed requests", () => {
        const rejects = async (body: string, status: number, code: string, message: RegExp, headers = JSON_TYPE) => {
            const reply = await invoke(body, headers);
            expect(reply.status, reply.text).to.equal(status);
            expect(reply.headers["content-type"]).to.equal("application/json; charset=utf-8");
            const json = JSON.parse(reply.text);
            expect(json.error.code).to.equal(code);
            expect(json.error.message).to.match(message);
            expect(json.requestId).to.be.a("string").and.not.equal("");
            expect(bedrock.converseCalls.length + bedrock.streamCalls.length, "no model call").to.equal(0);
        };

        it("400 InvalidJson for a body that is not JSON", () =>
            rejects(
                '{"prompt": "Hi"',
                400,
                "InvalidJson",
                /^the body is not valid JSON \(.+\): send e\.g\. \{"prompt":"Where is my order\?"\}$/,
            ));

        it("400 InvalidJson for an empty body", () => rejects("", 400, "InvalidJson", /^the body is empty/));

        it("400 InvalidRequest when the body is not an object", async () => {
            await rejects('["Hi"]', 400, "InvalidRequest", /^the body must be a JSON object, got array/);
            await rejects("null", 400, "InvalidRequest", /^the body must be a JSON object, got null/);
            await rejects('"Hi"', 400, "InvalidRequest", /^the body must be a JSON object, got string/);
        });

        it("400 InvalidRequest for a missing prompt", () =>
            rejects('{"question":"Hi"}', 400, "InvalidRequest", /^prompt is missing/));

        it("400 InvalidRequest for an empty or blank prompt, while one character passes", async () => {
            await rejects('{"prompt":""}', 400, "InvalidRequest", /^prompt is empty/);
            await rejects('{"prompt":" \\n\\t "}', 400, "InvalidRequest", /^prompt is empty/);
            expect((await invoke({ prompt: "?" })).status).to.equal(200);
        });

        it("400 InvalidRequest for a prompt or stream of the wrong type", async () => {
            await rejects('{"prompt":42}', 400, "InvalidRequest", /^prompt must be a string, got number$/);
            await rejects('{"prompt":["Hi"]}', 400, "InvalidRequest", /^prompt must be a string, got array$/);
            await rejects(
                '{"prompt":"Hi","stream":"yes"}',
                400,
                "InvalidRequest",
                /^stream must be true or false, got string$/,
            );
        });

        it("415 UnsupportedMediaType for a Content-Type that is not JSON", async () => {
            await rejects(
                '{"prompt":"Hi"}',
                415,
                "UnsupportedMediaType",
                /^Content-Type "text\/plain" is not accepted/,
                {
                    "content-type": "text/plain",
                },
            );
            await rejects("prompt=Hi", 415, "UnsupportedMediaType", /application\/x-www-form-urlencoded/, {
                "content-type": "application/x-www-form-urlencoded",
            });
        });

        it("413 PayloadTooLarge for a declared Content-Length of 1 MiB + 1 byte", async () => {
            const body = JSON.stringify({ prompt: "a".repeat(1_048_576) }).slice(0, 1_048_577);
            expect(Buffer.byteLength(body)).to.equal(1_048_577);
            await rejects(body, 413, "PayloadTooLarge", /^the body is larger than 1048576 bytes$/);
        });

        it("413 PayloadTooLarge for a chunked body that grows past 1 MiB", async () => {
            const reply = await call(port, "POST", "/invocations", {
                headers: JSON_TYPE,
                chunks: [Buffer.alloc(600_000, "a"), Buffer.alloc(448_577, "a")],
            });
            expect(reply.status).to.equal(413);
            expect(JSON.parse(reply.text).error.code).to.equal("PayloadTooLarge");
        });

        it("400 JSON for bytes that are not HTTP at all, and the server keeps serving", async () => {
            const raw = await new Promise<string>((resolve, reject) => {
                const socket = net.connect(port, "127.0.0.1", () => socket.write("NOT HTTP AT ALL\r\n\r\n"));
                let text = "";
                socket.on("data", (part) => (text += part.toString()));
                socket.on("end", () => resolve(text));
                socket.on("error", reject);
            });
            expect(raw).to.match(/^HTTP\/1\.1 400 Bad Request\r\n/);
            expect(raw).to.contain('{"error":{"code":"BadRequest","message":"malformed HTTP request"}}');
        });
    });

    describe("POST /invocations, model failures", () => {
        const fails = async (error: unknown, status: number, code: string, message: string, retryAfter?: string) => {
            bedrock.onConverse = async () => {
                throw error;
            };
            const reply = await invoke({ prompt: "Where is my order?" });
            expect(reply.status, reply.text).to.equal(status);
            expect(reply.headers["content-type"]).to.equal("application/json; charset=utf-8");
            expect(JSON.parse(reply.text).error).to.deep.equal({ code, message });
            expect(reply.headers["retry-after"]).to.equal(retryAfter);
        };
        const meta = { $metadata: {} };

        it("503 with Retry-After for throttling: the account's model quota, not the caller's fault", async () => {
            const overCapacity = "The model is over capacity; retry later.";
            await fails(
                new ThrottlingException({ message: "Too many tokens", ...meta }),
                503,
                "ThrottlingException",
                overCapacity,
                "2",
            );
            await fails(
                new ServiceQuotaExceededException({ message: "quota", ...meta }),
                503,
                "ServiceQuotaExceededException",
                overCapacity,
                "2",
            );
            await fails(
                new ServiceUnavailableException({ message: "unavailable", ...meta }),
                503,
                "ServiceUnavailableException",
                overCapacity,
                "2",
            );
            await fails(
                new ModelNotReadyException({ message: "warming", ...meta }),
                503,
                "ModelNotReadyException",
                overCapacity,
                "2",
            );
        });

        it("504 for a model timeout", () =>
            fails(
                new ModelTimeoutException({ message: "slow", ...meta }),
                504,
                "ModelTimeoutException",
                "The model did not answer in time.",
            ));

        it("502 for other model errors, without the upstream message (it can name the role or account)", async () => {
            await fails(
                new AccessDeniedException({ message: "arn:aws:iam::123456789012:role/x is not authorized", ...meta }),
                502,
                "AccessDeniedException",
                "The model call failed.",
            );
            await fails(
                new ModelErrorException({ message: "model broke", ...meta }),
                502,
                "ModelErrorException",
                "The model call failed.",
            );
            await fails(new Error("socket hang up"), 502, "ModelCallFailed", "The model call failed.");
            await fails("not even an Error", 502, "ModelCallFailed", "The model call failed.");
        });

        it("logs the upstream error name and message for the operator", async () => {
            lines.length = 0;
            await fails(
                new ModelErrorException({ message: "model broke", ...meta }),
                502,
                "ModelErrorException",
                "The model call failed.",
            );
            const warning = lines
                .map((line) => JSON.parse(line))
                .find((entry) => entry.message === "model call failed");
            expect(warning).to.include({ level: "warn", status: 502, code: "ModelErrorException" });
            expect(warning.error).to.deep.equal({ name: "ModelErrorException", message: "model broke" });
        });

        it("a stream refused before its first event keeps its HTTP status (503 JSON, not a 200 stream)", async () => {
            bedrock.onStream = async () => {
                throw new ThrottlingException({ message: "Too many requests", ...meta });
            };
            const reply = await invoke({ prompt: "Where is my order?", stream: true });
            expect(reply.status).to.equal(503);
            expect(reply.headers["content-type"]).to.equal("application/json; charset=utf-8");
            expect(JSON.parse(reply.text).error.code).to.equal("ThrottlingException");
        });

        it("an exception event as the stream's first event is answered like the same error before the stream", async () => {
            bedrock.onStream = async () => ({
                stream: streamOf([{ throttlingException: { message: "slow down" } } as ConverseStreamOutput]),
                $metadata: {},
            });
            const reply = await invoke({ prompt: "Where is my order?", stream: true });
            expect(reply.status).to.equal(503);
            expect(JSON.parse(reply.text).error.code).to.equal("ThrottlingException");
        });

        it("a failure in the middle of a stream ends it with an error event", async () => {
            bedrock.onStream = async () => ({
                stream: streamOf([
                    STREAM_EVENTS[0],
                    STREAM_EVENTS[1],
                    {
                        modelStreamErrorException: { message: "lost the model", originalStatusCode: 500 },
                    } as ConverseStreamOutput,
                ]),
                $metadata: {},
            });
            const reply = await invoke({ prompt: "Where is my order?", stream: true });
            expect(reply.status).to.equal(200);
            expect(reply.text).to.equal(
                'data: {"type":"delta","text":"Your order "}\n\n' +
                    'data: {"type":"error","error":{"code":"ModelStreamErrorException","message":"The model call failed."}}\n\n',
            );
        });

        it("500 ModelNotConfigured when MODEL_ID is not set, without calling the model", async () => {
            const unconfigured = createAgentServer({ api: bedrock, logger: createLogger({ write: () => undefined }) });
            const otherPort = await start(unconfigured);
            try {
                const reply = await call(otherPort, "POST", "/invocations", {
                    headers: JSON_TYPE,
                    body: '{"prompt":"Hi"}',
                });
                expect(reply.status).to.equal(500);
                expect(JSON.parse(reply.text).error.code).to.equal("ModelNotConfigured");
                expect(JSON.parse(reply.text).error.message).to.match(/set MODEL_ID/);
                expect((await call(otherPort, "GET", "/ping")).status).to.equal(200);
            } finally {
                await stop(unconfigured);
            }
            expect(bedrock.converseCalls).to.have.length(0);
        });

        it("a caller that goes away mid-stream aborts the model call", async () => {
            let signalSeen: AbortSignal | undefined;
            bedrock.onStream = async (signal) => {
                signalSeen = signal;
                async function* slow(): AsyncGenerator<ConverseStreamOutput> {
                    yield STREAM_EVENTS[1];
                    await new Promise((resolve) => signal.addEventListener("abort", resolve));
                    throw Object.assign(new Error("aborted"), { name: "AbortError" });
                }
                return { stream: slow(), $metadata: {} };
            };
            await new Promise<void>((resolve, reject) => {
                const req = http.request(
                    { host: "127.0.0.1", port, method: "POST", path: "/invocations", headers: JSON_TYPE },
                    (res) =>
                        res.once("data", () => {
                            req.destroy();
                            resolve();
                        }),
                );
                req.on("error", (error) => (error.message === "socket hang up" ? undefined : reject(error)));
                req.end(JSON.stringify({ prompt: "Where is my order?", stream: true }));
            });
            await until(() => signalSeen?.aborted === true);
            await until(() => health.ping().status === "Healthy");
        });
    });

    describe("routing", () => {
        it("404 JSON for an unknown path", async () => {
            for (const path of ["/", "/invoke", "/invocations/extra", "/ping/"]) {
                const reply = await call(port, "GET", path);
                expect(reply.status, path).to.equal(404);
                expect(JSON.parse(reply.text).error.code).to.equal("NotFound");
            }
        });

        it("405 JSON with Allow for a wrong method", async () => {
            const cases: [string, string, string][] = [
                ["POST", "/ping", "GET"],
                ["HEAD", "/ping", "GET"],
                ["GET", "/invocations", "POST"],
                ["PUT", "/invocations", "POST"],
            ];
            for (const [method, path, allow] of cases) {
                const reply = await call(port, method, path);
                expect(reply.status, `${method} ${path}`).to.equal(405);
                expect(reply.headers.allow).to.equal(allow);
                if (method !== "HEAD") {
                    expect(JSON.parse(reply.text).error.code).to.equal("MethodNotAllowed");
                }
            }
        });
    });

    describe("structured logs", () => {
        it("one JSON object per line with level, message, request id, session id and latency", async () => {
            lines.length = 0;
            const reply = await invoke(
                { prompt: "Where is my order?" },
                {
                    ...JSON_TYPE,
                    "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id": SESSION_ID,
                    "X-Amzn-Bedrock-AgentCore-Runtime-Request-Id": "req-0001",
                },
            );
            expect(reply.headers["x-request-id"]).to.equal("req-0001");
            await until(() => lines.some((line) => line.includes('"request finished"')));
            const entries = lines.map((line) => JSON.parse(line));
            for (const entry of entries) {
                expect(entry.message).to.be.a("string").and.not.equal("");
                expect(entry.time).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
                expect(["debug", "info", "warn", "error"]).to.include(entry.level);
            }
            const finished = entries.find((entry) => entry.message === "request finished");
            expect(finished).to.include({
                level: "info",
                requestId: "req-0001",
                sessionId: SESSION_ID,
                method: "POST",
                path: "/invocations",
                status: 200,
                completed: true,
            });
            expect(finished.latencyMs).to.be.a("number").and.at.least(0);
        });

        it("a request without AgentCore headers gets a generated request id and no session id", async () => {
            lines.length = 0;
            const reply = await invoke({ prompt: "Hi" });
            expect(reply.headers["x-request-id"]).to.match(
                /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
            );
            await until(() => lines.some((line) => line.includes('"request finished"')));
            const finished = lines
                .map((line) => JSON.parse(line))
                .find((entry) => entry.message === "request finished");
            expect(finished.requestId).to.equal(reply.headers["x-request-id"]);
            expect(finished).to.not.have.property("sessionId");
        });
    });
});

describe("support agent: settings, log levels and the lazy Bedrock client", () => {
    it("PORT defaults to 8080 and takes 0 to 65535", () => {
        expect(readConfig({}).port).to.equal(8080);
        expect(readConfig({ PORT: "" }).port).to.equal(8080);
        expect(readConfig({ PORT: "18080" }).port).to.equal(18080);
        expect(readConfig({ PORT: "0" }).port).to.equal(0);
        expect(readConfig({ PORT: "65535" }).port).to.equal(65535);
    });

    it("every bad setting is reported at once, naming the variable, the value and an example", () => {
        let caught: unknown;
        try {
            readConfig({ PORT: "65536", LOG_LEVEL: "verbose" });
        } catch (error) {
            caught = error;
        }
        expect(caught).to.be.instanceOf(ConfigError);
        expect((caught as ConfigError).problems).to.deep.equal([
            'PORT "65536" is invalid: use an integer from 0 to 65535 (e.g. PORT=8080)',
            'LOG_LEVEL "verbose" is invalid: use one of debug, info, warn, error (e.g. LOG_LEVEL=info)',
        ]);
        for (const port of ["-1", "80.5", "abc", "8080x"]) {
            expect(() => readConfig({ PORT: port }), port).to.throw(ConfigError, `PORT "${port}" is invalid`);
        }
    });

    it("MODEL_ID is optional (blank means unset) and LOG_LEVEL is case-insensitive", () => {
        expect(readConfig({}).modelId).to.equal(undefined);
        expect(readConfig({ MODEL_ID: "  " }).modelId).to.equal(undefined);
        expect(readConfig({ MODEL_ID: "amazon.nova-lite-v1:0" }).modelId).to.equal("amazon.nova-lite-v1:0");
        expect(readConfig({}).logLevel).to.equal("info");
        expect(readConfig({ LOG_LEVEL: "WARN" }).logLevel).to.equal("warn");
    });

    it("the logger drops lines below its level", () => {
        const lines: string[] = [];
        const log = createLogger({ level: "warn", write: (line) => lines.push(line), now: () => new Date(0) });
        log.info("dropped");
        log.warn("kept", { code: "X" });
        expect(lines).to.deep.equal(['{"time":"1970-01-01T00:00:00.000Z","level":"warn","message":"kept","code":"X"}']);
    });

    it("creates the Bedrock client on the first model call, once", async () => {
        const sent: unknown[] = [];
        let created = 0;
        const api = bedrockConverseApi(() => {
            created += 1;
            return {
                send: async (command: unknown) => (sent.push(command), ANSWER),
            } as unknown as BedrockRuntimeClient;
        });
        expect(created, "before any call").to.equal(0);
        const signal = new AbortController().signal;
        await api.converse({ modelId: "m", messages: [] }, signal);
        await api.converse({ modelId: "m", messages: [] }, signal);
        expect(created).to.equal(1);
        expect(sent[0]).to.be.instanceOf(ConverseCommand);
        expect((sent[0] as ConverseCommand).input).to.deep.equal({ modelId: "m", messages: [] });
    });
});
