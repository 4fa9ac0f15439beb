// A list at the end names each source once, in full (issue 13, point 5); the footnotes cite it in full once, then short.
// A kind's report.hbs decides whether it has the list: the press brief, one to three pages, has not.
import { describe, expect, it } from 'vitest';
import { loadAndAudit, projectPaths, renderReport } from '../../src/pipeline.ts';

const root = new URL('../../', import.meta.url).pathname;

describe('the source list', () => {
  it.each([
    ['iom-quarterly', '2023-Q4'],
    ['bns-release', '2024-Q1'],
  ])('%s %s lists every cited source once', async (template, period) => {
    const paths = projectPaths(root);
    const { dataset, findings } = await loadAndAudit(paths);
    const { html, model } = await renderReport(dataset, findings, { template, period, lang: 'en' }, paths);
    const list = /<section class="sources"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    const items = [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]);
    expect(items.length).toBeGreaterThan(2);
    expect(new Set(items).size).toBe(items.length);
    for (const id of model.sources) {
      const publisher = dataset.reference.sources.get(id)!.publisher.replace(/&/g, '&amp;');
      expect(items.some((i) => i.startsWith(publisher)), `${id} is listed`).toBe(true);
    }
  });
});
