// Chart alt texts (writing.md rule 15: the chart type, what is shown, the main finding) read as one clean sentence
// before the finding: the period said once, no unit phrase copied in from the caption, and in English an indicator's
// name mid-sentence without its capital. Every chart of sample editions of each kind, in every language.
import { describe, expect, it } from 'vitest';
import { LOCALES, buildReportModel } from '../../src/narrate/index.ts';
import { loadAndAudit, projectPaths } from '../../src/pipeline.ts';

const root = new URL('../../', import.meta.url).pathname;
const { dataset } = await loadAndAudit(projectPaths(root));
const EDITIONS = [
  { template: 'iom-quarterly', period: '2023-Q4' },
  { template: 'iom-quarterly', period: '2024-Q2' },
  { template: 'bns-release', period: '2024-Q1' },
  { template: 'press-brief', period: '2025' },
];

describe('chart alt texts', () => {
  it.each(Object.keys(LOCALES))('%s: the description says its period once, without the caption’s unit', (lang) => {
    let charts = 0;
    for (const e of EDITIONS) {
      const model = buildReportModel(dataset, { template: e.template as 'iom-quarterly', period: e.period, lang });
      for (const c of model.charts) {
        charts++;
        const head = c.altFinding ? c.alt.slice(0, c.alt.length - c.altFinding.length) : c.alt;
        // The description's last comma-separated part is its period; it does not come twice.
        const parts = head.replace(/[.\s]+$/, '').split(', ');
        const period = parts.at(-1)!;
        expect(parts.slice(0, -1), `${e.template} ${e.period} ${c.id}: ${head}`).not.toContain(period);
        expect(head, `${e.template} ${e.period} ${c.id}`).not.toMatch(/per cent,|в процентах,|пайыз,/);
        if (lang === 'en') expect(head, `${e.template} ${e.period} ${c.id}`).not.toMatch(/ of \p{Lu}\p{Ll}/u);
      }
    }
    expect(charts).toBeGreaterThan(15);
  });
});
