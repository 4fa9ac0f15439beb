// Several editions in one command: lists and `all`, one load, a line per edition, skipped combinations said,
// an index of what was built (HTML only here: the PDF path is the single build's, tested in test/build/).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/commands/build.ts';
import { UserError } from '../../src/errors.ts';

const root = join(import.meta.dirname, '..', '..');
const out = mkdtempSync(join(tmpdir(), 'migreport-editions-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function run(opts: Record<string, string>) {
  const lines = { out: [] as string[], err: [] as string[] };
  const code = await build({ format: 'html', out, ...opts }, { out: (l) => lines.out.push(l), err: (l) => lines.err.push(l) }, root);
  return { code, ...lines };
}

describe('build --template a,b --period x,y', () => {
  it('builds every combination with data, skips the others with a line, and writes an index', async () => {
    const r = await run({ template: 'iom-quarterly,press-brief', period: '2023-Q4,2019' });
    expect(r.code).toBe(0);
    expect(r.out).toContain(join(out, '2023-Q4', 'iom-quarterly.en.html'));
    expect(r.out).toContain(join(out, '2019', 'press-brief.en.html'));
    expect(r.err.some((l) => /^\[\d\/4\] iom-quarterly 2019 en: skipped: no data for this period/.test(l))).toBe(true);
    expect(r.err.at(-1)).toMatch(/^3 built, 1 skipped, 0 failed$/);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('href="2023-Q4/iom-quarterly.en.html"');
    expect(index).toContain('href="2019/press-brief.en.html"');
    expect(existsSync(join(out, '2019', 'iom-quarterly.en.html'))).toBe(false);
  });

  it('--period all builds each kind for every period its spec allows', async () => {
    const r = await run({ template: 'bns-release', period: 'all' });
    expect(r.code).toBe(0);
    const built = r.err.filter((l) => /: built /.test(l)).length;
    expect(built).toBeGreaterThan(5);
    expect(r.err.at(-1)).toMatch(new RegExp(`^${built} built, 0 skipped, 0 failed$`));
  });

  it('a misspelt kind in a list is an error before anything is read', async () => {
    await expect(run({ template: 'iom-quarterly,pres-brief', period: '2023-Q4' })).rejects.toThrow(UserError);
    await expect(run({ template: 'iom-quarterly,pres-brief', period: '2023-Q4' })).rejects.toThrow(/unknown report kind "pres-brief"/);
  });
});
