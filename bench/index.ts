// `npm run bench [-- --quick] [-- --profile]`: every stage measured against the physical floor, in one run.
//
//   1 cold runs, alternated      floor (bare chromium --print-to-pdf) · build html,pdf · build html
//   2 cold stages                `migreport build` runs, each writing its own stage times (MIGREPORT_TIMINGS)
//   3 warm                       the preview path: data change → re-load + re-render, in one process
//   4 facts and sentences        bench/facts.ts, else the warm compare+narrate stage
//   5 batch                      `build --template all --period all --lang all` (every edition, HTML + PDF, one
//                                browser) against Chromium printing the same HTML files warm, same tab reuse;
//   5b languages                 cold builds of one edition in each language, alternated (ratio to English)
//   6 preview, charts            the other engineers' own benches
//   7 scale                      synthetic 10k / 100k / 1M observations: load + check, and the report
//   8 targets → profile of the cold build where one is missed → Markdown + bench/results.json
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  alternation,
  markdownTable,
  measured,
  measurementRows,
  medianOf,
  parseOptions,
  round,
  shares,
  skipped,
  summarise,
  target,
  targetRows,
  type BenchOptions,
  type Measurement,
  type Target,
} from './harness.ts';
import { chromiumFlags } from '../src/publish/browser.ts';
import { onInterrupt } from '../src/publish/interrupt.ts';
import { summariseProfile, type CpuProfile, type ProfileSummary } from './profile.ts';
import { childTask, firstLine, killRunning, projectRoot, run } from './run.ts';

const began = performance.now();
const say = (line = '') => process.stderr.write(`${line.padEnd(64)} ${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s\n`);
const cli = join(projectRoot, 'bin', 'migreport.js');

/** `migreport build` in a process of its own, as a user runs it; `env` adds to this process's environment. */
function migreportBuild(template: string, out: string, format: string, env: NodeJS.ProcessEnv = {}) {
  const args = [cli, 'build', '--template', template, '--format', format, '--out', out];
  return run(process.execPath, args, { timeoutMs: 120_000, env: { ...process.env, ...env } });
}

type Stages = { stage: string; ms: number }[];

function browserPath(): string {
  return process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium';
}

function machine() {
  const chromium = spawnSync(browserPath(), ['--version'], { encoding: 'utf8' });
  const git = (args: string[]) => spawnSync('git', args, { cwd: projectRoot, encoding: 'utf8' }).stdout?.trim() ?? '';
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    loadAverageAtStart: os.loadavg().map((l) => round(l, 2)),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    chromium: (chromium.stdout ?? '').split('\n').find((l) => /chrom/i.test(l))?.trim() ?? `not found at ${browserPath()}`,
    commit: git(['rev-parse', 'HEAD']) || 'unknown',
    uncommittedChanges: git(['status', '--porcelain', '--', 'src', 'bench', 'bin', 'templates', 'styles', 'data']).length > 0,
  };
}

function filesUnder(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => join(dir, f))
    .sort();
}

// 1. Cold runs: the floor and our build, alternated so the machine's drift falls on both alike.
async function coldRuns(opts: BenchOptions, work: string): Promise<{ results: Measurement[]; htmlPath?: string }> {
  const names = {
    floor: 'floor: chromium --headless --print-to-pdf of the built HTML',
    build: 'cold build, HTML and PDF (migreport build, own process)',
    html: 'cold build, HTML alone',
    fresh: 'cold build, HTML alone, without the V8 code cache (as the first build after install)',
  } as const;
  const build = (out: string, format: string, env?: NodeJS.ProcessEnv) => migreportBuild(opts.template, out, format, env);
  const noCodeCache = { MIGREPORT_NO_CODE_CACHE: '1' };

  // A first build, untimed: gives the floor its HTML and warms the disk cache for everyone.
  let htmlPath: string | undefined;
  let buildProblem: string | undefined;
  try {
    await build(join(work, 'warm-up'), 'html');
    htmlPath = filesUnder(join(work, 'warm-up'), '.html')[0];
    if (!htmlPath) buildProblem = 'the build wrote no .html file';
  } catch (e) {
    buildProblem = `migreport build fails: ${firstLine(e)}`;
  }
  let floorHtml = htmlPath;
  let floorNote: string | undefined;
  if (!floorHtml) {
    floorHtml = join(projectRoot, 'test', 'publish', 'fixtures', 'report.html');
    floorNote = 'on test/publish/fixtures/report.html: the build is not available';
  }
  const floor = (i: number) =>
    run(browserPath(), [
      '--headless',
      ...chromiumFlags,
      `--user-data-dir=${mkdtempSync(join(work, 'profile-'))}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${join(work, `floor-${i}.pdf`)}`,
      pathToFileURL(floorHtml!).href,
    ]);
  await floor(-1).catch(() => undefined); // the first Chromium start of a run pays for cold disk pages

  const kinds = buildProblem ? (['floor'] as const) : (['floor', 'build', 'html', 'fresh'] as const);
  const times: Record<string, number[]> = { floor: [], build: [], html: [], fresh: [] };
  const failures: Record<string, string> = {};
  const order = alternation<(typeof kinds)[number]>(kinds, opts.rounds);
  const letter = { floor: 'F', build: 'B', html: 'H', fresh: 'N' } as const;
  say(`  cold runs: ${order.map((k) => letter[k]).join('')} (F floor, B build html+pdf, H html alone, N html alone without the code cache)`);
  let pdfsMissing = 0;
  for (const [i, kind] of order.entries()) {
    try {
      if (kind === 'floor') times.floor.push((await floor(i)).ms);
      else {
        const out = join(work, `run-${i}`);
        times[kind].push((await build(out, kind === 'build' ? 'html,pdf' : 'html', kind === 'fresh' ? noCodeCache : undefined)).ms);
        if (kind === 'build' && filesUnder(out, '.pdf').length === 0) pdfsMissing++;
        rmSync(out, { recursive: true, force: true });
      }
    } catch (e) {
      failures[kind] ??= firstLine(e);
    }
  }
  const result = (kind: keyof typeof names, note?: string): Measurement => {
    if (kind !== 'floor' && buildProblem) return skipped(names[kind], buildProblem);
    if (times[kind].length === 0) return skipped(names[kind], failures[kind] ?? 'no run finished');
    return measured(names[kind], 'ms', times[kind], note);
  };
  const results = [
    result('floor', floorNote),
    result('build', pdfsMissing ? `${pdfsMissing} run(s) wrote no PDF` : undefined),
    result('html'),
    result('fresh'),
  ];
  return { results, htmlPath };
}

/** Per-stage medians over several runs, in the order the stages ran. */
function stageMedians(runs: Stages[]): Stages {
  const order: string[] = [];
  const values = new Map<string, number[]>();
  for (const r of runs)
    for (const { stage, ms } of r) {
      if (!values.has(stage)) (order.push(stage), values.set(stage, []));
      values.get(stage)!.push(ms);
    }
  return order.map((stage) => ({ stage, ms: round(summarise(values.get(stage)!).median, 1) }));
}

async function attempt<T>(label: string, work: () => Promise<T>): Promise<T | string> {
  say(`  ${label} …`);
  try {
    return await work();
  } catch (e) {
    say(`    skipped: ${firstLine(e)}`);
    return firstLine(e);
  }
}

export async function main(argv: string[]): Promise<number> {
  const opts = parseOptions(argv);
  process.env.MIGREPORT_BENCH_TEMPLATE = opts.template; // read by the bench/child.ts tasks
  const started = performance.now();
  say(
    opts.quick
      ? `migreport benchmark — QUICK mode: ${opts.rounds} rounds, scale up to ${opts.scale.at(-1)!.toLocaleString('en')} observations only; figures are indicative.`
      : `migreport benchmark — full run: ${opts.rounds} rounds, scale up to ${opts.scale.at(-1)!.toLocaleString('en')} observations.`,
  );
  const host = machine();
  const work = mkdtempSync(join(os.tmpdir(), 'migreport-bench-'));
  process.env.MIGREPORT_BENCH_WORK = work; // the bench/child.ts tasks make their folders in it
  // Removed by the finally below, and on Ctrl-C (or SIGTERM, SIGHUP), which that does not see: the commands
  // still running are killed first, as they would write into it again (they run in process groups of their
  // own, which Ctrl-C does not reach).
  const unregister = onInterrupt(() => {
    killRunning();
    rmSync(work, { recursive: true, force: true, maxRetries: 3 });
  });
  const measurements: Measurement[] = [];
  let stageTable: { stage: string; ms: number; share: number }[] = [];
  let warmStageTable: { stage: string; ms: number; share: number }[] = [];
  const scaleRows: { observations: number; loadCheck?: Measurement; peakMiB?: number; report?: Measurement; reportPeakMiB?: number; stages?: Stages }[] = [];
  let batchInfo: object | undefined;
  let profile: { command: string; summary: ProfileSummary; loaderThread?: ProfileSummary } | string | undefined;

  try {
    // 1. Cold runs.
    say('1 cold runs (alternated)');
    const cold = await coldRuns(opts, work);
    measurements.push(...cold.results);
    const [floorM, buildM, htmlM] = cold.results;

    // 2. Cold stages: `migreport build` itself, writing its stage times (MIGREPORT_TIMINGS).
    const stageRuns: Stages[] = [];
    const pdfSteps: Record<string, number>[] = [];
    const stagesOutcome = await attempt('2 cold stages', async () => {
      for (let i = 0; i < (opts.quick ? 1 : 5); i++) {
        const timings = join(work, `timings-${i}.json`);
        const out = join(work, `stages-${i}`);
        const ran = await migreportBuild(opts.template, out, 'html,pdf', { MIGREPORT_TIMINGS: timings });
        const r = JSON.parse(readFileSync(timings, 'utf8')) as { stages: Stages; pdfSteps: Record<string, number> };
        const total = r.stages.reduce((sum, s) => sum + s.ms, 0);
        // After the last stage: closing Chromium and leaving the process.
        stageRuns.push([...r.stages, { stage: '(browser close, exit)', ms: Math.max(0, ran.ms - total) }]);
        pdfSteps.push(r.pdfSteps);
        rmSync(out, { recursive: true, force: true });
      }
    });
    if (typeof stagesOutcome === 'string') measurements.push(skipped('cold stages (StageTimer, own process)', stagesOutcome));
    else {
      stageTable = shares(stageMedians(stageRuns));
      const totals = stageRuns.map((r) => r.reduce((s, x) => s + x.ms, 0));
      measurements.push(measured('cold stages: whole process (sum of the stages below)', 'ms', totals));
    }

    // 3. Warm rebuild after a data change.
    let warmCompareNarrate: number | undefined;
    const warmOutcome = await attempt('3 warm rebuild (preview path)', () =>
      childTask<{ firstMs: number; rebuildMs: number[]; stageRuns: Stages[]; computeFactsMs: number[] }>('warm', opts.quick ? 5 : 20),
    );
    if (typeof warmOutcome === 'string') measurements.push(skipped('warm rebuild after a data change (re-load + re-render)', warmOutcome));
    else {
      measurements.push(measured('warm rebuild after a data change (re-load + re-render)', 'ms', warmOutcome.rebuildMs, `first render in that process ${Math.round(warmOutcome.firstMs)} ms`));
      warmStageTable = shares(stageMedians(warmOutcome.stageRuns));
      warmCompareNarrate = warmStageTable.find((s) => s.stage === 'compare+narrate')?.ms;
      measurements.push(measured('warm: compare alone (computeFacts)', 'ms', warmOutcome.computeFactsMs));
    }

    // 4. Facts and sentences.
    let factsMs: number | undefined;
    let factsNote: string | undefined;
    const factsBench = join(projectRoot, 'bench', 'facts.ts');
    const factsOutcome = await attempt('4 facts and sentences', async () => {
      if (!existsSync(factsBench)) throw new Error('bench/facts.ts not there yet');
      const mod = (await import(pathToFileURL(factsBench).href)) as { benchFacts?: () => Promise<{ warmMs: number; verifyShare?: number; iomClaims?: number }> | { warmMs: number } };
      if (typeof mod.benchFacts !== 'function') throw new Error('bench/facts.ts exports no benchFacts()');
      return mod.benchFacts();
    });
    if (typeof factsOutcome === 'string') {
      if (warmCompareNarrate !== undefined) {
        factsMs = warmCompareNarrate;
        factsNote = `warm compare+narrate stage (bench/facts.ts: ${factsOutcome})`;
        measurements.push({ name: 'facts and sentences, warm', unit: 'ms', runs: [factsMs], min: factsMs, median: factsMs, note: factsNote });
      } else measurements.push(skipped('facts and sentences, warm', factsOutcome));
    } else {
      factsMs = round(factsOutcome.warmMs, 1);
      const share = (factsOutcome as { verifyShare?: number }).verifyShare;
      const claims = (factsOutcome as { iomClaims?: number }).iomClaims;
      factsNote = `bench/facts.ts benchFacts(), median of its own runs; the verifier ${share === undefined ? '' : `${Math.round(100 * share)}% of it`}${claims ? ` (${claims} claims)` : ''}`;
      measurements.push({ name: 'facts, sentences and verification, warm', unit: 'ms', runs: [factsMs], min: factsMs, median: factsMs, note: factsNote });
    }

    // 5. Batch: every sample edition (kinds × their periods × languages) in one command, against Chromium printing
    // the same HTML files warm, with the same two-tab reuse (bench/child.ts batchFloor); alternated.
    const langs = Object.keys((await import('../src/narrate/index.ts')).LOCALES);
    const batchOutcome = await attempt(`5 batch (every kind × period × language: ${langs.join(', ')}; one browser)`, async () => {
      const runs: { wallMs: number; built: number; failed: number; floorMs: number; floorFiles: number }[] = [];
      for (let i = 0; i < (opts.quick ? 1 : 2); i++) {
        const out = join(work, `batch-${i}`);
        const ran = await run(process.execPath, [cli, 'build', '--template', 'all', '--period', 'all', '--lang', 'all', '--format', 'html,pdf', '--out', out], { timeoutMs: 900_000 }).catch(
          (e: Error) => ({ ms: NaN, stdout: '', stderr: e.message }),
        );
        const built = Number(/(\d+) built/.exec(ran.stderr)?.[1] ?? 0);
        const failed = Number(/(\d+) failed/.exec(ran.stderr)?.[1] ?? 0);
        const floor = await childTask<{ files: number; ms: number }>('batch-floor', out, 900_000);
        runs.push({ wallMs: ran.ms, built, failed, floorMs: floor.ms, floorFiles: floor.files });
        rmSync(out, { recursive: true, force: true });
      }
      return runs;
    });
    let batchRatio: number | undefined;
    let batchNote: string | undefined;
    if (typeof batchOutcome === 'string') measurements.push(skipped('batch: editions per second (HTML + PDF, whole process)', batchOutcome));
    else {
      const built = batchOutcome[0].built;
      const note = `${built} editions built${batchOutcome[0].failed ? `, ${batchOutcome[0].failed} failed` : ''} (${langs.join(', ')})`;
      const buildRate = batchOutcome.map((b) => b.built / (b.wallMs / 1000));
      const floorRate = batchOutcome.map((b) => b.floorFiles / (b.floorMs / 1000));
      measurements.push(measured('batch: editions per second, `build --template all --period all --lang all`, whole process (start-up, load, browser included)', 'reports/s', buildRate, note));
      measurements.push(measured('batch floor: Chromium printing the same HTML files, warm, two tabs reused', 'reports/s', floorRate));
      const b = summarise(buildRate).median;
      const f = summarise(floorRate).median;
      batchRatio = f ? round(b / f, 2) : undefined;
      batchNote = `${round(b, 2)} ÷ ${round(f, 2)} reports/s, ${note}`;
      batchInfo = { runs: batchOutcome.map((x) => ({ ...x, wallMs: Math.round(x.wallMs), floorMs: Math.round(x.floorMs) })) };
    }

    // 5b. A language costs no more than English: cold HTML + PDF builds of the same edition, alternated by language.
    const langTimes: Record<string, number[]> = Object.fromEntries(langs.map((l) => [l, []]));
    const langOutcome = await attempt(`5b cold build per language (${langs.join(', ')}), alternated`, async () => {
      for (let i = 0; i < (opts.quick ? 2 : 5); i++)
        for (const lang of i % 2 ? [...langs].reverse() : langs) {
          const out = join(work, `lang-${lang}-${i}`);
          const ran = await run(process.execPath, [cli, 'build', '--template', opts.template, '--lang', lang, '--format', 'html,pdf', '--out', out], { timeoutMs: 120_000 });
          langTimes[lang].push(ran.ms);
          rmSync(out, { recursive: true, force: true });
        }
    });
    if (typeof langOutcome === 'string') measurements.push(skipped('cold build per language', langOutcome));
    else for (const lang of langs) measurements.push(measured(`cold build (HTML + PDF) in ${lang}, ${opts.template}`, 'ms', langTimes[lang]));

    // 6. The stage engineers' own benches: preview's save-to-reload, charts alone.
    const previewOutcome = await attempt('6 preview save → reload, charts', async () => {
      const { benchPreview } = await import('../src/preview/bench.ts');
      return benchPreview({ runs: opts.quick ? 3 : 10, renderer: 'pipeline' });
    });
    if (typeof previewOutcome === 'string') measurements.push(skipped('preview: save a data file → page reloaded (headless Chromium)', previewOutcome));
    else measurements.push(measured('preview: save a data file → page reloaded (headless Chromium)', 'ms', previewOutcome.saveToReloadMs));
    const chartsOutcome = await attempt('  charts alone', async () => (await import('../src/charts/bench.ts')).benchCharts());
    if (typeof chartsOutcome === 'string') measurements.push(skipped('charts alone: 10 charts, warm', chartsOutcome));
    else measurements.push(measured('charts alone: 10 charts, warm (cold in the same process: ' + Math.round(chartsOutcome.coldMs) + ' ms)', 'ms', [chartsOutcome.warmMs]));

    // 7. Scale.
    for (const n of opts.scale) {
      const label = `${n.toLocaleString('en')} observations`;
      const row: (typeof scaleRows)[number] = { observations: n };
      scaleRows.push(row);
      const reps = n >= 1_000_000 ? 3 : opts.quick ? 1 : 3;
      const loads = await attempt(`7 scale: ${label}, load + check`, async () => {
        const runs: { ms: number; maxRssMiB: number; observations: number }[] = [];
        for (let i = 0; i < reps; i++) runs.push(await childTask('load', n, 300_000));
        return runs;
      });
      if (typeof loads === 'string') row.loadCheck = skipped(`${label}: load + check`, loads);
      else {
        row.loadCheck = measured(`${label}: load + check`, 'ms', loads.map((l) => l.ms), `${loads[0].observations.toLocaleString('en')} loaded`);
        row.peakMiB = Math.round(Math.max(...loads.map((l) => l.maxRssMiB)));
      }
      const reports = await attempt(`  scale: sample report + ${label}`, async () => {
        const runs: { totalMs: number; maxRssMiB: number; stages: Stages; observations: number }[] = [];
        for (let i = 0; i < (opts.quick || n >= 1_000_000 ? 1 : 3); i++) runs.push(await childTask('scale-report', n, 300_000));
        return runs;
      });
      if (typeof reports === 'string') row.report = skipped(`${label}: sample report + these (HTML)`, reports);
      else {
        row.report = measured(`${label}: sample report + these (HTML)`, 'ms', reports.map((r) => r.totalMs), `${reports[0].observations.toLocaleString('en')} observations in all`);
        row.reportPeakMiB = Math.round(Math.max(...reports.map((r) => r.maxRssMiB)));
        row.stages = stageMedians(reports.map((r) => r.stages));
      }
    }

    // 8. Targets.
    const floorMedian = medianOf(floorM);
    const buildMedian = medianOf(buildM);
    const ratio = floorMedian && buildMedian ? round(buildMedian / floorMedian, 2) : undefined;
    const million = scaleRows.find((r) => r.observations === 1_000_000);
    const quickNote = opts.quick ? 'not measured in --quick mode (scale stops at 100,000)' : undefined;
    const targets: Target[] = [
      target('cold build (HTML + PDF) ÷ floor, ratio of medians', htmlPathRatio(ratio, cold.htmlPath), '×', { atMost: 1.2 }, ratio === undefined ? 'build or floor not measured' : `${buildMedian} ms ÷ ${floorMedian} ms`),
      target('batch of every sample edition ÷ its warm floor, reports per second', batchRatio, '×', { atLeast: 0.8 }, batchNote),
      ...langs
        .filter((l) => l !== 'en')
        .map((l) => {
          const en = langTimes.en?.length ? summarise(langTimes.en).median : undefined;
          const x = langTimes[l]?.length ? summarise(langTimes[l]).median : undefined;
          return target(`cold build in ${l} ÷ in en, ratio of medians`, en && x ? round(x / en, 2) : undefined, '×', { atMost: 1.05 }, en && x ? `${Math.round(x)} ms ÷ ${Math.round(en)} ms; 5% for the machine's noise` : undefined);
        }),
      target('HTML alone, cold process', medianOf(htmlM), 'ms', { under: 400 }),
      target('warm rebuild after a data change', medianOf(measurements.find((m) => m.name.startsWith('warm rebuild'))), 'ms', { under: 100 }),
      target('facts, sentences and verification', factsMs, 'ms', { under: 20 }, factsNote),
      target('1,000,000 observations loaded and checked: time', medianOf(million?.loadCheck), 'ms', { under: 5000 }, quickNote),
      target('1,000,000 observations loaded and checked: peak memory (RSS)', million?.peakMiB, 'MiB', { under: 1024 }, quickNote),
    ];

    // Where the time goes, when a cold target is missed (or on request).
    const coldMissed = targets.slice(0, 2).some((t) => t.value !== null && !t.met);
    if (opts.profile || (!opts.quick && coldMissed)) {
      profile = await attempt('profile of the cold build (node --cpu-prof)', () => profileColdBuild(work, opts.template));
    }

    // Output.
    const results = {
      generatedAt: new Date().toISOString(),
      mode: opts.quick ? 'quick' : 'full',
      template: opts.template,
      machine: host,
      durationS: 0,
      measurements,
      coldStages: stageTable,
      coldPdfSteps: pdfSteps.length ? stageMedians(pdfSteps.map((s) => Object.entries(s).map(([stage, ms]) => ({ stage, ms })))) : [],
      warmStages: warmStageTable,
      batch: batchInfo,
      scale: scaleRows,
      targets,
      profile,
    };
    results.durationS = Math.round((performance.now() - started) / 1000);
    writeFileSync(join(projectRoot, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
    process.stdout.write(markdown(results) + '\n');
    say(`\nwrote bench/results.json (${results.durationS} s)`);
    return 0;
  } finally {
    unregister();
    rmSync(work, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** The ratio is only a target figure when the floor printed the HTML our build made. */
function htmlPathRatio(ratio: number | undefined, htmlPath: string | undefined): number | undefined {
  return htmlPath ? ratio : undefined;
}

async function profileColdBuild(work: string, template: string): Promise<{ command: string; summary: ProfileSummary; loaderThread?: ProfileSummary }> {
  const dir = join(work, 'cpu-prof');
  const args = ['--cpu-prof', `--cpu-prof-dir=${dir}`, cli, 'build', '--template', template, '--format', 'html,pdf', '--out', join(work, 'profiled')];
  await run(process.execPath, args, { timeoutMs: 120_000 });
  // One profile per thread: the main thread (id 0) runs the build; tsx's module hooks run on another.
  const files = filesUnder(dir, '.cpuprofile');
  const main = files.find((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f)) ?? files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
  if (!main) throw new Error('node --cpu-prof wrote no profile');
  const root = projectRoot.replace(/\/$/, '');
  const summary = summariseProfile(JSON.parse(readFileSync(main, 'utf8')) as CpuProfile, root);
  const other = files.find((f) => f !== main);
  const loaderThread = other ? summariseProfile(JSON.parse(readFileSync(other, 'utf8')) as CpuProfile, root, 10) : undefined;
  return { command: `node --cpu-prof bin/migreport.js build --template ${template} --format html,pdf`, summary, loaderThread };
}

function markdown(r: {
  mode: string;
  template: string;
  machine: ReturnType<typeof machine>;
  measurements: Measurement[];
  coldStages: { stage: string; ms: number; share: number }[];
  warmStages: { stage: string; ms: number; share: number }[];
  scale: { observations: number; loadCheck?: Measurement; peakMiB?: number; report?: Measurement; reportPeakMiB?: number }[];
  targets: Target[];
  profile?: { command: string; summary: ProfileSummary; loaderThread?: ProfileSummary } | string;
}): string {
  const m = r.machine;
  const parts = [
    `## migreport benchmark (${r.mode}${r.mode === 'quick' ? ': fewer repetitions, scale up to 100,000 only' : ''}; report ${r.template})`,
    '',
    `${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, ${m.platform}; Node ${m.node}; ${m.chromium}; commit ${m.commit.slice(0, 10)}${m.uncommittedChanges ? ' + uncommitted changes' : ''}; load average at start ${m.loadAverageAtStart.join(' ')}`,
    '',
    markdownTable(['measurement', 'runs', 'min', 'median', 'note'], measurementRows(r.measurements)),
  ];
  const stageTable = (title: string, rows: { stage: string; ms: number; share: number }[]) =>
    rows.length ? ['', `### ${title}`, '', markdownTable(['stage', 'median', 'share'], rows.map((s) => [s.stage, `${s.ms} ms`, `${s.share} %`]))] : [];
  parts.push(...stageTable('Cold build by stage (own process, HTML and PDF; medians)', r.coldStages));
  parts.push(...stageTable('Warm rebuild by stage (after a data change; medians)', r.warmStages));
  if (r.scale.length) {
    const cell = (x?: Measurement) => (!x ? '—' : 'skipped' in x ? x.skipped : `${x.median} ms (min ${x.min}, ${x.runs.length} runs)`);
    parts.push('', '### Scale: synthetic observations', '');
    parts.push(
      markdownTable(
        ['observations', 'load + check', 'peak RSS', 'sample report + these (HTML)', 'peak RSS'],
        r.scale.map((s) => [s.observations.toLocaleString('en'), cell(s.loadCheck), s.peakMiB ? `${s.peakMiB} MiB` : '—', cell(s.report), s.reportPeakMiB ? `${s.reportPeakMiB} MiB` : '—']),
      ),
    );
  }
  parts.push('', '### Targets', '', markdownTable(['target', 'value', 'bound', 'met', 'note'], targetRows(r.targets)));
  if (r.profile && typeof r.profile !== 'string') {
    const p = r.profile.summary;
    parts.push('', `### Where the cold build's time goes (${r.profile.command}; main thread, ${p.totalMs} ms sampled)`, '');
    parts.push(markdownTable(['area', 'self time', 'share'], p.areas.slice(0, 10).map((a) => [a.name, `${a.selfMs} ms`, `${a.share} %`])));
    parts.push('', markdownTable(['function', 'self time', 'share'], p.functions.map((f) => [f.name, `${f.selfMs} ms`, `${f.share} %`])));
    const l = r.profile.loaderThread;
    if (l) {
      parts.push('', `Module-loader thread (tsx's hooks), ${l.totalMs} ms sampled:`, '');
      parts.push(markdownTable(['area', 'self time', 'share'], l.areas.slice(0, 6).map((a) => [a.name, `${a.selfMs} ms`, `${a.share} %`])));
    }
  } else if (typeof r.profile === 'string') parts.push('', `Profile: skipped: ${r.profile}`);
  return parts.join('\n');
}
