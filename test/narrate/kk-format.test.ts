// Kazakh numbers and period phrases as the bureau writes them (kk-format.ts), exact strings.
import { describe, expect, it } from 'vitest';
import { allForms, baselinePhrase, count, kkDigits, money, monthsOf, parseKkDigits, percent, periodForm, points, withCase } from '../../src/narrate/locales/kk-format.ts';
import { period } from '../../src/period.ts';

const NB = '\u00a0';

describe('Kazakh numbers', () => {
  it.each([
    [count(3405102), `3${NB}405${NB}102`],
    [count(1234), `1${NB}234`],
    [count(-3521), '\u22123' + `${NB}521`],
    [count(48, true), '+48'],
    [count(0.2, true), '0'],
    [percent(25.94), '25,9%'],
    [percent(-19.31540342298289, true), '\u221219,3%'],
    [percent(48.4, true), '+48,4%'],
    [percent(0.04, true), '0,0%'],
    [money(677.3), `677,3${NB}млн АҚШ доллары`],
    [money(198), `198,0${NB}млн АҚШ доллары`],
    [points(10.4), `10,4${NB}пайыздық тармақ`],
  ])('%s', (got, want) => expect(got).toBe(want));

  it('writes the digits Intl("kk") writes, with U+00A0 groups', () => {
    for (const v of [0, 7, 1234, 3405102, 1.15, 25.94, 123456.78]) {
      const intl = new Intl.NumberFormat('kk', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v).replace(/[\u202f ]/g, NB);
      expect(kkDigits(v, 1)).toBe(intl);
    }
  });
  it('reads its digits back', () => expect(parseKkDigits(`3${NB}405${NB}102`) + parseKkDigits('25,9')).toBe(3405127.9));

  it.each([
    [`20,7%`, 'dat', '20,7%-ға'],
    [`1${NB}234`, 'dat', `1${NB}234-ке`],
    [`3${NB}405${NB}102`, 'abl', `3${NB}405${NB}102-ден`],
    ['25,9%', 'abl', '25,9%-дан'],
    ['7 257', 'dat', '7 257-ге'],
    ['1 330', 'dat', '1 330-ға'],
    [`166,8${NB}млн АҚШ доллары`, 'dat', `166,8${NB}млн АҚШ долларына`],
    [`677,3${NB}млн АҚШ доллары`, 'acc', `677,3${NB}млн АҚШ долларын`],
    [`4,6${NB}пайыздық тармақ`, 'dat', `4,6${NB}пайыздық тармаққа`],
    ['20,7%', 'ins', '20,7%-бен'],
  ] as const)('%s in %s → %s', (fig, kase, want) => expect(withCase(fig, kase)).toBe(want));
});

describe('Kazakh periods', () => {
  it.each([
    ['2023-Q4', 'loc', '2023 жылғы IV тоқсанда'],
    ['2023-Q4', 'label', '2023 жылғы IV тоқсан'],
    ['2023-Q3', 'ins', '2023 жылғы III тоқсанмен'],
    ['2026-01/2026-03', 'loc', '2026 жылғы қаңтар–наурызда'],
    ['2023-Q1/2023-Q3', 'loc', '2023 жылғы қаңтар–қыркүйекте'],
    ['2022-01/2022-09', 'adj', '2022 жылғы қаңтар–қыркүйектегі'],
    ['2023-09-01', 'loc', '2023 жылғы 1 қыркүйектегі жағдай бойынша'],
    ['2023-09-01', 'label', '2023 жылғы 1 қыркүйек'],
    ['2023-09-01', 'ins', '2023 жылғы 1 қыркүйектегі жағдаймен'],
    ['2025', 'loc', '2025 жылы'],
    ['2025', 'label', '2025'],
    ['2025', 'ins', '2025 жылмен'],
    ['2016', 'abl', '2016 жылдан'],
    ['2022-01/2022-06', 'abl', '2022 жылғы қаңтар–маусымнан'],
    ['2024-03', 'loc', '2024 жылғы наурызда'],
    ['2024-03', 'ins', '2024 жылғы наурызбен'],
    ['2023-07', 'loc', '2023 жылғы шілдеде'],
    ['1991/2023', 'loc', '1991–2023 жылдары'],
    ['2025-11/2026-03', 'loc', '2025 жылғы қараша – 2026 жылғы наурызда'],
  ] as const)('%s %s → %s', (code, form, want) => expect(periodForm(period(code), form)).toBe(want));

  it.each([
    ['2025-01/2025-03', 'year_ago', '2025 жылғы тиісті кезеңмен'],
    ['2023-Q3', 'previous', 'алдыңғы тоқсанмен (2023 жылғы III тоқсан)'],
    ['2022-Q4', 'year_ago', '2022 жылғы IV тоқсанмен'],
    ['2022', 'year_ago', '2022 жылмен'],
    ['2022', 'previous', 'алдыңғы жылмен (2022)'],
    ['2023-08', 'previous', 'алдыңғы аймен (2023 жылғы тамыз)'],
    ['2023-08-01', 'previous', '2023 жылғы 1 тамыздағы жағдаймен'],
    ['2022-01/2022-09', 'named', '2022 жылғы қаңтар–қыркүйекпен'],
  ] as const)('baseline %s (%s) → %s', (code, rel, want) => expect(baselinePhrase(period(code), rel)).toBe(want));

  it('names the months of a part of a year', () => {
    expect(monthsOf(period('2024-01/2024-06'))).toBe('қаңтар–маусым');
    expect(monthsOf(period('2024'))).toBeUndefined();
  });
  it('gives every month a locative and an instrumental', () => {
    const loc = Array.from({ length: 12 }, (_, m) => periodForm(period(`2023-${String(m + 1).padStart(2, '0')}`), 'loc').replace('2023 жылғы ', ''));
    expect(loc).toEqual(['қаңтарда', 'ақпанда', 'наурызда', 'сәуірде', 'мамырда', 'маусымда', 'шілдеде', 'тамызда', 'қыркүйекте', 'қазанда', 'қарашада', 'желтоқсанда']);
    const ins = Array.from({ length: 12 }, (_, m) => periodForm(period(`2023-${String(m + 1).padStart(2, '0')}`), 'ins').replace('2023 жылғы ', ''));
    expect(ins).toEqual(['қаңтармен', 'ақпанмен', 'наурызбен', 'сәуірмен', 'мамырмен', 'маусыммен', 'шілдемен', 'тамызбен', 'қыркүйекпен', 'қазанмен', 'қарашамен', 'желтоқсанмен']);
  });
  it('has five distinct forms per period', () => expect(new Set(allForms(period('2023-Q4'))).size).toBe(5));
});
