// Fuzzing: the properties, shared by the CLI (npm run fuzz) and the fixed-seed sample in npm test.
//
//   run      every report of a generated folder narrates, renders to text and HTML, and passes the verifier
//   swap     swapping the values of the two compared periods flips every direction word, keeps every magnitude
//   scale    multiplying every count and amount by k keeps every percentage figure
//   shuffle  shuffling the rows of every observation file and of countries.csv keeps text and HTML byte-identical
//   rename   renaming one country (name_en) changes only that name in the text
//
// A property's `check` returns the failures of one input (empty: it holds); `write` puts the input on disk as
// the data folder(s) a person reruns.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { nameOf, removeDir, renameCountry, scaleCounts, shuffleRows, specArb, swapPeriods, writeSpec, type Spec } from './generate.ts';
import {
  compareIdentical,
  compareRename,
  compareScale,
  compareSwap,
  load,
  paragraphsOf,
  report,
  reportPeriods,
  runFolder,
  type Failure,
  type ReportOutput,
  type VerifyReport,
} from './run.ts';

export interface Outcome {
  reports: number;
  claims: number;
  failures: Failure[];
}

export interface FuzzProperty<T> {
  name: string;
  arb: fc.Arbitrary<T>;
  check(input: T): Promise<Outcome>;
  /** Writes the input's data folder to `dir` (and a variant under `dir/variant` for a metamorphic property). */
  write(input: T, dir: string): void;
  spec(input: T): Spec;
}

const none: Outcome = { reports: 0, claims: 0, failures: [] };

async function withFolders<R>(specs: Spec[], f: (dirs: string[]) => Promise<R>): Promise<R> {
  const dirs = specs.map((s) => writeSpec(s));
  try {
    return await f(dirs);
  } finally {
    for (const d of dirs) removeDir(d);
  }
}

function writeTwo(a: Spec, b: Spec, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  writeSpec(a, dir);
  mkdirSync(join(dir, 'variant'), { recursive: true });
  writeSpec(b, join(dir, 'variant'));
}

/**
 * Runs every report of the original folder and of its variant, and compares each pair with `compare`. A report
 * that fails on the original is the run property's business; one that fails only on the variant is a failure here.
 */
async function metamorphic(
  kind: string,
  a: Spec,
  b: Spec,
  opts: { html: boolean },
  compare: (x: ReportOutput, y: ReportOutput) => string | undefined,
): Promise<Outcome> {
  return withFolders([a, b], async ([da, db]) => {
    const [la, lb] = [await load(da), await load(db)];
    if (!la.ds) return none;
    if (!lb.ds) return { reports: 0, claims: 0, failures: lb.failures.map((f) => ({ ...f, kind, signature: `${kind} variant-load ${f.signature}` })) };
    const failures: Failure[] = [];
    let reports = 0;
    for (const { template, period } of reportPeriods(la.ds)) {
      const x = await report(la.ds, la.findings, template, period, opts);
      if (x.error) continue;
      const y = await report(lb.ds, lb.findings, template, period, opts);
      reports++;
      if (y.error) {
        failures.push({ kind, template, period, message: `only the variant fails: ${y.error.message}`, signature: `${kind} variant-error ${y.error.signature}` });
        continue;
      }
      const why = compare(x, y);
      if (why) failures.push({ kind, template, period, message: why, signature: `${kind} ${template} ${why.split(/[:(\n]/)[0].replace(/\d+/g, '#')}` });
    }
    return { reports, claims: 0, failures };
  });
}

export function runProperty(opts: { html?: boolean; verify?: VerifyReport | null; langs?: string[] } = {}): FuzzProperty<Spec> {
  return {
    name: 'run',
    arb: specArb(),
    spec: (s) => s,
    write: (s, dir) => (rmSync(dir, { recursive: true, force: true }), writeSpec(s, dir)),
    check: (spec) =>
      withFolders([spec], async ([dir]) => {
        const r = await runFolder(dir, { html: opts.html ?? true, verify: opts.verify, langs: opts.langs });
        return { reports: r.reports.length, claims: r.claims, failures: r.failures };
      }),
  };
}

export function swapProperty(): FuzzProperty<Spec> {
  return {
    name: 'swap',
    arb: specArb({ swapSafe: true }),
    spec: (s) => s,
    write: (s, dir) => writeTwo(s, swapPeriods(s), dir),
    check: (spec) =>
      spec.swaps.length === 0 ? Promise.resolve(none) : metamorphic('swap', spec, swapPeriods(spec), { html: false }, (x, y) => compareSwap(paragraphsOf(x.model!), paragraphsOf(y.model!))),
  };
}

type Scaled = [Spec, number];
export function scaleProperty(): FuzzProperty<Scaled> {
  return {
    name: 'scale',
    arb: fc.tuple(specArb(), fc.constantFrom(2, 3, 7, 10, 1000)),
    spec: ([s]) => s,
    write: ([s, k], dir) => writeTwo(s, scaleCounts(s, k), dir),
    check: ([spec, k]) => metamorphic('scale', spec, scaleCounts(spec, k), { html: false }, (x, y) => compareScale(x.text!, y.text!)),
  };
}

type Shuffled = [Spec, number[]];
export function shuffleProperty(): FuzzProperty<Shuffled> {
  return {
    name: 'shuffle',
    arb: fc.tuple(specArb(), fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 64 })),
    spec: ([s]) => s,
    write: ([s, order], dir) => writeTwo(s, shuffleRows(s, order), dir),
    check: ([spec, order]) =>
      metamorphic('shuffle', spec, shuffleRows(spec, order), { html: true }, (x, y) => compareIdentical(x.text!, y.text!, 'text') ?? compareIdentical(x.html!, y.html!, 'HTML')),
  };
}

type Renamed = [Spec, number, string];
/** The country renamed: one of the countries the rows name (not a group), picked by index. */
export function renamedCode(spec: Spec, index: number): string | undefined {
  const groups = new Set(spec.countries.filter((r) => r[1] === 'group').map((r) => r[0]));
  const used = [...new Set(spec.rows.map((r) => r.country))].filter((c) => /^[A-Z]{3}$/.test(c) && !groups.has(c)).sort();
  return used.length ? used[index % used.length] : undefined;
}

export function renameProperty(): FuzzProperty<Renamed> {
  const variant = ([s, i, name]: Renamed) => {
    const code = renamedCode(s, i);
    return code ? renameCountry(s, code, name) : s;
  };
  return {
    name: 'rename',
    arb: fc.tuple(specArb(), fc.nat(), fc.stringMatching(/^[A-Z][a-z]{2,8}( [A-Z][a-z]{2,8})?$/).map((n) => `Xw${n}`)),
    spec: ([s]) => s,
    write: (input, dir) => writeTwo(input[0], variant(input), dir),
    check: (input) => {
      const code = renamedCode(input[0], input[1]);
      if (!code) return Promise.resolve(none);
      const oldName = nameOf(input[0], code);
      return metamorphic('rename', input[0], variant(input), { html: false }, (x, y) => compareRename(x.text!, y.text!, oldName, input[2]));
    },
  };
}

/** `langs`: the languages the run property writes every report in (the metamorphic ones compare English texts). */
export function allProperties(opts: { html?: boolean; langs?: string[] } = {}): FuzzProperty<unknown>[] {
  return [runProperty(opts), swapProperty(), scaleProperty(), shuffleProperty(), renameProperty()] as FuzzProperty<unknown>[];
}
