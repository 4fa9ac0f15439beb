// A section's heading names the period of its figures (docs/writing.md, P2). Where the blocks of one section speak of
// different periods — the bureau's internal migration: a published ratio of January–March 2024 beside the regions' net
// migration of a later year — the heading names each of them, in the order the text states them. It once named the
// lead indicator's period alone ("Internal migration (January–March 2024)" above the regions' figures of 2025).
// Checked on every edition of the sample against the claims of the section's sentences.
import { describe, expect, it } from 'vitest';
import { kindPeriods } from '../../src/compare/index.ts';
import { kindNames, loadKind } from '../../src/kinds/load.ts';
import { narrate } from '../../src/narrate/index.ts';
import { parsePeriod } from '../../src/period.ts';
import { sampleDataset } from '../compare/sample.ts';

const key = (code: string) => parsePeriod(code)!.key;

describe("a section's heading period, on every edition of the sample", () => {
  it('names every period the section states current figures for, and no period it does not state', async () => {
    const ds = await sampleDataset();
    let several = 0;
    let checked = 0;
    for (const kind of kindNames()) {
      for (const period of kindPeriods(ds, loadKind(kind, { reference: ds.reference }).spec)) {
        const { model, computed } = narrate(ds, { template: kind, period: period.code, lang: 'en' });
        for (const section of model.sections) {
          const named = (computed.sections.find((s) => s.id === section.id)!.periods ?? []).map((p) => p.key);
          // Figures stated, not the absence of figures; a period only compared against is a baseline, not current.
          const claims = section.paragraphs.flat().flatMap((s) => s.claims).filter((c) => c.what !== 'no_data');
          if (!claims.length) continue;
          checked++;
          const baselines = new Set(claims.flatMap((c) => ('baseline' in c ? [key(c.baseline)] : [])));
          const stated = new Set(claims.map((c) => key(c.period)));
          const current = [...stated].filter((k) => !baselines.has(k));
          const where = `${kind} ${period.code} ${section.id} (heading: ${section.dataPeriodLabel})`;
          expect(named.filter((k) => !stated.has(k)), `${where}: named but not stated`).toEqual([]);
          expect(current.filter((k) => !named.includes(k)), `${where}: stated but not named`).toEqual([]);
          if (named.length > 1) several++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    // The case the rule is for occurs in the sample.
    expect(several).toBeGreaterThan(5);
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
