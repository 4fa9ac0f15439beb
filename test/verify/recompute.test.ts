// The verifier re-derives each claim from the rows: a true claim of every kind passes, false ones fail with a
// reason, including every kind of falsehood the outside fact-check found (docs: /work/shared/docs/fact-check.md).
import { checkWords } from '../../src/verify/words.ts';
import { createEnglish } from '../../src/narrate/locales/en.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { series, type Claim, type Display, type Mark, type Series } from '../../src/claims.ts';
import type { Dataset } from '../../src/model.ts';
import { fixedDigits } from '../../src/narrate/digits.ts';
import { recomputeClaim, type DigitsOf } from '../../src/verify/index.ts';
import { sampleDataset, tinyDataset } from '../compare/sample.ts';

/** English digits: counts in full with grouping, everything else to one decimal. */
const en: DigitsOf = (v: number, d: Display) => fixedDigits(v, d === 'count' ? 0 : 1, ',', '.', (a) => String(a));

let sample: Dataset;
const L = createEnglish(tinyDataset([]).reference);
beforeAll(async () => {
  sample = await sampleDataset();
});

function check(ds: Dataset, c: Claim) {
  return recomputeClaim(ds, c, en);
}
function passes(ds: Dataset, c: Claim) {
  expect(check(ds, c)).toBeUndefined();
}
/** Fails, with a reason matching every pattern given; returns the failure. */
function fails(ds: Dataset, c: Claim, ...patterns: (string | RegExp)[]) {
  const r = check(ds, c);
  expect(r, 'the claim should fail').toBeDefined();
  for (const p of patterns) expect(r!.reason).toMatch(p);
  return r!;
}

const T = '_T';
const arrivals = (partner: string) => series('border_arrivals', partner);
const net = (partner = T) => series('pr_arrivals', partner, '', '', 'pr_departures');
const marks = (...m: Mark[]) => m;

function level(s: Series, period: string, shown: string, display: Display = 'count', m: Mark[] = []): Claim {
  return { what: 'level', series: s, period, marks: m, value: 0, display, shown };
}

describe('level', () => {
  it('passes the value of a row, matched by span (2024-Q1 is 2024-01/2024-03)', () => {
    passes(sample, level(arrivals(T), '2023-Q4', '3,405,102'));
    passes(sample, level(series('pr_arrivals', T), '2024-Q1', '7,471'));
    passes(sample, level(series('remittances_out', T), '2023-Q1/2023-Q3', '677.3', 'money'));
  });
  it('fails other digits, naming the value', () => {
    const r = fails(sample, level(arrivals(T), '2023-Q4', '3,405,103'), 'level of border_arrivals[_T] in 2023-Q4: the value is 3,405,102, not 3,405,103');
    expect(r.expected).toBe('3,405,102');
  });
  it('fails a figure displayed in the wrong unit', () => {
    fails(sample, level(arrivals(T), '2023-Q4', '3,405,102.0', 'percent'), 'displayed as count');
  });
  it('fails when there is no row (missing is never 0)', () => {
    fails(sample, level(arrivals(T), '2022-Q4', '0'), 'no value of border_arrivals[_T]', /members have rows/);
  });
  it('sums the total over all partners from the groups when they split the countries', () => {
    passes(sample, level(arrivals(T), '2023-Q3', '4,480,127', 'count', marks('I')));
    fails(sample, level(arrivals(T), '2023-Q3', '4,480,127'), 'marked I, but the claim does not carry I');
  });
  it('sums a group from its members only when every member has a row', () => {
    const rows = ['x,2023,UZB,,,10', 'x,2023,KGZ,,,20', 'x,2023,RUS,,,30', 'x,2023,TJK,,,40', 'x,2023,CHN,,,5'];
    passes(tinyDataset(rows), level(series('x', 'CIS'), '2023', '100'));
    fails(tinyDataset(rows.slice(1)), level(series('x', 'CIS'), '2023', '90'), 'only 3 of its 4 members have rows');
  });
  it('requires the marks of the rows, and no others', () => {
    passes(sample, level(arrivals('CIS'), '2023-Q3', '4,033,693', 'count', marks('I')));
    fails(sample, level(arrivals('CIS'), '2023-Q3', '4,033,693'), 'marked I, but the claim does not carry I');
    fails(sample, level(arrivals(T), '2023-Q4', '3,405,102', 'count', marks('E')), 'carries E, but no row');
  });
  it('carries the marks of member rows summed into a group', () => {
    const ds = tinyDataset(['x,2023,UZB,,,10,E', 'x,2023,KGZ,,,20', 'x,2023,RUS,,,30,P', 'x,2023,TJK,,,40']);
    passes(ds, level(series('x', 'CIS'), '2023', '100', 'count', marks('E', 'P')));
    fails(ds, level(series('x', 'CIS'), '2023', '100', 'count', marks('E')), 'marked P');
  });
});

function change(s: Series, period: string, baseline: string, measure: Extract<Claim, { what: 'change' }>['measure'], sign: -1 | 0 | 1, shown?: string, display?: Display, m: Mark[] = []): Claim {
  return { what: 'change', series: s, period, baseline, measure, sign, marks: m, ...(shown !== undefined ? { shown, value: 0, display: display ?? 'percent' } : {}) };
}

describe('change', () => {
  it('reads a published percentage change from its row, of the baseline its vs= names', () => {
    const ds = tinyDataset(['internal_migrants_change,2025,_T,,vs=2024,13.6']);
    const s = series('internal_migrants_change', T, '', 'vs=2024');
    const published = (c: Claim): Claim => ({ ...c, published: true }) as Claim;
    passes(ds, published(change(s, '2025', '2024', 'pct', 1, '13.6', 'percent')));
    fails(ds, published(change(s, '2025', '2024', 'pct', 1, '15.0', 'percent')), '13.6');
    fails(ds, published(change(s, '2025', '2024', 'pct', -1, '13.6', 'percent')), 'not a fall');
    fails(ds, published(change(s, '2025', '2023', 'pct', 1, '13.6', 'percent')), 'not on 2023');
  });
  it('passes a per cent fall with the marks of an estimated baseline', () => {
    // 3,118,045 vs 4,033,693 (I): −22.7%
    passes(sample, change(arrivals('CIS'), '2023-Q4', '2023-Q3', 'pct', -1, '22.7', 'percent', marks('I')));
  });
  it('fails a reversed direction and a wrong figure', () => {
    fails(sample, change(arrivals('CIS'), '2023-Q4', '2023-Q3', 'pct', 1, '22.7', 'percent', marks('I')), 'a fall', 'not a rise');
    fails(sample, change(arrivals('CIS'), '2023-Q4', '2023-Q3', 'pct', -1, '24.0', 'percent', marks('I')), 'the change is 22.7, not 24.0');
  });
  it('fails a baseline swapped with the period', () => {
    fails(sample, change(arrivals('CIS'), '2023-Q3', '2023-Q4', 'pct', -1, '22.7', 'percent', marks('I')));
  });
  it('passes an absolute change in million USD', () => {
    passes(sample, change(series('remittances_out', T), '2023-Q1/2023-Q3', '2022-Q1/2022-Q3', 'abs', -1, '166.8', 'money'));
    fails(sample, change(series('remittances_out', T), '2023-Q1/2023-Q3', '2022-Q1/2022-Q3', 'abs', -1, '166.8', 'percent'), 'displayed as money');
  });
  it('M1: fails a percentage of a zero base; the rise from zero passes as from_zero', () => {
    const ds = tinyDataset(['remittances_out,2022-Q1/2022-Q3,_T,,,0', 'remittances_out,2023-Q1/2023-Q3,_T,,,677.3']);
    const s = series('remittances_out', T);
    const r = fails(ds, change(s, '2023-Q1/2023-Q3', '2022-Q1/2022-Q3', 'pct', 1, '0.0'), 'the baseline is 0, so no percentage exists');
    expect(r.expected).toBe('677.3');
    passes(ds, change(s, '2023-Q1/2023-Q3', '2022-Q1/2022-Q3', 'from_zero', 1, '677.3', 'money'));
    passes(ds, change(s, '2023-Q1/2023-Q3', '2022-Q1/2022-Q3', 'abs', 1, '677.3', 'money'));
  });
  it('states rises of 100% or more as times', () => {
    const ds = tinyDataset(['x,2022,_T,,,100', 'x,2023,_T,,,250']);
    passes(ds, change(series('x', T), '2023', '2022', 'times', 1, '2.5', 'ratio'));
    // A table cell may show +150.0%: true. A sentence must say "2.5 times as many" — the words check's rule 4.
    passes(ds, change(series('x', T), '2023', '2022', 'pct', 1, '150.0'));
    expect(checkWords('x rose by 150.0%.', [change(series('x', T), '2023', '2022', 'pct', 1, '150.0')], L.vocabulary, {}).map((f) => f.reason).join()).toMatch(/rule 4/);
    fails(ds, change(series('x', T), '2022', '2023', 'times', 1, '2.5', 'ratio'), 'not a rise to 2 times or more');
  });
  it('states as times a rise that shows as 100.0%, where rule 4 demands those words, and no rise below (fuzz seed 2727)', () => {
    // +99.997% shows as 100.0%: the words check allows no "rose by 100.0%", so "2.0 times" must pass here.
    const near = tinyDataset(['x,2022,_T,,,29981', 'x,2023,_T,,,59961']);
    passes(near, change(series('x', T), '2023', '2022', 'times', 1, '2.0', 'ratio'));
    expect(checkWords('x rose by 100.0%.', [change(series('x', T), '2023', '2022', 'pct', 1, '100.0')], L.vocabulary, {}).map((f) => f.reason).join()).toMatch(/rule 4/);
    // +99.9% shows as 99.9%: a per cent, not times.
    const below = tinyDataset(['x,2022,_T,,,29981', 'x,2023,_T,,,59932']);
    fails(below, change(series('x', T), '2023', '2022', 'times', 1, '2.0', 'ratio'), 'not a rise to 2 times or more');
    passes(below, change(series('x', T), '2023', '2022', 'pct', 1, '99.9'));
  });
  it('a balance that crosses zero is a change of sign, not a rise of more than 100%', () => {
    fails(sample, change(net(), '2023-Q1', '2022-Q1', 'pct', 1, '527.6'), 'a change of sign');
  });
  it('unchanged only when nothing displayed moves; virtually unchanged when the per cent rounds to zero', () => {
    const flat = tinyDataset(['x,2022,_T,,,50', 'x,2023,_T,,,50']);
    passes(flat, change(series('x', T), '2023', '2022', 'unchanged', 0));
    fails(flat, change(series('x', T), '2023', '2022', 'pct', 1, '0.0'), 'the data give no change');
    const tiny = tinyDataset(['remittances_out,2022,_T,,,844.1', 'remittances_out,2023,_T,,,844.44']);
    const s = series('remittances_out', T);
    // "Virtually unchanged" states no direction.
    passes(tiny, change(s, '2023', '2022', 'virtually_unchanged', 0, '0.3', 'money'));
    fails(tiny, change(s, '2023', '2022', 'unchanged', 0), 'not unchanged');
    // +0.04% shown as 0.0% is true as a cell; a sentence says "virtually unchanged" (the words check's rule 2).
    fails(tiny, change(s, '2023', '2022', 'pct', 1, '0.0'), 'no change');
    expect(checkWords('remittances rose by 0.0%.', [change(s, '2023', '2022', 'pct', 0, '0.0')], L.vocabulary, {}).map((f) => f.reason).join()).toMatch(/rule 2/);
    fails(tiny, change(s, '2023', '2022', 'virtually_unchanged', -1, '0.3', 'money'), 'not a fall');
  });
  it('fails when the baseline has no data', () => {
    fails(sample, change(series('trp_holders', T), '2023-Q4', '2023-Q3', 'pct', -1, '24.0'), 'no value of trp_holders[_T] for 2023-Q3');
  });
});

function share(s: Series, whole: string, period: string, shown: string, published = false, m: Mark[] = []): Claim {
  return { what: 'share', series: s, whole, period, shown, published, marks: m, value: 0, display: 'percent' };
}

describe('share', () => {
  it('computes 100 × part / whole from counts', () => {
    passes(sample, share(arrivals('UZB'), 'CIS', '2023-Q4', '42.8'));
    fails(sample, share(arrivals('UZB'), 'CIS', '2023-Q4', '43.0'), 'the share is 42.8, not 43.0');
  });
  it('reads a published share row', () => {
    passes(sample, share(series('pr_arrivals_share', 'CIS', '', 'whole=_T'), T, '2024-Q1', '75.6', true));
    fails(sample, share(series('pr_arrivals_share', 'CIS', '', 'whole=_T'), 'NONCIS', '2024-Q1', '75.6', true), 'a share of _T, not of NONCIS');
  });
  it('fails a member given a share of a group it is not in', () => {
    fails(sample, share(arrivals('CHN'), 'CIS', '2023-Q4', '3.7'), 'CHN is not a member of CIS');
  });
  it('a part by a breakdown key is a share of its partner\'s total, not broken down (press brief: ethnic groups)', () => {
    const ds = tinyDataset(['pr_departures,2019,_T,,,45200', 'pr_departures,2019,_T,,ethnicity=russian,32800']);
    passes(ds, share(series('pr_departures', T, '', 'ethnicity=russian'), T, '2019', '72.6'));
    fails(ds, share(series('pr_departures', T, '', 'ethnicity=russian'), T, '2019', '100.0'), 'the share is 72.6, not 100.0');
  });
  it('a part by region is a share of the country\'s total', () => {
    const ds = tinyDataset(['pr_departures,2024,_T,,,12732', 'pr_departures,2024,_T,KZ-59,,2133']);
    passes(ds, share(series('pr_departures', T, 'KZ-59'), T, '2024', '16.8'));
    fails(ds, share(series('pr_departures', T, 'KZ-59'), T, '2024', '100.0'), 'the share is 16.8, not 100.0');
  });
});

describe('share_change', () => {
  const s = series('pr_arrivals_share', 'CIS', '', 'whole=_T');
  const claim = (sign: -1 | 0 | 1, shown: string, period = '2024-Q1', baseline = '2023-Q1'): Claim => ({
    what: 'share_change', series: s, whole: T, period, baseline, sign, published: true, marks: [], value: 0, display: 'points', shown,
  });
  it('passes a fall in points of a published share (90 → 75.6)', () => passes(sample, claim(-1, '14.4')));
  it('fails from/to swapped and a wrong unit', () => {
    fails(sample, claim(1, '14.4'), 'a fall', 'not a rise');
    // The period and baseline swapped, with the sign that goes with them, is a true claim (a rise of 14.4 points).
    passes(sample, claim(1, '14.4', '2023-Q1', '2024-Q1'));
    fails(sample, { ...(claim(-1, '14.4') as Extract<Claim, { what: 'share_change' }>), display: 'percent' }, 'displayed as points');
  });
  it('computes shares from counts when not published, the change as the difference of the printed shares (M4)', () => {
    // 29.07% → 29.23%: printed 29.1% and 29.2%, so 0.1 points (0.16 unrounded would print 0.2).
    const c: Claim = { what: 'share_change', series: series('remittances_out', 'RUS'), whole: T, period: '2023-Q1/2023-Q3', baseline: '2022-Q1/2022-Q3', sign: 1, published: false, marks: [], value: 0, display: 'points', shown: '0.1' };
    passes(sample, c);
    fails(sample, { ...c, shown: '0.2' }, 'the change is 0.1, not 0.2');
  });
});

describe('ratio', () => {
  const pub = series('internal_migrants_ratio', T, '', 'vs=2023-Q1');
  const ratio = (s: Series, measure: 'times' | 'pct' | 'unchanged', sign: -1 | 0 | 1, shown?: string, baseline = '2023-Q1', period = '2024-Q1', display: Display = 'ratio'): Claim => ({
    what: 'ratio', series: s, period, baseline, measure, sign, marks: [], ...(shown !== undefined ? { shown, value: 0, display } : {}),
  });
  it('reads a published ratio row against its baseline', () => {
    passes(sample, ratio(pub, 'times', 1, '2.2'));
    fails(sample, ratio(pub, 'pct', 1, '120.0', '2023-Q1', '2024-Q1', 'percent'), 'stated as times');
    fails(sample, ratio(pub, 'times', 1, '2.2', '2022-Q1'), 'against 2023-Q1, not 2022-Q1');
    fails(sample, ratio(pub, 'times', -1, '2.2'), 'not a fall');
  });
  it('computes a ratio from counts; a ratio of 1.0 is unchanged, never "fell by 0.0%" (X2)', () => {
    const ds = tinyDataset(['y,2023-Q1,_T,,,100', 'y,2024-Q1,_T,,,150', 'z,2023-Q1,_T,,,10000', 'z,2024-Q1,_T,,,10004']);
    passes(ds, ratio(series('y', T), 'pct', 1, '50.0', '2023-Q1', '2024-Q1', 'percent'));
    fails(ds, ratio(series('y', T), 'times', 1, '1.5'), 'below 2');
    passes(ds, ratio(series('z', T), 'unchanged', 0));
    fails(ds, ratio(series('z', T), 'pct', -1, '0.0', '2023-Q1', '2024-Q1', 'percent'), 'rounds to 0.0%');
  });
});

describe('balance', () => {
  const bal = (s: Series, period: string, sign: -1 | 0 | 1, shown?: string): Claim => ({
    what: 'balance', series: s, period, sign, marks: [], ...(shown !== undefined ? { shown, value: 0, display: 'count' as Display } : {}),
  });
  const prp = series('prp_issued', 'CIS', '', '', 'prp_terminated');
  it('passes issued − terminated (21,584 − 12,410)', () => passes(sample, bal(prp, '2023', 1, '9,174')));
  it('fails the published balance that disagrees with its parts, and a wrong sign', () => {
    fails(sample, bal(prp, '2023', 1, '9,528'), 'the balance is 9,174, not 9,528');
    fails(sample, bal(prp, '2023', -1, '9,174'), 'positive, not negative');
  });
  it('reads a published balance row when no minus is named', () => passes(sample, bal(series('prp_balance', 'NONCIS'), '2023', -1, '184')));
  it('net migration for permanent residence', () => passes(sample, bal(net(), '2024-Q1', 1, '3,686')));
});

describe('sign_change', () => {
  const sc = (s: Series, period: string, baseline: string, sign: -1 | 1, from: -1 | 0 | 1): Claim => ({ what: 'sign_change', series: s, period, baseline, sign, from, marks: [] });
  it('passes net migration turning positive (−5,057 → 6,656)', () => passes(sample, sc(net(), '2023-01/2023-06', '2022-01/2022-06', 1, -1)));
  it('D1: fails "from negative" when the baseline balance was zero', () => {
    const ds = tinyDataset(['prp_issued,2022,NONCIS,,,3000', 'prp_terminated,2022,NONCIS,,,3000', 'prp_issued,2023,NONCIS,,,3799', 'prp_terminated,2023,NONCIS,,,3590']);
    const s = series('prp_issued', 'NONCIS', '', '', 'prp_terminated');
    fails(ds, sc(s, '2023', '2022', 1, -1), 'the balance in 2022 is 0, zero, not negative');
    passes(ds, sc(s, '2023', '2022', 1, 0));
  });
  it('fails when the sign did not change', () => {
    fails(sample, sc(net(), '2024-01/2024-06', '2023-01/2023-06', 1, -1), 'positive, not negative');
  });
});

function record(s: Series, period: string, extreme: 'high' | 'low', since: string, years: number, complete: boolean, shown?: string, m: Mark[] = []): Claim {
  return { what: 'record', series: s, period, extreme, since, years, complete, marks: m, ...(shown !== undefined ? { shown, value: 0, display: 'count' as Display } : {}) };
}

describe('record', () => {
  it('passes the net migration record high of January–June 2024 (−5,057, 6,656, 7,289)', () => {
    passes(sample, record(net(), '2024-01/2024-06', 'high', '2022-01/2022-06', 3, true, '7,289'));
  });
  it('S1: fails the net record written as an arrivals record', () => {
    const r = fails(sample, record(series('pr_arrivals', T), '2024-01/2024-06', 'high', '2022-01/2022-06', 3, true, '7,289'));
    expect(r.reason).toBe('record high of pr_arrivals[_T] in 2024-01/2024-06: the value is 14,256, not 7,289');
    expect(r.expected).toBe('14,256');
    passes(sample, record(series('pr_arrivals', T), '2024-01/2024-06', 'high', '2022-01/2022-06', 3, true, '14,256'));
  });
  it('fails a low that is not one, a wrong first year and a wrong count of years', () => {
    fails(sample, record(net(), '2024-01/2024-06', 'low', '2022-01/2022-06', 3, true), 'lower than');
    fails(sample, record(net(), '2024-01/2024-06', 'high', '2023-01/2023-06', 2, true), 'the first year with data is 2022-01/2022-06, not 2023-01/2023-06');
    fails(sample, record(net(), '2024-01/2024-06', 'high', '2022-01/2022-06', 6, true), '3 years have data, not 6');
  });
  it('fails a tie as a record', () => {
    const ds = tinyDataset(['x,2022-Q1,_T,,,5', 'x,2023-Q1,_T,,,7', 'x,2024-Q1,_T,,,7']);
    fails(ds, record(series('x', T), '2024-Q1', 'high', '2022-Q1', 3, true), 'equal to');
  });
  it('says complete only when no year in between lacks data (gaps as in bns_gap)', () => {
    const ds = tinyDataset(['x,2018-Q1,_T,,,1', 'x,2020-Q1,_T,,,2', 'x,2022-Q1,_T,,,3', 'x,2024-Q1,_T,,,9,E', 'x,2023-Q2,_T,,,100']);
    passes(ds, record(series('x', T), '2024-01/2024-03', 'high', '2018-Q1', 4, false, '9', marks('E')));
    fails(ds, record(series('x', T), '2024-Q1', 'high', '2018-Q1', 4, true, '9', marks('E')), 'only 4 of the 7 years since 2018-Q1 have data');
    fails(ds, record(series('x', T), '2024-Q1', 'high', '2018-Q1', 4, false, '9'), 'marked E');
  });
  it('marks rest on every year of the series', () => {
    const ds = tinyDataset(['x,2022,_T,,,5,P', 'x,2023,_T,,,7']);
    fails(ds, record(series('x', T), '2023', 'high', '2022', 2, true, '7'), 'marked P');
    passes(ds, record(series('x', T), '2023', 'high', '2022', 2, true, '7', marks('P')));
  });
});

function streak(s: Series, period: string, mode: 'sign' | 'direction', sign: -1 | 1, length: number, since: string, step: 'year' | 'month' | 'quarter' = 'year'): Claim {
  return { what: 'streak', series: s, period, mode, sign, length, since, step, marks: [] };
}

describe('streak', () => {
  it('passes net migration positive for the second year running, since January–June 2023', () => {
    passes(sample, streak(net(), '2024-01/2024-06', 'sign', 1, 2, '2023-01/2023-06'));
  });
  it('S2: fails the arrivals rise written as "net migration positive since 2022"', () => {
    fails(sample, streak(net(), '2024-01/2024-06', 'sign', 1, 2, '2022-01/2022-06'), 'the run starts in 2023-01/2023-06, not 2022-01/2022-06');
    // What is true: arrivals rose twice (7,287 → 13,652 → 14,256).
    passes(sample, streak(series('pr_arrivals', T), '2024-01/2024-06', 'direction', 1, 2, '2022-01/2022-06'));
  });
  it('S3: fails the departures streak written as net migration negative', () => {
    fails(sample, streak(net(), '2024-01/2024-06', 'sign', -1, 2, '2022-01/2022-06'), 'is +7,289, positive, not negative');
    fails(sample, streak(series('pr_departures', T), '2024-01/2024-06', 'direction', 1, 2, '2022-01/2022-06'), 'not a rise');
  });
  it('N1: fails a streak that counts observations across gaps', () => {
    const ds = tinyDataset(['x,2018-Q1,_T,,,5', 'x,2020-Q1,_T,,,6', 'x,2022-Q1,_T,,,7', 'x,2024-Q1,_T,,,8']);
    fails(ds, streak(series('x', T), '2024-Q1', 'sign', 1, 4, '2018-Q1'), 'is 1 year long');
  });
  it('fails "second year running" when it is the fifth', () => {
    const ds = tinyDataset(['x,2019,_T,,,1', 'x,2020,_T,,,2', 'x,2021,_T,,,3', 'x,2022,_T,,,4', 'x,2023,_T,,,5', 'x,2018,_T,,,0']);
    const r = fails(ds, streak(series('x', T), '2023', 'sign', 1, 2, '2022'), 'is 5 years long since 2019, not 2');
    expect(r.expected).toBe('5');
    passes(ds, streak(series('x', T), '2023', 'sign', 1, 5, '2019'));
    // A zero breaks a sign run, not a rise: 0 → 1 → … → 5 is five rises since 2018.
    passes(ds, streak(series('x', T), '2023', 'direction', 1, 5, '2018'));
  });
  it('steps by month and by quarter', () => {
    const ds = tinyDataset(['m,2024-01,_T,,,3', 'm,2024-02,_T,,,2', 'm,2024-03,_T,,,1', 'q,2023-Q3,_T,,,-1', 'q,2023-Q4,_T,,,-2', 'q,2024-Q1,_T,,,-3']);
    passes(ds, streak(series('m', T), '2024-03', 'direction', -1, 2, '2024-01', 'month'));
    passes(ds, streak(series('q', T), '2024-Q1', 'sign', -1, 3, '2023-Q3', 'quarter'));
    passes(ds, streak(series('q', T), '2024-Q1', 'direction', -1, 2, '2023-Q3', 'quarter'));
    fails(ds, streak(series('q', T), '2024-Q1', 'sign', -1, 3, '2023-Q3', 'month'), 'is not a month');
  });
  it('a run of one is not a streak', () => {
    const ds = tinyDataset(['x,2022,_T,,,5', 'x,2023,_T,,,3', 'x,2024,_T,,,4']);
    fails(ds, streak(series('x', T), '2024', 'direction', 1, 1, '2023'), 'a run of 1 year is not a streak');
    fails(ds, streak(series('x', T), '2024', 'direction', 1, 2, '2022'), 'is 1 year long since 2023, not 2');
    // Departures fell twice in January–June (12,344 → 6,996 → 6,967).
    passes(sample, streak(series('pr_departures', T), '2024-01/2024-06', 'direction', -1, 2, '2022-01/2022-06'));
  });
});

describe('crossover', () => {
  const ds = tinyDataset(['a,2023-Q3,KGZ,,,600000', 'a,2023-Q3,RUS,,,700000', 'a,2023-Q4,KGZ,,,737942', 'a,2023-Q4,RUS,,,688069']);
  const cross = (partner: string, other: string): Claim => ({ what: 'crossover', series: series('a', partner), other, period: '2023-Q4', baseline: '2023-Q3', marks: [] });
  it('passes Kyrgyzstan now outnumbering the Russian Federation', () => passes(ds, cross('KGZ', 'RUS')));
  it('fails the reversed statement', () => fails(ds, cross('RUS', 'KGZ'), 'not more than KGZ'));
  it('fails when the overtaker was already ahead', () => {
    const ahead = tinyDataset(['a,2023-Q3,KGZ,,,800000', 'a,2023-Q3,RUS,,,700000', 'a,2023-Q4,KGZ,,,737942', 'a,2023-Q4,RUS,,,688069']);
    fails(ahead, cross('KGZ', 'RUS'), 'not fewer than RUS');
  });
});

function top(whole: Series, period: string, members: string[], scope: 'all' | 'listed', tiedWith?: string[], m: Mark[] = []): Claim {
  return { what: 'top', series: whole, period, members, scope, marks: m, ...(tiedWith ? { tiedWith } : {}) };
}

describe('top', () => {
  it('U1: fails a superlative over a partial list (77,613 of 287,057 not broken down)', () => {
    const r = fails(sample, top(arrivals('NONCIS'), '2023-Q4', ['CHN', 'TUR', 'IND'], 'all'), '77,613 of 287,057 are not broken down', 'IND');
    expect(r.expected).toBe('77,613');
    passes(sample, top(arrivals('NONCIS'), '2023-Q4', ['CHN', 'TUR', 'IND'], 'listed'));
  });
  it('passes a superlative when the unlisted rest cannot beat the last named (temporary permits: 858 unlisted)', () => {
    passes(sample, top(series('trp_holders', T), '2023-Q4', ['UZB', 'RUS', 'TJK'], 'all'));
  });
  it('fails a wrong order and a larger member left out', () => {
    fails(sample, top(arrivals('NONCIS'), '2023-Q4', ['TUR', 'CHN'], 'listed'), 'CHN (115,436) ranks before TUR (34,472)');
    fails(sample, top(arrivals('NONCIS'), '2023-Q4', ['CHN', 'IND'], 'listed'), 'TUR (34,472) ranks before IND (29,311) and is not named');
  });
  it('U2: fails a hidden tie unless tiedWith names it', () => {
    const ds = tinyDataset(['a,2023-Q4,NONCIS,,,100', 'a,2023-Q4,CHN,,,50', 'a,2023-Q4,TUR,,,20', 'a,2023-Q4,USA,,,20']);
    fails(ds, top(series('a', 'NONCIS'), '2023-Q4', ['CHN', 'TUR'], 'all'), 'USA (20) ties with TUR (20) and is not named');
    passes(ds, top(series('a', 'NONCIS'), '2023-Q4', ['CHN', 'TUR'], 'all', ['USA']));
    fails(ds, top(series('a', 'NONCIS'), '2023-Q4', ['CHN'], 'all', ['USA']), 'USA is said to tie with CHN (50) but has 20');
  });
  it('fails a member outside the whole', () => fails(sample, top(arrivals('NONCIS'), '2023-Q4', ['UZB'], 'listed'), 'UZB is not a member of NONCIS'));
  it('carries the marks of the named members', () => {
    const ds = tinyDataset(['a,2023-Q4,CHN,,,50,E', 'a,2023-Q4,TUR,,,20']);
    fails(ds, top(series('a', 'NONCIS'), '2023-Q4', ['CHN'], 'listed'), 'marked E');
    passes(ds, top(series('a', 'NONCIS'), '2023-Q4', ['CHN'], 'listed', undefined, marks('E')));
  });
});

function most(whole: Series, period: string, baseline: string, direction: 'up' | 'down', members: string[], scope: 'all' | 'listed', extra: Record<string, unknown> = {}): Claim {
  return { what: 'most', series: whole, period, baseline, direction, members, scope, marks: [], ...extra } as Claim;
}

describe('most', () => {
  const out = series('remittances_out', T);
  const P = '2023-Q1/2023-Q3';
  const B = '2022-Q1/2022-Q3';
  it('passes remittances sent falling most to Kyrgyzstan, the Russian Federation and China, among the countries listed', () => {
    passes(sample, most(out, P, B, 'down', ['KGZ', 'RUS', 'CHN'], 'listed'));
    passes(sample, most(out, P, B, 'up', ['GEO'], 'listed'));
  });
  it('U1: fails "most" of all countries when part of the whole is not broken down by country', () => {
    fails(sample, most(out, P, B, 'down', ['KGZ', 'RUS', 'CHN'], 'all'), '111.6 of _T', 'not broken down');
  });
  it('fails a wrong order, a member left out and a member that moved the other way ("rose most … (−66.8%)")', () => {
    fails(sample, most(out, P, B, 'down', ['RUS', 'KGZ'], 'listed'), 'KGZ');
    fails(sample, most(out, P, B, 'down', ['KGZ', 'CHN'], 'listed'), 'RUS (−19.3%) ranks before CHN');
    fails(sample, most(out, P, B, 'up', ['KGZ'], 'listed'), 'KGZ changed by −66.8%, not a rise');
  });
  it('U3: fails "rose most" that leaves out a rise from zero', () => {
    const ds = tinyDataset([
      'remittances_out,2022,UZB,,,20.4', 'remittances_out,2023,UZB,,,61.2',
      'remittances_out,2022,KGZ,,,11.15', 'remittances_out,2023,KGZ,,,22.3',
      'remittances_out,2022,CHN,,,0', 'remittances_out,2023,CHN,,,20.2',
    ]);
    fails(ds, most(series('remittances_out', T), '2023', '2022', 'up', ['UZB', 'KGZ'], 'all'), 'CHN rose from zero (0 → 20.2) and is left out');
    passes(ds, most(series('remittances_out', T), '2023', '2022', 'up', ['UZB', 'KGZ'], 'listed'));
  });
  it('U2: fails a hidden tie of per cent changes (245 → 202 and 24.5 → 20.2)', () => {
    const ds = tinyDataset(['r,2022,TUR,,,245', 'r,2023,TUR,,,202', 'r,2022,CHN,,,24.5', 'r,2023,CHN,,,20.2', 'r,2022,KGZ,,,67.1', 'r,2023,KGZ,,,22.3']);
    fails(ds, most(series('r', T), '2023', '2022', 'down', ['KGZ', 'CHN'], 'all'), 'TUR (−17.6%) ties with CHN (−17.6%)');
    passes(ds, most(series('r', T), '2023', '2022', 'down', ['KGZ', 'CHN'], 'all', { tiedWith: ['TUR'] }));
  });
  it('scope all needs a baseline for every member with a value now', () => {
    const ds = tinyDataset(['r,2022,TUR,,,245', 'r,2023,TUR,,,202', 'r,2023,CHN,,,20.2']);
    fails(ds, most(series('r', T), '2023', '2022', 'down', ['TUR'], 'all'), 'CHN has a value for 2023 but none for 2022');
    passes(ds, most(series('r', T), '2023', '2022', 'down', ['TUR'], 'listed'));
  });
});

describe('count', () => {
  const cnt = (rule: 'positive' | 'negative', scope: 'all' | 'listed', shown: string, period = '2024-Q1'): Claim => ({
    what: 'count', series: series('interregional_net', '_Z'), period, rule, scope, marks: [], value: 0, display: 'count', shown,
  });
  it('passes "positive in 4 of the regions with figures"', () => passes(sample, cnt('positive', 'listed', '4')));
  it('N2: fails a count over all regions when only 4 of 20 have rows', () => {
    fails(sample, cnt('positive', 'all', '4'), 'only 4 of the 20 regions have rows');
  });
  it('fails a wrong count', () => {
    fails(sample, cnt('positive', 'listed', '3'), 'the count is 4, not 3');
    fails(sample, cnt('negative', 'listed', '1'), 'the count is 0, not 1');
  });
});

describe('no_data', () => {
  const nd = (s: Series, period: string): Claim => ({ what: 'no_data', series: s, period, marks: [] });
  it('passes when there is no row and no member row', () => {
    passes(sample, nd(arrivals('CHN'), '2023-Q3'));
    passes(sample, nd(series('remittances_out', T), '2024-Q1'));
  });
  it('C1: fails "no data" when the row exists (non-CIS arrivals, 2023-Q3)', () => {
    const r = fails(sample, nd(arrivals('NONCIS'), '2023-Q3'), 'has a row for 2023-Q3 with +446,434');
    expect(r.expected).toBe('446,434');
    fails(sample, nd(series('border_departures', 'CIS'), '2023-Q3'), '4,082,023');
  });
  it('C2: fails "no data" when member rows exist though the group row does not', () => {
    const ds = tinyDataset(['a,2023-Q4,CHN,,,115436', 'a,2023-Q4,TUR,,,34472']);
    fails(ds, nd(series('a', 'NONCIS'), '2023-Q4'), 'has a member row (CHN)');
  });
});

describe('rest and sum', () => {
  const rest = (s: Series, period: string, members: string[], shown: string, display: Display = 'count'): Claim => ({ what: 'rest', series: s, period, members, marks: [], value: 0, display, shown });
  const sum = (s: Series, period: string, members: string[], shown: string, display: Display = 'count'): Claim => ({ what: 'sum', series: s, period, members, marks: [], value: 0, display, shown });
  const six = ['CHN', 'TUR', 'IND', 'DEU', 'MNG', 'KOR'];
  it('rest: the whole less the listed members', () => {
    passes(sample, rest(arrivals('NONCIS'), '2023-Q4', six, '77,613'));
    fails(sample, rest(arrivals('NONCIS'), '2023-Q4', six, '77,612'), 'the rest is 77,613, not 77,612');
    fails(sample, rest(arrivals('NONCIS'), '2023-Q4', [...six, 'USA'], '0'), 'no value of border_arrivals[USA]');
  });
  it('rest of a structure: 100 less its published parts', () => {
    passes(sample, rest(series('kandas_by_education', T, '', 'age=working'), '2023-09-01', ['education=higher', 'education=specialised_secondary', 'education=general_secondary'], '8.8', 'percent'));
  });
  it('sum: of members as partners, and of a structure’s parts', () => {
    passes(sample, sum(arrivals('NONCIS'), '2023-Q4', ['CHN', 'TUR', 'IND'], '179,219'));
    fails(sample, sum(arrivals('NONCIS'), '2023-Q4', ['CHN', 'TUR', 'IND'], '179,218'), 'the sum is 179,219, not 179,218');
    passes(sample, sum(series('kandas_by_age', T), '2023-09-01', ['age=working', 'age=under_working', 'age=over_working'], '99.9', 'percent'));
  });
});

describe('malformed claims fail with a reason, never throw', () => {
  it.each([
    ['an unknown kind', { what: 'rumour', series: arrivals(T), period: '2023-Q4', marks: [] }, 'unknown claim kind "rumour"'],
    ['a bad period', { what: 'level', series: arrivals(T), period: '2023-Q5', marks: [], value: 1, display: 'count', shown: '1' }, 'is not a period code'],
    ['no series', { what: 'level', period: '2023-Q4', marks: [], value: 1, display: 'count', shown: '1' }, 'series is missing'],
    ['a bad baseline', { what: 'change', series: arrivals(T), period: '2023-Q4', baseline: 'last year', marks: [], measure: 'pct', sign: 1 }, 'baseline "last year"'],
    ['an unknown measure', { what: 'change', series: arrivals('CIS'), period: '2023-Q4', baseline: '2023-Q3', marks: [], measure: 'lots', sign: 1 }, 'unknown measure'],
    ['no shown figure', { what: 'level', series: arrivals(T), period: '2023-Q4', marks: [], value: 1, display: 'count' }, 'shows no figure'],
    ['marks not a list', { what: 'level', series: arrivals(T), period: '2023-Q4', value: 1, display: 'count', shown: '3,405,102' }, 'no list of marks'],
    ['an unknown mark', { what: 'level', series: arrivals(T), period: '2023-Q4', marks: ['X'], value: 1, display: 'count', shown: '3,405,102' }, 'unknown marks X'],
  ])('%s', (_name, claim, reason) => {
    fails(sample, claim as unknown as Claim, reason);
  });
  it('a digits function that throws is reported, not thrown', () => {
    const r = recomputeClaim(sample, level(arrivals(T), '2023-Q4', '1'), () => {
      throw new Error('boom');
    });
    expect(r?.reason).toMatch('could not be checked (boom)');
  });
});

// (How fast the verifier is, is the benchmark's business — bench/facts.ts reports its share — not a timed test.)
describe('a report-sized set of claims', () => {
  it('verifies 150 claims of every kind against the sample', () => {
    const claims: Claim[] = [];
    for (let i = 0; i < 15; i++)
      claims.push(
        level(arrivals(T), '2023-Q4', '3,405,102'),
        change(arrivals('CIS'), '2023-Q4', '2023-Q3', 'pct', -1, '22.7', 'percent', marks('I')),
        share(arrivals('UZB'), 'CIS', '2023-Q4', '42.8'),
        record(net(), '2024-01/2024-06', 'high', '2022-01/2022-06', 3, true, '7,289'),
        streak(net(), '2024-01/2024-06', 'sign', 1, 2, '2023-01/2023-06'),
        top(series('trp_holders', T), '2023-Q4', ['UZB', 'RUS', 'TJK'], 'all'),
        most(series('remittances_out', T), '2023-Q1/2023-Q3', '2022-Q1/2022-Q3', 'down', ['KGZ', 'RUS', 'CHN'], 'listed'),
        { what: 'no_data', series: arrivals('CHN'), period: '2023-Q3', marks: [] },
        { what: 'count', series: series('interregional_net', '_Z'), period: '2024-Q1', rule: 'positive', scope: 'listed', marks: [], value: 4, display: 'count', shown: '4' },
        level(series('pr_arrivals', T), '2024-Q1', '7,471'),
      );
    expect(claims).toHaveLength(150);
    for (const c of claims) expect(check(sample, c)).toBeUndefined();
  });
});

describe('independence', () => {
  it('src/verify imports nothing from src/compare, src/derive, src/narrate or src/check', () => {
    const dir = join(import.meta.dirname, '..', '..', 'src', 'verify');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files).toContain('recompute.ts');
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/g), ...text.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
      expect(specifiers.length, f).toBeGreaterThan(0);
      for (const spec of specifiers) expect(spec, `${f} imports ${spec}`).not.toMatch(/(^|\/)(compare|derive|narrate|check)(\/|\.ts$|$)/);
    }
  });
});
