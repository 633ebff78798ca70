/**
 * The baseline of `npm run bench`: preloaded (`ts-node --require`) into
 * `ts-node --transpile-only scripts/plan.ts`, it makes today's sources run the way the plan
 * ran before issue 16 ("A plan in about a second"):
 * - the provider facades (src/providers/*) resolve to the root packages, which load every
 *   service module, as `import * as aws from "@pulumi/aws"` did;
 * - the plan's work modules load before the arguments are read, as scripts/plan.ts's
 *   top-level imports did.
 * Everything else (the program, the mocks, the report) is the same code as the compiled plan.
 */
"use strict";
const nodeModule = require("module");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const ROOT_PACKAGES = {
    [path.join(ROOT, "src", "providers", "aws")]: "@pulumi/aws",
    [path.join(ROOT, "src", "providers", "awsNative")]: "@pulumi/aws-native",
};

const load = nodeModule._load;
nodeModule._load = function (request, parent, isMain) {
    if (parent && parent.filename && request.startsWith(".")) {
        const target = path.resolve(path.dirname(parent.filename), request).replace(/\.ts$/, "");
        if (ROOT_PACKAGES[target]) {
            return load.call(this, ROOT_PACKAGES[target], parent, isMain);
        }
    }
    return load.apply(this, arguments);
};

for (const work of ["compare", "diagram", "report", "packFindings", "run", "stableJson"]) {
    require(path.join(ROOT, "src", "plan", work));
}
