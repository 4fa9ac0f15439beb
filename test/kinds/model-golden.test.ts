// Golden files of the whole report model (sentences, notes, tables, chart data, captions) and of `text --json`,
// for every period of the sample and every report kind. They pin the output across refactors of the engine: a
// missing or different golden fails and writes `<name>-changed` beside it; UPDATE_GOLDEN=1 writes them instead —
// read every diff before committing.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../golden.ts';
import { narrate } from '../../src/narrate/index.ts';
import { text } from '../../src/commands/text.ts';
import { DATA_DIR, sampleDataset } from '../compare/sample.ts';

const GOLDEN = join(import.meta.dirname, 'golden');
const ds = await sampleDataset();

export const SAMPLE_PERIODS = ['2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024'];
const KINDS = ['iom-quarterly', 'bns-release'];
/** The press brief's periods: the latest year, a year to date, an earlier year and a year with few figures. */
const PRESS_PERIODS = ['2025', '2025-01/2025-06', '2024', '2023', '2019'];

const golden = (name: string, content: string) => expectGolden(GOLDEN, name, content);

describe.each(KINDS)('%s', (template) => {
  it.each(SAMPLE_PERIODS)('%s: report model and text --json', async (period) => {
    const { model } = narrate(ds, { template, period, lang: 'en' });
    // The narrative (report.yaml as written) is input, not output: its keys only.
    const pinned = { ...model, meta: { ...model.meta, narrative: Object.keys(model.meta.narrative).sort() } };
    golden(`${template}-${period}.model.json`, JSON.stringify(pinned, null, 1) + '\n');
    let out = '';
    const code = await text({ data: DATA_DIR, template, period, json: true }, { out: (l) => (out += l + '\n'), err: () => {} });
    expect(code).toBe(0);
    golden(`${template}-${period}.text.json`, out.replaceAll(DATA_DIR, '<data>'));
  });
});

describe('press-brief', () => {
  it.each(PRESS_PERIODS)('%s: report model and text --json', async (period) => {
    const { model } = narrate(ds, { template: 'press-brief', period, lang: 'en' });
    const pinned = { ...model, meta: { ...model.meta, narrative: Object.keys(model.meta.narrative).sort() } };
    const name = `press-brief-${period.replace('/', '_')}`;
    golden(`${name}.model.json`, JSON.stringify(pinned, null, 1) + '\n');
    let out = '';
    const code = await text({ data: DATA_DIR, template: 'press-brief', period, json: true }, { out: (l) => (out += l + '\n'), err: () => {} });
    expect(code).toBe(0);
    golden(`${name}.text.json`, out.replaceAll(DATA_DIR, '<data>'));
  });
});
