// The narrate stage: facts → sentences with their claims, tables and chart data → the report model templates consume.
//
//   computeFacts ──► per section: writeSection (sentences + claims) + tables + charts
//                └─► key findings (the editor's rules of findings.ts, report.yaml pins/drops)
//   every text ──► verifyReport (src/verify/: claims re-derived from the rows, words read against them) ──► ReportModel
import type { Dataset } from '../model.ts';
import { TOTAL } from '../model.ts';
import { computeFacts, type ChangeFact, type ComputedFacts, type Fact, type Flag, type LevelFact, type TopFact } from '../compare/index.ts';
import { expandPartners } from '../compare/sections.ts';
import { loadKind, type LocaleKeys } from '../kinds/load.ts';
import { DEFAULT_CHART_SPEC, typedBlock, type ChartBlock } from '../kinds/schema.ts';
import { factId, partnerKey } from '../compare/ids.ts';
import type { SectionScope } from '../compare/sections.ts';
import { DefectError, UserError, formatLocation } from '../errors.ts';
import { explainClaim, verifyReport, type ChartCheck, type TableCheck, type Verified, type WordsCheck } from '../verify/index.ts';
import { checkTableRow, checkWords, orphanFigures } from '../verify/words.ts';
import { parsePeriodCached } from '../period.ts';
import { describeClaim, formulaOf, type Claim } from '../claims.ts';
import { narrateMessages } from '../messages/index.ts';
import type { ChartData, FigureProvenance, ReportModel, Section, Sentence, Table, TableRow, TemplateKind } from '../report-model.ts';
import { keyFindings } from './findings.ts';
import type { Locale, LocaleFactory } from './locale.ts';
import { narrativeIn } from '../load/narrative.ts';
import { createEnglish } from './locales/en.ts';
import { createKazakh } from './locales/kk.ts';
import { createRussian } from './locales/ru.ts';
import { factBodyOf, measureTools, memberSharesOf, notBrokenDown, seriesRows, structureLevelsOf, writeSection, type SectionContext } from './sections.ts';
import { breakdownKey, sectionTables, stockPeriod, structureNotes, wordOf } from './tables.ts';
import { Writer, sentence, styleOf } from './write.ts';

export { computeFacts } from '../compare/index.ts';
export type { Locale } from './locale.ts';

/** Locales by language tag; adding one is adding a module here (see README.md). */
export const LOCALES: Record<string, LocaleFactory> = { en: createEnglish, ru: createRussian, kk: createKazakh };

/** The keys a report kind may name, in every locale (a key missing in one language is an error when the spec is read). */
export function localeKeysAll(dataset: Dataset): Record<string, LocaleKeys> {
  return Object.fromEntries(Object.keys(LOCALES).map((lang) => [lang, localeFor(dataset, lang).keys]));
}

/** One locale per reference and language: the locale and the verifier cache name forms and period phrases per locale object. */
const locales = new WeakMap<Dataset['reference'], Map<string, Locale>>();

export function localeFor(dataset: Dataset, lang: string): Locale {
  const factory = LOCALES[lang];
  if (!factory) throw new UserError(narrateMessages.unknownLanguage(lang, Object.keys(LOCALES)));
  let byLang = locales.get(dataset.reference);
  if (!byLang) locales.set(dataset.reference, (byLang = new Map()));
  let locale = byLang.get(lang);
  if (!locale) byLang.set(lang, (locale = factory(dataset.reference)));
  return locale;
}


function flagOf(f: Fact | undefined): string {
  return f?.flags.includes('E') ? 'E' : f?.flags.includes('I') ? 'I' : '';
}

/** Table and bar chart of the members of a whole (partners-bar), largest first. */
function membersChart(w: Writer, id: string, spec: string, top: TopFact | undefined, subject: string, finding: Sentence | undefined): ChartData | undefined {
  if (!top || top.members.length === 0) return undefined;
  const L = w.locale;
  const when = L.periodLabel(top.period);
  const rows: TableRow[] = [];
  const values: Record<string, unknown>[] = [];
  for (const m of top.members) {
    const level = w.get(m.levelId, 'level')!;
    const share = m.shareId ? w.get(m.shareId, 'share') : undefined;
    const cells = [L.partnerLabel(m.partner), w.level(level), share ? L.number(share.value, 'percent') : L.t.words.notAvailable];
    rows.push({ cells, flags: level.flags, claims: w.rowClaims(cells, [level, share]) });
    values.push({ partner: L.partnerLabel(m.partner), value: m.value, label: L.number(m.value, styleOf(level.unit)), flag: flagOf(level) });
  }
  const caption = L.t.caption({ subject, by: 'country', period: when });
  const table: Table = {
    id: `${id}-table`,
    caption,
    columns: [
      { label: L.t.words.country, align: 'left' },
      { label: when, align: 'right' },
      { label: L.t.words.share, align: 'right' },
    ],
    rows,
    notes: [],
    sources: [...new Set(top.inputs.map((i) => i.source))],
  };
  return { id, spec, values, caption, ...altOf(L, { type: 'bars', subject, period: when }, finding), source: table.sources.join(', '), table };
}

/** Two periods side by side for each member (two-periods-bar), with the signed change in the table. */
function twoPeriodsChart(w: Writer, id: string, spec: string, changeOf: (partner: string) => ChangeFact | undefined, scope: SectionScope, partners: string[], subject: string, finding: Sentence | undefined, isGroup: (code: string) => boolean): ChartData | undefined {
  if (!scope.baseline || !scope.period) return undefined;
  const L = w.locale;
  const rows: TableRow[] = [];
  const values: Record<string, unknown>[] = [];
  const before = L.periodLabel(scope.baseline);
  const now = L.periodLabel(scope.period);
  const sources = new Set<string>();
  for (const p of partners) {
    const c = changeOf(p);
    if (!c) continue;
    const style = styleOf(c.unit);
    c.inputs.forEach((i) => sources.add(i.source));
    const cells = [L.partnerLabel(p), L.number(c.from, style), L.number(c.to, style), c.pct === null ? L.t.words.notAvailable : L.number(c.pct, 'percent', true)];
    rows.push({ cells, flags: c.flags, claims: w.rowClaims(cells, [c]) });
    values.push({ partner: L.partnerLabel(p), period: before, value: c.from, label: L.number(c.from, style), order: 1, flag: flagOf(c) });
    values.push({ partner: L.partnerLabel(p), period: now, value: c.to, label: L.number(c.to, style), order: 2, flag: '' });
  }
  if (rows.length === 0) return undefined;
  // Rows that are all groups are by group, not by country.
  const by = partners.length > 0 && partners.every((p) => isGroup(p)) ? 'group' : 'country';
  const caption = L.t.caption({ subject, by, period: `${before} / ${now}` });
  const table: Table = {
    id: `${id}-table`, caption,
    columns: [{ label: L.t.words.country, align: 'left' }, { label: before, align: 'right' }, { label: now, align: 'right' }, { label: L.t.words.change, align: 'right' }],
    rows, notes: [], sources: [...sources],
  };
  return { id, spec, values, caption, ...altOf(L, { type: 'two-periods', subject, period: `${before} / ${now}` }, finding), source: table.sources.join(', '), table };
}

/** A chart's alt text — its type, what it shows and the finding it repeats — with that finding's text and claims. */
function altOf(L: Locale, a: Omit<Parameters<Locale['t']['alt']>[0], 'finding'>, finding: Sentence | undefined): Pick<ChartData, 'alt' | 'altClaims' | 'altFinding'> {
  return { alt: L.t.alt({ ...a, finding: finding?.text ?? '' }), altClaims: finding?.claims ?? [], altFinding: finding?.text };
}

/** A chart block of a section (templates/<kind>/report.yaml `charts:`): its data, table, caption and alt text. */
function chartBlock(c: SectionContext, block: ChartBlock, paragraphs: Sentence[][], charts: ChartData[], notes: Sentence[]): void {
  const { w, scope } = c;
  const L = w.locale;
  const section = scope.id;
  const { indicator, id } = measureTools(c);
  const flat = paragraphs.flat();
  const findingFor = (factIdPrefix: string) => flat.find((s) => s.factIds.some((f) => f.startsWith(factIdPrefix)));
  const finding = (ref: string | undefined) => (ref === undefined ? undefined : findingFor(factId(section, ref)));
  const specOf = (b: { spec?: string }, type: keyof typeof DEFAULT_CHART_SPEC) => b.spec ?? DEFAULT_CHART_SPEC[type];
  // A chart of a whole's members that cannot be drawn: the whole has figures but none by country, or none at all.
  const push = (chart: ChartData | undefined, ind: string, whole: string) => {
    if (chart) return charts.push(chart);
    const level = w.facts.all().some((f) => f.kind === 'level' && f.subject.indicator === ind && f.subject.partner === whole);
    if (level) notes.push(notBrokenDown(w, ind, whole, scope.period!));
    else
      notes.push(
        sentence(L.t.missingSection({ what: L.t.noun(ind, whole === TOTAL ? undefined : whole) }), [], [
          { what: 'no_data', series: { indicator: ind, partner: whole, region: '', breakdown: '' }, period: scope.period!.code, marks: [] },
        ]),
      );
  };
  switch (block.type) {
    case 'members_bar': {
      const b = block.body;
      const ind = indicator(b.measure);
      // One chart per whole; a selector of several wholes (groups) names each chart by its whole.
      const several = b.of.includes('groups') || b.of.length > 1;
      for (const g of c.expand(b.of)) {
        const top = w.get(id(b.measure, g, 'top'), 'top');
        const whole = w.get(id(b.measure, g, 'level'), 'level');
        // Members covering little of their whole are not drawn as if they were its main parts (the text's note says so).
        if (top && top.members.length > 0 && top.members.length < b.min_members) continue;
        if (b.min_coverage > 0 && top?.members.length && whole && whole.value > 0 && (100 * top.members.reduce((t, m) => t + m.value, 0)) / whole.value < b.min_coverage) continue;
        const fid = b.finding === 'top' ? id(b.measure, g, 'top') : b.finding ? factId(section, b.finding) : undefined;
        push(membersChart(w, several ? `${b.id}-${partnerKey(g)}` : b.id, specOf(b, 'members_bar'), top, L.t.noun(ind, g === TOTAL ? undefined : g), fid ? findingFor(fid) : undefined), ind, g);
      }
      return;
    }
    case 'two_periods_bar': {
      const b = block.body;
      const ind = indicator(b.measure);
      if (b.members_of) {
        // The members of a whole in both periods where they can be compared; else this period's members alone.
        const whole = c.expand([b.members_of])[0];
        const top = w.get(id(b.measure, whole, 'top'), 'top');
        const partners = (top?.members ?? []).map((m) => m.partner);
        const chart =
          twoPeriodsChart(w, b.id, specOf(b, 'two_periods_bar'), (p) => w.get(id(b.measure, p, 'change'), 'change'), scope, partners, L.t.noun(ind), finding(b.finding), c.isGroup) ??
          (b.otherwise === 'members_bar' ? membersChart(w, b.id, DEFAULT_CHART_SPEC.members_bar, top, L.t.noun(ind), findingFor(id(b.measure, whole, 'top'))) : undefined);
        push(chart, ind, whole);
        return;
      }
      const chart = twoPeriodsChart(w, b.id, specOf(b, 'two_periods_bar'), (p) => w.get(id(b.measure, p, 'change'), 'change'), scope, c.expand(b.partners ?? ['total']), L.t.noun(ind), finding(b.finding), c.isGroup);
      if (chart) charts.push(chart);
      return;
    }
    case 'balance_bar': {
      const b = block.body;
      const balances = c.expand(b.partners).flatMap((g) => w.get(id(b.measure, g, 'balance'), 'balance') ?? []);
      if (!balances.length) return;
      const when = L.periodLabel(scope.period!);
      const [head, plus, minus, subject] = b.heads.map((h) => wordOf(w, h));
      const table: Table = {
        id: `${b.id}-table`, caption: L.t.caption({ subject, by: 'group', period: when }),
        columns: [{ label: head, align: 'left' }, { label: plus, align: 'right' }, { label: minus, align: 'right' }, { label: subject, align: 'right' }],
        rows: balances.map((x) => {
          const cells = [L.partnerLabel(x.subject.partner), L.number(x.plus, 'count'), L.number(x.minus, 'count'), L.number(x.value, 'count', true)];
          return { cells, flags: x.flags, claims: w.rowClaims(cells, [x]) };
        }),
        notes: [], sources: [...new Set(balances.flatMap((x) => x.inputs.map((i) => i.source)))],
      };
      charts.push({
        id: b.id, spec: specOf(b, 'balance_bar'), caption: table.caption, table, source: table.sources.join(', '),
        values: balances.map((x) => ({ partner: L.partnerLabel(x.subject.partner), value: x.value, label: L.number(x.value, 'count', true), flag: flagOf(x) })),
        ...altOf(L, { type: 'balance', subject, period: when }, finding(b.finding)),
      });
      return;
    }
    case 'structure_bar': {
      const b = block.body;
      const ind = indicator(b.measure);
      const levels = structureLevelsOf(w, section, ind);
      if (!levels.length) return;
      const structure = structureNotes(w, ind, levels, factBodyOf(scope, b.measure)?.whole === true);
      const when = stockPeriod(w, levels[0].period);
      const group = L.t.structureGroup(ind);
      const caption = L.t.tableCaption({ subject: L.indicatorName(ind) || ind, by: 'category', unit: L.unitLabel('percent'), period: when });
      const table: Table = {
        id: `${b.id}-chart-table`, caption,
        columns: [{ label: wordOf(w, b.head), align: 'left' }, { label: L.t.words.share, align: 'right' }],
        rows: levels.map((f) => {
          const cells = [L.t.breakdownLabel(breakdownKey(f)), L.cell(f.value, 'percent', { flags: f.flags })];
          return { cells, flags: f.flags, claims: w.rowClaims(cells, [f]) };
        }),
        notes: structure.map((n) => n.text), noteClaims: structure.map((n) => n.claims), sources: [...new Set(levels.flatMap((f) => f.inputs.map((i) => i.source)))],
      };
      charts.push({
        id: b.id, spec: specOf(b, 'structure_bar'), caption, table, source: table.sources.join(', '),
        values: levels.map((f) => ({ group, category: L.t.breakdownLabel(breakdownKey(f)), value: f.value, label: L.number(f.value, 'percent'), flag: flagOf(f) })),
        ...altOf(L, { type: 'structure', subject: L.indicatorName(ind) || ind, period: when }, finding(b.finding)),
      });
      return;
    }
    case 'history_line': {
      // The long series of a measure: one point per year with data, oldest first (gaps are not drawn as zeros).
      const b = block.body;
      const ind = indicator(b.measure);
      const prefix = factId(section, b.measure, 'years') + '.';
      const levels = w.facts
        .ofSection(section)
        .filter((f): f is LevelFact => f.kind === 'level' && f.id.startsWith(prefix))
        .sort((x, y) => x.period.end - y.period.end);
      if (levels.length < 2) return;
      const series = L.capitalise(L.t.noun(ind));
      const span = L.t.periodRange(L.periodLabel(levels[0].period), L.periodLabel(levels[levels.length - 1].period));
      const caption = L.t.caption({ subject: L.t.noun(ind), by: 'period', period: span });
      const table: Table = {
        id: `${b.id}-table`, caption,
        columns: [{ label: L.t.words.period, align: 'left' }, { label: series, align: 'right' }],
        rows: levels.map((f) => {
          const cells = [L.periodLabel(f.period), L.number(f.value, styleOf(f.unit))];
          return { cells, flags: f.flags, claims: w.rowClaims(cells, [f]) };
        }),
        notes: [], sources: [...new Set(levels.flatMap((f) => f.inputs.map((i) => i.source)))],
      };
      charts.push({
        id: b.id, spec: specOf(b, 'history_line'), caption, table, source: table.sources.join(', '),
        values: levels.map((f) => ({ year: Math.floor(f.period.end / 12), period: L.periodLabel(f.period), series, value: f.value, label: L.number(f.value, styleOf(f.unit)), flag: flagOf(f) })),
        ...altOf(L, { type: 'line', subject: L.t.noun(ind), period: span }, finding(b.finding)),
      });
      return;
    }
    case 'periods_bar': {
      // The levels of some measures in consecutive periods, one group of bars per period, oldest first: drawn only
      // when enough periods have every measure (fewer repeat the text).
      const b = block.body;
      const series = seriesRows(w, section, b.measures);
      if (series.length < b.min_periods) return;
      const names = b.measures.map((m) => L.capitalise(L.t.noun(indicator(m))));
      const span = L.t.periodRange(L.periodLabel(series[0].period), L.periodLabel(series[series.length - 1].period));
      // "By quarter" when the periods are quarters (months, years), else "by period".
      const kindOf = series[0].period.kind;
      const by = kindOf === 'quarter' || kindOf === 'month' || kindOf === 'year' ? kindOf : 'period';
      const caption = L.t.caption({ subject: L.list(b.measures.map((m) => L.t.noun(indicator(m)))), by, period: span });
      const values: Record<string, unknown>[] = [];
      const rows: TableRow[] = series.map(({ period, levels }, order) => {
        levels.forEach((f, i) => values.push({ period: L.periodLabel(period), order, series: names[i], value: f.value, label: L.number(f.value, styleOf(f.unit)), flag: flagOf(f) }));
        const cells = [L.periodLabel(period), ...levels.map((f) => L.cell(f.value, styleOf(f.unit), { flags: f.flags }))];
        return { cells, flags: [...new Set(levels.flatMap((f) => f.flags))].sort(), claims: w.rowClaims(cells, levels) };
      });
      const table: Table = {
        id: `${b.id}-table`, caption,
        columns: [{ label: L.t.words.period, align: 'left' }, ...names.map((label) => ({ label, align: 'right' as const }))],
        rows, notes: [], sources: [...new Set(series.flatMap((r) => r.levels.flatMap((f) => f.inputs.map((i) => i.source))))],
      };
      charts.push({ id: b.id, spec: specOf(b, 'periods_bar'), values, caption, table, source: table.sources.join(', '), ...altOf(L, { type: 'periods', subject: L.list(b.measures.map((m) => L.t.noun(indicator(m)))), period: span, by }, finding(b.finding)) });
      return;
    }
    case 'shares_bar': {
      // Members by their published share of a whole, largest first (bars of partners-bar).
      const b = block.body;
      const shares = memberSharesOf(w, section, b.measure);
      if (!shares.length) return;
      const ind = indicator(b.measure);
      const when = stockPeriod(w, shares[0].period);
      const caption = L.t.tableCaption({ subject: L.indicatorName(ind) || ind, by: 'category', unit: L.unitLabel('percent'), period: when });
      const table: Table = {
        id: `${b.id}-table`, caption,
        columns: [{ label: L.t.words.country, align: 'left' }, { label: L.t.words.share, align: 'right' }],
        rows: shares.map((f) => {
          const cells = [L.partnerLabel(f.subject.partner), L.cell(f.value, 'percent', { flags: f.flags })];
          return { cells, flags: f.flags, claims: w.rowClaims(cells, [f]) };
        }),
        notes: [], sources: [...new Set(shares.flatMap((f) => f.inputs.map((i) => i.source)))],
      };
      charts.push({
        id: b.id, spec: specOf(b, 'shares_bar'), caption, table, source: table.sources.join(', '),
        values: shares.map((f) => ({ partner: L.partnerLabel(f.subject.partner), value: f.value, label: L.number(f.value, 'percent'), flag: flagOf(f) })),
        ...altOf(L, { type: 'bars', subject: L.indicatorName(ind) || ind, period: when }, finding(b.finding)),
      });
      return;
    }
    case 'series_bar': {
      const b = block.body;
      const rows: TableRow[] = [];
      const values: Record<string, unknown>[] = [];
      const [head, plus, minus, net] = b.heads.map((h) => wordOf(w, h));
      for (const fid of [id(b.measure, TOTAL, 'balance_before'), id(b.measure, TOTAL, 'balance')]) {
        const x = w.get(fid, 'balance');
        if (!x) continue;
        const label = L.periodLabel(x.period);
        const cells = [label, L.number(x.plus, 'count'), L.number(x.minus, 'count'), L.number(x.value, 'count', true)];
        rows.push({ cells, flags: x.flags, claims: w.rowClaims(cells, [x]) });
        values.push(
          { period: label, series: plus, value: x.plus, label: L.number(x.plus, 'count'), flag: '' },
          { period: label, series: minus, value: x.minus, label: L.number(x.minus, 'count'), flag: '' },
          { period: label, series: net, value: x.value, label: L.number(x.value, 'count', true), flag: flagOf(x) },
        );
      }
      if (!rows.length) return;
      // The chart shows the balance and both its sides: its caption names all three.
      const subject = L.list([L.t.noun(indicator(b.measure)), L.t.noun(measureTools(c).minus(b.measure)), L.t.balanceNoun(indicator(b.measure), measureTools(c).minus(b.measure))]);
      const periods = L.list(rows.map((r) => r.cells[0]));
      const caption = L.t.caption({ subject, by: 'period', period: periods });
      const table: Table = {
        id: `${b.id}-table`, caption,
        columns: [{ label: head, align: 'left' }, { label: plus, align: 'right' }, { label: minus, align: 'right' }, { label: net, align: 'right' }],
        rows, notes: [], sources: [...new Set(w.facts.ofSection(section).flatMap((f) => f.inputs.map((i) => i.source)))],
      };
      charts.push({ id: b.id, spec: specOf(b, 'series_bar'), values, caption, table, source: table.sources.join(', '), ...altOf(L, { type: 'series', subject, period: periods }, finding(b.finding)) });
      return;
    }
  }
}

function sectionCharts(c: SectionContext, paragraphs: Sentence[][]): { charts: ChartData[]; notes: Sentence[] } {
  const charts: ChartData[] = [];
  const notes: Sentence[] = [];
  if (!c.scope.period) return { charts, notes };
  for (const b of c.scope.spec.charts) chartBlock(c, typedBlock<ChartBlock>(b), paragraphs, charts, notes);
  // A chart marks estimated and derived values with a lighter dashed bar and "*": its note says so under it.
  for (const chart of charts) {
    const flags = [...new Set(chart.values.map((v) => v.flag).filter((f): f is Flag => f === 'E' || f === 'I'))].sort();
    if (flags.length) chart.note = c.w.locale.t.chartFlagNote(flags);
  }
  return { charts, notes };
}

/** Months between the end of a section's latest data and the report period's end from which the section says so. */
const STALE_MONTHS = 6;

/**
 * A note on a section whose latest figures are old (rule decided for P2 in docs/writing.md). The latest figures are
 * the newest any of the section's facts states: a block may read a later period than the indicator that sets the
 * section's period (BNS 2025: the ratio of internal migrants ends in January–March 2024, the regions' net migration
 * is of 2025), and the note would then say that no later figures exist beside a sentence that states them.
 */
function staleNotes(w: Writer, scope: SectionScope, report: { end: number }, facts: readonly Fact[]): Sentence[] {
  if (!scope.period) return [];
  const latest = Math.max(scope.period.end, ...facts.map((f) => f.period.end));
  if (report.end - latest < STALE_MONTHS) return [];
  return [sentence(w.locale.t.staleNote({ latest: w.locale.periodLabel(scope.period) }), [])];
}

export interface NarratedReport {
  computed: ComputedFacts;
  model: ReportModel;
  /** Every claim re-derived from the rows and read against its words (src/verify/). */
  verified: Verified;
}

/**
 * Facts, sentences, tables and charts for a report, every claim verified.
 * `verify`: `throw` (the default) stops on a claim the verifier rejects; `collect` returns the failures (the fuzzer,
 * the preview); `none` skips the verifier — only for the benchmark, which reports the verifier's share of the time.
 */
export function narrate(dataset: Dataset, opts: { period?: string; template: TemplateKind | string; lang: string; verify?: 'throw' | 'collect' | 'none'; provenance?: boolean }): NarratedReport {
  const locale = localeFor(dataset, opts.lang);
  // The kind's spec, checked against the data's reference files and the keys of every locale.
  const kind = loadKind(opts.template, { reference: dataset.reference, locales: localeKeysAll(dataset) }).spec;
  const computed = computeFacts(dataset, { period: opts.period, template: opts.template, kind });
  const w = new Writer(locale, computed.facts, dataset.reference.regions.size);
  // The analyst's texts in the edition's language (a text it lacks there is a located error).
  const narrative = narrativeIn(dataset.narratives.get(computed.period.code), locale.lang);
  const expand = (selectors: readonly string[]) => expandPartners(dataset, selectors);
  // A period the data say nothing about gets empty sections (the pipeline refuses it), not six "no data" sentences.
  const nothing = computed.sections.every((scope) => !scope.period);
  // A section the kind marks optional is left out when it has no data.
  const shown = computed.sections.filter((scope) => scope.period || !scope.spec.optional);
  // Numbers left by omitted sections close up: 1, 2, 4 → 1, 2, 3 (a number is gone when all its sections are).
  const gone = [...new Set(computed.sections.map((s) => s.spec.number))].filter((n) => !shown.some((s) => s.spec.number === n));
  const numberOf = (n: number) => n - gone.filter((g) => g < n).length;
  const sections: Section[] = shown.map((scope) => {
    const c = {
      w, scope, expand,
      unitOf: (indicator: string) => dataset.reference.indicators.get(indicator)?.unit ?? 'persons',
      isGroup: (code: string) => dataset.reference.countries.get(code)?.isGroup === true,
      baseOf: (indicator: string) => dataset.reference.indicators.get(indicator)?.base[0],
    };
    const written = nothing ? { paragraphs: [], notes: [] } : writeSection(c, computed.period);
    const { charts, notes } = sectionCharts(c, written.paragraphs);
    return {
      id: scope.id,
      number: numberOf(scope.spec.number),
      title: locale.t.sectionTitle(scope.spec.title ?? scope.id),
      group: scope.spec.group ? locale.t.sectionGroupTitle(scope.spec.group) : undefined,
      // Each period the section's figures are of, so that the heading never names one period for figures of another.
      dataPeriodLabel: scope.periods ? locale.list(scope.periods.map((q) => locale.periodLabel(q))) : '',
      paragraphs: written.paragraphs,
      tables: sectionTables(c),
      charts,
      notes: [...written.notes, ...notes, ...staleNotes(w, scope, computed.period, computed.facts.ofSection(scope.id))],
      note: narrative?.notes[scope.id],
    };
  });
  // Key findings: only what the body states, written by the same code.
  const body = sections.flatMap((s) => s.paragraphs.flat());
  const findings = keyFindings(w, narrative, computed.sections, body, computed.period);
  const all = [...findings, ...body];
  const sources: string[] = [];
  for (const s of all) for (const id of s.sources) if (!sources.includes(id)) sources.push(id);
  for (const t of sections.flatMap((s) => [...s.tables, ...s.charts.map((c) => c.table)])) for (const id of t.sources) if (!sources.includes(id)) sources.push(id);
  const report = narrative?.report ?? {};
  const model: ReportModel = {
    template: computed.template,
    lang: locale.lang,
    period: computed.period.code,
    meta: {
      title: String(report.title ?? ''),
      subtitle: String(report.subtitle ?? ''),
      periodLabel: locale.periodLabel(computed.period),
      published: report.published instanceof Date ? report.published.toISOString().slice(0, 10) : String(report.published ?? ''),
      narrative: report,
      subtitleNamesPeriod: [locale.periodLabel(computed.period), ...locale.vocabulary.periodPhrases(computed.period)].some((ph) => String(report.subtitle ?? '').toLowerCase().includes(ph.toLowerCase())),
      ...(narrative?.brand && Object.keys(narrative.brand).length ? { brand: narrative.brand } : {}),
    },
    front: [...kind.front],
    ...(kind.policy_number !== undefined ? { policyNumber: kind.policy_number } : {}),
    ...(narrative?.notes.key_findings || narrative?.notes.policy
      ? { frontNotes: { ...(narrative.notes.key_findings ? { key_findings: narrative.notes.key_findings } : {}), ...(narrative.notes.policy ? { policy: narrative.notes.policy } : {}) } }
      : {}),
    findings,
    sections,
    charts: sections.flatMap((s) => s.charts),
    sources,
  };
  // The independent verifier: a claim the data do not support stops the build as a defect of migreport.
  if (opts.verify === 'none') return { computed, model, verified: { claims: 0, failures: [] } };
  const periodOf = new Map(computed.sections.map((sc) => [sc.id, sc.period]));
  const words: WordsCheck = (t, where, section) =>
    checkWords(t.text, t.claims, locale.vocabulary, { period: section ? (periodOf.get(section) ?? computed.period) : undefined }, locale.words).map((f) => ({ where, text: t.text, claim: f.claim, reason: f.reason }));
  const periodsOf = (section: string, claims: Claim[]) => {
    const sc = computed.sections.find((x) => x.id === section);
    const codes = new Set<string>();
    for (const c of claims) {
      codes.add(c.period);
      if ('baseline' in c) codes.add(c.baseline);
      if ('since' in c) codes.add(c.since);
    }
    return [...(sc?.period ? [sc.period] : []), ...(sc?.baseline ? [sc.baseline] : []), computed.period, ...[...codes].flatMap((code) => parsePeriodCached(code) ?? [])];
  };
  const tableCheck: TableCheck = (t, section) => {
    const rowClaims = t.rows.flatMap((r) => r.claims ?? []);
    const out = [...orphanFigures(t.caption, locale.vocabulary, periodsOf(section, rowClaims))];
    for (const r of t.rows) out.push(...checkTableRow(r.cells, r.claims ?? [], locale.vocabulary));
    t.notes.forEach((n, i) => {
      const claims = t.noteClaims?.[i] ?? [];
      if (claims.length) out.push(...checkWords(n, claims, locale.vocabulary, { period: periodOf.get(section) ?? computed.period }, locale.words).map((f) => f.reason));
      else out.push(...orphanFigures(n, locale.vocabulary, periodsOf(section, rowClaims)));
    });
    return out;
  };
  // A chart's alt text is the chart type, what is shown and the finding (a sentence verified where it stands):
  // the words before the finding state no figure of their own.
  const chartCheck: ChartCheck = (c, section) => {
    // The caption and the alt text name the periods the chart's rows are of ("2000 to 2025"), and no figure.
    const periods = periodsOf(section, [...(c.altClaims ?? []), ...(c.table?.rows ?? []).flatMap((r) => r.claims ?? [])]);
    const out = orphanFigures(c.caption, locale.vocabulary, periods);
    const finding = c.altFinding && c.alt.endsWith(c.altFinding) ? c.altFinding : '';
    if (c.altFinding && !finding) out.push(`the alt text does not end with the finding it repeats: “${c.altFinding}”`);
    out.push(...orphanFigures(c.alt.slice(0, c.alt.length - finding.length), locale.vocabulary, periods));
    return out;
  };
  const verified = verifyReport(dataset, model, (v, d) => locale.digits(v, d), words, { table: tableCheck, chart: chartCheck });
  if (verified.failures.length && opts.verify !== 'collect') throw new DefectError(verified.failures, (c) => describeClaim(c as Claim));
  if (opts.provenance) explainFigures(dataset, locale, model, verified);
  return { computed, model, verified };
}

/**
 * For the preview: each figure of each sentence bound to its claim (in order, digits as shown), with what it states,
 * the rows the verifier re-derived it from, and, for a rejected claim, the verifier's reason.
 */
export function explainFigures(ds: Dataset, L: Locale, model: ReportModel, verified: Verified): void {
  const rejected = new Map<Claim, string>();
  for (const f of verified.failures) if (f.claim) rejected.set(f.claim, f.reason);
  const rejectedText = new Map<string, string>();
  for (const f of verified.failures) if (!f.claim) rejectedText.set(f.text, f.reason);
  const sentences = [...model.findings, ...model.sections.flatMap((s) => [...s.paragraphs.flat(), ...s.notes])];
  for (const s of sentences) {
    const tokens = L.vocabulary.readNumbers(s.text);
    const used = new Set<number>();
    const out: FigureProvenance[] = [];
    for (const c of s.claims) {
      if (!('shown' in c) || c.shown === undefined) continue;
      const i = tokens.findIndex((t, k) => !used.has(k) && t.digits === c.shown);
      if (i < 0) continue;
      used.add(i);
      const why = rejected.get(c);
      const explained = explainClaim(ds, c, (v, d) => L.digits(v, d));
      const rows = 'rows' in explained ? explained.rows.map((r) => `${formatLocation(r.at)} (${r.source}${r.status !== 'A' ? `, ${r.status}` : ''})`) : [];
      const text = why
        ? `Rejected: ${why}`
        : `States: ${describeClaim(c)}. Formula: ${formulaOf(c)}. Recomputed: ${c.shown}, as shown. Re-derived from: ${rows.join('; ') || 'no row'}.`;
      out.push({ start: tokens[i].index + (tokens[i].sign ? 1 : 0), end: tokens[i].end, explanation: text, rejected: !!why });
    }
    // A failure of the words as a whole (a figure or word no claim states) marks the whole sentence.
    const textWhy = rejectedText.get(s.text);
    s.provenance = textWhy ? [{ start: 0, end: s.text.length, explanation: `Rejected: ${textWhy}`, rejected: true }] : out;
  }
}

/** The report model for a template, period and language (what the render stage consumes). */
export function buildReportModel(dataset: Dataset, opts: { period?: string; template: TemplateKind; lang: string; verify?: 'throw' | 'collect'; provenance?: boolean }): ReportModel {
  return narrate(dataset, opts).model;
}

export { TOTAL };
