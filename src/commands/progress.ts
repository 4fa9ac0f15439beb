// Progress by stage with times: shown on a terminal, silent under CI or when output is piped.
import type { StageTimer } from '../pipeline.ts';

export interface Progress {
  time: StageTimer;
  /** Stage durations in milliseconds, in the order they ran (also kept when silent). */
  stages: { stage: string; ms: number }[];
  done(summary: string): void;
}

export function progress(err: (line: string) => void, show: boolean): Progress {
  const stages: { stage: string; ms: number }[] = [];
  const report = (stage: string, started: number) => {
    const ms = performance.now() - started;
    stages.push({ stage, ms });
    if (show) err(`  ${stage.padEnd(16)} ${ms.toFixed(0).padStart(6)} ms`);
  };
  const time: StageTimer = (stage, work) => {
    const started = performance.now();
    const result = work();
    if (result instanceof Promise) {
      return result.then((value) => {
        report(stage, started);
        return value;
      }) as typeof result;
    }
    report(stage, started);
    return result;
  };
  return { time, stages, done: (summary) => show && err(summary) };
}

/** Progress is shown on an interactive terminal, unless CI is set. */
export function showProgress(): boolean {
  return Boolean(process.stderr.isTTY) && !process.env.CI;
}
