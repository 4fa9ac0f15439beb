// Renders the draft through the build pipeline for the preview, redoing only what a change needs:
// a change under data/ reloads and re-audits the data; a template or style change reuses them.
import path from 'node:path';
import { formatLocation } from '../errors.ts';
import type { SourceLocation } from '../model.ts';
import {
  loadAndAudit as pipelineLoadAndAudit,
  renderReport as pipelineRenderReport,
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
}

/** The pipeline stages the draft runs; tests pass their own. */
export interface DraftStages {
  loadAndAudit: typeof pipelineLoadAndAudit;
  renderReport: typeof pipelineRenderReport;
  printPdf: (html: string, title: string, lang: string) => Promise<Uint8Array>;
}

export function draftRenderer(paths: ProjectPaths, request: ReportRequest, stages: Partial<DraftStages> = {}): Draft {
  const loadAndAudit = stages.loadAndAudit ?? pipelineLoadAndAudit;
  const renderReport = stages.renderReport ?? pipelineRenderReport;
  let browser: Promise<BrowserHandle> | undefined;
  const printPdf =
    stages.printPdf ??
    (async (html: string, title: string, lang: string) => {
      browser ??= startBrowser(); // started on the first PDF asked for, kept for the next ones
      return publishPdf(html, { browser: await browser, title, headerText: title, lang });
    });

  let loaded: Awaited<ReturnType<typeof pipelineLoadAndAudit>> | undefined;
  let last: RenderedReport | undefined;

  const touchesData = (changed: string[]) =>
    changed.length === 0 || changed.some((p) => p === paths.data || isInside(paths.data, p));

  return {
    async render(changed) {
      if (!loaded || touchesData(changed)) {
        loaded = undefined; // a failed load must be retried on the next change, whatever it is
        loaded = await loadAndAudit(paths);
      }
      last = await renderReport(loaded.dataset, loaded.findings, request, paths);
      return {
        ok: true,
        html: last.html,
        printHtml: last.printHtml,
        findings: last.findings.map(findingOf),
        // The self-check runs inside the sentence stage and stops the render when it fails (the
        // overlay then shows its problems), so a finished render has passed it.
        selfCheck: { ok: true, problems: [] },
      };
    },
    async printPdf() {
      if (!last) throw new Error('no good render yet');
      const title = /<title>([^<]*)<\/title>/i.exec(last.printHtml)?.[1] ?? 'migreport';
      return printPdf(last.printHtml, decodeEntities(title), request.lang);
    },
    async close() {
      if (browser) await (await browser.catch(() => undefined))?.close();
    },
  };
}

function findingOf(f: { message: string; at?: SourceLocation; severity?: string }): Finding {
  return { severity: f.severity ?? 'warning', location: formatLocation(f.at), message: f.message };
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The folders whose changes re-render the draft. */
export function watchedFolders(paths: ProjectPaths): string[] {
  return [paths.data, path.join(paths.root, 'templates'), path.join(paths.root, 'styles')];
}
