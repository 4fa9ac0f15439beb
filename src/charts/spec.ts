// Chart specs: read a Vega-Lite file, merge the theme, compile to a parsed Vega runtime; cached per
// process, and the parsed runtime (plain JSON by Vega's design) also on disk: importing Vega-Lite,
// compiling and parsing cost ~200 ms of every cold build, for output that only changes when the
// spec, the theme, Vega-Lite or Vega does.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import * as vega from 'vega';
import type * as VegaLite from 'vega-lite';
import { contentKey, readCached, writeCached } from '../compile-cache.ts';
import { UserError } from '../errors.ts';
import { importPackage } from '../external.ts';
import { renderMessages } from '../messages/index.ts';
import { packageRoot } from '../paths.ts';

/** The dataset name every spec reads its rows from: `"data": {"name": "values"}`. */
export const DATASET = 'values';

const PROJECT_ROOT = packageRoot;
export const DEFAULT_THEME = join(PROJECT_ROOT, 'styles', 'chart-theme.json');

export interface CompiledChart {
  runtime: vega.Runtime;
  /** Vega-Lite warnings other than the expected ones; the golden tests require none. */
  warnings: string[];
  /** The data fields the spec reads (not those its transforms make), each where the spec names it. */
  fields?: SpecField[];
  /** The spec file as shown in messages. */
  shown?: string;
}

export interface SpecField {
  name: string;
  line: number;
  column: number;
}

const MARKS = ['arc', 'area', 'bar', 'circle', 'geoshape', 'line', 'point', 'rect', 'rule', 'square', 'text', 'tick', 'trail', 'boxplot', 'errorband', 'errorbar'];

/** Line and column (1-based) of the first `"key": "value"` (or the value alone) in the spec's text. */
function positionOf(text: string, key: string, value: string): { line: number; column: number } {
  const quoted = JSON.stringify(value);
  const re = new RegExp(`${JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:\\s*${quoted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  const m = re.exec(text);
  const at = m ? m.index : Math.max(0, text.indexOf(quoted));
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * Checks what Vega-Lite would take or turn into a wrong chart: an image mark (it loads a URL; the
 * report is static), a mark type it does not know (it fails with its own TypeError), and lists the
 * fields the spec reads, for renderChart to check against the rows.
 */
function inspectSpec(source: unknown, text: string, spec: string, shown: string): SpecField[] {
  const fields: SpecField[] = [];
  const made = new Set<string>();
  const walk = (node: unknown, key: string | undefined): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, key));
    if (node === null || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    const mark = obj.mark;
    const type = typeof mark === 'string' ? mark : mark && typeof mark === 'object' ? (mark as { type?: unknown }).type : undefined;
    if (typeof type === 'string') {
      if (type === 'image') {
        throw new UserError(renderMessages.chartSpecInvalid(spec, 'it has an image mark, which loads a picture from a URL; a report’s charts are drawn from its data only'), { file: shown, ...positionOf(text, 'type', 'image') });
      }
      if (!MARKS.includes(type)) {
        throw new UserError(renderMessages.chartMarkUnknown(spec, type, MARKS), { file: shown, ...positionOf(text, typeof mark === 'string' ? 'mark' : 'type', type) });
      }
    }
    for (const [k, v] of Object.entries(obj)) {
      if (k === 'field' && typeof v === 'string' && key !== 'sort') fields.push({ name: v, ...positionOf(text, 'field', v) });
      if (k === 'as') for (const a of [v].flat()) if (typeof a === 'string') made.add(a);
      if (k === 'groupby' || k === 'fold') continue;
      walk(v, k);
    }
  };
  walk(source, undefined);
  return fields.filter((f) => !made.has(f.name.split('.')[0]));
}

interface CacheEntry {
  stamp: string;
  compiled: CompiledChart;
}

// Keyed by spec path. The stamp (mtimes of spec and theme) lets the preview pick up an edited
// spec without restarting, at the cost of two stat calls per chart.
const cache = new Map<string, CacheEntry>();
let theme: { path: string; stamp: number; config: Record<string, unknown> } | undefined;

// Vega-Lite says it drops "fit-y" whenever a spec has a step height with the theme's fit-x: that is the intent.
const EXPECTED_WARNING = /^Dropping "fit-y"/;

export function specPath(templateDir: string, spec: string): string {
  return resolve(templateDir, 'charts', `${spec}.vl.json`);
}

export async function compiledChart(templateDir: string, spec: string, themePath = DEFAULT_THEME): Promise<CompiledChart> {
  const file = specPath(templateDir, spec);
  const shown = relative(process.cwd(), file).split('\\').join('/');
  if (!/^[A-Za-z0-9][\w-]*$/.test(spec)) throw new UserError(renderMessages.chartSpecNotFound(spec, shown));
  let mtime: number;
  try {
    mtime = statSync(file).mtimeMs;
  } catch {
    throw new UserError(renderMessages.chartSpecNotFound(spec, shown));
  }
  const config = themeConfig(themePath);
  const stamp = `${mtime}|${themePath}|${theme!.stamp}`;
  const hit = cache.get(file);
  if (hit && hit.stamp === stamp) return hit.compiled;

  const compiled = await compile(spec, readFileSync(file, 'utf8'), shown, config);
  cache.set(file, { stamp, compiled });
  return compiled;
}

/** Parsed specs on disk (src/compile-cache.ts): a changed spec, theme, Vega-Lite or Vega gets a new key. */
let versions: string | undefined;

/** A package's version, read from its package.json (which "exports" may not list) without importing it. */
function installedVersion(name: string): string {
  let dir = dirname(createRequire(import.meta.url).resolve(name));
  while (!existsSync(join(dir, 'package.json')) || !readFileSync(join(dir, 'package.json'), 'utf8').includes(`"name": "${name}"`)) {
    const up = dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

function diskKey(merged: unknown): string {
  versions ??= `runtime 1, vega-lite ${installedVersion('vega-lite')}, vega ${installedVersion('vega')}`;
  return contentKey(versions, JSON.stringify(merged));
}

interface CachedRuntime {
  runtime: vega.Runtime;
  warnings: string[];
}

function readCompiled(key: string): CachedRuntime | undefined {
  const text = readCached('vega', `${key}.json`);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as CachedRuntime;
  } catch {
    return undefined; // unreadable: compile again
  }
}

async function compile(spec: string, text: string, shown: string, config: Record<string, unknown>): Promise<CompiledChart> {
  let source: Record<string, unknown>;
  try {
    source = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    const { line, column } = jsonErrorPosition(text, e as Error);
    throw new UserError(renderMessages.chartSpecInvalid(spec, (e as Error).message), { file: shown, line, column });
  }
  const data = source.data as { name?: unknown } | undefined;
  if (!data || data.name !== DATASET) {
    throw new UserError(renderMessages.chartSpecInvalid(spec, `its "data" must be {"name": "${DATASET}"}`), { file: shown, line: 1 });
  }
  const fields = inspectSpec(source, text, spec, shown);
  // The spec's own config refines the theme, key by key at the top level of each block.
  const merged = { ...source, config: mergeConfig(config, (source.config ?? {}) as Record<string, unknown>) };
  const key = diskKey(merged);
  const cached = readCompiled(key);
  if (cached) return { ...cached, fields, shown };
  const warnings: string[] = [];
  const logger = quietLogger(warnings);
  // Outside the try: a Vega-Lite that cannot be loaded is a broken install, not a bad spec.
  const vl: typeof VegaLite = await importPackage('vega-lite', () => import('vega-lite'));
  try {
    const { spec: vgSpec } = vl.compile(merged as unknown as VegaLite.TopLevelSpec, { logger });
    const runtime = vega.parse(vgSpec);
    writeCached('vega', `${key}.json`, JSON.stringify({ runtime, warnings }));
    return { runtime, warnings, fields, shown };
  } catch (e) {
    throw new UserError(renderMessages.chartSpecInvalid(spec, (e as Error).message), { file: shown, line: 1 });
  }
}

function themeConfig(themePath: string): Record<string, unknown> {
  const stamp = statSync(themePath).mtimeMs;
  if (!theme || theme.path !== themePath || theme.stamp !== stamp) {
    const parsed = JSON.parse(readFileSync(themePath, 'utf8')) as Record<string, unknown>;
    delete parsed.description;
    theme = { path: themePath, stamp, config: parsed };
  }
  return theme.config;
}

function mergeConfig(base: Record<string, unknown>, own: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(own)) {
    const under = out[key];
    out[key] = isPlainObject(under) && isPlainObject(value) ? { ...under, ...value } : value;
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function quietLogger(warnings: string[]): vega.LoggerInterface {
  const logger = {
    level: () => logger,
    error: (...args: unknown[]) => {
      throw new Error(args.map(String).join(' '));
    },
    warn: (...args: unknown[]) => {
      const text = args.map(String).join(' ');
      if (!EXPECTED_WARNING.test(text)) warnings.push(text);
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger as unknown as vega.LoggerInterface;
}

/** JSON.parse reports "at position N"; turn it into a 1-based line and column. */
function jsonErrorPosition(text: string, e: Error): { line: number; column: number } {
  const m = /position (\d+)/.exec(e.message);
  const pos = m ? Number(m[1]) : 0;
  const before = text.slice(0, pos).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** Forgets compiled specs (benchmarks measure a cold start with it). */
export function clearChartCache(): void {
  cache.clear();
  theme = undefined;
}
