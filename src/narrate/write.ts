// Sentence writing helpers shared by the sections: figures through the locale, directions from displayed values.
import type { Unit } from '../model.ts';
import type { ChangeFact, Fact, FactSet, LevelFact, MoversFact } from '../compare/facts.ts';
import type { ChangeItem, Direction, Locale, MoverItem, Style } from './locale.ts';
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

/** A sentence with the facts it states and the sources behind them. */
export function sentence(text: string, facts: (Fact | undefined)[]): Sentence {
  const factIds: string[] = [];
  const present: Fact[] = [];
  for (const f of facts)
    if (f && !factIds.includes(f.id)) {
      factIds.push(f.id);
      present.push(f);
    }
  return { text, factIds, sources: sourcesOfAll(present) };
}

/** The writer of one report: the locale plus the facts. */
export class Writer {
  constructor(
    readonly locale: Locale,
    readonly facts: FactSet,
  ) {}

  get<K extends Fact['kind']>(id: string, kind: K): Extract<Fact, { kind: K }> | undefined {
    return this.facts.get(id, kind);
  }

  /** A level as displayed, with its flag mark. */
  level(f: LevelFact): string {
    return this.locale.number(f.value, styleOf(f.unit)) + this.locale.flagMark(f.flags);
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
    const change = c.pct === null ? L.number(c.abs, styleOf(c.unit), true) : L.number(c.pct, 'percent', true);
    return { code: c.subject.partner, change, item: this.changeItem(L.t.noun(c.subject.indicator, c.subject.partner), c) };
  }

  /**
   * A change as one item of a sentence: a percentage when there is one; "n times as many" for rises of
   * 100% or more; the absolute change when the base is zero or the percentage rounds to zero but the
   * count does not. Unchanged only when nothing displayed moves.
   */
  changeItem(subject: string, c: ChangeFact): ChangeItem {
    const style = styleOf(c.unit);
    const flags = c.flags;
    if (c.pct !== null && c.pct >= 100) return { subject, direction: 1, magnitude: this.locale.digits(c.to / c.from, 'ratio'), times: true, flags };
    if (c.pct !== null && this.direction(c.pct, 'percent') !== 0)
      return { subject, direction: this.direction(c.pct, 'percent'), magnitude: this.locale.number(Math.abs(c.pct), 'percent'), flags };
    const d = this.direction(c.abs, style);
    return { subject, direction: d, magnitude: this.locale.number(Math.abs(c.abs), style), flags };
  }
}
