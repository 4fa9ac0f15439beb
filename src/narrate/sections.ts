// The sentences of each report section, written from its facts: what is said, in which order, and with which
// figures — each sentence with the claims its words state (src/claims.ts), built from the same values.
import { NOT_APPLICABLE, TOTAL, type Unit } from '../model.ts';
import type { BalanceFact, ChangeFact, Fact, Flag, LevelFact, Relation, ShareFact, TopFact, UnavailableFact } from '../compare/facts.ts';
import type { Period } from '../period.ts';
import { factId, partnerKey } from '../compare/ids.ts';
import { measureId, type SectionScope } from '../compare/sections.ts';
import { blockEntry, typedBlock, type TextBlock } from '../kinds/schema.ts';
import type { BalanceClaim, ChangeClaim, Claim, MostClaim, TopClaim } from '../claims.ts';
import type { ChangeItem, ListItem, MoverItem } from './locale.ts';
import type { Sentence } from '../report-model.ts';
import { flagsAt, moversComplete, marksOf, sentence, seriesOf, shareDisplay, styleOf, type Writer } from './write.ts';
import { restSentence, structureNotes } from './tables.ts';
import { byCode } from '../order.ts';

export interface WrittenSection {
  paragraphs: Sentence[][];
  notes: Sentence[];
}

/** Members listed by name: the largest, up to six, each with at least this share of its whole. */
const LIST_MAX = 6;
const LIST_MIN_SHARE = 2;

function union(...lists: (readonly Flag[] | undefined)[]): Flag[] {
  return [...new Set(lists.flatMap((l) => l ?? []))].sort();
}

/**
 * The largest members of a whole, as a list: each with its level and share (and their claims), in order, cut at
 * `max` but never between two equal values (a tie is named, not hidden); the order itself is a claim (`top`,
 * among the members with figures).
 */
export function members(w: Writer, top: TopFact | undefined, opts: { minShare?: number; max?: number } = {}): { items: ListItem[]; facts: Fact[]; claims: Claim[] } {
  if (!top) return { items: [], facts: [], claims: [] };
  const eligible = top.members.filter((m) => m.share === null || m.share >= (opts.minShare ?? LIST_MIN_SHARE));
  let n = Math.min(eligible.length, opts.max ?? LIST_MAX);
  while (n > 0 && n < eligible.length && eligible[n].value === eligible[n - 1].value) n++;
  const picked = eligible.slice(0, n);
  const facts: Fact[] = [top];
  const claims: Claim[] = [];
  const items = picked.map((m) => {
    const level = w.get(m.levelId, 'level')!;
    const share = m.shareId ? w.get(m.shareId, 'share') : undefined;
    facts.push(level);
    claims.push(w.levelClaim(level));
    if (share) {
      facts.push(share);
      claims.push(w.shareFigure(share).claim);
    }
    return { code: m.partner, value: w.num(level.value, styleOf(level.unit)), share: share ? w.pct(share.value) : undefined, marks: level.flags, shareMarks: share?.flags };
  });
  if (picked.length > 1) claims.push(topClaim(top, picked.map((m) => m.partner), 'listed'));
  return { items, facts, claims };
}

/** The order of the members named: its marks are theirs (the whole's own marks are the whole's). */
export function topClaim(top: TopFact, named: string[], scope: 'all' | 'listed'): TopClaim {
  const inputs = top.inputs.filter((i) => named.includes(i.country));
  return { what: 'top', series: { indicator: top.indicator, partner: top.whole, region: '', breakdown: '' }, period: top.period.code, marks: flagsAt(inputs, top.period), members: named, scope };
}

/** "Data … were not available" for a section's main comparison, else the change sentence. */
function changesSentence(w: Writer, scope: SectionScope, rows: { id: string; subject: string }[]): Sentence | undefined {
  const L = w.locale;
  const changes: { c: ChangeFact; subject: string }[] = [];
  const missing: UnavailableFact[] = [];
  for (const r of rows) {
    const c = w.get(r.id, 'change');
    if (c) changes.push({ c, subject: r.subject });
    const u = w.get(r.id, 'unavailable');
    if (u) missing.push(u);
  }
  if (changes.length && scope.baseline && scope.relation) {
    const items: ChangeItem[] = changes.map(({ c, subject }) => w.changeItem(subject, c));
    return sentence(L.t.changes({ baseline: L.baseline(scope.baseline, scope.relation), items }), changes.map((x) => x.c), items.map((i) => i.claim));
  }
  if (missing.length) return unavailableSentence(w, missing[0]);
  return undefined;
}

function unavailableSentence(w: Writer, u: UnavailableFact): Sentence {
  const L = w.locale;
  // Figures by country but no total: say there is no total, not that there are no data (C3).
  const members = u.partial;
  return sentence(L.t.unavailable({ subject: L.t.noun(u.subject.indicator, u.subject.partner === TOTAL ? undefined : u.subject.partner), missing: L.periodLabel(u.missing), total: members }), [u], [
    { what: 'no_data', series: seriesOf(u.subject), period: u.missing.code, marks: [], ...(members ? { total: true } : {}) },
  ]);
}

/** Members per direction in a sentence of movers. */
const MOVERS_MAX = 3;

/**
 * The movers among a whole's members compared with the baseline. When every listed member has a baseline figure
 * and there are enough of them, the largest movers down and up ("fell most", a `most` claim over all members; a
 * rise from zero is the largest rise of all); otherwise every member compared, each with its change, and no
 * "most".
 */
export function moversSentence(w: Writer, top: TopFact | undefined, changeOf: (partner: string) => ChangeFact | undefined, baseline: Period | undefined, relation: Relation): Sentence | undefined {
  if (!top || !baseline) return undefined;
  const L = w.locale;
  const compared = top.members.map((m) => changeOf(m.partner)).filter((c): c is ChangeFact => c !== undefined);
  if (compared.length === 0) return undefined;
  const movers = compared.map((c) => ({ c, m: w.moverItem(c) }));
  const complete = moversComplete({ compared: compared.length, listed: top.members.length });
  const base = { indicator: top.indicator, whole: top.whole, baseline: L.baseline(baseline, relation) };
  const claimsOf = (xs: { m: MoverItem }[]) => xs.map((x) => x.m.item.claim);
  if (!complete) {
    const byPct = (a: { c: ChangeFact }, b: { c: ChangeFact }) => (a.c.pct ?? Infinity) - (b.c.pct ?? Infinity) || byCode(a.c.subject.partner, b.c.subject.partner);
    const down = movers.filter((x) => x.m.item.direction < 0).sort(byPct);
    const up = movers.filter((x) => x.m.item.direction > 0).sort((a, b) => byPct(b, a));
    const same = movers.filter((x) => x.m.item.direction === 0);
    return sentence(L.t.movers({ ...base, down: down.map((x) => x.m), up: up.map((x) => x.m), unchanged: same.map((x) => x.m), partial: true }), [top, ...compared], [...claimsOf(down), ...claimsOf(up), ...claimsOf(same)]);
  }
  const cut = <T extends { c: ChangeFact }>(xs: T[], key: (x: T) => number) => {
    let n = Math.min(xs.length, MOVERS_MAX);
    while (n > 0 && n < xs.length && key(xs[n]) === key(xs[n - 1])) n++;
    return xs.slice(0, n);
  };
  const shownPct = (x: { c: ChangeFact }) => L.rounded(x.c.pct ?? 0, 'percent');
  const down = cut(
    movers.filter((x) => x.m.item.direction < 0 && x.c.pct !== null).sort((a, b) => a.c.pct! - b.c.pct! || byCode(a.c.subject.partner, b.c.subject.partner)),
    shownPct,
  );
  const fromZero = movers.filter((x) => x.m.item.measure === 'from_zero').sort((a, b) => b.c.to - a.c.to || byCode(a.c.subject.partner, b.c.subject.partner));
  const rising = cut(
    movers.filter((x) => x.m.item.direction > 0 && x.c.pct !== null).sort((a, b) => b.c.pct! - a.c.pct! || byCode(a.c.subject.partner, b.c.subject.partner)),
    shownPct,
  );
  const up = [...fromZero, ...rising];
  if (!down.length && !up.length) return undefined;
  // "Most" of all the whole's members only when the whole is broken down in both periods; else among those listed.
  const scope = brokenDown(w, top, baseline, compared) ? 'all' : 'listed';
  const most = (direction: 'up' | 'down', xs: { c: ChangeFact }[]): MostClaim | undefined =>
    xs.length
      ? { what: 'most', series: { indicator: top.indicator, partner: top.whole, region: '', breakdown: '' }, period: top.period.code, baseline: baseline.code, marks: union(...xs.map((x) => x.c.flags)), direction, members: xs.map((x) => x.c.subject.partner), scope }
      : undefined;
  return sentence(L.t.movers({ ...base, down: down.map((x) => x.m), up: up.map((x) => x.m), partial: false, scope }), [top, ...down.map((x) => x.c), ...up.map((x) => x.c)], [
    most('down', down),
    most('up', up),
    ...claimsOf(down),
    ...claimsOf(up),
  ]);
}

/** True when the members with figures add up (as displayed) to the whole, now and in the baseline. */
function brokenDown(w: Writer, top: TopFact, baseline: Period, compared: ChangeFact[]): boolean {
  const L = w.locale;
  const wholeChange = w.facts.all().find((f): f is ChangeFact => f.kind === 'change' && f.subject.indicator === top.indicator && f.subject.partner === top.whole && f.period.key === top.period.key && f.baseline.key === baseline.key);
  if (!wholeChange) return false;
  const style = styleOf(wholeChange.unit);
  const now = top.members.reduce((t, m) => t + m.value, 0);
  const then = compared.reduce((t, c) => t + c.from, 0);
  return L.rounded(wholeChange.to - now, style) === 0 && L.rounded(wholeChange.from - then, style) === 0;
}

function roundingNote(w: Writer, shares: (ShareFact | undefined)[], notes: Sentence[]): void {
  const present = shares.filter((s): s is ShareFact => s !== undefined);
  if (present.length < 2) return;
  const sum = present.reduce((t, s) => t + w.locale.rounded(s.value, 'percent'), 0);
  if (Math.abs(sum - 100) > 1e-9 && Math.abs(sum - 100) < 1) {
    const note = w.locale.t.roundingNote({ sum: w.pct(sum) });
    if (!notes.some((n) => n.text === note)) notes.push(sentence(note, []));
  }
}

function flagNotes(w: Writer, facts: Fact[], notes: Sentence[]): void {
  const set = new Set<Flag>();
  for (const f of facts) for (const x of f.flags) set.add(x);
  const flags = [...set].sort();
  const note = w.locale.t.flagNote(flags);
  if (note) notes.push(sentence(note, []));
}

/** The sentence for a whole whose members have no figures although the whole has ("not broken down by country"). */
export function notBrokenDown(w: Writer, indicator: string, whole: string, p: Period): Sentence {
  return sentence(w.locale.t.notBrokenDown({ subject: w.locale.t.noun(indicator, whole === TOTAL ? undefined : whole) }), [], [
    { what: 'not_broken_down', series: { indicator, partner: whole, region: '', breakdown: '' }, period: p.code, marks: [] },
  ]);
}

/** The split of a measure by group ("Of all arrivals, 3,118,045 (91.6%) came from CIS countries and …"). */
function groupSplit(w: Writer, parts: { g: string; levelId: string; shareId: string }[], indicator: string, notes: Sentence[]): Sentence | undefined {
  const present = parts.flatMap(({ g, levelId, shareId }) => {
    const level = w.get(levelId, 'level');
    const share = w.get(shareId, 'share');
    return level && share ? [{ g, level, share }] : [];
  });
  if (!present.length) return undefined;
  roundingNote(w, present.map((x) => x.share), notes);
  return sentence(
    w.locale.t.split({ indicator, parts: present.map((x) => ({ code: x.g, value: w.num(x.level.value, 'count'), share: w.pct(x.share.value), marks: union(x.level.flags, x.share.flags) })) }),
    present.flatMap((x) => [x.level, x.share]),
    present.flatMap((x) => [w.levelClaim(x.level), w.shareFigure(x.share).claim]),
  );
}

export function crossoverSentenceOf(w: Writer, f: Extract<Fact, { kind: 'crossover' }>): Sentence {
  const L = w.locale;
  const unit = w.facts.all().find((x): x is LevelFact => x.kind === 'level' && x.subject.indicator === f.indicator)?.unit ?? 'persons';
  const style = styleOf(unit);
  const marks = (partner: string) => flagsAt(f.inputs.filter((i) => i.country === partner), f.period);
  const level = (partner: string, value: number): Claim => ({
    what: 'level', series: { indicator: f.indicator, partner, region: '', breakdown: '' }, period: f.period.code, marks: marks(partner), value, display: style, shown: L.digits(value, style),
  });
  const shown = (partner: string, value: number) => L.number(value, style) + L.flagMark(marks(partner), true);
  return sentence(
    L.t.crossover({ indicator: f.indicator, overtaker: f.overtaker, overtaken: f.overtaken, now: [shown(f.overtaker, f.now[0]), shown(f.overtaken, f.now[1])], baseline: L.baseline(f.baseline, f.relation) }),
    [f],
    [
      { what: 'crossover', series: { indicator: f.indicator, partner: f.overtaker, region: '', breakdown: '' }, other: f.overtaken, period: f.period.code, baseline: f.baseline.code, marks: marksOf(f.flags) },
      level(f.overtaker, f.now[0]),
      level(f.overtaken, f.now[1]),
    ],
  );
}

function balanceClaim(w: Writer, b: BalanceFact): BalanceClaim {
  const sign = w.direction(b.value, 'count');
  return { what: 'balance', series: seriesOf(b.subject), period: b.period.code, marks: marksOf(b.flags), sign, ...(sign !== 0 ? { value: Math.abs(b.value), display: 'count' as const, shown: w.locale.digits(b.value, 'count') } : {}) };
}

/** The two sides of a balance as level claims ("21,584 issued against 12,410 terminated"). */
function sidesOf(w: Writer, b: BalanceFact): Claim[] {
  const side = (indicator: string, value: number): Claim => {
    const flags = flagsAt(b.inputs.filter((i) => i.indicator === indicator), b.period);
    return { what: 'level', series: { indicator, partner: b.subject.partner, region: b.subject.region, breakdown: b.subject.breakdown }, period: b.period.code, marks: flags, value, display: 'count', shown: w.locale.digits(value, 'count') };
  };
  return [side(b.subject.indicator, b.plus), side(b.minusIndicator, b.minus)];
}

/** A change of sign of a balance, named as the balance it is. */
export function signChangeSentenceOf(w: Writer, s: Extract<Fact, { kind: 'sign_change' }>): Sentence {
  const L = w.locale;
  const subject = L.t.balanceNoun(s.subject.indicator, s.minusIndicator, s.subject.partner === TOTAL ? undefined : s.subject.partner);
  const direction = w.direction(s.to, 'count');
  const from = w.direction(s.from, 'count');
  const marks = flagsAt(s.inputs, s.period);
  return sentence(L.t.signChange({ subject, direction, from, value: L.number(Math.abs(s.to), 'count'), marks, baseline: L.baseline(s.baseline, s.relation) }), [s], [
    { what: 'sign_change', series: seriesOf(s.subject), period: s.period.code, baseline: s.baseline.code, marks: marksOf(s.flags), sign: direction > 0 ? 1 : -1, from },
    { what: 'balance', series: seriesOf(s.subject), period: s.period.code, marks, sign: direction, value: Math.abs(s.to), display: 'count', shown: L.digits(s.to, 'count') },
  ]);
}

/** Parts of a whole that do not add up to its published total, with the claims of the three figures. */
export function partitionSentence(w: Writer, gap: Extract<Fact, { kind: 'partition' }>): Sentence {
  const L = w.locale;
  const sumMarks = flagsAt(gap.inputs.filter((i) => gap.parts.includes(i.country)), gap.period);
  const totalMarks = flagsAt(gap.inputs.filter((i) => i.country === gap.whole), gap.period);
  const restMarks = flagsAt(gap.inputs, gap.period);
  const mark = (v: number, m: Flag[]) => L.number(v, 'count') + L.flagMark(m);
  const series = { indicator: gap.indicator, partner: gap.whole, region: '', breakdown: '' };
  return sentence(L.t.partitionNote({ indicator: gap.indicator, sum: mark(gap.sumOfParts, sumMarks), total: mark(gap.total, totalMarks), gap: mark(Math.abs(gap.gap), restMarks) }), [gap], [
    { what: 'sum', series: { ...series, partner: TOTAL }, period: gap.period.code, marks: sumMarks, members: gap.parts, value: gap.sumOfParts, display: 'count', shown: L.digits(gap.sumOfParts, 'count') },
    { what: 'level', series, period: gap.period.code, marks: totalMarks, value: gap.total, display: 'count', shown: L.digits(gap.total, 'count') },
    { what: 'rest', series, period: gap.period.code, marks: restMarks, members: gap.parts, value: Math.abs(gap.gap), display: 'count', shown: L.digits(gap.gap, 'count') },
  ]);
}

/**
 * A change of a share in percentage points: the difference of the two shares as printed (writing.md, rule 5 as
 * decided for M4), so that the text's own arithmetic holds.
 */
function shareChangeSentence(w: Writer, sc: Extract<Fact, { kind: 'share_change' }>, indicator: string): Sentence {
  const L = w.locale;
  const pp = L.rounded(sc.to, 'percent') - L.rounded(sc.from, 'percent');
  const direction = w.direction(pp, 'points');
  const before = w.facts.all().find((f): f is ShareFact => f.kind === 'share' && f.period.key === sc.baseline.key && f.subject.indicator === sc.subject.indicator && f.subject.partner === sc.subject.partner);
  const now = w.facts.all().find((f): f is ShareFact => f.kind === 'share' && f.period.key === sc.period.key && f.subject.indicator === sc.subject.indicator && f.subject.partner === sc.subject.partner);
  const published = now?.published ?? false;
  return sentence(
    L.t.shareChange({
      indicator, partner: sc.subject.partner, whole: sc.whole, direction, points: L.number(Math.abs(pp), 'points') + L.flagMark(sc.flags),
      from: L.number(sc.from, before ? shareDisplay(before) : 'percent') + L.flagMark(before?.flags ?? []),
      to: L.number(sc.to, now ? shareDisplay(now) : 'percent') + L.flagMark(now?.flags ?? []),
      baseline: L.baseline(sc.baseline, sc.relation),
    }),
    [sc],
    [
      { what: 'share_change', series: seriesOf(sc.subject), whole: sc.whole, period: sc.period.code, baseline: sc.baseline.code, marks: marksOf(sc.flags), sign: direction, published, ...(direction !== 0 ? { value: Math.abs(pp), display: 'points' as const, shown: L.digits(pp, 'points') } : {}) },
      // Unchanged, the text states the share once ("was unchanged at 3.3%"): the current one.
      before && direction !== 0 ? w.shareFigure(before).claim : undefined,
      now ? w.shareFigure(now).claim : undefined,
    ],
  );
}

/** A record of a series over calendar years, as a sentence with its claim. */
export function recordSentence(w: Writer, r: Extract<Fact, { kind: 'record' }>): Sentence {
  const L = w.locale;
  const subject = r.subject.minus ? L.t.balanceNoun(r.subject.indicator, r.subject.minus) : L.t.noun(r.subject.indicator);
  // A record of a balance states its value as signed; a count's record its level.
  const value = r.subject.minus ? L.number(r.value, 'count', true) : L.number(r.value, 'count');
  return sentence(
    L.t.record({ subject, indicator: r.subject.minus ? `${r.subject.indicator}-${r.subject.minus}` : r.subject.indicator, extreme: r.extreme, value, marks: r.flags, first: L.periodLabel(r.first), count: L.number(r.count, 'count'), complete: r.complete, partOfYear: L.partOfYear(r.period) }),
    [r],
    [{ what: 'record', series: seriesOf(r.subject), period: r.period.code, marks: marksOf(r.flags), extreme: r.extreme, since: r.first.code, years: r.count, complete: r.complete, value: r.subject.minus ? r.value : Math.abs(r.value), display: 'count', shown: L.digits(r.value, 'count') }],
  );
}

/** A streak over calendar years, as a sentence with its claim. */
export function streakSentence(w: Writer, s: Extract<Fact, { kind: 'streak' }>): Sentence {
  const L = w.locale;
  const subject = s.subject.minus ? L.t.balanceNoun(s.subject.indicator, s.subject.minus) : L.t.noun(s.subject.indicator);
  return sentence(
    L.t.streak({ subject, indicator: s.subject.minus ? `${s.subject.indicator}-${s.subject.minus}` : s.subject.indicator, mode: s.mode, sign: s.sign, length: s.length, first: L.periodLabel(s.first), step: s.step, last: L.periodLabel(s.period), partOfYear: s.step === 'year' ? L.partOfYear(s.period) : undefined }),
    [s],
    [{ what: 'streak', series: seriesOf(s.subject), period: s.period.code, marks: marksOf(s.flags), mode: s.mode, sign: s.sign, length: s.length, since: s.first.code, step: s.step }],
  );
}

/** What a section's blocks are written with: the writer, the section's scope, its partner selectors expanded. */
export interface SectionContext {
  w: Writer;
  scope: SectionScope;
  /** The partners a selector names (`total`, `groups` from countries.csv, codes). */
  expand: (selectors: readonly string[]) => string[];
  /** An indicator's unit, from indicators.csv. */
  unitOf: (indicator: string) => Unit;
  /** True for a group code of countries.csv. */
  isGroup: (code: string) => boolean;
  /** The indicator a derived one (a share, a change) is of, from indicators.csv. */
  baseOf: (indicator: string) => string | undefined;
}

/** The body of a section's fact block that names a measure (its options: a structure's whole, a ratio's counts). */
export function factBodyOf(scope: SectionScope, measure: string): Record<string, unknown> | undefined {
  for (const b of scope.spec.facts) {
    const body = blockEntry(b)[1];
    if (String(body.measure ?? '') === measure) return body;
  }
  return undefined;
}

/** Helpers of one section: a measure's indicator and the ids of its facts. */
export function measureTools(c: SectionContext) {
  const { scope } = c;
  const info = (m: string) => scope.measures.get(m);
  return {
    indicator: (m: string) => info(m)?.indicator ?? '',
    minus: (m: string) => info(m)?.minus ?? '',
    id: (m: string, partner: string, kind: string) => measureId(scope.id, m, info(m), partner, kind),
  };
}

/** The published parts of a structure measure, largest first. */
export function structureLevelsOf(w: Writer, section: string, indicator: string): LevelFact[] {
  return w.facts
    .ofSection(section)
    .filter((f): f is LevelFact => f.kind === 'level' && f.subject.indicator === indicator)
    .sort((a, b) => b.value - a.value || byCode(a.id, b.id));
}

type LevelPhrase = (a: { when: string; indicator: string; value: string }) => string;
type TwoPhrase = (a: { when: string; partner?: string; arrivals?: string; departures?: string; netDirection?: -1 | 0 | 1; net?: string }) => string;
type PartsPhrase = (a: { when: string; total?: string; parts: { code: string; value: string; share?: string; marks?: Flag[] }[] }) => string;

/**
 * A measure's total and its largest parts (the level facts `<section>.<measure>.<part>.level` that `isPart` keeps),
 * largest first, cut at `max` but never between two equal values, each with its share fact where there is one.
 */
function largestParts(w: Writer, section: string, measure: string, max: number, isPart: (f: LevelFact) => boolean) {
  const total = w.get(factId(section, measure, 'level'), 'level');
  const prefix = factId(section, measure) + '.';
  const parts = w.facts
    .ofSection(section)
    .filter((f): f is LevelFact => f.kind === 'level' && f.id.startsWith(prefix) && f.id !== total?.id && isPart(f))
    .sort((x, y) => y.value - x.value || byCode(x.id, y.id));
  if (!parts.length) return undefined;
  let n = Math.min(parts.length, max);
  while (n < parts.length && parts[n].value === parts[n - 1].value) n++;
  const named = parts.slice(0, n);
  return { total, named, prefix, shares: named.map((f) => w.get(f.id.replace(/\.level$/, '.share'), 'share')) };
}

/**
 * The periods of the series blocks of some measures (levels `<section>.<measure>.periods.<period>.level`) in which
 * every one of them has a level, oldest first, in an unbroken run up to the latest: what a series sentence states
 * and a series chart draws.
 */
export function seriesRows(w: Writer, section: string, measures: string[]): { period: Period; levels: LevelFact[] }[] {
  const byMeasure = measures.map((m) => {
    const prefix = factId(section, m, 'periods') + '.';
    return new Map(w.facts.ofSection(section).filter((f): f is LevelFact => f.kind === 'level' && f.id.startsWith(prefix)).map((f) => [f.period.key, f]));
  });
  const rows = [...byMeasure[0].values()]
    .filter((f) => byMeasure.every((m) => m.has(f.period.key)))
    .sort((a, b) => a.period.end - b.period.end)
    .map((f) => ({ period: f.period, levels: byMeasure.map((m) => m.get(f.period.key)!) }));
  // Only the unbroken run up to the latest: a period missing in between would close up unseen on the chart's axis.
  let first = rows.length - 1;
  while (first > 0 && rows[first - 1].period.end === rows[first].period.start - 1) first--;
  return rows.slice(Math.max(first, 0));
}

/** The published shares of a member_shares block's members (`<section>.<measure>.<partner>.share`), largest first. */
export function memberSharesOf(w: Writer, section: string, measure: string): ShareFact[] {
  const prefix = factId(section, measure) + '.';
  return w.facts
    .ofSection(section)
    .filter((f): f is ShareFact => f.kind === 'share' && f.published && f.id.startsWith(prefix) && f.id.endsWith('.share'))
    .sort((a, b) => b.value - a.value || byCode(a.subject.partner, b.subject.partner));
}

/** One sentence block of a section (templates/<kind>/report.yaml `text:`), written from the section's facts. */
/** `opening`: no sentence of the section comes before this block's (so a sentence that names no period names it here). */
function textBlock(c: SectionContext, block: TextBlock, notes: Sentence[], opening = false): Sentence[] {
  const { w, scope } = c;
  const L = w.locale;
  const section = scope.id;
  const { indicator, minus, id } = measureTools(c);
  const when = L.periodIn(scope.period!);
  const out: Sentence[] = [];
  const phraseOf = <T>(key: string) => (L.t as unknown as Record<string, T>)[key];
  switch (block.type) {
    case 'totals': {
      const b = block.body;
      const levels = b.measures.map((m) => w.get(id(m, TOTAL, 'level'), 'level'));
      if (levels.some((l) => !l)) {
        // Not every total was published: each one there is stated on its own.
        for (const f of levels) if (f) out.push(sentence(L.t.level({ when: L.periodIn(f.period), indicator: f.subject.indicator, value: w.level(f) }), [f], [w.levelClaim(f)]));
        return out;
      }
      const [a, d] = levels as LevelFact[];
      if (b.net === undefined) {
        out.push(sentence(phraseOf<TwoPhrase>(b.phrase)({ when, arrivals: w.level(a), departures: w.level(d) }), [a, d], [w.levelClaim(a), w.levelClaim(d)]));
        return out;
      }
      const net = w.get(id(b.net, TOTAL, 'balance'), 'balance');
      if (net)
        out.push(
          sentence(phraseOf<TwoPhrase>(b.phrase)({ when, arrivals: w.level(a), departures: w.level(d), netDirection: w.direction(net.value, 'count'), net: L.number(Math.abs(net.value), 'count') + L.flagMark(net.flags) }), [a, d, net], [
            w.levelClaim(a),
            w.levelClaim(d),
            balanceClaim(w, net),
          ]),
        );
      return out;
    }
    case 'level': {
      const b = block.body;
      const f = w.get(id(b.measure, TOTAL, 'level'), 'level');
      if (f) out.push(sentence(phraseOf<LevelPhrase>(b.phrase)({ when: L.periodIn(f.period), indicator: f.subject.indicator, value: w.level(f) }), [f], [w.levelClaim(f)]));
      return out;
    }
    case 'changes': {
      const b = block.body;
      if (b.prior && scope.baseline && scope.relation) {
        // One sentence per measure: its change, then the baseline's own change a year before ("after rising …").
        for (const m of b.measures)
          for (const p of c.expand(b.partners)) {
            const now = w.get(id(m, p, 'change'), 'change');
            if (!now) {
              // No baseline figure: said, as the other change sentences say it.
              const u = w.get(id(m, p, 'change'), 'unavailable');
              if (u) out.push(unavailableSentence(w, u));
              continue;
            }
            const subject = L.t.noun(indicator(m), p === TOTAL ? undefined : p);
            const item = w.changeItem(subject, now);
            const before = w.get(id(m, p, 'change_before'), 'change');
            const prior = before ? w.changeItem(subject, before) : undefined;
            const priorBaseline = before ? L.baseline(before.baseline, before.relation) : undefined;
            // A change stated without a figure (unchanged) is said in its own sentence: its words must not run into the other's.
            const figureless = (x: ChangeItem) => x.measure === 'unchanged' || x.measure === 'virtually_unchanged';
            if (before && prior && (figureless(item) || figureless(prior))) {
              out.push(sentence(L.t.changeAfter({ baseline: L.baseline(scope.baseline, scope.relation), item }), [now], [item.claim]));
              out.push(sentence(L.t.changes({ when: L.periodIn(before.period), baseline: priorBaseline!, items: [prior] }), [before], [prior.claim]));
            } else out.push(sentence(L.t.changeAfter({ baseline: L.baseline(scope.baseline, scope.relation), item, prior, priorBaseline }), [now, before], [item.claim, prior?.claim]));
          }
        return out;
      }
      const rows = b.measures.flatMap((m) => c.expand(b.partners).map((p) => ({ id: id(m, p, 'change'), subject: L.t.noun(indicator(m), p === TOTAL ? undefined : p) })));
      const ch = changesSentence(w, scope, rows);
      if (ch) out.push(ch);
      return out;
    }
    case 'net_change': {
      const m = block.body.measure;
      const netChange = w.get(id(m, TOTAL, 'change'), 'change');
      if (netChange && scope.baseline && scope.relation) {
        // A balance's change is stated in people: a percentage of a balance misleads when it nears zero.
        const item = w.changeItem(L.t.balanceNoun(indicator(m), minus(m)), netChange, { absolute: true });
        out.push(sentence(L.t.changes({ baseline: L.baseline(scope.baseline, scope.relation), items: [item] }), [netChange], [item.claim]));
      }
      return out;
    }
    case 'sign_changes': {
      const b = block.body;
      for (const p of c.expand(b.partners)) {
        const flip = w.get(id(b.measure, p, 'sign_change'), 'sign_change');
        if (flip) out.push(signChangeSentenceOf(w, flip));
      }
      return out;
    }
    case 'streaks':
      for (const m of block.body.measures) {
        const f = w.get(factId(section, m, 'streak'), 'streak');
        if (f) out.push(streakSentence(w, f));
      }
      return out;
    case 'records':
      for (const m of block.body.measures) {
        const f = w.get(factId(section, m, 'record'), 'record');
        if (f) out.push(recordSentence(w, f));
      }
      return out;
    case 'published_shares': {
      const b = block.body;
      const [sa, sd] = b.measures.map((m) => w.get(factId(section, m, partnerKey(b.partner), 'share'), 'share'));
      // Each share with its marks (provisional, estimated, derived) as published.
      const shown = (s: ShareFact) => w.shareFigure(s).text + L.flagMark(s.flags);
      if (sa || sd)
        out.push(
          sentence(phraseOf<TwoPhrase>(b.phrase)({ when, partner: b.partner, arrivals: sa ? shown(sa) : undefined, departures: sd ? shown(sd) : undefined }), [sa, sd], [
            sa ? w.shareFigure(sa).claim : undefined,
            sd ? w.shareFigure(sd).claim : undefined,
          ]),
        );
      return out;
    }
    case 'share_changes': {
      const b = block.body;
      for (const m of b.measures) {
        const sc = w.get(factId(section, m, partnerKey(b.partner), 'share_change'), 'share_change');
        if (sc) out.push(shareChangeSentence(w, sc, indicator(m)));
      }
      return out;
    }
    case 'split': {
      const b = block.body;
      const s = groupSplit(w, c.expand(b.parts).map((g) => ({ g, levelId: id(b.measure, g, 'level'), shareId: id(b.measure, g, 'share') })), indicator(b.measure), notes);
      if (s) out.push(s);
      return out;
    }
    case 'total_and_parts':
    case 'parts': {
      const b = block.body;
      const total = block.type === 'total_and_parts' ? w.get(id(b.measure, TOTAL, 'level'), 'level') : undefined;
      const parts = c.expand(b.parts).flatMap((g) => {
        const level = w.get(id(b.measure, g, 'level'), 'level');
        const share = block.type === 'total_and_parts' ? w.get(id(b.measure, g, 'share'), 'share') : undefined;
        return level && (share || block.type === 'parts') ? [{ g, level, share }] : [];
      });
      if (block.type === 'total_and_parts' && total)
        out.push(
          sentence(
            phraseOf<PartsPhrase>(b.phrase)({ when, total: w.level(total), parts: parts.map((x) => ({ code: x.g, value: w.num(x.level.value, 'count'), share: w.pct(x.share!.value), marks: union(x.level.flags, x.share!.flags) })) }),
            [total, ...parts.flatMap((x) => [x.level, x.share!])],
            [w.levelClaim(total), ...parts.flatMap((x) => [w.levelClaim(x.level), w.shareFigure(x.share!).claim])],
          ),
        );
      if (block.type === 'parts' && parts.length)
        out.push(sentence(phraseOf<PartsPhrase>(b.phrase)({ when, parts: parts.map((x) => ({ code: x.g, value: w.level(x.level) })) }), parts.map((x) => x.level), parts.map((x) => w.levelClaim(x.level))));
      return out;
    }
    case 'partition': {
      const gap = w.get(factId(section, block.body.measure, 'partition'), 'partition');
      if (gap) out.push(partitionSentence(w, gap));
      return out;
    }
    case 'members': {
      const b = block.body;
      for (const g of c.expand(b.of)) {
        const top = w.get(id(b.measure, g, 'top'), 'top');
        // Members that cover little of their whole (the largest may be the ones without figures) are not listed as if
        // they were its main parts: a note says what they add up to instead.
        const whole = w.get(id(b.measure, g, 'level'), 'level');
        if (b.min_coverage > 0 && top?.members.length && whole && whole.value > 0 && (100 * top.members.reduce((t, m) => t + m.value, 0)) / whole.value < b.min_coverage) {
          const rest = restSentence(w, g, whole, top, true);
          if (rest && !notes.some((n) => n.text === rest.text)) notes.push(rest);
          continue;
        }
        const { items, facts, claims } = members(w, top, { minShare: b.min_share, max: b.max });
        // Where the list opens the section, it says its period: no sentence before it has (the press brief's destinations).
        if (items.length) out.push(sentence(L.t.members({ indicator: indicator(b.measure), whole: g, items, when: opening && out.length === 0 ? when : undefined }), facts, claims));
      }
      return out;
    }
    case 'movers': {
      const b = block.body;
      for (const g of c.expand(b.of)) {
        const movers = moversSentence(w, w.get(id(b.measure, g, 'top'), 'top'), (p) => w.get(id(b.measure, p, 'change'), 'change'), scope.baseline, scope.relation ?? 'previous');
        if (!movers) continue;
        out.push(movers);
        if (b.share_change === 'largest') {
          // The largest change of a share as printed (the difference of the printed shares), ties by id: the same whatever the scale.
          const printed = (x: { from: number; to: number }) => Math.abs(L.rounded(x.to, 'percent') - L.rounded(x.from, 'percent'));
          const changes = w.facts.ofSection(section).filter((f): f is Extract<Fact, { kind: 'share_change' }> => f.kind === 'share_change' && f.subject.indicator === indicator(b.measure));
          const biggest = [...changes].sort((x, y) => printed(y) - printed(x) || byCode(x.id, y.id))[0];
          if (biggest) out.push(shareChangeSentence(w, biggest, indicator(b.measure)));
        }
      }
      return out;
    }
    case 'crossovers':
      for (const f of w.facts.ofSection(section)) if (f.kind === 'crossover' && f.indicator === indicator(block.body.measure)) out.push(crossoverSentenceOf(w, f));
      return out;
    case 'money_total': {
      const m = block.body.measure;
      const ind = indicator(m);
      const total = w.get(id(m, TOTAL, 'level'), 'level');
      const change = w.get(id(m, TOTAL, 'change'), 'change');
      if (total && change && scope.baseline && scope.relation) {
        const item = w.changeItem(L.t.noun(ind), change);
        // A percentage is given with the absolute change beside it.
        const absolute = item.measure === 'pct' ? w.changeItem(L.t.noun(ind), change, { absolute: true }) : undefined;
        const beforeMarks = flagsAt(change.inputs, change.baseline);
        const before: Claim = { what: 'level', series: seriesOf(change.subject), period: change.baseline.code, marks: beforeMarks, value: change.from, display: 'money', shown: L.digits(change.from, 'money') };
        out.push(
          sentence(
            L.t.moneyTotal({ indicator: ind, when: L.periodIn(total.period), value: L.number(total.value, 'money'), marks: total.flags, item, absolute: absolute?.magnitude, baseline: L.baseline(scope.baseline, scope.relation), before: L.number(change.from, 'money') + L.flagMark(beforeMarks) }),
            [total, change],
            // From zero, the sentence states the new level once (its level claim) and the rise without a figure.
            [w.levelClaim(total), item.measure === 'from_zero' ? { ...item.claim, shown: undefined, value: undefined, display: undefined } : item.claim, absolute?.claim, item.measure === 'from_zero' || item.measure === 'unchanged' ? undefined : before],
          ),
        );
      } else if (total) {
        out.push(sentence(L.t.level({ when: L.periodIn(total.period), indicator: ind, value: w.level(total) }), [total], [w.levelClaim(total)]));
        const ch = changesSentence(w, scope, [{ id: id(m, TOTAL, 'change'), subject: L.t.noun(ind) }]);
        if (ch) out.push(ch);
      }
      return out;
    }
    case 'balances': {
      const b = block.body;
      const balances = c.expand(b.partners).flatMap((g) => w.get(id(b.measure, g, 'balance'), 'balance') ?? []);
      if (balances.length)
        out.push(
          sentence(
            L.t.balances({
              when,
              items: balances.map((x) => ({ code: x.subject.partner, direction: w.direction(x.value, 'count'), value: L.number(Math.abs(x.value), 'count'), marks: x.flags, plus: L.number(x.plus, 'count'), minus: L.number(x.minus, 'count') })),
            }),
            balances,
            balances.flatMap((x) => [balanceClaim(w, x), ...sidesOf(w, x)]),
          ),
        );
      return out;
    }
    case 'structure':
      for (const m of block.body.measures) {
        const ind = indicator(m);
        const levels = structureLevelsOf(w, section, ind);
        if (!levels.length) continue;
        const key = (f: LevelFact) => f.id.split('.')[2];
        out.push(sentence(L.t.structure({ indicator: ind, when: L.periodIn(levels[0].period), items: levels.map((f) => ({ key: key(f), value: w.level(f) })) }), levels, levels.map((f) => w.levelClaim(f))));
        // A whole (age groups) may round off 100; a partial breakdown leaves a remainder the source does not break down.
        for (const n of structureNotes(w, ind, levels, factBodyOf(scope, m)?.whole === true)) if (!notes.some((x) => x.text === n.text)) notes.push(n);
      }
      return out;
    case 'series_ends': {
      // The first and the last period of a series the section's chart draws, with each measure's level in both.
      const b = block.body;
      const rows = seriesRows(w, section, b.measures);
      if (rows.length < b.min_periods) return out;
      const [first, last] = [rows[0], rows[rows.length - 1]];
      const levels = [...first.levels, ...last.levels];
      out.push(
        sentence(
          L.t.seriesEnds({ first: L.periodIn(first.period), last: L.periodIn(last.period), items: b.measures.map((m, i) => ({ indicator: indicator(m), from: w.level(first.levels[i]), to: w.level(last.levels[i]) })) }),
          levels,
          levels.map((f) => w.levelClaim(f)),
        ),
      );
      return out;
    }
    case 'member_shares': {
      // The largest members by their published shares, then what the shares of every member leave of 100 per cent.
      const b = block.body;
      const all = memberSharesOf(w, section, b.measure);
      if (!all.length) return out;
      let n = Math.min(all.length, b.max);
      while (n < all.length && all[n].value === all[n - 1].value) n++;
      const named = all.slice(0, n);
      const ind = indicator(b.measure);
      const p = named[0].period;
      const whole = named[0].whole;
      const claims: Claim[] = named.map((f) => w.shareFigure(f).claim);
      if (named.length > 1)
        claims.push({ what: 'top', series: { indicator: ind, partner: whole, region: '', breakdown: '' }, period: p.code, marks: union(...named.map((f) => f.flags)), members: named.map((f) => f.subject.partner), scope: 'listed' });
      out.push(sentence(L.t.memberShares({ indicator: ind, when: L.periodIn(p), items: named.map((f) => ({ code: f.subject.partner, value: w.shareFigure(f).text, marks: f.flags })) }), named, claims));
      const rest = 100 - all.reduce((t, f) => t + L.rounded(f.value, 'percent'), 0);
      if (L.rounded(rest, 'percent') > 0) {
        const marks = union(...all.map((f) => f.flags));
        out.push(
          sentence(L.t.sharesRest({ indicator: ind, rest: L.number(rest, 'percent') + L.flagMark(marks) }), all, [
            { what: 'rest', series: { indicator: ind, partner: whole, region: '', breakdown: '' }, period: p.code, marks, members: all.map((f) => f.subject.partner), value: rest, display: 'percent', shown: L.digits(rest, 'percent') },
          ]),
        );
      }
      return out;
    }
    case 'by_region':
    case 'breakdown': {
      // The total and its largest parts (by region, or by one breakdown key), each with its share of the total where
      // the total was published.
      const b = block.body;
      const parts = largestParts(w, section, b.measure, b.max, block.type === 'by_region' ? (f) => f.subject.region !== '' : (f) => f.subject.breakdown !== '');
      if (!parts) return out;
      const { total, named, shares, prefix } = parts;
      const share = (i: number) => (shares[i] ? w.shareFigure(shares[i]!).text + L.flagMark(shares[i]!.flags) : undefined);
      const common = { indicator: indicator(b.measure), when: L.periodIn(named[0].period), total: total ? w.level(total) : undefined };
      out.push(
        sentence(
          block.type === 'by_region'
            ? L.t.regionShares({ ...common, items: named.map((f, i) => ({ code: f.subject.region, value: w.level(f), share: share(i) })) })
            : L.t.breakdownShares({ ...common, items: named.map((f, i) => ({ key: f.id.slice(prefix.length).replace(/\.level$/, ''), value: w.level(f), share: share(i) })) }),
          [total, ...named, ...shares],
          [total ? w.levelClaim(total) : undefined, ...named.map((f) => w.levelClaim(f)), ...shares.map((x) => (x ? w.shareFigure(x).claim : undefined))],
        ),
      );
      return out;
    }
    case 'ratio': {
      const m = block.body.measure;
      const r = w.get(factId(section, m, 'ratio'), 'ratio');
      if (!r) return out;
      const counts = String(factBodyOf(scope, m)?.counts ?? indicator(m));
      const baseline = L.baseline(r.baseline, 'year_ago');
      if (r.published) {
        // A published ratio is stated as published, to the precision it was published with.
        const d = w.direction(r.value - 1, 'ratio');
        out.push(
          sentence(L.t.ratio({ when: L.periodIn(r.period), indicator: counts, value: L.number(r.value, 'ratio'), baseline, direction: d }), [r], [
            { what: 'ratio', series: seriesOf(r.subject), period: r.period.code, baseline: r.baseline.code, marks: marksOf(r.flags), measure: 'times', sign: d, value: r.value, display: 'ratio', shown: L.digits(r.value, 'ratio') },
          ]),
        );
      } else if (r.from !== null && r.to !== null) {
        // Counts behind it: a change like any other (percentage, "n times as many", unchanged).
        const change: ChangeFact = { ...r, kind: 'change', relation: 'year_ago', from: r.from, to: r.to, abs: r.to - r.from, pct: r.from === 0 ? null : (100 * (r.to - r.from)) / Math.abs(r.from), unit: 'persons' };
        const item = w.changeItem(L.t.noun(counts), change);
        out.push(sentence(L.t.changes({ when: L.periodIn(r.period), baseline, items: [item] }), [r], [item.claim]));
      }
      return out;
    }
    case 'published_change': {
      // Said of the series it is a change of (its base in indicators.csv), to the precision it was published with.
      const f = w.get(factId(section, block.body.measure, 'change'), 'published_change');
      if (!f) return out;
      const direction = w.direction(f.value, 'percent');
      const claim: ChangeClaim = {
        what: 'change', series: seriesOf(f.subject), period: f.period.code, baseline: f.baseline.code, marks: marksOf(f.flags),
        measure: 'pct', sign: direction, published: true, value: Math.abs(f.value), display: 'percent', shown: L.digits(f.value, 'percent'),
      };
      const base = c.baseOf(f.subject.indicator) ?? f.subject.indicator;
      const item: ChangeItem = { subject: L.t.noun(base), series: claim.series, direction, measure: direction === 0 ? 'unchanged' : 'pct', magnitude: L.number(Math.abs(f.value), 'percent'), flags: f.flags, claim };
      out.push(sentence(L.t.changes({ when: L.periodIn(f.period), baseline: L.baseline(f.baseline, 'year_ago'), items: [item] }), [f], [direction === 0 ? { ...claim, measure: 'unchanged', value: undefined, shown: undefined, display: undefined } : claim]));
      return out;
    }
    case 'positive_regions': {
      const m = block.body.measure;
      const ind = indicator(m);
      const sel = w.get(factId(section, m, 'positive', 'selection'), 'selection');
      const withData = w.facts.ofSection(section).filter((f) => f.kind === 'level' && f.subject.indicator === ind).length;
      if (!sel || sel.count === 0) return out;
      const of = withData < w.regions ? L.number(withData, 'count') : undefined;
      const levels = sel.members.map((x) => w.get(x.levelId, 'level')!);
      const series = { indicator: ind, partner: NOT_APPLICABLE, region: '', breakdown: '' };
      const claims: Claim[] = [
        { what: 'count', series, period: sel.period.code, marks: [], rule: 'positive', scope: of ? 'listed' : 'all', value: sel.count, display: 'count', shown: L.digits(sel.count, 'count') },
        ...levels.map((l) => w.levelClaim(l)),
      ];
      if (of) claims.push({ what: 'count', series, period: sel.period.code, marks: [], rule: 'with_data', scope: 'listed', value: withData, display: 'count', shown: L.digits(withData, 'count') });
      out.push(
        sentence(
          L.t.positiveRegions({ when: L.periodIn(sel.period), count: L.number(sel.count, 'count'), of, items: levels.map((l) => ({ code: l.subject.region, value: w.num(l.value, 'count'), marks: l.flags })) }),
          [sel, ...levels],
          claims,
        ),
      );
      return out;
    }
  }
}

/** Writes one section's sentences from its spec; a section without data gets a single sentence saying so. */
export function writeSection(c: SectionContext, report: Period): WrittenSection {
  const { w, scope } = c;
  if (!scope.period) {
    // Names as the locale writes them mid-sentence (never lower-cased by code: "ethnic Kazakhs", "Kandas").
    const what = scope.indicators.map((i) => w.locale.t.noun(i));
    const claims: Claim[] = scope.indicators.map((i) => ({ what: 'no_data', series: { indicator: i, partner: TOTAL, region: '', breakdown: '' }, period: report.code, marks: [] }));
    return { paragraphs: [[{ ...sentence(w.locale.t.missingSection({ what: w.locale.list(what) }), [], claims), indicators: [...scope.indicators] }]], notes: [] };
  }
  const notes: Sentence[] = [];
  let written = 0;
  const paragraphs = scope.spec.text
    .map((para) =>
      para.flatMap((b) => {
        const out = textBlock(c, typedBlock<TextBlock>(b), notes, written === 0);
        written += out.length;
        return out;
      }),
    )
    .filter((p) => p.length);
  flagNotes(w, w.facts.ofSection(scope.id), notes);
  return { paragraphs, notes };
}

export { styleOf };
