// The benchmark's arithmetic and presentation: summaries, targets, Markdown tables. Pure, so tested without running anything.

/** One measured quantity over several repetitions, or the reason it could not be measured. */
export type Measurement =
  | { name: string; unit: 'ms' | 'MiB' | 'reports/s' | 'x'; runs: number[]; min: number; median: number; note?: string }
  | { name: string; skipped: string };

export interface Summary {
  min: number;
  median: number;
}

/** Minimum and median (the lower middle for an even count, so it is always a value that was measured). */
export function summarise(runs: readonly number[]): Summary {
  if (runs.length === 0) throw new Error('no runs to summarise');
  const sorted = [...runs].sort((a, b) => a - b);
  return { min: sorted[0], median: sorted[Math.floor((sorted.length - 1) / 2)] };
}

export function measured(name: string, unit: Extract<Measurement, { runs: number[] }>['unit'], runs: number[], note?: string): Measurement {
  // Whole milliseconds hide what matters below 100 ms (the warm and facts targets), so keep a decimal there.
  const rounded = runs.map((r) => round(r, unit === 'MiB' || (unit === 'ms' && r >= 100) ? 0 : unit === 'ms' ? 1 : 2));
  return { name, unit, runs: rounded, ...summarise(rounded), ...(note ? { note } : {}) };
}

export function skipped(name: string, reason: string): Measurement {
  return { name, skipped: `skipped: ${reason}` };
}

export function medianOf(m: Measurement | undefined): number | undefined {
  return m && 'median' in m ? m.median : undefined;
}

export function round(value: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export interface Target {
  name: string;
  /** The measured value; null when the measurement was skipped (a skipped target is not met). */
  value: number | null;
  unit: string;
  /** The bound as written in issue 6, e.g. "≤ 1.5" or "< 400". */
  target: string;
  met: boolean;
  note?: string;
}

/** A target is an upper bound: `at most` allows equality, `under` does not. */
export function target(
  name: string,
  value: number | undefined,
  unit: string,
  bound: { atMost: number } | { under: number } | { atLeast: number },
  note?: string,
): Target {
  const text = 'atMost' in bound ? `≤ ${bound.atMost}` : 'atLeast' in bound ? `≥ ${bound.atLeast}` : `< ${bound.under}`;
  if (value === undefined || !Number.isFinite(value)) {
    return { name, value: null, unit, target: text, met: false, note: note ?? 'not measured in this run' };
  }
  const met = 'atMost' in bound ? value <= bound.atMost : 'atLeast' in bound ? value >= bound.atLeast : value < bound.under;
  return { name, value, unit, target: text, met, ...(note ? { note } : {}) };
}

/** A Markdown table; cells are escaped so a `|` in a reason cannot break the row. */
export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const cell = (v: string | number) => String(v).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const line = (cells: (string | number)[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function measurementRows(ms: Measurement[]): (string | number)[][] {
  return ms.map((m) =>
    'skipped' in m
      ? [m.name, '—', '—', '—', m.skipped]
      : [m.name, m.runs.length, `${m.min} ${m.unit}`, `${m.median} ${m.unit}`, m.note ?? ''],
  );
}

export function targetRows(targets: Target[]): (string | number)[][] {
  return targets.map((t) => [
    t.name,
    t.value === null ? '—' : `${t.value} ${t.unit}`,
    `${t.target} ${t.unit}`,
    t.value === null ? 'not measured' : t.met ? 'met' : 'MISSED',
    t.note ?? '',
  ]);
}

export interface BenchOptions {
  quick: boolean;
  /** Profile the cold build even when every target is met. */
  profile: boolean;
  /** Repetitions of the cold runs (floor, build, HTML alone), alternated. */
  rounds: number;
  /** Synthetic sizes through load and check. */
  scale: number[];
  /** The report kind built by the cold, warm and scale runs (the batch builds every kind). */
  template: string;
}

export function parseOptions(argv: string[]): BenchOptions {
  let template = 'iom-quarterly';
  const flags: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--template') {
      template = argv[++i] ?? '';
      if (!/^[a-z][a-z0-9-]*$/.test(template)) throw new Error('--template needs a report kind, e.g. bns-release');
    } else flags.push(argv[i]);
  }
  const unknown = flags.filter((a) => !['--quick', '--profile'].includes(a));
  if (unknown.length) throw new Error(`unknown option ${unknown[0]} (use --quick, --profile, --template <kind>)`);
  const quick = flags.includes('--quick');
  return {
    template,
    quick,
    profile: argv.includes('--profile'),
    rounds: quick ? 3 : 7,
    scale: quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000],
  };
}

/**
 * The order of the cold runs: every round runs each kind once, and the order turns each round
 * (A B C, B C A, C A B …) so no kind always runs first, right after a quiet pause, or last.
 */
export function alternation<K>(kinds: readonly K[], rounds: number): K[] {
  const order: K[] = [];
  for (let r = 0; r < rounds; r++) for (let i = 0; i < kinds.length; i++) order.push(kinds[(i + r) % kinds.length]);
  return order;
}

/** Each stage's share of the total, from the per-stage medians. */
export function shares(stages: { stage: string; ms: number }[]): { stage: string; ms: number; share: number }[] {
  const total = stages.reduce((s, x) => s + x.ms, 0);
  return stages.map((s) => ({ ...s, share: total > 0 ? round((100 * s.ms) / total, 1) : 0 }));
}
