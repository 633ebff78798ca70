/**
 * `runtimes` as a list: given, a list, each entry a map, a private endpoint only under the
 * authorizer, names distinct among the entries that can be read, and the rules between an
 * entry's fields read whatever the entry's other problems. Expected messages are literals.
 */
import { expect } from "chai";
import { pinnedRuntime, problemsOf } from "../config/overrides";
import { configProblems, rawStack } from "../helpers";

const LIST_EXAMPLE = `[{ name: "support_agent", code: { path: "agents/support-agent/dist", runtime: "NODE_22", entryPoint: ["main.js"] } }]`;
const ENTRY_EXAMPLE = `{ name: "support_agent", code: { path: "agents/support-agent/dist", runtime: "NODE_22", entryPoint: ["main.js"] } }`;
const PRIVATE_IDP = {
    discoveryUrl: "https://idp.internal.example.com/realms/agents/.well-known/openid-configuration",
    allowedAudience: ["support-agent"],
};

describe("config: the runtimes list", () => {
    it("is required in a stack with runtimes", () => {
        expect(problemsOf("development", { runtimes: undefined })).to.deep.equal([
            `runtimes is missing: a list of 1 to 2 runtimes (e.g. ${LIST_EXAMPLE})`,
        ]);
    });

    it("is a list: a map is refused as the value it is; near miss: the same map in a list passes", () => {
        const [entry] = pinnedRuntime({});
        expect(problemsOf("development", { runtimes: entry })).to.deep.equal([
            `runtimes ${JSON.stringify(entry)} is invalid: a list of 1 to 2 runtimes (the design caps a stack at 2) (e.g. ${LIST_EXAMPLE})`,
        ]);
        expect(problemsOf("development", { runtimes: [entry] })).to.deep.equal([]);
    });

    it("has maps for entries: a number or null is refused under its index, the map beside it is read", () => {
        const [entry] = pinnedRuntime({});
        expect(problemsOf("development", { runtimes: [3, { ...entry, description: "" }] })).to.deep.equal([
            `runtimes[0] 3 is invalid: a map with at least name and one of containerUri, image or code (e.g. ${ENTRY_EXAMPLE})`,
            `runtimes[1].description "" is invalid: text of 1 to 1200 characters (e.g. "Answers customer support questions")`,
        ]);
        expect(problemsOf("development", { runtimes: [null] })).to.deep.equal([
            `runtimes[0] null is invalid: a map with at least name and one of containerUri, image or code (e.g. ${ENTRY_EXAMPLE})`,
        ]);
    });

    it("refuses privateEndpoint on the entry, naming where it belongs; near miss: the example given passes", () => {
        expect(
            problemsOf("development", { runtimes: pinnedRuntime({ privateEndpoint: { managed: {} } }) }),
        ).to.deep.equal([
            `runtimes[0].privateEndpoint {"managed":{}} is invalid: authorizer.privateEndpoint: a private endpoint is how AgentCore reaches the JWT authorizer's discovery URL, so it needs an authorizer (e.g. runtimes[0].authorizer: { discoveryUrl: "https://idp.internal.example.com/realms/agents/.well-known/openid-configuration", allowedAudience: ["support-agent"], privateEndpoint: { managed: {} } })`,
        ]);
        expect(
            problemsOf("development", {
                runtimes: pinnedRuntime({ authorizer: { ...PRIVATE_IDP, privateEndpoint: { managed: {} } } }),
            }),
        ).to.deep.equal([]);
    });

    it("does not offer privateEndpoint as a field of the entry when another is misspelt", () => {
        expect(problemsOf("development", { runtimes: pinnedRuntime({ privateEndpont: {} }) })).to.deep.equal([
            `runtimes[0].privateEndpont {} is invalid: not a known field; use name, containerUri, image, code, description, protocol, environment, idleTimeoutSeconds, maxLifetimeSeconds, authorizer, requestHeaders, endpoints, filesystems, secrets, access, allowedPrincipals (e.g. runtimes[0].name)`,
        ]);
    });

    it("a name repeated by an entry refused in its own fields is no repeat; refused only in its authorizer, it is", () => {
        const [entry] = pinnedRuntime({});
        expect(problemsOf("development", { runtimes: [{ ...entry, protocol: "GRPC" }, entry] })).to.deep.equal([
            `runtimes[0].protocol "GRPC" is invalid: one of HTTP, MCP, A2A, AGUI (e.g. "HTTP")`,
        ]);
        expect(problemsOf("development", { runtimes: [{ ...entry, authorizer: 1 }, entry] })).to.deep.equal([
            `runtimes[0].authorizer 1 is invalid: a map with discoveryUrl and allowedAudience and/or allowedClients (e.g. { discoveryUrl: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123/.well-known/openid-configuration", allowedClients: ["4f1k2example"] })`,
            `runtimes[1].name "support_agent" is invalid: a name not used by another runtime in this stack, letter case aside (e.g. "support_agent_2")`,
        ]);
        // Near miss: one character apart is another name.
        expect(problemsOf("development", { runtimes: [entry, { ...entry, name: "support_agent2" }] })).to.deep.equal(
            [],
        );
    });

    it("reports each field where it is, then unknown fields, then the rules between fields, then the list's", () => {
        const [entry] = pinnedRuntime({});
        const bad = {
            ...entry,
            privateEndpoint: { managed: {} },
            name: "support-agent",
            descripton: "typo",
            idleTimeoutSeconds: 1000,
            maxLifetimeSeconds: 999,
        };
        expect(
            problemsOf("development", { runtimes: [bad, { ...entry, name: "b" }, { ...entry, name: "c" }] }),
        ).to.deep.equal([
            `runtimes[0].name "support-agent" is invalid: letters, digits and _ only, starting with a letter (e.g. "support_agent")`,
            `runtimes[0].privateEndpoint {"managed":{}} is invalid: authorizer.privateEndpoint: a private endpoint is how AgentCore reaches the JWT authorizer's discovery URL, so it needs an authorizer (e.g. runtimes[0].authorizer: { discoveryUrl: "https://idp.internal.example.com/realms/agents/.well-known/openid-configuration", allowedAudience: ["support-agent"], privateEndpoint: { managed: {} } })`,
            `runtimes[0].descripton "typo" is invalid: not a known field (did you mean description?); use name, containerUri, image, code, description, protocol, environment, idleTimeoutSeconds, maxLifetimeSeconds, authorizer, requestHeaders, endpoints, filesystems, secrets, access, allowedPrincipals (e.g. runtimes[0].description)`,
            `runtimes[0].maxLifetimeSeconds 999 is invalid: at least idleTimeoutSeconds (1000) (e.g. 28800)`,
            `runtimes "3 runtimes" is invalid: a list of 1 to 2 runtimes (the design caps a stack at 2) (e.g. ${LIST_EXAMPLE})`,
        ]);
    });

    it("checks max lifetime against idle timeout beside the entry's other problems, at its bound", () => {
        const lifetimes = (maxLifetimeSeconds: number) =>
            problemsOf("development", {
                runtimes: pinnedRuntime({ name: "support-agent", idleTimeoutSeconds: 1000, maxLifetimeSeconds }),
            });
        const name = `runtimes[0].name "support-agent" is invalid: letters, digits and _ only, starting with a letter (e.g. "support_agent")`;
        expect(lifetimes(1000)).to.deep.equal([name]);
        expect(lifetimes(999)).to.deep.equal([
            name,
            `runtimes[0].maxLifetimeSeconds 999 is invalid: at least idleTimeoutSeconds (1000) (e.g. 28800)`,
        ]);
    });

    it("names one account for every ARN across the entries, the first ARN naming it; near miss: the same account passes", () => {
        const [entry] = pinnedRuntime({});
        const secret = (account: string) => ({
            S_ARN: { arn: `arn:aws:secretsmanager:us-east-1:${account}:secret:crm-AbCdEf` },
        });
        expect(
            problemsOf("development", {
                runtimes: [
                    { ...entry, secrets: secret("123456789012") },
                    { ...entry, name: "b", secrets: secret("210987654321") },
                ],
            }),
        ).to.deep.equal([
            `runtimes[1].secrets.S_ARN.arn "arn:aws:secretsmanager:us-east-1:210987654321:secret:crm-AbCdEf" is invalid: an ARN in the account 123456789012 that runtimes[0].secrets.S_ARN.arn names: the stack's role reaches its own account's file systems and secrets only (e.g. "arn:aws:secretsmanager:us-east-1:123456789012:secret:crm-AbCdEf")`,
        ]);
        expect(
            problemsOf("development", {
                runtimes: [
                    { ...entry, secrets: secret("123456789012") },
                    { ...entry, name: "b", secrets: secret("123456789012") },
                ],
            }),
        ).to.deep.equal([]);
    });

    it("checks MODEL_ID against modelArns under the entry's own index, after a refused entry too", () => {
        const [entry] = pinnedRuntime({});
        const modelArns = ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0"];
        const model = (MODEL_ID: string) => ({ ...entry, name: "b", environment: { MODEL_ID } });
        expect(
            problemsOf("development", {
                modelArns,
                runtimes: [{ ...entry, protocol: "GRPC" }, model("amazon.nova-lite-v1:0")],
            }),
        ).to.deep.equal([
            `runtimes[0].protocol "GRPC" is invalid: one of HTTP, MCP, A2A, AGUI (e.g. "HTTP")`,
            `runtimes[1].environment.MODEL_ID "amazon.nova-lite-v1:0" is invalid: a model that modelArns allows (it lists 1: anthropic.claude-3-5-haiku-20241022-v1:0) (e.g. modelArns: ["arn:aws:bedrock:us-east-1:123456789012:inference-profile/amazon.nova-lite-v1:0"])`,
        ]);
        // Near miss: the model listed.
        expect(
            problemsOf("development", {
                modelArns,
                runtimes: [{ ...entry, protocol: "GRPC" }, model("anthropic.claude-3-5-haiku-20241022-v1:0")],
            }),
        ).to.deep.equal([`runtimes[0].protocol "GRPC" is invalid: one of HTTP, MCP, A2A, AGUI (e.g. "HTTP")`]);
    });

    it("a refused modelArns makes no MODEL_ID problem", () => {
        expect(
            problemsOf("development", {
                modelArns: ["arn:aws:bedrock:us-east-1::foundation-model/*"],
                runtimes: pinnedRuntime({ environment: { MODEL_ID: "amazon.nova-lite-v1:0" } }),
            }),
        ).to.deep.equal([
            `modelArns[0] "arn:aws:bedrock:us-east-1::foundation-model/*" is invalid: a Bedrock foundation-model or inference-profile ARN without wildcards (e.g. "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0")`,
        ]);
    });

    it("checks a stored secret's name against secretValues under the entry's own index, beside its other problems", () => {
        const [entry] = pinnedRuntime({});
        const stored = (name: string) => ({
            ...entry,
            name: "b",
            description: "",
            secrets: { CRM_API_KEY_SECRET_ARN: { stored: name } },
        });
        const own = [
            `runtimes[0].protocol "GRPC" is invalid: one of HTTP, MCP, A2A, AGUI (e.g. "HTTP")`,
            `runtimes[1].description "" is invalid: text of 1 to 1200 characters (e.g. "Answers customer support questions")`,
        ];
        expect(
            problemsOf("development", { runtimes: [{ ...entry, protocol: "GRPC" }, stored("crm_api_key")] }),
        ).to.deep.equal([
            ...own,
            `runtimes[1].secrets.CRM_API_KEY_SECRET_ARN.stored "crm_api_key" is invalid: a name under secretValues (none set) (e.g. pulumi config set --secret --path 'secretValues.crm_api_key' <value>)`,
        ]);
        // Near miss: the name set under secretValues (as a Pulumi secret).
        expect(
            configProblems({
                ...rawStack("development", {
                    runtimes: [
                        { ...entry, protocol: "GRPC" },
                        { ...stored("crm_api_key"), description: "d" },
                    ],
                    secretValues: { crm_api_key: "s3cr3t" },
                }),
                secretKeys: ["secretValues"],
            }),
        ).to.deep.equal([own[0]]);
    });
});
