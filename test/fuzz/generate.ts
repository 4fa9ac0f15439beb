// Fuzzing: fast-check arbitraries of *valid* data folders (docs/data.md), written to disk as real CSV files.
//
// A generated folder is a `Spec`: the reference files (copied from data/reference/, countries.csv possibly
// mutated: a country in two groups, a renamed country) and observation rows. Values are kept as integers in
// minor units (`v` with `dec` decimals: 6773 with dec 1 is "677.3") so that the metamorphic transforms
// (multiplying counts by k, swapping periods) are exact. Every Spec also records which periods its report
// sections compare (`swaps`), for the period-swap property.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { processAlive } from '../../src/publish/interrupt.ts';

export const REPO = join(import.meta.dirname, '..', '..');
const REFERENCE_DIR = join(REPO, 'data', 'reference');

// ── CSV ──────────────────────────────────────────────────────────────────────────────────────────────

export function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) out.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    if (row.some((f) => f !== '')) out.push(row);
  }
  return out;
}

const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
export const toCsv = (rows: string[][]) => rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';

// ── The folder model ─────────────────────────────────────────────────────────────────────────────────

export interface Row {
  indicator: string;
  period: string;
  country: string;
  region: string;
  breakdown: string;
  /** Value in minor units (value = v / 10^dec); null exactly when status is M. */
  v: number | null;
  dec: number;
  unit: 'persons' | 'usd_million' | 'percent' | 'ratio';
  status: 'A' | 'P' | 'E' | 'I' | 'M';
  source: string;
  /** Observation file name (without .csv). */
  file: string;
}

/** Two periods a report section compares: swapping their values must flip every direction word. */
export interface Swap {
  indicators: string[];
  a: string;
  b: string;
}

export interface Spec {
  /** countries.csv as rows, header first. */
  countries: string[][];
  rows: Row[];
  /** Periods with a narrative folder (report.yaml, policy.yaml, notes.yaml). */
  narratives: string[];
  swaps: Swap[];
  /** What the generator was asked for (for reading a failure). */
  notes: string[];
}

export const EN_NAME_COLUMN = 'name_en';

export function rawValue(r: Row): string {
  if (r.v === null) return '';
  const neg = r.v < 0;
  const abs = Math.abs(r.v);
  if (r.dec === 0) return `${neg ? '-' : ''}${abs}`;
  const s = String(abs).padStart(r.dec + 1, '0');
  return `${neg ? '-' : ''}${s.slice(0, -r.dec)}.${s.slice(-r.dec)}`;
}

export const valueOf = (r: Row): number | null => (r.v === null ? null : r.v / 10 ** r.dec);

const OBS_HEADER = ['indicator', 'period', 'country', 'region', 'breakdown', 'value', 'unit', 'status', 'source'];

/** The temporary folders writeSpec made that removeDir has not removed yet. */
const temporary = new Set<string>();
/** A temporary folder names the process that made it (migreport-fuzz-<pid>-XXXXXX), for removeOrphanedFolders. */
const TEMPORARY = /^migreport-fuzz-(\d+)-/;

/** Writes a Spec as a data folder (without `dir`, a temporary one, for removeDir); returns its path. */
export function writeSpec(spec: Spec, dir?: string): string {
  let root = dir;
  if (!root) temporary.add((root = mkdtempSync(join(tmpdir(), `migreport-fuzz-${process.pid}-`))));
  mkdirSync(join(root, 'reference'), { recursive: true });
  mkdirSync(join(root, 'observations'), { recursive: true });
  for (const f of ['indicators.csv', 'regions.csv', 'sources.csv']) writeFileSync(join(root, 'reference', f), readFileSync(join(REFERENCE_DIR, f)));
  writeFileSync(join(root, 'reference', 'countries.csv'), toCsv(spec.countries));
  const files = new Map<string, string[][]>();
  for (const r of spec.rows) {
    if (!files.has(r.file)) files.set(r.file, [OBS_HEADER]);
    files.get(r.file)!.push([r.indicator, r.period, r.country, r.region, r.breakdown, rawValue(r), r.unit, r.status, r.source]);
  }
  for (const [name, rows] of files) writeFileSync(join(root, 'observations', `${name}.csv`), toCsv(rows));
  for (const p of spec.narratives) {
    const d = join(root, 'narrative', p);
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'report.yaml'), `title: Fuzzed report\nsubtitle: Generated data\nperiod: "${p}"\npublished: 2025-01-15\npartners: [Fuzz]\n`);
    writeFileSync(join(d, 'policy.yaml'), 'developments: []\n');
    writeFileSync(join(d, 'notes.yaml'), 'notes: {}\n');
    // Its texts in the other languages, so every edition of every language can be built.
    writeFileSync(join(d, 'report.ru.yaml'), 'title: Сгенерированный отчёт\nsubtitle: Сгенерированные данные\npartners: [Генератор]\n');
    writeFileSync(join(d, 'report.kk.yaml'), 'title: Жасалған есеп\nsubtitle: Жасалған деректер\npartners: [Генератор]\n');
  }
  if (spec.notes.length) writeFileSync(join(root, 'GENERATED.txt'), spec.notes.join('\n') + '\n');
  return root;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  temporary.delete(dir);
}

/** Removes every temporary folder still there: for a run that is interrupted between writeSpec and removeDir. */
export function removeTemporaryFolders(): void {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  temporary.clear();
}

/**
 * Removes the temporary folders of runs whose process is gone: a run killed before it could remove its own
 * (SIGKILL, or `npm run fuzz` interrupted while busy: tsx kills its child when that does not answer the
 * signal within 30 ms). Returns how many were removed.
 */
export function removeOrphanedFolders(dir = tmpdir()): number {
  let removed = 0;
  for (const name of readdirSync(dir)) {
    const pid = Number(TEMPORARY.exec(name)?.[1] ?? NaN);
    if (Number.isNaN(pid) || pid === process.pid || processAlive(pid)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

// ── Reference data ───────────────────────────────────────────────────────────────────────────────────

const COUNTRIES: string[][] = parseCsv(readFileSync(join(REFERENCE_DIR, 'countries.csv'), 'utf8').replace(/^\uFEFF/, ''));
const col = (name: string) => COUNTRIES[0].indexOf(name);
const CIS = COUNTRIES.slice(1).filter((r) => r[col('groups')] === 'CIS').map((r) => r[0]).filter((c) => c !== 'KAZ');
const NONCIS = COUNTRIES.slice(1).filter((r) => r[col('groups')] === 'NONCIS').map((r) => r[0]);
const REGIONS = ['KZ-10', 'KZ-11', 'KZ-15', 'KZ-19', 'KZ-23', 'KZ-31', 'KZ-35', 'KZ-61', 'KZ-71', 'KZ-75', 'KZ-79'];
/** Former names and codes the loader maps to the current code. */
const REGION_SPELLINGS: Record<string, string[]> = { 'KZ-71': ['Nur-Sultan', 'KZ-AST', 'Astana'], 'KZ-61': ['South Kazakhstan region', 'KZ-YUZ'], 'KZ-31': ['Zhambyl region'] };

export function countriesTable(): string[][] {
  return COUNTRIES.map((r) => [...r]);
}

// ── Values ───────────────────────────────────────────────────────────────────────────────────────────

export interface GenOptions {
  /** Every member present in both compared periods, no M rows, changes between ×0.6 and ×1.6 or none: for the swap property. */
  swapSafe?: boolean;
}

/** How a value relates to the one it is compared with. */
type Relation = 'random' | 'equal' | 'zero_now' | 'zero_before' | 'tiny' | 'tiny_down' | 'x10' | 'near' | 'small_pct';

const relationArb = (o: GenOptions): fc.Arbitrary<Relation> =>
  o.swapSafe
    ? fc.constantFrom<Relation>('near', 'near', 'equal', 'small_pct')
    : fc.constantFrom<Relation>('random', 'random', 'near', 'equal', 'zero_now', 'zero_before', 'tiny', 'tiny_down', 'x10', 'small_pct');

/** [before, now] in minor units. `scale`: typical magnitude. */
function pairArb(scale: number, o: GenOptions): fc.Arbitrary<[number, number]> {
  return fc.tuple(relationArb(o), fc.integer({ min: 1, max: scale }), fc.integer({ min: 0, max: scale }), fc.integer({ min: -40, max: 60 })).map(([rel, a, b, pct]) => {
    switch (rel) {
      case 'equal':
        return o.swapSafe ? [1000 + a, 1000 + a] : [a, a];
      case 'zero_now':
        return [a, 0];
      case 'zero_before':
        return [0, a];
      case 'tiny': {
        const base = Math.max(a, 25_000);
        return [base, base + Math.max(1, Math.round(base * 0.0004))];
      }
      case 'tiny_down': {
        const base = Math.max(a, 25_000);
        return [base, base - Math.max(1, Math.round(base * 0.0004))];
      }
      case 'x10':
        return [a, a * 10];
      case 'near': {
        // Between ×0.6 and ×1.6, never equal: the swap property's changes (its inverse stays below ×2).
        const base = 1000 + a;
        const now = Math.round(base * (1 + pct / 100));
        return [base, now === base ? base + 1 : now];
      }
      case 'small_pct': {
        const base = 1000 + a;
        return [base, base + (pct >= 0 ? 1 : -1) * Math.round(base * 0.013)];
      }
      default:
        return [a, b];
    }
  });
}

const statusArb = (o: GenOptions) => fc.constantFrom<Row['status']>('A', 'A', 'A', 'A', 'A', 'E', 'I', 'P').map((s) => (o.swapSafe && s !== 'A' ? 'A' : s));

// ── Periods ──────────────────────────────────────────────────────────────────────────────────────────

const q = (y: number, n: number) => `${y}-Q${n}`;
function prevQuarter(y: number, n: number): [number, number] {
  return n === 1 ? [y - 1, 4] : [y, n - 1];
}
const pad = (m: number) => String(m).padStart(2, '0');
/** The same quarter written as a month range (same span; the loader treats them as one period). */
const quarterAsRange = (y: number, n: number) => `${y}-${pad(n * 3 - 2)}/${y}-${pad(n * 3)}`;

// ── Section generators ───────────────────────────────────────────────────────────────────────────────

interface Ctx {
  rows: Row[];
  swaps: Swap[];
  notes: string[];
  opts: GenOptions;
}

/** A round share (percent, dec 1 or 0) of part in whole, or a value off by `off` tenths. */
function shareRow(ind: string, period: string, country: string, whole: string, part: number, total: number, off: number, dec: number, file: string, source: string): Row | undefined {
  if (total <= 0) return undefined;
  const exact = (100 * part) / total;
  let v = Math.round(exact * 10 ** dec) + off;
  v = Math.max(0, Math.min(100 * 10 ** dec, v));
  return { indicator: ind, period, country, region: '', breakdown: `whole=${whole}`, v, dec, unit: 'percent', status: 'A', source, file };
}

function changeRow(ind: string, period: string, vs: string, country: string, before: number, now: number, off: number, file: string, source: string): Row | undefined {
  if (before <= 0) return undefined;
  const v = Math.round(1000 * (now / before - 1)) + off;
  return { indicator: ind, period, country, region: '', breakdown: `vs=${vs}`, v, dec: 1, unit: 'percent', status: 'A', source, file };
}

interface PartnerSpec {
  indicator: string;
  unit: Row['unit'];
  dec: number;
  scale: number;
  now: string;
  before?: string;
  /** Report group totals (CIS, NONCIS) and _T, and list members of the groups; else only _T and members. */
  grouped: boolean;
  file: string;
  source: string;
  /** Published derived indicators to add (agreeing or not). */
  shareIndicator?: string;
  changeIndicator?: string;
  changeAbsIndicator?: string;
}

const partnerDraws = (o: GenOptions, scale: number) =>
  fc.record({
    cis: fc.subarray(CIS, { minLength: 0, maxLength: 5 }),
    noncis: fc.subarray(NONCIS.slice(0, 16), { minLength: 0, maxLength: 5 }),
    pairs: fc.array(pairArb(scale, o), { minLength: 12, maxLength: 12 }),
    statuses: fc.array(statusArb(o), { minLength: 24, maxLength: 24 }),
    beforeMask: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    cisRow: fc.constantFrom(true, true, false),
    noncisRow: fc.constantFrom(true, true, false),
    totalRow: fc.constantFrom(true, true, false),
    rest: fc.constantFrom(0, 0, 0, 1, 17, Math.round(scale / 10)),
    shareOff: fc.constantFrom(0, 0, 0, 7, -12),
    changeOff: fc.constantFrom(0, 0, 0, 5, -300),
    publishShares: fc.boolean(),
    publishChanges: fc.boolean(),
    missingMember: fc.boolean(),
    groupsBefore: fc.constantFrom('all', 'groups', 'none'),
  });

type PartnerDraw = ReturnType<typeof partnerDraws> extends fc.Arbitrary<infer T> ? T : never;

function partnerRows(ctx: Ctx, s: PartnerSpec, d: PartnerDraw): void {
  const o = ctx.opts;
  const mk = (period: string, country: string, v: number | null, status: Row['status']): Row => ({
    indicator: s.indicator, period, country, region: '', breakdown: '', v, dec: s.dec, unit: s.unit, status: v === null ? 'M' : status, source: s.source, file: s.file,
  });
  const members = s.grouped ? [...d.cis, ...d.noncis] : [...d.cis, ...d.noncis].slice(0, 6);
  const now = new Map<string, number>();
  const before = new Map<string, number>();
  members.forEach((c, i) => {
    const [b, n] = d.pairs[i % d.pairs.length];
    now.set(c, n);
    if (s.before && (o.swapSafe || d.groupsBefore === 'all' || (d.groupsBefore === 'groups' && d.beforeMask[i % 12] && i % 3 === 0))) before.set(c, b);
  });
  const sum = (m: Map<string, number>, list: string[]) => list.reduce((t, c) => t + (m.get(c) ?? 0), 0);
  let k = 0;
  const st = () => d.statuses[k++ % d.statuses.length];
  const emit = (period: string, m: Map<string, number>, withGroups: boolean, groupBase: Map<string, number>) => {
    for (const c of members) if (m.has(c)) ctx.rows.push(mk(period, c, m.get(c)!, st()));
    const totals = new Map<string, number>();
    if (s.grouped && withGroups) {
      const cisV = sum(groupBase, d.cis) + d.rest;
      const nonV = sum(groupBase, d.noncis) + d.rest;
      if (d.cisRow || o.swapSafe) (totals.set('CIS', cisV), ctx.rows.push(mk(period, 'CIS', cisV, st())));
      if (d.noncisRow || o.swapSafe) (totals.set('NONCIS', nonV), ctx.rows.push(mk(period, 'NONCIS', nonV, st())));
      if (d.totalRow || o.swapSafe) (totals.set('_T', cisV + nonV + d.rest), ctx.rows.push(mk(period, '_T', cisV + nonV + d.rest, st())));
    } else if (withGroups && (d.totalRow || o.swapSafe)) {
      const t = sum(groupBase, members) + d.rest;
      totals.set('_T', t);
      ctx.rows.push(mk(period, '_T', t, st()));
    }
    return totals;
  };
  const totalsNow = emit(s.now, now, true, now);
  let totalsBefore = new Map<string, number>();
  if (s.before) {
    // The baseline's group totals: from the members' baseline values where every member has one, else made up.
    const base = new Map(members.map((c, i) => [c, before.get(c) ?? d.pairs[i % 12][0]]));
    if (o.swapSafe || d.groupsBefore !== 'none') totalsBefore = emit(s.before, before, true, base);
    if (!o.swapSafe && d.missingMember && members.length > 0 && !before.has(members[0])) ctx.rows.push(mk(s.before, members[0], null, 'M'));
    ctx.swaps.push({ indicators: [s.indicator], a: s.now, b: s.before });
  }
  if (o.swapSafe) return;
  // Published derived rows: shares of the current period, changes against the baseline.
  if (s.shareIndicator && d.publishShares) {
    for (const c of members) {
      const g = s.grouped ? (d.cis.includes(c) ? 'CIS' : 'NONCIS') : '_T';
      const whole = totalsNow.get(g);
      if (whole === undefined) continue;
      const r = shareRow(s.shareIndicator, s.now, c, g, now.get(c)!, whole, c === members[0] ? d.shareOff : 0, c === members[members.length - 1] ? 0 : 1, s.file, s.source);
      if (r) ctx.rows.push(r);
    }
    if (s.grouped && totalsNow.has('_T'))
      for (const g of ['CIS', 'NONCIS']) {
        const part = totalsNow.get(g);
        const r = part !== undefined ? shareRow(s.shareIndicator, s.now, g, '_T', part, totalsNow.get('_T')!, 0, 0, s.file, s.source) : undefined;
        if (r) ctx.rows.push(r);
      }
  }
  if (s.before && s.changeIndicator && d.publishChanges) {
    const both = [...totalsNow.keys(), ...members].filter((c) => (totalsNow.get(c) ?? now.get(c)) !== undefined && (totalsBefore.get(c) ?? before.get(c)) !== undefined);
    for (const c of both) {
      const r = changeRow(s.changeIndicator, s.now, s.before, c, totalsBefore.get(c) ?? before.get(c)!, totalsNow.get(c) ?? now.get(c)!, c === both[0] ? d.changeOff : 0, s.file, s.source);
      if (r) ctx.rows.push(r);
    }
    if (s.changeAbsIndicator && totalsNow.has('_T') && totalsBefore.has('_T'))
      ctx.rows.push({ indicator: s.changeAbsIndicator, period: s.now, country: '_T', region: '', breakdown: `vs=${s.before}`, v: totalsNow.get('_T')! - totalsBefore.get('_T')!, dec: s.dec, unit: s.unit, status: 'A', source: s.source, file: s.file });
  }
}

// IOM quarterly ---------------------------------------------------------------------------------------

const iomArb = (o: GenOptions) =>
  fc.record({
    year: fc.integer({ min: 2022, max: 2024 }),
    quarter: fc.integer({ min: 1, max: 4 }),
    asRange: fc.constantFrom(false, false, false, true),
    arrivals: partnerDraws(o, 2_000_000),
    departures: partnerDraws(o, 2_000_000),
    laterTotals: fc.integer({ min: 0, max: 3 }),
    laterValues: fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 6, maxLength: 6 }),
    // The report of the last later quarter: a series of three or four quarters (the series chart and sentence).
    reportLater: fc.boolean(),
    trp: fc.option(fc.tuple(partnerDraws(o, 150_000), fc.boolean()), { nil: undefined, freq: 3 }),
    prp: fc.option(fc.tuple(partnerDraws(o, 20_000), partnerDraws(o, 20_000), fc.boolean(), fc.constantFrom(0, 0, 1, -1), fc.boolean()), { nil: undefined, freq: 3 }),
    kandas: fc.option(
      fc.record({
        granted: fc.integer({ min: 0, max: 40_000 }),
        total: fc.integer({ min: 0, max: 1_500_000 }),
        age: fc.array(fc.integer({ min: 0, max: 700 }), { minLength: 3, maxLength: 3 }),
        education: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 0, maxLength: 3 }),
        day: fc.constantFrom('09-01', '01-01', '12-31', '06-30'),
        // Shares by country of origin as published (weights, and a rest left to other countries).
        origin: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 0, maxLength: 5 }),
        originRest: fc.integer({ min: 0, max: 300 }),
      }),
      { nil: undefined, freq: 3 },
    ),
    remitOut: fc.option(fc.tuple(partnerDraws(o, 3000), fc.constantFrom('range', 'half', 'year', 'quarter')), { nil: undefined, freq: 3 }),
    remitIn: fc.option(fc.tuple(partnerDraws(o, 3000), fc.constantFrom('range', 'half', 'year', 'quarter')), { nil: undefined, freq: 3 }),
  });

function iomRows(ctx: Ctx, d: ReturnType<typeof iomArb> extends fc.Arbitrary<infer T> ? T : never): string {
  const o = ctx.opts;
  const { year: y, quarter: n } = d;
  const [py, pn] = prevQuarter(y, n);
  const now = d.asRange && !o.swapSafe ? quarterAsRange(y, n) : q(y, n);
  const before = q(py, pn);
  let report = q(y, n);
  partnerRows(ctx, { indicator: 'border_arrivals', unit: 'persons', dec: 0, scale: 2_000_000, now, before, grouped: true, file: 'border', source: 'border-service-2024', shareIndicator: 'border_arrivals_share', changeIndicator: 'border_arrivals_change' }, d.arrivals);
  partnerRows(ctx, { indicator: 'border_departures', unit: 'persons', dec: 0, scale: 2_000_000, now, before, grouped: true, file: 'border', source: 'border-service-2024', shareIndicator: 'border_departures_share', changeIndicator: 'border_departures_change' }, d.departures);
  if (!o.swapSafe) {
    // Later quarters with totals only (as the sample's border-2024.csv).
    let [ly, ln] = [y, n];
    for (let i = 0; i < d.laterTotals; i++) {
      [ly, ln] = ln === 4 ? [ly + 1, 1] : [ly, ln + 1];
      for (const ind of ['border_arrivals', 'border_departures'])
        ctx.rows.push({ indicator: ind, period: q(ly, ln), country: '_T', region: '', breakdown: '', v: d.laterValues[(i * 2 + (ind === 'border_arrivals' ? 0 : 1)) % 6], dec: 0, unit: 'persons', status: 'A', source: 'iom-sitrep-2024-q1', file: 'border-later' });
    }
    if (d.reportLater && d.laterTotals > 0) report = q(ly, ln);
  }
  if (d.trp) {
    const [draw, withBefore] = d.trp;
    partnerRows(ctx, { indicator: 'trp_holders', unit: 'persons', dec: 0, scale: 150_000, now: q(y, n), before: withBefore || o.swapSafe ? before : undefined, grouped: false, file: 'permits', source: 'mia-msc-2023' }, draw);
  }
  if (d.prp) {
    const [issued, terminated, withBefore, balanceOff, publishBalance] = d.prp;
    const py2 = String(y - 1);
    const by = withBefore || o.swapSafe ? String(y - 2) : undefined;
    // Same members for issued and terminated, so balances by country exist.
    partnerRows(ctx, { indicator: 'prp_issued', unit: 'persons', dec: 0, scale: 20_000, now: py2, before: by, grouped: true, file: 'permits', source: 'bns-2023', shareIndicator: 'prp_issued_share' }, issued);
    partnerRows(ctx, { indicator: 'prp_terminated', unit: 'persons', dec: 0, scale: 20_000, now: py2, before: by, grouped: true, file: 'permits', source: 'bns-2023' }, { ...terminated, cis: issued.cis, noncis: issued.noncis });
    if (by) {
      // One swap for the pair: the balance is compared across the same two years.
      const i = ctx.swaps.findIndex((s) => s.indicators[0] === 'prp_issued');
      const j = ctx.swaps.findIndex((s) => s.indicators[0] === 'prp_terminated');
      ctx.swaps.splice(Math.max(i, j), 1);
      ctx.swaps[Math.min(i, j)] = { indicators: ['prp_issued', 'prp_terminated'], a: py2, b: by };
    }
    if (publishBalance && !o.swapSafe)
      for (const g of ['CIS', 'NONCIS']) {
        const a = ctx.rows.find((r) => r.indicator === 'prp_issued' && r.period === py2 && r.country === g);
        const b = ctx.rows.find((r) => r.indicator === 'prp_terminated' && r.period === py2 && r.country === g);
        if (a?.v != null && b?.v != null) ctx.rows.push({ indicator: 'prp_balance', period: py2, country: g, region: '', breakdown: '', v: a.v - b.v + balanceOff, dec: 0, unit: 'persons', status: 'A', source: 'iom-2023-q4', file: 'permits' });
      }
  }
  if (d.kandas && !o.swapSafe) {
    const k = d.kandas;
    const date = `${y}-${k.day}`;
    const base = { period: date, country: '_T', region: '', status: 'A' as const, source: 'mlsp-2023', file: 'kandas' };
    ctx.rows.push({ ...base, indicator: 'kandas_granted', breakdown: '', v: k.granted, dec: 0, unit: 'persons' });
    ctx.rows.push({ ...base, indicator: 'kandas_total', breakdown: '', v: k.total, dec: 0, unit: 'persons' });
    ['working', 'under_working', 'over_working'].forEach((g, i) => ctx.rows.push({ ...base, indicator: 'kandas_by_age', breakdown: `age=${g}`, v: Math.min(1000, k.age[i]), dec: 1, unit: 'percent' }));
    ['higher', 'specialised_secondary', 'general_secondary'].slice(0, k.education.length).forEach((e, i) =>
      ctx.rows.push({ ...base, indicator: 'kandas_by_education', breakdown: `education=${e};age=working`, v: k.education[i], dec: 1, unit: 'percent' }),
    );
    const weights = k.origin.reduce((t, w) => t + w, 0) + k.originRest;
    ['UZB', 'CHN', 'MNG', 'RUS', 'TKM'].slice(0, k.origin.length).forEach((c, i) =>
      ctx.rows.push({ ...base, indicator: 'kandas_by_origin', country: c, breakdown: '', v: Math.round((1000 * k.origin[i]) / weights), dec: 1, unit: 'percent', source: 'kaztag-2023-09' }),
    );
  }
  for (const [indicator, draw] of [['remittances_out', d.remitOut], ['remittances_in', d.remitIn]] as const) {
    if (!draw) continue;
    const [partners, form] = draw;
    const span = (yy: number) => (form === 'range' ? `${yy}-Q1/${yy}-Q3` : form === 'half' ? `${yy}-01/${yy}-06` : form === 'year' ? String(yy) : q(yy, n));
    const ry = form === 'year' ? y - 1 : y;
    partnerRows(ctx, { indicator, unit: 'usd_million', dec: 1, scale: 3000, now: span(ry), before: span(ry - 1), grouped: false, file: 'remittances', source: 'nbrk-2023', shareIndicator: `${indicator}_share`, changeIndicator: `${indicator}_change`, changeAbsIndicator: `${indicator}_change_abs` }, partners);
  }
  return report;
}

// BNS release -----------------------------------------------------------------------------------------

const bnsArb = (o: GenOptions) =>
  fc.record({
    form: fc.constantFrom('cum_q1', 'cum_h1', 'quarter', 'year', 'month'),
    lastYear: fc.integer({ min: 2023, max: 2025 }),
    years: fc.integer({ min: o.swapSafe ? 2 : 1, max: o.swapSafe ? 2 : 6 }),
    gaps: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    missing: fc.boolean(),
    values: fc.array(fc.tuple(fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 0, max: 30_000 }), fc.constantFrom('random', 'random', 'equal_net', 'tie_prev', 'near')), { minLength: 6, maxLength: 6 }),
    swapPair: pairArb(30_000, o),
    swapDep: pairArb(30_000, o),
    shares: fc.array(fc.integer({ min: 400, max: 1000 }), { minLength: 6, maxLength: 6 }),
    shareDec: fc.constantFrom(0, 1),
    statuses: fc.array(statusArb(o), { minLength: 12, maxLength: 12 }),
    publishNet: fc.constantFrom(0, 0, 1, 1, 2),
    publishChange: fc.boolean(),
    // Published ratios as written: 1.0, 0.5, 1.5, 2, 2.2, 0.9996, 1.0004, 1.996, 1.000, 1.
    ratio: fc.option(fc.constantFrom<[number, number]>([10, 1], [5, 1], [15, 1], [2, 0], [22, 1], [9996, 4], [10004, 4], [1996, 3], [1000, 3], [1, 0]), { nil: undefined, freq: 3 }),
    internalCounts: fc.option(pairArb(2_000_000, o), { nil: undefined, freq: 4 }),
    regions: fc.subarray(REGIONS, { minLength: 0, maxLength: 6 }),
    regionValues: fc.array(fc.integer({ min: -20_000, max: 20_000 }), { minLength: 6, maxLength: 6 }),
    regionZero: fc.boolean(),
    spelling: fc.boolean(),
  });

function bnsPeriod(form: string, y: number, n: number): string {
  switch (form) {
    case 'cum_q1':
      return `${y}-01/${y}-03`;
    case 'cum_h1':
      return `${y}-01/${y}-06`;
    case 'quarter':
      return q(y, n);
    case 'month':
      return `${y}-${pad(n * 3)}`;
    default:
      return String(y);
  }
}

function bnsRows(ctx: Ctx, d: ReturnType<typeof bnsArb> extends fc.Arbitrary<infer T> ? T : never): string[] {
  const o = ctx.opts;
  const file = 'bns-migration';
  const source = 'bns-release-2024-q1';
  const periods: string[] = [];
  const n = 1;
  let prevNet: number | undefined;
  for (let i = d.years - 1; i >= 0; i--) {
    const y = d.lastYear - i;
    const p = bnsPeriod(d.form, y, n);
    const gap = !o.swapSafe && i !== 0 && i !== d.years - 1 && d.gaps[i];
    if (gap) {
      // A gap in the series: no row at all, or an explicit M row.
      if (d.missing) ctx.rows.push({ indicator: 'pr_arrivals', period: p, country: '_T', region: '', breakdown: '', v: null, dec: 0, unit: 'persons', status: 'M', source, file });
      continue;
    }
    let [a, dep, kind] = d.values[i];
    if (o.swapSafe) {
      const pair = d.swapPair;
      const pd = d.swapDep;
      [a, dep] = i === 0 ? [pair[1], pd[1]] : [pair[0], pd[0]];
      kind = 'random';
    }
    if (kind === 'equal_net') dep = a;
    if (kind === 'tie_prev' && prevNet !== undefined) dep = Math.max(0, a - prevNet);
    if (kind === 'near' && prevNet !== undefined) dep = Math.max(0, a - prevNet - 1);
    prevNet = a - dep;
    const st = (k: number) => d.statuses[(i * 2 + k) % 12];
    ctx.rows.push({ indicator: 'pr_arrivals', period: p, country: '_T', region: '', breakdown: '', v: a, dec: 0, unit: 'persons', status: st(0), source, file });
    ctx.rows.push({ indicator: 'pr_departures', period: p, country: '_T', region: '', breakdown: '', v: dep, dec: 0, unit: 'persons', status: st(1), source, file });
    for (const ind of ['pr_arrivals_share', 'pr_departures_share'])
      ctx.rows.push({ indicator: ind, period: p, country: 'CIS', region: '', breakdown: 'whole=_T', v: d.shareDec ? d.shares[(i + ind.length) % 6] : Math.round(d.shares[(i + ind.length) % 6] / 10), dec: d.shareDec, unit: 'percent', status: 'A', source, file });
    if (d.publishNet && !o.swapSafe) ctx.rows.push({ indicator: 'pr_net_migration', period: p, country: '_T', region: '', breakdown: '', v: a - dep + (d.publishNet === 2 ? 100 : 0), dec: 0, unit: 'persons', status: 'A', source, file });
    periods.push(p);
  }
  const last = periods[periods.length - 1];
  const yearAgo = bnsPeriod(d.form, d.lastYear - 1, n);
  if (periods.includes(yearAgo)) {
    ctx.swaps.push({ indicators: ['pr_arrivals', 'pr_departures', 'pr_arrivals_share', 'pr_departures_share'], a: last, b: yearAgo });
    if (d.publishChange && !o.swapSafe) {
      for (const ind of ['pr_arrivals', 'pr_departures']) {
        const now = ctx.rows.find((r) => r.indicator === ind && r.period === last)!.v!;
        const before = ctx.rows.find((r) => r.indicator === ind && r.period === yearAgo)!.v!;
        const r = changeRow(`${ind}_change`, last, yearAgo, '_T', before, now, ind === 'pr_departures' ? -30 : 0, file, source);
        if (r) ctx.rows.push(r);
      }
    }
  }
  // Internal migration, for the quarter the series ends in.
  const lastQ = q(d.lastYear, 1);
  if (!o.swapSafe) {
    if (d.internalCounts) {
      const [b, nn] = d.internalCounts;
      ctx.rows.push({ indicator: 'internal_migrants', period: lastQ, country: '_T', region: '', breakdown: '', v: nn, dec: 0, unit: 'persons', status: 'A', source, file: 'internal' });
      ctx.rows.push({ indicator: 'internal_migrants', period: q(d.lastYear - 1, 1), country: '_T', region: '', breakdown: '', v: b, dec: 0, unit: 'persons', status: 'A', source, file: 'internal' });
    }
    if (d.ratio !== undefined) {
      const [v, dec] = d.ratio;
      ctx.rows.push({ indicator: 'internal_migrants_ratio', period: lastQ, country: '_T', region: '', breakdown: `vs=${q(d.lastYear - 1, 1)}`, v, dec, unit: 'ratio', status: 'A', source, file: 'internal' });
    }
    d.regions.forEach((r, i) => {
      const spelled = d.spelling && REGION_SPELLINGS[r] ? REGION_SPELLINGS[r][i % REGION_SPELLINGS[r].length] : r;
      const v = d.regionZero && i === 0 ? 0 : d.regionValues[i];
      ctx.rows.push({ indicator: 'interregional_net', period: last ?? lastQ, country: '_Z', region: spelled, breakdown: '', v, dec: 0, unit: 'persons', status: 'A', source, file: 'internal' });
    });
  }
  return periods;
}

// ── The whole folder ─────────────────────────────────────────────────────────────────────────────────

const referenceArb = fc.record({
  twoGroups: fc.subarray([...CIS, ...NONCIS.slice(0, 16)], { minLength: 0, maxLength: 2 }),
  rename: fc.option(fc.tuple(fc.constantFrom(...CIS, ...NONCIS.slice(0, 16)), fc.stringMatching(/^[A-Z][a-z]{3,9}( [A-Z][a-z]{3,9})?$/).map((n) => `Zq${n}`)), { nil: undefined, freq: 4 }),
});

/** Applies the reference mutations: countries in two groups, a renamed country. */
function mutateCountries(d: typeof referenceArb extends fc.Arbitrary<infer T> ? T : never, notes: string[]): string[][] {
  const table = countriesTable();
  const g = col('groups');
  for (const c of d.twoGroups) {
    const row = table.find((r) => r[0] === c)!;
    row[g] = 'CIS;NONCIS';
    notes.push(`countries.csv: ${c} in CIS;NONCIS`);
  }
  if (d.rename) {
    const row = table.find((r) => r[0] === d.rename![0])!;
    notes.push(`countries.csv: ${row[0]} name_en ${row[col('name_en')]} → ${d.rename[1]}`);
    row[col('name_en')] = d.rename[1];
  }
  return table;
}

/** Valid data folders: an IOM part and/or a BNS part, with reference mutations. */
export function specArb(opts: GenOptions = {}): fc.Arbitrary<Spec> {
  return fc
    .record({
      parts: fc.constantFrom('both', 'both', 'iom', 'bns'),
      iom: iomArb(opts),
      bns: bnsArb(opts),
      ref: opts.swapSafe ? fc.constant({ twoGroups: [] as string[], rename: undefined }) : referenceArb,
      narrate: fc.boolean(),
    })
    .map(({ parts, iom, bns, ref, narrate }) => {
      const ctx: Ctx = { rows: [], swaps: [], notes: [], opts };
      const narratives: string[] = [];
      if (parts !== 'bns') {
        const p = iomRows(ctx, iom);
        if (narrate) narratives.push(p);
      }
      if (parts !== 'iom') {
        const ps = bnsRows(ctx, bns);
        const last = ps[ps.length - 1];
        if (narrate && last && /^\d{4}(-Q\d)?$/.test(last) && !narratives.includes(last)) narratives.push(last);
      }
      if (ctx.rows.length === 0)
        ctx.rows.push({ indicator: 'border_arrivals', period: '2023-Q4', country: '_T', region: '', breakdown: '', v: 1, dec: 0, unit: 'persons', status: 'A', source: 'border-service-2024', file: 'border' });
      const countries = mutateCountries(ref, ctx.notes);
      return { countries, rows: dedupe(ctx.rows), narratives, swaps: ctx.swaps, notes: ctx.notes };
    });
}

/** Keeps the first of two rows with the same identity (the generator may draw a member twice). */
function dedupe(rows: Row[]): Row[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = [r.indicator, spanKey(r.period), r.country, r.region, r.breakdown.split(';').sort().join(';')].join('|');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function spanKey(p: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(p);
  if (m) return quarterAsRange(Number(m[1]), Number(m[2]));
  return p;
}

// ── Metamorphic transforms ───────────────────────────────────────────────────────────────────────────

const DERIVED_WITH_VS = /_(change|change_abs|ratio)$/;

/** Swaps the values of every compared pair of periods (rows relabelled), dropping published changes of those series. */
export function swapPeriods(spec: Spec): Spec {
  let rows = spec.rows.map((r) => ({ ...r }));
  for (const s of spec.swaps) {
    const inds = new Set(s.indicators);
    rows = rows.filter((r) => !(DERIVED_WITH_VS.test(r.indicator) && inds.has(r.indicator.replace(DERIVED_WITH_VS, ''))));
    for (const r of rows) {
      if (!inds.has(r.indicator) && !inds.has(r.indicator.replace(/_share$/, ''))) continue;
      if (r.period === s.a) r.period = s.b;
      else if (r.period === s.b) r.period = s.a;
    }
  }
  return { ...spec, rows };
}

const SCALED_UNITS = new Set(['persons', 'usd_million']);

/** Multiplies every count and amount (persons, usd_million: levels, balances, absolute changes) by k. */
export function scaleCounts(spec: Spec, k: number): Spec {
  return { ...spec, rows: spec.rows.map((r) => (SCALED_UNITS.has(r.unit) && r.v !== null ? { ...r, v: r.v * k } : r)) };
}

/** Shuffles the rows of every observation file and of countries.csv (header kept first). */
export function shuffleRows(spec: Spec, order: number[]): Spec {
  const perm = <T,>(xs: T[]): T[] => {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = order[i % order.length] % (i + 1);
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  };
  return { ...spec, rows: perm(spec.rows), countries: [spec.countries[0], ...perm(spec.countries.slice(1))] };
}

/** Renames one country (name_en). */
export function renameCountry(spec: Spec, code: string, name: string): Spec {
  const c = spec.countries[0].indexOf(EN_NAME_COLUMN);
  return { ...spec, countries: spec.countries.map((r) => (r[0] === code ? r.map((x, i) => (i === c ? name : x)) : r)) };
}

export function nameOf(spec: Spec, code: string): string {
  const c = spec.countries[0].indexOf(EN_NAME_COLUMN);
  return spec.countries.find((r) => r[0] === code)?.[c] ?? code;
}
