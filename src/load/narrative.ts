// Reads narrative/<period>/{report,policy,notes}.yaml; unknown keys are errors (typo protection).
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, relative, resolve, sep } from 'node:path';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import type { Narrative, PolicyItem, Reference, SourceLocation } from '../model.ts';
import { UserError, UserErrors } from '../errors.ts';
import { parsePeriod } from '../period.ts';
import * as msg from '../messages/load.ts';
import { closest } from './closest.ts';
import { kindNames, loadKind } from '../kinds/load.ts';
import { Problems } from './problems.ts';

export const REPORT_KEYS = [
  'lang',
  'title',
  'subtitle',
  'period',
  'published',
  'next_publication',
  'partners',
  'about',
  'objectives',
  'glossary',
  'methodology',
  'disclaimer',
  'publisher',
  'findings',
  'publisher_name',
  'logo',
  'partner_logos',
  'cover_colour',
] as const;
const TEXT_KEYS = new Set(['title', 'subtitle', 'about', 'objectives', 'glossary', 'methodology', 'disclaimer', 'publisher', 'publisher_name']);
/** What a translation of report.yaml holds: the texts a reader sees (dates, period and findings stay in report.yaml). */
const TRANSLATED_KEYS = [...TEXT_KEYS, 'partners'];
/** report.ru.yaml, notes.kk.yaml …: a narrative file's texts in another language. */
export const TRANSLATION_FILE = /^(report|policy|notes)\.([a-z]{2})\.yaml$/;
/** Publication dates may be as precise as the publisher was: a day (2024-05-10) or a month (2023-12). */
const DATE_KEYS = new Set(['published', 'next_publication']);
const FINDINGS_KEYS = ['pin', 'drop'] as const;
const POLICY_KEYS = ['date', 'text', 'sources'] as const;
/** Where a note may be attached (docs/data.md): the key findings, the policy developments, and any section of any report kind. */
export function noteSections(): string[] {
  const ids = new Set<string>(['key_findings', 'policy']);
  for (const kind of kindNames()) {
    try {
      for (const s of loadKind(kind).spec.sections) ids.add(s.id);
    } catch {
      // A broken kind is reported when it is built; its sections take no notes meanwhile.
    }
  }
  return [...ids];
}

function isIsoDate(text: string): boolean {
  return parsePeriod(text)?.kind === 'date';
}

function isPublicationDate(text: string): boolean {
  const kind = parsePeriod(text)?.kind;
  return kind === 'date' || kind === 'month';
}

/** A parsed YAML file with helpers that locate nodes; undefined after reporting a syntax error. */
function readYaml(path: string, file: string, problems: Problems) {
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: lines, prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors.slice(0, 3)) {
      const pos = e.linePos?.[0];
      problems.add(msg.yamlSyntax(e.message.split(/ at line \d+/)[0].split('\n')[0]), { file, line: pos?.line ?? 1, column: pos?.col });
    }
    return undefined;
  }
  const at = (node: Node | null | undefined | unknown): SourceLocation => {
    const range = (node as Node | null)?.range;
    if (!range) return { file, line: 1, column: 1 };
    const p = lines.linePos(range[0]);
    return { file, line: p.line, column: p.col };
  };
  return { doc, at };
}

type Located = (node: unknown) => SourceLocation;

/** The pairs of a map node, reporting keys not in `allowed`; undefined (reported) when it is not a map. */
function pairsOf(node: unknown, allowed: readonly string[], name: string, at: Located, problems: Problems): Map<string, Pair<unknown, unknown>> | undefined {
  if (!isMap(node)) {
    problems.add(msg.wrongType(name, 'a mapping of keys to values'), at(node));
    return undefined;
  }
  const pairs = new Map<string, Pair<unknown, unknown>>();
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (!allowed.includes(key)) problems.add(msg.unknownKey(key, closest(key, allowed), allowed), at(pair.key));
    else pairs.set(key, pair);
  }
  return pairs;
}

function stringList(node: unknown, name: string, at: Located, problems: Problems): { value: string; node: unknown }[] {
  if (isScalar(node) && typeof node.value === 'string') return [{ value: node.value, node }];
  if (!isSeq(node) || !node.items.every((i) => isScalar(i) && (typeof i.value === 'string' || typeof i.value === 'number'))) {
    problems.add(msg.wrongType(name, 'a list of texts, e.g. [a, b]'), at(node));
    return [];
  }
  return node.items.map((i) => ({ value: String((i as { value: unknown }).value), node: i }));
}

export function readNarrative(dir: string, relDir: string, periodCode: string, reference: Reference, problems: Problems): Narrative | undefined {
  const narrative: Narrative = { period: periodCode, lang: 'en', translations: {}, keyAt: {}, brand: {}, report: {}, policy: [], notes: {}, at: {} };
  // The data folder (narrative/<period>/ is two levels in): logos are named relative to it.
  const dataRoot = resolve(dir, '..', '..');
  const relData = relDir.split('/').slice(0, -2).join('/') || '.';

  // report.yaml
  {
    const file = `${relDir}/report.yaml`;
    if (!existsSync(`${dir}/report.yaml`)) {
      problems.add(msg.missingFile(file), { file, line: 1 });
      return undefined;
    }
    narrative.at.report = { file, line: 1 };
    const y = readYaml(`${dir}/report.yaml`, file, problems);
    const pairs = y && pairsOf(y.doc.contents, REPORT_KEYS, 'report.yaml', y.at, problems);
    if (y && pairs) {
      if (!pairs.has('title')) problems.add(msg.missingKey('title'), { file, line: 1 });
      for (const [key, pair] of pairs) {
        const node = pair.value;
        const value = isScalar(node) ? node.value : undefined;
        if (TRANSLATED_KEYS.includes(key)) narrative.keyAt![key] = y.at(pair.key);
        if (TEXT_KEYS.has(key) && typeof value !== 'string') problems.add(msg.wrongType(key, 'a text'), y.at(node ?? pair.key));
        if (key === 'lang' && !(typeof value === 'string' && /^[a-z]{2}$/.test(value))) problems.add(msg.wrongType('lang', 'a two-letter language code, e.g. en'), y.at(node ?? pair.key));
        if (key === 'period' && String(value) !== periodCode) problems.add(msg.periodMismatch(String(value), periodCode), y.at(node));
        if (DATE_KEYS.has(key) && !(typeof value === 'string' && isPublicationDate(value))) problems.add(msg.badPublicationDate(String(value ?? '')), y.at(node ?? pair.key));
        if (key === 'partners') stringList(node, 'partners', y.at, problems);
        if (key === 'logo' || key === 'partner_logos') {
          const images = stringList(node, key, y.at, problems).flatMap((item) => {
            const image = readImage(dataRoot, relData, item.value, problems, y.at(item.node));
            return image ? [image] : [];
          });
          if (key === 'logo') narrative.brand!.logo = images[0];
          else narrative.brand!.partnerLogos = images;
        }
        if (key === 'cover_colour') {
          const colour = typeof value === 'string' ? value : '';
          if (!/^#[0-9a-fA-F]{6}$/.test(colour)) problems.add(msg.badColour(String(value ?? '')), y.at(node ?? pair.key));
          else if (contrastWithWhite(colour) < 4.5) problems.add(msg.lowContrastColour(colour, contrastWithWhite(colour)), y.at(node));
          else narrative.brand!.coverColour = colour.toLowerCase();
        }
        if (key === 'findings') {
          const f = pairsOf(node, FINDINGS_KEYS, 'findings', y.at, problems);
          // Each pinned or dropped id keeps its place, so a finding that cannot be written is reported there.
          for (const [k, p] of f ?? []) for (const item of stringList(p.value, `findings.${k}`, y.at, problems)) narrative.at[`findings.${k}:${item.value}`] = y.at(item.node);
        }
      }
      narrative.report = (y.doc.toJS() ?? {}) as Record<string, unknown>;
      if (typeof narrative.report.period === 'number') narrative.report.period = String(narrative.report.period);
      if (typeof narrative.report.lang === 'string') narrative.lang = narrative.report.lang;
    }
  }

  // policy.yaml (optional)
  if (existsSync(`${dir}/policy.yaml`)) {
    const file = `${relDir}/policy.yaml`;
    narrative.at.policy = { file, line: 1 };
    const y = readYaml(`${dir}/policy.yaml`, file, problems);
    const root = y && pairsOf(y.doc.contents, ['developments'], 'policy.yaml', y.at, problems);
    const list = root?.get('developments')?.value;
    if (y && list !== undefined && list !== null) {
      if (!isSeq(list)) problems.add(msg.wrongType('developments', 'a list of {date, text, sources}'), y.at(list));
      else {
        for (const item of list.items) {
          const pairs = pairsOf(item, POLICY_KEYS, 'a development', y.at, problems);
          if (!pairs) continue;
          const itemAt = y.at(item);
          for (const k of POLICY_KEYS) if (!pairs.has(k)) problems.add(msg.missingKey(k), itemAt);
          const dateNode = pairs.get('date')?.value;
          const date = isScalar(dateNode) ? String(dateNode.value) : '';
          // A date that is not one text (a list, a map) is said as what it is, not as an empty date.
          if (pairs.has('date') && !isScalar(dateNode)) problems.add(msg.wrongType('date', 'a date, YYYY-MM-DD'), y.at(dateNode));
          else if (pairs.has('date') && !isIsoDate(date)) problems.add(msg.badDate(date), y.at(dateNode));
          const textNode = pairs.get('text')?.value;
          const text = isScalar(textNode) && typeof textNode.value === 'string' ? textNode.value : undefined;
          if (pairs.has('text') && text === undefined) problems.add(msg.wrongType('text', 'a text'), y.at(textNode));
          const sources = pairs.has('sources') ? stringList(pairs.get('sources')!.value, 'sources', y.at, problems) : [];
          for (const s of sources) {
            if (!reference.sources.has(s.value)) problems.add(msg.unknownPolicySource(s.value, closest(s.value, reference.sources.keys())), y.at(s.node));
          }
          const policyItem: PolicyItem = { date, text: text ?? '', sources: sources.map((s) => s.value), at: itemAt };
          narrative.policy.push(policyItem);
        }
      }
    }
  }

  // notes.yaml (optional)
  if (existsSync(`${dir}/notes.yaml`)) {
    const file = `${relDir}/notes.yaml`;
    narrative.at.notes = { file, line: 1 };
    const y = readYaml(`${dir}/notes.yaml`, file, problems);
    const root = y && pairsOf(y.doc.contents, ['notes'], 'notes.yaml', y.at, problems);
    const notes = root?.get('notes')?.value;
    if (y && notes !== undefined && notes !== null) {
      const sections = pairsOf(notes, noteSections(), 'notes', y.at, problems);
      for (const [section, pair] of sections ?? []) {
        const node = pair.value;
        if (isScalar(node) && typeof node.value === 'string') narrative.notes[section] = node.value;
        else problems.add(msg.wrongType(section, 'a text (Markdown)'), y.at(node ?? pair.key));
        narrative.keyAt![`notes.${section}`] = y.at(pair.key);
      }
    }
  }
  // The translations are read when an edition in their language asks for them (narrativeIn), or by `validate`
  // (readAllTranslations): an English build does not parse the Russian and Kazakh files.
  for (const name of readdirSync(dir).sort()) {
    const m = TRANSLATION_FILE.exec(name);
    if (!m) continue;
    if (m[2] === narrative.lang) problems.add(msg.translationOfItself(name, m[2]), { file: `${relDir}/${name}`, line: 1 });
    else pendingTranslations.set(narrative, { dir, relDir, langs: new Set([...(pendingTranslations.get(narrative)?.langs ?? []), m[2]]) });
  }
  return narrative;
}

/** Translation files not read yet, by narrative: where they are and their languages. */
const pendingTranslations = new WeakMap<Narrative, { dir: string; relDir: string; langs: Set<string> }>();

/** Reads a narrative's translations into `lang` if it has any not read yet; their mistakes are located errors. */
function ensureTranslations(narrative: Narrative, lang: string): void {
  const pending = pendingTranslations.get(narrative);
  if (!pending?.langs.has(lang)) return;
  pending.langs.delete(lang);
  const problems = new Problems();
  readTranslations(pending.dir, pending.relDir, narrative, problems, lang);
  problems.throwIfAny();
}

/** Reads every translation of a narrative (what `migreport validate` checks); throws their located errors. */
export function readAllTranslations(narrative: Narrative): void {
  const errors: UserError[] = [];
  for (const lang of [...(pendingTranslations.get(narrative)?.langs ?? [])]) {
    try {
      ensureTranslations(narrative, lang);
    } catch (e) {
      errors.push(...(e instanceof UserErrors ? e.errors : [e as UserError]));
    }
  }
  if (errors.length) throw new UserErrors(errors);
}

/** report.<lang>.yaml, notes.<lang>.yaml and policy.<lang>.yaml of a folder, checked against the files they translate. */
function readTranslations(dir: string, relDir: string, narrative: Narrative, problems: Problems, only: string): void {
  for (const name of readdirSync(dir).sort()) {
    const m = TRANSLATION_FILE.exec(name);
    if (!m || m[2] !== only) continue;
    const [, part, lang] = m;
    const file = `${relDir}/${name}`;
    const t = (narrative.translations![lang] ??= { report: {}, notes: {}, at: {} });
    t.at[part] = { file, line: 1 };
    const y = readYaml(`${dir}/${name}`, file, problems);
    if (!y) continue;
    if (part === 'report') {
      const pairs = pairsOf(y.doc.contents, TRANSLATED_KEYS, name, y.at, problems);
      for (const [key, pair] of pairs ?? []) {
        const node = pair.value;
        if (key === 'partners') t.report.partners = stringList(node, 'partners', y.at, problems).map((x) => x.value);
        else if (isScalar(node) && typeof node.value === 'string') t.report[key] = node.value;
        else problems.add(msg.wrongType(key, 'a text'), y.at(node ?? pair.key));
      }
    } else if (part === 'notes') {
      const root = pairsOf(y.doc.contents, ['notes'], name, y.at, problems);
      const notes = root?.get('notes')?.value;
      for (const [section, pair] of (notes !== undefined && notes !== null && pairsOf(notes, noteSections(), 'notes', y.at, problems)) || []) {
        const node = pair.value;
        if (isScalar(node) && typeof node.value === 'string') t.notes[section] = node.value;
        else problems.add(msg.wrongType(section, 'a text (Markdown)'), y.at(node ?? pair.key));
      }
    } else {
      const root = pairsOf(y.doc.contents, ['developments'], name, y.at, problems);
      const list = root?.get('developments')?.value;
      if (list === undefined || list === null) continue;
      if (!isSeq(list)) {
        problems.add(msg.wrongType('developments', 'a list of {date, text}'), y.at(list));
        continue;
      }
      t.policy = [];
      list.items.forEach((item, i) => {
        const pairs = pairsOf(item, ['date', 'text'], 'a development', y.at, problems);
        if (!pairs) return;
        const dateNode = pairs.get('date')?.value;
        const textNode = pairs.get('text')?.value;
        const date = isScalar(dateNode) ? String(dateNode.value) : '';
        const original = narrative.policy[i];
        if (!original) problems.add(msg.translationExtraItem(i + 1, narrative.policy.length), y.at(item));
        else if (date !== original.date) problems.add(msg.translationDateDiffers(date, original.date, i + 1), y.at(dateNode ?? item));
        if (!(isScalar(textNode) && typeof textNode.value === 'string')) problems.add(msg.wrongType('text', 'a text'), y.at(textNode ?? item));
        else t.policy!.push({ date, text: textNode.value, at: y.at(item) });
      });
    }
  }
}

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', ru: 'Russian', kk: 'Kazakh' };

/**
 * The narrative of a period as an edition in `lang` shows it: itself in its own language, else its texts from the
 * translation files. Every text the edition would show and the translation lacks is a located error (at the key of
 * the file it translates), so no text of another language slips into an edition.
 */
export function narrativeIn(narrative: Narrative | undefined, lang: string): Narrative | undefined {
  if (!narrative || (narrative.lang ?? 'en') === lang) return narrative;
  ensureTranslations(narrative, lang);
  const t = narrative.translations?.[lang];
  const language = LANGUAGE_NAMES[lang] ?? lang;
  const errors: UserError[] = [];
  const fileOf = (part: string) => narrative.at[part]?.file.replace(/\.yaml$/, `.${lang}.yaml`) ?? `${part}.${lang}.yaml`;
  const missing = (key: string, part: string, at: SourceLocation | undefined) =>
    errors.push(new UserError(msg.missingTranslation(key, language, fileOf(part), t?.at[part] !== undefined), at ?? narrative.at[part]));
  const report: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(narrative.report)) {
    if (!TRANSLATED_KEYS.includes(key)) report[key] = value;
    else if (t?.report[key] !== undefined) report[key] = t.report[key];
    else if (value !== undefined && value !== null && value !== '') missing(key, 'report', narrative.keyAt?.[key]);
  }
  const notes: Record<string, string> = {};
  for (const section of Object.keys(narrative.notes)) {
    if (t?.notes[section] !== undefined) notes[section] = t.notes[section];
    else missing(`notes.${section}`, 'notes', narrative.keyAt?.[`notes.${section}`]);
  }
  const policy = narrative.policy.map((item, i) => {
    const text = t?.policy?.[i]?.text;
    if (text === undefined) missing(`development ${i + 1} (${item.date})`, 'policy', item.at);
    return { ...item, text: text ?? '' };
  });
  if (errors.length === 1) throw errors[0];
  if (errors.length) throw new UserErrors(errors);
  return { ...narrative, lang, report, notes, policy };
}

/** The largest logo inlined into a report (a logo is a small file; a photograph would bloat every edition). */
const MAX_IMAGE_BYTES = 512 * 1024;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * A logo named in report.yaml: an SVG or PNG file inside the data folder, read as a data: URI to inline (the report
 * stays one file, and an <img> never runs an SVG's scripts). Undefined after reporting what is wrong with it.
 */
function readImage(dataRoot: string, relData: string, name: string, problems: Problems, at: SourceLocation): string | undefined {
  const path = resolve(dataRoot, name);
  const shown = `${relData}/${name}`;
  const inside = (p: string) => {
    const r = relative(dataRoot, p);
    return r !== '' && !r.startsWith('..' + sep) && r !== '..' && !r.startsWith(sep);
  };
  if (!inside(path)) {
    problems.add(msg.imageOutside(name), at);
    return undefined;
  }
  if (!existsSync(path) || !statSync(path).isFile()) {
    problems.add(msg.imageMissing(shown), at);
    return undefined;
  }
  if (!inside(realpathSync(path))) {
    problems.add(msg.imageOutside(name), at);
    return undefined;
  }
  const type = extname(path).toLowerCase();
  if (type !== '.svg' && type !== '.png') {
    problems.add(msg.imageType(shown), at);
    return undefined;
  }
  const bytes = readFileSync(path);
  if (bytes.length > MAX_IMAGE_BYTES) {
    problems.add(msg.imageTooLarge(shown, bytes.length, MAX_IMAGE_BYTES), at);
    return undefined;
  }
  const isPng = PNG_SIGNATURE.every((b, i) => bytes[i] === b);
  const isSvg = !isPng && /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(bytes.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, ''));
  if ((type === '.png' && !isPng) || (type === '.svg' && !isSvg)) {
    problems.add(msg.imageNotWhatItSays(shown, type.slice(1).toUpperCase()), at);
    return undefined;
  }
  return `data:${isPng ? 'image/png' : 'image/svg+xml'};base64,${bytes.toString('base64')}`;
}

/** WCAG 2.1 contrast ratio of a colour (#rrggbb) against white, for white text on the cover band. */
export function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return Math.round((1.05 / (luminance + 0.05)) * 100) / 100;
}
