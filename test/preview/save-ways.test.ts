// Issue 14, point 6 (reliability check defect 3): the preview follows a file however it is saved —
// written in place, replaced by rename (editors' atomic save, `sed -i`, `cp` to a temporary and `mv`),
// deleted and made again — and clears its error once the file is fixed, each way after the others.
import { cpSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { preview } from '../../src/commands/preview.ts';
import { tempDir } from '../temp.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const root = tempDir('migreport-save-ways-');
for (const d of ['data', 'templates', 'styles']) cpSync(path.join(repo, d), path.join(root, d), { recursive: true });
const file = path.join(root, 'data', 'observations', 'border-2023-q4.csv');
const good = readFileSync(file, 'utf8');
const lines = good.split('\n');
const bad = [...lines.slice(0, 3), lines[3].replace(/,(\d{7}),/, (_m, n: string) => `,"${Number(n).toLocaleString('en')}",`), ...lines.slice(4)].join('\n');

const stop = new AbortController();
let url = '';
let running: Promise<number>;
afterAll(async () => {
  stop.abort();
  await running;
});

const status = async () => (await (await fetch(`${url}__status`)).json()) as { state: string; renders: number; error?: { message: string } };
const waitFor = async (state: 'ok' | 'error') => {
  await expect.poll(async () => (await status()).state, { timeout: 20_000, interval: 100 }).toBe(state);
};
const inPlace = (text: string) => writeFileSync(file, text);
const byRename = (text: string) => {
  writeFileSync(`${file}.tmp-save`, text);
  renameSync(`${file}.tmp-save`, file);
};
const deleteAndCreate = (text: string) => {
  rmSync(file);
  writeFileSync(file, text);
};

describe('the preview follows saves', () => {
  it('starts with the sample rendered', async () => {
    const out: string[] = [];
    running = preview({ port: '0', host: '127.0.0.1', data: 'data' }, { out: (l) => out.push(l), err: () => {} }, { root, stop: stop.signal });
    await expect.poll(() => out.length, { timeout: 20_000 }).toBeGreaterThan(0);
    url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out.join('\n'))![0];
    await waitFor('ok');
  });

  it.each([
    ['broken by rename, fixed in place (the check\'s sed -i then cp)', byRename, inPlace],
    ['broken in place, fixed by rename', inPlace, byRename],
    ['broken by delete and re-create, fixed by delete and re-create', deleteAndCreate, deleteAndCreate],
    ['broken by rename again, fixed by rename', byRename, byRename],
    ['broken in place after all that, fixed in place', inPlace, inPlace],
  ])('%s', async (_name, breakIt, fixIt) => {
    breakIt(bad);
    await waitFor('error');
    expect((await status()).error?.message).toContain('is not a number');
    fixIt(good);
    await waitFor('ok');
  });
});
