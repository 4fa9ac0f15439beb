import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/preview/server.ts';
import { expectA4, launchBrowser, printSheets, tinyProject, waitFor, type TinyProject } from './fixture.ts';

const sentences = () => Array.from(document.querySelectorAll('p.sentence'), (p) => p.textContent).join('|');
const overlay = () => {
  const o = document.getElementById('migreport-overlay');
  return o ? { location: o.querySelector('.mr-location')?.textContent, text: o.textContent, html: o.innerHTML } : null;
};

describe('preview in headless Chromium', () => {
  let project: TinyProject;
  let server: PreviewServer;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    project = await tinyProject();
    server = await startPreview({
      host: '127.0.0.1',
      port: 0,
      watch: project.watch,
      render: project.render,
      outDir: project.outDir,
      printPdf: async () => new TextEncoder().encode('%PDF-1.7 fake'),
    });
    const b = await launchBrowser();
    closeBrowser = b.close;
    page = await b.browser.newPage();
    await page.setViewport({ width: 1000, height: 700 });
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.goto(server.url);
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
    await project?.remove();
  });

  it('shows a changed data value in the page within 1 s of saving', async () => {
    expect(await page.evaluate(sentences)).toBe('border_arrivals in 2023-Q4: 1334101.');
    const saved = Date.now();
    await project.writeRows([['border_arrivals', '2023-Q4', '1400000']]);
    await waitFor(page, () => document.body.textContent?.includes('2023-Q4: 1400000.'), 1000);
    expect(Date.now() - saved).toBeLessThan(1000);
    expect(project.renderCalls.at(-1)).toEqual([project.dataFile]);
  });

  it('keeps the scroll position across a reload', async () => {
    await page.evaluate(() => window.scrollTo(0, 1500));
    await project.writeRows([['border_arrivals', '2023-Q4', '1400001']]);
    await waitFor(page, () => document.body.textContent?.includes('2023-Q4: 1400001.'), 1000);
    await waitFor(page, () => document.readyState === 'complete', 1000);
    expect(await page.evaluate(() => window.scrollY)).toBe(1500);
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  it('shows the located error in an overlay over the last good render, and removes it once fixed', async () => {
    await project.writeRows([
      ['border_arrivals', '2023-Q4', '1400001'],
      ['border_departures', '2023-Q4', '<img src=x onerror=alert(1)>'],
    ]);
    const shown = await waitFor(page, overlay, 1000);
    expect(shown.location).toBe('data/observations/arrivals.csv:3:27');
    expect(shown.text).toContain('value "<img src=x onerror=alert(1)>" is not a number');
    expect(shown.text).toContain('Try: write the number with a dot decimal');
    expect(shown.html).not.toContain('<img'); // data are text, never markup
    expect(await page.evaluate(sentences)).toBe('border_arrivals in 2023-Q4: 1400001.');

    // A page opened while the draft is broken shows the overlay too.
    const second = await page.browser().newPage();
    await second.goto(server.url);
    expect((await waitFor(second, overlay, 1000)).location).toBe('data/observations/arrivals.csv:3:27');
    await second.close();

    await project.writeRows([
      ['border_arrivals', '2023-Q4', '1400001'],
      ['border_departures', '2023-Q4', '52000'],
    ]);
    await waitFor(page, () => document.body.textContent?.includes('border_departures in 2023-Q4: 52000.'), 1000);
    expect(await page.evaluate(overlay)).toBeNull();
  });

  it('shows the audit findings and the self-check in a badge with a panel', async () => {
    const badge = await page.$eval('#migreport-ui .mr-badge', (b) => ({ text: b.textContent, state: b.getAttribute('data-state') }));
    expect(badge).toEqual({ text: 'self-check ok · 1 finding', state: 'warn' });
    expect(await page.$eval('#migreport-ui .mr-panel', (p) => (p as HTMLElement).hidden)).toBe(true);
    await page.click('#migreport-ui .mr-badge');
    const panel = await page.$eval('#migreport-ui .mr-panel', (p) => ({ hidden: (p as HTMLElement).hidden, text: p.textContent }));
    expect(panel.hidden).toBe(false);
    expect(panel.text).toContain('data/observations/arrivals.csv:2:27');
    expect(panel.text).toContain('published total differs');
  });

  it('toggles to a print view laid out by the PDF paginator on A4 sheets with margins, header and page numbers, and links the PDF', async () => {
    await Promise.all([page.waitForNavigation(), page.click('#migreport-ui .mr-toggle')]);
    expect(new URL(page.url()).pathname).toBe('/print');
    await waitFor(page, () => document.documentElement.classList.contains('mr-paged'), 2000);
    const sheets = await printSheets(page);
    // 12 fillers of 400 px and the sentences need several A4 pages (1123 px tall at 96 dpi).
    expect(sheets.length).toBeGreaterThanOrEqual(4);
    expectA4(sheets, 'Tiny draft · 2023-Q4');
    expect(await page.evaluate(() => (window as unknown as { __migreportPaged: { pages: number } }).__migreportPaged.pages)).toBe(sheets.length);
    expect(await page.$eval('#migreport-ui .mr-toggle', (a) => a.getAttribute('href'))).toBe('/');
    const pdfHref = await page.$eval('#migreport-ui .mr-pdf', (a) => (a as HTMLAnchorElement).href);
    const pdf = await page.evaluate((u) => fetch(u).then(async (r) => [r.headers.get('content-type'), await r.text()]), pdfHref);
    expect(pdf).toEqual(['application/pdf', '%PDF-1.7 fake']);
  });

  it('reloads the print view on a change too', async () => {
    await project.writeRows([['border_arrivals', '2023-Q4', '1500000']]);
    await waitFor(page, () => document.documentElement.classList.contains('mr-paged') && document.body.textContent?.includes(': 1500000.'), 1000);
  });

  it('ran without script errors or CSP violations', () => {
    expect(consoleErrors).toEqual([]);
  });
});
