/**
 * wrapLine (src/plan/wrap.ts), which keeps the plan within 120 columns: a line of exactly the
 * width stays whole, one character more breaks after the last space; a token longer than the
 * room is cut at the limit; continuations keep the tree guides, corners turned straight, two
 * columns further in; a space inside the guides is no place to break.
 */
import { expect } from "chai";
import { wrapLine, wrapText } from "../../src/plan/wrap";

describe("plan: wrapping lines at the width", () => {
    it("keeps a line of exactly the width, and breaks one a character longer after its last space", () => {
        expect(wrapLine("aaaa bbbb", 9)).to.deep.equal(["aaaa bbbb"]);
        expect(wrapLine("aaaa bbbbb", 9)).to.deep.equal(["aaaa", "  bbbbb"]);
        expect(wrapLine("a".repeat(120))).to.deep.equal(["a".repeat(120)]);
        expect(wrapLine("a".repeat(121))).to.deep.equal(["a".repeat(120), `  a`]);
    });

    it("cuts a token longer than the room at the limit, and keeps cutting the continuations", () => {
        expect(wrapLine("abcdefghijklmnop", 6)).to.deep.equal(["abcdef", "  ghij", "  klmn", "  op"]);
    });

    it("continues under the same guides, a branch corner turned into a straight guide", () => {
        expect(wrapLine("│  ├─ key: value and more", 16)).to.deep.equal(["│  ├─ key: value", "│  │    and more"]);
        expect(wrapLine("   └─ key: value and more", 16)).to.deep.equal(["   └─ key: value", "        and more"]);
    });

    it("does not break inside the guides: a first line with no space after them is cut at the limit", () => {
        expect(wrapLine("│  ├─ abcdefghijklmnop", 12)).to.deep.equal([
            "│  ├─ abcdef",
            "│  │    ghij",
            "│  │    klmn",
            "│  │    op",
        ]);
    });

    it("breaks at the last space that fits even when it sits right after the room's first character", () => {
        expect(wrapLine("a bcdefgh", 4)).to.deep.equal(["a", "  bc", "  de", "  fg", "  h"]);
    });

    it("wraps each line of a text on its own", () => {
        expect(wrapText("short\naaaa bbbbb\nend", 9)).to.equal("short\naaaa\n  bbbbb\nend");
    });
});
