// Writes outputs atomically: temporary files in the target folder, renamed only when all are
// written, so a failed or interrupted build leaves the previous outputs byte-identical.
import { accessSync, constants, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.ts';
import { publishMessages } from '../messages/index.ts';
import { onInterrupt } from './interrupt.ts';

export interface OutputFile {
  path: string;
  data: string | Uint8Array;
}

/** Same folder as the target, so the rename stays on one file system and is atomic. */
function temporaryPathFor(path: string): string {
  const nonce = `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return join(dirname(path), `.${basename(path)}.${nonce}.tmp`);
}

/** Writes the data to a temporary file at the given path (named beforehand, so that a clean-up knows it while it is written). */
async function writeTemporary(temporary: string, path: string, data: string | Uint8Array): Promise<void> {
  let file;
  try {
    file = await open(temporary, 'wx');
    await file.writeFile(data);
    await file.sync(); // the rename must not publish a file whose bytes are still in flight
  } catch (e) {
    await file?.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw new UserError(publishMessages.writeFailed(path, (e as Error).message));
  }
  await file.close();
}

/** Writes one file: to a temporary file beside it, then renamed over the target. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await writeOutputs([{ path, data }]);
}

/**
 * Writes every temporary file first and renames only when all were written; on any failure
 * the temporary files are removed and no target is touched.
 */
export async function writeOutputs(files: OutputFile[]): Promise<void> {
  // Every temporary file is named, and known to the clean-up, before any is opened: an interrupt while one is being
  // written removes it too (removing one not made yet is a no-op).
  const temporaries = files.map((f) => ({ temporary: temporaryPathFor(f.path), ...f }));
  const unregister = onInterrupt(() => {
    for (const t of temporaries) rmSync(t.temporary, { force: true });
  });
  try {
    for (const t of temporaries) await writeTemporary(t.temporary, t.path, t.data);
    // Renamed in one synchronous step: no signal handler runs between two renames, so an interrupt never leaves a
    // new HTML beside an old PDF while reporting that nothing was written.
    for (const t of temporaries) {
      try {
        renameSync(t.temporary, t.path);
      } catch (e) {
        throw new UserError(publishMessages.writeFailed(t.path, (e as Error).message));
      }
    }
  } catch (e) {
    await Promise.all(temporaries.map((t) => rm(t.temporary, { force: true })));
    throw e;
  } finally {
    unregister();
  }
}

/** The folder name of a report period: a range's "/" would make a nested folder (2023-Q1/2023-Q4 → 2023-Q1_2023-Q4). */
export function periodFolder(period: string): string {
  return period.replace(/\//g, '_');
}

/**
 * Why the output folder cannot be made or written, or undefined: checked before Chromium starts and
 * before any work, so a doomed build fails at once (a file where a folder should be, no permission).
 */
export function outputFolderProblem(outRoot: string): string | undefined {
  let dir = resolve(outRoot);
  for (;;) {
    let stat;
    try {
      stat = statSync(dir);
    } catch {
      stat = undefined; // missing (ENOENT), or under a file (ENOTDIR): the parent tells which
    }
    if (stat) {
      if (!stat.isDirectory()) return dir === resolve(outRoot) ? 'it is a file, not a folder' : `"${dir}" is a file, not a folder`;
      try {
        accessSync(dir, constants.W_OK | constants.X_OK);
      } catch {
        return dir === resolve(outRoot) ? 'no permission to write in it' : `no permission to make folders in "${dir}"`;
      }
      return undefined;
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Makes the folder of the outputs; a failure is a user error naming the folder, not a crash. */
export function makeOutputFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const reason = err.code === 'ENOTDIR' ? 'a file stands where a folder should be' : err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : err.message.split('\n')[0];
    throw new UserError(publishMessages.outputFolderUnusable(dir, reason));
  }
}
