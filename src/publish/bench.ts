// Benchmark of the PDF path against its floor: a bare `chromium --headless --print-to-pdf` of the same
// HTML, both cold (fresh process, fresh profile), measured in the same run, alternating.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromiumFlags, findBrowser } from './browser.ts';

function run(command: string, args: string[]): Promise<number> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done(performance.now() - started) : fail(new Error(`${command} exited with ${code}: ${stderr.slice(-500)}`)),
    );
  });
}

const printFile = fileURLToPath(new URL('./print-file.ts', import.meta.url));

/** Times `runs` cold prints each way; the floor is what Chromium alone needs for the same file. */
export async function benchPrint(htmlPath: string, runs = 5): Promise<{ floorMs: number[]; oursMs: number[] }> {
  const browser = findBrowser();
  const work = await mkdtemp(join(tmpdir(), 'migreport-bench-'));
  const floorMs: number[] = [];
  const oursMs: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const profile = join(work, `profile-${i}`);
      floorMs.push(
        await run(browser.path, [
          '--headless',
          ...chromiumFlags,
          `--user-data-dir=${profile}`,
          '--no-pdf-header-footer',
          `--print-to-pdf=${join(work, `floor-${i}.pdf`)}`,
          pathToFileURL(resolve(htmlPath)).href,
        ]),
      );
      oursMs.push(await run(process.execPath, ['--import', 'tsx', printFile, htmlPath, join(work, `ours-${i}.pdf`)]));
    }
  } finally {
    await rm(work, { recursive: true, force: true, maxRetries: 3 });
  }
  return { floorMs, oursMs };
}

export function summarise(ms: number[]): { min: number; median: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  return { min: Math.round(sorted[0]), median: Math.round(sorted[Math.floor(sorted.length / 2)]) };
}

// `npx tsx src/publish/bench.ts [file.html] [runs]`
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const html = process.argv[2] ?? fileURLToPath(new URL('../../test/publish/fixtures/report.html', import.meta.url));
  const { floorMs, oursMs } = await benchPrint(html, Number(process.argv[3] ?? 5));
  const floor = summarise(floorMs);
  const ours = summarise(oursMs);
  console.log(`floor (chromium --headless --print-to-pdf): min ${floor.min} ms, median ${floor.median} ms  [${floorMs.map(Math.round).join(', ')}]`);
  console.log(`ours  (node + tsx + printPdf, cold):         min ${ours.min} ms, median ${ours.median} ms  [${oursMs.map(Math.round).join(', ')}]`);
  console.log(`ratio of medians: ${(ours.median / floor.median).toFixed(2)} (target ≤ 1.5)`);
}
