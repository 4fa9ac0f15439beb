// Movers: "fell most" only when every listed member (and enough of them) can be compared with the baseline;
// otherwise the changes of the members with baseline figures are stated as such, and still verified.
import { describe, expect, it } from 'vitest';
import { narrate, localeFor } from '../../src/narrate/index.ts';
import { MOVERS_MIN_COMPARED, moversComplete } from '../../src/narrate/write.ts';
import type { ChangeItem } from '../../src/narrate/locale.ts';
import type { Dataset } from '../../src/model.ts';
import { sampleDataset } from '../compare/sample.ts';
import { verifyText } from './verify-text.ts';

const ds = await sampleDataset();
const L = localeFor(ds, 'en');

function report(dataset: Dataset) {
  const { model, computed } = narrate(dataset, { template: 'iom-quarterly', period: '2023-Q4', lang: 'en' });
  const sentences = [...model.findings, ...model.sections.flatMap((s) => s.paragraphs.flat())];
  return { computed, sentences, moversOf: (section: string) => model.sections.find((s) => s.id === section)!.paragraphs.flat().find((s) => s.claims.some((c) => c.what === 'most') || /with figures for/.test(s.text)) };
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

  it('a complete set (all six remittance partners compared) says "fell most" — among the countries listed, as 111.6 million USD are not broken down', () => {
    const f = sample.computed.facts.get('remittances_out.total.movers_down', 'movers')!;
    expect([f.compared, f.listed]).toEqual([6, 6]);
    expect(sample.moversOf('remittances_out')!.text).toBe(
      'Among the countries listed, compared with January–September 2022, remittances sent from Kazakhstan fell most to Kyrgyzstan (−66.8%), the Russian Federation (−19.3%) and China (−17.6%), while they rose most to Georgia (+8.5%).',
    );
    expect(sample.moversOf('remittances_out')!.claims.filter((c) => c.what === 'most').map((c) => c.what === 'most' && c.scope)).toEqual(['listed', 'listed']);
  });

  it('an incomplete set (two of four CIS origins have previous-quarter figures) states their changes without "most"', () => {
    const f = sample.computed.facts.get('flows.arrivals.cis.movers_down', 'movers')!;
    expect([f.compared, f.listed]).toEqual([2, 4]);
    const s = sample.moversOf('flows')!;
    expect(s.text).toBe('Of the CIS countries with figures for the previous quarter (July–September 2023), arrivals from the Russian Federation fell by 40.4% (derived) and from Uzbekistan by 23.9% (derived).');
    expect(sample.sentences.map((x) => x.text).join('\n')).not.toMatch(/arrivals fell most/);
  });
});

/** A change item for a hand-written movers sentence (its claim is not read here). */
function item(code: string, a: Pick<ChangeItem, 'direction' | 'measure' | 'magnitude' | 'times'>): ChangeItem {
  const series = { indicator: 'remittances_in', partner: code, region: '', breakdown: '' };
  return { subject: L.t.noun('remittances_in', code), series, ...a, claim: { what: 'change', series, period: '2023', baseline: '2022', marks: [], measure: a.measure, sign: a.direction } };
}

describe('the same list made incomplete', () => {
  // Georgia's 2022 remittances removed: five of the six partners can still be compared.
  const partialDs = { ...ds, observations: ds.observations.filter((o) => !(o.indicator === 'remittances_out' && o.country === 'GEO' && o.period.code === '2022-Q1/2022-Q3')) };
  const partial = report(partialDs);
  const s = partial.moversOf('remittances_out')!;

  it('states every compared change, one verb per direction (no flags to lean on)', () => {
    expect(s.text).toBe(
      // Every member compared is stated (N3), largest fall first.
      'Of the countries with figures for January–September 2022, remittances sent to Kyrgyzstan fell by 66.8%, to the Russian Federation by 19.3%, to China by 17.6%, to Türkiye by 17.4% and to Uzbekistan by 15.8%.',
    );
    expect(verifyText(partialDs, L, s.text, s.claims, '2023-Q1/2023-Q3')).toEqual([]);
  });

  it.each([
    ['a verb reversed', (t: string) => t.replace('fell by', 'rose by'), /states up\/positive, the claim down\/negative/],
    ['two elided figures swapped', (t: string) => t.replace('19.3%', '#').replace('17.6%', '19.3%').replace('#', '17.6%'), /next to/],
    ['an elided figure changed', (t: string) => t.replace('17.6%', '17.7%'), /17\.6/],
  ])('the verifier fails on %s', (_what, corrupt, reason) => {
    const bad = corrupt(s.text);
    expect(bad).not.toBe(s.text);
    expect(verifyText(partialDs, L, bad, s.claims, '2023-Q1/2023-Q3').join('\n')).toMatch(reason);
  });

  it('a rise of 100% or more stands alone as "n times as much"', () => {
    const text = L.t.movers({
      indicator: 'remittances_in',
      whole: '_T',
      baseline: 'January–September 2022',
      partial: true,
      down: [],
      up: [
        { code: 'ARE', change: '2.5', item: item('ARE', { direction: 1, measure: 'times', magnitude: '2.5', times: true }) },
        { code: 'TUR', change: '+18.1%', item: item('TUR', { direction: 1, measure: 'pct', magnitude: '18.1%' }) },
      ],
    });
    expect(text).toBe('Of the countries with figures for January–September 2022, remittances received from the United Arab Emirates were 2.5 times as much and remittances received from Türkiye rose by 18.1%.');
  });
});
