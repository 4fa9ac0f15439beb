// Reading values from the dataset for facts: published rows first, member sums for groups, latest period available.
import { TOTAL, type Dataset, type Observation } from '../model.ts';
import { comparePeriods, sameLastYear, type Period } from '../period.ts';
import { periodsOf, select } from '../query.ts';
import { partnerTotal } from '../derive.ts';
import type { FactInput, Flag, Subject } from './facts.ts';
import { byCode } from '../order.ts';

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
    raw: o.raw,
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
export function membersOf(ds: Dataset, whole: string): readonly string[] {
  let byWhole = memberCache.get(ds.reference.countries);
  if (!byWhole) memberCache.set(ds.reference.countries, (byWhole = new Map()));
  let out = byWhole.get(whole);
  if (!out) {
    out = [];
    for (const c of ds.reference.countries.values()) {
      if (c.isGroup) continue;
      if (whole === TOTAL || c.groups.includes(whole)) out.push(c.code);
    }
    byWhole.set(whole, out);
  }
  return out;
}

/** Members of each whole, per countries table (asked for every listed whole of every report). */
const memberCache = new WeakMap<object, Map<string, string[]>>();

/**
 * The value of a subject for a period, by the one summing rule of src/derive.ts (`partnerTotal`): the
 * published row when there is one; else, for a group or `_T`, the sum of its members — accepted only when
 * it is complete (every member present), since a partial list of countries is not a total.
 * Missing stays undefined, never 0.
 */
export function valueOf(ds: Dataset, s: Subject, p: Period | string): Valued | undefined {
  // Levels, changes, shares and balances ask for the same values: within one computation, each is summed once.
  if (memo && memo.ds === ds) {
    const key = `${s.indicator}|${s.partner}|${s.region}|${s.breakdown}|${typeof p === 'string' ? p : p.key}`;
    if (memo.values.has(key)) return memo.values.get(key);
    const v = computeValue(ds, s, p);
    memo.values.set(key, v);
    return v;
  }
  return computeValue(ds, s, p);
}

let memo: { ds: Dataset; values: Map<string, Valued | undefined> } | undefined;

/** Runs `work` with values remembered for its duration (one report's facts); nothing is kept after it. */
export function withValueMemo<T>(ds: Dataset, work: () => T): T {
  const outer = memo;
  memo = { ds, values: new Map() };
  try {
    return work();
  } finally {
    memo = outer;
  }
}

function computeValue(ds: Dataset, s: Subject, p: Period | string): Valued | undefined {
  const t = partnerTotal(ds, { indicator: s.indicator, period: p, partner: s.partner, region: s.region, breakdown: s.breakdown });
  if (!t || !t.complete) return undefined;
  const summed = !(t.inputs.length === 1 && t.inputs[0].country === s.partner);
  const inputs = t.inputs.map(inputOf);
  if (summed) inputs.sort((a, b) => byCode(a.country, b.country));
  return { value: t.value, inputs, summed };
}

const memberSetCache = new WeakMap<object, Map<string, Set<string>>>();

function memberSets(ds: Dataset, whole: string): Set<string> {
  let byWhole = memberSetCache.get(ds.reference.countries);
  if (!byWhole) memberSetCache.set(ds.reference.countries, (byWhole = new Map()));
  let set = byWhole.get(whole);
  if (!set) byWhole.set(whole, (set = new Set(membersOf(ds, whole))));
  return set;
}

/** Country rows (not groups, not `_T`/`_Z`) of an indicator for a period that belong to `whole`, with values. */
export function memberRows(ds: Dataset, indicator: string, whole: string, p: Period, breakdown = ''): Observation[] {
  const members = memberSets(ds, whole);
  return select(ds, { indicator, period: p, region: '', breakdown })
    .filter((o) => members.has(o.country) && o.value !== null)
    .sort((a, b) => byCode(a.country, b.country));
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

/**
 * The same months as `p` in each calendar year from the earliest year the indicator has data for them up to
 * `p`, oldest first: the data's own period where there is one, else the span (a year without data, a gap).
 */
export function calendarYears(ds: Dataset, indicator: string, p: Period): Period[] {
  if (p.kind === 'date') return [p];
  const byKey = new Map(periodsOf(ds, indicator).map((q) => [q.key, q]));
  const out: Period[] = [];
  let earliest = 0;
  const len = p.end - p.start;
  for (const q of byKey.values())
    if (q.kind !== 'date' && q.end - q.start === len && (((q.start - p.start) % 12) + 12) % 12 === 0 && q.end <= p.end)
      earliest = Math.max(earliest, (p.start - q.start) / 12);
  for (let k = earliest; k >= 0; k--) {
    const span = k === 0 ? p : sameLastYearK(p, k);
    out.push(byKey.get(span.key) ?? span);
  }
  return out;
}

function sameLastYearK(p: Period, k: number): Period {
  let q = p;
  for (let i = 0; i < k; i++) q = sameLastYear(q);
  return q;
}
