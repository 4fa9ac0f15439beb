// User-facing messages of the publish stage (browser, PDF, writing outputs).
import type { Message } from '../errors.ts';

export type { Message };

export const browserNotFound = (tried: string[], command: string): Message => ({
  code: 'publish/no-browser',
  message: `no Chromium or Chrome found to print the PDF (looked at ${tried.join(', ')})`,
  hint: `install one with: ${command} — or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium binary`,
});

export const browserPathMissing = (path: string): Message => ({
  code: 'publish/browser-path-missing',
  message: `PUPPETEER_EXECUTABLE_PATH is "${path}", but no executable file is there`,
  hint: 'point it at a Chrome or Chromium binary, or unset it to use the system Chromium',
});

export const browserLaunchFailed = (path: string, detail: string): Message => ({
  code: 'publish/browser-launch-failed',
  message: `Chromium at ${path} did not start: ${detail}`,
  hint: 'run it by hand with --headless --version to see why; on a server it may need the package "chromium" reinstalled',
});

export const printFailed = (detail: string): Message => ({
  code: 'publish/print-failed',
  message: `printing the PDF failed: ${detail}`,
  hint: 'build the HTML alone with --format html and open it to check the document',
});

export const blockTooTall = (what: string, page: number): Message => ({
  code: 'publish/block-too-tall',
  message: `${what} is taller than a page and is cut off on page ${page} of the PDF`,
  hint: 'make the chart or table smaller, or split it in the template',
});

export const textOverflow = (what: string, page: number): Message => ({
  code: 'publish/text-overflow',
  message: `"${what}" does not fit its box on page ${page} of the PDF`,
  hint: 'shorten the label in the locale, or widen the column or chart in the template',
});

export const pageNearlyEmpty = (page: number, blankPercent: number): Message => ({
  code: 'publish/page-nearly-empty',
  message: `page ${page} of the PDF is ${blankPercent}% blank`,
  hint: 'a small block spilled over or a forced page break left a hole: shorten the section, or let the block share a page (print.css --break-unless-room)',
});

export const footnoteMissing = (id: string): Message => ({
  code: 'publish/footnote-missing',
  message: `a footnote reference points to #${id}, but no footnote has that id`,
  hint: 'every <a class="fnref" href="#fn-N"> needs a <li class="footnote" id="fn-N">',
});

export const writeFailed = (path: string, detail: string): Message => ({
  code: 'publish/write-failed',
  message: `could not write ${path}: ${detail}`,
  hint: 'check that the output folder exists and is writable; the previous outputs were left as they were',
});

export const outputFolderUnusable = (path: string, reason: string): Message => ({
  code: 'publish/output-folder',
  message: `the output folder "${path}" cannot be used: ${reason}`,
  hint: 'pass another folder with --out, or fix the one named; nothing was written',
});

export const blockedRequest = (url: string): Message => ({
  code: 'publish/blocked-request',
  message: `the page asked for ${url.length > 200 ? url.slice(0, 199) + '…' : url}, which printing blocked: the PDF lacks it, and the HTML loads it when opened`,
  hint: 'put the resource in the report itself (a data: URL), or remove the reference from styles/ or templates/',
});
