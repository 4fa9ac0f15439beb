// Facts-and-sentences benchmark: the whole IOM report and the BNS release (facts, sentences, self-check), warm.
// Run: node --import tsx bench/facts.ts
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProject } from '../src/load/index.ts';
import { narrate } from '../src/narrate/index.ts';

const DATA = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'data');

/** Median time of one report's facts and sentences after warm-up, in milliseconds (the slower of the two templates). */
export async function benchFacts(opts: { runs?: number; warmup?: number } = {}): Promise<{ warmMs: number; iomMs: number; bnsMs: number }> {
  const dataset = await loadProject(DATA);
  const runs = opts.runs ?? 30;
  const warmup = opts.warmup ?? 5;
  const time = (template: 'iom-quarterly' | 'bns-release', period: string): number => {
    for (let i = 0; i < warmup; i++) narrate(dataset, { template, period, lang: 'en' });
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      narrate(dataset, { template, period, lang: 'en' });
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    return ms[Math.floor(ms.length / 2)];
  };
  const iomMs = time('iom-quarterly', '2023-Q4');
  const bnsMs = time('bns-release', '2024-Q1');
  return { warmMs: Math.max(iomMs, bnsMs), iomMs, bnsMs };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await benchFacts();
  process.stdout.write(`facts + sentences, warm median: IOM ${r.iomMs.toFixed(2)} ms, BNS ${r.bnsMs.toFixed(2)} ms (budget 20 ms)\n`);
}
