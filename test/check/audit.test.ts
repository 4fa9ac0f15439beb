// The audit and the shared derivation: totals against parts, derived figures at printed precision, gaps.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/check/audit.ts';
import { computeDerived, partnerTotal } from '../../src/derive.ts';
import { loadProject } from '../../src/load/index.ts';
import { one } from '../../src/query.ts';
import { FIXTURES, projectWith } from '../load/helpers.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
async function load(caseDir?: string) {
  const root = projectWith(caseDir);
  roots.push(root);
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
});
