/**
 * After a refused runtime entry, the checks that read the usable entries (tracing's reserved
 * variables, secretValues in use) still name each entry by its index in the stack file, and a
 * value that only the refused entry names is not reported unused: the entry is the problem.
 */
import { expect } from "chai";
import { Problems } from "../../src/config/problems";
import { configProblems, rawStack } from "../helpers";

const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/agents/support-agent@sha256:" + "1".repeat(64);
const REFUSED_NAME = 'runtimes[0].name "1st_agent" is invalid';

describe("config: the entries beside a refused runtime", () => {
    it("with tracing on, a reserved variable of the second runtime is named runtimes[1], not runtimes[0]", () => {
        const problems = configProblems(
            rawStack("staging", {
                runtimes: [
                    { name: "1st_agent", containerUri: IMAGE },
                    { name: "second_agent", containerUri: IMAGE, environment: { DISABLE_ADOT_OBSERVABILITY: "true" } },
                ],
            }),
        );
        expect(problems.filter((p) => p.startsWith(REFUSED_NAME))).to.have.length(1);
        expect(
            problems.filter((p) => p.includes("DISABLE_ADOT_OBSERVABILITY")).map((p) => p.split(" ")[0]),
        ).to.deep.equal(["runtimes[1].environment.DISABLE_ADOT_OBSERVABILITY"]);
    });

    it("near miss: with both entries usable, each keeps its own index", () => {
        const problems = configProblems(
            rawStack("staging", {
                runtimes: [
                    { name: "first_agent", containerUri: IMAGE, environment: { DISABLE_ADOT_OBSERVABILITY: "true" } },
                    { name: "second_agent", containerUri: IMAGE, environment: { DISABLE_ADOT_OBSERVABILITY: "true" } },
                ],
            }),
        );
        expect(problems.map((p) => p.split(" ")[0])).to.deep.equal([
            "runtimes[0].environment.DISABLE_ADOT_OBSERVABILITY",
            "runtimes[1].environment.DISABLE_ADOT_OBSERVABILITY",
        ]);
    });

    it("a secretValues entry that only a refused runtime names is in use; one nobody names is not", () => {
        const secrets = { CRM_API_KEY_SECRET_ARN: { stored: "crm_api_key" } };
        const problems = configProblems(
            rawStack("staging", {
                secretValues: { crm_api_key: { secure: "v1" }, spare_key: { secure: "v2" } },
                runtimes: [{ name: "1st_agent", containerUri: IMAGE, secrets }],
            }),
        );
        expect(problems.filter((p) => p.startsWith(REFUSED_NAME))).to.have.length(1);
        expect(problems.filter((p) => p.startsWith("secretValues.")).map((p) => p.split(" ")[0])).to.deep.equal([
            "secretValues.spare_key",
        ]);
    });
});

describe("config: Problems.renumbering", () => {
    it("renames only the list's own indexed keys, into the same list of problems", () => {
        const p = new Problems();
        const view = p.renumbering("runtimes", [1, 3]);
        view.invalid("runtimes[0].name", "x", "a name", `"a"`);
        view.missing("runtimes[1]", "an entry", "{}");
        view.invalid("runtimes", [], "a list", "[]");
        view.invalid("runtimesExtra[0]", 1, "n", "1");
        view.invalid("alarmEmails[0]", "a", "an address", `"b"`);
        p.invalid("runtimes[0].name", "y", "a name", `"a"`);
        expect(p.all.map((problem) => problem.split(" ")[0])).to.deep.equal([
            "runtimes[1].name",
            "runtimes[3]",
            "runtimes",
            "runtimesExtra[0]",
            "alarmEmails[0]",
            "runtimes[0].name",
        ]);
        expect(p.all[1]).to.equal("runtimes[3] is missing: an entry (e.g. {})");
    });
});
