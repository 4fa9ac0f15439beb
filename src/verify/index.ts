// The independent verifier: re-derives every claim of a report from the observation rows and reads the words
// against it. It shares no code with src/compare/ (only the loaded dataset, queries and period arithmetic).
import type { Claim, Display } from '../claims.ts';
import type { Dataset } from '../model.ts';

/** One claim the data do not support, or words that do not state their claim. */
export interface VerifyFailure {
  /** Where the text is: `finding 3`, `flows paragraph 2 sentence 1`, `table flows-groups row 2`. */
  where: string;
  text: string;
  claim?: Claim;
  reason: string;
  /** What the data give (as displayed), where a figure was recomputed. */
  expected?: string;
}

export interface Verified {
  claims: number;
  failures: VerifyFailure[];
}

/** How the claim's language displays a figure (the locale's digits): the verifier compares displayed digits. */
export type DigitsOf = (v: number, display: Display) => string;

/** Re-derives one claim from the rows: undefined when the data support it, else why not. */
export { recomputeClaim } from './recompute.ts';
