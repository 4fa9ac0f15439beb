// Sections without data: the "no data" sentence names indicators as written (proper nouns kept), passes the
// self-check, and a period with no data at all leaves every section empty so the pipeline refuses it.
import { describe, expect, it } from 'vitest';
import { narrate, localeFor } from '../../src/narrate/index.ts';
import { renderReport, projectPaths } from '../../src/pipeline.ts';
import { UserError } from '../../src/errors.ts';
import { DATA_DIR, sampleDataset } from '../compare/sample.ts';
import { verifyText } from './verify-text.ts';

const ds = await sampleDataset();
const L = localeFor(ds, 'en');
const withoutKandas = { ...ds, observations: ds.observations.filter((o) => !o.indicator.startsWith('kandas')) };


describe('a section with no data', () => {
  const { model } = narrate(withoutKandas, { template: 'iom-quarterly', period: '2023-Q4', lang: 'en' });
  const kandas = model.sections.find((s) => s.id === 'kandas')!;
  const [missing] = kandas.paragraphs.flat();

  it('says so in one sentence that keeps proper nouns and the year of a name', () => {
    expect(kandas.paragraphs.flat()).toHaveLength(1);
    expect(missing.text).toBe(
      'No data on people granted kandas status this year, ethnic Kazakhs returned since 1991, kandas by age group and working-age kandas by education were available for the report period.',
    );
    expect(missing.indicators).toEqual(['kandas_granted', 'kandas_total', 'kandas_by_age', 'kandas_by_education']);
  });

  it('is verified: its claims (no data for each indicator) hold, and a figure slipped in is an orphan', () => {
    expect(missing.claims.map((c) => c.what)).toEqual(['no_data', 'no_data', 'no_data', 'no_data']);
    expect(verifyText(withoutKandas, L, missing.text, missing.claims, '2023-Q4')).toEqual([]);
    const bad = missing.text.replace('for the report period', 'for 2,000 people');
    expect(verifyText(withoutKandas, L, bad, missing.claims, '2023-Q4').join('\n')).toMatch(/2,000 is stated by no claim/);
    // Said of the period the sample's kandas rows are for, the claim that there are no data is false.
    const atStock = missing.claims.map((c) => ({ ...c, period: '2023-09-01' }));
    expect(verifyText(ds, L, missing.text, atStock, '2023-09-01').join('\n')).toMatch(/no data for kandas_granted/);
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
