// English: every English word, number format, date format, list rule and plural rule of the generated text.
// Per-function imports: the package index loads every function and locale (~150 ms at start-up).
import { format as formatDate } from 'date-fns/format';
import { enGB } from 'date-fns/locale/en-GB';
import type { Reference, Unit } from '../../model.ts';
import type { Period } from '../../period.ts';
import { fixedDigits } from '../digits.ts';
import type { Flag, Relation } from '../../compare/facts.ts';
import type { ChangeItem, Direction, Locale, MoverItem, ReadNumber, Templates } from '../locale.ts';
import type { Vocabulary } from '../../verify/vocabulary.ts';
import { ENGLISH_WORDS } from '../../verify/words.ts';
import { CELL_MARKS, NOT_AVAILABLE, figureText, localeKeys, roundedBy, shownDigitsOf, tableCell } from '../cells.ts';

const TAG = 'en-GB'; // British conventions: "1 September 2023", lists without a serial comma.
// Intl.NumberFormat's digits without its start-up (digits.ts); Intl itself only for what digits.ts leaves.
let intl: { counts: Intl.NumberFormat; oneDecimal: Intl.NumberFormat } | undefined;
const viaIntl = () =>
  (intl ??= {
    counts: new Intl.NumberFormat(TAG, { maximumFractionDigits: 0 }),
    oneDecimal: new Intl.NumberFormat(TAG, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  });
const counts = { format: (v: number) => fixedDigits(v, 0, ',', '.', (a) => viaIntl().counts.format(a)) };
const oneDecimal = { format: (v: number) => fixedDigits(v, 1, ',', '.', (a) => viaIntl().oneDecimal.format(a)) };
const cardinal = new Intl.PluralRules(TAG);
const cardinalOneDecimal = new Intl.PluralRules(TAG, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const MINUS = '\u2212';
const shownDigits = shownDigitsOf((a, decimals) => (decimals ? oneDecimal : counts).format(a), (d) => Number(d.replaceAll(',', '')));

const ORDINAL_QUARTER = ['first', 'second', 'third', 'fourth'];
const COUNT_WORDS = ['zero', 'one', 'two', 'three', 'four'];
const ORDINALS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];

function ordinal(n: number): string {
  if (n < ORDINALS.length) return ORDINALS[n];
  const rule = new Intl.PluralRules(TAG, { type: 'ordinal' }).select(n);
  return `${counts.format(n)}${{ one: 'st', two: 'nd', few: 'rd', other: 'th' }[rule as 'one' | 'two' | 'few' | 'other'] ?? 'th'}`;
}

function monthName(index: number): string {
  return formatDate(new Date(Math.floor(index / 12), index % 12, 1), 'MMMM', { locale: enGB });
}

function monthYear(index: number): string {
  return `${monthName(index)} ${Math.floor(index / 12)}`;
}

/** Period phrases are asked for often (sentences, the verifier's vocabulary): cache them by period code. */
function cached(fn: (p: Period) => string): (p: Period) => string {
  const memo = new Map<string, string>();
  return (p) => {
    let v = memo.get(p.code);
    if (v === undefined) memo.set(p.code, (v = fn(p)));
    return v;
  };
}

const label = cached(labelOf);
const periodIn = cached(periodInOf);

function labelOf(p: Period): string {
  if (p.kind === 'date' && p.date) {
    const [y, m, d] = p.date.split('-').map(Number);
    return formatDate(new Date(y, m - 1, d), 'd MMMM yyyy', { locale: enGB });
  }
  const y0 = Math.floor(p.start / 12);
  const y1 = Math.floor(p.end / 12);
  if (p.kind === 'year') return String(y0);
  if (p.kind === 'month') return monthYear(p.start);
  // Whole years written as a year range (1991/2023) read as years.
  if (p.start % 12 === 0 && p.end % 12 === 11 && /^\d{4}\/\d{4}$/.test(p.code)) return `${y0}–${y1}`;
  if (y0 === y1) return `${monthName(p.start)}–${monthYear(p.end)}`;
  return `${monthYear(p.start)}–${monthYear(p.end)}`;
}

function periodInOf(p: Period): string {
  const y = Math.floor(p.start / 12);
  switch (p.kind) {
    case 'date':
      return `as of ${label(p)}`;
    case 'year':
      return `in ${y}`;
    case 'quarter':
      return `in the ${ORDINAL_QUARTER[(p.start % 12) / 3]} quarter of ${y}`;
    case 'month':
      return `in ${label(p)}`;
    case 'range': {
      const quarters = (p.end - p.start + 1) / 3;
      // A cumulative range written in quarters from the start of a year: "for the first three quarters of 2023".
      if (p.code.includes('Q') && p.start % 12 === 0 && Number.isInteger(quarters) && quarters > 1 && quarters < 4 && Math.floor(p.end / 12) === y)
        return `for the first ${COUNT_WORDS[quarters]} quarters of ${y}`;
      return `in ${label(p)}`;
    }
  }
}

function baseline(p: Period, relation: Relation): string {
  if (relation === 'named') return label(p);
  if (relation === 'previous') {
    if (p.kind === 'quarter') return `the previous quarter (${label(p)})`;
    if (p.kind === 'year') return `the previous year (${label(p)})`;
    if (p.kind === 'month') return `the previous month (${label(p)})`;
    if (p.kind === 'date') return label(p);
    return `the previous period (${label(p)})`;
  }
  if (p.kind === 'quarter') return `the same quarter of ${Math.floor(p.start / 12)} (${label(p)})`;
  return label(p);
}

// English upper-cases as the root locale does (no Turkish dotted i), so the plain, much faster toUpperCase serves.
const capitalise = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** Partner groups as a sentence names them; membership itself stays in countries.csv. */
/** Section titles by the key a kind's report.yaml names (the section id by default). */
const SECTION_TITLES: Record<string, string> = {
  flows: 'Migration inflow and outflow', trp: 'Temporary residence permits', prp: 'Permanent residence permits',
  kandas: 'Ethnic Kazakhs returning to Kazakhstan (kandas)', remittances_out: 'Personal remittances sent from Kazakhstan',
  remittances_in: 'Personal remittances sent to Kazakhstan', key_points: 'Key points', internal: 'Internal migration',
  emigration: 'Arrivals and departures for permanent residence', destinations: 'Where emigrants went',
  work_permits: 'Work permits of foreign workers', ethnicity: 'Emigrants and immigrants by ethnic group',
  home_regions: 'Regions of departure and arrival', migrants_by_sex: 'Emigrants and immigrants by sex', urban_rural: 'Emigrants and immigrants from towns and villages',
};
/** Titles of numbered sections whose parts are sections (6.1, 6.2). */
const GROUP_TITLES: Record<string, string> = { remittances: 'Personal remittances' };

const GROUP_NAMES: Record<string, string> = { CIS: 'CIS countries', NONCIS: 'non-CIS countries', _T: 'all countries' };

/** What a measure of a partner is called, and the preposition that joins a partner to it. */
const MEASURES: Record<string, { all: string; of: (p: string) => string; prep: string; verb: string; money?: boolean; singular?: boolean }> = {
  border_arrivals: { all: 'arrivals', of: (p) => `arrivals from ${p}`, prep: 'from', verb: 'came from' },
  border_departures: { all: 'departures', of: (p) => `departures to ${p}`, prep: 'to', verb: 'went to' },
  work_permit_holders: { all: 'foreign workers with work permits', of: (p) => `foreign workers from ${p} with work permits`, prep: 'from', verb: 'came from' },
  trp_holders: { all: 'temporary residence permit holders', of: (p) => `temporary residence permit holders from ${p}`, prep: 'from', verb: 'came from' },
  prp_issued: { all: 'permanent residence permits issued', of: (p) => `permanent residence permits issued to citizens of ${p}`, prep: 'to citizens of', verb: 'went to citizens of' },
  prp_terminated: { all: 'terminations of permanent residence', of: (p) => `terminations of permanent residence by citizens of ${p}`, prep: 'by citizens of', verb: 'were by citizens of' },
  remittances_out: { all: 'remittances sent from Kazakhstan', of: (p) => `remittances sent to ${p}`, prep: 'to', verb: 'went to', money: true },
  remittances_in: { all: 'remittances received in Kazakhstan', of: (p) => `remittances received from ${p}`, prep: 'from', verb: 'came from', money: true },
  pr_arrivals: { all: 'arrivals for permanent residence', of: (p) => `arrivals for permanent residence from ${p}`, prep: 'from', verb: 'came from' },
  pr_departures: { all: 'departures for permanent residence abroad', of: (p) => `departures for permanent residence to ${p}`, prep: 'to', verb: 'went to' },
  pr_net_migration: { all: 'net migration', of: (p) => `net migration with ${p}`, prep: 'with', verb: 'was with', singular: true },
  net_migration: { all: 'net migration', of: (p) => `net migration with ${p}`, prep: 'with', verb: 'was with', singular: true },
  internal_migrants: { all: 'the number of people moving within the country', of: (p) => `the number of people moving within the country from ${p}`, prep: 'from', verb: 'came from', singular: true },
  interregional_net: { all: 'interregional net migration', of: (p) => `interregional net migration of ${p}`, prep: 'of', verb: 'was of', singular: true },
  kandas_by_origin: { all: 'kandas granted status since the start of the year', of: (p) => `kandas from ${p}`, prep: 'from', verb: 'came from' },
};

/** Balances by their two indicators: what the text calls plus − minus. */
/** Balances (plus − minus) by `plus-minus`: what they are called; a balance is one quantity ("net migration was"). */
const BALANCES: Record<string, { all: string; of?: (p: string) => string; singular?: boolean }> = {
  'pr_arrivals-pr_departures': { all: 'net migration', singular: true },
  'prp_issued-prp_terminated': { all: 'the balance of permanent residence permits issued and terminated', of: (p) => `the balance of permanent residence permits for ${p}` },
  'interregional_arrivals-interregional_departures': { all: 'interregional net migration', singular: true },
};

/** A total as a sentence states it ("25,399 permanent residence permits were issued"), where "numbered" reads badly. */
const LEVEL_PHRASES: Record<string, (value: string) => string> = {
  border_arrivals: (v) => `${v} arrivals of foreign citizens were recorded at the borders of Kazakhstan`,
  border_departures: (v) => `${v} departures of foreign citizens were recorded at the borders of Kazakhstan`,
  trp_holders: (v) => `${v} foreign citizens held temporary residence permits`,
  work_permit_holders: (v) => `${v} foreign citizens worked in Kazakhstan with permits from local executive bodies`,
  prp_issued: (v) => `${v} permanent residence permits were issued`,
  prp_terminated: (v) => `${v} people gave up permanent residence and left Kazakhstan`,
  pr_arrivals: (v) => `${v} people arrived in Kazakhstan for permanent residence`,
  pr_departures: (v) => `${v} people left Kazakhstan for permanent residence abroad`,
};

/** Other ways the sentences name a measure (the words check finds a figure's series by these). */
const PARAPHRASES: Record<string, string[]> = {
  prp_issued: ['permanent residence permits were issued', 'issued'],
  prp_terminated: ['gave up permanent residence and left Kazakhstan', 'terminated'],
  trp_holders: ['foreign citizens held temporary residence permits'],
  work_permit_holders: ['foreign citizens worked in Kazakhstan with permits from local executive bodies'],
  pr_arrivals: ['people arrived in Kazakhstan for permanent residence', 'arrivals'],
  pr_departures: ['left it for permanent residence abroad', 'left Kazakhstan for permanent residence abroad', 'departures'],
  kandas_granted: ['ethnic Kazakhs had returned to Kazakhstan and received kandas status'],
  kandas_total: ['ethnic Kazakhs had returned to Kazakhstan since 1991'],
  kandas_by_age: ['of kandas'],
  kandas_by_education: ['kandas of working age'],
  interregional_net: ['interregional net migration'],
};

/** Indicators named without a measure phrase (e.g. a section with no data), as they stand mid-sentence. */
const INDICATOR_PHRASES: Record<string, string> = {
  kandas_granted: 'people granted kandas status this year',
  kandas_total: 'ethnic Kazakhs returned since 1991',
  kandas_by_age: 'kandas by age group',
  kandas_by_education: 'working-age kandas by education',
  internal_migrants_ratio: 'the number of people moving within the country compared with a year earlier',
};

const BREAKDOWN_WORDS: Record<string, string> = {
  working: 'of working age',
  under_working: 'below working age',
  over_working: 'above working age',
  higher: 'higher education',
  specialised_secondary: 'specialised secondary education',
  general_secondary: 'general secondary education',
  kazakh: 'ethnic Kazakhs', russian: 'ethnic Russians', german: 'ethnic Germans', ukrainian: 'ethnic Ukrainians',
  female: 'women', male: 'men', urban: 'urban residents', rural: 'rural residents',
};

/** Breakdown values as labels (table rows, chart legends). */
const BREAKDOWN_LABELS: Record<string, string> = {
  working: 'Working age',
  under_working: 'Below working age',
  over_working: 'Above working age',
  higher: 'Higher',
  specialised_secondary: 'Specialised secondary',
  general_secondary: 'General secondary',
};


const DIRECTION_WORDS: Record<string, Direction> = {
  rose: 1, risen: 1, increased: 1, up: 1, more: 1, higher: 1, positive: 1, exceed: 1, outnumber: 1,
  fell: -1, fallen: -1, decreased: -1, down: -1, fewer: -1, less: -1, lower: -1, negative: -1,
  unchanged: 0, zero: 0,
};
const SUPERLATIVES: Record<string, 'most' | 'largest' | 'highest' | 'lowest'> = { most: 'most', largest: 'largest', highest: 'highest', lowest: 'lowest' };

function signWord(d: Direction): string {
  return d > 0 ? 'positive' : d < 0 ? 'negative' : 'zero';
}

export function createEnglish(reference: Reference): Locale {
  const partner = (code: string, start = false): string => {
    const c = reference.countries.get(code);
    let name: string;
    if (GROUP_NAMES[code]) name = GROUP_NAMES[code];
    else if (!c) name = code;
    else name = c.names.en_article ? `${c.names.en_article} ${c.names.en}` : c.names.en;
    return start ? capitalise(name) : name;
  };
  const region = (code: string) => reference.regions.get(code)?.names.en ?? code;
  const partnerLabel = (code: string): string => {
    const c = reference.countries.get(code);
    if (GROUP_NAMES[code]) return capitalise(GROUP_NAMES[code]);
    return capitalise(c?.names.en || code);
  };
  // Intl.ListFormat's en-GB conjunction ("a, b and c": no serial comma), joined directly: ICU formatting is slow
  // and lists are formed for every sentence and caption (test/narrate/en.test.ts compares the two).
  const list = (items: string[]) => (items.length < 3 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
  // An indicator the locale has no phrase for is named as indicators.csv writes it: its case is never changed
  // (a name may start with a proper noun).
  const measure = (indicator: string) =>
    MEASURES[indicator] ?? { all: INDICATOR_PHRASES[indicator] ?? reference.indicators.get(indicator)?.names.en ?? indicator, of: (p: string) => `${indicator} of ${p}`, prep: 'from', verb: 'came from' };
  const noun = (indicator: string, p?: string) => (p ? measure(indicator).of(partner(p)) : measure(indicator).all);
  const flagMark = (flags: Flag[], inBrackets = false) => {
    const words = [flags.includes('E') ? 'estimate' : '', flags.includes('I') ? 'derived' : '', flags.includes('P') ? 'provisional' : ''].filter(Boolean);
    if (!words.length) return '';
    return inBrackets ? `, ${words.join(', ')}` : ` (${words.join(', ')})`;
  };
  const changeVerb = (d: Direction) => (d > 0 ? 'rose' : 'fell');
  const singular = (indicator: string) => MEASURES[indicator]?.singular === true || BALANCES[indicator]?.singular === true;
  const was = (indicator: string) => (singular(indicator) ? 'was' : 'were');
  const balanceNoun = (plus: string, minus: string, p?: string): string => {
    const b = BALANCES[`${plus}-${minus}`];
    if (!b) return `${noun(plus, p)} less ${noun(minus, p)}`;
    return p && b.of ? b.of(partner(p)) : b.all;
  };
  /** A figure and its marks: "1,334,101 (estimate)"; inside brackets "1,334,101, estimate". */
  const fig = (value: string, marks: Flag[] | undefined, inBrackets = false) => value + flagMark(marks ?? [], inBrackets);
  /** One change item; `baseline` is given for "n times as many as in …". */
  const changeText = (c: ChangeItem, baselineText?: string) => {
    const mark = flagMark(c.flags ?? []);
    const be = c.series.minus ? 'was' : was(c.series.indicator);
    switch (c.measure) {
      // No figure, no mark: a mark follows the figure it qualifies.
      case 'unchanged':
        return `${c.subject} ${be} unchanged`;
      case 'virtually_unchanged':
        return `${c.subject} ${be} virtually unchanged`;
      case 'times':
        return `${c.subject} ${be} ${c.magnitude} times as ${MEASURES[c.series.indicator]?.money ? 'much' : singular(c.series.indicator) ? 'large' : 'many'}${mark}${baselineText ? ` as in ${baselineText}` : ''}`;
      case 'from_zero':
        return `${c.subject} ${changeVerb(c.direction)} from zero to ${c.magnitude}${mark}`;
      default:
        return `${c.subject} ${changeVerb(c.direction)} by ${c.magnitude}${mark}`;
    }
  };

  const t: Templates = {
    noun,
    flowTotals: (a) => `${capitalise(a.when)}, ${a.arrivals} arrivals and ${a.departures} departures of foreign citizens were recorded at the borders of Kazakhstan.`,
    changes: (a) => {
      // "n times as many" takes its baseline with "as in"; every other item shares "compared with".
      const plain = a.items.filter((c) => c.measure !== 'times').map((c) => changeText(c));
      const times = a.items.filter((c) => c.measure === 'times').map((c) => changeText(c, a.baseline));
      const parts: string[] = [];
      if (plain.length) parts.push(a.when ? `${capitalise(a.when)}, ${list(plain)} compared with ${a.baseline}` : `Compared with ${a.baseline}, ${list(plain)}`);
      if (times.length) parts.push(parts.length ? list(times) : a.when ? `${capitalise(a.when)}, ${list(times)}` : capitalise(list(times)));
      return `${parts.join('; ')}.`;
    },
    changeAfter: (a) => {
      const head = a.item.measure === 'times' ? changeText(a.item, a.baseline) : `${changeText(a.item)} compared with ${a.baseline}`;
      if (!a.prior || !a.priorBaseline) return `${capitalise(head)}.`;
      // The baseline's own change, with both its periods named ("…, when they had fallen by 20.9% compared with 2023").
      const p = a.prior;
      const mark = flagMark(p.flags ?? []);
      const they = p.series.minus || singular(p.series.indicator) ? 'it' : 'they';
      const vs = `compared with ${a.priorBaseline}`;
      const then =
        p.measure === 'unchanged' || p.measure === 'virtually_unchanged'
          ? `${they} had been ${p.measure === 'unchanged' ? 'unchanged' : 'virtually unchanged'} ${vs}`
          : p.measure === 'times'
            ? `${they} had been ${p.magnitude} times as ${MEASURES[p.series.indicator]?.money ? 'much' : 'many'}${mark} as in ${a.priorBaseline}`
            : p.measure === 'from_zero'
              ? `${they} had risen from zero to ${p.magnitude}${mark} ${vs}`
              : `${they} had ${p.direction > 0 ? 'risen' : 'fallen'} by ${p.magnitude}${mark} ${vs}`;
      return `${capitalise(head)}, when ${then}.`;
    },
    level: (a) => {
      const phrase = a.partner ? undefined : LEVEL_PHRASES[a.indicator];
      if (phrase) return `${capitalise(a.when)}, ${phrase(a.value)}.`;
      return `${capitalise(a.when)}, ${noun(a.indicator, a.partner)} ${measure(a.indicator).money ? 'amounted to' : 'numbered'} ${a.value}.`;
    },
    split: (a) => {
      const m = measure(a.indicator);
      const parts = a.parts.map((x, i) => `${x.value} (${fig(x.share ?? '', x.marks, true)}) ${i === 0 ? m.verb : m.prep} ${partner(x.code)}`);
      return `Of all ${m.all}${a.when ? ` ${a.when}` : ''}, ${list(parts)}.`;
    },
    members: (a) => {
      // Members of a whole with no total: their figures only, no shares.
      // The sentence opens with its period where it opens its section ("In January–June 2022, the Russian Federation …").
      const opens = (rest: string) => (a.when ? `${capitalise(a.when)}, ${rest}` : capitalise(rest));
      if (a.items.every((x) => x.share === undefined))
        return opens(`figures for ${a.whole === '_T' ? noun(a.indicator) : noun(a.indicator, a.whole)} were available by country only: ${list(a.items.map((x) => `${partner(x.code)} (${fig(x.value, x.marks, true)})`))}.`);
      const items = a.items.map((x, i) =>
        i === 0
          ? `${partner(x.code)} accounted for ${fig(x.share ?? '', x.shareMarks)} of ${a.whole === '_T' ? `all ${noun(a.indicator)}` : noun(a.indicator, a.whole)} (${fig(x.value, x.marks, true)})`
          : // One bracket after the share holds the value and the marks of both ("for 28.6% (1,154,478, derived)").
            `${partner(x.code)} for ${x.share} (${fig(x.value, [...new Set([...(x.marks ?? []), ...(x.shareMarks ?? [])])].sort() as Flag[], true)})`,
      );
      return opens(`${list(items)}.`);
    },
    largest: (a) => `The largest numbers of ${noun(a.indicator, a.whole)} were ${list(a.items.map((x) => `${partner(x.code)} (${x.value})`))}.`,
    crossover: (a) => {
      const money = measure(a.indicator).money;
      return `${capitalise(noun(a.indicator, a.overtaker))} (${a.now[0]}) now ${money ? 'exceed' : 'outnumber'} ${noun(a.indicator, a.overtaken)} (${a.now[1]}), which were ${money ? 'larger' : 'more numerous'} in ${a.baseline}.`;
    },
    movers: (a) => {
      const m = measure(a.indicator);
      const moverText = (x: MoverItem) => (x.item.measure === 'from_zero' ? `from zero to ${x.change}` : x.item.measure === 'times' ? `${x.change} times as ${m.money ? 'much' : 'many'}` : x.change);
      if (a.partial) {
        // Only the members with baseline figures: each change stated, no "most". A run of plain percentages in one
        // direction shares its verb ("… from A fell by 40.4% and from B by 23.9%"); other forms stand alone.
        const side = (items: MoverItem[]) => {
          let verbStated = false;
          return list(
            items.map(({ code, item }) => {
              const mark = flagMark(item.flags ?? []);
              if (item.measure !== 'pct' && item.measure !== 'abs') return changeText(item);
              const said = verbStated;
              verbStated = true;
              return said ? `${m.prep} ${partner(code)} by ${item.magnitude}${mark}` : `${item.subject} ${changeVerb(item.direction)} by ${item.magnitude}${mark}`;
            }),
          );
        };
        const parts = [a.down, a.up].filter((x) => x.length).map(side);
        if (a.unchanged?.length) parts.push(list(a.unchanged.map((x) => changeText(x.item))));
        return `Of the ${a.whole === '_T' ? 'countries' : partner(a.whole)} with figures for ${a.baseline}, ${parts.join(', while ')}.`;
      }
      const side = (items: MoverItem[]) => list(items.map((x) => `${partner(x.code)} (${moverText(x)}${flagMark(x.item.flags ?? [], true)})`));
      const parts: string[] = [];
      if (a.down.length) parts.push(`fell most ${m.prep} ${side(a.down)}`);
      if (a.up.length) parts.push(`rose most ${m.prep} ${side(a.up)}`);
      // Of all members, or (when part of the whole is not broken down by country) among those listed only.
      const group = a.whole === '_T' ? 'countries' : partner(a.whole);
      const among = a.scope === 'listed' ? `Among the ${group} listed, ` : a.whole === '_T' ? '' : `Among ${group}, `;
      return `${among}${among ? 'compared' : 'Compared'} with ${a.baseline}, ${m.all} ${parts.join(', while they ')}.`;
    },
    shareChange: (a) => {
      const subject = `the share of ${partner(a.partner)} in ${noun(a.indicator, a.whole === '_T' ? undefined : a.whole)}`;
      if (a.direction === 0) return `${capitalise(subject)} was unchanged at ${a.to} compared with ${a.baseline}.`;
      return `${capitalise(subject)} ${changeVerb(a.direction)} by ${a.points}, from ${a.from} in ${a.baseline} to ${a.to}.`;
    },
    unavailable: (a) =>
      a.total
        ? `For ${a.missing}, no total of ${a.subject} was available, so this total is not compared with that period.`
        : `For ${a.missing}, no data on ${a.subject} were available, so this total is not compared with that period.`,
    trpTotal: (a) => `${capitalise(a.when)}, ${a.value} foreign citizens held temporary residence permits.`,
    prpIssued: (a) =>
      `${capitalise(a.when)}, ${a.total} permanent residence permits were issued, ${list(a.parts.map((x) => `${x.value} (${fig(x.share ?? '', x.marks, true)}) to citizens of ${partner(x.code)}`))}.`,
    prpTerminated: (a) =>
      `${capitalise(a.when)}, ${list(a.parts.map((x) => `${x.value} citizens of ${partner(x.code)}`))} gave up permanent residence and left Kazakhstan.`,
    balances: (a) =>
      `${capitalise(a.when)}, the balance of permanent residence permits issued and terminated was ${list(
        a.items.map((x) =>
          x.direction === 0
            ? `zero for ${partner(x.code)} (${x.plus} issued against ${x.minus} terminated${flagMark(x.marks ?? [], true).replace(/^,/, ';')})`
            : `${signWord(x.direction)} for ${partner(x.code)}, at ${x.value} (${x.plus} issued against ${x.minus} terminated${flagMark(x.marks ?? [], true).replace(/^,/, ';')})`,
        ),
      )}.`,
    signChange: (a) => `${capitalise(a.subject)} turned ${signWord(a.direction)} (${fig(a.value, a.marks, true)}), from ${signWord(a.from)} in ${a.baseline}.`,
    balanceNoun,
    stock: (a) =>
      a.indicator === 'kandas_total'
        ? `${capitalise(a.when)}, a total of ${a.value} ethnic Kazakhs had returned to Kazakhstan since 1991.`
        : `${capitalise(a.when)}, ${a.value} ethnic Kazakhs had returned to Kazakhstan and received kandas status since the start of the year.`,
    structure: (a) => {
      const words = (k: string) => BREAKDOWN_WORDS[k] ?? k.replace(/_/g, ' ');
      if (a.indicator === 'kandas_by_education')
        return `Of kandas of working age ${a.when}, ${list(a.items.map((x, i) => `${x.value} ${i === 0 ? 'had ' : ''}${words(x.key)}`))}.`;
      return `${capitalise(a.when)}, ${list(a.items.map((x, i) => `${x.value} ${i === 0 ? 'of kandas were ' : ''}${words(x.key)}`))}.`;
    },
    moneyTotal: (a) => {
      const head = `${capitalise(a.when)}, ${noun(a.indicator)} amounted to ${fig(a.value, a.marks)}`;
      const c = a.item;
      switch (c.measure) {
        // The baseline's own figure follows "from" (never a second bracket after a baseline that has one).
        case 'unchanged':
          return `${head}, unchanged compared with ${a.baseline}.`;
        case 'virtually_unchanged':
          return `${head}, virtually unchanged from ${a.before} in ${a.baseline}.`;
        case 'times':
          return `${head}, ${fig(`${c.magnitude} times as much`, c.flags)} as in ${a.baseline}, when they amounted to ${a.before}.`;
        case 'from_zero':
          return `${head}, up from zero in ${a.baseline}.`;
        default:
          return `${head}, ${c.direction > 0 ? 'up' : 'down'} by ${a.absolute ? `${a.absolute} (${fig(c.magnitude, c.flags, true)})` : fig(c.magnitude, c.flags)} from ${a.before} in ${a.baseline}.`;
      }
    },
    bnsTotals: (a) =>
      `${capitalise(a.when)}, ${a.arrivals} people arrived in Kazakhstan for permanent residence and ${a.departures} left it for permanent residence abroad; net migration was ${signWord(a.netDirection)}${a.netDirection === 0 ? '' : `, at ${a.net}`}.`,
    groupShares: (a) => {
      const parts = [a.arrivals ? `${a.arrivals} of arrivals` : '', a.departures ? `${a.departures} of departures` : ''].filter(Boolean);
      return `${capitalise(a.when)}, ${partner(a.partner)} accounted for ${list(parts)} (as published).`;
    },
    ratio: (a) => {
      // A published ratio, as published: people are counted, so the number of people is what changes.
      const who = a.indicator === 'internal_migrants' ? ['people moved within the country', 'people moving within the country'] : [noun(a.indicator), noun(a.indicator)];
      if (a.direction === 0) return `${capitalise(a.when)}, as many ${who[0]} as in ${a.baseline}: a ratio of ${a.value}, as published.`;
      if (a.direction > 0) return `${capitalise(a.when)}, ${a.value} times as many ${who[0]} as in ${a.baseline}, as published.`;
      return `${capitalise(a.when)}, the number of ${who[1]} was ${a.value} times that of ${a.baseline}, as published.`;
    },
    positiveRegions: (a) => {
      const n = Number(a.count.replace(/,/g, ''));
      const regions = (k: number) => (cardinal.select(k) === 'one' ? 'region' : 'regions');
      const where = a.of
        ? a.of === a.count
          ? `in each of the ${a.of} ${regions(n)} with published figures`
          : `in ${a.count} of the ${a.of} regions with published figures`
        : `in ${a.count} ${regions(n)}`;
      return `${capitalise(a.when)}, interregional net migration was positive ${where}: ${list(a.items.map((x) => `${region(x.code)} (${fig(x.value, x.marks, true)})`))}.`;
    },
    streak: (a) => {
      const subject = `${capitalise(a.subject)}${a.partOfYear ? ` in ${a.partOfYear}` : ''}`;
      const state = a.mode === 'sign' ? `${was(a.indicator)} ${signWord(a.sign)}` : changeVerb(a.sign);
      // A monthly streak names the month it runs to; a yearly one is of the report's own period.
      if (a.step !== 'year') return `${subject} ${state} for the ${ordinal(a.length)} ${a.step} running in ${a.last}, since ${a.first}.`;
      return `${subject} ${state} for the ${ordinal(a.length)} year running, since ${a.first}.`;
    },
    record: (a) =>
      `${capitalise(a.subject)}${a.partOfYear ? ` in ${a.partOfYear}` : ''} (${fig(a.value, a.marks, true)}) ${was(a.indicator)} the ${a.extreme === 'high' ? 'highest' : 'lowest'} of the ${a.count} years${a.complete ? '' : ' with data'} since ${a.first}.`,
    seriesEnds: (a) =>
      `${capitalise(a.items.map((x) => `${noun(x.indicator)} numbered ${x.from} ${a.first} and ${x.to} ${a.last}`).join('; '))}.`,
    memberShares: (a) =>
      `${capitalise(a.when)}, ${list(a.items.map((x, i) => (i === 0 ? `${fig(x.value, x.marks)} of ${noun(a.indicator)} had come from ${partner(x.code)}` : `${fig(x.value, x.marks)} from ${partner(x.code)}`)))}.`,
    sharesRest: (a) => `The remaining ${a.rest} of ${noun(a.indicator)} came from other countries.`,
    roundingNote: () => 'Because of rounding, shares may not add up exactly.',
    structureSum: (a) => `The published shares of ${noun(a.indicator)} add up to ${a.sum} instead of the whole; they are given as published.`,
    staleNote: () => 'These are the latest figures available; none were available for later periods.',
    notBrokenDown: (a) => `${capitalise(a.subject)} were not broken down by country for the report period.`,
    partitionNote: (a) => `The figures for ${noun(a.indicator)} by group add up to ${a.sum}, which differs by ${a.gap} from the published total of ${a.total}.`,
    flagNote: (flags) =>
      [
        flags.includes('I') ? 'Figures marked “derived” were derived by the compilers from published rates of change.' : '',
        flags.includes('E') ? 'Figures marked “estimate” are estimates.' : '',
        flags.includes('P') ? 'Figures marked “provisional” may be revised.' : '',
      ]
        .filter(Boolean)
        .join(' '),
    regionShares: (a) => {
      const items = a.items.map((x, i) => `${x.value}${x.share ? ` (${x.share})` : ''} ${i === 0 ? (a.total ? 'were registered in ' : 'registered in ') : 'in '}${region(x.code)}`);
      if (!a.total) return `${capitalise(a.when)}, ${noun(a.indicator)} by region with published figures numbered ${list(items)}.`;
      return `Of the ${a.total} ${noun(a.indicator)} ${a.when}, ${list(items)}.`;
    },
    breakdownShares: (a) => {
      const words = (k: string) => BREAKDOWN_WORDS[k] ?? k.replace(/_/g, ' ');
      if (!a.total) return `${capitalise(a.when)}, ${noun(a.indicator)} included ${list(a.items.map((x) => `${x.value} ${words(x.key)}`))}.`;
      return `Of the ${a.total} ${noun(a.indicator)} ${a.when}, ${list(a.items.map((x, i) => `${x.value} (${x.share}) ${i === 0 ? 'were ' : ''}${words(x.key)}`))}.`;
    },
    chartFlagNote: (flags) =>
      `Lighter bars with a dashed outline, and values marked *, are ${[flags.includes('I') ? 'derived by the compilers from published rates of change' : '', flags.includes('E') ? 'estimates' : ''].filter(Boolean).join(' or ')}.`,
    missingSection: (a) => `No data on ${a.what} were available for the report period.`,
    caption: (a) => `${capitalise(a.subject)} by ${a.by}, ${a.period}`,
    alt: (a) =>
      // The subject mid-sentence: an indicator's name loses its capital ("of kandas by age group"), an acronym keeps it.
      `${{ bars: 'Horizontal bar chart', 'two-periods': 'Grouped bar chart', balance: 'Diverging bar chart', structure: 'Stacked percentage bar chart', series: 'Grouped bar chart by period', line: 'Line chart', periods: 'Grouped bar chart' }[a.type]} of ${/^\p{Lu}\p{Ll}/u.test(a.subject) ? a.subject[0].toLowerCase() + a.subject.slice(1) : a.subject}${a.type === 'periods' ? ` by ${a.by ?? 'period'}` : ''}, ${a.period}. ${a.finding}`,
    words: {
      country: 'Country', region: 'Region', group: 'Group', category: 'Category', share: 'Share', change: 'Change', balance: 'Balance',
      issued: 'Issued', terminated: 'Terminated', period: 'Period', arrivals: 'Arrivals', departures: 'Departures', net: 'Net migration',
      notAvailable: NOT_AVAILABLE, total: 'Total', flow: 'Flow', shareOfGroup: 'Share of group', shareOfTotal: 'Share of total',
      ageGroup: 'Age group', education: 'Education', netInterregional: 'Interregional net migration', holders: 'Holders',
    },
    topMembers: (a) => {
      const whole = a.whole === '_T' ? `all ${noun(a.indicator)}` : noun(a.indicator, a.whole);
      const items = list(a.items.map((x) => `${partner(x.code)} (${fig(x.share ?? x.value, x.marks, true)})`));
      return a.scope === 'all'
        ? `${capitalise(a.when)}, ${items} accounted for the largest shares of ${whole}.`
        : `${capitalise(a.when)}, among the countries listed, ${items} accounted for the largest shares of ${whole}.`;
    },
    tableCaption: (a) =>
      `${capitalise(a.subject)}${a.by === 'category' ? '' : ` by ${a.by === 'group' ? 'group of countries' : a.by}`}, ${a.unit}, ${a.period}`,
    rowLabel: (indicator, p) => (p ? capitalise(noun(indicator, p)) : `${capitalise(measure(indicator).all)}, total`),
    periodRange: (from, to) => `${from} to ${to}`,
    notAvailableNote: `${NOT_AVAILABLE} not available.`,
    cellFlagNote: (flags) =>
      [
        flags.includes('I') ? `${CELL_MARKS.I} Derived by the compilers from published rates of change.` : '',
        flags.includes('E') ? `${CELL_MARKS.E} Estimate.` : '',
        flags.includes('P') ? `${CELL_MARKS.P} Provisional.` : '',
      ].filter(Boolean).join(' '),
    restNote: (a) =>
      `${a.members ? `Figures by country were published only for ${list(a.members.map((c) => partner(c)))}, which together` : 'The countries listed'} add up to ${a.listed} of the ${a.total}${MEASURES[a.indicator ?? '']?.money ? ' of' : ''} ${a.whole === '_T' ? noun(a.indicator ?? '') : noun(a.indicator ?? '', a.whole)}; the remaining ${a.rest} ${a.rest.includes('USD') ? 'is' : 'are'} not broken down by country in the source.`,
    structureRest: (a) =>
      `The remaining ${a.rest} of ${a.indicator === 'kandas_by_education' ? 'kandas of working age' : noun(a.indicator)} ${a.indicator === 'kandas_by_education' ? 'are' : 'is'} not broken down by ${a.indicator === 'kandas_by_education' ? 'level of education' : 'category'} in the source.`,
    shareOfGroupNote: 'Shares are of the total of the group the country belongs to.',
    publishedRegionsNote: 'Only the regions whose figures were published are listed.',
    structureGroup: (indicator) => ({ kandas_by_age: 'By age group', kandas_by_education: 'Working age, by education' })[indicator] ?? capitalise(indicator.replace(/_/g, ' ')),
    breakdownLabel: (key) => BREAKDOWN_LABELS[key] ?? capitalise(key.replace(/_/g, ' ')),
    sectionTitle: (key) => SECTION_TITLES[key] ?? key,
    sectionGroupTitle: (key) => GROUP_TITLES[key] ?? key,
  };

  const readNumbers = (text: string): ReadNumber[] => {
    const out: ReadNumber[] = [];
    const re = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const before = text[m.index - 1];
      const beforeSign = text[m.index - 2];
      const signed = (before === '+' || before === MINUS || before === '-') && (beforeSign === undefined || beforeSign === ' ' || beforeSign === '(');
      out.push({ digits: m[0], sign: signed ? (before === '+' ? 1 : -1) : 0, index: signed ? m.index - 1 : m.index, end: m.index + m[0].length });
    }
    return out;
  };
  const partOfYear = (p: Period): string | undefined => {
    if (p.kind === 'year' || p.kind === 'date' || p.end - p.start >= 11) return undefined;
    if (p.start === p.end) return monthName(p.start);
    return `${monthName(p.start)}–${monthName(p.end)}`;
  };
  const uniqueLongestFirst = (names: (string | undefined)[]) => [...new Set(names.filter((n): n is string => !!n))].sort((a, b) => b.length - a.length);
  /** The measure a share row is a share of (pr_arrivals_share → pr_arrivals), from indicators.csv. */
  const baseOf = (indicator: string) => {
    const i = reference.indicators.get(indicator);
    return i && (i.kind === 'share' || i.kind === 'change_pct' || i.kind === 'change_abs' || i.kind === 'ratio') && i.base.length === 1 ? i.base[0] : undefined;
  };
  const measureNames = (indicator: string, minus?: string): string[] => {
    if (minus) return uniqueLongestFirst([balanceNoun(indicator, minus)]);
    const base = baseOf(indicator);
    const short = (id: string) => (/arrivals/.test(id) ? 'arrivals' : /departures/.test(id) ? 'departures' : undefined);
    return uniqueLongestFirst([
      measure(indicator).all,
      ...(PARAPHRASES[indicator] ?? []),
      base ? measure(base).all : undefined,
      short(base ?? indicator),
      indicator === 'internal_migrants' || base === 'internal_migrants' ? 'people moving within the country' : undefined,
      indicator === 'internal_migrants' || base === 'internal_migrants' ? 'people moved within the country' : undefined,
      INDICATOR_PHRASES[indicator],
      reference.indicators.get(indicator)?.names.en.toLowerCase(),
    ]);
  };
  const placeNames = (code: string): string[] => {
    if (code === '_T' || code === '_Z' || !code) return [];
    const c = reference.countries.get(code);
    const r = reference.regions.get(code);
    return uniqueLongestFirst([GROUP_NAMES[code], c ? partner(code) : undefined, c?.names.en, r?.names.en, c || r ? undefined : code]);
  };
  /** The names of a series that may be a verb's subject, each with its agreement pattern, built once per series. */
  const agreement = new Map<string, { name: string; re: RegExp }[]>();
  const agreementPatterns = (s: { indicator: string; minus?: string; partner: string }) => {
    const key = `${s.indicator}|${s.minus ?? ''}|${s.partner}`;
    let list = agreement.get(key);
    if (!list) {
      const names = s.minus ? [balanceNoun(s.indicator, s.minus)] : measureNames(s.indicator).filter((n) => MEASURES[s.indicator]?.all === n || n === noun(s.indicator, s.partner));
      // Only where the name is the subject: at the start of the sentence or of a clause ("The share of X in <name>
      // was" agrees with "share").
      list = names.map((name) => ({
        name,
        re: new RegExp(`(?<=^|[,;] |\\band )${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?: in [A-Z][a-z]+(?:–[A-Z][a-z]+)?)?(?: \\([^)]*\\))? (was|were)\\b`, 'gi'),
      }));
      agreement.set(key, list);
    }
    return list;
  };

  const vocabulary: Vocabulary = {
    lang: 'en',
    readNumbers,
    // A partner's or region's series is named with its place (measure names alone name the total); a breakdown's
    // part by its words ("of working age", "higher education").
    seriesNames: (s) => {
      const p = s.region || s.partner;
      const total = p === '_T' || p === '_Z';
      const part = s.breakdown ? s.breakdown.split(';').map((kv) => BREAKDOWN_WORDS[kv.split('=')[1] ?? '']).filter(Boolean) : [];
      if (part.length) return uniqueLongestFirst(part.slice(-1));
      if (s.minus) return uniqueLongestFirst([total ? balanceNoun(s.indicator, s.minus) : balanceNoun(s.indicator, s.minus, p)]);
      if (s.region) return [];
      return total ? measureNames(s.indicator) : uniqueLongestFirst([noun(s.indicator, s.partner)]);
    },
    measureNames,
    placeNames,
    periodPhrases: (p) => uniqueLongestFirst([periodIn(p), label(p)]),
    baselinePhrases: (p, relation) => uniqueLongestFirst([baseline(p, relation), label(p)]),
    directionWords: DIRECTION_WORDS,
    superlativeWords: SUPERLATIVES,
    grammar: (text, claims) => {
      const out: string[] = [];
      // The verb agrees with the series it follows: "<name>[ in <months>][ (<figure>)] was|were" — except where the
      // series is not the subject ("No data on X and Y were available": the subject is "data").
      if (/\bno (?:data|total)\b/i.test(text) || !/\b(?:was|were)\b/.test(text)) return out;
      const lower = text.toLowerCase();
      const seen = new Set<string>();
      for (const c of claims) {
        const s = c.series;
        const key = `${s.indicator}|${s.minus ?? ''}|${s.partner}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const singularSeries = s.minus ? true : singular(s.indicator);
        for (const { name, re } of agreementPatterns(s)) {
          if (!lower.includes(name.toLowerCase())) continue;
          re.lastIndex = 0;
          for (const m of text.matchAll(re))
            if ((m[1].toLowerCase() === 'was') !== singularSeries) out.push(`“${m[0]}”: the verb does not agree with “${name}”`);
        }
      }
      // "N-th year running" is said of steps of a year only; English never says "times less" or "this part of the year".
      if (/\byear running\b/.test(text) && !claims.some((c) => c.what === 'streak' && c.step === 'year')) out.push('“year running” without a streak over years');
      if (/\btimes (?:less|fewer)\b/.test(text)) out.push('“times less/fewer” is not English usage (writing.md rule 4)');
      if (/\bthis part of the year\b/.test(text)) out.push('“this part of the year” names no months');
      return out;
    },
    rowLabels: (s) => {
      const place = s.region || s.partner;
      const part = s.breakdown ? s.breakdown.split(';').map((kv) => BREAKDOWN_LABELS[kv.split('=')[1] ?? '']).filter((x): x is string => !!x) : [];
      return [
        ...part,
        ...(place === '_T' || place === '_Z' ? ['Total', `${capitalise(measure(s.indicator).all)}, total`] : [partnerLabel(place), capitalise(noun(s.indicator, place))]),
        ...(s.region ? [region(s.region)] : []),
      ];
    },
    readNumberWords: (text) => {
      const out: { n: number; index: number; end: number; ordinal: boolean }[] = [];
      const re = /\b(zeroth|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|one|two|three|four|\d+(?:st|nd|rd|th))\b/gi;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const w = m[1].toLowerCase();
        const ord = ORDINALS.indexOf(w);
        const card = COUNT_WORDS.indexOf(w);
        const n = ord >= 0 ? ord : card >= 0 ? card : Number(w.replace(/\D/g, ''));
        out.push({ n, index: m.index, end: m.index + m[0].length, ordinal: card < 0 });
      }
      return out;
    },
  };

  return {
    lang: 'en',
    partOfYear,
    vocabulary,
    words: ENGLISH_WORDS,
    cell(v, style, opts = {}) {
      return tableCell(this, v, style, opts);
    },
    unitLabel: (unit: Unit) => ({ persons: 'persons', usd_million: 'million USD', percent: 'per cent', ratio: 'ratio' })[unit],
    partnerLabel,
    number(v, style, signed = false) {
      return figureText(this, v, style, signed, {
        money: ' million USD',
        points: (x) => ` percentage ${cardinalOneDecimal.select(Math.abs(x)) === 'one' ? 'point' : 'points'}`,
      });
    },
    digits: (v, style) => shownDigits(v, style).digits,
    rounded: roundedBy(shownDigits),
    readNumbers,
    periodIn,
    periodLabel: label,
    baseline,
    partner,
    region,
    list,
    flagMark,
    capitalise,
    indicatorName: (id) => reference.indicators.get(id)?.names.en ?? '',
    t,
    keys: localeKeys(t, SECTION_TITLES, GROUP_TITLES),
  };
}
