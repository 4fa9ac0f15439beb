// `migreport build` and argument handling, through the CLI's main() with captured output.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { tempDir } from '../temp.ts';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('migreport build', () => {
  it('writes <out>/<period>/<template>.<lang>.html and prints its path', async () => {
    const out = tempDir('migreport-build-');
    const r = await run(['build', '--format', 'html', '--out', out]);
    expect(r.err.filter((l) => !l.includes('warning:'))).toEqual([]);
    expect(r.code).toBe(0);
    const file = join(out, '2023-Q4', 'iom-quarterly.en.html');
    expect(r.out).toEqual([file]);
    expect(readFileSync(file, 'utf8')).toMatch(/^<!doctype html>/);
    expect(existsSync(join(out, '2023-Q4', 'iom-quarterly.en.pdf'))).toBe(false);
  });

  it('builds the statistics bureau release for its period', async () => {
    const out = tempDir('migreport-build-');
    const r = await run(['build', '--format', 'html', '--template', 'bns-release', '--period', '2024-Q1', '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, '2024-Q1', 'bns-release.en.html'), 'utf8')).toContain('<html lang="en">');
  });

  it('prints the audit as one summary line, validate lists every finding, and --strict fails', async () => {
    const out = tempDir('migreport-build-');
    const lax = await run(['build', '--format', 'html', '--out', out]);
    const warnings = lax.err.filter((l) => l.includes('warning:'));
    expect(warnings).toHaveLength(1);
    const count = Number(/^warning: (\d+) published figures differ from the data or from their parts \(hint: run "migreport validate" to list them; --strict stops the build on them\) \[audit\/summary\]$/.exec(warnings[0])?.[1]);
    expect(count).toBeGreaterThan(3);
    const listed = (await run(['validate'])).err.filter((l) => l.includes('warning:'));
    expect(listed).toHaveLength(count);
    for (const w of listed) expect(w).toMatch(/^data\/observations\/[\w.-]+\.csv:\d+(:\d+)?: warning: .+ \[audit\/[\w-]+\]$/);
    const strict = await run(['build', '--format', 'html', '--out', tempDir('migreport-build-'), '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.err.some((l) => /prp_balance.*9528|9,528/.test(l))).toBe(true);
  });

  it.each([
    [['build', '--format', 'docx'], /option --format has the value "docx" \(hint: expected a comma-separated list of html, pdf\)/],
    [['build', '--template', 'annual'], /"annual"/],
    [['build', '--period', '2023-Q9'], /2023-Q9/],
    [['build', '--period', '2010-Q1'], /2010-Q1/],
    [['build', '--data', 'no-such-folder'], /no-such-folder/],
    [['build', '--colour'], /unknown option --colour for "build"/],
    [['build', '--period'], /option --period needs a value/],
    [['frobnicate'], /unknown command "frobnicate" \(hint: use one of: build, validate, text, preview\)/],
  ])('%j is a user error: exit 1, one line, no stack', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(1);
    expect(r.err.length).toBeGreaterThanOrEqual(1);
    expect(r.err.join('\n')).toMatch(message);
    expect(r.err.join('\n')).not.toMatch(/\n\s+at |unexpected error/);
  });

  it('prints help for a command', async () => {
    const r = await run(['build', '--help']);
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toMatch(/--format VALUE .*html, pdf/);
    // Every language an edition can be built in, and the lists build takes.
    expect(r.out.join('\n')).toMatch(/--lang VALUE +language: en, ru, kk; a comma-separated list, or all/);
    expect(r.out.join('\n')).toMatch(/--period VALUE .*a comma-separated list, or all/);
    expect(r.out.join('\n')).not.toMatch(/to come/);
  });
});
