// Golden sentence files per section. A missing or different golden fails and writes `<name>-changed` beside it;
// UPDATE_GOLDEN=1 writes (or overwrites) the goldens instead — read the diff before committing them.
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { expectGolden } from '../golden.ts';
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
      [...s.paragraphs.map((p) => p.map((x) => x.text).join('\n')), ...s.notes.map((n) => `Note: ${n.text}`)].join('\n\n'),
    ]),
  ];
  it.each(files)('%s', (name, text) => expectGolden(GOLDEN, name, text + '\n'));
});
