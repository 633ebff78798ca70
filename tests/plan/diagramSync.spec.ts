/** npm run diagram:sync: the README's mermaid block is replaced, and only that block. */
import { expect } from "chai";
import { withReadmeDiagram } from "../../scripts/diagramSync";

describe("diagram:sync", () => {
    const readme = "# Title\n\n```mermaid\nflowchart LR\n    old\n```\n\nAfter.\n\n```mermaid\nsecond\n```\n";

    it("replaces the first mermaid block with the drawn diagram, keeping the text around it", () => {
        expect(withReadmeDiagram(readme, "flowchart LR\n    a --> b")).to.equal(
            "# Title\n\n```mermaid\nflowchart LR\n    a --> b\n```\n\nAfter.\n\n```mermaid\nsecond\n```\n",
        );
    });

    it("keeps a diagram's $ signs as written (no replacement patterns)", () => {
        expect(withReadmeDiagram("```mermaid\nx\n```", 'a["$&"]\n')).to.equal('```mermaid\na["$&"]\n```');
    });

    it("refuses a README without a mermaid block", () => {
        expect(() => withReadmeDiagram("# Title\n", "flowchart LR")).to.throw("README.md has no ```mermaid block");
    });
});
