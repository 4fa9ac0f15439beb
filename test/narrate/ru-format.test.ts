import { describe, expect, it } from 'vitest';
import { format as formatDate } from 'date-fns/format';
import { ru } from 'date-fns/locale/ru';
import {
  baselinePhrase,
  changeVerb,
  correspondingPeriod,
  count,
  decimal,
  isMonthSpan,
  money,
  monthName,
  normaliseSpaces,
  percent,
  periodFor,
  periodIn,
  periodLabel,
  periodWith,
  persons,
  points,
  ratio,
  signedCount,
  signedDecimal,
  signedMoney,
  signedPercent,
  thousandPersons,
  times,
} from '../../src/narrate/locales/ru-format.ts';
import { period } from '../../src/period.ts';

describe('Russian numbers', () => {
  it.each([
    [3405102, '3\u00a0405\u00a0102'],
    [1234, '1\u00a0234'],
    [999, '999'],
    [0, '0'],
    [25.6, '26'],
    [-5016, '\u22125\u00a0016'],
  ])('count(%d)', (v, want) => expect(count(v)).toBe(want));

  it('count equals Intl ru with spaces normalised to U+00A0', () => {
    const f = new Intl.NumberFormat('ru', { maximumFractionDigits: 0 });
    for (const v of [0, 7, 1234, 7680, 12345, 3405102, 1e9 + 0.5, 987654321]) expect(count(v)).toBe(normaliseSpaces(f.format(v)));
  });

  it('normaliseSpaces turns U+202F and spaces into U+00A0', () => expect(normaliseSpaces('1\u202f234 567')).toBe('1\u00a0234\u00a0567'));

  it('decimal', () => {
    expect(decimal(25.94, 1)).toBe('25,9');
    expect(decimal(1234.56, 1)).toBe('1\u00a0234,6');
    expect(decimal(1.15, 1)).toBe('1,2'); // Intl's rounding, not toFixed's
    expect(decimal(-0.04, 1)).toBe('0,0');
  });

  it('percent: no space before %, unlike Intl', () => {
    expect(percent(25.94)).toBe('25,9%');
    expect(percent(87, 0)).toBe('87%');
    expect(new Intl.NumberFormat('ru', { style: 'percent', maximumFractionDigits: 1 }).format(0.2594)).toMatch(/^25,9[\u00a0\u202f]%$/);
  });

  it('signed variants use U+2212 and +, and no sign on a displayed zero', () => {
    expect(signedPercent(-19.31540342298289)).toBe('\u221219,3%');
    expect(signedPercent(48.4)).toBe('+48,4%');
    expect(signedPercent(0.04)).toBe('0,0%');
    expect(signedCount(-5016)).toBe('\u22125\u00a0016');
    expect(signedCount(1234)).toBe('+1\u00a0234');
    expect(signedCount(0)).toBe('0');
    expect(signedDecimal(-3.44)).toBe('\u22123,4');
    expect(signedMoney(12.5)).toBe('+12,5\u00a0млн долларов США');
  });

  it('money and points', () => {
    expect(money(677.3)).toBe('677,3\u00a0млн долларов США');
    expect(money(198)).toBe('198,0\u00a0млн долларов США');
    expect(money(1234.5)).toBe('1\u00a0234,5\u00a0млн долларов США');
    expect(points(10.4)).toBe('10,4\u00a0п.п.');
  });
});

describe('Russian counted nouns (Intl.PluralRules ru)', () => {
  it.each([
    [1, '1\u00a0человек'],
    [2, '2\u00a0человека'],
    [4, '4\u00a0человека'],
    [5, '5\u00a0человек'],
    [11, '11\u00a0человек'],
    [21, '21\u00a0человек'],
    [22, '22\u00a0человека'],
    [111, '111\u00a0человек'],
    [3405102, '3\u00a0405\u00a0102\u00a0человека'],
    [1.5, '1,5\u00a0человека'],
    [0.5, '0,5\u00a0человека'],
  ])('persons(%d)', (n, want) => expect(persons(n)).toBe(want));

  it('thousands: "тыс. человек" after any fraction', () => {
    expect(thousandPersons(5900)).toBe('5,9\u00a0тыс. человек');
    expect(thousandPersons(1000)).toBe('1,0\u00a0тыс. человек');
  });

  it.each([
    [1.5, '1,5\u00a0раза'],
    [2, '2\u00a0раза'],
    [2.04, '2\u00a0раза'],
    [2.2, '2,2\u00a0раза'],
    [5, '5\u00a0раз'],
    [21, '21\u00a0раз'],
    [1, '1\u00a0раз'],
  ])('times(%d)', (x, want) => expect(times(x)).toBe(want));

  it('ratio drops ",0"', () => {
    expect(ratio(3)).toBe('3');
    expect(ratio(2.96)).toBe('3');
    expect(ratio(2.8)).toBe('2,8');
  });
});

describe('Russian months', () => {
  it('nominative and genitive agree with date-fns ru (LLLL, MMMM)', () => {
    for (let m = 0; m < 12; m++) {
      const d = new Date(2024, m, 1);
      expect(monthName(m, 'nom')).toBe(formatDate(d, 'LLLL', { locale: ru }));
      expect(monthName(m, 'gen')).toBe(formatDate(d, 'MMMM', { locale: ru }));
    }
  });

  it('prepositional and instrumental (not in date-fns or Intl)', () => {
    expect(Array.from({ length: 12 }, (_, m) => monthName(m, 'prep')).join(' ')).toBe(
      'январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре',
    );
    expect(Array.from({ length: 12 }, (_, m) => monthName(m, 'ins')).join(' ')).toBe(
      'январем февралем мартом апрелем маем июнем июлем августом сентябрем октябрем ноябрем декабрем',
    );
  });

  it('what date-fns gives that we do not use', () => {
    const d = new Date(2023, 8, 1);
    expect(formatDate(d, 'PPP', { locale: ru })).toBe('1 сентября 2023 г.'); // we write "года" in text
    expect(formatDate(d, 'do MMMM', { locale: ru })).toBe('1-е сентября'); // we write "1 сентября"
  });
});

describe('Russian periods', () => {
  it.each([
    ['2023-Q4', 'в IV квартале 2023 года'],
    ['2024-03', 'в марте 2024 года'],
    ['2026-01/2026-03', 'в январе–марте 2026 года'],
    ['2023-Q1/2023-Q3', 'в январе–сентябре 2023 года'],
    ['2024-04/2024-05', 'в апреле–мае 2024 года'],
    ['2025-11/2026-03', 'в ноябре 2025 года – марте 2026 года'],
    ['2023', 'в 2023 году'],
    ['1991/2023', 'в 1991–2023 годах'],
    ['2023-09-01', 'на 1\u00a0сентября 2023 года'],
  ])('periodIn(%s)', (code, want) => expect(periodIn(period(code))).toBe(want));

  it.each([
    ['2023-01/2023-09', 'за январь–сентябрь 2023 года'],
    ['2023', 'за 2023 год'],
    ['2023-Q4', 'за IV квартал 2023 года'],
    ['2024-03', 'за март 2024 года'],
    ['1991/2023', 'за 1991–2023 годы'],
    ['2023-09-01', 'на 1\u00a0сентября 2023 года'],
  ])('periodFor(%s)', (code, want) => expect(periodFor(period(code))).toBe(want));

  it.each([
    ['2024-01/2024-03', 'январь–март 2024'],
    ['2023-Q4', 'IV квартал 2023'],
    ['2023', '2023'],
    ['2023-09-01', '1\u00a0сентября 2023'],
    ['2024-03', 'март 2024'],
    ['2025-11/2026-03', 'ноябрь 2025 – март 2026'],
    ['1991/2023', '1991–2023'],
  ])('periodLabel(%s)', (code, want) => expect(periodLabel(period(code))).toBe(want));

  it.each([
    ['2022-Q4', 'IV кварталом 2022 года'],
    ['2023-03', 'мартом 2023 года'],
    ['2025-01/2025-03', 'январем–мартом 2025 года'],
    ['2022', '2022 годом'],
    ['2022-09-01', '1\u00a0сентября 2022 года'],
  ])('periodWith(%s)', (code, want) => expect(periodWith(period(code))).toBe(want));
});

describe('Russian baselines', () => {
  it.each([
    ['2025-01/2025-03', 'year_ago', 'по сравнению с соответствующим периодом 2025 года'],
    ['2022-01/2022-09', 'year_ago', 'по сравнению с соответствующим периодом 2022 года'],
    ['2022-Q4', 'year_ago', 'по сравнению с IV кварталом 2022 года'],
    ['2023-03', 'year_ago', 'по сравнению с мартом 2023 года'],
    ['2022', 'year_ago', 'по сравнению с 2022 годом'],
    ['2022-09-01', 'year_ago', 'по сравнению с 1\u00a0сентября 2022 года'],
    ['2023-Q3', 'previous', 'по сравнению с III кварталом 2023 года'],
    ['2022', 'previous', 'по сравнению с 2022 годом'],
    ['2024-02', 'previous', 'по сравнению с февралем 2024 года'],
    ['2025-Q4', 'previous', 'по сравнению с IV кварталом 2025 года'],
    ['2025-10/2025-12', 'previous', 'по сравнению с октябрем–декабрем 2025 года'], // a span kept as written
    ['2025-07/2025-12', 'previous', 'по сравнению с июлем–декабрем 2025 года'],
    ['2024-11/2025-03', 'year_ago', 'по сравнению с ноябрем 2024 года – мартом 2025 года'],
    ['2020-01/2020-12', 'named', 'по сравнению с январем–декабрем 2020 года'], // as quoted in research 2.3
    ['2020', 'named', 'по сравнению с 2020 годом'],
    ['2025-07/2025-12', 'year_ago', 'по сравнению с соответствующим периодом 2025 года'],
    ['2020-01/2020-12', 'year_ago', 'по сравнению с соответствующим периодом 2020 года'], // twelve months written as months: a span, as in kk
  ] as const)('baselinePhrase(%s, %s)', (code, relation, want) => expect(baselinePhrase(period(code), relation)).toBe(want));

  it.each([
    ['2025-01/2025-03', true],
    ['2025-04/2025-09', true],
    ['2025-Q1', false],
    ['2025-Q1/2025-Q3', true],
    ['2025-03', false],
    ['2025', false],
    ['2024/2025', false],
    ['2024-11/2025-03', false],
    ['2025-09-01', false],
  ] as const)('isMonthSpan(%s) = %s', (code, want) => expect(isMonthSpan(period(code))).toBe(want));

  it('names the same span a year back in the four cases', () => {
    const p = period('2023-01/2023-06');
    expect((['ins', 'gen', 'prep', 'acc'] as const).map((c) => correspondingPeriod(p, c))).toEqual([
      'соответствующим периодом 2023 года',
      'соответствующего периода 2023 года',
      'соответствующем периоде 2023 года',
      'соответствующий период 2023 года',
    ]);
  });
});

describe('Russian change verbs', () => {
  it.each([
    [1, 'm', 'увеличился'],
    [1, 'f', 'увеличилась'],
    [1, 'n', 'увеличилось'],
    [1, 'pl', 'увеличились'],
    [-1, 'm', 'сократился'],
    [-1, 'f', 'сократилась'],
    [-1, 'n', 'сократилось'],
    [-1, 'pl', 'сократились'],
    [0, 'm', 'не изменился'],
    [0, 'f', 'не изменилась'],
    [0, 'n', 'не изменилось'],
    [0, 'pl', 'не изменились'],
  ] as const)('changeVerb(%d, %s)', (d, g, want) => expect(changeVerb(d, g)).toBe(want));
});
