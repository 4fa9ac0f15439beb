// The build pipeline: one function per stage, run in the order drawn below.
//
//   data/ ──load──► Dataset ──audit──► findings (warnings; errors under --strict)
//                      │
//                      └──compare + narrate──► ReportModel (facts → sentences, tables, chart data)
//                                                  │
//                              charts (Vega-Lite spec + values ──► static SVG)
//                                                  │
//   templates/ + styles/ ──────────────► render (Handlebars) ──► HTML ──► PDF (Chromium)
//
// Chromium's start-up is the slowest step, so `build` asks for the browser first and only
// awaits it when the HTML is ready: the data and chart work overlap the start-up.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderCharts } from './charts/index.ts';
import { narrativeIn } from './load/narrative.ts';
import { sourcesIn } from './render/sources.ts';
import { audit, type Finding } from './check/audit.ts';
import { UserError, UserErrors } from './errors.ts';
import { cliMessages } from './messages/index.ts';
import { loadProject } from './load/index.ts';
import type { Dataset } from './model.ts';
import { buildReportModel, localeFor } from './narrate/index.ts';
import type { ReportModel } from './report-model.ts';
import { parsePeriod } from './period.ts';
import { renderHtml, requireLabels, type PolicyInput } from './render/index.ts';
import { packageFile } from './paths.ts';
import { byCode } from './order.ts';

export interface ReportRequest {
  period?: string;
  template: string;
  lang: string;
  /** The preview's draft: rejected claims are marked in place instead of stopping, every figure explained on hover. */
  preview?: boolean;
}

export interface ProjectPaths {
  root: string; // project root: templates/ and styles/ live here
  data: string; // data folder
}

export interface StageTimer {
  <T>(stage: string, work: () => T): T;
}

/** Runs a stage and reports its duration; the default does nothing but run it. */
export const untimed: StageTimer = (_stage, work) => work();

export interface RenderedReport {
  model: ReportModel;
  findings: Finding[];
  /** The self-contained HTML brief. */
  html: string;
  /** The same report laid out for print (input of the PDF stage). */
  printHtml: string;
}

export function projectPaths(root: string, data = 'data'): ProjectPaths {
  const abs = resolve(root);
  return { root: abs, data: resolve(abs, data) };
}

/** Load and audit: the first two stages. Under `strict`, any audit finding is an error. */
export async function loadAndAudit(
  paths: ProjectPaths,
  opts: { strict?: boolean } = {},
  time: StageTimer = untimed,
): Promise<{ dataset: Dataset; findings: Finding[] }> {
  const dataset = await time('load', () => loadProject(paths.data, { root: paths.root }));
  const findings = time('check', () => audit(dataset));
  if (opts.strict && findings.length) {
    throw new UserErrors(findings.map((f) => new UserError({ code: f.code, message: f.message, hint: 'the audit runs in --strict mode' }, f.at)));
  }
  return { dataset, findings };
}

/** Everything after loading: facts and sentences, charts, HTML. Pure apart from reading templates. */
export async function renderReport(
  dataset: Dataset,
  findings: Finding[],
  request: ReportRequest,
  paths: ProjectPaths,
  time: StageTimer = untimed,
): Promise<RenderedReport> {
  const model = time('compare+narrate', () =>
    buildReportModel(dataset, { period: request.period, template: request.template as ReportModel['template'], lang: request.lang, ...(request.preview ? { verify: 'collect' as const, provenance: true } : {}) }),
  );
  // A period the data say nothing about is a mistake in the request, not an empty report.
  if (model.sections.every((s) => s.paragraphs.length === 0 && s.tables.length === 0 && s.charts.length === 0)) {
    const noted = [...dataset.narratives.keys()].sort();
    throw new UserError(cliMessages.noDataForPeriod(model.period, request.template, noted));
  }
  // A period without a narrative has no title of its own: the edition is titled in its language, so no heading is empty.
  if (!model.meta.title) model.meta.title = requireLabels(request.lang).titleDefault;
  const templateDir = join(paths.root, 'templates', request.template);
  const dateLabel = dateLabeller(dataset, request.lang);
  const charts = await time('charts', () => renderCharts(model.charts, { templateDir, lang: request.lang }));
  const policy = policyOf(dataset, model.period, request.lang, dateLabel);
  // The sources as this edition's language cites them (a cited source without its texts there is an error).
  const sources = sourcesIn(dataset.reference.sources, [...model.sources, ...policy.flatMap((p) => p.sources)], request.lang);
  const html = time('templates', () =>
    renderHtml(
      model,
      charts,
      {
        root: paths.root,
        template: request.template,
        lang: request.lang,
        sources,
        dateLabel,
        provenance: request.preview === true,
      },
      policy,
    ),
  );
  // One document serves both: the PDF stage adds the print stylesheet and paginates it.
  return { model, findings, html, printHtml: html };
}

/** Says an ISO date (or year-month) as the report's language does. */
function dateLabeller(dataset: Dataset, lang: string): (iso: string) => string {
  const locale = localeFor(dataset, lang);
  return (iso) => {
    const date = parsePeriod(iso);
    return date ? locale.periodLabel(date) : iso;
  };
}

/** The period's dated policy developments, oldest first, with their dates said in the report's language. */
function policyOf(dataset: Dataset, period: string, lang: string, label: (iso: string) => string): PolicyInput[] {
  const items = narrativeIn(dataset.narratives.get(period), lang)?.policy ?? [];
  return [...items]
    .sort((a, b) => byCode(a.date, b.date))
    .map((item) => ({ date: item.date, dateLabel: label(item.date), text: item.text, sources: item.sources }));
}

/** What the PDF stage is given besides the HTML; the same for `build`, the preview's PDF and its print view. */
export interface PrintSetup {
  title: string;
  /** The PDF's Author (and XMP dc:creator): the narrative's publisher_name, else its publisher's first sentence, else the kind. */
  author?: string;
  headerText: string;
  pageLabel: string;
  /** "(continued)" in the report's language, after a split table's repeated caption. */
  continuedLabel: string;
  /** The project's styles/print.css when it has one, else migreport's own. */
  css: string;
  /** The PDF's date: SOURCE_DATE_EPOCH when set, else the publication date of report.yaml, else the period's last day. */
  date?: string;
}

const packagePrintCss = packageFile('styles', 'print.css');

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };

export function printSetup(paths: ProjectPaths, report: Pick<RenderedReport, 'printHtml'> & { model?: ReportModel }, lang: string): PrintSetup {
  const meta = report.model?.meta;
  // A report without a model (a stand-in renderer in tests) is titled by its HTML <title>.
  // Searched for only when the model has no title: the <title> comes after the inline fonts, ~400 KB into the HTML.
  const htmlTitle = () => (/<title>([^<]*)<\/title>/i.exec(report.printHtml)?.[1] ?? 'migreport').replace(/&(lt|gt|quot|#39|amp);/g, (e) => ENTITIES[e]);
  const projectCss = join(paths.root, 'styles', 'print.css');
  return {
    title: meta?.title ? `${meta.title} — ${meta.periodLabel}` : htmlTitle(),
    author: report.model ? authorOf(report.model) : undefined,
    headerText: meta?.title ? `${meta.title} · ${meta.periodLabel}` : htmlTitle(),
    pageLabel: requireLabels(lang).pageLabel,
    continuedLabel: requireLabels(lang).continued,
    css: readFileSync(existsSync(projectCss) ? projectCss : packagePrintCss, 'utf8'),
    date: documentDate(report.model),
  };
}

/**
 * The publisher's name: the narrative's `publisher_name` (the cover's), else the first sentence of its `publisher`
 * text without Markdown; else the kind.
 */
function authorOf(model: ReportModel): string | undefined {
  // A stand-in model (tests of the preview) may have no meta.
  const narrative: Record<string, unknown> = model.meta?.narrative ?? {};
  const name = narrative.publisher_name;
  if (typeof name === 'string' && name.trim()) return name.replace(/\s+/g, ' ').trim();
  const publisher = narrative.publisher;
  const first = typeof publisher === 'string' ? publisher.trim().split(/\n\s*\n/)[0] : '';
  const plain = first.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
  const sentence = plain.split(/(?<=\.)\s+(?=\p{Lu})/u)[0].replace(/\.$/, '');
  return sentence || model.template || undefined;
}

/** The date a PDF carries, from the data, so that the same data give the same bytes (see PrintSetup.date). */
function documentDate(model: ReportModel | undefined): string | undefined {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  if (process.env.SOURCE_DATE_EPOCH && Number.isFinite(epoch)) return new Date(epoch * 1000).toISOString().slice(0, 10);
  if (!model) return undefined;
  const published = /^\d{4}-\d{2}(-\d{2})?$/.exec(model.meta?.published ?? '')?.[0];
  if (published) return published.length === 7 ? `${published}-01` : published;
  const p = typeof model.period === 'string' ? parsePeriod(model.period) : undefined;
  if (!p) return undefined;
  if (p.kind === 'date' && p.date) return p.date;
  const y = Math.floor(p.end / 12);
  const m = (p.end % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}
