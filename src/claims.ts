// Claims: what a piece of generated text states, in a language-neutral form. The writer produces them together
// with the words; src/verify/ re-derives each from the observation rows and reads the words against it.
//
// A claim says which series (indicator, partner, region, breakdown; for a balance also the indicator
// subtracted), for which period and baseline, what is stated of it, the figure as displayed and the sign the
// words carry. It holds no words: every language states the same claims.

/** Status marks a figure carries in the text (writing.md rule 11): estimated, derived, provisional. */
export type Mark = 'E' | 'I' | 'P';

/**
 * How a figure is displayed: counts in full; money in millions, one decimal; per cent, points and ratios one decimal;
 * `percent0`: a published per cent with no decimals, shown as published ("90%", never "90.0%").
 */
export type Display = 'count' | 'money' | 'percent' | 'percent0' | 'points' | 'ratio';

/** A series: one indicator for one partner (country, group, `_T`, `_Z`), region and breakdown. */
export interface Series {
  indicator: string;
  /** For a balance (net migration, permits issued − terminated): the indicator subtracted. */
  minus?: string;
  partner: string;
  region: string;
  breakdown: string;
}

interface Base {
  series: Series;
  /** Period code as the data write it (2023-Q4, 2023-Q1/2023-Q3, 2023-09-01). */
  period: string;
  /** Marks (E, I, P) the words attach to this claim's figure(s). */
  marks: Mark[];
}

/** A figure as the text shows it. */
export interface Shown {
  /** The value the claim states, unrounded as the writer computed it (a magnitude: never negative except `balance`). */
  value: number;
  display: Display;
  /** The digits as rendered in the claim's language, without sign or unit (e.g. "3,405,102", "24.0"). */
  shown: string;
}

/** The value of a series for a period ("3,405,102 arrivals", "677.3 million USD", a published share or ratio as a level). */
export interface LevelClaim extends Base, Shown {
  what: 'level';
}

/**
 * A change against a baseline. `measure`: `pct` (|per cent change|), `abs` (|absolute change|, in the series'
 * unit), `times` (to / from, for rises of 100% or more), `unchanged` (nothing displayed moves: no figure),
 * `from_zero` (a rise from a zero baseline: the figure is the new level, no percentage exists).
 * `sign` is the direction the words state: 1 up, −1 down, 0 unchanged.
 */
export interface ChangeClaim extends Base, Partial<Shown> {
  what: 'change';
  baseline: string;
  measure: 'pct' | 'abs' | 'times' | 'unchanged' | 'virtually_unchanged' | 'from_zero';
  sign: -1 | 0 | 1;
  /** The percentage is a published row of the series (a `change_pct` indicator, breakdown vs=baseline), no counts. */
  published?: true;
}

/** 100 × series / whole for one period; `published`: the share is a published row with no counts behind it. */
export interface ShareClaim extends Base, Shown {
  what: 'share';
  /** Partner code of the whole (a group or `_T`). */
  whole: string;
  published: boolean;
}

/** A change of a share in percentage points (the two shares are claims of their own). */
export interface ShareChangeClaim extends Base, Partial<Shown> {
  what: 'share_change';
  whole: string;
  baseline: string;
  sign: -1 | 0 | 1;
  published: boolean;
}

/** series in period / series in baseline (computed from counts, or a published ratio row). */
export interface RatioClaim extends Base, Partial<Shown> {
  what: 'ratio';
  baseline: string;
  /** How the words state it: `times` ("2.2 times as many"), `pct` (|ratio − 1| as a per cent), `unchanged`. */
  measure: 'times' | 'pct' | 'unchanged';
  sign: -1 | 0 | 1;
}

/** series.indicator − series.minus: the words state its sign and its magnitude (`value` is |balance|). */
export interface BalanceClaim extends Base, Partial<Shown> {
  what: 'balance';
  sign: -1 | 0 | 1;
}

/** A balance whose sign is `sign` now and `from` in the baseline (from may be 0). */
export interface SignChangeClaim extends Base {
  what: 'sign_change';
  baseline: string;
  sign: -1 | 1;
  from: -1 | 0 | 1;
}

/**
 * The period's value is the highest or lowest of the same part of the year (same months) over calendar years
 * `since` … period; `years` is how many of those years have data; `complete`: every year in between has data
 * (else the words must say "of the N years with data").
 */
export interface RecordClaim extends Base, Partial<Shown> {
  what: 'record';
  extreme: 'high' | 'low';
  since: string;
  years: number;
  complete: boolean;
}

/**
 * The series kept one sign (`mode: sign`, of a balance or value) or moved one way (`mode: direction`) over
 * `length` consecutive steps ending in the period; `step`: a year (same part of the year) or a month.
 */
export interface StreakClaim extends Base {
  what: 'streak';
  mode: 'sign' | 'direction';
  sign: -1 | 1;
  length: number;
  since: string;
  step: 'year' | 'month' | 'quarter';
}

/** series (overtaker) exceeds `other` in the period, and was below it in the baseline. */
export interface CrossoverClaim extends Base {
  what: 'crossover';
  other: string;
  baseline: string;
}

/**
 * The members named are the largest of the whole (series.partner is the whole), in this order, by value.
 * `scope: all` claims they beat every member, listed or not (superlative); `listed` only among the members
 * with figures; ties with an unnamed member are a failure unless `tiedWith` names them.
 */
export interface TopClaim extends Base {
  what: 'top';
  members: string[];
  scope: 'all' | 'listed';
  tiedWith?: string[];
}

/** The members named moved most (by per cent change) in `direction` among the members of the whole compared with the baseline. */
export interface MostClaim extends Base {
  what: 'most';
  baseline: string;
  direction: 'up' | 'down';
  members: string[];
  scope: 'all' | 'listed';
}

/**
 * A count of members (regions, partner `_Z`) meeting a rule: value > 0, value < 0, or any published value
 * (`with_data`: how many have figures). `scope: listed`: among those with published figures only.
 */
export interface CountClaim extends Base, Shown {
  what: 'count';
  rule: 'positive' | 'negative' | 'with_data';
  scope: 'all' | 'listed';
}

/** No member of the whole (series.partner, a group or `_T`) has a figure for the period: not broken down by country. */
export interface NotBrokenDownClaim extends Base {
  what: 'not_broken_down';
}

/**
 * No figures at all for the series in the period (no row, no member rows); with `total`: no value of the whole
 * (no row, and its members' rows do not make it up), though some members may have figures.
 */
export interface NoDataClaim extends Base {
  what: 'no_data';
  total?: boolean;
}

/** The members listed (partner codes, or breakdowns of a structure) fall short of the whole by `value` (shown), which is not broken down. */
export interface RestClaim extends Base, Shown {
  what: 'rest';
  /** The members the rest is after. */
  members: string[];
}

/**
 * A sum the text states: of the series for each member, a partner code, or a breakdown (`age=working`: the
 * published parts of a structure).
 */
export interface SumClaim extends Base, Shown {
  what: 'sum';
  members: string[];
}

export type Claim =
  | LevelClaim
  | ChangeClaim
  | ShareClaim
  | ShareChangeClaim
  | RatioClaim
  | BalanceClaim
  | SignChangeClaim
  | RecordClaim
  | StreakClaim
  | CrossoverClaim
  | TopClaim
  | MostClaim
  | CountClaim
  | NoDataClaim
  | NotBrokenDownClaim
  | RestClaim
  | SumClaim;

export type ClaimKind = Claim['what'];

export function series(indicator: string, partner: string, region = '', breakdown = '', minus?: string): Series {
  return minus ? { indicator, minus, partner, region, breakdown } : { indicator, partner, region, breakdown };
}

/** One line per claim, for `text --json`, errors and tests: `change pct −24.0 border_arrivals[_T] 2023-Q4 vs 2023-Q3`. */
export function describeClaim(c: Claim): string {
  const s = c.series;
  const extra = [s.region, s.breakdown].filter(Boolean).join(',');
  const name = `${s.indicator}${s.minus ? `−${s.minus}` : ''}[${s.partner}${extra ? ',' + extra : ''}]`;
  const sign = 'sign' in c && c.sign !== undefined ? (c.sign > 0 ? '+' : c.sign < 0 ? '−' : '=') : '';
  const fig = 'shown' in c && c.shown !== undefined ? ` ${sign}${c.shown}` : sign ? ` ${sign}` : '';
  const vs = 'baseline' in c ? ` vs ${c.baseline}` : '';
  const measure = 'measure' in c ? ` ${c.measure}` : '';
  const members = 'members' in c ? ` {${c.members.join(',')}}` : '';
  return `${c.what}${measure}${fig} ${name} ${c.period}${vs}${members}`;
}

/** How a claim's figure is computed from the rows, in one line (the preview shows it beside each figure). */
export function formulaOf(c: Claim): string {
  const s = c.series;
  const extra = [s.region, s.breakdown].filter(Boolean).join(',');
  const at = (indicator: string, partner = s.partner) => `${indicator}[${partner}${extra ? ',' + extra : ''}]`;
  const value = (p: string) => (s.minus ? `(${at(s.indicator)} − ${at(s.minus)}, ${p})` : `${at(s.indicator)}, ${p}`);
  switch (c.what) {
    case 'level':
      return value(c.period);
    case 'change':
      return c.measure === 'pct'
        ? `100 × (${value(c.period)} / ${value(c.baseline)} − 1)`
        : c.measure === 'times'
          ? `${value(c.period)} / ${value(c.baseline)}`
          : `${value(c.period)} − ${value(c.baseline)}`;
    case 'share':
      return c.published ? `${at(s.indicator)}, ${c.period}, as published` : `100 × ${at(s.indicator)} / ${at(s.indicator, c.whole)}, ${c.period}`;
    case 'share_change':
      return `share ${c.period} − share ${c.baseline} (of ${c.whole}, as printed; percentage points)`;
    case 'ratio':
      return `${value(c.period)} / ${value(c.baseline)}`;
    case 'balance':
    case 'sign_change':
      return value(c.period);
    case 'record':
      return `${c.extreme === 'high' ? 'max' : 'min'} of ${s.minus ? `${at(s.indicator)} − ${at(s.minus)}` : at(s.indicator)} over the same months of each year since ${c.since}`;
    case 'streak':
      return `consecutive years of ${c.mode === 'sign' ? 'the same sign' : 'moves one way'} ending ${c.period}, since ${c.since}`;
    case 'crossover':
      return `${at(s.indicator)} > ${at(s.indicator, c.other)} in ${c.period}, < in ${c.baseline}`;
    case 'top':
      return `members of ${s.partner} by ${s.indicator}, ${c.period}, largest first`;
    case 'most':
      return `members of ${s.partner} by per cent change of ${s.indicator}, ${c.period} vs ${c.baseline}`;
    case 'count':
      return `regions with ${s.indicator} ${c.rule === 'positive' ? '> 0' : c.rule === 'negative' ? '< 0' : 'published'}, ${c.period}`;
    case 'no_data':
    case 'not_broken_down':
      return `rows of ${at(s.indicator)}${c.what === 'not_broken_down' ? "'s members" : ''}, ${c.period}`;
    case 'rest':
      return `${value(c.period)} − (${c.members.join(' + ')})`;
    case 'sum':
      return c.members.join(' + ');
  }
}
