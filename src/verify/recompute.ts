// Re-derives one claim from the observation rows, independently of src/compare/: its own value lookup (a row, or
// the sum of a complete set of member rows for a group or `_T`), its own period arithmetic for records and streaks,
// its own rankings. Only the loaded dataset, period parsing and breakdown normalisation are shared.
//
// A claim passes when the data give exactly what it states, as displayed: the digits of the recomputed figure
// (through the claim language's `digits`), the sign the words carry after rounding, the rank, run length, first
// period and completeness it states, and the status marks of every row its figures rest on.
import type { Claim, Display, Mark, Series } from '../claims.ts';
import type { Country, Dataset, Observation, Unit } from '../model.ts';
import { monthCode, parsePeriodCached, type Period } from '../period.ts';
import { normaliseBreakdown } from '../query.ts';
import { byCode } from '../order.ts';
import type { DigitsOf } from './index.ts';

type Fail = { reason: string; expected?: string };
/** A check passes with the rows its figures rest on (for the marks), or fails. */
type Check = Fail | Observation[];

const TOTAL = '_T';
const MARKS: readonly Mark[] = ['E', 'I', 'P'];
const SEP = '\u0001';

// ---------------------------------------------------------------------------------------------------------------
// Index: per indicator, rows with a value by (region, breakdown, period key) and partner; built once per dataset.

interface IndicatorRows {
  /** `region SEP breakdown SEP periodKey` → partner → row (the first row with a value). */
  cells: Map<string, Map<string, Observation>>;
  /** `breakdown SEP periodKey` → every row with a value (all partners and regions). */
  byPeriod: Map<string, Observation[]>;
  /** Period key → the period as the data write it. */
  periods: Map<string, Period>;
  minStart: number;
  unit: Unit;
}

const indexes = new WeakMap<Observation[], Map<string, IndicatorRows>>();

function indexOf(observations: Observation[]): Map<string, IndicatorRows> {
  let index = indexes.get(observations);
  if (index) return index;
  index = new Map();
  for (const o of observations) {
    if (o.value === null || !Number.isFinite(o.value)) continue; // missing is never 0: a null value is no data
    let ind = index.get(o.indicator);
    if (!ind) {
      ind = { cells: new Map(), byPeriod: new Map(), periods: new Map(), minStart: o.period.start, unit: o.unit };
      index.set(o.indicator, ind);
    }
    const k = o.period.key;
    if (!ind.periods.has(k)) ind.periods.set(k, o.period);
    if (o.period.start < ind.minStart) ind.minStart = o.period.start;
    const ck = o.region + SEP + o.breakdown + SEP + k;
    let cell = ind.cells.get(ck);
    if (!cell) ind.cells.set(ck, (cell = new Map()));
    if (!cell.has(o.country)) cell.set(o.country, o);
    const pk = o.breakdown + SEP + k;
    const list = ind.byPeriod.get(pk);
    if (list) list.push(o);
    else ind.byPeriod.set(pk, [o]);
  }
  indexes.set(observations, index);
  return index;
}

/** parsePeriod, remembered: claims name the same few periods over and over. */
const parse = parsePeriodCached;

const memberCache = new WeakMap<Map<string, Country>, Map<string, string[]>>();
const memberSets = new WeakMap<string[], Set<string>>();

function memberSetOf(ds: Dataset, whole: string): Set<string> {
  const list = membersOf(ds, whole);
  let set = memberSets.get(list);
  if (!set) memberSets.set(list, (set = new Set(list)));
  return set;
}

/** Members of a whole: of a group, the non-group countries listing it; of `_T`, every non-group country. */
function membersOf(ds: Dataset, whole: string): string[] {
  const countries = ds.reference.countries;
  let cache = memberCache.get(countries);
  if (!cache) memberCache.set(countries, (cache = new Map()));
  let list = cache.get(whole);
  if (!list) {
    list = [];
    const group = countries.get(whole);
    if (whole === TOTAL || group?.isGroup) {
      for (const c of countries.values()) if (!c.isGroup && (whole === TOTAL || c.groups.includes(whole))) list.push(c.code);
      list.sort(byCode);
    }
    cache.set(whole, list);
  }
  return list;
}

// ---------------------------------------------------------------------------------------------------------------
// Values

interface Val {
  v: number;
  rows: Observation[];
}
type Got = Val | { missing: string };

function isVal(g: Got): g is Val {
  return 'v' in g;
}

function isFail<T>(c: T | Fail): c is Fail {
  return typeof c === 'object' && c !== null && !Array.isArray(c) && 'reason' in c;
}

class Ctx {
  readonly index: Map<string, IndicatorRows>;
  constructor(
    readonly ds: Dataset,
    readonly digits: DigitsOf,
  ) {
    this.index = indexOf(ds.observations);
  }

  cell(indicator: string, region: string, breakdown: string, key: string): Map<string, Observation> | undefined {
    return this.index.get(indicator)?.cells.get(region + SEP + breakdown + SEP + key);
  }

  /** Code of a period as the data write it (else a month span). */
  code(indicator: string, key: string): string {
    return this.index.get(indicator)?.periods.get(key)?.code ?? key;
  }

  unit(indicator: string): Unit | undefined {
    return this.ds.reference.indicators.get(indicator)?.unit ?? this.index.get(indicator)?.unit;
  }

  /** One indicator for one partner: its row, else the sum of the member rows when every member has one. */
  plain(indicator: string, partner: string, region: string, breakdown: string, key: string, periodCode: string): Got {
    const cell = this.cell(indicator, region, breakdown, key);
    const r = cell?.get(partner);
    if (r) return { v: r.value as number, rows: [r] };
    const members = membersOf(this.ds, partner);
    const name = `${indicator}[${partner}]`;
    if (members.length === 0) return { missing: `there is no value of ${name} for ${periodCode}` };
    // The total over all partners: also the sum of the groups, when the groups split the countries (each country in
    // exactly one group) and every group has a value.
    if (partner === TOTAL) {
      const groups = this.partition();
      if (groups) {
        const parts = groups.map((g) => this.plain(indicator, g, region, breakdown, key, periodCode));
        if (parts.every(isVal)) return { v: parts.reduce((a, g) => a + (g as Val).v, 0), rows: parts.flatMap((g) => (g as Val).rows) };
      }
    }
    const rows: Observation[] = [];
    if (cell && cell.size >= members.length)
      for (const m of members) {
        const mr = cell.get(m);
        if (mr) rows.push(mr);
      }
    else if (cell) for (const [m, mr] of cell) if (memberSetOf(this.ds, partner).has(m)) rows.push(mr);
    if (rows.length < members.length)
      return { missing: `there is no value of ${name} for ${periodCode} (no row, and only ${rows.length} of its ${members.length} members have rows)` };
    return { v: rows.reduce((a, o) => a + (o.value as number), 0), rows };
  }

  private groups: string[] | null | undefined;

  /** The groups, when they split the countries: every country in exactly one of them; else null. */
  partition(): string[] | null {
    if (this.groups !== undefined) return this.groups;
    const countries = [...this.ds.reference.countries.values()];
    const groups = countries.filter((c) => c.isGroup).map((c) => c.code);
    const ok = groups.length > 0 && countries.every((c) => c.isGroup || c.groups.filter((g) => groups.includes(g)).length === 1);
    return (this.groups = ok ? groups : null);
  }

  /** A series' value (a balance when `minus` is set). */
  value(s: Series, key: string, periodCode: string): Got {
    const a = this.plain(s.indicator, s.partner, s.region, s.breakdown, key, periodCode);
    if (!s.minus || !isVal(a)) return a;
    const b = this.plain(s.minus, s.partner, s.region, s.breakdown, key, periodCode);
    if (!isVal(b)) return b;
    return { v: a.v - b.v, rows: [...a.rows, ...b.rows] };
  }

  /** True when some row (or member row) exists for the indicator and partner in the period. */
  hasAny(indicator: string, s: Series, key: string): Observation | undefined {
    const cell = this.cell(indicator, s.region, s.breakdown, key);
    if (!cell) return undefined;
    const r = cell.get(s.partner);
    if (r) return r;
    for (const m of membersOf(this.ds, s.partner)) {
      const mr = cell.get(m);
      if (mr) return mr;
    }
    return undefined;
  }

  minStart(s: Series): number | undefined {
    const a = this.index.get(s.indicator)?.minStart;
    const b = s.minus ? this.index.get(s.minus)?.minStart : undefined;
    if (a === undefined) return undefined;
    return b === undefined ? a : Math.max(a, b);
  }

  isZero(v: number, d: Display): boolean {
    return !/[1-9]/.test(this.digits(v, d));
  }

  /** The sign the reader sees: 0 when the value rounds to zero as displayed. */
  shownSign(v: number, d: Display): -1 | 0 | 1 {
    return this.isZero(v, d) ? 0 : v > 0 ? 1 : -1;
  }

  /** The value as displayed (rounded as the locale rounds it): one decimal for per cent, points and ratios. */
  shown(v: number, d: Display): number {
    const digits = this.digits(v, d).replace(/\D/g, '');
    const n = d === 'count' || d === 'percent0' ? Number(digits) : Number(digits) / 10;
    return v < 0 ? -n : n;
  }

  signed(v: number, d: Display): string {
    const t = this.digits(v, d);
    return this.shownSign(v, d) < 0 ? `−${t}` : this.shownSign(v, d) > 0 ? `+${t}` : t;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

function seriesName(s: Series): string {
  const extra = [s.region, s.breakdown].filter(Boolean).join(',');
  return `${s.indicator}${s.minus ? `−${s.minus}` : ''}[${s.partner}${extra ? ',' + extra : ''}]`;
}

function unitDisplay(unit: Unit | undefined): Display | undefined {
  switch (unit) {
    case 'persons':
      return 'count';
    case 'usd_million':
      return 'money';
    case 'percent':
      return 'percent';
    case 'ratio':
      return 'ratio';
    default:
      return undefined;
  }
}

const SIGN_MOVE = { '1': 'a rise', '-1': 'a fall', '0': 'no change' } as const;
const SIGN_BAL = { '1': 'positive', '-1': 'negative', '0': 'zero' } as const;
function moveWord(s: number): string {
  return SIGN_MOVE[String(s) as '1' | '-1' | '0'] ?? String(s);
}
function balWord(s: number): string {
  return SIGN_BAL[String(s) as '1' | '-1' | '0'] ?? String(s);
}

function sameValue(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function breakdownPairs(b: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const pair of b.split(';')) {
    const i = pair.indexOf('=');
    if (i > 0) m.set(pair.slice(0, i), pair.slice(i + 1));
  }
  return m;
}

/** Shifts a period back by `months` (dates: by whole years), giving its key, or undefined for a date that does not exist. */
function shiftedKey(p: Period, monthsBack: number): string | undefined {
  if (p.kind === 'date' && p.date) {
    if (monthsBack % 12 !== 0) return undefined;
    const y = Number(p.date.slice(0, 4)) - monthsBack / 12;
    return parse(`${String(y).padStart(4, '0')}${p.date.slice(4)}`)?.key;
  }
  return parse(`${monthCode(p.start - monthsBack)}/${monthCode(p.end - monthsBack)}`)?.key;
}

// ---------------------------------------------------------------------------------------------------------------
// The checks

interface Env {
  ctx: Ctx;
  label: string;
  p: Period;
}

function figure(env: Env, what: string, got: number, display: Display, shown: unknown): Fail | undefined {
  const exp = env.ctx.digits(got, display);
  if (typeof shown !== 'string') return { reason: `${env.label}: the claim shows no figure (the ${what} is ${exp})`, expected: exp };
  if (exp !== shown) return { reason: `${env.label}: the ${what} is ${exp}, not ${shown}`, expected: exp };
  return undefined;
}

function displayIs(env: Env, display: unknown, want: Display | undefined, what: string): Fail | undefined {
  if (want === undefined) return undefined;
  if (display !== want) return { reason: `${env.label}: ${what} is displayed as ${want}, not as ${String(display)}` };
  return undefined;
}

function baselineOf(env: Env, c: { baseline?: unknown }): Period | Fail {
  const b = typeof c.baseline === 'string' ? parse(c.baseline) : undefined;
  if (!b) return { reason: `${env.label}: the baseline ${JSON.stringify(c.baseline)} is not a period code` };
  return b;
}

function need(env: Env, s: Series, p: Period): Val | Fail {
  const g = env.ctx.value(s, p.key, p.code);
  return isVal(g) ? g : { reason: `${env.label}: ${g.missing}` };
}

function level(env: Env, c: Extract<Claim, { what: 'level' }>): Check {
  const v = need(env, c.series, env.p);
  if (isFail(v)) return v;
  return displayIs(env, c.display, unitDisplay(env.ctx.unit(c.series.indicator)), 'the value') ?? figure(env, 'value', v.v, c.display, c.shown) ?? v.rows;
}

function change(env: Env, c: Extract<Claim, { what: 'change' }>): Check {
  const { ctx } = env;
  const b = baselineOf(env, c);
  if (isFail(b)) return b;
  if (c.published) {
    // A published percentage: the row itself, of the baseline its vs= names.
    const vs = breakdownPairs(c.series.breakdown).get('vs');
    if (c.measure !== 'pct') return { reason: `${env.label}: a published change is a percentage, not ${c.measure}` };
    if (vs === undefined || parsePeriodCached(vs)?.key !== b.key) return { reason: `${env.label}: the published row is a change on ${vs ?? 'no period'}, not on ${b.code}` };
    const row = need(env, c.series, env.p);
    if (isFail(row)) return row;
    const sign = ctx.shownSign(row.v, 'percent');
    if (c.sign !== sign) return { reason: `${env.label}: the published change is ${ctx.signed(row.v, 'percent')}%, not ${moveWord(c.sign)}` };
    return displayIs(env, c.display, 'percent', 'a per cent change') ?? figure(env, 'change', Math.abs(row.v), 'percent', c.shown) ?? row.rows;
  }
  const to = need(env, c.series, env.p);
  if (isFail(to)) return to;
  const from = need(env, c.series, b);
  if (isFail(from)) return from;
  const rows = [...to.rows, ...from.rows];
  const disp = unitDisplay(ctx.unit(c.series.indicator)) ?? 'count';
  const abs = to.v - from.v;
  const absSign = ctx.shownSign(abs, disp);
  const pct = from.v !== 0 ? (100 * abs) / Math.abs(from.v) : undefined;
  const pctSign = pct === undefined ? undefined : ctx.shownSign(pct, 'percent');
  const moved = `${ctx.digits(from.v, disp)} → ${ctx.digits(to.v, disp)}`;
  const signIs = (want: number): Fail | undefined =>
    c.sign === want ? undefined : { reason: `${env.label}: the data give ${moveWord(want)} (${moved}), not ${moveWord(c.sign)}` };
  switch (c.measure) {
    case 'pct': {
      if (pct === undefined) return { reason: `${env.label}: the baseline is 0, so no percentage exists (a rise from zero to ${ctx.digits(to.v, disp)})`, expected: ctx.digits(to.v, disp) };
      // (How a change is worded — "n times as many" from 100%, "unchanged" at 0.0% — is the words check's rule;
      // here only what the figure and its sign say is checked, as a table cell shows them too.)
      if (pct >= 100 && from.v < 0) return { reason: `${env.label}: the data give ${ctx.signed(from.v, disp)} → ${ctx.signed(to.v, disp)}, a change of sign, not a rise of ${ctx.digits(pct, 'percent')}%`, expected: ctx.digits(pct, 'percent') };
      return displayIs(env, c.display, 'percent', 'a per cent change') ?? figure(env, 'change', Math.abs(pct), 'percent', c.shown) ?? signIs(pctSign as number) ?? rows;
    }
    case 'abs':
      return displayIs(env, c.display, disp, 'an absolute change') ?? figure(env, 'change', Math.abs(abs), disp, c.shown) ?? signIs(absSign) ?? rows;
    case 'times': {
      // "n times as many" from a rise of 100% as displayed, the threshold of the words check's rule 4 (which demands
      // these words once the per cent shows 100.0): 29,981 → 59,961 is +99.997%, shown 100.0%, "2.0 times".
      if (!(from.v > 0) || ctx.shown((100 * (to.v - from.v)) / from.v, 'percent') < 100)
        return { reason: `${env.label}: the data give ${moved}, not a rise to 2 times or more`, expected: from.v > 0 ? ctx.digits(to.v / from.v, 'ratio') : undefined };
      return displayIs(env, c.display, 'ratio', 'a multiple') ?? figure(env, 'ratio', to.v / from.v, 'ratio', c.shown) ?? signIs(1) ?? rows;
    }
    case 'unchanged': {
      const flat = absSign === 0 && (pct === undefined ? to.v === from.v : pctSign === 0);
      if (!flat) return { reason: `${env.label}: the data give ${moved}${pct !== undefined ? ` (${ctx.signed(pct, 'percent')}%)` : ''}, not unchanged` };
      return signIs(0) ?? rows;
    }
    case 'virtually_unchanged': {
      if (pct === undefined || pctSign !== 0 || absSign === 0)
        return { reason: `${env.label}: the data give ${moved}${pct !== undefined ? ` (${ctx.signed(pct, 'percent')}%)` : ''}, not a change that rounds to 0.0% with a visible absolute change` };
      if (typeof c.shown === 'string') {
        const f = c.display === 'percent' ? figure(env, 'change', Math.abs(pct), 'percent', c.shown) : figure(env, 'change', Math.abs(abs), disp, c.shown);
        if (f) return f;
      }
      // The words say "virtually unchanged": no direction.
      return signIs(0) ?? rows;
    }
    case 'from_zero':
      if (from.v !== 0 || !(to.v > 0)) return { reason: `${env.label}: the data give ${moved}, not a rise from zero` };
      return (c.shown === undefined ? undefined : figure(env, 'new level', to.v, disp, c.shown)) ?? signIs(1) ?? rows;
    default:
      return { reason: `${env.label}: unknown measure ${JSON.stringify((c as { measure?: unknown }).measure)}` };
  }
}

/** A share for a period: a published share row, else 100 × series / whole. */
function shareAt(env: Env, s: Series, whole: string, published: boolean, p: Period): Val | Fail {
  const { ctx } = env;
  if (published) {
    const w = breakdownPairs(s.breakdown).get('whole');
    if (w !== undefined && w !== whole) return { reason: `${env.label}: the published row is a share of ${w}, not of ${whole}` };
    return need(env, s, p);
  }
  const members = membersOf(ctx.ds, whole);
  if (members.length > 0 && !ctx.ds.reference.countries.get(s.partner)?.isGroup && s.partner !== TOTAL && !members.includes(s.partner))
    return { reason: `${env.label}: ${s.partner} is not a member of ${whole}` };
  const part = need(env, s, p);
  if (isFail(part)) return part;
  // A part by a breakdown key (ethnicity=russian) or by region is a share of its own partner's total, not broken down.
  const all = need(env, s.partner === whole && (s.breakdown !== '' || s.region !== '') ? { ...s, breakdown: '', region: '' } : { ...s, partner: whole }, p);
  if (isFail(all)) return all;
  if (all.v === 0) return { reason: `${env.label}: the whole ${whole} is 0 in ${p.code}, so no share exists` };
  return { v: (100 * part.v) / all.v, rows: [...part.rows, ...all.rows] };
}

function share(env: Env, c: Extract<Claim, { what: 'share' }>): Check {
  const v = shareAt(env, c.series, c.whole, c.published, env.p);
  if (isFail(v)) return v;
  // A published share written without decimals is shown as published; nothing else is shown without decimals.
  if (c.display === 'percent0') {
    const asPublished = c.published && v.rows.every((r) => r.raw !== undefined && !/[.,]/.test(r.raw));
    if (!asPublished) return { reason: `${env.label}: the share is shown without decimals, but it was not published so`, expected: env.ctx.digits(v.v, 'percent') };
    return figure(env, 'share', v.v, 'percent0', c.shown) ?? v.rows;
  }
  return displayIs(env, c.display, 'percent', 'a share') ?? figure(env, 'share', v.v, 'percent', c.shown) ?? v.rows;
}

function shareChange(env: Env, c: Extract<Claim, { what: 'share_change' }>): Check {
  const b = baselineOf(env, c);
  if (isFail(b)) return b;
  const now = shareAt(env, c.series, c.whole, c.published, env.p);
  if (isFail(now)) return now;
  const then = shareAt(env, c.series, c.whole, c.published, b);
  if (isFail(then)) return then;
  // The change in points is the difference of the two shares as printed (docs/writing.md, rule 5, case M4).
  const pp = env.ctx.shown(now.v, 'percent') - env.ctx.shown(then.v, 'percent');
  const sign = env.ctx.shownSign(pp, 'points');
  const rows = [...now.rows, ...then.rows];
  const moved = `${env.ctx.digits(then.v, 'percent')}% → ${env.ctx.digits(now.v, 'percent')}%`;
  if (c.sign !== sign) return { reason: `${env.label}: the data give ${moveWord(sign)} of ${env.ctx.signed(pp, 'points')} points (${moved}), not ${moveWord(c.sign)}`, expected: env.ctx.digits(pp, 'points') };
  if (c.shown === undefined && sign === 0) return rows;
  return displayIs(env, c.display, 'points', 'a change of a share') ?? figure(env, 'change', Math.abs(pp), 'points', c.shown) ?? rows;
}

function ratio(env: Env, c: Extract<Claim, { what: 'ratio' }>): Check {
  const { ctx } = env;
  const b = baselineOf(env, c);
  if (isFail(b)) return b;
  const to = ctx.value(c.series, env.p.key, env.p.code);
  const from = ctx.value(c.series, b.key, b.code);
  let r: number;
  let rows: Observation[];
  if (isVal(to) && isVal(from) && from.v !== 0) {
    r = to.v / from.v;
    rows = [...to.rows, ...from.rows];
  } else {
    // A published ratio row: the series names it, its breakdown names the baseline.
    const vs = breakdownPairs(c.series.breakdown).get('vs');
    if (vs === undefined) return { reason: `${env.label}: ${isVal(from) ? `the baseline ${b.code} is 0, so no ratio exists` : isVal(to) ? (from as { missing: string }).missing : (to as { missing: string }).missing}` };
    if (parse(vs)?.key !== b.key) return { reason: `${env.label}: the published ratio is against ${vs}, not ${c.baseline}` };
    if (!isVal(to)) return { reason: `${env.label}: ${to.missing}` };
    r = to.v;
    rows = to.rows;
  }
  const pct = (r - 1) * 100;
  const pctSign = ctx.shownSign(pct, 'percent');
  switch (c.measure) {
    case 'times': {
      // A published ratio is stated as published, whatever its size; a computed one as times only from 2 up.
      const published = !(isVal(to) && isVal(from) && from.v !== 0);
      if (!published && !(r >= 2)) return { reason: `${env.label}: the ratio is ${ctx.digits(r, 'ratio')}, below 2, so it is not stated as times`, expected: ctx.digits(r, 'ratio') };
      const want = published ? ctx.shownSign(r - 1, 'ratio') : 1;
      if (c.sign !== want) return { reason: `${env.label}: the data give ${moveWord(want)} (ratio ${ctx.digits(r, 'ratio')}), not ${moveWord(c.sign)}` };
      return displayIs(env, c.display, 'ratio', 'a multiple') ?? figure(env, 'ratio', r, 'ratio', c.shown) ?? rows;
    }
    case 'pct':
      if (r >= 2) return { reason: `${env.label}: the ratio is ${ctx.digits(r, 'ratio')}, a rise of 100% or more, so it is stated as times`, expected: ctx.digits(r, 'ratio') };
      if (pctSign === 0) return { reason: `${env.label}: the change rounds to ${ctx.digits(pct, 'percent')}% (ratio ${ctx.digits(r, 'ratio')}), so it is unchanged`, expected: ctx.digits(pct, 'percent') };
      if (c.sign !== pctSign) return { reason: `${env.label}: the data give ${moveWord(pctSign)} (${ctx.signed(pct, 'percent')}%), not ${moveWord(c.sign)}`, expected: ctx.digits(pct, 'percent') };
      return displayIs(env, c.display, 'percent', 'a per cent change') ?? figure(env, 'change', Math.abs(pct), 'percent', c.shown) ?? rows;
    case 'unchanged':
      if (pctSign !== 0 || c.sign !== 0) return { reason: `${env.label}: the data give ${ctx.signed(pct, 'percent')}% (ratio ${ctx.digits(r, 'ratio')}), not unchanged`, expected: ctx.digits(pct, 'percent') };
      return rows;
    default:
      return { reason: `${env.label}: unknown measure ${JSON.stringify((c as { measure?: unknown }).measure)}` };
  }
}

function balanceDisplay(env: Env, s: Series): Display {
  return unitDisplay(env.ctx.unit(s.indicator)) ?? 'count';
}

function balance(env: Env, c: Extract<Claim, { what: 'balance' }>): Check {
  const v = need(env, c.series, env.p);
  if (isFail(v)) return v;
  const disp = balanceDisplay(env, c.series);
  const sign = env.ctx.shownSign(v.v, disp);
  if (sign !== c.sign) return { reason: `${env.label}: the balance is ${env.ctx.signed(v.v, disp)}, ${balWord(sign)}, not ${balWord(c.sign)}`, expected: env.ctx.digits(v.v, disp) };
  if (c.shown === undefined) return v.rows;
  return displayIs(env, c.display, disp, 'the balance') ?? figure(env, 'balance', Math.abs(v.v), disp, c.shown) ?? v.rows;
}

function signChange(env: Env, c: Extract<Claim, { what: 'sign_change' }>): Check {
  const b = baselineOf(env, c);
  if (isFail(b)) return b;
  if ((c.sign !== 1 && c.sign !== -1) || ![-1, 0, 1].includes(c.from) || c.sign === c.from)
    return { reason: `${env.label}: malformed sign change from ${String(c.from)} to ${String(c.sign)}` };
  const now = need(env, c.series, env.p);
  if (isFail(now)) return now;
  const then = need(env, c.series, b);
  if (isFail(then)) return then;
  const disp = balanceDisplay(env, c.series);
  const sNow = env.ctx.shownSign(now.v, disp);
  const sThen = env.ctx.shownSign(then.v, disp);
  if (sNow !== c.sign) return { reason: `${env.label}: the balance in ${env.p.code} is ${env.ctx.signed(now.v, disp)}, ${balWord(sNow)}, not ${balWord(c.sign)}`, expected: env.ctx.digits(now.v, disp) };
  if (sThen !== c.from) return { reason: `${env.label}: the balance in ${b.code} is ${env.ctx.signed(then.v, disp)}, ${balWord(sThen)}, not ${balWord(c.from)}`, expected: env.ctx.digits(then.v, disp) };
  return [...now.rows, ...then.rows];
}

function record(env: Env, c: Extract<Claim, { what: 'record' }>): Check {
  const { ctx, p } = env;
  const s = c.series;
  const disp = unitDisplay(ctx.unit(s.indicator)) ?? 'count';
  const cur = need(env, s, p);
  if (isFail(cur)) return cur;
  const earliest = ctx.minStart(s) ?? p.start;
  const years: { k: number; key: string; v: Val }[] = [{ k: 0, key: p.key, v: cur }];
  for (let k = 1; p.start - 12 * k >= earliest; k++) {
    const key = shiftedKey(p, 12 * k);
    if (key === undefined) continue;
    const g = ctx.value(s, key, ctx.code(s.indicator, key));
    if (isVal(g)) years.push({ k, key, v: g });
  }
  if (c.extreme !== 'high' && c.extreme !== 'low') return { reason: `${env.label}: unknown extreme ${JSON.stringify(c.extreme)}` };
  if (years.length < 2) return { reason: `${env.label}: no earlier year has data for these months, so there is no record` };
  for (const y of years.slice(1)) {
    const beaten = c.extreme === 'high' ? y.v.v >= cur.v : y.v.v <= cur.v;
    if (beaten)
      return {
        reason: `${env.label}: ${ctx.code(s.indicator, y.key)} had ${ctx.signed(y.v.v, disp)}, ${y.v.v === cur.v ? 'equal to' : c.extreme === 'high' ? 'higher than' : 'lower than'} ${ctx.signed(cur.v, disp)}`,
      };
  }
  const first = years[years.length - 1];
  const firstCode = ctx.code(s.indicator, first.key);
  if (parse(String(c.since))?.key !== first.key) return { reason: `${env.label}: the first year with data is ${firstCode}, not ${c.since}` };
  if (c.years !== years.length) return { reason: `${env.label}: ${years.length} years have data, not ${c.years}`, expected: ctx.digits(years.length, 'count') };
  const complete = years.length === first.k + 1;
  if (c.complete !== complete)
    return { reason: `${env.label}: ${complete ? 'every year since ' + firstCode + ' has data' : `only ${years.length} of the ${first.k + 1} years since ${firstCode} have data`}, so complete is ${complete}` };
  if (c.shown !== undefined) {
    const f = displayIs(env, c.display, disp, 'the value') ?? figure(env, 'value', cur.v, disp, c.shown);
    if (f) return f;
  }
  return years.flatMap((y) => y.v.rows);
}

function streak(env: Env, c: Extract<Claim, { what: 'streak' }>): Check {
  const { ctx, p } = env;
  const s = c.series;
  const step = c.step === 'year' ? 12 : c.step === 'quarter' ? 3 : c.step === 'month' ? 1 : 0;
  if (!step) return { reason: `${env.label}: unknown step ${JSON.stringify(c.step)}` };
  if (step !== 12 && (p.kind === 'date' || p.end - p.start + 1 !== step || (step === 3 && p.start % 3 !== 0)))
    return { reason: `${env.label}: ${p.code} is not a ${c.step}, so it has no consecutive ${c.step}s` };
  if (c.sign !== 1 && c.sign !== -1) return { reason: `${env.label}: malformed sign ${String(c.sign)}` };
  const disp = unitDisplay(ctx.unit(s.indicator)) ?? 'count';
  const at = (i: number): { key: string; v?: Val } => {
    const key = i === 0 ? p.key : shiftedKey(p, i * step);
    if (key === undefined) return { key: '' };
    const g = ctx.value(s, key, ctx.code(s.indicator, key));
    return { key, v: isVal(g) ? g : undefined };
  };
  const run: { key: string; v: Val }[] = [];
  const first = at(0);
  if (!first.v) return { reason: `${env.label}: there is no value of ${seriesName(s)} for ${p.code}` };
  run.push({ key: first.key, v: first.v });
  let length: number;
  if (c.mode === 'sign') {
    const sign0 = ctx.shownSign(first.v.v, disp);
    if (sign0 !== c.sign) return { reason: `${env.label}: the value in ${p.code} is ${ctx.signed(first.v.v, disp)}, ${balWord(sign0)}, not ${balWord(c.sign)}` };
    for (let i = 1; ; i++) {
      const y = at(i);
      if (!y.v || ctx.shownSign(y.v.v, disp) !== c.sign) break;
      run.push({ key: y.key, v: y.v });
    }
    length = run.length;
  } else if (c.mode === 'direction') {
    for (let i = 1; ; i++) {
      const y = at(i);
      if (!y.v) break;
      const prev = run[run.length - 1].v.v;
      if (Math.sign(prev - y.v.v) !== c.sign) break;
      run.push({ key: y.key, v: y.v });
    }
    length = run.length - 1;
    if (length === 0) {
      const y = at(1);
      return { reason: `${env.label}: ${y.v ? `the value went from ${ctx.signed(y.v.v, disp)} to ${ctx.signed(first.v.v, disp)}, not ${moveWord(c.sign)}` : `there is no value for the ${c.step} before`}` };
    }
  } else return { reason: `${env.label}: unknown mode ${JSON.stringify((c as { mode?: unknown }).mode)}` };
  const unit = `${c.step}${length === 1 ? '' : 's'}`;
  const since = run[run.length - 1].key;
  const sinceCode = ctx.code(s.indicator, since);
  const what = c.mode === 'sign' ? `${balWord(c.sign)} values` : `moves (${c.sign > 0 ? 'rises' : 'falls'})`;
  if (length !== c.length) return { reason: `${env.label}: the run of ${what} is ${length} ${unit} long since ${sinceCode}, not ${c.length}`, expected: ctx.digits(length, 'count') };
  if (length < 2) return { reason: `${env.label}: a run of ${length} ${unit} is not a streak` };
  if (parse(String(c.since))?.key !== since) return { reason: `${env.label}: the run starts in ${sinceCode}, not ${c.since}` };
  return run.flatMap((y) => y.v.rows);
}

function crossover(env: Env, c: Extract<Claim, { what: 'crossover' }>): Check {
  const { ctx } = env;
  const b = baselineOf(env, c);
  if (isFail(b)) return b;
  const other = { ...c.series, partner: c.other };
  const got: Val[] = [];
  for (const [s, p] of [
    [c.series, env.p],
    [other, env.p],
    [c.series, b],
    [other, b],
  ] as const) {
    const v = need(env, s, p);
    if (isFail(v)) return v;
    got.push(v);
  }
  const disp = unitDisplay(ctx.unit(c.series.indicator)) ?? 'count';
  const [aNow, oNow, aThen, oThen] = got;
  if (!(aNow.v > oNow.v)) return { reason: `${env.label}: in ${env.p.code} ${c.series.partner} has ${ctx.digits(aNow.v, disp)}, not more than ${c.other} (${ctx.digits(oNow.v, disp)})` };
  if (!(aThen.v < oThen.v)) return { reason: `${env.label}: in ${b.code} ${c.series.partner} had ${ctx.digits(aThen.v, disp)}, not fewer than ${c.other} (${ctx.digits(oThen.v, disp)})` };
  return got.flatMap((v) => v.rows);
}

/** Checks that the named members are the first of `ranked` (best first by `better`), ties listed in `tied`. */
function rankCheck(
  env: Env,
  named: string[],
  values: Map<string, number>,
  better: (a: number, b: number) => boolean,
  show: (v: number) => string,
  tied: string[],
): Fail | undefined {
  for (let i = 1; i < named.length; i++) {
    const a = values.get(named[i - 1]) as number;
    const b = values.get(named[i]) as number;
    if (better(b, a) && !sameValue(a, b)) return { reason: `${env.label}: ${named[i]} (${show(b)}) ranks before ${named[i - 1]} (${show(a)})` };
  }
  const lastName = named[named.length - 1];
  const last = values.get(lastName) as number;
  const nameSet = new Set(named);
  const ranked = [...values.entries()].sort((x, y) => (better(x[1], y[1]) ? -1 : better(y[1], x[1]) ? 1 : byCode(x[0], y[0])));
  for (const [m, v] of ranked) {
    if (nameSet.has(m)) continue;
    if (sameValue(v, last)) {
      if (!tied.includes(m)) return { reason: `${env.label}: ${m} (${show(v)}) ties with ${lastName} (${show(last)}) and is not named` };
    } else if (better(v, last)) return { reason: `${env.label}: ${m} (${show(v)}) ranks before ${lastName} (${show(last)}) and is not named`, expected: m };
  }
  for (const t of tied) {
    const v = values.get(t);
    if (v === undefined || !sameValue(v, last)) return { reason: `${env.label}: ${t} is said to tie with ${lastName} (${show(last)}) but ${v === undefined ? 'has no value' : `has ${show(v)}`}` };
  }
  return undefined;
}

function top(env: Env, c: Extract<Claim, { what: 'top' }>): Check {
  const { ctx, p } = env;
  const s = c.series;
  const whole = s.partner;
  const members = membersOf(ctx.ds, whole);
  if (members.length === 0) return { reason: `${env.label}: ${whole} is not a group or ${TOTAL}, so it has no members` };
  if (!Array.isArray(c.members) || c.members.length === 0) return { reason: `${env.label}: the claim names no members` };
  const disp = unitDisplay(ctx.unit(s.indicator)) ?? 'count';
  const cell = ctx.cell(s.indicator, s.region, s.breakdown, p.key);
  const values = new Map<string, number>();
  const rowOf = new Map<string, Observation>();
  const memberSet = memberSetOf(ctx.ds, whole);
  if (cell)
    for (const [m, r] of cell)
      if (memberSet.has(m)) {
        values.set(m, r.value as number);
        rowOf.set(m, r);
      }
  for (const m of c.members) {
    if (!memberSet.has(m)) return { reason: `${env.label}: ${m} is not a member of ${whole}` };
    if (!values.has(m)) return { reason: `${env.label}: ${m} has no value for ${p.code}` };
  }
  const tied = c.tiedWith ?? [];
  const f = rankCheck(env, c.members, values, (a, b) => a > b, (v) => ctx.digits(v, disp), tied);
  if (f) return f;
  if (c.scope === 'all') {
    const w = ctx.value(s, p.key, p.code);
    if (!isVal(w)) return { reason: `${env.label}: a superlative needs the whole, but ${w.missing}` };
    let sum = 0;
    for (const v of values.values()) sum += v;
    const rest = w.v - sum;
    const lastName = c.members[c.members.length - 1];
    const last = values.get(lastName) as number;
    if (rest >= last && !sameValue(rest, 0))
      return { reason: `${env.label}: ${ctx.digits(rest, disp)} of ${ctx.digits(w.v, disp)} are not broken down by member, so an unlisted member could exceed ${lastName} (${ctx.digits(last, disp)})`, expected: ctx.digits(rest, disp) };
  } else if (c.scope !== 'listed') return { reason: `${env.label}: unknown scope ${JSON.stringify(c.scope)}` };
  return [...c.members, ...tied].map((m) => rowOf.get(m)).filter((r): r is Observation => r !== undefined);
}

function most(env: Env, c: Extract<Claim, { what: 'most' }>): Check {
  const { ctx, p } = env;
  const s = c.series;
  const b = baselineOf(env, c);
  if (isFail(b)) return b;
  const whole = s.partner;
  const members = membersOf(ctx.ds, whole);
  if (members.length === 0) return { reason: `${env.label}: ${whole} is not a group or ${TOTAL}, so it has no members` };
  if (!Array.isArray(c.members) || c.members.length === 0) return { reason: `${env.label}: the claim names no members` };
  if (c.direction !== 'up' && c.direction !== 'down') return { reason: `${env.label}: unknown direction ${JSON.stringify(c.direction)}` };
  if (c.scope !== 'all' && c.scope !== 'listed') return { reason: `${env.label}: unknown scope ${JSON.stringify(c.scope)}` };
  const disp = unitDisplay(ctx.unit(s.indicator)) ?? 'count';
  const now = ctx.cell(s.indicator, s.region, s.breakdown, p.key);
  const then = ctx.cell(s.indicator, s.region, s.breakdown, b.key);
  const pcts = new Map<string, number>();
  const rows = new Map<string, Observation[]>();
  const fromZero: string[] = [];
  const memberSet = memberSetOf(ctx.ds, whole);
  for (const [m, to] of now ?? []) {
    if (!memberSet.has(m)) continue;
    const from = then?.get(m);
    if (!from) {
      if (c.scope === 'all') return { reason: `${env.label}: ${m} has a value for ${p.code} but none for ${b.code}, so the list may leave it out` };
      continue;
    }
    rows.set(m, [to, from]);
    const fv = from.value as number;
    const tv = to.value as number;
    if (fv === 0) {
      if (tv > 0) fromZero.push(m);
      continue;
    }
    pcts.set(m, (100 * (tv - fv)) / Math.abs(fv));
  }
  const want = c.direction === 'up' ? 1 : -1;
  if (c.scope === 'all')
    // "Most" of all members needs the whole broken down in both periods: an unlisted remainder may hold a larger mover.
    for (const [q, cell] of [[p, now], [b, then]] as const) {
      const w = ctx.value({ ...s, partner: whole }, q.key, q.code);
      if (!isVal(w)) continue;
      let listed = 0;
      for (const [m, o] of cell ?? []) if (memberSet.has(m)) listed += o.value as number;
      if (ctx.shownSign(w.v - listed, disp) !== 0)
        return { reason: `${env.label}: ${ctx.digits(w.v - listed, disp)} of ${whole} in ${q.code} is not broken down by country, so a country not listed may have moved more` };
    }
  for (const m of c.members) {
    if (!memberSet.has(m)) return { reason: `${env.label}: ${m} is not a member of ${whole}` };
    if (!rows.has(m)) return { reason: `${env.label}: ${m} has no value for ${now?.get(m) ? b.code : p.code}` };
    const v = pcts.get(m);
    if (v === undefined && want > 0 && fromZero.includes(m)) continue;
    if (v === undefined) return { reason: `${env.label}: ${m} rose from zero, so it has no per cent change` };
    if (Math.sign(v) !== want) return { reason: `${env.label}: ${m} changed by ${ctx.signed(v, 'percent')}%, not ${moveWord(want)}`, expected: ctx.signed(v, 'percent') };
  }
  const tied = (c as { tiedWith?: string[] }).tiedWith ?? [];
  // Rises from zero are the largest rises of all: named first, before any per cent change.
  const zeroNamed = c.members.filter((m) => fromZero.includes(m));
  if (zeroNamed.some((m, i) => c.members[i] !== m)) return { reason: `${env.label}: a rise from zero is named after a per cent change` };
  const ranked = c.members.filter((m) => !fromZero.includes(m));
  if (ranked.length === 0) return [...c.members].flatMap((m) => rows.get(m) ?? []);
  const f = rankCheck(env, ranked, pcts, want > 0 ? (a, x) => a > x : (a, x) => a < x, (v) => `${ctx.signed(v, 'percent')}%`, tied);
  if (f) return f;
  if (c.scope === 'all' && want > 0) {
    const left = fromZero.filter((m) => !c.members.includes(m));
    if (left.length) {
      const m = left[0];
      return { reason: `${env.label}: ${m} rose from zero (0 → ${ctx.digits(now?.get(m)?.value as number, disp)}) and is left out` };
    }
  }
  return [...c.members, ...tied].flatMap((m) => rows.get(m) ?? []);
}

function count(env: Env, c: Extract<Claim, { what: 'count' }>): Check {
  const { ctx, p } = env;
  const s = c.series;
  if (c.rule !== 'positive' && c.rule !== 'negative' && c.rule !== 'with_data') return { reason: `${env.label}: unknown rule ${JSON.stringify(c.rule)}` };
  if (c.scope !== 'all' && c.scope !== 'listed') return { reason: `${env.label}: unknown scope ${JSON.stringify(c.scope)}` };
  const all = ctx.index.get(s.indicator)?.byPeriod.get(s.breakdown + SEP + p.key) ?? [];
  const byRegion = new Map<string, Observation>();
  for (const o of all) if (o.country === s.partner && o.region !== '' && !byRegion.has(o.region)) byRegion.set(o.region, o);
  const meeting = [...byRegion.values()].filter((o) => (c.rule === 'with_data' ? true : c.rule === 'positive' ? (o.value as number) > 0 : (o.value as number) < 0));
  if (c.scope === 'all') {
    const missing = [...ctx.ds.reference.regions.keys()].filter((r) => !byRegion.has(r)).sort(byCode);
    if (missing.length)
      return {
        reason: `${env.label}: only ${byRegion.size} of the ${ctx.ds.reference.regions.size} regions have rows (none for ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}), so a count over all regions is not supported`,
      };
  }
  // A count of members is not itself an estimate: each member's own figure carries its mark.
  return displayIs(env, c.display, 'count', 'a count') ?? figure(env, 'count', meeting.length, 'count', c.shown) ?? [];
}

function noData(env: Env, c: Extract<Claim, { what: 'no_data' }>): Check {
  const { ctx, p } = env;
  const s = c.series;
  if (c.total) {
    const v = ctx.value(s, p.key, p.code);
    if (isVal(v)) return { reason: `${env.label}: the whole has a value for ${p.code} (${ctx.digits(v.v, unitDisplay(ctx.unit(s.indicator)) ?? 'count')})`, expected: ctx.digits(v.v, unitDisplay(ctx.unit(s.indicator)) ?? 'count') };
    return [];
  }
  const a = ctx.hasAny(s.indicator, s, p.key);
  const b = s.minus ? ctx.hasAny(s.minus, s, p.key) : undefined;
  // A balance has no data when either side has none.
  const blocked = a && (!s.minus || b) ? a : undefined;
  if (blocked) {
    const disp = unitDisplay(blocked.unit) ?? 'count';
    const whose = blocked.country === s.partner ? 'a row' : `a member row (${blocked.country})`;
    return { reason: `${env.label}: ${blocked.indicator} has ${whose} for ${blocked.period.code} with ${ctx.signed(blocked.value as number, disp)}`, expected: ctx.digits(blocked.value as number, disp) };
  }
  return [];
}

/** The whole has a value for the period, and none of its members has a row: not broken down by country. */
function notBrokenDown(env: Env, c: Extract<Claim, { what: 'not_broken_down' }>): Check {
  const { ctx, p } = env;
  const s = c.series;
  const whole = need(env, s, p);
  if (isFail(whole)) return whole;
  const members = memberSetOf(ctx.ds, s.partner);
  const row = [...(ctx.cell(s.indicator, s.region, s.breakdown, p.key) ?? [])].find(([m]) => members.has(m));
  if (row) return { reason: `${env.label}: ${row[0]} has a row for ${p.code} (${ctx.digits(row[1].value as number, unitDisplay(ctx.unit(s.indicator)) ?? 'count')}), so the whole is broken down`, expected: row[0] };
  // No figure is shown, so no mark is owed.
  return [];
}

/** A member of a rest or sum: a partner code, else a breakdown value (`key=value`, alone or over the series' breakdown). */
function memberValue(env: Env, s: Series, m: string): Val | Fail {
  if (!m.includes('=')) return need(env, { ...s, partner: m }, env.p);
  const direct = env.ctx.value({ ...s, breakdown: normaliseBreakdown(m) }, env.p.key, env.p.code);
  if (isVal(direct)) return direct;
  const pairs = breakdownPairs(s.breakdown);
  for (const [k, v] of breakdownPairs(m)) pairs.set(k, v);
  const merged = normaliseBreakdown([...pairs].map(([k, v]) => `${k}=${v}`).join(';'));
  return need(env, { ...s, breakdown: merged }, env.p);
}

function sumOf(env: Env, s: Series, members: unknown): Val | Fail {
  if (!Array.isArray(members) || members.length === 0) return { reason: `${env.label}: the claim names no members` };
  let v = 0;
  const rows: Observation[] = [];
  for (const m of members) {
    const g = memberValue(env, s, String(m));
    if (isFail(g)) return g;
    v += g.v;
    rows.push(...g.rows);
  }
  return { v, rows };
}

function rest(env: Env, c: Extract<Claim, { what: 'rest' }>): Check {
  const { ctx } = env;
  const s = c.series;
  const disp = unitDisplay(ctx.unit(s.indicator)) ?? 'count';
  let whole = ctx.value(s, env.p.key, env.p.code);
  // A structure (published percentages) has no whole row: its whole is 100.
  if (!isVal(whole) && ctx.ds.reference.indicators.get(s.indicator)?.kind === 'structure') whole = { v: 100, rows: [] };
  if (!isVal(whole)) return { reason: `${env.label}: ${whole.missing}` };
  const parts = sumOf(env, s, c.members);
  if (isFail(parts)) return parts;
  const r = whole.v - parts.v;
  if (ctx.shownSign(r, disp) < 0) return { reason: `${env.label}: the members add up to ${ctx.digits(parts.v, disp)}, more than the whole (${ctx.digits(whole.v, disp)})`, expected: ctx.signed(r, disp) };
  return displayIs(env, c.display, disp, 'the rest') ?? figure(env, 'rest', r, disp, c.shown) ?? [...whole.rows, ...parts.rows];
}

function sum(env: Env, c: Extract<Claim, { what: 'sum' }>): Check {
  // TODO: sums of a structure's parts are read as breakdown values (memberValue); a structure whose parts
  // need other breakdown keys than the series' may need more.
  const s = c.series;
  const disp = unitDisplay(env.ctx.unit(s.indicator)) ?? 'count';
  const parts = sumOf(env, s, c.members);
  if (isFail(parts)) return parts;
  return displayIs(env, c.display, disp, 'the sum') ?? figure(env, 'sum', parts.v, disp, c.shown) ?? parts.rows;
}

function checkMarks(env: Env, rows: Observation[], marks: unknown): Fail | undefined {
  if (!Array.isArray(marks)) return { reason: `${env.label}: the claim has no list of marks` };
  const bad = marks.filter((m) => !MARKS.includes(m as Mark));
  if (bad.length) return { reason: `${env.label}: unknown marks ${bad.map(String).join(', ')}` };
  const found = new Map<Mark, Observation>();
  for (const r of rows) if (MARKS.includes(r.status as Mark) && !found.has(r.status as Mark)) found.set(r.status as Mark, r);
  const have = new Set(marks as Mark[]);
  const expected = MARKS.filter((m) => found.has(m)).join(',');
  for (const m of MARKS) {
    const r = found.get(m);
    if (r && !have.has(m))
      return { reason: `${env.label}: the figures rest on ${r.indicator}[${r.country}] ${r.period.code}, marked ${m}, but the claim does not carry ${m}`, expected };
  }
  for (const m of MARKS)
    if (have.has(m) && !found.has(m)) return { reason: `${env.label}: the claim carries ${m}, but no row its figures rest on is marked ${m}`, expected };
  return undefined;
}

function labelOf(c: Claim, s: Series): string {
  const name = seriesName(s);
  const vs = 'baseline' in c ? ` vs ${String(c.baseline)}` : '';
  switch (c.what) {
    case 'record':
      return `record ${c.extreme} of ${name} in ${c.period}`;
    case 'streak':
      return `${c.mode} streak of ${name} to ${c.period}`;
    case 'share':
    case 'share_change':
      return `${c.what.replace('_', ' ')} of ${name} in ${c.whole} in ${c.period}${vs}`;
    case 'crossover':
      return `crossover of ${name} over ${c.other} in ${c.period}${vs}`;
    case 'top':
    case 'most':
      return `${c.what} of ${name} in ${c.period}${vs} {${Array.isArray(c.members) ? c.members.join(',') : ''}}`;
    case 'count':
      return `count of ${c.rule} ${name} in ${c.period}`;
    case 'no_data':
      return `no data for ${name} in ${c.period}`;
    default:
      return `${String(c.what).replace('_', ' ')} of ${name} in ${c.period}${vs}`;
  }
}

function validSeries(s: unknown): s is Series {
  if (!s || typeof s !== 'object') return false;
  const x = s as Record<string, unknown>;
  return typeof x.indicator === 'string' && typeof x.partner === 'string' && typeof x.region === 'string' && typeof x.breakdown === 'string' && (x.minus === undefined || typeof x.minus === 'string');
}

/** Re-derives one claim from the rows: undefined when the data support it, else why not (never throws). */
export function recomputeClaim(ds: Dataset, claim: Claim, digits: DigitsOf): { reason: string; expected?: string } | undefined {
  const r = rederive(ds, claim, digits);
  return 'reason' in r ? r : undefined;
}

/**
 * What the verifier re-derived a claim from: the rows behind it (file:line, source), or why the data do not
 * support it. The preview shows this beside each figure.
 */
export function explainClaim(ds: Dataset, claim: Claim, digits: DigitsOf): { rows: Observation[] } | { reason: string; expected?: string } {
  return rederive(ds, claim, digits);
}

function rederive(ds: Dataset, claim: Claim, digits: DigitsOf): { rows: Observation[] } | { reason: string; expected?: string } {
  let label = 'claim';
  try {
    if (!claim || typeof claim !== 'object') return { reason: 'malformed claim: not an object' };
    const what = String((claim as { what?: unknown }).what);
    if (!validSeries(claim.series)) return { reason: `malformed ${what} claim: its series is missing or incomplete` };
    const s: Series = { ...claim.series, breakdown: normaliseBreakdown(claim.series.breakdown) };
    label = labelOf(claim, s);
    const p = typeof claim.period === 'string' ? parse(claim.period) : undefined;
    if (!p) return { reason: `${label}: the period ${JSON.stringify(claim.period)} is not a period code` };
    const env: Env = { ctx: new Ctx(ds, digits), label, p };
    const c = { ...claim, series: s } as Claim;
    let out: Check;
    switch (c.what) {
      case 'level':
        out = level(env, c);
        break;
      case 'change':
        out = change(env, c);
        break;
      case 'share':
        out = share(env, c);
        break;
      case 'share_change':
        out = shareChange(env, c);
        break;
      case 'ratio':
        out = ratio(env, c);
        break;
      case 'balance':
        out = balance(env, c);
        break;
      case 'sign_change':
        out = signChange(env, c);
        break;
      case 'record':
        out = record(env, c);
        break;
      case 'streak':
        out = streak(env, c);
        break;
      case 'crossover':
        out = crossover(env, c);
        break;
      case 'top':
        out = top(env, c);
        break;
      case 'most':
        out = most(env, c);
        break;
      case 'count':
        out = count(env, c);
        break;
      case 'not_broken_down':
        out = notBrokenDown(env, c);
        break;
      case 'no_data':
        out = noData(env, c);
        break;
      case 'rest':
        out = rest(env, c);
        break;
      case 'sum':
        out = sum(env, c);
        break;
      default:
        return { reason: `unknown claim kind ${JSON.stringify(what)}` };
    }
    if (isFail(out)) return out;
    return checkMarks(env, out, claim.marks) ?? { rows: out };
  } catch (e) {
    return { reason: `${label}: could not be checked (${e instanceof Error ? e.message : String(e)})` };
  }
}
