// Charts stage: a Vega-Lite spec file + rows of named data → a static, accessible SVG string.
//
//   ChartInput ──validate──► rows ──┐
//   <templateDir>/charts/<spec>.vl.json + styles/chart-theme.json ──compile (cached)──► Vega runtime
//                                   └──► View (renderer 'none', locale of lang) ──toSVG──► finishSvg ──► RenderedChart
//
// No canvas package: Vega then measures text with a width table for Noto Sans (text-width.ts), which is
// deterministic, so the same input always gives the same bytes.
import * as vega from 'vega';
import { UserError } from '../errors.ts';
import type { ChartData } from '../report-model.ts';
import { renderMessages } from '../messages/index.ts';
import { numberLocaleOf } from './locale.ts';
import { DATASET, compiledChart } from './spec.ts';
import { finishSvg } from './svg.ts';
import { useNotoSansMetrics } from './text-width.ts';

/**
 * What a chart is drawn from: the report model's chart without its data table. The id prefixes
 * every id inside the SVG; the caption becomes its <title> and the alt text its <desc>; the
 * source is not drawn (the template prints it under the figure).
 */
export type ChartInput = Omit<ChartData, 'table'>;

export interface RenderedChart {
  id: string;
  svg: string;
}

export interface ChartOptions {
  templateDir: string;
  /** 'en' | 'ru' | 'kk': the number format of axes (labels come pre-formatted in the rows). */
  lang: string;
  /** Another theme file (tests); defaults to styles/chart-theme.json. */
  themePath?: string;
}

/** Every value field a spec may read as a number; a row without a number there is missing data. */
const NUMBER_FIELD = 'value';

/** Rendered SVGs per compiled spec (a recompiled spec drops its entries with the old object). */
const renderedCache = new WeakMap<object, Map<string, string>>();
const MAX_PER_SPEC = 64;

function remember(compiled: object, key: string, svg: string): void {
  let entries = renderedCache.get(compiled);
  if (!entries) renderedCache.set(compiled, (entries = new Map()));
  entries.set(key, svg);
  // Oldest first out: the preview keeps at most a few drafts of each chart.
  if (entries.size > MAX_PER_SPEC) entries.delete(entries.keys().next().value!);
}

export async function renderChart(input: ChartInput, opts: ChartOptions): Promise<RenderedChart> {
  // 1. validate the input: a usable id, rows present, every value a number
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(input.id)) throw new UserError(renderMessages.chartIdInvalid(input.id));
  if (input.values.length === 0) throw new UserError(renderMessages.chartNoData(input.id, input.spec));
  const rows = input.values.map((row, i) => {
    const value = row[NUMBER_FIELD];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new UserError(renderMessages.chartValueMissing(input.id, i + 1, NUMBER_FIELD));
    }
    // A copy: Vega tags the objects it ingests. `flag` defaults to '' so specs can test it directly.
    return { flag: '', ...row };
  });
  const locale = numberLocaleOf(opts.lang);

  // 2. compile the spec with the theme (cached per process)
  const compiled = await compiledChart(opts.templateDir, input.spec, opts.themePath);
  const { runtime } = compiled;
  // A field the rows lack draws a wrong chart without a word from Vega (one unlabeled bar): an error.
  const present = new Set(['flag', ...rows.flatMap((r) => Object.keys(r))]);
  const absent = compiled.fields?.find((f) => !present.has(f.name.split('.')[0]));
  if (absent) {
    throw new UserError(renderMessages.chartFieldUnknown(input.spec, absent.name, [...present].sort()), { file: compiled.shown ?? input.spec, line: absent.line, column: absent.column });
  }

  // A chart is a pure function of its compiled spec and its input, so an unchanged chart is
  // not drawn again: the preview re-renders on every save, and most charts stay the same.
  const key = JSON.stringify([input.id, input.values, input.caption, input.alt, opts.lang]);
  const drawn = renderedCache.get(compiled)?.get(key);
  if (drawn !== undefined) return { id: input.id, svg: drawn };

  // 3. bind the rows and render headless
  useNotoSansMetrics();
  const view = new vega.View(runtime, { renderer: 'none', locale: { number: locale } } as unknown as vega.ViewOptions);
  try {
    view.data(DATASET, rows);
    const raw = await view.toSVG();
    // 4. make it static and accessible
    const svg = finishSvg(raw, input.id, input.caption, input.alt);
    remember(compiled, key, svg);
    return { id: input.id, svg };
  } finally {
    view.finalize();
  }
}

/** Renders several charts for one page; their ids must differ. */
export async function renderCharts(inputs: ChartInput[], opts: ChartOptions): Promise<RenderedChart[]> {
  const seen = new Set<string>();
  for (const input of inputs) {
    if (seen.has(input.id)) throw new UserError(renderMessages.chartIdDuplicate(input.id));
    seen.add(input.id);
  }
  // Sequential: the work is synchronous CPU inside Vega, so running them "in parallel" gains nothing.
  const out: RenderedChart[] = [];
  for (const input of inputs) out.push(await renderChart(input, opts));
  return out;
}
