import { describe, expect, it } from 'vitest';
import { text } from '../../src/commands/text.ts';
import { pinsOf, selectFindings, candidates } from '../../src/narrate/findings.ts';
import { computeFacts } from '../../src/compare/index.ts';
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

  it('rejects an unknown template and a bad period as user errors', async () => {
    const { io } = capture();
    await expect(text({ data: DATA_DIR, template: 'nope', lang: 'en' }, io)).rejects.toBeInstanceOf(UserError);
    await expect(text({ data: DATA_DIR, period: '2023-Q9', lang: 'en' }, io)).rejects.toBeInstanceOf(UserError);
    await expect(text({ data: DATA_DIR, lang: 'xx' }, io)).rejects.toBeInstanceOf(UserError);
  });
});

describe('key findings from report.yaml', () => {
  it('pins come first, drops are left out, unknown ids are user errors', async () => {
    const ds = await sampleDataset();
    const { facts } = computeFacts(ds, { template: 'iom-quarterly', period: '2023-Q4' });
    const known = (id: string) => facts.byId.has(id);
    const { pin, drop } = pinsOf({ findings: { pin: ['trp.total.level'], drop: ['flows.arrivals.total.change'] } }, known);
    const chosen = selectFindings(candidates(facts.all()), (id) => facts.byId.get(id), pin, drop);
    expect(chosen.map((f) => f.id)).not.toContain('flows.arrivals.total.change');
    expect(chosen.length).toBeLessThanOrEqual(5);
    expect(() => pinsOf({ findings: { pin: ['no.such.fact'] } }, known)).toThrow(UserError);
  });
});
