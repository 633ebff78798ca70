/**
 * Did-you-mean suggestions, foreign-namespace keys and endpoint-service names: pure config
 * validation, kept apart from the program runs of tests/config/newcomer.spec.ts so the mutation
 * run (stryker.config.json) can use it.
 */
import { expect } from "chai";
import { validateConfig } from "../../src/config";
import { levenshtein, nearest } from "../../src/config/suggest";
import { configProblems, rawStack } from "../helpers";
import { unknownKeyMessage } from "./keyNames";

function problemsOf(overrides: Record<string, unknown>, otherValues: Record<string, string> = {}): readonly string[] {
    return configProblems({ ...rawStack("development", overrides), otherValues });
}

describe("newcomer: did you mean", () => {
    it("measures edit distance", () => {
        expect(levenshtein("", "")).to.equal(0);
        expect(levenshtein("cpu", "cpu")).to.equal(0);
        expect(levenshtein("", "abc")).to.equal(3);
        expect(levenshtein("abc", "")).to.equal(3);
        expect(levenshtein("kitten", "sitting")).to.equal(3);
        expect(levenshtein("cpuu", "cpu")).to.equal(1);
        expect(levenshtein("bedrock-runtme", "bedrock-runtime")).to.equal(1);
        expect(levenshtein("ab", "ba")).to.equal(2);
    });

    it("suggests within 2 edits and less than half the word, case ignored, first of a tie", () => {
        expect(nearest("memroy", ["cpu", "memory"])).to.equal("memory");
        expect(nearest("VPCCIDR", ["vpcCidr", "vpcId"])).to.equal("vpcCidr");
        expect(nearest("tagz", ["tags"])).to.equal("tags");
        // 3 edits: too far.
        expect(nearest("memxxx", ["memory"])).to.equal(undefined);
        // 2 edits in a 4-letter word is half of it: not a typo.
        expect(nearest("abcd", ["abxy"])).to.equal(undefined);
        // 2 edits in a 5-letter word: a typo.
        expect(nearest("abcde", ["abxye"])).to.equal("abxye");
        expect(nearest("ab", ["aa", "bb"])).to.equal(undefined);
        expect(nearest("abc", ["abd", "abe"])).to.equal("abd");
        expect(nearest("x", [])).to.equal(undefined);
    });

    it("suggests the key for a misspelt project key", () => {
        expect(problemsOf({ cpuu: "512" })).to.deep.equal([unknownKeyMessage("cpuu", "512", "cpu")]);
        expect(problemsOf({ frobnicate: "1" })[0]).to.match(
            /^agentcore-private:frobnicate "1" is invalid: not a setting of this program; known keys: /,
        );
    });

    it("suggests the field for a misspelt runtime field", () => {
        const runtimes = [
            {
                name: "support_agent",
                containerUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/a:1",
                protocl: "HTTP",
            },
        ];
        expect(problemsOf({ runtimes })).to.deep.equal([
            'runtimes[0].protocl "HTTP" is invalid: not a known field (did you mean protocol?); use name, containerUri, image, code, description, protocol, environment, idleTimeoutSeconds, maxLifetimeSeconds, authorizer, requestHeaders, endpoints, filesystems, secrets, access, allowedPrincipals (e.g. runtimes[0].protocol)',
        ]);
    });
});

describe("newcomer: keys in a foreign namespace", () => {
    it("flags agentcore:cpu in project agentcore-private, naming the key it meant", () => {
        expect(problemsOf({}, { "agentcore:cpu": "512" })).to.deep.equal([
            'agentcore:cpu "512" is invalid: a key in a namespace this program reads (agentcore-private, aws, aws-native, pulumi); "agentcore" is not the project name, so the value would be ignored (did you mean agentcore-private:cpu?) (e.g. agentcore-private:cpu)',
        ]);
    });

    it("flags any other namespace, with a suggestion when the key is near one", () => {
        expect(problemsOf({}, { "agentcore-privat:memroy": "1024" })[0])
            .to.include('"agentcore-privat" is not the project name')
            .and.include("(did you mean agentcore-private:memory?)");
        expect(problemsOf({}, { "mycompany:owner": "me" })[0]).to.match(
            /^mycompany:owner "me" is invalid: .*so the value would be ignored \(e\.g\. agentcore-private:cpu\)$/,
        );
    });

    it("leaves the project, aws, aws-native and pulumi namespaces alone", () => {
        expect(
            problemsOf(
                {},
                {
                    "aws:region": "us-east-1",
                    "aws-native:region": "us-east-1",
                    "aws:profile": "dev",
                    "pulumi:tags": "{}",
                },
            ),
        ).to.deep.equal([]);
    });
});

describe("newcomer: endpoint services", () => {
    it("rejects a misspelt service, suggesting the known one", () => {
        expect(problemsOf({ endpointServices: ["bedrock-runtme"] })).to.deep.equal([
            'endpointServices[0] "bedrock-runtme" is invalid: a PrivateLink service of the region (did you mean bedrock-runtime?): one of src/network/privateLinkServices.ts, or unlisted:<suffix> for one that list lacks (e.g. "bedrock-runtime")',
        ]);
        expect(problemsOf({ endpointServices: ["quantum-ledger"] })[0])
            .to.include('(e.g. "bedrock-runtime")')
            .and.not.include("did you mean");
    });

    it("accepts the known ones and unlisted:<suffix>, which it strips", () => {
        const config = validateConfig(
            rawStack("development", {
                endpointServices: ["bedrock-runtime", "sts", "unlisted:bedrock-data-automation-runtime"],
            }),
        );
        expect(config.network.endpointServices).to.deep.equal([
            "bedrock-runtime",
            "sts",
            "bedrock-data-automation-runtime",
        ]);
    });

    it("still checks an unlisted name's shape and duplicates", () => {
        expect(problemsOf({ endpointServices: ["unlisted:Not A Name"] })[0]).to.match(
            /^endpointServices\[0\] "Not A Name" is invalid: a service name suffix/,
        );
        expect(problemsOf({ endpointServices: ["sts", "unlisted:sts"] })[0]).to.match(
            /^endpointServices\[1\] "sts" is invalid: a value not already listed/,
        );
    });
});
