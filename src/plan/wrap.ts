/**
 * Keeps the plan within a terminal's width: a line longer than the limit continues on the
 * next lines, under the same tree guides, indented two more columns. Breaks fall after a
 * ", " or a space where there is one; a long token (an ARN, a URL) is cut at the limit. Pure.
 */

/** The widest line the plan prints. */
export const PLAN_WIDTH = 120;

/** The tree guides and indentation a line starts with (`│  ├─ `, spaces). */
const LEAD = /^[ │├└─]*/;

/** Where a continuation line starts: the same guides, with branch corners turned into straight guides. */
function continuation(lead: string): string {
    return `${lead.replace(/├─|└─/g, (corner) => (corner === "├─" ? "│ " : "  ")).replace(/─/g, " ")}  `;
}

/** One line as one or more lines of at most `width` characters. */
export function wrapLine(line: string, width = PLAN_WIDTH): string[] {
    if ([...line].length <= width) {
        return [line];
    }
    const lead = LEAD.exec(line)?.[0] ?? "";
    const next = continuation(lead);
    const out: string[] = [];
    let rest = [...line];
    let prefix: string[] = [];
    while (prefix.length + rest.length > width) {
        const room = width - prefix.length;
        // The last space within the room, but not inside the guides.
        let cut = rest.lastIndexOf(" ", room);
        const minimum = prefix.length === 0 ? [...lead].length + 1 : 1;
        if (cut < minimum) {
            cut = room;
        }
        out.push([...prefix, ...rest.slice(0, cut)].join("").trimEnd());
        rest = rest.slice(cut);
        while (rest[0] === " ") {
            rest = rest.slice(1);
        }
        prefix = [...next];
    }
    out.push([...prefix, ...rest].join(""));
    return out;
}

/** Every line of a text within `width` columns. */
export function wrapText(text: string, width = PLAN_WIDTH): string {
    return text
        .split("\n")
        .flatMap((line) => wrapLine(line, width))
        .join("\n");
}
