// PDF/UA-1 structure of the printed reports (issue 13, point 1), read back from real PDFs of the sample: one edition
// of each kind in every registered language, printed as `build` prints them. pdf-lib reads the object graph
// (test/publish/pdf-structure.ts); poppler gives the tagged text. README.md ("PDF/UA-1") lists what is and is not
// checked. The last block feeds the artifact marking small streams of its own.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { PDFDict, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/narrate/index.ts';
import { loadAndAudit, printSetup, projectPaths, renderReport, type PrintSetup } from '../../src/pipeline.ts';
import { type BrowserHandle, startBrowser } from '../../src/publish/browser.ts';
import { printPdfDetailed } from '../../src/publish/pdf.ts';
import { markUntaggedAsArtifact, STANDARD_TYPES } from '../../src/publish/pdf-ua.ts';
import { pageTexts } from './pdf-text.ts';
import { allNodes, lastXref, readPdf, type ReadPdf, structureErrors, structureTexts, text, untaggedPainting } from './pdf-structure.ts';
import { tempDir } from '../temp.ts';

const root = join(import.meta.dirname, '..', '..');
const out = tempDir('migreport-pdfua-');
const KINDS = [
  { template: 'iom-quarterly', period: '2023-Q4' },
  { template: 'bns-release', period: '2024-Q1' },
  { template: 'press-brief', period: '2025' },
];
const EDITIONS = Object.keys(LOCALES).flatMap((lang) => KINDS.map((k) => ({ ...k, lang, name: `${k.template} ${k.period} ${lang}` })));

interface Printed {
  path: string;
  pdf: ReadPdf;
  print: PrintSetup;
  printHtml: string;
  /** The texts the paginator reported as not fitting their box (publish/text-overflow). */
  overflowing: string[];
}
const printed = new Map<string, Printed>();
let browser: BrowserHandle;

beforeAll(async () => {
  browser = await startBrowser();
  const paths = projectPaths(root);
  const { dataset, findings } = await loadAndAudit(paths);
  for (const e of EDITIONS) {
    const report = await renderReport(dataset, findings, { template: e.template, period: e.period, lang: e.lang }, paths);
    const print = printSetup(paths, report, e.lang);
    const { pdf, warnings } = await printPdfDetailed(report.printHtml, {
      browser, title: print.title, author: print.author, lang: e.lang, headerText: print.headerText, pageLabel: print.pageLabel,
      continuedLabel: print.continuedLabel, printCss: print.css, date: print.date,
    });
    const path = join(out, `${e.template}.${e.period}.${e.lang}.pdf`);
    writeFileSync(path, pdf);
    const overflowing = warnings.filter((w) => w.code === 'publish/text-overflow').map((w) => /^"(.*)" does not fit/.exec(w.message)?.[1] ?? '');
    printed.set(e.name, { path, pdf: await readPdf(pdf), print, printHtml: report.printHtml, overflowing });
  }
}, 240_000);
afterAll(async () => {
  await browser?.close();
});

/** The text of an XMP element's value (the first rdf:li if it holds a list). */
function xmpValue(xmp: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xmp);
  if (!m) return undefined;
  const li = /<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/.exec(m[1]);
  return (li ? li[1] : m[1]).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** The accessible text of each link target in the printed HTML, as a reader would hear the link. */
function linkTexts(html: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const a of parse(html).querySelectorAll('a[href]')) {
    const t = (a.getAttribute('aria-label') || a.text).replace(/\s+/g, ' ').trim();
    const href = a.getAttribute('href')!;
    if (t && !map.has(href)) map.set(href, t);
  }
  return map;
}

describe.each(EDITIONS)('PDF/UA-1: $name', ({ name, lang }) => {
  const get = () => printed.get(name)!;

  it('is written whole: one xref table whose every entry points at its object, each object once', () => {
    const text = readFileSync(get().path).toString('latin1');
    const x = lastXref(text);
    expect(x.startxrefs).toBe(1);
    expect(x.first).toBe(0);
    const size = x.entries.length;
    for (const { n, offset, inUse } of x.entries.slice(1)) {
      expect(inUse, `object ${n} in use`).toBe(true);
      expect(text.startsWith(`${n} 0 obj`, offset), `object ${n} where the xref says`).toBe(true);
    }
    expect(x.defined.length).toBe(size - 1);
    expect(new Set(x.defined).size).toBe(size - 1);
    expect(x.trailer).not.toMatch(/\/Prev/);
  });

  it('has XMP metadata with the PDF/UA identifier, title, author and language, and shows its title in the window', () => {
    const { pdf, print } = get();
    expect(pdf.xmp, 'catalog /Metadata').toBeDefined();
    const meta = pdf.doc.context.lookup(pdf.catalog.get(PDFName.of('Metadata'))) as unknown as { dict: PDFDict };
    expect(text(meta.dict.get(PDFName.of('Type')))).toBe('Metadata');
    expect(text(meta.dict.get(PDFName.of('Subtype')))).toBe('XML');
    const xmp = pdf.xmp!;
    expect(xmp).toMatch(/xmlns:pdfuaid="http:\/\/www\.aiim\.org\/pdfua\/ns\/id\/"/);
    expect(xmpValue(xmp, 'pdfuaid:part')).toBe('1');
    expect(xmpValue(xmp, 'dc:title')).toBe(print.title);
    expect(pdf.info.Title).toBe(print.title);
    expect(print.author).toBeTruthy();
    expect(xmpValue(xmp, 'dc:creator')).toBe(print.author);
    expect(pdf.info.Author).toBe(print.author);
    expect(xmpValue(xmp, 'dc:language')).toBe(lang);
    expect(text(pdf.catalog.get(PDFName.of('Lang')))).toBe(lang);
    const prefs = pdf.doc.context.lookup(pdf.catalog.get(PDFName.of('ViewerPreferences'))) as PDFDict;
    expect(prefs.get(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true');
    // Marked as tagged, on PDF 1.7 (ISO 32000-1, which PDF/UA-1 is built on), tab order by structure on every page.
    const markInfo = pdf.doc.context.lookup(pdf.catalog.get(PDFName.of('MarkInfo'))) as PDFDict;
    expect(markInfo.get(PDFName.of('Marked'))?.toString()).toBe('true');
    expect(text(pdf.catalog.get(PDFName.of('Version')))).toBe('1.7');
    expect(pdf.doc.getPages().filter((p) => text(p.node.get(PDFName.of('Tabs'))) !== 'S').length).toBe(0);
    // The XMP dates are the Info dates (the same data give the same bytes: the report's date, not the clock).
    const d = /D:(\d{4})(\d{2})(\d{2})/.exec(pdf.info.CreationDate)!;
    expect(xmpValue(xmp, 'xmp:CreateDate')).toBe(`${d[1]}-${d[2]}-${d[3]}T00:00:00+00:00`);
  });

  it('marks every painted thing as real content or as an artifact; the running header and page numbers are artifacts', () => {
    const { pdf, path, print } = get();
    pdf.contents.forEach((content, i) => expect(untaggedPainting(content), `page ${i + 1}`).toEqual([]));
    // The header and the footer are on the pages, and not in the tagged text.
    const pages = pageTexts(path);
    expect(pages[1]).toContain(print.headerText.slice(0, 30));
    const footer = print.pageLabel.replace('{page}', '2').replace('{pages}', String(pages.length));
    expect(pages[1].replace(/\s+/g, ' ')).toContain(footer);
    const tagged = structureTexts(path).map((t) => t.text).join('\n');
    expect(tagged).not.toContain(print.headerText);
    expect(tagged).not.toContain(footer);
  });

  it('gives every Figure alternative text, and every chart is one', () => {
    const { pdf, printHtml } = get();
    const figures = [...allNodes(pdf.root!)].filter((n) => (pdf.roleMap[n.type] ?? n.type) === 'Figure');
    const charts = parse(printHtml).querySelectorAll('figure svg[role="img"], figure img[alt]').length;
    expect(figures.length).toBe(charts);
    expect(figures.filter((f) => !f.alt?.trim()).length).toBe(0);
    // No Figure inside a Figure: an outer /Alt would replace the chart's own description.
    expect(figures.filter((f) => [...allNodes(f)].slice(1).some((k) => k.type === 'Figure')).length).toBe(0);
  });

  it('maps every structure type to a standard one', () => {
    const { pdf, path } = get();
    const types = new Set([...allNodes(pdf.root!)].slice(1).map((n) => n.type));
    const unmapped = [...types].filter((t) => !STANDARD_TYPES.has(t) && !STANDARD_TYPES.has(pdf.roleMap[t]));
    expect(unmapped).toEqual([]);
    // Standard types are not mapped again (PDF/UA-1 7.1: a standard type shall not be remapped).
    expect(Object.keys(pdf.roleMap).filter((t) => STANDARD_TYPES.has(t))).toEqual([]);
    expect(structureErrors(path)).toEqual([]);
  });

  it('describes every link annotation (/Contents) with the link text, and tags it', () => {
    const { pdf, printHtml } = get();
    const texts = linkTexts(printHtml);
    expect(pdf.links.length).toBeGreaterThan(0);
    for (const { dict, page } of pdf.links) {
      const contents = text(pdf.doc.context.lookup(dict.get(PDFName.of('Contents'))) ?? dict.get(PDFName.of('Contents')));
      expect(contents?.trim(), `link on page ${page + 1}`).toBeTruthy();
      const dest = text(dict.get(PDFName.of('Dest')));
      const action = pdf.doc.context.lookup(dict.get(PDFName.of('A'))) as PDFDict | undefined;
      const uri = action && text(pdf.doc.context.lookup(action.get(PDFName.of('URI'))) ?? action.get(PDFName.of('URI')));
      const href = dest !== undefined ? `#${dest}` : uri!;
      const expected = texts.get(href) ?? texts.get(href.replace(/\/$/, ''));
      expect(expected, `${href} is a link of the HTML`).toBeDefined();
      // As printed: a contents entry ends with the page number the paginator wrote into it.
      if (href.startsWith('#sec-')) expect(contents, href).toMatch(new RegExp(`^${expected!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\d+$`));
      else expect(contents, href).toBe(expected);
      expect(dict.get(PDFName.of('StructParent')), `${href} tagged`).toBeDefined();
    }
  });

  it('tags footnotes as Note with an ID, inside list items of a list', () => {
    const { pdf, printHtml } = get();
    const html = parse(printHtml);
    const cited = new Set(html.querySelectorAll('a.fnref').map((a) => a.getAttribute('href')!.slice(1)));
    const bodies = html.querySelectorAll('li.footnote').filter((li) => cited.has(li.id));
    const notes = [...allNodes(pdf.root!)].filter((n) => n.type === 'Note');
    expect(notes.length).toBe(bodies.length);
    expect(notes.map((n) => n.id).sort()).toEqual(bodies.map((li) => li.id).sort());
    for (const note of notes) {
      expect(note.parent?.type, note.id).toBe('LI');
      expect(note.parent?.parent?.type, note.id).toBe('L');
      expect(note.parent?.kids.some((k) => k.type === 'Lbl'), `${note.id} numbered`).toBe(true);
      expect(pdf.idTree.get(note.id!)?.toString(), `${note.id} in the IDTree`).toBe(note.ref?.toString());
    }
    // The marker that carried them from the page is gone.
    expect([...allNodes(pdf.root!)].filter((n) => n.lang?.includes('-x-'))).toEqual([]);
  });

  it('keeps the words at line ends apart in the tagged text', () => {
    const { path, printHtml, print, overflowing } = get();
    const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
    const body = printHtml.slice(printHtml.search(/<body/i));
    const source = norm(parse(body.replace(/<[^>]+>/g, (t) => `${t} `)).text);
    // A text cut at its box's edge (reported as publish/text-overflow, and failed by every-edition.test.ts) loses
    // what is cut; it is left to that check.
    const cut = overflowing.map(norm).filter(Boolean);
    const runTogether = structureTexts(path)
      .filter((t) => !t.types.includes('Figure') && !t.types.includes('Lbl'))
      .map((t) => norm(t.text.replace(print.continuedLabel, '')))
      .filter((t) => t && !source.includes(t) && !cut.some((c) => t.startsWith(c)));
    expect(runTogether).toEqual([]);
  });
});

describe('untagged painting becomes an artifact', () => {
  it('wraps what is drawn outside marked content, and nothing else', () => {
    const content = 'q 1 0 0 1 0 0 cm 0 0 10 10 re f Q\n/P <</MCID 0 >>BDC\nBT /F1 9 Tf <0001> Tj ET\nEMC\nq BT <0002> Tj ET Q\n';
    const marked = markUntaggedAsArtifact(content)!;
    expect(untaggedPainting(content)).toHaveLength(2);
    expect(untaggedPainting(marked)).toEqual([]);
    expect(marked).toBe(
      '/Artifact BMC\nq 1 0 0 1 0 0 cm 0 0 10 10 re f Q\nEMC\n/P <</MCID 0 >>BDC\nBT /F1 9 Tf <0001> Tj ET\nEMC\n/Artifact BMC\n\nq BT <0002> Tj ET Q\n\nEMC\n',
    );
  });

  it('leaves tagged content, state changes and strings that look like operators alone', () => {
    expect(markUntaggedAsArtifact('/Span <</MCID 3>> BDC (a) Tj EMC q 1 g Q')).toBeNull();
    expect(markUntaggedAsArtifact('/Artifact BMC 0 0 5 5 re f EMC')).toBeNull();
    expect(markUntaggedAsArtifact('/P <</MCID 1>> BDC BT (EMC \\) BDC) Tj ET EMC')).toBeNull();
  });
});
