// The installed program: bin/migreport.js running the CommonJS bundle (scripts/bundle.mjs) through
// node:vm with V8's code cache (one per set of languages a command asks for). Built here from the current sources in a copy of the package, so the
// repository's own dist/ and caches are left alone.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const pkg = mkdtempSync(join(tmpdir(), 'migreport-bundle-'));
const bundle = join(pkg, 'dist', 'migreport.cjs');
const codeCache = join(pkg, 'node_modules', '.cache', 'migreport', 'v8-code');
const html = (out: string) => readFileSync(join(pkg, out, '2023-Q4', 'iom-quarterly.en.html'), 'utf8');

function migreport(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(pkg, 'bin', 'migreport.js'), ...args], {
    cwd: pkg,
    env: { ...process.env, CI: '1', NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cacheFiles = () => readdirSync(codeCache).filter((f) => f.endsWith('.bin')).sort();

beforeAll(() => {
  // The package's own files, and node_modules as links to the repository's packages, but with a
  // folder of its own so that node_modules/.cache (where the code cache goes) is this test's.
  for (const dir of ['bin', 'scripts']) cpSync(join(repo, dir), join(pkg, dir), { recursive: true });
  cpSync(join(repo, 'package.json'), join(pkg, 'package.json'));
  for (const dir of ['src', 'templates', 'styles', 'data']) symlinkSync(join(repo, dir), join(pkg, dir));
  mkdirSync(join(pkg, 'node_modules'));
  for (const name of readdirSync(join(repo, 'node_modules'))) {
    if (name !== '.cache') symlinkSync(join(repo, 'node_modules', name), join(pkg, 'node_modules', name));
  }
  const bundled = spawnSync(process.execPath, [join(pkg, 'scripts', 'bundle.mjs')], { encoding: 'utf8' });
  expect(bundled.stderr).toBe('');
  expect(statSync(bundle).size).toBeGreaterThan(1_000_000);
}, 60_000);

afterAll(() => rmSync(pkg, { recursive: true, force: true }));

describe('the bundle with its code cache', () => {
  it('writes the cache after the first build, uses it unchanged after, and gives the same bytes as the sources', () => {
    const first = migreport(['build', '--format', 'html', '--out', 'first']);
    expect(first.code, first.stderr).toBe(0);
    expect(cacheFiles()).toHaveLength(1);
    const [file] = cacheFiles();
    const written = statSync(join(codeCache, file)).mtimeMs;

    const second = migreport(['build', '--format', 'html', '--out', 'second']);
    expect(second.code, second.stderr).toBe(0);
    // Accepted by V8: a refused cache would have been written again.
    expect(cacheFiles()).toEqual([file]);
    expect(statSync(join(codeCache, file)).mtimeMs).toBe(written);
    expect(html('second')).toBe(html('first'));

    const sources = migreport(['build', '--format', 'html', '--out', 'sources'], { MIGREPORT_FROM_SOURCES: '1' });
    expect(sources.code, sources.stderr).toBe(0);
    expect(html('sources')).toBe(html('first'));
  }, 90_000);

  it('keeps a cache for each set of languages: a Kazakh build starts from another\'s, saves its own, and the next uses it', () => {
    const before = cacheFiles();
    expect(before.some((f) => f.endsWith('.default.bin'))).toBe(true);
    const kk = () => readFileSync(join(pkg, 'kk', '2023-Q4', 'iom-quarterly.kk.html'), 'utf8');
    const first = migreport(['build', '--lang', 'kk', '--format', 'html', '--out', 'kk']);
    expect(first.code, first.stderr).toBe(0);
    const added = cacheFiles().filter((f) => !before.includes(f));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^[0-9a-f]{32}\.kk\.bin$/);
    const written = statSync(join(codeCache, added[0])).mtimeMs;
    const page = kk();
    // The same set given otherwise (--lang=kk) is the same cache, used unchanged; the others are not touched.
    const again = migreport(['build', '--lang=kk', '--format', 'html', '--out', 'kk']);
    expect(again.code, again.stderr).toBe(0);
    expect(cacheFiles()).toEqual([...before, ...added].sort());
    expect(statSync(join(codeCache, added[0])).mtimeMs).toBe(written);
    expect(kk()).toBe(page);
  }, 90_000);

  it('prints a PDF with Puppeteer from its own bundle, whose code is cached beside the program\'s', () => {
    expect(statSync(join(pkg, 'dist', 'puppeteer.cjs')).size).toBeGreaterThan(1_000_000);
    const before = cacheFiles();
    const r = migreport(['build', '--format', 'pdf', '--out', 'pdf']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(pkg, 'pdf', '2023-Q4', 'iom-quarterly.en.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const added = cacheFiles().filter((f) => !before.includes(f));
    expect(added).toHaveLength(1);
  }, 90_000);

  it('never runs a cache made from another bundle of the same length', () => {
    // V8 checks only the source's length; the cache's name must change with the bundle's content.
    migreport(['build', '--format', 'html', '--out', 'before']);
    expect(html('before')).toContain('had returned to Kazakhstan');
    const source = readFileSync(bundle, 'utf8');
    const edited = source.replaceAll('had returned to Kazakhstan', 'HAD RETURNED TO KAZAKHSTAN');
    expect(edited.length).toBe(source.length);
    expect(edited).not.toBe(source);
    writeFileSync(bundle, edited);

    const after = migreport(['build', '--format', 'html', '--out', 'after']);
    expect(after.code, after.stderr).toBe(0);
    expect(html('after')).toContain('HAD RETURNED TO KAZAKHSTAN');
    expect(html('after')).not.toContain('had returned to Kazakhstan');
    writeFileSync(bundle, source);
  }, 90_000);

  it('reports a bad data file from the bundle as one located line, exit 1', () => {
    const data = join(pkg, 'bad-data');
    cpSync(join(repo, 'data'), data, { recursive: true });
    const file = join(data, 'observations', 'border-2023-q4.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[3] = lines[3].replace(/,(\d+),/, ',"1,334,101",');
    writeFileSync(file, lines.join('\n'));
    const r = migreport(['validate', '--data', 'bad-data']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^bad-data\/observations\/border-2023-q4\.csv:4:\d+: error: value "1,334,101" is not a number/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
