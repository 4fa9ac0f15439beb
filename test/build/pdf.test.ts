// The sample report built by the CLI in a child process and read back from its PDF (pdftotext per page,
// pdfinfo, pdffonts, the outline), then broken and interrupted: the earlier output survives and no
// Chromium is left. Checks follow the contents page, not fixed page numbers, so the text may change.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { pageTexts, pdfFonts, pdfInfo } from '../publish/pdf-text.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(repo, 'bin', 'migreport.js');
const work = mkdtempSync(join(tmpdir(), 'migreport-build-pdf-'));
const project = join(work, 'project');
const out = join(work, 'out');
// Chromium's profile goes to os.tmpdir() of the child: a folder of our own, so counting processes
// by it sees this test's browsers only, not those of builds running beside it.
const chromiumTmp = join(work, 'tmp');
const profileMarker = join(chromiumTmp, 'migreport-chromium-');
const htmlPath = join(out, '2023-Q4', 'iom-quarterly.en.html');
const pdfPath = join(out, '2023-Q4', 'iom-quarterly.en.pdf');
const brokenFile = join(project, 'data', 'observations', 'border-2023-q4.csv');

const meta = parseYaml(readFileSync(join(repo, 'data', 'narrative', '2023-Q4', 'report.yaml'), 'utf8')) as { title: string };
const periodLabel = 'October–December 2023';
const headerText = `${meta.title} · ${periodLabel}`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  chromiumsWhenSignalled: number;
}

/** Runs `migreport build` in the project copy; with `signal`, sends it once this build's Chromium runs. */
function build(signal?: NodeJS.Signals): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'build', '--out', out], {
      cwd: project,
      env: { ...process.env, CI: '1', NO_COLOR: '1', TMPDIR: chromiumTmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let chromiumsWhenSignalled = -1;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let poll: NodeJS.Timeout | undefined;
    if (signal) {
      poll = setInterval(() => {
        const running = chromiumProcesses();
        if (running > 0 && chromiumsWhenSignalled < 0) {
          chromiumsWhenSignalled = running;
          clearInterval(poll);
          child.kill(signal);
        }
      }, 25);
    }
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      resolve({ code, stdout, stderr, chromiumsWhenSignalled });
    });
  });
}

const chromiumProcesses = () =>
  execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.includes(profileMarker)).length;

const leftProfiles = () => readdirSync(chromiumTmp).filter((name) => name.startsWith('migreport-chromium-'));

/** No Chromium of this test may run, nor its profile remain; the killed group gets a moment to be reaped. */
async function expectNoChromium() {
  for (let i = 0; i < 20 && chromiumProcesses() > 0; i++) await new Promise((r) => setTimeout(r, 100));
  expect(chromiumProcesses()).toBe(0);
  expect(leftProfiles()).toEqual([]);
}

/** The outline's titles, in file order (Chromium writes the outline uncompressed). */
function bookmarkTitles(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const titles: string[] = [];
  for (const m of text.matchAll(/\d+ 0 obj\s*<<((?:(?!endobj)[\s\S]){0,2000}?)>>\s*endobj/g)) {
    if (!/\/Parent \d+ 0 R/.test(m[1])) continue;
    const t = /\/Title\s*(?:\(((?:\\.|[^\\)])*)\)|<([0-9A-Fa-f]+)>)/.exec(m[1]);
    if (!t) continue;
    if (t[1] !== undefined) titles.push(t[1].replace(/\\(.)/g, '$1'));
    else titles.push(Buffer.from(t[2].slice(4), 'hex').swap16().toString('utf16le'));
  }
  return titles;
}

/** "2 Migration inflow and outflow ...... 4" lines of the contents page. */
function contentsEntries(text: string): { title: string; page: number }[] {
  return [...text.matchAll(/^\s*(\d+(?:\.\d+)*\s+\S.*?)\s{2,}(\d+)\s*$/gm)].map((m) => ({ title: m[1].trim(), page: Number(m[2]) }));
}

/** Footnote bodies at a page's foot: "  4. National Border Service …". */
const noteLine = /^\s{0,3}(\d{1,3})\.\s+\S/;
function splitNotes(text: string): { body: string; notes: number[] } {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => noteLine.test(l));
  if (first < 0) return { body: text, notes: [] };
  const notes = lines.slice(first).flatMap((l) => (noteLine.test(l) ? [Number(noteLine.exec(l)![1])] : []));
  return { body: lines.slice(0, first).join('\n'), notes };
}

/** Note markers in the body: a group like "4,5" at the end of a word or one space after it, or alone on
 * a line when pdftotext puts a superscript above the line it belongs to. */
function noteMarkers(body: string): Set<number> {
  const found = new Set<number>();
  for (const m of body.matchAll(/(?:(?<=\S ?)(?<!\d)|^\s*)(\d{1,3}(?:, ?\d{1,3})*)(?=\s|$)/gm)) {
    if (/^\d{1,3}(,\d{3})+$/.test(m[1])) continue; // a number with thousands separators, not notes
    for (const n of m[1].split(/, ?/)) found.add(Number(n));
  }
  return found;
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

let first: Run;
let pages: string[];
let htmlBefore: Buffer;
let pdfBefore: Buffer;

beforeAll(async () => {
  mkdirSync(chromiumTmp);
  for (const dir of ['data', 'templates', 'styles']) cpSync(join(repo, dir), join(project, dir), { recursive: true });
  first = await build();
  htmlBefore = readFileSync(htmlPath);
  pdfBefore = readFileSync(pdfPath);
  pages = pageTexts(pdfPath);
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('migreport build: the sample report as PDF', () => {
  it('succeeds, names both outputs and leaves no Chromium behind', async () => {
    expect(first.stderr).not.toMatch(/error/i);
    expect(first.code).toBe(0);
    expect(first.stdout.trim().split('\n')).toEqual([htmlPath, pdfPath]);
    await expectNoChromium();
  });

  it('has the title, tags and A4 size in pdfinfo, and no blank page', () => {
    const info = pdfInfo(pdfPath);
    expect(info.Title).toBe(`${meta.title} — ${periodLabel}`);
    expect(info.Tagged).toBe('yes');
    expect(info['Page size']).toMatch(/\(A4\)/);
    expect(Number(info.Pages)).toBe(pages.length);
    expect(pages.length).toBeGreaterThanOrEqual(8);
    pages.forEach((text, i) => {
      const body = text.replace(headerText, '').replace(/Page \d+ of \d+/, '').trim();
      expect(body.length, `page ${i + 1} has text`).toBeGreaterThan(60);
    });
  });

  it('embeds every font', () => {
    const fonts = pdfFonts(pdfPath);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
  });

  it('prints the running header and "Page x of y" on every page but the cover', () => {
    expect(pages[0]).toContain(meta.title.split(' ')[0]);
    expect(pages[0]).not.toMatch(/Page \d+ of/);
    expect(pages[0]).not.toContain(headerText);
    pages.slice(1).forEach((text, i) => {
      expect(text, `page ${i + 2}`).toContain(`Page ${i + 2} of ${pages.length}`);
      expect(text.trimStart().startsWith(headerText), `header on page ${i + 2}`).toBe(true);
    });
  });

  it('puts each section on the page the contents give, and on no page before it', () => {
    const contentsPage = pages.findIndex((t) => /^\s*Contents\s*$/m.test(t));
    expect(contentsPage).toBeGreaterThan(0);
    const entries = contentsEntries(pages[contentsPage]);
    expect(entries.map((e) => e.title.split(' ')[0])).toEqual(expect.arrayContaining(['1', '2', '3', '4', '5']));
    let previous = 0;
    for (const { title, page } of entries) {
      expect(page, title).toBeGreaterThan(contentsPage + 1);
      expect(page, `${title}: pages in order`).toBeGreaterThanOrEqual(previous);
      previous = page;
      expect(squash(pages[page - 1]), `${title} on page ${page}`).toContain(title);
      for (let p = contentsPage + 1; p < page - 1; p++) expect(squash(pages[p]), `${title} not on page ${p + 1}`).not.toContain(title);
    }
  });

  it('prints every footnote at the foot of a page whose text carries its number, numbered 1…n through the report', () => {
    const all: number[] = [];
    pages.forEach((text, i) => {
      const { body, notes } = splitNotes(text);
      const markers = noteMarkers(body);
      for (const n of notes) expect(markers.has(n), `note ${n} is cited on page ${i + 1}`).toBe(true);
      all.push(...notes);
    });
    expect(all.length).toBeGreaterThanOrEqual(20);
    expect(all).toEqual(all.map((_, i) => i + 1));
    // The end list is not printed: every note found its page.
    expect(pages.join('\n')).not.toMatch(/^\s*Notes and sources\s*$/m);
  });

  it('has a bookmark for every heading of the contents, spelt as printed', () => {
    const titles = bookmarkTitles(pdfBefore);
    const contentsPage = pages.findIndex((t) => /^\s*Contents\s*$/m.test(t));
    for (const { title } of contentsEntries(pages[contentsPage])) expect(titles).toContain(title);
    expect(titles).toContain(meta.title);
  });
});

describe('migreport build: failures and interrupts', () => {
  const intact = () => {
    expect(readFileSync(htmlPath).equals(htmlBefore), 'HTML unchanged').toBe(true);
    expect(readFileSync(pdfPath).equals(pdfBefore), 'PDF unchanged').toBe(true);
  };

  it('a bad data row: exit 1, one located line, the earlier HTML and PDF untouched, no Chromium left', async () => {
    const good = readFileSync(brokenFile, 'utf8');
    const lines = good.split('\n');
    lines[2] = lines[2].replace(/,(\d+),persons,/, ',12x4,persons,');
    expect(lines[2]).toContain('12x4');
    writeFileSync(brokenFile, lines.join('\n'));
    try {
      const run = await build();
      expect(run.code).toBe(1);
      const errorLines = run.stderr.split('\n').filter((l) => l.trim() !== '');
      expect(errorLines).toHaveLength(1);
      expect(errorLines[0]).toMatch(/^data\/observations\/border-2023-q4\.csv:3:\d+: error: .*12x4/);
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
      intact();
      await expectNoChromium();
    } finally {
      writeFileSync(brokenFile, good);
    }
  }, 120_000);

  it('Ctrl-C (SIGINT) during the build: exit 130, the earlier output untouched, no Chromium left', async () => {
    const run = await build('SIGINT');
    expect(run.chromiumsWhenSignalled).toBeGreaterThan(0);
    expect(run.code).toBe(130);
    intact();
    await expectNoChromium();
    expect(readdirSync(join(out, '2023-Q4')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});
