// Text that does not fit its box in the printed page is a warning naming it and its page (issue 12, point 6: longer
// Russian and Kazakh labels must not overflow tables and charts). The sample's editions have none (test/commands).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHandle, startBrowser } from '../../src/publish/browser.ts';
import { printPdfDetailed } from '../../src/publish/pdf.ts';

let browser: BrowserHandle;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const page = (body: string) => `<!doctype html><html lang="ru"><head><title>t</title></head><body><main>${body}</main></body></html>`;
const print = (body: string) => printPdfDetailed(page(body), { browser, title: 't', lang: 'ru', headerText: 't' });

describe('text overflow in the printed page', () => {
  it('warns of a word wider than its table column, and of a chart label past the chart', async () => {
    const printed = await print(
      '<table style="table-layout:fixed;width:200px"><tr><th style="width:60px">Трудоспособного</th><td>1</td></tr></table>' +
        '<figure><svg width="100" height="40" viewBox="0 0 100 40"><text x="60" y="20">Северо-Казахстанская</text></svg></figure>',
    );
    expect(printed.warnings.map((w) => w.code)).toEqual(['publish/text-overflow', 'publish/text-overflow']);
    expect(printed.warnings[0].message).toBe('"Трудоспособного" does not fit its box on page 1 of the PDF');
    expect(printed.warnings[1].message).toMatch(/chart label “Северо-Казахстанская”/);
  });

  it('is silent when the text fits', async () => {
    const printed = await print('<table><tr><th>Страна</th><td>1 234</td></tr></table><figure><svg width="300" height="40"><text x="10" y="20">Казахстан</text></svg></figure>');
    expect(printed.warnings).toEqual([]);
  });
});
