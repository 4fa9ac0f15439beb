import { describe, expect, it } from 'vitest';
import { text } from '../../src/commands/text.ts';
import { narrate } from '../../src/narrate/index.ts';
import { UserError } from '../../src/errors.ts';
import { DATA_DIR, sampleDataset } from '../compare/sample.ts';

function capture() {
  const out: string[] = [];
  return { out, io: { out: (l: string) => out.push(l), err: (l: string) => out.push(`ERR ${l}`) } };
}

describe('migreport text', () => {
  it('prints the sentences section by section', async () => {
    const { out, io } = capture();
    expect(await text({ data: DATA_DIR, period: '2023-Q4', template: 'iom-quarterly', lang: 'en' }, io)).toBe(0);
    const s = out.join('\n');
    expect(s).toContain('Key findings');
    expect(s).toMatch(/2\. Migration inflow and outflow \(October–December 2023\)\n\nIn the fourth quarter of 2023, 3,405,102 arrivals/);
  });

  it('--json gives every fact with its value, formula, provenance and the sentences using it', async () => {
    const { out, io } = capture();
    await text({ data: DATA_DIR, period: '2023-Q4', template: 'iom-quarterly', lang: 'en', json: true }, io);
    const j = JSON.parse(out.join('\n'));
    const kgz = j.facts.find((f: { id: string }) => f.id === 'remittances_out.kgz.change');
    expect(kgz.pct).toBeCloseTo(-66.766, 3);
    expect(kgz.formula).toContain('remittances_out[KGZ]');
    expect(kgz.provenance.map((p: { at: string }) => p.at)).toEqual([expect.stringMatching(/remittances-2023\.csv:\d+$/), expect.stringMatching(/remittances-2023\.csv:\d+$/)]);
    expect(kgz.sentences.length).toBeGreaterThan(0);
    expect(j.sentences.find((s: { id: string }) => s.id === kgz.sentences[0]).text).toContain('Kyrgyzstan (−66.8%)');
  });

  it('--json gives each sentence and each table row with its claims, and what the verifier read', async () => {
    const { out, io } = capture();
    await text({ data: DATA_DIR, period: '2023-Q4', template: 'iom-quarterly', lang: 'en', json: true }, io);
    const j = JSON.parse(out.join('\n'));
    const totals = j.sentences.find((s: { id: string }) => s.id === 'flows.1.1');
    expect(totals.claims.map((c: { states: string }) => c.states)).toEqual(['level 3,405,102 border_arrivals[_T] 2023-Q4', 'level 3,554,434 border_departures[_T] 2023-Q4']);
    const groups = j.tables.find((t: { id: string }) => t.id === 'flows-groups');
    expect(groups.rows[0].claims.map((c: { states: string }) => c.states)).toContain('change pct −22.7 border_arrivals[CIS] 2023-Q4 vs 2023-Q3');
    expect(j.verified).toEqual({ claims: expect.any(Number), failures: 0 });
    expect(j.verified.claims).toBeGreaterThan(300);
  });

  it('rejects an unknown template and a bad period as user errors', async () => {
    const { io } = capture();
    await expect(text({ data: DATA_DIR, template: 'nope', lang: 'en' }, io)).rejects.toBeInstanceOf(UserError);
    await expect(text({ data: DATA_DIR, period: '2023-Q9', lang: 'en' }, io)).rejects.toBeInstanceOf(UserError);
    await expect(text({ data: DATA_DIR, lang: 'xx' }, io)).rejects.toBeInstanceOf(UserError);
  });
});

describe('key findings from report.yaml', () => {
  const withFindings = async (findings: Record<string, string[]>) => {
    const ds = await sampleDataset();
    const n = ds.narratives.get('2023-Q4')!;
    const at = { ...n.at, ...Object.fromEntries(Object.entries(findings).flatMap(([k, ids]) => ids.map((id, i) => [`findings.${k}:${id}`, { file: 'data/narrative/2023-Q4/report.yaml', line: 20 + i, column: 7 }]))) };
    const narratives = new Map(ds.narratives);
    narratives.set('2023-Q4', { ...n, report: { ...n.report, findings }, at });
    return { ...ds, narratives };
  };

  it('pins come first, in their order; drops are left out', async () => {
    const ds = await withFindings({ pin: ['remittances_in.total.change'], drop: ['flows.arrivals.total.change'] });
    const { model } = narrate(ds, { template: 'iom-quarterly', period: '2023-Q4', lang: 'en' });
    expect(model.findings[0].factIds).toContain('remittances_in.total.change');
    expect(model.findings.flatMap((f) => f.factIds)).not.toContain('flows.arrivals.total.change');
    expect(model.findings.length).toBeLessThanOrEqual(6);
  });

  it('an unknown id, or a pin no key finding can state, is an error located where report.yaml names it', async () => {
    const located = (e: unknown) => [(e as UserError).code, (e as UserError).at?.line];
    const unknown = await withFindings({ pin: ['no.such.fact'] });
    expect(located(catching(() => narrate(unknown, { template: 'iom-quarterly', period: '2023-Q4', lang: 'en' })))).toEqual(['narrate/unknown-finding', 20]);
    const rank = await withFindings({ pin: ['flows.arrivals.total.change', 'flows.arrivals.uzb.rank'] });
    expect(located(catching(() => narrate(rank, { template: 'iom-quarterly', period: '2023-Q4', lang: 'en' })))).toEqual(['narrate/unwritable-finding', 21]);
  });

  it('as an editor picks them: the headline totals first, current news before older data, one per series', async () => {
    const ds = await sampleDataset();
    const { model } = narrate(ds, { template: 'iom-quarterly', period: '2023-Q4', lang: 'en' });
    const ids = model.findings.map((f) => f.factIds[0]);
    expect(ids.slice(0, 2)).toEqual(['flows.arrivals.total.change', 'flows.departures.total.change']);
    // Remittances (January–September) are older than the quarter: after every finding on the quarter.
    const firstOld = ids.findIndex((id) => id.startsWith('remittances'));
    expect(firstOld).toBeGreaterThan(1);
    expect(ids.slice(firstOld).every((id) => id.startsWith('remittances'))).toBe(true);
    const series = model.findings.map((f) => f.claims[0].series.indicator + f.claims[0].series.partner);
    expect(new Set(series).size).toBe(series.length);
  });
});

function catching(work: () => unknown): unknown {
  try {
    work();
  } catch (e) {
    return e;
  }
  return undefined;
}
