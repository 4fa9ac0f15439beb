// Fact types: language-free, unrounded comparisons with their provenance; sentences are rendered from these.
import type { SourceLocation, Status, Unit } from '../model.ts';
import type { Period } from '../period.ts';

/** One observation a fact was computed from. */
export interface FactInput {
  indicator: string;
  period: string;
  country: string;
  region: string;
  breakdown: string;
  value: number;
  /** The value as written in the file ("90" or "90.0"), for the precision it was published with. */
  raw?: string;
  status: Status;
  source: string;
  at: SourceLocation;
}

/** What a series is: one indicator for one partner (country, group, `_T`, `_Z`), region and breakdown. */
export interface Subject {
  indicator: string;
  /** For a balance (net migration, permits issued − terminated): the indicator subtracted from `indicator`. */
  minus?: string;
  partner: string;
  region: string;
  breakdown: string;
}

/** Status flags worth marking where a value is shown (writing.md rule 11). */
export type Flag = 'E' | 'I' | 'P';

/** How a baseline relates to the period it is compared with. */
/** How a baseline relates to its period: the previous one, the same span a year before, or a period the kind names. */
export type Relation = 'previous' | 'year_ago' | 'named';

interface FactBase {
  /** Stable id, e.g. `flows.arrivals.cis.change`; report.yaml pins and drops findings by it. */
  id: string;
  /** Report section id (flows, trp, prp, kandas, remittances_out, remittances_in, key_points, internal). */
  section: string;
  formula: string;
  inputs: FactInput[];
  /** E / I / P flags of the inputs, sorted, without duplicates. */
  flags: Flag[];
}

/** A value for a period: a count, an amount, a stock or a published percentage or ratio. */
export interface LevelFact extends FactBase {
  kind: 'level';
  subject: Subject;
  period: Period;
  value: number;
  unit: Unit;
  /** True when the value is a sum of member countries (no published total). */
  summed: boolean;
}

/** A change against a baseline. `pct` is null when the baseline is zero (no percentage exists). */
export interface ChangeFact extends FactBase {
  kind: 'change';
  subject: Subject;
  period: Period;
  baseline: Period;
  relation: Relation;
  from: number;
  to: number;
  abs: number;
  pct: number | null;
  unit: Unit;
}

/** A comparison that cannot be made because a value is missing: the sentence can say so. */
export interface UnavailableFact extends FactBase {
  kind: 'unavailable';
  subject: Subject;
  period: Period;
  /** The period whose data are missing. */
  missing: Period;
  relation: Relation;
  /** True when members of the whole (a group or `_T`) have figures for the missing period, but no total can be had. */
  partial: boolean;
}

/** 100 × part / whole for one period. */
export interface ShareFact extends FactBase {
  kind: 'share';
  subject: Subject;
  /** Partner code of the whole (a group or `_T`); for published shares the breakdown's `whole`. */
  whole: string;
  period: Period;
  value: number;
  part: number | null;
  total: number | null;
  /** A published share with no counts behind it (stated as published). */
  published: boolean;
}

/** A change of a share in percentage points. */
export interface ShareChangeFact extends FactBase {
  kind: 'share_change';
  subject: Subject;
  whole: string;
  period: Period;
  baseline: Period;
  relation: Relation;
  from: number;
  to: number;
  /** Percentage points. */
  pp: number;
}

/** Position among the members of a whole; equal values share a rank (1, 2, 2, 4). */
export interface RankFact extends FactBase {
  kind: 'rank';
  subject: Subject;
  whole: string;
  period: Period;
  rank: number;
  tied: boolean;
  of: number;
  baseline: Period | null;
  previousRank: number | null;
}

/** `overtaker` now outnumbers `overtaken`, which outnumbered it in the baseline period. */
export interface CrossoverFact extends FactBase {
  kind: 'crossover';
  indicator: string;
  period: Period;
  baseline: Period;
  relation: Relation;
  overtaker: string;
  overtaken: string;
  now: [number, number];
  before: [number, number];
}

/** The largest members of a whole, largest first (ties broken by code, so the order is stable). */
export interface TopFact extends FactBase {
  kind: 'top';
  indicator: string;
  whole: string;
  period: Period;
  members: { partner: string; value: number; share: number | null; levelId: string; shareId: string | null }[];
}

/** The largest relative movers up or down among the members of a whole. */
export interface MoversFact extends FactBase {
  kind: 'movers';
  indicator: string;
  whole: string;
  period: Period;
  baseline: Period;
  direction: 'up' | 'down';
  /** Ids of change facts, largest movement first. */
  changeIds: string[];
  /** Members with a value in both periods (the movers are the largest among these only). */
  compared: number;
  /** Members with a value in the report period (what the section lists). */
  listed: number;
}

/** plus − minus for the same period and partner (e.g. permits issued − terminated). */
export interface BalanceFact extends FactBase {
  kind: 'balance';
  subject: Subject; // indicator: the plus indicator
  minusIndicator: string;
  period: Period;
  plus: number;
  minus: number;
  value: number;
}

/** A balance whose sign differs from the baseline's. */
export interface SignChangeFact extends FactBase {
  kind: 'sign_change';
  subject: Subject;
  minusIndicator: string;
  period: Period;
  baseline: Period;
  relation: Relation;
  from: number;
  to: number;
}

/** value / baseline value (or a published ratio). */
export interface RatioFact extends FactBase {
  kind: 'ratio';
  subject: Subject;
  period: Period;
  baseline: Period;
  value: number;
  from: number | null;
  to: number | null;
  published: boolean;
}

/** A percentage change as published (a `change_pct` row with `vs=`), with no counts behind it. */
export interface PublishedChangeFact extends FactBase {
  kind: 'published_change';
  /** The published row's series (e.g. internal_migrants_change with breakdown vs=2024). */
  subject: Subject;
  period: Period;
  baseline: Period;
  /** The percentage as published (signed). */
  value: number;
}

/** The highest or lowest value of comparable periods in the available series. */
export interface RecordFact extends FactBase {
  kind: 'record';
  subject: Subject;
  period: Period;
  extreme: 'high' | 'low';
  value: number;
  /** First period with data of the series searched (the same months of earlier calendar years). */
  first: Period;
  /** Number of years with data in the series (≥ 3 for a record to be stated). */
  count: number;
  /** True when every calendar year from `first` to the period has data (else the text says "with data"). */
  complete: boolean;
}

/**
 * Consecutive calendar years (the same months of each) with values of the same sign (`sign`: for balances) or
 * moving the same way (`direction`); a year without data breaks the run. `length` counts values (sign) or moves
 * (direction); `first` is the first period of the run (for direction, the one before the first move).
 */
export interface StreakFact extends FactBase {
  kind: 'streak';
  subject: Subject;
  period: Period;
  mode: 'sign' | 'direction';
  sign: 1 | -1;
  length: number;
  first: Period;
  step: 'year' | 'month';
}

/** Parts of a whole that do not add up to it (published total differs from the sum of groups). */
export interface PartitionFact extends FactBase {
  kind: 'partition';
  indicator: string;
  whole: string;
  parts: string[];
  period: Period;
  total: number;
  sumOfParts: number;
  gap: number;
}

/** Members of a set selected by a rule (e.g. regions with positive net migration), largest first. */
export interface SelectionFact extends FactBase {
  kind: 'selection';
  indicator: string;
  period: Period;
  rule: 'positive' | 'negative';
  members: { key: string; value: number; levelId: string }[];
  count: number;
}

export type Fact =
  | LevelFact
  | ChangeFact
  | UnavailableFact
  | ShareFact
  | ShareChangeFact
  | RankFact
  | CrossoverFact
  | TopFact
  | MoversFact
  | BalanceFact
  | SignChangeFact
  | RatioFact
  | PublishedChangeFact
  | RecordFact
  | StreakFact
  | PartitionFact
  | SelectionFact;

export type FactKind = Fact['kind'];

/** Every fact of a report, by id, in creation order (deterministic). */
export class FactSet {
  readonly byId = new Map<string, Fact>();
  /** Facts by section, built on first ask after a change (the sentence code asks often). */
  private sections: Map<string, Fact[]> | undefined;

  add<F extends Fact>(fact: F): F {
    if (this.byId.has(fact.id)) throw new Error(`duplicate fact id ${fact.id}`);
    this.byId.set(fact.id, fact);
    this.sections = undefined;
    return fact;
  }

  get<K extends FactKind>(id: string, kind?: K): Extract<Fact, { kind: K }> | undefined {
    const f = this.byId.get(id);
    if (!f || (kind && f.kind !== kind)) return undefined;
    return f as Extract<Fact, { kind: K }>;
  }

  all(): Fact[] {
    return [...this.byId.values()];
  }

  ofSection(section: string): Fact[] {
    if (!this.sections) {
      this.sections = new Map();
      for (const f of this.byId.values()) {
        const list = this.sections.get(f.section);
        if (list) list.push(f);
        else this.sections.set(f.section, [f]);
      }
    }
    return [...(this.sections.get(section) ?? [])];
  }
}
