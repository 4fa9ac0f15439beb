// Standalone tables of each section, from the same facts as the sentences: cells through the locale, missing as "–", never 0.
import { TOTAL } from '../model.ts';
import type { Period } from '../period.ts';
import type { BalanceFact, Fact, FactInput, Flag, LevelFact, TopFact } from '../compare/facts.ts';
import { factId, partnerKey } from '../compare/ids.ts';
import { periodRowId } from '../compare/sections.ts';
import { typedBlock, type TableBlock } from '../kinds/schema.ts';
import type { Table, TableColumn, TableRow } from '../report-model.ts';
import type { Style } from './locale.ts';
import { flagsAt, sentence, seriesOf, sourcesOfAll, styleOf, type Writer } from './write.ts';
import { factBodyOf, measureTools, partitionSentence, structureLevelsOf, type SectionContext } from './sections.ts';
import type { Claim, Display } from '../claims.ts';
import type { Sentence } from '../report-model.ts';
import { byCode } from '../order.ts';

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
  const note = restSentence(w, whole, total, top);
  if (note) t.note(note.text, note.claims);
}

/**
 * "The countries listed add up to … of the …; the remaining … are not broken down by country in the source": the
 * part of a whole its members with figures leave out, as a sentence with its claims (none when nothing is left out).
 */
export function restSentence(w: Writer, whole: string, total: LevelFact | undefined, top: TopFact | undefined, named = false): Sentence | undefined {
  if (!total || !top || top.members.length === 0) return undefined;
  const style = styleOf(total.unit);
  const listed = top.members.reduce((s, m) => s + m.value, 0);
  const rest = total.value - listed;
  if (w.locale.rounded(rest, style) <= 0) return undefined;
  const L = w.locale;
  const d = style as Display;
  const members = top.members.map((m) => m.partner);
  const series = { indicator: top.indicator, partner: whole, region: '', breakdown: '' };
  const marksOf = (inputs: FactInput[]) => flagsAt(inputs, top.period);
  const memberInputs = top.inputs.filter((i) => members.includes(i.country));
  const sumMarks = marksOf(memberInputs);
  const restMarks = [...new Set([...sumMarks, ...total.flags])].sort() as Flag[];
  return sentence(
    L.t.restNote({ indicator: top.indicator, whole, ...(named ? { members } : {}), listed: L.number(listed, style) + L.flagMark(sumMarks), rest: L.number(rest, style) + L.flagMark(restMarks), total: L.number(total.value, style) + L.flagMark(total.flags) }),
    [top, total],
    [
      { what: 'sum', series, period: top.period.code, marks: sumMarks, members, value: listed, display: d, shown: L.digits(listed, d) },
      { what: 'rest', series, period: top.period.code, marks: restMarks, members, value: rest, display: d, shown: L.digits(rest, d) },
      w.levelClaim(total),
    ],
  );
}

/** A stock's date as a caption says it ("as of 1 September 2023"); other periods by their label. */
export function stockPeriod(w: Writer, p: Period): string {
  return p.kind === 'date' ? w.locale.periodIn(p) : w.locale.periodLabel(p);
}

/** The category of a structure level (`kandas.education.higher.level` → higher). */
export function breakdownKey(f: LevelFact): string {
  return f.id.split('.')[2];
}

/**
 * Notes on a structure's total, from the displayed parts: a whole (age groups) may round to 99.9 or 100.1;
 * a partial breakdown (education of the working-age) leaves a remainder that the source does not break down.
 */
export function structureNotes(w: Writer, indicator: string, levels: LevelFact[], whole: boolean): Sentence[] {
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
  if (gap < -0.5 || (whole && gap > 0.5)) return [sentence(L.t.structureSum({ indicator, sum: L.number(sum, 'percent') }), levels, [claim('sum', sum)])];
  if (whole || gap < 0) return [sentence(L.t.roundingNote({ sum: L.number(sum, 'percent') }), levels)];
  return [sentence(L.t.structureRest({ rest: L.number(gap, 'percent'), indicator }), levels, [claim('rest', gap)])];
}

// ── The engine: a section's table blocks (templates/<kind>/report.yaml `tables:`) ──────────────

/** A word of the locale by key (`t.words`), or a string-valued key of `t` (notes). */
export function wordOf(w: Writer, key: string): string {
  const L = w.locale;
  return (L.t.words as Record<string, string>)[key] ?? String((L.t as unknown as Record<string, unknown>)[key] ?? key);
}

function tableBlock(c: SectionContext, block: TableBlock): Table[] {
  const { w, scope } = c;
  const L = w.locale;
  const section = scope.id;
  const { indicator, minus, id } = measureTools(c);
  const p = scope.period!;
  const b = scope.baseline;
  const now = L.periodLabel(p);
  const done = (t: TableBuilder) => {
    const table = t.done();
    return table ? [table] : [];
  };
  switch (block.type) {
    case 'aggregates': {
      // Aggregates of each measure for the two periods, with the change.
      const x = block.body;
      const t = new TableBuilder(
        w,
        x.id,
        L.t.tableCaption({ subject: L.list(x.measures.map((m) => L.t.noun(indicator(m)))), by: 'group', unit: L.unitLabel('persons'), period: b ? L.list([L.periodLabel(b), now]) : now }),
        [left(wordOf(w, x.head)), ...(b ? [right(L.periodLabel(b))] : []), right(now), ...(b ? [right(L.t.words.change)] : [])],
      );
      for (const m of x.measures)
        for (const g of c.expand(x.partners)) {
          const level = w.get(id(m, g, 'level'), 'level');
          const change = w.get(id(m, g, 'change'), 'change');
          if (!level) continue;
          const cells = [L.t.rowLabel(indicator(m), g === TOTAL ? undefined : g)];
          if (b) cells.push(t.cell(change?.from, 'count', change ? flagsAt(change.inputs, b) : []));
          cells.push(t.cell(level.value, 'count', level.flags));
          if (b) cells.push(t.cell(change?.pct, 'percent', change?.flags ?? [], true));
          t.row(cells, [level, change], g === TOTAL);
        }
      return done(t);
    }
    case 'members': {
      // The members of each whole with their share of it, then the whole.
      const x = block.body;
      const ind = indicator(x.measure);
      const t = new TableBuilder(w, x.id, L.t.tableCaption({ subject: L.t.noun(ind), by: 'country', unit: L.unitLabel('persons'), period: now }), [
        left(L.t.words.country),
        right(x.value ? wordOf(w, x.value) : L.capitalise(L.t.noun(ind))),
        right(wordOf(w, x.share)),
      ]);
      for (const g of c.expand(x.of)) {
        const top = w.get(id(x.measure, g, 'top'), 'top');
        const total = w.get(id(x.measure, g, 'level'), 'level');
        for (const member of top?.members ?? []) {
          const level = w.get(member.levelId, 'level')!;
          const share = member.shareId ? w.get(member.shareId, 'share') : undefined;
          t.row([L.partnerLabel(member.partner), t.cell(level.value, 'count', level.flags), t.cell(share?.value, 'percent')], [level, share]);
        }
        if (total && top?.members.length)
          t.row([g === TOTAL ? L.t.words.total : L.partnerLabel(g), t.cell(total.value, 'count', total.flags), t.cell(total.value === 0 ? undefined : 100, 'percent')], [total], true, total.value === 0 ? [] : [wholeShare(w, total)]);
        restNote(w, t, g, total, top);
      }
      if (x.note) t.note(wordOf(w, x.note));
      return done(t);
    }
    case 'balance_members': {
      const x = block.body;
      const t = new TableBuilder(
        w,
        x.id,
        L.t.tableCaption({ subject: L.list([L.t.noun(indicator(x.plus)), L.t.noun(indicator(x.minus))]), by: 'country', unit: L.unitLabel('persons'), period: now }),
        [left(L.t.words.country), ...x.heads.map((h) => right(wordOf(w, h)))],
      );
      const line = (label: string, partner: string, total: boolean) => {
        const plus = w.get(id(x.plus, partner, 'level'), 'level');
        const less = w.get(id(x.minus, partner, 'level'), 'level');
        const balance = w.get(id(x.balance, partner, 'balance'), 'balance');
        t.row([label, t.cell(plus?.value, 'count', plus?.flags), t.cell(less?.value, 'count', less?.flags), t.cell(balance?.value, 'count', balance?.flags, true)], [plus, less, balance], total);
      };
      for (const g of c.expand(x.of)) {
        const plus = w.get(id(x.plus, g, 'top'), 'top')?.members ?? [];
        const less = w.get(id(x.minus, g, 'top'), 'top')?.members ?? [];
        // Largest plus first, then members with the minus side only.
        const codes = [...plus.map((m) => m.partner), ...less.map((m) => m.partner)].filter((code, i, all) => all.indexOf(code) === i);
        for (const code of codes) line(L.partnerLabel(code), code, false);
        if (codes.length || w.get(id(x.plus, g, 'level'), 'level')) line(L.partnerLabel(g), g, true);
      }
      if (t.rows.length) line(L.t.words.total, TOTAL, true);
      const gap = w.get(factId(section, x.plus, 'partition'), 'partition');
      if (gap) {
        const note = partitionSentence(w, gap);
        t.note(note.text, note.claims);
      }
      return done(t);
    }
    case 'two_periods_members': {
      const x = block.body;
      const m = x.measure;
      const whole = c.expand([x.of])[0];
      const top = w.get(id(m, whole, 'top'), 'top');
      const total = w.get(id(m, whole, 'level'), 'level');
      const unit = c.unitOf(indicator(m));
      const style = styleOf(unit);
      const t = new TableBuilder(
        w,
        x.id,
        L.t.tableCaption({ subject: L.t.noun(indicator(m)), by: 'country', unit: L.unitLabel(unit), period: b ? L.list([L.periodLabel(p), L.periodLabel(b)]) : L.periodLabel(p) }),
        [left(L.t.words.country), right(L.periodLabel(p)), right(L.t.words.share), ...(b ? [right(L.periodLabel(b)), right(L.t.words.share), right(L.t.words.change)] : [])],
      );
      const line = (label: string, partner: string, isTotal: boolean) => {
        const level = w.get(id(m, partner, 'level'), 'level');
        const share = isTotal ? undefined : w.get(id(m, partner, 'share'), 'share');
        const change = w.get(id(m, partner, 'change'), 'change');
        const before = isTotal ? w.get(factId(section, m, 'total', 'level_before'), 'level') : undefined;
        const shareBefore = isTotal ? undefined : w.get(id(m, partner, 'share_before'), 'share');
        // A total is 100% of itself, where it is not zero (a share of nothing does not exist).
        const hundred = (v: number | undefined) => (v === undefined || v === 0 ? t.cell(undefined, 'percent') : t.cell(100, 'percent'));
        const cells = [label, t.cell(level?.value, style, level?.flags), isTotal ? hundred(level?.value) : t.cell(share?.value, 'percent')];
        const extra: Claim[] = [];
        if (isTotal && level && level.value !== 0) extra.push(wholeShare(w, level, p));
        if (b) {
          const beforeValue = change?.from ?? before?.value;
          const beforeFlags = change ? flagsAt(change.inputs, b) : (before?.flags ?? []);
          cells.push(t.cell(beforeValue, style, beforeFlags), isTotal ? hundred(beforeValue) : t.cell(shareBefore?.value, 'percent'), t.cell(change?.pct, 'percent', change?.flags, true));
          if (isTotal && (level ?? before) && beforeValue !== undefined && beforeValue !== 0) extra.push(wholeShare(w, (level ?? before)!, b, beforeFlags));
        }
        t.row(cells, [level, share, change, before, shareBefore], isTotal, extra);
      };
      for (const member of top?.members ?? []) line(L.partnerLabel(member.partner), member.partner, false);
      if (total && t.rows.length) line(L.t.words.total, whole, true);
      restNote(w, t, whole, total, top);
      return done(t);
    }
    case 'structure': {
      const x = block.body;
      const ind = indicator(x.measure);
      const levels = structureLevelsOf(w, section, ind);
      if (!levels.length) return [];
      const t = new TableBuilder(w, x.id, L.t.tableCaption({ subject: L.indicatorName(ind) || ind, by: 'category', unit: L.unitLabel('percent'), period: stockPeriod(w, levels[0].period) }), [
        left(wordOf(w, x.head)),
        right(L.t.words.share),
      ]);
      for (const f of levels) t.row([L.t.breakdownLabel(breakdownKey(f)), t.cell(f.value, 'percent', f.flags)], [f]);
      for (const n of structureNotes(w, ind, levels, factBodyOf(scope, x.measure)?.whole === true)) t.note(n.text, n.claims);
      return done(t);
    }
    case 'periods': {
      const x = block.body;
      const prefix = factId(section, x.measure) + '.';
      const balances = w.facts.ofSection(section).filter((f): f is BalanceFact => f.kind === 'balance' && f.id.startsWith(prefix));
      if (balances.length === 0) return [];
      const periods = balances.map((f) => f.period);
      const span = periods.length > 1 ? L.t.periodRange(L.periodLabel(periods[0]), L.periodLabel(periods[periods.length - 1])) : L.periodLabel(periods[0]);
      const plus = indicator(x.measure);
      const less = minus(x.measure);
      const t = new TableBuilder(w, x.id, L.t.tableCaption({ subject: L.list([L.t.noun(plus), L.t.noun(less), L.t.balanceNoun(plus, less)]), by: 'period', unit: L.unitLabel('persons'), period: span }), [
        left(wordOf(w, x.heads[0])),
        ...x.heads.slice(1).map((h) => right(wordOf(w, h))),
      ]);
      for (const q of periods) {
        const f = w.get(periodRowId(section, x.measure, q), 'balance');
        if (!f) continue;
        t.row([L.periodLabel(q), t.cell(f.plus, 'count', flagsAt(f.inputs.filter((i) => i.indicator === f.subject.indicator), q)), t.cell(f.minus, 'count', flagsAt(f.inputs.filter((i) => i.indicator === f.minusIndicator), q)), t.cell(f.value, 'count', f.flags, true)], [f]);
      }
      return done(t);
    }
    case 'regions': {
      const x = block.body;
      const ind = indicator(x.measure);
      const levels = w.facts
        .ofSection(section)
        .filter((f): f is LevelFact => f.kind === 'level' && f.subject.indicator === ind)
        .sort((f, g) => g.value - f.value || byCode(f.subject.region, g.subject.region));
      if (levels.length === 0) return [];
      const t = new TableBuilder(w, x.id, L.t.tableCaption({ subject: wordOf(w, x.head), by: 'region', unit: L.unitLabel('persons'), period: stockPeriod(w, levels[0].period) }), [left(L.t.words.region), right(wordOf(w, x.head))]);
      for (const f of levels) t.row([L.region(f.subject.region), t.cell(f.value, 'count', f.flags, true)], [f]);
      if (x.note) t.note(wordOf(w, x.note));
      return done(t);
    }
  }
}

/** The standalone tables of a section (none when it has no data). */
export function sectionTables(c: SectionContext): Table[] {
  if (!c.scope.period) return [];
  return c.scope.spec.tables.flatMap((b) => tableBlock(c, typedBlock<TableBlock>(b)));
}
