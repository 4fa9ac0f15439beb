// What every locale does alike with its own digits and words: a number as a table cell shows it (the locale's digits, a
// sign when asked (+, U+2212), "%" for per cent, a mark per flag of its inputs; "–" when missing), the cache of shown
// digits, the sign of a figure, and the keys a report kind may name.
import type { Flag } from '../compare/facts.ts';
import type { Locale, Style, Templates } from './locale.ts';
import type { LocaleKeys } from '../kinds/load.ts';

export const CELL_MARKS: Record<Flag, string> = { I: '*', E: '†', P: '‡' };
export const NOT_AVAILABLE = '–';
const MINUS = '\u2212';

export function tableCell(L: Pick<Locale, 'digits' | 'rounded'>, v: number | null | undefined, style: Style, opts: { signed?: boolean; flags?: Flag[] } = {}): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return NOT_AVAILABLE;
  const sign = opts.signed && L.rounded(v, style) !== 0 ? (v > 0 ? '+' : MINUS) : '';
  const marks = (['I', 'E', 'P'] as const).filter((f) => opts.flags?.includes(f)).map((f) => CELL_MARKS[f]).join('');
  return `${sign}${L.digits(v, style)}${style === 'percent' || style === 'percent0' ? '%' : ''}${marks}`;
}

/**
 * The digits a style shows for |v| in a language, and the number they stand for (what "rounded" and "unchanged" are
 * decided on), cached by value: formatting is a hot path (claims, tables, the verifier). Two formats: whole numbers
 * (counts, per cent as published) and one decimal; `format` writes |v| with that many decimals, `parse` reads the
 * digits back.
 */
export function shownDigitsOf(format: (a: number, decimals: 0 | 1) => string, parse: (digits: string) => number) {
  const cache = new Map<number, { digits: string; shown: number }>();
  return (v: number, style: Style): { digits: string; shown: number } => {
    const a = Math.abs(v);
    const whole = style === 'count' || style === 'percent0';
    const key = whole ? a : -1 - a; // negative keys: one-decimal styles
    let d = cache.get(key);
    if (d === undefined) {
      const digits = format(a, whole ? 0 : 1);
      d = { digits, shown: parse(digits) };
      if (cache.size > 100_000) cache.clear();
      cache.set(key, d);
    }
    return d;
  };
}

/** The value as displayed, with its sign (a locale's `rounded`). */
export const roundedBy = (shown: (v: number, style: Style) => { shown: number }) => (v: number, style: Style) => {
  const n = shown(v, style).shown;
  return v < 0 ? -n : n;
};

/** The sign a figure is written with when asked for one: none when it shows as zero, else + or U+2212. */
export function signFor(L: Pick<Locale, 'rounded'>, v: number, style: Style, signed: boolean): string {
  return signed && L.rounded(v, style) !== 0 ? (v > 0 ? '+' : MINUS) : '';
}

/**
 * A figure as a sentence writes it, in every locale: the sign only when asked (the direction is in the verb), the
 * shown digits, and the locale's own words after money and percentage points; a percentage takes "%", a count and
 * a ratio nothing.
 */
export function figureText(
  L: Pick<Locale, 'rounded' | 'digits'>,
  v: number,
  style: Style,
  signed: boolean,
  unit: { money: string; points: (v: number, digits: string) => string },
): string {
  const d = L.digits(v, style);
  const sign = signFor(L, v, style, signed);
  if (style === 'money') return `${sign}${d}${unit.money}`;
  if (style === 'percent' || style === 'percent0') return `${sign}${d}%`;
  if (style === 'points') return `${sign}${d}${unit.points(v, d)}`;
  return `${sign}${d}`;
}

/** The keys report kinds may name in a locale: its phrase templates, notes and table words, section and group titles. */
export function localeKeys(t: Templates, titles: Record<string, string>, groups: Record<string, string>): LocaleKeys {
  const entries = Object.entries(t as unknown as Record<string, unknown>);
  return {
    phrase: entries.filter(([, v]) => typeof v === 'function').map(([k]) => k),
    word: Object.keys(t.words),
    note: entries.filter(([, v]) => typeof v === 'string').map(([k]) => k),
    title: Object.keys(titles),
    group: Object.keys(groups),
  };
}
