// The edited copies of data/ behind docs/fact-check.md (appendix "the edit behind each case"), one function per
// case. Each copies the sample data folder to a temporary directory and edits its CSV files programmatically.
// None of the data files in data/ is changed; the copies are removed after the test file's last test.
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from '../temp.ts';

export const SAMPLE_DIR = resolve(import.meta.dirname, '../../data');

export type Template = 'iom-quarterly' | 'bns-release';

/** One run of a case: the report period and template, as `migreport text --period P --template T`. */
export interface Run {
  period: string;
  template: Template;
}

export interface Case {
  name: string;
  /** The edit, as the appendix of docs/fact-check.md describes it. */
  edit: string;
  runs: Run[];
  /** Builds the edited data folder; returns its path. */
  build(): string;
}

// ---------------------------------------------------------------------------------------------------------------
// CSV editing. The data files hold no quoted fields (checked by `Csv.read`), so a plain split is exact.

export type Row = Record<string, string>;

export class Csv {
  constructor(
    readonly path: string,
    readonly header: string[],
    public rows: Row[],
  ) {}

  static read(path: string): Csv {
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    if (text.includes('"')) throw new Error(`${path}: quoted CSV fields are not supported by the fact-check helper`);
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    const header = lines[0].split(',');
    const rows = lines.slice(1).map((l) => {
      const cells = l.split(',');
      return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
    });
    return new Csv(path, header, rows);
  }

  write(): void {
    writeFileSync(this.path, [this.header.join(','), ...this.rows.map((r) => this.header.map((h) => r[h] ?? '').join(','))].join('\n') + '\n');
  }
}

/** Which observation rows an edit applies to; every given field must match exactly (a function: any test). */
export interface Match {
  file?: string;
  indicator?: string | RegExp;
  period?: string;
  country?: string;
  region?: string;
  breakdown?: string;
  unit?: string;
  status?: string;
  where?: (r: Row) => boolean;
}

function matches(r: Row, m: Match): boolean {
  if (m.indicator !== undefined && (typeof m.indicator === 'string' ? r.indicator !== m.indicator : !m.indicator.test(r.indicator))) return false;
  for (const k of ['period', 'country', 'region', 'breakdown', 'unit', 'status'] as const) if (m[k] !== undefined && r[k] !== m[k]) return false;
  if (m.where && !m.where(r)) return false;
  return true;
}

/**
 * An edited copy of data/ as the fact-check found it: the release's and the compilation's rows. The press brief's
 * long series (observations/press-brief.csv, added later) is left out, so each case holds the data it describes.
 */
export class DataCopy {
  readonly dir: string;

  constructor(from = SAMPLE_DIR) {
    // Kept until the file's last test: test/factcheck/text.ts loads each case once and later tests reuse it.
    this.dir = tempDir('migreport-factcheck-', 'file');
    cpSync(from, this.dir, { recursive: true, filter: (src) => !src.endsWith(join('observations', 'press-brief.csv')) });
  }

  obsFiles(): string[] {
    return readdirSync(join(this.dir, 'observations')).filter((f) => f.endsWith('.csv')).sort();
  }

  /** Applies fn to every observation file (or one), writing each back. */
  eachFile(fn: (csv: Csv, file: string) => void, only?: string): this {
    for (const f of this.obsFiles()) {
      if (only && f !== only) continue;
      const csv = Csv.read(join(this.dir, 'observations', f));
      fn(csv, f);
      csv.write();
    }
    return this;
  }

  rows(m: Match): Row[] {
    const out: Row[] = [];
    this.eachFile((csv) => out.push(...csv.rows.filter((r) => matches(r, m))), m.file);
    return out;
  }

  /** Removes the matching rows; throws if none matched (an edit that does nothing is a bug in the case). */
  remove(m: Match, opts: { allowNone?: boolean } = {}): this {
    let n = 0;
    this.eachFile((csv) => {
      const before = csv.rows.length;
      csv.rows = csv.rows.filter((r) => !matches(r, m));
      n += before - csv.rows.length;
    }, m.file);
    if (!n && !opts.allowNone) throw new Error(`remove: no row matches ${JSON.stringify(m)}`);
    return this;
  }

  /** Changes fields of the matching rows (at least one must match). */
  update(m: Match, fields: Partial<Row> | ((r: Row) => Partial<Row>)): this {
    let n = 0;
    this.eachFile((csv) => {
      for (const r of csv.rows)
        if (matches(r, m)) {
          Object.assign(r, typeof fields === 'function' ? fields(r) : fields);
          n++;
        }
    }, m.file);
    if (!n) throw new Error(`update: no row matches ${JSON.stringify(m)}`);
    return this;
  }

  /** Sets the value of exactly one existing row. */
  set(m: Match, value: number | string, extra: Partial<Row> = {}): this {
    const found = this.rows(m);
    if (found.length !== 1) throw new Error(`set: ${found.length} rows match ${JSON.stringify(m)}`);
    return this.update(m, { value: String(value), ...extra });
  }

  /** Appends a row to an observation file (defaults: no region/breakdown, status A). */
  add(file: string, row: { indicator: string; period: string; country?: string; region?: string; breakdown?: string; value: number | string; unit: string; status?: string; source: string }): this {
    this.eachFile((csv) => {
      csv.rows.push({
        indicator: row.indicator,
        period: row.period,
        country: row.country ?? '_T',
        region: row.region ?? '',
        breakdown: row.breakdown ?? '',
        value: String(row.value),
        unit: row.unit,
        status: row.status ?? 'A',
        source: row.source,
      });
    }, file);
    return this;
  }

  /** Sets the value of a row, adding it when absent. */
  upsert(file: string, row: Parameters<DataCopy['add']>[1]): this {
    const m: Match = { file, indicator: row.indicator, period: row.period, country: row.country ?? '_T', region: row.region ?? '', breakdown: row.breakdown ?? '' };
    return this.rows(m).length ? this.set(m, row.value, row.status ? { status: row.status } : {}) : this.add(file, row);
  }

  /** "No published derived rows": drops the file's published share, change and balance rows. */
  dropDerived(file: string, indicator: RegExp = /_(share|change|change_abs|balance)$/): this {
    return this.remove({ file, indicator });
  }

  reference(name: string, fn: (csv: Csv) => void): this {
    const csv = Csv.read(join(this.dir, 'reference', name));
    fn(csv);
    csv.write();
    return this;
  }

  writeFile(rel: string, text: string): this {
    writeFileSync(join(this.dir, rel), text);
    return this;
  }

  readFile(rel: string): string {
    return readFileSync(join(this.dir, rel), 'utf8');
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Shorthands for the files and periods of the sample.

const BNS = 'bns-migration.csv';
const BORDER = 'border-2023-q4.csv';
const REMIT = 'remittances-2023.csv';
const PERMITS = 'permits-2023.csv';
const KANDAS = 'kandas-2023.csv';

const Q1_2022 = '2022-01/2022-03';
const Q1_2023 = '2023-01/2023-03';
const Q1_2024 = '2024-01/2024-03';
const R2022 = '2022-Q1/2022-Q3';
const R2023 = '2023-Q1/2023-Q3';

const IOM_Q4: Run[] = [{ period: '2023-Q4', template: 'iom-quarterly' }];
const BNS_Q1: Run[] = [{ period: '2024-Q1', template: 'bns-release' }];
const BOTH: Run[] = [
  { period: '2023-Q4', template: 'iom-quarterly' },
  { period: '2024-Q1', template: 'iom-quarterly' },
  { period: '2023-Q4', template: 'bns-release' },
  { period: '2024-Q1', template: 'bns-release' },
];

/** A deterministic PRNG (mulberry32) for the shuffle cases. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
  const a = xs.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function def(name: string, edit: string, runs: Run[], fn: (d: DataCopy) => void): Case {
  return {
    name,
    edit,
    runs,
    build() {
      const d = new DataCopy();
      fn(d);
      return d.dir;
    },
  };
}

/** The unmodified sample (several fact-check items are on it). */
export const sample = def('sample', 'unmodified data/', [], () => {});

// ---------------------------------------------------------------------------------------------------------------
// The appendix cases, in its order.

export const swap_border = def('swap_border', 'border_arrivals/departures rows: period 2023-Q3↔2023-Q4; published border derived rows dropped', IOM_Q4, (d) => {
  d.update({ file: BORDER, indicator: /^border_(arrivals|departures)$/, where: (r) => r.period === '2023-Q3' || r.period === '2023-Q4' }, (r) => ({ period: r.period === '2023-Q3' ? '2023-Q4' : '2023-Q3' }));
  d.dropDerived(BORDER);
});

export const swap_remit = def('swap_remit', 'remittances_out/in rows: 2022-Q1/2022-Q3↔2023-Q1/2023-Q3; derived rows dropped', IOM_Q4, (d) => {
  d.update({ file: REMIT, indicator: /^remittances_(out|in)$/, where: (r) => r.period === R2022 || r.period === R2023 }, (r) => ({ period: r.period === R2022 ? R2023 : R2022 }));
  d.dropDerived(REMIT);
});

export const swap_bns = def('swap_bns', 'all pr_* rows: 2023-01/2023-03↔2024-01/2024-03; pr_*_change dropped', BNS_Q1, (d) => {
  d.update({ file: BNS, indicator: /^pr_/, where: (r) => r.period === Q1_2023 || r.period === Q1_2024 }, (r) => ({ period: r.period === Q1_2023 ? Q1_2024 : Q1_2023 }));
  d.remove({ file: BNS, indicator: /^pr_.*_change$/ });
});

export const x10 = def('x10', 'every persons/usd_million value ×10', BOTH, (d) => {
  d.update({ where: (r) => (r.unit === 'persons' || r.unit === 'usd_million') && r.value !== '' }, (r) => ({ value: String(Math.round(Number(r.value) * 10 * 1000) / 1000) }));
});

function shuffled(seed: number): Case {
  return def(`shuffle${seed}`, `rows of every observation file and of countries.csv shuffled (seed ${seed})`, BOTH, (d) => {
    const rand = rng(seed);
    d.eachFile((csv) => {
      csv.rows = shuffle(csv.rows, rand);
    });
    d.reference('countries.csv', (csv) => {
      csv.rows = shuffle(csv.rows, rand);
    });
  });
}
export const shuffle1 = shuffled(1);
export const shuffle2 = shuffled(2);
export const shuffle3 = shuffled(3);

export const zero_remit = def('zero_remit', 'remittances_out 2023 _T 844.1, KGZ 67.1, RUS 245.4 (equal to 2022)', IOM_Q4, (d) => {
  d.set({ indicator: 'remittances_out', period: R2023, country: '_T' }, 844.1);
  d.set({ indicator: 'remittances_out', period: R2023, country: 'KGZ' }, 67.1);
  d.set({ indicator: 'remittances_out', period: R2023, country: 'RUS' }, 245.4);
});

export const tiny_remit = def('tiny_remit', 'remittances_out 2023 _T = 844.44 (+0.04 %)', IOM_Q4, (d) => {
  d.set({ indicator: 'remittances_out', period: R2023, country: '_T' }, 844.44);
});

export const tiny_remit2 = def('tiny_remit2', 'remittances_out 2023 _T = 844.14', IOM_Q4, (d) => {
  d.set({ indicator: 'remittances_out', period: R2023, country: '_T' }, 844.14);
});

export const big_remit = def('big_remit', 'remittances_out 2022 KGZ 11.15, GEO 20.4, CHN 0; 2023 TUR 0; remittances_in 2022 UZB 5', IOM_Q4, (d) => {
  d.set({ indicator: 'remittances_out', period: R2022, country: 'KGZ' }, 11.15);
  d.set({ indicator: 'remittances_out', period: R2022, country: 'GEO' }, 20.4);
  d.set({ indicator: 'remittances_out', period: R2022, country: 'CHN' }, 0);
  d.set({ indicator: 'remittances_out', period: R2023, country: 'TUR' }, 0);
  d.set({ indicator: 'remittances_in', period: R2022, country: 'UZB' }, 5);
});

export const border_edge = def('border_edge', 'Q3 departures NONCIS 158,695 (exactly ×2); Q3 arrivals RUS 0; Q3 arrivals UZB = Q4', IOM_Q4, (d) => {
  // "exactly ×2": Q4 non-CIS departures 317,390 are exactly twice the Q3 figure 158,695 (a +100.0% change).
  d.set({ indicator: 'border_departures', period: '2023-Q3', country: 'NONCIS' }, 158695);
  d.set({ indicator: 'border_arrivals', period: '2023-Q3', country: 'RUS' }, 0);
  d.set({ indicator: 'border_arrivals', period: '2023-Q3', country: 'UZB' }, 1334101);
});

export const border_edge2 = def('border_edge2', 'Q4 arrivals RUS 0; Q3 arrivals UZB 1,334,000; Q3 departures NONCIS 158,800', IOM_Q4, (d) => {
  d.set({ indicator: 'border_arrivals', period: '2023-Q4', country: 'RUS' }, 0);
  d.set({ indicator: 'border_arrivals', period: '2023-Q3', country: 'UZB' }, 1334000);
  d.set({ indicator: 'border_departures', period: '2023-Q3', country: 'NONCIS' }, 158800);
});

export const tiny_border = def('tiny_border', 'Q3 arrivals UZB 1,333,567 and CIS 3,116,798 (+0.04 %)', IOM_Q4, (d) => {
  d.set({ indicator: 'border_arrivals', period: '2023-Q3', country: 'UZB' }, 1333567);
  d.set({ indicator: 'border_arrivals', period: '2023-Q3', country: 'CIS' }, 3116798);
});

const prp2022 = (d: DataCopy, v: { cisIssued: number; cisTerm: number; noncisIssued: number; noncisTerm: number }) => {
  const base = { unit: 'persons', source: 'bns-2023', period: '2022' };
  d.add(PERMITS, { ...base, indicator: 'prp_issued', country: 'CIS', value: v.cisIssued });
  d.add(PERMITS, { ...base, indicator: 'prp_terminated', country: 'CIS', value: v.cisTerm });
  d.add(PERMITS, { ...base, indicator: 'prp_issued', country: 'NONCIS', value: v.noncisIssued });
  d.add(PERMITS, { ...base, indicator: 'prp_terminated', country: 'NONCIS', value: v.noncisTerm });
};

export const prp_sign = def('prp_sign', '2022 CIS issued 10,000 / terminated 12,000; NONCIS 3,000 / 3,000', IOM_Q4, (d) => {
  prp2022(d, { cisIssued: 10000, cisTerm: 12000, noncisIssued: 3000, noncisTerm: 3000 });
});

export const prp_neg = def('prp_neg', '2023 CIS terminated 30,000, NONCIS terminated 3,799; 2022 CIS 10,000/9,000, NONCIS 3,000/2,000', IOM_Q4, (d) => {
  d.set({ indicator: 'prp_terminated', period: '2023', country: 'CIS' }, 30000);
  d.set({ indicator: 'prp_terminated', period: '2023', country: 'NONCIS' }, 3799);
  // "CIS 10,000/9,000": issued / terminated, as in prp_sign.
  prp2022(d, { cisIssued: 10000, cisTerm: 9000, noncisIssued: 3000, noncisTerm: 2000 });
});

export const bns_netzero = def('bns_netzero', 'Q1 2024 pr_departures 7,471', BNS_Q1, (d) => {
  d.set({ indicator: 'pr_departures', period: Q1_2024, country: '_T' }, 7471);
});

export const bns_netneg = def('bns_netneg', 'Q1 2024 pr_departures 8,000', BNS_Q1, (d) => {
  d.set({ indicator: 'pr_departures', period: Q1_2024, country: '_T' }, 8000);
});

export const net_unchanged = def('net_unchanged', 'Q1 2024 pr_departures 2,455', BNS_Q1, (d) => {
  d.set({ indicator: 'pr_departures', period: Q1_2024, country: '_T' }, 2455);
});

export const net_recordlow = def('net_recordlow', 'Q1 2024 pr_departures 9,471', BNS_Q1, (d) => {
  d.set({ indicator: 'pr_departures', period: Q1_2024, country: '_T' }, 9471);
});

const prRow = (d: DataCopy, period: string, arrivals: number, departures: number, status = 'A') => {
  d.upsert(BNS, { indicator: 'pr_arrivals', period, value: arrivals, unit: 'persons', status, source: 'bns-release-2024-q1' });
  d.upsert(BNS, { indicator: 'pr_departures', period, value: departures, unit: 'persons', status, source: 'bns-release-2024-q1' });
};

export const bns_series_q1 = def('bns_series_q1', 'Q1 2019–2021 arrivals 3,000/3,500/4,000, departures 6,000/5,500/5,000; Q1 2024 arrivals 8,000', BNS_Q1, (d) => {
  prRow(d, '2019-01/2019-03', 3000, 6000);
  prRow(d, '2020-01/2020-03', 3500, 5500);
  prRow(d, '2021-01/2021-03', 4000, 5000);
  d.set({ indicator: 'pr_arrivals', period: Q1_2024, country: '_T' }, 8000);
});

const YEARS: [string, number, number][] = [
  ['2020', 20000, 25000],
  ['2021', 21000, 24000],
  ['2022', 22000, 30000],
  ['2024', 26000, 15000],
  ['2025', 27000, 14000],
];
const BNS_YEAR_RUNS: Run[] = [
  { period: '2025', template: 'bns-release' },
  { period: '2025-Q4', template: 'bns-release' },
  { period: '2024-Q4', template: 'bns-release' },
];

export const bns_series_year = def('bns_series_year', 'annual 2020, 2021, 2022, 2024, 2025 arrivals 20,000/21,000/22,000/26,000/27,000, departures 25,000/24,000/30,000/15,000/14,000', BNS_YEAR_RUNS, (d) => {
  for (const [y, a, dep] of YEARS) prRow(d, y, a, dep);
});

export const bns_series_year_E = def('bns_series_year_E', 'as bns_series_year, with the 2024 and 2025 rows status E', BNS_YEAR_RUNS, (d) => {
  for (const [y, a, dep] of YEARS) prRow(d, y, a, dep, y === '2024' || y === '2025' ? 'E' : 'A');
});

export const bns_gap = def('bns_gap', 'Q1 2023 removed; Q1 2018 (5,000/4,000), 2020 (6,000/4,500) added; Q1 2022 departures 3,000', BNS_Q1, (d) => {
  // "Q1 2023 removed": every row of period 2023-01/2023-03 (levels, net, shares). The published Q1 2024
  // pr_*_change rows (vs=2023-01/2023-03) are kept: they are rows of Q1 2024, and the appendix does not drop them.
  d.remove({ file: BNS, period: Q1_2023 });
  prRow(d, '2018-01/2018-03', 5000, 4000);
  prRow(d, '2020-01/2020-03', 6000, 4500);
  d.set({ indicator: 'pr_departures', period: Q1_2022, country: '_T' }, 3000);
});

/**
 * bns_monthly: the appendix gives only "monthly rows 2022-03 and 2023-01 … 2024-03, net positive every month".
 * Chosen so that the fact-check's sentences come out: net March 2024 = 1,430 (the quoted S1 figure), and March
 * arrivals and departures both rise 2022 → 2023 → 2024 (the arrivals and departures streaks S2/S3 of C5).
 */
export const MONTHLY: [string, number, number][] = [
  ['2022-03', 3000, 2000],
  ['2023-01', 2500, 1500],
  ['2023-02', 2600, 1600],
  ['2023-03', 3200, 2100],
  ['2023-04', 2700, 1700],
  ['2023-05', 2800, 1750],
  ['2023-06', 2900, 1800],
  ['2023-07', 3000, 1850],
  ['2023-08', 3100, 1900],
  ['2023-09', 2950, 1880],
  ['2023-10', 2850, 1820],
  ['2023-11', 2750, 1760],
  ['2023-12', 2650, 1700],
  ['2024-01', 2550, 1600],
  ['2024-02', 2620, 1640],
  ['2024-03', 3580, 2150],
];
export const bns_monthly = def('bns_monthly', 'monthly rows 2022-03 and 2023-01 … 2024-03, net positive every month', [{ period: '2024-03', template: 'bns-release' }], (d) => {
  for (const [m, a, dep] of MONTHLY) prRow(d, m, a, dep);
});

export const cross_flows = def('cross_flows', 'Q3 arrivals RUS 1,800,000; Q3 KGZ 1,900,000 (I) added', IOM_Q4, (d) => {
  d.set({ indicator: 'border_arrivals', period: '2023-Q3', country: 'RUS' }, 1800000);
  d.add(BORDER, { indicator: 'border_arrivals', period: '2023-Q3', country: 'KGZ', value: 1900000, unit: 'persons', status: 'I', source: 'iom-2023-q4-rates' });
});

const q3Arrivals = (d: DataCopy, rows: [string, number][], status = 'A', source = 'border-service-2024') => {
  for (const [c, v] of rows) d.add(BORDER, { indicator: 'border_arrivals', period: '2023-Q3', country: c, value: v, unit: 'persons', status, source });
};

export const flows_full = def('flows_full', 'Q3 arrivals added: KGZ 800,000, TJK 200,000, CHN 150,000, TUR 30,000, IND 40,000, DEU 13,882, MNG 9,000, KOR 4,000', IOM_Q4, (d) => {
  // Status A (the fact-check's S5 sentence shows no "(derived)" mark on these).
  flows_full_edit(d);
});

export const partial_movers4 = def('partial_movers4', 'Q3 arrivals KGZ 900,000 and TJK 300,000', IOM_Q4, (d) => {
  // Status I like the other Q3 rows: the fact-check quotes "from Kyrgyzstan by 18.0% (derived)".
  q3Arrivals(d, [['KGZ', 900000], ['TJK', 300000]], 'I', 'iom-2023-q4-rates');
});

export const partial_movers_unch = def('partial_movers_unch', 'Q3 arrivals KGZ 737,942 (= Q4)', IOM_Q4, (d) => {
  q3Arrivals(d, [['KGZ', 737942]], 'I', 'iom-2023-q4-rates');
});

function flows_full_edit(d: DataCopy) {
  q3Arrivals(d, [['KGZ', 800000], ['TJK', 200000], ['CHN', 150000], ['TUR', 30000], ['IND', 40000], ['DEU', 13882], ['MNG', 9000], ['KOR', 4000]]);
}

/**
 * pin_cross: report.yaml pins "3 crossovers, a rank, a change, a level". The appendix names only
 * `flows.arrivals.uzb.rank`; crossovers need Q3 figures for several countries, so the data are those of
 * flows_full (which gives two arrivals crossovers), and the third crossover is one the sample's remittances
 * already give. Ids as `migreport text --json` lists them for flows_full.
 */
export const PIN_CROSS = [
  'flows.arrivals.kgz_over_rus.crossover',
  'flows.arrivals.tur_over_ind.crossover',
  'remittances_in.are_over_kgz.crossover',
  'flows.arrivals.uzb.rank',
  'flows.arrivals.total.change',
  'flows.arrivals.total.level',
];
export const pin_cross = def('pin_cross', 'report.yaml `findings: pin:` 3 crossovers, a rank, a change, a level (data of flows_full)', IOM_Q4, (d) => {
  flows_full_edit(d);
  const yaml = d.readFile('narrative/2023-Q4/report.yaml');
  if (/^findings:/m.test(yaml)) throw new Error('report.yaml already has findings:');
  d.writeFile('narrative/2023-Q4/report.yaml', `${yaml.trimEnd()}\nfindings:\n  pin:\n${PIN_CROSS.map((id) => `    - ${id}`).join('\n')}\n`);
});

export const ties = def('ties', 'Q4 arrivals DEU = IND = 29,311 (NONCIS and _T adjusted); remittances_out TUR 245 → 202', IOM_Q4, (d) => {
  const deu = 13882;
  const delta = 29311 - deu;
  d.set({ indicator: 'border_arrivals', period: '2023-Q4', country: 'DEU' }, 29311);
  d.update({ indicator: 'border_arrivals', period: '2023-Q4', where: (r) => r.country === 'NONCIS' || r.country === '_T' }, (r) => ({ value: String(Number(r.value) + delta) }));
  // "TUR 245 → 202": 2022 = 245, 2023 = 202 (−17.6 %, equal to China's 24.5 → 20.2).
  d.set({ indicator: 'remittances_out', period: R2022, country: 'TUR' }, 245);
  d.set({ indicator: 'remittances_out', period: R2023, country: 'TUR' }, 202);
});

function twoGroups(name: string, codes: string[]): Case {
  return def(name, `countries.csv ${codes.join('+')} in CIS;NONCIS`, IOM_Q4, (d) => {
    d.reference('countries.csv', (csv) => {
      for (const code of codes) {
        const r = csv.rows.find((x) => x.code === code);
        if (!r) throw new Error(`countries.csv has no ${code}`);
        r.groups = 'CIS;NONCIS';
      }
    });
  });
}
export const two_groups = twoGroups('two_groups', ['TUR', 'UKR']);
export const two_groups_ukr = twoGroups('two_groups_ukr', ['UKR']);
export const two_groups_usa = twoGroups('two_groups_usa', ['USA']);

export const status_E = def('status_E', 'E on Q4 arrivals UZB and CHN, remittances_out 2023 KGZ, remittances_in 2022 RUS, prp_terminated CIS, kandas_total; P on trp _T', IOM_Q4, (d) => {
  d.update({ indicator: 'border_arrivals', period: '2023-Q4', where: (r) => r.country === 'UZB' || r.country === 'CHN' }, { status: 'E' });
  d.update({ indicator: 'remittances_out', period: R2023, country: 'KGZ' }, { status: 'E' });
  d.update({ indicator: 'remittances_in', period: R2022, country: 'RUS' }, { status: 'E' });
  d.update({ indicator: 'prp_terminated', country: 'CIS' }, { status: 'E' });
  d.update({ indicator: 'kandas_total' }, { status: 'E' });
  d.update({ indicator: 'trp_holders', country: '_T' }, { status: 'P' });
});

export const status_E_bns = def('status_E_bns', 'E on Q1 2024 pr_arrivals; P on Q1 2023 pr_departures', BNS_Q1, (d) => {
  d.update({ indicator: 'pr_arrivals', period: Q1_2024 }, { status: 'E' });
  d.update({ indicator: 'pr_departures', period: Q1_2023 }, { status: 'P' });
});

export const rm_border_q4 = def('rm_border_q4', 'all 2023-Q4 border rows removed', IOM_Q4, (d) => {
  d.remove({ file: BORDER, period: '2023-Q4' });
});

export const rm_remit_kandas = def('rm_remit_kandas', 'all remittance and kandas rows removed', IOM_Q4, (d) => {
  d.remove({ indicator: /^(remittances|kandas)_/ });
});

export const rm_noncis = def('rm_noncis', 'border NONCIS and _T rows removed', IOM_Q4, (d) => {
  d.remove({ file: BORDER, where: (r) => r.country === 'NONCIS' || r.country === '_T' });
});

export const bns_nodep = def('bns_nodep', 'Q1 2024 departures removed', BNS_Q1, (d) => {
  d.remove({ indicator: 'pr_departures', period: Q1_2024 });
});

export const bns_nobasedep = def('bns_nobasedep', 'Q1 2023 departures removed', BNS_Q1, (d) => {
  d.remove({ indicator: 'pr_departures', period: Q1_2023 });
});

export const bns_noshare_before = def('bns_noshare_before', 'Q1 2023 shares and Q1 2024 departures share removed', BNS_Q1, (d) => {
  d.remove({ indicator: /^pr_(arrivals|departures)_share$/, period: Q1_2023 });
  d.remove({ indicator: 'pr_departures_share', period: Q1_2024 });
});

function ratio(name: string, value: string): Case {
  return def(name, `internal_migrants_ratio ${value}`, BNS_Q1, (d) => {
    d.set({ indicator: 'internal_migrants_ratio', period: '2024-Q1' }, value);
  });
}
export const ratio_05 = ratio('ratio_05', '0.5');
export const ratio_10 = ratio('ratio_10', '1.0');
export const ratio_15 = ratio('ratio_15', '1.5');
export const ratio_2 = ratio('ratio_2', '2');
export const ratio_09996 = ratio('ratio_09996', '0.9996');
export const ratio_10004 = ratio('ratio_10004', '1.0004');
export const ratio_199 = ratio('ratio_199', '1.996');

const INTERREG_Q1 = { indicator: 'interregional_net', period: Q1_2024, unit: 'persons', country: '_Z', source: 'bns-release-2024-q1' };

export const interreg = def('interreg', 'added KZ-11 −5,000, KZ-15 0, KZ-23 1 (E)', BNS_Q1, (d) => {
  d.add(BNS, { ...INTERREG_Q1, region: 'KZ-11', value: -5000 });
  d.add(BNS, { ...INTERREG_Q1, region: 'KZ-15', value: 0 });
  d.add(BNS, { ...INTERREG_Q1, region: 'KZ-23', value: 1, status: 'E' });
});

export const interreg1 = def('interreg1', 'only KZ-19 kept (interregional_net)', BNS_Q1, (d) => {
  d.remove({ indicator: 'interregional_net', where: (r) => r.region !== 'KZ-19' });
});

export const interreg0 = def('interreg0', 'all interregional_net values made negative', BNS_Q1, (d) => {
  d.update({ indicator: 'interregional_net' }, (r) => ({ value: String(-Math.abs(Number(r.value))) }));
});

export const remit_from0 = def('remit_from0', '2022 remittances_out _T 0', IOM_Q4, (d) => {
  d.set({ indicator: 'remittances_out', period: R2022, country: '_T' }, 0);
});

export const remit_nobase_total = def('remit_nobase_total', '2022 remittances_out _T removed (country rows kept)', IOM_Q4, (d) => {
  d.remove({ indicator: 'remittances_out', period: R2022, country: '_T' });
});

export const remit_tiny_total = def('remit_tiny_total', '2022 remittances_in _T 236.17', IOM_Q4, (d) => {
  d.set({ indicator: 'remittances_in', period: R2022, country: '_T' }, 236.17);
});

export const remit_x25 = def('remit_x25', '2023 remittances_out _T 2,110.3', IOM_Q4, (d) => {
  d.set({ indicator: 'remittances_out', period: R2023, country: '_T' }, 2110.3);
});

export const kandas_103 = def('kandas_103', 'kandas age over_working 12.5 and education general_secondary 60', IOM_Q4, (d) => {
  d.set({ file: KANDAS, indicator: 'kandas_by_age', breakdown: 'age=over_working' }, 12.5);
  d.set({ file: KANDAS, indicator: 'kandas_by_education', breakdown: 'age=working;education=general_secondary' }, 60);
});

export const kandas_95 = def('kandas_95', 'kandas age over_working 3.6', IOM_Q4, (d) => {
  d.set({ file: KANDAS, indicator: 'kandas_by_age', breakdown: 'age=over_working' }, 3.6);
});

/** Every appendix case (the unmodified sample is not one). */
export const CASES: Case[] = [
  swap_border, swap_remit, swap_bns, x10, shuffle1, shuffle2, shuffle3, zero_remit, tiny_remit, tiny_remit2, big_remit,
  border_edge, border_edge2, tiny_border, prp_sign, prp_neg, bns_netzero, bns_netneg, net_unchanged, net_recordlow,
  bns_series_q1, bns_series_year, bns_series_year_E, bns_gap, bns_monthly, cross_flows, flows_full, partial_movers4,
  partial_movers_unch, pin_cross, ties, two_groups, two_groups_ukr, two_groups_usa, status_E, status_E_bns,
  rm_border_q4, rm_remit_kandas, rm_noncis, bns_nodep, bns_nobasedep, bns_noshare_before, ratio_05, ratio_10, ratio_15,
  ratio_2, ratio_09996, ratio_10004, ratio_199, interreg, interreg1, interreg0, remit_from0, remit_nobase_total,
  remit_tiny_total, remit_x25, kandas_103, kandas_95,
];
