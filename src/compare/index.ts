// The compare stage: facts for a report period, computed once from unrounded data, with provenance.
import type { Dataset } from '../model.ts';
import { parsePeriod, type Period } from '../period.ts';
import { select } from '../query.ts';
import { TOTAL } from '../model.ts';
import { UserError } from '../errors.ts';
import { narrateMessages } from '../messages/index.ts';
import { FactSet } from './facts.ts';
import { withValueMemo } from './values.ts';
import { SECTIONS, TEMPLATES, sectionFacts, type SectionScope, type Template } from './sections.ts';

export * from './facts.ts';
export { SECTIONS, TEMPLATES, type SectionScope, type Template } from './sections.ts';
export { percentChange, shareOf, rankAll, crossovers, recordOf, signStreak, directionStreak } from './kinds.ts';

export interface ComputedFacts {
  template: Template;
  /** The report period (e.g. 2023-Q4); each section's own data period is in its scope. */
  period: Period;
  sections: SectionScope[];
  facts: FactSet;
}

/** The indicator whose latest period is a template's default report period. */
const LEAD: Record<Template, string> = { 'iom-quarterly': 'border_arrivals', 'bns-release': 'pr_arrivals' };

/**
 * The report period: as given; else among the quarters in which the lead indicator's data end (for the IOM
 * report, only periods with partner detail), the latest that has a narrative folder, else the latest.
 */
export function reportPeriod(ds: Dataset, template: Template, given?: string): Period {
  if (given !== undefined) {
    const p = parsePeriod(given);
    if (!p || p.kind === 'date') throw new UserError(narrateMessages.badPeriod(given));
    return p;
  }
  const lead = LEAD[template];
  const rows = select(ds, { indicator: lead }).filter((o) => o.value !== null && (template === 'bns-release' ? o.country === TOTAL : o.country !== TOTAL));
  if (rows.length === 0) throw new UserError(narrateMessages.noData(template, lead));
  const quarters = new Map<string, Period>();
  for (const o of rows) {
    const end = o.period.end;
    const q = parsePeriod(`${Math.floor(end / 12)}-Q${Math.floor((end % 12) / 3) + 1}`)!;
    quarters.set(q.key, q);
  }
  const sorted = [...quarters.values()].sort((a, b) => a.end - b.end);
  const narrated = sorted.filter((q) => ds.narratives.has(q.code));
  return (narrated.length ? narrated : sorted)[(narrated.length ? narrated : sorted).length - 1];
}

export function checkTemplate(template: string): Template {
  if (!(TEMPLATES as readonly string[]).includes(template)) throw new UserError(narrateMessages.unknownTemplate(template, [...TEMPLATES]));
  return template as Template;
}

/** Every fact of a report: levels, changes, shares, ranks, crossovers, balances, ratios, records, streaks. */
export function computeFacts(ds: Dataset, opts: { period?: string; template: Template | string }): ComputedFacts {
  const template = checkTemplate(opts.template);
  const period = reportPeriod(ds, template, opts.period);
  const facts = new FactSet();
  const sections = withValueMemo(ds, () => sectionFacts(ds, facts, template, period));
  void SECTIONS;
  return { template, period, sections, facts };
}
