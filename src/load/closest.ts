// "Did you mean …?": the known name closest to a misspelt one, by edit distance.

/** Edit distance where swapping two neighbouring letters ("CSI" for "CIS") counts as one edit. */
function distance(a: string, b: string): number {
  if (a === b) return 0;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** Longer than any code or name a data folder uses; texts beyond it plus the edits allowed are not looked up. */
const MAX_NAME = 200;

/**
 * The candidate nearest to `text` (case-insensitive), or undefined when none is near enough to
 * be a plausible typo: at most a third of the longer name's letters may differ (at least 1, at most 4).
 * Ties go to the candidate listed first, so the answer is deterministic.
 */
export function closest(text: string, candidates: Iterable<string>): string | undefined {
  // At most 4 edits are accepted, so a text more than 4 letters longer than every name is no typo
  // of any: the search is bounded by the names' length, not the text's (a 10 MB field costs nothing).
  if (text.length > MAX_NAME + 4 + 64) return undefined;
  const t = text.trim().toLowerCase();
  if (!t) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const limit = Math.min(4, Math.max(1, Math.floor(Math.max(t.length, c.length) / 3)));
    if (Math.abs(t.length - c.length) > limit) continue; // the length difference alone is more edits
    const d = distance(t, c.toLowerCase());
    if (d <= limit && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
