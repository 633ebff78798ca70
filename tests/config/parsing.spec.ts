/**
 * How a key's text becomes a value and a refused value becomes a message (src/config/parse.ts,
 * declare.ts, problems.ts): the decoding by Pulumi type, secret keys never echoed, the unknown
 * key and unknown field suggestions, missing values, the key schemas' examples and the error
 * that lists every problem. Each with the literal message and a near miss that passes.
 */
import { expect } from "chai";
import { ConfigValidationError, RawStackConfig, validateConfig } from "../../src/config";
import { Problems } from "../../src/config/problems";
import { configProblems, rawStack } from "../helpers";
import { CONFIG_KEY_NAMES } from "./keyNames";
import { pinnedRuntime, problemsOf } from "./overrides";

/** The development fixture's problems with `secretKeys` marked secret. */
function secretProblems(overrides: Record<string, unknown>, secretKeys: string[]): readonly string[] {
    const raw: RawStackConfig = { ...rawStack("development", overrides), secretKeys };
    return configProblems(raw);
}

const INSTANCES = { computeType: "instances" };
const MODEL_EXAMPLE = `["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0"]`;

describe("config parsing: integers", () => {
    it("refuses text around the digits, on either side", () => {
        expect(problemsOf("development", { cpu: "x512" })).to.deep.equal([
            `cpu "x512" is invalid: a whole number (e.g. 512)`,
        ]);
        expect(problemsOf("development", { cpu: "512x" })).to.deep.equal([
            `cpu "512x" is invalid: a whole number (e.g. 512)`,
        ]);
    });

    it("reads a whole number with spaces around it", () => {
        expect(problemsOf("development", { cpu: " 512 " })).to.deep.equal([]);
        expect(validateConfig(rawStack("development", { cpu: " 512 " })).sizing.cpu).to.equal(512);
    });
});

describe("config parsing: lists of strings (Pulumi type array)", () => {
    const refused = (text: string) =>
        `modelArns ${JSON.stringify(text)} is invalid: a list of strings (e.g. ${MODEL_EXAMPLE})`;

    it("refuses text that is no JSON, a map, and a list of numbers, as a whole", () => {
        expect(problemsOf("development", { modelArns: "nope" })).to.deep.equal([refused("nope")]);
        expect(problemsOf("development", { modelArns: '{"a":"b"}' })).to.deep.equal([
            `modelArns "{"a":"b"}" is invalid: a list of strings (e.g. ${MODEL_EXAMPLE})`,
        ]);
        expect(problemsOf("development", { modelArns: "[1]" })).to.deep.equal([refused("[1]")]);
    });

    it("accepts an empty list", () => {
        expect(problemsOf("development", { modelArns: "[]", runtimes: pinnedRuntime({}) })).to.deep.equal([]);
    });
});

describe("config parsing: structured keys", () => {
    it("refuses text that is no YAML list or map", () => {
        expect(problemsOf("development", { tags: "{bad" })).to.deep.equal([
            `tags "{bad" is invalid: a YAML list or map (e.g. { CostCenter: "ai-platform" })`,
        ]);
        expect(problemsOf("development", { tags: "{}" })).to.deep.equal([]);
    });

    it("runtimes unset is missing, with the list's bounds", () => {
        expect(problemsOf("development", { runtimes: undefined })).to.deep.equal([
            `runtimes is missing: a list of 1 to 2 runtimes (e.g. [{ name: "support_agent", code: { path: "agents/support-agent/dist", runtime: "NODE_22", entryPoint: ["main.js"] } }])`,
        ]);
    });

    it("a runtime with no artifact is missing one, under its path", () => {
        expect(problemsOf("development", { runtimes: [{ name: "bare_agent" }] })).to.deep.equal([
            `runtimes[0].containerUri|image|code (runtime "bare_agent") is missing: exactly one of containerUri (an existing image), image (built from source) or code (direct code deployment) (e.g. code: { path: "agents/support-agent/dist", runtime: "NODE_22", entryPoint: ["main.js"] } or image: { context: "agents/support-agent" })`,
        ]);
    });

    it("a map field given as no map: a map (e.g. {})", () => {
        expect(problemsOf("development", { ...INSTANCES, instanceVolumes: [5] })).to.deep.equal([
            `instanceVolumes[0] 5 is invalid: a map (e.g. {})`,
        ]);
        expect(
            problemsOf("development", { ...INSTANCES, instanceVolumes: [{ name: "workspace", sizeGiB: 20 }] }),
        ).to.deep.equal([]);
    });

    it("an empty YAML value (null) is refused as no map, not read as one", () => {
        expect(problemsOf("development", { tags: "null" })).to.deep.equal([
            `tags null is invalid: a map of tag keys to values (e.g. { CostCenter: "ai-platform" })`,
        ]);
        expect(problemsOf("development", { runtimes: [null] })).to.deep.equal([
            `runtimes[0] null is invalid: a map with at least name and one of containerUri, image or code (e.g. { name: "support_agent", code: { path: "agents/support-agent/dist", runtime: "NODE_22", entryPoint: ["main.js"] } })`,
        ]);
    });

    it("a missing field is shown as null", () => {
        expect(problemsOf("development", { ...INSTANCES, instanceVolumes: [{ name: "workspace" }] })).to.deep.equal([
            `instanceVolumes[0].sizeGiB null is invalid: whole GiB from 1 to 65536 (e.g. 20)`,
        ]);
    });

    it("an unknown field names the nearest known one, or none when nothing is near", () => {
        expect(
            problemsOf("development", {
                ...INSTANCES,
                instanceVolumes: [{ name: "workspace", sizeGiB: 20, sizeGb: 1 }],
            }),
        ).to.deep.equal([
            `instanceVolumes[0].sizeGb 1 is invalid: not a known field (did you mean sizeGiB?); use name, sizeGiB, mountPath (e.g. instanceVolumes[0].sizeGiB)`,
        ]);
        expect(
            problemsOf("development", {
                ...INSTANCES,
                instanceVolumes: [{ name: "workspace", sizeGiB: 20, zzzzzzzz: 1 }],
            }),
        ).to.deep.equal([
            `instanceVolumes[0].zzzzzzzz 1 is invalid: not a known field; use name, sizeGiB, mountPath (e.g. instanceVolumes[0].name)`,
        ]);
    });
});

describe("config parsing: secret keys are never echoed", () => {
    it("a refused secret value is shown as [secret], a plain one as written", () => {
        const allowed =
            'is invalid: an AWS Organizations ID: o- and 10 to 32 lowercase letters or digits, or empty for this account only (e.g. "o-a1b2c3d4e5")';
        expect(secretProblems({ organizationId: "bad" }, ["organizationId"])).to.deep.equal([
            `organizationId "[secret]" ${allowed}`,
        ]);
        expect(problemsOf("development", { organizationId: "bad" })).to.deep.equal([`organizationId "bad" ${allowed}`]);
    });

    it("an unknown field of a secret key is shown as [secret]", () => {
        expect(
            secretProblems({ ...INSTANCES, instanceVolumes: [{ name: "workspace", sizeGiB: 20, sizeGb: 1 }] }, [
                "instanceVolumes",
            ]),
        ).to.deep.equal([
            `instanceVolumes[0].sizeGb "[secret]" is invalid: not a known field (did you mean sizeGiB?); use name, sizeGiB, mountPath (e.g. instanceVolumes[0].sizeGiB)`,
        ]);
    });

    it("a rule between keys names a key's value as written, or [secret]", () => {
        const rest = `is invalid: unset unless stackKind is agent (this stack is all-in-one) (e.g. stackKind: agent, or remove networkStack)`;
        expect(problemsOf("development", { networkStack: "acme/agentcore-private/network" })).to.deep.equal([
            `networkStack "acme/agentcore-private/network" ${rest}`,
        ]);
        expect(secretProblems({ networkStack: "acme/agentcore-private/network" }, ["networkStack"])).to.deep.equal([
            `networkStack "[secret]" ${rest}`,
        ]);
    });
});

describe("config parsing: unknown keys", () => {
    it("with nothing near, no suggestion and the first key as the example", () => {
        expect(problemsOf("development", { zzzzzzzzzz: "1" })).to.deep.equal([
            `agentcore-private:zzzzzzzzzz "1" is invalid: not a setting of this program; known keys: ${CONFIG_KEY_NAMES.join(", ")} (e.g. environment)`,
        ]);
    });

    it("suggests a key at most 2 edits away, never one 3 away", () => {
        const known = `known keys: ${CONFIG_KEY_NAMES.join(", ")}`;
        expect(problemsOf("development", { memoryxx: "1" })).to.deep.equal([
            `agentcore-private:memoryxx "1" is invalid: not a setting of this program (did you mean memory?); ${known} (e.g. memory)`,
        ]);
        expect(problemsOf("development", { memoryxxx: "1" })).to.deep.equal([
            `agentcore-private:memoryxxx "1" is invalid: not a setting of this program; ${known} (e.g. environment)`,
        ]);
    });
});

describe("config parsing: values shown as written", () => {
    it("a string value is quoted as is, quotes and backslashes included", () => {
        expect(problemsOf("development", { environment: 'pro"d\\x' })).to.deep.equal([
            `environment "pro"d\\x" is invalid: one of development, staging, production (e.g. "staging")`,
        ]);
    });
});

describe("config parsing: the key schemas' messages", () => {
    it("a tag key of 1 character passes, an empty one is refused", () => {
        expect(problemsOf("development", { tags: { A: "x" } })).to.deep.equal([]);
        expect(problemsOf("development", { tags: { "": "x" } })).to.deep.equal([
            `tags. "" is invalid: a tag key of 1-128 ASCII letters, digits, spaces and _.:/=+-@, not starting with aws: (e.g. CostCenter)`,
        ]);
    });

    it("a malformed subnet ID's example is a subnet ID", () => {
        expect(
            problemsOf("development", {
                vpcId: "vpc-0a1b2c3d4e5f60718",
                subnetIds: ["bad", "subnet-0f1e2d3c4b5a69788"],
                routeTableIds: ["rtb-0a1b2c3d4e5f60718"],
                availabilityZoneIds: [],
                endpointClientCidrs: [],
            }),
        ).to.include(`subnetIds[0] "bad" is invalid: a subnet ID (e.g. "subnet-0a1b2c3d4e5f60718")`);
    });

    it("the instance lifecycle bounds: 60 s to 14 days, each with its own default as the example", () => {
        expect(problemsOf("development", { ...INSTANCES, instanceIdleTimeoutSeconds: "59" })).to.deep.equal([
            `instanceIdleTimeoutSeconds 59 is invalid: a whole number of seconds from 60 to 1209600 (14 days) (e.g. 900)`,
        ]);
        expect(problemsOf("development", { ...INSTANCES, instanceMaxLifetimeSeconds: "1209601" })).to.deep.equal([
            `instanceMaxLifetimeSeconds 1209601 is invalid: a whole number of seconds from 60 to 1209600 (14 days) (e.g. 28800)`,
        ]);
        expect(
            problemsOf("development", {
                ...INSTANCES,
                instanceIdleTimeoutSeconds: "60",
                instanceMaxLifetimeSeconds: "1209600",
            }),
        ).to.deep.equal([]);
    });

    it("request headers: a list of non-empty strings", () => {
        const refused = (shown: string) =>
            `runtimes[0].requestHeaders ${shown} is invalid: a list of non-empty strings (e.g. ["X-Tenant-Id"])`;
        expect(problemsOf("development", { runtimes: pinnedRuntime({ requestHeaders: ["X-A", ""] }) })).to.deep.equal([
            refused(`["X-A",""]`),
        ]);
        expect(problemsOf("development", { runtimes: pinnedRuntime({ requestHeaders: "X-A" }) })).to.deep.equal([
            refused(`"X-A"`),
        ]);
        expect(problemsOf("development", { runtimes: pinnedRuntime({ requestHeaders: ["X-A"] }) })).to.deep.equal([]);
    });

    it("the lifetime is compared with the idle timeout only when both passed their schemas", () => {
        expect(
            problemsOf("development", {
                runtimes: pinnedRuntime({ idleTimeoutSeconds: "abc", maxLifetimeSeconds: 60 }),
            }),
        ).to.deep.equal([
            `runtimes[0].idleTimeoutSeconds "abc" is invalid: a whole number of seconds from 60 to 28800 (e.g. 900)`,
        ]);
        expect(
            problemsOf("development", {
                runtimes: pinnedRuntime({ idleTimeoutSeconds: 900, maxLifetimeSeconds: 600 }),
            }),
        ).to.deep.equal([
            `runtimes[0].maxLifetimeSeconds 600 is invalid: at least idleTimeoutSeconds (900) (e.g. 28800)`,
        ]);
        expect(
            problemsOf("development", {
                runtimes: pinnedRuntime({ idleTimeoutSeconds: 900, maxLifetimeSeconds: 900 }),
            }),
        ).to.deep.equal([]);
    });
});

describe("config parsing: the error listing every problem", () => {
    function errorOf(overrides: Record<string, unknown>): ConfigValidationError {
        try {
            validateConfig(rawStack("development", overrides));
        } catch (e) {
            if (e instanceof ConfigValidationError) {
                return e;
            }
            throw e;
        }
        throw new Error("expected a ConfigValidationError");
    }

    it("one problem: singular, one line under the heading", () => {
        const e = errorOf({ cpu: "lots" });
        expect(e.name).to.equal("ConfigValidationError");
        expect(e.stack).to.equal("development");
        expect(e.message).to.equal(
            `Stack "development" has 1 configuration problem; nothing was created:\n  - cpu "lots" is invalid: a whole number (e.g. 512)`,
        );
    });

    it("two problems: plural, one line each", () => {
        expect(errorOf({ cpu: "lots", memory: "lots" }).message).to.equal(
            `Stack "development" has 2 configuration problems; nothing was created:\n` +
                `  - cpu "lots" is invalid: a whole number (e.g. 512)\n` +
                `  - memory "lots" is invalid: a whole number (e.g. 1024)`,
        );
    });
});

describe("config parsing: problems renumbered after a refused entry (near misses)", () => {
    it("renumbers only a key that starts with the list, and indexes of two digits", () => {
        const p = new Problems();
        const view = p.renumbering("runtimes", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12]);
        view.invalid("runtimes[10].name", "x", "a name", `"a"`);
        view.invalid("other.runtimes[0]", "y", "a name", `"a"`);
        expect(p.all).to.deep.equal([
            `runtimes[12].name "x" is invalid: a name (e.g. "a")`,
            `other.runtimes[0] "y" is invalid: a name (e.g. "a")`,
        ]);
    });
});

describe("config parsing: the entries of a refused map that pass alone", () => {
    it("a refused secretValues name leaves the others usable by the runtimes", () => {
        expect(
            problemsOf("development", {
                secretValues: { crm_api_key: { secure: "v1" }, "bad-name": { secure: "v2" } },
                runtimes: pinnedRuntime({ secrets: { CRM_API_KEY_SECRET_ARN: { stored: "crm_api_key" } } }),
            }),
        ).to.deep.equal([
            `secretValues.bad-name "bad-name" is invalid: a name of letters, digits and _ (1-64), starting with a letter (e.g. crm_api_key)`,
        ]);
    });
});

describe("config parsing: a runtime's secrets read past a refused map's entries", () => {
    const secretValues = { crm_api_key: { secure: "v1" } };
    const stored = { CRM_API_KEY_SECRET_ARN: { stored: "crm_api_key" } };
    /** `count` environment variables VAR_0, VAR_1, ... */
    const variables = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`VAR_${i}`, "v"]));

    it("a stored source names a value under secretValues", () => {
        expect(
            problemsOf("development", {
                secretValues,
                runtimes: pinnedRuntime({ secrets: { ...stored, OTHER_SECRET_ARN: { stored: "other_key" } } }),
            }),
        ).to.deep.equal([
            `runtimes[0].secrets.OTHER_SECRET_ARN.stored "other_key" is invalid: a name under secretValues (crm_api_key) (e.g. pulumi config set --secret --path 'secretValues.other_key' <value>)`,
        ]);
    });

    it("each secret counts as one of the runtime's 50 environment variables (AgentCore's limit)", () => {
        expect(
            problemsOf("development", {
                secretValues,
                runtimes: pinnedRuntime({ environment: variables(49), secrets: stored }),
            }),
        ).to.deep.equal([]);
        expect(
            problemsOf("development", {
                secretValues,
                runtimes: pinnedRuntime({ environment: variables(50), secrets: stored }),
            }),
        ).to.deep.equal([
            `runtimes[0].secrets "51 variables with environment" is invalid: at most 50 environment variables and secrets together (each secret is a variable holding its ARN) (e.g. { CRM_API_KEY_SECRET_ARN: { stored: crm_api_key } })`,
        ]);
    });
});
