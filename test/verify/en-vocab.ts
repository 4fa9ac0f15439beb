// A small English Vocabulary for the words check's tests: enough names and phrases for the sentences they use.
// The real one comes from the English locale; this one is written from the same conventions (writing.md).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Series } from '../../src/claims.ts';
import type { Period } from '../../src/period.ts';
import type { NumberToken, Sign, Vocabulary } from '../../src/verify/vocabulary.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

function csv(path: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(root + path, 'utf8').trim().split(/\r?\n/);
  const cols = head.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [cols[i], v])));
}

const PLACES = new Map<string, string[]>();
for (const r of csv('data/reference/countries.csv')) {
  if (r.kind !== 'country') continue;
  PLACES.set(r.code, r.article_en ? [`${r.article_en} ${r.name_en}`, r.name_en] : [r.name_en]);
}
for (const r of csv('data/reference/regions.csv')) PLACES.set(r.code, [r.name_en]);
PLACES.set('CIS', ['CIS countries', 'the Commonwealth of Independent States']);
PLACES.set('NONCIS', ['non-CIS countries']);

const MEASURES: Record<string, { all: string[]; of?: (p: string) => string }> = {
  border_arrivals: { all: ['arrivals'], of: (p) => `arrivals from ${p}` },
  border_departures: { all: ['departures'], of: (p) => `departures to ${p}` },
  pr_arrivals: { all: ['arrivals for permanent residence', 'people arrived in Kazakhstan for permanent residence'] },
  pr_departures: { all: ['departures for permanent residence abroad', 'left it for permanent residence abroad'] },
  'pr_arrivals−pr_departures': { all: ['net migration'] },
  prp_issued: { all: ['permanent residence permits issued', 'issued'], of: (p) => `permanent residence permits issued to citizens of ${p}` },
  prp_terminated: { all: ['terminations of permanent residence', 'terminated'], of: (p) => `terminations of permanent residence by citizens of ${p}` },
  'prp_issued−prp_terminated': { all: ['balance of permanent residence permits issued and terminated'], of: (p) => `balance for ${p}` },
  remittances_out: { all: ['remittances sent from Kazakhstan'], of: (p) => `remittances sent to ${p}` },
  remittances_in: { all: ['remittances received in Kazakhstan'], of: (p) => `remittances received from ${p}` },
  interregional_net: { all: ['interregional net migration'] },
  internal_migrants: { all: ['people moved within the country', 'people moving within the country'] },
  trp_holders: { all: ['temporary residence permit holders'], of: (p) => `temporary residence permit holders from ${p}` },
};

const measureKey = (indicator: string, minus?: string) => (minus ? `${indicator}−${minus}` : indicator);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ORDINALS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
const CARDINALS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

const monthYear = (i: number) => `${MONTHS[i % 12]} ${Math.floor(i / 12)}`;

function label(p: Period): string {
  if (p.kind === 'date' && p.date) {
    const [y, m, d] = p.date.split('-').map(Number);
    return `${d} ${MONTHS[m - 1]} ${y}`;
  }
  const y0 = Math.floor(p.start / 12);
  const y1 = Math.floor(p.end / 12);
  if (p.kind === 'year') return String(y0);
  if (p.kind === 'month') return monthYear(p.start);
  if (y0 === y1) return `${MONTHS[p.start % 12]}–${monthYear(p.end)}`;
  return `${monthYear(p.start)}–${monthYear(p.end)}`;
}

function periodIn(p: Period): string[] {
  const y = Math.floor(p.start / 12);
  switch (p.kind) {
    case 'date':
      return [`as of ${label(p)}`];
    case 'year':
      return [`in ${y}`];
    case 'quarter':
      return [`in the ${ORDINALS[(p.start % 12) / 3 + 1]} quarter of ${y}`, `in ${label(p)}`];
    case 'month':
      return [`in ${label(p)}`];
    case 'range': {
      const q = (p.end - p.start + 1) / 3;
      const out = [`in ${label(p)}`];
      if (p.start % 12 === 0 && Number.isInteger(q) && q > 1 && q < 4) out.push(`for the first ${CARDINALS[q]} quarters of ${y}`);
      return out;
    }
  }
}

const NUMBER_WORDS = new Map<string, { n: number; ordinal: boolean }>();
// "zero" is a sign word (a balance of zero), not a count.
ORDINALS.forEach((w, n) => n > 0 && NUMBER_WORDS.set(w, { n, ordinal: true }));
CARDINALS.forEach((w, n) => n > 0 && NUMBER_WORDS.set(w, { n, ordinal: false }));
const NUMBER_WORD_RE = new RegExp(`\\b(?:${[...NUMBER_WORDS.keys()].join('|')})\\b`, 'gi');

export const en: Vocabulary = {
  lang: 'en',
  readNumbers(text: string): NumberToken[] {
    const out: NumberToken[] = [];
    const re = /([+\u2212]|(?<=^|[\s(])-)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const sign: Sign = m[1] === '+' ? 1 : m[1] ? -1 : 0;
      const start = m.index + (m[1]?.length ?? 0);
      out.push({ digits: m[2] + (m[3] ?? ''), sign, index: start, end: m.index + m[0].length });
    }
    return out;
  },
  seriesNames(s: Series): string[] {
    const m = MEASURES[measureKey(s.indicator, s.minus)];
    if (!m) return [];
    if (s.region) return (PLACES.get(s.region) ?? []).map((r) => `${m.all[0]} in ${r}`);
    if (s.partner === '_T' || s.partner === '_Z') return [...m.all.map((a) => `all ${a}`), ...m.all];
    return m.of ? (PLACES.get(s.partner) ?? []).map(m.of) : [];
  },
  measureNames(indicator: string, minus?: string): string[] {
    return MEASURES[measureKey(indicator, minus)]?.all ?? [];
  },
  placeNames(code: string): string[] {
    return PLACES.get(code) ?? [];
  },
  periodPhrases(p: Period): string[] {
    return [...periodIn(p), label(p)];
  },
  baselinePhrases(p: Period, relation: 'previous' | 'year_ago'): string[] {
    if (relation === 'previous') {
      const unit = p.kind === 'quarter' ? 'quarter' : p.kind === 'year' ? 'year' : p.kind === 'month' ? 'month' : 'period';
      return [`the previous ${unit} (${label(p)})`];
    }
    if (p.kind === 'quarter') return [`the same quarter of ${Math.floor(p.start / 12)} (${label(p)})`, label(p)];
    return [label(p)];
  },
  directionWords: {
    rose: 1, increased: 1, up: 1, more: 1, positive: 1, outnumber: 1, larger: 1,
    fell: -1, decreased: -1, down: -1, fewer: -1, negative: -1, 'outnumbered by': -1,
    unchanged: 0, zero: 0,
  },
  superlativeWords: { most: 'most', largest: 'largest', highest: 'highest', lowest: 'lowest' },
  readNumberWords(text: string) {
    const out: { n: number; index: number; end: number; ordinal: boolean }[] = [];
    NUMBER_WORD_RE.lastIndex = 0;
    for (let m = NUMBER_WORD_RE.exec(text); m; m = NUMBER_WORD_RE.exec(text)) {
      const w = NUMBER_WORDS.get(m[0].toLowerCase())!;
      out.push({ n: w.n, ordinal: w.ordinal, index: m.index, end: m.index + m[0].length });
    }
    return out;
  },
};
