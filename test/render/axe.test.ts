// Accessibility of the HTML (issue 13, point 2): axe-core (WCAG 2.1 A/AA and best practices) in Chromium reports no
// violation on any sample edition: every kind, for every period it can be built for, in every language (the same
// list as `build --template all --period all --lang all`).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindPeriods } from '../../src/compare/index.ts';
import { kindNames, loadKind } from '../../src/kinds/load.ts';
import { loadAndAudit, projectPaths, renderReport } from '../../src/pipeline.ts';
import { launchBrowser } from '../preview/fixture.ts';
import { LOCALES } from '../../src/narrate/index.ts';

const root = new URL('../../', import.meta.url).pathname;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const paths = projectPaths(root);
const loaded = await loadAndAudit(paths);
const EDITIONS = [
  ...kindNames().flatMap((template) =>
    kindPeriods(loaded.dataset, loadKind(template, { reference: loaded.dataset.reference }).spec).flatMap((p) =>
      Object.keys(LOCALES).map((lang) => ({ template, period: p.code, lang })),
    ),
  ),
  // Quarters the IOM kind builds when asked though `all` does not list them (totals alone; the quarterly series).
  ...['2024-Q1', '2024-Q2'].flatMap((period) => Object.keys(LOCALES).map((lang) => ({ template: 'iom-quarterly', period, lang }))),
];

let b: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  b = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await b?.close();
});

describe('axe-core finds no violation', () => {
  it('covers every edition of the sample (three kinds, every period, three languages)', () => {
    expect(new Set(EDITIONS.map((e) => e.template)).size).toBe(3);
    expect(EDITIONS.length).toBeGreaterThanOrEqual(100);
  });

  it.each(EDITIONS)('$template $period $lang', async ({ template, period, lang }) => {
    const { html } = await renderReport(loaded.dataset, loaded.findings, { template, period, lang }, paths);
    const page = await b.browser.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
        return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
      });
      expect(violations).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);
});
