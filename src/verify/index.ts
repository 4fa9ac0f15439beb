// The independent verifier: re-derives every claim of a report from the observation rows and reads the words
// against it. It shares no code with src/compare/ (only the loaded dataset, queries and period arithmetic).
import type { Claim, Display } from '../claims.ts';
import { recomputeClaim } from './recompute.ts';
import type { Dataset } from '../model.ts';

/** One claim the data do not support, or words that do not state their claim. */
export interface VerifyFailure {
  /** Where the text is: `finding 3`, `flows paragraph 2 sentence 1`, `table flows-groups row 2`. */
  where: string;
  text: string;
  claim?: Claim;
  reason: string;
  /** What the data give (as displayed), where a figure was recomputed. */
  expected?: string;
}

export interface Verified {
  claims: number;
  failures: VerifyFailure[];
}

/** How the claim's language displays a figure (the locale's digits): the verifier compares displayed digits. */
export type DigitsOf = (v: number, display: Display) => string;

export { explainClaim, recomputeClaim } from './recompute.ts';

/** A piece of generated text and the claims its words state. */
export interface ClaimedText {
  text: string;
  claims: Claim[];
}

/** What verifyReport reads: the texts of a report by place (the report model's findings, paragraphs and notes). */
/** A table as the verifier reads it: caption, rows (cells with the claims they may state), notes with their claims. */
export interface ClaimedTable {
  id: string;
  caption: string;
  rows: { cells: string[]; claims?: Claim[] }[];
  notes: string[];
  noteClaims?: Claim[][];
}

export interface ReportTexts {
  findings: (ClaimedText & { section?: string })[];
  sections: {
    id: string;
    paragraphs: ClaimedText[][];
    notes: ClaimedText[];
    tables?: ClaimedTable[];
    charts?: { id: string; caption: string; alt: string; altClaims?: Claim[]; altFinding?: string; table: ClaimedTable }[];
  }[];
}

/** Reads a table's cells, caption and notes (words.ts), for the section it is in. */
export type TableCheck = (t: ClaimedTable, section: string) => string[];
/** Reads a chart's caption and alt text against the claims of the finding it repeats. */
export type ChartCheck = (c: { caption: string; alt: string; altClaims?: Claim[]; altFinding?: string; table?: { rows: { claims?: Claim[] }[] } }, section: string) => string[];

/** Reads one text's words against its claims; `section`: the section it is in or summarises. */
export type WordsCheck = (t: ClaimedText, where: string, section: string | undefined) => VerifyFailure[];

/** Identity of what a claim states, for the checks across sentences (figures and signs left out). */
function claimKey(c: Claim): string {
  const s = c.series;
  const parts: string[] = [c.what, s.indicator, s.minus ?? '', s.partner, s.region, s.breakdown, c.period];
  if ('baseline' in c) parts.push(c.baseline);
  if ('whole' in c) parts.push(c.whole);
  if ('measure' in c) parts.push(c.measure);
  if ('extreme' in c) parts.push(c.extreme);
  if ('mode' in c) parts.push(c.mode);
  if ('direction' in c) parts.push(c.direction);
  if ('rule' in c) parts.push(c.rule);
  if ('other' in c) parts.push(c.other);
  return parts.join('|');
}

/** What a claim states of its key: its figure and sign (two claims with one key and different statements contradict). */
function statement(c: Claim): { shown?: string; rest: string } {
  const shown = 'shown' in c && c.shown !== undefined ? c.shown : undefined;
  const sign = 'sign' in c ? String(c.sign) : '';
  const more = 'length' in c ? String(c.length) : 'years' in c ? `${c.years}/${c.since}` : 'members' in c ? c.members.join(',') : '';
  return { shown, rest: `${sign}|${more}` };
}

/** Two statements of one key differ: in sign, count or members, or in a figure both show. */
function differ(a: { shown?: string; rest: string }, b: { shown?: string; rest: string }): boolean {
  return a.rest !== b.rest || (a.shown !== undefined && b.shown !== undefined && a.shown !== b.shown);
}

/**
 * Every claim of a report re-derived from the rows (recompute.ts), then the checks across sentences: no two claims
 * of the same series and period state different things; no key finding is repeated; no key finding states what
 * the body does not (every claim of a finding has its key among the body's claims).
 */
export function verifyReport(ds: Dataset, report: ReportTexts, digits: DigitsOf, words?: WordsCheck, tables?: { table: TableCheck; chart: ChartCheck }): Verified {
  const failures: VerifyFailure[] = [];
  let claims = 0;
  const seen = new Map<string, { statement: ReturnType<typeof statement>; where: string; text: string }>();
  const places: { where: string; t: ClaimedText; finding: boolean; section?: string }[] = [];
  report.findings.forEach((t, i) => places.push({ where: `key finding ${i + 1}`, t, finding: true, section: t.section }));
  for (const s of report.sections) {
    s.paragraphs.forEach((p, i) => p.forEach((t, j) => places.push({ where: `${s.id} paragraph ${i + 1} sentence ${j + 1}`, t, finding: false, section: s.id })));
    s.notes.forEach((t, i) => places.push({ where: `${s.id} note ${i + 1}`, t, finding: false, section: s.id }));
  }
  const bodyKeys = new Set<string>();
  // Each claim's key, built once (the body's keys are read before the findings that must match them).
  const keys = new Map<Claim, string>();
  const keyOf = (c: Claim) => {
    let k = keys.get(c);
    if (k === undefined) keys.set(c, (k = claimKey(c)));
    return k;
  };
  for (const { t, finding } of places) if (!finding) for (const c of t.claims) bodyKeys.add(keyOf(c));
  const findingTexts = new Set<string>();
  const read = new Set<string>();
  for (const { where, t, finding, section } of places) {
    for (const c of t.claims) {
      claims++;
      const bad = recomputeClaim(ds, c, digits);
      if (bad) failures.push({ where, text: t.text, claim: c, reason: bad.reason, expected: bad.expected });
      const key = keyOf(c);
      const st = statement(c);
      const before = seen.get(key);
      if (before && differ(before.statement, st) && c.what !== 'top')
        failures.push({ where, text: t.text, claim: c, reason: `contradicts ${before.where} ("${before.text}"): the same ${c.what} of the same series and period is stated differently` });
      else if (!before) seen.set(key, { statement: st, where, text: t.text });
      if (finding && !bodyKeys.has(key)) failures.push({ where, text: t.text, claim: c, reason: `the key finding states a ${c.what} that no sentence of its section states` });
    }
    if (finding) {
      if (findingTexts.has(t.text)) failures.push({ where, text: t.text, reason: 'the key finding is repeated' });
      findingTexts.add(t.text);
    }
    // A text read once: a key finding that repeats a body sentence word for word, with the same claims, is that sentence.
    const key = `${section}\u0000${t.text}\u0000${t.claims.map(keyOf).join('\u0001')}`;
    if (words && !read.has(key)) {
      read.add(key);
      failures.push(...words(t, where, section));
    }
  }
  // Tables (the standalone ones and each chart's) and chart captions and alt text: every figure a verified claim.
  for (const s of report.sections) {
    const all = [...(s.tables ?? []), ...(s.charts ?? []).map((c) => c.table)];
    for (const t of all) {
      const where = `${s.id} table ${t.id}`;
      for (const row of t.rows)
        for (const c of row.claims ?? []) {
          claims++;
          const bad = recomputeClaim(ds, c, digits);
          if (bad) failures.push({ where, text: row.cells.join(' | '), claim: c, reason: bad.reason, expected: bad.expected });
        }
      (t.noteClaims ?? []).forEach((list, i) =>
        list.forEach((c) => {
          claims++;
          const bad = recomputeClaim(ds, c, digits);
          if (bad) failures.push({ where: `${where} note ${i + 1}`, text: t.notes[i], claim: c, reason: bad.reason, expected: bad.expected });
        }),
      );
      if (tables) for (const reason of tables.table(t, s.id)) failures.push({ where, text: t.caption, reason });
    }
    if (tables) for (const c of s.charts ?? []) for (const reason of tables.chart(c, s.id)) failures.push({ where: `${s.id} chart ${c.id}`, text: c.alt, reason });
  }
  return { claims, failures };
}
