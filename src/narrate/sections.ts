// The sentences of each report section, written from its facts: what is said, in which order, and with which
// figures — each sentence with the claims its words state (src/claims.ts), built from the same values.
import { TOTAL } from '../model.ts';
import type { BalanceFact, ChangeFact, Fact, Flag, LevelFact, ShareFact, TopFact, UnavailableFact } from '../compare/facts.ts';
import type { Period } from '../period.ts';
import { factId, partnerKey } from '../compare/ids.ts';
import type { SectionScope } from '../compare/sections.ts';
import type { BalanceClaim, Claim, MostClaim, TopClaim } from '../claims.ts';
import type { ChangeItem, ListItem, MoverItem } from './locale.ts';
import type { Sentence } from '../report-model.ts';
import { flagsAt, moversComplete, marksOf, sentence, seriesOf, shareDisplay, styleOf, type Writer } from './write.ts';
import { structureNotes } from './tables.ts';
import { byCode } from '../order.ts';

export interface WrittenSection {
  paragraphs: Sentence[][];
  notes: Sentence[];
}

const GROUPS = ['CIS', 'NONCIS'];
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
export function moversSentence(w: Writer, top: TopFact | undefined, changeOf: (partner: string) => ChangeFact | undefined, baseline: Period | undefined, relation: 'previous' | 'year_ago'): Sentence | undefined {
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
function groupSplit(w: Writer, section: string, m: string, indicator: string, notes: Sentence[]): Sentence | undefined {
  const parts = GROUPS.flatMap((g) => {
    const level = w.get(factId(section, m, partnerKey(g), 'level'), 'level');
    const share = w.get(factId(section, m, partnerKey(g), 'share'), 'share');
    return level && share ? [{ g, level, share }] : [];
  });
  if (!parts.length) return undefined;
  roundingNote(w, parts.map((x) => x.share), notes);
  return sentence(
    w.locale.t.split({ indicator, parts: parts.map((x) => ({ code: x.g, value: w.num(x.level.value, 'count'), share: w.pct(x.share.value), marks: union(x.level.flags, x.share.flags) })) }),
    parts.flatMap((x) => [x.level, x.share]),
    parts.flatMap((x) => [w.levelClaim(x.level), w.shareFigure(x.share).claim]),
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

// ── IOM quarterly ───────────────────────────────────────────────────────────────────────────

function flows(w: Writer, scope: SectionScope): WrittenSection {
  const L = w.locale;
  const notes: Sentence[] = [];
  const p = scope.period!;
  const when = L.periodIn(p);
  const paragraphs: Sentence[][] = [];
  const lv = (m: string, partner: string) => w.get(factId('flows', m, partnerKey(partner), 'level'), 'level');
  const totA = lv('arrivals', TOTAL);
  const totD = lv('departures', TOTAL);
  const first: Sentence[] = [];
  if (totA && totD) first.push(sentence(L.t.flowTotals({ when, arrivals: w.level(totA), departures: w.level(totD) }), [totA, totD], [w.levelClaim(totA), w.levelClaim(totD)]));
  const totalChange = changesSentence(w, scope, [
    { id: 'flows.arrivals.total.change', subject: L.t.noun('border_arrivals') },
    { id: 'flows.departures.total.change', subject: L.t.noun('border_departures') },
  ]);
  if (totalChange) first.push(totalChange);
  paragraphs.push(first);
  for (const [m, indicator] of [
    ['arrivals', 'border_arrivals'],
    ['departures', 'border_departures'],
  ] as const) {
    const para: Sentence[] = [];
    const split = groupSplit(w, 'flows', m, indicator, notes);
    if (split) para.push(split);
    for (const g of GROUPS) {
      const { items, facts, claims } = members(w, w.get(factId('flows', m, partnerKey(g), 'top'), 'top'));
      if (items.length) para.push(sentence(L.t.members({ indicator, whole: g, items }), facts, claims));
    }
    // Quarter-on-quarter: groups, then the movers within each group, and any crossover.
    const ch = changesSentence(w, scope, GROUPS.map((g) => ({ id: factId('flows', m, partnerKey(g), 'change'), subject: L.t.noun(indicator, g) })));
    if (ch) para.push(ch);
    for (const g of GROUPS) {
      const movers = moversSentence(w, w.get(factId('flows', m, partnerKey(g), 'top'), 'top'), (c) => w.get(factId('flows', m, partnerKey(c), 'change'), 'change'), scope.baseline, 'previous');
      if (movers) para.push(movers);
    }
    for (const f of w.facts.ofSection('flows')) if (f.kind === 'crossover' && f.indicator === indicator) para.push(crossoverSentenceOf(w, f));
    paragraphs.push(para);
  }
  flagNotes(w, w.facts.ofSection('flows'), notes);
  return { paragraphs, notes };
}

function trp(w: Writer, scope: SectionScope): WrittenSection {
  const L = w.locale;
  const notes: Sentence[] = [];
  const total = w.get('trp.total.level', 'level');
  const para: Sentence[] = [];
  if (total) para.push(sentence(L.t.trpTotal({ when: L.periodIn(total.period), value: w.level(total) }), [total], [w.levelClaim(total)]));
  const { items, facts, claims } = members(w, w.get('trp.total.top', 'top'), { minShare: 1 });
  if (items.length) para.push(sentence(L.t.members({ indicator: 'trp_holders', whole: TOTAL, items }), facts, claims));
  const ch = changesSentence(w, scope, [{ id: 'trp.total.change', subject: L.t.noun('trp_holders') }]);
  if (ch) para.push(ch);
  flagNotes(w, w.facts.ofSection('trp'), notes);
  return { paragraphs: [para], notes };
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

function prp(w: Writer, scope: SectionScope): WrittenSection {
  const L = w.locale;
  const notes: Sentence[] = [];
  const when = L.periodIn(scope.period!);
  const paragraphs: Sentence[][] = [];
  const lv = (m: string, partner: string) => w.get(factId('prp', m, partnerKey(partner), 'level'), 'level');
  // Issued: total and the split by group, then the countries of each group.
  const issued: Sentence[] = [];
  const total = lv('issued', TOTAL);
  const parts = GROUPS.flatMap((g) => {
    const level = lv('issued', g);
    const share = w.get(factId('prp', 'issued', partnerKey(g), 'share'), 'share');
    return level && share ? [{ g, level, share }] : [];
  });
  if (total)
    issued.push(
      sentence(
        L.t.prpIssued({ when, total: w.level(total), parts: parts.map((x) => ({ code: x.g, value: w.num(x.level.value, 'count'), share: w.pct(x.share.value), marks: union(x.level.flags, x.share.flags) })) }),
        [total, ...parts.flatMap((x) => [x.level, x.share])],
        [w.levelClaim(total), ...parts.flatMap((x) => [w.levelClaim(x.level), w.shareFigure(x.share).claim])],
      ),
    );
  const gap = w.get('prp.issued.partition', 'partition');
  if (gap) issued.push(partitionSentence(w, gap));
  for (const g of GROUPS) {
    const { items, facts, claims } = members(w, w.get(factId('prp', 'issued', partnerKey(g), 'top'), 'top'), { minShare: 0, max: 8 });
    if (items.length) issued.push(sentence(L.t.members({ indicator: 'prp_issued', whole: g, items }), facts, claims));
  }
  paragraphs.push(issued);
  // Terminated.
  const terminated: Sentence[] = [];
  const tparts = GROUPS.flatMap((g) => {
    const level = lv('terminated', g);
    return level ? [{ g, level }] : [];
  });
  if (tparts.length)
    terminated.push(sentence(L.t.prpTerminated({ when, parts: tparts.map((x) => ({ code: x.g, value: w.level(x.level) })) }), tparts.map((x) => x.level), tparts.map((x) => w.levelClaim(x.level))));
  for (const g of GROUPS) {
    const { items, facts, claims } = members(w, w.get(factId('prp', 'terminated', partnerKey(g), 'top'), 'top'), { minShare: 0, max: 3 });
    if (items.length) terminated.push(sentence(L.t.members({ indicator: 'prp_terminated', whole: g, items }), facts, claims));
  }
  paragraphs.push(terminated);
  // Balances (computed: issued − terminated) and any change of sign.
  const balances = GROUPS.flatMap((g) => w.get(factId('prp', partnerKey(g), 'balance'), 'balance') ?? []) as BalanceFact[];
  const bal: Sentence[] = [];
  if (balances.length)
    bal.push(
      sentence(
        L.t.balances({
          when,
          items: balances.map((b) => ({ code: b.subject.partner, direction: w.direction(b.value, 'count'), value: L.number(Math.abs(b.value), 'count'), marks: b.flags, plus: L.number(b.plus, 'count'), minus: L.number(b.minus, 'count') })),
        }),
        balances,
        balances.flatMap((b) => [balanceClaim(w, b), ...sidesOf(w, b)]),
      ),
    );
  for (const g of GROUPS) {
    const s = w.get(factId('prp', partnerKey(g), 'sign_change'), 'sign_change');
    if (s) bal.push(signChangeSentenceOf(w, s));
  }
  paragraphs.push(bal);
  flagNotes(w, w.facts.ofSection('prp'), notes);
  return { paragraphs, notes };
}

function kandas(w: Writer): WrittenSection {
  const L = w.locale;
  const notes: Sentence[] = [];
  const para: Sentence[] = [];
  for (const id of ['kandas.granted.level', 'kandas.total.level']) {
    const f = w.get(id, 'level');
    if (f) para.push(sentence(L.t.stock({ when: L.periodIn(f.period), indicator: f.subject.indicator, value: w.level(f) }), [f], [w.levelClaim(f)]));
  }
  const structure: Sentence[] = [];
  for (const indicator of ['kandas_by_age', 'kandas_by_education']) {
    const levels = w.facts.ofSection('kandas').filter((f): f is LevelFact => f.kind === 'level' && f.subject.indicator === indicator);
    if (!levels.length) continue;
    levels.sort((a, b) => b.value - a.value || byCode(a.id, b.id));
    const key = (f: LevelFact) => f.id.split('.')[2];
    structure.push(sentence(L.t.structure({ indicator, when: L.periodIn(levels[0].period), items: levels.map((f) => ({ key: key(f), value: w.level(f) })) }), levels, levels.map((f) => w.levelClaim(f))));
    // Age groups are a whole (rounding); education lists some levels only (the rest is not broken down).
    for (const n of structureNotes(w, indicator, levels)) if (!notes.some((x) => x.text === n.text)) notes.push(n);
  }
  flagNotes(w, w.facts.ofSection('kandas'), notes);
  return { paragraphs: [para, structure].filter((p) => p.length), notes };
}

function remittances(w: Writer, scope: SectionScope, section: 'remittances_out' | 'remittances_in'): WrittenSection {
  const L = w.locale;
  const notes: Sentence[] = [];
  const paragraphs: Sentence[][] = [];
  const total = w.get(`${section}.total.level`, 'level');
  const change = w.get(`${section}.total.change`, 'change');
  const first: Sentence[] = [];
  if (total && change && scope.baseline) {
    const item = w.changeItem(L.t.noun(section), change);
    // A percentage is given with the absolute change beside it.
    const absolute = item.measure === 'pct' ? w.changeItem(L.t.noun(section), change, { absolute: true }) : undefined;
    const beforeMarks = flagsAt(change.inputs, change.baseline);
    const before: Claim = { what: 'level', series: seriesOf(change.subject), period: change.baseline.code, marks: beforeMarks, value: change.from, display: 'money', shown: L.digits(change.from, 'money') };
    first.push(
      sentence(
        L.t.moneyTotal({ indicator: section, when: L.periodIn(total.period), value: L.number(total.value, 'money'), marks: total.flags, item, absolute: absolute?.magnitude, baseline: L.baseline(scope.baseline, 'year_ago'), before: L.number(change.from, 'money') + L.flagMark(beforeMarks) }),
        [total, change],
        // From zero, the sentence states the new level once (its level claim) and the rise without a figure.
        [w.levelClaim(total), item.measure === 'from_zero' ? { ...item.claim, shown: undefined, value: undefined, display: undefined } : item.claim, absolute?.claim, item.measure === 'from_zero' || item.measure === 'unchanged' ? undefined : before],
      ),
    );
  } else if (total) {
    first.push(sentence(L.t.level({ when: L.periodIn(total.period), indicator: section, value: w.level(total) }), [total], [w.levelClaim(total)]));
    const ch = changesSentence(w, scope, [{ id: `${section}.total.change`, subject: L.t.noun(section) }]);
    if (ch) first.push(ch);
  }
  const top = w.get(`${section}.total.top`, 'top');
  const { items, facts, claims } = members(w, top, { minShare: 2, max: 6 });
  if (items.length) first.push(sentence(L.t.members({ indicator: section, whole: TOTAL, items }), facts, claims));
  paragraphs.push(first);
  const second: Sentence[] = [];
  const movers = moversSentence(w, top, (c) => w.get(factId(section, partnerKey(c), 'change'), 'change'), scope.baseline, 'year_ago');
  if (movers) {
    second.push(movers);
    // The largest change of a share, in percentage points (the difference of the two shares as printed).
    const shareChanges = w.facts.ofSection(section).filter((f) => f.kind === 'share_change');
    // By the change as printed (the difference of the printed shares), ties by id: the same whatever the scale.
    const printed = (x: { from: number; to: number }) => Math.abs(L.rounded(x.to, 'percent') - L.rounded(x.from, 'percent'));
    const biggest = [...shareChanges].sort((a, b) => printed(b) - printed(a) || byCode(a.id, b.id))[0];
    if (biggest) second.push(shareChangeSentence(w, biggest, section));
  }
  paragraphs.push(second);
  flagNotes(w, w.facts.ofSection(section), notes);
  return { paragraphs: paragraphs.filter((p) => p.length), notes };
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

// ── BNS release ─────────────────────────────────────────────────────────────────────────────

/** A record of a series over calendar years, as a sentence with its claim. */
export function recordSentence(w: Writer, r: Extract<Fact, { kind: 'record' }>): Sentence {
  const L = w.locale;
  const subject = r.subject.minus ? L.t.balanceNoun(r.subject.indicator, r.subject.minus) : L.t.noun(r.subject.indicator);
  // A record of a balance states its value as signed; a count's record its level.
  const value = r.subject.minus ? L.number(r.value, 'count', true) : L.number(r.value, 'count');
  return sentence(
    L.t.record({ subject, indicator: r.subject.minus ? 'pr_net_migration' : r.subject.indicator, extreme: r.extreme, value, marks: r.flags, first: L.periodLabel(r.first), count: L.number(r.count, 'count'), complete: r.complete, partOfYear: L.partOfYear(r.period) }),
    [r],
    [{ what: 'record', series: seriesOf(r.subject), period: r.period.code, marks: marksOf(r.flags), extreme: r.extreme, since: r.first.code, years: r.count, complete: r.complete, value: r.subject.minus ? r.value : Math.abs(r.value), display: 'count', shown: L.digits(r.value, 'count') }],
  );
}

/** A streak over calendar years, as a sentence with its claim. */
export function streakSentence(w: Writer, s: Extract<Fact, { kind: 'streak' }>): Sentence {
  const L = w.locale;
  const subject = s.subject.minus ? L.t.balanceNoun(s.subject.indicator, s.subject.minus) : L.t.noun(s.subject.indicator);
  return sentence(
    L.t.streak({ subject, indicator: s.subject.minus ? 'pr_net_migration' : s.subject.indicator, mode: s.mode, sign: s.sign, length: s.length, first: L.periodLabel(s.first), partOfYear: L.partOfYear(s.period) }),
    [s],
    [{ what: 'streak', series: seriesOf(s.subject), period: s.period.code, marks: marksOf(s.flags), mode: s.mode, sign: s.sign, length: s.length, since: s.first.code, step: s.step }],
  );
}

function keyPoints(w: Writer, scope: SectionScope): WrittenSection {
  const L = w.locale;
  const notes: Sentence[] = [];
  const p = scope.period!;
  const when = L.periodIn(p);
  const para: Sentence[] = [];
  const a = w.get('key_points.arrivals.level', 'level');
  const d = w.get('key_points.departures.level', 'level');
  const net = w.get('key_points.net.balance', 'balance');
  if (a && d && net)
    para.push(
      sentence(L.t.bnsTotals({ when, arrivals: w.level(a), departures: w.level(d), netDirection: w.direction(net.value, 'count'), net: L.number(Math.abs(net.value), 'count') + L.flagMark(net.flags) }), [a, d, net], [
        w.levelClaim(a),
        w.levelClaim(d),
        balanceClaim(w, net),
      ]),
    );
  const ch = changesSentence(w, scope, [
    { id: 'key_points.arrivals.change', subject: L.t.noun('pr_arrivals') },
    { id: 'key_points.departures.change', subject: L.t.noun('pr_departures') },
  ]);
  if (ch) para.push(ch);
  const netChange = w.get('key_points.net.change', 'change');
  if (netChange && scope.baseline) {
    // Net migration is a balance: its change is stated in people, a percentage of a balance misleads when it nears zero.
    const item = w.changeItem(L.t.balanceNoun('pr_arrivals', 'pr_departures'), netChange, { absolute: true });
    para.push(sentence(L.t.changes({ baseline: L.baseline(scope.baseline, 'year_ago'), items: [item] }), [netChange], [item.claim]));
  }
  const flip = w.get('key_points.net.sign_change', 'sign_change');
  if (flip) para.push(signChangeSentenceOf(w, flip));
  for (const id of ['key_points.net.streak', 'key_points.arrivals.streak', 'key_points.departures.streak']) {
    const s = w.get(id, 'streak');
    if (s) para.push(streakSentence(w, s));
  }
  for (const id of ['key_points.arrivals.record', 'key_points.departures.record', 'key_points.net.record']) {
    const r = w.get(id, 'record');
    if (r) para.push(recordSentence(w, r));
  }
  const shares: Sentence[] = [];
  const sa = w.get('key_points.arrivals.cis.share', 'share');
  const sd = w.get('key_points.departures.cis.share', 'share');
  if (sa || sd)
    shares.push(
      sentence(L.t.cisShares({ when, arrivals: sa ? w.shareFigure(sa).text : undefined, departures: sd ? w.shareFigure(sd).text : undefined }), [sa, sd], [sa ? w.shareFigure(sa).claim : undefined, sd ? w.shareFigure(sd).claim : undefined]),
    );
  for (const m of ['arrivals', 'departures']) {
    const sc = w.get(`key_points.${m}.cis.share_change`, 'share_change');
    if (sc) shares.push(shareChangeSentence(w, sc, `pr_${m}`));
  }
  flagNotes(w, w.facts.ofSection('key_points'), notes);
  return { paragraphs: [para, shares].filter((x) => x.length), notes };
}

function internal(w: Writer): WrittenSection {
  const L = w.locale;
  const notes: Sentence[] = [];
  const para: Sentence[] = [];
  const r = w.get('internal.migrants.ratio', 'ratio');
  if (r) {
    const baseline = L.baseline(r.baseline, 'year_ago');
    if (r.published) {
      // A published ratio is stated as published, to the precision it was published with.
      const d = w.direction(r.value - 1, 'ratio');
      para.push(
        sentence(L.t.ratio({ when: L.periodIn(r.period), indicator: 'internal_migrants', value: L.number(r.value, 'ratio'), baseline, direction: d }), [r], [
          { what: 'ratio', series: seriesOf(r.subject), period: r.period.code, baseline: r.baseline.code, marks: marksOf(r.flags), measure: 'times', sign: d, value: r.value, display: 'ratio', shown: L.digits(r.value, 'ratio') },
        ]),
      );
    } else if (r.from !== null && r.to !== null) {
      // Counts behind it: a change like any other (percentage, "n times as many", unchanged).
      const change: ChangeFact = { ...r, kind: 'change', relation: 'year_ago', from: r.from, to: r.to, abs: r.to - r.from, pct: r.from === 0 ? null : (100 * (r.to - r.from)) / Math.abs(r.from), unit: 'persons' };
      const item = w.changeItem(L.t.noun('internal_migrants'), change);
      para.push(sentence(L.t.changes({ when: L.periodIn(r.period), baseline, items: [item] }), [r], [item.claim]));
    }
  }
  const sel = w.get('internal.net.positive.selection', 'selection');
  const withData = w.facts.ofSection('internal').filter((f) => f.kind === 'level' && f.subject.indicator === 'interregional_net').length;
  const allRegions = w.regions;
  if (sel && sel.count > 0) {
    const of = withData < allRegions ? L.number(withData, 'count') : undefined;
    const levels = sel.members.map((m) => w.get(m.levelId, 'level')!);
    const claims: Claim[] = [
      { what: 'count', series: { indicator: 'interregional_net', partner: '_Z', region: '', breakdown: '' }, period: sel.period.code, marks: [], rule: 'positive', scope: of ? 'listed' : 'all', value: sel.count, display: 'count', shown: L.digits(sel.count, 'count') },
      ...levels.map((l) => w.levelClaim(l)),
    ];
    if (of) claims.push({ what: 'count', series: { indicator: 'interregional_net', partner: '_Z', region: '', breakdown: '' }, period: sel.period.code, marks: [], rule: 'with_data', scope: 'listed', value: withData, display: 'count', shown: L.digits(withData, 'count') });
    para.push(
      sentence(
        L.t.positiveRegions({ when: L.periodIn(sel.period), count: L.number(sel.count, 'count'), of, items: levels.map((l) => ({ code: l.subject.region, value: w.num(l.value, 'count'), marks: l.flags })) }),
        [sel, ...levels],
        claims,
      ),
    );
  }
  flagNotes(w, w.facts.ofSection('internal'), notes);
  return { paragraphs: [para], notes };
}

/** Writes one section's sentences; a section without data gets a single sentence saying so. */
export function writeSection(w: Writer, scope: SectionScope, report: Period): WrittenSection {
  if (!scope.period) {
    // Names as the locale writes them mid-sentence (never lower-cased by code: "ethnic Kazakhs", "Kandas").
    const what = scope.indicators.map((i) => w.locale.t.noun(i));
    const claims: Claim[] = scope.indicators.map((i) => ({ what: 'no_data', series: { indicator: i, partner: TOTAL, region: '', breakdown: '' }, period: report.code, marks: [] }));
    return { paragraphs: [[{ ...sentence(w.locale.t.missingSection({ what: w.locale.list(what) }), [], claims), indicators: [...scope.indicators] }]], notes: [] };
  }
  switch (scope.id) {
    case 'flows':
      return flows(w, scope);
    case 'trp':
      return trp(w, scope);
    case 'prp':
      return prp(w, scope);
    case 'kandas':
      return kandas(w);
    case 'remittances_out':
    case 'remittances_in':
      return remittances(w, scope, scope.id);
    case 'key_points':
      return keyPoints(w, scope);
    case 'internal':
      return internal(w);
  }
  return { paragraphs: [], notes: [] };
}

export { styleOf };
