// The compare stage: facts for a report period, computed once from unrounded data, with provenance.
import type { Dataset } from '../model.ts';
import { parsePeriod, type Period } from '../period.ts';
import { select } from '../query.ts';
import { TOTAL } from '../model.ts';
import { UserError } from '../errors.ts';
import { narrateMessages } from '../messages/index.ts';
import { FactSet } from './facts.ts';
import { withValueMemo } from './values.ts';
import { sectionFacts, type SectionScope } from './sections.ts';
import { loadKind } from '../kinds/load.ts';
import type { KindSpec } from '../kinds/schema.ts';

export * from './facts.ts';
export { type SectionScope } from './sections.ts';
export { percentChange, shareOf, rankAll, crossovers, recordOf, signStreak, directionStreak } from './kinds.ts';

export interface ComputedFacts {
  /** The report kind's name (templates/<kind>/). */
  template: string;
  kind: KindSpec;
  /** The report period (e.g. 2023-Q4); each section's own data period is in its scope. */
  period: Period;
  sections: SectionScope[];
  facts: FactSet;
}

/** The period a row's data end in, in the kind's unit: its quarter, month, year, or the span from January. */
function unitPeriod(p: Period, unit: KindSpec['period']['unit']): Period | undefined {
  const y = Math.floor(p.end / 12);
  const m = (p.end % 12) + 1;
  switch (unit) {
    case 'quarter':
      return parsePeriod(`${y}-Q${Math.floor((m - 1) / 3) + 1}`);
    case 'month':
      return parsePeriod(`${y}-${String(m).padStart(2, '0')}`);
    case 'year':
      return p.kind === 'year' ? p : undefined;
    case 'year_to_date':
      // A span from January to the month the data end in (a whole year is its own year to date).
      if (p.kind === 'date' || p.start !== y * 12) return undefined;
      return p;
  }
}

/**
 * The report period: as given; else among the periods (in the kind's unit) in which the lead indicator's data end
 * — only rows by partner, or only totals, as the kind says — the latest that has a narrative folder, else the latest.
 */
export function reportPeriod(ds: Dataset, kind: KindSpec, given?: string): Period {
  if (given !== undefined) {
    const p = parsePeriod(given);
    if (!p || p.kind === 'date') throw new UserError(narrateMessages.badPeriod(given));
    return p;
  }
  const sorted = kindPeriods(ds, kind);
  if (sorted.length === 0) throw new UserError(narrateMessages.noData(kind.kind, kind.period.lead));
  const narrated = sorted.filter((q) => ds.narratives.has(q.code));
  return (narrated.length ? narrated : sorted)[(narrated.length ? narrated : sorted).length - 1];
}

/**
 * Every period a kind can be built for, oldest first: the periods, in the kind's unit, in which the lead indicator's
 * rows end (only rows by partner, or only totals, as the kind says).
 */
export function kindPeriods(ds: Dataset, kind: KindSpec): Period[] {
  const { lead, rows: which, unit } = kind.period;
  const rows = select(ds, { indicator: lead }).filter((o) => o.value !== null && (which === 'total' ? o.country === TOTAL && o.region === '' && o.breakdown === '' : o.country !== TOTAL));
  const periods = new Map<string, Period>();
  for (const o of rows) {
    const q = unitPeriod(o.period, unit);
    if (q) periods.set(q.key, periods.get(q.key) ?? q);
  }
  return [...periods.values()].sort((a, b) => a.end - b.end || b.start - a.start);
}

/** Every fact of a report: levels, changes, shares, ranks, crossovers, balances, ratios, records, streaks. */
export function computeFacts(ds: Dataset, opts: { period?: string; template: string; kind?: KindSpec }): ComputedFacts {
  const kind = opts.kind ?? loadKind(opts.template, { reference: ds.reference }).spec;
  const period = reportPeriod(ds, kind, opts.period);
  const facts = new FactSet();
  const sections = withValueMemo(ds, () => sectionFacts(ds, facts, kind, period));
  return { template: kind.kind, kind, period, sections, facts };
}
