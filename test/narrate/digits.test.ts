// src/narrate/digits.ts must write exactly what Intl.NumberFormat('en-GB') writes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedDigits } from '../../src/narrate/digits.ts';

const intl = [0, 1, 2].map((d) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d }));
const ours = (v: number, d: number) => fixedDigits(v, d, ',', '.', (a) => intl[d].format(a));

describe('fixedDigits', () => {
  it('rounds the decimal the reader sees, half away from zero, where toFixed would round the binary value', () => {
    expect(ours(1.15, 1)).toBe('1.2'); // (1.15).toFixed(1) is "1.1"
    expect(ours(1.45, 1)).toBe('1.5');
    expect(ours(8.45, 1)).toBe('8.5');
    expect(ours(2.5, 0)).toBe('3');
    expect(ours(0.05, 1)).toBe('0.1');
    expect(ours(0.04999, 1)).toBe('0.0');
    expect(ours(999.95, 1)).toBe('1,000.0');
    expect(ours(999_999.5, 0)).toBe('1,000,000');
    expect(ours(1234.55, 1)).toBe('1,234.6');
    expect(ours(3405102, 0)).toBe('3,405,102');
    expect(ours(0, 1)).toBe('0.0');
    expect(ours(1e-7, 1)).toBe('0.0');
    expect(ours(-66.84, 1)).toBe('66.8'); // the magnitude; the locale writes the sign
  });

  it('leaves what it does not write to the fallback', () => {
    expect(ours(1e21, 0)).toBe('1,000,000,000,000,000,000,000');
    expect(ours(Infinity, 1)).toBe(intl[1].format(Infinity));
    expect(ours(NaN, 0)).toBe('NaN');
  });

  const decimals = fc.integer({ min: 0, max: 2 });
  const check = (v: number, d: number) => {
    expect(ours(v, d)).toBe(intl[d].format(Math.abs(v)));
  };

  it('equals Intl.NumberFormat on ties: whole numbers of twentieths, two-hundredths and thousandths', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), fc.constantFrom(20, 200, 2000), decimals, (n, div, d) => check(n / div, d)), { numRuns: 20_000 });
  });

  it('equals Intl.NumberFormat on any double of the sizes statistics have', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1e15, noNaN: true }), decimals, check), { numRuns: 20_000 });
    fc.assert(fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), decimals, check), { numRuns: 20_000 });
    fc.assert(fc.property(fc.double({ min: 1e-9, max: 1e-3, noNaN: true }), decimals, check), { numRuns: 5_000 });
  });

  it('equals Intl.NumberFormat on whole numbers up to 2^53', () => {
    fc.assert(fc.property(fc.maxSafeNat(), decimals, check), { numRuns: 10_000 });
  });
});
