// Nothing lost: the PDF holds every word of the HTML (README, "What the outputs look like"), for each
// sample edition and for long analyst notes and policy items (reliability check, defect 1: a note of
// 100 sentences was cut after the 70th, a policy item after its 94th sentence, with exit 0).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { missingWords } from './words.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(repo, 'bin', 'migreport.js');
const work = mkdtempSync(join(tmpdir(), 'migreport-nothing-lost-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build(data: string, out: string, period: string, template: string): { html: string; pdf: string; stderr: string } {
  let stderr = '';
  try {
    execFileSync(process.execPath, [cli, 'build', '--data', data, '--out', out, '--period', period, '--template', template], {
      cwd: repo,
      env: { ...process.env, CI: '1', NO_COLOR: '1' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    stderr = String((e as { stderr?: string }).stderr);
    throw new Error(`build failed: ${stderr}`);
  }
  const base = join(out, period, `${template}.en`);
  return { html: readFileSync(`${base}.html`, 'utf8'), pdf: `${base}.pdf`, stderr };
}

const sentences = (what: string, n: number) => Array.from({ length: n }, (_, i) => `${what} sentence number ${i + 1} of the long text.`).join(' ');

describe('nothing lost: every word of the HTML is in the PDF', () => {
  it.each([
    ['2023-Q4', 'iom-quarterly'],
    ['2024-Q1', 'iom-quarterly'],
    ['2023-Q4', 'bns-release'],
    ['2024-Q1', 'bns-release'],
  ])('sample edition %s %s', (period, template) => {
    const { html, pdf } = build(join(repo, 'data'), join(work, 'sample'), period, template);
    expect(missingWords(html, pdf)).toEqual({});
  });

  it('a note of 100 sentences, a note paragraph longer than a page and a policy item of 120 more sentences flow onto the next pages', () => {
    const data = join(work, 'long-data');
    cpSync(join(repo, 'data'), data, { recursive: true });
    const notes = join(data, 'narrative', '2023-Q4', 'notes.yaml');
    writeFileSync(
      notes,
      `notes:\n  kandas: |\n    ${sentences('Note', 100)} FINALNOTEMARKER.\n` +
        `  remittances_out: |\n    ${sentences('Paragraph', 450)} FINALPARAGRAPHMARKER.\n`,
    );
    const policy = join(data, 'narrative', '2023-Q4', 'policy.yaml');
    writeFileSync(policy, readFileSync(policy, 'utf8').replace('illegal transactions, drug trafficking and gambling among them.', `illegal transactions, drug trafficking and gambling among them. ${sentences('Policy', 120)} FINALPOLICYMARKER.`));
    const { html, pdf } = build(data, join(work, 'long-out'), '2023-Q4', 'iom-quarterly');
    expect(html).toContain('FINALPOLICYMARKER');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    for (const marker of ['FINALNOTEMARKER', 'FINALPARAGRAPHMARKER', 'FINALPOLICYMARKER']) expect(text).toContain(marker);
    expect(missingWords(html, pdf)).toEqual({});
  });
});
