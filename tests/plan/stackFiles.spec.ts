/**
 * Reading the stack files offline (src/plan/offline/stackFiles.ts), as `pulumi up` would hand
 * them to the program: which files are stacks, the project defaults under the stack file's
 * values, every key namespaced, a `{ secure: … }` anywhere in a value marking its key secret;
 * and a stack file that cannot be read refused with where and what.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { listStacks, readStackFile, stackConfig } from "../../src/plan/offline/stackFiles";

function folder(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stack-files-"));
    for (const [name, text] of Object.entries(files)) {
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

const PROJECT = [
    "name: demo",
    "runtime: nodejs",
    "config:",
    "  count:",
    "    type: integer",
    "    default: 2",
    "  names:",
    "    type: array",
    "    default: [a, b]",
    "  noDefault:",
    "    type: string",
    "  flag: true",
    "",
].join("\n");

describe("plan: the stack files, read offline", () => {
    it("lists the stacks of Pulumi.<stack>.yaml files only, sorted", () => {
        const dir = folder({
            "Pulumi.yaml": PROJECT,
            "Pulumi.zeta.yaml": "",
            "Pulumi.alpha.yaml": "",
            "Pulumi.beta.yaml.bak": "",
            "old-Pulumi.gamma.yaml": "",
            "notes.txt": "",
        });
        expect(listStacks(dir)).to.deep.equal(["alpha", "zeta"]);
    });

    it("puts the stack file's values over the project defaults, each key namespaced, secure values marking their keys", () => {
        const dir = folder({
            "Pulumi.yaml": PROJECT,
            "Pulumi.dev.yaml": [
                "config:",
                "  aws:region: us-east-1",
                "  demo:count: 3",
                "  label: plain",
                "  token:",
                "    secure: v1:abc",
                "  nested:",
                "    items:",
                "      - secure: v1:def",
                "  list: [1, 2]",
                "",
            ].join("\n"),
        });
        expect(stackConfig("dev", dir)).to.deep.equal({
            project: "demo",
            config: {
                "demo:count": "3",
                "demo:names": '["a","b"]',
                "aws:region": "us-east-1",
                "demo:label": "plain",
                "demo:token": '{"secure":"v1:abc"}',
                "demo:nested": '{"items":[{"secure":"v1:def"}]}',
                "demo:list": "[1,2]",
            },
            secretKeys: ["demo:token", "demo:nested"],
        });
    });

    it("names the stacks there are when the stack file is missing", () => {
        const dir = folder({ "Pulumi.yaml": PROJECT, "Pulumi.dev.yaml": "" });
        expect(() => stackConfig("prod", dir)).to.throw("No stack file Pulumi.prod.yaml; stacks here: dev");
        expect(stackConfig("dev", dir).secretKeys).to.deep.equal([]);
    });

    it("reads an empty, comments-only or null stack file as no settings (as the Pulumi CLI does), and refuses one that is no map", () => {
        const dir = folder({
            "Pulumi.a.yaml": "",
            "Pulumi.e.yaml": "# settings come later\n\n  # indented\n",
            "Pulumi.b.yaml": "null\n",
            "Pulumi.c.yaml": "- x\n",
            "Pulumi.d.yaml": "text\n",
        });
        expect(readStackFile(path.join(dir, "Pulumi.a.yaml"))).to.deep.equal({});
        expect(readStackFile(path.join(dir, "Pulumi.e.yaml"))).to.deep.equal({});
        expect(readStackFile(path.join(dir, "Pulumi.b.yaml"))).to.deep.equal({});
        // A comment sign inside a value is content, not a comment line.
        expect(() => readStackFile(path.join(folder({ "Pulumi.f.yaml": "x#y\n" }), "Pulumi.f.yaml"))).to.throw(
            "Pulumi.f.yaml: a map with a config key is expected at the top level",
        );
        for (const name of ["Pulumi.c.yaml", "Pulumi.d.yaml"]) {
            expect(() => readStackFile(path.join(dir, name))).to.throw(
                `${name}: a map with a config key is expected at the top level (e.g. config: { aws:region: us-east-1 })`,
            );
        }
    });

    it("refuses unknown top-level keys, one or several, with the nearest setting", () => {
        const dir = folder({ "Pulumi.a.yaml": "confg: {}\n", "Pulumi.b.yaml": "confg: {}\nzzz: 1\n" });
        expect(() => readStackFile(path.join(dir, "Pulumi.a.yaml"))).to.throw(
            'Pulumi.a.yaml has 1 unknown top-level key:\n  - top-level key "confg" is not a stack file setting (did you mean config?); allowed: secretsprovider, encryptedkey, encryptionsalt, config, environment',
        );
        let message = "";
        try {
            readStackFile(path.join(dir, "Pulumi.b.yaml"));
        } catch (e) {
            message = (e as Error).message;
        }
        expect(message.split("\n")).to.deep.equal([
            "Pulumi.b.yaml has 2 unknown top-level keys:",
            '  - top-level key "confg" is not a stack file setting (did you mean config?); allowed: secretsprovider, encryptedkey, encryptionsalt, config, environment',
            '  - top-level key "zzz" is not a stack file setting; allowed: secretsprovider, encryptedkey, encryptionsalt, config, environment',
        ]);
    });

    it("refuses a YAML syntax error with file:line:column, the reason and the lines around it", () => {
        const dir = folder({ "Pulumi.a.yaml": "config:\n  aws:region: us-east-1\n  bad: [unclosed\n" });
        let error: Error | undefined;
        try {
            readStackFile(path.join(dir, "Pulumi.a.yaml"));
        } catch (e) {
            error = e as Error;
        }
        expect(error?.name).to.equal("StackFileError");
        expect(error?.message.split("\n")[0]).to.match(/^Pulumi\.a\.yaml:4:1: /);
        expect(error?.message).to.not.match(/\s$/);
        expect(error?.message).to.include("bad: [unclosed");
    });
});
