// Accessibility of the HTML (issue 13, point 2): axe-core (WCAG 2.1 A/AA and best practices) in Chromium reports no
// violation on any sample edition: both quarterly kinds for the periods with report notes, and the press brief, in
// every language.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAndAudit, projectPaths, renderReport } from '../../src/pipeline.ts';
import { launchBrowser } from '../preview/fixture.ts';
import { LOCALES } from '../../src/narrate/index.ts';

const root = new URL('../../', import.meta.url).pathname;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const EDITIONS = Object.keys(LOCALES).flatMap((lang) => [
  { template: 'iom-quarterly', period: '2023-Q4', lang },
  { template: 'bns-release', period: '2024-Q1', lang },
  { template: 'press-brief', period: '2025', lang },
]);

let b: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  b = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await b?.close();
});

describe('axe-core finds no violation', () => {
  it.each(EDITIONS)('$template $period $lang', async ({ template, period, lang }) => {
    const paths = projectPaths(root);
    const { dataset, findings } = await loadAndAudit(paths);
    const { html } = await renderReport(dataset, findings, { template, period, lang }, paths);
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
