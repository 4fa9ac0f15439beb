// Fuzzing: one data folder through the pipeline, every report it can support, and the metamorphic comparisons.
//
// For a folder: load (+ audit); for each report kind × each period the data support × en: narrate, plain text,
// HTML rendered in process exactly as `migreport build --format html` does (renderReport), and the independent
// verifier's findings (narrate runs it; here it collects instead of stopping). Any thrown error is a failure,
// a UserError too (valid data must never stop a build); each failure carries a signature so that repeated hits
// of one defect are counted once when listing distinct defects.
import { isUserError, userErrorsOf } from '../../src/errors.ts';
import { kindNames, loadKind } from '../../src/kinds/load.ts';
import { kindPeriods } from '../../src/compare/index.ts';
import { audit, type Finding } from '../../src/check/audit.ts';
import { loadProject } from '../../src/load/index.ts';
import type { Dataset } from '../../src/model.ts';
import { TOTAL } from '../../src/model.ts';
import { localeFor, narrate } from '../../src/narrate/index.ts';
import { parsePeriod } from '../../src/period.ts';
import { projectPaths, renderReport } from '../../src/pipeline.ts';
import type { ReportModel } from '../../src/report-model.ts';
import type { SectionScope } from '../../src/compare/sections.ts';
import { plainText } from '../../src/commands/text.ts';
import { REPO } from './generate.ts';

/** Every report kind of templates/. */
export const TEMPLATES = kindNames();
export type TemplateName = string;

export interface Failure {
  /** load, audit, crash, user-error, verify, heading, swap, scale, shuffle, rename. */
  kind: string;
  template?: string;
  period?: string;
  message: string;
  /** Equal for repeated hits of what is most likely one defect. */
  signature: string;
}

export interface ReportOutput {
  /** Sentences naming a period their heading does not, or the reverse (headingFailures). */
  heading?: string[];
  template: TemplateName;
  period: string;
  lang?: string;
  model?: ReportModel;
  text?: string;
  html?: string;
  error?: Failure;
}

export interface FolderResult {
  ok: boolean;
  reports: ReportOutput[];
  claims: number;
  failures: Failure[];
}

// ── The verifier, when it exists ─────────────────────────────────────────────────────────────────────

interface VerifyResult {
  claims: number;
  failures: { where: string; text: string; reason: string; expected?: string }[];
}
export type VerifyReport = (ds: Dataset, model: ReportModel, locale: unknown) => VerifyResult;
let verifier: VerifyReport | null | undefined;

/**
 * The build's own verifier: narrate re-derives every claim and reads the words against them (src/verify/); here it
 * collects the failures instead of stopping, and this returns what it found for the report.
 */
export async function loadVerifier(): Promise<VerifyReport | null> {
  if (verifier !== undefined) return verifier;
  verifier = (_ds, model) => verifiedOf.get(model) ?? { claims: 0, failures: [] };
  return verifier;
}

/** What narrate's verifier found, by report model. */
const verifiedOf = new WeakMap<ReportModel, VerifyResult>();

// ── Signatures ───────────────────────────────────────────────────────────────────────────────────────

/** Fact ids in a message (`prp.issued.ukr.level`), with partner codes and periods blanked. */
function factIdsIn(message: string): string[] {
  const ids = message.match(/\b[a-z_]+(?:\.[a-z0-9_]+){1,5}\b/g) ?? [];
  return [...new Set(ids.map((id) => id.split('.').map((seg) => (/^[a-z]{3}$/.test(seg) && !['net', 'top', 'cis'].includes(seg) ? 'X' : /\d/.test(seg) ? 'P' : seg)).join('.')))].sort();
}

/** The first frame under src/ of a stack: where a crash happened. */
function srcFrame(stack: string | undefined): string {
  const line = (stack ?? '').split('\n').find((l) => l.includes('/src/'));
  const m = line && /\/src\/([^:)]+):(\d+)/.exec(line);
  return m ? `${m[1]}:${m[2]}` : '?';
}

/** A user error's defect: its code, the kind of fact (last segment of its id) and the word it quotes. */
function userSignature(code: string, message: string, template?: string): string {
  const kinds = [...new Set(factIdsIn(message).map((id) => id.split('.').pop()))].sort().join(',');
  const word = /the word "([^"]*)"/.exec(message)?.[1] ?? '';
  return `user-error ${code} ${template ?? ''} ${kinds}${word ? ` word=${word}` : ''}`;
}

export function classify(e: unknown, template?: string, period?: string): Failure[] {
  if (isUserError(e)) {
    return userErrorsOf(e).map((u) => ({
      kind: 'user-error',
      template,
      period,
      message: `[${u.code}] ${u.message}`,
      signature: userSignature(u.code, u.message, template),
    }));
  }
  const err = e instanceof Error ? e : new Error(String(e));
  const norm = err.message.replace(/\b[A-Z]{3}\b/g, 'X').replace(/\b[a-z_]+(?:\.[a-z0-9_]+){1,5}\b/g, 'ID').replace(/\d+/g, '#');
  return [{ kind: 'crash', template, period, message: `${err.name}: ${err.message} at ${srcFrame(err.stack)}`, signature: `crash ${norm.slice(0, 80)} ${srcFrame(err.stack)}` }];
}

// ── Report periods ───────────────────────────────────────────────────────────────────────────────────

/**
 * The report periods the data can support, per kind: the quarters the lead indicator's rows end in (IOM:
 * border_arrivals; BNS: pr_arrivals `_T`), and for BNS also the periods of the pr_arrivals `_T` rows themselves.
 */
export function reportPeriods(ds: Dataset): { template: TemplateName; period: string }[] {
  const out: { template: TemplateName; period: string }[] = [];
  const seen = new Set<string>();
  const add = (template: TemplateName, period: string) => {
    const p = parsePeriod(period)!;
    const key = `${template} ${p.key}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ template, period });
  };
  for (const template of TEMPLATES) {
    const kind = loadKind(template).spec;
    for (const p of kindPeriods(ds, kind)) add(template, p.code);
    // Totals-led kinds also for each period their lead's totals are published for (a half year, nine months).
    if (kind.period.rows === 'total')
      for (const o of ds.observations)
        if (o.indicator === kind.period.lead && o.value !== null && o.region === '' && o.country === TOTAL && o.period.kind !== 'date') add(template, o.period.code);
  }
  return out.sort((a, b) => (a.template + a.period < b.template + b.period ? -1 : 1));
}

// ── One folder ───────────────────────────────────────────────────────────────────────────────────────

export async function load(dir: string): Promise<{ ds?: Dataset; findings: Finding[]; failures: Failure[] }> {
  let ds: Dataset;
  try {
    ds = await loadProject(dir, { root: dir });
  } catch (e) {
    // A generated folder is valid by construction: a load error is a generator bug or a loader bug.
    return { findings: [], failures: classify(e).map((f) => ({ ...f, kind: 'load', signature: `load ${f.signature}` })) };
  }
  try {
    return { ds, findings: audit(ds), failures: [] };
  } catch (e) {
    return { ds, findings: [], failures: classify(e).map((f) => ({ ...f, kind: 'audit', signature: `audit ${f.signature}` })) };
  }
}

/** Narrates one report, its plain text, and (with `html`) its HTML; errors are returned, not thrown. */
export async function report(ds: Dataset, findings: Finding[], template: TemplateName, period: string, opts: { html: boolean; lang?: string }): Promise<ReportOutput> {
  const lang = opts.lang ?? 'en';
  const out: ReportOutput = { template, period, lang };
  try {
    const { model, verified, computed } = narrate(ds, { period, template, lang, verify: 'collect' });
    verifiedOf.set(model, verified);
    out.heading = headingFailures(model, computed.sections);
    out.model = model;
    out.text = plainText(model);
    if (opts.html) out.html = (await renderReport(ds, findings, { period, template, lang }, projectPaths(REPO, ds.root))).html;
  } catch (e) {
    out.error = classify(e, template, lang === 'en' ? period : `${period} ${lang}`)[0];
  }
  return out;
}

/** Every report of a folder, with the verifier's claims and failures. */
/** Every report of a folder in each language (`langs`, English by default), with the verifier's claims and failures. */
export async function runFolder(dir: string, opts: { html?: boolean; verify?: VerifyReport | null; langs?: string[] } = {}): Promise<FolderResult> {
  const { ds, findings, failures } = await load(dir);
  if (!ds) return { ok: false, reports: [], claims: 0, failures };
  const verify = opts.verify !== undefined ? opts.verify : await loadVerifier();
  const reports: ReportOutput[] = [];
  let claims = 0;
  for (const { template, period } of reportPeriods(ds)) for (const lang of opts.langs ?? ['en']) {
    const r = await report(ds, findings, template, period, { html: opts.html ?? true, lang });
    reports.push(r);
    if (r.error) failures.push(r.error);
    for (const message of r.heading ?? [])
      failures.push({ kind: 'heading', template, period: lang === 'en' ? period : `${period} ${lang}`, message, signature: `heading ${template} ${message.split(':')[1]}` });
    if (verify && r.model) {
      try {
        const v = verify(ds, r.model, localeFor(ds, lang));
        claims += v.claims;
        for (const f of v.failures)
          failures.push({ kind: 'verify', template, period: lang === 'en' ? period : `${period} ${lang}`, message: `${f.where}: ${f.reason}${f.expected ? ` (expected ${f.expected})` : ''} — “${f.text}”`, signature: `verify ${template} ${f.reason.replace(/\d[\d,.]*/g, '#').slice(0, 60)}` });
      } catch (e) {
        failures.push(...classify(e, template, period).map((f) => ({ ...f, kind: 'verify', signature: `verify-crash ${f.signature}` })));
      }
    }
  }
  return { ok: failures.length === 0, reports, claims, failures };
}

/**
 * A section's heading names the period of its figures (docs/writing.md, P2): every period its sentences state current
 * figures for (not a baseline they compare with, not an absence of data), and no period of which neither a sentence
 * nor a table or chart of the section shows a figure. Read from the claims, which the verifier re-derived from the
 * rows, against the periods the heading was written from.
 */
export function headingFailures(model: ReportModel, scopes: readonly SectionScope[]): string[] {
  const key = (code: string) => parsePeriod(code)?.key ?? code;
  const out: string[] = [];
  for (const section of model.sections) {
    const named = (scopes.find((s) => s.id === section.id)?.periods ?? []).map((p) => p.key);
    const claims = section.paragraphs.flat().flatMap((s) => s.claims).filter((c) => c.what !== 'no_data');
    if (!claims.length) continue;
    const baselines = new Set(claims.flatMap((c) => ('baseline' in c ? [key(c.baseline)] : [])));
    const stated = new Set(claims.map((c) => key(c.period)));
    const tables = [...section.tables, ...section.charts.map((c) => c.table)];
    const shown = new Set(tables.flatMap((t) => t.rows.flatMap((r) => (r.claims ?? []).map((c) => key(c.period)))));
    const where = `${section.id} (heading: ${section.dataPeriodLabel || 'none'})`;
    for (const k of named) if (!stated.has(k) && !shown.has(k)) out.push(`${where}: names ${k}, of which no sentence, table or chart states a figure`);
    for (const k of stated) if (!baselines.has(k) && !named.includes(k)) out.push(`${where}: does not name ${k}, of which a sentence states figures`);
  }
  return out;
}

// ── Metamorphic comparisons (pure: testable on a deliberately broken text) ───────────────────────────

/** Direction words of a change (not of a level: "net migration was positive" is a level). */
const UP = /\b(rose|increased|up by|higher|highest)\b|times as (?:many|much)|turned positive|from negative/g;
const DOWN = /\b(fell|decreased|down by|lower|lowest)\b|turned negative|from positive/g;
/** Magnitudes that a swap keeps: absolute changes and percentage points ("by 166.8 million USD", "by 4.7 percentage points", "by 1,330"). */
const ABS = /\bby (\d{1,3}(?:,\d{3})*(?:\.\d+)?)(%?)/g;

/**
 * A change of sign from zero ("turned negative (9), from zero in …") is stated; swapped, the balance ends at zero,
 * which is no change of sign and is not stated (docs/writing.md): such a sentence is left out of the count.
 */
const FROM_ZERO_SIGN_CHANGE = /[^.]*\bturned (?:positive|negative) \([^)]*\), from zero\b[^.]*\./g;
const count = (s: string, re: RegExp) => (s.replace(FROM_ZERO_SIGN_CHANGE, '').match(re) ?? []).length;
const magnitudes = (s: string) => [...s.matchAll(ABS)].filter((m) => !m[2]).map((m) => m[1]).sort();

/** Section paragraphs as text, by section id (key findings left out: their choice may depend on magnitudes). */
export function paragraphsOf(model: ReportModel): { id: string; paragraphs: string[] }[] {
  return model.sections.map((s) => ({ id: s.id, paragraphs: s.paragraphs.map((p) => p.map((x) => x.text).join(' ')) }));
}

/**
 * (a) Swapping the values of the two compared periods: every paragraph has as many "up" words as the original had
 * "down" words and vice versa, and the same absolute magnitudes. Returns what differs, or undefined.
 */
export function compareSwap(a: { id: string; paragraphs: string[] }[], b: { id: string; paragraphs: string[] }[]): string | undefined {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const pa = a[i]?.paragraphs ?? [];
    const pb = b[i]?.paragraphs ?? [];
    if (pa.length !== pb.length) return `section ${a[i]?.id ?? b[i]?.id}: ${pa.length} paragraphs before the swap, ${pb.length} after`;
    for (let j = 0; j < pa.length; j++) {
      const [x, y] = [pa[j], pb[j]];
      const where = `section ${a[i].id} paragraph ${j + 1}`;
      if (count(x, UP) !== count(y, DOWN) || count(x, DOWN) !== count(y, UP))
        return `${where}: direction words not flipped (up ${count(x, UP)}/down ${count(x, DOWN)} before, up ${count(y, UP)}/down ${count(y, DOWN)} after)\n  before: ${x}\n  after:  ${y}`;
      const [mx, my] = [magnitudes(x), magnitudes(y)];
      if (mx.join('|') !== my.join('|')) return `${where}: magnitudes changed (${mx.join(', ')} → ${my.join(', ')})\n  before: ${x}\n  after:  ${y}`;
    }
  }
  return undefined;
}

/** Every percentage figure of a text, in order (per cent and percentage points). */
export function percentages(text: string): string[] {
  return [...text.matchAll(/([+−-]?\d[\d,]*(?:\.\d+)?)(%| percentage points?)/g)].map((m) => m[0]);
}

/** (b) Multiplying counts by k keeps every percentage figure. */
export function compareScale(a: string, b: string): string | undefined {
  const [pa, pb] = [percentages(a), percentages(b)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++)
    if (pa[i] !== pb[i]) return `percentage figure ${i + 1}: ${pa[i] ?? '(none)'} before, ${pb[i] ?? '(none)'} after scaling\n  before: ${lineWith(a, pa[i])}\n  after:  ${lineWith(b, pb[i])}`;
  return undefined;
}

function lineWith(text: string, needle: string | undefined): string {
  if (!needle) return '';
  return text.split('\n').find((l) => l.includes(needle)) ?? '';
}

/** (c) Shuffled rows give byte-identical output. */
export function compareIdentical(a: string, b: string, what: string): string | undefined {
  if (a === b) return undefined;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `${what} differs at byte ${i}: …${JSON.stringify(a.slice(Math.max(0, i - 80), i + 80))} vs …${JSON.stringify(b.slice(Math.max(0, i - 80), i + 80))}`;
}

/** (d) Renaming one country changes only that name: the renamed text with the old name put back is the original. */
export function compareRename(a: string, b: string, oldName: string, newName: string): string | undefined {
  const [na, nb] = [a.split(oldName).length - 1, b.split(newName).length - 1];
  if (na !== nb) return `${oldName} appears ${na} times before, ${newName} ${nb} times after the rename`;
  const restored = b.split(newName).join(oldName);
  return restored === a ? undefined : compareIdentical(a, restored, `text after renaming ${oldName} → ${newName} and back`);
}
