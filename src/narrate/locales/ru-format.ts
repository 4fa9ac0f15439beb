// Russian formatting layer (issue 12, point 2: "Russian as the bureau writes it"): numbers, counted
// nouns, period phrases in the cases running text needs, baseline phrases and change verbs.
// Pure functions, no state but small constant tables. Rules, choices and sources: docs/languages.md (Russian).
//
// Digits: the project's ICU-free fixedDigits (digits.ts, equal to Intl.NumberFormat) with the group
// separator written as U+00A0. Intl.NumberFormat('ru') gives U+00A0 on Node 20.20.2 / CLDR 48, but
// other ICU/CLDR builds (system ICU, newer CLDR) give U+202F; the fallback path normalises either to
// U+00A0, so the text does not depend on the build.
// Months: a hand-written table of every case. date-fns `ru` has only the nominative (LLLL) and the
// genitive (MMMM); the test checks those two against date-fns so the table cannot drift from them.
import type { Period } from '../../period.ts';
import type { Relation } from '../../compare/facts.ts';
import type { Direction } from '../locale.ts';
import { normaliseSpaces, spacedDigits } from '../digits.ts';

export const NBSP = '\u00a0';
/** Typographic minus, never the hyphen-minus Intl writes. */
export const MINUS = '\u2212';
/** En dash between months of a span ("январе–марте"), no spaces. */
export const DASH = '\u2013';

// ---------------------------------------------------------------------------------------------
// Numbers

export { normaliseSpaces };

/** |v| with `decimals` decimals, groups of three split by U+00A0, decimal comma. */
function digits(v: number, decimals: number): string {
  return spacedDigits(v, decimals, 'ru');
}

/** True when the digits shown are all zeros ("0", "0,0"): such a figure gets no sign. */
const isZero = (d: string) => !/[1-9]/.test(d);

function unsigned(v: number, decimals: number): string {
  const d = digits(v, decimals);
  return v < 0 && !isZero(d) ? MINUS + d : d;
}

function signed(v: number, decimals: number): string {
  const d = digits(v, decimals);
  if (isZero(d)) return d;
  return (v < 0 ? MINUS : '+') + d;
}

/** A whole number: count(3405102) → "3 405 102" (U+00A0). Four-digit numbers are grouped too ("1 234"), as Intl does. */
export function count(v: number): string {
  return unsigned(v, 0);
}
/** "+1 234" / "−1 234" / "0". */
export function signedCount(v: number): string {
  return signed(v, 0);
}

/** decimal(25.94, 1) → "25,9". */
export function decimal(v: number, decimals = 1): string {
  return unsigned(v, decimals);
}
export function signedDecimal(v: number, decimals = 1): string {
  return signed(v, decimals);
}

/** A value already in per cent: percent(25.94) → "25,9%" (no space before %, as the bureau writes; Intl gives "25,9 %"). */
export function percent(v: number, decimals = 1): string {
  return `${unsigned(v, decimals)}%`;
}
/** "+48,4%" / "−19,3%" / "0,0%" (a displayed zero has no sign). */
export function signedPercent(v: number, decimals = 1): string {
  return `${signed(v, decimals)}%`;
}

/** Percentage points: points(10.4) → "10,4 п.п." (NBSP before the abbreviation). */
export function points(v: number, decimals = 1): string {
  return `${unsigned(v, decimals)}${NBSP}п.п.`;
}

/** A value in millions of US dollars (the unit usd_million): money(677.3) → "677,3 млн долларов США". */
export function money(v: number, decimals = 1): string {
  return `${unsigned(v, decimals)}${NBSP}млн долларов США`;
}
export function signedMoney(v: number, decimals = 1): string {
  return `${signed(v, decimals)}${NBSP}млн долларов США`;
}

// ---------------------------------------------------------------------------------------------
// Counted nouns. The form follows Intl.PluralRules('ru') on the number as shown (a fraction is
// "other" → genitive singular: "1,5 человека", "1,5 раза").

const plural = new Intl.PluralRules('ru');
type Forms = Record<'one' | 'few' | 'many' | 'other', string>;

/** The count form of a noun for a number already formatted ("1,5", "3 405 102"). */
export function countForm(shown: string, forms: Forms): string {
  const n = Number(shown.replace(/[\u00a0\u202f \u2212+]/g, '').replace(',', '.'));
  return forms[plural.select(n) as keyof Forms];
}

const PERSON: Forms = { one: 'человек', few: 'человека', many: 'человек', other: 'человека' };
const TIME: Forms = { one: 'раз', few: 'раза', many: 'раз', other: 'раза' };

/** persons(1) → "1 человек", 2 → "2 человека", 5 → "5 человек", 21 → "21 человек", 1.5 → "1,5 человека". Non-integers keep one decimal. */
export function persons(n: number): string {
  const shown = Number.isInteger(n) ? count(n) : decimal(n, 1);
  return `${shown}${NBSP}${countForm(shown, PERSON)}`;
}

/** Thousands, as the bureau rounds them in text: thousandPersons(5900) → "5,9 тыс. человек" (тыс. governs the genitive plural, whatever the fraction). */
export function thousandPersons(n: number, decimals = 1): string {
  return `${decimal(n / 1000, decimals)}${NBSP}тыс. человек`;
}

/** The magnitude of a ratio with one decimal, ",0" dropped: 2 → "2", 1.5 → "1,5", 2.04 → "2". */
export function ratio(x: number): string {
  return decimal(x, 1).replace(/,0$/, '');
}

/** times(1.5) → "1,5 раза", 2 → "2 раза", 5 → "5 раз", 21 → "21 раз". The caller adds "в" ("выросла в 2 раза"). */
export function times(x: number): string {
  const shown = ratio(x);
  return `${shown}${NBSP}${countForm(shown, TIME)}`;
}

// ---------------------------------------------------------------------------------------------
// Months and periods

type Case = 'nom' | 'gen' | 'prep' | 'ins';

/** Every month in the four cases period phrases need. Instrumental written with е, not ё ("январем"), as the bureau's Russian texts do. */
const MONTHS: Record<Case, readonly string[]> = {
  nom: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
  gen: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  prep: ['январе', 'феврале', 'марте', 'апреле', 'мае', 'июне', 'июле', 'августе', 'сентябре', 'октябре', 'ноябре', 'декабре'],
  ins: ['январем', 'февралем', 'мартом', 'апрелем', 'маем', 'июнем', 'июлем', 'августом', 'сентябрем', 'октябрем', 'ноябрем', 'декабрем'],
};

/** The month name of a month index (year*12 + month-1) in a case. */
export function monthName(index: number, c: Case = 'nom'): string {
  return MONTHS[c][((index % 12) + 12) % 12];
}

const QUARTER_WORD: Record<Case | 'acc', string> = { nom: 'квартал', acc: 'квартал', gen: 'квартала', prep: 'квартале', ins: 'кварталом' };
const ROMAN = ['I', 'II', 'III', 'IV'];

const yearOf = (index: number) => Math.floor(index / 12);

function dateParts(p: Period): { y: number; m: number; d: number } {
  const [y, m, d] = (p.date ?? '').split('-').map(Number);
  return { y, m, d };
}

/** "1 сентября 2023" (the genitive month after a day). */
function dayMonthYear(p: Period): string {
  const { y, m, d } = dateParts(p);
  return `${d}${NBSP}${MONTHS.gen[m - 1]} ${y}`;
}

/** A range of whole years written as years ("1991/2023"). */
function isYearSpan(p: Period): boolean {
  return p.kind === 'range' && p.start % 12 === 0 && p.end % 12 === 11 && /^\d{4}\/\d{4}$/.test(p.code);
}

/** "январе–марте 2026 года" in case `c` (acc uses the nominative forms); across years "ноябре 2025 года – марте 2026 года". */
function monthSpan(p: Period, c: Case, yearWord: boolean): string {
  const y0 = yearOf(p.start);
  const y1 = yearOf(p.end);
  const g = yearWord ? ` года` : '';
  if (p.start === p.end) return `${monthName(p.start, c)} ${y0}${g}`;
  if (y0 === y1) return `${monthName(p.start, c)}${DASH}${monthName(p.end, c)} ${y1}${g}`;
  return `${monthName(p.start, c)} ${y0}${g} ${DASH} ${monthName(p.end, c)} ${y1}${g}`;
}

function quarterOf(p: Period, c: Case | 'acc'): string {
  return `${ROMAN[(p.start % 12) / 3]} ${QUARTER_WORD[c]} ${yearOf(p.start)} года`;
}

/** When something happened, in running text: "в IV квартале 2023 года", "в марте 2024 года", "в январе–марте 2026 года", "в 2023 году", "на 1 сентября 2023 года". */
export function periodIn(p: Period): string {
  switch (p.kind) {
    case 'date':
      return `на ${dayMonthYear(p)} года`;
    case 'year':
      return `в ${yearOf(p.start)} году`;
    case 'quarter':
      return `в ${quarterOf(p, 'prep')}`;
    case 'month':
      return `в ${monthSpan(p, 'prep', true)}`;
    case 'range':
      if (isYearSpan(p)) return `в ${yearOf(p.start)}${DASH}${yearOf(p.end)} годах`;
      return `в ${monthSpan(p, 'prep', true)}`;
  }
}

/** The span a total covers: "за январь–сентябрь 2023 года", "за 2023 год", "за IV квартал 2023 года"; a date (a stock) stays "на 1 сентября 2023 года". */
export function periodFor(p: Period): string {
  switch (p.kind) {
    case 'date':
      return `на ${dayMonthYear(p)} года`;
    case 'year':
      return `за ${yearOf(p.start)} год`;
    case 'quarter':
      return `за ${quarterOf(p, 'acc')}`;
    case 'month':
      return `за ${monthSpan(p, 'nom', true)}`;
    case 'range':
      if (isYearSpan(p)) return `за ${yearOf(p.start)}${DASH}${yearOf(p.end)} годы`;
      return `за ${monthSpan(p, 'nom', true)}`;
  }
}

/** Table heads, nominative, no "года": "январь–март 2024", "IV квартал 2023", "2023", "1 сентября 2023", "март 2024". */
export function periodLabel(p: Period): string {
  switch (p.kind) {
    case 'date':
      return dayMonthYear(p);
    case 'year':
      return String(yearOf(p.start));
    case 'quarter':
      return `${ROMAN[(p.start % 12) / 3]} квартал ${yearOf(p.start)}`;
    case 'month':
      return monthSpan(p, 'nom', false);
    case 'range':
      if (isYearSpan(p)) return `${yearOf(p.start)}${DASH}${yearOf(p.end)}`;
      return monthSpan(p, 'nom', false);
  }
}

/** A period in the instrumental, after "по сравнению с": "IV кварталом 2022 года", "мартом 2023 года", "январем–мартом 2025 года", "2022 годом". */
export function periodWith(p: Period): string {
  switch (p.kind) {
    case 'date':
      return `${dayMonthYear(p)} года`; // "с 1 сентября 2022 года": the date stays in the genitive
    case 'year':
      return `${yearOf(p.start)} годом`;
    case 'quarter':
      return quarterOf(p, 'ins');
    case 'month':
      return monthSpan(p, 'ins', true);
    case 'range':
      if (isYearSpan(p)) return `${yearOf(p.start)}${DASH}${yearOf(p.end)} годами`;
      return monthSpan(p, 'ins', true);
  }
}

/** A period in the genitive, after "с", "начиная с", "от уровня": "2023 года", "IV квартала 2023 года", "января–июня 2022 года", "марта 2024 года", "1 сентября 2023 года". */
export function periodGen(p: Period): string {
  switch (p.kind) {
    case 'date':
      return `${dayMonthYear(p)} года`;
    case 'year':
      return `${yearOf(p.start)} года`;
    case 'quarter':
      return quarterOf(p, 'gen');
    case 'month':
      return monthSpan(p, 'gen', true);
    case 'range':
      if (isYearSpan(p)) return `${yearOf(p.start)}${DASH}${yearOf(p.end)} годов`;
      return monthSpan(p, 'gen', true);
  }
}

/**
 * True for a span of months within one year that is not a whole year (`2025-01/2025-03`, `2022-01/2022-09`): a year
 * back, the bureau calls such a span «соответствующий период 2025 года». A quarter, a month, a year, a date and a span
 * across years are named instead.
 */
export function isMonthSpan(p: Period): boolean {
  return p.kind === 'range' && !isYearSpan(p) && yearOf(p.start) === yearOf(p.end);
}

const CORRESPONDING: Record<'ins' | 'gen' | 'prep' | 'acc', string> = {
  ins: 'соответствующим периодом',
  gen: 'соответствующего периода',
  prep: 'соответствующем периоде',
  acc: 'соответствующий период',
};

/** The bureau's name of the same span of months a year back, in a case: "соответствующим периодом 2025 года" (ins), "соответствующего периода 2025 года" (gen). */
export function correspondingPeriod(p: Period, c: 'ins' | 'gen' | 'prep' | 'acc'): string {
  return `${CORRESPONDING[c]} ${yearOf(p.start)} года`;
}

/**
 * The baseline of a change, `p` being the baseline period (as en.ts's baseline):
 * - year_ago, a month span within one year → "по сравнению с соответствующим периодом 2025 года" (the bureau's phrase);
 * - every other case names the baseline in the instrumental: "по сравнению с IV кварталом 2022 года",
 *   "по сравнению с 2022 годом", "по сравнению с III кварталом 2023 года" (previous), "по сравнению с мартом 2023 года".
 */
export function baselinePhrase(p: Period, relation: Relation): string {
  if (relation === 'year_ago' && isMonthSpan(p)) return `по сравнению с ${correspondingPeriod(p, 'ins')}`;
  return `по сравнению с ${periodWith(p)}`;
}

// ---------------------------------------------------------------------------------------------
// Change verbs

/** The grammatical gender/number of the subject: "прирост" m, "численность" f, "число"/"сальдо" n, "переводы" pl. */
export type Gender = 'm' | 'f' | 'n' | 'pl';

const ENDINGS: Record<Gender, string> = { m: 'ся', f: 'ась', n: 'ось', pl: 'ись' };
const STEMS: Record<'1' | '-1' | '0', string> = { '1': 'увеличил', '-1': 'сократил', '0': 'не изменил' };

/** changeVerb(1, 'f') → "увеличилась", changeVerb(-1, 'n') → "сократилось", changeVerb(0, 'pl') → "не изменились". */
export function changeVerb(direction: Direction, gender: Gender): string {
  return STEMS[String(direction) as '1' | '-1' | '0'] + ENDINGS[gender];
}
