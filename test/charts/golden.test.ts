// Golden SVG per chart spec: fixed sample inputs (golden/<spec>.json) must render to golden/<spec>.svg byte for byte.
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type ChartInput, renderChart } from '../../src/charts/index.ts';
import { compiledChart } from '../../src/charts/spec.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const goldenDir = join(root, 'test/charts/golden');
const cases = readdirSync(goldenDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

interface GoldenCase {
  note: string;
  template: string;
  input: ChartInput;
}

describe('chart goldens', () => {
  it('covers every spec of every template', () => {
    const specs = ['iom-quarterly', 'bns-release'].flatMap((t) =>
      readdirSync(join(root, 'templates', t, 'charts')).filter((f) => f.endsWith('.vl.json')).map((f) => f.replace('.vl.json', '')),
    );
    expect(cases).toEqual([...specs].sort());
  });

  it.each(cases)('%s matches its golden SVG', async (name) => {
    const golden = JSON.parse(readFileSync(join(goldenDir, `${name}.json`), 'utf8')) as GoldenCase;
    const templateDir = join(root, 'templates', golden.template);
    expect((await compiledChart(templateDir, golden.input.spec)).warnings).toEqual([]);
    const { svg } = await renderChart(golden.input, { templateDir, lang: 'en' });

    const goldenFile = join(goldenDir, `${name}.svg`);
    const changedFile = join(goldenDir, `${name}-changed.svg`);
    if (!existsSync(goldenFile)) {
      if (process.env.UPDATE_GOLDEN === '1') {
        writeFileSync(goldenFile, svg);
        return;
      }
      writeFileSync(changedFile, svg);
      throw new Error(`no golden ${name}.svg: look at ${name}-changed.svg, then run with UPDATE_GOLDEN=1`);
    }
    if (readFileSync(goldenFile, 'utf8') !== svg) {
      writeFileSync(changedFile, svg);
      expect.fail(`${name}.svg differs: the new rendering is in ${name}-changed.svg`);
    }
    rmSync(changedFile, { force: true });
  });
});
