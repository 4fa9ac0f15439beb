// Numbers each observation's identity (indicator, period span, country, region, breakdown) so
// duplicates, lookups and series are found with integer keys: string keys for a million rows
// cost more than the whole CSV parse.
//
// The rows' identities live in one Int32Array (five ids a row) and are found through an
// open-addressing hash table of row numbers, so the index allocates no object per row.
import type { Observation } from '../model.ts';
import type { Period } from '../period.ts';

/** Dense ids for the distinct values of one dimension. */
class Ids {
  readonly map = new Map<string, number>();
  private lastText: string | undefined;
  private lastId = -1;
  /** The id of `text`, numbering it when new. Runs of one value are common, so the last is remembered. */
  id(text: string): number {
    if (text === this.lastText) return this.lastId;
    let id = this.map.get(text);
    if (id === undefined) this.map.set(text, (id = this.map.size));
    this.lastText = text;
    this.lastId = id;
    return id;
  }
}

/**
 * A period's id: its span as a number (start × 4096 + length), needing no lookup, when it has
 * one (0 … 2^29 for years 0000–9999); a negative id numbered by key otherwise (a date, or a span
 * over 341 years). Undefined for a key never seen (in a query).
 */
function periodId(p: Period, byKey: Ids, add: boolean): number | undefined {
  if (p.kind !== 'date' && p.start >= 0 && p.end - p.start < 4096) return p.start * 4096 + (p.end - p.start);
  const id = add ? byKey.id(p.key) : byKey.map.get(p.key);
  return id === undefined ? undefined : -1 - id;
}

const WIDTH = 5; // ids per row: indicator, period, country, region, breakdown
const EMPTY = -1;

/** A hash of ids[at … at+4], skipping the period when `withPeriod` is false (a series). */
function hashOf(ids: Int32Array, at: number, withPeriod: boolean): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < WIDTH; k++) {
    if (k === 1 && !withPeriod) continue;
    h = Math.imul(h ^ ids[at + k], 0x01000193);
    h ^= h >>> 15;
  }
  return Math.imul(h, 0x2c1b3c6d) >>> 0;
}

function sameIds(a: Int32Array, i: number, b: Int32Array, j: number, withPeriod: boolean): boolean {
  return a[i] === b[j] && (!withPeriod || a[i + 1] === b[j + 1]) && a[i + 2] === b[j + 2] && a[i + 3] === b[j + 3] && a[i + 4] === b[j + 4];
}

/** A table of size a power of two, at least twice the rows, so probes stay short. */
function tableFor(rows: number): Int32Array {
  let size = 16;
  while (size < rows * 2) size *= 2;
  return new Int32Array(size).fill(EMPTY);
}

export class ObservationIndex {
  private readonly indicators = new Ids();
  /** Periods without a span number (dates). */
  private readonly periodKeys = new Ids();
  private readonly countries = new Ids();
  private readonly regions = new Ids();
  private readonly breakdowns = new Ids();
  /** Five ids a row. */
  private readonly ids: Int32Array;
  /** Row numbers by hash of the whole identity: the first row of each identity. */
  private readonly byIdentity: Int32Array;
  /** Per row: the id of its series (everything but the period). */
  readonly seriesOf: Int32Array;
  /** Per row: the row index of an earlier row with the same identity, or -1. */
  readonly duplicateOf: Int32Array;

  constructor(readonly observations: Observation[]) {
    const n = observations.length;
    const ids = (this.ids = new Int32Array(n * WIDTH));
    for (let i = 0; i < n; i++) {
      const o = observations[i];
      const b = i * WIDTH;
      ids[b] = this.indicators.id(o.indicator);
      ids[b + 1] = periodId(o.period, this.periodKeys, true)!;
      ids[b + 2] = this.countries.id(o.country);
      ids[b + 3] = this.regions.id(o.region);
      ids[b + 4] = this.breakdowns.id(o.breakdown);
    }

    const table = (this.byIdentity = tableFor(n));
    const mask = table.length - 1;
    this.duplicateOf = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      const b = i * WIDTH;
      for (let slot = hashOf(ids, b, true) & mask; ; slot = (slot + 1) & mask) {
        const row = table[slot];
        if (row === EMPTY) {
          table[slot] = i;
          break;
        }
        if (sameIds(ids, row * WIDTH, ids, b, true)) {
          this.duplicateOf[i] = row;
          break;
        }
      }
    }

    // Series: rows of one series usually follow each other, so the previous row's is tried first.
    const series = tableFor(n);
    const firstOfSeries: number[] = [];
    this.seriesOf = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const b = i * WIDTH;
      if (i > 0 && sameIds(ids, b - WIDTH, ids, b, false)) {
        this.seriesOf[i] = this.seriesOf[i - 1];
        continue;
      }
      for (let slot = hashOf(ids, b, false) & mask; ; slot = (slot + 1) & mask) {
        const sid = series[slot];
        if (sid === EMPTY) {
          series[slot] = firstOfSeries.length;
          this.seriesOf[i] = firstOfSeries.length;
          firstOfSeries.push(i);
          break;
        }
        if (sameIds(ids, firstOfSeries[sid] * WIDTH, ids, b, false)) {
          this.seriesOf[i] = sid;
          break;
        }
      }
    }
  }

  /** The first row with this identity, if any. */
  get(indicator: string, period: Period, country: string, region: string, breakdown: string): Observation | undefined {
    const i = this.indicators.map.get(indicator);
    const p = periodId(period, this.periodKeys, false);
    const c = this.countries.map.get(country);
    const r = this.regions.map.get(region);
    const b = this.breakdowns.map.get(breakdown);
    if (i === undefined || p === undefined || c === undefined || r === undefined || b === undefined) return undefined;
    const query = Int32Array.of(i, p, c, r, b);
    const table = this.byIdentity;
    const mask = table.length - 1;
    for (let slot = hashOf(query, 0, true) & mask; ; slot = (slot + 1) & mask) {
      const row = table[slot];
      if (row === EMPTY) return undefined;
      if (sameIds(this.ids, row * WIDTH, query, 0, true)) return this.observations[row];
    }
  }
}

const cache = new WeakMap<Observation[], ObservationIndex>();

/** The index of a dataset's observations, built once per observations array. */
export function indexOf(observations: Observation[]): ObservationIndex {
  let index = cache.get(observations);
  if (!index) cache.set(observations, (index = new ObservationIndex(observations)));
  return index;
}
