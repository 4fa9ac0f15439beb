// Facts-and-sentences benchmark: the whole IOM report and the BNS release (facts, sentences, and the verifier:
// every claim re-derived and every text read against its claims), warm; and the verifier's share of that time.
// Run: node --import tsx bench/facts.ts
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProject } from '../src/load/index.ts';
import { narrate } from '../src/narrate/index.ts';

const DATA = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'data');

export interface FactsBench {
  /** The slower template's median wall time, in milliseconds. */
  warmMs: number;
  iomMs: number;
  bnsMs: number;
  /** Median CPU time (user + system, all threads: garbage collection included) per report; far below the wall time on a busy machine. */
  iomCpuMs: number;
  bnsCpuMs: number;
  /** The fastest IOM run: what a quiet machine gives. */
  iomMinMs: number;
  /** The verifier's share of the IOM report's median time (0–1): the same report without verification, compared. */
  verifyShare: number;
  /** Claims verified in the IOM report. */
  iomClaims: number;
}

/**
 * Median time of one report's facts and sentences after warm-up, in milliseconds (the slower of the two templates).
 * Warm means optimised: V8 needs some twenty reports before the sentence code runs optimised (after 5 the median
 * still included unoptimised runs and varied 8–17 ms from run to run).
 */
export async function benchFacts(opts: { runs?: number; warmup?: number } = {}): Promise<FactsBench> {
  const dataset = await loadProject(DATA);
  const runs = opts.runs ?? 40;
  const warmup = opts.warmup ?? 20;
  const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  const time = (template: 'iom-quarterly' | 'bns-release', period: string, verify: 'throw' | 'none' = 'throw') => {
    for (let i = 0; i < warmup; i++) narrate(dataset, { template, period, lang: 'en', verify });
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const c = process.cpuUsage();
      const t = performance.now();
      narrate(dataset, { template, period, lang: 'en', verify });
      wall.push(performance.now() - t);
      const d = process.cpuUsage(c);
      cpu.push((d.user + d.system) / 1000);
    }
    return { wall: median(wall), cpu: median(cpu), min: Math.min(...wall) };
  };
  const iom = time('iom-quarterly', '2023-Q4');
  const bns = time('bns-release', '2024-Q1');
  const unverified = time('iom-quarterly', '2023-Q4', 'none');
  const iomClaims = narrate(dataset, { template: 'iom-quarterly', period: '2023-Q4', lang: 'en' }).verified.claims;
  return {
    warmMs: Math.max(iom.wall, bns.wall), iomMs: iom.wall, bnsMs: bns.wall, iomCpuMs: iom.cpu, bnsCpuMs: bns.cpu, iomMinMs: iom.min,
    verifyShare: Math.max(0, 1 - unverified.wall / iom.wall), iomClaims,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await benchFacts();
  process.stdout.write(
    `facts + sentences + verification, warm median: IOM ${r.iomMs.toFixed(2)} ms (CPU ${r.iomCpuMs.toFixed(2)} ms, fastest ${r.iomMinMs.toFixed(2)} ms; ${r.iomClaims} claims, verifier ${(100 * r.verifyShare).toFixed(0)}% of the time), BNS ${r.bnsMs.toFixed(2)} ms (CPU ${r.bnsCpuMs.toFixed(2)} ms) (budget 20 ms)\n`,
  );
}
