// The printed fixture report, read back by its text: pages, contents, footnotes, header/footer, metadata.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHandle, startBrowser } from '../../src/publish/browser.ts';
import { cssString, pageLabelContent, type PrintedPdf, printPdfDetailed } from '../../src/publish/pdf.ts';
import { pageTexts, pdfFonts, pdfInfo } from './pdf-text.ts';
import { tempDir } from '../temp.ts';
import { fontFaceCss, PRINT_FONT_ORIGIN, printFontFile, withPrintFonts } from '../../src/render/fonts.ts';

const fixture = readFileSync(new URL('./fixtures/report.html', import.meta.url), 'utf8');
const title = 'Overview of the migration situation in Kazakhstan, October–December 2023';
const headerText = 'Migration situation in Kazakhstan · October–December 2023';
const sectionTitles = [
  '1 Developments in migration policy',
  '2 Migration inflow and outflow',
  '3 Temporary residence permits',
  '4 Permanent residence permits',
  '5 Ethnic Kazakh returnees (Kandas)',
  '6 Personal remittances',
];

let browser: BrowserHandle;
let printed: PrintedPdf;
let pages: string[];
let work: string;
let pdfPath: string;

beforeAll(async () => {
  browser = await startBrowser();
  printed = await printPdfDetailed(fixture, { browser, title, lang: 'en', headerText, pageLabel: 'Page {page} of {pages}' });
  work = tempDir('migreport-pdf-test-');
  pdfPath = join(work, 'report.pdf');
  writeFileSync(pdfPath, printed.pdf);
  pages = pageTexts(pdfPath);
});
afterAll(async () => {
  await browser?.close();
});

describe('printPdf on the fixture report', () => {
  it('prints 12+ A4 pages, tagged, with title, author and subject in the metadata', () => {
    const info = pdfInfo(pdfPath);
    expect(Number(info.Pages)).toBe(printed.pageCount);
    expect(printed.pageCount).toBeGreaterThanOrEqual(12);
    expect(info['Page size']).toContain('(A4)');
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe(title);
    expect(info.Author).toBe('International Organization for Migration (IOM)');
    expect(info.Subject).toMatch(/^Quarterly compilation report/);
    expect(info.Keywords).toContain('Қазақстан');
  });

  it('writes the language and the bookmarks into the PDF', () => {
    const bytes = Buffer.from(printed.pdf).toString('latin1');
    expect(bytes).toMatch(/\/Lang \(en\)/);
    expect(bytes).toMatch(/\/Outlines \d+ 0 R/);
  });

  it('embeds every font', () => {
    const fonts = pdfFonts(pdfPath);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
  });

  it('keeps the cover free of header and footer, and labels every other page "Page x of y"', () => {
    expect(pages[0]).toContain('Overview of the migration situation in');
    expect(pages[0]).not.toContain('Page 1 of');
    expect(pages[0]).not.toContain(headerText);
    pages.slice(1).forEach((text, i) => {
      expect(text).toContain(`Page ${i + 2} of ${pages.length}`);
      expect(text).toContain(headerText);
    });
  });

  it('prints Kazakh letters as text', () => {
    expect(pages[0]).toContain('ә ғ қ ң ө ұ ү һ і');
  });

  it.each(sectionTitles)('puts "%s" on the page the contents give', (section) => {
    const line = pages[1].split('\n').find((l) => l.includes(section));
    expect(line, `contents line for ${section}`).toBeDefined();
    const page = Number(/(\d+)\s*$/.exec(line!)?.[1]);
    expect(page).toBe(printed.pageOf[`sec-${section[0]}`]);
    expect(pages[page - 1]).toContain(section);
    // and nowhere earlier: the contents page aside, the heading is not on a previous page
    for (let p = 2; p < page - 1; p++) expect(pages[p]).not.toContain(section);
  });

  it('prints every footnote at the foot of the page that cites it', () => {
    const cited = Object.keys(printed.pageOf).filter((id) => /^fnref-\d+$/.test(id));
    expect(cited.length).toBeGreaterThanOrEqual(30);
    for (const ref of cited) {
      const n = ref.slice('fnref-'.length);
      const page = printed.pageOf[ref];
      expect(printed.pageOf[`fn-${n}`], `footnote ${n}`).toBe(page);
      expect(pages[page - 1], `footnote ${n} on page ${page}`).toMatch(new RegExp(`^\\s*${n}\\.\\s+\\S`, 'm'));
    }
    // The end list is gone: every note was placed on its page.
    expect(pages.join('\n')).not.toMatch(/^\s*Notes\s*$/m);
  });

  it('repeats the table header on every page a table continues to', () => {
    const withRows = pages.filter((t) => /Uzbekistan\s+[\d,]+\s+[\d,]+/.test(t) || /Qatar\s+[\d,]+/.test(t));
    expect(withRows.length).toBeGreaterThan(3);
    for (const text of withRows) expect(text).toMatch(/Change, %/);
  });

  it('leaves no page blank', () => {
    for (const text of pages.slice(1)) {
      const body = text.replace(headerText, '').replace(/Page \d+ of \d+/, '').trim();
      expect(body.length).toBeGreaterThan(40);
    }
  });

  it('lets no request leave the page', () => {
    expect(printed.blockedRequests).toEqual([]);
    expect(printed.warnings).toEqual([]);
  });
});

describe('keeping blocks together', () => {
  // One chapter (one page or two) per spacer height, so one print tries the heading, the note's
  // label and the "latest data" line at every position near the foot of a page.
  const heights = Array.from({ length: 40 }, (_, i) => 640 + i * 8);
  const sentence = 'Arrivals from the CIS countries rose in the fourth quarter compared with the third quarter. ';
  const chapter = (h: number) => `<section class="chapter" id="c-${h}">
    <div style="height:${h}px; break-inside: avoid">spacer ${h}</div>
    <h3 id="h-${h}">Objectives ${h}</h3><p id="p-${h}">${sentence.repeat(2)}</p>
    <h2 id="h2-${h}">Heading ${h}</h2><p class="data-period" id="d-${h}">Latest data: 2023</p><p id="q-${h}">${sentence.repeat(3)}</p>
    <aside class="note" id="n-${h}"><p class="note-label" id="l-${h}">Analyst’s note</p><p id="t-${h}">${sentence.repeat(3)}</p></aside>
  </section>`;
  const table = `<section class="chapter"><table id="long"><caption id="cap">Permits by country<a class="fnref" href="#fn-1" id="fnref-1">1</a></caption>
    <thead><tr><th>Country</th><th>Permits</th></tr></thead><tbody>
    ${Array.from({ length: 90 }, (_, i) => `<tr><th>Country ${i + 1}</th><td>${1000 + i}</td></tr>`).join('')}</tbody></table>
    <ol class="footnotes"><li class="footnote" id="fn-1">Migration Service, 2024.</li></ol></section>`;
  const html = `<!doctype html><html lang="kk"><head><title>keep</title></head><body><main>${heights.map(chapter).join('')}${table}</main></body></html>`;
  let kept: PrintedPdf;
  let keptPages: string[];
  beforeAll(async () => {
    kept = await printPdfDetailed(html, { browser, title: 'keep', lang: 'kk', headerText: 'h', continuedLabel: '(жалғасы)' });
    writeFileSync(join(work, 'keep.pdf'), kept.pdf);
    keptPages = pageTexts(join(work, 'keep.pdf'));
  });

  it.each(heights)('never leaves a heading, a note label or a data line alone at the foot of a page (spacer %i px)', (h) => {
    expect(kept.pageOf[`h-${h}`], 'h3 and its paragraph').toBe(kept.pageOf[`p-${h}`]);
    expect(kept.pageOf[`h2-${h}`], 'h2 and its data line').toBe(kept.pageOf[`d-${h}`]);
    expect(kept.pageOf[`d-${h}`], 'data line and its paragraph').toBe(kept.pageOf[`q-${h}`]);
    expect(kept.pageOf[`l-${h}`], 'note label and its text').toBe(kept.pageOf[`t-${h}`]);
    expect(kept.pageOf[`n-${h}`], 'the note box is not split').toBe(kept.pageOf[`t-${h}`]);
  });

  it('repeats a split table\'s caption with the continued label, without its note reference', () => {
    const tablePages = keptPages.filter((t) => /Country \d+\s+\d{4}/.test(t));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    expect(tablePages[0]).toMatch(/Permits by country1?\s*$/m);
    expect(tablePages[0]).not.toContain('(жалғасы)');
    for (const text of tablePages.slice(1)) expect(text).toMatch(/Permits by country\s+\(жалғасы\)/);
    // The note is cited once, so its number stays on the first part only.
    expect(kept.pageOf['fn-1']).toBe(kept.pageOf['fnref-1']);
    // The spacers leave holes on purpose here; every other warning would be a defect.
    expect(kept.warnings.filter((w) => w.code !== 'publish/page-nearly-empty')).toEqual([]);
  });
});

describe('request blocking', () => {
  it('aborts and reports every request to another address', async () => {
    const html = `<!doctype html><html lang="en"><head><title>t</title>
      <link rel="stylesheet" href="https://example.org/style.css"></head>
      <body><p>text <img src="http://example.org/pixel.png" alt=""></p></body></html>`;
    const result = await printPdfDetailed(html, { browser, title: 't', lang: 'en', headerText: 'h' });
    expect(result.blockedRequests.sort()).toEqual(['http://example.org/pixel.png', 'https://example.org/style.css']);
    expect(result.pageCount).toBe(1);
  });
});

describe('the report font in the print tab', () => {
  const doc = (body: string) =>
    `<!doctype html><html lang="kk"><head><meta charset="utf-8"><title>t</title><style>${fontFaceCss()}\nbody{font-family:'Noto Sans'}</style></head><body>${body}</body></html>`;
  const fontsOf = (pdf: Uint8Array) => {
    const path = join(work, `fonts-${Math.random().toString(36).slice(2)}.pdf`);
    writeFileSync(path, pdf);
    return [...new Set(pdfFonts(path).map((f) => f.name.replace(/^[A-Z]{6}\+/, '')))].sort();
  };

  it("is not sent inline: the rules point at the tab's own font files, which are the package's", () => {
    const html = doc('<p>Қазақстан</p>');
    const printed = withPrintFonts(html);
    expect(html).toContain('data:font/woff2;base64,');
    expect(printed).not.toContain('data:font/woff2');
    expect(printed.length).toBeLessThan(html.length / 5);
    const urls = [...printed.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]);
    expect(urls.length).toBe(12);
    for (const url of urls) {
      expect(url.startsWith(PRINT_FONT_ORIGIN)).toBe(true);
      expect(printFontFile(url)?.subarray(0, 4).toString('latin1')).toBe('wOF2');
    }
    expect(printFontFile(`${PRINT_FONT_ORIGIN}other.woff2`)).toBeUndefined();
    expect(printFontFile('https://example.org/noto-sans-latin-400-normal.woff2')).toBeUndefined();
    // A document without the report's exact rules is printed as it is.
    expect(withPrintFonts('<p>x</p>')).toBe('<p>x</p>');
  });

  it('prints in Noto Sans, the first document in a tab and the next ones (from the memory cache), with no request blocked', async () => {
    for (const body of ['<p>Қазақстан <b>2023</b> <i>жыл</i></p>', '<p>Россия <b>2024</b> <i>year</i></p>']) {
      const result = await printPdfDetailed(doc(body), { browser, title: 't', lang: 'kk', headerText: 'h' });
      expect(result.blockedRequests).toEqual([]);
      // Without the tab's answers the fonts would not load and Chromium would print in a system font.
      expect(fontsOf(result.pdf)).toEqual(['NotoSans-Bold', 'NotoSans-Italic', 'NotoSans-Regular']);
    }
  });

  it('is loaded for the text before paginating (nothing is laid out before), and the pages are made again when they asked for a face the text did not', async () => {
    // A fresh browser: no face of the font is in a tab's memory cache yet, so one asked for by a layout loads late.
    const fresh = await startBrowser();
    try {
      const opts = { browser: fresh, title: 't', lang: 'kk', headerText: 'h' };
      const plain = await printPdfDetailed(doc('<p>Kazakhstan <b>2023</b></p>'), opts);
      expect(plain.timings).not.toHaveProperty(['paginate again']);
      expect(fontsOf(plain.pdf)).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);
      // Generated content is not in the text: its letters (Cyrillic Extended) are asked for only by the pages' layout,
      // after the fonts were loaded, so the pages were measured in a stand-in font and are made again.
      const generated = doc('<p class="g">Kazakhstan</p>').replace('</style>', "\n.g::after { content: ' Әә'; }</style>");
      const again = await printPdfDetailed(generated, opts);
      expect(again.timings).toHaveProperty(['paginate again']);
      expect(fontsOf(again.pdf)).toEqual(['NotoSans-Regular']);
      const path = join(work, 'late.pdf');
      writeFileSync(path, again.pdf);
      expect(pageTexts(path).join(' ')).toContain('Kazakhstan Әә');
    } finally {
      await fresh.close();
    }
  });

  it('blocks and names any other address under that origin', async () => {
    const html = `<!doctype html><html lang="en"><head><title>t</title><style>@font-face{font-family:X;src:url(${PRINT_FONT_ORIGIN}nope.woff2)}p{font-family:X}</style></head><body><p>text</p></body></html>`;
    const result = await printPdfDetailed(html, { browser, title: 't', lang: 'en', headerText: 'h' });
    expect(result.blockedRequests).toEqual([`${PRINT_FONT_ORIGIN}nope.woff2`]);
  });
});

describe('CSS text for the page margins', () => {
  it.each([
    ['Migration · 2023', '"Migration · 2023"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['</style><b>', '"\\3c /style>\\3c b>"'],
    ['two\nlines', '"two lines"'],
  ])('cssString(%j) is %s', (text, css) => expect(cssString(text)).toBe(css));

  it.each([
    ['Page {page} of {pages}', '"Page " counter(page) " of " counter(pages)'],
    ['Бет {page} / {pages}', '"Бет " counter(page) " / " counter(pages)'],
    ['{page}', 'counter(page)'],
  ])('pageLabelContent(%j) is %s', (label, content) => expect(pageLabelContent(label)).toBe(content));
});
