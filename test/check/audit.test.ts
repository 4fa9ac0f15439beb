// The audit and the shared derivation: totals against parts, derived figures at printed precision, gaps.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, roundsTo } from '../../src/check/audit.ts';
import { computeDerived, partnerTotal, printedRange } from '../../src/derive.ts';
import type { Country, Dataset, Indicator, IndicatorKind, Observation, Unit } from '../../src/model.ts';
import { period } from '../../src/period.ts';
import { loadProject } from '../../src/load/index.ts';
import { one } from '../../src/query.ts';
import { FIXTURES, projectWith } from '../load/helpers.ts';

async function load(caseDir?: string) {
  const root = projectWith(caseDir);
  return loadProject('data', { root });
}

describe('partnerTotal and computeDerived', () => {
  it('a published total wins; a computed one sums the members present and says whether all are', async () => {
    const d = await load();
    expect(partnerTotal(d, { indicator: 'border_arrivals', period: '2023-Q4', partner: 'CIS' })).toMatchObject({ value: 200, complete: true, inputs: [{ country: 'CIS' }] });
    const computed = await load(join(FIXTURES, 'audit'));
    const q3 = partnerTotal({ ...computed, observations: computed.observations.filter((o) => o.country !== 'CIS') }, { indicator: 'border_arrivals', period: '2023-Q3', partner: 'CIS' });
    expect(q3).toMatchObject({ value: 150, complete: false });
    const q4 = partnerTotal({ ...computed, observations: computed.observations.filter((o) => o.country !== 'CIS') }, { indicator: 'border_arrivals', period: '2023-07/2023-09', partner: 'CIS' });
    expect(q4?.value).toBe(150);
  });

  it.each([
    ['border_arrivals_share', 'UZB', 'whole=CIS', 30],
    ['border_arrivals_change', 'CIS', 'vs=2023-Q3', 100 * (200 / 180 - 1)],
    ['border_balance', 'CIS', '', 50],
  ])('%s for %s (%s) is computed from its base rows', async (indicator, country, breakdown, expected) => {
    const d = await load();
    const obs = one(d, { indicator, period: '2023-Q4', country, breakdown })!;
    const r = computeDerived(d, obs)!;
    expect(r.value).toBeCloseTo(expected, 9);
    expect(r.inputs.every((i) => i.indicator.startsWith('border_'))).toBe(true);
  });

  it('statuses of the inputs travel with the result', async () => {
    const d = await load();
    const share = computeDerived(d, one(d, { indicator: 'border_arrivals_change', period: '2023-Q4', country: 'CIS', breakdown: 'vs=2023-Q3' })!)!;
    expect(share.inputs.map((i) => i.status)).toEqual(['A', 'A']);
  });
});

describe('audit', () => {
  it('finds nothing in the consistent minimal project', async () => {
    expect(audit(await load())).toEqual([]);
  });

  it('lists every disagreement with both numbers and where they came from, in file order', async () => {
    const findings = audit(await load(join(FIXTURES, 'audit')));
    expect(findings.map((f) => [f.code, f.at.line, f.published, f.computed === undefined ? undefined : Math.round(f.computed * 10) / 10, f.inputs.map((i) => i.line)])).toEqual([
      // CIS 2023-Q3: KGZ missing, but the parts present already exceed the total.
      ['audit/total-vs-parts', 4, 140, 150, [2, 3]],
      // CIS 2023-Q4: all members present, and they sum to something else.
      ['audit/total-vs-parts', 8, 250, 200, [5, 6, 7]],
      ['audit/derived-differs', 9, 30, 24, [6, 8]],
      ['audit/derived-differs', 11, 11.1, 78.6, [8, 4]],
      // 2023-Q2 missing; 2024-Q1 is an explicit M row, so no gap before it.
      ['audit/gap', 13, undefined, undefined, [12, 13]],
    ]);
    expect(findings[3].message).toBe(
      'published border_arrivals_change (CIS, vs=2023-Q3, 2023-Q4) is 11.1, computed from the data it is 78.6 (100 × (border_arrivals(CIS, 2023-Q4) / border_arrivals(CIS, 2023-Q3) − 1); from 250 at data/observations/obs.csv:8, 140 at data/observations/obs.csv:4)',
    );
  });
});

describe('the interval rule: a published figure against every value its rounded inputs allow', () => {
  it.each([
    ['125.6', 'usd_million', 125.55, 125.65],
    ['198', 'usd_million', 197.5, 198.5],
    ['48.0', 'percent', 47.95, 48.05],
    ['-22.25', 'percent', -22.255, -22.245],
    ['8230', 'persons', 8230, 8230], // people are counted: a whole count is exact
    ['12.5', 'persons', 12.45, 12.55],
  ] as const)('printed %s (%s) stands for [%d, %d]', (raw, unit, low, high) => {
    const r = printedRange({ value: Number(raw), raw, unit });
    expect(r.low).toBeCloseTo(low, 9);
    expect(r.high).toBeCloseTo(high, 9);
  });

  it.each([
    [{ low: 14.873, high: 14.887 }, 14.8, 1, false],
    [{ low: 14.873, high: 14.887 }, 14.9, 1, true],
    [{ low: 2.4, high: 2.44 }, 2.5, 1, false],
    [{ low: 2.4, high: 2.45 }, 2.5, 1, true], // a half counts either way
    [{ low: -19.54, high: -19.1 }, -19.2, 1, true],
    [{ low: 9174, high: 9174 }, 9528, 0, false],
    [{ low: 0.1 + 0.2, high: 0.1 + 0.2 }, 0.3, 1, true], // binary floating point is no disagreement
  ])('range %o rounds to %d at %d decimals: %s', (range, published, decimals, expected) => {
    expect(roundsTo(range, published, decimals)).toBe(expected);
  });

  // A tiny in-memory dataset: one amount (usd_million), one count (persons), their shares,
  // changes and a balance; countries RUS, KGZ in the group CIS.
  const at = { file: 't.csv', line: 1 };
  const indicator = (id: string, unit: Unit, kind: IndicatorKind, base: string[] = []): [string, Indicator] => [id, { id, unit, kind, base, names: {}, at }];
  const country = (code: string, groups: string[] = []): [string, Country] => [code, { code, isGroup: groups.length === 0 && code === 'CIS', groups, names: {}, at }];
  const reference = {
    indicators: new Map([
      indicator('remit', 'usd_million', 'amount'),
      indicator('remit_share', 'percent', 'share', ['remit']),
      indicator('remit_change', 'percent', 'change_pct', ['remit']),
      indicator('arrivals', 'persons', 'count'),
      indicator('departures', 'persons', 'count'),
      indicator('arrivals_share', 'percent', 'share', ['arrivals']),
      indicator('arrivals_change', 'percent', 'change_pct', ['arrivals']),
      indicator('balance', 'persons', 'balance', ['arrivals', 'departures']),
    ]),
    countries: new Map([country('CIS'), country('RUS', ['CIS']), country('KGZ', ['CIS'])]),
    regions: new Map(),
    sources: new Map(),
  };
  type Row = [indicator: string, period: string, country: string, breakdown: string, raw: string];
  const datasetOf = (rows: Row[]): Dataset => ({
    root: '',
    files: [],
    reference,
    narratives: new Map(),
    observations: rows.map(([id, p, c, breakdown, raw], i): Observation => ({
      indicator: id,
      period: period(p),
      country: c,
      region: '',
      breakdown,
      value: Number(raw),
      raw,
      unit: reference.indicators.get(id)!.unit,
      status: 'A',
      source: 's',
      at: { file: 't.csv', line: i + 2 },
    })),
  });

  it.each<[string, Row[], boolean]>([
    // Sample data, remittances to Russia: 198 / 245.4 gives −19.315…, printed −19.3, yet 198 may be
    // anything from 197.5 to 198.5, so the published −19.2 is within reach.
    ['passes only thanks to input rounding: −19.2 from 198 and 245.4', [['remit', '2023', 'RUS', '', '198'], ['remit', '2022', 'RUS', '', '245.4'], ['remit_change', '2023', 'RUS', 'vs=2022', '-19.2']], false],
    ['the same inputs printed to 0.1 no longer allow −19.2', [['remit', '2023', 'RUS', '', '198.0'], ['remit', '2022', 'RUS', '', '245.4'], ['remit_change', '2023', 'RUS', 'vs=2022', '-19.2']], true],
    // Sample data, remittances from Kyrgyzstan: 19.2 / 351.9 = 5.456 (5.5), but [5.441, 5.471] reaches 5.4.
    ['a share passes thanks to input rounding: 5.4 from 19.2 of 351.9', [['remit', '2022', 'KGZ', '', '19.2'], ['remit', '2022', 'CIS', '', '351.9'], ['remit_share', '2022', 'KGZ', 'whole=CIS', '5.4']], false],
    ['a share beyond even the rounded inputs: 14.8 from 125.6 of 844.1 (at least 14.873)', [['remit', '2022', 'KGZ', '', '125.6'], ['remit', '2022', 'CIS', '', '844.1'], ['remit_share', '2022', 'KGZ', 'whole=CIS', '14.8']], true],
    // Sample data, Mongolia: 8,230 of 287,057 arrivals is 2.867%, published as 2.8; counts are exact.
    ['whole-number counts still fail: 2.8 from 8230 of 287057', [['arrivals', '2023', 'KGZ', '', '8230'], ['arrivals', '2023', 'CIS', '', '287057'], ['arrivals_share', '2023', 'KGZ', 'whole=CIS', '2.8']], true],
    ['whole-number counts agree: 2.9 from 8230 of 287057', [['arrivals', '2023', 'KGZ', '', '8230'], ['arrivals', '2023', 'CIS', '', '287057'], ['arrivals_share', '2023', 'KGZ', 'whole=CIS', '2.9']], false],
    ['a sign flip is never rounding: +2.7 where 7471 / 7680 is −2.7%', [['arrivals', '2024', '_T', '', '7471'], ['arrivals', '2023', '_T', '', '7680'], ['arrivals_change', '2024', '_T', 'vs=2023', '2.7']], true],
    ['a balance of counts is exact: 9528 where 21584 − 12410 = 9174', [['arrivals', '2023', 'CIS', '', '21584'], ['departures', '2023', 'CIS', '', '12410'], ['balance', '2023', 'CIS', '', '9528']], true],
    ['a share of a computed total sums the ranges of its parts', [['remit', '2022', 'RUS', '', '1.2'], ['remit', '2022', 'KGZ', '', '1.2'], ['remit_share', '2022', 'KGZ', 'whole=CIS', '51']], false],
  ])('%s', (_, rows, differs) => {
    const findings = audit(datasetOf(rows)).filter((f) => f.code === 'audit/derived-differs');
    expect(findings.map((f) => f.at.line)).toEqual(differs ? [rows.length + 1] : []);
    if (differs) {
      const f = findings[0];
      expect(f.computedRange!.low <= f.computed! && f.computed! <= f.computedRange!.high).toBe(true);
    }
  });

  it('a closed total is judged by the range of its parts too', () => {
    const rows: Row[] = [['remit', '2022', 'RUS', '', '1.2'], ['remit', '2022', 'KGZ', '', '1.2'], ['remit', '2022', 'CIS', '', '2.5']];
    expect(audit(datasetOf(rows))).toEqual([]);
    rows[2][4] = '2.6'; // 1.25 + 1.25 = 2.5 at most
    expect(audit(datasetOf(rows)).map((f) => [f.code, f.published])).toEqual([['audit/total-vs-parts', 2.6]]);
  });
});

describe.runIf(existsSync('data/reference/indicators.csv'))('audit of the sample data', () => {
  it.each([
    ['prp_balance', 'CIS', 9528, '9174'],
    ['prp_balance', 'NONCIS', -184, '209'],
    ['remittances_out_change', 'KGZ', -22.2, '-66.8'],
    ['pr_arrivals_change', '_T', 2.7, '-2.7'],
    ['pr_departures_change', '_T', -42.1, '42.1'],
  ])('finds %s for %s: printed %d, computed %s', async (indicator, country, published, computed) => {
    const findings = audit(await loadProject('data'));
    const f = findings.find((x) => x.code === 'audit/derived-differs' && x.message.startsWith(`published ${indicator} (${country},`) && x.published === published);
    expect(f, `no finding for ${indicator} ${country}`).toBeDefined();
    const decimals = String(published).split('.')[1]?.length ?? 0;
    expect(f!.computed!.toFixed(decimals)).toBe(computed);
  });

  it.each([
    ['remittances_out_change', 'RUS', -19.2, false], // 198 / 245.4: 198 may be 197.5 … 198.5
    ['remittances_in_share', 'KGZ', 5.4, false], // 19.2 / 351.9 reaches 5.45
    ['border_arrivals_share', 'MNG', 2.8, true], // 8,230 / 287,057 = 2.867%: counts are exact
    ['border_departures_share', 'DEU', 4.5, true], // 14,477 / 317,390 = 4.561%
    ['remittances_out_share', 'UZB', 14.8, true], // 125.6 / 844.1 is at least 14.873%
  ])('%s for %s printed %d: reported %s', async (indicator, country, published, reported) => {
    const findings = audit(await loadProject('data'));
    const f = findings.find((x) => x.code === 'audit/derived-differs' && x.message.startsWith(`published ${indicator} (${country},`) && x.published === published);
    expect(f !== undefined).toBe(reported);
  });
});
