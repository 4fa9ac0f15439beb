// Facts per report section: which series each section compares, for the latest period its data allow.
import { NOT_APPLICABLE, TOTAL, type Dataset, type Observation } from '../model.ts';
import { monthCode, parsePeriod, previousPeriod, sameLastYear, type Period } from '../period.ts';
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
import { blockEntry, typedBlock, type FactBlock, type KindSpec, type SectionSpec } from '../kinds/schema.ts';

/** What a section compares and for which period (the latest at or before the report period). */
export interface SectionScope {
  id: string;
  /** The data period the section speaks of; undefined when the section has no data. */
  period?: Period;
  /**
   * Every period of the section's current figures: its own period first, then that of any block whose figures are of
   * another (a block of a published ratio or of regions takes its own latest period), in the order of the blocks.
   */
  periods?: Period[];
  /** The comparison period, when the section compares. */
  baseline?: Period;
  relation?: Relation;
  /** Indicators the section draws on (for "data not available" notes). */
  indicators: string[];
  /** The section as its kind's report.yaml declares it, and its measures. */
  spec: SectionSpec;
  measures: Map<string, MeasureInfo>;
}


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
    /** The measure states the total alone: its ids leave the partner out. */
    totalOnly?: boolean;
  },
): void {
  const { section, measure, indicator, period: p, baseline, relation } = opts;
  const id = (partner: string, kind: string) => factId(section, measure, opts.totalOnly && partner === TOTAL ? '' : partnerKey(partner), kind);
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

// ── The engine: a section's fact blocks (templates/<kind>/report.yaml) ───────────────────────

/** What a measure of a section is: the series it states and how its fact ids name partners. */
export interface MeasureInfo {
  indicator: string;
  /** For a balance: the indicator subtracted. */
  minus?: string;
  /** True when the block states the total alone: its ids leave the partner out (`key_points.arrivals.level`). */
  totalOnly: boolean;
}

/** The partners a selector names: `total`, `groups` (every group of countries.csv, by code) or codes. */
export function expandPartners(ds: Dataset, selectors: readonly string[]): string[] {
  const out: string[] = [];
  for (const s of selectors) {
    // Groups in code order, whatever the order of countries.csv's rows.
    const codes = s === 'total' ? [TOTAL] : s === 'groups' ? [...ds.reference.countries.values()].filter((c) => c.isGroup).map((c) => c.code).sort(byCode) : [s];
    for (const c of codes) if (!out.includes(c)) out.push(c);
  }
  return out;
}

/** A fact id of a measure: `<section>.<measure>.<partner>.<kind>`, the partner left out for a total-only measure. */
export function measureId(section: string, measure: string, info: MeasureInfo | undefined, partner: string, kind: string): string {
  return factId(section, measure, info?.totalOnly && partner === TOTAL ? '' : partnerKey(partner), kind);
}

/** For a stock counted on dates, the previous period is the latest date with data before it. */
function previousDate(ds: Dataset, indicator: string, p: Period): Period | undefined {
  return periodsOf(ds, indicator)
    .filter((q) => q.kind === 'date' && q.date! < p.date!)
    .sort((a, b) => (a.date! < b.date! ? -1 : 1))
    .pop();
}

/** The measures of a section's fact blocks. */
export function measuresOf(spec: SectionSpec): Map<string, MeasureInfo> {
  const out = new Map<string, MeasureInfo>();
  for (const b of spec.facts) {
    const [type, body] = blockEntry(b);
    const m = String(body.measure ?? '');
    if (out.has(m)) continue;
    const selectors = [...((body.aggregates as string[]) ?? []), ...((body.partners as string[]) ?? [])];
    const lists = (body.lists as string[] | undefined) ?? [];
    // A level block states a total at its own latest period; other blocks state the total alone when they name only it.
    const totalOnly = type === 'level' || (m !== '' && selectors.length > 0 && selectors.every((x) => x === 'total') && lists.length === 0);
    const indicator = String(body.indicator ?? body.plus ?? '');
    out.set(m, { indicator, ...(type === 'balance' || type === 'periods' ? { minus: String(body.minus) } : {}), totalOnly });
  }
  return out;
}

/** The indicators a section states (named when it has no data). */
function indicatorsOf(spec: SectionSpec): string[] {
  if (spec.indicators) return [...spec.indicators];
  const out: string[] = [];
  for (const b of spec.facts) {
    const body = blockEntry(b)[1];
    for (const k of ['indicator', 'plus', 'minus']) if (typeof body[k] === 'string' && !out.includes(body[k] as string)) out.push(body[k] as string);
  }
  return out;
}

function balanceSubject(plus: string, minus: string, partner: string): Subject {
  return { indicator: plus, minus, partner, region: '', breakdown: '' };
}

/** Facts of one section, as its spec declares them, for the latest period its data allow at or before the report's. */
export function sectionScope(ds: Dataset, facts: FactSet, spec: SectionSpec, report: Period): SectionScope {
  const section = spec.id;
  const measures = measuresOf(spec);
  const indicators = indicatorsOf(spec);
  let p: Period | undefined;
  let lead = '';
  for (const indicator of spec.period.latest) {
    const rows = spec.period.rows;
    const key = spec.period.breakdown;
    const byRows = rows === 'total' ? (o: Observation) => o.country === TOTAL && o.region === '' && o.breakdown === '' : rows === 'partners' ? (o: Observation) => o.country !== TOTAL && o.region === '' : undefined;
    const byKey = key ? (o: Observation) => o.breakdown.split(';').some((kv) => kv.startsWith(`${key}=`)) : spec.period.regions ? (o: Observation) => o.region !== '' : undefined;
    p = latestPeriod(ds, indicator, report, byRows || byKey ? (o) => (!byRows || byRows(o)) && (!byKey || byKey(o)) : undefined);
    if (p) {
      lead = indicator;
      break;
    }
  }
  if (!p) return { id: section, indicators, spec, measures };
  const named = typeof spec.baseline === 'object' ? parsePeriod(spec.baseline.named) : undefined;
  const relation: Relation | undefined = spec.baseline === 'none' ? undefined : typeof spec.baseline === 'object' ? 'named' : spec.baseline;
  const baseline =
    relation === 'named' ? dataPeriod(ds, lead, named) : relation ? dataPeriod(ds, lead, relation === 'previous' ? (p.kind === 'date' ? previousDate(ds, lead, p) : previousPeriod(p)) : sameLastYear(p)) : undefined;
  const periods = [p];
  for (const block of spec.facts) {
    const added = facts.byId.size;
    const q = factBlock(ds, facts, { section, measures, p, baseline, relation: relation ?? 'previous', report }, typedBlock<FactBlock>(block));
    if (q && facts.byId.size > added && !periods.some((x) => x.key === q.key)) periods.push(q);
  }
  return { id: section, period: p, periods, baseline, relation, indicators, spec, measures };
}

interface BlockContext {
  section: string;
  measures: Map<string, MeasureInfo>;
  p: Period;
  baseline?: Period;
  relation: Relation;
  report: Period;
}

/** Adds a block's facts; returns the period of the block's current figures (the section's, or the block's own latest). */
function factBlock(ds: Dataset, facts: FactSet, c: BlockContext, block: FactBlock): Period | undefined {
  const { section, p, baseline, relation } = c;
  switch (block.type) {
    case 'partners': {
      const b = block.body;
      const info = c.measures.get(b.measure);
      partnerBreakdown(ds, facts, {
        section, measure: b.measure, indicator: b.indicator, period: p, baseline, relation,
        aggregates: expandPartners(ds, b.aggregates), aggregateWhole: b.whole ? expandPartners(ds, [b.whole])[0] : undefined,
        lists: expandPartners(ds, b.lists).map((whole) => ({ whole })), totalOnly: info?.totalOnly ?? false,
      });
      if (b.before && baseline) {
        const f = levelFact(ds, section, factId(section, b.measure, 'total', 'level_before'), subject(b.indicator, TOTAL), baseline);
        if (f) facts.add(f);
      }
      // The baseline's own change, on the period a year before it ("after rising 17.9% a year earlier").
      if (b.prior_change && baseline) {
        const before = dataPeriod(ds, b.indicator, sameLastYear(baseline));
        const f = before && changeFact(ds, section, measureId(section, b.measure, info, TOTAL, 'change_before'), subject(b.indicator, TOTAL), baseline, before, 'year_ago');
        if (f && f.kind === 'change') facts.add(f);
      }
      return p;
    }
    case 'balance': {
      const b = block.body;
      const info = c.measures.get(b.measure);
      // Balances are computed (plus − minus); a published balance is the audit's business.
      for (const partner of expandPartners(ds, b.partners)) {
        const id = (kind: string) => measureId(section, b.measure, info, partner, kind);
        const now = balanceOf(ds, facts, section, id('balance'), b.plus, b.minus, partner, p);
        if (!now || !baseline || !b.before) continue;
        const before = balanceOf(ds, null, section, id('balance_before'), b.plus, b.minus, partner, baseline);
        if (!before) continue;
        facts.add(before);
        if (b.change)
          facts.add(
            changeFromValues(section, id('change'), balanceSubject(b.plus, b.minus, partner), p, baseline, relation,
              { value: before.value, inputs: before.inputs, summed: false }, { value: now.value, inputs: now.inputs, summed: false }, 'persons'),
          );
        if (b.sign_change) {
          const flip = signChangeFact(section, id('sign_change'), before, now, relation);
          if (flip) facts.add(flip);
        }
      }
      // Balances by member, where both sides were published (a missing value is no balance, never 0).
      if (b.members_of.length) {
        const wholes = expandPartners(ds, b.members_of);
        const withMinus = new Set(wholes.flatMap((g) => memberRows(ds, b.minus, g, p).map((o) => o.country)));
        for (const g of wholes)
          for (const o of memberRows(ds, b.plus, g, p)) {
            const id = measureId(section, b.measure, info, o.country, 'balance');
            if (withMinus.has(o.country) && !facts.byId.has(id)) balanceOf(ds, facts, section, id, b.plus, b.minus, o.country, p);
          }
      }
      return p;
    }
    case 'published_share': {
      const b = block.body;
      const id = (kind: string) => factId(section, b.measure, partnerKey(b.partner), kind);
      const now = publishedShare(ds, section, id('share'), b.indicator, b.partner, p);
      if (!now) return undefined;
      facts.add(now);
      const before = b.change && baseline ? publishedShare(ds, section, id('share_before'), b.indicator, b.partner, baseline) : undefined;
      if (before) {
        facts.add(before);
        facts.add(shareChangeFact(section, id('share_change'), before, now, relation));
      }
      return p;
    }
    case 'periods': {
      const b = block.body;
      const fromJanuary = (q: Period) => q.start % 12 === 0 && q.end % 3 === 2;
      for (const q of periodsOf(ds, b.plus).filter((q) => q.kind !== 'date' && q.end <= p.end && (b.spans === 'all' || fromJanuary(q))).sort((x, y) => x.end - y.end || y.start - x.start))
        balanceOf(ds, facts, section, periodRowId(section, b.measure, q), b.plus, b.minus, TOTAL, q);
      return p;
    }
    case 'history': {
      const b = block.body;
      const bal = b.balance_of !== undefined ? c.measures.get(b.balance_of) : undefined;
      const lead = bal?.indicator ?? b.indicator ?? '';
      // Consecutive months up to the section period's last month, from the first month with data; else calendar years.
      const months = (): Period[] => {
        const first = periodsOf(ds, lead).filter((q) => q.kind === 'month' && q.end <= p.end).reduce((m, q) => Math.min(m, q.start), Infinity);
        const out: Period[] = [];
        for (let m = first; Number.isFinite(m) && m <= p.end; m++) out.push(parsePeriod(monthCode(m))!);
        return out;
      };
      const spans = (indicator: string) => (b.step === 'month' ? months() : calendarYears(ds, indicator, p));
      if (bal?.minus) {
        // A balance is a series of its own (plus − minus), named as such wherever it is stated.
        const series = spans(bal.indicator);
        const points = series.map((q) => {
          const v = balanceOf(ds, null, section, '', bal.indicator, bal.minus!, TOTAL, q);
          return { period: q, v: v ? { value: v.value, inputs: v.inputs, summed: false } : undefined };
        });
        for (const f of seriesFacts(section, factId(section, b.measure), balanceSubject(bal.indicator, bal.minus, TOTAL), points, b.mode, b.step)) facts.add(f);
      } else if (b.indicator) {
        const series = spans(b.indicator);
        const points = series.map((q) => ({ period: q, v: valueOf(ds, subject(b.indicator!, TOTAL), q) }));
        for (const f of seriesFacts(section, factId(section, b.measure), subject(b.indicator, TOTAL), points, b.mode, b.step)) facts.add(f);
        // Each year's level, for a long-series chart: `<section>.<measure>.years.<period>.level`.
        if (b.levels)
          for (const { period: q } of points) {
            const f = levelFact(ds, section, historyLevelId(section, b.measure, q), subject(b.indicator, TOTAL), q);
            if (f && !facts.byId.has(f.id)) facts.add(f);
          }
      }
      return p;
    }
    case 'series': {
      // The total in each period as long as the section's, back from it to the first such period the data hold
      // (a period without a total has no level: a gap, never a zero).
      const b = block.body;
      if (p.kind === 'date') return undefined;
      const n = p.end - p.start + 1;
      const first = periodsOf(ds, b.indicator)
        .filter((q) => q.kind !== 'date' && q.end - q.start + 1 === n && (((p.start - q.start) % n) + n) % n === 0 && q.end <= p.end)
        .reduce((m, q) => Math.min(m, q.start), p.start);
      const series: Period[] = [];
      for (let q: Period | undefined = p; q && q.start >= first; q = previousPeriod(q)) series.unshift(dataPeriod(ds, b.indicator, q)!);
      for (const q of series) {
        const f = levelFact(ds, section, seriesLevelId(section, b.measure, q), subject(b.indicator, TOTAL), q);
        if (f && !facts.byId.has(f.id)) facts.add(f);
      }
      return p;
    }
    case 'member_shares': {
      // Shares as published, one row per member (percent rows with no counts behind them), at their latest period.
      const b = block.body;
      const whole = expandPartners(ds, [b.whole])[0];
      const q = latestPeriod(ds, b.indicator, c.report, (o) => o.country !== TOTAL && o.region === '');
      if (!q) return undefined;
      for (const o of memberRows(ds, b.indicator, whole, q)) {
        const f = publishedShare(ds, section, factId(section, b.measure, partnerKey(o.country), 'share'), b.indicator, o.country, q);
        if (f) facts.add({ ...f, whole });
      }
      return q;
    }
    case 'level': {
      const b = block.body;
      const q = latestPeriod(ds, b.indicator, c.report);
      if (!q) return undefined;
      const f = levelFact(ds, section, factId(section, b.measure, 'level'), subject(b.indicator, TOTAL), q);
      if (f) facts.add(f);
      return q;
    }
    case 'by_region': {
      const b = block.body;
      const parts = select(ds, { indicator: b.indicator, period: p, country: TOTAL })
        .filter((o) => o.value !== null && o.region !== '' && o.breakdown === '')
        .map((o) => ({ key: o.region.toLowerCase(), subject: subject(b.indicator, TOTAL, o.region) }));
      partsOfTotal(ds, facts, section, b.measure, b.indicator, p, parts);
      return p;
    }
    case 'breakdown': {
      const b = block.body;
      const parts = select(ds, { indicator: b.indicator, period: p, country: TOTAL, region: '' })
        .filter((o) => o.value !== null && o.breakdown.split(';').length === 1 && o.breakdown.startsWith(`${b.key}=`))
        .map((o) => ({ key: breakdownValue(o.breakdown, b.key), subject: subject(b.indicator, TOTAL, '', o.breakdown) }));
      partsOfTotal(ds, facts, section, b.measure, b.indicator, p, parts);
      return p;
    }
    case 'structure': {
      // Published structures: one level fact per breakdown value, stated as published.
      const b = block.body;
      const q = latestPeriod(ds, b.indicator, c.report);
      if (!q) return undefined;
      for (const o of select(ds, { indicator: b.indicator, period: q, country: TOTAL, region: '' })) {
        if (o.value === null) continue;
        const f = levelFact(ds, section, factId(section, b.measure, breakdownValue(o.breakdown, b.key), 'level'), subject(b.indicator, TOTAL, '', o.breakdown), q);
        if (f) facts.add(f);
      }
      return q;
    }
    case 'published_change': {
      const b = block.body;
      const q = latestPeriod(ds, b.indicator, c.report);
      if (!q) return undefined;
      const o = select(ds, { indicator: b.indicator, period: q, country: TOTAL, region: '' }).find((x) => x.value !== null && breakdownValue(x.breakdown, 'vs') !== x.breakdown);
      const vs = o ? parsePeriod(breakdownValue(o.breakdown, 'vs')) : undefined;
      if (!o || !vs) return undefined;
      const inputs = [inputOf(o)];
      facts.add({
        id: factId(section, b.measure, 'change'), section, kind: 'published_change', subject: subject(b.indicator, TOTAL, '', o.breakdown),
        period: q, baseline: dataPeriod(ds, b.indicator, vs) ?? vs, value: o.value as number,
        formula: `${b.indicator}[_T], ${q.code}, vs ${vs.code}, as published`, inputs, flags: flagsOf(inputs),
      });
      return q;
    }
    case 'ratio': {
      const b = block.body;
      const pr = latestPeriod(ds, b.indicator, c.report);
      if (!pr) return undefined;
      const o = select(ds, { indicator: b.indicator, period: pr }).find((x) => x.value !== null && x.country === TOTAL);
      const vs = o ? parsePeriod(breakdownValue(o.breakdown, 'vs')) : undefined;
      const id = factId(section, b.measure, 'ratio');
      // Prefer counts when both periods have them; else state the published ratio.
      const s = b.counts ? subject(b.counts, TOTAL) : undefined;
      const now = s && valueOf(ds, s, pr);
      const before = s && vs ? valueOf(ds, s, vs) : undefined;
      const computed = s && now && before && vs ? ratioFact(section, id, s, pr, vs, before, now) : undefined;
      if (computed) facts.add(computed);
      else if (o && vs) {
        const inputs = [inputOf(o)];
        facts.add({
          id, section, kind: 'ratio', subject: subject(b.indicator, TOTAL, '', o.breakdown),
          period: pr, baseline: dataPeriod(ds, b.indicator, vs) ?? vs, value: o.value as number, from: null, to: null, published: true,
          formula: `${b.indicator}[_T], ${pr.code}, vs ${vs.code}, as published`, inputs, flags: flagsOf(inputs),
        });
      }
      return pr;
    }
    case 'regions': {
      const b = block.body;
      const pn = latestPeriod(ds, b.indicator, c.report);
      if (!pn) return undefined;
      const rows = select(ds, { indicator: b.indicator, period: pn, country: NOT_APPLICABLE }).filter((o) => o.value !== null && o.region !== '' && o.breakdown === '');
      const levels: LevelFact[] = rows.map((o) =>
        facts.add({
          id: factId(section, b.measure, o.region.toLowerCase(), 'level'), section, kind: 'level', subject: subject(b.indicator, NOT_APPLICABLE, o.region),
          period: pn, value: o.value as number, unit: 'persons', summed: false, formula: `${b.indicator}[${o.region}], ${pn.code}`, inputs: [inputOf(o)], flags: flagsOf([inputOf(o)]),
        }),
      );
      const positive = levels.filter((l) => l.value > 0).sort((x, y) => y.value - x.value || byCode(x.subject.region, y.subject.region));
      const inputs = positive.flatMap((l) => l.inputs);
      facts.add({
        id: factId(section, b.measure, 'positive', 'selection'), section, kind: 'selection', indicator: b.indicator, period: pn, rule: b.select,
        members: positive.map((l) => ({ key: l.subject.region, value: l.value, levelId: l.id })), count: positive.length,
        formula: `regions with ${b.indicator} > 0, ${pn.code}, largest first`, inputs, flags: flagsOf(inputs),
      });
      return pn;
    }
  }
}

/** Id of one year's level of a long series, e.g. `emigration.departures.years.2000.level`. */
/**
 * A total's parts (by region, or by one breakdown key): the total's level, a level for each part, and each part's
 * share of the total of the same period.
 */
function partsOfTotal(ds: Dataset, facts: FactSet, section: string, measure: string, indicator: string, p: Period, parts: { key: string; subject: Subject }[]): void {
  const total = valueOf(ds, subject(indicator, TOTAL), p);
  const whole = levelFact(ds, section, factId(section, measure, 'level'), subject(indicator, TOTAL), p);
  if (whole && !facts.byId.has(whole.id)) facts.add(whole);
  for (const part of parts) {
    const level = levelFact(ds, section, factId(section, measure, part.key, 'level'), part.subject, p);
    if (!level) continue;
    facts.add(level);
    const share = total ? shareFact(section, factId(section, measure, part.key, 'share'), part.subject, TOTAL, p, { value: level.value, inputs: level.inputs, summed: false }, total) : undefined;
    if (share) facts.add(share);
  }
}

/** Id of one period's level of a series block, e.g. `flows.arrivals.periods.2024_q1.level`. */
export function seriesLevelId(section: string, measure: string, q: Period): string {
  return factId(section, measure, 'periods', q.code.toLowerCase().replace(/[^a-z0-9]+/g, '_'), 'level');
}

export function historyLevelId(section: string, measure: string, q: Period): string {
  return factId(section, measure, 'years', q.code.toLowerCase().replace(/[^a-z0-9]+/g, '_'), 'level');
}

/** Id of a period's row of a dynamic table, e.g. `key_points.dynamic.2024_01_2024_03.balance`. */
export function periodRowId(section: string, measure: string, q: Period): string {
  return factId(section, measure, q.code.toLowerCase().replace(/[^a-z0-9]+/g, '_'), 'balance');
}

function balanceOf(ds: Dataset, facts: FactSet | null, section: string, id: string, plus: string, minus: string, partner: string, p: Period, region = ''): BalanceFact | undefined {
  const a = valueOf(ds, subject(plus, partner, region), p);
  const b = valueOf(ds, subject(minus, partner, region), p);
  if (!a || !b) return undefined;
  const f = balanceFact(section, id, subject(plus, partner, region), minus, p, a, b);
  return facts ? facts.add(f) : f;
}
/** The value of one key in a normalised breakdown (`age=working;education=higher` → education: higher). */
export function breakdownValue(breakdown: string, key: string): string {
  for (const pair of breakdown.split(';')) {
    const [k, v] = pair.split('=');
    if (k === key) return v ?? '';
  }
  return breakdown;
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

export function sectionFacts(ds: Dataset, facts: FactSet, kind: KindSpec, report: Period): SectionScope[] {
  return kind.sections.map((spec) => sectionScope(ds, facts, spec, report));
}

export type { Fact };
