/**
 * A unified line diff (longest common subsequence) for showing what a command changed in a
 * stack file. Stack files are a few dozen lines, so the quadratic table is cheap.
 */

type Op = { readonly kind: " " | "-" | "+"; readonly line: string; readonly a: number; readonly b: number };

function lines(text: string): string[] {
    const all = text.split("\n");
    return all[all.length - 1] === "" ? all.slice(0, -1) : all;
}

function operations(a: string[], b: string[]): Op[] {
    const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
    for (let i = a.length - 1; i >= 0; i--) {
        for (let j = b.length - 1; j >= 0; j--) {
            lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        }
    }
    const ops: Op[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        if (i < a.length && j < b.length && a[i] === b[j]) {
            ops.push({ kind: " ", line: a[i], a: i++, b: j++ });
        } else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
            // Removals before additions, as `diff -u` and git print them.
            ops.push({ kind: "-", line: a[i], a: i++, b: j });
        } else {
            ops.push({ kind: "+", line: b[j], a: i, b: j++ });
        }
    }
    return ops;
}

/** `--- a/<file>` / `+++ b/<file>` and hunks with `context` lines around each change; "" when equal. */
export function unifiedDiff(before: string, after: string, file: string, context = 2): string {
    if (before === after) {
        return "";
    }
    const ops = operations(lines(before), lines(after));
    const changed = ops.map((op, k) => (op.kind !== " " ? k : -1)).filter((k) => k >= 0);
    const out = [`--- a/${file}`, `+++ b/${file}`];
    let k = 0;
    while (k < changed.length) {
        const start = Math.max(0, changed[k] - context);
        let end = Math.min(ops.length - 1, changed[k] + context);
        while (k + 1 < changed.length && changed[k + 1] - context <= end + 1) {
            k++;
            end = Math.min(ops.length - 1, changed[k] + context);
        }
        const hunk = ops.slice(start, end + 1);
        const aCount = hunk.filter((op) => op.kind !== "+").length;
        const bCount = hunk.filter((op) => op.kind !== "-").length;
        // A side with no lines names the line it follows (0: the top), as `diff -u` and patch read it.
        const from = (index: number, count: number) => (count === 0 ? index : index + 1);
        out.push(`@@ -${from(hunk[0].a, aCount)},${aCount} +${from(hunk[0].b, bCount)},${bCount} @@`);
        out.push(...hunk.map((op) => `${op.kind}${op.line}`));
        k++;
    }
    return out.join("\n") + "\n";
}
