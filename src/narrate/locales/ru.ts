// Russian: every Russian word, number format, period phrase, case form and agreement rule of the generated text,
// written as the bureau writes its releases («В IV квартале 2023 года число въездов иностранных граждан
// сократилось на 24,0% по сравнению с III кварталом 2023 года»). Numbers, periods and plural forms come from
// ru-format.ts; country and region names in every case from countries.csv / regions.csv (name_ru_<case>), read
// with nameForm so a missing form is a located error. Choices for an editor: docs/languages.md (Russian locale).
//
// How a measure is named: a head noun («число», «численность», «объем», «сальдо») and a complement that does not
// change with the case of the head («въездов из стран СНГ»). Sentences decline the head only (число → числе);
// verbs agree with the head's gender; the verifier reads the complements, which stay the same in every case.
import { CELL_MARKS, NOT_AVAILABLE, figureText, localeKeys, roundedBy, shownDigitsOf, tableCell } from '../cells.ts';
import type { Reference, Unit } from '../../model.ts';
import type { Period } from '../../period.ts';
import type { Flag, Relation } from '../../compare/facts.ts';
import type { Claim } from '../../claims.ts';
import type { ChangeItem, Direction, Locale, MoverItem, ReadNumber, Templates } from '../locale.ts';
import type { Vocabulary } from '../../verify/vocabulary.ts';
import type { WordsOptions } from '../../verify/words.ts';
import { UserError } from '../../errors.ts';
import { nameForm } from '../names.ts';
import * as F from './ru-format.ts';
import type { Gender } from './ru-format.ts';

const { NBSP, MINUS, DASH } = F;

type Case = 'nom' | 'gen' | 'dat' | 'acc' | 'ins' | 'prep';
const CASE_KEY: Record<Case, string> = { nom: 'ru', gen: 'ru_gen', dat: 'ru_dat', acc: 'ru_acc', ins: 'ru_ins', prep: 'ru_prep' };
const CASE_WORDS: Record<Case, string> = {
  nom: 'nominative form', gen: 'genitive case form', dat: 'dative case form', acc: 'accusative case form', ins: 'instrumental case form', prep: 'prepositional case form',
};

// ---------------------------------------------------------------------------------------------------------------
// Numbers (cached: formatting is a hot path)

const shownDigits = shownDigitsOf((a, decimals) => (decimals ? F.decimal(a, 1) : F.count(a)), (d) => Number(d.replace(/\u00a0/g, '').replace(',', '.')));

type Forms = Record<'one' | 'few' | 'many' | 'other', string>;
const plural = new Intl.PluralRules('ru');
/** Percentage points are always shown with one decimal («1,0 процентного пункта»): the fraction decides the form. */
const pluralDecimal = new Intl.PluralRules('ru', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** The form of a counted word for a number as shown ("3 405 102", "2,2"). */
const countForm = (shown: string, forms: Forms) => F.countForm(shown, forms);
const pluralOf = (shown: string) => plural.select(Number(shown.replace(/[\u00a0\u202f \u2212+]/g, '').replace(',', '.'))) as keyof Forms;

const POINTS: Forms = { one: 'процентный пункт', few: 'процентных пункта', many: 'процентных пунктов', other: 'процентного пункта' };
const PERSONS: Forms = { one: 'человек', few: 'человека', many: 'человек', other: 'человека' };
const YEARS: Forms = { one: 'год', few: 'года', many: 'лет', other: 'года' };
const CITIZENS: Forms = { one: 'гражданин', few: 'гражданина', many: 'граждан', other: 'гражданина' };
const FOREIGN_CITIZENS: Forms = { one: 'иностранный гражданин', few: 'иностранных гражданина', many: 'иностранных граждан', other: 'иностранного гражданина' };
const PERMITS: Forms = { one: 'разрешение', few: 'разрешения', many: 'разрешений', other: 'разрешения' };
const KAZAKHS: Forms = { one: 'этнический казах', few: 'этнических казаха', many: 'этнических казахов', other: 'этнического казаха' };
const ENTRIES: Forms = { one: 'въезд', few: 'въезда', many: 'въездов', other: 'въезда' };
const EXITS: Forms = { one: 'выезд', few: 'выезда', many: 'выездов', other: 'выезда' };
/** "в 4 регионах", "в 21 регионе". */
const REGIONS_PREP: Forms = { one: 'регионе', few: 'регионах', many: 'регионах', other: 'регионах' };
/** "из 5 регионов", "из 21 региона". */
const REGIONS_GEN: Forms = { one: 'региона', few: 'регионов', many: 'регионов', other: 'регионов' };

// ---------------------------------------------------------------------------------------------------------------
// Periods: memoised by period code

function cached(fn: (p: Period) => string): (p: Period) => string {
  const memo = new Map<string, string>();
  return (p) => {
    let v = memo.get(p.code);
    if (v === undefined) memo.set(p.code, (v = fn(p)));
    return v;
  };
}
const periodIn = cached(F.periodIn);
const periodFor = cached(F.periodFor);
const label = cached(F.periodLabel);
const periodGen = cached(F.periodGen);
const periodWith = cached(F.periodWith);


/** Every form of a baseline as the sentences write it: after «по сравнению с» (ins), «в» (prep), «за», «начиная с»/«от уровня» (gen). */
interface BaselineForms {
  ins: string;
  prep: string;
  for: string;
  gen: string;
}
function baselineFormsOf(p: Period, relation: Relation): BaselineForms {
  // A stock is compared with its figure on a date: «по сравнению с данными на 1 сентября 2023 года».
  if (p.kind === 'date') return { ins: `данными ${periodIn(p)}`, prep: periodIn(p), for: periodIn(p), gen: periodGen(p) };
  const named = { ins: periodWith(p), prep: periodIn(p), for: periodFor(p), gen: periodGen(p) };
  // The same span of months a year back is the bureau's «соответствующий период 2025 года» where the sentence names
  // the months it is compared with: after «по сравнению с» (ins) and «от уровня»/«на уровне» (gen, in a sentence that
  // opens with its period). «Тогда как в …» (prep) and «есть данные за …» (for) stand in sentences that do not name
  // the period, so there the months are named. The verifier accepts the phrase only for a claim that compares a
  // period with the same period a year earlier (words.ts: a phrase only one relation writes).
  if (relation === 'year_ago' && F.isMonthSpan(p)) return { ...named, ins: F.correspondingPeriod(p, 'ins'), gen: F.correspondingPeriod(p, 'gen') };
  return named;
}

// ---------------------------------------------------------------------------------------------------------------
// Words

/** Head nouns of measures, with their gender (verbs agree with it) and every case. */
const HEADS: Record<string, { g: Gender; forms: Record<Case, string>; pron: string }> = {
  число: { g: 'n', forms: { nom: 'число', gen: 'числа', dat: 'числу', acc: 'число', ins: 'числом', prep: 'числе' }, pron: 'оно' },
  численность: { g: 'f', forms: { nom: 'численность', gen: 'численности', dat: 'численности', acc: 'численность', ins: 'численностью', prep: 'численности' }, pron: 'она' },
  объем: { g: 'm', forms: { nom: 'объем', gen: 'объема', dat: 'объему', acc: 'объем', ins: 'объемом', prep: 'объеме' }, pron: 'он' },
  сальдо: { g: 'n', forms: { nom: 'сальдо', gen: 'сальдо', dat: 'сальдо', acc: 'сальдо', ins: 'сальдо', prep: 'сальдо' }, pron: 'оно' },
  доля: { g: 'f', forms: { nom: 'доля', gen: 'доли', dat: 'доле', acc: 'долю', ins: 'долей', prep: 'доле' }, pron: 'она' },
};
type Head = keyof typeof HEADS;

/** A measure: its head noun, the complement for all partners, the complement for one partner (in case `pc`). */
interface Measure {
  head: Head;
  all: string;
  of: (place: string) => string;
  pc: Case;
  /** The partner alone, as a second item of a list says it («из Индии — на 2,0%»); `из <p>` by default. */
  by?: (place: string) => string;
  money?: boolean;
}

const MEASURES: Record<string, Measure> = {
  border_arrivals: { head: 'число', all: 'въездов иностранных граждан', of: (p) => `въездов из ${p}`, pc: 'gen' },
  border_departures: { head: 'число', all: 'выездов иностранных граждан', of: (p) => `выездов в ${p}`, pc: 'acc', by: (p) => `в ${p}` },
  work_permit_holders: { head: 'число', all: 'иностранных работников с разрешениями на трудоустройство', of: (p) => `иностранных работников из ${p} с разрешениями на трудоустройство`, pc: 'gen', by: (p) => `из ${p}` },
  trp_holders: { head: 'число', all: 'лиц с разрешением на временное проживание', of: (p) => `граждан ${p} с разрешением на временное проживание`, pc: 'gen', by: (p) => `граждан ${p}` },
  prp_issued: { head: 'число', all: 'выданных разрешений на постоянное проживание', of: (p) => `выданных гражданам ${p} разрешений на постоянное проживание`, pc: 'gen', by: (p) => `гражданам ${p}` },
  prp_terminated: { head: 'число', all: 'прекращений постоянного проживания с выездом из страны', of: (p) => `прекращений постоянного проживания гражданами ${p}`, pc: 'gen', by: (p) => `гражданами ${p}` },
  remittances_out: { head: 'объем', all: 'денежных переводов из Казахстана', of: (p) => `денежных переводов в ${p}`, pc: 'acc', money: true, by: (p) => `в ${p}` },
  remittances_in: { head: 'объем', all: 'денежных переводов в Казахстан', of: (p) => `денежных переводов из ${p}`, pc: 'gen', money: true },
  pr_arrivals: { head: 'число', all: 'прибывших на постоянное жительство', of: (p) => `прибывших на постоянное жительство из ${p}`, pc: 'gen' },
  pr_departures: { head: 'число', all: 'выбывших на постоянное жительство за рубеж', of: (p) => `выбывших на постоянное жительство в ${p}`, pc: 'acc', by: (p) => `в ${p}` },
  pr_net_migration: { head: 'сальдо', all: 'миграции', of: (p) => `миграции с ${p}`, pc: 'ins', by: (p) => `с ${p}` },
  net_migration: { head: 'сальдо', all: 'миграции', of: (p) => `миграции с ${p}`, pc: 'ins', by: (p) => `с ${p}` },
  internal_migrants: { head: 'численность', all: 'внутренних мигрантов', of: (p) => `внутренних мигрантов из ${p}`, pc: 'gen' },
  interregional_net: { head: 'сальдо', all: 'межрегиональной миграции', of: (p) => `межрегиональной миграции ${p}`, pc: 'gen', by: (p) => p },
  interregional_arrivals: { head: 'число', all: 'прибывших из других регионов', of: (p) => `прибывших из других регионов в ${p}`, pc: 'acc', by: (p) => `в ${p}` },
  interregional_departures: { head: 'число', all: 'выбывших в другие регионы', of: (p) => `выбывших в другие регионы из ${p}`, pc: 'gen' },
  kandas_granted: { head: 'число', all: 'получивших статус кандаса с начала года', of: (p) => `получивших статус кандаса с начала года граждан ${p}`, pc: 'gen', by: (p) => `граждан ${p}` },
  kandas_total: { head: 'число', all: 'этнических казахов, вернувшихся с 1991 года', of: (p) => `этнических казахов, вернувшихся с 1991 года из ${p}`, pc: 'gen' },
  kandas_by_age: { head: 'число', all: 'кандасов по возрастным группам', of: (p) => `кандасов из ${p} по возрастным группам`, pc: 'gen' },
  kandas_by_origin: { head: 'число', all: 'получивших статус кандаса с начала года', of: (p) => `кандасов из ${p}`, pc: 'gen' },
  kandas_by_education: { head: 'число', all: 'кандасов трудоспособного возраста по уровню образования', of: (p) => `кандасов из ${p} трудоспособного возраста по уровню образования`, pc: 'gen' },
  internal_migrants_ratio: { head: 'численность', all: 'внутренних мигрантов по отношению к соответствующему периоду предыдущего года', of: (p) => `внутренних мигрантов из ${p} по отношению к соответствующему периоду предыдущего года`, pc: 'gen' },
};

/** Balances (plus − minus) by `plus-minus`. */
const BALANCES: Record<string, { all: string; of?: (p: string) => string; pc?: Case }> = {
  'pr_arrivals-pr_departures': { all: 'миграции' },
  'prp_issued-prp_terminated': { all: 'выданных и прекращенных разрешений на постоянное проживание', of: (p) => `разрешений на постоянное проживание для граждан ${p}`, pc: 'gen' },
  'interregional_arrivals-interregional_departures': { all: 'межрегиональной миграции' },
};

/** Other ways the sentences name a measure (the words check finds a figure's series by these). */
const PARAPHRASES: Record<string, string[]> = {
  border_arrivals: ['въездов', 'въезда', 'въезд'],
  border_departures: ['выездов', 'выезда', 'выезд'],
  prp_issued: ['выдано', 'выданных разрешений на постоянное проживание', 'разрешений на постоянное проживание', 'разрешения на постоянное проживание', 'разрешение на постоянное проживание'],
  prp_terminated: ['прекращено', 'постоянное проживание в Казахстане с выездом из страны прекратили', 'постоянное проживание в Казахстане с выездом из страны прекратил'],
  trp_holders: ['разрешение на временное проживание имели', 'разрешение на временное проживание имел'],
  work_permit_holders: ['по разрешениям местных исполнительных органов в Казахстане работали', 'по разрешениям местных исполнительных органов в Казахстане работал'],
  pr_arrivals: ['в Казахстан на постоянное жительство прибыло', 'в Казахстан на постоянное жительство прибыл', 'прибывших'],
  pr_departures: ['из Казахстана за рубеж выбыло', 'из Казахстана за рубеж выбыл', 'выбывших'],
  kandas_granted: ['с начала года статус кандаса получили', 'с начала года статус кандаса получил'],
  kandas_total: ['с 1991 года в Казахстан вернулись', 'с 1991 года в Казахстан вернулся'],
  kandas_by_age: ['кандасов'],
  kandas_by_education: ['кандасов трудоспособного возраста'],
  kandas_by_origin: ['получивших статус кандаса с начала года'],
};

/** Breakdown values as a sentence names its part (nominative: «русские составили 32 800 человек»). */
const BREAKDOWN_WORDS: Record<string, string> = {
  working: 'в трудоспособном возрасте',
  under_working: 'моложе трудоспособного возраста',
  over_working: 'старше трудоспособного возраста',
  higher: 'высшее образование',
  specialised_secondary: 'среднее специальное образование',
  general_secondary: 'общее среднее образование',
  kazakh: 'казахи', russian: 'русские', german: 'немцы', ukrainian: 'украинцы',
  female: 'женщины', male: 'мужчины', urban: 'городские жители', rural: 'сельские жители',
};
const BREAKDOWN_LABELS: Record<string, string> = {
  working: 'Трудоспособный', under_working: 'Моложе трудоспособного', over_working: 'Старше трудоспособного',
  higher: 'Высшее', specialised_secondary: 'Среднее специальное', general_secondary: 'Общее среднее',
  kazakh: 'Казахи', russian: 'Русские', german: 'Немцы', ukrainian: 'Украинцы',
  female: 'Женщины', male: 'Мужчины', urban: 'Городские жители', rural: 'Сельские жители',
};

const SECTION_TITLES: Record<string, string> = {
  flows: 'Въезд и выезд иностранных граждан', trp: 'Разрешения на временное проживание', prp: 'Разрешения на постоянное проживание',
  kandas: 'Этнические казахи, вернувшиеся в Казахстан (кандасы)', remittances_out: 'Личные денежные переводы из Казахстана',
  remittances_in: 'Личные денежные переводы в Казахстан', key_points: 'Основные показатели', internal: 'Внутренняя миграция',
  emigration: 'Прибывшие на постоянное жительство и выбывшие за рубеж', destinations: 'Страны выбытия эмигрантов',
  work_permits: 'Разрешения на трудоустройство иностранных работников', ethnicity: 'Эмигранты и иммигранты по национальности',
  home_regions: 'Регионы выбытия и прибытия', migrants_by_sex: 'Эмигранты и иммигранты по полу', urban_rural: 'Эмигранты и иммигранты из городской и сельской местности',
};
const GROUP_TITLES: Record<string, string> = { remittances: 'Личные денежные переводы' };

/** Partner groups in every case; membership stays in countries.csv. `_T` is «все страны». */
const GROUP_NAMES: Record<string, Record<Case, string>> = {
  CIS: { nom: 'страны СНГ', gen: 'стран СНГ', dat: 'странам СНГ', acc: 'страны СНГ', ins: 'странами СНГ', prep: 'странах СНГ' },
  NONCIS: { nom: 'страны вне СНГ', gen: 'стран вне СНГ', dat: 'странам вне СНГ', acc: 'страны вне СНГ', ins: 'странами вне СНГ', prep: 'странах вне СНГ' },
  _T: { nom: 'все страны', gen: 'всех стран', dat: 'всем странам', acc: 'все страны', ins: 'всеми странами', prep: 'всех странах' },
};

const MARK_WORDS: Record<Flag, string> = { E: 'оценка', I: 'расчетные данные', P: 'предварительные данные' };

// Direction words in every form the text may use (and near synonyms, so a wrong one is caught too).
const DIRECTION_WORDS: Record<string, Direction> = {};
const ENDINGS = ['ся', 'ась', 'ось', 'ись'];
for (const stem of ['увеличил', 'вырос', 'возрос']) for (const e of stem === 'увеличил' ? ENDINGS : ['', 'ла', 'ло', 'ли']) DIRECTION_WORDS[stem + e] = 1;
for (const stem of ['сократил', 'снизил', 'уменьшил']) for (const e of ENDINGS) DIRECTION_WORDS[stem + e] = -1;
for (const e of ENDINGS) DIRECTION_WORDS[`не изменил${e}`] = 0;
for (const w of ['увеличившись', 'выросши']) DIRECTION_WORDS[w] = 1;
for (const w of ['сократившись', 'снизившись', 'уменьшившись']) DIRECTION_WORDS[w] = -1;
DIRECTION_WORDS['не изменившись'] = 0;
DIRECTION_WORDS['без изменений'] = 0;
const ADJ = ['ый', 'ая', 'ое', 'ые', 'ого', 'ой', 'ому', 'ую', 'ым', 'ом', 'ых', 'ыми'];
for (const e of ADJ) {
  DIRECTION_WORDS[`положительн${e}`] = 1;
  DIRECTION_WORDS[`отрицательн${e}`] = -1;
  DIRECTION_WORDS[`нулев${e === 'ый' ? 'ой' : e}`] = 0;
}
for (const w of ['больше', 'выше', 'превысило', 'превысил', 'превысила', 'превысили', 'превышает', 'превышают']) DIRECTION_WORDS[w] = 1;
for (const w of ['меньше', 'ниже']) DIRECTION_WORDS[w] = -1;

const SUPERLATIVES: Record<string, 'most' | 'largest' | 'highest' | 'lowest'> = { 'сильнее всего': 'most', 'больше всего': 'most', 'меньше всего': 'most' };
for (const e of ['ий', 'ая', 'ее', 'ие', 'его', 'ей', 'ему', 'ую', 'им', 'ем', 'их', 'ими']) {
  SUPERLATIVES[`наибольш${e}`] = 'largest';
  SUPERLATIVES[`наименьш${e}`] = 'largest';
}
for (const e of ADJ) {
  SUPERLATIVES[`максимальн${e}`] = 'highest';
  SUPERLATIVES[`минимальн${e}`] = 'lowest';
}

// Ordinals (agreeing with «год», «месяц», «квартал»: masculine) and the number words read back from text.
const ORDINAL_STEMS: [string, 'y' | 'o' | 'i'][] = [
  ['нулев', 'o'], ['перв', 'y'], ['втор', 'o'], ['трет', 'i'], ['четверт', 'y'], ['пят', 'y'], ['шест', 'o'], ['седьм', 'o'], ['восьм', 'o'], ['девят', 'y'], ['десят', 'y'],
  ['одиннадцат', 'y'], ['двенадцат', 'y'], ['тринадцат', 'y'], ['четырнадцат', 'y'], ['пятнадцат', 'y'], ['шестнадцат', 'y'], ['семнадцат', 'y'], ['восемнадцат', 'y'], ['девятнадцат', 'y'], ['двадцат', 'y'],
];
const ORD_ENDINGS = { y: ['ый', 'ого', 'ому', 'ым', 'ом', 'ая', 'ой', 'ую', 'ое', 'ые', 'ых', 'ыми'], o: ['ой', 'ого', 'ому', 'ым', 'ом', 'ая', 'ую', 'ое', 'ые', 'ых', 'ыми'], i: ['ий', 'ьего', 'ьему', 'ьим', 'ьем', 'ья', 'ьей', 'ью', 'ье', 'ьи', 'ьих', 'ьими'] };
const NUMBER_WORDS = new Map<string, { n: number; ordinal: boolean }>();
ORDINAL_STEMS.forEach(([stem, kind], n) => {
  if (n === 0) return;
  for (const e of ORD_ENDINGS[kind]) NUMBER_WORDS.set(stem + e, { n, ordinal: true });
});
for (const [w, n] of [['два', 2], ['две', 2], ['двух', 2], ['три', 3], ['трех', 3], ['четыре', 4], ['четырех', 4], ['пять', 5], ['пяти', 5]] as const) NUMBER_WORDS.set(w, { n, ordinal: false });

/** «второй», «двенадцатый»; beyond twenty «21-й». */
function ordinal(n: number): string {
  if (n > 0 && n < ORDINAL_STEMS.length) {
    const [stem, kind] = ORDINAL_STEMS[n];
    return stem + ORD_ENDINGS[kind][0];
  }
  return `${n}-й`;
}

/** Verbs and short forms whose ending agrees with the subject, with the gender each ending states. */
const AGREEING: Record<string, Gender> = {};
for (const stem of ['увеличил', 'сократил', 'снизил', 'уменьшил', 'не изменил']) {
  AGREEING[`${stem}ся`] = 'm';
  AGREEING[`${stem}ась`] = 'f';
  AGREEING[`${stem}ось`] = 'n';
  AGREEING[`${stem}ись`] = 'pl';
}
for (const stem of ['был', 'стал', 'составил', 'превысил', 'остал']) {
  const refl = stem === 'остал';
  AGREEING[stem + (refl ? 'ся' : '')] = 'm';
  AGREEING[`${stem}а${refl ? 'сь' : ''}`] = 'f';
  AGREEING[`${stem}о${refl ? 'сь' : ''}`] = 'n';
  AGREEING[`${stem}и${refl ? 'сь' : ''}`] = 'pl';
}
for (const [w, g] of [['вырос', 'm'], ['выросла', 'f'], ['выросло', 'n'], ['выросли', 'pl']] as const) AGREEING[w] = g;
const GENDER_WORD: Record<Gender, string> = { m: 'masculine', f: 'feminine', n: 'neuter', pl: 'plural' };

/** Past-tense forms by gender. */
const past = (stem: string, g: Gender, reflexive = false) =>
  reflexive ? stem + { m: 'ся', f: 'ась', n: 'ось', pl: 'ись' }[g] : stem + { m: '', f: 'а', n: 'о', pl: 'и' }[g];
const adjective = (stem: string, g: Gender) => stem + { m: 'ым', f: 'ой', n: 'ым', pl: 'ыми' }[g];
const signAdj = (d: Direction | number, g: Gender) => (d > 0 ? adjective('положительн', g) : d < 0 ? adjective('отрицательн', g) : { m: 'нулевым', f: 'нулевой', n: 'нулевым', pl: 'нулевыми' }[g]);

const capitalise = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const RUSSIAN_WORDS: WordsOptions = {
  conjunctions: [' и ', ' а ', ' тогда как ', ' когда ', ' хотя '],
  qualifiers: ['среди перечисленных стран', 'перечисленных стран', 'по которым есть данные', 'среди перечисленных регионов', 'с опубликованными данными'],
  marks: MARK_WORDS,
  baselineIntros: ['по сравнению с', 'чем', 'хотя', 'тогда как', 'есть данные', 'от уровня', 'на уровне'],
  sinceIntros: ['начиная с'],
  neutral: ['раза больше', 'раз больше', 'раза меньше', 'раз меньше'],
  multiples: { 'раза больше': 1, 'раз больше': 1, 'раза меньше': -1, 'раз меньше': -1, 'от уровня': -1 },
  units: {
    percent: ['%'],
    percent0: ['%'],
    points: ['процентного пункта', 'процентных пункта', 'процентных пунктов', 'процентный пункт'],
    money: ['млн долларов США'],
    ratio: ['раза', 'раз'],
  },
};

export function createRussian(reference: Reference): Locale {
  // -- names ------------------------------------------------------------------------------------------------------
  const place = (code: string, c: Case = 'nom'): string => {
    const g = GROUP_NAMES[code];
    if (g) return g[c];
    const country = reference.countries.get(code);
    if (country) return nameForm(country, CASE_KEY[c], 'ru', CASE_WORDS[c]);
    const region = reference.regions.get(code);
    if (region) return nameForm(region, CASE_KEY[c], 'ru', CASE_WORDS[c]);
    throw new UserError({ code: "narrate/unknown-place", message: `the ru edition names "${code}", which is in neither countries.csv nor regions.csv`, hint: 'add the code to data/reference/countries.csv or regions.csv with its Russian names' });
  };
  const partner = (code: string, start = false) => (start ? capitalise(place(code)) : place(code));
  const region = (code: string) => place(code);
  const partnerLabel = (code: string) => capitalise(place(code));

  const LIST_AND = ' и ';
  const list = (items: string[]) => (items.length < 3 ? items.join(LIST_AND) : `${items.slice(0, -1).join(', ')}${LIST_AND}${items[items.length - 1]}`);

  const indicatorText = (indicator: string) => {
    const n = reference.indicators.get(indicator)?.names.ru;
    if (!n) throw new UserError({ code: 'narrate/missing-indicator-name', message: `the ru edition needs the Russian name of indicator "${indicator}"`, hint: 'fill name_ru in data/reference/indicators.csv' });
    return n[0].toLowerCase() + n.slice(1);
  };
  const measure = (indicator: string): Measure =>
    MEASURES[indicator] ?? { head: 'число', all: `«${indicatorText(indicator)}»`, of: (p: string) => `«${indicatorText(indicator)}» (${p})`, pc: 'nom' };
  const complement = (indicator: string, p?: string) => {
    const m = measure(indicator);
    return p && p !== '_T' ? m.of(place(p, m.pc)) : m.all;
  };
  const noun = (indicator: string, p?: string, c: Case = 'nom') => `${HEADS[measure(indicator).head].forms[c]} ${complement(indicator, p)}`;
  const genderOf = (indicator: string, minus?: string): Gender => (minus || BALANCES[indicator] ? 'n' : HEADS[measure(indicator).head].g);
  /** The gender of a subject built by `noun` or `balanceNoun`: its head's. */
  const subjectGender = (subject: string): Gender | undefined => HEADS[subject.split(' ')[0].toLowerCase()]?.g;
  const pronoun = (indicator: string, minus?: string) => ({ m: 'он', f: 'она', n: 'оно', pl: 'они' })[genderOf(indicator, minus)];
  /** A nominative subject (from `noun` or `balanceNoun`) with its head in another case. */
  const inflect = (subject: string, c: Case) => {
    const sp = subject.indexOf(' ');
    const head = HEADS[sp > 0 ? subject.slice(0, sp) : subject];
    return head ? head.forms[c] + subject.slice(sp) : subject;
  };
  /** «всех въездов иностранных граждан», «общего объема денежных переводов из Казахстана»: the whole of a share. */
  const allOf = (indicator: string) => (measure(indicator).money ? `общего объема ${measure(indicator).all}` : `всех ${measure(indicator).all}`);
  /** Every head of a list of subjects («число A и сальдо B») in another case. */
  const inflectAll = (subjects: string, c: Case) =>
    subjects.replace(new RegExp(`(^|, | и )(${Object.keys(HEADS).join('|')})(?= )`, 'g'), (_m, sep: string, head: string) => sep + HEADS[head].forms[c]);
  const balanceComplement = (plus: string, minus: string, p?: string) => {
    const b = BALANCES[`${plus}-${minus}`];
    if (!b) return `${complement(plus, p)} за вычетом ${complement(minus, p)}`;
    return p && p !== '_T' && b.of ? b.of(place(p, b.pc ?? 'gen')) : b.all;
  };
  const balanceNoun = (plus: string, minus: string, p?: string) => `сальдо ${balanceComplement(plus, minus, p)}`;

  const flagMark = (flags: Flag[], inBrackets = false) => {
    const words = (['E', 'I', 'P'] as const).filter((f) => flags.includes(f)).map((f) => MARK_WORDS[f]);
    if (!words.length) return '';
    return inBrackets ? `, ${words.join(', ')}` : ` (${words.join(', ')})`;
  };
  const fig = (value: string, marks: Flag[] | undefined, inBrackets = false) => value + flagMark(marks ?? [], inBrackets);

  // Baselines are passed to templates as their instrumental phrase; the other forms are found by it. One phrase may
  // stand for several periods («соответствующим периодом 2023 года» for January–March and January–June 2023): the
  // latest wins, which is the one of the sentence being written (a template is called right after its baseline).
  const baselineForms = new Map<string, BaselineForms>();
  const baseline = (p: Period, relation: Relation): string => {
    const f = baselineFormsOf(p, relation);
    baselineForms.set(f.ins, f);
    return f.ins;
  };
  const bf = (ins: string): BaselineForms => baselineForms.get(ins) ?? { ins, prep: `в ${ins}`, for: `за ${ins}`, gen: ins };
  // Period labels passed to templates (since, missing) are found again by their label.
  const labels = new Map<string, Period>();
  const periodLabel = (p: Period) => {
    const l = label(p);
    labels.set(l, p);
    return l;
  };
  const labelAs = (l: string, as: 'gen' | 'for'): string => {
    const p = labels.get(l);
    if (!p) return l;
    return as === 'gen' ? periodGen(p) : periodFor(p);
  };

  /** A figure (perhaps with its marks) and its counted noun, the noun before the marks: «4 480 127 въездов (расчетные данные)». */
  const counted = (value: string, forms: Forms) => {
    const at = value.indexOf(' (');
    const figure = at < 0 ? value : value.slice(0, at);
    return `${figure} ${countForm(figure, forms)}${at < 0 ? '' : value.slice(at)}`;
  };
  /** A verb for a counted subject: «прибыл 1 человек», «прибыло 29 282 человека». */
  const countedVerb = (shown: string, one: string, other: string) => (pluralOf(shown) === 'one' ? one : other);

  /** One change item as a clause: «число въездов сократилось на 24,0%». `baselineText` for «в 2,2 раза». */
  const changeText = (c: ChangeItem, subject = c.subject) => {
    const g = subjectGender(c.subject) ?? genderOf(c.series.indicator, c.series.minus);
    const mark = flagMark(c.flags ?? []);
    switch (c.measure) {
      case 'unchanged':
        return `${subject} ${F.changeVerb(0, g)}`;
      case 'virtually_unchanged':
        return `${subject} практически ${F.changeVerb(0, g)}`;
      case 'times':
        return `${subject} ${F.changeVerb(c.direction || 1, g)} в ${c.magnitude}${NBSP}${countForm(c.magnitude, { one: 'раз', few: 'раза', many: 'раз', other: 'раза' })}${mark}`;
      case 'from_zero':
        return `${subject} ${F.changeVerb(c.direction, g)} с нуля до ${c.magnitude}${mark}`;
      default:
        return `${subject} ${F.changeVerb(c.direction, g)} на ${c.magnitude}${mark}`;
    }
  };
  const gerund = (d: Direction) => (d > 0 ? 'увеличившись' : d < 0 ? 'сократившись' : 'не изменившись');
  const timesWord = (m: string) => `${m}${NBSP}${countForm(m, { one: 'раз', few: 'раза', many: 'раз', other: 'раза' })}`;

  const words = (k: string) => {
    const w = BREAKDOWN_WORDS[k];
    if (!w) throw new UserError({ code: 'narrate/missing-breakdown-word', message: `the ru edition has no words for the breakdown value "${k}"`, hint: 'add it to BREAKDOWN_WORDS and BREAKDOWN_LABELS in src/narrate/locales/ru.ts' });
    return w;
  };
  const byWords: Record<string, string> = { country: 'по странам', period: 'по периодам', quarter: 'по кварталам', month: 'по месяцам', year: 'по годам', group: 'по группам стран', category: 'по категориям', region: 'по регионам' };

  const t: Templates = {
    noun: (indicator, p) => noun(indicator, p),
    flowTotals: (a) =>
      `${capitalise(a.when)} на границах Казахстана зарегистрировано ${counted(a.arrivals, ENTRIES)} и ${counted(a.departures, EXITS)} иностранных граждан.`,
    changes: (a) => {
      const items = a.items.map((c) => changeText(c));
      if (a.when) return `${capitalise(a.when)} ${list(items)} по сравнению с ${a.baseline}.`;
      return `По сравнению с ${a.baseline} ${list(items)}.`;
    },
    changeAfter: (a) => {
      const head = `${capitalise(changeText(a.item))} по сравнению с ${a.baseline}`;
      if (!a.prior || !a.priorBaseline) return `${head}.`;
      const p = a.prior;
      const pron = { m: 'он', f: 'она', n: 'оно', pl: 'они' }[subjectGender(p.subject) ?? genderOf(p.series.indicator, p.series.minus)];
      return `${head}, когда ${changeText(p, pron)} по сравнению с ${a.priorBaseline}.`;
    },
    level: (a) => {
      const phrase = a.partner ? undefined : LEVEL_PHRASES[a.indicator];
      if (phrase) return `${capitalise(a.when)} ${phrase(a.value)}.`;
      const g = genderOf(a.indicator);
      return `${capitalise(a.when)} ${noun(a.indicator, a.partner)} ${past('составил', g)} ${a.value}.`;
    },
    split: (a) => {
      const m = measure(a.indicator);
      const parts = a.parts.map((x, i) => (i === 0 ? `на ${place(x.code, 'acc')} пришлось ${x.value} (${fig(x.share ?? '', x.marks, true)})` : `на ${place(x.code, 'acc')} — ${x.value} (${fig(x.share ?? '', x.marks, true)})`));
      return `Из общего ${HEADS[m.head].forms.gen} ${m.all}${a.when ? ` ${a.when}` : ''} ${list(parts)}.`;
    },
    members: (a) => {
      const whole = (c: Case) => (a.whole === '_T' ? noun(a.indicator, undefined, c) : noun(a.indicator, a.whole, c));
      // The sentence opens with its period where it opens its section («В январе–июне 2022 года на …»).
      const opens = (rest: string) => (a.when ? `${capitalise(a.when)} ${rest}` : capitalise(rest));
      if (a.items.every((x) => x.share === undefined))
        return opens(`данные о ${whole('prep')} имеются только по отдельным странам: ${list(a.items.map((x) => `${place(x.code)} (${fig(x.value, x.marks, true)})`))}.`);
      const wholeGen = a.whole === '_T' ? allOf(a.indicator) : complement(a.indicator, a.whole);
      const items = a.items.map((x, i) =>
        i === 0
          ? `на ${place(x.code, 'acc')} пришлось ${fig(x.share ?? '', x.shareMarks)} ${measure(a.indicator).money && a.whole !== '_T' ? 'объема ' : ''}${wholeGen} (${fig(x.value, x.marks, true)})`
          : `на ${place(x.code, 'acc')} — ${x.share} (${fig(x.value, [...new Set([...(x.marks ?? []), ...(x.shareMarks ?? [])])].sort() as Flag[], true)})`,
      );
      return opens(`${list(items)}.`);
    },
    largest: (a) => `Наибольшее ${noun(a.indicator, a.whole)} приходилось на ${list(a.items.map((x) => `${place(x.code, 'acc')} (${x.value})`))}.`,
    crossover: (a) => {
      const g = genderOf(a.indicator);
      return `${capitalise(noun(a.indicator, a.overtaker))} (${a.now[0]}) ${past('превысил', g)} ${noun(a.indicator, a.overtaken, 'acc')} (${a.now[1]}), хотя ${bf(a.baseline).prep} ${pronoun(a.indicator)} ${past('был', g)} меньше.`;
    },
    movers: (a) => {
      const m = measure(a.indicator);
      const g = genderOf(a.indicator);
      const head = HEADS[m.head].forms.nom;
      const moverText = (x: MoverItem) =>
        x.item.measure === 'from_zero' ? `с нуля до ${x.change}` : x.item.measure === 'times' ? `в ${timesWord(x.change)} больше` : x.change;
      if (a.partial) {
        const side = (items: MoverItem[]) => {
          let verbStated = false;
          return items.map(({ code, item }) => {
            const mark = flagMark(item.flags ?? []);
            if (item.measure !== 'pct' && item.measure !== 'abs') return changeText(item);
            const said = verbStated;
            verbStated = true;
            return said ? `${(m.by ?? ((x: string) => `из ${x}`))(place(code, m.pc))} — на ${item.magnitude}${mark}` : `${item.subject} ${F.changeVerb(item.direction, g)} на ${item.magnitude}${mark}`;
          }).join(', ');
        };
        const parts = [a.down, a.up].filter((x) => x.length).map(side);
        if (a.unchanged?.length) parts.push(list(a.unchanged.map((x) => changeText(x.item))));
        const group = a.whole === '_T' ? 'стран' : place(a.whole, 'gen');
        return `Из ${group}, по которым есть данные ${bf(a.baseline).for}, ${parts.join(', а ')}.`;
      }
      const side = (items: MoverItem[]) => m.of(list(items.map((x) => `${place(x.code, m.pc)} (${moverText(x)}${flagMark(x.item.flags ?? [], true)})`)));
      const parts: string[] = [];
      if (a.down.length) parts.push(`сильнее всего ${F.changeVerb(-1, g)} ${head} ${side(a.down)}`);
      if (a.up.length) parts.push(`сильнее всего ${F.changeVerb(1, g)} ${head} ${side(a.up)}`);
      // The group the members are ranked in stands apart from the verbs («Среди стран СНГ, по сравнению с …, …»): its
      // clause names the group and states no direction, so each «most» is read in the clause naming its members.
      const among = a.scope === 'listed' ? `Среди перечисленных ${a.whole === '_T' ? 'стран' : place(a.whole, 'gen')}` : a.whole === '_T' ? '' : `Среди ${place(a.whole, 'gen')}`;
      return among ? `${among}, по сравнению с ${a.baseline}, ${parts.join(', а ')}.` : `По сравнению с ${a.baseline} ${parts.join(', а ')}.`;
    },
    shareChange: (a) => {
      const subject = `доля ${place(a.partner, 'gen')} в ${noun(a.indicator, a.whole === '_T' ? undefined : a.whole, 'prep')}`;
      if (a.direction === 0) return `${capitalise(subject)} не изменилась по сравнению с ${a.baseline} и составила ${a.to}.`;
      return `${capitalise(subject)} ${F.changeVerb(a.direction, 'f')} на ${a.points} по сравнению с ${a.baseline} — с ${a.from} до ${a.to}.`;
    },
    unavailable: (a) =>
      a.total
        ? `Общие данные о ${inflect(a.subject, 'prep')} ${labelAs(a.missing, 'for')} отсутствуют, поэтому сравнение с этим периодом не приводится.`
        : `Данные о ${inflect(a.subject, 'prep')} ${labelAs(a.missing, 'for')} отсутствуют, поэтому сравнение с этим периодом не приводится.`,
    trpTotal: (a) => `${capitalise(a.when)} ${countedVerb(a.value, 'разрешение на временное проживание имел', 'разрешение на временное проживание имели')} ${a.value} ${countForm(a.value, FOREIGN_CITIZENS)}.`,
    prpIssued: (a) =>
      `${capitalise(a.when)} выдано ${a.total} ${countForm(a.total, PERMITS)} на постоянное проживание, в том числе ${list(a.parts.map((x) => `${x.value} (${fig(x.share ?? '', x.marks, true)}) — гражданам ${place(x.code, 'gen')}`))}.`,
    prpTerminated: (a) => {
      const one = a.parts.length === 1 && pluralOf(a.parts[0].value) === 'one';
      return `${capitalise(a.when)} постоянное проживание в Казахстане с выездом из страны ${one ? 'прекратил' : 'прекратили'} ${list(a.parts.map((x) => `${x.value} ${countForm(x.value, CITIZENS)} ${place(x.code, 'gen')}`))}.`;
    },
    balances: (a) =>
      `${capitalise(a.when)} сальдо ${BALANCES['prp_issued-prp_terminated'].all} было ${list(
        a.items.map((x) => {
          const parts = `выдано ${x.plus}, прекращено ${x.minus}${flagMark(x.marks ?? [], true).replace(/^,/, ';')}`;
          return x.direction === 0 ? `${signAdj(0, 'n')} для граждан ${place(x.code, 'gen')} (${parts})` : `${signAdj(x.direction, 'n')} для граждан ${place(x.code, 'gen')} — ${x.value} (${parts})`;
        }),
      )}.`,
    signChange: (a) => {
      const g = 'n' as Gender;
      return `${capitalise(a.subject)} ${past('стал', g)} ${signAdj(a.direction, g)} (${fig(a.value, a.marks, true)}), тогда как ${bf(a.baseline).prep} оно было ${signAdj(a.from, g)}.`;
    },
    balanceNoun: (plus, minus, p) => balanceNoun(plus, minus, p),
    stock: (a) =>
      a.indicator === 'kandas_total'
        ? `${capitalise(a.when)} всего ${countedVerb(a.value, 'с 1991 года в Казахстан вернулся', 'с 1991 года в Казахстан вернулись')} ${a.value} ${countForm(a.value, KAZAKHS)}.`
        : `${capitalise(a.when)} ${countedVerb(a.value, 'с начала года статус кандаса получил', 'с начала года статус кандаса получили')} ${a.value} ${countForm(a.value, KAZAKHS)}, вернувшихся в Казахстан.`,
    structure: (a) => {
      if (a.indicator === 'kandas_by_education')
        return `Из кандасов трудоспособного возраста ${a.when} ${list(a.items.map((x, i) => `${x.value} ${i === 0 ? 'имели ' : '— '}${words(x.key)}`))}.`;
      return `${capitalise(a.when)} ${list(a.items.map((x, i) => `${x.value} ${i === 0 ? 'кандасов были ' : '— '}${words(x.key)}`))}.`;
    },
    moneyTotal: (a) => {
      const g = genderOf(a.indicator);
      const head = `${capitalise(a.when)} ${noun(a.indicator)} ${past('составил', g)} ${fig(a.value, a.marks)}`;
      const c = a.item;
      const b = bf(a.baseline);
      switch (c.measure) {
        case 'unchanged':
          return `${head}, не изменившись по сравнению с ${b.ins}.`;
        case 'virtually_unchanged':
          return `${head}, практически не изменившись по сравнению с ${b.ins} (${a.before}).`;
        case 'times':
          return `${head}, ${gerund(c.direction || 1)} в ${fig(timesWord(c.magnitude), c.flags)} по сравнению с ${b.ins} (${a.before}).`;
        case 'from_zero':
          return `${head}, ${gerund(1)} с нуля по сравнению с ${b.ins}.`;
        default:
          return `${head}, ${gerund(c.direction)} на ${a.absolute ? `${a.absolute} (${fig(c.magnitude, c.flags, true)})` : fig(c.magnitude, c.flags)} по сравнению с ${b.ins} (${a.before}).`;
      }
    },
    bnsTotals: (a) =>
      `${capitalise(a.when)} ${countedVerb(a.arrivals, 'в Казахстан на постоянное жительство прибыл', 'в Казахстан на постоянное жительство прибыло')} ${a.arrivals} ${countForm(a.arrivals, PERSONS)}, а ${countedVerb(a.departures, 'из Казахстана за рубеж выбыл', 'из Казахстана за рубеж выбыло')} ${a.departures} ${countForm(a.departures, PERSONS)}; сальдо миграции было ${signAdj(a.netDirection, 'n')}${a.netDirection === 0 ? '' : ` и составило ${a.net} ${countForm(a.net, PERSONS)}`}.`,
    groupShares: (a) => {
      const parts = [a.arrivals ? `${a.arrivals} прибывших` : '', a.departures ? `${a.departures} выбывших` : ''].filter(Boolean);
      return `${capitalise(a.when)} на ${place(a.partner, 'acc')} пришлось ${list(parts)} (по опубликованным данным).`;
    },
    ratio: (a) => {
      const g = genderOf(a.indicator);
      const subject = noun(a.indicator);
      const b = bf(a.baseline);
      if (a.direction === 0) return `${capitalise(a.when)} ${subject} ${past('остал', g, true)} на уровне ${b.gen} (отношение ${a.value}, по опубликованным данным).`;
      if (a.direction > 0) return `${capitalise(a.when)} ${subject} ${F.changeVerb(1, g)} в ${timesWord(a.value)} по сравнению с ${b.ins} (по опубликованным данным).`;
      return `${capitalise(a.when)} ${subject} ${past('составил', g)} ${a.value} от уровня ${b.gen} (по опубликованным данным).`;
    },
    positiveRegions: (a) => {
      const where = a.of
        ? a.of === a.count
          ? `во всех ${a.of} ${countForm(a.of, REGIONS_PREP)} с опубликованными данными`
          : `в ${a.count} из ${a.of} ${countForm(a.of, REGIONS_GEN)} с опубликованными данными`
        : `в ${a.count} ${countForm(a.count, REGIONS_PREP)}`;
      return `${capitalise(a.when)} сальдо межрегиональной миграции было положительным ${where}: ${list(a.items.map((x) => `${region(x.code)} (${fig(x.value, x.marks, true)})`))}.`;
    },
    streak: (a) => {
      const g = genderOf(a.indicator.split('-')[0], a.indicator.split('-')[1]);
      const subject = `${capitalise(a.subject)}${a.partOfYear ? ` за ${a.partOfYear}` : ''}`;
      const state = a.mode === 'sign' ? `${past('был', g)} ${signAdj(a.sign, g)}` : F.changeVerb(a.sign, g);
      const step = { year: 'год', month: 'месяц', quarter: 'квартал' }[a.step];
      if (a.step !== 'year') return `${capitalise(periodInOfLabel(a.last))} ${a.subject} ${state} ${ordinal(a.length)} ${step} подряд, начиная с ${labelAs(a.first, 'gen')}.`;
      return `${subject} ${state} ${ordinal(a.length)} ${step} подряд, начиная с ${labelAs(a.first, 'gen')}.`;
    },
    record: (a) => {
      const g = genderOf(a.indicator.split('-')[0], a.indicator.split('-')[1]);
      const adj = a.extreme === 'high' ? 'максимальн' : 'минимальн';
      const span = a.complete ? `за ${a.count} ${countForm(a.count, YEARS)}` : `из ${a.count} ${countForm(a.count, { one: 'года', few: 'лет', many: 'лет', other: 'года' })}, за которые имеются данные,`;
      return `${capitalise(a.subject)}${a.partOfYear ? ` за ${a.partOfYear}` : ''} (${fig(a.value, a.marks, true)}) ${past('был', g)} ${adjective(adj, g)} ${span}${a.complete ? ',' : ''} начиная с ${labelAs(a.first, 'gen')}.`;
    },
    // «Число въездов иностранных граждан составило 4 480 127 (расчетно) в III квартале 2023 года и 4 001 714 во II квартале 2024 года; …»
    seriesEnds: (a) =>
      `${capitalise(a.items.map((x) => `${noun(x.indicator)} ${past('составил', genderOf(x.indicator))} ${x.from} ${a.first} и ${x.to} ${a.last}`).join('; '))}.`,
    // «… из получивших статус кандаса с начала года 53,6% прибыли из Узбекистана, 19,6% — из Китая …» (countries in the genitive after «из»).
    memberShares: (a) =>
      `${capitalise(a.when)} из ${measure(a.indicator).all} ${list(a.items.map((x, i) => (i === 0 ? `${fig(x.value, x.marks)} прибыли из ${place(x.code, 'gen')}` : `${fig(x.value, x.marks)} — из ${place(x.code, 'gen')}`)))}.`,
    sharesRest: (a) => `Остальные ${a.rest} ${measure(a.indicator).all} прибыли из других стран.`,
    roundingNote: () => 'Из-за округления сумма долей может незначительно отличаться от итога.',
    structureSum: (a) => `Опубликованные доли ${inflect(noun(a.indicator), 'gen').replace(/^числа /, '')} в сумме составляют ${a.sum}, а не весь итог; они приведены так, как опубликованы.`,
    staleNote: () => 'Это последние имеющиеся данные; за более поздние периоды данных нет.',
    notBrokenDown: (a) => `Данные о ${inflect(a.subject, 'prep')} за отчетный период в разбивке по странам отсутствуют.`,
    partitionNote: (a) => `Сумма данных о ${noun(a.indicator, undefined, 'prep')} по группам стран составляет ${a.sum} и отличается на ${a.gap} от опубликованного итога (${a.total}).`,
    flagNote: (flags) =>
      [
        flags.includes('I') ? 'Показатели с пометкой «расчетные данные» рассчитаны составителями по опубликованным темпам изменения.' : '',
        flags.includes('E') ? 'Показатели с пометкой «оценка» являются оценочными.' : '',
        flags.includes('P') ? 'Показатели с пометкой «предварительные данные» могут быть уточнены.' : '',
      ]
        .filter(Boolean)
        .join(' '),
    regionShares: (a) => {
      const g = genderOf(a.indicator);
      const items = a.items.map((x, i) => `${x.value}${x.share ? ` (${x.share})` : ''} ${i === 0 ? 'были зарегистрированы' : '—'} в ${place(x.code, 'prep')}`);
      if (!a.total) return `${capitalise(a.when)} ${noun(a.indicator)} по регионам с опубликованными данными ${past('составил', g)}: ${list(a.items.map((x) => `${x.value}${x.share ? ` (${x.share})` : ''} — в ${place(x.code, 'prep')}`))}.`;
      return `${capitalise(a.when)} ${noun(a.indicator)} ${past('составил', g)} ${a.total}; из них ${list(items)}.`;
    },
    breakdownShares: (a) => {
      const g = genderOf(a.indicator);
      const items = a.items.map((x) => `${words(x.key)} — ${x.value} ${countForm(x.value, PERSONS)}${x.share ? ` (${x.share})` : ''}`);
      if (!a.total) return `${capitalise(a.when)} среди ${measure(a.indicator).all} были ${list(items)}.`;
      return `${capitalise(a.when)} ${noun(a.indicator)} ${past('составил', g)} ${a.total}; из них ${list(items)}.`;
    },
    chartFlagNote: (flags) =>
      `Светлые столбцы с пунктирным контуром и значения, отмеченные *, — ${[flags.includes('I') ? 'расчетные данные (рассчитаны составителями по опубликованным темпам изменения)' : '', flags.includes('E') ? 'оценки' : ''].filter(Boolean).join(' или ')}.`,
    missingSection: (a) => `Данные о ${inflectAll(a.what, 'prep')} за отчетный период отсутствуют.`,
    caption: (a) => `${capitalise(a.subject)} ${byWords[a.by]}, ${a.period}`,
    alt: (a) =>
      `${{ bars: 'Горизонтальная столбчатая диаграмма', 'two-periods': 'Сгруппированная столбчатая диаграмма', balance: 'Диаграмма с расходящимися столбцами', structure: 'Диаграмма структуры в процентах', series: 'Столбчатая диаграмма по периодам', line: 'Линейный график', periods: `Сгруппированная столбчатая диаграмма ${byWords[a.by ?? 'period']}` }[a.type]}: ${a.subject}, ${a.period}. ${a.finding}`,
    words: {
      country: 'Страна', region: 'Регион', group: 'Группа', category: 'Категория', share: 'Доля', change: 'Изменение', balance: 'Сальдо',
      issued: 'Выдано', terminated: 'Прекращено', period: 'Период', arrivals: 'Прибывшие', departures: 'Выбывшие', net: 'Сальдо миграции',
      notAvailable: NOT_AVAILABLE, total: 'Всего', flow: 'Поток', shareOfGroup: 'Доля в группе', shareOfTotal: 'Доля в общем итоге',
      ageGroup: 'Возрастная группа', education: 'Образование', netInterregional: 'Сальдо межрегиональной миграции', holders: 'Число лиц',
    },
    topMembers: (a) => {
      const whole = a.whole === '_T' ? allOf(a.indicator) : complement(a.indicator, a.whole);
      const items = list(a.items.map((x) => `${place(x.code, 'acc')} (${fig(x.share ?? x.value, x.marks, true)})`));
      return a.scope === 'all'
        ? `${capitalise(a.when)} наибольшие доли ${measure(a.indicator).money && a.whole !== '_T' ? 'объема ' : ''}${whole} приходились на ${items}.`
        : `${capitalise(a.when)} среди перечисленных стран наибольшие доли ${measure(a.indicator).money && a.whole !== '_T' ? 'объема ' : ''}${whole} приходились на ${items}.`;
    },
    tableCaption: (a) => `${capitalise(a.subject)}${a.by === 'category' ? '' : ` ${byWords[a.by]}`}, ${a.unit}, ${a.period}`,
    rowLabel: (indicator, p) => (p ? capitalise(noun(indicator, p)) : `${capitalise(noun(indicator))}, всего`),
    periodRange: (from, to) => `${from} — ${to}`,
    notAvailableNote: `${NOT_AVAILABLE} данные отсутствуют.`,
    cellFlagNote: (flags) =>
      [
        flags.includes('I') ? `${CELL_MARKS.I} Рассчитано составителями по опубликованным темпам изменения.` : '',
        flags.includes('E') ? `${CELL_MARKS.E} Оценка.` : '',
        flags.includes('P') ? `${CELL_MARKS.P} Предварительные данные.` : '',
      ].filter(Boolean).join(' '),
    restNote: (a) => {
      const whole = a.whole === '_T' ? measure(a.indicator ?? '').all : complement(a.indicator ?? '', a.whole);
      const head = a.members
        ? `Данные по странам опубликованы только для ${list(a.members.map((c) => place(c, 'gen')))}; на ${a.members.length === 1 ? 'эту страну' : 'эти страны'} приходится`
        : 'На перечисленные страны приходится';
      return `${head} ${a.listed} из ${a.total} ${whole}, остальные ${a.rest} в источнике по странам не распределены.`;
    },
    structureRest: (a) =>
      a.indicator === 'kandas_by_education'
        ? `Остальные ${a.rest} кандасов трудоспособного возраста в источнике по уровню образования не распределены.`
        : a.indicator === 'kandas_by_age'
          ? `Остальные ${a.rest} кандасов в источнике по возрастным группам не распределены.`
          : `Остальные ${a.rest} показателя «${indicatorText(a.indicator)}» в источнике по категориям не распределены.`,
    shareOfGroupNote: 'Доли рассчитаны от итога группы, к которой относится страна.',
    publishedRegionsNote: 'Приведены только регионы с опубликованными данными.',
    structureGroup: (indicator) => ({ kandas_by_age: 'По возрастным группам', kandas_by_education: 'Трудоспособный возраст, по уровню образования' })[indicator] ?? capitalise(indicatorText(indicator)),
    breakdownLabel: (key) => {
      const l = BREAKDOWN_LABELS[key];
      if (!l) words(key);
      return l ?? '';
    },
    sectionTitle: (key) => SECTION_TITLES[key] ?? key,
    sectionGroupTitle: (key) => GROUP_TITLES[key] ?? key,
  };
  /** A label passed as `last` of a streak, said with «в». */
  function periodInOfLabel(l: string): string {
    const p = labels.get(l);
    return p ? periodIn(p) : l;
  }

  const LEVEL_PHRASES: Record<string, (value: string) => string> = {
    trp_holders: (v) => `${countedVerb(v, 'разрешение на временное проживание имел', 'разрешение на временное проживание имели')} ${v} ${countForm(v, FOREIGN_CITIZENS)}`,
    work_permit_holders: (v) => `${countedVerb(v, 'по разрешениям местных исполнительных органов в Казахстане работал', 'по разрешениям местных исполнительных органов в Казахстане работали')} ${v} ${countForm(v, FOREIGN_CITIZENS)}`,
    prp_issued: (v) => `выдано ${v} ${countForm(v, PERMITS)} на постоянное проживание`,
    prp_terminated: (v) => `постоянное проживание в Казахстане с выездом из страны ${countedVerb(v, 'прекратил', 'прекратили')} ${v} ${countForm(v, CITIZENS)}`,
    pr_arrivals: (v) => `${countedVerb(v, 'в Казахстан на постоянное жительство прибыл', 'в Казахстан на постоянное жительство прибыло')} ${v} ${countForm(v, PERSONS)}`,
    pr_departures: (v) => `${countedVerb(v, 'из Казахстана за рубеж выбыл', 'из Казахстана за рубеж выбыло')} ${v} ${countForm(v, PERSONS)}`,
  };

  // -- the verifier's reading ---------------------------------------------------------------------------------------
  const readNumbers = (text: string): ReadNumber[] => {
    const out: ReadNumber[] = [];
    const re = /(\d{1,3}(?:\u00a0\d{3})+|\d+)(?:,\d+)?/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const before = text[m.index - 1];
      const beforeSign = text[m.index - 2];
      const signed = (before === '+' || before === MINUS || before === '-') && (beforeSign === undefined || beforeSign === ' ' || beforeSign === '(' || beforeSign === NBSP);
      out.push({ digits: m[0], sign: signed ? (before === '+' ? 1 : -1) : 0, index: signed ? m.index - 1 : m.index, end: m.index + m[0].length });
    }
    return out;
  };
  const partOfYear = (p: Period): string | undefined => {
    if (p.kind === 'year' || p.kind === 'date' || p.end - p.start >= 11) return undefined;
    if (p.start === p.end) return F.monthName(p.start);
    return `${F.monthName(p.start)}${DASH}${F.monthName(p.end)}`;
  };
  const uniqueLongestFirst = (names: (string | undefined)[]) => [...new Set(names.filter((n): n is string => !!n))].sort((a, b) => b.length - a.length);
  const baseOf = (indicator: string) => {
    const i = reference.indicators.get(indicator);
    return i && (i.kind === 'share' || i.kind === 'change_pct' || i.kind === 'change_abs' || i.kind === 'ratio') && i.base.length === 1 ? i.base[0] : undefined;
  };
  const measureNames = (indicator: string, minus?: string): string[] => {
    if (minus) return uniqueLongestFirst([balanceComplement(indicator, minus), balanceNoun(indicator, minus)]);
    const base = baseOf(indicator);
    return uniqueLongestFirst([
      MEASURES[indicator] ? measure(indicator).all : undefined,
      ...(PARAPHRASES[indicator] ?? []),
      base && MEASURES[base] ? measure(base).all : undefined,
      ...(base ? (PARAPHRASES[base] ?? []) : []),
      reference.indicators.get(indicator)?.names.ru?.toLowerCase(),
    ]);
  };
  const allCases = Object.keys(CASE_KEY) as Case[];
  const placeNames = (code: string): string[] => {
    if (code === '_T' || code === '_Z' || !code) return [];
    const g = GROUP_NAMES[code];
    if (g) return uniqueLongestFirst([...Object.values(g), code === 'CIS' ? 'СНГ' : undefined]);
    const row = reference.countries.get(code) ?? reference.regions.get(code);
    if (!row) return [];
    return uniqueLongestFirst(allCases.map((c) => row.names[CASE_KEY[c]]));
  };
  /** A place's name in a case, or undefined where the code names no place (the verifier asks about any code). */
  const known = (code: string, c: Case) => GROUP_NAMES[code]?.[c] ?? (reference.countries.get(code) ?? reference.regions.get(code))?.names[CASE_KEY[c]];
  const seriesForms = (indicator: string, p: string) => {
    const m = MEASURES[indicator];
    if (!known(p, 'nom')) return [];
    if (!m) return [complement(indicator, p)];
    return uniqueLongestFirst(allCases.map((c) => known(p, c)).map((name) => (name ? m.of(name) : undefined)));
  };
  const periodPhrases = (p: Period) => uniqueLongestFirst([periodIn(p), periodFor(p), periodFor(p).replace(/^(за|на) /, ''), label(p), periodGen(p)]);
  // A year back, the named forms are true too; the bureau's phrase is in the year_ago list only, so the verifier takes
  // it for that relation alone.
  const baselinePhrases = (p: Period, relation: 'previous' | 'year_ago') =>
    uniqueLongestFirst([...new Set([baselineFormsOf(p, 'previous'), baselineFormsOf(p, relation)])].flatMap((f) => [f.ins, f.prep, f.for, f.for.replace(/^(за|на) /, ''), f.gen, label(p)]));

  /** Heads in the nominative and the pronouns that stand for them, with their gender. */
  const SUBJECTS: Record<string, Gender> = { число: 'n', численность: 'f', объем: 'm', сальдо: 'n', доля: 'f', он: 'm', она: 'f', оно: 'n', они: 'pl' };
  const PREPOSITIONS = new Set(['в', 'во', 'на', 'с', 'со', 'по', 'из', 'от', 'до', 'за', 'о', 'об', 'к', 'чем', 'для', 'при', 'через']);
  const subjectRe = new RegExp(`(?<![\\p{L}\\p{N}])(${Object.keys(SUBJECTS).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const agreeingRe = new RegExp(`(?<![\\p{L}\\p{N}])(${Object.keys(AGREEING).sort((a, b) => b.length - a.length).map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`, 'giu');

  const vocabulary: Vocabulary = {
    lang: 'ru',
    readNumbers,
    seriesNames: (s) => {
      const p = s.region || s.partner;
      const total = p === '_T' || p === '_Z';
      const part = s.breakdown ? s.breakdown.split(';').map((kv) => BREAKDOWN_WORDS[kv.split('=')[1] ?? '']).filter(Boolean) : [];
      if (part.length) return uniqueLongestFirst(part.slice(-1));
      if (s.minus) return uniqueLongestFirst(total ? [balanceComplement(s.indicator, s.minus)] : known(p, 'nom') ? [balanceComplement(s.indicator, s.minus, p)] : []);
      if (s.region) return MEASURES[s.indicator] ? seriesForms(s.indicator, s.region) : [];
      return total ? measureNames(s.indicator) : seriesForms(s.indicator, s.partner);
    },
    measureNames,
    placeNames,
    periodPhrases,
    baselinePhrases,
    directionWords: DIRECTION_WORDS,
    superlativeWords: SUPERLATIVES,
    grammar: (text, claims: Claim[]) => {
      void claims;
      const out: string[] = [];
      // The verb agrees with its subject: a head noun in the nominative («число», «численность», «объем», «сальдо»,
      // «доля») or a pronoun standing for one, and the first agreeing verb after it in the same clause.
      for (const sentence of text.split(/(?<=[.!?])\s+/)) {
        for (const clause of sentence.split(/[,;:]\s|\s—\s/)) {
          subjectRe.lastIndex = 0;
          for (let m = subjectRe.exec(clause); m; m = subjectRe.exec(clause)) {
            const before = clause.slice(0, m.index).trimEnd().split(/\s+/).pop()?.toLowerCase() ?? '';
            if (PREPOSITIONS.has(before)) continue;
            // «превысило число въездов»: a head right after an agreeing verb is its object.
            if (AGREEING[before] !== undefined) continue;
            agreeingRe.lastIndex = m.index + m[0].length;
            const v = agreeingRe.exec(clause);
            if (!v) continue;
            // A second subject before the verb starts its own subject–verb pair.
            subjectRe.lastIndex = m.index + m[0].length;
            const next = subjectRe.exec(clause);
            subjectRe.lastIndex = m.index + m[0].length;
            if (next && next.index < v.index) {
              const nb = clause.slice(0, next.index).trimEnd().split(/\s+/).pop()?.toLowerCase() ?? '';
              if (!PREPOSITIONS.has(nb)) continue;
            }
            const want = SUBJECTS[m[1].toLowerCase()];
            const got = AGREEING[v[1].toLowerCase()];
            if (want !== got) out.push(`“${clause.slice(m.index, v.index + v[0].length)}”: the verb “${v[1]}” is ${GENDER_WORD[got]}, its subject “${m[1]}” ${GENDER_WORD[want]}`);
          }
        }
      }
      // Period words fit their step; «раз» only with a ratio; no Latin letters in a Russian sentence.
      if (/год подряд/.test(text) && !claims.some((c) => c.what === 'streak' && c.step === 'year')) out.push('«год подряд» without a streak over years');
      const latin = /(?<![\p{L}])(?!USD\b)[A-Za-z]{2,}/u.exec(text.replace(/\b[IVX]+(?= квартал)/g, ''));
      if (latin) out.push(`“${latin[0]}”: Latin letters in a Russian sentence`);
      return out;
    },
    rowLabels: (s) => {
      const p = s.region || s.partner;
      const part = s.breakdown ? s.breakdown.split(';').map((kv) => BREAKDOWN_LABELS[kv.split('=')[1] ?? '']).filter((x): x is string => !!x) : [];
      return [
        ...part,
        ...(p === '_T' || p === '_Z' ? ['Всего', `${capitalise(noun(s.indicator))}, всего`] : [partnerLabel(p), capitalise(noun(s.indicator, p))]),
        ...(s.region ? [region(s.region)] : []),
      ];
    },
    readNumberWords: (text) => {
      const out: { n: number; index: number; end: number; ordinal: boolean }[] = [];
      const re = /(?<![\p{L}\p{N}])(\p{L}+|\d+-(?:й|го|му|м|я|ю|е))(?![\p{L}\p{N}])/gu;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const w = m[1].toLowerCase();
        const known = NUMBER_WORDS.get(w);
        if (known) out.push({ n: known.n, index: m.index, end: m.index + m[0].length, ordinal: known.ordinal });
        else if (/^\d+-/.test(w)) out.push({ n: Number(w.split('-')[0]), index: m.index, end: m.index + m[0].length, ordinal: true });
      }
      return out;
    },
  };

  return {
    lang: 'ru',
    partOfYear,
    vocabulary,
    words: RUSSIAN_WORDS,
    cell(v, style, opts = {}) {
      return tableCell(this, v, style, opts);
    },
    unitLabel: (unit: Unit) => ({ persons: 'человек', usd_million: 'млн долларов США', percent: 'в процентах', ratio: 'отношение' })[unit],
    partnerLabel,
    number(v, style, signed = false) {
      return figureText(this, v, style, signed, {
        money: `${NBSP}млн долларов США`,
        points: (_, d) => `${NBSP}${POINTS[pluralDecimal.select(Number(d.replace(/\u00a0/g, '').replace(',', '.'))) as keyof Forms]}`,
      });
    },
    digits: (v, style) => shownDigits(v, style).digits,
    rounded: roundedBy(shownDigits),
    readNumbers,
    periodIn,
    periodLabel,
    baseline,
    partner,
    region,
    list,
    flagMark,
    capitalise,
    indicatorName: (id) => reference.indicators.get(id)?.names.ru ?? '',
    t,
    keys: localeKeys(t, SECTION_TITLES, GROUP_TITLES),
  };
}
