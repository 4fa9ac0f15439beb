// `migreport validate` through the CLI entry: exit codes and one-line messages, never a stack.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { FIXTURES, projectWith } from '../load/helpers.ts';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('validate', () => {
  it('exits 0 on the minimal project and says what it loaded', async () => {
    const r = await run('validate', '--data', relative(process.cwd(), join(FIXTURES, 'minimal')));
    expect(r).toEqual({
      code: 0,
      out: ['loaded 5 files: 16 observations of 6 indicators, 3 periods (2023-Q1/2023-Q3 … 2023-Q4)', 'audit: no findings'],
      err: [],
    });
  });

  it('exits 1 with one located line per error', async () => {
    const root = projectWith(join(FIXTURES, 'bad', 'thousands-comma'));
    const r = await run('validate', '--data', relative(process.cwd(), join(root, 'data')));
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^.*data\/observations\/obs\.csv:2:6: error: value "1,334,101" is not a number \(hint: write it without thousands separators: 1334101\) \[check\/not-a-number\]$/);
  });

  it('prints findings as warnings (exit 0), and as errors under --strict (exit 1)', async () => {
    const root = projectWith(join(FIXTURES, 'audit'));
    const data = relative(process.cwd(), join(root, 'data'));
    const warn = await run('validate', '--data', data);
    expect(warn.code).toBe(0);
    expect(warn.err).toHaveLength(5);
    expect(warn.err.every((l) => / warning: .* \[audit\/[a-z-]+\]$/.test(l))).toBe(true);
    expect(warn.out[1]).toBe('audit: 5 findings (warnings; --strict makes them errors)');
    const strict = await run('validate', '--data', data, '--strict');
    expect(strict.code).toBe(1);
    expect(strict.err.map((l) => l.replace(/ error: /, ' warning: '))).toEqual(warn.err);
  });

  it('a missing data folder is a one-line error', async () => {
    const r = await run('validate', '--data', 'no/such/folder');
    expect(r).toMatchObject({ code: 1, err: ['error: data folder "no/such/folder" does not exist (hint: pass the data folder with --data) [load/missing-folder]'] });
  });

  it.runIf(existsSync('data/reference/indicators.csv'))('exits 0 on the sample data', async () => {
    const r = await run('validate');
    expect(r.code).toBe(0);
    expect(r.err.every((l) => l.includes(' warning: '))).toBe(true);
  });
});
