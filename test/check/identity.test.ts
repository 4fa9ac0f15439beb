// The identity index: duplicates by span, series ids, and lookups, over the hash table of row numbers.
import { describe, expect, it } from 'vitest';
import { ObservationIndex } from '../../src/check/identity.ts';
import type { Observation } from '../../src/model.ts';
import { period } from '../../src/period.ts';

const row = (indicator: string, p: string, country: string, line: number, breakdown = ''): Observation => ({
  indicator,
  period: period(p),
  country,
  region: '',
  breakdown,
  value: 1,
  raw: '1',
  unit: 'persons',
  status: 'A',
  source: 's',
  at: { file: 't.csv', line },
});

describe('ObservationIndex', () => {
  const rows = [
    row('a', '2023-Q1', 'RUS', 2),
    row('a', '2023-01/2023-03', 'RUS', 3), // the same span: a duplicate of line 2
    row('a', '2023-01', 'RUS', 4),
    row('a', '2023-01-15', 'RUS', 5), // a date is not its month
    row('a', '2023-01-16', 'RUS', 6),
    row('a', '2023-01-15', 'RUS', 7), // duplicate of line 5
    row('a', '2023-Q1', 'UZB', 8),
    row('b', '2023-Q1', 'RUS', 9),
    row('a', '2023-Q1', 'RUS', 10, 'sex=F'),
    row('a', '2023-Q2', 'RUS', 11),
  ];
  const index = new ObservationIndex(rows);

  it('finds duplicates by span, dates by day', () => {
    expect([...index.duplicateOf]).toEqual([-1, 0, -1, -1, -1, 3, -1, -1, -1, -1]);
  });

  it('gives rows differing only in period one series', () => {
    const s = [...index.seriesOf];
    expect(new Set([s[0], s[1], s[2], s[3], s[4], s[5], s[9]]).size).toBe(1);
    expect(new Set([s[0], s[6], s[7], s[8]]).size).toBe(4);
  });

  it.each([
    ['a', '2023-01/2023-03', 'RUS', '', 2],
    ['a', '2023-Q1', 'RUS', 'sex=F', 10],
    ['a', '2023-01-16', 'RUS', '', 6],
    ['a', '2023-01', 'RUS', '', 4],
    ['b', '2023', 'RUS', '', undefined],
    ['c', '2023-Q1', 'RUS', '', undefined],
    ['a', '2023-Q3', 'RUS', '', undefined],
  ])('get(%s, %s, %s, %s) is the row at line %s', (indicator, p, country, breakdown, line) => {
    expect(index.get(indicator, period(p), country, '', breakdown)?.at.line).toBe(line);
  });

  it('holds many rows without losing one', () => {
    const many = Array.from({ length: 5000 }, (_, i) => row(`i${i % 7}`, `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, i % 2 ? 'RUS' : 'UZB', i + 2));
    const big = new ObservationIndex([...many, many[4321]]);
    expect([...big.duplicateOf].filter((d) => d >= 0)).toEqual([4321]);
    expect(many.every((o) => big.get(o.indicator, o.period, o.country, '', '') === o)).toBe(true);
  });
});
