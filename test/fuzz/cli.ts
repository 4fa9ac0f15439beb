// npm run fuzz -- [--runs 2000] [--seed N] [--property run|swap|scale|shuffle|rename] [--path P] [--out fuzz-failures] [--no-html]
//                  [--lang en,ru,kk | all]  (the languages the run property writes each report in; all by default)
//
// Runs every property on generated data folders: the run property `--runs` times, each metamorphic property
// ceil(runs / 4) times. A failure whose signature was not seen before is shrunk by fast-check; the minimal folder
// is written to <out>/<seed>-<path>/ (a metamorphic property's transformed folder to …/variant/) with the
// commands that reproduce it, and the search goes on for other defects (a defect already recorded is counted
// but not shrunk again). The last line is always `N datasets, M reports, K claims verified, F failures`; the exit
// code is 1 when F > 0.
import { writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { REPO, removeOrphanedFolders, removeTemporaryFolders } from './generate.ts';
import { allProperties, type FuzzProperty, type Outcome } from './properties.ts';
import type { Failure } from './run.ts';
import { LOCALES } from '../../src/narrate/index.ts';
import { onInterrupt } from '../../src/publish/interrupt.ts';

function args(argv: string[]): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const [k, v] = a.slice(2).split('=', 2);
    if (v !== undefined) out[k] = v;
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) out[k] = argv[++i];
    else out[k] = true;
  }
  return out;
}

interface Recorded {
  signature: string;
  property: string;
  dir: string;
  hits: number;
  failures: Failure[];
}

async function main(): Promise<number> {
  const o = args(process.argv.slice(2));
  const runs = Number(o.runs ?? 200);
  const baseSeed = o.seed !== undefined ? Number(o.seed) : Date.now() % 2 ** 31;
  const outDir = resolve(REPO, String(o.out ?? 'fuzz-failures'));
  const only = typeof o.property === 'string' ? o.property : undefined;
  const path = typeof o.path === 'string' ? o.path : undefined;
  const registered = Object.keys(LOCALES);
  const langs = o.lang === undefined || o.lang === 'all' ? registered : String(o.lang).split(',');
  for (const l of langs) if (!registered.includes(l)) throw new Error(`unknown language ${l}: use ${registered.join(', ')} or all`);
  const props = allProperties({ html: !o['no-html'], langs }).filter((p) => !only || p.name === only);
  if (props.length === 0) throw new Error(`unknown property ${only}`);
  process.stderr.write(`fuzz: seed ${baseSeed}, ${runs} runs (metamorphic properties ${Math.ceil(runs / 4)} each), languages ${langs.join(', ')}\n`);
  const orphaned = removeOrphanedFolders();
  if (orphaned) process.stderr.write(`fuzz: removed ${orphaned} temporary data folder(s) left by interrupted runs\n`);

  let datasets = 0;
  let reports = 0;
  let claims = 0;
  let failures = 0;
  const known = new Map<string, Recorded>();

  for (const [index, prop] of props.entries()) {
    let remaining = only ? runs : prop.name === 'run' ? runs : Math.ceil(runs / 4);
    let seed = only ? baseSeed : (baseSeed + index * 7919) % 2 ** 31;
    const started = performance.now();
    while (remaining > 0) {
      const calls: Outcome[] = [];
      const property = fc.asyncProperty(prop.arb, async (input) => {
        const outcome = await prop.check(input);
        calls.push(outcome);
        return outcome.failures.every((f) => known.has(f.signature));
      });
      const details = await fc.check(property, { numRuns: remaining, seed, ...(path ? { path } : {}) });
      const executed = Math.max(1, details.numRuns);
      for (const c of calls.slice(0, executed)) {
        datasets++;
        reports += c.reports;
        claims += c.claims;
        failures += c.failures.length;
        for (const f of c.failures) {
          const k = known.get(f.signature);
          if (k) k.hits++;
        }
      }
      if (details.failed && details.counterexample) {
        const input = details.counterexample[0];
        const outcome = await prop.check(input);
        const fresh = outcome.failures.filter((f) => !known.has(f.signature));
        const name = `${details.seed}-${shortPath(details.counterexamplePath ?? '')}`;
        const dir = join(outDir, name);
        prop.write(input, dir);
        report(prop, dir, details.seed, details.counterexamplePath ?? '', fresh.length ? fresh : outcome.failures);
        for (const f of fresh.length ? fresh : outcome.failures)
          if (!known.has(f.signature)) known.set(f.signature, { signature: f.signature, property: prop.name, dir, hits: 1, failures: [f] });
        if (!fresh.length) process.stderr.write(`  (the shrunk case no longer shows a new failure: ${String(details.errorInstance).slice(0, 300)})\n`);
      }
      if (path) break;
      remaining -= executed;
      seed = (seed + 1) % 2 ** 31;
    }
    process.stderr.write(`fuzz: property ${prop.name} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }

  if (known.size) {
    process.stdout.write(`\nDistinct failures (${known.size}):\n`);
    for (const r of known.values()) process.stdout.write(`  [${r.property}] ${r.signature}  — ${r.hits} hit(s), ${relative(REPO, r.dir)}\n`);
  }
  process.stdout.write(`${datasets} datasets, ${reports} reports, ${claims} claims verified, ${failures} failures\n`);
  return failures > 0 ? 1 : 0;
}

/** A fast-check path as a folder name: runs of one step written once with a count ("0:0:0:1" → "0x3.1"). */
function shortPath(path: string): string {
  const parts: string[] = [];
  const steps = path.split(':');
  for (let i = 0; i < steps.length; ) {
    let j = i;
    while (j < steps.length && steps[j] === steps[i]) j++;
    parts.push(j - i > 1 ? `${steps[i]}x${j - i}` : steps[i]);
    i = j;
  }
  const s = parts.join('.');
  return s.length <= 80 ? s : `${s.slice(0, 60)}…${s.length}`;
}

function report(prop: FuzzProperty<unknown>, dir: string, seed: number, path: string, failures: Failure[]): void {
  const rel = relative(REPO, dir);
  const lines: string[] = [`property: ${prop.name}`, `fast-check seed: ${seed}, path: ${path}`, `replay: npm run fuzz -- --property ${prop.name} --seed ${seed} --path ${path}`, ''];
  const seen = new Set<string>();
  for (const f of failures) {
    lines.push(`${f.kind}${f.template ? ` ${f.template} ${f.period}` : ''}: ${f.message}`, `  signature: ${f.signature}`);
    const key = `${f.template} ${f.period}`;
    if (f.template && !seen.has(key)) {
      seen.add(key);
      lines.push(`  repro: npx migreport text --data ${rel} --period ${f.period} --template ${f.template}`);
      if (prop.name !== 'run') lines.push(`  repro (variant): npx migreport text --data ${rel}/variant --period ${f.period} --template ${f.template}`);
    } else if (!f.template) lines.push(`  repro: npx migreport validate --data ${rel}`);
  }
  writeFileSync(join(dir, 'FAILURE.txt'), lines.join('\n') + '\n');
  process.stdout.write(`\nFAILURE [${prop.name}] → ${rel}/\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
}

// Interrupted (Ctrl-C, SIGTERM, SIGHUP), the run removes the temporary data folders it was working on and exits
// 130/143/129, as the program does (src/publish/interrupt.ts); they are removed as each dataset is done otherwise, so
// a run that ends by itself leaves none either.
onInterrupt(removeTemporaryFolders);

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
