// The Russian locale: exact sentences (agreement, counted nouns, cases, periods, baselines), the verifier reading
// Russian as strictly as English (a wrong direction word, a figure beside the wrong country, a wrong period or a
// disagreeing verb fails), and a missing case form as a located error.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { series, type Claim, type Display, type Mark, type Series } from '../../src/claims.ts';
import type { ChangeItem } from '../../src/narrate/locale.ts';
import { createRussian } from '../../src/narrate/locales/ru.ts';
import { narrate } from '../../src/narrate/index.ts';
import { loadProject } from '../../src/load/index.ts';
import { UserError } from '../../src/errors.ts';
import { period, type Period } from '../../src/period.ts';
import { checkWords } from '../../src/verify/words.ts';
import { DATA_DIR, sampleDataset } from '../compare/sample.ts';
import { tempDir } from '../temp.ts';

const ds = await sampleDataset();
const L = createRussian(ds.reference);
const NB = '\u00a0';

describe('Russian numbers', () => {
  it.each([
    [3405102, 'count', false, `3${NB}405${NB}102`],
    [677.3, 'money', false, `677,3${NB}млн долларов США`],
    [42.7864575399008, 'percent', false, '42,8%'],
    [-19.31540342298289, 'percent', true, '−19,3%'],
    [48.4, 'percent', true, '+48,4%'],
    [0.04, 'percent', true, '0,0%'],
    [10.4, 'points', false, `10,4${NB}процентного пункта`],
    [1, 'points', false, `1,0${NB}процентного пункта`], // a shown fraction takes the genitive singular
    [2.2, 'ratio', false, '2,2'],
  ] as const)('%d as %s', (v, style, signed, want) => expect(L.number(v, style, signed)).toBe(want));

  it('reads numbers back with their signs (U+00A0 groups, decimal comma, U+2212)', () => {
    expect(L.readNumbers(`сократился на 1${NB}330 (−19,3%), затем (+8,5%); 3${NB}405${NB}102 и 2023`).map((n) => [n.digits, n.sign])).toEqual([
      [`1${NB}330`, 0],
      ['19,3', -1],
      ['8,5', 1],
      [`3${NB}405${NB}102`, 0],
      ['2023', 0],
    ]);
  });
});

describe('Russian periods and baselines', () => {
  it.each([
    ['2023-Q4', 'в IV квартале 2023 года', 'IV квартал 2023'],
    ['2023-Q1/2023-Q3', 'в январе–сентябре 2023 года', 'январь–сентябрь 2023'],
    ['2023-09-01', `на 1${NB}сентября 2023 года`, `1${NB}сентября 2023`],
    ['2023', 'в 2023 году', '2023'],
    ['2024-03', 'в марте 2024 года', 'март 2024'],
  ])('%s', (code, phrase, label) => {
    expect(L.periodIn(period(code))).toBe(phrase);
    expect(L.periodLabel(period(code))).toBe(label);
  });
  it.each([
    ['2023-Q3', 'previous', 'III кварталом 2023 года'],
    ['2022-Q1/2022-Q3', 'year_ago', 'соответствующим периодом 2022 года'],
    ['2022-Q1/2022-Q3', 'previous', 'январем–сентябрем 2022 года'],
    ['2022-Q4', 'year_ago', 'IV кварталом 2022 года'],
    ['2022-03', 'year_ago', 'мартом 2022 года'],
    ['2022', 'year_ago', '2022 годом'],
    ['2022-11/2023-01', 'year_ago', 'ноябрем 2022 года \u2013 январем 2023 года'],
    ['2022', 'previous', '2022 годом'],
    ['2023-08-01', 'previous', `данными на 1${NB}августа 2023 года`],
  ] as const)('baseline %s (after «по сравнению с»)', (code, rel, want) => expect(L.baseline(period(code), rel)).toBe(want));
});

describe('Russian names and lists', () => {
  it('names a country in the case the phrase needs', () => {
    expect(L.t.noun('border_arrivals', 'RUS')).toBe('число въездов из Российской Федерации');
    expect(L.t.noun('border_departures', 'RUS')).toBe('число выездов в Российскую Федерацию');
    expect(L.t.noun('pr_net_migration', 'UZB')).toBe('сальдо миграции с Узбекистаном');
    expect(L.t.noun('prp_issued', 'CIS')).toBe('число выданных гражданам стран СНГ разрешений на постоянное проживание');
    expect(L.partner('KOR', true)).toBe('Республика Корея');
  });
  it.each([0, 1, 2, 3, 4, 7])('joins %d items as Intl.ListFormat ru does', (n) => {
    const items = Array.from({ length: n }, (_, i) => `пункт ${i + 1}`);
    expect(L.list(items)).toBe(new Intl.ListFormat('ru', { type: 'conjunction', style: 'long' }).format(items));
  });
  it('regions in the prepositional case, read from regions.csv', () => {
    const t = L.t.regionShares({ indicator: 'pr_departures', when: 'в 2024 году', total: `12${NB}732`, items: [{ code: 'KZ-59', value: `2${NB}133`, share: '16,8%' }, { code: 'KZ-71', value: '25', share: '0,2%' }] });
    expect(t).toBe(`В 2024 году число выбывших на постоянное жительство за рубеж составило 12${NB}732; из них 2${NB}133 (16,8%) были зарегистрированы в Северо-Казахстанской области и 25 (0,2%) — в Астане.`);
  });
});

// -- templates with exact strings --------------------------------------------------------------------------------

const change = (indicator: string, partner: string, direction: 1 | -1 | 0, magnitude: string, measure: ChangeItem['measure'] = 'pct', flags: ChangeItem['flags'] = []): ChangeItem => ({
  subject: L.t.noun(indicator, partner === '_T' ? undefined : partner),
  series: series(indicator, partner),
  direction,
  measure,
  magnitude,
  flags,
  claim: { what: 'change', series: series(indicator, partner), period: '2023-Q4', baseline: '2023-Q3', marks: [], measure, sign: direction },
});

describe('Russian sentences', () => {
  const q3 = L.baseline(period('2023-Q3'), 'previous');
  it('agrees the verb with its subject: число (n), объем (m), численность (f)', () => {
    expect(L.t.changes({ when: L.periodIn(period('2023-Q4')), baseline: q3, items: [change('border_arrivals', 'CIS', -1, '22,7%', 'pct', ['I'])] })).toBe(
      'В IV квартале 2023 года число въездов из стран СНГ сократилось на 22,7% (расчетные данные) по сравнению с III кварталом 2023 года.',
    );
    expect(L.t.changes({ baseline: q3, items: [change('remittances_out', '_T', 1, '8,5%'), change('internal_migrants', '_T', -1, '3,0%')] })).toBe(
      'По сравнению с III кварталом 2023 года объем денежных переводов из Казахстана увеличился на 8,5% и численность внутренних мигрантов сократилась на 3,0%.',
    );
    expect(L.t.changes({ baseline: q3, items: [change('pr_arrivals', '_T', 0, '', 'unchanged')] })).toBe('По сравнению с III кварталом 2023 года число прибывших на постоянное жительство не изменилось.');
  });
  it('states a ratio «в 2,2 раза» and the earlier change with a pronoun of the same gender', () => {
    expect(L.t.changes({ baseline: q3, items: [change('internal_migrants', '_T', 1, '2,2', 'times')] })).toBe(
      `По сравнению с III кварталом 2023 года численность внутренних мигрантов увеличилась в 2,2${NB}раза.`,
    );
    expect(L.t.changeAfter({ baseline: L.baseline(period('2024'), 'previous'), item: change('pr_departures', '_T', -1, '40,2%'), prior: change('pr_departures', '_T', -1, '20,9%'), priorBaseline: L.baseline(period('2023'), 'previous') })).toBe(
      'Число выбывших на постоянное жительство за рубеж сократилось на 40,2% по сравнению с 2024 годом, когда оно сократилось на 20,9% по сравнению с 2023 годом.',
    );
  });
  it('chooses the counted noun by Intl.PluralRules on the shown number', () => {
    expect(L.t.flowTotals({ when: 'в IV квартале 2023 года', arrivals: `3${NB}405${NB}102`, departures: `1${NB}001` })).toBe(
      `В IV квартале 2023 года на границах Казахстана зарегистрировано 3${NB}405${NB}102 въезда и 1${NB}001 выезд иностранных граждан.`,
    );
    expect(L.t.flowTotals({ when: 'в 2023 году', arrivals: '25', departures: '4 (расчетные данные)' })).toBe('В 2023 году на границах Казахстана зарегистрировано 25 въездов и 4 выезда (расчетные данные) иностранных граждан.');
    expect(L.t.bnsTotals({ when: 'в 2025 году', arrivals: `23${NB}761`, departures: `7${NB}608`, netDirection: 1, net: `16${NB}153` })).toBe(
      `В 2025 году в Казахстан на постоянное жительство прибыл 23${NB}761 человек, а из Казахстана за рубеж выбыло 7${NB}608 человек; сальдо миграции было положительным и составило 16${NB}153 человека.`,
    );
  });
  it('writes a streak with an ordinal and its start in the genitive', () => {
    L.periodLabel(period('2023'));
    expect(L.t.streak({ subject: 'сальдо миграции', indicator: 'pr_arrivals-pr_departures', mode: 'sign', sign: 1, length: 3, first: '2023', step: 'year', last: '2025' })).toBe(
      'Сальдо миграции было положительным третий год подряд, начиная с 2023 года.',
    );
  });
  it('writes a share change in percentage points, its baseline in the instrumental', () => {
    expect(L.t.shareChange({ indicator: 'remittances_out', partner: 'KGZ', whole: '_T', direction: -1, points: L.number(4.6, 'points'), from: '7,9%', to: '3,3%', baseline: L.baseline(period('2022-Q1/2022-Q3'), 'year_ago') })).toBe(
      `Доля Кыргызстана в объеме денежных переводов из Казахстана сократилась на 4,6${NB}процентного пункта по сравнению с соответствующим периодом 2022 года — с 7,9% до 3,3%.`,
    );
  });
  it('writes «соответствующий период» a year back only where the sentence names its months; after «в» it names them', () => {
    const h1 = L.baseline(period('2022-01/2022-06'), 'year_ago');
    expect(L.t.changes({ when: L.periodIn(period('2023-01/2023-06')), baseline: h1, items: [change('pr_arrivals', '_T', 1, '87,3%')] })).toBe(
      'В январе–июне 2023 года число прибывших на постоянное жительство увеличилось на 87,3% по сравнению с соответствующим периодом 2022 года.',
    );
    expect(L.t.ratio({ when: L.periodIn(period('2023-01/2023-06')), indicator: 'internal_migrants', value: '0,8', direction: -1, baseline: h1 })).toBe(
      'В январе–июне 2023 года численность внутренних мигрантов составила 0,8 от уровня соответствующего периода 2022 года (по опубликованным данным).',
    );
    // «тогда как …» stands in a sentence that does not name its period: the months are named.
    expect(L.t.signChange({ subject: L.t.balanceNoun('pr_arrivals', 'pr_departures'), direction: 1, from: -1, value: `6${NB}656`, baseline: L.baseline(period('2022-01/2022-06'), 'year_ago') })).toBe(
      `Сальдо миграции стало положительным (6${NB}656), тогда как в январе–июне 2022 года оно было отрицательным.`,
    );
    // The same phrase for another span of the same year: its own months after «в».
    expect(L.t.signChange({ subject: L.t.balanceNoun('pr_arrivals', 'pr_departures'), direction: 1, from: -1, value: `5${NB}016`, baseline: L.baseline(period('2022-01/2022-03'), 'year_ago') })).toBe(
      `Сальдо миграции стало положительным (5${NB}016), тогда как в январе–марте 2022 года оно было отрицательным.`,
    );
  });
  it('has a title for every section key English has', async () => {
    const { createEnglish } = await import('../../src/narrate/locales/en.ts');
    expect([...L.keys.title].sort()).toEqual([...createEnglish(ds.reference).keys.title].sort());
  });
});

describe('every sample edition in Russian', () => {
  const editions = [
    ['iom-quarterly', '2023-Q4'], ['iom-quarterly', '2023-Q3'], ['bns-release', '2024-Q1'], ['bns-release', '2023-Q2'], ['press-brief', '2025'], ['press-brief', '2024-01/2024-06'], ['press-brief', '2019'],
  ] as const;
  it.each(editions)('%s %s: verified, and no Latin letters in its sentences', (template, p) => {
    const { model, verified } = narrate(ds, { template, period: p, lang: 'ru', verify: 'collect' });
    expect(verified.failures.map((f) => f.reason)).toEqual([]);
    const texts = [...model.findings.map((f) => f.text), ...model.sections.flatMap((s) => [...s.paragraphs.flat().map((x) => x.text), ...s.notes.map((n) => n.text)])];
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) expect(t.replace(/(?<![\p{L}])[IVX]+(?= квартал)/gu, '').replace(/США/g, '')).not.toMatch(/[A-Za-z]/);
  });
});

// -- the verifier in Russian -------------------------------------------------------------------------------------

const num = (shown: string) => Number(shown.replace(/\u00a0/g, '').replace(',', '.'));
const level = (s: Series, p: string, shown: string, display: Display = 'count', marks: Mark[] = []): Claim => ({ what: 'level', series: s, period: p, marks, value: num(shown), display, shown });
const changeClaim = (s: Series, p: string, baseline: string, sign: -1 | 0 | 1, shown: string, display: Display = 'percent'): Claim => ({
  what: 'change', series: s, period: p, baseline, sign, marks: [], measure: display === 'percent' ? 'pct' : 'abs', value: num(shown), display, shown,
});
const share = (s: Series, whole: string, p: string, shown: string): Claim => ({ what: 'share', series: s, whole, period: p, marks: [], value: num(shown), display: 'percent', shown, published: false });

function reasons(text: string, claims: Claim[], p?: Period) {
  return checkWords(text, claims, L.vocabulary, { period: p }, L.words).map((f) => f.reason);
}
const passes = (text: string, claims: Claim[], p?: Period) => expect(reasons(text, claims, p)).toEqual([]);
function fails(text: string, claims: Claim[], p: Period | undefined, pattern: RegExp) {
  const r = reasons(text, claims, p);
  expect(r.length, `expected a failure for: ${text}`).toBeGreaterThan(0);
  expect(r.join('\n')).toMatch(pattern);
}

describe('the verifier reads Russian as strictly as English', () => {
  const Q4 = period('2023-Q4');
  const arr = series('border_arrivals', '_T');
  const dep = series('border_departures', '_T');
  const totals = [level(arr, '2023-Q4', `3${NB}405${NB}102`), level(dep, '2023-Q4', `3${NB}554${NB}434`)];
  const totalsText = `В IV квартале 2023 года на границах Казахстана зарегистрировано 3${NB}405${NB}102 въезда и 3${NB}554${NB}434 выезда иностранных граждан.`;
  it('accepts the totals', () => passes(totalsText, totals, Q4));
  it('fails swapped totals', () => fails(totalsText.replace(`3${NB}405${NB}102 въезда`, 'X').replace(`3${NB}554${NB}434 выезда`, `3${NB}405${NB}102 выезда`).replace('X', `3${NB}554${NB}434 въезда`), totals, Q4, /the words name “(въезда|выезда)” next to 3.405.102/));

  const changes = [changeClaim(series('border_arrivals', 'CIS'), '2023-Q4', '2023-Q3', -1, '22,7'), changeClaim(series('border_arrivals', 'NONCIS'), '2023-Q4', '2023-Q3', -1, '35,7')];
  const changesText = 'По сравнению с III кварталом 2023 года число въездов из стран СНГ сократилось на 22,7% и число въездов из стран вне СНГ сократилось на 35,7%.';
  it('accepts changes with their direction, series and baseline', () => passes(changesText, changes, Q4));
  it('fails a wrong direction word («увеличилось» for a fall)', () => fails(changesText.replace('сократилось на 22,7', 'увеличилось на 22,7'), changes, Q4, /«?увеличилось»?|states up\/positive/));
  it('fails a wrong period (the baseline said as another quarter)', () => fails(changesText.replace('III кварталом', 'II кварталом'), changes, Q4, /baseline/));
  it('fails the report period stated as the baseline', () => fails(changesText.replace('III кварталом', 'IV кварталом'), changes, Q4, /own period as its baseline|baseline 2023-Q3/));
  it('fails a verb that does not agree with its subject («число … сократилась»)', () =>
    fails(changesText.replace('СНГ сократилось на 22,7', 'СНГ сократилась на 22,7'), changes, Q4, /the verb “сократилась” is feminine, its subject “число” neuter/));
  it('fails «объем … сократилось» and «численность … увеличился»', () => {
    const remit = [changeClaim(series('remittances_out', '_T'), '2023-Q4', '2023-Q3', -1, '19,8')];
    fails('По сравнению с III кварталом 2023 года объем денежных переводов из Казахстана сократилось на 19,8%.', remit, Q4, /“сократилось” is neuter, its subject “объем” masculine/);
    passes('По сравнению с III кварталом 2023 года объем денежных переводов из Казахстана сократился на 19,8%.', remit, Q4);
    const internal = [changeClaim(series('internal_migrants', '_T'), '2023-Q4', '2023-Q3', 1, '13,6')];
    fails('По сравнению с III кварталом 2023 года численность внутренних мигрантов увеличился на 13,6%.', internal, Q4, /“увеличился” is masculine, its subject “численность” feminine/);
  });

  const cis = (c: string) => series('border_arrivals', c);
  const list = [share(cis('UZB'), 'CIS', '2023-Q4', '42,8'), level(cis('UZB'), '2023-Q4', `1${NB}334${NB}101`), share(cis('KGZ'), 'CIS', '2023-Q4', '23,7'), level(cis('KGZ'), '2023-Q4', `737${NB}942`)];
  const listText = `На Узбекистан пришлось 42,8% въездов из стран СНГ (1${NB}334${NB}101) и на Кыргызстан — 23,7% (737${NB}942).`;
  it('accepts a list of shares by country', () => passes(listText, list, Q4));
  it('fails a figure next to the wrong country', () => fails(listText.replace('42,8%', 'X').replace('23,7%', '42,8%').replace('X', '23,7%'), list, Q4, /“Кыргызстан” next to 42,8|“Узбекистан” next to 23,7/));
  it('fails the wrong country at the head of a list', () => fails(listText.replace('На Узбекистан', 'На Таджикистан'), list, Q4, /next to 42,8/));

  it('fails a figure with the wrong unit (процентного пункта for per cent)', () =>
    fails(changesText.replace('22,7%', '22,7 процентного пункта'), changes, Q4, /22,7 is written as points/));
  it('fails «в 2,2 раза меньше» for a rise and accepts «увеличилась в 2,2 раза»', () => {
    const ratio: Claim = { what: 'change', series: series('internal_migrants', '_T'), period: '2023-Q4', baseline: '2023-Q3', sign: 1, marks: [], measure: 'times', value: 2.2, display: 'ratio', shown: '2,2' };
    passes('По сравнению с III кварталом 2023 года численность внутренних мигрантов увеличилась в 2,2 раза.', [ratio], Q4);
    fails('По сравнению с III кварталом 2023 года численность внутренних мигрантов была в 2,2 раза меньше.', [ratio], Q4, /states down\/negative/);
    fails('По сравнению с III кварталом 2023 года численность внутренних мигрантов сократилась в 2,2 раза.', [ratio], Q4, /“сократилась” before 2,2 states down/);
  });
  it('reads movers up and down, one multiplied («в 2,0 раза больше»), and fails them swapped', () => {
    const dep = (c: string) => series('border_departures', c);
    const claims: Claim[] = [
      { what: 'change', series: dep('BLR'), period: '2022-Q1', baseline: '2021-Q4', sign: -1, marks: [], measure: 'pct', value: 100, display: 'percent', shown: '100,0' },
      { what: 'change', series: dep('RUS'), period: '2022-Q1', baseline: '2021-Q4', sign: 1, marks: [], measure: 'times', value: 2, display: 'ratio', shown: '2,0' },
      { what: 'most', series: dep('CIS'), period: '2022-Q1', baseline: '2021-Q4', marks: [], direction: 'down', members: ['BLR'], scope: 'listed' },
      { what: 'most', series: dep('CIS'), period: '2022-Q1', baseline: '2021-Q4', marks: [], direction: 'up', members: ['RUS'], scope: 'listed' },
    ];
    const text = 'Среди перечисленных стран СНГ, по сравнению с IV кварталом 2021 года, сильнее всего сократилось число выездов в Беларусь (−100,0%), а сильнее всего увеличилось число выездов в Российскую Федерацию (в 2,0 раза больше).';
    passes(text, claims, period('2022-Q1'));
    fails(text.replace('сократилось', 'X').replace('увеличилось', 'сократилось').replace('X', 'увеличилось'), claims, period('2022-Q1'), /states up\/positive, the claim down|states down\/negative/);
    fails(text.replace('Среди перечисленных стран СНГ', 'Среди перечисленных стран'), claims, period('2022-Q1'), /do not name the group CIS/);
    // A rise in per cent too: the «most» up is read in the clause naming its member, not in the group's.
    const pct = claims.map((c) => (c.what === 'change' && c.measure === 'times' ? { ...c, measure: 'pct' as const, value: 0.1, display: 'percent' as const, shown: '0,1' } : c));
    passes(text.replace('(в 2,0 раза больше)', '(+0,1%)'), pct, period('2022-Q1'));
    fails(text.replace('(в 2,0 раза больше)', '(+0,1%)').replace(', по сравнению с IV кварталом 2021 года,', ' по сравнению с IV кварталом 2021 года'), pct, period('2022-Q1'), /no direction \(up\/positive\) for most|the claim up\/positive \(most/);
  });
  it('fails a streak said over the wrong number of years and Latin letters in a sentence', () => {
    const streak: Claim = { what: 'streak', series: series('pr_arrivals', '_T', '', '', 'pr_departures'), period: '2025', marks: [], mode: 'sign', sign: 1, length: 3, since: '2023', step: 'year' };
    const good = 'Сальдо миграции было положительным третий год подряд, начиная с 2023 года.';
    passes(good, [streak], period('2025'));
    fails(good.replace('третий', 'второй'), [streak], period('2025'), /\(2\) is no streak length/);
    fails(good.replace('положительным', 'отрицательным'), [streak], period('2025'), /states down\/negative/);
    fails(good.replace('Сальдо миграции', 'Net migration'), [streak], period('2025'), /Latin letters|never name/);
  });
});

describe('the verifier reads «соответствующий период» as the same months a year back, and nothing else', () => {
  const H1 = period('2024-01/2024-06');
  const arrivals = series('pr_arrivals', '_T');
  const yearAgo = [changeClaim(arrivals, '2024-01/2024-06', '2023-01/2023-06', 1, '4,4')];
  const text = 'В январе–июне 2024 года число прибывших на постоянное жительство увеличилось на 4,4% по сравнению с соответствующим периодом 2023 года.';
  it('accepts the phrase for the same months a year back', () => {
    passes(text, yearAgo, H1);
    passes('По сравнению с соответствующим периодом 2023 года число прибывших на постоянное жительство увеличилось на 4,4%.', yearAgo, H1);
    // Naming the months is true as well.
    passes(text.replace('соответствующим периодом 2023 года', 'январем–июнем 2023 года'), yearAgo, H1);
  });
  it('fails the phrase with the wrong year', () => {
    fails(text.replace('периодом 2023', 'периодом 2022'), yearAgo, H1, /2022|baseline 2023-01\/2023-06/);
    fails(text.replace('периодом 2023', 'периодом 2024'), yearAgo, H1, /own period as its baseline|baseline 2023-01\/2023-06/);
  });
  it('fails the phrase for the previous period (it would say a year back)', () => {
    // January–June 2024 against July–December 2023: the phrase names 2023, the claim's baseline is in 2023, but it is
    // the period just before, not the same months a year back.
    const previous = [changeClaim(arrivals, '2024-01/2024-06', '2023-07/2023-12', 1, '4,4')];
    fails(text, previous, H1, /“соответствующим периодом 2023 года” states 2023-07\/2023-12 as the same period a year earlier, but no claim compares with it so/);
    passes(text.replace('соответствующим периодом 2023 года', 'июлем–декабрем 2023 года'), previous, H1);
    // Within one year: April–June 2024 against January–March 2024.
    const q = [changeClaim(arrivals, '2024-04/2024-06', '2024-01/2024-03', -1, '2,7')];
    const qText = 'В апреле–июне 2024 года число прибывших на постоянное жительство сократилось на 2,7% по сравнению с соответствующим периодом 2024 года.';
    fails(qText, q, period('2024-04/2024-06'), /own period as its baseline|as the same period a year earlier/);
    passes(qText.replace('соответствующим периодом 2024 года', 'январем–мартом 2024 года'), q, period('2024-04/2024-06'));
  });
  it('fails the phrase for a quarter a year back, which the text names', () => {
    const q = [changeClaim(arrivals, '2024-Q1', '2023-Q1', -1, '2,7')];
    fails('В I квартале 2024 года число прибывших на постоянное жительство сократилось на 2,7% по сравнению с соответствующим периодом 2023 года.', q, period('2024-Q1'), /2023|baseline 2023-Q1/);
  });
});

describe('a missing case form is a located error', () => {
  async function withCountries(edit: (lines: string[]) => string[]) {
    const dir = tempDir('ru-forms-');
    cpSync(DATA_DIR, dir, { recursive: true });
    const file = join(dir, 'reference', 'countries.csv');
    writeFileSync(file, edit(readFileSync(file, 'utf8').split('\n')).join('\n'));
    return { file, locale: createRussian((await loadProject(dir, { root: dir })).reference) };
  }
  it('an empty cell: file, line and column of the cell', async () => {
    const { locale } = await withCountries((lines) => {
      const head = lines[0].split(',');
      const col = head.indexOf('name_ru_ins');
      const i = lines.findIndex((l) => l.startsWith('UZB,'));
      const cells = lines[i].split(',');
      cells[col] = '';
      lines[i] = cells.join(',');
      return lines;
    });
    let err: unknown;
    try {
      locale.t.noun('pr_net_migration', 'UZB');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    const u = err as UserError;
    expect(u.message).toMatch(/instrumental case form of "UZB", and name_ru_ins is empty/);
    expect(u.at?.file).toMatch(/countries\.csv$/);
    const lines = readFileSync(join(DATA_DIR, 'reference', 'countries.csv'), 'utf8').split('\n');
    expect(u.at?.line).toBe(lines.findIndex((l) => l.startsWith('UZB,')) + 1);
    expect(u.at?.column).toBe(lines[0].split(',').indexOf('name_ru_ins') + 1);
  });
  it('a missing column: the header, and a hint to add the column', async () => {
    const { locale } = await withCountries((lines) => {
      const col = lines[0].split(',').indexOf('name_ru_prep');
      return lines.map((l) => (l ? l.split(',').filter((_, j) => j !== col).join(',') : l));
    });
    let err: unknown;
    try {
      locale.t.missingSection({ what: 'x' });
      // Only a sentence that needs the prepositional form of a country asks for it.
      locale.vocabulary.placeNames('UZB');
      (locale as unknown as { partner: (c: string) => string }).partner('UZB');
      locale.t.topMembers({ when: 'в 2023 году', indicator: 'border_arrivals', whole: 'CIS', items: [{ code: 'UZB', value: '1', share: '1,0%' }], scope: 'all' });
      locale.t.regionShares({ indicator: 'pr_departures', when: 'в 2024 году', items: [{ code: 'UZB', value: '1' }] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toMatch(/prepositional case form of "UZB", and name_ru_prep is empty/);
    expect((err as UserError).hint).toMatch(/add a column name_ru_prep/);
    expect((err as UserError).at?.line).toBe(1);
  });
});
