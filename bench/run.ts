// Runs the benchmark's child processes: wall-clock time of a command, and the JSON result of a bench/child.ts task.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { RESULT_PREFIX } from './result-prefix.ts';
import { killNow } from '../src/publish/browser.ts';

export const projectRoot = fileURLToPath(new URL('../', import.meta.url));
const childScript = fileURLToPath(new URL('./child-entry.js', import.meta.url));

export interface Ran {
  ms: number;
  stdout: string;
  stderr: string;
}

/** The commands running now: each is started in a process group of its own, which Ctrl-C does not reach. */
const running = new Set<ChildProcess>();

/** Kills every command still running: for an interrupted benchmark, before it removes their folder. */
export function killRunning(): void {
  for (const child of running) killNow(child);
  running.clear();
}

/** Runs a command to its end; a non-zero exit or a timeout is an error carrying the last line it printed. */
export function run(command: string, args: string[], opts: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<Ran> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd: projectRoot,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-20_000)));
    // A hung run (a browser that never answers) must not hang the benchmark: kill its whole group.
    const timer = setTimeout(() => killNow(child), opts.timeoutMs ?? 120_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      running.delete(child);
      fail(e);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      const ms = performance.now() - started;
      if (code === 0) return done({ ms, stdout, stderr });
      const last = lastLines(stderr) || lastLines(stdout);
      fail(new Error(signal ? `killed (${signal}) after ${Math.round(ms)} ms` : `exit ${code}: ${last}`));
    });
  });
}

/** The line that says what went wrong: the first error line if there is one (a stack's tail says nothing), else the last lines. */
function lastLines(text: string): string {
  const lines = text.trim().split('\n').filter((l) => l.trim() && !/^\s+at /.test(l));
  const error = lines.find((l) => /^(\w*Error\b|error:|unexpected error)/i.test(l.trim()) || /^\S.*:\d+: error: /.test(l));
  return (error ?? lines.slice(-2).join(' / ')).trim().slice(0, 300);
}

/** Runs one bench/child.ts task in a fresh Node process and returns the JSON it printed. */
export async function childTask<T>(task: string, arg: number | string = '', timeoutMs = 180_000): Promise<T & { wallMs: number }> {
  const ran = await run(process.execPath, [childScript, task, String(arg)], { timeoutMs });
  const line = ran.stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (!line) throw new Error(`task ${task} printed no result: ${lastLines(ran.stderr || ran.stdout)}`);
  return { ...(JSON.parse(line.slice(RESULT_PREFIX.length)) as T), wallMs: ran.ms };
}

export function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0].slice(0, 300);
}
