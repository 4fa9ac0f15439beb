// A content-addressed disk cache for compiled artefacts (parsed chart specs, precompiled templates):
// the key hashes everything the artefact depends on, so a stale entry is never read, and a build
// that cannot write (a read-only install) still works, only slower.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageFile } from './paths.ts';

const ROOT = packageFile('node_modules', '.cache', 'migreport');

/** A short key for the texts an artefact is made from. */
export function contentKey(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);
}

/** The cached text for a key in an area ('vega', 'handlebars'), or undefined when there is none. */
export function readCached(area: string, file: string): string | undefined {
  try {
    return readFileSync(join(ROOT, area, file), 'utf8');
  } catch {
    return undefined;
  }
}

/** Stores a text (or bytes) whole or not at all (temporary file, then rename), even with two builds at once. */
export function writeCached(area: string, file: string, text: string | Uint8Array): void {
  try {
    const dir = join(ROOT, area);
    mkdirSync(dir, { recursive: true });
    const temporary = join(dir, `.${file}.${process.pid}.tmp`);
    writeFileSync(temporary, text);
    renameSync(temporary, join(dir, file));
  } catch {
    // A read-only install still works; it only compiles every time.
  }
}

/** Removes all but the `keep` most recently written files of an area (for large artefacts). */
export function pruneCached(area: string, keep: number): void {
  try {
    const dir = join(ROOT, area);
    const files = readdirSync(dir)
      .filter((name) => !name.startsWith('.'))
      .map((name) => ({ path: join(dir, name), written: statSync(join(dir, name)).mtimeMs }))
      .sort((a, b) => b.written - a.written);
    for (const { path } of files.slice(keep)) rmSync(path, { force: true });
  } catch {
    // Nothing to prune, or a read-only install.
  }
}
