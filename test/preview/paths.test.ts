import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestPath, resolveInside } from '../../src/preview/paths.ts';

describe('requestPath', () => {
  it.each([
    ['/', '/'],
    ['/report.pdf', '/report.pdf'],
    ['/img/logo.svg?x=1', '/img/logo.svg'],
    ['/a%20b.txt', '/a b.txt'],
  ])('accepts %s as %s', (raw, decoded) => {
    expect(requestPath(raw)).toEqual({ ok: true, path: decoded });
  });

  it.each([
    '/../package.json',
    '/a/../../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E/package.json',
    '/..%2fpackage.json',
    '/..%2Fpackage.json',
    '/%2e%2e%2fpackage.json',
    '/%252e%252e/package.json',
    '/%252e%252e%252fpackage.json',
    '/..\\package.json',
    '/%2e%2e%5cpackage.json',
    '/..%5Cpackage.json',
    '/index.html%00.txt',
    '/./index.html',
    '/%2e/index.html',
    'package.json',
    'http://example.com/../package.json',
    '/%zz',
  ])('refuses %s', (raw) => {
    expect(requestPath(raw).ok).toBe(false);
  });
});

describe('resolveInside', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'migreport-paths-'));
    await mkdir(path.join(root, 'out', 'img'), { recursive: true });
    await writeFile(path.join(root, 'out', 'img', 'logo.svg'), '<svg/>');
    await writeFile(path.join(root, 'secret.txt'), 'secret');
    await symlink(path.join(root, 'secret.txt'), path.join(root, 'out', 'leak.txt'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('finds a file inside the folder', async () => {
    expect(await resolveInside(path.join(root, 'out'), '/img/logo.svg')).toEqual({
      ok: true,
      file: path.join(root, 'out', 'img', 'logo.svg'),
    });
  });

  it.each([
    ['/../secret.txt', 403],
    ['/img/../../secret.txt', 403],
    ['/leak.txt', 403],
    ['/missing.txt', 404],
    ['/', 403],
  ])('refuses %s with %i', async (p, status) => {
    expect(await resolveInside(path.join(root, 'out'), p)).toEqual({ ok: false, status });
  });
});
