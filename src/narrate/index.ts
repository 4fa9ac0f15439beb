// The narrate stage: facts → sentences with their claims, tables and chart data → the report model templates consume.
//
//   computeFacts ──► per section: writeSection (sentences + claims) + tables + charts
//                └─► key findings (the editor's rules of findings.ts, report.yaml pins/drops)
//   every text ──► verifyReport (src/verify/: claims re-derived from the rows, words read against them) ──► ReportModel
import type { Dataset } from '../model.ts';
import { TOTAL } from '../model.ts';
import { computeFacts, type ComputedFacts, type Fact, type TopFact } from '../compare/index.ts';
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
import { createEnglish } from './locales/en.ts';
import { notBrokenDown, writeSection } from './sections.ts';
import { breakdownKey, sectionTables, stockPeriod, structureLevels, structureNotes } from './tables.ts';
import { Writer, sentence, styleOf } from './write.ts';

export { computeFacts } from '../compare/index.ts';
export type { Locale } from './locale.ts';

/** Locales by language tag; adding one is adding a module here (see README.md). */
export const LOCALES: Record<string, LocaleFactory> = { en: createEnglish };

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

const IOM_NUMBERS: Record<string, number> = { flows: 2, trp: 3, prp: 4, kandas: 5, remittances_out: 6, remittances_in: 6 };
const BNS_NUMBERS: Record<string, number> = { key_points: 1, internal: 2 };

function flagOf(f: Fact | undefined): string {
  return f?.flags.includes('E') ? 'E' : f?.flags.includes('I') ? 'I' : '';
}

/** Table and bar chart of the members of a whole (partners-bar), largest first. */
function membersChart(w: Writer, id: string, top: TopFact | undefined, subject: string, finding: Sentence | undefined): ChartData | undefined {
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
  return { id, spec: 'partners-bar', values, caption, ...altOf(L, { type: 'bars', subject, period: when }, finding), source: table.sources.join(', '), table };
}

/** Two periods side by side for each member (two-periods-bar), with the signed change in the table. */
function twoPeriodsChart(w: Writer, id: string, section: string, measure: string, indicator: string, scope: SectionScope, partners: string[], subject: string, finding: Sentence | undefined): ChartData | undefined {
  if (!scope.baseline || !scope.period) return undefined;
  const L = w.locale;
  const rows: TableRow[] = [];
  const values: Record<string, unknown>[] = [];
  const before = L.periodLabel(scope.baseline);
  const now = L.periodLabel(scope.period);
  const sources = new Set<string>();
  for (const p of partners) {
    const c = w.get(factId(section, measure, partnerKey(p), 'change'), 'change');
    if (!c) continue;
    const style = styleOf(c.unit);
    c.inputs.forEach((i) => sources.add(i.source));
    const cells = [L.partnerLabel(p), L.number(c.from, style), L.number(c.to, style), c.pct === null ? L.t.words.notAvailable : L.number(c.pct, 'percent', true)];
    rows.push({ cells, flags: c.flags, claims: w.rowClaims(cells, [c]) });
    values.push({ partner: L.partnerLabel(p), period: before, value: c.from, label: L.number(c.from, style), order: 1, flag: flagOf(c) });
    values.push({ partner: L.partnerLabel(p), period: now, value: c.to, label: L.number(c.to, style), order: 2, flag: '' });
  }
  if (rows.length === 0) return undefined;
  const caption = L.t.caption({ subject, by: 'country', period: `${before} / ${now}` });
  const table: Table = {
    id: `${id}-table`, caption,
    columns: [{ label: L.t.words.country, align: 'left' }, { label: before, align: 'right' }, { label: now, align: 'right' }, { label: L.t.words.change, align: 'right' }],
    rows, notes: [], sources: [...sources],
  };
  void indicator;
  return { id, spec: 'two-periods-bar', values, caption, ...altOf(L, { type: 'two-periods', subject, period: `${before} / ${now}` }, finding), source: table.sources.join(', '), table };
}

/** A chart's alt text — its type, what it shows and the finding it repeats — with that finding's text and claims. */
function altOf(L: Locale, a: Omit<Parameters<Locale['t']['alt']>[0], 'finding'>, finding: Sentence | undefined): Pick<ChartData, 'alt' | 'altClaims' | 'altFinding'> {
  return { alt: L.t.alt({ ...a, finding: finding?.text ?? '' }), altClaims: finding?.claims ?? [], altFinding: finding?.text };
}

function sectionCharts(w: Writer, scope: SectionScope, paragraphs: Sentence[][]): { charts: ChartData[]; notes: Sentence[] } {
  const L = w.locale;
  const charts: ChartData[] = [];
  const notes: Sentence[] = [];
  const flat = paragraphs.flat();
  const findingFor = (factIdPrefix: string) => flat.find((s) => s.factIds.some((id) => id.startsWith(factIdPrefix)));
  // A chart of a whole's members that cannot be drawn: the whole has figures but none by country, or none at all.
  const push = (c: ChartData | undefined, indicator: string, whole: string) => {
    if (c) return charts.push(c);
    const level = w.facts.all().some((f) => f.kind === 'level' && f.subject.indicator === indicator && f.subject.partner === whole);
    if (level) notes.push(notBrokenDown(w, indicator, whole, scope.period!));
    else
      notes.push(
        sentence(L.t.missingSection({ what: L.t.noun(indicator, whole === TOTAL ? undefined : whole) }), [], [
          { what: 'no_data', series: { indicator, partner: whole, region: '', breakdown: '' }, period: scope.period!.code, marks: [] },
        ]),
      );
  };
  if (!scope.period) return { charts, notes };
  switch (scope.id) {
    case 'flows':
      for (const [m, indicator] of [['arrivals', 'border_arrivals'], ['departures', 'border_departures']] as const) {
        for (const g of ['CIS', 'NONCIS']) {
          const top = w.get(factId('flows', m, partnerKey(g), 'top'), 'top');
          push(membersChart(w, `flows-${m}-${g.toLowerCase()}`, top, L.t.noun(indicator, g), findingFor(factId('flows', m, partnerKey(g), 'top'))), indicator, g);
        }
        const c = twoPeriodsChart(w, `flows-${m}-change`, 'flows', m, indicator, scope, ['CIS', 'NONCIS'], L.t.noun(indicator), findingFor(factId('flows', m, 'cis', 'change')));
        if (c) charts.push(c);
      }
      break;
    case 'trp':
      push(membersChart(w, 'trp-countries', w.get('trp.total.top', 'top'), L.t.noun('trp_holders'), findingFor('trp.total.top')), 'trp_holders', TOTAL);
      break;
    case 'prp': {
      for (const g of ['CIS', 'NONCIS']) push(membersChart(w, `prp-issued-${g.toLowerCase()}`, w.get(factId('prp', 'issued', partnerKey(g), 'top'), 'top'), L.t.noun('prp_issued', g), findingFor(factId('prp', 'issued', partnerKey(g), 'top'))), 'prp_issued', g);
      const balances = ['CIS', 'NONCIS'].flatMap((g) => w.get(factId('prp', partnerKey(g), 'balance'), 'balance') ?? []);
      if (balances.length) {
        const when = L.periodLabel(scope.period);
        const subject = L.t.words.balance;
        const table: Table = {
          id: 'prp-balance-table', caption: L.t.caption({ subject, by: 'group', period: when }),
          columns: [{ label: L.t.words.group, align: 'left' }, { label: L.t.words.issued, align: 'right' }, { label: L.t.words.terminated, align: 'right' }, { label: L.t.words.balance, align: 'right' }],
          rows: balances.map((b) => {
            const cells = [L.partnerLabel(b.subject.partner), L.number(b.plus, 'count'), L.number(b.minus, 'count'), L.number(b.value, 'count', true)];
            return { cells, flags: b.flags, claims: w.rowClaims(cells, [b]) };
          }),
          notes: [], sources: [...new Set(balances.flatMap((b) => b.inputs.map((i) => i.source)))],
        };
        charts.push({
          id: 'prp-balance', spec: 'balance-bar', caption: table.caption, table, source: table.sources.join(', '),
          values: balances.map((b) => ({ partner: L.partnerLabel(b.subject.partner), value: b.value, label: L.number(b.value, 'count', true), flag: flagOf(b) })),
          ...altOf(L, { type: 'balance', subject, period: when }, findingFor('prp.cis.balance')),
        });
      }
      break;
    }
    case 'kandas': {
      // One chart per structure: age groups are a whole, education covers the working-age only (and not all of it).
      for (const indicator of ['kandas_by_age', 'kandas_by_education']) {
        const levels = structureLevels(w, indicator);
        if (!levels.length) continue;
        const structure = structureNotes(w, indicator, levels);
        const when = stockPeriod(w, levels[0].period);
        const measure = indicator === 'kandas_by_age' ? 'age' : 'education';
        const group = L.t.structureGroup(indicator);
        const caption = L.t.tableCaption({ subject: L.indicatorName(indicator) || indicator, by: 'category', unit: L.unitLabel('percent'), period: when });
        const table: Table = {
          id: `kandas-${measure}-chart-table`, caption,
          columns: [{ label: measure === 'age' ? L.t.words.ageGroup : L.t.words.education, align: 'left' }, { label: L.t.words.share, align: 'right' }],
          rows: levels.map((f) => {
            const cells = [L.t.breakdownLabel(breakdownKey(f)), L.cell(f.value, 'percent', { flags: f.flags })];
            return { cells, flags: f.flags, claims: w.rowClaims(cells, [f]) };
          }),
          notes: structure.map((n) => n.text), noteClaims: structure.map((n) => n.claims), sources: [...new Set(levels.flatMap((f) => f.inputs.map((i) => i.source)))],
        };
        charts.push({
          id: `kandas-${measure}`, spec: 'structure-bar', caption, table, source: table.sources.join(', '),
          values: levels.map((f) => ({ group, category: L.t.breakdownLabel(breakdownKey(f)), value: f.value, label: L.number(f.value, 'percent'), flag: flagOf(f) })),
          ...altOf(L, { type: 'structure', subject: caption, period: when }, findingFor(`kandas.${measure}`)),
        });
      }
      break;
    }
    case 'remittances_out':
    case 'remittances_in': {
      const top = w.get(`${scope.id}.total.top`, 'top');
      const partners = (top?.members ?? []).map((m) => m.partner);
      // Two periods side by side where the members can be compared; else this period's members alone.
      const c =
        twoPeriodsChart(w, `${scope.id}-countries`, scope.id, '', scope.id, scope, partners, L.t.noun(scope.id), findingFor(`${scope.id}.total.movers`)) ??
        membersChart(w, `${scope.id}-countries`, top, L.t.noun(scope.id), findingFor(`${scope.id}.total.top`));
      push(c, scope.id, TOTAL);
      break;
    }
    case 'key_points': {
      const rows: TableRow[] = [];
      const values: Record<string, unknown>[] = [];
      for (const id of ['key_points.net.balance_before', 'key_points.net.balance']) {
        const b = w.get(id, 'balance');
        if (!b) continue;
        const label = L.periodLabel(b.period);
        const cells = [label, L.number(b.plus, 'count'), L.number(b.minus, 'count'), L.number(b.value, 'count', true)];
        rows.push({ cells, flags: b.flags, claims: w.rowClaims(cells, [b]) });
        values.push(
          { period: label, series: L.t.words.arrivals, value: b.plus, label: L.number(b.plus, 'count'), flag: '' },
          { period: label, series: L.t.words.departures, value: b.minus, label: L.number(b.minus, 'count'), flag: '' },
          { period: label, series: L.t.words.net, value: b.value, label: L.number(b.value, 'count', true), flag: flagOf(b) },
        );
      }
      if (rows.length) {
        const caption = L.t.caption({ subject: L.t.noun('pr_arrivals'), by: 'period', period: rows.map((r) => r.cells[0]).join(', ') });
        const table: Table = {
          id: 'key-points-table', caption,
          columns: [{ label: L.t.words.period, align: 'left' }, { label: L.t.words.arrivals, align: 'right' }, { label: L.t.words.departures, align: 'right' }, { label: L.t.words.net, align: 'right' }],
          rows, notes: [], sources: [...new Set(w.facts.ofSection('key_points').flatMap((f) => f.inputs.map((i) => i.source)))],
        };
        charts.push({ id: 'key-points', spec: 'series-bar', values, caption, table, source: table.sources.join(', '), ...altOf(L, { type: 'series', subject: L.t.noun('pr_arrivals'), period: caption }, findingFor('key_points.arrivals.change')) });
      }
      break;
    }
  }
  return { charts, notes };
}

/** Months between the end of a section's latest data and the report period's end from which the section says so. */
const STALE_MONTHS = 6;

/** A note on a section whose latest figures are old (rule decided for P2 in docs/writing.md). */
function staleNotes(w: Writer, scope: SectionScope, report: { end: number }): Sentence[] {
  if (!scope.period || report.end - scope.period.end < STALE_MONTHS) return [];
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
  const computed = computeFacts(dataset, { period: opts.period, template: opts.template });
  const w = new Writer(locale, computed.facts, dataset.reference.regions.size);
  const narrative = dataset.narratives.get(computed.period.code);
  const numbers = computed.template === 'iom-quarterly' ? IOM_NUMBERS : BNS_NUMBERS;
  // A period the data say nothing about gets empty sections (the pipeline refuses it), not six "no data" sentences.
  const nothing = computed.sections.every((scope) => !scope.period);
  const sections: Section[] = computed.sections.map((scope) => {
    const written = nothing ? { paragraphs: [], notes: [] } : writeSection(w, scope, computed.period);
    const { charts, notes } = sectionCharts(w, scope, written.paragraphs);
    return {
      id: scope.id,
      number: numbers[scope.id] ?? 0,
      title: locale.t.sectionTitle(scope.id),
      group: locale.t.sectionGroupTitle(scope.id),
      dataPeriodLabel: scope.period ? locale.periodLabel(scope.period) : '',
      paragraphs: written.paragraphs,
      tables: sectionTables(w, scope),
      charts,
      notes: [...written.notes, ...notes, ...staleNotes(w, scope, computed.period)],
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
    },
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
    const out = orphanFigures(c.caption, locale.vocabulary, periodsOf(section, c.altClaims ?? []));
    const finding = c.altFinding && c.alt.endsWith(c.altFinding) ? c.altFinding : '';
    if (c.altFinding && !finding) out.push(`the alt text does not end with the finding it repeats: “${c.altFinding}”`);
    out.push(...orphanFigures(c.alt.slice(0, c.alt.length - finding.length), locale.vocabulary, periodsOf(section, c.altClaims ?? [])));
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
