// `migreport build`: the whole pipeline to <out>/<period>/<template>.<lang>.html and .pdf.
import { mkdir, writeFile } from 'node:fs/promises';
import { defaultKind } from '../kinds/load.ts';
import { join, resolve } from 'node:path';
import { UserError, formatError } from '../errors.ts';
import { cliMessages } from '../messages/index.ts';
import { loadAndAudit, printSetup, projectPaths, renderReport, type ReportRequest } from '../pipeline.ts';
import { discardBrowser, startBrowser, type BrowserHandle } from '../publish/browser.ts';
import { printPdfDetailed } from '../publish/pdf.ts';
import { writeOutputs, type OutputFile } from '../publish/write.ts';
import { progress, showProgress } from './progress.ts';

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
  const formats = parseFormats(String(opts.format ?? 'html,pdf'));
  const request = reportRequest(opts);
  const paths = projectPaths(root, String(opts.data ?? 'data'));
  const outRoot = resolve(root, String(opts.out ?? 'output'));
  const p = progress(io.err, showProgress());
  // performance.now() counts from the process's start: this is Node's start-up and loading the program.
  const started = performance.now();

  // Chromium starts now and is awaited only when the HTML is ready (see pipeline.ts).
  const browser: Promise<BrowserHandle> | undefined = formats.has('pdf') ? startBrowser() : undefined;
  let pdfSteps: Record<string, number> = {};
  try {
    const { dataset, findings } = await loadAndAudit(paths, { strict: Boolean(opts.strict) }, p.time);
    for (const f of findings) io.err(formatError(new UserError({ code: f.code, message: f.message }, f.at), 'warning'));
    const report = await renderReport(dataset, findings, request, paths, p.time);

    const dir = join(outRoot, report.model.period);
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
          lang: request.lang,
          headerText: print.headerText,
          pageLabel: print.pageLabel,
          continuedLabel: print.continuedLabel,
          printCss: print.css,
        }),
      );
      for (const w of printed.warnings) io.err(formatError(new UserError(w), 'warning'));
      files.push({ path: `${base}.pdf`, data: printed.pdf });
      pdfSteps = printed.timings;
    }
    await mkdir(dir, { recursive: true });
    await p.time('write', () => writeOutputs(files));
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
