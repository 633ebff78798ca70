/**
 * unifiedDiff, the diff promote and move-endpoint print: hunks with 2 lines of context,
 * merged when their context touches, split when it does not, at the file's edges too.
 */
import { expect } from "chai";
import { unifiedDiff } from "../../src/release/diff";

const text = (...ls: string[]) => ls.join("\n") + "\n";

describe("unifiedDiff: hunks", () => {
    it("two changes 5 lines apart make two hunks; 4 apart (contexts touching) one", () => {
        expect(
            unifiedDiff(text("A", "b", "c", "d", "e", "f", "G"), text("a", "b", "c", "d", "e", "f", "g"), "f"),
        ).to.equal(
            text(
                "--- a/f",
                "+++ b/f",
                "@@ -1,3 +1,3 @@",
                "-A",
                "+a",
                " b",
                " c",
                "@@ -5,3 +5,3 @@",
                " e",
                " f",
                "-G",
                "+g",
            ),
        );
        expect(unifiedDiff(text("A", "b", "c", "d", "e", "F"), text("a", "b", "c", "d", "e", "f"), "f")).to.equal(
            text("--- a/f", "+++ b/f", "@@ -1,6 +1,6 @@", "-A", "+a", " b", " c", " d", " e", "-F", "+f"),
        );
    });

    it("a line added at the start and one removed at the end, 4 lines apart (one hunk); a text without a final newline", () => {
        expect(unifiedDiff(text("b", "c", "d", "e", "f"), text("a", "b", "c", "d", "e"), "f")).to.equal(
            text("--- a/f", "+++ b/f", "@@ -1,5 +1,5 @@", "+a", " b", " c", " d", " e", "-f"),
        );
        expect(unifiedDiff("a\nb", "a\nc", "f")).to.equal(
            text("--- a/f", "+++ b/f", "@@ -1,2 +1,2 @@", " a", "-b", "+c"),
        );
    });

    it("a side with no lines names the line it follows, as GNU diff -u prints it (0 is the top)", () => {
        // Headers as `diff -U0` prints them for the same texts (it leaves out a count of 1).
        expect(unifiedDiff(text("a", "b", "c"), text("a", "b", "X", "c"), "f", 0)).to.equal(
            text("--- a/f", "+++ b/f", "@@ -2,0 +3,1 @@", "+X"),
        );
        expect(unifiedDiff(text("a", "b", "c"), text("a", "c"), "f", 0)).to.equal(
            text("--- a/f", "+++ b/f", "@@ -2,1 +1,0 @@", "-b"),
        );
        expect(unifiedDiff(text("a", "b", "c"), text("X", "a", "b", "c"), "f", 0)).to.equal(
            text("--- a/f", "+++ b/f", "@@ -0,0 +1,1 @@", "+X"),
        );
        expect(unifiedDiff("", text("a", "b"), "f")).to.equal(
            text("--- a/f", "+++ b/f", "@@ -0,0 +1,2 @@", "+a", "+b"),
        );
        expect(unifiedDiff(text("a", "b"), "", "f")).to.equal(
            text("--- a/f", "+++ b/f", "@@ -1,2 +0,0 @@", "-a", "-b"),
        );
    });
});
