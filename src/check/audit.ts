// The audit: published totals and derived figures compared with what the data give, and gaps in series.
// Findings are warnings (errors under --strict); each names both numbers and where they came from.
import { formatLocation } from '../errors.ts';
import { DERIVED_KINDS, TOTAL, type Dataset, type IndicatorKind, type Observation, type SourceLocation } from '../model.ts';
import { periodFromSpan } from '../period.ts';
import { computeDerived, groupPartition, lookup, membersOf, printedDecimals, rangeOfSum, type Range } from '../derive.ts';
import { indexOf } from './identity.ts';
import * as msg from '../messages/audit.ts';

export interface Finding {
  code: string;
  message: string;
  at: SourceLocation;
  published?: number;
  computed?: number;
  /** Every value the inputs allow given their printed precision; none of them rounds to `published`. */
  computedRange?: Range;
  inputs: SourceLocation[];
}

const ADDITIVE = new Set(['count', 'stock', 'amount']);

const decimalsOf = (o: Observation): number => printedDecimals(o.raw || String(o.value));

/** Room for binary floating point (0.1 + 0.2), far below any printed precision. */
const slack = (x: number): number => 1e-9 * Math.max(1, Math.abs(x));

/**
 * True when some value in `range` rounds to `published` at `decimals`: the published figure and
 * the data agree. Both ends count (how a half is rounded differs between publishers).
 */
export function roundsTo(range: Range, published: number, decimals: number): boolean {
  const half = 0.5 * 10 ** -decimals + slack(published);
  return range.high >= published - half && range.low <= published + half;
}

const show = (x: number, decimals: number): string => {
  const s = x.toFixed(decimals);
  return s === `-${(0).toFixed(decimals)}` ? s.slice(1) : s;
};

function describe(o: Observation): string {
  const where = [o.country, o.region, o.breakdown].filter(Boolean).join(', ');
  return `${o.indicator} (${where}, ${o.period.code})`;
}

export function audit(dataset: Dataset): Finding[] {
  const findings: Finding[] = [];
  const { indicators, countries } = dataset.reference;
  const partition = groupPartition(dataset);

  // 1. Published totals against the sum of their parts.
  const compareTotal = (o: Observation, parts: Observation[], members: number): void => {
    if (parts.length === 0) return;
    const d = decimalsOf(o);
    const sum = parts.reduce((s, p) => s + p.value!, 0);
    const range = rangeOfSum(parts);
    // Parts that are present can only add to a total: even their smallest sum is too big.
    const exceeds = range.low > o.value! + 0.5 * 10 ** -d + slack(o.value!);
    const closed = parts.length === members;
    if (!exceeds && !(closed && !roundsTo(range, o.value!, d))) return;
    const from = parts.map((p) => formatLocation(p.at));
    const m = exceeds && !closed ? msg.totalExceedsParts(describe(o), o.raw || String(o.value), show(sum, d), parts.length, from) : msg.closedTotalDiffers(describe(o), o.raw || String(o.value), show(sum, d), parts.length, from);
    findings.push({ ...m, at: o.at, published: o.value!, computed: sum, computedRange: range, inputs: parts.map((p) => p.at) });
  };
  const rowsOf = (o: Observation, partners: string[]): Observation[] => {
    const rows: Observation[] = [];
    for (const c of partners) {
      const r = lookup(dataset, o.indicator, o.period, c, o.region, o.breakdown);
      if (r && r.value !== null) rows.push(r);
    }
    return rows;
  };
  // One pass over the rows picks out what the audit looks at. The kind of a row's indicator is
  // remembered from the previous row: a million lookups by name cost more than the checks.
  const observations = dataset.observations;
  const derivedRows: Observation[] = [];
  const { seriesOf } = indexOf(observations);
  /** Per series (odd keys: months, even: quarters), the rows of base indicators in row order. */
  const series = new Map<number, number[]>();
  let lastIndicator = '';
  let kind = '';
  let derived = false;
  let lastKey = -1;
  let lastRows: number[] = [];
  for (let i = 0; i < observations.length; i++) {
    const o = observations[i];
    if (o.indicator !== lastIndicator) {
      lastIndicator = o.indicator;
      kind = indicators.get(o.indicator)?.kind ?? '';
      derived = DERIVED_KINDS.includes(kind as IndicatorKind);
    }
    if (derived) {
      if (o.value !== null) derivedRows.push(o);
    } else if (o.value !== null && ADDITIVE.has(kind) && (o.country === TOTAL || countries.get(o.country)?.isGroup)) {
      // 1. Published totals against the sum of their parts.
      if (o.country === TOTAL) {
        if (partition) compareTotal(o, rowsOf(o, partition), partition.length);
        const all = membersOf(dataset, TOTAL);
        compareTotal(o, rowsOf(o, all), all.length);
      } else {
        const members = membersOf(dataset, o.country);
        compareTotal(o, rowsOf(o, members), members.length);
      }
    }
    const periodKind = o.period.kind;
    if (derived || (periodKind !== 'quarter' && periodKind !== 'month')) continue;
    // Quarters and months of one series are separate series: odd ids for months.
    const key = seriesOf[i] * 2 + (periodKind === 'month' ? 1 : 0);
    if (key !== lastKey) {
      let rows = series.get(key);
      if (!rows) series.set(key, (rows = []));
      lastKey = key;
      lastRows = rows;
    }
    lastRows.push(i);
  }

  // 2. Published derived figures against the computed ones: a disagreement is when no value the
  //    inputs allow (given their own printed precision) rounds to the published figure.
  for (const o of derivedRows) {
    const indicator = indicators.get(o.indicator)!;
    const derived = computeDerived(dataset, o);
    if (!derived || o.value === null) continue;
    const d = decimalsOf(o);
    const from = derived.inputs.map((i) => `${i.value} at ${formatLocation(i.at)}`);
    const inputs = derived.inputs.map((i) => i.at);
    const { value: computed, range: computedRange } = derived;
    if (indicator.kind === 'share' && computedRange.low > 100 + slack(100)) {
      findings.push({ ...msg.shareOver100(describe(o), show(computed, d), derived.formula, from), at: o.at, published: o.value, computed, computedRange, inputs });
    }
    if (!roundsTo(computedRange, o.value, d)) {
      findings.push({ ...msg.derivedDiffers(describe(o), o.raw || String(o.value), show(computed, d), derived.formula, from), at: o.at, published: o.value, computed, computedRange, inputs });
    }
  }

  // 3. Gaps: a quarter or month missing between two present ones of the same series.
  //    A row with status M fills the gap: it says the figure is known to be missing.
  for (const rows of series.values()) {
    if (rows.length < 2) continue;
    const startOf = (row: number): number => observations[row].period.start;
    // Files are usually in period order: sort only when they are not. The sort is stable, so
    // of two rows for one period the first in the files is the one named.
    let ordered = true;
    for (let k = 1; k < rows.length && ordered; k++) ordered = startOf(rows[k - 1]) <= startOf(rows[k]);
    if (!ordered) rows.sort((a, b) => startOf(a) - startOf(b));
    let before = observations[rows[0]];
    for (let k = 1; k < rows.length; k++) {
      const after = observations[rows[k]];
      const [from, to] = [before.period.start, after.period.start];
      if (to === from) continue;
      const step = after.period.kind === 'quarter' ? 3 : 1;
      if (to - from > step) {
        const missing: string[] = [];
        for (let m = from + step; m < to; m += step) missing.push(periodFromSpan(m, m + step - 1).code);
        const name = [after.indicator, after.country, after.region, after.breakdown].filter(Boolean).join(', ');
        findings.push({ ...msg.gapInSeries(name, missing, before.period.code, after.period.code), at: after.at, inputs: [before.at, after.at] });
      }
      before = after;
    }
  }

  // Deterministic order: by file, line, column, then code and text.
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return findings.sort((a, b) => cmp(a.at.file, b.at.file) || a.at.line - b.at.line || (a.at.column ?? 0) - (b.at.column ?? 0) || cmp(a.code, b.code) || cmp(a.message, b.message));
}
