// Watches the source folders and turns bursts of file events into one render at a time.
import { existsSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface Watcher {
  close(): void;
}

/**
 * Calls `onChange` with the changed paths (absolute, sorted, unique) once a burst of events has
 * been quiet for `debounceMs`: an editor's save is often several events (write, rename, chmod).
 * Folders that do not exist are skipped and returned in `missing`.
 */
export function watchFolders(
  folders: string[],
  onChange: (changed: string[]) => void,
  opts: { debounceMs?: number; onError?: (folder: string, e: Error) => void } = {},
): Watcher & { missing: string[] } {
  const debounceMs = opts.debounceMs ?? 50;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = [];
  const missing: string[] = [];

  const flush = () => {
    timer = undefined;
    const changed = [...pending].sort();
    pending.clear();
    onChange(changed);
  };

  for (const folder of folders) {
    if (!existsSync(folder)) {
      missing.push(folder);
      continue;
    }
    const w = watch(folder, { recursive: true }, (_event, filename) => {
      pending.add(filename ? path.join(folder, filename.toString()) : folder);
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, debounceMs);
    });
    // A folder deleted under us must not kill the server; the next render reports what is missing.
    w.on('error', (e) => opts.onError?.(folder, e));
    watchers.push(w);
  }

  return {
    missing,
    close() {
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}

/**
 * Runs `task` for queued changes, never two at once: changes that arrive during a run are
 * collected and rendered together right after it.
 */
export function serialQueue(task: (changed: string[]) => Promise<void>) {
  let running: Promise<void> | undefined;
  const queued = new Set<string>();
  let requested = false; // a run with no paths (the first render) is still a run
  let closed = false;

  const drain = async (): Promise<void> => {
    try {
      while (requested && !closed) {
        const changed = [...queued].sort();
        queued.clear();
        requested = false;
        await task(changed);
      }
    } finally {
      running = undefined;
    }
  };

  return {
    push(changed: string[]): Promise<void> {
      for (const c of changed) queued.add(c);
      requested = true;
      if (!running) running = drain();
      return running;
    },
    /** Resolves when no render runs or waits. */
    idle(): Promise<void> {
      return running ?? Promise.resolve();
    },
    close() {
      closed = true;
    },
  };
}
