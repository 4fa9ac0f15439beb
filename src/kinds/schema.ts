// The schema of a report kind's spec, `templates/<kind>/report.yaml` (docs/report-kinds.md). One source for the
// loader's validation and for `templates/report.schema.json` (written by scripts/report-schema.mts), so editors
// complete and check the same rules the build applies. The spec holds no prose: every word is a locale key.
import { createRequire } from 'node:module';
import type * as Zod from 'zod';

type Z = typeof Zod.z;

/**
 * The hash of this schema's JSON Schema (templates/report.schema.json): specs that passed it are cached by their
 * text and this key (src/kinds/load.ts), so a change of the schema must change it — a test says when.
 */
export const SCHEMA_KEY = 'f5af0517bc240f7f2e71dfa30c3163bd';

/** The schemas, built on first use (zod costs ~40 ms to load; a spec that passed is cached, so most builds never load it). */
function build(z: Z) {
  const id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and underscores, starting with a letter');
  const chartId = z.string().regex(/^[a-z][a-z0-9_-]*$/, 'lower-case letters, digits, hyphens and underscores, starting with a letter');
  /** An indicator id of indicators.csv. */
  const indicator = z.string().min(1).describe('an indicator id of reference/indicators.csv');
  /** A measure: the name a section gives one series (its facts are `<section>.<measure>.…`); '' for a section with one. */
  const measure = z.string().regex(/^([a-z][a-z0-9_]*)?$/).describe('a measure named by a fact block of this section ("" for the section\'s only one)');
  /** Partners: `total` (_T), `groups` (every group of countries.csv, by code) or a code of countries.csv. */
  const partner = z.string().min(1).describe('total, groups, or a code of reference/countries.csv');
  const partners = z.array(partner).min(1);
  const key = z.string().min(1).describe('a key of the locale modules (src/narrate/locales/<lang>.ts)');

  // ── Facts: what a section compares ──────────────────────────────────────────────────────────

  const factBlocks = {
    partners: z
      .strictObject({
        measure: measure.default(''),
        indicator,
        aggregates: partners.describe('partners stated with their own level and change'),
        whole: partner.optional().describe('the whole the aggregates are shares of'),
        lists: z.array(partner).default([]).describe('wholes whose members (countries) are listed, ranked and compared'),
        before: z.boolean().default(false).describe("also the total's level in the baseline period"),
        prior_change: z.boolean().default(false).describe("also the baseline's own change on the period a year before it (\"after rising 17.9% a year earlier\")"),
      })
      .describe('Levels, changes, shares, ranks, crossovers, top lists and movers of a partner breakdown'),
    balance: z
      .strictObject({
        measure: measure.default(''),
        plus: indicator,
        minus: indicator,
        partners,
        before: z.boolean().default(false).describe('the balance in the baseline period'),
        change: z.boolean().default(false).describe('the change of the balance (in persons)'),
        sign_change: z.boolean().default(false),
        members_of: z.array(partner).default([]).describe("each member's balance, where both sides were published"),
      })
      .describe('A balance computed as plus − minus (never a published balance)'),
    published_share: z
      .strictObject({ measure, indicator, partner, change: z.boolean().default(false) })
      .describe('A share as published, with no counts behind it; with change: its change since the baseline'),
    history: z
      .strictObject({
        measure,
        indicator: indicator.optional(),
        minus: indicator.optional(),
        balance_of: measure.optional(),
        mode: z.enum(['direction', 'sign']),
        levels: z.boolean().default(false).describe('also a level for each year with data (a long-series chart draws them)'),
        step: z.enum(['year', 'month']).default('year').describe('the same span of each calendar year, or consecutive months up to the end of the section period (a streak only)'),
      })
      .describe('Records and streaks over the same span of each calendar year (a year without data breaks a streak)'),
    periods: z
      .strictObject({ measure, plus: indicator, minus: indicator, spans: z.enum(['all', 'quarters_from_january']).default('all').describe('every period, or only those from January to the end of a quarter (Q1, half year, nine months, year)') })
      .describe('A balance for every period published up to the section period (a dynamic table)'),
    level: z.strictObject({ measure, indicator }).describe("A total's level at its own latest period"),
    series: z
      .strictObject({ measure, indicator })
      .describe("The total's level in each period as long as the section period (consecutive quarters of a quarterly section) up to it, from the first the data hold (a series chart draws them)"),
    member_shares: z
      .strictObject({ measure, indicator, whole: partner.default('total').describe('the whole the published shares are of') })
      .describe("Each member's share of a whole as published (percent rows by country, no counts behind them), at the indicator's latest period"),
    by_region: z
      .strictObject({ measure, indicator })
      .describe("The total's parts by region (rows with a region and no partner), each with its share of the country's total"),
    breakdown: z
      .strictObject({ measure, indicator, key: z.string().regex(/^[a-z][a-z0-9_]*$/).describe('a breakdown key of observations.csv: ethnicity, sex, area, age …') })
      .describe("The total's parts by one breakdown key (ethnic group, sex, urban/rural …), each with its share of the total"),
    structure: z
      .strictObject({ measure, indicator, key: z.string().min(1), whole: z.boolean().describe('true when the parts make a whole (age groups); false when they cover part of it') })
      .describe('The published parts of a structure, one level each'),
    published_change: z.strictObject({ measure, indicator }).describe('A percentage change as published (a change_pct indicator, vs= its baseline), at its latest period'),
    ratio: z.strictObject({ measure, indicator, counts: indicator.optional() }).describe('A ratio to a period, from counts when both periods have them, else as published'),
    regions: z.strictObject({ measure, indicator, select: z.enum(['positive']) }).describe('Levels by region and the regions selected by a rule'),
  } as const;

  // ── Text: sentence blocks, in order, by paragraph ───────────────────────────────────────────

  const phrase = key.describe('a sentence template of the locale');
  const textBlocks = {
    totals: z.strictObject({ phrase, measures: z.array(measure).min(1), net: measure.optional() }).describe('Totals of several measures in one sentence (with net: their balance)'),
    level: z.strictObject({ measure: measure.default(''), phrase: phrase.default('level') }).describe("A measure's total level"),
    changes: z
      .strictObject({ measures: z.array(measure).default(['']), partners: partners.default(['total']), prior: z.boolean().default(false).describe("one sentence per measure, with the baseline's own change a year before it") })
      .describe('Changes since the baseline, or "data not available"'),
    net_change: z.strictObject({ measure }).describe("A balance's change, in persons"),
    sign_changes: z.strictObject({ measure: measure.default(''), partners: partners.default(['total']) }),
    streaks: z.strictObject({ measures: z.array(measure).min(1) }),
    records: z.strictObject({ measures: z.array(measure).min(1) }),
    published_shares: z.strictObject({ phrase, measures: z.array(measure).min(1), partner }),
    share_changes: z.strictObject({ measures: z.array(measure).min(1), partner }),
    split: z.strictObject({ measure: measure.default(''), parts: partners }).describe('A measure split by groups, with shares (and a rounding note)'),
    total_and_parts: z.strictObject({ phrase, measure: measure.default(''), parts: partners }),
    parts: z.strictObject({ phrase, measure: measure.default(''), parts: partners }),
    partition: z.strictObject({ measure: measure.default('') }).describe('Parts that do not add up to their published whole'),
    members: z.strictObject({
      measure: measure.default(''),
      of: partners,
      min_share: z.number().min(0).default(2),
      max: z.number().int().min(1).default(6),
      min_coverage: z.number().min(0).max(100).default(0).describe('named only when the members with figures make up at least this per cent of the whole; else a note says how much they cover'),
    }),
    movers: z.strictObject({ measure: measure.default(''), of: partners, share_change: z.enum(['largest']).optional().describe('then the largest change of a share') }),
    crossovers: z.strictObject({ measure: measure.default('') }),
    money_total: z.strictObject({ measure: measure.default('') }).describe('A money total with its change, the absolute change and the baseline level'),
    balances: z.strictObject({ measure: measure.default(''), partners }),
    structure: z.strictObject({ measures: z.array(measure).min(1) }),
    series_ends: z
      .strictObject({ measures: z.array(measure).min(1), min_periods: z.number().int().min(2).default(3).describe('said only when at least this many periods have every measure') })
      .describe("The first and the last period of the measures' series (series fact blocks, in an unbroken run up to the latest), with their levels"),
    member_shares: z
      .strictObject({ measure, max: z.number().int().min(1).default(6) })
      .describe('The largest members with their published shares, largest first, and the rest of 100 per cent (member_shares fact block)'),
    by_region: z.strictObject({ measure, max: z.number().int().min(1).default(5) }).describe('The total and its largest parts by region, with their shares ("… were registered in Astana")'),
    breakdown: z.strictObject({ measure, max: z.number().int().min(1).default(6) }).describe("A total and its largest parts by a breakdown key, with their shares (\"Of the 45,200 …, 32,800 (72.6%) were …\")"),
    ratio: z.strictObject({ measure }),
    published_change: z.strictObject({ measure }).describe('A published percentage change, said of the series it is a change of'),
    positive_regions: z.strictObject({ measure }),
  } as const;

  // ── Tables and charts ───────────────────────────────────────────────────────────────────────

  const word = key.describe('a word of the locale (t.words)');
  const tableBlocks = {
    aggregates: z.strictObject({ id: chartId, measures: z.array(measure).min(1), partners, head: word }).describe('Aggregates by group for the two periods, with the change'),
    members: z
      .strictObject({
        id: chartId,
        measure: measure.default(''),
        of: partners,
        value: word.optional().describe('head of the value column; default: the name of the series'),
        share: word,
        note: word.optional(),
      })
      .describe('The members of each whole with their share, then the whole'),
    balance_members: z.strictObject({ id: chartId, plus: measure, minus: measure, balance: measure.default(''), of: partners, heads: z.array(word).length(3).describe('heads of the plus, minus and balance columns') }).describe('Members with both sides of a balance'),
    two_periods_members: z.strictObject({ id: chartId, measure: measure.default(''), of: partner }).describe('Members in both periods with shares and the change'),
    structure: z.strictObject({ id: chartId, measure, head: word }),
    periods: z.strictObject({ id: chartId, measure, heads: z.array(word).length(4).describe('heads of the period, plus, minus and balance columns') }).describe('The balance of every period (a dynamic table)'),
    regions: z.strictObject({ id: chartId, measure, head: word, note: word.optional() }),
  } as const;

  const spec = z.string().regex(/^[a-z][a-z0-9-]*$/).optional().describe('the chart file charts/<spec>.vl.json of the kind (default: the block type\'s)');
  const finding = z.string().optional().describe('the fact (suffix after the section id) whose sentence the alt text repeats');
  const chartBlocks = {
    members_bar: z.strictObject({ id: chartId, spec, measure: measure.default(''), of: partners, finding,
      min_coverage: z.number().min(0).max(100).default(0).describe('drawn only when the members with figures make up at least this per cent of the whole'),
      min_members: z.number().int().min(1).default(1).describe('drawn only with at least this many members (a chart of one bar repeats its sentence)'),
    }).describe('The members of a whole, largest first (one chart per whole)'),
    two_periods_bar: z
      .strictObject({ id: chartId, spec, measure: measure.default(''), partners: partners.optional(), members_of: partner.optional(), finding, otherwise: z.enum(['members_bar']).optional() })
      .describe('Two periods side by side for each partner'),
    balance_bar: z.strictObject({ id: chartId, spec, measure: measure.default(''), partners, heads: z.array(word).length(4).describe('heads of the partner, plus, minus and balance columns'), finding }),
    structure_bar: z.strictObject({ id: chartId, spec, measure, head: word, finding }),
    history_line: z.strictObject({ id: chartId, spec, measure, finding }).describe('The long series of a measure, one point per year with data (a history block with levels)'),
    series_bar: z.strictObject({ id: chartId, spec, measure, heads: z.array(word).length(4).describe('heads of the period, plus, minus and balance columns'), finding }).describe('A balance and its two sides, in the baseline and the period'),
    periods_bar: z
      .strictObject({ id: chartId, spec, measures: z.array(measure).min(1), min_periods: z.number().int().min(2).default(3).describe('drawn only when at least this many periods have every measure'), finding })
      .describe('The levels of one or more measures in consecutive periods, grouped by period (series fact blocks), in an unbroken run up to the latest'),
    shares_bar: z.strictObject({ id: chartId, spec, measure, finding }).describe('Members by their published share of a whole, largest first (a member_shares fact block)'),
  } as const;

  /** A list item that is one block: a map with one key, the block type. */
  function blockOf<T extends Record<string, Zod.ZodTypeAny>>(blocks: T) {
    return z.union(Object.entries(blocks).map(([k, body]) => z.strictObject({ [k]: body }).describe(body.description ?? k)) as unknown as [Zod.ZodTypeAny, Zod.ZodTypeAny]);
  }

  function sectionOf(block: <T extends Record<string, Zod.ZodTypeAny>>(blocks: T) => Zod.ZodTypeAny) {
    return z.strictObject({
    id: id.describe('stable id: fact ids start with it, notes.yaml attaches notes to it'),
    number: z.number().int().min(1),
    title: key.optional().describe('locale key of the title (default: the id)'),
    group: key.optional().describe('locale key of the title of the number this section is a part of (6.1, 6.2)'),
    period: z
      .strictObject({
        latest: z.array(indicator).min(1).describe('the first of these with data gives the section period'),
        rows: z.enum(['any', 'total', 'partners']).default('any').describe('only totals (no partner, region or breakdown), or only rows by partner, count'),
        breakdown: z.string().optional().describe('only rows broken down by this key count (ethnicity, sex …)'),
        regions: z.boolean().default(false).describe('only rows by region count'),
      })
      .describe('the latest period at or before the report period'),
    baseline: z
      .union([z.enum(['previous', 'year_ago', 'none']), z.strictObject({ named: z.string().min(1).describe('a period code, e.g. 2019 or 2019-Q4') })])
      .describe('previous period, the same span a year before, a named period ({ named: 2019 }), or no comparison'),
    indicators: z.array(indicator).optional().describe('named when the section has no data (default: every indicator of its facts)'),
    optional: z.boolean().default(false).describe('left out of the report when it has no data (else it says that no data were available)'),
    facts: z.array(block(factBlocks)).default([]),
    text: z.array(z.array(block(textBlocks))).default([]).describe('paragraphs of sentence blocks'),
    tables: z.array(block(tableBlocks)).default([]),
    charts: z.array(block(chartBlocks)).default([]),
    });
  }

  /** A section, each block a union of its list's block types (the JSON Schema editors read). */
  const sectionSchema = sectionOf(blockOf);
  /** The same for the loader, whose blocks are already checked one by one by their own type's schema (fast). */
  const checkedSectionSchema = sectionOf(() => z.record(z.string(), z.unknown()));

  function kindOf(section: Zod.ZodTypeAny) {
    return z.strictObject({
    $schema: z.string().optional(),
    kind: z.string().regex(/^[a-z][a-z0-9_-]*$/).describe('the folder name'),
    default: z.boolean().default(false).describe('the kind built when --template is not given'),
    period: z
      .strictObject({
        unit: z.enum(['quarter', 'month', 'year', 'year_to_date']),
        lead: indicator.describe('the indicator whose latest data give the default report period'),
        rows: z.enum(['partners', 'total']).describe('only rows by partner, or only totals, count'),
      })
      .describe('how the default report period is chosen'),
    front: z.array(z.enum(['cover', 'contents', 'key_findings', 'about', 'policy'])).describe('front matter, in order'),
    policy_number: z.number().int().min(1).optional().describe('the section number of the policy developments, when they are a numbered section'),
    findings: z.strictObject({ max: z.number().int().min(0).max(12).default(6) }).default({ max: 6 }),
    sections: z.array(section).min(1),
    });
  }

  const kindSchema = kindOf(sectionSchema);
  /** The spec's schema as the loader checks it, once each block is checked by its own type's schema. */
  const checkedKindSchema = kindOf(checkedSectionSchema);
  return { factBlocks, textBlocks, tableBlocks, chartBlocks, sectionSchema, kindSchema, checkedKindSchema, sectionOf, kindOf };
}

let built: ReturnType<typeof build> | undefined;

/** The schemas (zod loaded now, from the installed package, outside the bundle). */
export function schemas(): ReturnType<typeof build> {
  built ??= build(zod());
  return built;
}

/** zod itself, the instance the schemas are made with. */
export function zod(): Z {
  return (createRequire(import.meta.url)('zod') as typeof Zod).z;
}

export const DEFAULT_CHART_SPEC: Record<string, string> = {
  members_bar: 'partners-bar',
  two_periods_bar: 'two-periods-bar',
  balance_bar: 'balance-bar',
  structure_bar: 'structure-bar',
  series_bar: 'series-bar',
  history_line: 'series-line',
  periods_bar: 'periods-bar',
  shares_bar: 'partners-bar',
};

type S = ReturnType<typeof build>;
type Spec = Zod.output<ReturnType<S['kindOf']>>;
export type SectionSpec = Omit<Zod.output<ReturnType<S['sectionOf']>>, 'facts' | 'text' | 'tables' | 'charts'> & {
  facts: unknown[];
  text: unknown[][];
  tables: unknown[];
  charts: unknown[];
};
export type KindSpec = Omit<Spec, 'sections'> & { sections: SectionSpec[] };
type Out<T extends Record<string, Zod.ZodTypeAny>> = { [K in keyof T]: { type: K; body: Zod.output<T[K]> } }[keyof T];
export type FactBlock = Out<S['factBlocks']>;
export type TextBlock = Out<S['textBlocks']>;
export type TableBlock = Out<S['tableBlocks']>;
export type ChartBlock = Out<S['chartBlocks']>;

/** A block list item as its type and body (the loader has checked that it is one block of a known type). */
export function blockEntry(b: unknown): [string, Record<string, unknown>] {
  return Object.entries(b as Record<string, Record<string, unknown>>)[0];
}

/** A block list item as the typed union of its list. */
export function typedBlock<T extends { type: string; body: unknown }>(b: unknown): T {
  const [type, body] = blockEntry(b);
  return { type, body } as T;
}
