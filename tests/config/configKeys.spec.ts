/**
 * Config keys are declared once (src/config/keys.ts): validation, Pulumi.yaml's schema and
 * the README's table all follow that declaration.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { renderBootstrapProjectFile, renderProjectFile, renderReadme } from "../../scripts/configSync";
import { CONFIG_KEYS, validateConfig } from "../../src/config";
import { KEYS } from "../../src/config/keys";
import { rawStack, REPO_ROOT } from "../helpers";
import { CONFIG_KEY_NAMES } from "./keyNames";

const ROOT = REPO_ROOT;

describe("config keys: one declaration", () => {
    it("lists the keys validation accepts", () => {
        expect([...CONFIG_KEYS]).to.deep.equal(CONFIG_KEY_NAMES);
        for (const key of CONFIG_KEYS) {
            // A declared key is never "not a setting of this program".
            let message = "";
            try {
                validateConfig(rawStack("development", { [key]: "\u0000" }));
            } catch (e) {
                message = (e as Error).message;
            }
            expect(message, key).to.not.include("not a setting of this program");
        }
    });

    it("gives every key one text and a default text, and types only the flat ones", () => {
        for (const [name, key] of Object.entries(KEYS)) {
            expect(key.text, name).to.be.a("string").and.not.equal("");
            expect(key.defaultText, name).to.not.equal("");
        }
        expect(
            Object.entries(KEYS)
                .filter(([, k]) => k.type === undefined)
                .map(([name]) => name),
        ).to.deep.equal(["runtimes", "instanceVolumes", "secretValues", "tags"]);
    });

    it("keeps Pulumi.yaml's config section equal to the declaration (npm run config:sync)", () => {
        const current = fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8");
        expect(current, "run npm run config:sync").to.equal(renderProjectFile(current));
    });

    it("keeps bootstrap/Pulumi.yaml's config section equal to bootstrap/config.ts (npm run config:sync)", () => {
        const current = fs.readFileSync(path.join(ROOT, "bootstrap", "Pulumi.yaml"), "utf8");
        expect(current, "run npm run config:sync").to.equal(renderBootstrapProjectFile(current));
    });

    it("keeps the README's configuration table equal to the declaration (npm run config:sync)", () => {
        const current = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
        expect(current, "run npm run config:sync").to.equal(renderReadme(current));
    });
});
