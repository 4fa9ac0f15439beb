// Benchmark of the preview's loop: from saving a data file to the reloaded page in headless Chromium.
//
// With the build pipeline (default) it runs on a temporary copy of the sample project (data/,
// templates/, styles/) and edits an observation's value; with `renderer: 'synthetic'` it runs on a
// one-file project whose render is trivial, which measures the preview's own overhead (watch,
// debounce, SSE, reload) apart from the pipeline's cost.
import { cp, mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { defaultKind } from '../kinds/load.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../publish/browser.ts';
import { startPreview, type RenderOutcome } from './server.ts';

export interface PreviewBench {
  saveToReloadMs: number[];
  /** The server's render time within each of those (the rest is watch, debounce, SSE and the page's reload). */
  renderMs: number[];
  renderer: 'pipeline' | 'synthetic';
}

const sampleRoot = fileURLToPath(new URL('../../', import.meta.url));

export async function benchPreview(opts: { runs?: number; renderer?: 'pipeline' | 'synthetic' } = {}): Promise<PreviewBench> {
  const runs = opts.runs ?? 10;
  const kind = opts.renderer ?? 'pipeline';
  const root = await mkdtemp(path.join(tmpdir(), 'migreport-preview-bench-'));
  const cleanups: (() => Promise<unknown>)[] = [() => rm(root, { recursive: true, force: true })];
  try {
    const project = kind === 'pipeline' ? await pipelineProject(root) : await syntheticProject(root);
    cleanups.unshift(project.close);
    const server = await startPreview({
      host: '127.0.0.1',
      port: 0,
      watch: project.watch,
      render: project.render,
      outDir: path.join(root, 'output', '.preview'),
    });
    cleanups.unshift(() => server.close());
    const browser = await launchBrowser();
    cleanups.unshift(() => browser.close());
    const page = await browser.browser.newPage();
    await page.goto(server.url, { waitUntil: 'load' });

    const saveToReloadMs: number[] = [];
    const renderMs: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      // The page shows the new render once its state carries a newer version (after a body swap or a reload).
      const before = (await page.evaluate('window.__migreport.version')) as number;
      const saved = performance.now();
      await project.edit(i);
      await page.waitForFunction(`window.__migreport !== undefined && window.__migreport.version > ${before} && document.querySelector('#migreport-ui') !== null`, { timeout: 30_000, polling: 'mutation' });
      if (i > 0) {
        // the first warms caches
        saveToReloadMs.push(Math.round(performance.now() - saved));
        const status = (await (await fetch(new URL('/__status', server.url))).json()) as { lastRenderMs?: number };
        renderMs.push(Math.round(status.lastRenderMs ?? 0));
      }
      await new Promise((r) => setTimeout(r, 100)); // let the watcher settle between saves
    }
    return { saveToReloadMs, renderMs, renderer: kind };
  } finally {
    for (const c of cleanups) await c().catch(() => undefined);
  }
}

interface BenchProject {
  watch: string[];
  render: (changed: string[]) => Promise<RenderOutcome>;
  edit: (i: number) => Promise<void>;
  close: () => Promise<void>;
}

async function pipelineProject(root: string): Promise<BenchProject> {
  for (const dir of ['data', 'templates', 'styles']) await cp(path.join(sampleRoot, dir), path.join(root, dir), { recursive: true });
  const { projectPaths } = await import('../pipeline.ts');
  const { draftRenderer, watchedFolders } = await import('./draft.ts');
  const paths = projectPaths(root);
  const draft = draftRenderer(paths, { template: defaultKind(), lang: 'en' });
  // The first observation file's first value is the one edited: any change must reach the page.
  const obsDir = path.join(root, 'data', 'observations');
  const file = path.join(obsDir, (await readdir(obsDir)).filter((f) => f.endsWith('.csv')).sort()[0]);
  const original = await readFile(file, 'utf8');
  return {
    watch: watchedFolders(paths),
    render: draft.render,
    edit: async (i) => {
      const lines = original.split('\n');
      const header = lines[0].split(',');
      const valueAt = header.indexOf('value');
      const cells = lines[1].split(',');
      cells[valueAt] = String(Number(cells[valueAt]) + i + 1);
      lines[1] = cells.join(',');
      await writeFile(file, lines.join('\n'));
    },
    close: draft.close,
  };
}

async function syntheticProject(root: string): Promise<BenchProject> {
  await mkdir(path.join(root, 'data'), { recursive: true });
  const file = path.join(root, 'data', 'value.csv');
  await writeFile(file, 'indicator,value\nborder_arrivals,1334101\n');
  return {
    watch: [path.join(root, 'data')],
    render: async () => {
      const value = (await readFile(file, 'utf8')).split('\n')[1].split(',')[1];
      const body = `<p>Border arrivals: ${value}.</p>` + '<p>Filler.</p>'.repeat(200);
      return { ok: true, html: `<!doctype html><title>bench</title><body>${body}</body>`, findings: [], selfCheck: { ok: true, problems: [] } };
    },
    edit: (i) => writeFile(file, `indicator,value\nborder_arrivals,${1334101 + i + 1}\n`),
    close: async () => {},
  };
}
