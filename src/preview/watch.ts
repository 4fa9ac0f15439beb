// Watches the source folders and turns bursts of file events into one render at a time.
import { existsSync, readdirSync, statSync, watch, type Dirent, type FSWatcher } from 'node:fs';
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
  const missing: string[] = [];

  const flush = () => {
    timer = undefined;
    const changed = [...pending].sort();
    pending.clear();
    onChange(changed);
  };

  // Every folder of the tree is watched on its own, not with `recursive: true`: Node's recursive
  // watcher on Linux follows each file's inode, so a file replaced by rename (editors' atomic save,
  // `sed -i`, `mv`) or deleted and made again was never seen again (reliability check defect 3).
  // A folder's watch sees its entries by name, whatever inode each has now.
  const watched = new Map<string, FSWatcher>();
  const watchTree = (dir: string, folder: string) => {
    if (watched.has(dir)) return;
    let w: FSWatcher;
    try {
      w = watch(dir, (_event, filename) => {
        const changed = filename ? path.join(dir, filename.toString()) : dir;
        pending.add(changed);
        // A folder made (or renamed into place) under a watched one is watched from now on.
        if (filename && isFolder(changed)) watchTree(changed, folder);
        if (!existsSync(dir)) {
          watched.get(dir)?.close();
          watched.delete(dir);
        }
        if (timer) clearTimeout(timer);
        timer = setTimeout(flush, debounceMs);
      });
    } catch (e) {
      opts.onError?.(folder, e as Error);
      return;
    }
    // A folder deleted under us must not kill the server; the next render reports what is missing.
    w.on('error', (e) => {
      watched.get(dir)?.close();
      watched.delete(dir);
      opts.onError?.(folder, e);
    });
    watched.set(dir, w);
    for (const entry of readdirSafe(dir)) if (entry.isDirectory()) watchTree(path.join(dir, entry.name), folder);
  };

  for (const folder of folders) {
    if (!existsSync(folder)) {
      missing.push(folder);
      continue;
    }
    watchTree(folder, folder);
  }

  return {
    missing,
    close() {
      if (timer) clearTimeout(timer);
      for (const w of watched.values()) w.close();
      watched.clear();
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

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function readdirSafe(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}
