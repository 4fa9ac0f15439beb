// Every sample edition — each kind, each period it can be built for, each language — built with its PDF in one
// command, as a publisher would: none fails, and the printed pages hold every text inside its box (no
// text-overflow or block-too-tall warning) and none is left nearly empty, in Russian and Kazakh as in English
// (issue 12, points 5 and 6; issue 13, point 3).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/commands/build.ts';
import { LOCALES } from '../../src/narrate/index.ts';

const root = join(import.meta.dirname, '..', '..');
const out = mkdtempSync(join(tmpdir(), 'migreport-every-edition-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('build --template all --period all --lang all --format html,pdf', () => {
  it('builds every edition, each page holding its text', { timeout: 600_000 }, async () => {
    const lines = { out: [] as string[], err: [] as string[] };
    const code = await build({ format: 'html,pdf', out, template: 'all', period: 'all', lang: 'all' }, { out: (l) => lines.out.push(l), err: (l) => lines.err.push(l) }, root);
    const failed = lines.err.filter((l) => /: failed/.test(l));
    expect(failed).toEqual([]);
    expect(code).toBe(0);
    // Nor a page before the last that is more than 60% blank (src/publish/pdf.ts MAX_BLANK says why 60%).
    const layout = lines.err.filter((l) => /publish\/(text-overflow|block-too-tall|page-nearly-empty)/.test(l));
    expect(layout).toEqual([]);
    const built = Number(/^(\d+) built/.exec(lines.err.at(-1) ?? '')?.[1]);
    const langs = Object.keys(LOCALES);
    // Each language has the same editions.
    for (const lang of langs) expect(lines.out.filter((l) => l.endsWith(`.${lang}.pdf`)).length).toBe(built / langs.length);
    expect(readdirSync(out).length).toBeGreaterThan(10);
  });

  // The IOM kind's periods are the quarters with border rows by country (its report.yaml: period.rows), so `all` does
  // not list the quarters that have totals alone; their editions build when asked, with the quarterly series chart.
  it('builds the IOM editions of the quarters with totals alone, each page holding its text', { timeout: 300_000 }, async () => {
    const lines = { out: [] as string[], err: [] as string[] };
    const code = await build({ format: 'html,pdf', out, template: 'iom-quarterly', period: '2024-Q1,2024-Q2', lang: 'all' }, { out: (l) => lines.out.push(l), err: (l) => lines.err.push(l) }, root);
    expect(lines.err.filter((l) => /: failed/.test(l))).toEqual([]);
    expect(code).toBe(0);
    expect(lines.err.filter((l) => /publish\/(text-overflow|block-too-tall|page-nearly-empty)/.test(l))).toEqual([]);
    expect(lines.out.filter((l) => l.endsWith('.pdf')).length).toBe(2 * Object.keys(LOCALES).length);
  });
});
