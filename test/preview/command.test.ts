import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/pipeline.ts', async (importOriginal) => ({
  printSetup: (await importOriginal<typeof import('../../src/pipeline.ts')>()).printSetup,
  loadAndAudit: async () => ({ dataset: {}, findings: [] }),
  renderReport: async () => ({ model: {}, findings: [], html: '<p>draft</p>', printHtml: '<p>draft</p>' }),
  projectPaths: (root: string, data = 'data') => ({ root: path.resolve(root), data: path.resolve(root, data) }),
}));

const { preview } = await import('../../src/commands/preview.ts');

describe('migreport preview', () => {
  it('prints the URL on 127.0.0.1, serves the draft, writes only under output/, and stops cleanly', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'migreport-preview-cmd-'));
    await mkdir(path.join(root, 'data'));
    const out: string[] = [];
    const stop = new AbortController();
    try {
      const running = preview({ port: '0', host: '127.0.0.1', data: 'data' }, { out: (l) => out.push(l), err: () => {} }, {
        root,
        stop: stop.signal,
      });
      await expect.poll(() => out.length, { timeout: 5000 }).toBe(1);
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out[0])?.[0];
      expect(url).toBeTruthy();
      expect(await (await fetch(url!)).text()).toContain('<p>draft</p>');
      stop.abort();
      expect(await running).toBe(0);
      const { readdir } = await import('node:fs/promises');
      expect((await readdir(root)).sort()).toEqual(['data', 'output']);
      expect(await readdir(path.join(root, 'output'))).toEqual(['.preview']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it.each(['-1', '65536', 'abc', '80.5'])('refuses --port %s', async (port) => {
    await expect(preview({ port }, { out: () => {}, err: () => {} }, { root: tmpdir() })).rejects.toMatchObject({ code: 'cli/bad-value' });
  });
});
