// Benchmark: renderCharts of the ten charts an IOM quarterly report draws, cold (specs not compiled) and warm.
import { readFileSync, readdirSync } from 'node:fs';
import { defaultKind } from '../kinds/load.ts';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ChartInput, renderCharts } from './index.ts';
import { clearChartCache } from './spec.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The golden sample inputs, repeated under distinct ids up to `count` charts of the default kind. */
function reportCharts(count: number): ChartInput[] {
  const dir = join(root, 'test/charts/golden');
  const samples = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { template: string; input: ChartInput })
    .filter((c) => c.template === defaultKind())
    .map((c) => c.input);
  return Array.from({ length: count }, (_, i) => ({ ...samples[i % samples.length], id: `chart-${i + 1}` }));
}

export async function benchCharts(count = 10, warmRuns = 7): Promise<{ coldMs: number; warmMs: number }> {
  const inputs = reportCharts(count);
  const opts = { templateDir: join(root, 'templates', defaultKind()), lang: 'en' };
  clearChartCache();
  let t = performance.now();
  await renderCharts(inputs, opts);
  const coldMs = performance.now() - t;
  const runs: number[] = [];
  for (let i = 0; i < warmRuns; i++) {
    t = performance.now();
    await renderCharts(inputs, opts);
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  return { coldMs: Math.round(coldMs * 10) / 10, warmMs: Math.round(runs[Math.floor(runs.length / 2)] * 10) / 10 };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t = performance.now();
  const result = await benchCharts();
  console.log(JSON.stringify({ ...result, processMs: Math.round(performance.now() - t) }));
}
