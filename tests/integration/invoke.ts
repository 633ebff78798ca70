/**
 * One invocation of a deployed sample agent, the way both integration tests check it answers:
 * status 200 and a non-empty body (its first 200 characters logged).
 */
import { BedrockAgentCoreClient, InvokeAgentRuntimeCommand } from "@aws-sdk/client-bedrock-agentcore";
import { expect } from "chai";
import { randomUUID } from "crypto";
import { IT_ENV } from "./prerequisites";

export async function invokeSampleAgent(
    region: string,
    agentRuntimeArn: string,
    env: NodeJS.ProcessEnv,
    log: (line: string) => void,
): Promise<void> {
    const data = new BedrockAgentCoreClient({ region });
    const response = await data.send(
        new InvokeAgentRuntimeCommand({
            agentRuntimeArn,
            qualifier: "DEFAULT",
            // At least 33 characters, as the service requires.
            runtimeSessionId: `${randomUUID()}-${randomUUID()}`,
            contentType: "application/json",
            accept: "application/json",
            payload: Buffer.from(env[IT_ENV.payload] ?? JSON.stringify({ prompt: "Reply with the word pong." })),
        }),
    );
    expect(response.statusCode).to.equal(200);
    const body = await response.response?.transformToString();
    log(`agent replied: ${(body ?? "").slice(0, 200)}`);
    expect(body ?? "").not.to.equal("");
}
