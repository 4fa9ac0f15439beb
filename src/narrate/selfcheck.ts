// The self-check: every figure of a rendered sentence is read back and matched to a fact it was written from;
// a figure with no fact, a sign or direction word against its fact, or "by −n" stops the build.
import { NOT_APPLICABLE, TOTAL, type Reference, type Unit } from '../model.ts';
import type { Period } from '../period.ts';
import type { Fact, FactSet } from '../compare/facts.ts';
import { UserError } from '../errors.ts';
import { narrateMessages } from '../messages/index.ts';
import type { Direction, Locale, Style } from './locale.ts';
import type { Sentence } from '../report-model.ts';
import { styleOf } from './write.ts';

/** A figure a fact can show: its digits, and for a movement its sign (checked against direction words). */
interface Displayable {
  digits: string;
  factId: string;
  /** 'value': a level; 'move': an unsigned magnitude whose direction a word states; 'ratio': "n times". */
  role: 'value' | 'move' | 'ratio';
  sign: Direction;
  /** The partners (or regions) the figure is about; empty for totals and partner-free figures. */
  partners: string[];
}

/** The partner or region a subject is about ('' for totals and `_Z`). */
function about(s: { partner: string; region: string }): string {
  if (s.region) return s.region;
  return s.partner === TOTAL || s.partner === NOT_APPLICABLE ? '' : s.partner;
}

function displayables(f: Fact, L: Locale, unitOf: (indicator: string) => Unit): Displayable[] {
  const out: Displayable[] = [];
  let partners: string[] = 'subject' in f ? [about(f.subject)].filter(Boolean) : [];
  const add = (v: number | null | undefined, style: Style, role: Displayable['role'] = 'value', sign: Direction = 0) => {
    if (v === null || v === undefined || !Number.isFinite(v)) return;
    out.push({ digits: L.digits(v, style), factId: f.id, role, sign, partners });
  };
  const dir = (v: number, style: Style): Direction => {
    const r = L.rounded(v, style);
    return r > 0 ? 1 : r < 0 ? -1 : 0;
  };
  switch (f.kind) {
    case 'level':
      add(f.value, styleOf(f.unit));
      break;
    case 'change': {
      const style = styleOf(f.unit);
      add(f.from, style);
      add(f.to, style);
      add(Math.abs(f.abs), style, 'move', dir(f.abs, style));
      if (f.pct !== null) add(Math.abs(f.pct), 'percent', 'move', dir(f.pct, 'percent'));
      if (f.from !== 0) add(f.to / f.from, 'ratio', 'ratio', f.to / f.from > 1 ? 1 : -1);
      break;
    }
    case 'share':
      add(f.value, 'percent');
      add(f.part, styleOf(unitOf(f.subject.indicator)));
      add(f.total, styleOf(unitOf(f.subject.indicator)));
      break;
    case 'share_change':
      add(f.from, 'percent');
      add(f.to, 'percent');
      add(Math.abs(f.pp), 'points', 'move', dir(f.pp, 'points'));
      break;
    case 'rank':
      add(f.rank, 'count');
      add(f.of, 'count');
      break;
    case 'crossover':
      [f.now[0], f.before[0]].forEach((v) => ((partners = [f.overtaker]), add(v, styleOf(unitOf(f.indicator)))));
      [f.now[1], f.before[1]].forEach((v) => ((partners = [f.overtaken]), add(v, styleOf(unitOf(f.indicator)))));
      break;
    case 'top':
      for (const m of f.members) {
        partners = [m.partner];
        add(m.value, styleOf(unitOf(f.indicator)));
        add(m.share, 'percent');
      }
      break;
    case 'balance':
      add(f.plus, 'count');
      add(f.minus, 'count');
      add(Math.abs(f.value), 'count', 'move', dir(f.value, 'count'));
      break;
    case 'sign_change':
      add(Math.abs(f.to), 'count', 'move', dir(f.to, 'count'));
      add(Math.abs(f.from), 'count', 'move', dir(f.from, 'count'));
      break;
    case 'ratio':
      add(f.value, 'ratio', 'ratio', f.value > 1 ? 1 : f.value < 1 ? -1 : 0);
      add(Math.abs(100 * (f.value - 1)), 'percent', 'move', dir(f.value - 1, 'percent'));
      add(f.from, 'count');
      add(f.to, 'count');
      break;
    case 'record':
      add(f.value, styleOf(unitOf(f.subject.indicator)));
      add(f.count, 'count');
      break;
    case 'streak':
      add(f.length, 'count');
      break;
    case 'partition':
      add(f.total, styleOf(unitOf(f.indicator)));
      add(f.sumOfParts, styleOf(unitOf(f.indicator)));
      add(Math.abs(f.gap), styleOf(unitOf(f.indicator)));
      break;
    case 'selection':
      add(f.count, 'count');
      for (const m of f.members) {
        partners = [m.key];
        add(m.value, styleOf(unitOf(f.indicator)));
      }
      break;
    case 'movers':
    case 'unavailable':
      break;
  }
  return out;
}

function periodsOfFact(f: Fact): Period[] {
  const out: Period[] = [];
  for (const k of ['period', 'baseline', 'missing', 'first'] as const) {
    const p = (f as unknown as Record<string, Period | null | undefined>)[k];
    if (p && typeof p === 'object' && 'key' in p) out.push(p);
  }
  return out;
}

/** The phrases a locale writes for a period (in, label, both baselines), each also capitalised; per locale and period code. */
const periodPhrases = new WeakMap<Locale, Map<string, string[]>>();

function phrasesOf(p: Period, L: Locale): string[] {
  let byCode = periodPhrases.get(L);
  if (!byCode) periodPhrases.set(L, (byCode = new Map()));
  let list = byCode.get(p.code);
  if (!list) {
    const plain = [L.periodIn(p), L.periodLabel(p), L.baseline(p, 'previous'), L.baseline(p, 'year_ago')].filter(Boolean);
    byCode.set(p.code, (list = [...new Set([...plain, ...plain.map((x) => L.capitalise(x))])]));
  }
  return list;
}

/**
 * Spans of a sentence blanked out before its figures are read (names and period phrases). A span is found in the
 * text as blanked so far, as if each were replaced by spaces in turn, but the string is built once at the end.
 */
class Mask {
  private readonly blank: Uint8Array;

  constructor(readonly text: string) {
    this.blank = new Uint8Array(text.length);
  }

  /** Whether the character at `i` is a letter or digit that is still shown (blanked ones read as spaces). */
  private letterAt(i: number): boolean {
    return i >= 0 && i < this.text.length && this.blank[i] === 0 && isLetter(this.text[i]);
  }

  private shown(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.blank[i]) return false;
    return true;
  }

  /** Blanks every occurrence of `phrase` not yet blanked; `wholeWords`: only where no letter touches it. Returns the starts. */
  cover(phrase: string, wholeWords: boolean): number[] {
    const starts: number[] = [];
    for (let i = this.text.indexOf(phrase); i >= 0; i = this.text.indexOf(phrase, i + 1)) {
      const end = i + phrase.length;
      if (!this.shown(i, end)) continue;
      if (wholeWords && (this.letterAt(i - 1) || this.letterAt(end))) continue;
      this.blank.fill(1, i, end);
      starts.push(i);
    }
    return starts;
  }

  toString(): string {
    let out = '';
    let from = 0;
    for (let i = 0; i < this.text.length; i++)
      if (this.blank[i]) {
        let j = i;
        while (j < this.text.length && this.blank[j]) j++;
        out += this.text.slice(from, i) + ' '.repeat(j - i);
        from = j;
        i = j - 1;
      }
    return out + this.text.slice(from);
  }
}

/** Blanks out the spans of the text that are period phrases of the facts (their digits are dates, not figures). */
function maskPeriods(mask: Mask, facts: Fact[], L: Locale): void {
  const text = mask.text;
  const codes = new Set<string>();
  const phrases: string[] = [];
  for (const f of facts)
    for (const p of periodsOfFact(f))
      if (!codes.has(p.code)) {
        codes.add(p.code);
        // Only the phrases the text contains: most are not there.
        for (const ph of phrasesOf(p, L)) if (!phrases.includes(ph) && text.includes(ph)) phrases.push(ph);
      }
  // Longest first, so "the previous quarter (July–September 2023)" goes before "July–September 2023".
  for (const ph of phrases.sort((a, b) => b.length - a.length)) mask.cover(ph, false);
}

/** The indicator a fact is about ('' for none). */
function indicatorOf(f: Fact): string {
  return 'subject' in f ? f.subject.indicator : 'indicator' in f ? f.indicator : '';
}

/** A partner (or region) name found in a sentence. */
interface Mention {
  code: string;
  start: number;
  end: number;
}

/** Partner and region codes a sentence's facts speak of (the names the sentence engine inserted). */
function codesOf(facts: Fact[]): string[] {
  const codes = new Set<string>();
  const add = (c: string | undefined) => c && c !== TOTAL && c !== NOT_APPLICABLE && codes.add(c);
  for (const f of facts) {
    if ('subject' in f) add(about(f.subject));
    if ('whole' in f) add(f.whole);
    if (f.kind === 'crossover') [f.overtaker, f.overtaken].forEach(add);
    if (f.kind === 'top') f.members.forEach((m) => add(m.partner));
    if (f.kind === 'selection') f.members.forEach((m) => add(m.key));
  }
  return [...codes];
}

/** The forms of each partner's name a locale writes, per locale (asked for every sentence). */
const nameForms = new WeakMap<Locale, Map<string, string[]>>();

const LETTER = /[\p{L}\p{N}]/u;
const isLetter = (ch: string | undefined) => ch !== undefined && LETTER.test(ch);

/**
 * Blanks out the partner, region and indicator names of the sentence's facts (a name may contain digits:
 * they are not figures) and returns where each partner was named. Longest names first, so "non-CIS
 * countries" is not read as "CIS countries"; whole words only.
 */
function maskNames(mask: Mask, facts: Fact[], L: Locale, reference: Reference, indicators: string[] = []): Mention[] {
  const text = mask.text;
  // Only names the text contains (most facts' names are not in it), each once.
  const names: { name: string; code: string }[] = [];
  const consider = (name: string, code: string) => {
    if (name && text.includes(name) && !names.some((n) => n.name === name && n.code === code)) names.push({ name, code });
  };
  let forms = nameForms.get(L);
  if (!forms) nameForms.set(L, (forms = new Map()));
  for (const code of codesOf(facts)) {
    let list = forms.get(code);
    if (!list) {
      const all = reference.regions.has(code) && !reference.countries.has(code) ? [L.region(code)] : [L.partner(code), L.partner(code, true), L.partnerLabel(code)];
      forms.set(code, (list = [...new Set(all)].filter(Boolean)));
    }
    for (const name of list) consider(name, code);
  }
  for (const f of facts) {
    const ind = indicatorOf(f);
    if (ind) consider(L.indicatorName(ind), '');
  }
  // Indicators a sentence names without facts: both the reference's name and the locale's phrase for it.
  for (const ind of indicators) for (const name of [L.indicatorName(ind), L.t.noun(ind), L.capitalise(L.t.noun(ind))]) consider(name, '');
  names.sort((a, b) => b.name.length - a.name.length);
  const mentions: Mention[] = [];
  for (const { name, code } of names) for (const start of mask.cover(name, true)) if (code) mentions.push({ code, start, end: start + name.length });
  return mentions;
}

/** Clause boundaries: ; : , and full stops that are not inside numbers, and the joining words of lists. */
function clauseBounds(text: string): number[] {
  const bounds = [0];
  const re = /[;:]|,(?!\d)|\.(?!\d)|\b(?:and|while)\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) bounds.push(m.index);
  bounds.push(text.length);
  return bounds;
}

/** The direction word closest before `index` in the same clause (a clause ends at ; : . or a number). */
function directionBefore(text: string, index: number, L: Locale, previousNumberEnd: number): { word: string; sign: Direction } | undefined {
  const start = Math.max(previousNumberEnd, text.lastIndexOf(';', index) + 1, text.lastIndexOf(':', index) + 1);
  const words = text.slice(start, index).toLowerCase().match(/[\p{L}]+/gu) ?? [];
  for (let i = words.length - 1; i >= 0; i--) if (words[i] in L.directionWords) return { word: words[i], sign: L.directionWords[words[i]] };
  return undefined;
}

/** The locale's words that state "no change", each with its whole-word pattern (compiled once per locale). */
const zeroWordCache = new WeakMap<Locale, [string, RegExp][]>();

function zeroWords(L: Locale): [string, RegExp][] {
  let list = zeroWordCache.get(L);
  if (!list) {
    list = Object.entries(L.directionWords)
      .filter(([, sign]) => sign === 0)
      .map(([word]): [string, RegExp] => [word, new RegExp(`\\b${word}\\b`, 'u')]);
    zeroWordCache.set(L, list);
  }
  return list;
}

/** "by −5%": a signed number after a direction verb. */
const SIGNED_MAGNITUDE = /\bby\s*[-\u2212+]\s*\d/;

/** A magnitude after "by" with no verb of its own since the previous figure (gapping: "and departures by 5%"). */
const ELIDED_VERB = /\bby\s*$/;

/** Checks one sentence; throws a UserError naming it on the first problem. */
export function checkSentence(s: Sentence, facts: FactSet, L: Locale, reference: Reference, memo = new Map<string, Displayable[]>()): void {
  const used: Fact[] = [];
  for (const id of s.factIds) {
    const f = facts.byId.get(id);
    if (!f) continue;
    used.push(f);
    // Facts behind list facts (movers → their changes) count too.
    if (f.kind === 'movers') for (const c of f.changeIds) used.push(facts.byId.get(c)!);
  }
  const unitOf = (indicator: string): Unit => reference.indicators.get(indicator)?.unit ?? 'persons';
  const shown: Displayable[] = [];
  for (const f of used) {
    let d = memo.get(f.id);
    if (!d) memo.set(f.id, (d = displayables(f, L, unitOf)));
    for (const x of d) shown.push(x);
  }
  if (SIGNED_MAGNITUDE.test(s.text)) throw new UserError(narrateMessages.signedMagnitude(s.text));
  // Digits inside the indicator names (asked for only when a figure matches no fact).
  let nameDigitSet: Set<string> | undefined;
  const nameDigits = () => (nameDigitSet ??= new Set(used.flatMap((f) => L.indicatorName(indicatorOf(f)).match(/\d+/g) ?? [])));
  const mask = new Mask(s.text);
  const mentions = maskNames(mask, used, L, reference, s.indicators);
  maskPeriods(mask, used, L);
  const text = mask.toString();
  const bounds = clauseBounds(text);
  let previousEnd = 0;
  let lastWord: { word: string; sign: Direction } | undefined;
  for (const n of L.readNumbers(text)) {
    const candidates = shown.filter((d) => d.digits === n.digits);
    if (candidates.length === 0) {
      // A year that defines the indicator ("returned since 1991") is part of its name, not a figure.
      if (n.sign === 0 && nameDigits().has(n.digits)) {
        previousEnd = n.end;
        continue;
      }
      throw new UserError(narrateMessages.numberWithoutFact(s.text, n.digits));
    }
    // A figure in a clause that names partners must belong to one of them (or be a total, about no partner).
    const from = bounds.filter((b) => b <= n.index).pop() ?? 0;
    const to = bounds.find((b) => b >= n.end) ?? text.length;
    const near = mentions.filter((m) => m.start >= from && m.end <= to).map((m) => m.code);
    if (near.length && !candidates.some((c) => c.partners.length === 0 || c.partners.some((p) => near.includes(p))))
      throw new UserError(narrateMessages.figureWrongSubject(s.text, n.digits, [...new Set(near)].map((c) => L.partner(c))));
    const timesAfter = () => {
      let j = n.end;
      while (j < text.length && /\s/.test(text[j])) j++;
      return text.slice(j, j + L.timesWord.length).toLowerCase() === L.timesWord;
    };
    const moves = candidates.filter((c) => c.role === 'move' || (c.role === 'ratio' && timesAfter()));
    const values = candidates.filter((c) => c.role === 'value');
    if (n.sign !== 0) {
      // A signed figure (tables, parenthetical lists): its sign must be its fact's.
      if (!candidates.some((c) => c.role !== 'value' && c.sign === n.sign))
        throw new UserError(narrateMessages.directionContradicts(s.text, n.sign > 0 ? '+' : '−', candidates[0].factId));
    } else if (moves.length && !values.length) {
      // A figure in brackets right after another ("by 166.8 million USD (19.8%)") shares its direction word, and so
      // does one whose verb is elided ("… fell by 40.4% and from Uzbekistan by 23.9%"): its fact's sign is still checked.
      const gap = text.slice(previousEnd, n.index);
      const word = directionBefore(text, n.index, L, previousEnd) ?? (gap.includes('(') || ELIDED_VERB.test(gap) ? lastWord : undefined);
      lastWord = word;
      const ratio = moves.find((c) => c.role === 'ratio');
      if (ratio) {
        if (ratio.sign <= 0) throw new UserError(narrateMessages.directionContradicts(s.text, L.timesWord, ratio.factId));
      } else if (!word) throw new UserError(narrateMessages.directionContradicts(s.text, '(none)', moves[0].factId));
      else if (!moves.some((c) => c.sign === word.sign)) throw new UserError(narrateMessages.directionContradicts(s.text, word.word, moves[0].factId));
    }
    previousEnd = n.end;
  }
  // "Unchanged" must belong to a change that displays as zero.
  const lower = s.text.toLowerCase();
  for (const [word, re] of zeroWords(L))
    if (re.test(lower)) {
      const still = used.some(
        (f) =>
          (f.kind === 'change' && L.rounded(f.abs, styleOf(f.unit)) === 0 && (f.pct === null || L.rounded(f.pct, 'percent') === 0)) ||
          (f.kind === 'share_change' && L.rounded(f.pp, 'points') === 0) ||
          (f.kind === 'balance' && L.rounded(f.value, 'count') === 0),
      );
      if (!still) throw new UserError(narrateMessages.directionContradicts(s.text, word, used[0]?.id ?? '(none)'));
    }
}

/** Checks every sentence of a report. */
export function selfCheck(sentences: Sentence[], facts: FactSet, L: Locale, reference: Reference): void {
  const memo = new Map<string, Displayable[]>();
  for (const s of sentences) checkSentence(s, facts, L, reference, memo);
}
