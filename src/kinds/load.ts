// Reads and checks report kinds: templates/<kind>/report.yaml against the schema (src/kinds/schema.ts), then
// against what it names — indicators and partners of the data's reference files, measures and facts of its own
// sections, chart files of its folder, keys of every locale. Each problem is a UserError located at
// report.yaml:line:column with a "did you mean"; nothing the spec names is ever dropped in silence.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { UserError, UserErrors } from '../errors.ts';
import { contentKey, readCached, writeCached } from '../compile-cache.ts';
import { packageRoot } from '../paths.ts';
import { closest } from '../load/closest.ts';
import type { Reference, SourceLocation } from '../model.ts';
import * as msg from '../messages/kinds.ts';
import { DEFAULT_CHART_SPEC, SCHEMA_KEY, blockEntry, schemas, type KindSpec, type SectionSpec } from './schema.ts';

/** The package's templates folder (kinds are folders in it). */
export const TEMPLATES_DIR = join(packageRoot, 'templates');

/** What a spec is checked against beyond its schema; each part optional (the reference comes with the data). */
export interface KindContext {
  reference?: Reference;
  /** Per language: the locale's keys by kind (phrase, word, title, group title). */
  locales?: Record<string, LocaleKeys>;
}

export interface LocaleKeys {
  phrase: string[];
  word: string[];
  note: string[];
  title: string[];
  group: string[];
}

export interface LoadedKind {
  spec: KindSpec;
  dir: string;
}

/** The kinds in a templates folder: every sub-folder with a report.yaml, sorted. */
export function kindNames(dir = TEMPLATES_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'report.yaml')))
    .map((d) => d.name)
    .sort();
}

const cache = new Map<string, { text: string; kind: LoadedKind }>();

/** The kind built when none is named: the one marked `default: true`, else the first. */
const defaults = new Map<string, string>();

export function defaultKind(dir = TEMPLATES_DIR): string {
  const known = defaults.get(dir);
  if (known !== undefined) return known;
  const names = kindNames(dir);
  if (!names.length) throw new UserError(msg.noKinds(dir));
  const chosen = names.find((n) => /^default:\s*true\b/m.test(readFileSync(join(dir, n, 'report.yaml'), 'utf8'))) ?? names[0];
  defaults.set(dir, chosen);
  return chosen;
}

/** Reads, validates and caches one kind; throws UserErrors (every problem, located) when it is not valid. */
export function loadKind(name: string, ctx: KindContext = {}, dir = TEMPLATES_DIR): LoadedKind {
  const names = kindNames(dir);
  if (!names.includes(name)) throw new UserError(msg.unknownKind(name, closest(name, names), names));
  const folder = join(dir, name);
  const path = join(folder, 'report.yaml');
  const text = readFileSync(path, 'utf8');
  const key = `${path}\u0000${ctx.reference ? 'r' : ''}`;
  const hit = cache.get(key);
  if (hit && hit.text === text) return hit.kind;
  const kind = { spec: parseKind(text, relative(process.cwd(), path) || path, folder, ctx), dir: folder };
  cache.set(key, { text, kind });
  return kind;
}

type Path = (string | number)[];

/** A spec's YAML document with the helpers that locate its nodes (built only when a problem needs a place). */
function locator(text: string, file: string) {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  const at = (node: unknown): SourceLocation => {
    const range = (node as Node | null)?.range;
    if (!range) return { file, line: 1, column: 1 };
    const p = lines.linePos(range[0]);
    return { file, line: p.line, column: p.col };
  };
  const nodeAt = (path: Path, keyNode = false): unknown => {
    let node: unknown = doc.contents;
    for (const p of path) {
      if (isMap(node)) {
        const pair = node.items.find((i) => isScalar(i.key) && i.key.value === p);
        if (!pair) return node;
        node = keyNode && p === path[path.length - 1] ? pair.key : pair.value;
      } else if (isSeq(node) && typeof p === 'number') node = node.items[p] ?? node;
      else return node;
    }
    return node;
  };
  return { doc, at, nodeAt };
}

const checkedNames = new Set<string>();

/** A key of everything a spec's names are checked against: the reference's codes, the kind's charts, the locales' keys. */
function namesKey(folder: string, ctx: KindContext): string {
  const ref = ctx.reference;
  const charts = existsSync(join(folder, 'charts')) ? readdirSync(join(folder, 'charts')).sort().join(',') : '';
  return contentKey(
    folder,
    charts,
    ref ? [...ref.indicators.keys()].join(',') : '-',
    ref ? [...ref.countries.values()].map((c) => `${c.code}${c.isGroup ? '*' : ''}`).join(',') : '-',
    JSON.stringify(ctx.locales ?? {}),
  );
}

/** Specs that passed the schema, by the hash of their text (and of the schema): the YAML parse and the schema cost
 * ~50 ms of a cold build on a slow machine, for a file that rarely changes (src/compile-cache.ts). */
const checkedSpecs = new Map<string, KindSpec>();

/**
 * Parses and checks a spec's text; `file` is how errors name it. The schema's verdict is cached by content; the
 * names it uses (indicators, partners, measures, facts, chart files, locale keys) are checked on every read.
 */
export function parseKind(text: string, file: string, folder: string, ctx: KindContext = {}): KindSpec {
  const key = `${contentKey(SCHEMA_KEY, text)}.json`;
  let loc: ReturnType<typeof locator> | undefined;
  const locate = () => (loc ??= locator(text, file));
  let spec = checkedSpecs.get(key);
  if (!spec) {
    const cached = readCached('kinds', key);
    spec = cached ? (JSON.parse(cached) as KindSpec) : checkSchema(text, file, locate());
    if (!cached) writeCached('kinds', key, JSON.stringify(spec));
    checkedSpecs.set(key, spec);
  }
  // Names are checked against the data's reference and the locales; a problem is located by parsing the text then.
  const problems: { m: msg.Message; path: Path; key: boolean }[] = [];
  const nodeAt = (path: Path, keyNode = false) => ({ path, key: keyNode });
  const add = (m: msg.Message, ref: unknown) => problems.push({ m, ...(ref as { path: Path; key: boolean }) });
  const folderName = folder.split(/[\\/]/).pop();
  if (spec.kind !== folderName) add(msg.badValue(`kind "${spec.kind}" must be the folder's name, "${folderName}"`), nodeAt(['kind']));
  // The names' verdict depends only on the spec and on what it is checked against: a verdict of "all known" is
  // kept under the hash of both, so an unchanged project checks its names once.
  const verdict = `${key.replace(/\.json$/, '')}-${namesKey(folder, ctx)}.ok`;
  if (!problems.length && !checkedNames.has(verdict) && readCached('kinds', verdict) === undefined) {
    checkNames(spec, folder, ctx, nodeAt, add);
    if (!problems.length) writeCached('kinds', verdict, '');
  }
  if (!problems.length) checkedNames.add(verdict);
  if (problems.length) {
    const l = locate();
    throw new UserErrors(problems.map((p) => new UserError(p.m, l.at(l.nodeAt(p.path, p.key)))));
  }
  return spec;
}

/** The schema's checks: YAML syntax, each block by its type, then the whole; every problem located. */
function checkSchema(text: string, file: string, l: ReturnType<typeof locator>): KindSpec {
  const { doc, at, nodeAt } = l;
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new UserError(msg.yamlSyntax(e.message.split(/ at line \d+/)[0].split('\n')[0]), { file, line: e.linePos?.[0].line ?? 1, column: e.linePos?.[0].col });
  }
  const errors: UserError[] = [];
  const add = (m: msg.Message, node: unknown) => errors.push(new UserError(m, at(node)));
  const zodProblems = (issues: z.core.$ZodIssue[], base: Path) => {
    // A misspelt key is one problem, not also a missing one: keys guessed for an unknown key are not reported missing.
    const guessed = new Set<string>();
    for (const i of issues)
      if (i.code === 'unrecognized_keys') {
        const path = [...base, ...(i.path as Path)];
        const known = knownKeysAt(path);
        for (const k of i.keys) {
          const guess = closest(k, known);
          if (guess) guessed.add([...path, guess].join('.'));
        }
      }
    for (const issue of issues) {
      // A value that fits no branch of a union (a word or a map): said as the branch its kind of value fits.
      let i = issue;
      if (i.code === 'invalid_union' && 'errors' in i) {
        const given = valueAt(doc, [...base, ...(i.path as Path)]);
        const branches = (i as unknown as { errors: z.core.$ZodIssue[][] }).errors;
        const fit = branches.find((b) => b.some((x) => (typeof given === 'string' ? x.code === 'invalid_value' : x.code !== 'invalid_value')));
        if (fit?.length) i = { ...fit[0], path: [...(i.path as Path), ...(fit[0].path as Path)] } as z.core.$ZodIssue;
      }
      const path = [...base, ...(i.path as Path)];
      if (i.code === 'unrecognized_keys') {
        const known = knownKeysAt(path);
        for (const k of i.keys) add(msg.unknownKey(k, closest(k, known), known), nodeAt([...path, k], true));
      } else if (valueAt(doc, path) === undefined && path.length > 0) {
        if (!guessed.has(path.join('.'))) add(msg.missingKey(String(path[path.length - 1])), nodeAt(path.slice(0, -1)));
      } else if (i.code === 'invalid_value' && 'values' in i) {
        const given = String(valueAt(doc, path));
        const values = (i.values as unknown[]).map(String);
        add(msg.badValue(`"${given}" is not one of ${values.join(', ')}${closest(given, values) ? ` (did you mean "${closest(given, values)}"?)` : ''}`), nodeAt(path));
      } else add(msg.badValue(`${path.join('.') || 'report.yaml'}: ${i.message}`), nodeAt(path));
    }
  };
  // Block lists first: each item one block of a known type, its body checked by the type's own schema.
  const raw = doc.toJS({ maxAliasCount: 100 }) as unknown;
  const { factBlocks, textBlocks, tableBlocks, chartBlocks, checkedKindSchema } = schemas();
  const lists: [string, Record<string, z.ZodTypeAny>, boolean][] = [
    ['facts', factBlocks, false],
    ['text', textBlocks, true],
    ['tables', tableBlocks, false],
    ['charts', chartBlocks, false],
  ];
  const sections = (raw as { sections?: unknown })?.sections;
  // Each block as its own type's schema gives it (defaults applied), by its path in the spec.
  const checked = new Map<string, unknown>();
  if (Array.isArray(sections))
    sections.forEach((s, si) => {
      if (!s || typeof s !== 'object') return;
      for (const [list, blocks, nested] of lists) {
        const items = (s as Record<string, unknown>)[list];
        if (!Array.isArray(items)) continue;
        const check = (item: unknown, path: Path) => {
          const node = nodeAt(path);
          if (!item || typeof item !== 'object' || Array.isArray(item) || Object.keys(item).length !== 1) return add(msg.notABlock(list), node);
          const [type] = Object.keys(item);
          const known = Object.keys(blocks);
          if (!(type in blocks)) return add(msg.unknownBlock(type, list === 'text' ? 'sentence' : list.replace(/s$/, ''), closest(type, known), known), nodeAt([...path, type], true));
          const r = blocks[type].safeParse((item as Record<string, unknown>)[type] ?? {});
          if (!r.success) zodProblems(r.error.issues, [...path, type]);
          else checked.set(path.join('.'), { [type]: r.data });
        };
        items.forEach((item, i) => {
          if (nested) {
            if (!Array.isArray(item)) return add(msg.badValue(`sections.${si}.text.${i}: a paragraph is a list of sentence blocks`), nodeAt(['sections', si, list, i]));
            item.forEach((b, j) => check(b, ['sections', si, list, i, j]));
          } else check(item, ['sections', si, list, i]);
        });
      }
    });
  if (errors.length) throw new UserErrors(errors);
  const parsed = checkedKindSchema.safeParse(raw);
  if (!parsed.success) {
    zodProblems(parsed.error.issues, []);
    throw new UserErrors(errors);
  }
  const spec = parsed.data as unknown as KindSpec;
  spec.sections.forEach((s, si) => {
    const at = (list: string, ...i: number[]) => checked.get(['sections', si, list, ...i].join('.'));
    s.facts = s.facts.map((_, i) => at('facts', i));
    s.text = s.text.map((para, i) => para.map((_, j) => at('text', i, j)));
    s.tables = s.tables.map((_, i) => at('tables', i));
    s.charts = s.charts.map((_, i) => at('charts', i));
  });
  return spec;
}

function valueAt(doc: Document, path: Path): unknown {
  return doc.getIn(path);
}

/** The keys allowed at a path of the spec, for "did you mean" on an unknown one. */
function knownKeysAt(path: Path): string[] {
  const { kindSchema, factBlocks, textBlocks, tableBlocks, chartBlocks } = schemas();
  const shape = (s: z.ZodTypeAny): string[] => Object.keys((s as unknown as { shape?: Record<string, unknown> }).shape ?? {});
  if (path.length === 0) return shape(kindSchema);
  if (path[0] === 'sections' && path.length === 2) return Object.keys(kindSchemaSectionShape());
  const all = { ...factBlocks, ...textBlocks, ...tableBlocks, ...chartBlocks } as Record<string, z.ZodTypeAny>;
  const last = path[path.length - 1];
  if (typeof last === 'string' && last in all) return shape(all[last]);
  if (path[0] === 'period' || path[2] === 'period') return ['unit', 'lead', 'rows', 'latest'];
  return [];
}

function kindSchemaSectionShape(): Record<string, z.ZodTypeAny> {
  return (schemas().kindSchema.shape.sections.element as unknown as { shape: Record<string, z.ZodTypeAny> }).shape;
}

/** The measures a section's fact blocks name, with the indicator each states. */
export function measuresOf(section: SectionSpec): Map<string, { indicator?: string; block: string }> {
  const out = new Map<string, { indicator?: string; block: string }>();
  for (const b of section.facts) {
    const [type, body] = blockEntry(b);
    const m = String(body.measure ?? '');
    if (!out.has(m)) out.set(m, { indicator: (body.indicator ?? body.plus) as string | undefined, block: type });
  }
  return out;
}

function checkNames(spec: KindSpec, folder: string, ctx: KindContext, nodeAt: (p: Path, key?: boolean) => unknown, add: (m: msg.Message, node: unknown) => void): void {
  const ref = ctx.reference;
  const indicators = ref ? [...ref.indicators.keys()] : [];
  const codes = ref ? [...ref.countries.keys()] : [];
  const checkIndicator = (id: string | undefined, path: Path) => {
    if (ref && id !== undefined && !ref.indicators.has(id)) add(msg.unknownIndicator(id, closest(id, indicators)), nodeAt(path));
  };
  const checkPartner = (p: string, path: Path) => {
    if (ref && p !== 'total' && p !== 'groups' && !ref.countries.has(p)) add(msg.unknownPartner(p, closest(p, ['total', 'groups', ...codes])), nodeAt(path));
  };
  const charts = existsSync(join(folder, 'charts')) ? readdirSync(join(folder, 'charts')).filter((f) => f.endsWith('.vl.json')).map((f) => f.replace(/\.vl\.json$/, '')) : [];
  const localeKey = (kind: keyof LocaleKeys, key: string | undefined, path: Path) => {
    if (key === undefined) return;
    // One error per key, naming every locale that lacks it.
    const lacking = Object.entries(ctx.locales ?? {}).filter(([, keys]) => !keys[kind].includes(key));
    if (!lacking.length) return;
    const keys = lacking[0][1][kind];
    add(msg.unknownLocaleKey(key, kind === 'group' ? 'group title' : kind, lacking.map(([lang]) => lang), closest(key, keys), keys), nodeAt(path));
  };
  checkIndicator(spec.period.lead, ['period', 'lead']);
  const sectionIds = new Set<string>();
  const chartIds = new Set<string>();
  spec.sections.forEach((s, si) => {
    const base: Path = ['sections', si];
    if (sectionIds.has(s.id)) add(msg.duplicateId('section', s.id), nodeAt([...base, 'id']));
    sectionIds.add(s.id);
    localeKey('title', s.title ?? s.id, [...base, s.title ? 'title' : 'id']);
    localeKey('group', s.group, [...base, 'group']);
    s.period.latest.forEach((id, i) => checkIndicator(id, [...base, 'period', 'latest', i]));
    (s.indicators ?? []).forEach((id, i) => checkIndicator(id, [...base, 'indicators', i]));
    const measures = measuresOf(s);
    const known = [...measures.keys()];
    const factPrefixes = new Set<string>();
    s.facts.forEach((b, i) => {
      const [type, body] = blockEntry(b);
      const p = (k: string): Path => [...base, 'facts', i, type, k];
      for (const k of ['indicator', 'plus', 'minus', 'counts']) if (typeof body[k] === 'string') checkIndicator(body[k] as string, p(k));
      for (const k of ['aggregates', 'lists', 'partners', 'members_of']) if (Array.isArray(body[k])) (body[k] as string[]).forEach((x, j) => checkPartner(x, [...p(k), j]));
      if (typeof body.whole === 'string') checkPartner(body.whole, p('whole'));
      if (typeof body.partner === 'string') checkPartner(body.partner, p('partner'));
      if (type === 'history' && !body.indicator && !body.balance_of) add(msg.badValue('a history block names its indicator, or the balance it follows (balance_of)'), nodeAt([...base, 'facts', i, type]));
      if (typeof body.balance_of === 'string' && measures.get(body.balance_of)?.block !== 'balance') add(msg.unknownMeasure(body.balance_of, s.id, closest(body.balance_of, known), known), nodeAt(p('balance_of')));
      const m = String(body.measure ?? '');
      if (m) factPrefixes.add(m);
      else {
        // A block without a measure names its facts by partner: the total, each group, and each country it lists.
        const listsMembers = ['lists', 'members_of'].some((k) => Array.isArray(body[k]) && (body[k] as string[]).length > 0);
        for (const k of ['aggregates', 'lists', 'partners'])
          for (const x of (body[k] as string[] | undefined) ?? []) {
            if (x !== 'groups') factPrefixes.add(x === 'total' ? 'total' : x.toLowerCase());
            else if (ref) {
              for (const c of ref.countries.values()) if (c.isGroup) factPrefixes.add(c.code.toLowerCase());
            } else factPrefixes.add('*');
          }
        if (listsMembers && ref) {
          for (const c of ref.countries.values()) if (!c.isGroup) factPrefixes.add(c.code.toLowerCase());
        } else if (listsMembers) factPrefixes.add('*');
      }
    });
    const measureRef = (m: unknown, path: Path) => {
      if (typeof m === 'string' && !measures.has(m)) add(msg.unknownMeasure(m, s.id, closest(m, known), known), nodeAt(path));
    };
    const blockRefs = (list: 'text' | 'tables' | 'charts', b: Record<string, unknown>, path: Path) => {
      const [type, body] = blockEntry(b);
      const p = (k: string): Path => [...path, type, k];
      for (const k of ['measure', 'net', 'plus', 'minus', 'subject', 'balance']) if (k in body) measureRef(body[k], p(k));
      for (const k of ['measures']) if (Array.isArray(body[k])) (body[k] as string[]).forEach((x, j) => measureRef(x, [...p(k), j]));
      for (const k of ['partners', 'of', 'parts']) if (Array.isArray(body[k])) (body[k] as string[]).forEach((x, j) => checkPartner(x, [...p(k), j]));
      for (const k of ['partner', 'of', 'members_of']) if (typeof body[k] === 'string') checkPartner(body[k] as string, p(k));
      if (typeof body.phrase === 'string') localeKey('phrase', body.phrase, p('phrase'));
      for (const k of ['head', 'value', 'share']) if (typeof body[k] === 'string') localeKey('word', body[k] as string, p(k));
      if (Array.isArray(body.heads)) (body.heads as string[]).forEach((x, j) => localeKey('word', x, [...p('heads'), j]));
      if (typeof body.note === 'string') localeKey('note', body.note, p('note'));
      if (list === 'charts') {
        const spec = (body.spec as string | undefined) ?? DEFAULT_CHART_SPEC[type as keyof typeof DEFAULT_CHART_SPEC];
        if (!charts.includes(spec)) add(msg.unknownChart(spec, `${relative(process.cwd(), folder) || folder}/charts`, closest(spec, charts), charts), nodeAt(body.spec ? p('spec') : [...path, type], !body.spec));
        if (typeof body.finding === 'string' && body.finding !== 'top') {
          const head = body.finding.split('.')[0];
          const named = [...factPrefixes].filter((x) => x !== '*');
          if (!factPrefixes.has(head) && !factPrefixes.has('*')) add(msg.unknownFact(body.finding, s.id, closest(head, named), named), nodeAt(p('finding')));
        }
      }
      if (typeof body.id === 'string') {
        const id = body.id;
        if (list === 'charts' && chartIds.has(id)) add(msg.duplicateId('chart', id), nodeAt(p('id')));
        if (list === 'charts') chartIds.add(id);
      }
    };
    s.text.forEach((para, i) => para.forEach((b, j) => blockRefs('text', b as Record<string, unknown>, [...base, 'text', i, j])));
    s.tables.forEach((b, i) => blockRefs('tables', b as Record<string, unknown>, [...base, 'tables', i]));
    s.charts.forEach((b, i) => blockRefs('charts', b as Record<string, unknown>, [...base, 'charts', i]));
  });
}

/** Every problem of every kind in a folder (for `migreport validate` and the tests). */
export function checkKinds(ctx: KindContext, dir = TEMPLATES_DIR): UserError[] {
  const out: UserError[] = [];
  for (const name of kindNames(dir)) {
    try {
      loadKind(name, ctx, dir);
    } catch (e) {
      if (e instanceof UserErrors) out.push(...e.errors);
      else if (e instanceof UserError) out.push(e);
      else throw e;
    }
  }
  return out;
}
