// What the verifier needs of a language to read its words against claims: every way the text names a series,
// a partner, a period; its direction, superlative and ordinal words; and its number format. Each locale
// provides one (src/narrate/locales/<lang>.ts), from its own words, so every language is checked alike.
import type { Claim, Series } from '../claims.ts';
import type { Period } from '../period.ts';

export type Sign = -1 | 0 | 1;

/** A number found in a text: its digits as written (no sign), its sign if written (+, −), and where. */
export interface NumberToken {
  digits: string;
  sign: Sign;
  index: number;
  end: number;
}

export interface Vocabulary {
  lang: string;
  /** Every number in a text (digits as the locale writes them: "3,405,102", "24.0"). */
  readNumbers(text: string): NumberToken[];
  /**
   * Every phrase by which the text can name the series (indicator for a partner, region or breakdown), in any
   * case form the language uses; longest first. E.g. border_arrivals[CIS] → "arrivals from CIS countries".
   */
  seriesNames(s: Series): string[];
  /** Every phrase naming the measure alone, whatever the partner ("arrivals", "net migration"). */
  measureNames(indicator: string, minus?: string): string[];
  /** Every form of a partner's (country, group) or region's name; empty for `_T` / `_Z`. */
  placeNames(code: string): string[];
  /** Phrases that state a period as the report period ("in the fourth quarter of 2023", "October–December 2023"). */
  periodPhrases(p: Period): string[];
  /** Phrases that state a period as a baseline ("the previous quarter (July–September 2023)"). */
  baselinePhrases(p: Period, relation: 'previous' | 'year_ago'): string[];
  /** Lower-case words (all inflected forms) stating a direction or a sign: rose, fell, up, down, positive, unchanged… */
  directionWords: Record<string, Sign>;
  /** Lower-case words of superlatives and rank: "most" (movers), "largest" (top), "highest"/"lowest" (records). */
  superlativeWords: Record<string, 'most' | 'largest' | 'highest' | 'lowest'>;
  /** Ordinal and cardinal number words in a text ("second", "twelfth", "two"), with the number they stand for. */
  readNumberWords(text: string): { n: number; index: number; end: number; ordinal: boolean }[];
  /**
   * The language's own grammar of the claims' words, each problem one line: the verb agrees with the series named
   * ("net migration was", "arrivals were"), a period's wording fits its kind ("year running" only for steps of a
   * year), words the language does not use ("times less" in English).
   */
  grammar?(text: string, claims: Claim[]): string[];
  /** The labels a table row of the series may carry (its place, its measure and place, its category, "Total"). */
  rowLabels?(s: Series): string[];
}
