/**
 * Table cells that fit a column: the `--all` comparison lays its stacks side by side, so each
 * column gets a width and every value wraps into it. Widths count characters, not bytes or
 * UTF-16 units: the table is drawn with box-drawing characters and values hold "—" and "…". Pure.
 */

/** The number of characters (code points) in a text, as a terminal counts its columns. */
export function columns(text: string): number {
    return [...text].length;
}

/** A text padded with spaces to `width` characters. */
export function padCell(text: string, width: number): string {
    return text + " ".repeat(Math.max(0, width - columns(text)));
}

/** Characters a word may break after (a path, a name in parts), and the one it may break before (a digest); a word also breaks between camelCase humps. */
const BREAK_AFTER = new Set(["/", "-", "_", "."]);
const BREAK_BEFORE = "@";

/** Where a word longer than `limit` breaks: the last break point that leaves a line of at most `limit`. */
function wordCut(word: readonly string[], limit: number): number {
    for (let cut = limit; cut > 0; cut--) {
        const camelCase = /[a-z]/.test(word[cut - 1]) && /[A-Z]/.test(word[cut]);
        if (BREAK_AFTER.has(word[cut - 1]) || word[cut] === BREAK_BEFORE || camelCase) {
            return cut;
        }
    }
    return limit;
}

/**
 * A value as lines of at most `width` characters. A line breaks at the last space that fits
 * (so a list breaks after its ", "), dropping that space; a word longer than the column breaks
 * at its last break point that fits (after "/", "-", "_" or ".", before "@", between camelCase
 * humps), else it is cut at the width.
 */
export function wrapCell(text: string, width: number): string[] {
    const limit = Math.max(1, width);
    const lines: string[] = [];
    let rest = [...text];
    while (rest.length > limit) {
        // The last space within the limit (index `limit` itself may be the space that ends a full line).
        const space = rest.lastIndexOf(" ", limit);
        const cut = space > 0 ? space : wordCut(rest, limit);
        lines.push(rest.slice(0, cut).join("").trimEnd());
        rest = rest.slice(space > 0 ? cut + 1 : cut);
    }
    lines.push(rest.join(""));
    return lines;
}

/**
 * Column widths that fit `room` characters in all: each column keeps its natural width
 * (its longest value) when they all fit; otherwise the widest columns shrink to one common
 * cap, the largest that fits, never below `minimum`.
 */
export function fitWidths(natural: readonly number[], room: number, minimum: number): number[] {
    const total = natural.reduce((a, b) => a + b, 0);
    if (total <= room) {
        return [...natural];
    }
    let cap = Math.max(...natural);
    while (cap > minimum && natural.reduce((sum, w) => sum + Math.min(w, cap), 0) > room) {
        cap--;
    }
    return natural.map((w) => Math.min(w, Math.max(cap, minimum)));
}

/**
 * A list as lines of at most `width` characters, breaking only between its items (after a
 * ", "), so an item such as `kms.Alias 1` stays whole; an item longer than a line wraps as a cell.
 */
export function wrapList(items: readonly string[], width: number): string[] {
    const lines: string[] = [];
    let current = "";
    for (const [i, item] of items.entries()) {
        const next = current === "" ? item : `${current}, ${item}`;
        // A line that is not the last ends in the comma that follows its last item.
        const comma = i < items.length - 1 ? 1 : 0;
        if (columns(next) + comma <= width || current === "") {
            current = next;
        } else {
            lines.push(`${current},`);
            current = item;
        }
    }
    const last = wrapCell(current, width);
    return [...lines.flatMap((l) => wrapCell(l, width)), ...last];
}
