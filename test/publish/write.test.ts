// Atomic outputs: a failed write leaves the previous outputs byte-identical and no temporary files.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeAtomic, writeOutputs } from '../../src/publish/write.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'migreport-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeAtomic', () => {
  it('replaces the file and leaves nothing else in the folder', async () => {
    const path = join(dir, 'report.html');
    writeFileSync(path, 'old');
    await writeAtomic(path, 'new ә');
    expect(readFileSync(path, 'utf8')).toBe('new ә');
    expect(readdirSync(dir)).toEqual(['report.html']);
  });

  it('fails as a user error naming the path, and keeps the old file', async () => {
    const path = join(dir, 'missing-folder', 'report.pdf');
    await expect(writeAtomic(path, new Uint8Array([1, 2, 3]))).rejects.toMatchObject({ code: 'publish/write-failed' });
  });
});

describe('writeOutputs', () => {
  it('renames nothing when a later output cannot be written', async () => {
    const html = join(dir, 'report.en.html');
    const pdf = join(dir, 'report.en.pdf');
    writeFileSync(html, 'previous html');
    writeFileSync(pdf, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]));
    const before = [readFileSync(html), readFileSync(pdf)];
    await expect(
      writeOutputs([
        { path: html, data: 'new html' },
        { path: pdf, data: new Uint8Array([9, 9, 9]) },
        { path: join(dir, 'no-such-folder', 'report.en.json'), data: '{}' },
      ]),
    ).rejects.toMatchObject({ code: 'publish/write-failed' });
    expect(readFileSync(html).equals(before[0])).toBe(true);
    expect(readFileSync(pdf).equals(before[1])).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['report.en.html', 'report.en.pdf']);
  });

  it('writes every output when all succeed', async () => {
    const files = [
      { path: join(dir, 'a.html'), data: 'A' },
      { path: join(dir, 'a.pdf'), data: new Uint8Array([1, 2]) },
    ];
    await writeOutputs(files);
    expect(readFileSync(files[0].path, 'utf8')).toBe('A');
    expect([...readFileSync(files[1].path)]).toEqual([1, 2]);
    expect(readdirSync(dir).sort()).toEqual(['a.html', 'a.pdf']);
  });
});
