// The same data give the same bytes, PDF included: Chromium's clock dates are replaced by the report's date, and
// Blink's DOM node ids in the structure tree (counted per renderer process, so on from the last report in a tab
// that a batch reuses) are renumbered. Without either, the two prints below differ.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHandle, startBrowser } from '../../src/publish/browser.ts';
import { printPdf } from '../../src/publish/pdf.ts';
import { normaliseNodeIds, setDocumentDates } from '../../src/publish/pdf-info.ts';

const fixture = readFileSync(new URL('./fixtures/report.html', import.meta.url), 'utf8');
const opts = { title: 'Overview', lang: 'en', headerText: 'Overview', date: '2024-01-31' };
const latin1 = (b: Uint8Array) => new TextDecoder('latin1').decode(b);

let browser: BrowserHandle;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a PDF printed twice', () => {
  it('is the same bytes, the second time in the tab the first one used, a minute apart or not', async () => {
    const first = await printPdf(fixture, { browser, ...opts });
    const second = await printPdf(fixture, { browser, ...opts }); // the pool gives the same tab back
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const text = latin1(first);
    expect(text).toContain("/CreationDate (D:20240131000000+00'00')");
    expect(text).not.toMatch(/D:(?!20240131000000)\d{14}\+00'00'/);
    // The structure ids start at 1 whatever the tab printed before.
    expect(text).toMatch(/\(node00000001\)/);
  });

  it('sends the paginator once per tab, and again to a tab that lost it, with the same bytes each time', async () => {
    // Every string the tab is asked to evaluate (the paginator's call among them), by print.
    const sent: string[][] = [];
    const take = browser.takePage.bind(browser);
    const watched = new Map<object, () => void>();
    browser.takePage = async () => {
      const tab = await take();
      const asked: string[] = [];
      sent.push(asked);
      watched.get(tab)?.();
      const evaluate = tab.evaluate;
      tab.evaluate = ((fn: unknown, ...args: unknown[]) => {
        if (typeof fn === 'string') asked.push(fn);
        return (evaluate as (...a: unknown[]) => unknown).call(tab, fn, ...args);
      }) as typeof tab.evaluate;
      watched.set(tab, () => (tab.evaluate = evaluate));
      return tab;
    };
    try {
      const first = await printPdf(fixture, { browser, ...opts });
      const second = await printPdf(fixture, { browser, ...opts });
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
      // The tab of the first test already had it; a fresh tab gets it with its first edition.
      const tab = await take();
      await tab.evaluate(`for (const k of Object.keys(globalThis)) if (k.startsWith('__migreportPaginate_')) delete globalThis[k]`);
      browser.releasePage(tab);
      const third = await printPdf(fixture, { browser, ...opts });
      expect(Buffer.from(third).equals(Buffer.from(first))).toBe(true);
      const withSource = (s: string) => s.includes('function paginate(cfg)');
      expect(sent.map((asked) => asked.filter((s) => s.includes('paginate')).map(withSource))).toEqual([[false], [false], [false, true]]);
    } finally {
      for (const unwatch of watched.values()) unwatch();
      browser.takePage = take;
    }
  });

  it('renumbers node ids in their own order and writes dates in place, keeping every offset', () => {
    const pdf = new TextEncoder().encode("<< /ID (node00001255) >> << /ID (node00001166) >> /Headers [(node00001255)] /CreationDate (D:20261129173802+00'00')");
    const out = latin1(setDocumentDates(normaliseNodeIds(pdf), '2023-12-31'));
    expect(out).toBe("<< /ID (node00000002) >> << /ID (node00000001) >> /Headers [(node00000002)] /CreationDate (D:20231231000000+00'00')");
    expect(out.length).toBe(pdf.length);
  });
});
