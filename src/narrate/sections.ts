// The sentences of each report section, written from its facts: what is said, in which order, and with which figures.
import { TOTAL } from '../model.ts';
import type { BalanceFact, ChangeFact, Fact, Flag, LevelFact, MoversFact, Relation, ShareFact, TopFact, UnavailableFact } from '../compare/facts.ts';
import type { Period } from '../period.ts';
import { factId, partnerKey } from '../compare/ids.ts';
import type { SectionScope } from '../compare/sections.ts';
import type { ChangeItem, ListItem } from './locale.ts';
import type { Sentence } from '../report-model.ts';
import { moversComplete, sentence, styleOf, type Writer } from './write.ts';
import { structureNotes } from './tables.ts';
import { byCode } from '../order.ts';

export interface WrittenSection {
  paragraphs: Sentence[][];
  notes: string[];
}

const GROUPS = ['CIS', 'NONCIS'];
/** Members listed by name: the largest, up to six, each with at least this share of its whole. */
const LIST_MAX = 6;
const LIST_MIN_SHARE = 2;

function members(w: Writer, top: TopFact | undefined, opts: { minShare?: number; max?: number } = {}): { items: ListItem[]; facts: Fact[] } {
  if (!top) return { items: [], facts: [] };
  const picked = top.members
    .filter((m) => m.share === null || m.share >= (opts.minShare ?? LIST_MIN_SHARE))
    .slice(0, opts.max ?? LIST_MAX);
  const facts: Fact[] = [top];
  const items = picked.map((m) => {
    const level = w.get(m.levelId, 'level')!;
    const share = m.shareId ? w.get(m.shareId, 'share') : undefined;
    facts.push(level);
    if (share) facts.push(share);
    return { code: m.partner, value: w.level(level), share: share ? w.pct(share.value) : undefined };
  });
  return { items, facts };
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
    return sentence(L.t.changes({ baseline: L.baseline(scope.baseline, scope.relation), items }), changes.map((x) => x.c));
  }
  if (missing.length) {
    const u = missing[0];
    return sentence(L.t.unavailable({ subject: L.t.noun(u.subject.indicator, u.subject.partner === TOTAL ? undefined : u.subject.partner), missing: L.periodLabel(u.missing) }), [u]);
  }
  return undefined;
}

/** Members per direction in a sentence of movers. */
const MOVERS_MAX = 3;

/**
 * The largest movers down and up among a whole's members; when only some members can be compared with the
 * baseline (or few can), the sentence states their changes without claiming they moved "most".
 */
export function moversSentence(w: Writer, indicator: string, baseline: Period | undefined, relation: Relation, down: MoversFact | undefined, up: MoversFact | undefined): Sentence | undefined {
  const any = down ?? up;
  if (!any || !baseline) return undefined;
  const pick = (f: MoversFact | undefined) => (f?.changeIds ?? []).slice(0, MOVERS_MAX).map((id) => w.get(id, 'change')!);
  const d = pick(down);
  const u = pick(up);
  if (!d.length && !u.length) return undefined;
  const L = w.locale;
  return sentence(
    L.t.movers({ indicator, whole: any.whole, baseline: L.baseline(baseline, relation), down: d.map((c) => w.moverItem(c)), up: u.map((c) => w.moverItem(c)), partial: !moversComplete(any) }),
    [down, up, ...d, ...u],
  );
}

function roundingNote(w: Writer, shares: (ShareFact | undefined)[], notes: string[]): void {
  const present = shares.filter((s): s is ShareFact => s !== undefined);
  if (present.length < 2) return;
  const sum = present.reduce((t, s) => t + w.locale.rounded(s.value, 'percent'), 0);
  if (Math.abs(sum - 100) > 1e-9 && Math.abs(sum - 100) < 1) {
    const note = w.locale.t.roundingNote({ sum: w.pct(sum) });
    if (!notes.includes(note)) notes.push(note);
  }
}

function flagNotes(w: Writer, facts: Fact[], notes: string[]): void {
  const set = new Set<Flag>();
  for (const f of facts) for (const x of f.flags) set.add(x);
  const flags = [...set].sort();
  const note = w.locale.t.flagNote(flags);
  if (note) notes.push(note);
}

// ── IOM quarterly ───────────────────────────────────────────────────────────────────────────

function flows(w: Writer, scope: SectionScope): WrittenSection {
  const L = w.locale;
  const notes: string[] = [];
  const p = scope.period!;
  const when = L.periodIn(p);
  const paragraphs: Sentence[][] = [];
  const lv = (m: string, partner: string) => w.get(factId('flows', m, partnerKey(partner), 'level'), 'level');
  const totA = lv('arrivals', TOTAL);
  const totD = lv('departures', TOTAL);
  const first: Sentence[] = [];
  if (totA && totD) first.push(sentence(L.t.flowTotals({ when, arrivals: w.level(totA), departures: w.level(totD) }), [totA, totD]));
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
    const parts = GROUPS.flatMap((g) => {
      const level = lv(m, g);
      const share = w.get(factId('flows', m, partnerKey(g), 'share'), 'share');
      return level && share ? [{ g, level, share }] : [];
    });
    if (parts.length) {
      para.push(sentence(L.t.split({ indicator, parts: parts.map((x) => ({ code: x.g, value: w.level(x.level), share: w.pct(x.share.value) })) }), parts.flatMap((x) => [x.level, x.share])));
      roundingNote(w, parts.map((x) => x.share), notes);
    }
    for (const g of GROUPS) {
      const { items, facts } = members(w, w.get(factId('flows', m, partnerKey(g), 'top'), 'top'));
      if (items.length) para.push(sentence(L.t.members({ indicator, whole: g, items }), facts));
    }
    // Quarter-on-quarter: groups, then the largest movers within each group, and any crossover.
    const ch = changesSentence(w, scope, GROUPS.map((g) => ({ id: factId('flows', m, partnerKey(g), 'change'), subject: L.t.noun(indicator, g) })));
    if (ch) para.push(ch);
    for (const g of GROUPS) {
      const movers = moversSentence(w, indicator, scope.baseline, 'previous', w.get(factId('flows', m, partnerKey(g), 'movers_down'), 'movers'), w.get(factId('flows', m, partnerKey(g), 'movers_up'), 'movers'));
      if (movers) para.push(movers);
    }
    for (const f of w.facts.ofSection('flows'))
      if (f.kind === 'crossover' && f.indicator === indicator)
        para.push(sentence(L.t.crossover({ indicator, overtaker: f.overtaker, overtaken: f.overtaken, now: [L.number(f.now[0], 'count'), L.number(f.now[1], 'count')], baseline: L.baseline(f.baseline, f.relation) }), [f]));
    paragraphs.push(para);
  }
  flagNotes(w, w.facts.ofSection('flows'), notes);
  return { paragraphs, notes };
}

function trp(w: Writer, scope: SectionScope): WrittenSection {
  const L = w.locale;
  const notes: string[] = [];
  const total = w.get('trp.total.level', 'level');
  const para: Sentence[] = [];
  if (total) para.push(sentence(L.t.trpTotal({ when: L.periodIn(total.period), value: w.level(total) }), [total]));
  const { items, facts } = members(w, w.get('trp.total.top', 'top'), { minShare: 1 });
  if (items.length) para.push(sentence(L.t.members({ indicator: 'trp_holders', whole: TOTAL, items }), facts));
  const ch = changesSentence(w, scope, [{ id: 'trp.total.change', subject: L.t.noun('trp_holders') }]);
  if (ch) para.push(ch);
  flagNotes(w, w.facts.ofSection('trp'), notes);
  return { paragraphs: [para], notes };
}

function prp(w: Writer, scope: SectionScope): WrittenSection {
  const L = w.locale;
  const notes: string[] = [];
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
  if (total) issued.push(sentence(L.t.prpIssued({ when, total: w.level(total), parts: parts.map((x) => ({ code: x.g, value: w.level(x.level), share: w.pct(x.share.value) })) }), [total, ...parts.flatMap((x) => [x.level, x.share])]));
  const gap = w.get('prp.issued.partition', 'partition');
  if (gap) issued.push(sentence(L.t.partitionNote({ indicator: 'prp_issued', sum: L.number(gap.sumOfParts, 'count'), total: L.number(gap.total, 'count'), gap: L.number(Math.abs(gap.gap), 'count') }), [gap]));
  for (const g of GROUPS) {
    const { items, facts } = members(w, w.get(factId('prp', 'issued', partnerKey(g), 'top'), 'top'), { minShare: 0, max: 8 });
    if (items.length) issued.push(sentence(L.t.members({ indicator: 'prp_issued', whole: g, items }), facts));
  }
  paragraphs.push(issued);
  // Terminated.
  const terminated: Sentence[] = [];
  const tparts = GROUPS.flatMap((g) => {
    const level = lv('terminated', g);
    return level ? [{ g, level }] : [];
  });
  if (tparts.length) terminated.push(sentence(L.t.prpTerminated({ when, parts: tparts.map((x) => ({ code: x.g, value: w.level(x.level) })) }), tparts.map((x) => x.level)));
  for (const g of GROUPS) {
    const { items, facts } = members(w, w.get(factId('prp', 'terminated', partnerKey(g), 'top'), 'top'), { minShare: 0, max: 3 });
    if (items.length) terminated.push(sentence(L.t.members({ indicator: 'prp_terminated', whole: g, items }), facts));
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
          items: balances.map((b) => ({ code: b.subject.partner, direction: w.direction(b.value, 'count'), value: L.number(Math.abs(b.value), 'count') + L.flagMark(b.flags), plus: L.number(b.plus, 'count'), minus: L.number(b.minus, 'count') })),
        }),
        balances,
      ),
    );
  for (const g of GROUPS) {
    const s = w.get(factId('prp', partnerKey(g), 'sign_change'), 'sign_change');
    if (s) bal.push(sentence(L.t.signChange({ code: g, direction: w.direction(s.to, 'count'), value: L.number(Math.abs(s.to), 'count'), baseline: L.baseline(s.baseline, s.relation) }), [s]));
  }
  paragraphs.push(bal);
  flagNotes(w, w.facts.ofSection('prp'), notes);
  return { paragraphs, notes };
}

function kandas(w: Writer): WrittenSection {
  const L = w.locale;
  const notes: string[] = [];
  const para: Sentence[] = [];
  for (const id of ['kandas.granted.level', 'kandas.total.level']) {
    const f = w.get(id, 'level');
    if (f) para.push(sentence(L.t.stock({ when: L.periodIn(f.period), indicator: f.subject.indicator, value: w.level(f) }), [f]));
  }
  const structure: Sentence[] = [];
  for (const [measure, indicator] of [
    ['age', 'kandas_by_age'],
    ['education', 'kandas_by_education'],
  ]) {
    const levels = w.facts.ofSection('kandas').filter((f): f is LevelFact => f.kind === 'level' && f.subject.indicator === indicator);
    if (!levels.length) continue;
    levels.sort((a, b) => b.value - a.value || byCode(a.id, b.id));
    const key = (f: LevelFact) => f.id.split('.')[2];
    structure.push(sentence(L.t.structure({ indicator, when: L.periodIn(levels[0].period), items: levels.map((f) => ({ key: key(f), value: w.level(f) })) }), levels));
    // Age groups are a whole (rounding); education lists some levels only (the rest is not broken down).
    for (const n of structureNotes(w, indicator, levels)) if (!notes.includes(n)) notes.push(n);
    void measure;
  }
  flagNotes(w, w.facts.ofSection('kandas'), notes);
  return { paragraphs: [para, structure].filter((p) => p.length), notes };
}

function remittances(w: Writer, scope: SectionScope, section: 'remittances_out' | 'remittances_in'): WrittenSection {
  const L = w.locale;
  const notes: string[] = [];
  const paragraphs: Sentence[][] = [];
  const total = w.get(`${section}.total.level`, 'level');
  const change = w.get(`${section}.total.change`, 'change');
  const first: Sentence[] = [];
  if (total && change && scope.baseline) {
    const d = w.direction(change.abs, 'money');
    first.push(
      sentence(
        L.t.moneyTotal({ indicator: section, when: L.periodIn(total.period), value: w.level(total), direction: d, absolute: L.number(Math.abs(change.abs), 'money'), percent: L.number(Math.abs(change.pct ?? 0), 'percent'), baseline: L.baseline(scope.baseline, 'year_ago'), before: L.number(change.from, 'money') }),
        [total, change],
      ),
    );
  } else if (total) {
    first.push(sentence(`${L.capitalise(L.periodIn(total.period))}, ${L.t.noun(section)}: ${w.level(total)}.`, [total]));
    const ch = changesSentence(w, scope, [{ id: `${section}.total.change`, subject: L.t.noun(section) }]);
    if (ch) first.push(ch);
  }
  const { items, facts } = members(w, w.get(`${section}.total.top`, 'top'), { minShare: 2, max: 6 });
  if (items.length) first.push(sentence(L.t.members({ indicator: section, whole: TOTAL, items }), facts));
  paragraphs.push(first);
  const second: Sentence[] = [];
  const movers = moversSentence(w, section, scope.baseline, 'year_ago', w.get(`${section}.total.movers_down`, 'movers'), w.get(`${section}.total.movers_up`, 'movers'));
  if (movers) {
    second.push(movers);
    // The largest change of a share, in percentage points.
    const shareChanges = w.facts.ofSection(section).filter((f) => f.kind === 'share_change');
    const biggest = [...shareChanges].sort((a, b) => Math.abs(b.pp) - Math.abs(a.pp) || byCode(a.id, b.id))[0];
    if (biggest)
      second.push(
        sentence(
          L.t.shareChange({ indicator: section, partner: biggest.subject.partner, whole: biggest.whole, direction: w.direction(biggest.pp, 'points'), points: L.number(Math.abs(biggest.pp), 'points'), from: w.pct(biggest.from), to: w.pct(biggest.to), baseline: L.baseline(biggest.baseline, biggest.relation) }),
          [biggest],
        ),
      );
  }
  paragraphs.push(second);
  flagNotes(w, w.facts.ofSection(section), notes);
  return { paragraphs: paragraphs.filter((p) => p.length), notes };
}

// ── BNS release ─────────────────────────────────────────────────────────────────────────────

function keyPoints(w: Writer, scope: SectionScope): WrittenSection {
  const L = w.locale;
  const notes: string[] = [];
  const p = scope.period!;
  const when = L.periodIn(p);
  const para: Sentence[] = [];
  const a = w.get('key_points.arrivals.level', 'level');
  const d = w.get('key_points.departures.level', 'level');
  const net = w.get('key_points.net.balance', 'balance');
  if (a && d && net)
    para.push(sentence(L.t.bnsTotals({ when, arrivals: w.level(a), departures: w.level(d), netDirection: w.direction(net.value, 'count'), net: L.number(Math.abs(net.value), 'count') + L.flagMark(net.flags) }), [a, d, net]));
  const ch = changesSentence(w, scope, [
    { id: 'key_points.arrivals.change', subject: L.t.noun('pr_arrivals') },
    { id: 'key_points.departures.change', subject: L.t.noun('pr_departures') },
  ]);
  if (ch) para.push(ch);
  const netChange = w.get('key_points.net.change', 'change');
  if (netChange && scope.baseline) {
    const item = w.changeItem(L.t.noun('net_migration'), netChange);
    // Net migration is a balance: its change is stated in people, a percentage of a balance misleads when it nears zero.
    const dd = w.direction(netChange.abs, 'count');
    const items = [{ ...item, direction: dd, magnitude: L.number(Math.abs(netChange.abs), 'count'), times: false }];
    para.push(sentence(L.t.changes({ baseline: L.baseline(scope.baseline, 'year_ago'), items }), [netChange]));
  }
  const flip = w.get('key_points.net.sign_change', 'sign_change');
  if (flip) para.push(sentence(L.t.signChange({ code: TOTAL, direction: w.direction(flip.to, 'count'), value: L.number(Math.abs(flip.to), 'count'), baseline: L.baseline(flip.baseline, flip.relation) }), [flip]));
  const streak = w.get('key_points.net.streak', 'streak');
  if (streak) para.push(sentence(L.t.streak({ subject: L.t.noun('net_migration'), sign: streak.sign, length: String(streak.length), first: L.periodLabel(streak.first) }), [streak]));
  for (const m of ['arrivals', 'departures']) {
    const r = w.get(`key_points.${m}.record`, 'record');
    if (r) para.push(sentence(L.t.record({ subject: L.t.noun(`pr_${m}`), extreme: r.extreme, value: L.number(r.value, 'count'), first: L.periodLabel(r.first), count: String(r.count) }), [r]));
  }
  const shares: Sentence[] = [];
  const sa = w.get('key_points.arrivals.cis.share', 'share');
  const sd = w.get('key_points.departures.cis.share', 'share');
  if (sa || sd) shares.push(sentence(L.t.cisShares({ when, arrivals: sa ? w.pct(sa.value) : undefined, departures: sd ? w.pct(sd.value) : undefined }), [sa, sd]));
  for (const m of ['arrivals', 'departures']) {
    const sc = w.get(`key_points.${m}.cis.share_change`, 'share_change');
    if (sc)
      shares.push(
        sentence(
          L.t.shareChange({ indicator: `pr_${m}`, partner: 'CIS', whole: TOTAL, direction: w.direction(sc.pp, 'points'), points: L.number(Math.abs(sc.pp), 'points'), from: w.pct(sc.from), to: w.pct(sc.to), baseline: L.baseline(sc.baseline, sc.relation) }),
          [sc],
        ),
      );
  }
  flagNotes(w, w.facts.ofSection('key_points'), notes);
  return { paragraphs: [para, shares].filter((x) => x.length), notes };
}

function internal(w: Writer): WrittenSection {
  const L = w.locale;
  const notes: string[] = [];
  const para: Sentence[] = [];
  const r = w.get('internal.migrants.ratio', 'ratio');
  if (r) {
    const d = w.direction(r.value - 1, 'ratio');
    const baseline = L.baseline(r.baseline, 'year_ago');
    // "n times as many" for rises of 100% or more; a percentage otherwise (no "times less" in English).
    const percent = r.value >= 2 ? undefined : L.number(Math.abs(100 * (r.value - 1)), 'percent');
    para.push(sentence(L.t.ratio({ when: L.periodIn(r.period), indicator: 'internal_migrants', value: r.value >= 2 ? L.number(r.value, 'ratio') : '', percent, baseline, direction: d }), [r]));
  }
  const sel = w.get('internal.net.positive.selection', 'selection');
  if (sel && sel.count > 0)
    para.push(
      sentence(
        L.t.positiveRegions({ when: L.periodIn(sel.period), count: L.number(sel.count, 'count'), items: sel.members.map((m) => ({ code: m.key, value: w.level(w.get(m.levelId, 'level')!) })) }),
        [sel, ...sel.members.map((m) => w.get(m.levelId, 'level'))],
      ),
    );
  flagNotes(w, w.facts.ofSection('internal'), notes);
  return { paragraphs: [para], notes };
}

/** Writes one section's sentences; a section without data gets a single sentence saying so. */
export function writeSection(w: Writer, scope: SectionScope): WrittenSection {
  if (!scope.period) {
    // Names as the locale writes them mid-sentence (never lower-cased by code: "ethnic Kazakhs", "Kandas").
    const what = scope.indicators.map((i) => w.locale.t.noun(i));
    return { paragraphs: [[{ ...sentence(w.locale.t.missingSection({ what: w.locale.list(what) }), []), indicators: [...scope.indicators] }]], notes: [] };
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
