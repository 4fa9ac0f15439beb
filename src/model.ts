// The loaded, checked dataset: plain typed structures every later stage queries.
import type { Period } from './period.ts';

/** SDMX observation status. */
export type Status = 'A' | 'P' | 'E' | 'I' | 'M';
export const STATUSES: readonly Status[] = ['A', 'P', 'E', 'I', 'M'];

export type Unit = 'persons' | 'usd_million' | 'percent' | 'ratio';
export const UNITS: readonly Unit[] = ['persons', 'usd_million', 'percent', 'ratio'];

/** Where a thing came from, for errors and provenance. Lines and columns are 1-based. */
export interface SourceLocation {
  file: string; // path relative to the project root, with forward slashes
  line: number;
  column?: number;
}

/** Special partner codes (SDMX conventions). Group codes (e.g. CIS) live in countries.csv. */
export const TOTAL = '_T'; // total over all partners, as published
export const NOT_APPLICABLE = '_Z'; // no partner dimension (e.g. interregional migration)

export interface Observation {
  indicator: string;
  period: Period;
  /** ISO alpha-3, a group code, `_T` or `_Z`. */
  country: string;
  /** ISO 3166-2:KZ code or '' (normalised: former names already mapped to the current code). */
  region: string;
  /** Normalised breakdown: `key=value` pairs sorted by key, joined with `;`; '' when none. */
  breakdown: string;
  /** null exactly when status is M. */
  value: number | null;
  /** The value as written in the file (for printed precision: "43" vs "43.0"); '' when missing. */
  raw?: string;
  unit: Unit;
  status: Status;
  source: string;
  /** Provenance of the row. */
  at: SourceLocation;
}

/** How an indicator's value relates to others (indicators.csv `kind`). */
export type IndicatorKind =
  | 'count' // persons counted over a period
  | 'stock' // persons counted at a date
  | 'amount' // money over a period
  | 'structure' // a published percentage with no counts behind it (e.g. age structure)
  | 'share' // derived: 100 * base[country] / base[whole]; breakdown has whole=<code>
  | 'change_pct' // derived: 100 * (base[period] / base[vs] - 1); breakdown has vs=<period>
  | 'change_abs' // derived: base[period] - base[vs]; breakdown has vs=<period>
  | 'balance' // derived: base[0] - base[1] for the same period and partner
  | 'ratio'; // derived: base[period] / base[vs]; breakdown has vs=<period>

export const DERIVED_KINDS: readonly IndicatorKind[] = ['share', 'change_pct', 'change_abs', 'balance', 'ratio'];

export interface Indicator {
  id: string;
  unit: Unit;
  kind: IndicatorKind;
  /** For derived kinds: the indicator(s) it is computed from (balance: [plus, minus]). */
  base: string[];
  /** Display names per locale ('en', 'ru', 'kk'). */
  names: Record<string, string>;
  at: SourceLocation;
}

export interface Country {
  code: string; // ISO alpha-3, or a group code such as CIS / NONCIS
  /** True for a group row (CIS, NONCIS, …): its members are listed in `groups` of countries. */
  isGroup: boolean;
  /** Groups this country belongs to (e.g. ['CIS']). Membership is data, not code. */
  groups: string[];
  /**
   * Names per locale and form. Keys: 'en' (UN short name without article), 'en_article'
   * ('the' or ''), 'ru', 'kk', and optional case forms such as 'ru_gen', 'ru_dat', 'kk_abl'.
   */
  names: Record<string, string>;
  at: SourceLocation;
  /** The columns of its file's header, in order (a missing name form is located at its column). */
  columns?: string[];
}

export interface Region {
  code: string; // ISO 3166-2:KZ, e.g. KZ-71
  kind: 'region' | 'city';
  /** 'en', 'ru', 'kk', and optional case forms such as 'ru_gen', 'ru_prep'. */
  names: Record<string, string>;
  /** Former names (any locale) accepted on input and mapped to this code. */
  formerNames: string[];
  at: SourceLocation;
  /** The columns of its file's header, in order (a missing name form is located at its column). */
  columns?: string[];
}

export interface Source {
  id: string;
  publisher: string;
  title: string;
  year: number;
  url: string;
  /** How values were derived from it, when they were (status I rows). */
  note: string;
  /** How a report in another language cites it (publisher_<lang>, title_<lang>, note_<lang>); sources.csv's own columns are English. */
  translations?: Record<string, { publisher?: string; title?: string; note?: string }>;
  at: SourceLocation;
  columns?: string[];
}

export interface Reference {
  indicators: Map<string, Indicator>;
  countries: Map<string, Country>;
  regions: Map<string, Region>;
  sources: Map<string, Source>;
}

/** A policy development (policy.yaml). */
export interface PolicyItem {
  date: string; // ISO date
  text: string; // Markdown, inserted as written (escaped, with a small inline subset)
  sources: string[];
  at: SourceLocation;
}

/** A narrative's texts in another language (report.<lang>.yaml, notes.<lang>.yaml, policy.<lang>.yaml). */
export interface NarrativeTranslation {
  /** The text keys of report.<lang>.yaml (title, subtitle, partners, about …). */
  report: Record<string, unknown>;
  notes: Record<string, string>;
  /** policy.<lang>.yaml: the texts of the developments, in policy.yaml's order, each with its date. */
  policy?: { date: string; text: string; at: SourceLocation }[];
  /** The files read, by part ('report', 'notes', 'policy'). */
  at: Record<string, SourceLocation>;
}

export interface Brand {
  logo?: string;
  partnerLogos?: string[];
  coverColour?: string;
}

export interface Narrative {
  period: string;
  /** The language the three files are written in (report.yaml `lang`, English by default). */
  lang?: string;
  /** Texts in other languages, by language code. */
  translations?: Record<string, NarrativeTranslation>;
  /** Where each text key of report.yaml and each note section is (a missing translation is located there). */
  keyAt?: Record<string, SourceLocation>;
  /** The cover's branding from report.yaml: logos inlined as data: URIs, the band's colour (#rrggbb). */
  brand?: Brand;
  /** report.yaml, as written (validated to the known keys). */
  report: Record<string, unknown>;
  policy: PolicyItem[];
  /** notes.yaml: the analyst's interpretation per section id. */
  notes: Record<string, string>;
  at: Record<string, SourceLocation>; // file of each part, for errors
}

export interface Dataset {
  root: string;
  files: string[];
  reference: Reference;
  observations: Observation[];
  /** Narrative per period code (e.g. '2023-Q4'). */
  narratives: Map<string, Narrative>;
}

export interface ObservationQuery {
  indicator?: string;
  /** A period code or span key; matched by span, so 2023-Q1 equals 2023-01/2023-03. */
  period?: string | Period;
  country?: string;
  region?: string;
  breakdown?: string;
}
