import { describe, expect, it } from 'vitest';
import { createEnglish } from '../../src/narrate/locales/en.ts';
import { period } from '../../src/period.ts';
import { tinyDataset } from '../compare/sample.ts';

const L = createEnglish(tinyDataset([]).reference);

describe('English numbers', () => {
  it.each([
    [3405102, 'count', false, '3,405,102'],
    [677.3, 'money', false, '677.3 million USD'],
    [198, 'money', false, '198.0 million USD'],
    [42.7864575399008, 'percent', false, '42.8%'],
    [-19.31540342298289, 'percent', true, '−19.3%'],
    [48.4, 'percent', true, '+48.4%'],
    [0.04, 'percent', true, '0.0%'], // no sign on a displayed zero
    [10.4, 'points', false, '10.4 percentage points'],
    [1, 'points', false, '1.0 percentage points'],
    [2.2, 'ratio', false, '2.2'],
  ] as const)('%d as %s', (v, style, signed, want) => expect(L.number(v, style, signed)).toBe(want));

  it('reads numbers back with their signs', () => {
    expect(L.readNumbers('fell by 1,330 (−19.3%) and (+8.5%), 2023-Q4').map((n) => [n.digits, n.sign])).toEqual([
      ['1,330', 0],
      ['19.3', -1],
      ['8.5', 1],
      ['2023', 0],
      ['4', 0],
    ]);
  });
});

describe('English periods', () => {
  it.each([
    ['2023-Q4', 'in the fourth quarter of 2023', 'October–December 2023'],
    ['2023-Q1/2023-Q3', 'for the first three quarters of 2023', 'January–September 2023'],
    ['2024-01/2024-03', 'in January–March 2024', 'January–March 2024'],
    ['2023-09-01', 'as of 1 September 2023', '1 September 2023'],
    ['2023', 'in 2023', '2023'],
    ['2024-03', 'in March 2024', 'March 2024'],
    ['1991/2023', 'in 1991–2023', '1991–2023'],
  ])('%s', (code, phrase, label) => {
    expect(L.periodIn(period(code))).toBe(phrase);
    expect(L.periodLabel(period(code))).toBe(label);
  });

  it.each([
    ['2023-Q3', 'previous', 'the previous quarter (July–September 2023)'],
    ['2022-Q1/2022-Q3', 'year_ago', 'January–September 2022'],
    ['2022', 'previous', 'the previous year (2022)'],
  ] as const)('baseline %s', (code, rel, want) => expect(L.baseline(period(code), rel)).toBe(want));
});

describe('English names and lists', () => {
  it('adds the article and capitalises it at sentence start', () => {
    expect(L.partner('RUS')).toBe('the Russian Federation');
    expect(L.partner('RUS', true)).toBe('The Russian Federation');
    expect(L.partner('TUR')).toBe('Türkiye');
  });
  it.each([0, 1, 2, 3, 4, 7])('joins %d items as Intl.ListFormat en-GB does', (n) => {
    const items = Array.from({ length: n }, (_, i) => `item ${i + 1}, with a comma`);
    expect(L.list(items)).toBe(new Intl.ListFormat('en-GB', { type: 'conjunction', style: 'long' }).format(items));
  });

  it('joins lists without a serial comma', () => expect(L.list(['Uzbekistan (43%)', 'Kyrgyzstan (24%)', 'the Russian Federation (22%)'])).toBe('Uzbekistan (43%), Kyrgyzstan (24%) and the Russian Federation (22%)'));
});
