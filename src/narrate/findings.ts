// Key findings: candidates scored by rules in every section, at most six, one sentence each; report.yaml pins and drops.
import { TOTAL } from '../model.ts';
import type { BalanceFact, Fact } from '../compare/facts.ts';
import type { SectionScope } from '../compare/sections.ts';
import { UserError } from '../errors.ts';
import { narrateMessages } from '../messages/index.ts';
import type { Sentence } from '../report-model.ts';
import type { ListItem } from './locale.ts';
import { moversComplete, sentence, styleOf, type Writer } from './write.ts';
import { byCode } from '../order.ts';

export const MAX_FINDINGS = 6;
const PER_SECTION = 2;

/** A scored candidate: higher is more notable. The rules are the table below, nothing else. */
export interface Candidate {
  fact: Fact;
  score: number;
}

/** Partner groups whose balances are findings (the groups the sections compare). */
const GROUPS = ['CIS', 'NONCIS'];
/** Lists whose leaders are findings: where people come from (arrivals by group, temporary permit holders). */
const ORIGIN_LISTS = ['border_arrivals', 'trp_holders'];
/** Members named in a list finding. */
const TOP_N = 3;

/**
 * Rules (writing.md rule 13): a change of sign 100; a group's balance 55 (one finding for all groups); a record 90;
 * a crossover 80 (flows) or 50; a streak 60 + length; the change of a section's total 50 + |%|/2; the largest mover
 * of a list 30 + |%|/4 (capped at 75); the top three of an origin list 50 + (lead of the first over the second, in
 * percentage points)/2 (capped at 75) — a clear leader is notable.
 */
export function candidates(facts: Fact[]): Candidate[] {
  const out: Candidate[] = [];
  for (const f of facts) {
    switch (f.kind) {
      case 'sign_change':
        out.push({ fact: f, score: 100 });
        break;
      case 'record':
        out.push({ fact: f, score: 90 });
        break;
      case 'crossover':
        out.push({ fact: f, score: f.section === 'flows' ? 80 : 50 });
        break;
      case 'streak':
        out.push({ fact: f, score: 60 + f.length });
        break;
      case 'balance':
        if (GROUPS.includes(f.subject.partner) && !f.id.endsWith('_before')) out.push({ fact: f, score: 55 });
        break;
      case 'top': {
        const [a, b] = f.members;
        if (ORIGIN_LISTS.includes(f.indicator) && f.members.length >= TOP_N && a.share !== null && b.share !== null)
          out.push({ fact: f, score: Math.min(75, 50 + (a.share - b.share) / 2) });
        break;
      }
      case 'change':
        // A percentage change of a balance (net migration) misleads near zero: not a finding by itself.
        if (f.subject.partner === TOTAL && f.pct !== null && !f.subject.indicator.endsWith('net_migration')) out.push({ fact: f, score: 50 + Math.min(Math.abs(f.pct), 100) / 2 });
        break;
      case 'movers':
        out.push({ fact: f, score: 0 });
        break;
    }
  }
  return out;
}

export function selectFindings(all: Candidate[], changeOf: (id: string) => Fact | undefined, pin: string[], drop: string[]): Fact[] {
  // A mover list scores by its first (largest) member.
  const scored = all.map((c) => {
    if (c.fact.kind !== 'movers') return c;
    const first = changeOf(c.fact.changeIds[0]);
    const pct = first && first.kind === 'change' && first.pct !== null ? Math.abs(first.pct) : 0;
    return { ...c, score: Math.min(75, 30 + pct / 4) };
  });
  scored.sort((a, b) => b.score - a.score || byCode(a.fact.id, b.fact.id));
  const chosen: Fact[] = [];
  const perSection = new Map<string, number>();
  // Spread findings over the sections: first the best of each section, then the rest by score, two per section
  // in a long report (more when there are few sections). Group balances make one finding together.
  const limit = Math.max(PER_SECTION, Math.ceil(MAX_FINDINGS / Math.max(1, new Set(scored.map((c) => c.fact.section)).size)));
  const room = MAX_FINDINGS - pin.length;
  const take = (c: Candidate, max: number) => {
    if (chosen.length >= room || chosen.includes(c.fact)) return;
    if (drop.includes(c.fact.id) || pin.includes(c.fact.id)) return;
    if (c.fact.kind === 'balance' && chosen.some((f) => f.kind === 'balance')) return;
    const n = perSection.get(c.fact.section) ?? 0;
    if (n >= max) return;
    perSection.set(c.fact.section, n + 1);
    chosen.push(c.fact);
  };
  for (const c of scored) take(c, 1);
  for (const c of scored) take(c, limit);
  // Keep score order, whichever pass chose them.
  return scored.map((c) => c.fact).filter((f) => chosen.includes(f));
}

/** One sentence stating a finding, from the same templates as the sections. */
export function findingSentence(w: Writer, f: Fact, scopes: SectionScope[]): Sentence | undefined {
  const L = w.locale;
  const scope = scopes.find((s) => s.id === f.section);
  switch (f.kind) {
    case 'change': {
      const partner = f.subject.partner === TOTAL ? undefined : f.subject.partner;
      return sentence(L.t.changes({ when: L.periodIn(f.period), baseline: L.baseline(f.baseline, f.relation), items: [w.changeItem(L.t.noun(f.subject.indicator, partner), f)] }), [f]);
    }
    case 'level':
      return sentence(L.t.level({ when: L.periodIn(f.period), indicator: f.subject.indicator, partner: f.subject.partner === TOTAL ? undefined : f.subject.partner, value: w.level(f) }), [f]);
    case 'crossover': {
      const style = styleOf(w.facts.all().find((x) => x.kind === 'level' && x.subject.indicator === f.indicator)?.kind === 'level' ? (w.facts.all().find((x) => x.kind === 'level' && x.subject.indicator === f.indicator) as { unit: Parameters<typeof styleOf>[0] }).unit : 'persons');
      return sentence(L.t.crossover({ indicator: f.indicator, overtaker: f.overtaker, overtaken: f.overtaken, now: [L.number(f.now[0], style), L.number(f.now[1], style)], baseline: L.baseline(f.baseline, f.relation) }), [f]);
    }
    case 'movers': {
      const first = w.get(f.changeIds[0], 'change');
      if (!first || first.pct === null) return undefined;
      const item = w.moverItem(first);
      return sentence(L.t.movers({ indicator: f.indicator, whole: f.whole, baseline: L.baseline(f.baseline, first.relation), down: f.direction === 'down' ? [item] : [], up: f.direction === 'up' ? [item] : [], partial: !moversComplete(f) }), [f, first]);
    }
    case 'sign_change':
      return sentence(L.t.signChange({ code: f.subject.partner, direction: w.direction(f.to, 'count'), value: L.number(Math.abs(f.to), 'count'), baseline: L.baseline(f.baseline, f.relation) }), [f]);
    case 'streak':
      return sentence(L.t.streak({ subject: L.t.noun(f.section === 'key_points' ? 'net_migration' : f.subject.indicator), sign: f.sign, length: String(f.length), first: L.periodLabel(f.first) }), [f]);
    case 'record':
      return sentence(L.t.record({ subject: L.t.noun(f.subject.indicator), extreme: f.extreme, value: L.number(f.value, 'count'), first: L.periodLabel(f.first), count: String(f.count) }), [f]);
    case 'balance': {
      // Every group's balance of the section in one sentence, in group order.
      const all = GROUPS.map((g) => w.get(f.id.replace(`.${f.subject.partner.toLowerCase()}.`, `.${g.toLowerCase()}.`), 'balance')).filter((b): b is BalanceFact => b !== undefined && b.period.key === f.period.key);
      const items = all.map((b) => ({ code: b.subject.partner, direction: w.direction(b.value, 'count'), value: L.number(Math.abs(b.value), 'count') + L.flagMark(b.flags), plus: L.number(b.plus, 'count'), minus: L.number(b.minus, 'count') }));
      return sentence(L.t.balances({ when: L.periodIn(f.period), items }), all);
    }
    case 'top': {
      const members = f.members.slice(0, TOP_N);
      const items: ListItem[] = members.map((m) => ({ code: m.partner, value: w.level(w.get(m.levelId, 'level')!), share: m.share === null ? undefined : L.number(m.share, 'percent') }));
      return sentence(L.t.topMembers({ when: L.periodIn(f.period), indicator: f.indicator, whole: f.whole, items }), [f, ...members.flatMap((m) => [w.get(m.levelId, 'level'), m.shareId ? w.get(m.shareId, 'share') : undefined])]);
    }
    default:
      void scope;
      return undefined;
  }
}

/** Pins and drops from report.yaml (`findings: {pin: [...], drop: [...]}`); unknown ids are user errors. */
export function pinsOf(report: Record<string, unknown> | undefined, known: (id: string) => boolean): { pin: string[]; drop: string[] } {
  const f = (report?.findings ?? {}) as { pin?: unknown; drop?: unknown };
  const ids = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  const pin = ids(f.pin);
  const drop = ids(f.drop);
  for (const id of [...pin, ...drop]) if (!known(id)) throw new UserError(narrateMessages.unknownFinding(id));
  return { pin, drop };
}
