// Movers: "fell most" only when every listed member (and enough of them) can be compared with the baseline;
// otherwise the changes of the members with baseline figures are stated as such, and still self-checked.
import { describe, expect, it } from 'vitest';
import { narrate, checkSentence, localeFor } from '../../src/narrate/index.ts';
import { MOVERS_MIN_COMPARED, moversComplete } from '../../src/narrate/write.ts';
import type { Dataset } from '../../src/model.ts';
import { sampleDataset } from '../compare/sample.ts';
import { codeOf } from './code-of.ts';

const ds = await sampleDataset();
const L = localeFor(ds, 'en');

function report(dataset: Dataset) {
  const { model, computed } = narrate(dataset, { template: 'iom-quarterly', period: '2023-Q4', lang: 'en' });
  const sentences = [...model.findings, ...model.sections.flatMap((s) => s.paragraphs.flat())];
  return { computed, sentences, moversOf: (section: string) => model.sections.find((s) => s.id === section)!.paragraphs.flat().find((s) => s.factIds.some((id) => id.includes('.movers_'))) };
}


describe('when movers speak of all members', () => {
  it.each([
    [6, 6, true],
    [MOVERS_MIN_COMPARED, MOVERS_MIN_COMPARED, true],
    [5, 6, false], // one listed member has no baseline figure
    [2, 4, false],
    [4, 4, false], // every member compared, but too few for "most"
    [0, 0, false],
  ])('%d compared of %d listed: complete %s', (compared, listed, want) => expect(moversComplete({ compared, listed })).toBe(want));
});

describe('movers in the sample report', () => {
  const sample = report(ds);

  it('a complete set (all six remittance partners compared) says "fell most"', () => {
    const f = sample.computed.facts.get('remittances_out.total.movers_down', 'movers')!;
    expect([f.compared, f.listed]).toEqual([6, 6]);
    expect(sample.moversOf('remittances_out')!.text).toBe(
      'Compared with January–September 2022, remittances sent from Kazakhstan fell most to Kyrgyzstan (−66.8%), the Russian Federation (−19.3%) and China (−17.6%), while they rose most to Georgia (+8.5%).',
    );
  });

  it('an incomplete set (two of four CIS origins have previous-quarter figures) states their changes without "most"', () => {
    const f = sample.computed.facts.get('flows.arrivals.cis.movers_down', 'movers')!;
    expect([f.compared, f.listed]).toEqual([2, 4]);
    const s = sample.moversOf('flows')!;
    expect(s.text).toBe('Of the CIS countries with figures for the previous quarter (July–September 2023), arrivals from the Russian Federation fell by 40.4% (derived) and from Uzbekistan by 23.9% (derived).');
    expect(sample.sentences.map((x) => x.text).join('\n')).not.toMatch(/arrivals fell most/);
  });
});

describe('the same list made incomplete', () => {
  // Georgia's 2022 remittances removed: five of the six partners can still be compared.
  const partial = report({ ...ds, observations: ds.observations.filter((o) => !(o.indicator === 'remittances_out' && o.country === 'GEO' && o.period.code === '2022-Q1/2022-Q3')) });
  const s = partial.moversOf('remittances_out')!;

  it('states the compared changes, one verb per direction (no flags to lean on)', () => {
    expect(s.text).toBe(
      'Of the countries with figures for January–September 2022, remittances sent to Kyrgyzstan fell by 66.8%, to the Russian Federation by 19.3% and to China by 17.6%.',
    );
    expect(codeOf(() => checkSentence(s, partial.computed.facts, L, ds.reference))).toBeUndefined();
  });

  it.each([
    ['a verb reversed', (t: string) => t.replace('fell by', 'rose by'), 'narrate/direction-contradicts'],
    ['two elided figures swapped', (t: string) => t.replace('19.3%', '#').replace('17.6%', '19.3%').replace('#', '17.6%'), 'narrate/figure-wrong-subject'],
    ['an elided figure changed', (t: string) => t.replace('17.6%', '17.7%'), 'narrate/number-without-fact'],
  ])('the self-check still fails on %s', (_what, corrupt, code) => {
    const bad = { ...s, text: corrupt(s.text) };
    expect(bad.text).not.toBe(s.text);
    expect(codeOf(() => checkSentence(bad, partial.computed.facts, L, ds.reference))).toBe(code);
  });

  it('a rise of 100% or more stands alone as "n times as much"', () => {
    const text = L.t.movers({
      indicator: 'remittances_in',
      whole: '_T',
      baseline: 'January–September 2022',
      partial: true,
      down: [],
      up: [
        { code: 'ARE', change: '+150.0%', item: { subject: 'remittances received from the United Arab Emirates', direction: 1, magnitude: '2.5', times: true } },
        { code: 'TUR', change: '+18.1%', item: { subject: 'remittances received from Türkiye', direction: 1, magnitude: '18.1%' } },
      ],
    });
    expect(text).toBe('Of the countries with figures for January–September 2022, remittances received from the United Arab Emirates were 2.5 times as much and remittances received from Türkiye rose by 18.1%.');
  });
});
