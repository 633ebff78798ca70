/**
 * The comparison's cells (src/plan/cells.ts): values wrap into their column at the break a
 * reader expects, widths count characters (not UTF-16 units or bytes), and columns shrink to
 * fit the line. Expected lines are written out literally.
 */
import { expect } from "chai";
import { columns, fitWidths, padCell, wrapCell, wrapList } from "../../src/plan/cells";

describe("plan cells: wrapping values into a column", () => {
    it("leaves a value that fits as one line, at exactly the width and one under", () => {
        expect(wrapCell("use1-az1, use1-az2", 18)).to.deep.equal(["use1-az1, use1-az2"]);
        expect(wrapCell("use1-az1, use1-az2", 19)).to.deep.equal(["use1-az1, use1-az2"]);
        expect(wrapCell("", 5)).to.deep.equal([""]);
    });

    it("breaks a list after its commas, one character over the width", () => {
        expect(wrapCell("use1-az1, use1-az2", 17)).to.deep.equal(["use1-az1,", "use1-az2"]);
        expect(
            wrapCell("bedrock-agentcore, bedrock-agentcore.gateway, bedrock-runtime, ecr.api, ecr.dkr, logs", 27),
        ).to.deep.equal([
            "bedrock-agentcore,",
            "bedrock-agentcore.gateway,",
            "bedrock-runtime, ecr.api,",
            "ecr.dkr, logs",
        ]);
    });

    it("breaks prose at the last space that fits, dropping it", () => {
        expect(wrapCell("> 120000 for 3 of 3 periods of 300s", 27)).to.deep.equal([
            "> 120000 for 3 of 3 periods",
            "of 300s",
        ]);
        // The space right after a full line is the break: the line is exactly the width.
        expect(wrapCell("abcde fgh", 5)).to.deep.equal(["abcde", "fgh"]);
    });

    it("breaks a long word after / - _ or ., before @, or between camelCase humps", () => {
        expect(wrapCell("agentcore-staging/support_agent@sha256:5209153f…", 27)).to.deep.equal([
            "agentcore-staging/support_",
            "agent@sha256:5209153f…",
        ]);
        expect(wrapCell("agents/support-agent@sha256:9f86d081…", 27)).to.deep.equal([
            "agents/support-agent",
            "@sha256:9f86d081…",
        ]);
        expect(wrapCell("NODE_22 runtimes/support_agent_development/code.zip", 27)).to.deep.equal([
            "NODE_22",
            "runtimes/support_agent_",
            "development/code.zip",
        ]);
        expect(wrapCell("count: s3.BucketServerSideEncryptionConfiguration", 30)).to.deep.equal([
            "count:",
            "s3.BucketServerSideEncryption",
            "Configuration",
        ]);
    });

    it("cuts a word with no break point at the width", () => {
        expect(wrapCell("0123456789abcdef", 6)).to.deep.equal(["012345", "6789ab", "cdef"]);
    });

    it("counts characters, not UTF-16 units: an astral character is one column", () => {
        expect(columns("—…│")).to.equal(3);
        expect(columns("a😀b")).to.equal(3);
        expect(wrapCell("😀😀😀 😀😀", 3)).to.deep.equal(["😀😀😀", "😀😀"]);
        expect(padCell("—", 3)).to.equal("—  ");
        expect(padCell("toolong", 3)).to.equal("toolong");
    });

    it("wraps a list only between items, so an item stays whole", () => {
        expect(wrapList(["kms.Alias 1", "kms.Key 1", "sns.Topic 1"], 23)).to.deep.equal([
            "kms.Alias 1, kms.Key 1,",
            "sns.Topic 1",
        ]);
        expect(wrapList(["kms.Alias 1", "kms.Key 1", "sns.Topic 1"], 22)).to.deep.equal([
            "kms.Alias 1,",
            "kms.Key 1, sns.Topic 1",
        ]);
        expect(wrapList(["us-east-1"], 120)).to.deep.equal(["us-east-1"]);
    });
});

describe("plan cells: fitting columns to a line", () => {
    it("keeps the natural widths when they fit, exactly and with room to spare", () => {
        expect(fitWidths([10, 20, 30], 60, 12)).to.deep.equal([10, 20, 30]);
        expect(fitWidths([10, 20, 30], 100, 12)).to.deep.equal([10, 20, 30]);
    });

    it("shrinks the widest columns to one common cap, the largest that fits", () => {
        expect(fitWidths([10, 20, 30], 59, 12)).to.deep.equal([10, 20, 29]);
        expect(fitWidths([54, 52, 45], 84, 12)).to.deep.equal([28, 28, 28]);
        expect(fitWidths([54, 10, 45], 84, 12)).to.deep.equal([37, 10, 37]);
    });

    it("never goes below the minimum, even when the line overflows", () => {
        expect(fitWidths([40, 40, 40], 30, 12)).to.deep.equal([12, 12, 12]);
        expect(fitWidths([40, 5], 10, 12)).to.deep.equal([12, 5]);
    });
});
