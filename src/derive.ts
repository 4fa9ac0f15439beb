// Evaluates derived indicators (share, change, balance, ratio) and partner totals from the rows:
// the one shared evaluation behind the audit and the facts engine.
import { indexOf } from './check/identity.ts';
import { DERIVED_KINDS, TOTAL, type Dataset, type Observation } from './model.ts';
import { parsePeriod, type Period } from './period.ts';

/** The row with exactly this identity (period compared by span), if any. */
export function lookup(dataset: Pick<Dataset, 'observations'>, indicator: string, period: Period, country: string, region = '', breakdown = ''): Observation | undefined {
  return indexOf(dataset.observations).get(indicator, period, country, region, breakdown);
}

export interface PartnerQuery {
  indicator: string;
  period: string | Period;
  /** A country, a group code (CIS, NONCIS) or `_T`. */
  partner: string;
  region?: string;
  breakdown?: string;
}

export interface PartnerTotal {
  value: number;
  /** The rows summed (or the one published row); their statuses travel with them. */
  inputs: Observation[];
  /**
   * True when the value stands for the whole partner: a published row, or a sum over
   * every member (every country of the group; for `_T` every group of a partition of the
   * countries, each complete, or else every country). False when members are missing, so
   * the sum is only a lower bound.
   */
  complete: boolean;
}

/** Countries (not groups) in countries.csv that belong to `group`, in file order. */
export function membersOf(dataset: Pick<Dataset, 'reference'>, group: string): string[] {
  const members: string[] = [];
  for (const c of dataset.reference.countries.values()) if (!c.isGroup && (group === TOTAL || c.groups.includes(group))) members.push(c.code);
  return members;
}

const partitions = new WeakMap<object, string[] | null>();

/** The groups, when every country belongs to exactly one of them (CIS + NONCIS); else null. */
export function groupPartition(dataset: Pick<Dataset, 'reference'>): string[] | null {
  const countries = dataset.reference.countries;
  if (partitions.has(countries)) return partitions.get(countries)!;
  const groups = [...countries.values()].filter((c) => c.isGroup).map((c) => c.code);
  let result: string[] | null = groups.length > 0 ? groups : null;
  for (const c of countries.values()) {
    if (c.isGroup) continue;
    if (c.groups.filter((g) => groups.includes(g)).length !== 1) result = null;
  }
  partitions.set(countries, result);
  return result;
}

function sumOf(rows: Observation[]): number {
  let s = 0;
  for (const r of rows) s += r.value!;
  return s;
}

/**
 * The value for a partner: the published row when there is one (a published total wins),
 * else, for a group or `_T`, the sum of the member rows present. Rows with status M count as absent.
 */
export function partnerTotal(dataset: Pick<Dataset, 'observations' | 'reference'>, q: PartnerQuery): PartnerTotal | undefined {
  const period = typeof q.period === 'string' ? parsePeriod(q.period) : q.period;
  if (!period) return undefined;
  const region = q.region ?? '';
  const breakdown = q.breakdown ?? '';
  const published = lookup(dataset, q.indicator, period, q.partner, region, breakdown);
  if (published && published.value !== null) return { value: published.value, inputs: [published], complete: true };

  const isGroup = dataset.reference.countries.get(q.partner)?.isGroup ?? false;
  if (!isGroup && q.partner !== TOTAL) return undefined;

  if (q.partner === TOTAL) {
    const groups = groupPartition(dataset);
    if (groups) {
      const parts = groups.map((g) => partnerTotal(dataset, { ...q, period, partner: g }));
      if (parts.every((p) => p !== undefined)) {
        return {
          value: parts.reduce((s, p) => s + p!.value, 0),
          inputs: parts.flatMap((p) => p!.inputs),
          complete: parts.every((p) => p!.complete),
        };
      }
    }
  }
  const members = membersOf(dataset, q.partner);
  const rows: Observation[] = [];
  for (const m of members) {
    const row = lookup(dataset, q.indicator, period, m, region, breakdown);
    if (row && row.value !== null) rows.push(row);
  }
  if (rows.length === 0) return undefined;
  return { value: sumOf(rows), inputs: rows, complete: rows.length === members.length };
}

/**
 * The values a figure may stand for: a closed interval. A printed figure stands for every value
 * that rounds to it ("125.6" for [125.55, 125.65]); a computed one for every value its inputs allow.
 */
export interface Range {
  low: number;
  high: number;
}

/** Decimals as printed: "9,528" → 0, "-22.2" → 1, "48.0" → 1. */
export function printedDecimals(raw: string): number {
  const dot = raw.indexOf('.');
  return dot < 0 ? 0 : raw.length - dot - 1;
}

/**
 * The interval a row's value stands for given its printed precision (`Observation.raw`). A whole
 * number of persons is exact: people are counted, so no other whole number rounds to it.
 */
export function printedRange(o: Pick<Observation, 'value' | 'raw' | 'unit'>): Range {
  const v = o.value!;
  const decimals = printedDecimals(o.raw || String(v));
  const half = decimals === 0 && o.unit === 'persons' ? 0 : 0.5 * 10 ** -decimals;
  return { low: v - half, high: v + half };
}

/** The range of a sum of rows (a computed partner total, or one published row). */
export function rangeOfSum(rows: readonly Observation[]): Range {
  let low = 0;
  let high = 0;
  for (const r of rows) {
    const { low: l, high: h } = printedRange(r);
    low += l;
    high += h;
  }
  return { low, high };
}

const UNBOUNDED: Range = { low: -Infinity, high: Infinity };

function difference(a: Range, b: Range): Range {
  return { low: a.low - b.high, high: a.high - b.low };
}

/** a / b over every pair of values; unbounded when b's range holds zero. */
function quotient(a: Range, b: Range): Range {
  if (b.low <= 0 && b.high >= 0) return UNBOUNDED;
  const q = [a.low / b.low, a.low / b.high, a.high / b.low, a.high / b.high];
  return { low: Math.min(...q), high: Math.max(...q) };
}

const affine = (r: Range, scale: number, shift = 0): Range => ({ low: scale * r.low + shift, high: scale * r.high + shift });

export interface Derived {
  value: number;
  /**
   * Every value the inputs allow given their printed precision (see printedRange). Part and
   * whole of a share are taken as independent, which can only widen the range: the audit
   * then reports fewer disagreements, never a false one.
   */
  range: Range;
  inputs: Observation[];
  /** How it was computed, in indicator terms, e.g. "100 × border_arrivals(UZB, 2023-Q4) / border_arrivals(CIS, 2023-Q4)". */
  formula: string;
}

/** Splits a derived row's breakdown into its relative (whole=, vs=) and the rest, which applies to the base rows. */
function relativeOf(breakdown: string): { whole?: string; vs?: string; rest: string } {
  let whole: string | undefined;
  let vs: string | undefined;
  const rest: string[] = [];
  for (const pair of breakdown ? breakdown.split(';') : []) {
    if (pair.startsWith('whole=')) whole = pair.slice(6);
    else if (pair.startsWith('vs=')) vs = pair.slice(3);
    else rest.push(pair);
  }
  return { whole, vs, rest: rest.join(';') };
}

/**
 * The value of a derived observation computed from its base rows (docs/data.md), or undefined
 * when the indicator is not derived or a base value is missing. A base total that has to be
 * computed must be complete (every member present): a partial sum would make a wrong share.
 */
export function computeDerived(dataset: Pick<Dataset, 'observations' | 'reference'>, obs: Observation): Derived | undefined {
  const d = evaluate(dataset, obs);
  // The value itself is one the inputs allow; rounding in the two evaluations must not exclude it.
  if (d) d.range = { low: Math.min(d.range.low, d.value), high: Math.max(d.range.high, d.value) };
  return d;
}

function evaluate(dataset: Pick<Dataset, 'observations' | 'reference'>, obs: Observation): Derived | undefined {
  const indicator = dataset.reference.indicators.get(obs.indicator);
  if (!indicator || !DERIVED_KINDS.includes(indicator.kind)) return undefined;
  const { whole, vs, rest } = relativeOf(obs.breakdown);
  const base = (id: string | undefined, period: Period, partner: string): PartnerTotal | undefined => {
    if (!id) return undefined;
    const t = partnerTotal(dataset, { indicator: id, period, partner, region: obs.region, breakdown: rest });
    return t && t.complete ? t : undefined;
  };
  const term = (id: string, period: Period, partner: string) => `${id}(${partner}, ${period.code})`;
  const [b0, b1] = indicator.base;
  const p = obs.period;

  switch (indicator.kind) {
    case 'share': {
      if (!whole) return undefined;
      const part = base(b0, p, obs.country);
      const all = base(b0, p, whole);
      if (!part || !all || all.value === 0) return undefined;
      const range = affine(quotient(rangeOfSum(part.inputs), rangeOfSum(all.inputs)), 100);
      return { value: (100 * part.value) / all.value, range, inputs: [...part.inputs, ...all.inputs], formula: `100 × ${term(b0, p, obs.country)} / ${term(b0, p, whole)}` };
    }
    case 'balance': {
      const plus = base(b0, p, obs.country);
      const minus = base(b1, p, obs.country);
      if (!plus || !minus) return undefined;
      const range = difference(rangeOfSum(plus.inputs), rangeOfSum(minus.inputs));
      return { value: plus.value - minus.value, range, inputs: [...plus.inputs, ...minus.inputs], formula: `${term(b0, p, obs.country)} − ${term(b1, p, obs.country)}` };
    }
    default: {
      const before = vs ? parsePeriod(vs) : undefined;
      if (!before) return undefined;
      const now = base(b0, p, obs.country);
      const then = base(b0, before, obs.country);
      if (!now || !then) return undefined;
      const inputs = [...now.inputs, ...then.inputs];
      const [a, b] = [term(b0, p, obs.country), term(b0, before, obs.country)];
      const [nowRange, thenRange] = [rangeOfSum(now.inputs), rangeOfSum(then.inputs)];
      if (indicator.kind === 'change_abs') return { value: now.value - then.value, range: difference(nowRange, thenRange), inputs, formula: `${a} − ${b}` };
      if (then.value === 0) return undefined;
      const ratio = quotient(nowRange, thenRange);
      if (indicator.kind === 'ratio') return { value: now.value / then.value, range: ratio, inputs, formula: `${a} / ${b}` };
      return { value: 100 * (now.value / then.value - 1), range: affine(ratio, 100, -100), inputs, formula: `100 × (${a} / ${b} − 1)` };
    }
  }
}
