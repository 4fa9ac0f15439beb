// Turns one observation row (from CSV or XLSX) into a checked Observation, or located errors.
//
// Row-level checks happen here because the columns are at hand; rules across rows
// (duplicates) are in src/check/. Codes, periods and breakdowns repeat across rows, so they
// are interned: a million rows share a few hundred strings and period objects.
import { DERIVED_KINDS, NOT_APPLICABLE, STATUSES, TOTAL, UNITS, type Indicator, type Observation, type Reference, type Status, type Unit } from '../model.ts';
import { parsePeriod, type Period } from '../period.ts';
import * as msg from '../messages/check.ts';
import * as loadMsg from '../messages/load.ts';
import { closest } from './closest.ts';
import type { Problems } from './problems.ts';

export const OBSERVATION_COLUMNS = ['indicator', 'period', 'country', 'region', 'breakdown', 'value', 'unit', 'status', 'source'] as const;
type Column = (typeof OBSERVATION_COLUMNS)[number];
/** Field index of each column in the file's own order. */
export type ColumnMap = Record<Column, number>;

const NEGATIVE_ALLOWED = new Set(['balance', 'change_pct', 'change_abs']);
const STATUS_SET: ReadonlySet<string> = new Set(STATUSES);
const SHARE_KINDS = new Set(['share', 'structure']);
const NEEDS_VS = new Set(['change_pct', 'change_abs', 'ratio']);
const REFERENCE_FILE = {
  indicator: 'data/reference/indicators.csv',
  country: 'data/reference/countries.csv',
  region: 'data/reference/regions.csv',
  source: 'data/reference/sources.csv',
};

/** Checks a header row; returns the column map, or undefined (after reporting) when it is unusable. */
export function readHeader(fields: string[], file: string, line: number, problems: Problems): ColumnMap | undefined {
  // Excel's "sep=," first line, and files split by ";" or tabs: one error that says so, not ten.
  if (fields.length <= 2 && /^sep=.?$/i.test(fields[0].trim())) {
    problems.add(loadMsg.excelSepLine(fields.join(',')), { file, line, column: 1 });
    return undefined;
  }
  if (fields.length === 1) {
    const delimiter = [';', '\t', '|'].find((d) => fields[0].split(d).map((f) => f.trim()).filter((f) => (OBSERVATION_COLUMNS as readonly string[]).includes(f)).length >= 3);
    if (delimiter) {
      problems.add(loadMsg.wrongDelimiter(delimiter), { file, line, column: 1 });
      return undefined;
    }
  }
  const map: Partial<Record<Column, number>> = {};
  const unknown: { name: string; column: number }[] = [];
  let ok = true;
  fields.forEach((raw, i) => {
    const name = raw.trim();
    if ((OBSERVATION_COLUMNS as readonly string[]).includes(name)) {
      const col = name as Column;
      if (map[col] !== undefined) {
        problems.add(loadMsg.duplicateColumn(name, map[col]! + 1), { file, line, column: i + 1 });
        ok = false;
      } else map[col] = i;
    } else unknown.push({ name, column: i + 1 });
  });
  const missing = OBSERVATION_COLUMNS.filter((c) => map[c] === undefined);
  for (const u of unknown) {
    // Suggest a missing column first: "valeu" is most likely the missing "value".
    const suggestion = closest(u.name, missing) ?? closest(u.name, OBSERVATION_COLUMNS);
    problems.add(loadMsg.unknownColumn(u.name, suggestion, OBSERVATION_COLUMNS), { file, line, column: u.column });
    ok = false;
  }
  const suggested = new Set(unknown.map((u) => closest(u.name, missing)).filter(Boolean));
  for (const m of missing) {
    if (!suggested.has(m)) problems.add(loadMsg.missingColumn(m), { file, line });
    ok = false;
  }
  return ok ? (map as ColumnMap) : undefined;
}

interface BreakdownInfo {
  normalised: string;
  error?: string;
  whole?: string;
  vs?: string;
}

/** What a thousands separator or decimal comma should have been, for the hint. */
function diagnoseNumber(text: string): { why: 'thousands' | 'decimal-comma' | 'ambiguous' | 'other'; fixed?: string } {
  if (/^-?\d{1,3},\d{3}$/.test(text)) return { why: 'ambiguous', fixed: text.replace(',', '') };
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return { why: 'thousands', fixed: text.replace(/,/g, '') };
  if (/^-?\d{1,3}([ \u00a0\u202f']\d{3})+([.,]\d+)?$/.test(text)) return { why: 'thousands', fixed: text.replace(/[ \u00a0\u202f']/g, '').replace(',', '.') };
  if (/^-?\d{1,3}(\.\d{3}){2,}(,\d+)?$/.test(text)) return { why: 'thousands', fixed: text.replace(/\./g, '').replace(',', '.') };
  if (/^-?\d+,\d+$/.test(text)) return { why: 'decimal-comma', fixed: text.replace(',', '.') };
  return { why: 'other' };
}

/** A plain decimal number ("-12", "5.3"): the fast path that every valid value takes. */
function plainNumber(s: string): number | undefined {
  const n = s.length;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  if (i >= n) return undefined;
  let digits = 0;
  let dot = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !dot && digits > 0 && i < n - 1) dot = true;
    else return undefined;
  }
  return digits > 0 ? Number(s) : undefined;
}

const MONTHS = 12 * 10000; // month numbers of years 0000–9999
const PERIOD_NUMBERS = MONTHS + 4 * 10000; // then quarter numbers

/**
 * A small number standing for a period text of the common forms "2023-04" (year × 12 + month − 1)
 * and "2023-Q2" (after every month: year × 4 + quarter − 1), so most periods are found in an
 * array rather than by hashing a string; -1 for any other text, valid or not.
 */
function periodNumber(s: string): number {
  if (s.length !== 7 || s.charCodeAt(4) !== 45) return -1;
  let year = 0;
  for (let k = 0; k < 4; k++) {
    const d = s.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    year = year * 10 + d;
  }
  const last = s.charCodeAt(6) - 48;
  const c = s.charCodeAt(5);
  if (c === 81) return last >= 1 && last <= 4 ? MONTHS + year * 4 + last - 1 : -1; // "Q"
  const month = (c - 48) * 10 + last;
  return c >= 48 && c <= 49 && last >= 0 && last <= 9 && month >= 1 && month <= 12 ? year * 12 + month - 1 : -1;
}

const trim = (s: string): string => {
  const n = s.length;
  return n > 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(n - 1) <= 32) ? s.trim() : s;
};

export class ObservationReader {
  private readonly periods = new Map<string, Period | null>();
  /** Periods by periodNumber, made when the first such period is read. */
  private periodsByNumber: Period[] | undefined;
  private readonly breakdowns = new Map<string, BreakdownInfo>();
  private readonly regionAlias: Map<string, string>;
  private readonly regionNames: string[];
  private readonly groups: Set<string>;

  constructor(
    private readonly reference: Reference,
    regionAlias: Map<string, string>,
    private readonly problems: Problems,
    readonly observations: Observation[],
  ) {
    this.regionAlias = regionAlias;
    this.regionNames = [...reference.regions.keys(), ...[...reference.regions.values()].flatMap((r) => [r.names.en, ...r.formerNames].filter(Boolean))];
    this.groups = new Set([...reference.countries.values()].filter((c) => c.isGroup).map((c) => c.code));
  }

  private file = '';
  private line = 0;
  private cols!: ColumnMap;
  private bad = false;
  /** Reports a problem in a column of the current row (bound once, so passing it around is free). */
  private readonly fail = (m: loadMsg.Message, column: Column): void => {
    this.bad = true;
    this.problems.add(m, { file: this.file, line: this.line, column: this.cols[column] + 1 });
  };

  // The last valid text of each column and what it resolved to. Codes repeat down a column, so
  // most fields are checked by comparing a few characters with the row before; only a new text
  // goes through the lookups and checks (and a bad one is reported on every row it is in).
  private lastIndicatorText: string | undefined;
  private lastIndicator: Indicator | undefined;
  private lastPeriodText: string | undefined;
  private lastPeriod: Period | undefined;
  private lastCountryText: string | undefined;
  private lastCountry = '';
  private lastRegionText = '';
  private lastRegion = '';
  private lastBreakdownText: string | undefined;
  private lastBreakdown: BreakdownInfo | undefined;
  /** The indicator and breakdown last found to fit together (whole=, vs= as its kind needs). */
  private relativesChecked: [Indicator, BreakdownInfo] | undefined;
  private lastUnitText: string | undefined;
  private lastUnitIndicator: Indicator | undefined;
  private lastSourceText: string | undefined;
  private lastSource = '';

  /**
   * The indicator named by `text` when it counts a flow over a period (any kind but a stock, or a
   * derived indicator of stocks), so a date cannot be its period; undefined for stocks and unknown ids.
   */
  flowIndicator(text: string): Indicator | undefined {
    const indicator = this.reference.indicators.get(trim(text));
    if (!indicator) return undefined;
    const stock = (i: Indicator | undefined): boolean => i !== undefined && (i.kind === 'stock' || (DERIVED_KINDS.includes(i.kind) && i.base.length > 0 && i.base.every((b) => stock(this.reference.indicators.get(b)))));
    return stock(indicator) ? undefined : indicator;
  }

  /** Checks one data row; appends its Observation when every field is valid. */
  row(cols: ColumnMap, fields: string[], file: string, line: number, width: number): void {
    // No closures here: this runs a million times, and each closure is an allocation.
    this.file = file;
    this.line = line;
    this.cols = cols;
    this.bad = false;
    if (fields.length !== width) {
      this.problems.add(loadMsg.fieldCount(fields.length, width), { file, line, column: Math.min(fields.length, width) + 1 });
      return;
    }
    const fail = this.fail;
    const ref = this.reference;

    const indicatorText = fields[cols.indicator];
    let indicator: Indicator | undefined;
    if (indicatorText === this.lastIndicatorText) indicator = this.lastIndicator;
    else {
      const id = trim(indicatorText);
      indicator = ref.indicators.get(id);
      if (!indicator) fail(msg.unknownCode('indicator', id, closest(id, ref.indicators.keys()), REFERENCE_FILE.indicator), 'indicator');
      else {
        this.lastIndicatorText = indicatorText;
        this.lastIndicator = indicator;
      }
    }

    const periodText = fields[cols.period];
    let period: Period | null | undefined;
    if (periodText === this.lastPeriodText) period = this.lastPeriod;
    else {
      const text = trim(periodText);
      const number = periodNumber(text);
      if (number >= 0) {
        const byNumber = (this.periodsByNumber ??= new Array<Period>(PERIOD_NUMBERS));
        period = byNumber[number];
        // A text of these forms is a valid period; parsePeriod stays the one that builds it.
        if (period === undefined) period = byNumber[number] = parsePeriod(text)!;
      } else {
        period = this.periods.get(text);
        if (period === undefined) {
          period = parsePeriod(text) ?? null;
          this.periods.set(text, period);
        }
      }
      if (!period) fail(/^0\d{3}(\D|$)/.test(text) ? msg.yearTooEarly(text) : msg.badPeriod(text), 'period');
      else {
        this.lastPeriodText = periodText;
        this.lastPeriod = period;
      }
    }

    const countryText = fields[cols.country];
    let country = this.lastCountry;
    if (countryText !== this.lastCountryText) {
      const text = trim(countryText);
      const known = ref.countries.get(text);
      country = known ? known.code : text === TOTAL ? TOTAL : text === NOT_APPLICABLE ? NOT_APPLICABLE : text;
      if (known || country === TOTAL || country === NOT_APPLICABLE) {
        this.lastCountryText = countryText;
        this.lastCountry = country;
      } else fail(msg.unknownCode('country', text, closest(text, [...ref.countries.keys(), TOTAL, NOT_APPLICABLE]), REFERENCE_FILE.country), 'country');
    }

    const regionText = fields[cols.region];
    let region = this.lastRegion;
    if (regionText !== this.lastRegionText) {
      const text = trim(regionText);
      region = '';
      if (text !== '') {
        const code = this.regionAlias.get(text) ?? this.regionAlias.get(text.toLowerCase());
        if (code) region = code;
        else fail(msg.unknownCode('region', text, closest(text, this.regionNames), REFERENCE_FILE.region), 'region');
      }
      if (text === '' || region !== '') {
        this.lastRegionText = regionText;
        this.lastRegion = region;
      }
    }

    const breakdownText = fields[cols.breakdown];
    let breakdown = this.lastBreakdown;
    if (breakdownText !== this.lastBreakdownText || !breakdown) {
      const text = trim(breakdownText);
      breakdown = this.breakdowns.get(text);
      if (!breakdown) {
        breakdown = parseBreakdown(text);
        this.breakdowns.set(text, breakdown);
      }
      if (breakdown.error) fail(msg.badBreakdown(text, breakdown.error), 'breakdown');
      else {
        this.lastBreakdownText = breakdownText;
        this.lastBreakdown = breakdown;
      }
    }
    if (indicator && !breakdown.error) {
      const checked = this.relativesChecked;
      if (!checked || checked[0] !== indicator || checked[1] !== breakdown) {
        if (this.checkRelatives(indicator, breakdown)) this.relativesChecked = [indicator, breakdown];
      }
    }

    const unitText = fields[cols.unit];
    let unit: Unit | undefined;
    if (indicator && unitText === this.lastUnitText && indicator === this.lastUnitIndicator) unit = indicator.unit;
    else {
      const text = trim(unitText);
      if (!(UNITS as readonly string[]).includes(text)) fail(msg.unknownUnit(text, closest(text, UNITS), UNITS), 'unit');
      else if (indicator && text !== indicator.unit) {
        fail(msg.unitMismatch(text, indicator.id, indicator.unit, `${indicator.at.file}:${indicator.at.line}`), 'unit');
      } else {
        unit = text as Unit;
        if (indicator) {
          this.lastUnitText = unitText;
          this.lastUnitIndicator = indicator;
        }
      }
    }

    const statusText = trim(fields[cols.status]);
    const status = STATUS_SET.has(statusText) ? (statusText as Status) : undefined;
    if (!status) fail(msg.unknownStatus(statusText, STATUSES), 'status');

    const raw = trim(fields[cols.value]);
    let value: number | null = null;
    if (raw === '') {
      if (status && status !== 'M') fail(msg.missingValue(), 'value');
    } else if (status === 'M') {
      fail(msg.valueWithM(raw), 'value');
    } else {
      const v = plainNumber(raw);
      if (v === undefined) {
        const d = diagnoseNumber(raw);
        fail(msg.notANumber(raw, d.fixed, d.why), 'value');
      } else if (!(Math.abs(v) <= Number.MAX_SAFE_INTEGER)) {
        fail(msg.numberTooLarge(raw), 'value');
      } else {
        value = v;
        if (indicator && v < 0 && !NEGATIVE_ALLOWED.has(indicator.kind)) fail(msg.negativeValue(raw, indicator.id, indicator.kind), 'value');
        if (indicator && v > 100 && indicator.unit === 'percent' && SHARE_KINDS.has(indicator.kind)) fail(msg.shareOver100(raw, indicator.id), 'value');
      }
    }

    const sourceText = fields[cols.source];
    let source = this.lastSource;
    if (sourceText !== this.lastSourceText) {
      const id = trim(sourceText);
      const known = ref.sources.get(id);
      if (!known) fail(msg.unknownCode('source', id, closest(id, ref.sources.keys()), REFERENCE_FILE.source), 'source');
      else {
        this.lastSourceText = sourceText;
        this.lastSource = known.id;
        source = known.id;
      }
    }

    if (this.bad) return;
    this.observations.push({
      indicator: indicator!.id,
      period: period!,
      country,
      region,
      breakdown: breakdown.normalised,
      value,
      raw,
      unit: unit!,
      status: status!,
      source,
      at: { file, line },
    });
  }

  /** Checks that a breakdown names what the indicator's kind needs (whole=, vs=); false after reporting. */
  private checkRelatives(indicator: Indicator, b: BreakdownInfo): boolean {
    const fail = this.fail;
    const wasBad = this.bad;
    this.bad = false;
    this.relatives(indicator, b, fail);
    const ok = !this.bad;
    this.bad ||= wasBad;
    return ok;
  }

  private relatives(indicator: Indicator, b: BreakdownInfo, fail: (m: loadMsg.Message, column: Column) => void): void {
    const derived = DERIVED_KINDS.includes(indicator.kind);
    if (!derived) {
      if (b.whole !== undefined) fail(msg.relativeOnBase('whole', indicator.id), 'breakdown');
      else if (b.vs !== undefined) fail(msg.relativeOnBase('vs', indicator.id), 'breakdown');
      return;
    }
    if (indicator.kind === 'share') {
      if (b.whole === undefined) fail(msg.missingRelative(indicator.id, indicator.kind, 'whole'), 'breakdown');
      else if (b.whole !== TOTAL && !this.groups.has(b.whole)) fail(msg.badWhole(b.whole, closest(b.whole, [...this.groups, TOTAL])), 'breakdown');
    }
    if (NEEDS_VS.has(indicator.kind)) {
      if (b.vs === undefined) fail(msg.missingRelative(indicator.id, indicator.kind, 'vs'), 'breakdown');
      else if (!parsePeriod(b.vs)) fail(msg.badVs(b.vs), 'breakdown');
    }
  }
}

/** Normalises `key=value;key=value` (sorted by key); reports the first thing wrong with it. */
export function parseBreakdown(text: string): BreakdownInfo {
  if (text === '') return { normalised: '' };
  const pairs = text.split(';').map((p) => p.trim());
  const keys = new Map<string, string>();
  for (const pair of pairs) {
    if (pair === '') return { normalised: text, error: 'has an empty pair (two ";" in a row, or one at an end)' };
    const eq = pair.indexOf('=');
    if (eq < 0) return { normalised: text, error: `has "${pair}" without "="` };
    const key = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (!key || !value) return { normalised: text, error: `has "${pair}" with an empty ${key ? 'value' : 'key'}` };
    if (value.includes('=')) return { normalised: text, error: `has "${pair}" with two "="` };
    if (keys.has(key)) return { normalised: text, error: `names "${key}" twice` };
    keys.set(key, value);
  }
  // Sorted as whole pairs, exactly like normaliseBreakdown in src/query.ts, so queries match.
  const normalised = [...keys.entries()]
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join(';');
  return { normalised, whole: keys.get('whole'), vs: keys.get('vs') };
}

