// A content-addressed disk cache for compiled artefacts (parsed chart specs, precompiled templates):
// the key hashes everything the artefact depends on, so a stale entry is never read, and a build
// that cannot write (a read-only install) still works, only slower.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

/** Stores a text whole or not at all (temporary file, then rename), even with two builds at once. */
export function writeCached(area: string, file: string, text: string): void {
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
