import { describe, expect, it } from 'vitest';
import { crossovers, directionStreak, percentChange, rankAll, recordOf, shareOf, signStreak } from '../../src/compare/index.ts';
import { changeFact, levelFact, balanceFact, signChangeFact } from '../../src/compare/kinds.ts';
import { computeFacts } from '../../src/compare/index.ts';
import { latestPeriod, subject, valueOf } from '../../src/compare/values.ts';
import { period } from '../../src/period.ts';
import { tinyDataset } from './sample.ts';

describe('percentChange', () => {
  it.each([
    [100, 110, 10],
    [7680, 7471, -2.7213541666666665],
    [2664, 3785, 42.07957957957958],
    [50, 50, 0],
    [0, 10, null], // zero base: no percentage exists
    [0, 0, null],
    [-100, -50, 50], // a negative base rises when it nears zero
  ])('%d → %d is %s', (from, to, pct) => {
    const got = percentChange(from, to);
    if (pct === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(pct, 10);
  });
});

describe('shareOf', () => {
  it.each([
    [1334101, 3118045, 42.7864575399008],
    [0, 10, 0],
    [5, 0, null],
  ])('%d of %d', (part, whole, share) => {
    const got = shareOf(part, whole);
    if (share === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(share, 10);
  });
});

describe('rankAll', () => {
  it('gives equal values the same rank and skips the next (1, 2, 2, 4)', () => {
    const r = rankAll([
      { key: 'A', value: 10 },
      { key: 'B', value: 7 },
      { key: 'C', value: 7 },
      { key: 'D', value: 3 },
    ]);
    expect([...r].map(([k, v]) => `${k}${v.rank}${v.tied ? 't' : ''}`)).toEqual(['A1', 'B2t', 'C2t', 'D4']);
  });
});

describe('crossovers', () => {
  it.each([
    ['a overtakes b', { a: 1, b: 2 }, { a: 3, b: 2 }, [['a', 'b']]],
    ['equal before is not a crossover', { a: 2, b: 2 }, { a: 3, b: 2 }, []],
    ['equal now is not a crossover', { a: 1, b: 2 }, { a: 2, b: 2 }, []],
    ['no change of order', { a: 1, b: 2 }, { a: 1.5, b: 2 }, []],
  ])('%s', (_name, before, now, want) => {
    expect(crossovers(new Map(Object.entries(before)), new Map(Object.entries(now)))).toEqual(want);
  });
});

describe('records and streaks', () => {
  it.each([
    [[1, 2, 3], 'high'],
    [[3, 2, 1], 'low'],
    [[1, 3, 3], undefined], // equal to an earlier value: not a record
    [[1, 2], undefined], // too short a series
  ])('recordOf %j', (series, want) => expect(recordOf(series)).toBe(want));

  it.each([
    [[-1, 2, 3], { sign: 1, length: 2 }],
    [[5, -1, -2, -3], { sign: -1, length: 3 }],
    [[1, 0], undefined],
  ])('signStreak %j', (series, want) => expect(signStreak(series)).toEqual(want));

  it('directionStreak counts consecutive moves', () => {
    expect(directionStreak([5, 4, 3, 2])).toEqual({ sign: -1, length: 3 });
    expect(directionStreak([1, 2, 2])).toBeUndefined(); // no move at the end
  });
});

describe('facts from a dataset', () => {
  const ds = tinyDataset([
    'border_arrivals,2023-Q4,_T,,,1000',
    'border_arrivals,2023-Q4,CIS,,,900',
    'border_arrivals,2023-Q4,NONCIS,,,100',
    'border_arrivals,2023-Q4,UZB,,,500',
    'border_arrivals,2023-Q4,RUS,,,400',
    'border_arrivals,2023-Q3,UZB,,,400,I',
    'border_arrivals,2023-Q3,RUS,,,',
    'border_arrivals,2023-Q2,UZB,,,0',
    'prp_issued,2023,CIS,,,100',
    'prp_terminated,2023,CIS,,,150',
    'prp_issued,2022,CIS,,,100',
    'prp_terminated,2022,CIS,,,50',
  ]);

  it('a missing baseline gives an "unavailable" marker, never a 0 or −100%', () => {
    const f = changeFact(ds, 's', 'x', subject('border_arrivals', 'RUS'), period('2023-Q4'), period('2023-Q3'), 'previous');
    expect(f?.kind).toBe('unavailable');
  });

  it('a missing current value gives no fact at all', () => {
    expect(changeFact(ds, 's', 'x', subject('border_arrivals', 'KGZ'), period('2023-Q4'), period('2023-Q3'), 'previous')).toBeUndefined();
  });

  it('a change carries the flags of its inputs and both rows as provenance', () => {
    const f = changeFact(ds, 's', 'x', subject('border_arrivals', 'UZB'), period('2023-Q4'), period('2023-Q3'), 'previous');
    expect(f?.kind).toBe('change');
    if (f?.kind !== 'change') return;
    expect([f.abs, f.pct, f.flags]).toEqual([100, 25, ['I']]);
    expect(f.inputs.map((i) => i.at.line)).toEqual([5, 7]);
  });

  it('a zero base gives an absolute change with no percentage', () => {
    const f = changeFact(ds, 's', 'x', subject('border_arrivals', 'UZB'), period('2023-Q3'), period('2023-Q2'), 'previous');
    expect(f?.kind === 'change' && [f.abs, f.pct]).toEqual([400, null]);
  });

  it('a partial list of countries is not summed into a group that is published elsewhere', () => {
    expect(valueOf(ds, subject('border_arrivals', 'CIS'), period('2023-Q3'))).toBeUndefined();
    expect(valueOf(ds, subject('border_arrivals', 'CIS'), period('2023-Q4'))?.value).toBe(900);
  });

  it.each([
    ['every member present: the group is their sum', ['x,2023,UZB,,,1', 'x,2023,KGZ,,,2', 'x,2023,RUS,,,3', 'x,2023,TJK,,,4'], 10],
    ['one member missing: no value (a lower bound is not a total)', ['x,2023,UZB,,,1', 'x,2023,KGZ,,,2', 'x,2023,RUS,,,3'], undefined],
    ['a member published as missing: no value', ['x,2023,UZB,,,1', 'x,2023,KGZ,,,2', 'x,2023,RUS,,,3', 'x,2023,TJK,,,'], undefined],
    ['a published group wins over its members', ['x,2023,CIS,,,50', 'x,2023,UZB,,,1'], 50],
  ])('valueOf sums a group only when complete (derive.ts partnerTotal): %s', (_name, rows, expected) => {
    const v = valueOf(tinyDataset(rows as string[]), subject('x', 'CIS'), period('2023'));
    expect(v?.value).toBe(expected);
    if (v) expect(v.summed).toBe(expected === 10);
  });

  it('negative balances and a change of sign', () => {
    const v = (ind: string, p: string) => valueOf(ds, subject(ind, 'CIS'), period(p))!;
    const now = balanceFact('s', 'b', subject('prp_issued', 'CIS'), 'prp_terminated', period('2023'), v('prp_issued', '2023'), v('prp_terminated', '2023'));
    const before = balanceFact('s', 'b0', subject('prp_issued', 'CIS'), 'prp_terminated', period('2022'), v('prp_issued', '2022'), v('prp_terminated', '2022'));
    expect(now.value).toBe(-50);
    const flip = signChangeFact('s', 'f', before, now, 'previous');
    expect([flip?.from, flip?.to]).toEqual([50, -50]);
    expect(signChangeFact('s', 'f', now, now, 'previous')).toBeUndefined();
  });

  it('levelFact is undefined for a value published as missing', () => {
    expect(levelFact(ds, 's', 'x', subject('border_arrivals', 'RUS'), period('2023-Q3'))).toBeUndefined();
  });

  it('equal values tie in rank and ids are stable', () => {
    const tie = tinyDataset(['remittances_out,2023,_T,,,20', 'remittances_out,2023,UZB,,,10', 'remittances_out,2023,KGZ,,,10']);
    const { facts } = computeFacts(tie, { template: 'iom-quarterly', period: '2023-Q4' });
    expect([facts.get('remittances_out.kgz.rank', 'rank')?.rank, facts.get('remittances_out.uzb.rank', 'rank')?.rank]).toEqual([1, 1]);
    expect(facts.get('remittances_out.total.top', 'top')?.members.map((m) => m.partner)).toEqual(['KGZ', 'UZB']);
  });
});

describe('latest data available', () => {
  const ds = tinyDataset([
    'remittances_out,2023-Q1/2023-Q3,_T,,,1',
    'remittances_out,2024-Q1,_T,,,1',
    'prp_issued,2023,_T,,,1',
    'prp_issued,2022,_T,,,1',
    'kandas_granted,2023-09-01,_T,,,1',
    'pr_arrivals,2024-01/2024-03,_T,,,1',
    'pr_arrivals,2024-01/2024-06,_T,,,1',
    'pr_arrivals,2024-04/2024-06,_T,,,1',
  ]);
  it.each([
    ['remittances_out', '2023-Q4', '2023-Q1/2023-Q3'], // a later period is not used
    ['prp_issued', '2023-Q4', '2023'], // a year ending in the report period counts
    ['prp_issued', '2023-Q3', '2022'],
    ['kandas_granted', '2023-Q4', '2023-09-01'],
    ['pr_arrivals', '2024-Q2', '2024-04/2024-06'], // the report period itself wins
    ['pr_arrivals', '2024-01/2024-06', '2024-01/2024-06'],
  ])('%s for %s is %s', (indicator, report, want) => {
    expect(latestPeriod(ds, indicator, period(report))?.code).toBe(want);
  });
  it('is undefined before any data', () => expect(latestPeriod(ds, 'prp_issued', period('2021'))).toBeUndefined());
});
