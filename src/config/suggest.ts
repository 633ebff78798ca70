/**
 * "Did you mean …": the nearest known name to a misspelt one, by edit distance. Pure.
 */

/** Levenshtein distance: the fewest single-character insertions, deletions or substitutions from a to b. */
export function levenshtein(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length];
}

/**
 * The known name nearest to `word` (case ignored), if it is close enough to be a typo: at
 * most 2 edits, and fewer edits than half the word's length (so `a` does not suggest `cpu`).
 * Ties go to the first candidate listed.
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        const d = levenshtein(word.toLowerCase(), candidate.toLowerCase());
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    return bestDistance <= 2 && bestDistance * 2 < word.length ? best : undefined;
}
