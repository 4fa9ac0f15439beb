// Prints one HTML file to PDF from a fresh process: `node --import tsx src/publish/print-file.ts in.html out.pdf`.
// The benchmark's "ours" path and the interrupt test run it; the build itself calls printPdf directly.
import { readFile } from 'node:fs/promises';
import { discardBrowser, startBrowser } from './browser.ts';
import { printPdfDetailed } from './pdf.ts';
import { writeAtomic } from './write.ts';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  process.stderr.write('usage: print-file.ts IN.html OUT.pdf\n');
  process.exit(1);
}
const startedAt = Math.round(performance.now());
const started = startBrowser(); // overlaps reading the HTML, as the build does with its data work
try {
  const html = await readFile(input, 'utf8');
  const browser = await started;
  process.stdout.write(`browser ${browser.userDataDir}\n`);
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  const lang = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? 'en';
  process.stdout.write('printing\n');
  const printed = await printPdfDetailed(html, { browser, title, lang, headerText: process.env.MIGREPORT_HEADER ?? title });
  await writeAtomic(output, printed.pdf);
  process.stdout.write(`pages ${printed.pageCount} blocked ${printed.blockedRequests.length}\n`);
  // Milliseconds since the process started, for the benchmark's breakdown.
  process.stdout.write(`timings ${JSON.stringify({ browserStartCalled: startedAt, ...printed.timings, done: Math.round(performance.now()) })}\n`);
} finally {
  await discardBrowser(started);
}
