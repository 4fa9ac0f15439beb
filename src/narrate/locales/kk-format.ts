// Kazakh formatting layer (issue 12, points 1 and 4 for Kazakh): numbers as the bureau of national statistics writes
// them («3 405 102», «25,9%», «−3,4%»), period phrases in the forms the sentences need («2023 жылғы IV тоқсанда»,
// «2023 жылғы қаңтар–қыркүйекте», «2023 жылғы 1 қыркүйектегі жағдай бойынша», «2025 жылы») and baselines
// («2025 жылғы тиісті кезеңмен», «алдыңғы тоқсанмен (2023 жылғы III тоқсан)»); the case suffixes come from kk-morph.
// Rules, choices and sources: docs/languages.md (Kazakh). Pure functions; period phrases cached by period code.
import type { Period } from '../../period.ts';
import type { Relation } from '../../compare/facts.ts';
import { spacedDigits } from '../digits.ts';
import { inflect, instrumental, locativeAdjective, numberSuffix, type KkCase } from './kk-morph.ts';

export const NBSP = '\u00a0';
export const MINUS = '\u2212';
export const DASH = '\u2013';

// ---------------------------------------------------------------------------------------------
// Numbers

/** |v| with `decimals` decimals, groups of three split by U+00A0, decimal comma (Intl 'kk' writes the same). */
export function kkDigits(v: number, decimals: number): string {
  return spacedDigits(v, decimals, 'kk');
}

/** The number digits stand for ("3 405 102" → 3405102, "25,9" → 25.9). */
export function parseKkDigits(d: string): number {
  return Number(d.replace(/[\u00a0\u202f ]/g, '').replace(',', '.'));
}

/** The words after a figure of a unit, with the no-break space that keeps them on its line. */
export const UNITS = { money: `${NBSP}млн АҚШ доллары`, points: `${NBSP}пайыздық тармақ` };

const isZero = (d: string) => !/[1-9]/.test(d);
/** The sign written before a figure: U+2212 or +, none for a figure shown as zero. */
export function signOf(v: number, d: string, signed: boolean): string {
  if (isZero(d)) return '';
  if (v < 0) return MINUS;
  return signed ? '+' : '';
}

export const count = (v: number, signed = false) => {
  const d = kkDigits(v, 0);
  return signOf(v, d, signed) + d;
};
/** Per cent with one decimal and no space: «25,9%». */
export const percent = (v: number, signed = false) => {
  const d = kkDigits(v, 1);
  return `${signOf(v, d, signed)}${d}%`;
};
/** Millions of US dollars, one decimal: «677,3 млн АҚШ доллары». */
export const money = (v: number, signed = false) => {
  const d = kkDigits(v, 1);
  return `${signOf(v, d, signed)}${d}${NBSP}млн АҚШ доллары`;
};
/** Percentage points: «4,6 пайыздық тармақ». */
export const points = (v: number, signed = false) => {
  const d = kkDigits(v, 1);
  return `${signOf(v, d, signed)}${d}${NBSP}пайыздық тармақ`;
};

/** A figure (number, percentage, or a phrase ending in a noun) with the case suffix a sentence needs: «20,7%-ға», «1 234-ке», «166,8 млн АҚШ долларына». */
export function withCase(figure: string, kase: KkCase | 'ins'): string {
  if (kase === 'ins') return instrumental(figure);
  return /[\d%]$/u.test(figure) ? numberSuffix(figure, kase) : inflect(figure, kase);
}

// ---------------------------------------------------------------------------------------------
// Periods

export const MONTHS = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
const ROMAN = ['I', 'II', 'III', 'IV'];

const yearOf = (index: number) => Math.floor(index / 12);
const month = (index: number) => MONTHS[index % 12];

/** The form of a period phrase: nominative label, locative ("when"), locative adjective ("of then"), instrumental (baseline), ablative (since). */
export type PeriodForm = 'label' | 'loc' | 'adj' | 'ins' | 'abl';

/**
 * The nominative phrase of a period, as its last noun takes suffixes: «2023 жылғы IV тоқсан», «2026 жылғы
 * қаңтар–наурыз», «2023 жылғы 1 қыркүйек». Years are special (their locative is «2025 жылы»): `year` marks them.
 */
function nominative(p: Period): { text: string; year?: 'one' | 'many' } {
  const y0 = yearOf(p.start);
  const y1 = yearOf(p.end);
  switch (p.kind) {
    case 'date': {
      const [y, m, d] = (p.date ?? '').split('-').map(Number);
      return { text: `${y} жылғы ${d} ${MONTHS[m - 1]}` };
    }
    case 'year':
      return { text: `${y0} жыл`, year: 'one' };
    case 'quarter':
      return { text: `${y0} жылғы ${ROMAN[(p.start % 12) / 3]} тоқсан` };
    case 'month':
      return { text: `${y0} жылғы ${month(p.start)}` };
    case 'range':
      if (p.start % 12 === 0 && p.end % 12 === 11 && /^\d{4}\/\d{4}$/.test(p.code)) return { text: `${y0}${DASH}${y1} жылдар`, year: 'many' };
      if (y0 === y1) return { text: `${y0} жылғы ${month(p.start)}${DASH}${month(p.end)}` };
      return { text: `${y0} жылғы ${month(p.start)} ${DASH} ${y1} жылғы ${month(p.end)}` };
  }
}

function formOf(p: Period, form: PeriodForm): string {
  const n = nominative(p);
  if (form === 'label') {
    // Table heads and captions: a year is its number alone («2023»), a span of years «1991–2023».
    if (n.year === 'one') return String(yearOf(p.start));
    if (n.year === 'many') return `${yearOf(p.start)}${DASH}${yearOf(p.end)}`;
    return n.text;
  }
  if (n.year === 'one') {
    // «2025 жылы» (when), «2025 жылғы» (of then), «2025 жылмен», «2025 жылдан».
    const y = yearOf(p.start);
    return { loc: `${y} жылы`, adj: `${y} жылғы`, ins: `${y} жылмен`, abl: `${y} жылдан` }[form];
  }
  if (n.year === 'many') {
    const span = `${yearOf(p.start)}${DASH}${yearOf(p.end)}`;
    return { loc: `${span} жылдары`, adj: `${span} жылдардағы`, ins: `${span} жылдармен`, abl: `${span} жылдардан` }[form];
  }
  if (p.kind === 'date') {
    // A stock is stated «… 1 қыркүйектегі жағдай бойынша» (as of); compared «… 1 қыркүйектегі жағдаймен».
    const adj = locativeAdjective(n.text);
    return { loc: `${adj} жағдай бойынша`, adj, ins: `${adj} жағдаймен`, abl: inflect(n.text, 'abl') }[form];
  }
  switch (form) {
    case 'loc':
      return inflect(n.text, 'loc');
    case 'adj':
      return locativeAdjective(n.text);
    case 'ins':
      return instrumental(n.text);
    case 'abl':
      return inflect(n.text, 'abl');
  }
}

const memo = new Map<string, string>();
/** A period in one of its forms, cached by period code and form (the sentences and the verifier ask often). */
export function periodForm(p: Period, form: PeriodForm): string {
  const key = `${p.code}|${form}`;
  let v = memo.get(key);
  if (v === undefined) memo.set(key, (v = formOf(p, form)));
  return v;
}

/** The months a period covers within its year («қаңтар–маусым»); undefined for a year or a date. */
export function monthsOf(p: Period): string | undefined {
  if (p.kind === 'year' || p.kind === 'date' || p.end - p.start >= 11) return undefined;
  if (p.start === p.end) return month(p.start);
  return `${month(p.start)}${DASH}${month(p.end)}`;
}

/**
 * A baseline in the instrumental, to be followed by «салыстырғанда»: a span of months a year back is the bureau's
 * «2025 жылғы тиісті кезеңмен» (the months were just named); the previous quarter, month or span is named and then
 * given in brackets («алдыңғы тоқсанмен (2023 жылғы III тоқсан)»); anything else is named («2022 жылмен»).
 */
export function baselinePhrase(p: Period, relation: Relation): string {
  const key = `${p.code}|base|${relation}`;
  let v = memo.get(key);
  if (v === undefined) memo.set(key, (v = baselineOf(p, relation)));
  return v;
}

function baselineOf(p: Period, relation: Relation): string {
  if (relation === 'previous') {
    const label = periodForm(p, 'label');
    if (p.kind === 'quarter') return `алдыңғы тоқсанмен (${label})`;
    if (p.kind === 'month') return `алдыңғы аймен (${label})`;
    if (p.kind === 'year') return `алдыңғы жылмен (${label})`;
    if (p.kind === 'range' && nominative(p).year === undefined) return `алдыңғы кезеңмен (${label})`;
    return periodForm(p, 'ins');
  }
  if (relation === 'year_ago' && p.kind === 'range' && nominative(p).year === undefined && yearOf(p.start) === yearOf(p.end))
    return `${yearOf(p.start)} жылғы тиісті кезеңмен`;
  return periodForm(p, 'ins');
}

/** Every form of a period a sentence may write (the verifier's period phrases). */
export function allForms(p: Period): string[] {
  return (['label', 'loc', 'adj', 'ins', 'abl'] as const).map((f) => periodForm(p, f));
}
