// `migreport text` in Russian and Kazakh: the fixed words of the plain text (the key findings' heading, a note's
// label) come from the edition's labels, like the HTML's — no English word in a Russian or Kazakh text.
import { describe, expect, it } from 'vitest';
import { text } from '../../src/commands/text.ts';

const root = new URL('../../', import.meta.url).pathname;

async function run(lang: string): Promise<string[]> {
  const out: string[] = [];
  const code = await text({ data: `${root}data`, template: 'iom-quarterly', period: '2023-Q4', lang }, { out: (l) => out.push(l), err: () => undefined });
  expect(code).toBe(0);
  return out.join('\n').split('\n');
}

describe('migreport text', () => {
  it.each([
    ['ru', 'Основные выводы', 'Примечание: '],
    ['kk', 'Негізгі қорытындылар', 'Ескертпе: '],
    ['en', 'Key findings', 'Note: '],
  ])('%s: the headings and note labels are the edition’s own', async (lang, heading, note) => {
    const lines = await run(lang);
    expect(lines).toContain(heading);
    expect(lines.some((l) => l.startsWith(note))).toBe(true);
    if (lang !== 'en') expect(lines.filter((l) => /^(Key findings|Note:)/.test(l))).toEqual([]);
  });

  it('titles a period without a narrative as its HTML does', async () => {
    const out: string[] = [];
    expect(await text({ data: `${root}data`, template: 'bns-release', period: '2016-Q2', lang: 'ru' }, { out: (l) => out.push(l), err: () => undefined })).toBe(0);
    expect(out.join('\n').split('\n')[0]).toBe('Миграция в Казахстане');
  });
});
