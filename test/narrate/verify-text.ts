// Test helper: the verifier's two halves on one text — every claim re-derived from the rows, and the words read
// against the claims in the locale's vocabulary. Returns the reasons of every failure (empty: the text is proved).
import type { Claim } from '../../src/claims.ts';
import type { Dataset } from '../../src/model.ts';
import type { Locale } from '../../src/narrate/locale.ts';
import { parsePeriod } from '../../src/period.ts';
import { recomputeClaim } from '../../src/verify/index.ts';
import { checkWords } from '../../src/verify/words.ts';

export function verifyText(ds: Dataset, L: Locale, text: string, claims: Claim[], period?: string): string[] {
  const out: string[] = [];
  for (const c of claims) {
    const bad = recomputeClaim(ds, c, (v, d) => L.digits(v, d));
    if (bad) out.push(bad.reason);
  }
  for (const f of checkWords(text, claims, L.vocabulary, { period: period ? parsePeriod(period) : undefined }, L.words)) out.push(f.reason);
  return out;
}
