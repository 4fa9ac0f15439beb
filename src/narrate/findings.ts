// Key findings, as an editor picks them (the rule is written in docs/writing.md, "Key findings"):
//   1. only what the body of the report states (a finding's fact is stated by a section sentence);
//   2. the period's headline first: the change of each section's main total, then a change of sign of a balance,
//      records and streaks, a main total's level where it has no change to state, group balances, the leaders
//      of a list, crossovers, movers;
//   3. current news before older data: findings whose data end before the report period are chosen with a lower
//      score and presented after every finding on the report period;
//   4. one finding per series at most; movers and crossovers only after the total they belong to;
//   5. at most six; report.yaml pins (first, in its order) and drops by fact id; a pinned finding that cannot be
//      written is an error located in report.yaml, never silently dropped.
import { TOTAL, type Narrative } from '../model.ts';
import type { Fact, TopFact } from '../compare/facts.ts';
import type { Period } from '../period.ts';
import type { SectionScope } from '../compare/sections.ts';
import { UserError } from '../errors.ts';
import { narrateMessages } from '../messages/index.ts';
import type { Sentence } from '../report-model.ts';
import { sentence } from './write.ts';
import type { Writer } from './write.ts';
import { crossoverSentenceOf, moversSentence, recordSentence, signChangeSentenceOf, streakSentence, topClaim } from './sections.ts';
import { factId, partnerKey } from '../compare/ids.ts';
import { byCode } from '../order.ts';

export const MAX_FINDINGS = 6;

/** A scored candidate: higher is more notable. The rules are the table below, nothing else. */
export interface Candidate {
  fact: Fact;
  score: number;
}

/** Members named in a list finding. */
const TOP_N = 3;

/** Base scores by kind (rule 2); a headline is the change of a main total. */
const SCORES = { headline: 100, sign_change: 95, record: 90, streak: 85, total: 80, balance: 70, top: 60, crossover: 55, movers: 50 } as const;
/**
 * Subtracted from a finding whose data end before the report period when choosing (rule 3): an older headline still
 * beats a current list's leaders; the chosen findings are then presented current news first.
 */
const STALE = 25;

/** The series a finding speaks of (rule 4): indicator, subtracted indicator, partner. */
export function seriesKey(f: Fact): string {
  if ('subject' in f) return `${f.subject.indicator}${f.subject.minus ? `-${f.subject.minus}` : ''}[${f.subject.partner}${f.subject.region ? `,${f.subject.region}` : ''}]`;
  if (f.kind === 'movers' || f.kind === 'top') return `${f.indicator}[${f.whole}]:${f.kind}`;
  if (f.kind === 'crossover') return `${f.indicator}:crossover`;
  return `${f.id}`;
}

/** The indicator a list fact belongs to, whose total's change must be a finding before it (rule 4). */
function totalOf(f: Fact): string | undefined {
  if (f.kind === 'movers' || f.kind === 'crossover') return f.indicator;
  return undefined;
}

/**
 * Candidates among the facts the body states (`stated`: fact ids of the section sentences). A list's leaders are a
 * finding when the list's leader is clear; group balances make one finding together.
 */
export function candidates(facts: Fact[], stated: ReadonlySet<string>, report: Period): Candidate[] {
  const out: Candidate[] = [];
  // A main total with no change to state (no baseline figures) is a finding by its level.
  const changed = new Set(facts.flatMap((f) => (f.kind === 'change' ? [`${f.subject.indicator}|${f.subject.partner}|${f.period.key}`] : [])));
  for (const f of facts) {
    if (!stated.has(f.id)) continue;
    let score: number | undefined;
    switch (f.kind) {
      case 'level':
        if (f.subject.partner === TOTAL && !f.subject.breakdown && f.period.kind !== 'date' && !changed.has(`${f.subject.indicator}|${f.subject.partner}|${f.period.key}`)) score = SCORES.total;
        break;
      case 'change':
        // The change of a main total; a balance's change (net migration) in people misleads as a headline.
        if (f.subject.partner === TOTAL && !f.subject.minus) score = SCORES.headline + Math.min(Math.abs(f.pct ?? 0), 100) / 100;
        break;
      case 'sign_change':
        score = SCORES.sign_change;
        break;
      case 'record':
        score = SCORES.record;
        break;
      case 'streak':
        score = SCORES.streak + f.length / 100;
        break;
      case 'balance':
        if (f.subject.partner !== TOTAL && !f.id.includes('.dynamic.') && !f.id.endsWith('_before')) score = SCORES.balance;
        break;
      case 'top': {
        const [a, b] = f.members;
        if (f.members.length >= TOP_N && a.share !== null && b.share !== null && a.share - b.share >= 10) score = SCORES.top + Math.min(a.share - b.share, 50) / 100;
        break;
      }
      case 'crossover':
        score = SCORES.crossover;
        break;
      case 'movers':
        score = SCORES.movers;
        break;
    }
    if (score === undefined) continue;
    const period = 'period' in f ? f.period : undefined;
    if (period && period.end < report.end) score -= STALE;
    out.push({ fact: f, score });
  }
  return out;
}

/**
 * Rules 4 and 5: by score, one per series, lists after their totals, pins first, drops left out; a candidate
 * that cannot be written (`write` gives undefined) gives its place to the next.
 */
export function selectFindings<T>(all: Candidate[], pin: Fact[], drop: string[], write: (f: Fact) => T | undefined): { fact: Fact; written: T }[] {
  const scored = [...all].sort((a, b) => b.score - a.score || byCode(a.fact.id, b.fact.id));
  const chosen: { fact: Fact; written: T }[] = [];
  const series = new Set(pin.map(seriesKey));
  const totals = new Set(pin.flatMap((f) => (f.kind === 'change' ? [f.subject.indicator] : [])));
  let balance = pin.some((f) => f.kind === 'balance');
  for (const c of scored) {
    if (chosen.length + pin.length >= MAX_FINDINGS) break;
    const f = c.fact;
    if (drop.includes(f.id) || pin.includes(f)) continue;
    const key = seriesKey(f);
    if (series.has(key)) continue;
    const total = totalOf(f);
    if (total !== undefined && !totals.has(total)) continue;
    if (f.kind === 'balance' && balance) continue;
    const written = write(f);
    if (written === undefined) continue;
    if (f.kind === 'balance') balance = true;
    series.add(key);
    if (f.kind === 'change') totals.add(f.subject.indicator);
    chosen.push({ fact: f, written });
  }
  return chosen;
}

/** The whole of a list is beaten by no member left out (rule: a superlative only when nothing unlisted can beat it). */
function topScope(w: Writer, top: TopFact, named: number): 'all' | 'listed' {
  const whole = w.facts.all().find((f) => f.kind === 'level' && f.subject.indicator === top.indicator && f.subject.partner === top.whole && f.period.key === top.period.key);
  if (!whole || whole.kind !== 'level') return 'listed';
  const listed = top.members.reduce((t, m) => t + m.value, 0);
  const last = top.members[named - 1];
  return whole.value - listed < last.value ? 'all' : 'listed';
}

/**
 * One sentence stating a finding, written by the same code as the body's sentences (so it states the same claims);
 * `body` holds the section sentences, which balances reuse as they stand.
 */
export function findingSentence(w: Writer, f: Fact, scopes: SectionScope[], body: Sentence[]): Sentence | undefined {
  const L = w.locale;
  switch (f.kind) {
    case 'change': {
      const item = w.changeItem(L.t.noun(f.subject.indicator, f.subject.partner === TOTAL ? undefined : f.subject.partner), f, { absolute: f.subject.minus !== undefined });
      return sentence(L.t.changes({ when: L.periodIn(f.period), baseline: L.baseline(f.baseline, f.relation), items: [item] }), [f], [item.claim]);
    }
    case 'level':
      return sentence(L.t.level({ when: L.periodIn(f.period), indicator: f.subject.indicator, value: w.level(f) }), [f], [w.levelClaim(f)]);
    case 'crossover':
      return crossoverSentenceOf(w, f);
    case 'movers': {
      const top = w.get(f.id.replace(/\.movers_(up|down)$/, '.top'), 'top');
      const scope = scopes.find((s) => s.id === f.section);
      const measure = f.id.split('.').length === 4 ? f.id.split('.')[1] : '';
      return moversSentence(w, top, (p) => w.get(factId(f.section, measure, partnerKey(p), 'change'), 'change'), f.baseline, scope?.relation ?? 'previous');
    }
    case 'sign_change':
      return signChangeSentenceOf(w, f);
    case 'streak':
      return streakSentence(w, f);
    case 'record':
      return recordSentence(w, f);
    case 'balance':
      return body.find((s) => s.factIds.includes(f.id));
    case 'top': {
      let n = Math.min(TOP_N, f.members.length);
      while (n < f.members.length && f.members[n].value === f.members[n - 1].value) n++;
      const members = f.members.slice(0, n);
      if (members.some((m) => m.shareId === null)) return undefined;
      // Only what the body states: each share named is in a section sentence.
      if (!members.every((m) => body.some((s) => s.factIds.includes(m.shareId!)))) return undefined;
      const scope = topScope(w, f, n);
      // "The largest shares" only when no member left out could beat the ones named; else not a finding.
      if (scope === 'listed') return undefined;
      const shares = members.map((m) => w.get(m.shareId!, 'share')!);
      return sentence(
        L.t.topMembers({ when: L.periodIn(f.period), indicator: f.indicator, whole: f.whole, scope, items: members.map((m, i) => ({ code: m.partner, value: '', share: L.number(shares[i].value, 'percent'), marks: shares[i].flags })) }),
        [f, ...shares],
        [topClaim(f, members.map((m) => m.partner), scope), ...shares.map((s) => w.shareFigure(s).claim)],
      );
    }
    default:
      return undefined;
  }
}

/** Pins and drops from report.yaml (`findings: {pin: [...], drop: [...]}`); unknown ids are user errors located there. */
export function pinsOf(narrative: Pick<Narrative, 'report' | 'at'> | undefined, known: (id: string) => boolean): { pin: string[]; drop: string[] } {
  const f = (narrative?.report?.findings ?? {}) as { pin?: unknown; drop?: unknown };
  const ids = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);
  const pin = ids(f.pin);
  const drop = ids(f.drop);
  for (const [k, list] of [['pin', pin], ['drop', drop]] as const)
    for (const id of list) if (!known(id)) throw new UserError(narrateMessages.unknownFinding(id), narrative?.at[`findings.${k}:${id}`] ?? narrative?.at.report);
  return { pin, drop };
}

/** The key findings of a report: pinned ones first, each written or reported where it is pinned. */
export function keyFindings(w: Writer, narrative: Narrative | undefined, scopes: SectionScope[], body: Sentence[], report: Period): Sentence[] {
  const facts = w.facts;
  const { pin, drop } = pinsOf(narrative, (id) => facts.byId.has(id));
  const stated = new Set(body.flatMap((s) => s.factIds));
  const pinned = pin.map((id) => facts.byId.get(id)!);
  const out: Sentence[] = [];
  for (const f of pinned) {
    const s = findingSentence(w, f, scopes, body);
    if (!s) throw new UserError(narrateMessages.unwritableFinding(f.id, f.kind), narrative?.at[`findings.pin:${f.id}`] ?? narrative?.at.report);
    out.push({ ...s, section: f.section });
  }
  const write = (f: Fact) => {
    const found = findingSentence(w, f, scopes, body);
    const s = found && { ...found, section: f.section };
    // Rule 5 of the cross-sentence check: the same sentence is never two findings.
    return s && !out.some((x) => x.text === s.text) ? s : undefined;
  };
  const chosen = selectFindings(candidates(facts.all(), stated, report), pinned, drop, write);
  const current = (f: Fact) => !('period' in f) || f.period.end >= report.end;
  for (const { written } of [...chosen.filter((c) => current(c.fact)), ...chosen.filter((c) => !current(c.fact))]) out.push(written);
  return out.slice(0, MAX_FINDINGS);
}
