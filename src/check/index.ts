// The check stage's rules across rows: duplicate observations (by span, so 2023-Q1 = 2023-01/2023-03).
// Rules on a single row run while it is read (src/load/observations.ts), where its columns are at hand.
import type { Message } from '../errors.ts';
import { formatLocation } from '../errors.ts';
import type { Dataset, Observation, SourceLocation } from '../model.ts';
import * as msg from '../messages/check.ts';
import { indexOf } from './identity.ts';

export { indexOf, ObservationIndex } from './identity.ts';

export interface CheckError {
  message: Message;
  at: SourceLocation;
}

/** The identity of an observation: two with the same key are a duplicate. */
export function observationKey(o: Pick<Observation, 'indicator' | 'period' | 'country' | 'region' | 'breakdown'>): string {
  return `${o.indicator}\u0000${o.period.key}\u0000${o.country}\u0000${o.region}\u0000${o.breakdown}`;
}

/** Errors across rows, in row order. */
export function checkDataset(dataset: Pick<Dataset, 'observations'>): CheckError[] {
  const errors: CheckError[] = [];
  const { duplicateOf } = indexOf(dataset.observations);
  for (let i = 0; i < duplicateOf.length; i++) {
    if (duplicateOf[i] < 0) continue;
    const o = dataset.observations[i];
    errors.push({ message: msg.duplicateObservation(formatLocation(dataset.observations[duplicateOf[i]].at)), at: { ...o.at, column: 1 } });
  }
  return errors;
}
