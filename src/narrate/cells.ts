// A number as a table cell shows it, alike in every language: the locale's digits, a sign when asked (+, U+2212),
// "%" for per cent, a mark per flag of its inputs (the table's notes say what each means); "–" when missing.
import type { Flag } from '../compare/facts.ts';
import type { Locale, Style } from './locale.ts';

export const CELL_MARKS: Record<Flag, string> = { I: '*', E: '†', P: '‡' };
export const NOT_AVAILABLE = '–';
const MINUS = '\u2212';

export function tableCell(L: Pick<Locale, 'digits' | 'rounded'>, v: number | null | undefined, style: Style, opts: { signed?: boolean; flags?: Flag[] } = {}): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return NOT_AVAILABLE;
  const sign = opts.signed && L.rounded(v, style) !== 0 ? (v > 0 ? '+' : MINUS) : '';
  const marks = (['I', 'E', 'P'] as const).filter((f) => opts.flags?.includes(f)).map((f) => CELL_MARKS[f]).join('');
  return `${sign}${L.digits(v, style)}${style === 'percent' || style === 'percent0' ? '%' : ''}${marks}`;
}
