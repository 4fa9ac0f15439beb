// The cover states the report period once (issue 13, point 5): not again under a subtitle that names it.
import { describe, expect, it } from 'vitest';
import { loadAndAudit, projectPaths, renderReport } from '../../src/pipeline.ts';

const root = new URL('../../', import.meta.url).pathname;

describe('the cover', () => {
  it.each([
    ['iom-quarterly', '2023-Q4', 'October–December 2023'],
    ['bns-release', '2024-Q1', 'January–March 2024'],
  ])('%s %s names its period once', async (template, period, label) => {
    const paths = projectPaths(root);
    const { dataset, findings } = await loadAndAudit(paths);
    const { html } = await renderReport(dataset, findings, { template, period, lang: 'en' }, paths);
    const cover = /<section class="cover"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(cover).not.toBe('');
    expect(cover.split(label).length - 1).toBe(1);
  });
});
