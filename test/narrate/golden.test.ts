// Golden sentence files per section and per language (English in golden/, others in golden/<lang>/). A missing or
// different golden fails and writes `<name>-changed` beside it; UPDATE_GOLDEN=1 writes (or overwrites) the goldens
// instead — read the diff, as an editor of that language, before committing them.
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { expectGolden } from '../golden.ts';
import { LOCALES, narrate } from '../../src/narrate/index.ts';
import { sampleDataset } from '../compare/sample.ts';

const GOLDEN = join(import.meta.dirname, 'golden');
const ds = await sampleDataset();

const editions = [
  { template: 'iom-quarterly', period: '2023-Q4' },
  { template: 'bns-release', period: '2024-Q1' },
  { template: 'press-brief', period: '2025' },
  { template: 'press-brief', period: '2019' },
] as const;
const cases = Object.keys(LOCALES).flatMap((lang) => editions.map((e) => ({ ...e, lang })));

describe.each(cases)('$template $period $lang', ({ template, period, lang }) => {
  const { model } = narrate(ds, { template, period, lang });
  const dir = lang === 'en' ? GOLDEN : join(GOLDEN, lang);
  const files: [string, string][] = [
    [`${template}-${period}-findings.txt`, model.findings.map((f) => `- ${f.text}`).join('\n')],
    ...model.sections.map((s): [string, string] => [
      `${template}-${period}-${s.id}.txt`,
      [`# ${s.number} ${s.title}`, ...s.paragraphs.map((p) => p.map((x) => x.text).join('\n')), ...s.notes.map((n) => `Note: ${n.text}`)].join('\n\n'),
    ]),
  ];
  it.each(files)('%s', (name, text) => expectGolden(dir, name, text + '\n'));
});
