// Render stage: report model + chart SVGs → one self-contained HTML file (CSS, fonts, charts inline).
//
//   ReportModel ──view (footnote numbers, chart SVGs, labels, Markdown → safe HTML)──► View
//   templates/<kind>/report.hbs + partials ──strict Handlebars──► HTML
//
// Templates do no arithmetic and format no numbers: every string they print is in the view.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Handlebars from 'handlebars';
import type { RenderedChart } from '../charts/index.ts';
import type { Source } from '../model.ts';
import type { ChartData, ReportModel, Section, Sentence, Table } from '../report-model.ts';
import { fontFaceCss } from './fonts.ts';
import { LABEL_LANGUAGES, labelsFor, type Labels } from './labels.ts';
import { escapeHtml, markdownInline, markdownToHtml } from './markdown.ts';
import { loadTemplateSet } from './templates.ts';
import { UserError } from '../errors.ts';
import { renderMessages } from '../messages/index.ts';

export interface RenderOptions {
  /** Project root: templates/ and styles/ are read from here. */
  root: string;
  template: string;
  lang: string;
  /** sources.csv, for the footnotes' text. */
  sources: Map<string, Source>;
  /** Says an ISO date in the report's language ("10 May 2024"); from the narrate locale. */
  dateLabel: (iso: string) => string;
  /** The preview: each figure of a sentence explained on hover and focus (never in the published HTML). */
  provenance?: boolean;
}

interface FootnoteView {
  n: number;
  html: Handlebars.SafeString;
}

/**
 * Numbers footnotes in document order; each citation gets the next number, as in print. The
 * first citation of a source gives it in full, later ones in short (publisher, year).
 */
class Footnotes {
  readonly list: FootnoteView[] = [];
  /** Every source cited, in the order a reader first meets it. */
  readonly cited = new Set<string>();
  constructor(
    private readonly sources: Map<string, Source>,
    private readonly labels: Labels,
  ) {}

  /** The footnote references for a list of source ids, as HTML (empty when none); "4,5" for two. */
  cite(ids: string[]): string {
    return [...new Set(ids)]
      .map((id) => {
        const n = this.list.length + 1;
        const short = this.cited.has(id);
        this.cited.add(id);
        this.list.push({ n, html: new Handlebars.SafeString(sourceHtml(this.sources.get(id), id, short)) });
        return `<a class="fnref" href="#fn-${n}" id="fnref-${n}" aria-label="${escapeHtml(this.labels.noteRef.replace('{n}', String(n)))}">${n}</a>`;
      })
      .join('<span class="fnsep">,</span>');
  }
}

function sourceHtml(source: Source | undefined, id: string, short: boolean): string {
  if (!source) return escapeHtml(id);
  if (short) return `${escapeHtml(source.publisher)}${source.year ? `, ${source.year}` : ''}.`;
  const parts = [source.publisher, source.title].filter(Boolean).map(escapeHtml);
  let html = `${parts.join(', ')}${source.year ? `, ${source.year}` : ''}.`;
  if (source.note) html += ` ${escapeHtml(source.note.replace(/[.\s]*$/, '.'))}`;
  if (/^https?:\/\//.test(source.url)) html += ` <a href="${escapeHtml(source.url)}">${escapeHtml(source.url)}</a>`;
  return html;
}

/** A table; its sources are cited on its caption, unless the caller cites them elsewhere. */
function tableView(table: Table, notes: Footnotes | undefined) {
  return {
    id: table.id,
    caption: table.caption,
    refs: new Handlebars.SafeString(notes ? notes.cite(table.sources) : ''),
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

/** A chart's source line names publishers; source ids (as the model may give them) are looked up. */
function sourceLine(source: string, sources: Map<string, Source>): string {
  const ids = source.split(/,\s*/);
  if (!ids.every((id) => sources.has(id))) return source;
  // The publishers once each; a publisher "as reported by" a medium is named alone (its footnotes name the medium).
  return [...new Set(ids.map((id) => sources.get(id)!.publisher.replace(/\s*\([^()]*\)\s*$/, '')))].join('; ');
}

function chartView(chart: ChartData, svgs: Map<string, string>, notes: Footnotes, sources: Map<string, Source>) {
  return {
    id: chart.id,
    caption: chart.caption,
    alt: chart.alt,
    note: chart.note,
    source: sourceLine(chart.source, sources),
    // Cited on the source line, which print shows, not in the figures' table, which it folds away.
    refs: new Handlebars.SafeString(notes.cite(chart.table.sources)),
    svg: new Handlebars.SafeString(svgs.get(chart.id) ?? ''),
    table: tableView(chart.table, undefined),
  };
}

/** A sentence as HTML; in the preview, each figure a focusable span explaining its claim (rejected ones marked). */
function sentenceHtml(s: Sentence): string {
  if (!s.provenance?.length) return escapeHtml(s.text);
  let out = '';
  let at = 0;
  for (const f of [...s.provenance].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    out += escapeHtml(s.text.slice(at, f.start));
    out += `<span class="claim${f.rejected ? ' claim-rejected' : ''}" tabindex="0" title="${escapeHtml(f.explanation)}" data-claim="${escapeHtml(f.explanation)}">${escapeHtml(s.text.slice(f.start, f.end))}</span>`;
    at = f.end;
  }
  return out + escapeHtml(s.text.slice(at));
}

function paragraphHtml(sentences: Sentence[], notes: Footnotes): Handlebars.SafeString {
  const text = sentences.map(sentenceHtml).join(' ');
  return new Handlebars.SafeString(text + notes.cite(sentences.flatMap((s) => s.sources)));
}

/** Section numbers as printed: sections that share a number are its parts (6.1, 6.2). */
function sectionNumbers(sections: Section[]): string[] {
  const count = new Map<number, number>();
  for (const s of sections) count.set(s.number, (count.get(s.number) ?? 0) + 1);
  const seen = new Map<number, number>();
  return sections.map((s) => {
    if (count.get(s.number) === 1) return String(s.number);
    const part = (seen.get(s.number) ?? 0) + 1;
    seen.set(s.number, part);
    return `${s.number}.${part}`;
  });
}

function sectionView(
  section: Section,
  number: string,
  svgs: Map<string, string>,
  notes: Footnotes,
  partials: Set<string>,
  sources: Map<string, Source>,
) {
  // A section may have a partial of its own (section-<id>.hbs); otherwise the generic one.
  const own = `section-${section.id}`;
  const part = number.includes('.');
  return {
    id: section.id,
    partial: partials.has(own) ? own : 'section',
    anchor: `sec-${number.replace('.', '-')}`,
    number,
    /** A part (6.1) has an h3 heading under its number's h2, which the first part carries. */
    part,
    groupHeading:
      part && number.endsWith('.1') ? { anchor: `sec-${section.number}`, number: String(section.number), title: section.group ?? '' } : undefined,
    title: section.title,
    dataPeriodLabel: section.dataPeriodLabel,
    paragraphs: section.paragraphs.map((p) => paragraphHtml(p, notes)),
    tables: section.tables.map((t) => tableView(t, notes)),
    charts: section.charts.map((c) => chartView(c, svgs, notes, sources)),
    notes: section.notes.map((n) => n.text),
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

/** The last stylesheet read and its checked CSS with the fonts: a batch reads the same file for every edition. */
let lastCss: { file: string; text: string; css: string } | undefined;

function css(root: string): string {
  const file = join(root, 'styles', 'report.css');
  // Read every time (the preview's author edits it), checked and joined to the fonts (~400 KB) only when it changed.
  const text = readFileSync(file, 'utf8');
  if (lastCss?.file === file && lastCss.text === text) return lastCss.css;
  assertNoRemoteUrl(text, relative(process.cwd(), file).split('\\').join('/') || file);
  lastCss = { file, text, css: [fontFaceCss(), text].join('\n') };
  return lastCss.css;
}

/**
 * The HTML opens offline and loads nothing from another address: a stylesheet's @import or url()
 * of anything but data: or a #fragment is a located error (reliability check defect 19).
 */
export function assertNoRemoteUrl(text: string, file: string): void {
  const re = /@import\s+(?:url\(\s*)?["']?([^"')\s;]+)|url\(\s*["']?([^"')\s]+)/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const target = m[1] ?? m[2];
    if (/^(data:|#)/i.test(target)) continue;
    const before = text.slice(0, m.index).split('\n');
    throw new UserError(renderMessages.remoteUrlInStyles(target), { file, line: before.length, column: before[before.length - 1].length + 1 });
  }
}

/** The labels of the report's language; a language without them is an error, never English. */
export function requireLabels(lang: string): Labels {
  const labels = labelsFor(lang);
  if (!labels) throw new UserError(renderMessages.noLabels(lang, LABEL_LANGUAGES));
  return labels;
}

/** Builds what the templates see. Order matters: footnotes are numbered as the reader meets them. */
export function reportView(
  model: ReportModel,
  charts: RenderedChart[],
  opts: RenderOptions,
  policy: PolicyInput[] = [],
  partials: Set<string> = new Set(),
) {
  const labels = requireLabels(opts.lang);
  const notes = new Footnotes(opts.sources, labels);
  const svgs = new Map(charts.map((c) => [c.id, c.svg]));
  const n = model.meta.narrative;
  const findings = model.findings.map((s) => new Handlebars.SafeString(sentenceHtml(s)));
  const policyItems: PolicyViewItem[] = policy.map((p) => ({
    date: p.date,
    html: new Handlebars.SafeString(
      `<time datetime="${escapeHtml(p.date)}">${escapeHtml(p.dateLabel)}</time> ${markdownInline(p.text)}${notes.cite(p.sources)}`,
    ),
  }));
  const numbers = sectionNumbers(model.sections);
  const sections = model.sections.map((s, i) => sectionView(s, numbers[i], svgs, notes, partials, opts.sources));
  // A kind may number the policy developments as a section (the IOM compilation: section 1); data sections follow.
  const policySection = model.policyNumber !== undefined ? { anchor: `sec-${model.policyNumber}`, number: String(model.policyNumber), title: labels.policy } : undefined;
  const toc = [
    ...(policySection ? [{ ...policySection, part: false }] : []),
    ...sections.flatMap((s) => [
      ...(s.groupHeading ? [{ ...s.groupHeading, part: false }] : []),
      { anchor: s.anchor, number: s.number, title: s.title, part: s.part },
    ]),
  ];
  return {
    lang: model.lang,
    template: model.template,
    css: new Handlebars.SafeString(css(opts.root)),
    labels,
    title: model.meta.title,
    subtitle: model.meta.subtitle,
    periodLabel: model.meta.periodLabel,
    // The cover states the period once: not again under a subtitle that already names it (issue 13, point 5).
    coverPeriod: model.meta.subtitleNamesPeriod || model.meta.subtitle.includes(model.meta.periodLabel) ? '' : model.meta.periodLabel,
    published: model.meta.published,
    publishedLabel: model.meta.published ? opts.dateLabel(model.meta.published) : '',
    nextPublication: text(n.next_publication),
    nextPublicationLabel: text(n.next_publication) ? opts.dateLabel(text(n.next_publication)) : '',
    glossary: text(n.glossary).trim() ? new Handlebars.SafeString(markdownToHtml(text(n.glossary))) : undefined,
    methodology: text(n.methodology).trim() ? new Handlebars.SafeString(markdownToHtml(text(n.methodology))) : undefined,
    description: `${model.meta.title}: ${model.meta.subtitle}`,
    partners: Array.isArray(n.partners) ? (n.partners as unknown[]).map(text).filter(Boolean) : [],
    about: markdownOr(n.about, labels.aboutDefault),
    objectives: markdownOr(n.objectives, labels.objectivesDefault),
    disclaimer: markdownOr(n.disclaimer, labels.disclaimerDefault),
    publisher: text(n.publisher).trim() ? new Handlebars.SafeString(markdownToHtml(text(n.publisher))) : undefined,
    // The cover's branding (report.yaml): the publisher named, its logo beside the name (so the image is decorative:
    // alt=""), the partners' logos beside their listed names, the band's colour (checked for contrast when loaded).
    publisherName: text(n.publisher_name).trim() || undefined,
    // data: URIs made by the loader from base64 (no character that needs escaping; Handlebars would write = as &#x3D;).
    logo: model.meta.brand?.logo ? new Handlebars.SafeString(model.meta.brand.logo) : undefined,
    partnerLogos: (model.meta.brand?.partnerLogos ?? []).map((uri) => new Handlebars.SafeString(uri)),
    coverColour: model.meta.brand?.coverColour,
    toc,
    // The front matter the kind declares (report.yaml `front`), each a partial; the cover stands outside <main>.
    front: model.front.filter((f) => f !== 'cover').map((f) => ({ partial: f.replace(/_/g, '-') })),
    // The analyst's notes on the key findings and the policy developments (notes.yaml), as written.
    findingsNote: model.frontNotes?.key_findings ? new Handlebars.SafeString(markdownToHtml(model.frontNotes.key_findings)) : undefined,
    policyNote: model.frontNotes?.policy ? new Handlebars.SafeString(markdownToHtml(model.frontNotes.policy)) : undefined,
    findings,
    policy: policyItems,
    policySection,
    sections,
    footnotes: notes.list,
    // Each source cited, once and in full, in the order of first citation (issue 13, point 5).
    sourceList: [...notes.cited].map((id) => new Handlebars.SafeString(sourceHtml(opts.sources.get(id), id, false))),
  };
}

/** Renders the report's HTML: one file, no script, no external request. */
export function renderHtml(model: ReportModel, charts: RenderedChart[], opts: RenderOptions, policy: PolicyInput[] = []): string {
  const set = loadTemplateSet(join(opts.root, 'templates'), opts.template, {}, opts.root);
  return set.render(reportView(model, charts, opts, policy, set.partials));
}
