/**
 * What the support agent asks the model and what it keeps of the answer: one user turn with a
 * fixed system prompt, through Converse (whole answer) or ConverseStream (text as it comes).
 */
import { ConverseStreamOutput, TokenUsage } from "@aws-sdk/client-bedrock-runtime";
import { ConverseApi } from "./bedrock";

/** The agent's role; the prompt comes from the caller. */
export const SYSTEM_PROMPT =
    "You are a customer support assistant. Answer briefly and politely. " +
    "If you do not know the answer, say so and suggest contacting a human agent.";

/** An upper bound on the answer's length, so one request cannot run up an unbounded bill. */
export const MAX_OUTPUT_TOKENS = 1024;

export interface Usage {
    readonly inputTokens?: number;
    readonly outputTokens?: number;
    readonly totalTokens?: number;
}

export interface Reply {
    readonly text: string;
    readonly stopReason?: string;
    readonly usage?: Usage;
}

export type ReplyEvent =
    | { readonly type: "delta"; readonly text: string }
    | { readonly type: "done"; readonly stopReason?: string; readonly usage?: Usage };

function request(modelId: string, prompt: string) {
    return {
        modelId,
        system: [{ text: SYSTEM_PROMPT }],
        messages: [{ role: "user" as const, content: [{ text: prompt }] }],
        inferenceConfig: { maxTokens: MAX_OUTPUT_TOKENS },
    };
}

function usageOf(usage: TokenUsage | undefined): Usage | undefined {
    return usage
        ? { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, totalTokens: usage.totalTokens }
        : undefined;
}

export async function reply(api: ConverseApi, modelId: string, prompt: string, signal: AbortSignal): Promise<Reply> {
    const out = await api.converse(request(modelId, prompt), signal);
    const text = (out.output?.message?.content ?? []).map((block) => block.text ?? "").join("");
    return { text, stopReason: out.stopReason, usage: usageOf(out.usage) };
}

/**
 * ConverseStream can report a failure inside the stream, after its 200: raise it as an error
 * named like the SDK's exception class, so it is answered like the same failure before the stream.
 */
function throwIfException(event: ConverseStreamOutput): void {
    const exceptions: [string, { message?: string } | undefined][] = [
        ["InternalServerException", event.internalServerException],
        ["ModelStreamErrorException", event.modelStreamErrorException],
        ["ServiceUnavailableException", event.serviceUnavailableException],
        ["ThrottlingException", event.throttlingException],
        ["ValidationException", event.validationException],
    ];
    for (const [name, member] of exceptions) {
        if (member) {
            throw Object.assign(new Error(member.message ?? name), { name });
        }
    }
}

async function* events(stream: AsyncIterable<ConverseStreamOutput>): AsyncGenerator<ReplyEvent> {
    let stopReason: string | undefined;
    for await (const event of stream) {
        throwIfException(event);
        const text = event.contentBlockDelta?.delta?.text;
        if (text) {
            yield { type: "delta", text };
        }
        if (event.messageStop) {
            stopReason = event.messageStop.stopReason;
        }
        if (event.metadata) {
            yield { type: "done", stopReason, usage: usageOf(event.metadata.usage) };
            return;
        }
    }
    // A stream that ends without its metadata event still ends the reply.
    yield { type: "done", stopReason };
}

/** Resolves once Bedrock accepted the call, so a refusal (throttling, access) is a plain error. */
export async function replyStream(
    api: ConverseApi,
    modelId: string,
    prompt: string,
    signal: AbortSignal,
): Promise<AsyncGenerator<ReplyEvent>> {
    const out = await api.converseStream(request(modelId, prompt), signal);
    if (!out.stream) {
        throw Object.assign(new Error("ConverseStream returned no stream"), { name: "ModelStreamErrorException" });
    }
    return events(out.stream);
}
