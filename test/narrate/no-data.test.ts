// Sections without data: the "no data" sentence names indicators as written (proper nouns kept), passes the
// self-check, and a period with no data at all leaves every section empty so the pipeline refuses it.
import { describe, expect, it } from 'vitest';
import { narrate, checkSentence, localeFor } from '../../src/narrate/index.ts';
import { renderReport, projectPaths } from '../../src/pipeline.ts';
import { UserError } from '../../src/errors.ts';
import { DATA_DIR, sampleDataset } from '../compare/sample.ts';
import { codeOf } from './code-of.ts';

const ds = await sampleDataset();
const L = localeFor(ds, 'en');
const withoutKandas = { ...ds, observations: ds.observations.filter((o) => !o.indicator.startsWith('kandas')) };


describe('a section with no data', () => {
  const { model, computed } = narrate(withoutKandas, { template: 'iom-quarterly', period: '2023-Q4', lang: 'en' });
  const kandas = model.sections.find((s) => s.id === 'kandas')!;
  const [missing] = kandas.paragraphs.flat();

  it('says so in one sentence that keeps proper nouns and the year of a name', () => {
    expect(kandas.paragraphs.flat()).toHaveLength(1);
    expect(missing.text).toBe(
      'No data on people granted kandas status this year, ethnic Kazakhs returned since 1991, kandas by age group and working-age kandas by education were available for the report period.',
    );
    expect(missing.indicators).toEqual(['kandas_granted', 'kandas_total', 'kandas_by_age', 'kandas_by_education']);
  });

  it('passes the self-check, which still reads figures outside the names', () => {
    expect(codeOf(() => checkSentence(missing, computed.facts, L, ds.reference))).toBeUndefined();
    const bad = { ...missing, text: missing.text.replace('for the report period', 'for 2,000 people') };
    expect(codeOf(() => checkSentence(bad, computed.facts, L, ds.reference))).toBe('narrate/number-without-fact');
    // Without the indicators it names, "1991" is a figure of no fact.
    expect(codeOf(() => checkSentence({ ...missing, indicators: undefined }, computed.facts, L, ds.reference))).toBe('narrate/number-without-fact');
  });

  it('names an indicator the locale has no phrase for exactly as indicators.csv writes it', () => {
    expect(L.t.noun('pr_arrivals_share')).toBe(ds.reference.indicators.get('pr_arrivals_share')!.names.en);
    expect(L.t.noun('kandas_total')).toBe('ethnic Kazakhs returned since 1991');
  });
});

describe('a period with no data at all', () => {
  it('leaves every section empty, without findings', () => {
    const { model } = narrate(ds, { template: 'iom-quarterly', period: '2010-Q1', lang: 'en' });
    expect(model.findings).toEqual([]);
    for (const s of model.sections) expect([s.id, s.paragraphs, s.tables, s.charts, s.notes]).toEqual([s.id, [], [], [], []]);
  });

  it('is refused by the pipeline with its own error', async () => {
    const err = await renderReport(ds, [], { template: 'iom-quarterly', period: '2010-Q1', lang: 'en' }, projectPaths(DATA_DIR + '/..')).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('cli/no-data-for-period');
    expect((err as UserError).message).toContain('the data have nothing for the iom-quarterly report of 2010-Q1');
  });
});
