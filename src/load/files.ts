// Before a data file is read: is it there, a file, and readable? Each answer that is no is a
// located error naming the file (a folder where a file should be, a link to nothing, no permission),
// never a crash of the reader that opens it.
import { accessSync, constants, lstatSync, readlinkSync, statSync } from 'node:fs';
import * as msg from '../messages/load.ts';
import type { Problems } from './problems.ts';

/** What is wrong with the path as a readable file, or undefined when it can be read. */
export function fileProblem(path: string): msg.Message | undefined {
  let isLink = false;
  try {
    isLink = lstatSync(path).isSymbolicLink();
  } catch (e) {
    return msg.unreadableFile(reasonOf(e));
  }
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (isLink && (code === 'ENOENT' || code === 'ELOOP')) return msg.danglingLink(readlinkSync(path));
    return msg.unreadableFile(reasonOf(e));
  }
  if (isDir) return msg.folderNotFile();
  try {
    accessSync(path, constants.R_OK);
  } catch (e) {
    return msg.unreadableFile(reasonOf(e));
  }
  return undefined;
}

/** Reports the file's problem at its line 1; true when it can be read. */
export function fileIsReadable(path: string, file: string, problems: Problems): boolean {
  const problem = fileProblem(path);
  if (problem) problems.add(problem, { file, line: 1 });
  return problem === undefined;
}

/** "permission denied" for EACCES, and the like: the reason without Node's "EACCES: …, open '<path>'". */
export function reasonOf(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'it is a folder, not a file',
    ENOENT: 'it does not exist',
    ELOOP: 'too many symbolic links',
    EIO: 'input/output error',
  };
  return (err?.code && reasons[err.code]) ?? String(err?.message ?? e).split('\n')[0];
}
