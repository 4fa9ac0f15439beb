// Prints the report's HTML to a PDF with Chromium: paginates it in the page (footnotes at the foot
// of the citing page, contents' page numbers), then prints once with running header and page x of y.
//
// Input contract (what the renderer's HTML must contain):
//   <html lang="en"> and <title>…</title>       → PDF /Lang and Title; <meta name="author"> (unless
//   PrintOptions.author), <meta name="description">, <meta name="keywords"> → Author, Subject, Keywords, and XMP.
//   <figure> around an <svg role="img"> or <img alt> → printed as a group: the image is the PDF's Figure with /Alt.
//   <a href> with text or aria-label               → the link annotation's /Contents.
//   <section class="cover">…</section>          → page 1 on its own, without header or footer.
//   <nav class="toc"> … <a href="#sec-2"><span class="toc-title">2 Migration inflow and outflow</span>
//       <span class="toc-page"></span></a>       → toc-page gets the printed page number of #sec-2.
//   <section class="chapter" id="sec-2" data-title="…"> with h2/h3 headings → bookmarks come from
//       the headings h1–h6 (tagged PDF); styles/print.css starts each chapter on a new page.
//   <a class="fnref" href="#fn-3" id="fnref-3">3</a> and, anywhere (normally a closing
//       <section class="footnotes"><ol><li class="footnote" id="fn-3">…</li></ol></section>):
//       each cited footnote is printed at the foot of the page that first cites it, numbered by the
//       digits at the end of its id; the end list disappears from the PDF once all were placed.
//   Blocks are moved whole (figures, svg, tables' rows, anything with break-inside: avoid);
//   paragraphs and tables are split between lines and rows, table headers repeated and the caption
//   repeated with "(continued)" (PrintOptions.continuedLabel). A heading, or a block print.css marks
//   `break-after: avoid`, never ends a page: it goes over with the block it introduces.
//   No <script> of its own (pdf.ts adds one: print-dom.browser.js); no URL other than data: (anything else is
//   blocked and reported; the report's inline fonts are swapped for files the tab answers itself, render/fonts.ts).
//
// Steps: 1 new page with request blocking → 2 load HTML with the print CSS and a script that prepares the print
// DOM for the tagged PDF (print-dom.browser.js), print media, the flow kept out of layout → 3 load the fonts for the text and
// paginate in the page (paginate.browser.js) → 4 page.pdf
// (A4, CSS @page margin boxes for header and page x of y, outline, tagged) → 5 write the metadata Chromium leaves
// out and the PDF/UA-1 structure (pdf-info.ts, pdf-ua.ts: XMP, artifacts, role map, notes, link descriptions).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { UserError } from '../errors.ts';
import { publishMessages } from '../messages/index.ts';
import type { Message } from '../errors.ts';
import type { BrowserHandle } from './browser.ts';
import type { Page } from 'puppeteer-core';
import { setDocumentInfo } from './pdf-info.ts';
import { packageFile } from '../paths.ts';
import { printFontFile, withPrintFonts } from '../render/fonts.ts';

export interface PrintOptions {
  browser: BrowserHandle;
  /** Document title (PDF Title); defaults to the HTML <title>. */
  title: string;
  /** The publisher, as PDF Author and XMP dc:creator; else the HTML's <meta name="author">. */
  author?: string;
  /** BCP 47 language of the report (PDF /Lang, and <html lang> if the HTML has none). */
  lang: string;
  /** The PDF's creation date, YYYY-MM-DD (the same data give the same bytes); Chromium's clock when absent. */
  date?: string;
  /** Running header on every page but the cover, e.g. "Migration in Kazakhstan · October–December 2023". */
  headerText: string;
  /** Footer in the report's language; {page} and {pages} are replaced. Default 'Page {page} of {pages}'. */
  pageLabel?: string;
  /** Added to a table's caption on the pages it continues to, in the report's language. Default '(continued)'. */
  continuedLabel?: string;
  /** Print stylesheet, loaded after the document's own styles; default styles/print.css. */
  printCss?: string;
  timeoutMs?: number;
}

/** What the paginator's call answers (paginate.browser.js, with printMeta, and whether a font was still loading). */
interface LaidOut {
  pages: number;
  pageOf: Record<string, number>;
  warnings: { code: string; what: string; page: number }[];
  missingNotes: string[];
  meta: { author?: string; subject?: string; keywords?: string; lang: string; links: Record<string, string> };
  fill: number[];
  fontsLate: boolean;
}

/** In the page: every face of the report font loaded for the characters of the text, in the subsets those need. */
const FONTS_BY_TEXT = `{ const text = document.body.textContent;
  await Promise.all(['400', '700', 'italic 400', 'italic 700'].map((f) => document.fonts.load(f + ' 16px "Noto Sans"', text))); }`;
/** In the page: the flow laid out once (shown for that), which asks for every font its layout needs; then waited for. */
const FONTS_BY_LAYOUT = `{ document.documentElement.setAttribute('data-paginated', ''); document.body.offsetHeight;
  await document.fonts.ready; document.documentElement.removeAttribute('data-paginated'); }`;

export interface PrintedPdf {
  pdf: Uint8Array;
  pageCount: number;
  /** Printed page number (1 = cover) of every element with an id, e.g. pageOf['sec-2']. */
  pageOf: Record<string, number>;
  /** How full each printed page is (0–1): the height its text and notes take, as a share of the page's. */
  fill: number[];
  /** URLs the page tried to load and that were blocked; empty for a well-formed report. */
  blockedRequests: string[];
  /** Recoverable problems (a block taller than a page, a footnote reference without a body). */
  warnings: Message[];
  /** Milliseconds per step, for the benchmark. */
  timings: Record<string, number>;
}

function stopwatch() {
  let last = performance.now();
  const all: Record<string, number> = {};
  const mark = (step: string) => {
    const now = performance.now();
    all[step] = Math.round(now - last);
    last = now;
  };
  return Object.assign(mark, { all });
}

// Geometry of the printed page (A4), in millimetres; the header and footer live in the margins.
const page = { widthMm: 210, heightMm: 297, top: 20, bottom: 18, side: 20 };
const pxPerMm = 96 / 25.4;

const paginatorSource = readFileSync(packageFile('src', 'publish', 'paginate.browser.js'), 'utf8');
/**
 * Where a tab keeps the paginator between documents: setContent replaces the document (document.open) but not the
 * window, so a function defined once per tab is called for each edition after it, instead of 35 KB of source sent and
 * compiled again every time (and the renderer keeps its optimised code). Named by the source, so no other version is
 * ever called; the page's own HTML has no script.
 */
const paginatorGlobal = `__migreportPaginate_${createHash('sha256').update(paginatorSource).digest('hex').slice(0, 16)}`;
/** The tabs that have been sent the paginator (a tab that lost it is sent it again, see paginateIn). */
const paginatorSent = new WeakSet<Page>();
const printDomSource = readFileSync(packageFile('src', 'publish', 'print-dom.browser.js'), 'utf8');
const defaultPrintCss = () => readFileSync(packageFile('styles', 'print.css'), 'utf8');

/** A CSS string literal; data are text, so quotes, backslashes and newlines are escaped. */
export function cssString(text: string): string {
  // `<` escaped too, so no text can close the <style> element it is written into.
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/</g, '\\3c ').replace(/[\n\r\f]/g, ' ')}"`;
}

/** 'Page {page} of {pages}' → "Page " counter(page) " of " counter(pages), for an @page margin box. */
export function pageLabelContent(label: string): string {
  const parts = label.split(/(\{page\}|\{pages\})/).filter((p) => p !== '');
  return parts.map((p) => (p === '{page}' ? 'counter(page)' : p === '{pages}' ? 'counter(pages)' : cssString(p))).join(' ');
}

function pageRules(opts: PrintOptions): string {
  const box = 'font-family: "Noto Sans", sans-serif; font-size: 8pt; color: #4a5568;';
  return `
@page { size: A4; margin: ${page.top}mm ${page.side}mm ${page.bottom}mm;
  @top-left { content: ${cssString(opts.headerText)}; ${box} vertical-align: bottom; padding-bottom: 4mm; }
  @bottom-right { content: ${pageLabelContent(opts.pageLabel ?? 'Page {page} of {pages}')}; ${box} vertical-align: top; padding-top: 4mm; }
}
@page cover { margin: 0; @top-left { content: none; } @bottom-right { content: none; } }
/* The flow is not laid out: the paginator reads its styles and lays each block out once, on its page, then shows the
   body (paginate.browser.js). Laid out here first, every block would be laid out twice. */
html:not([data-paginated]) > body { display: none; }`;
}

/** The print stylesheet goes last in <head>, after the document's own styles. */
export function withPrintStyles(html: string, css: string): string {
  const style = `<style data-migreport="print">\n${css.replace(/<\//g, '<\\/')}\n</style>`;
  const headEnd = /<\/head\s*>/i.exec(html);
  return headEnd ? html.slice(0, headEnd.index) + style + html.slice(headEnd.index) : style + html;
}

/**
 * The blank share of a page (other than the last) above which a build warns (issue 13, point 3). A chart or table is
 * kept whole with its caption, and one can take about half a page: moved to the next page, it may leave the
 * bottom half of this one blank, plus the page's last line spacing. More than 60% blank means something else: a
 * small block spilled over, or a page break where none was needed.
 */
export const MAX_BLANK = 0.6;

/**
 * The print DOM's preparation for the tagged PDF (print-dom.browser.js) as a script at the end of the body: it runs
 * while the page loads, before the first layout, so nothing is laid out twice. (The report's own HTML has no script.)
 */
export function withPrintDom(html: string, lang: string): string {
  const script = `<script data-migreport="print-dom">\n${printDomSource}\npreparePrintDom(${JSON.stringify(lang)});\n</script>`;
  const bodyEnd = html.search(/<\/body\s*>(?![\s\S]*<\/body)/i);
  return bodyEnd >= 0 ? html.slice(0, bodyEnd) + script + html.slice(bodyEnd) : html + script;
}

/** Prints the HTML to PDF bytes; see printPdfDetailed for page numbers and blocked requests. */
export async function printPdf(html: string, opts: PrintOptions): Promise<Uint8Array> {
  return (await printPdfDetailed(html, opts)).pdf;
}

export async function printPdfDetailed(html: string, opts: PrintOptions): Promise<PrintedPdf> {
  const timeout = opts.timeoutMs ?? 60_000;
  // 1. A page that cannot reach the network: everything but data:, about: and the report's own fonts (answered by the tab itself) is aborted and counted.
  const mark = stopwatch();
  const tab = await opts.browser.takePage();
  mark('page');
  const blockedRequests: string[] = [];
  let reusable = false;
  try {
    await prepareTab(tab, blockedRequests);

    // 2. Content with the print styles already in it, so the first layout is the printed one.
    mark('setup');
    const printCss = (opts.printCss ?? defaultPrintCss()) + pageRules(opts);
    // The print DOM is prepared for the tagged PDF while it loads (withPrintDom), before the first layout.
    // The fonts come from the tab's own answers (prepareTab), not inline: each is sent and decoded once per tab.
    const content = withPrintDom(withPrintStyles(withPrintFonts(html), printCss), opts.lang);
    await tab.setContent(content, { waitUntil: 'load', timeout });
    mark('setContent');

    // 3. Paginate: the boxes are a couple of pixels shorter than the page area, so rounding never spills.
    const cfg = {
      pageWidthPx: (page.widthMm - 2 * page.side) * pxPerMm,
      pageHeightPx: Math.floor((page.heightMm - page.top - page.bottom) * pxPerMm) - 2,
      coverWidthPx: page.widthMm * pxPerMm,
      coverHeightPx: Math.floor(page.heightMm * pxPerMm) - 2,
      continuedLabel: opts.continuedLabel ?? '(continued)',
    };
    // One call: the language if the HTML has none, the fonts, the pages, and what the PDF's metadata and link
    // descriptions need (printMeta, defined by withPrintDom's script). Nothing is laid out before paginating, so no
    // layout has asked for the fonts: each face is loaded for the characters of the text (only the subsets it uses).
    // A face the pages asked for while they were made is loaded at once when the tab has it already (an earlier
    // edition's), and then measured in; one still loading after paginating (a character only generated content has)
    // means some text was measured in a stand-in font: the document is loaded and paginated again, after a layout of
    // the flow has asked for every font it needs (timings then show 'paginate again').
    // The paginator is sent with the first edition of a tab and kept in its window (paginatorGlobal); when it is not
    // there (it never goes missing in practice), nothing has run yet and the call is made again with the source.
    const paginateIn = async (fontsFromLayout: boolean): Promise<LaidOut> => {
      const send = !paginatorSent.has(tab);
      const define = send ? `globalThis[${JSON.stringify(paginatorGlobal)}] = (() => {\n${paginatorSource}\nreturn paginate; })();` : '';
      const answer = (await tab.evaluate(
        `(async () => { ${define}
          const paginate = globalThis[${JSON.stringify(paginatorGlobal)}];
          if (typeof paginate !== 'function') return { paginatorMissing: true };
          if (!document.documentElement.lang) document.documentElement.lang = ${JSON.stringify(opts.lang)};
          ${fontsFromLayout ? FONTS_BY_LAYOUT : FONTS_BY_TEXT}
          const unloaded = [...document.fonts].filter((f) => f.status === 'unloaded');
          const result = paginate(${JSON.stringify(cfg)});
          return Object.assign(result, { meta: printMeta(), fontsLate: unloaded.some((f) => f.status === 'loading') }); })()`,
      )) as LaidOut | { paginatorMissing: true };
      if ('paginatorMissing' in answer) {
        if (send) throw new Error('the paginator could not be defined in the print tab');
        paginatorSent.delete(tab);
        return paginateIn(fontsFromLayout);
      }
      paginatorSent.add(tab);
      return answer;
    };
    let laidOut = await paginateIn(false);
    mark('paginate');
    if (laidOut.fontsLate) {
      await tab.setContent(content, { waitUntil: 'load', timeout });
      laidOut = await paginateIn(true);
      mark('paginate again');
    }

    // 4. Print once.
    const printed = await tab.pdf({
      format: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: false,
      outline: true,
      tagged: true,
      // The fonts were awaited before paginating (above); Puppeteer would ask again from a new isolated world.
      waitForFonts: false,
      timeout,
    });

    mark('pdf');
    // 5. Metadata Chromium does not write (it writes Title from <title> and /Lang from <html lang>), and the PDF/UA-1
    // structure (pdf-ua.ts): XMP, artifacts, role map, notes, link descriptions.
    const { links, lang, ...meta } = laidOut.meta;
    const pdf = setDocumentInfo(
      printed,
      { title: opts.title, ...meta, ...(opts.author ? { author: opts.author } : {}), creator: 'migreport', ...(opts.date ? { date: opts.date } : {}) },
      { lang: lang || opts.lang, links },
    );

    const warnings: Message[] = [
      ...laidOut.warnings.map((w) => (w.code === 'text-overflow' ? publishMessages.textOverflow(w.what, w.page) : publishMessages.blockTooTall(w.what, w.page))),
      ...laidOut.missingNotes.map((id) => publishMessages.footnoteMissing(id)),
      // A page before the last that is mostly blank: something small spilled over, or a big block left a hole.
      ...laidOut.fill.slice(0, -1).flatMap((f, i) => (1 - f > MAX_BLANK ? [publishMessages.pageNearlyEmpty(i + 1, Math.round(100 * (1 - f)))] : [])),
    ];
    mark('info');
    reusable = true;
    return { pdf, timings: mark.all, pageCount: laidOut.pages, pageOf: laidOut.pageOf, fill: laidOut.fill, blockedRequests, warnings };
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(publishMessages.printFailed((e as Error).message.split('\n')[0]));
  } finally {
    // A tab that printed is given back for the next report (a batch); one that failed is closed.
    if (reusable) opts.browser.releasePage(tab);
    else await tab.close().catch(() => undefined);
  }
}

/** Where each tab's aborted requests are counted: the print it is now used for. */
const tabRequests = new WeakMap<Page, { blocked: string[] }>();

/**
 * Sets a tab up once for printing: no network (everything but data:, about: and the report's fonts is aborted and counted against the
 * current print), the page's size as viewport, print media. A reused tab keeps its set-up; only the count moves on.
 */
async function prepareTab(tab: Page, blocked: string[]): Promise<void> {
  const known = tabRequests.get(tab);
  if (known) {
    known.blocked = blocked;
    return;
  }
  const sink = { blocked };
  tabRequests.set(tab, sink);
  await tab.setRequestInterception(true);
  tab.on('request', (request) => {
    const url = request.url();
    const font = printFontFile(url);
    // The report's font files (withPrintFonts), answered here: nothing is fetched. Kept in Chromium's memory cache, so
    // the next document in this tab takes them from there; the CORS header because about:blank's fonts are cross-origin.
    if (font)
      void request.respond({
        status: 200,
        contentType: 'font/woff2',
        headers: { 'Cache-Control': 'public, max-age=31536000, immutable', 'Access-Control-Allow-Origin': '*' },
        body: font,
      });
    else if (url.startsWith('data:') || url.startsWith('about:')) void request.continue();
    else {
      sink.blocked.push(url);
      void request.abort('blockedbyclient');
    }
  });
  await tab.setViewport({ width: Math.round(page.widthMm * pxPerMm), height: Math.round(page.heightMm * pxPerMm) });
  await tab.emulateMediaType('print');
}
