import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { changeFromValues, shareFact } from '../../src/compare/kinds.ts';
import { FactSet } from '../../src/compare/facts.ts';
import { createEnglish } from '../../src/narrate/locales/en.ts';
import { Writer, sentence } from '../../src/narrate/write.ts';
import { period } from '../../src/period.ts';
import { tinyDataset } from '../compare/sample.ts';
import { verifyText } from './verify-text.ts';

const ds = tinyDataset(['border_arrivals,2023-Q4,_T,,,1', 'remittances_out,2023,_T,,,1']);
const L = createEnglish(ds.reference);
const at = { file: 'x.csv', line: 2 };
const input = (v: number) => ({ value: v, inputs: [{ indicator: 'border_arrivals', period: '2023-Q4', country: '_T', region: '', breakdown: '', value: v, status: 'A' as const, source: 's', at }], summed: false });

const counts = fc.integer({ min: 0, max: 5_000_000 });

function changeSentence(from: number, to: number, unit: 'persons' | 'usd_million' = 'persons') {
  const facts = new FactSet();
  const s = { indicator: unit === 'persons' ? 'border_arrivals' : 'remittances_out', partner: '_T', region: '', breakdown: '' };
  const c = facts.add(changeFromValues('flows', 'c', s, period('2023-Q4'), period('2023-Q3'), 'previous', input(from), input(to), unit));
  const w = new Writer(L, facts);
  const item = w.changeItem(L.t.noun(s.indicator), c);
  const text = L.t.changes({ baseline: L.baseline(period('2023-Q3'), 'previous'), items: [item] });
  return { facts, c, item, text, sentence: sentence(text, [c], [item.claim]) };
}

/** The two figures as rows of a data folder, for the verifier. */
function rowsOf(from: number, to: number, unit: 'persons' | 'usd_million' = 'persons') {
  const indicator = unit === 'persons' ? 'border_arrivals' : 'remittances_out';
  return tinyDataset([`${indicator},2023-Q3,_T,,,${from}`, `${indicator},2023-Q4,_T,,,${to}`]);
}

describe('properties of change sentences', () => {
  it('the direction word always matches the sign; never "by -"; the verifier proves every sentence', () => {
    fc.assert(
      fc.property(counts, counts, (from, to) => {
        const { c, text, sentence: s } = changeSentence(from, to);
        expect(text).not.toMatch(/by\s*[-−+]/);
        if (/\brose\b|times as many/.test(text)) expect(c.abs).toBeGreaterThan(0);
        if (/\bfell\b/.test(text)) expect(c.abs).toBeLessThan(0);
        expect(verifyText(rowsOf(from, to), L, text, s.claims, '2023-Q4')).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('the verifier rejects the same sentence with its direction reversed', () => {
    fc.assert(
      fc.property(counts, counts, (from, to) => {
        const { text, sentence: s } = changeSentence(from, to);
        fc.pre(/\b(rose|fell)\b/.test(text));
        const reversed = text.replace(/\b(rose|fell)\b/, (w) => (w === 'rose' ? 'fell' : 'rose'));
        expect(verifyText(rowsOf(from, to), L, reversed, s.claims, '2023-Q4')).not.toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('"unchanged" exactly when the displayed change is zero; "virtually unchanged" when only the count moves', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: -3, max: 3 }), (from, delta) => {
        const to = Math.max(0, from + delta);
        const { text } = changeSentence(from, to);
        const pctZero = L.rounded((100 * (to - from)) / from, 'percent') === 0;
        expect(/were unchanged/.test(text)).toBe(to === from);
        expect(/virtually unchanged/.test(text)).toBe(to !== from && pctZero);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: -2, max: 2 }), (tenths, delta) => {
        // Money with one decimal: a change below 0.05 million USD displays as zero.
        const from = tenths / 10;
        const to = Math.max(0, from + delta * 0.01);
        const { text } = changeSentence(from, to, 'usd_million');
        const displayedZero = L.rounded(to - from, 'money') === 0 && L.rounded(((to - from) / from) * 100, 'percent') === 0;
        expect(/were unchanged/.test(text)).toBe(displayedZero);
      }),
    );
  });

  it('rises of 100% or more (as displayed) are "n times as many … as in"; falls never say "times"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 1_000_000 }), (from, to) => {
        const { text } = changeSentence(from, to);
        expect(/times as many\b.*\bas in/.test(text)).toBe(L.rounded((100 * (to - from)) / from, 'percent') >= 100);
      }),
    );
  });

  it('a rise from zero is "from zero to n", never a percentage', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (to) => {
        const { text, sentence: s } = changeSentence(0, to);
        expect(text).toMatch(/rose from zero to/);
        expect(text).not.toMatch(/%/);
        expect(verifyText(rowsOf(0, to), L, text, s.claims, '2023-Q4')).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});

describe('properties of shares', () => {
  it('displayed shares of one whole add up to 100 within rounding', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 12 }), (parts) => {
        const total = parts.reduce((a, b) => a + b, 0);
        const s = { indicator: 'border_arrivals', partner: 'X', region: '', breakdown: '' };
        const shown = parts.map((p, i) => L.rounded(shareFact('flows', `s${i}`, s, '_T', period('2023-Q4'), input(p), input(total))!.value, 'percent'));
        const sum = shown.reduce((a, b) => a + b, 0);
        expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.05 * parts.length + 1e-9);
      }),
    );
  });
});
