// Numbers each observation's identity (indicator, period span, country, region, breakdown) so
// duplicates, lookups and series are found with integer keys: string keys for a million rows
// cost more than the whole CSV parse.
import type { Observation } from '../model.ts';
import type { Period } from '../period.ts';

class Ids {
  readonly map = new Map<string, number>();
  id(text: string): number {
    let id = this.map.get(text);
    if (id === undefined) this.map.set(text, (id = this.map.size));
    return id;
  }
}

export class ObservationIndex {
  private readonly indicators = new Ids();
  private readonly periods = new Ids();
  private readonly countries = new Ids();
  private readonly regions = new Ids();
  private readonly breakdowns = new Ids();
  private readonly byKey = new Map<number | string, number>();
  /** Per row: the id of its series (everything but the period). */
  readonly seriesOf: Int32Array;
  /** Per row: the row index of an earlier row with the same identity, or -1. */
  readonly duplicateOf: Int32Array;
  private readonly wide: boolean;
  private readonly sizes: number[];

  constructor(readonly observations: Observation[]) {
    const n = observations.length;
    const ids = new Int32Array(n * 5);
    for (let i = 0; i < n; i++) {
      const o = observations[i];
      ids[i * 5] = this.indicators.id(o.indicator);
      ids[i * 5 + 1] = this.periods.id(o.period.key);
      ids[i * 5 + 2] = this.countries.id(o.country);
      ids[i * 5 + 3] = this.regions.id(o.region);
      ids[i * 5 + 4] = this.breakdowns.id(o.breakdown);
    }
    // Room for ids of queries that name values not in the data: +1 per dimension.
    this.sizes = [this.periods.map.size + 1, this.countries.map.size + 1, this.regions.map.size + 1, this.breakdowns.map.size + 1];
    const product = (this.indicators.map.size + 1) * this.sizes.reduce((a, b) => a * b, 1);
    this.wide = product >= Number.MAX_SAFE_INTEGER;
    const series = new Map<number | string, number>();
    this.seriesOf = new Int32Array(n);
    this.duplicateOf = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      const b = i * 5;
      const key = this.key(ids[b], ids[b + 1], ids[b + 2], ids[b + 3], ids[b + 4]);
      const first = this.byKey.get(key);
      if (first === undefined) this.byKey.set(key, i);
      else this.duplicateOf[i] = first;
      const s = this.key(ids[b], 0, ids[b + 2], ids[b + 3], ids[b + 4]);
      let sid = series.get(s);
      if (sid === undefined) series.set(s, (sid = series.size));
      this.seriesOf[i] = sid;
    }
  }

  private key(i: number, p: number, c: number, r: number, b: number): number | string {
    if (this.wide) return `${i},${p},${c},${r},${b}`;
    const [np, nc, nr, nb] = this.sizes;
    return (((i * np + p) * nc + c) * nr + r) * nb + b;
  }

  /** The first row with this identity, if any. */
  get(indicator: string, period: Period, country: string, region: string, breakdown: string): Observation | undefined {
    const i = this.indicators.map.get(indicator);
    const p = this.periods.map.get(period.key);
    const c = this.countries.map.get(country);
    const r = this.regions.map.get(region);
    const b = this.breakdowns.map.get(breakdown);
    if (i === undefined || p === undefined || c === undefined || r === undefined || b === undefined) return undefined;
    const row = this.byKey.get(this.key(i, p, c, r, b));
    return row === undefined ? undefined : this.observations[row];
  }
}

const cache = new WeakMap<Observation[], ObservationIndex>();

/** The index of a dataset's observations, built once per observations array. */
export function indexOf(observations: Observation[]): ObservationIndex {
  let index = cache.get(observations);
  if (!index) cache.set(observations, (index = new ObservationIndex(observations)));
  return index;
}
