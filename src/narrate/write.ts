// Sentence writing helpers shared by the sections: figures through the locale, directions from displayed values,
// and the claims each figure states (src/claims.ts), built from the same values as the words.
import type { Unit } from '../model.ts';
import type { ChangeFact, Fact, FactInput, FactSet, Flag, LevelFact, MoversFact, ShareFact, Subject } from '../compare/facts.ts';
import { parsePeriodCached, type Period } from '../period.ts';
import { flagsOf } from '../compare/values.ts';
import type { ChangeClaim, Claim, Display, LevelClaim, Mark, Series, ShareClaim } from '../claims.ts';
import type { ChangeItem, Direction, Figure, Locale, MoverItem, Style } from './locale.ts';
import type { Sentence } from '../report-model.ts';

export function styleOf(unit: Unit): Style {
  return unit === 'usd_million' ? 'money' : unit === 'percent' ? 'percent' : unit === 'ratio' ? 'ratio' : 'count';
}

/** Fewer members compared than this, and "fell most" would overstate what is known. */
export const MOVERS_MIN_COMPARED = 5;

/** Movers speak of all members only when every listed member has a baseline figure, and there are enough of them. */
export function moversComplete(f: Pick<MoversFact, 'compared' | 'listed'>): boolean {
  return f.compared >= f.listed && f.compared >= MOVERS_MIN_COMPARED;
}

/** The distinct sources of some facts' inputs, in order of first use (a report has a handful: a list beats a Set). */
export function sourcesOfAll(facts: Iterable<Fact>): string[] {
  const out: string[] = [];
  for (const f of facts) for (const i of f.inputs) if (!out.includes(i.source)) out.push(i.source);
  return out;
}

/** A sentence with the facts it was written from, the claims its words state, and the sources behind them. */
export function sentence(text: string, facts: (Fact | undefined)[], claims: (Claim | undefined)[] = []): Sentence {
  const factIds: string[] = [];
  const present: Fact[] = [];
  for (const f of facts)
    if (f && !factIds.includes(f.id)) {
      factIds.push(f.id);
      present.push(f);
    }
  return { text, factIds, sources: sourcesOfAll(present), claims: claims.filter((c): c is Claim => c !== undefined) };
}

/** The series a fact's subject is. */
export function seriesOf(s: Subject): Series {
  return s.minus ? { indicator: s.indicator, minus: s.minus, partner: s.partner, region: s.region, breakdown: s.breakdown } : { indicator: s.indicator, partner: s.partner, region: s.region, breakdown: s.breakdown };
}

/** Flags of the inputs that belong to one period (a baseline's figure carries only the baseline's flags). */
export function flagsAt(inputs: readonly FactInput[], p: Period): Flag[] {
  return flagsOf(inputs.filter((i) => i.period === p.code || parsePeriodCached(i.period)?.key === p.key));
}

/**
 * How a share is shown: one decimal; a published share written without decimals ("90") as published, "90%"
 * (writing.md, rule 5 as decided for M3: never more precision than the source printed).
 */
export function shareDisplay(f: ShareFact): Display {
  return f.published && f.inputs.every((i) => i.raw !== undefined && !/[.,]/.test(i.raw)) ? 'percent0' : 'percent';
}

export function marksOf(flags: readonly Flag[]): Mark[] {
  return [...flags];
}

/** The writer of one report: the locale plus the facts. */
export class Writer {
  constructor(
    readonly locale: Locale,
    readonly facts: FactSet,
    /** How many regions the reference lists (a count over regions says whether every region had figures). */
    readonly regions = 0,
  ) {}

  get<K extends Fact['kind']>(id: string, kind: K): Extract<Fact, { kind: K }> | undefined {
    return this.facts.get(id, kind);
  }

  /** A level as displayed, with its flag mark. */
  level(f: LevelFact): string {
    return this.locale.number(f.value, styleOf(f.unit)) + this.locale.flagMark(f.flags);
  }

  /**
   * Every claim a fact's figures can state in a table cell: a level; a change's two levels and its per cent and
   * absolute change; a share; a balance's two sides and the balance.
   */
  factClaims(f: Fact): Claim[] {
    const L = this.locale;
    const level = (s: Series, p: Period, value: number, display: Display, flags: Flag[]): LevelClaim => ({ what: 'level', series: s, period: p.code, marks: flags, value, display, shown: L.digits(value, display) });
    switch (f.kind) {
      case 'level':
        return [this.levelClaim(f)];
      case 'share':
        return [this.shareFigure(f).claim];
      case 'change': {
        const d = styleOf(f.unit) as Display;
        const s = seriesOf(f.subject);
        const out: Claim[] = [level(s, f.baseline, f.from, d, flagsAt(f.inputs, f.baseline)), level(s, f.period, f.to, d, flagsAt(f.inputs, f.period))];
        const base = { what: 'change' as const, series: s, period: f.period.code, baseline: f.baseline.code, marks: marksOf(f.flags) };
        if (f.pct !== null) out.push({ ...base, measure: 'pct', sign: this.direction(f.pct, 'percent'), value: Math.abs(f.pct), display: 'percent', shown: L.digits(f.pct, 'percent') });
        out.push({ ...base, measure: 'abs', sign: this.direction(f.abs, d), value: Math.abs(f.abs), display: d, shown: L.digits(f.abs, d) });
        return out;
      }
      case 'balance': {
        const sides = (indicator: string, value: number) =>
          level({ indicator, partner: f.subject.partner, region: f.subject.region, breakdown: f.subject.breakdown }, f.period, value, 'count', flagsAt(f.inputs.filter((i) => i.indicator === indicator), f.period));
        return [
          sides(f.subject.indicator, f.plus),
          sides(f.minusIndicator, f.minus),
          { what: 'balance', series: seriesOf(f.subject), period: f.period.code, marks: marksOf(f.flags), sign: this.direction(f.value, 'count'), value: Math.abs(f.value), display: 'count', shown: L.digits(f.value, 'count') },
        ];
      }
      default:
        return [];
    }
  }

  /** The claims of some facts whose figures a table row's cells show (the others are not stated there). */
  rowClaims(cells: string[], facts: (Fact | undefined)[], extra: Claim[] = []): Claim[] {
    const shown = cells.slice(1).join(' ');
    return [...extra, ...facts.flatMap((f) => (f ? this.factClaims(f) : []))].filter((c) => 'shown' in c && c.shown !== undefined && shown.includes(c.shown));
  }

  levelClaim(f: LevelFact): LevelClaim {
    const display = styleOf(f.unit) as Display;
    return { what: 'level', series: seriesOf(f.subject), period: f.period.code, marks: marksOf(f.flags), value: f.value, display, shown: this.locale.digits(f.value, display) };
  }

  /** A share as a figure with its claim (published shares are stated as published). */
  shareFigure(f: ShareFact): Figure {
    const display = shareDisplay(f);
    const claim: ShareClaim = {
      what: 'share', series: seriesOf(f.subject), period: f.period.code, marks: marksOf(f.flags), whole: f.whole, published: f.published,
      value: f.value, display, shown: this.locale.digits(f.value, display),
    };
    return { text: this.locale.number(f.value, display), marks: f.flags, claim };
  }

  num(v: number, style: Style): string {
    return this.locale.number(v, style);
  }

  pct(v: number): string {
    return this.locale.number(v, 'percent');
  }

  /** Direction decided on the displayed value: "unchanged" exactly when it rounds to zero. */
  direction(v: number, style: Style): Direction {
    const r = this.locale.rounded(v, style);
    return r > 0 ? 1 : r < 0 ? -1 : 0;
  }

  /** A member's change in a sentence of movers. */
  moverItem(c: ChangeFact): MoverItem {
    const L = this.locale;
    const item = this.changeItem(L.t.noun(c.subject.indicator, c.subject.partner), c);
    const change = item.measure === 'pct' ? L.number(c.pct!, 'percent', true) : item.magnitude;
    return { code: c.subject.partner, change, item };
  }

  /**
   * A change as one item of a sentence (writing.md rules 2 and 4): a percentage when one exists and shows a
   * movement; "n times as many" for rises of 100% or more; from zero, the new level; "virtually unchanged" when
   * the percentage rounds to zero but the count does not; "unchanged" when nothing displayed moves.
   */
  changeItem(subject: string, c: ChangeFact, opts: { absolute?: boolean } = {}): ChangeItem {
    const style = styleOf(c.unit);
    const flags = c.flags;
    const L = this.locale;
    const base = { subject, series: seriesOf(c.subject), flags };
    const claim = (measure: ChangeClaim['measure'], sign: Direction, value?: number, display?: Display): ChangeClaim => ({
      what: 'change', series: seriesOf(c.subject), period: c.period.code, baseline: c.baseline.code, marks: marksOf(flags), measure, sign,
      ...(value !== undefined && display ? { value, display, shown: L.digits(value, display) } : {}),
    });
    const absDir = this.direction(c.abs, style);
    if (opts.absolute || c.pct === null) {
      if (c.from === 0 && absDir !== 0 && !opts.absolute)
        return { ...base, direction: absDir, measure: 'from_zero', magnitude: L.number(Math.abs(c.to), style), claim: claim('from_zero', absDir, Math.abs(c.to), style) };
      if (absDir === 0) return { ...base, direction: 0, measure: 'unchanged', magnitude: '', claim: claim('unchanged', 0) };
      return { ...base, direction: absDir, measure: 'abs', magnitude: L.number(Math.abs(c.abs), style), claim: claim('abs', absDir, Math.abs(c.abs), style) };
    }
    const pctShown = L.rounded(c.pct, 'percent');
    if (pctShown >= 100) return { ...base, direction: 1, measure: 'times', magnitude: L.digits(c.to / c.from, 'ratio'), times: true, claim: claim('times', 1, c.to / c.from, 'ratio') };
    const d = this.direction(c.pct, 'percent');
    if (d !== 0) return { ...base, direction: d, measure: 'pct', magnitude: L.number(Math.abs(c.pct), 'percent'), claim: claim('pct', d, Math.abs(c.pct), 'percent') };
    if (absDir !== 0) return { ...base, direction: 0, measure: 'virtually_unchanged', magnitude: '', claim: claim('virtually_unchanged', 0) };
    return { ...base, direction: 0, measure: 'unchanged', magnitude: '', claim: claim('unchanged', 0) };
  }
}
