// Renders the draft through the build pipeline for the preview, redoing only what a change needs:
// a change under data/ reloads and re-audits the data; a template or style change reuses them.
import path from 'node:path';
import { formatLocation } from '../errors.ts';
import type { SourceLocation } from '../model.ts';
import {
  loadAndAudit as pipelineLoadAndAudit,
  printSetup,
  renderReport as pipelineRenderReport,
  type PrintSetup,
  type ProjectPaths,
  type RenderedReport,
  type ReportRequest,
} from '../pipeline.ts';
import { printPdf as publishPdf } from '../publish/pdf.ts';
import { startBrowser, type BrowserHandle } from '../publish/browser.ts';
import { isInside } from './paths.ts';
import type { Finding, RenderOutcome } from './server.ts';

export interface Draft {
  render: (changed: string[]) => Promise<RenderOutcome>;
  printPdf: () => Promise<Uint8Array>;
  /** Closes the browser started for the PDF, if any. */
  close: () => Promise<void>;
  /** The language the draft is rendered in; `select` changes it for the next render. */
  lang: () => string;
  select: (lang: string) => void;
}

export type { PrintSetup };

/** The pipeline stages the draft runs; tests pass their own. */
export interface DraftStages {
  loadAndAudit: typeof pipelineLoadAndAudit;
  renderReport: typeof pipelineRenderReport;
  printPdf: (html: string, print: PrintSetup, lang: string) => Promise<Uint8Array>;
}

export function draftRenderer(paths: ProjectPaths, initial: ReportRequest, stages: Partial<DraftStages> = {}): Draft {
  const request = { ...initial };
  const loadAndAudit = stages.loadAndAudit ?? pipelineLoadAndAudit;
  const renderReport = stages.renderReport ?? pipelineRenderReport;
  let browser: Promise<BrowserHandle> | undefined;
  const printPdf =
    stages.printPdf ??
    (async (html: string, print: PrintSetup, lang: string) => {
      browser ??= startBrowser(); // started on the first PDF asked for, kept for the next ones
      return publishPdf(html, {
        browser: await browser,
        title: print.title,
        author: print.author,
        headerText: print.headerText,
        pageLabel: print.pageLabel,
        continuedLabel: print.continuedLabel,
        printCss: print.css,
        date: print.date,
        lang,
      });
    });

  let loaded: Awaited<ReturnType<typeof pipelineLoadAndAudit>> | undefined;
  let last: { report: RenderedReport; print: PrintSetup } | undefined;

  const touchesData = (changed: string[]) =>
    changed.length === 0 || changed.some((p) => p === paths.data || isInside(paths.data, p));

  return {
    async render(changed) {
      if (!loaded || touchesData(changed)) {
        loaded = undefined; // a failed load must be retried on the next change, whatever it is
        loaded = await loadAndAudit(paths);
      }
      // The draft is rendered as a preview: a claim the verifier rejects is marked in place, not a stop.
      const report = await renderReport(loaded.dataset, loaded.findings, { ...request, preview: true }, paths);
      const print = printSetup(paths, report, request.lang);
      last = { report, print };
      return {
        ok: true,
        html: report.html,
        printHtml: report.printHtml,
        findings: report.findings.map(findingOf),
        // The verifier's rejections, marked in place in the page and listed by the badge.
        selfCheck: verification(report),
        print: { css: print.css, headerText: print.headerText, pageLabel: print.pageLabel },
      };
    },
    async printPdf() {
      if (!last) throw new Error('no good render yet');
      return printPdf(last.report.printHtml, last.print, request.lang);
    },
    async close() {
      if (browser) await (await browser.catch(() => undefined))?.close();
    },
    lang: () => request.lang,
    select(lang) {
      request.lang = lang;
    },
  };
}

function verification(report: RenderedReport): { ok: boolean; problems: string[]; sentences?: number } {
  const model = report.model;
  const sentences = model?.sections ? [...(model.findings ?? []), ...model.sections.flatMap((s) => [...s.paragraphs.flat(), ...s.notes])] : [];
  const problems = sentences.flatMap((s) => (s.provenance ?? []).filter((f) => f.rejected).map((f) => `${f.explanation} — “${s.text}”`));
  return { ok: problems.length === 0, problems, sentences: sentenceCount(report) };
}

function sentenceCount(report: RenderedReport): number | undefined {
  const model = report.model;
  if (!model?.sections) return undefined;
  return (model.findings?.length ?? 0) + model.sections.reduce((n, s) => n + s.paragraphs.flat().length, 0);
}

function findingOf(f: { message: string; at?: SourceLocation; severity?: string }): Finding {
  return { severity: f.severity ?? 'warning', location: formatLocation(f.at), message: f.message };
}

/** The folders whose changes re-render the draft. */
export function watchedFolders(paths: ProjectPaths): string[] {
  return [paths.data, path.join(paths.root, 'templates'), path.join(paths.root, 'styles')];
}
