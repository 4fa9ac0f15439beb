// Test helpers for the preview: a tiny temporary project with a fake renderer, and headless Chromium.
import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { chromiumFlags } from '../../src/publish/browser.ts';
import type { RenderOutcome } from '../../src/preview/server.ts';
import { tempDir } from '../temp.ts';

/** The flags the publish stage prints with: nothing in the background reaches the network. */
export const CHROMIUM_ARGS = chromiumFlags;

export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const profile = await mkdtemp(path.join(tmpdir(), 'migreport-chromium-'));
  const removeProfile = () => rm(profile, { recursive: true, force: true, maxRetries: 3 });
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [...CHROMIUM_ARGS, `--user-data-dir=${profile}`],
    });
  } catch (e) {
    await removeProfile();
    throw e;
  }
  return {
    browser,
    close: async () => {
      try {
        await browser.close();
      } finally {
        await removeProfile();
      }
    },
  };
}

export interface TinyProject {
  root: string;
  dataFile: string;
  outDir: string;
  watch: string[];
  render: (changed: string[]) => Promise<RenderOutcome>;
  renderCalls: string[][];
  writeRows: (rows: [string, string, string][]) => Promise<void>;
  /** Removes the folder now; it goes anyway when the test (or, made outside a test, the file) ends (test/temp.ts). */
  remove: () => Promise<void>;
}

const HEADER = 'indicator,period,value';
const PRINT_CSS = fileURLToPath(new URL('../../styles/print.css', import.meta.url));

/**
 * A project of one CSV: each row becomes a sentence "<indicator> in <period>: <value>.", so a
 * data change shows as a changed sentence; a non-numeric value is an error located at its cell.
 */
export async function tinyProject(): Promise<TinyProject> {
  const root = tempDir('migreport-preview-');
  await mkdir(path.join(root, 'data', 'observations'), { recursive: true });
  await mkdir(path.join(root, 'templates'), { recursive: true });
  await mkdir(path.join(root, 'styles'), { recursive: true });
  // Files next to the served folder that traversal must never reach.
  await writeFile(path.join(root, 'package.json'), '{"name":"secret-package"}');
  await writeFile(path.join(root, 'secret.txt'), 'secret-root');
  await mkdir(path.join(root, 'output', '.preview'), { recursive: true });
  await writeFile(path.join(root, 'output', 'package.json'), '{"name":"secret-output"}');
  await writeFile(path.join(root, 'output', '.preview', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(path.join(root, 'templates', 'report.html'), '<h1>Draft</h1>\n{{sentences}}');
  await writeFile(path.join(root, 'styles', 'report.css'), 'p.filler { height: 400px; }\n@media print { .screen-only { display: none; } }');
  const dataFile = path.join(root, 'data', 'observations', 'arrivals.csv');
  const renderCalls: string[][] = [];

  const writeRows = (rows: [string, string, string][]) =>
    writeFile(dataFile, [HEADER, ...rows.map((r) => r.join(','))].join('\n') + '\n');
  await writeRows([['border_arrivals', '2023-Q4', '1334101']]);

  const render = async (changed: string[]): Promise<RenderOutcome> => {
    renderCalls.push(changed);
    const [csv, template, css] = await Promise.all([
      readFile(dataFile, 'utf8'),
      readFile(path.join(root, 'templates', 'report.html'), 'utf8'),
      readFile(path.join(root, 'styles', 'report.css'), 'utf8'),
    ]);
    const sentences: string[] = [];
    const lines = csv.split('\n');
    for (let i = 1; i < lines.length; i++) {
      if (!lines[i].trim()) continue;
      const [indicator, period, value] = lines[i].split(',');
      if (!/^-?\d+(\.\d+)?$/.test(value ?? '')) {
        const column = indicator.length + period.length + 3;
        return {
          ok: false,
          error: {
            location: `data/observations/arrivals.csv:${i + 1}:${column}`,
            message: `value "${value}" is not a number`,
            hint: 'write the number with a dot decimal and no separators',
          },
        };
      }
      sentences.push(`<p class="sentence" data-indicator="${indicator}">${indicator} in ${period}: ${value}.</p>`);
    }
    const filler = Array.from({ length: 12 }, (_, k) => `<p class="filler">Filler paragraph ${k + 1}.</p>`).join('\n');
    const body = template.replace('{{sentences}}', sentences.join('\n') + filler);
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tiny draft</title>` +
      `<style>${css}</style></head><body>${body}</body></html>`;
    const printHtml = html.replace('</style>', '@page { size: A4; margin: 25mm 20mm; }</style>');
    return {
      ok: true,
      html,
      printHtml,
      findings: [{ severity: 'warning', location: 'data/observations/arrivals.csv:2:27', message: 'published total differs' }],
      selfCheck: { ok: true, problems: [] },
      print: { css: await readFile(PRINT_CSS, 'utf8'), headerText: 'Tiny draft · 2023-Q4', pageLabel: 'Page {page} of {pages}' },
    };
  };

  return {
    root,
    dataFile,
    outDir: path.join(root, 'output', '.preview'),
    watch: ['data', 'templates', 'styles'].map((d) => path.join(root, d)),
    render,
    renderCalls,
    writeRows,
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

export interface Sheet {
  width: number;
  height: number;
  cover: boolean;
  /** Offset of the page box (the PDF's page area) inside the sheet. */
  marginTop: number;
  marginLeft: number;
  header: string | null;
  footer: string | null;
  overflows: boolean;
}

/** The print view's sheets, measured in CSS pixels. */
export function printSheets(page: Page): Promise<Sheet[]> {
  return page.$$eval('.mr-sheet', (all) =>
    all.map((s) => {
      const box = s.getBoundingClientRect();
      const body = s.querySelector('.page') as HTMLElement;
      const content = body.getBoundingClientRect();
      return {
        width: Math.round(box.width),
        height: Math.round(box.height),
        cover: s.classList.contains('mr-sheet-cover'),
        marginTop: Math.round(content.top - box.top),
        marginLeft: Math.round(content.left - box.left),
        header: s.querySelector('.mr-sheet-header')?.textContent ?? null,
        footer: s.querySelector('.mr-sheet-footer')?.textContent ?? null,
        overflows: body.scrollHeight > body.clientHeight + 1,
      };
    }),
  );
}

/** Every sheet is A4 with the PDF's margins (20 mm top, 20 mm sides), header and "Page x of y"; covers bleed. */
export function expectA4(sheets: Sheet[], header: string): void {
  const mm = 96 / 25.4;
  for (const [i, s] of sheets.entries()) {
    expect(s.width).toBe(Math.round(210 * mm));
    expect(s.height).toBe(Math.round(297 * mm));
    expect(s.overflows).toBe(false);
    if (s.cover) {
      expect([s.marginTop, s.marginLeft, s.header, s.footer]).toEqual([0, 0, null, null]);
      continue;
    }
    expect(s.marginTop).toBe(Math.round(20 * mm));
    expect(s.marginLeft).toBe(Math.round(20 * mm));
    expect(s.header).toBe(header);
    expect(s.footer).toBe(`Page ${i + 1} of ${sheets.length}`);
  }
}

/** Polls the page, surviving the reloads the preview triggers (a reload destroys the old context). */
export async function waitFor<T>(page: Page, probe: () => T, timeoutMs: number): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const v = await page.evaluate(probe);
      if (v) return v as NonNullable<T>;
    } catch {
      // navigation in progress
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${probe}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * A temporary copy of the sample project (data/, templates/, styles/), with files traversal must never reach;
 * removed by remove(), or anyway when the test (or, made outside a test, the file) ends (test/temp.ts).
 */
export async function sampleProject(): Promise<{ root: string; remove: () => Promise<void> }> {
  const sample = fileURLToPath(new URL('../../', import.meta.url));
  const root = tempDir('migreport-preview-sample-');
  for (const dir of ['data', 'templates', 'styles']) await cp(path.join(sample, dir), path.join(root, dir), { recursive: true });
  await writeFile(path.join(root, 'package.json'), '{"name":"secret-package"}');
  await mkdir(path.join(root, 'output'), { recursive: true });
  await writeFile(path.join(root, 'output', 'package.json'), '{"name":"secret-output"}');
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}

/** Waits until the page shows a render newer than `version`, with the preview UI in place. */
export async function renderedAfter(page: Page, version: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const shown = await page.evaluate(
        (v) => ((window as unknown as { __migreport?: { version: number } }).__migreport?.version ?? -1) > v && document.querySelector('#migreport-ui') !== null,
        version,
      );
      if (shown) return;
    } catch {
      // navigation in progress
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for a render after version ${version}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
