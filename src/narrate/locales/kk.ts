// Kazakh: every Kazakh word, number format, period phrase and case form of the generated text, and the verifier's
// reading of them. Sentences are verb-final (SOV): «… 20,7%-ға азайды»; a baseline is followed by «салыстырғанда».
// Numbers and periods: kk-format.ts; case suffixes: kk-morph.ts. Rules and sources: docs/languages.md (Kazakh).
import { CELL_MARKS, NOT_AVAILABLE, figureText, localeKeys, roundedBy, shownDigitsOf, tableCell } from '../cells.ts';
import type { Reference, Unit } from '../../model.ts';
import type { Period } from '../../period.ts';
import type { Flag, Relation } from '../../compare/facts.ts';
import type { ChangeItem, Direction, Locale, MoverItem, ReadNumber, Templates } from '../locale.ts';
import type { Vocabulary } from '../../verify/vocabulary.ts';
import type { WordsOptions } from '../../verify/words.ts';
import { nameForm } from '../names.ts';
import { inflect, instrumental, lastNumeral, listKk, locativeAdjective, numberSuffix, suffixFor, classify, type KkCase } from './kk-morph.ts';
import { DASH, MINUS, UNITS, kkDigits, baselinePhrase, monthsOf, parseKkDigits, periodForm, withCase } from './kk-format.ts';

/** The forms a noun phrase takes in the sentences: nominative, the five cases, instrumental, locative adjective. */
type Form = 'nom' | KkCase | 'ins' | 'adj';
const FORMS: Form[] = ['nom', 'abl', 'dat', 'loc', 'gen', 'acc', 'ins', 'adj'];

const formCache = new Map<string, string>();
/** A noun phrase in a form (cached: names and measures are declined for every sentence and the verifier). */
export function formOfPhrase(phrase: string, form: Form): string {
  if (form === 'nom') return phrase;
  const key = `${form}|${phrase}`;
  let v = formCache.get(key);
  if (v === undefined) {
    v = form === 'ins' ? instrumental(phrase) : form === 'adj' ? locativeAdjective(phrase) : inflect(phrase, form);
    formCache.set(key, v);
  }
  return v;
}
const allForms = (phrase: string) => FORMS.map((f) => formOfPhrase(phrase, f));

// Kazakh capitals as the root locale makes them (Cyrillic has no dotted-i problem).
const capitalise = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

const SECTION_TITLES: Record<string, string> = {
  flows: 'Көші-қон ағындары: келу және кету', trp: 'Уақытша тұруға рұқсаттар', prp: 'Тұрақты тұруға рұқсаттар',
  kandas: 'Қазақстанға оралған этникалық қазақтар (қандастар)', remittances_out: 'Қазақстаннан жіберілген жеке ақша аударымдары',
  remittances_in: 'Қазақстанға жіберілген жеке ақша аударымдары', key_points: 'Негізгі қорытындылар', internal: 'Ішкі көші-қон',
  emigration: 'Тұрақты тұруға келу және кету', destinations: 'Эмигранттар қай елдерге кетті',
  work_permits: 'Шетелдік жұмыскерлердің жұмысқа рұқсаттары', ethnicity: 'Эмигранттар мен иммигранттар ұлты бойынша',
  home_regions: 'Кету және келу өңірлері', migrants_by_sex: 'Эмигранттар мен иммигранттар жынысы бойынша', urban_rural: 'Қала мен ауылдың эмигранттары мен иммигранттары',
};
const GROUP_TITLES: Record<string, string> = { remittances: 'Жеке ақша аударымдары' };

/** `_T` as a whole: "all countries". */
const ALL_COUNTRIES = 'барлық елдер';

interface Measure {
  /** The measure of all partners, a plural noun phrase ("келгендер"). */
  who: string;
  /** The measure of one partner, its name in the case the phrase governs ("ТМД елдерінен келгендер"). */
  of: (p: (form: Form) => string, citizens: (form: Form) => string) => string;
  /** Counted: the subject is "<who> саны" (the number of …), as the bureau writes («келгендер саны»). */
  counted?: boolean;
  money?: boolean;
  /** The partner as a split sentence says it, and the verb that closes that sentence. */
  place: (p: (form: Form) => string, citizens: (form: Form) => string) => string;
  verb: string;
}

const MEASURES: Record<string, Measure> = {
  border_arrivals: { who: 'келгендер', of: (p) => `${p('abl')} келгендер`, counted: true, place: (p) => p('abl'), verb: 'келді' },
  border_departures: { who: 'кеткендер', of: (p) => `${p('dat')} кеткендер`, counted: true, place: (p) => p('dat'), verb: 'кетті' },
  work_permit_holders: { who: 'жұмысқа рұқсаты бар шетелдік жұмыскерлер', of: (p) => `${p('abl')} келген жұмысқа рұқсаты бар шетелдік жұмыскерлер`, counted: true, place: (p) => p('abl'), verb: 'келді' },
  trp_holders: { who: 'уақытша тұруға рұқсаты бар шетел азаматтары', of: (_p, c) => `уақытша тұруға рұқсаты бар ${c('nom')}`, counted: true, place: (_p, c) => c('nom'), verb: 'болды' },
  prp_issued: { who: 'берілген тұрақты тұруға рұқсаттар', of: (_p, c) => `${c('dat')} берілген тұрақты тұруға рұқсаттар`, counted: true, place: (_p, c) => c('dat'), verb: 'берілді' },
  prp_terminated: { who: 'тұрақты тұруын тоқтатқандар', of: (_p, c) => `тұрақты тұруын тоқтатқан ${c('nom')}`, counted: true, place: (_p, c) => c('nom'), verb: 'болды' },
  remittances_out: { who: 'Қазақстаннан жіберілген жеке ақша аударымдары', of: (p) => `Қазақстаннан ${p('dat')} жіберілген жеке ақша аударымдары`, money: true, place: (p) => p('dat'), verb: 'жіберілді' },
  remittances_in: { who: 'Қазақстанға жіберілген жеке ақша аударымдары', of: (p) => `${p('abl')} Қазақстанға жіберілген жеке ақша аударымдары`, money: true, place: (p) => p('abl'), verb: 'жіберілді' },
  pr_arrivals: { who: 'тұрақты тұруға келгендер', of: (p) => `${p('abl')} тұрақты тұруға келгендер`, counted: true, place: (p) => p('abl'), verb: 'келді' },
  pr_departures: { who: 'шетелге тұрақты тұруға кеткендер', of: (p) => `${p('dat')} тұрақты тұруға кеткендер`, counted: true, place: (p) => p('dat'), verb: 'кетті' },
  pr_net_migration: { who: 'көші-қон сальдосы', of: (p) => `${p('ins')} көші-қон сальдосы`, place: (p) => p('ins'), verb: 'болды' },
  net_migration: { who: 'көші-қон сальдосы', of: (p) => `${p('ins')} көші-қон сальдосы`, place: (p) => p('ins'), verb: 'болды' },
  internal_migrants: { who: 'ел ішінде көшіп-қонушылар', of: (p) => `${p('abl')} көшіп-қонушылар`, counted: true, place: (p) => p('abl'), verb: 'көшті' },
  kandas_by_origin: { who: 'жыл басынан бері қандас мәртебесін алғандар', of: (p) => `${p('abl')} келген қандастар`, place: (p) => p('abl'), verb: 'келді' },
  interregional_net: { who: 'өңіраралық көші-қон сальдосы', of: (p) => `${p('gen')} өңіраралық көші-қон сальдосы`, place: (p) => p('gen'), verb: 'болды' },
};

/** Balances (plus − minus) by `plus-minus`. */
const BALANCES: Record<string, { all: string; of?: (p: string) => string }> = {
  'pr_arrivals-pr_departures': { all: 'көші-қон сальдосы' },
  'prp_issued-prp_terminated': { all: 'тұрақты тұруға рұқсаттар сальдосы', of: (p) => `${p} бойынша тұрақты тұруға рұқсаттар сальдосы` },
  'interregional_arrivals-interregional_departures': { all: 'өңіраралық көші-қон сальдосы' },
};

/** A total stated as a sentence says it, where "<noun> саны N адамды құрады" reads badly. */
const LEVEL_PHRASES: Record<string, (v: string) => string> = {
  border_arrivals: (v) => `Қазақстан шекарасында шетел азаматтарының ${v} келуі тіркелді`,
  border_departures: (v) => `Қазақстан шекарасында шетел азаматтарының ${v} кетуі тіркелді`,
  trp_holders: (v) => `${v} шетел азаматының уақытша тұруға рұқсаты болды`,
  work_permit_holders: (v) => `жергілікті атқарушы органдардың рұқсатымен Қазақстанда ${v} шетел азаматы жұмыс істеді`,
  prp_issued: (v) => `${v} тұрақты тұруға рұқсат берілді`,
  prp_terminated: (v) => `${v} адам тұрақты тұруын тоқтатып елден кетті`,
  pr_arrivals: (v) => `Қазақстанға тұрақты тұруға ${v} адам келді`,
  pr_departures: (v) => `шетелге тұрақты тұруға ${v} адам кетті`,
};

/** Other ways the sentences name a measure (the words check finds a figure's series by these). */
const PARAPHRASES: Record<string, string[]> = {
  border_arrivals: ['шетел азаматтарының', 'келуі'],
  border_departures: ['кетуі'],
  prp_issued: ['тұрақты тұруға рұқсат берілді', 'берілді'],
  prp_terminated: ['адам тұрақты тұруын тоқтатып елден кетті', 'тұрақты тұруын тоқтатып елден кетті', 'тоқтатылды'],
  trp_holders: ['шетел азаматының уақытша тұруға рұқсаты болды'],
  work_permit_holders: ['жергілікті атқарушы органдардың рұқсатымен Қазақстанда', 'шетел азаматы жұмыс істеді'],
  pr_arrivals: ['Қазақстанға тұрақты тұруға', 'адам келді', 'келгендер', 'келгендердің'],
  pr_departures: ['шетелге тұрақты тұруға', 'адам кетті', 'кеткендер', 'кеткендердің'],
  kandas_granted: ['жыл басынан бері қандас мәртебесін алған этникалық қазақтардың саны'],
  kandas_total: ['Қазақстанға 1991 жылдан бері оралған этникалық қазақтардың жалпы саны'],
  kandas_by_age: ['қандастардың'],
  kandas_by_education: ['еңбекке қабілетті жастағы қандастардың'],
  kandas_by_origin: ['жыл басынан бері қандас мәртебесін алғандардың'],
  internal_migrants: ['ел ішінде көшіп-қонушылар'],
  interregional_net: ['өңіраралық көші-қон сальдосы'],
};

/** Indicators named without a measure phrase (a section with no data). */
const INDICATOR_PHRASES: Record<string, string> = {
  kandas_granted: 'жыл басынан бері қандас мәртебесін алғандар',
  kandas_total: '1991 жылдан бері оралған этникалық қазақтар',
  kandas_by_age: 'қандастардың жас құрылымы',
  kandas_by_education: 'еңбекке қабілетті жастағы қандастардың білім құрылымы',
  internal_migrants_ratio: 'ел ішінде көшіп-қонушылар санының бір жыл бұрынғыға қатынасы',
};

/** Breakdown values as a sentence counts them (after a number Kazakh nouns stay singular: «16 000 этникалық орыс»). */
const BREAKDOWN_WORDS: Record<string, string> = {
  working: 'еңбекке қабілетті жаста',
  under_working: 'еңбекке қабілетті жастан кіші',
  over_working: 'еңбекке қабілетті жастан үлкен',
  higher: 'жоғары білімді',
  specialised_secondary: 'арнаулы орта білімді',
  general_secondary: 'жалпы орта білімді',
  kazakh: 'этникалық қазақ', russian: 'этникалық орыс', german: 'этникалық неміс', ukrainian: 'этникалық украин',
  female: 'әйел', male: 'ер адам', urban: 'қала тұрғыны', rural: 'ауыл тұрғыны',
};
const BREAKDOWN_LABELS: Record<string, string> = {
  working: 'Еңбекке қабілетті жаста',
  under_working: 'Еңбекке қабілетті жастан кіші',
  over_working: 'Еңбекке қабілетті жастан үлкен',
  higher: 'Жоғары',
  specialised_secondary: 'Арнаулы орта',
  general_secondary: 'Жалпы орта',
  kazakh: 'Қазақтар', russian: 'Орыстар', german: 'Немістер', ukrainian: 'Украиндар',
  female: 'Әйелдер', male: 'Ерлер', urban: 'Қала тұрғындары', rural: 'Ауыл тұрғындары',
};

/** The mark words after a figure: E estimate, I derived by the compilers, P provisional. */
const MARKS: Record<Flag, string> = { E: 'бағалау', I: 'есептік', P: 'алдын ала' };

const UP = 'артты';
const DOWN = 'азайды';
const UNCHANGED = 'өзгерген жоқ';

/** Every inflected form of a direction word the sentences write, with its sign. */
const DIRECTION_WORDS: Record<string, Direction> = {
  артты: 1, өсті: 1, көбейді: 1, ұлғайды: 1, артқан: 1, өскен: 1, артып: 1, артық: 1, оң: 1, асып: 1,
  азайды: -1, кеміді: -1, қысқарды: -1, төмендеді: -1, азайған: -1, кеміген: -1, азайып: -1, кем: -1, теріс: -1,
  'өзгерген жоқ': 0, 'өзгермеген': 0, өзгеріссіз: 0, нөлге: 0, нөлдік: 0,
};
const SUPERLATIVES: Record<string, 'most' | 'largest' | 'highest' | 'lowest'> = {
  'ең көп азайды': 'most', 'ең көп артты': 'most', 'ең көп': 'largest', 'ең жоғары': 'highest', 'ең төмен': 'lowest',
};
const ORDINALS = ['нөлінші', 'бірінші', 'екінші', 'үшінші', 'төртінші', 'бесінші', 'алтыншы', 'жетінші', 'сегізінші', 'тоғызыншы', 'оныншы', 'он бірінші', 'он екінші'];
const CARDINALS: Record<string, number> = { екі: 2, үш: 3, төрт: 4 };

/** An ordinal: a word up to twelve, else digits with -шы/-ші by the last numeral said («13-ші», «20-шы»). */
export function ordinalKk(n: number): string {
  if (n < ORDINALS.length) return ORDINALS[n];
  const word = lastNumeral(String(n));
  return `${n}-${classify(word).harmony === 'back' ? 'шы' : 'ші'}`;
}

const signWord = (d: Direction) => (d > 0 ? 'оң' : d < 0 ? 'теріс' : 'нөлге тең');
const verb = (d: Direction) => (d > 0 ? UP : DOWN);
const participle = (d: Direction) => (d > 0 ? 'артқан' : 'азайған');

const shownDigits = shownDigitsOf(kkDigits, parseKkDigits);

/** Kazakh words of the words check (conjunctions, qualifiers, marks, baselines after the period, units …). */
export const KAZAKH_WORDS: WordsOptions = {
  conjunctions: [' және ', ', ал ', ' ал '],
  qualifiers: ['тізімдегі елдер арасында', 'деректері бар', 'деректері жарияланған', 'тізімдегі өңірлер арасында', 'тізімдегі'],
  marks: MARKS,
  baselineIntros: [],
  sinceIntros: [],
  baselineOutros: ['салыстырғанда'],
  sinceOutros: ['бері', 'бергі'],
  directionAfter: true,
  neutral: ['есе артты', 'есе артқан', 'есе көп', 'еселігіне дейін азайды', 'дәл шықпауы', 'жоғары білімді'],
  multiples: { 'есе артты': 1, 'есе артқан': 1, 'есе көп': 1, 'еселігіне дейін азайды': -1 },
  units: {
    percent: ['%'],
    percent0: ['%'],
    // Whole words (the words check's rule), so every case form the sentences write.
    points: ['пайыздық тармақ', 'пайыздық тармаққа', 'пайыздық тармақтан', 'пайыздық тармақтың', 'пайыздық тармақта', 'пайыздық тармақпен', 'пайыздық тармақты'],
    money: ['млн АҚШ доллары', 'млн АҚШ долларын', 'млн АҚШ долларына', 'млн АҚШ долларынан', 'млн АҚШ долларының', 'млн АҚШ долларында', 'млн АҚШ долларымен', 'млн АҚШ долларындағы'],
    ratio: ['есе'],
  },
};

export function createKazakh(reference: Reference): Locale {
  // ---- names ----------------------------------------------------------------------------------------------
  const nominative = new Map<string, string>();
  /** A partner's (country, group) Kazakh name; `_T` "барлық елдер"; a missing name is a located error. */
  const nameOf = (code: string): string => {
    let n = nominative.get(code);
    if (n === undefined) {
      if (code === '_T') n = ALL_COUNTRIES;
      else {
        const c = reference.countries.get(code);
        const r = c ? undefined : reference.regions.get(code);
        if (!c && !r) throw new Error(`kk: no country or region ${code} in the reference`);
        n = nameForm((c ?? r)!, 'kk', 'kk', 'Kazakh name');
      }
      nominative.set(code, n);
    }
    return n;
  };
  /** A partner's name in a form; the hand-filled ablative and dative of countries.csv win where present. */
  const P = (code: string, form: Form = 'nom'): string => {
    const c = reference.countries.get(code);
    if (form === 'abl' && c?.names.kk_abl) return c.names.kk_abl;
    if (form === 'dat' && c?.names.kk_dat) return c.names.kk_dat;
    return formOfPhrase(nameOf(code), form);
  };
  const isGroup = (code: string) => code === '_T' || reference.countries.get(code)?.isGroup === true;
  /** Citizens of a partner: «Өзбекстан азаматтары», of a group «ТМД елдерінің азаматтары». */
  const citizens = (code: string, form: Form = 'nom'): string =>
    formOfPhrase(`${isGroup(code) ? P(code, 'gen') : nameOf(code)} азаматтары`, form);
  /** One citizen, after a number: «12 410 ТМД елдерінің азаматы». */
  const citizen = (code: string) => `${isGroup(code) ? P(code, 'gen') : nameOf(code)} азаматы`;
  const region = (code: string) => nameOf(code);
  const partnerLabel = (code: string) => capitalise(nameOf(code));
  const list = (items: string[]) => listKk(items);

  // ---- periods --------------------------------------------------------------------------------------------
  // The sentence templates get phrases (when, baseline, labels) made by this locale; the periods behind them are
  // kept so a template can say them in the form its sentence needs.
  const byPhrase = new Map<string, Period>();
  const keep = (p: Period, s: string) => (byPhrase.set(s, p), s);
  const label = (p: Period) => keep(p, periodForm(p, 'label'));
  const periodIn = (p: Period) => keep(p, periodForm(p, 'loc'));
  const baseline = (p: Period, relation: Relation) => keep(p, baselinePhrase(p, relation));
  const periodOf = (phrase: string): Period => {
    const p = byPhrase.get(phrase);
    if (!p) throw new Error(`kk: a period phrase this locale did not write: ${phrase}`);
    return p;
  };
  /** The baseline's own period as "of then" («2022 жылғы қаңтар–қыркүйектегі»). */
  const then = (baselineText: string) => periodForm(periodOf(baselineText), 'adj');
  const compared = (baselineText: string) => `${baselineText} салыстырғанда`;

  // ---- measures -------------------------------------------------------------------------------------------
  const measureOf = (indicator: string): Measure =>
    MEASURES[indicator] ?? {
      who: INDICATOR_PHRASES[indicator] ?? (reference.indicators.get(indicator)?.names.kk || indicator).toLowerCase(),
      of: (p: (f: Form) => string) => `${p('gen')} ${(INDICATOR_PHRASES[indicator] ?? reference.indicators.get(indicator)?.names.kk ?? indicator).toLowerCase()}`,
      place: (p: (f: Form) => string) => p('abl'),
      verb: 'болды',
    };
  /** The plural noun of a measure, of all partners or of one («келгендер», «ТМД елдерінен келгендер»). */
  const plain = (indicator: string, p?: string) => {
    const m = measureOf(indicator);
    return p && p !== '_T' ? m.of((f) => P(p, f), (f) => citizens(p, f)) : m.who;
  };
  /** The subject of a sentence: «келгендер саны» for counted measures. */
  const noun = (indicator: string, p?: string) => `${plain(indicator, p)}${measureOf(indicator).counted ? ' саны' : ''}`;
  const balanceNoun = (plus: string, minus: string, p?: string): string => {
    const b = BALANCES[`${plus}-${minus}`];
    if (!b) return `${noun(plus, p)} мен ${noun(minus, p)} айырмасы`;
    return p && p !== '_T' && b.of ? b.of(P(p)) : b.all;
  };
  const flagMark = (flags: Flag[], inBrackets = false) => {
    const words = (['E', 'I', 'P'] as const).filter((f) => flags.includes(f)).map((f) => MARKS[f]);
    if (!words.length) return '';
    return inBrackets ? `, ${words.join(', ')}` : ` (${words.join(', ')})`;
  };
  const fig = (value: string, marks: Flag[] | undefined, inBrackets = false) => value + flagMark(marks ?? [], inBrackets);
  /** A figure with its case suffix; a mark in brackets after it stays after the suffixed figure («74,9%-ға (алдын ала)»). */
  const cased = (figure: string, kase: KkCase | 'ins'): string => {
    const m = /^(.*?)( \([^()]*\))$/u.exec(figure);
    return m ? withCase(m[1], kase) + m[2] : withCase(figure, kase);
  };

  /** A change item up to its verb: «келгендер саны 24,0%-ға (есептік)»; `own` adds the verb. */
  const changeBody = (c: ChangeItem): string => `${c.subject} ${cased(c.magnitude, 'dat')}${flagMark(c.flags ?? [])}`;
  const changeText = (c: ChangeItem): string => {
    const mark = flagMark(c.flags ?? []);
    switch (c.measure) {
      case 'unchanged':
        return `${c.subject} ${UNCHANGED}`;
      case 'virtually_unchanged':
        return `${c.subject} іс жүзінде ${UNCHANGED}`;
      case 'times':
        return `${c.subject} ${c.magnitude} есе артты${mark}`;
      case 'from_zero':
        return `${c.subject} нөлден ${cased(c.magnitude, 'dat')}${mark} дейін ${verb(c.direction)}`;
      default:
        return `${changeBody(c)} ${verb(c.direction)}`;
    }
  };
  /** Items in order, a run of plain changes in one direction sharing its verb («A 5%-ға, B 3%-ға азайды»); runs joined with «, ал». */
  const changeList = (items: ChangeItem[]): string => {
    const runs: string[][] = [];
    let open: { d: Direction; parts: string[] } | undefined;
    for (const c of items) {
      if (c.measure === 'pct' || c.measure === 'abs') {
        if (open && open.d === c.direction) open.parts.push(changeBody(c));
        else {
          open = { d: c.direction, parts: [changeBody(c)] };
          runs.push(open.parts);
          (open.parts as string[] & { d?: Direction }).d = c.direction;
        }
      } else {
        open = undefined;
        runs.push([changeText(c)]);
      }
    }
    return runs
      .map((parts) => {
        const d = (parts as string[] & { d?: Direction }).d;
        return d === undefined ? parts[0] : `${parts.join(', ')} ${verb(d)}`;
      })
      .join(', ал ');
  };
  const priorText = (p: ChangeItem): string => {
    const mark = flagMark(p.flags ?? []);
    switch (p.measure) {
      case 'unchanged':
        return 'өзгермеген';
      case 'virtually_unchanged':
        return 'іс жүзінде өзгермеген';
      case 'times':
        return `${p.magnitude} есе артқан${mark}`;
      case 'from_zero':
        return `нөлден ${cased(p.magnitude, 'dat')}${mark} дейін ${participle(p.direction)}`;
      default:
        return `${cased(p.magnitude, 'dat')}${mark} ${participle(p.direction)}`;
    }
  };
  const byWords: Record<string, string> = { country: 'елдер бойынша', period: 'кезеңдер бойынша', quarter: 'тоқсандар бойынша', month: 'айлар бойынша', year: 'жылдар бойынша', group: 'ел топтары бойынша', category: 'санаттар бойынша', region: 'өңірлер бойынша' };
  // The whole of a share list: a group's measure, or all of it («келгендер», money «… аударымдарының жалпы көлемі»).
  const whole = (indicator: string, w: string) =>
    w !== '_T' ? plain(indicator, w) : measureOf(indicator).money ? `${formOfPhrase(plain(indicator), 'gen')} жалпы көлемі` : plain(indicator);

  const t: Templates = {
    noun,
    flowTotals: (a) => `${capitalise(a.when)} Қазақстан шекарасында шетел азаматтарының ${a.arrivals} келуі және ${a.departures} кетуі тіркелді.`,
    changes: (a) => {
      const head = a.when ? `${capitalise(a.when)} ${compared(a.baseline)}` : capitalise(compared(a.baseline));
      return `${head} ${changeList(a.items)}.`;
    },
    changeAfter: (a) => {
      const i = a.item;
      const head =
        i.measure === 'pct' || i.measure === 'abs'
          ? `${i.subject} ${compared(a.baseline)} ${cased(i.magnitude, 'dat')}${flagMark(i.flags ?? [])} ${verb(i.direction)}`
          : `${i.subject} ${compared(a.baseline)} ${changeText({ ...i, subject: '' }).trim()}`;
      if (!a.prior || !a.priorBaseline) return `${capitalise(head)}.`;
      // The baseline's own change, with both its periods named («…; 2024 жылы 2023 жылмен салыстырғанда 20,9%-ға азайған болатын»).
      const when = periodForm(periodOf(a.baseline), 'loc');
      return `${capitalise(head)}; ${when} ${compared(a.priorBaseline)} ${priorText(a.prior)} болатын.`;
    },
    level: (a) => {
      const phrase = a.partner ? undefined : LEVEL_PHRASES[a.indicator];
      if (phrase) return `${capitalise(a.when)} ${phrase(a.value)}.`;
      const m = measureOf(a.indicator);
      const mark = /^(.*?)((?: \([^()]*\))?)$/u.exec(a.value)!;
      return `${capitalise(a.when)} ${noun(a.indicator, a.partner)} ${m.money ? cased(a.value, 'acc') : `${mark[1]} адамды${mark[2]}`} құрады.`;
    },
    split: (a) => {
      const m = measureOf(a.indicator);
      const parts = a.parts.map((x) => `${x.value} (${fig(x.share ?? '', x.marks, true)}) ${m.place((f) => P(x.code, f), (f) => citizens(x.code, f))}`);
      return `${a.when ? `${capitalise(a.when)} б` : 'Б'}арлық ${plain(a.indicator)} ішінде ${list(parts)} ${m.verb}.`;
    },
    members: (a) => {
      // The sentence opens with its period where it opens its section («2022 жылғы қаңтар–маусымда …»).
      const opens = (rest: string) => (a.when ? `${capitalise(a.when)} ${rest}` : capitalise(rest));
      if (a.items.every((x) => x.share === undefined))
        return opens(`${a.whole === '_T' ? noun(a.indicator) : noun(a.indicator, a.whole)} бойынша деректер тек елдер бөлінісінде берілді: ${list(a.items.map((x) => `${P(x.code)} (${fig(x.value, x.marks, true)})`))}.`);
      const items = a.items.map((x, i) =>
        i === 0
          ? `${P(x.code, 'gen')} үлесі ${fig(x.share ?? '', x.shareMarks)} (${fig(x.value, x.marks, true)})`
          : `${P(x.code, 'gen')} үлесі ${x.share} (${fig(x.value, [...new Set([...(x.marks ?? []), ...(x.shareMarks ?? [])])].sort() as Flag[], true)})`,
      );
      const w = whole(a.indicator, a.whole);
      return opens(`${w.endsWith('көлемі') ? formOfPhrase(w, 'loc') : `${w} арасында`} ${list(items)} болды.`);
    },
    largest: (a) => `${capitalise(noun(a.indicator, a.whole))} ең көп болған елдер: ${list(a.items.map((x) => `${P(x.code)} (${x.value})`))}.`,
    crossover: (a) => {
      const m = measureOf(a.indicator);
      return `${capitalise(noun(a.indicator, a.overtaker))} (${a.now[0]}) ${formOfPhrase(noun(a.indicator, a.overtaken), 'abl')} (${a.now[1]}) асып түсті, ал ${then(a.baseline)} деректерде керісінше ${m.money ? 'болған' : 'болған'}.`;
    },
    movers: (a) => {
      const m = measureOf(a.indicator);
      const place = (code: string) => m.place((f) => P(code, f), (f) => citizens(code, f));
      if (a.partial) {
        // Only the members with baseline figures: each change stated, no "most" («… Ресей Федерациясынан 40,4%-ға, Өзбекстаннан 23,9%-ға азайды»).
        const parts = [a.down, a.up].filter((x) => x.length).map((items) => changeList(items.map(({ item }) => item)));
        if (a.unchanged?.length) parts.push(list(a.unchanged.map((x) => changeText(x.item))));
        return `${capitalise(compared(a.baseline))} ${a.whole === '_T' ? 'елдер' : P(a.whole)} ішінде деректері бар елдер бойынша ${parts.join(', ал ')}.`;
      }
      const moverText = (x: MoverItem) =>
        x.item.measure === 'from_zero' ? `нөлден ${cased(x.change, 'dat')} дейін` : x.item.measure === 'times' ? `${x.change} есе артты` : x.change;
      const side = (items: MoverItem[]) => list(items.map((x) => `${place(x.code)} (${moverText(x)}${flagMark(x.item.flags ?? [], true)})`));
      const parts: string[] = [];
      if (a.down.length) parts.push(`${side(a.down)} ең көп ${DOWN}`);
      if (a.up.length) parts.push(`${side(a.up)} ең көп ${UP}`);
      const group = a.whole === '_T' ? 'елдер' : P(a.whole);
      const among = a.scope === 'listed' ? (a.whole === '_T' ? 'Тізімдегі елдер арасында ' : `Тізімдегі ${group} арасында `) : a.whole === '_T' ? '' : `${capitalise(group)} арасында `;
      return `${among}${among ? compared(a.baseline) : capitalise(compared(a.baseline))} ${m.who} ${parts.join(', ал ')}.`;
    },
    shareChange: (a) => {
      const subject = `${formOfPhrase(noun(a.indicator, a.whole === '_T' ? undefined : a.whole), 'adj')} ${P(a.partner, 'gen')} үлесі`;
      if (a.direction === 0) return `${capitalise(subject)} ${compared(a.baseline)} ${UNCHANGED} (${a.to}).`;
      return `${capitalise(subject)} ${then(a.baseline)} ${cased(a.from, 'abl')} ${cased(a.to, 'dat')} дейін, яғни ${cased(a.points, 'dat')} ${verb(a.direction)}.`;
    },
    unavailable: (a) =>
      `${capitalise(periodForm(periodOf(a.missing), 'loc'))} ${a.subject} туралы ${a.total ? 'жалпы деректер' : 'деректер'} болмады, сондықтан бұл көрсеткіш сол кезеңмен салыстырылмайды.`,
    trpTotal: (a) => `${capitalise(a.when)} ${a.value} шетел азаматының уақытша тұруға рұқсаты болды.`,
    prpIssued: (a) =>
      `${capitalise(a.when)} ${a.total} тұрақты тұруға рұқсат берілді, оның ішінде ${list(a.parts.map((x) => `${x.value} (${fig(x.share ?? '', x.marks, true)}) ${citizens(x.code, 'dat')}`))}.`,
    prpTerminated: (a) => `${capitalise(a.when)} ${list(a.parts.map((x) => `${x.value} ${citizen(x.code)}`))} тұрақты тұруын тоқтатып елден кетті.`,
    balances: (a) =>
      `${capitalise(a.when)} ${BALANCES['prp_issued-prp_terminated'].all} ${list(
        a.items.map((x) => {
          const parts = `${x.plus} берілді, ${x.minus} тоқтатылды${flagMark(x.marks ?? [], true).replace(/^,/, ';')}`;
          return x.direction === 0 ? `${P(x.code)} бойынша нөлге тең (${parts})` : `${P(x.code)} бойынша ${signWord(x.direction)} (${x.value}; ${parts})`;
        }),
      )} болды.`,
    signChange: (a) =>
      `${capitalise(a.subject)} ${then(a.baseline)} ${a.from === 0 ? 'нөлдік' : signWord(a.from)} мәннен ${signWord(a.direction)} мәнге ауысты (${fig(a.value, a.marks, true)}).`,
    balanceNoun,
    stock: (a) =>
      a.indicator === 'kandas_total'
        ? `${capitalise(a.when)} Қазақстанға 1991 жылдан бері оралған этникалық қазақтардың жалпы саны ${a.value} адамды құрады.`
        : `${capitalise(a.when)} жыл басынан бері қандас мәртебесін алған этникалық қазақтардың саны ${a.value} адамды құрады.`,
    structure: (a) => {
      const words = (k: string) => BREAKDOWN_WORDS[k] ?? k.replace(/_/g, ' ');
      const items = list(a.items.map((x) => `${possessive(x.value)} ${words(x.key)}`));
      if (a.indicator === 'kandas_by_education') return `${capitalise(a.when)} еңбекке қабілетті жастағы қандастардың ${items} болды.`;
      return `${capitalise(a.when)} қандастардың ${items} болды.`;
    },
    moneyTotal: (a) => {
      const head = `${capitalise(a.when)} ${noun(a.indicator)} ${cased(a.value, 'acc')}${flagMark(a.marks ?? [])} құрады`;
      const c = a.item;
      const before = `${then(a.baseline)} ${cased(a.before, 'abl')}`;
      switch (c.measure) {
        case 'unchanged':
          return `${head} және ${compared(a.baseline)} ${UNCHANGED}.`;
        case 'virtually_unchanged':
          return `${head}, бұл ${before} іс жүзінде ${UNCHANGED}.`;
        case 'times':
          return `${head}, бұл ${before} ${c.magnitude} есе көп${flagMark(c.flags ?? [])}.`;
        case 'from_zero':
          return `${head} және ${compared(a.baseline)} нөлден ${UP}.`;
        default:
          return `${head}, бұл ${before} ${a.absolute ? `${cased(a.absolute, 'dat')} (${fig(c.magnitude, c.flags, true)})` : `${cased(c.magnitude, 'dat')}${flagMark(c.flags ?? [])}`} ${c.direction > 0 ? 'артық' : 'кем'}.`;
      }
    },
    bnsTotals: (a) =>
      `${capitalise(a.when)} Қазақстанға тұрақты тұруға ${a.arrivals} адам келді, шетелге тұрақты тұруға ${a.departures} адам кетті; көші-қон сальдосы ${
        a.netDirection === 0 ? 'нөлге тең' : `${signWord(a.netDirection)} (${a.net})`
      } болды.`,
    groupShares: (a) => {
      const parts = [a.arrivals ? `келгендер арасында ${cased(a.arrivals, 'acc')}` : '', a.departures ? `кеткендер арасында ${cased(a.departures, 'acc')}` : ''].filter(Boolean);
      return `${capitalise(a.when)} ${P(a.partner, 'gen')} үлесі ${list(parts)} құрады (жарияланған деректер бойынша).`;
    },
    ratio: (a) => {
      const who = noun(a.indicator);
      if (a.direction === 0) return `${capitalise(a.when)} ${who} ${compared(a.baseline)} ${UNCHANGED}: арақатынас ${a.value} (жарияланған деректер бойынша).`;
      if (a.direction > 0) return `${capitalise(a.when)} ${who} ${compared(a.baseline)} ${a.value} есе көп болды (жарияланған деректер бойынша).`;
      return `${capitalise(a.when)} ${who} ${compared(a.baseline)} ${a.value} еселігіне дейін азайды (жарияланған деректер бойынша).`;
    },
    positiveRegions: (a) => {
      const where = a.of
        ? a.of === a.count
          ? `деректері жарияланған ${a.of} өңірдің әрқайсысында`
          : `деректері жарияланған ${a.of} өңірдің ${a.count} өңірінде`
        : `${a.count} өңірде`;
      return `${capitalise(a.when)} өңіраралық көші-қон сальдосы ${where} оң болды: ${list(a.items.map((x) => `${region(x.code)} (${fig(x.value, x.marks, true)})`))}.`;
    },
    streak: (a) => {
      const subject = `${a.partOfYear ? `${capitalise(a.partOfYear)} айларындағы ${a.subject}` : capitalise(a.subject)}`;
      const state = a.mode === 'sign' ? `${signWord(a.sign)} болды` : verb(a.sign);
      const first = periodForm(periodOf(a.first), 'abl');
      if (a.step !== 'year') {
        const unit = a.step === 'month' ? 'ай' : 'тоқсан';
        return `${subject} ${first} бері ${periodForm(periodOf(a.last), 'loc')} ${ordinalKk(a.length)} ${unit} қатарынан ${state}.`;
      }
      return `${subject} ${first} бері ${ordinalKk(a.length)} жыл қатарынан ${state}.`;
    },
    record: (a) => {
      const subject = `${a.partOfYear ? `${capitalise(a.partOfYear)} айларындағы ${a.subject}` : capitalise(a.subject)}`;
      return `${subject} (${fig(a.value, a.marks, true)}) ${periodForm(periodOf(a.first), 'abl')} бергі ${a.complete ? '' : 'деректері бар '}${a.count} жылдағы ең ${a.extreme === 'high' ? 'жоғары' : 'төмен'} көрсеткіш болды.`;
    },
    // «Келгендер саны 2023 жылғы III тоқсанда 4 480 127 (есептік), 2024 жылғы II тоқсанда 4 001 714 болды; …»
    seriesEnds: (a) => `${capitalise(a.items.map((x) => `${noun(x.indicator)} ${a.first} ${x.from}, ${a.last} ${x.to} болды`).join('; '))}.`,
    // «… алғандардың 53,6%-ы Өзбекстаннан, 19,6%-ы Қытайдан … келді» (countries in the ablative, kk_abl of countries.csv).
    memberShares: (a) =>
      `${capitalise(a.when)} ${formOfPhrase(plain(a.indicator), 'gen')} ${list(a.items.map((x) => `${possessive(fig(x.value, x.marks))} ${P(x.code, 'abl')}`))} ${measureOf(a.indicator).verb}.`,
    sharesRest: (a) => `${capitalise(formOfPhrase(plain(a.indicator), 'gen'))} қалған ${possessive(a.rest)} басқа елдерден ${measureOf(a.indicator).verb}.`,
    roundingNote: () => 'Дөңгелектеу салдарынан үлестердің қосындысы дәл шықпауы мүмкін.',
    structureSum: (a) => `${capitalise(formOfPhrase(plain(a.indicator), 'gen'))} жарияланған үлестерінің қосындысы ${a.sum} болды, тұтас көрсеткішке тең емес; олар жарияланғандай берілді.`,
    staleNote: () => 'Бұл қолжетімді соңғы деректер; кейінгі кезеңдер бойынша деректер жоқ.',
    notBrokenDown: (a) => `Есепті кезеңде ${a.subject} елдер бойынша бөлінбеген.`,
    partitionNote: (a) =>
      `${capitalise(formOfPhrase(noun(a.indicator), 'gen'))} топтар бойынша қосындысы ${a.sum} болды, бұл жарияланған жалпы саннан (${a.total}) ${cased(a.gap, 'dat')} өзгеше.`,
    flagNote: (flags) =>
      [
        flags.includes('I') ? '«Есептік» деп белгіленген сандарды құрастырушылар жарияланған өзгеріс қарқындарынан есептеді.' : '',
        flags.includes('E') ? '«Бағалау» деп белгіленген сандар бағалау болып табылады.' : '',
        flags.includes('P') ? '«Алдын ала» деп белгіленген сандар қайта қаралуы мүмкін.' : '',
      ]
        .filter(Boolean)
        .join(' '),
    regionShares: (a) => {
      const items = a.items.map((x) => `${P(x.code, 'loc')} ${x.value}${x.share ? ` (${x.share})` : ''}`);
      if (!a.total) return `${capitalise(a.when)} деректері жарияланған өңірлер бойынша ${plain(a.indicator)} саны: ${list(items)}.`;
      return `${capitalise(a.when)} ${noun(a.indicator)} ${a.total} адамды құрады, оның ішінде ${list(items)} тіркелді.`;
    },
    breakdownShares: (a) => {
      const words = (k: string) => BREAKDOWN_WORDS[k] ?? k.replace(/_/g, ' ');
      if (!a.total) return `${capitalise(a.when)} ${plain(a.indicator)} арасында ${list(a.items.map((x) => `${x.value} ${words(x.key)}`))} болды.`;
      return `${capitalise(a.when)} ${noun(a.indicator)} ${a.total} адамды құрады, оның ішінде ${list(a.items.map((x) => `${x.value}${x.share ? ` (${x.share})` : ''} ${words(x.key)}`))}.`;
    },
    chartFlagNote: (flags) =>
      `Ашық түсті, үзік жиекті бағандар мен * белгісі бар мәндер — ${[flags.includes('I') ? 'құрастырушылар жарияланған өзгеріс қарқындарынан есептеген мәндер' : '', flags.includes('E') ? 'бағалаулар' : ''].filter(Boolean).join(' немесе ')}.`,
    missingSection: (a) => `Есепті кезеңде ${a.what} туралы деректер болмады.`,
    caption: (a) => `${capitalise(a.subject)}, ${byWords[a.by]}, ${a.period}`,
    alt: (a) =>
      `${{ bars: 'Көлденең бағаналы диаграмма', 'two-periods': 'Топтастырылған бағаналы диаграмма', balance: 'Қос бағытты бағаналы диаграмма', structure: 'Пайыздық жинақталған бағаналы диаграмма', series: 'Кезеңдер бойынша топтастырылған бағаналы диаграмма', line: 'Сызықтық диаграмма', periods: `${capitalise(byWords[a.by ?? 'period'])} топтастырылған бағаналы диаграмма` }[a.type]}: ${a.subject}, ${a.period}. ${a.finding}`,
    words: {
      country: 'Ел', region: 'Өңір', group: 'Топ', category: 'Санат', share: 'Үлесі', change: 'Өзгеріс', balance: 'Сальдо',
      issued: 'Берілді', terminated: 'Тоқтатылды', period: 'Кезең', arrivals: 'Келгендер', departures: 'Кеткендер', net: 'Көші-қон сальдосы',
      notAvailable: NOT_AVAILABLE, total: 'Барлығы', flow: 'Ағын', shareOfGroup: 'Топтағы үлесі', shareOfTotal: 'Жалпы санындағы үлесі',
      ageGroup: 'Жас тобы', education: 'Білімі', netInterregional: 'Өңіраралық көші-қон сальдосы', holders: 'Рұқсат иелері',
    },
    topMembers: (a) => {
      const items = list(a.items.map((x) => `${P(x.code, 'dat')} (${fig(x.share ?? x.value, x.marks, true)})`));
      return `${capitalise(a.when)} ${whole(a.indicator, a.whole).replace(/көлемі$/, 'көлемінің')} ішінде${a.scope === 'all' ? '' : ' тізімдегі елдер арасында'} ең көп үлес ${items} тиесілі болды.`;
    },
    tableCaption: (a) => `${capitalise(a.subject)}${a.by === 'category' ? '' : `, ${byWords[a.by]}`}, ${a.unit}, ${a.period}`,
    rowLabel: (indicator, p) => (p ? capitalise(noun(indicator, p)) : `${capitalise(noun(indicator))}, барлығы`),
    periodRange: (from, to) => `${from} ${DASH} ${to}`,
    notAvailableNote: `${NOT_AVAILABLE} деректер жоқ.`,
    cellFlagNote: (flags) =>
      [
        flags.includes('I') ? `${CELL_MARKS.I} Құрастырушылар жарияланған өзгеріс қарқындарынан есептеген.` : '',
        flags.includes('E') ? `${CELL_MARKS.E} Бағалау.` : '',
        flags.includes('P') ? `${CELL_MARKS.P} Алдын ала деректер.` : '',
      ].filter(Boolean).join(' '),
    restNote: (a) => {
      const w = a.whole === '_T' ? noun(a.indicator ?? '') : noun(a.indicator ?? '', a.whole);
      const head = a.members ? `Елдер бойынша деректер тек ${list(a.members.map((c) => P(c)))} бойынша жарияланды; олардың` : 'Тізімдегі елдердің';
      return `${head} жиыны ${formOfPhrase(w, 'gen')} ${a.total} жалпы көлемінің ${a.listed} бөлігін құрайды; қалған ${a.rest} дереккөзде елдер бойынша бөлінбеген.`;
    },
    structureRest: (a) =>
      `${a.indicator === 'kandas_by_education' ? 'Еңбекке қабілетті жастағы қандастардың' : capitalise(formOfPhrase(plain(a.indicator), 'gen'))} қалған ${possessive(a.rest)} дереккөзде ${a.indicator === 'kandas_by_education' ? 'білім деңгейі' : 'санаттар'} бойынша бөлінбеген.`,
    shareOfGroupNote: 'Үлестер ел кіретін топтың жалпы санынан есептелген.',
    publishedRegionsNote: 'Тек деректері жарияланған өңірлер көрсетілген.',
    structureGroup: (indicator) => ({ kandas_by_age: 'Жас топтары бойынша', kandas_by_education: 'Еңбекке қабілетті жастағылар, білімі бойынша' })[indicator] ?? capitalise(indicator.replace(/_/g, ' ')),
    breakdownLabel: (key) => BREAKDOWN_LABELS[key] ?? capitalise(key.replace(/_/g, ' ')),
    sectionTitle: (key) => SECTION_TITLES[key] ?? key,
    sectionGroupTitle: (key) => GROUP_TITLES[key] ?? key,
  };

  // ---- the verifier's reading -----------------------------------------------------------------------------
  const readNumbers = (text: string): ReadNumber[] => {
    const out: ReadNumber[] = [];
    const re = /(\d{1,3}(?:[\u00a0\u202f]\d{3})+|\d+)(?:,\d+)?/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const before = text[m.index - 1];
      const beforeSign = text[m.index - 2];
      const signed = (before === '+' || before === MINUS || before === '-') && (beforeSign === undefined || beforeSign === ' ' || beforeSign === '(' || beforeSign === '\u00a0');
      out.push({ digits: m[0], sign: signed ? (before === '+' ? 1 : -1) : 0, index: signed ? m.index - 1 : m.index, end: m.index + m[0].length });
    }
    return out;
  };
  const uniqueLongestFirst = (names: (string | undefined)[]) => [...new Set(names.filter((n): n is string => !!n))].sort((a, b) => b.length - a.length);
  const baseOf = (indicator: string) => {
    const i = reference.indicators.get(indicator);
    return i && (i.kind === 'share' || i.kind === 'change_pct' || i.kind === 'change_abs' || i.kind === 'ratio') && i.base.length === 1 ? i.base[0] : undefined;
  };
  /** A measure's noun phrases in every form the sentences write: with and without «саны». */
  const nounForms = (indicator: string, p?: string) => {
    const forms = allForms(plain(indicator, p));
    if (measureOf(indicator).counted) forms.push(...allForms(noun(indicator, p)));
    return forms;
  };
  const measureNames = (indicator: string, minus?: string): string[] => {
    if (minus) return uniqueLongestFirst(allForms(balanceNoun(indicator, minus)));
    const base = baseOf(indicator);
    const kk = reference.indicators.get(indicator)?.names.kk;
    return uniqueLongestFirst([
      ...nounForms(indicator),
      ...(PARAPHRASES[indicator] ?? []),
      ...(base ? [...nounForms(base), ...(PARAPHRASES[base] ?? [])] : []),
      INDICATOR_PHRASES[indicator],
      kk ? kk.toLowerCase() : undefined,
    ]);
  };
  const placeNames = (code: string): string[] => {
    if (code === '_T' || code === '_Z' || !code) return [];
    const c = reference.countries.get(code);
    const r = reference.regions.get(code);
    if (!c && !r) return [code];
    return uniqueLongestFirst([...FORMS.map((f) => P(code, f)), ...(c ? [...FORMS.map((f) => citizens(code, f)), citizen(code), `${P(code)} бойынша`] : [])]);
  };
  const periodPhrases = (p: Period) => uniqueLongestFirst([periodForm(p, 'loc'), periodForm(p, 'label'), periodForm(p, 'abl'), `${periodForm(p, 'label')} үшін`]);
  const baselinePhrases = (p: Period, relation: 'previous' | 'year_ago') =>
    uniqueLongestFirst([baselinePhrase(p, relation), periodForm(p, 'ins'), periodForm(p, 'adj')]);

  /** The suffixes a number or a percentage may take: its five cases and instrumental, and (after %) the possessive. */
  const suffixesOf = (figure: string): Set<string> => {
    const set = new Set<string>();
    for (const k of ['abl', 'dat', 'loc', 'gen', 'acc'] as KkCase[]) set.add(numberSuffix(figure, k).split('-').pop()!);
    set.add(instrumental(figure).split('-').pop()!);
    const loc = numberSuffix(figure, 'loc').split('-').pop()!;
    set.add(loc + (loc.endsWith('е') ? 'гі' : 'ғы'));
    if (figure.endsWith('%')) for (const s of ['ы', 'ын', 'ына', 'ында', 'ынан']) set.add(s);
    else {
      const c = classify(lastNumeral(figure.replace(/\D/g, '').slice(-3) || '0'));
      set.add(c.final === 'vowel' ? (c.harmony === 'back' ? 'сы' : 'сі') : c.harmony === 'back' ? 'ы' : 'і');
    }
    return set;
  };
  void suffixFor;

  const vocabulary: Vocabulary = {
    lang: 'kk',
    readNumbers,
    seriesNames: (s) => {
      const p = s.region || s.partner;
      const total = p === '_T' || p === '_Z';
      const part = s.breakdown ? s.breakdown.split(';').map((kv) => BREAKDOWN_WORDS[kv.split('=')[1] ?? '']).filter(Boolean) : [];
      if (part.length) return uniqueLongestFirst(part.slice(-1));
      if (s.minus) return uniqueLongestFirst(allForms(total ? balanceNoun(s.indicator, s.minus) : balanceNoun(s.indicator, s.minus, p)));
      if (s.region) return [];
      if (!total && !reference.countries.has(s.partner)) return [];
      return total ? measureNames(s.indicator) : uniqueLongestFirst(nounForms(s.indicator, s.partner));
    },
    measureNames,
    placeNames,
    periodPhrases,
    baselinePhrases,
    directionWords: DIRECTION_WORDS,
    superlativeWords: SUPERLATIVES,
    grammar: (text, claims) => {
      const out: string[] = [];
      void claims;
      // A case suffix after a number follows how the number is said (20,7%-ға: пайыз; 1 234-ке: төрт).
      const re = /(\d{1,3}(?:[\u00a0\u202f]\d{3})+|\d+)(?:,\d+)?(%?)-(\p{L}+)/gu;
      for (const m of text.matchAll(re)) {
        const figure = m[0].slice(0, m[0].lastIndexOf('-'));
        if (!suffixesOf(figure).has(m[3])) out.push(`“${m[0]}”: the suffix -${m[3]} does not fit ${figure} as it is said`);
      }
      // A suffix glued to a bracket of marks («74,9% (алдын ала)ға») belongs on the figure.
      for (const m of text.matchAll(/\)(\p{L}+)/gu)) out.push(`“${m[0]}”: a suffix after a bracket, not after its figure`);
      // Latin letters do not belong in a Kazakh sentence (Roman numerals of quarters excepted).
      const latin = text.replace(/(?<![\p{L}])[IVX]+(?![\p{L}])/gu, '').match(/[A-Za-z]+/g);
      if (latin) out.push(`Latin letters in a Kazakh sentence: ${latin.join(', ')}`);
      if (/жыл қатарынан/.test(text) && !claims.some((c) => c.what === 'streak' && c.step === 'year')) out.push('“жыл қатарынан” without a streak over years');
      return out;
    },
    rowLabels: (s) => {
      const place = s.region || s.partner;
      const part = s.breakdown ? s.breakdown.split(';').map((kv) => BREAKDOWN_LABELS[kv.split('=')[1] ?? '']).filter((x): x is string => !!x) : [];
      return [
        ...part,
        ...(place === '_T' || place === '_Z' ? ['Барлығы', `${capitalise(noun(s.indicator))}, барлығы`] : [partnerLabel(place), capitalise(noun(s.indicator, place))]),
        ...(s.region ? [region(s.region)] : []),
      ];
    },
    readNumberWords: (text) => {
      const out: { n: number; index: number; end: number; ordinal: boolean }[] = [];
      const words = new Map<string, { n: number; ordinal: boolean }>();
      ORDINALS.forEach((w, n) => words.set(w, { n, ordinal: true }));
      for (const [w, n] of Object.entries(CARDINALS)) words.set(w, { n, ordinal: false });
      const alt = [...words.keys()].sort((a, b) => b.length - a.length).join('|');
      const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:(${alt})|(\\d+)-(?:шы|ші))(?![\\p{L}\\p{N}])`, 'giu');
      for (const m of text.matchAll(re)) {
        const w = m[1] ? words.get(m[1].toLowerCase())! : { n: Number(m[2]), ordinal: true };
        out.push({ n: w.n, index: m.index!, end: m.index! + m[0].length, ordinal: w.ordinal });
      }
      return out;
    },
  };

  /** «61,4%-ы»: a share of a whole is its possessive («қандастардың 61,4%-ы»). */
  function possessive(figure: string): string {
    const m = /^(.*?)((?: \([^()]*\))?)$/u.exec(figure)!;
    return m[1].endsWith('%') ? `${m[1]}-ы${m[2]}` : figure;
  }

  return {
    lang: 'kk',
    partOfYear: (p) => monthsOf(p),
    vocabulary,
    words: KAZAKH_WORDS,
    cell(v, style, opts = {}) {
      return tableCell(this, v, style, opts);
    },
    unitLabel: (unit: Unit) => ({ persons: 'адам', usd_million: 'млн АҚШ доллары', percent: 'пайыз', ratio: 'арақатынас' })[unit],
    partnerLabel,
    number(v, style, signed = false) {
      return figureText(this, v, style, signed, { money: UNITS.money, points: () => UNITS.points });
    },
    digits: (v, style) => shownDigits(v, style).digits,
    rounded: roundedBy(shownDigits),
    readNumbers,
    periodIn,
    periodLabel: label,
    baseline,
    partner: (code, start = false) => (start ? capitalise(P(code)) : P(code)),
    region,
    list,
    flagMark,
    capitalise,
    indicatorName: (id) => reference.indicators.get(id)?.names.kk ?? '',
    t,
    keys: localeKeys(t, SECTION_TITLES, GROUP_TITLES),
  };
}
