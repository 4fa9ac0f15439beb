// The cover states the report period once (issue 13, point 5): not again under a subtitle that names it.
import { describe, expect, it } from 'vitest';
import { loadAndAudit, projectPaths, renderReport } from '../../src/pipeline.ts';

const root = new URL('../../', import.meta.url).pathname;

describe('the cover', () => {
  it.each([
    ['iom-quarterly', '2023-Q4', 'en', 'October–December 2023'],
    ['bns-release', '2024-Q1', 'en', 'January–March 2024'],
    // The subtitle names the quarter as the language does: the period line is not added under it.
    ['iom-quarterly', '2023-Q4', 'ru', 'IV квартал 2023'],
    ['iom-quarterly', '2023-Q4', 'kk', '2023 жылғы IV тоқсан'],
  ])('%s %s %s names its period once', async (template, period, lang, label) => {
    const paths = projectPaths(root);
    const { dataset, findings } = await loadAndAudit(paths);
    const { html } = await renderReport(dataset, findings, { template, period, lang }, paths);
    const cover = /<section class="cover"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(cover).not.toBe('');
    expect(cover.split(label).length - 1).toBe(1);
    // The compilation's subtitle names the period, so no period line follows it (in any of the language's wordings).
    if (template === 'iom-quarterly') expect(cover).not.toContain('<p class="period">');
  });
});
