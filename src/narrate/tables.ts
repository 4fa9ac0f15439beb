// Standalone tables of each section, from the same facts as the sentences: cells through the locale, missing as "–", never 0.
import { TOTAL } from '../model.ts';
import type { Period } from '../period.ts';
import type { Fact, FactInput, Flag, LevelFact, TopFact } from '../compare/facts.ts';
import { factId, partnerKey } from '../compare/ids.ts';
import { dynamicId, type SectionScope } from '../compare/sections.ts';
import type { Table, TableColumn, TableRow } from '../report-model.ts';
import type { Style } from './locale.ts';
import { flagsAt, sentence, seriesOf, sourcesOfAll, styleOf, type Writer } from './write.ts';
import { partitionSentence } from './sections.ts';
import type { Claim, Display } from '../claims.ts';
import type { Sentence } from '../report-model.ts';
import { byCode } from '../order.ts';

const GROUPS = ['CIS', 'NONCIS'];

/** A whole's share of itself (the 100.0% of a total row), as a claim. */
function wholeShare(w: Writer, total: LevelFact, p: Period = total.period, marks: Flag[] = total.flags): Claim {
  return { what: 'share', series: seriesOf(total.subject), whole: total.subject.partner, period: p.code, marks, published: false, value: 100, display: 'percent', shown: w.locale.digits(100, 'percent') };
}

/** Collects the facts of a table as its rows are built: sources and flags come from them. */
class TableBuilder {
  readonly rows: TableRow[] = [];
  readonly notes: string[] = [];
  readonly noteClaims: Claim[][] = [];
  private readonly facts = new Set<Fact>();
  private readonly flags = new Set<Flag>();

  constructor(
    private readonly w: Writer,
    readonly id: string,
    readonly caption: string,
    readonly columns: TableColumn[],
  ) {}

  /** A cell for a value with its flags; undefined or null is "–". */
  cell(v: number | null | undefined, style: Style, flags: Flag[] = [], signed = false): string {
    if (v !== null && v !== undefined) for (const f of flags) this.flags.add(f);
    return this.w.locale.cell(v, style, { signed, flags });
  }

  /** A row: its cells, the facts behind them (their claims are what the cells may state), and claims of its own. */
  row(cells: string[], facts: (Fact | undefined)[], total = false, extra: Claim[] = []): void {
    // A fact's flags are its inputs' flags, so the row's are their union (sorted, as flagsOf gives them).
    const flags = new Set<Flag>();
    for (const f of facts)
      if (f) {
        this.facts.add(f);
        for (const x of f.flags) flags.add(x);
      }
    this.rows.push({ cells, flags: [...flags].sort(), ...(total ? { total } : {}), claims: this.w.rowClaims(cells, facts, extra) });
  }

  note(text: string | undefined, claims: Claim[] = []): void {
    if (text && !this.notes.includes(text)) {
      this.notes.push(text);
      this.noteClaims.push(claims);
    }
  }

  done(): Table | undefined {
    if (this.rows.length === 0) return undefined;
    const L = this.w.locale;
    const notes = [...this.notes];
    const noteClaims = [...this.noteClaims];
    if (this.rows.some((r) => r.cells.slice(1).includes(L.t.words.notAvailable))) (notes.push(L.t.notAvailableNote), noteClaims.push([]));
    const flagNote = L.t.cellFlagNote([...this.flags].sort());
    if (flagNote) (notes.push(flagNote), noteClaims.push([]));
    const sources = sourcesOfAll(this.facts);
    return { id: this.id, caption: this.caption, columns: this.columns, rows: this.rows, notes, noteClaims, sources };
  }
}

const left = (label: string): TableColumn => ({ label, align: 'left' });
const right = (label: string): TableColumn => ({ label, align: 'right' });

/** "The countries listed add up to …": when the members shown fall short of their whole. */
function restNote(w: Writer, t: TableBuilder, whole: string, total: LevelFact | undefined, top: TopFact | undefined): void {
  if (!total || !top || top.members.length === 0) return;
  const style = styleOf(total.unit);
  const listed = top.members.reduce((s, m) => s + m.value, 0);
  const rest = total.value - listed;
  if (w.locale.rounded(rest, style) <= 0) return;
  const L = w.locale;
  const d = style as Display;
  const members = top.members.map((m) => m.partner);
  const series = { indicator: top.indicator, partner: whole, region: '', breakdown: '' };
  const marksOf = (inputs: FactInput[]) => flagsAt(inputs, top.period);
  const memberInputs = top.inputs.filter((i) => members.includes(i.country));
  const sumMarks = marksOf(memberInputs);
  const restMarks = [...new Set([...sumMarks, ...total.flags])].sort() as Flag[];
  t.note(
    L.t.restNote({ indicator: top.indicator, whole, listed: L.number(listed, style) + L.flagMark(sumMarks), rest: L.number(rest, style) + L.flagMark(restMarks), total: L.number(total.value, style) + L.flagMark(total.flags) }),
    [
      { what: 'sum', series, period: top.period.code, marks: sumMarks, members, value: listed, display: d, shown: L.digits(listed, d) },
      { what: 'rest', series, period: top.period.code, marks: restMarks, members, value: rest, display: d, shown: L.digits(rest, d) },
      w.levelClaim(total),
    ],
  );
}

// ── IOM quarterly ───────────────────────────────────────────────────────────────────────────

function flows(w: Writer, scope: SectionScope): Table[] {
  const L = w.locale;
  const p = scope.period!;
  const b = scope.baseline;
  const now = L.periodLabel(p);
  const measures = [
    ['arrivals', 'border_arrivals'],
    ['departures', 'border_departures'],
  ] as const;
  const tables: (Table | undefined)[] = [];
  // Arrivals and departures by group for the two quarters, with the change.
  const groups = new TableBuilder(
    w,
    'flows-groups',
    L.t.tableCaption({ subject: L.list([L.t.noun('border_arrivals'), L.t.noun('border_departures')]), by: 'group', unit: L.unitLabel('persons'), period: b ? L.list([L.periodLabel(b), now]) : now }),
    [left(L.t.words.flow), ...(b ? [right(L.periodLabel(b))] : []), right(now), ...(b ? [right(L.t.words.change)] : [])],
  );
  for (const [m, indicator] of measures)
    for (const g of [...GROUPS, TOTAL]) {
      const level = w.get(factId('flows', m, partnerKey(g), 'level'), 'level');
      const change = w.get(factId('flows', m, partnerKey(g), 'change'), 'change');
      if (!level) continue;
      const cells = [L.t.rowLabel(indicator, g === TOTAL ? undefined : g)];
      if (b) cells.push(groups.cell(change?.from, 'count', change ? flagsAt(change.inputs, b) : []));
      cells.push(groups.cell(level.value, 'count', level.flags));
      if (b) cells.push(groups.cell(change?.pct, 'percent', change?.flags ?? [], true));
      groups.row(cells, [level, change], g === TOTAL);
    }
  tables.push(groups.done());
  // The partner countries of each group, with their share of the group.
  for (const [m, indicator] of measures) {
    const t = new TableBuilder(w, `flows-${m}-countries`, L.t.tableCaption({ subject: L.t.noun(indicator), by: 'country', unit: L.unitLabel('persons'), period: now }), [
      left(L.t.words.country),
      right(L.t.words[m]),
      right(L.t.words.shareOfGroup),
    ]);
    for (const g of GROUPS) {
      const top = w.get(factId('flows', m, partnerKey(g), 'top'), 'top');
      const total = w.get(factId('flows', m, partnerKey(g), 'level'), 'level');
      for (const member of top?.members ?? []) {
        const level = w.get(member.levelId, 'level')!;
        const share = member.shareId ? w.get(member.shareId, 'share') : undefined;
        t.row([L.partnerLabel(member.partner), t.cell(level.value, 'count', level.flags), t.cell(share?.value, 'percent')], [level, share]);
      }
      if (total && top?.members.length) t.row([L.partnerLabel(g), t.cell(total.value, 'count', total.flags), t.cell(total.value === 0 ? undefined : 100, 'percent')], [total], true, total.value === 0 ? [] : [wholeShare(w, total)]);
      restNote(w, t, g, total, top);
    }
    t.note(L.t.shareOfGroupNote);
    tables.push(t.done());
  }
  return tables.filter((x): x is Table => x !== undefined);
}

function trp(w: Writer, scope: SectionScope): Table[] {
  const L = w.locale;
  const top = w.get('trp.total.top', 'top');
  const total = w.get('trp.total.level', 'level');
  const t = new TableBuilder(w, 'trp-countries', L.t.tableCaption({ subject: L.t.noun('trp_holders'), by: 'country', unit: L.unitLabel('persons'), period: L.periodLabel(scope.period!) }), [
    left(L.t.words.country),
    right(L.t.words.total),
    right(L.t.words.shareOfTotal),
  ]);
  t.columns[1] = right(L.capitalise(L.t.noun('trp_holders')));
  for (const m of top?.members ?? []) {
    const level = w.get(m.levelId, 'level')!;
    const share = m.shareId ? w.get(m.shareId, 'share') : undefined;
    t.row([L.partnerLabel(m.partner), t.cell(level.value, 'count', level.flags), t.cell(share?.value, 'percent')], [level, share]);
  }
  if (total && t.rows.length) t.row([L.t.words.total, t.cell(total.value, 'count', total.flags), t.cell(total.value === 0 ? undefined : 100, 'percent')], [total], true, total.value === 0 ? [] : [wholeShare(w, total)]);
  restNote(w, t, TOTAL, total, top);
  const table = t.done();
  return table ? [table] : [];
}

function prp(w: Writer, scope: SectionScope): Table[] {
  const L = w.locale;
  const t = new TableBuilder(
    w,
    'prp-countries',
    L.t.tableCaption({ subject: L.list([L.t.noun('prp_issued'), L.t.noun('prp_terminated')]), by: 'country', unit: L.unitLabel('persons'), period: L.periodLabel(scope.period!) }),
    [left(L.t.words.country), right(L.t.words.issued), right(L.t.words.terminated), right(L.t.words.balance)],
  );
  const line = (label: string, partner: string, total: boolean) => {
    const issued = w.get(factId('prp', 'issued', partnerKey(partner), 'level'), 'level');
    const terminated = w.get(factId('prp', 'terminated', partnerKey(partner), 'level'), 'level');
    const balance = w.get(factId('prp', partnerKey(partner), 'balance'), 'balance');
    t.row([label, t.cell(issued?.value, 'count', issued?.flags), t.cell(terminated?.value, 'count', terminated?.flags), t.cell(balance?.value, 'count', balance?.flags, true)], [issued, terminated, balance], total);
  };
  for (const g of GROUPS) {
    const issued = w.get(factId('prp', 'issued', partnerKey(g), 'top'), 'top')?.members ?? [];
    const terminated = w.get(factId('prp', 'terminated', partnerKey(g), 'top'), 'top')?.members ?? [];
    // Largest issued first, then countries with terminations only.
    const codes = [...issued.map((m) => m.partner), ...terminated.map((m) => m.partner)].filter((c, i, all) => all.indexOf(c) === i);
    for (const c of codes) line(L.partnerLabel(c), c, false);
    if (codes.length || w.get(factId('prp', 'issued', partnerKey(g), 'level'), 'level')) line(L.partnerLabel(g), g, true);
  }
  if (t.rows.length) line(L.t.words.total, TOTAL, true);
  const gap = w.get('prp.issued.partition', 'partition');
  if (gap) {
    const note = partitionSentence(w, gap);
    t.note(note.text, note.claims);
  }
  const table = t.done();
  return table ? [table] : [];
}

function kandas(w: Writer): Table[] {
  const L = w.locale;
  const tables: Table[] = [];
  for (const indicator of ['kandas_by_age', 'kandas_by_education']) {
    const levels = structureLevels(w, indicator);
    if (!levels.length) continue;
    const t = new TableBuilder(w, `kandas-${indicator === 'kandas_by_age' ? 'age' : 'education'}`, L.t.tableCaption({ subject: L.indicatorName(indicator) || indicator, by: 'category', unit: L.unitLabel('percent'), period: stockPeriod(w, levels[0].period) }), [
      left(indicator === 'kandas_by_age' ? L.t.words.ageGroup : L.t.words.education),
      right(L.t.words.share),
    ]);
    for (const f of levels) t.row([L.t.breakdownLabel(breakdownKey(f)), t.cell(f.value, 'percent', f.flags)], [f]);
    for (const n of structureNotes(w, indicator, levels)) t.note(n.text, n.claims);
    const table = t.done();
    if (table) tables.push(table);
  }
  return tables;
}

/** A stock's date as a caption says it ("as of 1 September 2023"); other periods by their label. */
export function stockPeriod(w: Writer, p: Period): string {
  return p.kind === 'date' ? w.locale.periodIn(p) : w.locale.periodLabel(p);
}

/** The published parts of a structure, largest first. */
export function structureLevels(w: Writer, indicator: string): LevelFact[] {
  return w.facts
    .ofSection('kandas')
    .filter((f): f is LevelFact => f.kind === 'level' && f.subject.indicator === indicator)
    .sort((a, b) => b.value - a.value || byCode(a.id, b.id));
}

/** The category of a structure level (`kandas.education.higher.level` → higher). */
export function breakdownKey(f: LevelFact): string {
  return f.id.split('.')[2];
}

/**
 * Notes on a structure's total, from the displayed parts: a whole (age groups) may round to 99.9 or 100.1;
 * a partial breakdown (education of the working-age) leaves a remainder that the source does not break down.
 */
export function structureNotes(w: Writer, indicator: string, levels: LevelFact[]): Sentence[] {
  const L = w.locale;
  const sum = levels.reduce((t, f) => t + L.rounded(f.value, 'percent'), 0);
  const gap = 100 - sum;
  if (Math.abs(gap) < 1e-9) return [];
  const p = levels[0].period;
  const parts = levels.map((f) => f.subject.breakdown);
  const flags = [...new Set(levels.flatMap((f) => f.flags))].sort();
  const claim = (what: 'sum' | 'rest', value: number): Claim => ({
    what, series: { indicator, partner: TOTAL, region: '', breakdown: '' }, period: p.code, marks: flags, members: parts, value, display: 'percent', shown: L.digits(value, 'percent'),
  });
  // A structure's published parts over 100, or a whole (age groups) short of it beyond rounding, is said as it is.
  if (gap < -0.5 || (indicator === 'kandas_by_age' && gap > 0.5)) return [sentence(L.t.structureSum({ indicator, sum: L.number(sum, 'percent') }), levels, [claim('sum', sum)])];
  if (indicator === 'kandas_by_age' || gap < 0) return [sentence(L.t.roundingNote({ sum: L.number(sum, 'percent') }), levels)];
  return [sentence(L.t.structureRest({ rest: L.number(gap, 'percent'), indicator }), levels, [claim('rest', gap)])];
}

function remittances(w: Writer, scope: SectionScope, section: 'remittances_out' | 'remittances_in'): Table[] {
  const L = w.locale;
  const p = scope.period!;
  const b = scope.baseline;
  const top = w.get(`${section}.total.top`, 'top');
  const total = w.get(`${section}.total.level`, 'level');
  const t = new TableBuilder(
    w,
    `${section}-countries`,
    L.t.tableCaption({ subject: L.t.noun(section), by: 'country', unit: L.unitLabel('usd_million'), period: b ? L.list([L.periodLabel(p), L.periodLabel(b)]) : L.periodLabel(p) }),
    [
      left(L.t.words.country),
      right(L.periodLabel(p)),
      right(L.t.words.share),
      ...(b ? [right(L.periodLabel(b)), right(L.t.words.share), right(L.t.words.change)] : []),
    ],
  );
  const line = (label: string, partner: string, isTotal: boolean) => {
    const key = partnerKey(partner);
    const level = w.get(factId(section, key, 'level'), 'level');
    const share = isTotal ? undefined : w.get(factId(section, key, 'share'), 'share');
    const change = w.get(factId(section, key, 'change'), 'change');
    const before = isTotal ? w.get(factId(section, 'total', 'level_before'), 'level') : undefined;
    const shareBefore = isTotal ? undefined : w.get(factId(section, key, 'share_before'), 'share');
    // A total is 100% of itself, where it is not zero (a share of nothing does not exist).
    const hundred = (v: number | undefined) => (v === undefined || v === 0 ? t.cell(undefined, 'percent') : t.cell(100, 'percent'));
    const cells = [label, t.cell(level?.value, 'money', level?.flags), isTotal ? hundred(level?.value) : t.cell(share?.value, 'percent')];
    const extra: Claim[] = [];
    if (isTotal && level && level.value !== 0) extra.push(wholeShare(w, level, p));
    if (b) {
      const beforeValue = change?.from ?? before?.value;
      const beforeFlags = change ? flagsAt(change.inputs, b) : (before?.flags ?? []);
      cells.push(t.cell(beforeValue, 'money', beforeFlags), isTotal ? hundred(beforeValue) : t.cell(shareBefore?.value, 'percent'), t.cell(change?.pct, 'percent', change?.flags, true));
      if (isTotal && (level ?? before) && beforeValue !== undefined && beforeValue !== 0) extra.push(wholeShare(w, (level ?? before)!, b, beforeFlags));
    }
    t.row(cells, [level, share, change, before, shareBefore], isTotal, extra);
  };
  for (const m of top?.members ?? []) line(L.partnerLabel(m.partner), m.partner, false);
  if (total && t.rows.length) line(L.t.words.total, TOTAL, true);
  restNote(w, t, TOTAL, total, top);
  const table = t.done();
  return table ? [table] : [];
}

// ── BNS release ─────────────────────────────────────────────────────────────────────────────

function keyPoints(w: Writer): Table[] {
  const L = w.locale;
  const balances = w.facts.ofSection('key_points').filter((f) => f.kind === 'balance' && f.id.startsWith('key_points.dynamic.'));
  if (balances.length === 0) return [];
  const periods = balances.map((f) => (f.kind === 'balance' ? f.period : undefined)!);
  const span = periods.length > 1 ? L.t.periodRange(L.periodLabel(periods[0]), L.periodLabel(periods[periods.length - 1])) : L.periodLabel(periods[0]);
  const t = new TableBuilder(w, 'key-points-dynamic', L.t.tableCaption({ subject: L.list([L.t.noun('pr_arrivals'), L.t.noun('pr_departures'), L.t.noun('net_migration')]), by: 'period', unit: L.unitLabel('persons'), period: span }), [
    left(L.t.words.period),
    right(L.t.words.arrivals),
    right(L.t.words.departures),
    right(L.t.words.net),
  ]);
  for (const q of periods) {
    const f = w.get(dynamicId(q), 'balance');
    if (!f) continue;
    t.row([L.periodLabel(q), t.cell(f.plus, 'count', flagsAt(f.inputs.filter((i) => i.indicator === f.subject.indicator), q)), t.cell(f.minus, 'count', flagsAt(f.inputs.filter((i) => i.indicator === f.minusIndicator), q)), t.cell(f.value, 'count', f.flags, true)], [f]);
  }
  const table = t.done();
  return table ? [table] : [];
}

function internal(w: Writer): Table[] {
  const L = w.locale;
  const levels = w.facts
    .ofSection('internal')
    .filter((f): f is LevelFact => f.kind === 'level' && f.subject.indicator === 'interregional_net')
    .sort((a, b) => b.value - a.value || byCode(a.subject.region, b.subject.region));
  if (levels.length === 0) return [];
  const t = new TableBuilder(w, 'internal-regions', L.t.tableCaption({ subject: L.t.words.netInterregional, by: 'region', unit: L.unitLabel('persons'), period: stockPeriod(w, levels[0].period) }), [
    left(L.t.words.region),
    right(L.t.words.netInterregional),
  ]);
  for (const f of levels) t.row([L.region(f.subject.region), t.cell(f.value, 'count', f.flags, true)], [f]);
  t.note(L.t.publishedRegionsNote);
  const table = t.done();
  return table ? [table] : [];
}

/** The standalone tables of a section (none when it has no data). */
export function sectionTables(w: Writer, scope: SectionScope): Table[] {
  if (!scope.period) return [];
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
      return keyPoints(w);
    case 'internal':
      return internal(w);
  }
  return [];
}
