// Synchronous clean-ups run when the process is interrupted (Ctrl-C, SIGTERM, SIGHUP) or exits
// with something still open: the browser must never outlive us, nor temporary files.

type Cleanup = () => void;

const cleanups = new Set<Cleanup>();
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const exitCodes: Record<(typeof signals)[number], number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

function runAll(): void {
  for (const cleanup of [...cleanups]) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // Best effort: one failing clean-up must not stop the others.
    }
  }
}

/** The outputs a build has already put in place: a signal after that is no failure of the build. */
let published: string[] | undefined;

/**
 * Called once every output was renamed into place: an interrupt from now on (while the browser
 * closes) exits 0 and says what was written, instead of 130/143 that would tell a caller nothing
 * was (reliability check defect 21).
 */
export function markPublished(paths: string[]): void {
  published = paths;
  // In the CLI, kept from now until the process ends, even once nothing is left to clean up: a late signal (the
  // browser closed, the code cache being saved) would otherwise meet the default action and report failure.
  if (ownsProcess) install();
}

/** A new build begins (a program may run several): nothing of it is published yet. */
export function clearPublished(): void {
  published = undefined;
  if (cleanups.size === 0) uninstall();
}

/** Whether the process is the CLI's own (bin/migreport.js), not a program or test that runs builds in its process. */
let ownsProcess = false;

/**
 * Called by bin/migreport.js, whose process ends with the command: only there may a published build keep the signal
 * handlers until the exit. A program that runs builds in its own process keeps its own meaning of SIGINT and SIGTERM
 * whenever no browser or temporary file of ours is open.
 */
export function ownProcessSignals(): void {
  ownsProcess = true;
}

const onSignal = (signal: (typeof signals)[number]) => () => {
  runAll();
  if (published) {
    const what = published.length <= 4 ? published.join(', ') : `${published.length} files, as listed on standard output`;
    process.stderr.write(`note: ${signal} after the outputs were written: ${what}\n`);
    process.exit(0);
  }
  process.exit(exitCodes[signal]);
};
const handlers = signals.map((s) => [s, onSignal(s)] as const);

let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  for (const [s, h] of handlers) process.on(s, h);
  process.on('exit', runAll);
}

function uninstall(): void {
  if (!installed || (published && ownsProcess)) return;
  installed = false;
  for (const [s, h] of handlers) process.off(s, h);
  process.off('exit', runAll);
}

/**
 * Registers a synchronous clean-up for interruption or exit; returns the function that
 * unregisters it once the resource was released normally. The signal handlers are only
 * installed while something is registered (and from the publication of a build's outputs until the
 * process ends), so Ctrl-C keeps its default meaning otherwise.
 */
export function onInterrupt(cleanup: Cleanup): () => void {
  install();
  cleanups.add(cleanup);
  return () => {
    if (cleanups.delete(cleanup) && cleanups.size === 0) uninstall();
  };
}

/** Whether a process of that id is still running (one of another user's counts as running). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
