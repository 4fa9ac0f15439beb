// Querying a loaded dataset by indicator, period (by span), country, region and breakdown.
import type { Dataset, Observation, ObservationQuery } from './model.ts';
import { parsePeriod, type Period } from './period.ts';

const byIndicator = new WeakMap<Observation[], Map<string, Observation[]>>();

function indicatorIndex(observations: Observation[]): Map<string, Observation[]> {
  let index = byIndicator.get(observations);
  if (!index) {
    index = new Map();
    for (const o of observations) {
      const list = index.get(o.indicator);
      if (list) list.push(o);
      else index.set(o.indicator, [o]);
    }
    byIndicator.set(observations, index);
  }
  return index;
}

function periodKey(p: string | Period | undefined): string | undefined {
  if (p === undefined) return undefined;
  if (typeof p !== 'string') return p.key;
  return parsePeriod(p)?.key ?? `?${p}`;
}

/** Normalises a breakdown: pairs sorted by key, joined with ';'. */
export function normaliseBreakdown(text: string): string {
  const t = text.trim();
  if (!t) return '';
  return t
    .split(';')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .sort()
    .join(';');
}

/** Observations matching every field given in the query (fields left out match anything). */
export function select(dataset: Pick<Dataset, 'observations'>, q: ObservationQuery): Observation[] {
  const pool = q.indicator !== undefined ? (indicatorIndex(dataset.observations).get(q.indicator) ?? []) : dataset.observations;
  const key = periodKey(q.period);
  const breakdown = q.breakdown !== undefined ? normaliseBreakdown(q.breakdown) : undefined;
  return pool.filter(
    (o) =>
      (key === undefined || o.period.key === key) &&
      (q.country === undefined || o.country === q.country) &&
      (q.region === undefined || o.region === q.region) &&
      (breakdown === undefined || o.breakdown === breakdown),
  );
}

/** The single observation matching the query (region and breakdown default to empty), or undefined. */
export function one(dataset: Pick<Dataset, 'observations'>, q: ObservationQuery): Observation | undefined {
  return select(dataset, { region: '', breakdown: '', ...q })[0];
}

/** Distinct periods having data for an indicator, oldest first. */
export function periodsOf(dataset: Pick<Dataset, 'observations'>, indicator: string): Period[] {
  const seen = new Map<string, Period>();
  for (const o of indicatorIndex(dataset.observations).get(indicator) ?? []) if (!seen.has(o.period.key)) seen.set(o.period.key, o.period);
  return [...seen.values()].sort((a, b) => a.end - b.end || a.start - b.start);
}
