// Ctrl-C in the middle of printing: the process exits 130 and no Chromium process or profile is left.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const printFile = fileURLToPath(new URL('../../src/publish/print-file.ts', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'migreport-interrupt-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const chromiumProcesses = (marker: string) =>
  execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((l) => l.includes(marker) && !l.includes('print-file')).length;

/** Runs print-file.ts; sends `signal` once it says "printing"; resolves with its exit and profile folder. */
function printInChild(input: string, output: string, signal?: NodeJS.Signals) {
  return new Promise<{ code: number | null; profile: string; runningWhenSignalled: number }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', printFile, input, output], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let profile = '';
    let runningWhenSignalled = -1;
    child.stdout.on('data', (d) => {
      out += d;
      profile ||= /browser (\S+)/.exec(out)?.[1] ?? '';
      if (signal && runningWhenSignalled < 0 && out.includes('printing')) {
        runningWhenSignalled = chromiumProcesses(profile);
        child.kill(signal);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, profile, runningWhenSignalled }));
  });
}

// A long document so that printing is still under way when the signal arrives.
const fixture = readFileSync(new URL('./fixtures/report.html', import.meta.url), 'utf8');
const long = fixture.replace(/<\/body>/, `${fixture.match(/<section class="chapter"[\s\S]*?<\/section>/g)!.join('\n').repeat(6).replace(/ id="[^"]*"/g, '')}</body>`);
const input = join(work, 'long.html');
writeFileSync(input, long);

describe('interrupting a print', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s mid-print leaves no Chromium behind and no output', async (signal) => {
    const output = join(work, `${signal}.pdf`);
    const { code, profile, runningWhenSignalled } = await printInChild(input, output, signal);
    expect(profile).toContain('migreport-chromium-');
    expect(runningWhenSignalled).toBeGreaterThan(0);
    expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
    await new Promise((r) => setTimeout(r, 300)); // let the killed group be reaped
    expect(chromiumProcesses(profile)).toBe(0);
    expect(existsSync(profile)).toBe(false);
    expect(existsSync(output)).toBe(false);
  });

  it('a finished print leaves no Chromium behind either', async () => {
    const output = join(work, 'done.pdf');
    const { code, profile } = await printInChild(input.replace('long.html', 'long.html'), output);
    expect(code).toBe(0);
    expect(chromiumProcesses(profile)).toBe(0);
    expect(existsSync(profile)).toBe(false);
    expect(readFileSync(output).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
