// Golden sentence files per section: written by the code on first run; a mismatch writes `<name>-changed` beside the golden and fails.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { narrate } from '../../src/narrate/index.ts';
import { sampleDataset } from '../compare/sample.ts';

const GOLDEN = join(import.meta.dirname, 'golden');
const ds = await sampleDataset();

const cases = [
  { template: 'iom-quarterly', period: '2023-Q4' },
  { template: 'bns-release', period: '2024-Q1' },
] as const;

describe.each(cases)('$template $period', ({ template, period }) => {
  const { model } = narrate(ds, { template, period, lang: 'en' });
  const files: [string, string][] = [
    [`${template}-${period}-findings.txt`, model.findings.map((f) => `- ${f.text}`).join('\n')],
    ...model.sections.map((s): [string, string] => [
      `${template}-${period}-${s.id}.txt`,
      [...s.paragraphs.map((p) => p.map((x) => x.text).join('\n')), ...s.notes.map((n) => `Note: ${n}`)].join('\n\n'),
    ]),
  ];
  it.each(files)('%s', (name, text) => {
    const file = join(GOLDEN, name);
    const changed = `${file}-changed`;
    const content = text + '\n';
    if (!existsSync(file)) {
      writeFileSync(file, content);
      return;
    }
    if (readFileSync(file, 'utf8') !== content) {
      writeFileSync(changed, content);
      expect.fail(`${name} differs from its golden; the new text is in ${name}-changed`);
    }
    rmSync(changed, { force: true });
  });
});
