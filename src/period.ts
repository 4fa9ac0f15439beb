// SDMX-style time periods: parse, normalise to a span of months (or a date), compare, shift.
import { byCode } from './order.ts';

export type PeriodKind = 'year' | 'quarter' | 'month' | 'range' | 'date';

export interface Period {
  /** As written in the data, e.g. '2023-Q4', '2023-Q1/2023-Q3', '2023-09-01'. */
  code: string;
  kind: PeriodKind;
  /** First and last month covered, as year*12 + (month-1). For a date: the month it falls in. */
  start: number;
  end: number;
  /** For kind 'date': ISO date 'YYYY-MM-DD'. */
  date?: string;
  /** Equal for periods that cover the same span: 2023-Q1 and 2023-01/2023-03 share a key. */
  key: string;
}

const YEAR = /^(\d{4})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

interface Piece {
  kind: 'year' | 'quarter' | 'month';
  start: number;
  end: number;
}

/** Years before this are no year of migration statistics (0000-Q4 is a typo); their neighbours could not be named in 4 digits. */
export const FIRST_YEAR = 1000;

function parsePiece(text: string): Piece | undefined {
  if (Number(text.slice(0, 4)) < FIRST_YEAR) return undefined;
  let m = YEAR.exec(text);
  if (m) {
    const y = Number(m[1]);
    return { kind: 'year', start: y * 12, end: y * 12 + 11 };
  }
  m = QUARTER.exec(text);
  if (m) {
    const s = Number(m[1]) * 12 + (Number(m[2]) - 1) * 3;
    return { kind: 'quarter', start: s, end: s + 2 };
  }
  m = MONTH.exec(text);
  if (m) {
    const s = Number(m[1]) * 12 + Number(m[2]) - 1;
    return { kind: 'month', start: s, end: s };
  }
  return undefined;
}

function isRealDate(y: number, mo: number, d: number): boolean {
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function spanKey(start: number, end: number): string {
  return `${monthCode(start)}/${monthCode(end)}`;
}

/** 'YYYY-MM' for a month index. */
export function monthCode(index: number): string {
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** Parses a period code; undefined when it is not a valid SDMX-style period. */
export function parsePeriod(text: string): Period | undefined {
  const code = text.trim();
  const d = DATE.exec(code);
  if (d) {
    const [y, mo, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
    if (y < FIRST_YEAR || !isRealDate(y, mo, day)) return undefined;
    const idx = y * 12 + mo - 1;
    return { code, kind: 'date', start: idx, end: idx, date: code, key: `@${code}` };
  }
  const slash = code.indexOf('/');
  if (slash >= 0) {
    const a = parsePiece(code.slice(0, slash));
    const b = parsePiece(code.slice(slash + 1));
    if (!a || !b || a.start > b.end) return undefined;
    return { code, kind: 'range', start: a.start, end: b.end, key: spanKey(a.start, b.end) };
  }
  const p = parsePiece(code);
  if (!p) return undefined;
  return { code, kind: p.kind, start: p.start, end: p.end, key: spanKey(p.start, p.end) };
}

/** Like parsePeriod, for code that already knows the text is valid. */
const remembered = new Map<string, Period | undefined>();

/** parsePeriod, remembered: texts, claims and the verifier name the same few periods over and over. */
export function parsePeriodCached(code: string): Period | undefined {
  let p = remembered.get(code);
  if (p === undefined && !remembered.has(code)) {
    p = parsePeriod(code);
    if (remembered.size > 10_000) remembered.clear();
    remembered.set(code, p);
  }
  return p;
}

export function period(text: string): Period {
  const p = parsePeriod(text);
  if (!p) throw new Error(`invalid period ${JSON.stringify(text)}`);
  return p;
}

/** Builds a period from a month span, choosing the natural kind (quarter, year, month, range). */
export function periodFromSpan(start: number, end: number): Period {
  const y = Math.floor(start / 12);
  const m0 = start % 12;
  let code: string;
  if (start === end) code = monthCode(start);
  else if (m0 === 0 && end === start + 11) code = String(y);
  else if (m0 % 3 === 0 && end === start + 2) code = `${y}-Q${m0 / 3 + 1}`;
  else code = `${monthCode(start)}/${monthCode(end)}`;
  return period(code);
}

export function months(p: Period): number {
  return p.end - p.start + 1;
}

/** The period of the same length just before (2023-Q4 → 2023-Q3; Jan–Mar → Oct–Dec). */
export function previousPeriod(p: Period): Period | undefined {
  if (p.kind === 'date') return undefined;
  const n = months(p);
  return periodFromSpan(p.start - n, p.end - n);
}

/** The same period a year earlier (2024-01/2024-03 → 2023-01/2023-03; dates shift by a year). */
export function sameLastYear(p: Period): Period {
  if (p.kind === 'date' && p.date) {
    const [y, m, d] = p.date.split('-').map(Number);
    // 29 February maps to 28 February.
    const day = isRealDate(y - 1, m, d) ? d : d - 1;
    return period(`${y - 1}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  }
  const shifted = periodFromSpan(p.start - 12, p.end - 12);
  // Keep the way the period was written: a month range stays a month range.
  if (p.kind === 'range' && shifted.kind !== 'range') {
    return { ...shifted, code: `${monthCode(p.start - 12)}/${monthCode(p.end - 12)}`, kind: 'range' };
  }
  return shifted;
}

/** True when `inner` lies within `outer` (a date lies within the month span that holds it). */
export function within(inner: Period, outer: Period): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** Orders periods by end, then by start (longer first), then dates after flows of the same month. */
export function comparePeriods(a: Period, b: Period): number {
  return a.end - b.end || a.start - b.start || byCode(a.date ?? '', b.date ?? '');
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.key === b.key;
}
