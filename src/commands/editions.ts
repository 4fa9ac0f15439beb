// `migreport build` for several editions at once: `--template`, `--period` and `--lang` each take a comma-separated
// list or `all`. The data are loaded once, and one Chromium prints every edition. Each edition gets a progress line;
// a listed combination without data is skipped with a line saying so; a failed edition does not stop the others
// (exit 1 at the end). <out>/index.html lists the editions built, by period, kind and language.
import { join, relative } from 'node:path';
import { UserError, formatError, isUserError, userErrorsOf } from '../errors.ts';
import { kindNames, loadKind } from '../kinds/load.ts';
import { closest } from '../load/closest.ts';
import * as kindMessages from '../messages/kinds.ts';
import { auditMessages, cliMessages, narrateMessages } from '../messages/index.ts';
import { kindPeriods } from '../compare/index.ts';
import { LOCALES } from '../narrate/index.ts';
import { parsePeriod } from '../period.ts';
import { loadAndAudit, printSetup, renderReport, type ProjectPaths } from '../pipeline.ts';
import type { BrowserHandle } from '../publish/browser.ts';
import { printPdfDetailed } from '../publish/pdf.ts';
import { makeOutputFolder, periodFolder, writeAtomic, writeOutputs, type OutputFile } from '../publish/write.ts';
import { clearPublished, markPublished } from '../publish/interrupt.ts';

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** True when the options ask for more than one edition. */
export function asksForEditions(opts: Record<string, string | boolean | undefined>): boolean {
  return ['template', 'period', 'lang'].some((k) => typeof opts[k] === 'string' && (opts[k] === 'all' || (opts[k] as string).includes(',')));
}

/** A comma-separated option as a list of values (`all` stays `all`). */
function listOf(value: string | boolean | undefined): string[] | 'all' | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.trim() === 'all') return 'all';
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** The kinds, periods and languages asked for, each checked before data are read or Chromium starts. */
export function editionsAsked(opts: Record<string, string | boolean | undefined>, defaultKind: string): { kinds: string[]; periods: string[] | 'all' | undefined; langs: string[] } {
  const known = kindNames();
  const t = listOf(opts.template);
  const kinds = t === 'all' ? known : (t ?? [defaultKind]);
  for (const k of kinds) if (!known.includes(k)) throw new UserError(kindMessages.unknownKind(k, closest(k, known), known));
  const languages = Object.keys(LOCALES);
  const l = listOf(opts.lang);
  const langs = l === 'all' ? languages : (l ?? ['en']);
  for (const lang of langs) if (!languages.includes(lang)) throw new UserError(narrateMessages.unknownLanguage(lang, languages));
  const periods = listOf(opts.period);
  if (Array.isArray(periods))
    for (const code of periods) {
      const p = parsePeriod(code);
      if (!p || p.kind === 'date') throw new UserError(narrateMessages.badPeriod(code));
    }
  if (!kinds.length || !langs.length || (Array.isArray(periods) && !periods.length)) throw new UserError(cliMessages.badOptionValue('template/period/lang', '', 'a comma-separated list or all'));
  return { kinds, periods, langs };
}

interface Edition {
  kind: string;
  period: string;
  lang: string;
  status: 'built' | 'skipped' | 'failed';
  ms: number;
  files: string[];
  note?: string;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** <out>/index.html: the editions built, by period, then kind and language, each with its HTML and PDF. */
function indexHtml(editions: Edition[], outRoot: string): string {
  const built = editions.filter((e) => e.status === 'built');
  const periods = [...new Set(built.map((e) => e.period))].sort();
  const rows = periods.flatMap((p) => [
    `<h2>${escape(p)}</h2>`,
    '<ul>',
    ...built
      .filter((e) => e.period === p)
      .map((e) => `<li>${escape(e.kind)} (${escape(e.lang)}): ${e.files.map((f) => `<a href="${escape(relative(outRoot, f).split('\\').join('/'))}">${escape(f.endsWith('.pdf') ? 'PDF' : 'HTML')}</a>`).join(' · ')}</li>`),
    '</ul>',
  ]);
  return `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Editions</title></head>\n<body>\n<h1>Editions</h1>\n${rows.join('\n')}\n</body>\n</html>\n`;
}

/** Builds every edition asked for; 1 when any failed (the others are written), else 0. */
export async function buildEditions(
  asked: { kinds: string[]; periods: string[] | 'all' | undefined; langs: string[] },
  ctx: { paths: ProjectPaths; outRoot: string; formats: Set<'html' | 'pdf'>; strict: boolean; browser?: Promise<BrowserHandle> },
  io: Io,
): Promise<number> {
  const { paths, outRoot, formats } = ctx;
  clearPublished();
  const { dataset, findings } = await loadAndAudit(paths, { strict: ctx.strict });
  if (findings.length) io.err(formatError(new UserError(auditMessages.auditSummary(findings.length)), 'warning'));
  const jobs: { kind: string; period: string | undefined; lang: string }[] = [];
  for (const kind of asked.kinds) {
    const periods = asked.periods === 'all' ? kindPeriods(dataset, loadKind(kind, { reference: dataset.reference }).spec).map((p) => p.code) : (asked.periods ?? [undefined]);
    for (const period of periods) for (const lang of asked.langs) jobs.push({ kind, period, lang });
  }
  const editions: Edition[] = new Array(jobs.length);
  let handle: BrowserHandle | undefined;
  const one = async (i: number) => {
    const job = jobs[i];
    const started = performance.now();
    const label = `[${i + 1}/${jobs.length}] ${job.kind} ${job.period ?? '(latest)'} ${job.lang}`;
    const edition: Edition = { kind: job.kind, period: job.period ?? '', lang: job.lang, status: 'built', ms: 0, files: [] };
    try {
      const report = await renderReport(dataset, findings, { template: job.kind, period: job.period, lang: job.lang }, paths);
      edition.period = report.model.period;
      const dir = join(outRoot, periodFolder(report.model.period));
      const base = join(dir, `${job.kind}.${job.lang}`);
      const files: OutputFile[] = [];
      if (formats.has('html')) files.push({ path: `${base}.html`, data: report.html });
      if (ctx.browser) {
        handle ??= await ctx.browser;
        const print = printSetup(paths, report, job.lang);
        const printed = await printPdfDetailed(report.printHtml, {
          browser: handle, title: print.title, author: print.author, lang: job.lang, headerText: print.headerText, pageLabel: print.pageLabel, continuedLabel: print.continuedLabel, printCss: print.css, date: print.date,
        });
        // In a batch, each warning names the edition it is about.
        for (const w of printed.warnings) io.err(`${relative(process.cwd(), `${base}.pdf`) || `${base}.pdf`}: ${formatError(new UserError(w), 'warning')}`);
        files.push({ path: `${base}.pdf`, data: printed.pdf });
      }
      makeOutputFolder(dir);
      await writeOutputs(files);
      edition.files = files.map((f) => f.path);
      for (const f of files) io.out(f.path);
    } catch (e) {
      if (!isUserError(e)) throw e;
      const errors = userErrorsOf(e);
      // A listed combination the data say nothing about is skipped, not failed.
      if (errors.length === 1 && errors[0].code === 'cli/no-data-for-period') {
        edition.status = 'skipped';
        edition.note = 'no data for this period';
      } else {
        edition.status = 'failed';
        edition.note = formatError(errors[0]) + (errors.length > 1 ? ` (and ${errors.length - 1} more)` : '');
      }
    }
    edition.ms = performance.now() - started;
    editions[i] = edition;
    io.err(`${label}: ${edition.status}${edition.note ? `: ${edition.note}` : ''} (${edition.ms.toFixed(0)} ms)`);
  };
  // Two at a time when printing: one edition's HTML is made (here) while Chromium prints the other's PDF, each
  // in a tab of a pool of two that is reused. Every edition is the same bytes however they interleave.
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await one(next++);
  };
  await Promise.all(Array.from({ length: ctx.browser && jobs.length > 1 ? 2 : 1 }, worker));
  const index = join(outRoot, 'index.html');
  makeOutputFolder(outRoot);
  await writeAtomic(index, indexHtml(editions, outRoot));
  // Only now is the batch's work done: an interrupt before this exits 130 (the editions written so far stay whole,
  // each listed on standard output), never 0 as if every edition had been built; nor after it when one failed.
  if (!editions.some((e) => e.status === 'failed')) markPublished([...editions.flatMap((e) => e.files), index]);
  io.out(index);
  // The summary: one line per edition, then the counts.
  const width = Math.max(...editions.map((e) => e.kind.length));
  io.err('');
  for (const e of editions) io.err(`  ${e.kind.padEnd(width)}  ${e.period.padEnd(15)}  ${e.lang}  ${e.status.padEnd(7)}  ${e.ms.toFixed(0).padStart(6)} ms`);
  const count = (s: Edition['status']) => editions.filter((e) => e.status === s).length;
  io.err(`${count('built')} built, ${count('skipped')} skipped, ${count('failed')} failed`);
  return count('failed') ? 1 : 0;
}
