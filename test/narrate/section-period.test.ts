// A section's heading names the period of its figures (docs/writing.md, P2). Where the blocks of one section speak of
// different periods — the bureau's internal migration: a published ratio of January–March 2024 beside the regions' net
// migration of a later year — the heading names each of them, in the order the text states them. It once named the
// lead indicator's period alone ("Internal migration (January–March 2024)" above the regions' figures of 2025).
// Checked on every edition of the sample against the claims of the section's sentences.
import { describe, expect, it } from 'vitest';
import { narrate } from '../../src/narrate/index.ts';
import { parsePeriod } from '../../src/period.ts';
import { headingFailures } from '../fuzz/run.ts';
import { sampleDataset } from '../compare/sample.ts';
import { sampleEditions } from './sample-editions.ts';

describe("a section's heading period, on every edition of the sample", () => {
  it('names every period the section states current figures for, and no period it shows no figure of', async () => {
    let several = 0;
    let checked = 0;
    for (const { kind, period, model, computed } of await sampleEditions()) {
      expect(headingFailures(model, computed.sections), `${kind} ${period}`).toEqual([]);
      for (const scope of computed.sections) if ((scope.periods ?? []).length > 1) several++;
      checked += model.sections.length;
    }
    expect(checked).toBeGreaterThan(100);
    // The case the rule is for occurs in the sample.
    expect(several).toBeGreaterThan(5);
  });

  it('the check fails on the heading of the lead indicator alone, as it was', async () => {
    const ds = await sampleDataset();
    const { model, computed } = narrate(ds, { template: 'bns-release', period: '2025-Q4', lang: 'en' });
    const leadOnly = computed.sections.map((s) => ({ ...s, periods: s.period ? [s.period] : undefined }));
    expect(headingFailures(model, leadOnly)).toEqual(['internal (heading: January–March 2024 and 2025): does not name 2025-01/2025-12, of which a sentence states figures']);
    const extra = computed.sections.map((s) => (s.id === 'key_points' ? { ...s, periods: [...s.periods!, parsePeriod('1999')!] } : s));
    expect(headingFailures(model, extra)).toEqual(['key_points (heading: 2025): names 1999-01/1999-12, of which no sentence, table or chart states a figure']);
  });

  it.each([
    ['en', 'January–March 2024 and 2025'],
    ['ru', 'I квартал 2024 и 2025'],
    ['kk', '2024 жылғы I тоқсан және 2025'],
  ])('bns-release 2025, internal migration, in %s: "%s"', async (lang, label) => {
    const ds = await sampleDataset();
    const { model } = narrate(ds, { template: 'bns-release', period: '2025-Q4', lang });
    expect(model.sections.find((s) => s.id === 'internal')!.dataPeriodLabel).toBe(label);
  });
});
