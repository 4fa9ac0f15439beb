// `migreport build`: the whole pipeline to <out>/<period>/<template>.<lang>.html and .pdf.
import { writeFile } from 'node:fs/promises';
import { defaultKind, kindNames } from '../kinds/load.ts';
import { closest } from '../load/closest.ts';
import * as kindMessages from '../messages/kinds.ts';
import { join, resolve } from 'node:path';
import { UserError, formatError } from '../errors.ts';
import { auditMessages, cliMessages, narrateMessages, publishMessages } from '../messages/index.ts';
import { parsePeriod } from '../period.ts';
import * as loadMessages from '../messages/load.ts';
import { statSync } from 'node:fs';
import { loadAndAudit, printSetup, projectPaths, renderReport, type ReportRequest } from '../pipeline.ts';
import { discardBrowser, startBrowser, type BrowserHandle } from '../publish/browser.ts';
import { printPdfDetailed } from '../publish/pdf.ts';
import { makeOutputFolder, outputFolderProblem, periodFolder, writeOutputs, type OutputFile } from '../publish/write.ts';
import { progress, showProgress } from './progress.ts';
import { clearPublished, markPublished } from '../publish/interrupt.ts';
import { asksForEditions, buildEditions, editionsAsked } from './editions.ts';

type Options = Record<string, string | boolean | undefined>;
interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const FORMATS = ['html', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

export function parseFormats(value: string): Set<Format> {
  const wanted = value
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  const bad = wanted.find((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad !== undefined || wanted.length === 0) {
    throw new UserError(cliMessages.badOptionValue('format', value, 'a comma-separated list of html, pdf'));
  }
  return new Set(wanted as Format[]);
}

export function reportRequest(opts: Options): ReportRequest {
  return {
    period: typeof opts.period === 'string' ? opts.period : undefined,
    template: typeof opts.template === 'string' ? opts.template : defaultKind(),
    lang: String(opts.lang ?? 'en'),
  };
}

export async function build(opts: Options, io: Io, root = process.cwd()): Promise<number> {
  clearPublished();
  const formats = parseFormats(String(opts.format ?? 'html,pdf'));
  if (asksForEditions(opts)) return editions(opts, formats, io, root);
  const request = reportRequest(opts);
  const paths = projectPaths(root, String(opts.data ?? 'data'));
  const outRoot = resolve(root, String(opts.out ?? 'output'));
  // A doomed output folder fails now, before Chromium starts or any data is read.
  const outProblem = outputFolderProblem(outRoot);
  if (outProblem) throw new UserError(publishMessages.outputFolderUnusable(String(opts.out ?? 'output'), outProblem));
  // Arguments that cannot name a report fail before the data are read or Chromium starts.
  const kinds = kindNames();
  if (!kinds.includes(request.template)) throw new UserError(kindMessages.unknownKind(request.template, closest(request.template, kinds), kinds));
  if (request.period !== undefined) {
    const asked = parsePeriod(request.period);
    if (!asked || asked.kind === 'date') throw new UserError(narrateMessages.badPeriod(request.period));
  }
  const dataKind = folderKind(paths.data);
  if (dataKind !== 'folder') throw new UserError(dataKind === 'file' ? loadMessages.dataNotAFolder(String(opts.data ?? 'data')) : loadMessages.missingFolder(String(opts.data ?? 'data')));
  const p = progress(io.err, showProgress());
  // performance.now() counts from the process's start: this is Node's start-up and loading the program.
  const started = performance.now();

  // Chromium starts now and is awaited only when the HTML is ready (see pipeline.ts).
  const browser: Promise<BrowserHandle> | undefined = formats.has('pdf') ? startBrowser() : undefined;
  let pdfSteps: Record<string, number> = {};
  try {
    const { dataset, findings } = await loadAndAudit(paths, { strict: Boolean(opts.strict) }, p.time);
    // One line for the audit (issue 13: the build's own output); `migreport validate` lists every finding.
    if (findings.length) io.err(formatError(new UserError(auditMessages.auditSummary(findings.length)), 'warning'));
    const report = await renderReport(dataset, findings, request, paths, p.time);

    const dir = join(outRoot, periodFolder(report.model.period));
    const base = join(dir, `${request.template}.${request.lang}`);
    const files: OutputFile[] = [];
    if (formats.has('html')) files.push({ path: `${base}.html`, data: report.html });
    if (browser) {
      const handle = await p.time('chromium', () => browser);
      const print = printSetup(paths, report, request.lang);
      const printed = await p.time('pdf', () =>
        printPdfDetailed(report.printHtml, {
          browser: handle,
          title: print.title,
          author: print.author,
          lang: request.lang,
          headerText: print.headerText,
          pageLabel: print.pageLabel,
          continuedLabel: print.continuedLabel,
          printCss: print.css,
          date: print.date,
        }),
      );
      for (const w of printed.warnings) io.err(formatError(new UserError(w), 'warning'));
      for (const url of printed.blockedRequests) io.err(formatError(new UserError(publishMessages.blockedRequest(url)), 'warning'));
      files.push({ path: `${base}.pdf`, data: printed.pdf });
      pdfSteps = printed.timings;
    }
    makeOutputFolder(dir);
    await p.time('write', () => writeOutputs(files));
    markPublished(files.map((f) => f.path));
    for (const f of files) io.out(f.path);
    p.done(`built in ${(performance.now() - started).toFixed(0)} ms`);
    // For the benchmark (bench/index.ts): the stages of this very build, as the installed program ran it.
    const timings = process.env.MIGREPORT_TIMINGS;
    if (timings) {
      const stages = [{ stage: 'start-up (node, loading the program)', ms: started }, ...p.stages];
      await writeFile(timings, JSON.stringify({ stages, pdfSteps }) + '\n');
    }
    return 0;
  } finally {
    if (browser) await discardBrowser(browser);
  }
}

function folderKind(path: string): 'folder' | 'file' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

/** Several editions (lists or `all`): checked first, then one load and one Chromium for all (src/commands/editions.ts). */
async function editions(opts: Options, formats: Set<Format>, io: Io, root: string): Promise<number> {
  const asked = editionsAsked(opts, defaultKind());
  const paths = projectPaths(root, String(opts.data ?? 'data'));
  const outRoot = resolve(root, String(opts.out ?? 'output'));
  const outProblem = outputFolderProblem(outRoot);
  if (outProblem) throw new UserError(publishMessages.outputFolderUnusable(String(opts.out ?? 'output'), outProblem));
  const dataKind = folderKind(paths.data);
  if (dataKind !== 'folder') throw new UserError(dataKind === 'file' ? loadMessages.dataNotAFolder(String(opts.data ?? 'data')) : loadMessages.missingFolder(String(opts.data ?? 'data')));
  const browser: Promise<BrowserHandle> | undefined = formats.has('pdf') ? startBrowser() : undefined;
  try {
    return await buildEditions(asked, { paths, outRoot, formats, strict: Boolean(opts.strict), browser }, io);
  } finally {
    if (browser) await discardBrowser(browser);
  }
}
