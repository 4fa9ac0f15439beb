// The preview explains every figure of the text: hovering or focusing it shows its claim, the rows the verifier
// re-derived it from (file:line, source) — and a claim the verifier rejected is marked in place. The published
// HTML has none of it.
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model.ts';
import { explainFigures, localeFor, narrate } from '../../src/narrate/index.ts';
import { loadAndAudit, projectPaths, renderReport } from '../../src/pipeline.ts';

const paths = projectPaths(process.cwd());
let ds: Dataset;
beforeAll(async () => {
  ({ dataset: ds } = await loadAndAudit(paths));
});

describe('provenance in the preview', () => {
  it('each figure of a sentence is a focusable span explaining its claim and its rows', async () => {
    const { html } = await renderReport(ds, [], { template: 'iom-quarterly', period: '2023-Q4', lang: 'en', preview: true }, paths);
    const dom = parse(html);
    const spans = dom.querySelectorAll('span.claim');
    expect(spans.length).toBeGreaterThan(100);
    const total = spans.find((s) => s.text === '3,405,102')!;
    expect(total.getAttribute('tabindex')).toBe('0');
    expect(total.getAttribute('title')).toMatch(
      /^States: level 3,405,102 border_arrivals\[_T\] 2023-Q4\. Formula: border_arrivals\[_T\], 2023-Q4\. Recomputed: 3,405,102, as shown\. Re-derived from: data\/observations\/border-2023-q4\.csv:\d+ \(/,
    );
    const fall = spans.find((s) => s.text === '24.0')!;
    expect(fall.getAttribute('title')).toMatch(/change pct −24\.0 border_arrivals\[_T\] 2023-Q4 vs 2023-Q3\. Formula: 100 × \(border_arrivals\[_T\], 2023-Q4 \/ border_arrivals\[_T\], 2023-Q3 − 1\).*csv:\d+.*csv:\d+/);
    expect(dom.querySelectorAll('span.claim-rejected')).toHaveLength(0);
  });

  it('the published HTML has no provenance', async () => {
    const { html } = await renderReport(ds, [], { template: 'iom-quarterly', period: '2023-Q4', lang: 'en' }, paths);
    expect(parse(html).querySelectorAll('span.claim')).toHaveLength(0);
  });

  it('a claim the verifier rejected is marked in place with its reason', () => {
    const { model, verified } = narrate(ds, { template: 'iom-quarterly', period: '2023-Q4', lang: 'en' });
    const s = model.sections[0].paragraphs[0][0];
    const claim = s.claims[0];
    explainFigures(ds, localeFor(ds, 'en'), model, { ...verified, failures: [{ where: 'test', text: s.text, claim, reason: 'the value is 3,405,103, not 3,405,102' }] });
    const marked = s.provenance!.find((f) => f.rejected)!;
    expect(s.text.slice(marked.start, marked.end)).toBe('3,405,102');
    expect(marked.explanation).toBe('Rejected: the value is 3,405,103, not 3,405,102');
  });

  it('words that state what no claim does mark the whole sentence', () => {
    const { model, verified } = narrate(ds, { template: 'iom-quarterly', period: '2023-Q4', lang: 'en' });
    const s = model.sections[0].paragraphs[0][0];
    explainFigures(ds, localeFor(ds, 'en'), model, { ...verified, failures: [{ where: 'test', text: s.text, reason: 'the figure 12 is stated by no claim' }] });
    expect(s.provenance).toEqual([{ start: 0, end: s.text.length, explanation: 'Rejected: the figure 12 is stated by no claim', rejected: true }]);
  });
});
