// Facts per report section: which series each section compares, for the latest period its data allow.
import { NOT_APPLICABLE, TOTAL, type Dataset } from '../model.ts';
import { parsePeriod, previousPeriod, sameLastYear, type Period } from '../period.ts';
import { periodsOf, select } from '../query.ts';
import type { BalanceFact, ChangeFact, Fact, FactSet, LevelFact, Relation, ShareFact, Subject } from './facts.ts';
import { factId, partnerKey } from './ids.ts';
import {
  balanceFact,
  changeFact,
  changeFromValues,
  crossoverFacts,
  levelFact,
  rankFacts,
  ratioFact,
  seriesFacts,
  shareChangeFact,
  shareFact,
  signChangeFact,
} from './kinds.ts';
import { flagsOf, inputOf, latestPeriod, calendarYears, memberRows, subject, valueOf, type Valued } from './values.ts';
import { byCode } from '../order.ts';

/** What a section compares and for which period (the latest at or before the report period). */
export interface SectionScope {
  id: string;
  /** The data period the section speaks of; undefined when the section has no data. */
  period?: Period;
  /** The comparison period, when the section compares. */
  baseline?: Period;
  relation?: Relation;
  /** Indicators the section draws on (for "data not available" notes). */
  indicators: string[];
}

const GROUPS = ['CIS', 'NONCIS'];
/** Net migration for permanent residence: the balance pr_arrivals − pr_departures, a series of its own. */
const NET_SUBJECT: Subject = { indicator: 'pr_arrivals', minus: 'pr_departures', partner: TOTAL, region: '', breakdown: '' };

/** The dataset's own Period object for a span (keeps the code as written, e.g. 2022-Q1/2022-Q3). */
function dataPeriod(ds: Dataset, indicator: string, p: Period | undefined): Period | undefined {
  if (!p) return undefined;
  return periodsOf(ds, indicator).find((q) => q.key === p.key) ?? p;
}

function valuedOf(f: LevelFact): Valued {
  return { value: f.value, inputs: f.inputs, summed: f.summed };
}

/** Levels, shares, changes, ranks, crossovers, top lists and movers of one partner breakdown of an indicator. */
function partnerBreakdown(
  ds: Dataset,
  facts: FactSet,
  opts: {
    section: string;
    measure: string;
    indicator: string;
    period: Period;
    baseline?: Period;
    relation: Relation;
    /** Aggregates stated with their own level (e.g. _T, CIS, NONCIS). */
    aggregates: string[];
    /** Wholes whose members are listed, with the whole their shares are of. */
    lists: { whole: string }[];
    /** Whole for the shares of aggregates (e.g. _T for CIS and NONCIS). */
    aggregateWhole?: string;
  },
): void {
  const { section, measure, indicator, period: p, baseline, relation } = opts;
  const id = (partner: string, kind: string) => factId(section, measure, partnerKey(partner), kind);
  const levels = new Map<string, LevelFact>();
  for (const a of opts.aggregates) {
    const f = levelFact(ds, section, id(a, 'level'), subject(indicator, a), p);
    if (!f) continue;
    levels.set(a, facts.add(f));
    const c = changeFact(ds, section, id(a, 'change'), subject(indicator, a), p, baseline, relation);
    if (c) facts.add(c);
  }
  // Aggregate shares of their whole, and whether the parts add up to it.
  const whole = opts.aggregateWhole;
  if (whole && levels.has(whole)) {
    const total = levels.get(whole)!;
    const parts = opts.aggregates.filter((a) => a !== whole && levels.has(a));
    for (const a of parts) {
      const s = shareFact(section, id(a, 'share'), subject(indicator, a), whole, p, valuedOf(levels.get(a)!), valuedOf(total));
      if (s) facts.add(s);
    }
    if (parts.length > 1) {
      const sum = parts.reduce((t, a) => t + levels.get(a)!.value, 0);
      const inputs = [...total.inputs, ...parts.flatMap((a) => levels.get(a)!.inputs)];
      if (sum !== total.value)
        facts.add({
          id: factId(section, measure, 'partition'),
          section,
          kind: 'partition',
          indicator,
          whole,
          parts,
          period: p,
          total: total.value,
          sumOfParts: sum,
          gap: total.value - sum,
          formula: `${indicator}[${whole}] − (${parts.map((a) => `${indicator}[${a}]`).join(' + ')}), ${p.code}`,
          inputs,
          flags: flagsOf(inputs),
        });
    }
  }
  // Members of each listed whole.
  for (const { whole: w } of opts.lists) {
    const totalLevel = levels.get(w) ?? (() => {
      const f = levelFact(ds, section, id(w, 'level'), subject(indicator, w), p);
      return f ? facts.add(f) : undefined;
    })();
    const nowRows = memberRows(ds, indicator, w, p);
    // Members with figures but no total of their whole: listed by value, without shares (C2: never "no data").
    if (!totalLevel && nowRows.length === 0) continue;
    // A country in two groups (countries.csv allows it) has one level and one change; its shares, ranks and
    // changes of share are of each whole, so their ids name the whole after the first.
    const ofWhole = (partner: string, kind: string) => (facts.byId.has(id(partner, kind)) ? factId(section, measure, partnerKey(partner), `${kind}_of_${partnerKey(w)}`) : id(partner, kind));
    const now = new Map<string, Valued>(nowRows.map((o) => [o.country, { value: o.value as number, inputs: [inputOf(o)], summed: false }]));
    const before = new Map<string, Valued>();
    if (baseline)
      for (const o of memberRows(ds, indicator, w, baseline)) before.set(o.country, { value: o.value as number, inputs: [inputOf(o)], summed: false });
    const beforeTotal = baseline ? valueOf(ds, subject(indicator, w), baseline) : undefined;
    const unit = ds.reference.indicators.get(indicator)?.unit ?? 'persons';
    const members: { partner: string; value: number; share: number | null; levelId: string; shareId: string | null }[] = [];
    const changes: ChangeFact[] = [];
    for (const [partner, v] of now) {
      const level = facts.get(id(partner, 'level'), 'level') ?? facts.add({
        id: id(partner, 'level'),
        section,
        kind: 'level',
        subject: subject(indicator, partner),
        period: p,
        value: v.value,
        unit,
        summed: false,
        formula: `${indicator}[${partner}], ${p.code}`,
        inputs: v.inputs,
        flags: flagsOf(v.inputs),
      });
      const share = totalLevel ? shareFact(section, ofWhole(partner, 'share'), subject(indicator, partner), w, p, v, valuedOf(totalLevel)) : undefined;
      if (share) facts.add(share);
      members.push({ partner, value: v.value, share: share?.value ?? null, levelId: level.id, shareId: share?.id ?? null });
      const b = before.get(partner);
      if (b && baseline) {
        const c = facts.get(id(partner, 'change'), 'change') ?? facts.add(changeFromValues(section, id(partner, 'change'), subject(indicator, partner), p, baseline, relation, b, v, unit));
        changes.push(c);
        if (share && beforeTotal) {
          const prevShare = shareFact(section, ofWhole(partner, 'share_before'), subject(indicator, partner), w, baseline, b, beforeTotal);
          if (prevShare) {
            facts.add(prevShare);
            facts.add(shareChangeFact(section, ofWhole(partner, 'share_change'), prevShare, share, relation));
          }
        }
      }
    }
    members.sort((a, b) => b.value - a.value || byCode(a.partner, b.partner));
    const inputs = [...(totalLevel?.inputs ?? []), ...members.flatMap((m) => facts.get(m.levelId)!.inputs)];
    facts.add({
      id: id(w, 'top'),
      section,
      kind: 'top',
      indicator,
      whole: w,
      period: p,
      members,
      formula: `members of ${w} by ${indicator}, ${p.code}, largest first`,
      inputs,
      flags: flagsOf(inputs),
    });
    for (const r of rankFacts(section, (partner) => ofWhole(partner, 'rank'), indicator, w, p, now, baseline && before.size ? baseline : null, before.size ? before : null)) facts.add(r);
    if (baseline && before.size) {
      for (const c of crossoverFacts(section, (a, b) => factId(section, measure, `${partnerKey(a)}_over_${partnerKey(b)}`, 'crossover'), indicator, p, baseline, relation, before, now))
        if (!facts.byId.has(c.id)) facts.add(c);
      for (const direction of ['up', 'down'] as const) {
        const movers = changes
          .filter((c) => c.pct !== null && (direction === 'up' ? c.abs > 0 : c.abs < 0))
          .sort((a, b) => (direction === 'up' ? b.pct! - a.pct! : a.pct! - b.pct!) || byCode(a.subject.partner, b.subject.partner));
        if (movers.length === 0) continue;
        const mi = movers.flatMap((c) => c.inputs);
        facts.add({
          id: id(w, direction === 'up' ? 'movers_up' : 'movers_down'),
          section,
          kind: 'movers',
          indicator,
          whole: w,
          period: p,
          baseline,
          direction,
          changeIds: movers.map((c) => c.id),
          compared: changes.length,
          listed: now.size,
          formula: `members of ${w} by per cent change of ${indicator}, ${p.code} vs ${baseline.code}`,
          inputs: mi,
          flags: flagsOf(mi),
        });
      }
    }
  }
}

// ── IOM quarterly ───────────────────────────────────────────────────────────────────────────

function flows(ds: Dataset, facts: FactSet, report: Period): SectionScope {
  const section = 'flows';
  const p = latestPeriod(ds, 'border_arrivals', report);
  if (!p) return { id: section, indicators: ['border_arrivals', 'border_departures'] };
  const baseline = dataPeriod(ds, 'border_arrivals', previousPeriod(p));
  for (const [measure, indicator] of [
    ['arrivals', 'border_arrivals'],
    ['departures', 'border_departures'],
  ]) {
    partnerBreakdown(ds, facts, {
      section, measure, indicator, period: p, baseline, relation: 'previous',
      aggregates: [TOTAL, ...GROUPS], aggregateWhole: TOTAL, lists: GROUPS.map((whole) => ({ whole })),
    });
  }
  return { id: section, period: p, baseline, relation: 'previous', indicators: ['border_arrivals', 'border_departures'] };
}

function trp(ds: Dataset, facts: FactSet, report: Period): SectionScope {
  const section = 'trp';
  const p = latestPeriod(ds, 'trp_holders', report);
  if (!p) return { id: section, indicators: ['trp_holders'] };
  const baseline = dataPeriod(ds, 'trp_holders', previousPeriod(p));
  partnerBreakdown(ds, facts, {
    section, measure: '', indicator: 'trp_holders', period: p, baseline, relation: 'previous',
    aggregates: [TOTAL], lists: [{ whole: TOTAL }],
  });
  return { id: section, period: p, baseline, relation: 'previous', indicators: ['trp_holders'] };
}

function prp(ds: Dataset, facts: FactSet, report: Period): SectionScope {
  const section = 'prp';
  const p = latestPeriod(ds, 'prp_issued', report);
  if (!p) return { id: section, indicators: ['prp_issued', 'prp_terminated'] };
  const baseline = dataPeriod(ds, 'prp_issued', previousPeriod(p));
  for (const [measure, indicator] of [
    ['issued', 'prp_issued'],
    ['terminated', 'prp_terminated'],
  ]) {
    partnerBreakdown(ds, facts, {
      section, measure, indicator, period: p, baseline, relation: 'previous',
      aggregates: [TOTAL, ...GROUPS], aggregateWhole: TOTAL, lists: GROUPS.map((whole) => ({ whole })),
    });
  }
  // Balances are computed (issued − terminated); a published prp_balance is the audit's business.
  for (const partner of [...GROUPS, TOTAL]) {
    const now = balanceOf(ds, facts, section, factId(section, partnerKey(partner), 'balance'), 'prp_issued', 'prp_terminated', partner, p);
    if (!now || !baseline) continue;
    const before = balanceOf(ds, null, section, factId(section, partnerKey(partner), 'balance_before'), 'prp_issued', 'prp_terminated', partner, baseline);
    if (!before) continue;
    facts.add(before);
    const flip = signChangeFact(section, factId(section, partnerKey(partner), 'sign_change'), before, now, 'previous');
    if (flip) facts.add(flip);
  }
  // Balances by country, where both issued and terminated were published (a missing value is no balance, never 0).
  const countries = new Set(GROUPS.flatMap((g) => memberRows(ds, 'prp_terminated', g, p).map((o) => o.country)));
  for (const g of GROUPS)
    for (const o of memberRows(ds, 'prp_issued', g, p))
      if (countries.has(o.country) && !facts.byId.has(factId(section, partnerKey(o.country), 'balance')))
        balanceOf(ds, facts, section, factId(section, partnerKey(o.country), 'balance'), 'prp_issued', 'prp_terminated', o.country, p);
  return { id: section, period: p, baseline, relation: 'previous', indicators: ['prp_issued', 'prp_terminated'] };
}

function balanceOf(ds: Dataset, facts: FactSet | null, section: string, id: string, plus: string, minus: string, partner: string, p: Period, region = ''): BalanceFact | undefined {
  const a = valueOf(ds, subject(plus, partner, region), p);
  const b = valueOf(ds, subject(minus, partner, region), p);
  if (!a || !b) return undefined;
  const f = balanceFact(section, id, subject(plus, partner, region), minus, p, a, b);
  return facts ? facts.add(f) : f;
}

function kandas(ds: Dataset, facts: FactSet, report: Period): SectionScope {
  const section = 'kandas';
  const indicators = ['kandas_granted', 'kandas_total', 'kandas_by_age', 'kandas_by_education'];
  const p = latestPeriod(ds, 'kandas_granted', report);
  if (p) {
    const f = levelFact(ds, section, factId(section, 'granted', 'level'), subject('kandas_granted', TOTAL), p);
    if (f) facts.add(f);
  }
  const pt = latestPeriod(ds, 'kandas_total', report);
  if (pt) {
    const f = levelFact(ds, section, factId(section, 'total', 'level'), subject('kandas_total', TOTAL), pt);
    if (f) facts.add(f);
  }
  // Published structures: one level fact per breakdown value, stated as published.
  for (const [measure, indicator] of [
    ['age', 'kandas_by_age'],
    ['education', 'kandas_by_education'],
  ]) {
    const ps = latestPeriod(ds, indicator, report);
    if (!ps) continue;
    for (const o of select(ds, { indicator, period: ps, country: TOTAL, region: '' })) {
      if (o.value === null) continue;
      const key = breakdownValue(o.breakdown, measure);
      const f = levelFact(ds, section, factId(section, measure, key, 'level'), subject(indicator, TOTAL, '', o.breakdown), ps);
      if (f) facts.add(f);
    }
  }
  return { id: section, period: p ?? pt, indicators };
}

/** The value of one key in a normalised breakdown (`age=working;education=higher` → education: higher). */
export function breakdownValue(breakdown: string, key: string): string {
  for (const pair of breakdown.split(';')) {
    const [k, v] = pair.split('=');
    if (k === key) return v ?? '';
  }
  return breakdown;
}

function remittances(ds: Dataset, facts: FactSet, report: Period, section: 'remittances_out' | 'remittances_in'): SectionScope {
  const indicator = section;
  const p = latestPeriod(ds, indicator, report);
  if (!p) return { id: section, indicators: [indicator] };
  const baseline = dataPeriod(ds, indicator, sameLastYear(p));
  partnerBreakdown(ds, facts, {
    section, measure: '', indicator, period: p, baseline, relation: 'year_ago',
    aggregates: [TOTAL], lists: [{ whole: TOTAL }],
  });
  if (baseline) {
    const f = levelFact(ds, section, factId(section, 'total', 'level_before'), subject(indicator, TOTAL), baseline);
    if (f) facts.add(f);
  }
  return { id: section, period: p, baseline, relation: 'year_ago', indicators: [indicator] };
}

// ── BNS release ─────────────────────────────────────────────────────────────────────────────

function keyPoints(ds: Dataset, facts: FactSet, report: Period): SectionScope {
  const section = 'key_points';
  const indicators = ['pr_arrivals', 'pr_departures'];
  const p = latestPeriod(ds, 'pr_arrivals', report, (o) => o.country === TOTAL && o.region === '');
  if (!p) return { id: section, indicators };
  const baseline = dataPeriod(ds, 'pr_arrivals', sameLastYear(p));
  for (const [measure, indicator] of [
    ['arrivals', 'pr_arrivals'],
    ['departures', 'pr_departures'],
  ]) {
    const level = levelFact(ds, section, factId(section, measure, 'level'), subject(indicator, TOTAL), p);
    if (level) facts.add(level);
    const c = changeFact(ds, section, factId(section, measure, 'change'), subject(indicator, TOTAL), p, baseline, 'year_ago');
    if (c) facts.add(c);
    // CIS share: published, with no counts behind it.
    const shareIndicator = `${indicator}_share`;
    const now = publishedShare(ds, section, factId(section, measure, 'cis', 'share'), shareIndicator, 'CIS', p);
    if (now) {
      facts.add(now);
      const before = baseline && publishedShare(ds, section, factId(section, measure, 'cis', 'share_before'), shareIndicator, 'CIS', baseline);
      if (before) {
        facts.add(before);
        facts.add(shareChangeFact(section, factId(section, measure, 'cis', 'share_change'), before, now, 'year_ago'));
      }
    }
  }
  // Net migration: computed from arrivals and departures.
  const net = balanceOf(ds, facts, section, factId(section, 'net', 'balance'), 'pr_arrivals', 'pr_departures', TOTAL, p);
  if (net && baseline) {
    const before = balanceOf(ds, facts, section, factId(section, 'net', 'balance_before'), 'pr_arrivals', 'pr_departures', TOTAL, baseline);
    if (before) {
      facts.add(
        changeFromValues(section, factId(section, 'net', 'change'), NET_SUBJECT, p, baseline, 'year_ago',
          { value: before.value, inputs: before.inputs, summed: false }, { value: net.value, inputs: net.inputs, summed: false }, 'persons'),
      );
      const flip = signChangeFact(section, factId(section, 'net', 'sign_change'), before, net, 'year_ago');
      if (flip) facts.add(flip);
    }
  }
  // The dynamic table: arrivals, departures and net migration for every period published up to the report period.
  for (const q of periodsOf(ds, 'pr_arrivals').filter((q) => q.kind !== 'date' && q.end <= p.end).sort((a, b) => a.end - b.end || b.start - a.start))
    balanceOf(ds, facts, section, dynamicId(q), 'pr_arrivals', 'pr_departures', TOTAL, q);
  // Series over the same months of each calendar year: records and streaks (a year without data breaks a streak).
  const series = calendarYears(ds, 'pr_arrivals', p);
  for (const [measure, indicator] of [
    ['arrivals', 'pr_arrivals'],
    ['departures', 'pr_departures'],
  ]) {
    const points = series.map((q) => ({ period: q, v: valueOf(ds, subject(indicator, TOTAL), q) }));
    for (const f of seriesFacts(section, factId(section, measure), subject(indicator, TOTAL), points, 'direction')) facts.add(f);
  }
  // Net migration is a series of its own (arrivals − departures), named as such wherever it is stated.
  const netPoints = series.map((q) => {
    const b = balanceOf(ds, null, section, '', 'pr_arrivals', 'pr_departures', TOTAL, q);
    return { period: q, v: b ? { value: b.value, inputs: b.inputs, summed: false } : undefined };
  });
  for (const f of seriesFacts(section, factId(section, 'net'), NET_SUBJECT, netPoints, 'sign')) facts.add(f);
  return { id: section, period: p, baseline, relation: 'year_ago', indicators };
}

/** Id of a period's row of the BNS dynamic table, e.g. `key_points.dynamic.2024_01_2024_03.balance`. */
export function dynamicId(q: Period): string {
  return factId('key_points', 'dynamic', q.code.toLowerCase().replace(/[^a-z0-9]+/g, '_'), 'balance');
}

function publishedShare(ds: Dataset, section: string, id: string, indicator: string, partner: string, p: Period): ShareFact | undefined {
  const o = select(ds, { indicator, period: p, country: partner, region: '' }).find((x) => x.value !== null);
  if (!o) return undefined;
  const whole = breakdownValue(o.breakdown, 'whole') || TOTAL;
  const inputs = [inputOf(o)];
  return {
    id, section, kind: 'share', subject: subject(indicator, partner, '', o.breakdown), whole, period: p,
    value: o.value as number, part: null, total: null, published: true,
    formula: `${indicator}[${partner}], ${p.code}, as published`, inputs, flags: flagsOf(inputs),
  };
}

function internal(ds: Dataset, facts: FactSet, report: Period): SectionScope {
  const section = 'internal';
  const indicators = ['internal_migrants_ratio', 'interregional_net'];
  let scopePeriod: Period | undefined;
  const pr = latestPeriod(ds, 'internal_migrants_ratio', report);
  if (pr) {
    scopePeriod = pr;
    const o = select(ds, { indicator: 'internal_migrants_ratio', period: pr }).find((x) => x.value !== null && x.country === TOTAL);
    const vs = o ? parsePeriod(breakdownValue(o.breakdown, 'vs')) : undefined;
    // Prefer counts when both periods have them; else state the published ratio.
    const s = subject('internal_migrants', TOTAL);
    const now = valueOf(ds, s, pr);
    const before = vs ? valueOf(ds, s, vs) : undefined;
    const computed = now && before && vs ? ratioFact(section, factId(section, 'migrants', 'ratio'), s, pr, vs, before, now) : undefined;
    if (computed) facts.add(computed);
    else if (o && vs) {
      const inputs = [inputOf(o)];
      facts.add({
        id: factId(section, 'migrants', 'ratio'), section, kind: 'ratio', subject: subject('internal_migrants_ratio', TOTAL, '', o.breakdown),
        period: pr, baseline: dataPeriod(ds, 'internal_migrants_ratio', vs) ?? vs, value: o.value as number, from: null, to: null, published: true,
        formula: `internal_migrants_ratio[_T], ${pr.code}, vs ${vs.code}, as published`, inputs, flags: flagsOf(inputs),
      });
    }
  }
  const pn = latestPeriod(ds, 'interregional_net', report);
  if (pn) {
    scopePeriod ??= pn;
    const rows = select(ds, { indicator: 'interregional_net', period: pn, country: NOT_APPLICABLE }).filter((o) => o.value !== null && o.region !== '' && o.breakdown === '');
    const levels: LevelFact[] = rows.map((o) =>
      facts.add({
        id: factId(section, 'net', o.region.toLowerCase(), 'level'), section, kind: 'level', subject: subject('interregional_net', NOT_APPLICABLE, o.region),
        period: pn, value: o.value as number, unit: 'persons', summed: false, formula: `interregional_net[${o.region}], ${pn.code}`, inputs: [inputOf(o)], flags: flagsOf([inputOf(o)]),
      }),
    );
    const positive = levels.filter((l) => l.value > 0).sort((a, b) => b.value - a.value || byCode(a.subject.region, b.subject.region));
    const inputs = positive.flatMap((l) => l.inputs);
    facts.add({
      id: factId(section, 'net', 'positive', 'selection'), section, kind: 'selection', indicator: 'interregional_net', period: pn, rule: 'positive',
      members: positive.map((l) => ({ key: l.subject.region, value: l.value, levelId: l.id })), count: positive.length,
      formula: `regions with interregional_net > 0, ${pn.code}, largest first`, inputs, flags: flagsOf(inputs),
    });
  }
  return { id: section, period: scopePeriod, indicators };
}

export type Template = 'iom-quarterly' | 'bns-release';
export const TEMPLATES: readonly Template[] = ['iom-quarterly', 'bns-release'];

/** Section ids of each template, in report order. */
export const SECTIONS: Record<Template, string[]> = {
  'iom-quarterly': ['flows', 'trp', 'prp', 'kandas', 'remittances_out', 'remittances_in'],
  'bns-release': ['key_points', 'internal'],
};

export function sectionFacts(ds: Dataset, facts: FactSet, template: Template, report: Period): SectionScope[] {
  if (template === 'bns-release') return [keyPoints(ds, facts, report), internal(ds, facts, report)];
  return [
    flows(ds, facts, report),
    trp(ds, facts, report),
    prp(ds, facts, report),
    kandas(ds, facts, report),
    remittances(ds, facts, report, 'remittances_out'),
    remittances(ds, facts, report, 'remittances_in'),
  ];
}

export type { Fact };
