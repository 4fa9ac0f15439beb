import { describe, expect, it } from 'vitest';
import { parsePeriod, previousPeriod, sameLastYear, within } from '../src/period.ts';

describe('parsePeriod', () => {
  it.each([
    ['2023', 'year', '2023-01/2023-12'],
    ['2023-Q4', 'quarter', '2023-10/2023-12'],
    ['2024-03', 'month', '2024-03/2024-03'],
    ['2023-Q1/2023-Q3', 'range', '2023-01/2023-09'],
    ['2024-01/2024-03', 'range', '2024-01/2024-03'],
    ['1991/2023', 'range', '1991-01/2023-12'],
    ['2023-09-01', 'date', '@2023-09-01'],
  ])('%s is a %s covering %s', (code, kind, key) => {
    const p = parsePeriod(code)!;
    expect(p.kind).toBe(kind);
    expect(p.key).toBe(key);
  });

  it.each(['', '23', '2023-Q5', '2023-13', '2023-02-30', '2023-Q3/2023-Q1', '2023/', 'Q4 2023', '2023-Q4 '.repeat(2)])(
    'rejects %j',
    (code) => expect(parsePeriod(code)).toBeUndefined(),
  );

  it('treats a quarter and the same month range as one span', () => {
    expect(parsePeriod('2023-Q1')!.key).toBe(parsePeriod('2023-01/2023-03')!.key);
  });
});

describe('shifts', () => {
  it.each([
    ['2023-Q4', '2023-Q3'],
    ['2023-Q1', '2022-Q4'],
    ['2024-01', '2023-12'],
    ['2023', '2022'],
  ])('previous of %s is %s', (code, prev) => expect(previousPeriod(parsePeriod(code)!)!.code).toBe(prev));

  it.each([
    ['2024-01/2024-03', '2023-01/2023-03'],
    ['2023-Q1/2023-Q3', '2022-01/2022-09'],
    ['2023-Q4', '2022-Q4'],
    ['2024-02-29', '2023-02-28'],
  ])('same period a year before %s is %s', (code, before) => {
    expect(sameLastYear(parsePeriod(code)!).key).toBe(parsePeriod(before)!.key);
  });

  it('a date lies within its quarter', () => {
    expect(within(parsePeriod('2023-09-01')!, parsePeriod('2023-Q3')!)).toBe(true);
    expect(within(parsePeriod('2023-10-01')!, parsePeriod('2023-Q3')!)).toBe(false);
  });
});
