// "Did you mean …?": the known name closest to a misspelt one, by edit distance.

function distance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The candidate nearest to `text` (case-insensitive), or undefined when none is near enough to
 * be a plausible typo: at most a third of the longer name's letters may differ (at least 1, at most 4).
 * Ties go to the candidate listed first, so the answer is deterministic.
 */
export function closest(text: string, candidates: Iterable<string>): string | undefined {
  const t = text.trim().toLowerCase();
  if (!t) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(t, c.toLowerCase());
    const limit = Math.min(4, Math.max(1, Math.floor(Math.max(t.length, c.length) / 3)));
    if (d <= limit && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
