// Issue 14, point 3 (reliability check defects 6, 20, 23): an output folder that cannot be made is a
// one-line error with exit 1, found before Chromium starts (the bin's early start included); a range
// period writes one folder level; --data naming a file says so.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../temp.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(repo, 'bin', 'migreport.js');

/** Runs the CLI with a stand-in "Chromium" that only leaves a mark when it is started. */
function buildWithMarkedBrowser(args: string[]) {
  const work = tempDir('migreport-fs-');
  const mark = join(work, 'browser-started');
  const fake = join(work, 'fake-chromium');
  writeFileSync(fake, `#!/bin/sh\ntouch '${mark}'\nexit 1\n`);
  chmodSync(fake, 0o755);
  const r = spawnSync(process.execPath, [cli, 'build', ...args], {
    cwd: repo,
    env: { ...process.env, CI: '1', PUPPETEER_EXECUTABLE_PATH: fake },
    encoding: 'utf8',
  });
  return { code: r.status, stderr: r.stderr.trim(), stdout: r.stdout, browserStarted: existsSync(mark), work };
}

describe('output folder problems fail before Chromium starts', () => {
  it('a folder under a file', () => {
    const dir = tempDir('migreport-fs-');
    writeFileSync(join(dir, 'plainfile'), 'x');
    const r = buildWithMarkedBrowser(['--out', join(dir, 'plainfile', 'sub'), '--period', '2023-Q4']);
    expect(r.stderr).toBe(
      `error: the output folder "${join(dir, 'plainfile', 'sub')}" cannot be used: "${join(dir, 'plainfile')}" is a file, not a folder (hint: pass another folder with --out, or fix the one named; nothing was written) [publish/output-folder]`,
    );
    expect(r.code).toBe(1);
    expect(r.browserStarted).toBe(false);
  });

  it('a file as the output folder', () => {
    const dir = tempDir('migreport-fs-');
    writeFileSync(join(dir, 'plainfile'), 'x');
    const r = buildWithMarkedBrowser(['--out', join(dir, 'plainfile'), '--period', '2023-Q4']);
    expect(r.stderr).toBe(
      `error: the output folder "${join(dir, 'plainfile')}" cannot be used: it is a file, not a folder (hint: pass another folder with --out, or fix the one named; nothing was written) [publish/output-folder]`,
    );
    expect(r.code).toBe(1);
    expect(r.browserStarted).toBe(false);
    expect(readdirSync(dir)).toEqual(['plainfile']);
  });

  it('a read-only output folder, as a user who may not write there', () => {
    const runuser = spawnSync('sh', ['-c', 'command -v runuser'], { encoding: 'utf8' }).stdout.trim();
    if (process.getuid?.() !== 0 || !runuser) return; // needs root to act as "nobody"
    const dir = tempDir('migreport-fs-');
    chmodSync(dir, 0o755);
    const ro = join(dir, 'ro');
    execFileSync('mkdir', ['-m', '555', ro]);
    const r = spawnSync(runuser, ['-u', 'nobody', '--', process.execPath, cli, 'build', '--format', 'html', '--out', ro, '--period', '2023-Q4'], {
      cwd: repo,
      env: { ...process.env, CI: '1', HOME: dir, MIGREPORT_NO_CODE_CACHE: '1' },
      encoding: 'utf8',
    });
    expect(r.stderr.trim()).toBe(
      `error: the output folder "${ro}" cannot be used: no permission to write in it (hint: pass another folder with --out, or fix the one named; nothing was written) [publish/output-folder]`,
    );
    expect(r.status).toBe(1);
  });

  it('--data naming a file says it is a file', () => {
    const dir = tempDir('migreport-fs-');
    writeFileSync(join(dir, 'afile.txt'), 'x');
    const r = buildWithMarkedBrowser(['--data', join(dir, 'afile.txt'), '--out', join(dir, 'out')]);
    expect(r.stderr).toBe(`error: data folder "${join(dir, 'afile.txt')}" is a file, not a folder (hint: pass the data folder with --data) [load/data-not-a-folder]`);
    expect(r.code).toBe(1);
    expect(r.browserStarted).toBe(false);
  });

  it('a range period writes one folder, 2023-Q1_2023-Q4, not a nested one', () => {
    const out = tempDir('migreport-fs-');
    const r = spawnSync(process.execPath, [cli, 'build', '--format', 'html', '--out', out, '--period', '2023-Q1/2023-Q4'], { cwd: repo, env: { ...process.env, CI: '1' }, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(join(out, '2023-Q1_2023-Q4', 'iom-quarterly.en.html'));
    expect(readdirSync(out)).toEqual(['2023-Q1_2023-Q4']);
  });
});

describe('unreadable data files (check defect 7), as a user who may not read them', () => {
  const runuser = spawnSync('sh', ['-c', 'command -v runuser'], { encoding: 'utf8' }).stdout.trim();
  const asNobody = process.getuid?.() === 0 && runuser !== '';
  it.skipIf(!asNobody).each([
    ['reference/sources.csv', 'data/reference/sources.csv:1'],
    ['narrative/2023-Q4/notes.yaml', 'data/narrative/2023-Q4/notes.yaml:1'],
  ])('%s', (file, at) => {
    const dir = tempDir('migreport-fs-');
    chmodSync(dir, 0o755);
    cpSync(join(repo, 'data'), join(dir, 'data'), { recursive: true });
    chmodSync(join(dir, 'data', file), 0o000);
    const r = spawnSync(runuser, ['-u', 'nobody', '--', process.execPath, cli, 'validate', '--data', 'data'], {
      cwd: dir,
      env: { ...process.env, CI: '1', HOME: dir, MIGREPORT_NO_CODE_CACHE: '1' },
      encoding: 'utf8',
    });
    expect(r.stderr.split('\n').filter((l) => l.includes('error:'))).toEqual([
      `${at}: error: the file cannot be read: permission denied (hint: give the user running migreport permission to read it (chmod a+r)) [load/unreadable-file]`,
    ]);
    expect(r.status).toBe(1);
  });
});
