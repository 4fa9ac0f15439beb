import { describe, expect, it } from 'vitest';
import { narrate, checkSentence, localeFor } from '../../src/narrate/index.ts';
import { sampleDataset } from '../compare/sample.ts';
import { codeOf } from './code-of.ts';

const ds = await sampleDataset();
const { model, computed } = narrate(ds, { template: 'iom-quarterly', period: '2023-Q4', lang: 'en' });
const L = localeFor(ds, 'en');
const all = [...model.findings, ...model.sections.flatMap((s) => s.paragraphs.flat())];
const find = (needle: string) => all.find((s) => s.text.includes(needle))!;


describe('self-check', () => {
  it('passes every sentence the engine writes', () => {
    expect(all.length).toBeGreaterThan(20);
    for (const s of all) expect(codeOf(() => checkSentence(s, computed.facts, L, ds.reference))).toBeUndefined();
  });

  it.each([
    ['a figure changed', 'arrivals fell by 24.0%', (t: string) => t.replace('24.0%', '24.1%'), 'narrate/number-without-fact'],
    ['a direction reversed', 'arrivals fell by 24.0%', (t: string) => t.replace('arrivals fell by 24.0%', 'arrivals rose by 24.0%'), 'narrate/direction-contradicts'],
    ['the reference report’s wrong cell', 'fell most to Kyrgyzstan', (t: string) => t.replace('−66.8%', '−22.2%'), 'narrate/number-without-fact'],
    ['a sign flipped in a parenthesis', 'fell most to Kyrgyzstan', (t: string) => t.replace('−66.8%', '+66.8%'), 'narrate/direction-contradicts'],
    ['a signed magnitude after a verb', 'arrivals fell by 24.0%', (t: string) => t.replace('fell by 24.0%', 'fell by −24.0%'), 'narrate/signed-magnitude'],
    ['a balance with the wrong sign word', 'positive for CIS countries', (t: string) => t.replace('positive for CIS', 'negative for CIS'), 'narrate/direction-contradicts'],
    ['two countries’ shares swapped', 'Uzbekistan accounted for 42.8%', (t: string) => t.replace('42.8%', '#').replace('23.7%', '42.8%').replace('#', '23.7%'), 'narrate/figure-wrong-subject'],
    ['two countries’ counts swapped', 'Uzbekistan accounted for 42.8%', (t: string) => t.replace('1,334,101', '#').replace('737,942', '1,334,101').replace('#', '737,942'), 'narrate/figure-wrong-subject'],
    ['two movers’ changes swapped', 'fell most to Kyrgyzstan', (t: string) => t.replace('−66.8%', '#').replace('−19.3%', '−66.8%').replace('#', '−19.3%'), 'narrate/figure-wrong-subject'],
    ['the groups’ figures swapped', 'Of all arrivals, 3,118,045', (t: string) => t.replace('3,118,045 (91.6%)', '#').replace('287,057 (8.4%)', '3,118,045 (91.6%)').replace('#', '287,057 (8.4%)'), 'narrate/figure-wrong-subject'],
    ['“unchanged” for a change that is not zero', 'arrivals fell by 24.0%', (t: string) => t.replace('arrivals fell by 24.0% (derived)', 'arrivals were unchanged'), 'narrate/direction-contradicts'],
  ])('fails on %s, naming the sentence', (_name, needle, corrupt, code) => {
    const s = find(needle);
    expect(s, needle).toBeDefined();
    const bad = { ...s, text: corrupt(s.text) };
    expect(bad.text).not.toBe(s.text);
    expect(codeOf(() => checkSentence(bad, computed.facts, L, ds.reference))).toBe(code);
    try {
      checkSentence(bad, computed.facts, L, ds.reference);
    } catch (e) {
      expect((e as Error).message).toContain(bad.text);
    }
  });
});

describe('self-check and names', () => {
  it('reads no figure inside a partner name: a country name with digits builds', () => {
    const countries = new Map(ds.reference.countries);
    const uzb = countries.get('UZB')!;
    countries.set('UZB', { ...uzb, names: { ...uzb.names, en: 'Uzbekistan 2024' } });
    const tampered = { ...ds, reference: { ...ds.reference, countries } };
    const { model: m } = narrate(tampered, { template: 'iom-quarterly', period: '2023-Q4', lang: 'en' });
    const texts = m.sections.flatMap((s) => s.paragraphs.flat()).map((s) => s.text);
    expect(texts.some((t) => t.includes('Uzbekistan 2024 accounted for 42.8%'))).toBe(true);
  });

  it('a region name with digits builds too (BNS regions)', () => {
    const regions = new Map(ds.reference.regions);
    const [code, r] = [...regions.entries()].find(([c]) => c === 'KZ-71')!;
    regions.set(code, { ...r, names: { ...r.names, en: 'District 7' } });
    const tampered = { ...ds, reference: { ...ds.reference, regions } };
    const { model: m } = narrate(tampered, { template: 'bns-release', period: '2024-Q1', lang: 'en' });
    expect(m.sections.flatMap((s) => s.paragraphs.flat()).some((s) => s.text.includes('District 7 (15,390)'))).toBe(true);
  });
});
