// Loads and compiles a report kind's Handlebars templates (strict: a missing variable is an
// error naming template file, line and column) and renders them; compiled sets are cached.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { UserError } from '../errors.ts';
import { renderMessages } from '../messages/index.ts';
import type { SourceLocation } from '../model.ts';
import { contentKey, readCached, writeCached } from '../compile-cache.ts';

type Compiled = (context: unknown, options?: Handlebars.RuntimeOptions) => string;

export interface TemplateSet {
  render(context: unknown): string;
  /** Names of the partials available (file names without .hbs). */
  partials: Set<string>;
}

interface Loaded {
  stamp: string;
  set: TemplateSet;
}

const cache = new Map<string, Loaded>();

/** Marks an error with the template file it happened in (the innermost partial wins). */
const FILE = Symbol('templateFile');
type Tagged = Error & { [FILE]?: string; lineNumber?: number; column?: number };

function rel(root: string, file: string): string {
  return relative(root, file).split('\\').join('/');
}

/** Column of a jison parse error: the caret sits after the longest tail of `pre` that starts line `text`. */
function parseErrorColumn(message: string, lineText: string): number {
  const m = /\n(.*)\n(-*)\^/.exec(message);
  if (!m) return 1;
  const pre = m[1].slice(0, m[2].length);
  for (let k = Math.min(pre.length, lineText.length); k > 0; k--) {
    if (lineText.slice(0, k) === pre.slice(pre.length - k)) return k + 1;
  }
  return 1;
}

function syntaxError(e: Error, file: string, source: string, root: string): UserError {
  const lines = source.split('\n');
  const parse = /^Parse error on line (\d+):/.exec(e.message);
  if (parse) {
    const line = Number(parse[1]);
    const expected = /got '([^']+)'/.exec(e.message);
    const detail = expected ? `unexpected ${expected[1].toLowerCase().replace(/_/g, ' ')}` : 'cannot parse';
    return new UserError(renderMessages.templateSyntax(detail), {
      file: rel(root, file),
      line,
      column: parseErrorColumn(e.message, lines[line - 1] ?? ''),
    });
  }
  const t = e as Tagged;
  const detail = e.message.replace(/ - \d+:\d+$/, '');
  return new UserError(renderMessages.templateSyntax(detail), {
    file: rel(root, file),
    line: t.lineNumber ?? 1,
    column: (t.column ?? 0) + 1,
  });
}

const OPTIONS = { strict: true, preventIndent: true } as const;

/**
 * Precompiled templates on disk (src/compile-cache.ts), keyed by their text: parsing and compiling
 * every template costs ~40 ms of each cold build, for code that changes only when a template (or
 * Handlebars) does.
 */
function precompiled(source: string, file: string, root: string): Compiled {
  const cacheFile = `${contentKey(Handlebars.VERSION, JSON.stringify(OPTIONS), source)}.js`;
  let code = readCached('handlebars', cacheFile);
  if (code === undefined) {
    try {
      Handlebars.parse(source); // precompile's own errors carry no location; parse first for a located one
    } catch (e) {
      throw syntaxError(e as Error, file, source, root);
    }
    code = Handlebars.precompile(source, OPTIONS) as string;
    writeCached('handlebars', cacheFile, code);
  }
  // The same code Handlebars.compile would build, from Handlebars' own precompiler.
  return Handlebars.template(new Function(`return ${code}`)()) as Compiled;
}

function compileFile(file: string, root: string): Compiled {
  const source = readFileSync(file, 'utf8');
  const compiled = precompiled(source, file, root);
  return (context, options) => {
    try {
      return compiled(context, options);
    } catch (e) {
      const t = e as Tagged;
      if (t && typeof t === 'object' && !(e instanceof UserError) && !t[FILE]) t[FILE] = file;
      throw e;
    }
  };
}

function hbsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.hbs'))
    .sort()
    .map((f) => join(dir, f));
}

/** A cheap fingerprint of the templates, so the preview recompiles only after an edit. */
function stampOf(files: string[]): string {
  return files.map((f) => `${f}:${statSync(f).mtimeMs}:${statSync(f).size}`).join('|');
}

function toUserError(e: unknown, root: string): unknown {
  if (e instanceof UserError) return e;
  const t = e as Tagged;
  const file = t?.[FILE];
  if (!file) return e;
  const at: SourceLocation = { file: rel(root, file), line: t.lineNumber ?? 1, column: (t.column ?? 0) + 1 };
  const missing = /^"([^"]+)" not defined in/.exec(t.message);
  if (missing) return new UserError(renderMessages.templateMissingVariable(missing[1]), at);
  const partial = /^The partial (.+) could not be found/.exec(t.message);
  if (partial) return new UserError(renderMessages.templateMissingPartial(partial[1]), partialCallAt(file, partial[1], at.file));
  return new UserError(renderMessages.templateSyntax(t.message), at);
}

/**
 * The template set of a report kind: `templates/<kind>/report.hbs`, with partials from
 * `templates/partials/` and `templates/<kind>/partials/` (the kind's own win).
 */
export function loadTemplateSet(
  templatesRoot: string,
  kind: string,
  helpers: Record<string, Handlebars.HelperDelegate>,
  projectRoot = process.cwd(),
): TemplateSet {
  const main = join(templatesRoot, kind, 'report.hbs');
  if (!existsSync(main)) {
    const known = existsSync(templatesRoot)
      ? readdirSync(templatesRoot).filter((d) => existsSync(join(templatesRoot, d, 'report.hbs'))).sort()
      : [];
    throw new UserError(renderMessages.templateNotFound(kind, known));
  }
  const partialFiles = [...hbsFiles(join(templatesRoot, 'partials')), ...hbsFiles(join(templatesRoot, kind, 'partials'))];
  const files = [main, ...partialFiles];
  const stamp = stampOf(files);
  const key = `${templatesRoot}\0${kind}`;
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return hit.set;

  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn);
  for (const file of partialFiles) {
    const compiled = compileFile(file, projectRoot);
    hb.registerPartial(basename(file, '.hbs'), compiled as unknown as Handlebars.Template);
  }
  const layout = compileFile(main, projectRoot);
  const set: TemplateSet = {
    partials: new Set(partialFiles.map((f) => basename(f, '.hbs'))),
    render(context) {
      try {
        return layout(context, { helpers: hb.helpers, partials: hb.partials as Record<string, Handlebars.Template> });
      } catch (e) {
        throw toUserError(e, projectRoot);
      }
    },
  };
  cache.set(key, { stamp, set });
  return set;
}

/** Where a template calls the partial `name` ({{> name}}): Handlebars names no line for a missing one. */
function partialCallAt(path: string, name: string, shown: string): SourceLocation {
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { file: shown, line: 1 };
  }
  const m = new RegExp(`\\{\\{~?>\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).exec(text);
  if (!m) return { file: shown, line: 1 };
  const before = text.slice(0, m.index).split('\n');
  return { file: shown, line: before.length, column: before[before.length - 1].length + 1 };
}
