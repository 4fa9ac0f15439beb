// Builds a data folder in a temporary directory: the minimal valid project, overlaid with a case's files.
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures');

/**
 * Returns the temporary root holding `data/`. A case's observations folder replaces the minimal
 * one; its reference and narrative files replace the minimal files of the same name.
 */
export function projectWith(caseDir?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'migreport-test-'));
  const data = join(root, 'data');
  cpSync(join(FIXTURES, 'minimal'), data, { recursive: true });
  if (caseDir) {
    if (existsSync(join(caseDir, 'observations'))) rmSync(join(data, 'observations'), { recursive: true });
    clearTypeChanges(caseDir, data);
    cpSync(caseDir, data, { recursive: true });
  }
  return root;
}

/** A case may put a folder where the minimal project has a file (or the reverse): the old one goes first. */
function clearTypeChanges(from: string, to: string): void {
  for (const name of readdirSync(from)) {
    const src = join(from, name);
    const dst = join(to, name);
    if (!existsSync(dst)) continue;
    if (lstatSync(src).isDirectory() !== lstatSync(dst).isDirectory()) rmSync(dst, { recursive: true });
    else if (lstatSync(src).isDirectory()) clearTypeChanges(src, dst);
  }
}
