// The fact kinds: pure arithmetic on unrounded values, and builders that attach ids, formulas and provenance.
import type { Dataset } from '../model.ts';
import type { Period } from '../period.ts';
import type {
  BalanceFact,
  ChangeFact,
  CrossoverFact,
  FactInput,
  LevelFact,
  RankFact,
  RatioFact,
  RecordFact,
  Relation,
  ShareChangeFact,
  ShareFact,
  SignChangeFact,
  StreakFact,
  Subject,
  UnavailableFact,
} from './facts.ts';
import { flagsOf, membersOf, valueOf, type Valued } from './values.ts';
import { byCode } from '../order.ts';

// ── pure arithmetic ──────────────────────────────────────────────────────────────────────────

/** Per cent change; null when the base is zero (a percentage of nothing does not exist). */
export function percentChange(from: number, to: number): number | null {
  if (from === 0) return null;
  return (100 * (to - from)) / Math.abs(from);
}

/** 100 × part / whole; null for a zero whole. */
export function shareOf(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return (100 * part) / whole;
}

/** Competition ranking (1, 2, 2, 4) by value, largest first; ties keep the input order of keys. */
export function rankAll(values: { key: string; value: number }[]): Map<string, { rank: number; tied: boolean }> {
  const sorted = [...values].sort((a, b) => b.value - a.value || byCode(a.key, b.key));
  const out = new Map<string, { rank: number; tied: boolean }>();
  sorted.forEach((v, i) => {
    const first = sorted.findIndex((w) => w.value === v.value);
    const tied = sorted.filter((w) => w.value === v.value).length > 1;
    out.set(v.key, { rank: first + 1, tied });
    void i;
  });
  return out;
}

/** Pairs (a, b) where a > b now but a < b before (strictly, so equal values are not a crossover). */
export function crossovers(before: Map<string, number>, now: Map<string, number>): [string, string][] {
  const keys = [...now.keys()].filter((k) => before.has(k)).sort();
  const out: [string, string][] = [];
  for (const a of keys)
    for (const b of keys) if (a !== b && now.get(a)! > now.get(b)! && before.get(a)! < before.get(b)!) out.push([a, b]);
  return out;
}

/** Whether the last value of a series is its strict maximum or minimum (series oldest first, ≥ 3 values). */
export function recordOf(series: number[]): 'high' | 'low' | undefined {
  if (series.length < 3) return undefined;
  const last = series[series.length - 1];
  const rest = series.slice(0, -1);
  if (rest.every((v) => last > v)) return 'high';
  if (rest.every((v) => last < v)) return 'low';
  return undefined;
}

/** Length of the run of same-sign values ending with the last (0 when the last is zero). */
export function signStreak(series: number[]): { sign: 1 | -1; length: number } | undefined {
  const last = series[series.length - 1];
  if (last === undefined || last === 0) return undefined;
  const sign = last > 0 ? 1 : -1;
  let n = 0;
  for (let i = series.length - 1; i >= 0 && Math.sign(series[i]) === sign; i--) n++;
  return { sign, length: n };
}

/** Length of the run of consecutive moves in the same direction ending with the last move. */
export function directionStreak(series: number[]): { sign: 1 | -1; length: number } | undefined {
  const moves = series.slice(1).map((v, i) => Math.sign(v - series[i]));
  return signStreak(moves);
}

// ── builders ─────────────────────────────────────────────────────────────────────────────────

function merge(...lists: FactInput[][]): FactInput[] {
  // One input per source row (file and line); a Set of lines per file avoids a key string per input.
  const seen = new Map<string, Set<number>>();
  const out: FactInput[] = [];
  for (const list of lists)
    for (const i of list) {
      let lines = seen.get(i.at.file);
      if (!lines) seen.set(i.at.file, (lines = new Set()));
      if (!lines.has(i.at.line)) {
        lines.add(i.at.line);
        out.push(i);
      }
    }
  return out;
}

function label(s: Subject): string {
  const extra = [s.region, s.breakdown].filter(Boolean).join(',');
  return `${s.indicator}${s.minus ? `−${s.minus}` : ''}[${s.partner}${extra ? ',' + extra : ''}]`;
}

export function levelFact(ds: Dataset, section: string, id: string, s: Subject, p: Period): LevelFact | undefined {
  const v = valueOf(ds, s, p);
  if (!v) return undefined;
  const unit = ds.reference.indicators.get(s.indicator)?.unit ?? 'persons';
  const formula = v.summed ? `sum of ${label(s)} members, ${p.code}` : `${label(s)}, ${p.code}`;
  return { id, section, kind: 'level', subject: s, period: p, value: v.value, unit, summed: v.summed, formula, inputs: v.inputs, flags: flagsOf(v.inputs) };
}

/**
 * A change of a subject against a baseline; an `unavailable` marker when the baseline is missing;
 * undefined when the current value itself is missing (nothing to say).
 */
export function changeFact(
  ds: Dataset,
  section: string,
  id: string,
  s: Subject,
  p: Period,
  baseline: Period | undefined,
  relation: Relation,
): ChangeFact | UnavailableFact | undefined {
  const now = valueOf(ds, s, p);
  if (!now) return undefined;
  const before = baseline ? valueOf(ds, s, baseline) : undefined;
  if (!before || !baseline) {
    const missing = baseline ?? p;
    const partial = baseline !== undefined && membersOf(ds, s.partner).some((m) => valueOf(ds, { ...s, partner: m }, missing) !== undefined);
    return { id, section, kind: 'unavailable', subject: s, period: p, missing, relation, partial, formula: `${label(s)}, ${missing.code}: no data`, inputs: now.inputs, flags: flagsOf(now.inputs) };
  }
  return changeFromValues(section, id, s, p, baseline, relation, before, now, ds.reference.indicators.get(s.indicator)?.unit ?? 'persons');
}

export function changeFromValues(
  section: string,
  id: string,
  s: Subject,
  p: Period,
  baseline: Period,
  relation: Relation,
  before: Valued,
  now: Valued,
  unit: ChangeFact['unit'],
): ChangeFact {
  const inputs = merge(now.inputs, before.inputs);
  return {
    id,
    section,
    kind: 'change',
    subject: s,
    period: p,
    baseline,
    relation,
    from: before.value,
    to: now.value,
    abs: now.value - before.value,
    pct: percentChange(before.value, now.value),
    unit,
    formula: `${label(s)}: ${p.code} − ${baseline.code}; 100 × (${p.code} / ${baseline.code} − 1)`,
    inputs,
    flags: flagsOf(inputs),
  };
}

export function shareFact(section: string, id: string, s: Subject, whole: string, p: Period, part: Valued, total: Valued): ShareFact | undefined {
  const value = shareOf(part.value, total.value);
  if (value === null) return undefined;
  const inputs = merge(part.inputs, total.inputs);
  return {
    id,
    section,
    kind: 'share',
    subject: s,
    whole,
    period: p,
    value,
    part: part.value,
    total: total.value,
    published: false,
    formula: `100 × ${label(s)} / ${s.indicator}[${whole}], ${p.code}`,
    inputs,
    flags: flagsOf(inputs),
  };
}

export function shareChangeFact(section: string, id: string, before: ShareFact, now: ShareFact, relation: Relation): ShareChangeFact {
  const inputs = merge(now.inputs, before.inputs);
  return {
    id,
    section,
    kind: 'share_change',
    subject: now.subject,
    whole: now.whole,
    period: now.period,
    baseline: before.period,
    relation,
    from: before.value,
    to: now.value,
    pp: now.value - before.value,
    formula: `share ${now.period.code} − share ${before.period.code} (percentage points)`,
    inputs,
    flags: flagsOf(inputs),
  };
}

export function rankFacts(
  section: string,
  idOf: (partner: string) => string,
  indicator: string,
  whole: string,
  p: Period,
  now: Map<string, Valued>,
  baseline: Period | null,
  before: Map<string, Valued> | null,
): RankFact[] {
  const ranks = rankAll([...now].map(([key, v]) => ({ key, value: v.value })));
  const prevRanks = before ? rankAll([...before].map(([key, v]) => ({ key, value: v.value }))) : null;
  return [...ranks]
    .sort((a, b) => a[1].rank - b[1].rank || byCode(a[0], b[0]))
    .map(([partner, r]) => {
      const inputs = merge(now.get(partner)!.inputs, before?.get(partner)?.inputs ?? []);
      return {
        id: idOf(partner),
        section,
        kind: 'rank' as const,
        subject: { indicator, partner, region: '', breakdown: '' },
        whole,
        period: p,
        rank: r.rank,
        tied: r.tied,
        of: ranks.size,
        baseline,
        previousRank: prevRanks?.get(partner)?.rank ?? null,
        formula: `rank of ${indicator}[${partner}] among ${whole} members by value, ${p.code}`,
        inputs,
        flags: flagsOf(inputs),
      };
    });
}

export function crossoverFacts(
  section: string,
  idOf: (a: string, b: string) => string,
  indicator: string,
  p: Period,
  baseline: Period,
  relation: Relation,
  before: Map<string, Valued>,
  now: Map<string, Valued>,
): CrossoverFact[] {
  const pairs = crossovers(new Map([...before].map(([k, v]) => [k, v.value])), new Map([...now].map(([k, v]) => [k, v.value])));
  return pairs.map(([a, b]) => {
    const inputs = merge(now.get(a)!.inputs, now.get(b)!.inputs, before.get(a)!.inputs, before.get(b)!.inputs);
    return {
      id: idOf(a, b),
      section,
      kind: 'crossover' as const,
      indicator,
      period: p,
      baseline,
      relation,
      overtaker: a,
      overtaken: b,
      now: [now.get(a)!.value, now.get(b)!.value],
      before: [before.get(a)!.value, before.get(b)!.value],
      formula: `${indicator}[${a}] > ${indicator}[${b}] in ${p.code}, < in ${baseline.code}`,
      inputs,
      flags: flagsOf(inputs),
    };
  });
}

export function balanceFact(section: string, id: string, s: Subject, minusIndicator: string, p: Period, plus: Valued, minus: Valued): BalanceFact {
  const inputs = merge(plus.inputs, minus.inputs);
  return {
    id,
    section,
    kind: 'balance',
    subject: { ...s, minus: minusIndicator },
    minusIndicator,
    period: p,
    plus: plus.value,
    minus: minus.value,
    value: plus.value - minus.value,
    formula: `${s.indicator}[${s.partner}] − ${minusIndicator}[${s.partner}], ${p.code}`,
    inputs,
    flags: flagsOf(inputs),
  };
}

export function signChangeFact(section: string, id: string, before: BalanceFact, now: BalanceFact, relation: Relation): SignChangeFact | undefined {
  if (Math.sign(before.value) === Math.sign(now.value) || now.value === 0) return undefined;
  const inputs = merge(now.inputs, before.inputs);
  return {
    id,
    section,
    kind: 'sign_change',
    subject: now.subject,
    minusIndicator: now.minusIndicator,
    period: now.period,
    baseline: before.period,
    relation,
    from: before.value,
    to: now.value,
    formula: `sign of balance ${before.period.code} vs ${now.period.code}`,
    inputs,
    flags: flagsOf(inputs),
  };
}

export function ratioFact(section: string, id: string, s: Subject, p: Period, baseline: Period, before: Valued, now: Valued): RatioFact | undefined {
  if (before.value === 0) return undefined;
  const inputs = merge(now.inputs, before.inputs);
  return {
    id,
    section,
    kind: 'ratio',
    subject: s,
    period: p,
    baseline,
    value: now.value / before.value,
    from: before.value,
    to: now.value,
    published: false,
    formula: `${label(s)}: ${p.code} / ${baseline.code}`,
    inputs,
    flags: flagsOf(inputs),
  };
}

/**
 * Record and streak facts over the same months of consecutive calendar years, oldest first; the last entry is
 * the report's period. An entry without a value is a year without data: it breaks a streak, and a record over
 * a series with gaps counts only the years with data (`complete` false).
 */
export function seriesFacts(
  section: string,
  idPrefix: string,
  s: Subject,
  series: { period: Period; v: Valued | undefined }[],
  mode: 'sign' | 'direction',
  step: 'year' | 'month' = 'year',
): (RecordFact | StreakFact)[] {
  const out: (RecordFact | StreakFact)[] = [];
  const last = series[series.length - 1];
  if (!last?.v) return out;
  // The years with data, from the first with data.
  const firstData = series.findIndex((x) => x.v !== undefined);
  const run = series.slice(firstData);
  const known = run.filter((x): x is { period: Period; v: Valued } => x.v !== undefined);
  const values = known.map((x) => x.v.value);
  const inputs = merge(...known.map((x) => x.v.inputs));
  // Records are said of calendar years; a series of months gives its streak only.
  const extreme = step === 'year' ? recordOf(values) : undefined;
  if (extreme)
    out.push({
      id: `${idPrefix}.record`,
      section,
      kind: 'record',
      subject: s,
      period: last.period,
      extreme,
      value: last.v.value,
      first: known[0].period,
      count: known.length,
      complete: known.length === run.length,
      formula: `${extreme === 'high' ? 'max' : 'min'} of ${label(s)} over ${known.map((x) => x.period.code).join(', ')}`,
      inputs,
      flags: flagsOf(inputs),
    });
  // A streak runs back from the report period through consecutive years with data only.
  let gap = series.length - 1;
  while (gap >= 0 && series[gap].v !== undefined) gap--;
  const tail = series.slice(gap + 1) as { period: Period; v: Valued }[];
  const tailValues = tail.map((x) => x.v.value);
  const streak = mode === 'sign' ? signStreak(tailValues) : directionStreak(tailValues);
  if (streak && streak.length >= 2) {
    const firstIndex = mode === 'sign' ? tail.length - streak.length : tail.length - 1 - streak.length;
    const used = tail.slice(firstIndex);
    const streakInputs = merge(...used.map((x) => x.v.inputs));
    out.push({
      id: `${idPrefix}.streak`,
      section,
      kind: 'streak',
      subject: s,
      period: last.period,
      mode,
      sign: streak.sign,
      length: streak.length,
      first: tail[firstIndex].period,
      step,
      formula: `consecutive ${mode === 'sign' ? 'same-sign values' : 'moves in one direction'} of ${label(s)} over ${used.map((x) => x.period.code).join(', ')}`,
      inputs: streakInputs,
      flags: flagsOf(streakInputs),
    });
  }
  return out;
}
