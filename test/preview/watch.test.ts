import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serialQueue, watchFolders } from '../../src/preview/watch.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('watchFolders', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('collapses a burst of saves into one call with every changed path, nested folders included', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'migreport-watch-'));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    await mkdir(path.join(root, 'data', 'observations'), { recursive: true });
    await mkdir(path.join(root, 'styles'));
    const calls: string[][] = [];
    const w = watchFolders([path.join(root, 'data'), path.join(root, 'styles'), path.join(root, 'nope')], (c) => calls.push(c), {
      debounceMs: 200, // wide enough that a loaded machine does not split the burst
    });
    cleanups.push(() => w.close());
    expect(w.missing).toEqual([path.join(root, 'nope')]);
    await sleep(50);
    for (let i = 0; i < 5; i++) {
      await writeFile(path.join(root, 'data', 'observations', 'a.csv'), `row ${i}\n`);
      await writeFile(path.join(root, 'styles', 'print.css'), `/* ${i} */`);
    }
    await sleep(800);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toEqual([path.join(root, 'data', 'observations', 'a.csv'), path.join(root, 'styles', 'print.css')]);
  });
});

describe('serialQueue', () => {
  it('never runs two renders at once and folds changes made during a render into one more', async () => {
    let running = 0;
    let maxRunning = 0;
    const runs: string[][] = [];
    const q = serialQueue(async (changed) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      runs.push(changed);
      await sleep(40);
      running--;
    });
    void q.push(['a']);
    await sleep(5);
    void q.push(['b']);
    void q.push(['c', 'b']);
    await q.idle();
    expect(maxRunning).toBe(1);
    expect(runs).toEqual([['a'], ['b', 'c']]);
  });

  it('runs once for an empty change list (the first render)', async () => {
    const runs: string[][] = [];
    const q = serialQueue(async (c) => void runs.push(c));
    await q.push([]);
    expect(runs).toEqual([[]]);
  });
});
