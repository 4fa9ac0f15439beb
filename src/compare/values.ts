// Reading values from the dataset for facts: published rows first, member sums for groups, latest period available.
import { TOTAL, type Dataset, type Observation } from '../model.ts';
import { comparePeriods, type Period } from '../period.ts';
import { periodsOf, select } from '../query.ts';
import type { FactInput, Flag, Subject } from './facts.ts';

/** A value with the observations behind it. */
export interface Valued {
  value: number;
  inputs: FactInput[];
  /** True when summed from member countries because no total was published. */
  summed: boolean;
}

export function inputOf(o: Observation): FactInput {
  return {
    indicator: o.indicator,
    period: o.period.code,
    country: o.country,
    region: o.region,
    breakdown: o.breakdown,
    value: o.value as number,
    status: o.status,
    source: o.source,
    at: o.at,
  };
}

export function flagsOf(inputs: FactInput[]): Flag[] {
  const set = new Set<Flag>();
  for (const i of inputs) if (i.status === 'E' || i.status === 'I' || i.status === 'P') set.add(i.status);
  return [...set].sort();
}

export function subject(indicator: string, partner: string, region = '', breakdown = ''): Subject {
  return { indicator, partner, region, breakdown };
}

/** True when `code` names a group (CIS, NONCIS) in the reference. */
export function isGroup(ds: Dataset, code: string): boolean {
  return ds.reference.countries.get(code)?.isGroup ?? false;
}

/** Member countries of a partner aggregate: a group's members, or every country for `_T`. */
export function membersOf(ds: Dataset, whole: string): string[] {
  const out: string[] = [];
  for (const c of ds.reference.countries.values()) {
    if (c.isGroup) continue;
    if (whole === TOTAL || c.groups.includes(whole)) out.push(c.code);
  }
  return out;
}

/**
 * The value of a subject for a period: the published row when there is one (status M counts as missing).
 * Without one, an aggregate is summed only when the sum is complete by construction: `_T` as the sum of
 * every group (CIS + NONCIS); a group (or `_T` of an indicator with no group rows) from its member countries
 * only when that indicator never publishes the aggregate — a partial list of countries is not a total.
 * Missing stays undefined, never 0. (The rule of src/derive.ts's partnerTotal, kept here until it lands.)
 */
export function valueOf(ds: Dataset, s: Subject, p: Period | string): Valued | undefined {
  const rows = select(ds, { indicator: s.indicator, period: p, country: s.partner, region: s.region, breakdown: s.breakdown });
  const row = rows.find((o) => o.value !== null);
  if (row) return { value: row.value as number, inputs: [inputOf(row)], summed: false };
  if (rows.length > 0) return undefined; // published as missing
  if (s.partner !== TOTAL && !isGroup(ds, s.partner)) return undefined;
  const all = select(ds, { indicator: s.indicator, region: s.region, breakdown: s.breakdown });
  if (s.partner === TOTAL) {
    const groups = [...ds.reference.countries.values()].filter((c) => c.isGroup).map((c) => c.code);
    if (groups.length && all.some((o) => groups.includes(o.country))) {
      const parts = groups.map((g) => valueOf(ds, { ...s, partner: g }, p));
      if (parts.some((x) => !x)) return undefined;
      return { value: parts.reduce((t, x) => t + x!.value, 0), inputs: parts.flatMap((x) => x!.inputs), summed: true };
    }
  }
  if (all.some((o) => o.country === s.partner)) return undefined; // published in other periods: a partial sum would mislead
  const members = new Set(membersOf(ds, s.partner));
  const parts = select(ds, { indicator: s.indicator, period: p, region: s.region, breakdown: s.breakdown }).filter(
    (o) => members.has(o.country) && o.value !== null,
  );
  if (parts.length === 0) return undefined;
  parts.sort((a, b) => a.country.localeCompare(b.country));
  return { value: parts.reduce((sum, o) => sum + (o.value as number), 0), inputs: parts.map(inputOf), summed: true };
}

/** Country rows (not groups, not `_T`/`_Z`) of an indicator for a period that belong to `whole`, with values. */
export function memberRows(ds: Dataset, indicator: string, whole: string, p: Period, breakdown = ''): Observation[] {
  const members = new Set(membersOf(ds, whole));
  return select(ds, { indicator, period: p, region: '', breakdown })
    .filter((o) => members.has(o.country) && o.value !== null)
    .sort((a, b) => a.country.localeCompare(b.country));
}

/**
 * The latest period at or before the report period that has data for the indicator (a year or a range
 * ending in the report period counts). Among periods ending in the same month, the one equal to the report
 * period wins, then the longest (a cumulative range); dates come after flows of the same month.
 */
export function latestPeriod(ds: Dataset, indicator: string, report: Period, filter?: (o: Observation) => boolean): Period | undefined {
  let candidates = periodsOf(ds, indicator).filter((p) => p.end <= report.end);
  if (filter) {
    const keys = new Set(select(ds, { indicator }).filter((o) => o.value !== null && filter(o)).map((o) => o.period.key));
    candidates = candidates.filter((p) => keys.has(p.key));
  }
  if (candidates.length === 0) return undefined;
  const lastEnd = Math.max(...candidates.map((p) => p.end));
  const last = candidates.filter((p) => p.end === lastEnd);
  return last.find((p) => p.key === report.key) ?? [...last].sort((a, b) => a.start - b.start || comparePeriods(a, b))[0];
}

/** Periods of an indicator covering the same months of the year as `p` (same length, same start month), oldest first. */
export function comparablePeriods(ds: Dataset, indicator: string, p: Period): Period[] {
  const len = p.end - p.start;
  return periodsOf(ds, indicator).filter(
    (q) => q.kind !== 'date' && p.kind !== 'date' && q.end - q.start === len && ((q.start - p.start) % 12 + 12) % 12 === 0 && q.end <= p.end,
  );
}
