// The locale interface: every word, number, date, list and plural rule a language needs; sentence code holds none.
import type { Reference, Unit } from '../model.ts';
import type { Period } from '../period.ts';
import type { Flag, Relation } from '../compare/facts.ts';
import type { ChangeClaim, Claim, Series } from '../claims.ts';
import type { LocaleKeys } from '../kinds/load.ts';
import type { Vocabulary } from '../verify/vocabulary.ts';
import type { WordsOptions } from '../verify/words.ts';

/** How a number is shown. */
export type Style = 'count' | 'money' | 'percent' | 'percent0' | 'points' | 'ratio';
/** Up, down or unchanged, decided on the displayed (rounded) value. */
export type Direction = 1 | -1 | 0;

/** A number found in rendered text (what the verifier's words check reads). */
export interface ReadNumber {
  /** The digits as displayed, without a sign (e.g. "3,405,102", "22.7"). */
  digits: string;
  /** +1 / −1 when written with a sign, 0 when unsigned. */
  sign: -1 | 0 | 1;
  index: number;
  end: number;
}

/** A member of a list: partner (or region) code, its formatted value and share; `marks`: E/I/P of its figures. */
export interface ListItem {
  code: string;
  value: string;
  share?: string;
  /** Marks of the value; `shareMarks` of the share (a share of estimates is an estimate too). */
  marks?: Flag[];
  shareMarks?: Flag[];
}

/** A formatted figure, its status marks (placed by the template) and the claim it states. */
export interface Figure {
  text: string;
  marks: Flag[];
  claim: Claim;
}

/** One movement in a sentence of changes. */
export interface ChangeItem {
  /** Noun phrase of what changed (from `noun`). */
  subject: string;
  /** The series that changed (a locale chooses the verb's number from its indicator). */
  series: Series;
  direction: Direction;
  /**
   * How the change is stated: `pct` and `abs` "rose by <magnitude>"; `times` "<magnitude> times as many as in
   * <baseline>"; `from_zero` "rose from zero to <magnitude>"; `unchanged` / `virtually_unchanged` (no magnitude).
   */
  measure: ChangeClaim['measure'];
  /** Unsigned magnitude, formatted (e.g. "22.7%"), or a ratio ("2.2") when `times` is set. */
  magnitude: string;
  /** A rise of 100% or more, stated as "n times as many". */
  times?: boolean;
  /** Flags of the inputs (E, I), marked after the figure. */
  flags?: Flag[];
  /** What the item states. */
  claim: ChangeClaim;
}

/** One member in a sentence of movers: its signed change for a list ("−40.4%"), and the same as a movement. */
export interface MoverItem {
  code: string;
  /** Signed change as a parenthetical list shows it, e.g. "−40.4%"; for `times` and `from_zero` items, the magnitude. */
  change: string;
  /** The movement (direction, unsigned magnitude or "n times", flags), subject: the measure of this partner. */
  item: ChangeItem;
}

/** Sentence templates: each returns one finished sentence (capitalised, with its full stop). */
export interface Templates {
  /** What a measure of a partner is called: ('border_arrivals', 'CIS') → "arrivals from CIS countries". */
  noun(indicator: string, partner?: string): string;
  flowTotals(a: { when: string; arrivals: string; departures: string }): string;
  changes(a: { when?: string; baseline: string; items: ChangeItem[] }): string;
  /** One change, then the baseline's own change a year before it ("…, after rising by 17.9% a year earlier"). */
  changeAfter(a: { baseline: string; item: ChangeItem; prior?: ChangeItem; priorBaseline?: string }): string;
  level(a: { when: string; indicator: string; partner?: string; value: string }): string;
  split(a: { indicator: string; when?: string; parts: ListItem[] }): string;
  /** `when`: the period, said where the list opens its section (no sentence before it names the period). */
  members(a: { indicator: string; whole: string; items: ListItem[]; when?: string }): string;
  largest(a: { indicator: string; whole: string; items: ListItem[] }): string;
  crossover(a: { indicator: string; overtaker: string; overtaken: string; now: [string, string]; baseline: string }): string;
  /**
   * The largest movers up and down. `partial`: only some members have figures for the baseline, so the
   * sentence must not say "most" of all members — it states the changes of those compared.
   */
  movers(a: { indicator: string; whole: string; baseline: string; down: MoverItem[]; up: MoverItem[]; partial: boolean; unchanged?: MoverItem[]; scope?: 'all' | 'listed' }): string;
  shareChange(a: { indicator: string; partner: string; whole: string; direction: Direction; points: string; from: string; to: string; baseline: string }): string;
  /** No comparison: no data at all for the missing period, or (`total`) figures by country but no total. */
  unavailable(a: { subject: string; missing: string; total?: boolean }): string;
  trpTotal(a: { when: string; value: string }): string;
  prpIssued(a: { when: string; total: string; parts: ListItem[] }): string;
  prpTerminated(a: { when: string; parts: ListItem[] }): string;
  balances(a: { when: string; items: { code: string; direction: Direction; value: string; marks?: Flag[]; plus: string; minus: string }[] }): string;
  /** A balance that changed sign: `subject` names the balance (from `balanceNoun`); `from` is the baseline's sign (0: zero). */
  signChange(a: { subject: string; direction: Direction; from: Direction; value: string; marks?: Flag[]; baseline: string }): string;
  /** What a balance of a partner is called: ('pr_arrivals', 'pr_departures') → "net migration"; permits → "the balance … for CIS countries". */
  balanceNoun(plus: string, minus: string, partner?: string): string;
  stock(a: { when: string; indicator: string; value: string }): string;
  structure(a: { indicator: string; when: string; items: { key: string; value: string }[] }): string;
  /** A money total and its change: `absolute` (formatted, unsigned) beside the item when a percentage is stated. */
  moneyTotal(a: { indicator: string; when: string; value: string; marks?: Flag[]; item: ChangeItem; absolute?: string; baseline: string; before: string }): string;
  bnsTotals(a: { when: string; arrivals: string; departures: string; netDirection: Direction; net: string }): string;
  /** A group's published shares of two flows ("CIS countries accounted for 86.0% of arrivals and …"). */
  groupShares(a: { when: string; partner: string; arrivals?: string; departures?: string }): string;
  /** A published ratio, stated as published (`value`, e.g. "2.2"): as many, n times as many, or n times the number. */
  ratio(a: { when: string; indicator: string; value: string; baseline: string; direction: Direction }): string;
  /** Regions with positive net migration; `of`: how many regions have figures, when not every region has. */
  positiveRegions(a: { when: string; count: string; of?: string; items: ListItem[] }): string;
  /**
   * A run over consecutive calendar years: `mode: sign` "was positive for the third year running", `direction`
   * "rose for the second year running"; `partOfYear` names the months compared ("January–June"), absent for years.
   */
  streak(a: { subject: string; indicator: string; mode: 'sign' | 'direction'; sign: 1 | -1; length: number; first: string; step: 'year' | 'month' | 'quarter'; last: string; partOfYear?: string }): string;
  /** The highest or lowest of `count` years (`complete` false: of the years with data) since `first`. */
  record(a: { subject: string; indicator: string; extreme: 'high' | 'low'; value: string; marks?: Flag[]; first: string; count: string; complete: boolean; partOfYear?: string }): string;
  /** A series' first and last periods (`first`, `last` as periodIn says them), each measure's level in both. */
  seriesEnds(a: { first: string; last: string; items: { indicator: string; from: string; to: string }[] }): string;
  /** The largest members by their published shares, largest first ("… 53.6% came from Uzbekistan, 19.6% from China …"). */
  memberShares(a: { indicator: string; when: string; items: ListItem[] }): string;
  /** What the published shares of every member leave of 100 per cent: the share of other countries. */
  sharesRest(a: { indicator: string; rest: string }): string;
  roundingNote(a: { sum: string }): string;
  /** A structure whose published parts do not add up to 100 (beyond rounding). */
  structureSum(a: { indicator: string; sum: string }): string;
  /** A section whose latest figures end well before the report period (`latest`: their period label). */
  staleNote(a: { latest: string }): string;
  /** A whole with figures but none by country ("Arrivals from non-CIS countries were not broken down by country …"). */
  notBrokenDown(a: { subject: string }): string;
  partitionNote(a: { indicator: string; sum: string; total: string; gap: string }): string;
  flagNote(flags: Flag[]): string;
  missingSection(a: { what: string }): string;
  /** Chart caption: "Arrivals from CIS countries by country, October–December 2023". */
  caption(a: { subject: string; by: 'country' | 'period' | 'quarter' | 'month' | 'year' | 'group' | 'category'; period: string }): string;
  /** Chart alt text: the chart type, what is shown, the main finding (a sentence of the text). */
  /** A total and its largest parts by region ("Of the 12,732 departures …, 2,133 (16.8%) were registered in …"). */
  regionShares(a: { indicator: string; when: string; total?: string; items: { code: string; value: string; share?: string }[] }): string;
  /** A total and its parts by a breakdown key ("Of the 45,200 departures …, 32,800 (72.6%) were ethnic Russians, …"). */
  breakdownShares(a: { indicator: string; when: string; total?: string; items: { key: string; value: string; share?: string }[] }): string;
  /** Under a chart that marks estimated or derived values: what the lighter dashed bars and "*" mean. */
  chartFlagNote(flags: Flag[]): string;
  alt(a: { type: 'bars' | 'two-periods' | 'balance' | 'structure' | 'series' | 'line' | 'periods'; subject: string; period: string; finding: string; by?: 'period' | 'quarter' | 'month' | 'year' }): string;
  /** Table column headings and fixed cell words. */
  words: Record<TableWord, string>;
  /** The most notable members of a list, largest first, for key findings (e.g. the top three non-CIS origins). */
  topMembers(a: { when: string; indicator: string; whole: string; items: ListItem[]; scope: 'all' | 'listed' }): string;
  /** Table caption naming what, by what, the unit and the period: "…, persons, October–December 2023". */
  tableCaption(a: { subject: string; by: 'country' | 'period' | 'group' | 'category' | 'region'; unit: string; period: string }): string;
  /** Row header of a table row for a measure of a partner group ("Arrivals from CIS countries") or its total ("Arrivals, total"). */
  rowLabel(indicator: string, partner?: string): string;
  /** A span of periods in a caption: "January–March 2022 to January–March 2024". */
  periodRange(from: string, to: string): string;
  /** Table note for missing cells: "– not available". */
  notAvailableNote: string;
  /** Table note for marked cells ("* derived by the compilers from published rates of change"). */
  cellFlagNote(flags: Flag[]): string;
  /** Table note when the listed countries fall short of their whole (a group, or `_T`): "…the remaining 858 are not broken down by country." */
  restNote(a: { indicator?: string; whole: string; members?: string[]; listed: string; rest: string; total: string }): string;
  /** Note when the published parts of a structure add up to less than 100: "The remaining 8.8% … is not broken down." */
  structureRest(a: { rest: string; indicator: string }): string;
  /** Table note: shares are of the group the country belongs to. */
  shareOfGroupNote: string;
  /** Table note: only the regions with published figures are listed. */
  publishedRegionsNote: string;
  /** Title of a structure bar ("By age group", "Working age, by education"). */
  structureGroup(indicator: string): string;
  /** A breakdown value as a label ("Working age", "Higher education"). */
  breakdownLabel(key: string): string;
  /** Section titles by key (a kind's report.yaml names the key; the section id by default). */
  sectionTitle(key: string): string;
  /** The title of a numbered section whose parts are sections (6.1, 6.2), by key ("remittances" → "Personal remittances"). */
  sectionGroupTitle(key: string): string;
}

export type TableWord =
  | 'country' | 'region' | 'group' | 'category' | 'share' | 'change' | 'balance' | 'issued' | 'terminated' | 'period' | 'arrivals'
  | 'departures' | 'net' | 'notAvailable' | 'total' | 'flow' | 'shareOfGroup' | 'shareOfTotal' | 'ageGroup' | 'education' | 'netInterregional' | 'holders';

export interface Locale {
  lang: string;
  /** A number as a table cell shows it: no unit words (the caption names the unit), a sign when asked, a mark for E/I/P; '–' when missing. */
  cell(v: number | null | undefined, style: Style, opts?: { signed?: boolean; flags?: Flag[] }): string;
  /** The unit as a caption names it ("persons", "million USD", "per cent"). */
  unitLabel(unit: Unit): string;
  /** A partner's name as a label (chart rows, axes, legends, table row headers): without its article, capitalised. */
  partnerLabel(code: string): string;
  /** The full display of a number in a style, e.g. "677.3 million USD", "42.8%", "3,405,102"; signed adds +/−. */
  number(v: number, style: Style, signed?: boolean): string;
  /** The digits a style shows for a value (no sign, no unit) — what claims show and the verifier compares. */
  digits(v: number, style: Style): string;
  /** The value as displayed (rounded), so "unchanged" is decided on what the reader sees. */
  rounded(v: number, style: Style): number;
  /** Every number in a text, with its sign if written. */
  readNumbers(text: string): ReadNumber[];
  /** "in the fourth quarter of 2023", "for the first three quarters of 2023", "as of 1 September 2023". */
  periodIn(p: Period): string;
  /** "October–December 2023", "1 September 2023", "2023". */
  periodLabel(p: Period): string;
  /** "the previous quarter (July–September 2023)", "January–September 2022". */
  baseline(p: Period, relation: Relation): string;
  /** A partner's name as a sentence needs it (article; capitalised at sentence start). */
  partner(code: string, start?: boolean): string;
  region(code: string): string;
  /** Joins items as the language does ("a, b and c"). */
  list(items: string[]): string;
  /** A mark after a figure whose inputs are estimated or derived (empty when none). */
  flagMark(flags: Flag[], inBrackets?: boolean): string;
  /** Capitalises the first letter (sentence start). */
  capitalise(text: string): string;
  /** Indicator names from the reference. */
  indicatorName(id: string): string;
  /** The months a period covers within its year, as records and streaks compare them ("January–June"); undefined for a year. */
  partOfYear(p: Period): string | undefined;
  /** What the verifier reads the words with. */
  vocabulary: Vocabulary;
  /** The language's words for the words check that the vocabulary does not carry (conjunctions, qualifiers, marks, units). */
  words: WordsOptions;
  t: Templates;
  /** The keys report kinds may name (templates/<kind>/report.yaml), checked when a spec is read. */
  keys: LocaleKeys;
}

export type LocaleFactory = (reference: Reference) => Locale;
