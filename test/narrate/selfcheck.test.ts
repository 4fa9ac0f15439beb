import { describe, expect, it } from 'vitest';
import { narrate, checkSentence, localeFor } from '../../src/narrate/index.ts';
import { UserError } from '../../src/errors.ts';
import { sampleDataset } from '../compare/sample.ts';

const ds = await sampleDataset();
const { model, computed } = narrate(ds, { template: 'iom-quarterly', period: '2023-Q4', lang: 'en' });
const L = localeFor(ds, 'en');
const all = [...model.findings, ...model.sections.flatMap((s) => s.paragraphs.flat())];
const find = (needle: string) => all.find((s) => s.text.includes(needle))!;

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as UserError).code;
  }
}

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
