// Every section's text opens with a sentence that says its period (docs/writing.md, rule 7): a sentence may be quoted
// alone, and the first one carries the period for the sentences after it. The press brief's destinations section once
// opened with its list of countries and no period at all ("The Russian Federation accounted for 80.0% of all
// departures …"), in eleven editions, for figures of January–June 2022 in briefs of 2023 to 2025.
import { describe, expect, it } from 'vitest';
import { narrate } from '../../src/narrate/index.ts';
import { sampleDataset } from '../compare/sample.ts';
import { sampleEditions } from './sample-editions.ts';

describe("a section's opening sentence, on every edition of the sample", () => {
  it('names a year (the period of its figures), unless it says that no data were available', async () => {
    let checked = 0;
    for (const { kind, period, model } of await sampleEditions()) {
      for (const section of model.sections) {
        const first = section.paragraphs[0]?.[0];
        if (!first || first.claims.every((c) => c.what === 'no_data')) continue;
        checked++;
        expect(first.text, `${kind} ${period} ${section.id}`).toMatch(/\b(19|20)\d\d\b/);
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it.each([
    ['en', 'In January–June 2022, the Russian Federation accounted for 80.0% of all departures for permanent residence abroad (9,875), '],
    ['ru', 'В январе–июне 2022 года на Российскую Федерацию пришлось 80,0% всех выбывших на постоянное жительство за рубеж (9\u00a0875), '],
    ['kk', '2022 жылғы қаңтар–маусымда шетелге тұрақты тұруға кеткендер арасында Ресей Федерациясының үлесі 80,0% (9\u00a0875), '],
  ])('press brief January–June 2024, destinations, in %s', async (lang, opening) => {
    const ds = await sampleDataset();
    const { model } = narrate(ds, { template: 'press-brief', period: '2024-01/2024-06', lang });
    expect(model.sections.find((s) => s.id === 'destinations')!.paragraphs[0][0].text.startsWith(opening)).toBe(true);
  });
});
