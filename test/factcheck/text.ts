// Helpers for the fact-check tests: build a case, narrate it, and read its text sentence by sentence.
import { loadProject } from '../../src/load/index.ts';
import { localeFor, narrate } from '../../src/narrate/index.ts';
import { plainText } from '../../src/commands/text.ts';
import { period as parsePeriod, type Period } from '../../src/period.ts';
import type { Dataset } from '../../src/model.ts';
import type { ReportModel, Section } from '../../src/report-model.ts';
import type { Case, Template } from './cases.ts';

const datasets = new Map<string, Promise<Dataset>>();

/** The edited data folder of a case, loaded (built once per test file). */
export function dataset(c: Case): Promise<Dataset> {
  let p = datasets.get(c.name);
  if (!p) datasets.set(c.name, (p = loadProject(c.build())));
  return p;
}

/** Splits text into sentences at ". " before a capital; figures keep their decimals ("61.4%"). */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n+/)
    .map((l) => l.replace(/^- /, '').trim())
    .filter(Boolean)
    .flatMap((l) => l.split(/(?<=[.!?])\s+(?=[A-Z“"(])/))
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface SectionView {
  id: string;
  title: string;
  dataPeriodLabel: string;
  sentences: string[];
  notes: string[];
  /** Notes of the section's tables and chart tables. */
  tableNotes: string[];
  raw: Section;
}

export class Report {
  readonly text: string;
  readonly sentences: string[];
  readonly findings: string[];
  readonly sections: SectionView[];

  constructor(
    readonly model: ReportModel,
    readonly ds: Dataset,
    readonly period: string,
    readonly template: Template,
  ) {
    this.text = plainText(model);
    this.findings = model.findings.map((f) => f.text);
    this.sections = model.sections.map((s) => ({
      id: s.id,
      title: s.title,
      dataPeriodLabel: s.dataPeriodLabel,
      sentences: s.paragraphs.flatMap((p) => splitSentences(p.map((x) => x.text).join(' '))),
      notes: s.notes.map((n) => n.text),
      tableNotes: [...s.tables.flatMap((t) => t.notes), ...s.charts.flatMap((c) => c.table.notes)],
      raw: s,
    }));
    this.sentences = splitSentences(this.text);
  }

  section(id: string): SectionView {
    const s = this.sections.find((x) => x.id === id);
    if (!s) throw new Error(`no section ${id} in ${this.template} ${this.period}`);
    return s;
  }

  /** Every sentence of the report: findings and section sentences (no headings or notes). */
  statements(): string[] {
    return [...this.findings.flatMap(splitSentences), ...this.sections.flatMap((s) => s.sentences)];
  }

  allNotes(): string[] {
    return this.sections.flatMap((s) => [...s.notes, ...s.tableNotes]);
  }

  /** Sentences matching a pattern (for failure messages: the offending sentences themselves). */
  grep(re: RegExp, where: string[] = this.statements()): string[] {
    return where.filter((s) => re.test(s));
  }
}

export async function report(c: Case, period: string, template: Template): Promise<Report> {
  const ds = await dataset(c);
  const { model } = narrate(ds, { period, template, lang: 'en' });
  return new Report(model, ds, period, template);
}

/** 12345 → "12,345" (the English grouping of the text). */
export function fmt(n: number): string {
  return Math.abs(n).toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/** Reads "12,345" / "−2,000" / "4.4" as a number. */
export function num(s: string): number {
  return Number(s.replace(/[−–]/g, '-').replace(/,/g, ''));
}

// ---------------------------------------------------------------------------------------------------------------
// The permanent-residence series of a dataset: arrivals, departures and net migration by period.

export interface SeriesPoint {
  period: Period;
  label: string;
  arrivals?: number;
  departures?: number;
  net?: number;
  /** Status flags of the rows behind it. */
  statuses: string[];
}

export function prSeries(ds: Dataset): SeriesPoint[] {
  const L = localeFor(ds, 'en');
  const by = new Map<string, SeriesPoint>();
  for (const o of ds.observations) {
    if (o.country !== '_T' || o.value === null) continue;
    if (!['pr_arrivals', 'pr_departures', 'pr_net_migration'].includes(o.indicator)) continue;
    let p = by.get(o.period.code);
    if (!p) by.set(o.period.code, (p = { period: o.period, label: L.periodLabel(o.period), statuses: [] }));
    p.statuses.push(o.status);
    if (o.indicator === 'pr_arrivals') p.arrivals = o.value;
    if (o.indicator === 'pr_departures') p.departures = o.value;
    if (o.indicator === 'pr_net_migration') p.net = o.value;
  }
  for (const p of by.values()) if (p.arrivals !== undefined && p.departures !== undefined) p.net = p.arrivals - p.departures;
  return [...by.values()];
}

const ORDINALS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];

export interface StreakClaim {
  sentence: string;
  sign: 1 | -1;
  since: string;
  /** "for the Nth year running", when said. */
  count?: number;
}

/** Statements that net migration has been positive/negative since a period ("… since January–June 2022"). */
export function netStreakClaims(sentences: string[]): StreakClaim[] {
  const out: StreakClaim[] = [];
  const re = /net migration\b[^;]*?\b(positive|negative)\b([^;]*?)\bsince ((?:[A-Z][a-z]+(?:–[A-Z][a-z]+)? )?\d{4})/gi;
  for (const s of sentences)
    for (const m of s.matchAll(re)) {
      const ord = /\b(\w+) (?:consecutive )?(?:year|quarter|month|period)s? (?:running|in a row)|\b(\w+) consecutive/i.exec(m[2] + ' ' + s.slice(m.index! + m[0].length));
      const word = (ord?.[1] ?? ord?.[2] ?? '').toLowerCase();
      const count = ORDINALS.indexOf(word);
      out.push({ sentence: s, sign: m[1].toLowerCase() === 'positive' ? 1 : -1, since: m[3], count: count > 0 ? count : undefined });
    }
  return out;
}

/**
 * What is wrong with a streak claim, judged against the data: the net balance of every comparable period
 * (same months of the year) from the "since" period to the report period must exist and have the claimed
 * sign, and "the Nth year running" must count those years. Returns undefined when the claim holds.
 */
export function streakProblem(claim: StreakClaim, series: SeriesPoint[], reportPeriod: string): string | undefined {
  const start = series.find((p) => p.label === claim.since);
  if (!start) return `no period labelled "${claim.since}" in the data`;
  const len = start.period.end - start.period.start;
  const month = start.period.start % 12;
  const end = parsePeriod(reportPeriod).end;
  const firstYear = Math.floor(start.period.start / 12);
  const comparable = series.filter((p) => p.period.end - p.period.start === len && p.period.start % 12 === month && p.period.start >= start.period.start && p.period.end <= end);
  const lastYear = Math.max(...comparable.map((p) => Math.floor(p.period.start / 12)));
  for (let y = firstYear; y <= lastYear; y++) {
    const p = comparable.find((x) => Math.floor(x.period.start / 12) === y);
    if (!p || p.net === undefined) return `no net migration figure for the ${y} period, yet the streak runs through it`;
    if (Math.sign(p.net) !== claim.sign) return `net migration in ${p.label} was ${p.net}, not ${claim.sign > 0 ? 'positive' : 'negative'}`;
  }
  const years = lastYear - firstYear + 1;
  if (claim.count !== undefined && claim.count !== years) return `"${ORDINALS[claim.count]}" but the streak from ${claim.since} covers ${years} period(s)`;
  return undefined;
}

/**
 * The series a figure is attributed to in a sentence: the last series word before it (arrivals, departures,
 * net migration / balance). "Arrivals for permanent residence (7,289) was …" attributes 7,289 to arrivals.
 */
export function attributedSeries(sentence: string, figure: string): ('arrivals' | 'departures' | 'net')[] {
  const out: ('arrivals' | 'departures' | 'net')[] = [];
  const esc = figure.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const m of sentence.matchAll(new RegExp(`(?<![\\d,.])[−-]?${esc}(?![\\d,]|\\.\\d)`, 'g'))) {
    const before = sentence.slice(0, m.index);
    const words = [...before.matchAll(/\b(arrivals?|arrived|departures?|left|net migration|balance)\b/gi)];
    const last = words.at(-1)?.[1].toLowerCase();
    if (!last) continue;
    out.push(last.startsWith('arriv') ? 'arrivals' : last.startsWith('depart') || last === 'left' ? 'departures' : 'net');
  }
  return out;
}
