// The words check: reads a rendered sentence (or paragraph) against the claims its writer attached, through a
// locale's Vocabulary only. Every figure must sit next to words naming its claim's series, carry its claim's
// direction, unit and marks; every period, direction word, superlative and number word must be accounted for by
// a claim in its role; and nothing in the text may be left that no claim states (an "orphan").
//
// How a text is read:
// 1. Period phrases (of every claim's period, baseline and start, of the section's period, and of the periods
//    next to them) and mentions (series, measure and place names of the claims) are found, longest first and
//    non-overlapping, and blanked before numbers, direction words, superlatives and number words are read.
// 2. The text is split into sentences, clauses (at , ; : and the language's conjunctions) and bracketed
//    sub-clauses; a bracket belongs to the clause around it, which continues after it.
// 3. A figure is bound to the mentions of its clause (a bracket: its own, else those of the clause around it
//    before the bracket, else all of that clause), else to those of the nearest earlier clause of the sentence
//    with mentions; its direction word is the nearest one before it, looked up the same way.
import { describeClaim, type Claim, type Display, type Mark, type Series } from '../claims.ts';
import { months, parsePeriodCached as parsePeriod, periodFromSpan, previousPeriod, sameLastYear, type Period } from '../period.ts';
import type { NumberToken, Sign, Vocabulary } from './vocabulary.ts';

export interface WordsFailure {
  reason: string;
  claim?: Claim;
}

/** The language's words the Vocabulary does not carry; English by default. */
export interface WordsOptions {
  /** Words that join clauses, with their spaces (case-insensitive). */
  conjunctions?: string[];
  /** Phrases that limit a superlative or a count to the members with figures. */
  qualifiers?: string[];
  /** The word a mark puts in brackets after its figure. */
  marks?: Record<Mark, string>;
  /** Words that introduce a baseline written as a plain period label ("compared with January–March 2023"). */
  baselineIntros?: string[];
  /** Words that introduce the first period of a record or streak ("since January–June 2022"). */
  sinceIntros?: string[];
  /**
   * Words right after a period phrase that make it a baseline, for languages that put the comparison after what is
   * compared with (Kazakh "2022 жылмен салыстырғанда"); `sinceOutros` likewise for a start ("2016 жылдан бері").
   */
  baselineOutros?: string[];
  sinceOutros?: string[];
  /**
   * Verb-final languages (Kazakh): a figure's direction word is the nearest one after it, in its clause or, failing
   * that, in the clauses after it in its sentence ("… 20,7%-ға азайды"). English reads the nearest one before it.
   */
  directionAfter?: boolean;
  /** Unit words right after a figure, by display; percent/points/money must be there, no other display's may. */
  units?: Partial<Record<Display, string[]>>;
  /** Phrases whose words state no direction or superlative although they contain one ("add up", "broken down"). */
  neutral?: string[];
  /** What follows a multiple ("2.8 times as many" up, "0.5 times that of" down): its direction, read after the figure. */
  multiples?: Record<string, Sign>;
}

export const ENGLISH_WORDS: Required<WordsOptions> = {
  conjunctions: [' and ', ' while ', ' but ', ' against '],
  qualifiers: [
    'among the countries listed',
    'countries listed',
    'of the countries with figures',
    'among the regions listed',
    'of the regions with figures',
    'with figures for',
    'whose figures were published',
    'with published figures',
  ],
  marks: { E: 'estimate', I: 'derived', P: 'provisional' },
  baselineIntros: ['compared with', 'than in', 'as in', 'than', 'from', 'as', 'that of', 'with figures for'],
  sinceIntros: ['since'],
  baselineOutros: [],
  sinceOutros: [],
  directionAfter: false,
  neutral: ['add up', 'adds up', 'added up', 'gave up', 'give up', 'broken down', 'higher education', 'upper'],
  multiples: { 'times as many': 1, 'times as much': 1, 'times as large': 1, 'times that of': -1 },
  units: {
    percent: ['%'],
    percent0: ['%'],
    points: ['percentage points', 'percentage point'],
    money: ['million USD'],
    ratio: ['times'],
  },
};

export function checkWords(
  text: string,
  claims: Claim[],
  vocab: Vocabulary,
  ctx: { period?: Period },
  options: WordsOptions = {},
): WordsFailure[] {
  return [...new Reading(text, claims, vocab, ctx, merged(options)).check(), ...wordingRules(claims), ...(vocab.grammar?.(text, claims) ?? []).map((reason) => ({ reason }))];
}

/** The language's words over the English defaults, merged once per options object (a locale passes the same one). */
const mergedOptions = new WeakMap<WordsOptions, Required<WordsOptions>>();
function merged(options: WordsOptions): Required<WordsOptions> {
  let m = mergedOptions.get(options);
  if (!m) mergedOptions.set(options, (m = { ...ENGLISH_WORDS, ...options }));
  return m;
}

/**
 * How a sentence states a change (docs/writing.md rules 2 and 4), beyond its truth: a per cent change shown as 0.0%
 * is "unchanged" or "virtually unchanged", and one of 100% or more is "n times as many". Tables show both as figures.
 */
function wordingRules(claims: Claim[]): WordsFailure[] {
  const out: WordsFailure[] = [];
  const shownValue = (c: { shown?: string; display?: Display }) => (c.shown === undefined ? undefined : Number(c.shown.replace(/\D/g, '')) / (c.display === 'count' || c.display === 'percent0' ? 1 : 10));
  for (const c of claims) {
    if ((c.what === 'change' || c.what === 'ratio') && c.measure === 'pct') {
      const v = shownValue(c);
      if (v === 0) out.push({ reason: `a change shown as 0.0% is worded "unchanged" or "virtually unchanged" (rule 2): ${describeClaim(c)}`, claim: c });
      if (v !== undefined && v >= 100 && c.sign > 0) out.push({ reason: `a rise of 100% or more is worded "n times as many" (rule 4): ${describeClaim(c)}`, claim: c });
    }
    if (c.what === 'change' && c.measure === 'abs' && shownValue(c) === 0) out.push({ reason: `a change shown as zero is worded "unchanged" (rule 2): ${describeClaim(c)}`, claim: c });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Per-vocabulary caches: regexes and name lists are built once per vocabulary object.

interface VocabCache {
  phrase: Map<string, RegExp>;
  /** Phrase lists by kind and key (`S:`, `M:`, `L:`), lower case. */
  names: Map<string, string[]>;
  /** A period's phrases by period code, lower case, with the roles and relations their words state. */
  periods: Map<string, PeriodWords>;
  /** For tables: row labels by series key and period phrases by period code (lower case), and orphanFigures' phrases by period codes. */
  rowLabels: Map<string, Set<string>>;
  periodLabels: Map<string, Set<string>>;
  orphanPhrases: Map<string, string[]>;
  direction?: { sign: Map<string, Sign> };
  superlative?: { kind: Map<string, 'most' | 'largest' | 'highest' | 'lowest'> };
  options: Map<string, OptionRegexes>;
}

interface OptionRegexes {
  conj: RegExp | null;
  marks: RegExp | null;
  markOf: Map<string, Mark>;
  baselineIntro: RegExp | null;
  sinceIntro: RegExp | null;
  baselineOutro: RegExp | null;
  sinceOutro: RegExp | null;
  units: { display: Display; re: RegExp }[];
  /** The neutral phrases, lower case. */
  neutral: Map<string, boolean>;
  /** Built on first use: the mark regex as a plain pattern, and marks closing a bracket of figures. */
  markOnly?: RegExp;
  closing?: RegExp;
}

const caches = new WeakMap<Vocabulary, VocabCache>();

function cacheOf(v: Vocabulary): VocabCache {
  let c = caches.get(v);
  if (!c) caches.set(v, (c = { phrase: new Map(), names: new Map(), periods: new Map(), rowLabels: new Map(), periodLabels: new Map(), orphanPhrases: new Map(), options: new Map() }));
  return c;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
/** A letter or digit (a phrase found inside a longer word is no mention). */
const WORD_CHAR = /[\p{L}\p{N}]/u;
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';

/** A case-insensitive regex of alternatives (longest first), bounded by non-letters where the phrase has letters. */
function alternation(phrases: string[], flags = 'giu'): RegExp | null {
  const list = [...new Set(phrases.filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!list.length) return null;
  const alt = list.map((p) => (/^[\p{L}\p{N}]/u.test(p) ? NOT_WORD_BEFORE : '') + escape(p) + (/[\p{L}\p{N}]$/u.test(p) ? NOT_WORD_AFTER : ''));
  return new RegExp(alt.join('|'), flags);
}

function phraseRegex(cache: VocabCache, phrase: string): RegExp | null {
  let re = cache.phrase.get(phrase);
  if (re === undefined) {
    re = alternation([phrase]) ?? /$^/gu;
    cache.phrase.set(phrase, re);
  }
  return re;
}

/** A list of phrases, lower case (the phrases are looked for in the lower-cased text), built once per key. */
function names(cache: VocabCache, key: string, make: () => string[]): string[] {
  let list = cache.names.get(key);
  if (!list) cache.names.set(key, (list = lowerNames(make())));
  return list;
}

const lowerNames = (list: string[]) => list.filter((s) => s && s.trim()).map((s) => s.toLowerCase());

/**
 * A period's phrases, lower case: those stating it as the period (`asPeriod`), then those stating it as a baseline
 * (`asBaseline`), each with the relation only its words state. Words that only one relation writes state that
 * relation too ("the same quarter of 2022 (Q4 2022)", Russian «соответствующим периодом 2022 года», Kazakh «2022
 * жылғы тиісті кезеңмен», "the previous quarter (…)").
 */
interface PeriodWords {
  asPeriod: string[];
  asBaseline: { k: string; relation?: BaselineRelation }[];
}

function periodWords(v: Vocabulary, cache: VocabCache, p: Period): PeriodWords {
  let w = cache.periods.get(p.code);
  if (!w) {
    const inP = lowerNames(v.periodPhrases(p));
    const prev = lowerNames(v.baselinePhrases(p, 'previous'));
    const ago = lowerNames(v.baselinePhrases(p, 'year_ago'));
    const [inPs, prevs, agos] = [new Set(inP), new Set(prev), new Set(ago)];
    const relationOf = (k: string): BaselineRelation | undefined =>
      inPs.has(k) || prevs.has(k) === agos.has(k) ? undefined : prevs.has(k) ? 'previous' : 'year_ago';
    w = { asPeriod: inP, asBaseline: [...prev, ...ago].map((k) => ({ k, relation: relationOf(k) })) };
    cache.periods.set(p.code, w);
  }
  return w;
}

/**
 * The whole-word occurrences of some words (lower case keys) in a text, in text order, longer words first where they
 * overlap: a plain search, not a regex (a Unicode alternation costs a cold build tens of milliseconds to run).
 */
function wholeWords(text: string, words: Map<string, unknown>): { 0: string; index: number }[] {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) {
    const re = alternation([...words.keys()]);
    if (!re) return [];
    re.lastIndex = 0;
    return [...text.matchAll(re)].map((m) => ({ 0: m[0], index: m.index! }));
  }
  const found: { 0: string; index: number }[] = [];
  const taken = new Uint8Array(text.length);
  for (const w of longestFirst(words)) {
    if (!w || !lower.includes(w)) continue;
    for (let i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + 1)) {
      const e = i + w.length;
      if ((i > 0 && WORD_CHAR.test(lower[i - 1])) || (e < lower.length && WORD_CHAR.test(lower[e]))) continue;
      if (taken.subarray(i, e).some((x) => x)) continue;
      taken.fill(1, i, e);
      found.push({ 0: text.slice(i, e), index: i });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The keys of a word map, longest first, sorted once per map (the maps are built once per vocabulary or options). */
const sortedKeys = new WeakMap<Map<string, unknown>, string[]>();
function longestFirst(words: Map<string, unknown>): string[] {
  let list = sortedKeys.get(words);
  if (!list) sortedKeys.set(words, (list = [...words.keys()].sort((a, b) => b.length - a.length)));
  return list;
}

function directionOf(v: Vocabulary, cache: VocabCache) {
  if (!cache.direction) {
    const sign = new Map(Object.entries(v.directionWords).map(([w, s]) => [w.toLowerCase(), s] as [string, Sign]));
    cache.direction = { sign };
  }
  return cache.direction;
}

function superlativeOf(v: Vocabulary, cache: VocabCache) {
  if (!cache.superlative) {
    const kind = new Map(Object.entries(v.superlativeWords).map(([w, k]) => [w.toLowerCase(), k] as const));
    cache.superlative = { kind };
  }
  return cache.superlative;
}

/**
 * A unit's words as alternatives, in order; a unit ending in a letter is a whole word ("раз" is no unit at the start of
 * "разрешений"). Consecutive such words share one lookahead, `(?:a|b)(?!…)` — the same match as `a(?!…)|b(?!…)`, as
 * the regex backtracks into the group when the lookahead fails — because compiling each \p{L} lookahead under /iu
 * cost a cold build some 2–3 ms (Kazakh writes 16 unit words).
 */
function unitAlternatives(words: string[]): string {
  const parts: string[] = [];
  let whole: string[] = [];
  const close = () => {
    if (whole.length) parts.push(`(?:${whole.join('|')})${NOT_WORD_AFTER}`);
    whole = [];
  };
  for (const w of words) {
    if (/[\p{L}\p{N}]$/u.test(w)) whole.push(escape(w));
    else {
      close();
      parts.push(escape(w));
    }
  }
  close();
  return parts.join('|');
}

/** Option regexes by options object (the merged options are one object per locale), then by content. */
const optionsByObject = new WeakMap<object, Map<VocabCache, OptionRegexes>>();
function optionRegexes(cache: VocabCache, o: Required<WordsOptions>): OptionRegexes {
  let byCache = optionsByObject.get(o);
  if (!byCache) optionsByObject.set(o, (byCache = new Map()));
  const known = byCache.get(cache);
  if (known) return known;
  const key = JSON.stringify(o);
  let r = cache.options.get(key);
  if (!r) {
    const markOf = new Map<string, Mark>();
    for (const [m, w] of Object.entries(o.marks) as [Mark, string][]) markOf.set(w.toLowerCase(), m);
    const markAlt = [...markOf.keys()].map(escape).join('|');
    const intro = (words: string[]) =>
      words.length
        ? new RegExp(`${NOT_WORD_BEFORE}(?:${words.map(escape).join('|')})\\s+(?:(?:[^\\s#,;:()]|,(?=\\S))+\\s+){0,4}\\(?$`, 'iu')
        : null;
    const outro = (words: string[]) => (words.length ? new RegExp(`^\\s*(?:${words.map(escape).join('|')})${NOT_WORD_AFTER}`, 'iu') : null);
    r = {
      conj: o.conjunctions.length ? new RegExp(o.conjunctions.map(escape).join('|'), 'giu') : null,
      marks: markAlt ? new RegExp(`\\(\\s*((?:${markAlt})(?:\\s*,\\s*(?:${markAlt}))*)\\s*\\)`, 'giu') : null,
      markOf,
      baselineIntro: intro(o.baselineIntros),
      sinceIntro: intro(o.sinceIntros),
      baselineOutro: outro(o.baselineOutros),
      sinceOutro: outro(o.sinceOutros),
      units: (Object.entries(o.units) as [Display, string[]][]).map(([display, words]) => ({
        display,
        re: new RegExp(`^\\s*(?:${unitAlternatives(words)})`, 'iu'),
      })),
      neutral: new Map(o.neutral.map((p) => [p.toLowerCase(), true])),
    };
    cache.options.set(key, r);
  }
  byCache.set(cache, r);
  return r;
}

/** Marks closing a bracket of figures ("4,033,693 (90.0%, derived)"). */
function closingMarks(markOf: Map<string, Mark>): RegExp {
  const alt = [...markOf.keys()].map(escape).join('|');
  return new RegExp(`[,;]\\s*((?:${alt})(?:\\s*,\\s*(?:${alt}))*)\\s*\\)`, 'giu');
}

// ---------------------------------------------------------------------------------------------------------------

interface Span {
  start: number;
  end: number;
}

type Den = { k: 'series'; s: Series } | { k: 'measure'; indicator: string; minus: string } | { k: 'place'; code: string };

interface Mention extends Span {
  dens: Den[];
}

type Role = 'period' | 'baseline' | 'since';

/** How a baseline stands to its claim's period: the period just before it, or the same period a year earlier. */
type BaselineRelation = 'previous' | 'year_ago';

interface PeriodSpan extends Span {
  period: Period;
  role: Role;
  /** Set when only that relation's baseline phrases have these words («соответствующим периодом 2023 года»). */
  relation?: BaselineRelation;
}

interface Word extends Span {
  sign: Sign;
  examined: boolean;
  /** A zero that is a starting point ("rose from zero to 20.2"), not a direction of its own. */
  baseline?: boolean;
}

interface Clause {
  id: number;
  sentence: number;
  parent?: number;
}

const TOTALS = new Set(['_T', '_Z', '']);

const seriesKey = (s: Series) => `${s.indicator}|${s.minus ?? ''}|${s.partner}|${s.region}|${s.breakdown}`;

/** The codes whose place names denote a claim (own: its subject; all: with its whole, other and members). */
function codesOf(c: Claim): string[] {
  const own = c.series.region ? [c.series.region] : TOTALS.has(c.series.partner) ? [] : [c.series.partner];
  switch (c.what) {
    case 'top':
    case 'most':
    case 'rest':
    case 'sum':
      return [...own, ...c.members, ...(c.what === 'top' ? (c.tiedWith ?? []) : [])];
    case 'crossover':
      return [...own, c.other];
    default:
      return own;
  }
}

/** The sign the words must carry, whether it must be stated, and for claims without a figure nothing else. */
function signOf(c: Claim): { sign: Sign; required: boolean } | undefined {
  switch (c.what) {
    case 'change':
      return { sign: c.sign, required: true };
    case 'share_change':
    case 'balance':
      return { sign: c.sign, required: true };
    case 'ratio':
      return { sign: c.sign, required: c.measure !== 'times' };
    case 'sign_change':
    case 'streak':
      return { sign: c.sign, required: true };
    case 'count':
      if (c.rule === 'with_data') return undefined;
      return { sign: c.rule === 'positive' ? 1 : -1, required: true };
    case 'most':
      return { sign: c.direction === 'up' ? 1 : -1, required: true };
    case 'crossover':
      return { sign: 1, required: false };
    case 'record':
      if (c.value !== undefined && c.value < 0) return { sign: -1, required: true };
      if (c.series.minus && c.value !== undefined && c.value > 0) return { sign: 1, required: false };
      return undefined;
    default:
      return undefined;
  }
}

const signName = (s: Sign) => (s > 0 ? 'up/positive' : s < 0 ? 'down/negative' : 'unchanged/zero');

function hasBaseline(c: Claim): c is Claim & { baseline: string } {
  return 'baseline' in c && typeof c.baseline === 'string';
}

/** The relations a claim's baseline stands in to its period (a year before a year is both). */
function relationsOf(c: Claim & { baseline: string }): BaselineRelation[] {
  const p = parsePeriod(c.period);
  const b = parsePeriod(c.baseline);
  if (!p || !b) return [];
  const [previous, yearAgo] = neighbours(p);
  return [...(previous?.key === b.key ? ['previous' as const] : []), ...(yearAgo.key === b.key ? ['year_ago' as const] : [])];
}

/** A period's previous period and the same period a year earlier, worked out once per period object. */
const neighbourCache = new WeakMap<Period, [Period | undefined, Period]>();
function neighbours(p: Period): [Period | undefined, Period] {
  let n = neighbourCache.get(p);
  if (!n) neighbourCache.set(p, (n = [previousPeriod(p), sameLastYear(p)]));
  return n;
}

class Reading {
  private readonly failures: WordsFailure[] = [];
  private readonly cache: VocabCache;
  private readonly opt: OptionRegexes;
  private readonly occupied: Uint8Array;
  private periods: PeriodSpan[] = [];
  private mentions: Mention[] = [];
  private blanked = '';
  private lower: string | undefined;
  private clauseOf = new Int32Array(0);
  private clauses: Clause[] = [];
  private words: Word[] = [];
  /** Per figure (a figure is weighed for every claim showing its digits): its units read, its adjacent period. */
  private readonly unitsRead = new Map<NumberToken, (RegExpExecArray | null)[]>();
  private readonly adjacent = new Map<NumberToken, PeriodSpan | undefined>();

  constructor(
    private readonly text: string,
    private readonly claims: Claim[],
    private readonly v: Vocabulary,
    private readonly ctx: { period?: Period },
    private readonly o: Required<WordsOptions>,
  ) {
    this.cache = cacheOf(v);
    this.opt = optionRegexes(this.cache, o);
    this.occupied = new Uint8Array(text.length);
  }

  private fail(reason: string, claim?: Claim) {
    this.failures.push(claim ? { reason, claim } : { reason });
  }

  private quote(s: Span): string {
    return `“${this.text.slice(s.start, s.end)}”`;
  }

  /** A window around a span, for reasons. */
  private around(s: Span): string {
    const a = Math.max(0, s.start - 40);
    const b = Math.min(this.text.length, s.end + 25);
    return `“${a > 0 ? '…' : ''}${this.text.slice(a, b)}${b < this.text.length ? '…' : ''}”`;
  }

  check(): WordsFailure[] {
    this.findPeriods();
    this.findMentions();
    this.blank();
    this.split();
    this.readWords();
    const tokens = this.v.readNumbers(this.blanked);
    const tokenOf = this.figures(tokens);
    this.figurelessClaims();
    this.orphanWords();
    this.superlatives();
    this.numberWords(tokens, tokenOf);
    this.periodRoles();
    this.marks(tokens, tokenOf);
    return this.failures;
  }

  // -- finding spans -------------------------------------------------------------------------------------------

  private free(s: number, e: number): boolean {
    for (let i = s; i < e; i++) if (this.occupied[i]) return false;
    return true;
  }

  private take(s: number, e: number) {
    this.occupied.fill(1, s, e);
  }

  /**
   * Every occurrence of the phrases (lower case) in the text not yet occupied, longest phrase first, whole words only. A plain
   * search of the lower-cased text: a regex per phrase cost a first build ~0.3 s to compile (hundreds of names).
   */
  private find<T>(phrases: Map<string, T>, accept: (s: number, e: number, info: T) => void) {
    const lower = (this.lower ??= this.text.toLowerCase());
    // Lower-casing that changes the length (a rare letter) would shift positions: then the regexes.
    if (lower.length !== this.text.length) return this.findByRegex(phrases, accept);
    // The phrases (the keys) are lower case already.
    const list = [...phrases.keys()].filter((p) => lower.includes(p)).sort((a, b) => b.length - a.length);
    for (const pl of list) {
      if (!pl) continue;
      const wordStart = WORD_CHAR.test(pl[0]);
      const wordEnd = WORD_CHAR.test(pl[pl.length - 1]);
      for (let s = lower.indexOf(pl); s >= 0; s = lower.indexOf(pl, s + 1)) {
        const e = s + pl.length;
        if (wordStart && s > 0 && WORD_CHAR.test(lower[s - 1])) continue;
        if (wordEnd && e < lower.length && WORD_CHAR.test(lower[e])) continue;
        if (this.free(s, e)) {
          this.take(s, e);
          accept(s, e, phrases.get(pl)!);
        }
      }
    }
  }

  private findByRegex<T>(phrases: Map<string, T>, accept: (s: number, e: number, info: T) => void) {
    const list = [...phrases.keys()].sort((a, b) => b.length - a.length);
    for (const p of list) {
      const re = phraseRegex(this.cache, p);
      if (!re) continue;
      re.lastIndex = 0;
      for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
        const s = m.index;
        const e = s + m[0].length;
        if (e === s) {
          re.lastIndex++;
          continue;
        }
        if (this.free(s, e)) {
          this.take(s, e);
          accept(s, e, phrases.get(p)!);
        }
      }
    }
  }

  private periodCodes(): Period[] {
    const out = new Map<string, Period>();
    const add = (p: Period | undefined) => p && !out.has(p.code) && out.set(p.code, p);
    const parse = (code: string | undefined) => (code ? parsePeriod(code) : undefined);
    for (const c of this.claims) {
      const p = parse(c.period);
      add(p);
      if (p) {
        const [previous, yearAgo] = neighbours(p);
        add(previous);
        add(yearAgo);
      }
      if (hasBaseline(c)) add(parse(c.baseline));
      if (c.what === 'record' || c.what === 'streak') add(parse(c.since));
    }
    const ctx = this.ctx.period;
    if (ctx) {
      add(ctx);
      const [previous, yearAgo] = neighbours(ctx);
      add(previous);
      add(yearAgo);
      if (ctx.kind !== 'date') add(periodFromSpan(ctx.start + months(ctx), ctx.end + months(ctx)));
    }
    return [...out.values()];
  }

  private findPeriods() {
    type Info = { period: Period; asPeriod: boolean; asBaseline: boolean; relation?: BaselineRelation };
    const phrases = new Map<string, Info>();
    // Baselines by period code, with the relations their claims compare in.
    const baselines = new Map<string, Set<BaselineRelation>>();
    for (const c of this.claims) {
      if (!hasBaseline(c)) continue;
      const code = parsePeriod(c.baseline)?.code ?? c.baseline;
      const set = baselines.get(code) ?? new Set();
      for (const r of relationsOf(c)) set.add(r);
      baselines.set(code, set);
    }
    const isBaseline = (code: string, relation?: BaselineRelation) => !!baselines.get(code) && (!relation || baselines.get(code)!.has(relation));
    const claim = (k: string, p: Period, asPeriod: boolean, relation: BaselineRelation | undefined) => {
      let e: Info = phrases.get(k) ?? { period: p, asPeriod: false, asBaseline: false, relation };
      // The same words for two periods: the first claims them, unless the later one is a claim's baseline (in the
      // relation the words state, if any) and the first is not (Kazakh names a span a year back by its year
      // alone, "2022 жылғы тиісті кезеңмен").
      if (e.period.code !== p.code) {
        if (asPeriod || !isBaseline(p.code, relation) || isBaseline(e.period.code, e.relation)) return;
        e = { period: p, asPeriod: false, asBaseline: false, relation };
      }
      if (asPeriod) e.asPeriod = true;
      else e.asBaseline = true;
      phrases.set(k, e);
    };
    for (const p of this.periodCodes()) {
      const w = periodWords(this.v, this.cache, p);
      for (const k of w.asPeriod) claim(k, p, true, undefined);
      for (const { k, relation } of w.asBaseline) claim(k, p, false, relation);
    }
    const found: { s: number; e: number; info: Info }[] = [];
    this.find(phrases, (s, e, info) => found.push({ s, e, info }));
    // Roles are read once every span is known, so introducing words are read with the other spans marked.
    this.periods = found
      .sort((a, b) => a.s - b.s)
      .map(({ s, e, info }) => ({ start: s, end: e, period: info.period, role: this.roleOf(s, info, e), relation: info.relation }));
  }

  private roleOf(start: number, info: { asPeriod: boolean; asBaseline: boolean }, end = start): Role {
    const before = this.text.slice(Math.max(0, start - 60), start);
    const after = this.text.slice(end, end + 40);
    if (this.opt.sinceIntro?.test(before) || this.opt.sinceOutro?.test(after)) return 'since';
    if (this.opt.baselineOutro?.test(after)) return 'baseline';
    if (info.asBaseline && !info.asPeriod) return 'baseline';
    if (this.opt.baselineIntro?.test(this.introText(start))) return 'baseline';
    return info.asPeriod ? 'period' : 'baseline';
  }

  /** The 60 characters before a position with names blanked as '#', so "arrivals from China in 2023" is not an introduction. */
  private introText(start: number): string {
    const a = Math.max(0, start - 60);
    let s = '';
    for (let i = a; i < start; i++) s += this.occupied[i] ? '#' : this.text[i];
    // A mark between a figure and its period ("from 41.5% (estimate) in …") is not a word of the sentence.
    if (!this.opt.marks || !s.includes('(')) return s;
    this.opt.marks.lastIndex = 0;
    const out = s.replace(this.opt.marks, '');
    this.opt.marks.lastIndex = 0;
    return out;
  }

  private findMentions() {
    const phrases = new Map<string, Den[]>();
    const add = (list: string[], den: Den) => {
      for (const k of list) {
        const dens = phrases.get(k) ?? [];
        dens.push(den);
        phrases.set(k, dens);
      }
    };
    const c = this.cache;
    const seenSeries = new Set<string>();
    const addSeries = (s: Series) => {
      const key = seriesKey(s);
      if (seenSeries.has(key)) return;
      seenSeries.add(key);
      add(names(c, `S:${key}`, () => this.v.seriesNames(s)), { k: 'series', s });
    };
    const seenMeasure = new Set<string>();
    const seenPlace = new Set<string>();
    for (const cl of this.claims) {
      const s = cl.series;
      addSeries(s);
      // A balance's two measures are looked for too, so a balance named by one of them is reported as such.
      const measures: [string, string?][] = s.minus ? [[s.indicator, s.minus], [s.indicator], [s.minus]] : [[s.indicator]];
      for (const [indicator, minus] of measures) {
        const mk = `${indicator}|${minus ?? ''}`;
        if (seenMeasure.has(mk)) continue;
        seenMeasure.add(mk);
        add(names(c, `M:${mk}`, () => this.v.measureNames(indicator, minus)), { k: 'measure', indicator, minus: minus ?? '' });
      }
      const related = [s.partner, s.region];
      if ('whole' in cl) related.push(cl.whole);
      if (cl.what === 'crossover') related.push(cl.other);
      if ('members' in cl) related.push(...cl.members);
      if (cl.what === 'top' && cl.tiedWith) related.push(...cl.tiedWith);
      for (const code of related) {
        if (!code) continue;
        if (code !== s.partner && !s.region) addSeries({ ...s, partner: code });
        if (seenPlace.has(code)) continue;
        seenPlace.add(code);
        add(names(c, `L:${code}`, () => this.v.placeNames(code)), { k: 'place', code });
      }
    }
    const found: Mention[] = [];
    this.find(phrases, (s, e, dens) => found.push({ start: s, end: e, dens }));
    this.mentions = found.sort((a, b) => a.start - b.start);
  }

  /** The text with periods and names blanked (spaces), for numbers, direction, superlative and number words. */
  private blank() {
    let out = '';
    let last = 0;
    const spans = [...this.periods, ...this.mentions].sort((a, b) => a.start - b.start);
    for (const s of spans) {
      out += this.text.slice(last, s.start) + ' '.repeat(s.end - s.start);
      last = s.end;
    }
    out += this.text.slice(last);
    // Phrases that only look like a direction ("add up", "broken down") are blanked too.
    for (const m of wholeWords(out, this.opt.neutral)) out = out.slice(0, m.index) + ' '.repeat(m[0].length) + out.slice(m.index + m[0].length);
    this.blanked = out;
  }

  // -- clauses ---------------------------------------------------------------------------------------------------

  private split() {
    const t = this.text;
    const n = t.length;
    const of = new Int32Array(n);
    const conjAt = new Map<number, number>();
    if (this.opt.conj) {
      const re = this.opt.conj;
      re.lastIndex = 0;
      for (let m = re.exec(t); m; m = re.exec(t)) {
        if (!m[0].length) {
          re.lastIndex++;
          continue;
        }
        if (this.free(m.index, m.index + m[0].length)) conjAt.set(m.index, m[0].length);
      }
    }
    const clauses: Clause[] = [];
    let sentence = 0;
    const open = (parent?: number) => {
      clauses.push(parent === undefined ? { id: clauses.length, sentence } : { id: clauses.length, sentence, parent });
      return clauses.length - 1;
    };
    let cur = open();
    const stack: number[] = [];
    for (let i = 0; i < n; i++) {
      if (this.occupied[i]) {
        of[i] = cur;
        continue;
      }
      const conj = conjAt.get(i);
      if (conj) {
        cur = open(clauses[cur].parent);
        for (let j = i; j < i + conj; j++) of[j] = cur;
        i += conj - 1;
        continue;
      }
      const ch = t[i];
      // A comma between digits groups or separates a number's digits (3,405,102; 91,6): no clause ends there.
      if ((ch === ',' && !(/\d/.test(t[i - 1] ?? '') && /\d/.test(t[i + 1] ?? ''))) || ch === ';' || ch === ':') {
        cur = open(clauses[cur].parent);
        of[i] = cur;
      } else if (ch === '(') {
        stack.push(cur);
        cur = open(cur);
        of[i] = cur;
      } else if (ch === ')') {
        of[i] = cur;
        if (stack.length) cur = stack.pop()!;
      } else if ((ch === '.' || ch === '!' || ch === '?') && (i + 1 === n || /\s/.test(t[i + 1]))) {
        of[i] = cur;
        sentence++;
        stack.length = 0;
        cur = open();
      } else of[i] = cur;
    }
    this.clauseOf = of;
    this.clauses = clauses;
  }

  private clause(pos: number): number {
    return this.clauseOf[Math.min(pos, this.clauseOf.length - 1)] ?? 0;
  }

  /** The items a position is read with: its clause's, else its bracket's parent's (before it first), else earlier clauses'. */
  private scope<T extends Span>(items: T[], pos: number, nearestBefore = false): T[] {
    const c = this.clause(pos);
    const inClause = (k: number) => items.filter((x) => this.clause(x.start) === k);
    const pick = (list: T[], limit?: number) => {
      const l = limit === undefined ? list : list.filter((x) => x.start < limit);
      return nearestBefore && l.length ? [l[l.length - 1]] : l;
    };
    let found = pick(inClause(c), nearestBefore ? pos : undefined);
    if (found.length) return found;
    let cur = c;
    while (this.clauses[cur].parent !== undefined) {
      const p = this.clauses[cur].parent!;
      const inP = inClause(p);
      found = pick(inP, pos);
      if (found.length) return found;
      if (!nearestBefore && inP.length) return inP;
      cur = p;
    }
    const sentence = this.clauses[c].sentence;
    for (let k = cur - 1; k >= 0 && this.clauses[k].sentence === sentence; k--) {
      found = pick(inClause(k));
      if (found.length) return found;
    }
    return [];
  }

  // -- binding ---------------------------------------------------------------------------------------------------

  /** Why the mentions do not denote the claim (undefined: they do). */
  private denotes(c: Claim, mentions: Mention[]): string | undefined {
    if (!mentions.length) return 'no series is named';
    const s = c.series;
    const places: { m: Mention; code: string }[] = [];
    const measures: { m: Mention; ok: boolean }[] = [];
    for (const m of mentions) {
      for (const d of m.dens) {
        if (d.k === 'place') places.push({ m, code: d.code });
        else if (d.k === 'series') {
          const code = d.s.region || (TOTALS.has(d.s.partner) ? '' : d.s.partner);
          if (code) places.push({ m, code });
          measures.push({ m, ok: d.s.indicator === s.indicator && (d.s.minus ?? '') === (s.minus ?? '') && (d.s.breakdown === s.breakdown || !d.s.breakdown) });
        } else measures.push({ m, ok: d.indicator === s.indicator && d.minus === (s.minus ?? '') });
      }
    }
    const list = (xs: Mention[]) => [...new Set(xs.map((m) => this.quote(m)))].join(', ');
    if (measures.length && !measures.some((x) => x.ok)) return `the words name ${list(measures.map((x) => x.m))}`;
    if (places.length) {
      const codes = codesOf(c);
      if (!places.some((p) => codes.includes(p.code))) return `the words name ${list(places.map((x) => x.m))}`;
    }
    return undefined;
  }

  // -- direction words -------------------------------------------------------------------------------------------

  private readWords() {
    const d = directionOf(this.v, this.cache);
    for (const m of wholeWords(this.blanked, d.sign)) {
      const sign = d.sign.get(m[0].toLowerCase());
      if (sign === undefined) continue;
      const baseline = sign === 0 && /\bfrom\s+$/i.test(this.text.slice(Math.max(0, m.index - 8), m.index)) && /^\s+to\b/i.test(this.text.slice(m.index + m[0].length, m.index + m[0].length + 5));
      this.words.push({ start: m.index, end: m.index + m[0].length, sign, examined: false, ...(baseline ? { baseline: true, examined: true } : {}) });
    }
  }

  // -- figures ---------------------------------------------------------------------------------------------------

  /** Binds every claim's figure to a number token; returns which token each claim took. */
  private figures(tokens: NumberToken[]): Map<Claim, NumberToken> {
    const taken = new Set<NumberToken>();
    const tokenOf = new Map<Claim, NumberToken>();
    const withFigure = this.claims.filter((c) => 'shown' in c && typeof c.shown === 'string' && c.shown !== '');
    const evaluate = (c: Claim, t: NumberToken) => this.figureProblems(c, t);
    const plans = withFigure.map((c) => {
      const shown = (c as { shown: string }).shown;
      const cands = tokens.filter((t) => t.digits === shown);
      const evals = cands.map((t) => ({ t, ...evaluate(c, t) }));
      return { c, shown, evals, good: evals.filter((e) => !e.problems.length).length };
    });
    plans.sort((a, b) => a.good - b.good);
    for (const p of plans) {
      if (!p.evals.length) {
        this.fail(`${describeClaim(p.c)}: ${p.shown} does not appear in the text`, p.c);
        continue;
      }
      const choice =
        p.evals.find((e) => !e.problems.length && !taken.has(e.t)) ??
        p.evals.find((e) => !e.problems.length) ??
        [...p.evals].sort((a, b) => Number(taken.has(a.t)) - Number(taken.has(b.t)) || a.problems.length - b.problems.length)[0];
      taken.add(choice.t);
      tokenOf.set(p.c, choice.t);
      if (choice.word) choice.word.examined = true;
      for (const problem of choice.problems) this.fail(problem, p.c);
    }
    // Numbers other claims state without a `shown` figure: a streak's length, a record's number of years.
    for (const t of tokens) {
      if (taken.has(t)) continue;
      const aux = this.claims.find((c) => (c.what === 'streak' && String(c.length) === t.digits) || (c.what === 'record' && String(c.years) === t.digits));
      if (aux) {
        // The count of a record or streak: the claim's own figure (if any) keeps its token.
        taken.add(t);
        if (!tokenOf.has(aux)) tokenOf.set(aux, t);
        continue;
      }
      this.fail(`${this.around({ start: t.index, end: t.end })}: the figure ${t.digits} is stated by no claim`);
    }
    return tokenOf;
  }

  private figureProblems(c: Claim, t: NumberToken): { problems: string[]; word?: Word } {
    const problems: string[] = [];
    const span = { start: t.index, end: t.end };
    const where = this.around(span);
    const why = this.denotes(c, this.scope(this.mentions, t.index));
    if (why) problems.push(`${where}: ${why} next to ${t.digits}, but the claim is ${describeClaim(c)}`);
    const sg = signOf(c);
    let word: Word | undefined;
    const multiple = (c.what === 'change' || c.what === 'ratio') && c.measure === 'times';
    // "2.8 times as many": the direction is in the words after the figure; a language may state it with a verb
    // before the figure instead ("увеличилась в 2,2 раза"), read as any other direction word.
    const said = sg && multiple ? Object.entries(this.o.multiples).find(([w]) => this.text.slice(t.end).trimStart().toLowerCase().startsWith(w)) : undefined;
    if (sg && said) {
      if (said[1] !== sg.sign) problems.push(`${where}: “${t.digits} ${said[0]}” states ${signName(said[1])}, the claim ${signName(sg.sign)} (${describeClaim(c)})`);
    } else if (sg && multiple && sg.sign !== 0 && !this.scope(this.words.filter((w) => !w.baseline), t.index, true)[0]) {
      problems.push(`${where}: no word states the direction of ${t.digits} (${describeClaim(c)})`);
    } else if (sg) {
      // "rose from zero to 688,069": the zero is the baseline, the verb the direction.
      const fromZero = c.what === 'change' && c.measure === 'from_zero';
      const candidates = this.words.filter((w) => !w.baseline && (!fromZero || w.sign !== 0));
      word = this.o.directionAfter ? this.nextWord(candidates, t.end) : this.scope(candidates, t.index, true)[0];
      if (fromZero) for (const w of this.words) if (w.sign === 0 && w.end <= t.index && t.index - w.end < 8) w.examined = true;
      if (word && word.sign !== sg.sign) problems.push(`${where}: ${this.quote(word)} before ${t.digits} states ${signName(word.sign)}, the claim ${signName(sg.sign)} (${describeClaim(c)})`);
      if (t.sign !== 0 && t.sign !== sg.sign) problems.push(`${where}: the sign of ${t.digits} is against the claim's direction (${describeClaim(c)})`);
      if (!word && t.sign === 0 && sg.required) problems.push(`${where}: no word states the direction of ${t.digits} (${describeClaim(c)})`);
    } else if (t.sign !== 0) problems.push(`${where}: ${t.digits} carries a sign, but the claim states no direction (${describeClaim(c)})`);
    const display = (c as { display?: Display }).display;
    if (display) {
      const read = this.unitsAfter(t);
      const unit = this.opt.units.find((u, i) => u.display === display && read[i]) ?? this.opt.units.find((_, i) => read[i]);
      const needs = this.opt.units.find((u) => u.display === display);
      if (unit && unit.display !== display) problems.push(`${where}: ${t.digits} is written as ${unit.display}, the claim is ${display} (${describeClaim(c)})`);
      else if (!unit && needs && display !== 'ratio') problems.push(`${where}: ${t.digits} lacks its unit (${display}) (${describeClaim(c)})`);
    }
    const adjacent = this.adjacentPeriod(t);
    const own = parsePeriod(c.period);
    if (adjacent && own && adjacent.period.key !== own.key)
      problems.push(`${where}: ${t.digits} stands with ${this.quote(adjacent)}, but the claim is for ${c.period} (${describeClaim(c)})`);
    return { problems, word };
  }

  /**
   * The direction word of a figure in a verb-final language: the nearest after it in its clause or the clause its
   * bracket stands in, else the nearest before it there, else the first in a later clause of its sentence, else the
   * last in an earlier one.
   */
  private nextWord(words: Word[], pos: number): Word | undefined {
    const chain: number[] = [];
    for (let c: number | undefined = this.clause(pos); c !== undefined; c = this.clauses[c].parent) chain.push(c);
    const inChain = (w: Word) => chain.includes(this.clause(w.start));
    const after = words.filter((w) => w.start >= pos);
    const before = words.filter((w) => w.end <= pos);
    const sentence = this.clauses[this.clause(pos)].sentence;
    const sameSentence = (w: Word) => this.clauses[this.clause(w.start)].sentence === sentence;
    // 1. after it in its clause (or the clause its bracket stands in); 2. before it there ("оң (9 174)");
    // 3. the verb of a later clause its clause shares ("A 5%-ға, B 3%-ға азайды"); 4. an earlier clause's.
    return (
      after.find(inChain) ??
      before.filter(inChain).pop() ??
      after.find(sameSentence) ??
      before.filter(sameSentence).pop()
    );
  }

  /** What each unit's regex reads in the 40 characters after a figure (null: not that unit), once per figure. */
  private unitsAfter(t: NumberToken): (RegExpExecArray | null)[] {
    let read = this.unitsRead.get(t);
    if (!read) {
      const rest = this.text.slice(t.end, t.end + 40);
      this.unitsRead.set(t, (read = this.opt.units.map((u) => u.re.exec(rest))));
    }
    return read;
  }

  /**
   * The period phrase a figure is written with: one right after it (only its unit between: "90.0% in January–March
   * 2023") or one right before its bracket ("January–September 2022 (844.1 million USD)").
   */
  private adjacentPeriod(t: NumberToken): PeriodSpan | undefined {
    if (this.adjacent.has(t)) return this.adjacent.get(t);
    const span = this.adjacentPeriodOf(t);
    this.adjacent.set(t, span);
    return span;
  }

  private adjacentPeriodOf(t: NumberToken): PeriodSpan | undefined {
    let after = t.end;
    const unit = this.unitsAfter(t).find(Boolean);
    if (unit) after += unit[0].length;
    while (after < this.text.length && /\s/.test(this.text[after])) after++;
    const next = this.periods.find((p) => p.start === after);
    if (next) return next;
    let before = t.index;
    while (before > 0 && /\s/.test(this.text[before - 1])) before--;
    if (this.text[before - 1] !== '(') return undefined;
    before--;
    while (before > 0 && /\s/.test(this.text[before - 1])) before--;
    return this.periods.find((p) => p.end === before);
  }

  // -- claims without a figure -----------------------------------------------------------------------------------

  /**
   * The clause whose own mentions denote the claim: of several (a paragraph names net migration more than once),
   * the first whose direction words no figure has read yet, else the first with direction words, else the first.
   */
  private clauseNaming(c: Claim): number | undefined {
    // The movers of one direction are said in the clause naming them ("…, while they rose most to B"): where the
    // figures have read every direction word already, the clause that names a member is the claim's, not the
    // first clause naming the series (a verb-final language puts each list's verb after it).
    if (c.what === 'most') {
      for (const cl of this.clauses) {
        const ms = this.mentions.filter((m) => this.clause(m.start) === cl.id);
        if (!ms.some((m) => m.dens.some((d) => d.k === 'place' && c.members.includes(d.code)))) continue;
        const scope = this.continuation(cl.id);
        if (this.words.some((w) => scope.includes(this.clause(w.start)) && w.sign !== 0)) return cl.id;
      }
    }
    let first: number | undefined;
    let worded: number | undefined;
    for (const cl of this.clauses) {
      const ms = this.mentions.filter((m) => this.clause(m.start) === cl.id);
      if (!ms.length || this.denotes(c, ms)) continue;
      first ??= cl.id;
      const scope = this.continuation(cl.id);
      const words = this.words.filter((w) => scope.includes(this.clause(w.start)));
      if (words.some((w) => !w.examined)) return cl.id;
      if (words.length) worded ??= cl.id;
    }
    return worded ?? first;
  }

  /** Clauses that continue one: the following clauses of the sentence that name nothing themselves. */
  private continuation(k: number): number[] {
    const out = [k];
    const sentence = this.clauses[k].sentence;
    const worded = (j: number) => this.words.some((w) => this.clause(w.start) === j);
    // A verb-final language states the claim at its verb: the clauses up to the first with a direction word.
    if (this.o.directionAfter && !worded(k)) {
      for (let j = k + 1; j < this.clauses.length && this.clauses[j].sentence === sentence; j++) {
        out.push(j);
        if (worded(j)) return out;
      }
      return [k];
    }
    for (let j = k + 1; j < this.clauses.length && this.clauses[j].sentence === sentence; j++) {
      if (this.mentions.some((m) => this.clause(m.start) === j)) break;
      out.push(j);
    }
    return out;
  }

  private figurelessClaims() {
    for (const c of this.claims) {
      const hasFigure = 'shown' in c && typeof c.shown === 'string' && c.shown !== '';
      const needsNaming = !hasFigure && ['change', 'share_change', 'ratio', 'balance', 'sign_change', 'streak', 'crossover', 'top', 'most', 'no_data', 'record'].includes(c.what);
      if (!needsNaming) continue;
      const k = this.clauseNaming(c);
      if (k === undefined) {
        this.fail(`the words never name the series of ${describeClaim(c)}`, c);
        continue;
      }
      if (c.what === 'crossover') this.crossoverOrder(c, k);
      if ((c.what === 'top' || c.what === 'most') && !TOTALS.has(c.series.partner)) this.wholeNamed(c);
      const sg = signOf(c);
      if (!sg) continue;
      // A claim without a figure is stated in the clause naming its series and the clauses continuing it
      // ("… amounted to 844.1 million USD, unchanged compared with …").
      const scope = this.continuation(k);
      const words = this.words.filter((w) => scope.includes(this.clause(w.start)));
      if (c.what === 'sign_change') {
        const wanted = new Set<Sign>([c.sign, c.from]);
        for (const w of words) {
          w.examined = true;
          if (!wanted.has(w.sign)) this.fail(`${this.around(w)}: ${this.quote(w)} is neither the new sign nor the old one of ${describeClaim(c)} (from ${signName(c.from)})`, c);
        }
        if (!words.some((w) => w.sign === c.sign)) this.fail(`the words do not state the new sign (${signName(c.sign)}) of ${describeClaim(c)}`, c);
        if (!words.some((w, i) => w.sign === c.from && (c.from !== c.sign || words.findIndex((x) => x.sign === c.sign) !== i)))
          this.fail(`the words do not state the old sign (${signName(c.from)}) of ${describeClaim(c)}`, c);
        continue;
      }
      const fromZero = c.what === 'change' && c.measure === 'from_zero';
      // A rise or fall "most" is never "zero": a zero there is another claim's baseline ("from zero to 20.2").
      const own = c.what === 'crossover' ? words.filter((w) => this.clause(w.start) === k) : fromZero || c.what === 'most' ? words.filter((w) => w.sign !== 0) : words;
      for (const w of words) w.examined = true;
      for (const w of own)
        if (w.sign !== sg.sign) this.fail(`${this.around(w)}: ${this.quote(w)} states ${signName(w.sign)}, the claim ${signName(sg.sign)} (${describeClaim(c)})`, c);
      if (sg.required && !own.some((w) => w.sign === sg.sign)) this.fail(`the words state no direction (${signName(sg.sign)}) for ${describeClaim(c)}`, c);
    }
  }

  /** Movers and top members of a group are said of that group: the words name it (S5: "fell most from India" of non-CIS countries). */
  private wholeNamed(c: Claim) {
    const whole = c.series.partner;
    const named = this.mentions.some((m) => m.dens.some((d) => (d.k === 'place' && d.code === whole) || (d.k === 'series' && d.s.partner === whole)));
    if (!named) this.fail(`the words do not name the group ${whole} the members are ranked in (${describeClaim(c)})`, c);
  }

  /** A crossover names its overtaker before the series it overtakes. */
  private crossoverOrder(c: Claim & { what: 'crossover' }, k: number) {
    const sentence = this.clauses[k].sentence;
    const named = (code: string) =>
      this.mentions.find(
        (m) => this.clauses[this.clause(m.start)].sentence === sentence && m.dens.some((d) => (d.k === 'place' ? d.code : d.k === 'series' ? d.s.partner : '') === code),
      );
    const a = named(c.series.partner);
    const b = named(c.other);
    if (!a || !b) this.fail(`the words do not name both series of ${describeClaim(c)}`, c);
    else if (b.start < a.start) this.fail(`${this.quote(b)} is named before the overtaker ${this.quote(a)} (${describeClaim(c)})`, c);
  }

  private orphanWords() {
    for (const w of this.words)
      if (!w.examined) this.fail(`${this.around(w)}: ${this.quote(w)} states ${signName(w.sign)}, which no claim in its clause states`);
  }

  // -- superlatives, qualifiers, number words --------------------------------------------------------------------

  private superlatives() {
    const sup = superlativeOf(this.v, this.cache);
    const found: { span: Span; kind: 'most' | 'largest' | 'highest' | 'lowest' }[] = [];
    for (const m of wholeWords(this.blanked, sup.kind)) {
      const kind = sup.kind.get(m[0].toLowerCase());
      if (kind) found.push({ span: { start: m.index, end: m.index + m[0].length }, kind });
    }
    const matches = (c: Claim, kind: string) =>
      (kind === 'most' && c.what === 'most') ||
      (kind === 'largest' && c.what === 'top') ||
      (c.what === 'record' && ((kind === 'highest' && c.extreme === 'high') || (kind === 'lowest' && c.extreme === 'low')));
    for (const f of found)
      if (!this.claims.some((c) => matches(c, f.kind))) this.fail(`${this.around(f.span)}: ${this.quote(f.span)} (${f.kind}) has no claim of that kind`);
    const lower = this.text.toLowerCase();
    const qualified = this.o.qualifiers.some((q) => lower.includes(q.toLowerCase()));
    for (const c of this.claims) {
      if (c.what === 'top' || c.what === 'most') {
        const kind = c.what === 'top' ? 'largest' : 'most';
        const worded = found.some((f) => f.kind === kind);
        if (c.scope === 'all' && !worded) this.fail(`the words state no superlative (${kind}) for ${describeClaim(c)}`, c);
        if (c.scope === 'listed' && worded && !qualified)
          this.fail(`“${kind}” is said of the listed members only, without a qualifier such as “${this.o.qualifiers[0]}” (${describeClaim(c)})`, c);
      } else if (c.what === 'count' && c.scope === 'listed' && !qualified) {
        this.fail(`the count ${c.shown} is of the listed members only, without a qualifier such as “${this.o.qualifiers[0]}” (${describeClaim(c)})`, c);
      } else if (c.what === 'record') {
        const kind = c.extreme === 'high' ? 'highest' : 'lowest';
        if (!found.some((f) => f.kind === kind)) this.fail(`the words do not call the record ${kind} (${describeClaim(c)})`, c);
      }
    }
  }

  private numberWords(tokens: NumberToken[], tokenOf: Map<Claim, NumberToken>) {
    void tokens;
    const words = this.v.readNumberWords(this.blanked);
    const fits = (c: Claim, n: number) =>
      (c.what === 'streak' && c.length === n) || (c.what === 'record' && c.years === n) || (c.what === 'count' && c.value === n);
    for (const w of words)
      if (!this.claims.some((c) => fits(c, w.n)))
        this.fail(`${this.around({ start: w.index, end: w.end })}: ${this.quote({ start: w.index, end: w.end })} (${w.n}) is no streak length, record span or count of any claim`);
    for (const c of this.claims)
      if (c.what === 'streak' && !words.some((w) => w.n === c.length) && !tokenOf.has(c))
        this.fail(`the words do not state the streak's length (${c.length}) of ${describeClaim(c)}`, c);
  }

  // -- periods ---------------------------------------------------------------------------------------------------

  private periodRoles() {
    const keys = (f: (c: Claim) => string | undefined) =>
      new Set(this.claims.map(f).flatMap((code) => (code ? [parsePeriod(code)?.key ?? code] : [])));
    const periodKeys = keys((c) => c.period);
    const baseKeys = keys((c) => (hasBaseline(c) ? c.baseline : undefined));
    const sinceKeys = keys((c) => (c.what === 'record' || c.what === 'streak' ? c.since : undefined));
    for (const p of this.periods) {
      const k = p.period.key;
      const q = this.quote(p);
      if (p.role === 'period' && !periodKeys.has(k) && !sinceKeys.has(k))
        this.fail(baseKeys.has(k) ? `${q} states a claim's baseline as the period it is about` : `${q} states a period no claim is about`);
      else if (p.role === 'baseline' && !baseKeys.has(k))
        this.fail(periodKeys.has(k) ? `${q} states a claim's own period as its baseline` : `${q} states a baseline no claim compares with`);
      else if (p.role === 'baseline' && p.relation && !this.claims.some((c) => hasBaseline(c) && parsePeriod(c.baseline)?.key === k && relationsOf(c).includes(p.relation!)))
        this.fail(`${q} states ${p.period.code} as ${p.relation === 'year_ago' ? 'the same period a year earlier' : 'the period just before'}, but no claim compares with it so`);
      else if (p.role === 'since' && !sinceKeys.has(k)) this.fail(`${q} states a start no record or streak has`);
    }
    const stated = (code: string, roles: Role[]) => {
      const key = parsePeriod(code)?.key ?? code;
      return this.periods.some((p) => p.period.key === key && roles.includes(p.role));
    };
    for (const c of this.claims) {
      if (hasBaseline(c) && !stated(c.baseline, ['baseline'])) this.fail(`the words do not state the baseline ${c.baseline} as a baseline (${describeClaim(c)})`, c);
      const own = parsePeriod(c.period);
      const isCtx = own && this.ctx.period && own.key === this.ctx.period.key;
      if (!isCtx && !stated(c.period, ['period', 'baseline', 'since'])) this.fail(`the words do not state the period ${c.period} (${describeClaim(c)})`, c);
    }
  }

  // -- marks -----------------------------------------------------------------------------------------------------

  private marks(tokens: NumberToken[], tokenOf: Map<Claim, NumberToken>) {
    const re = this.opt.marks;
    // A mark applies to figures: `tokens` (the figure just before a bracket of marks; or, for marks closing a
    // bracket of figures — "4,033,693 (90.0%, derived)" — every figure in it and the one just before it).
    const found: { span: Span; marks: Mark[]; tokens: NumberToken[] }[] = [];
    const read = (list: string) => list.split(',').map((w) => this.opt.markOf.get(w.trim().toLowerCase())!);
    const before = (at: number) => {
      const t = tokens.filter((x) => x.end <= at).pop();
      if (!t) return undefined;
      const gap = this.text.slice(t.end, at).replace(markOnly, '');
      return gap.length <= 30 && !/[\d,;:()]/.test(gap) ? t : undefined;
    };
    const markOnly = (this.opt.markOnly ??= new RegExp(re ? re.source : '$^', 'giu'));
    if (re) {
      re.lastIndex = 0;
      for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
        const t = before(m.index);
        found.push({ span: { start: m.index, end: m.index + m[0].length }, marks: read(m[1]), tokens: t ? [t] : [] });
      }
      const closing = (this.opt.closing ??= closingMarks(this.opt.markOf));
      closing.lastIndex = 0;
      for (let m = closing.exec(this.text); m; m = closing.exec(this.text)) {
        let depth = 0;
        let open = -1;
        for (let i = m.index; i >= 0; i--) {
          const ch = this.text[i];
          if (ch === ')') depth++;
          else if (ch === '(') {
            if (depth === 0) {
              open = i;
              break;
            }
            depth--;
          }
        }
        if (open < 0) continue;
        const inside = tokens.filter((x) => x.index > open && x.end <= m!.index);
        const t = before(open);
        found.push({ span: { start: m.index, end: m.index + m[0].length }, marks: read(m[1]), tokens: [...(t ? [t] : []), ...inside] });
      }
    }
    // A mark belongs to the claims bound to its figure, or to any claim showing the same digits (two claims may show
    // one figure, "the 200,000 … the remaining 200,000 (estimate)", and either token may be bound to either).
    const byToken = new Map<NumberToken, Claim[]>();
    for (const [c, t] of tokenOf) byToken.set(t, [...(byToken.get(t) ?? []), c]);
    const byDigits = (t: NumberToken) => this.claims.filter((c) => 'shown' in c && c.shown === t.digits);
    for (const f of found) {
      const owners = f.tokens.flatMap((t) => [...(byToken.get(t) ?? []), ...byDigits(t)]);
      for (const mk of f.marks)
        if (!owners.some((c) => c.marks.includes(mk)))
          this.fail(`${this.around(f.span)}: ${this.quote(f.span)} marks ${f.tokens.length ? f.tokens.map((t) => t.digits).join(', ') : 'no figure'}, which no claim marked ${mk} shows`);
    }
    for (const [c, t] of tokenOf) {
      if (!c.marks.length || !('shown' in c)) continue;
      const same = tokens.filter((x) => x.digits === t.digits);
      const at = found.filter((f) => f.tokens.some((x) => same.includes(x))).flatMap((f) => f.marks);
      for (const mk of c.marks)
        if (!at.includes(mk)) this.fail(`${this.around({ start: t.index, end: t.end })}: ${t.digits} lacks its mark “${this.o.marks[mk]}” (${describeClaim(c)})`, c);
    }
  }
}

/**
 * Figures in a text that states no claim of its own (a caption, a note on marks): every number must stand inside a
 * phrase of one of the given periods (its year); any other is an orphan.
 */
export function orphanFigures(text: string, vocab: Vocabulary, periods: Period[]): string[] {
  if (!/\d/.test(text)) return [];
  let masked = text;
  const phrases = orphanPhrases(vocab, periods);
  for (const ph of phrases) if (masked.includes(ph)) masked = masked.split(ph).join(' '.repeat(ph.length));
  return vocab.readNumbers(masked).map((t) => `“${text}”: the figure ${t.digits} is stated by no claim`);
}

/** The labels a row of the series may carry, lower case, once per series. */
function rowLabelsOf(vocab: Vocabulary, cache: VocabCache, s: Series): Set<string> {
  const key = seriesKey(s);
  let set = cache.rowLabels.get(key);
  if (!set) cache.rowLabels.set(key, (set = new Set(vocab.rowLabels!(s).map((l) => l.toLowerCase()))));
  return set;
}

/** A period's phrases as a row label, lower case, once per period. */
function periodLabelsOf(vocab: Vocabulary, cache: VocabCache, p: Period): Set<string> {
  let set = cache.periodLabels.get(p.code);
  if (!set) cache.periodLabels.set(p.code, (set = new Set(vocab.periodPhrases(p).map((ph) => ph.toLowerCase()))));
  return set;
}

/** The phrases of some periods (as written: the mask is case-sensitive), longest first, built once per list of periods. */
function orphanPhrases(vocab: Vocabulary, periods: Period[]): string[] {
  const cache = cacheOf(vocab);
  const key = periods.map((p) => p.code).join('\u0000');
  let list = cache.orphanPhrases.get(key);
  if (!list) {
    list = [...new Set(periods.flatMap((p) => [...vocab.periodPhrases(p), ...vocab.baselinePhrases(p, 'previous'), ...vocab.baselinePhrases(p, 'year_ago')]))].sort((a, b) => b.length - a.length);
    cache.orphanPhrases.set(key, list);
  }
  return list;
}

/**
 * A table row: every figure in its cells (after the row label) is the figure of one of the row's claims, with the
 * claim's sign where the cell is signed (a level's sign is its value's).
 */
export function checkTableRow(cells: string[], claims: Claim[], vocab: Vocabulary): string[] {
  const out: string[] = [];
  // The row's label names the series of its figures: a label of one of its claims' series, or a period of theirs.
  if (vocab.rowLabels && claims.length) {
    const label = cells[0].trim().toLowerCase();
    const cache = cacheOf(vocab);
    const named = claims.some(
      (c) =>
        rowLabelsOf(vocab, cache, c.series).has(label) ||
        [c.period, ...('baseline' in c ? [c.baseline] : [])].some((code) => {
          const p = parsePeriod(code);
          return p !== undefined && periodLabelsOf(vocab, cache, p).has(label);
        }),
    );
    if (!named) out.push(`the row “${cells[0]}” names none of the series its figures are of (${claims.map(describeClaim).join('; ')})`);
  }
  for (const cell of cells.slice(1))
    for (const t of vocab.readNumbers(cell)) {
      const matching = claims.filter((c) => 'shown' in c && c.shown === t.digits);
      if (!matching.length) {
        out.push(`cell “${cell}” of the row “${cells[0]}”: the figure ${t.digits} is stated by no claim of the row`);
        continue;
      }
      if (t.sign === 0) continue;
      const signOfClaim = (c: Claim): number | undefined =>
        'sign' in c && c.sign !== undefined ? c.sign : 'value' in c && typeof c.value === 'number' ? Math.sign(c.value) : undefined;
      if (!matching.some((c) => signOfClaim(c) === t.sign)) out.push(`cell “${cell}” of the row “${cells[0]}”: the sign of ${t.digits} is against its claim (${matching.map(describeClaim).join('; ')})`);
    }
  return out;
}
