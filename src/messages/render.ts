// User-facing messages of the render stage.
import type { Message } from '../errors.ts';

export type { Message };

// --- templates (render stage) ---
export const noLabels = (lang: string, known: readonly string[]): Message => ({
  code: 'render/no-labels',
  message: `the report's headings and captions have no "${lang}" wording`,
  hint: `add a "${lang}" entry to src/render/labels.ts, or use one of: ${known.join(', ')}`,
});

export const templateMissingVariable = (name: string): Message => ({
  code: 'render/missing-variable',
  message: `the template uses "${name}", which the report does not provide`,
  hint: 'check the spelling against the report model (src/report-model.ts), or wrap optional parts in {{#if …}}',
});

export const templateSyntax = (detail: string): Message => ({
  code: 'render/template-syntax',
  message: `template syntax error: ${detail}`,
  hint: 'check that every {{#block}} has its {{/block}} and every {{ has its }}',
});

export const templateMissingPartial = (name: string): Message => ({
  code: 'render/missing-partial',
  message: `the template includes the partial "${name}", which does not exist`,
  hint: 'partials are the .hbs files in templates/partials/ and templates/<kind>/partials/',
});

export const templateNotFound = (kind: string, known: string[]): Message => ({
  code: 'render/unknown-template',
  message: `there is no report template "${kind}"`,
  hint: known.length ? `use one of: ${known.join(', ')}` : 'templates live in templates/<kind>/report.hbs',
});

// --- charts (Vega-Lite specs rendered to SVG; src/charts/) ---
export const chartNoData = (chartId: string, spec: string): Message => ({
  code: 'render/chart-no-data',
  message: `chart "${chartId}" (${spec}) has no data to draw`,
  hint: 'leave the chart out and say in the text which figures are missing; a chart is never drawn empty or with zeros',
});

export const chartValueMissing = (chartId: string, row: number, field: string): Message => ({
  code: 'render/chart-value-missing',
  message: `chart "${chartId}": row ${row} has no number in "${field}"`,
  hint: 'a missing figure is not zero: drop the row and say it is missing, or leave the chart out',
});

export const chartSpecNotFound = (spec: string, file: string): Message => ({
  code: 'render/chart-spec-not-found',
  message: `there is no chart spec "${spec}" (looked for ${file})`,
  hint: 'chart specs are the *.vl.json files in templates/<kind>/charts/; use the file name without .vl.json',
});

export const chartSpecInvalid = (spec: string, detail: string): Message => ({
  code: 'render/chart-spec-invalid',
  message: `chart spec "${spec}" cannot be used: ${detail}`,
  hint: 'a spec is a Vega-Lite JSON file that reads its rows from the named dataset {"name": "values"}',
});

export const chartIdInvalid = (chartId: string): Message => ({
  code: 'render/chart-id-invalid',
  message: `chart id "${chartId}" cannot be used as an element id`,
  hint: 'use letters, digits, hyphens and underscores, starting with a letter, e.g. "inflow-cis"',
});

export const chartIdDuplicate = (chartId: string): Message => ({
  code: 'render/chart-id-duplicate',
  message: `two charts have the id "${chartId}"`,
  hint: 'every chart on a page needs its own id, or their element ids collide',
});

export const chartLanguageUnsupported = (lang: string, known: string[]): Message => ({
  code: 'render/chart-language',
  message: `charts have no number format for the language "${lang}"`,
  hint: `use one of: ${known.join(', ')}`,
});

export const chartMarkUnknown = (spec: string, mark: string, marks: string[]): Message => ({
  code: 'render/chart-spec-invalid',
  message: `chart spec "${spec}" has mark type "${mark}", which Vega-Lite does not know`,
  hint: `use one of: ${marks.join(', ')}`,
});

export const chartFieldUnknown = (spec: string, field: string, fields: string[]): Message => ({
  code: 'render/chart-field-unknown',
  message: `chart spec "${spec}" reads the field "${field}", which the chart's rows do not have`,
  hint: `the rows have: ${fields.join(', ')}`,
});

export const remoteUrlInStyles = (url: string): Message => ({
  code: 'render/remote-url',
  message: `the stylesheet loads ${url.length > 120 ? url.slice(0, 119) + '…' : url}, but the report's HTML must open offline and load nothing from another address`,
  hint: 'put the image or font in the stylesheet as a data: URL, or remove the rule',
});

export const sourceUntranslated = (id: string, column: string, lang: string, hasColumn: boolean): Message => ({
  code: 'render/source-untranslated',
  message: `the ${lang} edition cites the source "${id}", and its ${column} is empty`,
  hint: hasColumn
    ? `fill ${column} on this row (a work with no ${lang} edition keeps its own title there)`
    : `add a column ${column} to sources.csv and fill it for the sources this edition cites`,
});
