// The Russian and Kazakh narrative of the sample (data/narrative/<period>/{report,notes,policy}.<lang>.yaml):
// they parse, carry exactly the English file's text keys, sections and developments, and keep its figures.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(process.cwd(), 'data', 'narrative');
const LANGS = ['ru', 'kk'] as const;
/** The keys of report.yaml that are text, and so translated; the others (period, dates, findings) stay in report.yaml. */
const TEXT_KEYS = ['title', 'subtitle', 'partners', 'about', 'objectives', 'glossary', 'methodology', 'disclaimer', 'publisher', 'publisher_name'];

const periods = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const read = (period: string, name: string): Record<string, unknown> => parse(readFileSync(join(root, period, name), 'utf8'));
const cases = periods.flatMap((period) =>
  ['report', 'notes', 'policy'].filter((f) => existsSync(join(root, period, `${f}.yaml`))).flatMap((f) => LANGS.map((lang) => ({ period, file: f, lang, name: `${period}/${f}.${lang}.yaml` }))),
);

/** Every string in a parsed YAML value, in document order. */
const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : [];

/**
 * The runs of digits of a text, sorted: "3,405,102" and "3 405 102" both give 102, 3, 405, and "25.9%" and
 * "25,9%" both give 25, 9, so a translation that keeps every figure of the English (in its own format) gives
 * the same list. ISO dates (YAML keys `date`) are not text and are left out by the callers.
 */
const digitRuns = (texts: string[]) => texts.flatMap((t) => t.match(/\d+/g) ?? []).sort();

/** Latin letters left after taking out what is Latin in any language: e-mail addresses, web addresses, the acronyms of DTM/MTM and SDC, and a quarter's Roman numeral («IV квартал», «IV тоқсан»). */
const latin = (text: string) =>
  text
    .replace(/\S+@\S+/g, '')
    .replace(/\b[a-z0-9.-]+\.(int|kz|org|com)\b/g, '')
    .replace(/\b(DTM|MTM|SDC)\b/g, '')
    .replace(/\b(I|II|III|IV)(?= (квартал|тоқсан))/g, '')
    .match(/[A-Za-z]+/g) ?? [];

describe('the Russian and Kazakh narrative files', () => {
  it('exist beside every English file', () => {
    for (const { period, file, lang } of cases) expect(existsSync(join(root, period, `${file}.${lang}.yaml`)), `${period}/${file}.${lang}.yaml`).toBe(true);
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  it.each(cases)('$name has the text of the English file, no more and no less', ({ period, file, lang }) => {
    const en = read(period, `${file}.yaml`);
    const tr = read(period, `${file}.${lang}.yaml`);
    expect(tr).toBeTypeOf('object');
    if (file === 'report') {
      expect(Object.keys(tr).sort()).toEqual(Object.keys(en).filter((k) => TEXT_KEYS.includes(k)).sort());
      if (Array.isArray(en.partners)) expect((tr.partners as unknown[]).length).toBe(en.partners.length);
    } else if (file === 'notes') {
      expect(Object.keys(tr)).toEqual(['notes']);
      expect(Object.keys(tr.notes as object).sort()).toEqual(Object.keys(en.notes as object).sort());
    } else {
      expect(Object.keys(tr)).toEqual(['developments']);
      const enItems = en.developments as { date: unknown }[];
      const trItems = tr.developments as Record<string, unknown>[];
      expect(trItems.map((d) => d.date)).toEqual(enItems.map((d) => d.date));
      for (const d of trItems) expect(Object.keys(d).sort()).toEqual(['date', 'text']);
    }
    const texts = (doc: Record<string, unknown>) =>
      strings(
        file === 'policy'
          ? (doc.developments as { text: string }[]).map((d) => d.text)
          : file === 'report'
            ? TEXT_KEYS.map((k) => doc[k])
            : doc,
      );
    for (const t of texts(tr)) expect(t.trim()).not.toBe('');
    // The same figures as the English, and no English word.
    expect(digitRuns(texts(tr))).toEqual(digitRuns(texts(en)));
    expect(texts(tr).flatMap(latin)).toEqual([]);
  });

  it('writes thousands with a no-break space and decimals with a comma, as the Russian and Kazakh editions do', () => {
    for (const { period, file, lang } of cases) {
      const text = readFileSync(join(root, period, `${file}.${lang}.yaml`), 'utf8');
      expect(text, `${period}/${file}.${lang}.yaml`).not.toMatch(/\d,\d{3}(?!\d)|\d\.\d+%|\d \d{3}(?!\d)(?! ?\d)/);
    }
  });
});
