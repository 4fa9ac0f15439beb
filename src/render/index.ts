// Render stage: report model + chart SVGs → one self-contained HTML file (CSS, fonts, charts inline).
//
//   ReportModel ──view (footnote numbers, chart SVGs, labels, Markdown → safe HTML)──► View
//   templates/<kind>/report.hbs + partials ──strict Handlebars──► HTML
//
// Templates do no arithmetic and format no numbers: every string they print is in the view.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { RenderedChart } from '../charts/index.ts';
import type { Source } from '../model.ts';
import type { ChartData, ReportModel, Section, Sentence, Table } from '../report-model.ts';
import { fontFaceCss } from './fonts.ts';
import { labelsFor, type Labels } from './labels.ts';
import { escapeHtml, markdownInline, markdownToHtml } from './markdown.ts';
import { loadTemplateSet } from './templates.ts';

export interface RenderOptions {
  /** Project root: templates/ and styles/ are read from here. */
  root: string;
  template: string;
  lang: string;
  /** sources.csv, for the footnotes' text. */
  sources: Map<string, Source>;
}

interface FootnoteView {
  n: number;
  html: string;
}

/** Numbers footnotes in document order; each citation gets the next number, as in print. */
class Footnotes {
  readonly list: FootnoteView[] = [];
  constructor(private readonly sources: Map<string, Source>) {}

  /** The footnote references for a list of source ids, as HTML (empty when none). */
  cite(ids: string[]): string {
    return [...new Set(ids)]
      .map((id) => {
        const n = this.list.length + 1;
        this.list.push({ n, html: sourceHtml(this.sources.get(id), id) });
        return `<a class="fnref" href="#fn-${n}" id="fnref-${n}" aria-label="note ${n}">${n}</a>`;
      })
      .join('');
  }
}

function sourceHtml(source: Source | undefined, id: string): string {
  if (!source) return escapeHtml(id);
  const parts = [source.publisher, source.title].filter(Boolean).map(escapeHtml);
  let html = `${parts.join(', ')}${source.year ? `, ${source.year}` : ''}.`;
  if (source.note) html += ` ${escapeHtml(source.note)}`;
  if (/^https?:\/\//.test(source.url)) html += ` <a href="${escapeHtml(source.url)}">${escapeHtml(source.url)}</a>`;
  return html;
}

function tableView(table: Table, notes: Footnotes) {
  return {
    id: table.id,
    caption: table.caption,
    refs: new Handlebars.SafeString(notes.cite(table.sources)),
    columns: table.columns.map((c) => ({ label: c.label, numeric: c.align === 'right' })),
    rows: table.rows.map((r) => ({
      head: r.cells[0] ?? '',
      cells: r.cells.slice(1).map((text, i) => ({ text, numeric: table.columns[i + 1]?.align === 'right' })),
      total: Boolean(r.total),
      flagged: r.flags.length > 0,
    })),
    notes: table.notes,
  };
}

function chartView(chart: ChartData, svgs: Map<string, string>, notes: Footnotes) {
  return {
    id: chart.id,
    caption: chart.caption,
    alt: chart.alt,
    source: chart.source,
    svg: new Handlebars.SafeString(svgs.get(chart.id) ?? ''),
    table: tableView(chart.table, notes),
  };
}

function paragraphHtml(sentences: Sentence[], notes: Footnotes): Handlebars.SafeString {
  const text = sentences.map((s) => escapeHtml(s.text)).join(' ');
  return new Handlebars.SafeString(text + notes.cite(sentences.flatMap((s) => s.sources)));
}

function sectionView(section: Section, svgs: Map<string, string>, notes: Footnotes, partials: Set<string>) {
  // A section may have a partial of its own (section-<id>.hbs); otherwise the generic one.
  const own = `section-${section.id}`;
  return {
    id: section.id,
    partial: partials.has(own) ? own : 'section',
    anchor: `sec-${section.number}`,
    number: section.number,
    title: section.title,
    dataPeriodLabel: section.dataPeriodLabel,
    paragraphs: section.paragraphs.map((p) => paragraphHtml(p, notes)),
    tables: section.tables.map((t) => tableView(t, notes)),
    charts: section.charts.map((c) => chartView(c, svgs, notes)),
    notes: section.notes,
    note: section.note ? new Handlebars.SafeString(markdownToHtml(section.note)) : undefined,
  };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Markdown from report.yaml, or the label's default when the analyst gave none. */
function markdownOr(value: unknown, fallback: string): Handlebars.SafeString {
  const given = text(value).trim();
  return new Handlebars.SafeString(markdownToHtml(given || fallback));
}

interface PolicyViewItem {
  date: string;
  html: Handlebars.SafeString;
}

export interface PolicyInput {
  date: string;
  dateLabel: string;
  text: string;
  sources: string[];
}

function css(root: string): string {
  return [fontFaceCss(), readFileSync(join(root, 'styles', 'report.css'), 'utf8')].join('\n');
}

/** Builds what the templates see. Order matters: footnotes are numbered as the reader meets them. */
export function reportView(
  model: ReportModel,
  charts: RenderedChart[],
  opts: RenderOptions,
  policy: PolicyInput[] = [],
  partials: Set<string> = new Set(),
) {
  const labels: Labels = labelsFor(opts.lang);
  const notes = new Footnotes(opts.sources);
  const svgs = new Map(charts.map((c) => [c.id, c.svg]));
  const n = model.meta.narrative;
  const findings = model.findings.map((s) => new Handlebars.SafeString(escapeHtml(s.text)));
  const policyItems: PolicyViewItem[] = policy.map((p) => ({
    date: p.date,
    html: new Handlebars.SafeString(
      `<time datetime="${escapeHtml(p.date)}">${escapeHtml(p.dateLabel)}</time> ${markdownInline(p.text)}${notes.cite(p.sources)}`,
    ),
  }));
  const sections = model.sections.map((s) => sectionView(s, svgs, notes, partials));
  const hasPolicy = model.template === 'iom-quarterly';
  const toc = [
    ...(hasPolicy ? [{ anchor: 'sec-1', number: 1, title: labels.policy }] : []),
    ...sections.map((s) => ({ anchor: s.anchor, number: s.number, title: s.title })),
  ];
  return {
    lang: model.lang,
    template: model.template,
    css: new Handlebars.SafeString(css(opts.root)),
    labels,
    title: model.meta.title,
    subtitle: model.meta.subtitle,
    periodLabel: model.meta.periodLabel,
    published: model.meta.published,
    description: `${model.meta.title}: ${model.meta.subtitle}`,
    partners: Array.isArray(n.partners) ? (n.partners as unknown[]).map(text).filter(Boolean) : [],
    about: markdownOr(n.about, labels.aboutDefault),
    objectives: markdownOr(n.objectives, labels.objectivesDefault),
    disclaimer: markdownOr(n.disclaimer, labels.disclaimerDefault),
    publisher: text(n.publisher).trim() ? new Handlebars.SafeString(markdownToHtml(text(n.publisher))) : undefined,
    toc,
    findings,
    policy: policyItems,
    sections,
    footnotes: notes.list,
  };
}

/** Renders the report's HTML: one file, no script, no external request. */
export function renderHtml(model: ReportModel, charts: RenderedChart[], opts: RenderOptions, policy: PolicyInput[] = []): string {
  const set = loadTemplateSet(join(opts.root, 'templates'), opts.template, {}, opts.root);
  return set.render(reportView(model, charts, opts, policy, set.partials));
}
