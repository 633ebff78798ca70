/**
 * The Bedrock Runtime Converse API as the agent uses it. The SDK client is created on the
 * first call, so the process starts and answers /ping without AWS credentials or a region
 * (the SDK reads AWS_REGION and the credential chain only when a client resolves them).
 */
import {
    BedrockRuntimeClient,
    ConverseCommand,
    ConverseCommandInput,
    ConverseCommandOutput,
    ConverseStreamCommand,
    ConverseStreamCommandInput,
    ConverseStreamCommandOutput,
} from "@aws-sdk/client-bedrock-runtime";

/** The two calls the agent makes; tests pass their own implementation. */
export interface ConverseApi {
    converse(input: ConverseCommandInput, signal: AbortSignal): Promise<ConverseCommandOutput>;
    converseStream(input: ConverseStreamCommandInput, signal: AbortSignal): Promise<ConverseStreamCommandOutput>;
}

export function bedrockConverseApi(
    createClient: () => BedrockRuntimeClient = () => new BedrockRuntimeClient({}),
): ConverseApi {
    let client: BedrockRuntimeClient | undefined;
    const get = () => (client ??= createClient());
    return {
        converse: (input, signal) => get().send(new ConverseCommand(input), { abortSignal: signal }),
        converseStream: (input, signal) => get().send(new ConverseStreamCommand(input), { abortSignal: signal }),
    };
}
