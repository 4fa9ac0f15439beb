// Atomic outputs: a failed write leaves the previous outputs byte-identical and no temporary files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

describe('an interrupt while an output is written', () => {
  it('removes the temporary file being written, not only those already written, and keeps the old files', () => {
    // A child writes two outputs, the second 300 MB, and sends itself SIGINT once that one's temporary file exists:
    // the handler runs while its bytes are still being written. Its temporary file was left behind, because it was
    // known to the clean-up only once written.
    const script = join(dir, 'interrupted.mts');
    const html = join(dir, 'report.html');
    const pdf = join(dir, 'report.pdf');
    writeFileSync(html, 'old html');
    writeFileSync(pdf, 'old pdf');
    writeFileSync(
      script,
      `import { readdirSync } from 'node:fs';
import { writeOutputs } from ${JSON.stringify(fileURLToPath(new URL('../../src/publish/write.ts', import.meta.url)))};
const poll = setInterval(() => {
  if (readdirSync(${JSON.stringify(dir)}).some((n) => n.startsWith('.report.pdf.'))) {
    clearInterval(poll);
    process.kill(process.pid, 'SIGINT');
  }
}, 1);
await writeOutputs([{ path: ${JSON.stringify(html)}, data: 'new html' }, { path: ${JSON.stringify(pdf)}, data: new Uint8Array(300 * 2 ** 20) }]);
console.log('written');
`,
    );
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
    expect(r.stdout).not.toContain('written');
    expect(r.status).toBe(130);
    expect(readdirSync(dir).sort()).toEqual(['interrupted.mts', 'report.html', 'report.pdf']);
    expect(readFileSync(html, 'utf8')).toBe('old html');
    expect(readFileSync(pdf, 'utf8')).toBe('old pdf');
  }, 60_000);
});
