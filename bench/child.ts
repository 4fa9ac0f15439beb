// Benchmark tasks that must run in a process of their own (cold start, peak memory); prints one JSON line.
// Run: node bench/child-entry.js <warm|batch|load|scale-report> [arg]
import { cp, mkdir, mkdtemp, open, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESULT_PREFIX } from './result-prefix.ts';

const projectRoot = fileURLToPath(new URL('../', import.meta.url));
/** The report kind under test; the parent passes its --template down. */
const template = process.env.MIGREPORT_BENCH_TEMPLATE || 'iom-quarterly';

type Stages = { stage: string; ms: number }[];

/** A StageTimer that records each stage's duration, awaiting stages that return a promise. */
function recorder(stages: Stages) {
  return <T>(stage: string, work: () => T): T => {
    const started = performance.now();
    const result = work();
    const done = () => stages.push({ stage, ms: performance.now() - started });
    if (result instanceof Promise) return result.then((v) => (done(), v)) as T;
    done();
    return result;
  };
}


/**
 * A copy of the sample project (data, templates, styles) that a task may change: in the benchmark's own
 * folder, which it removes even if it kills this task when interrupted.
 */
async function projectCopy(): Promise<string> {
  const root = await mkdtemp(join(process.env.MIGREPORT_BENCH_WORK || tmpdir(), 'migreport-bench-project-'));
  for (const dir of ['data', 'templates', 'styles']) await cp(join(projectRoot, dir), join(root, dir), { recursive: true });
  return root;
}

/** Stages that ran more than once are added up, in order of first appearance. */
function merge(log: Stages): Stages {
  const byStage = new Map<string, number>();
  for (const { stage, ms } of log) byStage.set(stage, (byStage.get(stage) ?? 0) + ms);
  return [...byStage].map(([stage, ms]) => ({ stage, ms }));
}

/** The preview's path: one process, a data file changes, the draft reloads and re-renders. */
async function warm(runs: number): Promise<object> {
  const root = await projectCopy();
  try {
    const pipeline = await import('../src/pipeline.ts');
    const { draftRenderer } = await import('../src/preview/draft.ts');
    const paths = pipeline.projectPaths(root);
    let log: Stages = [];
    const time = recorder(log);
    const draft = draftRenderer(
      paths,
      { template, lang: 'en' },
      {
        loadAndAudit: (p, o) => pipeline.loadAndAudit(p, o, (s, w) => time(s, w)),
        renderReport: (d, f, r, p) => pipeline.renderReport(d, f, r, p, (s, w) => time(s, w)),
      },
    );
    const obsDir = join(root, 'data', 'observations');
    const file = join(obsDir, (await readdir(obsDir)).filter((f) => f.endsWith('.csv')).sort()[0]);
    const original = await readFile(file, 'utf8');
    const first = performance.now();
    const outcome = await draft.render([]);
    if (!outcome.ok) throw new Error('the first render failed');
    const firstMs = performance.now() - first;
    const rebuildMs: number[] = [];
    const stageRuns: Stages[] = [];
    for (let i = 0; i < runs; i++) {
      // Change the first value of the first observation file, as an analyst correcting a figure would.
      const lines = original.split('\n');
      const valueAt = lines[0].split(',').indexOf('value');
      const cells = lines[1].split(',');
      cells[valueAt] = String(Number(cells[valueAt]) + i + 1);
      lines[1] = cells.join(',');
      await writeFile(file, lines.join('\n'));
      log.length = 0;
      const started = performance.now();
      const result = await draft.render([file]);
      rebuildMs.push(performance.now() - started);
      if (!result.ok) throw new Error('a rebuild failed');
      stageRuns.push([...log]);
    }
    await draft.close();
    log = [];
    // Facts and sentences alone, on the loaded data: the share of the warm rebuild that is ours to think about.
    const { dataset } = await pipeline.loadAndAudit(paths);
    const compare = await import('../src/compare/index.ts');
    const factsMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      compare.computeFacts(dataset, { template });
      factsMs.push(performance.now() - started);
    }
    return { firstMs, rebuildMs, stageRuns, computeFactsMs: factsMs };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/**
 * The batch's floor: Chromium printing the HTML files a batch build wrote, warm (the browser started before the
 * clock), with the same reuse as the build: a pool of two tabs, two prints at a time, setContent then pdf.
 */
async function batchFloor(dir: string): Promise<object> {
  const { startBrowser } = await import('../src/publish/browser.ts');
  const files: string[] = [];
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.endsWith('.html') && p !== join(dir, 'index.html')) files.push(p);
    }
  };
  await walk(dir);
  files.sort();
  const texts = await Promise.all(files.map((f) => readFile(f, 'utf8')));
  const browser = await startBrowser();
  try {
    const tabs = [await browser.takePage(), await browser.browser.newPage()];
    for (const t of tabs) await t.emulateMediaType('print');
    const started = performance.now();
    let next = 0;
    await Promise.all(
      tabs.map(async (tab) => {
        while (next < texts.length) {
          const html = texts[next++];
          await tab.setContent(html, { waitUntil: 'load' });
          await tab.pdf({ format: 'A4', printBackground: true, tagged: true, outline: true });
        }
      }),
    );
    return { files: files.length, ms: performance.now() - started };
  } finally {
    await browser.close();
  }
}

/** Synthetic observations through load and check (the loader engineer's generator), with the process's peak memory. */
async function load(n: number): Promise<object> {
  const { benchLoad } = await import('./load.ts');
  const result = await benchLoad(n);
  return { ...result, maxRssMiB: process.resourceUsage().maxRSS / 1024 };
}

/**
 * The sample project plus n synthetic observations of an extra indicator the report does not cite:
 * the report stays the same, so what grows is what the size of the data costs each stage.
 */
async function scaleReport(n: number): Promise<object> {
  const root = await projectCopy();
  try {
    await addSyntheticRows(join(root, 'data'), n);
    const pipeline = await import('../src/pipeline.ts');
    const log: Stages = [];
    const time = recorder(log);
    const paths = pipeline.projectPaths(root);
    const started = performance.now();
    const { dataset, findings } = await pipeline.loadAndAudit(paths, {}, time);
    await pipeline.renderReport(dataset, findings, { template, lang: 'en' }, paths, time);
    return {
      observations: dataset.observations.length,
      totalMs: performance.now() - started,
      stages: merge(log),
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function addSyntheticRows(data: string, n: number): Promise<void> {
  const indicators = join(data, 'reference', 'indicators.csv');
  const header = (await readFile(indicators, 'utf8')).split(/\r?\n/)[0].split(',');
  const row: Record<string, string> = { id: 'bench_synthetic', unit: 'persons', kind: 'count' };
  const text = await readFile(indicators, 'utf8');
  await writeFile(indicators, text.replace(/\s*$/, '\n') + header.map((c) => row[c] ?? (c.startsWith('name_') ? 'Synthetic' : '')).join(',') + '\n');
  const csvColumn = async (file: string, column: string, keep: (r: Record<string, string>) => boolean) => {
    const [head, ...lines] = (await readFile(join(data, 'reference', file), 'utf8')).replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
    const cols = head.split(',');
    return lines
      .map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])))
      .filter(keep)
      .map((r) => r[column])
      .filter((v) => /^[A-Z0-9-]+$/.test(v ?? ''));
  };
  const countries = await csvColumn('countries.csv', 'code', (r) => r.kind === 'country');
  const regions = ['', ...(await csvColumn('regions.csv', 'code', () => true))];
  const source = (await csvColumn('sources.csv', 'id', () => true))[0] ?? (await readFile(join(data, 'reference', 'sources.csv'), 'utf8')).split(/\r?\n/)[1].split(',')[0];
  // Written in chunks, so the generator's own strings do not count towards the peak memory measured.
  const file = await open(join(data, 'observations', 'zz-synthetic.csv'), 'w');
  let chunk = 'indicator,period,country,region,breakdown,value,unit,status,source\n';
  let i = 0;
  outer: for (const country of countries)
    for (const region of regions)
      for (let m = 0; m < 12 * 100; m++) {
        if (i++ >= n) break outer;
        const month = `${1900 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
        chunk += `bench_synthetic,${month},${country},${region},,${(i * 7919) % 100000},persons,A,${source}\n`;
        if (chunk.length > 1 << 20) {
          await file.write(chunk);
          chunk = '';
        }
      }
  await file.write(chunk);
  await file.close();
}

const tasks: Record<string, (arg: string) => Promise<object>> = {
  warm: (runs) => warm(Number(runs) || 10),
  'batch-floor': (dir) => batchFloor(dir),
  load: (n) => load(Number(n)),
  'scale-report': (n) => scaleReport(Number(n)),
};

/** Runs one task and prints its result; started by bench/child-entry.js. */
export async function runTask(name: string | undefined, arg: string | undefined): Promise<void> {
  const task = tasks[name ?? ''];
  if (!task) {
    console.error(`unknown task ${name}; one of ${Object.keys(tasks).join(', ')}`);
    process.exit(2);
  }
  const result = await task(arg ?? '');
  process.stdout.write(RESULT_PREFIX + JSON.stringify(result) + '\n');
  // Puppeteer or watchers may keep handles open; the result is out, so leave now.
  process.exit(0);
}
