// Kazakh case suffixes (issue 12, point 3): the hand-filled ablative/dative forms in countries.csv are the oracle.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ablative, accusative, dative, genitive, inflect, listKk, locative, numberSuffix, type KkCase,
} from '../../src/narrate/locales/kk-morph.ts';

const CASES: KkCase[] = ['abl', 'dat', 'loc', 'gen', 'acc'];
function csv(name: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(new URL(`../../data/reference/${name}.csv`, import.meta.url), 'utf8')
    .trim().split(/\r?\n/u);
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

describe('countries.csv: ablative and dative against the hand-filled forms', () => {
  const rows = csv('countries');
  const filled = rows.filter((r) => r.name_kk_abl || r.name_kk_dat);
  it('has the forms filled for most countries', () => expect(filled.length).toBeGreaterThanOrEqual(60));
  it('matches every filled form (mismatches listed)', () => {
    const mismatches: string[] = [];
    for (const r of filled) {
      if (r.name_kk_abl && ablative(r.name_kk) !== r.name_kk_abl)
        mismatches.push(`${r.code} abl: got ${ablative(r.name_kk)}, csv ${r.name_kk_abl}`);
      if (r.name_kk_dat && dative(r.name_kk) !== r.name_kk_dat)
        mismatches.push(`${r.code} dat: got ${dative(r.name_kk)}, csv ${r.name_kk_dat}`);
    }
    expect(mismatches).toEqual([]);
  });
  it('gives forms for the countries not yet filled (to review before filling the CSV)', () => {
    expect(ablative('Нидерланд')).toBe('Нидерландтан');
    expect(dative('Тайланд')).toBe('Тайландқа');
  });
});

describe('every region and indicator name declines in every case', () => {
  const names = [...csv('regions').map((r) => r.name_kk), ...csv('indicators').map((r) => r.name_kk)];
  it.each(names)('%s', (name) => {
    for (const c of CASES) {
      const form = inflect(name, c);
      expect(form.length).toBeGreaterThan(name.length);
      expect(form.startsWith(name)).toBe(true);
    }
  });
});

describe('hand-checked forms', () => {
  it('oblys (3rd-person possessive)', () => {
    expect(ablative('Абай облысы')).toBe('Абай облысынан');
    expect(dative('Абай облысы')).toBe('Абай облысына');
    expect(locative('Абай облысы')).toBe('Абай облысында');
    expect(genitive('Абай облысы')).toBe('Абай облысының');
    expect(accusative('Абай облысы')).toBe('Абай облысын');
    expect(dative('Алматы қаласы')).toBe('Алматы қаласына');
    expect(ablative('Шығыс Қазақстан облысы')).toBe('Шығыс Қазақстан облысынан');
  });
  it('cities', () => {
    expect([ablative('Астана'), dative('Астана'), locative('Астана'), genitive('Астана'), accusative('Астана')])
      .toEqual(['Астанадан', 'Астанаға', 'Астанада', 'Астананың', 'Астананы']);
    expect([ablative('Алматы'), dative('Алматы'), genitive('Алматы')]).toEqual(['Алматыдан', 'Алматыға', 'Алматының']);
    expect([ablative('Шымкент'), dative('Шымкент'), locative('Шымкент'), genitive('Шымкент'), accusative('Шымкент')])
      .toEqual(['Шымкенттен', 'Шымкентке', 'Шымкентте', 'Шымкенттің', 'Шымкентті']);
    // research doc §2.2's prototype forms
    expect(locative('Ақтөбе')).toBe('Ақтөбеде');
    expect([locative('Атырау'), dative('Атырау'), ablative('Атырау')]).toEqual(['Атырауда', 'Атырауға', 'Атыраудан']);
    expect(dative('Семей')).toBe('Семейге');
    expect(ablative('Өскемен')).toBe('Өскеменнен');
    expect(ablative('Жезқазған')).toBe('Жезқазғаннан');
    expect(dative('Талдықорған')).toBe('Талдықорғанға');
    expect(dative('Қостанай')).toBe('Қостанайға');
    expect(ablative('Павлодар')).toBe('Павлодардан');
    expect(ablative('Тараз')).toBe('Тараздан');
    expect(locative('Қызылорда')).toBe('Қызылордада');
    expect(locative('Қарағанды')).toBe('Қарағандыда');
    expect(ablative('Қарағанды')).toBe('Қарағандыдан');
  });
  it('months (locative)', () => {
    const months = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
    expect(months.map(locative)).toEqual(['қаңтарда', 'ақпанда', 'наурызда', 'сәуірде', 'мамырда', 'маусымда', 'шілдеде',
      'тамызда', 'қыркүйекте', 'қазанда', 'қарашада', 'желтоқсанда']);
  });
  it('common nouns', () => {
    expect(accusative('адам')).toBe('адамды');
    expect(dative('есе')).toBe('есеге');
    expect(dative('пайыз')).toBe('пайызға');
    expect(ablative('кезең')).toBe('кезеңнен');
    expect(genitive('кезең')).toBe('кезеңнің');
  });
  it('exceptions and acronyms', () => {
    expect([dative('Қонаев'), ablative('Қонаев'), locative('Қонаев')]).toEqual(['Қонаевқа', 'Қонаевтан', 'Қонаевта']);
    expect([dative('Жетісу'), ablative('Жетісу'), genitive('Жетісу')]).toEqual(['Жетісуға', 'Жетісудан', 'Жетісудың']);
    expect([dative('ТМД'), ablative('ТМД'), genitive('ТМД')]).toEqual(['ТМД-ға', 'ТМД-дан', 'ТМД-ның']);
    expect([dative('АҚШ'), ablative('АҚШ')]).toEqual(['АҚШ-қа', 'АҚШ-тан']);
    expect(dative('Беларусь')).toBe('Беларуське');
    expect(ablative('Кипр')).toBe('Кипрден');
  });
});

describe('numbers and percentages', () => {
  // [number, ablative, dative, locative, genitive, accusative suffixes], after the last numeral said
  const table: [string, string, string, string, string, string][] = [
    ['0', 'ден', 'ге', 'де', 'дің', 'ді'], // нөл
    ['1', 'ден', 'ге', 'де', 'дің', 'ді'], // бір
    ['2', 'ден', 'ге', 'де', 'нің', 'ні'], // екі
    ['3', 'тен', 'ке', 'те', 'тің', 'ті'], // үш
    ['4', 'тен', 'ке', 'те', 'тің', 'ті'], // төрт
    ['5', 'тен', 'ке', 'те', 'тің', 'ті'], // бес
    ['6', 'дан', 'ға', 'да', 'ның', 'ны'], // алты
    ['7', 'ден', 'ге', 'де', 'нің', 'ні'], // жеті
    ['8', 'ден', 'ге', 'де', 'дің', 'ді'], // сегіз
    ['9', 'дан', 'ға', 'да', 'дың', 'ды'], // тоғыз
    ['10', 'нан', 'ға', 'да', 'ның', 'ды'], // он
    ['20', 'дан', 'ға', 'да', 'ның', 'ны'], // жиырма
    ['30', 'дан', 'ға', 'да', 'дың', 'ды'], // отыз
    ['40', 'тан', 'қа', 'та', 'тың', 'ты'], // қырық
    ['50', 'ден', 'ге', 'де', 'дің', 'ді'], // елу
    ['60', 'тан', 'қа', 'та', 'тың', 'ты'], // алпыс
    ['70', 'тен', 'ке', 'те', 'тің', 'ті'], // жетпіс
    ['80', 'нен', 'ге', 'де', 'нің', 'ді'], // сексен
    ['90', 'нан', 'ға', 'да', 'ның', 'ды'], // тоқсан
    ['100', 'ден', 'ге', 'де', 'дің', 'ді'], // жүз
    ['1000', 'нан', 'ға', 'да', 'ның', 'ды'], // мың
    ['1 000 000', 'нан', 'ға', 'да', 'ның', 'ды'], // миллион
    ['2 000 000 000', 'тан', 'қа', 'та', 'тың', 'ты'], // миллиард (final д devoiced)
  ];
  it.each(table)('%s', (n, ...suffixes) => {
    expect(CASES.map((c) => numberSuffix(n, c))).toEqual(suffixes.map((s) => `${n}-${s}`));
  });
  it('reads whole numbers by their last numeral', () => {
    expect(ablative('3\u00a0405\u00a0102')).toBe('3\u00a0405\u00a0102-ден'); // ... жүз екі
    expect(numberSuffix('3 405 102', 'abl')).toBe('3 405 102-ден');
    expect(numberSuffix('1 100', 'dat')).toBe('1 100-ге'); // бір мың бір жүз
    expect(numberSuffix('21 000', 'dat')).toBe('21 000-ға'); // жиырма бір мың
    expect(numberSuffix('2026', 'loc')).toBe('2026-да'); // ... алты
    expect(numberSuffix('115', 'dat')).toBe('115-ке'); // ... бес
  });
  it('reads decimals by their fraction', () => {
    expect(numberSuffix('2,5', 'dat')).toBe('2,5-ке'); // екі бүтін оннан бес
    expect(numberSuffix('2,2', 'abl')).toBe('2,2-ден'); // екі бүтін оннан екі
    expect(numberSuffix('3,40', 'dat')).toBe('3,40-қа'); // үш бүтін жүзден қырық
  });
  it('reads % as пайыз whatever the number (BNS: 20,7%-ға азайды)', () => {
    expect(numberSuffix('20,7%', 'dat')).toBe('20,7%-ға');
    expect(numberSuffix('25,9%', 'abl')).toBe('25,9%-дан');
    expect(numberSuffix('-3,4%', 'dat')).toBe('-3,4%-ға');
    expect(numberSuffix('87%', 'loc')).toBe('87%-да');
    expect(dative('41,4%')).toBe('41,4%-ға');
  });
  it('rejects what is not a number', () => expect(() => numberSuffix('abc', 'dat')).toThrow());
});

describe('listKk', () => {
  it('joins with және', () => {
    expect(listKk([])).toBe('');
    expect(listKk(['Қытай'])).toBe('Қытай');
    expect(listKk(['Қытай', 'Түркия'])).toBe('Қытай және Түркия');
    expect(listKk(['Өзбекстан', 'Қырғызстан', 'Ресей Федерациясы'])).toBe('Өзбекстан, Қырғызстан және Ресей Федерациясы');
  });
});
