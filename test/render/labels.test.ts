// The fixed words around the sentences (src/render/labels.ts), in every language, and the templates' use of them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { loadAndAudit, projectPaths, renderReport, type RenderedReport } from '../../src/pipeline.ts';
import { renderHtml, requireLabels } from '../../src/render/index.ts';
import { LABEL_LANGUAGES, labelsFor, type Labels } from '../../src/render/labels.ts';
import type { Dataset } from '../../src/model.ts';

const en = labelsFor('en');
const fields = Object.keys(en) as (keyof Labels)[];
const placeholders = (text: string) => [...text.matchAll(/\{[a-z]+\}/g)].map((m) => m[0]).sort();

describe('labels', () => {
  it('has English, Russian and Kazakh', () => {
    expect([...LABEL_LANGUAGES].sort()).toEqual(['en', 'kk', 'ru']);
  });

  it.each(LABEL_LANGUAGES)('%s: every label is there and not empty', (lang) => {
    const labels = labelsFor(lang)!;
    expect(Object.keys(labels).sort()).toEqual([...fields].sort());
    for (const f of fields) expect(labels[f].trim(), `${lang}.${f}`).not.toBe('');
  });

  it.each(['ru', 'kk'])('%s: no Latin letter in any label (outside its placeholders)', (lang) => {
    const labels = labelsFor(lang)!;
    for (const f of fields) expect(labels[f].replace(/\{[a-z]+\}/g, ''), `${lang}.${f}`).not.toMatch(/[A-Za-z]/);
  });

  it.each(LABEL_LANGUAGES)('%s: keeps the placeholders of the English labels, and no others', (lang) => {
    const labels = labelsFor(lang)!;
    for (const f of fields) expect(placeholders(labels[f]), `${lang}.${f}`).toEqual(placeholders(en[f]));
    expect(placeholders(labels.pageLabel)).toEqual(['{pages}', '{page}']);
    expect(placeholders(labels.noteRef)).toEqual(['{n}']);
  });

  it('differs from English in every field of ru and kk (nothing left untranslated)', () => {
    for (const lang of ['ru', 'kk']) for (const f of fields) expect(labelsFor(lang)![f], `${lang}.${f}`).not.toBe(en[f]);
  });

  it('gives no labels for an unknown language, and the render stage stops on it', () => {
    expect(labelsFor('de')).toBeUndefined();
    expect(labelsFor('toString')).toBeUndefined();
    expect(labelsFor('en').contents).toBe('Contents');
    expect(() => requireLabels('de')).toThrow(UserError);
    try {
      requireLabels('de');
    } catch (e) {
      expect((e as UserError).message).toContain('"de"');
    }
    expect(requireLabels('ru')).toBe(labelsFor('ru'));
  });
});

describe('templates', () => {
  const templates = join(process.cwd(), 'templates');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.hbs') ? [join(dir, d.name)] : []));

  it('print no fixed word of their own: text and aria/meta values come from {{…}}', () => {
    const found: string[] = [];
    for (const file of files(templates)) {
      const text = readFileSync(file, 'utf8')
        .replace(/\{\{[^}]*\}\}/g, '')
        .replace(/<!doctype html>/i, '');
      // Text between tags, and the values of attributes a reader (or a screen reader, or a search engine) gets.
      for (const m of text.matchAll(/>([^<]*)</g)) if (/[A-Za-z]{2,}/.test(m[1])) found.push(`${file}: ${m[1].trim()}`);
      for (const m of text.matchAll(/(aria-label|title|alt|content)="([^"]*)"/g)) {
        if (/[A-Za-z]{2,}/.test(m[2]) && m[2] !== 'migreport' && !m[2].startsWith('width=')) found.push(`${file}: ${m[1]}="${m[2]}"`);
      }
    }
    expect(found).toEqual([]);
  });

  describe('a report rendered with the Russian and Kazakh labels', () => {
    const paths = projectPaths(process.cwd());
    let dataset: Dataset;
    let report: RenderedReport;
    beforeAll(async () => {
      ({ dataset } = await loadAndAudit(paths));
      report = await renderReport(dataset, [], { template: 'iom-quarterly', lang: 'en' }, paths);
    });

    it.each(['ru', 'kk'])('%s: footnote links, keywords and headings are in that language', (lang) => {
      const labels = labelsFor(lang)!;
      // The English report model rendered with another language's labels: what the templates print is the labels'.
      const html = renderHtml(report.model, [], {
        root: paths.root,
        template: 'iom-quarterly',
        lang,
        sources: dataset.reference.sources,
        dateLabel: (iso) => iso,
      });
      const dom = parse(html);
      const back = dom.querySelectorAll('a.fnback').map((a) => a.getAttribute('aria-label'));
      expect(back.length).toBeGreaterThan(0);
      expect(new Set(back)).toEqual(new Set([labels.backToText]));
      const refs = dom.querySelectorAll('a.fnref');
      expect(refs[0].getAttribute('aria-label')).toBe(labels.noteRef.replace('{n}', '1'));
      expect(dom.querySelector('meta[name="keywords"]')!.getAttribute('content')).toBe(`${labels.keywords}, ${report.model.meta.periodLabel}`);
      expect(dom.querySelector('#toc-title')!.text).toBe(labels.contents);
      expect(dom.querySelector('#footnotes-title')!.text).toBe(labels.footnotes);
      for (const word of ['back to text', 'note 1"', 'migration, Kazakhstan', '>Contents<', '>Notes and sources<']) expect(html).not.toContain(word);
    });
  });
});
