// The narrative and the citations of an edition in another language: texts from report.<lang>.yaml,
// notes.<lang>.yaml, policy.<lang>.yaml and sources.csv's <field>_<lang> columns; every text the edition would show
// in English instead is a located error (issue 12, point 1: never English text slipped into a Russian page).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/index.ts';
import { narrativeIn, readAllTranslations } from '../../src/load/narrative.ts';
import { sourcesIn } from '../../src/render/sources.ts';
import { UserError, UserErrors } from '../../src/errors.ts';
import { projectWith } from './helpers.ts';

const NARR = 'data/narrative/2023-Q4';
function withFiles(files: Record<string, string>): string {
  const root = projectWith();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return root;
}
const load = (root: string) => loadProject('data', { root });
const errorsOf = (f: () => unknown): UserError[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof UserErrors) return e.errors;
    if (e instanceof UserError) return [e];
    throw e;
  }
  return [];
};
const where = (e: UserError) => `${e.at?.file}:${e.at?.line}:${e.at?.column ?? ''}`;

const RU_REPORT = 'title: Обзор миграционной ситуации\nsubtitle: Квартальный сборник\npartners: [Пограничная служба]\n';
const RU_NOTES = 'notes:\n  flows: Рост может быть связан с сезонной работой.\n';
const RU_POLICY = 'developments:\n  - date: 2023-10-26\n    text: Вступило в силу новое правило о *временном проживании*.\n';

describe('a narrative in another language', () => {
  it('takes every text from the translation files, and keeps dates, period and findings of report.yaml', async () => {
    const ds = await load(withFiles({ [`${NARR}/report.ru.yaml`]: RU_REPORT, [`${NARR}/notes.ru.yaml`]: RU_NOTES, [`${NARR}/policy.ru.yaml`]: RU_POLICY }));
    const n = narrativeIn(ds.narratives.get('2023-Q4'), 'ru')!;
    expect(n.report.title).toBe('Обзор миграционной ситуации');
    expect(n.report.partners).toEqual(['Пограничная служба']);
    expect(n.report.published).toEqual(ds.narratives.get('2023-Q4')!.report.published);
    expect(n.report.findings).toEqual({ pin: ['border_arrivals.cis.change'] });
    expect(n.notes.flows).toMatch(/^Рост/);
    expect(n.policy).toEqual([expect.objectContaining({ date: '2023-10-26', sources: ['iom-2023-q4'], text: expect.stringMatching(/^Вступило/) })]);
    // English is the narrative's own language: itself.
    expect(narrativeIn(ds.narratives.get('2023-Q4'), 'en')).toBe(ds.narratives.get('2023-Q4'));
  });

  it('names each text that has no translation, at its key in the English file', async () => {
    const ds = await load(withFiles({ [`${NARR}/report.ru.yaml`]: 'title: Обзор\n' }));
    const errors = errorsOf(() => narrativeIn(ds.narratives.get('2023-Q4'), 'ru'));
    expect(errors.map((e) => [e.code, where(e)])).toEqual([
      ['load/missing-translation', `${NARR}/report.yaml:2:1`],
      ['load/missing-translation', `${NARR}/report.yaml:5:1`],
      ['load/missing-translation', `${NARR}/notes.yaml:2:3`],
      ['load/missing-translation', `${NARR}/policy.yaml:2:5`],
    ]);
    expect(errors[0].message).toBe(`the Russian edition needs "subtitle" in Russian, and ${NARR}/report.ru.yaml does not have it`);
    expect(errors[2].hint).toMatch(/write .*notes\.ru\.yaml beside this file/);
    // No translation at all: the same texts, and the Kazakh files are named.
    expect(errorsOf(() => narrativeIn(ds.narratives.get('2023-Q4'), 'kk')).map((e) => e.message)[0]).toMatch(/Kazakh edition needs "title" in Kazakh, and .*report\.kk\.yaml does not exist/);
  });

  it('checks a policy translation one for one against policy.yaml, and keys against report.yaml', async () => {
    const bad = withFiles({
      [`${NARR}/policy.ru.yaml`]: 'developments:\n  - date: 2023-10-27\n    text: Новое правило.\n  - date: 2023-11-01\n    text: Лишнее.\n',
      [`${NARR}/report.ru.yaml`]: 'title: Обзор\npublished: 2024-01-31\n',
    });
    // Read when an edition in Russian asks for them (and by `migreport validate`), not by an English build's load.
    const ds = await load(bad);
    const e = errorsOf(() => narrativeIn(ds.narratives.get('2023-Q4'), 'ru'));
    const again = await load(bad);
    expect(errorsOf(() => readAllTranslations(again.narratives.get('2023-Q4')!)).map((x) => x.code)).toEqual(['load/translation-date-differs', 'load/translation-extra-item', 'load/unknown-key']);
    expect(e?.map((x) => [x.code, where(x)])).toEqual([
      ['load/translation-date-differs', `${NARR}/policy.ru.yaml:2:11`],
      ['load/translation-extra-item', `${NARR}/policy.ru.yaml:4:5`],
      ['load/unknown-key', `${NARR}/report.ru.yaml:2:1`],
    ]);
  });
});

describe('sources cited in another language', () => {
  it('take publisher_<lang>, title_<lang> and note_<lang>; a cited source without them is located at its cell', async () => {
    const root = projectWith();
    writeFileSync(
      join(root, 'data/reference/sources.csv'),
      'id,publisher,title,year,url,note,publisher_ru,title_ru,note_ru\n' +
        'border-service,Border Service,Entries and exits of foreign citizens,2024,https://example.org/border,,Пограничная служба,Въезды и выезды иностранных граждан,\n' +
        'iom-2023-q4,IOM,"Overview, 2023 Q4",2023,https://example.org/iom,Shares as printed,МОМ,,\n',
    );
    const ds = await load(root);
    const ru = sourcesIn(ds.reference.sources, ['border-service'], 'ru');
    expect(ru.get('border-service')).toMatchObject({ publisher: 'Пограничная служба', title: 'Въезды и выезды иностранных граждан' });
    expect(sourcesIn(ds.reference.sources, ['iom-2023-q4'], 'en')).toBe(ds.reference.sources);
    const errors = errorsOf(() => sourcesIn(ds.reference.sources, ['iom-2023-q4'], 'ru'));
    expect(errors.map((e) => where(e))).toEqual(['data/reference/sources.csv:3:8', 'data/reference/sources.csv:3:9']);
    expect(errors[1].message).toBe('the ru edition cites the source "iom-2023-q4", and its note_ru is empty');
    // A language with no columns at all: located at the header, after its last column.
    expect(errorsOf(() => sourcesIn(ds.reference.sources, ['border-service'], 'kk')).map((e) => [where(e), e.hint])).toEqual([
      ['data/reference/sources.csv:1:10', 'add a column publisher_kk to sources.csv and fill it for the sources this edition cites'],
      ['data/reference/sources.csv:1:10', 'add a column title_kk to sources.csv and fill it for the sources this edition cites'],
    ]);
  });
});
