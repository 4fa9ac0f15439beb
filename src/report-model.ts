// The report model: the typed structure templates consume. Every string is final text in the report's
// language and every number is already formatted; templates format nothing and compute nothing.
import type { Flag } from './compare/facts.ts';
import type { Claim } from './claims.ts';
import type { Brand } from './model.ts';

/** A report kind's name: a folder templates/<kind>/ with its report.yaml. */
export type TemplateKind = string;

/** One generated sentence, the facts it was written from and the claims its words state (the verifier reads it against them). */
export interface Sentence {
  text: string;
  /** Ids of the facts the sentence was written from (see `migreport text --json`). */
  factIds: string[];
  /** Source ids (sources.csv) of the observations behind the figures; the renderer numbers the footnotes. */
  sources: string[];
  /** Indicators the sentence names without a fact behind the name (a section with no data). */
  indicators?: string[];
  /** What the words state, language-neutral (src/claims.ts): the verifier re-derives each and reads the words against them. */
  claims: Claim[];
  /** For a key finding: the section whose statement it repeats. */
  section?: string;
  /** In the preview only: each figure's place in `text`, what it states and the rows behind it (or why it was rejected). */
  provenance?: FigureProvenance[];
}

/** A figure of a sentence as the preview explains it on hover and focus. */
export interface FigureProvenance {
  start: number;
  end: number;
  /** What is stated, the recomputed value and the rows behind it (file:line, source); or the verifier's reason. */
  explanation: string;
  rejected: boolean;
}

export interface TableColumn {
  label: string;
  align: 'left' | 'right';
}

export interface TableRow {
  /** Formatted cells, one per column. */
  cells: string[];
  /** Status flags of the row's figures (E estimated, I derived): the renderer may style the row. */
  flags: Flag[];
  /** True for a total row. */
  total?: boolean;
  /** What the row's figures state (src/claims.ts): every figure in a cell is one of these, re-derived by the verifier. */
  claims?: Claim[];
}

export interface Table {
  id: string;
  caption: string;
  columns: TableColumn[];
  rows: TableRow[];
  /** Notes printed under the table (rounding, flags, missing values). */
  notes: string[];
  /** The claims of each note, aligned with `notes`. */
  noteClaims?: Claim[][];
  sources: string[];
}

/**
 * Data for one chart: `spec` names `templates/<kind>/charts/<spec>.vl.json`; `values` are the rows of the
 * spec's named dataset `values` (fields as the spec's "description" lists them, labels pre-formatted).
 * `alt` says the chart type, what is shown and the main finding, from the same facts as the text.
 * `table` holds the same figures as an accessible table.
 */
export interface ChartData {
  /** Unique on the page: letters, digits, hyphens and underscores, starting with a letter. */
  id: string;
  spec: string;
  values: Record<string, unknown>[];
  caption: string;
  alt: string;
  /** The claims of the finding the alt text repeats, and that finding's text (the end of `alt`). */
  altClaims?: Claim[];
  altFinding?: string;
  source: string;
  table: Table;
  /** What the chart's marks mean, when it marks estimated or derived values ("* Derived …"); no figure. */
  note?: string;
}

export interface Section {
  /** Stable id: flows, trp, prp, kandas, remittances_out, remittances_in (IOM); key_points, internal (BNS). */
  id: string;
  /** Section number in the template (1 is policy developments in the IOM report, so data sections start at 2). */
  number: number;
  title: string;
  /** Sections that share a number are its parts (6.1, 6.2); this is the title of that number ("Personal remittances"). */
  group?: string;
  /** The period the section's data cover, as said in it ("October–December 2023", "1 September 2023"); '' if none. */
  dataPeriodLabel: string;
  paragraphs: Sentence[][];
  tables: Table[];
  charts: ChartData[];
  /** Notes the engine adds (rounding, estimated values, missing data), with the claims they state. */
  notes: Sentence[];
  /** The analyst's interpretation from notes.yaml (Markdown, inserted as written). */
  note?: string;
}

export interface ReportMeta {
  title: string;
  subtitle: string;
  /** The report period as said in the text, e.g. "October–December 2023". */
  periodLabel: string;
  /** ISO date of publication from report.yaml, or ''. */
  published: string;
  /** Everything else of report.yaml (about, objectives, disclaimer, publisher, partners, glossary …), as written. */
  narrative: Record<string, unknown>;
  /** The subtitle names the report period already, in any of the language's phrases for it (the cover says it once). */
  subtitleNamesPeriod?: boolean;
  /** The cover's logos (data: URIs) and colour, from report.yaml. */
  brand?: Brand;
}

export interface ReportModel {
  template: TemplateKind;
  lang: string;
  /** Report period code, e.g. '2023-Q4'. */
  period: string;
  meta: ReportMeta;
  /** The front matter the kind declares (cover, contents, key findings, about, policy), in order. */
  front: string[];
  /** The section number of the policy developments, when the kind numbers them as a section. */
  policyNumber?: number;
  /** The analyst's notes (notes.yaml) on the key findings and the policy developments, as written (Markdown). */
  frontNotes?: { key_findings?: string; policy?: string };
  /** Key findings: one sentence each, at most six, pinned ones first. */
  findings: Sentence[];
  sections: Section[];
  /** Every chart of every section, in order (what the charts stage renders). */
  charts: ChartData[];
  /** Source ids used anywhere in the report, in order of first use (footnote order). */
  sources: string[];
}
