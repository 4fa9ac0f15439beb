// A fixed-seed sample of the fuzzing properties (the full search is `npm run fuzz`), and proof that each
// property can fail: every comparison is fed a deliberately broken output and must object.
//
// The sample asserts what must hold. While src/ has the defects the fuzzing finds (a country in two groups
// crashes, a ratio of 1.0 or a 0.04% change stops the build, …), the run property fails here: that is the
// test doing its job, not a test to relax.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { removeDir, renameCountry, scaleCounts, shuffleRows, specArb, swapPeriods, writeSpec, nameOf, type Spec } from './generate.ts';
import { allProperties, renamedCode, runProperty, type FuzzProperty } from './properties.ts';
import { classify, compareIdentical, compareRename, compareScale, compareSwap, load, paragraphsOf, report, reportPeriods, type ReportOutput } from './run.ts';

const SEED = 20251129;
const RUNS: Record<string, number> = { run: 60, swap: 60, scale: 40, shuffle: 25, rename: 40 };

function asserted<T>(p: FuzzProperty<T>) {
  return fc.asyncProperty(p.arb, async (input) => {
    const { failures } = await p.check(input);
    if (failures.length) throw new Error(failures.map((f) => `${f.kind} ${f.template ?? ''} ${f.period ?? ''}: ${f.message}`).join('\n'));
  });
}

describe('fuzz: fixed-seed sample', () => {
  it('every generated folder passes loadProject', async () => {
    for (const spec of fc.sample(specArb(), { numRuns: 30, seed: SEED })) {
      const dir = writeSpec(spec);
      try {
        const { ds, failures } = await load(dir);
        expect(failures.map((f) => f.message)).toEqual([]);
        expect(ds!.observations.length).toBeGreaterThan(0);
      } finally {
        removeDir(dir);
      }
    }
  });

  // Shrinking is the CLI's job (npm run fuzz writes the minimal folder); here the first failure ends the run.
  for (const p of allProperties({ html: true }))
    it(`property ${p.name} holds`, async () => {
      await fc.assert(asserted(p), { seed: SEED, numRuns: RUNS[p.name], endOnFailure: true });
    });
});

// ── Each property can fail ───────────────────────────────────────────────────────────────────────────

async function outputs(spec: Spec, html = false): Promise<ReportOutput[]> {
  const dir = writeSpec(spec);
  try {
    const { ds, findings } = await load(dir);
    const out: ReportOutput[] = [];
    for (const { template, period } of reportPeriods(ds!)) out.push(await report(ds!, findings, template, period, { html }));
    return out.filter((r) => !r.error);
  } finally {
    removeDir(dir);
  }
}

/** The first generated folder (fixed seed) whose outputs satisfy `want`. */
async function findSpec(arb: fc.Arbitrary<Spec>, want: (r: ReportOutput[]) => boolean, html = false): Promise<{ spec: Spec; out: ReportOutput[] }> {
  for (const spec of fc.sample(arb, { numRuns: 40, seed: SEED + 1 })) {
    const out = await outputs(spec, html);
    if (want(out)) return { spec, out };
  }
  throw new Error('no generated folder fits');
}

describe('fuzz: each property can fail', () => {
  it('run: a thrown error, a user error and a verifier failure are each a failure', async () => {
    expect(classify(new Error('duplicate fact id prp.issued.ukr.level'))[0]).toMatchObject({ kind: 'crash' });
    expect(classify(new UserError({ code: 'narrate/x', message: 'm' }), 'bns-release', '2024-Q1')[0]).toMatchObject({ kind: 'user-error', template: 'bns-release' });
    const [spec] = fc.sample(specArb(), { numRuns: 1, seed: SEED });
    const objecting = runProperty({ html: false, verify: (_ds, model) => ({ claims: 3, failures: model.findings.concat(model.sections.flatMap((s) => s.paragraphs.flat())).slice(0, 1).map((s) => ({ where: 'finding 1', text: s.text, reason: 'deliberately refused' })) }) });
    const r = await objecting.check(spec);
    expect(r.reports).toBeGreaterThan(0);
    expect(r.claims).toBeGreaterThan(0);
    expect(r.claims % 3).toBe(0);
    expect(r.failures.some((f) => f.kind === 'verify' && /deliberately refused/.test(f.message))).toBe(true);
  });

  it('swap: an unflipped direction word or a changed magnitude is caught', async () => {
    const swapSafe = specArb({ swapSafe: true });
    const { spec, out } = await findSpec(swapSafe, (o) => o.some((r) => /\b(fell|rose)\b/.test(paragraphsOf(r.model!).flatMap((s) => s.paragraphs).join(' '))));
    const swapped = await outputs(swapPeriods(spec));
    const i = out.findIndex((r) => /\b(fell|rose)\b/.test(r.text!));
    const [a, b] = [paragraphsOf(out[i].model!), paragraphsOf(swapped[i].model!)];
    expect(compareSwap(a, a)).toMatch(/not flipped/);
    const broken = b.map((s) => ({ ...s, paragraphs: s.paragraphs.map((p) => p.replace(/\brose\b/, 'fell').replace(/\bfell\b/, 'rose')) }));
    const flipBack = b.map((s) => ({ ...s, paragraphs: s.paragraphs.map((p) => p.replace(/\b(rose|fell)\b/, (w) => (w === 'rose' ? 'fell' : 'rose'))) }));
    expect(compareSwap(a, flipBack) ?? compareSwap(a, broken)).toBeDefined();
    expect(compareSwap([{ id: 's', paragraphs: ['fell by 4.7 percentage points'] }], [{ id: 's', paragraphs: ['rose by 4.8 percentage points'] }])).toMatch(/magnitudes/);
  });

  it('scale: a changed percentage is caught', async () => {
    const { spec, out } = await findSpec(specArb(), (o) => o.some((r) => /\d%/.test(r.text!)));
    const scaled = await outputs(scaleCounts(spec, 10));
    const r = out.find((x) => /\d%/.test(x.text!))!;
    const s = scaled.find((x) => x.template === r.template && x.period === r.period)!;
    expect(compareScale(r.text!, s.text!)).toBeUndefined();
    expect(compareScale(r.text!, s.text!.replace(/(\d)%/, (_m, d) => `${(Number(d) + 1) % 10}%`))).toMatch(/percentage figure/);
  });

  it('shuffle: one byte changed in text or HTML is caught', async () => {
    const { spec, out } = await findSpec(specArb(), (o) => o.length > 0, true);
    const shuffled = await outputs(shuffleRows(spec, [7, 3, 11, 5]), true);
    expect(compareIdentical(out[0].html!, shuffled[0].html!, 'HTML')).toBeUndefined();
    expect(compareIdentical(out[0].html!, shuffled[0].html!.replace('</body>', ' </body>'), 'HTML')).toMatch(/HTML differs/);
    expect(compareIdentical(out[0].text!, out[0].text! + '.', 'text')).toMatch(/text differs/);
  });

  it('rename: the old name left in place, or any other change, is caught', async () => {
    let spec: Spec | undefined;
    let out: ReportOutput[] = [];
    for (const s of fc.sample(specArb(), { numRuns: 40, seed: SEED + 2 })) {
      const code = renamedCode(s, 0);
      out = code ? await outputs(s) : [];
      if (code && out.some((r) => r.text!.includes(nameOf(s, code)))) {
        spec = s;
        break;
      }
    }
    const code = renamedCode(spec!, 0)!;
    const oldName = nameOf(spec!, code);
    const renamed = await outputs(renameCountry(spec!, code, 'Xwfoo Land'));
    const i = out.findIndex((r) => r.text!.includes(oldName));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(compareRename(out[i].text!, renamed[i].text!, oldName, 'Xwfoo Land')).toBeUndefined();
    expect(compareRename(out[i].text!, renamed[i].text!.replace('Xwfoo Land', oldName), oldName, 'Xwfoo Land')).toMatch(/appears/);
    expect(compareRename(out[i].text!, renamed[i].text!.replace(/\d/, 'x'), oldName, 'Xwfoo Land')).toMatch(/differs/);
  });
});
