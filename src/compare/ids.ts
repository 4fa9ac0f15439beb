// Stable fact ids: `<section>.<measure>.<partner>.<kind>`; report.yaml pins and drops findings by these.
import { NOT_APPLICABLE, TOTAL } from '../model.ts';

/** Partner code as it appears in an id: `_T` → total, `_Z` → all, others lower case. */
export function partnerKey(partner: string): string {
  if (partner === TOTAL) return 'total';
  if (partner === NOT_APPLICABLE) return 'all';
  return partner.toLowerCase();
}

/** Joins id parts, leaving out empty ones (a section with one measure has no measure part). */
export function factId(...parts: string[]): string {
  // Called for every fact and every look-up: a plain loop, no intermediate arrays.
  let id = '';
  for (const p of parts) if (p) id = id ? `${id}.${p}` : p;
  return id;
}
