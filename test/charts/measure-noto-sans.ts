// Regenerates src/charts/noto-sans-widths.json: advance widths of Noto Sans (em units), measured in Chromium.
// Run when @fontsource/noto-sans changes: npx tsx test/charts/measure-noto-sans.ts
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const files = join(root, 'node_modules/@fontsource/noto-sans/files');
const subsets = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext'];
const weights = [400, 700];
const ranges: [number, number][] = [
  [0x20, 0x7e], [0xa0, 0x17f], [0x400, 0x4ff], [0x2010, 0x2030], [0x2212, 0x2212], [0x20b8, 0x20b8], [0x20bd, 0x20bd],
];
const chars: string[] = [];
for (const [from, to] of ranges) for (let c = from; c <= to; c++) chars.push(String.fromCodePoint(c));

const faces = weights
  .flatMap((w) => subsets.map((s) => {
    const data = readFileSync(join(files, `noto-sans-${s}-${w}-normal.woff2`)).toString('base64');
    return `@font-face{font-family:'Measure';font-weight:${w};src:url(data:font/woff2;base64,${data})}`;
  }))
  .join('\n');
const html = `<!doctype html><meta charset="utf-8"><style>${faces}</style><pre id="out">pending</pre><script>
const chars = ${JSON.stringify(chars)}, weights = ${JSON.stringify(weights)};
Promise.all(weights.map((w) => document.fonts.load(w + ' 1000px Measure', chars.join('')))).then(() => {
  const ctx = document.createElement('canvas').getContext('2d');
  const out = {};
  for (const w of weights) {
    ctx.font = w + ' 1000px Measure';
    out[w] = Object.fromEntries(chars.map((c) => [c, Math.round(ctx.measureText(c).width) / 1000]));
  }
  document.getElementById('out').textContent = JSON.stringify(out);
});
</script>`;

const dir = mkdtempSync(join(tmpdir(), 'measure-'));
try {
  writeFileSync(join(dir, 'm.html'), html);
  const dom = execFileSync('/usr/bin/chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', `--user-data-dir=${join(dir, 'profile')}`, '--virtual-time-budget=10000',
    '--dump-dom', `file://${join(dir, 'm.html')}`,
  ], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const json = /<pre id="out">([^<]*)<\/pre>/.exec(dom)?.[1];
  if (!json || json === 'pending') throw new Error('Chromium did not finish measuring');
  const widths = JSON.parse(json.replace(/&nbsp;/g, '\u00a0').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
  writeFileSync(join(root, 'src/charts/noto-sans-widths.json'), JSON.stringify(widths) + '\n');
  console.log(`measured ${chars.length} characters in ${weights.length} weights`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
