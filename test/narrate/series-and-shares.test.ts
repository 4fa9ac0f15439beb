// The IOM compilation's series chart (border arrivals and departures by quarter; temporary residence permit holders
// by quarter when the data hold them) and its kandas by country of origin (published shares): when they are drawn,
// what their sentences say, and that the verifier holds those sentences to the rows in every language.
import { describe, expect, it } from 'vitest';
import type { Dataset, Observation } from '../../src/model.ts';
import { localeFor, narrate } from '../../src/narrate/index.ts';
import { period } from '../../src/period.ts';
import type { Claim } from '../../src/claims.ts';
import { sampleDataset } from '../compare/sample.ts';
import { verifyText } from './verify-text.ts';

const ds = await sampleDataset();
const LANGS = ['en', 'ru', 'kk'] as const;

const sectionOf = (data: Dataset, p: string, lang: string, id: string) => narrate(data, { template: 'iom-quarterly', period: p, lang }).model.sections.find((s) => s.id === id)!;

/** The sample with some rows left out. */
const without = (drop: (o: Observation) => boolean): Dataset => ({ ...ds, observations: ds.observations.filter((o) => !drop(o)) });

describe('the quarterly series of border arrivals and departures', () => {
  it.each(LANGS)('is drawn from three quarters on (2024-Q1: three, 2024-Q2: four), with its sentence, in %s', (lang) => {
    for (const [p, n] of [['2024-Q1', 3], ['2024-Q2', 4]] as const) {
      const flows = sectionOf(ds, p, lang, 'flows');
      const chart = flows.charts.find((c) => c.id === 'flows-quarters');
      expect(chart, `${p} ${lang}`).toBeDefined();
      expect(chart!.table.rows).toHaveLength(n);
      // Two bars per quarter, oldest first; the derived quarter (2023-Q3) is marked as the other charts mark it.
      expect(chart!.values).toHaveLength(2 * n);
      expect(chart!.values.slice(0, 2).map((v) => v.flag)).toEqual(['I', 'I']);
      expect(chart!.values.slice(2).every((v) => v.flag === '')).toBe(true);
      expect(chart!.note).toBeTruthy();
      // The alt text repeats the sentence stating the first and last quarters, whose claims the verifier checked.
      const sentence = flows.paragraphs.flat().find((s) => s.factIds.some((f) => f.startsWith('flows.arrivals.periods.')));
      expect(sentence).toBeDefined();
      expect(chart!.alt.endsWith(sentence!.text)).toBe(true);
      expect(sentence!.claims.map((c) => [c.what, c.series.indicator, c.period])).toEqual([
        ['level', 'border_arrivals', '2023-Q3'],
        ['level', 'border_departures', '2023-Q3'],
        ['level', 'border_arrivals', p],
        ['level', 'border_departures', p],
      ]);
    }
  });

  it.each(LANGS)('is not drawn, nor said, with two quarters (2023-Q4) in %s', (lang) => {
    const flows = sectionOf(ds, '2023-Q4', lang, 'flows');
    expect(flows.charts.map((c) => c.id)).not.toContain('flows-quarters');
    expect(flows.paragraphs.flat().some((s) => s.factIds.some((f) => f.includes('.periods.')))).toBe(false);
  });

  it('needs both series in each quarter, in an unbroken run up to the latest', () => {
    // Without 2024-Q1's departures, 2024-Q2 has only itself in a run: no chart (a gap would close up on the axis).
    const gap = without((o) => o.indicator === 'border_departures' && o.period.code === '2024-Q1');
    expect(sectionOf(gap, '2024-Q2', 'en', 'flows').charts.map((c) => c.id)).not.toContain('flows-quarters');
    // Without 2023-Q3 (the derived quarter), 2024-Q2 still has three quarters.
    const three = without((o) => o.period.code === '2023-Q3' && o.indicator.startsWith('border_'));
    const chart = sectionOf(three, '2024-Q2', 'en', 'flows').charts.find((c) => c.id === 'flows-quarters');
    expect(chart?.table.rows.map((r) => r.cells[0])).toEqual(['October–December 2023', 'January–March 2024', 'April–June 2024']);
    expect(chart?.note).toBeUndefined();
  });
});

describe('temporary residence permit holders by quarter', () => {
  // Fixture rows: the sample has only 2023-Q4, and no public source with the other quarters of 2023 was found. The
  // figures below are invented for this test alone and never enter data/.
  const trp = ds.observations.find((o) => o.indicator === 'trp_holders' && o.country === '_T' && o.period.code === '2023-Q4')!;
  const added = [
    ['2023-Q1', 150100],
    ['2023-Q2', 155200],
    ['2023-Q3', 158300],
  ].map(([p, v], i) => ({ ...trp, period: period(p as string), value: v as number, raw: String(v), at: { file: 'fixture.csv', line: i + 2 } }));
  const withQuarters: Dataset = { ...ds, observations: [...ds.observations, ...added] };

  it('is not drawn from the sample alone (one quarter)', () => {
    expect(sectionOf(ds, '2023-Q4', 'en', 'trp').charts.map((c) => c.id)).toEqual(['trp-countries']);
  });

  it.each(LANGS)('is drawn when rows for several quarters are added, its sentence verified, in %s', (lang) => {
    const trpSection = sectionOf(withQuarters, '2023-Q4', lang, 'trp');
    const chart = trpSection.charts.find((c) => c.id === 'trp-quarters');
    expect(chart).toBeDefined();
    expect(chart!.values.map((v) => v.value)).toEqual([150100, 155200, 158300, 162411]);
    expect(chart!.table.rows).toHaveLength(4);
    const sentence = trpSection.paragraphs.flat().find((s) => s.factIds.some((f) => f.startsWith('trp.holders.periods.')))!;
    expect(sentence.claims.map((c) => [c.period, 'value' in c ? c.value : undefined])).toEqual([
      ['2023-Q1', 150100],
      ['2023-Q4', 162411],
    ]);
    expect(chart!.alt.endsWith(sentence.text)).toBe(true);
  });
});

describe('kandas by country of origin', () => {
  const WANT = {
    en: 'As of 1 September 2023, 53.6% of kandas granted status since the start of the year had come from Uzbekistan, 19.6% from China, 10.9% from Mongolia, 7.8% from the Russian Federation and 5.9% from Turkmenistan.',
    ru: 'На 1\u00a0сентября 2023 года из получивших статус кандаса с начала года 53,6% прибыли из Узбекистана, 19,6% — из Китая, 10,9% — из Монголии, 7,8% — из Российской Федерации и 5,9% — из Туркменистана.',
    kk: '2023 жылғы 1 қыркүйектегі жағдай бойынша жыл басынан бері қандас мәртебесін алғандардың 53,6%-ы Өзбекстаннан, 19,6%-ы Қытайдан, 10,9%-ы Моңғолиядан, 7,8%-ы Ресей Федерациясынан және 5,9%-ы Түрікменстаннан келді.',
  } as const;
  const REST = {
    en: 'The remaining 2.2% of kandas granted status since the start of the year came from other countries.',
    ru: 'Остальные 2,2% получивших статус кандаса с начала года прибыли из других стран.',
    kk: 'Жыл басынан бері қандас мәртебесін алғандардың қалған 2,2%-ы басқа елдерден келді.',
  } as const;

  it.each(LANGS)('lists the origins with their published shares, largest first, and the rest, in %s', (lang) => {
    const kandas = sectionOf(ds, '2023-Q4', lang, 'kandas');
    const texts = kandas.paragraphs.flat().map((s) => s.text);
    expect(texts).toContain(WANT[lang]);
    expect(texts).toContain(REST[lang]);
    const s = kandas.paragraphs.flat().find((x) => x.text === WANT[lang])!;
    // Shares as published (no counts behind them), and their order.
    expect(s.claims.filter((c) => c.what === 'share').every((c) => (c as Extract<Claim, { what: 'share' }>).published)).toBe(true);
    expect(s.claims.find((c) => c.what === 'top')).toMatchObject({ members: ['UZB', 'CHN', 'MNG', 'RUS', 'TKM'], scope: 'listed' });
    const chart = kandas.charts.find((c) => c.id === 'kandas-origin')!;
    expect(chart.values.map((v) => v.value)).toEqual([53.6, 19.6, 10.9, 7.8, 5.9]);
    expect(chart.alt.endsWith(WANT[lang])).toBe(true);
  });

  it.each(LANGS)('a wrong share fails the verifier in %s', (lang) => {
    const L = localeFor(ds, lang);
    const s = sectionOf(ds, '2023-Q4', lang, 'kandas').paragraphs.flat().find((x) => x.text === WANT[lang])!;
    expect(verifyText(ds, L, s.text, s.claims, '2023-09-01')).toEqual([]);
    const shown = L.number(19.6, 'percent');
    const wrong = L.number(19.7, 'percent');
    // The words say a share no claim states…
    expect(verifyText(ds, L, s.text.replace(shown, wrong), s.claims, '2023-09-01').join('\n')).toMatch(/19[.,]7/);
    // …and a claim of a share the row does not hold is refused by the recomputation.
    const claims = s.claims.map((c) => (c.what === 'share' && c.series.partner === 'CHN' ? { ...c, value: 19.7, shown: L.digits(19.7, 'percent') } : c));
    expect(verifyText(ds, L, s.text.replace(shown, wrong), claims, '2023-09-01').join('\n')).toMatch(/19[.,]6/);
    // Two origins swapped in the list break the order the top claim states.
    const swapped = s.claims.map((c) => (c.what === 'top' ? { ...c, members: ['UZB', 'MNG', 'CHN', 'RUS', 'TKM'] } : c));
    expect(verifyText(ds, L, s.text, swapped, '2023-09-01')).not.toEqual([]);
  });

  it.each(LANGS)('a wrong rest fails the verifier in %s', (lang) => {
    const L = localeFor(ds, lang);
    const s = sectionOf(ds, '2023-Q4', lang, 'kandas').paragraphs.flat().find((x) => x.text === REST[lang])!;
    expect(verifyText(ds, L, s.text, s.claims, '2023-09-01')).toEqual([]);
    const claims = s.claims.map((c) => ({ ...c, value: 3.2, shown: L.digits(3.2, 'percent') }));
    expect(verifyText(ds, L, s.text.replace(L.number(2.2, 'percent'), L.number(3.2, 'percent')), claims, '2023-09-01')).not.toEqual([]);
  });
});

describe('"other countries" of the kandas origins', () => {
  it('is not a code: a row under a made-up residual code stays a located error of the loader', async () => {
    const { cpSync, mkdtempSync, appendFileSync, readFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { loadProject } = await import('../../src/load/index.ts');
    const { formatError, isUserError, userErrorsOf } = await import('../../src/errors.ts');
    const { DATA_DIR } = await import('../compare/sample.ts');
    const root = mkdtempSync(join(tmpdir(), 'migreport-origin-'));
    try {
      cpSync(DATA_DIR, join(root, 'data'), { recursive: true });
      const file = join(root, 'data', 'observations', 'kandas-2023.csv');
      const line = readFileSync(file, 'utf8').trimEnd().split('\n').length + 1;
      appendFileSync(file, 'kandas_by_origin,2023-09-01,_O,,,2.2,percent,A,kaztag-2023-09\n');
      const errors = await loadProject('data', { root }).then(
        () => [] as string[],
        (e: unknown) => (isUserError(e) ? userErrorsOf(e).map((x) => formatError(x)) : Promise.reject(e)),
      );
      expect(errors.join('\n')).toContain(`data/observations/kandas-2023.csv:${line}:3: error: unknown country "_O"`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
